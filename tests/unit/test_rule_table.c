/* The rule table: every rule once and in order, the scopes the design
 * gives them, and the fast paths of the person and target rules agreeing
 * with the full rules on many generated people, targets and figures under
 * generated policies. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/i18n.h"
#include "core/rules.h"

static void every_rule_once_in_order(void **state)
{
    (void)state;
    int seen[RULE_COUNT] = {0};
    for (int i = 0; i < RULE_COUNT; i++) {
        const struct rule_def *r = &rule_table[i];
        assert_int_equal(r->id, i);
        assert_true(r->id >= 0 && r->id < RULE_COUNT);
        seen[r->id]++;
        assert_non_null(r->judge);
        assert_non_null(r->name);
        assert_true(r->name[0] != '\0');
        assert_true(r->label[0] != '\0');
        assert_string_equal(rule_id_name(i), r->name);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(rule_table[j].name, r->name);
    }
    for (int i = 0; i < RULE_COUNT; i++)
        assert_int_equal(seen[i], 1);
    assert_string_equal(rule_id_name(RULE_COUNT), "");
}

static void scopes_as_designed(void **state)
{
    (void)state;
    static const int person[] = {RULE_STATUS, RULE_TENURE, RULE_FIRST_PLACEMENT,
                                 RULE_RETIREMENT, RULE_DISCIPLINE, RULE_LEAVE,
                                 RULE_PERFORMANCE};
    static const int target[] = {RULE_FIT, RULE_COMPETENCY, RULE_NEED_TARGET,
                                 RULE_NEED_ORIGIN};
    static const int plan[] = {RULE_PLAN_ONCE, RULE_PLAN_OVERFILL, RULE_PLAN_MOVES_OUT,
                               RULE_PLAN_MOVES_IN};
    for (size_t i = 0; i < sizeof person / sizeof *person; i++)
        assert_int_equal(rule_table[person[i]].scope, RULE_SCOPE_PERSON);
    for (size_t i = 0; i < sizeof target / sizeof *target; i++)
        assert_int_equal(rule_table[target[i]].scope, RULE_SCOPE_TARGET);
    for (size_t i = 0; i < sizeof plan / sizeof *plan; i++)
        assert_int_equal(rule_table[plan[i]].scope, RULE_SCOPE_PLAN);
    assert_int_equal(sizeof person / sizeof *person + sizeof target / sizeof *target +
                         sizeof plan / sizeof *plan,
                     RULE_COUNT);
    /* A fast path for every rule: many are judged at once by the person
     * rules (the optimiser's filter), the target rules (the position
     * picker) and all of them (the optimiser's moves, saved). */
    for (int i = 0; i < RULE_COUNT; i++)
        assert_non_null(rule_table[i].quick);
}

