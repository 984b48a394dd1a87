/* checkdb: the database checks of the crash and concurrency tests.
 *   checkdb DBDIR
 * Opens the database read-only (as any reader would after a crash: LMDB
 * needs no recovery), then prints on stdout one line
 *   units=N positions=N staff=N audit=N digest=HEX
 * where digest is a 64-bit FNV-1a over every staff record's fields in key
 * order (so that two states with the same counts but other contents
 * differ; it writes nothing, unlike an export, which is audited),
 * and checks that every index agrees with its records
 * (store_check_indexes) and that the audit chain verifies
 * (store_audit_verify). Exit 0 when all is well, 1 when a check failed
 * (the reason on stderr), 2 when the database does not open. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "store/store.h"

static int count_audit(const struct audit_entry *e, void *ctx)
{
    (void)e;
    ++*(size_t *)ctx;
    return 0;
}

struct digest {
    uint64_t h;
};

static void digest_bytes(struct digest *d, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        d->h ^= b[i];
        d->h *= 1099511628211ULL;
    }
}

static int digest_staff(const struct staff *s, void *ctx)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%s|%s|%d|%ld|%d|%d|%s|%s|%ld|%ld|%d|%s|%s|%d|%d|%ld|%d|%s|%d|%d\n",
                     s->nip, s->name, s->sex, (long)s->birth_date, s->status, s->rank,
                     s->position, s->unit, (long)s->post_since, (long)s->pns_since,
                     s->education, s->major, s->job_family, s->nskp, s->discipline,
                     (long)s->discipline_until, s->leave, s->home_district, s->ncomp,
                     s->nskp ? s->skp[s->nskp - 1].predikat : 0);
    digest_bytes(ctx, buf, n > 0 && (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
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
    struct digest d = {14695981039346656037ULL};
    store_each_staff(t, NULL, digest_staff, &d);
    printf("units=%zu positions=%zu staff=%zu audit=%zu digest=%016llx\n", store_count_units(t),
           store_count_positions(t), store_count_staff(t), naudit, (unsigned long long)d.h);

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
