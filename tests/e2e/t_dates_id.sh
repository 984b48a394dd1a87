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
# The plans (issue 14 item 10's leftovers): on a demo region with plans in
# every state, no ISO date where a person reads Indonesian (the Plans,
# Inbox, Follow-up and Audit screens; plan list/show, inbox, followup,
# export audit --format text), ISO in English and in CSV. Stored texts
# (an event's note, an audit entry's before/after) keep what was written.
iso='[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
idd='[0-3][0-9]-[0-1][0-9]-20[0-9][0-9] [0-2][0-9]:[0-5][0-9]'
no_iso() { # NAME FILE: fails when FILE shows an ISO date
  if grep -q "$iso" "$2"; then grep "$iso" "$2" | head -n 3 >&2; fail "$1: an ISO date in Indonesian"; fi
}
TMPD=$TMPD/plans && mkdir -p "$TMPD"
"$MUTASI" --db "$TMPD/db" demo --staff 2000 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"
LANGUAGE=id "$MUTASI" --db "$TMPD/db" plan list >"$TMPD/list" || fail "plan list (id)"
no_iso "plan list" "$TMPD/list"
grep -q "$idd" "$TMPD/list" || { cat "$TMPD/list"; fail "plan list (id): no DD-MM-YYYY hh:mm"; }
LANGUAGE=en "$MUTASI" --db "$TMPD/db" plan list | grep -q "$iso" || fail "plan list (en): not ISO"
# LANG as SSH carries it from an Indonesian desktop, whether or not the
# server has that locale: still Indonesian (on a machine without it, the
# program keeps UTF-8 and the language).
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=id_ID.UTF-8 "$MUTASI" --db "$TMPD/db" plan list >"$TMPD/list_lang"
grep -q "$idd" "$TMPD/list_lang" || { cat "$TMPD/list_lang"; fail "LANG=id_ID.UTF-8: not Indonesian"; }
"$MUTASI" --db "$TMPD/db" plan list --format csv | grep -q "$iso" || fail "plan list CSV: not ISO"
LANGUAGE=id "$MUTASI" --db "$TMPD/db" plan show 1 | sed '/^$/q' >"$TMPD/show"
no_iso "plan show" "$TMPD/show"
grep -q "dibuat [0-9]* [A-Z][a-z]* 20[0-9][0-9] " "$TMPD/show" || { cat "$TMPD/show"; fail "plan show (id): created"; }
LANGUAGE=id MUTASI_USER=budi "$MUTASI" --db "$TMPD/db" inbox >"$TMPD/inbox" || fail "inbox (id)"
no_iso "inbox" "$TMPD/inbox"
LANGUAGE=id "$MUTASI" --db "$TMPD/db" followup 1 >"$TMPD/followup" || fail "followup (id)"
no_iso "followup" "$TMPD/followup"
grep -q "TMT [0-9]* [A-Z][a-z]* 20" "$TMPD/followup" || { head -n 1 "$TMPD/followup"; fail "followup (id): TMT"; }
LANGUAGE=id "$MUTASI" --db "$TMPD/db" export audit --format text | cut -c 1-30 >"$TMPD/audit.txt"
no_iso "export audit text" "$TMPD/audit.txt"
cfg=$(e2e_config_id)
for scr in 3 4 5 7; do
  E2E_CONFIG=$cfg TUI_USER=eka tui "screen$scr-id" "$scr<Dump>"
  no_iso "screen $scr" "$TMPD/screen$scr-id.dump"
done
grep -q "$idd" "$TMPD/screen3-id.dump" || fail "Plans (id): no DD-MM-YYYY hh:mm"
TUI_USER=eka tui screen3-en "3<Dump>"
grep -q "$iso" "$TMPD/screen3-en.dump" || fail "Plans (en): not ISO"
# Leave in words: the person on unpaid leave, in both languages.
nip=$("$MUTASI" --db "$TMPD/db" export staff | grep -m 1 ',cltn,' | cut -c 1-18)
[ -n "$nip" ] || fail "the demo has nobody on CLTN"
LANGUAGE=id "$MUTASI" --db "$TMPD/db" staff show "$nip" | grep -q "cuti di luar tanggungan negara (CLTN)" ||
  fail "staff show (id): leave not in words"
LANGUAGE=en "$MUTASI" --db "$TMPD/db" staff show "$nip" | grep -q "unpaid leave (CLTN)" ||
  fail "staff show (en): leave not in words"
# No label runs into its value: two spaces at least after every label.
LANGUAGE=id "$MUTASI" --db "$TMPD/db" staff show "$nip" | sed '/^Riwayat/q' | sed '$d' |
  awk '{ if (index($0, "  ") == 0) { print; bad = 1 } } END { exit bad }' ||
  fail "staff show (id): a label runs into its value"
echo "dates: Indonesian style where read, ISO in English and CSV"
