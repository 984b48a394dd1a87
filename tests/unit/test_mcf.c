/* Min-cost flow: the simplex against every integral flow of tiny networks
 * (brute force), against successive shortest paths on random ones, the
 * maximum flow against the minimum cut, and the DIMACS text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/mcf.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

/* Flows within bounds and supplies met at every node. */
static void assert_feasible(const struct mcf *g, const int64_t *supply)
{
    uint32_t n = mcf_nodes(g);
    int64_t *bal = calloc(n, sizeof *bal);
    assert_non_null(bal);
    for (size_t a = 0; a < mcf_arcs(g); a++) {
        int64_t f = mcf_flow(g, a);
        assert_true(f >= 0 && f <= mcf_arc_cap(g, a));
        bal[mcf_arc_from(g, a)] += f;
        bal[mcf_arc_to(g, a)] -= f;
    }
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(bal[i], supply[i]);
    free(bal);
}

static void hand_example(void **state)
{
    (void)state;
    /* 1 sends 2 to 3: 1->2->3 costs 2 but carries 1, 1->3 costs 5: 2 + 5 */
    struct mcf *g = mcf_new(3);
    assert_int_equal(mcf_add_arc(g, 0, 1, 2, 1), 0);
    assert_int_equal(mcf_add_arc(g, 1, 2, 1, 1), 1);
    assert_int_equal(mcf_add_arc(g, 0, 2, 5, 5), 2);
    mcf_set_supply(g, 0, 2);
    mcf_set_supply(g, 2, -2);
    assert_int_equal(mcf_solve(g, NULL), MCF_OPTIMAL);
    assert_int_equal(mcf_objective(g), 7);
    assert_int_equal(mcf_flow(g, 0), 1);
    assert_int_equal(mcf_flow(g, 2), 1);
    assert_int_equal(mcf_solve_ssp(g), MCF_OPTIMAL);
    assert_int_equal(mcf_objective(g), 7);
    mcf_set_supply(g, 0, 7);             /* 6 can leave node 0 at most */
    mcf_set_supply(g, 2, -7);
    assert_int_equal(mcf_solve(g, NULL), MCF_INFEASIBLE);
    assert_int_equal(mcf_solve_ssp(g), MCF_INFEASIBLE);
    mcf_set_supply(g, 2, -6);            /* supplies must sum to 0 */
    assert_int_equal(mcf_solve(g, NULL), MCF_BAD_INPUT);
    assert_int_equal(mcf_add_arc(g, 0, 3, 1, 1), -1);
    assert_int_equal(mcf_add_arc(g, 0, 1, -1, 1), -1);
    mcf_free(g);
}

/* Every integral flow of a tiny network: the least cost, or INT64_MAX
 * when none meets the supplies. */
static int64_t brute(uint32_t n, size_t m, const uint32_t *from, const uint32_t *to,
                     const int64_t *cap, const int64_t *cost, const int64_t *supply)
{
    int64_t best = INT64_MAX, f[16] = {0};
    for (;;) {
        int64_t bal[8] = {0}, c = 0;
        for (size_t a = 0; a < m; a++) {
            bal[from[a]] += f[a];
            bal[to[a]] -= f[a];
            c += f[a] * cost[a];
        }
        int ok = 1;
        for (uint32_t i = 0; i < n; i++)
            ok &= bal[i] == supply[i];
        if (ok && c < best)
            best = c;
        size_t a = 0;
        while (a < m && f[a] == cap[a])
            f[a++] = 0;
        if (a == m)
            return best;
        f[a]++;
    }
}

static void simplex_equals_brute_force(void **state)
{
    (void)state;
    int optimal = 0, infeasible = 0;
    for (int round = 0; round < 400; round++) {
        uint32_t n = 3 + rnd(3), from[16], to[16];
        size_t m = 3 + rnd(5);
        int64_t cap[16], cost[16], supply[8] = {0};
        struct mcf *g = mcf_new(n);
        for (size_t a = 0; a < m; a++) {
            from[a] = rnd(n);
            to[a] = (from[a] + 1 + rnd(n - 1)) % n;
            cap[a] = rnd(4);
            cost[a] = (int64_t)rnd(11) - 3;          /* negative cycles too */
            assert_int_equal(mcf_add_arc(g, from[a], to[a], cap[a], cost[a]), (long)a);
        }
        uint32_t s = rnd(n), t = (s + 1) % n;
        int64_t amount = rnd(4);
        supply[s] = amount;
        supply[t] = -amount;
        mcf_set_supply(g, s, amount);
        mcf_set_supply(g, t, -amount);
        int64_t want = brute(n, m, from, to, cap, cost, supply);
        int rc = mcf_solve(g, NULL);
        if (want == INT64_MAX) {
            assert_int_equal(rc, MCF_INFEASIBLE);
            infeasible++;
        } else {
            assert_int_equal(rc, MCF_OPTIMAL);
            assert_int_equal(mcf_objective(g), want);
            assert_feasible(g, supply);
            optimal++;
        }
        mcf_free(g);
    }
    assert_true(optimal > 50 && infeasible > 50);   /* both kinds were tried */
}

