/* The action table and the key map built from it (defaults, then ui.yaml). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "core/i18n.h"
#include "config/config.h"
#include "ui/ui.h"
#include "ui/uipriv.h"

const struct action_def ui_actions[] = {
    {ACT_DOWN, "down", {"j", "Down", "C-n"}, N_("move down one row"), true},
    {ACT_UP, "up", {"k", "Up", "C-p"}, N_("move up one row"), true},
    /* DESIGN "Screens and keys": PgDn and PgUp move half a page, as
     * Ctrl-d and Ctrl-u do; Space pages as PgDn does (one paging unit on
     * every screen; a screen may give Space its own meaning). The rows
     * that stay on screen are scrolled, not sent again. Ctrl-f and Ctrl-b
     * keep vi's whole page. */
    {ACT_HALF_DOWN, "half-page-down", {"C-d", "PgDn", "Space"}, N_("move down half a page"), true},
    {ACT_HALF_UP, "half-page-up", {"C-u", "PgUp"}, N_("move up half a page"), true},
    {ACT_PAGE_DOWN, "page-down", {"C-f"}, N_("move down a whole page"), true},
    {ACT_PAGE_UP, "page-up", {"C-b"}, N_("move up a whole page"), true},
    {ACT_TOP, "first", {"g", "Home"}, N_("go to the first row (5g: to row 5)"), true},
    {ACT_BOTTOM, "last", {"G", "End"}, N_("go to the last row (5G: to row 5)"), true},
    {ACT_OPEN, "open", {"Enter", "Right", "l"}, N_("open the selected row"), false},
    {ACT_BACK, "back", {"q"}, N_("back; quit from the first screen"), false},
    {ACT_CLOSE, "close", {"Esc", "Left", "h"}, N_("back to the screen before (never quits)"), false},
    {ACT_QUIT, "quit", {"Q"}, N_("quit mutasi"), false},
    {ACT_SEARCH, "search", {"/"}, N_("search as you type"), false},
    {ACT_SEARCH_NEXT, "search-next", {"n"}, N_("next match"), true},
    {ACT_SEARCH_PREV, "search-previous", {"N"}, N_("previous match"), true},
    {ACT_FILTER, "filter", {"f"}, N_("filter the list"), false},
    {ACT_SORT, "sort", {"s"}, N_("change the sort order"), false},
    {ACT_EXPAND, "expand", {"+", "="}, N_("expand the selected unit"), false},
    {ACT_COLLAPSE, "collapse", {"-"}, N_("collapse the selected unit"), false},
    {ACT_VIEW, "view", {"v"}, N_("group by unit, district or job family"), false},
    {ACT_PROMPT, "command", {":"}, N_("command prompt (Tab completes)"), false},
    {ACT_HELP, "help", {"?", "F1"}, N_("help for this screen"), false},
    {ACT_REDRAW, "redraw", {"C-l"}, N_("redraw the whole screen"), false},
    {ACT_NONE, NULL, {NULL}, NULL, false},
};
#define BUILTIN_COUNT (sizeof ui_actions / sizeof *ui_actions - 1)

/* Run-time actions: their strings live here. */
#define RUNTIME_MAX 64
struct runtime_action {
    struct action_def def;
    char name[48];
    char help[128];
    char screen[24];
    char keys[ACTION_KEYS_MAX][16];
};
static struct runtime_action runtime[RUNTIME_MAX];
static size_t nruntime;

const struct action_def *ui_action_at(size_t i)
{
    if (i < BUILTIN_COUNT)
        return &ui_actions[i];
    i -= BUILTIN_COUNT;
    return i < nruntime ? &runtime[i].def : NULL;
}

