/* Shared between the files of store/ only: the environment, the database
 * handles and error helpers. Nothing outside store/ includes this. */
#ifndef MUTASI_STORE_INTERNAL_H
#define MUTASI_STORE_INTERNAL_H
#include <lmdb.h>
#include <stdbool.h>
#include "store/store.h"

enum db_id {
    DB_META, DB_UNITS, DB_POSITIONS, DB_STAFF, DB_HISTORY, DB_PLANS,
    DB_MOVES, DB_AUDIT, DB_STAFF_BY_UNIT, DB_STAFF_BY_POSITION,
    DB_STAFF_BY_NAME, DB_COUNT
};

struct store {
    MDB_env *env;
    MDB_dbi dbi[DB_COUNT];
    bool readonly;
    bool created;               /* this open wrote the schema */
    char dir[4000];             /* leaves room for "/data.mdb" in a PATH_MAX buffer */
    char err[600];
};

struct stxn {
    store *s;
    MDB_txn *txn;
    bool write;
    bool map_full;              /* an operation hit MDB_MAP_FULL: grow and retry */
};

/* Name of a database as LMDB knows it ("staff_by_unit"), NULL if no such id. */
const char *store_db_name(int db);
/* Records the failure of an LMDB call (message: what we tried, then
 * LMDB's reason) and returns STORE_ERROR; marks MDB_MAP_FULL. */
int store_fail_mdb(stxn *t, int rc, const char *what);
/* Records a message and returns STORE_ERROR. */
int store_fail(store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Walks db from `from` (NULL or empty: the first key, or the last when
 * backward; backward from a key: the last key < from) calling visit on
 * every key/value pair; visit returns 0 to go on, else that is returned. */
typedef int (*store_visit_fn)(stxn *t, MDB_val *k, MDB_val *v, void *ctx);
int store_walk(stxn *t, int db, const MDB_val *from, bool backward, store_visit_fn visit,
               void *ctx);
#endif
