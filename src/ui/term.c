/* The terminal: ncurses on the real terminal, or on a virtual one whose
 * output goes to a file for scripted runs (tests, byte counts). */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/stat.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

/* ---- signals: SIGHUP and SIGTERM end the program cleanly ---------------- */
static volatile sig_atomic_t quit_signal;
static int signal_fd = -1;

static void on_quit_signal(int sig)
{
    quit_signal = sig;
    if (signal_fd >= 0) {
        int saved = errno;
        ssize_t r = write(signal_fd, "q", 1);
        (void)r;
        errno = saved;
    }
}

bool ui_term_should_quit(void)
{
    return quit_signal != 0;
}

static void install_signals(struct term *t)
{
    if (pipe(t->sigpipe) == 0) {
        fcntl(t->sigpipe[0], F_SETFL, O_NONBLOCK);
        fcntl(t->sigpipe[1], F_SETFL, O_NONBLOCK);
        signal_fd = t->sigpipe[1];
    } else {
        t->sigpipe[0] = t->sigpipe[1] = -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static void restore_signals(struct term *t)
{
    signal(SIGHUP, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal_fd = -1;
    if (t->sigpipe[0] >= 0) {
        close(t->sigpipe[0]);
        close(t->sigpipe[1]);
    }
}

/* ---- script parsing ----------------------------------------------------- */
static int add_step(struct script_step **steps, size_t *n, size_t *cap,
                    struct script_step st)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        struct script_step *p = realloc(*steps, nc * sizeof *p);
        if (!p)
            return -1;
        *steps = p;
        *cap = nc;
    }
    (*steps)[(*n)++] = st;
    return 0;
}

static int parse_steps(const char *text, struct script_step **steps, size_t *n,
                 char *err, size_t errlen)
{
    size_t cap = 0;
    int line = 1;
    bool at_line_start = true;
    *steps = NULL;
    *n = 0;
    for (const char *p = text; *p;) {
        struct script_step st;
        memset(&st, 0, sizeof st);
        if (at_line_start && *p == '#') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (*p == '\n' || *p == '\r') {
            line += *p == '\n';
            at_line_start = *p == '\n';
            p++;
            continue;
        }
        at_line_start = false;
        if (*p == '<') {
            const char *end = strchr(p, '>');
            if (!end || end - p > 40) {
                snprintf(err, errlen, _("script line %d: '<' without '>' (write <lt> for '<')"), line);
                return -1;
            }
            size_t len = (size_t)(end - p - 1);
            const char *name = p + 1;
            snprintf(st.label, sizeof st.label, "<%.*s>", (int)len, name);
            if (len == 4 && strncasecmp(name, "Dump", 4) == 0) {
                st.kind = STEP_DUMP;
            } else if (len == 9 && strncasecmp(name, "Interrupt", 9) == 0) {
                st.kind = STEP_KEY;     /* Esc, typed while the program works */
                st.key = 27;
                st.ahead = true;
            } else if (len > 7 && strncasecmp(name, "Resize ", 7) == 0) {
                st.kind = STEP_RESIZE;
                if (sscanf(name + 7, "%dx%d", &st.cols, &st.lines) != 2 ||
                    st.cols < 1 || st.lines < 1 || st.cols > 1000 || st.lines > 1000) {
                    snprintf(err, errlen, _("script line %d: expected <Resize COLSxLINES>"), line);
                    return -1;
                }
            } else {
                st.kind = STEP_KEY;
                st.key = ui_key_parse(name, len);
                if (st.key < 0) {
                    snprintf(err, errlen, _("script line %d: unknown key <%.*s>"), line, (int)len, name);
                    return -1;
                }
            }
            p = end + 1;
        } else {
            size_t len = 1;
            unsigned char c = (unsigned char)*p;
            if (c >= 0xc0)
                len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (strnlen(p, len) < len) {
                snprintf(err, errlen, _("script line %d: broken UTF-8"), line);
                return -1;
            }
            st.kind = STEP_KEY;
            st.key = ui_key_parse(p, len);
            if (st.key < 0) {
                snprintf(err, errlen, _("script line %d: broken UTF-8"), line);
                return -1;
            }
            snprintf(st.label, sizeof st.label, "%.*s", (int)len, p);
            p += len;
        }
        if (add_step(steps, n, &cap, st) != 0) {
            snprintf(err, errlen, _("out of memory"));
            return -1;
        }
    }
    return 0;
}

int ui_script_parse(const char *text, struct script_step **steps, size_t *n,
                    char *err, size_t errlen)
{
    if (parse_steps(text, steps, n, err, errlen) == 0)
        return 0;
    free(*steps);
    *steps = NULL;
    *n = 0;
    return -1;
}

/* ---- opening ------------------------------------------------------------ */
static void common_setup(struct term *t)
{
    const char *cs = nl_langinfo(CODESET);
    t->utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    leaveok(stdscr, FALSE);
    scrollok(stdscr, FALSE);
    /* Let ncurses scroll with insert/delete line: a one-row scroll costs a
     * few bytes instead of a repaint. */
    idlok(stdscr, TRUE);
    /* Without a user setting, Esc answers in 50 ms rather than a second. */
    if (!getenv("ESCDELAY"))
        set_escdelay(50);
    const char *nc = getenv("NO_COLOR");
    t->color = has_colors() && !(nc && *nc);
    if (t->color) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_RED, -1);
        init_pair(2, COLOR_YELLOW, -1);
        init_pair(3, COLOR_GREEN, -1);
    }
}

