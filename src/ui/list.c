/* The text screen used by help and detail views: lines of text on the
 * generic list. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

/* ---- the text screen ---------------------------------------------------- */
struct text_line {
    int attr;
    char *text;
};
struct text_priv {
    char title[128];
    struct text_line *lines;
    size_t n, cap;
    struct listview list;
    bool ascii;
};

static void text_close(struct screen *s)
{
    struct text_priv *p = s->priv;
    for (size_t i = 0; i < p->n; i++)
        free(p->lines[i].text);
    free(p->lines);
    free(p);
}

static size_t text_count(void *ctx)
{
    return ((struct text_priv *)ctx)->n;
}

/* The selected line is reversed as far as its text goes. */
static void text_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    struct text_priv *p = ctx;
    const struct text_line *l = &p->lines[row];
    int tw = ui_text_width(l->text);
    wattrset(w, l->attr | (selected ? A_REVERSE : 0));
    ui_put_field(w, l->text, selected && tw < width ? tw : width, p->ascii);
    wattrset(w, A_NORMAL);
}

static bool text_match(void *ctx, size_t row, const char *text)
{
    return ui_text_contains(((struct text_priv *)ctx)->lines[row].text, text);
}

static const struct lv_source text_source = {
    .count = text_count,
    .draw_row = text_draw_row,
    .match = text_match,
};

static int text_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct text_priv *p = s->priv;
    p->ascii = s->app->ascii;
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, p->title, width, s->app->ascii);
    wattrset(w, A_NORMAL);
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

static const struct screen_ops text_ops = {
    .name = "text",
    .title = N_("Detail"),
    .close = text_close,
    .draw = text_draw,
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
    lv_init(&p->list, &text_source, p);
    s->list = &p->list;
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
