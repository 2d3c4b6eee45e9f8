/* screen_process.c: the start screen.  Where the process stands (the
 * phases as a timeline: done, current, coming, with their date windows,
 * when each began and where gates were overridden), and for the current
 * phase what the facilitator needs: its guidance, its checklist (ticked
 * here), its locks explained, and its gates, evaluated live.  A moves on,
 * as `budgetlab advance` does: every gate passing, after a question;
 * some failing, only with a reason, which the journal keeps with the
 * failed gates.
 *
 * Layouts, chosen from the size at every draw (so a resize needs nothing):
 *   wide (>= WIDE_COLS): the timeline in a left column, the rest right;
 *   list (enough rows):  the timeline one row per phase above the rest;
 *   strip (80x24):       the timeline as one strip of marks under a line
 *                        about the current phase, and in full at the end
 *                        of the scrolled part.
 * The part right of or below the timeline scrolls: up/down move the
 * selection through the checklist (and scroll to it), PgUp/PgDn scroll.
 * Everything is re-read on reload, since another terminal may have ticked
 * an item or moved the process on. */
#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/amend_store.h"
#include "tui/tui.h"

#define WIDE_COLS 120
#define MAX_ITEMS 64
#define MAX_GATES 32

#define MARK_DONE "✓"
#define MARK_NOW "▶"
#define MARK_COMING "○"
#define MARK_PASS "✓"
#define MARK_FAIL "✗"
#define MARK_OVERRIDE "!"

/* One row of the scrolled part: row `skip` of text wrapped to w columns
 * at x (relative to the part), with an optional mark before the text's
 * first row. */
typedef struct prow {
	const char *text; /* NULL: a blank row */
	int skip;
	int x, w;
	int role;
	const char *mark;
	int mark_x, mark_role;
	int item;         /* the checklist item on this row, or -1 */
} prow;

typedef struct proc_state {
	int phase_seen;   /* t->phase at the last reload */
	int sel;          /* selected checklist item */
	int top;          /* first row of the scrolled part shown */
	bool follow;      /* scroll to the selection at the next draw */
	bool done[MAX_ITEMS];
	size_t n_items;
	bl_phase_entry *hist;
	size_t n_hist;
	tui_gate gates[MAX_GATES];
	int n_gates, n_failed;
	char err[BL_ERR_MAX]; /* reading the checklist or the gates failed */
	bool asking;      /* the override reason is being asked for */
	/* the last layout */
	prow *rows;
	size_t n_rows, cap_rows;
	char **strs;      /* texts made for the layout, freed with it */
	size_t n_strs, cap_strs;
	int page;         /* rows of the scrolled part */
	const char *layout;
} proc_state;

/* ---- reading ---- */

static void load(tui *t, proc_state *ps)
{
	bl_err err = { { 0 } };
	ps->err[0] = '\0';
	bl_phase_history_free(ps->hist, ps->n_hist);
	ps->hist = NULL;
	ps->n_hist = 0;
	if (bl_store_phase_history(t->store, &ps->hist, &ps->n_hist, &err) != 0)
		snprintf(ps->err, sizeof ps->err, "%s", err.msg);
	memset(ps->done, 0, sizeof ps->done);
	ps->n_items = 0;
	ps->n_gates = ps->n_failed = 0;
	if (t->phase != ps->phase_seen) {
		/* Another phase: its checklist starts at the top. */
		ps->sel = ps->top = 0;
		ps->phase_seen = t->phase;
	}
	if (t->phase < 0)
		return;
	const bl_phase *ph = &t->def->phases[t->phase];
	ps->n_items = ph->n_checklist < MAX_ITEMS ? ph->n_checklist : MAX_ITEMS;
	if (ps->n_items &&
	    bl_store_facts_ops.checklist_done(t->store, ph->id, ps->done, ps->n_items, &err) != 0)
		snprintf(ps->err, sizeof ps->err, "%s", err.msg);
	int n = tui_gates(t, t->phase, ps->gates, MAX_GATES, &err);
	if (n < 0) {
		snprintf(ps->err, sizeof ps->err, _("The gates cannot be checked: %s"), err.msg);
		n = 0;
	}
	ps->n_gates = n;
	for (int i = 0; i < n; i++)
		ps->n_failed += !ps->gates[i].pass;
	if (ps->sel >= (int)ps->n_items)
		ps->sel = ps->n_items ? (int)ps->n_items - 1 : 0;
}

