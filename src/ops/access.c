/* The access table (contract in access.h). */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/ops.h"

#define ADMIN ROLE_ADMIN
#define OPERATOR ROLE_OPERATOR

static const struct ops_access_row table[OPS_DO_COUNT_] = {
    {OPS_DO_INIT, "init", N_("create a database"), OPS_GRANT_FIXED, ADMIN},
    {OPS_DO_DEMO, "demo", N_("fill a database with the demo region"), OPS_GRANT_FIXED, ADMIN},
    {OPS_DO_IMPORT, "import", N_("import data"), OPS_GRANT_FIXED, ADMIN},
    {OPS_DO_BACKUP, "backup", N_("back up the database"), OPS_GRANT_FIXED, ADMIN},
    {OPS_DO_EXPORT_RECORDS, "export units|positions|workload", N_("export records"),
     OPS_GRANT_ANY, 0},
    {OPS_DO_EXPORT_PERSONAL, "export staff|plan", N_("export personal data"),
     OPS_GRANT_EXPORT, 0},
    {OPS_DO_AUDIT, "audit", N_("read the audit log"), OPS_GRANT_EXPORT, 0},
    {OPS_DO_AUDIT_VERIFY, "audit --verify", N_("verify the audit log"), OPS_GRANT_ANY, 0},
    {OPS_DO_READ, "staff|workload|check|plan list|show|check", N_("read the records"),
     OPS_GRANT_ANY, 0},
    {OPS_DO_PLAN_EDIT, "plan new|add|drop|suggest", N_("change plans"), OPS_GRANT_FIXED,
     OPERATOR},
    {OPS_DO_PLAN_STEP, "plan STEP", N_("take this step"), OPS_GRANT_WORKFLOW, 0},
    {OPS_DO_PLAN_STRIKE, "plan strike", N_("strike moves"), OPS_GRANT_STRIKE, 0},
    {OPS_DO_POLICY_CHECK, "policy check", N_("check the configuration"),
     OPS_GRANT_NOBODY_NEEDED, 0},
    {OPS_DO_TUI, "(the screens)", N_("open the screens"), OPS_GRANT_ANY, 0},
    {OPS_DO_VERIFY_DB, "verify", N_("verify the database"), OPS_GRANT_FIXED, ADMIN},
    {OPS_DO_PLAN_OBJECT, "plan object", N_("record an objection to a move"), OPS_GRANT_FIXED,
     OPERATOR | ADMIN},
    {OPS_DO_PLAN_ANSWER, "plan answer", N_("answer an objection"), OPS_GRANT_FIXED,
     ROLE_REVIEWER},
};

/* The top screens: which action opening each one is. */
static const struct { const char *screen; enum ops_do what; } screens[] = {
    {"staff", OPS_DO_READ},   {"units", OPS_DO_READ}, {"plans", OPS_DO_READ},
    {"inbox", OPS_DO_READ},   {"audit", OPS_DO_AUDIT}, {"help", OPS_DO_TUI},
    {"followup", OPS_DO_READ},
};

const struct ops_access_row *ops_access_table(void)
{
    return table;
}

static unsigned strike_roles(const struct workflow_config *w)
{
    unsigned roles = 0;
    for (int i = 0; i < w->nsteps; i++)
        if (w->steps[i].strikes_moves)
            roles |= w->steps[i].roles;
    return roles;
}

unsigned ops_access_roles(const struct config *cfg, enum ops_do what, const char *step)
{
    if ((unsigned)what >= OPS_DO_COUNT_)
        return 0;
    const struct ops_access_row *r = &table[what];
    switch (r->grant) {
    case OPS_GRANT_FIXED:
        return r->roles;
    case OPS_GRANT_EXPORT:
        return ROLE_ADMIN | (cfg ? cfg->users.export_roles : 0);
    case OPS_GRANT_WORKFLOW: {
        const struct wf_step *s = cfg && step ? wf_step_find(&cfg->workflow, step) : NULL;
        return s ? s->roles : 0;
    }
    case OPS_GRANT_STRIKE:
        return cfg ? strike_roles(&cfg->workflow) : 0;
    default:
        return ROLE_ALL;
    }
}

