/* screen_journal.c: the change history, newest first, a page at a time.
 *
 * One row an entry: when (local time), who, what happened, its key (a
 * line code, an area code, a goal, a phase) and a summary in words, with
 * amounts in the process language and the chosen unit
 * (core/journal_fmt.c), never raw øre.  The selected entry's summary is
 * shown in full below the list, since at 80 columns the row cuts it.
 *
 * The journal is never pruned and may be large, so only the rows on the
 * screen are read (bl_store_journal_page), and only when the page, the
 * filter, the unit or the data changed, not at every key.  Since the
 * journal is append-only and newest first, entries arriving from another
 * terminal only ever push the list down: the selection is moved down with
 * them, so it stays on the entry it was on (unless it was on the newest,
 * where one watches new entries arrive).
 *
 * `/` filters to one budget line by its code (its own changes and its
 * amounts', as `budgetlab journal --line`); an unknown code is refused;
 * empty, or Esc, shows everything again. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/journal_fmt.h"
#include "core/text.h"
#include "tui/tui.h"

#define TIME_W 16

typedef struct jrow {
	int64_t id;
	char at[32], actor[64], what[64], key[128];
	char raw_at[32], entity[16], action[16];
	char summary[1024];
	int sum_rc;
} jrow;

typedef struct journal_state {
	char filter[128];  /* a line code, "" for all */
	int64_t total;     /* entries under the filter */
	int64_t sel, top;  /* 0 = the newest */
	int page;          /* entries on the screen, from the last draw */
	bool line_exists;  /* the filtered line exists (for an empty list) */
	/* the page read */
	jrow *rows;
	int n_rows, cap_rows;
	int64_t rows_top;
	int rows_page;
	bl_unit rows_unit;
	bool stale;
	char err[BL_ERR_MAX];
} journal_state;

static void count(tui *t, journal_state *js)
{
	bl_err err = { { 0 } };
	int64_t n = 0, old = js->total;
	js->err[0] = '\0';
	if (bl_store_journal_count_for(t->store, js->filter, &n, &err) != 0) {
		snprintf(js->err, sizeof js->err, "%s", err.msg);
		n = 0;
	}
	/* New entries come first: keep the selection on its entry. */
	if (n > old && js->sel > 0) {
		js->sel += n - old;
		js->top += n - old;
	}
	js->total = n;
	if (js->sel >= n)
		js->sel = n > 0 ? n - 1 : 0;
	js->stale = true;
}

static void *j_open(tui *t)
{
	journal_state *js = calloc(1, sizeof *js);
	if (!js) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	count(t, js);
	return js;
}

static void j_close(void *st)
{
	journal_state *js = st;
	free(js->rows);
	free(js);
}

static void j_reload(tui *t, void *st)
{
	count(t, st);
}

static void copy_text(char *dst, size_t dstsz, const char *s)
{
	/* Only for our own strings (entity, action): short and plain. */
	snprintf(dst, dstsz, "%s", s ? s : "");
}

