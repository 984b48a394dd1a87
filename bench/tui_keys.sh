#!/bin/sh
# Time per key of the TUI on a demo database, with hyperfine: each figure
# is the median of a scripted run minus the median of the same run without
# the key measured (start-up, drawing and leaving cancel out).
#   bench/tui_keys.sh MUTASI DB [RUNS]
# Makes the database with `MUTASI --db DB demo --staff 1000000 --seed 1`
# first when DB does not exist.
set -eu
export MUTASI_CONFIG="$(cd "$(dirname "$0")/.." && pwd)/tests/config" MUTASI_USER=eka   # the test admin
mutasi=$1; db=$2; runs=${3:-20}
command -v hyperfine >/dev/null || { echo "hyperfine is needed" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 2; }
[ -d "$db" ] || "$mutasi" --db "$db" demo --staff 1000000 --seed 1 >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# name and keys of each script; the search keys come 20 times, each
# followed or preceded by a backspace that goes back to "a"
r20() { i=0; while [ $i -lt 20 ]; do printf '%s' "$1"; i=$((i + 1)); done; }
set -- empty '' \
       slash '/' \
       a '/a' \
       base20 "/a$(r20 '<BS>a')" \
       hit20 "/a$(r20 'b<BS>')" \
       miss20 "/a$(r20 '~<BS>')" \
       units '2'
args=""
while [ $# -gt 0 ]; do
  printf '%s' "$2" > "$tmp/$1.keys"
  args="$args $1"
  shift 2
done

for n in $args; do
  set -- "$@" "$mutasi --db $db --script $tmp/$n.keys --dump /dev/null --size 80x24"
done
hyperfine -N -w 2 -r "$runs" --export-json "$tmp/h.json" "$@" >/dev/null 2>&1
med() { jq -r --arg k "/$1.keys" '.results[] | select(.command | contains($k)) | .median * 1000' "$tmp/h.json"; }
diff() { awk -v a="$(med "$1")" -v b="$(med "$2")" 'BEGIN { printf "%.1f", a - b }'; }
per20() { awk -v a="$(med "$1")" -v b="$(med "$2")" 'BEGIN { printf "%.1f", (a - b) / 20 }'; }
printf '%-48s %8s\n' "what (medians of $runs runs, ms)" "ms"
printf '%-48s %8.1f\n' "start, first screen drawn" "$(med empty)"
printf '%-48s %8s\n' "/ (reads the search corpus)" "$(diff slash empty)"
printf '%-48s %8s\n' "first search key (a)" "$(diff a slash)"
printf '%-48s %8s\n' "search key, hit (b after a)" "$(per20 hit20 base20)"
printf '%-48s %8s\n' "search key, miss (~ after a)" "$(per20 miss20 base20)"
printf '%-48s %8s\n' "Units screen, first open (2)" "$(diff units empty)"
