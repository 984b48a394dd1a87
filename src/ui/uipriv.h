/* Inside the TUI: the terminal, the action table, the application and the
 * screens. Only ui/ includes curses. */
#ifndef MUTASI_UI_UIPRIV_H
#define MUTASI_UI_UIPRIV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <curses.h>
#include "ops/ops.h"
#include "core/policy.h"
#include "ui/listview.h"

/* ---- actions (actions.c) ------------------------------------------------
 * The one table of actions: name (as in ui.yaml and the `:` prompt),
 * default keys, help text. Key dispatch, the help screen, key bindings and
 * the prompt all read it. The built-in actions are ui_actions[]; more are
 * made at run time with ui_action_add (the top screens' keys from the
 * registry, next the workflow steps of workflow.yaml), each global or
 * belonging to one screen:
 *
 *     static void take_step(struct screen *s, const struct action_def *d, int count)
 *     {   ... d->data is the step ... }
 *     const char *keys[] = {"S", NULL};
 *     int id = ui_action_add("submit", keys, _("submit the plan"), "plans",
 *                            take_step, step);
 *
 * A screen's own key wins over a global one on that screen only. */
enum ui_action {
    ACT_NONE,
    ACT_QUIT, ACT_BACK, ACT_DOWN, ACT_UP, ACT_TOP, ACT_BOTTOM, ACT_HALF_DOWN, ACT_HALF_UP,
    ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_OPEN, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
    ACT_FILTER, ACT_SORT, ACT_PROMPT, ACT_HELP, ACT_REDRAW, ACT_EXPAND, ACT_COLLAPSE,
    ACT_VIEW, ACT_CLOSE,
    ACT_COUNT_                              /* run-time actions follow */
};

#define ACTION_KEYS_MAX 4
struct screen;
struct action_def;
typedef void (*ui_action_fn)(struct screen *s, const struct action_def *d, int count);
struct action_def {
    int id;                                 /* enum ui_action, or run-time */
    const char *name;                       /* "move-down" */
    const char *keys[ACTION_KEYS_MAX];      /* default keys, key notation */
    const char *help;                       /* N_() */
    bool takes_count;
    const char *screen;                     /* NULL: global; else screen_ops.name */
    ui_action_fn run;                       /* run-time actions: what it does */
    void *data;                             /* for run */
};
extern const struct action_def ui_actions[];   /* built in; ends with id ACT_NONE */
const struct action_def *ui_action_by_name(const char *name);
const struct action_def *ui_action_by_id(int id);
/* Every action, built-in then run-time: i = 0, 1, ... until NULL. */
const struct action_def *ui_action_at(size_t i);
/* Adds an action (name and help are copied; keys end with NULL; screen
 * NULL for a global one). Returns its id, or -1 when the name is taken or
 * the table is full. Its keys are bound at once. ui.yaml's bindings are
 * applied once, in ui_setup_session: add actions before that (as ui_run
 * does for the top screens) so that ui.yaml can rebind them. */
int ui_action_add(const char *name, const char *const *keys, const char *help,
                  const char *screen, ui_action_fn run, void *data);

/* Key notation shared by ui.yaml, the help screen and scripts: a single
 * character ("j", "?"), "C-d" (control), and names: Enter Esc Tab BS Space
 * Up Down Left Right PgUp PgDn Home End Del F1..F12. Returns the curses
 * key code (a wide character or KEY_*), or -1. */
int ui_key_parse(const char *name, size_t len);
/* Writes the notation of a key code ("C-d", "Down", "j"). */
void ui_key_name(int key, char *out, size_t outlen);

/* The key map: key code -> action. */
#define KEYMAP_SIZE (KEY_MAX + 1)
void ui_keymap_defaults(void);
/* A binding from ui.yaml; the first binding of an action replaces its
 * default keys. Returns 0, or -1 when the action or key is unknown
 * (message in err). */
