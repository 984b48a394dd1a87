/* ui.yaml: language, colour and key bindings. Every key is optional: what
 * a file leaves out keeps the value it had (the built-in default, or the
 * site's file under a user's own). Action names stay text here, checked
 * against the names the terminal interface registers. */
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "config/ytree.h"
#include "core/i18n.h"

static const char *const *known_actions;

void config_ui_known_actions(const char *const *names)
{
    known_actions = names;
}

/* Is name an action of the interface (or is nothing registered to say)? */
static bool action_known(const struct yctx *c, const struct ynode *e)
{
    if (!known_actions)
        return true;
    for (const char *const *k = known_actions; *k; k++)
        if (strcmp(*k, e->key) == 0)
            return true;
    const char *s = y_suggest(e->key, known_actions);
    if (s)
        y_key_error(c, e, _("keys: unknown action \"%s\"; did you mean \"%s\"?"), e->key, s);
    else
        y_key_error(c, e, _("keys: unknown action \"%s\" (the help screen, ?, lists them)"),
                    e->key);
    return false;
}

void config_ui_defaults(struct ui_config *out)
{
    memset(out, 0, sizeof *out);
    memcpy(out->language, "auto", 5);
    out->color = true;
}

/* Drops the bindings of one action: a file that binds it replaces them. */
static void unbind(struct ui_config *ui, const char *action)
{
    int k = 0;
    for (int i = 0; i < ui->nbindings; i++)
        if (strcmp(ui->bindings[i].action, action) != 0)
            ui->bindings[k++] = ui->bindings[i];
    ui->nbindings = k;
}

static void bind(const struct yctx *c, const struct ynode *key, const char *what,
                 const char *action, struct ui_config *ui)
{
    if (ui->nbindings == UI_MAX_BINDINGS) {
        y_error(c, key, _("%s: at most %d key bindings in all"), what, UI_MAX_BINDINGS);
        return;
    }
    int i = ui->nbindings;
    if (!y_string(c, key, what, ui->bindings[i].key, sizeof ui->bindings[i].key))
        return;
    memcpy(ui->bindings[i].action, action, strlen(action) + 1);
    ui->nbindings++;
}

static void read_keys(const struct yctx *c, const struct ynode *n, struct ui_config *ui)
{
    if (!y_is_map(c, n, "keys"))
        return;
    for (const struct ynode *e = n->child; e; e = e->next) {
        char what[96];
        snprintf(what, sizeof what, "keys.%s", e->key);
        if (strlen(e->key) == 0 || strlen(e->key) >= sizeof ui->bindings[0].action) {
            y_key_error(c, e, _("keys: an action name has 1 to %zu bytes"),
                        sizeof ui->bindings[0].action - 1);
            continue;
        }
        if (!action_known(c, e))
            continue;
        unbind(ui, e->key);
        if (e->kind == Y_SEQ) {
            for (const struct ynode *k = e->child; k; k = k->next)
                bind(c, k, what, e->key, ui);
            if (e->n == 0)
                y_error(c, e, _("%s must list at least one key"), what);
        } else {
            bind(c, e, what, e->key, ui);
        }
    }
}

static const char *const top_keys[] = {"language", "color", "keys", NULL};
static const char *const languages[] = {"id", "en", "auto", NULL};

int config_parse_ui(const char *name, const unsigned char *buf, size_t len,
                    struct ui_config *out, struct config_errors *errs)
{
    struct yctx c = {.file = name, .errs = errs};
    int before = errs->n;
    struct ui_config *ui = malloc(sizeof *ui);
    if (!ui) {
        cfg_error(errs, name, 0, 0, _("out of memory"));
        return -1;
    }
    *ui = *out;
    struct ynode *root = ytree_parse(&c, buf, len);
    /* An empty ui.yaml is fine: it changes nothing. */
    if (root && y_is_map(&c, root, _("the terminal settings"))) {
        y_check_keys(&c, root, "", top_keys);
        const struct ynode *n;
        int lang;
        if ((n = y_get(root, "language")) && y_choice(&c, n, "language", languages, &lang))
            memcpy(ui->language, languages[lang], strlen(languages[lang]) + 1);
        if ((n = y_get(root, "color")))
            y_bool(&c, n, "color", &ui->color);
        if ((n = y_get(root, "keys")))
            read_keys(&c, n, ui);
    }
    ytree_free(root);
    cfg_sort_errors(errs, before);
    int rc = -1;
    if (errs->n == before) {
        *out = *ui;
        rc = 0;
    }
    free(ui);
    return rc;
}
