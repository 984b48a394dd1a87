/* The store's schema machinery on a temporary database: record
 * descriptors (a record type of the test's own, with an index), the
 * version check (STORE_CONFLICT), migrations from an older schema, and
 * write access for a session opened read-only. */
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
#include "store/codec.h"
#include "store/keys.h"
#include "store/schema.h"
#include "store/store.h"
#include "store_test.h"
#include "dbfixture.h"

/* --- fixtures -------------------------------------------------------------- */

static int setup(void **state)
{
    *state = dbfx_new("schema");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void reopen(struct dbfx *fx, int flags)
{
    char err[640];
    store_close(fx->s);
    fx->s = store_open(fx->db, flags, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
}

/* --- a record type of the test's own: one descriptor and its codec -------- *
 * It borrows the plans table for its records and the moves table for an
 * index by title (this throwaway database holds no plans): what a new
 * record type needs and nothing more. */

struct note {
    char id[8];
    uint64_t version;
    char title[24];
};

static size_t note_encode(const void *r, unsigned char *buf, size_t cap)
{
    if (cap < sizeof(struct note))
        return 0;
    memcpy(buf, r, sizeof(struct note));
    return sizeof(struct note);
}

static int note_decode(const void *buf, size_t len, const void *key, size_t klen,
                       void *out)
{
    (void)key, (void)klen;
    if (len != sizeof(struct note))
        return -1;
    memcpy(out, buf, len);
    return 0;
}

static size_t note_key(stxn *t, const void *r, unsigned char *out)
{
    const struct note *n = r;
    (void)t;
    size_t len = strnlen(n->id, sizeof n->id);
    memcpy(out, n->id, len);
    return len;
}

static size_t note_title(const void *r, unsigned char *out)
{
    const struct note *n = r;
    size_t len = strnlen(n->title, sizeof n->title);
    memcpy(out, n->title, len);
    return len;
}

static const struct store_record_desc note_desc = {
    .what = "note", .db = DB_PLANS, .size = sizeof(struct note),
    .encode = note_encode, .decode = note_decode, .key = note_key,
    .version_field = offsetof(struct note, version), .version_size = 8,
    .nindexes = 1,
    .index = {{DB_MOVES, STORE_INDEX_SUFFIXED, note_title}},
};

struct put_note {
    struct note n, now;
    uint64_t seen;
};

static int put_note(stxn *t, void *ctx)
{
    struct put_note *p = ctx;
    return store_rec_put_versioned(t, &note_desc, &p->n, p->seen, &p->now);
}

/* Saves note N1 with title, having read version seen; *got = the version
 * it has now (the new one, or on a conflict the stored one). */
static int save(store *s, const char *title, uint64_t seen, uint64_t *got)
{
    struct put_note p = {{"N1", 0, ""}, {"", 0, ""}, seen};
    snprintf(p.n.title, sizeof p.n.title, "%s", title);
    int r = store_write(s, put_note, &p);
    if (got)
        *got = r == STORE_OK ? p.n.version : p.now.version;
    return r;
}

static int count_pair(const void *k, size_t kl, const void *v, size_t vl, void *ctx)
{
    (void)k;
    (void)kl;
    (void)v;
    (void)vl;
    ++*(int *)ctx;
    return 0;
}

static int index_entries(store *s, const char *db)
{
    int n = 0;
    stxn *t = store_read_begin(s);
    assert_int_equal(store_test_raw_each(t, db, count_pair, &n), 0);
    store_read_end(t);
    return n;
}

static struct note load(store *s)
{
    struct note n;
    stxn *t = store_read_begin(s);
    assert_int_equal(store_rec_get(t, &note_desc, "N1", 2, &n), STORE_OK);
    store_read_end(t);
    return n;
}

static int del_note(stxn *t, void *ctx)
{
    (void)ctx;
    return store_rec_del(t, &note_desc, "N1", 2);
}

static void version_check_refuses_a_stale_write(void **state)
{
    struct dbfx *fx = *state;
    uint64_t v = 0;
    assert_int_equal(save(fx->s, "first", 0, &v), STORE_OK);
    assert_int_equal(v, 1);
    /* a second "create" finds the record there, and says which version */
    assert_int_equal(save(fx->s, "again", 0, &v), STORE_CONFLICT);
    assert_int_equal(v, 1);
    assert_non_null(strstr(store_errmsg(fx->s), "version 1"));
    assert_int_equal(save(fx->s, "second", 1, &v), STORE_OK);
    assert_int_equal(v, 2);
    /* two writers read version 2; the first saves, the second is refused */
    assert_int_equal(save(fx->s, "third", 2, &v), STORE_OK);
    assert_int_equal(save(fx->s, "lost", 2, NULL), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(fx->s), "you read version 2"));
    struct note n = load(fx->s);
    assert_int_equal(n.version, 3);
    assert_string_equal(n.title, "third");
    /* the index followed every change: one entry, under the last title */
    assert_int_equal(index_entries(fx->s, "moves"), 1);
    assert_int_equal(store_write(fx->s, del_note, NULL), STORE_OK);
    assert_int_equal(index_entries(fx->s, "moves"), 0);
    assert_int_equal(save(fx->s, "gone", 3, NULL), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(fx->s), "deleted"));
}

