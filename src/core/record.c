/* Validation of units, positions and staff, field by field. Each problem
 * names the CSV column and says, in words, what is wrong with which value.
 *
 * Choices where the design is silent:
 * - codes (unit, position, competency) are 1..31 printable ASCII bytes
 *   without spaces; competency codes also without ':' and '|', which the
 *   CSV uses to list them;
 * - every text is valid UTF-8 without control characters;
 * - only an instansi may have no parent unit;
 * - a position's level must suit its kind: JPT utama/madya/pratama,
 *   fungsional one of the ahli-* or keterampilan levels, administrator,
 *   pengawas and pelaksana none;
 * - staff must have nip, name, sex, birth_date, status, rank, position,
 *   unit, post_since and education; major, job_family, home_district and
 *   competencies are optional;
 * - on CLTN or tugas belajar the position must be empty (the post is
 *   vacated while the leave lasts; unit stays: where the file is kept and
 *   the person returns to); post_since is then the start of the leave;
 * - PNS and CPNS hold a golongan (I/a..IV/e), PPPK a grade (I..XVII);
 * - pns_since is required for a PNS and must be empty for CPNS and PPPK;
 * - nobody holds a post or is PNS before the CPNS start month in the NIP;
 * - discipline_until without a discipline level is an error; a level
 *   without discipline_until is accepted (a penalty of unknown end);
 * - SKP years lie between birth year + 15 and today's year, each once. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "core/record.h"

/* A workload beyond this (13 million person-years) is a typing error, and
 * the bound keeps every sum over positions far from overflow. */
#define WORKLOAD_MAX 1000000000000LL
#define COMP_LEVEL_MAX 5
#define SKP_MIN_AGE 15

/* --- the error list ------------------------------------------------------ */

/* Cuts a truncated string back to its last complete UTF-8 character. */
static void trim_partial_utf8(char *s)
{
    size_t n = strlen(s);
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < want)
        s[i - 1] = '\0';
}

void verrs_add(struct verrs *v, const char *field, const char *fmt, ...)
{
    int k = v->n++;
    if (k < 0 || k >= VERR_MAX)
        return;
    struct verr *e = &v->e[k];
    snprintf(e->field, sizeof e->field, "%s", field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    trim_partial_utf8(e->msg);
}

/* --- text checks --------------------------------------------------------- */

/* Length of a NUL-terminated string within size bytes, or -1 when the
 * array holds no NUL (a corrupt record). */
static long bounded_len(const char *s, size_t size)
{
    const char *nul = memchr(s, '\0', size);
    return nul ? (long)(nul - s) : -1;
}

/* True for well-formed UTF-8 (no overlongs, no surrogates) without
 * control characters. */
static int clean_utf8(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        unsigned c = *s;
        if (c < 0x20 || c == 0x7f)
            return 0;
        if (c < 0x80) {
            s++;
            continue;
        }
        int extra;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3, cp = c & 0x07;
        else
            return 0;
        for (int i = 1; i <= extra; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0x80 && cp <= 0x9F))
            return 0;
        s += extra + 1;
    }
    return 1;
}

/* Bytes a word at a time (little-endian: the word's bytes in order): a
 * flag in the high bit of each byte below lo, or at least hi, which no
 * byte of a plain stretch is; only whether any is flagged counts. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
static uint64_t word_at(const char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

static uint64_t outside(uint64_t w, unsigned char lo, unsigned char hi)
{
    /* w >= 0x80 flagged by the high bit itself; below lo, or at or above
     * hi among 0x00..0x7f, by the borrow of a subtraction */
    uint64_t low = (w - ONES * lo) & ~w;
    uint64_t high = ((w & ~HIGHS) + ONES * (0x80 - hi));
    return (low | high | w) & HIGHS;
}

static uint64_t has_byte(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (ONES * c);
    return (x - ONES) & ~x & HIGHS;
}

/* How many leading bytes of s (n of them) are printable ASCII for
 * certain, in steps of 8: what clean_utf8 need not look at again. */
static size_t plain_ascii_prefix(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= n && !outside(word_at(s + i), 0x20, 0x7f))
        i += 8;
