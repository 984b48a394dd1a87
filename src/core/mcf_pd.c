/* Min-cost maximum flow by the primal-dual method (Ahuja, Magnanti &
 * Orlin, section 9.8), for one part of a network whose costs are not
 * negative.
 *
 * Node potentials keep every residual arc's reduced cost >= 0. Each phase
 * finds the shortest distance D from s to t (Dijkstra on reduced costs,
 * run backwards from t and stopped when s is settled), lowers each
 * potential by min(distance to t, D) (the reduced costs stay >= 0 and
 * every shortest path becomes a path of reduced cost 0), then sends a
 * maximum flow over the arcs of reduced cost 0 (Dinic's blocking flows,
 * levels counted back from t). Phases end when t cannot be reached: the
 * flow is then maximum and, sent along shortest paths only, the cheapest
 * of its value (the zero flow is the cheapest of value 0: no negative
 * cycle). On the planner's networks the costs are small integers, so
 * there are few distinct distances and few phases (about 10 per
 * kabupaten), and the searches run backwards from the short places, which
 * are few and fill up, rather than forwards from every movable person:
 * at 100,000 staff this does a third of the work of a maximum flow and a
 * network simplex from an artificial tree (tests/tools/plangen). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/mcf_internal.h"

/* A residual arc: entries of one node are contiguous; rev is the
 * opposite entry (backward arcs start with res 0 and cost -cost). back
 * mirrors the opposite entry's res (the arc from `to` into this node),
 * so that the searches backwards from t read one entry, in order, rather
 * than jump to its opposite. */
struct rent {
    uint32_t to, rev;
    int32_t res, back, cost;       /* capacities and costs fit (mcf.h): 20 bytes an entry */
};

struct hent {
    int64_t d;
    uint32_t v;
};

struct pd {
    uint32_t n, s, t;
    uint32_t *first;                /* n + 1 offsets into e */
    struct rent *e;
    uint32_t *fwd;                  /* the forward entry of each arc */
    int64_t *pi, *dist;
    uint32_t *seen, *done, stamp;   /* dist valid / settled in this phase */
    struct hent *heap;
    size_t hn, hroom;
    /* the entries of reduced cost 0 (fixed within a phase, whatever
     * their residual capacity) of the nodes seen in this phase:
     * sub[sfirst[u] .. send[u]) when sphase[u] = phase; subto[k] is
     * the head of entry sub[k], so that the searches test its level
     * before they reach for the entry itself */
    uint32_t *sfirst, *send, *sphase, *sub, *subto, nsub, phase;
    int32_t *level;
    uint32_t *it, *queue, *path;
};

static void pd_free(struct pd *p)
{
    free(p->first);
    free(p->e);
    free(p->fwd);
    free(p->pi);
    free(p->dist);
    free(p->seen);
    free(p->done);
    free(p->heap);
    free(p->sfirst);
    free(p->send);
    free(p->sphase);
    free(p->sub);
    free(p->subto);
    free(p->level);
    free(p->it);
    free(p->queue);
    free(p->path);
}

static uint32_t local_of(const uint32_t *local, uint32_t s, uint32_t t, uint32_t x)
{
    return x == s ? 0 : x == t ? 1 : local[x];
}

/* The residual network of arcs[0..na) of g, nodes renumbered by local
 * (s = 0, t = 1). */
