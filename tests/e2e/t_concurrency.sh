#!/bin/sh
# Short concurrency test (make test): 3 readers and 2 writers on one
# database for 5 seconds; no reader error, every write done or refused
# with a message, no lost update, the database checks afterwards.
# The long form is `make concurrency`.
. "$TOP/tests/e2e/env.sh"
checkdb=$(dirname "$MUTASI")/checkdb
staff=2000
# under valgrind (make valgrind) every process is ~30x slower
[ -n "${MUTASI_UNDER_VALGRIND:-}" ] && staff=300
CONC_STAFF=${CONC_STAFF:-$staff} sh "$TOP/tests/concurrency/concurrency.sh" "$MUTASI" "$checkdb" 5 3 2
rc=$?
[ $rc = 77 ] && exit 0     # skipped: the verbs or the store are not built yet (said above)
exit $rc
