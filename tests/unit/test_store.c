/* The LMDB store on a temporary database: records, indexes after insert,
 * update and delete, iteration orders, name paging, map growth, schema
 * check, file modes, the audit chain and backup. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "store/codec.h"
#include "store/keys.h"
#include "store/store.h"
#include "store_test.h"
#include "dbfixture.h"

/* --- fixtures -------------------------------------------------------------- */

static int setup(void **state)
{
    *state = dbfx_new("store");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    unsetenv("MUTASI_MAPSIZE");
    return 0;
}

static void make_nip(char out[NIP_LEN + 1], int i)
{
    /* the store checks only the length; NIP order = i order */
    snprintf(out, NIP_LEN + 1, "19800101%010d", i);
}

static void make_staff(struct staff *s, int i, const char *unit, const char *pos, const char *name)
{
    memset(s, 0, sizeof *s);
    make_nip(s->nip, i);
    snprintf(s->name, sizeof s->name, "%s", name);
    snprintf(s->unit, sizeof s->unit, "%s", unit);
    snprintf(s->position, sizeof s->position, "%s", pos);
    s->sex = SEX_L;
    s->status = STATUS_PNS;
    s->rank = 9;
    s->birth_date = 3652;
    s->post_since = 15000 + i;
    s->pns_since = 13000;
    s->discipline_until = MDATE_NONE;
}

/* store_write callbacks taking a closure of records to put. */
struct batch {
    const struct staff *staff;
    int n;
    const char *user;
};

