/* Minimum-cost flow on a directed network with integral 64-bit capacities
 * and costs: a primal network simplex with block-search pivots (the
 * solver for supplies), a min-cost maximum flow (primal-dual, for the
 * planner), a maximum flow (Dinic's blocking flows), successive shortest
 * paths (a slow, simple reference for tests) and a DIMACS min-cost-flow
 * writer.
 *
 * Pure: no I/O. The DIMACS text goes to a caller's callback.
 *
 * Usage:
 *     struct mcf *g = mcf_new(nodes);                 (nodes 0..nodes-1)
 *     for each arc: a = mcf_add_arc(g, from, to, cap, cost);
 *     either a min-cost flow for supplies:
 *         mcf_set_supply(g, node, b) ...; mcf_solve(g, ctl);
 *     or the cheapest of the maximum flows from s to t:
 *         mcf_min_cost_max_flow(g, s, t, &f, ctl);    (sets supplies +-f)
 *     ... mcf_flow(g, a), mcf_objective(g) ...
 *     mcf_write_dimacs(g, emit, ctx);                 (same instance)
 *     mcf_free(g);
 * Lower bounds are 0. Capacities are 0..MCF_CAP_MAX or MCF_INF
 * (uncapacitated); costs and supplies may be negative. Limits that keep
 * every sum in 64 bits: |cost| <= MCF_MAX_COST, nodes and arcs < 2^31,
 * total supply <= MCF_INF. An arc keeps its capacity and flow in 32 bits
 * (8 bytes an arc less: 32 MB at national scale), so the solvers take an
 * uncapacitated arc as one of MCF_CAP_MAX (no flow of the planner's comes
 * near: one unit is one person); the DIMACS dump writes it as the total
 * supply, as before. */
#ifndef MUTASI_CORE_MCF_H
#define MUTASI_CORE_MCF_H
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#define MCF_INF ((int64_t)1 << 40)
#define MCF_MAX_COST ((int64_t)1 << 30)
#define MCF_CAP_MAX ((int64_t)INT32_MAX - 1)

enum mcf_result {
    MCF_OPTIMAL,       /* flows and objective are set */
    MCF_INFEASIBLE,    /* supplies cannot be routed */
    MCF_CANCELLED,     /* the control said stop: flows are meaningless */
    MCF_NOMEM,
    MCF_BAD_INPUT,     /* supplies do not sum to 0, or a limit is broken */
};

/* How a long solve reports and stops. Every `every` steps (pivots,
 * augmentations, phases) progress(ctx, steps) is called; it or *cancel
 * being nonzero stops the solve with MCF_CANCELLED. Both may be NULL. */
struct mcf_control {
    int (*progress)(void *ctx, uint64_t steps);
    void *ctx;
    const volatile sig_atomic_t *cancel;
    uint64_t every;    /* 0: a default (a few thousand) */
};

struct mcf;

struct mcf *mcf_new(uint32_t nodes);                      /* NULL: no memory */
void mcf_free(struct mcf *g);
/* Room for this many arcs in all. 0, or -1 when out of memory. */
int mcf_reserve(struct mcf *g, size_t arcs);
/* The arc's index (0, 1, ... in order of adding), or -1 when out of memory
 * or a node, the capacity or the cost is out of range. */
long mcf_add_arc(struct mcf *g, uint32_t from, uint32_t to, int64_t cap, int64_t cost);
/* Positive: the node sends this much; negative: it takes this much. */
void mcf_set_supply(struct mcf *g, uint32_t node, int64_t supply);

uint32_t mcf_nodes(const struct mcf *g);
size_t mcf_arcs(const struct mcf *g);
uint32_t mcf_arc_from(const struct mcf *g, size_t arc);
uint32_t mcf_arc_to(const struct mcf *g, size_t arc);
int64_t mcf_arc_cap(const struct mcf *g, size_t arc);
int64_t mcf_arc_cost(const struct mcf *g, size_t arc);

/* Maximum flow from s to t, ignoring costs and supplies: *value and the
 * arcs' flows. MCF_OPTIMAL, MCF_CANCELLED or MCF_NOMEM. */
int mcf_max_flow(struct mcf *g, uint32_t s, uint32_t t, int64_t *value,
                 const struct mcf_control *ctl);
/* Minimum-cost flow meeting the supplies: network simplex, block search,
 * Cunningham's strongly feasible trees (no cycling). */
int mcf_solve(struct mcf *g, const struct mcf_control *ctl);
/* The same by successive shortest paths with potentials (Bellman-Ford,
 * then Dijkstra): slow, for cross-checks. */
int mcf_solve_ssp(struct mcf *g);

/* The cheapest flow of maximum value from s to t, on each part of the
 * network that shares no node but s and t with the others, apart (same
 * optimum, since every part must carry its own maximum): by the
 * primal-dual method (shortest paths, then a maximum flow on the arcs of
 * reduced cost 0, phase by phase) where a part's costs are all >= 0, else
 * by Dinic then the simplex for supplies +-value. Sets the supplies of s
 * and t to +-value (others 0), so that mcf_write_dimacs writes the
 * instance solved. */
int mcf_min_cost_max_flow(struct mcf *g, uint32_t s, uint32_t t, int64_t *value,
                          const struct mcf_control *ctl);
/* Primal-dual phases (or simplex pivots) of the last
 * mcf_min_cost_max_flow; its steps are the augmenting paths. */
uint64_t mcf_pivots(const struct mcf *g);

int64_t mcf_flow(const struct mcf *g, size_t arc);
/* Sum of flow x cost after a solve. */
int64_t mcf_objective(const struct mcf *g);
/* Pivots (or augmentations) of the last solve. */
uint64_t mcf_steps(const struct mcf *g);

/* The instance in DIMACS min-cost-flow format ("p min", "n" supplies,
 * "a FROM TO 0 CAP COST", nodes numbered from 1), one line at a time to
 * emit (which returns nonzero to stop). comment: lines after "c ", may be
 * NULL or hold newlines. An uncapacitated arc is written with the total
 * positive supply as its capacity (no flow can exceed it), so the numbers
 * stay small. Returns 0, or emit's nonzero. */
int mcf_write_dimacs(const struct mcf *g, const char *comment,
                     int (*emit)(void *ctx, const char *line, size_t len), void *ctx);
#endif
