/* The session: configuration, language, key bindings, who is at the
 * keyboard and the database, opened by the service layer (ops_open) as
 * the verbs open it. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "core/i18n.h"
#include "store/store.h"
#include "ui/uipriv.h"

void ui_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mutasi: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void describe_roles(unsigned roles, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (unsigned bit = 1; bit <= ROLE_ADMIN && used + 2 < size; bit <<= 1)
        if (roles & bit)
            used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "," : "",
                                     role_name(bit));
}

/* Key bindings from ui.yaml; a wrong one is reported on the message line
 * rather than refusing to start. */
static void apply_bindings(struct app *a, const struct ui_config *ui)
{
    for (int i = 0; i < ui->nbindings; i++) {
        char err[160];
        if (ui_keymap_bind(ui->bindings[i].action, ui->bindings[i].key, err, sizeof err) != 0)
            ui_app_message(a, "%s", err);
    }
}

/* The refusal as the verbs print it: configuration errors one a line as
 * they are, the last line prefixed. */
static void print_refusal(const struct ops_err *e)
{
    const char *line = e->msg;
    for (const char *nl; (nl = strchr(line, '\n')) && nl[1]; line = nl + 1)
        fprintf(stderr, "%.*s\n", (int)(nl - line), line);
    ui_error("%.*s", (int)strcspn(line, "\n"), line);
}

int ui_setup_session(struct app *a)
{
    struct ops_err e;
    if (ops_open(&a->ops, a->env, OPS_NO_DB, &e) != OPS_OK) {
        print_refusal(&e);
        return -1;
    }
    /* Read-only: browsing never writes, and several operators share it. */
    if (ops_open_db(&a->ops, OPS_READ, &e) != OPS_OK) {
        print_refusal(&e);
        ui_error("%s", _("create a database with 'mutasi init' or 'mutasi demo', "
                         "or choose one with --db DIR"));
        ops_close(&a->ops);
        return -1;
    }
    const struct config *cfg = a->ops.cfg;
    ui_set_language(cfg->ui.language);
    a->policy = cfg->policy;
    a->want_color = cfg->ui.color;
    ui_inbox_register_steps(&cfg->workflow);   /* before the bindings: rebindable */
    apply_bindings(a, &cfg->ui);
    a->user = a->ops.user;
    describe_roles(a->ops.roles, a->roles, sizeof a->roles);
    a->db = a->ops.db;
    return 0;
}

void ui_end_session(struct app *a)
{
    ops_close(&a->ops);
    a->db = NULL;
}
