/* Translation macros. Every user-facing string goes through _() or N_(). */
#ifndef MUTASI_CORE_I18N_H
#define MUTASI_CORE_I18N_H
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)
#endif
