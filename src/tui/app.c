/* app.c: the program's loop, the title bar, the message line and the
 * status bar, switching screens, resizing, following other terminals'
 * changes, and leaving cleanly.
 *
 * Layout, every screen:   row 0         title bar: where the process is
 *                         rows 1..H-3   the screen's body
 *                         row H-2       message line (errors, notices)
 *                         row H-1       status bar: the keys that matter
 *
 * Nothing here runs in a signal handler: ncurses turns SIGWINCH into
 * KEY_RESIZE, and that is the only way a resize arrives. */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config/process_yaml.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/amend_store.h"
#include "tui/tui.h"

/* How often the database is asked whether another process changed it:
 * the projector must follow within a second. */
#define POLL_MS 250

static tui *g_tui; /* for tui_fatal from anywhere */

/* BUDGETLAB_TIMING=FILE: for bench/bench_tui.  The moment the first
 * screen is complete (CLOCK_MONOTONIC, which the benchmark compares with
 * the moment it started the program), and per key the time from reading
 * it to the screen redrawn.  Kept in memory, written at the end, so the
 * writing is not measured. */
#define TIMING_MAX 100000
static int64_t *g_key_ns;
static size_t g_n_keys;
static int64_t g_first_ns;

static int64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void timing_write(void)
{
	const char *path = getenv("BUDGETLAB_TIMING");
	if (!path || !*path || !g_key_ns)
		return;
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "first_screen %lld\n", (long long)g_first_ns);
		for (size_t i = 0; i < g_n_keys; i++)
			fprintf(f, "key %lld\n", (long long)g_key_ns[i]);
		fclose(f);
	}
	free(g_key_ns);
	g_key_ns = NULL;
}
static SCREEN *g_term;
static FILE *g_out, *g_in;

const tui_screen_ops *tui_ops(int screen)
{
	static const tui_screen_ops *const ops[SCR_COUNT] = {
		[SCR_PROCESS] = &tui_screen_process, [SCR_BUDGET] = &tui_screen_budget,
		[SCR_GOALS] = &tui_screen_goals, [SCR_JOURNAL] = &tui_screen_journal,
		[SCR_IMPORT] = &tui_screen_import,
		[SCR_LABS] = &tui_screen_labs, [SCR_SIGNIN] = &tui_screen_signin,
		[SCR_BALLOTS] = &tui_screen_ballots, [SCR_RESULTS] = &tui_screen_results,
		[SCR_AMENDMENTS] = &tui_screen_amendments, [SCR_HEARING] = &tui_screen_hearing,
		[SCR_VERSIONS] = &tui_screen_versions, [SCR_POOLS] = &tui_screen_pools,
		[SCR_PILLARS] = &tui_screen_pillars,
		[SCR_HELP] = &tui_screen_help, [SCR_PRESENT] = &tui_screen_present,
	};
	return ops[screen >= 0 && screen < SCR_COUNT ? screen : SCR_PROCESS];
}

static void term_end(void)
{
	if (g_term && !isendwin())
		endwin();
	if (g_term) {
		delscreen(g_term);
		g_term = NULL;
	}
	if (g_out)
		fclose(g_out);
	if (g_in)
		fclose(g_in);
	g_out = g_in = NULL;
}

