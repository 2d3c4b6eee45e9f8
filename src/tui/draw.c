/* draw.c: text into columns.  Widths come from core/text.c (code points,
 * not the locale), so æ, ø and å take one column whatever the laptop's
 * LC_CTYPE says, and a table lines up on every machine. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/tui.h"

void tui_clean(const char *s, bool keep_nl, char *out, size_t outsz)
{
	size_t n = s ? strlen(s) : 0, i = 0, o = 0;
	if (!outsz)
		return;
	while (i < n && o + 4 < outsz) {
		unsigned cp;
		size_t len = bl_utf8_seq((const unsigned char *)s + i, n - i);
		if (!len) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		bl_utf8_next(s + i, n - i, &cp);
		bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
		if (control && !(keep_nl && cp == '\n')) {
			out[o++] = ' ';
		} else {
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
}

void tui_clean_line(const char *s, char *out, size_t outsz)
{
	tui_clean(s, false, out, outsz);
}

void tui_put(int y, int x, int w, const char *s, int role, bool right)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	char buf[2048];
	bl_text_fit(s ? s : "", w, right, buf, sizeof buf);
	attrset((attr_t)tui_attr(role));
	mvaddstr(y, x, buf);
	attrset((attr_t)tui_attr(R_NORMAL));
}

int tui_puts(int y, int x, const char *s, int role)
{
	if (y < 0 || y >= LINES || x >= COLS || !s)
		return 0;
	int w = bl_text_width(s);
	if (x + w > COLS)
		w = COLS - x;
	tui_put(y, x, w, s, role, false);
	return w;
}

void tui_fill(int y, int x, int w, int role)
{
	if (y < 0 || y >= LINES)
		return;
	if (x + w > COLS)
		w = COLS - x;
	if (w <= 0)
		return;
	attrset((attr_t)tui_attr(role));
	mvhline(y, x, ' ', w);
	attrset((attr_t)tui_attr(R_NORMAL));
}

void tui_fmt_amount(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	if (t->unit == BL_UNIT_KR)
		bl_money_format_whole(v, t->info.lang, buf, bufsz);
	else
		bl_money_format(v, t->info.lang, t->unit, buf, bufsz);
}

/* The byte length of the next word-wrapped row of text starting at s, in
 * width columns; *next is where the row after it starts. */
size_t tui_wrap_next(const char *s, int width, const char **next)
{
	size_t n = strlen(s), i = 0, brk = 0;
	int w = 0;
	while (i < n && s[i] != '\n') {
		unsigned cp;
		size_t len = bl_utf8_next(s + i, n - i, &cp);
		if (!len)
			break;
		int cw = bl_cp_width(cp);
		if (w + cw > width) {
			if (brk == 0)
				brk = i ? i : len; /* a word longer than the row: cut it */
			*next = s + brk;
			while (**next == ' ')
				(*next)++;
			return brk;
		}
		if (cp == ' ')
			brk = i;
		w += cw;
		i += len;
	}
	*next = s + i + (s[i] == '\n');
	return i;
}

/* Rows of the wrapped text from row `skip` on, at most max_rows of them,
 * drawn at y when draw is set.  Returns the rows counted. */
static int wrap(int y, int x, int width, int skip, int max_rows,
		const char *text, int role, bool draw)
{
	int rows = 0, seen = 0;
	const char *s = text ? text : "";
	if (width < 1)
		return 0;
	while (*s && rows < max_rows) {
		const char *next;
		size_t len = tui_wrap_next(s, width, &next);
		if (seen++ >= skip) {
			if (draw) {
				char *row = strndup(s, len);
				if (row) {
					tui_put(y + rows, x, width, row, role, false);
					free(row);
				}
			}
			rows++;
		}
		s = next;
	}
	return rows;
}

int tui_wrap(int y, int x, int width, int max_rows, const char *text, int role)
{
	return wrap(y, x, width, 0, max_rows, text, role, true);
}

void tui_wrap_skip(int y, int x, int width, int skip, const char *text, int role)
{
	wrap(y, x, width, skip, 1, text, role, true);
}

int tui_wrap_rows(int width, const char *text)
{
	return wrap(0, 0, width, 0, 1 << 20, text, R_NORMAL, false);
}

void tui_box(int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	for (int r = y + 1; r < y + h - 1; r++)
		tui_fill(r, x + 1, w - 2, R_NORMAL);
	/* Box characters as text, not ACS: a screen dump reads them back as
	 * the same characters, and every UTF-8 terminal has them. */
	attrset((attr_t)tui_attr(R_BOX));
	for (int c = x; c < x + w; c++) {
		const char *top = c == x ? "┌" : c == x + w - 1 ? "┐" : "─";
		const char *bot = c == x ? "└" : c == x + w - 1 ? "┘" : "─";
		mvaddstr(y, c, top);
		mvaddstr(y + h - 1, c, bot);
	}
	for (int r = y + 1; r < y + h - 1; r++) {
		mvaddstr(r, x, "│");
		mvaddstr(r, x + w - 1, "│");
	}
	attrset((attr_t)tui_attr(R_NORMAL));
	if (title && *title) {
		char buf[256];
		snprintf(buf, sizeof buf, " %s ", title);
		int tw = bl_text_width(buf);
		if (tw > w - 4)
			tw = w - 4;
		tui_put(y, x + 2, tw, buf, R_BOX, false);
	}
}

/* The first row *top of a page of page rows that shows row sel of n. */
void tui_keep_visible(int sel, int n, int page, int *top)
{
	if (page < 1)
		page = 1;
	if (sel >= 0) {
		if (sel < *top)
			*top = sel;
		if (sel >= *top + page)
			*top = sel - page + 1;
	}
	int max_top = n - page;
	if (*top > max_top)
		*top = max_top < 0 ? 0 : max_top;
	if (*top < 0)
		*top = 0;
}

/* A rule across the screen at y, with left (in left_role) at its start
 * and right (dim) at its end, either may be NULL. */
void tui_separator(int y, const char *left, int left_role, const char *right)
{
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	int rw = right ? bl_text_width(right) : 0;
	if (rw > COLS / 2)
		rw = COLS / 2;
	if (right)
		tui_put(y, COLS - 2 - rw, rw, right, R_DIM, false);
	if (left) {
		char buf[600];
		tui_clean_line(left, buf, sizeof buf);
		int lw = bl_text_width(buf);
		int room = COLS - 2 - rw - 3;
		if (lw > room)
			lw = room;
		if (lw > 0)
			tui_put(y, 2, lw, buf, left_role, false);
	}
}
