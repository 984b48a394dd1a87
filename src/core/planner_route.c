/* How person types reach target types: the links that carry every cost
 * and every fit rule of a move, and the flow on them taken apart again.
 *
 * One arc per fitting (person type, target type) pair grows as their
 * product (3.7 million arcs for 100,000 staff). Instead the pairs are cut
 * into groups of equal (root, person family, rank kind, target
 * competencies, route), where the route is "any district" or one
 * district. A person type enters a group by one arc whose cost is exact
 * for every target the route covers:
 *     any district  move + district_cost + competency
 *     own district  move - home_bonus (when home) + competency
 *     home district move + district_cost - home_bonus + competency
 * and inside the group a lattice of (minimum rank, minimum education)
 * thresholds, arcs of cost 0 from each point to the next lower one on
 * either axis, leads to exactly the targets whose minimums the person
 * meets. A target in the person's own or home district is also reached
 * by "any district" at a cost no lower (district_cost >= 0, home_bonus
 * >= 0), so the cheapest path of every pair is its exact cost and a pair
 * that does not fit has no path. Small groups keep one arc per pair,
 * whichever makes fewer arcs.
 *
 * A person type with a wish (planner_wish) is none of this: its wish
 * prices targets one by one, so it has one arc per fitting pair.
 *
 * In an optimal flow every path from a person type to a target type
 * costs exactly that pair's cost (else moving one unit to the exact path,
 * which is uncapacitated, would be cheaper), so any decomposition of the
 * flow into paths gives moves whose costs sum to the optimum. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/planner_internal.h"
#include "core/vocab.h"

#define AXIS_MAX 32

/* A target type in a group: the key of the group, then the target. */
struct member {
    uint32_t root, family, route, comps, tt;
    uint8_t kind, rank, education;
};

struct group {
    size_t first, count;           /* members */
    size_t people;                 /* person types entering */
    uint32_t node0;                /* local id of lattice point (0, 0); NONE: pairs */
    uint8_t nr, ne;
    uint8_t ra[AXIS_MAX], ea[AXIS_MAX];
};

struct router {
    struct planner *pl;
    struct member *m;
    size_t nm;
    struct group *g;
    size_t ng;
    bool fit, exact_any;           /* fit rules on; "any district" never undercuts */
};

/* 0: no rank or one that compares with nothing, 1: PNS, 2: PPPK. */
static uint8_t rank_kind(int r)
{
    if (r >= 1 && r <= RANK_MAX_PNS)
        return 1;
    if (r > RANK_PPPK_BASE && r <= RANK_PPPK_BASE + RANK_PPPK_MAX)
        return 2;
    return 0;
}

static int held_level(const struct planner_person *p, const char *code)
{
    for (int i = 0; p->comp && i < p->ncomp && i < COMP_MAX; i++)
        if (strncmp(p->comp[i].code, code, COMP_CODE_SIZE) == 0)
            return p->comp[i].level;
    return 0;
}

static int missing_levels(const struct planner_person *p, const struct planner_cell *c)
{
    int missing = 0;
    for (int i = 0; c->comp && i < c->ncomp && i < COMP_MAX; i++) {
        int held = held_level(p, c->comp[i].code);
        if (held < c->comp[i].level)
            missing += c->comp[i].level - held;
    }
    return missing;
}

static bool unit_named(const uint32_t *u, uint32_t n, uint32_t unit)
{
    for (uint32_t i = 0; i < n; i++)
        if (u[i] == unit)
            return true;
    return false;
}

static bool district_named(const char *const *d, uint32_t n, const char *district)
{
    if (!district || !district[0])
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (d[i] && strcmp(d[i], district) == 0)
            return true;
    return false;
}

/* The wish's part of a move to cell c. A unit a wish names is a target
 * type of its own (key.wish), so c stands for every cell of its type. */