/* Random networks with nonnegative costs (SSP's condition) and supplies
 * that some flow meets: the two solvers agree on the optimum. */
static void simplex_equals_ssp(void **state)
{
    (void)state;
    for (int round = 0; round < 60; round++) {
        uint32_t n = 5 + rnd(40);
        size_t m = n + rnd(6 * n);
        struct mcf *g = mcf_new(n);
        int64_t *supply = calloc(n, sizeof *supply);
        for (size_t a = 0; a < m; a++) {
            uint32_t u = rnd(n), v = (u + 1 + rnd(n - 1)) % n;
            int64_t cap = rnd(10) == 0 ? MCF_INF : rnd(20);
            mcf_add_arc(g, u, v, cap, rnd(100));
            int64_t f = cap == MCF_INF ? rnd(30) : rnd((uint32_t)cap + 1);
            supply[u] += f;                 /* a flow that meets them */
            supply[v] -= f;
        }
        for (uint32_t i = 0; i < n; i++)
            mcf_set_supply(g, i, supply[i]);
        assert_int_equal(mcf_solve_ssp(g), MCF_OPTIMAL);
        int64_t want = mcf_objective(g);
        assert_int_equal(mcf_solve(g, NULL), MCF_OPTIMAL);
        assert_int_equal(mcf_objective(g), want);
        assert_feasible(g, supply);
        free(supply);
        mcf_free(g);
    }
}

/* Max-flow min-cut: the flow equals the smallest cut over every node set
 * holding s and not t. */
static void max_flow_equals_min_cut(void **state)
{
    (void)state;
    for (int round = 0; round < 200; round++) {
        uint32_t n = 2 + rnd(7);
        size_t m = rnd(20);
        struct mcf *g = mcf_new(n);
        for (size_t a = 0; a < m; a++)
            mcf_add_arc(g, rnd(n), rnd(n), rnd(6), 0);
        int64_t f;
        assert_int_equal(mcf_max_flow(g, 0, n - 1, &f, NULL), MCF_OPTIMAL);
        int64_t cut = INT64_MAX;
        for (uint32_t set = 0; set < 1u << n; set++) {
            if (!(set & 1) || (set >> (n - 1) & 1))
                continue;
            int64_t c = 0;
            for (size_t a = 0; a < mcf_arcs(g); a++)
                if ((set >> mcf_arc_from(g, a) & 1) && !(set >> mcf_arc_to(g, a) & 1))
                    c += mcf_arc_cap(g, a);
            if (c < cut)
                cut = c;
        }
        assert_int_equal(f, cut);
        int64_t *supply = calloc(n, sizeof *supply);
        supply[0] = f;
        supply[n - 1] = -f;
        assert_feasible(g, supply);
        free(supply);
        mcf_free(g);
    }
}

/* Networks of several parts joined only at s and t (and sometimes one
 * arc that joins two): solving the parts apart gives the optimum of the
 * whole, checked by a max flow and one simplex on the whole. */
static void parts_apart_equal_whole(void **state)
{
    (void)state;
    for (int round = 0; round < 100; round++) {
        uint32_t parts = 1 + rnd(5), per = 2 + rnd(6), n = 2 + parts * per;
        struct mcf *g = mcf_new(n);
        for (uint32_t p = 0; p < parts; p++) {
            uint32_t base = 2 + p * per;
            for (uint32_t k = 0; k < 3 * per; k++)
                mcf_add_arc(g, base + rnd(per), base + rnd(per), rnd(5), rnd(20));
            for (uint32_t k = 0; k < 2; k++) {
                mcf_add_arc(g, 0, base + rnd(per), rnd(6), rnd(5));
                mcf_add_arc(g, base + rnd(per), 1, rnd(6), rnd(5));
            }
        }
        if (rnd(3) == 0)
            mcf_add_arc(g, 2 + rnd(n - 2), 2 + rnd(n - 2), rnd(4), rnd(10));
        if (rnd(3) == 0)
            mcf_add_arc(g, 0, 1, rnd(3), rnd(10));
        int64_t f, f2;
        assert_int_equal(mcf_min_cost_max_flow(g, 0, 1, &f, NULL), MCF_OPTIMAL);
        int64_t split = mcf_objective(g);
        int64_t *supply = calloc(n, sizeof *supply);
        supply[0] = f;
        supply[1] = -f;
        assert_feasible(g, supply);
        assert_int_equal(mcf_max_flow(g, 0, 1, &f2, NULL), MCF_OPTIMAL);
        assert_int_equal(f2, f);
        assert_int_equal(mcf_solve(g, NULL), MCF_OPTIMAL);
        assert_int_equal(mcf_objective(g), split);
        assert_int_equal(mcf_solve_ssp(g), MCF_OPTIMAL);
        assert_int_equal(mcf_objective(g), split);
        free(supply);
        mcf_free(g);
    }
}

