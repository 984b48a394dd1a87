/* The application: the screen stack, the frame (title, body, status,
 * message), key dispatch through the action table, counts, the line editor
 * and the `/` search (the `:` prompt is cmdline.c). */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ops/access.h"
#include "ui/uipriv.h"

#define MIN_LINES 24
#define MIN_COLS 80

void ui_history_add(struct history_ring *h, const char *s)
{
    if (!*s)
        return;
    if (h->n && strcmp(h->items[h->n - 1], s) == 0)
        return;
    if (h->n == HIST_MAX) {
        free(h->items[0]);
        memmove(h->items, h->items + 1, (HIST_MAX - 1) * sizeof *h->items);
        h->n--;
    }
    h->items[h->n] = strdup(s);
    if (h->items[h->n])
        h->n++;
}

void ui_history_free(struct history_ring *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->items[i]);
    h->n = 0;
}

struct screen *ui_app_current(struct app *a)
{
    return a->depth ? a->stack[a->depth - 1] : a->tops[a->top];
}

void ui_app_message(struct app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
}

void ui_app_push(struct app *a, struct screen *s)
{
    if (!s)
        return;
    if (a->depth == STACK_MAX) {
        ui_screen_free(s);
        ui_app_message(a, "%s", _("too many screens open; press q to go back"));
        return;
    }
    a->stack[a->depth++] = s;
}

static void pop_screen(struct app *a)
{
    if (a->depth)
        ui_screen_free(a->stack[--a->depth]);
}

void ui_app_switch_top(struct app *a, int top)
{
    if (top < 0 || top >= TOPS_MAX || !a->tops[top])
        return;
    while (a->depth)
        pop_screen(a);
    struct screen *was = a->tops[a->top];
    if (top != a->top && was && was->ops->hide)
        was->ops->hide(was);
    a->top = top;
    a->msg[0] = '\0';   /* a message belongs to the screen it came from */
}

static int body_height(void)
{
    return LINES - 4;
}

/* ---- the frame ---------------------------------------------------------- */
static bool too_small(void)
{
    return LINES < MIN_LINES || COLS < MIN_COLS;
}

static void draw_too_small(struct app *a)
{
    (void)a;
    char buf[200];
    snprintf(buf, sizeof buf, _("The terminal is %dx%d; mutasi needs at least %dx%d. "
                                "Enlarge it, or press q to quit."),
             COLS, LINES, MIN_COLS, MIN_LINES);
    /* Wrap on spaces so that even a tiny window shows the whole sentence. */
    int y = 0, x = 0;
    for (const char *p = buf; *p && y < LINES;) {
        const char *sp = strchr(p, ' ');
        int len = sp ? (int)(sp - p) : (int)strlen(p);
        if (x && x + len > COLS) {
            y++;
            x = 0;
        }
        if (y >= LINES)
            break;
        mvaddnstr(y, x, p, len < COLS ? len : COLS);
        x += len + 1;
        p += len;
        while (*p == ' ')
            p++;
    }
    move(0, 0);
}

/* The status line on line y (LINES - 2, or above a wrapped message). */
static void draw_status(struct app *a, struct screen *cur, int y)
{
    size_t pos = 0, total = 0;
    ui_screen_position(cur, &pos, &total);
    char right[64] = "";
    if (total)
        snprintf(right, sizeof right, "%zu/%zu", pos, total);
    else if (pos)
        snprintf(right, sizeof right, "%zu", pos);
    char left[512], filter[192] = "";
    /* The filter before the database: a long path is cut, not the filter. */
    if (cur->filter_text[0])
        snprintf(filter, sizeof filter, "%s %s  ", _("filter"), cur->filter_text);
    snprintf(left, sizeof left, "%s (%s)  %s%s %s", a->user,
             a->roles[0] ? a->roles : _("no role"), filter, _("db"), a->env->db_dir);
    int rw = (int)strlen(right);
    move(y, 0);
    clrtoeol();
    ui_put_field(stdscr, left, COLS - rw - 1, a->ascii);
    addch(' ');
    addstr(right);
}

/* Tab's choices at the open prompt (ui_app_choices). */
static char prompt_choices[2048];

