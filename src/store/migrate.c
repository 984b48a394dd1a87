/* Schema migrations: the steps that bring a database written by an older
 * mutasi to STORE_SCHEMA_VERSION (store.h says how to add one). They run
 * at an open for writing, in the open's write transaction, so a database
 * is either migrated whole or left as it was; each step leaves an audit
 * entry. Tables a step needs exist already: the open creates the missing
 * ones before migrating. */
#include <endian.h>
#include <pwd.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

struct migration {
    unsigned from;              /* runs on schema `from`, leaves from + 1 */
    const char *what;           /* the audit entry's object */
    int (*run)(stxn *t);        /* NULL: new tables only (the open made them) */
};

/* Schema 0 had the records but no trustworthy indexes: file every record
 * again. Also the model for a step that adds an index to a record type. */
static int rebuild_indexes(stxn *t)
{
    for (size_t i = 0; i < store_nrecord_descs; i++)
        if (store_rec_reindex(t, store_record_descs[i]) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

/* Schema 2 sealed every record with its checksum (codec.h) and started the
 * data digest (digest.c). Sealing works on the stored bytes, whatever a
 * record's version byte: the seal goes after them. */
/* Each record is looked up again after the previous one was rewritten:
 * no cursor is trusted across a put that changes a value's size. */
static int seal_db(stxn *t, int db)
{
    MDB_cursor *c;
    unsigned char buf[CODEC_PLAN_MAX + CODEC_SEAL], last[STORE_KEY_MAX];
    size_t lastlen = 0;
    int rc = mdb_cursor_open(t->txn, t->s->dbi[db], &c);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;) {
        if (v.mv_size > CODEC_PLAN_MAX || k.mv_size > sizeof last) {
            mdb_cursor_close(c);
            return store_damaged(t, db, k);
        }
        uint32_t crc = htole32(codec_crc(v.mv_data, v.mv_size));
        memcpy(buf, v.mv_data, v.mv_size);
        memcpy(buf + v.mv_size, &crc, CODEC_SEAL);
        memcpy(last, k.mv_data, k.mv_size);
        lastlen = k.mv_size;
        MDB_val lk = {lastlen, last}, nv = {v.mv_size + CODEC_SEAL, buf};
        rc = mdb_put(t->txn, t->s->dbi[db], &lk, &nv, 0);
        if (rc != 0)
            break;
        k = lk;
        rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
        if (rc == 0)
            rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND)
        return store_fail_mdb(t, rc, store_db_name(db));
    return STORE_OK;
}

/* Sealing comes before any step runs, whatever the database's schema:
 * every decoder of this mutasi, those a step uses included, wants seals. */
static int seal_records(stxn *t)
{
    for (int db = 0; db < DB_COUNT; db++)
        if ((store_digested(db) || db == DB_AUDIT) && seal_db(t, db) != STORE_OK)
            return STORE_ERROR;
    return STORE_OK;
}

/* Schema 6 files staff by their names without titles, and the name
 * index's values (a copy of the NIP its keys end with) are empty. The
 * compact records of schema 6 (codec.h, CODEC_COMPACT) need no step:
 * version 1 records still decode and are written compact when they
 * change. Rewriting them here would not make the file smaller: LMDB keeps
 * the pages of records shortened in place, only a fresh load (import)
 * fills pages anew. */
static int refile_names(stxn *t)
{
    for (int i = 0; i < store_desc_staff.nindexes; i++)
        if (store_desc_staff.index[i].db == DB_STAFF_BY_NAME)
            return store_index_rebuild(t, &store_desc_staff, i);
    return STORE_OK;
}

/* Schema 7 indexes the positions by unit (the streamed workload listing). */
static int reindex_positions(stxn *t)
{
    return store_rec_reindex(t, &store_desc_position);
}

static const struct migration steps[] = {
    {0, "rebuild every index", rebuild_indexes},
    {1, "seal every record with a checksum; data digest", store_digest_reset},
    {2, "count the workload aggregates", store_wl_recount},
    {3, "add the preferences table", NULL},
    {4, "write the find text of staff names", store_text_rebuild},
    {5, "file staff names without their titles", refile_names},
    {6, "index the positions by unit", reindex_positions},
    {7, "sum the workload per district and job family", store_wl_recount},
};

static const struct migration *step_from(unsigned v)
{
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i].from == v)
            return &steps[i];
    return NULL;
}

/* The Unix user who ran the program (the audit's "who"). */
static const char *unix_user(void)
{
    const struct passwd *pw = getpwuid(getuid());
    return pw ? pw->pw_name : "?";
}

int store_write_schema_version(stxn *t, unsigned v)
{
    unsigned char ver[4];
    codec_be32(ver, v);
    MDB_val k = {sizeof STORE_SCHEMA_KEY - 1, (void *)STORE_SCHEMA_KEY}, val = {4, ver};
    int rc = mdb_put(t->txn, t->s->dbi[DB_META], &k, &val, 0);
    return rc ? store_fail_mdb(t, rc, _("cannot write the schema version")) : STORE_OK;
}

int store_migrate(stxn *t, unsigned from)
{
    if (from < 2 && seal_records(t) != STORE_OK)
        return STORE_ERROR;
    for (unsigned v = from; v < STORE_SCHEMA_VERSION; v++) {
        const struct migration *m = step_from(v);
        char before[32], after[32];
        if (!m)
            return store_fail(t->s, _("database schema %u cannot be upgraded by this mutasi (%u)"),
                              from, (unsigned)STORE_SCHEMA_VERSION);
        if (m->run && m->run(t) != STORE_OK)
            return STORE_ERROR;
        snprintf(before, sizeof before, "schema %u", v);
        snprintf(after, sizeof after, "schema %u", v + 1);
        if (store_write_schema_version(t, v + 1) != STORE_OK ||
            store_audit_append(t, unix_user(), "migrate schema", m->what, before, after) !=
                STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}
