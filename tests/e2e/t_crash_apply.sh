#!/bin/sh
# Short crash test of `plan apply` (make test; issue 11): 8 SIGKILLs at
# random moments of applying a plan of a few hundred moves; after each the
# database opens, its indexes agree with its records, nobody or everybody
# moved (the staff digest and the counts are those before or after the
# apply) and the audit chain verifies. `make crashtest` kills applies among
# its 200 too. CRASH_SEED repeats a run.
. "$TOP/tests/e2e/env.sh"
checkdb=$(dirname "$MUTASI")/checkdb
kills=8 staff=3000
[ -n "${MUTASI_UNDER_VALGRIND:-}" ] && kills=3 staff=300
CRASH_ACTIONS=plan-apply CRASH_STAFF=${CRASH_STAFF:-$staff} \
  sh "$TOP/tests/crash/crashtest.sh" "$MUTASI" "$checkdb" $kills ${CRASH_SEED:-}
rc=$?
[ $rc = 77 ] && exit 0     # skipped: the verbs or the store are not built yet (said above)
exit $rc