static void wish_part(const struct planner *pl, const struct planner_wish *w,
                      const struct planner_cell *c, struct pair *q)
{
    if (!w)
        return;
    const char *district = pl->in.units[c->unit].district;
    const struct policy *pol = pl->in.policy;
    q->preferred = unit_named(w->prefer_units, w->nprefer_units, c->unit) ||
                   district_named(w->prefer_districts, w->nprefer_districts, district);
    q->avoided = unit_named(w->avoid_units, w->navoid_units, c->unit) ||
                 district_named(w->avoid_districts, w->navoid_districts, district);
    q->wish = (q->preferred ? -(int64_t)pol->optimiser.prefer_bonus : 0) +
              (q->avoided ? (int64_t)pol->optimiser.avoid_cost : 0);
}

bool planner_pair(const struct planner *pl, size_t pt, size_t tt, struct pair *out)
{
    const struct policy *pol = pl->in.policy;
    const struct planner_person *p = &pl->in.people[pl->pt_person[pt]];
    const struct planner_cell *c = &pl->in.cells[pl->tcells[pl->tt_first[tt]]];
    const struct key *pk = &pl->pt_key[pt], *tk = &pl->tt_key[tt];
    if (pk->root != tk->root)
        return false;
    if (pol->fit.severity != SEV_OFF) {
        if (tk->family != 0 && tk->family != pk->family)
            return false;
        if (c->min_rank != RANK_NONE &&
            (p->rank == RANK_NONE || !rank_comparable(p->rank, c->min_rank) ||
             p->rank < c->min_rank))
            return false;
        if (c->min_education != EDU_NONE && p->education < c->min_education)
            return false;
    }
    int missing = missing_levels(p, c);
    if (missing > 0 && pol->fit.competency_severity == SEV_BLOCK)
        return false;
    *out = (struct pair){
        .district = pk->district != tk->district ? pol->optimiser.district_cost : 0,
        .home = pk->home != 0 && pk->home == tk->district ? -pol->optimiser.home_bonus : 0,
        .competency = (int64_t)missing * pol->optimiser.competency_cost,
        .missing = missing};
    if (pk->wish)
        wish_part(pl, p->wish, c, out);
    return true;
}

static int member_cmp(const void *pa, const void *pb)
{
    const struct member *a = pa, *b = pb;
#define CMP(f) if (a->f != b->f) return a->f < b->f ? -1 : 1
    CMP(root); CMP(family); CMP(kind); CMP(route); CMP(comps); CMP(tt);
#undef CMP
    return 0;
}

static bool same_route(const struct member *a, const struct member *b)
{
    return a->root == b->root && a->family == b->family && a->kind == b->kind &&
           a->route == b->route;
}

static bool same_group(const struct member *a, const struct member *b)
{
    return same_route(a, b) && a->comps == b->comps;
}

/* Straight into the network: no copy of the links is kept (at 1,000,000
 * staff they are 7 million). */
static int add_link(struct planner *pl, uint32_t from, uint32_t to, int64_t cost)
{
    if (mcf_add_arc(pl->g, pl->pt0 + from, pl->pt0 + to, MCF_INF, cost) < 0)
        return -1;
    pl->nlinks++;
    return 0;
}

/* The person families of each root: the person types' (root, family),
 * which they are sorted by. fams[i] = index of a person type. */
static size_t root_families(const struct planner *pl, size_t *fams)
{
    size_t n = 0;
    for (size_t p = 0; p < pl->nperson_type; p++) {
        const struct key *k = &pl->pt_key[p];
        if (n && pl->pt_key[fams[n - 1]].root == k->root &&
            pl->pt_key[fams[n - 1]].family == k->family)
            continue;
        fams[n++] = p;
    }
    return n;
}

/* Members of a target type: each person family it accepts, each rank kind
 * its minimum compares with, the "any district" route and its own. */
