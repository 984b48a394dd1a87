/* The tamper-evident audit chain: entry N's SHA-256 covers its fields and
 * entry N-1's hash. Keys are big-endian sequence numbers from 1; meta
 * keeps the head (last seq and hash) so that entries cut off the end are
 * noticed too. */
#include <openssl/evp.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

#define HEAD_KEY "audit_head"
#define HEAD_LEN (8 + 32)

static MDB_val head_key(void)
{
    MDB_val k = {sizeof HEAD_KEY - 1, (void *)HEAD_KEY};
    return k;
}

/* Copies at most size-1 bytes, never cutting a UTF-8 sequence in two. */
static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;            /* src[n] continues a character: cut before it */
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

static int entry_hash(const struct audit_entry *e, unsigned char out[32])
{
    unsigned char buf[CODEC_MAX];
    unsigned int len = 0;
    size_t n = codec_audit_canonical(e, buf, sizeof buf);
    if (n == 0 || EVP_Digest(buf, n, out, &len, EVP_sha256(), NULL) != 1 || len != 32)
        return -1;
    return 0;
}

/* The head (seq 0 and a zero hash for an empty chain). */
static int read_head(stxn *t, uint64_t *seq, unsigned char hash[32])
{
    MDB_val k = head_key(), v;
    int rc = mdb_get(t->txn, t->s->dbi[DB_META], &k, &v);
    *seq = 0;
    memset(hash, 0, 32);
    if (rc == MDB_NOTFOUND)
        return STORE_NOTFOUND;
    if (rc != 0)
        return store_fail_mdb(t, rc, "meta");
    if (v.mv_size != HEAD_LEN)
        return store_fail(t->s, _("the head of the audit chain is damaged"));
    *seq = codec_from_be64(v.mv_data);
    memcpy(hash, (const unsigned char *)v.mv_data + 8, 32);
    return STORE_OK;
}

int store_audit_append(stxn *t, const char *user, const char *action,
                       const char *object, const char *before, const char *after)
{
    struct audit_entry e;
    unsigned char buf[CODEC_MAX], key[8], head[HEAD_LEN];
    if (!t->write)
        return store_fail(t->s, _("a change was attempted in a read transaction"));
    memset(&e, 0, sizeof e);
    if (read_head(t, &e.seq, e.prev_hash) == STORE_ERROR)
        return STORE_ERROR;
    e.seq++;
    e.time = (int64_t)time(NULL);
    copy_text(e.user, sizeof e.user, user);
    copy_text(e.action, sizeof e.action, action);
    copy_text(e.object, sizeof e.object, object);
    copy_text(e.before, sizeof e.before, before);
    copy_text(e.after, sizeof e.after, after);
    if (store_digest_current(t, e.digest, &e.ndigest) != STORE_OK)
        return STORE_ERROR;
    if (entry_hash(&e, e.hash) != 0)
        return store_fail(t->s, _("cannot compute the audit hash"));
    size_t n = codec_put_audit(&e, buf, sizeof buf);
    if (n == 0)
        return store_fail(t->s, _("cannot encode the audit entry"));
    codec_be64(key, e.seq);
    MDB_val k = {8, key}, v = {n, buf};
    int rc = mdb_put(t->txn, t->s->dbi[DB_AUDIT], &k, &v, MDB_NOOVERWRITE);
    if (rc == MDB_KEYEXIST)
        return store_fail(t->s, _("audit entry %llu exists beyond the head of the chain"),
                          (unsigned long long)e.seq);
    if (rc != 0)
        return store_fail_mdb(t, rc, "audit");
    codec_be64(head, e.seq);
    memcpy(head + 8, e.hash, 32);
    k = head_key();
    v = (MDB_val){HEAD_LEN, head};
    rc = mdb_put(t->txn, t->s->dbi[DB_META], &k, &v, 0);
    if (rc != 0)
        return store_fail_mdb(t, rc, "meta");
    return STORE_OK;
}

struct audit_visit {
    store_audit_cb cb;
    void *ctx;
    bool past_damage;
};

static int visit_audit(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct audit_visit *av = ctx;
    struct audit_entry e;
    uint64_t seq = k->mv_size == 8 ? codec_from_be64(k->mv_data) : 0;
    if (codec_get_audit(v->mv_data, v->mv_size, &e) != 0) {
        if (!av->past_damage)
            return store_fail(t->s, _("audit entry %llu is damaged"), (unsigned long long)seq);
        memset(&e, 0, sizeof e);
        e.seq = seq;
        e.damaged = true;
    }
    return av->cb(&e, av->ctx);
}

int store_each_audit(stxn *t, bool newest_first, store_audit_cb cb, void *ctx)
{
    return store_each_audit_from(t, 0, newest_first, cb, ctx);
}

static int each_audit(stxn *t, uint64_t from_seq, bool newest_first, struct audit_visit *av)
{
    unsigned char key[8];
    MDB_val from = {0, NULL};
    if (from_seq && !(newest_first && from_seq == UINT64_MAX)) {
        /* a backward walk starts below its key: start below from_seq + 1 */
        codec_be64(key, newest_first ? from_seq + 1 : from_seq);
        from = (MDB_val){8, key};
    }
    return store_walk(t, DB_AUDIT, from.mv_size ? &from : NULL, newest_first, visit_audit, av);
}

