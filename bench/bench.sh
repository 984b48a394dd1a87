#!/bin/sh
# The benchmarks of DESIGN.md "Budgets": one table with every budget, the
# median measured, the reference measured in the same run on the same data,
# the ratio, whether the budget is met, and how the figure grows from one
# size to the next.
#   bench/bench.sh BUILD_DIR SIZE...        (SIZE: S M L XL)
# Environment: BENCH_RUNS (runs per measurement; default 5, 3 at L and XL),
# BENCH_DATA (dataset cache, default bench/data), BENCH_ONLY (some of
# "terminal plan_editor workload find import import_xlsx export size
# suggest seal": only those parts; default all), BENCH_REUSE=1 (use the
# datasets under BENCH_DATA as they are, whichever program made them: for
# comparing two builds on shared, read-only data).
# GLPSOL_LIMIT (seconds, default 300).
#
# How each figure is taken:
# - Times of command-line verbs: hyperfine, warm page cache (one warm-up
#   run), median of the runs, the whole process (start, open, work, exit),
#   output into a pipe (GNU grep stops at the first match when its output
#   is /dev/null, so /dev/null would flatter the grep reference).
# - Terminal figures: bench/probe runs the program on a pseudo-terminal of
#   80x24 (TERM=xterm-256color) and plays the terminal: "start" is the time
#   from fork to the last byte of the first screen; a keystroke's time is
#   from the key to the last byte of the answer; bytes are what the program
#   wrote for that key. less gets the same keys on the same listing.
#   Page down is measured for both keys that page in less and in mutasi
#   (PgDn, Space), on the Staff screen as it opens (by name) and sorted as
#   the listing less pages is (by NIP). In mutasi both move half a page
#   (DESIGN "Screens and keys"), in less a whole one; Ctrl-d (half a page in
#   both) and Ctrl-f (a whole page in both) for information.
# - Memory besides the LMDB map: probe samples RssAnon in /proc/PID/status
#   every millisecond and keeps the peak. RssAnon counts private memory
#   (heap, stacks, anonymous maps, LMDB's dirty pages in a write
#   transaction) and leaves out file-backed pages, i.e. the pages of the
#   map that were only read. ru_maxrss, which includes them, is printed in
#   the notes as the upper bound.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
# Acts as the admin of the test users (tests/e2e/env.sh).
export MUTASI_CONFIG="$top/tests/config" MUTASI_USER=eka
build=$(cd "$1" && pwd); shift
sizes=${*:-S M}
mutasi=$build/mutasi
probe=$build/bench/probe
data=${BENCH_DATA:-$top/bench/data}
work=$(mktemp -d "${TMPDIR:-/tmp}/mutasi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
rows=$work/rows.tsv
notes=$work/notes.txt
: >"$rows"; : >"$notes"
export TERM=xterm-256color LC_ALL=C.UTF-8 MUTASI_TODAY=2026-11-01
unset NO_COLOR MUTASI_DB

note() { printf '%s\n' "$*" >>"$notes"; }

# row WHAT SIZE BUDGET MEDIAN REFERENCE RATIO VERDICT VALUE
# VALUE is the plain number the growth column compares between sizes.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }

has_verb() { "$mutasi" "$@" --help >/dev/null 2>&1; }

# hf [hyperfine options...] -- COMMAND: prints the median wall time in seconds, or
# "fail" when the command failed.
hf() {
  csv=$work/hf.csv
  if hyperfine -N --style none --output=pipe --warmup 1 --runs "$runs" --export-csv "$csv" "$@" \
      >"$work/hf.log" 2>&1; then
    sed -n 2p "$csv" | awk -F, '{print $(NF-4)}'
  else
    echo fail
    sed 's/^/    /' "$work/hf.log" | tail -n 5 >&2
  fi
}

# cpu PREPARE COMMAND: median CPU seconds (user + system) over the runs of
# COMMAND, PREPARE run before each; "fail" when a run failed.
cpu() {
  : >"$work/cpu.all"; i=0
  while [ $i -lt "$runs" ]; do
    sh -c "$1" >/dev/null 2>&1
    /usr/bin/time -f '%U %S' -o "$work/cpu.one" sh -c "exec $2" >/dev/null 2>&1 || { echo fail; return; }
    awk '{print $1 + $2}' "$work/cpu.one" >>"$work/cpu.all"; i=$((i + 1))
  done
  median <"$work/cpu.all"
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
ms() { awk -v s="$1" 'BEGIN {if (s == "" || s == "fail") print s; else printf "%.1f ms", s * 1000}'; }
# verdict VALUE OP LIMIT -> met / MISSED
verdict() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
  ok = (op == "<" ? v < l : op == "<=" ? v <= l : op == ">=" ? v >= l : 0)
  print ok ? "met" : "MISSED" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2fx", a / b; else print "-"}'; }

# --- the terminal ---------------------------------------------------------
# tui_session SIZE KEYFILE OUT [runs]: runs the TUI under probe, runs times.
tui_session() {
  i=0; : >"$3"
  while [ $i -lt "$4" ]; do
    MUTASI_DB=$dir/db "$probe" -p 80x24 -s 150 -S 400 -w 1000 -t 20 -k "$2" -o "$work/probe.out" \
      -- "$mutasi" >/dev/null 2>&1
    sed "s/^/$i	/" "$work/probe.out" >>"$3"
    i=$((i + 1))
  done
}
# key_median FILE LABEL FIELD (3 bytes, 4 microseconds)
key_median() { awk -F'\t' -v l="$2" -v f="$3" '$2 == "key" && $3 == l && $5 >= 0 {print $(f + 1)}' "$1" | median; }

bench_terminal() {
  # Both keys that page down in less and in mutasi (PgDn and Space; half a
  # page in mutasi), Ctrl-d (half a page in both) and Ctrl-f (a whole page
  # in both).
  keys=$work/keys.page
  { printf 'label:move\nj\nj\nj\nj\nj\nj\nj\nj\nj\nj\n'
    printf 'label:pgdn\nPgDn\nPgDn\nPgDn\nPgDn\nPgDn\nlabel:space\nSpace\nSpace\nSpace\nSpace\nSpace\n'
    printf 'label:half\nC-d\nC-d\nC-d\nC-d\nC-d\nlabel:whole\nC-f\nC-f\nC-f\nC-f\nC-f\n'
    printf 'label:quit\nq\nq\nq\n'; } >"$keys"
  tui_session "$size" "$keys" "$work/tui.tsv" "$runs"
  # The same keys on the Staff screen in the listing's order (by NIP, as
  # the export that less pages): s twice (name descending, then NIP), and
  # an empty search, which takes the sort's message off the bottom line.
  { printf 'label:sort\ns\ns\n/\nEnter\n'
    printf 'label:pgdn\nPgDn\nPgDn\nPgDn\nPgDn\nPgDn\nlabel:space\nSpace\nSpace\nSpace\nSpace\nSpace\n'
    printf 'label:quit\nq\nq\nq\n'; } >"$work/keys.nip"
  tui_session "$size" "$work/keys.nip" "$work/tui-nip.tsv" "$runs"
  start_us=$(awk -F'\t' '$2 == "start" && $3 > 200 {print $4}' "$work/tui.tsv" | median)
  ok_runs=$(awk -F'\t' '$2 == "exit" && $3 == 0' "$work/tui.tsv" | wc -l)
  if [ -z "$start_us" ]; then
    reason="TUI not built yet (no first screen on a terminal)"
    row "start, first screen" "$size" "< 100 ms at L" "-" "-" "-" "$reason" ""
    row "search keystroke" "$size" "< 30 ms at L" "-" "-" "-" "$reason" ""
    row "bytes: move one row" "$size" "< 100" "-" "-" "-" "$reason" ""
    row "bytes: page down (PgDn)" "$size" "<= less" "-" "-" "-" "$reason" ""
    row "memory: TUI session" "$size" "< 64 MB at L" "-" "-" "-" "$reason" ""
    return
  fi
  [ "$ok_runs" -lt "$runs" ] && note "$size: the TUI did not exit 0 on 'q' in $((runs - ok_runs)) of $runs runs (killed after 20 s)"
  moved=$(awk -F'\t' '$2 == "key" && $3 == "move" && $4 > 0' "$work/tui.tsv" | wc -l)
  s=$(awk -v u="$start_us" 'BEGIN {print u / 1e6}')
  row "start, first screen" "$size" "< 100 ms at L" "$(ms "$s")" "-" "-" "$(verdict "$s" "<" 0.1)$([ "$moved" = 0 ] && echo " (but the screen has no list yet)")" "$s"

  # less on the same listing, same keys
  i=0; : >"$work/less.tsv"
  while [ $i -lt "$runs" ]; do
    LESS= "$probe" -p 80x24 -s 150 -S 400 -t 60 -k "$keys" -o "$work/probe.out" \
      -- less "$dir/listing.txt" >/dev/null 2>&1
    cat "$work/probe.out" >>"$work/less.tsv"; i=$((i + 1))
  done
  sed "s/^/0	/" "$work/less.tsv" >"$work/less2.tsv"
  for k in move pgdn space half whole pgdn_nip space_nip; do
    case $k in
      move) what="move one row" budget="< 100" ;;
      pgdn) what="page down (PgDn)" budget="<= less" ;;
      space) what="page down (Space)" budget="<= less" ;;
      half) what="half page (C-d)" budget="-" ;;
      whole) what="whole page (C-f)" budget="-" ;;
      pgdn_nip) what="page down, NIP order (PgDn)" budget="<= less" ;;
      space_nip) what="page down, NIP order (Space)" budget="<= less" ;;
    esac
    case $k in
      *_nip) b=$(key_median "$work/tui-nip.tsv" "${k%_nip}" 3); lb=$(key_median "$work/less2.tsv" "${k%_nip}" 3) ;;
      *) b=$(key_median "$work/tui.tsv" $k 3); lb=$(key_median "$work/less2.tsv" $k 3) ;;
    esac
    if [ "$moved" = 0 ]; then
      row "bytes: $what" "$size" "$budget" "-" "less $lb B" "-" "not built yet (the first screen has no list: keys draw nothing)" ""
      continue
    fi
    case $k in
      move) v=$(verdict "$b" "<" 100) ;;
      half) v="info (the same half page as PgDn)" ;;
      whole) v="info (only C-f pages by a whole page)" ;;
      *) v=$(verdict "$b" "<=" "$lb") ;;
    esac
    row "bytes: $what" "$size" "$budget" "$b B" "less $lb B" "$(ratio "$b" "$lb")" "$v" "$b"
  done
  mem=$(awk -F'\t' '$2 == "rss" {print $4}' "$work/tui.tsv" | median)
  mx=$(awk -F'\t' '$2 == "rss" {print $3}' "$work/tui.tsv" | median)
  row "memory: TUI session" "$size" "< 64 MB at L" "$(awk -v k="$mem" 'BEGIN {printf "%.1f MB", k / 1024}')" "-" "-" \
    "$(verdict "$mem" "<" 65536)" "$mem"
  note "$size: TUI session peak RSS including the map (ru_maxrss) $(awk -v k="$mx" 'BEGIN {printf "%.1f MB", k / 1024}')"

  # incremental search: one keystroke at a time
  # A name from the second half of the alphabet, so that typing it moves
  # the selection away from the top of the (name-ordered) list.
  needle=$(awk -F, -v n="$nstaff" 'NR > int(n / 2) {gsub(/"/, "", $2); split($2, w, " "); f = tolower(w[1])
    if (f >= "m") {print substr(f, 1, 5); exit}}' "$dir/staff.csv")
  [ -n "$needle" ] || needle=siti
  printf 'label:open\n/\nlabel:search\ntext:%s\nlabel:quit\nEsc\nq\nq\nq\n' "$needle" >"$work/keys.search"
  tui_session "$size" "$work/keys.search" "$work/search.tsv" "$runs"
  k_us=$(awk -F'\t' '$2 == "key" && $3 == "search" && $4 > 0 {print $5}' "$work/search.tsv" | median)
  g=$(hf -- "grep -i $needle $dir/staff.csv")
  if [ -z "$k_us" ]; then
    row "search keystroke" "$size" "< 30 ms at L" "-" "grep -i $(ms "$g")" "-" "not built yet (typing after / draws nothing)" ""
  else
    k=$(awk -v u="$k_us" 'BEGIN {print u / 1e6}')
    kb=$(awk -F'\t' '$2 == "key" && $3 == "search" && $4 > 0 {print $4}' "$work/search.tsv" | median)
    v=$(verdict "$k" "<" 0.03)
    # A few bytes per key is the prompt echoing the letter: the list did
    # not move, so no search was measured.
    [ "$(awk -v b="$kb" 'BEGIN {print (b <= 4)}')" = 1 ] && v="not measured: keys only echoed (no incremental search on screen yet)"
    row "search keystroke" "$size" "< 30 ms at L" "$(ms "$k") ($kb B)" "grep -i $(ms "$g")" "$(ratio "$k" "$g")" "$v" "$k"
  fi
  note "$size: search typed '$needle' one key at a time after '/'"
}

