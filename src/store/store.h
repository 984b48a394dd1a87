/* The database: one LMDB environment with named databases for units,
 * positions, staff, history, plans, moves, audit and meta, and secondary
 * indexes kept in the same write transaction as their record. Each record
 * type (its table, codec, key and indexes) is described once in
 * store/schema.h, and that description drives put, delete, the batch and
 * bulk loads, rebuilding indexes and store_check_indexes.
 * Only store/ includes <lmdb.h>. */
#ifndef MUTASI_STORE_STORE_H
#define MUTASI_STORE_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/record.h"
#include "core/workload.h"

/* The schema version, kept in meta. A database of an older version is
 * upgraded when it is opened for writing (not read-only: that open fails
 * and says to open it once for writing, e.g. with 'mutasi init'), in the
 * open's one write transaction, each step with an audit entry
 * ("migrate schema", before "schema N", after "schema N+1").
 *
 * Adding a step (say an index of moves by person makes schema 2):
 *   1. raise STORE_SCHEMA_VERSION to 2;
 *   2. new named databases go in enum db_id (schema.h) and env.c's
 *      db_table: the open creates missing tables before migrating, so a
 *      step that only adds tables has nothing else to do;
 *   3. append {1, "what it does", fn} to steps[] in migrate.c, fn (or
 *      NULL) converting the data of schema 1 to schema 2 inside the given
 *      write transaction (for the index: add it to the move descriptor
 *      and let fn call store_rec_reindex(t, &store_desc_move); or
 *      re-encode records whose format changed);
 *   4. a test that writes meta schema 1 and opens for writing
 *      (test_store.c: migration_* tests).
 * Never change or remove a step once released: databases of every older
 * version run them in order.
 * Schema 2: every record ends with a checksum seal (codec.h) and the audit
 * entries carry the data digest (digest.c).
 * Schema 3: the workload aggregates per unit and job family (aggregate.c).
 * Schema 4: a table of the staff's preferences (import preferences).
 * Schema 5: the find text of staff (findtext.c, store_each_staff_match).
 * Schema 6: staff by name files names without their titles
 * (core/name_title.h) and keeps no copy of the NIP in its values.
 * Schema 7: positions indexed by unit (store_each_position_of_unit).
 * Schema 8: the workload sums per district and job family
 * (aggregate_groups.c, store_each_wl_group).
 * Schema 9: the staff indexes file NIPs packed to 8 bytes (keys.h), the
 * dup indexes with MDB_DUPFIXED; staff records (version 3) leave their
 * NIP to the key.
 * Schema 10: staff filed under the words of their names (words.c), which
 * store_each_staff_match reads instead of the whole find text.
 * Schema 11: the units that show their parent in labels, as a record in
 * meta (store_unit_repeats).
 * Schema 12: the unit tree with rolled-up workload figures (unit_tree.c,
 * store_each_tree_unit).
 * Schema 13: the titles of positions and the names of units, densely,
 * for the matches of `staff find` (post_names.c, store_post_names). */
#define STORE_SCHEMA_VERSION 13

typedef struct store store;      /* an open environment */
typedef struct stxn stxn;        /* a transaction */

enum store_rc {
    STORE_OK = 0,
    STORE_NOTFOUND = 1,
    STORE_ERROR = -1,            /* message in store_errmsg() */
    /* A record changed since it was read (optimistic concurrency: the
     * version a writer saw is no longer the stored one); the message in
     * store_errmsg() says which and asks to read it again. Nothing was
     * written; store_write returns it like any other refusal. */
    STORE_CONFLICT = -2,
};

enum store_open_flags {
    STORE_CREATE = 1,            /* create the directory/env if missing (mode 0660 files, 0770 dir) */
    STORE_READONLY = 2,
};

/* Opens (or creates) the database in dir; runs mdb_reader_check; checks
 * the schema version in meta (a newer schema is a clear error). Returns
 * NULL and writes a translated message to err on failure. */
store *store_open(const char *dir, int flags, char *err, size_t errlen);
void store_close(store *s);
const char *store_errmsg(const store *s);   /* last error, translated */
/* True when this store_open created the database (wrote its schema). */
bool store_was_created(const store *s);
/* True when this open (or store_make_writable) upgraded an older schema;
 * *from (may be NULL) = the version it had. */
bool store_was_migrated(const store *s, unsigned *from);

