/* The target picker of the plan editor's `a`: every position judged for
 * the person being moved (ops_move_targets). It shows the positions the
 * person is fit for (no blocking verdict); t shows all, with their marks
 * ('!' blocked, '~' warnings). The selected row's reasons stand at the
 * bottom, written when it is drawn selected (ops_target_reasons): the
 * list itself is judged without words. Searched by name and code. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/plan_edit.h"

struct tpick {
    struct screen *s;
    struct ops_targets g;
    uint32_t *shown;            /* indexes into g.t of the rows shown */
    size_t nshown;
    bool all;
    struct listview list;
    /* The reasons of one position, written when it is first selected. */
    size_t why_of;              /* index into g.t; SIZE_MAX: none yet */
    char why[600];
};

static void refilter(struct tpick *p)
{
    size_t keep = p->nshown && p->list.sel < p->nshown ? p->shown[p->list.sel] : 0;
    p->nshown = 0;
    for (size_t i = 0; i < p->g.n; i++)
        if (p->all || p->g.t[i].summary != MOVE_BLOCKED)
            p->shown[p->nshown++] = (uint32_t)i;
    lv_reset(&p->list);
    for (size_t i = 0; i < p->nshown; i++)
        if (p->shown[i] == keep)
            p->list.sel = i;
}

static size_t tp_count(void *ctx)
{
    return ((struct tpick *)ctx)->nshown;
}

static void tp_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct tpick *p = ctx;
    size_t i = p->shown[row];
    const struct ops_target *t = &p->g.t[i];
    bool ascii = p->s->app->ascii;
    char mark = t->summary == MOVE_BLOCKED ? '!' : t->summary == MOVE_ALLOWED_WARNINGS ? '~' : ' ';
    int pair = mark == '!' ? 1 : mark == '~' ? 2 : 0;
    if (p->s->app->color && pair)
        wattron(w, COLOR_PAIR(pair) | A_BOLD);
    waddch(w, (chtype)mark);
    if (p->s->app->color && pair)
        wattroff(w, COLOR_PAIR(pair) | A_BOLD);
    waddch(w, ' ');
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, ops_target_code(&p->g, i), 20, ascii);
    if (on)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, ops_target_name(&p->g, i), width - 20 - 16 - 4, ascii);
    waddch(w, ' ');
    ui_put_field(w, ops_target_unit(&p->g, i), 16, ascii);
}

static bool tp_match(void *ctx, size_t row, const char *text)
{
    const struct tpick *p = ctx;
    size_t i = p->shown[row];
    return ui_text_contains(ops_target_name(&p->g, i), text) ||
           ui_text_contains(ops_target_code(&p->g, i), text);
}

static void tp_choose(void *ctx, size_t row)
{
    struct tpick *p = ctx;
    size_t i = p->shown[row];
    ui_screen_pick(p->s, ops_target_code(&p->g, i), ops_target_name(&p->g, i));
}

static const struct lv_source tp_source = {
    .count = tp_count,
    .draw_row = tp_draw_row,
    .match = tp_match,
    .choose = tp_choose,
};

static int tp_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct tpick *p = s->priv;
    bool ascii = s->app->ascii;
    char head[160];
    snprintf(head, sizeof head, "  %-20s %s", _("Code"),
             p->all ? _("Position (all; t: only those the person is fit for)")
                    : _("Position (fit for the person; t: all with their verdicts)"));
    wattrset(w, A_BOLD);
    wmove(w, y0, 1);
    ui_put_field(w, head, width - 1, ascii);
    wattrset(w, A_NORMAL);
    if (!p->nshown) {
        mvwaddstr(w, y0 + 1, 2, p->all ? _("No positions yet.")
                                        : _("No position without a blocking verdict: t shows all."));
        return -1;
    }
    /* The list, and two lines for the selected row's reasons. */
    int sel = lv_draw(&p->list, w, y0 + 1, height - 2, width);
    size_t at = p->shown[p->list.sel];
    if (p->why_of != at) {
        ops_target_reasons(&s->app->ops, &p->g, at, p->why, sizeof p->why);
        p->why_of = at;
    }
    char why[700];
    snprintf(why, sizeof why, "%s: %s", move_summary_label(p->g.t[at].summary),
             p->why[0] ? p->why : _("no warnings"));
    ui_put_lines(w, y0 + height - 1, why, 2, width, ascii);
    return sel;
}

static void tp_close(struct screen *s)
{
    struct tpick *p = s->priv;
    ops_targets_free(&p->g);
    free(p->shown);
    free(p);
}

static const struct screen_ops tp_ops = {
    .name = "target-picker",
    .title = N_("Pick the target position (/ searches, t all or fit, Enter picks)"),
    .close = tp_close,
    .draw = tp_draw,
};

void ui_pick_target(struct app *a, const char *nip, const struct workload *w, ui_pick_fn done,
                    void *data)
{
    struct ops_err e;
    struct tpick *p = calloc(1, sizeof *p);
    struct screen *s = calloc(1, sizeof *s);
    if (!p || !s || ops_move_targets(&a->ops, nip, w, &p->g, &e) != OPS_OK ||
        !(p->shown = calloc(p->g.n ? p->g.n : 1, sizeof *p->shown))) {
        ui_plan_message(a, p && s ? e.msg : _("out of memory"));
        if (p)
            ops_targets_free(&p->g);
        free(p);
        free(s);
        return;
    }
    p->s = s;
    p->why_of = SIZE_MAX;
    s->ops = &tp_ops;
    s->app = a;
    s->priv = p;
    lv_init(&p->list, &tp_source, p);
    s->list = &p->list;
    refilter(p);
    ui_app_push_picker(a, s, done, data);
}

static void toggle_all(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct tpick *p = s->priv;
    p->all = !p->all;
    refilter(p);
    ui_app_message(s->app, "%s", p->all ? _("all positions, with their verdicts")
                                        : _("only the positions the person is fit for"));
}

void ui_target_picker_register(void)
{
    const char *keys[] = {"t", NULL};
    ui_action_add("targets-all", keys, N_("show all positions or only those the person is fit for"),
                  "target-picker", toggle_all, NULL);
}
