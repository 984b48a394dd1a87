/* Shared by mcf.c (the network and its simplex) and mcf_aux.c (maximum
 * flow, successive shortest paths, DIMACS): not part of the contract. */
#ifndef MUTASI_CORE_MCF_INTERNAL_H
#define MUTASI_CORE_MCF_INTERNAL_H
#include "core/mcf.h"

struct mcf {
    uint32_t n;
    size_t m, arc_room;
    int64_t *supply;
    uint32_t *src, *dst;
    int32_t *cap, *flow;           /* cap MCF_CAP_INF32: MCF_INF */
    int32_t *cost;                 /* |cost| <= MCF_MAX_COST = 2^30 */
    int64_t objective;
    uint64_t steps;
    uint64_t pivots;               /* of mcf_min_cost_max_flow */
};

#define NONE_PART UINT32_MAX
#define MCF_CAP_INF32 INT32_MAX

/* Arc a's capacity as the solvers take it: MCF_CAP_MAX when uncapacitated
 * (mcf.h), so that every flow fits the 32-bit flow. */
static inline int64_t mcf_cap_of(const struct mcf *g, size_t a)
{
    return g->cap[a] == MCF_CAP_INF32 ? MCF_CAP_MAX : g->cap[a];
}

/* Sets arc a's flow: -1 when it does not fit in 32 bits. */
static inline int mcf_put_flow(struct mcf *g, size_t a, int64_t f)
{
    if (f < 0 || f > MCF_CAP_MAX)
        return -1;
    g->flow[a] = (int32_t)f;
    return 0;
}

/* Nonzero when the control asks to stop after this many steps. */
int mcf_control_stop(const struct mcf_control *ctl, uint64_t steps);
/* g->objective from the flows: MCF_OPTIMAL, or MCF_BAD_INPUT on overflow. */
int mcf_sum_objective(struct mcf *g);
/* The min-cost maximum flow from s to t of the arcs arcs[0..na) of g,
 * whose costs are all >= 0, by the primal-dual method (mcf_pd.c): nodes
 * renumbered s = 0, t = 1, others local[x] < nodes. Sets those arcs' flows
 * and *value; counts augmentations in g->steps, phases in g->pivots. */
int mcf_pd_part(struct mcf *g, const uint32_t *arcs, size_t na, uint32_t s, uint32_t t,
                const uint32_t *local, uint32_t nodes, const struct mcf_control *ctl,
                int64_t *value);
#endif
