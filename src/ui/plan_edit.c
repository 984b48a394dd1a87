/* The plan editor: load a plan, add (a) and drop (d) moves, check the plan
 * (c), with the impact pane kept up to date incrementally. Drawing is in
 * plan_pane.c. */
#include <stdlib.h>
#include <string.h>
#include "core/grow.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/access.h"
#include "ui/plan_edit.h"

static void unload(struct editor *ed)
{
    free(ed->moves);
    free(ed->rows);
    impact_free(ed->im);
    workload_free(ed->w);
    ed->moves = NULL;
    ed->rows = NULL;
    ed->im = NULL;
    ed->w = NULL;
    ed->nmoves = ed->capmoves = ed->nrows = 0;
    ed->loaded = false;
}

/* An operator opens the editor to change the plan: the session becomes
 * able to write now, before the workload is read, while reopening the
 * database costs little (afterwards it unmaps every page the workload
 * touched: some milliseconds at a million staff, on the first add or
 * drop). A refusal waits for the first change, which says why. */
static void ready_to_write(struct app *a)
{
    struct ops_err e;
    if (ops_may_action(&a->ops, "move-add") && ops_need_write(&a->ops, &e) == OPS_OK)
        a->db = a->ops.db;
}

/* The plan, its moves, the workload and the impact: once when opened and
 * after a version conflict. */
static int load(struct editor *ed)
{
    struct app *a = ed->s->app;
    struct ops_plan_view v;
    struct ops_err e;
    unload(ed);
    ready_to_write(a);
    if (ops_plan_moves(&a->ops, ed->id, &v, &e) != OPS_OK ||
        ops_plan_impact(&a->ops, ed->id, &ed->w, &ed->im, &e) != OPS_OK) {
        ui_plan_message(a, e.msg);
        ed->failed = true;
        return -1;
    }
    ed->plan = v.plan;
    ed->moves = v.moves;
    ed->nmoves = ed->capmoves = v.nmoves;
    v.moves = NULL;
    ops_plan_view_free(&v);
    ed->loaded = true;
    ed->failed = false;
    ui_editor_impact_rows(ed);
    if (ed->list.sel >= ed->nmoves)
        ed->list.sel = ed->nmoves ? ed->nmoves - 1 : 0;
    return 0;
}

void ui_editor_stale(struct editor *ed)
{
    ed->loaded = false;
    ed->announced = false;
}

/* Adds text to a text screen in lines of at most width cells, cut at
 * spaces, the lines after the first indented. */
static void add_wrapped(struct screen *t, int attr, const char *text, int width)
{
    const char *p = text;
    for (bool first = true; *p; first = false) {
        int cut = ui_wrap_cut(p, first ? width : width - 4);
        ui_text_screen_add(t, attr, "%s%.*s", first ? "" : "    ", cut, p);
        p += cut;
        while (*p == ' ')
            p++;
    }
}

/* A refusal on the message line; a version conflict also reloads, so that
 * the editor shows what the other operator saved. */
void ui_editor_refused(struct editor *ed, int rc, const char *msg)
{
    struct app *a = ed->s->app;
    if (rc == OPS_CONFLICT)
        load(ed);
    ui_plan_message(a, msg);
    if (!strchr(msg, '\n') || ui_text_width(a->msg) < COLS)
        return;
    /* Every reason of a refusal that does not fit the message line. */
    struct screen *t = ui_text_screen_new(a, _("Refused"));
    for (const char *p = msg; t && *p;) {
        size_t len = strcspn(p, "\n");
        char line[OPS_MSG_SIZE];
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        add_wrapped(t, p == msg ? A_BOLD : 0, line, COLS - 2);
        p += len + (p[len] == '\n');
    }
    if (t)
        t->title = N_("Refused");
    ui_app_push(a, t);
}

bool ui_plan_may_write(struct app *a)
{
    struct ops_err e;
    if (ops_need_write(&a->ops, &e) != OPS_OK) {
        ui_plan_message(a, e.msg);
        return false;
    }
    a->db = a->ops.db;
    return true;
}

/* ---- add ------------------------------------------------------------------ */
static int append_move(struct editor *ed, const struct move *m, const char *name)
{
    if (GROW_ROOM(ed->moves, ed->capmoves, ed->nmoves + 1, 16) != 0)
        return -1;
    /* NIP order, as the plan shows them. */
    size_t at = 0;
    while (at < ed->nmoves && strcmp(ed->moves[at].move.nip, m->nip) < 0)
        at++;
    memmove(ed->moves + at + 1, ed->moves + at, (ed->nmoves - at) * sizeof *ed->moves);
    ed->moves[at].move = *m;
    snprintf(ed->moves[at].name, sizeof ed->moves[at].name, "%s", name);
    ed->nmoves++;
    ed->list.sel = at;
    return 0;
}