/* A key or actor from the file, control characters escaped. */
static void copy_quoted(char *dst, size_t dstsz, const char *s)
{
	char q[BL_QUOTE_MAX];
	bl_text_quote(s ? s : "", s ? strlen(s) : 0, q);
	/* Cut between code points when dst is smaller. */
	size_t n = strlen(q);
	if (n >= dstsz) {
		n = dstsz - 1;
		while (n > 0 && ((unsigned char)q[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, q, n);
	dst[n] = '\0';
}

typedef struct fill_ctx {
	tui *t;
	journal_state *js;
} fill_ctx;

static int fill_row(void *ctx, const bl_journal_entry *e)
{
	fill_ctx *fc = ctx;
	journal_state *js = fc->js;
	if (js->n_rows >= js->cap_rows)
		return 1;
	jrow *r = &js->rows[js->n_rows++];
	r->id = e->id;
	bl_journal_time(e->at, r->at, sizeof r->at);
	copy_quoted(r->raw_at, sizeof r->raw_at, e->at);
	copy_quoted(r->actor, sizeof r->actor, e->actor);
	copy_quoted(r->key, sizeof r->key, e->key);
	copy_quoted(r->entity, sizeof r->entity, e->entity);
	copy_text(r->action, sizeof r->action, e->action);
	bl_journal_what(e->entity, e->action, r->what, sizeof r->what);
	r->sum_rc = bl_journal_summary(e->entity, e->action, e->key, e->before, e->after,
				       fc->t->info.lang, fc->t->unit, r->summary, sizeof r->summary);
	return 0;
}

/* Read the page [top, top+page) unless it is the one already read. */
static void read_page(tui *t, journal_state *js, int page)
{
	if (!js->stale && js->rows_top == js->top && js->rows_page == page && js->rows_unit == t->unit)
		return;
	if (page > js->cap_rows) {
		jrow *n = realloc(js->rows, (size_t)page * sizeof *n);
		if (!n) {
			snprintf(js->err, sizeof js->err, "%s", _("out of memory"));
			return;
		}
		js->rows = n;
		js->cap_rows = page;
	}
	js->n_rows = 0;
	bl_err err = { { 0 } };
	fill_ctx fc = { t, js };
	if (bl_store_journal_page(t->store, js->filter, js->top, page, fill_row, &fc, &err) < 0)
		snprintf(js->err, sizeof js->err, "%s", err.msg);
	js->rows_top = js->top;
	js->rows_page = page;
	js->rows_unit = t->unit;
	js->stale = false;
}

static void fix_top(journal_state *js)
{
	if (js->sel < 0)
		js->sel = 0;
	if (js->sel >= js->total)
		js->sel = js->total > 0 ? js->total - 1 : 0;
	if (js->page < 1)
		return;
	if (js->sel < js->top)
		js->top = js->sel;
	if (js->sel >= js->top + js->page)
		js->top = js->sel - js->page + 1;
	/* No blank rows below the last entry while there are entries above. */
	if (js->top > js->total - js->page)
		js->top = js->total - js->page;
	if (js->top < 0)
		js->top = 0;
}

typedef struct cols {
	int actor, what, key, sum; /* widths; time is TIME_W */
} cols;

static cols widths(int w)
{
	cols c;
	/* The summary gets what the fixed columns leave, the others grow a
	 * little on a wide screen. */
	bool wide = w >= 120;
	/* A line code (11 columns in the demo) is whole even at 80. */
	c.actor = wide ? 14 : 9;
	c.what = wide ? 15 : 14;
	c.key = wide ? 14 : 11;
	c.sum = w - TIME_W - c.actor - c.what - c.key - 4;
	if (c.sum < 10)
		c.sum = 10;
	return c;
}

static void draw_row(int y, int x, const cols *c, const char *at, const char *actor,
		     const char *what, const char *key, const char *sum, int role, int sum_role)
{
	tui_put(y, x, TIME_W, at, role, false);
	x += TIME_W + 1;
	tui_put(y, x, c->actor, actor, role, false);
	x += c->actor + 1;
	tui_put(y, x, c->what, what, role, false);
	x += c->what + 1;
	tui_put(y, x, c->key, key, role, false);
	x += c->key + 1;
	tui_put(y, x, c->sum, sum, sum_role, false);
}

static void j_draw(tui *t, void *st, int top, int rows)
{
	journal_state *js = st;
	int w = COLS - 2, x = 1;
	/* The selected entry in full below the list: a separator, a line
	 * about the record, and its summary wrapped. */
	int detail = rows >= 30 ? 8 : 5;
	int page = rows - 2 - detail;
	if (page < 1)
		page = 1;
	js->page = page;
	fix_top(js);
	read_page(t, js, page);

	char head[512], pos[128];
	char q[BL_QUOTE_MAX];
	bl_text_quote(js->filter, strlen(js->filter), q);
	if (js->filter[0])
		snprintf(head, sizeof head, _("Changes to line %s (Esc: all changes) · amounts in %s"), q,
			 bl_unit_label(t->unit, t->info.lang));
	else
		snprintf(head, sizeof head, _("Every change, newest first · amounts in %s"),
			 bl_unit_label(t->unit, t->info.lang));
	if (js->total > 0)
		snprintf(pos, sizeof pos, _("%lld–%lld of %lld"), (long long)js->top + 1,
			 (long long)(js->top + js->n_rows), (long long)js->total);
	else
		snprintf(pos, sizeof pos, "%s", _("none"));
	int pw = bl_text_width(pos);
	tui_put(top, x, w - pw - 1, head, R_HEADING, false);
	tui_put(top, x + w - pw, pw, pos, R_DIM, true);

	cols c = widths(w);
	draw_row(top + 1, x, &c, _("When"), _("Who"), _("What"), _("Key"), _("Summary"), R_HEADING, R_HEADING);

	int y0 = top + 2;
	if (js->err[0]) {
		tui_wrap(y0, x, w, page, js->err, R_ERROR);
	} else if (js->total == 0) {
		const char *why;
		char buf[512];
		if (js->filter[0]) {
			snprintf(buf, sizeof buf, _("No changes to line %s since it was loaded: a bulk load"
						    " is one entry for all its lines (Esc: all changes)."), q);
			why = buf;
		} else {
			why = _("The journal is empty.");
		}
		tui_wrap(y0, x, w, page, why, R_DIM);
	}
	for (int i = 0; i < js->n_rows && !js->err[0]; i++) {
		const jrow *r = &js->rows[i];
		bool on = js->top + i == js->sel;
		int role = on ? R_SELECTED : R_NORMAL;
		if (on)
			tui_fill(y0 + i, 0, COLS, R_SELECTED);
		draw_row(y0 + i, x, &c, r->at, r->actor, r->what, r->key, r->summary, role,
			 on ? R_SELECTED : r->sum_rc == BL_JSUM_UNREADABLE ? R_ERROR : R_NORMAL);
	}

	/* The selected entry in full. */
	int yd = top + rows - detail;
	for (int cx = 0; cx < COLS; cx++)
		tui_puts(yd, cx, "─", R_DIM);
	int64_t k = js->sel - js->rows_top;
	if (k >= 0 && k < js->n_rows && !js->err[0]) {
		const jrow *r = &js->rows[k];
		char about[512];
		snprintf(about, sizeof about, _("#%lld · %s · %s · %s %s%s%s"), (long long)r->id, r->raw_at,
			 r->actor, r->entity, r->action, r->key[0] ? " · " : "", r->key);
		tui_put(yd + 1, x, w, about, R_DIM, false);
		int avail = detail - 2, role = r->sum_rc == BL_JSUM_UNREADABLE ? R_ERROR : R_NORMAL;
		tui_wrap(yd + 2, x, w, avail, r->summary, role);
		/* More than fits: say so where it is cut. */
		if (tui_wrap_rows(w, r->summary) > avail)
			tui_put(yd + 1 + avail, x + w - 1, 1, "…", role, false);
	}
}

/* ---- the filter ---- */

typedef struct filter_check {
	bool exists;
} filter_check;

static void trim(char *s)
{
	size_t n = strlen(s), a = 0;
	while (a < n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
}

static const char *valid_line(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	filter_check *fc = ctx;
	char code[256];
	snprintf(code, sizeof code, "%s", text);
	trim(code);
	if (!code[0])
		return NULL;
	bl_err err = { { 0 } };
	int64_t n = 0;
	if (bl_store_journal_count_for(t->store, code, &n, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	if (n > 0)
		return NULL; /* a deleted line still has its history */
	bl_line l = { 0 };
	if (bl_store_line_find(t->store, code, &l, &err) == 0) {
		bl_line_clear(&l);
		fc->exists = true;
		return NULL;
	}
	char q[BL_QUOTE_MAX];
	bl_text_quote(code, strlen(code), q);
	snprintf(msg, msgsz, _("There is no budget line '%s', and the journal has nothing about one."), q);
	return msg;
}

static void set_filter(tui *t, journal_state *js, const char *code)
{
	snprintf(js->filter, sizeof js->filter, "%s", code);
	js->sel = js->top = 0;
	js->total = 0;
	count(t, js);
}

static bool j_act(tui *t, void *st, tui_act a)
{
	journal_state *js = st;
	int64_t step = js->page > 1 ? js->page - 1 : 1;
	switch (a) {
	case ACT_DOWN: js->sel++; break;
	case ACT_UP: js->sel--; break;
	case ACT_PGDN: js->sel += step; js->top += step; break;
	case ACT_PGUP: js->sel -= step; js->top -= step; break;
	case ACT_HOME: js->sel = 0; break;
	case ACT_END: js->sel = js->total - 1; break;
	case ACT_BACK:
		if (!js->filter[0])
			return false;
		set_filter(t, js, "");
		tui_msg(t, R_INFO, _("Showing every change (%lld)."), (long long)js->total);
		return true;
	case ACT_FILTER: {
		char text[128];
		filter_check fc = { false };
		if (tui_prompt(t, _("Changes to line (code; empty: all changes): "), js->filter, text,
			       sizeof text, valid_line, &fc) != 1)
			return true;
		trim(text);
		set_filter(t, js, text);
		if (!text[0])
			tui_msg(t, R_INFO, _("Showing every change (%lld)."), (long long)js->total);
		else
			tui_msg(t, R_INFO, _("Showing the changes to line %s (%lld)."), js->filter,
				(long long)js->total);
		return true;
	}
	default:
		return false;
	}
	if (js->top < 0)
		js->top = 0;
	fix_top(js);
	return true;
}

static void j_dump(tui *t, void *st, FILE *f)
{
	journal_state *js = st;
	(void)t;
	fprintf(f, "journal.filter=%s\n", js->filter);
	fprintf(f, "journal.total=%lld\n", (long long)js->total);
	fprintf(f, "journal.selected=%lld\n", js->total ? (long long)js->sel + 1 : 0LL);
	fprintf(f, "journal.top=%lld\njournal.page=%d\n", (long long)js->top + 1, js->page);
	int64_t k = js->sel - js->rows_top;
	if (k >= 0 && k < js->n_rows) {
		fprintf(f, "journal.selected_id=%lld\n", (long long)js->rows[k].id);
		fprintf(f, "journal.summary=%s\n", js->rows[k].summary);
	}
	fprintf(f, "journal.error=%s\n", js->err);
}

const tui_screen_ops tui_screen_journal = {
	.id = SCR_JOURNAL, .name = "journal", .title = N_("Journal"),
	.open = j_open, .close = j_close, .reload = j_reload, .draw = j_draw,
	.act = j_act, .dump = j_dump,
};
