#!/bin/sh
# Short crash test (make test): 20 SIGKILLs at random moments of imports,
# demo fills and plan applies; after each the database opens, its indexes
# agree with its records, the counts are all-or-nothing and the audit chain
# verifies.
# The long form is `make crashtest` (200 kills). CRASH_SEED repeats a run.
. "$TOP/tests/e2e/env.sh"
checkdb=$(dirname "$MUTASI")/checkdb
kills=20 staff=8000
# under valgrind (make valgrind) every process is ~30x slower
[ -n "${MUTASI_UNDER_VALGRIND:-}" ] && kills=4 staff=300
CRASH_STAFF=${CRASH_STAFF:-$staff} sh "$TOP/tests/crash/crashtest.sh" "$MUTASI" "$checkdb" $kills ${CRASH_SEED:-}
rc=$?
[ $rc = 77 ] && exit 0     # skipped: the verbs or the store are not built yet (said above)
exit $rc
