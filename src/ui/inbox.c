/* The Inbox (top screen 4): the plans waiting for a step one of my roles
 * may take, oldest first (ops/inbox.h). The steps of workflow.yaml are
 * run-time actions of this screen (ui_inbox_register_steps), so the keys
 * a plan offers are shown under the list and rebindable in ui.yaml;
 * return, reject and strike ask for their reason on the prompt line.
 * Enter shows the plan: its moves (struck, objected) and its timeline. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/approval.h"
#include "ops/inbox.h"
#include "ops/plan.h"
#include "ui/uipriv.h"

struct inbox_priv {
    struct ops_inbox_item *items;
    size_t n;
    bool stale;                  /* read again before the next draw */
    struct listview list;
    bool ascii;
    struct app *app;
};

/* ---- step keys -------------------------------------------------------- */

/* Default keys of the default route's steps; a region's own step gets
 * its first letter in capitals when that is free, else only its name at
 * the `:` prompt. */
static const struct { const char *step, *key, *label; } step_keys[] = {
    {"submit", "S", N_("submit")},   {"verify", "V", N_("verify")},
    {"review", "R", N_("review")},   {"approve", "A", N_("approve")},
    {"return", "B", N_("return")},   {"reject", "X", N_("reject")},
    {"cancel", "C", N_("cancel")},   {"issue_sk", "K", N_("issue the SK")},
    {"apply", "E", N_("apply")},
};

/* A default step in the user's language; a region's own step by its name. */
static const char *step_label(const char *name)
{
    for (size_t i = 0; i < sizeof step_keys / sizeof *step_keys; i++)
        if (strcmp(step_keys[i].step, name) == 0)
            return _(step_keys[i].label);
    return name;
}

static const char *default_key(const struct wf_step *s, char buf[2])
{
    for (size_t i = 0; i < sizeof step_keys / sizeof *step_keys; i++)
        if (strcmp(step_keys[i].step, s->name) == 0)
            return step_keys[i].key;
    buf[0] = (char)(s->name[0] >= 'a' && s->name[0] <= 'z' ? s->name[0] - 'a' + 'A' : 0);
    buf[1] = '\0';
    if (!buf[0] || ui_keymap_lookup_on("inbox", buf[0]) != ACT_NONE)
        return NULL;
    return buf;
}

static bool step_open(const struct ops_inbox_item *it, const char *step)
{
    size_t n = strlen(step);
    for (const char *p = it->open; *p;) {
        size_t len = strcspn(p, "|");
        if (len == n && strncmp(p, step, n) == 0)
            return true;
        p += len + (p[len] == '|');
    }
    return false;
}

static size_t inbox_count(void *ctx);

static const struct ops_inbox_item *selected(struct screen *s)
{
    struct inbox_priv *p = s->priv;
    size_t row = p->list.sel;
    return row < inbox_count(p) ? &p->items[row] : NULL;
}

static void reload_rows(struct inbox_priv *p)
{
    struct ops_err e;
    free(p->items);
    p->items = NULL;
    p->n = 0;
    if (ops_inbox(&p->app->ops, &p->items, &p->n, &e) != OPS_OK)
        ui_app_message(p->app, "%s", e.msg);
    ui_list_clamp(&p->list.sel, &p->list.top, p->n, p->list.height > 0 ? p->list.height : 1);
    p->stale = false;
}