static int pd_build(struct pd *p, const struct mcf *g, const uint32_t *arcs, size_t na,
                    uint32_t s, uint32_t t, const uint32_t *local, uint32_t nodes)
{
    size_t nn = (size_t)nodes + 1;
    p->n = nodes;
    p->s = 0;
    p->t = 1;
    p->first = calloc(nn + 1, sizeof *p->first);
    p->e = malloc((2 * na + 1) * sizeof *p->e);
    p->fwd = malloc((na + 1) * sizeof *p->fwd);
    p->pi = calloc(nn, sizeof *p->pi);
    p->dist = malloc(nn * sizeof *p->dist);
    p->seen = calloc(nn, sizeof *p->seen);
    p->done = calloc(nn, sizeof *p->done);
    p->sfirst = calloc(nn, sizeof *p->sfirst);
    p->send = calloc(nn, sizeof *p->send);
    p->sphase = calloc(nn, sizeof *p->sphase);
    p->sub = malloc((2 * na + 1) * sizeof *p->sub);
    p->subto = malloc((2 * na + 1) * sizeof *p->subto);
    p->level = malloc(nn * sizeof *p->level);
    p->it = malloc(nn * sizeof *p->it);
    p->queue = malloc(nn * sizeof *p->queue);
    p->path = malloc(nn * sizeof *p->path);
    p->hroom = 2 * na + 16;
    p->heap = malloc(p->hroom * sizeof *p->heap);
    if (!p->first || !p->e || !p->fwd || !p->pi || !p->dist || !p->seen || !p->done ||
        !p->sfirst || !p->send || !p->sphase || !p->sub || !p->subto || !p->level || !p->it || !p->queue || !p->path || !p->heap)
        return -1;
    for (size_t i = 0; i < na; i++) {
        p->first[local_of(local, s, t, g->src[arcs[i]]) + 1]++;
        p->first[local_of(local, s, t, g->dst[arcs[i]]) + 1]++;
    }
    for (uint32_t v = 0; v < nodes; v++)
        p->first[v + 1] += p->first[v];
    uint32_t *pos = p->it;          /* free until the first phase */
    memcpy(pos, p->first, nodes * sizeof *pos);
    for (size_t i = 0; i < na; i++) {
        size_t a = arcs[i];
        uint32_t u = local_of(local, s, t, g->src[a]), v = local_of(local, s, t, g->dst[a]);
        uint32_t x = pos[u]++, y = pos[v]++;
        int32_t cap = (int32_t)mcf_cap_of(g, a);
        p->e[x] = (struct rent){v, y, cap, 0, g->cost[a]};
        p->e[y] = (struct rent){u, x, 0, cap, -g->cost[a]};
        p->fwd[i] = x;
    }
    return 0;
}

static int64_t rcost(const struct pd *p, uint32_t u, const struct rent *r)
{
    return r->cost + p->pi[u] - p->pi[r->to];
}

/* Room for every push: a node is pushed when an entry into it improves
 * its distance, which happens at most once per entry and phase. */
static void heap_push(struct pd *p, int64_t d, uint32_t v)
{
    size_t i = p->hn++;
    while (i > 0) {
        size_t up = (i - 1) / 2;
        if (p->heap[up].d <= d)
            break;
        p->heap[i] = p->heap[up];
        i = up;
    }
    p->heap[i] = (struct hent){d, v};
}

static struct hent heap_pop(struct pd *p)
{
    struct hent top = p->heap[0], last = p->heap[--p->hn];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= p->hn)
            break;
        if (c + 1 < p->hn && p->heap[c + 1].d < p->heap[c].d)
            c++;
        if (p->heap[c].d >= last.d)
            break;
        p->heap[i] = p->heap[c];
        i = c;
    }
    if (p->hn)
        p->heap[i] = last;
    return top;
}

/* Shortest reduced distances to t, found backwards from t until s is
 * settled at D; then each potential falls by min(distance, D), which keeps
 * every residual reduced cost >= 0 and makes the shortest paths from s
 * to t paths of reduced cost 0. Backwards, because the nodes near t (the
 * short places still open) are far fewer than those near s (every movable
 * person), and fewer still as the places fill. False when s cannot reach
 * t. */
static bool pd_prices(struct pd *p)
{
    uint32_t st = ++p->stamp;
    p->hn = 0;
    p->dist[p->t] = 0;
    p->seen[p->t] = st;
    heap_push(p, 0, p->t);
    int64_t D = -1;
    while (p->hn) {
        struct hent h = heap_pop(p);
        uint32_t v = h.v;
        if (p->done[v] == st || h.d != p->dist[v])
            continue;
        p->done[v] = st;
        if (v == p->s) {
            D = h.d;
            break;
        }
        for (uint32_t x = p->first[v]; x < p->first[v + 1]; x++) {
            const struct rent *r = &p->e[x];
            uint32_t w = r->to;
            if (r->back <= 0 || p->done[w] == st)
                continue;
            int64_t nd = h.d - r->cost + p->pi[w] - p->pi[v];   /* of w -> v */
            if (p->seen[w] != st || nd < p->dist[w]) {
                p->seen[w] = st;
                p->dist[w] = nd;
                heap_push(p, nd, w);
            }
        }
    }
    if (D < 0)
        return false;
    for (uint32_t v = 0; v < p->n; v++)
        p->pi[v] -= p->done[v] == st ? p->dist[v] : D;
    return true;
}

/* The entries of reduced cost 0 out of u, listed the first time the
 * phase looks at u: the flow of a phase moves on them alone, so its
 * searches skip the many costed arcs that lead nowhere at this distance,
 * and nodes the phase never reaches cost nothing. */
