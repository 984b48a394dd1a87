#!/bin/sh
# CSV import and export through the real binary: every dialect imports,
# every kind of bad row is refused with its file:line:column and leaves the
# database as it was, export -> import -> export is byte-identical.
set -u
. "$TOP/tests/e2e/env.sh"
: "${MUTASI:?}" "${TMPD:?}" "${FIXTURES:?}"
export MUTASI_TODAY=2026-01-15
export MUTASI_DB="$TMPD/db"
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }

# expect_rc WANT CMD...: runs CMD (stdout to $TMPD/out, stderr to $TMPD/err).
expect_rc() {
  want=$1; shift
  "$@" >"$TMPD/out" 2>"$TMPD/err"; rc=$?
  if [ "$rc" != "$want" ]; then
    fail "exit $rc, expected $want: $*"; sed 's/^/  | /' "$TMPD/err" | head -20
  fi
}
# has_line FILE LINE: FILE holds exactly this line.
has_line() {
  grep -qxF -- "$2" "$1" || { fail "no line \"$2\" in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; }
}
# starts_line FILE PREFIX: some line of FILE starts with PREFIX.
starts_line() {
  awk -v p="$2" 'index($0, p) == 1 { found = 1 } END { exit !found }' "$1" ||
    { fail "no line starting \"$2\" in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; }
}
# errors_are N: stderr holds N lines of the form FILE:LINE:COL: (errors, not warnings).
errors_are() {
  n=$(grep -E '^[^ :]+\.csv:[0-9]+:[0-9]+: ' "$TMPD/err" | grep -vc ': warning: ')
  [ "$n" = "$1" ] || { fail "$n error lines, expected $1"; sed 's/^/  | /' "$TMPD/err" | head -20; }
}
snapshot() { # DIR: the three exports
  mkdir -p "$1"
  for k in units positions staff; do "$MUTASI" export "$k" >"$1/$k.csv" 2>/dev/null || fail "export $k"; done
}
same_snapshot() { # A B
  for k in units positions staff; do
    cmp -s "$1/$k.csv" "$2/$k.csv" || { fail "$k export differs between $1 and $2"; diff "$1/$k.csv" "$2/$k.csv" | head -10; }
  done
}

cd "$FIXTURES/csv" || exit 1
expect_rc 0 "$MUTASI" init
expect_rc 0 "$MUTASI" import units units.csv
expect_rc 0 "$MUTASI" import positions positions.csv
expect_rc 0 "$MUTASI" import staff staff.csv
starts_line "$TMPD/err" "mutasi: staff.csv: 5 rows imported into staff (5 added, 0 replaced)"
snapshot "$TMPD/good"
[ "$(wc -l <"$TMPD/good/staff.csv")" = 6 ] || fail "staff export should have a header and 5 rows"
has_line "$TMPD/good/staff.csv" \
  'nip,name,sex,birth_date,status,rank,position,unit,post_since,pns_since,education,major,job_family,skp_2023,skp_2024,discipline,discipline_until,leave,home_district,competencies'
has_line "$TMPD/good/staff.csv" \
  '199001152019032002,"Siti Aminah, S.Kep., Ns.",P,1990-01-15,PNS,III/a,PERAWAT-SUKA,PKM-SUKA,2020-03-01,2020-04-01,S-1,Keperawatan,kesehatan,baik,baik,,,,Sukamaju,keperawatan:2'
# Formula cells neutralised, negative-looking text too.
has_line "$TMPD/good/staff.csv" \
  "200003032024031001,'=cmd|' /C calc'!A0,L,2000-03-03,CPNS,II/a,PENGADM-BKPSDM,BKPSDM,2024-03-01,,SMA,,administrasi umum,,,,,,'-Kota,"

# --- bad files: refused, every bad row named, database unchanged ---------
bad() { # KIND FILE NERRORS "FILE:L:C: column:"...
  kind=$1 file=$2 n=$3; shift 3
  expect_rc 1 "$MUTASI" import "$kind" "$file"
  errors_are "$n"
  for prefix in "$@"; do starts_line "$TMPD/err" "$prefix"; done
  starts_line "$TMPD/err" "mutasi: $file: "
}
bad staff bad_nip.csv 1 'bad_nip.csv:3:1: nip: "19900115201903200X": '
bad staff bad_nip_birth.csv 1 'bad_nip_birth.csv:4:1: nip: NIP 19950505 202012 2 001 says born 1995-05-05'
bad staff bad_rank.csv 1 'bad_rank.csv:5:6: rank: unknown value "V/z"'
bad staff bad_date.csv 1 'bad_date.csv:2:9: post_since: "2021-02-30" is not a date'
bad staff bad_unit.csv 1 'bad_unit.csv:3:8: unit: unknown unit "PKM-NOWHERE"'
bad staff bad_position_unit.csv 1 \
  'bad_position_unit.csv:5:7: position: position GURU-SDN01 belongs to unit SDN-01, not to PKM-SUKA'
bad staff bad_duplicate_nip.csv 1 \
  'bad_duplicate_nip.csv:7:1: nip: NIP 19900115 201903 2 002 appears again (first on line 3)'
bad staff bad_missing_column.csv 1 'bad_missing_column.csv:1:1: rank: required column is missing'
bad staff bad_many.csv 3 'bad_many.csv:2:3: sex: ' 'bad_many.csv:4:15: skp_2024: ' \
  'bad_many.csv:5:11: education: '
bad units bad_units.csv 4 'bad_units.csv:4:3: parent: ' 'bad_units.csv:5:3: parent: ' \
  'bad_units.csv:7:3: parent: unknown unit "NOWHERE"' 'bad_units.csv:8:1: code: DINKES appears again (first on line 6)'
bad positions bad_positions.csv 6 'bad_positions.csv:2:2: unit: unknown unit "NOWHERE"' \
  'bad_positions.csv:3:9: workload_minutes: ' 'bad_positions.csv:4:10: need: ' \
  'bad_positions.csv:4:11: competencies: ' 'bad_positions.csv:5:1: code: P-1 appears again (first on line 2)'
# A malformed file (quote never closed) is refused too.
printf 'code,name,parent,kind,district\nX,"open,KAB,opd,Kota\n' >"$TMPD/bad_quote.csv"
expect_rc 1 "$MUTASI" import units "$TMPD/bad_quote.csv"
starts_line "$TMPD/err" "$TMPD/bad_quote.csv:2:2: a quoted field is not closed"
# Many bad rows: the list is capped and says how many more.
awk 'NR == 1 { print; next } NR == 2 { for (i = 0; i < 150; i++) { sub(/^[0-9]+/, sprintf("1986092620150510%02d", i % 99 + 1)); print } }' \
  staff.csv | sed 's/,IV\/b,/,IV\/x,/' >"$TMPD/bad_150.csv"
expect_rc 1 "$MUTASI" import staff "$TMPD/bad_150.csv"
errors_are 100
has_line "$TMPD/err" "... and 50 more errors"
snapshot "$TMPD/after-bad"
same_snapshot "$TMPD/good" "$TMPD/after-bad"

# --- round trip into a fresh database --------------------------------------
export MUTASI_DB="$TMPD/db2"
expect_rc 0 "$MUTASI" init
for k in units positions staff; do expect_rc 0 "$MUTASI" import "$k" "$TMPD/good/$k.csv"; done
snapshot "$TMPD/round"
same_snapshot "$TMPD/good" "$TMPD/round"
# Re-importing replaces and changes nothing.
expect_rc 0 "$MUTASI" import staff "$TMPD/good/staff.csv"
starts_line "$TMPD/err" "mutasi: $TMPD/good/staff.csv: 5 rows imported into staff (0 added, 5 replaced)"
snapshot "$TMPD/again"
same_snapshot "$TMPD/good" "$TMPD/again"

# --- more rows than one write chunk (16,384): added, then replaced ------------
head -1 staff.csv >"$TMPD/many.csv"
awk -v n=17000 'BEGIN {
  for (i = 0; i < n; i++) {
    k = i % 420; by = 1966 + k % 30; bm = 1 + k % 12; bd = 1 + k % 28
    cy = by + 20 + k % 5; sex = 1 + k % 2; seq = 1 + int(i / 420) % 999
    printf "%04d%02d%02d%04d%02d%d%03d,\"Pegawai %d, S.E.\",%s,%04d-%02d-%02d,PNS,II/b,PENGADM-BKPSDM,BKPSDM,%04d-%02d-01,%04d-%02d-01,SMA,,administrasi umum,baik,,,,,Kota,\n",
      by, bm, bd, cy, 1, sex, seq, i, sex == 1 ? "L" : "P", by, bm, bd, cy + 2, 1, cy + 1, 1
  } }' >>"$TMPD/many.csv"
expect_rc 0 "$MUTASI" import staff "$TMPD/many.csv"
starts_line "$TMPD/err" "mutasi: $TMPD/many.csv: 17000 rows imported into staff (17000 added, 0 replaced)"
expect_rc 0 "$MUTASI" export staff
cp "$TMPD/out" "$TMPD/many-1.csv"
[ "$(wc -l <"$TMPD/many-1.csv")" = 17006 ] || fail "export after the big import: $(wc -l <"$TMPD/many-1.csv") lines"
expect_rc 0 "$MUTASI" import staff "$TMPD/many-1.csv"
starts_line "$TMPD/err" "mutasi: $TMPD/many-1.csv: 17005 rows imported into staff (0 added, 17005 replaced)"
expect_rc 0 "$MUTASI" export staff
cmp -s "$TMPD/out" "$TMPD/many-1.csv" || fail "export -> import -> export differs with 17005 rows"
expect_rc 0 "$MUTASI" staff show 196601011986011001
grep -c '^  [0-9]' "$TMPD/out" | grep -qx 1 || fail "a person of the big import has not one history line"

# --- dialect: BOM, semicolons, CRLF, DD-MM-YYYY, NIP with spaces, lenient words
export MUTASI_DB="$TMPD/db3"
expect_rc 0 "$MUTASI" init
expect_rc 0 "$MUTASI" import units units.csv
expect_rc 0 "$MUTASI" import positions positions.csv
expect_rc 0 "$MUTASI" import staff staff_semicolon_bom_crlf.csv
has_line "$TMPD/err" 'staff_semicolon_bom_crlf.csv:1:21: warning: unknown column "catatan" is ignored'
snapshot "$TMPD/dialect"
same_snapshot "$TMPD/good" "$TMPD/dialect"
# A unit may name a parent that comes later in the same file.
expect_rc 0 "$MUTASI" import units units_forward_parent.csv

# --- listings, show, find -------------------------------------------------------
export MUTASI_DB="$TMPD/db"
expect_rc 0 "$MUTASI" export staff --format text
has_line "$TMPD/out" "19900115 201903 2 002  Siti Aminah, S.Kep., Ns.  III/a  PERAWAT-SUKA    PKM-SUKA"
[ "$(wc -l <"$TMPD/out")" = 6 ] || fail "text listing should have a heading and 5 lines"
expect_rc 0 "$MUTASI" staff show 19900115 201903 2 002
grep -q 'Siti Aminah, S.Kep., Ns.' "$TMPD/out" || fail "staff show lacks the name"
grep -q 'PERAWAT-SUKA  Perawat Ahli Pertama' "$TMPD/out" || fail "staff show lacks the position name"
grep -q '2020-03-01  PERAWAT-SUKA' "$TMPD/out" || fail "staff show lacks the history line"
# A re-import that moves a person adds a history line; the others keep one.
sed 's/,PERAWAT-SUKA,PKM-SUKA,2020-03-01,/,BIDAN-SUKA,PKM-SUKA,2025-01-02,/' staff.csv >"$TMPD/moved.csv"
expect_rc 0 "$MUTASI" import staff "$TMPD/moved.csv"
starts_line "$TMPD/err" "mutasi: $TMPD/moved.csv: 5 rows imported into staff (0 added, 5 replaced)"
expect_rc 0 "$MUTASI" staff show 199001152019032002
grep -q '2020-03-01  PERAWAT-SUKA' "$TMPD/out" || fail "the old post left the history"
grep -q '2025-01-02  BIDAN-SUKA' "$TMPD/out" || fail "the move is not in the history"
expect_rc 0 "$MUTASI" staff show 198609262015051001
[ "$(grep -c '^  [0-9]' "$TMPD/out")" = 1 ] || fail "an unmoved person got a history line"
# Back to the old post: that line is in the history already.
expect_rc 0 "$MUTASI" import staff staff.csv
expect_rc 0 "$MUTASI" staff show 199001152019032002
[ "$(grep -c '^  [0-9]' "$TMPD/out")" = 2 ] || fail "moving back repeated a history line"
expect_rc 1 "$MUTASI" staff show 199001152019032099
expect_rc 1 "$MUTASI" staff show 12345
expect_rc 0 "$MUTASI" staff find SITI
has_line "$TMPD/out" "$(printf '19900115 201903 2 002\tSiti Aminah, S.Kep., Ns.\tPKM-SUKA\tPERAWAT-SUKA')"
[ "$(wc -l <"$TMPD/out")" = 1 ] || fail "find SITI should match one person"
expect_rc 0 "$MUTASI" staff find "1995 0505"
grep -q 'Rina Wulandari' "$TMPD/out" || fail "find by NIP digits"
expect_rc 1 "$MUTASI" staff find "nobody at all"

# --- the audit log records imports and exports ----------------------------------
expect_rc 0 "$MUTASI" audit
grep -q 'import staff' "$TMPD/out" || fail "no audit entry for the import"
grep -q 'export staff' "$TMPD/out" || fail "no audit entry for the export"
grep -q 'bad_nip.csv' "$TMPD/out" && fail "a refused import left an audit entry"

# --- usage ------------------------------------------------------------------------
expect_rc 2 "$MUTASI" import
expect_rc 2 "$MUTASI" import things staff.csv
expect_rc 2 "$MUTASI" export staff --format xml
expect_rc 2 "$MUTASI" staff frobnicate
expect_rc 1 "$MUTASI" import staff "$TMPD/no-such-file.csv"
expect_rc 0 "$MUTASI" import --help
starts_line "$TMPD/out" "usage: mutasi import"

[ "$fails" = 0 ] || { echo "$fails failures"; exit 1; }
echo "import/export: all checks passed"