/* Write access for a session that browses. A screen session opens with
 * STORE_READONLY: that works on a database it may not write, never
 * migrates and never takes the writer lock. When the user starts an
 * action that writes, the session calls store_make_writable once: the
 * environment is closed and opened again for writing (migrating an older
 * schema, as a writable open does); s stays the same pointer and read
 * transactions work as before. Write transactions are still begun only by
 * store_write, inside one action, so none is held while the screen waits
 * for a key. No transaction of this process may be open during the call.
 * A store opened for writing: STORE_OK at once. On failure (e.g. no write
 * permission) the store is open read-only again, STORE_ERROR and the
 * reason in store_errmsg. */
int store_make_writable(store *s);
/* True when the database cannot be written (a read-only mount, or no
 * write permission on its files); why gets a short note for a screen's
 * message line. A session opened read-only on such a database browses as
 * usual; every write is refused with the reason. */
bool store_read_only_reason(const store *s, char *why, size_t size);
/* Current size of the memory map in bytes. A writable store's map is as
 * large as its file, whose blocks are all allocated (so that a full disk
 * is an error, not a crash): a new database starts at 1 MiB, an existing
 * one at its file's size, and the map (and the file) grows on
 * MDB_MAP_FULL by an eighth (then a quarter, a half... for a write that
 * fills it again), by at most 256 MiB a step. The file never
 * shrinks (a backup is a compact copy). */
size_t store_map_size(const store *s);
/* For a long walk in a read transaction (the workload listing): the
 * pages of the map read so far leave the process's resident set. They stay
 * in the page cache and come back on their next touch, same bytes, so
 * records and pointers read before stay valid; a walk that calls this
 * every few thousand records keeps its peak RSS flat in their number
 * (from the first call on, the process maps the file without huge pages).
 * Linux; in a write transaction it does nothing. */
void store_read_release(stxn *t);

/* Grows the memory map ahead of a large write to at least bytes (the
 * file's blocks with it), sparing store_write the retries of a map that
 * fills up. A size at or below the current one changes nothing; so does
 * any size when MUTASI_MAPSIZE is set (tests use it to see the map fill
 * up). STORE_ERROR when the disk cannot hold it (nothing changed; the
 * write may still fit, store_write says when it does not). No transaction
 * of this process may be open. */
int store_reserve(store *s, size_t bytes);
/* The same for bytes more than the data takes now (e.g. an import's rows). */
int store_reserve_more(store *s, size_t bytes);

/* Read transactions: short, never held while waiting for a key. */
stxn *store_read_begin(store *s);
void store_read_end(stxn *t);

/* Runs fn in one write transaction and commits it. On MDB_MAP_FULL the
 * transaction is aborted, the map enlarged and fn called again from the
 * start, so fn must not keep side effects outside the transaction (or must
 * reset them when called again). fn returns STORE_OK to commit, anything
 * else to abort; that value is returned.
 * Writers of several processes take turns (LMDB's write lock); readers
 * never wait. fn must not call store_write itself, and no read
 * transaction of this process may be open meanwhile: enlarging the map
 * moves it, so pointers from an open read would dangle. */
typedef int (*store_write_fn)(stxn *t, void *ctx);
int store_write(store *s, store_write_fn fn, void *ctx);
/* True when the last store_write failed for want of room: the disk is
 * full or the map cannot grow. store_errmsg says so; what fn said about a
 * failure on the way (MDB_MAP_FULL, before the map grew) is moot. */
bool store_write_out_of_room(const store *s);

/* Records. put replaces a record with the same key and keeps the indexes
 * right; get returns STORE_OK or STORE_NOTFOUND; del removes record and
 * index entries (store_del_staff also the person's history lines).
 * Changes need a transaction from store_write; in a read transaction they
 * return STORE_ERROR. Referential checks (does the unit exist?) are the
 * caller's. */
int store_put_unit(stxn *t, const struct unit *u);
int store_get_unit(stxn *t, const char *code, struct unit *out);
int store_del_unit(stxn *t, const char *code);
int store_put_position(stxn *t, const struct position *p);
int store_get_position(stxn *t, const char *code, struct position *out);
int store_del_position(stxn *t, const char *code);
/* The names of a post: position's title and unit's name (each into
 * NAME_SIZE bytes), "" for an empty or unknown code, as the records give
 * them. Read from small tables kept beside the records (post_names.c,
 * schema 13): a few pages instead of two records, for `staff find`'s
 * thousands of matches. STORE_OK, or STORE_ERROR when a table is
 * damaged (the records still answer then). */
