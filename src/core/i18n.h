/* i18n.h: gettext from the start, so Danish and Norwegian translations can
 * follow without touching the code.  Mark user-facing strings with _() (or
 * N_() where a string must be a constant and is translated later). */
#ifndef BL_CORE_I18N_H
#define BL_CORE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