int ui_keymap_bind(const char *action, const char *key, char *err, size_t errlen);
int ui_keymap_lookup(int key);
/* The action of a key on a screen (its name): its own first, then global. */
int ui_keymap_lookup_on(const char *screen, int key);
/* The keys of an action as "j, Down" for the help screen. */
void ui_keymap_keys_of(int action, char *out, size_t outlen);

/* ---- terminal (term.c) -------------------------------------------------
 * The real terminal, or a virtual one for scripted runs whose output goes
 * to a file (its size is the byte count per key). */
struct script_step {
    enum { STEP_KEY, STEP_DUMP, STEP_RESIZE } kind;
    int key;                                /* STEP_KEY */
    int lines, cols;                        /* STEP_RESIZE */
    char label[24];                         /* notation, for the byte log */
    bool ahead;                             /* <Interrupt>: typed during long work */
};

struct term {
    SCREEN *scr;
    FILE *out, *in;
    bool scripted;
    bool utf8;                              /* the locale is UTF-8 */
    bool color;                             /* colours allowed and present */
    /* scripted mode */
    struct script_step *steps;
    size_t nsteps, next;
    FILE *dump;
    FILE *bytes_log;
    long long out_mark;                     /* output size at the last mark */
    int ndumps;
    int sigpipe[2];
};

/* Parses a script of keys: characters stand for themselves; <Enter> <Esc>
 * <Tab> <BS> <Space> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>
 * <C-x> <lt> (a literal '<') <Dump> <Resize 60x15> <Interrupt> (Esc typed
 * while the program works: ui_term_key_pending sees it); newlines are ignored
 * and a line starting with '#' is a comment. Returns 0, or -1 with a
 * message in err. */
int ui_script_parse(const char *text, struct script_step **steps, size_t *n,
                 char *err, size_t errlen);

int ui_term_open_real(struct term *t, char *err, size_t errlen);
int ui_term_open_scripted(struct term *t, int lines, int cols, FILE *out,
                       char *err, size_t errlen);
void ui_term_close(struct term *t);
/* Next key: blocking (waits for input or a signal) or not. Returns a key
 * code, ERR when none is pending (non-blocking) or the script has ended,
 * or -2 when the program must leave (SIGHUP/SIGTERM). Script steps <Dump>
 * and <Resize> are carried out here: a resize returns KEY_RESIZE. */
int ui_term_getkey(struct term *t, bool block);
/* The next key if one comes within ms milliseconds, else ERR; -2 when
 * the program must leave. A script's keys come at once; a <Dump>, a
 * <Resize> or the script's end counts as the pause. */
int ui_term_getkey_within(struct term *t, int ms);
/* True when a key is waiting (in scripted runs: the next step is an
 * <Interrupt>): long work stops. */
bool ui_term_key_pending(struct term *t);
/* Discards the keys typed during long work (the one that stopped it). */
void ui_term_drain(struct term *t);
/* Flushes the frame: one doupdate. */
void ui_term_flush(struct term *t);
/* Scripted: appends the screen (text and attributes) to the dump file. */
void ui_term_dump(struct term *t);
/* Scripted: the bytes written since the last call, logged with a label. */
void ui_term_log_bytes(struct term *t, const char *label);
bool ui_term_should_quit(void);

/* ---- drawing helpers (draw.c) ----------------------------------------- */
/* Writes UTF-8 text at the cursor in exactly width cells (cut with a mark
 * when too long, padded with spaces). In a non-UTF-8 locale characters
 * outside ASCII become '?'. */
void ui_put_field(WINDOW *w, const char *utf8, int width, bool ascii);
/* The bytes of utf8 that ui_put_field shows in width cells before its cut
 * mark (all of it when it fits). */
size_t ui_field_shown(const char *utf8, int width);
/* The prompt line at the cursor, cols cells: label, then the typed text
 * (NULL: a question, shown whole as far as it fits). The typed text has
 * at least half the line: a longer label is cut (its ": " kept), and text
 * longer than its room shows its end after a cut mark. Returns the column
 * of the cursor, after the text. */
