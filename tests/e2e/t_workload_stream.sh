#!/bin/sh
# The per-position workload listing streams (issue 16, item 2): rows go
# out as the positions are read, unit by unit, so a record that cannot be
# read near the end leaves every row before it written (a listing built
# whole first writes none); a subtree lists exactly the full listing's rows
# of its units; the text form's widths, chosen before the first row, fit
# every row of the demo (the NAME column starts at one place) and its total
# line sums the rows. The first row is out while the command still runs,
# read from a pipe it cannot finish writing (no sleeps: the read blocks
# until the line is there). Memory stays flat in the number of rows: the
# peak resident set at 40,000 staff (some 30,000 rows) within 4 MB of the
# default demo's (the listing built whole took 10 MB more).
set -u
. "$TOP/tests/e2e/lib.sh"
export MUTASI_CONFIG="$(e2e_config)"
POKE="$TOP/build/tests/lmdbpoke"
MAXRSS="$TOP/build/tests/maxrss"
[ -x "$POKE" ] && [ -x "$MAXRSS" ] || fail "no $POKE or $MAXRSS: run make first"
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

# --- the first row while the command still runs -----------------------------------
# The pipe holds 64 KB; the CSV is larger, so the command cannot end before
# the reader drains it: a first line read while it is alive came out before
# the end. Both forms (the text one first sizes its columns).
[ "$(wc -c <"$TMPD/all.csv")" -gt 131072 ] || fail "the demo's listing fits a pipe: no test"
for form in csv text; do
  fifo="$TMPD/fifo.$form"
  mkfifo "$fifo" || fail "mkfifo"
  "$MUTASI" --db "$db" workload --format "$form" >"$fifo" &
  pid=$!
  exec 3<"$fifo"
  IFS= read -r line <&3 || fail "$form: no first line"
  IFS= read -r line <&3 || fail "$form: no first row"
  kill -0 "$pid" 2>/dev/null || fail "$form: the command ended before its first row was read"
  [ "$form" = csv ] && whole="$TMPD/all.csv" || whole="$TMPD/all.txt"
  want=$(sed -n 2p "$whole")
  [ "$line" = "$want" ] || fail "$form: first row \"$line\", want \"$want\""
  cat <&3 >/dev/null
  exec 3<&-
  wait "$pid" || fail "$form: the listing through a pipe failed"
done

# --- memory flat in the number of rows ------------------------------------------------
big="$TMPD/big"
"$MUTASI" --db "$big" demo --staff 40000 >/dev/null 2>&1 || fail "demo --staff 40000 failed"
"$MUTASI" --db "$big" workload --format csv >"$TMPD/big.csv" || fail "workload csv (big) failed"
brows=$(($(wc -l <"$TMPD/big.csv") - 1))
[ "$brows" -gt $((5 * rows)) ] || fail "the big demo lists $brows rows, the small one $rows"
for form in csv text; do
  small_kb=$("$MAXRSS" "$MUTASI" --db "$db" workload --format "$form") || fail "maxrss $form"
  big_kb=$("$MAXRSS" "$MUTASI" --db "$big" workload --format "$form") || fail "maxrss $form (big)"
  [ "$big_kb" -le $((small_kb + 4096)) ] ||
    fail "$form: peak RSS $big_kb KB for $brows rows against $small_kb KB for $rows"
done
echo ok
