/* Loading staff into an empty staff table (store_bulk_begin in store.h).
 *
 * Records and history lines arrive in NIP order and are appended at once.
 * The indexes (those of the staff descriptor, schema.c) cannot be: their
 * key orders differ from NIP order. So each person leaves 32 bytes (NIP
 * and one id per index: unit, position, name) with each index's groups
 * (codes, folded names) interned once; at the end each index's
 * distinct keys are sorted (a few hundred units, a few thousand positions,
 * the distinct names) and the people are put in that order by a stable
 * counting sort, which keeps NIP order within a key, so that every index
 * is written left to right with MDB_APPEND: no search, pages filled whole.
 * Given the codes the caller checked against (store_bulk_use_codes), the
 * unit and position ids are theirs: read in key order, an id is already
 * its rank, nothing is interned or sorted, and a position's unit and job
 * family for the workload aggregates need no look-up. What needs only the
 * record (its encoding, the digest hashes, the keys, the name interned)
 * can be done ahead on another thread (store_bulk_prepare), leaving the
 * writes here. Two more threads keep work off the writer's path: one maps
 * the pages ahead that the load will fill (store_prefault_start), one
 * makes the indexes' orders at the end while the writer writes the holder
 * counts and the first indexes (orders_start). A dup index of an empty
 * table takes each key's people in one call (MDB_MULTIPLE). */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "store/codec.h"
#include "core/hash.h"
#include "core/strset.h"
#include "store/internal.h"
#include "store/keys.h"
#include "util/hugepage.h"

#define NO_ID UINT32_MAX
_Static_assert(NO_ID == STRSET_NONE, "an interned id is a strset id");

/* Rows between two calls of store_map_writeback (a power of two): some
 * tens of MB of pages, so that the disk writes while the load goes on. */
#define WRITEBACK_EVERY 65536

/* The indexes a bulk load keeps in memory: those of staff (schema.c). */
#define BY_COUNT 3
#define BY_UNIT 0
#define BY_POSITION 1            /* the position index: holders counted */
#define BY_NAME 2                /* the name index, sized ahead from expect */

/* The bytes of the map a person takes at the end of a load (records,
 * history, indexes, find text), about: the pages mapped ahead for the
 * writer (store_prefault_start). */
#define BYTES_PER_ROW 640

/* --- interned strings --------------------------------------------------------
 * Each distinct string once (core/strset): ids are dense. */

/* grow_room, and huge pages for what it grew. */
static bool reserve(void **p, size_t *cap, size_t need, size_t size)
{
    size_t before = *cap;
    if (grow_room(p, cap, need, size, 1024) != 0)
        return false;
    if (*cap != before)
        want_huge_pages(*p, *cap * size);
    return true;
}

/* Room for n strings of bytes in all, on huge pages: the look-ups go all
 * over the index and the strings (a TLB miss each otherwise). A failure
 * is no error: the set grows as needed instead. */
static void interner_presize(struct strset *in, size_t n, size_t bytes)
{
    if (strset_reserve(in, n, bytes) != 0)
        return;
    want_huge_pages(in->ix.slot, hindex_bytes(&in->ix));
    want_huge_pages(in->arena, in->cap);
    want_huge_pages(in->off, in->capn * sizeof *in->off);
}

/* Byte order of the strings, by their first 8 bytes as one big-endian
 * number (zero-padded after the end), then the rest where those tie. */
struct sort_key {
    uint64_t prefix;
    uint32_t id;
};

static uint64_t prefix8(const char *s)
{
    uint64_t v = 0;
    int i = 0;
    for (; i < 8 && s[i]; i++)
        v = v << 8 | (unsigned char)s[i];
    return i == 0 ? 0 : i < 8 ? v << 8 * (8 - i) : v;
}

static int sort_key_cmp(const void *x, const void *y, void *ctx)
{
    const struct sort_key *a = x, *b = y;
    const struct strset *in = ctx;
    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    if ((a->prefix & 0xff) == 0)
        return 0;               /* both end within the prefix: the same string */
    return strcmp(strset_str(in, a->id) + 8, strset_str(in, b->id) + 8);
}

