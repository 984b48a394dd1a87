/* The stored workload aggregates (store.h) follow every change of
 * positions and staff (put, delete, batch, bulk load), equal a recount
 * (store_wl_check) and hold the figures a full roll-up computes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/policy.h"
#include "store/store.h"
#include "dbfixture.h"

struct own {
    char unit[CODE_SIZE], family[FAMILY_SIZE];
    struct wl_row r;
    uint64_t npos;
};

struct owns {
    struct own o[16];
    int n;
};

static int take(const char *unit, const char *family, const struct wl_row *r, uint64_t npos,
                void *ctx)
{
    struct owns *w = ctx;
    assert_true(w->n < 16);
    struct own *o = &w->o[w->n++];
    snprintf(o->unit, sizeof o->unit, "%s", unit);
    snprintf(o->family, sizeof o->family, "%s", family);
    o->r = *r;
    o->npos = npos;
    return 0;
}

static void position(struct position *p, const char *code, const char *unit,
                     const char *family, int64_t minutes, int32_t need)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit);
    snprintf(p->job_family, sizeof p->job_family, "%s", family);
    snprintf(p->name, sizeof p->name, "%s", code);
    p->workload_minutes = minutes;
    p->need = need;
}

static void person(struct staff *s, int i, const char *pos)
{
    memset(s, 0, sizeof *s);
    snprintf(s->nip, sizeof s->nip, "19800101%010d", i);
    snprintf(s->name, sizeof s->name, "Person %d", i);
    snprintf(s->unit, sizeof s->unit, "U1");
    snprintf(s->position, sizeof s->position, "%s", pos);
    s->discipline_until = MDATE_NONE;
}

/* The steps, one write transaction each. */
static int step;

static int change(stxn *t, void *ctx)
{
    (void)ctx;
    struct position p;
    struct staff s[4];
    switch (step) {
    case 0:             /* two positions of U1 (one family), one of U2 */
        position(&p, "P1", "U1", "umum", 150000, NEED_FROM_ABK);
        assert_int_equal(store_put_position(t, &p), STORE_OK);
        position(&p, "P2", "U1", "umum", 100000, NEED_FROM_ABK);
        assert_int_equal(store_put_position(t, &p), STORE_OK);
        position(&p, "P3", "U2", "kesehatan", 10, 5);
        assert_int_equal(store_put_position(t, &p), STORE_OK);
        return STORE_OK;
    case 1:             /* holders, one of them of a position nobody knows */
        person(&s[0], 1, "P1"), person(&s[1], 2, "P1"), person(&s[2], 3, "P3");
        person(&s[3], 4, "GONE");
        return store_put_staff_batch(t, s, 4);
    case 2:             /* a move, P2 changes unit, GONE appears, P3 goes */
        person(&s[0], 2, "P2");
        assert_int_equal(store_put_staff(t, &s[0]), STORE_OK);
        position(&p, "P2", "U2", "umum", 100000, NEED_FROM_ABK);
        assert_int_equal(store_put_position(t, &p), STORE_OK);
        position(&p, "GONE", "U1", "umum", 0, 0);
        assert_int_equal(store_put_position(t, &p), STORE_OK);
        assert_int_equal(store_del_position(t, "P3"), STORE_OK);
        return store_del_staff(t, "198001010000000001");
    default:            /* another rounding: recounted */
        return store_wl_params_set(t, 75000, ROUND_UP);
    }
}

static void read_back(store *s, struct owns *w, int64_t *orphans)
{
    char why[256];
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_wl_check(t, why, sizeof why), 0);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 0);
    w->n = 0;
    assert_int_equal(store_each_wl_aggregate(t, take, w), 0);
    *orphans = store_wl_orphan_staff(t);
    store_read_end(t);
}

static int setup(void **state)
{
    *state = dbfx_new("agg");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void follows_every_change(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct owns w;
    int64_t orphans;

    step = 0;
    assert_int_equal(store_write(s, change, NULL), STORE_OK);
    read_back(s, &w, &orphans);
    assert_int_equal(w.n, 2);
    assert_string_equal(w.o[0].unit, "U1");
    assert_int_equal(w.o[0].r.workload_minutes, 250000);
    assert_int_equal(w.o[0].r.need, 2 + 1);         /* 150000/75000, 100000/75000 half-up */
    assert_int_equal(w.o[0].npos, 2);
    assert_int_equal(w.o[1].r.need, 5);             /* the override */

    step = 1;
    assert_int_equal(store_write(s, change, NULL), STORE_OK);
    read_back(s, &w, &orphans);
    assert_int_equal(w.o[0].r.existing, 2);
    assert_int_equal(w.o[1].r.existing, 1);
    assert_int_equal(orphans, 1);

    step = 2;
    assert_int_equal(store_write(s, change, NULL), STORE_OK);
    read_back(s, &w, &orphans);
    assert_int_equal(orphans, 1);                   /* P3's holder: P3 is gone */
    assert_int_equal(w.n, 2);
    assert_string_equal(w.o[0].unit, "U1");         /* P1 (nobody now) and GONE (1) */
    assert_int_equal(w.o[0].r.existing, 1);
    assert_int_equal(w.o[0].npos, 2);
    assert_string_equal(w.o[1].unit, "U2");         /* P2 with its holder */
    assert_string_equal(w.o[1].family, "umum");
    assert_int_equal(w.o[1].r.existing, 1);
    assert_int_equal(w.o[1].r.need, 1);

    step = 3;
    int rc = store_write(s, change, NULL);
    if (rc != STORE_OK)
        fail_msg("rounding: %d %s", rc, store_errmsg(s));
    read_back(s, &w, &orphans);
    assert_int_equal(w.o[0].r.need, 2);             /* 150000/75000 up, 0 */
    assert_int_equal(w.o[1].r.need, 2);             /* 100000/75000 up */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(follows_every_change, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