_Noreturn void tui_fatal(tui *t, const char *fmt, ...)
{
	va_list ap;
	(void)t;
	/* The terminal first, so the message is readable and the shell sane. */
	term_end();
	fprintf(stderr, "budgetlab: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}

void tui_msg(tui *t, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	/* Only the first line fits the message line. */
	char *nl = strchr(t->msg, '\n');
	if (nl)
		*nl = '\0';
	t->msg_role = role;
}

void tui_msg_err(tui *t, const bl_err *err)
{
	tui_msg(t, R_ERROR, "%s", err->msg[0] ? err->msg : _("unknown error"));
}

static void load_phase(tui *t)
{
	bl_err err = { { 0 } };
	char *id = NULL;
	int cur = -1;
	unsigned locks = 0;
	if (bl_store_phase_current(t->store, &cur, &id, &err) != 0 ||
	    bl_store_locks(t->store, &locks, &err) != 0)
		tui_msg_err(t, &err);
	free(id);
	t->phase = cur < (int)t->def->n_phases ? cur : -1;
	t->locks = locks;
}

void tui_reload(tui *t)
{
	bl_err err = { { 0 } };
	if (bl_store_data_version(t->store, &t->data_version, &err) != 0)
		tui_msg_err(t, &err);
	load_phase(t);
	if (!t->version_chosen) {
		const char *key;
		if (bl_store_working_version(t->store, &key, &err) != 0)
			tui_msg_err(t, &err);
		else
			t->version = key;
	}
	for (int s = 0; s < SCR_COUNT; s++)
		if (t->st[s] && tui_ops(s)->reload)
			tui_ops(s)->reload(t, t->st[s]);
}

void tui_show(tui *t, int screen)
{
	/* Help starts at its top every time: it is about another screen. */
	if (screen == SCR_HELP && t->screen != SCR_HELP && t->st[SCR_HELP]) {
		tui_ops(SCR_HELP)->close(t->st[SCR_HELP]);
		t->st[SCR_HELP] = NULL;
	}
	if (!t->st[screen]) {
		t->st[screen] = tui_ops(screen)->open(t);
		if (!t->st[screen])
			return; /* open said why in t->msg */
	}
	if (screen == SCR_HELP && t->screen != SCR_HELP)
		t->back_screen = t->screen;
	/* Back from help is the same visit; from any other screen, a new one. */
	bool again = t->screen != screen && t->screen != SCR_HELP;
	t->screen = screen;
	if (again && tui_ops(screen)->shown)
		tui_ops(screen)->shown(t, t->st[screen]);
}

static void draw_title(tui *t)
{
	char left[512], phase[256];
	tui_fill(0, 0, COLS, R_TITLE);
	if (t->phase >= 0)
		snprintf(phase, sizeof phase, _("phase %d/%zu: %s"), t->phase + 1,
			 t->def->n_phases, t->def->phases[t->phase].title);
	else
		snprintf(phase, sizeof phase, "%s", _("setting up (before the first phase)"));
	const char *ro = t->readonly && !t->present ? _(" · read-only") : "";
	snprintf(left, sizeof left, " %s · %s · %s%s", t->info.municipality, t->info.title, phase, ro);
	/* The tabs on the right, when there is room for them and the text:
	 * " 1 Process " each when wide; narrower, without the blank after
	 * each; narrowest, only the current screen's name beside the others'
	 * numbers, so that the phase keeps its room. */
	static const int tabs[] = { SCR_PROCESS, SCR_BUDGET, SCR_GOALS, SCR_JOURNAL, SCR_IMPORT,
				    SCR_LABS, SCR_SIGNIN, SCR_BALLOTS, SCR_RESULTS };
	enum { N_NUM_TABS = sizeof tabs / sizeof tabs[0], N_TABS_MAX = N_NUM_TABS + 1 };
	/* The readings' screens (keys 0, H, V), the pools screen (F) and the
	 * pillars screen (B) add a tab of their own only while shown, so the
	 * other screens' title bars keep their room. */
	int cur_tabs[N_TABS_MAX], n_tabs = N_NUM_TABS;
	memcpy(cur_tabs, tabs, sizeof tabs);
	static const char reading_keys[] = { [SCR_AMENDMENTS - SCR_AMENDMENTS] = '0',
					     [SCR_HEARING - SCR_AMENDMENTS] = 'H',
					     [SCR_VERSIONS - SCR_AMENDMENTS] = 'V',
					     [SCR_POOLS - SCR_AMENDMENTS] = 'F',
					     [SCR_PILLARS - SCR_AMENDMENTS] = 'B' };
	if (t->screen >= SCR_AMENDMENTS && t->screen <= SCR_PILLARS)
		cur_tabs[n_tabs++] = t->screen;
	char tabtext[N_TABS_MAX][64];
	int tabs_w = 0;
	char shortest[300];
	snprintf(shortest, sizeof shortest, " %s%s", phase, ro);
	if (!t->present) {
		for (int style = 0; style < 3; style++) {
			tabs_w = 0;
			for (int i = 0; i < n_tabs; i++) {
				const char *name = _(tui_ops(cur_tabs[i])->title);
				char num[8];
				if (i < N_NUM_TABS)
					snprintf(num, sizeof num, "%d", i + 1);
				else
					snprintf(num, sizeof num, "%c", reading_keys[cur_tabs[i] - SCR_AMENDMENTS]);
				if (style == 0)
					snprintf(tabtext[i], sizeof tabtext[i], " %s %s ", num, name);
				else if (style == 1 || t->screen == cur_tabs[i])
					snprintf(tabtext[i], sizeof tabtext[i], " %s %s", num, name);
				else
					snprintf(tabtext[i], sizeof tabtext[i], " %s", num);
				tabs_w += bl_text_width(tabtext[i]);
			}
			if (style == 2)
				tabs_w++; /* the blank after the last */
			int lw = COLS - tabs_w - 1;
			if (lw >= 30 && bl_text_width(shortest) <= lw)
				break;
		}
	}
	int left_w = COLS - tabs_w - 1;
	/* Short of room, the process title goes first, then the
	 * municipality: the phase is what the room must see. */
	if (bl_text_width(left) > left_w)
		snprintf(left, sizeof left, " %s · %s%s", t->info.municipality, phase, ro);
	if (bl_text_width(left) > left_w)
		snprintf(left, sizeof left, " %s%s", phase, ro);
	if (t->present || left_w < 30) {
		tui_put(0, 0, COLS, left, R_TITLE, false);
		return;
	}
	tui_put(0, 0, left_w, left, R_TITLE, false);
	int x = left_w + 1;
	for (int i = 0; i < n_tabs; i++) {
		int w = bl_text_width(tabtext[i]);
		tui_put(0, x, w, tabtext[i], t->screen == cur_tabs[i] ? R_TAB_ON : R_TAB, false);
		x += w;
	}
}

/* A key's name in the status bar: short ("Spc", "PgUp"). */
static void status_key_name(int k, char *buf, size_t bufsz)
{
	tui_key_name(k, buf, bufsz);
	if (k == ' ')
		snprintf(buf, bufsz, "Spc");
	else if (k == '\n')
		snprintf(buf, bufsz, "Enter");
}


/* One "key label" item of the status bar at x; the x after it, or -1 if
 * it does not fit (nothing drawn). */
static int status_item(int y, int x, const char *key, const char *label)
{
	int need = bl_text_width(key) + 1 + bl_text_width(label) + 2;
	if (x + need > COLS)
		return -1;
	x += tui_puts(y, x, key, R_STATUS_KEY);
	x += tui_puts(y, x, " ", R_STATUS);
	x += tui_puts(y, x, label, R_STATUS);
	x += tui_puts(y, x, "  ", R_STATUS);
	return x;
}
static void draw_status(tui *t)
{
	int y = LINES - 1, x = 0;
	tui_fill(y, 0, COLS, R_STATUS);
	int scr = t->screen;
	const tui_screen_ops *ops = tui_ops(scr);
	const tui_status_key *mode = NULL;
	size_t n_mode = ops && ops->status && t->st[scr] ? ops->status(t, t->st[scr], &mode) : 0;
	for (size_t i = 0; i < n_mode && mode; i++) {
		/* The mode's keys, named as the action table names them. */
		const tui_action *a = tui_action_get(mode[i].act);
		const tui_action *b = mode[i].alt != ACT_NONE ? tui_action_get(mode[i].alt) : NULL;
		if (!a)
			continue;
		char key[32], alt[32] = "";
		status_key_name(a->keys[0], key, sizeof key);
		if (b) {
			status_key_name(b->keys[0], alt, sizeof alt);
			size_t n = strlen(key);
			snprintf(key + n, sizeof key - n, "/%s", alt);
		}
		if ((x = status_item(y, x, key, _(mode[i].label))) < 0)
			break;
	}
	if (n_mode)
		return;
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if (!a->label || !(a->screens & SCR_BIT(scr)))
			continue;
		char key[32];
		tui_key_name(a->keys[0], key, sizeof key);
		if (a->keys[0] == ' ')
			snprintf(key, sizeof key, "Spc");
		else if (a->keys[0] == '\n')
			snprintf(key, sizeof key, "Enter");
		if ((x = status_item(y, x, key, _(a->label))) < 0)
			break;
	}
}

static void draw_too_small(tui *t)
{
	char buf[256];
	erase();
	snprintf(buf, sizeof buf, _("Terminal too small: %d×%d."), COLS, LINES);
	int y = LINES / 2 - 1;
	if (y < 0)
		y = 0;
	tui_wrap(y, 0, COLS, LINES - y, buf, R_ERROR);
	snprintf(buf, sizeof buf, _("budgetlab needs at least %d×%d. Make the window larger, or press q to quit."),
		 TUI_MIN_COLS, TUI_MIN_ROWS);
	if (LINES > 2)
		tui_wrap(y + 1, 0, COLS, LINES - y - 1, buf, R_NORMAL);
}

void tui_draw(tui *t)
{
	t->rows = LINES;
	t->cols = COLS;
	t->too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;
	erase();
	if (t->too_small) {
		draw_too_small(t);
		return;
	}
	if (t->present && t->screen == SCR_PRESENT) {
		/* The projector has no bars: the room needs every row. */
		tui_ops(SCR_PRESENT)->draw(t, t->st[SCR_PRESENT], 0, LINES);
		return;
	}
	draw_title(t);
	const tui_screen_ops *ops = tui_ops(t->screen);
	if (t->st[t->screen])
		ops->draw(t, t->st[t->screen], 1, LINES - 3);
	tui_fill(LINES - 2, 0, COLS, R_NORMAL);
	if (t->msg[0])
		tui_put(LINES - 2, 0, COLS, t->msg, t->msg_role, false);
	draw_status(t);
}

void tui_resized(tui *t)
{
	/* ncurses has already taken the new size (LINES, COLS); every screen
	 * lays itself out from those when drawn, so there is no state to fix. */
	t->rows = LINES;
	t->cols = COLS;
}

static void cycle_theme(tui *t)
{
	t->theme = (tui_theme)((t->theme + 1) % THEME_COUNT);
	tui_theme_apply(t->theme, t->colour_ok);
	if (t->colour_ok)
		tui_msg(t, R_INFO, _("Theme: %s"), tui_theme_name(t->theme));
	else
		tui_msg(t, R_INFO, _("Theme: %s (drawn without colours: %s)"), tui_theme_name(t->theme),
			getenv("NO_COLOR") && *getenv("NO_COLOR") ? _("NO_COLOR is set") : _("the terminal has none"));
}

/* Actions every screen shares.  true if done. */
static bool global_act(tui *t, tui_act a)
{
	/* The projector stays the projector: no other screen (the journal
	 * names the staff who changed things) can be reached from the wall. */
	if (t->present && a != ACT_QUIT && a != ACT_THEME && a != ACT_REDRAW)
		return false;
	switch (a) {
	case ACT_QUIT:
		if (t->screen == SCR_HELP)
			tui_show(t, t->back_screen);
		else if (t->present || t->screen == SCR_PROCESS)
			t->quit = true;
		else
			tui_show(t, SCR_PROCESS);
		return true;
	case ACT_BACK:
		if (t->screen == SCR_HELP)
			tui_show(t, t->back_screen);
		else if (t->screen != SCR_PROCESS)
			tui_show(t, SCR_PROCESS);
		return true;
	case ACT_HELP:
		tui_show(t, SCR_HELP);
		return true;
	case ACT_SCR_PROCESS:
	case ACT_SCR_BUDGET:
	case ACT_SCR_GOALS:
	case ACT_SCR_JOURNAL:
	case ACT_SCR_IMPORT:
	case ACT_SCR_LABS:
	case ACT_SCR_SIGNIN:
	case ACT_SCR_BALLOTS:
	case ACT_SCR_RESULTS:
		tui_show(t, SCR_PROCESS + (a - ACT_SCR_PROCESS));
		return true;
	case ACT_SCR_AMENDMENTS:
	case ACT_SCR_HEARING:
	case ACT_SCR_VERSIONS:
		tui_show(t, SCR_AMENDMENTS + (a - ACT_SCR_AMENDMENTS));
		return true;
	case ACT_SCR_POOLS:
		tui_show(t, SCR_POOLS);
		return true;
	case ACT_SCR_PILLARS:
		tui_show(t, SCR_PILLARS);
		return true;
	case ACT_NEXT_SCREEN:
		tui_show(t, (t->screen + 1) % (SCR_LAST_TAB + 1));
		return true;
	case ACT_THEME:
		cycle_theme(t);
		return true;
	case ACT_REDRAW:
		tui_reload(t);
		clearok(curscr, TRUE);
		return true;
	case ACT_UNIT:
		t->unit = (bl_unit)((t->unit + 1) % 3);
		tui_msg(t, R_INFO, _("Amounts in %s"), bl_unit_label(t->unit, t->info.lang));
		return true;
	case ACT_VERSION:
		for (size_t i = 0; i < bl_n_versions; i++)
			if (strcmp(t->version, bl_version_keys[i]) == 0) {
				t->version = bl_version_keys[(i + 1) % bl_n_versions];
				t->version_chosen = true;
				break;
			}
		tui_msg(t, R_INFO, _("Showing %s (v shows the next version)."),
			strcmp(t->version, "proposal") == 0 ? _("the administration's proposal")
			: strcmp(t->version, "first_reading") == 0 ? _("the first reading version")
								    : _("the adopted budget"));
		tui_reload(t);
		return true;
	default:
		return false;
	}
}

static void put_on_projector(tui *t, const bl_spotlight *sp, const char *what)
{
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, sp, &err) != 0)
		tui_msg_err(t, &err);
	else
		tui_msg(t, R_INFO, "%s", what);
	tui_reload(t);
}

