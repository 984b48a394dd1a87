#!/bin/sh
# Names sort without their titles (issue 14 item 9): the Staff screen in
# name order, whole and filtered (the filtered list sorts in memory, the
# whole one walks the name index), lists "dr. Cucu" among the C's and
# "Hj. Yanti" among the Y's: each row's name, its front titles taken off,
# is in order.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
# The names of a dump's rows (after the NIP's column of 18 digits),
# front titles off, folded, first two words.
cores() {
  sed -n '/^--- screen /,/^--- attributes/p' "$TMPD/$1.dump" |
    grep -E '^[> ][0-9]{18} ' | cut -c21- |
    sed -E 's/  .*//; s/,.*//; s/[~…]$//' |
    sed -E ':a; s/^((dr|Dr|DR|drg|drh|Drs|Dra|Ir|Prof|H|Hj|Ns|apt)\.) */\1 /; s/^(dr|Dr|DR|drg|drh|Drs|Dra|Ir|Prof|H|Hj|Ns|apt)\. //; ta' |
    awk '{ print tolower($1) " " tolower($2) }'
}
in_order() { # NAME
  c=$(cores "$1")
  [ "$(printf '%s\n' "$c" | wc -l)" -ge "$2" ] || fail "$1: only $(printf '%s\n' "$c" | wc -l) rows"
  [ "$(printf '%s\n' "$c" | LC_ALL=C sort)" = "$c" ] ||
    fail "$1: not in name order without titles: $(printf '%s\n' "$c" | LC_ALL=C sort -c 2>&1)"
}

# the whole list: every person on one tall screen
tui whole '<Dump>' --size 120x130
in_order whole 118
titled=$(sed -n '/^--- screen /,/^--- attributes/p' "$TMPD/whole.dump" | cut -c21- |
  grep -cE '^(dr|Dr|drg|drh|Drs|Dra|Ir|Prof|H|Hj)\. ')
[ "$titled" -ge 5 ] || fail "whole: only $titled names with front titles: nothing was tested"
screen_has whole 'dr. Cucu Nugroho'
# "dr. Cucu" sits among the C's, after Cecep and before Cucu Santoso
sed -n '/^--- screen /,/^--- attributes/p' "$TMPD/whole.dump" | grep -E 'Cecep|Cucu' | cut -c21- |
  awk '{print $1, $2}' | tr '\n' '|' | grep -q 'Cecep Susanti|dr. Cucu|Cucu Santoso' ||
  fail "whole: dr. Cucu is not between Cecep and Cucu Santoso"

# a filtered list, sorted in memory: the same order
tui filtered 'fstatus:pns<Enter><Dump>' --size 120x130
in_order filtered 50
screen_has filtered 'dr. Cucu Nugroho'

# paging by the name index: the row after dr. Cucu on the next page down
# is the one after it on the whole list (the index's anchor is its key)
tui paged '<PgDn><PgDn><Dump>'
in_order paged 15
echo "name sort: titles aside, whole and filtered"
