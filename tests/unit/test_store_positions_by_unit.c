/* The position index by unit (schema 7) on a temporary database: kept in
 * step with the positions (put, a move to another unit, delete), read
 * unit by unit with the holders counted (store_each_position_of_unit),
 * measured from the index alone (store_pos_reader_codes), and built by
 * the migration from schema 6. */
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
    *state = dbfx_new("posunit");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void make_position(struct position *p, const char *code, const char *unit)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit);
    snprintf(p->name, sizeof p->name, "Name of %s", code);
    snprintf(p->job_family, sizeof p->job_family, "umum");
    p->workload_minutes = 75000;
    p->need = NEED_FROM_ABK;
}

/* Positions put out of code order; codes of U1 that do not start with
 * "U1" (the index, not the code, says where a position belongs). */
static int put_positions(stxn *t, void *ctx)
{
    static const char *const rows[][2] = {
        {"U1-C", "U1"}, {"U2-A", "U2"}, {"ZZ-LONGEST-CODE", "U1"}, {"A-FIRST", "U1"},
        {"U1-B", "U1"},
    };
    (void)ctx;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        struct position p;
        make_position(&p, rows[i][0], rows[i][1]);
        if (store_put_position(t, &p) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Two hold U1-B, one holds U1-C. */
static int put_holders(stxn *t, void *ctx)
{
    static const char *const held[][2] = {
        {"198001012005011001", "U1-B"}, {"198001012005011002", "U1-B"},
        {"198001012005011003", "U1-C"},
    };
    (void)ctx;
    for (size_t i = 0; i < sizeof held / sizeof *held; i++) {
        struct staff s;
        dbfx_person(&s, held[i][0], held[i][1]);
        if (store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

struct seen {
    char text[256];             /* "code:holders " for each position */
};

static int see(const struct position *p, size_t holders, void *ctx)
{
    struct seen *s = ctx;
    size_t at = strlen(s->text);
    snprintf(s->text + at, sizeof s->text - at, "%s:%zu ", p->code, holders);
    return 0;
}

static void listed(store *st, const char *unit, const char *want)
{
    struct seen s = {""};
    stxn *t = store_read_begin(st);
    assert_non_null(t);
    assert_int_equal(store_each_position_of_unit(t, unit, see, &s), 0);
    store_read_end(t);
    assert_string_equal(s.text, want);
}

static int problems(store *st)
{
    char why[300] = "";
    int n = dbfx_problems(st, why, sizeof why);
    if (n)
        print_message("index problem: %s\n", why);
    return n;
}

static void a_unit_lists_its_own_positions_in_code_order_with_holders(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_positions, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, put_holders, NULL), STORE_OK);
    listed(fx->s, "U1", "A-FIRST:0 U1-B:2 U1-C:1 ZZ-LONGEST-CODE:0 ");
    listed(fx->s, "U2", "U2-A:0 ");
    listed(fx->s, "U3", "");
    listed(fx->s, "U", "");                 /* a prefix of a unit is no unit */
    size_t n, longest;
    stxn *t = store_read_begin(fx->s);
    store_pos_reader *r = store_pos_reader_open(t);
    assert_non_null(r);
    assert_int_equal(store_pos_reader_codes(r, "U1", &n, &longest), STORE_OK);
    assert_int_equal(n, 4);
    assert_int_equal(longest, strlen("ZZ-LONGEST-CODE"));
    assert_int_equal(store_pos_reader_codes(r, "U3", &n, &longest), STORE_OK);
    assert_int_equal(n, 0);
    assert_int_equal(longest, 0);
    store_pos_reader_close(r);
    store_read_end(t);
    assert_int_equal(problems(fx->s), 0);
}

static int move_and_drop(stxn *t, void *ctx)
{
    struct position p;
    (void)ctx;
    make_position(&p, "U1-C", "U2");        /* to another unit */
    if (store_put_position(t, &p) != STORE_OK)
        return STORE_ERROR;
    return store_del_position(t, "A-FIRST");
}

static void the_index_follows_a_move_and_a_delete(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_positions, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, put_holders, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, move_and_drop, NULL), STORE_OK);
    listed(fx->s, "U1", "U1-B:2 ZZ-LONGEST-CODE:0 ");
    listed(fx->s, "U2", "U1-C:1 U2-A:0 ");
    assert_int_equal(problems(fx->s), 0);
}

/* A database of schema 6: no position index yet. */
static int make_schema_6(stxn *t, void *ctx)
{
    static const char *const gone[][2] = {
        {"U1", "U1-C"}, {"U2", "U2-A"}, {"U1", "ZZ-LONGEST-CODE"}, {"U1", "A-FIRST"},
        {"U1", "U1-B"},
    };
    unsigned char v[4];
    (void)ctx;
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (store_test_raw_del(t, "positions_by_unit", gone[i][0], strlen(gone[i][0]),
                               gone[i][1], strlen(gone[i][1])) != STORE_OK)
            return STORE_ERROR;
    codec_be32(v, 6);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_migration_from_schema_6_builds_the_index(void **state)
{
    struct dbfx *fx = *state;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, put_positions, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_6, NULL), STORE_OK);
    listed(fx->s, "U1", "");
    assert_int_equal(problems(fx->s), 5);   /* every position lacks its entry */
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 6);
    listed(fx->s, "U1", "A-FIRST:0 U1-B:0 U1-C:0 ZZ-LONGEST-CODE:0 ");
    assert_int_equal(problems(fx->s), 0);
}

