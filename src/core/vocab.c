/* The closed vocabularies: canonical names (as exported, DESIGN.md's CSV
 * vocabulary) and lenient parsing for import.
 *
 * Leniency works by normalising the text first: surrounding blanks are
 * trimmed, ASCII letters are lower-cased and the separators ' ' '-' '_'
 * '.' '/' are dropped. "S-1", "S1", "s.1" and "s 1" all become "s1";
 * "III/a", "III-a", "iiia" and "iii/A" all become "iiia". The normalised
 * text is then looked up among the canonical names (normalised the same
 * way) and a short list of aliases per vocabulary. Non-ASCII bytes never
 * match anything. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "core/fold.h"
#include "core/i18n.h"
#include "core/vocab.h"

/* Longer than any word or alias below; longer texts name nothing. */
#define NORM_MAX 32

struct alias {
    const char *text; /* already normalised */
    int value;
};

static int is_separator(char c)
{
    return c == ' ' || c == '-' || c == '_' || c == '.' || c == '/';
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trims blanks at both ends of s[0..len). */
static size_t trim(const char **s, size_t len)
{
    while (len > 0 && is_blank((*s)[0]))
        (*s)++, len--;
    while (len > 0 && is_blank((*s)[len - 1]))
        len--;
    return len;
}

/* Writes the normalised form of s[0..len) to out. Returns 0, or -1 when
 * the text cannot be any vocabulary word (too long, non-ASCII, control). */
static int normalise(const char *s, size_t len, char out[NORM_MAX + 1])
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7f)
            return -1;
        if (is_separator((char)c))
            continue;
        if (n == NORM_MAX)
            return -1;
        out[n++] = (char)fold_char(c);
    }
    out[n] = '\0';
    return 0;
}

/* Normalises a canonical name for comparison (names are short ASCII). */
static void normalise_name(const char *name, char out[NORM_MAX + 1])
{
    if (normalise(name, strlen(name), out) != 0)
        out[0] = '\0';
}

/* The common shape of every parser: empty -> 0; a canonical name (index =
 * value) or an alias -> its value; anything else -> -1. */
static int lookup(const char *s, size_t len, const char *const *names,
                  int count, const struct alias *aliases)
{
    len = trim(&s, len);
    if (len == 0)
        return 0;
    char key[NORM_MAX + 1], name[NORM_MAX + 1];
    if (normalise(s, len, key) != 0 || key[0] == '\0')
        return -1;
    for (int v = 1; v < count; v++) {
        normalise_name(names[v], name);
        if (strcmp(key, name) == 0)
            return v;
    }
    for (const struct alias *a = aliases; a && a->text; a++)
        if (strcmp(key, a->text) == 0)
            return a->value;
    return -1;
}

static const char *name_of(const char *const *names, int count, int v)
{
    return v > 0 && v < count ? names[v] : "";
}

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* --- sex ---------------------------------------------------------------- */
static const char *const sex_names[] = {"", "L", "P"};
static const struct alias sex_aliases[] = {
    {"lakilaki", SEX_L}, {"laki", SEX_L}, {"pria", SEX_L},
    {"m", SEX_L}, {"male", SEX_L},
    {"perempuan", SEX_P}, {"wanita", SEX_P}, {"w", SEX_P},
    {"f", SEX_P}, {"female", SEX_P},
    {NULL, 0}};

int sex_parse(const char *s, size_t len)
{
    return lookup(s, len, sex_names, COUNT(sex_names), sex_aliases);
}

const char *sex_name(int v) { return name_of(sex_names, COUNT(sex_names), v); }

/* --- status ------------------------------------------------------------- */
static const char *const status_names[] = {"", "PNS", "CPNS", "PPPK"};
static const struct alias status_aliases[] = {{"p3k", STATUS_PPPK}, {NULL, 0}};

int status_parse(const char *s, size_t len)
{
    return lookup(s, len, status_names, COUNT(status_names), status_aliases);
}

const char *status_name(int v)
{
    return name_of(status_names, COUNT(status_names), v);
}

