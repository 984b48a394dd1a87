/* Schema migrations: the steps that bring a database written by an older
 * mutasi to STORE_SCHEMA_VERSION (store.h says how to add one). They run
 * at an open for writing, in the open's write transaction, so a database
 * is either migrated whole or left as it was; each step leaves an audit
 * entry. Tables a step needs exist already: the open creates the missing
 * ones before migrating. */
#include <endian.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"
#include "store/keys.h"

struct migration {
    unsigned from;              /* runs on schema `from`, leaves from + 1 */
    const char *what;           /* the audit entry's object */
    int (*run)(stxn *t);        /* NULL: new tables only (the open made them) */
    /* The step from schema `redone_by` (not 0) does this step's work too:
     * when the migration runs both, this one only moves the version. */
    unsigned redone_by;
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

/* Schema 8 files the NIPs of the staff indexes packed (keys.h), the dup
 * indexes made anew with MDB_DUPFIXED. Staff records of version 2 stay
 * (they decode; written again they are version 3), as for schema 6. */
static int pack_staff_refs(stxn *t)
{
    for (int i = 0; i < store_desc_staff.nindexes; i++) {
        const struct store_index_desc *ix = &store_desc_staff.index[i];
        if ((ix->kind == STORE_INDEX_DUP && store_table_recreate(t, ix->db) != STORE_OK) ||
            store_index_rebuild(t, &store_desc_staff, i) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* The history lines of schema 7, rekeyed (rekey_history): each new key
 * and its value, one after another in an arena. */
struct rekeyed {
    unsigned char *p;
    size_t used, cap;
};

static int rekey_line(stxn *t, MDB_val *k, MDB_val *v, void *ctx)
{
    struct rekeyed *r = ctx;
    char nip[NIP_LEN + 1];
    unsigned char key[STORE_HIST_KEY_LEN];
    const unsigned char *old = k->mv_data;
    if (k->mv_size != NIP_LEN + 6 || v->mv_size > 0xffff)
        return store_damaged(t, DB_HISTORY, *k);
    memcpy(nip, old, NIP_LEN);
    nip[NIP_LEN] = '\0';
    if (!store_history_key(nip, 0, 0, key))
        return store_damaged(t, DB_HISTORY, *k);
    memcpy(key + STORE_NIP_REF_LEN, old + NIP_LEN, 6);         /* the date and sequence */
    size_t need = sizeof key + 2 + v->mv_size;
    if (GROW_ROOM(r->p, r->cap, r->used + need, (size_t)1 << 20) != 0)
        return store_fail(t->s, _("out of memory"));
    memcpy(r->p + r->used, key, sizeof key);
    r->p[r->used + sizeof key] = (unsigned char)(v->mv_size >> 8);
    r->p[r->used + sizeof key + 1] = (unsigned char)v->mv_size;
    memcpy(r->p + r->used + sizeof key + 2, v->mv_data, v->mv_size);
    r->used += need;
    /* the data digest sums every line by key and value: the old key out */
    return store_digest_change(t, DB_HISTORY, *k, *v, false);
}

/* Schema 8 keys history lines by the packed NIP (keys.h): every key
 * rewritten, the values kept. Packed NIPs keep the order of the digits,
 * so the lines are collected in key order and appended to the emptied
 * table (pages filled whole). Memory: all the lines at once, about 45
 * bytes each (80 MB at 1,000,000 staff), for the migration only. */
static int rekey_history(stxn *t)
{
    struct rekeyed r = {NULL, 0, 0};
    struct store_appender app;
    int rc = store_walk(t, DB_HISTORY, NULL, false, rekey_line, &r) == 0 ? STORE_OK : STORE_ERROR;
    int drc = rc == STORE_OK ? mdb_drop(t->txn, t->s->dbi[DB_HISTORY], 0) : 0;
    if (drc != 0)
        rc = store_fail_mdb(t, drc, store_db_name(DB_HISTORY));
    if (rc == STORE_OK && store_appender_open(&app, t, DB_HISTORY, false) == STORE_OK) {
        for (size_t at = 0; at < r.used && rc == STORE_OK;) {
            const unsigned char *e = r.p + at;
            size_t vlen = (size_t)e[STORE_HIST_KEY_LEN] << 8 | e[STORE_HIST_KEY_LEN + 1];
            MDB_val k = {STORE_HIST_KEY_LEN, (void *)e}, v = {vlen, (void *)(e + STORE_HIST_KEY_LEN + 2)};
            rc = store_appender_put(&app, k, v, MDB_NOOVERWRITE);
            at += STORE_HIST_KEY_LEN + 2 + vlen;
        }
        store_appender_close(&app);
    } else if (rc == STORE_OK) {
        rc = STORE_ERROR;
    }
    free(r.p);
    return rc;
}

/* Schema 8: packed NIPs in the staff indexes and the history keys. */
static int pack_nips(stxn *t)
{
    return pack_staff_refs(t) == STORE_OK ? rekey_history(t) : STORE_ERROR;
}

/* Schema 11 keeps the units that show their parent's name in their labels
 * as a record (unit_repeats.c), recounted whenever units change. */
static int record_unit_repeats(stxn *t)
{
    return store_unit_repeats_refresh(t);
}

/* Schema 12: the unit tree (unit_tree.c) and, beside the units that show
 * their parent, those whose name repeats (unit_repeats.c). */
static int unit_tree_and_names(stxn *t)
{
    if (store_unit_tree_rebuild(t) != STORE_OK)
        return STORE_ERROR;
    return store_unit_repeats_refresh(t);
}

static const struct migration steps[] = {
    {0, "rebuild every index", rebuild_indexes},
    {1, "seal every record with a checksum; data digest", store_digest_reset},
    {2, "count the workload aggregates", store_wl_recount, .redone_by = 7},
    {3, "add the preferences table", NULL},
    {4, "write the find text of staff names", store_text_rebuild},
    {5, "file staff names without their titles", refile_names},
    {6, "index the positions by unit", reindex_positions},
    {7, "sum the workload per district and job family", store_wl_recount},
    {8, "file the NIPs of the staff indexes and history as numbers", pack_nips},
    /* step 4's find text files the words as it goes */
    {9, "file staff under the words of their names", store_words_rebuild, .redone_by = 4},
    {10, "record the units that show their parent", record_unit_repeats},
    {11, "keep the unit tree with rolled-up workload figures; the units whose name repeats",
     unit_tree_and_names},
    {12, "keep the titles of positions and the names of units for finding staff",
     store_post_names_rebuild},
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
        bool redone = m->redone_by && m->redone_by >= from;  /* runs too */
        if (m->run && !redone && m->run(t) != STORE_OK)
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
