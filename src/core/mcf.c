/* Minimum-cost flow: the network and its primal network simplex.
 *
 * The simplex keeps a spanning tree rooted at an extra node joined to every
 * node by an artificial arc of a cost higher than any path of real arcs,
 * so the artificial arcs carry flow only while the supplies cannot be met
 * otherwise (the textbook start, Ahuja, Magnanti & Orlin ch. 11). The tree
 * is stored as parent, predecessor arc, a preorder "thread" (doubly
 * linked), subtree sizes and the last node of each subtree in preorder;
 * re-hanging a subtree after a pivot rewires the thread piece by piece
 * along the reversed stem, so a pivot costs the stem plus the moved
 * subtree's potentials. The leaving arc is chosen by Cunningham's rule
 * (the last blocking arc on the cycle oriented from the join node), which
 * keeps the tree strongly feasible and rules out cycling. Entering arcs
 * are chosen by block search: scan about sqrt(arcs) arcs from where the
 * last scan stopped and take the most violating one. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/mcf_internal.h"

enum { ST_UPPER = -1, ST_TREE = 0, ST_LOWER = 1 };

struct mcf *mcf_new(uint32_t nodes)
{
    if (nodes >= (uint32_t)1 << 31)
        return NULL;
    struct mcf *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->n = nodes;
    g->supply = calloc(nodes ? nodes : 1, sizeof *g->supply);
    if (!g->supply || mcf_reserve(g, 16) != 0) {   /* arrays never NULL */
        mcf_free(g);
        return NULL;
    }
    return g;
}

void mcf_free(struct mcf *g)
{
    if (!g)
        return;
    free(g->supply);
    free(g->src);
    free(g->dst);
    free(g->cap);
    free(g->cost);
    free(g->flow);
    free(g);
}

int mcf_reserve(struct mcf *g, size_t arcs)
{
    if (arcs <= g->arc_room)
        return 0;
    if (arcs >= (size_t)1 << 31)
        return -1;
    uint32_t *s = realloc(g->src, arcs * sizeof *s);
    if (s)
        g->src = s;
    uint32_t *d = realloc(g->dst, arcs * sizeof *d);
    if (d)
        g->dst = d;
    int32_t *c = realloc(g->cap, arcs * sizeof *c);
    if (c)
        g->cap = c;
    int32_t *k = realloc(g->cost, arcs * sizeof *k);
    if (k)
        g->cost = k;
    int32_t *f = realloc(g->flow, arcs * sizeof *f);
    if (f)
        g->flow = f;
    if (!s || !d || !c || !k || !f)
        return -1;
    g->arc_room = arcs;
    return 0;
}

long mcf_add_arc(struct mcf *g, uint32_t from, uint32_t to, int64_t cap, int64_t cost)
{
    if (from >= g->n || to >= g->n || cap < 0 || (cap > MCF_CAP_MAX && cap != MCF_INF) ||
        cost > MCF_MAX_COST || cost < -MCF_MAX_COST)
        return -1;
    if (g->m == g->arc_room &&
        mcf_reserve(g, g->arc_room ? g->arc_room * 2 : 64) != 0)
        return -1;
    size_t a = g->m++;
    g->src[a] = from;
    g->dst[a] = to;
    g->cap[a] = cap == MCF_INF ? MCF_CAP_INF32 : (int32_t)cap;
    g->cost[a] = (int32_t)cost;
    g->flow[a] = 0;
    return (long)a;
}

void mcf_set_supply(struct mcf *g, uint32_t node, int64_t supply)
{
    if (node < g->n)
        g->supply[node] = supply;
}

uint32_t mcf_nodes(const struct mcf *g) { return g->n; }
size_t mcf_arcs(const struct mcf *g) { return g->m; }
uint32_t mcf_arc_from(const struct mcf *g, size_t a) { return g->src[a]; }
uint32_t mcf_arc_to(const struct mcf *g, size_t a) { return g->dst[a]; }
int64_t mcf_arc_cap(const struct mcf *g, size_t a)
{
    return g->cap[a] == MCF_CAP_INF32 ? MCF_INF : g->cap[a];
}
int64_t mcf_arc_cost(const struct mcf *g, size_t a) { return g->cost[a]; }
int64_t mcf_flow(const struct mcf *g, size_t a) { return a < g->m ? g->flow[a] : 0; }
int64_t mcf_objective(const struct mcf *g) { return g->objective; }
uint64_t mcf_steps(const struct mcf *g) { return g->steps; }

