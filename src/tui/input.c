/* input.c: where keys come from, the keyboard or a script, and the dumps
 * that tests compare.
 *
 * A script (tig's way of testing a terminal program) is a text file, one
 * command a line; blank lines and lines starting with '#' are skipped:
 *
 *   key NAME...       keys by name: a, Enter, Esc, Tab, Space, Up, Down,
 *                     Left, Right, PgUp, PgDn, Home, End, Insert, Delete,
 *                     Backspace, F1..F12, C-a..C-z, M-x (Alt+x)
 *   type TEXT         the rest of the line, one character at a time
 *   action NAME       the first key of an action in the table (actions.c)
 *   resize COLS ROWS  the terminal's new size, as KEY_RESIZE
 *   screen FILE       write the screen as text
 *   state FILE        write the state: screen, selection, filter, phase ...
 *   sleep MS          wait
 *   wait-change MS    wait until another process commits (the projector
 *                     test), at most MS
 *   exec COMMAND      run a shell command and wait for it (another process
 *                     changing the database); a failure stops the script
 *
 * The script runs with the screen written to /dev/null (newterm), so the
 * tests need no terminal; the screen is read back with mvinnwstr.  At the
 * end of the script the program leaves at once.  A bad command stops the
 * program with "FILE:LINE: what is wrong". */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", '\n' },
	{ "Esc", TUI_ESC },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Backspace", TUI_FKEY(KEY_BACKSPACE) },
	{ "Up", TUI_FKEY(KEY_UP) },
	{ "Down", TUI_FKEY(KEY_DOWN) },
	{ "Left", TUI_FKEY(KEY_LEFT) },
	{ "Right", TUI_FKEY(KEY_RIGHT) },
	{ "PgUp", TUI_FKEY(KEY_PPAGE) },
	{ "PgDn", TUI_FKEY(KEY_NPAGE) },
	{ "Home", TUI_FKEY(KEY_HOME) },
	{ "End", TUI_FKEY(KEY_END) },
	{ "Insert", TUI_FKEY(KEY_IC) },
	{ "Delete", TUI_FKEY(KEY_DC) },
	{ "S-Tab", TUI_FKEY(KEY_BTAB) },
	{ "Resize", TUI_FKEY(KEY_RESIZE) },
};

void tui_key_name(int key, char *buf, size_t bufsz)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key) {
			snprintf(buf, bufsz, "%s", key_names[i].name);
			return;
		}
	if (TUI_IS_META(key)) {
		char inner[32];
		tui_key_name(key - TUI_META(0), inner, sizeof inner);
		snprintf(buf, bufsz, "M-%s", inner);
		return;
	}
	if (TUI_IS_FKEY(key)) {
		int k = key - TUI_FKEY(0);
		if (k >= KEY_F(1) && k <= KEY_F(12))
			snprintf(buf, bufsz, "F%d", k - KEY_F(0));
		else
			snprintf(buf, bufsz, "key-%d", k);
	} else if (key > 0 && key < 32) {
		snprintf(buf, bufsz, "C-%c", key + 'a' - 1);
	} else if (key == 127) {
		snprintf(buf, bufsz, "Backspace");
	} else {
		char u[5];
		bl_utf8_encode((unsigned)key, u);
		snprintf(buf, bufsz, "%s", u);
	}
}

int tui_key_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (!*end && n >= 1 && n <= 12)
			return TUI_FKEY(KEY_F((int)n));
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
		return TUI_CTRL(name[2]);
	if (name[0] == 'M' && name[1] == '-' && name[2]) {
		int k = tui_key_from_name(name + 2);
		return k < 0 || TUI_IS_META(k) ? -1 : TUI_META(k);
	}
	unsigned cp;
	size_t n = strlen(name);
	size_t len = bl_utf8_seq((const unsigned char *)name, n);
	if (len && len == n && bl_utf8_next(name, n, &cp) == len && cp >= 32)
		return (int)cp;
	return -1;
}

/* ---- the script ---- */

/* Keys waiting to be handed out: from `key a b c` or `type text`. */
static int pending[512];
static size_t n_pending, pos_pending;

int tui_input_open(tui *t, const tui_opts *o, bl_err *err)
{
	n_pending = pos_pending = 0;
	if (!o->script)
		return 0;
	t->script = fopen(o->script, "r");
	if (!t->script)
		return bl_err_set(err, _("cannot read the script '%s': %s"), o->script, strerror(errno));
	t->script_path = strdup(o->script);
	t->script_line = 0;
	return 0;
}

