/* The names of posts (schema 13, store/post_names.c over code_chunks.c)
 * on a temporary database: store_post_names gives what the records say
 * after puts, renames, moves and deletes, through chunks that split as
 * they fill; the bulk load and the migration from schema 12 write them;
 * the consistency check notices a row that is wrong, missing or extra. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "store/codec.h"
#include "store/store.h"
#include "store_test.h"
#include "dbfixture.h"

static int setup(void **state)
{
    *state = dbfx_new("postnames");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void make_unit(struct unit *u, const char *code, const char *name)
{
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    snprintf(u->name, sizeof u->name, "%s", name);
    u->kind = UKIND_OPD;
}

static void make_position(struct position *p, const char *code, const char *unit,
                          const char *title)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit);
    snprintf(p->name, sizeof p->name, "%s", title);
    snprintf(p->job_family, sizeof p->job_family, "umum");
    p->workload_minutes = 75000;
    p->need = NEED_FROM_ABK;
}

static int problems(store *s)
{
    char why[256];
    int n = dbfx_problems(s, why, sizeof why);
    if (n)
        print_message("check: %s\n", why);
    return n;
}

/* What store_post_names gives for a position and a unit. */
static void names_are(store *s, const char *position, const char *unit, const char *title,
                      const char *unit_name)
{
    char t1[NAME_SIZE], u1[NAME_SIZE];
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_post_names(t, position, unit, t1, u1), STORE_OK);
    store_read_end(t);
    assert_string_equal(t1, title);
    assert_string_equal(u1, unit_name);
}

/* Two units, the positions of U1 with codes that start with its own and
 * one that does not (ZZ), a title shared by two positions. */
static int put_region(stxn *t, void *ctx)
{
    static const char *const pos[][3] = {
        {"U1-02", "U1", "Analis"}, {"U1-01", "U1", "Kepala"}, {"ZZ", "U1", "Analis"},
        {"U10-01", "U10", "Pengadministrasi"},
    };
    struct unit u;
    struct position p;
    (void)ctx;
    make_unit(&u, "U1", "Dinas Satu");
    if (store_put_unit(t, &u) != STORE_OK)
        return STORE_ERROR;
    make_unit(&u, "U10", "Dinas Sepuluh");
    if (store_put_unit(t, &u) != STORE_OK)
        return STORE_ERROR;
    for (size_t i = 0; i < sizeof pos / sizeof *pos; i++) {
        make_position(&p, pos[i][0], pos[i][1], pos[i][2]);
        if (store_put_position(t, &p) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void the_names_are_the_records(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_region, NULL), STORE_OK);
    names_are(fx->s, "U1-01", "U1", "Kepala", "Dinas Satu");
    names_are(fx->s, "ZZ", "U10", "Analis", "Dinas Sepuluh");
    names_are(fx->s, "U10-01", "U1", "Pengadministrasi", "Dinas Satu");
    /* unknown and empty codes, a prefix of a code, a code past the last */
    names_are(fx->s, "U1-0", "U", "", "");
    names_are(fx->s, "", "", "", "");
    names_are(fx->s, "ZZZ", "U2", "", "");
    assert_int_equal(problems(fx->s), 0);
}

static int rename_and_delete(stxn *t, void *ctx)
{
    struct unit u;
    struct position p;
    (void)ctx;
    make_position(&p, "U1-02", "U1", "Analis Kebijakan");    /* a new title */
    if (store_put_position(t, &p) != STORE_OK)
        return STORE_ERROR;
    make_unit(&u, "U1", "Badan Satu");
    if (store_put_unit(t, &u) != STORE_OK || store_del_position(t, "ZZ") != STORE_OK)
        return STORE_ERROR;
    return store_del_unit(t, "U10");
}

static void a_rename_and_a_delete_follow_in_the_same_write(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, rename_and_delete, NULL), STORE_OK);
    names_are(fx->s, "U1-02", "U1", "Analis Kebijakan", "Badan Satu");
    names_are(fx->s, "ZZ", "U10", "", "");
    names_are(fx->s, "U1-01", "U10", "Kepala", "");
    assert_int_equal(problems(fx->s), 0);
}

