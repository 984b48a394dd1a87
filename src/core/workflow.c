/* The approval route: which step a user may take on a plan, and why not. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "core/vocab.h"
#include "core/workflow.h"

const struct wf_step *wf_step_find(const struct workflow_config *w, const char *name)
{
    for (int i = 0; name && i < w->nsteps; i++)
        if (strcmp(w->steps[i].name, name) == 0)
            return &w->steps[i];
    return NULL;
}

const char *wf_initial_state(const struct workflow_config *w)
{
    return w->nstates ? w->states[0] : "";
}

bool wf_state_known(const struct workflow_config *w, const char *state)
{
    for (int i = 0; state && i < w->nstates; i++)
        if (strcmp(w->states[i], state) == 0)
            return true;
    return false;
}

bool wf_state_editable(const struct workflow_config *w, const char *state)
{
    return w->nstates && state && strcmp(state, w->states[0]) == 0;
}

static bool step_leaves(const struct wf_step *s, const char *state)
{
    for (int i = 0; i < s->nfrom; i++)
        if (strcmp(s->from[i], state) == 0)
            return true;
    return false;
}

bool wf_state_final(const struct workflow_config *w, const char *state)
{
    for (int i = 0; i < w->nsteps; i++)
        if (step_leaves(&w->steps[i], state))
            return false;
    return true;
}

const struct wf_step *wf_step_issuing_sk(const struct workflow_config *w)
{
    for (int i = 0; i < w->nsteps; i++)
        if (w->steps[i].issues_sk)
            return &w->steps[i];
    return NULL;
}

const struct wf_step *wf_step_taking_effect(const struct workflow_config *w)
{
    for (int i = 0; i < w->nsteps; i++)
        if (w->steps[i].takes_effect)
            return &w->steps[i];
    return NULL;
}

bool wf_step_waits_for_tmt(const struct wf_step *s)
{
    return s->takes_effect;
}

bool wf_step_moves_on(const struct workflow_config *w, const struct wf_step *s)
{
    if (s->takes_effect)
        return true;
    return !wf_state_editable(w, s->to) && !wf_state_final(w, s->to);
}

bool wf_reason_given(const char *reason)
{
    for (const char *c = reason; c && *c; c++)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
            return true;
    return false;
}

/* Fills v (when there is one) and returns NULL, for wf_check's refusals. */
static const struct wf_step *refuse(struct wf_verdict *v, int why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static const struct wf_step *refuse(struct wf_verdict *v, int why, const char *fmt, ...)
{
    if (!v)
        return NULL;
    v->why = why;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->msg, sizeof v->msg, fmt, ap);
    va_end(ap);
    return NULL;
}

/* "a, b, c" into out. */
static void join(char *out, size_t size, const char *const *names, int n)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        int k = snprintf(out + used, size - used, "%s%s", i ? ", " : "", names[i]);
        used = k < 0 ? size : used + (size_t)k;
    }
}

static void step_names(const struct workflow_config *w, char *out, size_t size)
{
    const char *names[WF_MAX_STEPS] = {NULL};
    for (int i = 0; i < w->nsteps; i++)
        names[i] = w->steps[i].name;
    join(out, size, names, w->nsteps);
}

/* The steps taken from state, "submit, cancel". */
static void steps_from(const struct workflow_config *w, const char *state, char *out,
                       size_t size)
{
    const char *names[WF_MAX_STEPS] = {NULL};
    int n = 0;
    for (int i = 0; i < w->nsteps; i++)
        if (step_leaves(&w->steps[i], state))
            names[n++] = w->steps[i].name;
    join(out, size, names, n);
}

static const struct wf_step *refuse_state(const struct workflow_config *w,
                                          const struct wf_plan *p, const struct wf_step *s,
                                          struct wf_verdict *v)
{
    if (!wf_state_known(w, p->state))
        return refuse(v, WF_WRONG_STATE,
                      _("plan %u is in the state %s, which the route (workflow.yaml) does "
                        "not know: no step can be taken on it"),
                      (unsigned)p->id, p->state);
    if (wf_state_final(w, p->state))
        return refuse(v, WF_FINAL_STATE,
                      _("plan %u is %s, a final state: no step can be taken on it any more"),
                      (unsigned)p->id, p->state);
    const char *from[WF_MAX_STATES] = {NULL};
    for (int i = 0; i < s->nfrom; i++)
        from[i] = s->from[i];
    char states[WF_MAX_STATES * WF_NAME_SIZE], open[WF_MAX_STEPS * WF_NAME_SIZE];
    join(states, sizeof states, from, s->nfrom);
    steps_from(w, p->state, open, sizeof open);
    return refuse(v, WF_WRONG_STATE,
                  _("plan %u is %s, and the step %s is taken only from %s; "
                    "from %s the steps are %s"),
                  (unsigned)p->id, p->state, s->name, states, p->state, open);
}