void tui_input_close(tui *t)
{
	if (t->script)
		fclose(t->script);
	t->script = NULL;
	free(t->script_path);
	t->script_path = NULL;
}

static _Noreturn void script_fail(tui *t, const char *what, const char *arg)
{
	char q[BL_QUOTE_MAX];
	bl_text_quote(arg ? arg : "", arg ? strlen(arg) : 0, q);
	tui_fatal(t, "%s:%d: %s '%s'", t->script_path, t->script_line, what, q);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static long script_ms(tui *t, const char *arg)
{
	char *end;
	errno = 0;
	long ms = strtol(arg, &end, 10);
	if (errno || end == arg || *end || ms < 0 || ms > 600000)
		script_fail(t, "expected milliseconds from 0 to 600000, not", arg);
	return ms;
}

static void push_key(tui *t, int k, const char *name)
{
	if (n_pending >= sizeof pending / sizeof pending[0])
		script_fail(t, "too many keys on one line at", name);
	pending[n_pending++] = k;
}

/* Carry out script lines until one gives keys (or a resize, or the end). */
static int script_next(tui *t)
{
	char line[4096];
	for (;;) {
		if (pos_pending < n_pending)
			return pending[pos_pending++];
		n_pending = pos_pending = 0;
		if (!fgets(line, sizeof line, t->script))
			return TUI_KEY_EOF;
		t->script_line++;
		size_t len = strlen(line);
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		char *cmd = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		char *arg = p;
		bl_err err = { { 0 } };
		if (strcmp(cmd, "key") == 0) {
			char *save = NULL;
			for (char *w = strtok_r(arg, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
				int k = tui_key_from_name(w);
				if (k < 0)
					script_fail(t, "no key is called", w);
				push_key(t, k, w);
			}
			if (!n_pending)
				script_fail(t, "expected key names after", cmd);
		} else if (strcmp(cmd, "type") == 0) {
			size_t n = strlen(arg), i = 0;
			if (!bl_utf8_valid(arg, n))
				script_fail(t, "not valid UTF-8:", arg);
			while (i < n) {
				unsigned cp;
				size_t l = bl_utf8_next(arg + i, n - i, &cp);
				push_key(t, (int)cp, arg);
				i += l;
			}
		} else if (strcmp(cmd, "action") == 0) {
			const tui_action *a = tui_action_by_name(arg);
			if (!a)
				script_fail(t, "no action is called", arg);
			push_key(t, a->keys[0], arg);
		} else if (strcmp(cmd, "resize") == 0) {
			int c, r;
			char extra;
			if (sscanf(arg, "%d %d %c", &c, &r, &extra) != 2 || c < 1 || r < 1 || c > 1000 || r > 500)
				script_fail(t, "expected COLS ROWS (1-1000, 1-500), not", arg);
			resizeterm(r, c);
			return TUI_FKEY(KEY_RESIZE);
		} else if (strcmp(cmd, "screen") == 0 || strcmp(cmd, "state") == 0) {
			if (!*arg)
				script_fail(t, "expected a file name after", cmd);
			int rc = cmd[1] == 'c' ? tui_dump_screen(t, arg, &err) : tui_dump_state(t, arg, &err);
			if (rc != 0)
				script_fail(t, err.msg, arg);
		} else if (strcmp(cmd, "sleep") == 0) {
			sleep_ms(script_ms(t, arg));
		} else if (strcmp(cmd, "wait-change") == 0) {
			long ms = script_ms(t, arg);
			for (long waited = 0; waited <= ms; waited += 20) {
				int64_t v;
				if (bl_store_data_version(t->store, &v, &err) != 0)
					script_fail(t, err.msg, cmd);
				if (v != t->data_version)
					break;
				sleep_ms(20);
			}
			return TUI_KEY_NONE;
		} else if (strcmp(cmd, "exec") == 0) {
			fflush(NULL);
			int rc = system(arg);
			if (rc != 0)
				script_fail(t, "the command failed:", arg);
		} else {
			script_fail(t, "unknown script command (expected key, type, action, resize, screen, state, sleep, wait-change, exec):", cmd);
		}
	}
}

/* Set by the signal handler (app.c): leave as at the end of a script. */
volatile sig_atomic_t tui_stop;

int tui_getkey(tui *t, int timeout_ms)
{
	int k;
	if (tui_stop)
		return TUI_KEY_EOF;
	if (t->script) {
		k = script_next(t);
	} else {
		wint_t wc;
		timeout(timeout_ms);
		int r = get_wch(&wc);
		if (tui_stop)
			return TUI_KEY_EOF;
		if (r == ERR)
			k = TUI_KEY_NONE;
		else if (r == KEY_CODE_YES)
			k = TUI_FKEY((int)wc);
		else
			k = (int)wc;
		if (k == TUI_ESC) {
			/* Alt+key arrives as Esc and the key together; a key
			 * already waiting makes it Alt+key, so that it neither
			 * cancels a form nor runs the key's own action. */
			timeout(0);
			wint_t next;
			int r2 = get_wch(&next);
			/* Only a character makes it Alt+key: a function key
			 * (a resize above all) after Esc is Esc, then that key. */
			if (r2 == OK)
				k = TUI_META((int)next);
			else if (r2 == KEY_CODE_YES)
				ungetch((int)next); /* read again next time */
		}
	}
	/* One Backspace, whatever the terminal sends. */
	if (k == 127 || k == 8)
		k = TUI_FKEY(KEY_BACKSPACE);
	if (k >= 0)
		t->keys_read++;
	return k;
}

/* ---- dumps ---- */

static void put_utf8(FILE *f, wchar_t wc)
{
	char u[5];
	bl_utf8_encode((unsigned)wc, u);
	fputs(u, f);
}

int tui_dump_screen(tui *t, const char *path, bl_err *err)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return bl_err_set(err, _("cannot write '%s': %s"), path, strerror(errno));
	wchar_t *row = calloc((size_t)COLS + 1, sizeof *row);
	if (!row) {
		fclose(f);
		return bl_err_set(err, _("out of memory"));
	}
	int cy, cx;
	getyx(stdscr, cy, cx);
	for (int y = 0; y < LINES; y++) {
		int n = mvinnwstr(y, 0, row, COLS);
		if (n < 0)
			n = 0;
		row[n] = 0;
		while (n > 0 && row[n - 1] == L' ')
			row[--n] = 0;
		for (int i = 0; i < n; i++)
			put_utf8(f, row[i]);
		fputc('\n', f);
	}
	move(cy, cx);
	free(row);
	if (fclose(f) != 0)
		return bl_err_set(err, _("cannot write '%s': %s"), path, strerror(errno));
	return 0;
}

int tui_dump_state(tui *t, const char *path, bl_err *err)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return bl_err_set(err, _("cannot write '%s': %s"), path, strerror(errno));
	fprintf(f, "screen=%s\n", tui_ops(t->screen)->name);
	fprintf(f, "size=%dx%d\n", COLS, LINES);
	fprintf(f, "too_small=%s\n", t->too_small ? "yes" : "no");
	fprintf(f, "readonly=%s\n", t->readonly ? "yes" : "no");
	fprintf(f, "theme=%s\n", tui_theme_name(t->theme));
	fprintf(f, "unit=%s\n", t->unit == BL_UNIT_KR ? "kr" : t->unit == BL_UNIT_THOUSANDS ? "t" : "mio");
	fprintf(f, "version=%s\n", t->version);
	fprintf(f, "phase=%s\n", t->phase >= 0 ? t->def->phases[t->phase].id : "setup");
	fprintf(f, "locks=");
	bool first = true;
	for (unsigned b = 0; b < BL_LOCK_COUNT; b++)
		if (t->locks & (1u << b)) {
			fprintf(f, "%s%s", first ? "" : ",", bl_lock_name(b));
			first = false;
		}
	fprintf(f, "\nmessage=%s\n", t->msg);
	fprintf(f, "modal=%s\n", t->modal_name ? t->modal_name : "");
	if (t->st[t->screen] && tui_ops(t->screen)->dump)
		tui_ops(t->screen)->dump(t, t->st[t->screen], f);
	if (t->modal_dump)
		t->modal_dump(t->modal_ctx, f);
	if (fclose(f) != 0)
		return bl_err_set(err, _("cannot write '%s': %s"), path, strerror(errno));
	return 0;
}
