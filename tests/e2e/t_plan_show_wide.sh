#!/bin/sh
# plan show's impact table stays aligned whatever the size of its figures:
# the region of tests/fixtures/workload with PERAWAT2's need set to
# 1,234,567 (and its workload to match), so that the target, its
# Puskesmas, the Dinas and the instansi above them carry 7-digit needs and
# gaps next to the 1-digit figures of the origin. Every column of every
# row must start where the header's column starts.
set -u
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/expect.sh"
export MUTASI_TODAY=2026-06-15
db="$TMPD/db"
fx="$FIXTURES/workload"
cfg=$(e2e_config)
fail=0
m() { "$MUTASI" --db "$db" --config "$cfg" "$@"; }
SITI=198503152010012001      # PNS, PERAWAT1, 8 years in post

sed 's/^PERAWAT2,\(.*\),187500,,KEP:2$/PERAWAT2,\1,92592525000,1234567,KEP:2/' \
  "$fx/positions.csv" >"$TMPD/positions.csv"
grep -q '^PERAWAT2,.*,1234567,' "$TMPD/positions.csv" || { echo "FAIL: fixture not widened"; exit 1; }
expect_rc 0 init m init
expect_rc 0 "import units" m import units "$fx/units.csv"
expect_rc 0 "import positions" m import positions "$TMPD/positions.csv"
expect_rc 0 "import staff" m import staff "$fx/staff.csv"
[ $fail = 0 ] || exit 1
export MUTASI_USER=ani
expect_rc 0 "plan new" m plan new "Lebar"
expect_rc 0 "add siti" m plan add 1 $SITI PERAWAT2
expect_rc 0 "show" m plan show 1
sed -n '/^impact (before -> after):$/,$p' "$TMPD/out" | tail -n +2 >"$TMPD/table"
# the wide figures are there (so the test tests something)
grep -E '^  position +PERAWAT2 +1 -> 2 +1234567 -> 1234567 +-1234566 -> -1234565 ' "$TMPD/table" \
  >/dev/null || { echo "FAIL: PERAWAT2 row"; cat "$TMPD/table"; fail=1; }
grep -E '^  position +PERAWAT1 +5 -> 4 +4 -> 4 +1 -> 0 ' "$TMPD/table" \
  >/dev/null || { echo "FAIL: PERAWAT1 row"; cat "$TMPD/table"; fail=1; }
[ "$(wc -l <"$TMPD/table")" -ge 4 ] || { echo "FAIL: impact rows"; cat "$TMPD/table"; fail=1; }
# each header word starts a column: every row has a space before that
# offset and a figure (not a space) at it; the code column is indented by
# depth, so only the space before it is required
awk 'NR == 1 { n = split("existing need gap EJ grade", w, " ")
               for (i = 1; i <= n; i++) at[i] = index($0, " " w[i] " ") + 1
               if (index($0, " grade") == 0) { print "no header"; bad = 1 }
               at[n] = index($0, " grade") + 1; next }
     { for (i = 1; i <= n; i++)
         if (substr($0, at[i] - 1, 1) != " " || substr($0, at[i], 1) == " ") {
           print "row " NR - 1 ", column " w[i] " misaligned: " $0; bad = 1 } }
     END { exit bad }' "$TMPD/table" || { cat "$TMPD/table"; fail=1; }
exit $fail
