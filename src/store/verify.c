/* Walking one database to find damage (store_verify_db, store.h): every
 * record decoded (its seal checked), every index entry followed to its
 * record, every page of the B-tree read on the way. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

struct vwalk {
    int db;
    const struct store_record_desc *d;      /* records of db, or NULL */
    const struct store_record_desc *of;     /* the records db indexes, or NULL */
    const struct store_index_desc *ix;      /* and the index it is */
    store_damage_cb cb;
    void *ctx;
    size_t n;
};

static const struct store_record_desc *records_of(int db)
{
    for (size_t i = 0; i < store_nrecord_descs; i++)
        if (store_record_descs[i]->db == db)
            return store_record_descs[i];
    return NULL;
}

static const struct store_record_desc *indexed_by(int db, const struct store_index_desc **ix)
{
    for (size_t i = 0; i < store_nrecord_descs; i++)
        for (int j = 0; j < store_record_descs[i]->nindexes; j++)
            if (store_record_descs[i]->index[j].db == db) {
                *ix = &store_record_descs[i]->index[j];
                return store_record_descs[i];
            }
    *ix = NULL;
    return NULL;
}

/* Keys as text for a message: printable bytes as they are, others \xNN. */
static void key_text(MDB_val k, char *out, size_t size)
{
    const unsigned char *p = k.mv_data;
    size_t o = 0;
    for (size_t i = 0; i < k.mv_size && o + 5 < size; i++)
        o += (size_t)snprintf(out + o, size - o, p[i] >= 0x20 && p[i] < 0x7f ? "%c" : "\\x%02x",
                              p[i]);
    out[o] = '\0';
}

static void damaged(struct vwalk *w, MDB_val k, const char *what)
{
    char key[200];
    key_text(k, key, sizeof key);
    w->n++;
    w->cb(store_db_name(w->db), key, what, w->ctx);
}

static int visit(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct vwalk *w = ctx;
    union { unsigned char b[STORE_RECORD_MAX]; max_align_t a; } rec;
    if (w->d) {
        if (w->d->decode(v->mv_data, v->mv_size, k->mv_data, k->mv_size, rec.b) != 0)
            damaged(w, *k, _("the record is damaged (its checksum or layout is wrong)"));
    } else if (w->db == DB_HISTORY) {
        struct history h;
        if (codec_get_history(v->mv_data, v->mv_size, k->mv_data, k->mv_size, &h) != 0)
            damaged(w, *k, _("the record is damaged (its checksum or layout is wrong)"));
    } else if (w->db == DB_AUDIT) {
        struct audit_entry e;
        if (codec_get_audit(v->mv_data, v->mv_size, &e) != 0)
            damaged(w, *k, _("the audit entry is damaged (its checksum or layout is wrong)"));
    } else if (w->of) {
        unsigned char buf[STORE_REF_MAX];
        MDB_val rv, pk = store_index_pk(w->ix, *k, *v, buf);
        if (pk.mv_size == 0 || pk.mv_size > STORE_KEY_MAX ||
            mdb_get(t->txn, t->s->dbi[w->of->db], &pk, &rv) != 0)
            damaged(w, *k, _("the index entry names a record that does not exist"));
    }
    return 0;
}

int store_verify_db(stxn *t, int db, store_damage_cb cb, void *ctx, size_t *problems)
{
    struct vwalk w = {.db = db, .d = records_of(db), .cb = cb, .ctx = ctx};
    w.of = indexed_by(db, &w.ix);
    *problems = 0;
    if (!store_db_name(db))
        return STORE_NOTFOUND;
    int r = store_walk(t, db, NULL, false, visit, &w);
    *problems = w.n;
    return r < 0 ? STORE_ERROR : STORE_OK;
}

int store_db_count(void)
{
    return DB_COUNT;
}

const char *store_db_label(int db)
{
    return store_db_name(db);
}
