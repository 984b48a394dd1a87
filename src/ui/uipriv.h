/* Inside the TUI: the terminal, the action table, the application and the
 * screens. Only ui/ includes curses. */
#ifndef MUTASI_UI_UIPRIV_H
#define MUTASI_UI_UIPRIV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <curses.h>
#include "ops/ops.h"
#include "core/policy.h"

/* ---- actions (actions.c) ------------------------------------------------
 * The one table of actions: name (as in ui.yaml and the `:` prompt),
 * default keys, help text. Key dispatch, the help screen, key bindings and
 * the prompt all read it. */
enum ui_action {
    ACT_NONE,
    ACT_QUIT, ACT_BACK, ACT_DOWN, ACT_UP, ACT_TOP, ACT_BOTTOM, ACT_HALF_DOWN, ACT_HALF_UP,
    ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_OPEN, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SEARCH_PREV,
    ACT_FILTER, ACT_SORT, ACT_PROMPT, ACT_HELP, ACT_REDRAW, ACT_EXPAND, ACT_COLLAPSE,
    ACT_VIEW, ACT_SCREEN_STAFF, ACT_SCREEN_UNITS, ACT_SCREEN_HELP,
    ACT_COUNT_
};

#define ACTION_KEYS_MAX 4
struct action_def {
    int id;                                 /* enum ui_action */
    const char *name;                       /* "move-down" */
    const char *keys[ACTION_KEYS_MAX];      /* default keys, key notation */
    const char *help;                       /* N_() */
    bool takes_count;
};
extern const struct action_def ui_actions[];   /* ends with id ACT_NONE */
const struct action_def *ui_action_by_name(const char *name);
const struct action_def *ui_action_by_id(int id);

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
 * <C-x> <lt> (a literal '<') <Dump> <Resize 60x15>; newlines are ignored
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
/* True when a key is waiting (never in scripted runs): long work stops. */
bool ui_term_key_pending(struct term *t);
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
};

struct screen {
    const struct screen_ops *ops;
    struct app *app;
    void *priv;
};

#define HIST_MAX 32
struct history_ring {
    char *items[HIST_MAX];
    int n;
};
void ui_history_add(struct history_ring *h, const char *s);
void ui_history_free(struct history_ring *h);

#define STACK_MAX 8
struct app {
    const struct ops_env *env;
    struct ops ops;                         /* the session: configuration, user, database */
    struct term term;
    void *db;                               /* store *, NULL when none */
    const char *user;
    char roles[64];
    struct screen *tops[3];                 /* staff, units, help */
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
};

struct screen *ui_app_current(struct app *a);
void ui_app_push(struct app *a, struct screen *s);
void ui_app_message(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Runs the `:` command line text. */
void ui_app_command(struct app *a, const char *line);

/* Moves a selection over an in-memory list of n rows for the movement
 * actions; returns 1 when the action was a movement. */
int ui_list_move(size_t *sel, size_t *top, size_t n, int action, int count, int height);
/* Keeps the selection on screen. */
void ui_list_clamp(size_t *sel, size_t *top, size_t n, int height);

/* Prints "mutasi: <message>" to stderr (before or after the terminal is
 * in use). */
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The main loop (app.c). */
void ui_app_run_loop(struct app *a);
/* Session (session.c): configuration, language, key bindings, user and
 * roles, the database. Returns 0, or -1 after printing why. */
int ui_setup_session(struct app *a);
void ui_end_session(struct app *a);
void ui_set_language(const char *lang);

/* ---- screens ---------------------------------------------------------- */
struct screen *ui_help_screen_new(struct app *a, int for_screen);
struct screen *ui_staff_screen_new(struct app *a);
struct screen *ui_units_screen_new(struct app *a);
/* The detail of one person (fields, history, competencies, verdicts). */
struct screen *ui_staff_detail_new(struct app *a, const char *nip);
/* Every rule's verdict for moving one person to a position (:check), at
 * the person's own request or not. */
struct screen *ui_check_screen_new(struct app *a, const char *nip, const char *target_code,
                                   bool own_request);
void ui_screen_free(struct screen *s);

/* A screen of text lines (detail views): lines are copied. */
struct screen *ui_text_screen_new(struct app *a, const char *title);
void ui_text_screen_add(struct screen *s, int attr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#endif