#endif
    return i;
}

static int only_blanks(const char *s)
{
    for (; *s; s++)
        if (*s != ' ')
            return 0;
    return 1;
}

/* A free text field: NUL-terminated, clean UTF-8, and present if required. */
static void check_text(struct verrs *v, const char *field, const char *s,
                       size_t size, int required)
{
    long n = bounded_len(s, size);
    if (n < 0) {
        verrs_add(v, field, _("%s is not terminated (corrupt record)"), field);
        return;
    }
    if (!clean_utf8(s + plain_ascii_prefix(s, (size_t)n)))
        verrs_add(v, field, _("%s is not valid UTF-8 text or holds control "
                              "characters"), field);
    else if (required && only_blanks(s))
        verrs_add(v, field, _("%s is required"), field);
}

static int code_char_ok(char c, const char *forbidden)
{
    if (c <= ' ' || c >= 0x7f)
        return 0;
    /* a byte or two at most: cheaper inline than a strchr call per byte */
    for (const char *f = forbidden; *f; f++)
        if (c == *f)
            return 0;
    return 1;
}

/* How many leading bytes of s (n of them) code_char_ok passes for
 * certain, in steps of 8. */
static size_t code_prefix(const char *s, size_t n, const char *forbidden)
{
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= n; i += 8) {
        uint64_t w = word_at(s + i), bad = outside(w, 0x21, 0x7f);
        for (const char *f = forbidden; *f && !bad; f++)
            bad = has_byte(w, (unsigned char)*f);
        if (bad)
            break;
    }
#endif
    return i;
}

/* A code: 1..size-1 printable ASCII bytes without spaces or `forbidden`. */
static void check_code(struct verrs *v, const char *field, const char *s,
                       size_t size, int required, const char *forbidden)
{
    long n = bounded_len(s, size);
    if (n < 0) {
        verrs_add(v, field, _("%s is not terminated (corrupt record)"), field);
        return;
    }
    if (n == 0) {
        if (required)
            verrs_add(v, field, _("%s is required"), field);
        return;
    }
    for (long i = (long)code_prefix(s, (size_t)n, forbidden); i < n; i++)
        if (!code_char_ok(s[i], forbidden)) {
            verrs_add(v, field, _("%s \"%s\" may hold only letters, digits "
                                  "and punctuation, without spaces"),
                      field, clean_utf8(s) ? s : "?");
            return;
        }
}

static int rank_is_pns(int r) { return r >= 1 && r <= RANK_MAX_PNS; }

static int rank_is_pppk(int r)
{
    return r > RANK_PPPK_BASE && r <= RANK_PPPK_BASE + RANK_PPPK_MAX;
}

static void check_competencies(struct verrs *v, const struct competency *c,
                               int n)
{
    if (n > COMP_MAX) {
        verrs_add(v, "competencies", _("%d competencies given, at most %d "
                                       "are kept"), n, COMP_MAX);
        n = COMP_MAX;
    }
    for (int i = 0; i < n; i++) {
        int before = v->n;
        check_code(v, "competencies", c[i].code, sizeof c[i].code, 1, ":|");
        if (v->n != before)
            continue;
        if (c[i].level < 1 || c[i].level > COMP_LEVEL_MAX)
            verrs_add(v, "competencies", _("competency %s has level %d, "
                                           "levels run from 1 to %d"),
                      c[i].code, c[i].level, COMP_LEVEL_MAX);
        for (int j = 0; j < i; j++)
            if (strcmp(c[i].code, c[j].code) == 0) {
                verrs_add(v, "competencies", _("competency %s is listed "
                                               "twice"), c[i].code);
                break;
            }
    }
}

/* --- units --------------------------------------------------------------- */