int store_post_names(stxn *t, const char *position, const char *unit, char title[NAME_SIZE],
                     char unit_name[NAME_SIZE]);
int store_put_staff(stxn *t, const struct staff *s);
/* A person's preferences (core/preference.h), keyed by NIP: put replaces
 * them. Schema 2 added their table. */
struct preference;
int store_put_preference(stxn *t, const struct preference *p);
int store_get_preference(stxn *t, const char *nip, struct preference *out);
typedef int (*store_preference_cb)(const struct preference *p, void *ctx);
/* In NIP order; cb returns 0 to go on. */
int store_each_preference(stxn *t, store_preference_cb cb, void *ctx);
size_t store_count_preferences(stxn *t);
int store_get_staff(stxn *t, const char *nip, struct staff *out);
int store_del_staff(stxn *t, const char *nip);
/* The same as store_put_staff for each of a[0..n-1] (a NIP given twice:
 * the later row wins), several times faster for imports: each table is
 * written in its own key order. Hand it chunks (e.g. 50,000 rows). */
int store_put_staff_batch(stxn *t, const struct staff *a, size_t n);
int store_add_history(stxn *t, const struct history *h);

/* The codes of all units (and, when positions is true, of all positions
 * with their units) read into memory once: for checking many references
 * (an import of a million staff) without a B-tree search each. A copy:
 * it outlives t, and stays right while no unit or position changes.
 * About 45 bytes a code. */
typedef struct store_codes store_codes;
int store_codes_load(stxn *t, bool positions, store_codes **out);
bool store_codes_has_unit(store_codes *c, const char *code);
/* The code of the position's unit; NULL when there is no such position
 * (or positions were not loaded). */
const char *store_codes_position_unit(store_codes *c, const char *code);
/* The same without remembering anything in c: any number of threads may
 * ask at once (while no one changes c). The position's id (STRSET_NONE:
 * none), and its unit's code in *unit (NULL: none). */
uint32_t store_codes_position_find(const store_codes *c, const char *code, const char **unit);
/* The id of the unit whose code is unit, a code these functions gave
 * (not a copy): STRSET_NONE when no unit on record has it (a code that
 * only positions name). No look-up: any thread may ask. */
uint32_t store_codes_unit_id_of(const store_codes *c, const char *unit);
/* The same for code's n bytes and h = strset_hash(code, n) made ahead, and
 * the hints of strset_prefetch for such a look-up some rows later. */
uint32_t store_codes_position_find_hashed(const store_codes *c, const char *code, size_t n,
                                          uint64_t h, const char **unit);
void store_codes_position_prefetch(const store_codes *c, uint64_t h, int stage);
void store_codes_free(store_codes *c);

/* Loading staff into an empty staff table (the first import), several
 * times faster than store_put_staff_batch and with fuller pages: records
 * and history lines are appended as they come, the three index lists are
 * kept compactly in memory (about 32 bytes a person plus each distinct
 * name once), each sorted once and appended at store_bulk_finish. The
 * result is the same database as store_put_staff (and store_add_history)
 * for each person in turn.
 * begin: STORE_ERROR when the staff table is not empty (use
 * store_put_staff_batch then); expect = the number of people to come, a
 * hint for memory (0: unknown). add: NIPs strictly ascending (anything
 * else is an error); h = a history line of this person to add too, or
 * NULL. finish writes the indexes; finish and free both release b, which
 * must not outlive the transaction (free it when fn gives up, e.g. after
 * MDB_MAP_FULL, before store_write calls fn again). */
typedef struct store_bulk store_bulk;
int store_bulk_begin(stxn *t, size_t expect, store_bulk **out);
int store_bulk_add(store_bulk *b, const struct staff *s, const struct history *h);
/* The part of store_bulk_add that needs no transaction, done ahead on
 * another thread (an import's reader thread): the record and the history
 * line encoded, their digest hashes and keys, the name index's key and
 * find text, and what b gathers of every name (the name interned, its
 * words filed).
 * prepare runs on one thread at a time, for the records in the order
 * they will be added (a record prepared and then not added is no harm:
 * such a load does not get to finish). It touches only b's set of names
 * and words, which add_prepared leaves alone: between begin and finish,
 * either every record goes through prepare and add_prepared, or none
 * does. add_prepared is store_bulk_add with p made for the same s and h
 * (a record too long for p's room is encoded there). */