int mcf_control_stop(const struct mcf_control *ctl, uint64_t steps)
{
    if (!ctl)
        return 0;
    if (ctl->cancel && *ctl->cancel)
        return 1;
    uint64_t every = ctl->every ? ctl->every : 4096;
    if (ctl->progress && steps % every == 0)
        return ctl->progress(ctl->ctx, steps) != 0;
    return 0;
}

int mcf_sum_objective(struct mcf *g)
{
    int64_t sum = 0;
    for (size_t a = 0; a < g->m; a++) {
        int64_t term;
        if (__builtin_mul_overflow(g->flow[a], g->cost[a], &term) ||
            __builtin_add_overflow(sum, term, &sum))
            return MCF_BAD_INPUT;
    }
    g->objective = sum;
    return MCF_OPTIMAL;
}

/* ---- network simplex ---------------------------------------------------- */

/* The solver's working copy: real arcs 0..m-1, then artificial arc m+i
 * between node i and the root (node n). */
struct ns {
    uint32_t n, root;
    size_t m, all;
    uint32_t *src, *dst;
    int64_t *cap, *cost, *flow;
    int8_t *state;
    int64_t *pi;
    int32_t *parent, *thread, *rev, *last;
    uint32_t *pred, *succ;
    uint32_t *stem;
    uint32_t *piece;         /* head, tail pairs of thread pieces */
    size_t block, next;
};

static void ns_free(struct ns *s)
{
    free(s->src);
    free(s->dst);
    free(s->cap);
    free(s->cost);
    free(s->flow);
    free(s->state);
    free(s->pi);
    free(s->parent);
    free(s->thread);
    free(s->rev);
    free(s->last);
    free(s->pred);
    free(s->succ);
    free(s->stem);
    free(s->piece);
}

static int ns_alloc(struct ns *s, uint32_t n, size_t m)
{
    size_t all = m + n, nn = (size_t)n + 1;
    s->n = n;
    s->root = n;
    s->m = m;
    s->all = all;
    s->src = malloc((all + 1) * sizeof *s->src);
    s->dst = malloc((all + 1) * sizeof *s->dst);
    s->cap = malloc((all + 1) * sizeof *s->cap);
    s->cost = malloc((all + 1) * sizeof *s->cost);
    s->flow = malloc((all + 1) * sizeof *s->flow);
    s->state = malloc(all + 1);
    s->pi = malloc(nn * sizeof *s->pi);
    s->parent = malloc(nn * sizeof *s->parent);
    s->thread = malloc(nn * sizeof *s->thread);
    s->rev = malloc(nn * sizeof *s->rev);
    s->last = malloc(nn * sizeof *s->last);
    s->pred = malloc(nn * sizeof *s->pred);
    s->succ = malloc(nn * sizeof *s->succ);
    s->stem = malloc(nn * sizeof *s->stem);
    s->piece = malloc(4 * nn * sizeof *s->piece);
    return s->src && s->dst && s->cap && s->cost && s->flow && s->state && s->pi &&
           s->parent && s->thread && s->rev && s->last && s->pred && s->succ &&
           s->stem && s->piece ? 0 : -1;
}

static size_t isqrt(size_t x)
{
    size_t r = 1;
    while ((r + 1) * (r + 1) <= x)
        r++;
    return r;
}

/* The artificial start: every node hangs from the root by its artificial
 * arc, pointing so that it carries the node's supply (strongly feasible).
 * Returns -1 when the artificial cost would not fit in 64 bits. */
static int ns_init(struct ns *s, const struct mcf *g)
{
    int64_t maxc = 0;
    for (size_t a = 0; a < g->m; a++) {
        int64_t c = g->cost[a] < 0 ? -g->cost[a] : g->cost[a];
        if (c > maxc)
            maxc = c;
    }
    int64_t art;
    if (__builtin_mul_overflow(maxc + 1, (int64_t)g->n + 1, &art) ||
        art > (int64_t)1 << 60)
        return -1;
    memcpy(s->src, g->src, g->m * sizeof *s->src);
    memcpy(s->dst, g->dst, g->m * sizeof *s->dst);
    for (size_t a = 0; a < g->m; a++) {
        s->cap[a] = mcf_cap_of(g, a);
        s->cost[a] = g->cost[a];
        s->flow[a] = 0;
        s->state[a] = g->cap[a] > 0 ? ST_LOWER : ST_TREE;   /* cap 0: never enters */
    }
    uint32_t root = s->root;
    for (uint32_t i = 0; i < s->n; i++) {
        size_t a = s->m + i;
        int64_t b = g->supply[i];
        s->cap[a] = INT64_MAX / 4;
        s->cost[a] = art;
        s->state[a] = ST_TREE;
        s->src[a] = b >= 0 ? i : root;
        s->dst[a] = b >= 0 ? root : i;
        s->flow[a] = b >= 0 ? b : -b;
        s->pi[i] = b >= 0 ? -art : art;
        s->parent[i] = (int32_t)root;
        s->pred[i] = (uint32_t)a;
        s->succ[i] = 1;
        s->last[i] = (int32_t)i;
        s->thread[i] = (int32_t)(i + 1 < s->n ? i + 1 : root);
        s->rev[i] = i == 0 ? (int32_t)root : (int32_t)(i - 1);
    }
    s->pi[root] = 0;
    s->parent[root] = -1;
    s->succ[root] = s->n + 1;
    s->thread[root] = s->n ? 0 : (int32_t)root;
    s->rev[root] = s->n ? (int32_t)(s->n - 1) : (int32_t)root;
    s->last[root] = s->n ? (int32_t)(s->n - 1) : (int32_t)root;
    /* sqrt(arcs) / 8, at least 32: on the planner's networks smaller
     * blocks than LEMON's sqrt(arcs) halved the time (fewer, cheaper
     * pivots; measured with tests/tools/plangen) */
    s->block = isqrt(s->all) / 8;
    if (s->block < 32)
        s->block = 32;
    s->next = 0;
    return 0;
}

