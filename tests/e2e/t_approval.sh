#!/bin/sh
# The approval route through the verbs, as several users (users.yaml of
# config/demo trusts MUTASI_USER; fajar is added as operator and verifier
# to meet separation of duties): submit (refused while moves are blocked,
# all listed), verify by the submitter refused, verify, a struck move,
# review, approve, the SK, apply before the TMT refused, a person rule
# that stops the apply, apply, a second apply refused; every refusal with
# its sentence; a region's extra step (tests/fixtures/config/consent); the
# annex to the decree in English and Indonesian against golden files, and
# as a workbook (sheets plan and annex, read back by xlsxdump); the
# audit chain verifies after the route.
# Region: tests/fixtures/workload plus two nurses in PERAWAT1 (PKM1).
set -u
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/expect.sh"
export MUTASI_TODAY=2026-06-15
fx="$FIXTURES/workload"
fail=0

SITI=198503152010012001      # PERAWAT1 -> PERAWAT2
NUR=198601012010012003       # PERAWAT1 -> BIDAN1
YUNI=198702022011012004      # PERAWAT1 -> BIDAN1, struck in review
SEKDA=197001012000011001     # signs the decree

mkcfg() { # DIR [WORKFLOW]: the default configuration, demo users plus fajar and gita
  mkdir -p "$1"; cp "$TOP"/config/*.yaml "$1/"
  cp "$TOP/config/demo/users.yaml" "$1/users.yaml"
  printf '  fajar: [operator, verifier]\n  gita: [verifier]\n' >>"$1/users.yaml"
  [ -n "${2:-}" ] && cp "$2" "$1/workflow.yaml"
  return 0
}
cfg="$TMPD/cfg"; mkcfg "$cfg"
cfgc="$TMPD/cfg-consent"; mkcfg "$cfgc" "$FIXTURES/config/consent/workflow.yaml"

staff_csv() { # FILE [NIP-WITH-PENALTY...]: the region's staff, penalties given
  out=$1; shift
  { cat "$fx/staff.csv"
    printf '%s\n' \
      '198601012010012003,"Nur Hasanah, S.Kep.",P,1986-01-01,PNS,III/a,PERAWAT1,PKM1,2015-01-01,2011-01-01,S-1,Keperawatan,kesehatan,baik,baik,,,,Sukamaju,KEP:2' \
      '198702022011012004,Yuni Astuti,P,1987-02-02,PNS,III/b,PERAWAT1,PKM1,2015-01-01,2012-01-01,S-1,Keperawatan,kesehatan,baik,baik,,,,Sukamaju,KEP:2'
  } >"$out.tmp"
  for n in "$@"; do   # a heavy penalty until the end of 2027
    awk -F, -v OFS=, -v n="$n" '$1 == n { $(NF-4) = "berat"; $(NF-3) = "2027-12-31" } { print }' \
      "$out.tmp" >"$out.tmp2" && mv "$out.tmp2" "$out.tmp"
  done
  mv "$out.tmp" "$out"
}

# as USER [DB] -- mutasi ARGS: one user's command on a database
as() { u=$1; shift; MUTASI_USER=$u "$MUTASI" --db "${DB:-$TMPD/db}" --config "${CFG:-$cfg}" "$@"; }

setup() { # DB: a fresh region
  DB=$1 as eka init >/dev/null 2>&1 &&
  DB=$1 as eka import units "$fx/units.csv" >/dev/null 2>&1 &&
  DB=$1 as eka import positions "$fx/positions.csv" >/dev/null 2>&1 &&
  DB=$1 as eka import staff "$TMPD/staff.csv" >/dev/null 2>&1 || { echo "FAIL setup $1"; exit 1; }
}
staff_csv "$TMPD/staff.csv"
staff_csv "$TMPD/staff-penalties.csv" $NUR $YUNI
staff_csv "$TMPD/staff-siti-penalty.csv" $SITI
setup "$TMPD/db"

# --- drafting and submitting ------------------------------------------------
expect_rc 0 "new" as fajar plan new "Mutasi Perawat 2026" --period 2026
for p in "$SITI PERAWAT2" "$NUR BIDAN1" "$YUNI BIDAN1"; do
  expect_rc 0 "add $p" as fajar plan add 1 $p
done
# two people receive a penalty after being added: submit lists both
expect_rc 0 "penalties" as eka import staff "$TMPD/staff-penalties.csv"
expect_rc 1 "submit blocked" as fajar plan submit 1
expect_grep "submit blocked" "$TMPD/err" "plan 1 cannot be sent on (submit): 2 moves are blocked:"
expect_grep "submit blocked" "$TMPD/err" "19860101 201001 2 003  Discipline:"
expect_grep "submit blocked" "$TMPD/err" "19870202 201101 2 004  Discipline:"
expect_rc 0 "penalties lifted" as eka import staff "$TMPD/staff.csv"
expect_rc 1 "submit wrong role" as citra plan submit 1
expect_grep "submit wrong role" "$TMPD/err" "submit"
expect_grep "submit wrong role" "$TMPD/err" "citra"
expect_rc 0 "submit" as fajar plan submit 1 --note "siap diverifikasi"
expect_grep "submit" "$TMPD/out" "plan 1: submit, now SUBMITTED"
expect_rc 1 "add after submit" as fajar plan add 1 $SEKDA PERAWAT2
expect_grep "add after submit" "$TMPD/err" "plan 1 is SUBMITTED; only a DRAFT plan can be edited"
expect_rc 1 "drop after submit" as fajar plan drop 1 $NUR
expect_grep "drop after submit" "$TMPD/err" "only a DRAFT plan can be edited"

# --- verification, strike, review, approval ---------------------------------
expect_rc 1 "verify by submitter" as fajar plan verify 1
expect_grep "verify by submitter" "$TMPD/err" "fajar"
expect_rc 1 "verify wrong role" as ani plan verify 1
expect_grep "verify wrong role" "$TMPD/err" "ani"
expect_rc 1 "review too early" as citra plan review 1
expect_grep "review too early" "$TMPD/err" "plan 1 is SUBMITTED, and the step review is taken only from VERIFIED"
expect_rc 1 "return without reason" as budi plan return 1
expect_grep "return without reason" "$TMPD/err" "reason"
expect_rc 0 "verify" as budi plan verify 1
expect_rc 1 "strike without reason" as citra plan strike 1 $YUNI
expect_grep "strike without reason" "$TMPD/err" "reason"
expect_rc 1 "strike wrong role" as ani plan strike 1 $YUNI --reason "x"
expect_rc 0 "strike" as citra plan strike 1 $YUNI --reason "Puskesmas Sukamaju keeps its nurse"
expect_rc 1 "strike twice" as citra plan strike 1 $YUNI --reason "again"
expect_grep "strike twice" "$TMPD/err" "was already struck by citra"
expect_rc 0 "review" as citra plan review 1 --note "dua mutasi disetujui tim"
expect_rc 1 "approve wrong role" as citra plan approve 1
expect_rc 0 "approve" as dedi plan approve 1
expect_rc 1 "return after approval" as dedi plan return 1 --reason "late"
expect_grep "return after approval" "$TMPD/err" "plan 1 is APPROVED"
expect_rc 1 "cancel after approval" as fajar plan cancel 1

# --- the decree -------------------------------------------------------------
expect_rc 1 "issue-sk wrong role" as dedi plan issue-sk 1 --number 800/123/BKPSDM/2026 --date 2026-06-20 --tmt 2026-07-01 --signer $SEKDA
expect_rc 1 "issue-sk bad number" as eka plan issue-sk 1 --number "800/123;DROP" --date 2026-06-20 --tmt 2026-07-01 --signer $SEKDA
expect_grep "issue-sk bad number" "$TMPD/err" "an SK number has 1 to 63 bytes"
expect_rc 1 "issue-sk tmt before date" as eka plan issue-sk 1 --number 800/123/BKPSDM/2026 --date 2026-06-20 --tmt 2026-06-01 --signer $SEKDA
expect_grep "issue-sk tmt before date" "$TMPD/err" "the TMT may not lie before the SK's date"
expect_rc 1 "issue-sk unknown signer" as eka plan issue-sk 1 --number 800/123/BKPSDM/2026 --date 2026-06-20 --tmt 2026-07-01 --signer 197001012000011009
expect_grep "issue-sk unknown signer" "$TMPD/err" "is not on record"
expect_rc 0 "issue-sk" as eka plan issue-sk 1 --number 800/123/BKPSDM/2026 --date 2026-06-20 --tmt 2026-07-01 --signer $SEKDA
expect_rc 0 "show" as ani plan show 1
for t in "state: SK_ISSUED" "number 800/123/BKPSDM/2026, dated 2026-06-20, TMT 2026-07-01" \
         "signed by Ahmad Fauzi, NIP 19700101 200001 1 001" "Sekretaris Daerah, Pemerintah Kabupaten Contoh" \
         "STRUCK by citra: Puskesmas Sukamaju keeps its nurse" "siap diverifikasi" "dua mutasi disetujui tim"; do
  expect_grep "show" "$TMPD/out" "$t"
done
for s in submit verify strike review approve issue_sk; do
  grep -Eq "^  [0-9-]{10} [0-9:]{5}  $s " "$TMPD/out" || { echo "FAIL show: no timeline line for $s"; fail=1; }
done
expect_rc 0 "show csv" as ani plan show 1 --format csv
expect_grep "show csv" "$TMPD/out" "$YUNI,Yuni Astuti,PKM1,PERAWAT1,PKM1,BIDAN1,workload,struck"

# --- the annex, both languages ------------------------------------------------
# The annex names people: an operator may not export it, the admin may.
expect_rc 1 "annex by an operator" as ani export plan 1 --format text
expect_grep "annex by an operator" "$TMPD/err" "ani may not export personal data"
# The footer's last line is the audit anchor of the export (SEQ:HASH, a
# hash over a time): compared as a placeholder with the golden file, and
# checked against the database.
annex_is() { # golden-name label
  sed '$ s/^[0-9][0-9]*:[0-9a-f]\{64\}$/SEQ:HASH/' "$TMPD/out" >"$TMPD/annex.txt"
  cmp -s "$TOP/tests/e2e/golden/$1.txt" "$TMPD/annex.txt" ||
    { echo "FAIL $2 differs from golden/$1.txt"; diff "$TOP/tests/e2e/golden/$1.txt" "$TMPD/annex.txt"; fail=1; }
}
expect_rc 0 "annex en" as eka export plan 1 --format text
annex_is annex_en "annex en"
awk 'length($0) > 100 { bad = 1 } END { exit bad }' "$TMPD/out" || { echo "FAIL annex wider than 100"; fail=1; }
grep -qF "Yuni" "$TMPD/out" && { echo "FAIL annex lists the struck move"; fail=1; }
anchor=$(tail -n 1 "$TMPD/out")
expect_rc 0 "head after the annex" as ani audit --head
expect_grep "the annex's anchor is the newest entry, its export" "$TMPD/out" "$anchor"
expect_rc 0 "audit of the export" as eka audit
expect_grep "audit of the export" "$TMPD/out" "export plan"
cfgid="$TMPD/cfg-id"; mkcfg "$cfgid"; printf 'language: id\n' >"$cfgid/ui.yaml"
expect_rc 0 "annex id" env CFG="$cfgid" sh -c 'MUTASI_USER=eka "$0" --db "$1" --config "$2" export plan 1 --format text' "$MUTASI" "$TMPD/db" "$cfgid"
annex_is annex_id "annex id"
expect_rc 0 "annex LANGUAGE=id" env LANGUAGE=id MUTASI_USER=eka "$MUTASI" --db "$TMPD/db" --config "$cfg" export plan 1 --format text
annex_is annex_id "annex by LANGUAGE=id"
expect_rc 0 "export csv" as eka export plan 1 --format csv
as ani plan show 1 --format csv >"$TMPD/show.csv" 2>/dev/null
cmp -s "$TMPD/show.csv" "$TMPD/out" || { echo "FAIL export plan csv is not plan show --format csv"; fail=1; }
expect_rc 0 "audit" as eka audit
expect_grep "audit export" "$TMPD/out" "export plan"

# --- the plan and its annex as a workbook, read back through io/xlsx_read ----
DUMP="$TOP/build/tests/xlsxdump"
X="$TMPD/plan1.xlsx"
expect_rc 1 "xlsx by an operator" as ani export plan 1 --format xlsx --output "$X"
expect_grep "xlsx by an operator" "$TMPD/err" "ani may not export personal data"
[ -e "$X" ] && { echo "FAIL a refused xlsx export left a file"; fail=1; }
expect_rc 2 "xlsx without a plan id" as eka export plan --format xlsx --output "$X"
expect_rc 0 "xlsx" as eka export plan 1 --format xlsx --output "$X"
expect_rc 0 "xlsx to stdout" as eka export plan 1 --format xlsx
# The workbook carries its creation time, so the two files are compared
# by their cells, sheet by sheet.
cp "$TMPD/out" "$TMPD/plan1-stdout.xlsx"
for sheet in plan annex; do
  "$DUMP" "$X" "$sheet" >"$TMPD/cells-file" 2>&1 &&
    "$DUMP" "$TMPD/plan1-stdout.xlsx" "$sheet" >"$TMPD/cells-stdout" 2>&1 &&
    [ -s "$TMPD/cells-file" ] && cmp -s "$TMPD/cells-file" "$TMPD/cells-stdout" ||
    { echo "FAIL export plan xlsx to stdout differs from --output (sheet $sheet)"; fail=1; }
done
# sheet "plan": the cells of export plan --format csv, row for row
as eka export plan 1 --format csv >"$TMPD/plan.csv" 2>/dev/null
"$DUMP" "$X" plan >"$TMPD/plan.cells" || { echo "FAIL xlsxdump plan"; fail=1; }
[ "$(cut -f1 "$TMPD/plan.cells" | sed 's/^[A-Z]*//' | sort -un | wc -l)" = "$(wc -l <"$TMPD/plan.csv")" ] ||
  { echo "FAIL sheet plan has other rows than the CSV"; cat "$TMPD/plan.cells"; fail=1; }
for nip in $SITI $NUR $YUNI; do
  row=$(awk -F'\t' -v n="$nip" '$2 == n { sub(/^A/, "", $1); print $1 }' "$TMPD/plan.cells")
  [ -n "$row" ] || { echo "FAIL sheet plan lacks NIP $nip as text"; fail=1; continue; }
  want=$(grep "^$nip," "$TMPD/plan.csv" | awk -F, '{print $NF}')
  got=$(awk -F'\t' -v c="H$row" '$1 == c { print $2 }' "$TMPD/plan.cells")
  [ "$got" = "$want" ] || { echo "FAIL sheet plan H$row: \"$got\", CSV \"$want\""; fail=1; }
done
expect_grep "plan sheet header" "$TMPD/plan.cells" "H1	verdict"
expect_grep "plan sheet struck" "$TMPD/plan.cells" "	struck"
# sheet "annex": the annex of the text export, one column per item
as eka export plan 1 --format text >"$TMPD/annex.txt" 2>/dev/null
"$DUMP" "$X" annex >"$TMPD/annex.cells" || { echo "FAIL xlsxdump annex"; fail=1; }
expect_grep "annex title" "$TMPD/annex.cells" "A1	ANNEX TO THE DECREE"
number=$(sed -n 's/^Number *: //p' "$TMPD/annex.txt")
expect_grep "annex number" "$TMPD/annex.cells" "Number: $number"
expect_grep "annex head" "$TMPD/annex.cells" "H7	New unit"
for nip in $SITI $NUR; do
  shown=$(echo "$nip" | sed 's/^\(........\)\(......\)\(.\)\(...\)$/\1 \2 \3 \4/')
  grep -qF "$shown" "$TMPD/annex.txt" || { echo "FAIL annex text lacks $shown"; fail=1; }
  grep -q "^B[0-9]*	$shown\$" "$TMPD/annex.cells" || { echo "FAIL annex sheet lacks $shown in column B"; fail=1; }
done
grep -qF "Yuni" "$TMPD/annex.cells" && { echo "FAIL annex sheet lists the struck move"; fail=1; }
[ "$(grep -c '^A[0-9]*	[0-9]*\.$' "$TMPD/annex.cells")" = 2 ] || { echo "FAIL annex sheet: not 2 numbered moves"; fail=1; }
# the signer's name: the line above the signer's NIP, before the audit anchor
signer=$(sed '/^Audit anchor of this export/,$d' "$TMPD/annex.txt" |
  awk 'NF { last = prev; prev = $0 } END { print last }' | sed 's/^ *//')
expect_grep "annex signer" "$TMPD/annex.cells" "	$signer"
expect_rc 0 "xlsx id" env LANGUAGE=id MUTASI_USER=eka "$MUTASI" --db "$TMPD/db" --config "$cfg" export plan 1 --format xlsx --output "$TMPD/plan1-id.xlsx"
"$DUMP" "$TMPD/plan1-id.xlsx" annex >"$TMPD/annex-id.cells"
expect_grep "annex id title" "$TMPD/annex-id.cells" "A1	LAMPIRAN KEPUTUSAN"
expect_grep "annex id head" "$TMPD/annex-id.cells" "	Jabatan baru"
expect_rc 0 "audit xlsx" as eka audit
expect_grep "audit xlsx" "$TMPD/out" "rows, xlsx"

# --- taking effect ------------------------------------------------------------
expect_rc 1 "apply before TMT" as eka plan apply 1
expect_grep "apply before TMT" "$TMPD/err" "plan 1 takes effect on its TMT, 2026-07-01; today is 2026-06-15"
export MUTASI_TODAY=2026-07-01
# on a copy: Siti received a penalty meanwhile, the apply stops, nothing moves
cp -a "$TMPD/db" "$TMPD/db2"
expect_rc 0 "penalty meanwhile" env DB="$TMPD/db2" sh -c 'MUTASI_USER=eka "$0" --db "$1" --config "$2" import staff "$3"' "$MUTASI" "$TMPD/db2" "$cfg" "$TMPD/staff-siti-penalty.csv"
expect_rc 1 "apply stopped" env MUTASI_USER=eka "$MUTASI" --db "$TMPD/db2" --config "$cfg" plan apply 1
expect_grep "apply stopped" "$TMPD/err" "plan 1 cannot take effect: 1 move is blocked now, nothing was applied:"
expect_grep "apply stopped" "$TMPD/err" "19850315 201001 2 001  Discipline:"
expect_rc 0 "db2 unchanged" env MUTASI_USER=eka "$MUTASI" --db "$TMPD/db2" --config "$cfg" staff show $NUR
expect_grep "db2 unchanged" "$TMPD/out" "PERAWAT1"
expect_rc 0 "apply" as eka plan apply 1
expect_grep "apply" "$TMPD/out" "plan 1 took effect: 2 moves written into the staff records, 1 struck"
expect_rc 1 "apply twice" as eka plan apply 1
expect_grep "apply twice" "$TMPD/err" "plan 1 is EFFECTIVE, a final state"
expect_rc 0 "siti moved" as ani staff show $SITI
expect_grep "siti moved" "$TMPD/out" "PERAWAT2"
expect_grep "siti moved" "$TMPD/out" "2026-07-01  PERAWAT2  Perawat Ahli Pertama; PKM2  Puskesmas Sukajaya  III/c  (plan 1)"
expect_rc 0 "yuni stays" as ani staff show $YUNI
expect_grep "yuni stays" "$TMPD/out" "PERAWAT1"
expect_rc 0 "audit verify" as ani audit --verify
# the printed annex checked against the database after the apply
expect_rc 0 "annex anchor after apply" as ani audit --verify --against "$anchor"
expect_grep "annex anchor after apply" "$TMPD/out" "the chain passes through $anchor"
case ${anchor#*:} in 0*) bad=$(echo "$anchor" | sed 's/:0/:1/') ;; *) bad=$(echo "$anchor" | sed 's/:./:0/') ;; esac
expect_rc 1 "a wrong anchor" as ani audit --verify --against "$bad"
expect_grep "a wrong anchor" "$TMPD/err" "the log was rewritten since that anchor was taken"
expect_rc 0 "audit" as eka audit
for a in "plan submit" "plan verify" "plan strike" "plan review" "plan approve" "plan issue-sk" \
         "plan apply" "staff move"; do
  expect_grep "audit $a" "$TMPD/out" "$a"
done
expect_grep "audit names both users" "$TMPD/out" ">citra"

# --- cancel and reject ----------------------------------------------------------
expect_rc 0 "new 2" as ani plan new "Rotasi"
expect_rc 1 "cancel by another operator's role" as citra plan cancel 2
expect_rc 0 "cancel" as ani plan cancel 2
expect_rc 1 "cancel twice" as ani plan cancel 2
expect_grep "cancel twice" "$TMPD/err" "plan 2 is CANCELLED, a final state"
expect_rc 0 "new empty" as ani plan new "Kosong"
expect_rc 1 "submit empty plan" as ani plan submit 3
expect_grep "submit empty plan" "$TMPD/err" "plan 3 has no moves"

# --- a region's route: the origin OPD consents before verification ---------------
export MUTASI_TODAY=2026-06-15
CFG="$cfgc"; export CFG
setup "$TMPD/dbc"
DB="$TMPD/dbc"; export DB
expect_rc 0 "c new" as ani plan new "Mutasi dengan persetujuan"
expect_rc 0 "c add" as ani plan add 1 $SITI PERAWAT2
expect_rc 0 "c submit" as ani plan submit 1
expect_rc 1 "c verify before consent" as budi plan verify 1
expect_grep "c verify before consent" "$TMPD/err" "the step verify is taken only from CONSENTED"
expect_rc 0 "c consent" as budi plan step 1 consent --note "OPD asal setuju"
expect_rc 1 "c verify by who consented" as budi plan verify 1
expect_grep "c verify by who consented" "$TMPD/err" "budi"
expect_rc 0 "c verify" as gita plan verify 1
expect_rc 0 "c review" as citra plan review 1
expect_rc 0 "c approve" as dedi plan approve 1
expect_rc 0 "c issue-sk (renamed step)" as eka plan issue-sk 1 --number "821.2/045/BKPSDM/2026" --date 2026-06-15 --tmt 2026-06-15 --signer $SEKDA
expect_rc 0 "c apply" as eka plan apply 1
expect_rc 0 "c show" as ani plan show 1
expect_grep "c show" "$TMPD/out" "terbit_sk"
expect_grep "c show" "$TMPD/out" "OPD asal setuju"
expect_rc 0 "c audit verify" as ani audit --verify
unset DB CFG

[ $fail = 0 ] && echo "ok"
exit $fail
