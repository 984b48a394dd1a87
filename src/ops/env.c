/* Where data and identity come from: the database and configuration
 * directories, today's date and the acting Unix user, decided here once
 * for the verbs and the screens alike. */
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "config/config.h"
#include "core/i18n.h"
#include "ops/ops.h"

/* Where an installed mutasi keeps its database (Makefile: LOCALSTATEDIR). */
#ifndef MUTASI_DBDIR
#define MUTASI_DBDIR "/var/lib/mutasi"
#endif

/* The real uid's name: who logged in, not whose rights the program has.
 * $USER only where the password database has no name for the uid, and
 * never set-group-id. */
static void take_unix_user(struct ops_env *env)
{
    struct passwd *pw = getpwuid(getuid());
    const char *u = pw && pw->pw_name ? pw->pw_name : NULL;
    if (!u && !env->privileged)
        u = getenv("USER");
    if (!u || !*u) {
        snprintf(env->user_buf, sizeof env->user_buf, "uid %u", (unsigned)getuid());
    } else {
        snprintf(env->user_buf, sizeof env->user_buf, "%s", u);
    }
    env->user = env->user_buf;
}

/* $MUTASI_TODAY pins the date for scripts and tests, else the clock. */
static int resolve_today(struct ops_env *env, struct ops_err *e)
{
    const char *s = getenv("MUTASI_TODAY");
    if (s && *s) {
        if (date_parse(s, strlen(s), &env->today) == 0)
            return OPS_OK;
        ops_fail(e, _("MUTASI_TODAY must be a date YYYY-MM-DD, got \"%s\""), s);
        return OPS_USAGE;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    env->today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return OPS_OK;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --config, else $MUTASI_CONFIG, else ./config, else the installed one. */
static const char *config_dir_of(const char *opt)
{
    if (opt)
        return opt;
    const char *env = getenv("MUTASI_CONFIG");
    if (env && *env)
        return env;
    if (is_dir("config"))
        return "config";
    return is_dir(SYSCONFDIR) ? SYSCONFDIR : NULL;
}

/* The errors one a line, as file:line:col: message. */
void ops_config_errors(struct ops_err *e, const struct config_errors *errs)
{
    size_t used = 0;
    e->msg[0] = '\0';
    for (int i = 0; i < errs->n && i < CONFIG_ERRORS_MAX && used + 1 < sizeof e->msg; i++) {
        const struct config_error *c = &errs->e[i];
        int n = c->line ? snprintf(e->msg + used, sizeof e->msg - used, "%s:%d:%d: %s\n",
                                   c->file, c->line, c->column, c->msg)
                        : snprintf(e->msg + used, sizeof e->msg - used, "%s: %s\n", c->file,
                                   c->msg);
        if (n < 0)
            break;
        used += (size_t)n < sizeof e->msg - used ? (size_t)n : sizeof e->msg - used - 1;
    }
    if (errs->n > CONFIG_ERRORS_MAX && used + 1 < sizeof e->msg)
        snprintf(e->msg + used, sizeof e->msg - used, _("... and %d more errors\n"),
                 errs->n - CONFIG_ERRORS_MAX);
}

/* The database: --db, else $MUTASI_DB, else database: in users.yaml of
 * the configuration, else ./var/mutasi. */
static int resolve_db_dir(struct ops_env *env, const char *opt, struct ops_err *e)
{
    const char *from_env = getenv("MUTASI_DB");
    env->db_dir = opt ? opt : from_env && *from_env ? from_env : "var/mutasi";
    if (opt || (from_env && *from_env) || !env->config_dir)
        return OPS_OK;
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/users.yaml", env->config_dir);
    if (stat(path, &st) != 0)
        return OPS_OK;
    struct users_config u;
    struct config_errors *errs = calloc(1, sizeof *errs);
    if (!errs)
        return ops_fail(e, "%s", _("out of memory"));
    int rc = OPS_OK;
    if (config_load_users(path, &u, errs) != 0) {
        ops_config_errors(e, errs);
        rc = OPS_REFUSED;
    } else {
        if (u.database[0]) {
            snprintf(env->db_buf, sizeof env->db_buf, "%s", u.database);
            env->db_dir = env->db_buf;
        }
        config_users_free(&u);
    }
    free(errs);
    return rc;
}

/* Adds what to the list of things ignored. */
static void note_ignored(struct ops_env *env, const char *what)
{
    size_t used = strlen(env->ignored);
    snprintf(env->ignored + used, sizeof env->ignored - used, "%s%s", used ? ", " : "", what);
}

static bool env_given(const char *name)
{
    const char *v = getenv(name);
    return v && *v;
}

/* Every way of pointing a set-group-id mutasi elsewhere or of claiming
 * another identity, noted when given; the environment variables read
 * elsewhere (MUTASI_MAPSIZE, MUTASI_DEMO_*, MUTASI_LOCALEDIR, the user's
 * ui.yaml through HOME) are read there with secure_getenv, which sees
 * nothing in a set-group-id process. */
static void note_overrides(struct ops_env *env, const char *db_opt, const char *config_opt)
{
    static const char *const vars[] = {"MUTASI_DB", "MUTASI_CONFIG", "MUTASI_USER",
                                       "MUTASI_TODAY", "MUTASI_MAPSIZE",
                                       "MUTASI_DEMO_BUCKET_STAFF", "MUTASI_DEMO_RESERVE",
                                       "MUTASI_LOCALEDIR", NULL};
    if (db_opt)
        note_ignored(env, "--db");
    if (config_opt)
        note_ignored(env, "--config");
    for (int i = 0; vars[i]; i++)
        if (env_given(vars[i]))
            note_ignored(env, vars[i]);
    char path[1024];
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    struct stat st;
    if (xdg && *xdg == '/')
        snprintf(path, sizeof path, "%s/mutasi/ui.yaml", xdg);
    else
        snprintf(path, sizeof path, "%s/.config/mutasi/ui.yaml", home ? home : "");
    if ((xdg || home) && stat(path, &st) == 0)
        note_ignored(env, path);
}

/* Set-group-id: fixed places, the clock, the real user; the group is
 * dropped until the database is opened (ops_priv_raise). */
static int resolve_privileged(struct ops_env *env, const char *db_opt, const char *config_opt)
{
    note_overrides(env, db_opt, config_opt);
    env->db_dir = MUTASI_DBDIR;
    env->config_dir = SYSCONFDIR;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    env->today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    ops_priv_lower(env);
    return OPS_OK;
}

void ops_priv_raise(const struct ops_env *env)
{
    if (env && env->privileged && setegid((gid_t)env->group) != 0)
        abort();            /* the saved set-group-id is ours: cannot fail */
}

void ops_priv_lower(const struct ops_env *env)
{
    if (env && env->privileged && setegid(getgid()) != 0)
        abort();            /* back to the real group: cannot fail */
}

int ops_env_resolve(struct ops_env *env, const char *db_opt, const char *config_opt,
                    struct ops_err *e)
{
    env->privileged = getegid() != getgid();
    env->group = (unsigned)getegid();
    env->ignored[0] = '\0';
    take_unix_user(env);
    if (env->privileged)
        return resolve_privileged(env, db_opt, config_opt);
    int rc = resolve_today(env, e);
    env->config_dir = config_dir_of(config_opt);
    if (rc == OPS_OK)
        rc = resolve_db_dir(env, db_opt, e);
    else
        env->db_dir = db_opt ? db_opt : "var/mutasi";
    return rc;
}