/* rank[id] = the place of string id in byte order; NULL when out of memory. */
static uint32_t *string_ranks(const struct strset *in)
{
    struct sort_key *keys = malloc(((size_t)in->n + 1) * sizeof *keys);
    uint32_t *rank = malloc(((size_t)in->n + 1) * sizeof *rank);
    if (!keys || !rank) {
        free(keys);
        free(rank);
        return NULL;
    }
    want_huge_pages(keys, ((size_t)in->n + 1) * sizeof *keys);
    for (uint32_t id = 0; id < in->n; id++)
        keys[id] = (struct sort_key){prefix8(strset_str(in, id)), id};
    qsort_r(keys, in->n, sizeof *keys, sort_key_cmp, (void *)in);
    for (uint32_t r = 0; r < in->n; r++)
        rank[keys[r].id] = r;
    free(keys);
    return rank;
}

/* --- the load ---------------------------------------------------------------- */

struct bulk_row {
    unsigned char ref[STORE_NIP_REF_LEN];   /* the NIP packed, as the indexes file it */
    uint32_t id[BY_COUNT];      /* interned group per index (unit, position,
                                 * folded name); NO_ID: no entry */
};

struct store_bulk {
    stxn *t;
    const struct store_record_desc *d;
    MDB_cursor *staff;
    struct store_appender history;
    struct store_text_fill text;        /* the find text, appended as people come */
    bool text_open;
    struct bulk_row *rows;
    size_t n, cap;
    struct strset in[BY_COUNT];
    uint32_t *rank[BY_COUNT];   /* string_ranks of in[i], once computed */
    store_codes *codes;         /* when given: the unit and position ids */
    struct store_prefault *prefault;    /* the pages ahead being mapped, or NULL */
    bool unknown_code;          /* a record's unit or position is not in codes */
};

/* Whether index by takes its ids from the codes instead of in[by]. */
static bool by_codes(const store_bulk *b, int by)
{
    return b->codes && by != BY_NAME;
}

/* How many groups index by has, and the text of one. */
static size_t ngroups(const store_bulk *b, int by)
{
    return by_codes(b, by) ? store_codes_count(b->codes, by == BY_POSITION) : b->in[by].n;
}

static const char *group_str(const store_bulk *b, int by, uint32_t id)
{
    if (by_codes(b, by))
        return store_codes_str(b->codes, by == BY_POSITION, id);
    return strset_str(&b->in[by], id);
}

void store_bulk_use_codes(store_bulk *b, store_codes *c)
{
    b->codes = c;
}

void store_bulk_free(store_bulk *b)
{
    if (!b)
        return;
    store_prefault_stop(b->prefault);
    if (b->staff)
        mdb_cursor_close(b->staff);
    if (b->history.cur)
        store_appender_close(&b->history);
    if (b->text_open)
        store_text_fill_close(&b->text, false);
    for (int i = 0; i < BY_COUNT; i++) {
        strset_free(&b->in[i]);
        free(b->rank[i]);
    }
    free(b->rows);
    free(b);
}

int store_bulk_begin(stxn *t, size_t expect, store_bulk **out)
{
    *out = NULL;
    if (!t->write)
        return store_fail(t->s, _("a change was attempted in a read transaction"));
    if (store_count_staff(t) != 0)
        return store_fail(t->s, _("a bulk load needs an empty staff table"));
    store_bulk *b = calloc(1, sizeof *b);
    if (!b)
        return store_fail(t->s, _("out of memory"));
    b->t = t;
    b->d = &store_desc_staff;
    assert(b->d->nindexes <= BY_COUNT && b->d->index[BY_NAME].db == DB_STAFF_BY_NAME &&
           b->d->index[BY_UNIT].db == DB_STAFF_BY_UNIT &&
           b->d->index[BY_POSITION].db == DB_STAFF_BY_POSITION);
    int rc = mdb_cursor_open(t->txn, t->s->dbi[b->d->db], &b->staff);
    if (rc != 0) {
        b->staff = NULL;
        store_bulk_free(b);
        return store_fail_mdb(t, rc, store_db_name(b->d->db));
    }
    if (store_appender_open(&b->history, t, DB_HISTORY, false) != STORE_OK) {
        b->history.cur = NULL;
        store_bulk_free(b);
        return STORE_ERROR;
    }
    if (store_text_fill_open(&b->text, t) != STORE_OK) {
        store_bulk_free(b);
        return STORE_ERROR;
    }
    b->text_open = true;
    /* Sized once when the count is known: no copies while growing. A
     * failure here is no error, the arrays grow as needed instead. */
    if (expect && expect < ((size_t)1 << 32)) {
        reserve((void **)&b->rows, &b->cap, expect, sizeof *b->rows);
        /* Room for names of 31 bytes on average; a large block is mapped
         * lazily, so what is never written costs nothing. */
        interner_presize(&b->in[BY_NAME], expect, expect * 32);
        b->prefault = store_prefault_start(t, expect * BYTES_PER_ROW);
    }
    *out = b;
    return STORE_OK;
}

