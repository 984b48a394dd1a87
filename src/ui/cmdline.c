/* The `:` prompt: the commands it knows (besides every action and the top
 * screens' names), their completion with Tab, and running a command line. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ops/plan.h"
#include "ui/plan_edit.h"
#include "ui/uipriv.h"

/* Besides these: the top screens' names (registry) and every action. */
static const char *const commands[] = {
    "check", "help", "quit", "q", "search", "staff find", "staff show", "workload",
    "plan show", NULL,
};

/* The i-th word the prompt completes: commands, top screens, actions. */
static const char *completion(size_t i)
{
    size_t ncommands = sizeof commands / sizeof *commands - 1;
    if (i < ncommands)
        return commands[i];
    i -= ncommands;
    for (int t = 0; t < TOPS_MAX; t++)
        if (ui_top_present(t) && i-- == 0)
            return ui_top_screens[t].name;
    const struct action_def *d = ui_action_at(i);
    return d ? d->name : NULL;
}

/* ---- choices ------------------------------------------------------------ */
#define KEY_CHOICES_MAX 200     /* read no further: type more to narrow */
struct choices {
    char common[128];           /* what every choice begins with */
    int n;
    bool more;                  /* stopped at KEY_CHOICES_MAX */
    bool packed;                /* words side by side, not one a line */
    int width;                  /* packed: the line's cells */
    char text[2048];
    size_t used, line;          /* line: where the present line starts */
};

static void choice_add(struct choices *c, const char *key, const char *name)
{
    if (c->n++ == 0) {
        snprintf(c->common, sizeof c->common, "%s", key);
    } else {
        size_t k = 0;
        while (c->common[k] && c->common[k] == key[k])
            k++;
        c->common[k] = '\0';
    }
    char item[256];
    if (name && *name)
        snprintf(item, sizeof item, "%s  %s", key, name);
    else
        snprintf(item, sizeof item, "%s", key);
    const char *sep = c->used ? "\n" : "";
    if (c->packed && c->used &&
        ui_text_width(c->text + c->line) + 2 + ui_text_width(item) < c->width)
        sep = "  ";
    if (c->used + strlen(sep) + strlen(item) + 1 >= sizeof c->text) {
        c->more = true;
        return;
    }
    if (*sep == '\n')
        c->line = c->used + 1;
    c->used += (size_t)snprintf(c->text + c->used, sizeof c->text - c->used, "%s%s", sep, item);
}

static int key_seen(const char *key, const char *name, void *ctx)
{
    struct choices *c = ctx;
    if (c->n >= KEY_CHOICES_MAX) {
        c->more = true;
        return 1;
    }
    choice_add(c, key, name);
    return 0;
}

/* One choice: it replaces what was typed of it, and a space follows.
 * Several: what they share is filled in, or, when nothing more is shared,
 * they are shown above the prompt. typed points into buf. */
static void choices_apply(struct app *a, struct choices *c, char *buf, size_t size,
                          char *typed, size_t typed_len)
{
    if (c->n == 0) {
        ui_app_choices(a, _("nothing matches what is typed"));
        return;
    }
    size_t at = (size_t)(typed - buf);
    if (c->n == 1 && !c->more) {
        snprintf(typed, size - at, "%s ", c->common);
        return;
    }
    if (strlen(c->common) > typed_len) {
        snprintf(typed, size - at, "%s", c->common);
        return;
    }
    if (c->more) {
        size_t room = sizeof c->text - c->used;
        snprintf(c->text + c->used, room, "\n%s", _("... and more: type more to narrow"));
    }
    ui_app_choices(a, c->text);
}

/* Some commands are also actions (quit, help, search): list them once. */
static bool listed_before(size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (!strcmp(completion(k), completion(i)))
            return true;
    return false;
}