/* --- migrations ---------------------------------------------------------------- */

static void make_person(struct staff *s, int i)
{
    memset(s, 0, sizeof *s);
    snprintf(s->nip, sizeof s->nip, "19800101%010d", i);
    snprintf(s->name, sizeof s->name, "Person %d", i);
    snprintf(s->unit, sizeof s->unit, "U%d", i % 2);
    snprintf(s->position, sizeof s->position, "P%d", i % 3);
    s->discipline_until = MDATE_NONE;
}

static int put_people(stxn *t, void *ctx)
{
    struct staff s;
    (void)ctx;
    for (int i = 0; i < 6; i++) {
        make_person(&s, i);
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* An old database: schema 0 and an index entry missing. */
static int make_old(stxn *t, void *ctx)
{
    struct staff s;
    unsigned char v[4];
    (void)ctx;
    make_person(&s, 3);
    codec_be32(v, 0);
    if (store_test_raw_put(t, "meta", "schema_version", 14, v, 4) != STORE_OK)
        return STORE_ERROR;
    unsigned char ref[STORE_NIP_REF_LEN];
    assert_true(store_nip_pack(s.nip, ref));
    return store_test_raw_del(t, "staff_by_unit", s.unit, strlen(s.unit), ref, sizeof ref);
}

/* Records before schema 2 had no seal: take it off every record and
 * audit entry, as a database of schema 0 or 1 would hold them. */
struct raw_list {
    size_t n;
    unsigned char key[64][600];
    size_t klen[64];
    unsigned char val[64][2100];
    size_t vlen[64];
};

static int collect(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    struct raw_list *l = ctx;
    assert_true(l->n < 64 && klen <= 600 && vlen <= 2100 && vlen > CODEC_SEAL);
    memcpy(l->key[l->n], key, klen);
    memcpy(l->val[l->n], val, vlen);
    l->klen[l->n] = klen;
    l->vlen[l->n++] = vlen;
    return 0;
}

static int strip_seals(stxn *t, void *ctx)
{
    static const char *const dbs[] = {"units", "positions", "staff", "history", "plans",
                                      "moves", "audit"};
    static struct raw_list l;
    (void)ctx;
    for (size_t d = 0; d < sizeof dbs / sizeof *dbs; d++) {
        l.n = 0;
        if (store_test_raw_each(t, dbs[d], collect, &l) != STORE_OK)
            return STORE_ERROR;
        for (size_t i = 0; i < l.n; i++)
            if (store_test_raw_put(t, dbs[d], l.key[i], l.klen[i], l.val[i],
                                   l.vlen[i] - CODEC_SEAL) != STORE_OK)
                return STORE_ERROR;
    }
    return STORE_OK;
}

static int problems(store *s)
{
    char why[300];
    return dbfx_problems(s, why, sizeof why);
}

static uint32_t schema_of(store *s)
{
    unsigned char v[4];
    stxn *t = store_read_begin(s);
    assert_int_equal(store_test_raw_get(t, "meta", "schema_version", 14, v, sizeof v), 4);
    store_read_end(t);
    return codec_from_be32(v);
}

struct last_audit {
    struct audit_entry e;
    int n;
};

static int keep_audit(const struct audit_entry *e, void *ctx)
{
    struct last_audit *la = ctx;
    if (la->n++ == 0)
        la->e = *e;
    return 0;
}

static void old_schema_migrates_on_a_writable_open(void **state)
{
    struct dbfx *fx = *state;
    char err[640] = "";
    unsigned from = 99;
    assert_int_equal(store_write(fx->s, put_people, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_old, NULL), STORE_OK);
    assert_int_equal(problems(fx->s), 1);
    assert_int_equal(store_write(fx->s, strip_seals, NULL), STORE_OK);
    store_close(fx->s);
    /* read-only: refused, with what to do */
    fx->s = store_open(fx->db, STORE_READONLY, err, sizeof err);
    assert_null(fx->s);
    assert_non_null(strstr(err, "schema 0 is older"));
    assert_non_null(strstr(err, "once for writing"));
    reopen(fx, 0);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 0);
    assert_int_equal(schema_of(fx->s), STORE_SCHEMA_VERSION);
    assert_int_equal(problems(fx->s), 0);   /* step 0 -> 1 filed every record again */
    struct last_audit la = {0};
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_each_audit(t, true, keep_audit, &la), 0);
    const char *why;
    assert_int_equal(store_audit_verify(t, &why), 0);
    store_read_end(t);
    /* every step ran; the newest entry (the last step) carries the data digest */
    assert_string_equal(la.e.action, "migrate schema");
    char before[32], after[32];
    snprintf(before, sizeof before, "schema %d", STORE_SCHEMA_VERSION - 1);
    snprintf(after, sizeof after, "schema %d", STORE_SCHEMA_VERSION);
    assert_string_equal(la.e.before, before);
    assert_string_equal(la.e.after, after);
    assert_true(la.e.ndigest > 0);
    t = store_read_begin(fx->s);
    uint64_t seq;
    bool has;
    char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME];
    int ndiffer = -1;
    assert_int_equal(store_audit_check_data(t, &seq, &has, differ, &ndiffer), STORE_OK);
    assert_true(has);
    assert_int_equal(ndiffer, 0);
    assert_int_equal(seq, la.e.seq);
    store_read_end(t);
    /* once is enough */
    reopen(fx, 0);
    assert_false(store_was_migrated(fx->s, NULL));
    reopen(fx, STORE_READONLY);
}

