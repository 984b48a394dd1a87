/* The approval route of a plan (DESIGN "Approval"): its steps, striking a
 * move, the decree (SK), taking effect on the TMT, the timeline and the
 * annex to the decree. For the plan verbs (cli/plan_route.c), the Inbox
 * and the Plans screens. The route itself (states, steps, roles,
 * separation of duties, every refusal's sentence) is core/workflow.h,
 * configured by workflow.yaml; this layer reads and writes the plan.
 *
 * Usage (a screen or a verb):
 *     struct ops o;  ops_open(&o, env, OPS_WRITE, &e);
 *     const struct wf_step *s = ops_route_step(&o.cfg->workflow, "verify");
 *     struct ops_step_req rq = {.plan = id, .step = s->name, .note = note};
 *     if (ops_plan_step(&o, &rq, &e) != OPS_OK) show e.msg;  (the refusal)
 *     ops_plan_strike(&o, id, nip, "reason", 0, &e);
 *     struct ops_sk_req sk = {.plan = id, .number = "800/123/BKPSDM/2026",
 *                             .date = d, .tmt = t, .signer_nip = nip};
 *     ops_plan_issue_sk(&o, &sk, &e);
 *     struct ops_apply_result r;  ops_plan_apply(&o, id, 0, &r, &e);
 * The Inbox (plans waiting for one of my roles) and the step keys of a
 * plan: ops_plan_steps_for_me (wf_waiting_steps / wf_open_steps on the
 * stored plan and timeline).
 *
 * Every action is one store_write: the plan's version check (expect
 * version 0 = "as it is now"; else OPS_CONFLICT as in ops/plan.h), the
 * route's check (wf_check: state, role, separation of duties, TMT,
 * reason), the change, one timeline entry (step, user, time, note or
 * reason) and the audit entries (action "plan STEP", object "plan ID",
 * before -> after state; ops_audit_user names the Unix and the claimed
 * user), all or nothing.
 *
 * Verbs and steps: a verb names a step of workflow.yaml (`verify`), or,
 * where a region renamed one, the step with the matching flag or place in
 * the route (ops_route_step): issue-sk the step that issues the SK, apply
 * the one that takes effect, submit the plan-checking step out of the
 * first state, approve the step into the state the SK is issued from,
 * return a reasoned step back to the first state, reject a reasoned step
 * to a final state, cancel an unreasoned step from the first state to a
 * final one. A region's own step (`consent`) is taken by its name
 * (`mutasi plan step ID consent`). */
#ifndef MUTASI_OPS_APPROVAL_H
#define MUTASI_OPS_APPROVAL_H
#include <stddef.h>
#include <stdint.h>
#include "core/plan.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "ops/plan.h"

/* The step a verb takes (see above); NULL when the route has none. */
const struct wf_step *ops_route_step(const struct workflow_config *w, const char *verb);

/* One step of the route that is neither the SK nor taking effect (those
 * have their own actions below). A step with checks_plan (submit) is
 * refused while any move not struck is blocked, every blocked move named
 * in e->msg (one a line), and when no move is left. */
struct ops_step_req {
    uint32_t plan;
    const char *step;            /* a step name of workflow.yaml */
    const char *note;            /* note, or the reason a step needs; NULL: none */
    uint32_t expect_version;     /* 0: the plan as it is now */
};
int ops_plan_step(struct ops *o, const struct ops_step_req *rq, struct ops_err *e);

/* Strikes one move during review (wf_check_strike: a step with
 * strikes_moves is taken from the plan's state and open to the user; a
 * reason is needed). The move is kept, marked with who, when and why; it
 * is no longer judged, exported in the annex nor applied. The timeline
 * gets an entry "strike" with "NIP: reason". */
int ops_plan_strike(struct ops *o, uint32_t plan, const char *nip, const char *reason,
                    uint32_t expect_version, struct ops_err *e);

