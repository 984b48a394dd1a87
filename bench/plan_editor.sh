# The plan editor's rows of `make bench` (sourced by bench/bench.sh, which
# provides row, note, median, ms, verdict, runs, size, dir, work, mutasi,
# probe):
# - one drop and one add of a move in the editor, the impact pane redrawn
#   (issue 9: < 30 ms at L);
# - opening the target picker, every position judged for the person
#   (< 100 ms at M);
# - the bytes sent for moving one row among the moves (< 100 at 80x24).
# On a copy of the dataset, as an operator, on the demo's DRAFT plan:
# its first allowed move is dropped (d, y) and added again through the
# pickers (a, / NIP, Enter, / target code, Enter), so every run starts
# from the same plan. Each figure is the key's wall time to the last byte
# of the answer (bench/probe) and the CPU time the program spent on it
# (/proc/PID/schedstat): the CPU figure holds on a busy machine, the wall
# figure is what the user waits for.

# editor_keys PLAN_ROW MOVE_ROW NIP TARGET MOVES: the probe's key file.
editor_keys() {
  printf 'label:open\n3\n'
  i=0; while [ $i -lt "$1" ]; do printf 'j\n'; i=$((i + 1)); done
  # The editor reads the workload on its second frame: k (nothing to
  # move up to) waits for that.
  printf 'label:editor\nEnter\nlabel:settle\nk\n'
  # one row down and up again, where there are two moves
  [ "$5" -ge 2 ] && printf 'label:move\nj\nk\n'
  i=0; while [ $i -lt "$2" ]; do printf 'j\n'; i=$((i + 1)); done
  printf 'label:d\nd\nlabel:drop\ny\n'
  printf 'label:person\na\n/\ntext:%s\nEnter\n' "$3"
  printf 'label:targets\nEnter\n'
  printf 'label:search\n/\ntext:%s\nEnter\nlabel:add\nEnter\n' "$4"
  printf 'label:quit\nq\nq\nq\nq\n'
}

# key_figure FILE LABEL: "WALL_MS CPU_MS" medians of that key over the runs.
key_figure() {
  w=$(awk -F'\t' -v l="$2" '$2 == "key" && $3 == l && $5 >= 0 {print $5}' "$1" | median)
  c=$(awk -F'\t' -v l="$2" '$2 == "key" && $3 == l && $6 >= 0 {print $6}' "$1" | median)
  awk -v w="$w" -v c="$c" 'BEGIN {if (w == "") print "- -"; else printf "%.1f %.1f\n", w / 1000, c / 1000}'
}

# editor_row WHAT BUDGET LIMIT_MS WALL_MS CPU_MS [NOTE]
editor_row() {
  if [ "$4" = - ]; then
    row "$1" "$size" "$2" "-" "-" "-" "MISSED (no answer${6:+: $6})" ""; return
  fi
  v=$(verdict "$4" "<" "$3")
  if [ "$v" = MISSED ] && [ "$(verdict "$5" "<" "$3")" = met ]; then
    v="MISSED on wall time, met on CPU (a busy machine?)"
  fi
  row "$1" "$size" "$2" "$4 ms (CPU $5 ms)" "-" "-" "$v${6:+ ($6)}" "$(awk -v m="$4" 'BEGIN {print m / 1000}')"
}

bench_plan_editor() {
  plans=$(MUTASI_DB=$dir/db "$mutasi" plan list --format csv 2>/dev/null)
  # the demo's DRAFT plan that has moves, and its row on the Plans screen
  draft=$(printf '%s\n' "$plans" | awk -F, 'NR > 1 && $(NF-5) == "DRAFT" && $(NF-3) > 0 {print NR - 2 " " $1; exit}')
  if [ -z "$draft" ]; then
    row "plan editor: drop a move" "$size" "< 30 ms at L" "-" "-" "-" "not measured: no DRAFT plan with moves (mutasi demo --no-plans?)" ""
    return
  fi
  plan_row=${draft% *}; plan=${draft#* }
  # its first move that is not blocked, and its row in the editor (NIP order)
  MUTASI_DB=$dir/db "$mutasi" plan show "$plan" --format csv | sort -t, -k1,1 >"$work/moves.csv"
  nmoves=$(grep -c '^[0-9]' "$work/moves.csv")
  pick=$(awk -F, '$1 ~ /^[0-9]+$/ {n++; if ($NF != "block" && $NF != "blocked") {print n - 1 " " $1 " " $(NF-2); exit}}' "$work/moves.csv")
  if [ -z "$pick" ]; then
    row "plan editor: drop a move" "$size" "< 30 ms at L" "-" "-" "-" "not measured: plan $plan has no allowed move" ""
    return
  fi
  set -- $pick
  move_row=$1; nip=$2; target=$3
  editor_keys "$plan_row" "$move_row" "$nip" "$target" "$nmoves" >"$work/keys.editor"
  rm -rf "$work/edb"; cp -a "$dir/db" "$work/edb"
  # on disk before the first run: else the first commit's fdatasync
  # writes the whole copy (half a second at L)
  sync "$work/edb/data.mdb"
  i=0; : >"$work/editor.tsv"
  while [ $i -lt "$runs" ]; do
    MUTASI_USER=ani MUTASI_DB=$work/edb "$probe" -p 80x24 -s 200 -S 400 -w 30000 -t 300 \
      -k "$work/keys.editor" -o "$work/probe.out" -- "$mutasi" >/dev/null 2>&1
    sed "s/^/$i	/" "$work/probe.out" >>"$work/editor.tsv"
    i=$((i + 1))
  done
  # every run must have put the move back, else the add was not measured
  back=$(MUTASI_DB=$work/edb "$mutasi" plan show "$plan" --format csv | awk -F, -v n="$nip" -v t="$target" '$1 == n && $(NF-2) == t' | wc -l)
  rm -rf "$work/edb"
  why=""; [ "$back" = 1 ] || why="the move was not added again: see the key file"
  set -- $(key_figure "$work/editor.tsv" drop)
  editor_row "plan editor: drop a move (d y), impact redrawn" "< 30 ms at L" 30 "$1" "$2"
  set -- $(key_figure "$work/editor.tsv" add)
  editor_row "plan editor: add a move (Enter on the target)" "< 30 ms at L" 30 "$1" "$2" "$why"
  if [ "$nmoves" -ge 2 ]; then
    b=$(awk -F'\t' '$2 == "key" && $3 == "move" && $5 >= 0 {print $4}' "$work/editor.tsv" | median)
    row "bytes: plan editor, move one row" "$size" "< 100" "$b B" "-" "-" "$(verdict "$b" "<" 100)" "$b"
  fi
  # opening the editor: its first frame and the second, which reads the
  # plan and the workload
  set -- $(key_figure "$work/editor.tsv" editor) $(key_figure "$work/editor.tsv" settle)
  if [ "$1" != - ] && [ "$3" != - ]; then
    # CPU only: the reading goes on while probe waits for the first
    # frame's answer to settle, so the two keys' wall times miss some
    c=$(awk -v a="$2" -v b="$4" 'BEGIN {printf "%.1f", a + b}')
    row "plan editor: open (reads the workload)" "$size" "-" "CPU $c ms" "-" "-" "info" "$(awk -v m="$c" 'BEGIN {print m / 1000}')"
  fi
  set -- $(key_figure "$work/editor.tsv" targets)
  editor_row "plan editor: open the target picker" "< 100 ms at M" 100 "$1" "$2"
  note "$size: plan editor on plan $plan: drop and add again $nip -> $target ($runs runs, user ani)"
}
