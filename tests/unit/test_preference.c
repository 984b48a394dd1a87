/* Preferences: the places lists (parse, limits, duplicates), the record's
 * validation, matching a unit or its district, and the codec round trip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "core/preference.h"
#include "store/codec.h"

static int parse(const char *s, struct preference *p, char *err)
{
    return preference_places_parse(s, strlen(s), p->prefer, &p->nprefer, err, 256);
}

static void places_are_parsed_and_trimmed(void **state)
{
    (void)state;
    struct preference p = {0};
    char err[256], out[256];
    assert_int_equal(parse(" DINKES.PKM03 | Bukit Bungo ||", &p, err), 0);
    assert_int_equal(p.nprefer, 2);
    assert_string_equal(p.prefer[0], "DINKES.PKM03");
    assert_string_equal(p.prefer[1], "Bukit Bungo");
    preference_places_format(p.prefer, p.nprefer, out, sizeof out);
    assert_string_equal(out, "DINKES.PKM03|Bukit Bungo");
    assert_int_equal(parse("", &p, err), 0);
    assert_int_equal(p.nprefer, 0);
}

static void bad_places_are_refused(void **state)
{
    (void)state;
    struct preference p = {0};
    char err[256];
    assert_int_equal(parse("A|B|A", &p, err), -1);
    assert_non_null(strstr(err, "named twice"));
    assert_int_equal(parse("1|2|3|4|5|6|7|8|9", &p, err), -1);
    assert_non_null(strstr(err, "at most 8"));
    assert_int_equal(parse("A\tB\x01", &p, err), -1);
    char longer[PREF_PLACE_SIZE + 2];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_int_equal(parse(longer, &p, err), -1);
}

static void validation(void **state)
{
    (void)state;
    struct preference p = {0};
    struct verrs v = {0};
    char err[256];
    memcpy(p.nip, "198609262015051001", NIP_LEN + 1);
    assert_int_equal(parse("A|B", &p, err), 0);
    assert_int_equal(preference_validate(&p, &v), 0);
    assert_int_equal(preference_places_parse("B", 1, p.avoid, &p.navoid, err, sizeof err), 0);
    assert_int_equal(preference_validate(&p, &v), 1);
    assert_string_equal(v.e[0].field, "avoid");
    p.navoid = 0;
    memcpy(p.nip, "12345", 6);
    v.n = 0;
    assert_int_equal(preference_validate(&p, &v), 1);
    assert_string_equal(v.e[0].field, "nip");
}

static void matching_a_unit_or_its_district(void **state)
{
    (void)state;
    struct preference p = {0};
    char err[256];
    assert_int_equal(parse("DINKES.PKM03|Bukit Bungo", &p, err), 0);
    assert_true(preference_matches(p.prefer, p.nprefer, "DINKES.PKM03", "Sukajadi"));
    assert_true(preference_matches(p.prefer, p.nprefer, "DISDIK.SD1", "Bukit Bungo"));
    assert_false(preference_matches(p.prefer, p.nprefer, "DISDIK.SD1", "Sukajadi"));
    assert_false(preference_matches(p.prefer, p.nprefer, "", ""));
    assert_false(preference_matches(p.prefer, 0, "DINKES.PKM03", "Bukit Bungo"));
}

static void codec_round_trip(void **state)
{
    (void)state;
    struct preference p = {0}, q;
    char err[256];
    unsigned char buf[CODEC_MAX];
    memcpy(p.nip, "198609262015051001", NIP_LEN + 1);
    assert_int_equal(parse("A|Bukit Bungo", &p, err), 0);
    assert_int_equal(preference_places_parse("C", 1, p.avoid, &p.navoid, err, sizeof err), 0);
    snprintf(p.note, sizeof p.note, "ibu sakit, dekat rumah");
    size_t n = codec_put_preference(&p, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(codec_get_preference(buf, n, &q), 0);
    assert_memory_equal(&p, &q, sizeof p);
    for (size_t cut = 0; cut < n; cut++)
        assert_int_equal(codec_get_preference(buf, cut, &q), -1);
    buf[0] = 9;
    assert_int_equal(codec_get_preference(buf, n, &q), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(places_are_parsed_and_trimmed),
        cmocka_unit_test(bad_places_are_refused),
        cmocka_unit_test(validation),
        cmocka_unit_test(matching_a_unit_or_its_district),
        cmocka_unit_test(codec_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
