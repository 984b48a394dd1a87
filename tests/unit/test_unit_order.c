/* The compact unit tree (core/unit_order): a worked example by hand, and
 * random forests (with unknown parents, units their own parent and parent
 * cycles) whose order, subtree by subtree, and problems must be those of
 * core/workload, whose tree order the workload listing has always had. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/unit_order.h"
#include "core/workload.h"

static struct unit_order *tree_of(const char *const (*links)[2], size_t n)
{
    struct unit_order *t = unit_order_new();
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(unit_order_add(t, links[i][0], links[i][1]), 0);
    assert_int_equal(unit_order_build(t), 0);
    return t;
}

/* The codes of root's subtree in walk order, joined by spaces. */
static void walk(const struct unit_order *t, long root, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (long u = unit_order_first(t, root); u >= 0; u = unit_order_next(t, root, u))
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "",
                                unit_order_code(t, (size_t)u));
}

static void worked_example(void **state)
{
    (void)state;
    /* In code order. 1101 hangs under P1 although it sorts first; Z's
     * parent is unknown and E is its own parent: both roots. X and Y are
     * each other's parent with W under X: no root reaches them. W, the
     * first of them in code order, is cut from X and walked as a root;
     * then X is cut from Y, and Y comes under it. */
    static const char *const links[][2] = {
        {"1101", "P1"}, {"1101.A", "1101"}, {"1101.A.1", "1101.A"}, {"1101.B", "1101"},
        {"E", "E"}, {"P1", ""}, {"P2", NULL}, {"W", "X"}, {"X", "Y"}, {"Y", "X"}, {"Z", "nope"},
    };
    struct unit_order *t = tree_of(links, sizeof links / sizeof *links);
    char got[256];
    walk(t, -1, got, sizeof got);
    /* roots in code order (E, P1, P2, Z), then the cut units */
    assert_string_equal(got, "E P1 1101 1101.A 1101.A.1 1101.B P2 Z W X Y");
    walk(t, unit_order_find(t, "1101"), got, sizeof got);
    assert_string_equal(got, "1101 1101.A 1101.A.1 1101.B");
    walk(t, unit_order_find(t, "1101.B"), got, sizeof got);
    assert_string_equal(got, "1101.B");
    walk(t, unit_order_find(t, "X"), got, sizeof got);
    assert_string_equal(got, "X Y");
    assert_int_equal(unit_order_find(t, "1101.C"), -1);
    assert_int_equal(unit_order_find(t, ""), -1);
    size_t without, cycle;
    unit_order_problems(t, &without, &cycle);
    assert_int_equal(without, 2);           /* E (itself), Z (unknown) */
    assert_int_equal(cycle, 3);             /* W, X, Y */
    unit_order_free(t);
}

static void codes_must_rise(void **state)
{
    (void)state;
    struct unit_order *t = unit_order_new();
    assert_int_equal(unit_order_add(t, "B", ""), 0);
    assert_int_equal(unit_order_add(t, "A", ""), -1);
    assert_int_equal(unit_order_add(t, "B", ""), -1);
    assert_int_equal(unit_order_add(t, "C", "B"), 0);
    assert_int_equal(unit_order_build(t), 0);
    assert_int_equal(unit_order_add(t, "D", ""), -1);        /* built */
    assert_int_equal(unit_order_count(t), 2);
    unit_order_free(t);

    t = unit_order_new();                                      /* empty */
    assert_int_equal(unit_order_build(t), 0);
    assert_int_equal(unit_order_first(t, -1), -1);
    unit_order_free(t);
}

/* A random forest of n units with codes U000.. in code order: mostly
 * parents before or after them, some unknown, some themselves, and some
 * short cycles. */
static void random_units(struct unit *u, size_t n, unsigned seed)
{
    srand(seed);
    memset(u, 0, n * sizeof *u);
    for (size_t i = 0; i < n; i++)
        snprintf(u[i].code, sizeof u[i].code, "U%03zu", i);
    for (size_t i = 0; i < n; i++) {
        int r = rand() % 100;
        if (r < 15)
            u[i].parent[0] = '\0';                           /* a root */
        else if (r < 20)
            snprintf(u[i].parent, sizeof u[i].parent, "NONE%d", r);
        else if (r < 22)
            memcpy(u[i].parent, u[i].code, sizeof u[i].parent);
        else                                                 /* anyone, cycles too */
            memcpy(u[i].parent, u[(size_t)rand() % n].code, sizeof u[i].parent);
    }
}

static void same_as_the_workload_tree(void **state)
{
    (void)state;
    struct policy p;
    memset(&p, 0, sizeof p);
    p.effective_minutes = 75000;
    enum { N = 300 };
    static struct unit u[N];
    size_t cycles = 0, orphans = 0;          /* met at all: the case is tested */
    for (unsigned seed = 1; seed <= 40; seed++) {
        size_t n = 1 + (size_t)(seed * 37) % N;
        random_units(u, n, seed);
        struct workload *w = workload_new(u, n, NULL, 0, &p);
        assert_non_null(w);
        struct unit_order *t = unit_order_new();
        for (size_t i = 0; i < n; i++)
            assert_int_equal(unit_order_add(t, u[i].code, u[i].parent), 0);
        assert_int_equal(unit_order_build(t), 0);
        for (long root = -1; root < (long)n; root++) {
            size_t *want;
            size_t nw = workload_units_in(w, root, &want);
            assert_non_null(want);
            size_t k = 0;
            for (long x = unit_order_first(t, root); x >= 0; x = unit_order_next(t, root, x), k++) {
                assert_true(k < nw);
                assert_int_equal((size_t)x, want[k]);       /* both number in code order */
            }
            assert_int_equal(k, nw);
            free(want);
        }
        struct wl_problems pr;
        size_t without, cycle;
        workload_problems(w, &pr);
        unit_order_problems(t, &without, &cycle);
        assert_int_equal(without, pr.units_without_parent);
        assert_int_equal(cycle, pr.units_in_cycle);
        cycles += cycle, orphans += without;
        unit_order_free(t);
        workload_free(w);
    }
    assert_true(cycles > 0);
    assert_true(orphans > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example),
        cmocka_unit_test(codes_must_rise),
        cmocka_unit_test(same_as_the_workload_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
