/* Shared between ops/plan.c and ops/plan_view.c only. */
#ifndef MUTASI_OPS_PLAN_INTERNAL_H
#define MUTASI_OPS_PLAN_INTERNAL_H
#include "ops/plan.h"
#include "store/plans.h"

/* A plan's moves read into memory, with the plan_desc the rules see. */
struct plan_moves {
    struct move *m;
    size_t n, cap;
    struct plan_move *pm;        /* pm[i] points into m[i] */
};
int plan_moves_read(stxn *t, uint32_t plan, struct plan_moves *out);
void plan_moves_free(struct plan_moves *pl);
/* The plan_desc of pl (valid while pl lives). */
struct plan_desc plan_moves_desc(struct plan_moves *pl);

/* Everything the rules need about one move, read in transaction t.
 * rc STORE_OK, STORE_NOTFOUND (e says what is missing) or STORE_ERROR. */
struct move_facts {
    struct staff person;
    struct position origin, target;
    bool has_origin;
    struct wl_row origin_fig, target_fig;
};
int move_facts_read(struct ops *o, stxn *t, const char *nip, const char *target,
                    struct move_facts *f, struct ops_err *e);
/* Judges one move (plan may be NULL) and returns the summary. */
int move_judge(struct ops *o, const struct move_facts *f, int reason,
               const struct plan_desc *plan, struct verdict v[RULE_COUNT], size_t *n);
/* The pieces of every change of a plan (ops/plan.c). */
/* Refused unless the acting user has the operator role. */
int plan_need_operator(struct ops *o, struct ops_err *e);
/* The plan, the version check (expect 0: none) and the state check. */
int plan_for_change(struct ops *o, stxn *t, uint32_t id, uint32_t expect, struct plan *p,
                    struct ops_err *e);
/* Saves the plan's next version (who and when) after a change of it. */
int plan_touch(struct ops *o, stxn *t, struct plan *p, struct ops_err *e);
/* store_write aborts on anything but STORE_OK: an ops refusal travels in
 * the context. A write function returns change_abort(c, rc) (STORE_OK
 * when rc is OPS_OK); change_run runs it and returns the ops status. */
struct change {
    struct ops *o;
    struct ops_err *e;
    int rc;
};
int change_abort(struct change *c, int rc);
int change_audit(struct change *c, stxn *t, const char *action, const char *object,
                 const char *before, const char *after);
int change_run(struct change *c, store_write_fn fn, void *ctx);

/* The reasons of every verdict with this result ("rule: reason"), sep-joined. */
void verdict_reasons(const struct verdict *v, size_t n, int result, const char *sep, char *out,
                     size_t size);
/* "NIP 19860926 201505 1 001" style shown NIP. */
void shown_nip(const char *nip, char out[NIP_FMT_LEN + 1]);
#endif