static void *p_open(tui *t)
{
	proc_state *ps = calloc(1, sizeof *ps);
	if (!ps) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	ps->phase_seen = t->phase;
	ps->follow = true;
	load(t, ps);
	return ps;
}

static void free_layout(proc_state *ps)
{
	for (size_t i = 0; i < ps->n_strs; i++)
		free(ps->strs[i]);
	ps->n_strs = 0;
	ps->n_rows = 0;
}

static void p_close(void *st)
{
	proc_state *ps = st;
	free_layout(ps);
	free(ps->strs);
	free(ps->rows);
	bl_phase_history_free(ps->hist, ps->n_hist);
	free(ps);
}

static void p_reload(tui *t, void *st)
{
	load(t, st);
}

/* ---- facts for the drawing ---- */

/* When phase i was (last) entered, or NULL. */
static const bl_phase_entry *entered(const tui *t, const proc_state *ps, size_t i)
{
	const char *id = t->def->phases[i].id;
	for (size_t h = ps->n_hist; h-- > 0;)
		if (strcmp(ps->hist[h].phase_id, id) == 0)
			return &ps->hist[h];
	return NULL;
}

/* The reason phase i was left although gates failed: it is kept with
 * the entry into the phase after it. */
static const char *override_on_leaving(const tui *t, const proc_state *ps, size_t i)
{
	if (i + 1 >= t->def->n_phases)
		return NULL;
	const bl_phase_entry *e = entered(t, ps, i + 1);
	return e ? e->override_reason : NULL;
}

static void window_text(const bl_phase *ph, char *buf, size_t bufsz)
{
	if (!ph->has_window) {
		snprintf(buf, bufsz, "%s", _("no dates set"));
		return;
	}
	char a[11], b[11];
	bl_date_format(ph->from, a);
	bl_date_format(ph->to, b);
	snprintf(buf, bufsz, "%s – %s", a, b);
}

/* "2026-11-02 – 2027-02-26, began 2026-12-02" */
static void when_text(const tui *t, const proc_state *ps, size_t i, char *buf, size_t bufsz)
{
	char w[64];
	window_text(&t->def->phases[i], w, sizeof w);
	const bl_phase_entry *e = (int)i <= t->phase ? entered(t, ps, i) : NULL;
	if (e)
		snprintf(buf, bufsz, _("%s, began %.10s"), w, e->entered_at);
	else
		snprintf(buf, bufsz, "%s", w);
}

static const char *phase_mark(const tui *t, size_t i, int *role)
{
	if ((int)i < t->phase) {
		*role = R_DONE;
		return MARK_DONE;
	}
	if ((int)i == t->phase) {
		*role = R_CURRENT;
		return MARK_NOW;
	}
	*role = R_DIM;
	return MARK_COMING;
}

/* ---- the scrolled part, as rows ---- */

static const char *keep(proc_state *ps, const char *fmt, ...) BL_PRINTF(2, 3);
static const char *keep(proc_state *ps, const char *fmt, ...)
{
	/* Measured first: a phase file's paragraph may be of any length. */
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return "";
	if (ps->n_strs == ps->cap_strs) {
		size_t cap = ps->cap_strs ? 2 * ps->cap_strs : 32;
		char **n = realloc(ps->strs, cap * sizeof *n);
		if (!n)
			return "";
		ps->strs = n;
		ps->cap_strs = cap;
	}
	char *s = malloc((size_t)len + 1);
	if (!s)
		return "";
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	ps->strs[ps->n_strs++] = s;
	return s;
}

static void add_row(proc_state *ps, prow r)
{
	if (ps->n_rows == ps->cap_rows) {
		size_t cap = ps->cap_rows ? 2 * ps->cap_rows : 64;
		prow *n = realloc(ps->rows, cap * sizeof *n);
		if (!n)
			return; /* the rest is not shown; nothing is lost */
		ps->rows = n;
		ps->cap_rows = cap;
	}
	ps->rows[ps->n_rows++] = r;
}

static void blank(proc_state *ps)
{
	add_row(ps, (prow){ .item = -1 });
}

/* Text wrapped into rows at x, w columns; the mark (if any) goes at
 * mark_x on the first row. */
static void text_rows(proc_state *ps, const char *text, int x, int w, int role,
		      const char *mark, int mark_x, int mark_role, int item)
{
	if (w < 1)
		return;
	int n = tui_wrap_rows(w, text);
	if (n < 1)
		n = 1;
	for (int r = 0; r < n; r++)
		add_row(ps, (prow){ text, r, x, w, role, r == 0 ? mark : NULL, mark_x, mark_role, item });
}