/* ---- generated people --------------------------------------------------- */
static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned pick(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static mdate some_date(mdate around, int spread_days)
{
    if (pick(20) == 0)
        return MDATE_NONE;
    return around - spread_days + (mdate)pick(2u * (unsigned)spread_days + 1);
}

static int some_severity(void)
{
    static const int sev[] = {SEV_OFF, SEV_WARN, SEV_BLOCK};
    return sev[pick(3)];
}

static void random_policy(struct policy *p)
{
    memset(p, 0, sizeof *p);
    p->bup.jpt = 60, p->bup.administrasi = 58, p->bup.ahli_pertama = 58;
    p->bup.ahli_muda = 58, p->bup.ahli_madya = 60, p->bup.ahli_utama = 65;
    p->bup.keterampilan = 58;
    p->status.severity = some_severity(), p->status.allow_pppk = pick(2);
    p->tenure.severity = some_severity(), p->tenure.min_months = (int)pick(60);
    p->tenure.rotation_months = 60;
    p->first_placement.severity = some_severity(), p->first_placement.years = (int)pick(6);
    p->retirement.severity = some_severity(), p->retirement.months = (int)pick(36);
    p->discipline.severity = some_severity();
    p->discipline.blocked_from = (int)pick(DISC_BERAT + 1);
    p->discipline.leave_severity = some_severity();
    p->performance.severity = some_severity(), p->performance.years = (int)pick(4);
    p->performance.min_predikat = 1 + (int)pick(SKP_SANGAT_BAIK);
}

static void random_person(struct staff *s, struct position *origin, mdate today)
{
    memset(s, 0, sizeof *s);
    memset(origin, 0, sizeof *origin);
    s->status = (uint8_t)pick(STATUS_PPPK + 1);
    s->birth_date = some_date(today - 45 * 365, 15 * 365);
    s->post_since = some_date(today - 4 * 365, 4 * 365);
    s->pns_since = some_date(today - 5 * 365, 5 * 365);
    s->discipline = (uint8_t)pick(DISC_BERAT + 1);
    s->discipline_until = some_date(today, 400);
    s->leave = (uint8_t)(pick(4) == 0 ? 1 + pick(LEAVE_IKATAN_DINAS) : LEAVE_NONE);
    s->nskp = (uint8_t)pick(4);
    int y, mo, d;
    date_to_ymd(today, &y, &mo, &d);
    for (int i = 0; i < s->nskp; i++) {
        s->skp[i].year = (uint16_t)(y - s->nskp + i);
        s->skp[i].predikat = (uint8_t)(1 + pick(SKP_SANGAT_BAIK));
    }
    origin->kind = (uint8_t)pick(PKIND_FUNGSIONAL + 1);
    origin->level = (uint8_t)pick(PLEVEL_PENYELIA + 1);
}

/* 20,000 people under 200 policies: each quick function gives its rule's
 * result, and the fast path blocks exactly when a person rule does. */
static void fast_path_agrees(void **state)
{
    (void)state;
    mdate today = date_from_ymd(2026, 6, 15);
    size_t blocked = 0, allowed = 0;
    for (int round = 0; round < 200; round++) {
        struct policy p;
        random_policy(&p);
        for (int k = 0; k < 100; k++) {
            struct staff s;
            struct position origin;
            random_person(&s, &origin, today);
            struct move_input m = {.person = &s, .origin = pick(8) ? &origin : NULL,
                                   .own_request = pick(2), .today = today};
            struct verdict v[RULE_COUNT];
            size_t n = rules_check_scope(&m, &p, RULE_SCOPE_BIT(RULE_SCOPE_PERSON), v);
            assert_int_equal(n, 7);
            bool any_block = false;
            for (size_t i = 0; i < n; i++) {
                assert_int_equal(rule_table[v[i].rule].quick(&m, &p), v[i].result);
                any_block |= v[i].result == VERDICT_BLOCK;
            }
            assert_int_equal(rules_person_blocked(&m, &p), any_block);
            if (!m.own_request)
                assert_int_equal(rules_person_may_move(&s, m.origin, &p, today), !any_block);
            any_block ? blocked++ : allowed++;
        }
    }
    /* the generator reaches both answers often */
    assert_true(blocked > 1000 && allowed > 1000);
}

/* ---- generated targets ----------------------------------------------------- */
static const char *const families[] = {"", "kesehatan", "pendidikan", "keuangan"};
static const char *const comp_codes[] = {"K1", "K2", "K3"};

static void random_comps(struct competency *c, uint8_t *n)
{
    *n = (uint8_t)pick(4);
    for (int i = 0; i < *n; i++) {
        snprintf(c[i].code, sizeof c[i].code, "%s", comp_codes[i]);
        c[i].level = (uint8_t)(1 + pick(4));
    }
}

/* PNS ranks, none, and a few PPPK grades (which compare with no rank). */
static unsigned some_rank(void)
{
    return pick(5) == 0 ? RANK_PPPK_BASE + 1 + pick(RANK_PPPK_MAX) : pick(RANK_MAX_PNS + 1);
}

static void random_target(struct staff *s, struct position *t, struct wl_row *fig)
{
    memset(t, 0, sizeof *t);
    snprintf(t->code, sizeof t->code, "T%u", pick(3));
    snprintf(t->job_family, sizeof t->job_family, "%s", families[pick(4)]);
    snprintf(s->job_family, sizeof s->job_family, "%s", families[1 + pick(3)]);
    t->min_rank = (uint8_t)(pick(3) ? some_rank() : RANK_NONE);
    s->rank = (uint8_t)some_rank();
    t->min_education = (uint8_t)pick(EDU_S3 + 1);
    s->education = (uint8_t)pick(EDU_S3 + 1);
    uint8_t nc;
    random_comps(t->comp, &nc);
    t->ncomp = nc;
    random_comps(s->comp, &nc);
    s->ncomp = nc;
    fig->need = pick(6);
    fig->existing = pick(6);
}

static void random_need_policy(struct policy *p)
{
    p->fit.severity = some_severity();
    p->fit.competency_severity = some_severity();
    p->need.severity = some_severity();
    p->need.origin_margin = (int)pick(3);
    p->plan.severity = some_severity();
    p->plan.max_moves_out = (int)pick(4);
    p->plan.max_moves_in = (int)pick(4);
}

/* rules_check_failures gives rules_check_scope's verdicts, every scope
 * (the plan's too when there is one), with the same reasons where a rule
 * fails and none where it passes or is off. */
static size_t results_seen[RULE_COUNT][VERDICT_OFF + 1];

static void same_failures(const struct move_input *m, const struct policy *p)
{
    unsigned all = RULE_SCOPE_BIT(RULE_SCOPE_PERSON) | RULE_SCOPE_BIT(RULE_SCOPE_TARGET) |
                   RULE_SCOPE_BIT(RULE_SCOPE_PLAN);
    struct verdict full[RULE_COUNT], lean[RULE_COUNT];
    size_t n = rules_check_scope(m, p, all, full);
    assert_int_equal(rules_check_failures(m, p, all, lean), n);
    assert_int_equal(n, m->plan ? RULE_COUNT : 11);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(rule_table[full[i].rule].quick(m, p), full[i].result);
        results_seen[full[i].rule][full[i].result]++;
        assert_int_equal(lean[i].rule, full[i].rule);
        assert_int_equal(lean[i].result, full[i].result);
        bool fails = full[i].result == VERDICT_WARN || full[i].result == VERDICT_BLOCK;
        if (fails)
            assert_string_equal(lean[i].reason, full[i].reason);
        else
            assert_string_equal(lean[i].reason, "");
    }
}

