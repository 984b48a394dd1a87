#!/bin/sh
# A short libFuzzer run of the csv target over its committed corpus
# (`make fuzz` runs longer). Runs once, in the normal pass: the fuzz binary
# carries ASan and UBSan itself.
set -u
case "$MUTASI" in */asan/*|*/valgrind/*) echo "fuzz runs in the normal pass only"; exit 0 ;; esac
if [ ! -f "$TOP/src/io/csv.c" ]; then
  echo "SKIP: the CSV module (src/io/csv.c) is not on this branch yet"; exit 0
fi
if [ ! -f "$TOP/tests/fuzz/fuzz.mk" ]; then
  echo "SKIP: the fuzz build (tests/fuzz/fuzz.mk) is not on this branch yet"; exit 0
fi
if ! command -v clang >/dev/null 2>&1 ||
   ! printf 'int LLVMFuzzerTestOneInput(const char *d, long n){(void)d;(void)n;return 0;}\n' |
     clang -x c -fsanitize=fuzzer -o "$TMPD/probe" - >/dev/null 2>&1; then
  echo "SKIP: clang with libFuzzer is not installed"
  exit 0
fi
build=$(dirname "$MUTASI")
unset MAKEFLAGS MFLAGS MAKELEVEL
make -s -C "$TOP" BUILD="$build" fuzz-build FUZZ_TARGETS=csv >"$TMPD/build.log" 2>&1 ||
  { cat "$TMPD/build.log"; echo "FAIL: building the fuzz target"; exit 1; }
sh "$TOP/tests/fuzz/run.sh" "$build/fuzz/fuzz_csv" csv "${FUZZ_SECONDS:-5}" "$TMPD/fuzz"
