/* The data digest: for each record database (those of the record
 * descriptors, and history) a multiset hash of its content, the sum
 * modulo 2^256 of SHA-256(database name, key, value) over every record.
 * A sum is updated by adding the hash of a record written and subtracting
 * that of a record replaced or deleted, so a change costs O(records
 * changed) and a read nothing. The running sums live in meta
 * ("digest:staff" = 32 bytes big-endian); each audit entry carries them
 * (audit.c), so `audit --verify` can recompute them from the data and say
 * which databases were changed without an entry: with mdb_load, a hex
 * editor or another program.
 *
 * Index databases are not digested: they follow from the records, and
 * store_check_indexes compares them with the records. */
/* OpenSSL 3.0's EVP_DigestInit frees and allocates the provider's context
 * on every call, which cost more than hashing a staff record (0.55 against
 * 0.34 us for 278 bytes): the low-level SHA-256 calls hash on the stack
 * and give the same digest. They are deprecated in 3.0, not removed. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

#define DIGEST_META_PREFIX "digest:"

/* The bench's build without seals and digest (make BENCH_NOSEAL=1, only
 * into a build directory of its own: Makefile) keeps no digest, so that
 * bench/seal.sh can measure what keeping it costs. */
#ifdef MUTASI_BENCH_NOSEAL
#define BENCH_NOSEAL 1
#else
#define BENCH_NOSEAL 0
#endif

/* Asked on every put, index entries included: a table, filled once. */
bool store_digested(int db)
{
    static bool digested[DB_COUNT], filled;
    if (!filled) {
        digested[DB_HISTORY] = true;
        for (size_t i = 0; i < store_nrecord_descs; i++)
            digested[store_record_descs[i]->db] = true;
        filled = true;
    }
    return db >= 0 && db < DB_COUNT && digested[db];
}

/* --- 256-bit sums: four 64-bit limbs, least significant first ----------- */

static void sum_from_bytes(uint64_t out[4], const unsigned char in[32])
{
    for (int i = 0; i < 4; i++)
        out[i] = codec_from_be64(in + 8 * (3 - i));
}

static void sum_to_bytes(unsigned char out[32], const uint64_t in[4])
{
    for (int i = 0; i < 4; i++)
        codec_be64(out + 8 * (3 - i), in[i]);
}

static void sum_add(uint64_t acc[4], const uint64_t x[4])
{
    unsigned carry = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t a = acc[i] + x[i];
        unsigned c = a < x[i];
        acc[i] = a + carry;
        carry = c | (acc[i] < a);
    }
}

static void sum_sub(uint64_t acc[4], const uint64_t x[4])
{
    unsigned borrow = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t a = acc[i] - x[i];
        unsigned b = acc[i] < x[i];
        uint64_t r = a - borrow;
        borrow = b | (a < borrow);
        acc[i] = r;
    }
}

/* --- the hash of one record ------------------------------------------------ */

/* The record hash needs no start-up (the low-level calls), but the audit
 * entry of the same write hashes through EVP: OpenSSL's default provider
 * is loaded now (some milliseconds), as the first write would. */
void store_digest_ready(void)
{
    static bool ready;
    if (!ready)
        EVP_MD_free(EVP_MD_fetch(NULL, "SHA256", NULL));
    ready = true;
}

static int record_hash(int db, MDB_val k, MDB_val v, uint64_t out[4])
{
    const char *name = store_db_name(db);
    unsigned char head[1 + 64 + 2], h[32];
    size_t n = strlen(name);
    SHA256_CTX ctx;
    head[0] = (unsigned char)n;
    memcpy(head + 1, name, n);
    head[1 + n] = (unsigned char)(k.mv_size >> 8);
    head[2 + n] = (unsigned char)k.mv_size;
    if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, head, n + 3) != 1 ||
        SHA256_Update(&ctx, k.mv_data, k.mv_size) != 1 ||
        SHA256_Update(&ctx, v.mv_data, v.mv_size) != 1 || SHA256_Final(h, &ctx) != 1)
        return -1;
    sum_from_bytes(out, h);
    return 0;
}

int store_digest_change(stxn *t, int db, MDB_val k, MDB_val v, bool add)
{
    uint64_t h[4];
    if (BENCH_NOSEAL)
        return STORE_OK;
    if (record_hash(db, k, v, h) != 0)
        return store_fail(t->s, _("cannot compute the data digest"));
    if (add)
        sum_add(t->dsum[db], h);
    else
        sum_sub(t->dsum[db], h);
    t->ddirty = true;
    return STORE_OK;
}

int store_digest_hash(int db, MDB_val k, MDB_val v, uint64_t out[4])
{
    if (BENCH_NOSEAL) {
        memset(out, 0, 4 * sizeof *out);
        return 0;
    }
    return record_hash(db, k, v, out);
}

void store_digest_add_hash(stxn *t, int db, const uint64_t h[4])
{
    if (BENCH_NOSEAL)
        return;
    sum_add(t->dsum[db], h);
    t->ddirty = true;
}

int store_digest_unfile(stxn *t, int db, MDB_val k)
{
    MDB_val old;
    if (BENCH_NOSEAL)
        return STORE_OK;
    int rc = mdb_get(t->txn, t->s->dbi[db], &k, &old);
    if (rc == MDB_NOTFOUND)
        return STORE_OK;
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return store_digest_change(t, db, k, old, false);
}