/* 20,000 moves with generated targets, figures and a small plan: each
 * target rule's quick function gives its rule's result,
 * rules_quick_summary the summary of the full verdicts, and
 * rules_check_failures the same verdicts. */
static void target_fast_path_agrees(void **state)
{
    (void)state;
    mdate today = date_from_ymd(2026, 6, 15);
    size_t seen[3] = {0};
    for (int round = 0; round < 200; round++) {
        struct policy p;
        random_policy(&p);
        random_need_policy(&p);
        for (int k = 0; k < 100; k++) {
            struct staff s;
            struct position origin, target;
            struct wl_row tfig, ofig = {0, (int64_t)pick(5), (int64_t)pick(5)};
            random_person(&s, &origin, today);
            random_target(&s, &target, &tfig);
            snprintf(origin.code, sizeof origin.code, "T%u", pick(3));
            snprintf(s.nip, sizeof s.nip, "%018u", pick(3));
            struct plan_move pm[3] = {{"000000000000000001", "T0", "U", "T1", "U"},
                                      {"000000000000000002", "T2", "U", "T0", "V"},
                                      {"000000000000000002", "T1", "V", "T2", "U"}};
            struct plan_desc plan = {pm, pick(4)};
            snprintf(origin.unit, sizeof origin.unit, "%s", pick(2) ? "U" : "V");
            snprintf(target.unit, sizeof target.unit, "%s", pick(2) ? "U" : "V");
            snprintf(s.unit, sizeof s.unit, "%s", pick(2) ? "U" : "V");
            struct move_input m = {.person = &s, .origin = pick(8) ? &origin : NULL,
                                   .target = &target, .origin_fig = ofig, .target_fig = tfig,
                                   .own_request = pick(2), .plan = pick(2) ? &plan : NULL,
                                   .today = today};
            unsigned scopes = RULE_SCOPE_BIT(RULE_SCOPE_PERSON) | RULE_SCOPE_BIT(RULE_SCOPE_TARGET);
            struct verdict v[RULE_COUNT];
            size_t n = rules_check_scope(&m, &p, scopes, v);
            assert_int_equal(n, 11);
            for (size_t i = 0; i < n; i++)
                assert_int_equal(rule_table[v[i].rule].quick(&m, &p), v[i].result);
            int summary = rules_summary(v, n);
            assert_int_equal(rules_quick_summary(&m, &p, scopes), summary);
            /* the plan scope is never judged by the quick paths */
            assert_int_equal(rules_quick_summary(&m, &p, scopes | RULE_SCOPE_BIT(RULE_SCOPE_PLAN)),
                             summary);
            same_failures(&m, &p);
            size_t nt = rules_check_scope(&m, &p, RULE_SCOPE_BIT(RULE_SCOPE_TARGET), v);
            assert_int_equal(rules_quick_summary(&m, &p, RULE_SCOPE_BIT(RULE_SCOPE_TARGET)),
                             rules_summary(v, nt));
            seen[summary]++;
        }
    }
    /* the generator reaches every summary often */
    for (int i = 0; i < 3; i++)
        assert_true(seen[i] > 200);
    /* and every rule both passes and fails often (the plan rules too) */
    for (int r = 0; r < RULE_COUNT; r++) {
        assert_true(results_seen[r][VERDICT_PASS] > 200);
        assert_true(results_seen[r][VERDICT_WARN] + results_seen[r][VERDICT_BLOCK] > 200);
    }
}

