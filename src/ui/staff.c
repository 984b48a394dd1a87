/* The Staff screen: every civil servant in name order, over the whole
 * database (paged: staff_page.c), or the people who pass a filter
 * (staff_sort.c); both on the generic list. Opened as a picker, Enter
 * hands the person back (ui_pick_person). */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "core/rules.h"
#include "core/vocab.h"
#include "ui/staff.h"

void staff_copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- the filter --------------------------------------------------------- */
bool staff_passes(const struct staff_priv *p, const struct staff *st, mdate today)
{
    return !p->filter || ops_staff_passes(&p->flt, st, p->t, p->policy, today);
}

/* Reads the filter text into p->flt; false (message set) when it is wrong. */
static bool read_filter(struct screen *s, const char *text)
{
    struct staff_priv *p = s->priv;
    struct flt f;
    char err[OPS_MSG_SIZE];
    if (flt_parse(text, FLT_STAFF, &f, err, sizeof err) != 0) {
        ui_app_message(s->app, "%s", err);
        return false;
    }
    struct ops_err e;
    stxn *t = s->app->db ? store_read_begin(s->app->db) : NULL;
    int rc = t ? ops_filter_resolve(t, &f, &e) : ops_fail(&e, "%s", _("no database"));
    if (t)
        store_read_end(t);
    if (rc != OPS_OK) {
        ops_filter_free(&f);
        ui_app_message(s->app, "%s", e.msg);
        return false;
    }
    ops_filter_free(&p->flt);
    p->flt = f;
    p->filter = f.n > 0;
    return true;
}

static int staff_filter(struct screen *s, const char *text)
{
    struct staff_priv *p = s->priv;
    if (!read_filter(s, text))
        return -1;
    p->policy = &s->app->policy;
    p->filter_label[0] = '\0';
    if (p->filter) {
        snprintf(p->filter_label, sizeof p->filter_label, "%s", text);
        ui_app_message(s->app, _("filter: %s (f then Enter on an empty line clears it)"), text);
    } else {
        ui_app_message(s->app, "%s", _("filter cleared"));
    }
    if (!p->filter && p->sort > SORT_UNIT) {
        p->sort = SORT_NAME;     /* no index for that column: back to names */
        p->desc = false;
    }
    lv_reset(&p->list);
    free(p->fl);
    p->fl = NULL;
    p->fn = 0;
    lv_reset(&p->flist);
    s->list = p->filter ? &p->flist : &p->list;
    if (p->filter) {
        staff_build_filtered(s);
        if (p->fcapped)
            ui_app_message(s->app, _("filter: %s (the first %d matches in NIP order; narrow it down)"),
                           text, FILTER_MAX);
    }
    return 0;
}

/* ---- drawing ------------------------------------------------------------ */
/* Column widths for a screen width: NIP 21, rank 5, years 3, SKP 2 stay;
 * name, position and unit share the rest. */
/* Column widths for a screen width: NIP 21, rank 5, years 3, SKP 2 stay;
 * name, position and unit share the rest. */
struct cols {
    int name, pos, unit;
};

static struct cols columns(int width)
{
    int rest = width - (1 + 21 + 1 + 5 + 1 + 3 + 1 + 3) - 3;
    struct cols c;
    /* Names rarely need more than 40 cells; wide screens give the rest
     * to the position and unit names. */
    c.name = rest * 45 / 100;
    if (c.name > 40)
        c.name = 40;
    c.pos = (rest - c.name) / 2;
    c.unit = rest - c.name - c.pos;
    return c;
}

static void name_of_position(stxn *t, const char *code, char *out, size_t n)
{
    struct position pos;
    if (code[0] && store_get_position(t, code, &pos) == STORE_OK)
        snprintf(out, n, "%s", pos.name);
    else
        snprintf(out, n, "%s", code);
}

