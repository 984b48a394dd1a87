#!/bin/sh
# A short libFuzzer run (10 s) of the YAML loaders over their committed
# corpus (`make fuzz` runs longer). Runs once, in the normal pass: the
# fuzz binary carries ASan and UBSan itself. Needs clang with libFuzzer
# (clang and libclang-rt-14-dev, installed by `.ci/install-deps test`).
set -u
case "$MUTASI" in */asan/* | */valgrind/*) echo "fuzz runs in the normal pass only"; exit 0 ;; esac
if ! command -v clang >/dev/null 2>&1 ||
   ! printf 'int LLVMFuzzerTestOneInput(const char *d, long n){(void)d;(void)n;return 0;}\n' |
     clang -x c -fsanitize=fuzzer -o "$TMPD/probe" - >/dev/null 2>&1; then
  echo "SKIP: clang with libFuzzer is not installed"
  exit 0
fi
build=$(dirname "$MUTASI")
# The test runner is itself started by make: this is a separate build.
unset MAKEFLAGS MFLAGS MAKELEVEL
make -s -C "$TOP" BUILD="$build" fuzz-build FUZZ_TARGETS=yaml >"$TMPD/build.log" 2>&1 ||
  { cat "$TMPD/build.log"; echo "FAIL: building the fuzz target"; exit 1; }
sh "$TOP/tests/fuzz/run.sh" "$build/fuzz/fuzz_yaml" yaml "${FUZZ_SECONDS:-10}" "$TMPD/fuzz"
