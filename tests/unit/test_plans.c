/* Plans and moves: the codec, the store (ids, versions, ranges, the
 * consistency check) and the plan actions of ops/ on a temporary
 * database, with two processes editing one plan. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "ops/plan.h"
#include "store/codec.h"
#include "store/plans.h"
#include "dbfixture.h"

/* --- codec ------------------------------------------------------------------ */

static struct plan sample_plan(void)
{
    struct plan p;
    memset(&p, 0, sizeof p);
    p.id = 7;
    strcpy(p.name, "Mutasi \xc3\xa9t\xc3\xa9 2026, tahap 1");
    strcpy(p.period, "2026");
    strcpy(p.state, "DRAFT");
    strcpy(p.author, "ani");
    strcpy(p.changed_by, "budi");
    p.created_at = 1780000000;
    p.changed_at = 1780000100;
    p.version = 12;
    return p;
}

static struct move sample_move(uint32_t plan, const char *nip)
{
    struct move m;
    memset(&m, 0, sizeof m);
    m.plan_id = plan;
    snprintf(m.nip, sizeof m.nip, "%s", nip);
    strcpy(m.from_position, "P-FROM");
    strcpy(m.from_unit, "U1");
    strcpy(m.to_position, "P-TO");
    strcpy(m.to_unit, "U2");
    m.reason = REASON_ROTATION;
    strcpy(m.note, "requested by the head of unit");
    strcpy(m.added_by, "ani");
    m.added_at = 1780000200;
    m.summary = 1;
    m.nverdicts = 3;
    m.verdicts[0].rule = 1;
    m.verdicts[1].rule = 8;
    m.verdicts[1].result = 1;
    m.verdicts[2].rule = 14;
    strcpy(m.why, "Competency: 1 gap");
    return m;
}

