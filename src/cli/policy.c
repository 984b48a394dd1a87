/* mutasi policy check [DIR]: validates the YAML configuration and prints
 * what is in force. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "config/config.h"
#include "core/i18n.h"
#include "core/vocab.h"

static const char *severity_word(int s)
{
    switch (s) {
    case SEV_BLOCK: return "block";
    case SEV_WARN: return "warn";
    default: return "off";
    }
}

static void print_hundredths(const char *label, int v, const char *after)
{
    printf("%s %d.%02d%s", label, v / 100, v % 100, after);
}

/* "label none" or "label pendidikan 60, GURU-01 60". */
static void print_bup_overrides(const char *label, const struct bup_overrides *o)
{
    printf("%s", label);
    if (o->n == 0)
        printf(" %s", _("none"));
    for (int i = 0; i < o->n; i++)
        printf("%s %s %d", i ? "," : "", o->e[i].key, o->e[i].years);
    printf("\n");
}

static void print_workload(const struct policy *p)
{
    printf(_("workload: %lld minutes of effective time a year (%lld hours), rounding %s\n"),
           (long long)p->effective_minutes, (long long)(p->effective_minutes / 60),
           p->rounding == ROUND_UP ? "up" : "half-up");
    printf("%s", _("EJ grades:"));
    print_hundredths(_(" A above"), p->ej_a_above, ",");
    print_hundredths(_(" B"), p->ej_b_from, "");
    print_hundredths(" -", p->ej_a_above, ",");
    print_hundredths(_(" C"), p->ej_c_from, "");
    print_hundredths(" -", p->ej_b_from - 1, ",");
    print_hundredths(_(" D"), p->ej_d_from, "");
    print_hundredths(" -", p->ej_c_from - 1, ",");
    print_hundredths(_(" E below"), p->ej_d_from, "\n");
    printf(_("retirement age (BUP): jpt %d, administrasi %d, ahli pertama %d, ahli muda %d, "
             "ahli madya %d, ahli utama %d, keterampilan %d\n"),
           p->bup.jpt, p->bup.administrasi, p->bup.ahli_pertama, p->bup.ahli_muda,
           p->bup.ahli_madya, p->bup.ahli_utama, p->bup.keterampilan);
    print_bup_overrides(_("retirement age by job family (fungsional):"), &p->bup.by_family);
    print_bup_overrides(_("retirement age by position:"), &p->bup.by_position);
}

static void print_rules(const struct policy *p)
{
    printf(_("rule status: %s; PPPK may move: %s\n"), severity_word(p->status.severity),
           p->status.allow_pppk ? _("yes") : _("no"));
    printf(_("rule tenure: %s; at least %d months in post; rotation candidate after %d months\n"),
           severity_word(p->tenure.severity), p->tenure.min_months, p->tenure.rotation_months);
    printf(_("rule first_placement: %s; no own-request move within %d years of PNS appointment\n"),
           severity_word(p->first_placement.severity), p->first_placement.years);
    printf(_("rule retirement: %s; no move within %d months of BUP\n"),
           severity_word(p->retirement.severity), p->retirement.months);
    printf(_("rule discipline: %s; a penalty from %s up blocks; study leave, CLTN, service bond: %s\n"),
           severity_word(p->discipline.severity), discipline_name(p->discipline.blocked_from),
           severity_word(p->discipline.leave_severity));
    printf(_("rule performance: %s; SKP at least %s in each of the last %d years\n"),
           severity_word(p->performance.severity), skp_name(p->performance.min_predikat),
           p->performance.years);
    printf(_("rule fit: %s; competency gaps: %s\n"), severity_word(p->fit.severity),
           severity_word(p->fit.competency_severity));
    printf(_("rule need: %s; the origin may fall %d below its need\n"),
           severity_word(p->need.severity), p->need.origin_margin);
    printf(_("rule plan: %s; at most %d moves out of and %d into one unit per plan\n"),
           severity_word(p->plan.severity), p->plan.max_moves_out, p->plan.max_moves_in);
    printf(_("optimiser: move %d, district change %d, home district bonus %d, "
             "per competency level %d, moves per run %d (0 = no cap)\n"),
           p->optimiser.move_cost, p->optimiser.district_cost, p->optimiser.home_bonus,
           p->optimiser.competency_cost, p->optimiser.max_moves);
    printf(_("optimiser, the staff's wishes: preferred place bonus %d, avoided place cost %d\n"),
           p->optimiser.prefer_bonus, p->optimiser.avoid_cost);
}

static void print_roles(unsigned roles)
{
    const char *sep = "";
    for (unsigned bit = 1; bit <= ROLE_ADMIN; bit <<= 1)
        if (roles & bit) {
            printf("%s%s", sep, role_name(bit));
            sep = ", ";
        }
}

static void print_workflow(const struct workflow_config *w)
{
    printf(_("workflow: %d states, %d steps\n"), w->nstates, w->nsteps);
    for (int i = 0; i < w->nsteps; i++) {
        const struct wf_step *s = &w->steps[i];
        printf(_("step %s: "), s->name);
        for (int j = 0; j < s->nfrom; j++)
            printf("%s%s", j ? ", " : "", s->from[j]);
        printf(" -> %s, ", s->to);
        printf("%s", _("by "));
        print_roles(s->roles);
        if (s->needs_reason)
            printf("%s", _(", with a reason"));
        if (s->checks_plan)
            printf("%s", _(", refused while a move is blocked"));
        if (s->strikes_moves)
            printf("%s", _(", may strike single moves"));
        if (s->issues_sk)
            printf("%s", _(", issues the SK"));
        if (s->takes_effect)
            printf("%s", _(", takes effect on the TMT"));
        printf("\n");
    }
    printf("%s", _("separation of duties:"));
    for (int i = 0; i < w->nsod; i++)
        printf(_("%s whoever took %s may not take %s"), i ? ";" : "", w->sod[i].a, w->sod[i].b);
    printf("%s\n", w->nsod ? "" : _(" none"));
}

static void print_summary(const char *dir, const struct config *c)
{
    if (dir)
        printf(_("configuration: %s\n"), dir);
    else
        printf("%s\n", _("configuration: built-in defaults (no configuration directory)"));
    print_workload(&c->policy);
    print_rules(&c->policy);
    print_workflow(&c->workflow);
    printf(_("users: %zu, MUTASI_USER trusted: %s\n"), c->users.n,
           c->users.trust_env_user ? _("yes") : _("no"));
    printf(_("database: %s\n"), c->users.database[0] ? c->users.database : _("(not set)"));
    printf(_("ui: language %s, colour %s, %d key bindings\n"), c->ui.language,
           c->ui.color ? _("on") : _("off"), c->ui.nbindings);
}

int cli_policy(const struct ops_env *env, int argc, char **argv)
{
    if (cli_wants_help(argc, argv))
        return cli_print_verb_help("policy");
    if (argc < 2 || strcmp(argv[1], "check") != 0)
        return cli_usage_error(env, "policy", "%s", _("policy needs the word check"));
    if (argc > 3)
        return cli_usage_error(env, "policy", "%s", _("too many arguments"));
    const char *dir = argc == 3 ? argv[2] : env->config_dir;
    struct config c;
    struct config_errors errs = {0};
    if (config_load(dir, &c, &errs) != 0) {
        config_errors_print(&errs, stderr);
        fprintf(stderr, ngettext("mutasi: %d error in the configuration\n",
                                 "mutasi: %d errors in the configuration\n",
                                 (unsigned long)errs.n), errs.n);
        return EXIT_REFUSED;
    }
    print_summary(dir, &c);
    config_free(&c);
    return EXIT_OK;
}
