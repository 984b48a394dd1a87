/* The title line: "mutasi", the top screens' tabs (each with its key and
 * its badge), and above a top screen the title of what is open. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

/* How much of its name a tab shows. */
enum tab_form { TAB_NAME, TAB_SHORT_NAME, TAB_KEY };

/* A top screen's tab into out: the first key bound to it now (ui.yaml may
 * have moved it), its name (or short name, or none: the open tab keeps
 * its short name), and its badge, "[4 Inbox(2)]". */
static void tab_text(struct app *a, int top, enum tab_form form, char *out, size_t size)
{
    const struct top_screen *t = &ui_top_screens[top];
    bool on = a->top == top;
    char keys[96] = "";
    for (size_t i = 0; ui_action_at(i); i++)
        if (ui_top_by_action(ui_action_at(i)->id) == top)
            ui_keymap_keys_of(ui_action_at(i)->id, keys, sizeof keys);
    char *space = strchr(keys, ' ');
    if (space)
        *space = '\0';
    int badge = t->badge ? t->badge(a) : -1;
    char count[16] = "";
    if (badge > 0)
        snprintf(count, sizeof count, "(%d)", badge);
    const char *label = _(t->label);
    if (form == TAB_KEY && !on)
        label = "";
    else if (form != TAB_NAME && t->short_label)
        label = C_(t->short_label);
    snprintf(out, size, "%s%s%s%s%s%s", on ? "[" : " ", keys, keys[0] && label[0] ? " " : "",
             label, count, on ? "]" : " ");
}

static bool tab_shown(const struct app *a, int i)
{
    return a->tops[i] && (!a->depth || i == a->top);
}

/* The tabs in the form given, but for the last keys_only shown tabs, which
 * show their keys alone. Returns the number of tabs shown. */
static int tabs_in_form(struct app *a, enum tab_form form, int keys_only, char *out,
                        size_t size)
{
    char tab[160];
    int shown = 0, k = 0;
    for (int i = 0; i < TOPS_MAX; i++)
        shown += tab_shown(a, i);
    out[0] = '\0';
    for (int i = 0; i < TOPS_MAX; i++)
        if (tab_shown(a, i)) {
            tab_text(a, i, k++ >= shown - keys_only ? TAB_KEY : form, tab, sizeof tab);
            size_t used = strlen(out);
            snprintf(out + used, size - used, "%s", tab);
        }
    return shown;
}

static bool title_fits(const char *tabs)
{
    return (int)sizeof "mutasi " - 1 + ui_text_width(tabs) <= COLS;
}

/* The tabs, each with its name where they all fit in the width; else
 * with their short names (Indonesian "Kotak masuk" as "Masuk"); else
 * short names with the names dropped from the right, one tab at a time,
 * until they fit (the open tab keeps its name): a long language must not
 * wrap the title into the screen below, and loses no more names than it
 * must. */
static void tabs_text(struct app *a, char *out, size_t size)
{
    int shown = tabs_in_form(a, TAB_NAME, 0, out, size);
    for (int keys_only = 0; keys_only <= shown && !title_fits(out); keys_only++)
        tabs_in_form(a, TAB_SHORT_NAME, keys_only, out, size);
}

void ui_draw_title(struct app *a, struct screen *cur)
{
    char tabs[800];
    attrset(A_BOLD);
    mvaddstr(0, 0, "mutasi ");
    /* Above a top screen only its own tab stays, so that the title of
     * what is open fits in 80 columns; the screen keys work as before. */
    tabs_text(a, tabs, sizeof tabs);
    int room = COLS - getcurx(stdscr), width = ui_text_width(tabs);
    ui_put_field(stdscr, tabs, width < room ? width : room, a->ascii);
    if (a->depth) {
        addstr(a->ascii ? " > " : " \u203a ");
        room = COLS - getcurx(stdscr);
        ui_put_field(stdscr, _(cur->title ? cur->title : cur->ops->title), room, a->ascii);
    }
    attrset(A_NORMAL);
}