static int put_batch(stxn *t, void *ctx)
{
    const struct batch *b = ctx;
    for (int i = 0; i < b->n; i++)
        if (store_put_staff(t, &b->staff[i]) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

static void put_all(store *s, const struct staff *staff, int n)
{
    struct batch b = {staff, n, NULL};
    int r = store_write(s, put_batch, &b);
    if (r != STORE_OK)
        fail_msg("write: %s", store_errmsg(s));
}

static int check(store *s)
{
    char why[300];
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    int n = store_check_indexes(t, why, sizeof why);
    if (n)
        print_message("index problem: %s\n", why);
    store_read_end(t);
    return n;
}

/* Collects NIPs (or names) of the staff a walk visits. */
struct seen {
    int n, max;
    char nip[64][NIP_LEN + 1];
    char name[64][NAME_SIZE];
};

static int collect(const struct staff *s, void *ctx)
{
    struct seen *sn = ctx;
    if (sn->n < 64) {
        strcpy(sn->nip[sn->n], s->nip);
        strcpy(sn->name[sn->n], s->name);
    }
    sn->n++;
    return sn->max && sn->n >= sn->max ? 1 : 0;
}

/* --- opening ---------------------------------------------------------------- */

static void creates_with_group_modes(void **state)
{
    (void)state;
    char root[] = "/tmp/mutasi-modes-XXXXXX", db[96], path[128], err[640];
    struct stat st;
    assert_non_null(mkdtemp(root));
    snprintf(db, sizeof db, "%s/a/b", root);  /* missing parents are made */
    mode_t old = umask(077);
    store *s = store_open(db, STORE_CREATE, err, sizeof err);
    umask(old);
    assert_non_null(s);
    assert_true(store_was_created(s));
    assert_int_equal(stat(db, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0770);
    snprintf(path, sizeof path, "%s/data.mdb", db);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0660);
    snprintf(path, sizeof path, "%s/lock.mdb", db);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0660);
    store_close(s);
    s = store_open(db, STORE_CREATE, err, sizeof err);
    assert_non_null(s);
    assert_false(store_was_created(s));       /* second open finds it */
    store_close(s);
    dbfx_remove(root);
}

static void missing_database_is_an_error(void **state)
{
    struct dbfx *fx = *state;
    char db[160], err[640] = "";
    snprintf(db, sizeof db, "%s/nothing-here", fx->root);
    assert_null(store_open(db, 0, err, sizeof err));
    assert_non_null(strstr(err, "mutasi init"));
    assert_null(store_open(db, STORE_READONLY, err, sizeof err));
    struct stat st;
    assert_int_not_equal(stat(db, &st), 0);   /* and nothing was created */
}

struct schema_ctx {
    uint32_t version;
};

static int write_schema(stxn *t, void *ctx)
{
    unsigned char v[4];
    codec_be32(v, ((struct schema_ctx *)ctx)->version);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void newer_schema_refused(void **state)
{
    struct dbfx *fx = *state;
    char err[640] = "";
    struct schema_ctx sc = {STORE_SCHEMA_VERSION + 1};
    assert_int_equal(store_write(fx->s, write_schema, &sc), STORE_OK);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    assert_null(fx->s);
    char want[200];
    snprintf(want, sizeof want, "database schema %u is newer than this mutasi (%u); upgrade mutasi",
             STORE_SCHEMA_VERSION + 1, STORE_SCHEMA_VERSION);
    assert_string_equal(err, want);
    assert_null(store_open(fx->db, STORE_READONLY, err, sizeof err));
    assert_non_null(strstr(err, "newer"));
    fx->s = NULL;
}

static int teardown_reopen(void **state)
{
    struct dbfx *fx = *state;
    if (!fx->s) {
        /* the database was left with a newer schema: just remove it */
        dbfx_remove(fx->root);
        free(fx);
        return 0;
    }
    return teardown(state);
}

/* --- units and positions ------------------------------------------------------ */

struct up_ctx {
    struct unit u;
    struct position p;
};

static int put_up(stxn *t, void *ctx)
{
    struct up_ctx *c = ctx;
    if (store_put_unit(t, &c->u) || store_put_position(t, &c->p))
        return STORE_ERROR;
    return STORE_OK;
}

static int del_up(stxn *t, void *ctx)
{
    struct up_ctx *c = ctx;
    if (store_del_unit(t, c->u.code) || store_del_position(t, c->p.code))
        return STORE_ERROR;
    return STORE_OK;
}

static int count_unit(const struct unit *u, void *ctx)
{
    (void)u;
    ++*(int *)ctx;
    return 0;
}

static int count_position(const struct position *p, void *ctx)
{
    (void)p;
    ++*(int *)ctx;
    return 0;
}

static void units_and_positions(void **state)
{
    struct dbfx *fx = *state;
    struct up_ctx c;
    memset(&c, 0, sizeof c);
    strcpy(c.u.code, "DINKES");
    strcpy(c.u.name, "Dinas Kesehatan");
    c.u.kind = UKIND_OPD;
    strcpy(c.p.code, "P1");
    strcpy(c.p.unit, "DINKES");
    strcpy(c.p.name, "Perawat");
    c.p.workload_minutes = 150000;
    c.p.need = NEED_FROM_ABK;
    assert_int_equal(store_write(fx->s, put_up, &c), STORE_OK);
    strcpy(c.u.name, "Dinas Kesehatan Daerah");   /* put again replaces */
    assert_int_equal(store_write(fx->s, put_up, &c), STORE_OK);

    stxn *t = store_read_begin(fx->s);
    struct unit u;
    struct position p;
    assert_int_equal(store_get_unit(t, "DINKES", &u), STORE_OK);
    assert_memory_equal(&u, &c.u, sizeof u);
    assert_int_equal(store_get_position(t, "P1", &p), STORE_OK);
    assert_memory_equal(&p, &c.p, sizeof p);
    assert_int_equal(store_get_unit(t, "NOPE", &u), STORE_NOTFOUND);
    assert_int_equal(store_count_units(t), 1);
    assert_int_equal(store_count_positions(t), 1);
    int nu = 0, np = 0;
    assert_int_equal(store_each_unit(t, count_unit, &nu), 0);
    assert_int_equal(store_each_position(t, count_position, &np), 0);
    assert_int_equal(nu, 1);
    assert_int_equal(np, 1);
    /* a change in a read transaction is refused */
    assert_int_equal(store_put_unit(t, &c.u), STORE_ERROR);
    store_read_end(t);

    assert_int_equal(store_write(fx->s, del_up, &c), STORE_OK);
    t = store_read_begin(fx->s);
    assert_int_equal(store_get_unit(t, "DINKES", &u), STORE_NOTFOUND);
    assert_int_equal(store_get_position(t, "P1", &p), STORE_NOTFOUND);
    assert_int_equal(store_count_units(t), 0);
    store_read_end(t);
}

static int put_then_refuse(stxn *t, void *ctx)
{
    store_put_unit(t, ctx);
    return STORE_CONFLICT;
}

static void refused_write_leaves_nothing(void **state)
{
    struct dbfx *fx = *state;
    struct unit u;
    memset(&u, 0, sizeof u);
    strcpy(u.code, "X");
    assert_int_equal(store_write(fx->s, put_then_refuse, &u), STORE_CONFLICT);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_get_unit(t, "X", &u), STORE_NOTFOUND);
    store_read_end(t);
}

/* --- staff and indexes ---------------------------------------------------------- */

static const char *const names[] = {"Budi Santoso", "ani lestari", "Citra Dewi", "Ani Lestari",
                                    "Dedi Kurniawan", "eka putri", "Agus Salim", "budi"};
#define NNAMES (int)(sizeof names / sizeof *names)

static void insert_people(store *s, struct staff *st, int n)
{
    static const char *const units[] = {"U1", "U2", "U3"};
    static const char *const pos[] = {"P1", "P2", "P3", "P4"};
    for (int i = 0; i < n; i++)
        make_staff(&st[i], i, units[i % 3], pos[i % 4], names[i % NNAMES]);
    put_all(s, st, n);
}

static int count_in_unit(store *s, const char *unit)
{
    struct seen sn = {0};
    stxn *t = store_read_begin(s);
    assert_int_equal(store_each_staff_in_unit(t, unit, collect, &sn), 0);
    for (int i = 0; i < sn.n && i < 64; i++) {
        struct staff x;
        assert_int_equal(store_get_staff(t, sn.nip[i], &x), STORE_OK);
        assert_string_equal(x.unit, unit);
    }
    store_read_end(t);
    return sn.n;
}

static int count_in_position(store *s, const char *pos)
{
    struct seen sn = {0};
    stxn *t = store_read_begin(s);
    assert_int_equal(store_each_staff_in_position(t, pos, collect, &sn), 0);
    store_read_end(t);
    return sn.n;
}

static int del_some(stxn *t, void *ctx)
{
    const struct batch *b = ctx;
    for (int i = 0; i < b->n; i += 5)
        if (store_del_staff(t, b->staff[i].nip) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

static void staff_indexes_follow_changes(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[48], got;
    insert_people(fx->s, st, 48);
    assert_int_equal(check(fx->s), 0);
    assert_int_equal(count_in_unit(fx->s, "U1"), 16);
    assert_int_equal(count_in_position(fx->s, "P1"), 12);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 48);
    assert_int_equal(store_get_staff(t, st[7].nip, &got), STORE_OK);
    assert_memory_equal(&got, &st[7], sizeof got);
    store_read_end(t);

    /* move every U1 person to U3 and P4, and rename some */
    for (int i = 0; i < 48; i += 3) {
        strcpy(st[i].unit, "U3");
        strcpy(st[i].position, "P4");
        if (i % 2 == 0)
            snprintf(st[i].name, sizeof st[i].name, "Zainal %d", i);
    }
    put_all(fx->s, st, 48);
    assert_int_equal(check(fx->s), 0);
    assert_int_equal(count_in_unit(fx->s, "U1"), 0);
    assert_int_equal(count_in_unit(fx->s, "U3"), 32);
    assert_int_equal(count_in_position(fx->s, "P4"), 12 + 12);

    /* a person without a position or unit has no index entries there */
    strcpy(st[1].unit, "");
    strcpy(st[1].position, "");
    put_all(fx->s, &st[1], 1);
    assert_int_equal(check(fx->s), 0);

    struct batch b = {st, 48, NULL};
    assert_int_equal(store_write(fx->s, del_some, &b), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 48 - 10);
    assert_int_equal(store_get_staff(t, st[5].nip, &got), STORE_NOTFOUND);
    store_read_end(t);
    assert_int_equal(count_in_unit(fx->s, "U3"), 32 - 7);   /* 0,15,30,45 and 5,20,35 */
}

struct pos_counts {
    char code[8][CODE_SIZE];
    size_t n[8];
    int k;
};

static int note_count(const char *code, size_t n, void *ctx)
{
    struct pos_counts *pc = ctx;
    if (pc->k < 8) {
        snprintf(pc->code[pc->k], CODE_SIZE, "%s", code);
        pc->n[pc->k++] = n;
    }
    return 0;
}

/* Counts per position from the index agree with walking each position. */
static void position_counts_come_from_the_index(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[48];
    insert_people(fx->s, st, 48);
    struct pos_counts pc = {0};
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_each_position_count(t, note_count, &pc), 0);
    store_read_end(t);
    assert_true(pc.k >= 2);
    size_t total = 0;
    for (int i = 0; i < pc.k; i++) {
        if (i > 0)
            assert_true(strcmp(pc.code[i - 1], pc.code[i]) < 0);
        assert_int_equal(pc.n[i], count_in_position(fx->s, pc.code[i]));
        total += pc.n[i];
    }
    assert_int_equal(total, 48);
}

struct batch_call {
    const struct staff *a;
    size_t n;
};

static int put_batch_call(stxn *t, void *ctx)
{
    const struct batch_call *bc = ctx;
    return store_put_staff_batch(t, bc->a, bc->n);
}

/* A batch gives the same database as single puts: new rows, changed
 * rows (unit, position, name), a NIP given twice (the later row wins). */
static void batch_put_matches_single_puts(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[40], b[45], got;
    insert_people(fx->s, st, 40);
    for (int i = 0; i < 40; i++) {
        b[i] = st[(i * 17) % 40];               /* shuffled */
        if (i % 4 == 0) {
            strcpy(b[i].unit, "U9");
            memset(b[i].name, 0, sizeof b[i].name);   /* whole structs are compared */
            snprintf(b[i].name, sizeof b[i].name, "Baru %02d", i);
        }
        if (i % 6 == 0)
            strcpy(b[i].position, "P9");
    }
    for (int i = 40; i < 44; i++)               /* new people */
        make_staff(&b[i], 100 + i, "U9", "P9", "Orang Baru");
    b[44] = b[0];                               /* NIP of b[0] again, later */
    strcpy(b[44].unit, "U8");
    strcpy(b[44].name, "Menang");
    struct batch_call bc = {b, 45};
    assert_int_equal(store_write(fx->s, put_batch_call, &bc), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 44);
    for (int i = 1; i < 44; i++) {
        assert_int_equal(store_get_staff(t, b[i].nip, &got), STORE_OK);
        assert_memory_equal(&got, &b[i], sizeof got);
    }
    assert_int_equal(store_get_staff(t, b[0].nip, &got), STORE_OK);
    assert_string_equal(got.unit, "U8");
    assert_string_equal(got.name, "Menang");
    store_read_end(t);
    assert_int_equal(count_in_unit(fx->s, "U9"), 10 - 1 + 4);  /* b[0] went on to U8 */
    assert_int_equal(count_in_unit(fx->s, "U8"), 1);
    assert_int_equal(count_in_position(fx->s, "P9"), 7 + 4);
}

/* Into an empty database a sorted batch is appended; a second batch that
 * interleaves with the first (keys before, between and after) must take
 * the ordinary path for the keys that are not past the end. */
static void batch_appends_then_interleaves(void **state)
{
    struct dbfx *fx = *state;
    static struct staff a[300], b[300];
    struct staff got;
    for (int i = 0; i < 300; i++) {
        char name[32];
        snprintf(name, sizeof name, "Nama %03d", (i * 7) % 300);
        make_staff(&a[i], 2 * i + 10, i % 3 ? "U1" : "U2", i % 2 ? "P1" : "P2", name);
    }
    struct batch_call bc = {a, 300};
    assert_int_equal(store_write(fx->s, put_batch_call, &bc), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    for (int i = 0; i < 300; i++) {
        char name[32];
        snprintf(name, sizeof name, "Lain %03d", i);
        make_staff(&b[i], 2 * i + 1, i % 2 ? "U0" : "U3", "P3", name);
    }
    b[150] = a[75];                             /* an update, moved to U3 */
    strcpy(b[150].unit, "U3");
    bc = (struct batch_call){b, 300};
    assert_int_equal(store_write(fx->s, put_batch_call, &bc), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 300 + 299);
    assert_int_equal(store_get_staff(t, a[75].nip, &got), STORE_OK);
    assert_string_equal(got.unit, "U3");
    assert_int_equal(store_get_staff(t, b[299].nip, &got), STORE_OK);
    assert_string_equal(got.name, "Lain 299");
    store_read_end(t);
    /* b's even rows are in U3, but b[150] became a[75] (from U2) */
    assert_int_equal(count_in_unit(fx->s, "U3"), 150);
    assert_int_equal(count_in_unit(fx->s, "U0"), 150);
    assert_int_equal(count_in_unit(fx->s, "U2"), 100 - 1);
}

/* --- bulk load -------------------------------------------------------------- */

/* People in NIP order whose names tie in their first 8 bytes, differ only
 * in case, are shorter than 8 bytes, empty or long; some have no unit or
 * no position. */
static void bulk_people(struct staff *st, int n)
{
    static const char *const nm[] = {
        "Budi Santoso", "budi santoso", "Budi Santosa", "Ani", "ANI", "Muhammad Rizki",
        "Muhammad Rizal", "Muhammad", "Muhammad Rizki Pratama Putra Wijaya, S.Kom., M.T.",
        "Siti", "\xc3\x81nh Nguy\xe1\xbb\x85n", "", "Zainal", "muhammad rizki"};
    static const char *const units[] = {"U1", "U2", "U10", "", "U3"};
    static const char *const pos[] = {"P1", "P2", "P3", "P10", "P4", "", "P5"};
    for (int i = 0; i < n; i++)
        make_staff(&st[i], 3 * i + 7, units[(i * 7) % 5], pos[(i * 3) % 7], nm[(i * 5) % 14]);
}

static struct history post_line(const struct staff *s)
{
    struct history h = {0};
    memcpy(h.nip, s->nip, sizeof h.nip);
    h.since = s->post_since;
    snprintf(h.position, sizeof h.position, "%s", s->position);
    snprintf(h.unit, sizeof h.unit, "%s", s->unit);
    h.rank = s->rank;
    return h;
}

struct bulk_job {
    const struct staff *st;
    int n;
    bool history;               /* a history line with each person */
    int calls;                  /* how often store_write called the job */
};

static int bulk_load(stxn *t, void *ctx)
{
    struct bulk_job *j = ctx;
    store_bulk *b;
    j->calls++;
    if (store_bulk_begin(t, (size_t)j->n, &b) != STORE_OK)
        return STORE_ERROR;
    for (int i = 0; i < j->n; i++) {
        struct history h = post_line(&j->st[i]);
        if (store_bulk_add(b, &j->st[i], j->history ? &h : NULL) != STORE_OK) {
            store_bulk_free(b);
            return STORE_ERROR;
        }
    }
    return store_bulk_finish(b);
}

/* The same people and lines one by one, in another order. */
static int single_load(stxn *t, void *ctx)
{
    struct bulk_job *j = ctx;
    for (int k = 0; k < j->n; k++) {
        const struct staff *s = &j->st[(k * 37) % j->n];
        struct history h = post_line(s);
        if (store_put_staff(t, s) != STORE_OK || (j->history && store_add_history(t, &h)))
            return STORE_ERROR;
    }
    return STORE_OK;
}

static int add_one_history(stxn *t, void *ctx)
{
    return store_add_history(t, ctx);
}

/* A table's pairs, serialised: klen, key, vlen, value. */
static void assert_same_tables(store *a, store *b)
{
    static const char *const dbs[] = {"staff", "history", "staff_by_unit",
                                      "staff_by_position", "staff_by_name"};
    for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++) {
        struct dbfx_dump x = dbfx_dump_table(a, dbs[i]), y = dbfx_dump_table(b, dbs[i]);
        if (x.n != y.n || (x.n && memcmp(x.p, y.p, x.n) != 0))
            fail_msg("table %s differs (%zu and %zu bytes)", dbs[i], x.n, y.n);
        assert_true(x.n > 0);
        free(x.p);
        free(y.p);
    }
}

/* A bulk load gives byte for byte the database that single puts give,
 * also where history lines of the same people and dates were there
 * before (those people take the ordinary path: sequence 1). */
static void bulk_matches_single_puts(void **state)
{
    struct dbfx *fx = *state;
    enum { N = 700 };
    static struct staff st[N];
    bulk_people(st, N);
    store *other = dbfx_open_second(fx);
    struct history before = post_line(&st[N / 2]);
    assert_int_equal(store_write(fx->s, add_one_history, &before), STORE_OK);
    assert_int_equal(store_write(other, add_one_history, &before), STORE_OK);
    struct bulk_job bulk = {st, N, true, 0}, single = {st, N, true, 0};
    assert_int_equal(store_write(fx->s, bulk_load, &bulk), STORE_OK);
    assert_int_equal(store_write(other, single_load, &single), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    assert_same_tables(fx->s, other);
    stxn *t = store_read_begin(fx->s);
    struct staff got;
    assert_int_equal(store_count_staff(t), N);
    assert_int_equal(store_get_staff(t, st[N - 1].nip, &got), STORE_OK);
    assert_memory_equal(&got, &st[N - 1], sizeof got);
    store_read_end(t);
    store_close(other);
}

/* Without history lines, and read back through the public iteration. */
static void bulk_without_history(void **state)
{
    struct dbfx *fx = *state;
    enum { N = 140 };
    static struct staff st[N];
    bulk_people(st, N);
    struct bulk_job bulk = {st, N, false, 0};
    assert_int_equal(store_write(fx->s, bulk_load, &bulk), STORE_OK);
    assert_int_equal(check(fx->s), 0);
    struct seen byname = {0};
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_each_staff_by_name(t, NULL, collect, &byname), 0);
    store_read_end(t);
    struct dbfx_dump h = dbfx_dump_table(fx->s, "history");
    assert_int_equal(byname.n, N);
    assert_int_equal(h.n, 0);
    free(h.p);
    assert_int_equal(count_in_unit(fx->s, "U10"), N / 5);
}

static int bulk_into_nonempty(stxn *t, void *ctx)
{
    store_bulk *b = NULL;
    (void)ctx;
    int r = store_bulk_begin(t, 0, &b);
    assert_null(b);
    return r;
}

/* A bulk load wants an empty staff table and ascending NIPs; a refused
 * load leaves nothing behind. */
static void bulk_refusals(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[20];
    bulk_people(st, 20);
    struct staff swapped[20];
    memcpy(swapped, st, sizeof st);
    swapped[10] = st[11];
    swapped[11] = st[10];
    struct bulk_job bad = {swapped, 20, true, 0};
    assert_int_equal(store_write(fx->s, bulk_load, &bad), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "ascending"));
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 0);
    store_read_end(t);
    put_all(fx->s, st, 1);
    assert_int_equal(store_write(fx->s, bulk_into_nonempty, NULL), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "empty"));
}

