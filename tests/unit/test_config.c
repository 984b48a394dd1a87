/* The YAML configuration loaders: the shipped defaults, and the exact
 * "file:line:col: message" of each kind of mistake. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "config/config.h"
#include "core/policy.h"
#include "core/vocab.h"

/* A complete policy, one group a line where it fits, so that the line and
 * column of every value below is plain to see. */
static const char good_policy[] =
    "workload:\n"                                                         /* 1 */
    "  effective_minutes: 75000\n"                                        /* 2 */
    "  rounding: half-up\n"                                               /* 3 */
    "  ej_bands: {a_above: 1.00, b_from: 0.90, c_from: 0.70, d_from: 0.50}\n"
    "retirement_age: {jpt: 60, administrasi: 58, ahli_pertama: 58, ahli_muda: 58,"
    " ahli_madya: 60, ahli_utama: 65, keterampilan: 58,"
    " by_job_family: {pendidikan: 60}, by_position: {}}\n"               /* 5 */
    "status: {severity: block, allow_pppk: false}\n"                      /* 6 */
    "tenure:\n"                                                           /* 7 */
    "  severity: block\n"                                                 /* 8 */
    "  min_months: 24\n"                                                  /* 9 */
    "  rotation_months: 60\n"                                             /* 10 */
    "first_placement: {severity: block, years: 5}\n"                      /* 11 */
    "retirement: {severity: block, months: 12}\n"                         /* 12 */
    "discipline: {severity: block, blocked_from: sedang, leave_severity: block}\n"
    "performance: {severity: block, min_predikat: baik, years: 2}\n"      /* 14 */
    "fit: {severity: block, competency_severity: warn}\n"                 /* 15 */
    "need: {severity: block, origin_margin: 0}\n"                         /* 16 */
    "plan: {severity: block, max_moves_out: 10, max_moves_in: 10}\n"      /* 17 */
    "optimiser: {move_cost: 10, district_cost: 5, home_bonus: 3,"
    " competency_cost: 2, max_moves: 0}\n";                               /* 18 */

static char text_buf[8192];

/* good_policy with the first `from` replaced by `to`. */
static const char *with(const char *from, const char *to)
{
    const char *at = strstr(good_policy, from);
    assert_non_null(at);
    snprintf(text_buf, sizeof text_buf, "%.*s%s%s", (int)(at - good_policy), good_policy,
             to, at + strlen(from));
    return text_buf;
}

static char errors_out[8192];

static const char *errors_text(const struct config_errors *e)
{
    memset(errors_out, 0, sizeof errors_out);
    FILE *f = fmemopen(errors_out, sizeof errors_out - 1, "w");
    assert_non_null(f);
    config_errors_print(e, f);
    fclose(f);
    return errors_out;
}

/* Parses text as policy.yaml and returns the error text ("" when good). */
static const char *policy_errors(const char *text)
{
    struct policy p;
    struct config_errors e = {0};
    int rc = config_parse_policy("policy.yaml", (const unsigned char *)text, strlen(text),
                                 &p, &e);
    assert_int_equal(rc, e.n ? -1 : 0);
    return errors_text(&e);
}