int unit_validate(const struct unit *u, struct verrs *v)
{
    int before = v->n;
    check_code(v, "code", u->code, sizeof u->code, 1, "");
    check_text(v, "name", u->name, sizeof u->name, 1);
    check_code(v, "parent", u->parent, sizeof u->parent, 0, "");
    check_text(v, "district", u->district, sizeof u->district, 0);
    if (u->kind == UKIND_NONE)
        verrs_add(v, "kind", _("kind is required (instansi, opd, bidang, "
                               "seksi or upt)"));
    else if (u->kind > UKIND_UPT)
        verrs_add(v, "kind", _("kind %d is not a unit kind"), u->kind);
    if (v->n == before) {
        if (u->parent[0] == '\0' && u->kind != UKIND_INSTANSI)
            verrs_add(v, "parent", _("only an instansi may have no parent; "
                                     "this unit is a %s"),
                      unit_kind_name(u->kind));
        if (strcmp(u->parent, u->code) == 0)
            verrs_add(v, "parent", _("unit %s cannot be its own parent"),
                      u->code);
    }
    return v->n - before;
}

/* --- positions ----------------------------------------------------------- */

static int level_suits_kind(int kind, int level)
{
    switch (kind) {
    case PKIND_JPT:
        return level == PLEVEL_UTAMA || level == PLEVEL_MADYA ||
               level == PLEVEL_PRATAMA;
    case PKIND_FUNGSIONAL:
        return level >= PLEVEL_AHLI_PERTAMA && level <= PLEVEL_PENYELIA;
    default:
        return level == PLEVEL_NONE;
    }
}

static void check_level(struct verrs *v, const struct position *p)
{
    if (p->kind == PKIND_NONE || p->kind > PKIND_FUNGSIONAL || level_suits_kind(p->kind, p->level))
        return;
    if (p->level > PLEVEL_PENYELIA)
        verrs_add(v, "level", _("level %d is not a position level"), p->level);
    else if (p->kind == PKIND_JPT)
        verrs_add(v, "level", _("a jpt position needs level utama, madya or "
                                "pratama, not \"%s\""),
                  pos_level_name(p->level));
    else if (p->kind == PKIND_FUNGSIONAL)
        verrs_add(v, "level", _("a fungsional position needs an ahli-* or "
                                "keterampilan level, not \"%s\""),
                  pos_level_name(p->level));
    else
        verrs_add(v, "level", _("a %s position has no level, but \"%s\" is "
                                "given"),
                  pos_kind_name(p->kind), pos_level_name(p->level));
}

int position_validate(const struct position *p, struct verrs *v)
{
    int before = v->n;
    check_code(v, "code", p->code, sizeof p->code, 1, "");
    check_code(v, "unit", p->unit, sizeof p->unit, 1, "");
    check_text(v, "name", p->name, sizeof p->name, 1);
    check_text(v, "job_family", p->job_family, sizeof p->job_family, 1);
    if (p->kind == PKIND_NONE)
        verrs_add(v, "kind", _("kind is required (jpt, administrator, "
                               "pengawas, pelaksana or fungsional)"));
    else if (p->kind > PKIND_FUNGSIONAL)
        verrs_add(v, "kind", _("kind %d is not a position kind"), p->kind);
    check_level(v, p);
    if (p->min_rank != RANK_NONE && !rank_is_pns(p->min_rank) &&
        !rank_is_pppk(p->min_rank))
        verrs_add(v, "min_rank", _("min_rank %d is not a rank"), p->min_rank);
    if (p->min_education > EDU_S3)
        verrs_add(v, "min_education", _("min_education %d is not an "
                                        "education level"), p->min_education);
    if (p->workload_minutes < 0 || p->workload_minutes > WORKLOAD_MAX)
        verrs_add(v, "workload_minutes", _("workload_minutes %lld must be "
                                           "from 0 to %lld"),
                  (long long)p->workload_minutes, WORKLOAD_MAX);
    if (p->need < 0 && p->need != NEED_FROM_ABK)
        verrs_add(v, "need", _("need %d must be 0 or more (or empty to take "
                               "the ABK figure)"), (int)p->need);
    check_competencies(v, p->comp, p->ncomp);
    return v->n - before;
}

/* --- staff --------------------------------------------------------------- */

/* True for a day number within the calendar date.c handles (years
 * 1800..9999); anything else is a corrupt record. */