/* The decree. The signing official is a person on record (signer_nip,
 * 18 digits): their name, NIP and title (their position's name and unit)
 * are copied into the plan now, so that a later change of official never
 * rewrites an issued SK. Refused: an SK number that is empty, too long
 * (63 bytes) or has characters other than letters, digits, spaces and
 * . / - _ ( ) :, or is already the number of another plan's SK; a TMT
 * before the SK's date; an unknown signer. */
struct ops_sk_req {
    uint32_t plan;
    const char *number;          /* "800/123/BKPSDM/2026" */
    mdate date, tmt;
    const char *signer_nip;
    const char *note;            /* NULL: none */
    uint32_t expect_version;
};
int ops_plan_issue_sk(struct ops *o, const struct ops_sk_req *rq, struct ops_err *e);

/* Taking effect: refused before the TMT (o->today), and while any person
 * rule blocks a move now or a person's record changed since the move was
 * added (someone retired, got a penalty, moved: every one listed in
 * e->msg); then every move not struck enters the staff records
 * (position, unit, post_since = TMT) with a history line dated the TMT
 * (plan_id set) and an audit entry per person, and the plan takes its
 * final state: one transaction, so a failure leaves no move applied. A
 * second apply is refused by the route (the plan is final). */
struct ops_apply_result {
    size_t applied;              /* moves written into the records */
    size_t struck;               /* struck moves left out */
};
int ops_plan_apply(struct ops *o, uint32_t plan, uint32_t expect_version,
                   struct ops_apply_result *res, struct ops_err *e);

/* The plan and its timeline, oldest first; *tl malloc'ed (caller frees). */
int ops_plan_timeline(struct ops *o, uint32_t plan, struct plan *p, struct wf_event **tl,
                      size_t *n, struct ops_err *e);
/* The steps the acting user may take on a plan now (open: the step keys)
 * or that the plan waits for them to take (waiting: the Inbox), in route
 * order; returns how many. p, tl, n as ops_plan_timeline gives them. */
int ops_plan_steps_for_me(const struct ops *o, const struct plan *p, const struct wf_event *tl,
                          size_t n, bool waiting, const struct wf_step *out[WF_MAX_STEPS]);

/* ---- the annex to the decree (lampiran SK), ops/annex.c ------------------ */
#define ANNEX_NAME_SIZE 128
struct ops_annex_row {
    char nip[NIP_LEN + 1];
    char name[NAME_SIZE];
    char rank[8];                /* "III/b" */
    char from_position[ANNEX_NAME_SIZE], from_unit[ANNEX_NAME_SIZE];
    char to_position[ANNEX_NAME_SIZE], to_unit[ANNEX_NAME_SIZE];
};
struct ops_annex {
    struct plan plan;            /* plan.sk: number, date, TMT, signer */
    struct ops_annex_row *rows;  /* the moves not struck, NIP order */
    size_t n;
    uint64_t anchor_seq;         /* the audit entry of this export ... */
    char anchor_hash[65];        /* ... and its hash, 64 hex digits */
};
/* The annex's rows, with the names of positions and units (the origin as
 * recorded on the move). Personal data leaves here: the export is
 * audited ("export plan", object "plan ID", after "N rows, FORMAT") in
 * its own transaction, and that entry is the annex's anchor: a printed
 * annex names it, so `audit --verify --against SEQ:HASH` later proves
 * that the log still holds it (and with it the data digest of the moment
 * the decree was printed). format: "text" or "csv", for the audit. */
int ops_plan_annex(struct ops *o, uint32_t plan, const char *format, struct ops_annex *out,
                   struct ops_err *e);
void ops_annex_free(struct ops_annex *a);
/* Audits the export of a plan (the CSV form, which reads ops_plan_show). */
int ops_plan_export_note(struct ops *o, uint32_t plan, const char *format, size_t rows,
                         struct ops_err *e);
#endif