const struct action_def *ui_action_by_name(const char *name)
{
    const struct action_def *d;
    for (size_t i = 0; (d = ui_action_at(i)); i++)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

const struct action_def *ui_action_by_id(int id)
{
    if (id >= ACT_COUNT_)
        return (size_t)(id - ACT_COUNT_) < nruntime ? &runtime[id - ACT_COUNT_].def : NULL;
    for (const struct action_def *d = ui_actions; d->name; d++)
        if (d->id == id)
            return d;
    return NULL;
}

static const struct { const char *name; int key; } named_keys[] = {
    {"Enter", '\n'}, {"Esc", 27}, {"Tab", '\t'}, {"BS", KEY_BACKSPACE},
    {"Space", ' '}, {"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT},
    {"Right", KEY_RIGHT}, {"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE},
    {"Home", KEY_HOME}, {"End", KEY_END}, {"Del", KEY_DC},
    {"lt", '<'}, {"BTab", KEY_BTAB},
};

/* Decodes one UTF-8 character of exactly len bytes; -1 if it is not. */
static int utf8_one(const unsigned char *s, size_t len)
{
    if (len == 1)
        return s[0] < 0x80 ? s[0] : -1;
    int need = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if ((size_t)need != len)
        return -1;
    int cp = s[0] & (0x3f >> (need - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    return cp;
}

int ui_key_parse(const char *name, size_t len)
{
    if (len == 0)
        return -1;
    int one = utf8_one((const unsigned char *)name, len);
    if (one >= 0)
        return one;
    if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
        char c = name[2];
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 1;
        if (c >= 'A' && c <= 'Z')
            return c - 'A' + 1;
        return -1;
    }
    for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
        if (strlen(named_keys[i].name) == len &&
            strncasecmp(named_keys[i].name, name, len) == 0)
            return named_keys[i].key;
    if ((name[0] == 'F' || name[0] == 'f') && len <= 3) {
        int n = 0;
        for (size_t i = 1; i < len; i++) {
            if (name[i] < '0' || name[i] > '9')
                return -1;
            n = n * 10 + name[i] - '0';
        }
        if (n >= 1 && n <= 12)
            return KEY_F(n);
    }
    return -1;
}

void ui_key_name(int key, char *out, size_t outlen)
{
    if (key == '\r' || key == KEY_ENTER)
        key = '\n';
    if (key == 127 || key == 8)
        key = KEY_BACKSPACE;
    for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
        if (named_keys[i].key == key && key != '<') {
            snprintf(out, outlen, "%s", named_keys[i].name);
            return;
        }
    if (key >= 1 && key <= 26) {
        snprintf(out, outlen, "C-%c", 'a' + key - 1);
        return;
    }
    if (key >= KEY_F(1) && key <= KEY_F(12)) {
        snprintf(out, outlen, "F%d", key - KEY_F(0));
        return;
    }
    if (key > 32 && key < 127) {
        snprintf(out, outlen, "%c", key);
        return;
    }
    snprintf(out, outlen, "#%d", key);
}

/* Keys above KEY_MAX are wide characters; the map holds those that are
 * ASCII or curses key codes, which is every key the table binds. The
 * global map is an array; a screen's own keys are a short list. */
static int keymap[KEYMAP_SIZE];
static bool rebound[ACT_COUNT_ + RUNTIME_MAX];
#define SCOPED_MAX 128
struct scoped_key {
    int key, action;
};
static struct scoped_key scoped[SCOPED_MAX];
static size_t nscoped;

static void map_key(const struct action_def *d, int key)
{
    if (key < 0 || key >= KEYMAP_SIZE)
        return;
    if (!d->screen) {
        keymap[key] = d->id;
        return;
    }
    for (size_t i = 0; i < nscoped; i++)
        if (scoped[i].key == key && !strcmp(ui_action_by_id(scoped[i].action)->screen, d->screen)) {
            scoped[i].action = d->id;
            return;
        }
    if (nscoped < SCOPED_MAX)
        scoped[nscoped++] = (struct scoped_key){key, d->id};
}

static void unmap_action(int action)
{
    for (int i = 0; i < KEYMAP_SIZE; i++)
        if (keymap[i] == action)
            keymap[i] = ACT_NONE;
    size_t kept = 0;
    for (size_t i = 0; i < nscoped; i++)
        if (scoped[i].action != action)
            scoped[kept++] = scoped[i];
    nscoped = kept;
}

static void map_default_keys(const struct action_def *d)
{
    for (int i = 0; i < ACTION_KEYS_MAX && d->keys[i]; i++)
        map_key(d, ui_key_parse(d->keys[i], strlen(d->keys[i])));
}

void ui_keymap_defaults(void)
{
    memset(keymap, 0, sizeof keymap);
    memset(rebound, 0, sizeof rebound);
    nscoped = 0;
    nruntime = 0;
    for (const struct action_def *d = ui_actions; d->name; d++)
        map_default_keys(d);
    /* Terminals send Enter and Backspace in more than one way. */
    keymap['\r'] = ACT_OPEN;
    keymap[KEY_ENTER] = ACT_OPEN;
}

int ui_action_add(const char *name, const char *const *keys, const char *help,
                  const char *screen, ui_action_fn run, void *data)
{
    if (nruntime == RUNTIME_MAX || ui_action_by_name(name))
        return -1;
    struct runtime_action *r = &runtime[nruntime];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    snprintf(r->help, sizeof r->help, "%s", help);
    r->def.id = ACT_COUNT_ + (int)nruntime;
    r->def.name = r->name;
    r->def.help = r->help;
    if (screen) {
        snprintf(r->screen, sizeof r->screen, "%s", screen);
        r->def.screen = r->screen;
    }
    for (int i = 0; keys && keys[i] && i < ACTION_KEYS_MAX; i++) {
        snprintf(r->keys[i], sizeof r->keys[i], "%s", keys[i]);
        r->def.keys[i] = r->keys[i];
    }
    r->def.run = run;
    r->def.data = data;
    nruntime++;
    map_default_keys(&r->def);
    return r->def.id;
}

int ui_keymap_bind(const char *action, const char *key, char *err, size_t errlen)
{
    const struct action_def *d = ui_action_by_name(action);
    if (!d) {
        snprintf(err, errlen, _("ui.yaml: unknown action \"%s\" in key bindings"), action);
        return -1;
    }
    int k = ui_key_parse(key, strlen(key));
    if (k < 0 || k >= KEYMAP_SIZE) {
        snprintf(err, errlen, _("ui.yaml: unknown key \"%s\" for %s"), key, action);
        return -1;
    }
    if (!rebound[d->id]) {
        unmap_action(d->id);
        rebound[d->id] = true;
    }
    map_key(d, k);
    return 0;
}

int ui_keymap_lookup(int key)
{
    if (key >= 0 && key < KEYMAP_SIZE)
        return keymap[key];
    return ACT_NONE;
}

int ui_keymap_lookup_on(const char *screen, int key)
{
    for (size_t i = 0; screen && i < nscoped; i++)
        if (scoped[i].key == key && !strcmp(ui_action_by_id(scoped[i].action)->screen, screen))
            return scoped[i].action;
    return ui_keymap_lookup(key);
}

/* Is key bound to action (in the action's own scope)? */
static bool bound_to(int key, int action)
{
    if (key >= 0 && key < KEYMAP_SIZE && keymap[key] == action)
        return true;
    for (size_t i = 0; i < nscoped; i++)
        if (scoped[i].key == key && scoped[i].action == action)
            return true;
    return false;
}

void ui_keymap_keys_of(int action, char *out, size_t outlen)
{
    size_t used = 0;
    out[0] = '\0';
    /* Default order first, so the help reads "j, Down" and not by code. */
    const struct action_def *d = ui_action_by_id(action);
    int shown[16];
    int nshown = 0;
    for (int i = 0; d && i < ACTION_KEYS_MAX && d->keys[i]; i++) {
        int k = ui_key_parse(d->keys[i], strlen(d->keys[i]));
        if (bound_to(k, action) && nshown < 16)
            shown[nshown++] = k;
    }
    for (int k = 0; k < KEYMAP_SIZE && nshown < 16; k++) {
        if (!bound_to(k, action) || k == '\r' || k == KEY_ENTER)
            continue;
        bool seen = false;
        for (int i = 0; i < nshown; i++)
            seen |= shown[i] == k;
        if (!seen)
            shown[nshown++] = k;
    }
    for (int i = 0; i < nshown && used + 8 < outlen; i++) {
        char name[16];
        ui_key_name(shown[i], name, sizeof name);
        used += (size_t)snprintf(out + used, outlen - used, "%s%s", i ? " " : "", name);
    }
}

/* Every action's name, for config_ui_known_actions (NULL-ended). */
static const char *action_names[BUILTIN_COUNT + RUNTIME_MAX + 1];

void ui_register_actions(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    ui_keymap_defaults();
    ui_top_screens_register();
    ui_text_actions_register();
    size_t n = 0;
    const struct action_def *d;
    for (size_t i = 0; (d = ui_action_at(i)) && n + 1 < sizeof action_names / sizeof *action_names; i++)
        action_names[n++] = d->name;
    action_names[n] = NULL;
    config_ui_known_actions(action_names);
}
