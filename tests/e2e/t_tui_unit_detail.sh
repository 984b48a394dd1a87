#!/bin/sh
# Enter in a unit's detail (issue 14 item 6): on a person it opens the
# person; on a position it lists who holds it; from a person, c checks a
# move to a position picked by search (also c on a person's line); Enter
# on a line that stands for nothing says so. In both languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
screen_n() { awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"; }

keys='2/Puskesmas Cib<Enter><Enter><Enter><Dump>/Dokter Ahli<Enter><Enter><Dump>/Euis<Enter><Enter><Dump>c<Dump>/PKM-WARUNG-DOK<Enter><Enter><Dump>'
tui udetail "$keys"
# 1: the unit's header line stands for nothing
screen_n udetail 1 | grep -q 'nothing to open on this line' || fail "Enter on the header: no word"
# 2: a position: who holds it, each a person
screen_n udetail 2 | grep -q '^>Dokter Ahli Pertama (PKM-CIBEBER-DOK)' || fail "position: not its holders"
screen_n udetail 2 | grep -q 'dr. Euis Sukmawati' || fail "position: a holder is missing"
# 3: a person: the detail, with the hint for c
screen_n udetail 3 | grep -q '^>19720907 199801 2 001  dr. Euis Sukmawati' || fail "person: not opened"
# 4: c: the position picker
screen_n udetail 4 | grep -q 'Pick a position' || fail "c: no position picker"
# 5: the verdicts of moving her there
screen_n udetail 5 | grep -q 'Dokter Ahli Pertama -> Dokter Ahli Pertama (PKM-WARUNG-DOK)' ||
  fail "c: no check of the move"
screen_n udetail 5 | grep -q 'Need at target' || fail "c: no verdicts"

# c on a person's line of the unit detail; c and Enter where there is no
# person (the help screen): a word, nothing opens.
tui udetail2 '2/Puskesmas Cib<Enter><Enter>/Euis Sukm<Enter>c<Dump><Esc><Esc><Esc>?c<Dump>'
screen_n udetail2 1 | grep -q 'Pick a position' || fail "c on a person's line: no picker"
screen_n udetail2 2 | grep -q 'no person here: open a person or select one, then press c' ||
  fail "c on help: no word"

# The person's own position line lists its holders too.
tui udetail3 ':staff show 19720907 199801 2 001<Enter>/Position <Enter><Enter><Dump>'
screen_n udetail3 1 | grep -q '^>Dokter Ahli Pertama (PKM-CIBEBER-DOK)' || fail "Position line: not its holders"

E2E_CONFIG=$(e2e_config_id) tui udetail_id '2/Puskesmas Cib<Enter><Enter><Enter><Dump>/Euis<Enter><Enter>c<Dump>'
screen_n udetail_id 1 | grep -q 'tidak ada yang dapat dibuka di baris ini' || fail "id: Enter on the header"
screen_n udetail_id 2 | grep -q 'Pilih jabatan' || fail "id: c: no position picker"
echo "unit detail: Enter opens people and positions' holders; c checks a move"
