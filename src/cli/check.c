/* mutasi check NIP TARGET-POSITION [--own-request]: every rule's verdict
 * for one move, a line each, then the summary. Exit 0 when allowed (with
 * or without warnings), 1 when blocked or the person/position is unknown. */
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"

static void print_verdicts(const struct verdict *v, size_t n, int summary)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int len = (int)strlen(rule_id_name(v[i].rule));
        if (len > w)
            w = len;
    }
    for (size_t i = 0; i < n; i++)
        printf("%-*s  %-5s  %s\n", w, rule_id_name(v[i].rule),
               verdict_result_name(v[i].result), v[i].reason);
    printf("%s\n", move_summary_label(summary));
}

/* NIP, TARGET and --own-request in any order. Returns an exit status. */
static int parse_args(const struct ops_env *env, int argc, char **argv, const char *args[2],
                      bool *own_request)
{
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--own-request") == 0)
            *own_request = true;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error(env, "check", _("unknown option \"%s\""), argv[i]);
        else if (nargs < 2)
            args[nargs++] = argv[i];
        else
            return cli_usage_error(env, "check", _("too many arguments"));
    }
    if (nargs != 2)
        return cli_usage_error(env, "check", _("a NIP and a target position are needed"));
    return EXIT_OK;
}

int cli_check(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("check");
    const char *args[2];
    bool own_request = false;
    int rc = parse_args(env, argc, argv, args, &own_request);
    if (rc != EXIT_OK)
        return rc;
    char nip[NIP_LEN + 1];
    if (cli_nip_arg(args[0], nip) != EXIT_OK)
        return EXIT_REFUSED;
    struct ops o;
    if ((rc = cli_open(&o, env, OPS_READ)) != EXIT_OK)
        return rc;
    struct ops_move_check c;
    struct ops_err e;
    rc = ops_check_move(&o, nip, args[1], own_request, &c, &e);
    ops_close(&o);
    if (rc != OPS_OK)
        return cli_report(&e);
    print_verdicts(c.v, c.n, c.summary);
    if (fflush(stdout) != 0)
        return EXIT_REFUSED;
    return c.summary == MOVE_BLOCKED ? EXIT_REFUSED : EXIT_OK;
}