/* Block search: the most violating arc of the first block holding one,
 * scanning on from where the last search stopped; -1 when optimal. */
static long ns_entering(struct ns *s)
{
    int64_t best = 0;
    long arc = -1;
    size_t seen = 0, e = s->next;
    for (size_t i = 0; i < s->all; i++) {
        int64_t c = s->state[e] * (s->cost[e] + s->pi[s->src[e]] - s->pi[s->dst[e]]);
        if (c < best) {
            best = c;
            arc = (long)e;
        }
        if (++e == s->all)
            e = 0;
        if (++seen == s->block) {
            if (arc >= 0)
                break;
            seen = 0;
        }
    }
    s->next = e;
    return arc;
}

static uint32_t ns_join(const struct ns *s, uint32_t u, uint32_t v)
{
    while (u != v) {
        if (s->succ[u] < s->succ[v])
            u = (uint32_t)s->parent[u];
        else
            v = (uint32_t)s->parent[v];
    }
    return u;
}

static bool ns_up(const struct ns *s, uint32_t x)
{
    return s->src[s->pred[x]] == x;
}

/* Re-hangs the subtree under the leaving arc (whose child is out) from
 * the entering arc e: in is e's end inside that subtree, to the other. */
static void ns_rehang(struct ns *s, size_t e, uint32_t in, uint32_t to, uint32_t out,
                      uint32_t join)
{
    size_t k = 0;
    for (uint32_t x = in;; x = (uint32_t)s->parent[x]) {
        s->stem[k++] = x;
        if (x == out)
            break;
    }
    int32_t before = s->rev[out], old_last = s->last[out];
    int32_t after = s->thread[old_last];
    uint32_t size = s->succ[out], old_parent = (uint32_t)s->parent[out];

    /* the new preorder of the subtree, as pieces of the old thread */
    size_t np = 0;
    s->piece[np++] = s->stem[0];
    s->piece[np++] = (uint32_t)s->last[s->stem[0]];
    for (size_t i = 1; i < k; i++) {
        uint32_t x = s->stem[i], prev = s->stem[i - 1];
        s->piece[np++] = x;
        s->piece[np++] = (uint32_t)s->rev[prev];
        if (s->last[prev] != s->last[x]) {
            s->piece[np++] = (uint32_t)s->thread[s->last[prev]];
            s->piece[np++] = (uint32_t)s->last[x];
        }
    }
    uint32_t new_last = s->piece[np - 1];
    s->thread[before] = after;
    s->rev[after] = before;
    for (size_t j = 2; j < np; j += 2) {
        s->thread[s->piece[j - 1]] = (int32_t)s->piece[j];
        s->rev[s->piece[j]] = (int32_t)s->piece[j - 1];
    }
    int32_t nxt = s->thread[to];
    s->thread[to] = (int32_t)in;
    s->rev[in] = (int32_t)to;
    s->thread[new_last] = nxt;
    s->rev[nxt] = (int32_t)new_last;

    /* subtree sizes: the stem's from the old ones, then the two paths */
    for (size_t i = k; i-- > 0;)
        s->succ[s->stem[i]] = size - (i ? s->succ[s->stem[i - 1]] : 0);
    for (uint32_t a = old_parent; a != join; a = (uint32_t)s->parent[a])
        s->succ[a] -= size;
    for (uint32_t a = to; a != join; a = (uint32_t)s->parent[a])
        s->succ[a] += size;

    /* last nodes of subtrees */
    for (int32_t a = (int32_t)old_parent; a >= 0 && s->last[a] == old_last; a = s->parent[a])
        s->last[a] = before;
    for (size_t i = 0; i < k; i++)
        s->last[s->stem[i]] = (int32_t)new_last;
    if (s->last[to] == (int32_t)to)
        for (int32_t a = (int32_t)to; a >= 0 && s->last[a] == (int32_t)to; a = s->parent[a])
            s->last[a] = (int32_t)new_last;

    /* parents along the reversed stem */
    for (size_t i = k; i-- > 1;) {
        s->parent[s->stem[i]] = (int32_t)s->stem[i - 1];
        s->pred[s->stem[i]] = s->pred[s->stem[i - 1]];
    }
    s->parent[in] = (int32_t)to;
    s->pred[in] = (uint32_t)e;

    int64_t want = ns_up(s, in) ? s->pi[to] - s->cost[e] : s->pi[to] + s->cost[e];
    int64_t shift = want - s->pi[in];
    int32_t x = (int32_t)in;
    for (uint32_t i = 0; i < size; i++, x = s->thread[x])
        s->pi[x] += shift;
}

