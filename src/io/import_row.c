/* CSV import, the pure half: column names, problems, the header row and
 * the conversion of one row into a record. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/fold.h"
#include "core/grow.h"
#include "core/i18n.h"
#include "io/import.h"
#include "core/preference.h"
#include "io/import_internal.h"

/* --- names ------------------------------------------------------------ */

static const char *const kind_names[] = {"units", "positions", "staff", "preferences"};

int import_kind_parse(const char *s)
{
    for (int k = 0; k <= IMPORT_PREFERENCES; k++)
        if (strcmp(s, kind_names[k]) == 0)
            return k;
    return -1;
}

const char *import_kind_name(enum import_kind k)
{
    return kind_names[k];
}

static const char *const col_names[COL_COUNT] = {
    [COL_CODE] = "code", [COL_NAME] = "name", [COL_PARENT] = "parent",
    [COL_KIND] = "kind", [COL_DISTRICT] = "district", [COL_UNIT] = "unit",
    [COL_LEVEL] = "level", [COL_JOB_FAMILY] = "job_family",
    [COL_MIN_RANK] = "min_rank", [COL_MIN_EDUCATION] = "min_education",
    [COL_WORKLOAD] = "workload_minutes", [COL_NEED] = "need",
    [COL_COMPETENCIES] = "competencies", [COL_NIP] = "nip", [COL_SEX] = "sex",
    [COL_BIRTH_DATE] = "birth_date", [COL_STATUS] = "status",
    [COL_RANK] = "rank", [COL_POSITION] = "position",
    [COL_POST_SINCE] = "post_since", [COL_PNS_SINCE] = "pns_since",
    [COL_EDUCATION] = "education", [COL_MAJOR] = "major",
    [COL_DISCIPLINE] = "discipline", [COL_DISCIPLINE_UNTIL] = "discipline_until",
    [COL_LEAVE] = "leave", [COL_HOME_DISTRICT] = "home_district",
    [COL_PREFER] = "prefer", [COL_AVOID] = "avoid", [COL_NOTE] = "note",
};

const char *import_col_name(enum import_col c)
{
    return col_names[c];
}

/* Columns each file may have; 'r' = required, 'o' = optional. */
struct col_use {
    enum import_col col;
    char use;
};
static const struct col_use unit_cols[] = {
    {COL_CODE, 'r'}, {COL_NAME, 'r'}, {COL_PARENT, 'o'}, {COL_KIND, 'r'},
    {COL_DISTRICT, 'o'}, {COL_COUNT, 0}};
static const struct col_use position_cols[] = {
    {COL_CODE, 'r'}, {COL_UNIT, 'r'}, {COL_NAME, 'r'}, {COL_KIND, 'r'},
    {COL_LEVEL, 'o'}, {COL_JOB_FAMILY, 'r'}, {COL_MIN_RANK, 'o'},
    {COL_MIN_EDUCATION, 'o'}, {COL_WORKLOAD, 'r'}, {COL_NEED, 'o'},
    {COL_COMPETENCIES, 'o'}, {COL_COUNT, 0}};
static const struct col_use staff_cols[] = {
    {COL_NIP, 'r'}, {COL_NAME, 'r'}, {COL_SEX, 'r'}, {COL_BIRTH_DATE, 'r'},
    {COL_STATUS, 'r'}, {COL_RANK, 'r'}, {COL_POSITION, 'r'}, {COL_UNIT, 'r'},
    {COL_POST_SINCE, 'r'}, {COL_PNS_SINCE, 'o'}, {COL_EDUCATION, 'r'},
    {COL_MAJOR, 'o'}, {COL_JOB_FAMILY, 'r'}, {COL_DISCIPLINE, 'o'},
    {COL_DISCIPLINE_UNTIL, 'o'}, {COL_LEAVE, 'o'}, {COL_HOME_DISTRICT, 'o'},
    {COL_COMPETENCIES, 'o'}, {COL_COUNT, 0}};

static const struct col_use preference_cols[] = {
    {COL_NIP, 'r'}, {COL_PREFER, 'o'}, {COL_AVOID, 'o'}, {COL_NOTE, 'o'}, {COL_COUNT, 0}};

static const struct col_use *cols_of(enum import_kind k)
{
    return k == IMPORT_UNITS ? unit_cols : k == IMPORT_POSITIONS ? position_cols
           : k == IMPORT_PREFERENCES ? preference_cols : staff_cols;
}

