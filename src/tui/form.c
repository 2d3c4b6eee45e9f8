/* form.c: a form of fields in a frame over the current screen.
 *
 * Validation is inline: leaving a field checks it, and its error stays
 * beside it until it is right.  Saving checks every field; with any error
 * nothing is written and the cursor goes to the first wrong field.  The
 * owner's save() writes in one transaction, so a refusal from the store (a
 * lock, a duplicate code) also leaves nothing behind.  Esc leaves without
 * writing anything.
 *
 * Keys: typing edits the field; Tab, Down or Enter go to the next field
 * (Enter on the last one saves); S-Tab or Up go back; F2 or C-s save from
 * anywhere; Space cycles a field with choices; Esc cancels. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

#define LABEL_W 16

static void form_dump(void *ctx, FILE *f)
{
	tui_form *fm = ctx;
	fprintf(f, "form.title=%s\n", fm->title);
	fprintf(f, "form.field=%s\n", fm->fields[fm->cur].label);
	fprintf(f, "form.error=%s\n", fm->error);
	for (int i = 0; i < fm->n_fields; i++) {
		const tui_field *fd = &fm->fields[i];
		fprintf(f, "field.%s=%s\n", fd->label, fd->value);
		if (fd->error[0])
			fprintf(f, "field.%s.error=%s\n", fd->label, fd->error);
		if (fd->readonly)
			fprintf(f, "field.%s.readonly=%s\n", fd->label, fd->readonly);
	}
}

static bool check_field(tui *t, tui_form *fm, int i)
{
	tui_field *fd = &fm->fields[i];
	fd->error[0] = '\0';
	if (fd->readonly || !fd->validate)
		return true;
	char msg[256];
	const char *e = fd->validate(t, fm->ctx, fd->value, msg, sizeof msg);
	if (e)
		snprintf(fd->error, sizeof fd->error, "%s", e);
	return e == NULL;
}

/* Rows a field takes: its own, its error's or lock's (wrapped). */
static int field_rows(const tui_field *fd, int w)
{
	const char *note = fd->error[0] ? fd->error : fd->readonly;
	return 1 + (note ? tui_wrap_rows(w, note) : 0);
}

static void draw_form(tui *t, tui_form *fm)
{
	tui_draw(t);
	if (t->too_small)
		return;
	int w = COLS - 4 < 78 ? COLS - 4 : 78;
	int note_w = w - 4 - LABEL_W - 1;
	int avail = LINES - 2 - 4; /* frame, hint, form error */
	int need = 0;
	for (int i = 0; i < fm->n_fields; i++)
		need += field_rows(&fm->fields[i], note_w);
	/* Fields scroll when they do not all fit: the one being edited is
	 * always shown. */
	int first = 0;
	for (;;) {
		int rows = 0;
		for (int i = first; i <= fm->cur; i++)
			rows += field_rows(&fm->fields[i], note_w);
		if (rows <= avail || first == fm->cur)
			break;
		first++;
	}
	int body = need < avail ? need : avail;
	int h = body + 4;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	tui_box(y0, x0, h, w, fm->title);
	int y = y0 + 1, xl = x0 + 2, xv = xl + LABEL_W + 1, vw = w - 4 - LABEL_W - 1;
	for (int i = first; i < fm->n_fields && y < y0 + 1 + body; i++) {
		tui_field *fd = &fm->fields[i];
		bool on = i == fm->cur;
		tui_put(y, xl, LABEL_W, fd->label, on ? R_HEADING : R_NORMAL, true);
		int role = fd->readonly ? R_LOCKED : on ? R_FIELD_ON : R_FIELD;
		char shown[600];
		if (fd->choices)
			snprintf(shown, sizeof shown, "%s ◂▸", fd->value);
		else if (on && !fd->readonly)
			snprintf(shown, sizeof shown, "%s_", fd->value);
		else
			snprintf(shown, sizeof shown, "%s", fd->value);
		/* The end of a long value being edited, where one types; the
		 * start of the others. */
		const char *s = shown;
		while (on && bl_text_width(s) > vw && *s) {
			unsigned cp;
			s += bl_utf8_next(s, strlen(s), &cp);
		}
		tui_put(y, xv, vw, s, role, false);
		y++;
		const char *note = fd->error[0] ? fd->error : fd->readonly;
		if (note)
			y += tui_wrap(y, xv, vw, y0 + 1 + body - y, note,
				      fd->error[0] ? R_ERROR : R_LOCKED);
	}
	if (fm->error[0])
		tui_put(y0 + h - 3, xl, w - 4, fm->error, R_ERROR, false);
	tui_put(y0 + h - 2, xl, w - 4,
		_("Tab/↓ next  ↑ back  Enter next (save on the last)  F2 save  Esc cancel"),
		R_DIM, false);
}

