/* The filter language: terms combine, keys ignore case and exist in both
 * languages, each screen accepts only its own keys. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "core/filter.h"
#include "core/vocab.h"

static struct flt f;
static char err[512];

static void several_terms_are_kept_apart(void **state)
{
    (void)state;
    assert_int_equal(flt_parse("rank:III/b rotation", FLT_STAFF, &f, err, sizeof err), 0);
    assert_int_equal(f.n, 2);
    assert_int_equal(f.t[0].kind, FLT_RANK);
    assert_int_equal(f.t[0].value, rank_parse("III/b", 5));
    assert_int_equal(f.t[1].kind, FLT_ROTATION);
}

static void keys_ignore_case_and_speak_both_languages(void **state)
{
    (void)state;
    const char *pairs[][2] = {{"UNIT:dinkes", "unitkerja:DINKES"}, {"Rank:iv/a", "GOL:IV/a"},
                              {"family:x", "Rumpun:x"}, {"district:x", "KECAMATAN:x"},
                              {"eligible", "Layak"}, {"ROTATION", "rotasi"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        struct flt g;
        assert_int_equal(flt_parse(pairs[i][0], FLT_STAFF, &f, err, sizeof err), 0);
        assert_int_equal(flt_parse(pairs[i][1], FLT_STAFF, &g, err, sizeof err), 0);
        assert_int_equal(f.n, 1);
        assert_int_equal(f.t[0].kind, g.t[0].kind);
    }
    assert_int_equal(flt_parse("status:pns", FLT_STAFF, &f, err, sizeof err), 0);
    assert_int_equal(f.t[0].value, STATUS_PNS);
}

static void units_keywords(void **state)
{
    (void)state;
    assert_int_equal(flt_parse("kurang Puskesmas", FLT_UNITS, &f, err, sizeof err), 0);
    assert_int_equal(f.n, 2);
    assert_int_equal(f.t[0].kind, FLT_SHORT);
    assert_int_equal(f.t[1].kind, FLT_TEXT);
    assert_string_equal(f.t[1].arg, "puskesmas");   /* folded for matching */
    assert_int_equal(flt_parse("lebih", FLT_UNITS, &f, err, sizeof err), 0);
    assert_int_equal(f.t[0].kind, FLT_OVER);
    assert_int_equal(flt_parse("seimbang", FLT_UNITS, &f, err, sizeof err), 0);
    assert_int_equal(f.t[0].kind, FLT_BALANCED);
    /* A Staff keyword on Units is text, and a Staff key is refused. */
    assert_int_equal(flt_parse("rank:III/a", FLT_UNITS, &f, err, sizeof err), -1);
    assert_non_null(strstr(err, "short"));
}

static void wrong_values_are_refused(void **state)
{
    (void)state;
    assert_int_equal(flt_parse("rank:III/z", FLT_STAFF, &f, err, sizeof err), -1);
    assert_non_null(strstr(err, "III/z"));
    assert_int_equal(flt_parse("status:honorer", FLT_STAFF, &f, err, sizeof err), -1);
    assert_int_equal(flt_parse("unit:", FLT_STAFF, &f, err, sizeof err), -1);
    assert_int_equal(flt_parse("colour:red", FLT_STAFF, &f, err, sizeof err), -1);
    assert_non_null(strstr(err, "colour"));
    assert_int_equal(flt_parse("", FLT_STAFF, &f, err, sizeof err), 0);
    assert_int_equal(f.n, 0);
    assert_int_equal(flt_parse("a b c d e f g h i", FLT_STAFF, &f, err, sizeof err), -1);
}

static void codes_are_found_in_a_sorted_set(void **state)
{
    (void)state;
    char codes[3][32] = {"DINKES", "DINKES-YAN", "PKM-A"};
    struct flt_term t = {.kind = FLT_UNIT, .codes = codes, .ncodes = 3};
    assert_true(flt_term_has_code(&t, "DINKES-YAN"));
    assert_true(flt_term_has_code(&t, "PKM-A"));
    assert_false(flt_term_has_code(&t, "DISDIK"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(several_terms_are_kept_apart),
        cmocka_unit_test(keys_ignore_case_and_speak_both_languages),
        cmocka_unit_test(units_keywords),
        cmocka_unit_test(wrong_values_are_refused),
        cmocka_unit_test(codes_are_found_in_a_sorted_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
