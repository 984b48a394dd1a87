/* Civil-date arithmetic on day numbers (days since 1970-01-01). */
#include "core/date.h"

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
    return y >= 1800 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

/* Days from civil date, after the well-known era-based formulation
 * (March-based years make the leap day the last day of the year). */
mdate date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (mdate)(era * 146097 + doe - 719468);
}

void date_to_ymd(mdate t, int *y, int *m, int *d)
{
    /* 64-bit so that any day number, even a corrupt one, stays defined. */
    int64_t z = (int64_t)t + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* A number of 1 to max_digits digits at s[*i], stopping at the first
 * non-digit; -1 when there is none or it is longer. */
static int number_at(const char *s, size_t len, size_t *i, int max_digits)
{
    int v = 0, n = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (++n > max_digits)
            return -1;
        v = v * 10 + (s[*i] - '0');
        (*i)++;
    }
    return n ? v : -1;
}

/* D-M-YYYY or D/M/YYYY, one or two digits for day and month. */
static enum date_result parse_day_first(const char *s, size_t len, mdate *out)
{
    size_t i = 0;
    int d = number_at(s, len, &i, 2);
    if (d < 0 || i >= len || (s[i] != '-' && s[i] != '/'))
        return DATE_BAD;
    char sep = s[i++];
    int m = number_at(s, len, &i, 2);
    if (m < 0 || i >= len || s[i] != sep)
        return DATE_BAD;
    size_t year_at = ++i;
    int y = number_at(s, len, &i, 4);
    if (y < 0 || i != len || i - year_at != 4)
        return DATE_BAD;
    if (date_valid_ymd(y, m, d)) {
        *out = date_from_ymd(y, m, d);
        return DATE_OK;
    }
    return date_valid_ymd(y, d, m) ? DATE_MONTH_FIRST : DATE_BAD;
}

enum date_result date_parse_ex(const char *s, size_t len, mdate *out)
{
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
        if (y < 0 || m < 0 || d < 0 || !date_valid_ymd(y, m, d))
            return DATE_BAD;
        *out = date_from_ymd(y, m, d);
        return DATE_OK;
    }
    return parse_day_first(s, len, out);
}

int date_parse(const char *s, size_t len, mdate *out)
{
    return date_parse_ex(s, len, out) == DATE_OK ? 0 : -1;
}

size_t date_format(mdate t, char out[11])
{
    if (t == MDATE_NONE) {
        out[0] = '\0';
        return 0;
    }
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 10;
}

int date_months_between(mdate from, mdate to)
{
    if (to < from)
        return -date_months_between(to, from);
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(from, &y1, &m1, &d1);
    date_to_ymd(to, &y2, &m2, &d2);
    int months = (y2 - y1) * 12 + (m2 - m1);
    /* The month is complete once the same day comes round (or the month's
     * last day, when the start day does not exist in it). */
    int need = d1 <= days_in_month(y2, m2) ? d1 : days_in_month(y2, m2);
    if (d2 < need)
        months--;
    return months;
}

int date_years_between(mdate from, mdate to)
{
    int months = date_months_between(from, to);
    return months >= 0 ? months / 12 : -((-months) / 12);
}

mdate date_add_months(mdate t, int n)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    int total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    if (d > days_in_month(y, m))
        d = days_in_month(y, m);
    return date_from_ymd(y, m, d);
}
