/* Shared between the files of store/ only: the environment, the database
 * handles and error helpers. Nothing outside store/ includes this. */
#ifndef MUTASI_STORE_INTERNAL_H
#define MUTASI_STORE_INTERNAL_H
#include <lmdb.h>
#include <stdbool.h>
#include <stdint.h>
#include "core/policy.h"
#include "store/schema.h"
#include "core/strset.h"
#include "store/store.h"

struct store {
    MDB_env *env;
    MDB_dbi dbi[DB_COUNT];
    bool readonly;
    bool writemap;              /* mapped writable (MDB_WRITEMAP), the file's blocks real */
    bool out_of_room;           /* the last store_write ended for want of room */
    int map_fd;                 /* data.mdb for map.c's lock and fallocate; -1 none */
    bool created;               /* this open wrote the schema */
    bool migrated;              /* this open upgraded the schema ... */
    unsigned migrated_from;     /* ... from this version */
    char dir[4000];             /* leaves room for "/data.mdb" in a PATH_MAX buffer */
    char err[600];
};

struct stxn {
    store *s;
    MDB_txn *txn;
    bool write;
    bool map_full;              /* an operation hit MDB_MAP_FULL: grow and retry */
    bool no_space;              /* an operation hit ENOSPC or EDQUOT: a full disk */
    /* The change this transaction made to each digested database's
     * multiset sum (digest.c), flushed into meta before it commits. */
    uint64_t dsum[DB_COUNT][4];
    bool ddirty;
    /* A unit was written or deleted: the units that show their parent
     * are recounted before the transaction commits (unit_repeats.c). */
    bool units_changed;
    /* The unit tree (unit_tree.c) is built again before the commit;
     * and how many single changes it took so far. */
    bool tree_dirty;
    unsigned tree_deltas;
    /* The names of posts (post_names.c) are written anew before the
     * commit instead of row by row: a write that changes many units or
     * positions (an import); and how many it changed so far. */
    bool posts_dirty;
    unsigned posts_deltas;
};

/* The map and its file (map.c). A writable open calls prepare before
 * mdb_env_open (it opens the file, takes the map's lock, decides the mode
 * (s->writemap) and the map's size to open with: the file's, whose blocks
 * are real) and opened after it, whether it opened or not (grows a new
 * map to its starting size when there is room, releases the lock). grow:
 * after the attempt-th MDB_MAP_FULL of one write (0 the first), enlarges
 * the map, with the blocks behind it, by an eighth, a quarter, a half...
 * (at most 256 MiB), in smaller steps on a nearly full disk;
 * STORE_NO_SPACE when not even a small step fits.
 * adopt: after MDB_MAP_RESIZED, the size another process gave the map.
 * close: before mdb_env_close or a reopen. */
enum { STORE_NO_SPACE = -2 };
struct store_map_open {
    size_t size;
    bool fresh;                 /* a new file */
};
int store_map_prepare(store *s, bool create, struct store_map_open *mo);
void store_map_opened(store *s, bool opened, const struct store_map_open *mo);
int store_map_grow(store *s, int attempt);
int store_map_adopt(store *s);
void store_map_close(store *s);
/* Starts writing the map's dirty pages to disk without waiting (a long
 * write transaction calls it now and then): the commit's msync then finds
 * most of them written, instead of writing hundreds of MB at the end
 * while nothing else runs. Only a hint: changes nothing a reader or a
 * crash can see (the pages of an open write transaction are pages no
 * committed meta page points to), and does nothing unless writemap. */
void store_map_writeback(const store *s);
/* Where the data file is mapped in this process (addr, len): false when
 * it cannot be found. */
bool store_map_find(stxn *t, unsigned char **addr, size_t *len);

/* Maps the pages a long write transaction will append into ahead of it,
 * on a thread of its own (prefault.c): start from the end of what the
 * store holds, about bytes of them; stop waits for the thread (before
 * the transaction ends, and before the map may change). NULL when there
 * is nothing to do, or no thread: the writer maps its pages itself, as
 * without. stop(NULL) does nothing. */
struct store_prefault;
struct store_prefault *store_prefault_start(stxn *t, size_t bytes);
void store_prefault_stop(struct store_prefault *p);

/* The sentence for a full filesystem (naming it and saying that nothing
 * was saved) into s->err; STORE_ERROR. */
int store_fail_no_space(store *s);

