#!/bin/sh
# Demo generation at scale: `mutasi demo --staff N --seed 1` into a new
# database, BENCH_RUNS times, one run at a time; prints one row with the
# medians of CPU (user, sys), wall time, peak memory and the database size.
#   bench/demo.sh BUILD_DIR SIZE         (SIZE: S M L XL)
# Environment: BENCH_RUNS (default 3; 1 at XL), TMPDIR (where the database
# and the demo's spool files go; a few GB at XL).
# CPU is the figure to compare on a shared machine: wall time grows with
# the load (printed beside it), user time much less. Memory: peak RssAnon
# (private memory, LMDB's dirty pages of the one write transaction
# included, the map's clean file pages not) sampled every 10 ms, and
# VmHWM (everything resident, file pages too) as /usr/bin/time %M gives.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
size=$2
case $size in
  S) n=5000 ;; M) n=100000 ;; L) n=1000000 ;; XL) n=4300000 ;;
  *) echo "bench-demo: SIZE must be S, M, L or XL" >&2; exit 2 ;;
esac
[ "$size" = XL ] && dflt=1 || dflt=3
runs=${BENCH_RUNS:-$dflt}
export MUTASI_CONFIG="$top/tests/config" MUTASI_USER=eka MUTASI_TODAY=2026-11-01
work=$(mktemp -d "${TMPDIR:-/tmp}/mutasi-bench-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

i=0
: >"$work/runs"
while [ $i -lt "$runs" ]; do
  rm -rf "$work/db"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%U %S %e %M' -o "$work/time" \
    "$build/mutasi" demo --db "$work/db" --staff "$n" --seed 1 >/dev/null 2>"$work/err" &
  tpid=$!
  peak=0
  # the demo is the child of time
  while [ -r /proc/$tpid/status ]; do
    kid=$(cat /proc/$tpid/task/$tpid/children 2>/dev/null | cut -d' ' -f1)
    if [ -n "$kid" ]; then
      a=$(awk '/^RssAnon:/ {print $2}' /proc/$kid/status 2>/dev/null)
      [ -n "$a" ] && [ "$a" -gt "$peak" ] && peak=$a
    fi
    grep -q '^State:.*Z' /proc/$tpid/status 2>/dev/null && break
    sleep 0.01
  done
  if ! wait $tpid; then
    echo "bench-demo: the demo failed:" >&2; tail -n 5 "$work/err" >&2; exit 1
  fi
  # the data, not the file: the file holds the room the demo reserved too
  dbmb=$(mdb_stat -e "$work/db" 2>/dev/null |
    awk '/Page size:/ {p = $3} /Number of pages used:/ {u = $5} END {printf "%d", p * u / 1048576}')
  [ -n "$dbmb" ] || dbmb=$(du -sm "$work/db" | cut -f1)
  echo "$(cat "$work/time") $peak $dbmb $load" >>"$work/runs"
  echo "  run $((i + 1)): user sys wall maxrss(KB) peakanon(KB) db(MB) load1 = $(tail -n 1 "$work/runs")" >&2
  i=$((i + 1))
done
col() { awk -v c="$1" '{print $c}' "$work/runs" | median; }
printf '%-24s %-4s %-5s %-10s %-9s %-10s %-14s %-12s %-9s %s\n' what size runs "user" "sys" "wall" "peak RssAnon" "VmHWM" "db" "load1"
printf '%-24s %-4s %-5s %-10s %-9s %-10s %-14s %-12s %-9s %s\n' "demo fill (generator)" "$size" "$runs" \
  "$(col 1) s" "$(col 2) s" "$(col 3) s" "$(( $(col 5) / 1024 )) MB" "$(( $(col 4) / 1024 )) MB" \
  "$(col 6) MB" "$(col 7)"
echo "(medians; $n staff, seed 1; $(cd "$top" && git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores)"
