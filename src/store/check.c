/* Consistency of every index with its records, for each record type of
 * the descriptor table (schema.h): used by tests and the crash test to
 * prove that no change left them apart; and moves with their plans
 * (store_check_plans, store/plans.c). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/plans.h"

void store_finding(struct store_findings *f, const char *fmt, ...)
{
    if (f->problems++ == 0 && f->why && f->whylen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(f->why, f->whylen, fmt, ap);
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

/* The record key as text for messages (keys are codes and NIPs). */
static const char *key_text(MDB_val k, char out[STORE_KEY_MAX + 1])
{
    size_t n = k.mv_size > STORE_KEY_MAX ? STORE_KEY_MAX : k.mv_size;
    memcpy(out, k.mv_data, n);
    out[n] = '\0';
    return out;
}

struct check_records {
    struct store_findings *ck;
    const struct store_record_desc *d;
};

/* Every record has its index entries. */
static int check_record(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check_records *cr = ctx;
    const struct store_record_desc *d = cr->d;
    union { unsigned char b[STORE_RECORD_MAX]; max_align_t a; } rec;
    unsigned char key[STORE_KEY_MAX], ref[STORE_REF_MAX];
    char text[STORE_KEY_MAX + 1];
    if (d->decode(v->mv_data, v->mv_size, k->mv_data, k->mv_size, rec.b) != 0) {
        store_finding(cr->ck, _("%s record %s cannot be decoded"), _(d->what), key_text(*k, text));
        return 0;
    }
    size_t n = d->key(t, rec.b, key);
    if (n != k->mv_size || memcmp(key, k->mv_data, n) != 0) {
        store_finding(cr->ck, _("%s record %s holds another key"), _(d->what), key_text(*k, text));
        return 0;
    }
    for (int i = 0; i < d->nindexes; i++) {
        const struct store_index_desc *ix = &d->index[i];
        MDB_val ik = {store_index_key(ix, rec.b, k->mv_data, k->mv_size, key), key}, iv;
        bool ok = ik.mv_size == 0;
        if (!ok && ix->kind == STORE_INDEX_DUP)
            ok = has_pair(t, ix->db, ik, store_index_val(ix, *k, ref));
        else if (!ok)
            ok = mdb_get(t->txn, t->s->dbi[ix->db], &ik, &iv) == 0 && iv.mv_size == 0;
        if (!ok)
            store_finding(cr->ck, _("%s %s is missing from %s under \"%.*s\""), _(d->what),
                    key_text(*k, text), store_db_name(ix->db), (int)ik.mv_size,
                    (const char *)key);
    }
    return 0;
}

struct check_index {
    struct store_findings *ck;
    const struct store_record_desc *d;
    const struct store_index_desc *ix;
};

/* Every index entry names a record that the index files under the entry's
 * key. */
static int check_entry(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct check_index *ci = ctx;
    const char *dbname = store_db_name(ci->ix->db);
    union { unsigned char b[STORE_RECORD_MAX]; max_align_t a; } rec;
    char text[STORE_KEY_MAX + 1];
    unsigned char want[STORE_KEY_MAX], buf[STORE_REF_MAX];
    MDB_val pk = store_index_pk(ci->ix, *k, *v, buf);
    key_text(pk, text);
    if (store_rec_get(t, ci->d, pk.mv_data, pk.mv_size, rec.b) != STORE_OK) {
        store_finding(ci->ck, _("%s names %s, who is not in the database"), dbname, text);
        return 0;
    }
    size_t n = store_index_key(ci->ix, rec.b, pk.mv_data, pk.mv_size, want);
    if (n != k->mv_size || memcmp(want, k->mv_data, n) != 0)
        store_finding(ci->ck, _("%s files %s under \"%.*s\", which the record does not hold"), dbname,
                text, (int)k->mv_size, (const char *)k->mv_data);
    return 0;
}

/* One record type: its records, then each of its indexes. */
static void check_type(stxn *t, struct store_findings *ck, const struct store_record_desc *d)
{
    struct check_records cr = {ck, d};
    if (store_walk(t, d->db, NULL, false, check_record, &cr) != 0)
        store_finding(ck, "%s", store_errmsg(t->s));
    for (int i = 0; i < d->nindexes; i++) {
        struct check_index ci = {ck, d, &d->index[i]};
        if (store_walk(t, d->index[i].db, NULL, false, check_entry, &ci) != 0)
            store_finding(ck, "%s", store_errmsg(t->s));
    }
}

int store_check_indexes(stxn *t, char *why, size_t whylen)
{
    struct store_findings ck = {0, why, whylen};
    if (why && whylen)
        why[0] = '\0';
    for (size_t i = 0; i < store_nrecord_descs; i++)
        if (store_record_descs[i]->nindexes)
            check_type(t, &ck, store_record_descs[i]);
    /* The derived tables, then plans and moves: each check's first
     * problem is kept only when none came before, the others counted. */
    static int (*const derived[])(stxn *, char *, size_t) = {
        store_wl_check, store_unit_tree_check, store_text_check, store_words_check, store_unit_repeats_check,
        store_post_names_check,
        store_check_plans,
    };
    for (size_t i = 0; i < sizeof derived / sizeof *derived; i++) {
        char dwhy[256];
        int n = derived[i](t, dwhy, sizeof dwhy);
        if (n > 0) {
            store_finding(&ck, "%s", dwhy);
            ck.problems += n - 1;
        }
    }
    return ck.problems;
}
