/* The LMDB environment: opening (directory, file modes, reader check,
 * named databases, schema version), transactions, map growth, backup. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "core/i18n.h"
#include "store/codec.h"
#include "store/internal.h"

#define READ_MAPSIZE ((size_t)1 << 30)   /* a read-only map: address space only */
#define MAX_GROW_RETRIES 24

static const struct {
    const char *name;
    unsigned flags;
} db_table[DB_COUNT] = {
    [DB_META] = {"meta", 0},
    [DB_UNITS] = {"units", 0},
    [DB_POSITIONS] = {"positions", 0},
    [DB_STAFF] = {"staff", 0},
    [DB_HISTORY] = {"history", 0},
    [DB_PLANS] = {"plans", 0},
    [DB_MOVES] = {"moves", 0},
    [DB_AUDIT] = {"audit", 0},
    /* values of one size (a packed NIP): LMDB stores the dups of a key
     * side by side, without a node header each (schema 8; an older
     * database keeps the flags it was made with until migrated) */
    [DB_STAFF_BY_UNIT] = {"staff_by_unit", MDB_DUPSORT | MDB_DUPFIXED},
    [DB_STAFF_BY_POSITION] = {"staff_by_position", MDB_DUPSORT | MDB_DUPFIXED},
    [DB_STAFF_BY_NAME] = {"staff_by_name", 0},
    [DB_WORKLOAD_AGG] = {"workload_by_unit", 0},
    [DB_PREFERENCES] = {"preferences", 0},
    [DB_STAFF_TEXT] = {"staff_text", 0},
    [DB_POSITIONS_BY_UNIT] = {"positions_by_unit", MDB_DUPSORT},
    [DB_STAFF_WORDS] = {"staff_words", MDB_DUPSORT | MDB_DUPFIXED},
    [DB_STAFF_VOCAB] = {"staff_vocab", 0},
    [DB_UNIT_TREE] = {"unit_tree", 0},
    [DB_POST_NAMES] = {"post_names", 0},
    [DB_TITLES] = {"titles", 0},
};

const char *store_db_name(int db)
{
    return db >= 0 && db < DB_COUNT ? db_table[db].name : NULL;
}

int store_fail(store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return STORE_ERROR;
}

static bool out_of_space(const store *s, int rc);

int store_fail_mdb(stxn *t, int rc, const char *what)
{
    if (rc == MDB_MAP_FULL)
        t->map_full = true;
    if (out_of_space(t->s, rc))
        t->no_space = true;
    return store_fail(t->s, "%s: %s", what, mdb_strerror(rc));
}

const char *store_errmsg(const store *s)
{
    return s->err;
}

bool store_was_created(const store *s)
{
    return s->created;
}

bool store_was_migrated(const store *s, unsigned *from)
{
    if (s->migrated && from)
        *from = s->migrated_from;
    return s->migrated;
}

/* --- files and directories ---------------------------------------------- */

static bool path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* mkdir -p; the last component gets exactly `mode` whatever the umask. */
static int make_dir(const char *dir, mode_t mode)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, mode) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, mode) != 0)
        return -1;
    return chmod(buf, mode);
}

/* A read-only map's size (at least the data's, LMDB sees to that). A
 * writable one is as large as its file: store_map_prepare. */
static size_t read_mapsize(void)
{
    const char *env = secure_getenv("MUTASI_MAPSIZE");
    if (env && *env) {
        char *end;
        unsigned long long v = strtoull(env, &end, 10);
        if (*end == '\0' && v >= 4096)
            return (size_t)v;
    }
    return READ_MAPSIZE;
}

/* --- a full disk ----------------------------------------------------------- */

/* The mount point holding path: the last directory upwards on the same
 * device. */
static void mount_point(const char *path, char *out, size_t size)
{
    char cur[PATH_MAX], parent[PATH_MAX];
    struct stat st, up;
    if (!realpath(path, cur) || stat(cur, &st) != 0) {
        snprintf(out, size, "%s", path);
        return;
    }
    while (strcmp(cur, "/") != 0) {
        snprintf(parent, sizeof parent, "%s", cur);
        char *slash = strrchr(parent, '/');
        if (slash == parent)
            slash[1] = '\0';    /* the parent is the root */
        else
            *slash = '\0';
        if (stat(parent, &up) != 0 || up.st_dev != st.st_dev)
            break;
        snprintf(cur, sizeof cur, "%s", parent);
    }
    snprintf(out, size, "%s", cur);
}