#define STORE_BULK_PREP_STAFF 640
#define STORE_BULK_PREP_HISTORY 128
struct store_bulk_prep {
    bool ready;                 /* the encodings below are made */
    bool out_of_memory;         /* the name or its words could not be kept */
    uint16_t staff_len, hist_len, name_len, text_len;
    uint32_t name_id;           /* the name in b's set */
    /* With the codes (store_bulk_use_codes before the first prepare):
     * looked_up, the position's id in them (STRSET_NONE: not there) and
     * its unit's code (NULL: not there), for add and for the caller's
     * check of the row (store_bulk_prep_position_unit). */
    bool looked_up;
    uint32_t position_id;
    const char *position_unit;
    /* looked_up, and the position's unit is the record's: unit_id is the
     * record's unit's id in the codes (STRSET_NONE: not a unit on record) */
    bool unit_known;
    uint32_t unit_id;
    uint64_t staff_hash[4], hist_hash[4];
    /* store_bulk_look_ahead's stage 0 made name (name_len) and these */
    uint64_t name_key_hash, position_hash;
    unsigned char ref[8];       /* the NIP packed (STORE_NIP_REF_LEN) */
    unsigned char hist_key[14]; /* STORE_HIST_KEY_LEN */
    unsigned char staff[STORE_BULK_PREP_STAFF];
    unsigned char hist[STORE_BULK_PREP_HISTORY];
    unsigned char name[256];    /* STORE_GROUP_MAX */
    unsigned char text[256];    /* the find text's name (STORE_GROUP_MAX) */
};
void store_bulk_prepare(store_bulk *b, const struct staff *s, const struct history *h,
                        struct store_bulk_prep *p);
/* store_bulk_prepare in two steps, for rows some places apart: look_ahead
 * stage 0 (about 2D rows before the prepare) and stage 1 (D rows before)
 * start fetching what the look-ups will read, so that the cache misses of
 * many rows overlap; then prepare_ahead (not store_bulk_prepare) with the
 * same s and p finishes. */
void store_bulk_look_ahead(store_bulk *b, const struct staff *s, struct store_bulk_prep *p,
                           int stage);
void store_bulk_prepare_ahead(store_bulk *b, const struct staff *s, const struct history *h,
                              struct store_bulk_prep *p);
int store_bulk_add_prepared(store_bulk *b, const struct staff *s, const struct history *h,
                            const struct store_bulk_prep *p);
/* What prepare found of the record's position in the codes: true with
 * *unit = its unit's code or NULL (no such position); false when it did
 * not look (no codes, or the record has no position). */
bool store_bulk_prep_position_unit(const struct store_bulk_prep *p, const char **unit);
/* Whether prepare found out if code, the record's unit, is a unit on
 * record (*exists), from its position's unit; false: ask the codes. */
bool store_bulk_prep_unit_exists(const struct store_bulk_prep *p, const char *code, bool *exists);
/* One more history line of the person added last (a person's lines in
 * ascending date order: the first one through store_bulk_add). */
int store_bulk_add_history(store_bulk *b, const struct history *h);
/* The codes (store_codes_load with positions) the caller checked every
 * record against: each record's unit and position must be among them (a
 * record with another is an error). The unit and position indexes then
 * need no table of their own, and the holders of each position are
 * counted without reading the positions again. c must outlive b. */
void store_bulk_use_codes(store_bulk *b, store_codes *c);
int store_bulk_finish(store_bulk *b);
void store_bulk_free(store_bulk *b);

/* Loading units or positions into an empty table (the demo), several
 * times faster than store_put_unit / store_put_position one by one: each
 * record is appended and entered in the data digest, and the positions'
 * shares of the workload aggregates are summed while their unit and job
 * family stay the same. The result is the same database as the puts.
 *     store_load *l;
 *     store_load_begin(t, STORE_LOAD_POSITIONS, &l);
 *     for each position p, codes in strictly ascending byte order:
 *         store_load_position(l, &p);
 *     store_load_finish(l);          (store_load_free(l) to give up)
 * begin: STORE_ERROR when the table is not empty. add: a code at or
 * before the last one is an error (nothing written). finish writes the
 * last aggregate; finish and free release l, which must not outlive the
 * transaction. */