/* Positions of unit U, titled by i % 7, written in an order that is not
 * the codes' (each insert lands inside a chunk), and unit 1808, whose row
 * comes chunks before theirs. */
static int put_many(stxn *t, void *ctx)
{
    int n = *(const int *)ctx;
    struct unit u;
    make_unit(&u, "1808", "Pemerintah Kabupaten");  /* its row chunks before theirs */
    if (store_put_unit(t, &u) != STORE_OK)
        return STORE_ERROR;
    for (int k = 0; k < n; k++) {
        int i = (k * 37) % n;
        struct position p;
        char code[CODE_SIZE], title[NAME_SIZE];
        snprintf(code, sizeof code, "1808.DISDIKBUD.%d-%04d", i % 5, i);
        snprintf(title, sizeof title, "Jabatan fungsional nomor %d", i % 7);
        make_position(&p, code, "U", title);
        if (store_put_position(t, &p) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static int delete_every_third(stxn *t, void *ctx)
{
    int n = *(const int *)ctx;
    for (int i = 0; i < n; i += 3) {
        char code[CODE_SIZE];
        snprintf(code, sizeof code, "1808.DISDIKBUD.%d-%04d", i % 5, i);
        if (store_del_position(t, code) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void many_positions_split_chunks_and_stay_found(void **state)
{
    struct dbfx *fx = *state;
    int n = 997;                /* prime to 37: every code once */
    assert_int_equal(store_write(fx->s, put_many, &n), STORE_OK);
    assert_int_equal(problems(fx->s), 0);
    assert_int_equal(store_write(fx->s, delete_every_third, &n), STORE_OK);
    assert_int_equal(problems(fx->s), 0);
    for (int i = 0; i < n; i++) {
        char code[CODE_SIZE], title[NAME_SIZE];
        snprintf(code, sizeof code, "1808.DISDIKBUD.%d-%04d", i % 5, i);
        snprintf(title, sizeof title, "Jabatan fungsional nomor %d", i % 7);
        names_are(fx->s, code, i % 2 ? "1808" : "", i % 3 ? title : "",
                  i % 2 ? "Pemerintah Kabupaten" : "");
    }
}

/* More changes in one write than the table follows row by row: it is
 * written anew before the commit, the same as row by row would leave it. */
static void a_large_write_rebuilds_before_its_commit(void **state)
{
    struct dbfx *fx = *state;
    int n = 5003;               /* prime to 37 */
    assert_int_equal(store_write(fx->s, put_many, &n), STORE_OK);
    assert_int_equal(problems(fx->s), 0);
    for (int i = 0; i < n; i += 499) {
        char code[CODE_SIZE], title[NAME_SIZE];
        snprintf(code, sizeof code, "1808.DISDIKBUD.%d-%04d", i % 5, i);
        snprintf(title, sizeof title, "Jabatan fungsional nomor %d", i % 7);
        names_are(fx->s, code, "1808", title, "Pemerintah Kabupaten");
    }
}

/* The bulk load of units, then of positions (as demo fills a region). */
static int load_region(stxn *t, void *ctx)
{
    store_load *l;
    struct unit u;
    struct position p;
    (void)ctx;
    if (store_load_begin(t, STORE_LOAD_UNITS, &l) != STORE_OK)
        return STORE_ERROR;
    make_unit(&u, "A", "Unit A");
    int r = store_load_unit(l, &u);
    make_unit(&u, "B", "Unit B");
    if (r == STORE_OK)
        r = store_load_unit(l, &u);
    if (r != STORE_OK) {
        store_load_free(l);
        return r;
    }
    if (store_load_finish(l) != STORE_OK ||
        store_load_begin(t, STORE_LOAD_POSITIONS, &l) != STORE_OK)
        return STORE_ERROR;
    make_position(&p, "A-1", "A", "Kepala");
    r = store_load_position(l, &p);
    make_position(&p, "B-1", "B", "Staf");
    if (r == STORE_OK)
        r = store_load_position(l, &p);
    if (r != STORE_OK) {
        store_load_free(l);
        return r;
    }
    return store_load_finish(l);
}

static void the_bulk_load_writes_the_names(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, load_region, NULL), STORE_OK);
    names_are(fx->s, "A-1", "B", "Kepala", "Unit B");
    names_are(fx->s, "B-1", "A", "Staf", "Unit A");
    assert_int_equal(problems(fx->s), 0);
}

static int damage_a_row(stxn *t, void *ctx)
{
    (void)ctx;
    return store_test_raw_del(t, "post_names", "U1\0u", 4, NULL, 0);
}

/* The chunk that starts with U1's row is gone: U1, U1-01, U1-02... lack
 * their rows, and the check says so. */
static void the_check_notices_missing_rows(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, damage_a_row, NULL), STORE_OK);
    assert_true(problems(fx->s) > 0);
}

/* A title's id pointing at another title: the check names the row. */
static int swap_titles(stxn *t, void *ctx)
{
    unsigned char a[8], b[8];
    (void)ctx;
    long na = store_test_raw_get(t, "titles", "tKepala", 7, a, sizeof a);
    long nb = store_test_raw_get(t, "titles", "tAnalis", 7, b, sizeof b);
    if (na != 3 || nb != 3)
        return STORE_ERROR;
    if (store_test_raw_put(t, "titles", "tKepala", 7, b, 3) != STORE_OK ||
        store_test_raw_put(t, "titles", "tAnalis", 7, a, 3) != STORE_OK)
        return STORE_ERROR;
    unsigned char ka[4] = {'i', a[0], a[1], a[2]}, kb[4] = {'i', b[0], b[1], b[2]};
    if (store_test_raw_put(t, "titles", ka, 4, "Analis", 6) != STORE_OK)
        return STORE_ERROR;
    return store_test_raw_put(t, "titles", kb, 4, "Kepala", 6);
}

static void the_check_notices_a_wrong_title(void **state)
{
    struct dbfx *fx = *state;
    char why[256];
    assert_int_equal(store_write(fx->s, put_region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, swap_titles, NULL), STORE_OK);
    names_are(fx->s, "U1-01", "U1", "Analis", "Dinas Satu");     /* what the table says */
    assert_int_equal(dbfx_problems(fx->s, why, sizeof why), 3);   /* U1-01, U1-02, ZZ */
    assert_non_null(strstr(why, "U1-01"));
}

/* As mutasi of schema 12 left a database: no names of posts. */
static int make_schema_12(stxn *t, void *ctx)
{
    unsigned char v[4];
    (void)ctx;
    if (store_test_raw_remake(t, "post_names", false) != STORE_OK ||
        store_test_raw_remake(t, "titles", false) != STORE_OK)
        return STORE_ERROR;
    codec_be32(v, 12);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_migration_from_schema_12_writes_the_names(void **state)
{
    struct dbfx *fx = *state;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, put_region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_12, NULL), STORE_OK);
    names_are(fx->s, "U1-01", "U1", "", "");
    assert_true(problems(fx->s) > 0);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 12);
    names_are(fx->s, "U1-01", "U10", "Kepala", "Dinas Sepuluh");
    names_are(fx->s, "ZZ", "U1", "Analis", "Dinas Satu");
    assert_int_equal(problems(fx->s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_names_are_the_records, setup, teardown),
        cmocka_unit_test_setup_teardown(a_rename_and_a_delete_follow_in_the_same_write, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(many_positions_split_chunks_and_stay_found, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_large_write_rebuilds_before_its_commit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_bulk_load_writes_the_names, setup, teardown),
        cmocka_unit_test_setup_teardown(the_check_notices_missing_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(the_check_notices_a_wrong_title, setup, teardown),
        cmocka_unit_test_setup_teardown(the_migration_from_schema_12_writes_the_names, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
