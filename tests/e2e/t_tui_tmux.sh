#!/bin/sh
# Smoke tests of the real binary on a real terminal (tmux): start, move,
# search, switch screens, resize, quit with q, and leave cleanly on
# SIGTERM. Polls the pane (bounded) instead of sleeping.
set -u
. "$TOP/tests/e2e/lib.sh"
e2e_db
cfg=$(e2e_config)
tmux_begin

tmux_mutasi "$cfg"
tmux_wait " 1/118"
tmux_keys j
tmux_wait " 2/118"
tmux_keys 0 5 j      # 5 is the Audit screen: a count starting with it takes a 0
tmux_wait " 7/118"
tmux_keys / Y u s u f Enter
tmux_poll_re '^>.*Yusuf' || { tmux_capture; fail "search did not select Yusuf"; }
tmux_keys 2
tmux_wait "[2 Units]"
tmux_keys Enter
tmux_wait "Positions:"
tmux_keys Escape
tmux_wait "[2 Units]"
tmux -S "$TMUX_SOCK" resize-window -t e2e -x 60 -y 15
tmux_wait "needs at least 80x24"
tmux -S "$TMUX_SOCK" resize-window -t e2e -x 80 -y 24
tmux_wait "Staffing"
tmux_keys 1
tmux_wait "[1 Staff]"
tmux_keys q
tmux_wait "mutasi ended with 0"
tmux_stop

# SIGTERM: the terminal is given back (the screen from before shows
# again, the alternate screen is left) and the exit status is 0.
tmux_start 80 24 env MUTASI_CONFIG="$cfg" TERM=tmux-256color sh -c \
  "echo \"shell line before mutasi\"; \"$MUTASI\" --db db </dev/tty & echo \"pid \$!\"; wait \$!; echo \"mutasi ended with \$?\"; exec cat"
tmux_wait " 1/118"
pid=$(tmux_capture_all | sed -n 's/^pid \([0-9][0-9]*\)$/\1/p' | head -n 1)
[ -n "$pid" ] || { tmux_capture_all; fail "no pid printed"; }
# A signal that wakes it while it waits for a key (SIGTSTP: ncurses
# leaves and restores the screen; here no job-control shell stops it)
# does not end it.
kill -TSTP "$pid"
# A key that arrives while ncurses leaves and restores the screen may be
# flushed with the terminal modes: send it again until the row moves.
_tries=0
until tmux_keys j && tmux_poll_re ' [2-9][0-9]*/118$' 25; do
  _tries=$((_tries + 1))
  [ $_tries -lt 20 ] || { tmux_capture; fail "the list never moved after SIGTSTP"; }
done
kill -TERM "$pid"
tmux_wait "mutasi ended with 0"
tmux_capture | grep -q "shell line before mutasi" || { tmux_capture; fail "the screen was not given back"; }
tmux_stop

# vt100 and screen: usable (drawn, moves, quits).
for t in vt100 screen; do
  tmux_mutasi "$cfg" "$t"
  tmux_wait " 1/118"
  tmux_keys G
  tmux_wait " 118/118"
  tmux_keys q
  tmux_wait "mutasi ended with 0"
  tmux_stop
done
