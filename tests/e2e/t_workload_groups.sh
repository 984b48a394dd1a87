#!/bin/sh
# workload --by district and --by job_family of the whole database read the
# sums the database keeps per district and job family (schema 8); the
# table of the one root (PEMDA) groups the per-unit figures instead. Both
# must agree after every kind of change: the import, a unit moved to
# another district, a person moved to another position; and checkdb's
# recount must find the sums right (tests/fixtures/workload, as in
# t_workload_check.sh).
set -u
. "$TOP/tests/e2e/env.sh"
. "$TOP/tests/e2e/expect.sh"
export MUTASI_TODAY=2026-06-15
db="$TMPD/db"
fx="$FIXTURES/workload"
checkdb=$(dirname "$MUTASI")/checkdb
fail=0
m() { "$MUTASI" --db "$db" "$@"; }

# stored sums (whole database) = the root's grouping, for both forms
agree() { # label
  for by in district job_family; do
    for f in csv text; do
      expect_rc 0 "$1: $by $f" m workload --by "$by" --format "$f"
      cp "$TMPD/out" "$TMPD/whole"
      expect_rc 0 "$1: PEMDA $by $f" m workload PEMDA --by "$by" --format "$f"
      expect_out "$1: $by $f, stored sums against the root's grouping" "$TMPD/whole"
    done
  done
  if [ -x "$checkdb" ]; then
    "$checkdb" "$db" >/dev/null 2>"$TMPD/check" ||
      { echo "FAIL $1: checkdb"; sed 's/^/  /' "$TMPD/check"; fail=1; }
  fi
}

expect_rc 0 init m init
for k in units positions staff; do
  expect_rc 0 "import $k" m import $k "$fx/$k.csv"
done
agree "imported"

# PKM2 moves to Sukamaju: Sukajaya goes, Sukamaju = PKM1 + PKM2
# (412,500 + 187,500 minutes, need 6 + 3, 5 + 1 people).
sed 's/^PKM2,\(.*\),upt,Sukajaya$/PKM2,\1,upt,Sukamaju/' "$fx/units.csv" >"$TMPD/units.csv"
grep -q '^PKM2,.*,Sukamaju$' "$TMPD/units.csv" || { echo "FAIL: the fixture's PKM2 line changed"; exit 1; }
expect_rc 0 "import moved unit" m import units "$TMPD/units.csv"
expect_rc 0 "by district after the move" m workload --by district --format csv
expect_grep "by district after the move" "$TMPD/out" "Sukamaju,600000,9,6,-3,"
expect_no "by district after the move" "$TMPD/out" "Sukajaya"
agree "unit moved"

# Siti moves from PERAWAT1 (PKM1) to GURU (DISDIK): one person from
# kesehatan to pendidikan.
{ head -1 "$fx/staff.csv"
  grep '^198503152010012001,' "$fx/staff.csv" | sed 's/,PERAWAT1,PKM1,/,GURU,DISDIK,/'
} >"$TMPD/moved.csv"
expect_rc 0 "import moved person" m import staff "$TMPD/moved.csv"
expect_rc 0 "by family after the move" m workload --by job_family --format csv
expect_grep "by family after the move" "$TMPD/out" "kesehatan,660000,10,6,"
expect_grep "by family after the move" "$TMPD/out" "pendidikan,450000,6,9,"
agree "person moved"

[ $fail = 0 ] && echo "workload groups: stored sums agree with the grouping after import, unit and person moves"
exit $fail
