/* Test support shared by the unit tests that need a database or people:
 * a temporary directory with a new database in it, removed afterwards,
 * and a person that every rule lets move (PNS, III/a, S-1, SKP baik,
 * ten years in post). */
#ifndef MUTASI_TESTS_DBFIXTURE_H
#define MUTASI_TESTS_DBFIXTURE_H
#include "core/record.h"
#include "store/store.h"

#define DBFX_ROOT_SIZE 64
#define DBFX_DB_SIZE 128
/* Makes /tmp/mutasi-TAG-XXXXXX in root and opens a new database in
 * root/db (its path in db). Fails the test when either cannot be made. */
store *dbfx_open(const char *tag, char root[DBFX_ROOT_SIZE], char db[DBFX_DB_SIZE]);
/* Removes root and everything below it. */
void dbfx_remove(const char *root);

/* A test's own database, for cmocka's setup and teardown:
 *     static int setup(void **state) { *state = dbfx_new("tag"); return 0; }
 *     static int teardown(void **state) { dbfx_free(*state); return 0; } */
struct dbfx {
    char root[DBFX_ROOT_SIZE];    /* mkdtemp directory */
    char db[DBFX_DB_SIZE];        /* root/db */
    store *s;                     /* open on db */
};
/* A new database as dbfx_open(tag) makes it. Fails the test when it
 * cannot be made. */
struct dbfx *dbfx_new(const char *tag);
/* Closes the store, removes the directory, frees fx. */
void dbfx_free(struct dbfx *fx);
/* A second new database beside fx's (root/db2), to compare with the
 * first; the caller closes it. Fails the test when it cannot be made. */
store *dbfx_open_second(struct dbfx *fx);
/* Every key and value of the named database in order, serialised, to
 * compare two stores' tables byte for byte; the caller frees p. */
struct dbfx_dump {
    unsigned char *p;
    size_t n, cap;
};
struct dbfx_dump dbfx_dump_table(store *s, const char *db);
/* The store's consistency check (store_check_indexes) in a read
 * transaction: the number of problems, the first one in why. */
int dbfx_problems(store *s, char *why, size_t whylen);
/* A movable person of unit U1 holding pos, job family umum. */
void dbfx_person(struct staff *s, const char *nip, const char *pos);
/* The region of the plan tests, put in t: U1 (an OPD) > U2 (a bidang);
 * P1 "Pelaksana" in U1, 75,000 minutes a year (need 1), and P2 in U2 with
 * p2_minutes, both of job family umum with the need from ABK. *p1 is P1,
 * for a test's more positions of its shape. STORE_OK or STORE_ERROR. */
int dbfx_put_two_units(stxn *t, int64_t p2_minutes, struct position *p1);
#endif