static void name_of_unit(stxn *t, const char *code, char *out, size_t n)
{
    struct unit u;
    if (code[0] && store_get_unit(t, code, &u) == STORE_OK)
        snprintf(out, n, "%s", u.name);
    else
        snprintf(out, n, "%s", code);
}

static void draw_row(struct screen *s, stxn *t, WINDOW *w, const struct staff *st,
                     struct cols c, bool selected)
{
    bool ascii = s->app->ascii;
    char nip[NIP_FMT_LEN + 1], buf[NAME_SIZE], num[16];
    nip_format(st->nip, nip);
    /* Reverse video on the NIP only: moving one row repaints two short
     * fields instead of two whole lines (a few dozen bytes). */
    if (selected)
        wattron(w, A_REVERSE);
    ui_put_field(w, nip, 21, ascii);
    if (selected)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, st->name, c.name, ascii);
    waddch(w, ' ');
    ui_put_field(w, rank_name(st->rank), 5, ascii);
    waddch(w, ' ');
    /* on CLTN or study leave the post is vacated: say so in its place */
    if (!st->position[0] && st->leave == LEAVE_CLTN)
        snprintf(buf, sizeof buf, "%s", _("(CLTN, no post)"));
    else if (!st->position[0] && st->leave == LEAVE_TUGAS_BELAJAR)
        snprintf(buf, sizeof buf, "%s", _("(study leave, no post)"));
    else
        name_of_position(t, st->position, buf, sizeof buf);
    ui_put_field(w, buf, c.pos, ascii);
    waddch(w, ' ');
    name_of_unit(t, st->unit, buf, sizeof buf);
    ui_put_field(w, buf, c.unit, ascii);
    waddch(w, ' ');
    num[0] = '\0';
    if (st->post_since != MDATE_NONE)
        snprintf(num, sizeof num, "%3d", date_years_between(st->post_since, s->app->env->today));
    ui_put_field(w, num, 3, ascii);
    waddch(w, ' ');
    ui_put_field(w, st->nskp ? skp_initials(st->skp[st->nskp - 1].predikat) : "", 3, ascii);
}

/* ---- the two lists' sources ------------------------------------------- */
/* One short read transaction per frame and per action, so changes made
 * by other operators show at the next key. */
static bool staff_begin(void *ctx)
{
    struct staff_priv *p = ctx;
    if (p->t) {                 /* already inside one: share it */
        p->nested++;
        return true;
    }
    p->t = p->s->app->db ? store_read_begin(p->s->app->db) : NULL;
    return p->t != NULL;
}

static void staff_end(void *ctx)
{
    struct staff_priv *p = ctx;
    if (p->nested) {
        p->nested--;
        return;
    }
    if (p->t)
        store_read_end(p->t);
    p->t = NULL;
}

/* Enter: the detail, or back to the caller of a picker. */
static void choose_person(struct staff_priv *p, const char *nip, const char *name)
{
    if (!ui_screen_pick(p->s, nip, name))
        ui_app_push(p->s->app, ui_staff_detail_new(p->s->app, nip));
}

/* A damaged record's row: its NIP, marked, and what is wrong in place of
 * the columns (bold, so it shows without colour too). */
static void draw_damaged_row(struct screen *s, WINDOW *w, const struct staff *st, int width,
                             bool selected)
{
    char nip[NIP_FMT_LEN + 1], text[160];
    nip_format(st->nip, nip);
    if (selected)
        wattron(w, A_REVERSE);
    ui_put_field(w, nip, 21, s->app->ascii);
    if (selected)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    snprintf(text, sizeof text, "! %s", _("damaged record (database staff)"));
    wattron(w, A_BOLD);
    ui_put_field(w, text, width - 22, s->app->ascii);
    wattroff(w, A_BOLD);
}

static void page_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    struct staff_priv *p = ctx;
    if (p->bad[row - p->list.top])
        draw_damaged_row(p->s, w, &p->rows[row - p->list.top], width, selected);
    else
        draw_row(p->s, p->t, w, &p->rows[row - p->list.top], columns(width + 1), selected);
}

