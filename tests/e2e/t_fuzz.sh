#!/bin/sh
# Short libFuzzer runs of every fuzz target over its committed corpus
# (`make fuzz` runs longer): YAML loaders 10 s, CSV reader, xlsx reader, NIP/date
# parsers and record decoders 5 s each. Runs once, in the normal pass: the fuzz binaries carry
# ASan and UBSan themselves. Needs clang with libFuzzer (clang and
# libclang-rt-14-dev, installed by `.ci/install-deps test`).
set -u
. "$TOP/tests/e2e/env.sh"
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
make -s -C "$TOP" BUILD="$build" fuzz-build FUZZ_TARGETS="yaml csv nip xlsx codec" >"$TMPD/build.log" 2>&1 ||
  { cat "$TMPD/build.log"; echo "FAIL: building the fuzz targets"; exit 1; }
for spec in yaml:10 csv:5 nip:5 xlsx:5 codec:5; do
  t=${spec%:*}
  secs=${FUZZ_SECONDS:-${spec#*:}}
  sh "$TOP/tests/fuzz/run.sh" "$build/fuzz/fuzz_$t" "$t" "$secs" "$TMPD/fuzz-$t" ||
    { echo "FAIL: fuzz target $t"; exit 1; }
done