#define MANY 4000
static void reopen_tiny(struct dbfx *fx);

/* The map fills during the load: store_write grows it and calls the job
 * again, which starts a new load. */
static void bulk_survives_map_growth(void **state)
{
    struct dbfx *fx = *state;
    reopen_tiny(fx);
    struct staff *st = calloc(MANY, sizeof *st);
    bulk_people(st, MANY);
    struct bulk_job bulk = {st, MANY, true, 0};
    assert_int_equal(store_write(fx->s, bulk_load, &bulk), STORE_OK);
    assert_true(bulk.calls > 1);
    assert_true(store_map_size(fx->s) > 65536);
    assert_int_equal(check(fx->s), 0);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), MANY);
    store_read_end(t);
    free(st);
}

/* The staff indexes file NIPs packed (keys.h). */
static int drop_unit_entry(stxn *t, void *ctx)
{
    const struct staff *s = ctx;
    unsigned char ref[STORE_NIP_REF_LEN];
    assert_true(store_nip_pack(s->nip, ref));
    return store_test_raw_del(t, "staff_by_unit", s->unit, strlen(s->unit), ref, sizeof ref);
}

static int add_dangling(stxn *t, void *ctx)
{
    unsigned char ref[STORE_NIP_REF_LEN];
    (void)ctx;
    assert_true(store_nip_pack("199901012020011999", ref));
    return store_test_raw_put(t, "staff_by_position", "P9", 2, ref, sizeof ref);
}