/* The SK's four answers, asked one after the other. */
static int ask_sk(struct app *a, uint32_t plan, uint32_t version, struct ops_err *e)
{
    char number[SK_NUMBER_SIZE], date[16], tmt[16], signer[32], nip[NIP_LEN + 1];
    struct ops_sk_req rq = {.plan = plan, .expect_version = version};
    if (!ui_app_ask(a, _("SK number: "), number, sizeof number) ||
        !ui_app_ask(a, _("SK date (YYYY-MM-DD): "), date, sizeof date) ||
        !ui_app_ask(a, _("TMT (YYYY-MM-DD): "), tmt, sizeof tmt) ||
        !ui_app_ask(a, _("signed by (NIP): "), signer, sizeof signer))
        return OPS_STOPPED;
    if (date_parse(date, strlen(date), &rq.date) != 0 || date_parse(tmt, strlen(tmt), &rq.tmt) != 0)
        return ops_fail(e, "%s", _("a date is written YYYY-MM-DD"));
    if (nip_parse(signer, strlen(signer), nip) != NIP_OK)
        return ops_fail(e, _("\"%s\" is not a NIP"), signer);
    rq.number = number;
    rq.signer_nip = nip;
    return ops_plan_issue_sk(&a->ops, &rq, e);
}

static int take(struct app *a, const struct wf_step *st, const struct ops_inbox_item *it,
                struct ops_err *e)
{
    char reason[WF_NOTE_SIZE] = "";
    if (st->issues_sk)
        return ask_sk(a, it->plan.id, it->plan.version, e);
    if (st->takes_effect) {
        struct ops_apply_result r;
        return ops_plan_apply(&a->ops, it->plan.id, it->plan.version, &r, e);
    }
    if (st->needs_reason && !ui_app_ask(a, _("reason: "), reason, sizeof reason))
        return OPS_STOPPED;
    struct ops_step_req rq = {.plan = it->plan.id, .step = st->name,
                              .note = reason[0] ? reason : NULL,
                              .expect_version = it->plan.version};
    return ops_plan_step(&a->ops, &rq, e);
}

static void take_step(struct screen *s, const struct action_def *d, int count)
{
    (void)count;
    const struct wf_step *st = d->data;
    const struct ops_inbox_item *it = selected(s);
    struct ops_err e;
    if (!it) {
        ui_app_message(s->app, "%s", _("no plan waits for you"));
        return;
    }
    if (!step_open(it, st->name)) {
        ui_app_message(s->app, _("plan %u: step %s is not yours to take now"),
                       (unsigned)it->plan.id, st->name);
        return;
    }
    uint32_t id = it->plan.id;
    int rc = ops_need_write(&s->app->ops, &e);
    if (rc == OPS_OK)
        rc = take(s->app, st, it, &e);
    if (rc == OPS_OK)
        ui_app_message(s->app, _("plan %u: %s, now %s"), (unsigned)id, st->name, st->to);
    else if (rc != OPS_STOPPED)
        ui_app_message(s->app, "%s", e.msg);
    reload_rows(s->priv);
}

static void strike_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d;
    (void)count;
    const struct ops_inbox_item *it = selected(s);
    char nipbuf[32], nip[NIP_LEN + 1], reason[MOVE_NOTE_SIZE];
    struct ops_err e;
    if (!it)
        return;
    if (!ui_app_ask(s->app, _("strike the move of (NIP): "), nipbuf, sizeof nipbuf) ||
        !ui_app_ask(s->app, _("reason: "), reason, sizeof reason))
        return;
    if (nip_parse(nipbuf, strlen(nipbuf), nip) != NIP_OK) {
        ui_app_message(s->app, _("\"%s\" is not a NIP"), nipbuf);
        return;
    }
    int rc = ops_need_write(&s->app->ops, &e);
    if (rc == OPS_OK)
        rc = ops_plan_strike(&s->app->ops, it->plan.id, nip, reason, it->plan.version, &e);
    if (rc == OPS_OK)
        ui_app_message(s->app, _("plan %u: the move of %s is struck"), (unsigned)it->plan.id,
                       nipbuf);
    else
        ui_app_message(s->app, "%s", e.msg);
    reload_rows(s->priv);
}

void ui_inbox_register_steps(const struct workflow_config *w)
{
    for (int i = 0; i < w->nsteps; i++) {
        const struct wf_step *st = &w->steps[i];
        char name[48], help[96], buf[2];
        const char *key = default_key(st, buf);
        const char *keys[] = {key, NULL};
        snprintf(name, sizeof name, "plan-%s", st->name);
        snprintf(help, sizeof help, _("take the step %s (to %s)"), st->name, st->to);
        ui_action_add(name, keys, help, "inbox", take_step, (void *)st);
    }
    const char *keys[] = {"x", NULL};
    ui_action_add("plan-strike", keys, N_("strike one move, with a reason"), "inbox",
                  strike_move, NULL);
}