int ui_put_prompt(WINDOW *w, const char *label, const char *text, int cols, bool ascii);
/* Lines of text ('\n' between them) ending on line bottom, each cols
 * cells (cut or padded), at most max of them: when there are more, the
 * first max-1 and a line that says how many more. */
void ui_put_lines_above(WINDOW *w, const char *text, int bottom, int max, int cols, bool ascii);
/* How many bytes of p go on a line of room cells: up to the last space
 * within them, or all that fit when p ends there or has no space. */
int ui_wrap_cut(const char *p, int room);
/* text on up to `lines` lines from (y, 0), each at most width cells, cut
 * at spaces; what does not fit is cut with a mark on the last line. */
void ui_put_lines(WINDOW *w, int y, const char *text, int lines, int width, bool ascii);
/* Display width of UTF-8 text. */
int ui_text_width(const char *utf8);
/* A load bar of width cells: filled part of value/full, '#' and '.' in
 * ASCII, block characters in UTF-8. */
void ui_put_bar(WINDOW *w, double ratio, int width, bool ascii);
/* Case-insensitive substring test for ASCII letters (names and NIPs). */
bool ui_text_contains(const char *hay, const char *needle);

/* ---- the application (app.c) ------------------------------------------ */
struct screen;
struct app;

/* Where a screen stands, to come back after a cancelled search. */
struct saved_pos {
    size_t sel, top, index;
    char key[192];
};

struct screen_ops {
    const char *name;                       /* "staff" */
    const char *title;                      /* N_() */
    int (*open)(struct screen *s);          /* 0 or -1 (message set) */
    void (*close)(struct screen *s);
    /* Rows in the list and the 1-based position of the selected row;
     * total 0 = unknown. */
    void (*position)(struct screen *s, size_t *pos, size_t *total);
    /* Draws the column header at row y0 and the rows on lines y0+1 ..
     * y0+height; returns the screen line of the selected row (-1 none). */
    int (*draw)(struct screen *s, WINDOW *w, int y0, int height, int width);
    /* Returns 1 when it handled the action. height = rows on screen. */
    int (*action)(struct screen *s, int action, int count, int height);
    /* Moves to the next (dir 1) or previous (dir -1) match of text,
     * starting at the selected row (include_current) or beside it. Returns
     * 1 found, 0 not found (selection unchanged). */
    int (*search)(struct screen *s, const char *text, int dir, bool include_current);
    /* Optional: called when the search prompt opens, before the first
     * key, to read what searching needs (the Staff screen's corpus). */
    void (*search_prepare)(struct screen *s);
    /* Optional: another top screen is shown instead; memory that is
     * cheap to read again may be given back (memory budget: one big
     * screen at a time). */
    void (*hide)(struct screen *s);
    /* Filter prompt answer ("" clears); returns 0 or -1 (message set). */
    int (*filter)(struct screen *s, const char *text);
    const char *filter_hint;                /* N_(), shown in the prompt */
    void (*get_pos)(struct screen *s, struct saved_pos *p);
    void (*set_pos)(struct screen *s, const struct saved_pos *p);
    /* Optional: q, Esc and Q ask it before leaving; false keeps the
     * screen (it may ask with ui_app_confirm first). Only for something
     * unsaved: a screen whose edits save at once has none. */
    bool (*may_leave)(struct screen *s);
    /* Optional: what the selected row cuts off (its full text, or the
     * rest of it), shown on the message line while there is no message;
     * "" when the row shows everything. */
    void (*detail)(struct screen *s, char *out, size_t size);
    /* Optional: the database was changed since the last key, by this
     * session or another (an operator, an import run from a shell): what
     * the screen keeps is read again before it is drawn next. */
    void (*data_changed)(struct screen *s);
};

/* What a picker hands back: the key (a NIP, a position code) and a label
 * (the name). */
struct pick_result {
    char key[64];
    char label[192];
};
typedef void (*ui_pick_fn)(struct app *a, const struct pick_result *r, void *data);