/* p: the line encoded and hashed ahead (store_bulk_prepare), or NULL. */
static int add_history(store_bulk *b, const struct history *h, const struct store_bulk_prep *p)
{
    unsigned char key[STORE_HIST_KEY_LEN], buf[CODEC_MAX];
    char last[NIP_LEN + 1];
    stxn *t = b->t;
    if (p)
        memcpy(key, p->hist_key, sizeof key);
    if ((!p && !store_history_key(h->nip, h->since, 0, key)) ||
        memcmp(key, b->rows[b->n - 1].ref, STORE_NIP_REF_LEN) != 0) {
        store_nip_unpack(b->rows[b->n - 1].ref, last);
        return store_fail(t->s, _("a history line of %.*s came with staff %.*s"), NIP_LEN,
                          h->nip, NIP_LEN, last);
    }
    MDB_val k = {sizeof key, key};
    if (!store_appender_is_new(&b->history, k, k))
        return store_add_history(t, h);     /* lines of this person already there */
    if (p) {                    /* store_appender_put, the digest's hash made */
        MDB_val v = {p->hist_len, (void *)p->hist};
        int rc = mdb_cursor_put(b->history.cur, &k, &v, MDB_APPEND);
        if (rc != 0)
            return store_fail_mdb(t, rc, store_db_name(DB_HISTORY));
        store_digest_add_hash(t, DB_HISTORY, p->hist_hash);
        return STORE_OK;
    }
    size_t n = codec_put_history(h, buf, sizeof buf);
    if (n == 0)
        return store_fail(t->s, _("history of %s cannot be encoded"), h->nip);
    return store_appender_put(&b->history, k, (MDB_val){n, buf}, 0);
}

/* The record's group in index i, interned; NO_ID for no entry (an empty
 * group of a dup index) or out of memory (*oom). side: the name interned
 * ahead (store_bulk_prepare), or NULL. */
static uint32_t intern_group(store_bulk *b, int i, const void *rec,
                             const struct store_bulk_prep *side, bool *oom)
{
    const struct store_index_desc *ix = &b->d->index[i];
    unsigned char buf[STORE_GROUP_MAX];
    const unsigned char *g = buf;
    if (side && i == BY_NAME) {
        *oom |= side->out_of_memory;
        return side->name_id;
    }
    if (side && i == BY_POSITION && side->looked_up) {
        b->unknown_code |= side->position_id == STRSET_NONE;
        return side->position_id;
    }
    if (side && i == BY_UNIT && side->unit_known) {
        b->unknown_code |= side->unit_id == STRSET_NONE;
        return side->unit_id;
    }
    size_t n = ix->group(rec, buf);
    if (n == 0 && ix->kind == STORE_INDEX_DUP)
        return NO_ID;
    if (by_codes(b, i)) {
        uint32_t id = i == BY_POSITION ? store_codes_position_id(b->codes, (const char *)g, n)
                                       : store_codes_unit_id(b->codes, (const char *)g, n);
        b->unknown_code |= id == STRSET_NONE;
        return id;
    }
    uint32_t id = strset_add(&b->in[i], (const char *)g, n);
    *oom |= id == NO_ID;
    return id;
}

