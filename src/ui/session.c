/* The session: configuration, language, key bindings, who is at the
 * keyboard and the database. */
#include <stdlib.h>
#include <string.h>
#include "config/config.h"
#include "core/i18n.h"
#include "store/store.h"
#include "ui/uipriv.h"

static void describe_roles(const struct users_config *u, const char *user,
                           char *out, size_t size)
{
    unsigned roles = config_roles_of(u, user);
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

int ui_setup_session(struct app *a)
{
    static struct config cfg;
    struct config_errors errs;
    memset(&errs, 0, sizeof errs);
    if (config_load(a->env->config_dir, &cfg, &errs) != 0) {
        config_errors_print(&errs, stderr);
        return -1;
    }
    ui_set_language(cfg.ui.language);
    a->policy = cfg.policy;
    a->want_color = cfg.ui.color;
    apply_bindings(a, &cfg.ui);
    snprintf(a->user_buf, sizeof a->user_buf, "%s",
             config_effective_user(&cfg.users, a->env->user));
    a->user = a->user_buf;
    describe_roles(&cfg.users, a->user, a->roles, sizeof a->roles);
    config_free(&cfg);
    char err[512];
    /* Read-only: browsing never writes, and several operators share it. */
    store *db = store_open(a->env->db_dir, STORE_READONLY, err, sizeof err);
    if (!db) {
        cli_error("%s", err);
        cli_error("%s", _("create a database with 'mutasi init' or 'mutasi demo', "
                          "or choose one with --db DIR"));
        return -1;
    }
    a->db = db;
    return 0;
}

void ui_end_session(struct app *a)
{
    if (a->db)
        store_close(a->db);
    a->db = NULL;
}