void ui_app_choices(struct app *a, const char *text)
{
    (void)a;
    snprintf(prompt_choices, sizeof prompt_choices, "%s", text);
}

/* The message line: a message wider than the terminal wraps upward over
 * the list's last rows (at most MSG_LINES lines), the status line moving
 * up above it, so that no sentence is cut at 80 columns (a long database
 * path, a damaged record's story). The next key takes it away. */
#define MSG_LINES 4
static bool msg_wrapped;
static void draw_message(struct app *a, struct screen *cur)
{
    const char *start[MSG_LINES];
    int len[MSG_LINES], n = 0, width = COLS - 1;
    for (const char *p = a->msg; *p && n < MSG_LINES;) {
        int k = ui_text_width(p) <= width || n == MSG_LINES - 1 ? (int)strlen(p) : ui_wrap_cut(p, width);
        start[n] = p;
        len[n++] = k;
        for (p += k; *p == ' '; p++)
            ;
    }
    msg_wrapped = n > 1 && LINES >= 2 * MSG_LINES;
    if (!msg_wrapped) {
        ui_put_field(stdscr, a->msg, width, a->ascii);
        return;
    }
    draw_status(a, cur, LINES - n - 1);
    for (int i = 0; i < n; i++) {
        char line[1024];
        snprintf(line, sizeof line, "%.*s", len[i], start[i]);
        move(LINES - n + i, 0);
        clrtoeol();
        ui_put_field(stdscr, line, width, a->ascii);
    }
}

static int draw_frame(struct app *a, const char *prompt, const char *text)
{
    werase(stdscr);
    if (too_small()) {
        draw_too_small(a);
        wnoutrefresh(stdscr);
        return 0;
    }
    struct screen *cur = ui_app_current(a);
    ui_draw_title(a, cur);
    int sel_y = cur->ops->draw(cur, stdscr, 1, body_height(), COLS);
    draw_status(a, cur, LINES - 2);
    if (prompt && prompt_choices[0])
        ui_put_lines_above(stdscr, prompt_choices, LINES - 2, body_height(), COLS, a->ascii);
    move(LINES - 1, 0);
    int cursor_x = 0;
    msg_wrapped = false;
    if (prompt) {
        cursor_x = ui_put_prompt(stdscr, prompt, text, COLS, a->ascii);
        if (cursor_x >= COLS)
            cursor_x = COLS - 1;
    } else if (!a->msg[0] && cur->ops->detail) {
        char rest[512] = "";
        cur->ops->detail(cur, rest, sizeof rest);
        ui_put_field(stdscr, rest, COLS - 1, a->ascii);
    } else {
        draw_message(a, cur);
    }
    if (prompt)
        move(LINES - 1, cursor_x);
    else
        move(sel_y >= 0 ? sel_y : LINES - 1, 0);
    wnoutrefresh(stdscr);
    return 0;
}

static void frame_done(struct app *a, const char *label)
{
    ui_term_flush(&a->term);
    if (a->term.scripted)
        ui_term_log_bytes(&a->term, label);
}

static const char *last_label(struct app *a)
{
    if (a->term.scripted && a->term.next > 0)
        return a->term.steps[a->term.next - 1].label;
    return "";
}

/* ---- the line editor for `/`, `f` and `:` ------------------------------- */

static void delete_last_char(char *buf)
{
    size_t n = strlen(buf);
    while (n > 0) {
        n--;
        if (((unsigned char)buf[n] & 0xc0) != 0x80)
            break;
    }
    buf[n] = '\0';
}

static void append_key(char *buf, size_t size, int key)
{
    char enc[8];
    size_t len;
    if (key < 0x80) {
        enc[0] = (char)key;
        len = 1;
    } else if (key < 0x800) {
        enc[0] = (char)(0xc0 | (key >> 6));
        enc[1] = (char)(0x80 | (key & 0x3f));
        len = 2;
    } else if (key < 0x10000) {
        enc[0] = (char)(0xe0 | (key >> 12));
        enc[1] = (char)(0x80 | ((key >> 6) & 0x3f));
        enc[2] = (char)(0x80 | (key & 0x3f));
        len = 3;
    } else {
        enc[0] = (char)(0xf0 | (key >> 18));
        enc[1] = (char)(0x80 | ((key >> 12) & 0x3f));
        enc[2] = (char)(0x80 | ((key >> 6) & 0x3f));
        enc[3] = (char)(0x80 | (key & 0x3f));
        len = 4;
    }
    size_t n = strlen(buf);
    if (n + len < size) {
        memcpy(buf + n, enc, len);
        buf[n + len] = '\0';
    }
}