static void assert_policy_equal(const struct policy *a, const struct policy *b)
{
    assert_int_equal(a->effective_minutes, b->effective_minutes);
    assert_int_equal(a->rounding, b->rounding);
    assert_int_equal(a->ej_a_above, b->ej_a_above);
    assert_int_equal(a->ej_b_from, b->ej_b_from);
    assert_int_equal(a->balanced_within, b->balanced_within);
    assert_int_equal(a->ej_c_from, b->ej_c_from);
    assert_int_equal(a->ej_d_from, b->ej_d_from);
    assert_int_equal(a->bup.jpt, b->bup.jpt);
    assert_int_equal(a->bup.administrasi, b->bup.administrasi);
    assert_int_equal(a->bup.ahli_pertama, b->bup.ahli_pertama);
    assert_int_equal(a->bup.ahli_muda, b->bup.ahli_muda);
    assert_int_equal(a->bup.ahli_madya, b->bup.ahli_madya);
    assert_int_equal(a->bup.ahli_utama, b->bup.ahli_utama);
    assert_int_equal(a->bup.keterampilan, b->bup.keterampilan);
    assert_int_equal(a->bup.by_family.n, b->bup.by_family.n);
    assert_int_equal(a->bup.by_position.n, b->bup.by_position.n);
    for (int i = 0; i < a->bup.by_family.n; i++) {
        assert_string_equal(a->bup.by_family.e[i].key, b->bup.by_family.e[i].key);
        assert_int_equal(a->bup.by_family.e[i].years, b->bup.by_family.e[i].years);
    }
    for (int i = 0; i < a->bup.by_position.n; i++) {
        assert_string_equal(a->bup.by_position.e[i].key, b->bup.by_position.e[i].key);
        assert_int_equal(a->bup.by_position.e[i].years, b->bup.by_position.e[i].years);
    }
    assert_int_equal(a->status.severity, b->status.severity);
    assert_int_equal(a->status.allow_pppk, b->status.allow_pppk);
    assert_int_equal(a->tenure.severity, b->tenure.severity);
    assert_int_equal(a->tenure.min_months, b->tenure.min_months);
    assert_int_equal(a->tenure.rotation_months, b->tenure.rotation_months);
    assert_int_equal(a->first_placement.severity, b->first_placement.severity);
    assert_int_equal(a->first_placement.years, b->first_placement.years);
    assert_int_equal(a->retirement.severity, b->retirement.severity);
    assert_int_equal(a->retirement.months, b->retirement.months);
    assert_int_equal(a->discipline.severity, b->discipline.severity);
    assert_int_equal(a->discipline.blocked_from, b->discipline.blocked_from);
    assert_int_equal(a->discipline.leave_severity, b->discipline.leave_severity);
    assert_int_equal(a->performance.severity, b->performance.severity);
    assert_int_equal(a->performance.min_predikat, b->performance.min_predikat);
    assert_int_equal(a->performance.years, b->performance.years);
    assert_int_equal(a->fit.severity, b->fit.severity);
    assert_int_equal(a->fit.competency_severity, b->fit.competency_severity);
    assert_int_equal(a->need.severity, b->need.severity);
    assert_int_equal(a->need.origin_margin, b->need.origin_margin);
    assert_int_equal(a->plan.severity, b->plan.severity);
    assert_int_equal(a->plan.max_moves_out, b->plan.max_moves_out);
    assert_int_equal(a->plan.max_moves_in, b->plan.max_moves_in);
    assert_int_equal(a->optimiser.move_cost, b->optimiser.move_cost);
    assert_int_equal(a->optimiser.district_cost, b->optimiser.district_cost);
    assert_int_equal(a->optimiser.home_bonus, b->optimiser.home_bonus);
    assert_int_equal(a->optimiser.competency_cost, b->optimiser.competency_cost);
    assert_int_equal(a->optimiser.max_moves, b->optimiser.max_moves);
}

/* ---- the shipped files --------------------------------------------- */

static void shipped_policy_is_the_default(void **state)
{
    (void)state;
    struct policy file, def;
    struct config_errors e = {0};
    memset(&file, 0x5a, sizeof file);
    int rc = config_load_policy("config/policy.yaml", &file, &e);
    if (rc != 0)
        fail_msg("%s", errors_text(&e));
    policy_defaults(&def);
    assert_policy_equal(&file, &def);
    /* and the compact text of these tests says the same */
    assert_string_equal(policy_errors(good_policy), "");
    struct policy compact;
    e.n = 0;
    assert_int_equal(config_parse_policy("p", (const unsigned char *)good_policy,
                                         strlen(good_policy), &compact, &e), 0);
    assert_policy_equal(&compact, &def);
}

static void assert_workflow_equal(const struct workflow_config *a,
                                  const struct workflow_config *b)
{
    assert_int_equal(a->nstates, b->nstates);
    for (int i = 0; i < a->nstates; i++)
        assert_string_equal(a->states[i], b->states[i]);
    assert_int_equal(a->nsteps, b->nsteps);
    for (int i = 0; i < a->nsteps; i++) {
        const struct wf_step *x = &a->steps[i], *y = &b->steps[i];
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->to, y->to);
        assert_int_equal(x->roles, y->roles);
        assert_int_equal(x->needs_reason, y->needs_reason);
        assert_int_equal(x->checks_plan, y->checks_plan);
        assert_int_equal(x->strikes_moves, y->strikes_moves);
        assert_int_equal(x->issues_sk, y->issues_sk);
        assert_int_equal(x->takes_effect, y->takes_effect);
        assert_int_equal(x->nfrom, y->nfrom);
        for (int j = 0; j < x->nfrom; j++)
            assert_string_equal(x->from[j], y->from[j]);
    }
    assert_int_equal(a->nsod, b->nsod);
    for (int i = 0; i < a->nsod; i++) {
        assert_string_equal(a->sod[i].a, b->sod[i].a);
        assert_string_equal(a->sod[i].b, b->sod[i].b);
    }
}

