/* Translation macros. Every user-facing string goes through _() or N_(). */
#ifndef MUTASI_CORE_I18N_H
#define MUTASI_CORE_I18N_H
#include <libintl.h>
#include <string.h>
#define _(s) gettext(s)
#define N_(s) (s)

/* A message with a context (msgctxt), where one English word is
 * translated two ways (a tab's short name beside a screen's title).
 * NC_ marks it in a table (xgettext --keyword=NC_:1c,2); C_ translates
 * what NC_ made, or gives the English word back when no catalogue has it:
 *     const char *tab = NC_("tab", "Inbox");   ...   C_(tab)            */
#define NC_(ctx, s) ctx "\004" s
static inline const char *C_(const char *key)
{
    const char *t = gettext(key);
    const char *word = strchr(key, '\004');
    return t == key && word ? word + 1 : t;
}
#endif
