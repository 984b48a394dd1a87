#!/bin/sh
# The Staff and Units filters (issue 14, item 2): terms combine by AND,
# keys and values ignore case, unit: takes in the units below, every
# filter of the design exists, and the keywords exist in both languages.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
FX="$TOP/tests/fixtures/tui"

# total NAME N: the number of rows the N-th dump's status line gives.
total() {
  awk -v n="$2" '/^--- screen /{d++} d==n && / [0-9]+\/[0-9]+$/ {print $NF}' "$TMPD/$1.dump" |
    tail -n 1 | cut -d/ -f2
}
# The people of the fixture that pass an awk condition over the CSV
# (fields: 5 status, 6 rank, 8 unit, 13 job family).
want() {
  sed 's/"[^"]*"/N/g' "$FX/staff.csv" | awk -F, "NR > 1 && ($1) {n++} END {print n + 0}"
}
# The units at and below a code, from the fixture's tree.
subtree() {
  awk -F, -v root="$1" 'NR > 1 { parent[$1] = $3; all[$1] = 1 }
    END { for (u in all) { p = u; while (p != "") { if (p == root) { print u; break } p = parent[p] } } }' \
    "$FX/units.csv"
}

# unit: in lower case takes DINKES and every unit below it.
units=$(subtree DINKES | tr '\n' ' ')
[ -n "$units" ] || fail "no subtree for DINKES"
cond=$(for u in $units; do printf '$8 == "%s" || ' "$u"; done)
n=$(want "${cond}0")
tui unitsub 'funit:dinkes<Enter><Dump>'
[ "$(total unitsub 1)" = "$n" ] || fail "unit:dinkes shows $(total unitsub 1) people, the subtree holds $n"
[ "$n" -gt "$(want '$8 == "DINKES"')" ] || fail "the fixture has nobody below DINKES"

# Terms combine: rank and status together.
n=$(want '$6 == "III/b" && $5 == "PNS"')
tui combine 'fRANK:iii/b status:pns<Enter><Dump>'
[ "$(total combine 1)" = "$n" ] || fail "RANK:iii/b status:pns shows $(total combine 1), want $n"
n2=$(want '$6 == "III/b"')
[ "$n" -lt "$n2" ] || [ "$n" = "$n2" ] || fail "bad fixture"

# unit and job family together, in Indonesian keys.
n=$(want "(${cond}0) && \$13 ~ /kesehatan/")
tui idkeys 'funitkerja:DINKES rumpun:Kesehatan<Enter><Dump>'
[ "$(total idkeys 1)" = "$n" ] || fail "unitkerja: rumpun: shows $(total idkeys 1), want $n"

# district: the units of a district.
dunits=$(awk -F, 'NR > 1 && tolower($5) ~ /cibeber/ {print $1}' "$FX/units.csv")
cond=$(for u in $dunits; do printf '$8 == "%s" || ' "$u"; done)
n=$(want "${cond}0")
tui district 'fkecamatan:CIBEBER<Enter><Dump>fdistrict:cibeber<Enter><Dump>'
[ "$(total district 1)" = "$n" ] || fail "kecamatan:CIBEBER shows $(total district 1), want $n"
[ "$(total district 2)" = "$n" ] || fail "district:cibeber shows $(total district 2), want $n"

# eligible and rotation exist, in both languages, and narrow the list.
tui kw 'feligible<Enter><Dump>flayak<Enter><Dump>frotation<Enter><Dump>frotasi<Enter><Dump>'
e=$(total kw 1)
r=$(total kw 3)
[ -n "$e" ] && [ "$e" = "$(total kw 2)" ] || fail "eligible ($e) and layak ($(total kw 2)) differ"
[ -n "$r" ] && [ "$r" = "$(total kw 4)" ] || fail "rotation ($r) and rotasi ($(total kw 4)) differ"
[ "$e" -lt 118 ] && [ "$r" -lt 118 ] || fail "eligible ($e) or rotation ($r) filters nothing"
tui both 'frotation eligible<Enter><Dump>'
b=$(total both 1)
[ "$b" -le "$e" ] && [ "$b" -le "$r" ] || fail "rotation eligible ($b) is not within both"

# A wrong term says which keys exist.
tui wrong 'fgolongan:III/z<Enter><Dump>fbogus:1<Enter><Dump>'
screen_has wrong 'no rank "III/z"'
screen_has wrong 'unknown filter "bogus"'

# Units: kurang is short, and terms combine with text.
tui ushort '2fshort<Enter><Dump>fkurang<Enter><Dump>fkurang puskesmas<Enter><Dump>'
s=$(awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f' "$TMPD/ushort.dump" | grep -c '!')
k=$(awk '/^--- screen 2/{f=1} /^--- attributes/{f=0} f' "$TMPD/ushort.dump" | grep -c '!')
[ "$s" -gt 0 ] && [ "$s" = "$k" ] || fail "short ($s rows) and kurang ($k rows) differ"
awk '/^--- screen 3/{f=1} /^--- attributes/{f=0} f' "$TMPD/ushort.dump" | grep -q 'Puskesmas' ||
  fail "kurang puskesmas shows no Puskesmas"
awk '/^--- screen 3/{f=1} /^--- attributes/{f=0} f' "$TMPD/ushort.dump" |
  sed -n '4,23p' | grep -v '^ *$' | grep -v 'Puskesmas' && fail "kurang puskesmas shows another unit"
echo ok