/* The name of the index interned (NO_ID: no entry, or out of memory). */
static uint32_t intern_name(store_bulk *b, const unsigned char *g, size_t n, uint64_t h,
                            bool *oom)
{
    if (n == 0 && b->d->index[BY_NAME].kind == STORE_INDEX_DUP)
        return NO_ID;
    const char *str;
    uint32_t id = strset_find_hashed(&b->in[BY_NAME], (const char *)g, n, h, &str);
    if (id == NO_ID)
        id = strset_add_hashed(&b->in[BY_NAME], (const char *)g, n, h);
    *oom |= id == NO_ID;
    return id;
}

/* What b gathers of the name (store_bulk_prepare): its index group
 * interned, the name as the find text holds it, its words filed under
 * the NIP (on the import's preparer thread, beside the reader's: the
 * taker that wrote them had become the slowest thread). A bad NIP files
 * no words: add refuses the record. */
static void prepare_name(store_bulk *b, const struct staff *s, struct store_bulk_prep *p,
                         bool ahead)
{
    uint64_t v;
    bool oom = false;
    _Static_assert(sizeof p->name == STORE_GROUP_MAX && sizeof p->text == STORE_GROUP_MAX,
                   "room for any group and any name");
    if (!ahead) {
        p->name_len = (uint16_t)b->d->index[BY_NAME].group(s, p->name);
        p->name_key_hash = strset_hash((const char *)p->name, p->name_len);
    }
    p->name_id = intern_name(b, p->name, p->name_len, p->name_key_hash, &oom);
    p->text_len = (uint16_t)store_text_name(s, p->text);
    if (store_nip_number(s->nip, &v) &&
        store_words_acc_add_name(b->text.words, p->text, p->text_len, v) != 0)
        oom = true;
    p->out_of_memory = oom;
}

/* ahead: store_bulk_look_ahead made the name's group and the hashes. */
static void prepare(store_bulk *b, const struct staff *s, const struct history *h,
                    struct store_bulk_prep *p, bool ahead)
{
    const struct store_record_desc *d = &store_desc_staff;
    _Static_assert(sizeof p->ref == STORE_NIP_REF_LEN && sizeof p->hist_key == STORE_HIST_KEY_LEN,
                   "the keys' sizes");
    p->ready = false;
    prepare_name(b, s, p, ahead);
    /* the look-up with cache misses in a table of many positions */
    p->looked_up = b->codes && s->position[0];
    if (p->looked_up && ahead)
        p->position_id = store_codes_position_find_hashed(
            b->codes, s->position, strlen(s->position), p->position_hash, &p->position_unit);
    else if (p->looked_up)
        p->position_id = store_codes_position_find(b->codes, s->position, &p->position_unit);
    /* the unit, when it is the position's: known without a look-up */
    p->unit_known = p->looked_up && p->position_unit && strcmp(p->position_unit, s->unit) == 0;
    if (p->unit_known)
        p->unit_id = store_codes_unit_id_of(b->codes, p->position_unit);
    size_t n = d->encode(s, p->staff, sizeof p->staff);
    MDB_val k = {NIP_LEN, (void *)s->nip}, v = {n, p->staff};
    if (n == 0 || !store_nip_pack(s->nip, p->ref) ||
        store_digest_hash(d->db, k, v, p->staff_hash) != 0)
        return;                 /* too long for p, or no hash: done in add */
    p->staff_len = (uint16_t)n;
    if (h) {
        if (!store_history_key(h->nip, h->since, 0, p->hist_key))
            return;
        n = codec_put_history(h, p->hist, sizeof p->hist);
        k = (MDB_val){sizeof p->hist_key, p->hist_key};
        v = (MDB_val){n, p->hist};
        if (n == 0 || store_digest_hash(DB_HISTORY, k, v, p->hist_hash) != 0)
            return;
        p->hist_len = (uint16_t)n;
    }
    p->ready = true;
}

void store_bulk_prepare(store_bulk *b, const struct staff *s, const struct history *h,
                        struct store_bulk_prep *p)
{
    prepare(b, s, h, p, false);
}

void store_bulk_prepare_ahead(store_bulk *b, const struct staff *s, const struct history *h,
                              struct store_bulk_prep *p)
{
    prepare(b, s, h, p, true);
}

