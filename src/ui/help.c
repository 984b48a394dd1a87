/* The help screen, generated from the action table and the key map, so it
 * always shows the keys in force (ui.yaml bindings included). */
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

static void add_screen_notes(struct screen *h, int for_screen)
{
    if (for_screen == 0 || for_screen == 2) {
        ui_text_screen_add(h, A_BOLD, "%s", _("Staff screen"));
        ui_text_screen_add(h, 0, "  %s", _("Every civil servant in name order; Enter shows the detail."));
        ui_text_screen_add(h, 0, "  %s", _("/ finds a name or NIP from the selected row on."));
        ui_text_screen_add(h, 0, "  %s", _("f filters: unit:CODE rank:III/a family:kesehatan rotation (years in post over policy)"));
        ui_text_screen_add(h, 0, "  %s", _("s switches between name order A-Z and Z-A."));
        ui_text_screen_add(h, 0, "%s", "");
    }
    if (for_screen == 1 || for_screen == 2) {
        ui_text_screen_add(h, A_BOLD, "%s", _("Units screen"));
        ui_text_screen_add(h, 0, "  %s", _("The unit tree: + and - open and close a unit, Enter lists its positions and people."));
        ui_text_screen_add(h, 0, "  %s", _("Marks: ! short of staff, ^ over-staffed, = balanced."));
        ui_text_screen_add(h, 0, "  %s", _("f filters: short, over, or text in the name; v groups by district or job family."));
        ui_text_screen_add(h, 0, "%s", "");
    }
}

struct screen *ui_help_screen_new(struct app *a, int for_screen)
{
    struct screen *h = ui_text_screen_new(a, _("Help: keys (rebind them in ui.yaml)"));
    if (!h)
        return NULL;
    add_screen_notes(h, for_screen);
    ui_text_screen_add(h, A_BOLD, "%s", _("Keys"));
    for (const struct action_def *d = ui_actions; d->name; d++) {
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
    ui_text_screen_add(h, 0, "  %s", _("In a prompt: Enter accepts, Esc or C-g cancels, Up/Down recall."));
    return h;
}