static void check_indexes_finds_damage(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[6];
    insert_people(fx->s, st, 6);
    assert_int_equal(check(fx->s), 0);
    assert_int_equal(store_write(fx->s, drop_unit_entry, &st[2]), STORE_OK);
    char why[300];
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 1);
    assert_non_null(strstr(why, st[2].nip));
    store_read_end(t);
    /* a dangling entry: the index check finds it, and so does the recount
     * of the workload aggregates (a holder of no known position) */
    assert_int_equal(store_write(fx->s, add_dangling, NULL), STORE_OK);
    t = store_read_begin(fx->s);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 3);
    store_read_end(t);
    /* putting the record again repairs its own entries */
    put_all(fx->s, &st[2], 1);
    t = store_read_begin(fx->s);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 2);
    assert_non_null(strstr(why, "199901012020011999"));
    store_read_end(t);
}

/* --- iteration ------------------------------------------------------------------- */

static void iteration_orders(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[NNAMES * 2];
    insert_people(fx->s, st, NNAMES * 2);
    stxn *t = store_read_begin(fx->s);

    struct seen sn = {0};
    assert_int_equal(store_each_staff(t, NULL, collect, &sn), 0);
    assert_int_equal(sn.n, NNAMES * 2);
    for (int i = 1; i < sn.n; i++)
        assert_true(strcmp(sn.nip[i - 1], sn.nip[i]) < 0);
    struct seen from = {0};
    assert_int_equal(store_each_staff(t, sn.nip[5], collect, &from), 0);
    assert_int_equal(from.n, sn.n - 5);
    assert_string_equal(from.nip[0], sn.nip[5]);

    /* by name: case-folded order, same names in NIP order */
    struct seen byname = {0};
    assert_int_equal(store_each_staff_by_name(t, NULL, collect, &byname), 0);
    assert_int_equal(byname.n, NNAMES * 2);
    for (int i = 1; i < byname.n; i++) {
        int c = strcasecmp(byname.name[i - 1], byname.name[i]);
        assert_true(c < 0 || (c == 0 && strcmp(byname.nip[i - 1], byname.nip[i]) < 0));
    }
    assert_string_equal(byname.name[0], "Agus Salim");
    assert_string_equal(byname.name[byname.n - 1], "eka putri");

    /* forward from a name includes it; stopping early returns the cb's value */
    struct seen fw = {.max = 3};
    assert_int_equal(store_each_staff_by_name(t, "BUDI", collect, &fw), 1);
    assert_int_equal(fw.n, 3);
    assert_string_equal(fw.name[0], "budi");
    assert_string_equal(fw.name[2], "Budi Santoso");

    /* backward: the last names strictly before */
    struct seen bw = {0};
    assert_int_equal(store_each_staff_by_name_rev(t, "budi", collect, &bw), 0);
    assert_int_equal(bw.n, 6);                 /* agus x2, ani lestari x4 */
    for (int i = 0; i < bw.n; i++)
        assert_true(strcasecmp(bw.name[i], "budi") < 0);
    assert_true(strcasecmp(bw.name[0], "ani lestari") == 0);
    struct seen all_rev = {0};
    assert_int_equal(store_each_staff_by_name_rev(t, NULL, collect, &all_rev), 0);
    assert_int_equal(all_rev.n, byname.n);
    for (int i = 0; i < byname.n; i++)
        assert_string_equal(all_rev.nip[i], byname.nip[byname.n - 1 - i]);
    store_read_end(t);
}

