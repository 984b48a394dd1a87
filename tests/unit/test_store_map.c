/* The store's map and its file (store/map.c): a writable store maps its
 * file writable, with every block of the file allocated up to the map (a
 * full disk is then an error, never a fault), the map grows with the
 * file, the file never shrinks, a read-only open leaves it alone, and a
 * large write transaction keeps its pages in the file, not in the heap. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "dbfixture.h"
#include "store_test.h"

static int setup(void **state)
{
    unsetenv("MUTASI_MAPSIZE");
    *state = dbfx_new("map");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    unsetenv("MUTASI_MAPSIZE");
    return 0;
}

static struct stat data_file(const struct dbfx *fx)
{
    char path[DBFX_DB_SIZE + 16];
    struct stat st;
    snprintf(path, sizeof path, "%s/data.mdb", fx->db);
    assert_int_equal(stat(path, &st), 0);
    return st;
}

/* Whether the filesystem of dir can allocate blocks (fallocate(2)): the
 * store maps writable exactly then. */
static bool fs_allocates(const char *dir)
{
    char path[DBFX_ROOT_SIZE + 16];
    snprintf(path, sizeof path, "%s/probe", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    bool ok = fallocate(fd, 0, 0, 4096) == 0;
    close(fd);
    unlink(path);
    return ok;
}

/* The file is exactly as large as the map, and has a block for every
 * byte of it (st_blocks counts 512-byte units). */
static void file_backs_map(const struct dbfx *fx)
{
    struct stat st = data_file(fx);
    assert_int_equal((size_t)st.st_size, store_map_size(fx->s));
    assert_true((uint64_t)st.st_blocks * 512 >= (uint64_t)st.st_size);
}

static int put_people(stxn *t, void *ctx)
{
    int n = *(int *)ctx;
    struct staff s;
    for (int i = 0; i < n; i++) {
        char nip[NIP_LEN + 1];
        snprintf(nip, sizeof nip, "19800101%010u", (unsigned)i);
        dbfx_person(&s, nip, "P1");
        snprintf(s.name, sizeof s.name, "Pegawai Nomor %07d", (i * 7919) % n);
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void write_people(store *s, int n)
{
    if (store_write(s, put_people, &n) != STORE_OK)
        fail_msg("write: %s", store_errmsg(s));
}

static void writable_map_has_its_blocks(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_test_writemap(fx->s), fs_allocates(fx->root));
    if (!store_test_writemap(fx->s))
        skip();     /* no fallocate here: LMDB writes with write(2), as before */
    assert_int_equal(store_map_size(fx->s), 1 << 20);    /* a new database */
    file_backs_map(fx);
    size_t before = store_map_size(fx->s);
    write_people(fx->s, 20000);                   /* outgrows 1 MiB: MDB_MAP_FULL */
    assert_true(store_map_size(fx->s) > before);
    file_backs_map(fx);
    assert_int_equal(store_reserve_more(fx->s, (size_t)8 << 20), STORE_OK);
    assert_true(store_map_size(fx->s) >= before + ((size_t)8 << 20));
    file_backs_map(fx);
}

/* Asked for a smaller map than the file, a writable open maps the whole
 * file: truncating it could cut pages another process is writing. */
static void file_never_shrinks(void **state)
{
    struct dbfx *fx = *state;
    char err[640];
    assert_int_equal(store_reserve(fx->s, (size_t)4 << 20), STORE_OK);
    off_t size = data_file(fx).st_size;
    assert_true(size >= 4 << 20);
    store_close(fx->s);
    setenv("MUTASI_MAPSIZE", "65536", 1);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_int_equal(data_file(fx).st_size, size);
    assert_int_equal(store_map_size(fx->s), (size_t)size);
    write_people(fx->s, 100);
    assert_int_equal(data_file(fx).st_size, size);
}

/* A file with a hole (as LMDB's own writable map leaves one, or an older
 * mutasi did): a read-only open leaves it as it is, a writable one gives
 * the hole its blocks before LMDB may write there. */
static void holes_filled_by_writable_open_only(void **state)
{
    struct dbfx *fx = *state;
    char err[640], path[DBFX_DB_SIZE + 16];
    if (!store_test_writemap(fx->s))
        skip();
    store_close(fx->s);
    fx->s = NULL;
    snprintf(path, sizeof path, "%s/data.mdb", fx->db);
    off_t size = data_file(fx).st_size, bigger = size + (4 << 20);
    assert_int_equal(truncate(path, bigger), 0);
    blkcnt_t sparse = data_file(fx).st_blocks;
    assert_true((uint64_t)sparse * 512 < (uint64_t)bigger);
    fx->s = store_open(fx->db, STORE_READONLY, err, sizeof err);
    if (!fx->s)
        fail_msg("read-only open: %s", err);
    stxn *t = store_read_begin(fx->s);
    assert_non_null(t);
    assert_int_equal(store_count_staff(t), 0);
    store_read_end(t);
    store_close(fx->s);
    assert_int_equal(data_file(fx).st_blocks, sparse);
    assert_int_equal(data_file(fx).st_size, bigger);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("writable open: %s", err);
    file_backs_map(fx);
    assert_int_equal(data_file(fx).st_size, bigger);
}

static long rss_anon_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "RssAnon: %ld kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb;
}

struct heap_probe {
    int n;
    long before_kb, after_kb;
};

static int put_and_measure(stxn *t, void *ctx)
{
    struct heap_probe *h = ctx;
    h->before_kb = rss_anon_kb();
    int r = put_people(t, &h->n);
    h->after_kb = rss_anon_kb();
    return r;
}

/* Without a writable map LMDB copies every page a transaction changes
 * into the heap until it commits: a national import held some 500 MB so.
 * With it, the heap stays put while the data grows by tens of MB. */
static void large_write_keeps_pages_out_of_the_heap(void **state)
{
    struct dbfx *fx = *state;
#ifdef __SANITIZE_ADDRESS__
    skip();     /* AddressSanitizer keeps freed blocks in quarantine: the heap grows anyway */
#endif
    if (!store_test_writemap(fx->s) || rss_anon_kb() < 0)
        skip();
    assert_int_equal(store_reserve(fx->s, (size_t)64 << 20), STORE_OK);
    struct heap_probe h = {.n = 60000};
    if (store_write(fx->s, put_and_measure, &h) != STORE_OK)
        fail_msg("write: %s", store_errmsg(fx->s));
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), h.n);
    store_read_end(t);
    /* The transaction changes some 18 MB of pages (held in the heap
     * without the writable map, as this test saw then). */
    long grew = h.after_kb - h.before_kb;
    if (grew >= 4096)
        fail_msg("the heap grew by %ld KB during one write transaction", grew);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(writable_map_has_its_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(file_never_shrinks, setup, teardown),
        cmocka_unit_test_setup_teardown(holes_filled_by_writable_open_only, setup, teardown),
        cmocka_unit_test_setup_teardown(large_write_keeps_pages_out_of_the_heap, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