/* Reads a line at the bottom. Enter accepts (1); Esc, C-g and C-c cancel
 * (0). Up/Down walk the history, Tab completes, C-u clears. on_change runs
 * after every edit, before the frame is drawn (incremental search). */
static int prompt_read(struct app *a, const char *label, char *buf, size_t size,
                       struct history_ring *hist, ui_prompt_change_fn on_change,
                       ui_prompt_complete_fn complete)
{
    buf[0] = '\0';
    prompt_choices[0] = '\0';
    int hpos = hist ? hist->n : 0;
    for (;;) {
        draw_frame(a, label, buf);
        frame_done(a, last_label(a));
        bool changed = false;
        bool block = true;
        for (;;) {
            int k = ui_term_getkey(&a->term, block);
            block = false;
            if (k == ERR)
                break;
            if (k == -2 || (k == ERR && a->term.scripted)) {
                a->quit = true;
                return 0;
            }
            if (k == KEY_RESIZE)
                continue;
            if (k != '\t')
                prompt_choices[0] = '\0';
            if (k == 27 || k == 7 || k == 3)
                return 0;
            if (k == '\n' || k == '\r' || k == KEY_ENTER) {
                /* Keys typed ahead of the screen: search for the whole
                 * text before accepting it. */
                if (changed && on_change)
                    on_change(a, buf);
                if (hist)
                    ui_history_add(hist, buf);
                return 1;
            }
            if (k == KEY_BACKSPACE || k == 127 || k == 8) {
                if (!buf[0])
                    return 0;   /* like vi: backspace over the prompt leaves */
                delete_last_char(buf);
                changed = true;
            } else if (k == 21) {
                buf[0] = '\0';
                changed = true;
            } else if (k == 23) {
                size_t n = strlen(buf);
                while (n && buf[n - 1] == ' ')
                    n--;
                while (n && buf[n - 1] != ' ')
                    n--;
                buf[n] = '\0';
                changed = true;
            } else if ((k == KEY_UP || k == KEY_DOWN) && hist && hist->n) {
                hpos += k == KEY_UP ? -1 : 1;
                if (hpos < 0)
                    hpos = 0;
                if (hpos >= hist->n) {
                    hpos = hist->n;
                    buf[0] = '\0';
                } else {
                    snprintf(buf, size, "%s", hist->items[hpos]);
                }
                changed = true;
            } else if (k == '\t' && complete) {
                complete(a, buf, size);
                changed = true;
            } else if (k >= 32 && k != 127 && k < KEY_MIN) {
                append_key(buf, size, k);
                changed = true;
            } else if (k >= 0x80 && (k < KEY_MIN || k > KEY_MAX)) {
                append_key(buf, size, k);
                changed = true;
            }
            if (changed && a->term.scripted)
                break;   /* one frame per key, so bytes per key can be counted */
        }
        if (a->term.scripted && a->term.next >= a->term.nsteps && !changed) {
            a->quit = true;
            return 0;
        }
        if (changed && on_change)
            on_change(a, buf);
    }
}

void ui_app_quit(struct app *a)
{
    for (int i = a->depth - 1; i >= -1; i--) {
        struct screen *up = i >= 0 ? a->stack[i] : a->tops[a->top];
        if (up->ops->may_leave && !up->ops->may_leave(up))
            return;
    }
    a->quit = true;
}

int ui_app_read_line(struct app *a, const char *label, char *buf, size_t size,
                     struct history_ring *hist, ui_prompt_change_fn on_change,
                     ui_prompt_complete_fn complete)
{
    return prompt_read(a, label, buf, size, hist, on_change, complete);
}

int ui_app_prompt(struct app *a, const char *label, char *buf, size_t size)
{
    a->msg[0] = '\0';
    return prompt_read(a, label, buf, size, NULL, NULL, NULL);
}