/* --- rank ---------------------------------------------------------------
 * PNS: a group I..IV (or 1..4) followed by a letter a..d (a..e for IV):
 * "III/a", "III-a", "IIIa", "iii/A", "3a", "3/a". PPPK: a bare grade
 * I..XVII in Roman numerals or 1..17 in digits ("IX", "9"): no PNS rank is
 * written without its letter, so a bare number can only be a PPPK grade. */
static const char *const roman[] = {
    "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii"};
static const char *const pns_rank_names[] = {
    "", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"};
static const char *const pppk_grade_names[] = {
    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"};

/* 1..17 for a Roman or decimal number in that range, else -1. */
static int small_number(const char *t)
{
    for (int n = 1; n < COUNT(roman); n++)
        if (strcmp(t, roman[n]) == 0)
            return n;
    if (t[0] >= '1' && t[0] <= '9') {
        int n = t[0] - '0';
        if (t[1] == '\0')
            return n;
        if (t[1] >= '0' && t[1] <= '9' && t[2] == '\0') {
            n = n * 10 + (t[1] - '0');
            return n <= RANK_PPPK_MAX ? n : -1;
        }
    }
    return -1;
}

int rank_parse(const char *s, size_t len)
{
    len = trim(&s, len);
    if (len == 0)
        return RANK_NONE;
    char key[NORM_MAX + 1];
    if (normalise(s, len, key) != 0 || key[0] == '\0')
        return -1;
    size_t n = strlen(key);
    char letter = key[n - 1];
    if (letter >= 'a' && letter <= 'e' && n >= 2) {
        key[n - 1] = '\0';
        int group = small_number(key);
        if (group < 1 || group > 4)
            return -1;
        int max_letter = group == 4 ? 'e' : 'd';
        if (letter > max_letter)
            return -1;
        return (group - 1) * 4 + (letter - 'a') + 1;
    }
    int grade = small_number(key);
    return grade > 0 ? RANK_PPPK_BASE + grade : -1;
}

const char *rank_name(int v)
{
    if (v >= 1 && v <= RANK_MAX_PNS)
        return pns_rank_names[v];
    if (v > RANK_PPPK_BASE && v <= RANK_PPPK_BASE + RANK_PPPK_MAX)
        return pppk_grade_names[v - RANK_PPPK_BASE];
    return "";
}

int rank_comparable(int a, int b)
{
    int pns_a = a >= 1 && a <= RANK_MAX_PNS;
    int pns_b = b >= 1 && b <= RANK_MAX_PNS;
    int pppk_a = a > RANK_PPPK_BASE && a <= RANK_PPPK_BASE + RANK_PPPK_MAX;
    int pppk_b = b > RANK_PPPK_BASE && b <= RANK_PPPK_BASE + RANK_PPPK_MAX;
    return (pns_a && pns_b) || (pppk_a && pppk_b);
}

/* --- education ----------------------------------------------------------
 * Besides "S1"/"S-1"/"D3"/"D-III": the older school names SLTP (= SMP),
 * SLTA, SMU and SMK (= SMA level), and Roman S-I..S-III. */
static const char *const education_names[] = {
    "", "SD", "SMP", "SMA", "D-I", "D-II", "D-III", "D-IV", "S-1", "S-2", "S-3"};
static const struct alias education_aliases[] = {
    {"d1", EDU_D1}, {"d2", EDU_D2}, {"d3", EDU_D3}, {"d4", EDU_D4},
    {"si", EDU_S1}, {"sii", EDU_S2}, {"siii", EDU_S3},
    {"sltp", EDU_SMP}, {"slta", EDU_SMA}, {"smu", EDU_SMA}, {"smk", EDU_SMA},
    {NULL, 0}};

int education_parse(const char *s, size_t len)
{
    return lookup(s, len, education_names, COUNT(education_names),
                  education_aliases);
}

const char *education_name(int v)
{
    return name_of(education_names, COUNT(education_names), v);
}

/* --- unit kind ----------------------------------------------------------
 * A bagian sits where a bidang does, a subbagian / subbidang where a seksi. */
static const char *const unit_kind_names[] = {
    "", "instansi", "opd", "bidang", "seksi", "upt"};
static const struct alias unit_kind_aliases[] = {
    {"bagian", UKIND_BIDANG}, {"subbagian", UKIND_SEKSI},
    {"subbidang", UKIND_SEKSI}, {"perangkatdaerah", UKIND_OPD},
    {NULL, 0}};

int unit_kind_parse(const char *s, size_t len)
{
    return lookup(s, len, unit_kind_names, COUNT(unit_kind_names),
                  unit_kind_aliases);
}

const char *unit_kind_name(int v)
{
    return name_of(unit_kind_names, COUNT(unit_kind_names), v);
}

/* --- position kind and level -------------------------------------------- */
static const char *const pos_kind_names[] = {
    "", "jpt", "administrator", "pengawas", "pelaksana", "fungsional"};

int pos_kind_parse(const char *s, size_t len)
{
    return lookup(s, len, pos_kind_names, COUNT(pos_kind_names), NULL);
}

const char *pos_kind_name(int v)
{
    return name_of(pos_kind_names, COUNT(pos_kind_names), v);
}

static const char *const pos_level_names[] = {
    "", "utama", "madya", "pratama", "ahli-pertama", "ahli-muda",
    "ahli-madya", "ahli-utama", "pemula", "terampil", "mahir", "penyelia"};

int pos_level_parse(const char *s, size_t len)
{
    return lookup(s, len, pos_level_names, COUNT(pos_level_names), NULL);
}

const char *pos_level_name(int v)
{
    return name_of(pos_level_names, COUNT(pos_level_names), v);
}

/* --- SKP ---------------------------------------------------------------- */
static const char *const skp_names[] = {
    "", "sangat-kurang", "kurang", "butuh-perbaikan", "baik", "sangat-baik"};
/* PermenPANRB 6/2022 names the fourth predikat "Kurang/Misconduct". */
static const struct alias skp_aliases[] = {
    {"kurangmisconduct", SKP_KURANG}, {"misconduct", SKP_KURANG}, {NULL, 0}};
static const char *const skp_labels[] = {
    "", N_("Very poor"), N_("Poor"), N_("Needs improvement"), N_("Good"),
    N_("Very good")};

int skp_parse(const char *s, size_t len)
{
    return lookup(s, len, skp_names, COUNT(skp_names), skp_aliases);
}

const char *skp_name(int v) { return name_of(skp_names, COUNT(skp_names), v); }

const char *skp_initials(int v)
{
    /* Initials of the Indonesian predikat, as offices abbreviate them. */
    static const char *const initials[] = {"", "SK", "K", "BP", "B", "SB"};
    return v >= 0 && v < (int)COUNT(initials) ? initials[v] : "";
}

const char *skp_label(int v)
{
    const char *label = name_of(skp_labels, COUNT(skp_labels), v);
    return label[0] ? _(label) : "";
}

/* --- discipline and leave ----------------------------------------------- */
static const char *const discipline_names[] = {"", "ringan", "sedang", "berat"};

int discipline_parse(const char *s, size_t len)
{
    return lookup(s, len, discipline_names, COUNT(discipline_names), NULL);
}

const char *discipline_name(int v)
{
    return name_of(discipline_names, COUNT(discipline_names), v);
}

static const char *const discipline_labels[] = {
    "", N_("light (ringan)"), N_("moderate (sedang)"), N_("severe (berat)")};

const char *discipline_label(int v)
{
    const char *label = name_of(discipline_labels, COUNT(discipline_labels), v);
    return label[0] ? _(label) : "";
}

static const char *const leave_names[] = {
    "", "tugas-belajar", "cltn", "ikatan-dinas"};
static const struct alias leave_aliases[] = {
    {"tubel", LEAVE_TUGAS_BELAJAR}, {NULL, 0}};

int leave_parse(const char *s, size_t len)
{
    return lookup(s, len, leave_names, COUNT(leave_names), leave_aliases);
}

const char *leave_name(int v)
{
    return name_of(leave_names, COUNT(leave_names), v);
}

static const char *const leave_labels[] = {
    "", N_("study leave (tugas belajar)"), N_("unpaid leave (CLTN)"),
    N_("service bond (ikatan dinas)")};

const char *leave_label(int v)
{
    const char *label = name_of(leave_labels, COUNT(leave_labels), v);
    return label[0] ? _(label) : "";
}

/* ---- dates for people ---------------------------------------------------- */
static const char *const month_names[12] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
};

/* Writes style with its {fields} filled from the date. */
static size_t render_date(const char *style, mdate t, char *out, size_t size)
{
    char iso[11], num[16];
    date_format(t, iso);
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    size_t n = 0;
    out[0] = '\0';
    for (const char *c = style; *c && n + 1 < size;) {
        const char *part = NULL;
        size_t skip = 1;
        if (!strncmp(c, "{iso}", 5))
            part = iso, skip = 5;
        else if (!strncmp(c, "{month}", 7))
            part = _(month_names[m - 1]), skip = 7;
        else if (!strncmp(c, "{d}", 3))
            snprintf(num, sizeof num, "%d", d), part = num, skip = 3;
        else if (!strncmp(c, "{dd}", 4))
            snprintf(num, sizeof num, "%02d", d), part = num, skip = 4;
        else if (!strncmp(c, "{mm}", 4))
            snprintf(num, sizeof num, "%02d", m), part = num, skip = 4;
        else if (!strncmp(c, "{y}", 3))
            snprintf(num, sizeof num, "%d", y), part = num, skip = 3;
        if (part) {
            n += (size_t)snprintf(out + n, size - n, "%s", part);
            if (n >= size)
                n = size - 1;
        } else {
            out[n++] = *c;
            out[n] = '\0';
        }
        c += skip;
    }
    return n;
}

size_t date_label(mdate t, char out[DATE_LABEL_SIZE])
{
    out[0] = '\0';
    if (t == MDATE_NONE)
        return 0;
    /* TRANSLATORS: how a date is written for people to read: {d} the
     * day, {month} the month's name, {y} the year, {iso} 2026-08-01.
     * Indonesian: "{d} {month} {y}" (1 Agustus 2026). */
    return render_date(_("{iso}"), t, out, DATE_LABEL_SIZE);
}

size_t date_label_short(mdate t, char out[DATE_LABEL_SIZE])
{
    out[0] = '\0';
    if (t == MDATE_NONE)
        return 0;
    /* TRANSLATORS: a date in a table column, always 10 characters: {dd}
     * the day and {mm} the month in two digits, {y} the year.
     * Indonesian: "{dd}-{mm}-{y}" (01-08-2026). */
    return render_date(_("{y}-{mm}-{dd}"), t, out, DATE_LABEL_SIZE);
}

void moment_label(const struct tm *tm, unsigned style, char out[MOMENT_LABEL_SIZE])
{
    char day[DATE_LABEL_SIZE];
    mdate d = date_from_ymd(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
    if (style & MOMENT_SHORT)
        date_label_short(d, day);
    else
        date_label(d, day);
    if (style & MOMENT_SECONDS)
        snprintf(out, MOMENT_LABEL_SIZE, "%s %02d:%02d:%02d", day, tm->tm_hour, tm->tm_min,
                 tm->tm_sec);
    else
        snprintf(out, MOMENT_LABEL_SIZE, "%s %02d:%02d", day, tm->tm_hour, tm->tm_min);
}

void moment_label_utc(int64_t when, unsigned style, char out[MOMENT_LABEL_SIZE])
{
    time_t tt = (time_t)when;
    struct tm tm;
    if (!gmtime_r(&tt, &tm))
        snprintf(out, MOMENT_LABEL_SIZE, "-");
    else
        moment_label(&tm, style, out);
}
