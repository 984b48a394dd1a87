/* Around the simplex: maximum flow (Dinic), successive shortest paths (the
 * tests' reference) and the DIMACS writer. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/mcf_internal.h"

/* ---- residual network ---------------------------------------------------
 * Entry 2a is arc a forward (at its tail), 2a+1 backward (at its head). */
struct adj {
    size_t *head;      /* n + 1 offsets */
    uint32_t *ent;
};

static void adj_free(struct adj *j)
{
    free(j->head);
    free(j->ent);
}

static int adj_build(const struct mcf *g, struct adj *j)
{
    j->head = calloc((size_t)g->n + 2, sizeof *j->head);
    j->ent = malloc((2 * g->m + 1) * sizeof *j->ent);
    if (!j->head || !j->ent)
        return -1;
    for (size_t a = 0; a < g->m; a++) {
        j->head[g->src[a] + 2]++;
        j->head[g->dst[a] + 2]++;
    }
    for (uint32_t i = 0; i < g->n; i++)
        j->head[i + 2] += j->head[i + 1];
    for (size_t a = 0; a < g->m; a++) {
        j->ent[j->head[g->src[a] + 1]++] = (uint32_t)(2 * a);
        j->ent[j->head[g->dst[a] + 1]++] = (uint32_t)(2 * a + 1);
    }
    return 0;
}

static int64_t res(const struct mcf *g, uint32_t e)
{
    return e & 1 ? g->flow[e >> 1] : mcf_cap_of(g, e >> 1) - g->flow[e >> 1];
}
static uint32_t tail(const struct mcf *g, uint32_t e)
{
    return e & 1 ? g->dst[e >> 1] : g->src[e >> 1];
}
static uint32_t head(const struct mcf *g, uint32_t e)
{
    return e & 1 ? g->src[e >> 1] : g->dst[e >> 1];
}
static void push(struct mcf *g, uint32_t e, int64_t d)
{
    g->flow[e >> 1] += (int32_t)(e & 1 ? -d : d);     /* d <= res(g, e) */
}
static int64_t rcost(const struct mcf *g, uint32_t e)
{
    return e & 1 ? -g->cost[e >> 1] : g->cost[e >> 1];
}

/* ---- maximum flow: Dinic's blocking flows ------------------------------- */

struct dinic {
    struct adj j;
    int32_t *level;
    uint32_t *queue, *path;
    size_t *it;
};

static bool dinic_levels(struct mcf *g, struct dinic *d, uint32_t s, uint32_t t)
{
    for (uint32_t i = 0; i < g->n; i++)
        d->level[i] = -1;
    size_t qh = 0, qt = 0;
    d->level[s] = 0;
    d->queue[qt++] = s;
    while (qh < qt) {
        uint32_t u = d->queue[qh++];
        for (size_t k = d->j.head[u]; k < d->j.head[u + 1]; k++) {
            uint32_t e = d->j.ent[k], v = head(g, e);
            if (d->level[v] < 0 && res(g, e) > 0) {
                d->level[v] = d->level[u] + 1;
                d->queue[qt++] = v;
            }
        }
    }
    return d->level[t] >= 0;
}

/* One blocking flow by depth-first search with current-arc pointers;
 * returns the flow added, or -1 when cancelled. */
static int64_t dinic_block(struct mcf *g, struct dinic *d, uint32_t s, uint32_t t,
                           const struct mcf_control *ctl)
{
    int64_t added = 0;
    size_t depth = 0;
    uint32_t u = s;
    memcpy(d->it, d->j.head, g->n * sizeof *d->it);
    for (;;) {
        if (u == t) {
            int64_t bottleneck = INT64_MAX;
            for (size_t i = 0; i < depth; i++)
                if (res(g, d->path[i]) < bottleneck)
                    bottleneck = res(g, d->path[i]);
            size_t cut = depth;
            for (size_t i = 0; i < depth; i++) {
                push(g, d->path[i], bottleneck);
                if (cut == depth && res(g, d->path[i]) == 0)
                    cut = i;
            }
            added += bottleneck;
            if (mcf_control_stop(ctl, ++g->steps))
                return -1;
            depth = cut;
            u = tail(g, d->path[cut]);
            continue;
        }
        bool advanced = false;
        for (; d->it[u] < d->j.head[u + 1]; d->it[u]++) {
            uint32_t e = d->j.ent[d->it[u]], v = head(g, e);
            if (d->level[v] == d->level[u] + 1 && res(g, e) > 0) {
                d->path[depth++] = e;
                u = v;
                advanced = true;
                break;
            }
        }
        if (advanced)
            continue;
        d->level[u] = -1;               /* a dead end for this phase */
        if (depth == 0)
            return added;
        u = tail(g, d->path[--depth]);
        d->it[u]++;
    }
}

