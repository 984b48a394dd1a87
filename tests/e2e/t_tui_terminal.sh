#!/bin/sh
# Terminal behaviour: resize (below 80x24 a message, then back), the
# cursor on the selected row, NO_COLOR and colourless terminals keep every
# mark, ASCII in a non-UTF-8 locale, and the TERM values of the matrix.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
nth() { # NAME N: the N-th screen of a dump, text and attributes
  awk -v n="$2" '/^--- screen /{d++} d==n' "$TMPD/$1.dump"
}

# Resize to 60x15 and back: a message with the size needed, then the list.
tui resize 'jj<Resize 60x15><Dump>j<Resize 80x24><Dump>'
nth resize 1 | grep -q "mutasi needs at least 80x24" || { nth resize 1; fail "no size message at 60x15"; }
nth resize 1 | grep -q "60x15" || fail "the message does not say the present size"
nth resize 2 | grep -q " 3/118$" || { nth resize 2; fail "after resizing back the list is not at row 3"; }
nth resize 2 | grep -q "^--- screen 2: 80x24" || fail "the second dump is not 80x24"

# The terminal cursor sits on the selected row (screen readers follow it).
tui cursor 'jj<Dump>'
head -n 1 "$TMPD/cursor.dump" | grep -q "cursor at line 5 column 1" ||
  fail "cursor not on the selected row: $(head -n 1 "$TMPD/cursor.dump")"

# Reverse video on the selected row only, and nowhere else.
rev=$(awk '/^--- attributes/{f=1; next} f' "$TMPD/cursor.dump" | grep -c '[13579bdf]')
[ "$rev" = 1 ] || fail "reverse video on $rev lines, expected only the selected row"

# Colour where allowed, none with NO_COLOR; the marks stay either way.
tui colour '2<Dump>'
if e2e_colour_terminal; then
  awk '/^--- attributes/{f=1; next} f' "$TMPD/colour.dump" | grep -q '[89a-f]' ||
    fail "the Units screen uses no colour on a colour terminal"
fi
NO_COLOR=1 tui nocolour '2<Dump>'
awk '/^--- attributes/{f=1; next} f' "$TMPD/nocolour.dump" | grep -q '[89a-f]' &&
  fail "colour used although NO_COLOR is set"
for mark in '!' '^' '='; do
  grep -q "^[ >]$mark" "$TMPD/nocolour.dump" || fail "mark $mark missing without colour"
done
# Without colour the text is the same: the colour carried no meaning alone.
[ "$(awk '/^--- attributes/{exit} 1' "$TMPD/colour.dump")" = \
  "$(awk '/^--- attributes/{exit} 1' "$TMPD/nocolour.dump")" ] || fail "text differs without colour"

# A non-UTF-8 locale: plain ASCII on screen, '#' bars and '~' cut marks.
LANG=C tui ascii '<Dump>2<Dump>' --size 80x24
if LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMPD/ascii.dump"; then
  fail "non-ASCII bytes on screen in the C locale"
fi
grep -q '\[#*\.*\]' "$TMPD/ascii.dump" || fail "no ASCII bar in the C locale"
grep -q '~' "$TMPD/ascii.dump" || fail "no ASCII cut mark in the C locale"

# Every TERM of the matrix draws the same list; vt100 has no colour.
for t in xterm-256color screen tmux-256color vt100; do
  TERM=$t tui "term_$t" 'jj<Dump>2<Dump>'
  grep -q " 3/118$" "$TMPD/term_$t.dump" || fail "TERM=$t: the list is not drawn"
  mv_bytes=$(bytes_of "term_$t" j 2)
  [ "$mv_bytes" -lt 100 ] || fail "TERM=$t: moving one row wrote $mv_bytes bytes"
done
awk '/^--- screen 2/{f=1} f && /^--- attributes/{g=1; next} g' "$TMPD/term_vt100.dump" |
  grep -q '[89a-f]' && fail "TERM=vt100 shows colour"

# Ctrl-l repaints the whole screen (and only then).
tui redraw 'j<C-l>j'
[ "$(bytes_of redraw '<C-l>')" -gt 1000 ] || fail "C-l did not repaint the screen"
[ "$(bytes_of redraw j 2)" -lt 100 ] || fail "after C-l a move costs $(bytes_of redraw j 2) bytes"

# Options: a bad size and a missing script are usage errors.
"$MUTASI" --db "$E2E_DB" --script "$TMPD/none.keys" >/dev/null 2>&1
[ $? = 1 ] || fail "a missing script file is not refused with status 1"
"$MUTASI" --db "$E2E_DB" --script x --size 80 >/dev/null 2>&1
[ $? = 2 ] || fail "--size 80 is not a usage error"
"$MUTASI" --db "$E2E_DB" </dev/null >"$TMPD/notty.out" 2>&1
[ $? = 1 ] || fail "without a terminal mutasi does not refuse"
grep -q "needs a terminal" "$TMPD/notty.out" || fail "without a terminal: $(cat "$TMPD/notty.out")"