enum store_load_what { STORE_LOAD_UNITS, STORE_LOAD_POSITIONS };
typedef struct store_load store_load;
int store_load_begin(stxn *t, enum store_load_what what, store_load **out);
int store_load_unit(store_load *l, const struct unit *u);
int store_load_position(store_load *l, const struct position *p);
int store_load_finish(store_load *l);
void store_load_free(store_load *l);

/* Counts of records. */
size_t store_count_units(stxn *t);
/* The units whose labels show their parent's name (the rule and the
 * hashes: core/unit_repeats.h), as their code hashes (unit_key_hash),
 * sorted, into a malloc'd *codes the caller frees. Read from a record
 * that every write transaction changing units recounts (one get: some
 * 60 KB at 132,000 units); where it is missing (a database older than
 * schema 11 open read-only) counted from every unit. STORE_OK or
 * STORE_ERROR. */
int store_unit_repeats(stxn *t, uint64_t **codes, size_t *n);
/* The same for the units whose name another unit has (any parent), which
 * the Units screen labels with their parent's name; the record beside it
 * (schema 12). */
int store_unit_names_repeat(stxn *t, uint64_t **codes, size_t *n);
size_t store_count_positions(stxn *t);
size_t store_count_staff(stxn *t);

/* Iteration, in key order. The callback returns 0 to go on, non-zero to
 * stop (that value is returned). Records passed are valid only during the
 * call. from: start at the first key >= from ("" or NULL = the start). */
typedef int (*store_unit_cb)(const struct unit *u, void *ctx);
typedef int (*store_position_cb)(const struct position *p, void *ctx);
typedef int (*store_staff_cb)(const struct staff *s, void *ctx);
typedef int (*store_history_cb)(const struct history *h, void *ctx);
int store_each_unit(stxn *t, store_unit_cb cb, void *ctx);
int store_each_position(stxn *t, store_position_cb cb, void *ctx);
int store_each_staff(stxn *t, const char *from_nip, store_staff_cb cb, void *ctx);
/* Every staff record in NIP order, but decoded (and given to cb) only when
 * want(its position code, ctx) returns 1; 0 skips it, anything else stops
 * the walk (that value is returned). Reading one field of a record costs
 * a small part of decoding it all: for a walk that wants the people of a
 * few positions (the optimiser: those over their need). */
typedef int (*store_staff_where_fn)(const char *position, void *ctx);
int store_each_staff_where(stxn *t, store_staff_where_fn want, store_staff_cb cb, void *ctx);
int store_each_staff_in_unit(stxn *t, const char *unit, store_staff_cb cb, void *ctx);
int store_each_staff_in_position(stxn *t, const char *position, store_staff_cb cb, void *ctx);
/* Every position that someone holds, in code order, with how many hold it:
 * read from the index alone, no staff record is decoded. */
typedef int (*store_count_cb)(const char *code, size_t n, void *ctx);
int store_each_position_count(stxn *t, store_count_cb cb, void *ctx);
/* The positions of one unit (not of its sub-units), in code order, each
 * with how many hold it: read through the position index by unit, so a
 * unit costs its own positions only. */
typedef int (*store_held_position_cb)(const struct position *p, size_t holders, void *ctx);
int store_each_position_of_unit(stxn *t, const char *unit, store_held_position_cb cb,
                                void *ctx);
/* The same for many units, one after another: the reader keeps its
 * cursors from unit to unit, so units taken in code order cost less.
 * open: NULL on failure (store_errmsg says why). */
typedef struct store_pos_reader store_pos_reader;
store_pos_reader *store_pos_reader_open(stxn *t);
int store_pos_reader_unit(store_pos_reader *r, const char *unit, store_held_position_cb cb,
                          void *ctx);
/* How many positions a unit has and the length of the longest code among
 * them, from the index alone (no record is read). STORE_OK or STORE_ERROR. */
int store_pos_reader_codes(store_pos_reader *r, const char *unit, size_t *count,
                           size_t *longest);
void store_pos_reader_close(store_pos_reader *r);
int store_each_history(stxn *t, const char *nip, store_history_cb cb, void *ctx);
/* Staff in name order (case-folded), starting at the first name >= from. */
int store_each_staff_by_name(stxn *t, const char *from_name, store_staff_cb cb, void *ctx);
/* Backwards in name order, from the last name < before (NULL = the end). */
int store_each_staff_by_name_rev(stxn *t, const char *before_name, store_staff_cb cb, void *ctx);
/* Exact paging when several people share a name: with nip, forward starts
 * strictly after (name, nip) and backward strictly before it; without nip
 * (NULL) they behave as the two functions above. name NULL: from the start
 * (forward) or the end (backward). */