static const struct wf_step *find_step(const struct workflow_config *w, const char *name)
{
    for (int i = 0; i < w->nsteps; i++)
        if (strcmp(w->steps[i].name, name) == 0)
            return &w->steps[i];
    return NULL;
}

static void shipped_workflow_is_the_design_route(void **state)
{
    (void)state;
    struct workflow_config file, def;
    struct config_errors e = {0};
    if (config_load_workflow("config/workflow.yaml", &file, &e) != 0)
        fail_msg("%s", errors_text(&e));
    config_workflow_defaults(&def);
    assert_workflow_equal(&file, &def);
    assert_int_equal(file.nstates, 9);
    assert_string_equal(file.states[0], "DRAFT");
    const struct wf_step *s = find_step(&file, "verify");
    assert_non_null(s);
    assert_int_equal(s->nfrom, 1);
    assert_string_equal(s->from[0], "SUBMITTED");
    assert_string_equal(s->to, "VERIFIED");
    assert_int_equal(s->roles, ROLE_VERIFIER);
    s = find_step(&file, "reject");
    assert_non_null(s);
    assert_true(s->needs_reason);
    assert_int_equal(s->nfrom, 3);
    assert_string_equal(s->to, "REJECTED");
    s = find_step(&file, "cancel");
    assert_non_null(s);
    assert_int_equal(s->roles, ROLE_OPERATOR | ROLE_ADMIN);
    /* whoever drafted or submitted may not verify, review or approve */
    assert_int_equal(file.nsod, 6);
    static const char *const firsts[] = {"draft", "submit"};
    static const char *const seconds[] = {"verify", "review", "approve"};
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 3; b++) {
            int found = 0;
            for (int i = 0; i < file.nsod; i++)
                found += strcmp(file.sod[i].a, firsts[a]) == 0 &&
                         strcmp(file.sod[i].b, seconds[b]) == 0;
            assert_int_equal(found, 1);
        }
    /* the flags: one step each for the SK and taking effect */
    assert_true(find_step(&file, "submit")->checks_plan);
    assert_true(find_step(&file, "verify")->strikes_moves);
    assert_true(find_step(&file, "review")->strikes_moves);
    assert_false(find_step(&file, "approve")->strikes_moves);
    assert_true(find_step(&file, "issue_sk")->issues_sk);
    assert_true(find_step(&file, "apply")->takes_effect);
    int sk = 0, effect = 0;
    for (int i = 0; i < file.nsteps; i++) {
        sk += file.steps[i].issues_sk;
        effect += file.steps[i].takes_effect;
    }
    assert_int_equal(sk, 1);
    assert_int_equal(effect, 1);
}

static void shipped_users_and_ui(void **state)
{
    (void)state;
    struct users_config u;
    struct config_errors e = {0};
    if (config_load_users("config/users.yaml", &u, &e) != 0)
        fail_msg("%s", errors_text(&e));
    assert_false(u.trust_env_user);
    assert_int_equal(u.n, 5);
    assert_string_equal(u.database, "");
    assert_int_equal(config_roles_of(&u, "ani"), ROLE_OPERATOR);
    assert_int_equal(config_roles_of(&u, "dedi"), ROLE_APPROVER);
    assert_int_equal(config_roles_of(&u, "eka"), ROLE_ADMIN | ROLE_OPERATOR);
    assert_int_equal(config_roles_of(&u, "mallory"), 0);
    /* not trusted: MUTASI_USER is ignored */
    setenv("MUTASI_USER", "dedi", 1);
    assert_string_equal(config_effective_user(&u, "ani"), "ani");
    u.trust_env_user = true;
    assert_string_equal(config_effective_user(&u, "ani"), "dedi");
    unsetenv("MUTASI_USER");
    assert_string_equal(config_effective_user(&u, "ani"), "ani");
    config_users_free(&u);

    struct ui_config ui;
    if (config_load_ui("config/ui.yaml", &ui, &e) != 0)
        fail_msg("%s", errors_text(&e));
    assert_string_equal(ui.language, "auto");
    assert_true(ui.color);
    assert_int_equal(ui.nbindings, 0);
}

/* ---- each kind of mistake, with its exact message --------------------- */

static void syntax_error(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  min_months: 24\n", "  min_months: [24\n")),
                        "policy.yaml:10:18: syntax error: did not find expected ',' or ']' "
                        "(while parsing a flow sequence at line 9, column 15)\n");
}

static void duplicate_key(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  rotation_months: 60\n",
                                           "  rotation_months: 60\n  min_months: 12\n")),
                        "policy.yaml:11:3: duplicate key \"min_months\" (first at line 9)\n");
}

