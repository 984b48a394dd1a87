/* The optimiser: worked examples (the staff's wishes among them), every
 * assignment of tiny random regions (some people with wishes)
 * tried (brute force) against its optimum, and the plan rules checked on
 * the moves of larger ones (nobody twice, no target over its need, no
 * origin below it, unit and total caps, fixed moves counted). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/planner.h"
#include "core/vocab.h"

enum { RANK_II_A = 5, RANK_III_A = 9 };     /* vocab.h: ranks are numbers */

static struct policy pol(void)
{
    struct policy p;
    policy_defaults(&p);
    p.optimiser.move_cost = 10;
    p.optimiser.district_cost = 5;
    p.optimiser.home_bonus = 3;
    p.optimiser.competency_cost = 2;
    p.optimiser.max_moves = 0;
    p.plan.max_moves_out = 0;
    p.plan.max_moves_in = 0;
    return p;
}

static const struct competency triage2 = {"triage", 2};
static const struct competency triage1 = {"triage", 1};

/* Two districts. Unit 0 (district A) has a ward over its need by 2; unit
 * 1 (district B) two short wards, one asking for triage level 2. */
static void worked_example(void **state)
{
    (void)state;
    struct policy p = pol();
    struct planner_unit units[] = {{"A", 0}, {"B", 0}};
    struct planner_cell cells[] = {
        {.unit = 0, .family = "kesehatan", .need = 3, .existing = 5},
        {.unit = 1, .family = "kesehatan", .need = 2, .existing = 1},
        {.unit = 1, .family = "kesehatan", .need = 4, .existing = 3, .ncomp = 1,
         .comp = &triage2},
    };
    struct planner_person people[] = {
        /* no triage: 10 + 5 to a plain ward, + 4 more to the triage ward */
        {.cell = 0, .rank = RANK_III_A, .education = EDU_S1, .family = "kesehatan",
         .home_district = "A"},
        /* triage 1, home in B: 10 + 5 - 3 = 12, + 2 for the triage ward */
        {.cell = 0, .rank = RANK_III_A, .education = EDU_S1, .family = "kesehatan",
         .home_district = "B", .ncomp = 1, .comp = &triage1},
        /* another family: fits neither */
        {.cell = 0, .rank = RANK_III_A, .education = EDU_S1, .family = "pendidikan",
         .home_district = "B"},
    };
    struct planner_input in = {.policy = &p, .units = units, .nunits = 2, .cells = cells,
                               .ncells = 3, .people = people, .npeople = 3, .max_moves = -1};
    struct planner *pl = planner_new(&in);
    assert_non_null(pl);
    assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
    const struct planner_stats *st = planner_stats(pl);
    assert_int_equal(st->shortage, 2);
    assert_int_equal(st->surplus, 2);
    assert_int_equal(st->max_fill, 2);
    /* person 0 -> ward 1 (15) and person 1 -> ward 2 (14) = 29; the other
     * way: 19 + 12 = 31 */
    assert_int_equal(st->objective, 29);
    assert_int_equal(st->movable, 3);
    assert_int_equal(planner_move_count(pl), 2);
    const struct planner_move *m = planner_move(pl, 0);
    assert_int_equal(m->person, 0);
    assert_int_equal(m->to_cell, 1);
    assert_int_equal(m->cost, 15);
    assert_int_equal(m->cost_district, 5);
    assert_int_equal(m->to_existing, 1);
    assert_int_equal(m->to_need, 2);
    assert_int_equal(m->from_existing, 5);
    m = planner_move(pl, 1);
    assert_int_equal(m->person, 1);
    assert_int_equal(m->to_cell, 2);
    assert_int_equal(m->cost, 14);
    assert_int_equal(m->cost_home, -3);
    assert_int_equal(m->cost_competency, 2);
    assert_int_equal(m->missing_levels, 1);
    assert_int_equal(m->from_existing, 4);     /* after the first move */
    planner_free(pl);

    /* One move already in the plan fills ward 1: one left to fill. */
    struct planner_fixed fixed = {.from_cell = -1, .to_cell = 1};
    in.fixed = &fixed;
    in.nfixed = 1;
    pl = planner_new(&in);
    assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
    assert_int_equal(planner_stats(pl)->max_fill, 1);
    assert_int_equal(planner_stats(pl)->objective, 14);
    planner_free(pl);
}

