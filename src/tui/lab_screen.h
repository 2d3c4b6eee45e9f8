/* lab_screen.h: what the labs screen (screen_labs.c) and the sign-in
 * screen (screen_signin.c) share: text made safe for the terminal, the
 * read-only refusal, the lab's current session, and the forms of
 * lab_forms.c. */
#ifndef BL_TUI_LAB_SCREEN_H
#define BL_TUI_LAB_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lab_store.h"
#include "tui/tui.h"

/* tui_put of tui_clean_line(s). */
void lab_put(int y, int x, int w, const char *s, int role, bool right);
/* An amount in whole kroner (øre when there are any), in the process's
 * language: lab pools and idea costs are small sums, read exactly. */
void lab_fmt_kr(const tui *t, bl_money v, char *buf, size_t bufsz);

/* Why nothing can be written here (the file is open read-only), on the
 * message line; false if writing is possible. */
bool lab_refused(tui *t);
/* Another terminal may have written since the last poll (a script's
 * `exec` does that between two keys): read again before acting. */
void lab_catch_up(tui *t);

/* The lab's latest session (by date, then number), 0 if it has none. */
int64_t lab_latest_session(tui *t, int64_t lab_id);
/* Make the lab the current one (t->lab) with its latest session. */
void lab_make_current(tui *t, int64_t lab_id);
/* When no lab is chosen yet (a fresh start, the labs screen not yet
 * visited): the lab with the highest number, the newest, and its latest
 * session.  The sign-in, ballots and results screens call it when they
 * open. */
void lab_choose_default(tui *t);

/* ---- forms (lab_forms.c): 1 when saved, 0 when cancelled or refused;
 * the message line says which. ---- */
/* A new lab (edit NULL) or a change to one; *id_out its number. */
int lab_form(tui *t, const bl_lab *edit, int64_t *id_out);
/* A new session of the lab; *id_out its number. */
int lab_session_form(tui *t, int64_t lab_id, int64_t *id_out);
/* A new idea of the lab (edit NULL) or a change to one; *number_out its
 * number. */
int lab_idea_form(tui *t, int64_t lab_id, const bl_idea *edit, int64_t *number_out);

#endif
