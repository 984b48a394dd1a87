#!/bin/sh
# Tab at the `:` prompt (issue 14 item 4): completes the commands, then
# NIPs (check, staff show), position codes (check NIP CODE) and plan ids
# (plan show), and shows the choices above the prompt where they can be
# read, with names; too many say how many more. In both languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
"$MUTASI" --db "$TMPD/db" plan new "Mutasi Uji" >/dev/null || fail "plan new"
body() { # NAME N: the text of the N-th dump
  awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"
}
last() { body "$1" "$2" | sed -n 24p; }   # (the dump drops trailing spaces)
cursor_col() { # NAME N
  awk -v n="$2" '/^--- screen /{d++} d==n && /^--- screen / {print $NF; exit}' "$TMPD/$1.dump"
}

tui tab ':<Tab><Dump>sta<Tab><Dump><Space>f<Tab><Dump><C-u>check 1994<Tab><Dump>1004<Tab><Dump><Tab><Dump>PKM-C<Tab><Dump>PRW<Tab><Dump><Enter><Dump>'
# 1: every command, once, above the prompt
body tab 1 | grep -q 'check  help  quit' || fail "Tab on an empty line listed no commands"
[ "$(body tab 1 | grep -o 'quit' | wc -l)" = 1 ] || fail "quit listed more than once"
[ "$(last tab 1)" = ":" ] || fail "prompt line: '$(last tab 1)'"
# 2-3: a unique start is filled in
[ "$(last tab 2)" = ":staff" ] || fail "sta<Tab>: '$(last tab 2)'"
[ "$(last tab 3)" = ":staff find" ] && [ "$(cursor_col tab 3)" = 13 ] || fail "staff f<Tab>: '$(last tab 3)'"
# 4: several NIPs, with names, above the prompt
body tab 4 | grep -q '^199410042019032001  Cucu Susanti' || fail "NIP choices"
[ "$(last tab 4)" = ":check 1994" ] || fail "check 1994<Tab>: '$(last tab 4)'"
# 5: one NIP: filled in with a space after it
[ "$(last tab 5)" = ":check 199410042019032001" ] && [ "$(cursor_col tab 5)" = 27 ] ||
  fail "NIP: '$(last tab 5)', cursor at $(cursor_col tab 5)"
# 6: every position, more than the screen holds: says how many more
body tab 6 | grep -q '^BKAD-ANL  Analis' || fail "position choices"
body tab 6 | grep -q '^\.\.\. [0-9]* more: type more to narrow' || fail "no word on the choices left out"
# 7-8: a shared start, then the one code
[ "$(last tab 7)" = ":check 199410042019032001 PKM-CIBEBER-" ] || fail "PKM-C<Tab>: '$(last tab 7)'"
[ "$(last tab 8)" = ":check 199410042019032001 PKM-CIBEBER-PRW" ] || fail "code: '$(last tab 8)'"
# 9: and it runs
body tab 9 | grep -q 'PKM-CIBEBER-PRW' || fail "the completed check did not run"

# Plan ids, a typed position code in small letters, and nothing to complete.
tui tab2 ':plan show <Tab><Dump><Enter><Dump>:check 199410042019032001 pkm-w<Tab><Dump><C-u>check 777<Tab><Dump><C-u>zz<Tab><Dump>'
[ "$(last tab2 1)" = ":plan show 1" ] || fail "plan id: '$(last tab2 1)'"
body tab2 2 | grep -q 'Plan 1: Mutasi Uji' || fail ":plan show 1 did not open the plan"
[ "$(last tab2 3)" = ":check 199410042019032001 PKM-WARUNG-" ] || fail "pkm-w: '$(last tab2 3)'"
body tab2 4 | grep -q 'nothing matches what is typed' || fail "777: no word"
body tab2 5 | grep -q 'nothing matches what is typed' || fail "zz: no word"

E2E_CONFIG=$(e2e_config_id) tui tab_id ':check 1994<Tab><Dump><C-u>zz<Tab><Dump><C-u>check 19941004201903200<Tab><Tab><Dump>'
body tab_id 1 | grep -q '^199410042019032001  Cucu Susanti' || fail "id: NIP choices"
body tab_id 2 | grep -q 'tidak ada yang cocok' || fail "id: nothing matches"
body tab_id 3 | grep -q '^\.\.\. [0-9]* lagi: ketik lebih banyak' || fail "id: more"
echo "complete: commands, NIPs, position codes, plan ids; choices above the prompt"