static void alias_and_anchor(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("need: {severity: block, origin_margin: 0}",
                                           "need: {severity: &s block, origin_margin: *s}")),
                        "policy.yaml:16:18: anchors (&s) are not allowed\n"
                        "policy.yaml:16:43: aliases (*s) are not allowed\n");
}

static void two_documents(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s---\nworkload: {}\n", good_policy);
    assert_string_equal(policy_errors(text),
                        "policy.yaml:19:1: a second YAML document; a configuration file holds one\n");
}

static void unknown_key_with_suggestion(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  rotation_months: 60\n",
                                           "  rotation_months: 60\n  min_month: 3\n")),
                        "policy.yaml:11:3: unknown key \"min_month\" in tenure; "
                        "did you mean \"min_months\"?\n");
    assert_string_equal(policy_errors(with("optimiser:", "optimizer:")),
                        "policy.yaml:1:1: optimiser is missing (a mapping of settings)\n"
                        "policy.yaml:18:1: unknown key \"optimizer\"; did you mean \"optimiser\"?\n");
    /* nothing close: no guess */
    assert_string_equal(policy_errors(with("fit: {", "fit: {colour: red, ")),
                        "policy.yaml:15:7: unknown key \"colour\" in fit\n");
}

static void wrong_type(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: two")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"two\"\n");
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: [24]")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got a list\n");
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months:")),
                        "policy.yaml:9:14: tenure.min_months must be a number from 0 to 480, "
                        "got nothing\n");
    assert_string_equal(policy_errors(with("status: {severity: block, allow_pppk: false}",
                                           "status: 3")),
                        "policy.yaml:6:9: status must be a mapping (key: value lines), "
                        "got \"3\"\n");
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: 0x18")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"0x18\"\n");
}

static void out_of_range(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: 481")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"481\"\n");
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: -1")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"-1\"\n");
    assert_string_equal(policy_errors(with("  min_months: 24",
                                           "  min_months: 99999999999999999999")),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"99999999999999999999\"\n");
    assert_string_equal(policy_errors(with("b_from: 0.90", "b_from: 0.905")),
                        "policy.yaml:4:37: workload.ej_bands.b_from must be a decimal from "
                        "0.00 to 10.00, got \"0.905\"\n");
    assert_string_equal(policy_errors(with("b_from: 0.90", "b_from: 1.5")),
                        "policy.yaml:4:13: workload.ej_bands must not increase: "
                        "a_above >= b_from >= c_from >= d_from\n");
    /* balanced_within: optional (files written before it), in range */
    assert_string_equal(policy_errors(with("  rounding: half-up\n", "  rounding: half-up\n"
                                                                   "  balanced_within: 2\n")), "");
    assert_string_equal(policy_errors(with("  rounding: half-up\n", "  rounding: half-up\n"
                                                                   "  balanced_within: -1\n")),
                        "policy.yaml:4:20: workload.balanced_within must be a number from 0 "
                        "to 100000, got \"-1\"\n");
    assert_string_equal(policy_errors(with("home_bonus: 3", "home_bonus: 10")),
                        "policy.yaml:18:12: optimiser.home_bonus must be less than "
                        "optimiser.move_cost (10), got 10\n");
    /* the staff's wishes: optional (files written before them), in range,
     * and a wished move keeps a positive cost */
    assert_string_equal(policy_errors(with("competency_cost: 2,",
                                           "competency_cost: 2, prefer_bonus: 6,"
                                           " avoid_cost: 0,")), "");
    assert_string_equal(policy_errors(with("competency_cost: 2,",
                                           "competency_cost: 2, prefer_bonus: 7,")),
                        "policy.yaml:18:12: optimiser.home_bonus + optimiser.prefer_bonus "
                        "must be less than optimiser.move_cost (10), got 3 + 7\n");
    assert_string_equal(policy_errors(with("competency_cost: 2,",
                                           "competency_cost: 2, avoid_cost: lots,")),
                        "policy.yaml:18:93: optimiser.avoid_cost must be a number from 0 "
                        "to 1000000, got \"lots\"\n");
}

/* Retirement-age overrides: a map of names to ages, each age in range, a
 * list is refused, {} is none. */