int store_each_staff_by_name_from(stxn *t, const char *name, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx);

/* Paging in NIP order: forward strictly after nip, backward strictly
 * before it; nip NULL: from the start (forward) or the end (backward). */
int store_each_staff_from(stxn *t, const char *nip, bool backward, store_staff_cb cb, void *ctx);
/* Paging in unit order (unit code, then NIP within a unit), from the
 * staff_by_unit index: strictly after (backward: before) (unit, nip);
 * unit NULL: from the start or the end. */
int store_each_staff_by_unit_from(stxn *t, const char *unit, const char *nip, bool backward,
                                  store_staff_cb cb, void *ctx);
/* The three pagings above in one call that goes on past damage: a staff
 * record that does not decode is passed to damaged (when not NULL) as a
 * stand-in, a struct staff with only the NIP set, and the case-folded
 * name (STORE_PAGE_NAME) or the unit code (STORE_PAGE_UNIT) of the index
 * entry that led to it: enough to page on from it. damaged returns 0 to
 * go on, as cb does. Without damaged, damage ends the walk (STORE_ERROR,
 * the message naming database and key). For the Staff screen:
 *     struct store_page pg = {.order = STORE_PAGE_NAME, .name = top_name,
 *                             .nip = top_nip, .cb = row, .damaged = mark, .ctx = w};
 *     store_page_staff(t, &pg);                                              */
enum store_page_order { STORE_PAGE_NAME, STORE_PAGE_NIP, STORE_PAGE_UNIT };
struct store_page {
    int order;                  /* enum store_page_order */
    const char *name, *nip, *unit;  /* where to start, as in the functions above */
    bool backward;
    store_staff_cb cb, damaged;
    void *ctx;
};
int store_page_staff(stxn *t, const struct store_page *pg);
/* The name index's keys alone, in name order (names without their
 * titles), without reading a record: folded is the whole name, titles
 * included, case-folded (len bytes, not NUL-terminated) and nip the
 * person's NIP as the number its 18 digits spell (as the index holds
 * it: no text made and parsed again). For search corpora. The callback
 * returns 0 to go on, non-zero to stop (that value is returned). */
typedef int (*store_name_key_cb)(const char *folded, size_t len, uint64_t nip, void *ctx);
int store_each_name_key(stxn *t, store_name_key_cb cb, void *ctx);
/* `staff find`: every person whose case-folded name holds text folded
 * (ASCII letters only fold; spaces count), or whose NIP holds text's
 * digits when text is nothing but digits and spaces, in NIP order, each
 * once. A needle with a letter reads the people filed under the words
 * of names that hold its most selective piece (schema 8: the vocabulary,
 * then those postings; the records only of people a needle of several
 * pieces may match); a needle of digits, or one whose pieces are in too
 * many names (more than an eighth of the staff), reads the find text the
 * store keeps beside the records (one row a person, NIP and folded name,
 * in chunks of at most 2,000 bytes): about 45 bytes a person, no memory
 * besides. cb gets the NIP
 * (NUL-terminated) and returns 0 to go on, non-zero to stop (that value
 * is returned); STORE_ERROR when reading fails. */
typedef int (*store_match_cb)(const char *nip, void *ctx);
int store_each_staff_match(stxn *t, const char *text, store_match_cb cb, void *ctx);
/* A stamp of the database's state as this transaction sees it (the last
 * committed write transaction's id): equal stamps, same data. */
uint64_t store_stamp(stxn *t);

/* Audit chain: every change appends an entry whose SHA-256 covers the
 * previous entry's hash. user = the Unix user, action e.g. "import staff",
 * object e.g. a NIP or "staff.csv", before/after short texts (may be "").
 * The entries read back are core/record.h's struct audit_entry. */
int store_audit_append(stxn *t, const char *user, const char *action,
                       const char *object, const char *before, const char *after);
typedef int (*store_audit_cb)(const struct audit_entry *e, void *ctx);
int store_each_audit(stxn *t, bool newest_first, store_audit_cb cb, void *ctx);
/* The same, starting at entry from_seq (included; 0 = the newest or the
 * oldest): pages through a long log. */
