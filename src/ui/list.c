/* In-memory lists: movement, and the text screen used by help and detail
 * views. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

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

/* ---- the text screen ---------------------------------------------------- */
struct text_line {
    int attr;
    char *text;
};
struct text_priv {
    char title[128];
    struct text_line *lines;
    size_t n, cap;
    size_t sel, top;
};

static void text_close(struct screen *s)
{
    struct text_priv *p = s->priv;
    for (size_t i = 0; i < p->n; i++)
        free(p->lines[i].text);
    free(p->lines);
    free(p);
}

static void text_position(struct screen *s, size_t *pos, size_t *total)
{
    struct text_priv *p = s->priv;
    *pos = p->n ? p->sel + 1 : 0;
    *total = p->n;
}

static int text_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct text_priv *p = s->priv;
    ui_list_clamp(&p->sel, &p->top, p->n, height);
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, p->title, width, s->app->ascii);
    wattrset(w, A_NORMAL);
    int sel_y = -1;
    for (int i = 0; i < height && p->top + (size_t)i < p->n; i++) {
        size_t r = p->top + (size_t)i;
        wmove(w, y0 + 1 + i, 0);
        bool on = r == p->sel;
        waddch(w, on ? '>' : ' ');
        wattrset(w, p->lines[r].attr | (on ? A_REVERSE : 0));
        ui_put_field(w, p->lines[r].text, on ? ui_text_width(p->lines[r].text) < width - 1 ?
                  ui_text_width(p->lines[r].text) : width - 1 : width - 1, s->app->ascii);
        wattrset(w, A_NORMAL);
        if (on)
            sel_y = y0 + 1 + i;
    }
    return sel_y;
}

static int text_action(struct screen *s, int action, int count, int height)
{
    struct text_priv *p = s->priv;
    return ui_list_move(&p->sel, &p->top, p->n, action, count, height);
}

static int text_search(struct screen *s, const char *text, int dir, bool include_current)
{
    struct text_priv *p = s->priv;
    if (!p->n)
        return 0;
    size_t i = p->sel;
    if (!include_current) {
        if (dir > 0 && i + 1 >= p->n)
            return 0;
        if (dir < 0 && i == 0)
            return 0;
        i = dir > 0 ? i + 1 : i - 1;
    }
    for (;;) {
        if (ui_text_contains(p->lines[i].text, text)) {
            p->sel = i;
            return 1;
        }
        if (dir > 0 ? i + 1 >= p->n : i == 0)
            return 0;
        i = dir > 0 ? i + 1 : i - 1;
    }
}

static void text_get_pos(struct screen *s, struct saved_pos *sp)
{
    struct text_priv *p = s->priv;
    sp->sel = p->sel;
    sp->top = p->top;
}

static void text_set_pos(struct screen *s, const struct saved_pos *sp)
{
    struct text_priv *p = s->priv;
    p->sel = sp->sel;
    p->top = sp->top;
}

static const struct screen_ops text_ops = {
    .name = "text",
    .title = N_("Detail"),
    .close = text_close,
    .position = text_position,
    .draw = text_draw,
    .action = text_action,
    .search = text_search,
    .get_pos = text_get_pos,
    .set_pos = text_set_pos,
};

struct screen *ui_text_screen_new(struct app *a, const char *title)
{
    struct screen *s = calloc(1, sizeof *s);
    struct text_priv *p = calloc(1, sizeof *p);
    if (!s || !p) {
        free(s);
        free(p);
        return NULL;
    }
    snprintf(p->title, sizeof p->title, "%s", title);
    s->ops = &text_ops;
    s->app = a;
    s->priv = p;
    return s;
}

void ui_text_screen_add(struct screen *s, int attr, const char *fmt, ...)
{
    struct text_priv *p = s->priv;
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 64;
        struct text_line *l = realloc(p->lines, nc * sizeof *l);
        if (!l)
            return;
        p->lines = l;
        p->cap = nc;
    }
    va_list ap;
    va_start(ap, fmt);
    char *t = NULL;
    if (vasprintf(&t, fmt, ap) < 0)
        t = NULL;
    va_end(ap);
    if (!t)
        return;
    p->lines[p->n].attr = attr;
    p->lines[p->n].text = t;
    p->n++;
}

void ui_screen_free(struct screen *s)
{
    if (!s)
        return;
    if (s->ops->close)
        s->ops->close(s);
    free(s);
}
