# Shared helpers of the end-to-end tests (POSIX sh; sourced by t_*.sh).
# Environment from tests/run.sh: MUTASI, TOP, TMPD, FIXTURES.
#
# Golden screens live in tests/e2e/golden/NAME.txt. To accept new screens
# after a deliberate change, run the suite with UPDATE_GOLDEN=1:
#     UPDATE_GOLDEN=1 tests/run.sh build
# then review `git diff tests/e2e/golden` before committing.

GOLDEN_DIR="$TOP/tests/e2e/golden"
export MUTASI_TODAY="${MUTASI_TODAY:-2026-07-01}"
# The terminal of the tests; `make termmatrix` varies it through these
# variables (tests/termmatrix.sh). Golden screens are compared only in the
# reference terminal they were made in: 80x24 xterm-256color, colour, UTF-8.
export TERM="${TERM_E2E:-xterm-256color}"
# Who acts (env.sh): the verbs as eka (admin and operator: builds the
# databases, makes plans) unless a test names another user; the screens
# as ani (operator, see tui).
. "$TOP/tests/e2e/env.sh"
unset NO_COLOR LANGUAGE ESCDELAY LC_ALL LC_MESSAGES
[ -n "${NO_COLOR_E2E:-}" ] && export NO_COLOR=1
export LANG="${LANG_E2E:-C.UTF-8}"
E2E_SIZE="${MUTASI_TEST_SIZE:-80x24}"
E2E_COLS=${E2E_SIZE%x*}
E2E_LINES=${E2E_SIZE#*x}

e2e_reference() {
  [ "$TERM" = xterm-256color ] && [ -z "${NO_COLOR:-}" ] && [ "$LANG" = C.UTF-8 ] &&
    [ "$E2E_SIZE" = 80x24 ]
}

# True when the terminal of the tests can show colour.
e2e_colour_terminal() {
  [ -z "${NO_COLOR:-}" ] && [ "$(tput -T "$TERM" colors 2>/dev/null || echo 0)" -ge 8 ]
}
# Never read the tester's own ui.yaml.
export XDG_CONFIG_HOME="$TMPD/xdg" HOME="$TMPD"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The fixed dataset of the screen tests: a small kabupaten imported from
# tests/fixtures/tui (made by make_fixture.py), built once per test.
e2e_db() {
  if [ ! -d "$TMPD/db" ]; then
    _fx="$TOP/tests/fixtures/tui"
    { "$MUTASI" --db "$TMPD/db" init &&
      "$MUTASI" --db "$TMPD/db" import units "$_fx/units.csv" &&
      "$MUTASI" --db "$TMPD/db" import positions "$_fx/positions.csv" &&
      "$MUTASI" --db "$TMPD/db" import staff "$_fx/staff.csv"; } >"$TMPD/db.log" 2>&1 ||
      { cat "$TMPD/db.log"; fail "could not build the test database"; }
  fi
  E2E_DB="$TMPD/db"
}

# The configurations of the tests: the default one, with MUTASI_USER
# honoured (ani, operator) so that the screens do not depend on who runs
# the tests; e2e_config_id is the same in Indonesian.
e2e_config() {
  _dir="$TMPD/config-${1:-en}"
  if [ ! -d "$_dir" ]; then
    mkdir -p "$_dir"
    cp "$TOP"/config/*.yaml "$_dir/"
    cp "$TOP/config/demo/users.yaml" "$_dir/users.yaml"
    [ "${1:-en}" = id ] && printf 'language: id\n' >"$_dir/ui.yaml"
  fi
  echo "$_dir"
}
e2e_config_id() {
  e2e_config id
}

# tui NAME KEYS [ARGS...]: runs the TUI on a virtual 80x24 screen (unless
# ARGS give --size), typing KEYS (script notation, see mutasi --help). The
# screens land in $TMPD/NAME.dump, the bytes per key in $TMPD/NAME.bytes.
tui() {
  _name=$1
  _keys=$2
  shift 2
  printf '%s\n' "$_keys" >"$TMPD/$_name.keys"
  # From inside TMPD with a relative --db, so that the status line (which
  # names the database) is the same wherever the tests run.
  case " $* " in *" --size "*) _size="" ;; *) _size="--size $E2E_SIZE" ;; esac
  # shellcheck disable=SC2086 # _size is two words or none
  (cd "$TMPD" && MUTASI_CONFIG="${E2E_CONFIG:-$(e2e_config)}" MUTASI_USER="${TUI_USER:-ani}" \
    "$MUTASI" --db db \
    --script "$_name.keys" --dump "$_name.dump" --bytes "$_name.bytes" $_size "$@" \
    2>"$_name.err") || { cat "$TMPD/$_name.err"; fail "$_name: mutasi exited $?"; }
}

# mask_times NAME: the clock's times (YYYY-MM-DD hh:mm in English,
# DD-MM-YYYY hh:mm in Indonesian, as a plan's "changed" column shows them)
# masked in the dump, for a golden compare.
mask_times() {
  sed -e 's/20[0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]/YYYY-MM-DD hh:mm/g' \
    -e 's/[0-3][0-9]-[0-1][0-9]-20[0-9][0-9] [0-2][0-9]:[0-5][0-9]/DD-MM-YYYY hh:mm/g' \
    "$TMPD/$1.dump" >"$TMPD/$1.tmp" && mv "$TMPD/$1.tmp" "$TMPD/$1.dump"
}

# golden NAME: compares $TMPD/NAME.dump with the golden file.
golden() {
  _want="$GOLDEN_DIR/$1.txt"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$GOLDEN_DIR"
    cp "$TMPD/$1.dump" "$_want"
    echo "updated $_want"
    return 0
  fi
  [ -f "$_want" ] || fail "$1: no golden file $_want (run with UPDATE_GOLDEN=1)"
  if ! e2e_reference; then
    [ -s "$TMPD/$1.dump" ] || fail "$1: no screen was dumped"
    echo "$1: golden not compared outside the reference terminal ($E2E_SIZE $TERM${NO_COLOR:+ mono} $LANG)"
    return 0
  fi
  if ! diff -u "$_want" "$TMPD/$1.dump" >"$TMPD/$1.diff"; then
    head -n 60 "$TMPD/$1.diff"
    fail "$1: the screen differs from $_want"
  fi
}

# screen_has NAME TEXT: the dump shows TEXT (a fixed string).
screen_has() {
  grep -qF -- "$2" "$TMPD/$1.dump" || { cat "$TMPD/$1.dump"; fail "$1: expected \"$2\" on screen"; }
}

screen_lacks() {
  if grep -qF -- "$2" "$TMPD/$1.dump"; then
    cat "$TMPD/$1.dump"
    fail "$1: did not expect \"$2\" on screen"
  fi
}

# bytes_of NAME LABEL [N]: bytes written for the N-th key with that label.
bytes_of() {
  awk -F '\t' -v k="$2" -v n="${3:-1}" '$1 == k { if (++seen == n) { print $2; exit } }' \
    "$TMPD/$1.bytes"
}

# glpsol_agrees FILE OBJECTIVE: `glpsol --mincost` finds that optimum for
# the DIMACS network in FILE (a note and success when glpsol is not
# installed); otherwise says why on a FAIL line and returns 1.
glpsol_agrees() {
  if ! command -v glpsol >/dev/null 2>&1; then
    echo "note: glpsol not installed (.ci/install-deps test): objective not cross-checked"
    return 0
  fi
  glpsol --mincost "$1" -o "$TMPD/glpk.txt" >/dev/null 2>&1 || { echo "FAIL glpsol failed"; return 1; }
  _theirs=$(sed -n 's/^Objective: *\([-0-9]*\).*/\1/p' "$TMPD/glpk.txt")
  [ "$_theirs" = "$2" ] || { echo "FAIL objective $2, glpsol $_theirs"; return 1; }
}

# tmux helpers: a private server per test, polled without fixed sleeps.
tmux_start() { # COLS LINES COMMAND...
  _c=$1
  _l=$2
  shift 2
  # A new server (socket) each time: kill-server returns before the old
  # server is gone, and a new session could reach the dying one.
  TMUX_N=$(( ${TMUX_N:-0} + 1 ))
  TMUX_SOCK="$TMPD/tmux.$TMUX_N.sock"
  tmux -S "$TMUX_SOCK" -f /dev/null new-session -d -x "$_c" -y "$_l" -s e2e "$@"
}

# tmux_mutasi CONFIG [TERM]: mutasi --db db (in the current directory)
# with that configuration in an 80x24 pane; `exec cat` keeps the pane
# open after it ends, without a sleep, and it says "mutasi ended with N".
tmux_mutasi() {
  tmux_start 80 24 env MUTASI_CONFIG="$1" TERM="${2:-tmux-256color}" sh -c \
    "\"$MUTASI\" --db db; echo \"mutasi ended with \$?\"; exec cat"
}

tmux_keys() {
  tmux -S "$TMUX_SOCK" send-keys -t e2e "$@"
}

tmux_capture() {
  tmux -S "$TMUX_SOCK" capture-pane -p -t e2e
}

# The pane with its history (lines scrolled off the alternate screen).
tmux_capture_all() {
  tmux -S "$TMUX_SOCK" capture-pane -p -S - -a -t e2e 2>/dev/null ||
    tmux -S "$TMUX_SOCK" capture-pane -p -S - -t e2e
}

# tmux_wait TEXT: polls the pane until TEXT shows, at most ~10 s.
tmux_wait() {
  _i=0
  while [ $_i -lt 500 ]; do
    if tmux_capture 2>/dev/null | grep -qF -- "$1"; then
      return 0
    fi
    _i=$((_i + 1))
    sleep 0.02
  done
  tmux_capture
  fail "tmux: \"$1\" never showed"
}

# tmux_poll_re REGEX [TRIES]: polls the pane (20 ms apart, 500 tries by
# default) until a line matches REGEX; returns 1 when it never does.
tmux_poll_re() {
  _i=0
  while [ $_i -lt "${2:-500}" ]; do
    tmux_capture 2>/dev/null | grep -q -- "$1" && return 0
    _i=$((_i + 1))
    sleep 0.02
  done
  return 1
}

# tmux_begin: the start of a test on a real terminal: tmux must be there
# (a failure, not a skip), its server is stopped when the test ends, and
# the test goes on in $TMPD (where tmux_mutasi finds db).
tmux_begin() {
  command -v tmux >/dev/null || fail "tmux is not installed (.ci/install-deps test)"
  trap tmux_stop EXIT
  cd "$TMPD" || fail "cannot enter $TMPD"
}

tmux_stop() {
  [ -n "${TMUX_SOCK:-}" ] && tmux -S "$TMUX_SOCK" kill-server 2>/dev/null
  true
}