struct screen {
    const struct screen_ops *ops;
    struct app *app;
    void *priv;
    /* The generic list of a list screen (NULL for none): the application
     * moves, searches, counts and opens through it, unless the screen's
     * ops do it themselves. */
    struct listview *list;
    const char *title;                      /* N_(), instead of ops->title */
    /* Set when the screen was opened as a picker: Enter hands the row to
     * on_pick instead of opening it. */
    ui_pick_fn on_pick;
    void *pick_data;
    /* The filter in force as it was typed ("" none), which the status
     * line shows; the application keeps it when ops->filter accepts. */
    char filter_text[128];
};

/* A screen's Enter on a row: when the screen is a picker, the result goes
 * back to its caller (after the picker is closed) and this returns true;
 * otherwise false and the screen opens the row as usual. */
bool ui_screen_pick(struct screen *s, const char *key, const char *label);
/* The screen's position, search, saved place: its ops, else its list
 * (screen.c). */
void ui_screen_position(struct screen *s, size_t *pos, size_t *total);
bool ui_screen_can_search(struct screen *s);
int ui_screen_search(struct screen *s, const char *text, int dir, bool include_current);
void ui_screen_get_pos(struct screen *s, struct saved_pos *p);
void ui_screen_set_pos(struct screen *s, const struct saved_pos *p);
/* Movement and Enter through the screen's list; 1 when handled. */
int ui_screen_list_action(struct screen *s, int action, int count, int height);
/* Opens a screen as a picker on top of the present one. */
void ui_app_push_picker(struct app *a, struct screen *s, ui_pick_fn done, void *data);

#define HIST_MAX 32
struct history_ring {
    char *items[HIST_MAX];
    int n;
};
void ui_history_add(struct history_ring *h, const char *s);
void ui_history_free(struct history_ring *h);

/* ---- the top screens (registry.c) ---------------------------------------
 * Keys 1..7 choose the top screens; DESIGN lists Staff, Units, Plans,
 * Inbox, Audit, Help, Follow-up. A slot without a create function is
 * absent: no key, no tab, no command. Adding a top screen is one entry
 * here plus its own file:
 *
 *     {5, "audit", N_("Audit"), N_("Audit screen"), ui_audit_screen_new,
 *      audit_notes},
 *
 * gives key 5 (action "screen-audit", rebindable in ui.yaml), the tab,
 * the `:audit` command and its lines in `?`. */
#define TOPS_MAX 7
struct top_screen {
    int slot;                               /* 1..7: tab order, default key */
    const char *name;                       /* "staff" */
    const char *label;                      /* N_(), the tab */
    const char *help;                       /* N_(), the action's help */
    struct screen *(*create)(struct app *a);
    const char *const *notes;               /* N_() lines for `?`, NULL-ended */
    bool all_notes;                         /* the Help screen: every screen's */
    /* Optional: a count shown on the tab, worked out when the title is
     * drawn (the Inbox: plans waiting for me); -1 for none. */
    int (*badge)(struct app *a);
    /* Optional: NC_("tab", ...), the tab's name where the full names do
     * not all fit (80 columns in Indonesian); NULL: the label. */
    const char *short_label;
};
extern const struct top_screen ui_top_screens[TOPS_MAX];
/* Makes the actions screen-NAME for the present top screens. */
void ui_top_screens_register(void);
/* After the session is open: which top screens the user's roles allow
 * (ops/access.h). A screen not allowed has no tab, no key, no command, no
 * notes in `?`. */
void ui_top_screens_allow(const struct ops *o);
/* Whether slot i has a screen and the user may open it. */
bool ui_top_present(int i);
/* The slot (0-based) of a present top screen by name or by its action; -1. */
int ui_top_by_name(const char *name);
int ui_top_by_action(int action);
/* The title line (row 0): the tabs, cut to the width, never wrapped
 * (ui/title.c). */
void ui_draw_title(struct app *a, struct screen *cur);

