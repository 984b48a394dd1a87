/* The bulk load of units and positions into an empty table (store.h,
 * store_load_begin): the same database as store_put_unit and
 * store_put_position one by one (records, data digest, workload
 * aggregates), and refusals that write nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "dbfixture.h"

#define NPOS 40

static void unit(struct unit *u, const char *code)
{
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    snprintf(u->name, sizeof u->name, "Unit %s", code);
    u->kind = UKIND_BIDANG;
}

/* Position i: units U1..U3 and two families, so that the runs of one
 * unit and family are broken now and then. */
static void position(struct position *p, int i)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "P%03d", i);
    snprintf(p->unit, sizeof p->unit, "U%d", 1 + i / 15);
    snprintf(p->job_family, sizeof p->job_family, "%s", i % 7 == 3 ? "kesehatan" : "umum");
    snprintf(p->name, sizeof p->name, "Position %d", i);
    p->workload_minutes = 20000 + 3001 * i;
    p->need = i % 11 == 0 ? 2 : NEED_FROM_ABK;
}

/* How the test transaction writes: one by one, or through the load. */
struct how {
    bool bulk;
    bool staff_first;           /* holders (and one orphan) before the positions */
};

static int fill(stxn *t, void *ctx)
{
    const struct how *h = ctx;
    struct unit u;
    struct position p;
    struct staff s;
    if (h->staff_first) {
        dbfx_person(&s, "198001012005011001", "P004");
        assert_int_equal(store_put_staff(t, &s), STORE_OK);
        dbfx_person(&s, "198001012005011002", "NOWHERE");
        assert_int_equal(store_put_staff(t, &s), STORE_OK);
    }
    if (!h->bulk) {
        for (int i = 1; i <= 3; i++) {
            char code[16];
            snprintf(code, sizeof code, "U%d", i);
            unit(&u, code);
            assert_int_equal(store_put_unit(t, &u), STORE_OK);
        }
        for (int i = 0; i < NPOS; i++) {
            position(&p, i);
            assert_int_equal(store_put_position(t, &p), STORE_OK);
        }
    } else {
        store_load *l;
        assert_int_equal(store_load_begin(t, STORE_LOAD_UNITS, &l), STORE_OK);
        for (int i = 1; i <= 3; i++) {
            char code[16];
            snprintf(code, sizeof code, "U%d", i);
            unit(&u, code);
            assert_int_equal(store_load_unit(l, &u), STORE_OK);
        }
        assert_int_equal(store_load_finish(l), STORE_OK);
        assert_int_equal(store_load_begin(t, STORE_LOAD_POSITIONS, &l), STORE_OK);
        for (int i = 0; i < NPOS; i++) {
            position(&p, i);
            assert_int_equal(store_load_position(l, &p), STORE_OK);
        }
        assert_int_equal(store_load_finish(l), STORE_OK);
    }
    return store_audit_append(t, "test", "fill", "all", "", "");
}

struct agg_list {
    char text[4096];
    size_t len;
};

static int take(const char *unit_code, const char *family, const struct wl_row *r,
                uint64_t npos, void *ctx)
{
    struct agg_list *a = ctx;
    a->len += (size_t)snprintf(a->text + a->len, sizeof a->text - a->len,
                               "%s/%s %lld %lld %lld %llu\n", unit_code, family,
                               (long long)r->workload_minutes, (long long)r->need,
                               (long long)r->existing, (unsigned long long)npos);
    assert_true(a->len < sizeof a->text);
    return 0;
}

/* What a database holds, as text: aggregates, orphans, digest; and that
 * every check passes. */
static void describe(store *s, struct agg_list *a, struct audit_digest dg[AUDIT_DIGEST_MAX],
                     int *ndg)
{
    char why[256], differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME];
    uint64_t seq;
    bool has;
    int ndiffer;
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 0);
    assert_int_equal(store_audit_check_data(t, &seq, &has, differ, &ndiffer), STORE_OK);
    assert_true(has);
    assert_int_equal(ndiffer, 0);
    a->len = 0;
    assert_int_equal(store_each_wl_aggregate(t, take, a), 0);
    a->len += (size_t)snprintf(a->text + a->len, sizeof a->text - a->len, "orphans %lld\n",
                               (long long)store_wl_orphan_staff(t));
    assert_int_equal(store_data_digest(t, dg, ndg), STORE_OK);
    assert_int_equal(store_count_positions(t), NPOS);
    store_read_end(t);
}

static void same_as(bool staff_first)
{
    struct agg_list a[2];
    struct audit_digest dg[2][AUDIT_DIGEST_MAX];
    int ndg[2];
    for (int bulk = 0; bulk < 2; bulk++) {
        struct dbfx *fx = dbfx_new("load");
        struct how h = {bulk == 1, staff_first};
        int rc = store_write(fx->s, fill, &h);
        if (rc != STORE_OK)
            fail_msg("fill: %s", store_errmsg(fx->s));
        describe(fx->s, &a[bulk], dg[bulk], &ndg[bulk]);
        dbfx_free(fx);
    }
    assert_string_equal(a[0].text, a[1].text);
    assert_int_equal(ndg[0], ndg[1]);
    assert_memory_equal(dg[0], dg[1], (size_t)ndg[0] * sizeof dg[0][0]);
}

static void same_database_as_the_puts(void **state)
{
    (void)state;
    same_as(false);
}

static void holders_already_there_are_counted(void **state)
{
    (void)state;
    same_as(true);
}

/* The refusals: a code out of order, a table that is not empty. */
static int misuse(stxn *t, void *ctx)
{
    store *s = ctx;
    store_load *l;
    struct position p;
    assert_int_equal(store_load_begin(t, STORE_LOAD_POSITIONS, &l), STORE_OK);
    position(&p, 5);
    assert_int_equal(store_load_position(l, &p), STORE_OK);
    position(&p, 5);                /* the same code again */
    assert_int_equal(store_load_position(l, &p), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(s), "ascending"));
    position(&p, 2);                /* an earlier one */
    assert_int_equal(store_load_position(l, &p), STORE_ERROR);
    assert_int_equal(store_load_finish(l), STORE_OK);
    assert_int_equal(store_load_begin(t, STORE_LOAD_POSITIONS, &l), STORE_ERROR);
    assert_null(l);
    return STORE_OK;
}

static int setup(void **state)
{
    *state = dbfx_new("load");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void refuses_disorder_and_a_filled_table(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    assert_int_equal(store_write(s, misuse, s), STORE_OK);
    stxn *t = store_read_begin(s);
    assert_int_equal(store_count_positions(t), 1);
    store_read_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_database_as_the_puts),
        cmocka_unit_test(holders_already_there_are_counted),
        cmocka_unit_test_setup_teardown(refuses_disorder_and_a_filled_table, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