static int date_in_range(mdate t)
{
    /* Constants (not computed on first use: an import validates rows on
     * a thread of its own); test_record checks them against date.c. */
    return t >= DATE_DAY_1800_01_01 && t <= DATE_DAY_9999_12_31;
}

/* "YYYY-MM-DD", "-" for none, "?" for a day number out of range. */
static void fmt_date(mdate t, char out[11])
{
    if (t != MDATE_NONE && !date_in_range(t))
        snprintf(out, 11, "%s", "?");
    else if (date_format(t, out) == 0)
        snprintf(out, 11, "%s", "-");
}

/* Present (when required), a possible day number, and (when
 * must_be_past) not after today. Returns 1 when later checks may use t. */
static int check_date(struct verrs *v, const char *field, mdate t,
                      int required, int must_be_past, mdate today)
{
    if (t == MDATE_NONE) {
        if (required)
            verrs_add(v, field, _("%s is required"), field);
        return 0;
    }
    if (!date_in_range(t)) {
        verrs_add(v, field, _("%s is not a date from 1800 to 9999 (corrupt "
                              "record)"), field);
        return 0;
    }
    if (must_be_past && today != MDATE_NONE && date_in_range(today) &&
        t > today) {
        char a[11], b[11];
        fmt_date(t, a), fmt_date(today, b);
        verrs_add(v, field, _("%s %s is in the future (today is %s)"), field,
                  a, b);
    }
    return 1;
}

/* A date that must be present (when required) and not after today. */
static void check_past_date(struct verrs *v, const char *field, mdate t,
                            int required, mdate today)
{
    check_date(v, field, t, required, 1, today);
}


/* A date that cannot precede the birth date. */
static void check_after_birth(struct verrs *v, const char *field, mdate t,
                              mdate birth)
{
    if (t == MDATE_NONE || birth == MDATE_NONE || t >= birth ||
        !date_in_range(t) || !date_in_range(birth))
        return;
    char a[11], b[11];
    fmt_date(t, a), fmt_date(birth, b);
    verrs_add(v, field, _("%s %s is before the birth date %s"), field, a, b);
}

/* A date that cannot precede the CPNS start month in the NIP. */
static void check_after_cpns(struct verrs *v, const char *field, mdate t,
                             const char *nip)
{
    int cy, cm;
    nip_cpns_start(nip, &cy, &cm);
    if (t == MDATE_NONE || !date_valid_ymd(cy, cm, 1) ||
        t >= date_from_ymd(cy, cm, 1))
        return;
    char a[11];
    fmt_date(t, a);
    verrs_add(v, field, _("%s %s is before the CPNS start %04d-%02d in the "
                          "NIP"), field, a, cy, cm);
}

/* The NIP on its own, then against birth_date and sex. Returns 1 when the
 * NIP itself is valid and leaves its digits in `digits`. */
static const char *nip_shown(const char digits[NIP_LEN + 1], char out[NIP_FMT_LEN + 1])
{
    nip_format(digits, out);
    return out;
}

static int check_nip(struct verrs *v, const struct staff *s,
                     char digits[NIP_LEN + 1])
{
    long n = bounded_len(s->nip, sizeof s->nip);
    if (n < 0) {
        verrs_add(v, "nip", _("nip is not terminated (corrupt record)"));
        return 0;
    }
    if (n == 0) {
        verrs_add(v, "nip", _("nip is required"));
        return 0;
    }
    enum nip_error e = nip_parse(s->nip, (size_t)n, digits);
    if (e != NIP_OK) {
        verrs_add(v, "nip", _("NIP %s: %s"), clean_utf8(s->nip) ? s->nip : "?",
                  nip_error_text(e));
        return 0;
    }
    char shown[NIP_FMT_LEN + 1];    /* formatted only for a message */
    mdate born = nip_birth_date(digits);
    if (s->birth_date != MDATE_NONE && born != s->birth_date) {
        char a[11], b[11];
        fmt_date(born, a), fmt_date(s->birth_date, b);
        verrs_add(v, "nip", _("NIP %s says born %s but birth_date is %s"),
                  nip_shown(digits, shown), a, b);
    }
    int sex = nip_sex(digits);
    if ((s->sex == SEX_L || s->sex == SEX_P) && sex != s->sex)
        verrs_add(v, "nip", _("NIP %s has sex digit %c (%s) but sex is %s"),
                  nip_shown(digits, shown), digits[14], sex_name(sex), sex_name(s->sex));
    return 1;
}