#define STACK_MAX 8
struct app {
    const struct ops_env *env;
    struct ops ops;                         /* the session: configuration, user, database */
    struct term term;
    void *db;                               /* store *, NULL when none */
    const char *user;
    char roles[64];
    struct screen *tops[TOPS_MAX];          /* by slot; NULL where absent */
    int top;
    struct screen *stack[STACK_MAX];        /* opened above the top screen */
    int depth;
    char msg[256];
    char search[128];
    int search_dir;
    struct history_ring search_hist, prompt_hist;
    bool quit;
    bool ascii;                             /* no UTF-8: ASCII marks */
    bool color;
    bool full_redraw;
    bool draw_again;                        /* draw once more before reading a key */
    struct policy policy;
    bool want_color;                        /* ui.yaml color: */
    /* A pick made during the present action, handed over after it. */
    struct screen *picked_by;
    struct pick_result picked;
    uint64_t seen_stamp;                    /* store_stamp when the last key was read */
};

struct screen *ui_app_current(struct app *a);
void ui_app_push(struct app *a, struct screen *s);
/* Shows top screen `top` (0-based slot), closing what was opened above. */
void ui_app_switch_top(struct app *a, int top);
void ui_app_message(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Leaves the program, once every open screen agrees (may_leave). */
void ui_app_quit(struct app *a);
/* Reads a line on the message line (Enter: 1, Esc: 0). */
int ui_app_prompt(struct app *a, const char *label, char *buf, size_t size);
/* Draws the frame now with the message line (progress during long work). */
void ui_app_draw_now(struct app *a);
/* Asks a yes/no question on the message line; true for yes. */
bool ui_app_confirm(struct app *a, const char *question);
/* The line editor under `/`, `f`, `:` and ui_app_prompt: Enter accepts
 * (1), Esc, C-g and C-c cancel (0); Up/Down walk hist (may be NULL), Tab
 * calls complete, on_change runs after every edit (both may be NULL). */
typedef void (*ui_prompt_change_fn)(struct app *a, const char *text);
typedef void (*ui_prompt_complete_fn)(struct app *a, char *buf, size_t size);
int ui_app_read_line(struct app *a, const char *label, char *buf, size_t size,
                     struct history_ring *hist, ui_prompt_change_fn on_change,
                     ui_prompt_complete_fn complete);
/* Shows text (lines, '\n' between) above the open prompt, where Tab's
 * choices can be read; cleared by the next edit and when the prompt ends. */
void ui_app_choices(struct app *a, const char *text);
/* Carries out an action on the present screen, count times where it counts. */
void ui_app_run_action(struct app *a, int action, int count);

/* ---- the `:` prompt (cmdline.c) ----------------------------------------
 * Reads a command line (Tab completes) and runs it with ui_app_command. */
void ui_cmdline_prompt(struct app *a);
/* Runs the `:` command line text. */
void ui_app_command(struct app *a, const char *line);

/* Closes a picker that has picked and hands its result to the caller
 * (the application calls it after each action). */
void ui_app_finish_pick(struct app *a);

/* Prints "mutasi: <message>" to stderr (before or after the terminal is
 * in use). */
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The main loop (app.c). */
void ui_app_run_loop(struct app *a);
/* Before each draw (screen.c): when the database changed since the last
 * key, every open screen's data_changed is called. */
void ui_app_notice_changes(struct app *a);
/* Session (session.c): configuration, language, key bindings, user and
 * roles, the database. Returns 0, or -1 after printing why. */
int ui_setup_session(struct app *a);
void ui_end_session(struct app *a);
void ui_set_language(const char *lang);

/* ---- screens ---------------------------------------------------------- */
/* for_top: the 0-based slot whose notes come first, -1 for none. */
struct screen *ui_help_screen_new(struct app *a, int for_top);
struct screen *ui_help_top_new(struct app *a);
/* Pickers (pickers.c): a person, by incremental search over name and NIP
 * (the Staff list, all of it, paged); a position, by search over name and
 * code. Enter closes the picker and hands the NIP or the position code and
 * the name to done; Esc closes it without calling done. data must live as
 * long as the picker (the screen that opened it lies below it):
 *
 *     static void position_picked(struct app *a, const struct pick_result *r, void *data)
 *     {   struct editor *e = data; ... add the move e->nip -> r->key ... }
 *     static void person_picked(struct app *a, const struct pick_result *r, void *data)
 *     {   struct editor *e = data;
 *         snprintf(e->nip, sizeof e->nip, "%s", r->key);
 *         ui_pick_position(a, position_picked, e); }
 *     ui_pick_person(s->app, person_picked, e);          // from an action of `a`
 *
 * Any screen can be a picker: its Enter calls ui_screen_pick(s, key,
 * label), and ui_app_push_picker opens it. */
void ui_pick_person(struct app *a, ui_pick_fn done, void *data);
void ui_pick_position(struct app *a, ui_pick_fn done, void *data);
/* `:check` without a NIP: pick a person, then a position, then show
 * every rule's verdict for that move (own_request: --own-request). */
void ui_check_pick(struct app *a, bool own_request);
struct screen *ui_staff_screen_new(struct app *a);
struct screen *ui_units_screen_new(struct app *a);
/* The detail of one person (fields, history, competencies, verdicts). */
struct screen *ui_staff_detail_new(struct app *a, const char *nip);
/* Every rule's verdict for moving one person to a position (:check), at
 * the person's own request or not. */
struct screen *ui_check_screen_new(struct app *a, const char *nip, const char *target_code,
                                   bool own_request);
/* A new screen of app a with these ops and its private part (priv_size
 * bytes, zeroed) in s->priv; NULL when out of memory. */
struct screen *ui_screen_alloc(struct app *a, const struct screen_ops *ops, size_t priv_size);
void ui_screen_free(struct screen *s);
/* The Inbox (inbox.c): top screen 4; its step keys are made from the
 * route (workflow.yaml) once, before ui.yaml's bindings; its tab counts
 * the plans waiting. A plan's card: moves (marks: x struck, ! objection
 * waiting) and timeline. */
struct workflow_config;
struct screen *ui_inbox_screen_new(struct app *a);
void ui_inbox_register_steps(const struct workflow_config *w);
int ui_inbox_badge(struct app *a);
struct screen *ui_plan_card_new(struct app *a, uint32_t id);
/* The Audit (audit_screen.c) and Follow-up (followup.c) top screens. */
struct screen *ui_audit_screen_new(struct app *a);
struct screen *ui_followup_screen_new(struct app *a);
/* The follow-up of one plan that took effect (screen 7's Enter, the Plans
 * screen's F); a refusal on the message line. */
void ui_followup_open(struct app *a, uint32_t plan);
/* Asks on the prompt line; false when given up (Esc) or empty. */
bool ui_app_ask(struct app *a, const char *label, char *buf, size_t size);

/* A screen of text lines (detail views): lines are copied. A line may
 * stand for a person or a position (ui_text_screen_link, after adding
 * it): Enter opens the person, or lists who holds the position. A screen
 * about one person (ui_text_screen_about) checks a move of theirs with c
 * (action check-move: the target is picked by search), as does c on a
 * person's line. */
enum ui_link { UI_LINK_NONE, UI_LINK_PERSON, UI_LINK_POSITION };
struct screen *ui_text_screen_new(struct app *a, const char *title);
void ui_text_screen_add(struct screen *s, int attr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_text_screen_link(struct screen *s, enum ui_link link, const char *key);
void ui_text_screen_about(struct screen *s, const char *nip);
size_t ui_text_screen_lines(struct screen *s);
/* Adds check-move (list.c), before ui.yaml's bindings are applied. */
void ui_text_actions_register(void);
/* Who holds a position, each line a person (detail.c). */
struct screen *ui_position_holders_new(struct app *a, const char *code);
/* Picks a position by search, then shows every rule's verdict for moving
 * the person nip there (pickers.c). */
void ui_check_pick_target(struct app *a, const char *nip);
#endif