int mcf_max_flow(struct mcf *g, uint32_t s, uint32_t t, int64_t *value,
                 const struct mcf_control *ctl)
{
    *value = 0;
    if (g->m)
        memset(g->flow, 0, g->m * sizeof *g->flow);
    g->steps = 0;
    if (s >= g->n || t >= g->n || s == t)
        return s == t && s < g->n ? MCF_OPTIMAL : MCF_BAD_INPUT;
    struct dinic d = {0};
    int rc = MCF_NOMEM;
    d.level = malloc(g->n * sizeof *d.level);
    d.queue = malloc(g->n * sizeof *d.queue);
    d.path = malloc(g->n * sizeof *d.path);
    d.it = malloc(g->n * sizeof *d.it);
    if (adj_build(g, &d.j) != 0 || !d.level || !d.queue || !d.path || !d.it)
        goto out;
    rc = MCF_OPTIMAL;
    while (dinic_levels(g, &d, s, t)) {
        int64_t f = dinic_block(g, &d, s, t, ctl);
        if (f < 0) {
            rc = MCF_CANCELLED;
            break;
        }
        *value += f;
    }
out:
    adj_free(&d.j);
    free(d.level);
    free(d.queue);
    free(d.path);
    free(d.it);
    return rc;
}

/* ---- successive shortest paths ------------------------------------------ */

/* Shortest reduced-cost distances from s (O(n^2) Dijkstra, enough for a
 * reference); pred[v] is the entry into v. */
static void ssp_dijkstra(const struct mcf *g, const struct adj *j, const int64_t *pi,
                         uint32_t s, int64_t *dist, uint32_t *pred, bool *done)
{
    for (uint32_t i = 0; i < g->n; i++) {
        dist[i] = INT64_MAX;
        done[i] = false;
    }
    dist[s] = 0;
    for (;;) {
        uint32_t u = UINT32_MAX;
        for (uint32_t i = 0; i < g->n; i++)
            if (!done[i] && dist[i] != INT64_MAX && (u == UINT32_MAX || dist[i] < dist[u]))
                u = i;
        if (u == UINT32_MAX)
            return;
        done[u] = true;
        for (size_t k = j->head[u]; k < j->head[u + 1]; k++) {
            uint32_t e = j->ent[k], v = head(g, e);
            if (res(g, e) <= 0 || done[v])
                continue;
            int64_t nd = dist[u] + rcost(g, e) + pi[u] - pi[v];
            if (nd < dist[v]) {
                dist[v] = nd;
                pred[v] = e;
            }
        }
    }
}

/* Bellman-Ford from s over the arcs with capacity: the first potentials
 * (costs may be negative; a negative cycle is not allowed). */
static void ssp_potentials(const struct mcf *g, uint32_t s, int64_t *pi)
{
    for (uint32_t i = 0; i < g->n; i++)
        pi[i] = INT64_MAX;
    pi[s] = 0;
    for (uint32_t round = 0; round < g->n; round++) {
        bool changed = false;
        for (size_t a = 0; a < g->m; a++)
            if (g->cap[a] > 0 && pi[g->src[a]] != INT64_MAX &&
                pi[g->src[a]] + g->cost[a] < pi[g->dst[a]]) {
                pi[g->dst[a]] = pi[g->src[a]] + g->cost[a];
                changed = true;
            }
        if (!changed)
            break;
    }
    for (uint32_t i = 0; i < g->n; i++)
        if (pi[i] == INT64_MAX)
            pi[i] = 0;                  /* never reached, never relaxed */
}