static void bup_overrides(void **state)
{
    (void)state;
    struct policy p;
    struct config_errors e = {0};
    const char *t = with("by_position: {}", "by_position: {GURU-01: 62, SD-KEPSEK: 60}");
    assert_int_equal(config_parse_policy("policy.yaml", (const unsigned char *)t, strlen(t),
                                         &p, &e), 0);
    assert_int_equal(p.bup.by_family.n, 1);
    assert_string_equal(p.bup.by_family.e[0].key, "pendidikan");
    assert_int_equal(p.bup.by_family.e[0].years, 60);
    assert_int_equal(p.bup.by_position.n, 2);
    assert_string_equal(p.bup.by_position.e[1].key, "SD-KEPSEK");
    assert_int_equal(p.bup.by_position.e[0].years, 62);
    const char *err = policy_errors(with("pendidikan: 60", "pendidikan: 71"));
    if (!strstr(err, "retirement_age.by_job_family.pendidikan must be a number from 50 to 70, "
                     "got \"71\""))
        fail_msg("%s", err);
    err = policy_errors(with("by_position: {}", "by_position: [GURU-01]"));
    if (!strstr(err, "retirement_age.by_position must be a mapping"))
        fail_msg("%s", err);
}

static void tags_and_nul_refused(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  min_months: 24", "  min_months: !!int 24")),
                        "policy.yaml:9:15: tags (tag:yaml.org,2002:int) are not allowed\n");
    assert_string_equal(policy_errors(with("allow_pppk: false", "allow_pppk: \"true\\0\"")),
                        "policy.yaml:6:39: a NUL character is not allowed\n");
}

static void booleans_only_true_false(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("allow_pppk: false", "allow_pppk: yes")),
                        "policy.yaml:6:39: status.allow_pppk must be true or false, got \"yes\"\n");
    assert_string_equal(policy_errors(with("allow_pppk: false", "allow_pppk: True")),
                        "policy.yaml:6:39: status.allow_pppk must be true or false, got \"True\"\n");
}

static void severities_and_vocabulary(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("fit: {severity: block", "fit: {severity: blocked")),
                        "policy.yaml:15:17: fit.severity must be one of block, warn or off, "
                        "got \"blocked\"\n");
    assert_string_equal(policy_errors(with("min_predikat: baik", "min_predikat: bagus")),
                        "policy.yaml:14:46: performance.min_predikat must be one of "
                        "sangat-baik, baik, butuh-perbaikan, kurang or sangat-kurang, "
                        "got \"bagus\"\n");
    assert_string_equal(policy_errors(with("blocked_from: sedang", "blocked_from: none")),
                        "policy.yaml:13:45: discipline.blocked_from must be one of ringan, "
                        "sedang or berat, got \"none\"\n");
    assert_string_equal(policy_errors(with("rounding: half-up", "rounding: down")),
                        "policy.yaml:3:13: workload.rounding must be one of half-up or up, "
                        "got \"down\"\n");
    /* core's parser knows the variants of a vocabulary word */
    struct policy p;
    struct config_errors e = {0};
    const char *t = with("min_predikat: baik", "min_predikat: sangat-baik");
    assert_int_equal(config_parse_policy("p", (const unsigned char *)t, strlen(t), &p, &e), 0);
    assert_int_equal(p.performance.min_predikat, SKP_SANGAT_BAIK);
}

static void invalid_utf8(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  rotation_months: 60\n",
                                           "  rotation_months: 60 # caf\xc3\xa9 \xff\n")),
                        "policy.yaml:10:30: not valid UTF-8 (invalid leading UTF-8 octet)\n");
}

static void missing_key_and_file(void **state)
{
    (void)state;
    assert_string_equal(policy_errors(with("  rotation_months: 60\n", "")),
                        "policy.yaml:8:3: tenure.rotation_months is missing "
                        "(a number from 0 to 480)\n");
    assert_string_equal(policy_errors(""), "policy.yaml: empty; expected the policy settings\n");
    struct policy p;
    struct config_errors e = {0};
    assert_int_equal(config_load_policy("tests/fixtures/config/nosuch/policy.yaml", &p, &e), -1);
    assert_string_equal(errors_text(&e), "tests/fixtures/config/nosuch/policy.yaml: "
                                         "cannot read: No such file or directory\n");
}

static void every_error_reported_and_nothing_filled(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s", with("  min_months: 24", "  min_months: two"));
    char *at = strstr(text, "years: 5");
    memcpy(at, "yeers: 5", 8);
    at = strstr(text, "max_moves_in: 10");
    memcpy(at, "max_moves_in: 1x", 16);
    struct policy p;
    memset(&p, 0x5a, sizeof p);
    struct policy before = p;
    struct config_errors e = {0};
    assert_int_equal(config_parse_policy("policy.yaml", (const unsigned char *)text,
                                         strlen(text), &p, &e), -1);
    assert_int_equal(e.n, 4);
    assert_string_equal(errors_text(&e),
                        "policy.yaml:9:15: tenure.min_months must be a number from 0 to 480, "
                        "got \"two\"\n"
                        "policy.yaml:11:18: first_placement.years is missing "
                        "(a number from 0 to 40)\n"
                        "policy.yaml:11:36: unknown key \"yeers\" in first_placement; "
                        "did you mean \"years\"?\n"
                        "policy.yaml:17:58: plan.max_moves_in must be a number from 0 to "
                        "100000, got \"1x\"\n");
    assert_memory_equal(&p, &before, sizeof p);
}

