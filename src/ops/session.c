/* Opening a session: the configuration, the acting user and the database. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "core/vocab.h"
#include "ops/access.h"
#include "ops/ops.h"

int ops_fail(struct ops_err *e, const char *fmt, ...)
{
    if (!e)
        return OPS_REFUSED;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return OPS_REFUSED;
}

/* Every configuration error, one a line, then what it means. */
static int config_failure(struct ops_err *e, const struct config_errors *errs)
{
    ops_config_errors(e, errs);
    size_t used = strlen(e->msg);
    snprintf(e->msg + used, sizeof e->msg - used, "%s",
             _("the configuration has errors; nothing was done"));
    return OPS_REFUSED;
}

/* The fixed configuration of a set-group-id run is read with the group
 * (it may be readable by the group only); nothing the user names is. */
static int load_config(const struct ops_env *env, struct config *cfg,
                       struct config_errors *errs)
{
    ops_priv_raise(env);
    int rc = config_load(env->config_dir, cfg, errs);
    ops_priv_lower(env);
    return rc;
}

static int open_db(struct ops *o, int mode, struct ops_err *e)
{
    if (mode == OPS_NO_DB)
        return OPS_OK;
    /* Creating a database is init's and demo's, both the admin's. */
    if (mode == OPS_CREATE && ops_require(o, OPS_DO_INIT, NULL, e) != OPS_OK)
        return OPS_REFUSED;
    int flags = mode == OPS_READ ? STORE_READONLY : mode == OPS_CREATE ? STORE_CREATE : 0;
    ops_priv_raise(o->env);
    o->db = store_open(o->env->db_dir, flags, e->msg, sizeof e->msg);
    ops_priv_lower(o->env);
    return o->db ? OPS_OK : OPS_REFUSED;
}

int ops_open(struct ops *o, const struct ops_env *env, int mode, struct ops_err *e)
{
    memset(o, 0, sizeof *o);
    o->env = env;
    o->today = env->today;
    mode &= ~OPS_NO_CONFIG;   /* the roles are always read */
    o->cfg = calloc(1, sizeof *o->cfg);
    struct config_errors *errs = calloc(1, sizeof *errs);
    int rc = OPS_OK;
    if (!o->cfg || !errs)
        rc = ops_fail(e, "%s", _("out of memory"));
    else if (load_config(env, o->cfg, errs) != 0) {
        rc = config_failure(e, errs);
        free(o->cfg);
        o->cfg = NULL;
    }
    free(errs);
    if (rc == OPS_OK) {
        /* Set-group-id, the identity is the real user's, whatever the
         * configuration trusts (ops_env_resolve). */
        snprintf(o->user, sizeof o->user, "%s",
                 env->privileged ? env->user : config_effective_user(&o->cfg->users, env->user));
        o->roles = config_roles_of(&o->cfg->users, o->user);
        /* Nothing for a user without a role but --help, --version and
         * `policy check` (which need no session). */
        rc = o->roles ? open_db(o, mode, e) : ops_require(o, OPS_DO_TUI, NULL, e);
    }
    if (rc != OPS_OK)
        ops_close(o);
    return rc;
}

void ops_close(struct ops *o)
{
    if (o->db)
        store_close(o->db);
    if (o->cfg) {
        config_free(o->cfg);
        free(o->cfg);
    }
    o->db = NULL;
    o->cfg = NULL;
}

int ops_need_write(struct ops *o, struct ops_err *e)
{
    if (!o->db)
        return ops_fail(e, "%s", _("no database is open"));
    ops_priv_raise(o->env);
    int r = store_make_writable(o->db);
    ops_priv_lower(o->env);
    if (r != STORE_OK)
        return ops_fail(e, "%s", store_errmsg(o->db));
    return OPS_OK;
}

const struct policy *ops_policy(const struct ops *o)
{
    return &o->cfg->policy;
}

stxn *ops_read_begin(struct ops *o, struct ops_err *e)
{
    if (!o->db) {
        ops_fail(e, "%s", _("no database is open"));
        return NULL;
    }
    stxn *t = store_read_begin(o->db);
    if (!t)
        ops_fail(e, "%s", store_errmsg(o->db));
    return t;
}

int ops_open_db(struct ops *o, int mode, struct ops_err *e)
{
    if (o->db)
        return OPS_OK;
    return open_db(o, mode, e);
}

void ops_audit_user(const struct ops *o, char out[OPS_AUDIT_USER_SIZE])
{
    const char *unix_user = o->env && o->env->user ? o->env->user : "";
    if (strcmp(unix_user, o->user) == 0 || unix_user[0] == '\0')
        snprintf(out, OPS_AUDIT_USER_SIZE, "%.31s", o->user);
    else
        snprintf(out, OPS_AUDIT_USER_SIZE, "%.15s>%.15s", unix_user, o->user);
}

void ops_when_label(int64_t when, enum ops_when_style style, char out[OPS_WHEN_SIZE])
{
    time_t tt = (time_t)when;
    struct tm tm;
    if (!when || !localtime_r(&tt, &tm))
        snprintf(out, OPS_WHEN_SIZE, "-");
    else
        moment_label(&tm, style == OPS_WHEN_SHORT ? MOMENT_SHORT : 0, out);
}