# --- the command line -----------------------------------------------------
bench_workload() {
  if ! has_verb workload; then
    row "workload roll-up" "$size" "< 100 ms at L" "-" "-" "-" "not built yet" ""; return
  fi
  t=$(hf -- "env MUTASI_DB=$dir/db $mutasi workload --format csv")
  row "workload roll-up" "$size" "< 100 ms at L" "$(ms "$t")" "-" "-" "$(verdict "$t" "<" 0.1)" "$t"
  memrow "memory: workload" "env MUTASI_DB=$dir/db $mutasi workload --format csv"
  # the grouped tables of the whole database: the stored aggregates, no
  # pass over the positions (issue 16, item 2)
  for by in unit district job_family; do
    t=$(hf -- "env MUTASI_DB=$dir/db $mutasi workload --by $by")
    tc=$(cpu true "env MUTASI_DB=$dir/db $mutasi workload --by $by")
    row "workload --by $by" "$size" "< 100 ms at L, XL" "$(ms "$t") (CPU $(ms "$tc"))" "-" "-" \
      "$(verdict "$t" "<" 0.1)" "$t"
  done
  bench_units_first_open
}

# The Units screen's first draw: the scripted TUI with the key 2 less the
# same without it (start-up, first screen and leaving cancel out).
bench_units_first_open() {
  printf '2' >"$work/units.keys"; : >"$work/none.keys"
  run="$mutasi --db $dir/db --size 80x24 --dump /dev/null --script"
  u=$(hf -- "$run $work/units.keys"); e=$(hf -- "$run $work/none.keys")
  uc=$(cpu true "$run $work/units.keys"); ec=$(cpu true "$run $work/none.keys")
  t=$(awk -v a="$u" -v b="$e" 'BEGIN {print a - b}')
  tc=$(awk -v a="$uc" -v b="$ec" 'BEGIN {print a - b}')
  row "Units screen, first draw" "$size" "< 100 ms at L, XL" "$(ms "$t") (CPU $(ms "$tc"))" "-" "-" \
    "$(verdict "$t" "<" 0.1)" "$t"
}