void store_bulk_look_ahead(store_bulk *b, const struct staff *s, struct store_bulk_prep *p,
                           int stage)
{
    if (stage == 0) {
        p->name_len = (uint16_t)b->d->index[BY_NAME].group(s, p->name);
        p->name_key_hash = strset_hash((const char *)p->name, p->name_len);
        p->position_hash = strset_hash(s->position, strlen(s->position));
    }
    strset_prefetch(&b->in[BY_NAME], p->name_key_hash, stage);
    if (b->codes && s->position[0])
        store_codes_position_prefetch(b->codes, p->position_hash, stage);
}

/* The staff record's value: made ahead (p), or encoded into buf. */
static MDB_val staff_value(store_bulk *b, const struct staff *s, const struct store_bulk_prep *p,
                           unsigned char buf[CODEC_MAX])
{
    if (p)
        return (MDB_val){p->staff_len, (void *)p->staff};
    return (MDB_val){b->d->encode(s, buf, CODEC_MAX), buf};
}

/* p: the encodings made ahead, or NULL; side: the name's part made ahead
 * (store_bulk_prepare), or NULL to make it here. */
static int add(store_bulk *b, const struct staff *s, const struct history *h,
               const struct store_bulk_prep *p, const struct store_bulk_prep *side)
{
    unsigned char buf[CODEC_MAX], pk[STORE_KEY_MAX], ref[STORE_NIP_REF_LEN];
    char last[NIP_LEN + 1];
    stxn *t = b->t;
    if (p)
        memcpy(ref, p->ref, sizeof ref);
    if (b->d->key(t, s, pk) != NIP_LEN || (!p && !store_nip_pack(s->nip, ref)))
        return STORE_ERROR;     /* the key function has said why */
    if (b->n && memcmp(ref, b->rows[b->n - 1].ref, sizeof ref) <= 0) {
        store_nip_unpack(b->rows[b->n - 1].ref, last);
        return store_fail(t->s, _("staff %s came after %.*s: a bulk load needs ascending NIPs"),
                          s->nip, NIP_LEN, last);
    }
    MDB_val k = {NIP_LEN, (void *)s->nip}, v = staff_value(b, s, p, buf);
    if (v.mv_size == 0)
        return store_fail(t->s, _("staff %s cannot be encoded"), s->nip);
    if (b->n >= NO_ID)          /* rows are counted in 32 bits */
        return store_fail(t->s, _("out of memory"));
    if (!reserve((void **)&b->rows, &b->cap, b->n + 1, sizeof *b->rows))
        return store_fail(t->s, _("out of memory"));
    int rc = mdb_cursor_put(b->staff, &k, &v, MDB_APPEND);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(b->d->db));
    if (p)
        store_digest_add_hash(t, b->d->db, p->staff_hash);
    else if (store_digest_change(t, b->d->db, k, v, true) != STORE_OK)
        return STORE_ERROR;
    if ((side ? store_text_fill_add_name(&b->text, s, side->text, side->text_len, false)
              : store_text_fill_add(&b->text, s)) != STORE_OK)
        return STORE_ERROR;
    struct bulk_row *row = &b->rows[b->n++];
    memcpy(row->ref, ref, sizeof ref);
    if ((b->n & (WRITEBACK_EVERY - 1)) == 0)
        store_map_writeback(t->s);
    bool oom = false;
    for (int i = 0; i < b->d->nindexes; i++)
        row->id[i] = intern_group(b, i, s, side, &oom);
    if (oom)
        return store_fail(t->s, _("out of memory"));
    if (b->unknown_code)
        return store_fail(t->s, _("staff %s: unit %s or position %s is not in the database"),
                          s->nip, s->unit, s->position);
    return h ? add_history(b, h, p) : STORE_OK;
}

int store_bulk_add(store_bulk *b, const struct staff *s, const struct history *h)
{
    return add(b, s, h, NULL, NULL);
}

int store_bulk_add_prepared(store_bulk *b, const struct staff *s, const struct history *h,
                            const struct store_bulk_prep *p)
{
    return add(b, s, h, p->ready ? p : NULL, p);
}

bool store_bulk_prep_position_unit(const struct store_bulk_prep *p, const char **unit)
{
    *unit = p->position_unit;
    return p->looked_up;
}