static void check_rank(struct verrs *v, const struct staff *s)
{
    if (s->rank == RANK_NONE) {
        verrs_add(v, "rank", _("rank is required"));
        return;
    }
    if (!rank_is_pns(s->rank) && !rank_is_pppk(s->rank)) {
        verrs_add(v, "rank", _("rank %d is not a rank"), s->rank);
        return;
    }
    if (s->status == STATUS_PPPK && !rank_is_pppk(s->rank))
        verrs_add(v, "rank", _("PPPK staff have a grade I to XVII, not the "
                               "golongan %s"), rank_name(s->rank));
    else if ((s->status == STATUS_PNS || s->status == STATUS_CPNS) &&
             !rank_is_pns(s->rank))
        verrs_add(v, "rank", _("%s staff have a golongan I/a to IV/e, not the "
                               "PPPK grade %s"),
                  status_name(s->status), rank_name(s->rank));
}

static void check_pns_since(struct verrs *v, const struct staff *s,
                            mdate today)
{
    if (s->status == STATUS_PNS) {
        check_past_date(v, "pns_since", s->pns_since, 1, today);
        check_after_birth(v, "pns_since", s->pns_since, s->birth_date);
    } else if (s->pns_since != MDATE_NONE &&
               (s->status == STATUS_CPNS || s->status == STATUS_PPPK)) {
        char a[11];
        fmt_date(s->pns_since, a);
        verrs_add(v, "pns_since", _("a %s is not (yet) a PNS, but pns_since "
                                    "is %s"),
                  status_name(s->status), a);
    }
}

/* "skp_<year>", the CSV column of an SKP entry. */
static const char *skp_field(char out[24], unsigned year)
{
    snprintf(out, 24, "skp_%u", year);
    return out;
}

static void check_skp(struct verrs *v, const struct staff *s, mdate today)
{
    int n = s->nskp;
    if (n > SKP_MAX) {
        verrs_add(v, "skp", _("%d SKP years given, at most %d are kept"), n,
                  SKP_MAX);
        n = SKP_MAX;
    }
    int by = 0, bm, bd, ty = 0, tm, td;
    if (s->birth_date != MDATE_NONE && date_in_range(s->birth_date))
        date_to_ymd(s->birth_date, &by, &bm, &bd);
    if (today != MDATE_NONE && date_in_range(today))
        date_to_ymd(today, &ty, &tm, &td);
    for (int i = 0; i < n; i++) {
        const struct skp_entry *e = &s->skp[i];
        char f[24];             /* the column name, made only for a message */
        if (by && e->year < by + SKP_MIN_AGE)
            verrs_add(v, skp_field(f, e->year),
                      _("SKP for %u, but the person was born in %d"), (unsigned)e->year, by);
        else if (ty && e->year > ty)
            verrs_add(v, skp_field(f, e->year),
                      _("SKP for %u, a year still to come (today is in %d)"),
                      (unsigned)e->year, ty);
        if (e->predikat < SKP_SANGAT_KURANG || e->predikat > SKP_SANGAT_BAIK)
            verrs_add(v, skp_field(f, e->year), _("SKP predikat %d for %u is not a predikat"),
                      e->predikat, (unsigned)e->year);
        if (i > 0 && e->year <= s->skp[i - 1].year)
            verrs_add(v, skp_field(f, e->year),
                      e->year == s->skp[i - 1].year ? _("SKP for %u is given twice")
                                                    : _("SKP for %u is out of year order"),
                      (unsigned)e->year);
    }
}