/* The staff's wishes: one nurse over the need in unit 0, two wards short
 * by one in units 1 and 2 of the same district. Whatever the wish, one
 * place is filled (the same shortage); the preferred unit, a preferred
 * district, or the ward not avoided is the one chosen, with its cost. */
static const struct planner_move *solve_one(struct planner_input *in, struct planner **pl)
{
    *pl = planner_new(in);
    assert_non_null(*pl);
    assert_int_equal(planner_solve(*pl, NULL), PLANNER_OK);
    assert_int_equal(planner_stats(*pl)->max_fill, 1);
    assert_int_equal(planner_move_count(*pl), 1);
    return planner_move(*pl, 0);
}

static void wishes_steer_the_same_fill(void **state)
{
    (void)state;
    struct policy p = pol();
    p.optimiser.prefer_bonus = 4;
    p.optimiser.avoid_cost = 15;
    struct planner_unit units[] = {{"A", 0}, {"B", 0}, {"C", 0}};
    struct planner_cell cells[] = {
        {.unit = 0, .family = "kesehatan", .need = 1, .existing = 2},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0},
        {.unit = 2, .family = "kesehatan", .need = 1, .existing = 0},
    };
    struct planner_person person = {.cell = 0, .rank = RANK_III_A, .education = EDU_S1,
                                     .family = "kesehatan", .home_district = ""};
    struct planner_input in = {.policy = &p, .units = units, .nunits = 3, .cells = cells,
                               .ncells = 3, .people = &person, .npeople = 1, .max_moves = -1};
    struct planner *pl;
    /* no wish: both wards cost 10 + 5 */
    const struct planner_move *m = solve_one(&in, &pl);
    assert_int_equal(m->cost, 15);
    assert_int_equal(m->cost_wish, 0);
    assert_false(m->preferred || m->avoided);
    planner_free(pl);
    /* the unit of either ward preferred: that one, 4 less */
    for (uint32_t want = 1; want <= 2; want++) {
        struct planner_wish w = {.prefer_units = &want, .nprefer_units = 1};
        person.wish = &w;
        m = solve_one(&in, &pl);
        assert_int_equal(m->to_cell, want);
        assert_true(m->preferred);
        assert_int_equal(m->cost_wish, -4);
        assert_int_equal(m->cost, 11);
        planner_free(pl);
    }
    /* a district preferred, then the other ward's unit avoided */
    const char *dist_c = "C";
    struct planner_wish wd = {.prefer_districts = &dist_c, .nprefer_districts = 1};
    person.wish = &wd;
    m = solve_one(&in, &pl);
    assert_int_equal(m->to_cell, 2);
    assert_true(m->preferred);
    planner_free(pl);
    uint32_t avoid = 2;
    struct planner_wish wa = {.avoid_units = &avoid, .navoid_units = 1};
    person.wish = &wa;
    m = solve_one(&in, &pl);
    assert_int_equal(m->to_cell, 1);
    assert_false(m->avoided);
    assert_int_equal(m->cost, 15);
    planner_free(pl);
    /* both avoided: the place is still filled, at the higher cost */
    uint32_t both[] = {1, 2};
    struct planner_wish wb = {.avoid_units = both, .navoid_units = 2};
    person.wish = &wb;
    m = solve_one(&in, &pl);
    assert_true(m->avoided);
    assert_int_equal(m->cost_wish, 15);
    assert_int_equal(m->cost, 30);
    planner_free(pl);
    /* a wish naming a unit out of range is bad input */
    uint32_t bad = 3;
    struct planner_wish wx = {.prefer_units = &bad, .nprefer_units = 1};
    person.wish = &wx;
    assert_null(planner_new(&in));
}

