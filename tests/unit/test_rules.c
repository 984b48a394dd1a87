/* The rules of a move: each at, just under and just over its threshold,
 * each severity, and reasons that carry the numbers. The policy is set
 * here (not the defaults) so that each threshold is visible in the test. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/rules.h"

static mdate D(const char *s)
{
    mdate t = MDATE_NONE;
    assert_int_equal(date_parse(s, strlen(s), &t), 0);
    return t;
}

static struct policy test_policy(void)
{
    struct policy p;
    memset(&p, 0, sizeof p);
    p.effective_minutes = 75000;
    p.bup.jpt = 60, p.bup.administrasi = 58, p.bup.ahli_pertama = 58;
    p.bup.ahli_muda = 58, p.bup.ahli_madya = 60, p.bup.ahli_utama = 65;
    p.bup.keterampilan = 58;
    p.status.severity = SEV_BLOCK, p.status.allow_pppk = false;
    p.tenure.severity = SEV_BLOCK, p.tenure.min_months = 24, p.tenure.rotation_months = 60;
    p.first_placement.severity = SEV_BLOCK, p.first_placement.years = 2;
    p.retirement.severity = SEV_BLOCK, p.retirement.months = 12;
    p.discipline.severity = SEV_BLOCK, p.discipline.blocked_from = DISC_SEDANG;
    p.discipline.leave_severity = SEV_BLOCK;
    p.performance.severity = SEV_BLOCK, p.performance.min_predikat = SKP_BAIK;
    p.performance.years = 2;
    p.fit.severity = SEV_BLOCK, p.fit.competency_severity = SEV_WARN;
    p.need.severity = SEV_WARN, p.need.origin_margin = 1;
    p.plan.severity = SEV_BLOCK, p.plan.max_moves_out = 2, p.plan.max_moves_in = 2;
    return p;
}

/* A PNS who passes everything on 2026-06-15: in post since 2020, born 1980,
 * SKP Baik 2024 and 2025, III/c S-1 kesehatan, moving from a position with
 * 6 people (need 5) to one with 3 (need 4). */
struct world {
    struct policy p;
    struct staff s;
    struct position origin, target;
    struct move_input m;
};

static void setup(struct world *w)
{
    memset(w, 0, sizeof *w);
    w->p = test_policy();
    strcpy(w->s.nip, "198001012005011001");
    strcpy(w->s.unit, "PKM1");
    strcpy(w->s.position, "PERAWAT-PKM1");
    strcpy(w->s.job_family, "kesehatan");
    w->s.status = STATUS_PNS;
    w->s.birth_date = D("1980-01-01");
    w->s.post_since = D("2020-03-01");
    w->s.pns_since = D("2006-01-01");
    w->s.rank = 11;                       /* III/c */
    w->s.education = EDU_S1;
    w->s.discipline_until = MDATE_NONE;
    w->s.nskp = 2;
    w->s.skp[0].year = 2024, w->s.skp[0].predikat = SKP_BAIK;
    w->s.skp[1].year = 2025, w->s.skp[1].predikat = SKP_BAIK;
    strcpy(w->origin.code, "PERAWAT-PKM1");
    strcpy(w->origin.unit, "PKM1");
    w->origin.kind = PKIND_FUNGSIONAL, w->origin.level = PLEVEL_AHLI_PERTAMA;
    strcpy(w->origin.job_family, "kesehatan");
    strcpy(w->target.code, "PERAWAT-PKM2");
    strcpy(w->target.unit, "PKM2");
    w->target.kind = PKIND_FUNGSIONAL, w->target.level = PLEVEL_AHLI_PERTAMA;
    strcpy(w->target.job_family, "kesehatan");
    w->m.person = &w->s;
    w->m.origin = &w->origin;
    w->m.target = &w->target;
    w->m.origin_fig.need = 5, w->m.origin_fig.existing = 6;
    w->m.target_fig.need = 4, w->m.target_fig.existing = 3;
    w->m.today = D("2026-06-15");
}

static void has(const struct verdict *v, const char *text)
{
    if (!strstr(v->reason, text))
        fail_msg("reason \"%s\" lacks \"%s\"", v->reason, text);
}

