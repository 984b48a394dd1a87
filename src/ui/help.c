/* The help screen, generated from the action table, the key map and the
 * registry of top screens, so it always shows the keys in force (ui.yaml
 * bindings included). */
#include <string.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ui/uipriv.h"

/* Help lines fit the narrowest screen (80 columns, less the selection
 * marker): a longer text goes on over the next lines, under its start. */
#define HELP_WIDTH 79

static void add_wrapped(struct screen *h, const char *lead, const char *text)
{
    int indent = ui_text_width(lead), room = HELP_WIDTH - indent;
    char line[512];
    for (bool first = true; *text; first = false) {
        size_t fit = 0;             /* bytes of the whole words that fit */
        for (size_t end = 0;;) {
            while (text[end] == ' ')
                end++;
            while (text[end] && text[end] != ' ')
                end++;
            snprintf(line, sizeof line, "%.*s", (int)end, text);
            if (ui_text_width(line) > room) {
                if (!fit)
                    fit = end;      /* one word longer than the room */
                break;
            }
            fit = end;
            if (!text[end])
                break;
        }
        if (first)
            ui_text_screen_add(h, 0, "%s%.*s", lead, (int)fit, text);
        else
            ui_text_screen_add(h, 0, "%*s%.*s", indent, "", (int)fit, text);
        text += fit;
        while (*text == ' ')
            text++;
    }
}

static void add_notes_of(struct screen *h, const struct top_screen *t)
{
    if (!ui_top_present((int)(t - ui_top_screens)) || !t->notes)
        return;
    ui_text_screen_add(h, A_BOLD, "%s", _(t->help));
    for (size_t i = 0; t->notes[i]; i++)
        add_wrapped(h, "  ", _(t->notes[i]));
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
        char lead[160];
        snprintf(lead, sizeof lead, "  %-16s %-18s ", keys[0] ? keys : "-", d->name);
        add_wrapped(h, lead, _(d->help));
    }
    ui_text_screen_add(h, 0, "%s", "");
    ui_text_screen_add(h, A_BOLD, "%s", _("Counts and commands"));
    add_wrapped(h, "  ", _("A number before a move repeats it (5j); 6G goes to row 6. A screen"));
    add_wrapped(h, "  ", _("digit waits: a move next makes it a count, another key or a pause switches."));
    add_wrapped(h, "  ", _(": opens the command line: quit, help, staff, units, search TEXT,"));
    add_wrapped(h, "  ", _("staff find TEXT, staff show NIP, check NIP POSITION, plan show ID,"));
    add_wrapped(h, "  ", _("workload, every action name above. Tab completes them, NIPs, codes, ids."));
    add_wrapped(h, "  ", _("check without a NIP lets you pick the person, then the position."));
    add_wrapped(h, "  ", _("In a prompt: Enter accepts, Esc or C-g cancels, Up/Down recall."));
    return h;
}

/* The Help top screen (key 6): the notes of every screen. */
struct screen *ui_help_top_new(struct app *a)
{
    return ui_help_screen_new(a, ui_top_by_name("help"));
}
