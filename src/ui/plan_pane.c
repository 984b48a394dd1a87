/* Drawing the plan editor: the moves with their verdict marks, the
 * selected move's reasons, and the impact pane (every affected unit and
 * position, before -> after). At 80x24 the impact pane lies below the
 * moves; from WIDE_COLS columns on it stands beside them. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/store.h"
#include "ui/plan_edit.h"

#define WIDE_COLS 160
/* The move columns besides the name: mark, space, and NIP 18, from 17,
 * to 16 with a space before each, and the list's marker column (80
 * columns in all at 80). */
#define MOVE_FIXED 58

/* '!' blocked, '~' warnings, ' ' allowed: readable without colour. */
static char verdict_mark(int summary)
{
    return summary == MOVE_BLOCKED ? '!' : summary == MOVE_ALLOWED_WARNINGS ? '~' : ' ';
}

/* '?' an objection waits for its answer, '*' it was answered. */
static char objection_mark(const struct move *m)
{
    return MOVE_OBJECTION_OPEN(m) ? '?' : m->objected_by[0] ? '*' : ' ';
}

static void put_mark(struct app *a, WINDOW *w, char mark)
{
    int pair = mark == '!' ? 1 : mark == '~' ? 2 : 0;
    if (a->color && pair)
        wattron(w, COLOR_PAIR(pair) | A_BOLD);
    waddch(w, (chtype)mark);
    if (a->color && pair)
        wattroff(w, COLOR_PAIR(pair) | A_BOLD);
}

/* ---- the moves ---------------------------------------------------------- */
static size_t moves_count(void *ctx)
{
    return ((struct editor *)ctx)->nmoves;
}

static void moves_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct editor *ed = ctx;
    const struct ops_move_view *mv = &ed->moves[row];
    bool ascii = ed->s->app->ascii;
    put_mark(ed->s->app, w, verdict_mark(mv->move.summary));
    waddch(w, (chtype)objection_mark(&mv->move));
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, mv->name[0] ? mv->name : "?", width - MOVE_FIXED + 2, ascii);
    if (on)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, mv->move.nip, 18, ascii);
    waddch(w, ' ');
    ui_put_field(w, mv->move.from_position[0] ? mv->move.from_position : "-", 17, ascii);
    waddch(w, ' ');
    ui_put_field(w, mv->move.to_position, 16, ascii);
}

/* Enter: the person's detail (history, competencies, verdicts). */
static void moves_choose(void *ctx, size_t row)
{
    struct editor *ed = ctx;
    ui_app_push(ed->s->app, ui_staff_detail_new(ed->s->app, ed->moves[row].move.nip));
}

static bool moves_match(void *ctx, size_t row, const char *text)
{
    const struct ops_move_view *mv = &((struct editor *)ctx)->moves[row];
    return ui_text_contains(mv->name, text) || strstr(mv->move.nip, text) ||
           ui_text_contains(mv->move.to_position, text) ||
           ui_text_contains(mv->move.from_position, text);
}

const struct lv_source ui_moves_source = {
    .count = moves_count,
    .draw_row = moves_draw_row,
    .match = moves_match,
    .choose = moves_choose,
};

/* ---- the impact --------------------------------------------------------- */
static size_t impact_count(void *ctx)
{
    return ((struct editor *)ctx)->nrows;
}

/* "12" when unchanged, "12->11" when changed. */
static void before_after(char *out, size_t size, const char *b, const char *a)
{
    if (!strcmp(b, a))
        snprintf(out, size, "%s", b);
    else
        snprintf(out, size, "%s->%s", b, a);
}

static void num_pair(char *out, size_t size, int64_t b, int64_t a, bool sign)
{
    char sb[24], sa[24];
    snprintf(sb, sizeof sb, sign && b ? "%+lld" : "%lld", (long long)b);
    snprintf(sa, sizeof sa, sign && a ? "%+lld" : "%lld", (long long)a);
    before_after(out, size, sb, sa);
}