/* Paging by NIP and by unit with pages of 3, forward and backward from the
 * last row of each page, visits the same rows as one walk, in order. */
typedef int (*page_fn)(stxn *t, const char *unit, const char *nip, bool backward,
                       store_staff_cb cb, void *ctx);

static int page_by_nip(stxn *t, const char *unit, const char *nip, bool backward,
                       store_staff_cb cb, void *ctx)
{
    (void)unit;
    return store_each_staff_from(t, nip, backward, cb, ctx);
}

struct unit_seen {
    int n, max;
    char unit[64][CODE_SIZE];
    char nip[64][NIP_LEN + 1];
};

static int collect_unit(const struct staff *s, void *ctx)
{
    struct unit_seen *u = ctx;
    if (u->n < 64) {
        strcpy(u->unit[u->n], s->unit);
        strcpy(u->nip[u->n], s->nip);
    }
    u->n++;
    return u->max && u->n >= u->max ? 1 : 0;
}

static void check_paging(stxn *t, page_fn fn, int total, bool by_unit)
{
    struct unit_seen all = {0};
    assert_int_equal(fn(t, NULL, NULL, false, collect_unit, &all), 0);
    assert_int_equal(all.n, total);
    for (int i = 1; i < all.n; i++) {
        int c = by_unit ? strcmp(all.unit[i - 1], all.unit[i]) : 0;
        assert_true(c < 0 || (c == 0 && strcmp(all.nip[i - 1], all.nip[i]) < 0));
    }
    for (int dir = 0; dir < 2; dir++) {
        bool back = dir == 1;
        int got = 0;
        char unit[CODE_SIZE] = "", nip[NIP_LEN + 1] = "";
        for (;;) {
            struct unit_seen page = {.max = 3};
            fn(t, got ? unit : NULL, got ? nip : NULL, back, collect_unit, &page);
            if (page.n == 0)
                break;
            for (int i = 0; i < page.n; i++) {
                int want = back ? all.n - 1 - (got + i) : got + i;
                assert_string_equal(page.nip[i], all.nip[want]);
            }
            got += page.n;
            strcpy(unit, page.unit[page.n - 1]);
            strcpy(nip, page.nip[page.n - 1]);
        }
        assert_int_equal(got, all.n);
    }
    /* from a unit alone: forward its first holder, backward the unit before */
    if (by_unit) {
        struct unit_seen u2 = {.max = 1}, before = {.max = 1};
        fn(t, "U2", NULL, false, collect_unit, &u2);
        assert_string_equal(u2.unit[0], "U2");
        fn(t, "U2", NULL, true, collect_unit, &before);
        assert_string_equal(before.unit[0], "U1");
        struct unit_seen none = {0};
        assert_int_equal(fn(t, "U9", NULL, false, collect_unit, &none), 0);
        assert_int_equal(none.n, 0);
    }
}