static void heading(proc_state *ps, const char *text, int w)
{
	text_rows(ps, text, 0, w, R_HEADING, NULL, 0, 0, -1);
}

static void timeline_rows(tui *t, proc_state *ps, int w)
{
	heading(ps, _("The phases"), w);
	for (size_t i = 0; i < t->def->n_phases; i++) {
		int role;
		const char *mark = phase_mark(t, i, &role);
		char when[128];
		when_text(t, ps, i, when, sizeof when);
		const char *s = keep(ps, "%2zu. %s · %s", i + 1, t->def->phases[i].title, when);
		text_rows(ps, s, 2, w - 2, (int)i == t->phase ? R_CURRENT : (int)i < t->phase ? R_NORMAL : R_DIM,
			  mark, 0, role, -1);
		const char *why = override_on_leaving(t, ps, i);
		if (why)
			text_rows(ps, keep(ps, _("left with gates overridden: “%s”"), why), 6, w - 6,
				  R_NORMAL, MARK_OVERRIDE, 4, R_FAIL, -1);
	}
}

/* Guidance is paragraphs, one a line (folded YAML): a blank row between. */
static void guidance_rows(proc_state *ps, const char *g, int w)
{
	bool first = true;
	while (*g) {
		size_t len = strcspn(g, "\n");
		if (len) {
			if (!first)
				blank(ps);
			text_rows(ps, keep(ps, "%.*s", (int)len, g), 0, w, R_NORMAL, NULL, 0, 0, -1);
			first = false;
		}
		g += len + (g[len] == '\n');
	}
}

static void layout(tui *t, proc_state *ps, int w, bool with_timeline)
{
	free_layout(ps);
	const size_t n = t->def->n_phases;
	char win[64];
	if (t->phase < 0) {
		const bl_phase *first = &t->def->phases[0];
		window_text(first, win, sizeof win);
		heading(ps, _("What can be done now"), w);
		text_rows(ps, keep(ps, _("Nothing is locked yet, so areas, lines and the basis budget can be"
					 " loaded now. Press A to start the first phase, 1. %s (%s)."),
				   first->title, win),
			  0, w, R_NORMAL, NULL, 0, 0, -1);
		if (first->guidance) {
			blank(ps);
			heading(ps, keep(ps, _("What the first phase is for: %s"), first->title), w);
			guidance_rows(ps, first->guidance, w);
		}
		if (with_timeline) {
			blank(ps);
			timeline_rows(t, ps, w);
		}
		return;
	}
	const bl_phase *ph = &t->def->phases[t->phase];
	bool last = (size_t)t->phase + 1 >= n;

	size_t n_done = 0;
	for (size_t i = 0; i < ps->n_items; i++)
		n_done += ps->done[i];
	if (ps->n_items) {
		heading(ps, keep(ps, _("Checklist: %zu of %zu done (Space ticks the selected item)"),
				 n_done, ps->n_items), w);
		for (size_t i = 0; i < ps->n_items; i++)
			text_rows(ps, keep(ps, "%zu. %s", i + 1, ph->checklist[i]), 4, w - 4,
				  ps->done[i] ? R_DONE : R_NORMAL, ps->done[i] ? "[x]" : "[ ]", 0,
				  ps->done[i] ? R_DONE : R_NORMAL, (int)i);
	} else {
		heading(ps, _("Checklist"), w);
		text_rows(ps, _("This phase has no checklist."), 0, w, R_DIM, NULL, 0, 0, -1);
	}
	blank(ps);

	int n_pass = ps->n_gates - ps->n_failed;
	if (last)
		heading(ps, keep(ps, _("Gates of the last phase: %d of %d pass"), n_pass, ps->n_gates), w);
	else
		heading(ps, keep(ps, _("Gates before %d. %s: %d of %d pass"), t->phase + 2,
				 t->def->phases[t->phase + 1].title, n_pass, ps->n_gates), w);
	if (ps->err[0])
		text_rows(ps, ps->err, 0, w, R_ERROR, NULL, 0, 0, -1);
	else if (!ps->n_gates)
		text_rows(ps, _("This phase has no gates."), 0, w, R_DIM, NULL, 0, 0, -1);
	for (int i = 0; i < ps->n_gates; i++) {
		const tui_gate *g = &ps->gates[i];
		text_rows(ps, keep(ps, "%s  %s", g->pass ? _("pass") : _("FAIL"), g->desc), 2, w - 2,
			  g->pass ? R_PASS : R_FAIL, g->pass ? MARK_PASS : MARK_FAIL, 0,
			  g->pass ? R_PASS : R_FAIL, -1);
		if (g->why[0])
			text_rows(ps, g->why, 8, w - 8, g->pass ? R_DIM : R_NORMAL, NULL, 0, 0, -1);
	}
	blank(ps);
	if (last)
		text_rows(ps, _("This is the last phase: there is no next phase."), 0, w, R_DIM, NULL, 0, 0, -1);
	else if (ps->n_failed || ps->err[0])
		text_rows(ps, keep(ps, _("A moves on to %d. %s anyway: you will be asked why, and the"
					 " journal keeps the reason with the failing gates."),
				   t->phase + 2, t->def->phases[t->phase + 1].title),
			  0, w, R_DIM, NULL, 0, 0, -1);
	else
		text_rows(ps, keep(ps, _("Every gate passes: A moves on to %d. %s."), t->phase + 2,
				   t->def->phases[t->phase + 1].title),
			  0, w, R_INFO, NULL, 0, 0, -1);
	blank(ps);

	heading(ps, _("Locked in this phase"), w);
	if (!ph->locks)
		text_rows(ps, _("Nothing is locked in this phase."), 0, w, R_DIM, NULL, 0, 0, -1);
	for (unsigned b = 0; b < BL_LOCK_COUNT; b++)
		if (ph->locks & (1u << b))
			text_rows(ps, keep(ps, "%s: %s", bl_lock_name(b), bl_lock_help(b)), 2, w - 2,
				  R_LOCKED, "•", 0, R_LOCKED, -1);
	blank(ps);

	heading(ps, keep(ps, _("Guidance: %s"), ph->title), w);
	if (ph->guidance && *ph->guidance)
		guidance_rows(ps, ph->guidance, w);
	else
		text_rows(ps, _("This phase has no guidance."), 0, w, R_DIM, NULL, 0, 0, -1);
	if (with_timeline) {
		blank(ps);
		timeline_rows(t, ps, w);
	}
}

