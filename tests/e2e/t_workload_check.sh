#!/bin/sh
# workload and check on a small hand-made region (tests/fixtures/workload):
# the ABK figures below are computed by hand in tests/unit/test_workload.c
# (same tree: PEMDA > DINKES > PKM1, PKM2; PEMDA > DISDIK), here through
# import, the database and the verbs.
set -u
. "$TOP/tests/e2e/env.sh"
. "$TOP/tests/e2e/expect.sh"
export MUTASI_TODAY=2026-06-15
db="$TMPD/db"
fx="$FIXTURES/workload"
fail=0
m() { "$MUTASI" --db "$db" "$@"; }

expect_line() { # label, fixed text that must be a whole line of the output
  if ! grep -qxF -- "$2" "$TMPD/out"; then
    echo "FAIL $1: no line \"$2\""; sed 's/^/  out: /' "$TMPD/out"; fail=1
  fi
}
expect_err() { # label, text the messages must contain
  if ! grep -qF -- "$2" "$TMPD/err"; then
    echo "FAIL $1: stderr lacks \"$2\""; sed 's/^/  err: /' "$TMPD/err"; fail=1
  fi
}

expect_rc 0 init m init
for k in units positions staff; do
  expect_rc 0 "import $k" m import $k "$fx/$k.csv"
done
[ $fail = 0 ] || exit 1

# A row per position, tree order. Need: SEKDA 75,000/75,000 = 1;
# KADINKES override 1; BIDAN1 112,500 -> 1.5 -> 2; PERAWAT1 300,000 -> 4;
# PERAWAT2 187,500 -> 2.5 -> 3; GURU 450,000 -> 6. gap = existing - need.
# Leave vacates the post: Dewi (PERAWAT2, tugas belajar) and Rina (PKM1,
# CLTN) hold no position, so no position counts them.
cat >"$TMPD/want" <<'CSV'
unit,position,workload_minutes,need,existing,gap,ej,grade
PEMDA,SEKDA,75000,1,1,0,1.00,B
DINKES,KADINKES,60000,1,1,0,0.80,C
PKM1,BIDAN1,112500,2,0,-2,,
PKM1,PERAWAT1,300000,4,5,1,0.80,C
PKM2,PERAWAT2,187500,3,1,-2,2.50,A
DISDIK,GURU,450000,6,8,2,0.75,C
CSV
expect_rc 0 "workload csv" m workload --format csv
expect_out "workload csv" "$TMPD/want"
expect_rc 0 "export workload" m export workload --format csv
expect_out "export workload" "$TMPD/want"

# A subtree; by district (Kota = SEKDA + KADINKES + GURU: 585,000, need 8,
# 10 people, EJ 585,000 / 750,000 = 0.78); by unit with the roll-up.
cat >"$TMPD/want" <<'CSV'
unit,position,workload_minutes,need,existing,gap,ej,grade
PKM1,BIDAN1,112500,2,0,-2,,
PKM1,PERAWAT1,300000,4,5,1,0.80,C
CSV
expect_rc 0 "workload PKM1" m workload PKM1 --format csv
expect_out "workload PKM1" "$TMPD/want"
cat >"$TMPD/want" <<'CSV'
group,workload_minutes,need,existing,gap,ej,grade
Kota,585000,8,10,2,0.78,C
Sukajaya,187500,3,1,-2,2.50,A
Sukamaju,412500,6,5,-1,1.10,A
CSV
expect_rc 0 "by district" m workload --by district --format csv
expect_out "by district" "$TMPD/want"
cat >"$TMPD/want" <<'CSV'
group,workload_minutes,need,existing,gap,ej,grade
DINKES,660000,10,7,-3,1.26,A
PKM1,412500,6,5,-1,1.10,A
PKM2,187500,3,1,-2,2.50,A
CSV
expect_rc 0 "by unit" m workload DINKES --by unit --format=csv
expect_out "by unit" "$TMPD/want"
cat >"$TMPD/want" <<'CSV'
group,workload_minutes,need,existing,gap,ej,grade
administrasi umum,75000,1,1,0,1.00,B
kesehatan,660000,10,7,-3,1.26,A
pendidikan,450000,6,8,2,0.75,C
CSV
expect_rc 0 "by job family" m workload --by job_family --format csv
expect_out "by job family" "$TMPD/want"

