/* form.c: a form of fields in a frame over the current screen.
 *
 * Validation is inline: every edit checks the field at once, and so does
 * leaving it; its error stays beside it until it is right.  A field's warn
 * (after its validation passes) is shown beside it too, in another role,
 * and never stops saving.  Saving checks every field; with any error
 * nothing is written and the cursor goes to the first wrong field.  The
 * owner's save() writes in one transaction, so a refusal from the store (a
 * lock, a duplicate code) also leaves nothing behind.  Esc leaves without
 * writing anything: at once if nothing was changed, else after asking.
 *
 * Keys: the line editor of edit.c edits the field (Left/Right, Home/End,
 * C-a/C-e, Backspace, Delete/C-d, C-u, C-k, C-w, typing inserts at the
 * cursor); Tab, Down or Enter go to the next field (Enter on the last one
 * saves; Tab on the last goes to the first; in a field with a completion
 * hook Tab first completes the last word, e.g. a line's code, and moves on
 * only when there is nothing to complete); S-Tab or Up go back (S-Tab on
 * the first goes to the last); F2 or C-s save from anywhere; Space,
 * Left/Right or a choice's first letter (or, in a numbered field, its
 * number: 1 the first) change a field with choices; Esc
 * cancels.  Typing in a read-only field says why; Alt+key is ignored. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

#define LABEL_W 16

/* A form while it runs: the editor of the current field and the values
 * as they were when the form opened. */
typedef struct form_run {
	tui_form *fm;
	tui_edit ed;
	int ed_field;          /* the field ed edits, -1: none yet */
	char (*orig)[sizeof ((tui_field *)0)->value];
	bool lock_msg;         /* fm->error says a field is locked */
} form_run;

static bool changed(const form_run *r)
{
	if (!r->orig)
		return true; /* cannot tell: ask */
	for (int i = 0; i < r->fm->n_fields; i++)
		if (strcmp(r->orig[i], r->fm->fields[i].value) != 0)
			return true;
	return false;
}

const char *tui_check_text(const char *what, const char *text, bool required, size_t max,
			   char *msg, size_t msgsz)
{
	size_t n = strlen(text);
	if (strspn(text, " ") == n) {
		if (!required)
			return NULL;
		snprintf(msg, msgsz, _("%s is required."), what);
		return msg;
	}
	if (n > max) {
		snprintf(msg, msgsz, _("%s is %zu bytes long; at most %zu are allowed."), what, n, max);
		return msg;
	}
	if (!bl_utf8_valid(text, n)) {
		snprintf(msg, msgsz, _("%s is not valid UTF-8 text."), what);
		return msg;
	}
	for (size_t i = 0; i < n;) {
		unsigned cp;
		i += bl_utf8_next(text + i, n - i, &cp);
		/* C0, DEL and C1: a stray escape sequence must not reach a
		 * terminal, nor the projector. */
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			snprintf(msg, msgsz, _("%s contains a control character (U+%04X)."), what, cp);
			return msg;
		}
	}
	return NULL;
}

static void form_dump(void *ctx, FILE *f)
{
	form_run *r = ctx;
	tui_form *fm = r->fm;
	fprintf(f, "form.title=%s\n", fm->title);
	fprintf(f, "form.field=%s\n", fm->fields[fm->cur].label);
	fprintf(f, "form.cursor=%zu\n", r->ed_field == fm->cur ? tui_edit_cursor_chars(&r->ed) : 0);
	fprintf(f, "form.changed=%s\n", changed(r) ? "yes" : "no");
	fprintf(f, "form.error=%s\n", fm->error);
	if (fm->hint)
		fprintf(f, "form.hint=%s\n", fm->hint);
	for (int i = 0; i < fm->n_fields; i++) {
		const tui_field *fd = &fm->fields[i];
		fprintf(f, "field.%s=%s\n", fd->label, fd->value);
		if (fd->error[0])
			fprintf(f, "field.%s.error=%s\n", fd->label, fd->error);
		if (fd->warning[0])
			fprintf(f, "field.%s.warning=%s\n", fd->label, fd->warning);
		if (fd->readonly)
			fprintf(f, "field.%s.readonly=%s\n", fd->label, fd->readonly);
	}
}

