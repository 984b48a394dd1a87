#!/bin/sh
# Truncation at 80 columns (issue 14 item 8, in part): a unit whose name
# repeats (many "Sekretariat") shows its parent; a row that cuts its text
# (a unit's name, a verdict's reason) shows the rest on the message line
# while no message is there. In both languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
screen_n() { awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"; }
last() { screen_n "$1" "$2" | sed -n 24p; }

# A verdict's reason longer than the line: the rest below.
tui cut ':staff show 19720907 199801 2 001<Enter>/Tenure in post<Enter><Dump>k<Dump>'
screen_n cut 1 | grep -q '^>.*Tenure in post: 102 months in post.*…$' || fail "the reason is not cut on its row"
last cut 1 | grep -q '^…ate (more than [0-9]* months)$' || fail "the rest of the reason is not shown: '$(last cut 1)'"
[ -z "$(last cut 2)" ] || fail "a row that shows everything left a detail line: '$(last cut 2)'"

# Repeated unit names, in the demo region (many Sekretariat).
(cd "$TMPD" && MUTASI_CONFIG="$TOP/config/demo" MUTASI_USER=eka "$MUTASI" --db demo demo --staff 1500) \
  >"$TMPD/demo.log" 2>&1 || { cat "$TMPD/demo.log"; fail "demo"; }
rm -rf "$TMPD/db" && mv "$TMPD/demo" "$TMPD/db"
tui repeat '2fsekretariat<Enter><Dump>f<Enter>/Subbagian Perencanaan<Enter><Dump>'
screen_n repeat 1 | grep -q 'Sekretariat (Dinas Kesehatan)' || fail "a repeated name shows no parent"
screen_n repeat 1 | grep -q 'Subbagian' && fail "the filter matched the parent's name"
sel=$(screen_n repeat 2 | grep '^>')
case "$sel" in *…*) ;; *) fail "the selected unit's name is not cut: $sel" ;; esac
last repeat 2 | grep -q '^Subbagian Perencanaan dan Keuangan (Sekretariat)$' ||
  fail "the cut name is not shown whole: '$(last repeat 2)'"

E2E_CONFIG=$(e2e_config_id) tui repeat_id '2fsekretariat<Enter><Dump>'
screen_n repeat_id 1 | grep -q 'Sekretariat (Dinas Kesehatan)' || fail "id: a repeated name shows no parent"
echo "truncation: parents of repeated names; the rest of a cut row on the message line"
