/* mutasi export units|positions|staff|audit [--format csv|text]. Personal data
 * leaves the database here, so every export is written to the audit log. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export.h"
#include "ops/export_audit.h"

/* A reader that went away (| head) ends the program as it ends other
 * tools, by SIGPIPE, but only after the export is in the audit log. */
static void die_of_closed_pipe(void)
{
    signal(SIGPIPE, SIG_DFL);
    raise(SIGPIPE);
}

/* The exit status of an export action: its refusal, a closed pipe, or a
 * write error (write_errno, 0 when none). */
static int export_outcome(int rc, const struct ops_err *e, int write_errno)
{
    if (rc != OPS_OK)
        return cli_report(e);
    if (write_errno == EPIPE)
        die_of_closed_pipe();
    if (write_errno) {
        cli_error(_("writing the export failed: %s"), strerror(write_errno));
        return EXIT_REFUSED;
    }
    return EXIT_OK;
}

/* Where an xlsx export goes: --output FILE, else stdout (not a terminal). */
struct xlsx_dest {
    bool on;
    const char *path;           /* NULL: stdout */
};

static int run_export(const struct ops_env *env, enum import_kind kind, enum export_format fmt,
                      const struct xlsx_dest *xd)
{
    struct ops s;
    if (cli_open(&s, env, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    /* A closed pipe must not kill us before the audit entry is written:
     * EPIPE comes back as a write error instead. */
    signal(SIGPIPE, SIG_IGN);
    struct ops_export x = {.kind = kind, .format = fmt, .xlsx = xd->on, .path = xd->path,
                           .out = stdout};
    struct ops_err e;
    int rc = ops_export(&s, &x, &e);
    ops_close(&s);
    return export_outcome(rc, &e, x.write_errno);
}

/* export audit: to stdout, or to --output FILE (opened by the action once
 * the user may export, with the user's own rights). */
static int run_export_audit(const struct ops_env *env, enum export_format fmt, const char *path)
{
    struct ops s;
    if (cli_open(&s, env, OPS_WRITE) != EXIT_OK)
        return EXIT_REFUSED;
    signal(SIGPIPE, SIG_IGN);   /* EPIPE as a write error: the audit entry first */
    struct ops_export_audit x = {.format = fmt, .out = stdout, .path = path};
    struct ops_err e;
    int rc = ops_export_audit(&s, &x, &e);
    ops_close(&s);
    return export_outcome(rc, &e, x.write_errno);
}

static int export_workload_xlsx(const struct ops_env *env, const struct xlsx_dest *xd)
{
    FILE *tmp = tmpfile();
    if (!tmp) {
        cli_error("%s", strerror(errno));
        return EXIT_REFUSED;
    }
    struct ops_err e;
    int rc = cli_export_workload(env, true, tmp);
    if (rc == EXIT_OK && ops_csv_to_xlsx(tmp, "workload", xd->path, stdout, &e) != OPS_OK)
        rc = cli_report(&e);
    fclose(tmp);
    return rc;
}

int cli_export(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("export");
    const char *what = NULL, *format = "csv", *plan = NULL;
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
        else if ((strcmp(what, "plan") == 0 || strcmp(what, "training") == 0) && !plan)
            plan = argv[i];                     /* export plan ID */
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
    if (strcmp(what, "audit") == 0) {         /* the log, src/ops/export_audit.c */
        if (xd.on)
            return cli_usage_error(env, "export", "%s",
                                   _("export audit writes csv or text (no xlsx)"));
        return run_export_audit(env, (enum export_format)fmt, xd.path);
    }
    if (xd.path && !xd.on)
        return cli_usage_error(env, "export", _("--output is for --format xlsx"));
    if (xd.on && !xd.path && isatty(STDOUT_FILENO))
        return cli_usage_error(env, "export", _("a workbook is not for a terminal: give "
                                                "--output FILE or redirect the output"));
    if (strcmp(what, "plan") == 0)            /* a plan, its annex: src/cli/plan_export.c */
        return cli_export_plan(env, plan, xd.on ? "xlsx" : fmt == EXPORT_CSV ? "csv" : "text",
                               xd.path);
    if (strcmp(what, "training") == 0) {      /* a plan's gaps: src/cli/followup.c */
        if (xd.on)
            return cli_usage_error(env, "export", "%s",
                                   _("export training writes csv or text (no xlsx yet)"));
        return cli_export_training(env, plan, fmt == EXPORT_CSV);
    }
    if (strcmp(what, "workload") == 0)        /* the ABK table, src/cli/workload.c */
        return xd.on ? export_workload_xlsx(env, &xd)
                     : cli_export_workload(env, fmt == EXPORT_CSV, stdout);
    int kind = import_kind_parse(what);
    if (kind < 0 || kind == IMPORT_PREFERENCES)   /* preferences are imported only */
        return cli_usage_error(env, "export",
                               _("cannot export \"%s\" (units, positions, staff or workload)"),
                               what);
    return run_export(env, (enum import_kind)kind, (enum export_format)fmt, &xd);
}
