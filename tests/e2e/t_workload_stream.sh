#!/bin/sh
# The per-position workload listing streams (issue 16, item 2): rows go
# out as the positions are read, unit by unit, so a record that cannot be
# read near the end leaves every row before it written (a listing built
# whole first writes none); a subtree lists exactly the full listing's rows
# of its units; the text form's widths, chosen before the first row, fit
# every row of the demo (the NAME column starts at one place) and its total
# line sums the rows.
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_CONFIG="$(e2e_config)"
POKE="$TOP/build/tests/lmdbpoke"
[ -x "$POKE" ] || fail "no $POKE: run make first"
db="$TMPD/demo"
"$MUTASI" --db "$db" demo >/dev/null 2>&1 || fail "demo failed"
"$MUTASI" --db "$db" workload --format csv >"$TMPD/all.csv" || fail "workload csv failed"
"$MUTASI" --db "$db" workload >"$TMPD/all.txt" || fail "workload text failed"
rows=$(($(wc -l <"$TMPD/all.csv") - 1))
[ "$rows" -gt 100 ] || fail "the demo lists only $rows positions"

# --- the text form: aligned, and its total sums the rows --------------------------
at=$(head -n 1 "$TMPD/all.txt" | awk '{ print index($0, "NAME") }')
[ "$at" -gt 0 ] || fail "no NAME column: $(head -n 1 "$TMPD/all.txt")"
bad=$(sed '1d;$d' "$TMPD/all.txt" | awk -v at="$at" 'substr($0, at - 2, 2) != "  " || substr($0, at, 1) == " "' | head -n 3)
[ -z "$bad" ] || fail "rows whose name does not start under NAME (column $at): $bad"
sum=$(awk -F, 'NR > 1 { w += $3; n += $4; e += $5 } END { print w, n, e }' "$TMPD/all.csv")
total=$(tail -n 1 "$TMPD/all.txt" | awk '{ print $2, $3, $4 }')
[ "$(tail -n 1 "$TMPD/all.txt" | awk '{ print $1 }')" = total ] || fail "no total line: $(tail -n 1 "$TMPD/all.txt")"
[ "$sum" = "$total" ] || fail "total line says $total, the rows sum to $sum"

# --- a subtree: the full listing's rows of its units, in the same order -----------
unit=$(awk -F, 'NR > 1 { n[$1]++ } END { for (u in n) if (n[u] > 1) print u }' "$TMPD/all.csv" |
  sort | head -n 1)
parent=$("$MUTASI" --db "$db" export units | awk -F, -v u="$unit" '$1 == u { print $3 }')
[ -n "$parent" ] || fail "unit $unit has no parent to take as a subtree"
"$MUTASI" --db "$db" workload "$parent" --by unit --format csv | sed 1d | cut -d, -f1 >"$TMPD/units"
"$MUTASI" --db "$db" workload "$parent" --format csv >"$TMPD/sub.csv" || fail "workload $parent failed"
awk -F, 'NR == FNR { in_tree[$1] = 1; next } FNR == 1 || in_tree[$1]' "$TMPD/units" "$TMPD/all.csv" >"$TMPD/want.csv"
[ "$(wc -l <"$TMPD/sub.csv")" -gt 2 ] || fail "subtree $parent lists nothing"
cmp -s "$TMPD/sub.csv" "$TMPD/want.csv" || fail "subtree $parent: $(diff "$TMPD/want.csv" "$TMPD/sub.csv" | head -n 5)"

# --- streaming: the last position damaged, every row before it is out ---------------
last=$(tail -n 1 "$TMPD/all.csv" | cut -d, -f2)
bad="$TMPD/damaged"
cp -r "$db" "$bad"
"$POKE" "$bad" positions "$last" damage || fail "lmdbpoke damage $last"
"$MUTASI" --db "$bad" workload --format csv >"$TMPD/out.csv" 2>"$TMPD/err"; rc=$?
[ $rc = 1 ] || fail "a damaged position: exit $rc"
grep -q "damaged" "$TMPD/err" || fail "a damaged position: $(cat "$TMPD/err")"
head -n "$rows" "$TMPD/all.csv" >"$TMPD/want.csv"     # the header and all rows but the last
cmp -s "$TMPD/out.csv" "$TMPD/want.csv" ||
  fail "csv before the damaged position: $(wc -l <"$TMPD/out.csv") lines, want $rows"
"$MUTASI" --db "$bad" workload >"$TMPD/out.txt" 2>"$TMPD/err"; rc=$?
[ $rc = 1 ] || fail "a damaged position, text: exit $rc"
head -n "$rows" "$TMPD/all.txt" >"$TMPD/want.txt"
cmp -s "$TMPD/out.txt" "$TMPD/want.txt" ||
  fail "text before the damaged position: $(wc -l <"$TMPD/out.txt") lines, want $rows"
echo ok
