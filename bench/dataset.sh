#!/bin/sh
# Makes (or reuses) one benchmark dataset under bench/data/SIZE:
#   db/             the demo region: mutasi demo --staff N --seed 1
#   base/           an empty database with only the units and positions
#                   (what an import of staff.csv starts from)
#   staff.csv units.csv positions.csv   mutasi export of db/
#   listing.txt     the staff listing as a pager shows it
#                   (export staff --format text, else the CSV)
#   demo.seconds    how long the demo fill took
#   source          "demo", or "gendata" when the program has no demo verb
#                   yet: then the region comes from tests/crash/gendata.sh
#                   (a plain synthetic region) imported with mutasi import
#   stamp           what the cache was built from; a different program
#                   (sources of the store, io, core, cli) rebuilds it
# Usage: bench/dataset.sh MUTASI SIZE DATADIR
set -eu
mutasi=$1; size=$2; data=$3
case $size in
  S) n=5000 ;; M) n=100000 ;; L) n=1000000 ;; XL) n=4300000 ;;
  *) echo "dataset: SIZE must be S, M, L or XL" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
# Acts as the admin of the test users (tests/e2e/env.sh).
export MUTASI_CONFIG="$top/tests/config" MUTASI_USER=eka
dir=$data/$size
source=demo
$mutasi demo --help >/dev/null 2>&1 || source=gendata
want="staff=$n seed=1 source=$source src=$(cd "$top" && git rev-parse HEAD:src 2>/dev/null || echo none)$(cd "$top" && git status --porcelain src 2>/dev/null | cksum | cut -d' ' -f1)"
if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$want" ]; then
  exit 0
fi
echo "bench: building dataset $size ($n staff) in $dir" >&2
rm -rf "$dir"; mkdir -p "$dir"
t0=$(date +%s.%N)
if [ $source = demo ]; then
  MUTASI_DB=$dir/db $mutasi demo --staff "$n" --seed 1 >/dev/null
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{printf "%.3f\n", $2 - $1}' >"$dir/demo.seconds"
else
  sh "$top/tests/crash/gendata.sh" "$n" 1 "$dir/gen"
  MUTASI_DB=$dir/db $mutasi init >/dev/null
  for what in units positions staff; do
    MUTASI_DB=$dir/db $mutasi import "$what" "$dir/gen/$what.csv" >/dev/null
  done
  rm -rf "$dir/gen"
  echo "-" >"$dir/demo.seconds"
fi
echo $source >"$dir/source"
for what in units positions staff; do
  MUTASI_DB=$dir/db $mutasi export "$what" >"$dir/$what.csv"
done
if ! MUTASI_DB=$dir/db $mutasi export staff --format text >"$dir/listing.txt" 2>/dev/null; then
  cp "$dir/staff.csv" "$dir/listing.txt"
fi
MUTASI_DB=$dir/base $mutasi init >/dev/null
MUTASI_DB=$dir/base $mutasi import units "$dir/units.csv" >/dev/null
MUTASI_DB=$dir/base $mutasi import positions "$dir/positions.csv" >/dev/null
echo "$want" >"$dir/stamp"
