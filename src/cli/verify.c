/* The verify verb: every database walked for damage (ops_verify). */
#include <stdio.h>
#include "cli/cli.h"
#include "core/i18n.h"

static void print_damage(const char *db, const char *key, const char *what, void *ctx)
{
    (void)ctx;
    if (*key)
        printf(_("%s: key \"%s\": %s\n"), db, key, what);
    else
        printf("%s: %s\n", db, what);
}

int cli_verify(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("verify");
    if (argc > 1)
        return cli_usage_error(env, "verify", _("unexpected argument \"%s\""), argv[1]);
    struct ops_verify_cb cb = {print_damage};
    struct ops_err e;
    size_t n = 0;
    if (ops_verify(env, &cb, NULL, &n, &e) != OPS_OK)
        return cli_report(&e);
    fflush(stdout);
    if (n == 0) {
        printf("%s\n", _("no damage found: every record and index entry reads back whole"));
        return EXIT_OK;
    }
    cli_error(ngettext("%zu damaged entry or database found; restore the last good backup "
                       "(mutasi backup DEST wrote it: stop mutasi, move the damaged directory "
                       "away and copy the backup's data.mdb in its place)",
                       "%zu damaged entries or databases found; restore the last good backup "
                       "(mutasi backup DEST wrote it: stop mutasi, move the damaged directory "
                       "away and copy the backup's data.mdb in its place)",
                       n),
              n);
    return EXIT_REFUSED;
}