/* ---- the list --------------------------------------------------------- */

/* Keys typed ahead (4 B) may act before the first draw: read first. */
static size_t inbox_count(void *ctx)
{
    struct inbox_priv *p = ctx;
    if (p->stale)
        reload_rows(p);
    return p->n;
}

static void since_text(int64_t when, char out[OPS_WHEN_SIZE])
{
    ops_when_label(when, OPS_WHEN_SHORT, out);
}

static void inbox_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct inbox_priv *p = ctx;
    const struct ops_inbox_item *it = &p->items[row];
    char id[16], rest[96], since[OPS_WHEN_SIZE];
    since_text(it->since, since);
    snprintf(id, sizeof id, "%4u", (unsigned)it->plan.id);
    snprintf(rest, sizeof rest, " %-10.10s %-16s %6zu  ", it->plan.state, since, it->nmoves);
    /* Only the id is reversed: few bytes per move on a thin link. */
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, id, width < 4 ? width : 4, p->ascii);
    if (on)
        wattroff(w, A_REVERSE);
    int rw = (int)strlen(rest);
    if (width > 4)
        ui_put_field(w, rest, width - 4 < rw ? width - 4 : rw, p->ascii);
    if (width > 4 + rw)
        ui_put_field(w, it->plan.name, width - 4 - rw, p->ascii);
}

static bool inbox_match(void *ctx, size_t row, const char *text)
{
    return ui_text_contains(((struct inbox_priv *)ctx)->items[row].plan.name, text);
}

static void inbox_choose(void *ctx, size_t row);

static const struct lv_source inbox_source = {
    .count = inbox_count, .draw_row = inbox_draw_row, .match = inbox_match,
    .choose = inbox_choose,
};

/* The keys of the selected plan's open steps, "V verify  B return". */
static void keys_line(const struct ops_inbox_item *it, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "%s", _("keys:"));
    bool strikes = false;
    for (size_t i = 0; ui_action_at(i) && used + 1 < size; i++) {
        const struct action_def *d = ui_action_at(i);
        if (!d->screen || strcmp(d->screen, "inbox") != 0 || !d->data ||
            !step_open(it, ((const struct wf_step *)d->data)->name))
            continue;
        char keys[32];
        keys[0] = '\0';
        ui_keymap_keys_of(d->id, keys, sizeof keys);
        const struct wf_step *st = d->data;
        strikes = strikes || st->strikes_moves;
        int k = snprintf(out + used, size - used, "  %s %s", keys[0] ? keys : ":",
                         step_label(st->name));
        if (k < 0)
            break;
        used += (size_t)k;
    }
    const struct action_def *x = ui_action_by_name("plan-strike");
    if (strikes && x && used + 1 < size) {
        char keys[32] = "";
        ui_keymap_keys_of(x->id, keys, sizeof keys);
        snprintf(out + used, size - used, "  %s %s", keys[0] ? keys : ":plan-strike",
                 _("strike"));
    }
}

static int inbox_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct inbox_priv *p = s->priv;
    p->ascii = s->app->ascii;
    if (p->stale)
        reload_rows(s->priv);
    char head[160];
    /* One column for the selection marker, as on the rows. */
    snprintf(head, sizeof head, " %4s %-10s %-16s %6s  %s", _("id"), _("state"), _("since"),
             _("moves"), _("name"));
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, head, width, p->ascii);
    wattrset(w, A_NORMAL);
    if (p->n == 0) {
        wmove(w, y0 + 1, 0);
        ui_put_field(w, _("no plan waits for you"), width, p->ascii);
        return -1;
    }
    const struct ops_inbox_item *it = selected(s);
    int rows = height - 2;
    int sel = lv_draw(&p->list, w, y0 + 1, rows, width);
    if (it) {
        char keys[256];
        keys_line(it, keys, sizeof keys);
        wmove(w, y0 + height - 1, 0);
        ui_put_field(w, keys, width, p->ascii);
    }
    return sel;
}