# Text: aligned, the empty position without EJ and grade, a total line.
expect_rc 0 "workload text" m workload
expect_line "workload text" "PKM1    BIDAN1      112500     2         0   -2"
expect_line "workload text" "total              1185000    17        16   -1  0.99  B"
expect_rc 1 "unknown unit" m workload NOPE
expect_err "unknown unit" "NOPE"
expect_rc 2 "bad --by" m workload --by street

# check: Siti (PERAWAT1, 101 months in post) to PERAWAT2 (2 of 3): allowed.
expect_rc 0 "check allowed" m check 198503152010012001 PERAWAT2
expect_line "check allowed" "allowed"
expect_line "check allowed" "need-target      pass   target has 1 staff, ABK needs 3: short by 2"
[ "$(wc -l <"$TMPD/out")" -ge 12 ] || { echo "FAIL check: too few lines"; fail=1; }
# ... to BIDAN1 lacks competency KEB: a warning, still allowed (exit 0);
# the NIP may be written with spaces.
expect_rc 0 "check warned" m check "19850315 201001 2 001" BIDAN1
expect_line "check warned" "allowed with warnings"
expect_line "check warned" "competency       warn   1 competency gap: KEB needs level 2, has 0"
# ... to GURU: another job family, and GURU is over-staffed.
expect_rc 1 "check blocked" m check 198503152010012001 GURU
expect_line "check blocked" "blocked"
expect_line "check blocked" "fit              block  job family kesehatan, position needs pendidikan"
# Agus: 3 months in post. Joko: retires 2027-06-01. Budi: CPNS.
expect_rc 1 "check tenure" m check 198807072012121001 PERAWAT2
expect_line "check tenure" "tenure           block  3 months in post, policy needs 24"
expect_rc 1 "check retirement" m check 196905102000031001 PERAWAT2
expect_line "check retirement" "retirement       block  retires on 2027-06-01 (BUP 58), within 12 months"
# A teacher retires at 60 whatever the level (policy.yaml by_job_family):
# Guru 1, born 1980-01-01, Guru Ahli Pertama, retires 2040-02-01.
expect_rc 1 "check teacher" m check 198001012005011001 PERAWAT2
expect_line "check teacher" "retirement       pass   retires on 2040-02-01 (BUP 60), not within 12 months; BUP set for job family pendidikan"
expect_rc 1 "check cpns" m check 199802202022031002 PERAWAT2
expect_line "check cpns" "status           block  status CPNS: only a PNS may move"
# A penalty cannot run past retirement: Joko (BUP 58) retires 2027-06-01.
{ head -1 "$fx/staff.csv"
  grep '^196905102000031001,' "$fx/staff.csv" | sed 's/,baik,baik,,,,/,baik,baik,sedang,2027-06-01,,/'
} >"$TMPD/late.csv"
expect_rc 1 "penalty past retirement" m import staff "$TMPD/late.csv"
expect_err "penalty past retirement" "late.csv:2:17: discipline_until: discipline_until 2027-06-01 runs past retirement on 2027-06-01 (BUP 58)"
sed -i 's/,2027-06-01,,/,2027-05-31,,/' "$TMPD/late.csv"
expect_rc 0 "penalty ending before retirement" m import staff "$TMPD/late.csv"

# Unknown person or position, a bad NIP: refused; wrong usage: 2.
expect_rc 1 "unknown nip" m check 198001012005011099 PERAWAT2
expect_err "unknown nip" "19800101 200501 1 099"
expect_rc 1 "unknown position" m check 198503152010012001 NOPE
expect_err "unknown position" "NOPE"
expect_rc 1 "bad nip" m check 123 PERAWAT2
expect_rc 2 "usage" m check 198503152010012001
exit $fail
