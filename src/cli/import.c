/* mutasi import units|positions|staff|preferences FILE: all or nothing. */
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

static int run_import(const struct ops_env *env, enum import_kind kind, const char *file)
{
    char err[512];
    /* staff rows are judged by the policy in force (retirement age) */
    struct policy policy;
    policy_defaults(&policy);
    if (kind == IMPORT_STAFF) {
        struct ops pc;
        struct ops_err pe;
        if (ops_open(&pc, env, OPS_NO_DB, &pe) != OPS_OK) {
            cli_error("%s", pe.msg);
            return EXIT_REFUSED;
        }
        policy = *ops_policy(&pc);
        ops_close(&pc);
    }
    importer *im = import_open(file, kind, env->today, err, sizeof err);
    if (!im) {
        cli_error("%s", err);
        return EXIT_REFUSED;
    }
    struct ops o;
    if (cli_open(&o, env, OPS_WRITE) != EXIT_OK) {
        import_close(im);
        return EXIT_REFUSED;
    }
    char base[256];
    snprintf(base, sizeof base, "%s", file);
    struct ops_import in = {.im = im, .kind = kind, .file = file, .object = basename(base),
                            .policy = &policy};
    struct progress prog = {.label = in.object};
    if (isatty(STDERR_FILENO))
        import_set_progress(im, draw_progress, &prog);
    struct ops_err e;
    int rc = ops_import(&o, &in, &e);
    end_progress(&prog);
    print_problems(file, im);
    ops_close(&o);
    import_close(im);
    if (rc != OPS_OK)
        return cli_report(&e);
    size_t rows = in.added + in.replaced;
    fprintf(stderr, ngettext("mutasi: %s: %zu row imported into %s (%zu added, %zu replaced)\n",
                             "mutasi: %s: %zu rows imported into %s (%zu added, %zu replaced)\n",
                             rows),
            file, rows, import_kind_name(kind), in.added, in.replaced);
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
                               _("cannot import \"%s\" (units, positions, staff or "
                                 "preferences)"), argv[1]);
    return run_import(env, (enum import_kind)kind, argv[2]);
}
