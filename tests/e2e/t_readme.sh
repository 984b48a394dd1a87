#!/bin/sh
# Every command of README.md's "Using it" block works as written right
# after `make demo`: a copy of the source tree's layout (build/mutasi,
# config/, the demo database in build/demo-db, made like `make demo` makes
# it), then each indented line of the block in one shell, in order. Lines
# whose comment promises "exit 1" (a blocked move) may exit 1; every other
# line must exit 0. The bare `mutasi` line opens the TUI and is checked
# instead by comparing the README's screenshot with the demo's first screen.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
readme="$TOP/README.md"
tree="$TMPD/tree"
mkdir -p "$tree/build" || fail "mkdir"
ln -s "$MUTASI" "$tree/build/mutasi"
ln -s "$TOP/config" "$tree/config"
unset MUTASI_DB MUTASI_CONFIG MUTASI_USER
export XDG_CONFIG_HOME="$TMPD/xdg" HOME="$TMPD" LANG=C.UTF-8 TERM=xterm-256color
unset LANGUAGE LC_ALL LC_MESSAGES NO_COLOR
# As the Makefile's demo target: no arguments, the default seed and size,
# the demo configuration and its user.
(cd "$tree" && MUTASI_DB=build/demo-db MUTASI_CONFIG=config/demo MUTASI_USER=eka build/mutasi demo) >"$TMPD/demo.log" 2>&1 ||
  { cat "$TMPD/demo.log"; fail "demo"; }

awk '/^## Using it/ { on = 1; next } on && /^## / { exit }
     on && /^    / { sub(/^    /, ""); print }' "$readme" >"$TMPD/lines"
[ "$(wc -l <"$TMPD/lines")" -ge 15 ] || fail "README's Using it block has $(wc -l <"$TMPD/lines") lines"
head -n 1 "$TMPD/lines" | grep -q 'MUTASI_DB=build/demo-db' ||
  fail "the block does not start by pointing at the demo database"

# One shell runs every line, so that $nip and $id carry over.
awk '{ line = $0; gsub(/'\''/, "'\''\\'\'''\''", line)
       if ($0 ~ /^mutasi *(#.*)?$/) { print "echo skip: the TUI >&2"; next }
       ok = ($0 ~ /exit 1/) ? "[ $rc = 0 ] || [ $rc = 1 ]" : "[ $rc = 0 ]"
       print "{ " $0 "\n} >>out.log 2>>err.log; rc=$?"
       print ok " || { echo '\''README line failed (exit '\''$rc'\''): " line "'\''; exit 1; }"
       print "echo ran: '\''" line "'\'' rc=$rc >>ran.log" }' "$TMPD/lines" >"$TMPD/run.sh"
(cd "$tree" && sh "$TMPD/run.sh") 2>"$TMPD/run.err" ||
  { tail -n 5 "$tree/err.log"; fail "$(cat "$TMPD/run.err")"; }
ran=$(wc -l <"$tree/ran.log")
want=$(grep -cvE '^mutasi *(#.*)?$' "$TMPD/lines")
[ "$ran" = "$want" ] || fail "ran $ran of $want README lines"
grep -q 'allowed\|blocked' "$tree/out.log" || fail "check printed no verdict"
[ -d "$tree/backup-db" ] || fail "the backup line left no backup"

# The screenshot is what the demo opens on (the title, the column
# headers, the status line; the rows depend on the day of the demo).
printf 'q\n' >"$TMPD/keys"
(cd "$tree" && MUTASI_CONFIG=config/demo MUTASI_USER=eka build/mutasi --db build/demo-db \
  --script "$TMPD/keys" --dump "$TMPD/screen" --size 80x24) 2>"$TMPD/tui.err" ||
  fail "TUI: $(cat "$TMPD/tui.err")"
sed -n 2,24p "$TMPD/screen" >"$TMPD/shown"
awk '/^```$/ { n++; next } n == 1' "$readme" >"$TMPD/shot"
for l in 1 2 23; do
  [ "$(sed -n ${l}p "$TMPD/shown")" = "$(sed -n ${l}p "$TMPD/shot")" ] ||
    fail "README screenshot line $l: '$(sed -n ${l}p "$TMPD/shot")', demo shows '$(sed -n ${l}p "$TMPD/shown")'"
done
echo "readme: $ran commands ran, screenshot matches"
