/* The staff's voice in the editor: o records an objection (sanggah) to
 * the selected move, A answers it; both ask the reason on the prompt
 * line and go through ops/objection.h (which decides who may). */
#include <string.h>
#include "core/i18n.h"
#include "core/plan.h"
#include "ops/objection.h"
#include "ui/plan_edit.h"

/* The selected move of a loaded editor with moves, or NULL (said). */
static struct ops_move_view *selected_move(struct screen *s, struct editor **edp)
{
    struct editor *ed = ui_editor_of(s);
    if (!ed)
        return NULL;
    if (!ed->nmoves) {
        ui_app_message(s->app, "%s", _("the plan has no moves"));
        return NULL;
    }
    *edp = ed;
    return &ed->moves[ed->list.sel];
}

/* The move as saved: its objection fields and the plan's new version. */
static void record_locally(struct editor *ed, struct ops_move_view *mv, bool answer,
                           const char *reason)
{
    struct move *m = &mv->move;
    const char *user = ed->s->app->ops.user;
    if (answer) {
        snprintf(m->answered_by, sizeof m->answered_by, "%.*s", PLAN_USER_SIZE - 1, user);
        snprintf(m->answer, sizeof m->answer, "%s", reason);
    } else {
        snprintf(m->objected_by, sizeof m->objected_by, "%.*s", PLAN_USER_SIZE - 1, user);
        snprintf(m->objection, sizeof m->objection, "%s", reason);
        m->answered_by[0] = m->answer[0] = '\0';
    }
    ed->plan.version++;
}

static void voice(struct screen *s, bool answer)
{
    struct editor *ed = NULL;
    struct ops_move_view *mv = selected_move(s, &ed);
    if (!mv)
        return;
    if (answer && !MOVE_OBJECTION_OPEN(&mv->move)) {
        ui_app_message(s->app, _("no objection waits for an answer on the move of %s"), mv->name);
        return;
    }
    char reason[MOVE_NOTE_SIZE];
    if (!ui_app_ask(s->app, answer ? _("answer to the objection: ") : _("objection (reason): "),
                    reason, sizeof reason)) {
        ui_app_message(s->app, "%s", _("nothing recorded"));
        return;
    }
    if (!ui_plan_may_write(s->app))
        return;
    struct ops_err e;
    int rc = answer ? ops_plan_answer(&s->app->ops, ed->id, mv->move.nip, reason,
                                      ed->plan.version, &e)
                    : ops_plan_object(&s->app->ops, ed->id, mv->move.nip, reason,
                                      ed->plan.version, &e);
    if (rc != OPS_OK) {
        ui_editor_refused(ed, rc, e.msg);
        return;
    }
    record_locally(ed, mv, answer, reason);
    ui_app_message(s->app, answer ? _("objection answered: %s") : _("objection recorded: %s"),
                   mv->name);
}

static void object_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    voice(s, false);
}

static void answer_move(struct screen *s, const struct action_def *d, int count)
{
    (void)d, (void)count;
    voice(s, true);
}

void ui_plan_objection_register(void)
{
    const char *o[] = {"o", NULL}, *ans[] = {"A", NULL};
    ui_action_add("plan-object", o, N_("record a staff objection to the selected move"),
                  "plan-editor", object_move, NULL);
    ui_action_add("plan-answer", ans, N_("answer the objection to the selected move"),
                  "plan-editor", answer_move, NULL);
}
