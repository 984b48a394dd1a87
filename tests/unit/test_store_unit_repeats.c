/* The record of the units that show their parent in labels (schema 11,
 * store_unit_repeats) on a temporary database: it follows unit puts,
 * renames, deletes and the bulk load in their own transactions, the
 * consistency check catches a record that differs from a recount, a
 * missing record is counted from the units, and the migration from
 * schema 10 writes it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/unit_repeats.h"
#include "store/codec.h"
#include "store/store.h"
#include "store_test.h"
#include "dbfixture.h"

static int setup(void **state)
{
    *state = dbfx_new("unitrep");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void make_unit(struct unit *u, const char *code, const char *name, const char *parent)
{
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    snprintf(u->name, sizeof u->name, "%s", name);
    snprintf(u->parent, sizeof u->parent, "%s", parent);
    u->kind = parent[0] ? 1 : 0;
}

/* Two regions, each with a Dinas Kesehatan (repeats, told apart by the
 * region) holding a Sekretariat (repeats, its parent's name too: plain),
 * in code order (the bulk load wants it). */
static const char *const units[][3] = {
    {"A", "Kabupaten A", ""},
    {"A.DINKES", "Dinas Kesehatan", "A"},
    {"A.DINKES.SEK", "Sekretariat", "A.DINKES"},
    {"B", "Kabupaten B", ""},
    {"B.DINKES", "Dinas Kesehatan", "B"},
    {"B.DINKES.SEK", "Sekretariat", "B.DINKES"},
};
#define NUNITS (sizeof units / sizeof *units)

static int put_units(stxn *t, void *ctx)
{
    struct unit u;
    (void)ctx;
    for (size_t i = 0; i < NUNITS; i++) {
        make_unit(&u, units[i][0], units[i][1], units[i][2]);
        if (store_put_unit(t, &u) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static int load_units(stxn *t, void *ctx)
{
    store_load *l;
    struct unit u;
    (void)ctx;
    if (store_load_begin(t, STORE_LOAD_UNITS, &l) != STORE_OK)
        return STORE_ERROR;
    for (size_t i = 0; i < NUNITS; i++) {
        make_unit(&u, units[i][0], units[i][1], units[i][2]);
        if (store_load_unit(l, &u) != STORE_OK) {
            store_load_free(l);
            return STORE_ERROR;
        }
    }
    return store_load_finish(l);
}

/* "B" renamed "Kabupaten A": both Dinas Kesehatan have a parent of one
 * name, so neither shows it. */
static int rename_b(stxn *t, void *ctx)
{
    struct unit u;
    (void)ctx;
    make_unit(&u, "B", "Kabupaten A", "");
    return store_put_unit(t, &u);
}

static int delete_b_dinkes(stxn *t, void *ctx)
{
    (void)ctx;
    if (store_del_unit(t, "B.DINKES.SEK") != STORE_OK)
        return STORE_ERROR;
    return store_del_unit(t, "B.DINKES");
}

/* The stored record's raw bytes: how many codes it holds, -1 when absent. */
static long stored_count(store *st)
{
    static unsigned char buf[1 << 16];
    stxn *t = store_read_begin(st);
    assert_non_null(t);
    long n = store_test_raw_get(t, "meta", "unit_repeats", 12, buf, sizeof buf);
    store_read_end(t);
    return n < 0 ? -1 : n / 8;
}

/* Whether the set (as the screens read it) holds exactly the codes given. */
static void set_is(store *st, const char *const *codes, size_t n)
{
    uint64_t *set = NULL;
    size_t k = 0;
    stxn *t = store_read_begin(st);
    assert_non_null(t);
    assert_int_equal(store_unit_repeats(t, &set, &k), STORE_OK);
    store_read_end(t);
    assert_int_equal(k, n);
    for (size_t i = 0; i < n; i++)
        assert_true(unit_repeats_find(set, k, unit_key_hash(codes[i])) < k);
    free(set);
}

static void no_problems(store *st)
{
    char why[300] = "";
    int n = dbfx_problems(st, why, sizeof why);
    if (n)
        fail_msg("check: %s", why);
}

static const char *const both_dinkes[] = {"A.DINKES", "B.DINKES"};

static void the_record_follows_puts_renames_and_deletes(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(stored_count(fx->s), 0);     /* a new database: none */
    no_problems(fx->s);
    assert_int_equal(store_write(fx->s, put_units, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), 2);
    set_is(fx->s, both_dinkes, 2);
    no_problems(fx->s);
    assert_int_equal(store_write(fx->s, rename_b, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), 0);
    set_is(fx->s, NULL, 0);
    no_problems(fx->s);
    assert_int_equal(store_write(fx->s, put_units, NULL), STORE_OK);   /* B named again */
    set_is(fx->s, both_dinkes, 2);
    assert_int_equal(store_write(fx->s, delete_b_dinkes, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), 0);     /* one Dinas Kesehatan left */
    no_problems(fx->s);
}

static void the_bulk_load_writes_the_record(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, load_units, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), 2);
    set_is(fx->s, both_dinkes, 2);
    no_problems(fx->s);
}

/* One code hash, little-endian as stored: the Sekretariat of A instead of
 * B's Dinas Kesehatan. */
static int store_wrong_set(stxn *t, void *ctx)
{
    const char *codes[] = {"A.DINKES", "A.DINKES.SEK"};
    unsigned char v[16];
    (void)ctx;
    for (size_t i = 0; i < 2; i++) {
        uint64_t h = unit_key_hash(codes[i]);
        for (int b = 0; b < 8; b++)
            v[8 * i + (size_t)b] = (unsigned char)(h >> (8 * b));
    }
    return store_test_raw_put(t, "meta", "unit_repeats", 12, v, sizeof v);
}

static int drop_record(stxn *t, void *ctx)
{
    (void)ctx;
    return store_test_raw_del(t, "meta", "unit_repeats", 12, NULL, 0);
}

static void the_check_catches_a_wrong_or_missing_record(void **state)
{
    struct dbfx *fx = *state;
    char why[300] = "";
    assert_int_equal(store_write(fx->s, put_units, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, store_wrong_set, NULL), STORE_OK);
    assert_int_equal(dbfx_problems(fx->s, why, sizeof why), 1);
    assert_non_null(strstr(why, "show their parent"));
    assert_int_equal(store_write(fx->s, drop_record, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), -1);
    assert_int_equal(dbfx_problems(fx->s, why, sizeof why), 1);
    assert_non_null(strstr(why, "missing"));
    set_is(fx->s, both_dinkes, 2);                  /* counted from the units */
}

/* A database of schema 10: no record yet. */
static int make_schema_10(stxn *t, void *ctx)
{
    unsigned char v[4];
    if (drop_record(t, ctx) != STORE_OK)
        return STORE_ERROR;
    codec_be32(v, 10);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_migration_from_schema_10_writes_the_record(void **state)
{
    struct dbfx *fx = *state;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, put_units, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_10, NULL), STORE_OK);
    assert_int_equal(stored_count(fx->s), -1);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 10);
    assert_int_equal(stored_count(fx->s), 2);
    set_is(fx->s, both_dinkes, 2);
    no_problems(fx->s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_record_follows_puts_renames_and_deletes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_bulk_load_writes_the_record, setup, teardown),
        cmocka_unit_test_setup_teardown(the_check_catches_a_wrong_or_missing_record, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_migration_from_schema_10_writes_the_record, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
