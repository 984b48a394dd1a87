/* Records by descriptor (schema.h): put, get, delete, the version check
 * and rebuilding the indexes, with every index entry kept in the same
 * write transaction as its record.
 *
 * LMDB 0.9.24 has bugs in repeated cursor deletes and in-place overwrites
 * of MDB_DUPSORT values, so index entries are only ever removed with
 * mdb_del(key, value) and added with mdb_put(MDB_NODUPDATA), never
 * rewritten. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

/* --- LMDB calls ------------------------------------------------------------ */

int store_need_write(stxn *t)
{
    if (!t->write)
        return store_fail(t->s, _("a change was attempted in a read transaction"));
    return STORE_OK;
}

int store_db_get(stxn *t, int db, MDB_val k, MDB_val *out)
{
    if (k.mv_size == 0 || k.mv_size > STORE_KEY_MAX)
        return STORE_NOTFOUND;
    int rc = mdb_get(t->txn, t->s->dbi[db], &k, out);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

/* Records keep the data digest: what a put replaces or a delete removes
 * leaves it, what a put writes enters it (digest.c). */
int store_db_put(stxn *t, int db, MDB_val k, MDB_val v, unsigned flags)
{
    bool digested = store_digested(db);
    bool replaces = digested && !(flags & (MDB_NODUPDATA | MDB_NOOVERWRITE));
    if (replaces && store_digest_replace(t, db, k, v) != STORE_OK)
        return STORE_ERROR;
    int rc = mdb_put(t->txn, t->s->dbi[db], &k, &v, flags);
    if (rc == MDB_KEYEXIST && (flags & (MDB_NODUPDATA | MDB_NOOVERWRITE)))
        return STORE_OK;        /* the index entry is already there */
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    if (digested && (flags & MDB_NOOVERWRITE))
        return store_digest_change(t, db, k, v, true);
    return STORE_OK;
}

int store_db_del(stxn *t, int db, MDB_val k, const MDB_val *v)
{
    MDB_val vv = v ? *v : (MDB_val){0, NULL};
    if (store_digested(db) && !v && store_digest_unfile(t, db, k) != STORE_OK)
        return STORE_ERROR;
    int rc = mdb_del(t->txn, t->s->dbi[db], &k, v ? &vv : NULL);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

int store_damaged(stxn *t, int db, MDB_val k)
{
    int n = (int)(k.mv_size > 64 ? 64 : k.mv_size);
    return store_fail(t->s, _("a record in %s (key \"%.*s\") is damaged or from a newer mutasi"),
                      store_db_name(db), n, (const char *)k.mv_data);
}

/* --- index entries ---------------------------------------------------------- */

/* The record key as ix files it: pk itself, or packed into buf (size 0
 * when pk is no NIP, which the record's key function has refused). */
static MDB_val index_ref(const struct store_index_desc *ix, MDB_val pk, unsigned char *buf)
{
    if (ix->ref == STORE_REF_KEY)
        return pk;
    char nip[NIP_LEN + 1] = "";
    if (pk.mv_size == NIP_LEN)
        memcpy(nip, pk.mv_data, NIP_LEN);
    return store_nip_pack(nip, buf) ? (MDB_val){STORE_NIP_REF_LEN, buf} : (MDB_val){0, buf};
}

size_t store_index_key(const struct store_index_desc *ix, const void *rec, const void *pk,
                       size_t pklen, unsigned char *out)
{
    unsigned char buf[STORE_REF_MAX];
    size_t n = ix->group(rec, out);
    if (ix->kind == STORE_INDEX_DUP)
        return n;
    MDB_val ref = index_ref(ix, (MDB_val){pklen, (void *)pk}, buf);
    if (ref.mv_size == 0 || n + 1 + ref.mv_size > STORE_KEY_MAX)
        return 0;               /* cannot happen with the limits of schema.h */
    out[n] = '\0';
    memcpy(out + n + 1, ref.mv_data, ref.mv_size);
    return n + 1 + ref.mv_size;
}

MDB_val store_index_val(const struct store_index_desc *ix, MDB_val pk,
                        unsigned char buf[STORE_REF_MAX])
{
    return ix->kind == STORE_INDEX_DUP ? index_ref(ix, pk, buf) : (MDB_val){0, (void *)""};
}

/* The record key an index files as ref (unpacked into buf). */
static MDB_val index_unref(const struct store_index_desc *ix, MDB_val ref, unsigned char *buf)
{
    if (ix->ref == STORE_REF_KEY)
        return ref;
    if (ref.mv_size != STORE_NIP_REF_LEN || !store_nip_unpack(ref.mv_data, (char *)buf))
        return (MDB_val){0, buf};
    return (MDB_val){NIP_LEN, buf};
}

MDB_val store_index_pk(const struct store_index_desc *ix, MDB_val k, MDB_val v,
                       unsigned char buf[STORE_REF_MAX])
{
    if (ix->kind == STORE_INDEX_DUP)
        return index_unref(ix, v, buf);
    const unsigned char *nul = memchr(k.mv_data, '\0', k.mv_size);
    if (!nul)
        return (MDB_val){0, k.mv_data};
    size_t at = (size_t)(nul - (const unsigned char *)k.mv_data) + 1;
    return index_unref(ix, (MDB_val){k.mv_size - at, (unsigned char *)k.mv_data + at}, buf);
}

/* The flags that make adding an entry idempotent: the entry is never
 * rewritten, so putting a record again also repairs its missing entries. */
static unsigned index_flags(const struct store_index_desc *ix)
{
    return ix->kind == STORE_INDEX_DUP ? MDB_NODUPDATA : MDB_NOOVERWRITE;
}

static int index_remove(stxn *t, const struct store_index_desc *ix, MDB_val k, MDB_val pk)
{
    unsigned char buf[STORE_REF_MAX];
    MDB_val v = store_index_val(ix, pk, buf);
    if (k.mv_size == 0)
        return STORE_OK;
    int r = store_db_del(t, ix->db, k, ix->kind == STORE_INDEX_DUP ? &v : NULL);
    return r == STORE_NOTFOUND ? STORE_OK : r;
}

int store_index_add_all(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk)
{
    unsigned char key[STORE_KEY_MAX], buf[STORE_REF_MAX];
    for (int i = 0; i < d->nindexes; i++) {
        const struct store_index_desc *ix = &d->index[i];
        size_t n = store_index_key(ix, rec, pk.mv_data, pk.mv_size, key);
        if (n && store_db_put(t, ix->db, (MDB_val){n, key}, store_index_val(ix, pk, buf),
                              index_flags(ix)) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Removes the entries of old (key pk) that rec (NULL: none) does not
 * have too. */
static int index_remove_stale(stxn *t, const struct store_record_desc *d, const void *old,
                              const void *rec, MDB_val pk)
{
    unsigned char was[STORE_KEY_MAX], now[STORE_KEY_MAX];
    for (int i = 0; i < d->nindexes; i++) {
        const struct store_index_desc *ix = &d->index[i];
        size_t n = store_index_key(ix, old, pk.mv_data, pk.mv_size, was);
        size_t m = rec ? store_index_key(ix, rec, pk.mv_data, pk.mv_size, now) : 0;
        if (n && (n != m || memcmp(was, now, n) != 0) &&
            index_remove(t, ix, (MDB_val){n, was}, pk) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* --- records ---------------------------------------------------------------- */

/* Decoded records of any type. */
typedef union {
    unsigned char bytes[STORE_RECORD_MAX];
    max_align_t align;
} any_record;

static int get_raw(stxn *t, const struct store_record_desc *d, MDB_val k, void *out)
{
    MDB_val v;
    int r = store_db_get(t, d->db, k, &v);
    if (r == STORE_OK && d->decode(v.mv_data, v.mv_size, k.mv_data, k.mv_size, out) != 0)
        return store_damaged(t, d->db, k);
    return r;
}

int store_rec_get(stxn *t, const struct store_record_desc *d, const void *key, size_t klen,
                  void *out)
{
    return get_raw(t, d, (MDB_val){klen, (void *)key}, out);
}

int store_rec_replacing(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk)
{
    if (!d->derive && !d->nindexes)
        return STORE_OK;
    any_record old;
    int r = get_raw(t, d, pk, &old);
    if (r == STORE_ERROR)
        return r;
    const void *was = r == STORE_OK ? &old : NULL;
    if (d->derive && d->derive(t, was, rec) != STORE_OK)
        return STORE_ERROR;
    return was ? index_remove_stale(t, d, was, rec, pk) : STORE_OK;
}

int store_rec_put(stxn *t, const struct store_record_desc *d, const void *rec)
{
    unsigned char key[STORE_KEY_MAX], buf[CODEC_MAX];
    if (store_need_write(t))
        return STORE_ERROR;
    MDB_val pk = {d->key(t, rec, key), key};
    if (pk.mv_size == 0)
        return STORE_ERROR;
    size_t n = d->encode(rec, buf, sizeof buf);
    if (n == 0)
        return store_cannot_encode(t, d, rec, pk);
    if (store_rec_replacing(t, d, rec, pk) != STORE_OK ||
        (d->nindexes && store_index_add_all(t, d, rec, pk) != STORE_OK))
        return STORE_ERROR;
    return store_db_put(t, d->db, pk, (MDB_val){n, buf}, 0);
}

int store_rec_del(stxn *t, const struct store_record_desc *d, const void *key, size_t klen)
{
    any_record old;
    MDB_val pk = {klen, (void *)key};
    if (store_need_write(t))
        return STORE_ERROR;
    if (klen == 0 || klen > STORE_KEY_MAX)
        return STORE_NOTFOUND;
    if (d->nindexes || d->del_children || d->derive) {
        int r = get_raw(t, d, pk, &old);
        if (r != STORE_OK)
            return r;
        if ((d->derive && d->derive(t, &old, NULL) != STORE_OK) ||
            index_remove_stale(t, d, &old, NULL, pk) != STORE_OK ||
            (d->del_children && d->del_children(t, &old) != STORE_OK))
            return STORE_ERROR;
    }
    return store_db_del(t, d->db, pk, NULL);
}

static uint64_t version_of(const struct store_record_desc *d, const void *rec)
{
    const unsigned char *p = (const unsigned char *)rec + d->version_field;
    if (d->version_size == 4) {
        uint32_t v;
        memcpy(&v, p, 4);
        return v;
    }
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static void set_version(const struct store_record_desc *d, void *rec, uint64_t v)
{
    unsigned char *p = (unsigned char *)rec + d->version_field;
    if (d->version_size == 4) {
        uint32_t w = (uint32_t)v;
        memcpy(p, &w, 4);
    } else {
        memcpy(p, &v, 8);
    }
}

void store_rec_describe(const struct store_record_desc *d, const void *rec, MDB_val pk,
                        char *out, size_t size)
{
    if (d->describe) {
        d->describe(rec, out, size);
        return;
    }
    snprintf(out, size, "%s %.*s", _(d->what), (int)pk.mv_size, (const char *)pk.mv_data);
}

int store_cannot_encode(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk)
{
    char name[160];
    store_rec_describe(d, rec, pk, name, sizeof name);
    return store_fail(t->s, _("%s cannot be encoded"), name);
}

static int conflict(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk,
                    bool gone, uint64_t stored, uint64_t seen)
{
    char name[160];
    store_rec_describe(d, rec, pk, name, sizeof name);
    if (gone)
        store_fail(t->s, _("%s was deleted by someone else since you read it"), name);
    else
        store_fail(t->s, _("%s was changed by someone else (version %llu, you read version "
                           "%llu): read it again and redo the change"),
                   name, (unsigned long long)stored, (unsigned long long)seen);
    return STORE_CONFLICT;
}

int store_rec_put_versioned(stxn *t, const struct store_record_desc *d, void *rec, uint64_t seen,
                            void *now)
{
    unsigned char key[STORE_KEY_MAX];
    any_record old;
    if (store_need_write(t))
        return STORE_ERROR;
    if (d->version_size != 4 && d->version_size != 8)
        return store_fail(t->s, _("%s records carry no version"), _(d->what));
    MDB_val pk = {d->key(t, rec, key), key};
    if (pk.mv_size == 0)
        return STORE_ERROR;
    int r = get_raw(t, d, pk, &old);
    if (r == STORE_ERROR)
        return r;
    uint64_t stored = r == STORE_OK ? version_of(d, &old) : 0;
    if ((r == STORE_NOTFOUND && seen != 0) || (r == STORE_OK && stored != seen)) {
        if (now) {
            if (r == STORE_OK)
                memcpy(now, &old, d->size);
            else
                memset(now, 0, d->size);
        }
        return conflict(t, d, rec, pk, r == STORE_NOTFOUND, stored, seen);
    }
    uint64_t was = version_of(d, rec);
    set_version(d, rec, seen + 1);
    r = store_rec_put(t, d, rec);
    if (r != STORE_OK)
        set_version(d, rec, was);
    return r;
}

/* --- rebuilding the indexes ---------------------------------------------------- */

static int refile(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    const struct store_record_desc *d = ctx;
    unsigned char key[STORE_KEY_MAX];
    any_record rec;
    if (d->decode(v->mv_data, v->mv_size, k->mv_data, k->mv_size, &rec) != 0 ||
        k->mv_size > sizeof key)
        return store_damaged(t, d->db, *k);
    /* A copy: the key must not point into a page while others are written. */
    memcpy(key, k->mv_data, k->mv_size);
    return store_index_add_all(t, d, &rec, (MDB_val){k->mv_size, key});
}

int store_rec_reindex(stxn *t, const struct store_record_desc *d)
{
    if (store_need_write(t))
        return STORE_ERROR;
    for (int i = 0; i < d->nindexes; i++) {
        int rc = mdb_drop(t->txn, t->s->dbi[d->index[i].db], 0);
        if (rc != 0)
            return store_fail_mdb(t, rc, store_db_name(d->index[i].db));
    }
    return store_walk(t, d->db, NULL, false, refile, (void *)d);
}