static void codec_round_trip(void **state)
{
    (void)state;
    unsigned char buf[CODEC_MAX];
    struct plan p = sample_plan(), p2;
    size_t n = codec_put_plan(&p, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(codec_get_plan(buf, n, &p2), 0);
    assert_memory_equal(&p, &p2, sizeof p);
    /* truncated, with a byte too many, or another version: refused */
    assert_int_equal(codec_get_plan(buf, n - 1, &p2), -1);
    buf[n] = 0;
    assert_int_equal(codec_get_plan(buf, n + 1, &p2), -1);
    buf[0] = CODEC_PLAN_VERSION + 1;
    assert_int_equal(codec_get_plan(buf, n, &p2), -1);
    /* a buffer too small gives 0 */
    assert_int_equal(codec_put_plan(&p, buf, 10), 0);

    struct move m = sample_move(7, "198609262015051001"), m2;
    n = codec_put_move(&m, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(codec_get_move(buf, n, &m2), 0);
    assert_memory_equal(&m, &m2, sizeof m);
    for (size_t cut = 1; cut < n; cut += 7)
        assert_int_equal(codec_get_move(buf, cut, &m2), -1);
    m.nverdicts = MOVE_VERDICT_MAX + 1;
    assert_int_equal(codec_put_move(&m, buf, sizeof buf), 0);
}

static void vocabulary(void **state)
{
    (void)state;
    assert_int_equal(move_reason_parse("own-request"), REASON_OWN_REQUEST);
    assert_int_equal(move_reason_parse("OWN_REQUEST"), REASON_OWN_REQUEST);
    assert_int_equal(move_reason_parse("workload"), REASON_WORKLOAD);
    assert_int_equal(move_reason_parse("holiday"), -1);
    assert_int_equal(move_reason_parse(""), -1);
    for (int r = 0; r < REASON_COUNT; r++)
        assert_int_equal(move_reason_parse(move_reason_name(r)), r);
    struct plan p = sample_plan();
    struct verrs v = {0};
    assert_int_equal(plan_validate(&p, &v), 0);
    p.name[0] = '\0';
    strcpy(p.state, "draft");
    assert_int_equal(plan_validate(&p, &v), 2);
    struct move m = sample_move(1, "19860926201505100x");
    strcpy(m.note, "line\nbreak");
    v.n = 0;
    assert_int_equal(move_validate(&m, &v), 2);
}

/* --- a temporary database ------------------------------------------------------ */

static int setup(void **state)
{
    *state = dbfx_new("plans");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* store_write with a closure */
struct job {
    int (*fn)(stxn *t, struct job *j);
    struct plan p, now;
    uint32_t expect, id;
    int rc;
};

static int run_job(stxn *t, void *ctx)
{
    struct job *j = ctx;
    j->rc = j->fn(t, j);
    return j->rc == STORE_CONFLICT ? STORE_OK : j->rc;
}

static int do_new_plan(stxn *t, struct job *j)
{
    int r = store_plan_new_id(t, &j->p.id);
    return r ? r : store_put_plan(t, &j->p, 0, &j->now);
}

static int do_put_plan(stxn *t, struct job *j)
{
    return store_put_plan(t, &j->p, j->expect, &j->now);
}

static uint32_t new_plan(store *s, const char *name)
{
    struct job j = {.fn = do_new_plan};
    j.p = sample_plan();
    j.p.id = 0;
    snprintf(j.p.name, sizeof j.p.name, "%s", name);
    assert_int_equal(store_write(s, run_job, &j), STORE_OK);
    assert_int_equal(j.rc, STORE_OK);
    assert_int_equal(j.p.version, 1);
    return j.p.id;
}

struct moves_job {
    const struct move *m;
    size_t n;
    const char *del_nip;
    uint32_t del_plan;
};

static int put_moves(stxn *t, void *ctx)
{
    struct moves_job *mj = ctx;
    for (size_t i = 0; i < mj->n; i++)
        if (store_put_move(t, &mj->m[i]) != STORE_OK)
            return STORE_ERROR;
    if (mj->del_nip)
        return store_del_move(t, mj->del_plan, mj->del_nip);
    return STORE_OK;
}

static int collect_nip(const struct move *m, void *ctx)
{
    char *out = ctx;
    strcat(out, m->nip + 15);       /* the last three digits */
    strcat(out, " ");
    return 0;
}

static void store_ids_versions_ranges(void **state)
{
    struct dbfx *fx = *state;
    uint32_t a = new_plan(fx->s, "a"), b = new_plan(fx->s, "b");
    assert_int_equal(a, 1);
    assert_int_equal(b, 2);
    /* saving over another version is a conflict that names who and when */
    struct job j = {.fn = do_put_plan};
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_get_plan(t, a, &j.p), STORE_OK);
    store_read_end(t);
    strcpy(j.p.changed_by, "citra");
    j.expect = 1;
    assert_int_equal(store_write(fx->s, run_job, &j), STORE_OK);
    assert_int_equal(j.rc, STORE_OK);
    assert_int_equal(j.p.version, 2);
    strcpy(j.p.changed_by, "dedi");
    j.expect = 1;                   /* stale */
    assert_int_equal(store_write(fx->s, run_job, &j), STORE_OK);
    assert_int_equal(j.rc, STORE_CONFLICT);
    assert_string_equal(j.now.changed_by, "citra");
    assert_int_equal(j.now.version, 2);
    /* moves: each plan is one range in NIP order; put replaces */
    struct move m[] = {sample_move(a, "198001012005011003"), sample_move(b, "198001012005011001"),
                       sample_move(a, "198001012005011001"), sample_move(a, "198001012005011002"),
                       sample_move(a, "198001012005011002")};
    strcpy(m[4].to_position, "P-OTHER");
    struct moves_job mj = {m, 5, "198001012005011003", a};
    assert_int_equal(store_write(fx->s, put_moves, &mj), STORE_OK);
    char seen[128] = "";
    struct move got;
    t = store_read_begin(fx->s);
    assert_int_equal(store_each_move(t, a, collect_nip, seen), 0);
    assert_string_equal(seen, "001 002 ");
    assert_int_equal(store_count_moves(t, a), 2);
    assert_int_equal(store_count_moves(t, b), 1);
    assert_int_equal(store_count_moves(t, 3), 0);
    assert_int_equal(store_get_move(t, a, "198001012005011002", &got), STORE_OK);
    assert_string_equal(got.to_position, "P-OTHER");
    assert_int_equal(store_get_move(t, a, "198001012005011003", &got), STORE_NOTFOUND);
    assert_int_equal(store_count_plans(t), 2);
    char why[256];
    assert_int_equal(store_check_indexes(t, why, sizeof why), 0);
    store_read_end(t);
    /* a move of a plan that does not exist is found by the check */
    struct move orphan = sample_move(9, "198001012005011009");
    mj = (struct moves_job){&orphan, 1, NULL, 0};
    assert_int_equal(store_write(fx->s, put_moves, &mj), STORE_OK);
    t = store_read_begin(fx->s);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 1);
    assert_non_null(strstr(why, "plan 9"));
    store_read_end(t);
}

/* --- ops ------------------------------------------------------------------------ */

static const char *const NIP_A = "198001012005011001";   /* moves: allowed */
static const char *const NIP_B = "198002022005011002";   /* on study leave: blocked */
static const char *const NIP_C = "198003032005011003";

/* U1 > U2; P1 in U1 need 1, held by A, B and C; P2 in U2 need 2, held by none. */
static int fill_region(stxn *t, void *ctx)
{
    (void)ctx;
    struct position p1;
    struct staff a, b, c;
    dbfx_person(&a, NIP_A, "P1");
    dbfx_person(&b, NIP_B, "P1");
    b.leave = LEAVE_TUGAS_BELAJAR;
    dbfx_person(&c, NIP_C, "P1");
    if (dbfx_put_two_units(t, 150000, &p1) != STORE_OK || store_put_staff(t, &a) ||
        store_put_staff(t, &b) || store_put_staff(t, &c))
        return STORE_ERROR;
    return STORE_OK;
}

struct session {
    struct ops o;
    struct config cfg;
};

static void session_open(struct session *ss, const char *dir, const char *user, unsigned roles)
{
    char err[640];
    memset(ss, 0, sizeof *ss);
    policy_defaults(&ss->cfg.policy);
    ss->o.cfg = &ss->cfg;
    ss->o.db = store_open(dir, 0, err, sizeof err);
    if (!ss->o.db)
        fail_msg("open: %s", err);
    snprintf(ss->o.user, sizeof ss->o.user, "%s", user);
    ss->o.roles = roles;
    ss->o.today = date_from_ymd(2026, 7, 1);
}

static void session_close(struct session *ss)
{
    store_close(ss->o.db);
}

/* The region in the fixture's database, then the fixture's store closed
 * and a session opened on it as ani, an operator. */
static void region_session(struct dbfx *fx, struct session *ss)
{
    assert_int_equal(store_write(fx->s, fill_region, NULL), STORE_OK);
    store_close(fx->s);
    fx->s = NULL;
    session_open(ss, fx->db, "ani", ROLE_OPERATOR);
}

static void ops_actions(void **state)
{
    struct dbfx *fx = *state;
    struct session ss;
    struct ops_err e;
    uint32_t id;
    region_session(fx, &ss);
    assert_int_equal(ops_plan_new(&ss.o, "Mutasi", "2026", &id, &e), OPS_OK);
    /* blocked: every blocking reason in the message, nothing written */
    struct ops_move_req rq = {id, NIP_B, "P2", REASON_WORKLOAD, NULL, 0};
    struct verdict v[RULE_COUNT];
    size_t nv = 0;
    assert_int_equal(ops_plan_add(&ss.o, &rq, NULL, v, &nv, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "study leave"));
    assert_int_equal(rules_summary(v, nv), MOVE_BLOCKED);
    /* allowed */
    struct move m;
    rq.nip = NIP_A;
    assert_int_equal(ops_plan_add(&ss.o, &rq, &m, NULL, NULL, &e), OPS_OK);
    assert_string_equal(m.from_position, "P1");
    assert_string_equal(m.to_unit, "U2");
    assert_int_equal(m.nverdicts, RULE_COUNT);
    /* a person once; the own position; an unknown position */
    assert_int_equal(ops_plan_add(&ss.o, &rq, NULL, NULL, NULL, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "already in plan"));
    rq.nip = NIP_C;
    rq.position = "P1";
    assert_int_equal(ops_plan_add(&ss.o, &rq, NULL, NULL, NULL, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "already holds"));
    rq.position = "NOPE";
    assert_int_equal(ops_plan_add(&ss.o, &rq, NULL, NULL, NULL, &e), OPS_REFUSED);
    /* show: the moves and the impact (P1 3 -> 2, P2 0 -> 1, U2 +1, U1 unchanged) */
    struct ops_plan_view pv;
    assert_int_equal(ops_plan_show(&ss.o, id, &pv, &e), OPS_OK);
    assert_int_equal(pv.nmoves, 1);
    assert_string_equal(pv.moves[0].name, "Orang 001");
    assert_int_equal(pv.plan.version, 2);
    bool saw_p2 = false;
    for (size_t i = 0; i < pv.nimpact; i++)
        if (strcmp(pv.impact[i].code, "P2") == 0) {
            saw_p2 = true;
            assert_int_equal(pv.impact[i].before.existing, 0);
            assert_int_equal(pv.impact[i].after.existing, 1);
        }
    assert_true(saw_p2);
    ops_plan_view_free(&pv);
    /* check: a clean plan */
    struct ops_breach *b;
    size_t nb;
    assert_int_equal(ops_plan_check(&ss.o, id, &b, &nb, &e), OPS_OK);
    assert_int_equal(nb, 0);
    free(b);
    /* drop, then drop again */
    assert_int_equal(ops_plan_drop(&ss.o, id, NIP_A, 0, &e), OPS_OK);
    assert_int_equal(ops_plan_drop(&ss.o, id, NIP_A, 0, &e), OPS_REFUSED);
    /* no operator role: refused */
    ss.o.roles = ROLE_VERIFIER;
    assert_int_equal(ops_plan_new(&ss.o, "x", NULL, &id, &e), OPS_REFUSED);
    assert_non_null(strstr(e.msg, "operator"));
    /* every change was audited: new, add, drop */
    stxn *t = store_read_begin(ss.o.db);
    assert_int_equal(store_count_audit(t), 3);
    char why[256];
    assert_int_equal(store_check_indexes(t, why, sizeof why), 0);
    store_read_end(t);
    session_close(&ss);
}

/* Two processes on one plan: budi reads version 1, ani adds a move
 * (version 2), budi's add with version 1 is refused with who and when. */
static void two_processes(void **state)
{
    struct dbfx *fx = *state;
    struct session ss;
    struct ops_err e;
    uint32_t id;
    region_session(fx, &ss);
    assert_int_equal(ops_plan_new(&ss.o, "Mutasi", NULL, &id, &e), OPS_OK);
    session_close(&ss);

    int to_child[2], to_parent[2];
    assert_int_equal(pipe(to_child), 0);
    assert_int_equal(pipe(to_parent), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct session cs;
        struct ops_plan_view pv;
        char c;
        session_open(&cs, fx->db, "budi", ROLE_OPERATOR);
        int ok = ops_plan_show(&cs.o, id, &pv, &e) == OPS_OK && pv.plan.version == 1;
        uint32_t seen = pv.plan.version;
        ops_plan_view_free(&pv);
        if (write(to_parent[1], "r", 1) != 1 || read(to_child[0], &c, 1) != 1)
            _exit(3);
        struct ops_move_req rq = {id, NIP_C, "P2", REASON_WORKLOAD, NULL, seen};
        int rc = ops_plan_add(&cs.o, &rq, NULL, NULL, NULL, &e);
        ok = ok && rc == OPS_CONFLICT && strstr(e.msg, "changed by ani") != NULL;
        stxn *t = store_read_begin(cs.o.db);
        ok = ok && store_count_moves(t, id) == 1;
        store_read_end(t);
        if (!ok)
            fprintf(stderr, "child: rc %d, %s\n", rc, e.msg);
        session_close(&cs);
        _exit(ok ? 0 : 1);
    }
    char c;
    assert_int_equal(read(to_parent[0], &c, 1), 1);
    session_open(&ss, fx->db, "ani", ROLE_OPERATOR);
    struct ops_move_req rq = {id, NIP_A, "P2", REASON_WORKLOAD, NULL, 1};
    assert_int_equal(ops_plan_add(&ss.o, &rq, NULL, NULL, NULL, &e), OPS_OK);
    session_close(&ss);
    assert_int_equal(write(to_child[1], "g", 1), 1);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    close(to_child[0]), close(to_child[1]), close(to_parent[0]), close(to_parent[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codec_round_trip),
        cmocka_unit_test(vocabulary),
        cmocka_unit_test_setup_teardown(store_ids_versions_ranges, setup, teardown),
        cmocka_unit_test_setup_teardown(ops_actions, setup, teardown),
        cmocka_unit_test_setup_teardown(two_processes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