/* LMDB reports a short write as EIO: on a filesystem left with (almost)
 * nothing free, that is a full disk too. */
static bool out_of_space_at(const char *dir, int rc)
{
    struct statvfs vfs;
    if (rc == ENOSPC || rc == EDQUOT)
        return true;
    if (rc != EIO || statvfs(dir, &vfs) != 0)
        return false;
    unsigned long long avail = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
    return avail < (1u << 20) || vfs.f_bavail < vfs.f_blocks / 100;
}

static bool out_of_space(const store *s, int rc)
{
    return out_of_space_at(s->dir, rc);
}

int store_fail_no_space(store *s)
{
    char mnt[PATH_MAX];
    struct statvfs vfs;
    unsigned long long avail = 0;
    mount_point(s->dir, mnt, sizeof mnt);
    if (statvfs(s->dir, &vfs) == 0)
        avail = (unsigned long long)vfs.f_bavail * vfs.f_frsize / 1024;
    return store_fail(s, _("the filesystem %s (holding the database %s) is full, %llu KiB "
                           "free: nothing was saved and the database is as it was before; "
                           "free some space and try again"),
                      mnt, s->dir, avail);
}

/* --- transactions -------------------------------------------------------- */

/* Another process may have grown the map: adopt its size and try again. */
static int begin_txn(store *s, unsigned flags, MDB_txn **out)
{
    if (!s->env)
        return EINVAL;          /* store_make_writable could not reopen it */
    int rc = mdb_txn_begin(s->env, NULL, flags, out);
    if (rc == MDB_MAP_RESIZED) {
        rc = store_map_adopt(s) == STORE_OK ? 0 : MDB_MAP_RESIZED;
        if (rc == 0)
            rc = mdb_txn_begin(s->env, NULL, flags, out);
    }
    return rc;
}

stxn *store_read_begin(store *s)
{
    stxn *t = calloc(1, sizeof *t);
    if (!t) {
        store_fail(s, _("out of memory"));
        return NULL;
    }
    t->s = s;
    int rc = begin_txn(s, MDB_RDONLY, &t->txn);
    if (rc != 0) {
        store_fail(s, _("cannot read the database: %s"), mdb_strerror(rc));
        free(t);
        return NULL;
    }
    return t;
}

void store_read_end(stxn *t)
{
    if (!t)
        return;
    mdb_txn_abort(t->txn);
    free(t);
}

bool store_write_out_of_room(const store *s)
{
    return s->out_of_room;
}

/* store_write gives up for want of room: the message is r's. */
static int out_of_room(store *s, int r)
{
    s->out_of_room = true;
    return r;
}

int store_write(store *s, store_write_fn fn, void *ctx)
{
    s->out_of_room = false;
    if (s->readonly)
        return store_fail(s, _("the database is open read-only"));
    for (int attempt = 0;; attempt++) {
        stxn t = {.s = s, .write = true};
        int rc = begin_txn(s, 0, &t.txn);
        if (rc != 0)
            return store_fail(s, _("cannot write the database: %s"), mdb_strerror(rc));
        int r = fn(&t, ctx);
        if (r == STORE_OK && t.tree_dirty && !t.map_full && !t.no_space)
            r = store_unit_tree_rebuild(&t);
        if (r == STORE_OK && t.posts_dirty && !t.map_full && !t.no_space)
            r = store_post_names_rebuild(&t);
        if (r == STORE_OK && t.units_changed && !t.map_full && !t.no_space)
            r = store_unit_repeats_refresh(&t);
        if (r == STORE_OK && !t.map_full && !t.no_space)
            r = store_digest_flush(&t);
        if (r == STORE_OK && !t.map_full) {
            rc = mdb_txn_commit(t.txn);
            if (rc == 0)
                return STORE_OK;
            if (rc == MDB_MAP_FULL)
                t.map_full = true;
            else if (out_of_space(s, rc))
                return out_of_room(s, store_fail_no_space(s));
            else
                return store_fail(s, _("cannot save the change: %s"), mdb_strerror(rc));
        } else {
            mdb_txn_abort(t.txn);
        }
        if (t.no_space)
            return out_of_room(s, store_fail_no_space(s));
        if (!t.map_full)
            return r;
        if (attempt >= MAX_GROW_RETRIES)
            return out_of_room(s, store_fail(s, _("the database map cannot grow any further")));
        int g = store_map_grow(s, attempt);
        if (g == STORE_NO_SPACE)
            return out_of_room(s, store_fail_no_space(s));
        if (g != STORE_OK)
            return out_of_room(s, STORE_ERROR);
    }
}