/* ---- drawing ---- */

/* The first and last row of the selected item in the layout, or -1. */
static void sel_rows(const proc_state *ps, int *first, int *last)
{
	*first = *last = -1;
	for (size_t r = 0; r < ps->n_rows; r++)
		if (ps->rows[r].item == ps->sel && ps->rows[r].text) {
			if (*first < 0)
				*first = (int)r;
			*last = (int)r;
		}
}

static void clamp_top(proc_state *ps)
{
	int max = (int)ps->n_rows - ps->page;
	if (ps->top > max)
		ps->top = max;
	if (ps->top < 0)
		ps->top = 0;
}

/* The scrolled part at (y0, x0): page rows, w columns (the last one for
 * the scroll marks). */
static void draw_part(proc_state *ps, int y0, int x0, int w, int page)
{
	ps->page = page;
	if (ps->follow) {
		int a, b;
		sel_rows(ps, &a, &b);
		if (a >= 0) {
			if (b >= ps->top + page)
				ps->top = b - page + 1;
			if (a < ps->top)
				ps->top = a;
		}
		ps->follow = false;
	}
	clamp_top(ps);
	for (int i = 0; i < page; i++) {
		size_t r = (size_t)(ps->top + i);
		if (r >= ps->n_rows)
			break;
		const prow *row = &ps->rows[r];
		int y = y0 + i;
		if (!row->text)
			continue;
		bool on = row->item >= 0 && row->item == ps->sel;
		if (on)
			tui_fill(y, x0, w - 1, R_SELECTED);
		if (row->mark)
			tui_puts(y, x0 + row->mark_x, row->mark, on ? R_SELECTED : row->mark_role);
		tui_wrap_skip(y, x0 + row->x, row->w, row->skip, row->text, on ? R_SELECTED : row->role);
	}
	if (ps->top > 0)
		tui_puts(y0, x0 + w - 1, "↑", R_DIM);
	if (ps->top + page < (int)ps->n_rows)
		tui_puts(y0 + page - 1, x0 + w - 1, "↓", R_DIM);
}

/* The timeline as a list from row y: two rows a phase (title, then its
 * dates) when they fit in rows, else one; around the current phase when
 * even that does not fit.  Returns the rows used. */