static void complete_words(struct app *a, char *buf, size_t size)
{
    struct choices c = {.packed = true, .width = COLS - 1};
    size_t n = strlen(buf);
    for (size_t i = 0; completion(i); i++)
        if (strncmp(completion(i), buf, n) == 0 && !listed_before(i))
            choice_add(&c, completion(i), NULL);
    choices_apply(a, &c, buf, size, buf, n);
}

static void complete_nip(struct app *a, char *buf, size_t size, char *typed)
{
    struct choices c = {0};
    struct ops_err e;
    if (ops_complete_nip(&a->ops, typed, key_seen, &c, &e) == OPS_REFUSED) {
        ui_app_choices(a, e.msg);
        return;
    }
    size_t digits = 0;
    for (const char *p = typed; *p; p++)
        digits += *p != ' ';
    choices_apply(a, &c, buf, size, typed, digits);
}

static void complete_position(struct app *a, char *buf, size_t size, char *typed)
{
    struct choices c = {0};
    struct ops_err e;
    if (ops_complete_position(&a->ops, typed, key_seen, &c, &e) == OPS_REFUSED) {
        ui_app_choices(a, e.msg);
        return;
    }
    choices_apply(a, &c, buf, size, typed, strlen(typed));
}

static void complete_plan(struct app *a, char *buf, size_t size, char *typed)
{
    struct ops_plan_item *items = NULL;
    size_t n = 0;
    struct ops_err e;
    if (ops_plan_list(&a->ops, &items, &n, &e) != OPS_OK) {
        ui_app_choices(a, e.msg);
        return;
    }
    struct choices c = {0};
    for (size_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "%u", (unsigned)items[i].plan.id);
        if (!strncmp(id, typed, strlen(typed)))
            key_seen(id, items[i].plan.name, &c);
    }
    free(items);
    choices_apply(a, &c, buf, size, typed, strlen(typed));
}

/* check NIP POSITION: the NIP (digits, perhaps with spaces) until it has
 * its 18 digits, then the position code. */
static void complete_check(struct app *a, char *buf, size_t size, char *args)
{
    while (*args == ' ')
        args++;
    size_t digits = 0;
    bool only_nip = true;
    for (const char *p = args; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p != ' ')
            only_nip = false;
    }
    if (only_nip && (digits < NIP_LEN || args[strlen(args) - 1] != ' ')) {
        complete_nip(a, buf, size, args);
        return;
    }
    char *last = strrchr(args, ' ');
    complete_position(a, buf, size, last ? last + 1 : args + strlen(args));
}

/* Tab: the words of the command line, then its arguments (NIPs, position
 * codes, plan ids) from the database. */
static void complete_command(struct app *a, char *buf, size_t size)
{
    static const struct {
        const char *command;
        void (*complete)(struct app *, char *, size_t, char *);
    } args[] = {
        {"check ", complete_check},
        {"staff show ", complete_nip},
        {"plan show ", complete_plan},
    };
    for (size_t i = 0; i < sizeof args / sizeof *args; i++) {
        size_t len = strlen(args[i].command);
        if (!strncmp(buf, args[i].command, len)) {
            if (!a->db) {
                ui_app_choices(a, _("no database is open"));
                return;
            }
            args[i].complete(a, buf, size, buf + len);
            return;
        }
    }
    complete_words(a, buf, size);
}

/* plan show ID: the plan in its editor, over the Plans screen. */
static void open_plan(struct app *a, const char *rest)
{
    char sub[16] = "", extra[8] = "";
    unsigned id = 0;
    if (sscanf(rest, "%15s %u %7s", sub, &id, extra) != 2 || strcmp(sub, "show") || !id) {
        ui_app_message(a, "%s", _("usage: plan show ID (Tab lists the plans)"));
        return;
    }
    int top = ui_top_by_name("plans");
    if (top < 0) {
        ui_app_message(a, "%s", _("plans: your roles do not allow it"));
        return;
    }
    ui_app_switch_top(a, top);
    ui_app_push(a, ui_plan_editor_new(a, id));
}