/* --- opening -------------------------------------------------------------- */

struct setup {
    bool create;
    unsigned found_version;
    bool wrote_schema;
    bool migrated;
    bool wants_room;     /* a migration is due and has no room reserved yet */
    bool has_room;
};

static int open_table(stxn *t, int i, bool create)
{
    store *s = t->s;
    unsigned flags = db_table[i].flags | (create ? MDB_CREATE : 0);
    int rc = mdb_dbi_open(t->txn, db_table[i].name, flags, &s->dbi[i]);
    if (rc == MDB_NOTFOUND)
        return store_fail(s, _("%s is not a mutasi database (no \"%s\" table); "
                               "create one with 'mutasi init'"),
                          s->dir, db_table[i].name);
    if (rc != 0)
        return store_fail_mdb(t, rc, _("cannot open the database tables"));
    return STORE_OK;
}

int store_table_recreate(stxn *t, int db)
{
    int rc = mdb_drop(t->txn, t->s->dbi[db], 1);
    if (rc != 0)
        return store_fail_mdb(t, rc, store_db_name(db));
    return open_table(t, db, true);
}

/* The schema version in meta into su->found_version; a new database (when
 * creating) gets the current one. */
static int read_schema(stxn *t, struct setup *su)
{
    store *s = t->s;
    MDB_val k = {sizeof STORE_SCHEMA_KEY - 1, (void *)STORE_SCHEMA_KEY}, v;
    int rc = mdb_get(t->txn, s->dbi[DB_META], &k, &v);
    if (rc == 0 && v.mv_size == 4) {
        su->found_version = codec_from_be32(v.mv_data);
        return STORE_OK;
    }
    if (rc != MDB_NOTFOUND)
        return store_fail(s, _("%s: the schema version is damaged"), s->dir);
    if (!su->create || !t->write)
        return store_fail(s, _("%s is not a mutasi database (no schema version); "
                               "create one with 'mutasi init'"), s->dir);
    su->found_version = STORE_SCHEMA_VERSION;
    su->wrote_schema = true;
    return store_write_schema_version(t, STORE_SCHEMA_VERSION);
}

/* Opens meta and reads the schema version, then opens every other table
 * (creating the missing ones for a new database or a migration) and
 * migrates an older schema. Runs in a write transaction, or a read one
 * for read-only opens, which cannot migrate: they say how to. */
static int setup_dbs(stxn *t, void *ctx)
{
    struct setup *su = ctx;
    store *s = t->s;
    su->wrote_schema = su->migrated = false;
    if (open_table(t, DB_META, su->create && t->write) || read_schema(t, su))
        return STORE_ERROR;
    unsigned found = su->found_version;
    if (found > STORE_SCHEMA_VERSION)
        return store_fail(s, _("database schema %u is newer than this mutasi (%u); upgrade mutasi"),
                          found, (unsigned)STORE_SCHEMA_VERSION);
    if (found < STORE_SCHEMA_VERSION && !t->write)
        return store_fail(s, _("database schema %u is older than this mutasi (%u); open it "
                               "once for writing to upgrade it, e.g. with 'mutasi init' "
                               "(which keeps the data)"),
                          found, (unsigned)STORE_SCHEMA_VERSION);
    bool migrate = found < STORE_SCHEMA_VERSION;
    /* A migration rebuilds tables in one transaction, which cannot reuse
     * the pages it frees: without room set aside first, each growth of
     * the map would run it again from the start. */
    if (migrate && t->write && !su->has_room) {
        su->wants_room = true;
        return STORE_ERROR;
    }
    for (int i = 0; i < DB_COUNT; i++)
        if (i != DB_META && open_table(t, i, t->write && (su->create || migrate)))
            return STORE_ERROR;
    if (migrate && store_migrate(t, found) != STORE_OK)
        return STORE_ERROR;
    /* a new database has no units: its record holds none */
    if (su->wrote_schema && store_unit_repeats_refresh(t) != STORE_OK)
        return STORE_ERROR;
    /* and its unit tree none (or a step marked it for building) */
    if ((su->wrote_schema || t->tree_dirty) && store_unit_tree_rebuild(t) != STORE_OK)
        return STORE_ERROR;
    if (t->posts_dirty && store_post_names_rebuild(t) != STORE_OK)
        return STORE_ERROR;
    su->migrated = migrate;
    return STORE_OK;
}

