/* The codes in memory (store_codes_load, core/strset) and the bulk load
 * that takes its unit and position ids from them: it writes byte for byte
 * the tables (records, indexes, history, workload aggregates) that single
 * puts write, and refuses a person whose unit or position is not among
 * the codes; so does a load whose records were prepared ahead on another
 * thread (store_bulk_prepare looks their positions up there). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/strset.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

static int setup(void **state)
{
    *state = dbfx_new("codes");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* Ids are dense in the order of adding; a string is found again whatever
 * the set's growth, and a prefix or extension of it is another string. */
static void strset_ids_and_lookups(void **state)
{
    (void)state;
    struct strset set = {0};
    char s[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(s, sizeof s, "P%d", i);
        assert_int_equal(strset_add(&set, s, strlen(s)), (uint32_t)i);
    }
    assert_int_equal(strset_add(&set, "P17", 3), 17);
    assert_int_equal(strset_find(&set, "P4999", 5), 4999);
    assert_int_equal(strset_find(&set, "P49999", 6), STRSET_NONE);
    assert_int_equal(strset_find(&set, "P", 1), STRSET_NONE);
    assert_int_equal(strset_find(&set, "P1234x", 5), 1234);   /* n bytes only */
    assert_string_equal(strset_str(&set, 321), "P321");
    assert_int_equal(set.n, 5000);
    strset_free(&set);
    assert_int_equal(strset_find(&set, "P1", 2), STRSET_NONE);
}

/* strset_add_new (no look-up first) numbers and finds strings as
 * strset_add does, reserved or not, and the empty string is one too. */
static void strset_add_new_ids_and_lookups(void **state)
{
    (void)state;
    struct strset a = {0}, b = {0};
    char s[32];
    assert_int_equal(strset_reserve(&b, 100, 100 * 6), 0);
    assert_int_equal(strset_add_new(&b, "", 0), 0);
    for (int i = 0; i < 3000; i++) {
        snprintf(s, sizeof s, "K%d", i * 7);
        assert_int_equal(strset_add_new(&a, s, strlen(s)), (uint32_t)i);
        assert_int_equal(strset_add_new(&b, s, strlen(s)), (uint32_t)i + 1);
    }
    for (int i = 0; i < 3000; i += 97) {
        snprintf(s, sizeof s, "K%d", i * 7);
        assert_int_equal(strset_find(&a, s, strlen(s)), (uint32_t)i);
        assert_int_equal(strset_add(&b, s, strlen(s)), (uint32_t)i + 1);
        assert_string_equal(strset_str(&a, (uint32_t)i), s);
        const char *str = NULL;
        assert_int_equal(strset_find_str(&b, s, strlen(s), &str), (uint32_t)i + 1);
        assert_ptr_equal(str, strset_str(&b, (uint32_t)i + 1));
    }
    assert_int_equal(strset_find(&b, "", 0), 0);
    assert_int_equal(strset_find(&a, "", 0), STRSET_NONE);
    assert_int_equal(strset_find(&a, "K1", 2), STRSET_NONE);
    strset_free(&a);
    strset_free(&b);
}

/* A value kept with each string starts as zeros, stays with its string
 * while the set grows, and is found from the string a look-up gives. */
static void strset_values_stay_with_their_strings(void **state)
{
    (void)state;
    struct strset set = {.vsize = sizeof(uint32_t)};
    char s[32];
    for (uint32_t i = 0; i < 4000; i++) {
        snprintf(s, sizeof s, "V%u", i);
        uint32_t id = strset_add_new(&set, s, strlen(s));
        uint32_t v;
        memcpy(&v, strset_val(&set, strset_str(&set, id)), sizeof v);
        assert_int_equal(v, 0);
        v = i * 3 + 1;
        memcpy(strset_val(&set, strset_str(&set, id)), &v, sizeof v);
    }
    for (uint32_t i = 0; i < 4000; i += 131) {
        const char *str;
        uint32_t v;
        snprintf(s, sizeof s, "V%u", i);
        assert_int_equal(strset_find_str(&set, s, strlen(s), &str), i);
        memcpy(&v, strset_val(&set, str), sizeof v);
        assert_int_equal(v, i * 3 + 1);
    }
    strset_free(&set);
}

