/* The Staff screen's drawing: the columns, a row, the header and the
 * detail line. The name, position and unit columns share the width by
 * what they hold (the rows on screen when the layout is made); the layout
 * then stays while paging, so that a page down repaints only the cells
 * that change. The rest of what the selected row cuts is on the bottom
 * line. The NIP has its column at every width (DESIGN.md's Staff list),
 * as 18 digits without spaces; the three texts share what is left. For a
 * thin link (a move < 100 bytes, a page down no more than less) reverse
 * video is on the marker only. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "ui/staff.h"

/* Marker 1, NIP 18, rank 5, years 3, SKP 3 and the cells between. */
#define FIXED_CELLS (1 + NIP_LEN + 1 + 1 + 5 + 1 + 1 + 1 + 3 + 1 + 3)
#define MIN_TEXT 6

/* ---- a row's texts ------------------------------------------------------- */
static void position_text(stxn *t, const struct staff *st, char *out, size_t n)
{
    struct position pos;
    /* on CLTN or study leave the post is vacated: say so in its place */
    if (!st->position[0] && st->leave == LEAVE_CLTN)
        snprintf(out, n, "%s", _("(CLTN, no post)"));
    else if (!st->position[0] && st->leave == LEAVE_TUGAS_BELAJAR)
        snprintf(out, n, "%s", _("(study leave, no post)"));
    else if (st->position[0] && store_get_position(t, st->position, &pos) == STORE_OK)
        snprintf(out, n, "%s", pos.name);
    else
        snprintf(out, n, "%s", st->position);
}

struct texts {
    char pos[NAME_SIZE];
    char unit[2 * NAME_SIZE + 4];
};

static void row_texts(struct staff_priv *p, const struct staff *st, struct texts *x)
{
    position_text(p->t, st, x->pos, sizeof x->pos);
    ui_unit_label(p->t, &p->repeats, st->unit, x->unit, sizeof x->unit);
}

/* ---- the layout ---------------------------------------------------------- */
static int by_int(const void *x, const void *y)
{
    return *(const int *)x - *(const int *)y;
}

/* What a column holds: the width that three rows in four fit in. */
static int demand(int *widths, int n, int header)
{
    if (n == 0)
        return header > MIN_TEXT ? header : MIN_TEXT;
    qsort(widths, (size_t)n, sizeof *widths, by_int);
    int d = widths[(3 * n) / 4 < n ? (3 * n) / 4 : n - 1];
    return d > header ? d : header;
}

/* The widths of the texts of the rows to measure: the window (paged) or
 * the first filtered rows; returns how many. */
#define SAMPLE_MAX 64
static int measure(struct staff_priv *p, int wn[], int wp[], int wu[])
{
    struct listview *l = p->filter ? &p->flist : &p->list;
    int max = l->height > 0 && l->height < SAMPLE_MAX ? l->height : SAMPLE_MAX, n = 0;
    size_t have = p->filter ? p->fn : l->top + l->nwin;
    for (size_t i = l->top; i < have && n < max; i++) {
        struct staff read;
        const struct staff *st = &read;
        if (!p->filter && p->bad[i - l->top])
            continue;           /* a damaged record's row has no texts */
        if (!p->filter)
            st = &p->rows[i - l->top];
        else if (store_get_staff(p->t, p->fl[i].nip, &read) != STORE_OK)
            continue;
        struct texts x;
        row_texts(p, st, &x);
        wn[n] = ui_text_width(st->name);
        wp[n] = ui_text_width(x.pos);
        wu[n] = ui_text_width(x.unit);
        n++;
    }
    return n;
}

/* Shares room among the three text columns by what they hold: each gets
 * what it needs up to an even share, the cells a column does not need go
 * to the others (max-min fair); on a screen wider than they all need, the
 * rest is shared evenly too. */
static struct staff_cols share(const int d[3], int room)
{
    int w[3] = {0, 0, 0};
    bool done[3] = {false, false, false};
    int left = room, open = 3;
    while (open > 0) {
        int even = left / open;
        bool fixed = false;
        for (int i = 0; i < 3; i++)
            if (!done[i] && d[i] <= even) {
                w[i] = d[i];
                done[i] = true;
                left -= d[i];
                open--;
                fixed = true;
            }
        if (fixed)
            continue;
        /* Every open column needs more than an even share: split evenly,
         * the odd cells to the later (longer) columns. */
        for (int i = 2; i >= 0; i--)
            if (!done[i]) {
                w[i] = left / open;
                left -= w[i];
                open--;
                done[i] = true;
            }
    }
    for (int i = 0; left > 0; i = (i + 1) % 3, left--)
        w[i]++;
    for (int i = 0; i < 3; i++)
        if (w[i] < MIN_TEXT)
            w[i] = MIN_TEXT;
    return (struct staff_cols){.name = w[0], .pos = w[1], .unit = w[2]};
}