bench_find() {
  has_verb staff find || { row "staff find (CLI)" "$size" "-" "-" "-" "-" "not built yet" ""; return; }
  needle=$(awk -F, -v n="$nstaff" 'NR == int(n / 2) + 1 {gsub(/"/, "", $2); split($2, w, " "); print tolower(w[1])}' "$dir/staff.csv")
  t=$(hf -- "env MUTASI_DB=$dir/db $mutasi staff find $needle")
  tc=$(cpu true "env MUTASI_DB=$dir/db $mutasi staff find $needle")
  g=$(hf -- "grep -i $needle $dir/staff.csv")
  row "staff find (CLI)" "$size" "< 30 ms at L" "$(ms "$t") (CPU $(ms "$tc"))" "grep -i $(ms "$g")" "$(ratio "$t" "$g")" \
    "$(verdict "$t" "<" 0.03)" "$t"
  note "$size: staff find '$needle': $(env MUTASI_DB="$dir/db" "$mutasi" staff find "$needle" 2>/dev/null | wc -l) people match"
  # A needle nobody's name holds: the cost of finding that out (refused,
  # exit 1, which hyperfine is told to accept).
  t0=$(hf -i -- "env MUTASI_DB=$dir/db $mutasi staff find zzzq")
  g0=$(hf -i -- "grep -i zzzq $dir/staff.csv")
  row "staff find, no match (CLI)" "$size" "< 30 ms at L" "$(ms "$t0")" "grep -i $(ms "$g0")" "$(ratio "$t0" "$g0")" \
    "$(verdict "$t0" "<" 0.03)" "$t0"
  memrow "memory: staff find" "env MUTASI_DB=$dir/db $mutasi staff find $needle"
}