static void nip_and_unit_paging(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[NNAMES * 2];
    insert_people(fx->s, st, NNAMES * 2);
    stxn *t = store_read_begin(fx->s);
    check_paging(t, page_by_nip, NNAMES * 2, false);
    check_paging(t, store_each_staff_by_unit_from, NNAMES * 2, true);
    store_read_end(t);
}

/* The name index's keys alone: the same order and NIPs as the records
 * walk, names folded; the stamp moves with each write. */
struct keys_seen {
    int n;
    char name[NNAMES * 2][NAME_SIZE];
    char nip[NNAMES * 2][NIP_LEN + 1];
};

static int collect_key(const char *folded, size_t len, uint64_t nip, void *ctx)
{
    struct keys_seen *k = ctx;
    if (k->n >= NNAMES * 2 || len >= NAME_SIZE)
        return 1;
    memcpy(k->name[k->n], folded, len);
    k->name[k->n][len] = '\0';
    snprintf(k->nip[k->n], sizeof k->nip[0], "%018llu", (unsigned long long)nip);
    k->n++;
    return 0;
}

static void name_keys_and_stamp(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[NNAMES * 2];
    insert_people(fx->s, st, NNAMES * 2);
    stxn *t = store_read_begin(fx->s);
    struct seen byname = {0};
    assert_int_equal(store_each_staff_by_name(t, NULL, collect, &byname), 0);
    struct keys_seen *keys = calloc(1, sizeof *keys);
    assert_non_null(keys);
    assert_int_equal(store_each_name_key(t, collect_key, keys), 0);
    assert_int_equal(keys->n, byname.n);
    for (int i = 0; i < keys->n; i++) {
        assert_string_equal(keys->nip[i], byname.nip[i]);
        assert_int_equal(strcasecmp(keys->name[i], byname.name[i]), 0);
        for (const char *p = keys->name[i]; *p; p++)
            assert_false(*p >= 'A' && *p <= 'Z');
    }
    uint64_t before = store_stamp(t);
    store_read_end(t);
    t = store_read_begin(fx->s);
    assert_true(store_stamp(t) == before);      /* nothing written between */
    store_read_end(t);
    put_all(fx->s, &st[0], 1);
    t = store_read_begin(fx->s);
    assert_true(store_stamp(t) != before);
    store_read_end(t);
    free(keys);
}

/* Pages of 3 forward and backward with the exact (name, nip) position
 * visit everyone once, although four people share one name. */
static void by_name_paging(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[NNAMES * 2];
    insert_people(fx->s, st, NNAMES * 2);
    stxn *t = store_read_begin(fx->s);
    struct seen all = {0};
    assert_int_equal(store_each_staff_by_name(t, NULL, collect, &all), 0);

    int got = 0;
    char name[NAME_SIZE] = "", nip[NIP_LEN + 1] = "";
    for (;;) {
        struct seen page = {.max = 3};
        store_each_staff_by_name_from(t, got ? name : NULL, got ? nip : NULL, false, collect,
                                      &page);
        if (page.n == 0)
            break;
        for (int i = 0; i < page.n; i++)
            assert_string_equal(page.nip[i], all.nip[got + i]);
        got += page.n;
        strcpy(name, page.name[page.n - 1]);
        strcpy(nip, page.nip[page.n - 1]);
    }
    assert_int_equal(got, all.n);

    int left = all.n;                          /* and back from the end */
    int first = 1;
    for (;;) {
        struct seen page = {.max = 3};
        store_each_staff_by_name_from(t, first ? NULL : name, first ? NULL : nip, true, collect,
                                      &page);
        if (page.n == 0)
            break;
        for (int i = 0; i < page.n; i++)
            assert_string_equal(page.nip[i], all.nip[left - 1 - i]);
        left -= page.n;
        first = 0;
        strcpy(name, page.name[page.n - 1]);
        strcpy(nip, page.nip[page.n - 1]);
    }
    assert_int_equal(left, 0);
    store_read_end(t);
}

/* --- history ------------------------------------------------------------------------ */

struct hist_ctx {
    struct history h[3];
};