/* The whole story of a damaged record, on the message line (it wraps). */
static void tell_damaged(struct screen *s, const char *nip)
{
    char f[NIP_FMT_LEN + 1];
    nip_format(nip, f);
    ui_app_message(s->app, _("The record of %s in database staff is damaged: its checksum does "
                             "not match, so it is not shown. `mutasi verify` lists every damaged "
                             "record; restore the database from a backup."), f);
}

static void page_choose(void *ctx, size_t row)
{
    struct staff_priv *p = ctx;
    const struct staff *st = &p->rows[row - p->list.top];
    if (p->bad[row - p->list.top])
        tell_damaged(p->s, st->nip);
    else
        choose_person(p, st->nip, st->name);
}

static const struct lv_source page_source = {
    .begin = staff_begin,
    .end = staff_end,
    .draw_row = page_draw_row,
    .choose = page_choose,
    .pager = &staff_pager,
};

static size_t filtered_count(void *ctx)
{
    return ((struct staff_priv *)ctx)->fn;
}

static void filtered_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    struct staff_priv *p = ctx;
    struct staff st;
    if (store_get_staff(p->t, p->fl[row].nip, &st) != STORE_OK) {
        /* Gone since the filter was set: keep the row, say so. */
        memset(&st, 0, sizeof st);
        staff_copy_str(st.nip, sizeof st.nip, p->fl[row].nip);
        staff_copy_str(st.name, sizeof st.name, _("(no longer in the database)"));
        st.post_since = MDATE_NONE;
    }
    draw_row(p->s, p->t, w, &st, columns(width + 1), selected);
}

static bool filtered_match(void *ctx, size_t row, const char *text)
{
    const struct frow *r = &((struct staff_priv *)ctx)->fl[row];
    char digits[64];
    size_t n = 0;
    for (const char *m = text; *m && n + 1 < sizeof digits; m++)
        if (*m != ' ')
            digits[n++] = *m;
    digits[n] = '\0';
    return ui_text_contains(r->name, text) || (n && strstr(r->nip, digits));
}

static void filtered_choose(void *ctx, size_t row)
{
    struct staff_priv *p = ctx;
    choose_person(p, p->fl[row].nip, p->fl[row].name);
}

static const struct lv_source filtered_source = {
    .begin = staff_begin,
    .end = staff_end,
    .count = filtered_count,
    .draw_row = filtered_draw_row,
    .match = filtered_match,
    .choose = filtered_choose,
};

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

static int staff_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct staff_priv *p = s->priv;
    struct cols c = columns(width);
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    sort_mark(s, w, SORT_NIP);
    ui_put_field(w, _("NIP"), 21, s->app->ascii);
    sort_mark(s, w, SORT_NAME);
    ui_put_field(w, p->filter_label[0] ? p->filter_label : _("Name"), c.name, s->app->ascii);
    sort_mark(s, w, SORT_RANK);
    ui_put_field(w, _("Rank"), 5, s->app->ascii);
    waddch(w, ' ');
    ui_put_field(w, _("Position"), c.pos, s->app->ascii);
    sort_mark(s, w, SORT_UNIT);
    ui_put_field(w, _("Unit"), c.unit, s->app->ascii);
    sort_mark(s, w, SORT_YEARS);
    ui_put_field(w, _("Yrs"), 3, s->app->ascii);
    sort_mark(s, w, SORT_SKP);
    ui_put_field(w, _("SKP"), 3, s->app->ascii);
    wattrset(w, A_NORMAL);
    if (!s->app->db) {
        mvwaddstr(w, y0 + 1, 1, _("No database."));
        return -1;
    }
    int sel_y = lv_draw(s->list, w, y0 + 1, height, width);
    if (p->filter && !p->fn)
        mvwaddstr(w, y0 + 1, 1, _("Nobody matches the filter."));
    else if (!p->filter && !p->list.nwin && sel_y < 0)
        mvwaddstr(w, y0 + 1, 1, _("No staff yet."));
    return sel_y;
}

