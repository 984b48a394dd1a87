#!/bin/sh
# PgDn, PgUp and Space move half a page, as Ctrl-d and Ctrl-u do (DESIGN
# "Screens and keys"); Ctrl-f and Ctrl-b keep vi's whole page. The rows
# that stay on screen are scrolled by the terminal, not sent again. On the
# Staff list, a unit's detail and the Help text, in English and Indonesian.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db

# dump_screen NAME N: the text lines of the N-th dump.
dump_screen() {
  awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"
}
# pos NAME N: the position the N-th dump shows ("11/118").
pos() {
  dump_screen "$1" "$2" | awk '/ [0-9]+\/[0-9]+ *$/ {print $NF}' | tail -n 1
}
# list_rows NAME N FIRST LAST: rows FIRST..LAST of the list (1 = the first
# row under the column header), without the selection marker.
list_rows() {
  dump_screen "$1" "$2" | sed -n "$(($3 + 2)),$(($4 + 2))p" | cut -c2-
}

# Staff, 80x24: 20 rows, so half a page is 10.
tui half '<Dump><PgDn><Dump><Space><Dump><PgUp><Dump><C-f><Dump><C-b><Dump><C-d><Dump><C-u><Dump>' \
  --tty-out half.tty
want="1/118 11/118 21/118 11/118 31/118 11/118 21/118 11/118"
got=""
i=1
while [ $i -le 8 ]; do got="$got${got:+ }$(pos half $i)"; i=$((i + 1)); done
[ "$got" = "$want" ] || fail "positions after <start> PgDn Space PgUp C-f C-b C-d C-u: $got, expected $want"

# After PgDn the first row is the one that was 11th: the list scrolled by
# ten rows, with the selection on the same line of the screen.
list_rows half 1 11 20 >"$TMPD/kept.before"
list_rows half 2 1 10 >"$TMPD/kept.after"
[ -s "$TMPD/kept.before" ] && cmp -s "$TMPD/kept.before" "$TMPD/kept.after" ||
  { diff "$TMPD/kept.before" "$TMPD/kept.after"; fail "PgDn did not scroll the list by half a page"; }
dump_screen half 2 | sed -n 3p | grep -q '^>' || fail "after PgDn the selection is not on the first row"
# Space is PgDn: rows 21..30 now, the first of them selected.
list_rows half 2 11 20 >"$TMPD/space.before"
list_rows half 3 1 10 >"$TMPD/space.after"
cmp -s "$TMPD/space.before" "$TMPD/space.after" || fail "Space did not scroll the list by half a page"

# The rows that stayed were not sent again: none of their NIPs is in what
# PgDn wrote, and each of the ten new rows is.
start=$(bytes_of half '<start>')
pgdn=$(bytes_of half '<PgDn>')
dd if="$TMPD/half.tty" of="$TMPD/pgdn.out" bs=1 skip="$start" count="$pgdn" 2>/dev/null
[ "$(wc -c <"$TMPD/pgdn.out")" -eq "$pgdn" ] || fail "could not cut PgDn's bytes out of the terminal output"
cut -c1-18 "$TMPD/kept.after" | while read -r nip; do
  ! grep -qF "$nip" "$TMPD/pgdn.out" || fail "PgDn sent the row of $nip again, which stayed on screen"
done || exit 1
list_rows half 2 11 20 | cut -c1-18 | while read -r nip; do
  grep -qF "$nip" "$TMPD/pgdn.out" || fail "PgDn did not send the new row of $nip"
done || exit 1
whole=$(bytes_of half '<C-f>')
[ "$pgdn" -lt $((whole * 7 / 10)) ] ||
  fail "half a page wrote $pgdn bytes, a whole page $whole: the kept rows were sent again?"
echo "half page: PgDn $pgdn bytes, Space $(bytes_of half '<Space>'), whole page (C-f) $whole"

# A unit's detail (Units, Enter) and the Help text page by halves too.
tui units '2<Enter><Dump><PgDn><Dump><PgUp><Dump>'
[ "$(pos units 2)" = "$(pos units 1 | awk -F/ '{print $1 + 10 "/" $2}')" ] ||
  fail "unit detail: PgDn went from $(pos units 1) to $(pos units 2)"
[ "$(pos units 3)" = "$(pos units 1)" ] || fail "unit detail: PgUp went back to $(pos units 3), not $(pos units 1)"
tui help '6<Dump><Space><Dump>/half-page-down<Enter><Dump>'
[ "$(pos help 2)" = "$(pos help 1 | awk -F/ '{print $1 + 10 "/" $2}')" ] ||
  fail "Help: Space went from $(pos help 1) to $(pos help 2)"
# Help names the keys and says half a page.
grep -E '^[ >] *C-d PgDn Space +half-page-down +move down half a page' "$TMPD/help.dump" >/dev/null ||
  { cat "$TMPD/help.dump"; fail "Help does not list C-d PgDn Space for half a page down"; }

# The same in Indonesian.
E2E_CONFIG=$(e2e_config_id)
export E2E_CONFIG
tui half_id '<PgDn><Dump><Space><Dump><PgUp><Dump>'
[ "$(pos half_id 1) $(pos half_id 2) $(pos half_id 3)" = "11/118 21/118 11/118" ] ||
  fail "id: PgDn Space PgUp: $(pos half_id 1) $(pos half_id 2) $(pos half_id 3)"
tui help_id '6/half-page-down<Enter><Dump>'
grep -qE 'C-d PgDn Space +half-page-down +turun setengah halaman' "$TMPD/help_id.dump" ||
  { cat "$TMPD/help_id.dump"; fail "id: Help does not list C-d PgDn Space for half a page down"; }
echo "half page: PgDn, Space and PgUp move ten rows of twenty on Staff, a unit's detail and Help, en and id"

# Whoever wants less's whole page binds it in ui.yaml (config/ui.yaml's
# example); the help then lists PgDn and Space under page-down.
mkdir -p "$TMPD/config-whole"
cp "$(e2e_config)"/*.yaml "$TMPD/config-whole/"
printf 'keys:\n  page-down: [PgDn, Space]\n  page-up: PgUp\n' >"$TMPD/config-whole/ui.yaml"
E2E_CONFIG="$TMPD/config-whole"
tui whole '<PgDn><Dump><Space><Dump><PgUp><Dump><C-d><Dump>?/page-down<Enter><Dump>'
[ "$(pos whole 1) $(pos whole 2) $(pos whole 3) $(pos whole 4)" = "21/118 41/118 21/118 31/118" ] ||
  fail "ui.yaml page-down: PgDn Space PgUp C-d: $(pos whole 1) $(pos whole 2) $(pos whole 3) $(pos whole 4)"
grep -qE '^[ >] *(PgDn Space|Space PgDn) +page-down ' "$TMPD/whole.dump" ||
  { cat "$TMPD/whole.dump"; fail "help does not list PgDn Space under page-down after rebinding"; }
echo "half page: ui.yaml can give PgDn and Space the whole page back"
