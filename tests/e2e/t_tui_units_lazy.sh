#!/bin/sh
# The Units screen draws its first rows from the stored unit tree, reading
# only the roots and the open units' children (issue 16 item 2); opening
# and closing units stays there, and what needs every unit (a sort) loads
# the whole tree. Both ways show the same rows: the screen after a sort
# cycled back to tree order (the whole tree) equals the lazy one, for the
# same units opened and closed.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
rows() { # NAME N: the rows of the N-th dump (no message or status line)
  awk -v n="$2" '/^--- screen /{d++; a=0; l=0; next} /^--- attributes/{a=1}
    d==n && !a {l++; if (l <= 22) print}' "$TMPD/$1.dump"
}
tui lazy '2<Dump>jj+<Dump>j+<Dump>-<Dump>'
tui whole '2sss<Dump>jj+<Dump>j+<Dump>-<Dump>'
for n in 1 2 3 4; do
  rows lazy "$n" >"$TMPD/lazy.$n"
  rows whole "$n" >"$TMPD/whole.$n"
  [ -s "$TMPD/lazy.$n" ] || fail "screen $n: no rows"
  cmp -s "$TMPD/lazy.$n" "$TMPD/whole.$n" ||
    fail "screen $n: the lazy tree differs from the whole one: $(diff "$TMPD/whole.$n" "$TMPD/lazy.$n")"
done
# the first screen shows the roots open, with their children
rows lazy 1 | grep -q '^>.- ' || fail "the root is not open at the start"
rows lazy 2 | grep -q '  - ' || fail "+ did not open a unit"
echo "units lazy: the stored tree's rows equal the whole tree's, opened and closed"