static int open_tables(store *s, bool create)
{
    struct setup su = {.create = create};
    if (s->readonly) {
        stxn *t = store_read_begin(s);
        if (!t)
            return STORE_ERROR;
        int r = setup_dbs(t, &su);
        /* Handles opened in a transaction outlive it only if it commits. */
        int rc = r == STORE_OK ? mdb_txn_commit(t->txn) : (mdb_txn_abort(t->txn), 0);
        free(t);
        if (r != STORE_OK)
            return r;
        if (rc != 0)
            return store_fail(s, _("cannot open the database tables: %s"), mdb_strerror(rc));
    } else if (store_write(s, setup_dbs, &su) != STORE_OK) {
        if (!su.wants_room)
            return STORE_ERROR;
        /* Half again what is in use; on a disk without that much the
         * migration still tries (store_write grows the map as it can). */
        (void)store_reserve_more(s, store_used_bytes(s) / 2);
        su.has_room = true;
        if (store_write(s, setup_dbs, &su) != STORE_OK)
            return STORE_ERROR;
    }
    s->created = su.wrote_schema;
    s->migrated = su.migrated;
    s->migrated_from = su.found_version;
    return STORE_OK;
}

/* Files LMDB created get 0660 exactly, whatever the umask, so that the
 * operators of one group can all use them. */
static int fix_modes(store *s, bool had_data, bool had_lock)
{
    static const char *const files[2] = {"data.mdb", "lock.mdb"};
    const bool had[2] = {had_data, had_lock};
    for (int i = 0; i < 2; i++) {
        char path[PATH_MAX];
        if (had[i])
            continue;
        snprintf(path, sizeof path, "%s/%s", s->dir, files[i]);
        if (chmod(path, 0660) != 0 && errno != ENOENT)
            return store_fail(s, _("cannot set the mode of %s: %s"), path, strerror(errno));
    }
    return STORE_OK;
}

/* Why a database cannot be written: its filesystem is mounted read-only
 * (EROFS) or this user may not write its files (EACCES). NULL: it can. */
static const char *read_only_reason(const char *dir, int rc)
{
    struct statvfs vfs;
    char data[PATH_MAX];
    snprintf(data, sizeof data, "%s/data.mdb", dir);
    if (rc == EROFS || (statvfs(dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)))
        return _("its filesystem is mounted read-only");
    if (rc == EACCES || access(data, W_OK) != 0 || access(dir, W_OK) != 0)
        return _("you have no write permission on its files");
    return NULL;
}

static int store_fail_read_only(store *s, int rc)
{
    const char *why = read_only_reason(s->dir, rc);
    return store_fail(s, _("the database in %s is read-only (%s): it can be browsed, but no "
                           "change can be saved"),
                      s->dir, why ? why : mdb_strerror(rc));
}

bool store_read_only_reason(const store *s, char *why, size_t size)
{
    const char *r = read_only_reason(s->dir, 0);
    if (r && why && size)
        snprintf(why, size, _("read-only database (%s): browsing only"), r);
    return r != NULL;
}

