/* workflow.yaml: the approval route. States, steps (from which states, to
 * which, who may take them, whether a reason is needed, what else they do)
 * and the pairs of steps one person may not both take. Every key is
 * required but a step's flags (checks_plan, strikes_moves, issues_sk,
 * takes_effect), which are false when absent; exactly one step issues the
 * SK and exactly one takes effect. */
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "config/ytree.h"
#include "core/i18n.h"

bool cfg_roles(const struct yctx *c, const struct ynode *n, const char *what,
               unsigned *out)
{
    if (!y_is_seq(c, n, what))
        return false;
    bool ok = true;
    unsigned set = 0;
    for (const struct ynode *r = n->child; r; r = r->next) {
        unsigned bit = r->kind == Y_SCALAR ? role_parse(r->text) : 0;
        if (bit) {
            set |= bit;
            continue;
        }
        ok = false;
        int ignored;
        if (r->kind != Y_SCALAR) {
            y_choice(c, r, what, role_names(), &ignored);
            continue;
        }
        const char *s = y_suggest(r->text, role_names());
        char list[128];
        if (s)
            y_error(c, r, _("%s: unknown role \"%s\"; did you mean \"%s\"?"), what, r->text, s);
        else
            y_error(c, r, _("%s: unknown role \"%s\" (roles are %s)"), what, r->text,
                    y_join(role_names(), list, sizeof list));
    }
    if (ok)
        *out = set;
    return ok;
}

static int state_index(const struct workflow_config *w, const char *name)
{
    for (int i = 0; i < w->nstates; i++)
        if (strcmp(w->states[i], name) == 0)
            return i;
    return -1;
}

/* A state name that must be one of states:, with a suggestion if not. */
static bool known_state(const struct yctx *c, const struct ynode *n, const char *what,
                        const struct workflow_config *w, char out[WF_NAME_SIZE])
{
    if (!y_string(c, n, what, out, WF_NAME_SIZE))
        return false;
    if (state_index(w, out) >= 0)
        return true;
    const char *names[WF_MAX_STATES + 1];
    for (int i = 0; i < w->nstates; i++)
        names[i] = w->states[i];
    names[w->nstates] = NULL;
    const char *s = y_suggest(out, names);
    if (s)
        y_error(c, n, _("%s: unknown state \"%s\"; did you mean \"%s\"?"), what, out, s);
    else
        y_error(c, n, _("%s: unknown state \"%s\" (not in states)"), what, out);
    return false;
}

static void read_states(const struct yctx *c, const struct ynode *n,
                        struct workflow_config *w)
{
    if (!y_is_seq(c, n, "states"))
        return;
    for (const struct ynode *s = n->child; s; s = s->next) {
        if (w->nstates == WF_MAX_STATES) {
            y_error(c, s, _("states: at most %d states"), WF_MAX_STATES);
            return;
        }
        char name[WF_NAME_SIZE];
        if (!y_string(c, s, "states", name, sizeof name))
            continue;
        if (state_index(w, name) >= 0) {
            y_error(c, s, _("states: \"%s\" is listed twice"), name);
            continue;
        }
        memcpy(w->states[w->nstates++], name, sizeof name);
    }
    if (w->nstates == 0)
        y_error(c, n, _("states must list at least one state"));
}

/* The required keys of a step come first. */
static const char *const step_keys[] = {"from", "to", "roles", "needs_reason",
                                        "checks_plan", "strikes_moves", "issues_sk",
                                        "takes_effect", NULL};
#define STEP_REQUIRED 4

/* An optional flag of a step: false when absent. */
static void read_flag(const struct yctx *c, const struct ynode *step, const char *path,
                      const char *key, bool *out)
{
    char what[128];
    const struct ynode *n = y_get(step, key);
    if (n)
        y_bool(c, n, y_path(what, sizeof what, path, key), out);
}

static void read_step(const struct yctx *c, const struct ynode *n,
                      struct workflow_config *w)
{
    char path[96], what[128];
    snprintf(path, sizeof path, "steps.%s", n->key);
    struct wf_step st;
    memset(&st, 0, sizeof st);
    if (strlen(n->key) >= WF_NAME_SIZE) {
        y_key_error(c, n, _("%s: a step name has at most %d bytes"), path, WF_NAME_SIZE - 1);
        return;
    }
    memcpy(st.name, n->key, strlen(n->key) + 1);
    if (!y_is_map(c, n, path))
        return;
    int before = c->errs->n;
    y_check_keys(c, n, path, step_keys);
    for (int k = 0; k < STEP_REQUIRED; k++)
        if (!y_get(n, step_keys[k]))
            y_error(c, n, _("%s is missing"), y_path(what, sizeof what, path, step_keys[k]));