/* --- write access for a read-only session --------------------------------------- */

static int put_unit(stxn *t, void *ctx)
{
    struct unit u;
    memset(&u, 0, sizeof u);
    snprintf(u.code, sizeof u.code, "%s", (const char *)ctx);
    snprintf(u.name, sizeof u.name, "Unit %s", (const char *)ctx);
    return store_put_unit(t, &u);
}

static void read_only_session_gets_write_access(void **state)
{
    struct dbfx *fx = *state;
    reopen(fx, STORE_READONLY);
    store *before = fx->s;
    assert_int_equal(store_write(fx->s, put_unit, "U1"), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "read-only"));
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_units(t), 0);
    store_read_end(t);
    assert_int_equal(store_make_writable(fx->s), STORE_OK);
    assert_ptr_equal(fx->s, before);
    assert_int_equal(store_write(fx->s, put_unit, "U1"), STORE_OK);
    assert_int_equal(store_make_writable(fx->s), STORE_OK);     /* already writable */
    t = store_read_begin(fx->s);
    struct unit u;
    assert_int_equal(store_get_unit(t, "U1", &u), STORE_OK);
    assert_string_equal(u.name, "Unit U1");
    store_read_end(t);
}

static int write_newer_schema(stxn *t, void *ctx)
{
    unsigned char v[4];
    (void)ctx;
    codec_be32(v, STORE_SCHEMA_VERSION + 1);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

/* Another process (a newer mutasi) raises the schema while a session
 * browses: write access is refused with the reason, and the session
 * neither crashes nor writes. */
static void refused_write_access_leaves_nothing_half_open(void **state)
{
    struct dbfx *fx = *state;
    reopen(fx, STORE_READONLY);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char err[640];
        store *w = store_open(fx->db, 0, err, sizeof err);
        _exit(w && store_write(w, write_newer_schema, NULL) == STORE_OK ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(store_make_writable(fx->s), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "newer"));
    assert_int_equal(store_write(fx->s, put_unit, "U1"), STORE_ERROR);
    assert_null(store_read_begin(fx->s));
    assert_int_equal(store_map_size(fx->s), 0);
}

/* --- schema 5 -> 6: the name index files names without their titles -------- */

static const char *const titled[] = {
    "dr. Zainal Arifin", "Budi Santoso, S.Pd.", "Hj. Ani Lestari, M.Si.", "Citra", "Prof. Dr. Ani",
};

static int put_titled(stxn *t, void *ctx)
{
    struct staff s;
    (void)ctx;
    for (int i = 0; i < 5; i++) {
        make_person(&s, i);
        snprintf(s.name, sizeof s.name, "%s", titled[i]);
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* The name index as schema 5 wrote it: the whole name folded, a NUL, the
 * NIP, and the NIP again as the value; the schema says 5. */
static int make_schema_5(stxn *t, void *ctx)
{
    struct staff s;
    unsigned char v[4], key[NAME_SIZE + 1 + NIP_LEN];
    (void)ctx;
    for (int i = 0; i < 5; i++) {
        make_person(&s, i);
        unsigned char now[STORE_NAME_KEY_MAX];
        size_t n = store_name_key(titled[i], s.nip, now);
        if (store_test_raw_del(t, "staff_by_name", now, n, NULL, 0) != STORE_OK)
            return STORE_ERROR;
        size_t m = strlen(titled[i]);
        for (size_t j = 0; j < m; j++)
            key[j] = (unsigned char)(titled[i][j] >= 'A' && titled[i][j] <= 'Z'
                                         ? titled[i][j] - 'A' + 'a' : titled[i][j]);
        key[m] = '\0';
        memcpy(key + m + 1, s.nip, NIP_LEN);
        if (store_test_raw_put(t, "staff_by_name", key, m + 1 + NIP_LEN, s.nip, NIP_LEN) !=
            STORE_OK)
            return STORE_ERROR;
    }
    codec_be32(v, 5);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

struct names_seen {
    char name[5][NAME_SIZE];
    int n;
};

static int see_name(const struct staff *s, void *ctx)
{
    struct names_seen *w = ctx;
    if (w->n < 5)
        snprintf(w->name[w->n], NAME_SIZE, "%s", s->name);
    w->n++;
    return 0;
}

static int count_values(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    (void)key;
    (void)klen;
    (void)val;
    *(size_t *)ctx += vlen;
    return 0;
}

static void schema_5_names_refiled_without_titles(void **state)
{
    struct dbfx *fx = *state;
    unsigned from = 99;
    assert_int_equal(store_write(fx->s, put_titled, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_5, NULL), STORE_OK);
    assert_true(problems(fx->s) > 0);         /* the old keys are not the keys of today */
    reopen(fx, 0);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 5);
    assert_int_equal(schema_of(fx->s), STORE_SCHEMA_VERSION);
    assert_int_equal(problems(fx->s), 0);
    struct names_seen w = {0};
    size_t value_bytes = 0;
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_each_staff_by_name(t, NULL, see_name, &w), 0);
    assert_int_equal(store_test_raw_each(t, "staff_by_name", count_values, &value_bytes),
                     STORE_OK);
    store_read_end(t);
    assert_int_equal(w.n, 5);
    assert_string_equal(w.name[0], "Prof. Dr. Ani");          /* A, its titles aside */
    assert_string_equal(w.name[1], "Hj. Ani Lestari, M.Si.");
    assert_string_equal(w.name[2], "Budi Santoso, S.Pd.");
    assert_string_equal(w.name[3], "Citra");
    assert_string_equal(w.name[4], "dr. Zainal Arifin");
    assert_int_equal(value_bytes, 0);                          /* no copy of the NIP */
}

/* --- schema 8 -> 9: the staff indexes file NIPs packed ------------------------- */

/* Two history lines of person 4 on one day. */
static int put_lines(stxn *t, void *ctx)
{
    struct history h = {.since = 20000, .rank = 9};
    (void)ctx;
    snprintf(h.nip, sizeof h.nip, "198001010000000004");
    for (int i = 0; i < 2; i++) {
        snprintf(h.position, sizeof h.position, "P%d", i);
        if (store_add_history(t, &h) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* The history keys of schema 7: the NIP's 18 digits, then the date and
 * sequence (6 bytes); the data digest kept. */
static int old_history_keys(stxn *t)
{
    static struct raw_list l;
    l.n = 0;
    if (store_test_raw_each(t, "history", collect, &l) != STORE_OK)
        return STORE_ERROR;
    for (size_t i = 0; i < l.n; i++) {
        unsigned char key[NIP_LEN + 6];
        char nip[NIP_LEN + 1];
        assert_int_equal(l.klen[i], STORE_HIST_KEY_LEN);
        assert_true(store_nip_unpack(l.key[i], nip));
        memcpy(key, nip, NIP_LEN);
        memcpy(key + NIP_LEN, l.key[i] + STORE_NIP_REF_LEN, 6);
        if (store_test_raw_del(t, "history", l.key[i], l.klen[i], NULL, 0) != STORE_OK ||
            store_test_raw_put(t, "history", key, sizeof key, l.val[i], l.vlen[i]) != STORE_OK)
            return STORE_ERROR;
    }
    return l.n == 2 ? STORE_OK : STORE_ERROR;
}

/* The staff indexes as schema 7 wrote them: the NIP as its 18 digits (the
 * dup values, the name keys' ends, the history keys), the dup tables
 * without MDB_DUPFIXED, the data digest summed over those keys; the
 * schema says 7. */
static int make_schema_7(stxn *t, void *ctx)
{
    static const char *const dbs[] = {"staff_by_unit", "staff_by_position", "staff_by_name"};
    unsigned char v[4], key[STORE_NAME_KEY_MAX + NIP_LEN];
    (void)ctx;
    if (old_history_keys(t) != STORE_OK)
        return STORE_ERROR;
    for (int d = 0; d < 3; d++)
        if (store_test_raw_remake(t, dbs[d], d < 2) != STORE_OK)
            return STORE_ERROR;
    for (int i = 5; i >= 0; i--) {      /* out of order: the migration sorts */
        struct staff s;
        make_person(&s, i);
        size_t n = store_name_key(s.name, "", key);
        memcpy(key + n, s.nip, NIP_LEN);
        if (store_test_raw_put(t, "staff_by_unit", s.unit, strlen(s.unit), s.nip, NIP_LEN) ||
            store_test_raw_put(t, "staff_by_position", s.position, strlen(s.position), s.nip,
                               NIP_LEN) ||
            store_test_raw_put(t, "staff_by_name", key, n + NIP_LEN, "", 0))
            return STORE_ERROR;
    }
    codec_be32(v, 7);
    if (store_test_digest_reset(t) != STORE_OK)
        return STORE_ERROR;
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static int packed_nip(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    const unsigned char *ref = vlen ? val : (const unsigned char *)key + klen - STORE_NIP_REF_LEN;
    char nip[NIP_LEN + 1];
    assert_true(vlen == STORE_NIP_REF_LEN || (vlen == 0 && klen > STORE_NIP_REF_LEN));
    assert_true(store_nip_unpack(ref, nip));
    assert_memory_equal(nip, "19800101", 8);
    ++*(int *)ctx;
    return 0;
}

struct history_seen {
    char text[200];
};

static int see_line(const struct history *h, void *ctx)
{
    struct history_seen *hs = ctx;
    size_t at = strlen(hs->text);
    snprintf(hs->text + at, sizeof hs->text - at, "%s:%d:%s ", h->nip, (int)h->since, h->position);
    return 0;
}

static int see_nip(const struct staff *s, void *ctx)
{
    struct names_seen *w = ctx;
    if (w->n < 5)
        snprintf(w->name[w->n], NAME_SIZE, "%s", s->nip);
    w->n++;
    return 0;
}

static void schema_7_staff_indexes_packed(void **state)
{
    struct dbfx *fx = *state;
    unsigned from = 99;
    assert_int_equal(store_write(fx->s, put_people, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, put_lines, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_7, NULL), STORE_OK);
    assert_true(problems(fx->s) > 0);         /* the text NIPs are not the entries of today */
    reopen(fx, 0);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 7);
    assert_int_equal(schema_of(fx->s), STORE_SCHEMA_VERSION);
    assert_int_equal(problems(fx->s), 0);
    stxn *t = store_read_begin(fx->s);
    assert_true(store_test_raw_dupfixed(t, "staff_by_unit"));
    assert_true(store_test_raw_dupfixed(t, "staff_by_position"));
    int n[3] = {0, 0, 0};
    assert_int_equal(store_test_raw_each(t, "staff_by_unit", packed_nip, &n[0]), STORE_OK);
    assert_int_equal(store_test_raw_each(t, "staff_by_position", packed_nip, &n[1]), STORE_OK);
    assert_int_equal(store_test_raw_each(t, "staff_by_name", packed_nip, &n[2]), STORE_OK);
    assert_int_equal(n[0] + n[1] + n[2], 18);
    /* read back through the indexes, in NIP order within a unit and name */
    struct names_seen w = {0};
    assert_int_equal(store_each_staff_in_unit(t, "U1", see_nip, &w), 0);
    assert_int_equal(w.n, 3);
    assert_string_equal(w.name[0], "198001010000000001");
    assert_string_equal(w.name[2], "198001010000000005");
    memset(&w, 0, sizeof w);
    assert_int_equal(store_each_staff_by_unit_from(t, "U1", "198001010000000001", false, see_nip,
                                                   &w), 0);
    assert_string_equal(w.name[0], "198001010000000003");
    memset(&w, 0, sizeof w);
    assert_int_equal(store_each_staff_by_name_from(t, "Person 2", "198001010000000002", true,
                                                   see_nip, &w), 0);
    assert_string_equal(w.name[0], "198001010000000001");
    /* the history lines under their new keys, in their order */
    struct history_seen hs = {0};
    assert_int_equal(store_each_history(t, "198001010000000004", see_line, &hs), 0);
    assert_int_equal(store_each_history(t, "198001010000000003", see_line, &hs), 0);
    assert_string_equal(hs.text, "198001010000000004:20000:P0 198001010000000004:20000:P1 ");
    /* the data digest follows the rekeyed lines */
    uint64_t seq;
    bool has;
    char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME];
    int ndiffer = -1;
    assert_int_equal(store_audit_check_data(t, &seq, &has, differ, &ndiffer), STORE_OK);
    assert_true(has);
    assert_int_equal(ndiffer, 0);
    store_read_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(version_check_refuses_a_stale_write, setup, teardown),
        cmocka_unit_test_setup_teardown(old_schema_migrates_on_a_writable_open, setup, teardown),
        cmocka_unit_test_setup_teardown(schema_5_names_refiled_without_titles, setup, teardown),
        cmocka_unit_test_setup_teardown(schema_7_staff_indexes_packed, setup, teardown),
        cmocka_unit_test_setup_teardown(read_only_session_gets_write_access, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_write_access_leaves_nothing_half_open, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
