/* Shared pieces of the verbs: messages, usage errors, opening the store. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
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

store *cli_open_store(const struct ops_env *env, int flags)
{
    char err[640];
    store *s = store_open(env->db_dir, flags, err, sizeof err);
    if (!s)
        cli_error("%s", err);
    return s;
}

stxn *cli_open_read(const struct ops_env *env, int flags, store **out)
{
    store *s = cli_open_store(env, flags);
    if (!s)
        return NULL;
    stxn *t = store_read_begin(s);
    if (!t) {
        cli_error("%s", store_errmsg(s));
        store_close(s);
        return NULL;
    }
    *out = s;
    return t;
}
