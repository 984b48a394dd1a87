/* mutasi plan submit|verify|review|approve|return|reject|cancel|step|
 * strike|issue-sk|apply: the approval route from the command line,
 * through ops/approval.h; and the timeline and decree of `plan show`.
 * Refusals are the route's sentence on stderr and exit 1. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/approval.h"
#include "ops/objection.h"

struct route_args {
    const char *pos[3];
    int npos;
    const char *note, *reason, *number, *date, *tmt, *signer;
};

static int parse_route(const struct ops_env *env, int argc, char **argv, const char *allowed,
                       struct route_args *a)
{
    static const char *const names[] = {"--note", "--reason", "--number", "--date", "--tmt",
                                        "--signer"};
    struct cli_args c;
    int rc = cli_parse_args(env, "plan", argc, argv, 2, names, 6, allowed, 3, &c);
    if (rc != EXIT_OK)
        return rc;
    memcpy(a->pos, c.pos, sizeof a->pos);
    a->npos = c.npos;
    const char **slots[] = {&a->note, &a->reason, &a->number, &a->date, &a->tmt, &a->signer};
    for (int k = 0; k < 6; k++)
        *slots[k] = c.val[k];
    return EXIT_OK;
}

static int route_date(const struct ops_env *env, const char *opt, const char *s, mdate *out)
{
    if (!s)
        return cli_usage_error(env, "plan", _("plan issue-sk needs %s YYYY-MM-DD"), opt);
    if (date_parse(s, strlen(s), out) != 0)
        return cli_usage_error(env, "plan", _("%s must be a date YYYY-MM-DD, got \"%s\""), opt, s);
    return EXIT_OK;
}

/* Opens the session for a change; prints and returns EXIT_REFUSED when it
 * cannot. */
static int open_write(const struct ops_env *env, struct ops *o)
{
    return cli_open(o, env, OPS_WRITE);
}

static int done(struct ops *o, int rc, const struct ops_err *e)
{
    if (rc != OPS_OK)
        cli_error("%s", e->msg);
    ops_close(o);
    return rc == OPS_OK ? EXIT_OK : EXIT_REFUSED;
}

/* submit, verify, review, approve, return, reject, cancel, step STEP. */
static int route_step(const struct ops_env *env, int argc, char **argv)
{
    struct route_args a;
    bool generic = strcmp(argv[1], "step") == 0;
    int rc = parse_route(env, argc, argv, "--note --reason", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != (generic ? 2 : 1))
        return cli_usage_error(env, "plan", generic ? _("plan step needs a plan ID and a STEP")
                                                    : _("plan %s needs a plan ID"), argv[1]);
    if (a.note && a.reason)
        return cli_usage_error(env, "plan", "%s", _("give --note or --reason, not both"));
    uint32_t id;
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    if (open_write(env, &o) != EXIT_OK)
        return EXIT_REFUSED;
    const char *verb = generic ? a.pos[1] : argv[1];
    const struct wf_step *s = ops_route_step(&o.cfg->workflow, verb);
    if (!s) {
        ops_fail(&e, _("the approval route (workflow.yaml) has no step for \"%s\""), verb);
        return done(&o, OPS_REFUSED, &e);
    }
    struct ops_step_req rq = {.plan = id, .step = s->name, .note = a.reason ? a.reason : a.note};
    rc = ops_plan_step(&o, &rq, &e);
    if (rc == OPS_OK)
        printf(_("plan %u: %s, now %s\n"), (unsigned)id, s->name, s->to);
    return done(&o, rc, &e);
}

/* strike, object, answer: one move of a plan (ID NIP) with a text; the
 * reason of a strike is asked for by the action, the others' here. */
