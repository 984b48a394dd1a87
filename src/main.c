/* mutasi: argument parsing and dispatch to a command-line verb or the TUI. */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "ui/ui.h"

static int dir_has_catalog(const char *dir)
{
    char path[PATH_MAX + 64];
    struct stat st;
    snprintf(path, sizeof path, "%s/id/LC_MESSAGES/mutasi.mo", dir);
    return stat(path, &st) == 0;
}

/* The catalogues: $MUTASI_LOCALEDIR, else beside the binary (a build
 * tree), else the installed LOCALEDIR. */
/* The locale the environment names may not be installed on the server:
 * SSH carries the client's LANG (id_ID.UTF-8) to a machine that has only
 * C.UTF-8. Then keep UTF-8 and the language the user asked for, rather than
 * falling back to English in ASCII. */
static void setup_locale(void)
{
    if (setlocale(LC_ALL, ""))
        return;
    const char *want = NULL;
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof *names && !want; i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            want = v;
    }
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "C");
    const char *language = getenv("LANGUAGE");
    if (!want || (language && *language))
        return;
    char lang[16];
    size_t n = strcspn(want, "_.@");
    if (n == 0 || n >= sizeof lang)
        return;
    memcpy(lang, want, n);
    lang[n] = '\0';
    setenv("LANGUAGE", lang, 1);
}

static void setup_i18n(void)
{
    static char dir[PATH_MAX];
    const char *env = secure_getenv("MUTASI_LOCALEDIR");
    const char *chosen = LOCALEDIR;
    setup_locale();
    if (env && *env) {
        chosen = env;
    } else {
        char exe[PATH_MAX - 16];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash)
                *slash = '\0';
            snprintf(dir, sizeof dir, "%s/locale", exe);
            if (dir_has_catalog(dir))
                chosen = dir;
            else {
                snprintf(dir, sizeof dir, "%s/../locale", exe);
                if (dir_has_catalog(dir))
                    chosen = dir;
            }
        }
    }
    bindtextdomain("mutasi", chosen);
    textdomain("mutasi");
}

/* Takes "--NAME VALUE" or "--NAME=VALUE" out of argv wherever it stands.
 * Returns 1 when found, -1 when the value is missing. */
static int take_option(int *argc, char **argv, const char *name, const char **value)
{
    size_t n = strlen(name);
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        int consumed = 0;
        if (strcmp(argv[i], name) == 0) {
            if (i + 1 >= *argc)
                return -1;
            *value = argv[i + 1];
            consumed = 2;
        } else if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') {
            *value = argv[i] + n + 1;
            consumed = 1;
        }
        if (consumed) {
            memmove(&argv[i], &argv[i + consumed],
                    (size_t)(*argc - i - consumed + 1) * sizeof *argv);
            *argc -= consumed;
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    setup_i18n();
    struct ops_env env = {.progname = "mutasi"};
    const char *db = NULL, *config = NULL;
    if (take_option(&argc, argv, "--db", &db) < 0 ||
        take_option(&argc, argv, "--config", &config) < 0) {
        cli_error(_("--db and --config need a directory"));
        return EXIT_USAGE;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("mutasi %s\n", MUTASI_VERSION);
        return EXIT_OK;
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        cli_print_usage(stdout);
        ui_print_options(stdout);
        return EXIT_OK;
    }
    /* A broken users.yaml stops every verb but those that must still work:
     * a verb's --help, and `policy check`, which reports it in full. */
    /* Before any ui.yaml is read: its key bindings name these actions. */
    ui_register_actions();
    struct ops_err e;
    int rc = ops_env_resolve(&env, db, config, &e);
    if (env.ignored[0])
        cli_warn(_("installed set-group-id, mutasi ignores %s: the database is %s and the "
                   "configuration %s"), env.ignored, env.db_dir, env.config_dir);
    if (rc == OPS_USAGE) {
        cli_error("%s", e.msg);
        return EXIT_USAGE;
    }
    if (rc != OPS_OK &&
        !(argc >= 2 && (strcmp(argv[1], "policy") == 0 || cli_wants_help(argc, argv)))) {
        fputs(e.msg, stderr);
        return EXIT_REFUSED;
    }
    cli_fault_handlers(env.db_dir ? env.db_dir : "");
    /* No verb, or only the TUI's own options: open the TUI. */
    if (argc < 2 || strncmp(argv[1], "--", 2) == 0)
        return ui_run(&env, argc, argv);
    if (argv[1][0] == '-') {
        return cli_usage_error(&env, NULL, _("unknown option \"%s\""), argv[1]);
    }
    const struct cli_verb *v = cli_find_verb(argv[1]);
    if (!v)
        return cli_usage_error(&env, NULL, _("unknown verb \"%s\""), argv[1]);
    return v->run(&env, argc - 1, argv + 1);
}
