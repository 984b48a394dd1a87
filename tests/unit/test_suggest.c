/* ops_plan_suggest on a tiny region in a temporary database: what it adds,
 * that the earlier moves stay, and that a cancelled, stopped or stale run
 * changes nothing (as the editor's S needs). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ops/plan.h"
#include "ops/suggest.h"
#include "store/plans.h"
#include "dbfixture.h"

struct fx {
    char root[64], db[80];
    struct ops o;
    struct config cfg;
};

static const char *const NIP_A = "198001012005011001";
static const char *const NIP_B = "198002022005011002";   /* on study leave */
static const char *const NIP_C = "198003032005011003";
static const char *const NIP_D = "198004042005011004";

static void person(struct staff *s, const char *nip)
{
    dbfx_person(s, nip, "P1");
    strcpy(s->home_district, "Barat");
}

static void position(struct position *p, const char *code, const char *unit, int64_t need)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit);
    snprintf(p->name, sizeof p->name, "Jabatan %s", code);
    strcpy(p->job_family, "umum");
    p->workload_minutes = need * 75000;
    p->need = NEED_FROM_ABK;
}

/* Instansi I > U1 (Barat), U2 (Timur). P1 in U1 needs 1 and has A, B, C, D
 * (B on study leave): surplus 3, two of them and D movable. P2 in U2 needs
 * 3 and has none. */
static int fill_region(stxn *t, void *ctx)
{
    (void)ctx;
    struct unit i = {"I", "Pemerintah Kabupaten", "", UKIND_INSTANSI, "Barat"};
    struct unit u1 = {"U1", "Dinas Satu", "I", UKIND_OPD, "Barat"};
    struct unit u2 = {"U2", "Dinas Dua", "I", UKIND_OPD, "Timur"};
    struct position p1, p2;
    position(&p1, "P1", "U1", 1);
    position(&p2, "P2", "U2", 3);
    struct staff s[4];
    const char *nips[4] = {NIP_A, NIP_B, NIP_C, NIP_D};
    for (int k = 0; k < 4; k++)
        person(&s[k], nips[k]);
    s[1].leave = LEAVE_TUGAS_BELAJAR;
    if (store_put_unit(t, &i) || store_put_unit(t, &u1) || store_put_unit(t, &u2) ||
        store_put_position(t, &p1) || store_put_position(t, &p2))
        return STORE_ERROR;
    for (int k = 0; k < 4; k++)
        if (store_put_staff(t, &s[k]))
            return STORE_ERROR;
    return STORE_OK;
}

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    char err[640];
    strcpy(fx->root, "/tmp/mutasi-suggest-XXXXXX");
    assert_non_null(mkdtemp(fx->root));
    snprintf(fx->db, sizeof fx->db, "%s/db", fx->root);
    policy_defaults(&fx->cfg.policy);
    fx->o.cfg = &fx->cfg;
    fx->o.db = store_open(fx->db, STORE_CREATE, err, sizeof err);
    if (!fx->o.db)
        fail_msg("open: %s", err);
    strcpy(fx->o.user, "ani");
    fx->o.roles = ROLE_OPERATOR;
    fx->o.today = date_from_ymd(2026, 7, 1);
    assert_int_equal(store_write(fx->o.db, fill_region, NULL), STORE_OK);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    store_close(fx->o.db);
    dbfx_remove(fx->root);
    free(fx);
    return 0;
}

struct snapshot {
    size_t version, moves, audit;
};

static void same_snapshot(struct snapshot a, struct snapshot b)
{
    assert_int_equal(a.version, b.version);
    assert_int_equal(a.moves, b.moves);
    assert_int_equal(a.audit, b.audit);
}

static struct snapshot snap(struct fx *fx, uint32_t id)
{
    struct snapshot s;
    struct plan p;
    stxn *t = store_read_begin(fx->o.db);
    assert_non_null(t);
    assert_int_equal(store_get_plan(t, id, &p), STORE_OK);
    s.version = p.version;
    s.moves = store_count_moves(t, id);
    s.audit = store_count_audit(t);
    store_read_end(t);
    return s;
}