int store_each_audit_from(stxn *t, uint64_t from_seq, bool newest_first, store_audit_cb cb,
                          void *ctx);
/* The same, going on past an entry that does not decode: it is passed as
 * an entry with only seq set and damaged true (the others end the walk
 * with "audit entry N is damaged"). For a list that shows the rest. */
int store_each_audit_past_damage(stxn *t, uint64_t from_seq, bool newest_first,
                                 store_audit_cb cb, void *ctx);
/* Recomputes the chain; returns 0 when whole, else the seq of the first
 * broken entry (and *why says how). */
uint64_t store_audit_verify(stxn *t, const char **why);
size_t store_count_audit(stxn *t);
/* The newest entry's number and hash (seq 0 and a zero hash when the log
 * is empty): an anchor to keep outside the file (the decree annex prints
 * it), since anyone who can write the file could rebuild an unkeyed
 * chain. STORE_OK or STORE_ERROR. */
int store_audit_head(stxn *t, uint64_t *seq, unsigned char hash[32]);
/* The hash stored for entry seq into hash: STORE_OK, STORE_NOTFOUND. */
int store_audit_entry_hash(stxn *t, uint64_t seq, unsigned char hash[32]);

/* The data digest recomputed from the records: for each record database
 * (units, positions, staff, history, plans, moves; not the indexes, which
 * follow from the records) the sum modulo 2^256 of SHA-256 over every
 * record (database name, key, stored value). Writes keep a running copy
 * in the same transaction as the change, and every audit entry carries
 * it. *n = how many databases. */
int store_data_digest(stxn *t, struct audit_digest out[AUDIT_DIGEST_MAX], int *n);
/* The data against the newest audit entry: *seq = that entry (0: none),
 * *has_digest = whether it carries a digest (entries before schema 2
 * do not), and differ[0..*ndiffer-1] the databases whose recomputed sum
 * is not the entry's. STORE_OK or STORE_ERROR. */
int store_audit_check_data(stxn *t, uint64_t *seq, bool *has_digest,
                           char differ[AUDIT_DIGEST_MAX][AUDIT_DB_NAME], int *ndiffer);

/* Damage. Every database of the environment, by number 0..store_db_count()-1
 * (store_db_label names it). store_verify_db walks one: each record
 * decoded (its seal checked), each audit entry decoded, each index entry
 * followed to its record; cb is called once per damaged entry with the
 * database, the key as text and what is wrong. STORE_ERROR when LMDB
 * itself cannot walk the database (message in store_errmsg: the B-tree is
 * damaged); *problems = damaged entries met. A damaged page may also make
 * LMDB fault: callers walk in a child process (ops_verify). */
typedef void (*store_damage_cb)(const char *db, const char *key, const char *what, void *ctx);
int store_db_count(void);
const char *store_db_label(int db);
int store_verify_db(stxn *t, int db, store_damage_cb cb, void *ctx, size_t *problems);

/* Consistent hot copy of the environment into dest (an empty or new dir). */
int store_backup(store *s, const char *dest);
/* Workload aggregates: per unit and job family the OWN figures of its
 * positions (workload minutes, need, holders, number of positions; not
 * rolled up over sub-units), kept in the write transaction of every
 * change to a position or to a person's position (put, delete, batch,
 * bulk load), so that a reader rolls up the tree from the units and these
 * without a pass over the positions. need is per position with the
 * parameters stored beside them (policy defaults until set).
 *   store_wl_params_get: those parameters.
 *   store_wl_params_set: stores others and recounts (a write transaction;
 *     one pass over the positions), nothing when they are the same.
 *   store_each_wl_aggregate: every (unit, family) entry in unit code
 *     order; cb returns 0 to go on, else that is returned.
 *   store_wl_orphan_staff: staff whose position is no known position.
 *   store_wl_recount: drops and recounts them (migrations, repairs). */
int store_wl_params_get(stxn *t, int64_t *effective_minutes, int *rounding);
int store_wl_params_set(stxn *t, int64_t effective_minutes, int rounding);
typedef int (*store_wl_cb)(const char *unit, const char *family, const struct wl_row *own,
                           uint64_t npositions, void *ctx);
int store_each_wl_aggregate(stxn *t, store_wl_cb cb, void *ctx);
/* The entries of one unit alone, in family order (aggregate.c): a
 * seek and its few entries, for the units of a subtree. */