static int route_move(const struct ops_env *env, int argc, char **argv)
{
    bool strike = strcmp(argv[1], "strike") == 0, answer = strcmp(argv[1], "answer") == 0;
    struct route_args a;
    char nip[NIP_LEN + 1];
    uint32_t id;
    int rc = parse_route(env, argc, argv, "--reason", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 2)
        return cli_usage_error(env, "plan", _("plan %s needs a plan ID and a NIP"), argv[1]);
    if (!strike && !a.reason)
        return cli_usage_error(env, "plan", _("plan %s needs --reason TEXT"), argv[1]);
    if ((rc = cli_plan_nip_args(env, a.pos[0], a.pos[1], &id, nip)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    if (open_write(env, &o) != EXIT_OK)
        return EXIT_REFUSED;
    rc = strike   ? ops_plan_strike(&o, id, nip, a.reason, 0, &e)
         : answer ? ops_plan_answer(&o, id, nip, a.reason, 0, &e)
                  : ops_plan_object(&o, id, nip, a.reason, 0, &e);
    if (rc == OPS_OK) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(nip, shown);
        printf(strike   ? _("plan %u: the move of %s is struck\n")
               : answer ? _("plan %u: the objection to the move of %s is answered\n")
                        : _("plan %u: an objection to the move of %s is recorded\n"),
               (unsigned)id, shown);
    }
    return done(&o, rc, &e);
}

static int route_issue_sk(const struct ops_env *env, int argc, char **argv)
{
    struct route_args a;
    char signer[NIP_LEN + 1];
    uint32_t id;
    struct ops_sk_req rq = {0};
    int rc = parse_route(env, argc, argv, "--number --date --tmt --signer --note", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 1)
        return cli_usage_error(env, "plan", _("plan %s needs a plan ID"), argv[1]);
    if (!a.number)
        return cli_usage_error(env, "plan", "%s", _("plan issue-sk needs --number N"));
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK ||
        (rc = route_date(env, "--date", a.date, &rq.date)) != EXIT_OK ||
        (rc = route_date(env, "--tmt", a.tmt, &rq.tmt)) != EXIT_OK)
        return rc;
    if (!a.signer)
        return cli_usage_error(env, "plan", "%s",
                               _("plan issue-sk needs --signer NIP (the signing official)"));
    if (cli_nip_arg(a.signer, signer) != EXIT_OK)
        return EXIT_REFUSED;
    rq.plan = id;
    rq.number = a.number;
    rq.signer_nip = signer;
    rq.note = a.note;
    struct ops o;
    struct ops_err e;
    if (open_write(env, &o) != EXIT_OK)
        return EXIT_REFUSED;
    rc = ops_plan_issue_sk(&o, &rq, &e);
    if (rc == OPS_OK)
        printf(_("plan %u: SK %s issued, TMT %s\n"), (unsigned)id, a.number, a.tmt);
    return done(&o, rc, &e);
}

static int route_apply(const struct ops_env *env, int argc, char **argv)
{
    struct route_args a;
    uint32_t id;
    int rc = parse_route(env, argc, argv, "", &a);
    if (rc != EXIT_OK)
        return rc;
    if (a.npos != 1)
        return cli_usage_error(env, "plan", _("plan %s needs a plan ID"), argv[1]);
    if ((rc = cli_plan_id_arg(env, "plan", a.pos[0], &id)) != EXIT_OK)
        return rc;
    struct ops o;
    struct ops_err e;
    struct ops_apply_result r;
    if (open_write(env, &o) != EXIT_OK)
        return EXIT_REFUSED;
    rc = ops_plan_apply(&o, id, 0, &r, &e);
    if (rc == OPS_OK)
        printf(ngettext("plan %u took effect: %zu move written into the staff records, "
                        "%zu struck\n",
                        "plan %u took effect: %zu moves written into the staff records, "
                        "%zu struck\n", r.applied),
               (unsigned)id, r.applied, r.struck);
    return done(&o, rc, &e);
}

static const struct {
    const char *name;
    cli_verb_fn fn;
} route_subs[] = {
    {"submit", route_step}, {"verify", route_step}, {"review", route_step},
    {"approve", route_step}, {"return", route_step}, {"reject", route_step},
    {"cancel", route_step}, {"step", route_step}, {"strike", route_move},
    {"object", route_move}, {"answer", route_move},
    {"issue-sk", route_issue_sk}, {"apply", route_apply},
};

cli_verb_fn cli_plan_route(const char *action)
{
    for (size_t i = 0; i < sizeof route_subs / sizeof *route_subs; i++)
        if (strcmp(action, route_subs[i].name) == 0)
            return route_subs[i].fn;
    return NULL;
}

/* --- plan show: the decree and the timeline -------------------------------- */

void cli_show_route(const struct ops_plan_view *v)
{
    const struct plan_sk *sk = &v->plan.sk;
    if (sk->number[0]) {
        char date[DATE_LABEL_SIZE], tmt[DATE_LABEL_SIZE], shown[NIP_FMT_LEN + 1];
        date_label(sk->date, date);
        date_label(sk->tmt, tmt);
        nip_format(sk->signer_nip, shown);
        printf("\n%s\n", _("decree (SK):"));
        printf(_("  number %s, dated %s, TMT %s\n"), sk->number, date, tmt);
        printf(_("  signed by %s, NIP %s\n"), sk->signer_name, shown);
        printf("  %s\n", sk->signer_title);
    }
    printf("\n%s\n", _("timeline:"));
    if (v->ntimeline == 0)
        printf("  %s\n", _("no step taken yet"));
    for (size_t i = 0; i < v->ntimeline; i++) {
        const struct wf_event *ev = &v->timeline[i];
        char when[OPS_WHEN_SIZE];
        ops_when_label(ev->at, OPS_WHEN_SHORT, when);
        printf("  %s  %-10s %-12s %s\n", when, ev->step, ev->user, ev->note);
    }
}
