/* xlsx cell values: number formats that show dates, date serials, and
 * numbers as a spreadsheet shows them (see io/xlsx_values.h). */
#include <string.h>
#include "core/date.h"
#include "io/xlsx_values.h"

/* A custom number format shows a date when, outside "quoted text", \x
 * escapes and [colour/locale] brackets, it has a d or a y ("m" alone may
 * be minutes). */
bool xlsx_format_is_date(const char *code)
{
    for (const char *c = code; *c; c++) {
        if (*c == '"') {
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
        } else if (*c == '\\' && c[1]) {
            c++;
        } else if (*c == '[') {
            while (c[1] && c[1] != ']')
                c++;
        } else if (*c == 'd' || *c == 'D' || *c == 'y' || *c == 'Y') {
            return true;
        }
    }
    return false;
}

bool xlsx_builtin_date(unsigned id)
{
    return (id >= 14 && id <= 17) || id == 22;
}

/* A date serial as YYYY-MM-DD; false when the text is not a serial of a
 * date from 1900 to 9999. */
bool xlsx_serial_to_date(const char *v, bool date1904, char out[11])
{
    long n = 0;
    const char *s = v;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((n = n * 10 + (*s - '0')) > 3000000)
            return false;
    if (s == v || (*s && *s != '.'))
        return false;
    for (s += *s == '.'; *s >= '0' && *s <= '9'; s++)
        ;
    if (*s)
        return false;
    mdate t;
    if (date1904)
        t = date_from_ymd(1904, 1, 1) + (mdate)n;
    else if (n >= 61)
        t = date_from_ymd(1899, 12, 30) + (mdate)n;     /* after the phantom 29 Feb 1900 */
    else if (n >= 1 && n <= 59)
        t = date_from_ymd(1899, 12, 31) + (mdate)n;
    else
        return false;
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    if (y > 9999)
        return false;
    date_format(t, out);
    return true;
}

/* "1.2E+4" or "12000.0" -> "12000" when the value is a whole number of at
 * most 15 digits (what a spreadsheet keeps exactly); false otherwise. */
bool xlsx_integral_number(const char *v, char *out, size_t outlen)
{
    char digits[40];
    size_t nd = 0;
    long point = -1, exp10 = 0;
    const char *s = v;
    bool neg = *s == '-';
    s += neg;
    for (; (*s >= '0' && *s <= '9') || (*s == '.' && point < 0); s++) {
        if (*s == '.')
            point = (long)nd;
        else if (nd < sizeof digits)
            digits[nd++] = *s;
        else
            return false;
    }
    if (nd == 0)
        return false;
    if (point < 0)
        point = (long)nd;
    if (*s == 'E' || *s == 'e') {
        s++;
        bool eneg = *s == '-';
        s += *s == '+' || *s == '-';
        if (*s < '0' || *s > '9')
            return false;
        for (; *s >= '0' && *s <= '9'; s++)
            if ((exp10 = exp10 * 10 + (*s - '0')) > 400)
                return false;
        exp10 = eneg ? -exp10 : exp10;
    }
    if (*s)
        return false;
    long int_len = point + exp10;           /* digits before the point */
    for (long i = int_len < 0 ? 0 : int_len; i < (long)nd; i++)
        if (digits[i] != '0')
            return false;                   /* a fraction remains */
    size_t first = 0;
    while ((long)first < int_len && first < nd && digits[first] == '0')
        first++;
    long len = int_len - (long)first;
    if (len > 15 || (size_t)len + 2 > outlen)
        return false;
    size_t o = 0;
    if (neg && len > 0)
        out[o++] = '-';
    for (long i = (long)first; i < int_len; i++)
        out[o++] = i < (long)nd ? digits[i] : '0';
    if (len <= 0)
        out[o++] = '0';
    out[o] = '\0';
    return true;
}
