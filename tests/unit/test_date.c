/* Day-number arithmetic, parsing and formatting of dates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "core/date.h"

static mdate parse(const char *s)
{
    mdate t = MDATE_NONE;
    assert_int_equal(date_parse(s, strlen(s), &t), 0);
    return t;
}

static void epoch_and_round_trip(void **state)
{
    (void)state;
    assert_int_equal(date_from_ymd(1970, 1, 1), 0);
    assert_int_equal(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2);
    for (mdate t = -60000; t < 80000; t += 37) {
        int y, m, d;
        date_to_ymd(t, &y, &m, &d);
        assert_true(date_valid_ymd(y, m, d));
        assert_int_equal(date_from_ymd(y, m, d), t);
    }
}

static void extreme_day_numbers_stay_defined(void **state)
{
    (void)state;
    int y, m, d;
    date_to_ymd(INT32_MAX, &y, &m, &d);
    assert_true(y > 9999);
    assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    date_to_ymd(INT32_MIN, &y, &m, &d);
    assert_true(y < 0);
}

/* The constant bounds of the calendar are its first and last day. */
static void calendar_bounds_are_those_days(void **state)
{
    (void)state;
    assert_int_equal(date_from_ymd(1800, 1, 1), DATE_DAY_1800_01_01);
    assert_int_equal(date_from_ymd(9999, 12, 31), DATE_DAY_9999_12_31);
}

static void parses_both_orders(void **state)
{
    (void)state;
    assert_int_equal(parse("1986-09-26"), parse("26-09-1986"));
    char buf[11];
    date_format(parse("29-02-2024"), buf);
    assert_string_equal(buf, "2024-02-29");
}

/* Spreadsheets in the Indonesian locale write 23/11/1967 or 5/6/1967. */
static void parses_spreadsheet_day_first(void **state)
{
    (void)state;
    mdate want = date_from_ymd(1967, 11, 23);
    assert_int_equal(parse("23/11/1967"), want);
    assert_int_equal(parse("23-11-1967"), want);
    assert_int_equal(parse("5/6/1967"), date_from_ymd(1967, 6, 5));
    assert_int_equal(parse("05/6/1967"), date_from_ymd(1967, 6, 5));
    assert_int_equal(parse("5-6-1967"), date_from_ymd(1967, 6, 5));
    assert_int_equal(parse("29/2/2024"), date_from_ymd(2024, 2, 29));
    mdate t = 0;
    /* only valid month first: said so, never guessed */
    assert_int_equal(date_parse_ex("11/23/1967", 10, &t), DATE_MONTH_FIRST);
    assert_int_equal(date_parse_ex("2/29/2024", 9, &t), DATE_MONTH_FIRST);
    assert_int_equal(date_parse("11/23/1967", 10, &t), -1);
    /* impossible either way */
    const char *bad[] = {"32/13/1967", "29/2/2023", "5/6-1967", "5/6/67", "5//1967",
                         "123/1/1967", "1/123/1967", "1/1/19670", "/1/1967", "1/1/"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(date_parse_ex(bad[i], strlen(bad[i]), &t), DATE_BAD);
}

static void rejects_impossible(void **state)
{
    (void)state;
    const char *bad[] = {"2023-02-29", "1986-13-01", "1986-00-10", "31-04-2020",
                         "1986/09/26", "1986-9-26", "", "abcd-ef-gh", "2020-01-32"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        mdate t;
        assert_int_equal(date_parse(bad[i], strlen(bad[i]), &t), -1);
    }
    char buf[11];
    assert_int_equal(date_format(MDATE_NONE, buf), 0);
    assert_string_equal(buf, "");
}

static void months_between_counts_whole_months(void **state)
{
    (void)state;
    assert_int_equal(date_months_between(parse("2024-01-15"), parse("2024-03-14")), 1);
    assert_int_equal(date_months_between(parse("2024-01-15"), parse("2024-03-15")), 2);
    assert_int_equal(date_months_between(parse("2024-01-31"), parse("2024-02-29")), 1);
    assert_int_equal(date_months_between(parse("2024-03-15"), parse("2024-01-15")), -2);
    assert_int_equal(date_years_between(parse("2000-02-29"), parse("2024-02-28")), 23);
    assert_int_equal(date_years_between(parse("2000-02-29"), parse("2024-02-29")), 24);
    assert_int_equal(date_add_months(parse("2024-01-31"), 1), parse("2024-02-29"));
    assert_int_equal(date_add_months(parse("2024-12-15"), -12), parse("2023-12-15"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(epoch_and_round_trip),
        cmocka_unit_test(extreme_day_numbers_stay_defined),
        cmocka_unit_test(calendar_bounds_are_those_days),
        cmocka_unit_test(parses_both_orders),
        cmocka_unit_test(rejects_impossible),
        cmocka_unit_test(parses_spreadsheet_day_first),
        cmocka_unit_test(months_between_counts_whole_months),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
