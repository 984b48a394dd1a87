#!/bin/sh
# The plan editor's S (scripted mode): the optimiser on the open plan; the
# suggestions screen shows every move with its reasons, all ticked; one
# unticked and Enter drops it, and the editor and `plan show` agree. An
# Esc typed while the optimiser works (<Interrupt>) cancels it and
# nothing changes; q on the suggestions asks, n stays, y keeps them all.
# Golden suggestions screens at 80x24 in English and Indonesian.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
export MUTASI_USER=ani
m() { MUTASI_CONFIG="$(e2e_config)" "$MUTASI" --db "$TMPD/db" "$@"; }
count_moves() { m plan show "$1" --format csv | tail -n +2 | grep -c .; }

# S then an Esc typed during the run: cancelled, the plan as it was.
tui sugg_cancel '3<Dump>nSaran<Enter>S<Interrupt><Dump>'
screen_has sugg_cancel "suggest cancelled: nothing changed"
screen_has sugg_cancel "moves: 0, version 1"
[ "$(count_moves 1)" = 0 ] || fail "a cancelled suggest changed the plan"

# S: the suggestions with their reasons; Space unticks the first; Enter.
tui sugg_en '3<Enter>S<Dump><Space><Dump><Enter><Dump>' --size 80x24
golden sugg_en
screen_has sugg_en ">[x] Eko Handayani Suryani"
screen_has sugg_en " [ ] Eko Handayani Suryani"
screen_has sugg_en "fills 1 of 3 short in Pengadministrasi Kependudukan, Kecamatan Cibeber (EJ"
screen_has sugg_en "Plan 1: objective 107; filled 9 of 21 short; 9 of 9 ticked"
screen_has sugg_en "8 of 9 ticked"
screen_has sugg_en "suggest: kept 8 of 9 suggested moves"
screen_has sugg_en "moves: 8, version 3"
[ "$(count_moves 1)" = 8 ] || fail "plan show has $(count_moves 1) moves, want 8"
m plan show 1 --format csv | grep -q 198709032011041001 && fail "the unticked move is still in the plan"
m plan show 1 --format csv | grep -q 197012042000122001 || fail "a ticked move is not in the plan"

# n unticks all, a ticks all; q asks: n stays, y keeps them all.
tui sugg_keep '3<Dump>nLagi<Enter>Sn<Dump>a<Dump>q<Dump>n<Dump>qy<Dump>'
screen_has sugg_keep "0 of"
screen_has sugg_keep "Keep all 9 suggested moves? (y/n)"
screen_has sugg_keep "suggest: kept all"
n2=$(count_moves 2)
[ "$n2" -gt 0 ] || fail "q then y dropped the suggested moves"

# The same screen in Indonesian (a new plan, the same region).
tui sugg_id '3<Dump>nId<Enter>S<Dump>' --config "$(e2e_config_id)"
# the first dump (after 3, a pause before n) is the Plans list with its
# clock times: only the suggestions screen is compared
awk '/^--- screen 2/ { s = 1 } s' "$TMPD/sugg_id.dump" >"$TMPD/sugg_id.tail" &&
  mv "$TMPD/sugg_id.tail" "$TMPD/sugg_id.dump"
golden sugg_id