bench_import() {
  f=$dir/staff.csv
  rm -rf "$work/imp"
  t=$(hf --prepare "sh -c 'rm -rf $work/imp && cp -a $dir/base $work/imp'" \
      -- "env MUTASI_DB=$work/imp $mutasi import staff $f")
  # The reference: sqlite3 loading the same file into a table with the
  # indexes mutasi keeps (NIP unique, unit, position, name without case).
  cols=$(head -n 1 "$f" | tr -d '\r' | sed 's/,/ TEXT,/g; s/$/ TEXT/')
  printf '%s\n' "CREATE TABLE staff($cols);" \
    "CREATE UNIQUE INDEX staff_nip ON staff(nip);" "CREATE INDEX staff_unit ON staff(unit);" \
    "CREATE INDEX staff_position ON staff(position);" \
    "CREATE INDEX staff_name ON staff(name COLLATE NOCASE);" >"$work/ref.sql"
  q=$(hf --prepare "rm -f $work/ref.sqlite" -- "sqlite3 $work/ref.sqlite '.read $work/ref.sql' '.mode csv' '.import --skip 1 $f staff'")
  if [ "$t" = fail ]; then
    row "import staff CSV" "$size" ">= 200000 rows/s, >= sqlite3" "fail" "sqlite3 + 4 indexes $(ms "$q")" "-" "MISSED (import failed)" ""
    return
  fi
  r=$(awk -v n="$nstaff" -v t="$t" 'BEGIN {printf "%.0f", n / t}')
  rq=$(awk -v n="$nstaff" -v t="$q" 'BEGIN {printf "%.0f", n / t}')
  v1=$(verdict "$r" ">=" 200000); v2=$(verdict "$r" ">=" "$rq")
  v=met; [ "$v1" = met ] && [ "$v2" = met ] || v="MISSED"
  [ "$v1" = MISSED ] && v="$v (< 200000/s)"; [ "$v2" = MISSED ] && v="$v (slower than sqlite3)"
  csv_import_cpu=$(cpu "rm -rf $work/imp && cp -a $dir/base $work/imp" "env MUTASI_DB=$work/imp $mutasi import staff $f")
  row "import staff CSV" "$size" ">= 200000 rows/s, >= sqlite3" "$r rows/s ($(ms "$t"), CPU $(ms "$csv_import_cpu"))" "sqlite3 + 4 indexes $rq rows/s" \
    "$(ratio "$r" "$rq")" "$v" "$t"
  memrow "memory: import staff" "sh -c 'rm -rf $work/imp && cp -a $dir/base $work/imp && exec env MUTASI_DB=$work/imp $mutasi import staff $f'"
  sqlite_size=$(stat -c %s "$work/ref.sqlite" 2>/dev/null || echo 0)
  csv_import_t=$t
}

