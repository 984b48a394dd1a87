/* The memory map and its file. A writable store maps the data file
 * writable (MDB_WRITEMAP): a write transaction's pages are written in
 * place instead of being copied in the heap first (some hundreds of MB for
 * a national import) and written out at commit. A page of a shared file
 * mapping that has no block on disk behind it gets its block when it is
 * first written, and on a full disk that is a SIGBUS, not an error. So the
 * map never reaches past the blocks the file really has: the file is made
 * as large as the map with fallocate(2) before LMDB may touch a page of
 * it, a map that fills up (MDB_MAP_FULL) grows the same way, and a
 * fallocate that finds the disk full is the store's "disk full" error with
 * the transaction aborted. On a filesystem without fallocate the store
 * maps read-only and writes with write(2), as LMDB does by default.
 *
 * The file never shrinks: LMDB truncates it to the size of the map it
 * sets, which could cut the pages another process is writing. Every
 * change of the file's size (LMDB's included) happens while holding an
 * exclusive flock on it and never below its current size. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/i18n.h"
#include "store/internal.h"

#define NEW_MAPSIZE ((size_t)1 << 20)         /* a new database's file */
#define GROW_STEP_MAX ((size_t)256 << 20)     /* the largest step */
#define GROW_STEP_MIN ((size_t)64 << 10)      /* the smallest, on a nearly full disk */
#define PAGE ((size_t)4096)

static size_t round_page(size_t n)
{
    return n > SIZE_MAX - PAGE ? n : (n + PAGE - 1) / PAGE * PAGE;
}

/* MUTASI_MAPSIZE (for tests): the map's size at open, at least the
 * file's; 0 when unset. */
static size_t fixed_mapsize(void)
{
    const char *env = secure_getenv("MUTASI_MAPSIZE");
    if (env && *env) {
        char *end;
        unsigned long long v = strtoull(env, &end, 10);
        if (*end == '\0' && v >= 4096 && v <= SIZE_MAX)
            return (size_t)v;
    }
    return 0;
}

size_t store_map_size(const store *s)
{
    MDB_envinfo info;
    return s->env && mdb_env_info(s->env, &info) == 0 ? info.me_mapsize : 0;
}

static size_t file_size(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (size_t)st.st_size : 0;
}

static void map_lock(const store *s)
{
    /* No lock (ENOLCK on some filesystems): sizes only ever grow, the
     * lock closes the window between reading the size and setting it. */
    while (flock(s->map_fd, LOCK_EX) != 0 && errno == EINTR)
        ;
}

static void map_unlock(const store *s)
{
    flock(s->map_fd, LOCK_UN);
}

/* Gives the file blocks up to size (keep: without changing its size, for
 * a new file that LMDB has yet to fill in). 0 or an errno. */
static int allocate(int fd, size_t size, bool keep)
{
    int rc;
    while ((rc = fallocate(fd, keep ? FALLOC_FL_KEEP_SIZE : 0, 0, (off_t)size)) != 0 &&
           errno == EINTR)
        ;
    return rc == 0 ? 0 : errno;
}

/* Makes the file at least size bytes (blocks and all with a writable map)
 * and sets the map to exactly that. The lock is held. */
static int resize_locked(store *s, size_t size, int *err)
{
    *err = 0;
    size_t have = file_size(s->map_fd);
    if (size < have)
        size = have;
    if (s->writemap)
        *err = allocate(s->map_fd, size, false);
    else if (size > have && ftruncate(s->map_fd, (off_t)size) != 0)
        *err = errno;
    if (*err)
        return *err == ENOSPC || *err == EDQUOT ? STORE_NO_SPACE : STORE_ERROR;
    int rc = mdb_env_set_mapsize(s->env, size);
    if (rc != 0) {
        *err = rc;
        return STORE_ERROR;
    }
    return STORE_OK;
}

/* STORE_OK, STORE_NO_SPACE (the disk cannot hold size bytes; nothing
 * changed) or STORE_ERROR with the message set. */