/* The five figures of a row (exist, need, gap, EJ, grade), before->after. */
static void impact_cells(const struct editor *ed, const struct pane_row *pr,
                         char cells[IMPACT_FIGURES][IMPACT_CELL_SIZE])
{
    const struct policy *p = &ed->s->app->policy;
    char eb[24], ea[24];
    num_pair(cells[0], IMPACT_CELL_SIZE, pr->r.before.existing, pr->r.after.existing, false);
    num_pair(cells[1], IMPACT_CELL_SIZE, pr->r.before.need, pr->r.after.need, false);
    num_pair(cells[2], IMPACT_CELL_SIZE, wl_gap(&pr->r.before), wl_gap(&pr->r.after), true);
    wl_format_ej(&pr->r.before, p, eb);
    wl_format_ej(&pr->r.after, p, ea);
    before_after(cells[3], IMPACT_CELL_SIZE, eb, ea);
    before_after(cells[4], IMPACT_CELL_SIZE, wl_grade_name(wl_grade(&pr->r.before, p)),
                 wl_grade_name(wl_grade(&pr->r.after, p)));
}

/* The columns of the figures: wide enough for the widest of the rows (a
 * kabupaten's "10825->10823"), never narrower than at a small region. */
static const int cell_min[IMPACT_FIGURES] = {9, 5, 9, 11, 5};

static void impact_widths(struct editor *ed)
{
    int sum = 0;
    for (int c = 0; c < IMPACT_FIGURES; c++)
        ed->fig_w[c] = cell_min[c];
    for (size_t i = 0; i < ed->nrows; i++) {
        char cells[IMPACT_FIGURES][IMPACT_CELL_SIZE];
        impact_cells(ed, &ed->rows[i], cells);
        for (int c = 0; c < IMPACT_FIGURES; c++) {
            int len = (int)strlen(cells[c]);
            if (len > ed->fig_w[c])
                ed->fig_w[c] = len;
        }
    }
    for (int c = 0; c < IMPACT_FIGURES; c++)
        sum += ed->fig_w[c] + 1;
    ed->figs_w = sum + 1;       /* and a space at the end */
}

static void impact_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct editor *ed = ctx;
    const struct pane_row *pr = &ed->rows[row];
    bool ascii = ed->s->app->ascii;
    char label[NAME_SIZE + 32], cells[IMPACT_FIGURES][IMPACT_CELL_SIZE];
    /* Units indented as in their tree; positions (after the units) by
     * code, which tells apart two of one name. */
    int indent = pr->depth > 6 ? 12 : pr->depth * 2;
    if (pr->r.kind == IMPACT_POSITION)
        snprintf(label, sizeof label, "* %s %s",
                 workload_position_code(ed->w, pr->r.index), pr->name);
    else
        snprintf(label, sizeof label, "%*s%s", indent, "", pr->name);
    impact_cells(ed, pr, cells);
    /* Changed figures read in monochrome too: the arrow says it. */
    char mark = wl_gap(&pr->r.after) < 0 ? '!' : wl_gap(&pr->r.after) > 0 ? '^' : '=';
    waddch(w, (chtype)mark);
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, label, width - ed->figs_w - 1, ascii);
    if (on)
        wattroff(w, A_REVERSE);
    char figs[IMPACT_FIGURES * (IMPACT_CELL_SIZE + 1) + 1];
    snprintf(figs, sizeof figs, " %*s %*s %*s %*s %*s", ed->fig_w[0], cells[0], ed->fig_w[1],
             cells[1], ed->fig_w[2], cells[2], ed->fig_w[3], cells[3], ed->fig_w[4], cells[4]);
    ui_put_field(w, figs, ed->figs_w, ascii);
}

static bool impact_match(void *ctx, size_t row, const char *text)
{
    return ui_text_contains(((struct editor *)ctx)->rows[row].name, text);
}

const struct lv_source ui_impact_source = {
    .count = impact_count,
    .draw_row = impact_draw_row,
    .match = impact_match,
};