int store_each_audit_from(stxn *t, uint64_t from_seq, bool newest_first, store_audit_cb cb,
                          void *ctx)
{
    struct audit_visit av = {cb, ctx, false};
    return each_audit(t, from_seq, newest_first, &av);
}

int store_each_audit_past_damage(stxn *t, uint64_t from_seq, bool newest_first,
                                 store_audit_cb cb, void *ctx)
{
    struct audit_visit av = {cb, ctx, true};
    return each_audit(t, from_seq, newest_first, &av);
}

/* --- verification ---------------------------------------------------------- */

struct verify {
    uint64_t expect;            /* next seq expected */
    unsigned char prev[32];
    uint64_t broken;            /* first broken seq, 0 = none yet */
    const char *why;
};

static int broken(struct verify *vf, uint64_t seq, const char *why)
{
    vf->broken = seq;
    vf->why = why;
    return 1;
}

static int verify_one(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct verify *vf = ctx;
    struct audit_entry e;
    unsigned char h[32];
    (void)t;
    if (k->mv_size != 8)
        return broken(vf, vf->expect, _("an entry has a malformed key"));
    uint64_t seq = codec_from_be64(k->mv_data);
    if (seq != vf->expect)
        return broken(vf, vf->expect, _("the entry is missing"));
    if (codec_get_audit(v->mv_data, v->mv_size, &e) != 0)
        return broken(vf, seq, _("the entry cannot be decoded"));
    if (e.seq != seq)
        return broken(vf, seq, _("the entry's number differs from its key"));
    if (memcmp(e.prev_hash, vf->prev, 32) != 0)
        return broken(vf, seq, _("the entry does not link to the previous entry's hash"));
    if (entry_hash(&e, h) != 0 || memcmp(h, e.hash, 32) != 0)
        return broken(vf, seq, _("the entry's contents do not match its hash"));
    memcpy(vf->prev, e.hash, 32);
    vf->expect++;
    return 0;
}

uint64_t store_audit_verify(stxn *t, const char **why)
{
    struct verify vf = {.expect = 1};
    static const char *none = "";
    *why = none;
    int r = store_walk(t, DB_AUDIT, NULL, false, verify_one, &vf);
    if (vf.broken) {
        *why = vf.why;
        return vf.broken;
    }
    if (r != 0) {
        *why = _("the audit log cannot be read");
        return vf.expect;
    }
    uint64_t head_seq;
    unsigned char head_hash[32];
    int hr = read_head(t, &head_seq, head_hash);
    if (hr == STORE_ERROR) {
        *why = _("the head of the audit chain is damaged");
        return vf.expect;
    }
    uint64_t last = vf.expect - 1;
    if (head_seq > last) {
        *why = _("the entry is missing (entries were cut off the end)");
        return last + 1;
    }
    if (head_seq < last) {
        *why = _("the entry lies beyond the recorded head of the chain");
        return head_seq + 1;
    }
    if (memcmp(head_hash, vf.prev, 32) != 0) {
        *why = _("the last entry differs from the recorded head of the chain");
        return last;
    }
    return 0;
}

size_t store_count_audit(stxn *t)
{
    MDB_stat st;
    if (mdb_stat(t->txn, t->s->dbi[DB_AUDIT], &st) != 0)
        return 0;
    return st.ms_entries;
}

/* --- anchors and the data ------------------------------------------------------ */

int store_audit_head(stxn *t, uint64_t *seq, unsigned char hash[32])
{
    return read_head(t, seq, hash) == STORE_ERROR ? STORE_ERROR : STORE_OK;
}

int store_audit_entry_hash(stxn *t, uint64_t seq, unsigned char hash[32])
{
    unsigned char key[8];
    struct audit_entry e;
    MDB_val v;
    codec_be64(key, seq);
    int r = store_db_get(t, DB_AUDIT, (MDB_val){8, key}, &v);
    if (r != STORE_OK)
        return r;
    if (codec_get_audit(v.mv_data, v.mv_size, &e) != 0)
        return store_fail(t->s, _("audit entry %llu is damaged"), (unsigned long long)seq);
    memcpy(hash, e.hash, 32);
    return STORE_OK;
}

static int newest(const struct audit_entry *e, void *ctx)
{
    *(struct audit_entry *)ctx = *e;
    return 1;
}

int store_audit_check_data(stxn *t, uint64_t *seq, bool *has_digest,
                           char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME], int *ndiffer)
{
    struct audit_entry last;
    struct audit_digest now[AUDIT_DIGEST_MAX];
    int n;
    *seq = 0;
    *has_digest = false;
    *ndiffer = 0;
    memset(&last, 0, sizeof last);
    if (store_each_audit(t, true, newest, &last) < 0 || store_data_digest(t, now, &n) != 0)
        return STORE_ERROR;
    *seq = last.seq;
    *has_digest = last.ndigest > 0;
    if (!*has_digest)
        return STORE_OK;
    /* A database in one list and not the other differs too. */
    for (int i = 0; i < n; i++) {
        bool same = false;
        for (int j = 0; j < last.ndigest; j++)
            if (strcmp(now[i].db, last.digest[j].db) == 0)
                same = memcmp(now[i].sum, last.digest[j].sum, 32) == 0;
        if (!same)
            memcpy(differ[(*ndiffer)++], now[i].db, AUDIT_DB_NAME);
    }
    return STORE_OK;
}