bool store_bulk_prep_unit_exists(const struct store_bulk_prep *p, const char *code, bool *exists)
{
    if (!p->unit_known || strcmp(p->position_unit, code) != 0)
        return false;
    *exists = p->unit_id != STRSET_NONE;
    return true;
}

int store_bulk_add_history(store_bulk *b, const struct history *h)
{
    if (b->n == 0)
        return store_add_history(b->t, h);      /* no person yet: the ordinary path */
    return add_history(b, h, NULL);
}

/* The ranks of index by's strings, sorted once (the position index's
 * serve both the holder counts and the index). NULL when out of memory. */
static const uint32_t *ranks_of(store_bulk *b, int by)
{
    if (!b->rank[by] && by_codes(b, by)) {
        /* the codes were read in key order: an id is its rank */
        size_t n = ngroups(b, by);
        b->rank[by] = malloc((n + 1) * sizeof *b->rank[by]);
        for (uint32_t id = 0; b->rank[by] && id < n; id++)
            b->rank[by][id] = id;
    } else if (!b->rank[by]) {
        b->rank[by] = string_ranks(&b->in[by]);
    }
    return b->rank[by];
}

/* The rows with a key in index `by`, in that index's order: by key, and
 * by NIP within a key (a stable counting sort of rows already in NIP
 * order). NULL when out of memory; *m = how many. */
static uint32_t *index_order(store_bulk *b, int by, size_t *m)
{
    const size_t ng = ngroups(b, by);
    const uint32_t *rank = ranks_of(b, by);
    uint32_t *start = calloc(ng + 1, sizeof *start);
    uint32_t *ord = NULL;
    *m = 0;
    if (rank && start) {
        for (size_t i = 0; i < b->n; i++)
            if (b->rows[i].id[by] != NO_ID)
                start[rank[b->rows[i].id[by]] + 1]++;
        for (size_t r = 0; r < ng; r++)
            start[r + 1] += start[r];
        *m = ng ? start[ng] : 0;
        ord = malloc((*m ? *m : 1) * sizeof *ord);
        want_huge_pages(ord, *m * sizeof *ord);
    }
    if (ord)
        for (size_t i = 0; i < b->n; i++)
            if (b->rows[i].id[by] != NO_ID)
                ord[start[rank[b->rows[i].id[by]]]++] = (uint32_t)i;
    free(start);
    return ord;
}

/* Entries ahead for which memory is asked early. */
#define AHEAD 8

/* Values of one key put at once (DUP_RUN of them at most). */
#define DUP_RUN 512

/* n values of key k into a dup index (MDB_DUPFIXED) through app, in one
 * call (MDB_MULTIPLE): no search for the key, nor one call a value. new:
 * the key is not there yet (after every key there: MDB_APPEND). */
static int put_dups(struct store_appender *app, MDB_val k, unsigned char *refs, size_t n,
                    bool new)
{
    unsigned flags = (new ? MDB_APPEND : 0) | MDB_APPENDDUP | MDB_MULTIPLE;
    for (size_t done = 0; done < n; flags &= ~(unsigned)MDB_APPEND) {
        MDB_val v[2] = {{STORE_NIP_REF_LEN, refs + done * STORE_NIP_REF_LEN}, {n - done, NULL}};
        int rc = mdb_cursor_put(app->cur, &k, v, flags);
        if (rc == 0 && v[1].mv_size == 0)
            rc = MDB_CORRUPTED;         /* nothing written: would never end */
        if (rc != 0)
            return store_fail_mdb(app->t, rc, store_db_name(app->db));
        done += v[1].mv_size;
    }
    return STORE_OK;
}

/* A dup index of an empty table (nothing for the appender to compare
 * with: every key new), a key's values gathered and put together. */
