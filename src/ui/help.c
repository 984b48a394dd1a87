/* The help screen, generated from the action table and the key map, so it
 * always shows the keys in force (ui.yaml bindings included). */
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

static void add_screen_notes(struct screen *h, int for_screen)
{
    if (for_screen == 0 || for_screen == 2) {
        text_screen_add(h, A_BOLD, "%s", _("Staff screen"));
        text_screen_add(h, 0, "  %s", _("Every civil servant in name order; Enter shows the detail."));
        text_screen_add(h, 0, "  %s", _("/ finds a name or NIP from the selected row on."));
        text_screen_add(h, 0, "  %s", _("f filters: unit:CODE rank:III/a family:kesehatan rotation (years in post over policy)"));
        text_screen_add(h, 0, "  %s", _("s switches between name order A-Z and Z-A."));
        text_screen_add(h, 0, "%s", "");
    }
    if (for_screen == 1 || for_screen == 2) {
        text_screen_add(h, A_BOLD, "%s", _("Units screen"));
        text_screen_add(h, 0, "  %s", _("The unit tree: + and - open and close a unit, Enter lists its positions and people."));
        text_screen_add(h, 0, "  %s", _("Marks: ! short of staff, ^ over-staffed, = balanced."));
        text_screen_add(h, 0, "  %s", _("f filters: short, over, or text in the name; v groups by district or job family."));
        text_screen_add(h, 0, "%s", "");
    }
}

struct screen *help_screen_new(struct app *a, int for_screen)
{
    struct screen *h = text_screen_new(a, _("Help: keys (rebind them in ui.yaml)"));
    if (!h)
        return NULL;
    add_screen_notes(h, for_screen);
    text_screen_add(h, A_BOLD, "%s", _("Keys"));
    for (const struct action_def *d = ui_actions; d->name; d++) {
        char keys[96];
        keymap_keys_of(d->id, keys, sizeof keys);
        text_screen_add(h, 0, "  %-16s %-18s %s", keys[0] ? keys : "-", d->name, _(d->help));
    }
    text_screen_add(h, 0, "%s", "");
    text_screen_add(h, A_BOLD, "%s", _("Counts and commands"));
    text_screen_add(h, 0, "  %s", _("A number before a move repeats it: 5j. Start with 0 when the"));
    text_screen_add(h, 0, "  %s", _("number begins with a screen key: 012j moves 12 rows."));
    text_screen_add(h, 0, "  %s", _(": opens the command line: quit, help, staff, units, search TEXT,"));
    text_screen_add(h, 0, "  %s", _("staff find TEXT, staff show NIP, and every action name above."));
    text_screen_add(h, 0, "  %s", _("In a prompt: Enter accepts, Esc or C-g cancels, Up/Down recall."));
    return h;
}
