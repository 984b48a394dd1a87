#!/bin/sh
# Bash completion (completion/mutasi.bash): the verbs of --help, a verb's
# words, plan ids from `plan list` (none for a user without a role), files
# for import. Driven through bash's COMP_WORDS without a terminal.
set -u
. "$TOP/tests/e2e/env.sh"
command -v bash >/dev/null || { echo "skipped: no bash"; exit 0; }
db="$TMPD/db"
"$MUTASI" --db "$db" init >/dev/null 2>&1 || { echo "FAIL: init"; exit 1; }
MUTASI_USER=ani "$MUTASI" --db "$db" plan new "Satu" >/dev/null &&
  MUTASI_USER=ani "$MUTASI" --db "$db" plan new "Dua" >/dev/null || { echo "FAIL: plan new"; exit 1; }
mkdir -p "$TMPD/files" && : >"$TMPD/files/staff.csv" && : >"$TMPD/files/notes.txt"

# complete WORDS...: the completions of the last word, one a line.
complete_words() {
  bash -c '. "$1/completion/mutasi.bash"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mutasi
    printf "%s\n" "${COMPREPLY[@]}"' sh "$TOP" "$@"
}
fail=0
expect() { # label, wanted (space separated), got
  got=$(printf '%s' "$3" | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$2" ] || { echo "FAIL $1: got \"$got\", wanted \"$2\""; fail=1; }
}

expect "verbs" "import" "$(complete_words "$MUTASI" imp)"
all=$(complete_words "$MUTASI" "" | tr '\n' ' ')
for v in init demo import export staff audit backup check policy workload plan inbox followup; do
  case " $all" in *" $v "*) ;; *) echo "FAIL verbs: $v missing from \"$all\""; fail=1 ;; esac
done
expect "plan words" "suggest submit" "$(complete_words "$MUTASI" plan su)"
expect "plan ids" "1 2" "$(complete_words "$MUTASI" --db "$db" plan show "")"
expect "export plan ids" "1 2" "$(complete_words "$MUTASI" --db "$db" export plan "")"
expect "followup plan ids" "1 2" "$(complete_words "$MUTASI" --db "$db" followup "")"
expect "plan object" "object" "$(complete_words "$MUTASI" plan ob)"
expect "no role, no ids" "" "$(MUTASI_USER=zaki complete_words "$MUTASI" --db "$db" plan show "")"
expect "import kinds" "staff" "$(complete_words "$MUTASI" import st)"
expect "import file" "$TMPD/files/staff.csv" "$(complete_words "$MUTASI" import staff "$TMPD/files/st")"
expect "format" "csv" "$(complete_words "$MUTASI" workload --format c)"
exit $fail