# The same rows as a workbook (mutasi's own xlsx export of the dataset,
# cached): the reference is the CSV import of this run; the ratio is
# xlsx / CSV of the wall and of the CPU time (1.00x: as fast).
bench_import_xlsx() {
  "$mutasi" export staff --help 2>/dev/null | grep -q xlsx ||
    { row "import staff xlsx" "$size" "-" "-" "-" "-" "not built yet" ""; return; }
  x=$dir/staff.xlsx
  [ -s "$x" ] || MUTASI_DB=$dir/db "$mutasi" export staff --format xlsx --output "$x" 2>/dev/null ||
    { row "import staff xlsx" "$size" "-" "fail" "-" "-" "MISSED (export failed)" ""; return; }
  t=$(hf --prepare "sh -c 'rm -rf $work/imp && cp -a $dir/base $work/imp'" \
      -- "env MUTASI_DB=$work/imp $mutasi import staff $x")
  [ "$t" = fail ] && { row "import staff xlsx" "$size" "-" "fail" "-" "-" "MISSED (import failed)" ""; return; }
  r=$(awk -v n="$nstaff" -v t="$t" 'BEGIN {printf "%.0f", n / t}')
  rc=$(awk -v n="$nstaff" -v t="${csv_import_t:-0}" 'BEGIN {if (t > 0 && t != "fail") printf "%.0f", n / t; else print 0}')
  c=$(cpu "rm -rf $work/imp && cp -a $dir/base $work/imp" "env MUTASI_DB=$work/imp $mutasi import staff $x")
  row "import staff xlsx" "$size" "-" "$r rows/s ($(ms "$t"), CPU $(ms "$c"))" \
    "CSV import $rc rows/s (CPU $(ms "${csv_import_cpu:-}"))" \
    "time $(ratio "$t" "${csv_import_t:-0}"), CPU $(ratio "$c" "${csv_import_cpu:-0}") of CSV" \
    "info ($(stat -c %s "$x") bytes)" "$t"
  memrow "memory: import staff xlsx" "sh -c 'rm -rf $work/imp && cp -a $dir/base $work/imp && exec env MUTASI_DB=$work/imp $mutasi import staff $x'"
}

bench_export() {
  t=$(hf -- "env MUTASI_DB=$dir/db $mutasi export staff")
  row "export staff CSV" "$size" "-" "$(awk -v n="$nstaff" -v t="$t" 'BEGIN {printf "%.0f rows/s", n / t}')" "-" "-" "info" "$t"
  memrow "memory: export staff" "env MUTASI_DB=$dir/db $mutasi export staff"
}

# memrow WHAT COMMAND: peak RssAnon over the runs (median).
memrow() {
  i=0; : >"$work/mem.tsv"
  while [ $i -lt "$runs" ]; do
    sh -c "exec $probe -o $work/probe.out -- $2" >/dev/null 2>&1
    awk -F'\t' '$1 == "rss" {print $3 "\t" $2}' "$work/probe.out" >>"$work/mem.tsv"; i=$((i + 1))
  done
  mem=$(cut -f1 "$work/mem.tsv" | median); mx=$(cut -f2 "$work/mem.tsv" | median)
  row "$1" "$size" "< 64 MB at L" "$(awk -v k="$mem" 'BEGIN {printf "%.1f MB", k / 1024}')" "-" "-" "$(verdict "$mem" "<" 65536)" "$mem"
  note "$size: $1: peak RSS including the map pages read (ru_maxrss) $(awk -v k="$mx" 'BEGIN {printf "%.1f MB", k / 1024}')"
}

