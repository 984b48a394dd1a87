/* Min-cost maximum flow, one independent part at a time.
 *
 * Without s and t the network falls apart into parts that share no node
 * (the kabupaten of a country, when no cap joins them). Each part can
 * carry at most its own maximum flow, so a flow of the summed value must
 * give every part exactly its maximum, and the cheapest such flow is the
 * cheapest flow of each part: solving the parts apart gives the same
 * optimum as the whole network, while each simplex prices only its own
 * arcs. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/mcf_internal.h"

static uint32_t find(uint32_t *up, uint32_t x)
{
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

/* Part of every node (s and t: none), numbered 0..*nparts-1. */
static uint32_t *parts_of(const struct mcf *g, uint32_t s, uint32_t t, uint32_t *nparts)
{
    uint32_t *up = malloc((g->n + 1) * sizeof *up);
    if (!up)
        return NULL;
    for (uint32_t i = 0; i < g->n; i++)
        up[i] = i;
    for (size_t a = 0; a < g->m; a++) {
        uint32_t u = g->src[a], v = g->dst[a];
        if (u == s || u == t || v == s || v == t)
            continue;
        u = find(up, u);
        v = find(up, v);
        if (u != v)
            up[u < v ? v : u] = u < v ? u : v;
    }
    uint32_t *id = malloc((g->n + 1) * sizeof *id);
    if (!id) {
        free(up);
        return NULL;
    }
    *nparts = 0;
    for (uint32_t i = 0; i < g->n; i++)
        id[i] = NONE_PART;
    for (uint32_t i = 0; i < g->n; i++) {
        if (i == s || i == t)
            continue;
        uint32_t r = find(up, i);
        if (id[r] == NONE_PART)
            id[r] = (*nparts)++;
        id[i] = id[r];
    }
    free(up);
    return id;
}

/* The arcs of each part, in order: arcs[first[p] .. first[p+1]). An arc
 * from s straight to t is a part of its own (part index nparts). */
static uint32_t *arcs_by_part(const struct mcf *g, const uint32_t *part, uint32_t s, uint32_t t,
                            uint32_t nparts, size_t **first_out)
{
    size_t *first = calloc((size_t)nparts + 3, sizeof *first);
    uint32_t *arcs = malloc((g->m + 1) * sizeof *arcs);   /* m < 2^31 */
    if (!first || !arcs) {
        free(first);
        free(arcs);
        return NULL;
    }
    for (size_t a = 0; a < g->m; a++) {
        uint32_t u = g->src[a], v = g->dst[a];
        uint32_t p = u != s && u != t ? part[u] : v != s && v != t ? part[v] : nparts;
        first[p + 2]++;
    }
    for (uint32_t p = 0; p <= nparts; p++)
        first[p + 2] += first[p + 1];
    for (size_t a = 0; a < g->m; a++) {
        uint32_t u = g->src[a], v = g->dst[a];
        uint32_t p = u != s && u != t ? part[u] : v != s && v != t ? part[v] : nparts;
        arcs[first[p + 1]++] = (uint32_t)a;
    }
    *first_out = first;
    return arcs;
}

/* One part as a network of its own (s = 0, t = 1), solved; its flows go
 * back to g. */
static int solve_part(struct mcf *g, const uint32_t *arcs, size_t n, uint32_t s, uint32_t t,
                      uint32_t *local, const struct mcf_control *ctl, int64_t *value)
{
    uint32_t nodes = 2;
    for (size_t i = 0; i < n; i++) {
        uint32_t e[2] = {g->src[arcs[i]], g->dst[arcs[i]]};
        for (int k = 0; k < 2; k++)
            if (e[k] != s && e[k] != t && local[e[k]] == NONE_PART)
                local[e[k]] = nodes++;
    }
    /* the primal-dual needs costs >= 0 (then the zero flow is the
     * cheapest of value 0); a policy whose home bonus outweighs the move
     * cost makes some negative, and the simplex takes that part */
    bool negative = false;
    for (size_t i = 0; i < n && !negative; i++)
        negative = g->cost[arcs[i]] < 0;
    struct mcf *h = NULL;
    int rc;
    if (!negative) {
        rc = mcf_pd_part(g, arcs, n, s, t, local, nodes, ctl, value);
        goto out;
    }
    h = mcf_new(nodes);
    rc = MCF_NOMEM;
    if (!h || mcf_reserve(h, n) != 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        size_t a = arcs[i];
        uint32_t u = g->src[a] == s ? 0 : g->src[a] == t ? 1 : local[g->src[a]];
        uint32_t v = g->dst[a] == s ? 0 : g->dst[a] == t ? 1 : local[g->dst[a]];
        mcf_add_arc(h, u, v, mcf_cap_of(g, a), g->cost[a]);
    }
    rc = mcf_max_flow(h, 0, 1, value, ctl);
    g->steps += h->steps;
    if (rc != MCF_OPTIMAL)
        goto out;
    mcf_set_supply(h, 0, *value);
    mcf_set_supply(h, 1, -*value);
    rc = mcf_solve(h, ctl);
    g->pivots += h->steps;
    if (rc != MCF_OPTIMAL)
        goto out;
    for (size_t i = 0; i < n; i++)
        g->flow[arcs[i]] = h->flow[i];
out:
    for (size_t i = 0; i < n; i++) {
        local[g->src[arcs[i]]] = NONE_PART;
        local[g->dst[arcs[i]]] = NONE_PART;
    }
    mcf_free(h);
    return rc;
}

int mcf_min_cost_max_flow(struct mcf *g, uint32_t s, uint32_t t, int64_t *value,
                          const struct mcf_control *ctl)
{
    *value = 0;
    if (s >= g->n || t >= g->n || s == t)
        return MCF_BAD_INPUT;
    memset(g->flow, 0, g->m * sizeof *g->flow);
    g->steps = g->pivots = 0;
    uint32_t nparts = 0;
    uint32_t *part = parts_of(g, s, t, &nparts);
    size_t *first = NULL;
    uint32_t *arcs = part ? arcs_by_part(g, part, s, t, nparts, &first) : NULL;
    uint32_t *local = malloc(((size_t)g->n + 1) * sizeof *local);
    int rc = MCF_NOMEM;
    if (!arcs || !local)
        goto out;
    for (uint32_t i = 0; i < g->n; i++)
        local[i] = NONE_PART;
    rc = MCF_OPTIMAL;
    for (uint32_t p = 0; p <= nparts && rc == MCF_OPTIMAL; p++) {
        int64_t f = 0;
        if (first[p + 1] > first[p])
            rc = solve_part(g, arcs + first[p], first[p + 1] - first[p], s, t, local, ctl, &f);
        *value += f;
    }
    if (rc == MCF_OPTIMAL) {
        memset(g->supply, 0, g->n * sizeof *g->supply);
        g->supply[s] = *value;
        g->supply[t] = -*value;
        rc = mcf_sum_objective(g);
    }
out:
    free(part);
    free(first);
    free(arcs);
    free(local);
    return rc;
}

uint64_t mcf_pivots(const struct mcf *g) { return g->pivots; }
