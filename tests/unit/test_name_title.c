/* Names without their titles (core/name_title): which part of a name is the
 * name, the sort key built from it, and the whole name given back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/name_title.h"

/* The core of name as a string. */
static const char *core_of(const char *name)
{
    static char out[NAME_SIZE];
    struct name_span c = name_core(name);
    assert_true(c.start <= c.end);
    assert_true(c.end <= strlen(name));
    snprintf(out, sizeof out, "%.*s", (int)(c.end - c.start), name + c.start);
    return out;
}

static void front_titles_go(void **state)
{
    (void)state;
    assert_string_equal(core_of("dr. Siti Aminah"), "Siti Aminah");
    assert_string_equal(core_of("Dr. Siti Aminah"), "Siti Aminah");
    assert_string_equal(core_of("Hj. Afrida Rosnida"), "Afrida Rosnida");
    assert_string_equal(core_of("H. Ahmad Yani"), "Ahmad Yani");
    assert_string_equal(core_of("Ir. Bambang Sutrisno"), "Bambang Sutrisno");
    assert_string_equal(core_of("Drs. Yusrizal Edwar"), "Yusrizal Edwar");
    assert_string_equal(core_of("Dra. Maya Ramadhani"), "Maya Ramadhani");
    assert_string_equal(core_of("drg. Rina"), "Rina");
    assert_string_equal(core_of("drh. Rudi"), "Rudi");
    assert_string_equal(core_of("Prof. Dr. Ir. H. Joko Santoso"), "Joko Santoso");
    assert_string_equal(core_of("Ns. Dewi Lestari"), "Dewi Lestari");
    assert_string_equal(core_of("apt. Yulia"), "Yulia");
    assert_string_equal(core_of("DRS. BUDI"), "BUDI");
}

static void front_titles_odd_forms(void **state)
{
    (void)state;
    assert_string_equal(core_of("Prof.Dr. Hasan"), "Hasan");
    assert_string_equal(core_of("dr.Siti"), "Siti");
    assert_string_equal(core_of("K.H. Abdul Wahid"), "Abdul Wahid");
    assert_string_equal(core_of("dr Siti"), "Siti");             /* no dot */
    assert_string_equal(core_of("Drs  H.  Ujang"), "Ujang");      /* spaces */
    assert_string_equal(core_of("H.M. Yusuf"), "M. Yusuf");       /* M. = Muhammad */
    assert_string_equal(core_of("M. Yusuf"), "M. Yusuf");
    assert_string_equal(core_of("H Ahmad"), "H Ahmad");           /* one letter: dot needed */
    assert_string_equal(core_of("Hendra Irawan"), "Hendra Irawan");
    assert_string_equal(core_of("Drajat"), "Drajat");             /* a title's letters in a name */
    assert_string_equal(core_of("Irma Dr"), "Irma Dr");          /* front only at the front */
}

static void back_titles_go(void **state)
{
    (void)state;
    assert_string_equal(core_of("Enceng Nugraha, S.Pd."), "Enceng Nugraha");
    assert_string_equal(core_of("Nining Wahyuni, S.Pd., M.Pd."), "Nining Wahyuni");
    assert_string_equal(core_of("Budi, S.Kom"), "Budi");
    assert_string_equal(core_of("Ani Lestari, SH, MM"), "Ani Lestari");
    assert_string_equal(core_of("Ani Lestari,S.E.,M.Si."), "Ani Lestari");
    assert_string_equal(core_of("Ani Lestari , S.E."), "Ani Lestari");
    assert_string_equal(core_of("Ani Lestari, A.Md.Kep."), "Ani Lestari");
    assert_string_equal(core_of("Ani Lestari, S.Pd M.Pd"), "Ani Lestari");
    assert_string_equal(core_of("Dr. Siti Aminah, S.Kep., M.Kes."), "Siti Aminah");
    assert_string_equal(core_of("Hj. Afrida Rosnida, S.Pd."), "Afrida Rosnida");
    assert_string_equal(core_of("Rahmat, S.H., M.H., Ph.D."), "Rahmat");
    assert_string_equal(core_of("Siti Aminah,"), "Siti Aminah");  /* a trailing comma */
    assert_string_equal(core_of("Zuraida, S.Kep., Ners"), "Zuraida");
    assert_string_equal(core_of("Rina, S.Farm., Apt."), "Rina");
    assert_string_equal(core_of("Budi, Amd"), "Budi");
}

static void back_titles_without_comma(void **state)
{
    (void)state;
    assert_string_equal(core_of("Budi Santoso S.Pd"), "Budi Santoso");
    assert_string_equal(core_of("Budi Santoso S.Pd. M.Si."), "Budi Santoso");
    assert_string_equal(core_of("Budi A.R."), "Budi A.R.");       /* initials stay */
    assert_string_equal(core_of("Budi S.H."), "Budi S.H.");       /* cannot be told apart */
}

static void commas_that_are_not_titles(void **state)
{
    (void)state;
    assert_string_equal(core_of("Ahmad, Budi"), "Ahmad, Budi");
    assert_string_equal(core_of("Ahmad, Budi, S.Pd."), "Ahmad, Budi");
    assert_string_equal(core_of("Ahmad, Budi S.Pd."), "Ahmad, Budi");
}