void staff_layout(struct staff_priv *p, int width)
{
    int wn[SAMPLE_MAX], wp[SAMPLE_MAX], wu[SAMPLE_MAX];
    int n = measure(p, wn, wp, wu);
    int d[3] = {
        demand(wn, n, ui_text_width(_("Name"))),
        demand(wp, n, ui_text_width(_("Position"))),
        demand(wu, n, ui_text_width(_("Unit"))),
    };
    int room = width - FIXED_CELLS;
    if (room < 3 * MIN_TEXT)
        room = 3 * MIN_TEXT;
    p->cols = share(d, room);
    p->cols_width = width;
}

/* ---- cutting ------------------------------------------------------------- */
/* Cells a position or a unit may leave empty to end on a whole word. */
#define WORD_SLACK 4

/* The bytes of text a column of cells shows: all when it fits; else, with
 * the last cell kept for the cut mark, as many characters as fit; for a
 * position or a unit, whole words where that leaves few cells empty (a
 * school's "14" is not shown as "1"). */
static size_t shown(const char *text, int cells, bool words)
{
    if (ui_text_width(text) <= cells)
        return strlen(text);
    size_t n = ui_field_shown(text, cells);
    if (!words || text[n] == ' ')
        return n;
    size_t k = (size_t)ui_wrap_cut(text, cells - 1);
    return k < n && text[k] == ' ' && n - k <= WORD_SLACK ? k : n;
}

/* The column: its shown part, padded, and '~' in its last cell when cut
 * (one byte where an ellipsis takes three, and in the same cell on every
 * row: paging repaints fewer cells). */
static void put_column(WINDOW *w, const char *text, int cells, bool words, bool ascii)
{
    size_t n = shown(text, cells, words);
    if (!text[n]) {
        ui_put_field(w, text, cells, ascii);
        return;
    }
    char part[2 * NAME_SIZE + 4];
    snprintf(part, sizeof part, "%.*s", (int)n, text);
    ui_put_field(w, part, cells - 1, ascii);
    waddch(w, '~');
}

/* ---- a row --------------------------------------------------------------- */
void staff_draw_row(struct staff_priv *p, WINDOW *w, const struct staff *st, bool selected)
{
    bool ascii = p->s->app->ascii;
    struct texts x;
    char num[16];
    row_texts(p, st, &x);
    if (selected) {
        /* Reverse video on the marker only: a move repaints two cells, and
         * the bytes go to the bottom line's rests instead. */
        int y = getcury(w), x0 = getcurx(w);
        mvwaddch(w, y, x0 - 1, '>' | A_REVERSE);
    }
    /* The NIP's digits without spaces: three cells more for the names. */
    ui_put_field(w, st->nip, NIP_LEN, ascii);
    waddch(w, ' ');
    put_column(w, st->name, p->cols.name, false, ascii);
    waddch(w, ' ');
    ui_put_field(w, rank_name(st->rank), 5, ascii);
    waddch(w, ' ');
    put_column(w, x.pos, p->cols.pos, true, ascii);
    waddch(w, ' ');
    put_column(w, x.unit, p->cols.unit, true, ascii);
    waddch(w, ' ');
    num[0] = '\0';
    if (st->post_since != MDATE_NONE)
        snprintf(num, sizeof num, "%3d", date_years_between(st->post_since, p->s->app->env->today));
    ui_put_field(w, num, 3, ascii);
    waddch(w, ' ');
    ui_put_field(w, st->nskp ? skp_initials(st->skp[st->nskp - 1].predikat) : "", 2, ascii);
}

/* ---- the detail line ----------------------------------------------------- */
/* The rest of a text its column cuts, after a '~' as the row's cut mark:
 * the row and this read on from each other, from the letter or the word
 * cut. One space between rests: this line is rewritten at every move. A
 * row whose rests are longer than the line (a long position in a long
 * unit) shows the line's worth; Enter shows everything. */
