/* The Staff screen's search corpus against a plain scan of the same rows:
 * forward and backward, wrapping, misses, NIP digits, finding a row. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "store/corpus.h"

#define ROWS 1000

struct row {
    char name[40];
    char nip[19];
};

static struct row rows[ROWS];

static int row_order(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    int d = strcmp(x->name, y->name);
    return d ? d : strcmp(x->nip, y->nip);
}

/* Names from few letters so that short needles match some rows and not
 * others; NIPs of random digits. Rows in index order (folded name, NIP). */
static void make_rows(unsigned seed)
{
    srand(seed);
    static const char letters[] = "abdeinrsu ";
    for (int i = 0; i < ROWS; i++) {
        int len = 3 + rand() % 20;
        for (int j = 0; j < len; j++)
            rows[i].name[j] = letters[rand() % (int)(sizeof letters - 1)];
        rows[i].name[len] = '\0';
        for (int j = 0; j < 18; j++)
            rows[i].nip[j] = (char)('0' + rand() % 10);
        rows[i].nip[18] = '\0';
    }
    qsort(rows, ROWS, sizeof rows[0], row_order);
}

static void fill(struct corpus *c)
{
    corpus_init(c);
    for (int i = 0; i < ROWS; i++)
        assert_int_equal(corpus_add(c, rows[i].name, strlen(rows[i].name), rows[i].nip), 0);
    corpus_trim(c);
}

static bool matches(const struct row *r, const char *text)
{
    char digits[32];
    size_t n = 0;
    bool all = true;
    for (const char *t = text; *t; t++) {
        if (*t == ' ')
            continue;
        if (*t < '0' || *t > '9' || n >= 18)
            all = false;
        else
            digits[n++] = *t;
    }
    digits[n] = '\0';
    return strstr(r->name, text) || (all && n && strstr(r->nip, digits));
}

/* The reference: step row by row, wrapping. */
static size_t scan(const char *text, size_t from, int dir)
{
    for (size_t k = 0; k < ROWS; k++) {
        size_t i = dir > 0 ? (from + k) % ROWS : (from + ROWS - k) % ROWS;
        if (matches(&rows[i], text))
            return i;
    }
    return (size_t)-1;
}

static void agrees_with_a_plain_scan(void **state)
{
    (void)state;
    static const char *const texts[] = {"a", "ab", "dein", "u s", "zz", "rrrrrrrr", "e ",
                                        "7", "42", "123", "0 0", "999999", "x"};
    for (unsigned seed = 1; seed <= 3; seed++) {
        make_rows(seed);
        struct corpus c;
        fill(&c);
        assert_int_equal(c.n, ROWS);
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            for (size_t from = 0; from < ROWS; from += 37) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    bool wrapped;
                    size_t want = scan(texts[t], from, dir);
                    size_t got = corpus_search(&c, texts[t], from, dir, &wrapped);
                    if (got != want)
                        fail_msg("\"%s\" from %zu dir %d: got %zd, want %zd", texts[t], from,
                                 dir, (ssize_t)got, (ssize_t)want);
                    if (want != (size_t)-1)
                        assert_int_equal(wrapped, dir > 0 ? want < from : want > from);
                }
            }
        }
        corpus_free(&c);
    }
}

static void search_is_case_insensitive_and_misses_cleanly(void **state)
{
    (void)state;
    struct corpus c;
    corpus_init(&c);
    assert_int_equal(corpus_add(&c, "ani", 3, "198001012005011001"), 0);
    assert_int_equal(corpus_add(&c, "budi santoso", 12, "197502022000031002"), 0);
    assert_int_equal(corpus_add(&c, "citra", 5, "199003032015032003"), 0);
    corpus_trim(&c);
    bool wrapped;
    assert_int_equal(corpus_search(&c, "SANTO", 0, 1, &wrapped), 1);
    assert_false(wrapped);
    assert_int_equal(corpus_search(&c, "ani", 1, 1, &wrapped), 0);
    assert_true(wrapped);
    assert_int_equal(corpus_search(&c, "citra", 0, -1, &wrapped), 2);
    assert_true(wrapped);
    /* NIP digits, with the spaces of the printed form */
    assert_int_equal(corpus_search(&c, "2000 03", 0, 1, &wrapped), 1);
    assert_int_equal(corpus_search(&c, "qq", 0, 1, &wrapped), (size_t)-1);
    assert_int_equal(corpus_search(&c, "", 0, 1, &wrapped), (size_t)-1);
    /* a name never matches across into the next row */
    assert_int_equal(corpus_search(&c, "anib", 0, 1, &wrapped), (size_t)-1);
    corpus_free(&c);
}

static void finds_rows_and_gives_names_and_nips(void **state)
{
    (void)state;
    make_rows(7);
    struct corpus c;
    fill(&c);
    for (size_t i = 0; i < ROWS; i += 13) {
        assert_int_equal(corpus_find(&c, rows[i].name, rows[i].nip), i);
        size_t len;
        const char *name = corpus_name(&c, i, &len);
        assert_int_equal(len, strlen(rows[i].name));
        assert_memory_equal(name, rows[i].name, len);
        char nip[19];
        corpus_nip(&c, i, nip);
        assert_string_equal(nip, rows[i].nip);
    }
    /* upper case finds the folded row */
    char upper[40];
    snprintf(upper, sizeof upper, "%s", rows[5].name);
    for (char *p = upper; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    assert_int_equal(corpus_find(&c, upper, rows[5].nip), 5);
    assert_true(corpus_bytes(&c) > 0);
    corpus_free(&c);
}

static void refuses_a_nip_that_is_not_digits(void **state)
{
    (void)state;
    struct corpus c;
    corpus_init(&c);
    assert_int_equal(corpus_add(&c, "ani", 3, "19800101200501100x"), -1);
    assert_true(c.broken);
    corpus_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(agrees_with_a_plain_scan),
        cmocka_unit_test(search_is_case_insensitive_and_misses_cleanly),
        cmocka_unit_test(finds_rows_and_gives_names_and_nips),
        cmocka_unit_test(refuses_a_nip_that_is_not_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
