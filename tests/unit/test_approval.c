/* The approval route of ops/approval.h on a temporary database with the
 * default route (config/workflow.yaml): version 1 plan and move records
 * still decode; the route as several users with the timeline; and taking
 * effect is atomic: a store failure forced at the second move's history
 * line leaves no move applied, the plan as it was and no audit entry.
 *
 * The failure is injected without a hook in the program: this test is
 * linked with -Wl,--wrap=store_add_history (tests/unit/approval.mk), so
 * ops/apply.c's calls reach __wrap_store_add_history below, which fails
 * on request and otherwise calls the real function. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "ops/approval.h"
#include "store/codec.h"
#include "store/plans.h"
#include "dbfixture.h"

/* --- the injected failure ----------------------------------------------------- */

int __real_store_add_history(stxn *t, const struct history *h);
int __wrap_store_add_history(stxn *t, const struct history *h);
static int fail_at = -1;        /* fail the call with this index (0 = first); -1: never */
static int history_calls;

int __wrap_store_add_history(stxn *t, const struct history *h)
{
    if (history_calls++ == fail_at)
        return STORE_ERROR;
    return __real_store_add_history(t, h);
}

/* --- codec: version 1 records ---------------------------------------------------- */

/* Records are sealed (codec.h): a record cut or changed by hand gets a
 * fresh seal, as the codec would have written it. */
static void reseal(unsigned char *buf, size_t len)
{
    uint32_t c = codec_crc(buf, len - CODEC_SEAL);
    for (int i = 0; i < CODEC_SEAL; i++)
        buf[len - CODEC_SEAL + i] = (unsigned char)(c >> (8 * i));
}

static void version1_records_decode(void **state)
{
    (void)state;
    struct plan p, got;
    struct move m, gm;
    unsigned char buf[CODEC_PLAN_MAX];
    memset(&p, 0, sizeof p);
    p.id = 7;
    strcpy(p.name, "Mutasi");
    strcpy(p.state, "DRAFT");
    strcpy(p.author, "ani");
    p.version = 3;
    size_t n = codec_put_plan(&p, buf, sizeof buf);
    assert_true(n > 30);
    /* version 1 = the same fields without the empty SK (21 bytes),
     * applied_at (8) and the timeline count (1) */
    unsigned char v1[CODEC_PLAN_MAX];
    memcpy(v1, buf, n);
    v1[0] = CODEC_PLAN_V1;
    reseal(v1, n - 30);
    assert_int_equal(codec_get_plan(v1, n - 30, &got), 0);
    assert_string_equal(got.name, "Mutasi");
    assert_int_equal(got.version, 3);
    assert_int_equal(got.sk.tmt, MDATE_NONE);
    buf[0] = CODEC_PLAN_V1;
    reseal(buf, n);
    assert_int_equal(codec_get_plan(buf, n, &got), -1);      /* v1 with v2's tail */
    /* a version 2 plan with a timeline round-trips */
    struct wf_event tl[2] = {{"submit", "ani", 100, "siap"}, {"verify", "budi", 200, ""}};
    strcpy(p.sk.number, "800/1/BKPSDM/2026");
    p.sk.date = date_from_ymd(2026, 6, 1);
    p.sk.tmt = date_from_ymd(2026, 7, 1);
    n = codec_put_plan_timeline(&p, tl, 2, buf, sizeof buf);
    struct wf_event back[PLAN_TIMELINE_MAX];
    size_t nb;
    assert_int_equal(codec_get_plan_timeline(buf, n, &got, back, PLAN_TIMELINE_MAX, &nb), 0);
    assert_int_equal(nb, 2);
    assert_string_equal(back[0].note, "siap");
    assert_string_equal(back[1].user, "budi");
    assert_string_equal(got.sk.number, "800/1/BKPSDM/2026");
    assert_int_equal(got.sk.tmt, p.sk.tmt);
    /* a move of version 1 has no strike */
    memset(&m, 0, sizeof m);
    m.plan_id = 7;
    strcpy(m.nip, "198001012005011001");
    strcpy(m.to_position, "P2");
    strcpy(m.objected_by, "ani");
    strcpy(m.objection, "ibu sakit");
    n = codec_put_move(&m, buf, sizeof buf);
    assert_int_equal(codec_get_move(buf, n, &gm), 0);      /* version 3: the objection */
    assert_string_equal(gm.objection, "ibu sakit");
    assert_true(MOVE_OBJECTION_OPEN(&gm));
    /* version 3 appends 20 bytes to version 2 (an empty objection and
     * answer: who, when, why each), version 2 appends 10 to version 1 */
    memset(m.objected_by, 0, sizeof m.objected_by);
    memset(m.objection, 0, sizeof m.objection);
    n = codec_put_move(&m, buf, sizeof buf);
    unsigned char old[CODEC_PLAN_MAX];
    memcpy(old, buf, n);
    old[0] = CODEC_PLAN_VERSION;
    reseal(old, n - 20);
    assert_int_equal(codec_get_move(old, n - 20, &gm), 0);
    assert_false(MOVE_OBJECTION_OPEN(&gm));
    memcpy(old, buf, n);
    old[0] = CODEC_PLAN_VERSION;
    reseal(old, n);
    assert_int_equal(codec_get_move(old, n, &gm), -1);      /* v2 with v3's tail */
    memcpy(old, buf, n);
    old[0] = CODEC_PLAN_V1;
    reseal(old, n - 30);
    assert_int_equal(codec_get_move(old, n - 30, &gm), 0);
    assert_false(MOVE_STRUCK(&gm));
    assert_string_equal(gm.to_position, "P2");
    memcpy(old, buf, n);
    old[0] = CODEC_MOVE_VERSION + 1;
    reseal(old, n);
    assert_int_equal(codec_get_move(old, n, &gm), -1);
}