/* The field's warning, given that its text is valid. */
static void warn_field(tui *t, tui_form *fm, int i)
{
	tui_field *fd = &fm->fields[i];
	fd->warning[0] = '\0';
	if (fd->readonly || fd->error[0] || !fd->warn)
		return;
	char msg[512];
	const char *w = fd->warn(t, fm->ctx, fd->value, msg, sizeof msg);
	if (w)
		snprintf(fd->warning, sizeof fd->warning, "%s", w);
}

static bool check_field(tui *t, tui_form *fm, int i)
{
	tui_field *fd = &fm->fields[i];
	fd->error[0] = '\0';
	fd->warning[0] = '\0';
	if (fd->readonly)
		return true;
	if (fd->validate) {
		char msg[256];
		const char *e = fd->validate(t, fm->ctx, fd->value, msg, sizeof msg);
		if (e)
			snprintf(fd->error, sizeof fd->error, "%s", e);
	}
	warn_field(t, fm, i);
	return fd->error[0] == '\0';
}

/* A warning may depend on other fields (an amount on the direction): after
 * a change, every other field's warning is worked out again, quietly,
 * from its text as it is. */
static void rewarn(tui *t, tui_form *fm, int except)
{
	for (int i = 0; i < fm->n_fields; i++) {
		tui_field *fd = &fm->fields[i];
		if (i == except || !fd->warn || fd->readonly || fd->error[0])
			continue;
		char msg[256];
		if (fd->validate && fd->validate(t, fm->ctx, fd->value, msg, sizeof msg))
			fd->warning[0] = '\0';
		else
			warn_field(t, fm, i);
	}
}

/* What is written under field i: its error, or why it is locked, once
 * for a run of fields locked for the same reason (four years of amounts
 * need not say it four times), and again where the view starts. */
static const char *field_note(const tui_form *fm, int i, int first)
{
	const tui_field *fd = &fm->fields[i];
	if (fd->error[0])
		return fd->error;
	if (!fd->readonly)
		return NULL;
	const tui_field *prev = i > first ? &fm->fields[i - 1] : NULL;
	if (prev && prev->readonly && !prev->error[0] && strcmp(prev->readonly, fd->readonly) == 0)
		return NULL;
	return fd->readonly;
}

/* Rows a field takes: its own, its note's, its warning's (wrapped). */
static int field_rows(const tui_form *fm, int i, int first, int w)
{
	const tui_field *fd = &fm->fields[i];
	const char *note = field_note(fm, i, first);
	return 1 + (note ? tui_wrap_rows(w, note) : 0) +
	       (fd->warning[0] ? tui_wrap_rows(w, fd->warning) : 0);
}

static void draw_form(tui *t, form_run *r)
{
	tui_form *fm = r->fm;
	tui_draw(t);
	if (t->too_small)
		return;
	int w = COLS - 4 < 78 ? COLS - 4 : 78;
	int note_w = w - 4 - LABEL_W - 1;
	int avail = LINES - 2 - 4; /* frame, hint, form error */
	int need = 0;
	for (int i = 0; i < fm->n_fields; i++)
		need += field_rows(fm, i, 0, note_w);
	/* Fields scroll when they do not all fit: the one being edited is
	 * always shown. */
	int first = 0;
	for (;;) {
		int rows = 0;
		for (int i = first; i <= fm->cur; i++)
			rows += field_rows(fm, i, first, note_w);
		if (rows <= avail || first == fm->cur)
			break;
		first++;
	}
	int body = need < avail ? need : avail;
	int h = body + 4;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	tui_box(y0, x0, h, w, fm->title);
	int y = y0 + 1, xl = x0 + 2, xv = xl + LABEL_W + 1, vw = w - 4 - LABEL_W - 1;
	int end = y0 + 1 + body;
	for (int i = first; i < fm->n_fields && y < end; i++) {
		tui_field *fd = &fm->fields[i];
		bool on = i == fm->cur;
		tui_put(y, xl, LABEL_W, fd->label, on ? R_HEADING : R_NORMAL, true);
		int role = fd->readonly ? R_LOCKED : on ? R_FIELD_ON : R_FIELD;
		if (fd->choices) {
			char shown[600];
			snprintf(shown, sizeof shown, "%s ◂▸", fd->value);
			tui_put(y, xv, vw, shown, role, false);
		} else if (on && !fd->readonly && r->ed_field == i) {
			/* The part around the cursor, scrolled sideways. */
			tui_edit_draw(&r->ed, y, xv, vw, role, true);
		} else {
			tui_put(y, xv, vw, fd->value, role, false);
		}
		y++;
		const char *note = field_note(fm, i, first);
		if (note && y < end)
			y += tui_wrap(y, xv, vw, end - y, note, fd->error[0] ? R_ERROR : R_LOCKED);
		if (fd->warning[0] && y < end)
			y += tui_wrap(y, xv, vw, end - y, fd->warning, R_INFO);
	}
	if (fm->error[0])
		tui_put(y0 + h - 3, xl, w - 4, fm->error, R_ERROR, false);
	tui_put(y0 + h - 2, xl, w - 4,
		fm->hint ? fm->hint : _("Tab/↓ next  ↑ back  Enter next (save on the last)  F2 save  Esc cancel"),
		R_DIM, false);
}

