/* ABK figures of one row (core/workload.h): need, gap, EJ and grade.
 * Integer arithmetic throughout, so rounding and band boundaries are
 * exact. */
#include "core/workload.h"

int64_t wl_need(int64_t workload_minutes, int32_t override, const struct policy *p)
{
    if (override >= 0)
        return override;
    int64_t e = p->effective_minutes;
    if (workload_minutes <= 0 || e <= 0)
        return 0;
    if (p->rounding == ROUND_UP)
        return (workload_minutes + e - 1) / e;
    /* half-up: floor(w/e + 1/2) = floor((2w + e) / 2e) */
    return (2 * workload_minutes + e) / (2 * e);
}

int64_t wl_ej_hundredths(const struct wl_row *r, const struct policy *p)
{
    if (r->existing <= 0 || p->effective_minutes <= 0)
        return -1;
    int64_t den = r->existing * p->effective_minutes;
    return (200 * r->workload_minutes + den) / (2 * den);
}

/* The grade of the EJ as shown (rounded to hundredths), so that a reader
 * can check it against the bands: 1.004 is shown 1.00 and is B, not A. */
int wl_grade(const struct wl_row *r, const struct policy *p)
{
    return wl_grade_of(wl_ej_hundredths(r, p), p);
}

int wl_grade_of(int64_t h, const struct policy *p)
{
    if (h < 0)
        return WL_GRADE_NONE;
    if (h > p->ej_a_above)
        return WL_GRADE_A;
    if (h >= p->ej_b_from)
        return WL_GRADE_B;
    if (h >= p->ej_c_from)
        return WL_GRADE_C;
    if (h >= p->ej_d_from)
        return WL_GRADE_D;
    return WL_GRADE_E;
}

int wl_balance(const struct wl_row *r, const struct policy *p)
{
    int64_t gap = wl_gap(r);
    if (gap < -(int64_t)p->balanced_within)
        return -1;
    return gap > (int64_t)p->balanced_within;
}

const char *wl_grade_name(int grade)
{
    static const char *const names[] = {"", "A", "B", "C", "D", "E"};
    return grade >= 0 && grade <= WL_GRADE_E ? names[grade] : "";
}

/* The characters of an EJ of h hundredths as wl_format_ej writes it. */
static size_t ej_chars(int64_t h)
{
    if (h < 0)
        return 0;
    size_t n = 4;                /* "d.dd" */
    for (int64_t whole = h / 100; whole >= 10; whole /= 10)
        n++;
    return n;
}

size_t wl_ej_width(const struct wl_row *r, const struct policy *p)
{
    return ej_chars(wl_ej_hundredths(r, p));
}

int wl_decimal_width(int64_t v)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int n = v < 0 ? 2 : 1;
    while (u >= 10)
        u /= 10, n++;
    return n;
}

int wl_key_width(int depth, const char *code, size_t n)
{
    int chars = 0;
    for (size_t i = 0; i < n; i++)      /* a character: a byte that continues none */
        chars += ((unsigned char)code[i] & 0xC0) != 0x80;
    return 2 * depth + chars;
}

size_t wl_format_ej(const struct wl_row *r, const struct policy *p, char out[24])
{
    /* Formatted by hand, from the end back: core does no I/O and this
     * keeps it locale-free. */
    int64_t h = wl_ej_hundredths(r, p);
    size_t len = ej_chars(h);
    out[len] = '\0';
    if (len == 0)
        return 0;
    out[len - 1] = (char)('0' + h % 10);
    out[len - 2] = (char)('0' + h / 10 % 10);
    out[len - 3] = '.';
    char *d = out + len - 3;
    int64_t whole = h / 100;
    do {
        *--d = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    return len;
}

void wl_row_add(struct wl_row *a, const struct wl_row *b)
{
    a->workload_minutes += b->workload_minutes;
    a->need += b->need;
    a->existing += b->existing;
}
