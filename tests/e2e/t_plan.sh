#!/bin/sh
# Transfer plans through the verbs on the small hand-made region of
# tests/fixtures/workload (see t_workload_check.sh): PERAWAT2 in PKM2 needs
# 3 and has 2; Siti Aminah (PERAWAT1, over-staffed) may move there. Every
# refusal with its message; the conflict of two processes holding one
# version is tested in tests/unit/test_plans.c (two_processes).
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
JOKO=196905102000031001      # retires within the policy's months
DEWI=199105052016052001      # on study leave
RINA=199001012015032002


expect_rc 0 init m init
for k in units positions staff; do
  expect_rc 0 "import $k" m import $k "$fx/$k.csv"
done
[ $fail = 0 ] || exit 1
expect_rc 1 "operator imports" env MUTASI_USER=ani "$MUTASI" --db "$db" --config "$cfg" import units "$fx/units.csv"
expect_grep "operator imports" "$TMPD/err" "ani may not import data: that needs the role admin"
# eka (admin) built the database; the plans are ani's, an operator
export MUTASI_USER=ani

# new prints the id alone
expect_rc 0 "plan new" m plan new "Mutasi 2026" --period 2026
printf '1\n' >"$TMPD/want"; expect_out "plan new id" "$TMPD/want"
expect_rc 0 "plan new 2" m plan new "Rotasi"
printf '2\n' >"$TMPD/want"; expect_out "plan new id 2" "$TMPD/want"

# add: allowed, then every refusal with its sentence
expect_rc 0 "add siti" m plan add 1 "19850315 201001 2 001" PERAWAT2 --note "short of nurses"
expect_grep "add siti" "$TMPD/out" "plan 1: 19850315 201001 2 001 moves from PERAWAT1 to PERAWAT2"
expect_rc 1 "add siti twice" m plan add 1 $SITI BIDAN1
expect_grep "add twice" "$TMPD/err" "is already in plan 1 (to PERAWAT2); drop that move first"
expect_rc 1 "add blocked" m plan add 1 $DEWI PERAWAT1
expect_grep "add blocked" "$TMPD/err" "cannot move to PERAWAT1:"
expect_grep "add blocked" "$TMPD/err" "on study leave (tugas belajar)"
expect_rc 1 "own position" m plan add 1 $RINA PERAWAT1
expect_grep "own position" "$TMPD/err" "already holds position PERAWAT1"
expect_rc 1 "unknown person" m plan add 1 199901012020011001 PERAWAT2
expect_grep "unknown person" "$TMPD/err" "no staff with NIP 19990101 202001 1 001"
expect_rc 1 "unknown position" m plan add 1 $JOKO NOSUCH
expect_grep "unknown position" "$TMPD/err" "no position with code \"NOSUCH\""
expect_rc 1 "bad nip" m plan add 1 12345 PERAWAT2
expect_grep "bad nip" "$TMPD/err" "\"12345\" is not a NIP"
expect_rc 1 "no such plan" m plan add 99 $JOKO PERAWAT2
expect_grep "no such plan" "$TMPD/err" "there is no plan 99"
expect_rc 2 "bad reason" m plan add 1 $JOKO PERAWAT2 --reason holiday
expect_grep "bad reason" "$TMPD/err" "--reason must be workload, competency, rotation, own-request or promotion"
expect_rc 2 "bad id" m plan show one
expect_grep "bad id" "$TMPD/err" "\"one\" is not a plan id"
expect_rc 2 "no action" m plan
expect_rc 2 "unknown action" m plan frob 1
expect_rc 2 "missing args" m plan add 1 $SITI
expect_rc 1 "not an operator" env MUTASI_USER=budi "$MUTASI" --db "$db" --config "$cfg" plan new X
expect_grep "not an operator" "$TMPD/err" "budi may not change plans: that needs the role operator; roles are given in $cfg/users.yaml"

