/* The workload tables' writer (see workload_table.h). */
#include <string.h>
#include "cli/workload_table.h"
#include "core/i18n.h"
#include "io/export.h"

static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324"
                                  "25262728293031323334353637383940414243444546474849"
                                  "50515253545556575859606162636465666768697071727374"
                                  "75767778798081828384858687888990919293949596979899";

/* v in decimal, ending at end (exclusive; up to 20 bytes before it);
 * returns where it starts. Two digits a step: half the divisions. */
static inline __attribute__((always_inline)) char *decimal_back(int64_t v, char *end)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    for (; u >= 100; u /= 100)
        end -= 2, memcpy(end, digit_pairs + 2 * (u % 100), 2);
    if (u >= 10)
        end -= 2, memcpy(end, digit_pairs + 2 * u, 2);
    else
        *--end = (char)('0' + u);
    if (v < 0)
        *--end = '-';
    return end;
}

/* The four figures of a row in column order: workload, need, existing, gap. */
static inline void four_figures(const struct wl_row *r, int64_t v[4])
{
    v[0] = r->workload_minutes, v[1] = r->need, v[2] = r->existing, v[3] = wl_gap(r);
}

/* The six figures of a row as text: their strings and lengths (ASCII, so
 * also their widths). */
struct figures {
    char buf[6][24];
    const char *s[6];
    int len[6];
};

static void figures_of(const struct wl_row *r, const struct policy *p, struct figures *f)
{
    int64_t v[4];
    four_figures(r, v);
    for (int i = 0; i < 4; i++) {
        f->s[i] = decimal_back(v[i], f->buf[i] + sizeof f->buf[i]);
        f->len[i] = (int)(f->buf[i] + sizeof f->buf[i] - f->s[i]);
    }
    f->len[4] = (int)wl_format_ej(r, p, f->buf[4]);
    f->s[4] = f->buf[4];
    f->s[5] = wl_grade_name(wl_grade(r, p));
    f->len[5] = (int)strlen(f->s[5]);
}

void wl_table_fit_key(struct wl_table *t, int c, int chars)
{
    if (chars > t->w[c])
        t->w[c] = chars;
}

void wl_table_init(struct wl_table *t, const struct policy *p, bool grouped)
{
    const char *head[WL_NCOLS] = {grouped ? _("GROUP") : _("UNIT"), _("POSITION"),
                                  _("WORKLOAD"), _("NEED"), _("EXISTING"), _("GAP"),
                                  _("EJ"), _("GRADE"), _("NAME")};
    memcpy(t->head, head, sizeof head);
    for (int c = 0; c < WL_NCOLS; c++)
        t->w[c] = (int)text_width(head[c]);
    wl_table_fit_key(t, WL_COL_KEY1, (int)text_width(_("total")));
    t->p = p;
    t->grouped = grouped;
    t->named = false;
}

void wl_table_fit(struct wl_table *t, const struct wl_row *r)
{
    wl_table_fit_key(t, WL_COL_WORKLOAD, wl_decimal_width(r->workload_minutes));
    wl_table_fit_key(t, WL_COL_NEED, wl_decimal_width(r->need));
    wl_table_fit_key(t, WL_COL_EXISTING, wl_decimal_width(r->existing));
    wl_table_fit_key(t, WL_COL_GAP, wl_decimal_width(wl_gap(r)));
    wl_table_fit_key(t, WL_COL_EJ, (int)wl_ej_width(r, t->p));
    wl_table_fit_key(t, WL_COL_GRADE, (int)strlen(wl_grade_name(wl_grade(r, t->p))));
}

/* A line being built; cells two spaces apart, written without trailing
 * spaces. */
struct line {
    char buf[WL_LINE_MAX];
    size_t len;
};

/* A cell of len bytes and chars characters in a column w wide. */
static void cell(struct line *l, const char *s, size_t len, int chars, int w, bool right)
{
    size_t fill = w > chars ? (size_t)(w - chars) : 0;
    if (l->len + len + fill + 3 > sizeof l->buf)
        return;
    if (l->len)
        l->buf[l->len++] = ' ', l->buf[l->len++] = ' ';
    if (right)
        memset(l->buf + l->len, ' ', fill), l->len += fill;
    memcpy(l->buf + l->len, s, len);
    l->len += len;
    if (!right)
        memset(l->buf + l->len, ' ', fill), l->len += fill;
}

static void text_cell(struct line *l, const char *s, int w, bool right)
{
    cell(l, s, strlen(s), (int)text_width(s), w, right);
}

/* Ends the line: no trailing spaces, a newline. */
static void line_end(struct line *l)
{
    while (l->len > 0 && l->buf[l->len - 1] == ' ')
        l->len--;
    l->buf[l->len++] = '\n';
}

static void line_out(FILE *out, struct line *l)
{
    line_end(l);
    fwrite(l->buf, 1, l->len, out);
    l->len = 0;
}

