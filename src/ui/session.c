/* The session: configuration, language, key bindings, who is at the
 * keyboard and the database. */
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/uipriv.h"

int ui_setup_session(struct app *a)
{
    a->db = NULL;
    a->roles[0] = '\0';
    return 0;
}

void ui_end_session(struct app *a)
{
    a->db = NULL;
}