static int map_resize(store *s, size_t size)
{
    if (s->map_fd < 0)
        return store_fail(s, _("cannot enlarge the database map: %s"), mdb_strerror(EBADF));
    int err;
    map_lock(s);
    int r = resize_locked(s, round_page(size), &err);
    map_unlock(s);
    if (r == STORE_ERROR)
        return store_fail(s, _("cannot enlarge the database map: %s"), mdb_strerror(err));
    return r;
}

int store_map_adopt(store *s)
{
    if (s->readonly || s->map_fd < 0) {
        int rc = mdb_env_set_mapsize(s->env, 0);
        return rc == 0 ? STORE_OK
                       : store_fail(s, _("cannot read the database: %s"), mdb_strerror(rc));
    }
    /* Whoever grew the map made the file that large first. */
    return map_resize(s, store_map_size(s)) == STORE_OK ? STORE_OK : STORE_ERROR;
}

/* An eighth of the map for a write's first retry (a small write on a file
 * with no room left: the file grows by little), twice that for each next
 * one of the same write (a large write: few runs of it). */
static size_t grow_step(size_t size, int attempt)
{
    size_t step = size / 8 > GROW_STEP_MIN ? size / 8 : GROW_STEP_MIN;
    for (int i = 0; i < attempt && step < GROW_STEP_MAX; i++)
        step *= 2;
    return step < GROW_STEP_MAX ? step : GROW_STEP_MAX;
}

int store_map_grow(store *s, int attempt)
{
    size_t size = store_map_size(s);
    size_t step = grow_step(size, attempt);
    for (;;) {
        if (size > SIZE_MAX - step)
            return store_fail(s, _("the database map cannot grow any further"));
        int r = map_resize(s, size + step);
        if (r != STORE_NO_SPACE || step == GROW_STEP_MIN)
            return r;
        /* A nearly full disk: a smaller step may still hold the change. */
        step = step / 2 > GROW_STEP_MIN ? step / 2 : GROW_STEP_MIN;
    }
}

int store_reserve(store *s, size_t bytes)
{
    if (s->readonly)
        return store_fail(s, _("the database is open read-only"));
    if (fixed_mapsize() || bytes <= store_map_size(s))
        return STORE_OK;
    int r = map_resize(s, bytes);
    if (r == STORE_NO_SPACE)
        return store_fail(s, _("cannot enlarge the database map: %s"), mdb_strerror(ENOSPC));
    return r;
}

size_t store_used_bytes(store *s)
{
    MDB_envinfo info;
    MDB_stat st;
    if (!s->env || mdb_env_info(s->env, &info) != 0 || mdb_env_stat(s->env, &st) != 0)
        return 0;
    return ((size_t)info.me_last_pgno + 1) * st.ms_psize;
}

int store_reserve_more(store *s, size_t bytes)
{
    size_t used = store_used_bytes(s);
    if (used == 0)
        return store_fail(s, _("cannot read the database: %s"), mdb_strerror(EINVAL));
    return store_reserve(s, bytes > SIZE_MAX - used ? SIZE_MAX : used + bytes);
}

/* --- opening --------------------------------------------------------------- */

/* Whether the file can be mapped writable: its blocks (up to its size,
 * whole pages, or a new file's first ones) can be made real. */
static bool can_allocate(int fd, size_t have)
{
    return have ? allocate(fd, round_page(have), false) == 0 : allocate(fd, 2 * PAGE, true) == 0;
}

/* LMDB's lock file is mapped too, and a new one is sparse: its blocks
 * first, while there is room (before the data file takes it), so that a
 * full disk cannot fault its reader table either. No LMDB lock is held
 * yet, so closing the file cannot drop one. */
static void allocate_lock_file(const store *s)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/lock.mdb", s->dir);
    int fd = open(path, O_RDWR | O_CLOEXEC | O_CREAT, 0660);
    if (fd < 0)
        return;                 /* LMDB says why, if it matters */
    allocate(fd, 2 * PAGE, true);       /* 126 readers: 8 KiB */
    close(fd);
}