static int draw_timeline(tui *t, proc_state *ps, int y, int x, int w, int rows, bool heading_row)
{
	size_t n = t->def->n_phases;
	int used = 0;
	if (heading_row && rows > 0) {
		tui_put(y, x, w, _("The phases"), R_HEADING, false);
		used++;
	}
	/* Two rows a phase, and an override's reason wrapped to at most
	 * three, when that all fits. */
	int n_over = 0, two_rows = 0;
	for (size_t i = 0; i < n; i++) {
		const char *why = override_on_leaving(t, ps, i);
		two_rows += 2;
		if (why) {
			char o[600];
			snprintf(o, sizeof o, _("left with gates overridden: “%s”"), why);
			int r = tui_wrap_rows(w - 6, o);
			two_rows += r < 3 ? r : 3;
			n_over++;
		}
	}
	bool two = two_rows <= rows - used;
	size_t first = 0;
	int need = (int)n + n_over;
	if (!two && need > rows - used) {
		/* Keep the current phase in view, a little below the top. */
		int cur = t->phase < 0 ? 0 : t->phase;
		int start = cur - (rows - used) / 3;
		if (start > (int)n - (rows - used))
			start = (int)n - (rows - used);
		first = start > 0 ? (size_t)start : 0;
	}
	/* In one row a phase, the dates in a column after the longest title
	 * when there is room for it, else against the right edge. */
	int title_w = 0, when_w = 0;
	for (size_t i = 0; i < n; i++) {
		char title[512], when[128];
		snprintf(title, sizeof title, "%2zu. %s", i + 1, t->def->phases[i].title);
		when_text(t, ps, i, when, sizeof when);
		if (bl_text_width(title) > title_w)
			title_w = bl_text_width(title);
		if (bl_text_width(when) > when_w)
			when_w = bl_text_width(when);
	}
	bool date_col = 2 + title_w + 2 + when_w <= w;
	for (size_t i = first; i < n && used < rows; i++) {
		int role;
		const char *mark = phase_mark(t, i, &role);
		bool cur = (int)i == t->phase;
		int trole = cur ? R_CURRENT : (int)i < t->phase ? R_NORMAL : R_DIM;
		char title[512], when[128];
		snprintf(title, sizeof title, "%2zu. %s", i + 1, t->def->phases[i].title);
		when_text(t, ps, i, when, sizeof when);
		tui_puts(y + used, x, mark, role);
		if (two) {
			tui_put(y + used, x + 2, w - 2, title, trole, false);
			used++;
			if (used < rows)
				tui_put(y + used++, x + 6, w - 6, when, cur ? R_NORMAL : R_DIM, false);
		} else {
			/* Title, then the dates right-aligned where they fit. */
			int ww = bl_text_width(when);
			if (date_col) {
				tui_put(y + used, x + 2, title_w, title, trole, false);
				tui_put(y + used, x + 2 + title_w + 2, when_w, when, cur ? R_NORMAL : R_DIM, false);
			} else if (ww + 2 + 12 <= w - 2) {
				tui_put(y + used, x + 2, w - 2 - ww - 1, title, trole, false);
				tui_put(y + used, x + w - ww, ww, when, cur ? R_NORMAL : R_DIM, false);
			} else {
				tui_put(y + used, x + 2, w - 2, title, trole, false);
			}
			used++;
		}
		const char *why = override_on_leaving(t, ps, i);
		if (why && used < rows) {
			char o[600];
			snprintf(o, sizeof o, _("left with gates overridden: “%s”"), why);
			tui_puts(y + used, x + 4, MARK_OVERRIDE, R_FAIL);
			if (two)
				used += tui_wrap(y + used, x + 6, w - 6, rows - used < 3 ? rows - used : 3, o, R_NORMAL);
			else
				tui_put(y + used++, x + 6, w - 6, o, R_NORMAL, false);
		}
	}
	return used;
}

/* The current phase in one row, and the phases as a strip of marks with
 * the gates' count: for 80x24, where a list would fill the screen. */