/* A value put again unchanged (a re-import of the same file: most rows)
 * leaves the sum as it was, so it costs a comparison, not two hashes. */
int store_digest_replace(stxn *t, int db, MDB_val k, MDB_val v)
{
    MDB_val old;
    if (BENCH_NOSEAL)
        return STORE_OK;
    int rc = mdb_get(t->txn, t->s->dbi[db], &k, &old);
    if (rc != 0 && rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(db));
    if (rc == 0 && old.mv_size == v.mv_size && memcmp(old.mv_data, v.mv_data, v.mv_size) == 0)
        return STORE_OK;
    if (rc == 0 && store_digest_change(t, db, k, old, false) != STORE_OK)
        return STORE_ERROR;
    return store_digest_change(t, db, k, v, true);
}

/* --- the sums in meta ------------------------------------------------------- */

static MDB_val meta_key(int db, char buf[64])
{
    int n = snprintf(buf, 64, "%s%s", DIGEST_META_PREFIX, store_db_name(db));
    return (MDB_val){(size_t)n, buf};
}

static int read_sum(stxn *t, int db, uint64_t out[4])
{
    char kb[64];
    MDB_val k = meta_key(db, kb), v;
    int rc = mdb_get(t->txn, t->s->dbi[DB_META], &k, &v);
    memset(out, 0, 4 * sizeof *out);
    if (rc == MDB_NOTFOUND)
        return STORE_OK;
    if (rc != 0)
        return store_fail_mdb(t, rc, "meta");
    if (v.mv_size != 32)
        return store_fail(t->s, _("the data digest of %s in meta is damaged"),
                          store_db_name(db));
    sum_from_bytes(out, v.mv_data);
    return STORE_OK;
}

static int write_sum(stxn *t, int db, const uint64_t sum[4])
{
    char kb[64];
    unsigned char b[32];
    sum_to_bytes(b, sum);
    MDB_val k = meta_key(db, kb), v = {32, b};
    int rc = mdb_put(t->txn, t->s->dbi[DB_META], &k, &v, 0);
    return rc ? store_fail_mdb(t, rc, "meta") : STORE_OK;
}

int store_digest_flush(stxn *t)
{
    static const uint64_t zero[4];
    if (!t->ddirty)
        return STORE_OK;
    for (int db = 0; db < DB_COUNT; db++) {
        uint64_t sum[4];
        if (memcmp(t->dsum[db], zero, sizeof zero) == 0)
            continue;
        if (read_sum(t, db, sum) != STORE_OK)
            return STORE_ERROR;
        sum_add(sum, t->dsum[db]);
        if (write_sum(t, db, sum) != STORE_OK)
            return STORE_ERROR;
        memset(t->dsum[db], 0, sizeof t->dsum[db]);
    }
    t->ddirty = false;
    return STORE_OK;
}

static void name_digest(struct audit_digest *d, int db, const uint64_t sum[4])
{
    memset(d, 0, sizeof *d);
    snprintf(d->db, sizeof d->db, "%s", store_db_name(db));
    sum_to_bytes(d->sum, sum);
}

int store_digest_current(stxn *t, struct audit_digest out[AUDIT_DIGEST_MAX], int *n)
{
    *n = 0;
    if (store_digest_flush(t) != STORE_OK)
        return STORE_ERROR;
    for (int db = 0; db < DB_COUNT && *n < AUDIT_DIGEST_MAX; db++) {
        uint64_t sum[4];
        if (!store_digested(db))
            continue;
        if (read_sum(t, db, sum) != STORE_OK)
            return STORE_ERROR;
        name_digest(&out[(*n)++], db, sum);
    }
    return STORE_OK;
}

/* --- recomputing from the data ----------------------------------------------- */

struct recompute {
    int db;
    uint64_t sum[4];
};

static int add_record(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct recompute *rc = ctx;
    uint64_t h[4];
    if (record_hash(rc->db, *k, *v, h) != 0)
        return store_fail(t->s, _("cannot compute the data digest"));
    sum_add(rc->sum, h);
    return 0;
}

int store_data_digest(stxn *t, struct audit_digest out[AUDIT_DIGEST_MAX], int *n)
{
    *n = 0;
    for (int db = 0; db < DB_COUNT && *n < AUDIT_DIGEST_MAX; db++) {
        struct recompute rc = {.db = db};
        if (!store_digested(db))
            continue;
        if (store_walk(t, db, NULL, false, add_record, &rc) != 0)
            return STORE_ERROR;
        name_digest(&out[(*n)++], db, rc.sum);
    }
    return STORE_OK;
}

int store_digest_reset(stxn *t)
{
    struct audit_digest d[AUDIT_DIGEST_MAX];
    int n;
    if (store_data_digest(t, d, &n) != STORE_OK)
        return STORE_ERROR;
    memset(t->dsum, 0, sizeof t->dsum);
    t->ddirty = false;
    for (int db = 0, i = 0; db < DB_COUNT && i < n; db++) {
        uint64_t sum[4];
        if (!store_digested(db))
            continue;
        sum_from_bytes(sum, d[i++].sum);
        if (write_sum(t, db, sum) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}