/* --- problems ----------------------------------------------------------- */

void import_problems_free(struct import_problems *ps)
{
    free(ps->p);
    memset(ps, 0, sizeof *ps);
}

/* Counts a problem and gives the slot to keep it in: NULL when the list
 * is full (IMPORT_PROBLEMS_KEPT) or out of memory (it is still counted). */
static struct import_problem *problem_slot(struct import_problems *ps, bool warning)
{
    if (warning)
        ps->warnings++;
    else
        ps->errors++;
    if (ps->n >= IMPORT_PROBLEMS_KEPT || GROW_ROOM(ps->p, ps->cap, ps->n + 1, 16) != 0)
        return NULL;
    return &ps->p[ps->n++];
}

void import_problem_add(struct import_problems *ps, bool warning, unsigned line,
                        unsigned col, const char *column, const char *fmt, ...)
{
    struct import_problem *e = problem_slot(ps, warning);
    if (!e)
        return;
    e->line = line;
    e->col = col;
    e->warning = warning;
    snprintf(e->column, sizeof e->column, "%s", column ? column : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void import_problem_copy(struct import_problems *ps, const struct import_problem *p)
{
    struct import_problem *e = problem_slot(ps, p->warning);
    if (e)
        *e = *p;
}

static int problem_cmp(const void *a, const void *b)
{
    const struct import_problem *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

void import_problems_sort(struct import_problems *ps)
{
    /* qsort is not stable; problems of one field keep their order because
     * each field adds at most one problem of its own, validation aside. */
    if (ps->n > 1)
        qsort(ps->p, ps->n, sizeof *ps->p, problem_cmp);
}

/* --- header --------------------------------------------------------------- */

static bool ieq(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        if ((char)fold_char((unsigned char)a[i]) != b[i])
            return false;
    }
    return true;
}

/* skp_<year> (any case): the year, or 0. */
static int skp_column_year(const char *s, size_t len)
{
    if (len != 8 || !ieq(s, 4, "skp_"))
        return 0;
    int y = 0;
    for (size_t i = 4; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    return y >= 1900 && y <= 2199 ? y : 0;
}

static int skp_cmp(const void *a, const void *b)
{
    const unsigned short *x = a, *y = b;
    return (*x > *y) - (*x < *y);
}

int import_header_parse(struct import_header *h, enum import_kind kind,
                        const struct csv_row *row, struct import_problems *ps)
{
    size_t before = ps->errors;
    const struct col_use *cols = cols_of(kind);
    memset(h, 0, sizeof *h);
    h->kind = kind;
    h->ncols = row->n;
    for (int c = 0; c < COL_COUNT; c++)
        h->col[c] = -1;
    for (unsigned i = 0; i < row->n; i++) {
        const struct csv_field *f = &row->f[i];
        const struct col_use *u = cols;
        while (u->col != COL_COUNT && !ieq(f->p, f->len, col_names[u->col]))
            u++;
        int year = kind == IMPORT_STAFF ? skp_column_year(f->p, f->len) : 0;
        if (u->col != COL_COUNT) {
            if (h->col[u->col] >= 0)
                import_problem_add(ps, false, f->line, f->col, col_names[u->col],
                                   _("the column appears twice (first as column %d)"),
                                   h->col[u->col] + 1);
            else
                h->col[u->col] = (int)i;
        } else if (year) {
            bool dup = false;
            for (unsigned k = 0; k < h->nskp; k++)
                if (h->skp[k].year == year) {
                    import_problem_add(ps, false, f->line, f->col, "skp",
                                       _("the column skp_%d appears twice"), year);
                    dup = true;
                }
            if (dup)
                continue;
            if (h->nskp == IMPORT_SKP_COLS) {
                import_problem_add(ps, false, f->line, f->col, "skp",
                                   _("more than %d skp_<year> columns"), IMPORT_SKP_COLS);
                continue;
            }
            h->skp[h->nskp].year = (unsigned short)year;
            h->skp[h->nskp++].idx = (int)i;
        } else {
            import_problem_add(ps, true, f->line, f->col, "",
                               _("unknown column \"%.*s\" is ignored"),
                               (int)(f->len > 40 ? 40 : f->len), f->p);
        }
    }
    qsort(h->skp, h->nskp, sizeof h->skp[0], skp_cmp);
    for (const struct col_use *u = cols; u->col != COL_COUNT; u++)
        if (u->use == 'r' && h->col[u->col] < 0)
            import_problem_add(ps, false, 1, 1, col_names[u->col],
                               _("required column is missing"));
    return (int)(ps->errors - before);
}

/* --- fields ----------------------------------------------------------------- */

/* The context of one row's conversion. */
struct rowctx {
    const struct import_header *h;
    const struct csv_row *row;
    struct import_problems *ps;
    struct import_memo *memo;   /* NULL: parse every field afresh */
    int bad[COL_COUNT];         /* conversion errors per column */
    int errors;
};


static const struct csv_field empty_field = {.p = ""};

/* The field of column c (an empty one when the column or field is absent). */
static const struct csv_field *fld(const struct rowctx *x, enum import_col c)
{
    int i = x->h->col[c];
    if (i < 0 || (unsigned)i >= x->row->n)
        return &empty_field;
    return &x->row->f[i];
}

unsigned import_col_where(const struct import_header *h, const struct csv_row *row,
                          enum import_col c, unsigned *line)
{
    int i = h->col[c];
    if (i >= 0 && (unsigned)i < row->n) {
        *line = row->f[i].line;
        return row->f[i].col;
    }
    *line = row->line;
    return i >= 0 ? (unsigned)i + 1 : 1;
}

static void where(const struct rowctx *x, enum import_col c, unsigned *line, unsigned *col)
{
    *col = import_col_where(x->h, x->row, c, line);
}

static void bad(struct rowctx *x, enum import_col c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bad(struct rowctx *x, enum import_col c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned line, col;
    where(x, c, &line, &col);
    import_problem_add(x->ps, false, line, col, col_names[c], "%s", msg);
    x->bad[c]++;
    x->errors++;
}

/* Shown in messages: at most 40 bytes of the field. */
#define SHOW(f) (int)((f)->len > 40 ? 40 : (f)->len), (f)->p

/* A text or code column into a fixed buffer, undoing the neutralisation. */
static void text(struct rowctx *x, enum import_col c, char *dst, size_t size)
{
    const struct csv_field *f = fld(x, c);
    const char *p = f->p;
    size_t len = csv_unneutralise(&p, f->len);
    dst[0] = '\0';
    if (len >= size) {
        bad(x, c, _("%zu bytes, longer than the %zu allowed"), len, size - 1);
        return;
    }
    if (len && memchr(p, '\0', len)) {
        bad(x, c, _("holds a NUL byte"));
        return;
    }
    memcpy(dst, p, len);
    dst[len] = '\0';
}

typedef int (*vocab_parse_fn)(const char *s, size_t len);

static int memo_parse(struct rowctx *x, unsigned slot, vocab_parse_fn parse,
                      const char *p, size_t len)
{
    struct vocab_memo *m = NULL;
    if (x->memo && len <= MEMO_TEXT) {
        unsigned h = (unsigned)len;
        for (size_t i = 0; i < len; i++)
            h = h * 31 + (unsigned char)p[i];
        m = &x->memo->col[slot][h % MEMO_SLOTS];
        if (m->used && m->len == len && memcmp(m->text, p, len) == 0)
            return m->value;
    }
    int v = parse(p, len);
    if (m) {
        m->used = true;
        m->len = (unsigned char)len;
        memcpy(m->text, p, len);
        m->value = v;
    }
    return v;
}

static uint8_t vocab(struct rowctx *x, enum import_col c, vocab_parse_fn parse,
                     const char *expected)
{
    const struct csv_field *f = fld(x, c);
    int v = memo_parse(x, c, parse, f->p, f->len);
    if (v < 0) {
        bad(x, c, _("unknown value \"%.*s\" (expected %s)"), SHOW(f), _(expected));
        return 0;
    }
    return (uint8_t)v;
}

static mdate date(struct rowctx *x, enum import_col c)
{
    const struct csv_field *f = fld(x, c);
    mdate t = MDATE_NONE;
    if (!f->len)
        return t;
    enum date_result r = date_parse_ex(f->p, f->len, &t);
    if (r == DATE_MONTH_FIRST)
        bad(x, c, _("\"%.*s\" is a date only month first (MM/DD/YYYY); dates are read "
                    "day first (DD/MM/YYYY): save the file with day-first dates"), SHOW(f));
    else if (r != DATE_OK)
        bad(x, c, _("\"%.*s\" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY)"),
            SHOW(f));
    return r == DATE_OK ? t : MDATE_NONE;
}

/* Digits with an optional sign into *out; false when not a whole number. */
static bool parse_int64(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    if (len && (s[0] == '-' || s[0] == '+'))
        neg = s[0] == '-', i = 1;
    if (i == len)
        return false;
    uint64_t v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || v > (uint64_t)INT64_MAX / 10)
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > (uint64_t)INT64_MAX)
        return false;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

static int64_t number(struct rowctx *x, enum import_col c, int64_t lo, int64_t hi,
                      int64_t if_empty)
{
    const struct csv_field *f = fld(x, c);
    int64_t v;
    if (!f->len)
        return if_empty;
    if (!parse_int64(f->p, f->len, &v) || v < lo || v > hi) {
        if (lo == 0)
            bad(x, c, _("\"%.*s\" is not a whole number of 0 or more"), SHOW(f));
        else
            bad(x, c, _("\"%.*s\" is not a whole number from %lld to %lld"), SHOW(f),
                (long long)lo, (long long)hi);
        return if_empty;
    }
    return v;
}

/* "code:level|code:level" */
static uint8_t competencies(struct rowctx *x, struct competency *out)
{
    const struct csv_field *f = fld(x, COL_COMPETENCIES);
    const char *p = f->p, *end = f->p + f->len;
    uint8_t n = 0;
    while (p < end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *e = bar ? bar : end;
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        const char *t = e;
        while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
            t--;
        const char *colon = memchr(p, ':', (size_t)(t - p));
        int64_t level;
        if (t == p) {
            /* empty item: tolerated ("a:1|") */
        } else if (!colon || colon == p || !parse_int64(colon + 1, (size_t)(t - colon - 1), &level) ||
                   level < 0 || level > 255) {
            bad(x, COL_COMPETENCIES, _("\"%.*s\" is not code:level (level a number)"),
                (int)(t - p), p);
            return 0;
        } else if ((size_t)(colon - p) >= COMP_CODE_SIZE) {
            bad(x, COL_COMPETENCIES, _("competency code \"%.*s\" is longer than %d bytes"),
                (int)(colon - p), p, COMP_CODE_SIZE - 1);
            return 0;
        } else if (n == COMP_MAX) {
            bad(x, COL_COMPETENCIES, _("more than %d competencies"), COMP_MAX);
            return 0;
        } else {
            memcpy(out[n].code, p, (size_t)(colon - p));
            out[n].code[colon - p] = '\0';
            out[n].level = (uint8_t)level;
            n++;
        }
        p = bar ? bar + 1 : end;
    }
    return n;
}

/* Adds the validator's problems, each at its column, skipping columns that
 * already failed to convert (the validator would only repeat them). */
static void add_verrs(struct rowctx *x, const struct verrs *v, enum import_col key)
{
    int kept = v->n < VERR_MAX ? v->n : VERR_MAX;
    for (int i = 0; i < kept; i++) {
        const struct verr *e = &v->e[i];
        enum import_col c = key;
        int skp_idx = -1;
        for (int k = 0; k < COL_COUNT; k++)
            if (strcmp(col_names[k], e->field) == 0)
                c = (enum import_col)k;
        if (strncmp(e->field, "skp", 3) == 0)
            for (unsigned k = 0; k < x->h->nskp; k++)
                if (skp_idx < 0 || (e->field[3] == '_' && atoi(e->field + 4) == x->h->skp[k].year))
                    skp_idx = x->h->skp[k].idx;
        if (x->bad[c])
            continue;
        unsigned line = x->row->line, col;
        if (skp_idx >= 0 && (unsigned)skp_idx < x->row->n) {
            line = x->row->f[skp_idx].line;
            col = x->row->f[skp_idx].col;
        } else {
            where(x, c, &line, &col);
        }
        import_problem_add(x->ps, false, line, col, e->field, "%s", e->msg);
        x->errors++;
    }
}

static void row_init(struct rowctx *x, const struct import_header *h,
                     const struct csv_row *row, struct import_problems *ps,
                     struct import_memo *memo)
{
    memset(x, 0, sizeof *x);
    x->h = h;
    x->row = row;
    x->ps = ps;
    x->memo = memo;
    if (row->n != h->ncols) {
        unsigned col = row->n > h->ncols ? h->ncols + 1 : row->n;
        unsigned line = row->f[col - 1].line;
        import_problem_add(ps, false, line, col, "",
                           _("the row has %u fields, the header %u"), row->n, h->ncols);
        x->errors++;
    }
}

/* --- rows -> records -------------------------------------------------------- */

int import_unit_row_ex(const struct import_header *h, const struct csv_row *row,
                    struct unit *u, struct import_problems *ps, bool validate,
                    struct import_memo *memo)
{
    struct rowctx x;
    row_init(&x, h, row, ps, memo);
    memset(u, 0, sizeof *u);
    text(&x, COL_CODE, u->code, sizeof u->code);
    text(&x, COL_NAME, u->name, sizeof u->name);
    text(&x, COL_PARENT, u->parent, sizeof u->parent);
    u->kind = vocab(&x, COL_KIND, unit_kind_parse, N_("instansi, opd, bidang, seksi or upt"));
    text(&x, COL_DISTRICT, u->district, sizeof u->district);
    struct verrs v = {0};
    if (validate && unit_validate(u, &v))
        add_verrs(&x, &v, COL_CODE);
    return x.errors;
}

int import_position_row_ex(const struct import_header *h, const struct csv_row *row,
                        struct position *p, struct import_problems *ps, bool validate,
                        struct import_memo *memo)
{
    struct rowctx x;
    row_init(&x, h, row, ps, memo);
    memset(p, 0, sizeof *p);
    text(&x, COL_CODE, p->code, sizeof p->code);
    text(&x, COL_UNIT, p->unit, sizeof p->unit);
    text(&x, COL_NAME, p->name, sizeof p->name);
    p->kind = vocab(&x, COL_KIND, pos_kind_parse,
                    N_("jpt, administrator, pengawas, pelaksana or fungsional"));
    p->level = vocab(&x, COL_LEVEL, pos_level_parse,
                     N_("utama, madya, pratama, ahli-pertama, ahli-muda, ahli-madya, "
                        "ahli-utama, pemula, terampil, mahir, penyelia or empty"));
    text(&x, COL_JOB_FAMILY, p->job_family, sizeof p->job_family);
    p->min_rank = vocab(&x, COL_MIN_RANK, rank_parse,
                        N_("a rank I/a to IV/e, a PPPK grade I to XVII, or empty"));
    p->min_education = vocab(&x, COL_MIN_EDUCATION, education_parse,
                             N_("SD, SMP, SMA, D-I to D-IV, S-1, S-2, S-3 or empty"));
    p->workload_minutes = number(&x, COL_WORKLOAD, 0, INT64_MAX / 2, 0);
    p->need = (int32_t)number(&x, COL_NEED, 0, INT32_MAX, NEED_FROM_ABK);
    p->ncomp = competencies(&x, p->comp);
    struct verrs v = {0};
    if (validate && position_validate(p, &v))
        add_verrs(&x, &v, COL_CODE);
    return x.errors;
}

static void staff_skp(struct rowctx *x, struct staff *s)
{
    for (unsigned k = 0; k < x->h->nskp; k++) {
        int i = x->h->skp[k].idx;
        if ((unsigned)i >= x->row->n || !x->row->f[i].len)
            continue;
        const struct csv_field *f = &x->row->f[i];
        int v = memo_parse(x, COL_COUNT + k, skp_parse, f->p, f->len);
        if (v > 0 && s->nskp < SKP_MAX) {
            s->skp[s->nskp].year = x->h->skp[k].year;
            s->skp[s->nskp++].predikat = (uint8_t)v;
            continue;
        }
        char colname[16];
        snprintf(colname, sizeof colname, "skp_%u", x->h->skp[k].year);
        x->errors++;
        if (v <= 0)
            import_problem_add(x->ps, false, f->line, f->col, colname,
                               _("unknown value \"%.*s\" (expected sangat-baik, baik, "
                                 "butuh-perbaikan, kurang or sangat-kurang)"), SHOW(f));
        else
            import_problem_add(x->ps, false, f->line, f->col, colname,
                               _("more than %d SKP years are filled in"), SKP_MAX);
    }
}

int import_staff_row_ex(const struct import_header *h, const struct csv_row *row,
                     mdate today, struct staff *s, struct import_problems *ps, bool validate,
                     struct import_memo *memo)
{
    struct rowctx x;
    row_init(&x, h, row, ps, memo);
    memset(s, 0, sizeof *s);
    const struct csv_field *f = fld(&x, COL_NIP);
    /* A leading ' is how a spreadsheet user marks a cell as text. */
    const char *nip = f->p;
    size_t niplen = f->len;
    if (niplen && nip[0] == '\'')
        nip++, niplen--;
    if (niplen) {
        enum nip_error e = nip_parse(nip, niplen, s->nip);
        if (e != NIP_OK) {
            s->nip[0] = '\0';
            bad(&x, COL_NIP, _("\"%.*s\": %s"), SHOW(f), nip_error_text(e));
        }
    }
    text(&x, COL_NAME, s->name, sizeof s->name);
    s->sex = vocab(&x, COL_SEX, sex_parse, N_("L or P"));
    s->birth_date = date(&x, COL_BIRTH_DATE);
    s->status = vocab(&x, COL_STATUS, status_parse, N_("PNS, CPNS or PPPK"));
    s->rank = vocab(&x, COL_RANK, rank_parse, N_("a rank I/a to IV/e or a PPPK grade I to XVII"));
    text(&x, COL_POSITION, s->position, sizeof s->position);
    text(&x, COL_UNIT, s->unit, sizeof s->unit);
    s->post_since = date(&x, COL_POST_SINCE);
    s->pns_since = date(&x, COL_PNS_SINCE);
    s->education = vocab(&x, COL_EDUCATION, education_parse,
                         N_("SD, SMP, SMA, D-I to D-IV, S-1, S-2 or S-3"));
    text(&x, COL_MAJOR, s->major, sizeof s->major);
    text(&x, COL_JOB_FAMILY, s->job_family, sizeof s->job_family);
    staff_skp(&x, s);
    s->discipline = vocab(&x, COL_DISCIPLINE, discipline_parse,
                          N_("ringan, sedang, berat or empty"));
    s->discipline_until = date(&x, COL_DISCIPLINE_UNTIL);
    s->leave = vocab(&x, COL_LEAVE, leave_parse,
                     N_("tugas-belajar, cltn, ikatan-dinas or empty"));
    text(&x, COL_HOME_DISTRICT, s->home_district, sizeof s->home_district);
    s->ncomp = competencies(&x, s->comp);
    struct verrs v;             /* 3.6 KB: only the count needs a value */
    v.n = 0;
    if (validate && staff_validate(s, today, &v))
        add_verrs(&x, &v, COL_NIP);
    return x.errors;
}

int import_unit_row(const struct import_header *h, const struct csv_row *row,
                    struct unit *out, struct import_problems *ps)
{
    return import_unit_row_ex(h, row, out, ps, true, NULL);
}

int import_position_row(const struct import_header *h, const struct csv_row *row,
                        struct position *out, struct import_problems *ps)
{
    return import_position_row_ex(h, row, out, ps, true, NULL);
}

int import_staff_row(const struct import_header *h, const struct csv_row *row,
                     mdate today, struct staff *out, struct import_problems *ps)
{
    return import_staff_row_ex(h, row, today, out, ps, true, NULL);
}


/* --- preferences -------------------------------------------------------------- */

static void places(struct rowctx *x, enum import_col c, char out[PREF_PLACES_MAX][PREF_PLACE_SIZE],
                   uint8_t *n)
{
    const struct csv_field *f = fld(x, c);
    const char *p = f->p;
    size_t len = csv_unneutralise(&p, f->len);
    char err[256];
    if (preference_places_parse(p, len, out, n, err, sizeof err) != 0)
        bad(x, c, "%s", err);
}

int import_preference_row_ex(const struct import_header *h, const struct csv_row *row,
                             struct preference *p, struct import_problems *ps, bool validate,
                             struct import_memo *memo)
{
    struct rowctx x;
    char nip[64];
    row_init(&x, h, row, ps, memo);
    memset(p, 0, sizeof *p);
    text(&x, COL_NIP, nip, sizeof nip);
    if (!x.bad[COL_NIP] && nip_parse(nip, strlen(nip), p->nip) != NIP_OK)
        bad(&x, COL_NIP, _("\"%s\" is not a NIP (18 digits)"), nip);
    places(&x, COL_PREFER, p->prefer, &p->nprefer);
    places(&x, COL_AVOID, p->avoid, &p->navoid);
    text(&x, COL_NOTE, p->note, sizeof p->note);
    struct verrs v = {0};
    if (validate && !x.errors && preference_validate(p, &v))
        add_verrs(&x, &v, COL_NIP);
    return x.errors;
}

int import_preference_row(const struct import_header *h, const struct csv_row *row,
                          struct preference *out, struct import_problems *ps)
{
    return import_preference_row_ex(h, row, out, ps, true, NULL);
}
