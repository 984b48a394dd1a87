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
/* The same verdicts, with reasons only where they fail
 * (rules_check_failures): for judging many moves whose warnings are kept. */
int move_judge_failures(struct ops *o, const struct move_facts *f, int reason,
                        const struct plan_desc *plan, struct verdict v[RULE_COUNT], size_t *n);
/* Removes the struck moves from pl (they are out of the plan). */
void plan_moves_drop_struck(struct plan_moves *pl);
/* The plan check (ops_plan_check) in transaction t, of the moves not
 * struck: blocking verdicts of the rules whose scope is in scopes (a set
 * of RULE_SCOPE_BIT), and every changed record. */
#define PLAN_CHECK_ALL (RULE_SCOPE_BIT(RULE_SCOPE_PERSON) | RULE_SCOPE_BIT(RULE_SCOPE_TARGET) | \
                        RULE_SCOPE_BIT(RULE_SCOPE_PLAN))
int plan_check_in(struct ops *o, stxn *t, uint32_t id, unsigned scopes,
                  struct ops_breach **out, size_t *n, struct ops_err *e);
/* A change in one store_write: store_write aborts on anything but
 * STORE_OK, so an ops refusal travels in the context. */
struct change {
    struct ops *o;
    struct ops_err *e;
    int rc;
};
/* Records rc and returns what store_write wants (STORE_OK commits). */
int change_aborted(struct change *c, int rc);
/* The audit entry of the change (ops_audit_user names who). */
int change_audit(struct change *c, stxn *t, const char *action, const char *object,
                 const char *before, const char *after);
/* store_write(fn) and the refusal it carried, or why the write failed. */
int change_run(struct change *c, store_write_fn fn, void *ctx);
/* OPS_CONFLICT with who changed the plan and when. */
int change_conflict(struct ops_err *e, const struct plan *now, uint32_t read);
/* A user name into a plan's field. */
void copy_user(char dst[PLAN_USER_SIZE], const char *user);
/* Refused unless the acting user has the operator role. */
int need_operator(struct ops *o, struct ops_err *e);
/* The plan, the version check (expect 0: none) and the check that the
 * plan's state may be edited. */
int plan_for_change(struct ops *o, stxn *t, uint32_t id, uint32_t expect, struct plan *p,
                    struct ops_err *e);
/* Saves the plan's next version (who and when) after a change of it. */
int plan_touch(struct ops *o, stxn *t, struct plan *p, struct ops_err *e);
/* "NIP 19860926 201505 1 001" style shown NIP. */
void shown_nip(const char *nip, char out[NIP_FMT_LEN + 1]);
#endif
