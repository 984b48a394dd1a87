#!/bin/sh
# mutasi policy check: the shipped configuration is valid and summarised;
# a broken one is refused with every error at file:line:col.
set -u
fail=0
check() { # description, expected, actual
  if [ "$2" != "$3" ]; then
    printf 'FAIL %s\n--- expected\n%s\n--- got\n%s\n' "$1" "$2" "$3"
    fail=1
  fi
}
has_line() { # description, line, file
  grep -qxF -- "$2" "$3" || { printf 'FAIL %s: no line "%s" in\n' "$1" "$2"; cat "$3"; fail=1; }
}
export XDG_CONFIG_HOME="$TMPD/xdg"      # keep the tester's own ui.yaml out
unset MUTASI_USER
# The shipped configuration, not the tests' (tests/e2e/env.sh); policy
# check needs no role, so the Unix user (not in users.yaml) runs it.
export MUTASI_CONFIG="$TOP/config"

# The shipped defaults ($MUTASI_CONFIG): exit 0 and the policy in force.
"$MUTASI" policy check >"$TMPD/out" 2>"$TMPD/err"
check "exit status of a good configuration" 0 $?
check "nothing on stderr" "" "$(cat "$TMPD/err")"
for line in \
  "workload: 75000 minutes of effective time a year (1250 hours), rounding half-up" \
  "EJ grades: A above 1.00, B 0.90 - 1.00, C 0.70 - 0.89, D 0.50 - 0.69, E below 0.50" \
  "retirement age (BUP): jpt 60, administrasi 58, ahli pertama 58, ahli muda 58, ahli madya 60, ahli utama 65, keterampilan 58" \
  "rule tenure: block; at least 24 months in post; rotation candidate after 60 months" \
  "rule performance: block; SKP at least baik in each of the last 2 years" \
  "rule fit: block; competency gaps: warn" \
  "workflow: 9 states, 9 steps" \
  "step verify: SUBMITTED -> VERIFIED, by verifier, may strike single moves" \
  "step apply: SK_ISSUED -> EFFECTIVE, by admin, takes effect on the TMT" \
  "step return: SUBMITTED, VERIFIED, REVIEWED -> DRAFT, by verifier, reviewer, approver, with a reason" \
  "users: 5, MUTASI_USER trusted: no"
do has_line "summary" "$line" "$TMPD/out"; done

# DIR given; the demo set trusts MUTASI_USER.
"$MUTASI" policy check "$TOP/config/demo" >"$TMPD/out" 2>&1
check "exit status of config/demo" 0 $?
has_line "demo summary" "users: 5, MUTASI_USER trusted: yes" "$TMPD/out"

# A broken directory: exit 1, every error, in file order.
cp -r "$TOP/tests/fixtures/config/bad" "$TMPD/bad"
cd "$TMPD" || exit 1
"$MUTASI" policy check bad >"$TMPD/out" 2>"$TMPD/err"
check "exit status of a broken configuration" 1 $?
check "nothing on stdout" "" "$(cat "$TMPD/out")"
check "errors" 'bad/policy.yaml:3:22: workload.effective_minutes must be a number from 60 to 527040, got "1250 hours"
bad/policy.yaml:7:68: duplicate key "ahli_madya" (first at line 7)
bad/policy.yaml:8:20: status.severity must be one of block, warn or off, got "yes"
bad/policy.yaml:10:3: tenure.rotation_months is missing (a number from 0 to 480)
bad/policy.yaml:11:15: tenure.min_months must be a number from 0 to 480, got "two"
bad/policy.yaml:12:3: unknown key "rotation_month" in tenure; did you mean "rotation_months"?
bad/workflow.yaml:4:31: steps.submit.to: unknown state "SUBMITED"; did you mean "SUBMITTED"?
bad/workflow.yaml:5:50: steps.approve.roles: unknown role "boss" (roles are operator, verifier, reviewer, approver or admin)
bad/users.yaml:1:17: trust_env_user must be true or false, got "yes"
bad/users.yaml:4:3: duplicate key "ani" (first at line 3)
bad/ui.yaml:1:11: language must be one of id, en or auto, got "fr"
mutasi: 11 errors in the configuration' "$(cat "$TMPD/err")"

# A missing file is named.
mkdir "$TMPD/empty"
"$MUTASI" policy check empty >/dev/null 2>"$TMPD/err"
check "exit status of an empty directory" 1 $?
has_line "missing file" "empty/policy.yaml: cannot read: No such file or directory" "$TMPD/err"

# The user's own ui.yaml is part of what is in force.
mkdir -p "$XDG_CONFIG_HOME/mutasi"
printf 'color: no\n' >"$XDG_CONFIG_HOME/mutasi/ui.yaml"
"$MUTASI" policy check "$TOP/config" >/dev/null 2>"$TMPD/err"
check "exit status with a broken user ui.yaml" 1 $?
check "user ui.yaml error" "$XDG_CONFIG_HOME/mutasi/ui.yaml:1:8: color must be true or false, got \"no\"
mutasi: 1 error in the configuration" "$(cat "$TMPD/err")"
printf 'language: en\ncolor: false\n' >"$XDG_CONFIG_HOME/mutasi/ui.yaml"
"$MUTASI" policy check "$TOP/config" >"$TMPD/out" 2>&1
has_line "user ui.yaml over the site's" "ui: language en, colour off, 0 key bindings" "$TMPD/out"

# Usage.
"$MUTASI" policy >/dev/null 2>&1
check "policy without check" 2 $?
"$MUTASI" policy check a b >/dev/null 2>&1
check "too many arguments" 2 $?
"$MUTASI" policy --help >"$TMPD/out"
check "policy --help" 0 $?
has_line "help" "usage: mutasi policy check [DIR]" "$TMPD/out"

# users.yaml is read for database: -- a broken one stops other verbs,
# but not --version, nor a verb when --db makes it unnecessary.
"$MUTASI" --config bad no-such-verb >/dev/null 2>"$TMPD/err"
check "broken users.yaml stops a verb" 1 $?
has_line "users.yaml error shown" 'bad/users.yaml:1:17: trust_env_user must be true or false, got "yes"' "$TMPD/err"
"$MUTASI" --config bad --version >/dev/null 2>&1
check "--version despite a broken users.yaml" 0 $?
"$MUTASI" --config bad --db "$TMPD/db" no-such-verb >/dev/null 2>&1
check "--db skips users.yaml" 2 $?
exit $fail