static void draw_under(tui *t, void *ctx)
{
	draw_form(t, ctx);
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

/* A letter folded to lower case: ASCII and Latin-1 (Æ → æ, Ø → ø,
 * Å → å, É → é ...), enough for the languages of the processes. */
static int fold_cp(int cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	return cp;
}

/* The first code point of UTF-8 text (invalid bytes stand for themselves). */
static int first_cp(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80)
		return u[0];
	if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80)
		return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
		return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
	    (u[3] & 0xC0) == 0x80)
		return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	return u[0];
}

/* The first choice starting with the letter k, whatever its case; when
 * the field already holds one that does, the next one that does (so
 * pressing the letter again walks through them). */
static void pick_choice(tui_field *fd, int k)
{
	const char *c = fd->choices;
	char opts[16][64];
	int n = 0, cur = -1, want = fold_cp(k);
	while (*c && n < 16) {
		size_t len = strcspn(c, "|");
		snprintf(opts[n], sizeof opts[n], "%.*s", (int)len, c);
		if (strcmp(opts[n], fd->value) == 0)
			cur = n;
		n++;
		c += len + (c[len] == '|');
	}
	int start = cur >= 0 && fold_cp(first_cp(opts[cur])) == want ? cur + 1 : 0;
	for (int i = 0; i < n; i++) {
		int j = (start + i) % n;
		if (opts[j][0] && fold_cp(first_cp(opts[j])) == want) {
			snprintf(fd->value, sizeof fd->value, "%s", opts[j]);
			return;
		}
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
			fm->fields[field].warning[0] = '\0';
			fm->cur = field;
			snprintf(fm->error, sizeof fm->error, "%s", _("Nothing was saved."));
		} else {
			snprintf(fm->error, sizeof fm->error, _("Nothing was saved: %s"), err.msg);
		}
		return 0;
	}
	return 1;
}

static void set_modal(tui *t, form_run *r)
{
	tui_modal_set(t, r ? "form" : NULL, form_dump, r);
}

/* The choices of fd, counted. */
static int n_choices(const tui_field *fd)
{
	int n = 0;
	for (const char *c = fd->choices; c && *c; n++) {
		size_t len = strcspn(c, "|");
		c += len + (c[len] == '|');
	}
	return n;
}

/* Choice number i (0: the first) into fd's value. */
static void nth_choice(tui_field *fd, int i)
{
	const char *c = fd->choices;
	for (int n = 0; *c; n++) {
		size_t len = strcspn(c, "|");
		if (n == i) {
			snprintf(fd->value, sizeof fd->value, "%.*s", (int)len, c);
			return;
		}
		c += len + (c[len] == '|');
	}
}

/* Would the key change a field with choices? */
static bool choice_key(int k)
{
	return k == ' ' || k == TUI_FKEY(KEY_RIGHT) || k == TUI_FKEY(KEY_LEFT) || tui_key_printable(k);
}