static const char *valid_message(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	size_t n = strlen(text);
	if (n > 200) {
		snprintf(msg, msgsz, _("The message is %zu bytes long; at most 200 fit on the projector."), n);
		return msg;
	}
	return NULL;
}

/* The projector messages that every main screen offers. */
static bool projector_act(tui *t, tui_act a)
{
	if (t->readonly)
		return false;
	if (a == ACT_MESSAGE) {
		char text[256];
		if (tui_prompt(t, _("Message for the projector: "), "", text, sizeof text,
			       valid_message, NULL) != 1)
			return true;
		bl_spotlight sp = { .kind = text[0] ? BL_SPOT_MESSAGE : BL_SPOT_NONE, .text = text };
		put_on_projector(t, &sp, text[0] ? _("On the projector: your message.") : _("The projector shows the totals only."));
		return true;
	}
	if (a == ACT_SPOT_CLEAR) {
		bl_spotlight sp = { .kind = BL_SPOT_NONE };
		put_on_projector(t, &sp, _("The projector shows the totals only."));
		return true;
	}
	return false;
}

static void handle_key(tui *t, int k)
{
	if (t->too_small) {
		if (k == 'q')
			t->quit = true;
		return;
	}
	const tui_screen_ops *ops = tui_ops(t->screen);
	void *st = t->st[t->screen];
	if (st && ops->key && ops->key(t, st, k))
		return;
	tui_act a = tui_action_for_key(t->screen, k);
	if (a == ACT_NONE) {
		char name[32];
		tui_key_name(k, name, sizeof name);
		tui_msg(t, R_DIM, _("The key %s does nothing here; press ? for the keys of this screen."), name);
		return;
	}
	t->msg[0] = '\0';
	if (a == ACT_BACK && st && ops->act && ops->act(t, st, a))
		return; /* the screen had a filter to clear */
	if (a != ACT_BACK && a != ACT_QUIT && st && ops->act && ops->act(t, st, a))
		return;
	if (projector_act(t, a))
		return;
	if (!global_act(t, a))
		tui_msg(t, R_DIM, _("Not available on this screen."));
}

