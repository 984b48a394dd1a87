/* The audit verb: print the log newest first, or verify its chain. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "core/i18n.h"

/* Fields are printed on one line: controls (tabs, newlines) become spaces
 * so that one entry is always one line and tabs separate the columns. */
static void put_field(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
}

static int print_entry(const struct audit_entry *e, void *ctx)
{
    FILE *f = ctx;
    char when[32] = "";
    time_t tt = (time_t)e->time;
    struct tm tm;
    if (gmtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(f, "%llu\t%s\t", (unsigned long long)e->seq, when);
    put_field(f, e->user);
    fputc('\t', f);
    put_field(f, e->action);
    fputc('\t', f);
    put_field(f, e->object);
    fputc('\t', f);
    if (*e->before || *e->after) {
        put_field(f, e->before);
        fputs(" -> ", f);
        put_field(f, e->after);
    }
    fputc('\n', f);
    return ferror(f) ? 1 : 0;
}

int cli_audit(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("audit");
    int verify = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verify") == 0)
            verify = 1;
        else if (argv[i][0] == '-')
            return cli_usage_error(env, "audit", _("unknown option \"%s\""), argv[i]);
        else
            return cli_usage_error(env, "audit", _("unexpected argument \"%s\""), argv[i]);
    }
    struct ops o;
    int rc = cli_open(&o, env, OPS_READ);
    if (rc != EXIT_OK)
        return rc;
    struct ops_err e;
    size_t n = 0;
    if (verify) {
        rc = ops_audit_verify(&o, &n, &e);
        if (rc == OPS_OK)
            printf(ngettext("audit chain intact: %zu entry\n", "audit chain intact: %zu entries\n",
                            n), n);
    } else {
        rc = ops_audit_each(&o, print_entry, stdout, &e);
        if (rc == OPS_STOPPED)
            rc = ops_fail(&e, "%s", _("cannot write the audit log"));
    }
    ops_close(&o);
    if (rc != OPS_OK)
        return cli_report(&e);
    if (fflush(stdout) != 0)
        return EXIT_REFUSED;
    return EXIT_OK;
}