/* Augments from s to t along shortest paths until t is cut off. */
static int ssp_run(struct mcf *h, uint32_t s, uint32_t t, int64_t *sent)
{
    struct adj j = {0};
    int64_t *pi = malloc(h->n * sizeof *pi), *dist = malloc(h->n * sizeof *dist);
    uint32_t *pred = malloc(h->n * sizeof *pred);
    bool *done = malloc(h->n * sizeof *done);
    int rc = MCF_NOMEM;
    if (adj_build(h, &j) != 0 || !pi || !dist || !pred || !done)
        goto out;
    ssp_potentials(h, s, pi);
    *sent = 0;
    for (;;) {
        ssp_dijkstra(h, &j, pi, s, dist, pred, done);
        if (dist[t] == INT64_MAX)
            break;
        for (uint32_t i = 0; i < h->n; i++)
            if (dist[i] != INT64_MAX)
                pi[i] += dist[i];
        int64_t d = INT64_MAX;
        for (uint32_t v = t; v != s; v = tail(h, pred[v]))
            if (res(h, pred[v]) < d)
                d = res(h, pred[v]);
        for (uint32_t v = t; v != s; v = tail(h, pred[v]))
            push(h, pred[v], d);
        *sent += d;
        h->steps++;
    }
    rc = MCF_OPTIMAL;
out:
    adj_free(&j);
    free(pi);
    free(dist);
    free(pred);
    free(done);
    return rc;
}

int mcf_solve_ssp(struct mcf *g)
{
    int64_t need = 0, total = 0;
    for (uint32_t i = 0; i < g->n; i++) {
        total += g->supply[i];
        if (g->supply[i] > 0)
            need += g->supply[i];
    }
    if (total != 0 || need > MCF_CAP_MAX)
        return MCF_BAD_INPUT;      /* flows are 32-bit (mcf.h) */
    struct mcf *h = mcf_new(g->n + 2);
    int rc = MCF_NOMEM;
    if (!h || mcf_reserve(h, g->m + g->n) != 0)
        goto out;
    for (size_t a = 0; a < g->m; a++)
        mcf_add_arc(h, g->src[a], g->dst[a], mcf_cap_of(g, a), g->cost[a]);
    uint32_t s = g->n, t = g->n + 1;
    for (uint32_t i = 0; i < g->n; i++) {
        if (g->supply[i] > 0)
            mcf_add_arc(h, s, i, g->supply[i], 0);
        else if (g->supply[i] < 0)
            mcf_add_arc(h, i, t, -g->supply[i], 0);
    }
    int64_t sent = 0;
    rc = ssp_run(h, s, t, &sent);
    if (rc != MCF_OPTIMAL)
        goto out;
    rc = MCF_INFEASIBLE;
    if (sent != need)
        goto out;
    memcpy(g->flow, h->flow, g->m * sizeof *g->flow);
    g->steps = h->steps;
    rc = mcf_sum_objective(g);
out:
    mcf_free(h);
    return rc;
}

/* ---- DIMACS -------------------------------------------------------------- */

static int emitf(int (*emit)(void *, const char *, size_t), void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int emitf(int (*emit)(void *, const char *, size_t), void *ctx, const char *fmt, ...)
{
    char line[160];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= sizeof line)
        return -1;
    return emit(ctx, line, (size_t)len);
}

static int emit_comment(const char *comment, int (*emit)(void *, const char *, size_t),
                        void *ctx)
{
    while (comment && *comment) {
        size_t len = strcspn(comment, "\n");
        char line[160];
        int n = snprintf(line, sizeof line, "c %.*s\n", (int)(len < 150 ? len : 150), comment);
        int rc = emit(ctx, line, (size_t)n);
        if (rc)
            return rc;
        comment += len + (comment[len] == '\n');
    }
    return 0;
}

int mcf_write_dimacs(const struct mcf *g, const char *comment,
                     int (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
    int64_t total = 0;
    for (uint32_t i = 0; i < g->n; i++)
        if (g->supply[i] > 0)
            total += g->supply[i];
    int rc = emit_comment(comment, emit, ctx);
    if (!rc)
        rc = emitf(emit, ctx, "p min %" PRIu32 " %zu\n", g->n, g->m);
    for (uint32_t i = 0; !rc && i < g->n; i++)
        if (g->supply[i] != 0)
            rc = emitf(emit, ctx, "n %" PRIu32 " %" PRId64 "\n", i + 1, g->supply[i]);
    for (size_t a = 0; !rc && a < g->m; a++) {
        int64_t cap = g->cap[a] == MCF_CAP_INF32 ? total : g->cap[a];
        rc = emitf(emit, ctx, "a %" PRIu32 " %" PRIu32 " 0 %" PRId64 " %" PRId64 "\n",
                   g->src[a] + 1, g->dst[a] + 1, cap, (int64_t)g->cost[a]);
    }
    return rc;
}
