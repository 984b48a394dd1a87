/* `mutasi verify`: every database walked in a child process, so that
 * damage which makes LMDB itself fault ends the child, not the report:
 * the parent says which database the walk died in and goes on with the
 * next one in a new child.
 *
 * The child writes one line per event to a pipe, fields separated by
 * tabs (keys are escaped by store_verify_db, so they hold none):
 *   B n            walking database n
 *   D key what     a damaged entry of the current database
 *   E message      the current database cannot be walked (or opened)
 *   F n            database n done */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ops/ops.h"

static void send_line(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void send_line(int fd, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (n > (int)sizeof buf - 2)
        n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    for (int off = 0; off < n;) {
        ssize_t w = write(fd, buf + off, (size_t)(n - off));
        if (w <= 0)
            return;
        off += (int)w;
    }
}

static void child_damage(const char *db, const char *key, const char *what, void *ctx)
{
    (void)db;
    send_line(*(int *)ctx, "D\t%s\t%s", key, what);
}

/* The child: walks databases from `from` on; never returns. */
static void child_walk(const char *dir, int from, int fd)
{
    char err[600];
    signal(SIGSEGV, SIG_DFL);   /* the parent reads the signal */
    signal(SIGBUS, SIG_DFL);
    store *s = store_open(dir, STORE_READONLY, err, sizeof err);
    if (!s) {
        send_line(fd, "B\t%d", from);
        send_line(fd, "E\t%s", err);
        _exit(2);
    }
    for (int db = from; db < store_db_count(); db++) {
        size_t n;
        send_line(fd, "B\t%d", db);
        stxn *t = store_read_begin(s);
        if (!t) {
            send_line(fd, "E\t%s", store_errmsg(s));
            _exit(2);
        }
        if (store_verify_db(t, db, child_damage, &fd, &n) == STORE_ERROR)
            send_line(fd, "E\t%s", store_errmsg(s));
        store_read_end(t);
        send_line(fd, "F\t%d", db);
    }
    store_close(s);
    _exit(0);
}

struct parent {
    const struct ops_verify_cb *cb;
    void *ctx;
    int current;                /* the database being walked, -1 none */
    int last_done;
    size_t problems;
    const struct ops_env *env;
};

static void read_events(FILE *f, struct parent *p)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[len - 1] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        const char *db = p->current >= 0 ? store_db_label(p->current) : "?";
        if (line[0] == 'B') {
            p->current = atoi(tab + 1);
        } else if (line[0] == 'F') {
            p->last_done = atoi(tab + 1);
            p->current = -1;
        } else if (line[0] == 'D') {
            char *what = strchr(tab + 1, '\t');
            if (!what)
                continue;
            *what++ = '\0';
            p->problems++;
            p->cb->damage(db, tab + 1, what, p->ctx);
        } else if (line[0] == 'E') {
            p->problems++;
            p->cb->damage(db, "", tab + 1, p->ctx);
        }
    }
    free(line);
}

/* One child from database `from`; returns the database to go on with, or
 * store_db_count() when done (or when going on cannot help). */
static int run_child(const char *dir, int from, struct parent *p, struct ops_err *e, int *failed)
{
    int fds[2];
    if (pipe(fds) != 0) {
        *failed = ops_fail(e, _("cannot start the walk: %s"), strerror(errno));
        return store_db_count();
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        *failed = ops_fail(e, _("cannot start the walk: %s"), strerror(errno));
        return store_db_count();
    }
    if (pid == 0) {
        close(fds[0]);
        ops_priv_raise(p->env);   /* set-group-id: the database is the group's */
        child_walk(dir, from, fds[1]);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    p->current = -1;
    p->last_done = from - 1;
    if (f) {
        read_events(f, p);
        fclose(f);
    } else {
        close(fds[0]);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return store_db_count();
    if (WIFEXITED(status))      /* could not open the database: nothing further to walk */
        return store_db_count();
    int at = p->current >= 0 ? p->current : p->last_done + 1;
    char why[200];
    snprintf(why, sizeof why,
             _("reading this database made LMDB fault (signal %d): its pages are damaged"),
             WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    p->problems++;
    p->cb->damage(at < store_db_count() ? store_db_label(at) : "?", "", why, p->ctx);
    return at + 1;
}

int ops_verify(const struct ops_env *env, const struct ops_verify_cb *cb, void *ctx,
               size_t *problems, struct ops_err *e)
{
    struct parent p = {cb, ctx, -1, -1, 0, env};
    /* Who may: the roles of the configuration, without the database
     * (which may not open at all). */
    struct ops o;
    if (ops_open(&o, env, OPS_NO_DB, e) != OPS_OK)
        return OPS_REFUSED;
    int allowed = ops_require(&o, OPS_DO_VERIFY_DB, NULL, e);
    ops_close(&o);
    *problems = 0;
    if (allowed != OPS_OK)
        return OPS_REFUSED;
    int failed = OPS_OK;
    for (int from = 0; from < store_db_count();)
        from = run_child(env->db_dir, from, &p, e, &failed);
    *problems = p.problems;
    return failed;
}
