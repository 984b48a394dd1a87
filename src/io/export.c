/* Export of records as CSV or an aligned text listing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "io/csv.h"
#include "io/export.h"

int export_format_parse(const char *s)
{
    if (strcmp(s, "csv") == 0)
        return EXPORT_CSV;
    if (strcmp(s, "text") == 0)
        return EXPORT_TEXT;
    return -1;
}

unsigned text_width(const char *s)
{
    unsigned n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The cells of one row, as strings. Buffers for the formatted ones. */
#define MAX_CELLS (EXPORT_MAX_COLS + EXPORT_MAX_YEARS)
struct cells {
    unsigned n;
    const char *v[MAX_CELLS];
    char dates[4][11];
    char nums[3][24];
    char comp[COMP_MAX * (COMP_CODE_SIZE + 5) + 1];
    char nip[NIP_FMT_LEN + 1];
};

static void add(struct cells *c, const char *s)
{
    if (c->n < MAX_CELLS)
        c->v[c->n++] = s;
}

static const char *fmt_date(struct cells *c, int slot, mdate t)
{
    date_format(t, c->dates[slot]);
    return c->dates[slot];
}

static const char *fmt_comp(struct cells *c, const struct competency *comp, unsigned n)
{
    size_t at = 0;
    c->comp[0] = '\0';
    for (unsigned i = 0; i < n && at < sizeof c->comp; i++)
        at += (size_t)snprintf(c->comp + at, sizeof c->comp - at, "%s%s:%u",
                               i ? "|" : "", comp[i].code, comp[i].level);
    return c->comp;
}

/* --- the columns of each kind ------------------------------------------ */

static const char *const unit_csv[] = {"code", "name", "parent", "kind", "district", NULL};
static const char *const unit_text[] = {N_("Code"), N_("Name"), N_("Parent"), N_("Kind"),
                                        N_("District"), NULL};
static const char *const position_csv[] = {
    "code", "unit", "name", "kind", "level", "job_family", "min_rank", "min_education",
    "workload_minutes", "need", "competencies", NULL};
static const char *const position_text[] = {
    N_("Code"), N_("Unit"), N_("Name"), N_("Kind"), N_("Level"), N_("Job family"),
    N_("Min. rank"), N_("Min. education"), N_("Workload (min)"), N_("Need"), NULL};
/* Staff CSV: skp_<year> columns go between job_family and discipline. */
static const char *const staff_csv_a[] = {
    "nip", "name", "sex", "birth_date", "status", "rank", "position", "unit",
    "post_since", "pns_since", "education", "major", "job_family", NULL};
static const char *const staff_csv_b[] = {
    "discipline", "discipline_until", "leave", "home_district", "competencies", NULL};
static const char *const staff_text[] = {N_("NIP"), N_("Name"), N_("Rank"), N_("Position"),
                                         N_("Unit"), NULL};

static void unit_cells(const struct export_shape *sh, const struct unit *u, struct cells *c)
{
    (void)sh;
    c->n = 0;
    add(c, u->code);
    add(c, u->name);
    add(c, u->parent);
    add(c, unit_kind_name(u->kind));
    add(c, u->district);
}

static void position_cells(const struct export_shape *sh, const struct position *p,
                           struct cells *c)
{
    c->n = 0;
    add(c, p->code);
    add(c, p->unit);
    add(c, p->name);
    add(c, pos_kind_name(p->kind));
    add(c, pos_level_name(p->level));
    add(c, p->job_family);
    add(c, rank_name(p->min_rank));
    add(c, education_name(p->min_education));
    snprintf(c->nums[0], sizeof c->nums[0], "%lld", (long long)p->workload_minutes);
    add(c, c->nums[0]);
    c->nums[1][0] = '\0';
    if (p->need != NEED_FROM_ABK)
        snprintf(c->nums[1], sizeof c->nums[1], "%d", (int)p->need);
    add(c, c->nums[1]);
    if (sh->format == EXPORT_CSV)
        add(c, fmt_comp(c, p->comp, p->ncomp));
}

static void staff_cells(const struct export_shape *sh, const struct staff *s, struct cells *c)
{
    c->n = 0;
    if (sh->format == EXPORT_TEXT) {
        nip_format(s->nip, c->nip);
        add(c, c->nip);
        add(c, s->name);
        add(c, rank_name(s->rank));
        add(c, s->position);
        add(c, s->unit);
        return;
    }
    add(c, s->nip);
    add(c, s->name);
    add(c, sex_name(s->sex));
    add(c, fmt_date(c, 0, s->birth_date));
    add(c, status_name(s->status));
    add(c, rank_name(s->rank));
    add(c, s->position);
    add(c, s->unit);
    add(c, fmt_date(c, 1, s->post_since));
    add(c, fmt_date(c, 2, s->pns_since));
    add(c, education_name(s->education));
    add(c, s->major);
    add(c, s->job_family);
    for (unsigned y = 0; y < sh->nyears; y++)
        add(c, skp_name(staff_skp_for_year(s, sh->years[y])));
    add(c, discipline_name(s->discipline));
    add(c, fmt_date(c, 3, s->discipline_until));
    add(c, leave_name(s->leave));
    add(c, s->home_district);
    add(c, fmt_comp(c, s->comp, s->ncomp));
}

static const char *const *text_titles(enum import_kind k)
{
    return k == IMPORT_UNITS ? unit_text : k == IMPORT_POSITIONS ? position_text : staff_text;
}

