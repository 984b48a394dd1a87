/* NIP: digits and spaces, every date part, the sex digit, formatting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "core/nip.h"
#include "core/vocab.h"

static enum nip_error parse(const char *s, char out[NIP_LEN + 1])
{
    return nip_parse(s, strlen(s), out);
}

static void accepts_with_and_without_spaces(void **state)
{
    (void)state;
    char a[NIP_LEN + 1], b[NIP_LEN + 1], c[NIP_LEN + 1];
    assert_int_equal(parse("198609262015051001", a), NIP_OK);
    assert_int_equal(parse("19860926 201505 1 001", b), NIP_OK);
    assert_int_equal(parse("  1986 0926 2015 0510 01 ", c), NIP_OK);
    assert_string_equal(a, "198609262015051001");
    assert_string_equal(b, a);
    assert_string_equal(c, a);
    char f[NIP_FMT_LEN + 1];
    nip_format(a, f);
    assert_string_equal(f, "19860926 201505 1 001");
    assert_int_equal(strlen(f), NIP_FMT_LEN);
    /* the formatted form parses back to the same digits */
    assert_int_equal(parse(f, b), NIP_OK);
    assert_string_equal(b, a);
}

static void refuses_wrong_length_and_characters(void **state)
{
    (void)state;
    char out[NIP_LEN + 1] = "untouched";
    assert_int_equal(parse("19860926201505100", out), NIP_ERR_LENGTH);
    assert_int_equal(parse("1986092620150510011", out), NIP_ERR_LENGTH);
    assert_int_equal(parse("", out), NIP_ERR_LENGTH);
    assert_int_equal(parse("      ", out), NIP_ERR_LENGTH);
    assert_int_equal(parse("19860926-201505-1-001", out), NIP_ERR_CHAR);
    assert_int_equal(parse("1986092620150510O1", out), NIP_ERR_CHAR);
    assert_int_equal(parse("19860926\t201505 1 001", out), NIP_ERR_CHAR);
    /* failures leave out alone */
    assert_string_equal(out, "untouched");
    /* exactly len bytes are read */
    assert_int_equal(nip_parse("1986092620150510019", 18, out), NIP_OK);
}

static void refuses_impossible_dates(void **state)
{
    (void)state;
    char out[NIP_LEN + 1];
    assert_int_equal(parse("198602302015051001", out), NIP_ERR_BIRTH); /* Feb 30 */
    assert_int_equal(parse("198613012015051001", out), NIP_ERR_BIRTH); /* month 13 */
    assert_int_equal(parse("198600102015051001", out), NIP_ERR_BIRTH); /* month 0 */
    assert_int_equal(parse("198609002015051001", out), NIP_ERR_BIRTH); /* day 0 */
    assert_int_equal(parse("189909262015051001", out), NIP_ERR_BIRTH); /* < 1900 */
    assert_int_equal(parse("198702292015051001", out), NIP_ERR_BIRTH); /* not leap */
    assert_int_equal(parse("198802292015051001", out), NIP_OK);        /* leap */
    assert_int_equal(parse("198609262015131001", out), NIP_ERR_CPNS); /* month 13 */
    assert_int_equal(parse("198609262015001001", out), NIP_ERR_CPNS); /* month 0 */
    /* CPNS start 15..70 years after the birth year */
    assert_int_equal(parse("198609262000121001", out), NIP_ERR_CPNS);
    assert_int_equal(parse("198609262001011001", out), NIP_OK);
    assert_int_equal(parse("198609262056121001", out), NIP_OK);
    assert_int_equal(parse("198609262057011001", out), NIP_ERR_CPNS);
    assert_int_equal(parse("198609261985051001", out), NIP_ERR_CPNS);
}

static void sex_digit(void **state)
{
    (void)state;
    char out[NIP_LEN + 1];
    assert_int_equal(parse("198609262015051001", out), NIP_OK);
    assert_int_equal(nip_sex(out), SEX_L);
    assert_int_equal(parse("198609262015052001", out), NIP_OK);
    assert_int_equal(nip_sex(out), SEX_P);
    assert_int_equal(parse("198609262015050001", out), NIP_ERR_SEX);
    assert_int_equal(parse("198609262015053001", out), NIP_ERR_SEX);
    assert_int_equal(nip_sex("198609262015053001"), SEX_NONE);
}

static void parts(void **state)
{
    (void)state;
    assert_int_equal(nip_birth_date("198609262015051001"),
                     date_from_ymd(1986, 9, 26));
    assert_int_equal(nip_birth_date("198602302015051001"), MDATE_NONE);
    assert_int_equal(nip_birth_date("19860926"), MDATE_NONE);
    int y, m;
    nip_cpns_start("198609262015051001", &y, &m);
    assert_int_equal(y, 2015);
    assert_int_equal(m, 5);
    nip_cpns_start("1986x9262015051001", &y, &m);
    assert_int_equal(y, 0);
    assert_int_equal(m, 0);
}

static void every_error_has_a_sentence(void **state)
{
    (void)state;
    const enum nip_error all[] = {NIP_ERR_LENGTH, NIP_ERR_CHAR, NIP_ERR_BIRTH,
                                  NIP_ERR_CPNS, NIP_ERR_SEX, NIP_ERR_NUMBER,
                                  NIP_ERR_SEQUENCE};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        assert_true(strlen(nip_error_text(all[i])) > 10);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(nip_error_text(all[i]),
                                    nip_error_text(all[j]));
    }
}

/* What a spreadsheet leaves of an 18-digit NIP it took for a number. */
static void spreadsheet_damage(void **state)
{
    (void)state;
    char out[NIP_LEN + 1];
    const char *number[] = {"1,96711E+17", "1.96711E+17", "1.96711231990031E+17",
                            "1.96711231990031e17", "196711231990031000,00",
                            "196711231990031001.0", "196.711.231.990.031.001"};
    for (size_t i = 0; i < sizeof number / sizeof *number; i++)
        assert_int_equal(parse(number[i], out), NIP_ERR_NUMBER);
    /* 15 significant digits kept: the sequence becomes 000 */
    assert_int_equal(parse("196711231990031000", out), NIP_ERR_SEQUENCE);
    assert_int_equal(parse("19671123 199003 1 000", out), NIP_ERR_SEQUENCE);
    /* comes before the other parts: a rounded NIP may be impossible too */
    assert_int_equal(parse("196713231990031000", out), NIP_ERR_SEQUENCE);
    /* not numbers: still the plain errors */
    assert_int_equal(parse("E+17", out), NIP_ERR_CHAR);
    assert_int_equal(parse("1,2,x", out), NIP_ERR_CHAR);
    assert_int_equal(parse("196711231990031001", out), NIP_OK);
    assert_true(strstr(nip_error_text(NIP_ERR_NUMBER), "Text") != NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_with_and_without_spaces),
        cmocka_unit_test(refuses_wrong_length_and_characters),
        cmocka_unit_test(refuses_impossible_dates),
        cmocka_unit_test(sex_digit),
        cmocka_unit_test(parts),
        cmocka_unit_test(every_error_has_a_sentence),
        cmocka_unit_test(spreadsheet_damage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