enum { UNITS = 4, POSITIONS = 7, PEOPLE = 900 };
static const char *const unit_code[UNITS] = {"U1", "U10", "U2", "U3"};
static const char *const pos_code[POSITIONS] = {"P1", "P10", "P2", "P3", "P4", "P5", "P6"};
static const char *const family[] = {"umum", "kesehatan", "pendidikan"};

static int put_places(stxn *t, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < UNITS; i++) {
        struct unit u = {.kind = UKIND_OPD};
        snprintf(u.code, sizeof u.code, "%s", unit_code[i]);
        snprintf(u.name, sizeof u.name, "Unit %d", i);
        if (store_put_unit(t, &u) != STORE_OK)
            return STORE_ERROR;
    }
    for (int i = 0; i < POSITIONS; i++) {
        struct position p = {.kind = PKIND_PELAKSANA, .workload_minutes = 60000 + i,
                             .need = NEED_FROM_ABK};
        snprintf(p.code, sizeof p.code, "%s", pos_code[i]);
        snprintf(p.unit, sizeof p.unit, "%s", unit_code[i % UNITS]);
        snprintf(p.name, sizeof p.name, "Jabatan %d", i);
        snprintf(p.job_family, sizeof p.job_family, "%s", family[i % 3]);
        if (store_put_position(t, &p) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Person i in NIP order: positions of every unit, some on leave (no
 * position), names that tie and differ in case. */
static void person(struct staff *s, int i)
{
    static const char *const nm[] = {"Budi Santoso", "budi santoso", "Ani", "Siti Aminah",
                                     "Muhammad Rizki", "Muhammad Rizal"};
    memset(s, 0, sizeof *s);
    snprintf(s->nip, sizeof s->nip, "19800101%010d", 3 * i + 7);
    snprintf(s->name, sizeof s->name, "%s", nm[(i * 5) % 6]);
    int p = (i * 3) % (POSITIONS + 1);
    if (p < POSITIONS) {
        snprintf(s->position, sizeof s->position, "%s", pos_code[p]);
        snprintf(s->unit, sizeof s->unit, "%s", unit_code[p % UNITS]);
    } else {
        snprintf(s->unit, sizeof s->unit, "%s", unit_code[i % UNITS]);
        s->leave = LEAVE_TUGAS_BELAJAR;
    }
    s->sex = SEX_P;
    s->status = STATUS_PNS;
    s->rank = 9;
    s->birth_date = 3652;
    s->post_since = 15000 + i;
    s->pns_since = 13000;
    s->discipline_until = MDATE_NONE;
}

struct job {
    const struct staff *st;
    int n;
    bool codes;                 /* the bulk load with the codes; else single puts */
    bool prepared;              /* the records prepared on another thread first */
    store_bulk *b;
    struct store_bulk_prep *prep;
};

static void *prepare_all(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < j->n; i++)
        store_bulk_prepare(j->b, &j->st[i], NULL, &j->prep[i]);
    return NULL;
}

static int add_one(struct job *j, int i)
{
    if (!j->prepared)
        return store_bulk_add(j->b, &j->st[i], NULL);
    const char *unit;
    /* the position looked up ahead, in the codes */
    assert_int_equal(store_bulk_prep_position_unit(&j->prep[i], &unit), j->st[i].position[0] != 0);
    return store_bulk_add_prepared(j->b, &j->st[i], NULL, &j->prep[i]);
}

static int load(stxn *t, void *ctx)
{
    struct job *j = ctx;
    if (!j->codes) {
        for (int i = 0; i < j->n; i++)
            if (store_put_staff(t, &j->st[(i * 37) % j->n]) != STORE_OK)
                return STORE_ERROR;
        return STORE_OK;
    }
    store_codes *c;
    store_bulk *b;
    if (store_codes_load(t, true, &c) != STORE_OK)
        return STORE_ERROR;
    int r = store_bulk_begin(t, (size_t)j->n, &b);
    if (r == STORE_OK)
        store_bulk_use_codes(b, c);
    j->b = b;
    pthread_t th;
    if (r == STORE_OK && j->prepared) {
        j->prep = calloc((size_t)j->n, sizeof *j->prep);
        assert_non_null(j->prep);
        assert_int_equal(pthread_create(&th, NULL, prepare_all, j), 0);
        assert_int_equal(pthread_join(th, NULL), 0);
    }
    for (int i = 0; r == STORE_OK && i < j->n; i++)
        r = add_one(j, i);
    free(j->prep);
    j->prep = NULL;
    if (r == STORE_OK)
        r = store_bulk_finish(b);
    else if (b)
        store_bulk_free(b);
    store_codes_free(c);
    return r;
}

/* What the codes answer: units and positions on record, a position's
 * unit, nothing else. */
static void codes_answer_from_the_tables(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, put_places, NULL), STORE_OK);
    stxn *t = store_read_begin(fx->s);
    store_codes *c;
    assert_int_equal(store_codes_load(t, true, &c), STORE_OK);
    store_read_end(t);
    assert_true(store_codes_has_unit(c, "U10"));
    assert_false(store_codes_has_unit(c, "U1 "));
    assert_false(store_codes_has_unit(c, "P1"));
    assert_string_equal(store_codes_position_unit(c, "P4"), "U1");
    assert_string_equal(store_codes_position_unit(c, "P10"), "U10");
    assert_null(store_codes_position_unit(c, "U1"));
    assert_true(store_codes_has_unit(c, "U10"));     /* asked again after others */
    const char *unit = "";
    assert_int_not_equal(store_codes_position_find(c, "P10", &unit), STRSET_NONE);
    assert_string_equal(unit, "U10");
    assert_int_equal(store_codes_position_find(c, "U1", &unit), STRSET_NONE);
    assert_null(unit);
    store_codes_free(c);
}