static int add_hist(stxn *t, void *ctx)
{
    struct hist_ctx *c = ctx;
    for (int i = 0; i < 3; i++)
        if (store_add_history(t, &c->h[i]) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

struct hist_seen {
    int n;
    struct history h[8];
};

static int keep_hist(const struct history *h, void *ctx)
{
    struct hist_seen *hs = ctx;
    if (hs->n < 8)
        hs->h[hs->n] = *h;
    hs->n++;
    return 0;
}

static int del_one(stxn *t, void *ctx)
{
    return store_del_staff(t, ctx);
}

static void history_lines(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[2];
    insert_people(fx->s, st, 2);
    struct hist_ctx c;
    memset(&c, 0, sizeof c);
    for (int i = 0; i < 3; i++) {
        strcpy(c.h[i].nip, st[0].nip);
        snprintf(c.h[i].position, sizeof c.h[i].position, "P%d", i);
        strcpy(c.h[i].unit, "U1");
        c.h[i].plan_id = (uint32_t)i;
    }
    c.h[0].since = 15000;
    c.h[1].since = -100;       /* before 1970 sorts first */
    c.h[2].since = 15000;      /* same day as h[0]: kept, after it */
    assert_int_equal(store_write(fx->s, add_hist, &c), STORE_OK);
    stxn *t = store_read_begin(fx->s);
    struct hist_seen hs = {0};
    assert_int_equal(store_each_history(t, st[0].nip, keep_hist, &hs), 0);
    assert_int_equal(hs.n, 3);
    assert_string_equal(hs.h[0].position, "P1");
    assert_string_equal(hs.h[1].position, "P0");
    assert_string_equal(hs.h[2].position, "P2");
    struct hist_seen other = {0};
    assert_int_equal(store_each_history(t, st[1].nip, keep_hist, &other), 0);
    assert_int_equal(other.n, 0);
    store_read_end(t);

    assert_int_equal(store_write(fx->s, del_one, st[0].nip), STORE_OK);
    t = store_read_begin(fx->s);
    hs.n = 0;
    assert_int_equal(store_each_history(t, st[0].nip, keep_hist, &hs), 0);
    assert_int_equal(hs.n, 0);
    store_read_end(t);
    assert_int_equal(check(fx->s), 0);
}

/* --- map growth ------------------------------------------------------------------------ */


static void reopen_tiny(struct dbfx *fx)
{
    char err[640];
    store_close(fx->s);
    dbfx_remove(fx->root);
    assert_non_null(mkdtemp(strcpy(fx->root, "/tmp/mutasi-store-XXXXXX")));
    snprintf(fx->db, sizeof fx->db, "%s/db", fx->root);
    setenv("MUTASI_MAPSIZE", "65536", 1);
    fx->s = store_open(fx->db, STORE_CREATE, err, sizeof err);
    if (!fx->s)
        fail_msg("open: %s", err);
    assert_int_equal(store_map_size(fx->s), 65536);
}

static void map_grows_when_full(void **state)
{
    struct dbfx *fx = *state;
    reopen_tiny(fx);
    struct staff *st = calloc(MANY, sizeof *st);
    for (int i = 0; i < MANY; i++) {
        char name[40];
        snprintf(name, sizeof name, "Pegawai %05d", (i * 7919) % MANY);
        make_staff(&st[i], i, i % 2 ? "U1" : "U2", "P1", name);
    }
    put_all(fx->s, st, MANY / 2);              /* one big transaction */
    size_t after_big = store_map_size(fx->s);
    assert_true(after_big > 65536);
    for (int i = MANY / 2; i < MANY; i += 100) /* and many small ones */
        put_all(fx->s, st + i, 100);
    assert_true(store_map_size(fx->s) > after_big);
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), MANY);
    struct staff got;
    assert_int_equal(store_get_staff(t, st[MANY - 1].nip, &got), STORE_OK);
    assert_memory_equal(&got, &st[MANY - 1], sizeof got);
    store_read_end(t);
    assert_int_equal(check(fx->s), 0);
    /* reopened with the tiny size asked again, the map covers the file */
    char err[640];
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_map_size(fx->s) > 65536);
    t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), MANY);
    store_read_end(t);
    put_all(fx->s, st, 10);                    /* and writes still work */
    free(st);
}

/* Another process grows the map; this one adopts the new size
 * (MDB_MAP_RESIZED) on its next transaction. */
static void map_resized_by_another_process(void **state)
{
    struct dbfx *fx = *state;
    reopen_tiny(fx);
    struct staff one;
    make_staff(&one, MANY, "U1", "P1", "Satu");
    put_all(fx->s, &one, 1);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char err[640];
        store *s = store_open(fx->db, 0, err, sizeof err);
        if (!s)
            _exit(2);
        struct staff *st = calloc(MANY, sizeof *st);
        for (int i = 0; i < MANY; i++)
            make_staff(&st[i], i, "U2", "P2", "Lain");
        struct batch b = {st, MANY, NULL};
        int r = store_write(s, put_batch, &b);
        store_close(s);
        free(st);
        _exit(r == STORE_OK ? 0 : 3);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    stxn *t = store_read_begin(fx->s);
    if (!t)
        fail_msg("read: %s", store_errmsg(fx->s));
    assert_true(store_map_size(fx->s) > 65536);   /* adopted the child's size */
    assert_int_equal(store_count_staff(t), MANY + 1);
    store_read_end(t);
    make_staff(&one, MANY + 1, "U1", "P1", "Dua");
    put_all(fx->s, &one, 1);
    assert_int_equal(check(fx->s), 0);
}

/* --- audit ------------------------------------------------------------------------------- */

static int append_n(stxn *t, void *ctx)
{
    int n = *(int *)ctx;
    char after[32];
    snprintf(after, sizeof after, "%d", n);
    return store_audit_append(t, "eka", "import staff", "staff.csv", "", after);
}

static int collect_seq(const struct audit_entry *e, void *ctx)
{
    uint64_t *seqs = ctx;
    seqs[++seqs[0]] = e->seq;
    return 0;
}

static uint64_t verify(store *s, const char **why)
{
    stxn *t = store_read_begin(s);
    uint64_t r = store_audit_verify(t, why);
    store_read_end(t);
    return r;
}

struct tamper {
    uint64_t seq;
    int how;                    /* 0 edit text, 1 delete, 2 relink */
};

