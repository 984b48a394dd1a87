/* checkdb: the database checks of the crash and concurrency tests.
 *   checkdb DBDIR
 * Opens the database read-only (as any reader would after a crash: LMDB
 * needs no recovery), then prints on stdout one line
 *   units=N positions=N staff=N audit=N
 * and checks that every index agrees with its records
 * (store_check_indexes) and that the audit chain verifies
 * (store_audit_verify). Exit 0 when all is well, 1 when a check failed
 * (the reason on stderr), 2 when the database does not open. */
#include <stdio.h>
#include <string.h>
#include "store/store.h"

static int count_audit(const struct audit_entry *e, void *ctx)
{
    (void)e;
    ++*(size_t *)ctx;
    return 0;
}

int main(int argc, char **argv)
{
    char err[512] = "";
    if (argc != 2) {
        fprintf(stderr, "usage: checkdb DBDIR\n");
        return 2;
    }
    store *s = store_open(argv[1], STORE_READONLY, err, sizeof err);
    if (!s) {
        fprintf(stderr, "checkdb: %s does not open: %s\n", argv[1], err);
        return 2;
    }
    stxn *t = store_read_begin(s);
    if (!t) {
        fprintf(stderr, "checkdb: no read transaction: %s\n", store_errmsg(s));
        store_close(s);
        return 2;
    }
    int bad = 0;
    size_t naudit = 0;
    store_each_audit(t, false, count_audit, &naudit);
    printf("units=%zu positions=%zu staff=%zu audit=%zu\n", store_count_units(t),
           store_count_positions(t), store_count_staff(t), naudit);

    char why[512] = "";
    int problems = store_check_indexes(t, why, sizeof why);
    if (problems) {
        fprintf(stderr, "checkdb: %d index problem(s), first: %s\n", problems, why);
        bad = 1;
    }
    const char *broken = "";
    uint64_t seq = store_audit_verify(t, &broken);
    if (seq) {
        fprintf(stderr, "checkdb: audit chain broken at entry %llu: %s\n",
                (unsigned long long)seq, broken ? broken : "");
        bad = 1;
    }
    store_read_end(t);
    store_close(s);
    return bad;
}