static const struct wf_step *refuse_role(const struct wf_plan *p, const struct wf_actor *a,
                                         const struct wf_step *s, struct wf_verdict *v)
{
    char need[96], has[96];
    roles_format(s->roles, need, sizeof need);
    if (!(a->roles & ROLE_ALL))
        return refuse(v, WF_WRONG_ROLE,
                      _("%s may not take the step %s on plan %u: it is for %s, and %s "
                        "holds no role (users.yaml)"),
                      a->user, s->name, (unsigned)p->id, need, a->user);
    roles_format(a->roles, has, sizeof has);
    return refuse(v, WF_WRONG_ROLE,
                  _("%s may not take the step %s on plan %u: it is for %s, and %s holds %s"),
                  a->user, s->name, (unsigned)p->id, need, a->user, has);
}

static bool took_step(const struct wf_plan *p, const char *user, const char *step)
{
    for (size_t i = 0; i < p->ntimeline; i++)
        if (strcmp(p->timeline[i].step, step) == 0 && strcmp(p->timeline[i].user, user) == 0)
            return true;
    return false;
}

/* The first separation-of-duties pair that bars the actor from step s. */
static const struct wf_step *check_duties(const struct workflow_config *w,
                                          const struct wf_plan *p, const struct wf_actor *a,
                                          const struct wf_step *s, struct wf_verdict *v)
{
    for (int i = 0; i < w->nsod; i++) {
        const struct wf_sod *d = &w->sod[i];
        if (strcmp(d->b, s->name) != 0)
            continue;
        if (strcmp(d->a, WF_AUTHOR) == 0) {
            if (p->author && strcmp(p->author, a->user) == 0)
                return refuse(v, WF_SEPARATION,
                              _("%s may not take the step %s on plan %u: %s drafted it "
                                "(separation of duties)"),
                              a->user, s->name, (unsigned)p->id, a->user);
        } else if (took_step(p, a->user, d->a)) {
            return refuse(v, WF_SEPARATION,
                          _("%s may not take the step %s on plan %u: %s took the step %s "
                            "on it (separation of duties)"),
                          a->user, s->name, (unsigned)p->id, a->user, d->a);
        }
    }
    return s;
}

/* State, roles and separation of duties: may the actor take s at all now. */
static const struct wf_step *check_open(const struct workflow_config *w,
                                        const struct wf_plan *p, const struct wf_actor *a,
                                        const struct wf_step *s, struct wf_verdict *v)
{
    if (!step_leaves(s, p->state))
        return refuse_state(w, p, s, v);
    if (!(s->roles & a->roles))
        return refuse_role(p, a, s, v);
    return check_duties(w, p, a, s, v);
}

static const struct wf_step *check_tmt(const struct workflow_config *w,
                                       const struct wf_plan *p, const struct wf_actor *a,
                                       const struct wf_step *s, struct wf_verdict *v)
{
    if (!wf_step_waits_for_tmt(s))
        return s;
    if (p->tmt == MDATE_NONE) {
        const struct wf_step *sk = wf_step_issuing_sk(w);
        return refuse(v, WF_BEFORE_TMT,
                      _("plan %u has no TMT yet: the step %s records it with the SK"),
                      (unsigned)p->id, sk ? sk->name : "");
    }
    if (a->today >= p->tmt)
        return s;
    char tmt[DATE_LABEL_SIZE], today[DATE_LABEL_SIZE];
    date_label(p->tmt, tmt);
    date_label(a->today, today);
    return refuse(v, WF_BEFORE_TMT,
                  _("plan %u takes effect on its TMT, %s; today is %s"), (unsigned)p->id,
                  tmt, today);
}

