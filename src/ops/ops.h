/* The service layer: one function per user action, below both the verbs
 * (cli/) and the screens (ui/, the `:` prompt included). An action reads,
 * applies the rules, writes in one store_write with its audit entry and
 * version check, and returns data and an error message. It never prints
 * and never touches a terminal.
 *
 * Usage:
 *     struct ops o;
 *     struct ops_err e;
 *     if (ops_open(&o, env, OPS_READ, &e) != OPS_OK) { show e.msg; }
 *     ... ops_xxx(&o, ..., &e) ...
 *     ops_close(&o);
 *
 * Every action returns OPS_OK, or OPS_REFUSED with a translated sentence
 * in e->msg that says why (the CLI prints it and exits 1; a screen shows
 * it on the message line). Arrows point down: ops/ uses core/, store/,
 * config/ and io/, never cli/ or ui/. */
#ifndef MUTASI_OPS_OPS_H
#define MUTASI_OPS_OPS_H
#include <stdbool.h>
#include <stddef.h>
#include "config/config.h"
#include "core/date.h"
#include "core/policy.h"
#include "store/store.h"

/* Where the program runs: resolved once by main from the options and the
 * environment. */
struct ops_env {
    const char *db_dir;      /* --db, $MUTASI_DB, database: in config, ./var/mutasi */
    const char *config_dir;  /* --config, $MUTASI_CONFIG, ./config, SYSCONFDIR; may be NULL */
    mdate today;             /* $MUTASI_TODAY or the clock */
    const char *user;        /* the Unix user name */
    const char *progname;
};

/* Same values as the design's exit statuses. */
enum ops_rc { OPS_OK = 0, OPS_REFUSED = 1, OPS_USAGE = 2 };

#define OPS_MSG_SIZE 2048
struct ops_err {
    char msg[OPS_MSG_SIZE];  /* translated; may hold several lines */
};
/* Writes the message and returns OPS_REFUSED. */
int ops_fail(struct ops_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* How an action needs the database. */
enum ops_open_mode {
    OPS_NO_DB = 0,           /* configuration only */
    OPS_READ = 1,            /* open read-only (browsing, reports) */
    OPS_WRITE = 2,           /* open for writing */
    OPS_CREATE = 3,          /* open for writing, create when missing */
};

/* One session: the configuration in force, the database, who acts and
 * today's date. */
struct ops {
    const struct ops_env *env;
    struct config *cfg;      /* owned; never half-read */
    store *db;               /* NULL with OPS_NO_DB */
    char user[64];           /* the acting user (MUTASI_USER where trusted) */
    unsigned roles;          /* bit set of enum role */
    mdate today;
};

/* Loads the configuration and opens the database. On failure nothing is
 * left open and e says why (configuration errors one a line, as
 * file:line:col: message). */
int ops_open(struct ops *o, const struct ops_env *env, int mode, struct ops_err *e);
void ops_close(struct ops *o);
/* An action that writes calls this first: a session opened with OPS_READ
 * (the screens browse read-only) gets write access (store_make_writable:
 * the database reopened for writing, an older schema upgraded); a session
 * opened for writing is unchanged. No read transaction of the session may
 * be open. OPS_OK, or OPS_REFUSED with the reason in e. */
int ops_need_write(struct ops *o, struct ops_err *e);
const struct policy *ops_policy(const struct ops *o);
#endif