static void target_picked(struct app *a, const struct pick_result *r, void *data)
{
    struct editor *ed = data;
    if (!ui_plan_may_write(ed->s->app))
        return;
    struct ops_move_req rq = {
        .plan = ed->id,
        .nip = ed->pick_nip,
        .position = r->key,
        .reason = REASON_WORKLOAD,
        .expect_version = ed->plan.version,
    };
    struct move added;
    struct ops_err e;
    int rc = ops_plan_add(&a->ops, &rq, &added, NULL, NULL, &e);
    if (rc != OPS_OK) {
        ui_editor_refused(ed, rc, e.msg);
        return;
    }
    ed->plan.version++;
    if (append_move(ed, &added, ed->pick_name) != 0 ||
        impact_add_codes(ed->im, added.from_position, added.to_position) != 0) {
        load(ed);      /* saved, but not shown: read it all again */
        return;
    }
    ui_editor_impact_rows(ed);
    if (added.summary == MOVE_ALLOWED)
        ui_app_message(a, _("added: %s to %s"), ed->pick_name, added.to_position);
    else
        ui_app_message(a, _("added with warnings: %s to %s: %s"), ed->pick_name,
                       added.to_position, added.why);
}

static void person_picked(struct app *a, const struct pick_result *r, void *data)
{
    struct editor *ed = data;
    snprintf(ed->pick_nip, sizeof ed->pick_nip, "%.*s", NIP_LEN, r->key);
    snprintf(ed->pick_name, sizeof ed->pick_name, "%.*s", NAME_SIZE - 1, r->label);
    ui_pick_target(a, ed->pick_nip, ed->w, target_picked, ed);
}

struct editor *ui_editor_of(struct screen *s)
{
    struct editor *ed = s->priv;
    if (!ed->loaded) {
        ui_app_message(s->app, "%s", _("the plan is not loaded"));
        return NULL;
    }
    return ed;
}

static void add_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct editor *ed = ui_editor_of(s);
    if (ed)
        ui_pick_person(s->app, person_picked, ed);
}

/* ---- drop ----------------------------------------------------------------- */
static void drop_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct editor *ed = ui_editor_of(s);
    if (!ed)
        return;
    if (!ed->nmoves) {
        ui_app_message(s->app, "%s", _("the plan has no moves to drop"));
        return;
    }
    struct ops_move_view mv = ed->moves[ed->list.sel];
    char q[300];
    snprintf(q, sizeof q, _("Drop the move of %s to %s?"), mv.name, mv.move.to_position);
    if (!ui_app_confirm(s->app, q)) {
        ui_app_message(s->app, "%s", _("nothing dropped"));
        return;
    }
    if (!ui_plan_may_write(ed->s->app))
        return;
    struct ops_err e;
    int rc = ops_plan_drop(&s->app->ops, ed->id, mv.move.nip, ed->plan.version, &e);
    if (rc != OPS_OK) {
        ui_editor_refused(ed, rc, e.msg);
        return;
    }
    ed->plan.version++;
    size_t i = ed->list.sel;
    memmove(ed->moves + i, ed->moves + i + 1, (ed->nmoves - i - 1) * sizeof *ed->moves);
    ed->nmoves--;
    if (ed->list.sel >= ed->nmoves && ed->list.sel)
        ed->list.sel--;
    if (impact_remove_codes(ed->im, mv.move.from_position, mv.move.to_position) != 0)
        load(ed);
    else
        ui_editor_impact_rows(ed);
    ui_app_message(s->app, _("dropped: %s"), mv.name);
}

/* ---- check ---------------------------------------------------------------- */
static const char *name_of(const struct editor *ed, const char *nip)
{
    for (size_t i = 0; i < ed->nmoves; i++)
        if (!strcmp(ed->moves[i].move.nip, nip))
            return ed->moves[i].name;
    return "";
}

/* The moves whose objection waits for an answer: they block the
 * approval (not the submit), as `plan check` lists them. */
static size_t open_objections(const struct editor *ed)
{
    size_t n = 0;
    for (size_t i = 0; i < ed->nmoves; i++)
        n += !MOVE_STRUCK(&ed->moves[i].move) && MOVE_OBJECTION_OPEN(&ed->moves[i].move);
    return n;
}

static void add_objection_lines(const struct editor *ed, struct screen *t)
{
    for (size_t i = 0; t && i < ed->nmoves; i++) {
        const struct move *m = &ed->moves[i].move;
        if (MOVE_STRUCK(m) || !MOVE_OBJECTION_OPEN(m))
            continue;
        char shown[NIP_FMT_LEN + 1];
        nip_format(m->nip, shown);
        ui_text_screen_add(t, A_BOLD, "%s  %s", shown, ed->moves[i].name);
        ui_text_screen_add(t, 0, _("  ? objection, blocks the approval until answered: %s"),
                           m->objection);
    }
}