static int write_dups(store_bulk *b, int by, const uint32_t *ord, size_t m,
                      struct store_appender *app)
{
    unsigned char refs[DUP_RUN * STORE_NIP_REF_LEN];
    size_t n = 0;
    uint32_t id = NO_ID;
    bool new = true;
    int r = STORE_OK;
    for (size_t i = 0; i <= m && r == STORE_OK; i++) {
        if (i + 2 * AHEAD < m)
            __builtin_prefetch(&b->rows[ord[i + 2 * AHEAD]]);
        const struct bulk_row *row = i < m ? &b->rows[ord[i]] : NULL;
        if (n && (!row || row->id[by] != id || n == DUP_RUN)) {
            const char *s = group_str(b, by, id);
            r = put_dups(app, (MDB_val){strlen(s), (void *)s}, refs, n, new);
            new = !row || row->id[by] != id;
            n = 0;
        }
        if (row) {
            id = row->id[by];
            memcpy(refs + n++ * STORE_NIP_REF_LEN, row->ref, STORE_NIP_REF_LEN);
        }
    }
    return r;
}

/* ord: index_order's m rows (freed here), or NULL when out of memory. */
static int write_index(store_bulk *b, int by, uint32_t *ord, size_t m)
{
    const struct store_index_desc *ix = &b->d->index[by];
    struct store_appender app;
    unsigned char key[STORE_KEY_MAX];
    if (!ord)
        return store_fail(b->t->s, _("out of memory"));
    bool dup = ix->kind == STORE_INDEX_DUP;
    assert(ix->ref == STORE_REF_NIP);
    if (store_appender_open(&app, b->t, ix->db, dup) != STORE_OK) {
        free(ord);
        return STORE_ERROR;
    }
    int r = STORE_OK;
    if (dup && !app.have_last) {
        r = write_dups(b, by, ord, m, &app);
        m = 0;                  /* done */
    }
    for (size_t i = 0; i < m && r == STORE_OK; i++) {
        /* The rows, and for names their text, are visited all over
         * memory: ask for them ahead (the row first, its text once the
         * row has had time to arrive). */
        if (i + 2 * AHEAD < m)
            __builtin_prefetch(&b->rows[ord[i + 2 * AHEAD]]);
        if (i + AHEAD < m)
            __builtin_prefetch(group_str(b, by, b->rows[ord[i + AHEAD]].id[by]));
        const struct bulk_row *row = &b->rows[ord[i]];
        const char *s = group_str(b, by, row->id[by]);
        /* the record key as the index files it (STORE_REF_NIP) */
        MDB_val nip = {STORE_NIP_REF_LEN, (void *)row->ref};
        if (!dup) {
            /* STORE_INDEX_SUFFIXED: the group, NUL, the record key; no value. */
            size_t n = strlen(s);
            memcpy(key, s, n + 1);
            memcpy(key + n + 1, row->ref, STORE_NIP_REF_LEN);
            r = store_appender_put(&app, (MDB_val){n + 1 + STORE_NIP_REF_LEN, key},
                                   (MDB_val){0, (void *)""}, MDB_NOOVERWRITE);
        } else {
            r = store_appender_put(&app, (MDB_val){strlen(s), (void *)s}, nip, MDB_NODUPDATA);
        }
    }
    store_appender_close(&app);
    free(ord);
    free(b->rank[by]);          /* done with: room for the next index */
    b->rank[by] = NULL;
    return r;
}

/* The holders of each position, by position id; NULL when out of memory. */
static uint32_t *holder_counts(const store_bulk *b)
{
    uint32_t *count = calloc(ngroups(b, BY_POSITION) + 1, sizeof *count);
    for (size_t i = 0; count && i < b->n; i++)
        if (b->rows[i].id[BY_POSITION] != NO_ID)
            count[b->rows[i].id[BY_POSITION]]++;
    return count;
}

/* The workload aggregates learn the holders of each position: one
 * count per distinct position, visited in code order. */
