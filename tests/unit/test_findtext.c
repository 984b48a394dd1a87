/* The find text of staff (store_each_staff_match): after puts in any
 * order, renames, deletes, a batch and a bulk load it equals the records
 * (store_check_indexes), and a search answers what a pass over every
 * record answers, in NIP order. A damaged chunk is found. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/fold.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

#define PEOPLE 700              /* enough for a few dozen chunks */

static int setup(void **state)
{
    *state = dbfx_new("findtext");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* Person i: NIPs in a scrambled order, names of many lengths. */
static const char *const words[] = {"Siti", "Budi", "Ahmad", "Dewi", "Nur", "Rina",
                                    "Wahyuningsih", "Eko", "AGUS", "Sri"};

static void person(struct staff *s, int i, int version)
{
    char nip[32];
    int k = (i * 7919) % PEOPLE;
    snprintf(nip, sizeof nip, "1980%02d%02d2005%02d1%03d", 1 + k % 12, 1 + k % 28, 1 + k % 12,
             k % 1000);
    dbfx_person(s, nip, "P1");
    snprintf(s->name, sizeof s->name, "%s %s%s %d", words[(i + version) % 10], words[i / 10 % 10],
             i % 3 ? ", S.Pd." : " bin Abdullah Wahyuningsih Pratama", i);
}

/* --- what a search must answer -------------------------------------------- */

struct list {
    char nip[PEOPLE * 2][NIP_LEN + 1];
    size_t n;
};

static int keep_nip(const char *nip, void *ctx)
{
    struct list *l = ctx;
    assert_true(l->n < PEOPLE * 2);
    snprintf(l->nip[l->n++], NIP_LEN + 1, "%s", nip);
    return 0;
}

struct brute {
    const char *text;
    struct list l;
};

static int brute_one(const struct staff *s, void *ctx)
{
    struct brute *b = ctx;
    char needle[128], digits[NIP_LEN + 1];
    size_t nd = 0;
    bool all_digits = true;
    snprintf(needle, sizeof needle, "%s", b->text);
    fold_str(needle);
    for (const char *p = b->text; *p; p++)
        if (*p >= '0' && *p <= '9' && nd < NIP_LEN)
            digits[nd++] = *p;
        else if (*p != ' ')
            all_digits = false;
    digits[nd] = '\0';
    if (fold_contains(s->name, needle, strlen(needle)) ||
        (all_digits && nd && strstr(s->nip, digits)))
        return keep_nip(s->nip, &b->l);
    return 0;
}

static void search_equals_a_pass(store *s, const char *text)
{
    static struct brute b;
    static struct list got;
    b.text = text;
    b.l.n = got.n = 0;
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_each_staff(t, NULL, brute_one, &b), 0);
    assert_int_equal(store_each_staff_match(t, text, keep_nip, &got), 0);
    store_read_end(t);
    assert_int_equal(got.n, b.l.n);
    for (size_t i = 0; i < got.n; i++)
        assert_string_equal(got.nip[i], b.l.nip[i]);
}

static void consistent(store *s)
{
    char why[300] = "";
    int n = dbfx_problems(s, why, sizeof why);
    if (n)
        fail_msg("%d problems: %s", n, why);
    static const char *const texts[] = {"siti", "S.PD", "wahyuningsih pratama", "a", "1980",
                                        "2005 0", "bin", "nobody", "i 1", "sri 69", "7"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        search_equals_a_pass(s, texts[i]);
}

/* --- the steps ------------------------------------------------------------- */

static int step, version;

static int change(stxn *t, void *ctx)
{
    (void)ctx;
    struct staff s;
    for (int i = 0; i < PEOPLE; i++) {
        person(&s, i, version);
        if (step == 0 && store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
        if (step == 1 && i % 4 == 0 && store_put_staff(t, &s) != STORE_OK)    /* renames */
            return STORE_ERROR;
        if (step == 2 && i % 3 == 0 && store_del_staff(t, s.nip) != STORE_OK)
            return STORE_ERROR;
    }
    return STORE_OK;
}

static void follows_puts_renames_and_deletes(void **state)
{
    struct dbfx *fx = *state;
    step = 0, version = 0;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    consistent(fx->s);
    step = 1, version = 3;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    consistent(fx->s);
    step = 2;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    consistent(fx->s);
}

static int batch(stxn *t, void *ctx)
{
    static struct staff a[PEOPLE];
    int *n = ctx;
    for (int i = 0; i < *n; i++)
        person(&a[i], i, version);
    return store_put_staff_batch(t, a, (size_t)*n);
}

static void follows_a_batch(void **state)
{
    struct dbfx *fx = *state;
    int n = PEOPLE / 2;
    version = 0;
    assert_int_equal(store_write(fx->s, batch, &n), STORE_OK);
    consistent(fx->s);
    n = PEOPLE;         /* half of them again, renamed, and new ones */
    version = 5;
    assert_int_equal(store_write(fx->s, batch, &n), STORE_OK);
    consistent(fx->s);
}

static int nip_cmp(const void *a, const void *b)
{
    return strcmp(((const struct staff *)a)->nip, ((const struct staff *)b)->nip);
}

static int bulk(stxn *t, void *ctx)
{
    static struct staff a[PEOPLE];
    store_bulk *b;
    (void)ctx;
    for (int i = 0; i < PEOPLE; i++)
        person(&a[i], i, 0);
    qsort(a, PEOPLE, sizeof *a, nip_cmp);
    if (store_bulk_begin(t, PEOPLE, &b) != STORE_OK)
        return STORE_ERROR;
    for (int i = 0; i < PEOPLE; i++)
        if (store_bulk_add(b, &a[i], NULL) != STORE_OK) {
            store_bulk_free(b);
            return STORE_ERROR;
        }
    return store_bulk_finish(b);
}

static void follows_a_bulk_load(void **state)
{
    struct dbfx *fx = *state;
    assert_int_equal(store_write(fx->s, bulk, NULL), STORE_OK);
    consistent(fx->s);
    step = 1, version = 2;      /* and changes after it */
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    consistent(fx->s);
}

/* --- damage ------------------------------------------------------------------ */

struct first_chunk {
    unsigned char key[64], val[2100];
    size_t klen, vlen;
};

static int take_first(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    struct first_chunk *c = ctx;
    assert_true(klen <= sizeof c->key && vlen <= sizeof c->val);
    memcpy(c->key, key, klen);
    memcpy(c->val, val, vlen);
    c->klen = klen;
    c->vlen = vlen;
    return 1;
}

static int damage(stxn *t, void *ctx)
{
    struct first_chunk *c = ctx;
    if (store_test_raw_each(t, "staff_text", take_first, c) != 1)
        return STORE_ERROR;
    c->val[3] ^= 0x01;          /* a letter of the first name changes */
    return store_test_raw_put(t, "staff_text", c->key, c->klen, c->val, c->vlen);
}

static void a_changed_chunk_is_found(void **state)
{
    struct dbfx *fx = *state;
    static struct first_chunk c;
    char why[300] = "";
    step = 0, version = 0;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, damage, &c), STORE_OK);
    stxn *t = store_read_begin(fx->s);
    assert_true(store_check_indexes(t, why, sizeof why) > 0);
    store_read_end(t);
    assert_non_null(strstr(why, "find text"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(follows_puts_renames_and_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(follows_a_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(follows_a_bulk_load, setup, teardown),
        cmocka_unit_test_setup_teardown(a_changed_chunk_is_found, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
