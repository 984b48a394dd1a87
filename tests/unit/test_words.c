/* The words of staff names (schema 10, store/words.c), which
 * store_each_staff_match reads for a needle that is not a NIP: after puts,
 * renames (of the case alone too), deletes and a bulk load a search
 * answers what a pass over every record answers, in NIP order, for
 * needles of one word, of pieces of several, with spaces at either end; a bulk load files the same
 * entries as the puts; a database of schema 9 is filed when it migrates;
 * the check finds a wrong count and a missing entry. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "core/fold.h"
#include "store/codec.h"
#include "store/store.h"
#include "dbfixture.h"
#include "store_test.h"

#define PEOPLE 400

static int setup(void **state)
{
    *state = dbfx_new("words");
    return 0;
}

static int teardown(void **state)
{
    dbfx_free(*state);
    return 0;
}

/* Person i: names with titles, a word twice, runs of spaces, a space at
 * either end, a newline, a tab. */
static const char *const given[] = {"Siti", "Budi", "Ahmad", "Nur", "Yayan", "Dewi", "Sri",
                                    "AGUS"};
/* Before the first word, between the two, after the second; a third
 * word (the first again) after that. */
static const struct {
    const char *pre, *mid, *post;
    bool again;
} forms[] = {
    {"", " ", "", false},        {"Drs. ", " ", ", S.Pd.", false}, {"", "  ", "", false},
    {" ", " ", " ", false},      {"", " ", " ", true},             {"Hj. ", "\n", "", false},
    {"", "\t", ", M.Si.", false}, {"", "", "", false},             {"dr. ", "-", "", false},
    {"", " Nur ", "", false},
};

static void person(struct staff *s, int i, int version)
{
    char nip[32];
    int k = (i * 7919) % PEOPLE;
    snprintf(nip, sizeof nip, "1975%02d%02d2001%02d2%03d", 1 + k % 12, 1 + k % 28, 1 + k % 12,
             k % 1000);
    dbfx_person(s, nip, "P1");
    const char *a = given[(i + version) % 8], *b = given[i / 8 % 8];
    int f = (i + version) % 10;
    snprintf(s->name, sizeof s->name, "%s%s%s%s%s%s", forms[f].pre, a, forms[f].mid, b,
             forms[f].post, forms[f].again ? a : "");
}

/* --- what a search must answer ---------------------------------------------------- */

struct list {
    char nip[PEOPLE][NIP_LEN + 1];
    size_t n;
};

static int keep_nip(const char *nip, void *ctx)
{
    struct list *l = ctx;
    assert_true(l->n < PEOPLE);
    snprintf(l->nip[l->n++], NIP_LEN + 1, "%s", nip);
    return 0;
}

struct brute {
    char needle[128];
    struct list l;
};

/* The name as the search sees it: folded, a newline a space. */
static int brute_one(const struct staff *s, void *ctx)
{
    struct brute *b = ctx;
    char name[NAME_SIZE];
    snprintf(name, sizeof name, "%s", s->name);
    for (char *p = name; *p; p++)
        if (*p == '\n')
            *p = ' ';
    fold_str(name);
    return strstr(name, b->needle) ? keep_nip(s->nip, &b->l) : 0;
}

static void search_equals_a_pass(store *s, const char *text)
{
    static struct brute b;
    static struct list got;
    snprintf(b.needle, sizeof b.needle, "%s", text);
    fold_str(b.needle);
    b.l.n = got.n = 0;
    stxn *t = store_read_begin(s);
    assert_non_null(t);
    assert_int_equal(store_each_staff(t, NULL, brute_one, &b), 0);
    assert_int_equal(store_each_staff_match(t, text, keep_nip, &got), 0);
    store_read_end(t);
    if (got.n != b.l.n)
        fail_msg("\"%s\": %zu found, a pass finds %zu", text, got.n, b.l.n);
    for (size_t i = 0; i < got.n; i++)
        assert_string_equal(got.nip[i], b.l.nip[i]);
}