void ui_app_draw_now(struct app *a)
{
    draw_frame(a, NULL, "");
    frame_done(a, last_label(a));
}

bool ui_app_confirm(struct app *a, const char *question)
{
    char label[300];
    /* TRANSLATORS: the answer keys of a yes/no question; y (yes) is also
     * always understood. */
    snprintf(label, sizeof label, "%s %s ", question, _("(y/n)"));
    a->msg[0] = '\0';
    draw_frame(a, label, NULL);
    frame_done(a, last_label(a));
    int k;
    while ((k = ui_term_getkey(&a->term, true)) == KEY_RESIZE)
        ;
    if (k == -2 || k == ERR) {
        a->quit = true;
        return false;
    }
    const char *yes = _("y");
    return k == 'y' || k == 'Y' || (k > 0 && k < 128 && k == (unsigned char)yes[0]);
}

/* ---- search ------------------------------------------------------------- */
static struct saved_pos search_origin;
static size_t search_origin_pos;

/* The selected row's 1-based position (0 when the screen has none). */
static size_t screen_pos(struct screen *s)
{
    size_t pos = 0, total = 0;
    ui_screen_position(s, &pos, &total);
    return pos;
}

/* Searches go round the end of the list; say so when the match lies on
 * the other side of where the search started. */
static void say_if_wrapped(struct app *a, size_t from, size_t to, int dir)
{
    if (from && to && (dir > 0 ? to < from : to > from))
        ui_app_message(a, "%s", dir > 0 ? _("search went on from the top")
                                        : _("search went on from the bottom"));
}
static char search_last[128];
static bool search_last_found;
static bool search_last_interrupted;

static void search_changed(struct app *a, const char *text)
{
    struct screen *s = ui_app_current(a);
    if (!ui_screen_can_search(s))
        return;
    /* A longer pattern matches at or after the current match: go on from
     * there instead of from the start, so each key costs little. */
    bool extends = search_last[0] && strncmp(text, search_last, strlen(search_last)) == 0;
    /* Nothing after the start matched the shorter text: nothing will
     * match a longer one either, so do not scan again. */
    if (extends && !search_last_found && !search_last_interrupted) {
        snprintf(search_last, sizeof search_last, "%s", text);
        ui_app_message(a, _("not found: %s"), text);
        return;
    }
    if (!extends || !search_last_found)
        ui_screen_set_pos(s, &search_origin);
    snprintf(search_last, sizeof search_last, "%s", text);
    search_last_found = false;
    search_last_interrupted = false;
    if (!text[0]) {
        a->msg[0] = '\0';
        return;
    }
    a->msg[0] = '\0';
    if (ui_screen_search(s, text, 1, true)) {
        search_last_found = true;
        say_if_wrapped(a, search_origin_pos, screen_pos(s), 1);
    } else {
        ui_screen_set_pos(s, &search_origin);
        search_last_interrupted = ui_term_key_pending(&a->term);
        ui_app_message(a, _("not found: %s"), text);
    }
}

static void do_search(struct app *a)
{
    struct screen *s = ui_app_current(a);
    if (!ui_screen_can_search(s)) {
        ui_app_message(a, "%s", _("this screen has nothing to search"));
        return;
    }
    ui_screen_get_pos(s, &search_origin);
    search_origin_pos = screen_pos(s);
    if (s->ops->search_prepare)
        s->ops->search_prepare(s);
    search_last[0] = '\0';
    search_last_found = false;
    search_last_interrupted = false;
    char buf[128];
    a->msg[0] = '\0';
    if (prompt_read(a, "/", buf, sizeof buf, &a->search_hist, search_changed, NULL) &&
        buf[0]) {
        snprintf(a->search, sizeof a->search, "%s", buf);
        if (!search_last_found)
            ui_app_message(a, _("not found: %s"), buf);
    } else {
        ui_screen_set_pos(s, &search_origin);
        if (!a->quit)
            a->msg[0] = '\0';
    }
}

static void search_again(struct app *a, int dir, int count)
{
    struct screen *s = ui_app_current(a);
    if (!a->search[0]) {
        ui_app_message(a, "%s", _("no search yet: press / first"));
        return;
    }
    if (!ui_screen_can_search(s))
        return;
    a->msg[0] = '\0';
    for (int i = 0; i < count; i++) {
        size_t from = screen_pos(s);
        if (!ui_screen_search(s, a->search, dir, false)) {
            ui_app_message(a, _("no more matches for \"%s\""), a->search);
            return;
        }
        say_if_wrapped(a, from, screen_pos(s), dir);
    }
}

