/* The stored workload sums per district and job family (store.h,
 * store_each_wl_group): they follow changes of positions, staff and units
 * (a unit that comes, goes or changes district), the bulk load of units
 * after positions, equal a recount (store_wl_check notices a wrong one),
 * and a database of schema 7 gets them when it is upgraded. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/policy.h"
#include "store/codec.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

/* The groups as "name:minutes/need/existing/positions " in order. */
static int show(const char *name, const struct wl_row *r, uint64_t npos, void *ctx)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 512 - n, "%s:%lld/%lld/%lld/%llu ", name, (long long)r->workload_minutes,
             (long long)r->need, (long long)r->existing, (unsigned long long)npos);
    return 0;
}

struct seen {
    char district[512], family[512];
    uint64_t unplaced;
    int problems;
    char why[256];
};

static void read_groups(store *s, struct seen *g)
{
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    g->district[0] = g->family[0] = '\0';
    assert_int_equal(store_each_wl_group(t, STORE_WL_DISTRICT, show, g->district), 0);
    assert_int_equal(store_each_wl_group(t, STORE_WL_FAMILY, show, g->family), 0);
    g->unplaced = store_wl_unplaced_positions(t);
    g->why[0] = '\0';
    g->problems = store_check_indexes(t, g->why, sizeof g->why);
    store_read_end(t);
}

static void unit(struct unit *u, const char *code, const char *district)
{
    memset(u, 0, sizeof *u);
    snprintf(u->code, sizeof u->code, "%s", code);
    snprintf(u->name, sizeof u->name, "Unit %s", code);
    snprintf(u->district, sizeof u->district, "%s", district);
}

static void position(struct position *p, const char *code, const char *unit_code,
                     const char *family, int32_t need)
{
    memset(p, 0, sizeof *p);
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->unit, sizeof p->unit, "%s", unit_code);
    snprintf(p->job_family, sizeof p->job_family, "%s", family);
    snprintf(p->name, sizeof p->name, "%s", code);
    p->workload_minutes = 100;
    p->need = need;
}

/* U1 (Kota A): P1 umum need 1, P2 kesehatan need 2; U2 (Kab B): P3 umum
 * need 4; P4 umum need 8 of UX, which no unit has; one holder of P1. */
static int region(stxn *t, void *ctx)
{
    struct unit u;
    struct position p;
    struct staff s;
    (void)ctx;
    unit(&u, "U1", "Kota A");
    assert_int_equal(store_put_unit(t, &u), STORE_OK);
    unit(&u, "U2", "Kab B");
    assert_int_equal(store_put_unit(t, &u), STORE_OK);
    position(&p, "P1", "U1", "umum", 1);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P2", "U1", "kesehatan", 2);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P3", "U2", "umum", 4);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P4", "UX", "umum", 8);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    dbfx_person(&s, "198001012000011001", "P1");
    return store_put_staff(t, &s);
}

/* U2 moves to Kota A, UX comes (Kab C), U1 goes. */
static int reshape(stxn *t, void *ctx)
{
    struct unit u;
    (void)ctx;
    unit(&u, "U2", "Kota A");
    assert_int_equal(store_put_unit(t, &u), STORE_OK);
    unit(&u, "UX", "Kab C");
    assert_int_equal(store_put_unit(t, &u), STORE_OK);
    return store_del_unit(t, "U1");
}

