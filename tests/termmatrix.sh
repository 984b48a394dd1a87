#!/bin/sh
# make termmatrix: the terminal end-to-end tests (tests/e2e/t_tui*.sh) in
# every combination of
#   size      80x24, 200x60         MUTASI_TEST_SIZE=COLSxLINES, COLUMNS, LINES
#   TERM      xterm-256color screen tmux-256color vt100
#   colour    with, without         NO_COLOR unset / NO_COLOR=1
#   locale    UTF-8, C              LC_ALL=C.UTF-8 / LC_ALL=C
# A TUI test takes its screen size from MUTASI_TEST_SIZE (scripted mode:
# --size "$MUTASI_TEST_SIZE"; tmux: -x/-y), the rest from the environment.
# Prints one line per combination and a summary; fails if any test failed.
#   tests/termmatrix.sh BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
tests=$(ls "$top"/tests/e2e/t_tui*.sh 2>/dev/null)
if [ -z "$tests" ]; then
  echo "termmatrix: no terminal tests yet (tests/e2e/t_tui*.sh)"
  echo "termmatrix: 0 passed, 0 failed"
  exit 0
fi
export MUTASI_CONFIG="$top/config"
unset MUTASI_DB LANGUAGE LANG
pass=0; fail=0; failed=""
log=$(mktemp)
for size in 80x24 200x60; do
  for term in xterm-256color screen tmux-256color vt100; do
    for color in color mono; do
      for loc in C.UTF-8 C; do
        combo="$size $term $color $loc"
        line=""; cfail=0
        for t in $tests; do
          tmp=$(mktemp -d)
          nc=""; [ $color = mono ] && nc=1
          if env MUTASI="$build/mutasi" TOP="$top" TMPD="$tmp" FIXTURES="$top/tests/fixtures" \
               MUTASI_TEST_SIZE="$size" COLUMNS="${size%x*}" LINES="${size#*x}" TERM="$term" \
               ${nc:+NO_COLOR=1} LC_ALL="$loc" sh "$t" >"$log" 2>&1; then
            pass=$((pass + 1))
          else
            fail=$((fail + 1)); cfail=$((cfail + 1)); failed="$failed
  [$combo] $(basename "$t" .sh)"
            echo "FAIL [$combo] $(basename "$t" .sh)"; sed 's/^/     | /' "$log" | tail -n 15
          fi
          rm -rf "$tmp"
        done
        [ $cfail = 0 ] && line=ok || line="$cfail failed"
        printf '%-7s %-15s %-5s %-8s %s\n' $size $term $color $loc "$line"
      done
    done
  done
done
rm -f "$log"
[ -n "$failed" ] && printf 'failed:%s\n' "$failed"
echo "termmatrix: $(echo "$tests" | wc -w) tests x 32 combinations"
printf 'termmatrix: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" = 0 ]
