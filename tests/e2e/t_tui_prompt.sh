#!/bin/sh
# The prompt line (issue 14 item 3): what is typed always has at least
# half the line; a longer label is cut (its ": " kept), in both languages;
# text longer than its room shows its end, and the cursor follows it.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
prompt_line() { # NAME N: the last line of the N-th dump
  awk -v n="$2" '/^--- screen /{d++; l=0; next} d==n && ++l==24' "$TMPD/$1.dump"
}
cursor_col() { # NAME N
  awk -v n="$2" '/^--- screen /{d++} d==n && /^--- screen / {print $NF; exit}' "$TMPD/$1.dump"
}
width() { printf '%s' "$1" | wc -m; }
half_label() { # NAME N TYPED: the label ends within half the line, then TYPED
  _l=$(prompt_line "$1" "$2")
  case "$_l" in *": $3") ;; *) fail "$1 $2: the typed text is not whole at the end: '$_l'" ;; esac
  _label=${_l%": $3"}
  [ "$(width "$_label")" -le 38 ] || fail "$1 $2: the label takes $(width "$_label") cells: '$_l'"
  [ "$(cursor_col "$1" "$2")" = $(( $(width "$_l") + 1 )) ] ||
    fail "$1 $2: cursor at column $(cursor_col "$1" "$2"), text ends at $(width "$_l")"
}

typed='unit:DINKES rank:III/b rotation'
long='abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
tui prompt "f$typed<Dump><C-u>$long<Dump><Esc>2fshort<Dump><Esc>/Yus<Dump>"
half_label prompt 1 "$typed"
prompt_line prompt 1 | grep -q '^filter (unit:CODE.*…: ' || fail "the Staff label is not cut with a mark"
# 62 characters do not fit in the room: the end shows, after a mark.
l=$(prompt_line prompt 2)
case "$l" in *"…"*"UVWXYZ") ;; *) fail "long text: '$l'" ;; esac
[ "$(cursor_col prompt 2)" = 80 ] || fail "long text: cursor at $(cursor_col prompt 2)"
half_label prompt 3 short
# A short label is left whole.
[ "$(prompt_line prompt 4)" = "/Yus" ] || fail "search prompt: '$(prompt_line prompt 4)'"

E2E_CONFIG=$(e2e_config_id) tui prompt_id "funit:DINKES kurang<Dump><Esc>2fkurang puskesmas<Dump>"
half_label prompt_id 1 "unit:DINKES kurang"
prompt_line prompt_id 1 | grep -q '^saring (unitkerja:KODE.*…: ' || fail "the Indonesian label is not cut"
half_label prompt_id 2 "kurang puskesmas"
echo "prompt: labels cut to half the line in en and id; typed text whole or its end"