static void check_discipline(struct verrs *v, const struct staff *s)
{
    if (s->discipline > DISC_BERAT)
        verrs_add(v, "discipline", _("discipline %d is not a penalty level"),
                  s->discipline);
    int until_ok = check_date(v, "discipline_until", s->discipline_until, 0,
                              0, MDATE_NONE);
    if (until_ok && s->discipline == DISC_NONE) {
        char a[11];
        fmt_date(s->discipline_until, a);
        verrs_add(v, "discipline_until", _("discipline_until %s is given "
                                           "without a discipline level"), a);
    }
    check_after_birth(v, "discipline_until", s->discipline_until,
                      s->birth_date);
    if (s->leave > LEAVE_IKATAN_DINAS)
        verrs_add(v, "leave", _("leave %d is not a kind of leave"), s->leave);
}

static void check_staff_texts(struct verrs *v, const struct staff *s)
{
    check_text(v, "name", s->name, sizeof s->name, 1);
    /* on CLTN or full study leave the post is vacated: no position */
    if (staff_leave_vacates_post(s->leave)) {
        if (s->position[0])
            verrs_add(v, "position", _("position must be empty on %s: a person on CLTN "
                                       "or study leave (tugas belajar) is relieved of "
                                       "the post while it lasts, got \"%s\""),
                      leave_name(s->leave), s->position);
    } else {
        check_code(v, "position", s->position, sizeof s->position, 1, "");
    }
    check_code(v, "unit", s->unit, sizeof s->unit, 1, "");
    check_text(v, "major", s->major, sizeof s->major, 0);
    check_text(v, "job_family", s->job_family, sizeof s->job_family, 0);
    check_text(v, "home_district", s->home_district, sizeof s->home_district,
               0);
}

static void check_enums(struct verrs *v, const struct staff *s)
{
    if (s->sex == SEX_NONE)
        verrs_add(v, "sex", _("sex is required (L or P)"));
    else if (s->sex > SEX_P)
        verrs_add(v, "sex", _("sex %d is not L or P"), s->sex);
    if (s->status == STATUS_NONE)
        verrs_add(v, "status", _("status is required (PNS, CPNS or PPPK)"));
    else if (s->status > STATUS_PPPK)
        verrs_add(v, "status", _("status %d is not PNS, CPNS or PPPK"),
                  s->status);
    if (s->education == EDU_NONE)
        verrs_add(v, "education", _("education is required (SD ... S-3)"));
    else if (s->education > EDU_S3)
        verrs_add(v, "education", _("education %d is not an education level"),
                  s->education);
}

int staff_validate(const struct staff *s, mdate today, struct verrs *v)
{
    int before = v->n;
    char nip[NIP_LEN + 1];
    int nip_ok = check_nip(v, s, nip);
    check_staff_texts(v, s);
    check_enums(v, s);
    check_rank(v, s);
    check_past_date(v, "birth_date", s->birth_date, 1, today);
    check_past_date(v, "post_since", s->post_since, 1, today);
    check_after_birth(v, "post_since", s->post_since, s->birth_date);
    check_pns_since(v, s, today);
    if (nip_ok) {
        check_after_cpns(v, "post_since", s->post_since, nip);
        if (s->status == STATUS_PNS)
            check_after_cpns(v, "pns_since", s->pns_since, nip);
    }
    check_skp(v, s, today);
    check_discipline(v, s);
    check_competencies(v, s->comp, s->ncomp);
    return v->n - before;
}

int staff_skp_for_year(const struct staff *s, int year)
{
    int found = SKP_NONE;
    int n = s->nskp < SKP_MAX ? s->nskp : SKP_MAX;
    for (int i = 0; i < n; i++)
        if (s->skp[i].year == year)
            found = s->skp[i].predikat;
    return found;
}

int staff_competency(const struct staff *s, const char *code)
{
    int level = 0;
    int n = s->ncomp < COMP_MAX ? s->ncomp : COMP_MAX;
    for (int i = 0; i < n; i++)
        if (strncmp(s->comp[i].code, code, sizeof s->comp[i].code) == 0 &&
            s->comp[i].level > level)
            level = s->comp[i].level;
    return level;
}

bool staff_leave_vacates_post(int leave)
{
    return leave == LEAVE_CLTN || leave == LEAVE_TUGAS_BELAJAR;
}