void wl_table_header(const struct wl_table *t, FILE *out)
{
    struct line l = {.len = 0};
    for (int c = 0; c < WL_NCOLS; c++)
        if (!(t->grouped && c == WL_COL_KEY2) && (t->named || c != WL_COL_NAME))
            text_cell(&l, t->head[c], t->w[c], c >= WL_COL_WORKLOAD && c < WL_COL_GRADE);
    line_out(out, &l);
}

/* key1 indented by indent spaces (the indent cut to a name, the key to 63
 * bytes); as is when not indented. */
static void key_cell(struct line *l, const char *key, int indent, int w)
{
    if (indent <= 0) {
        text_cell(l, key, w, false);
        return;
    }
    char k[NAME_SIZE + 64];
    size_t pad = (size_t)indent < NAME_SIZE ? (size_t)indent : NAME_SIZE;
    size_t n = strnlen(key, 63);
    memset(k, ' ', pad);
    memcpy(k + pad, key, n);
    k[pad + n] = '\0';
    cell(l, k, pad + n, (int)(pad + text_width(k + pad)), w, false);
}

void wl_table_row(const struct wl_table *t, FILE *out, int indent, const char *key1,
                  const char *key2, const struct wl_row *r, const char *name)
{
    char buf[WL_LINE_MAX];
    fwrite(buf, 1, wl_table_line(t, buf, indent, key1, key2, r, name), out);
}

size_t wl_table_line(const struct wl_table *t, char out[WL_LINE_MAX], int indent,
                     const char *key1, const char *key2, const struct wl_row *r,
                     const char *name)
{
    struct line l = {.len = 0};
    struct figures f;
    key_cell(&l, key1, indent, t->w[WL_COL_KEY1]);
    if (!t->grouped)
        text_cell(&l, key2 ? key2 : "", t->w[WL_COL_KEY2], false);
    figures_of(r, t->p, &f);
    for (int c = 0; c < 6; c++)
        cell(&l, f.s[c], (size_t)f.len[c], f.len[c], t->w[WL_COL_WORKLOAD + c], c < 5);
    if (t->named && name)
        cell(&l, name, strlen(name), 0, 0, false);     /* the last column: no fill */
    line_end(&l);
    memcpy(out, l.buf, l.len);
    return l.len;
}

void wl_table_csv_header(csv_writer *cw, bool grouped)
{
    static const char *const cols[] = {"workload_minutes", "need", "existing", "gap",
                                       "ej", "grade"};
    if (grouped) {
        csv_put_str(cw, "group");
    } else {
        csv_put_str(cw, "unit");
        csv_put_str(cw, "position");
    }
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        csv_put_str(cw, cols[i]);
    csv_end_row(cw);
}

void wl_table_csv_figures(csv_writer *cw, const struct wl_row *r, const struct policy *p)
{
    char ej[24];
    csv_put_int(cw, r->workload_minutes);
    csv_put_int(cw, r->need);
    csv_put_int(cw, r->existing);
    csv_put_int(cw, wl_gap(r));
    wl_format_ej(r, p, ej);
    csv_put_str(cw, ej);
    csv_put_str(cw, wl_grade_name(wl_grade(r, p)));
    csv_end_row(cw);
}

/* --- many rows: the widths from the extremes, the places fixed ------------------ */

/* The width of the EJ as wl_ej_width, without a division where the EJ is
 * plainly under 9.00 ("d.dd"): holders up to s->holders_max, whose
 * effective time times 9 cannot overflow. */
static int ej_width(const struct wl_span *s, const struct wl_row *r, const struct policy *p)
{
    if (r->existing <= 0 || p->effective_minutes <= 0)
        return 0;
    if (r->workload_minutes >= 0 && r->existing <= s->holders_max &&
        r->workload_minutes < 9 * r->existing * p->effective_minutes)
        return 4;
    return (int)wl_ej_width(r, p);
}

void wl_span_add(struct wl_span *s, const struct wl_row *r, const struct policy *p)
{
    int64_t v[4];
    four_figures(r, v);
    if (!s->any) {
        memcpy(s->lo, v, sizeof v), memcpy(s->hi, v, sizeof v);
        s->holders_max = p->effective_minutes > 0 ? INT64_MAX / 16 / p->effective_minutes : 0;
        s->any = true;
    }
    for (int i = 0; i < 4; i++) {
        s->lo[i] = v[i] < s->lo[i] ? v[i] : s->lo[i];
        s->hi[i] = v[i] > s->hi[i] ? v[i] : s->hi[i];
    }
    int w = ej_width(s, r, p);
    s->ej = w > s->ej ? w : s->ej;
}