static void row_name(stxn *t, const struct workload *w, struct pane_row *pr)
{
    const char *code = pr->r.kind == IMPACT_UNIT ? workload_unit_code(w, pr->r.index)
                                                 : workload_position_code(w, pr->r.index);
    struct unit u;
    struct position pos;
    if (t && pr->r.kind == IMPACT_UNIT && store_get_unit(t, code, &u) == STORE_OK)
        snprintf(pr->name, sizeof pr->name, "%s", u.name);
    else if (t && pr->r.kind == IMPACT_POSITION && store_get_position(t, code, &pos) == STORE_OK)
        snprintf(pr->name, sizeof pr->name, "%s", pos.name);
    else
        snprintf(pr->name, sizeof pr->name, "%s", code);
}

void ui_editor_impact_rows(struct editor *ed)
{
    struct impact_row *r = NULL;
    size_t n = impact_rows(ed->im, &r);
    free(ed->rows);
    ed->rows = n ? calloc(n, sizeof *ed->rows) : NULL;
    ed->nrows = ed->rows ? n : 0;
    stxn *t = ed->nrows && ed->s->app->db ? store_read_begin(ed->s->app->db) : NULL;
    for (size_t i = 0; i < ed->nrows; i++) {
        struct pane_row *pr = &ed->rows[i];
        pr->r = r[i];
        if (r[i].kind == IMPACT_UNIT) {
            pr->depth = workload_unit_depth(ed->w, r[i].index);
        } else {
            long u = workload_position_unit(ed->w, r[i].index);
            pr->depth = u >= 0 ? workload_unit_depth(ed->w, (size_t)u) + 1 : 0;
        }
        row_name(t, ed->w, pr);
    }
    if (t)
        store_read_end(t);
    free(r);
    impact_widths(ed);
    if (ed->ilist.sel >= ed->nrows)
        ed->ilist.sel = ed->nrows ? ed->nrows - 1 : 0;
}

/* ---- the frame ---------------------------------------------------------- */
/* A list that does not have the focus: its rows without a selection. */
static void draw_unfocused(struct listview *l, WINDOW *w, int y, int height, int width)
{
    size_t n = l->src->count(l->ctx);
    ui_list_clamp(&l->sel, &l->top, n, height);
    for (int i = 0; i < height && l->top + (size_t)i < n; i++) {
        wmove(w, y + i, 0);
        waddch(w, ' ');
        l->src->draw_row(l->ctx, w, l->top + (size_t)i, width - 1, false);
    }
}

static int draw_list(struct listview *l, bool focus, WINDOW *w, int y, int height, int width)
{
    if (focus)
        return lv_draw(l, w, y, height, width);
    draw_unfocused(l, w, y, height, width);
    return -1;
}

static void draw_heading(struct editor *ed, WINDOW *w, int y, int width)
{
    char head[PLAN_NAME_SIZE + 160];
    snprintf(head, sizeof head, _("Plan %u: %s  [%s]  moves: %zu, version %u, by %s"),
             (unsigned)ed->id, ed->plan.name, ed->plan.state, ed->nmoves,
             (unsigned)ed->plan.version, ed->plan.author);
    wattrset(w, A_BOLD);
    wmove(w, y, 0);
    ui_put_field(w, head, width, ed->s->app->ascii);
    wattrset(w, A_NORMAL);
}

static void draw_moves_header(struct editor *ed, WINDOW *w, int y, int width)
{
    char head[256];
    snprintf(head, sizeof head, "   %-*.*s %-18s %-17s %s", width - MOVE_FIXED + 1,
             width - MOVE_FIXED + 1, _("Move"), _("NIP"), _("From"), _("To"));
    wattrset(w, A_BOLD);
    wmove(w, y, 0);
    ui_put_field(w, head, width, ed->s->app->ascii);
    wattrset(w, A_NORMAL);
    if (!ed->nmoves)
        mvwaddstr(w, y + 1, 3, _("No moves yet: press a to add one."));
}