static void too_many_errors_are_counted(void **state)
{
    (void)state;
    char text[8192] = "";
    for (int i = 0; i < 40; i++) {
        char line[32];
        snprintf(line, sizeof line, "k%d: 1\n", i);
        strcat(text, line);
    }
    struct policy p;
    struct config_errors e = {0};
    assert_int_equal(config_parse_policy("policy.yaml", (const unsigned char *)text,
                                         strlen(text), &p, &e), -1);
    assert_int_equal(e.n, 40 + 12);             /* 40 unknown, 12 groups missing */
    assert_non_null(strstr(errors_text(&e), "... and 20 more errors\n"));
}

static void deep_nesting_is_refused(void **state)
{
    (void)state;
    char text[256];
    memset(text, '[', 100);
    text[100] = '\0';
    assert_string_equal(policy_errors(text),
                        "policy.yaml:1:33: nesting deeper than 32 levels\n");
}

/* ---- workflow, users, ui --------------------------------------------- */

static const char small_route[] =
    "states: [DRAFT, SUBMITTED, DONE]\n"                                  /* 1 */
    "steps:\n"                                                            /* 2 */
    "  submit: {from: [DRAFT], to: SUBMITTED, roles: [operator], issues_sk: true,"
    " needs_reason: false}\n"                                              /* 3 */
    "  approve: {from: [SUBMITTED], to: DONE, roles: [approver], takes_effect: true,"
    " needs_reason: false}\n"                                              /* 4 */
    "separation_of_duties: [[submit, approve]]\n";                        /* 5 */

static const char *workflow_errors(const char *text, struct workflow_config *w)
{
    struct config_errors e = {0};
    int rc = config_parse_workflow("workflow.yaml", (const unsigned char *)text,
                                   strlen(text), w, &e);
    assert_int_equal(rc, e.n ? -1 : 0);
    return errors_text(&e);
}

static const char *route_with(const char *from, const char *to)
{
    const char *at = strstr(small_route, from);
    assert_non_null(at);
    snprintf(text_buf, sizeof text_buf, "%.*s%s%s", (int)(at - small_route), small_route,
             to, at + strlen(from));
    return text_buf;
}

static void workflow_validation(void **state)
{
    (void)state;
    struct workflow_config w;
    assert_string_equal(workflow_errors(small_route, &w), "");
    assert_int_equal(w.nsteps, 2);
    assert_int_equal(w.nsod, 1);
    assert_string_equal(w.steps[1].to, "DONE");
    assert_string_equal(workflow_errors(route_with("to: DONE", "to: DNOE"), &w),
                        "workflow.yaml:4:36: steps.approve.to: unknown state \"DNOE\"; "
                        "did you mean \"DONE\"?\n");
    assert_string_equal(workflow_errors(route_with("from: [DRAFT]", "from: [START]"), &w),
                        "workflow.yaml:3:19: steps.submit.from: unknown state \"START\" "
                        "(not in states)\n");
    assert_string_equal(workflow_errors(route_with("[approver]", "[aprover]"), &w),
                        "workflow.yaml:4:50: steps.approve.roles: unknown role \"aprover\"; "
                        "did you mean \"approver\"?\n");
    assert_string_equal(workflow_errors(route_with("[[submit, approve]]",
                                                   "[[submit, aprove], [draft]]"), &w),
                        "workflow.yaml:5:33: separation_of_duties: unknown step \"aprove\"; "
                        "did you mean \"approve\"?\n"
                        "workflow.yaml:5:42: separation_of_duties: each item must be a pair "
                        "of steps [a, b], got a list of another length\n");
    assert_string_equal(workflow_errors(route_with("DONE]", "DONE, DRAFT]"), &w),
                        "workflow.yaml:1:34: states: \"DRAFT\" is listed twice\n");
    assert_string_equal(workflow_errors(route_with(", needs_reason: false}\n  approve",
                                                   "}\n  approve"), &w),
                        "workflow.yaml:3:11: steps.submit.needs_reason is missing\n");
}