static void draw_strip(tui *t, proc_state *ps, int y, int w)
{
	size_t n = t->def->n_phases;
	char buf[600], when[128];
	int x = 1;
	if (t->phase < 0) {
		snprintf(buf, sizeof buf, _("Setting up: the process has not started; A starts 1. %s"),
			 t->def->phases[0].title);
		tui_put(y, x, w - x, buf, R_CURRENT, false);
	} else {
		snprintf(buf, sizeof buf, _("Phase %d of %zu: %s"), t->phase + 1, n,
			 t->def->phases[t->phase].title);
		x += tui_puts(y, x, MARK_NOW, R_CURRENT);
		x += tui_puts(y, x, " ", R_NORMAL);
		x += tui_puts(y, x, buf, R_CURRENT);
		when_text(t, ps, (size_t)t->phase, when, sizeof when);
		snprintf(buf, sizeof buf, "  %s", when);
		tui_put(y, x, w - x, buf, R_NORMAL, false);
	}
	x = 1;
	for (size_t i = 0; i < n && x < w; i++) {
		int role;
		const char *mark = phase_mark(t, i, &role);
		char num[24];
		snprintf(num, sizeof num, "%zu", i + 1);
		x += tui_puts(y + 1, x, mark, role);
		x += tui_puts(y + 1, x, num, (int)i == t->phase ? R_CURRENT : role);
		if (override_on_leaving(t, ps, i))
			x += tui_puts(y + 1, x, MARK_OVERRIDE, R_FAIL);
		x += tui_puts(y + 1, x, " ", R_NORMAL);
	}
	x += 2;
	if (t->phase >= 0 && x < w) {
		if (ps->err[0])
			snprintf(buf, sizeof buf, "%s", _("gates: cannot be checked"));
		else if ((size_t)t->phase + 1 >= n)
			snprintf(buf, sizeof buf, "%s", _("the last phase"));
		else
			snprintf(buf, sizeof buf, _("gates: %d of %d pass"), ps->n_gates - ps->n_failed,
				 ps->n_gates);
		tui_put(y + 1, x, w - x, buf, ps->n_failed || ps->err[0] ? R_FAIL : R_PASS, false);
	}
}

/* While the override reason is asked for: the failing gates in a box
 * over the body, since at 80x24 they may be scrolled out of sight. */
static void draw_asking(tui *t, proc_state *ps, int top, int rows)
{
	/* As wide as the body's text (which starts at column 1), so no
	 * stray characters of it show beside the box. */
	int w = COLS - 2 < 78 ? COLS - 2 : 78, iw = w - 4;
	char tail[512];
	snprintf(tail, sizeof tail, _("Type why the process may move on anyway, then Enter: the journal"
				      " keeps the reason with these gates. Esc: stay in %s."),
		 t->def->phases[t->phase].title);
	int need = tui_wrap_rows(iw, tail) + 1;
	for (int i = 0; i < ps->n_gates; i++)
		if (!ps->gates[i].pass)
			need += 1 + tui_wrap_rows(iw - 4, ps->gates[i].why);
	int h = need + 2 < rows ? need + 2 : rows;
	int y0 = top + (rows - h) / 2, x0 = (COLS - w) / 2;
	char title[128];
	if (ps->n_gates == 1)
		snprintf(title, sizeof title, "%s", _("The gate fails"));
	else
		snprintf(title, sizeof title, _("%d of %d gates fail"), ps->n_failed, ps->n_gates);
	tui_box(y0, x0, h, w, title);
	int y = y0 + 1, end = y0 + h - 1;
	for (int i = 0; i < ps->n_gates && y < end; i++) {
		const tui_gate *g = &ps->gates[i];
		if (g->pass)
			continue;
		tui_puts(y, x0 + 2, MARK_FAIL, R_FAIL);
		tui_put(y++, x0 + 4, iw - 2, g->desc, R_FAIL, false);
		y += tui_wrap(y, x0 + 6, iw - 4, end - y, g->why, R_NORMAL);
	}
	if (y < end)
		y++;
	tui_wrap(y, x0 + 2, iw, end - y, tail, R_DIM);
}

static void p_draw(tui *t, void *st, int top, int rows)
{
	proc_state *ps = st;
	int cols = COLS;
	size_t n = t->def->n_phases;
	if (cols >= WIDE_COLS) {
		/* The timeline as wide as its longest row needs, so the right
		 * column gets the rest. */
		int lw = 30;
		for (size_t i = 0; i < n; i++) {
			char when[128];
			when_text(t, ps, i, when, sizeof when);
			int need = 3 + 6 + bl_text_width(t->def->phases[i].title);
			if (need < 3 + 6 + bl_text_width(when))
				need = 3 + 6 + bl_text_width(when);
			if (need > lw)
				lw = need;
		}
		if (lw > cols * 2 / 5)
			lw = cols * 2 / 5;
		ps->layout = "wide";
		draw_timeline(t, ps, top, 1, lw - 2, rows, true);
		for (int y = top; y < top + rows; y++)
			tui_puts(y, lw, "│", R_DIM);
		int x0 = lw + 2, w = cols - x0 - 1;
		layout(t, ps, w - 1, false);
		draw_part(ps, top, x0, w, rows);
	} else {
		int n_over = 0;
		for (size_t i = 0; i < n; i++)
			n_over += override_on_leaving(t, ps, i) != NULL;
		int list_rows = 1 + (int)n + n_over;
		int w = cols - 2;
		if (rows - list_rows - 1 >= 12) {
			ps->layout = "list";
			int used = draw_timeline(t, ps, top, 1, w, list_rows, true);
			layout(t, ps, w - 1, false);
			draw_part(ps, top + used + 1, 1, w, rows - used - 1);
		} else {
			ps->layout = "strip";
			draw_strip(t, ps, top, cols - 1);
			layout(t, ps, w - 1, true);
			draw_part(ps, top + 3, 1, w, rows - 3);
		}
	}
	if (ps->asking && t->phase >= 0)
		draw_asking(t, ps, top, rows);
}

