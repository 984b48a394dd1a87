/* The Plans screen (top screen 3): every plan with its state, author,
 * moves and last change; Enter opens the plan editor, n makes a new plan,
 * / finds a plan by name. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "ops/plan.h"
#include "ui/plan_edit.h"
#include "ui/uipriv.h"

struct plans_priv {
    struct ops_plan_item *items;
    size_t n;
    bool stale;                 /* read them again before the next draw */
    struct listview list;
    struct screen *s;
};

/* "01-08-2026 09:30" (Indonesian) or "2026-08-01 09:30", local time, as
 * the plan verbs print it: 16 characters. */
static void plans_reload(struct plans_priv *p)
{
    struct ops_err e;
    uint32_t keep = p->n && p->list.sel < p->n ? p->items[p->list.sel].plan.id : 0;
    free(p->items);
    p->items = NULL;
    p->n = 0;
    p->stale = false;
    if (ops_plan_list(&p->s->app->ops, &p->items, &p->n, &e) != OPS_OK) {
        ui_app_message(p->s->app, "%s", e.msg);
        return;
    }
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].plan.id == keep)
            p->list.sel = i;
    if (p->list.sel >= p->n)
        p->list.sel = p->n ? p->n - 1 : 0;
}

/* Keys typed ahead (3 Enter) may act before the first draw: read first. */
static size_t plans_count(void *ctx)
{
    struct plans_priv *p = ctx;
    if (p->stale)
        plans_reload(p);
    return p->n;
}

#define NAME_FIXED 50     /* the columns of a row besides the name */

static void plans_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct plans_priv *p = ctx;
    const struct ops_plan_item *it = &p->items[row];
    bool ascii = p->s->app->ascii;
    char id[16], moves[16], when[OPS_WHEN_SIZE];
    snprintf(id, sizeof id, "%4u ", (unsigned)it->plan.id);
    snprintf(moves, sizeof moves, "%6zu ", it->nmoves);
    ops_when_label(it->plan.changed_at, OPS_WHEN_SHORT, when);
    int namew = width - NAME_FIXED;
    waddstr(w, id);
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, it->plan.name, namew, ascii);
    if (on)
        wattroff(w, A_REVERSE);
    waddch(w, ' ');
    ui_put_field(w, it->plan.state, 10, ascii);
    waddch(w, ' ');
    ui_put_field(w, it->plan.author, 10, ascii);
    waddstr(w, moves);
    ui_put_field(w, when, 16, ascii);
}

static bool plans_match(void *ctx, size_t row, const char *text)
{
    return ui_text_contains(((struct plans_priv *)ctx)->items[row].plan.name, text);
}

static void open_editor(struct plans_priv *p, size_t row)
{
    p->stale = true;      /* moves and changes shown again when back */
    ui_app_push(p->s->app, ui_plan_editor_new(p->s->app, p->items[row].plan.id));
}

/* Enter: a plan that took effect changes no more, and what is left to do
 * with it is its follow-up (training, SKP before and after), so Enter
 * opens that; `e` still opens its editor (moves, impact, decree). Any
 * other plan opens in the editor. */
static void plans_choose(void *ctx, size_t row)
{
    struct plans_priv *p = ctx;
    if (p->items[row].plan.applied_at)
        ui_followup_open(p->s->app, p->items[row].plan.id);
    else
        open_editor(p, row);
}

static const struct lv_source plans_source = {
    .count = plans_count,
    .draw_row = plans_draw_row,
    .match = plans_match,
    .choose = plans_choose,
};

static int plans_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct plans_priv *p = s->priv;
    if (p->stale)
        plans_reload(p);
    bool ascii = s->app->ascii;
    wattrset(w, A_BOLD);
    wmove(w, y0, 1);
    ui_put_field(w, _("  Id"), 5, ascii);
    ui_put_field(w, _("Plan"), width - 1 - NAME_FIXED, ascii);
    waddch(w, ' ');
    ui_put_field(w, _("State"), 10, ascii);
    waddch(w, ' ');
    ui_put_field(w, _("Author"), 10, ascii);
    /* 7 cells: "Mutasi" and a space (it ran into the next heading) */
    ui_put_field(w, _("Moves"), 7, ascii);
    ui_put_field(w, _("Changed"), 16, ascii);
    wattrset(w, A_NORMAL);
    if (!p->n) {
        mvwaddstr(w, y0 + 1, 2, _("No plans yet: press n to make one."));
        return -1;
    }
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