static void suggests_and_saves(void **state)
{
    struct fx *fx = *state;
    struct ops_err e;
    uint32_t id;
    assert_int_equal(ops_plan_new(&fx->o, "Pemerataan", NULL, &id, &e), OPS_OK);
    struct snapshot before = snap(fx, id);
    struct ops_suggest_req rq = {.plan = id, .max_moves = -1};
    struct ops_suggest_result r;
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_OK);
    /* A, C and D may move; P2 takes 3, P1 gives 3: all three go */
    assert_int_equal(r.nmoves, 3);
    assert_int_equal(r.max_fill, 3);
    assert_int_equal(r.shortage, 3);
    int64_t sum = 0;
    for (size_t i = 0; i < r.nmoves; i++) {
        assert_string_not_equal(r.moves[i].nip, NIP_B);
        assert_string_equal(r.moves[i].to_position, "P2");
        assert_int_not_equal(r.moves[i].summary, MOVE_BLOCKED);
        assert_non_null(strstr(r.moves[i].why, "Jabatan P2, Dinas Dua"));
        assert_non_null(strstr(r.moves[i].why, "relieves Jabatan P1, Dinas Satu"));
        sum += r.moves[i].cost;
    }
    /* every move changes district (Barat -> Timur): move 10 + district 5 */
    assert_int_equal(sum, r.objective);
    assert_int_equal(r.objective, 3 * (10 + 5));
    assert_non_null(strstr(r.moves[0].why, "cost 15: move 10, district 5"));
    struct snapshot after = snap(fx, id);
    assert_int_equal(after.moves, 3);
    struct ops_plan_view v;
    assert_int_equal(ops_plan_moves(&fx->o, id, &v, &e), OPS_OK);
    assert_int_equal(v.nmoves, 3);
    for (size_t i = 0; i < v.nmoves; i++)      /* saved as the result says */
        assert_int_equal(v.moves[i].move.reason, REASON_WORKLOAD);
    ops_plan_view_free(&v);
    assert_int_equal(after.version, before.version + 1);
    assert_int_equal(r.version, after.version);
    assert_int_equal(after.audit, before.audit + 1);     /* one audit entry */
    ops_suggest_result_free(&r);
    /* again: nothing left to add, nothing written */
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_OK);
    assert_int_equal(r.nmoves, 0);
    struct snapshot again = snap(fx, id);
    same_snapshot(again, after);
    ops_suggest_result_free(&r);
}

static void keeps_earlier_moves(void **state)
{
    struct fx *fx = *state;
    struct ops_err e;
    uint32_t id;
    assert_int_equal(ops_plan_new(&fx->o, "Bertahap", NULL, &id, &e), OPS_OK);
    struct ops_move_req add = {id, NIP_C, "P2", REASON_ROTATION, NULL, 0};
    assert_int_equal(ops_plan_add(&fx->o, &add, NULL, NULL, NULL, &e), OPS_OK);
    struct ops_suggest_req rq = {.plan = id, .max_moves = 1};
    struct ops_suggest_result r;
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_OK);
    assert_int_equal(r.nmoves, 1);                       /* --max-moves 1 */
    assert_int_equal(r.shortage, 2);                     /* C's move counts */
    assert_string_not_equal(r.moves[0].nip, NIP_C);
    ops_suggest_result_free(&r);
    rq.max_moves = 0;
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_OK);
    assert_int_equal(r.nmoves, 1);
    ops_suggest_result_free(&r);
    struct move m;
    stxn *t = store_read_begin(fx->o.db);
    assert_int_equal(store_count_moves(t, id), 3);
    assert_int_equal(store_get_move(t, id, NIP_C, &m), STORE_OK);
    assert_int_equal(m.reason, REASON_ROTATION);         /* untouched */
    store_read_end(t);
    struct ops_breach *b;
    size_t nb;
    assert_int_equal(ops_plan_check(&fx->o, id, &b, &nb, &e), OPS_OK);
    assert_int_equal(nb, 0);
    free(b);
}

static int stop_at(void *ctx, int phase, uint64_t done)
{
    (void)done;
    return phase == *(int *)ctx;
}

static void stopped_runs_change_nothing(void **state)
{
    struct fx *fx = *state;
    struct ops_err e;
    uint32_t id;
    assert_int_equal(ops_plan_new(&fx->o, "Batal", NULL, &id, &e), OPS_OK);
    struct snapshot before = snap(fx, id);
    struct ops_suggest_result r;
    /* the cancel flag */
    volatile sig_atomic_t stop = 1;
    struct ops_suggest_req rq = {.plan = id, .max_moves = -1, .cancel = &stop};
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_STOPPED);
    assert_int_equal(r.nmoves, 0);
    /* the progress callback, at the last moment before saving */
    int phase = OPS_SUGGEST_SAVE;
    rq = (struct ops_suggest_req){.plan = id, .max_moves = -1, .progress = stop_at, .ctx = &phase};
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_STOPPED);
    struct snapshot after = snap(fx, id);
    same_snapshot(after, before);
    /* a stale version: refused as a conflict */
    rq = (struct ops_suggest_req){.plan = id, .max_moves = -1, .expect_version = (uint32_t)before.version + 7};
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_CONFLICT);
    /* no operator role */
    fx->o.roles = ROLE_VERIFIER;
    rq.expect_version = 0;
    assert_int_equal(ops_plan_suggest(&fx->o, &rq, &r, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "operator"));
    after = snap(fx, id);
    same_snapshot(after, before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(suggests_and_saves, setup, teardown),
        cmocka_unit_test_setup_teardown(keeps_earlier_moves, setup, teardown),
        cmocka_unit_test_setup_teardown(stopped_runs_change_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
