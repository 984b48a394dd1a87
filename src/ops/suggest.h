/* The optimiser as a user action: `mutasi plan suggest` and the plan
 * editor's `S`. One call reads the region (units, positions and their
 * holders through the workload loader; the staff who may move: not in the
 * plan already, passing rules_person_may_move; the plan's moves, which
 * stay fixed and count), solves core/planner's min-cost maximum flow, and
 * adds every suggested move to the plan (reason workload) in ONE
 * store_write with the plan's version check and one audit entry ("plan
 * suggest"). Each added move is judged by every rule with the whole plan,
 * as `plan check` judges it, and its verdicts are kept on it. Never
 * prints: progress through a callback, cancel through a flag; a cancelled
 * or refused run changes nothing.
 *
 * Usage:
 *     volatile sig_atomic_t stop = 0;
 *     struct ops_suggest_req rq = {.plan = id, .max_moves = -1,
 *                                  .progress = show, .ctx = screen, .cancel = &stop};
 *     struct ops_suggest_result r;
 *     int rc = ops_plan_suggest(&o, &rq, &r, &e);
 *     OPS_OK: r.moves[0 .. r.nmoves) are in the plan, r.moves[i].why says why;
 *     OPS_STOPPED: cancelled (or emit / progress said stop), nothing changed;
 *     OPS_REFUSED / OPS_CONFLICT: e.msg says why, nothing changed.
 *     ops_suggest_result_free(&r);
 *
 * The objective is that of the DIMACS instance emit receives (the whole
 * network, every independent part included), so `glpsol --mincost` on
 * that file reports the same number. It equals the sum of the moves'
 * costs. */
#ifndef MUTASI_OPS_SUGGEST_H
#define MUTASI_OPS_SUGGEST_H
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include "core/plan.h"
#include "ops/ops.h"

enum ops_suggest_phase {
    OPS_SUGGEST_READ,      /* done = staff read so far */
    OPS_SUGGEST_SOLVE,     /* done = solver steps so far */
    OPS_SUGGEST_SAVE,      /* done = moves judged so far; done 0 comes once before
                            * saving begins, the last point where stopping
                            * (or the cancel flag) still changes nothing */
};

struct ops_suggest_req {
    uint32_t plan;
    long max_moves;             /* -1: policy optimiser.max_moves; 0: no cap; K: at most K */
    uint32_t expect_version;    /* 0: the plan as it is when reading begins */
    /* Called now and then (a few times a second at most is the caller's
     * business); nonzero stops the run (OPS_STOPPED). May be NULL. */
    int (*progress)(void *ctx, int phase, uint64_t done);
    void *ctx;
    const volatile sig_atomic_t *cancel;     /* nonzero: stop; may be NULL */
    /* --dump-graph: the solved network in DIMACS, a line at a time, before
     * anything is saved; nonzero stops the run (OPS_STOPPED). May be NULL. */
    int (*emit)(void *ctx, const char *line, size_t len);
    void *emit_ctx;
};

#define OPS_SUGGEST_WHY_SIZE 512
/* One saved move, as small as showing it needs (a national run suggests
 * some 100,000): the move itself is in the plan. */
struct ops_suggested {
    char nip[NIP_LEN + 1];
    char from_position[CODE_SIZE], to_position[CODE_SIZE];
    uint8_t summary;               /* enum move_summary (never MOVE_BLOCKED) */
    int64_t cost;
    const char *name;              /* the person's */
    /* translated, one line: "fills 1 of 3 short in Bidan, Puskesmas X (EJ
     * 1.42 -> 1.07); relieves Perawat, RSUD (+4 -> +3); cost 12: move 10,
     * district 5, home district -3" (at most OPS_SUGGEST_WHY_SIZE - 1 bytes) */
    const char *why;
};

struct ops_suggest_result {
    struct ops_suggested *moves;   /* in the planner's order: by target, origin, person */
    size_t nmoves;
    int64_t objective;             /* least total cost of the moves (DIMACS units) */
    int64_t shortage;              /* short places after the plan's earlier moves */
    int64_t max_fill;              /* the most the rules and caps let be filled (= nmoves) */
    uint32_t nodes;                /* the network after grouping */
    size_t arcs;
    size_t staff, movable, classes;   /* staff read, who may move, their classes */
    uint32_t version;              /* the plan's version after the change */
    double read_ms, build_ms, solve_ms, save_ms;   /* CPU time of each phase */
    char *text;                    /* the names and reasons the moves point into */
    size_t ntext, text_room;
};

/* Needs the operator role and a plan in state DRAFT. */
int ops_plan_suggest(struct ops *o, const struct ops_suggest_req *rq,
                     struct ops_suggest_result *out, struct ops_err *e);
void ops_suggest_result_free(struct ops_suggest_result *r);
#endif
