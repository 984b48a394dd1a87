/* The running data digest (store/digest.c) against the digest recomputed
 * from the data, after every kind of write: single puts, a record put
 * again unchanged (which must leave the sum as it was), changes,
 * deletes, history lines, batches and a bulk load. Each write ends with
 * an audit entry, which carries the running sums; store_audit_check_data
 * recomputes them from the records. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "dbfixture.h"

static int setup(void **state)
{
    *state = dbfx_new("digest");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void person(struct staff *s, int i)
{
    char nip[NIP_LEN + 1];
    snprintf(nip, sizeof nip, "19800101%010d", i);
    dbfx_person(s, nip, i % 2 ? "P1" : "P2");
}

/* The newest audit entry's digests, and whether the data matches them. */
static void newest_digest(store *s, struct audit_digest out[AUDIT_DIGEST_MAX], int *n)
{
    struct audit_digest now[AUDIT_DIGEST_MAX];
    char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME];
    int ndiffer = -1, nnow = 0;
    uint64_t seq;
    bool has;
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_audit_check_data(t, &seq, &has, differ, &ndiffer), STORE_OK);
    assert_true(has);
    if (ndiffer != 0)
        fail_msg("the running digest of %s differs from the data", differ[0]);
    assert_int_equal(store_data_digest(t, now, &nnow), STORE_OK);
    store_read_end(t);
    memcpy(out, now, sizeof now);
    *n = nnow;
}

enum step { PUT_SIX, PUT_AGAIN, CHANGE_ONE, DELETE_ONE, HISTORY, BATCH, BATCH_AGAIN };

static int write_step(stxn *t, void *ctx)
{
    enum step step = *(const enum step *)ctx;
    struct staff s, a[4];
    struct history h;
    switch (step) {
    case PUT_SIX:
    case PUT_AGAIN:
        for (int i = 0; i < 6; i++) {
            person(&s, i);
            if (store_put_staff(t, &s) != STORE_OK)
                return STORE_ERROR;
        }
        break;
    case CHANGE_ONE:
        person(&s, 2);
        snprintf(s.name, sizeof s.name, "%s", "Changed Name");
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
        break;
    case DELETE_ONE:
        if (store_del_staff(t, "198001010000000004") != STORE_OK)
            return STORE_ERROR;
        break;
    case HISTORY:
        memset(&h, 0, sizeof h);
        memcpy(h.nip, "198001010000000001", NIP_LEN + 1);
        snprintf(h.position, sizeof h.position, "%s", "P1");
        snprintf(h.unit, sizeof h.unit, "%s", "U1");
        h.since = 20000;
        if (store_add_history(t, &h) != STORE_OK || store_add_history(t, &h) != STORE_OK)
            return STORE_ERROR;
        break;
    case BATCH:
    case BATCH_AGAIN:
        /* two people replaced (one of them changed), two new */
        for (int i = 0; i < 4; i++)
            person(&a[i], i + 3);
        snprintf(a[0].name, sizeof a[0].name, "%s", "Batch Changed");
        if (store_put_staff_batch(t, a, 4) != STORE_OK)
            return STORE_ERROR;
        break;
    }
    return store_audit_append(t, "test", "step", "staff", "", "");
}

static void step(store *s, enum step st, struct audit_digest d[AUDIT_DIGEST_MAX], int *n)
{
    assert_int_equal(store_write(s, write_step, &st), STORE_OK);
    newest_digest(s, d, n);
}

static bool same_digests(const struct audit_digest *a, int na, const struct audit_digest *b,
                         int nb)
{
    return na == nb && memcmp(a, b, (size_t)na * sizeof *a) == 0;
}

static void running_digest_follows_every_write(void **state)
{
    struct dbfx *fx = *state;
    struct audit_digest d1[AUDIT_DIGEST_MAX], d2[AUDIT_DIGEST_MAX];
    int n1, n2;
    step(fx->s, PUT_SIX, d1, &n1);
    step(fx->s, PUT_AGAIN, d2, &n2);
    assert_true(same_digests(d1, n1, d2, n2));     /* unchanged: the same sums */
    step(fx->s, CHANGE_ONE, d2, &n2);
    assert_false(same_digests(d1, n1, d2, n2));
    step(fx->s, DELETE_ONE, d1, &n1);
    step(fx->s, HISTORY, d1, &n1);
    step(fx->s, BATCH, d1, &n1);
    step(fx->s, BATCH_AGAIN, d2, &n2);
    assert_true(same_digests(d1, n1, d2, n2));
}

static int bulk_fifty(stxn *t, void *ctx)
{
    store_bulk *b = NULL;
    (void)ctx;
    if (store_bulk_begin(t, 50, &b) != STORE_OK)
        return STORE_ERROR;
    int r = STORE_OK;
    for (int i = 0; i < 50 && r == STORE_OK; i++) {
        struct staff s;
        struct history h;
        person(&s, i);
        memset(&h, 0, sizeof h);
        memcpy(h.nip, s.nip, sizeof h.nip);
        snprintf(h.position, sizeof h.position, "%s", s.position);
        snprintf(h.unit, sizeof h.unit, "%s", s.unit);
        h.since = 15000 + i;
        r = store_bulk_add(b, &s, &h);
    }
    if (r == STORE_OK)
        r = store_bulk_finish(b);   /* frees b */
    else
        store_bulk_free(b);
    return r == STORE_OK ? store_audit_append(t, "test", "bulk", "staff", "", "") : r;
}

static void bulk_load_keeps_the_digest(void **state)
{
    struct dbfx *fx = *state;
    struct audit_digest d[AUDIT_DIGEST_MAX];
    int n;
    assert_int_equal(store_write(fx->s, bulk_fifty, NULL), STORE_OK);
    newest_digest(fx->s, d, &n);
    step(fx->s, BATCH, d, &n);      /* replacing bulk-loaded records */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(running_digest_follows_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_load_keeps_the_digest, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
