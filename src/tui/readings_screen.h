/* readings_screen.h: what the amendments, hearing and versions screens
 * share (readings_common.c): an amendment's changes as one row of text
 * each, the model's view of the stored amendments, signed amounts and
 * completion of line codes and area codes.
 *
 * The change rows of the amendment form (one change a row):
 *   CODE YEAR AMOUNT        the line's amount in YEAR becomes AMOUNT
 *   CODE YEAR =AMOUNT       the same (for a negative amount: =-500)
 *   CODE YEAR +DELTA        the amount changes by DELTA
 *   CODE YEAR -DELTA
 *   remove CODE             the line and all its amounts go
 *   new CODE AREA expense|income [capital] YEAR=AMOUNT... TITLE
 *                           a new line in AREA (code or path), with an
 *                           amount for each YEAR given, and its title
 * Amounts in the process language's notation (1.500.000 in Danish), read
 * by the project's money parser: exact øre, never floating point. */
#ifndef BL_TUI_READINGS_SCREEN_H
#define BL_TUI_READINGS_SCREEN_H

#include <stddef.h>

#include "core/amend.h"
#include "store/amend_store.h"
#include "tui/tui.h"

/* The syntax above, short, for the form. */
const char *tui_change_syntax(void);

/* Parse one row into *out (its strings malloc'd; free with
 * tui_change_free).  Returns 1 for a blank row (nothing in *out), 0 when
 * parsed, -1 with msg set.  Lines are not looked up here. */
int tui_change_parse(const tui *t, const char *text, bl_amend_change *out, char *msg,
		     size_t msgsz);
void tui_change_free(bl_amend_change *c);
/* The row for a stored change, in the syntax above (parse gives it back). */
void tui_change_text(const tui *t, const bl_amend_change *c, char *buf, size_t bufsz);

/* An amount with its sign: "+1.500", "−200", "0" (tui_fmt_amount's). */
void tui_fmt_signed(const tui *t, bl_money v, char *buf, size_t bufsz);

/* Complete the last word of value (after the last blank) among words
 * (n of them), as a form field's complete hook does: 1 changed, 2 stay
 * with msg (the candidates), 0 nothing to complete. */
int tui_complete_word(char *value, size_t size, const char *const *words, size_t n,
		      const char *what, char *msg, size_t msgsz);

/* The codes of every budget line (malloc'd strings, sorted). */
int tui_line_codes(tui *t, char ***out, size_t *n, bl_err *err);
void tui_strings_free(char **v, size_t n);

#endif
