/* Changes a record of a mutasi database behind mutasi's back, with liblmdb
 * alone (no mutasi code), as another program or a person with write access
 * to the file could: the fault tests prove that mutasi notices.
 *   lmdbpoke DIR DB KEY edit     change a byte of the value and re-seal it
 *                                (a fresh checksum): a well-formed record
 *                                that no audit entry knows
 *   lmdbpoke DIR DB KEY damage   flip a byte of the value, seal left as is
 *   lmdbpoke DIR DB first        print the first key of DB
 * KEY @N is the N-th key of DB in key order (1: the first), for binary
 * keys such as the audit log's entry numbers.
 * Exit 0 when done, 1 on failure. */
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static int fail(const char *what, int rc)
{
    fprintf(stderr, "lmdbpoke: %s: %s\n", what, mdb_strerror(rc));
    return 1;
}

/* A byte of text inside the value, away from the version byte and the
 * seal: a staff record's name begins at 21 (after the version byte and
 * the NIP with its length byte), so that an edit stays well-formed
 * whatever the numbers around it are written as. */
static void change(unsigned char *v, size_t n, int reseal)
{
    size_t at = n > 26 ? 21 : 1;
    v[at] = v[at] == 'X' ? 'Y' : 'X';
    if (reseal && n > 4) {
        uint32_t crc = (uint32_t)XXH3_64bits(v, n - 4);   /* as store/codec.c seals */
        for (int i = 0; i < 4; i++)
            v[n - 4 + i] = (unsigned char)(crc >> (8 * i));
    }
}

int main(int argc, char **argv)
{
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    MDB_val k, v;
    int rc;
    if (argc != 5 && !(argc == 4 && strcmp(argv[3], "first") == 0)) {
        fprintf(stderr, "usage: lmdbpoke DIR DB KEY edit|damage | lmdbpoke DIR DB first\n");
        return 2;
    }
    if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 32)) ||
        (rc = mdb_env_open(env, argv[1], 0, 0660)))
        return fail("open", rc);
    if ((rc = mdb_txn_begin(env, NULL, 0, &txn)) || (rc = mdb_dbi_open(txn, argv[2], 0, &dbi)))
        return fail(argv[2], rc);
    if (argc == 4) {
        MDB_cursor *c;
        if ((rc = mdb_cursor_open(txn, dbi, &c)) || (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST)))
            return fail("first", rc);
        printf("%.*s\n", (int)k.mv_size, (const char *)k.mv_data);
        mdb_txn_abort(txn);
        mdb_env_close(env);
        return 0;
    }
    k.mv_data = argv[3];
    k.mv_size = strlen(argv[3]);
    if (argv[3][0] == '@') {
        MDB_cursor *c;
        long n = strtol(argv[3] + 1, NULL, 10);
        if ((rc = mdb_cursor_open(txn, dbi, &c)))
            return fail("cursor", rc);
        for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && --n > 0;)
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
        if (rc)
            return fail(argv[3], rc);
        mdb_cursor_close(c);
    } else if ((rc = mdb_get(txn, dbi, &k, &v))) {
        return fail(argv[3], rc);
    }
    unsigned char *copy = malloc(v.mv_size);
    if (!copy)
        return 1;
    memcpy(copy, v.mv_data, v.mv_size);
    change(copy, v.mv_size, strcmp(argv[4], "edit") == 0);
    v.mv_data = copy;
    if ((rc = mdb_put(txn, dbi, &k, &v, 0)) || (rc = mdb_txn_commit(txn)))
        return fail("put", rc);
    free(copy);
    mdb_env_close(env);
    return 0;
}