static void next_choice(tui_field *fd, int dir)
{
	const char *c = fd->choices;
	char opts[16][64];
	int n = 0, cur = 0;
	while (*c && n < 16) {
		size_t len = strcspn(c, "|");
		snprintf(opts[n], sizeof opts[n], "%.*s", (int)len, c);
		if (strcmp(opts[n], fd->value) == 0)
			cur = n;
		n++;
		c += len + (c[len] == '|');
	}
	if (n)
		snprintf(fd->value, sizeof fd->value, "%s", opts[(cur + dir + n) % n]);
}

static void pick_choice(tui_field *fd, int k)
{
	const char *c = fd->choices;
	while (*c) {
		size_t len = strcspn(c, "|");
		if ((unsigned char)c[0] == k) {
			snprintf(fd->value, sizeof fd->value, "%.*s", (int)len, c);
			return;
		}
		c += len + (c[len] == '|');
	}
}

static int save_form(tui *t, tui_form *fm)
{
	int first_bad = -1;
	for (int i = 0; i < fm->n_fields; i++)
		if (!check_field(t, fm, i) && first_bad < 0)
			first_bad = i;
	if (first_bad >= 0) {
		fm->cur = first_bad;
		snprintf(fm->error, sizeof fm->error, "%s",
			 _("Nothing was saved: correct the fields marked in red."));
		return 0;
	}
	bl_err err = { { 0 } };
	int field = -1;
	if (fm->save(t, fm, &field, &err) != 0) {
		if (field >= 0 && field < fm->n_fields) {
			snprintf(fm->fields[field].error, sizeof fm->fields[field].error, "%s", err.msg);
			fm->cur = field;
			snprintf(fm->error, sizeof fm->error, "%s", _("Nothing was saved."));
		} else {
			snprintf(fm->error, sizeof fm->error, _("Nothing was saved: %s"), err.msg);
		}
		return 0;
	}
	return 1;
}

int tui_form_run(tui *t, tui_form *fm)
{
	int rc = 0;
	fm->error[0] = '\0';
	while (fm->cur < fm->n_fields - 1 && fm->fields[fm->cur].readonly)
		fm->cur++;
	t->modal_dump = form_dump;
	t->modal_ctx = fm;
	t->modal_name = "form";
	for (;;) {
		draw_form(t, fm);
		refresh();
		int k = tui_getkey(t, -1);
		tui_field *fd = &fm->fields[fm->cur];
		if (k == TUI_KEY_EOF) {
			t->quit = true;
			break;
		}
		if (k == TUI_KEY_NONE || k == TUI_FKEY(KEY_RESIZE))
			continue;
		if (k == TUI_ESC)
			break;
		if (k == TUI_FKEY(KEY_F(2)) || k == TUI_CTRL('s')) {
			if ((rc = save_form(t, fm)) == 1)
				break;
			continue;
		}
		bool enter = k == '\n' || k == '\r' || k == TUI_FKEY(KEY_ENTER);
		if (enter && fm->cur == fm->n_fields - 1) {
			if ((rc = save_form(t, fm)) == 1)
				break;
			continue;
		}
		if (enter || k == '\t' || k == TUI_FKEY(KEY_DOWN)) {
			check_field(t, fm, fm->cur);
			if (fm->cur < fm->n_fields - 1)
				fm->cur++;
			continue;
		}
		if (k == TUI_FKEY(KEY_BTAB) || k == TUI_FKEY(KEY_UP)) {
			check_field(t, fm, fm->cur);
			if (fm->cur > 0)
				fm->cur--;
			continue;
		}
		if (fd->readonly)
			continue; /* the reason is on the screen already */
		if (fd->choices) {
			if (k == ' ' || k == TUI_FKEY(KEY_RIGHT))
				next_choice(fd, 1);
			else if (k == TUI_FKEY(KEY_LEFT))
				next_choice(fd, -1);
			else if (tui_key_printable(k))
				pick_choice(fd, k);
			continue;
		}
		if (k == TUI_FKEY(KEY_BACKSPACE))
			tui_text_backspace(fd->value);
		else if (k == TUI_CTRL('u'))
			fd->value[0] = '\0';
		else if (tui_key_printable(k) && !tui_text_append(fd->value, sizeof fd->value, k))
			snprintf(fd->error, sizeof fd->error, "%s", _("That is as long as this field can be."));
	}
	t->modal_dump = NULL;
	t->modal_ctx = NULL;
	t->modal_name = NULL;
	return rc;
}