static void draw_impact_header(struct editor *ed, WINDOW *w, int y, int width)
{
    char head[256], name[64];
    snprintf(name, sizeof name, ngettext("Impact (%zu row)", "Impact (%zu rows)", ed->nrows),
             ed->nrows);
    const int *fw = ed->fig_w;
    int namew = width - ed->figs_w - 2;
    snprintf(head, sizeof head, "  %-*.*s %*s %*s %*s %*s %*s", namew, namew, name, fw[0],
             _("Exist"), fw[1], _("Need"), fw[2], _("Gap"), fw[3], _("EJ"), fw[4], _("Grade"));
    wattrset(w, A_BOLD);
    wmove(w, y, 0);
    ui_put_field(w, head, width, ed->s->app->ascii);
    wattrset(w, A_NORMAL);
}

/* The objection to a move and its answer, first on the detail lines. */
static void objection_text(const struct move *m, char *out, size_t size)
{
    out[0] = '\0';
    if (!m->objected_by[0])
        return;
    if (MOVE_OBJECTION_OPEN(m))
        snprintf(out, size, _("? objection (taken in by %s, unanswered): %s."), m->objected_by,
                 m->objection);
    else
        snprintf(out, size, _("* objection (%s): %s; answered by %s: %s."), m->objected_by,
                 m->objection, m->answered_by, m->answer);
}

/* The selected move's objection and verdicts in words, on up to `lines`
 * lines: an objection that fits a line on its own line and the verdict
 * (its mark in the list's column, blank when allowed) below; a longer one
 * runs on into the verdict, one space between them. */
static void draw_detail(struct editor *ed, WINDOW *w, int y, int lines, int width)
{
    char verdict[MOVE_WHY_SIZE + 200], voice[2 * MOVE_NOTE_SIZE + 200];
    char text[sizeof verdict + sizeof voice + 2];
    if (!ed->nmoves)
        return;
    const struct move *m = &ed->moves[ed->list.sel].move;
    objection_text(m, voice, sizeof voice);
    char mark = verdict_mark(m->summary), marked[3] = {mark, ' ', '\0'};
    snprintf(verdict, sizeof verdict, "%s (%s, %s): %s", move_summary_label(m->summary),
             move_reason_label(m->reason), m->added_by, m->why[0] ? m->why : _("no warnings"));
    bool own_line = voice[0] && lines > 1 && ui_text_width(voice) <= width;
    if (own_line) {
        ui_put_lines(w, y++, voice, 1, width, ed->s->app->ascii);
        lines--;
    }
    if (voice[0] && !own_line)
        snprintf(text, sizeof text, "%s %s%s", voice, mark == ' ' ? "" : marked, verdict);
    else
        snprintf(text, sizeof text, "%s%s", marked, verdict);
    ui_put_lines(w, y, text, lines, width, ed->s->app->ascii);
}

int ui_editor_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct editor *ed = s->priv;
    int lines = height + 1;                 /* y0 .. y0 + height */
    draw_heading(ed, w, y0, width);
    if (width >= WIDE_COLS) {
        int left = width / 2, right = width - left - 1;
        int nmoves = lines - 4;
        draw_moves_header(ed, w, y0 + 1, left);
        int sel = draw_list(&ed->list, !ed->impact_focus, w, y0 + 2, nmoves, left);
        draw_detail(ed, w, y0 + 2 + nmoves, 2, left);
        WINDOW *pane = derwin(w, lines - 1, right, y0 + 1, left + 1);
        if (!pane)
            return sel;
        draw_impact_header(ed, pane, 0, right);
        int isel = draw_list(&ed->ilist, ed->impact_focus, pane, 1, lines - 2, right);
        delwin(pane);
        return ed->impact_focus ? (isel >= 0 ? isel + y0 + 1 : -1) : sel;
    }
    int nmoves = (lines - 5) * 2 / 5;       /* 6 of 16 at 80x24 */
    int nimpact = lines - 5 - nmoves;
    draw_moves_header(ed, w, y0 + 1, width);
    int sel = draw_list(&ed->list, !ed->impact_focus, w, y0 + 2, nmoves, width);
    draw_detail(ed, w, y0 + 2 + nmoves, 2, width);
    draw_impact_header(ed, w, y0 + 4 + nmoves, width);
    int isel = draw_list(&ed->ilist, ed->impact_focus, w, y0 + 5 + nmoves, nimpact, width);
    return ed->impact_focus ? isel : sel;
}