/* ---- screen operations -------------------------------------------------- */
static int staff_action(struct screen *s, int action, int count, int height)
{
    struct staff_priv *p = s->priv;
    (void)count;
    if (!s->app->db || action != ACT_SORT)
        return 0;
    (void)height;
    staff_next_sort(s, p->filter);
    if (p->filter)
        staff_sort_filtered(p);
    lv_reset(s->list);          /* the first row of the new order */
    return 1;
}

static int staff_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct staff_priv *p = s->priv;
    if (p->filter)
        return lv_search(&p->flist, text, dir, include_current);
    return staff_page_search(s, text, dir, include_current);
}

/* The corpus (about 31 MB at a million staff) is read again at the next
 * search: the Units screen's figures take most of the memory budget. */
static void staff_hide(struct screen *s)
{
    staff_corpus_drop(s->priv);
}

static void staff_search_prepare(struct screen *s)
{
    staff_corpus_prepare(s->priv);
}

static void staff_get_pos(struct screen *s, struct saved_pos *sp)
{
    struct staff_priv *p = s->priv;
    sp->sel = s->list->sel;
    sp->index = s->list->top;
    sp->top = p->have_top;
    snprintf(sp->key, sizeof sp->key, "%s", p->top_nip);
}

static void staff_set_pos(struct screen *s, const struct saved_pos *sp)
{
    struct staff_priv *p = s->priv;
    s->list->sel = sp->sel;
    s->list->top = sp->index;
    if (p->filter)
        return;
    p->have_top = sp->top != 0;
    staff_copy_str(p->top_nip, sizeof p->top_nip, sp->key);
    if (staff_begin(p)) {
        struct staff st;
        int r = p->have_top ? store_get_staff(p->t, p->top_nip, &st) : STORE_NOTFOUND;
        if (r == STORE_OK) {
            staff_set_top(p, &st, false);
        } else if (r == STORE_ERROR) {      /* damaged: page on from its NIP */
            memset(&st, 0, sizeof st);
            staff_copy_str(st.nip, sizeof st.nip, p->top_nip);
            staff_set_top(p, &st, true);
        }
        p->list.nwin = staff_pager.fill(p, p->list.height > 0 ? (size_t)p->list.height : 20);
        staff_end(p);
    }
}

static void staff_close(struct screen *s)
{
    struct staff_priv *p = s->priv;
    free(p->fl);
    ops_filter_free(&p->flt);
    corpus_free(&p->corpus);
    free(p);
}

/* The line under the list: what a damaged row is. */
static void staff_detail(struct screen *s, char *out, size_t n)
{
    struct staff_priv *p = s->priv;
    struct listview *l = &p->list;
    out[0] = '\0';
    if (!p->filter && l->nwin && l->sel >= l->top && l->sel - l->top < l->nwin &&
        p->bad[l->sel - l->top])
        snprintf(out, n, "%s", _("damaged record: Enter tells more; mutasi verify lists all"));
}

static const struct screen_ops staff_ops = {
    .name = "staff",
    .title = N_("Staff"),
    .close = staff_close,
    .draw = staff_draw,
    .detail = staff_detail,
    .action = staff_action,
    .search = staff_search,
    .search_prepare = staff_search_prepare,
    .hide = staff_hide,
    .filter = staff_filter,
    .filter_hint = N_("filter (unit:CODE rank:III/a family: district: status: rotation eligible, name; terms combine)"),
    .get_pos = staff_get_pos,
    .set_pos = staff_set_pos,
};

struct screen *ui_staff_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &staff_ops, sizeof(struct staff_priv));
    if (!s)
        return NULL;
    struct staff_priv *p = s->priv;
    p->s = s;
    lv_init(&p->list, &page_source, p);
    lv_init(&p->flist, &filtered_source, p);
    s->list = &p->list;
    return s;
}
