#!/bin/sh
# Search on the Units screen (issue 14 item 5) looks at every unit, also
# inside closed branches, and opens the branch of a hit; n and N go on
# round the tree; a code finds its unit; Esc goes back to where the search
# began; a miss says so. In both languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
selected() { # NAME N: the selected row of the N-th dump
  awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a && /^>/' "$TMPD/$1.dump"
}
screen_n() { awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"; }

tui usearch '2<Dump>/Puskesmas Warung<Enter><Dump>/Puskesmas<Enter><Dump>n<Dump>N<Dump>/pkm-cib<Enter><Dump>/zzqq<Enter><Dump>/Sekretariat<Esc><Dump>'
# 1: Dinas Kesehatan is closed, its Puskesmas not shown
screen_n usearch 1 | grep -q '+ Dinas Kesehatan' || fail "Dinas Kesehatan is not closed at the start"
screen_n usearch 1 | grep -q 'Puskesmas' && fail "a Puskesmas is shown before the search"
# 2: found inside the closed branch, which is now open
selected usearch 2 | grep -q 'UPT Puskesmas Warungkiara' || fail "search: $(selected usearch 2)"
screen_n usearch 2 | grep -q '\- Dinas Kesehatan' || fail "the branch of the hit is not open"
# 3-5: a match from the selected row on (itself), then n goes round the
# tree to the other one, N back
selected usearch 3 | grep -q 'UPT Puskesmas Warungkiara' || fail "/Puskesmas: $(selected usearch 3)"
selected usearch 4 | grep -q 'UPT Puskesmas Cibeber' || fail "n: $(selected usearch 4)"
screen_n usearch 4 | grep -q 'search went on from the top' || fail "n: no word on going round"
selected usearch 5 | grep -q 'UPT Puskesmas Warungkiara' || fail "N: $(selected usearch 5)"
# 6: by code, any case
selected usearch 6 | grep -q 'UPT Puskesmas Cibeber' || fail "/pkm-cib: $(selected usearch 6)"
# 7: a miss
screen_n usearch 7 | grep -q 'not found: zzqq' || fail "no word on a miss"
selected usearch 7 | grep -q 'UPT Puskesmas Cibeber' || fail "a miss moved the selection"
# 8: Esc: back to where the search began
selected usearch 8 | grep -q 'UPT Puskesmas Cibeber' || fail "Esc: $(selected usearch 8)"

E2E_CONFIG=$(e2e_config_id) tui usearch_id '2/Puskesmas Cib<Enter><Dump>/zzqq<Enter><Dump>'
selected usearch_id 1 | grep -q 'UPT Puskesmas Cibeber' || fail "id: $(selected usearch_id 1)"
screen_n usearch_id 2 | grep -q 'tidak ditemukan: zzqq' || fail "id: no word on a miss"
echo "units search: closed branches opened for a hit; n N, codes, misses, Esc"