/* One pivot on entering arc e. */
static void ns_pivot(struct ns *s, size_t e)
{
    uint32_t first = s->state[e] == ST_LOWER ? s->src[e] : s->dst[e];
    uint32_t second = s->state[e] == ST_LOWER ? s->dst[e] : s->src[e];
    uint32_t join = ns_join(s, first, second);
    int64_t delta = s->cap[e];
    uint32_t out = 0;
    int side = 0;
    /* Cunningham: the last blocking arc from the join node round the
     * cycle (first's path down to first, e, second's path up to join) */
    for (uint32_t u = first; u != join; u = (uint32_t)s->parent[u]) {
        size_t a = s->pred[u];
        int64_t d = ns_up(s, u) ? s->flow[a] : s->cap[a] - s->flow[a];
        if (d < delta) {
            delta = d;
            out = u;
            side = 1;
        }
    }
    for (uint32_t u = second; u != join; u = (uint32_t)s->parent[u]) {
        size_t a = s->pred[u];
        int64_t d = ns_up(s, u) ? s->cap[a] - s->flow[a] : s->flow[a];
        if (d <= delta) {
            delta = d;
            out = u;
            side = 2;
        }
    }
    if (delta > 0) {
        s->flow[e] += s->state[e] * delta;
        for (uint32_t u = first; u != join; u = (uint32_t)s->parent[u])
            s->flow[s->pred[u]] += ns_up(s, u) ? -delta : delta;
        for (uint32_t u = second; u != join; u = (uint32_t)s->parent[u])
            s->flow[s->pred[u]] += ns_up(s, u) ? delta : -delta;
    }
    if (side == 0) {
        s->state[e] = (int8_t)-s->state[e];
        return;
    }
    size_t leaving = s->pred[out];
    s->state[leaving] = s->flow[leaving] == 0 ? ST_LOWER : ST_UPPER;
    s->state[e] = ST_TREE;
    if (side == 1)
        ns_rehang(s, e, first, second, out, join);
    else
        ns_rehang(s, e, second, first, out, join);
}

int mcf_solve(struct mcf *g, const struct mcf_control *ctl)
{
    int64_t total = 0;
    for (uint32_t i = 0; i < g->n; i++)
        if (__builtin_add_overflow(total, g->supply[i], &total))
            return MCF_BAD_INPUT;
    if (total != 0)
        return MCF_BAD_INPUT;
    struct ns s = {0};
    int rc = MCF_NOMEM;
    if (ns_alloc(&s, g->n, g->m) != 0)
        goto out;
    rc = MCF_BAD_INPUT;
    if (ns_init(&s, g) != 0)
        goto out;
    g->steps = 0;
    for (;;) {
        long e = ns_entering(&s);
        if (e < 0)
            break;
        ns_pivot(&s, (size_t)e);
        if (mcf_control_stop(ctl, ++g->steps)) {
            rc = MCF_CANCELLED;
            goto out;
        }
    }
    rc = MCF_INFEASIBLE;
    for (size_t a = s.m; a < s.all; a++)
        if (s.flow[a] != 0)
            goto out;
    rc = MCF_BAD_INPUT;
    for (size_t a = 0; a < g->m; a++)
        if (mcf_put_flow(g, a, s.flow[a]) != 0)
            goto out;
    rc = mcf_sum_objective(g);
out:
    ns_free(&s);
    return rc;
}