/* --- a temporary region ---------------------------------------------------------- */

static const char *const NIP_A = "198001012005011001";
static const char *const NIP_C = "198003032005011003";
static const char *const NIP_D = "198004042005011004";
static const char *const NIP_E = "198005052005011005";   /* stays */
static const char *const NIP_S = "197001012000011001";   /* signs the SK */

struct fx {
    struct dbfx *db;          /* the database; o.db is its store */
    struct config cfg;
    struct ops o;
};

/* U1 > U2; P1 in U1 need 1, held by A, C, D and E; P2 in U2 need 3, held by
 * none; the signer heads U1. */
static int fill_region(stxn *t, void *ctx)
{
    (void)ctx;
    struct position p1, head;
    if (dbfx_put_two_units(t, 225000, &p1) != STORE_OK)
        return STORE_ERROR;
    head = p1;
    strcpy(head.code, "KEPALA");
    strcpy(head.name, "Kepala Unit");
    struct staff a, c, d, s, st;
    dbfx_person(&a, NIP_A, "P1");
    dbfx_person(&c, NIP_C, "P1");
    dbfx_person(&d, NIP_D, "P1");
    dbfx_person(&st, NIP_E, "P1");
    dbfx_person(&s, NIP_S, "KEPALA");
    s.birth_date = date_from_ymd(1970, 1, 1);
    if (store_put_position(t, &head) || store_put_staff(t, &a) || store_put_staff(t, &c) ||
        store_put_staff(t, &d) || store_put_staff(t, &s) || store_put_staff(t, &st))
        return STORE_ERROR;
    return STORE_OK;
}

/* Tests find config/ from the top of the source tree. */
static void go_to_top(void)
{
    struct stat st;
    const char *cfg = getenv("MUTASI_CONFIG");
    char dir[4096];
    if (stat("config/workflow.yaml", &st) != 0 && cfg) {
        snprintf(dir, sizeof dir, "%s/..", cfg);
        if (chdir(dir) != 0)
            fail_msg("cannot go to %s", dir);
    }
    if (stat("config/workflow.yaml", &st) != 0)
        fail_msg("test_approval: run from the top of the source tree");
}

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    struct config_errors *errs = calloc(1, sizeof *errs);
    go_to_top();
    if (config_load("config", &fx->cfg, errs) != 0)
        fail_msg("config/ does not load");
    free(errs);
    fx->db = dbfx_new("approval");
    fx->o.db = fx->db->s;
    assert_int_equal(store_write(fx->o.db, fill_region, NULL), STORE_OK);
    fx->o.cfg = &fx->cfg;
    fx->o.today = date_from_ymd(2026, 6, 15);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    config_free(&fx->cfg);
    dbfx_free(fx->db);
    free(fx);
    return 0;
}

static void as(struct fx *fx, const char *user, unsigned roles)
{
    snprintf(fx->o.user, sizeof fx->o.user, "%s", user);
    fx->o.roles = roles;
}

static void step(struct fx *fx, uint32_t id, const char *user, unsigned roles, const char *name,
                 int want)
{
    struct ops_err e;
    as(fx, user, roles);
    struct ops_step_req rq = {.plan = id, .step = name};
    int rc = ops_plan_step(&fx->o, &rq, &e);
    if (rc != want)
        fail_msg("%s by %s: rc %d, wanted %d: %s", name, user, rc, want, rc ? e.msg : "");
}

/* Where the people are, the plan's state, the audit's length. */
struct snapshot {
    size_t in_p2, history, audit;
    struct plan plan;
};

static int count_p2(const struct staff *s, void *ctx)
{
    (void)s;
    ++*(size_t *)ctx;
    return 0;
}

static int count_history(const struct history *h, void *ctx)
{
    if (h->plan_id)
        ++*(size_t *)ctx;
    return 0;
}

static struct snapshot snap(struct fx *fx, uint32_t id)
{
    struct snapshot s = {0};
    stxn *t = store_read_begin(fx->o.db);
    assert_non_null(t);
    store_each_staff_in_position(t, "P2", count_p2, &s.in_p2);
    const char *nips[] = {NIP_A, NIP_C, NIP_D};
    for (int i = 0; i < 3; i++)
        store_each_history(t, nips[i], count_history, &s.history);
    s.audit = store_count_audit(t);
    assert_int_equal(store_get_plan(t, id, &s.plan), STORE_OK);
    store_read_end(t);
    return s;
}

