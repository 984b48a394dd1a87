/* A bulk load whose records were prepared ahead on another thread
 * (store_bulk_prepare, as an import's reader thread does: the encodings,
 * the keys, the names interned and their words filed) writes byte for
 * byte the database that store_bulk_add writes for the same people: the
 * records, the history, the three indexes, the find text, the words and
 * the digest. A record out of NIP order is still refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/store.h"
#include "dbfixture.h"

#define PEOPLE 900

static int setup(void **state)
{
    *state = dbfx_new("bulkprep");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* Names that share words, differ only in case or titles, are empty, or
 * hold a newline; units and positions that repeat. */
static void people(struct staff *st, int n)
{
    static const char *const names[] = {
        "Budi Santoso", "budi santoso", "Drs. Budi Santosa, M.Si.", "Ani", "ANI",
        "Muhammad Rizki", "Hj. Siti\nNur", "", "Zainal Arifin, S.Kom.", "Muhammad"};
    static const char *const units[] = {"U1", "U2", "U10", "U3"};
    static const char *const pos[] = {"P1", "P2", "P3", "P10", ""};
    for (int i = 0; i < n; i++) {
        char nip[32];
        snprintf(nip, sizeof nip, "1975%02d%02d2001%02d1%03d", 1 + i % 12, 1 + i % 28,
                 1 + i / 12 % 12, i % 1000);
        dbfx_person(&st[i], nip, pos[(i * 3) % 5]);
        snprintf(st[i].unit, sizeof st[i].unit, "%s", units[(i * 7) % 4]);
        snprintf(st[i].name, sizeof st[i].name, "%s", names[(i * 5) % 10]);
    }
    /* the load wants ascending NIPs */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(st[j - 1].nip, st[j].nip) > 0; j--) {
            struct staff t = st[j];
            st[j] = st[j - 1];
            st[j - 1] = t;
        }
}

static struct history post_line(const struct staff *s)
{
    struct history h = {0};
    memcpy(h.nip, s->nip, sizeof h.nip);
    h.since = s->post_since;
    snprintf(h.position, sizeof h.position, "%s", s->position);
    snprintf(h.unit, sizeof h.unit, "%s", s->unit);
    h.rank = s->rank;
    return h;
}

struct job {
    const struct staff *st;
    int n;
    bool prepared;              /* prepare on a thread, then add_prepared */
    store_bulk *b;
    struct store_bulk_prep *prep;
};

/* Every third record through store_bulk_prepare, the others through the
 * look-ahead in two stages (D rows apart) and store_bulk_prepare_ahead,
 * as the import's preparer thread does. */
enum { D = 2 };
static bool looks_ahead(int i)
{
    return i % 3 != 0;
}

static void *prepare_all(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < j->n + 2 * D; i++) {
        if (i < j->n && looks_ahead(i))
            store_bulk_look_ahead(j->b, &j->st[i], &j->prep[i], 0);
        if (i >= D && i - D < j->n && looks_ahead(i - D))
            store_bulk_look_ahead(j->b, &j->st[i - D], &j->prep[i - D], 1);
        int k = i - 2 * D;
        if (k < 0)
            continue;
        struct history h = post_line(&j->st[k]);
        if (looks_ahead(k))
            store_bulk_prepare_ahead(j->b, &j->st[k], &h, &j->prep[k]);
        else
            store_bulk_prepare(j->b, &j->st[k], &h, &j->prep[k]);
    }
    return NULL;
}

static int load(stxn *t, void *ctx)
{
    struct job *j = ctx;
    if (store_bulk_begin(t, (size_t)j->n, &j->b) != STORE_OK)
        return STORE_ERROR;
    if (j->prepared) {
        pthread_t th;
        assert_int_equal(pthread_create(&th, NULL, prepare_all, j), 0);
        assert_int_equal(pthread_join(th, NULL), 0);
    }
    for (int i = 0; i < j->n; i++) {
        struct history h = post_line(&j->st[i]);
        int r = j->prepared ? store_bulk_add_prepared(j->b, &j->st[i], &h, &j->prep[i])
                            : store_bulk_add(j->b, &j->st[i], &h);
        if (r != STORE_OK) {
            store_bulk_free(j->b);
            return STORE_ERROR;
        }
    }
    return store_bulk_finish(j->b);
}

static void assert_same_tables(store *a, store *b)
{
    static const char *const dbs[] = {"staff", "history", "staff_by_unit", "staff_by_position",
                                      "staff_by_name", "staff_text", "staff_words",
                                      "staff_vocab", "meta"};
    for (size_t i = 0; i < sizeof dbs / sizeof *dbs; i++) {
        struct dbfx_dump x = dbfx_dump_table(a, dbs[i]), y = dbfx_dump_table(b, dbs[i]);
        if (x.n != y.n || (x.n && memcmp(x.p, y.p, x.n) != 0))
            fail_msg("table %s differs (%zu and %zu bytes)", dbs[i], x.n, y.n);
        assert_true(x.n > 0);
        free(x.p);
        free(y.p);
    }
}

static void prepared_load_matches_plain_load(void **state)
{
    struct dbfx *fx = *state;
    static struct staff st[PEOPLE];
    people(st, PEOPLE);
    struct store_bulk_prep *prep = calloc(PEOPLE, sizeof *prep);
    assert_non_null(prep);
    store *other = dbfx_open_second(fx);
    struct job plain = {st, PEOPLE, false, NULL, NULL}, ahead = {st, PEOPLE, true, NULL, prep};
    assert_int_equal(store_write(other, load, &plain), STORE_OK);
    assert_int_equal(store_write(fx->s, load, &ahead), STORE_OK);
    for (int i = 0; i < PEOPLE; i++)
        assert_true(prep[i].ready);
    char why[256] = "";
    assert_int_equal(dbfx_problems(fx->s, why, sizeof why), 0);
    assert_same_tables(fx->s, other);
    store_close(other);
    free(prep);
}

/* Prepared or not, a record whose NIP is not above the last is refused
 * and the load leaves nothing. */
static void prepared_load_refuses_disorder(void **state)
{
    struct dbfx *fx = *state;
    enum { N = 40 };
    static struct staff st[N];
    people(st, N);
    struct staff t = st[20];
    st[20] = st[21];
    st[21] = t;
    struct store_bulk_prep prep[N];
    struct job ahead = {st, N, true, NULL, prep};
    assert_int_equal(store_write(fx->s, load, &ahead), STORE_ERROR);
    assert_non_null(strstr(store_errmsg(fx->s), "ascending"));
    stxn *rt = store_read_begin(fx->s);
    assert_int_equal(store_count_staff(rt), 0);
    store_read_end(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(prepared_load_matches_plain_load, setup, teardown),
        cmocka_unit_test_setup_teardown(prepared_load_refuses_disorder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
