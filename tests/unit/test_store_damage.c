/* Lists that go on past damage (issue 18): store_page_staff in each
 * order passes a staff record that does not decode as a stand-in (its
 * NIP, and the index key that led to it) and pages on from it; without a
 * damaged callback the walk ends with the error. store_each_audit_past_
 * damage passes an audit entry that does not decode with only its number.
 * The damage is a flipped byte in the stored value (tests/unit/
 * store_hooks.c), as a bad disk or a hex editor would leave it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

#define N 6
#define BAD 2                   /* the person whose record is damaged */

static void nip_of(int i, char nip[NIP_LEN + 1])
{
    snprintf(nip, NIP_LEN + 1, "19800101%010u", (unsigned)i % 1000u);
}

/* Names in the reverse order of the NIPs, units in pairs: each order
 * puts the damaged record elsewhere. */
static int put_people(stxn *t, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < N; i++) {
        struct staff s;
        char nip[NIP_LEN + 1];
        nip_of(i, nip);
        dbfx_person(&s, nip, "P1");
        snprintf(s.name, sizeof s.name, "Person %c", 'F' - i);
        snprintf(s.unit, sizeof s.unit, "U%d", i / 2);
        if (store_put_staff(t, &s) != STORE_OK ||
            store_audit_append(t, "test", "put", nip, "", s.name) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Flips a byte in the middle of a stored value. */
static int flip(stxn *t, const char *db, const void *key, size_t klen)
{
    unsigned char buf[4096];
    long n = store_test_raw_get(t, db, key, klen, buf, sizeof buf);
    if (n < 8)
        return STORE_ERROR;
    buf[n / 2] ^= 0x20;
    return store_test_raw_put(t, db, key, klen, buf, (size_t)n);
}

static int damage(stxn *t, void *ctx)
{
    (void)ctx;
    char nip[NIP_LEN + 1];
    unsigned char seq[8] = {0, 0, 0, 0, 0, 0, 0, 2};
    nip_of(BAD, nip);
    if (flip(t, "staff", nip, NIP_LEN) != STORE_OK)
        return STORE_ERROR;
    return flip(t, "audit", seq, sizeof seq);
}

static int setup(void **state)
{
    struct dbfx *fx = dbfx_new("damage");
    assert_int_equal(store_write(fx->s, put_people, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, damage, NULL), STORE_OK);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

struct rows {
    int n;
    struct staff row[N + 1];
    bool bad[N + 1];
};

static int take(const struct staff *s, void *ctx)
{
    struct rows *r = ctx;
    if (r->n <= N) {
        r->row[r->n] = *s;
        r->bad[r->n] = false;
    }
    r->n++;
    return 0;
}

static int take_bad(const struct staff *s, void *ctx)
{
    struct rows *r = ctx;
    if (r->n <= N) {
        r->row[r->n] = *s;
        r->bad[r->n] = true;
    }
    r->n++;
    return 0;
}

/* Every row once, the damaged one marked where its key sorts; then a
 * walk from the stand-in visits exactly the rows after it. */
static void pages_past(struct dbfx *fx, int order)
{
    char bad_nip[NIP_LEN + 1];
    nip_of(BAD, bad_nip);
    stxn *t = store_read_begin(fx->s);
    assert_non_null(t);
    struct rows all = {0};
    struct store_page pg = {.order = order, .cb = take, .damaged = take_bad, .ctx = &all};
    assert_int_equal(store_page_staff(t, &pg), 0);
    assert_int_equal(all.n, N);
    int at = -1;
    for (int i = 0; i < N; i++)
        if (all.bad[i]) {
            assert_int_equal(at, -1);
            at = i;
        }
    assert_true(at >= 0);
    const struct staff *stub = &all.row[at];
    assert_string_equal(stub->nip, bad_nip);
    if (order == STORE_PAGE_NAME)
        assert_string_equal(stub->name, "person d");     /* the folded index key */
    if (order == STORE_PAGE_UNIT)
        assert_string_equal(stub->unit, "U1");
    struct rows after = {0};
    struct store_page from = {.order = order, .name = stub->name, .nip = stub->nip,
                              .unit = stub->unit, .cb = take, .damaged = take_bad,
                              .ctx = &after};
    assert_int_equal(store_page_staff(t, &from), 0);
    assert_int_equal(after.n, N - 1 - at);
    for (int i = 0; i < after.n; i++)
        assert_string_equal(after.row[i].nip, all.row[at + 1 + i].nip);
    /* without a damaged callback the damage ends the walk, named */
    struct rows strict = {0};
    struct store_page st = {.order = order, .cb = take, .ctx = &strict};
    assert_int_equal(store_page_staff(t, &st), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), bad_nip));
    store_read_end(t);
}

static void page_by_name(void **state) { pages_past(*state, STORE_PAGE_NAME); }
static void page_by_nip(void **state) { pages_past(*state, STORE_PAGE_NIP); }
static void page_by_unit(void **state) { pages_past(*state, STORE_PAGE_UNIT); }

struct entries {
    int n;
    uint64_t seq[16];
    bool damaged[16];
};

static int take_entry(const struct audit_entry *e, void *ctx)
{
    struct entries *x = ctx;
    if (x->n < 16) {
        x->seq[x->n] = e->seq;
        x->damaged[x->n] = e->damaged;
    }
    x->n++;
    return 0;
}

static void audit_past_damage(void **state)
{
    struct dbfx *fx = *state;
    stxn *t = store_read_begin(fx->s);
    assert_non_null(t);
    struct entries x = {0};
    assert_int_equal(store_each_audit_past_damage(t, 0, true, take_entry, &x), 0);
    assert_int_equal(x.n, N);
    for (int i = 0; i < N; i++) {
        assert_int_equal(x.seq[i], (uint64_t)(N - i));        /* newest first */
        assert_int_equal(x.damaged[i], x.seq[i] == 2);
    }
    struct entries strict = {0};
    assert_int_equal(store_each_audit_from(t, 0, true, take_entry, &strict), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "audit entry 2"));
    store_read_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(page_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(page_by_nip, setup, teardown),
        cmocka_unit_test_setup_teardown(page_by_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(audit_past_damage, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
