/* The text screen used by help and detail views: lines of text on the
 * generic list; a line may stand for a person or a position, which Enter
 * opens, and the screen may be about one person (c checks a move). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

/* ---- the text screen ---------------------------------------------------- */
struct text_line {
    int attr;
    char *text;
    enum ui_link link;
    char key[32];               /* the NIP or position code of the link */
};
struct text_priv {
    struct screen *s;
    char title[128];
    char person[32];            /* the NIP the screen is about, "" none */
    struct text_line *lines;
    size_t n, cap;
    struct listview list;
    bool ascii;
    int width;                  /* cells of a line at the last draw */
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

/* Enter: a person's detail, or who holds a position. */
static void text_choose(void *ctx, size_t row)
{
    struct text_priv *p = ctx;
    const struct text_line *l = &p->lines[row];
    struct app *a = p->s->app;
    if (l->link == UI_LINK_PERSON)
        ui_app_push(a, ui_staff_detail_new(a, l->key));
    else if (l->link == UI_LINK_POSITION)
        ui_app_push(a, ui_position_holders_new(a, l->key));
    else
        ui_app_message(a, "%s", _("nothing to open on this line"));
}

static const struct lv_source text_source = {
    .count = text_count,
    .draw_row = text_draw_row,
    .match = text_match,
    .choose = text_choose,
};

static int text_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct text_priv *p = s->priv;
    p->ascii = s->app->ascii;
    p->width = width - 1;       /* after the selection marker */
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, p->title, width, s->app->ascii);
    wattrset(w, A_NORMAL);
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

/* A line longer than the screen (a verdict's reason): the rest of it. */
static void text_detail(struct screen *s, char *out, size_t size)
{
    struct text_priv *p = s->priv;
    if (!p->n || p->list.sel >= p->n || ui_text_width(p->lines[p->list.sel].text) <= p->width)
        return;
    const char *t = p->lines[p->list.sel].text;
    /* The row shows width-1 cells and a cut mark. */
    const char *rest = t;
    char one[8];
    for (int cells = 0; *rest;) {
        size_t len = 1;
        while (rest[len] && ((unsigned char)rest[len] & 0xc0) == 0x80)
            len++;
        snprintf(one, sizeof one, "%.*s", (int)len, rest);
        if (cells + ui_text_width(one) > p->width - 1)
            break;
        cells += ui_text_width(one);
        rest += len;
    }
    snprintf(out, size, "%s%s", p->ascii ? "~" : "\u2026", rest);
}

static const struct screen_ops text_ops = {
    .name = "text",
    .title = N_("Detail"),
    .close = text_close,
    .draw = text_draw,
    .detail = text_detail,
};

struct screen *ui_text_screen_new(struct app *a, const char *title)
{
    struct screen *s = ui_screen_alloc(a, &text_ops, sizeof(struct text_priv));
    if (!s)
        return NULL;
    struct text_priv *p = s->priv;
    snprintf(p->title, sizeof p->title, "%s", title);
    p->s = s;
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

void ui_text_screen_link(struct screen *s, enum ui_link link, const char *key)
{
    struct text_priv *p = s->priv;
    if (!p->n)
        return;
    p->lines[p->n - 1].link = link;
    snprintf(p->lines[p->n - 1].key, sizeof p->lines[p->n - 1].key, "%s", key);
}

void ui_text_screen_about(struct screen *s, const char *nip)
{
    struct text_priv *p = s->priv;
    snprintf(p->person, sizeof p->person, "%s", nip);
}

/* c: the person of the selected line, else the one the screen is about. */
static void check_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct text_priv *p = s->priv;
    const char *nip = p->person;
    if (p->n && p->list.sel < p->n && p->lines[p->list.sel].link == UI_LINK_PERSON)
        nip = p->lines[p->list.sel].key;
    if (!nip[0]) {
        ui_app_message(s->app, "%s", _("no person here: open a person or select one, then press c"));
        return;
    }
    ui_check_pick_target(s->app, nip);
}

void ui_text_actions_register(void)
{
    const char *keys[] = {"c", NULL};
    ui_action_add("check-move", keys, N_("check a move of this person to a position found by search"),
                  "text", check_move, NULL);
}

size_t ui_text_screen_lines(struct screen *s)
{
    return ((struct text_priv *)s->priv)->n;
}
