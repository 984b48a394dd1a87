#!/bin/sh
# The screens notice a database changed under them (issue 18): with the
# TUI open on a real terminal (tmux), another process makes a plan and
# imports a position with more workload; at the next key the Plans screen
# lists the new plan and the Units screen shows the new need, the same
# rows a TUI started afterwards shows. Polls the pane instead of sleeping.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
cfg=$(e2e_config)
tmux_begin
m() { MUTASI_CONFIG="$cfg" MUTASI_USER=eka "$MUTASI" --db db "$@"; }

tmux_start 80 24 env MUTASI_CONFIG="$cfg" MUTASI_USER=ani TERM=tmux-256color "$MUTASI" --db db
tmux_wait " 1/118"
tmux_keys 3
tmux_wait "[3 Plans]"
m plan new "Made in another session" >/dev/null 2>"$TMPD/err" || fail "plan new: $(cat "$TMPD/err")"
tmux_keys j
tmux_wait "Made in another session"

# Units: a position of the first unit shown gets 600,000 more minutes
tmux_keys 2
tmux_wait "Staffing"
tmux_capture | sed -n '3,22p' >"$TMPD/units.before"     # the rows
m export positions >"$TMPD/positions.csv" 2>/dev/null || fail "export positions"
row=$(tail -n +2 "$TMPD/positions.csv" | grep -v '"' | head -n 1)
[ -n "$row" ] || fail "no position row without quotes to change"
{ head -n 1 "$TMPD/positions.csv"
  echo "$row" | awk -F, -v OFS=, '{ $9 = $9 + 600000; $10 = ""; print }'
} >"$TMPD/more.csv"
m import positions "$TMPD/more.csv" >/dev/null 2>"$TMPD/err" || fail "import positions: $(cat "$TMPD/err")"
tmux_keys j k
# the figures a TUI started now shows, the selection on the same row
printf '2\n<Dump>\nj\nk\n' >"$TMPD/fresh.keys"
(MUTASI_CONFIG="$cfg" MUTASI_USER=ani "$MUTASI" --db db --script fresh.keys --dump fresh.dump \
   --size 80x24 2>"$TMPD/err") || fail "the fresh TUI: $(cat "$TMPD/err")"
sed -n '4,23p' "$TMPD/fresh.dump" >"$TMPD/units.fresh"     # line 1 names the screen
cmp -s "$TMPD/units.fresh" "$TMPD/units.before" && fail "the import changed nothing on the Units screen"
i=0
while [ $i -lt 250 ]; do
  tmux_capture | sed -n '3,22p' >"$TMPD/units.after"
  cmp -s "$TMPD/units.after" "$TMPD/units.fresh" && break
  i=$((i + 1)); sleep 0.02
done
cmp -s "$TMPD/units.after" "$TMPD/units.fresh" ||
  { diff "$TMPD/units.fresh" "$TMPD/units.after"; fail "the open Units screen still shows the old figures"; }
tmux_keys q
echo "tui: a plan and an import made by another process show at the next key"
