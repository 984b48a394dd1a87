/* Calendar dates as day numbers: pure arithmetic, no clock, no locale. */
#ifndef MUTASI_CORE_DATE_H
#define MUTASI_CORE_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t mdate;
#define MDATE_NONE INT32_MIN
/* The calendar this module handles, years 1800..9999, as day numbers
 * (date_from_ymd of its first and last day; test_date checks them). */
#define DATE_DAY_1800_01_01 (-62091)
#define DATE_DAY_9999_12_31 2932896

bool date_valid_ymd(int y, int m, int d);
mdate date_from_ymd(int y, int m, int d);          /* caller ensures valid */
void date_to_ymd(mdate t, int *y, int *m, int *d);

/* Parses "YYYY-MM-DD", or a day-first date as spreadsheets write it:
 * "DD-MM-YYYY", "DD/MM/YYYY", "D/M/YYYY", "D-M-YYYY" (one separator used
 * twice; exactly len bytes, no spaces). Day-first always: Indonesian
 * files are, and guessing between the two orders would read 05/06 wrongly
 * half of the time. Returns 0 and sets *out, or -1 when the text is not a
 * possible date. */
int date_parse(const char *s, size_t len, mdate *out);
enum date_result {
    DATE_OK = 0,
    DATE_BAD = -1,              /* not a possible date in any order */
    DATE_MONTH_FIRST = -2,      /* impossible day-first, possible month-first
                                   ("11/23/1967"): a file saved in the US style */
};
/* As date_parse, saying why a date was refused. */
enum date_result date_parse_ex(const char *s, size_t len, mdate *out);
/* Writes "YYYY-MM-DD" (or "" for MDATE_NONE); returns the length. */
size_t date_format(mdate t, char out[11]);

/* Whole months / years completed from `from` to `to` (negative if to < from). */
int date_months_between(mdate from, mdate to);
int date_years_between(mdate from, mdate to);
/* Same day n months later, clamped to the month's end (Jan 31 + 1 = Feb 28). */
mdate date_add_months(mdate t, int n);
#endif