bool ui_app_ask(struct app *a, const char *label, char *buf, size_t size)
{
    a->msg[0] = '\0';
    buf[0] = '\0';
    return prompt_read(a, label, buf, size, NULL, NULL, NULL) && buf[0];
}

static void do_filter(struct app *a)
{
    struct screen *s = ui_app_current(a);
    if (!s->ops->filter) {
        ui_app_message(a, "%s", _("this screen has no filter"));
        return;
    }
    char label[160], buf[128];
    snprintf(label, sizeof label, "%s: ", _(s->ops->filter_hint));
    a->msg[0] = '\0';
    if (prompt_read(a, label, buf, sizeof buf, NULL, NULL, NULL) && s->ops->filter(s, buf) == 0) {
        const char *t = buf + strspn(buf, " ");
        snprintf(s->filter_text, sizeof s->filter_text, "%s", t);
    }
}

/* ---- dispatch ----------------------------------------------------------- */
static void run_action(struct app *a, int action, int count)
{
    struct screen *s = ui_app_current(a);
    switch (action) {
    case ACT_QUIT:
        ui_app_quit(a);
        return;
    case ACT_BACK:
        if (s->ops->may_leave && !s->ops->may_leave(s))
            return;
        if (a->depth)
            pop_screen(a);
        else
            ui_app_quit(a);
        return;
    case ACT_CLOSE:
        /* Esc, Left and h are pressed by habit to go back: on the first
         * screen they must not end the session. */
        if (a->depth && s->ops->may_leave && !s->ops->may_leave(s))
            return;
        if (a->depth)
            pop_screen(a);
        else
            ui_app_message(a, "%s", _("this is the first screen; q quits"));
        return;
    case ACT_HELP:
        ui_app_push(a, ui_help_screen_new(a, a->depth ? -1 : a->top));
        return;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return;
    case ACT_PROMPT:
        ui_cmdline_prompt(a);
        return;
    case ACT_SEARCH:
        do_search(a);
        return;
    case ACT_SEARCH_NEXT:
        search_again(a, 1, count);
        return;
    case ACT_SEARCH_PREV:
        search_again(a, -1, count);
        return;
    case ACT_FILTER:
        do_filter(a);
        return;
    default:
        break;
    }
    const struct action_def *d = ui_action_by_id(action);
    if (d && !ops_may_action(&a->ops, d->name)) {
        ui_app_message(a, _("%s: your roles do not allow it"), _(d->help));
        return;
    }
    if (d && d->screen && strcmp(d->screen, s->ops->name) != 0) {
        ui_app_message(a, _("%s: not available on this screen"), _(d->help));
        return;
    }
    if (d && d->run) {
        d->run(s, d, count);
        return;
    }
    if ((s->ops->action && s->ops->action(s, action, count, body_height())) ||
        ui_screen_list_action(s, action, count, body_height())) {
        ui_app_finish_pick(a);
        return;
    }
    if (d)
        ui_app_message(a, _("%s: not available on this screen"), _(d->help));
}

void ui_app_run_action(struct app *a, int action, int count)
{
    run_action(a, action, count);
}

/* Counts and screen digits. A digit bound to an action (1..7: the
 * screens) waits: the next key decides. A key that takes a count (j k g G
 * n N, pages) makes it a count, so 6G and 5j work as in vi; another digit
 * makes a longer count; any other key, or no key for DIGIT_WAIT_MS, runs
 * the digit's action (then that key). Unbound digits and 0 start a count
 * at once. A count before g or G goes to that row. */
#define DIGIT_WAIT_MS 500

struct keystate {
    int count;                  /* >0 typed, -1 a lone 0, 0 none */
    int digit_action;           /* the waiting digit's action, ACT_NONE */
};