static int setup(void **state)
{
    *state = dbfx_new("aggroups");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

static void the_sums_follow_positions_staff_and_units(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    read_groups(s, &g);
    assert_string_equal(g.district, "Kab B:100/4/0/1 Kota A:200/3/1/2 ");
    assert_string_equal(g.family, "kesehatan:100/2/0/1 umum:200/5/1/2 ");
    assert_int_equal(g.unplaced, 1);
    assert_int_equal(g.problems, 0);

    assert_int_equal(store_write(s, reshape, NULL), STORE_OK);
    read_groups(s, &g);
    /* U1's P1 and P2 now in no known unit; U2 in Kota A; UX's P4 placed */
    assert_string_equal(g.district, "Kab C:100/8/0/1 Kota A:100/4/0/1 ");
    assert_string_equal(g.family, "umum:200/12/0/2 ");
    assert_int_equal(g.unplaced, 2);
    assert_int_equal(g.problems, 0);
}

/* Units loaded in bulk after their positions place them. */
static int positions_first(stxn *t, void *ctx)
{
    struct position p;
    (void)ctx;
    position(&p, "P1", "U1", "umum", 1);
    assert_int_equal(store_put_position(t, &p), STORE_OK);
    position(&p, "P2", "U2", "umum", 2);
    return store_put_position(t, &p);
}

static int load_units(stxn *t, void *ctx)
{
    store_load *l;
    struct unit u;
    (void)ctx;
    assert_int_equal(store_load_begin(t, STORE_LOAD_UNITS, &l), STORE_OK);
    unit(&u, "U1", "Kota A");
    assert_int_equal(store_load_unit(l, &u), STORE_OK);
    return store_load_finish(l);
}

static void a_bulk_load_of_units_places_their_positions(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, positions_first, NULL), STORE_OK);
    read_groups(s, &g);
    assert_string_equal(g.district, "");
    assert_int_equal(g.unplaced, 2);
    assert_int_equal(store_write(s, load_units, NULL), STORE_OK);
    read_groups(s, &g);
    assert_string_equal(g.district, "Kota A:100/1/0/1 ");
    assert_string_equal(g.family, "umum:100/1/0/1 ");
    assert_int_equal(g.unplaced, 1);
    assert_int_equal(g.problems, 0);
}

/* A district's sum off by one holder. */
static int tamper(stxn *t, void *ctx)
{
    static const char key[] = "\0DKab B";
    unsigned char v[32] = {0};
    (void)ctx;
    v[0] = 100, v[8] = 4, v[16] = 1, v[24] = 1;   /* little-endian 64-bit figures */
    return store_test_raw_put(t, "workload_by_unit", key, sizeof key - 1, v, sizeof v);
}

static void the_check_notices_a_wrong_sum(void **state)
{
    store *s = ((struct dbfx *)*state)->s;
    struct seen g;
    assert_int_equal(store_write(s, region, NULL), STORE_OK);
    assert_int_equal(store_write(s, tamper, NULL), STORE_OK);
    read_groups(s, &g);
    assert_int_equal(g.problems, 1);
    assert_non_null(strstr(g.why, "Kab B"));
}

/* Schema 7 kept no sums: the first sum's key (any key led by a NUL but
 * the count of staff in no known position). */
struct raw_key {
    unsigned char k[64];
    size_t len;
};

static int first_sum(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    const unsigned char *k = key;
    struct raw_key *out = ctx;
    (void)val, (void)vlen;
    if (klen < 2 || k[0] != 0 || k[1] == 0xff || klen > sizeof out->k)
        return 0;
    memcpy(out->k, key, klen);
    out->len = klen;
    return 1;
}

static int make_schema_7(stxn *t, void *ctx)
{
    struct raw_key sum;
    unsigned char v[4];
    (void)ctx;
    /* one at a time: the walk stops at the first sum, which then goes */
    while (store_test_raw_each(t, "workload_by_unit", first_sum, &sum) == 1)
        if (store_test_raw_del(t, "workload_by_unit", sum.k, sum.len, NULL, 0) != STORE_OK)
            return STORE_ERROR;
    codec_be32(v, 7);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void the_upgrade_from_schema_7_sums_them(void **state)
{
    struct dbfx *fx = *state;
    struct seen g;
    char err[640];
    unsigned from = 0;
    assert_int_equal(store_write(fx->s, region, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_7, NULL), STORE_OK);
    read_groups(fx->s, &g);
    assert_string_equal(g.district, "");
    assert_true(g.problems > 0);
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 7);
    read_groups(fx->s, &g);
    assert_string_equal(g.district, "Kab B:100/4/0/1 Kota A:200/3/1/2 ");
    assert_int_equal(g.unplaced, 1);
    assert_int_equal(g.problems, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_sums_follow_positions_staff_and_units, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_bulk_load_of_units_places_their_positions, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_check_notices_a_wrong_sum, setup, teardown),
        cmocka_unit_test_setup_teardown(the_upgrade_from_schema_7_sums_them, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
