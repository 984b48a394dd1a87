#!/bin/sh
# make termmatrix: the terminal end-to-end tests (tests/e2e/t_tui*.sh) in
# every combination of
#   size      80x24, 200x60         MUTASI_TEST_SIZE=COLSxLINES (not COLUMNS and
#                                   LINES: ncurses would take them over a resize)
#   TERM      xterm-256color screen tmux-256color vt100      TERM_E2E (and TERM)
#   colour    with, without         NO_COLOR_E2E=1 (and NO_COLOR=1) / unset
#   locale    UTF-8, C              LANG_E2E=C.UTF-8|C (and LANG)
# tests/e2e/lib.sh sets the terminal environment of every TUI test itself
# (TERM from TERM_E2E, NO_COLOR unset, LANG=C.UTF-8, 80x24), so the
# *_E2E names and MUTASI_TEST_SIZE are the ones it must honour: scripted
# runs take --size "${MUTASI_TEST_SIZE:-80x24}", tmux runs -x/-y from it.
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
# An axis whose variable tests/e2e/lib.sh does not read yet would only
# repeat the same run: it is said so and run with one value.
sizes="80x24 200x60"; terms="xterm-256color screen tmux-256color vt100"
colors="color mono"; locales="C.UTF-8 C"
lib=$top/tests/e2e/lib.sh
honours() { [ -f "$lib" ] && grep -q "$1" "$lib"; }
honours MUTASI_TEST_SIZE || { echo "termmatrix: lib.sh does not read MUTASI_TEST_SIZE yet: 80x24 only"; sizes=80x24; }
honours TERM_E2E || { echo "termmatrix: lib.sh does not read TERM_E2E yet: xterm-256color only"; terms=xterm-256color; }
honours NO_COLOR_E2E || { echo "termmatrix: lib.sh does not read NO_COLOR_E2E yet: colour only"; colors=color; }
honours LANG_E2E || { echo "termmatrix: lib.sh does not read LANG_E2E yet: C.UTF-8 only"; locales=C.UTF-8; }
combos=0
unset MUTASI_DB LANGUAGE LANG LC_ALL NO_COLOR COLUMNS LINES
pass=0; fail=0; failed=""
log=$(mktemp)
for size in $sizes; do
  for term in $terms; do
    for color in $colors; do
      for loc in $locales; do
        combo="$size $term $color $loc"; combos=$((combos + 1))
        line=""; cfail=0
        for t in $tests; do
          tmp=$(mktemp -d)
          nc=""; [ $color = mono ] && nc=1
          if env MUTASI="$build/mutasi" TOP="$top" TMPD="$tmp" FIXTURES="$top/tests/fixtures" \
               MUTASI_TEST_SIZE="$size" \
               TERM_E2E="$term" TERM="$term" ${nc:+NO_COLOR_E2E=1 NO_COLOR=1} \
               LANG_E2E="$loc" LANG="$loc" sh "$t" >"$log" 2>&1; then
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
echo "termmatrix: $(echo "$tests" | wc -w) tests x $combos combinations (of 32)"
printf 'termmatrix: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" = 0 ]
