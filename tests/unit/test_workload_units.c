/* The table by unit read from the stored unit tree through ops
 * (ops_workload_units, ops/workload_units.c), as the Units screen reads it
 * lazily: the roots, a unit's children with has_children, the repeated
 * names; the tree refused for another rounding policy; and the problems
 * that need a count over a table counted only when asked. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "config/config.h"
#include "ops/ops.h"
#include "store/codec.h"
#include "dbfixture.h"

static void unit(stxn *t, const char *code, const char *parent, const char *name)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    snprintf(u.code, sizeof u.code, "%s", code);
    snprintf(u.name, sizeof u.name, "%s", name);
    snprintf(u.parent, sizeof u.parent, "%s", parent);
    snprintf(u.district, sizeof u.district, "D");
    assert_int_equal(store_put_unit(t, &u), STORE_OK);
}

static void position(stxn *t, const char *code, const char *unit_code)
{
    struct position p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", code);
    snprintf(p.unit, sizeof p.unit, "%s", unit_code);
    snprintf(p.job_family, sizeof p.job_family, "umum");
    p.workload_minutes = 100;
    p.need = 1;
    assert_int_equal(store_put_position(t, &p), STORE_OK);
}

/* A: B (B1 "Umum"), C ("Umum"); R a second root; a position in B1 and one
 * in a unit that does not exist. */
static int region(stxn *t, void *ctx)
{
    (void)ctx;
    unit(t, "A", "", "NA");
    unit(t, "B", "A", "NB");
    unit(t, "B1", "B", "Umum");
    unit(t, "C", "A", "Umum");
    unit(t, "R", "", "NR");
    position(t, "P1", "B1");
    position(t, "P2", "ZZ");
    return STORE_OK;
}

static int show(const struct store_tree_row *r, void *ctx)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s|", r->code, r->has_children ? "+" : "");
    return 0;
}

struct fx {
    struct dbfx *db;
    struct ops o;
    struct config cfg;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->db = dbfx_new("wlunits");
    assert_int_equal(store_write(f->db->s, region, NULL), STORE_OK);
    policy_defaults(&f->cfg.policy);
    f->o.cfg = &f->cfg;
    f->o.db = f->db->s;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    dbfx_free(f->db);
    free(f);
    return 0;
}

static void the_screen_reads_roots_and_children(void **state)
{
    struct fx *f = *state;
    struct ops_wl_units w;
    struct ops_err e;
    char roots[256] = "", kids[256] = "", leaf[256] = "";
    assert_int_equal(ops_workload_units_open(&f->o, &w, 0, &e), OPS_OK);
    assert_true(w.kept);
    assert_int_equal(ops_workload_units_children(&w, NULL, show, roots, &e), OPS_OK);
    assert_int_equal(ops_workload_units_children(&w, "A", show, kids, &e), OPS_OK);
    assert_int_equal(ops_workload_units_children(&w, "B1", show, leaf, &e), OPS_OK);
    assert_string_equal(roots, "A+|R|");
    assert_string_equal(kids, "B+|C|");
    assert_string_equal(leaf, "");
    assert_int_equal(ops_workload_units_children(&w, "NOPE", show, leaf, &e), OPS_REFUSED);
    uint64_t *rep;
    size_t nrep;
    assert_int_equal(ops_workload_units_repeats(&w, &rep, &nrep, &e), OPS_OK);
    assert_int_equal(nrep, 2);  /* B1 and C share a name */
    free(rep);
    ops_workload_units_close(&w);
}

static void the_problems_are_counted_only_when_asked(void **state)
{
    struct fx *f = *state;
    struct ops_wl_units w;
    struct ops_err e;
    assert_int_equal(ops_workload_units_open(&f->o, &w, 0, &e), OPS_OK);
    assert_int_equal(w.problems.positions_without_unit, 0);
    ops_workload_units_close(&w);
    assert_int_equal(ops_workload_units_open(&f->o, &w, OPS_WLU_PROBLEMS, &e), OPS_OK);
    assert_int_equal(w.problems.positions_without_unit, 1);
    ops_workload_units_close(&w);
}

static void another_rounding_leaves_the_tree_unused(void **state)
{
    struct fx *f = *state;
    struct ops_wl_units w;
    struct ops_err e;
    f->cfg.policy.rounding = f->cfg.policy.rounding == ROUND_UP ? ROUND_HALF_UP : ROUND_UP;
    assert_int_equal(ops_workload_units_open(&f->o, &w, 0, &e), OPS_OK);
    assert_false(w.kept);
    ops_workload_units_close(&w);
}

/* The rows of each and the views, walked and kept, of the same subtree
 * as one string: code, name, depth and figures. */
static int show_row(const struct store_tree_row *r, void *ctx)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 512 - n, "%s/%s/%d/%lld/%lld|", r->code, r->name, r->depth,
             (long long)r->row.workload_minutes, (long long)r->row.existing);
    return 0;
}

static void show_view(const struct store_tree_view *v, char *out)
{
    size_t n = strlen(out);
    snprintf(out + n, 512 - n, "%.*s/%.*s/%d/%lld/%lld|", (int)v->code_len, v->code,
             (int)v->name_len, v->name, v->depth, (long long)v->row.workload_minutes,
             (long long)v->row.existing);
}

static int take_view(const struct store_tree_view *v, void *ctx)
{
    show_view(v, ctx);
    return 0;
}

/* Overwrites the stack the walk used: a kept place that pointed into one
 * of its buffers, not into the map, reads garbage after this. */
static void __attribute__((noinline)) scribble_stack(void)
{
    volatile char junk[16384];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = '#';
}

static void views_read_in_place_are_the_rows(void **state)
{
    struct fx *f = *state;
    struct ops_wl_units w;
    struct ops_err e;
    assert_int_equal(ops_workload_units_open(&f->o, &w, 0, &e), OPS_OK);
    const char *roots[] = {NULL, "A", "B", "B1"};
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
        char rows[512] = "", walked[512] = "", kept[512] = "";
        store_tree_kept *k = NULL;
        assert_int_equal(ops_workload_units_each(&w, roots[i], show_row, rows, &e), OPS_OK);
        assert_int_equal(ops_workload_units_views(&w, roots[i], take_view, walked, &k, &e),
                         OPS_OK);
        assert_non_null(k);
        /* read again after the walk: the places (the root's too) are the map's */
        scribble_stack();
        for (size_t j = 0; j < store_tree_kept_count(k); j++) {
            struct store_tree_view v;
            store_tree_kept_view(k, j, &v);
            show_view(&v, kept);
        }
        store_tree_kept_free(k);
        assert_true(rows[0] != '\0');
        assert_string_equal(walked, rows);
        assert_string_equal(kept, rows);
    }
    store_tree_kept *k = (store_tree_kept *)&e;     /* set to NULL on a refusal */
    char none[512] = "";
    assert_int_equal(ops_workload_units_views(&w, "NOPE", take_view, none, &k, &e), OPS_REFUSED);
    assert_null(k);
    assert_string_equal(none, "");
    ops_workload_units_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_screen_reads_roots_and_children, setup, teardown),
        cmocka_unit_test_setup_teardown(views_read_in_place_are_the_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(the_problems_are_counted_only_when_asked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(another_rounding_leaves_the_tree_unused, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
