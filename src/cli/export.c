/* mutasi export units|positions|staff [--format csv|text]. Personal data
 * leaves the database here, so every export is written to the audit log. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "io/export.h"

/* A reader that went away (| head) ends the program as it ends other
 * tools, by SIGPIPE, but only after the export is in the audit log. */
static void die_of_closed_pipe(void)
{
    signal(SIGPIPE, SIG_DFL);
    raise(SIGPIPE);
}

static int run_export(const struct ops_env *env, enum import_kind kind, enum export_format fmt)
{
    struct ops s;
    if (cli_open(&s, env, OPS_WRITE | OPS_NO_CONFIG) != EXIT_OK)
        return EXIT_REFUSED;
    /* A closed pipe must not kill us before the audit entry is written:
     * EPIPE comes back as a write error instead. */
    signal(SIGPIPE, SIG_IGN);
    struct ops_export x = {.kind = kind, .format = fmt, .out = stdout};
    struct ops_err e;
    int rc = ops_export(&s, &x, &e);
    ops_close(&s);
    if (rc != OPS_OK)
        return cli_report(&e);
    if (x.write_errno == EPIPE)
        die_of_closed_pipe();
    if (x.write_errno) {
        cli_error(_("writing the export failed: %s"), strerror(x.write_errno));
        return EXIT_REFUSED;
    }
    return EXIT_OK;
}

int cli_export(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("export");
    const char *what = NULL, *format = "csv";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (argv[i][0] == '-')
            return cli_usage_error(env, "export", _("unknown option \"%s\""), argv[i]);
        else if (!what)
            what = argv[i];
        else
            return cli_usage_error(env, "export", _("unexpected argument \"%s\""), argv[i]);
    }
    if (!what)
        return cli_usage_error(env, "export", _("what to export is missing"));
    int fmt = export_format_parse(format);
    if (fmt < 0)
        return cli_usage_error(env, "export", _("--format must be csv or text, got \"%s\""),
                               format);
    if (strcmp(what, "workload") == 0)        /* the ABK table, src/cli/workload.c */
        return cli_export_workload(env, fmt == EXPORT_CSV, stdout);
    int kind = import_kind_parse(what);
    if (kind < 0)
        return cli_usage_error(env, "export",
                               _("cannot export \"%s\" (units, positions, staff or workload)"),
                               what);
    return run_export(env, (enum import_kind)kind, (enum export_format)fmt);
}
