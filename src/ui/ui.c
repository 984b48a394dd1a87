/* Start-up of the TUI: options, language, key bindings, the terminal (real
 * or scripted), the screens, and a clean exit. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/ui.h"
#include "ui/uipriv.h"


void ui_print_options(FILE *f)
{
    fprintf(f, "%s", _("\nTerminal interface options (tests and measurements):\n"
                       "  --script FILE   read keys from FILE instead of the terminal and draw on a\n"
                       "                  virtual screen; no terminal is needed. Keys: characters\n"
                       "                  stand for themselves, <Enter> <Esc> <Tab> <BS> <Space>\n"
                       "                  <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>\n"
                       "                  <C-d> <F1> <lt>, <Dump> writes the screen, <Resize 60x15>\n"
                       "                  resizes it; a line starting with # is a comment\n"
                       "  --dump FILE     where <Dump> writes the screen text and an attribute layer\n"
                       "                  (the last screen is written when the script has no <Dump>)\n"
                       "  --size COLSxLINES  size of the virtual screen (default 80x24)\n"
                       "  --bytes FILE    write the bytes sent to the terminal after each key\n"
                       "  --tty-out FILE  keep what was sent to the virtual terminal\n"));
}

struct ui_opts {
    const char *script, *dump, *bytes, *tty_out;
    int lines, cols;
};

static int parse_opts(int argc, char **argv, struct ui_opts *o)
{
    o->lines = 24;
    o->cols = 80;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **dest = NULL;
        if (!strcmp(arg, "--script"))
            dest = &o->script;
        else if (!strcmp(arg, "--dump"))
            dest = &o->dump;
        else if (!strcmp(arg, "--bytes"))
            dest = &o->bytes;
        else if (!strcmp(arg, "--tty-out"))
            dest = &o->tty_out;
        else if (!strcmp(arg, "--size")) {
            if (i + 1 >= argc || sscanf(argv[i + 1], "%dx%d", &o->cols, &o->lines) != 2 ||
                o->cols < 1 || o->lines < 1 || o->cols > 1000 || o->lines > 1000) {
                ui_error(_("--size needs COLSxLINES, e.g. 80x24"));
                return -1;
            }
            i++;
            continue;
        } else {
            ui_error(_("unknown option \"%s\""), arg);
            fprintf(stderr, _("Try '%s --help'.\n"), "mutasi");
            return -1;
        }
        if (i + 1 >= argc) {
            ui_error(_("%s needs a file"), arg);
            return -1;
        }
        *dest = argv[++i];
    }
    if ((o->dump || o->bytes || o->tty_out) && !o->script) {
        ui_error(_("--dump, --bytes and --tty-out go with --script"));
        return -1;
    }
    return 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* language: id|en|auto. gettext ignores LANGUAGE in the C locale, so a
 * chosen language moves LC_MESSAGES to C.UTF-8 first; setlocale also makes
 * gettext forget the messages it has already looked up. */
void ui_set_language(const char *lang)
{
    if (!lang || !*lang || !strcmp(lang, "auto"))
        return;
    setenv("LANGUAGE", lang, 1);
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX"))
        setlocale(LC_MESSAGES, "C.UTF-8");
    else
        setlocale(LC_MESSAGES, cur);
}

static int open_terminal(struct app *a, const struct ui_opts *o, FILE **tty_out)
{
    char err[256];
    if (!o->script) {
        if (ui_term_open_real(&a->term, err, sizeof err) != 0) {
            ui_error("%s", err);
            return -1;
        }
        return 0;
    }
    char *text = read_file(o->script);
    if (!text) {
        ui_error(_("cannot read the script %s"), o->script);
        return -1;
    }
    struct script_step *steps;
    size_t n;
    int rc = ui_script_parse(text, &steps, &n, err, sizeof err);
    free(text);
    if (rc != 0) {
        ui_error("%s: %s", o->script, err);
        return -1;
    }
    *tty_out = o->tty_out ? fopen(o->tty_out, "w+") : tmpfile();
    if (!*tty_out) {
        ui_error(_("cannot write %s"), o->tty_out ? o->tty_out : "tmpfile");
        free(steps);
        return -1;
    }
    if (ui_term_open_scripted(&a->term, o->lines, o->cols, *tty_out, err, sizeof err) != 0) {
        ui_error("%s", err);
        free(steps);
        return -1;
    }
    a->term.steps = steps;
    a->term.nsteps = n;
    if (o->dump && !(a->term.dump = fopen(o->dump, "w"))) {
        ui_error(_("cannot write %s"), o->dump);
        return -1;
    }
    if (o->bytes && !(a->term.bytes_log = fopen(o->bytes, "w"))) {
        ui_error(_("cannot write %s"), o->bytes);
        return -1;
    }
    return 0;
}

int ui_run(const struct ops_env *env, int argc, char **argv)
{
    struct ui_opts o;
    memset(&o, 0, sizeof o);
    if (parse_opts(argc, argv, &o) != 0)
        return OPS_USAGE;
    static struct app a;
    memset(&a, 0, sizeof a);
    a.env = env;
    a.user = env->user;
    ui_keymap_defaults();
    ui_top_screens_register();
    if (ui_setup_session(&a) != 0)
        return OPS_REFUSED;
    ui_top_screens_allow(&a.ops);
    FILE *tty_out = NULL;
    if (open_terminal(&a, &o, &tty_out) != 0) {
        ui_end_session(&a);
        return OPS_REFUSED;
    }
    a.ascii = !a.term.utf8;
    a.color = a.term.color && a.want_color;
    char note[200];
    if (store_read_only_reason(a.db, note, sizeof note))
        ui_app_message(&a, "%s", note);     /* the first screen says it */
    int rc = OPS_OK;
    for (int i = 0; i < TOPS_MAX; i++)
        if (ui_top_present(i) && !(a.tops[i] = ui_top_screens[i].create(&a)))
            rc = OPS_REFUSED;
    if (rc == OPS_OK) {
        ui_app_run_loop(&a);
        if (a.term.scripted && a.term.dump && a.term.ndumps == 0)
            ui_term_dump(&a.term);
    }
    while (a.depth)
        ui_screen_free(a.stack[--a.depth]);
    for (int i = 0; i < TOPS_MAX; i++)
        ui_screen_free(a.tops[i]);
    if (a.term.dump)
        fclose(a.term.dump);
    if (a.term.bytes_log)
        fclose(a.term.bytes_log);
    ui_term_close(&a.term);
    if (tty_out)
        fclose(tty_out);
    ui_history_free(&a.search_hist);
    ui_history_free(&a.prompt_hist);
    ui_end_session(&a);
    if (ui_term_should_quit())
        return OPS_OK;
    return rc;
}