# show: CSV as the contract says, text with the impact before -> after
expect_rc 0 "show csv" m plan show 1 --format csv
cat >"$TMPD/want" <<'CSV'
nip,name,from_unit,from_position,to_unit,to_position,reason,verdict
198503152010012001,"Siti Aminah, S.Kep.",PKM1,PERAWAT1,PKM2,PERAWAT2,workload,pass
CSV
expect_out "show csv" "$TMPD/want"
expect_rc 0 "show text" m plan show 1
expect_grep "show text" "$TMPD/out" "state: DRAFT, version 2"
expect_grep "show text" "$TMPD/out" "note: short of nurses"
# PERAWAT2 (Dewi's study leave vacates her post): 1 -> 2 of need 3, gap
# -2 -> -1, EJ 187,500 / 75,000 = 2.50 -> 187,500 / 150,000 = 1.25: A -> A.
# PERAWAT1 5 -> 4, EJ 0.80 -> 1.00, C -> B.
grep -E '^  position +PERAWAT2 +1 -> 2 +3 -> 3 +-2 -> -1 +2.50 -> 1.25 +A -> A$' "$TMPD/out" \
  >/dev/null || { echo "FAIL impact PERAWAT2"; cat "$TMPD/out"; fail=1; }
grep -E '^  position +PERAWAT1 +5 -> 4 +4 -> 4 +1 -> 0 +0.80 -> 1.00 +C -> B$' "$TMPD/out" \
  >/dev/null || { echo "FAIL impact PERAWAT1"; fail=1; }
# DINKES holds both: nothing changes there, so it is not listed
grep -E '^  unit +DINKES ' "$TMPD/out" >/dev/null && { echo "FAIL DINKES listed"; fail=1; }
grep -E '^  unit +PKM2 +1 -> 2 ' "$TMPD/out" >/dev/null || { echo "FAIL impact PKM2"; fail=1; }

# list
expect_rc 0 "list csv" m plan list --format csv
expect_grep "list csv" "$TMPD/out" "id,name,period,state,author,moves,version,changed_by,changed_at"
expect_grep "list csv" "$TMPD/out" "1,Mutasi 2026,2026,DRAFT,ani,1,2,ani,"
expect_grep "list csv" "$TMPD/out" "2,Rotasi,,DRAFT,ani,0,1,ani,"

# two operators on plan 2, one after the other: each sees the other's
# change and the plan's version counts both
expect_rc 0 "ani adds" m plan add 2 $SITI PERAWAT2 --reason own-request
expect_rc 0 "eka drops" env MUTASI_USER=eka "$MUTASI" --db "$db" --config "$cfg" plan drop 2 $SITI
expect_rc 0 "show 2" m plan show 2
expect_grep "show 2" "$TMPD/out" "state: DRAFT, version 3"
expect_grep "show 2" "$TMPD/out" "last changed by eka at"

# check: clean, then blocked once Siti receives a heavy penalty
expect_rc 0 "check clean" m plan check 1
expect_grep "check clean" "$TMPD/out" "plan 1: nothing blocks the plan"
sed -n '1p' "$fx/staff.csv" >"$TMPD/leave.csv"
grep "^$SITI," "$fx/staff.csv" | sed 's/,,,,Sukajaya/,berat,2026-12-31,,Sukajaya/' >>"$TMPD/leave.csv"
expect_rc 0 "import penalty" env MUTASI_USER=eka "$MUTASI" --db "$db" --config "$cfg" import staff "$TMPD/leave.csv"
expect_rc 1 "check blocked" m plan check 1
expect_grep "check blocked" "$TMPD/out" "19850315 201001 2 001  discipline"
expect_grep "check blocked" "$TMPD/err" "plan 1: 1 problem blocks the plan"

# drop, and drop again
expect_rc 0 "drop" m plan drop 1 $SITI
expect_rc 1 "drop again" m plan drop 1 $SITI
expect_grep "drop again" "$TMPD/err" "NIP 19850315 201001 2 001 has no move in plan 1"

# every change is in the audit log
expect_rc 0 audit env MUTASI_USER=eka "$MUTASI" --db "$db" --config "$cfg" audit
for a in "plan new" "plan add" "plan drop"; do
  expect_grep "audit $a" "$TMPD/out" "$a"
done
expect_rc 0 "help" m plan --help
expect_grep "help" "$TMPD/out" "Example:"
exit $fail
