#!/bin/sh
# Runs every test against one or more build directories (normal, asan):
# the cmocka unit binaries in DIR/tests and the end-to-end scripts
# tests/e2e/t_*.sh with MUTASI=DIR/mutasi. Ends with "N passed, N failed".
#   tests/run.sh [--unit-only] BUILD_DIR...
set -u
unit_only=0
[ "${1:-}" = "--unit-only" ] && { unit_only=1; shift; }
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0; fail=0; failed=""
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export MUTASI_CONFIG="$top/config"
unset MUTASI_DB LANGUAGE

run_one() { # name, command...
  name=$1; shift
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    pass=$((pass + 1)); printf 'ok   %s\n' "$name"
  else
    fail=$((fail + 1)); failed="$failed $name"
    printf 'FAIL %s\n' "$name"; sed 's/^/     | /' "$log" | tail -n 40
  fi
  rm -f "$log"
}

for dir in "$@"; do
  dir=$(cd "$dir" && pwd)
  label=$(basename "$dir")
  for t in "$dir"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "$label/unit/$(basename "$t")" "$t"
  done
  [ $unit_only = 1 ] && continue
  # Who acts in the e2e tests: see tests/e2e/env.sh.
  for t in "$top"/tests/e2e/t_*.sh; do
    [ -f "$t" ] || continue
    tmp=$(mktemp -d)
    run_one "$label/e2e/$(basename "$t" .sh)" \
      env MUTASI="$dir/mutasi" TOP="$top" MUTASI_CONFIG="$top/tests/config" MUTASI_USER=eka TMPD="$tmp" FIXTURES="$top/tests/fixtures" \
      sh "$t"
    rm -rf "$tmp"
  done
done
[ -n "$failed" ] && printf 'failed:%s\n' "$failed"
printf 'tests: %d passed, %d failed\n' "$pass" "$fail"
[ "$fail" = 0 ]