static void consistent(store *s)
{
    char why[300] = "";
    int n = dbfx_problems(s, why, sizeof why);
    if (n)
        fail_msg("%d problems: %s", n, why);
    static const char *const texts[] = {
        "yayan",  "YAYAN",   "ayan",     "siti nur", " sri",     "sri ",    "nur nur",
        "s.pd.",  ", s.pd.", "drs. ",    "  ",       "budi  s",  "hj. ",    "i s",
        "agusnur", "-",      "dr. siti-", "n y",     "nobody",   "i",       " ",
        "m.si.",  "\tb",     "a n",      "sri, s.pd.", " nur ",  "dewi dewi", "yayanyayan",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        search_equals_a_pass(s, texts[i]);
}

/* --- changes ------------------------------------------------------------------------- */

static int step, version;

static int change(stxn *t, void *ctx)
{
    (void)ctx;
    struct staff s;
    for (int i = 0; i < PEOPLE; i++) {
        person(&s, i, version);
        if (step == 0 && store_put_staff(t, &s) != STORE_OK)
            return STORE_ERROR;
        if (step == 1 && i % 3 == 0 && store_put_staff(t, &s) != STORE_OK)    /* renames */
            return STORE_ERROR;
        if (step == 2 && i % 5 == 0 && store_del_staff(t, s.nip) != STORE_OK)
            return STORE_ERROR;
        if (step == 3 && i % 5 != 0 && i % 4 == 0) {   /* the case alone: the same words */
            for (char *p = s.name; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A');
            if (store_put_staff(t, &s) != STORE_OK)
                return STORE_ERROR;
        }
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
    step = 3;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
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

static void same_table(store *a, store *b, const char *db)
{
    struct dbfx_dump x = dbfx_dump_table(a, db), y = dbfx_dump_table(b, db);
    assert_true(x.n > 0);
    assert_int_equal(x.n, y.n);
    assert_memory_equal(x.p, y.p, x.n);
    free(x.p);
    free(y.p);
}

static void a_bulk_load_files_what_puts_file(void **state)
{
    struct dbfx *fx = *state;
    store *second = dbfx_open_second(fx);
    assert_int_equal(store_write(fx->s, bulk, NULL), STORE_OK);
    step = 0, version = 0;
    assert_int_equal(store_write(second, change, NULL), STORE_OK);
    same_table(fx->s, second, "staff_words");
    same_table(fx->s, second, "staff_vocab");
    store_close(second);
    consistent(fx->s);
    step = 1, version = 2;      /* and changes after it */
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    consistent(fx->s);
}

/* --- schema 9 ------------------------------------------------------------------------ */

struct raw_entry {
    unsigned char k[64], v[8];
    size_t kl, vl;
};

struct raw_list {
    struct raw_entry e[PEOPLE * 8];
    size_t n;
};

static int take_entry(const void *key, size_t klen, const void *val, size_t vlen, void *ctx)
{
    struct raw_list *l = ctx;
    assert_true(l->n < PEOPLE * 8 && klen <= 64 && vlen <= 8);
    struct raw_entry *e = &l->e[l->n++];
    memcpy(e->k, key, klen);
    memcpy(e->v, val, vlen);
    e->kl = klen, e->vl = vlen;
    return 0;
}

/* Empties the two tables, as a database of schema 9 has them. */
static int make_schema_9(stxn *t, void *ctx)
{
    static struct raw_list l;
    static const char *const db[] = {"staff_words", "staff_vocab"};
    unsigned char v[4];
    (void)ctx;
    for (int d = 0; d < 2; d++) {
        l.n = 0;
        if (store_test_raw_each(t, db[d], take_entry, &l) != STORE_OK)
            return STORE_ERROR;
        for (size_t i = 0; i < l.n; i++)
            if (store_test_raw_del(t, db[d], l.e[i].k, l.e[i].kl, NULL, 0) == STORE_ERROR)
                return STORE_ERROR;
    }
    codec_be32(v, 9);
    return store_test_raw_put(t, "meta", "schema_version", 14, v, 4);
}

static void a_schema_9_database_is_filed_when_it_migrates(void **state)
{
    struct dbfx *fx = *state;
    char err[640], why[300];
    unsigned from = 0;
    step = 0, version = 0;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, make_schema_9, NULL), STORE_OK);
    assert_true(dbfx_problems(fx->s, why, sizeof why) > 0);
    assert_non_null(strstr(why, "word"));
    store_close(fx->s);
    fx->s = store_open(fx->db, 0, err, sizeof err);
    if (!fx->s)
        fail_msg("reopen: %s", err);
    assert_true(store_was_migrated(fx->s, &from));
    assert_int_equal(from, 9);
    consistent(fx->s);
}

/* --- damage ------------------------------------------------------------------------- */

static int miscount(stxn *t, void *ctx)
{
    unsigned char v[4];
    (void)ctx;
    codec_be32(v, 1);
    return store_test_raw_put(t, "staff_vocab", "yayan", 5, v, 4);
}

static int unfile_one(stxn *t, void *ctx)
{
    static struct raw_list l;
    (void)ctx;
    l.n = 0;
    if (store_test_raw_each(t, "staff_words", take_entry, &l) != STORE_OK || l.n < 10)
        return STORE_ERROR;
    return store_test_raw_del(t, "staff_words", l.e[9].k, l.e[9].kl, l.e[9].v, l.e[9].vl);
}

static void the_check_finds_a_wrong_count_and_a_missing_entry(void **state)
{
    struct dbfx *fx = *state;
    char why[300] = "";
    step = 0, version = 0;
    assert_int_equal(store_write(fx->s, change, NULL), STORE_OK);
    assert_int_equal(store_write(fx->s, unfile_one, NULL), STORE_OK);
    assert_int_equal(dbfx_problems(fx->s, why, sizeof why), 1);
    assert_non_null(strstr(why, "filed under the word"));
    assert_int_equal(store_write(fx->s, miscount, NULL), STORE_OK);
    assert_true(dbfx_problems(fx->s, why, sizeof why) > 0);
    assert_non_null(strstr(why, "count of the word \"yayan\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(follows_puts_renames_and_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bulk_load_files_what_puts_file, setup, teardown),
        cmocka_unit_test_setup_teardown(a_schema_9_database_is_filed_when_it_migrates, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_check_finds_a_wrong_count_and_a_missing_entry, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