static void check_plan(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct editor *ed = ui_editor_of(s);
    if (!ed)
        return;
    struct ops_breach *b;
    size_t n, nobj = open_objections(ed);
    struct ops_err e;
    if (ops_plan_check(&s->app->ops, ed->id, &b, &n, &e) != OPS_OK) {
        ui_plan_message(s->app, e.msg);
        return;
    }
    if (n == 0 && nobj == 0) {
        ui_app_message(s->app, ngettext("check: nothing blocks plan %u (%zu move)",
                                        "check: nothing blocks plan %u (%zu moves)", ed->nmoves),
                       (unsigned)ed->id, ed->nmoves);
        free(b);
        return;
    }
    char title[160];
    snprintf(title, sizeof title,
             ngettext("Plan %u: %zu blocking verdict", "Plan %u: %zu blocking verdicts", n),
             (unsigned)ed->id, n);
    struct screen *t = ui_text_screen_new(s->app, title);
    for (size_t i = 0; t && i < n; i++) {
        char shown[NIP_FMT_LEN + 1];
        nip_format(b[i].nip, shown);
        ui_text_screen_add(t, A_BOLD, "%s  %s", shown, name_of(ed, b[i].nip));
        ui_text_screen_add(t, 0, "  ! %s: %s",
                           b[i].rule >= 0 ? rule_label(b[i].rule) : _("record changed"),
                           b[i].reason);
    }
    free(b);
    add_objection_lines(ed, t);
    if (t)
        t->title = N_("Plan check");
    ui_app_push(s->app, t);
    /* Two counts, each with its own plural: two phrases. */
    char verdicts[96], objections[96] = "";
    snprintf(verdicts, sizeof verdicts,
             ngettext("%zu blocking verdict", "%zu blocking verdicts", n), n);
    if (nobj)
        snprintf(objections, sizeof objections,
                 ngettext(", %zu objection waiting", ", %zu objections waiting", nobj), nobj);
    ui_app_message(s->app, _("check: %s%s"), verdicts, objections);
}

/* Tab: j, k and / act on the moves or on the impact pane. */
static void switch_pane(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    struct editor *ed = s->priv;
    ed->impact_focus = !ed->impact_focus;
    s->list = ed->impact_focus ? &ed->ilist : &ed->list;
}

/* ---- the screen ------------------------------------------------------------ */
static int editor_draw(struct screen *s, WINDOW *w, int y0, int height, int width)
{
    struct editor *ed = s->priv;
    if (!ed->loaded && !ed->failed) {
        if (!ed->announced) {
            /* The workload of a large region takes a moment: say so on
             * this frame, read on the next. */
            ed->announced = true;
            s->app->draw_again = true;
            mvwaddstr(w, y0 + 1, 2, _("Reading the plan and the workload figures..."));
            return -1;
        }
        load(ed);
    }
    if (!ed->loaded) {
        mvwaddstr(w, y0 + 1, 2, _("The plan could not be read."));
        return -1;
    }
    return ui_editor_draw(s, w, y0, height, width);
}

static void editor_close(struct screen *s)
{
    struct editor *ed = s->priv;
    unload(ed);
    free(ed);
}

static const struct screen_ops editor_ops = {
    .name = "plan-editor",
    .title = N_("Plan editor"),
    .close = editor_close,
    .draw = editor_draw,
};

struct screen *ui_plan_editor_new(struct app *a, uint32_t plan)
{
    struct screen *s = ui_screen_alloc(a, &editor_ops, sizeof(struct editor));
    if (!s)
        return NULL;
    struct editor *ed = s->priv;
    ed->s = s;
    ed->id = plan;
    lv_init(&ed->list, &ui_moves_source, ed);
    lv_init(&ed->ilist, &ui_impact_source, ed);
    s->list = &ed->list;
    return s;
}

void ui_plan_editor_register(void)
{
    static const struct {
        const char *name, *key, *help;
        ui_action_fn run;
    } acts[] = {
        {"move-add", "a", N_("add a move: pick a person, then a position"), add_move},
        {"move-drop", "d", N_("drop the selected move (asks first)"), drop_move},
        {"plan-check", "c", N_("check the plan: every blocking verdict"), check_plan},
        {"pane-switch", "Tab", N_("move between the moves and the impact pane"), switch_pane},
    };
    for (size_t i = 0; i < sizeof acts / sizeof *acts; i++) {
        const char *keys[] = {acts[i].key, NULL};
        ui_action_add(acts[i].name, keys, acts[i].help, "plan-editor", acts[i].run, NULL);
    }
    ui_target_picker_register();
    ui_plan_suggest_register();
    ui_plan_objection_register();
}
