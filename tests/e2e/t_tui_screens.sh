#!/bin/sh
# Golden screens of every TUI screen at 80x24, in English and Indonesian,
# on the fixed dataset. Regenerate with UPDATE_GOLDEN=1 (see lib.sh).
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db

# Staff list, detail of the selected person, Units tree, a unit's
# positions and people, the groups by district, and Help.
keys='<Dump>jj<Enter><Dump>q2<Dump>jjjj<Enter><Dump>qv<Dump>6<Dump>'
tui screens_en "$keys"
golden screens_en
screen_has screens_en "1/118"
screen_has screens_en "Could this person move?"

tui screens_id "$keys" --config "$(e2e_config_id)"
golden screens_id
screen_has screens_id "[1 Pegawai]"
screen_lacks screens_id "Could this person move?"
