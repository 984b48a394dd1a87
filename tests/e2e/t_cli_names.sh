#!/bin/sh
# The text forms name what their codes stand for: `staff find` (unit and
# position names after the codes), the history of `staff show`, and the
# `workload` table (a NAME column); the CSV forms stay codes only.
set -u
. "$TOP/tests/e2e/lib.sh"
db="$TMPD/db"
m() { "$MUTASI" --db "$db" "$@"; }
m demo --staff 300 --seed 5 >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }
m export units >"$TMPD/units.csv" && m export positions >"$TMPD/positions.csv" || fail "export"
# name_of FILE CODE: the name column of a unit or position export.
name_of() { awk -F, -v c="$2" '$1 == c { print $(FILENAME ~ /units/ ? 2 : 3); exit }' "$1"; }

m staff find a >"$TMPD/find" 2>"$TMPD/err" || fail "staff find: $(cat "$TMPD/err")"
line=$(head -n 1 "$TMPD/find")
nip=$(echo "$line" | cut -f 1)
unit=$(echo "$line" | cut -f 3)
pos=$(echo "$line" | cut -f 4)
[ "$(echo "$line" | cut -f 5)" = "$(name_of "$TMPD/units.csv" "$unit")" ] ||
  fail "staff find: no name of unit $unit in: $line"
[ "$(echo "$line" | cut -f 6)" = "$(name_of "$TMPD/positions.csv" "$pos")" ] ||
  fail "staff find: no name of position $pos in: $line"

m staff show "$nip" >"$TMPD/show" 2>"$TMPD/err" || fail "staff show: $(cat "$TMPD/err")"
# Every history line: date, position code and name; unit code and name.
sed -n '/^Position history:/,$p' "$TMPD/show" | sed 1d >"$TMPD/hist"
[ -s "$TMPD/hist" ] || fail "staff show has no history"
while read -r _d hpos _rest; do
  hname=$(name_of "$TMPD/positions.csv" "$hpos")
  grep -qF "$hpos  $hname; " "$TMPD/hist" || fail "history line of $hpos lacks its name $hname"
done <"$TMPD/hist"
pname=$(name_of "$TMPD/positions.csv" "$pos")
uname=$(name_of "$TMPD/units.csv" "$unit")

m workload "$unit" >"$TMPD/wl" 2>"$TMPD/err" || fail "workload: $(cat "$TMPD/err")"
head -n 1 "$TMPD/wl" | grep -q 'NAME$' || fail "workload has no NAME column: $(head -n 1 "$TMPD/wl")"
grep -F "$pos " "$TMPD/wl" | grep -qF "$pname, $uname" || fail "workload row of $pos has no names"
m workload "$unit" --format csv >"$TMPD/wl.csv" || fail "workload csv"
[ "$(head -n 1 "$TMPD/wl.csv")" = "unit,position,workload_minutes,need,existing,gap,ej,grade" ] ||
  fail "workload CSV header changed: $(head -n 1 "$TMPD/wl.csv")"
grep -qF "$pname" "$TMPD/wl.csv" && fail "workload CSV carries names"
m workload --by unit >"$TMPD/wlu" || fail "workload --by unit"
top=$(sed -n 2p "$TMPD/wlu" | awk '{ print $1 }')
sed -n 2p "$TMPD/wlu" | grep -qF "$(name_of "$TMPD/units.csv" "$top")" || fail "--by unit: no unit name"
echo "cli names: all checks passed"