bench_size() {
  f=$dir/db/data.mdb
  [ -f "$f" ] || { row "database size" "$size" "-" "-" "-" "-" "no data.mdb" ""; return; }
  used=$(mdb_stat -e "$dir/db" 2>/dev/null | awk '/Page size:/ {p = $3} /Number of pages used:/ {u = $5} END {print p * u}')
  [ -n "$used" ] && [ "$used" != 0 ] || used=$(stat -c %s "$f")
  per=$(awk -v b="$used" -v n="$nstaff" 'BEGIN {printf "%.0f", b / n}')
  ref="-"; rr="-"
  if [ "${sqlite_size:-0}" -gt 0 ]; then
    ref="sqlite3 table + 4 indexes $(awk -v b="$sqlite_size" -v n="$nstaff" 'BEGIN {printf "%.0f B/staff", b / n}')"
    rr=$(ratio "$used" "$sqlite_size")
  fi
  row "database size" "$size" "-" "$(awk -v b="$used" 'BEGIN {printf "%.1f MB", b / 1048576}') ($per B/staff)" "$ref" "$rr" "info" "$used"
  note "$size: database size = pages in use x page size (mdb_stat -e); the file is $(stat -c %s "$f") bytes"
}

# plan suggest on a fresh plan of a copy of the dataset: the whole command
# (wall and CPU, median of the runs, without --dump-graph; judged on CPU
# time, user + sys: on a machine shared by several people the wall time
# measures them too), the solver alone (its CPU time as the command reports
# it on stderr with --verbose), then one run with --dump-graph, and on that
# graph glpsol --mincost (CPU time; stopped after GLPSOL_LIMIT seconds,
# default 300),
# whose objective must be ours, and OR-Tools' SimpleMinCostFlow (its solve
# call alone, CPU time; bench/ortools_mcf.py in a virtual environment of
# its own that the bench makes under $BENCH_DATA, pip installing ortools).
bench_suggest() {
  if ! has_verb plan suggest; then
    row "plan suggest" "$size" "< 1 s at M, < 15 s at L" "-" "glpsol -" "-" "not built yet" ""; return
  fi
  # plans need an operator: the demo's users.yaml (MUTASI_USER trusted)
  mkdir -p "$work/config"; cp "$top"/config/*.yaml "$work/config/"
  cp "$top/config/demo/users.yaml" "$work/config/users.yaml"
  export MUTASI_CONFIG=$work/config MUTASI_USER=ani
  rm -rf "$work/plandb"; cp -a "$dir/db" "$work/plandb"
  id=$(MUTASI_DB=$work/plandb "$mutasi" plan new bench 2>/dev/null)
  : >"$work/sg.tsv"; : >"$work/sgmem.tsv"; i=0
  while [ $i -lt "$runs" ]; do
    rm -rf "$work/p2"; cp -a "$work/plandb" "$work/p2"
    /usr/bin/time -f '%e %U %S' -o "$work/sg.time" env MUTASI_DB="$work/p2" "$mutasi" plan suggest "$id" --verbose \
      >"$work/sg.out" 2>"$work/sg.err" || { row "plan suggest" "$size" "< 1 s at M, < 15 s at L" "fail" "-" "-" "MISSED (failed)" ""; sed 's/^/    /' "$work/sg.err" >&2; return; }
    solve=$(sed -n 's/.*solving \([0-9]*\) ms.*/\1/p' "$work/sg.err")
    printf '%s\t%s\n' "$(awk '{print $1 "\t" $2 + $3}' "$work/sg.time")" "$solve" >>"$work/sg.tsv"
    i=$((i + 1))
  done
  # memory in a run of its own: probe's sampling would count in the CPU time
  rm -rf "$work/p2"; cp -a "$work/plandb" "$work/p2"
  "$probe" -t 1800 -o "$work/probe.out" -- env MUTASI_DB="$work/p2" "$mutasi" plan suggest "$id" >/dev/null 2>&1
  awk -F'\t' '$1 == "rss" {print $3 "\t" $2}' "$work/probe.out" >>"$work/sgmem.tsv"
  t=$(cut -f1 "$work/sg.tsv" | median); cpu=$(cut -f2 "$work/sg.tsv" | median)
  sv=$(cut -f3 "$work/sg.tsv" | median); sv=$(awk -v m="$sv" 'BEGIN {print m / 1000}')
  figures=$(sed -n 's/.*moves added; \(.*\) (.*/\1/p' "$work/sg.err")
  net=$(sed -n 's/.*after grouping: \(.*\)$/\1/p' "$work/sg.err")
  phases=$(sed -n 's/.*CPU time: \(.*\)$/\1/p' "$work/sg.err")
  rm -rf "$work/p2"; cp -a "$work/plandb" "$work/p2"
  obj=$(MUTASI_DB=$work/p2 "$mutasi" plan suggest "$id" --dump-graph "$work/graph.dimacs" 2>/dev/null | sed -n 's/^objective: //p')
  limit=${GLPSOL_LIMIT:-300}
  if /usr/bin/time -f '%U %S' -o "$work/glp.time" timeout "$limit" glpsol --mincost "$work/graph.dimacs" \
      -o "$work/glpk.txt" >/dev/null 2>&1; then
    g=$(awk '{print $1 + $2}' "$work/glp.time")
    gobj=$(sed -n 's/^Objective: *\([-0-9]*\).*/\1/p' "$work/glpk.txt"); gref="glpsol $(ms "$g") CPU"
  else
    g=""; gobj=""; gref="glpsol > ${limit} s"
  fi
  budget=15; { [ "$size" = S ] || [ "$size" = M ]; } && budget=1
  v=$(verdict "$cpu" "<" "$budget")
  if [ -n "$gobj" ]; then
    [ "$obj" = "$gobj" ] && v="$v; objective = glpsol's ($obj)" || v="$v; MISSED objective $obj vs glpsol $gobj"
  else
    v="$v; objective $obj (glpsol did not finish)"
  fi
  row "plan suggest (whole command)" "$size" "< 1 s at M, < 15 s at L (CPU)" "$(ms "$cpu") CPU (wall $(ms "$t"))" "$gref" "$(ratio "$cpu" "${g:-0}")" "$v" "$cpu"
  note "$size: plan suggest CPU by phase (last run): $phases"
  if [ -n "$g" ]; then
    sverdict=$(verdict "$sv" "<=" "$(awk -v g="$g" 'BEGIN {print g / 10}')")
  else    # glpsol took longer than the limit: a tenth of it is a bound
    sverdict="$(verdict "$sv" "<=" "$(awk -v l="$limit" 'BEGIN {print l / 10}')") (glpsol did not finish in $limit s)"
  fi
  row "plan suggest: solver alone" "$size" "<= 1/10 of glpsol" "$(ms "$sv") CPU" "$gref" "$(ratio "$sv" "${g:-0}")" "$sverdict" "$sv"
  ortools_row
  row "plan suggest: network" "$size" "-" "$net" "-" "-" "info: $figures" ""
  mem=$(cut -f1 "$work/sgmem.tsv" | median); mx=$(cut -f2 "$work/sgmem.tsv" | median)
  row "memory: plan suggest" "$size" "< 256 MB at L" "$(awk -v k="$mem" 'BEGIN {printf "%.1f MB (one run)", k / 1024}')" "-" "-" "$(verdict "$mem" "<" 262144)" "$mem"
  note "$size: plan suggest: peak RSS including the map pages read (ru_maxrss) $(awk -v k="$mx" 'BEGIN {printf "%.1f MB", k / 1024}')"
  unset MUTASI_CONFIG MUTASI_USER
}