static void inbox_hide(struct screen *s)
{
    ((struct inbox_priv *)s->priv)->stale = true;
}

static void inbox_close(struct screen *s)
{
    struct inbox_priv *p = s->priv;
    free(p->items);
    free(p);
}

static const struct screen_ops inbox_ops = {
    .name = "inbox",
    .title = N_("Inbox"),
    .close = inbox_close,
    .draw = inbox_draw,
    .hide = inbox_hide,
};

struct screen *ui_inbox_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &inbox_ops, sizeof(struct inbox_priv));
    if (!s)
        return NULL;
    struct inbox_priv *p = s->priv;
    p->app = a;
    lv_init(&p->list, &inbox_source, p);
    s->list = &p->list;
    p->stale = true;
    return s;
}

int ui_inbox_badge(struct app *a)
{
    size_t n;
    struct ops_err e;
    if (!a->db || ops_inbox_count(&a->ops, &n, &e) != OPS_OK)
        return -1;
    return (int)n;
}

/* ---- Enter: the plan ---------------------------------------------------- */

static void card_moves(struct screen *c, const struct ops_plan_view *v)
{
    for (size_t i = 0; i < v->nmoves; i++) {
        const struct move *m = &v->moves[i].move;
        char shown[NIP_FMT_LEN + 1];
        nip_format(m->nip, shown);
        ui_text_screen_add(c, A_NORMAL, "%s %s  %s", MOVE_STRUCK(m) ? "x" :
                           MOVE_OBJECTION_OPEN(m) ? "!" : " ", shown, v->moves[i].name);
        ui_text_screen_add(c, A_NORMAL, "    %s -> %s", m->from_position, m->to_position);
        if (MOVE_STRUCK(m))
            ui_text_screen_add(c, A_NORMAL, _("    struck by %s: %s"), m->struck_by,
                               m->struck_why);
        if (m->objected_by[0])
            ui_text_screen_add(c, A_BOLD, _("    objection: %s"), m->objection);
        if (m->answered_by[0])
            ui_text_screen_add(c, A_NORMAL, _("    answered by %s: %s"), m->answered_by,
                               m->answer);
    }
}

/* The plan as the Inbox shows it: state, moves, timeline. */
struct screen *ui_plan_card_new(struct app *a, uint32_t id)
{
    struct ops_plan_view v;
    struct ops_err e;
    if (ops_plan_show(&a->ops, id, &v, &e) != OPS_OK) {
        ui_app_message(a, "%s", e.msg);
        return NULL;
    }
    char title[192];
    snprintf(title, sizeof title, _("plan %u: %s (%s)"), (unsigned)id, v.plan.name, v.plan.state);
    struct screen *c = ui_text_screen_new(a, title);
    if (c) {
        ui_text_screen_add(c, A_BOLD, "%s", _("moves:"));
        card_moves(c, &v);
        ui_text_screen_add(c, A_BOLD, "%s", _("timeline:"));
        for (size_t i = 0; i < v.ntimeline; i++) {
            char when[OPS_WHEN_SIZE];
            since_text(v.timeline[i].at, when);
            ui_text_screen_add(c, A_NORMAL, "  %s  %-10s %-10s %s", when, v.timeline[i].step,
                               v.timeline[i].user, v.timeline[i].note);
        }
    }
    ops_plan_view_free(&v);
    return c;
}

static void inbox_choose(void *ctx, size_t row)
{
    struct inbox_priv *p = ctx;
    if (row >= p->n)
        return;
    struct screen *c = ui_plan_card_new(p->app, p->items[row].plan.id);
    if (c)
        ui_app_push(p->app, c);
}
