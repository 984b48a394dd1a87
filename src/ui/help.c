/* The help screen, generated from the action table, the key map and the
 * registry of top screens, so it always shows the keys in force (ui.yaml
 * bindings included). */
#include <string.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ui/uipriv.h"

static void add_notes_of(struct screen *h, const struct top_screen *t)
{
    if (!ui_top_present((int)(t - ui_top_screens)) || !t->notes)
        return;
    ui_text_screen_add(h, A_BOLD, "%s", _(t->help));
    for (size_t i = 0; t->notes[i]; i++)
        ui_text_screen_add(h, 0, "  %s", _(t->notes[i]));
    ui_text_screen_add(h, 0, "%s", "");
}

static void add_screen_notes(struct screen *h, int for_top)
{
    if (for_top < 0 || for_top >= TOPS_MAX)
        return;
    if (!ui_top_screens[for_top].all_notes) {
        add_notes_of(h, &ui_top_screens[for_top]);
        return;
    }
    for (int i = 0; i < TOPS_MAX; i++)
        add_notes_of(h, &ui_top_screens[i]);
}

struct screen *ui_help_screen_new(struct app *a, int for_top)
{
    struct screen *h = ui_text_screen_new(a, _("Help: keys (rebind them in ui.yaml)"));
    if (!h)
        return NULL;
    h->title = N_("Help");          /* in the title line, not "Detail" */
    add_screen_notes(h, for_top);
    ui_text_screen_add(h, A_BOLD, "%s", _("Keys"));
    const struct action_def *d;
    for (size_t i = 0; (d = ui_action_at(i)); i++) {
        if (!ops_may_action(&a->ops, d->name))
            continue;           /* only the keys the user's roles allow */
        char keys[96];
        ui_keymap_keys_of(d->id, keys, sizeof keys);
        ui_text_screen_add(h, 0, "  %-16s %-18s %s", keys[0] ? keys : "-", d->name, _(d->help));
    }
    ui_text_screen_add(h, 0, "%s", "");
    ui_text_screen_add(h, A_BOLD, "%s", _("Counts and commands"));
    ui_text_screen_add(h, 0, "  %s", _("A number before a move repeats it: 5j. Start with 0 when the"));
    ui_text_screen_add(h, 0, "  %s", _("number begins with a screen key: 012j moves 12 rows."));
    ui_text_screen_add(h, 0, "  %s", _(": opens the command line: quit, help, staff, units, search TEXT,"));
    ui_text_screen_add(h, 0, "  %s", _("staff find TEXT, staff show NIP, check NIP POSITION, workload,"));
    ui_text_screen_add(h, 0, "  %s", _("and every action name above."));
    ui_text_screen_add(h, 0, "  %s", _("check without a NIP lets you pick the person, then the position."));
    ui_text_screen_add(h, 0, "  %s", _("In a prompt: Enter accepts, Esc or C-g cancels, Up/Down recall."));
    return h;
}

/* The Help top screen (key 6): the notes of every screen. */
struct screen *ui_help_top_new(struct app *a)
{
    return ui_help_screen_new(a, ui_top_by_name("help"));
}