# OR-Tools' SimpleMinCostFlow on $work/graph.dimacs next to our solver ($sv
# seconds): its solve call alone, CPU time, median of the runs.
ortools_row() {
  venv=$data/venv-ortools
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import ortools' 2>/dev/null; then
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q ortools numpy; } >"$work/pip.log" 2>&1; then
      rm -rf "$venv"
      row "plan suggest: solver vs OR-Tools" "$size" "<= OR-Tools" "$(ms "$sv") CPU" "OR-Tools -" "-" \
        "not measured: pip could not install ortools ($(tail -n 1 "$work/pip.log" | cut -c1-80))" ""
      return
    fi
  fi
  : >"$work/ort.tsv"; i=0
  while [ $i -lt "$runs" ]; do
    "$venv/bin/python" "$top/bench/ortools_mcf.py" "$work/graph.dimacs" >"$work/ort.out" 2>"$work/ort.err" || break
    sed -n 's/^solve_ms: //p' "$work/ort.out" >>"$work/ort.tsv"
    i=$((i + 1))
  done
  oobj=$(sed -n 's/^objective: //p' "$work/ort.out")
  if [ "$i" -lt "$runs" ] || [ -z "$oobj" ]; then
    row "plan suggest: solver vs OR-Tools" "$size" "<= OR-Tools" "$(ms "$sv") CPU" "OR-Tools failed" "-" \
      "not measured: $(tail -n 1 "$work/ort.err" | cut -c1-80)" ""
    return
  fi
  o=$(median <"$work/ort.tsv"); o=$(awk -v m="$o" 'BEGIN {print m / 1000}')
  ov=$(verdict "$sv" "<=" "$o")
  [ "$oobj" = "$obj" ] && ov="$ov; objective = OR-Tools' ($oobj)" || ov="$ov; MISSED objective $obj vs OR-Tools $oobj"
  row "plan suggest: solver vs OR-Tools" "$size" "<= OR-Tools" "$(ms "$sv") CPU" "OR-Tools $(ms "$o") CPU" "$(ratio "$sv" "$o")" "$ov" "$sv"
}

