#!/bin/sh
# Sorting the Units screen (issue 14 item 9, in part): s sorts every unit
# by gap (most short first), then by EJ (highest first), then back to the
# tree; in a grouped view the same, back to name order, with the right
# message; Enter on a district or job family lists its positions. Both
# languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
screen_n() { awk -v n="$2" '/^--- screen /{d++; a=0; next} /^--- attributes/{a=1} d==n && !a' "$TMPD/$1.dump"; }
# The rows of the N-th dump: gap or EJ column (from the right of the line).
column() { screen_n "$1" "$2" | sed -n '3,22p' | grep -E '^[> ][!^= ]' | awk -v f="$3" '{print $(NF-f)}'; }
sorted() { # LIST ORDER(-n or -rn)
  [ "$(printf '%s\n' "$1" | sed 's/^+//' | sort $2)" = "$(printf '%s\n' "$1" | sed 's/^+//')" ]
}

tui usort '2s<Dump>s<Dump>s<Dump>vs<Dump><Enter><Dump><Esc>ss<Dump>v<Enter><Dump>'
screen_n usort 1 | grep -q 'sorted by gap, most short of staff first (s: by EJ)' || fail "s: no message"
gaps=$(column usort 1 3)
[ "$(printf '%s\n' "$gaps" | wc -l)" -ge 14 ] || fail "s: not every unit listed: $gaps"
sorted "$gaps" -n || fail "s: gaps not in order: $(echo $gaps)"
screen_n usort 1 | sed -n 3p | grep -q '^>.*-6 ' || fail "s: the selection is not on the most short"
ejs=$(column usort 2 2)
sorted "$ejs" -rn || fail "s s: EJ not highest first: $(echo $ejs)"
screen_n usort 2 | grep -q 'sorted by EJ, highest first' || fail "s s: no message"
screen_n usort 3 | grep -q 'in tree order (s: by gap)' || fail "s s s: no message"
screen_n usort 3 | grep -q '^ =    Badan Keuangan' || fail "s s s: not the tree again"
# grouped by district, sorted by gap; Enter lists the district's positions
screen_n usort 4 | grep -q 'sorted by gap' || fail "v s: no message"
sorted "$(column usort 4 3)" -n || fail "v s: districts not by gap"
screen_n usort 5 | grep -q '^>Cibeber  need 57' || fail "Enter on a district: $(screen_n usort 5 | sed -n 3p)"
screen_n usort 5 | grep -q 'Perawat Terampil .*PKM-CIBEBER' || fail "Enter on a district: no positions"
screen_n usort 6 | grep -q 'in name order (s: by gap)' || fail "grouped, back: wrong message"
screen_n usort 7 | grep -q '^>administrasi umum  need' && screen_n usort 7 | grep -q 'Sekretaris Daerah' || fail "Enter on a job family: no positions"

E2E_CONFIG=$(e2e_config_id) tui usort_id '2s<Dump>vss<Dump>'
screen_n usort_id 1 | grep -q 'urut menurut selisih' || fail "id: s: no message"
screen_n usort_id 2 | grep -q 'urutan nama' || fail "id: grouped, back: no message"
echo "units sort: gap, EJ, tree; groups sorted and opened"
