#!/bin/sh
# Leaving the program: only q (and :quit, Q) quit from the first screen;
# Esc, Left and h, pressed by habit to go back, stay (issue 14, item 1).
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db

tui stay 'h<Dump><Left><Dump><Esc><Dump>j<Dump>'
n=$(grep -c '^--- screen ' "$TMPD/stay.dump")
[ "$n" = 4 ] || fail "h, Left or Esc on the first screen left the program ($n screens dumped, want 4)"
screen_has stay "q quits"
# The fourth screen: still the Staff list, one row down.
awk '/^--- screen 4/{f=1} f' "$TMPD/stay.dump" | grep -qE ' 2/[0-9]+$' || fail "the list did not go on after Esc"

# Esc still goes back from a screen above the first one.
tui back '<Enter><Dump><Esc><Dump>'
awk '/^--- screen 1/{f=1} /^--- attributes/{f=0} f' "$TMPD/back.dump" | grep -q ' › ' ||
  fail "Enter did not open the detail"
awk '/^--- screen 2/{f=1} /^--- attributes/{f=0} f' "$TMPD/back.dump" | grep -q ' › ' &&
  fail "Esc did not go back from the detail"

# q on the first screen quits: the dump after it never runs.
tui quitq 'j<Dump>q<Dump>'
[ "$(grep -c '^--- screen ' "$TMPD/quitq.dump")" = 1 ] || fail "q did not quit from the first screen"
tui quitcmd 'j<Dump>:quit<Enter><Dump>'
[ "$(grep -c '^--- screen ' "$TMPD/quitcmd.dump")" = 1 ] || fail ":quit did not quit"
# Indonesian too.
E2E_CONFIG=$(e2e_config_id) tui stayid 'h<Dump>'
[ "$(grep -c '^--- screen ' "$TMPD/stayid.dump")" = 1 ] || fail "h quit (id)"
echo ok