static void only_titles_stay(void **state)
{
    (void)state;
    assert_string_equal(core_of("dr."), "dr.");
    assert_string_equal(core_of("Prof. Dr."), "Prof. Dr.");
    assert_string_equal(core_of("Hj."), "Hj.");
    assert_string_equal(core_of(" S.Pd. "), "S.Pd.");
    assert_string_equal(core_of(", S.Pd."), ", S.Pd.");
    assert_string_equal(core_of("dr., S.Pd."), "dr., S.Pd.");
    assert_string_equal(core_of(""), "");
    assert_string_equal(core_of("   "), "");
    assert_string_equal(core_of(",,,"), ",,,");
}

static void utf8_names_untouched(void **state)
{
    (void)state;
    assert_string_equal(core_of("dr. \xc3\x89lise Ng\xe1\xbb\x8d"), "\xc3\x89lise Ng\xe1\xbb\x8d");
    assert_string_equal(core_of("\xc3\x89" "douard, S.Pd."), "\xc3\x89" "douard");
}

/* The sort key gives the whole name back, folded. */
static void key_round_trips(const char *name)
{
    unsigned char key[NAME_SORT_KEY_MAX], back[NAME_SIZE];
    char want[NAME_SIZE];
    size_t n = name_sort_key(name, key, sizeof key);
    size_t m = name_sort_key_name(key, n, back, sizeof back);
    snprintf(want, sizeof want, "%s", name);
    for (char *p = want; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    assert_int_equal(m, strlen(want));
    assert_memory_equal(back, want, m);
}

static void sort_key_round_trip(void **state)
{
    (void)state;
    const char *names[] = {
        "Siti Aminah", "dr. Siti Aminah", "Siti Aminah, S.Pd.", "Dr. Siti Aminah, S.Kep., M.Kes.",
        "dr.", "", ", S.Pd.", "H.M. Yusuf", "  Budi  ",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        key_round_trips(names[i]);
    unsigned char key[NAME_SORT_KEY_MAX];
    size_t n = name_sort_key("Ani", key, sizeof key);
    assert_int_equal(n, 3);                                  /* no titles: the name */
    assert_memory_equal(key, "ani", 3);
    n = name_sort_key("dr. Ani, S.Pd.", key, sizeof key);
    assert_int_equal(n, 3 + 1 + 4 + 1 + 7);
    assert_memory_equal(key, "ani\001dr. \001, s.pd.", n);
}

static void a_name_as_long_as_a_record_holds(void **state)
{
    (void)state;
    char name[NAME_SIZE];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    memcpy(name, "dr. ", 4);
    memcpy(name + sizeof name - 8, ", S.Pd.", 7);
    unsigned char key[NAME_SORT_KEY_MAX];
    size_t n = name_sort_key(name, key, sizeof key);
    assert_int_equal(n, sizeof name - 1 + 2);
    key_round_trips(name);
    /* a short buffer is never overrun */
    unsigned char small[5];
    assert_int_equal(name_sort_key(name, small, sizeof small), sizeof small);
}

static void order_ignores_titles_and_case(void **state)
{
    (void)state;
    assert_true(name_sort_cmp("dr. Zainal", "Ahmad") > 0);
    assert_true(name_sort_cmp("Hj. Afrida", "Budi, S.Pd.") < 0);
    assert_true(name_sort_cmp("Prof. Dr. Ani", "ani") > 0);   /* same name: titled after */
    assert_true(name_sort_cmp("ANI", "ani") == 0);
    assert_true(name_sort_cmp("dr. Ani", "Ani Budi") < 0);     /* a name before its extensions */
    assert_true(name_sort_cmp("Ani, S.Pd.", "Ani Budi") < 0);
    assert_true(name_sort_cmp("Ani Budi", "Ani, S.Pd.") > 0);
    assert_true(name_sort_cmp("Drs. Yusrizal", "Dra. Maya") > 0);
    assert_true(name_sort_cmp("dr. Ani", "Dr. Ani") == 0);
}

/* The comparison and the bytes of the keys agree on every pair. */
static void order_is_the_keys_order(void **state)
{
    (void)state;
    const char *names[] = {
        "Ani", "ani", "dr. Ani", "Dr. Ani", "Ani, S.Pd.", "Ani Budi", "Prof. Ani, M.Si.", "Budi",
        "dr.", "", "Hj.", "H.M. Yusuf", "M. Yusuf", "Ani,", "ani\xc3\xa9", "Zainal, SH",
    };
    size_t n = sizeof names / sizeof *names;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            unsigned char x[NAME_SORT_KEY_MAX], y[NAME_SORT_KEY_MAX];
            size_t nx = name_sort_key(names[i], x, sizeof x);
            size_t ny = name_sort_key(names[j], y, sizeof y);
            int d = memcmp(x, y, nx < ny ? nx : ny);
            d = d ? d : (nx > ny) - (nx < ny);
            int c = name_sort_cmp(names[i], names[j]);
            assert_int_equal((d > 0) - (d < 0), c);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(front_titles_go),
        cmocka_unit_test(front_titles_odd_forms),
        cmocka_unit_test(back_titles_go),
        cmocka_unit_test(back_titles_without_comma),
        cmocka_unit_test(commas_that_are_not_titles),
        cmocka_unit_test(only_titles_stay),
        cmocka_unit_test(utf8_names_untouched),
        cmocka_unit_test(sort_key_round_trip),
        cmocka_unit_test(a_name_as_long_as_a_record_holds),
        cmocka_unit_test(order_ignores_titles_and_case),
        cmocka_unit_test(order_is_the_keys_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
