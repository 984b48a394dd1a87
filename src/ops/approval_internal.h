/* Shared between ops/approval.c, ops/apply.c and ops/annex.c only. */
#ifndef MUTASI_OPS_APPROVAL_INTERNAL_H
#define MUTASI_OPS_APPROVAL_INTERNAL_H
#include "ops/approval.h"
#include "ops/plan_internal.h"

/* A route action in one store_write: the plan and its timeline as read in
 * the write transaction. */
struct route_ctx {
    struct change c;
    uint32_t id, expect;
    struct plan p;
    struct wf_event *tl;         /* malloc'ed by route_read, freed by route_run */
    size_t ntl;
};
/* Reads the plan and its timeline; the version check. */
int route_read(struct route_ctx *r, stxn *t);
struct wf_plan route_plan(const struct route_ctx *r);
struct wf_actor route_actor(const struct ops *o);
/* route_read, then wf_check of step s by the acting user, with the
 * reason (may be NULL). */
int route_begin(struct route_ctx *r, stxn *t, const struct wf_step *s, const char *reason);
/* Saves the plan (its state changed by the caller) with one timeline
 * entry: step, the acting user, now, note. */
int route_save(struct route_ctx *r, stxn *t, const char *step, const char *note);
/* Takes step s, the end of a step's write function: the plan's state
 * becomes s->to, route_save with note, and the audit entry of action on
 * "plan N" from the state before to s->to followed by tail ("" or "; ...").
 * Returns change_aborted's value. */
#define ROUTE_TAIL_SIZE (WF_NOTE_SIZE + 128)
int route_advance(struct route_ctx *r, stxn *t, const struct wf_step *s, const char *action,
                  const char *note, const char *tail);
/* store_write(fn, r), and frees what route_read kept. */
int route_run(struct route_ctx *r, store_write_fn fn);
void route_object(uint32_t id, char out[32]);
/* The breaches, one a line ("\n  NIP  rule: reason"). */
void breaches_text(const struct ops_breach *b, size_t n, char *out, size_t size);
/* The moves (not struck) whose objection is unanswered: *n of them,
 * listed in list one a line ("\n  NIP  objection"). ops/objection.c. */
int plan_open_objections(stxn *t, uint32_t plan, char *list, size_t size, size_t *n);
#endif