static void poll_changes(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	if (v != t->data_version)
		tui_reload(t);
}

static void on_signal(int sig)
{
	(void)sig;
	tui_stop = 1;
}

static int term_start(tui *t, const tui_opts *o)
{
	/* ncursesw draws UTF-8 only under a UTF-8 LC_CTYPE; a laptop set to
	 * plain C still gets æøå right. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (o->script) {
		/* tty-free: the screen goes to /dev/null and is read back. */
		const char *term = getenv("TERM");
		if (!term || !*term || strcmp(term, "dumb") == 0)
			term = "xterm-256color";
		g_out = fopen("/dev/null", "w");
		g_in = fopen("/dev/null", "r");
		if (!g_out || !g_in)
			return -1;
		g_term = newterm(term, g_out, g_in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, _("budgetlab: the screens need a terminal; for a headless view use 'budgetlab status %s'\n"),
				o->db_path);
			return -1;
		}
		/* The real size from the terminal, not $LINES/$COLUMNS: those
		 * would pin it, so a resize would never show (and the tests
		 * export COLUMNS).  use_env(FALSE) would also stop ncurses
		 * asking the terminal, so the variables go instead. */
		unsetenv("LINES");
		unsetenv("COLUMNS");
		g_term = newterm(NULL, stdout, stdin);
	}
	if (!g_term) {
		fprintf(stderr, _("budgetlab: cannot start the terminal (TERM=%s)\n"),
			getenv("TERM") ? getenv("TERM") : "");
		term_end();
		return -1;
	}
	set_term(g_term);
	/* Ctrl-C and a closed terminal leave through the loop, which
	 * restores the terminal; no curses call happens in the handler. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (o->script)
		resizeterm(o->script_rows > 0 ? o->script_rows : 24, o->script_cols > 0 ? o->script_cols : 80);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	t->colour_ok = has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	if (t->colour_ok) {
		start_color();
		use_default_colors();
	}
	if (!t->colour_ok && !o->theme_set)
		t->theme = THEME_MONO;
	tui_theme_apply(t->theme, t->colour_ok);
	return 0;
}

static int open_process(tui *t, const tui_opts *o)
{
	bl_err err = { { 0 } };
	char *yaml = NULL;
	if (bl_store_open(o->db_path, t->readonly, &t->store, &err) != 0 ||
	    bl_store_info(t->store, &t->info, &err) != 0 ||
	    bl_store_config_text(t->store, &yaml, &err) != 0) {
		fprintf(stderr, "budgetlab: %s\n", err.msg);
		return -1;
	}
	if (bl_config_load_string(yaml, strlen(yaml), o->db_path, &t->def, &err) != 0) {
		free(yaml);
		fprintf(stderr, _("budgetlab: the process definition stored in '%s' is damaged: %s\n"),
			o->db_path, err.msg);
		return -1;
	}
	free(yaml);
	/* For the gates on the process's own goals (participants_represent). */
	bl_store_set_lab_def(t->store, t->def->lab.n_categories ? &t->def->lab : NULL);
	t->path = strdup(o->db_path);
	return 0;
}