static void baseline_allowed(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    struct verdict v[RULE_COUNT];
    size_t n = rules_check_move(&w.m, &w.p, v);
    assert_int_equal(n, RULE_NEED_ORIGIN + 1);   /* no plan: no plan rules */
    for (size_t i = 0; i < n; i++) {
        if (v[i].result != VERDICT_PASS)
            fail_msg("%s: %s (%s)", rule_id_name(v[i].rule),
                     verdict_result_name(v[i].result), v[i].reason);
        assert_int_equal(v[i].rule, (int)i);
        assert_true(v[i].reason[0] != '\0');
    }
    assert_int_equal(rules_summary(v, n), MOVE_ALLOWED);
}

static void status(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    w.s.status = STATUS_CPNS;
    struct verdict v = rule_status(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "CPNS");
    w.s.status = STATUS_PPPK;
    assert_int_equal(rule_status(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.status.allow_pppk = true;
    assert_int_equal(rule_status(&w.m, &w.p).result, VERDICT_PASS);
    w.s.status = STATUS_CPNS;
    w.p.status.severity = SEV_WARN;
    assert_int_equal(rule_status(&w.m, &w.p).result, VERDICT_WARN);
    w.p.status.severity = SEV_OFF;
    v = rule_status(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_OFF);
    has(&v, "CPNS");                       /* off still says what it found */
}

static void tenure(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* today 2026-06-15, policy 24 months */
    w.s.post_since = D("2024-07-15");      /* 23 months */
    struct verdict v = rule_tenure(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "23 months in post, policy needs 24");
    w.s.post_since = D("2024-06-16");      /* one day short of 24 */
    assert_int_equal(rule_tenure(&w.m, &w.p).result, VERDICT_BLOCK);
    w.s.post_since = D("2024-06-15");      /* 24 months exactly */
    v = rule_tenure(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "24 months");
    w.s.post_since = D("2024-05-15");      /* 25 months */
    assert_int_equal(rule_tenure(&w.m, &w.p).result, VERDICT_PASS);
    /* severities */
    w.s.post_since = D("2026-03-15");      /* 3 months */
    w.p.tenure.severity = SEV_WARN;
    v = rule_tenure(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_WARN);
    has(&v, "3 months in post, policy needs 24");
    w.p.tenure.severity = SEV_OFF;
    assert_int_equal(rule_tenure(&w.m, &w.p).result, VERDICT_OFF);
    /* rotation candidate: more than 60 months */
    w.s.post_since = D("2021-06-15");      /* 60 months: not yet */
    assert_false(rules_rotation_candidate(&w.s, &w.p, w.m.today));
    assert_null(strstr(rule_tenure(&w.m, &w.p).reason, "rotation"));
    w.s.post_since = D("2021-05-15");      /* 61 months */
    assert_true(rules_rotation_candidate(&w.s, &w.p, w.m.today));
    w.p.tenure.severity = SEV_BLOCK;
    v = rule_tenure(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "61 months in post, policy needs 24; rotation candidate (more than 60 months)");
}

static void first_placement(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    w.s.pns_since = D("2024-06-16");       /* 1 year 11 months 30 days */
    assert_int_equal(rule_first_placement(&w.m, &w.p).result, VERDICT_PASS);
    w.m.own_request = true;
    struct verdict v = rule_first_placement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "1 year after PNS appointment, policy needs 2");
    w.s.pns_since = D("2024-06-15");       /* 2 years exactly */
    assert_int_equal(rule_first_placement(&w.m, &w.p).result, VERDICT_PASS);
    w.s.pns_since = D("2023-06-15");       /* 3 years */
    assert_int_equal(rule_first_placement(&w.m, &w.p).result, VERDICT_PASS);
    w.s.pns_since = MDATE_NONE;            /* not yet PNS */
    assert_int_equal(rule_first_placement(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.first_placement.severity = SEV_WARN;
    assert_int_equal(rule_first_placement(&w.m, &w.p).result, VERDICT_WARN);
}

static void retirement(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* born 1969-02-10, BUP 58: 58th birthday 2027-02-10, retires 2027-03-01 */
    assert_int_equal(rules_retirement_date(D("1969-02-10"), 58), D("2027-03-01"));
    /* a December birthday retires in January of the next year */
    assert_int_equal(rules_retirement_date(D("1966-12-31"), 60), D("2027-01-01"));
    /* today 2026-06-01, policy 12 months, ahli pertama BUP 58:
     * born 1969-05-10 retires 2027-06-01, exactly 12 months away: passes */
    w.m.today = D("2026-06-01");
    w.s.birth_date = D("1969-05-10");
    struct verdict v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2027-06-01 (BUP 58)");
    /* one day later, it is within 12 months */
    w.m.today = D("2026-06-02");
    v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "retires on 2027-06-01 (BUP 58), within 12 months");
    /* 11 and 13 months away */
    w.m.today = D("2026-06-01");
    w.s.birth_date = D("1969-04-10");      /* retires 2027-05-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_BLOCK);
    w.s.birth_date = D("1969-06-10");      /* retires 2027-07-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_PASS);
    /* the BUP comes from the current position: as ahli madya (60) the one
     * born 1969-04-10 retires 2029-05-01, far away */
    w.s.birth_date = D("1969-04-10");
    w.origin.level = PLEVEL_AHLI_MADYA;
    v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2029-05-01 (BUP 60)");
    /* without a current position, the target's */
    w.m.origin = NULL;
    w.target.kind = PKIND_JPT, w.target.level = PLEVEL_PRATAMA;
    v = rule_retirement(&w.m, &w.p);
    has(&v, "BUP 60");
    /* the table */
    assert_int_equal(rules_bup_years(&w.p, PKIND_FUNGSIONAL, PLEVEL_AHLI_UTAMA), 65);
    assert_int_equal(rules_bup_years(&w.p, PKIND_FUNGSIONAL, PLEVEL_TERAMPIL), 58);
    assert_int_equal(rules_bup_years(&w.p, PKIND_PELAKSANA, PLEVEL_NONE), 58);
    assert_int_equal(rules_bup_years(&w.p, PKIND_JPT, PLEVEL_MADYA), 60);
    /* warn severity */
    w.m.origin = &w.origin;
    w.origin.level = PLEVEL_AHLI_PERTAMA;
    w.p.retirement.severity = SEV_WARN;
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_WARN);
}

static void add_override(struct bup_overrides *o, const char *key, int years)
{
    strcpy(o->e[o->n].key, key);
    o->e[o->n++].years = years;
}

/* rules_bup: position over job family over the table; the edge months of
 * a teacher (60 at every level), a JPT (60), an Ahli Utama (65) and a
 * position with its own age. Today 2026-06-01, policy 12 months: a
 * retirement date exactly 12 months away (2027-06-01) passes, one a month
 * earlier blocks. */
static void retirement_resolution(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    add_override(&w.p.bup.by_family, "pendidikan", 60);
    w.m.today = D("2026-06-01");
    int src;

    /* a Guru Ahli Muda: 60 by the family, not 58 by the table */
    strcpy(w.origin.code, "GURU-SD1");
    strcpy(w.origin.job_family, "pendidikan");
    w.origin.level = PLEVEL_AHLI_MUDA;
    assert_int_equal(rules_bup(&w.p, &w.origin, &src), 60);
    assert_int_equal(src, BUP_BY_FAMILY);
    w.s.birth_date = D("1967-05-31");       /* 60 on 2027-05-31: 2027-06-01 */
    struct verdict v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2027-06-01 (BUP 60)");
    has(&v, "job family pendidikan");
    w.s.birth_date = D("1967-04-30");       /* retires 2027-05-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_BLOCK);
    /* a Guru Ahli Utama too: the law on teachers beats the 65 of the table */
    w.origin.level = PLEVEL_AHLI_UTAMA;
    assert_int_equal(rules_bup(&w.p, &w.origin, NULL), 60);
    /* a Kepala Seksi of the education office keeps the administrasi 58 */
    w.origin.kind = PKIND_PENGAWAS, w.origin.level = PLEVEL_NONE;
    assert_int_equal(rules_bup(&w.p, &w.origin, &src), 58);
    assert_int_equal(src, BUP_BY_TABLE);

    /* a JPT pratama: 60 */
    strcpy(w.origin.job_family, "kesehatan");
    w.origin.kind = PKIND_JPT, w.origin.level = PLEVEL_PRATAMA;
    assert_int_equal(rules_bup(&w.p, &w.origin, NULL), 60);
    w.s.birth_date = D("1967-05-01");       /* retires 2027-06-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_PASS);
    w.s.birth_date = D("1967-04-30");       /* retires 2027-05-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_BLOCK);

    /* an Ahli Utama outside education: 65 */
    w.origin.kind = PKIND_FUNGSIONAL, w.origin.level = PLEVEL_AHLI_UTAMA;
    assert_int_equal(rules_bup(&w.p, &w.origin, NULL), 65);
    w.s.birth_date = D("1962-05-15");       /* 65 on 2027-05-15: 2027-06-01 */
    v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2027-06-01 (BUP 65)");
    w.s.birth_date = D("1962-04-15");       /* retires 2027-05-01 */
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_BLOCK);

    /* an override by position beats the family and the table */
    strcpy(w.origin.code, "GURU-SD1");
    strcpy(w.origin.job_family, "pendidikan");
    w.origin.level = PLEVEL_AHLI_MUDA;
    add_override(&w.p.bup.by_position, "GURU-SD1", 62);
    assert_int_equal(rules_bup(&w.p, &w.origin, &src), 62);
    assert_int_equal(src, BUP_BY_POSITION);
    w.s.birth_date = D("1965-05-20");       /* 62 on 2027-05-20: 2027-06-01 */
    v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "(BUP 62)");
    has(&v, "position GURU-SD1");
    w.s.birth_date = D("1965-04-20");
    assert_int_equal(rule_retirement(&w.m, &w.p).result, VERDICT_BLOCK);
    /* another position of the family is not touched by it */
    strcpy(w.origin.code, "GURU-SD2");
    assert_int_equal(rules_bup(&w.p, &w.origin, NULL), 60);
    /* no position at all: administrasi */
    assert_int_equal(rules_bup(&w.p, NULL, &src), 58);
    assert_int_equal(src, BUP_BY_TABLE);
}

