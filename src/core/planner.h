/* The optimiser (DESIGN "Optimiser"): which movable people should go to
 * which short positions so that the most short places are filled, with the
 * fewest moves, at the lowest cost -- exactly, as a min-cost maximum flow.
 *
 * Pure: callers pass positions ("cells") with their need and existing
 * staff (from the workload engine), the units (district, tree root), the
 * people who may move (already filtered by the person rules: status,
 * tenure, retirement, discipline, leave, performance) and the moves already
 * in the plan; they read back the moves with their reasons in numbers.
 *
 * Usage:
 *     struct planner_input in = {.policy = &pol, .units = u, .nunits = nu,
 *                                .cells = c, .ncells = nc, .people = p,
 *                                .npeople = np, .fixed = f, .nfixed = nf,
 *                                .max_moves = -1};
 *     struct planner *pl = planner_new(&in);          (builds the graph)
 *     int rc = planner_solve(pl, &ctl);                (PLANNER_OK ...)
 *     const struct planner_stats *st = planner_stats(pl);
 *     for (size_t i = 0; i < planner_move_count(pl); i++)
 *         ... planner_move(pl, i)->person, ->to_cell, ->cost ...
 *     planner_write_dimacs(pl, comment, emit, ctx);   (--dump-graph)
 *     planner_free(pl);
 * The input arrays must outlive the planner.
 *
 * The network (one unit of flow = one move = one short place filled):
 *   source -[K]-> hub -[max out]-> unit out -[surplus]-> origin cell
 *     -[count]-> class -> person type -[cost]-> (fit lattice) -> target type
 *     -[shortage]-> target cell -[max in]-> unit in -> sink
 * A class is the movable people of one cell with the same job family,
 * rank, education, home district and competencies; a person type the same
 * attributes in the same district (and tree root) whatever their cell; a
 * target type the short cells of one root, family, district, minimum rank,
 * minimum education and competency requirements. Costs depend only on the
 * (person type, target type) pair, so the arcs between them carry every
 * cost and every fit rule: one arc per fitting pair, or, where that saves
 * arcs, one arc into a lattice of rank and education minimums whose
 * cheapest path to each target is exactly that pair's cost
 * (planner_route.c), and the graph stays small. The cheapest of the
 * maximum flows (value F) is the answer: every maximum flow makes F moves,
 * so "fill the shortage, then fewest moves, then cheapest" needs no
 * weights; it is found by the primal-dual method, the cheapest moves
 * first (mcf_min_cost_max_flow). The DIMACS dump is
 * that second problem: supply F at the source, -F at the sink, so
 * `glpsol --mincost` solves the same instance and reports the same
 * objective. Parts of the network that share only the source and the
 * sink (roots without a total cap) are solved apart: same optimum, far
 * less pricing (mcf_min_cost_max_flow).
 *
 * Rules as the optimiser applies them:
 * - need (rule 8): an origin gives at most existing - need (it never falls
 *   below its need: the origin margin is not used, since a move from a
 *   cell at its need only shifts a shortage); a target takes at most
 *   need - existing. Figures count the fixed moves.
 * - fit (rule 7): unless fit.severity is off, the target's job family
 *   (when it names one) equals the person's, the rank is comparable and
 *   at least the minimum, the education at least the minimum. Competency
 *   gaps cost competency_cost per missing level; when
 *   fit.competency_severity is block a gap excludes the pair.
 * - plan caps (rule 9): unless plan.severity is off, at most
 *   plan.max_moves_out / max_moves_in moves per unit (0 = no cap), minus
 *   the fixed moves of that unit; at most max_moves suggested moves.
 * - cost of a move: move_cost, + district_cost when the target's district
 *   differs from the person's current one, - home_bonus when the target is
 *   in the person's home district, + competency_cost x missing levels,
 *   - prefer_bonus when the person prefers the target's unit or district,
 *   + avoid_cost when they asked to avoid it (their wish, planner_wish).
 *   A person with a wish reaches the targets by one arc per pair (no
 *   lattice), and a unit some wish names is a target type of its own. 
 * - moves stay inside one tree root (instansi) unless across_roots. */
#ifndef MUTASI_CORE_PLANNER_H
#define MUTASI_CORE_PLANNER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/mcf.h"
#include "core/policy.h"
#include "core/record.h"

struct planner_unit {
    const char *district;          /* "" or NULL: unknown */
    uint32_t root;                 /* index of its tree root (the instansi) */
};

/* A position. need and existing as in the database, before the plan. */
struct planner_cell {
    uint32_t unit;
    const char *family;            /* "" or NULL: any job family fits */
    uint8_t min_rank, min_education;
    uint8_t ncomp;
    const struct competency *comp; /* required levels */
    int64_t need, existing;
};