/* verdict_reasons: only the verdicts of one result, labelled, joined,
 * and cut to the room given. */
static void reasons_in_words(void **state)
{
    (void)state;
    struct verdict v[3] = {{RULE_FIT, VERDICT_BLOCK, "job family"},
                           {RULE_TENURE, VERDICT_WARN, "3 months"},
                           {RULE_NEED_TARGET, VERDICT_BLOCK, "not short"}};
    char out[200];
    verdict_reasons(v, 3, VERDICT_BLOCK, "; ", out, sizeof out);
    assert_string_equal(out, "Fit: job family; Need at target: not short");
    verdict_reasons(v, 3, VERDICT_WARN, "; ", out, sizeof out);
    assert_string_equal(out, "Tenure in post: 3 months");
    verdict_reasons(v, 3, VERDICT_OFF, "; ", out, sizeof out);
    assert_string_equal(out, "");
    verdict_reasons(v, 3, VERDICT_BLOCK, "; ", out, 10);
    assert_string_equal(out, "Fit: job ");
}

static void scope_selection(void **state)
{
    (void)state;
    mdate today = date_from_ymd(2026, 6, 15);
    struct policy p;
    random_policy(&p);
    struct staff s;
    struct position origin, target;
    random_person(&s, &origin, today);
    memset(&target, 0, sizeof target);
    struct plan_desc plan = {NULL, 0};
    struct move_input m = {.person = &s, .origin = &origin, .target = &target, .today = today};
    struct verdict v[RULE_COUNT];
    assert_int_equal(rules_check_move(&m, &p, v), 11);
    assert_int_equal(rules_check_scope(&m, &p, RULE_SCOPE_BIT(RULE_SCOPE_TARGET), v), 4);
    assert_int_equal(v[0].rule, RULE_FIT);
    m.plan = &plan;
    assert_int_equal(rules_check_move(&m, &p, v), RULE_COUNT);
    for (int i = 0; i < RULE_COUNT; i++)
        assert_int_equal(v[i].rule, i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_rule_once_in_order),
        cmocka_unit_test(scopes_as_designed),
        cmocka_unit_test(fast_path_agrees),
        cmocka_unit_test(target_fast_path_agrees),
        cmocka_unit_test(reasons_in_words),
        cmocka_unit_test(scope_selection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
