#!/bin/sh
# Thin-link budgets at 80x24, in bytes written to the terminal (bytes are
# deterministic, unlike time): moving one row < 100 bytes; a page down no
# more than `less` needs to page the same listing, measured the same way on
# a pseudo-terminal by tests/tools/ptybytes, for both keys that page down
# (PgDn and Space: half a page, DESIGN "Screens and keys"). Prints the figures.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
PTYBYTES="$TOP/build/tests/ptybytes"
[ -x "$PTYBYTES" ] || fail "$PTYBYTES is missing (make builds it)"

# Scripted mode: the real ncurses output, counted per key.
tui bytes 'jj<PgDn><Space><Enter>q/Cucu<Enter><Esc>' --size 80x24
move=$(bytes_of bytes j 2)
page=$(bytes_of bytes '<PgDn>')
space=$(bytes_of bytes '<Space>')
open=$(bytes_of bytes '<Enter>')
search="$(bytes_of bytes /) $(bytes_of bytes C) $(bytes_of bytes u) $(bytes_of bytes c) $(bytes_of bytes u 2)"

# The same listing for less: the rows the Staff screen shows, page by page.
pages=$(( $(grep -c . "$TOP/tests/fixtures/tui/staff.csv") / 20 + 1 ))
keys='<Dump>'
i=0
while [ $i -lt $pages ]; do keys="$keys<C-f><Dump>"; i=$((i + 1)); done
tui listing "$keys" --size 80x24
awk '/^--- screen /{n=0; skip=0; next} /^--- attributes/{skip=1} {n++}
     !skip && n >= 3 && n <= 22 && /^[ >][^ ]/ {print substr($0, 2)}' "$TMPD/listing.dump" |
  awk '!seen[$0]++' >"$TMPD/listing.txt"
rows=$(wc -l <"$TMPD/listing.txt")
[ "$rows" -ge 100 ] || fail "the listing has only $rows rows"

printf '<Space><Space>' >"$TMPD/less.keys"
TERM=xterm-256color LESS= LESSOPEN= LESSCLOSE= "$PTYBYTES" 80x24 "$TMPD/less.keys" 300 -- \
  less "$TMPD/listing.txt" >"$TMPD/less.bytes" || fail "ptybytes failed on less"
less_page=$(awk -F '\t' '$1 == "<Space>" {print $2; exit}' "$TMPD/less.bytes")

# The real terminal path of mutasi, measured on a pty like less.
printf 'jj<PgDn><Space>q' >"$TMPD/pty.keys"
(cd "$TMPD" && MUTASI_CONFIG="$(e2e_config)" TERM=xterm-256color "$PTYBYTES" 80x24 pty.keys 300 -- \
  "$MUTASI" --db db) >"$TMPD/pty.bytes" || fail "ptybytes failed on mutasi"
pty_move=$(awk -F '\t' '$1 == "j" {n++; if (n == 2) {print $2; exit}}' "$TMPD/pty.bytes")
pty_page=$(awk -F '\t' '$1 == "<PgDn>" {print $2; exit}' "$TMPD/pty.bytes")
pty_space=$(awk -F '\t' '$1 == "<Space>" {print $2; exit}' "$TMPD/pty.bytes")

echo "bytes per key at 80x24 (scripted / pty): move one row $move / $pty_move," \
  "page down $page / $pty_page, Space $space / $pty_space (less: $less_page), open detail $open, search keystrokes (/ C u c u) $search"
[ "$move" -lt 100 ] || fail "moving one row wrote $move bytes (budget < 100)"
[ "$pty_move" -lt 100 ] || fail "moving one row on a pty wrote $pty_move bytes (budget < 100)"
[ -n "$less_page" ] && [ "$less_page" -gt 0 ] || fail "less paged nothing: $(cat "$TMPD/less.bytes")"
[ "$page" -le "$less_page" ] || fail "page down wrote $page bytes, less needs $less_page"
[ "$pty_page" -le "$less_page" ] || fail "page down on a pty wrote $pty_page bytes, less needs $less_page"
[ "$space" -le "$less_page" ] || fail "Space wrote $space bytes, less needs $less_page"
[ "$pty_space" -le "$less_page" ] || fail "Space on a pty wrote $pty_space bytes, less needs $less_page"