/* What a person wishes (core/preference.h, `import preferences`): the
 * units (indices into the input units; the caller lists the units below a
 * named unit too) and the districts they prefer or would avoid. */
struct planner_wish {
    const uint32_t *prefer_units, *avoid_units;
    const char *const *prefer_districts, *const *avoid_districts;
    uint32_t nprefer_units, navoid_units, nprefer_districts, navoid_districts;
};

/* Someone who may move (the person rules passed) and is not in the plan. */
struct planner_person {
    uint32_t cell;                 /* current position */
    uint8_t rank, education;
    const char *family, *home_district;
    uint8_t ncomp;
    const struct competency *comp; /* held levels */
    const struct planner_wish *wish;   /* NULL: none stated */
};

/* A move already in the plan: it stays, and counts. */
struct planner_fixed {
    long from_cell;                /* -1: the person holds no position */
    uint32_t to_cell;
};

enum planner_routes {
    PLANNER_ROUTES_AUTO,           /* a lattice where it saves arcs */
    PLANNER_ROUTES_PAIRS,          /* one arc per fitting pair */
    PLANNER_ROUTES_LATTICE,        /* a lattice wherever it is exact */
};

struct planner_input {
    const struct policy *policy;
    const struct planner_unit *units;
    size_t nunits;
    const struct planner_cell *cells;
    size_t ncells;
    const struct planner_person *people;
    size_t npeople;
    const struct planner_fixed *fixed;
    size_t nfixed;
    long max_moves;                /* -1: policy optimiser.max_moves; 0: no cap */
    bool across_roots;
    /* optional: a last filter (e.g. rules_person_may_move); NULL = all */
    bool (*may_move)(void *ctx, size_t person);
    void *may_move_ctx;
    /* how person types reach target types; 0 (AUTO) is the right choice
     * but for tests, which force either way to compare them */
    enum planner_routes routes;
};

/* One suggested move with the numbers of its reasons. Figures are the
 * cells' staff before this move: after the fixed moves and the suggested
 * moves listed before it (moves are sorted by target, origin, person). */
struct planner_move {
    size_t person;                 /* index into the input people */
    uint32_t from_cell, to_cell;
    int64_t cost;                  /* = the five parts below */
    int64_t cost_move, cost_district, cost_home, cost_competency;
    int64_t cost_wish;             /* - prefer_bonus and/or + avoid_cost */
    bool preferred, avoided;       /* the target is a place the person named */
    int missing_levels;            /* competency levels short at the target */
    int64_t to_need, to_existing;  /* target: short by to_need - to_existing */
    int64_t from_need, from_existing;   /* origin: over by from_existing - from_need */
};

struct planner_stats {
    uint32_t nodes;
    size_t arcs;
    size_t movable, classes, person_types, target_types;
    size_t origin_cells, target_cells;
    int64_t shortage;              /* short places after the fixed moves */
    int64_t surplus;               /* staff over need after the fixed moves */
    int64_t max_fill;              /* the maximum flow: places that can be filled */
    int64_t objective;             /* least cost of max_fill moves */
    uint64_t flow_steps;           /* augmenting paths */
    uint64_t simplex_pivots;       /* primal-dual phases (simplex pivots
                                      where a policy makes costs negative) */
    size_t lattice_nodes;          /* nodes of the fit lattices (in nodes) */
};

enum planner_result { PLANNER_OK, PLANNER_CANCELLED, PLANNER_NOMEM, PLANNER_BAD_INPUT };

/* NULL when out of memory or the input is inconsistent (an index out of
 * range). Groups the people and builds the network. */
struct planner *planner_new(const struct planner_input *in);
void planner_free(struct planner *pl);
/* The min-cost maximum flow; then the moves. ctl may be NULL;
 * a cancelled solve leaves no moves. */
int planner_solve(struct planner *pl, const struct mcf_control *ctl);
const struct planner_stats *planner_stats(const struct planner *pl);
size_t planner_move_count(const struct planner *pl);
const struct planner_move *planner_move(const struct planner *pl, size_t i);
/* The network of the last solve in DIMACS (see mcf_write_dimacs). Before
 * planner_solve the supplies are 0. */
int planner_write_dimacs(const struct planner *pl, const char *comment,
                         int (*emit)(void *ctx, const char *line, size_t len), void *ctx);
/* The network itself (tests and benchmarks time or re-solve it). */
struct mcf *planner_graph(struct planner *pl);
uint32_t planner_source(const struct planner *pl);
uint32_t planner_sink(const struct planner *pl);
#endif