int ui_term_open_real(struct term *t, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(err, errlen, _("the terminal interface needs a terminal; "
                                "see 'mutasi --help' for the verbs"));
        return -1;
    }
    install_signals(t);
    t->scr = newterm(NULL, stdout, stdin);
    if (!t->scr) {
        restore_signals(t);
        snprintf(err, errlen, _("cannot use the terminal \"%s\"; set TERM"),
                 getenv("TERM") ? getenv("TERM") : "");
        return -1;
    }
    set_term(t->scr);
    common_setup(t);
    return 0;
}

int ui_term_open_scripted(struct term *t, int lines, int cols, FILE *out,
                       char *err, size_t errlen)
{
    t->scripted = true;
    t->sigpipe[0] = t->sigpipe[1] = -1;
    t->out = out;
    t->in = fopen("/dev/null", "r");
    if (!t->in) {
        snprintf(err, errlen, _("cannot open /dev/null"));
        return -1;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "%d", lines);
    setenv("LINES", buf, 1);
    snprintf(buf, sizeof buf, "%d", cols);
    setenv("COLUMNS", buf, 1);
    const char *term = getenv("TERM");
    t->scr = newterm(term && *term ? term : "xterm-256color", t->out, t->in);
    if (!t->scr) {
        snprintf(err, errlen, _("cannot use the terminal \"%s\"; set TERM"), term ? term : "");
        fclose(t->in);
        return -1;
    }
    set_term(t->scr);
    common_setup(t);
    /* No tty to peek at: never interrupt an update for typeahead. */
    typeahead(-1);
    resize_term(lines, cols);
    return 0;
}

void ui_term_close(struct term *t)
{
    if (t->scr) {
        endwin();
        delscreen(t->scr);
        t->scr = NULL;
    }
    if (!t->scripted)
        restore_signals(t);
    if (t->in)
        fclose(t->in);
    free(t->steps);
    t->steps = NULL;
}

/* ---- keys --------------------------------------------------------------- */
static int script_getkey(struct term *t)
{
    while (t->next < t->nsteps) {
        struct script_step *st = &t->steps[t->next++];
        switch (st->kind) {
        case STEP_KEY:
            return st->key;
        case STEP_DUMP:
            ui_term_dump(t);
            break;
        case STEP_RESIZE:
            resize_term(st->lines, st->cols);
            return KEY_RESIZE;
        }
    }
    return ERR;
}

/* Waits for input on the terminal or a quit signal, without a timeout:
 * nothing ticks while the user thinks. */
static void wait_for_input(struct term *t)
{
    struct pollfd fds[2] = {
        {.fd = STDIN_FILENO, .events = POLLIN},
        {.fd = t->sigpipe[0], .events = POLLIN},
    };
    while (!quit_signal) {
        int r = poll(fds, t->sigpipe[0] >= 0 ? 2 : 1, -1);
        if (r > 0 || (r < 0 && errno == EINTR))
            return;   /* input, or a signal such as SIGWINCH to look at */
        if (r < 0)
            return;
    }
}

int ui_term_getkey(struct term *t, bool block)
{
    if (quit_signal)
        return -2;
    if (t->scripted)
        return block ? script_getkey(t) : ERR;
    nodelay(stdscr, TRUE);
    for (;;) {
        if (block)
            wait_for_input(t);
        if (quit_signal)
            return -2;
        wint_t wc;
        if (wget_wch(stdscr, &wc) != ERR)
            return (int)wc;
        /* Woken by a signal (SIGCONT after Ctrl-Z, SIGCHLD...) or half an
         * escape sequence: a blocking read waits again. */
        if (!block)
            return ERR;
    }
}