static int add_members(struct router *r, size_t tt, const size_t *fams, size_t nfam,
                       size_t *room)
{
    struct planner *pl = r->pl;
    const struct key *tk = &pl->tt_key[tt];
    uint8_t mr = r->fit ? tk->rank : 0, me = r->fit ? tk->education : 0;
    uint8_t kinds[3], nk = 0;
    if (!r->fit || mr == RANK_NONE)
        nk = r->fit ? 3 : 1, kinds[0] = 0, kinds[1] = 1, kinds[2] = 2;
    else if (rank_kind(mr) != 0)
        kinds[nk++] = rank_kind(mr);
    for (size_t f = 0; f < nfam; f++) {
        const struct key *pk = &pl->pt_key[fams[f]];
        if (pk->root != tk->root)
            continue;
        uint32_t fam = r->fit ? pk->family : 0;
        if (r->fit && tk->family != 0 && tk->family != fam)
            continue;
        for (uint8_t k = 0; k < nk; k++)
            for (int route = 0; route < 2; route++) {
                if (r->nm + 1 >= *room) {
                    size_t nroom = *room * 2 + 64;
                    struct member *m = realloc(r->m, nroom * sizeof *m);
                    if (!m)
                        return -1;
                    r->m = m;
                    *room = nroom;
                }
                r->m[r->nm++] = (struct member){
                    .root = tk->root, .family = fam, .kind = kinds[k],
                    .route = route ? tk->district + 1 : 0, .comps = tk->comps,
                    .tt = (uint32_t)tt, .rank = mr, .education = me};
            }
        if (!r->fit)
            break;             /* one family for all */
    }
    return 0;
}

static int axis_add(uint8_t *axis, uint8_t *n, uint8_t v)
{
    uint8_t i = 0;
    while (i < *n && axis[i] < v)
        i++;
    if (i < *n && axis[i] == v)
        return 0;
    if (*n == AXIS_MAX)
        return -1;
    memmove(axis + i + 1, axis + i, (size_t)(*n - i));
    axis[i] = v;
    (*n)++;
    return 0;
}

/* The highest axis point at most v, or -1. */
static int axis_at(const uint8_t *axis, uint8_t n, uint8_t v)
{
    int i = -1;
    while (i + 1 < n && axis[i + 1] <= v)
        i++;
    return i;
}

static int make_groups(struct router *r)
{
    struct planner *pl = r->pl;
    size_t *fams = malloc((pl->nperson_type + 1) * sizeof *fams), room = 0;
    if (!fams)
        return -1;
    size_t nfam = root_families(pl, fams);
    for (size_t tt = 0; tt < pl->ntarget_type; tt++)
        if (add_members(r, tt, fams, nfam, &room) != 0) {
            free(fams);
            return -1;
        }
    free(fams);
    if (r->nm)
        qsort(r->m, r->nm, sizeof *r->m, member_cmp);
    r->g = calloc(r->nm + 1, sizeof *r->g);
    if (!r->g)
        return -1;
    for (size_t i = 0; i < r->nm; i++) {
        if (i == 0 || !same_group(&r->m[i], &r->m[i - 1]))
            r->g[r->ng++] = (struct group){.first = i, .node0 = NONE};
        struct group *g = &r->g[r->ng - 1];
        g->count++;
        if (axis_add(g->ra, &g->nr, r->m[i].rank) != 0 ||
            axis_add(g->ea, &g->ne, r->m[i].education) != 0)
            g->nr = AXIS_MAX + 1;                /* too many: pairs */
    }
    return 0;
}