    const struct ynode *from = y_get(n, "from");
    y_path(what, sizeof what, path, "from");
    if (from && y_is_seq(c, from, what)) {
        for (const struct ynode *s = from->child; s; s = s->next) {
            if (st.nfrom == WF_MAX_STATES) {
                y_error(c, s, _("%s: at most %d states"), what, WF_MAX_STATES);
                break;
            }
            if (known_state(c, s, what, w, st.from[st.nfrom]))
                st.nfrom++;
        }
        if (from->n == 0)
            y_error(c, from, _("%s must list at least one state"), what);
    }
    const struct ynode *to = y_get(n, "to");
    if (to)
        known_state(c, to, y_path(what, sizeof what, path, "to"), w, st.to);
    const struct ynode *roles = y_get(n, "roles");
    if (roles && cfg_roles(c, roles, y_path(what, sizeof what, path, "roles"), &st.roles) &&
        st.roles == 0)
        y_error(c, roles, _("%s must name at least one role"), what);
    const struct ynode *reason = y_get(n, "needs_reason");
    if (reason)
        y_bool(c, reason, y_path(what, sizeof what, path, "needs_reason"), &st.needs_reason);
    read_flag(c, n, path, "checks_plan", &st.checks_plan);
    read_flag(c, n, path, "strikes_moves", &st.strikes_moves);
    read_flag(c, n, path, "issues_sk", &st.issues_sk);
    read_flag(c, n, path, "takes_effect", &st.takes_effect);
    if (st.issues_sk && st.takes_effect)
        y_error(c, y_get(n, "takes_effect"),
                _("%s: one step cannot both issue the SK and take effect on its TMT"), path);
    if (c->errs->n == before)
        w->steps[w->nsteps++] = st;
}

/* Exactly one step has the flag key set true: none is reported at steps,
 * a second one at its flag. Steps with errors of their own count too (by
 * their text), and a flag that is no boolean (reported already) may be
 * the one: one mistake is not reported twice. */
static void one_step_with(const struct yctx *c, const struct ynode *steps, const char *key,
                          const char *does)
{
    const char *first = NULL;
    bool unsure = false;                /* a value that is not a boolean */
    for (const struct ynode *s = steps->child; s; s = s->next) {
        const struct ynode *f = s->kind == Y_MAP ? y_get(s, key) : NULL;
        if (f && (f->kind != Y_SCALAR || strcmp(f->text, "false") != 0))
            unsure = true;
        if (!f || f->kind != Y_SCALAR || strcmp(f->text, "true") != 0)
            continue;
        if (first)
            y_error(c, f, _("steps.%s.%s: only one step %s, and %s does already"), s->key,
                    key, does, first);
        else
            first = s->key;
    }
    if (!first && !unsure && steps->n > 0)
        y_key_error(c, steps, _("steps: one step must have %s: true (the step that %s)"),
                    key, does);
}

/* One side of a separation-of-duties pair: a step named under steps:
 * (valid or not: its own errors are reported there), or the author. */
static bool known_step(const struct yctx *c, const struct ynode *n,
                       const struct ynode *steps, char out[WF_NAME_SIZE])
{
    const char *what = "separation_of_duties";
    if (!y_string(c, n, what, out, WF_NAME_SIZE))
        return false;
    if (strcmp(out, WF_AUTHOR) == 0 || y_get(steps, out))
        return true;
    const char *names[WF_MAX_STEPS + 2];
    int k = 0;
    for (const struct ynode *s = steps && steps->kind == Y_MAP ? steps->child : NULL;
         s && k < WF_MAX_STEPS; s = s->next)
        names[k++] = s->key;
    names[k++] = WF_AUTHOR;
    names[k] = NULL;
    const char *s = y_suggest(out, names);
    if (s)
        y_error(c, n, _("%s: unknown step \"%s\"; did you mean \"%s\"?"), what, out, s);
    else
        y_error(c, n, _("%s: unknown step \"%s\" (not in steps, nor \"%s\")"), what, out,
                WF_AUTHOR);
    return false;
}

static void read_sod(const struct yctx *c, const struct ynode *n, const struct ynode *steps,
                     struct workflow_config *w)
{
    const char *what = "separation_of_duties";
    if (!y_is_seq(c, n, what))
        return;
    for (const struct ynode *p = n->child; p; p = p->next) {
        if (w->nsod == WF_MAX_SOD) {
            y_error(c, p, _("%s: at most %d pairs"), what, WF_MAX_SOD);
            return;
        }
        if (p->kind != Y_SEQ || p->n != 2) {
            char got[160];
            y_error(c, p, _("%s: each item must be a pair of steps [a, b], got %s"), what,
                    p->kind == Y_SEQ ? _("a list of another length") : y_got(p, got, sizeof got));
            continue;
        }
        bool a = known_step(c, p->child, steps, w->sod[w->nsod].a);
        bool b = known_step(c, p->child->next, steps, w->sod[w->nsod].b);
        if (a && b)
            w->nsod++;
    }
}

