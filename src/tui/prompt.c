/* prompt.c: one line of input on the message line, and yes/no questions.
 *
 * Both are small loops over tui_getkey, drawn over the whole screen
 * (tui_draw first), so a resize while typing re-lays everything and a
 * script drives them like the keyboard.  The text is edited with the line
 * editor of edit.c (cursor keys, Home/End, C-a/C-e, Backspace, Delete,
 * C-d, C-u, C-k, C-w); Alt+key is ignored. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

void tui_modal_set(tui *t, const char *name, void (*dump)(void *ctx, FILE *f), void *ctx)
{
	t->modal_name = name;
	t->modal_dump = name ? dump : NULL;
	t->modal_ctx = name ? ctx : NULL;
}

int tui_modal_key(tui *t)
{
	refresh();
	int k = tui_getkey(t, -1);
	if (k == TUI_KEY_EOF) {
		t->quit = true;
		return k;
	}
	/* Alt+key is neither typed nor a way out; keys pressed while the
	 * screen says "too small" are not meant for a form it hides. */
	if (k == TUI_FKEY(KEY_RESIZE) || TUI_IS_META(k) || t->too_small)
		return TUI_KEY_NONE;
	return k;
}

typedef struct prompt_state {
	const char *label;
	tui_edit ed;
	const char *error;
} prompt_state;

static void prompt_dump(void *ctx, FILE *f)
{
	prompt_state *p = ctx;
	fprintf(f, "prompt.label=%s\nprompt.text=%s\nprompt.cursor=%zu\nprompt.error=%s\n",
		p->label, p->ed.buf, tui_edit_cursor_chars(&p->ed), p->error ? p->error : "");
}

int tui_prompt(tui *t, const char *label, const char *initial, char *out,
	       size_t outsz, tui_validate_fn validate, void *ctx)
{
	char text[1024], msg[512];
	size_t lim = outsz < sizeof text ? outsz : sizeof text;
	snprintf(text, sizeof text, "%s", initial ? initial : "");
	if (lim > 0 && strlen(text) >= lim) {
		/* An initial text longer than the limit: cut it on a character. */
		size_t n = lim - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
		text[n] = '\0';
	}
	prompt_state ps = { label, { 0 }, NULL };
	tui_edit_init(&ps.ed, text, lim);
	tui_modal_set(t, "prompt", prompt_dump, &ps);
	int rc = 0;
	for (;;) {
		tui_draw(t);
		if (!t->too_small) {
			int y = LINES - 2;
			tui_fill(y, 0, COLS, R_FIELD_ON);
			int x = tui_puts(y, 0, label, R_FIELD_ON);
			tui_edit_draw(&ps.ed, y, x, COLS - x, R_FIELD_ON, true);
			if (ps.error)
				tui_put(LINES - 1, 0, COLS, ps.error, R_ERROR, false);
			else
				tui_put(LINES - 1, 0, COLS, _("Enter: done   Esc: cancel   C-u: delete to the start"), R_STATUS, false);
		}
		int k = tui_modal_key(t);
		if (k == TUI_KEY_EOF)
			break;
		if (k == TUI_KEY_NONE)
			continue;
		if (k == TUI_ESC) {
			break;
		} else if (k == '\n' || k == '\r' || k == TUI_FKEY(KEY_ENTER)) {
			ps.error = validate ? validate(t, ctx, text, msg, sizeof msg) : NULL;
			if (ps.error)
				continue;
			snprintf(out, outsz, "%s", text);
			rc = 1;
			break;
		}
		int r = tui_edit_key(&ps.ed, k);
		if (r == TUI_EDIT_FULL)
			ps.error = _("That is as long as the text can be.");
		else if (r == TUI_EDIT_CHANGED)
			ps.error = NULL;
	}
	tui_modal_set(t, NULL, NULL, NULL);
	return rc;
}

typedef struct confirm_state {
	const char *question;
	const char *hint;   /* after a key that answers nothing */
} confirm_state;

static void confirm_dump(void *ctx, FILE *f)
{
	confirm_state *c = ctx;
	fprintf(f, "question=%s\n", c->question);
	fprintf(f, "question.hint=%s\n", c->hint ? c->hint : "");
}

bool tui_confirm(tui *t, const char *question)
{
	return tui_confirm_over(t, question, NULL, NULL);
}

bool tui_confirm_over(tui *t, const char *question,
		      void (*draw)(tui *t, void *ctx), void *ctx)
{
	confirm_state cs = { question, NULL };
	tui_modal_set(t, "question", confirm_dump, &cs);
	bool yes = false;
	for (;;) {
		if (draw)
			draw(t, ctx);
		else
			tui_draw(t);
		if (!t->too_small) {
			char buf[1024];
			snprintf(buf, sizeof buf, "%s %s", question, _("(y/n)"));
			tui_put(LINES - 2, 0, COLS, buf, R_FIELD_ON, false);
			if (cs.hint)
				tui_put(LINES - 1, 0, COLS, cs.hint, R_ERROR, false);
			else
				tui_put(LINES - 1, 0, COLS, _("y: yes   n or Esc: no"), R_STATUS, false);
		}
		int k = tui_modal_key(t);
		if (k == TUI_KEY_EOF)
			break;
		if (k == 'y' || k == 'Y') {
			yes = true;
			break;
		}
		if (k == 'n' || k == 'N' || k == TUI_ESC)
			break;
		/* Any other key answers nothing: say so, rather than swallow
		 * it (a digit typed on the ballots screen is not kept). */
		if (k != TUI_KEY_NONE)
			cs.hint = _("The question is still open: y for yes, n or Esc for no (that key was ignored).");
	}
	tui_modal_set(t, NULL, NULL, NULL);
	return yes;
}
