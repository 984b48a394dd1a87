# The rows of `make bench` for what the record seals and the data digest
# cost (issue 18), sourced by bench/bench.sh (which provides row, note,
# median, ms, runs, size, dir, work, mutasi, build):
# - import staff: staff.csv into a copy of base/;
# - plan add: one move into an empty plan of a copy of db/;
# - plan suggest: the optimiser's moves into that plan (--max-moves 50).
# The reference is the same source built with the seals and the digest
# switched off (make BENCH_NOSEAL=1, into $BUILD/noseal: bench.mk builds
# it; its records carry a zero seal and no digest is kept, so each build
# works on copies of its own). The two builds run interleaved, the order
# swapped every run, each on a fresh copy; the figure is the median CPU
# time (user + sys) of the whole command and the ratio sealed / unsealed.
# Copies are made with cp -RL (a dataset may be links into a shared,
# read-only place: a link must never be copied as a link and written
# through); today is the day the dataset was made, so that its dates are
# not in the future.

# seal_prepare: the plan database (a copy of db/ with an empty plan) and
# one move the rules allow, found by a suggest on a scratch copy.
seal_prepare() {
  mkdir -p "$work/sealcfg"; cp "$top"/config/*.yaml "$work/sealcfg/"
  cp "$top/config/demo/users.yaml" "$work/sealcfg/users.yaml"
  rm -rf "$work/sealdb" "$work/sealtry"; cp -RL "$dir/db" "$work/sealdb"
  seal_id=$(MUTASI_CONFIG=$work/sealcfg MUTASI_USER=ani MUTASI_DB=$work/sealdb "$mutasi" plan new seal-bench 2>/dev/null)
  cp -RL "$work/sealdb" "$work/sealtry"
  MUTASI_CONFIG=$work/sealcfg MUTASI_USER=ani MUTASI_DB=$work/sealtry \
    "$mutasi" plan suggest "$seal_id" --max-moves 1 >/dev/null 2>&1
  seal_move=$(MUTASI_CONFIG=$work/sealcfg MUTASI_USER=ani MUTASI_DB=$work/sealtry \
    "$mutasi" plan show "$seal_id" --format csv 2>/dev/null | awk -F, 'NR == 2 {print $1, $6}')
  rm -rf "$work/sealtry"
}

# seal_cpu WHICH PREPARE COMMAND: one run's CPU seconds (user + sys, in
# microseconds from wait4's rusage: GNU time's 10 ms would round a plan
# add to nothing), appended to $work/seal.WHICH; false when it failed.
seal_cpu() {
  sh -c "$2" >/dev/null 2>&1
  python3 -c 'import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open("/dev/null", os.O_WRONLY), 1)
    os.execvp("sh", ["sh", "-c", "exec " + sys.argv[1]])
_, status, ru = os.wait4(pid, 0)
print("%.6f" % (ru.ru_utime + ru.ru_stime))
sys.exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)' "$3" \
    >"$work/seal.one" 2>"$work/seal.err" </dev/null || return 1
  cat "$work/seal.one" >>"$work/seal.$1"
}

# seal_pair WHAT PREPARE COMMAND (PREPARE and COMMAND use $BIN and $DB):
# the interleaved runs of both builds and the row.
seal_pair() {
  : >"$work/seal.on"; : >"$work/seal.off"; i=0
  while [ $i -lt "$runs" ]; do
    for which in $([ $((i % 2)) = 0 ] && echo "on off" || echo "off on"); do
      bin=$mutasi; [ $which = off ] && bin=$nomutasi
      db=$work/seal-$which
      p=$(printf '%s' "$2" | sed "s|\$BIN|$bin|g; s|\$DB|$db|g")
      c=$(printf '%s' "$3" | sed "s|\$BIN|$bin|g; s|\$DB|$db|g")
      if ! seal_cpu $which "$p" "$c"; then
        row "seals+digest: $1" "$size" "-" "fail ($which)" "-" "-" "not measured" ""
        sed 's/^/    /' "$work/seal.err" | tail -n 3 >&2; rm -rf "$work"/seal-on "$work"/seal-off
        return
      fi
    done
    i=$((i + 1))
  done
  rm -rf "$work"/seal-on "$work"/seal-off
  on=$(median <"$work/seal.on"); off=$(median <"$work/seal.off")
  row "seals+digest: $1" "$size" "-" "CPU $(ms "$on")" "unsealed build CPU $(ms "$off")" \
    "$(ratio "$on" "$off")" "info ($(awk -v a="$on" -v b="$off" 'BEGIN {printf "%+.1f ms", (a - b) * 1000}'))" "$on"
}

bench_seal() {
  nomutasi=$build/noseal/mutasi
  if [ ! -x "$nomutasi" ]; then
    row "seals+digest" "$size" "-" "-" "-" "-" "not measured: no $nomutasi (make BENCH_NOSEAL=1)" ""
    return
  fi
  was_today=$MUTASI_TODAY
  MUTASI_TODAY=$(printf '%s\n%s\n' "$(date -r "$dir/staff.csv" +%F)" "$was_today" | sort | tail -n 1)
  seal_pair "import staff" "rm -rf \$DB && cp -RL $dir/base \$DB" "env MUTASI_DB=\$DB \$BIN import staff $dir/staff.csv"
  seal_prepare
  if [ -z "$seal_id" ] || [ -z "$seal_move" ]; then
    row "seals+digest: plan actions" "$size" "-" "-" "-" "-" "not measured: no plan or no move to add" ""
    return
  fi
  as="env MUTASI_CONFIG=$work/sealcfg MUTASI_USER=ani MUTASI_DB=\$DB \$BIN"
  seal_pair "plan add (1 move)" "rm -rf \$DB && cp -RL $work/sealdb \$DB" "$as plan add $seal_id $seal_move"
  seal_pair "plan suggest (50 moves)" "rm -rf \$DB && cp -RL $work/sealdb \$DB" "$as plan suggest $seal_id --max-moves 50"
  note "$size: seals+digest: the same source built with make BENCH_NOSEAL=1 as the reference, interleaved, a fresh copy each run; plan add $seal_id $seal_move; today $MUTASI_TODAY"
  rm -rf "$work/sealdb"
  MUTASI_TODAY=$was_today
}
