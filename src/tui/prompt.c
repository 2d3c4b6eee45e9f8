/* prompt.c: one line of input on the message line, and yes/no questions.
 *
 * Both are small loops over tui_getkey, drawn over the whole screen
 * (tui_draw first), so a resize while typing re-lays everything and a
 * script drives them like the keyboard. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

bool tui_text_append(char *buf, size_t bufsz, int cp)
{
	char u[5];
	if (cp < 0 || bl_utf8_encode((unsigned)cp, u) == 0)
		return false;
	size_t n = strlen(buf), add = strlen(u);
	if (n + add + 1 > bufsz)
		return false;
	memcpy(buf + n, u, add + 1);
	return true;
}

void tui_text_backspace(char *buf)
{
	size_t n = strlen(buf);
	while (n > 0) {
		n--;
		if (((unsigned char)buf[n] & 0xC0) != 0x80)
			break;
	}
	buf[n] = '\0';
}

bool tui_key_printable(int k)
{
	return k >= 32 && k != 127 && !TUI_IS_FKEY(k) && !(k >= 0x80 && k < 0xA0);
}

typedef struct prompt_state {
	const char *label;
	char *text;
	const char *error;
} prompt_state;

static void prompt_dump(void *ctx, FILE *f)
{
	prompt_state *p = ctx;
	fprintf(f, "prompt.label=%s\nprompt.text=%s\nprompt.error=%s\n", p->label,
		p->text, p->error ? p->error : "");
}

int tui_prompt(tui *t, const char *label, const char *initial, char *out,
	       size_t outsz, tui_validate_fn validate, void *ctx)
{
	char text[1024], msg[512];
	snprintf(text, sizeof text, "%s", initial ? initial : "");
	prompt_state ps = { label, text, NULL };
	t->modal_dump = prompt_dump;
	t->modal_ctx = &ps;
	t->modal_name = "prompt";
	int rc = 0;
	for (;;) {
		tui_draw(t);
		if (!t->too_small) {
			int y = LINES - 2;
			tui_fill(y, 0, COLS, R_FIELD_ON);
			int x = tui_puts(y, 0, label, R_FIELD_ON);
			/* Show the end of a long text: that is where one types. */
			int room = COLS - x - 1;
			const char *s = text;
			while (bl_text_width(s) > room && *s) {
				unsigned cp;
				s += bl_utf8_next(s, strlen(s), &cp);
			}
			x += tui_puts(y, x, s, R_FIELD_ON);
			tui_puts(y, x, "_", R_FIELD_ON);
			if (ps.error)
				tui_put(LINES - 1, 0, COLS, ps.error, R_ERROR, false);
			else
				tui_put(LINES - 1, 0, COLS, _("Enter: done   Esc: cancel   C-u: clear"), R_STATUS, false);
		}
		refresh();
		int k = tui_getkey(t, -1);
		if (k == TUI_KEY_EOF) {
			t->quit = true;
			break;
		}
		if (k == TUI_KEY_NONE || k == TUI_FKEY(KEY_RESIZE))
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
		} else if (k == TUI_FKEY(KEY_BACKSPACE)) {
			tui_text_backspace(text);
		} else if (k == TUI_CTRL('u')) {
			text[0] = '\0';
		} else if (tui_key_printable(k)) {
			if (!tui_text_append(text, outsz < sizeof text ? outsz : sizeof text, k))
				ps.error = _("That is as long as the text can be.");
			else
				ps.error = NULL;
		}
	}
	t->modal_dump = NULL;
	t->modal_ctx = NULL;
	t->modal_name = NULL;
	return rc;
}

typedef struct confirm_state {
	const char *question;
} confirm_state;

static void confirm_dump(void *ctx, FILE *f)
{
	confirm_state *c = ctx;
	fprintf(f, "question=%s\n", c->question);
}

bool tui_confirm(tui *t, const char *question)
{
	confirm_state cs = { question };
	t->modal_dump = confirm_dump;
	t->modal_ctx = &cs;
	t->modal_name = "question";
	bool yes = false;
	for (;;) {
		tui_draw(t);
		if (!t->too_small) {
			char buf[1024];
			snprintf(buf, sizeof buf, "%s %s", question, _("(y/n)"));
			tui_put(LINES - 2, 0, COLS, buf, R_FIELD_ON, false);
			tui_put(LINES - 1, 0, COLS, _("y: yes   n or Esc: no"), R_STATUS, false);
		}
		refresh();
		int k = tui_getkey(t, -1);
		if (k == TUI_KEY_EOF) {
			t->quit = true;
			break;
		}
		if (k == 'y' || k == 'Y') {
			yes = true;
			break;
		}
		if (k == 'n' || k == 'N' || k == TUI_ESC)
			break;
	}
	t->modal_dump = NULL;
	t->modal_ctx = NULL;
	t->modal_name = NULL;
	return yes;
}