void wl_table_fit_span(struct wl_table *t, const struct wl_span *s)
{
    if (!s->any)
        return;
    /* a decimal's width grows with its distance from 0: the extremes' is the widest */
    for (int i = 0; i < 4; i++) {
        wl_table_fit_key(t, WL_COL_WORKLOAD + i, wl_decimal_width(s->lo[i]));
        wl_table_fit_key(t, WL_COL_WORKLOAD + i, wl_decimal_width(s->hi[i]));
    }
    wl_table_fit_ej(t, s->ej);
}

void wl_table_fit_ej(struct wl_table *t, int ej)
{
    wl_table_fit_key(t, WL_COL_EJ, ej);
    /* a row has a grade exactly when it has an EJ */
    for (int g = WL_GRADE_A; ej > 0 && g <= WL_GRADE_E; g++)
        wl_table_fit_key(t, WL_COL_GRADE, (int)strlen(wl_grade_name(g)));
}

void wl_table_places(const struct wl_table *t, struct wl_places *pl)
{
    int at = t->w[WL_COL_KEY1];
    for (int c = 0; c < 6; c++) {
        pl->start[c] = at + 2;
        at = pl->end[c] = pl->start[c] + t->w[WL_COL_WORKLOAD + c];
    }
    pl->fixed = t->named ? at + 2 : at;
    for (int g = WL_GRADE_NONE; g <= WL_GRADE_E; g++) {
        pl->grade[g] = wl_grade_name(g);
        pl->grade_len[g] = (int)strlen(pl->grade[g]);
    }
    memset(pl->blank, ' ', sizeof pl->blank);
}

/* The EJ of h hundredths ("d.dd", as wl_format_ej writes it) ending at
 * end; returns where it starts. */
static char *ej_back(int64_t h, char *end)
{
    if (h < 0)
        return end;
    end -= 2, memcpy(end, digit_pairs + 2 * (h % 100), 2);
    *--end = '.';
    return decimal_back(h / 100, end);
}

size_t wl_table_fast_line(const struct wl_table *t, const struct wl_places *pl,
                          char out[WL_LINE_MAX], int indent, const char *key, size_t key_len,
                          const struct wl_row *r, const char *name, size_t name_len)
{
    /* as wl_table_line where every cell fits its column and the line its buffer */
    if (!t->grouped || indent < 0 || indent > NAME_SIZE || key_len > 63 ||
        (size_t)indent + key_len > (size_t)t->w[WL_COL_KEY1] ||
        (size_t)pl->fixed + name_len + 3 > WL_LINE_MAX)
        return 0;
    /* a figure too wide for its column is found after it is written, over
     * the bytes before it: up to 20, in out's own line when the figures
     * start far enough into it */
    char line[24 + WL_LINE_MAX];
    char *l = pl->start[0] > 24 ? out : line + 24;
    memcpy(l, pl->blank, (size_t)pl->fixed);
    unsigned char bytes = 0;          /* the key copied and seen to be ASCII in one pass */
    for (size_t i = 0; i < key_len; i++)
        bytes |= (unsigned char)(l[indent + i] = key[i]);
    if (bytes >= 0x80)
        return 0;
    int64_t v[4];
    four_figures(r, v);
    for (int c = 0; c < 4; c++)
        if (decimal_back(v[c], l + pl->end[c]) < l + pl->start[c])
            return 0;
    int64_t h = wl_ej_hundredths(r, t->p);
    int g = wl_grade_of(h, t->p);
    if (ej_back(h, l + pl->end[4]) < l + pl->start[4] || pl->grade_len[g] > pl->end[5] - pl->start[5])
        return 0;
    for (int i = 0; i < pl->grade_len[g]; i++)      /* a letter: no call */
        l[pl->start[5] + i] = pl->grade[g][i];
    size_t len = (size_t)pl->fixed;
    if (t->named) {
        memcpy(l + len, name, name_len);
        len += name_len;
    }
    while (len > 0 && l[len - 1] == ' ')
        len--;
    l[len++] = '\n';
    if (l != out)
        memcpy(out, l, len);
    return len;
}

size_t wl_table_csv_line(char *out, const char *key, size_t key_len, const struct wl_row *r,
                         const struct policy *p)
{
    /* the figures built from the end back, then placed after the key at once */
    char figs[128];
    char *f = figs + sizeof figs;
    int64_t h = wl_ej_hundredths(r, p);
    const char *grade = wl_grade_name(wl_grade_of(h, p));
    size_t glen = strlen(grade);
    *--f = '\n';
    f -= glen, memcpy(f, grade, glen);
    *--f = ',';
    f = ej_back(h, f);
    int64_t v[4];
    four_figures(r, v);
    for (int c = 4; c-- > 0;) {
        *--f = ',';
        f = decimal_back(v[c], f);
    }
    *--f = ',';
    size_t k = csv_format_text(out, key, key_len), n = (size_t)(figs + sizeof figs - f);
    memcpy(out + k, f, n);
    return k + n;
}
