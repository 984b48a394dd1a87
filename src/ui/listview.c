/* The generic list: selection, scrolling, marker, movement and search for
 * indexed and paged sources (contract in listview.h). */
#include "ui/listview.h"
#include "ui/uipriv.h"

void lv_init(struct listview *l, const struct lv_source *src, void *ctx)
{
    *l = (struct listview){.src = src, .ctx = ctx};
}

void lv_reset(struct listview *l)
{
    l->sel = l->top = l->nwin = 0;
    if (l->src->pager)
        l->src->pager->rewind(l->ctx);
}

static bool begin(struct listview *l)
{
    return !l->src->begin || l->src->begin(l->ctx);
}

static void end(struct listview *l)
{
    if (l->src->end)
        l->src->end(l->ctx);
}

size_t lv_count(struct listview *l)
{
    if (!l->src->pager)
        return l->src->count(l->ctx);
    return l->src->pager->total ? l->src->pager->total(l->ctx) : 0;
}

/* ---- indexed ------------------------------------------------------------ */
void ui_list_clamp(size_t *sel, size_t *top, size_t n, int height)
{
    size_t h = height > 0 ? (size_t)height : 1;
    if (n == 0) {
        *sel = *top = 0;
        return;
    }
    if (*sel >= n)
        *sel = n - 1;
    if (*sel < *top)
        *top = *sel;
    if (*sel >= *top + h)
        *top = *sel - h + 1;
    if (*top + h > n)
        *top = n > h ? n - h : 0;
}

int ui_list_move(size_t *sel, size_t *top, size_t n, int action, int count, int height)
{
    size_t h = height > 0 ? (size_t)height : 1;
    size_t c = count > 0 ? (size_t)count : 1;
    size_t step;
    switch (action) {
    case ACT_DOWN:
        step = c;
        break;
    case ACT_UP:
        step = c;
        *sel = *sel > step ? *sel - step : 0;
        ui_list_clamp(sel, top, n, height);
        return 1;
    case ACT_HALF_DOWN:
    case ACT_PAGE_DOWN:
        step = (action == ACT_HALF_DOWN ? (h + 1) / 2 : h) * c;
        /* Paging moves the view with the selection, like less. */
        *top += step;
        if (n > h && *top > n - h)
            *top = n - h;
        else if (n <= h)
            *top = 0;
        break;
    case ACT_HALF_UP:
    case ACT_PAGE_UP:
        step = (action == ACT_HALF_UP ? (h + 1) / 2 : h) * c;
        *top = *top > step ? *top - step : 0;
        *sel = *sel > step ? *sel - step : 0;
        ui_list_clamp(sel, top, n, height);
        return 1;
    case ACT_TOP:
        *sel = *top = 0;
        return 1;
    case ACT_BOTTOM:
        *sel = n ? n - 1 : 0;
        ui_list_clamp(sel, top, n, height);
        return 1;
    default:
        return 0;
    }
    *sel += step;
    if (n && *sel >= n)
        *sel = n - 1;
    ui_list_clamp(sel, top, n, height);
    return 1;
}

static int indexed_search(struct listview *l, const char *text, int dir, bool include_current)
{
    size_t n = l->src->count(l->ctx);
    if (!n || !l->src->match)
        return 0;
    size_t i = l->sel < n ? l->sel : 0;
    /* Beside the selection, the selected row itself comes last. */
    size_t start = include_current ? i : dir > 0 ? (i + 1) % n : (i + n - 1) % n;
    for (size_t k = 0; k < n; k++) {
        size_t r = dir > 0 ? (start + k) % n : (start + n - k) % n;
        if (l->src->match(l->ctx, r, text)) {
            l->sel = r;
            return 1;
        }
    }
    return 0;
}

/* ---- paged -------------------------------------------------------------- */
static size_t fill(struct listview *l, int height)
{
    size_t h = height > 0 ? (size_t)height : 1;
    l->nwin = l->src->pager->fill(l->ctx, h);
    return l->nwin;
}

static void keep_sel_in_window(struct listview *l)
{
    if (l->sel < l->top)
        l->sel = l->top;
    if (l->nwin && l->sel >= l->top + l->nwin)
        l->sel = l->top + l->nwin - 1;
    if (!l->nwin)
        l->sel = l->top;
}

/* After moving the anchor down, pull it back up so that the last page is
 * full, as less does. */
static void settle(struct listview *l, int height)
{
    size_t h = height > 0 ? (size_t)height : 1;
    fill(l, height);
    if (l->nwin < h && l->top > 0) {
        size_t back = l->src->pager->advance(l->ctx, h - l->nwin, -1);
        l->top -= back;
        fill(l, height);
    }
    keep_sel_in_window(l);
}

static void page_first(struct listview *l, int height)
{
    l->src->pager->rewind(l->ctx);
    l->top = l->sel = 0;
    fill(l, height);
}