static void pd_touch(struct pd *p, uint32_t u)
{
    if (p->sphase[u] == p->phase)
        return;
    p->sphase[u] = p->phase;
    p->sfirst[u] = p->nsub;
    for (uint32_t x = p->first[u]; x < p->first[u + 1]; x++)
        if (rcost(p, u, &p->e[x]) == 0) {
            p->subto[p->nsub] = p->e[x].to;
            p->sub[p->nsub++] = x;
        }
    p->send[u] = p->nsub;
}

/* A new phase: the potentials changed, the lists are stale. */
static void pd_new_phase(struct pd *p)
{
    p->phase++;
    p->nsub = 0;
}

/* Breadth-first levels: each node's fewest admissible arcs to t, found
 * backwards from t (so that the search and the blocking flow see only
 * nodes that lead to t, not every source-side node); true when s is
 * reached. */
static bool pd_levels(struct pd *p)
{
    for (uint32_t v = 0; v < p->n; v++)
        p->level[v] = -1;
    size_t qh = 0, qt = 0;
    p->level[p->t] = 0;
    p->queue[qt++] = p->t;
    while (qh < qt) {
        uint32_t v = p->queue[qh++];
        if (p->level[p->s] >= 0 && p->level[v] >= p->level[p->s])
            break;                  /* farther nodes are not on a path from s */
        pd_touch(p, v);
        for (uint32_t k = p->sfirst[v]; k < p->send[v]; k++) {
            uint32_t w = p->subto[k];
            if (p->level[w] < 0 && p->e[p->sub[k]].back > 0) {
                p->level[w] = p->level[v] + 1;
                p->queue[qt++] = w;
            }
        }
    }
    return p->level[p->s] >= 0;
}

static uint32_t tail_of(const struct pd *p, uint32_t x)
{
    return p->e[p->e[x].rev].to;
}

/* A blocking flow over the admissible level graph; the flow added, or -1
 * when the control says stop. */
static int64_t pd_block(struct pd *p, struct mcf *g, const struct mcf_control *ctl)
{
    int64_t added = 0;
    size_t depth = 0;
    uint32_t u = p->s;
    pd_touch(p, p->s);
    memcpy(p->it, p->sfirst, p->n * sizeof *p->it);
    for (;;) {
        if (u == p->t) {
            int64_t b = INT64_MAX;
            for (size_t i = 0; i < depth; i++)
                if (p->e[p->sub[p->path[i]]].res < b)
                    b = p->e[p->sub[p->path[i]]].res;
            size_t cut = depth;
            for (size_t i = 0; i < depth; i++) {
                struct rent *r = &p->e[p->sub[p->path[i]]];
                struct rent *o = &p->e[r->rev];
                r->res -= (int32_t)b;
                o->back = r->res;
                o->res += (int32_t)b;
                r->back = o->res;
                if (cut == depth && r->res == 0)
                    cut = i;
            }
            added += b;
            if (mcf_control_stop(ctl, ++g->steps))
                return -1;
            depth = cut;
            u = tail_of(p, p->sub[p->path[cut]]);
            continue;
        }
        bool advanced = false;
        for (; p->it[u] < p->send[u]; p->it[u]++) {
            uint32_t w = p->subto[p->it[u]];
            if (p->level[w] == p->level[u] - 1 && p->e[p->sub[p->it[u]]].res > 0) {
                p->path[depth++] = p->it[u];
                u = w;
                advanced = true;
                break;
            }
        }
        if (advanced)
            continue;
        p->level[u] = -1;           /* a dead end for this round */
        if (depth == 0)
            return added;
        u = tail_of(p, p->sub[p->path[--depth]]);
        p->it[u]++;
    }
}

int mcf_pd_part(struct mcf *g, const uint32_t *arcs, size_t na, uint32_t s, uint32_t t,
                const uint32_t *local, uint32_t nodes, const struct mcf_control *ctl,
                int64_t *value)
{
    struct pd p = {0};
    int rc = MCF_NOMEM;
    *value = 0;
    if (pd_build(&p, g, arcs, na, s, t, local, nodes) != 0)
        goto out;
    rc = MCF_OPTIMAL;
    while (rc == MCF_OPTIMAL && pd_prices(&p)) {
        g->pivots++;
        pd_new_phase(&p);
        while (pd_levels(&p)) {
            int64_t f = pd_block(&p, g, ctl);
            if (f < 0) {
                rc = MCF_CANCELLED;
                break;
            }
            *value += f;
        }
    }
    for (size_t i = 0; rc == MCF_OPTIMAL && i < na; i++)
        if (mcf_put_flow(g, arcs[i], p.e[p.e[p.fwd[i]].rev].res) != 0)
            rc = MCF_BAD_INPUT;
out:
    pd_free(&p);
    return rc;
}