static int count_holders(store_bulk *b)
{
    const size_t n = ngroups(b, BY_POSITION);
    uint32_t *count = holder_counts(b);
    /* With the codes an id is its rank (ranks_of): code order needs no
     * ranks then, which the orders' thread may be making meanwhile. */
    const bool ids_ranked = by_codes(b, BY_POSITION);
    const uint32_t *rank = ids_ranked ? NULL : ranks_of(b, BY_POSITION);
    uint32_t *by_rank = malloc((n + 1) * sizeof *by_rank);
    int r = STORE_OK;
    if (!count || (!rank && !ids_ranked) || !by_rank)
        r = store_fail(b->t->s, _("out of memory"));
    for (uint32_t id = 0; r == STORE_OK && id < n; id++)
        by_rank[rank ? rank[id] : id] = id;
    struct store_wl_acc acc = {.klen = 0};
    store_wl_acc_defer_groups(&acc);
    for (uint32_t k = 0; r == STORE_OK && k < n; k++) {
        uint32_t id = by_rank[k];
        const char *unit, *family;
        if (!count[id])
            continue;
        if (!b->codes) {
            r = store_wl_acc_add(b->t, &acc, group_str(b, BY_POSITION, id), count[id]);
            continue;
        }
        store_codes_agg(b->codes, id, &unit, &family);
        r = store_wl_acc_add_to(b->t, &acc, unit, family, count[id]);
    }
    if (r == STORE_OK)
        r = store_wl_acc_finish(b->t, &acc);
    else
        store_wl_acc_discard(&acc);     /* the first error's message stays */
    free(count), free(by_rank);
    return r;
}

/* --- the orders, sorted on a thread of their own ---------------------------------
 * Sorting needs no transaction, writing the indexes needs the writer's:
 * while the writer fills the words, the holder counts and the first
 * indexes, a thread makes the orders of the next ones (the names' the
 * longest: a sort of the distinct names). */

struct orders {
    store_bulk *b;
    uint32_t *ord[BY_COUNT];    /* index_order's, NULL: out of memory */
    size_t m[BY_COUNT];
    int ready;                  /* the indexes below it have their order and ranks */
    bool threaded;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t made;
};

static void make_order(struct orders *o, int by)
{
    o->ord[by] = index_order(o->b, by, &o->m[by]);
    pthread_mutex_lock(&o->mu);
    o->ready = by + 1;
    pthread_cond_signal(&o->made);
    pthread_mutex_unlock(&o->mu);
}

static void *make_orders(void *arg)
{
    struct orders *o = arg;
    for (int by = 0; by < o->b->d->nindexes; by++)
        make_order(o, by);
    return NULL;
}

/* Starts the thread; without one, each order is made when waited for. */
static void orders_start(struct orders *o, store_bulk *b)
{
    *o = (struct orders){.b = b};
    pthread_mutex_init(&o->mu, NULL);
    pthread_cond_init(&o->made, NULL);
    o->threaded = pthread_create(&o->thread, NULL, make_orders, o) == 0;
}

/* Waits until index by has its order (and its ranks). */
static void orders_wait(struct orders *o, int by)
{
    if (!o->threaded) {
        while (o->ready <= by)
            make_order(o, o->ready);
        return;
    }
    pthread_mutex_lock(&o->mu);
    while (o->ready <= by)
        pthread_cond_wait(&o->made, &o->mu);
    pthread_mutex_unlock(&o->mu);
}

/* Waits for the thread; frees the orders not taken. */
static void orders_end(struct orders *o)
{
    if (o->threaded)
        pthread_join(o->thread, NULL);
    for (int by = 0; by < BY_COUNT; by++)
        free(o->ord[by]);
    pthread_cond_destroy(&o->made);
    pthread_mutex_destroy(&o->mu);
}

int store_bulk_finish(store_bulk *b)
{
    struct orders o;
    for (int by = 0; by < BY_COUNT; by++)
        hindex_free(&b->in[by].ix);   /* no more lookups: room for the sort */
    orders_start(&o, b);
    /* the holder counts use the position index's ranks, made by the
     * thread unless the codes give them */
    if (!by_codes(b, BY_POSITION))
        orders_wait(&o, BY_POSITION);
    int r = count_holders(b);
    b->text_open = false;
    if (store_text_fill_close(&b->text, r == STORE_OK) != STORE_OK)
        r = STORE_ERROR;
    for (int by = 0; by < b->d->nindexes && r == STORE_OK; by++) {
        store_map_writeback(b->t->s);
        orders_wait(&o, by);
        r = write_index(b, by, o.ord[by], o.m[by]);
        o.ord[by] = NULL;       /* write_index freed it */
    }
    orders_end(&o);
    store_bulk_free(b);
    return r;
}
