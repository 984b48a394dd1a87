#!/bin/sh
# `staff find` names a post as the records do after its position and its
# unit were renamed (schema 13 keeps the names in a table of their own,
# store/post_names.c): the import that renames writes that table in the
# same transaction, and the store's check finds it equal to the records.
set -u
. "$TOP/tests/e2e/lib.sh"
db="$TMPD/db"
m() { "$MUTASI" --db "$db" "$@"; }
checkdb=$(dirname "$MUTASI")/checkdb
m demo --staff 300 --seed 5 >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }
m staff find a >"$TMPD/before" 2>"$TMPD/err" || fail "staff find: $(cat "$TMPD/err")"
line=$(head -n 1 "$TMPD/before")
unit=$(echo "$line" | cut -f 3)
pos=$(echo "$line" | cut -f 4)
m export units >"$TMPD/units.csv" && m export positions >"$TMPD/positions.csv" || fail "export"

# The position gets a title no position had, the unit another name.
{ head -n 1 "$TMPD/positions.csv"
  awk -F, -v OFS=, -v c="$pos" '$1 == c { $3 = "Penata Arsip Terbaru"; print }' "$TMPD/positions.csv"
} >"$TMPD/p.csv"
{ head -n 1 "$TMPD/units.csv"
  awk -F, -v OFS=, -v c="$unit" '$1 == c { $2 = "Dinas Bernama Baru"; print }' "$TMPD/units.csv"
} >"$TMPD/u.csv"
[ "$(wc -l <"$TMPD/p.csv")" = 2 ] && [ "$(wc -l <"$TMPD/u.csv")" = 2 ] || fail "no rows to rename"
m import positions "$TMPD/p.csv" 2>"$TMPD/err" || fail "import positions: $(cat "$TMPD/err")"
m import units "$TMPD/u.csv" 2>"$TMPD/err" || fail "import units: $(cat "$TMPD/err")"

m staff find a >"$TMPD/after" 2>"$TMPD/err" || fail "staff find after: $(cat "$TMPD/err")"
# Every match in that unit or post shows the new name; nothing else changed.
awk -F '\t' -v OFS='\t' -v u="$unit" -v p="$pos" '
  $3 == u { $5 = "Dinas Bernama Baru" } $4 == p { $6 = "Penata Arsip Terbaru" } { print }' \
  "$TMPD/before" >"$TMPD/want"
cmp -s "$TMPD/want" "$TMPD/after" || { diff "$TMPD/want" "$TMPD/after" | head >&2; fail "find after the renames"; }
grep -q "	Penata Arsip Terbaru$" "$TMPD/after" || fail "the new title is not shown"

"$checkdb" "$db" >"$TMPD/check" 2>&1 || fail "checkdb: $(cat "$TMPD/check")"
echo "find renamed: all checks passed"