/* Two nurses for one ward: the one who asked for its district goes, the
 * one who would avoid it stays, whoever comes first in the input. */
static void wishes_choose_among_people(void **state)
{
    (void)state;
    struct policy p = pol();
    p.optimiser.prefer_bonus = 2;
    p.optimiser.avoid_cost = 7;
    struct planner_unit units[] = {{"A", 0}, {"B", 0}};
    struct planner_cell cells[] = {
        {.unit = 0, .family = "kesehatan", .need = 0, .existing = 2},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0},
    };
    const char *b = "B";
    struct planner_wish likes = {.prefer_districts = &b, .nprefer_districts = 1};
    struct planner_wish avoids = {.avoid_districts = &b, .navoid_districts = 1};
    for (int order = 0; order < 2; order++) {
        struct planner_person people[2];
        for (int i = 0; i < 2; i++)
            people[i] = (struct planner_person){.cell = 0, .rank = RANK_III_A,
                                                .education = EDU_S1, .family = "kesehatan",
                                                .home_district = ""};
        people[order].wish = &likes;
        people[1 - order].wish = &avoids;
        struct planner_input in = {.policy = &p, .units = units, .nunits = 2, .cells = cells,
                                   .ncells = 2, .people = people, .npeople = 2,
                                   .max_moves = -1};
        struct planner *pl;
        const struct planner_move *m = solve_one(&in, &pl);
        assert_int_equal(m->person, (size_t)order);
        assert_int_equal(planner_stats(pl)->objective, 10 + 5 - 2);
        planner_free(pl);
    }
}

/* ---- random regions ------------------------------------------------------ */

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

#define MAXU 6
#define MAXC 40
#define MAXP 200
#define MAXF 8
struct region {
    struct policy pol;
    struct planner_unit units[MAXU];
    struct planner_cell cells[MAXC];
    struct planner_person people[MAXP];
    struct planner_fixed fixed[MAXF];
    struct competency comp[MAXP + MAXC];
    struct planner_wish wish[MAXP];
    uint32_t wish_unit[MAXP][2];
    const char *wish_district[MAXP][2];
    struct planner_input in;
};

static const char *const districts[] = {"", "A", "B", "C"};
static const char *const families[] = {"", "kesehatan", "pendidikan"};

/* A wish for a third of the people: a unit and a district each to prefer
 * or to avoid, or not. */
static void random_wish(struct region *r, size_t i, size_t nu)
{
    if (rnd(3))
        return;
    struct planner_wish *w = &r->wish[i];
    r->wish_unit[i][0] = rnd((uint32_t)nu);
    r->wish_unit[i][1] = rnd((uint32_t)nu);
    r->wish_district[i][0] = districts[1 + rnd(3)];
    r->wish_district[i][1] = districts[1 + rnd(3)];
    *w = (struct planner_wish){
        .prefer_units = &r->wish_unit[i][0], .avoid_units = &r->wish_unit[i][1],
        .prefer_districts = &r->wish_district[i][0], .avoid_districts = &r->wish_district[i][1],
        .nprefer_units = rnd(2), .navoid_units = rnd(2), .nprefer_districts = rnd(2),
        .navoid_districts = rnd(2)};
    r->people[i].wish = w;
}

