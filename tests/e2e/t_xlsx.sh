#!/bin/sh
# Spreadsheets as operators have them, through the real binary: workbooks
# saved by LibreOffice and openpyxl import like their CSV; the CSV that
# LibreOffice saves in the Indonesian locale (';', 26/09/1986) imports;
# every damaged-NIP form and a date valid only month first are refused
# naming file, sheet and cell; export --format xlsx -> import gives the
# same records; a workbook is known by its content, not its name.
set -u
. "$TOP/tests/e2e/env.sh"
: "${MUTASI:?}" "${TMPD:?}" "${FIXTURES:?}"
export MUTASI_TODAY=2026-01-15
fails=0
fail() { printf 'FAIL: %s\n' "$*"; fails=$((fails + 1)); }
expect_rc() { # WANT CMD...: stdout to $TMPD/out, stderr to $TMPD/err
  want=$1; shift
  "$@" >"$TMPD/out" 2>"$TMPD/err"; rc=$?
  if [ "$rc" != "$want" ]; then
    fail "exit $rc, expected $want: $*"; sed 's/^/  | /' "$TMPD/err" | head -20
  fi
}
has_line() { # FILE LINE
  grep -qxF -- "$2" "$1" || { fail "no line \"$2\" in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; }
}
starts_line() { # FILE PREFIX
  awk -v p="$2" 'index($0, p) == 1 { found = 1 } END { exit !found }' "$1" ||
    { fail "no line starting \"$2\" in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; }
}
snapshot() { # DIR: the three exports as CSV
  mkdir -p "$1"
  for k in units positions staff; do "$MUTASI" export "$k" >"$1/$k.csv" 2>/dev/null || fail "export $k"; done
}
same_snapshot() { # A B
  for k in units positions staff; do
    cmp -s "$1/$k.csv" "$2/$k.csv" || { fail "$k export differs between $1 and $2"; diff "$1/$k.csv" "$2/$k.csv" | head -10; }
  done
}
fresh_db() { # NAME: an empty database with the CSV units and positions
  export MUTASI_DB="$TMPD/$1"
  expect_rc 0 "$MUTASI" init
  expect_rc 0 "$MUTASI" import units "$FIXTURES/csv/units.csv"
  expect_rc 0 "$MUTASI" import positions "$FIXTURES/csv/positions.csv"
}
X="$FIXTURES/xlsx"

# --- the reference: the CSV fixtures ------------------------------------------
fresh_db ref
expect_rc 0 "$MUTASI" import staff "$FIXTURES/csv/staff.csv"
snapshot "$TMPD/ref"

# --- workbooks written by openpyxl: all three kinds ----------------------------
export MUTASI_DB="$TMPD/openpyxl"
expect_rc 0 "$MUTASI" init
expect_rc 0 "$MUTASI" import units "$X/units_openpyxl.xlsx"
starts_line "$TMPD/err" "mutasi: $X/units_openpyxl.xlsx: 7 rows imported into units (7 added, 0 replaced)"
expect_rc 0 "$MUTASI" import positions "$X/positions_openpyxl.xlsx"
expect_rc 0 "$MUTASI" import staff "$X/staff_openpyxl.xlsx"
snapshot "$TMPD/openpyxl"
same_snapshot "$TMPD/ref" "$TMPD/openpyxl"

# --- saved by LibreOffice: its own writer, custom dd/mm/yyyy, and from CSV -----
fresh_db lo
expect_rc 0 "$MUTASI" import staff "$X/staff_libreoffice_ddmmyyyy.xlsx"
snapshot "$TMPD/lo"
same_snapshot "$TMPD/ref" "$TMPD/lo"
# LibreOffice read the CSV's "=cmd|..." as a formula and saved its error:
# the rest of the file is the same.
expect_rc 0 "$MUTASI" import staff "$X/staff_libreoffice.xlsx"
expect_rc 0 "$MUTASI" export staff
grep -v '^200003032024031001,' "$TMPD/out" >"$TMPD/lo-a"
grep -v '^200003032024031001,' "$TMPD/ref/staff.csv" >"$TMPD/lo-b"
cmp -s "$TMPD/lo-a" "$TMPD/lo-b" || fail "staff_libreoffice.xlsx imports other records than staff.csv"
starts_line "$TMPD/out" "200003032024031001,#VALUE!,"

# --- the CSV LibreOffice saves in the Indonesian locale ------------------------
fresh_db id
expect_rc 0 "$MUTASI" import staff "$FIXTURES/csv/staff_libreoffice_id.csv"
snapshot "$TMPD/id"
same_snapshot "$TMPD/ref" "$TMPD/id"
# and a date in it that is valid only month first: named, nothing imported
sed 's|;15/01/1990;|;01/15/1990;|' "$FIXTURES/csv/staff_libreoffice_id.csv" >"$TMPD/month_first.csv"
fresh_db mf
expect_rc 1 "$MUTASI" import staff "$TMPD/month_first.csv"
has_line "$TMPD/err" "$TMPD/month_first.csv:3:4: birth_date: \"01/15/1990\" is a date only month first (MM/DD/YYYY); dates are read day first (DD/MM/YYYY): save the file with day-first dates"
expect_rc 0 "$MUTASI" export staff
[ "$(wc -l <"$TMPD/out")" = 1 ] || fail "a refused file left staff behind"

# --- damaged NIPs: every form, with the hint; a '-marked NIP is fine -----------
hint="format the NIP column as Text (or type ' before each NIP) and enter the NIPs again"
fresh_db nips
expect_rc 1 "$MUTASI" import staff "$X/staff_damaged_nip.xlsx"
has_line "$TMPD/err" "$X/staff_damaged_nip.xlsx:Sheet1!A2: nip: \"1.98609262015051e+17\": a spreadsheet turned this NIP into a number and lost its last digits; $hint"
has_line "$TMPD/err" "$X/staff_damaged_nip.xlsx:Sheet1!A3: nip: \"1,98609E+17\": a spreadsheet turned this NIP into a number and lost its last digits; $hint"
has_line "$TMPD/err" "$X/staff_damaged_nip.xlsx:Sheet1!A4: nip: \"199505052020122000\": no NIP ends in the sequence 000: a spreadsheet probably turned this NIP into a number and kept only 15 digits; $hint"
has_line "$TMPD/err" "$X/staff_damaged_nip.xlsx:Sheet1!A5: nip: \"198802022010011003.00\": a spreadsheet turned this NIP into a number and lost its last digits; $hint"
grep -q 'Sheet1!A6' "$TMPD/err" && fail "the '-marked NIP of row 6 was refused"
starts_line "$TMPD/err" "mutasi: $X/staff_damaged_nip.xlsx: 4 errors, nothing was imported"
expect_rc 1 "$MUTASI" import staff "$X/staff_nip_number_libreoffice.xlsx"
has_line "$TMPD/err" "$X/staff_nip_number_libreoffice.xlsx:staffn!A2: nip: \"1.98609262015051E+017\": a spreadsheet turned this NIP into a number and lost its last digits; $hint"
expect_rc 1 "$MUTASI" import staff "$FIXTURES/csv/staff_nip_number_libreoffice_id.csv"
has_line "$TMPD/err" "$FIXTURES/csv/staff_nip_number_libreoffice_id.csv:2:1: nip: \"1,98609262015051E+017\": a spreadsheet turned this NIP into a number and lost its last digits; $hint"
# A CSV NIP marked as text with a leading ': read as the NIP
sed "2s|^198609262015051001,|'198609262015051001,|" "$FIXTURES/csv/staff.csv" >"$TMPD/quote.csv"
expect_rc 0 "$MUTASI" import staff "$TMPD/quote.csv"
snapshot "$TMPD/quote"
same_snapshot "$TMPD/ref" "$TMPD/quote"

# --- bad cells of a workbook: sheet and cell named, the whole file refused ----
fresh_db bad
expect_rc 1 "$MUTASI" import staff "$X/staff_bad_cells.xlsx"
has_line "$TMPD/err" "$X/staff_bad_cells.xlsx:Sheet1!D3: birth_date: \"01/15/1990\" is a date only month first (MM/DD/YYYY); dates are read day first (DD/MM/YYYY): save the file with day-first dates"
has_line "$TMPD/err" "$X/staff_bad_cells.xlsx:Sheet1!F4: rank: unknown value \"V/z\" (expected a rank I/a to IV/e or a PPPK grade I to XVII)"
expect_rc 0 "$MUTASI" export staff
[ "$(wc -l <"$TMPD/out")" = 1 ] || fail "a refused workbook left staff behind"
# A sheet name with a space is quoted as a spreadsheet quotes it.
expect_rc 1 "$MUTASI" import units "$X/staff_openpyxl.xlsx"
starts_line "$TMPD/err" "$X/staff_openpyxl.xlsx:'Data Pegawai'!A1: code: required column is missing"

# --- round trip: export --format xlsx -> import -> the same records -------------
export MUTASI_DB="$TMPD/ref"
for k in units positions staff; do
  expect_rc 0 "$MUTASI" export "$k" --format xlsx --output "$TMPD/$k.xlsx"
done
expect_rc 0 "$MUTASI" export staff --format xlsx
head -c 4 "$TMPD/out" | od -An -c | grep -q 'P   K 003 004' || fail "export to stdout is not a zip"
# known by content: a workbook named .csv is still read as a workbook
cp "$TMPD/staff.xlsx" "$TMPD/staff-really-xlsx.csv"
export MUTASI_DB="$TMPD/trip"
expect_rc 0 "$MUTASI" init
expect_rc 0 "$MUTASI" import units "$TMPD/units.xlsx"
expect_rc 0 "$MUTASI" import positions "$TMPD/positions.xlsx"
expect_rc 0 "$MUTASI" import staff "$TMPD/staff-really-xlsx.csv"
snapshot "$TMPD/trip"
same_snapshot "$TMPD/ref" "$TMPD/trip"
expect_rc 0 "$MUTASI" export workload --format xlsx --output "$TMPD/workload.xlsx"
head -c 2 "$TMPD/workload.xlsx" | grep -q PK || fail "workload.xlsx is not a zip"
# usage: --output without xlsx, an unknown format
expect_rc 2 "$MUTASI" export staff --output "$TMPD/x.csv"
expect_rc 2 "$MUTASI" export staff --format ods
# a damaged workbook is refused with the file named
head -c 300 "$TMPD/staff.xlsx" >"$TMPD/cut.xlsx"
expect_rc 1 "$MUTASI" import staff "$TMPD/cut.xlsx"
starts_line "$TMPD/err" "mutasi: $TMPD/cut.xlsx: not an xlsx workbook"

[ "$fails" = 0 ] || exit 1
echo "xlsx: ok"