static const char *const top_keys[] = {"states", "steps", "separation_of_duties", NULL};

int config_parse_workflow(const char *name, const unsigned char *buf, size_t len,
                          struct workflow_config *out, struct config_errors *errs)
{
    struct yctx c = {.file = name, .errs = errs};
    int before = errs->n;
    struct workflow_config *w = calloc(1, sizeof *w);
    if (!w) {
        cfg_error(errs, name, 0, 0, _("out of memory"));
        return -1;
    }
    struct ynode *root = ytree_parse(&c, buf, len);
    if (root && y_is_map(&c, root, _("the workflow"))) {
        y_check_keys(&c, root, "", top_keys);
        for (const char *const *k = top_keys; *k; k++)
            if (!y_get(root, *k))
                y_error(&c, root, _("%s is missing"), *k);
        const struct ynode *n;
        if ((n = y_get(root, "states")))
            read_states(&c, n, w);
        if ((n = y_get(root, "steps")) && y_is_map(&c, n, "steps")) {
            for (const struct ynode *s = n->child; s; s = s->next) {
                if (w->nsteps == WF_MAX_STEPS) {
                    y_key_error(&c, s, _("steps: at most %d steps"), WF_MAX_STEPS);
                    break;
                }
                read_step(&c, s, w);
            }
            if (n->n == 0)
                y_error(&c, n, _("steps must list at least one step"));
            one_step_with(&c, n, "issues_sk", _("issues the SK"));
            one_step_with(&c, n, "takes_effect", _("takes effect on the TMT"));
        }
        if ((n = y_get(root, "separation_of_duties")))
            read_sod(&c, n, y_get(root, "steps"), w);
    } else if (!root && errs->n == before) {
        cfg_error(errs, name, 0, 0, _("empty; expected states and steps"));
    }
    ytree_free(root);
    cfg_sort_errors(errs, before);
    int rc = -1;
    if (errs->n == before) {
        *out = *w;
        rc = 0;
    }
    free(w);
    return rc;
}

/* The default route of DESIGN.md, the same as config/workflow.yaml (a
 * unit test holds them together). */
static const char default_workflow[] =
    "states: [DRAFT, SUBMITTED, VERIFIED, REVIEWED, APPROVED, SK_ISSUED,\n"
    "         EFFECTIVE, REJECTED, CANCELLED]\n"
    "steps:\n"
    "  submit:   {from: [DRAFT], to: SUBMITTED, roles: [operator], needs_reason: false,\n"
    "             checks_plan: true}\n"
    "  verify:   {from: [SUBMITTED], to: VERIFIED, roles: [verifier], needs_reason: false,\n"
    "             strikes_moves: true}\n"
    "  review:   {from: [VERIFIED], to: REVIEWED, roles: [reviewer], needs_reason: false,\n"
    "             strikes_moves: true}\n"
    "  approve:  {from: [REVIEWED], to: APPROVED, roles: [approver], needs_reason: false}\n"
    "  issue_sk: {from: [APPROVED], to: SK_ISSUED, roles: [admin], needs_reason: false,\n"
    "             issues_sk: true}\n"
    "  apply:    {from: [SK_ISSUED], to: EFFECTIVE, roles: [admin], needs_reason: false,\n"
    "             takes_effect: true}\n"
    "  return:   {from: [SUBMITTED, VERIFIED, REVIEWED], to: DRAFT,\n"
    "             roles: [verifier, reviewer, approver], needs_reason: true}\n"
    "  reject:   {from: [SUBMITTED, VERIFIED, REVIEWED], to: REJECTED,\n"
    "             roles: [verifier, reviewer, approver], needs_reason: true}\n"
    "  cancel:   {from: [DRAFT, SUBMITTED], to: CANCELLED, roles: [operator, admin],\n"
    "             needs_reason: false}\n"
    "separation_of_duties:\n"
    "  - [draft, verify]\n"
    "  - [draft, review]\n"
    "  - [draft, approve]\n"
    "  - [submit, verify]\n"
    "  - [submit, review]\n"
    "  - [submit, approve]\n";

void config_workflow_defaults(struct workflow_config *out)
{
    struct config_errors errs = {0};
    if (config_parse_workflow("built-in workflow", (const unsigned char *)default_workflow,
                              sizeof default_workflow - 1, out, &errs) != 0)
        abort();                        /* a bug in the text above; tests catch it */
}
