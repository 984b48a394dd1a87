#!/bin/sh
# A damaged staff record under a filter of the Staff screen (80x24,
# scripted): the filtered list pages past it as the whole list does. It
# is a marked row of its own, the people after it are all there (through
# the unit index for unit:, and the walk of every record for the other
# terms), Enter tells the story, and the message says it is listed
# because it cannot be read to test. In Indonesian too.
. "$TOP/tests/e2e/lib.sh"
POKE="$TOP/build/tests/lmdbpoke"
[ -x "$POKE" ] || fail "no $POKE: run make first"
MUTASI_DB="$TMPD/db" "$MUTASI" demo --staff 300 >/dev/null 2>"$TMPD/err" || fail "demo: $(cat "$TMPD/err")"

# total NAME: the count of the status line of the dump's last screen.
total() {
  awk '/ [0-9]+\/[0-9]+ *$/ {t = $NF} END {print t}' "$TMPD/$1.dump" | cut -d/ -f2
}
# The victim: the second person (NIP order) of the unit with the most
# people, so that people of the same unit and rank follow it.
MUTASI_DB="$TMPD/db" "$MUTASI" export staff | sed 1d | sed 's/"[^"]*"/N/g' >"$TMPD/staff"
unit=$(cut -d, -f8 "$TMPD/staff" | sort | uniq -c | sort -k1,1nr -k2 | awk 'NR == 1 {print $2}')
nip=$(awk -F, -v u="$unit" '$8 == u {n++; if (n == 2) {print $1; exit}}' "$TMPD/staff")
rank=$(awk -F, -v n="$nip" '$1 == n {print $6}' "$TMPD/staff")
other=$(awk -F, -v r="$rank" '$6 != r && $6 != "" {print $6; exit}' "$TMPD/staff")
[ ${#nip} = 18 ] && [ -n "$rank" ] && [ -n "$other" ] || fail "no victim: unit $unit nip $nip rank $rank"
after=$(awk -F, -v u="$unit" -v n="$nip" '$8 == u && $1 > n' "$TMPD/staff" | wc -l)
[ "$after" -ge 1 ] || fail "nobody of $unit after $nip"

for f in "unit:$unit" "rank:$rank" "rank:$other"; do
  tui "b_${f%%:*}_$([ "$f" = "rank:$other" ] && echo o)" "f$f<Enter><Dump>q"
done
"$POKE" "$TMPD/db" staff "$nip" damage || fail "lmdbpoke damage $nip"

# unit: through the unit index; rank: through every record, in NIP order
for f in "unit:$unit" "rank:$rank"; do
  name=a_${f%%:*}
  tui "$name" "f$f<Enter><Dump>/$nip<Enter><Enter><Dump>q"
  screen_lacks "$name" "could not read the database"
  screen_has "$name" "$nip ! damaged record (database staff)"
  [ "$(total "$name")" = "$(total "b_${f%%:*}_")" ] ||
    { cat "$TMPD/$name.dump"; fail "$f: $(total "$name") rows past the damage, $(total "b_${f%%:*}_") before it"; }
  screen_has "$name" "damaged record is listed too"
  tr '\n' ' ' <"$TMPD/$name.dump" | tr -s ' ' | grep -qF "in database staff is damaged: its checksum does not match" ||
    { cat "$TMPD/$name.dump"; fail "$f: Enter on the damaged row does not tell what it is"; }
done
# a filter it may not pass: listed all the same, one row more
tui a_rank_o "frank:$other<Enter><Dump>q"
[ "$(total a_rank_o)" = "$(($(total b_rank_o) + 1))" ] ||
  fail "rank:$other: $(total a_rank_o) rows, $(total b_rank_o) before the damage (and the damaged one)"
screen_has a_rank_o "$nip ! damaged record (database staff)"

# in Indonesian
E2E_CONFIG=$(e2e_config_id) tui a_id "f$(echo "unit:$unit")<Enter><Dump>q"
screen_has a_id "$nip ! rekaman rusak (basis data staff)"
[ "$(total a_id)" = "$(total b_unit_)" ] || fail "Indonesian: $(total a_id) rows, $(total b_unit_) before"
echo "faults under a filter: the damaged record is a marked row, the filtered list goes on past it"