const struct wf_step *wf_check(const struct workflow_config *w, const struct wf_plan *p,
                               const struct wf_actor *a, const char *step,
                               const char *reason, struct wf_verdict *v)
{
    const struct wf_step *s = wf_step_find(w, step);
    if (!s) {
        char names[WF_MAX_STEPS * WF_NAME_SIZE];
        step_names(w, names, sizeof names);
        return refuse(v, WF_UNKNOWN_STEP, _("the route has no step \"%s\" (its steps: %s)"),
                      step ? step : "", names);
    }
    if (!check_open(w, p, a, s, v) || !check_tmt(w, p, a, s, v))
        return NULL;
    if (s->needs_reason && !wf_reason_given(reason))
        return refuse(v, WF_NO_REASON, _("the step %s on plan %u needs a written reason"),
                      s->name, (unsigned)p->id);
    if (v) {
        v->why = WF_OK;
        v->msg[0] = '\0';
    }
    return s;
}

int wf_open_steps(const struct workflow_config *w, const struct wf_plan *p,
                  const struct wf_actor *a, const struct wf_step *out[WF_MAX_STEPS])
{
    int n = 0;
    for (int i = 0; i < w->nsteps; i++)
        if (check_open(w, p, a, &w->steps[i], NULL))
            out[n++] = &w->steps[i];
    return n;
}

int wf_waiting_steps(const struct workflow_config *w, const struct wf_plan *p,
                     const struct wf_actor *a, const struct wf_step *out[WF_MAX_STEPS])
{
    if (wf_state_editable(w, p->state) && (!p->author || strcmp(p->author, a->user) != 0))
        return 0;
    const struct wf_step *open[WF_MAX_STEPS];
    int k = wf_open_steps(w, p, a, open), n = 0;
    for (int i = 0; i < k; i++)
        if (wf_step_moves_on(w, open[i]))
            out[n++] = open[i];
    return n;
}

int wf_check_edit(const struct workflow_config *w, const struct wf_plan *p,
                  struct wf_verdict *v)
{
    if (wf_state_editable(w, p->state))
        return 0;
    refuse(v, WF_NOT_EDITABLE, _("plan %u is %s; only a %s plan can be edited"),
           (unsigned)p->id, p->state, wf_initial_state(w));
    return -1;
}

/* The strike steps taken from the plan's state, "verify, review". */
static int strike_steps(const struct workflow_config *w, const char *state,
                        const struct wf_step *out[WF_MAX_STEPS], bool anywhere)
{
    int n = 0;
    for (int i = 0; i < w->nsteps; i++)
        if (w->steps[i].strikes_moves && (anywhere || step_leaves(&w->steps[i], state)))
            out[n++] = &w->steps[i];
    return n;
}

static int refuse_strike_state(const struct workflow_config *w, const struct wf_plan *p,
                               struct wf_verdict *v)
{
    const struct wf_step *all[WF_MAX_STEPS];
    const char *names[WF_MAX_STEPS] = {NULL};
    int n = strike_steps(w, p->state, all, true);
    for (int i = 0; i < n; i++)
        names[i] = all[i]->name;
    char list[WF_MAX_STEPS * WF_NAME_SIZE];
    join(list, sizeof list, names, n);
    if (n)
        refuse(v, WF_WRONG_STATE,
               _("plan %u is %s; a move is struck only while the plan waits for the step %s"),
               (unsigned)p->id, p->state, list);
    else
        refuse(v, WF_WRONG_STATE, _("the route lets no step strike single moves"));
    return -1;
}

int wf_check_strike(const struct workflow_config *w, const struct wf_plan *p,
                    const struct wf_actor *a, const char *reason, struct wf_verdict *v)
{
    const struct wf_step *here[WF_MAX_STEPS];
    int n = strike_steps(w, p->state, here, false);
    if (n == 0)
        return refuse_strike_state(w, p, v);
    int open = -1;
    for (int i = 0; i < n && open < 0; i++)
        if (check_open(w, p, a, here[i], NULL))
            open = i;
    if (open < 0) {
        /* the sentence of the first step that would have allowed it */
        struct wf_verdict step;
        check_open(w, p, a, here[0], &step);
        refuse(v, step.why, _("only whoever may take the step %s may strike a move now: %s"),
               here[0]->name, step.msg);
        return -1;
    }
    if (wf_reason_given(reason))
        return 0;
    refuse(v, WF_NO_REASON, _("striking a move from plan %u needs a written reason"),
           (unsigned)p->id);
    return -1;
}