. "$top/bench/plan_editor.sh"
. "$top/bench/seal.sh"

# --- main -------------------------------------------------------------------
[ -x "$mutasi" ] || { echo "bench: $mutasi is not built" >&2; exit 1; }
for size in $sizes; do
  case $size in S|M) runs=${BENCH_RUNS:-5} ;; *) runs=${BENCH_RUNS:-3} ;; esac
  if ! has_verb init || ! has_verb export || ! has_verb import; then
    row "dataset" "$size" "-" "-" "-" "-" "not built yet (needs init, import, export)" ""
    continue
  fi
  if [ "${BENCH_REUSE:-}" = 1 ] && [ -f "$data/$size/stamp" ]; then
    note "$size: dataset reused as it is (BENCH_REUSE=1): $(cat "$data/$size/stamp")"
  elif ! "$top/bench/dataset.sh" "$mutasi" "$size" "$data"; then
    row "dataset" "$size" "-" "-" "-" "-" "FAILED to build (see above)" ""
    continue
  fi
  dir=$data/$size
  nstaff=$(($(wc -l <"$dir/staff.csv") - 1))
  echo "bench: measuring $size ($nstaff staff, $runs runs each)" >&2
  if [ "$(cat "$dir/source")" = demo ]; then
    row "demo fill (generator)" "$size" "-" "$(cat "$dir/demo.seconds") s" "-" "-" "info (one run, when cached)" "$(cat "$dir/demo.seconds")"
  else
    row "demo fill (generator)" "$size" "-" "-" "-" "-" "not built yet: dataset from tests/crash/gendata.sh" ""
    note "$size: no demo verb yet: the data is the plain synthetic region of tests/crash/gendata.sh, imported"
  fi
  sqlite_size=0
  for part in terminal plan_editor workload find import import_xlsx export size suggest seal; do
    case " ${BENCH_ONLY:-$part} " in *" $part "*) "bench_$part" ;; esac
  done
done

# --- the table ----------------------------------------------------------------
# growth: this size's value / the previous size's value for the same figure.
awk -F'\t' '
  BEGIN { n["S"] = 5000; n["M"] = 100000; n["L"] = 1000000; n["XL"] = 4300000 }
  { key = $1; g = "-"
    if ($8 != "" && (key in prev) && prev[key] > 0)
      g = sprintf("x%.1f (staff x%g)", $8 / prev[key], n[$2] / n[prevsize[key]])
    if ($8 != "") { prev[key] = $8; prevsize[key] = $2 }
    line[NR] = $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 "\t" g }
  END {
    split("what\tsize\tbudget\tmedian\treference\tratio\tverdict\tgrowth", h, "\t")
    for (c = 1; c <= 8; c++) w[c] = length(h[c])
    for (r = 1; r <= NR; r++) { split(line[r], f, "\t"); for (c = 1; c <= 8; c++) if (length(f[c]) > w[c]) w[c] = length(f[c]) }
    out = ""; sep = ""
    for (c = 1; c <= 8; c++) { out = out sprintf("%-" w[c] "s  ", h[c]); sep = sep sprintf("%-" w[c] "s  ", "") }
    print out; gsub(/ /, "-", sep); print sep
    for (r = 1; r <= NR; r++) { split(line[r], f, "\t"); out = ""
      for (c = 1; c <= 8; c++) out = out sprintf("%-" w[c] "s  ", f[c]); print out }
  }' "$rows"
if [ -s "$notes" ]; then echo; echo "notes:"; sed 's/^/  /' "$notes"; fi
cat <<EOF

method: medians of $([ -n "${BENCH_RUNS:-}" ] && echo "$BENCH_RUNS" || echo "5 (S, M) / 3 (L, XL)") runs, warm page cache, on $(nproc) cores;
  terminal figures on an 80x24 pseudo-terminal (bench/probe.c), TERM=$TERM;
  memory = peak RssAnon sampled every 1 ms (private memory, without the
  file-backed LMDB map pages); ratio = mutasi / reference (for import:
  mutasi rows/s / sqlite3 rows/s); growth = value / value at the previous size.
EOF