/* Codes that are prefixes of each other (P1 < P10 < P11 < P2), spread
 * over three units, every fourth held by one to three people. */
static int put_many(stxn *t, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 40; i++) {
        struct position p;
        char code[16], unit[16];
        snprintf(code, sizeof code, "P%d", i);
        snprintf(unit, sizeof unit, "U%d", i % 3 + 1);
        make_position(&p, code, unit);
        if (store_put_position(t, &p) != STORE_OK)
            return STORE_ERROR;
        for (int k = 0; i % 4 == 0 && k <= i % 3; k++) {
            struct staff st;
            char nip[19];
            snprintf(nip, sizeof nip, "1980010120050110%02d", i + k);
            dbfx_person(&st, nip, code);
            if (store_put_staff(t, &st) != STORE_OK)
                return STORE_ERROR;
        }
    }
    return STORE_OK;
}

/* One reader taking units forwards, backwards and again (its cursors step
 * on from the last look-up when codes rise, search when they do not)
 * lists each unit as a reader of its own does. */
static void one_reader_for_many_units_in_any_order(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_many, NULL), STORE_OK);
    static const char *const order[] = {"U1", "U2", "U3", "U3", "U2", "U1", "U2", "U1", "U9"};
    struct seen want[3], got;
    for (int u = 0; u < 3; u++) {
        char unit[16];
        snprintf(unit, sizeof unit, "U%d", u + 1);
        want[u].text[0] = '\0';
        stxn *t = store_read_begin(fx->s);
        assert_int_equal(store_each_position_of_unit(t, unit, see, &want[u]), 0);
        store_read_end(t);
    }
    /* by hand, the start of U1: P0 (one holder), P12 (one), P15, P18... */
    static const char head[] = "P0:1 P12:1 P15:0 P18:0 P21:0 P24:1 ";
    assert_memory_equal(want[0].text, head, strlen(head));
    stxn *t = store_read_begin(fx->s);
    store_pos_reader *r = store_pos_reader_open(t);
    assert_non_null(r);
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        got.text[0] = '\0';
        assert_int_equal(store_pos_reader_unit(r, order[i], see, &got), 0);
        int u = order[i][1] - '1';
        assert_string_equal(got.text, u < 3 ? want[u].text : "");
    }
    store_pos_reader_close(r);
    store_read_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_unit_lists_its_own_positions_in_code_order_with_holders,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(the_index_follows_a_move_and_a_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(one_reader_for_many_units_in_any_order, setup, teardown),
        cmocka_unit_test_setup_teardown(the_migration_from_schema_6_builds_the_index, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