/* Name of a database as LMDB knows it ("staff_by_unit"), NULL if no such id. */
const char *store_db_name(int db);
/* Records the failure of an LMDB call (message: what we tried, then
 * LMDB's reason) and returns STORE_ERROR; marks MDB_MAP_FULL. */
int store_fail_mdb(stxn *t, int rc, const char *what);
/* Records a message and returns STORE_ERROR. */
int store_fail(store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* LMDB calls with the store's error handling (rec.c). get: STORE_OK,
 * STORE_NOTFOUND or STORE_ERROR. put: with MDB_NODUPDATA or
 * MDB_NOOVERWRITE an entry already there is success. del: v NULL deletes
 * the key (plain databases), else exactly that dup value. */
int store_db_get(stxn *t, int db, MDB_val k, MDB_val *out);
int store_db_put(stxn *t, int db, MDB_val k, MDB_val v, unsigned flags);
int store_db_del(stxn *t, int db, MDB_val k, const MDB_val *v);
/* STORE_ERROR unless t is a write transaction. */
int store_need_write(stxn *t);
/* Records that a record in db (key k) cannot be decoded; STORE_ERROR. */
int store_damaged(stxn *t, int db, MDB_val k);
/* A consistency check's findings (check.c): how many problems, and the
 * first one in words in why (when why is not NULL). */
struct store_findings {
    int problems;
    char *why;
    size_t whylen;
};
void store_finding(struct store_findings *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Deletes every history line of nip (records.c). */
int store_del_history_of(stxn *t, const char *nip);
/* An index entry's value for the record key pk (the record key as the
 * index files it for a dup index, in buf when packed; nothing for a
 * suffixed one), and the record key an entry (k, v) names (in buf when
 * unpacked; size 0 when a suffixed key holds no NUL or the entry is no
 * packed NIP). */
/* Drops table db and makes it anew, empty, with the flags this mutasi
 * gives it (LMDB keeps a table's flags from its making: migrations). */
int store_table_recreate(stxn *t, int db);
MDB_val store_index_val(const struct store_index_desc *ix, MDB_val pk,
                        unsigned char buf[STORE_REF_MAX]);
MDB_val store_index_pk(const struct store_index_desc *ix, MDB_val k, MDB_val v,
                       unsigned char buf[STORE_REF_MAX]);
/* Adds (add) or removes the entries of rec (key pk) in every index of d. */
int store_index_add_all(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk);
/* Before rec is put under pk: reads the stored record (if any) once,
 * hands it to d's derive hook (the aggregates) and removes its index
 * entries that rec does not have too. */
int store_rec_replacing(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk);
/* The data digest (digest.c). store_digested: whether db's records are
 * digested (the record databases, not indexes, meta or audit). change
 * adds (or removes) the record (k, v) to t's running change; unfile
 * removes the value stored under k, if any, before it is deleted;
 * replace, called before v is put under k, removes the value stored
 * there (if any) and adds v, or does nothing when they are the same
 * bytes. flush adds t's change to the sums in meta (store_write does
 * before committing); current flushes and reads those sums, one per
 * digested database; reset recomputes them from the data (migrations). */
bool store_digested(int db);
int store_digest_change(stxn *t, int db, MDB_val k, MDB_val v, bool add);
/* store_digest_change (adding) in two halves: the record's hash, which
 * needs no transaction (any thread: a bulk load's reader computes it,
 * store_bulk_prepare), 0 or -1; and adding a hash so made. */
int store_digest_hash(int db, MDB_val k, MDB_val v, uint64_t out[4]);
void store_digest_add_hash(stxn *t, int db, const uint64_t h[4]);
int store_digest_unfile(stxn *t, int db, MDB_val k);
int store_digest_replace(stxn *t, int db, MDB_val k, MDB_val v);
int store_digest_flush(stxn *t);
int store_digest_current(stxn *t, struct audit_digest out[AUDIT_DIGEST_MAX], int *n);
int store_digest_reset(stxn *t);
/* Readies the record hash (OpenSSL's start-up, some milliseconds) before
 * the first write of a session that browsed until now. */
void store_digest_ready(void);
/* The workload aggregates (aggregate.c): the derive hooks of positions
 * and staff (schema.h); n more holders of a position (bulk loads); the
 * derive hook's call for rec (key pk) against the stored record (rec.c). */
int store_wl_position_changed(stxn *t, const void *old, const void *rec);
int store_wl_staff_changed(stxn *t, const void *old, const void *rec);
/* One workload aggregate entry's figures (aggregate.c): its value's
 * decoding (0, or -1 when damaged), a sum, and sign * d added to the entry
 * under k alone (an entry back to all zeros goes). */
struct agg {
    int64_t minutes, need, existing, npos;
};
#define AGG_KEY_MAX (CODE_SIZE + FAMILY_SIZE)
int store_agg_decode(MDB_val v, struct agg *a);
void store_agg_sum(struct agg *a, const struct agg *b, int sign);
int store_agg_add(stxn *t, MDB_val k, const struct agg *d, int sign);
/* The sums per district and per job family (aggregate_groups.c), beside
 * the (unit, family) entries under keys that start with a NUL:
 *   store_wl_group_keys: the group entries a unit entry's figures count
 *     in: its unit's district and its family, or, when no unit has its
 *     code, the one of positions in no known unit. Returns how many (1
 *     or 2), -1 when the unit cannot be read.
 *   store_wl_groups_follow: sign * d into those (the unit entry under
 *     k changed by it).
 *   store_wl_unit_changed: the derive hook of units: a unit that comes,
 *     goes or changes district moves its entries' figures between
 *     groups. */
struct wl_group_key {
    unsigned char key[AGG_KEY_MAX];
    size_t len;
};
int store_wl_group_keys(stxn *t, MDB_val k, struct wl_group_key out[2]);
/* The place of the unit last looked up (its district's group, or that of
 * no known unit), kept by a bulk write whose entries come unit by unit;
 * zeroed: none yet. Only within one transaction. */
struct wl_place {
    char unit[CODE_SIZE];
    struct wl_group_key where;
    bool known;
};
int store_wl_groups_follow(stxn *t, MDB_val k, const struct agg *d, int sign,
                           struct wl_place *last);
int store_wl_unit_changed(stxn *t, const void *old, const void *rec);
/* Holders added in bulk, position by position (in code order, so that
 * the positions of one unit and family make one write): add, then flush.
 * With groups (zeroed, then store_wl_acc_defer_groups), the district and
 * family sums are gathered in memory instead of written at each flush,
 * and store_wl_acc_finish (flush and free; after a failed add,
 * store_wl_acc_discard frees without writing) writes each
 * once: a few thousand writes instead of two for each (unit, family). */
struct store_wl_acc {
    unsigned char key[CODE_SIZE + FAMILY_SIZE];
    size_t klen;
    int64_t existing, orphans;
    struct wl_place place;
    bool defer;                 /* the group sums below, not written yet */
    struct strset groups;       /* group keys without their leading NUL */
    int64_t *sums;              /* holders per group id */
    size_t cap;
};
void store_wl_acc_defer_groups(struct store_wl_acc *acc);
int store_wl_acc_finish(stxn *t, struct store_wl_acc *acc);
void store_wl_acc_discard(struct store_wl_acc *acc);
/* n holders more in the groups of the unit entry under k (deferred). */
int store_wl_acc_gather(stxn *t, struct store_wl_acc *acc, MDB_val k, int64_t n);
int store_wl_acc_add(stxn *t, struct store_wl_acc *acc, const char *code, int64_t n);
/* The same for holders of a position whose unit and family are known. */
int store_wl_acc_add_to(stxn *t, struct store_wl_acc *acc, const char *unit,
                        const char *family, int64_t n);
int store_wl_acc_flush(stxn *t, struct store_wl_acc *acc);
/* Positions loaded into an empty table (load.c), in code order: each
 * position's share (as the derive hook would add it) is summed while its
 * unit and family stay the same, one write per run. begin reads the
 * parameters once and whether anyone holds a position yet. */
struct store_wl_load {
    struct policy pol;
    bool staffed;               /* staff by position not empty: count holders */
    unsigned char key[CODE_SIZE + FAMILY_SIZE];
    size_t klen;
    int64_t minutes, need, existing, npos, orphans;
    struct wl_place place;
};
int store_wl_load_begin(stxn *t, struct store_wl_load *w);
int store_wl_load_add(stxn *t, struct store_wl_load *w, const struct position *p);
int store_wl_load_flush(stxn *t, struct store_wl_load *w);
/* Schema migrations (migrate.c): the meta key of the schema version,
 * writing it, and running every step from schema `from` up to
 * STORE_SCHEMA_VERSION in t, each with an audit entry. */
#define STORE_SCHEMA_KEY "schema_version"
int store_write_schema_version(stxn *t, unsigned v);
int store_migrate(stxn *t, unsigned from);
/* The bytes of the map the data reaches now (its last page); 0 when
 * they cannot be read. */
size_t store_used_bytes(store *s);
/* The record's name for messages (d->describe, else "what key");
 * and the message that it cannot be encoded (STORE_ERROR). */
void store_rec_describe(const struct store_record_desc *d, const void *rec, MDB_val pk,
                        char *out, size_t size);
int store_cannot_encode(stxn *t, const struct store_record_desc *d, const void *rec, MDB_val pk);
/* Walks db from `from` (NULL or empty: the first key, or the last when
 * backward; backward from a key: the last key < from) calling visit on
 * every key/value pair; visit returns 0 to go on, else that is returned. */
typedef int (*store_visit_fn)(stxn *t, MDB_val *k, MDB_val *v, void *ctx);
int store_walk(stxn *t, int db, const MDB_val *from, bool backward, store_visit_fn visit,
               void *ctx);
/* Writing entries in ascending key order (append.c): an entry past the
 * last key the database held at open is appended (MDB_APPEND, or
 * MDB_APPENDDUP for a dup database: no search, pages filled whole), any
 * other takes mdb_put. The entries put through one appender must ascend. */
struct store_appender {
    stxn *t;
    int db;
    MDB_cursor *cur;
    bool dup;
    bool have_last;             /* the database was not empty */
    unsigned char last_k[512], last_v[512];
    MDB_val lk, lv;
};
int store_appender_open(struct store_appender *a, stxn *t, int db, bool dup);
void store_appender_close(struct store_appender *a);
/* True when (k, v) sorts after everything the database held at open. */
bool store_appender_is_new(const struct store_appender *a, MDB_val k, MDB_val v);
/* flags: what the ordinary path uses (MDB_NODUPDATA / MDB_NOOVERWRITE / 0;
 * with those two an entry already there is success). */
int store_appender_put(struct store_appender *a, MDB_val k, MDB_val v, unsigned flags);
/* The find text of staff (findtext.c): the derive hook's part for it;
 * filling an empty one in NIP order (bulk load: open, add each person,
 * close with keep true to write the last chunk, false when giving up);
 * rebuilding it from the records (migration); comparing it with the
 * records (the number of problems, the first in why). */
/* A change of a person's record as the find text and the words of names
 * see it: the two names as the find text holds them (store_text_name),
 * folded once for both (store_name_change_of); old or rec NULL for an
 * insert or a delete. */
struct store_name_change {
    const struct staff *old, *rec;
    unsigned char was[STORE_GROUP_MAX], now[STORE_GROUP_MAX];
    size_t nwas, nnow;
};
void store_name_change_of(struct store_name_change *c, const struct staff *old,
                          const struct staff *rec);
int store_text_changed(stxn *t, const struct store_name_change *c);
#define STORE_TEXT_CHUNK 2000     /* the largest chunk: two fill a 4 KiB page, inline */
#define STORE_TEXT_ROWS (STORE_TEXT_CHUNK / 9 + 2)
struct store_words_acc;
struct store_text_fill {
    struct store_appender app;
    struct store_words_acc *words;      /* the words of the names (words.c) */
    unsigned char names[STORE_TEXT_CHUNK];
    uint64_t nips[STORE_TEXT_ROWS];
    size_t len, n;
};
int store_text_fill_open(struct store_text_fill *f, stxn *t);
int store_text_fill_add(struct store_text_fill *f, const struct staff *s);
/* The same with the name as store_text_name gives it (n bytes); words:
 * also file its words (false: someone filed them in f->words already). */
int store_text_fill_add_name(struct store_text_fill *f, const struct staff *s,
                             const unsigned char *name, size_t n, bool words);
int store_text_fill_close(struct store_text_fill *f, bool keep);
int store_text_rebuild(stxn *t);
int store_text_check(stxn *t, char *why, size_t whylen);
/* A person's name as the find text holds it (folded, a newline made a
 * space) into out (STORE_GROUP_MAX bytes); its length. */
size_t store_text_name(const struct staff *s, unsigned char *out);

/* The words of staff names (words.c): the derive hook's part; the
 * people in memory, filed by word (the bulk load through the find text's
 * filling, the rebuild, the check), written into empty tables; emptying
 * the tables; the rebuild (migration); the check (problems, the first in
 * why); the search: the people whose folded name may hold the needle
 * (len bytes, folded, no newline) to cb in NIP order, or *scan true when
 * a pass over the find text answers better (nothing sent then). */
int store_words_changed(stxn *t, const struct store_name_change *c);
struct store_words_acc *store_words_acc_new(void);
void store_words_acc_free(struct store_words_acc *a);
int store_words_acc_add(struct store_words_acc *a, const struct staff *s);   /* 0, -1: no memory */
/* The same for a name as store_text_name gives it (n bytes), NIP nip. */
int store_words_acc_add_name(struct store_words_acc *a, const unsigned char *name, size_t n,
                             uint64_t nip);
int store_words_acc_write(stxn *t, struct store_words_acc *a);
int store_words_clear(stxn *t);
int store_words_rebuild(stxn *t);
int store_words_check(stxn *t, char *why, size_t whylen);
int store_words_match(stxn *t, const char *needle, size_t len, store_match_cb cb, void *ctx,
                      bool *scan);
/* The units that show their parent (unit_repeats.c): recount them into
 * their record in meta (store_write does when t->units_changed, the
 * create and the migration to schema 11 do); compare the record with a
 * recount (0, or 1 with the problem in why). */
int store_unit_repeats_refresh(stxn *t);
/* The unit tree with rolled-up figures (unit_tree.c, store.h):
 *   store_unit_tree_rebuild: builds it from the units and the aggregates
 *     (store_write does before the commit when t->tree_dirty; the create
 *     and the migration to schema 12 do);
 *   store_unit_tree_add: sign * d more in a unit's own figures: its entry
 *     and its ancestors' (aggregate.c, for every single change);
 *   store_unit_tree_touch: built again before the commit (bulk writes);
 *   store_unit_tree_unit_changed: the unit descriptor's derive hook's part;
 *   store_unit_tree_check: the table against one built anew (0, or the
 *     number of problems, the first in why). */
int store_unit_tree_rebuild(stxn *t);
int store_unit_tree_add(stxn *t, const char *unit, const struct agg *d, int sign);
void store_unit_tree_touch(stxn *t);
int store_unit_tree_unit_changed(stxn *t, const void *old, const void *rec);
int store_unit_tree_check(stxn *t, char *why, size_t whylen);
/* The widths record beside the tree (unit_tree_widths.c): per column of
 * a text table by unit, the units of each width (all int64, stored as
 * le64 words in this order):
 *   store_tree_widths_begin: an empty count for the aggregates' effective
 *     minutes (a rebuild's, a check's);
 *   store_tree_widths_entry: sign * the entry (k, v) counted in;
 *   store_tree_widths_get / _put / _drop: the record in meta
 *     (STORE_NOTFOUND: none);
 *   store_tree_widths_change: the entry k was old and is now: the record
 *     so changed, when there is one (every single write of the tree). */
#define TREE_WIDTHS_KEY_MAX (2 * 255 + CODE_SIZE)   /* 2 * depth + a code's characters */
#define TREE_WIDTHS_DEC_MAX 21
#define TREE_WIDTHS_EJ_MAX 24
struct tree_widths {
    int64_t eff;                 /* the effective minutes of the EJ's widths */
    int64_t total[3];            /* the roots' minutes, need, holders */
    int64_t named, units;
    int64_t key[TREE_WIDTHS_KEY_MAX + 1];
    int64_t figure[4][TREE_WIDTHS_DEC_MAX + 1];   /* workload, need, existing, gap */
    int64_t ej[TREE_WIDTHS_EJ_MAX + 1];
};
int store_tree_widths_begin(stxn *t, struct tree_widths *w);
void store_tree_widths_entry(struct tree_widths *w, MDB_val k, MDB_val v, int sign);
int store_tree_widths_get(stxn *t, struct tree_widths *w);
int store_tree_widths_put(stxn *t, const struct tree_widths *w);
int store_tree_widths_drop(stxn *t);
int store_tree_widths_change(stxn *t, MDB_val k, MDB_val old, MDB_val now);
bool store_tree_widths_equal(const struct tree_widths *a, const struct tree_widths *b);
/* The tree's entries, shared by unit_tree.c (kept, checked) and
 * unit_tree_read.c (walked). A value: 4 x le64 figures (minutes, need,
 * holders, positions), a flag byte, the depth, the name:
 *   store_unit_tree_decode: the figures (-1: not a tree value);
 *   store_unit_tree_path: the key of unit code's entry, its path from its
 *     root (STORE_NOTFOUND: no unit has the code);
 *   store_unit_tree_code: the unit's own code in a key, its last part. */
#define UNIT_TREE_AT_FLAGS 32        /* the flag byte's place in a value */
#define UNIT_TREE_AT_DEPTH 33        /* the depth's */
#define UNIT_TREE_VAL_HEAD 34
#define UNIT_TREE_VAL_MAX (UNIT_TREE_VAL_HEAD + NAME_SIZE - 1)
#define UNIT_TREE_NO_PARENT 1        /* flag: a root whose named parent is no unit */
int store_unit_tree_decode(MDB_val v, struct agg *a);
int store_unit_tree_path(stxn *t, const char *code, unsigned char key[STORE_KEY_MAX], size_t *len);
/* (A loop back from the end, not memrchr: a code is a few bytes and a
 * table by unit asks half a million times.) */
static inline MDB_val store_unit_tree_code(MDB_val k)
{
    const char *key = k.mv_data;
    size_t from = k.mv_size;
    while (from > 0 && key[from - 1] != '\0')
        from--;
    return (MDB_val){k.mv_size - from, (void *)(key + from)};
}
int store_unit_repeats_check(stxn *t, char *why, size_t whylen);
/* The codes in memory (codes.c), for the bulk load: ids are dense and, as
 * read in key order, in byte order of the codes (units on record only).
 * STRSET_NONE (core/strset.h) when absent. */
uint32_t store_codes_unit_id(store_codes *c, const char *code, size_t n);
uint32_t store_codes_position_id(store_codes *c, const char *code, size_t n);
size_t store_codes_count(const store_codes *c, bool positions);
const char *store_codes_str(const store_codes *c, bool positions, uint32_t id);
/* The unit and job family of position id pos. */
void store_codes_agg(const store_codes *c, uint32_t pos, const char **unit, const char **family);
/* Codes with a short value each, packed in chunks (code_chunks.c): the
 * table of post names. get_each: the values of count codes, each
 * found[i] STORE_OK (vals[i] pointing into the map, valid while t is) or
 * STORE_NOTFOUND (an empty code too), with one cursor: a code that
 * closely follows the one before it (a position after its unit) is found
 * by stepping on from there; returns STORE_OK or STORE_ERROR. set: gives
 * code the value *val (NULL: takes its row out); fill: an empty table in
 * code order (open, add each, close with keep true to write the last
 * chunk, false when giving up); each: every row in code order to fn (0
 * goes on), a damaged chunk STORE_ERROR. */
#define STORE_CC_CHUNK 480       /* the largest chunk: 8 fill a 4 KiB page */
#define STORE_CC_VAL_MAX (NAME_SIZE - 1)
#define STORE_CC_CODE_MAX (CODE_SIZE + 1)   /* a code, a NUL and a kind (post_names.c) */
int store_cc_get_each(stxn *t, int db, size_t count, const MDB_val *codes, MDB_val *vals,
                      int *found);
int store_cc_set(stxn *t, int db, const char *code, size_t n, const MDB_val *val);
struct store_cc_rows;
struct store_cc_fill {
    struct store_appender app;
    int db;
    struct store_cc_rows *rows;     /* the chunk being filled */
    size_t size;                    /* its bytes */
};
int store_cc_fill_open(struct store_cc_fill *f, stxn *t, int db);
int store_cc_fill_add(struct store_cc_fill *f, const char *code, size_t n, MDB_val val);
int store_cc_fill_close(struct store_cc_fill *f, bool keep);
typedef int (*store_cc_fn)(const char *code, size_t n, MDB_val val, void *ctx);
int store_cc_each(stxn *t, int db, store_cc_fn fn, void *ctx);
/* The names of posts (post_names.c, store_post_names in store.h):
 *   store_post_position_changed, store_post_unit_changed: the derive
 *     hooks' part (old NULL: a new record; now NULL: a deleted one);
 *   store_post_names_rebuild: the tables anew from the records (the bulk
 *     loads when they finish, the migration to schema 13);
 *   store_post_names_check: the tables against the records (0, or the
 *     number of problems, the first in why). */
int store_post_position_changed(stxn *t, const struct position *old, const struct position *now);
int store_post_unit_changed(stxn *t, const struct unit *old, const struct unit *now);
int store_post_names_rebuild(stxn *t);
int store_post_names_check(stxn *t, char *why, size_t whylen);
#endif
