/* Record descriptors, inside store/ only: one description per record type
 * that put replaces by key (units, positions, staff; plans and moves
 * next). It names the record's database, its codec, its key and its
 * secondary indexes with their key functions, and drives everything that
 * used to spell the index set out by hand: put and delete (index entries
 * kept in the same transaction), batch and bulk loads, rebuilding the
 * indexes (migrations) and the consistency check (store_check_indexes).
 *
 * Adding a record type:
 *   1. its databases in enum db_id and in env.c's db_table (the index
 *      databases MDB_DUPSORT when their kind is STORE_INDEX_DUP);
 *   2. its codec (codec.h: encode and decode);
 *   3. one descriptor in schema.c, appended to store_record_descs[];
 *   4. the typed wrappers in store.h, each a one-line call of
 *      store_rec_put / store_rec_get / store_rec_del (and
 *      store_rec_put_versioned for records with a version number);
 *   5. a migration step (store.h) when existing databases lack the tables.
 * Nothing else changes: the check, the rebuild and the loads read the
 * descriptor table.
 *
 * No LMDB types here, so tests may use a descriptor of their own. */
#ifndef MUTASI_STORE_SCHEMA_H
#define MUTASI_STORE_SCHEMA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

enum db_id {
    DB_META, DB_UNITS, DB_POSITIONS, DB_STAFF, DB_HISTORY, DB_PLANS,
    DB_MOVES, DB_AUDIT, DB_STAFF_BY_UNIT, DB_STAFF_BY_POSITION,
    DB_STAFF_BY_NAME, DB_WORKLOAD_AGG, DB_PREFERENCES, DB_STAFF_TEXT,
    DB_POSITIONS_BY_UNIT, DB_STAFF_WORDS, DB_STAFF_VOCAB, DB_UNIT_TREE, DB_POST_NAMES, DB_TITLES, DB_COUNT
};

#define STORE_KEY_MAX 511        /* LMDB's longest key */
#define STORE_GROUP_MAX 256      /* the longest index group (below) */
#define STORE_INDEX_MAX 4        /* indexes of one record type */
#define STORE_RECORD_MAX 4096    /* the largest decoded record struct */

/* How an index files a record. Either way the index is ordered by group,
 * then record key. */
enum store_index_kind {
    /* key = the group, one dup value per record (MDB_DUPSORT): the
     * record's key; a record with an empty group has no entry (e.g. staff
     * without a unit). */
    STORE_INDEX_DUP,
    /* key = the group, a NUL, the record key; a plain database whose
     * values are empty (the key holds the record key: schema 6 dropped
     * the copy). Every record has an entry (the group may be empty). The
     * NUL sorts a group before its longer extensions ("ani" < "ani
     * budi"). */
    STORE_INDEX_SUFFIXED,
};

/* How an index files the record's key (the dup value, or what follows
 * the NUL). */
enum store_index_ref {
    STORE_REF_KEY,               /* as it is */
    /* a NIP packed to 8 bytes (keys.h, store_nip_pack), in the same
     * order (schema 8); the record's key must be 18 digits */
    STORE_REF_NIP,
};
/* Room for a record key as an index files it or gives it back. */
#define STORE_REF_MAX STORE_KEY_MAX

struct store_index_desc {
    int db;                      /* enum db_id */
    enum store_index_kind kind;
    /* The record's group: at most STORE_GROUP_MAX bytes into out, no NUL
     * among them; returns the length. */
    size_t (*group)(const void *rec, unsigned char *out);
    enum store_index_ref ref;
};

struct store_record_desc {
    const char *what;            /* N_("staff"): names the record in messages */
    int db;                      /* enum db_id of the records */
    size_t size;                 /* sizeof the decoded struct, <= STORE_RECORD_MAX */
    size_t (*encode)(const void *rec, unsigned char *buf, size_t cap);  /* 0: cannot */
    /* 0 or -1; key: the record's key (klen bytes), which a record need
     * not repeat (staff: the NIP). */
    int (*decode)(const void *buf, size_t len, const void *key, size_t klen, void *out);
    /* The record's key (at most STORE_KEY_MAX bytes) into out; returns its
     * length, or 0 when the key field is not valid, having said why
     * (store_fail on t->s). */
    size_t (*key)(stxn *t, const void *rec, unsigned char *out);
    /* Removes what belongs to the record when it goes (staff: history
     * lines); NULL: nothing. */
    int (*del_children)(stxn *t, const void *rec);
    /* Keeps what is derived from records of this type in step (the
     * workload aggregates, aggregate.c), in the same transaction: old NULL
     * for a new record, rec NULL for a deleted one. NULL: nothing. */
    int (*derive)(stxn *t, const void *old, const void *rec);
    /* Records with a version number (plans): offsetof an unsigned field
     * of version_size bytes (4 or 8) that store_rec_put_versioned checks
     * and raises; version_size 0 = none. */
    size_t version_field, version_size;
    /* Names the record in messages ("plan 7"); NULL: its key as text. */
    void (*describe)(const void *rec, char *out, size_t size);
    int nindexes;
    struct store_index_desc index[STORE_INDEX_MAX];
};

/* The record types, in schema.c. */
extern const struct store_record_desc store_desc_unit, store_desc_position, store_desc_staff;
extern const struct store_record_desc store_desc_plan, store_desc_move;   /* plans.c */
extern const struct store_record_desc store_desc_preference;
extern const struct store_record_desc *const store_record_descs[];
extern const size_t store_nrecord_descs;

/* --- generic operations (records.c, batch.c, check.c) ----------------------
 * As the typed functions of store.h: need a write transaction for changes,
 * return STORE_OK, STORE_NOTFOUND, STORE_ERROR (message in store_errmsg)
 * or STORE_CONFLICT. */
int store_rec_put(stxn *t, const struct store_record_desc *d, const void *rec);
int store_rec_get(stxn *t, const struct store_record_desc *d, const void *key, size_t klen,
                  void *out);
int store_rec_del(stxn *t, const struct store_record_desc *d, const void *key, size_t klen);
/* Optimistic concurrency: puts rec only when the stored record's version
 * is still seen (seen 0: the record must not exist yet); rec's version
 * becomes seen + 1 and is stored so. Another version stored (or the
 * record gone): STORE_CONFLICT with a message naming the record and both
 * versions, nothing written, and the stored record in *now (zeroed when
 * gone; now may be NULL) so that the caller can say who changed it. */
int store_rec_put_versioned(stxn *t, const struct store_record_desc *d, void *rec, uint64_t seen,
                            void *now);
/* store_rec_put for each of recs[0..n-1] (stride d->size; a key given
 * twice: the later one wins), each database written in its key order. */
int store_rec_put_batch(stxn *t, const struct store_record_desc *d, const void *recs, size_t n);
/* Empties d's index databases and files every record again (migrations,
 * e.g. after adding an index). */
int store_rec_reindex(stxn *t, const struct store_record_desc *d);
/* Empties index `which` of d and files every record again, the entries
 * sorted and appended so that the index's pages come out full
 * (migrations; memory: all the entries at once, reindex.c). */
int store_index_rebuild(stxn *t, const struct store_record_desc *d, int which);
/* The index entry's key of rec under ix, given the record key (pk, pklen);
 * returns its length, 0 when the record has no entry in that index. out
 * holds STORE_KEY_MAX bytes. */
size_t store_index_key(const struct store_index_desc *ix, const void *rec, const void *pk,
                       size_t pklen, unsigned char *out);
#endif
