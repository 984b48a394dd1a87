/* The approval route (DESIGN "Approval"): the states a plan walks through,
 * the steps between them, who may take each step, and the refusals with
 * the sentence that says why. Pure: the route is configuration
 * (workflow.yaml, read by config/), the plan and its timeline are passed
 * in, nothing is stored or printed here.
 *
 * The route: a plan starts in the first state (DRAFT), the only one in
 * which its moves can be edited. A step leads from one of its `from`
 * states to its `to` state, and is open to the roles it names. A state no
 * step leaves is final (EFFECTIVE, REJECTED, CANCELLED). Separation of
 * duties: for a pair [a, b], whoever took step a on a plan (or drafted it,
 * a = "draft") may not take step b on it. Steps are found by name (a
 * region may rename them) or by their flags: the one that records the SK
 * (issues_sk), the one that takes effect on the TMT (takes_effect), the
 * ones refused while a move is blocked (checks_plan), and the ones whose
 * takers may strike single moves, with a reason, while the plan waits for
 * them (strikes_moves).
 *
 * Usage (a plan verb, in one write transaction):
 *     struct wf_event tl[...];  n = the plan's timeline, oldest first
 *     struct wf_plan p = {.id = plan.id, .state = plan.state,
 *                         .author = plan.author, .timeline = tl,
 *                         .ntimeline = n, .tmt = sk.tmt or MDATE_NONE};
 *     struct wf_actor a = {.user = o->user, .roles = o->roles,
 *                          .today = o->today};
 *     struct wf_verdict v;
 *     const struct wf_step *s = wf_check(&cfg->workflow, &p, &a, "verify",
 *                                        reason, &v);
 *     if (!s) return ops_fail(e, "%s", v.msg);         (refused: why)
 *     if (s->checks_plan) ... refuse while a move is blocked ...
 *     plan.state = s->to; append {s->name, user, now, reason} to the
 *     timeline; audit; save.
 * The Inbox and the step keys:
 *     const struct wf_step *open[WF_MAX_STEPS];
 *     int k = wf_open_steps(&cfg->workflow, &p, &a, open);   (keys)
 *     int w = wf_waiting_steps(&cfg->workflow, &p, &a, open); (Inbox)
 * Editing moves: wf_check_edit; striking one: wf_check_strike. */
#ifndef MUTASI_CORE_WORKFLOW_H
#define MUTASI_CORE_WORKFLOW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/date.h"
#include "core/roles.h"

#define WF_NAME_SIZE 24          /* a state or step name, NUL included */
#define WF_MAX_STEPS 16
#define WF_MAX_STATES 16
#define WF_MAX_SOD 16
#define WF_USER_SIZE 32          /* a Unix user name, NUL included */
#define WF_NOTE_SIZE 256         /* a step's note or reason, NUL included */
#define WF_MSG_SIZE 512
/* Not a step: the person who created the plan, in separation of duties. */
#define WF_AUTHOR "draft"

struct wf_step {
    char name[WF_NAME_SIZE];                /* "verify" */
    char from[WF_MAX_STATES][WF_NAME_SIZE]; /* states it may be taken from */
    int nfrom;
    char to[WF_NAME_SIZE];                  /* state it leads to */
    unsigned roles;                         /* who may take it: enum role bits */
    bool needs_reason;                      /* refused without a written reason */
    bool checks_plan;                       /* refused while a move is blocked */
    bool strikes_moves;                     /* its takers may strike single moves */
    bool issues_sk;                         /* records the SK: number, date, TMT */
    bool takes_effect;                      /* on the TMT: moves enter the records */
};
/* Whoever took step a on a plan may not take step b on it. */
struct wf_sod {
    char a[WF_NAME_SIZE], b[WF_NAME_SIZE];
};
/* A valid route (config/ checks it): states and steps have distinct
 * names, every from/to is a state, exactly one step issues the SK and
 * exactly one takes effect. */
struct workflow_config {
    char states[WF_MAX_STATES][WF_NAME_SIZE];
    int nstates;
    struct wf_step steps[WF_MAX_STEPS];
    int nsteps;
    struct wf_sod sod[WF_MAX_SOD];
    int nsod;
};

/* One step taken on a plan: the plan's timeline is a list of these, oldest
 * first. Plain and fixed-size, for the plan store. */
struct wf_event {
    char step[WF_NAME_SIZE];
    char user[WF_USER_SIZE];
    int64_t at;                             /* Unix seconds */
    char note[WF_NOTE_SIZE];                /* note or reason, "" if none */
};