int tui_form_run(tui *t, tui_form *fm)
{
	int rc = 0;
	form_run r = { .fm = fm, .ed_field = -1 };
	fm->error[0] = '\0';
	if (fm->cur < 0 || fm->cur >= fm->n_fields)
		fm->cur = 0;
	while (fm->cur < fm->n_fields - 1 && fm->fields[fm->cur].readonly)
		fm->cur++;
	r.orig = malloc((size_t)fm->n_fields * sizeof *r.orig);
	for (int i = 0; r.orig && i < fm->n_fields; i++)
		memcpy(r.orig[i], fm->fields[i].value, sizeof r.orig[i]);
	for (int i = 0; i < fm->n_fields; i++)
		fm->fields[i].warning[0] = '\0';
	rewarn(t, fm, -1);
	set_modal(t, &r);
	for (;;) {
		tui_field *fd = &fm->fields[fm->cur];
		if (r.ed_field != fm->cur) {
			/* A field is entered with the cursor at its end. */
			tui_edit_init(&r.ed, fd->value, sizeof fd->value);
			r.ed_field = fm->cur;
		}
		draw_form(t, &r);
		int k = tui_modal_key(t);
		if (k == TUI_KEY_EOF)
			break;
		if (k == TUI_KEY_NONE)
			continue;
		if (r.lock_msg) {
			fm->error[0] = '\0';
			r.lock_msg = false;
		}
		if (k == TUI_ESC) {
			if (!changed(&r))
				break;
			bool yes = tui_confirm_over(t, _("Discard your changes? (nothing has been saved)"),
						    draw_under, &r);
			set_modal(t, &r);
			if (yes || t->quit)
				break;
			continue;
		}
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
		if (k == '\t' && fd->complete && !fd->readonly) {
			char msg[sizeof fm->error];
			msg[0] = '\0';
			int c = fd->complete(t, fm->ctx, fd->value, sizeof fd->value, msg, sizeof msg);
			if (c == 1) {
				tui_edit_init(&r.ed, fd->value, sizeof fd->value);
				check_field(t, fm, fm->cur);
				rewarn(t, fm, fm->cur);
				continue;
			}
			if (c == 2) {
				snprintf(fm->error, sizeof fm->error, "%s", msg);
				r.lock_msg = true; /* gone at the next key */
				continue;
			}
		}
		if (enter || k == '\t' || k == TUI_FKEY(KEY_DOWN)) {
			check_field(t, fm, fm->cur);
			if (fm->cur < fm->n_fields - 1)
				fm->cur++;
			else if (k == '\t')
				fm->cur = 0;
			continue;
		}
		if (k == TUI_FKEY(KEY_BTAB) || k == TUI_FKEY(KEY_UP)) {
			check_field(t, fm, fm->cur);
			if (fm->cur > 0)
				fm->cur--;
			else if (k == TUI_FKEY(KEY_BTAB))
				fm->cur = fm->n_fields - 1;
			continue;
		}
		if (fd->readonly) {
			if (fd->choices ? choice_key(k) : tui_edit_changes(k)) {
				snprintf(fm->error, sizeof fm->error, "%s", fd->readonly);
				r.lock_msg = true;
			}
			continue;
		}
		if (fd->choices) {
			char before[sizeof fd->value];
			memcpy(before, fd->value, sizeof before);
			if (k == ' ' || k == TUI_FKEY(KEY_RIGHT))
				next_choice(fd, 1);
			else if (k == TUI_FKEY(KEY_LEFT))
				next_choice(fd, -1);
			else if (fd->numbered) {
				int n = n_choices(fd);
				if (k >= '1' && k <= '9' && k - '1' < n) {
					nth_choice(fd, k - '1');
				} else if (tui_key_printable(k)) {
					/* Said briefly, gone at the next key. */
					char name[32];
					tui_key_name(k, name, sizeof name);
					snprintf(fm->error, sizeof fm->error,
						 _("The key %s does nothing here: 1–%d choose, Space changes."), name, n);
					r.lock_msg = true;
				}
			} else if (tui_key_printable(k))
				pick_choice(fd, k);
			if (strcmp(before, fd->value) != 0) {
				check_field(t, fm, fm->cur);
				rewarn(t, fm, fm->cur);
			}
			continue;
		}
		int e = tui_edit_key(&r.ed, k);
		if (e == TUI_EDIT_CHANGED) {
			check_field(t, fm, fm->cur);
			rewarn(t, fm, fm->cur);
		} else if (e == TUI_EDIT_FULL) {
			snprintf(fd->error, sizeof fd->error, "%s", _("That is as long as this field can be."));
			fd->warning[0] = '\0';
		}
	}
	set_modal(t, NULL);
	free(r.orig);
	return rc;
}
