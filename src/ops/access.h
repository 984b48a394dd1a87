/* Who may do what: the one table of which roles may run which verb, take
 * which action and open which screen. The verbs (cli/) and the screens
 * (ui/) ask it to show only what a user may do; the actions of ops/ ask it
 * again before they read or write, so that neither can step around it.
 *
 * Who holds which role is users.yaml (config/); which roles take which
 * step of a plan's route is workflow.yaml (core/workflow.h): the table
 * names those sources where the roles are not fixed here.
 *
 *   what                      who
 *   init, demo, import,       admin
 *   backup, verify
 *   export staff, export      admin, and the roles of users.yaml's
 *   plan (the annex), export  `export:` key (personal data)
 *   training, audit
 *   plan new/add/drop/suggest operator
 *   plan steps (submit ...)   the roles workflow.yaml gives the step
 *   plan strike               the roles of the steps that strike moves
 *   plan object               operator, admin (records what the staff said)
 *   plan answer               reviewer
 *   everything else (staff,   any role
 *   workload, check, plan
 *   list/show/check, inbox,
 *   followup, export
 *   units/positions/workload,
 *   audit --verify, the TUI)
 *   policy check              anybody, also a user without a role
 * A user without any role is refused everything but --help, --version and
 * `policy check` (ops_open refuses the session).
 *
 * Usage (an action of ops/):
 *     if (ops_require(o, OPS_DO_IMPORT, NULL, e) != OPS_OK) return OPS_REFUSED;
 * A screen or a key:
 *     if (!ops_may_screen(&o, "audit")) ...leave the tab out... */
#ifndef MUTASI_OPS_ACCESS_H
#define MUTASI_OPS_ACCESS_H
#include <stdbool.h>
#include "config/config.h"

enum ops_do {
    OPS_DO_INIT,              /* create a database */
    OPS_DO_DEMO,              /* fill one with the demo region */
    OPS_DO_IMPORT,            /* load units, positions, staff */
    OPS_DO_BACKUP,            /* hot copy of the database */
    OPS_DO_EXPORT_RECORDS,    /* export units, positions, workload: no personal data */
    OPS_DO_EXPORT_PERSONAL,   /* export staff, a plan's annex */
    OPS_DO_AUDIT,             /* read the audit log (who did what to whom) */
    OPS_DO_AUDIT_VERIFY,      /* verify its chain (shows no entry) */
    OPS_DO_READ,              /* staff, workload, check, plans: browse */
    OPS_DO_PLAN_EDIT,         /* plan new, add, drop, suggest */
    OPS_DO_PLAN_STEP,         /* a step of the route (detail: the step name) */
    OPS_DO_PLAN_STRIKE,       /* strike one move in review */
    OPS_DO_POLICY_CHECK,      /* validate the configuration */
    OPS_DO_TUI,               /* open the screens at all */
    OPS_DO_VERIFY_DB,         /* walk every database for damage (mutasi verify) */
    OPS_DO_PLAN_OBJECT,       /* record a staff objection to a move (plan object) */
    OPS_DO_PLAN_ANSWER,       /* answer it (plan answer) */
    OPS_DO_COUNT_
};

/* Where a row's roles come from. */
enum ops_grant {
    OPS_GRANT_NOBODY_NEEDED,  /* no role needed (policy check) */
    OPS_GRANT_ANY,            /* any role */
    OPS_GRANT_FIXED,          /* the roles of the row */
    OPS_GRANT_EXPORT,         /* admin and users.yaml `export:` */
    OPS_GRANT_WORKFLOW,       /* the roles of the step in workflow.yaml */
    OPS_GRANT_STRIKE,         /* the roles of the steps that strike moves */
};

struct ops_access_row {
    enum ops_do what;
    const char *name;         /* "import": the verb or action, for tests and docs */
    const char *does;         /* N_() "import data", for "ani may not import data" */
    int grant;                /* enum ops_grant */
    unsigned roles;           /* OPS_GRANT_FIXED: enum role bits */
};
/* The table, in enum order (ops_access_table()[i].what == i). */
const struct ops_access_row *ops_access_table(void);

/* The roles that may do what (for OPS_GRANT_WORKFLOW, of step; a step the
 * route does not know: 0). ROLE_ALL for ANY and NOBODY_NEEDED. Pure: the
 * session's configuration is passed in (cfg NULL: no export grant, no
 * route). */
unsigned ops_access_roles(const struct config *cfg, enum ops_do what, const char *step);
/* Whether a user with roles may do what. A user without any role may do
 * only what needs nobody. */
bool ops_access_allows(const struct config *cfg, unsigned roles, enum ops_do what,
                       const char *step);

struct ops;
struct ops_err;
/* ops_access_allows for the session's user. */
bool ops_may(const struct ops *o, enum ops_do what, const char *step);
/* OPS_OK, or OPS_REFUSED with a sentence naming the user, what they may
 * not do, the roles it needs and the users.yaml that gives roles. A step
 * the route does not know is let through (the route refuses it with its
 * own sentence). */
int ops_require(const struct ops *o, enum ops_do what, const char *step, struct ops_err *e);
/* Whether the session's user may open the top screen of that name
 * ("staff", "units", "plans", "inbox", "audit", "help", "followup");
 * unknown names: no. */
bool ops_may_screen(const struct ops *o, const char *screen);
/* Whether the session's user may run the TUI action of that name. The
 * names say what an action does: "screen-NAME" opens a top screen
 * (ops_may_screen); "plan-new", "plan-add", "plan-drop", "plan-suggest",
 * "move-add", "move-drop" (the plan editor's keys) change a plan;
 * "plan-strike" strikes a move; "plan-object" and "plan-answer" record an
 * objection and its answer; "plan-STEP" for a step of
 * workflow.yaml ("plan-verify", "plan-issue-sk", "plan-apply") takes it;
 * "export-staff", "export-plan" and "audit-*" show personal data;
 * "import-*", "backup" are the admin's. Every other name (moving,
 * searching, views) is open to any role. */
bool ops_may_action(const struct ops *o, const char *action);
/* The users.yaml that gives roles in this session, for messages. */
void ops_users_file(const struct ops *o, char *out, size_t size);
#endif
