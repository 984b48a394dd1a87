# Checks of a verb's exit status and output (POSIX sh; sourced by t_*.sh).
# Each failure prints what was wanted and what came, and sets fail=1 so
# that the script goes on and reports every failure before it exits.

expect_rc() { # want, label, command...
  want=$1 label=$2; shift 2
  "$@" >"$TMPD/out" 2>"$TMPD/err"; rc=$?
  if [ "$rc" != "$want" ]; then
    echo "FAIL $label: exit $rc, wanted $want"; sed 's/^/  out: /' "$TMPD/out"
    sed 's/^/  err: /' "$TMPD/err"; fail=1
  fi
}
expect_out() { # label, file with the wanted output
  if ! cmp -s "$2" "$TMPD/out"; then
    echo "FAIL $1: output differs"; diff "$2" "$TMPD/out" | sed 's/^/  /'; fail=1
  fi
}
expect_grep() { # label, file, fixed text
  if ! grep -qF -- "$3" "$2"; then
    echo "FAIL $1: $(basename "$2") lacks \"$3\""; sed 's/^/  : /' "$2"; fail=1
  fi
}
expect_no() { # label, file, fixed text
  if grep -qF -- "$3" "$2"; then echo "FAIL $1: $(basename "$2") has \"$3\""; fail=1; fi
}
