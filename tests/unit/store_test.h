/* For tests only: raw access to the named databases, to damage them on
 * purpose (tamper with an audit entry, drop an index entry) and prove that
 * verification notices. A test support file (tests/unit/store_hooks.c):
 * linked into the unit tests only, never into build/mutasi. */
#ifndef MUTASI_TESTS_STORE_TEST_H
#define MUTASI_TESTS_STORE_TEST_H
#include <stdbool.h>
#include <stddef.h>
#include "store/store.h"

/* db is a database name ("audit", "staff_by_unit", ...). Return STORE_OK,
 * STORE_NOTFOUND or STORE_ERROR. del: val NULL deletes the key (all dups). */
int store_test_raw_put(stxn *t, const char *db, const void *key, size_t klen,
                       const void *val, size_t vlen);
int store_test_raw_del(stxn *t, const char *db, const void *key, size_t klen,
                       const void *val, size_t vlen);
/* Copies the raw value of key into buf (up to cap bytes); returns its
 * length, or -1 when absent. */
long store_test_raw_get(stxn *t, const char *db, const void *key, size_t klen,
                        void *buf, size_t cap);
/* Every key/value pair of db in order (each dup of a dup database); fn
 * returns 0 to go on, else that is returned. */
typedef int (*store_test_raw_fn)(const void *key, size_t klen, const void *val, size_t vlen,
                                 void *ctx);
int store_test_raw_each(stxn *t, const char *db, store_test_raw_fn fn, void *ctx);
/* Drops db and makes it anew, empty, a plain table or (dupsort) one of
 * dups of any size, as older mutasi made them; STORE_OK or STORE_ERROR. */
int store_test_raw_remake(stxn *t, const char *db, bool dupsort);
/* Sums the data digest anew from what the tables hold (after raw
 * changes that the digest did not see). */
int store_test_digest_reset(stxn *t);
/* True when db keeps its dups of one size side by side (MDB_DUPFIXED). */
bool store_test_raw_dupfixed(stxn *t, const char *db);
/* Whether s maps its file writable (MDB_WRITEMAP, store/map.c). */
bool store_test_writemap(const store *s);
#endif
