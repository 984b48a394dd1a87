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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_screen_reads_roots_and_children, setup, teardown),
        cmocka_unit_test_setup_teardown(the_problems_are_counted_only_when_asked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(another_rounding_leaves_the_tree_unused, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