/* --- shape ------------------------------------------------------------------ */

static void widen(struct export_shape *sh, const struct cells *c)
{
    for (unsigned i = 0; i < c->n && i < EXPORT_MAX_COLS; i++) {
        unsigned w = text_width(c->v[i]);
        if (w > sh->width[i])
            sh->width[i] = w;
    }
}

void export_shape_init(struct export_shape *sh, enum import_kind kind,
                       enum export_format format)
{
    memset(sh, 0, sizeof *sh);
    sh->kind = kind;
    sh->format = format;
    if (format == EXPORT_TEXT) {
        const char *const *t = text_titles(kind);
        for (unsigned i = 0; t[i]; i++)
            sh->width[i] = text_width(_(t[i]));
    }
}

void export_shape_unit(struct export_shape *sh, const struct unit *u)
{
    if (sh->format == EXPORT_TEXT) {
        struct cells c;
        unit_cells(sh, u, &c);
        widen(sh, &c);
    }
}

void export_shape_position(struct export_shape *sh, const struct position *p)
{
    if (sh->format == EXPORT_TEXT) {
        struct cells c;
        position_cells(sh, p, &c);
        widen(sh, &c);
    }
}

static void add_year(struct export_shape *sh, unsigned short year)
{
    unsigned i = 0;
    while (i < sh->nyears && sh->years[i] < year)
        i++;
    if ((i < sh->nyears && sh->years[i] == year) || sh->nyears == EXPORT_MAX_YEARS)
        return;
    memmove(&sh->years[i + 1], &sh->years[i], (sh->nyears - i) * sizeof sh->years[0]);
    sh->years[i] = year;
    sh->nyears++;
}

void export_shape_staff(struct export_shape *sh, const struct staff *s)
{
    if (sh->format == EXPORT_TEXT) {
        struct cells c;
        staff_cells(sh, s, &c);
        widen(sh, &c);
        return;
    }
    for (unsigned i = 0; i < s->nskp && i < SKP_MAX; i++)
        add_year(sh, s->skp[i].year);
}

/* --- writing ----------------------------------------------------------------- */

struct exporter {
    struct export_shape sh;
    FILE *out;
    csv_writer *w;
    struct cells c;
};

static void text_row(exporter *x, const char *const *v, unsigned n)
{
    /* Pad only up to the last non-empty cell: no trailing blanks. */
    while (n > 1 && !v[n - 1][0])
        n--;
    for (unsigned i = 0; i < n; i++) {
        fputs(v[i], x->out);
        if (i + 1 == n)
            break;
        unsigned w = text_width(v[i]), want = i < EXPORT_MAX_COLS ? x->sh.width[i] : 0;
        for (; w < want + 2; w++)
            fputc(' ', x->out);
    }
    fputc('\n', x->out);
}

static void csv_row(exporter *x, const char *const *v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        csv_put_text(x->w, v[i]);
    csv_end_row(x->w);
}

static void emit(exporter *x)
{
    if (x->sh.format == EXPORT_TEXT)
        text_row(x, x->c.v, x->c.n);
    else
        csv_row(x, x->c.v, x->c.n);
}

static void csv_header(exporter *x)
{
    const char *const *a = x->sh.kind == IMPORT_UNITS ? unit_csv
                         : x->sh.kind == IMPORT_POSITIONS ? position_csv : staff_csv_a;
    char years[EXPORT_MAX_YEARS][16];
    for (; *a; a++)
        csv_put_str(x->w, *a);
    if (x->sh.kind == IMPORT_STAFF) {
        for (unsigned i = 0; i < x->sh.nyears; i++) {
            snprintf(years[i], sizeof years[i], "skp_%u", x->sh.years[i]);
            csv_put_str(x->w, years[i]);
        }
        for (a = staff_csv_b; *a; a++)
            csv_put_str(x->w, *a);
    }
    csv_end_row(x->w);
}

exporter *export_begin(FILE *out, const struct export_shape *sh)
{
    exporter *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->sh = *sh;
    x->out = out;
    if (sh->format == EXPORT_CSV) {
        x->w = csv_writer_new(out);
        if (!x->w) {
            free(x);
            return NULL;
        }
        csv_header(x);
    } else {
        const char *const *t = text_titles(sh->kind);
        unsigned n = 0;
        const char *v[EXPORT_MAX_COLS];
        for (; t[n]; n++)
            v[n] = _(t[n]);
        text_row(x, v, n);
    }
    return x;
}

void export_unit_row(exporter *x, const struct unit *u)
{
    unit_cells(&x->sh, u, &x->c);
    emit(x);
}

void export_position_row(exporter *x, const struct position *p)
{
    position_cells(&x->sh, p, &x->c);
    emit(x);
}

void export_staff_row(exporter *x, const struct staff *s)
{
    staff_cells(&x->sh, s, &x->c);
    emit(x);
}

bool export_failed(const exporter *x)
{
    return x->w ? csv_writer_failed(x->w) : ferror(x->out) != 0;
}

int export_writer_end(csv_writer *w, FILE *out)
{
    int rc = 0, err = 0;
    if (w && csv_writer_free(w) != 0)
        rc = -1, err = errno;
    if (fflush(out) != 0 || ferror(out)) {
        if (!rc)
            err = errno ? errno : EIO;
        rc = -1;
    }
    if (rc)
        errno = err;
    return rc;
}

int export_end(exporter *x)
{
    int rc = export_writer_end(x->w, x->out);
    free(x);
    return rc;
}