/* ---- acting ---- */

static const char *valid_reason(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	for (const char *p = text; *p; p++)
		if (!isspace((unsigned char)*p))
			return NULL;
	snprintf(msg, msgsz, "%s", _("Moving past failing gates needs a reason (Esc: stay in this phase)."));
	return msg;
}

/* The failed gates as `budgetlab advance` journals them:
 * "desc: why; desc: why". */
static char *failed_text(const proc_state *ps)
{
	size_t len = 1;
	for (int i = 0; i < ps->n_gates; i++)
		if (!ps->gates[i].pass)
			len += strlen(ps->gates[i].desc) + strlen(ps->gates[i].why) + 4;
	char *s = malloc(len);
	if (!s)
		return NULL;
	size_t at = 0;
	s[0] = '\0';
	for (int i = 0; i < ps->n_gates; i++)
		if (!ps->gates[i].pass)
			at += (size_t)snprintf(s + at, len - at, "%s%s: %s", at ? "; " : "",
					       ps->gates[i].desc, ps->gates[i].why);
	return s;
}

static void advance(tui *t, proc_state *ps)
{
	if (t->readonly) {
		tui_msg(t, R_ERROR, "%s", _("This view is read-only."));
		return;
	}
	/* The phase and the gates as they are now, not as last drawn:
	 * another terminal may have ticked an item or moved on. */
	tui_reload(t);
	const size_t n = t->def->n_phases;
	const int cur = t->phase;
	const char *stay = cur >= 0 ? t->def->phases[cur].title : _("setting up");
	if ((size_t)(cur + 1) >= n) {
		tui_msg(t, R_INFO, _("%s is the last phase: there is no next phase."), stay);
		return;
	}
	if (ps->err[0]) {
		tui_msg(t, R_ERROR, "%s", ps->err);
		return;
	}
	const bl_phase *next = &t->def->phases[cur + 1];
	bl_err err = { { 0 } };
	int rc, n_failed = ps->n_failed;
	if (n_failed == 0) {
		char q[512];
		if (cur < 0)
			snprintf(q, sizeof q, _("Start the process with 1. %s?"), next->title);
		else
			snprintf(q, sizeof q, _("Every gate passes. Move on to %d. %s?"), cur + 2, next->title);
		if (!tui_confirm(t, q)) {
			tui_msg(t, R_INFO, _("Nothing changed: the process stays in %s."), stay);
			return;
		}
		rc = bl_store_phase_advance_freeze(t->store, cur + 1, NULL, NULL,
						   t->def->readings.freeze_at, &err);
	} else {
		char *failed = failed_text(ps);
		if (!failed) {
			tui_msg(t, R_ERROR, "%s", _("out of memory"));
			return;
		}
		char label[128], reason[512];
		if (n_failed == 1)
			snprintf(label, sizeof label, "%s", _("1 gate fails; reason to move on anyway: "));
		else
			snprintf(label, sizeof label, _("%d gates fail; reason to move on anyway: "), n_failed);
		ps->asking = true;
		int r = tui_prompt(t, label, "", reason, sizeof reason, valid_reason, NULL);
		ps->asking = false;
		if (r != 1) {
			free(failed);
			tui_msg(t, R_INFO, _("Nothing changed: the process stays in %s."), stay);
			return;
		}
		rc = bl_store_phase_advance_freeze(t->store, cur + 1, reason, failed,
						   t->def->readings.freeze_at, &err);
		free(failed);
	}
	if (rc != 0)
		tui_msg_err(t, &err);
	else if (n_failed)
		tui_msg(t, R_INFO, _("Now in %d. %s (gates overridden; the reason is journalled)."),
			cur + 2, next->title);
	else if (t->def->readings.freeze_at && strcmp(t->def->readings.freeze_at, next->id) == 0)
		tui_msg(t, R_INFO, _("Now in phase %d of %zu: %s. The proposal is frozen as the"
				     " first-reading version; it changes by amendments (0)."),
			cur + 2, n, next->title);
	else
		tui_msg(t, R_INFO, _("Now in phase %d of %zu: %s."), cur + 2, n, next->title);
	tui_reload(t);
	ps->follow = true;
}

