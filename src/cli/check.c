/* mutasi check NIP TARGET-POSITION [--own-request]: every rule's verdict
 * for one move, a line each, then the summary. Exit 0 when allowed (with
 * or without warnings), 1 when blocked or the person/position is unknown. */
#include <string.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "core/rules.h"
#include "core/workload.h"

static int count_one(const struct staff *s, void *ctx)
{
    (void)s;
    (*(int64_t *)ctx)++;
    return 0;
}

/* A position's need and the number of people holding it. */
static int figures(stxn *t, const struct position *pos, const struct policy *p,
                   struct wl_row *out)
{
    out->workload_minutes = pos->workload_minutes;
    out->need = wl_need(pos->workload_minutes, pos->need, p);
    out->existing = 0;
    return store_each_staff_in_position(t, pos->code, count_one, &out->existing);
}

struct lookup {
    struct staff person;
    struct position origin, target;
    bool has_origin;
    struct wl_row origin_fig, target_fig;
};

/* Everything the rules need, read in one transaction. */
static int read_move(const struct ops_env *env, const char *nip, const char *target,
                     const struct policy *p, struct lookup *lk)
{
    store *s;
    stxn *t = cli_open_read(env, STORE_READONLY, &s);
    int rc = EXIT_OK;
    if (!t)
        return EXIT_REFUSED;
    if (store_get_staff(t, nip, &lk->person) != STORE_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        cli_error(_("no staff with NIP %s"), shown);
        rc = EXIT_REFUSED;
    } else if (store_get_position(t, target, &lk->target) != STORE_OK) {
        cli_error(_("no position with code \"%s\""), target);
        rc = EXIT_REFUSED;
    } else if (strcmp(lk->person.position, target) == 0) {
        cli_error(_("%s already holds position %s"), lk->person.name, target);
        rc = EXIT_REFUSED;
    } else {
        lk->has_origin = lk->person.position[0] &&
                         store_get_position(t, lk->person.position, &lk->origin) == STORE_OK;
        if (figures(t, &lk->target, p, &lk->target_fig) < 0 ||
            (lk->has_origin && figures(t, &lk->origin, p, &lk->origin_fig) < 0)) {
            cli_error(_("could not read the database: %s"), store_errmsg(s));
            rc = EXIT_REFUSED;
        }
    }
    store_read_end(t);
    store_close(s);
    return rc;
}

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

int cli_check(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("check");
    const char *args[2];
    int nargs = 0;
    bool own_request = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--own-request") == 0)
            own_request = true;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error(env, "check", _("unknown option \"%s\""), argv[i]);
        else if (nargs < 2)
            args[nargs++] = argv[i];
        else
            return cli_usage_error(env, "check", _("too many arguments"));
    }
    if (nargs != 2)
        return cli_usage_error(env, "check", _("a NIP and a target position are needed"));
    char nip[NIP_LEN + 1];
    enum nip_error ne = nip_parse(args[0], strlen(args[0]), nip);
    if (ne != NIP_OK) {
        cli_error(_("\"%s\" is not a NIP: %s"), args[0], nip_error_text(ne));
        return EXIT_REFUSED;
    }
    struct policy p;
    int rc = cli_load_policy(env, &p);
    if (rc != EXIT_OK)
        return rc;
    struct lookup lk;
    memset(&lk, 0, sizeof lk);
    rc = read_move(env, nip, args[1], &p, &lk);
    if (rc != EXIT_OK)
        return rc;
    struct move_input m = {
        .person = &lk.person,
        .origin = lk.has_origin ? &lk.origin : NULL,
        .target = &lk.target,
        .origin_fig = lk.origin_fig,
        .target_fig = lk.target_fig,
        .own_request = own_request,
        .today = env->today,
    };
    struct verdict v[RULE_COUNT];
    size_t n = rules_check_move(&m, &p, v);
    int summary = rules_summary(v, n);
    print_verdicts(v, n, summary);
    if (fflush(stdout) != 0)
        return EXIT_REFUSED;
    return summary == MOVE_BLOCKED ? EXIT_REFUSED : EXIT_OK;
}