/* A person without a post (CLTN, full study leave): the override of their
 * own job family, else the table's administrasi age; with a post, the
 * post decides. The rule says which. */
static void retirement_without_a_post(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    add_override(&w.p.bup.by_family, "pendidikan", 60);
    w.m.today = D("2026-06-01");
    int src;
    strcpy(w.s.job_family, "pendidikan");
    w.s.position[0] = '\0';
    w.s.leave = LEAVE_CLTN;
    assert_int_equal(rules_bup_person(&w.p, NULL, &w.s, &src), 60);
    assert_int_equal(src, BUP_BY_FAMILY);
    w.m.origin = NULL;
    w.m.target = NULL;
    w.s.birth_date = D("1967-05-31");       /* 60 on 2027-05-31: 2027-06-01 */
    struct verdict v = rule_retirement(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2027-06-01 (BUP 60)");
    has(&v, "job family pendidikan");
    /* a family without an override: the table's administrasi age */
    strcpy(w.s.job_family, "kesehatan");
    assert_int_equal(rules_bup_person(&w.p, NULL, &w.s, &src), 58);
    assert_int_equal(src, BUP_BY_TABLE);
    /* with a post the post decides, whatever the person's family */
    strcpy(w.s.job_family, "pendidikan");
    strcpy(w.origin.code, "PERAWAT-PKM1");
    strcpy(w.origin.job_family, "kesehatan");
    w.origin.kind = PKIND_FUNGSIONAL, w.origin.level = PLEVEL_AHLI_MADYA;
    assert_int_equal(rules_bup_person(&w.p, &w.origin, &w.s, NULL), 60);
    w.origin.level = PLEVEL_AHLI_MUDA;
    assert_int_equal(rules_bup_person(&w.p, &w.origin, &w.s, NULL), 58);
}

static void discipline_and_leave(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* blocked from sedang; today 2026-06-15 */
    w.s.discipline = DISC_RINGAN;               /* running, below: warns */
    w.s.discipline_until = D("2027-01-01");
    struct verdict lower = rule_discipline(&w.m, &w.p);
    assert_int_equal(lower.result, VERDICT_WARN);
    has(&lower, "until 2027-01-01, below the blocked level sedang");
    w.s.discipline_until = D("2026-06-14");     /* ended yesterday */
    assert_int_equal(rule_discipline(&w.m, &w.p).result, VERDICT_PASS);
    w.s.discipline = DISC_SEDANG;
    w.s.discipline_until = D("2026-06-15");    /* ends today: still active */
    struct verdict v = rule_discipline(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "2026-06-15");
    w.s.discipline_until = D("2026-06-14");    /* ended yesterday */
    assert_int_equal(rule_discipline(&w.m, &w.p).result, VERDICT_PASS);
    w.s.discipline = DISC_BERAT;
    w.s.discipline_until = MDATE_NONE;         /* no end date */
    assert_int_equal(rule_discipline(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.discipline.severity = SEV_OFF;
    assert_int_equal(rule_discipline(&w.m, &w.p).result, VERDICT_OFF);

    assert_int_equal(rule_leave(&w.m, &w.p).result, VERDICT_PASS);
    w.s.leave = LEAVE_TUGAS_BELAJAR;
    v = rule_leave(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "tugas belajar");
    w.p.discipline.leave_severity = SEV_WARN;
    w.s.leave = LEAVE_CLTN;
    assert_int_equal(rule_leave(&w.m, &w.p).result, VERDICT_WARN);
}

static void performance(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* last 2 years before 2026: 2025 and 2024, at least Baik */
    struct verdict v = rule_performance(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "2025");
    has(&v, "2024");
    w.s.skp[0].predikat = SKP_BUTUH_PERBAIKAN;  /* 2024 one below Baik */
    v = rule_performance(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "last 2 years");
    w.s.skp[0].predikat = SKP_SANGAT_BAIK;      /* above */
    assert_int_equal(rule_performance(&w.m, &w.p).result, VERDICT_PASS);
    w.s.skp[0].year = 2023;                     /* 2024 missing */
    assert_int_equal(rule_performance(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.performance.years = 1;                  /* only 2025 counts now */
    assert_int_equal(rule_performance(&w.m, &w.p).result, VERDICT_PASS);
    w.p.performance.years = 2;
    w.p.performance.severity = SEV_WARN;
    assert_int_equal(rule_performance(&w.m, &w.p).result, VERDICT_WARN);
}

static void fit_and_competency(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    w.target.min_rank = 11;                     /* III/c */
    w.target.min_education = EDU_S1;
    assert_int_equal(rule_fit(&w.m, &w.p).result, VERDICT_PASS);   /* at */
    w.s.rank = 12;                              /* over */
    assert_int_equal(rule_fit(&w.m, &w.p).result, VERDICT_PASS);
    w.s.rank = 10;                              /* under: III/b */
    struct verdict v = rule_fit(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "rank");
    w.s.rank = 11;
    w.s.education = EDU_D4;                     /* under S-1 */
    assert_int_equal(rule_fit(&w.m, &w.p).result, VERDICT_BLOCK);
    w.s.education = EDU_S2;
    strcpy(w.s.job_family, "pendidikan");
    v = rule_fit(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "pendidikan");
    has(&v, "kesehatan");
    strcpy(w.s.job_family, "kesehatan");
    w.s.rank = RANK_PPPK_BASE + 9;              /* a PPPK grade vs III/c */
    assert_int_equal(rule_fit(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.fit.severity = SEV_OFF;
    assert_int_equal(rule_fit(&w.m, &w.p).result, VERDICT_OFF);

    /* competencies: needs K1 level 3 and K2 level 2; holds K1 3, K2 1 */
    w.target.ncomp = 2;
    strcpy(w.target.comp[0].code, "K1"), w.target.comp[0].level = 3;
    strcpy(w.target.comp[1].code, "K2"), w.target.comp[1].level = 2;
    w.s.ncomp = 2;
    strcpy(w.s.comp[0].code, "K2"), w.s.comp[0].level = 1;
    strcpy(w.s.comp[1].code, "K1"), w.s.comp[1].level = 3;
    struct comp_gap g[COMP_MAX];
    assert_int_equal(competency_gaps(&w.s, &w.target, g), 1);
    assert_string_equal(g[0].code, "K2");
    assert_int_equal(g[0].required, 2);
    assert_int_equal(g[0].held, 1);
    v = rule_competency(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_WARN);
    has(&v, "K2 needs level 2, has 1");
    w.s.ncomp = 0;                              /* holds none: two gaps */
    assert_int_equal(competency_gaps(&w.s, &w.target, g), 2);
    assert_int_equal(g[1].held, 0);
    w.s.ncomp = 2, w.s.comp[0].level = 2;       /* at the level: none */
    assert_int_equal(competency_gaps(&w.s, &w.target, g), 0);
    assert_int_equal(rule_competency(&w.m, &w.p).result, VERDICT_PASS);
}

static void need(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* target need 4: 3 held -> short by 1 */
    struct verdict v = rule_need_target(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "target has 3 staff, ABK needs 4: short by 1");
    w.m.target_fig.existing = 4;                /* at need: not short */
    assert_int_equal(rule_need_target(&w.m, &w.p).result, VERDICT_WARN);
    w.m.target_fig.existing = 5;
    assert_int_equal(rule_need_target(&w.m, &w.p).result, VERDICT_WARN);
    /* origin need 5, margin 1: 6 -> 5 left, 5 -> 4 left (= 5 - 1), 4 -> 3 */
    assert_int_equal(rule_need_origin(&w.m, &w.p).result, VERDICT_PASS);
    w.m.origin_fig.existing = 5;
    v = rule_need_origin(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_PASS);
    has(&v, "origin would keep 4 staff, ABK needs 5 (margin 1)");
    w.m.origin_fig.existing = 4;
    assert_int_equal(rule_need_origin(&w.m, &w.p).result, VERDICT_WARN);
    w.p.need.severity = SEV_BLOCK;
    assert_int_equal(rule_need_origin(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.need.origin_margin = 2;
    assert_int_equal(rule_need_origin(&w.m, &w.p).result, VERDICT_PASS);
}

static void plan_sanity(void **state)
{
    (void)state;
    struct world w;
    setup(&w);
    /* target need 4, existing 3. Another person moves into the same target:
     * 3 + 1 = 4 before this move, so the target is no longer short and
     * would end with 5. */
    struct plan_move mv[4] = {
        {"199001012015011001", "X", "PKM3", "PERAWAT-PKM2", "PKM2"},
        {w.s.nip, "PERAWAT-PKM1", "PKM1", "PERAWAT-PKM2", "PKM2"},
    };
    struct plan_desc plan = {mv, 2};
    w.m.plan = &plan;
    assert_int_equal(rule_need_target(&w.m, &w.p).result, VERDICT_WARN);
    struct verdict v = rule_plan_overfill(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "end with 5 staff, ABK needs 4");
    assert_int_equal(rule_plan_once(&w.m, &w.p).result, VERDICT_PASS);
    /* moves in to PKM2: the other + this = 2, cap 2 -> pass; a third -> block */
    assert_int_equal(rule_plan_moves_in(&w.m, &w.p).result, VERDICT_PASS);
    mv[2] = (struct plan_move){"198501012010011001", "Y", "PKM1", "Z", "PKM2"};
    plan.n = 3;
    v = rule_plan_moves_in(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "3 moves into unit PKM2 in the plan, policy allows 2");
    /* moves out of PKM1: the third + this = 2 -> pass; cap 1 -> block */
    assert_int_equal(rule_plan_moves_out(&w.m, &w.p).result, VERDICT_PASS);
    w.p.plan.max_moves_out = 1;
    assert_int_equal(rule_plan_moves_out(&w.m, &w.p).result, VERDICT_BLOCK);
    w.p.plan.max_moves_out = 0;                 /* no cap */
    assert_int_equal(rule_plan_moves_out(&w.m, &w.p).result, VERDICT_PASS);
    /* the same person twice */
    mv[3] = (struct plan_move){w.s.nip, "PERAWAT-PKM1", "PKM1", "OTHER", "PKM4"};
    plan.n = 4;
    v = rule_plan_once(&w.m, &w.p);
    assert_int_equal(v.result, VERDICT_BLOCK);
    has(&v, "2 times");
    /* all rules with a plan: the plan rules are included */
    struct verdict all[RULE_COUNT];
    size_t n = rules_check_move(&w.m, &w.p, all);
    assert_int_equal(n, RULE_COUNT);
    assert_int_equal(all[RULE_PLAN_ONCE].rule, RULE_PLAN_ONCE);
    assert_int_equal(rules_summary(all, n), MOVE_BLOCKED);
}

static void summary(void **state)
{
    (void)state;
    struct verdict v[3] = {{RULE_STATUS, VERDICT_PASS, ""},
                           {RULE_TENURE, VERDICT_OFF, ""},
                           {RULE_FIT, VERDICT_PASS, ""}};
    assert_int_equal(rules_summary(v, 3), MOVE_ALLOWED);
    v[2].result = VERDICT_WARN;
    assert_int_equal(rules_summary(v, 3), MOVE_ALLOWED_WARNINGS);
    v[0].result = VERDICT_BLOCK;
    assert_int_equal(rules_summary(v, 3), MOVE_BLOCKED);
    assert_string_equal(rule_id_name(RULE_NEED_TARGET), "need-target");
    assert_string_equal(verdict_result_name(VERDICT_OFF), "off");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(baseline_allowed),
        cmocka_unit_test(status),
        cmocka_unit_test(tenure),
        cmocka_unit_test(first_placement),
        cmocka_unit_test(retirement),
        cmocka_unit_test(retirement_resolution),
        cmocka_unit_test(retirement_without_a_post),
        cmocka_unit_test(discipline_and_leave),
        cmocka_unit_test(performance),
        cmocka_unit_test(fit_and_competency),
        cmocka_unit_test(need),
        cmocka_unit_test(plan_sanity),
        cmocka_unit_test(summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