static void random_region(struct region *r, size_t nu, size_t nc, size_t np, size_t nf)
{
    memset(r, 0, sizeof *r);
    r->pol = pol();
    r->pol.plan.max_moves_out = (int)rnd(3);          /* 0 = no cap */
    r->pol.plan.max_moves_in = (int)rnd(3);
    r->pol.optimiser.max_moves = (int)rnd(4);
    r->pol.optimiser.competency_cost = (int)rnd(4);
    r->pol.fit.competency_severity = rnd(4) == 0 ? SEV_BLOCK : SEV_WARN;
    r->pol.fit.severity = rnd(8) == 0 ? SEV_OFF : SEV_BLOCK;
    r->pol.optimiser.district_cost = (int)rnd(6);
    r->pol.optimiser.home_bonus = (int)rnd(4);
    r->pol.optimiser.prefer_bonus = (int)rnd(6);
    r->pol.optimiser.avoid_cost = (int)rnd(20);
    bool pppk = rnd(4) == 0;            /* grades that never compare with ranks */
    for (size_t u = 0; u < nu; u++)
        r->units[u] = (struct planner_unit){districts[rnd(4)], rnd(3) == 0 ? (uint32_t)u : 0};
    for (size_t c = 0; c < nc; c++) {
        struct planner_cell *cell = &r->cells[c];
        cell->unit = rnd((uint32_t)nu);
        cell->family = families[rnd(3)];
        cell->min_rank = rnd(2) ? 0 : (uint8_t)(RANK_II_A + rnd(8));
        if (pppk && cell->min_rank && rnd(2))
            cell->min_rank = (uint8_t)(RANK_PPPK_BASE + rnd(8));
        cell->min_education = rnd(2) ? 0 : (uint8_t)(EDU_SMA + rnd(4));
        if (rnd(3) == 0) {
            r->comp[MAXP + c] = (struct competency){"triage", (uint8_t)(1 + rnd(3))};
            cell->comp = &r->comp[MAXP + c];
            cell->ncomp = 1;
        }
        cell->need = rnd(4);
        cell->existing = rnd(5);
    }
    for (size_t i = 0; i < np; i++) {
        struct planner_person *p = &r->people[i];
        p->cell = rnd((uint32_t)nc);
        p->rank = (uint8_t)(RANK_II_A + rnd(8));
        if (pppk && rnd(2))
            p->rank = (uint8_t)(rnd(4) ? RANK_PPPK_BASE + rnd(10) : RANK_NONE);
        p->education = (uint8_t)(EDU_SMA + rnd(4));
        p->family = families[rnd(3)];
        p->home_district = districts[rnd(4)];
        if (rnd(2)) {
            r->comp[i] = (struct competency){"triage", (uint8_t)(1 + rnd(3))};
            p->comp = &r->comp[i];
            p->ncomp = 1;
        }
        random_wish(r, i, nu);
    }
    for (size_t i = 0; i < nf; i++)
        r->fixed[i] = (struct planner_fixed){rnd(3) ? (long)rnd((uint32_t)nc) : -1,
                                            rnd((uint32_t)nc)};
    r->in = (struct planner_input){.policy = &r->pol, .units = r->units, .nunits = nu,
                                   .cells = r->cells, .ncells = nc, .people = r->people,
                                   .npeople = np, .fixed = r->fixed, .nfixed = nf,
                                   .max_moves = -1};
}

/* The rules as a reader of planner.h states them, written independently:
 * the cost of moving person i to cell c, or -1 when it may not. */
static int64_t cost_of(const struct region *r, size_t i, size_t c)
{
    const struct planner_person *p = &r->people[i];
    const struct planner_cell *from = &r->cells[p->cell], *to = &r->cells[c];
    const struct planner_unit *uf = &r->units[from->unit], *ut = &r->units[to->unit];
    if (uf->root != ut->root)
        return -1;
    bool fit = r->pol.fit.severity != SEV_OFF;
    if (fit && to->family[0] && strcmp(to->family, p->family) != 0)
        return -1;
    if (fit && to->min_rank &&
        (!rank_comparable(p->rank, to->min_rank) || p->rank < to->min_rank))
        return -1;
    if (fit && to->min_education && p->education < to->min_education)
        return -1;
    int missing = 0;
    if (to->ncomp) {
        int held = p->ncomp ? p->comp[0].level : 0;
        missing = to->comp[0].level > held ? to->comp[0].level - held : 0;
    }
    if (missing && r->pol.fit.competency_severity == SEV_BLOCK)
        return -1;
    const struct policy *q = &r->pol;
    const struct planner_wish *w = p->wish;
    bool prefer = w && ((w->nprefer_units && w->prefer_units[0] == to->unit) ||
                        (w->nprefer_districts && !strcmp(w->prefer_districts[0], ut->district)));
    bool avoid = w && ((w->navoid_units && w->avoid_units[0] == to->unit) ||
                       (w->navoid_districts && !strcmp(w->avoid_districts[0], ut->district)));
    return q->optimiser.move_cost + (strcmp(uf->district, ut->district) ? q->optimiser.district_cost : 0) -
           (p->home_district[0] && !strcmp(p->home_district, ut->district) ? q->optimiser.home_bonus : 0) +
           (int64_t)missing * q->optimiser.competency_cost -
           (prefer ? q->optimiser.prefer_bonus : 0) + (avoid ? q->optimiser.avoid_cost : 0);
}

