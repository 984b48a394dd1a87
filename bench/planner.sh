#!/bin/sh
# Times core/planner on generated regions (tests/tools/plangen: median CPU
# time of RUNS runs, the whole planner and the solver alone) and glpsol
# --mincost on the same DIMACS graph (median wall time of RUNS runs, each
# stopped after LIMIT seconds). Prints one table.
#   bench/planner.sh PLANGEN RUNS LIMIT STAFF...
set -eu
plangen=$1 runs=$2 limit=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
now_ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] : "")}'; }
printf '%-9s %8s %9s %8s %8s %9s %9s %11s %10s %12s %s\n' staff nodes arcs movable classes \
  shortage filled planner_ms solver_ms glpsol_ms objective
for staff in "$@"; do
  "$plangen" "$staff" 1 "$dir/g.min" "$runs" >"$dir/ours.txt"
  get() { sed -n "s/^$1: //p" "$dir/ours.txt"; }
  obj=$(get objective)
  : >"$dir/times"
  glp="-"
  i=0
  while [ $i -lt "$runs" ]; do
    t0=$(now_ms)
    if timeout "$limit" glpsol --mincost "$dir/g.min" -o "$dir/glpk.txt" >/dev/null 2>&1; then
      echo $(( $(now_ms) - t0 )) >>"$dir/times"
      theirs=$(sed -n 's/^Objective: *\([-0-9]*\).*/\1/p' "$dir/glpk.txt")
      [ "$theirs" = "$obj" ] || { echo "objective $obj, glpsol $theirs" >&2; exit 1; }
    else
      glp=">${limit}000"
      break
    fi
    i=$((i + 1))
  done
  [ "$glp" = "-" ] && glp=$(median <"$dir/times")
  printf '%-9s %8s %9s %8s %8s %9s %9s %11s %10s %12s %s\n' "$staff" "$(get nodes)" \
    "$(get arcs)" "$(get movable)" "$(get classes)" "$(get shortage)" "$(get max_fill)" \
    "$(get planner_ms)" "$(get solver_ms)" "$glp" "$obj"
done