/* What the route needs to know of a plan. */
struct wf_plan {
    uint32_t id;                            /* for messages: "plan 3" */
    const char *state;
    const char *author;                     /* who drafted it */
    const struct wf_event *timeline;
    size_t ntimeline;
    mdate tmt;                              /* the SK's TMT, MDATE_NONE before */
};
/* Who asks, with which roles, on which day. */
struct wf_actor {
    const char *user;
    unsigned roles;                         /* enum role bits */
    mdate today;
};

enum wf_why {
    WF_OK,
    WF_UNKNOWN_STEP,        /* no step of that name in the route */
    WF_FINAL_STATE,         /* the plan is in a final state */
    WF_WRONG_STATE,         /* the step is not taken from the plan's state */
    WF_WRONG_ROLE,          /* none of the actor's roles may take it */
    WF_SEPARATION,          /* own plan, or an earlier step by the actor */
    WF_BEFORE_TMT,          /* takes effect only on or after the TMT */
    WF_NO_REASON,           /* the step (or a strike) needs a reason */
    WF_NOT_EDITABLE,        /* moves change only in the first state */
};
/* A refusal: why (enum wf_why) and the translated sentence. */
struct wf_verdict {
    int why;
    char msg[WF_MSG_SIZE];
};

/* The step of that name, or NULL. */
const struct wf_step *wf_step_find(const struct workflow_config *w, const char *name);
/* The state a new plan is in (the first one). */
const char *wf_initial_state(const struct workflow_config *w);
/* Whether name is one of the route's states. */
bool wf_state_known(const struct workflow_config *w, const char *state);
/* Only a plan in the first state may have its moves edited. */
bool wf_state_editable(const struct workflow_config *w, const char *state);
/* No step leaves a final state (nor a state the route does not know). */
bool wf_state_final(const struct workflow_config *w, const char *state);
/* The step that records the SK, the one that takes effect (NULL only for
 * a route config/ did not check). */
const struct wf_step *wf_step_issuing_sk(const struct workflow_config *w);
const struct wf_step *wf_step_taking_effect(const struct workflow_config *w);
/* Whether the step may be taken only on or after the plan's TMT. */
bool wf_step_waits_for_tmt(const struct wf_step *s);
/* Whether the step moves a plan on towards taking effect: it leads
 * neither back to the first state nor to a final state other than the
 * one the taking effect reaches (not return, reject or cancel). */
bool wf_step_moves_on(const struct workflow_config *w, const struct wf_step *s);
/* Whether a reason holds more than blanks (NULL: no). */
bool wf_reason_given(const char *reason);

/* Whether the actor may take the named step on the plan now, with this
 * reason (NULL: none). Checked in this order: the step exists, the plan's
 * state (final, or not one the step is taken from), the actor's roles,
 * separation of duties against the plan's author and timeline, the TMT,
 * the reason. Returns the step, or NULL with v filled. v may be NULL. */
const struct wf_step *wf_check(const struct workflow_config *w, const struct wf_plan *p,
                               const struct wf_actor *a, const char *step,
                               const char *reason, struct wf_verdict *v);
/* The steps the actor may take now (state, roles and separation of
 * duties; not the TMT nor the reason, which the step itself then asks
 * for), in route order: for the step keys. Returns how many. */
int wf_open_steps(const struct workflow_config *w, const struct wf_plan *p,
                  const struct wf_actor *a, const struct wf_step *out[WF_MAX_STEPS]);
/* The open steps the plan waits for the actor to take, for the Inbox: the
 * ones that move it on (wf_step_moves_on), and in the first state only
 * for its author (other operators' drafts wait for no one else). */
int wf_waiting_steps(const struct workflow_config *w, const struct wf_plan *p,
                     const struct wf_actor *a, const struct wf_step *out[WF_MAX_STEPS]);
/* Whether the plan's moves may be added, dropped or changed: only in the
 * first state. 0, or -1 with v filled (WF_NOT_EDITABLE). Roles are the
 * caller's matter. */
int wf_check_edit(const struct workflow_config *w, const struct wf_plan *p,
                  struct wf_verdict *v);
/* Whether the actor may strike one move, with this reason, now: some step
 * with strikes_moves is taken from the plan's state and is open to the
 * actor (roles, separation of duties), and the reason is given. 0, or -1
 * with v filled. */
int wf_check_strike(const struct workflow_config *w, const struct wf_plan *p,
                    const struct wf_actor *a, const char *reason, struct wf_verdict *v);
#endif