void ui_app_command(struct app *a, const char *line)
{
    while (*line == ' ')
        line++;
    char word[64] = "", rest[192] = "";
    sscanf(line, "%63s %191[^\n]", word, rest);
    if (!word[0])
        return;
    if (!strcmp(word, "q") || !strcmp(word, "quit")) {
        ui_app_quit(a);
    } else if (!strcmp(word, "help")) {
        ui_app_run_action(a, ACT_HELP, 1);
    } else if (!strcmp(word, "workload")) {
        ui_app_switch_top(a, ui_top_by_name("units"));
    } else if (ui_top_by_name(word) >= 0 && strcmp(word, "staff")) {
        ui_app_switch_top(a, ui_top_by_name(word));
    } else if (!strcmp(word, "check") && (!rest[0] || !strcmp(rest, "--own-request"))) {
        ui_check_pick(a, rest[0] != '\0');
    } else if (!strcmp(word, "check")) {
        char nip[64] = "", pos[64] = "";
        /* The NIP may be written with its spaces: the position is the last
         * word, after it only --own-request, as on the command line. */
        size_t len = strlen(rest);
        while (len && rest[len - 1] == ' ')
            rest[--len] = '\0';
        bool own = len >= 13 && !strcmp(rest + len - 13, "--own-request");
        if (own)
            rest[len - 13] = '\0';
        len = strlen(rest);
        while (len && rest[len - 1] == ' ')
            rest[--len] = '\0';
        const char *last = strrchr(rest, ' ');
        if (!last || sscanf(last + 1, "%63s", pos) != 1) {
            ui_app_message(a, "%s", _("usage: check NIP POSITION [--own-request]"));
            return;
        }
        snprintf(nip, sizeof nip, "%.*s", (int)(last - rest), rest);
        ui_app_push(a, ui_check_screen_new(a, nip, pos, own));
    } else if (!strcmp(word, "staff") || !strcmp(word, "search")) {
        if (!strcmp(word, "staff"))
            ui_app_switch_top(a, ui_top_by_name("staff"));
        char sub[16] = "", arg[128] = "";
        if (!strcmp(word, "search"))
            snprintf(arg, sizeof arg, "%.127s", rest);
        else
            sscanf(rest, "%15s %127[^\n]", sub, arg);
        if (!strcmp(word, "staff") && sub[0] && strcmp(sub, "find") && strcmp(sub, "show")) {
            ui_app_message(a, _("unknown command \"%s\"; try staff find TEXT or staff show NIP"), line);
            return;
        }
        if (!strcmp(sub, "show") && arg[0]) {
            /* A NIP names one person: open it wherever the list stands. */
            char nip[NIP_LEN + 1];
            enum nip_error e = nip_parse(arg, strlen(arg), nip);
            if (e != NIP_OK)
                ui_app_message(a, "%s: %s", arg, nip_error_text(e));
            else
                ui_app_push(a, ui_staff_detail_new(a, nip));
            return;
        }
        if (arg[0]) {
            struct screen *s = ui_app_current(a);
            if (!ui_screen_can_search(s))
                return;
            memcpy(a->search, arg, sizeof a->search);
            ui_history_add(&a->search_hist, arg);
            if (!ui_screen_search(s, arg, 1, true))
                ui_app_message(a, _("not found: %s"), arg);
            else if (!strcmp(sub, "show"))
                ui_app_run_action(a, ACT_OPEN, 1);
        }
    } else if (!strcmp(word, "plan")) {
        open_plan(a, rest);
    } else if (ui_action_by_name(word)) {
        int count = atoi(rest);
        ui_app_run_action(a, ui_action_by_name(word)->id, count > 0 ? count : 1);
    } else {
        ui_app_message(a, _("unknown command \"%s\"; Tab lists the commands"), word);
    }
}

void ui_cmdline_prompt(struct app *a)
{
    char buf[256];
    a->msg[0] = '\0';
    if (ui_app_read_line(a, ":", buf, sizeof buf, &a->prompt_hist, NULL, complete_command))
        ui_app_command(a, buf);
}
