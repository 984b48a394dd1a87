/* The registry of top screens: keys 1..7, the title tabs, the `:` commands
 * and the notes of `?` all come from this table (contract in uipriv.h). */
#include <stdint.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ui/plan_edit.h"
#include "ui/uipriv.h"

static const char *const staff_notes[] = {
    N_("Every civil servant in name order; Enter shows the detail."),
    N_("/ finds a name or NIP from the selected row on."),
    N_("f filters (terms combine): unit:CODE (and below) rank:III/a family:kesehatan"),
    N_("  district:NAME status:PNS eligible rotation, or part of a name."),
    N_("  Also unitkerja: gol: rumpun: kecamatan: layak rotasi. Case is ignored."),
    N_("s switches between name order A-Z and Z-A."),
    NULL,
};

static const char *const units_notes[] = {
    N_("The unit tree: + and - open and close a unit, Enter lists its positions and people."),
    N_("Marks: ! short of staff, ^ over-staffed, = balanced."),
    N_("/ finds a unit by name or code, also inside closed branches (it opens them)."),
    N_("f filters: short/kurang, over/lebih, balanced/seimbang, or part of a name;"),
    N_("  terms combine. v groups by district or job family."),
    N_("Enter on a district or job family lists the positions summed in it."),
    N_("s sorts by gap (most short first), then by EJ (highest first), then back."),
    NULL,
};

static const char *const plans_notes[] = {
    N_("Every plan and its state; Enter opens the editor, n makes a plan."),
    N_("A plan that took effect: Enter or F its follow-up, e its editor."),
    N_("Editor: a adds a move (a person, then a position; t: all positions),"),
    N_("d drops a move, c checks the plan, Tab goes to the impact pane."),
    N_("S suggests moves (any key cancels): Space ticks, Enter keeps the ticked."),
    N_("o records an objection to a move, A answers it (? waiting, * answered)."),
    N_("Marks: ! blocked, ~ warnings; impact figures read before->after."),
    NULL,
};

static const char *const inbox_notes[] = {
    N_("The plans waiting for a step one of your roles may take, oldest first."),
    N_("The keys of the selected plan's steps are shown under the list; return, reject"),
    N_("and strike (x) ask for the reason. Enter shows the plan's moves and timeline."),
    NULL,
};

static const char *const audit_notes[] = {
    N_("The audit log, newest first, read a page at a time."),
    N_("f filters: user:NAME plan:ID nip:NIP action:TEXT (any of them together)."),
    N_("v verifies the whole chain: how many entries, intact or the first broken one."),
    NULL,
};

static const char *const followup_notes[] = {
    N_("The plans that took effect; Enter shows the people moved, the training the new"),
    N_("position asks of them, their SKP before and after the TMT (! fell: mentoring)"),
    N_("and the EJ of the units touched, before the plan and now."),
    NULL,
};

const struct top_screen ui_top_screens[TOPS_MAX] = {
    {1, "staff", N_("Staff"), N_("Staff screen"), ui_staff_screen_new, staff_notes, false},
    {2, "units", N_("Units"), N_("Units screen"), ui_units_screen_new, units_notes, false},
    {3, "plans", N_("Plans"), N_("Plans screen"), ui_plans_screen_new, plans_notes, false},
    {4, "inbox", N_("Inbox"), N_("Inbox screen"), ui_inbox_screen_new, inbox_notes, false,
     ui_inbox_badge, NC_("tab", "Inbox")},
    {5, "audit", N_("Audit"), N_("Audit screen"), ui_audit_screen_new, audit_notes, false},
    {6, "help", N_("Help"), N_("Help screen"), ui_help_top_new, NULL, true},
    {7, "followup", N_("Follow-up"), N_("Follow-up screen"), ui_followup_screen_new,
     followup_notes, false},
};

static int screen_actions[TOPS_MAX];
static bool allowed[TOPS_MAX];

void ui_top_screens_allow(const struct ops *o)
{
    for (int i = 0; i < TOPS_MAX; i++)
        allowed[i] = ops_may_screen(o, ui_top_screens[i].name);
}

bool ui_top_present(int i)
{
    return i >= 0 && i < TOPS_MAX && ui_top_screens[i].create && allowed[i];
}

static void go_to_top(struct screen *s, const struct action_def *d, int count)
{
    (void)count;
    ui_app_switch_top(s->app, (int)(intptr_t)d->data);
}

void ui_top_screens_register(void)
{
    /* The screens' own keys first: ui.yaml may rebind them. */
    ui_plan_actions_register();
    for (int i = 0; i < TOPS_MAX; i++) {
        const struct top_screen *t = &ui_top_screens[i];
        screen_actions[i] = -1;
        allowed[i] = true;      /* until the session says (ui_top_screens_allow) */
        if (!t->create)
            continue;
        char name[48], key[2] = {(char)('0' + t->slot), '\0'};
        const char *keys[] = {key, NULL};
        snprintf(name, sizeof name, "screen-%s", t->name);
        screen_actions[i] = ui_action_add(name, keys, t->help, NULL, go_to_top,
                                          (void *)(intptr_t)i);
    }
}

int ui_top_by_name(const char *name)
{
    for (int i = 0; i < TOPS_MAX; i++)
        if (ui_top_present(i) && !strcmp(ui_top_screens[i].name, name))
            return i;
    return -1;
}

int ui_top_by_action(int action)
{
    for (int i = 0; i < TOPS_MAX; i++)
        if (ui_top_present(i) && screen_actions[i] == action && action >= 0)
            return i;
    return -1;
}
