/* The session: configuration, language, key bindings, who is at the
 * keyboard and the database. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "store/store.h"
#include "ui/uipriv.h"

int ui_setup_session(struct app *a)
{
    policy_defaults(&a->policy);
    a->roles[0] = '\0';
    char err[512];
    /* Read-only: browsing never writes, and several operators share it. */
    store *db = store_open(a->env->db_dir, STORE_READONLY, err, sizeof err);
    if (!db) {
        cli_error("%s", err);
        cli_error(_("create a database with 'mutasi init' or 'mutasi demo', "
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