static void tick(tui *t, proc_state *ps)
{
	if (t->readonly) {
		tui_msg(t, R_ERROR, "%s", _("This view is read-only."));
		return;
	}
	if (t->phase < 0) {
		tui_msg(t, R_INFO, "%s", _("The process has not started, so there is no checklist yet; A starts it."));
		return;
	}
	const bl_phase *ph = &t->def->phases[t->phase];
	if (!ps->n_items) {
		tui_msg(t, R_INFO, _("%s has no checklist."), ph->title);
		return;
	}
	int i = ps->sel;
	bool to = !ps->done[i];
	bl_err err = { { 0 } };
	if (bl_store_checklist_set(t->store, ph->id, i, to, &err) != 0) {
		tui_msg_err(t, &err);
	} else {
		tui_reload(t);
		size_t n_done = 0;
		for (size_t k = 0; k < ps->n_items; k++)
			n_done += ps->done[k];
		/* The count first: a long item is cut at the end. */
		tui_msg(t, R_INFO, to ? _("Ticked (%zu of %zu done): %d. %s") : _("Unticked (%zu of %zu done): %d. %s"),
			n_done, ps->n_items, i + 1, ph->checklist[i]);
	}
	ps->follow = true;
}

static bool p_act(tui *t, void *st, tui_act a)
{
	proc_state *ps = st;
	int n = (int)ps->n_items, step = ps->page > 2 ? ps->page - 1 : 1;
	switch (a) {
	case ACT_DOWN:
		if (n && ps->sel < n - 1) {
			ps->sel++;
			ps->follow = true;
		} else {
			ps->top++; /* past the checklist: read on */
		}
		break;
	case ACT_UP:
		if (n && ps->sel > 0) {
			ps->sel--;
			ps->follow = true;
		} else {
			ps->top--;
		}
		break;
	case ACT_PGDN:
		ps->top += step;
		break;
	case ACT_PGUP:
		ps->top -= step;
		break;
	case ACT_HOME:
		ps->top = 0;
		ps->sel = 0;
		break;
	case ACT_END:
		ps->top = (int)ps->n_rows;
		if (n)
			ps->sel = n - 1;
		break;
	case ACT_TICK:
		tick(t, ps);
		return true;
	case ACT_ADVANCE:
		advance(t, ps);
		return true;
	default:
		return false;
	}
	clamp_top(ps);
	return true;
}

static void p_dump(tui *t, void *st, FILE *f)
{
	proc_state *ps = st;
	fprintf(f, "process.phase=%s\n", t->phase >= 0 ? t->def->phases[t->phase].id : "setup");
	fprintf(f, "process.next=%s\n", (size_t)(t->phase + 1) < t->def->n_phases
		? t->def->phases[t->phase + 1].id : "none");
	fprintf(f, "process.layout=%s\n", ps->layout ? ps->layout : "");
	fprintf(f, "process.items=%zu\n", ps->n_items);
	fprintf(f, "process.selected=%d\n", ps->n_items ? ps->sel + 1 : 0);
	fprintf(f, "process.ticked=");
	bool first = true;
	for (size_t i = 0; i < ps->n_items; i++)
		if (ps->done[i]) {
			fprintf(f, "%s%zu", first ? "" : ",", i + 1);
			first = false;
		}
	fprintf(f, "\nprocess.gates=");
	for (int i = 0; i < ps->n_gates; i++)
		fprintf(f, "%s%s", i ? "," : "", ps->gates[i].pass ? "PASS" : "FAIL");
	fprintf(f, "\nprocess.error=%s\n", ps->err);
	fprintf(f, "process.top=%d\nprocess.rows=%zu\nprocess.page=%d\n", ps->top, ps->n_rows, ps->page);
	fprintf(f, "process.asking=%s\n", ps->asking ? "yes" : "no");
}

const tui_screen_ops tui_screen_process = {
	.id = SCR_PROCESS, .name = "process", .title = N_("Process"),
	.open = p_open, .close = p_close, .reload = p_reload, .draw = p_draw,
	.act = p_act, .dump = p_dump,
};
