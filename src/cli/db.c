/* Verbs on the database as a whole: init and backup. */
#include <stdio.h>
#include "cli/cli.h"
#include "core/i18n.h"

int cli_init(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("init");
    if (argc > 1)
        return cli_usage_error(env, "init", _("unexpected argument \"%s\""), argv[1]);
    struct ops o;
    int rc = cli_open(&o, env, OPS_CREATE);
    if (rc != EXIT_OK)
        return rc;
    struct ops_err e;
    bool created;
    unsigned from = 0;
    rc = ops_init(&o, &created, &e);
    bool migrated = rc == OPS_OK && store_was_migrated(o.db, &from);
    ops_close(&o);
    if (rc != OPS_OK)
        return cli_report(&e);
    if (migrated)
        fprintf(stderr, _("mutasi: upgraded the database in %s from schema %u to %u\n"),
                env->db_dir, from, (unsigned)STORE_SCHEMA_VERSION);
    else if (created)
        fprintf(stderr, _("mutasi: created an empty database in %s\n"), env->db_dir);
    else
        fprintf(stderr, _("mutasi: a database already exists in %s; left as it is\n"),
                env->db_dir);
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
    struct ops o;
    int rc = cli_open(&o, env, OPS_WRITE);
    if (rc != EXIT_OK)
        return rc;
    struct ops_err e;
    rc = ops_backup(&o, argv[1], &e);
    ops_close(&o);
    if (rc != OPS_OK)
        return cli_report(&e);
    fprintf(stderr, _("mutasi: backup written to %s\n"), argv[1]);
    return EXIT_OK;
}