static void add_digit(struct app *a, struct keystate *ks, int key)
{
    if (ks->count < 0)
        ks->count = 0;
    if (ks->count < 100000000)
        ks->count = ks->count * 10 + (key - '0');
    if (ks->count == 0)
        ks->count = -1;   /* a lone 0 starts a count */
    ui_app_message(a, "%d", ks->count > 0 ? ks->count : 0);
}

static bool takes_count(int act)
{
    const struct action_def *d = ui_action_by_id(act);
    return d && d->takes_count;
}

/* The waiting digit was not a count: carry out its action. */
static void digit_resolve(struct app *a, struct keystate *ks)
{
    int act = ks->digit_action;
    ks->digit_action = ACT_NONE;
    ks->count = 0;
    a->msg[0] = '\0';
    run_action(a, act, 1);
}

/* With a count, g and G go to that row: the first, then count-1 down. */
static void run_counted(struct app *a, int act, int n, bool counted)
{
    if ((act == ACT_TOP || act == ACT_BOTTOM) && counted) {
        run_action(a, ACT_TOP, 1);
        if (n > 1)
            run_action(a, ACT_DOWN, n - 1);
        return;
    }
    run_action(a, act, n);
}

static void handle_key(struct app *a, int key, struct keystate *ks)
{
    if (key == KEY_RESIZE) {
        return;
    }
    const char *scope = ui_app_current(a)->ops->name;
    if (too_small()) {
        int act = ui_keymap_lookup_on(scope, key);
        if (act == ACT_BACK || act == ACT_QUIT)
            a->quit = true;
        return;
    }
    bool digit = key >= '0' && key <= '9';
    if (ks->digit_action != ACT_NONE) {
        if (digit) {
            ks->digit_action = ACT_NONE;
            add_digit(a, ks, key);
            return;
        }
        if (!takes_count(ui_keymap_lookup_on(scope, key))) {
            digit_resolve(a, ks);
            if (a->quit)
                return;
            scope = ui_app_current(a)->ops->name;
        }
        ks->digit_action = ACT_NONE;
    } else if (digit) {
        int bound = ui_keymap_lookup_on(scope, key);
        if (ks->count == 0 && key != '0' && bound != ACT_NONE)
            ks->digit_action = bound;
        add_digit(a, ks, key);
        return;
    }
    int act = ui_keymap_lookup_on(scope, key);
    bool counted = ks->count > 0;
    int n = counted ? ks->count : 1;
    ks->count = 0;
    if (a->msg[0] && ((a->msg[0] >= '0' && a->msg[0] <= '9') || msg_wrapped))
        a->msg[0] = '\0';      /* a count, or a message over the list's rows */
    if (act == ACT_NONE) {
        char name[16];
        ui_key_name(key, name, sizeof name);
        ui_app_message(a, _("key %s does nothing here; press ? for help"), name);
        return;
    }
    run_counted(a, act, n, counted);
}

/* The next key; while a digit waits, only for a moment, after which the
 * digit's action is carried out and KEY_WAITED returned. */
#define KEY_WAITED (-3)
static int next_key(struct app *a, struct keystate *ks)
{
    if (ks->digit_action == ACT_NONE)
        return ui_term_getkey(&a->term, true);
    int k = ui_term_getkey_within(&a->term, DIGIT_WAIT_MS);
    if (k != ERR)
        return k;
    digit_resolve(a, ks);
    return KEY_WAITED;
}

void ui_app_run_loop(struct app *a)
{
    struct keystate ks = {0, ACT_NONE};
    const char *label = "<start>";
    while (!a->quit) {
        ui_app_notice_changes(a);
        draw_frame(a, NULL, NULL);
        frame_done(a, label);
        if (a->draw_again) {
            a->draw_again = false;
            continue;
        }
        int k = next_key(a, &ks);
        if (k == KEY_WAITED) {
            label = "<wait>";
            continue;
        }
        if (k == -2 || k == ERR)
            break;
        handle_key(a, k, &ks);
        label = last_label(a);
        /* Typeahead: act on every key already typed before drawing. */
        if (a->term.scripted)
            continue;
        while (!a->quit && (k = ui_term_getkey(&a->term, false)) != ERR) {
            if (k == -2) {
                a->quit = true;
                break;
            }
            handle_key(a, k, &ks);
        }
    }
    if (a->term.scripted)
        a->term.next = a->term.nsteps;
}
