/* The Follow-up screen (top screen 7): the plans that took effect; Enter
 * shows one (ops/followup.h): every moved person with the training the
 * new position asks of them and their SKP before and after the TMT (a
 * fall is marked for a mentoring note), then the EJ of the units the
 * moves touched, before the plan and now. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/followup.h"
#include "ops/plan.h"
#include "ui/uipriv.h"

struct followup_priv {
    struct ops_plan_item *plans;   /* the plans that took effect */
    size_t n;
    bool stale;
    struct listview list;
    bool ascii;
    struct app *app;
};

static void reload(struct followup_priv *p)
{
    struct ops_plan_item *all;
    size_t n, k = 0;
    struct ops_err e;
    free(p->plans);
    p->plans = NULL;
    p->n = 0;
    p->stale = false;
    if (ops_plan_list(&p->app->ops, &all, &n, &e) != OPS_OK) {
        ui_app_message(p->app, "%s", e.msg);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (all[i].plan.applied_at)
            all[k++] = all[i];
    p->plans = all;
    p->n = k;
    ui_list_clamp(&p->list.sel, &p->list.top, p->n, p->list.height > 0 ? p->list.height : 1);
}

/* Keys typed ahead (7 Enter) may act before the first draw: read first. */
static size_t fu_count(void *ctx)
{
    struct followup_priv *p = ctx;
    if (p->stale)
        reload(p);
    return p->n;
}

static void fu_draw_row(void *ctx, WINDOW *w, size_t row, int width, bool on)
{
    struct followup_priv *p = ctx;
    const struct plan *pl = &p->plans[row].plan;
    char id[16], tmt[DATE_LABEL_SIZE], line[320];
    date_label_short(pl->sk.tmt, tmt);
    snprintf(id, sizeof id, "%4u", (unsigned)pl->id);
    snprintf(line, sizeof line, " %-10s %6zu  %-24.24s %s", tmt, p->plans[row].nmoves,
             pl->sk.number, pl->name);
    /* Only the id is reversed: few bytes per move on a thin link. */
    if (on)
        wattron(w, A_REVERSE);
    ui_put_field(w, id, width < 4 ? width : 4, p->ascii);
    if (on)
        wattroff(w, A_REVERSE);
    if (width > 4)
        ui_put_field(w, line, width - 4, p->ascii);
}

static bool fu_match(void *ctx, size_t row, const char *text)
{
    return ui_text_contains(((struct followup_priv *)ctx)->plans[row].plan.name, text);
}

static void fu_choose(void *ctx, size_t row);

static const struct lv_source fu_source = {
    .count = fu_count, .draw_row = fu_draw_row, .match = fu_match, .choose = fu_choose,
};

static int fu_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct followup_priv *p = s->priv;
    p->ascii = s->app->ascii;
    if (p->stale)
        reload(p);
    char head[160];
    /* One column for the selection marker, as on the rows. */
    snprintf(head, sizeof head, " %4s %-10s %6s  %-24s %s", _("id"), "TMT", _("moves"), "SK",
             _("name"));
    wattrset(w, A_BOLD);
    wmove(w, y0, 0);
    ui_put_field(w, head, width, p->ascii);
    wattrset(w, A_NORMAL);
    if (p->n == 0) {
        wmove(w, y0 + 1, 0);
        ui_put_field(w, _("no plan has taken effect yet"), width, p->ascii);
        return -1;
    }
    return lv_draw(&p->list, w, y0 + 1, height, width);
}

static void fu_hide(struct screen *s)
{
    ((struct followup_priv *)s->priv)->stale = true;
}

static void fu_close(struct screen *s)
{
    struct followup_priv *p = s->priv;
    free(p->plans);
    free(p);
}

static const struct screen_ops fu_ops = {
    .name = "followup",
    .title = N_("Follow-up"),
    .close = fu_close,
    .draw = fu_draw,
    .hide = fu_hide,
};

struct screen *ui_followup_screen_new(struct app *a)
{
    struct screen *s = ui_screen_alloc(a, &fu_ops, sizeof(struct followup_priv));
    if (!s)
        return NULL;
    struct followup_priv *p = s->priv;
    p->app = a;
    p->stale = true;
    lv_init(&p->list, &fu_source, p);
    s->list = &p->list;
    return s;
}

/* ---- one plan ------------------------------------------------------------ */

static void person_lines(struct screen *c, const struct ops_followup_row *r)
{
    char shown[NIP_FMT_LEN + 1], training[COMP_MAX * (COMP_CODE_SIZE + 4)];
    nip_format(r->nip, shown);
    ops_followup_training(r, training, sizeof training);
    /* Short lines: the selection is reversed as far as the text goes. */
    ui_text_screen_add(c, r->fell ? A_BOLD : A_NORMAL, "%s %s", r->fell ? "!" : " ", shown);
    ui_text_screen_add(c, A_NORMAL, "    %s", r->name);
    ui_text_screen_add(c, A_NORMAL, "    %s -> %s", r->from_position, r->to_position);
    ui_text_screen_add(c, A_NORMAL, _("    training: %s"), training[0] ? training : "-");
    ui_text_screen_add(c, A_NORMAL, _("    SKP %s -> %s%s"),
                       r->skp_before ? skp_label(r->skp_before) : "-",
                       r->skp_after ? skp_label(r->skp_after) : "-",
                       r->fell ? _("  (fell: a mentoring note)") : "");
}

static void unit_lines(struct screen *c, const struct ops_followup *f, const struct policy *pol)
{
    ui_text_screen_add(c, A_BOLD, "%s", _("units: EJ before -> now"));
    for (size_t i = 0; i < f->nunits; i++) {
        const struct ops_followup_unit *u = &f->units[i];
        char eb[24], ea[24];
        wl_format_ej(&u->before, pol, eb);
        wl_format_ej(&u->after, pol, ea);
        ui_text_screen_add(c, A_NORMAL, "  %*s%-24s %5s %s -> %5s %s", u->depth * 2, "", u->code,
                           eb[0] ? eb : "-", wl_grade_name(wl_grade(&u->before, pol)),
                           ea[0] ? ea : "-", wl_grade_name(wl_grade(&u->after, pol)));
    }
}

void ui_followup_open(struct app *a, uint32_t plan)
{
    struct ops_followup f;
    struct ops_err e;
    if (ops_followup(&a->ops, plan, &f, &e) != OPS_OK) {
        ui_app_message(a, "%s", e.msg);
        return;
    }
    char title[192];
    snprintf(title, sizeof title, _("follow-up of plan %u: %s"), (unsigned)f.plan.id, f.plan.name);
    struct screen *c = ui_text_screen_new(a, title);
    if (c) {
        for (size_t i = 0; i < f.n; i++)
            person_lines(c, &f.rows[i]);
        unit_lines(c, &f, &a->policy);
        ui_app_push(a, c);
    }
    ops_followup_free(&f);
}

static void fu_choose(void *ctx, size_t row)
{
    struct followup_priv *p = ctx;
    if (row < fu_count(p))
        ui_followup_open(p->app, p->plans[row].plan.id);
}
