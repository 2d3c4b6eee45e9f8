/* edit.c: one line of text being edited, for prompts and form fields.
 *
 * The text is the caller's buffer; the cursor is a byte offset that is
 * always on a character boundary: a code point and the zero-width ones
 * that follow it (combining accents) move, and are deleted by Delete, as
 * one.  Widths come from core/text.c, so æ, ø, å take one column and a
 * wide character two, whatever the locale.
 *
 * Keys: Left/C-b, Right/C-f, Home/C-a, End/C-e move; Backspace deletes
 * before the cursor, Delete and C-d at it; C-u kills to the start, C-k to
 * the end, C-w the word before the cursor; a character is inserted at the
 * cursor if the buffer has room for it.
 *
 * Drawing shows the part of the text around the cursor: the view scrolls
 * sideways so the cursor is always on the screen, "…" stands where text is
 * cut, and the cursor is the character under it in reverse video (a
 * reversed "_" after the end). */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "core/text.h"
#include "tui/tui.h"

bool tui_key_printable(int k)
{
	return k >= 32 && k != 127 && !TUI_IS_FKEY(k) && !(k >= 0x80 && k < 0xA0);
}

static bool is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Columns a code point takes here: a control character or an invalid
 * byte is drawn as "�", one column. */
static int cp_cols(unsigned cp)
{
	return is_control(cp) ? 1 : bl_cp_width(cp);
}

/* The boundary after the character at i (< len). */
static size_t next_char(const char *s, size_t len, size_t i)
{
	unsigned cp;
	size_t l = bl_utf8_next(s + i, len - i, &cp);
	i += l ? l : 1;
	while (i < len) {
		l = bl_utf8_next(s + i, len - i, &cp);
		if (!l || is_control(cp) || bl_cp_width(cp) != 0)
			break;
		i += l;
	}
	return i;
}

/* The boundary before i (> 0), found from the start so that invalid bytes
 * split the text the same way in both directions. */
static size_t prev_char(const char *s, size_t len, size_t i)
{
	size_t p = 0, q = 0;
	while (q < i && q < len) {
		p = q;
		q = next_char(s, len, q);
	}
	return p;
}

/* Columns of the text in [a, b). */
static int cols(const char *s, size_t a, size_t b)
{
	int w = 0;
	while (a < b) {
		unsigned cp;
		size_t l = bl_utf8_next(s + a, b - a, &cp);
		if (!l)
			break;
		w += cp_cols(cp);
		a += l;
	}
	return w;
}

void tui_edit_init(tui_edit *e, char *buf, size_t size)
{
	e->buf = buf;
	e->size = size;
	e->cur = strlen(buf);
	e->scroll = 0;
}

size_t tui_edit_cursor_chars(const tui_edit *e)
{
	size_t n = 0, len = strlen(e->buf);
	for (size_t i = 0; i < e->cur && i < len; i = next_char(e->buf, len, i))
		n++;
	return n;
}

static void cut(tui_edit *e, size_t a, size_t b)
{
	size_t len = strlen(e->buf);
	memmove(e->buf + a, e->buf + b, len - b + 1);
	e->cur = a;
}

bool tui_edit_changes(int k)
{
	return tui_key_printable(k) || k == TUI_FKEY(KEY_BACKSPACE) || k == TUI_FKEY(KEY_DC) ||
	       k == TUI_CTRL('d') || k == TUI_CTRL('u') || k == TUI_CTRL('k') || k == TUI_CTRL('w');
}

int tui_edit_key(tui_edit *e, int k)
{
	char *s = e->buf;
	size_t len = strlen(s);
	if (e->cur > len)
		e->cur = len;
	size_t cur = e->cur;
	if (TUI_IS_META(k))
		return TUI_EDIT_IGNORED;
	if (k == TUI_FKEY(KEY_LEFT) || k == TUI_CTRL('b')) {
		if (cur > 0)
			e->cur = prev_char(s, len, cur);
		return TUI_EDIT_MOVED;
	}
	if (k == TUI_FKEY(KEY_RIGHT) || k == TUI_CTRL('f')) {
		if (cur < len)
			e->cur = next_char(s, len, cur);
		return TUI_EDIT_MOVED;
	}
	if (k == TUI_FKEY(KEY_HOME) || k == TUI_CTRL('a')) {
		e->cur = 0;
		return TUI_EDIT_MOVED;
	}
	if (k == TUI_FKEY(KEY_END) || k == TUI_CTRL('e')) {
		e->cur = len;
		return TUI_EDIT_MOVED;
	}
	if (k == TUI_FKEY(KEY_BACKSPACE)) {
		if (cur == 0)
			return TUI_EDIT_MOVED;
		/* One code point: the accent of "é" typed as e + U+0301 first. */
		size_t p = prev_char(s, len, cur);
		for (size_t q = p; q < cur;) {
			unsigned cp;
			size_t l = bl_utf8_next(s + q, cur - q, &cp);
			if (!l)
				break;
			p = q;
			q += l;
		}
		cut(e, p, cur);
		return TUI_EDIT_CHANGED;
	}
	if (k == TUI_FKEY(KEY_DC) || k == TUI_CTRL('d')) {
		if (cur == len)
			return TUI_EDIT_MOVED;
		cut(e, cur, next_char(s, len, cur));
		return TUI_EDIT_CHANGED;
	}
	if (k == TUI_CTRL('u')) {
		if (cur == 0)
			return TUI_EDIT_MOVED;
		cut(e, 0, cur);
		return TUI_EDIT_CHANGED;
	}
	if (k == TUI_CTRL('k')) {
		if (cur == len)
			return TUI_EDIT_MOVED;
		s[cur] = '\0';
		return TUI_EDIT_CHANGED;
	}
	if (k == TUI_CTRL('w')) {
		/* The spaces before the cursor, then the word before them. */
		size_t p = cur;
		while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
			p--;
		while (p > 0 && s[p - 1] != ' ' && s[p - 1] != '\t')
			p--;
		if (p == cur)
			return TUI_EDIT_MOVED;
		cut(e, p, cur);
		return TUI_EDIT_CHANGED;
	}
	if (tui_key_printable(k)) {
		char u[5];
		if (bl_utf8_encode((unsigned)k, u) == 0)
			return TUI_EDIT_IGNORED;
		size_t add = strlen(u);
		if (len + add + 1 > e->size)
			return TUI_EDIT_FULL;
		memmove(s + cur + add, s + cur, len - cur + 1);
		memcpy(s + cur, u, add);
		e->cur = cur + add;
		return TUI_EDIT_CHANGED;
	}
	return TUI_EDIT_IGNORED;
}

