/* The plan editor's S: the optimiser on the open plan, with a progress
 * line and a way to cancel (any key), then the suggestions screen: every
 * suggested move with its reasons, ticked; Space, a and n tick, Enter
 * keeps the ticked ones and drops the rest in one change. The optimiser
 * saves its moves at once (ops/suggest.h), so leaving the screen any
 * other way keeps them all (asked first). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/suggest.h"
#include "ui/plan_edit.h"

#define PROGRESS_EVERY_MS 200   /* a few redraws a second at most */
#define WHY_LINES 4             /* the selected move's reasons, under the list */

/* ---- running the optimiser -------------------------------------------------- */
struct run {
    struct app *a;
    volatile sig_atomic_t stop;
    int phase;
    double shown_at;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void show_progress(struct run *r, int phase, uint64_t done)
{
    unsigned long long n = (unsigned long long)done;
    switch (phase) {
    case OPS_SUGGEST_READ:
        ui_app_message(r->a, _("suggest: reading the staff (%llu)... any key cancels"), n);
        break;
    case OPS_SUGGEST_SOLVE:
        ui_app_message(r->a, _("suggest: solving (step %llu)... any key cancels"), n);
        break;
    default:
        ui_app_message(r->a, _("suggest: judging the moves (%llu)... any key cancels"), n);
        break;
    }
    ui_app_draw_now(r->a);
}

/* A key typed during the run stops it; until saving begins (SAVE with
 * done 0) that changes nothing. */
static int on_progress(void *ctx, int phase, uint64_t done)
{
    struct run *r = ctx;
    if (ui_term_key_pending(&r->a->term)) {
        ui_term_drain(&r->a->term);
        r->stop = 1;
        return 1;
    }
    double t = now_ms();
    if (phase != r->phase || t - r->shown_at >= PROGRESS_EVERY_MS) {
        r->phase = phase;
        r->shown_at = t;
        show_progress(r, phase, done);
    }
    return 0;
}

/* ---- the suggestions screen ------------------------------------------------- */
struct sugg {
    struct screen *s;
    struct editor *ed;
    struct ops_suggest_result r;
    bool *ticked;
    bool settled;                  /* Enter done: leaving asks nothing */
    struct listview list;
};

static size_t count_ticked(const struct sugg *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->r.nmoves; i++)
        n += g->ticked[i];
    return n;
}

static size_t sugg_count(void *ctx)
{
    return ((struct sugg *)ctx)->r.nmoves;
}

static void sugg_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct sugg *g = ctx;
    const struct ops_suggested *m = &g->r.moves[row];
    bool ascii = g->s->app->ascii;
    waddstr(w, g->ticked[row] ? "[x] " : "[ ] ");
    int namew = (width - 4) / 2 - 1;
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, m->name, namew, ascii);
    if (on)
        wattroff(w, A_REVERSE);
    char codes[2 * CODE_SIZE + 8];
    snprintf(codes, sizeof codes, " %s -> %s", m->from_position, m->to_position);
    ui_put_field(w, codes, width - 4 - namew, ascii);
}

static bool sugg_match(void *ctx, size_t row, const char *text)
{
    const struct ops_suggested *m = &((struct sugg *)ctx)->r.moves[row];
    return ui_text_contains(m->name, text) || ui_text_contains(m->to_position, text) ||
           ui_text_contains(m->from_position, text);
}

/* Enter: the unticked moves are dropped, all in one change. */
static void sugg_accept(void *ctx, size_t row)
{
    (void)row;
    struct sugg *g = ctx;
    struct app *a = g->s->app;
    size_t keep = count_ticked(g), n = g->r.nmoves;
    if (keep < n) {
        const char **nips = malloc((n - keep) * sizeof *nips);
        size_t k = 0;
        for (size_t i = 0; nips && i < n; i++)
            if (!g->ticked[i])
                nips[k++] = g->r.moves[i].nip;
        struct ops_err e;
        int rc = !nips ? ops_fail(&e, "%s", _("out of memory"))
                 : ops_need_write(&a->ops, &e) != OPS_OK
                     ? OPS_REFUSED
                     : ops_plan_drop_many(&a->ops, g->ed->id, nips, k, g->r.version, &e);
        free(nips);
        if (rc != OPS_OK) {
            ui_plan_message(a, e.msg);     /* stays: the moves are as saved */
            return;
        }
        a->db = a->ops.db;
    }
    g->settled = true;
    ui_app_message(a, _("suggest: kept %zu of %zu suggested moves"), keep, n);
    ui_screen_pick(g->s, "", "");
}

static const struct lv_source sugg_source = {
    .count = sugg_count,
    .draw_row = sugg_draw_row,
    .match = sugg_match,
    .choose = sugg_accept,
};

/* The selected move's reasons, wrapped, under the list. */
static void draw_why(struct sugg *g, WINDOW *w, int y, int width)
{
    if (!g->r.nmoves)
        return;
    const char *p = g->r.moves[g->list.sel].why;
    for (int line = 0; line < WHY_LINES && *p; line++) {
        int cut = ui_wrap_cut(p, width - 4);
        wmove(w, y + line, 2);
        waddnstr(w, p, cut);
        p += cut;
        while (*p == ' ')
            p++;
    }
}