struct best {
    int64_t moves, cost;
};

/* Every assignment of the people to "stay" or a cell, checked against
 * the caps: the most moves, then the least cost. */
static struct best brute(const struct region *r)
{
    size_t nc = r->in.ncells, np = r->in.npeople, nu = r->in.nunits;
    int64_t have[MAXC], out_u[MAXU] = {0}, in_u[MAXU] = {0};
    for (size_t c = 0; c < nc; c++)
        have[c] = r->cells[c].existing;
    for (size_t i = 0; i < r->in.nfixed; i++) {
        if (r->fixed[i].from_cell >= 0) {
            have[r->fixed[i].from_cell]--;
            out_u[r->cells[r->fixed[i].from_cell].unit]++;
        }
        have[r->fixed[i].to_cell]++;
        in_u[r->cells[r->fixed[i].to_cell].unit]++;
    }
    int assign[MAXP] = {0};          /* 0 stay, c + 1 to cell c */
    struct best b = {0, 0};
    for (;;) {
        int64_t end[MAXC], out[MAXU], in[MAXU], moves = 0, cost = 0, left[MAXC];
        memcpy(end, have, sizeof end);
        memcpy(out, out_u, sizeof out);
        memcpy(in, in_u, sizeof in);
        memset(left, 0, sizeof left);
        bool ok = true;
        for (size_t i = 0; ok && i < np; i++) {
            if (!assign[i])
                continue;
            size_t c = (size_t)assign[i] - 1, f = r->people[i].cell;
            int64_t k = cost_of(r, i, c);
            ok = k >= 0 && have[f] > r->cells[f].need && have[c] < r->cells[c].need;
            end[f]--, end[c]++, moves++, cost += k;
            out[r->cells[f].unit]++, in[r->cells[c].unit]++;
        }
        for (size_t c = 0; ok && c < nc; c++) {
            if (have[c] > r->cells[c].need)
                ok = end[c] >= r->cells[c].need;
            if (have[c] < r->cells[c].need)
                ok = end[c] <= r->cells[c].need;
        }
        for (size_t u = 0; ok && u < nu; u++)
            ok = (!r->pol.plan.max_moves_out || out[u] <= r->pol.plan.max_moves_out ||
                  out[u] == out_u[u]) &&
                 (!r->pol.plan.max_moves_in || in[u] <= r->pol.plan.max_moves_in ||
                  in[u] == in_u[u]);
        ok = ok && (!r->pol.optimiser.max_moves || moves <= r->pol.optimiser.max_moves);
        if (ok && (moves > b.moves || (moves == b.moves && cost < b.cost)))
            b = (struct best){moves, cost};
        size_t i = 0;
        while (i < np && assign[i] == (int)nc)
            assign[i++] = 0;
        if (i == np)
            return b;
        assign[i]++;
    }
}