/* The groups [*lo, *hi) of one (root, family, kind, route). */
static void group_range(const struct router *r, const struct member *want, size_t *lo,
                        size_t *hi)
{
    size_t a = 0, b = r->ng;
    while (a < b) {
        size_t mid = (a + b) / 2;
        struct member x = r->m[r->g[mid].first];
        x.comps = 0, x.tt = 0;
        if (member_cmp(&x, want) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    while (a < r->ng && same_route(&r->m[r->g[a].first], want))
        a++;
    *hi = a;
}

/* What a person type enters: each route's groups and the route's cost. */
struct routes {
    uint32_t route[3];
    int64_t cost[3];
    int n;
};

static struct routes routes_of(const struct router *r, size_t pt)
{
    const struct key *k = &r->pl->pt_key[pt];
    const struct policy *pol = r->pl->in.policy;
    int64_t dc = pol->optimiser.district_cost, hb = pol->optimiser.home_bonus;
    struct routes x = {.n = 2};
    x.route[0] = 0;
    x.cost[0] = dc;
    x.route[1] = k->district + 1;
    x.cost[1] = k->home != 0 && k->home == k->district ? -hb : 0;
    if (k->home != 0 && k->home != k->district) {
        x.route[2] = k->home + 1;
        x.cost[2] = dc - hb;
        x.n = 3;
    }
    return x;
}

/* Calls visit for every group person type pt enters. */
static int each_group(struct router *r, size_t pt,
                      int (*visit)(struct router *r, size_t pt, size_t g, int64_t route_cost,
                                   uint32_t route),
                      const struct routes *rt)
{
    const struct key *k = &r->pl->pt_key[pt];
    if (k->wish)
        return 0;                  /* its own arcs: wish_links */
    for (int i = 0; i < rt->n; i++) {
        struct member want = {.root = k->root, .family = r->fit ? k->family : 0,
                              .kind = r->fit ? rank_kind(k->rank) : 0, .route = rt->route[i]};
        size_t lo, hi;
        group_range(r, &want, &lo, &hi);
        for (size_t g = lo; g < hi; g++)
            if (visit(r, pt, g, rt->cost[i], rt->route[i]) != 0)
                return -1;
    }
    return 0;
}

static int count_person(struct router *r, size_t pt, size_t g, int64_t cost, uint32_t route)
{
    (void)pt, (void)cost, (void)route;
    r->g[g].people++;
    return 0;
}

/* Lattice or pairs: the lattice where it is exact and, unless forced,
 * saves arcs enough to pay for its nodes (30 arcs a node: the fastest of
 * 3..30 with tests/tools/plangen at 100,000 staff). */
static void choose(struct router *r)
{
    enum planner_routes mode = r->pl->in.routes;
    for (size_t i = 0; i < r->ng; i++) {
        struct group *g = &r->g[i];
        bool exact = r->m[g->first].route != 0 || r->exact_any;
        if (mode == PLANNER_ROUTES_PAIRS || g->nr > AXIS_MAX || !exact)
            continue;
        size_t grid = (size_t)g->nr * g->ne;
        if (mode == PLANNER_ROUTES_LATTICE ||
            g->people * g->count > g->people + g->count + 30 * grid) {
            g->node0 = (uint32_t)(r->pl->nperson_type + r->pl->ntarget_type) +
                       r->pl->nlattice;
            r->pl->nlattice += (uint32_t)grid;
        }
    }
}

static int link_person(struct router *r, size_t pt, size_t g, int64_t route_cost,
                       uint32_t route)
{
    struct planner *pl = r->pl;
    const struct group *gr = &r->g[g];
    const struct planner_person *p = &pl->in.people[pl->pt_person[pt]];
    const struct key *k = &pl->pt_key[pt];
    int64_t move = pl->in.policy->optimiser.move_cost;
    if (gr->node0 == NONE) {
        for (size_t i = gr->first; i < gr->first + gr->count; i++) {
            uint32_t tt = r->m[i].tt, td = pl->tt_key[tt].district;
            struct pair q;
            /* "any district" leaves the own and home district to theirs */
            if (route == 0 && (td == k->district || (k->home != 0 && td == k->home)))
                continue;
            if (planner_pair(pl, pt, tt, &q) &&
                add_link(pl, (uint32_t)pt, (uint32_t)(pl->nperson_type + tt),
                         move + q.district + q.home + q.competency) != 0)
                return -1;
        }
        return 0;
    }
    const struct planner_cell *c = &pl->in.cells[pl->tcells[pl->tt_first[r->m[gr->first].tt]]];
    int missing = missing_levels(p, c);
    if (missing > 0 && pl->in.policy->fit.competency_severity == SEV_BLOCK)
        return 0;
    int ir = axis_at(gr->ra, gr->nr, r->fit ? p->rank : 0);
    int ie = axis_at(gr->ea, gr->ne, r->fit ? p->education : 0);
    if (ir < 0 || ie < 0)
        return 0;
    int64_t cost = move + route_cost + (int64_t)missing * pl->in.policy->optimiser.competency_cost;
    return add_link(pl, (uint32_t)pt, gr->node0 + (uint32_t)(ir * gr->ne + ie), cost);
}

/* A lattice's own arcs: down either axis, and out to its targets. */
static int link_lattice(struct router *r, const struct group *g)
{
    struct planner *pl = r->pl;
    for (int i = 0; i < g->nr; i++)
        for (int j = 0; j < g->ne; j++) {
            uint32_t at = g->node0 + (uint32_t)(i * g->ne + j);
            if (i > 0 && add_link(pl, at, at - g->ne, 0) != 0)
                return -1;
            if (j > 0 && add_link(pl, at, at - 1, 0) != 0)
                return -1;
        }
    for (size_t i = g->first; i < g->first + g->count; i++) {
        const struct member *m = &r->m[i];
        int ir = axis_at(g->ra, g->nr, m->rank), ie = axis_at(g->ea, g->ne, m->education);
        if (add_link(pl, g->node0 + (uint32_t)(ir * g->ne + ie),
                     (uint32_t)(pl->nperson_type + m->tt), 0) != 0)
            return -1;
    }
    return 0;
}

/* A person type with a wish: one arc to every target type it fits. */
static int wish_links(struct planner *pl, size_t pt)
{
    int64_t move = pl->in.policy->optimiser.move_cost;
    for (size_t tt = 0; tt < pl->ntarget_type; tt++) {
        struct pair q;
        if (planner_pair(pl, pt, tt, &q) &&
            add_link(pl, (uint32_t)pt, (uint32_t)(pl->nperson_type + tt),
                     move + q.district + q.home + q.competency + q.wish) != 0)
            return -1;
    }
    return 0;
}

/* At most this many links: a lattice's entries, own arcs and exits, or
 * every pair; every target for a person type with a wish. */
static size_t link_bound(const struct router *r)
{
    size_t n = r->pl->nwishing * r->pl->ntarget_type;
    for (size_t i = 0; i < r->ng; i++) {
        const struct group *g = &r->g[i];
        n += g->node0 == NONE ? g->people * g->count
                              : g->people + 2 * (size_t)g->nr * g->ne + g->count;
    }
    return n;
}

void planner_route_free(struct planner *pl)
{
    struct router *r = pl->router;
    if (!r)
        return;
    free(r->m);
    free(r->g);
    free(r);
    pl->router = NULL;
}

int planner_route(struct planner *pl)
{
    const struct policy *pol = pl->in.policy;
    struct router *r = calloc(1, sizeof *r);
    if (!r)
        return -1;
    *r = (struct router){.pl = pl, .fit = pol->fit.severity != SEV_OFF,
                         .exact_any = pol->optimiser.district_cost >= 0 &&
                                      pol->optimiser.home_bonus >= 0};
    pl->router = r;
    if (make_groups(r) != 0)
        return -1;
    for (size_t pt = 0; pt < pl->nperson_type; pt++) {
        struct routes rt = routes_of(r, pt);
        each_group(r, pt, count_person, &rt);
    }
    choose(r);
    pl->st.lattice_nodes = pl->nlattice;
    pl->link_bound = link_bound(r);
    return 0;
}

int planner_route_links(struct planner *pl)
{
    struct router *r = pl->router;
    int rc = -1;
    for (size_t pt = 0; pt < pl->nperson_type; pt++) {
        struct routes rt = routes_of(r, pt);
        if (each_group(r, pt, link_person, &rt) != 0 ||
            (pl->pt_key[pt].wish && wish_links(pl, pt) != 0))
            goto out;
    }
    for (size_t g = 0; g < r->ng; g++)
        if (r->g[g].node0 != NONE && link_lattice(r, &r->g[g]) != 0)
            goto out;
    rc = 0;
out:
    planner_route_free(pl);
    return rc;
}

/* ---- the flow taken apart into paths ------------------------------------ */

/* The links that carry flow, by their tail: from[x] .. from[x + 1] in
 * ord, each with its flow left[]. Few: at most a few per move. */
struct carried {
    size_t *from, *ord;
    int64_t *left;
};

static void carried_free(struct carried *c)
{
    free(c->from);
    free(c->ord);
    free(c->left);
}

static int carried_links(const struct planner *pl, size_t nloc, struct carried *c)
{
    size_t n = 0;
    for (size_t i = 0; i < pl->nlinks; i++)
        n += mcf_flow(pl->g, (size_t)pl->link_arc0 + i) > 0;
    c->from = calloc(nloc + 2, sizeof *c->from);
    c->ord = malloc((n + 1) * sizeof *c->ord);
    c->left = malloc((n + 1) * sizeof *c->left);
    if (!c->from || !c->ord || !c->left)
        return -1;
    for (size_t i = 0; i < pl->nlinks; i++) {
        size_t a = (size_t)pl->link_arc0 + i;
        if (mcf_flow(pl->g, a) > 0)
            c->from[mcf_arc_from(pl->g, a) - pl->pt0 + 2]++;
    }
    for (size_t x = 0; x < nloc; x++)
        c->from[x + 2] += c->from[x + 1];
    for (size_t i = 0; i < pl->nlinks; i++) {
        size_t a = (size_t)pl->link_arc0 + i;
        if (mcf_flow(pl->g, a) > 0)
            c->ord[c->from[mcf_arc_from(pl->g, a) - pl->pt0 + 1]++] = a;
    }
    for (size_t k = 0; k < n; k++)
        c->left[k] = mcf_flow(pl->g, c->ord[k]);
    return 0;
}

int planner_paths(const struct planner *pl,
                  void (*take)(void *ctx, uint32_t pt, uint32_t tt, int64_t n), void *ctx)
{
    size_t nloc = pl->nperson_type + pl->ntarget_type + pl->nlattice;
    struct carried c = {0};
    size_t *pos = malloc((nloc + 1) * sizeof *pos);
    if (!pos || carried_links(pl, nloc, &c) != 0) {
        free(pos);
        carried_free(&c);
        return -1;
    }
    /* c.from[x] .. c.from[x + 1]: the carrying links out of x, in order;
     * pos[x] moves past those whose flow is used up */
    const size_t *head = c.from;
    for (size_t x = 0; x < nloc; x++)
        pos[x] = head[x];
    uint32_t first_tt = (uint32_t)pl->nperson_type;
    uint32_t end_tt = first_tt + (uint32_t)pl->ntarget_type;
    for (uint32_t pt = 0; pt < first_tt; pt++) {
        for (;;) {
            int64_t n = INT64_MAX;
            uint32_t x = pt;
            /* find a path of positive flow, and its least flow */
            while (x == pt || x >= end_tt) {
                while (pos[x] < head[x + 1] && c.left[pos[x]] == 0)
                    pos[x]++;
                if (pos[x] == head[x + 1])
                    break;
                if (c.left[pos[x]] < n)
                    n = c.left[pos[x]];
                x = mcf_arc_to(pl->g, c.ord[pos[x]]) - pl->pt0;
            }
            if (x == pt || x >= end_tt)
                break;                           /* no flow left out of pt */
            for (uint32_t y = pt; y != x;) {
                c.left[pos[y]] -= n;
                y = mcf_arc_to(pl->g, c.ord[pos[y]]) - pl->pt0;
            }
            take(ctx, pt, x - first_tt, n);
        }
    }
    free(pos);
    carried_free(&c);
    return 0;
}