static void bulk_matches_single_puts(struct dbfx *fx, bool prepared)
{
    static struct staff st[PEOPLE];
    for (int i = 0; i < PEOPLE; i++)
        person(&st[i], i);
    store *other = dbfx_open_second(fx);
    assert_int_equal(store_write(fx->s, put_places, NULL), STORE_OK);
    assert_int_equal(store_write(other, put_places, NULL), STORE_OK);
    struct job bulk = {st, PEOPLE, true, prepared, NULL, NULL}, single = {st, PEOPLE, false};
    assert_int_equal(store_write(fx->s, load, &bulk), STORE_OK);
    assert_int_equal(store_write(other, load, &single), STORE_OK);
    static const char *const dbs[] = {"staff", "staff_by_unit", "staff_by_position",
                                      "staff_by_name", "workload_by_unit"};
    for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++) {
        struct dbfx_dump x = dbfx_dump_table(fx->s, dbs[i]), y = dbfx_dump_table(other, dbs[i]);
        if (x.n != y.n || (x.n && memcmp(x.p, y.p, x.n) != 0))
            fail_msg("table %s differs (%zu and %zu bytes)", dbs[i], x.n, y.n);
        assert_true(x.n > 0);
        free(x.p);
        free(y.p);
    }
    char why[300];
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_check_indexes(t, why, sizeof why), 0);
    store_read_end(t);
    store_close(other);
}

static void bulk_with_codes_matches_single_puts(void **state)
{
    bulk_matches_single_puts(*state, false);
}

static void prepared_bulk_with_codes_matches_single_puts(void **state)
{
    bulk_matches_single_puts(*state, true);
}

/* A person whose position is not among the codes: the load is refused. */
static void refuses_unknown_position(struct dbfx *fx, bool prepared)
{
    static struct staff st[20];
    for (int i = 0; i < 20; i++)
        person(&st[i], i);
    snprintf(st[12].position, sizeof st[12].position, "P99");
    assert_int_equal(store_write(fx->s, put_places, NULL), STORE_OK);
    struct job bulk = {st, 20, true, prepared, NULL, NULL};
    assert_int_equal(store_write(fx->s, load, &bulk), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "P99"));
    stxn *t = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(t), 0);
    store_read_end(t);
}

static void bulk_with_codes_refuses_unknown_position(void **state)
{
    refuses_unknown_position(*state, false);
}

static void prepared_bulk_with_codes_refuses_unknown_position(void **state)
{
    refuses_unknown_position(*state, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strset_ids_and_lookups),
        cmocka_unit_test(strset_add_new_ids_and_lookups),
        cmocka_unit_test(strset_values_stay_with_their_strings),
        cmocka_unit_test_setup_teardown(codes_answer_from_the_tables, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_with_codes_matches_single_puts, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_with_codes_refuses_unknown_position, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(prepared_bulk_with_codes_matches_single_puts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(prepared_bulk_with_codes_refuses_unknown_position, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
