/* mutasi: argument parsing and dispatch to a command-line verb or the TUI. */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "config/config.h"
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
static void setup_i18n(void)
{
    static char dir[PATH_MAX];
    const char *env = getenv("MUTASI_LOCALEDIR");
    const char *chosen = LOCALEDIR;
    setlocale(LC_ALL, "");
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

static const char *unix_user(void)
{
    struct passwd *pw = getpwuid(geteuid());
    if (pw && pw->pw_name)
        return pw->pw_name;
    const char *u = getenv("USER");
    return u && *u ? u : "unknown";
}

static int resolve_today(mdate *out)
{
    const char *s = getenv("MUTASI_TODAY");
    if (s && *s)
        return date_parse(s, strlen(s), out);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    *out = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return 0;
}

static const char *resolve_config_dir(const char *opt)
{
    struct stat st;
    if (opt)
        return opt;
    const char *env = getenv("MUTASI_CONFIG");
    if (env && *env)
        return env;
    if (stat("config", &st) == 0 && S_ISDIR(st.st_mode))
        return "config";
    if (stat(SYSCONFDIR, &st) == 0 && S_ISDIR(st.st_mode))
        return SYSCONFDIR;
    return NULL;
}

/* The database: --db, else $MUTASI_DB, else database: in users.yaml of
 * the configuration, else ./var/mutasi. Returns -1 (errs filled) when
 * users.yaml must be read and is wrong. */
static int resolve_db_dir(const char *opt, const char *config_dir, const char **out,
                          struct config_errors *errs)
{
    static char from_config[sizeof ((struct users_config *)0)->database];
    struct stat st;
    char path[PATH_MAX];
    *out = "var/mutasi";
    if (opt) {
        *out = opt;
        return 0;
    }
    const char *env = getenv("MUTASI_DB");
    if (env && *env) {
        *out = env;
        return 0;
    }
    if (!config_dir)
        return 0;
    snprintf(path, sizeof path, "%s/users.yaml", config_dir);
    if (stat(path, &st) != 0)
        return 0;
    struct users_config u;
    if (config_load_users(path, &u, errs) != 0)
        return -1;
    if (u.database[0]) {
        memcpy(from_config, u.database, sizeof from_config);
        *out = from_config;
    }
    config_users_free(&u);
    return 0;
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
    struct ops_env env = {.progname = "mutasi", .user = unix_user()};
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
    if (resolve_today(&env.today) != 0) {
        cli_error(_("MUTASI_TODAY must be a date YYYY-MM-DD, got \"%s\""),
                  getenv("MUTASI_TODAY"));
        return EXIT_USAGE;
    }
    env.config_dir = resolve_config_dir(config);
    /* A broken users.yaml stops every verb but those that must still work:
     * a verb's --help, and `policy check`, which reports it in full. */
    struct config_errors errs = {0};
    if (resolve_db_dir(db, env.config_dir, &env.db_dir, &errs) != 0 &&
        !(argc >= 2 && (strcmp(argv[1], "policy") == 0 || cli_wants_help(argc, argv)))) {
        config_errors_print(&errs, stderr);
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
