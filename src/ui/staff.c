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
    if (p->filter) {
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
    p->cols_width = 0;          /* other rows: lay the columns out again */
    if (p->filter) {
        staff_build_filtered(s);
        if (p->fcapped)
            ui_app_message(s->app, _("filter: %s (the first %d matches in NIP order; narrow it down)"),
                           text, FILTER_MAX);
        else if (p->fbad)
            ui_app_message(s->app, ngettext("filter: %s; %zu damaged record is listed too (it cannot "
                                            "be read to test it; mutasi verify lists all)",
                                            "filter: %s; %zu damaged records are listed too (they "
                                            "cannot be read to test them; mutasi verify lists all)",
                                            p->fbad), text, p->fbad);
    }
    return 0;
}

/* ---- the two lists' sources ------------------------------------------- */
/* One short read transaction per frame and per action, so changes made
 * by other operators show at the next key. */
bool staff_begin(void *ctx)
{
    struct staff_priv *p = ctx;
    if (p->t) {                 /* already inside one: share it */
        p->nested++;
        return true;
    }
    p->t = p->s->app->db ? store_read_begin(p->s->app->db) : NULL;
    return p->t != NULL;
}

void staff_end(void *ctx)
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

/* A damaged record's row: its NIP, as on every row, and what is wrong in
 * place of the other columns (bold, so it shows without colour too). */
static void draw_damaged_row(struct screen *s, WINDOW *w, const struct staff *st, int width,
                             bool selected)
{
    char text[160];
    if (selected)               /* the marker in reverse, as staff_draw_row */
        mvwaddch(w, getcury(w), getcurx(w) - 1, '>' | A_REVERSE);
    ui_put_field(w, st->nip, NIP_LEN, s->app->ascii);
    waddch(w, ' ');
    snprintf(text, sizeof text, "! %s", _("damaged record (database staff)"));
    wattron(w, A_BOLD);
    ui_put_field(w, text, width - NIP_LEN - 1, s->app->ascii);
    wattroff(w, A_BOLD);
}

static void page_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    struct staff_priv *p = ctx;
    if (p->bad[row - p->list.top])
        draw_damaged_row(p->s, w, &p->rows[row - p->list.top], width, selected);
    else
        staff_draw_row(p, w, &p->rows[row - p->list.top], selected);
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
    if (p->fl[row].bad) {
        memset(&st, 0, sizeof st);
        staff_copy_str(st.nip, sizeof st.nip, p->fl[row].nip);
        draw_damaged_row(p->s, w, &st, width, selected);
        return;
    }
    if (store_get_staff(p->t, p->fl[row].nip, &st) != STORE_OK) {
        /* Gone since the filter was set: keep the row, say so. */
        memset(&st, 0, sizeof st);
        staff_copy_str(st.nip, sizeof st.nip, p->fl[row].nip);
        staff_copy_str(st.name, sizeof st.name, _("(no longer in the database)"));
        st.post_since = MDATE_NONE;
    }
    (void)width;
    staff_draw_row(p, w, &st, selected);
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
    if (p->fl[row].bad)
        tell_damaged(p->s, p->fl[row].nip);
    else
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
    p->cols_width = 0;          /* other rows on screen: lay the columns out again */
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
    ui_unit_repeats_free(&p->repeats);
    free(p);
}

/* A unit renamed or added may repeat a name now: read the names again. */
static void staff_data_changed(struct screen *s)
{
    struct staff_priv *p = s->priv;
    p->repeats.ready = false;
}

static const struct screen_ops staff_ops = {
    .name = "staff",
    .title = N_("Staff"),
    .close = staff_close,
    .draw = staff_draw,
    .detail = staff_detail,
    .data_changed = staff_data_changed,
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
