/* mutasi demo [--staff N] [--seed S]: parses, then ops_demo fills the
 * database; progress goes to stderr when it is a terminal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "ops/demo.h"
#include "core/i18n.h"
#include "gen/gen.h"

struct progress {
    bool shown;
};

static void show_progress(uint64_t written, uint32_t total, void *ctx)
{
    ((struct progress *)ctx)->shown = true;
    fputc('\r', stderr);
    fprintf(stderr, _("demo: %llu of %u staff written"), (unsigned long long)written,
            (unsigned)total);
    fflush(stderr);
}

/* A whole decimal number from lo to hi, nothing else. */
static int parse_count(const char *s, unsigned long long lo, unsigned long long hi,
                       unsigned long long *out)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* The value of --NAME V or --NAME=V at argv[*i]; NULL when argv[*i] is
 * another option. *i is advanced past the value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    *missing = 0;
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

/* A few plans in different states (ops/demo.h); a configuration that
 * does not load leaves the region without plans, with a warning. */
static void demo_plans(const struct ops_env *env)
{
    struct ops po;
    struct ops_err pe;
    size_t made = 0;
    if (ops_open(&po, env, OPS_WRITE, &pe) != OPS_OK) {
        cli_warn(_("demo: no plans made: %s"), pe.msg);
        return;
    }
    if (ops_demo_plans(&po, &made, &pe) != OPS_OK)
        cli_warn(_("demo: no plans made: %s"), pe.msg);
    else
        fprintf(stderr, ngettext("demo: %zu plan in an approval state\n",
                                 "demo: %zu plans in different approval states\n", made),
                made);
    ops_close(&po);
}

int cli_demo(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("demo");
    unsigned long long staff = GEN_DEFAULT_STAFF, seed = GEN_DEFAULT_SEED;
    bool with_plans = true;
    for (int i = 1; i < argc; i++) {
        int missing;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--staff", &missing)) || missing) {
            if (missing || parse_count(v, 1, GEN_MAX_STAFF, &staff) < 0)
                return cli_usage_error(env, "demo", _("--staff needs a number from 1 to %u"),
                                       (unsigned)GEN_MAX_STAFF);
        } else if ((v = option_value(argc, argv, &i, "--seed", &missing)) || missing) {
            if (missing || parse_count(v, 0, UINT64_MAX, &seed) < 0)
                return cli_usage_error(env, "demo", _("--seed needs a whole number from 0 to %llu"),
                                       (unsigned long long)UINT64_MAX);
        } else if (strcmp(argv[i], "--no-plans") == 0) {
            with_plans = false;
        } else {
            return cli_usage_error(env, "demo", _("unexpected argument \"%s\""), argv[i]);
        }
    }

    struct policy policy;
    struct ops_err e;
    if (ops_demo_policy(env, &policy, &e) != OPS_OK) {
        cli_error("%s", e.msg);
        return EXIT_REFUSED;
    }
    struct ops o;
    if (cli_open(&o, env, OPS_CREATE) != EXIT_OK)
        return EXIT_REFUSED;
    struct progress pr = {false};
    struct ops_demo req = {.seed = seed, .staff = (uint32_t)staff, .policy = &policy, .ctx = &pr,
                           .progress = isatty(STDERR_FILENO) ? show_progress : NULL};
    int rc = ops_demo(&o, &req, &e);
    ops_close(&o);
    if (pr.shown)
        fputc('\n', stderr);
    if (req.warning[0])
        cli_warn("%s", req.warning);
    if (rc != OPS_OK)
        return cli_report(&e);
    fprintf(stderr, _("demo: %llu units, %llu positions, %llu staff in %u kabupaten/kota "
                      "written to %s\n"),
            (unsigned long long)req.units, (unsigned long long)req.positions,
            (unsigned long long)req.staff_written, (unsigned)req.kabupaten, env->db_dir);
    if (with_plans)
        demo_plans(env);
    return EXIT_OK;
}