static void plans_hide(struct screen *s)
{
    ((struct plans_priv *)s->priv)->stale = true;
}

static void plans_close(struct screen *s)
{
    struct plans_priv *p = s->priv;
    free(p->items);
    free(p);
}

static const struct screen_ops plans_ops = {
    .name = "plans",
    .title = N_("Plans"),
    .close = plans_close,
    .draw = plans_draw,
    .hide = plans_hide,
    .data_changed = plans_hide,     /* read the list again before the next draw */
};

struct screen *ui_plans_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &plans_ops, sizeof(struct plans_priv));
    if (!s)
        return NULL;
    struct plans_priv *p = s->priv;
    p->s = s;
    p->stale = true;
    lv_init(&p->list, &plans_source, p);
    s->list = &p->list;
    return s;
}

/* n: a new plan, named at the prompt, opened in the editor. */
static void new_plan(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct app *a = s->app;
    struct plans_priv *p = s->priv;
    char name[PLAN_NAME_SIZE];
    char label[96];
    snprintf(label, sizeof label, "%s ", _("Name of the new plan:"));
    if (!ui_app_prompt(a, label, name, sizeof name) || !name[0])
        return;
    struct ops_err e;
    uint32_t id;
    if (ops_need_write(&a->ops, &e) != OPS_OK ||
        ops_plan_new(&a->ops, name, NULL, &id, &e) != OPS_OK) {
        ui_plan_message(a, e.msg);
        return;
    }
    a->db = a->ops.db;
    p->stale = true;
    plans_reload(p);
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].plan.id == id)
            p->list.sel = i;
    ui_app_message(a, _("plan %u made"), (unsigned)id);
    p->stale = true;
    ui_app_push(a, ui_plan_editor_new(a, id));
}

void ui_plan_message(struct app *a, const char *msg)
{
    /* The message line is one line: a refusal's lines joined ("cannot
     * move to X: Fit: ...; Need at target: ..."), their indent dropped. */
    char one[sizeof a->msg];
    size_t k = 0;
    for (const char *c = msg; *c && k + 3 < sizeof one; c++) {
        if (*c != '\n') {
            one[k++] = *c;
            continue;
        }
        while (c[1] == ' ')
            c++;
        if (c[1] && k) {
            if (one[k - 1] != ':')
                one[k++] = ';';
            one[k++] = ' ';
        }
    }
    one[k] = '\0';
    ui_app_message(a, "%s", one);
}

/* F: the follow-up of the selected plan, once it took effect. */
static void plan_followup(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct plans_priv *p = s->priv;
    if (p->list.sel < plans_count(p))           /* typed ahead (3F): read first */
        ui_followup_open(s->app, p->items[p->list.sel].plan.id);
}

/* e: the editor of the selected plan, also of one that took effect. */
static void plan_edit(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct plans_priv *p = s->priv;
    if (p->list.sel < plans_count(p))           /* typed ahead (3e): read first */
        open_editor(p, p->list.sel);
}

void ui_plan_actions_register(void)
{
    const char *n[] = {"n", NULL}, *f[] = {"F", NULL}, *ed[] = {"e", NULL};
    ui_action_add("plan-new", n, N_("make a new plan (asks for its name)"), "plans", new_plan,
                  NULL);
    ui_action_add("plan-followup", f, N_("the follow-up of the selected plan (once applied)"),
                  "plans", plan_followup, NULL);
    ui_action_add("plan-edit", ed, N_("open the selected plan in the editor (Enter opens a "
                                      "plan that took effect in its follow-up)"),
                  "plans", plan_edit, NULL);
    ui_plan_editor_register();
}
