/* mutasi export units|positions|staff [--format csv|text]. Personal data
 * leaves the database here, so every export is written to the audit log. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export.h"
#include "io/xlsx_write.h"

struct walk {
    struct export_shape shape;
    exporter *x;
    size_t rows;
};

static int shape_unit(const struct unit *u, void *ctx)
{
    export_shape_unit(&((struct walk *)ctx)->shape, u);
    return 0;
}

static int shape_position(const struct position *p, void *ctx)
{
    export_shape_position(&((struct walk *)ctx)->shape, p);
    return 0;
}

static int shape_staff(const struct staff *s, void *ctx)
{
    export_shape_staff(&((struct walk *)ctx)->shape, s);
    return 0;
}

static int row_unit(const struct unit *u, void *ctx)
{
    struct walk *w = ctx;
    export_unit_row(w->x, u);
    w->rows++;
    return export_failed(w->x);     /* stop walking once nobody reads */
}

static int row_position(const struct position *p, void *ctx)
{
    struct walk *w = ctx;
    export_position_row(w->x, p);
    w->rows++;
    return export_failed(w->x);     /* stop walking once nobody reads */
}

static int row_staff(const struct staff *s, void *ctx)
{
    struct walk *w = ctx;
    export_staff_row(w->x, s);
    w->rows++;
    return export_failed(w->x);     /* stop walking once nobody reads */
}

/* Two walks in one read transaction: the shape (skp years, text widths),
 * then the rows. Units and positions in CSV need no first walk. */
static int write_export(stxn *t, enum import_kind kind, struct walk *w, FILE *out)
{
    bool shape_needed = w->shape.format == EXPORT_TEXT || kind == IMPORT_STAFF;
    if (shape_needed) {
        if (kind == IMPORT_UNITS)
            store_each_unit(t, shape_unit, w);
        else if (kind == IMPORT_POSITIONS)
            store_each_position(t, shape_position, w);
        else
            store_each_staff(t, NULL, shape_staff, w);
    }
    w->x = export_begin(out, &w->shape);
    if (!w->x)
        return -1;
    if (kind == IMPORT_UNITS)
        store_each_unit(t, row_unit, w);
    else if (kind == IMPORT_POSITIONS)
        store_each_position(t, row_position, w);
    else
        store_each_staff(t, NULL, row_staff, w);
    return export_end(w->x);
}

struct export_note {
    const struct ops_env *env;
    enum import_kind kind;
    const char *format;
    size_t rows;
};

static int append_note(stxn *t, void *ctx)
{
    const struct export_note *n = ctx;
    char action[48], after[64];
    snprintf(action, sizeof action, "export %s", import_kind_name(n->kind));
    snprintf(after, sizeof after, "%zu rows, %s", n->rows, n->format);
    return store_audit_append(t, n->env->user, action, import_kind_name(n->kind), "", after);
}

/* Where an xlsx export goes: --output FILE, else stdout (not a terminal). */
struct xlsx_dest {
    bool on;
    const char *path;           /* NULL: stdout */
};

/* The CSV export in a temporary file becomes the workbook (io/xlsx_write.h). */
static int csv_to_xlsx(FILE *csv, const char *sheet, const struct xlsx_dest *x)
{
    char err[512];
    csv_reader *r = fflush(csv) == 0 ? csv_open_fd(fileno(csv), sheet, err, sizeof err) : NULL;
    int rc = r ? 0 : -1;
    if (r)
        rc = x->path ? xlsx_write_table(r, x->path, sheet, err, sizeof err)
                     : xlsx_write_table_to(r, stdout, sheet, err, sizeof err);
    if (rc)
        cli_error("%s", r ? err : strerror(errno));
    csv_close(r);
    return rc;
}

static int run_export(const struct ops_env *env, enum import_kind kind, enum export_format fmt,
                      const struct xlsx_dest *xd)
{
    struct ops s;
    stxn *t = cli_open_read(env, OPS_WRITE | OPS_NO_CONFIG, &s);
    if (!t)
        return EXIT_REFUSED;
    /* A reader that stops early (| head) must not kill us before the
     * export is written to the audit log: EPIPE becomes a write error. */
    signal(SIGPIPE, SIG_IGN);
    FILE *out = xd->on ? tmpfile() : stdout;
    struct walk w = {0};
    export_shape_init(&w.shape, kind, fmt);
    int rc = out ? write_export(t, kind, &w, out) : -1;
    int werr = errno;
    store_read_end(t);
    bool xlsx_failed = false;
    if (xd->on && out && rc == 0)
        xlsx_failed = csv_to_xlsx(out, import_kind_name(kind), xd) != 0;
    if (xd->on && out)
        fclose(out);
    /* Recorded even when writing failed half-way: some rows may have left. */
    struct export_note n = {env, kind, xd->on ? "xlsx" : fmt == EXPORT_CSV ? "csv" : "text",
                            w.rows};
    int arc = store_write(s.db, append_note, &n);
    int status = xlsx_failed ? EXIT_REFUSED : EXIT_OK;
    if (rc != 0) {
        cli_error(_("writing the export failed: %s"), strerror(werr));
        status = EXIT_REFUSED;
    }
    if (arc != STORE_OK) {
        cli_error("%s", store_errmsg(s.db));
        status = EXIT_REFUSED;
    }
    ops_close(&s);
    return status;
}

static int export_workload_xlsx(const struct ops_env *env, const struct xlsx_dest *xd)
{
    FILE *tmp = tmpfile();
    if (!tmp) {
        cli_error("%s", strerror(errno));
        return EXIT_REFUSED;
    }
    int rc = cli_export_workload(env, true, tmp);
    if (rc == EXIT_OK && csv_to_xlsx(tmp, "workload", xd) != 0)
        rc = EXIT_REFUSED;
    fclose(tmp);
    return rc;
}

int cli_export(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("export");
    const char *what = NULL, *format = "csv";
    struct xlsx_dest xd = {false, NULL};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if ((strcmp(argv[i], "--output") == 0 || strcmp(argv[i], "-o") == 0) && i + 1 < argc)
            xd.path = argv[++i];
        else if (strncmp(argv[i], "--output=", 9) == 0)
            xd.path = argv[i] + 9;
        else if (argv[i][0] == '-')
            return cli_usage_error(env, "export", _("unknown option \"%s\""), argv[i]);
        else if (!what)
            what = argv[i];
        else
            return cli_usage_error(env, "export", _("unexpected argument \"%s\""), argv[i]);
    }
    if (!what)
        return cli_usage_error(env, "export", _("what to export is missing"));
    xd.on = strcmp(format, "xlsx") == 0;
    int fmt = xd.on ? EXPORT_CSV : export_format_parse(format);
    if (fmt < 0)
        return cli_usage_error(env, "export", _("--format must be csv, text or xlsx, got \"%s\""),
                               format);
    if (xd.path && !xd.on)
        return cli_usage_error(env, "export", _("--output is for --format xlsx"));
    if (xd.on && !xd.path && isatty(STDOUT_FILENO))
        return cli_usage_error(env, "export", _("a workbook is not for a terminal: give "
                                                "--output FILE or redirect the output"));
    if (strcmp(what, "workload") == 0)        /* the ABK table, src/cli/workload.c */
        return xd.on ? export_workload_xlsx(env, &xd)
                     : cli_export_workload(env, fmt == EXPORT_CSV, stdout);
    int kind = import_kind_parse(what);
    if (kind < 0)
        return cli_usage_error(env, "export",
                               _("cannot export \"%s\" (units, positions, staff or workload)"),
                               what);
    return run_export(env, (enum import_kind)kind, (enum export_format)fmt, &xd);
}
