/* Pickers: screens opened to hand a chosen row back to their caller. A
 * person is picked on the Staff list itself (paged over the name index,
 * with its fast search); a position on a list of every position, searched
 * by name and code. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/record.h"
#include "store/store.h"
#include "ui/uipriv.h"

void ui_pick_person(struct app *a, ui_pick_fn done, void *data)
{
    struct screen *s = ui_staff_screen_new(a);
    if (!s)
        return;
    s->title = N_("Pick a person (/ searches, Enter picks)");
    ui_app_push_picker(a, s, done, data);
}

/* ---- the position picker ------------------------------------------------ */
struct pos_row {
    char code[CODE_SIZE];
    char unit[CODE_SIZE];
    char *name;
};

struct pospick {
    struct pos_row *rows;
    size_t n, cap;
    struct listview list;
    struct screen *s;
};

static int take_position(const struct position *pos, void *ctx)
{
    struct pospick *p = ctx;
    if (GROW_ROOM(p->rows, p->cap, p->n + 1, 256) != 0)
        return 1;
    struct pos_row *r = &p->rows[p->n];
    snprintf(r->code, sizeof r->code, "%s", pos->code);
    snprintf(r->unit, sizeof r->unit, "%s", pos->unit);
    r->name = strdup(pos->name);
    if (!r->name)
        return 1;
    p->n++;
    return 0;
}

static size_t pos_count(void *ctx)
{
    return ((struct pospick *)ctx)->n;
}

static void pos_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool selected)
{
    struct pospick *p = ctx;
    const struct pos_row *r = &p->rows[row];
    bool ascii = p->s->app->ascii;
    int codew = 20, unitw = 16, namew = width - codew - unitw - 2;
    if (selected)
        wattron(w, A_REVERSE);
    ui_put_field(w, r->code, codew, ascii);
    if (selected)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, r->name, namew, ascii);
    waddch(w, ' ');
    ui_put_field(w, r->unit, unitw, ascii);
}

static bool pos_match(void *ctx, size_t row, const char *text)
{
    const struct pos_row *r = &((struct pospick *)ctx)->rows[row];
    return ui_text_contains(r->name, text) || ui_text_contains(r->code, text);
}

static void pos_choose(void *ctx, size_t row)
{
    struct pospick *p = ctx;
    ui_screen_pick(p->s, p->rows[row].code, p->rows[row].name);
}

static const struct lv_source pos_source = {
    .count = pos_count,
    .draw_row = pos_draw_row,
    .match = pos_match,
    .choose = pos_choose,
};

static int pos_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct pospick *p = s->priv;
    bool ascii = s->app->ascii;
    wattrset(w, A_BOLD);
    wmove(w, y0, 1);
    ui_put_field(w, _("Code"), 21, ascii);
    ui_put_field(w, _("Position"), width - 1 - 21 - 17, ascii);
    waddch(w, ' ');
    ui_put_field(w, _("Unit"), 16, ascii);
    wattrset(w, A_NORMAL);
    if (!p->n)
        mvwaddstr(w, y0 + 1, 1, _("No positions yet."));
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

static void pos_close(struct screen *s)
{
    struct pospick *p = s->priv;
    for (size_t i = 0; i < p->n; i++)
        free(p->rows[i].name);
    free(p->rows);
    free(p);
}

static const struct screen_ops pos_ops = {
    .name = "position-picker",
    .title = N_("Pick a position (/ searches, Enter picks)"),
    .close = pos_close,
    .draw = pos_draw,
};

/* Every position in code order, read once: a few hundred thousand at the
 * most, a few dozen bytes each. */
static struct screen *position_list_new(struct app *a)
{
    stxn *t = a->db ? store_read_begin(a->db) : NULL;
    if (!t)
        return NULL;
    struct pospick *p = calloc(1, sizeof *p);
    int rc = p ? store_each_position(t, take_position, p) : -1;
    store_read_end(t);
    struct screen *s = rc == 0 ? calloc(1, sizeof *s) : NULL;
    if (!s) {
        ui_app_message(a, "%s", _("the positions could not be read"));
        if (p) {
            struct screen tmp = {.priv = p};
            pos_close(&tmp);
        }
        return NULL;
    }
    p->s = s;
    s->ops = &pos_ops;
    s->app = a;
    s->priv = p;
    lv_init(&p->list, &pos_source, p);
    s->list = &p->list;
    return s;
}

void ui_pick_position(struct app *a, ui_pick_fn done, void *data)
{
    ui_app_push_picker(a, position_list_new(a), done, data);
}

/* ---- :check without arguments ------------------------------------------- */
static char check_nip[64];
static bool check_own;

static void check_position_picked(struct app *a, const struct pick_result *r, void *data)
{
    (void)data;
    ui_app_push(a, ui_check_screen_new(a, check_nip, r->key, check_own));
}

static void check_person_picked(struct app *a, const struct pick_result *r, void *data)
{
    (void)data;
    snprintf(check_nip, sizeof check_nip, "%s", r->key);
    ui_pick_position(a, check_position_picked, NULL);
}

void ui_check_pick(struct app *a, bool own_request)
{
    check_own = own_request;
    ui_pick_person(a, check_person_picked, NULL);
}