static void tiny_regions_equal_brute_force(void **state)
{
    (void)state;
    int moved = 0;
    for (int round = 0; round < 500; round++) {
        struct region r;
        random_region(&r, 1 + rnd(3), 2 + rnd(3), 1 + rnd(5), rnd(2));
        for (size_t c = 0; c < r.in.ncells; c++)
            if (rnd(2))                  /* open to more people: more moves */
                r.cells[c].family = "", r.cells[c].min_rank = r.cells[c].min_education = 0;
        r.in.routes = (enum planner_routes)(round % 3);   /* pairs and lattices alike */
        struct best want = brute(&r);
        struct planner *pl = planner_new(&r.in);
        assert_non_null(pl);
        assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
        assert_int_equal(planner_stats(pl)->max_fill, want.moves);
        assert_int_equal(planner_stats(pl)->objective, want.cost);
        moved += want.moves > 0;
        planner_free(pl);
    }
    assert_true(moved > 100);           /* not only empty answers */
}

/* The plan rules on the moves of a solved region. */
static void assert_plan_sane(const struct region *r, const struct planner *pl)
{
    size_t nc = r->in.ncells;
    int64_t have[MAXC], end[MAXC], out_u[MAXU] = {0}, in_u[MAXU] = {0};
    int64_t fixed_out[MAXU] = {0}, fixed_in[MAXU] = {0}, cost = 0;
    char seen[MAXP] = {0};
    for (size_t c = 0; c < nc; c++)
        have[c] = r->cells[c].existing;
    for (size_t i = 0; i < r->in.nfixed; i++) {
        if (r->fixed[i].from_cell >= 0) {
            have[r->fixed[i].from_cell]--;
            fixed_out[r->cells[r->fixed[i].from_cell].unit]++;
        }
        have[r->fixed[i].to_cell]++;
        fixed_in[r->cells[r->fixed[i].to_cell].unit]++;
    }
    memcpy(end, have, sizeof end);
    size_t n = planner_move_count(pl);
    for (size_t i = 0; i < n; i++) {
        const struct planner_move *m = planner_move(pl, i);
        assert_false(seen[m->person]);                  /* nobody twice */
        seen[m->person] = 1;
        assert_int_equal(m->from_cell, r->people[m->person].cell);
        assert_int_equal(m->cost, cost_of(r, m->person, m->to_cell));
        assert_int_equal(m->to_existing, end[m->to_cell]);
        assert_int_equal(m->from_existing, end[m->from_cell]);
        end[m->from_cell]--;
        end[m->to_cell]++;
        out_u[r->cells[m->from_cell].unit]++;
        in_u[r->cells[m->to_cell].unit]++;
        cost += m->cost;
    }
    for (size_t c = 0; c < nc; c++) {
        if (have[c] > r->cells[c].need)
            assert_true(end[c] >= r->cells[c].need);    /* origin keeps its need */
        else if (have[c] < r->cells[c].need)
            assert_true(end[c] <= r->cells[c].need);    /* target not over */
        else
            assert_int_equal(end[c], have[c]);
    }
    for (size_t u = 0; u < r->in.nunits; u++) {
        if (r->pol.plan.max_moves_out)
            assert_true(out_u[u] == 0 || out_u[u] + fixed_out[u] <= r->pol.plan.max_moves_out);
        if (r->pol.plan.max_moves_in)
            assert_true(in_u[u] == 0 || in_u[u] + fixed_in[u] <= r->pol.plan.max_moves_in);
    }
    if (r->pol.optimiser.max_moves)
        assert_true((int64_t)n <= r->pol.optimiser.max_moves);
    assert_int_equal((int64_t)n, planner_stats(pl)->max_fill);
    assert_int_equal(cost, planner_stats(pl)->objective);
}

