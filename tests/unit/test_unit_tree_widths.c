/* The widths of the text table by unit, counted beside the unit tree
 * (store.h, store_unit_tree_widths; store/unit_tree_widths.c): they follow
 * single changes both ways (a width given back when a figure shrinks), a
 * subtree moved deeper and back, a unit removed and added (a rebuild); the
 * check notices a wrong record; databases of schema 13 get it when they
 * are upgraded. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/codec.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

static int put_unit(stxn *t, const char *code, const char *parent, const char *name)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    snprintf(u.code, sizeof u.code, "%s", code);
    snprintf(u.name, sizeof u.name, "%s", name);
    snprintf(u.parent, sizeof u.parent, "%s", parent);
    snprintf(u.district, sizeof u.district, "D");
    return store_put_unit(t, &u);
}

static int put_position(stxn *t, const char *code, const char *unit_code, int64_t minutes,
                        int32_t need)
{
    struct position p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", code);
    snprintf(p.unit, sizeof p.unit, "%s", unit_code);
    snprintf(p.job_family, sizeof p.job_family, "umum");
    p.workload_minutes = minutes;
    p.need = need;
    return store_put_position(t, &p);
}

/* A: B (B1), C; P1 (100 minutes, need 1) in B1 with one holder, P2 (100,
 * need 2) in C, P3 (100, need 4) in A. */
static int region(stxn *t, void *ctx)
{
    struct staff s;
    (void)ctx;
    assert_int_equal(put_unit(t, "A", "", "NA"), STORE_OK);
    assert_int_equal(put_unit(t, "B", "A", "NB"), STORE_OK);
    assert_int_equal(put_unit(t, "B1", "B", "NB1"), STORE_OK);
    assert_int_equal(put_unit(t, "C", "A", ""), STORE_OK);
    assert_int_equal(put_position(t, "P1", "B1", 100, 1), STORE_OK);
    assert_int_equal(put_position(t, "P2", "C", 100, 2), STORE_OK);
    assert_int_equal(put_position(t, "P3", "A", 100, 4), STORE_OK);
    dbfx_person(&s, "198001012000011001", "P1");
    return store_put_staff(t, &s);
}

struct got {
    int rc, problems;
    struct store_tree_widths w;
    char why[256];
};

static void widths(store *s, struct got *g)
{
    int64_t eff;
    int rounding;
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    memset(g, 0, sizeof *g);
    assert_int_equal(store_wl_params_get(t, &eff, &rounding), STORE_OK);
    g->rc = store_unit_tree_widths(t, eff, &g->w);
    g->problems = store_check_indexes(t, g->why, sizeof g->why);
    if (g->rc == STORE_OK)
        assert_int_equal(store_unit_tree_widths(t, eff + 1, &g->w), STORE_NOTFOUND);
    g->rc = store_unit_tree_widths(t, eff, &g->w);
    store_read_end(t);
}

static int huge_position(stxn *t, void *ctx)
{
    (void)ctx;
    return put_position(t, "P9", "B1", 123456789, 1);
}

static int small_again(stxn *t, void *ctx)
{
    (void)ctx;
    return store_del_position(t, "P9");
}

static int b_under_c(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "B", "C", "NB");
}

static int b_back(stxn *t, void *ctx)
{
    (void)ctx;
    return put_unit(t, "B", "A", "NB");
}

static int drop_a(stxn *t, void *ctx)
{
    (void)ctx;
    return store_del_unit(t, "A");
}

static int setup(void **state)
{
    *state = dbfx_new("treewidths");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void the_widths_follow_single_changes_and_moves(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct got g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.rc, STORE_OK);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 2 * 2 + 2);        /* B1 at depth 2 */
    assert_int_equal(g.w.figure[0], 3);          /* A's 300 minutes */
    assert_int_equal(g.w.figure[1], 1);          /* A's need 7 */
    assert_int_equal(g.w.figure[2], 1);
    assert_int_equal(g.w.figure[3], 2);          /* A's gap -6 */
    assert_int_equal(g.w.ej, 4);                 /* B's and B1's d.dd; A's too */
    assert_true(g.w.named);
    assert_int_equal(g.w.total.workload_minutes, 300);
    assert_int_equal(g.w.total.need, 7);
    assert_int_equal(g.w.total.existing, 1);

    assert_int_equal(store_write(s, huge_position, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.figure[0], 9);          /* 123456789 + 300 */
    assert_int_equal(g.w.figure[3], 2);          /* A's gap -7 */
    assert_true(g.w.ej > 4);                     /* B1's EJ in the thousands */
    assert_int_equal(g.w.total.workload_minutes, 123456789 + 300);
    assert_int_equal(store_write(s, small_again, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.figure[0], 3);          /* given back */
    assert_int_equal(g.w.ej, 4);
    assert_int_equal(g.w.total.workload_minutes, 300);

    assert_int_equal(store_write(s, b_under_c, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 2 * 3 + 2);        /* B1 one level deeper */
    assert_int_equal(store_write(s, b_back, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 2 * 2 + 2);

    assert_int_equal(store_write(s, drop_a, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 2 * 1 + 2);        /* B a root, B1 under it */
    assert_int_equal(g.w.total.workload_minutes, 200);   /* B's and C's */
}

static void no_units_no_widths_but_a_record(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct got g;
    widths(s, &g);
    assert_int_equal(g.rc, STORE_OK);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 0);
    assert_int_equal(g.w.ej, 0);
    assert_false(g.w.named);
}

static int tamper(stxn *t, void *ctx)
{
    unsigned char v[16] = {0};
    (void)ctx;
    return store_test_raw_put(t, "meta", "unit_tree_widths", 16, v, sizeof v);
}

static void the_check_notices_a_wrong_record(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct got g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, tamper, NULL), STORE_OK);
    widths(s, &g);
    assert_int_equal(g.rc, STORE_NOTFOUND);      /* unreadable: not used */
    assert_int_equal(g.problems, 1);
    assert_non_null(strstr(g.why, "widths"));
}

/* Schema 13 had no widths record. */
static int make_schema_13(stxn *t, void *ctx)
{
    unsigned char v[4];
    (void)ctx;
    if (store_test_raw_del(t, "meta", "unit_tree_widths", 16, NULL, 0) != STORE_OK)
        return STORE_ERROR;
    codec_be32(v, 13);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_upgrade_from_schema_13_counts_them(void **state)
{
    struct dbfx *fx = *state;
    struct got g;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_13, NULL), STORE_OK);
    widths(fx->s, &g);
    assert_int_equal(g.rc, STORE_NOTFOUND);
    assert_true(g.problems > 0);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 13);
    widths(fx->s, &g);
    assert_int_equal(g.rc, STORE_OK);
    assert_int_equal(g.problems, 0);
    assert_int_equal(g.w.key, 2 * 2 + 2);
    assert_int_equal(g.w.total.workload_minutes, 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_widths_follow_single_changes_and_moves, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(no_units_no_widths_but_a_record, setup, teardown),
        cmocka_unit_test_setup_teardown(the_check_notices_a_wrong_record, setup, teardown),
        cmocka_unit_test_setup_teardown(the_upgrade_from_schema_13_counts_them, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