/* The min-cost maximum flow (primal-dual on parts whose costs are not
 * negative, the simplex on the others) against a maximum flow and one
 * simplex on the whole: random networks with cycles, uncapacitated arcs,
 * many equal costs (zero-cost cycles, ties between paths) and, in some,
 * negative costs. */
static void min_cost_max_flow_equals_simplex(void **state)
{
    (void)state;
    for (int round = 0; round < 300; round++) {
        uint32_t n = 4 + rnd(60);
        size_t m = n + rnd(5 * n);
        int64_t costs = 1 + rnd(round % 3 ? 4 : 40);
        int negative = round % 5 == 0;
        struct mcf *g = mcf_new(n);
        for (size_t a = 0; a < m; a++) {
            uint32_t u = rnd(n), v = rnd(n);
            int64_t cap = rnd(8) == 0 ? MCF_INF : rnd(6);
            int64_t cost = (int64_t)rnd((uint32_t)costs) - (negative && rnd(4) == 0 ? 3 : 0);
            mcf_add_arc(g, u, v, cap, cost);
        }
        int64_t f, f2;
        assert_int_equal(mcf_min_cost_max_flow(g, 0, 1, &f, NULL), MCF_OPTIMAL);
        int64_t obj = mcf_objective(g);
        int64_t *supply = calloc(n, sizeof *supply);
        supply[0] = f;
        supply[1] = -f;
        assert_feasible(g, supply);
        assert_int_equal(mcf_max_flow(g, 0, 1, &f2, NULL), MCF_OPTIMAL);
        assert_int_equal(f2, f);
        mcf_set_supply(g, 0, f);
        mcf_set_supply(g, 1, -f);
        assert_int_equal(mcf_solve(g, NULL), MCF_OPTIMAL);
        assert_int_equal(mcf_objective(g), obj);
        free(supply);
        mcf_free(g);
    }
}

static int stop_at_first(void *ctx, uint64_t steps)
{
    (void)steps;
    ++*(int *)ctx;
    return 1;
}

static void cancel(void **state)
{
    (void)state;
    struct mcf *g = mcf_new(40);
    for (uint32_t i = 0; i + 1 < 40; i++)
        mcf_add_arc(g, i, i + 1, 5, 1);
    mcf_set_supply(g, 0, 5);
    mcf_set_supply(g, 39, -5);
    int calls = 0;
    struct mcf_control ctl = {.progress = stop_at_first, .ctx = &calls, .every = 1};
    assert_int_equal(mcf_solve(g, &ctl), MCF_CANCELLED);
    assert_int_equal(calls, 1);
    volatile sig_atomic_t flag = 1;
    struct mcf_control raised = {.cancel = &flag};
    assert_int_equal(mcf_solve(g, &raised), MCF_CANCELLED);
    assert_int_equal(mcf_solve(g, NULL), MCF_OPTIMAL);
    assert_int_equal(mcf_objective(g), 5 * 39);
    int64_t f;
    calls = 0;
    assert_int_equal(mcf_min_cost_max_flow(g, 0, 39, &f, &ctl), MCF_CANCELLED);
    assert_int_equal(calls, 1);
    assert_int_equal(mcf_min_cost_max_flow(g, 0, 39, &f, &raised), MCF_CANCELLED);
    assert_int_equal(mcf_min_cost_max_flow(g, 0, 39, &f, NULL), MCF_OPTIMAL);
    assert_int_equal(f, 5);
    assert_int_equal(mcf_objective(g), 5 * 39);
    mcf_free(g);
}

static int collect(void *ctx, const char *line, size_t len)
{
    strncat(ctx, line, len);
    return 0;
}

static void dimacs_text(void **state)
{
    (void)state;
    struct mcf *g = mcf_new(3);
    mcf_add_arc(g, 0, 1, MCF_INF, 4);
    mcf_add_arc(g, 1, 2, 2, -1);
    mcf_set_supply(g, 0, 2);
    mcf_set_supply(g, 2, -2);
    char text[512] = "";
    assert_int_equal(mcf_write_dimacs(g, "mutasi test\ntwo lines", collect, text), 0);
    assert_string_equal(text, "c mutasi test\nc two lines\np min 3 2\nn 1 2\nn 3 -2\n"
                              "a 1 2 0 2 4\na 2 3 0 2 -1\n");
    mcf_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_example),
        cmocka_unit_test(simplex_equals_brute_force),
        cmocka_unit_test(simplex_equals_ssp),
        cmocka_unit_test(max_flow_equals_min_cut),
        cmocka_unit_test(parts_apart_equal_whole),
        cmocka_unit_test(min_cost_max_flow_equals_simplex),
        cmocka_unit_test(cancel),
        cmocka_unit_test(dimacs_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