static void append_rest(char *out, size_t size, const char *text, int width, bool words)
{
    size_t k = shown(text, width, words);
    if (!text[k])
        return;
    while (text[k] == ' ')
        k++;
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s~%s", n ? " " : "", text + k);
}

/* What the selected row cuts: the rest of its name, position and unit
 * (the unit with its parent where its name repeats), in column order. A
 * move rewrites this line: the rests alone keep it to a few dozen bytes.
 * On a damaged record's row: what it is. */
void staff_detail(struct screen *s, char *out, size_t size)
{
    struct staff_priv *p = s->priv;
    struct listview *l = s->list;
    struct staff st;
    out[0] = '\0';
    if (!s->app->db || !staff_begin(p))
        return;
    bool have;
    if (p->filter)
        have = l->sel < p->fn && store_get_staff(p->t, p->fl[l->sel].nip, &st) == STORE_OK;
    else
        have = l->nwin && l->sel >= l->top && l->sel < l->top + l->nwin;
    if (have && !p->filter && p->bad[l->sel - l->top]) {
        snprintf(out, size, "%s", _("damaged record: Enter tells more; mutasi verify lists all"));
        have = false;
    } else if (have && !p->filter) {
        st = p->rows[l->sel - l->top];
    }
    if (have) {
        struct texts x;
        row_texts(p, &st, &x);
        append_rest(out, size, st.name, p->cols.name, false);
        append_rest(out, size, x.pos, p->cols.pos, true);
        append_rest(out, size, x.unit, p->cols.unit, true);
    }
    staff_end(p);
}

/* ---- the header and the rows --------------------------------------------- */
/* The cell before a column title: the sort mark when the list is sorted
 * by that column (up ascending, down descending; ^ and v in ASCII), so
 * that it reads without colour. */
static void sort_mark(struct screen *s, WINDOW *w, int col)
{
    struct staff_priv *p = s->priv;
    if (p->sort != col)
        waddch(w, ' ');
    else if (s->app->ascii)
        waddch(w, p->desc ? 'v' : '^');
    else
        waddstr(w, p->desc ? "\u25bc" : "\u25b2");
}

static void draw_header(struct screen *s, WINDOW *w, int y0)
{
    struct staff_priv *p = s->priv;
    bool ascii = s->app->ascii;
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    sort_mark(s, w, SORT_NIP);
    ui_put_field(w, _("NIP"), NIP_LEN, ascii);
    sort_mark(s, w, SORT_NAME);
    ui_put_field(w, _("Name"), p->cols.name, ascii);
    sort_mark(s, w, SORT_RANK);
    ui_put_field(w, _("Rank"), 5, ascii);
    waddch(w, ' ');
    ui_put_field(w, _("Position"), p->cols.pos, ascii);
    sort_mark(s, w, SORT_UNIT);
    ui_put_field(w, _("Unit"), p->cols.unit, ascii);
    sort_mark(s, w, SORT_YEARS);
    ui_put_field(w, _("Yrs"), 3, ascii);
    sort_mark(s, w, SORT_SKP);
    ui_put_field(w, _("SKP"), 3, ascii);
    wattrset(w, A_NORMAL);
}

int staff_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct staff_priv *p = s->priv;
    if (!s->app->db) {
        p->cols = share((int[3]){1, 1, 1}, width - FIXED_CELLS);
        draw_header(s, w, y0);
        mvwaddstr(w, y0 + 1, 1, _("No database."));
        return -1;
    }
    if (!p->repeats.ready && staff_begin(p)) {
        ui_unit_repeats_load(&p->repeats, p->t);
        staff_end(p);
    }
    int sel_y;
    if (p->cols_width != width) {
        /* The rows first (a paged list reads its window), then the layout
         * from them, then the rows again in it. */
        sel_y = lv_draw(s->list, w, y0 + 1, height, width);
        if (staff_begin(p)) {
            staff_layout(p, width);
            staff_end(p);
        }
    }
    draw_header(s, w, y0);
    sel_y = lv_draw(s->list, w, y0 + 1, height, width);
    if (p->filter && !p->fn)
        mvwaddstr(w, y0 + 1, 1, _("Nobody matches the filter."));
    else if (!p->filter && !p->list.nwin && sel_y < 0)
        mvwaddstr(w, y0 + 1, 1, _("No staff yet."));
    return sel_y;
}
