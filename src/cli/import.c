/* mutasi import units|positions|staff FILE: all or nothing. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/import.h"

/* Error lines printed before "... and N more errors". */
#define SHOWN_ERRORS 100

/* --- progress on a terminal ------------------------------------------------- */

struct progress {
    const char *label;
    double last;                /* seconds, monotonic */
    bool drawn;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Redrawn at most five times a second: thin links pay for every byte. */
static void draw_progress(void *ctx, size_t done, size_t total)
{
    struct progress *p = ctx;
    double t = now_seconds();
    if (!total || (p->drawn && t - p->last < 0.2))
        return;
    p->last = t;
    p->drawn = true;
    unsigned pct = (unsigned)(done * 100 / total), bar = pct / 5;
    char cells[21];
    memset(cells, '#', bar);
    memset(cells + bar, '.', 20 - bar);
    cells[20] = '\0';
    fprintf(stderr, "\r%s [%s] %3u%%", p->label, cells, pct);
    fflush(stderr);
}

static void end_progress(struct progress *p)
{
    if (p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = false;
}

/* --- references into the database ----------------------------------------- */

static bool unit_exists(void *ctx, const char *code)
{
    struct unit u;
    return store_get_unit(ctx, code, &u) == STORE_OK;
}

static bool position_unit(void *ctx, const char *code, char unit[CODE_SIZE])
{
    struct position p;
    if (store_get_position(ctx, code, &p) != STORE_OK)
        return false;
    memcpy(unit, p.unit, CODE_SIZE);
    return true;
}

/* file:line:col: for CSV, file:Sheet1!D14: for a workbook. */
static void print_problems(const char *file, const importer *im)
{
    const struct import_problems *ps = import_problems(im);
    size_t shown = 0;
    char at[200];
    for (size_t i = 0; i < ps->n; i++) {
        const struct import_problem *e = &ps->p[i];
        import_where(im, e->line, e->col, at, sizeof at);
        if (e->warning) {
            fprintf(stderr, _("%s:%s: warning: %s\n"), file, at, e->msg);
            continue;
        }
        if (shown++ >= SHOWN_ERRORS)
            continue;
        if (e->column[0])
            fprintf(stderr, "%s:%s: %s: %s\n", file, at, e->column, e->msg);
        else
            fprintf(stderr, "%s:%s: %s\n", file, at, e->msg);
    }
    if (ps->errors > SHOWN_ERRORS)
        fprintf(stderr, ngettext("... and %zu more error\n", "... and %zu more errors\n",
                                 ps->errors - SHOWN_ERRORS),
                ps->errors - SHOWN_ERRORS);
}

/* --- writing ---------------------------------------------------------------- */

/* Staff go to an empty staff table (the first load) through the store's
 * bulk load, record by record as they come (in NIP order); into a table
 * that has people already, in chunks through store_put_staff_batch,
 * which writes each table in its own key order. */
#define STAFF_CHUNK 16384

struct writer {
    const struct ops_env *env;
    importer *im;
    enum import_kind kind;
    const char *object;         /* the file's base name */
    stxn *t;
    bool was_empty;             /* no record of this kind before: all are new */
    size_t added, replaced;
    store_bulk *bulk;           /* the first load of staff, else NULL */
    struct staff *chunk;        /* STAFF_CHUNK records waiting to be written */
    bool *needs_history;
    size_t nchunk;
    bool out_of_memory;         /* the chunk could not be allocated */
};

/* The history line of a person's current post. */
static struct history post_of(const struct staff *s)
{
    struct history h = {0};
    memcpy(h.nip, s->nip, sizeof h.nip);
    h.since = s->post_since;
    memcpy(h.position, s->position, sizeof h.position);
    memcpy(h.unit, s->unit, sizeof h.unit);
    h.rank = s->rank;
    return h;
}

static int add_history(stxn *t, const struct staff *s)
{
    struct history h = post_of(s);
    return store_add_history(t, &h);
}

static int same_post(const struct history *h, void *ctx)
{
    const struct staff *s = ctx;
    return h->since == s->post_since && strcmp(h->position, s->position) == 0 &&
           strcmp(h->unit, s->unit) == 0;
}

/* True when the history already has this post from this date (a file
 * imported again after a move back). */
static bool history_has_post(stxn *t, const struct staff *s)
{
    return store_each_history(t, s->nip, same_post, (void *)s) > 0;
}

/* Writes the waiting staff. A history line goes with each person who is
 * new or now holds another post. */
static int flush_staff(struct writer *w)
{
    for (size_t i = 0; i < w->nchunk; i++) {
        const struct staff *s = &w->chunk[i];
        struct staff old;
        bool had = !w->was_empty && store_get_staff(w->t, s->nip, &old) == STORE_OK;
        w->needs_history[i] = !had || ((strcmp(old.position, s->position) != 0 ||
                                        strcmp(old.unit, s->unit) != 0) &&
                                       !history_has_post(w->t, s));
        had ? w->replaced++ : w->added++;
    }
    int rc = store_put_staff_batch(w->t, w->chunk, w->nchunk);
    for (size_t i = 0; i < w->nchunk && rc == STORE_OK; i++)
        if (w->needs_history[i])
            rc = add_history(w->t, &w->chunk[i]);
    w->nchunk = 0;
    return rc;
}

static int put_record(void *ctx, const void *rec)
{
    struct writer *w = ctx;
    int rc, had = 0;
    if (w->bulk) {
        const struct staff *s = rec;
        struct history h = post_of(s);     /* everyone is new */
        w->added++;
        return store_bulk_add(w->bulk, s, &h);
    } else if (w->kind == IMPORT_STAFF) {
        w->chunk[w->nchunk++] = *(const struct staff *)rec;
        return w->nchunk == STAFF_CHUNK ? flush_staff(w) : 0;
    } else if (w->kind == IMPORT_UNITS) {
        struct unit old;
        had = store_get_unit(w->t, ((const struct unit *)rec)->code, &old) == STORE_OK;
        rc = store_put_unit(w->t, rec);
    } else {
        struct position old;
        had = store_get_position(w->t, ((const struct position *)rec)->code, &old) == STORE_OK;
        rc = store_put_position(w->t, rec);
    }
    if (rc != STORE_OK)
        return rc;
    had ? w->replaced++ : w->added++;
    return 0;
}

static int write_all(stxn *t, void *ctx)
{
    struct writer *w = ctx;
    /* Called again from the start when the map had to grow. */
    w->t = t;
    w->added = w->replaced = 0;
    w->nchunk = 0;
    w->was_empty = w->kind == IMPORT_STAFF && store_count_staff(t) == 0;
    w->bulk = NULL;
    if (w->was_empty && store_bulk_begin(t, import_rows(w->im), &w->bulk) != STORE_OK)
        return STORE_ERROR;
    if (w->kind == IMPORT_STAFF && !w->bulk && !w->chunk) {
        w->chunk = malloc(STAFF_CHUNK * sizeof *w->chunk);
        w->needs_history = malloc(STAFF_CHUNK * sizeof *w->needs_history);
        if (!w->chunk || !w->needs_history) {
            w->out_of_memory = true;
            return STORE_ERROR;
        }
    }
    int rc = import_each(w->im, put_record, w);
    if (w->bulk) {
        if (rc == STORE_OK)
            rc = store_bulk_finish(w->bulk);
        else
            store_bulk_free(w->bulk);
        w->bulk = NULL;
    }
    if (rc == STORE_OK && w->nchunk)
        rc = flush_staff(w);
    if (rc != STORE_OK)
        return rc;
    char action[48], after[256];
    snprintf(action, sizeof action, "import %s", import_kind_name(w->kind));
    snprintf(after, sizeof after, "%zu rows: %zu added, %zu replaced; sha256 %s",
             w->added + w->replaced, w->added, w->replaced, import_sha256(w->im));
    return store_audit_append(t, w->env->user, action, w->object, "", after);
}

static int run_import(const struct ops_env *env, enum import_kind kind, const char *file)
{
    char err[512];
    importer *im = import_open(file, kind, env->today, err, sizeof err);
    if (!im) {
        cli_error("%s", err);
        return EXIT_REFUSED;
    }
    store *s = cli_open_store(env, 0);
    if (!s) {
        import_close(im);
        return EXIT_REFUSED;
    }
    char base[256];
    snprintf(base, sizeof base, "%s", file);
    const char *name = basename(base);
    struct progress prog = {.label = name};
    if (isatty(STDERR_FILENO))
        import_set_progress(im, draw_progress, &prog);

    stxn *rt = store_read_begin(s);
    if (!rt) {
        cli_error("%s", store_errmsg(s));
        store_close(s);
        import_close(im);
        return EXIT_REFUSED;
    }
    struct import_refs refs = {rt, unit_exists, position_unit};
    size_t errors = import_check(im, &refs);
    store_read_end(rt);
    end_progress(&prog);
    print_problems(file, im);
    if (errors) {
        cli_error(ngettext("%s: %zu error, nothing was imported",
                           "%s: %zu errors, nothing was imported", errors), file, errors);
        store_close(s);
        import_close(im);
        return EXIT_REFUSED;
    }

    struct writer w = {.env = env, .im = im, .kind = kind, .object = name};
    int rc = store_write(s, write_all, &w);
    free(w.chunk);
    free(w.needs_history);
    end_progress(&prog);
    if (rc != STORE_OK) {
        cli_error(_("%s: nothing was imported: %s"), file,
                  w.out_of_memory ? _("out of memory") : store_errmsg(s));
        store_close(s);
        import_close(im);
        return EXIT_REFUSED;
    }
    size_t rows = w.added + w.replaced;
    fprintf(stderr, ngettext("mutasi: %s: %zu row imported into %s (%zu added, %zu replaced)\n",
                             "mutasi: %s: %zu rows imported into %s (%zu added, %zu replaced)\n",
                             rows),
            file, rows, import_kind_name(kind), w.added, w.replaced);
    store_close(s);
    import_close(im);
    return EXIT_OK;
}

int cli_import(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("import");
    if (argc != 3)
        return cli_usage_error(env, "import", argc < 3 ? _("what to import and the file are needed")
                                                       : _("too many arguments"));
    int kind = import_kind_parse(argv[1]);
    if (kind < 0)
        return cli_usage_error(env, "import",
                               _("cannot import \"%s\" (units, positions or staff)"), argv[1]);
    return run_import(env, (enum import_kind)kind, argv[2]);
}