static void route_and_atomic_apply(void **state)
{
    struct fx *fx = *state;
    struct ops_err e;
    uint32_t id;
    as(fx, "ani", ROLE_OPERATOR);
    assert_int_equal(ops_plan_new(&fx->o, "Mutasi", "2026", &id, &e), OPS_OK);
    const char *nips[] = {NIP_A, NIP_C, NIP_D};
    for (int i = 0; i < 3; i++) {
        struct ops_move_req rq = {id, nips[i], "P2", REASON_WORKLOAD, NULL, 0};
        if (ops_plan_add(&fx->o, &rq, NULL, NULL, NULL, &e) != OPS_OK)
            fail_msg("add: %s", e.msg);
    }
    step(fx, id, "ani", ROLE_OPERATOR, "submit", OPS_OK);
    step(fx, id, "ani", ROLE_OPERATOR | ROLE_VERIFIER, "verify", OPS_REFUSED);   /* own plan */
    step(fx, id, "budi", ROLE_VERIFIER, "verify", OPS_OK);
    step(fx, id, "citra", ROLE_REVIEWER, "review", OPS_OK);
    step(fx, id, "dedi", ROLE_APPROVER, "approve", OPS_OK);
    as(fx, "eka", ROLE_ADMIN);
    struct ops_sk_req sk = {.plan = id, .number = "800/7/BKPSDM/2026",
                            .date = date_from_ymd(2026, 6, 20), .tmt = date_from_ymd(2026, 7, 1),
                            .signer_nip = NIP_S};
    if (ops_plan_issue_sk(&fx->o, &sk, &e) != OPS_OK)
        fail_msg("issue-sk: %s", e.msg);
    struct ops_apply_result r;
    assert_int_equal(ops_plan_apply(&fx->o, id, 0, &r, &e), OPS_REFUSED);     /* before TMT */
    assert_non_null(strstr(e.msg, "takes effect on its TMT"));

    fx->o.today = date_from_ymd(2026, 7, 1);
    struct snapshot before = snap(fx, id);
    assert_int_equal(before.in_p2, 0);
    assert_string_equal(before.plan.state, "SK_ISSUED");
    /* the second move's history line fails: nothing of the first stays */
    history_calls = 0;
    fail_at = 1;
    assert_int_equal(ops_plan_apply(&fx->o, id, 0, &r, &e), OPS_REFUSED);
    assert_true(history_calls >= 2);
    struct snapshot failed = snap(fx, id);
    assert_int_equal(failed.in_p2, 0);
    assert_int_equal(failed.history, 0);
    assert_int_equal(failed.audit, before.audit);
    assert_string_equal(failed.plan.state, "SK_ISSUED");
    assert_int_equal(failed.plan.version, before.plan.version);
    /* without the failure it takes effect whole, once */
    fail_at = -1;
    if (ops_plan_apply(&fx->o, id, 0, &r, &e) != OPS_OK)
        fail_msg("apply: %s", e.msg);
    assert_int_equal(r.applied, 3);
    struct snapshot after = snap(fx, id);
    assert_int_equal(after.in_p2, 3);
    assert_int_equal(after.history, 3);
    assert_string_equal(after.plan.state, "EFFECTIVE");
    assert_int_equal(after.audit, before.audit + 4);      /* 3 staff moves, 1 plan apply */
    assert_int_equal(ops_plan_apply(&fx->o, id, 0, &r, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "final state"));
    /* the timeline: every step, by whom */
    struct plan p;
    struct wf_event *tl;
    size_t n;
    assert_int_equal(ops_plan_timeline(&fx->o, id, &p, &tl, &n, &e), OPS_OK);
    const char *want[][2] = {{"submit", "ani"}, {"verify", "budi"}, {"review", "citra"},
                             {"approve", "dedi"}, {"issue_sk", "eka"}, {"apply", "eka"}};
    assert_int_equal(n, 6);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(tl[i].step, want[i][0]);
        assert_string_equal(tl[i].user, want[i][1]);
    }
    free(tl);
    assert_string_equal(p.sk.signer_name, "Orang 001");
    assert_string_equal(p.sk.signer_title, "Kepala Unit, Unit satu");
}

/* A verb names its step by flags where a region renamed it. */
static void verbs_find_renamed_steps(void **state)
{
    (void)state;
    struct config c;
    struct config_errors *errs = calloc(1, sizeof *errs);
    go_to_top();
    if (config_load("tests/fixtures/config/consent", &c, errs) != 0)
        fail_msg("the consent route does not load");
    free(errs);
    const struct wf_step *s = ops_route_step(&c.workflow, "issue-sk");
    assert_non_null(s);
    assert_string_equal(s->name, "terbit_sk");
    assert_string_equal(ops_route_step(&c.workflow, "approve")->name, "approve");
    assert_string_equal(ops_route_step(&c.workflow, "consent")->name, "consent");
    assert_null(ops_route_step(&c.workflow, "bless"));
    config_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version1_records_decode),
        cmocka_unit_test_setup_teardown(route_and_atomic_apply, setup, teardown),
        cmocka_unit_test(verbs_find_renamed_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