/* The columns the cursor's cell takes: the character under it, or the
 * "_" after the end. */
static int cursor_cols(const tui_edit *e, size_t len)
{
	if (e->cur >= len)
		return 1;
	int w = cols(e->buf, e->cur, next_char(e->buf, len, e->cur));
	return w > 0 ? w : 1;
}

/* Is the cursor shown when the view starts at byte s in w columns? */
static bool cursor_shown(const tui_edit *e, size_t len, size_t s, int w)
{
	int used = (s > 0) + cols(e->buf, s, e->cur) + cursor_cols(e, len);
	if (e->cur >= len)
		return used <= w;
	size_t after = next_char(e->buf, len, e->cur);
	int rest = cols(e->buf, after, len);
	return used + rest <= w || used + 1 <= w;
}

/* Where the view starts so that the cursor is shown: the view moves only
 * as far as it must, and shows as much as fits when text was removed. */
static void scroll_to_cursor(tui_edit *e, size_t len, int w)
{
	if (e->scroll > len || e->scroll > e->cur)
		e->scroll = e->cur;
	int tail = e->cur >= len; /* the "_" after the end */
	if (cols(e->buf, 0, len) + tail <= w) {
		e->scroll = 0;
		return;
	}
	while (e->scroll < e->cur && !cursor_shown(e, len, e->scroll, w))
		e->scroll = next_char(e->buf, len, e->scroll);
	while (e->scroll > 0) {
		size_t p = prev_char(e->buf, len, e->scroll);
		if ((p > 0) + cols(e->buf, p, len) + tail > w)
			break;
		e->scroll = p;
	}
}

/* Put one character (a code point and its zero-width followers) of the
 * text at (y, x), control characters and invalid bytes as "�". */
static void put_char(int y, int x, const char *s, size_t a, size_t b, attr_t attr)
{
	char out[64];
	size_t n = 0;
	while (a < b && n + 5 < sizeof out) {
		unsigned cp;
		size_t l = bl_utf8_next(s + a, b - a, &cp);
		if (!l)
			break;
		if (is_control(cp))
			cp = 0xFFFD;
		n += bl_utf8_encode(cp, out + n);
		a += l;
	}
	out[n] = '\0';
	attrset(attr);
	mvaddstr(y, x, out);
}

void tui_edit_draw(tui_edit *e, int y, int x, int w, int role, bool cursor)
{
	if (y < 0 || y >= LINES || x >= COLS || w <= 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	const char *s = e->buf;
	size_t len = strlen(s);
	if (e->cur > len)
		e->cur = len;
	if (cursor)
		scroll_to_cursor(e, len, w);
	else
		e->scroll = 0;
	attr_t attr = (attr_t)tui_attr(role), rev = attr ^ A_REVERSE;
	int tail = cursor && e->cur >= len;
	int col = 0;
	if (e->scroll > 0 && w > 1) {
		attrset(attr);
		mvaddstr(y, x, "…");
		col = 1;
	}
	size_t i = e->scroll;
	int rest = cols(s, i, len) + tail; /* columns still to draw */
	while (i < len) {
		size_t j = next_char(s, len, i);
		int cw = cols(s, i, j);
		rest -= cw;
		/* All that is left fits, or this one and a "…" after it. */
		if (col + cw + rest > w && col + cw + 1 > w)
			break;
		put_char(y, x + col, s, i, j, cursor && i == e->cur ? rev : attr);
		col += cw;
		i = j;
	}
	if (i < len && col < w) {
		attrset(attr);
		mvaddstr(y, x + col, "…");
		col++;
	} else if (tail && col < w) {
		attrset(rev);
		mvaddstr(y, x + col, "_");
		col++;
	}
	attrset(attr);
	if (col < w)
		mvhline(y, x + col, ' ', w - col);
	attrset((attr_t)tui_attr(R_NORMAL));
}

/* The older helpers, for callers that only append. */
bool tui_text_append(char *buf, size_t bufsz, int cp)
{
	tui_edit e;
	tui_edit_init(&e, buf, bufsz);
	return tui_key_printable(cp) && tui_edit_key(&e, cp) == TUI_EDIT_CHANGED;
}

void tui_text_backspace(char *buf)
{
	tui_edit e;
	tui_edit_init(&e, buf, strlen(buf) + 1);
	tui_edit_key(&e, TUI_FKEY(KEY_BACKSPACE));
}