static int do_tamper(stxn *t, void *ctx)
{
    struct tamper *tp = ctx;
    unsigned char key[8], buf[CODEC_MAX];
    struct audit_entry e;
    codec_be64(key, tp->seq);
    if (tp->how == 1)
        return store_test_raw_del(t, "audit", key, 8, NULL, 0);
    long n = store_test_raw_get(t, "audit", key, 8, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(codec_get_audit(buf, (size_t)n, &e), 0);
    if (tp->how == 0)
        strcpy(e.after, "999");
    else
        e.prev_hash[0] ^= 0xff;
    size_t m = codec_put_audit(&e, buf, sizeof buf);
    return store_test_raw_put(t, "audit", key, 8, buf, m);
}

static void audit_chain(void **state)
{
    struct dbfx *fx = *state;
    const char *why;
    assert_int_equal(verify(fx->s, &why), 0);  /* empty chain is whole */
    for (int i = 1; i <= 5; i++)
        assert_int_equal(store_write(fx->s, append_n, &i), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 0);

    stxn *t = store_read_begin(fx->s);
    uint64_t seqs[8] = {0};
    assert_int_equal(store_each_audit(t, true, collect_seq, seqs), 0);
    assert_int_equal(seqs[0], 5);
    for (int i = 1; i <= 5; i++)
        assert_int_equal(seqs[i], 6 - i);
    memset(seqs, 0, sizeof seqs);
    assert_int_equal(store_each_audit(t, false, collect_seq, seqs), 0);
    assert_int_equal(seqs[1], 1);
    memset(seqs, 0, sizeof seqs);
    assert_int_equal(store_each_audit_from(t, 3, true, collect_seq, seqs), 0);
    assert_int_equal(seqs[0], 3);              /* 3, 2, 1 */
    assert_int_equal(seqs[1], 3);
    assert_int_equal(seqs[3], 1);
    memset(seqs, 0, sizeof seqs);
    assert_int_equal(store_each_audit_from(t, 4, false, collect_seq, seqs), 0);
    assert_int_equal(seqs[0], 2);              /* 4, 5 */
    assert_int_equal(seqs[1], 4);
    memset(seqs, 0, sizeof seqs);
    assert_int_equal(store_each_audit_from(t, 99, true, collect_seq, seqs), 0);
    assert_int_equal(seqs[0], 5);              /* past the end: from the newest */
    assert_int_equal(store_count_audit(t), 5);
    store_read_end(t);

    struct tamper tp = {3, 0};
    assert_int_equal(store_write(fx->s, do_tamper, &tp), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 3);
    assert_non_null(strstr(why, "hash"));
    /* appending still works on a damaged chain, and the break stays found */
    int six = 6;
    assert_int_equal(store_write(fx->s, append_n, &six), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 3);
}

static void audit_cut_and_relink_detected(void **state)
{
    struct dbfx *fx = *state;
    const char *why;
    for (int i = 1; i <= 4; i++)
        assert_int_equal(store_write(fx->s, append_n, &i), STORE_OK);
    struct tamper tp = {4, 1};                  /* cut the last entry */
    assert_int_equal(store_write(fx->s, do_tamper, &tp), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 4);
    assert_non_null(strstr(why, "missing"));
    tp = (struct tamper){2, 1};                 /* and one in the middle */
    assert_int_equal(store_write(fx->s, do_tamper, &tp), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 2);
    assert_non_null(strstr(why, "missing"));
}

static void audit_relink_detected(void **state)
{
    struct dbfx *fx = *state;
    const char *why;
    for (int i = 1; i <= 3; i++)
        assert_int_equal(store_write(fx->s, append_n, &i), STORE_OK);
    struct tamper tp = {2, 2};
    assert_int_equal(store_write(fx->s, do_tamper, &tp), STORE_OK);
    assert_int_equal(verify(fx->s, &why), 2);
    assert_non_null(strstr(why, "previous"));
}

/* --- backup and read-only ------------------------------------------------------------------ */

static void backup_is_an_openable_copy(void **state)
{
    struct dbfx *fx = *state;
    struct staff st[30];
    char dest[160], err[640], path[200];
    struct stat sb;
    insert_people(fx->s, st, 30);
    int one = 1;
    assert_int_equal(store_write(fx->s, append_n, &one), STORE_OK);
    snprintf(dest, sizeof dest, "%s/copy", fx->root);
    mode_t old = umask(077);
    int r = store_backup(fx->s, dest);
    umask(old);
    assert_int_equal(r, STORE_OK);
    assert_int_equal(stat(dest, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0770);
    snprintf(path, sizeof path, "%s/data.mdb", dest);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);

    store *c = store_open(dest, STORE_READONLY, err, sizeof err);
    if (!c)
        fail_msg("open copy: %s", err);
    stxn *a = store_read_begin(fx->s), *b = store_read_begin(c);
    assert_int_equal(store_count_staff(b), store_count_staff(a));
    assert_int_equal(store_count_units(b), store_count_units(a));
    assert_int_equal(store_count_audit(b), 1);
    const char *why;
    assert_int_equal(store_audit_verify(b, &why), 0);
    assert_int_equal(store_check_indexes(b, err, sizeof err), 0);
    struct seen sn = {0};
    assert_int_equal(store_each_staff_in_unit(b, "U2", collect, &sn), 0);
    assert_int_equal(sn.n, 10);
    store_read_end(a);
    store_read_end(b);
    /* a read-only store refuses writes */
    assert_int_equal(store_write(c, append_n, &one), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(c), "read-only"));
    store_close(c);

    /* a second backup into the same (now non-empty) directory is refused */
    assert_int_equal(store_backup(fx->s, dest), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "not empty"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(creates_with_group_modes),
        cmocka_unit_test_setup_teardown(missing_database_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown_reopen),
        cmocka_unit_test_setup_teardown(units_and_positions, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_write_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(staff_indexes_follow_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(batch_put_matches_single_puts, setup, teardown),
        cmocka_unit_test_setup_teardown(batch_appends_then_interleaves, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_matches_single_puts, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_without_history, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_survives_map_growth, setup, teardown),
        cmocka_unit_test_setup_teardown(position_counts_come_from_the_index, setup, teardown),
        cmocka_unit_test_setup_teardown(check_indexes_finds_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(iteration_orders, setup, teardown),
        cmocka_unit_test_setup_teardown(by_name_paging, setup, teardown),
        cmocka_unit_test_setup_teardown(history_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(map_grows_when_full, setup, teardown),
        cmocka_unit_test_setup_teardown(map_resized_by_another_process, setup, teardown),
        cmocka_unit_test_setup_teardown(name_keys_and_stamp, setup, teardown),
        cmocka_unit_test_setup_teardown(nip_and_unit_paging, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_cut_and_relink_detected, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_relink_detected, setup, teardown),
        cmocka_unit_test_setup_teardown(backup_is_an_openable_copy, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