static void larger_regions_keep_the_rules(void **state)
{
    (void)state;
    for (int round = 0; round < 150; round++) {
        struct region r;
        random_region(&r, 2 + rnd(4), 10 + rnd(30), 20 + rnd(180), rnd(MAXF));
        r.in.routes = (enum planner_routes)(round % 3);
        struct planner *pl = planner_new(&r.in);
        assert_non_null(pl);
        assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
        assert_plan_sane(&r, pl);
        /* the same network by successive shortest paths */
        int64_t want = planner_stats(pl)->objective;
        assert_int_equal(mcf_solve_ssp(planner_graph(pl)), MCF_OPTIMAL);
        assert_int_equal(mcf_objective(planner_graph(pl)), want);
        assert_true(planner_stats(pl)->classes <= planner_stats(pl)->movable);
        planner_free(pl);
    }
}

static bool odd_only(void *ctx, size_t person)
{
    (void)ctx;
    return person % 2 == 1;
}

static int stop(void *ctx, uint64_t steps)
{
    (void)ctx, (void)steps;
    return 1;
}

static void filter_cancel_and_bad_input(void **state)
{
    (void)state;
    struct region r;
    random_region(&r, 3, 30, 150, 0);
    r.in.may_move = odd_only;
    struct planner *pl = planner_new(&r.in);
    assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
    for (size_t i = 0; i < planner_move_count(pl); i++)
        assert_int_equal(planner_move(pl, i)->person % 2, 1);
    struct mcf_control ctl = {.progress = stop, .every = 1};
    if (planner_stats(pl)->max_fill > 0) {
        assert_int_equal(planner_solve(pl, &ctl), PLANNER_CANCELLED);
        assert_int_equal(planner_move_count(pl), 0);
    }
    planner_free(pl);
    r.people[0].cell = MAXC + 1;
    assert_null(planner_new(&r.in));
}

/* Minimums on both axes in one lattice: the people reach every target
 * whose minimums they meet, below theirs on either axis too, and no
 * other, whichever way the routes are built. */
static void lattice_reaches_lower_minimums(void **state)
{
    (void)state;
    struct policy p = pol();
    struct planner_unit units[] = {{"A", 0}, {"B", 0}};
    struct planner_cell cells[] = {
        {.unit = 0, .family = "kesehatan", .need = 1, .existing = 5},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0,
         .min_rank = RANK_II_A},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0,
         .min_education = EDU_SMA},
        {.unit = 1, .family = "kesehatan", .need = 1, .existing = 0,
         .min_rank = RANK_III_A + 1, .min_education = EDU_S1},
        {.unit = 1, .family = "", .need = 1, .existing = 0,
         .min_rank = RANK_III_A, .min_education = EDU_S1},
    };
    struct planner_person people[4];
    for (int i = 0; i < 4; i++)
        people[i] = (struct planner_person){.cell = 0, .rank = RANK_III_A,
                                            .education = EDU_S1, .family = "kesehatan",
                                            .home_district = "A"};
    for (int mode = 0; mode < 3; mode++) {
        struct planner_input in = {.policy = &p, .units = units, .nunits = 2,
                                   .cells = cells, .ncells = 6, .people = people,
                                   .npeople = 4, .max_moves = -1,
                                   .routes = (enum planner_routes)mode};
        struct planner *pl = planner_new(&in);
        assert_non_null(pl);
        assert_int_equal(planner_solve(pl, NULL), PLANNER_OK);
        assert_int_equal(planner_stats(pl)->max_fill, 4);   /* all but cell 4 */
        assert_int_equal(planner_stats(pl)->objective, 4 * 15);
        for (size_t i = 0; i < planner_move_count(pl); i++)
            assert_int_not_equal(planner_move(pl, i)->to_cell, 4);
        if (mode == PLANNER_ROUTES_LATTICE)
            assert_true(planner_stats(pl)->lattice_nodes > 1);
        planner_free(pl);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example),
        cmocka_unit_test(wishes_steer_the_same_fill),
        cmocka_unit_test(wishes_choose_among_people),
        cmocka_unit_test(lattice_reaches_lower_minimums),
        cmocka_unit_test(tiny_regions_equal_brute_force),
        cmocka_unit_test(larger_regions_keep_the_rules),
        cmocka_unit_test(filter_cancel_and_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