/* The flags of a step: optional booleans; one step issues the SK and one
 * takes effect, never the same one. */
static void workflow_flags(void **state)
{
    (void)state;
    struct workflow_config w;
    assert_string_equal(workflow_errors(small_route, &w), "");
    assert_true(w.steps[0].issues_sk);
    assert_false(w.steps[0].takes_effect);
    assert_false(w.steps[0].checks_plan);
    assert_false(w.steps[0].strikes_moves);
    assert_true(w.steps[1].takes_effect);
    assert_string_equal(workflow_errors(route_with("issues_sk: true", "issues_sk: yes"), &w),
                        "workflow.yaml:3:72: steps.submit.issues_sk must be true or false, "
                        "got \"yes\"\n");
    assert_string_equal(workflow_errors(route_with("issues_sk: true,", "issue_sk: true,"), &w),
                        "workflow.yaml:2:1: steps: one step must have issues_sk: true (the "
                        "step that issues the SK)\n"
                        "workflow.yaml:3:61: unknown key \"issue_sk\" in steps.submit; "
                        "did you mean \"issues_sk\"?\n");
    assert_string_equal(workflow_errors(route_with("takes_effect: true", "issues_sk: true"), &w),
                        "workflow.yaml:2:1: steps: one step must have takes_effect: true (the "
                        "step that takes effect on the TMT)\n"
                        "workflow.yaml:4:72: steps.approve.issues_sk: only one step issues "
                        "the SK, and submit does already\n");
    assert_string_equal(workflow_errors(route_with("issues_sk: true,",
                                                   "issues_sk: true, takes_effect: true,"), &w),
                        "workflow.yaml:3:92: steps.submit: one step cannot both issue the SK "
                        "and take effect on its TMT\n"
                        "workflow.yaml:4:75: steps.approve.takes_effect: only one step takes "
                        "effect on the TMT, and submit does already\n");
    assert_string_equal(workflow_errors(route_with("takes_effect: true,",
                                                   "takes_effect: true, strikes_moves: 1,"), &w),
                        "workflow.yaml:4:96: steps.approve.strikes_moves must be true or "
                        "false, got \"1\"\n");
}

static const char *users_errors(const char *text, struct users_config *u)
{
    struct config_errors e = {0};
    int rc = config_parse_users("users.yaml", (const unsigned char *)text, strlen(text),
                                "/etc/mutasi", u, &e);
    assert_int_equal(rc, e.n ? -1 : 0);
    return errors_text(&e);
}

static void users_validation(void **state)
{
    (void)state;
    struct users_config u;
    assert_string_equal(users_errors("trust_env_user: true\ndatabase: db\n"
                                     "users:\n  ani: [operator, verifier]\n  bo: []\n", &u), "");
    assert_true(u.trust_env_user);
    assert_string_equal(u.database, "/etc/mutasi/db");
    assert_int_equal(config_roles_of(&u, "ani"), ROLE_OPERATOR | ROLE_VERIFIER);
    assert_int_equal(config_roles_of(&u, "bo"), 0);
    config_users_free(&u);
    assert_string_equal(users_errors("database: /srv/m\nusers: {}\n", &u), "");
    assert_false(u.trust_env_user);
    assert_string_equal(u.database, "/srv/m");
    config_users_free(&u);
    assert_string_equal(users_errors("trust_env_user: yes\nusers:\n  ani: [operater]\n"
                                     "  \"a b\": [admin]\n  eka: admin\n", &u),
                        "users.yaml:1:17: trust_env_user must be true or false, got \"yes\"\n"
                        "users.yaml:3:9: users.ani: unknown role \"operater\"; "
                        "did you mean \"operator\"?\n"
                        "users.yaml:4:3: users: \"a b\" is not a Unix user name (letters, "
                        "digits, _ - . and at most 31 bytes)\n"
                        "users.yaml:5:8: users.eka must be a list ([a, b] or \"- a\" lines), "
                        "got \"admin\"\n");
    assert_string_equal(users_errors("trust_env_user: false\n", &u),
                        "users.yaml:1:1: users is missing\n");
}