bool ops_access_allows(const struct config *cfg, unsigned roles, enum ops_do what,
                       const char *step)
{
    if ((unsigned)what >= OPS_DO_COUNT_)
        return false;
    if (table[what].grant == OPS_GRANT_NOBODY_NEEDED)
        return true;
    return (roles & ops_access_roles(cfg, what, step)) != 0;
}

bool ops_may(const struct ops *o, enum ops_do what, const char *step)
{
    return ops_access_allows(o->cfg, o->roles, what, step);
}

void ops_users_file(const struct ops *o, char *out, size_t size)
{
    const char *dir = o->env && o->env->config_dir ? o->env->config_dir : SYSCONFDIR;
    snprintf(out, size, "%s/users.yaml", dir);
}

int ops_require(const struct ops *o, enum ops_do what, const char *step, struct ops_err *e)
{
    if (ops_may(o, what, step))
        return OPS_OK;
    if (what == OPS_DO_PLAN_STEP && o->cfg && step && !wf_step_find(&o->cfg->workflow, step))
        return OPS_OK;
    char file[300], roles[80];
    ops_users_file(o, file, sizeof file);
    if (!o->roles)
        return ops_fail(e, _("%s has no role in mutasi; roles are given in %s"), o->user, file);
    unsigned need = ops_access_roles(o->cfg, what, step);
    roles_format(need, roles, sizeof roles);
    char does[128];
    if (what == OPS_DO_PLAN_STEP)
        snprintf(does, sizeof does, _("take the step %s"), step);
    else
        snprintf(does, sizeof does, "%s", _(table[what].does));
    if (!need)
        return ops_fail(e, _("%s may not %s: no role may; see %s"), o->user, does, file);
    if (!(need & (need - 1)))
        return ops_fail(e, _("%s may not %s: that needs the role %s; roles are given in %s"),
                        o->user, does, roles, file);
    return ops_fail(e, _("%s may not %s: that needs one of the roles %s; roles are given "
                         "in %s"), o->user, does, roles, file);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The step a "plan-STEP" action names; the SK and the taking effect also
 * by their verbs' names. */
static const char *action_step(const struct config *cfg, const char *step)
{
    const struct wf_step *s = NULL;
    if (!cfg)
        return step;
    if (!strcmp(step, "issue-sk"))
        s = wf_step_issuing_sk(&cfg->workflow);
    else if (!strcmp(step, "apply"))
        s = wf_step_taking_effect(&cfg->workflow);
    return s ? s->name : step;
}

bool ops_may_action(const struct ops *o, const char *action)
{
    static const struct { const char *name; enum ops_do what; } fixed[] = {
        {"plan-new", OPS_DO_PLAN_EDIT},      {"plan-add", OPS_DO_PLAN_EDIT},
        {"plan-drop", OPS_DO_PLAN_EDIT},     {"plan-suggest", OPS_DO_PLAN_EDIT},
        {"move-add", OPS_DO_PLAN_EDIT},      {"move-drop", OPS_DO_PLAN_EDIT},
        {"plan-strike", OPS_DO_PLAN_STRIKE}, {"export-staff", OPS_DO_EXPORT_PERSONAL},
        {"export-plan", OPS_DO_EXPORT_PERSONAL}, {"backup", OPS_DO_BACKUP},
        {"plan-object", OPS_DO_PLAN_OBJECT},  {"plan-answer", OPS_DO_PLAN_ANSWER},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (!strcmp(action, fixed[i].name))
            return ops_may(o, fixed[i].what, NULL);
    if (starts(action, "screen-"))
        return ops_may_screen(o, action + 7);
    if (starts(action, "import"))
        return ops_may(o, OPS_DO_IMPORT, NULL);
    if (starts(action, "audit"))
        return ops_may(o, OPS_DO_AUDIT, NULL);
    if (starts(action, "plan-")) {
        const char *step = action_step(o->cfg, action + 5);
        if (o->cfg && wf_step_find(&o->cfg->workflow, step))
            return ops_may(o, OPS_DO_PLAN_STEP, step);
    }
    return ops_may(o, OPS_DO_TUI, NULL);
}

bool ops_may_screen(const struct ops *o, const char *screen)
{
    for (size_t i = 0; i < sizeof screens / sizeof *screens; i++)
        if (strcmp(screens[i].screen, screen) == 0)
            return ops_may(o, screens[i].what, NULL);
    return false;
}
