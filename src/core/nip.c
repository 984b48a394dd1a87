/* NIP (Nomor Induk Pegawai): parsing, checking and formatting.
 *
 * Layout of the 18 digits: YYYYMMDD birth date, YYYYMM CPNS start (for
 * PPPK the start of the contract), one sex digit, a 3-digit sequence.
 *
 * What "possible" means here (the regulations fix no bounds, these are
 * ours): the birth part is a real calendar date from 1900 on; the CPNS
 * part has a month 01..12 and a year between birth year + 15 and birth
 * year + 70. Appointment as CPNS needs an age of 18 (PP 11/2017), but the
 * year-only comparison and old converted NIPs call for some slack, and
 * PPPK may be appointed up to a year before their BUP (at most 65). */
#include "core/i18n.h"
#include "core/nip.h"
#include "core/vocab.h"

#define NIP_MIN_BIRTH_YEAR 1900
#define NIP_MIN_CPNS_AGE 15
#define NIP_MAX_CPNS_AGE 70

static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Copies the digits of s[0..len) to out, skipping spaces. */
static enum nip_error collect_digits(const char *s, size_t len,
                                     char out[NIP_LEN + 1])
{
    size_t n = 0;
    int too_long = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ')
            continue;
        if (c < '0' || c > '9')
            return NIP_ERR_CHAR;
        if (n < NIP_LEN)
            out[n] = c;
        else
            too_long = 1;
        n++;
    }
    if (too_long || n != NIP_LEN)
        return NIP_ERR_LENGTH;
    out[NIP_LEN] = '\0';
    return NIP_OK;
}

static enum nip_error check_parts(const char *d)
{
    int by = digits_value(d, 4), bm = digits_value(d + 4, 2),
        bd = digits_value(d + 6, 2);
    if (by < NIP_MIN_BIRTH_YEAR || !date_valid_ymd(by, bm, bd))
        return NIP_ERR_BIRTH;
    int cy = digits_value(d + 8, 4), cm = digits_value(d + 12, 2);
    if (cm < 1 || cm > 12 || cy < by + NIP_MIN_CPNS_AGE ||
        cy > by + NIP_MAX_CPNS_AGE)
        return NIP_ERR_CPNS;
    if (d[14] != '1' && d[14] != '2')
        return NIP_ERR_SEX;
    return NIP_OK;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "1,96711E+17", "1.96711231990031E+17", "196711231990031000,00": digits
 * with a decimal separator or an exponent, as a spreadsheet shows a
 * number in a cell that is not formatted as text. */
static bool looks_like_number(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    bool separator = false, exponent = false;
    for (; i < len && (is_digit(s[i]) || s[i] == '.' || s[i] == ','); i++) {
        digits += is_digit(s[i]);
        separator |= !is_digit(s[i]);
    }
    if (i < len && (s[i] == 'E' || s[i] == 'e')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t from = i;
        while (i < len && is_digit(s[i]))
            i++;
        exponent = i > from;
    }
    return i == len && digits > 0 && (separator || exponent);
}

enum nip_error nip_parse(const char *s, size_t len, char out[NIP_LEN + 1])
{
    char d[NIP_LEN + 1];
    enum nip_error e = collect_digits(s, len, d);
    if (e == NIP_ERR_CHAR && looks_like_number(s, len))
        e = NIP_ERR_NUMBER;
    /* Checked before the parts: a rounded NIP's other parts are intact,
     * and the cause is what the user needs to hear. */
    if (e == NIP_OK && d[15] == '0' && d[16] == '0' && d[17] == '0')
        e = NIP_ERR_SEQUENCE;
    if (e == NIP_OK)
        e = check_parts(d);
    if (e == NIP_OK)
        for (int i = 0; i <= NIP_LEN; i++)
            out[i] = d[i];
    return e;
}

const char *nip_error_text(enum nip_error e)
{
    switch (e) {
    case NIP_OK:
        return _("the NIP is valid");
    case NIP_ERR_LENGTH:
        return _("a NIP has 18 digits");
    case NIP_ERR_CHAR:
        return _("a NIP holds only digits and spaces");
    case NIP_ERR_BIRTH:
        return _("the birth date part (digits 1-8) is not a possible date");
    case NIP_ERR_CPNS:
        return _("the CPNS start part (digits 9-14) is not a possible month, "
                 "or is less than 15 or more than 70 years after birth");
    case NIP_ERR_SEX:
        return _("the sex digit (digit 15) must be 1 or 2");
    case NIP_ERR_NUMBER:
        return _("a spreadsheet turned this NIP into a number and lost its last digits; "
                 "format the NIP column as Text (or type ' before each NIP) and enter "
                 "the NIPs again");
    case NIP_ERR_SEQUENCE:
        return _("no NIP ends in the sequence 000: a spreadsheet probably turned this NIP "
                 "into a number and kept only 15 digits; format the NIP column as Text "
                 "(or type ' before each NIP) and enter the NIPs again");
    }
    return _("the NIP is not valid");
}

void nip_format(const char *nip, char out[NIP_FMT_LEN + 1])
{
    /* Groups of 8, 6, 1 and 3 digits separated by single spaces. */
    static const int group_end[] = {8, 14, 15};
    int o = 0, g = 0;
    for (int i = 0; i < NIP_LEN; i++) {
        if (g < 3 && i == group_end[g]) {
            out[o++] = ' ';
            g++;
        }
        out[o++] = nip[i];
    }
    out[o] = '\0';
}

static int all_digits(const char *nip)
{
    for (int i = 0; i < NIP_LEN; i++)
        if (nip[i] < '0' || nip[i] > '9')
            return 0;
    return 1;
}

mdate nip_birth_date(const char *nip)
{
    if (!all_digits(nip))
        return MDATE_NONE;
    int y = digits_value(nip, 4), m = digits_value(nip + 4, 2),
        d = digits_value(nip + 6, 2);
    return date_valid_ymd(y, m, d) ? date_from_ymd(y, m, d) : MDATE_NONE;
}

void nip_cpns_start(const char *nip, int *year, int *month)
{
    if (!all_digits(nip)) {
        *year = 0, *month = 0;
        return;
    }
    *year = digits_value(nip + 8, 4);
    *month = digits_value(nip + 12, 2);
}

int nip_sex(const char *nip)
{
    if (!all_digits(nip))
        return SEX_NONE;
    return nip[14] == '1' ? SEX_L : nip[14] == '2' ? SEX_P : SEX_NONE;
}