int ui_term_getkey_within(struct term *t, int ms)
{
    if (quit_signal)
        return -2;
    if (t->scripted) {
        /* A script types its keys without pausing; a <Dump>, a <Resize>
         * or its end is where the user stops to look. */
        if (t->next < t->nsteps && t->steps[t->next].kind == STEP_KEY)
            return script_getkey(t);
        return ERR;
    }
    struct pollfd fds[2] = {
        {.fd = STDIN_FILENO, .events = POLLIN},
        {.fd = t->sigpipe[0], .events = POLLIN},
    };
    if (poll(fds, t->sigpipe[0] >= 0 ? 2 : 1, ms) <= 0 && !quit_signal)
        return ERR;
    return ui_term_getkey(t, false);
}

bool ui_term_key_pending(struct term *t)
{
    if (t->scripted)
        return t->next < t->nsteps && t->steps[t->next].ahead;
    if (quit_signal)
        return true;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&p, 1, 0) > 0;
}

void ui_term_drain(struct term *t)
{
    if (t->scripted) {
        while (t->next < t->nsteps && t->steps[t->next].ahead)
            t->next++;
        return;
    }
    int k;
    while ((k = ui_term_getkey(t, false)) != ERR && k != -2)
        ;
}

void ui_term_flush(struct term *t)
{
    (void)t;
    doupdate();
}

/* ---- scripted output: dumps and byte counts ----------------------------- */
static long long out_size(struct term *t)
{
    fflush(t->out);
    struct stat st;
    if (fstat(fileno(t->out), &st) != 0)
        return 0;
    return (long long)st.st_size;
}

void ui_term_log_bytes(struct term *t, const char *label)
{
    long long now = out_size(t);
    if (t->bytes_log)
        fprintf(t->bytes_log, "%s\t%lld\n", label, now - t->out_mark);
    t->out_mark = now;
}

/* Attribute layer: one hex digit per cell, 1 reverse, 2 bold, 4 underline,
 * 8 colour; '.' for none. */
static char attr_mark(attr_t a, short pair)
{
    int v = 0;
    if (a & A_REVERSE)
        v |= 1;
    if (a & A_BOLD)
        v |= 2;
    if (a & A_UNDERLINE)
        v |= 4;
    if (pair)
        v |= 8;
    return v ? "0123456789abcdef"[v] : '.';
}

static void rtrim(char *s, char pad)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == pad)
        s[--n] = '\0';
}

void ui_term_dump(struct term *t)
{
    if (!t->dump)
        return;
    int lines = getmaxy(curscr), cols = getmaxx(curscr);
    int cy = getcury(curscr), cx = getcurx(curscr);
    fprintf(t->dump, "--- screen %d: %dx%d, cursor at line %d column %d\n",
            ++t->ndumps, cols, lines, cy + 1, cx + 1);
    size_t tsize = (size_t)cols * MB_LEN_MAX + 1;
    char *text = malloc(tsize);
    char *attrs = malloc((size_t)cols + 1);
    if (!text || !attrs) {
        free(text);
        free(attrs);
        return;
    }
    char *alayer = malloc((size_t)lines * ((size_t)cols + 1) + 1);
    size_t alen = 0;
    for (int y = 0; y < lines; y++) {
        size_t used = 0;
        for (int x = 0; x < cols; x++) {
            cchar_t cc;
            wchar_t wch[CCHARW_MAX + 1];
            attr_t a = 0;
            short pair = 0;
            attrs[x] = '.';
            if (mvwin_wch(curscr, y, x, &cc) == ERR)
                continue;
            if (getcchar(&cc, wch, &a, &pair, NULL) == ERR)
                continue;
            attrs[x] = attr_mark(a, pair);
            int w = wcwidth(wch[0]);
            if (w == 0 && wch[0] == 0)
                continue;   /* the right half of a wide character */
            mbstate_t ps;
            memset(&ps, 0, sizeof ps);
            for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
                size_t k = wcrtomb(text + used, wch[i], &ps);
                if (k == (size_t)-1)
                    text[used++] = '?';
                else
                    used += k;
            }
            if (w > 1)
                x += w - 1;
        }
        text[used] = '\0';
        attrs[cols] = '\0';
        rtrim(text, ' ');
        rtrim(attrs, '.');
        fprintf(t->dump, "%s\n", text);
        if (alayer)
            alen += (size_t)sprintf(alayer + alen, "%s\n", attrs);
    }
    fputs("--- attributes (1 reverse, 2 bold, 4 underline, 8 colour, summed in hex)\n", t->dump);
    if (alayer)
        fwrite(alayer, 1, alen, t->dump);
    fflush(t->dump);
    free(alayer);
    free(text);
    free(attrs);
}
