#!/bin/sh
# Dates read by people (issue 14 item 10, in part): Indonesian style in
# the Indonesian TUI (the person's detail and the rules' reasons) and the
# CLI's text (staff show, its history), ISO in English and in every CSV
# file whatever the language; labels keep a space before their values;
# SKP is written in the detail with the list's short form beside it.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
nip=19720907199801 # dr. Euis Sukmawati: born 1972-09-07, in post since 2018-01-01
nip="${nip}2001"

E2E_CONFIG=$(e2e_config_id) tui dates_id ":staff show $nip<Enter><Dump>"
screen_has dates_id "P, 7 September 1972"
screen_has dates_id "Dalam jabatan sejak   1 Januari 2018"
screen_has dates_id "pensiun pada 1 Oktober 2030"
screen_lacks dates_id "1972-09-07"
# labels never run into their values: two spaces after the longest
screen_has dates_id "Jenis kelamin, lahir  P"
screen_has dates_id "2024 Baik (B), 2025 Baik (B)"
tui dates_en ":staff show $nip<Enter><Dump>"
screen_has dates_en "2024 Good (B), 2025 Good (B)"
tui list_en "/Euis Sukmawati<Enter><Dump>"
awk '/^--- screen 1/{f=1} f && /^>/' "$TMPD/list_en.dump" | grep -q ' B *$' || fail "the list's SKP is not B"
screen_has dates_en "P, 1972-09-07"
screen_has dates_en "retires on 2030-10-01"

LANGUAGE=id "$MUTASI" --db "$TMPD/db" staff show "$nip" >"$TMPD/show_id" || fail "staff show (id)"
grep -q '7 September 1972' "$TMPD/show_id" || { cat "$TMPD/show_id"; fail "CLI id: no Indonesian date"; }
grep -q '^  1 Januari 2018  *PKM-CIBEBER-DOK' "$TMPD/show_id" || { cat "$TMPD/show_id"; fail "CLI id: history date"; }
LANGUAGE=en "$MUTASI" --db "$TMPD/db" staff show "$nip" | grep -q '1972-09-07' || fail "CLI en: not ISO"
LANGUAGE=id "$MUTASI" --db "$TMPD/db" export staff >"$TMPD/staff.csv" || fail "export (id)"
grep "^$nip," "$TMPD/staff.csv" | grep -q '1972-09-07' || fail "CSV in id: not ISO"
grep -q 'September' "$TMPD/staff.csv" && fail "CSV in id has a month name"
echo "dates: Indonesian style where read, ISO in English and CSV"
