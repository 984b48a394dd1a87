/* The database as a whole: init and backup, each with its audit entry. */
#include <stdio.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/ops.h"

struct audit_note {
    const struct ops *o;
    const char *action, *object, *before, *after;
};

static int append_note(stxn *t, void *ctx)
{
    const struct audit_note *n = ctx;
    return store_audit_append(t, n->o->user, n->action, n->object, n->before, n->after);
}

int ops_audit_note(struct ops *o, const char *action, const char *object, const char *before,
                   const char *after, struct ops_err *e)
{
    struct audit_note n = {o, action, object, before, after};
    if (store_write(o->db, append_note, &n) != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    return OPS_OK;
}

int ops_init(struct ops *o, bool *created, struct ops_err *e)
{
    *created = false;
    if (ops_require(o, OPS_DO_INIT, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    *created = store_was_created(o->db);
    if (!*created)
        return OPS_OK;
    char after[32];
    snprintf(after, sizeof after, "schema %d", STORE_SCHEMA_VERSION);
    return ops_audit_note(o, "init", o->env->db_dir, "", after, e);
}

int ops_backup(struct ops *o, const char *dest, struct ops_err *e)
{
    if (ops_require(o, OPS_DO_BACKUP, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    if (store_backup(o->db, dest) != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    /* A copy of personal data left the live database: record who took it. */
    return ops_audit_note(o, "backup", dest, "", "", e);
}