static int sugg_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct sugg *g = s->priv;
    char head[256];
    snprintf(head, sizeof head,
             _("Plan %u: objective %lld; filled %zu of %lld short; %zu of %zu ticked"),
             (unsigned)g->ed->id, (long long)g->r.objective, g->r.nmoves,
             (long long)g->r.shortage, count_ticked(g), g->r.nmoves);
    wattrset(w, A_BOLD);
    wmove(w, y0, 1);
    ui_put_field(w, head, width - 1, s->app->ascii);
    wattrset(w, A_NORMAL);
    int rows = height - 1 - WHY_LINES - 1;
    if (rows < 1)
        rows = 1;
    int sel = lv_draw(&g->list, w, y0 + 1, rows, width);
    if (height > rows + 2) {
        wattrset(w, A_BOLD);
        mvwaddstr(w, y0 + 1 + rows, 1, _("Why"));
        wattrset(w, A_NORMAL);
        draw_why(g, w, y0 + 2 + rows, width);
    }
    return sel;
}

/* q or Esc before Enter: the moves are saved already; keeping them all
 * is the answer that changes nothing. */
static bool sugg_may_leave(struct screen *s)
{
    struct sugg *g = s->priv;
    if (g->settled)
        return true;
    char q[160];
    snprintf(q, sizeof q, _("Keep all %zu suggested moves?"), g->r.nmoves);
    if (!ui_app_confirm(s->app, q))
        return false;
    ui_app_message(s->app, _("suggest: kept all %zu suggested moves"), g->r.nmoves);
    return true;
}

static void sugg_close(struct screen *s)
{
    struct sugg *g = s->priv;
    ui_editor_stale(g->ed);
    ops_suggest_result_free(&g->r);
    free(g->ticked);
    free(g);
}

static const struct screen_ops sugg_ops = {
    .name = "plan-suggestions",
    .title = N_("Suggestions"),
    .close = sugg_close,
    .draw = sugg_draw,
    .may_leave = sugg_may_leave,
};

static void closed(struct app *a, const struct pick_result *r, void *data)
{
    (void)a, (void)r, (void)data;   /* the message is said; the editor reloads */
}

static void open_suggestions(struct editor *ed, struct ops_suggest_result *r)
{
    struct app *a = ed->s->app;
    struct screen *s = calloc(1, sizeof *s);
    struct sugg *g = calloc(1, sizeof *g);
    bool *ticked = calloc(r->nmoves ? r->nmoves : 1, sizeof *ticked);
    if (!s || !g || !ticked) {
        free(s), free(g), free(ticked);
        ops_suggest_result_free(r);
        ui_app_message(a, "%s", _("suggest: moves saved, but too little memory to show them"));
        return;
    }
    for (size_t i = 0; i < r->nmoves; i++)
        ticked[i] = true;
    g->s = s;
    g->ed = ed;
    g->r = *r;
    g->ticked = ticked;
    s->ops = &sugg_ops;
    s->app = a;
    s->priv = g;
    lv_init(&g->list, &sugg_source, g);
    s->list = &g->list;
    ui_app_push_picker(a, s, closed, ed);
}

/* ---- the actions ------------------------------------------------------------ */
static void suggest(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct editor *ed = ui_editor_of(s);
    struct app *a = s->app;
    struct ops_err e;
    if (!ed)
        return;
    if (ops_need_write(&a->ops, &e) != OPS_OK) {
        ui_plan_message(a, e.msg);
        return;
    }
    a->db = a->ops.db;
    struct run run = {.a = a, .phase = -1};
    struct ops_suggest_req rq = {
        .plan = ed->id,
        .max_moves = -1,
        .expect_version = ed->plan.version,
        .progress = on_progress,
        .ctx = &run,
        .cancel = &run.stop,
    };
    struct ops_suggest_result r;
    int rc = ops_plan_suggest(&a->ops, &rq, &r, &e);
    if (rc == OPS_STOPPED) {
        ui_app_message(a, "%s", _("suggest cancelled: nothing changed"));
        return;
    }
    if (rc != OPS_OK) {
        ui_editor_refused(ed, rc, e.msg);
        return;
    }
    if (!r.nmoves) {
        ui_app_message(a, _("suggest: no move to add (%lld short places left)"),
                       (long long)r.shortage);
        ops_suggest_result_free(&r);
        return;
    }
    ui_editor_stale(ed);
    ui_app_message(a,
                   ngettext("suggest: %zu move added; Space ticks, Enter keeps the ticked ones",
                            "suggest: %zu moves added; Space ticks, Enter keeps the ticked ones",
                            r.nmoves),
                   r.nmoves);
    open_suggestions(ed, &r);
}

static struct sugg *sugg_of(struct screen *s)
{
    return s->priv;
}

static void tick_one(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct sugg *g = sugg_of(s);
    if (!g->r.nmoves)
        return;
    g->ticked[g->list.sel] = !g->ticked[g->list.sel];
    if (g->list.sel + 1 < g->r.nmoves)
        lv_move(&g->list, ACT_DOWN, 1, g->list.height);
}

static void tick_all(struct screen *s, const struct action_def *d, int count)
{
    (void)count;
    struct sugg *g = sugg_of(s);
    for (size_t i = 0; i < g->r.nmoves; i++)
        g->ticked[i] = d->data != NULL;
}

void ui_plan_suggest_register(void)
{
    const char *S[] = {"S", NULL}, *sp[] = {"Space", NULL}, *all[] = {"a", NULL},
               *none[] = {"n", NULL};
    static int yes;
    ui_action_add("plan-suggest", S, N_("suggest moves: the optimiser, any key cancels"),
                  "plan-editor", suggest, NULL);
    ui_action_add("suggestion-tick", sp, N_("tick or untick the selected suggestion"),
                  "plan-suggestions", tick_one, NULL);
    ui_action_add("suggestion-all", all, N_("tick every suggestion"), "plan-suggestions",
                  tick_all, &yes);
    ui_action_add("suggestion-none", none, N_("untick every suggestion"), "plan-suggestions",
                  tick_all, NULL);
}
