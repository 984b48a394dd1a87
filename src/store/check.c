/* Consistency of the staff indexes with the staff records, and of moves
 * with their plans (store/plans.c): used by tests
 * and the crash test to prove that no change left them apart. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"
#include "store/plans.h"

struct check {
    int problems;
    char *why;
    size_t whylen;
};

static void problem(struct check *ck, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct check *ck, const char *fmt, ...)
{
    if (ck->problems++ == 0 && ck->why && ck->whylen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ck->why, ck->whylen, fmt, ap);
        va_end(ap);
    }
}

static bool has_pair(stxn *t, int db, MDB_val k, MDB_val v)
{
    MDB_cursor *c;
    if (k.mv_size == 0 || mdb_cursor_open(t->txn, t->s->dbi[db], &c) != 0)
        return false;
    int rc = mdb_cursor_get(c, &k, &v, MDB_GET_BOTH);
    mdb_cursor_close(c);
    return rc == 0;
}

/* Every record has its index entries. */
static int check_record(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check *ck = ctx;
    struct staff s;
    unsigned char key[STORE_NAME_KEY_MAX];
    if (codec_get_staff(v->mv_data, v->mv_size, &s) != 0) {
        problem(ck, _("staff record %.*s cannot be decoded"), (int)k->mv_size,
                (const char *)k->mv_data);
        return 0;
    }
    MDB_val nip = {NIP_LEN, s.nip};
    if (k->mv_size != NIP_LEN || memcmp(k->mv_data, s.nip, NIP_LEN) != 0)
        problem(ck, _("staff record %.*s holds NIP %s"), (int)k->mv_size,
                (const char *)k->mv_data, s.nip);
    if (*s.unit && !has_pair(t, DB_STAFF_BY_UNIT, (MDB_val){strlen(s.unit), s.unit}, nip))
        problem(ck, _("staff %s is missing from the unit index under %s"), s.nip, s.unit);
    if (*s.position &&
        !has_pair(t, DB_STAFF_BY_POSITION, (MDB_val){strlen(s.position), s.position}, nip))
        problem(ck, _("staff %s is missing from the position index under %s"), s.nip, s.position);
    MDB_val nk = {store_name_key(s.name, s.nip, key), key}, nv;
    if (mdb_get(t->txn, t->s->dbi[DB_STAFF_BY_NAME], &nk, &nv) != 0 ||
        nv.mv_size != NIP_LEN || memcmp(nv.mv_data, s.nip, NIP_LEN) != 0)
        problem(ck, _("staff %s is missing from the name index"), s.nip);
    return 0;
}

struct check_index {
    struct check *ck;
    int db;
};

/* Every index entry names a record whose field has the entry's key. */
static int check_entry(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check_index *ci = ctx;
    const char *dbname = store_db_name(ci->db);
    char nip[NIP_LEN + 1];
    struct staff s;
    if (v->mv_size != NIP_LEN) {
        problem(ci->ck, _("%s holds a value that is not a NIP"), dbname);
        return 0;
    }
    memcpy(nip, v->mv_data, NIP_LEN);
    nip[NIP_LEN] = '\0';
    int r = store_get_staff(t, nip, &s);
    if (r != STORE_OK) {
        problem(ci->ck, _("%s names %s, who is not in the database"), dbname, nip);
        return 0;
    }
    const char *field = ci->db == DB_STAFF_BY_UNIT ? s.unit : s.position;
    unsigned char key[STORE_NAME_KEY_MAX];
    MDB_val want = {strlen(field), (void *)field};
    if (ci->db == DB_STAFF_BY_NAME)
        want = (MDB_val){store_name_key(s.name, s.nip, key), key};
    if (want.mv_size != k->mv_size || memcmp(want.mv_data, k->mv_data, k->mv_size) != 0)
        problem(ci->ck, _("%s files %s under \"%.*s\", which the record does not hold"), dbname,
                nip, (int)k->mv_size, (const char *)k->mv_data);
    return 0;
}

int store_check_indexes(stxn *t, char *why, size_t whylen)
{
    struct check ck = {0, why, whylen};
    static const int indexes[] = {DB_STAFF_BY_UNIT, DB_STAFF_BY_POSITION, DB_STAFF_BY_NAME};
    if (why && whylen)
        why[0] = '\0';
    if (store_walk(t, DB_STAFF, NULL, false, check_record, &ck) != 0)
        problem(&ck, "%s", store_errmsg(t->s));
    for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++) {
        struct check_index ci = {&ck, indexes[i]};
        if (store_walk(t, indexes[i], NULL, false, check_entry, &ci) != 0)
            problem(&ck, "%s", store_errmsg(t->s));
    }
    /* plans and moves: the first problem is kept only when none came before */
    char pwhy[256];
    int np = store_check_plans(t, pwhy, sizeof pwhy);
    if (np > 0) {
        problem(&ck, "%s", pwhy);
        ck.problems += np - 1;
    }
    return ck.problems;
}
