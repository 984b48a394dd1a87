#!/bin/sh
# make valgrind: runs the unit and end-to-end suites with every program
# under valgrind (memcheck): zero errors and no definite leaks, or it fails.
#   tests/valgrind.sh BUILD_DIR
# It builds BUILD_DIR/valgrind/ as a build directory of wrappers that
# tests/run.sh takes like any other (so run.sh needs no change):
#   mutasi, tests/test_*, checkdb  ->  exec valgrind ... REAL "$@"
# Each process writes its report to BUILD_DIR/valgrind/logs/PID.log; with
# -q a clean process leaves an empty log. A process with an error exits 99,
# which fails its test; the logs with errors are printed at the end.
set -u
build=$(cd "$1" && pwd)
vg=$build/valgrind
rm -rf "$vg"; mkdir -p "$vg/tests" "$vg/logs"
wrap() { # REAL WRAPPER
  cat >"$2" <<EOW
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \\
  --errors-for-leak-kinds=definite --track-origins=yes \\
  --log-file=$vg/logs/%p.log $1 "\$@"
EOW
  chmod +x "$2"
}
wrap "$build/mutasi" "$vg/mutasi"
[ -x "$build/checkdb" ] && wrap "$build/checkdb" "$vg/checkdb"
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && wrap "$t" "$vg/tests/$(basename "$t")"
done
[ -d "$build/locale" ] && ln -s "$build/locale" "$vg/locale"
# The crash and concurrency tests shrink under valgrind (it is ~30x slower).
export MUTASI_UNDER_VALGRIND=1
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tests/run.sh" "$vg"; rc=$?
bad=0
for f in "$vg"/logs/*.log; do
  [ -s "$f" ] || continue
  bad=$((bad + 1))
  echo "--- valgrind report $(basename "$f")"; head -n 60 "$f"
done
n=$(ls "$vg"/logs | wc -l)
echo "valgrind: $n processes checked, $bad with a report (errors or definite leaks)"
[ $rc = 0 ] && [ $bad = 0 ]
