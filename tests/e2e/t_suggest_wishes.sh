#!/bin/sh
# The staff's wishes in `mutasi plan suggest`: on a demo region, a first
# suggestion; then two of its people state wishes (`import preferences`):
# one would avoid the unit the optimiser sent them to, the other prefers
# the unit they were sent to. A second suggestion in a new plan fills the
# same number of places, no longer sends the first person there, says in
# words that the second goes where they asked, and its objective is still
# glpsol's optimum of the dumped graph.
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_TODAY=2026-07-01
db="$TMPD/db"
fail=0
m() { "$MUTASI" --db "$db" "$@"; }
bad() { echo "FAIL $*"; fail=1; }
shown() { printf '%s\n' "$1" | sed -E 's/^(.{8})(.{6})(.)(.{3})$/\1 \2 \3 \4/'; }

m demo --staff 1500 --seed 7 >/dev/null 2>&1 || { echo "FAIL demo"; exit 1; }
a=$(m plan new "tanpa keinginan") || { echo "FAIL plan new"; exit 1; }
m plan suggest "$a" >"$TMPD/a.txt" 2>/dev/null || { echo "FAIL suggest"; exit 1; }
m plan show "$a" --format csv | tail -n +2 >"$TMPD/a.csv"
na=$(wc -l <"$TMPD/a.csv")
[ "$na" -gt 2 ] || { echo "FAIL only $na moves suggested"; exit 1; }
# nip and to_unit (names carry commas: count from the end)
n1=$(sed -n 1p "$TMPD/a.csv" | cut -d, -f1); u1=$(sed -n 1p "$TMPD/a.csv" | awk -F, '{print $(NF-3)}')
n2=$(sed -n 2p "$TMPD/a.csv" | cut -d, -f1); u2=$(sed -n 2p "$TMPD/a.csv" | awk -F, '{print $(NF-3)}')
grep -q "^$(shown "$n2") .*a place the person prefers" "$TMPD/a.txt" &&
  bad "a wish in the reasons before any was stated"

printf 'nip,prefer,avoid,note\n%s,,%s,ingin dekat keluarga\n%s,%s,,\n' "$n1" "$u1" "$n2" "$u2" \
  >"$TMPD/pref.csv"
m import preferences "$TMPD/pref.csv" >/dev/null 2>&1 || bad "import preferences"

b=$(m plan new "dengan keinginan")
m plan suggest "$b" --dump-graph "$TMPD/b.min" >"$TMPD/b.txt" 2>/dev/null || bad "second suggest"
m plan show "$b" --format csv | tail -n +2 >"$TMPD/b.csv"
nb=$(wc -l <"$TMPD/b.csv")
[ "$nb" = "$na" ] || bad "$na places filled without wishes, $nb with them"
to1=$(grep "^$n1," "$TMPD/b.csv" | awk -F, '{print $(NF-3)}')
[ "$to1" = "$u1" ] && bad "$n1 still sent to $u1, which they asked to avoid"
grep -q "^$(shown "$n2") .*a place the person prefers -[0-9]" "$TMPD/b.txt" ||
  bad "the reasons of $n2's move do not name their wish: $(grep "^$(shown "$n2")" "$TMPD/b.txt")"
[ "$(grep "^$n2," "$TMPD/b.csv" | awk -F, '{print $(NF-3)}')" = "$u2" ] ||
  bad "$n2 not sent to $u2, which they prefer"
cmp -s "$TMPD/a.csv" "$TMPD/b.csv" && bad "the suggestion did not change"

obj=$(sed -n 's/^objective: \([0-9-]*\)$/\1/p' "$TMPD/b.txt")
costs=$(sed -n 's/.*; cost \([0-9-]*\): .*/\1/p' "$TMPD/b.txt" | awk '{s += $1} END {print s + 0}')
[ "$costs" = "$obj" ] || bad "the moves' costs sum to $costs, objective $obj"
glpsol_agrees "$TMPD/b.min" "$obj" || fail=1
exit $fail
