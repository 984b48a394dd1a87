/* Verbs on the database as a whole: init and backup. */
#include <stdio.h>
#include "cli/cli.h"
#include "core/i18n.h"

struct audit_note {
    const struct ops_env *env;
    const char *action, *object, *before, *after;
};

static int append_note(stxn *t, void *ctx)
{
    const struct audit_note *n = ctx;
    return store_audit_append(t, n->env->user, n->action, n->object, n->before, n->after);
}

int cli_init(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("init");
    if (argc > 1)
        return cli_usage_error(env, "init", _("unexpected argument \"%s\""), argv[1]);
    store *s = cli_open_store(env, STORE_CREATE);
    if (!s)
        return EXIT_REFUSED;
    unsigned from = 0;
    if (store_was_migrated(s, &from)) {
        fprintf(stderr, _("mutasi: upgraded the database in %s from schema %u to %u\n"),
                env->db_dir, from, (unsigned)STORE_SCHEMA_VERSION);
        store_close(s);
        return EXIT_OK;
    }
    if (!store_was_created(s)) {
        fprintf(stderr, _("mutasi: a database already exists in %s; left as it is\n"),
                env->db_dir);
        store_close(s);
        return EXIT_OK;
    }
    char after[32];
    snprintf(after, sizeof after, "schema %d", STORE_SCHEMA_VERSION);
    struct audit_note n = {env, "init", env->db_dir, "", after};
    int r = store_write(s, append_note, &n);
    if (r != STORE_OK) {
        cli_error("%s", store_errmsg(s));
        store_close(s);
        return EXIT_REFUSED;
    }
    fprintf(stderr, _("mutasi: created an empty database in %s\n"), env->db_dir);
    store_close(s);
    return EXIT_OK;
}

int cli_backup(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("backup");
    if (argc != 2)
        return cli_usage_error(env, "backup", argc < 2 ? _("the destination directory is missing")
                                                       : _("too many arguments"));
    if (argv[1][0] == '-')
        return cli_usage_error(env, "backup", _("unknown option \"%s\""), argv[1]);
    store *s = cli_open_store(env, 0);
    if (!s)
        return EXIT_REFUSED;
    int r = store_backup(s, argv[1]);
    if (r == STORE_OK) {
        /* A copy of personal data left the live database: record who took it. */
        struct audit_note n = {env, "backup", argv[1], "", ""};
        r = store_write(s, append_note, &n);
    }
    if (r != STORE_OK) {
        cli_error("%s", store_errmsg(s));
        store_close(s);
        return EXIT_REFUSED;
    }
    fprintf(stderr, _("mutasi: backup written to %s\n"), argv[1]);
    store_close(s);
    return EXIT_OK;
}