int store_map_prepare(store *s, bool create, struct store_map_open *mo)
{
    char data[PATH_MAX];
    snprintf(data, sizeof data, "%s/data.mdb", s->dir);
    s->writemap = false;
    s->map_fd = open(data, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0660);
    if (s->map_fd < 0)
        return STORE_OK;        /* mdb_env_open says why (read-only, no permission) */
    map_lock(s);
    size_t have = file_size(s->map_fd);
    s->writemap = can_allocate(s->map_fd, have);
    if (s->writemap)
        allocate_lock_file(s);
    mo->fresh = have == 0;
    mo->size = round_page(have ? have : 2 * PAGE);
    return STORE_OK;
}

void store_map_opened(store *s, bool opened, const struct store_map_open *mo)
{
    if (s->map_fd < 0)
        return;
    /* LMDB truncated a writable map's file to the map; keep the other
     * mode's file as large too, so that it never grows unlocked. */
    if (!s->writemap && file_size(s->map_fd) < mo->size) {
        int failed = ftruncate(s->map_fd, (off_t)mo->size);
        (void)failed;           /* then LMDB extends it by write(2), as before */
    }
    /* The starting size: a new database's, or MUTASI_MAPSIZE's; without
     * room now MDB_MAP_FULL grows the map later, or says the disk is full. */
    size_t want = fixed_mapsize();
    if (!want && mo->fresh)
        want = NEW_MAPSIZE;
    int err;
    if (opened && want > mo->size)
        resize_locked(s, round_page(want), &err);
    map_unlock(s);
}

void store_map_writeback(const store *s)
{
#ifdef SYNC_FILE_RANGE_WRITE
    if (s->writemap && s->map_fd >= 0)
        (void)sync_file_range(s->map_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)s;
#endif
}

void store_map_close(store *s)
{
    if (s->map_fd >= 0)
        close(s->map_fd);
    s->map_fd = -1;
    s->writemap = false;
}

/* A byte of the map: the first key of LMDB's main database (the name of
 * a named database) lies in a page of the map. */
static const void *byte_of_map(stxn *t)
{
    MDB_dbi main_db;
    MDB_cursor *c;
    MDB_val k, v;
    const void *p = NULL;
    if (mdb_dbi_open(t->txn, NULL, 0, &main_db) == 0 && mdb_cursor_open(t->txn, main_db, &c) == 0) {
        if (mdb_cursor_get(c, &k, &v, MDB_FIRST) == 0)
            p = k.mv_data;
        mdb_cursor_close(c);
    }
    return p;
}

/* Where the data file is mapped: LMDB says only with MDB_FIXEDMAP, so
 * the process's map list is read for the mapping that holds a byte of it
 * (by address: the device and inode there differ from stat(2)'s on
 * overlay and btrfs file systems). */
bool store_map_find(stxn *t, unsigned char **addr, size_t *len)
{
    uintptr_t at = (uintptr_t)byte_of_map(t);
    char line[4096 + 256];
    FILE *f = at ? fopen("/proc/self/maps", "re") : NULL;
    bool found = false;
    while (f && !found && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= at && at < hi) {
            *addr = (unsigned char *)lo, *len = hi - lo;
            found = true;
        }
    }
    if (f)
        fclose(f);
    return found;
}

void store_read_release(stxn *t)
{
    MDB_envinfo info;
    MDB_stat st;
    unsigned char *addr;
    size_t len;
    if (t->write || mdb_env_info(t->s->env, &info) != 0 || mdb_env_stat(t->s->env, &st) != 0 ||
        !store_map_find(t, &addr, &len))
        return;
    size_t used = ((size_t)info.me_last_pgno + 1) * st.ms_psize;
    /* The map is a shared file mapping: its pages leave this process's
     * resident set and stay in the page cache, and the next touch maps
     * them again, same bytes (a read transaction's pages never change).
     * No huge pages from now on: a touch maps 4 KB, not 2 MB around it. */
    (void)madvise(addr, len, MADV_NOHUGEPAGE);
    (void)madvise(addr, used < len ? used : len, MADV_DONTNEED);
}