static void ui_layers(void **state)
{
    (void)state;
    struct ui_config ui;
    config_ui_defaults(&ui);
    struct config_errors e = {0};
    const char *site = "language: id\nkeys: {quit: q, search: \"/\"}\n";
    const char *mine = "color: false\nkeys:\n  quit: [x, C-c]\n";
    assert_int_equal(config_parse_ui("site", (const unsigned char *)site, strlen(site), &ui, &e), 0);
    assert_int_equal(config_parse_ui("mine", (const unsigned char *)mine, strlen(mine), &ui, &e), 0);
    assert_string_equal(ui.language, "id");            /* from the site */
    assert_false(ui.color);                            /* from mine */
    assert_int_equal(ui.nbindings, 3);                 /* search /, quit x, quit C-c */
    int quit = 0;
    for (int i = 0; i < ui.nbindings; i++)
        if (strcmp(ui.bindings[i].action, "quit") == 0) {
            assert_true(strcmp(ui.bindings[i].key, "x") == 0 ||
                        strcmp(ui.bindings[i].key, "C-c") == 0);
            quit++;
        }
    assert_int_equal(quit, 2);
    const char *bad = "language: fr\ncolour: true\n";
    struct ui_config before = ui;
    assert_int_equal(config_parse_ui("ui.yaml", (const unsigned char *)bad, strlen(bad), &ui, &e), -1);
    assert_string_equal(errors_text(&e),
                        "ui.yaml:1:11: language must be one of id, en or auto, got \"fr\"\n"
                        "ui.yaml:2:1: unknown key \"colour\"; did you mean \"color\"?\n");
    assert_memory_equal(&ui, &before, sizeof ui);
}

/* config_load: the whole directory, and the user's ui.yaml over the site's. */
static void load_directory(void **state)
{
    (void)state;
    setenv("XDG_CONFIG_HOME", "/nonexistent-mutasi-test", 1);
    struct config c;
    struct config_errors e = {0};
    if (config_load("config", &c, &e) != 0)
        fail_msg("%s", errors_text(&e));
    assert_int_equal(c.policy.tenure.min_months, 24);
    assert_int_equal(c.workflow.nsteps, 9);
    assert_int_equal(c.users.n, 5);
    assert_string_equal(c.ui.language, "auto");
    config_free(&c);

    char cwd[4096], xdg[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(xdg, sizeof xdg, "%s/tests/fixtures/config/xdg", cwd);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    assert_int_equal(config_load("config", &c, &e), 0);
    assert_string_equal(c.ui.language, "en");
    assert_int_equal(c.ui.nbindings, 1);
    config_free(&c);

    /* the built-in defaults */
    setenv("XDG_CONFIG_HOME", "/nonexistent-mutasi-test", 1);
    assert_int_equal(config_load(NULL, &c, &e), 0);
    struct policy def;
    policy_defaults(&def);
    assert_policy_equal(&c.policy, &def);
    assert_int_equal(c.users.n, 0);
    config_free(&c);

    /* a broken directory: every file's errors, and out untouched */
    memset(&c, 0x5a, sizeof c);
    struct config before = c;
    assert_int_equal(config_load("tests/fixtures/config/bad", &c, &e), -1);
    assert_true(e.n >= 4);
    assert_memory_equal(&c, &before, sizeof c);
}

/* Tests find config/ and tests/fixtures/ from the top of the source tree. */
static void go_to_top(void)
{
    struct stat st;
    if (stat("config/policy.yaml", &st) == 0)
        return;
    const char *cfg = getenv("MUTASI_CONFIG");
    if (cfg) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/..", cfg);
        if (chdir(dir) == 0 && stat("config/policy.yaml", &st) == 0)
            return;
    }
    fprintf(stderr, "test_config: run from the top of the source tree\n");
    exit(1);
}

int main(void)
{
    go_to_top();
    unsetenv("MUTASI_USER");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_policy_is_the_default),
        cmocka_unit_test(shipped_workflow_is_the_design_route),
        cmocka_unit_test(shipped_users_and_ui),
        cmocka_unit_test(syntax_error),
        cmocka_unit_test(duplicate_key),
        cmocka_unit_test(alias_and_anchor),
        cmocka_unit_test(two_documents),
        cmocka_unit_test(unknown_key_with_suggestion),
        cmocka_unit_test(wrong_type),
        cmocka_unit_test(out_of_range),
        cmocka_unit_test(bup_overrides),
        cmocka_unit_test(tags_and_nul_refused),
        cmocka_unit_test(booleans_only_true_false),
        cmocka_unit_test(severities_and_vocabulary),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(missing_key_and_file),
        cmocka_unit_test(every_error_reported_and_nothing_filled),
        cmocka_unit_test(too_many_errors_are_counted),
        cmocka_unit_test(deep_nesting_is_refused),
        cmocka_unit_test(workflow_validation),
        cmocka_unit_test(workflow_flags),
        cmocka_unit_test(users_validation),
        cmocka_unit_test(ui_layers),
        cmocka_unit_test(load_directory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
