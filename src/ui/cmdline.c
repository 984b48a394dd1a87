/* The `:` prompt: the commands it knows (besides every action and the top
 * screens' names), their completion with Tab, and running a command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/nip.h"
#include "ui/uipriv.h"

/* Besides these: the top screens' names (registry) and every action. */
static const char *const commands[] = {
    "check", "help", "quit", "q", "search", "staff find", "staff show", "workload", NULL,
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

static void complete_command(struct app *a, char *buf, size_t size)
{
    size_t n = strlen(buf);
    char common[128] = "";
    int matches = 0;
    char list[256] = "";
    for (size_t i = 0;; i++) {
        const char *c = completion(i);
        if (!c)
            break;
        if (strncmp(c, buf, n) != 0)
            continue;
        if (matches++ == 0) {
            snprintf(common, sizeof common, "%s", c);
        } else {
            size_t k = 0;
            while (common[k] && common[k] == c[k])
                k++;
            common[k] = '\0';
        }
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", used ? " " : "", c);
    }
    if (matches == 0) {
        ui_app_message(a, "%s", _("no command starts like that"));
        return;
    }
    if (strlen(common) > n)
        snprintf(buf, size, "%s%s", common, matches == 1 ? " " : "");
    else
        ui_app_message(a, "%s", list);
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
