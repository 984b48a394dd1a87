#!/bin/sh
# Runs one libFuzzer target for a bounded time over its committed corpus.
# New inputs go to a scratch directory, never into the repository.
#   tests/fuzz/run.sh BINARY NAME SECONDS WORKDIR
# Prints "fuzz NAME: N runs in S s, no crash" or the crash and exits 1.
set -u
bin=$1 name=$2 seconds=$3 work=$4
top=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$top/tests/fuzz/corpus/$name"
dict="$top/tests/fuzz/$name.dict"
mkdir -p "$work/new-$name" "$work/artifacts"
set -- -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-"
[ -f "$dict" ] && set -- "$@" -dict="$dict"
log="$work/$name.log"
if "$bin" "$@" "$work/new-$name" "$corpus" >"$log" 2>&1; then
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  printf 'fuzz %s: %s runs in %s s, no crash\n' "$name" "${runs:-?}" "$seconds"
else
  tail -n 60 "$log"
  printf 'fuzz %s: CRASH, reproducer in %s/artifacts/\n' "$name" "$work"
  exit 1
fi