static void page_last(struct listview *l, int height)
{
    size_t h = height > 0 ? (size_t)height : 1;
    size_t seen = l->src->pager->to_end(l->ctx, h);
    if (!seen) {
        page_first(l, height);
        return;
    }
    size_t total = l->src->pager->total ? l->src->pager->total(l->ctx) : 0;
    l->top = total >= seen ? total - seen : 0;
    fill(l, height);
    l->sel = l->top + (l->nwin ? l->nwin - 1 : 0);
}

/* Moves the selection by delta rows (negative: up). */
static void page_move_by(struct listview *l, long delta, int height)
{
    long h = height > 0 ? height : 1;
    long want = (long)(l->sel - l->top) + delta;
    if (want >= 0 && want < (long)l->nwin) {
        l->sel = l->top + (size_t)want;
        return;
    }
    if (want < 0) {
        l->top -= l->src->pager->advance(l->ctx, (size_t)-want, -1);
        l->sel = l->top;
        fill(l, height);
        return;
    }
    l->top += l->src->pager->advance(l->ctx, (size_t)(want - (h - 1)), 1);
    l->sel = l->top + (size_t)(h - 1);
    settle(l, height);
}

/* Scrolls the view by delta rows with the selection, like less. */
static void page_scroll_by(struct listview *l, long delta, int height)
{
    size_t row = l->sel - l->top;
    if (delta > 0) {
        size_t moved = l->src->pager->advance(l->ctx, (size_t)delta, 1);
        l->top += moved;
        if (moved < (size_t)delta)
            row = (size_t)(height > 0 ? height - 1 : 0);   /* at the end: the last row */
        l->sel = l->top + row;
        settle(l, height);
    } else {
        size_t moved = l->src->pager->advance(l->ctx, (size_t)-delta, -1);
        l->top -= moved;
        l->sel = moved < (size_t)-delta ? l->top : l->top + row;
        fill(l, height);
        keep_sel_in_window(l);
    }
}

static int page_move(struct listview *l, int action, int count, int height)
{
    long c = count > 0 ? count : 1, h = height > 0 ? height : 1;
    switch (action) {
    case ACT_DOWN:
        page_move_by(l, c, height);
        return 1;
    case ACT_UP:
        page_move_by(l, -c, height);
        return 1;
    case ACT_PAGE_DOWN:
        page_scroll_by(l, c * h, height);
        return 1;
    case ACT_PAGE_UP:
        page_scroll_by(l, -c * h, height);
        return 1;
    case ACT_HALF_DOWN:
        page_scroll_by(l, c * ((h + 1) / 2), height);
        return 1;
    case ACT_HALF_UP:
        page_scroll_by(l, -c * ((h + 1) / 2), height);
        return 1;
    case ACT_TOP:
        page_first(l, height);
        return 1;
    case ACT_BOTTOM:
        page_last(l, height);
        return 1;
    default:
        return 0;
    }
}

void lv_page_goto(struct listview *l, size_t index, bool anchored)
{
    if (!anchored && index >= l->top && index < l->top + l->nwin) {
        l->sel = index;
        return;
    }
    l->top = l->sel = index;
    settle(l, l->height > 0 ? l->height : 20);
}

/* ---- both --------------------------------------------------------------- */
static bool is_movement(int action)
{
    switch (action) {
    case ACT_DOWN: case ACT_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
    case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_TOP: case ACT_BOTTOM:
        return true;
    default:
        return false;
    }
}

int lv_move(struct listview *l, int action, int count, int height)
{
    if (!is_movement(action))
        return 0;
    if (!begin(l))
        return 1;
    if (l->src->pager)
        page_move(l, action, count, height);
    else
        ui_list_move(&l->sel, &l->top, l->src->count(l->ctx), action, count, height);
    end(l);
    return 1;
}

int lv_search(struct listview *l, const char *text, int dir, bool include_current)
{
    if (l->src->pager || !begin(l))
        return 0;
    int r = indexed_search(l, text, dir, include_current);
    end(l);
    return r;
}

int lv_choose(struct listview *l)
{
    if (!l->src->choose)
        return 0;
    size_t n = l->src->pager ? l->nwin : l->src->count(l->ctx);
    if (!n)
        return 0;
    l->src->choose(l->ctx, l->sel);
    return 1;
}

int lv_draw(struct listview *l, WINDOW *w, int y, int height, int width)
{
    l->height = height;
    if (!begin(l))
        return -1;
    size_t n;
    if (l->src->pager) {
        n = fill(l, height);
        keep_sel_in_window(l);
        n += l->top;
    } else {
        n = l->src->count(l->ctx);
        ui_list_clamp(&l->sel, &l->top, n, height);
    }
    int sel_y = -1;
    for (int i = 0; i < height && l->top + (size_t)i < n; i++) {
        size_t r = l->top + (size_t)i;
        bool on = r == l->sel;
        wmove(w, y + i, 0);
        waddch(w, on ? '>' : ' ');
        l->src->draw_row(l->ctx, w, r, width - 1, on);
        if (on)
            sel_y = y + i;
    }
    end(l);
    return sel_y;
}