static int open_env(store *s, bool create)
{
    char data[PATH_MAX], lock[PATH_MAX];
    snprintf(data, sizeof data, "%s/data.mdb", s->dir);
    snprintf(lock, sizeof lock, "%s/lock.mdb", s->dir);
    struct stat st;
    if (stat(s->dir, &st) != 0) {
        if (errno != ENOENT || !create)
            return store_fail(s, _("no database in %s; create one with 'mutasi init'"), s->dir);
        if (make_dir(s->dir, 0770) != 0)
            return store_fail(s, _("cannot create %s: %s"), s->dir, strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        return store_fail(s, _("%s is not a directory"), s->dir);
    }
    bool had_data = path_exists(data), had_lock = path_exists(lock);
    if (!had_data && !create)
        return store_fail(s, _("no database in %s; create one with 'mutasi init'"), s->dir);
    struct store_map_open mo = {.size = read_mapsize()};
    if (!s->readonly)
        store_map_prepare(s, create, &mo);
    int rc = mdb_env_create(&s->env);
    if (rc == 0)
        rc = mdb_env_set_maxdbs(s->env, DB_COUNT + 4);
    if (rc == 0)
        rc = mdb_env_set_mapsize(s->env, mo.size);
    if (rc == 0)
        rc = mdb_env_open(s->env, s->dir,
                          MDB_NOTLS | (s->readonly ? MDB_RDONLY : 0) |
                              (s->writemap ? MDB_WRITEMAP : 0),
                          0660);
    store_map_opened(s, rc == 0, &mo);
    if (rc != 0 && !s->readonly && (rc == EROFS || rc == EACCES))
        return store_fail_read_only(s, rc);
    if (rc != 0)
        return store_fail(s, _("cannot open the database in %s: %s"), s->dir, mdb_strerror(rc));
    if (fix_modes(s, had_data, had_lock) != STORE_OK)
        return STORE_ERROR;
    int dead = 0;
    rc = mdb_reader_check(s->env, &dead);  /* free slots of crashed readers */
    if (rc != 0)
        return store_fail(s, _("cannot check the readers of %s: %s"), s->dir, mdb_strerror(rc));
    return STORE_OK;
}

store *store_open(const char *dir, int flags, char *err, size_t errlen)
{
    store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "%s", _("out of memory"));
        return NULL;
    }
    s->readonly = flags & STORE_READONLY;
    s->map_fd = -1;
    bool create = (flags & STORE_CREATE) && !s->readonly;
    if (snprintf(s->dir, sizeof s->dir, "%s", dir) >= (int)sizeof s->dir) {
        snprintf(err, errlen, "%s", _("the database path is too long"));
        free(s);
        return NULL;
    }
    if (open_env(s, create) != STORE_OK || open_tables(s, create) != STORE_OK) {
        snprintf(err, errlen, "%s", s->err);
        store_close(s);
        return NULL;
    }
    return s;
}

/* Opens the environment of s->dir again with s->readonly's mode. */
static int reopen(store *s)
{
    if (s->env)
        mdb_env_close(s->env);
    s->env = NULL;
    store_map_close(s);
    if (open_env(s, false) != STORE_OK || open_tables(s, false) != STORE_OK) {
        if (s->env)
            mdb_env_close(s->env);
        s->env = NULL;
        store_map_close(s);
        return STORE_ERROR;
    }
    return STORE_OK;
}

int store_make_writable(store *s)
{
    if (!s->readonly)
        return STORE_OK;
    /* LMDB allows one environment handle per file in a process: the
     * read-only one is closed before the writable one opens. */
    s->readonly = false;
    if (reopen(s) == STORE_OK) {
        store_digest_ready();
        return STORE_OK;
    }
    char why[sizeof s->err];
    memcpy(why, s->err, sizeof why);
    s->readonly = true;
    reopen(s);
    memcpy(s->err, why, sizeof why);
    return STORE_ERROR;
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->env)
        mdb_env_close(s->env);
    store_map_close(s);
    free(s);
}

/* --- backup --------------------------------------------------------------- */

static int dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    int empty = 1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            empty = 0;
            break;
        }
    closedir(d);
    return empty;
}

int store_backup(store *s, const char *dest)
{
    struct stat st;
    if (!s->env)
        return store_fail(s, _("cannot read the database: %s"), mdb_strerror(EINVAL));
    if (stat(dest, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return store_fail(s, _("%s exists and is not a directory"), dest);
        int empty = dir_is_empty(dest);
        if (empty < 0)
            return store_fail(s, _("cannot read %s: %s"), dest, strerror(errno));
        if (!empty)
            return store_fail(s, _("%s is not empty; a backup goes into a new or empty directory"),
                              dest);
    } else if (errno != ENOENT || make_dir(dest, 0770) != 0) {
        return store_fail(s, _("cannot create %s: %s"), dest, strerror(errno));
    }
    /* A compacting copy runs in its own read transaction: writers go on. */
    int rc = mdb_env_copy2(s->env, dest, MDB_CP_COMPACT);
    if (rc != 0) {
        char path[PATH_MAX], mnt[PATH_MAX];
        snprintf(path, sizeof path, "%s/data.mdb", dest);
        unlink(path);           /* dest was empty: leave no half copy behind */
        if (!out_of_space_at(dest, rc))
            return store_fail(s, _("cannot copy the database to %s: %s"), dest,
                              mdb_strerror(rc));
        mount_point(dest, mnt, sizeof mnt);
        return store_fail(s, _("the filesystem %s (holding %s) is full: the backup was not "
                               "written; the database is as it was"),
                          mnt, dest);
    }
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/data.mdb", dest);
    if (chmod(path, 0660) != 0)
        return store_fail(s, _("cannot set the mode of %s: %s"), path, strerror(errno));
    return STORE_OK;
}
