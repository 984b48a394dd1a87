/* Shared pieces of the verbs: messages, usage errors, opening the store. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "core/i18n.h"

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
    fputs("mutasi: ", stderr);
    if (prefix)
        fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(NULL, fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(_("warning: "), fmt, ap);
    va_end(ap);
}

const struct cli_verb *cli_find_verb(const char *name)
{
    for (const struct cli_verb *v = cli_verbs; v->name; v++)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

int cli_usage_error(const struct ops_env *env, const char *verb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(NULL, fmt, ap);
    va_end(ap);
    const struct cli_verb *v = verb ? cli_find_verb(verb) : NULL;
    if (v)
        fprintf(stderr, _("usage: %s %s\n"), env->progname, v->usage);
    else
        fprintf(stderr, _("Try '%s --help'.\n"), env->progname);
    return EXIT_USAGE;
}

int cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

int cli_print_verb_help(const char *verb)
{
    const struct cli_verb *v = cli_find_verb(verb);
    if (!v)
        return EXIT_USAGE;
    printf(_("usage: mutasi %s\n"), v->usage);
    printf("\n%s\n", _(v->summary));
    if (v->help)
        printf("\n%s", _(v->help));
    return EXIT_OK;
}

void cli_print_usage(FILE *f)
{
    fprintf(f, _("usage: mutasi [--db DIR] [--config DIR] [VERB ARGS...]\n"));
    fprintf(f, _("Without a verb, mutasi opens the terminal interface.\n\n"));
    fprintf(f, _("Verbs:\n"));
    for (const struct cli_verb *v = cli_verbs; v->name; v++) {
        if (strlen(v->usage) <= 40)
            fprintf(f, "  %-40s %s\n", v->usage, _(v->summary));
        else    /* a long synopsis gets its own line */
            fprintf(f, "  %s\n  %-40s %s\n", v->usage, "", _(v->summary));
    }
    fprintf(f, _("\n'mutasi VERB --help' describes one verb. Exit status: 0 success,\n"
                 "1 refused or failed validation, 2 wrong usage.\n"));
}

int cli_report(const struct ops_err *e)
{
    const char *line = e->msg;
    for (const char *nl; (nl = strchr(line, '\n')) && nl[1]; line = nl + 1)
        fprintf(stderr, "%.*s\n", (int)(nl - line), line);
    size_t len = strcspn(line, "\n");
    cli_error("%.*s", (int)len, line);
    return EXIT_REFUSED;
}

int cli_open(struct ops *o, const struct ops_env *env, int mode)
{
    struct ops_err e;
    if (ops_open(o, env, mode, &e) != OPS_OK)
        return cli_report(&e);
    return EXIT_OK;
}

void cli_csv_minutes(int64_t when, char out[CLI_CSV_MINUTES_SIZE])
{
    time_t tt = (time_t)when;
    struct tm tm;
    if (!localtime_r(&tt, &tm) ||
        strftime(out, CLI_CSV_MINUTES_SIZE, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(out, CLI_CSV_MINUTES_SIZE, "%lld", (long long)when);
}
