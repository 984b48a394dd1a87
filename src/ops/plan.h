/* Transfer plans: the actions on a plan and its moves, for the plan verbs
 * (cli/plan.c), the Plans screen and editor, the optimiser (`plan
 * suggest` adds its moves through ops_plan_add) and the approval route.
 *
 * Usage:
 *     struct ops o;  ops_open(&o, env, OPS_WRITE, &e);
 *     uint32_t id;   ops_plan_new(&o, "Mutasi 2026", "2026", &id, &e);
 *     struct ops_move_req rq = {.plan = id, .nip = nip, .position = "GURU-1",
 *                               .reason = REASON_WORKLOAD};
 *     struct move added;
 *     if (ops_plan_add(&o, &rq, &added, &e) != OPS_OK) show e.msg;
 *     (added.summary: allowed, or allowed with warnings, reasons in added.why)
 *     struct ops_plan_view v;  ops_plan_show(&o, id, &v, &e); ... ops_plan_view_free(&v);
 *     struct ops_breach *b; size_t n;  ops_plan_check(&o, id, &b, &n, &e); ... free(b);
 *     ops_close(&o);
 *
 * Every change (new, add, drop) is one store_write with the plan's version
 * check and one audit entry ("plan new" / "plan add" / "plan drop", object
 * "plan ID" or "plan ID NIP", before -> after) in the same transaction.
 *
 * Versions and two operators: an editor that shows a plan keeps the
 * version it read and passes it as expect_version; when someone else
 * changed the plan meanwhile the action is refused (OPS_CONFLICT) with a
 * message naming who changed it and when, and nothing is written. The
 * verbs read and write in one transaction and pass 0 ("the version there
 * is now").
 *
 * Who: changing a plan needs the operator role (users.yaml) and a plan in
 * the route's first state (DRAFT; wf_check_edit). Reading (list, show,
 * check) needs no role. The approval route (steps, strike, SK, apply,
 * annex) is ops/approval.h. Struck moves are shown (move.struck_by set)
 * but left out of the impact and of the check. */
#ifndef MUTASI_OPS_PLAN_H
#define MUTASI_OPS_PLAN_H
#include <stddef.h>
#include <stdint.h>
#include "core/impact.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/workflow.h"
#include "ops/ops.h"

/* Refused because the plan changed since expect_version: e->msg says who
 * and when. A kind of OPS_REFUSED for the exit status (1). */
#define OPS_CONFLICT 3

/* Creates a plan in state DRAFT with the acting user as author; period
 * may be NULL or "". *id is the new plan's id. */
int ops_plan_new(struct ops *o, const char *name, const char *period, uint32_t *id,
                 struct ops_err *e);

/* One line of the list of plans. */
struct ops_plan_item {
    struct plan plan;
    size_t nmoves;
};
/* Every plan in id order; *out malloc'ed (caller frees; NULL when none). */
int ops_plan_list(struct ops *o, struct ops_plan_item **out, size_t *n, struct ops_err *e);

/* Adding a move. expect_version 0: the plan as it is now. note may be
 * NULL. The origin is where the person is now (kept on the move as it is
 * then). Refused: unknown plan, person or position; the person's own
 * position; a person already in the plan; any blocking verdict (every
 * blocking reason in e->msg, one a line). Warnings do not refuse: they
 * are kept on the move (summary MOVE_ALLOWED_WARNINGS, reasons in why). */
struct ops_move_req {
    uint32_t plan;
    const char *nip;             /* 18 digits (nip_parse it first) */
    const char *position;        /* target position code */
    int reason;                  /* enum move_reason */
    const char *note;
    uint32_t expect_version;
};
/* *added (may be NULL): the stored move. verdicts (may be NULL): every
 * verdict of the rules, *nverdicts of them, also when refused. */
int ops_plan_add(struct ops *o, const struct ops_move_req *rq, struct move *added,
                 struct verdict verdicts[RULE_COUNT], size_t *nverdicts, struct ops_err *e);

/* Drops a person's move from a plan. */
int ops_plan_drop(struct ops *o, uint32_t plan, const char *nip, uint32_t expect_version,
                  struct ops_err *e);
/* Drops several people's moves in one transaction (the plan's version
 * rises by one; one audit entry per move): all or none. */
int ops_plan_drop_many(struct ops *o, uint32_t plan, const char *const *nips, size_t n,
                       uint32_t expect_version, struct ops_err *e);

/* A plan as shown: its moves with the person's name, and its impact. */
struct ops_move_view {
    struct move move;
    char name[NAME_SIZE];        /* "" when the person is no longer on record */
};
struct ops_impact_row {
    int kind;                    /* enum impact_kind */
    char code[CODE_SIZE];        /* unit or position code */
    char unit[CODE_SIZE];        /* a position's unit; "" for a unit */
    int depth;                   /* a unit's depth in the tree; a position's unit's */
    struct wl_row before, after;
};
struct ops_plan_view {
    struct plan plan;
    struct ops_move_view *moves;     /* NIP order */
    size_t nmoves;
    struct ops_impact_row *impact;   /* units in tree order, then positions (struck moves
                                      * left out) */
    size_t nimpact;
    struct wf_event *timeline;       /* every step taken, oldest first (ops/approval.h) */
    size_t ntimeline;
};
int ops_plan_show(struct ops *o, uint32_t id, struct ops_plan_view *out, struct ops_err *e);
void ops_plan_view_free(struct ops_plan_view *v);
/* The same without the impact (impact NULL): for an editor that keeps
 * the impact itself (ops_plan_impact). */
int ops_plan_moves(struct ops *o, uint32_t id, struct ops_plan_view *out, struct ops_err *e);

/* The impact of a plan for an editor that keeps it up to date: *w is the
 * workload of the database now (computed), *im holds the plan's moves.
 * After ops_plan_add / ops_plan_drop succeed, the editor calls
 * impact_add_codes / impact_remove_codes with the move's from_position
 * and to_position (a few microseconds) instead of loading again. Free
 * with impact_free and workload_free. */
int ops_plan_impact(struct ops *o, uint32_t id, struct workload **w, struct impact **im,
                    struct ops_err *e);

/* The submit check: every blocking verdict of every move (judged with
 * the whole plan, so the plan-sanity rules 9 see every other move) and
 * every move whose person or position no longer is as it was. */
struct ops_breach {
    char nip[NIP_LEN + 1];
    int rule;                    /* enum rule_id, or -1 for a changed record */
    char reason[VERDICT_REASON_SIZE];
};
/* OPS_OK with *n breaches (0: nothing blocks); *out malloc'ed (caller
 * frees). OPS_REFUSED only when the check itself cannot run. */
int ops_plan_check(struct ops *o, uint32_t id, struct ops_breach **out, size_t *n,
                   struct ops_err *e);
#endif
