/* The Units screen. */
#include "core/i18n.h"
#include "ui/uipriv.h"

struct screen *units_screen_new(struct app *a)
{
    struct screen *s = text_screen_new(a, _("Units"));
    if (s)
        text_screen_add(s, 0, "%s", _("No database yet."));
    return s;
}
