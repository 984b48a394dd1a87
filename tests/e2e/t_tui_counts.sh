#!/bin/sh
# Digits: screens or counts (issue 14 item 11). A digit bound to a screen
# waits for the next key: a key that takes a count makes it a count (6G,
# 3j, 12j, as in vi), another key or a pause switches screens (2, then f
# filters on Units). A count before g or G goes to that row. Also on a
# real terminal (tmux): 6G typed at once, 2 alone after a pause.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
pos() { # NAME N: the position shown by the N-th dump ("12/118")
  awk -v n="$2" '/^--- screen /{d++} d==n && / [0-9]+\/[0-9]+$/ {print $NF}' "$TMPD/$1.dump" | tail -n 1
}
tab() { # NAME N: the selected tab of the N-th dump
  awk -v n="$2" '/^--- screen /{d++; getline; print; }' "$TMPD/$1.dump" |
    sed -n "${2}p" | grep -o '\[[^]]*\]'
}

tui counts '6G<Dump>3j<Dump>12j<Dump>g<Dump>5g<Dump>06G<Dump>2<Dump>1<Dump>' --size 80x24
[ "$(pos counts 1)" = 6/118 ] || fail "6G: $(pos counts 1)"
[ "$(tab counts 1)" = "[1 Staff]" ] || fail "6G left Staff: $(tab counts 1)"
[ "$(pos counts 2)" = 9/118 ] || fail "3j: $(pos counts 2)"
[ "$(pos counts 3)" = 21/118 ] || fail "12j: $(pos counts 3)"
[ "$(pos counts 4)" = 1/118 ] || fail "g: $(pos counts 4)"
[ "$(pos counts 5)" = 5/118 ] || fail "5g: $(pos counts 5)"
[ "$(pos counts 6)" = 6/118 ] || fail "06G: $(pos counts 6)"
[ "$(tab counts 7)" = "[2 Units]" ] || fail "2 then a pause: $(tab counts 7)"
[ "$(tab counts 8)" = "[1 Staff]" ] || fail "1 then a pause: $(tab counts 8)"

# A count past the end stops on the last row; a digit before a key that
# takes no count switches first, then the key acts there; a wrong key
# after a count (9 is no screen) says so and the count is dropped.
tui counts2 '999G<Dump>2fshort<Enter><Dump>9x<Dump>j<Dump>' --size 80x24
[ "$(pos counts2 1)" = 118/118 ] || fail "999G: $(pos counts2 1)"
[ "$(tab counts2 2)" = "[2 Units]" ] || fail "2f: $(tab counts2 2)"
screen_has counts2 "short"
awk '/^--- screen 3/{f=1} /^--- screen 4/{f=0} f' "$TMPD/counts2.dump" | grep -q "\[2 Units\]" ||
  fail "9x switched screens"
grep -q "key x does nothing here" "$TMPD/counts2.dump" || fail "9x: no word on x"
p3=$(pos counts2 3); p4=$(pos counts2 4)
[ "${p4%%/*}" = $(( ${p3%%/*} + 1 )) ] || fail "j after 9x moved from $p3 to $p4 (the count stayed)"

# The rule is documented on the Help screen, in both languages.
tui help '?<Dump>G<Dump>'
screen_has help "6G goes to row 6"
E2E_CONFIG=$(e2e_config_id) tui help_id '?<Dump>G<Dump>'
screen_has help_id "6G ke baris 6"

# A real terminal: keys typed together make a count, a lone digit
# switches after a moment.
cfg=$(e2e_config)
tmux_begin
tmux_mutasi "$cfg"
tmux_wait " 1/118"
tmux_keys 6G
tmux_wait " 6/118"
tmux_capture | grep -qF "[1 Staff]" || fail "tmux: 6G left Staff"
tmux_keys 2
tmux_wait "[2 Units]"
tmux_keys q
tmux_wait "mutasi ended with 0"
echo "counts: 6G, 3j, 12j, 5g, 999G; 2 and 1 after a pause; 2f; tmux 6G and 2"