int store_each_wl_aggregate_of(stxn *t, const char *unit, store_wl_cb cb, void *ctx);
int64_t store_wl_orphan_staff(stxn *t);
int store_wl_recount(stxn *t);
/* The same figures summed per district (of the entries' units) or per job
 * family, of the positions in a known unit, kept with them in the same
 * write transactions:
 *   store_each_wl_group: every district's (or job family's) sum in name
 *     (byte) order, groups without positions left out; cb as above.
 *   store_wl_unplaced_positions: positions whose unit is no known unit
 *     (they count in no group). */
enum store_wl_by { STORE_WL_DISTRICT, STORE_WL_FAMILY };
typedef int (*store_wl_group_cb)(const char *name, const struct wl_row *sum,
                                 uint64_t npositions, void *ctx);
int store_each_wl_group(stxn *t, enum store_wl_by by, store_wl_group_cb cb, void *ctx);
uint64_t store_wl_unplaced_positions(stxn *t);
/* The aggregates against a recount: the number of problems, the first in
 * why (store_check_indexes includes it). */
int store_wl_check(stxn *t, char *why, size_t whylen);
/* The unit tree with rolled-up figures (unit_tree.c): per unit the sums
 * of its own positions and of every sub-unit's, kept in the write
 * transaction of every change that moves them (positions, a person's
 * position, units added, removed, moved or renamed, imports, bulk loads,
 * a recount), stored in the tree's pre-order, so that a table by unit is
 * one walk with no pass over the units or positions.
 *   store_unit_tree_state: *kept false when the database has no usable
 *     tree (a parent cycle, a path too long for a key, or none built):
 *     readers then roll up from the units and the aggregates; the count
 *     of units whose named parent is no unit (they are roots).
 *   store_each_tree_unit: the units of root's subtree (NULL: every tree)
 *     in pre-order, siblings in code order (as workload_units_in), depth
 *     from root's; STORE_NOTFOUND when no unit has code root. cb returns
 *     0 to go on, else that is returned.
 *   store_tree_children: parent's children (NULL: the roots) in code
 *     order, has_children set; depth 0.
 * The figures are those of the aggregates (need with their parameters,
 * store_wl_params_get). */
struct store_tree_row {
    char code[CODE_SIZE];
    char name[NAME_SIZE];
    int depth;
    struct wl_row row;
    uint64_t npositions;
    bool no_parent;              /* a root whose named parent is no unit */
    bool has_children;           /* store_tree_children only */
};
typedef int (*store_tree_cb)(const struct store_tree_row *r, void *ctx);
int store_unit_tree_state(stxn *t, bool *kept, uint64_t *units_without_parent);
int store_each_tree_unit(stxn *t, const char *root, store_tree_cb cb, void *ctx);
int store_tree_children(stxn *t, const char *parent, store_tree_cb cb, void *ctx);
/* A unit of the tree read in place: code and name point into the
 * database's map, are not NUL-terminated and stay valid until the read
 * transaction ends.
 *   store_each_tree_view: as store_each_tree_unit (order, depth, returns),
 *     without copies; with kept, each unit's place is kept as well
 *     (NULL on failure; store_tree_kept_free it) so that a reader that
 *     must see every unit before it writes the first (a text table's
 *     widths) reads them again without a second walk: 24 bytes a unit;
 *   store_tree_kept_view: the i-th unit kept, in the walk's order. */
struct store_tree_view {
    const char *code, *name;
    size_t code_len, name_len;
    int depth;
    struct wl_row row;
};
typedef int (*store_tree_view_cb)(const struct store_tree_view *v, void *ctx);
typedef struct store_tree_kept store_tree_kept;
int store_each_tree_view(stxn *t, const char *root, store_tree_view_cb cb, void *ctx,
                         store_tree_kept **kept);
size_t store_tree_kept_count(const store_tree_kept *k);
void store_tree_kept_view(const store_tree_kept *k, size_t i, struct store_tree_view *v);
void store_tree_kept_free(store_tree_kept *k);
/* Checks every index against its records, the workload aggregates against
 * a recount, the find text of staff against the records, and every move
 * against its plan
 * (store_check_plans); returns the number of problems
 * and writes the first to why. Used by tests and the crash test. */
int store_check_indexes(stxn *t, char *why, size_t whylen);
#endif