static void close_all(tui *t)
{
	for (int s = 0; s < SCR_COUNT; s++)
		if (t->st[s]) {
			tui_ops(s)->close(t->st[s]);
			t->st[s] = NULL;
		}
	tui_input_close(t);
	if (t->store)
		bl_store_close(t->store);
	bl_process_info_free(&t->info);
	bl_process_def_free(t->def);
	free(t->path);
}

int bl_tui_run(const tui_opts *o)
{
	tui t;
	memset(&t, 0, sizeof t);
	g_tui = &t;
	t.present = o->present;
	t.readonly = o->present;
	t.theme = o->theme_set ? o->theme : o->present ? THEME_CONTRAST : THEME_DEFAULT;
	/* 1.000 kr. on the screens, as budgets are printed: four years fit
	 * in 80 columns with room for the titles. */
	t.unit = o->unit_set ? o->unit : o->present ? BL_UNIT_MILLIONS : BL_UNIT_THOUSANDS;
	/* Until tui_reload asks the store for the working version. */
	t.version = o->version ? o->version : "proposal";
	t.version_chosen = o->version != NULL;
	bl_err err = { { 0 } };
	if (open_process(&t, o) != 0) {
		close_all(&t);
		return 3;
	}
	if (tui_input_open(&t, o, &err) != 0) {
		fprintf(stderr, "budgetlab: %s\n", err.msg);
		close_all(&t);
		return 2;
	}
	if (term_start(&t, o) != 0) {
		close_all(&t);
		return 3;
	}
	if (getenv("BUDGETLAB_TIMING") && *getenv("BUDGETLAB_TIMING"))
		g_key_ns = calloc(TIMING_MAX, sizeof *g_key_ns);
	g_n_keys = 0;
	g_first_ns = 0;
	tui_reload(&t);
	tui_show(&t, o->present ? SCR_PRESENT : o->screen);
	if (!t.st[t.screen]) {
		char msg[sizeof t.msg];
		snprintf(msg, sizeof msg, "%s", t.msg);
		close_all(&t);
		term_end();
		fprintf(stderr, "budgetlab: %s\n", msg);
		return 3;
	}
	bool dirty = true;
	int64_t key_at = 0;
	while (!t.quit) {
		if (dirty) {
			tui_draw(&t);
			refresh();
		}
		if (g_key_ns) {
			int64_t now = mono_ns();
			if (!g_first_ns)
				g_first_ns = now;
			else if (key_at && g_n_keys < TIMING_MAX)
				g_key_ns[g_n_keys++] = now - key_at;
			key_at = 0;
		}
		dirty = true;
		int k = tui_getkey(&t, POLL_MS);
		if (g_key_ns)
			key_at = mono_ns();
		if (k == TUI_KEY_EOF)
			break;
		if (k == TUI_KEY_NONE) {
			/* Redraw only when another process changed something. */
			int64_t before = t.data_version;
			poll_changes(&t);
			/* The projector's notice times out without a key. */
			dirty = t.data_version != before || (t.present && t.msg[0]);
			continue;
		}
		if (k == TUI_FKEY(KEY_RESIZE)) {
			tui_resized(&t);
			continue;
		}
		int64_t writes = bl_store_change_count(t.store);
		handle_key(&t, k);
		/* A write on this screen: every other screen reads again
		 * (the gates after a new goal, the journal after an edit). */
		if (bl_store_change_count(t.store) != writes)
			tui_reload(&t);
	}
	close_all(&t);
	term_end();
	timing_write();
	g_tui = NULL;
	return 0;
}

int tui_gates(tui *t, int phase_index, tui_gate *out, int max, bl_err *err)
{
	if (phase_index < 0 || (size_t)phase_index >= t->def->n_phases)
		return 0;
	const bl_phase *ph = &t->def->phases[phase_index];
	int n = 0;
	for (size_t i = 0; i < ph->n_gates && n < max; i++) {
		tui_gate *g = &out[n++];
		int r = bl_gate_eval(ph, &ph->gates[i], &bl_store_facts_ops, t->store,
				     g->why, sizeof g->why, err);
		if (r < 0)
			return -1;
		g->pass = r == 1;
		bl_gate_ref_describe(&ph->gates[i], t->info.lang, g->desc, sizeof g->desc);
	}
	return n;
}
