#!/bin/sh
# The TUI on the demo region (mutasi demo, seeded): every screen draws in
# English and Indonesian, the list holds every person, the Units screen
# shows short and over-staffed units, and the thin-link budgets hold.
set -u
. "$TOP/tests/e2e/lib.sh"
"$MUTASI" --db "$TMPD/db" demo --staff 2000 --seed 11 >"$TMPD/demo.log" 2>&1 ||
  { cat "$TMPD/demo.log"; fail "mutasi demo failed"; }
E2E_DB="$TMPD/db"

tui demo_en '<Dump>G<Dump>g<Enter><Dump>q2<Dump>jj<Enter><Dump>q6<Dump>'
screen_has demo_en " 1/2000"
screen_has demo_en " 2000/2000"
screen_has demo_en "Could this person move?"
grep -q '^[ >]!' "$TMPD/demo_en.dump" || fail "the demo shows no short unit"
grep -q '^[ >]^' "$TMPD/demo_en.dump" || fail "the demo shows no over-staffed unit"
screen_has demo_en "Positions: mark, name, unit"
screen_has demo_en "Help: keys"
[ "$(bytes_of demo_en G)" -gt 0 ] || fail "no bytes logged"

tui demo_id '<Dump>2<Dump>' --config "$(e2e_config_id)"
screen_has demo_id "[1 Pegawai]"
screen_has demo_id "Keterisian"

# Thin link: one row < 100 bytes, a page well under a full repaint.
tui demo_bytes 'jj<PgDn>' --size 80x24
[ "$(bytes_of demo_bytes j 2)" -lt 100 ] || fail "moving one row wrote $(bytes_of demo_bytes j 2) bytes"
[ "$(bytes_of demo_bytes '<PgDn>')" -lt 2100 ] || fail "page down wrote $(bytes_of demo_bytes '<PgDn>') bytes"
