#!/bin/sh
# `mutasi VERB --help` describes each verb of `mutasi --help` beyond its
# one-line summary: arguments, every option of its synopsis, and an
# example, in English and in Indonesian.
set -u
. "$TOP/tests/e2e/lib.sh"
verbs=$("$MUTASI" --help | awk '/^  [a-z]/ { print $1 }' | sort -u)
[ "$(echo "$verbs" | wc -l)" -ge 10 ] || fail "mutasi --help lists too few verbs: $verbs"
for lang in en id; do
  case $lang in en) word=Example: ;; id) word=Contoh: ;; esac
  for v in $verbs; do
    LANGUAGE=$lang "$MUTASI" "$v" --help >"$TMPD/help" 2>"$TMPD/err" ||
      fail "$v --help ($lang) exited $?: $(cat "$TMPD/err")"
    grep -q "^$word" "$TMPD/help" || fail "$v --help ($lang) has no '$word' section"
    grep -A3 "^$word" "$TMPD/help" | grep -q "mutasi.* $v\b" ||
      fail "$v --help ($lang): the example does not run $v"
    # Every option of the synopsis is explained below it.
    for opt in $(head -n 1 "$TMPD/help" | grep -o -- '--[a-z-]*' | sort -u); do
      [ "$(grep -c -- "$opt" "$TMPD/help")" -ge 2 ] ||
        fail "$v --help ($lang) does not explain $opt"
    done
    [ "$(wc -l <"$TMPD/help")" -ge 8 ] || fail "$v --help ($lang) is only its summary"
  done
done
echo "verb help: $(echo "$verbs" | wc -l) verbs, en and id"
