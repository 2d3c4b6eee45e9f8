/* screen_goals.c: the goals, and the budget lines that serve them.
 *
 * "Goals before economy": the process starts by saying what the
 * municipality and each of its areas want to achieve, before anyone
 * talks about amounts; later each goal is linked to the lines that serve
 * it, so a room can see what a goal costs.  The list is in the order of
 * the area hierarchy (the municipality's own goals first, then each
 * area's, an area's sub-areas after it), so the goals of one committee
 * stand together and a committee without a goal is easy to notice.
 *
 *   row 0            column headings
 *   rows 1..L        the goals; Enter opens one: beneath it, a heading
 *                    and the lines that serve it, with their amounts in
 *                    the budget year (t->version, t->unit)
 *   separator        "─", with where the list is scrolled
 *   the rest         the selected goal's (or line's) full title and
 *                    description, which the columns may cut
 *
 * The cursor moves over the goals and the lines of the open goal; on a
 * line, U offers to unlink that line and p puts the line on the
 * projector; e, d and L act on the goal the line belongs to.  Only one
 * goal is open at a time.
 *
 * Every change goes through the store, one transaction each, where the
 * triggers journal it and enforce the phase's locks.  The screen refuses
 * before opening a form when goals are locked (or the file is read-only),
 * so nobody types a goal that cannot be saved; the store's refusal is
 * still shown if the lock arrived from another terminal meanwhile. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config/sdg_file.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/goal_store.h"
#include "tui/tui.h"

/* What the form takes: the CLI's limits (cmd_goals.c), so a goal made
 * here can be changed there and the other way round. */
#define TITLE_MAX 200
#define DESC_MAX 4000

enum row_kind { ROW_GOAL, ROW_HEAD, ROW_LINE, ROW_NOLINES };

typedef struct row {
	enum row_kind kind;
	int goal; /* index into items */
	int line; /* index into lines (ROW_LINE) */
} row;

typedef struct item {
	bl_goal g;
	int64_t n_lines;
	int rank; /* the area's place in tree order; -1: the municipality */
} item;

typedef struct gline {
	int64_t id;
	char *code, *title, *description;
	bl_direction dir;
	bl_money amount; /* in the budget year */
	bool has;
} gline;

/* What the screen shows: the list, the bridge from goals to money, or
 * the SDG matrix (b and S switch, Esc goes back to the list). */
enum goals_view { VIEW_LIST, VIEW_BRIDGE, VIEW_SDG };
static const char *const view_names[] = { "list", "bridge", "sdg" };

/* A paragraph of the bridge and the SDG matrix: text wrapped to the
 * width, or a row of money per year (a label, the goal's status, the
 * number of lines, the expenses of each year in columns), or money as
 * text ("Expenses (6 lines): 2028 1.234 · 2029 ..."), made when drawn
 * because the unit may change. */
enum para_kind { PA_TEXT, PA_MONEY, PA_SUMTEXT };
typedef struct para {
	enum para_kind kind;
	int indent, role;
	char *text;             /* the text, the label, or the money's lead */
	int status;             /* PA_MONEY of a goal: its status; -1: none */
	const bl_line_sum *sum; /* PA_MONEY, PA_SUMTEXT: in the state's bridge */
} para;

typedef struct goals_state {
	item *items;
	size_t n;
	bl_area *areas;
	size_t n_areas;
	int64_t open_id;   /* the goal whose lines are shown; 0: none */
	gline *lines;      /* the open goal's, by code */
	size_t n_lines;
	row *rows;
	size_t n_rows;
	int sel;           /* index into rows; -1 when there are none */
	int top;           /* first row shown */
	int page;          /* list rows of the last layout */
	bl_spotlight spot; /* what the projector shows */
	/* The selected goal's SDG targets and indicator as one line of
	 * text, read when the selection moves to another goal or the data
	 * is reloaded, not on every draw. */
	int64_t sdg_goal;  /* whose text sdg_text is; 0: none read yet */
	char sdg_text[512];
	/* The goals' statuses, and the committees (the top-level areas):
	 * how many there are, and how many have an agreed goal on
	 * themselves or an area under them (the gate
	 * every_area_has_agreed_goal at level 1). */
	size_t n_status[3];
	int committees, committees_agreed;
	/* The bridge and the SDG matrix, read when one is shown. */
	int view;
	para *paras;
	size_t n_paras;
	int vtop, vpage, vtotal; /* wrapped rows: the first shown, a page, all */
	bool have_bridge;
	bl_bridge bridge;
	bl_sdg_set sdg;
	bool have_sdg;           /* loaded once, when first needed */
	size_t n_chosen;
	int chosen[BL_SDG_GOALS];
	size_t n_unserved_goals; /* goals no line serves */
} goals_state;

/* ---- text for the screen ---- */

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s, false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

static const bl_area *area_of(const goals_state *g, int64_t id)
{
	for (size_t i = 0; i < g->n_areas; i++)
		if (g->areas[i].id == id)
			return &g->areas[i];
	return NULL;
}

/* "BSU.03 Børn og unge med særlige behov", or the municipality. */
static void area_label(const goals_state *g, int64_t id, char *buf, size_t bufsz)
{
	const bl_area *a = id ? area_of(g, id) : NULL;
	if (!id)
		snprintf(buf, bufsz, "%s", _("whole municipality"));
	else if (a)
		snprintf(buf, bufsz, "%s %s", a->code, a->name);
	else
		snprintf(buf, bufsz, _("area %" PRId64), id);
}

/* What the form shows for an area: its code when that is unique in the
 * hierarchy (bl_store_area_find takes it), else its path of codes. */
static void area_ref(const goals_state *g, int64_t id, char *buf, size_t bufsz)
{
	buf[0] = '\0';
	const bl_area *a = id ? area_of(g, id) : NULL;
	if (!a)
		return;
	int same = 0;
	for (size_t i = 0; i < g->n_areas; i++)
		same += strcmp(g->areas[i].code, a->code) == 0;
	if (same == 1) {
		snprintf(buf, bufsz, "%s", a->code);
		return;
	}
	/* The path, built from the leaf up. */
	char path[512] = "", tmp[512];
	for (const bl_area *p = a; p; p = p->parent_id ? area_of(g, p->parent_id) : NULL) {
		snprintf(tmp, sizeof tmp, "%s%s%s", p->code, path[0] ? "/" : "", path);
		snprintf(path, sizeof path, "%s", tmp);
	}
	snprintf(buf, bufsz, "%s", path);
}

/* A goal's status as the screens show it, short: the projector's view
 * (screen_present.c) says it the same way. */
const char *tui_goal_status_label(bl_goal_status st)
{
	switch (st) {
	case BL_GOAL_AGREED: return _("agreed");
	case BL_GOAL_DISCUSSED: return _("discussed");
	default: return _("draft");
	}
}

static int status_role(bl_goal_status st)
{
	return st == BL_GOAL_AGREED ? R_PASS : st == BL_GOAL_DISCUSSED ? R_INFO : R_DIM;
}

/* How many top-level areas (the committees) there are, and how many
 * have an agreed goal on themselves or on an area below them. */
static void count_committees(goals_state *g)
{
	g->committees = g->committees_agreed = 0;
	memset(g->n_status, 0, sizeof g->n_status);
	bool *agreed = g->n_areas ? calloc(g->n_areas, sizeof *agreed) : NULL;
	for (size_t i = 0; i < g->n; i++) {
		const bl_goal *goal = &g->items[i].g;
		g->n_status[goal->status <= BL_GOAL_AGREED ? goal->status : 0]++;
		if (goal->status != BL_GOAL_AGREED || !goal->area_id || !agreed)
			continue;
		/* Up to the top; a chain longer than the store allows is cut. */
		const bl_area *a = area_of(g, goal->area_id);
		for (int depth = 0; a && a->parent_id && depth < 64; depth++)
			a = area_of(g, a->parent_id);
		if (a)
			agreed[a - g->areas] = true;
	}
	for (size_t i = 0; i < g->n_areas; i++)
		if (!g->areas[i].parent_id) {
			g->committees++;
			g->committees_agreed += agreed && agreed[i];
		}
	free(agreed);
}

/* "3 of 7 committees have an agreed goal"; "" without committees. */
static void committees_text(const goals_state *g, char *buf, size_t bufsz)
{
	buf[0] = '\0';
	if (!g->committees)
		return;
	snprintf(buf, bufsz,
		 ngettext("%d of %d committee has an agreed goal", "%d of %d committees have an agreed goal",
			  (unsigned long)g->committees),
		 g->committees_agreed, g->committees);
}

/* ---- loading ---- */

static void free_lines(goals_state *g)
{
	for (size_t i = 0; i < g->n_lines; i++) {
		free(g->lines[i].code);
		free(g->lines[i].title);
		free(g->lines[i].description);
	}
	free(g->lines);
	g->lines = NULL;
	g->n_lines = 0;
}

static void free_data(goals_state *g)
{
	for (size_t i = 0; i < g->n; i++)
		bl_goal_clear(&g->items[i].g);
	free(g->items);
	g->items = NULL;
	g->n = 0;
	bl_areas_free(g->areas, g->n_areas);
	g->areas = NULL;
	g->n_areas = 0;
	free_lines(g);
	free(g->rows);
	g->rows = NULL;
	g->n_rows = 0;
	bl_spotlight_clear(&g->spot);
}

static int by_area_then_id(const void *a, const void *b)
{
	const item *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->g.id < y->g.id ? -1 : x->g.id > y->g.id;
}

typedef struct lines_ctx {
	goals_state *g;
	size_t cap;
	bool oom;
} lines_ctx;

static int take_line(void *ctx, const bl_line *l, const bl_money *amounts, const bool *has, int n_years)
{
	lines_ctx *c = ctx;
	goals_state *g = c->g;
	if (g->n_lines == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 8;
		gline *v = realloc(g->lines, cap * sizeof *v);
		if (!v) {
			c->oom = true;
			return 1;
		}
		g->lines = v;
		c->cap = cap;
	}
	gline *d = &g->lines[g->n_lines];
	memset(d, 0, sizeof *d);
	d->id = l->id;
	d->dir = l->dir;
	d->code = strdup(l->code);
	d->title = strdup(l->title);
	d->description = l->description ? strdup(l->description) : NULL;
	d->amount = n_years > 0 ? amounts[0] : 0;
	d->has = n_years > 0 && has[0];
	g->n_lines++;
	if (!d->code || !d->title || (l->description && !d->description)) {
		c->oom = true;
		return 1;
	}
	return 0;
}

static int find_item(const goals_state *g, int64_t id)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->items[i].g.id == id)
			return (int)i;
	return -1;
}

static void build_rows(goals_state *g)
{
	free(g->rows);
	g->n_rows = 0;
	size_t need = g->n + (g->open_id ? 1 + (g->n_lines ? g->n_lines : 1) : 0);
	g->rows = need ? calloc(need, sizeof *g->rows) : NULL;
	if (!g->rows)
		return;
	for (size_t i = 0; i < g->n; i++) {
		g->rows[g->n_rows++] = (row){ ROW_GOAL, (int)i, -1 };
		if (g->items[i].g.id != g->open_id)
			continue;
		g->rows[g->n_rows++] = (row){ ROW_HEAD, (int)i, -1 };
		if (!g->n_lines)
			g->rows[g->n_rows++] = (row){ ROW_NOLINES, (int)i, -1 };
		for (size_t j = 0; j < g->n_lines; j++)
			g->rows[g->n_rows++] = (row){ ROW_LINE, (int)i, (int)j };
	}
}

static bool selectable(const goals_state *g, int r)
{
	return r >= 0 && (size_t)r < g->n_rows &&
	       (g->rows[r].kind == ROW_GOAL || g->rows[r].kind == ROW_LINE);
}

/* The goal and line the cursor is on (0 for none). */
static void sel_ids(const goals_state *g, int64_t *goal, int64_t *line)
{
	*goal = *line = 0;
	if (!selectable(g, g->sel))
		return;
	const row *r = &g->rows[g->sel];
	*goal = g->items[r->goal].g.id;
	if (r->kind == ROW_LINE)
		*line = g->lines[r->line].id;
}

static void select_ids(goals_state *g, int64_t goal, int64_t line, int fallback)
{
	int goal_row = -1;
	for (size_t r = 0; r < g->n_rows; r++) {
		const row *w = &g->rows[r];
		if (g->items[w->goal].g.id != goal)
			continue;
		if (w->kind == ROW_GOAL)
			goal_row = (int)r;
		if (line && w->kind == ROW_LINE && g->lines[w->line].id == line) {
			g->sel = (int)r;
			return;
		}
	}
	if (goal_row >= 0) {
		g->sel = goal_row;
		return;
	}
	/* The goal is gone (deleted here or elsewhere): the row that took
	 * its place, so the cursor does not jump to the top. */
	if (!g->n_rows) {
		g->sel = -1;
		return;
	}
	if (fallback >= (int)g->n_rows)
		fallback = (int)g->n_rows - 1;
	if (fallback < 0)
		fallback = 0;
	while (fallback > 0 && !selectable(g, fallback))
		fallback--;
	g->sel = fallback;
}

static void load_view(tui *t, goals_state *g);

/* Read everything again, keeping the cursor on the same goal (or line). */
static void load(tui *t, goals_state *g)
{
	g->sdg_goal = 0;
	int64_t sgoal, sline;
	sel_ids(g, &sgoal, &sline);
	int old_sel = g->sel;
	free_data(g);
	bl_err err = { { 0 } };
	bl_goal *goals = NULL;
	size_t n = 0, n_counts = 0;
	bl_goal_count *counts = NULL;
	if (bl_store_goals(t->store, &goals, &n, &err) != 0 ||
	    bl_store_areas(t->store, &g->areas, &g->n_areas, &err) != 0 ||
	    bl_store_goal_line_counts(t->store, &counts, &n_counts, &err) != 0 ||
	    bl_store_spotlight_get(t->store, &g->spot, &err) != 0) {
		tui_msg_err(t, &err);
		bl_goals_free(goals, n);
		free(counts);
		g->sel = -1;
		return;
	}
	g->items = n ? calloc(n, sizeof *g->items) : NULL;
	if (n && !g->items) {
		bl_goals_free(goals, n);
		free(counts);
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	/* Both are ordered by goal id: merge. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		item *it = &g->items[i];
		it->g = goals[i];
		while (k < n_counts && counts[k].goal_id < goals[i].id)
			k++;
		it->n_lines = k < n_counts && counts[k].goal_id == goals[i].id ? counts[k].n : 0;
		it->rank = goals[i].area_id ? (int)g->n_areas : -1;
		for (size_t a = 0; a < g->n_areas; a++)
			if (g->areas[a].id == goals[i].area_id)
				it->rank = (int)a;
	}
	g->n = n;
	free(goals); /* the strings now belong to the items */
	free(counts);
	if (n)
		qsort(g->items, n, sizeof *g->items, by_area_then_id);
	count_committees(g);
	if (g->open_id && find_item(g, g->open_id) < 0)
		g->open_id = 0;
	if (g->open_id) {
		lines_ctx c = { g, 0, false };
		if (bl_store_goal_lines_each(t->store, g->open_id, t->version, take_line, &c, &err) != 0) {
			if (c.oom)
				tui_msg(t, R_ERROR, "%s", _("out of memory"));
			else
				tui_msg_err(t, &err);
		}
	}
	build_rows(g);
	select_ids(g, sgoal, sline, old_sel);
	load_view(t, g);
}

/* Another terminal may have changed the goals or moved the phase since
 * the last poll (a script's `exec` does that between two keys): look
 * again before acting on what is shown. */
static void catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

/* ---- layout ---- */

typedef struct cols {
	int num_x, num_w;
	int title_x, title_w; /* the marker (▸/▾) and the title */
	int area_x, area_w;
	int status_x, status_w; /* draft, discussed, agreed */
	int count_x, count_w;
	int right;            /* the end (exclusive) of the count, where the
			       * open goal's amounts end too */
	int desc_x, desc_w;   /* on a wide terminal; desc_w 0: none */
} cols;

/* The narrowest description column worth showing. */
#define DESC_COL_MIN 24

static void layout(const goals_state *g, cols *c)
{
	int64_t max_id = 9;
	int max_area = 0, max_title = bl_text_width(_("Goal")) + 2;
	char buf[512];
	for (size_t i = 0; i < g->n; i++) {
		if (g->items[i].g.id > max_id)
			max_id = g->items[i].g.id;
		area_label(g, g->items[i].g.area_id, buf, sizeof buf);
		int w = bl_text_width(buf);
		if (w > max_area)
			max_area = w;
		tui_clean(g->items[i].g.title, false, buf, sizeof buf);
		if ((w = bl_text_width(buf) + 2) > max_title)
			max_title = w;
	}
	if (max_area < bl_text_width(_("Area")))
		max_area = bl_text_width(_("Area"));
	snprintf(buf, sizeof buf, "%" PRId64, max_id);
	c->num_x = 1;
	c->num_w = (int)strlen(buf) < 2 ? 2 : (int)strlen(buf);
	c->count_w = bl_text_width(_("Lines"));
	if (c->count_w < 5)
		c->count_w = 5;
	c->status_w = bl_text_width(_("Status"));
	for (int st = BL_GOAL_DRAFT; st <= BL_GOAL_AGREED; st++)
		if (bl_text_width(tui_goal_status_label((bl_goal_status)st)) > c->status_w)
			c->status_w = bl_text_width(tui_goal_status_label((bl_goal_status)st));
	c->right = COLS - 1;
	c->count_x = c->right - c->count_w;
	c->status_x = c->count_x - 2 - c->status_w;
	c->title_x = c->num_x + c->num_w + 2;
	/* What is left for the title and the area: the title gets at least
	 * two thirds (it is what people read); the area its widest label
	 * when that fits. */
	int rem = c->status_x - 2 - 2 - c->title_x;
	int aw = rem / 3;
	if (max_area < aw)
		aw = max_area;
	if (aw < 10)
		aw = 10;
	c->area_w = aw;
	c->title_w = rem - aw;
	c->area_x = c->title_x + c->title_w + 2;
	c->desc_x = c->desc_w = 0;
	/* A wide terminal (160 columns) has room for every title and area
	 * in full: they keep their widths, the count follows them, and the
	 * rest shows the start of each description. */
	if (rem >= max_title + max_area + 2 + DESC_COL_MIN + 2) {
		c->title_w = max_title;
		c->area_w = max_area;
		c->area_x = c->title_x + c->title_w + 2;
		c->status_x = c->area_x + c->area_w + 2;
		c->count_x = c->status_x + c->status_w + 2;
		c->right = c->count_x + c->count_w;
		c->desc_x = c->right + 3;
		c->desc_w = COLS - 1 - c->desc_x;
	}
}

/* Rows for the full title and description under the list, and whether
 * there is room for them at all. */
static int detail_rows(int rows)
{
	return rows >= 40 ? 7 : rows >= 18 ? 4 : rows >= 13 ? 2 : 0;
}

static void keep_visible(goals_state *g)
{
	if (g->page < 1)
		g->page = 1;
	int max_top = (int)g->n_rows - g->page;
	if (max_top < 0)
		max_top = 0;
	if (g->sel >= 0) {
		if (g->sel < g->top)
			g->top = g->sel;
		if (g->sel >= g->top + g->page)
			g->top = g->sel - g->page + 1;
	}
	if (g->top > max_top)
		g->top = max_top;
	if (g->top < 0)
		g->top = 0;
}

/* ---- drawing ---- */

static void draw_goal_row(tui *t, goals_state *g, const cols *c, int y, const item *it, bool on)
{
	(void)t;
	int base = on ? R_SELECTED : R_NORMAL;
	char buf[512];
	if (on)
		tui_fill(y, 0, COLS, R_SELECTED);
	if (g->spot.kind == BL_SPOT_GOAL && g->spot.ref && strtoll(g->spot.ref, NULL, 10) == it->g.id)
		tui_put(y, 0, 1, "◆", on ? R_SELECTED : R_INFO, false);
	snprintf(buf, sizeof buf, "%" PRId64, it->g.id);
	tui_put(y, c->num_x, c->num_w, buf, on ? R_SELECTED : R_DIM, true);
	const char *mark = it->g.id == g->open_id ? "▾" : it->n_lines ? "▸" : " ";
	tui_put(y, c->title_x, 2, mark, base, false);
	put_clean(y, c->title_x + 2, c->title_w - 2, it->g.title, base, false);
	area_label(g, it->g.area_id, buf, sizeof buf);
	put_clean(y, c->area_x, c->area_w, buf, on ? R_SELECTED : it->g.area_id ? R_NORMAL : R_DIM, false);
	tui_put(y, c->status_x, c->status_w, tui_goal_status_label(it->g.status),
		on ? R_SELECTED : status_role(it->g.status), false);
	snprintf(buf, sizeof buf, "%" PRId64, it->n_lines);
	tui_put(y, c->count_x, c->count_w, buf, on ? R_SELECTED : it->n_lines ? R_NORMAL : R_DIM, true);
	if (c->desc_w && it->g.description)
		put_clean(y, c->desc_x, c->desc_w, it->g.description, on ? R_SELECTED : R_DIM, false);
}

/* The columns of the open goal's lines: beneath the titles, the amount
 * ending where the count does. */
typedef struct lcols {
	int code_x, code_w, title_x, title_w, tag_x, tag_w, amt_x, amt_w;
} lcols;

static void line_layout(tui *t, const goals_state *g, const cols *c, lcols *l)
{
	int code_w = 4, amt_w = 4;
	bool income = false;
	char buf[128];
	for (size_t i = 0; i < g->n_lines; i++) {
		int w = bl_text_width(g->lines[i].code);
		if (w > code_w)
			code_w = w;
		tui_fmt_amount(t, g->lines[i].amount, buf, sizeof buf);
		if ((w = bl_text_width(buf)) > amt_w)
			amt_w = w;
		income |= g->lines[i].dir == BL_DIR_INCOME;
	}
	l->code_x = c->title_x + 2;
	if (code_w > 16)
		code_w = 16;
	l->code_w = code_w;
	l->amt_w = amt_w;
	l->amt_x = c->right - amt_w;
	l->tag_w = income ? bl_text_width(_("income")) : 0;
	l->tag_x = l->amt_x - (income ? l->tag_w + 1 : 0);
	l->title_x = l->code_x + code_w + 2;
	l->title_w = l->tag_x - 2 - l->title_x;
}

static void draw_line_row(tui *t, goals_state *g, const lcols *l, int y, const gline *ln, bool on)
{
	int base = on ? R_SELECTED : R_NORMAL;
	char buf[128];
	if (on)
		tui_fill(y, 0, COLS, R_SELECTED);
	if (g->spot.kind == BL_SPOT_LINE && g->spot.ref && strcmp(g->spot.ref, ln->code) == 0)
		tui_put(y, 0, 1, "◆", on ? R_SELECTED : R_INFO, false);
	put_clean(y, l->code_x, l->code_w, ln->code, base, false);
	put_clean(y, l->title_x, l->title_w, ln->title, base, false);
	if (l->tag_w && ln->dir == BL_DIR_INCOME)
		tui_put(y, l->tag_x, l->tag_w, _("income"), on ? R_SELECTED : R_DIM, false);
	if (ln->has) {
		tui_fmt_amount(t, ln->amount, buf, sizeof buf);
		tui_put(y, l->amt_x, l->amt_w, buf,
			on ? R_SELECTED : ln->dir == BL_DIR_INCOME ? R_INCOME : R_EXPENSE, true);
	} else {
		tui_put(y, l->amt_x, l->amt_w, "–", on ? R_SELECTED : R_DIM, true);
	}
}

static void draw_head_row(tui *t, const lcols *l, int y, const item *it)
{
	char left[256], right[256];
	snprintf(left, sizeof left, _("Lines serving this goal: %" PRId64), it->n_lines);
	snprintf(right, sizeof right, _("%d · %s · %s"), tui_year(t, 0), t->version,
		 bl_unit_label(t->unit, t->info.lang));
	int rw = bl_text_width(right);
	int rx = l->amt_x + l->amt_w - rw;
	if (rx < l->code_x + bl_text_width(left) + 2)
		rx = l->code_x + bl_text_width(left) + 2;
	tui_put(y, l->code_x, rx - l->code_x, left, R_HEADING, false);
	tui_put(y, rx, rw, right, R_HEADING, false);
}

static bool goals_locked(const tui *t)
{
	return t->readonly || (t->locks & BL_LOCK_GOALS);
}

/* The goal's SDG targets and its indicator (budgetlab goal sdg, goal
 * indicator) as one line: "SDG 3.4, 4.1 · Trivsel: 78.5 (2026) → 85
 * (2030), latest 80.2"; "" when it has neither. */
static void sdg_line(tui *t, int64_t goal, char *buf, size_t bufsz)
{
	size_t len = 0;
	char **targets = NULL;
	size_t nt = 0;
	bl_err e2 = { { 0 } };
	buf[0] = '\0';
	if (bl_store_goal_targets(t->store, goal, &targets, &nt, &e2) == 0)
		for (size_t i = 0; i < nt && len + 16 < bufsz; i++)
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%s", i ? ", " : _("SDG "),
						targets[i]);
	bl_strings_free(targets, nt);
	bl_goal_indicator ind;
	if (bl_store_goal_indicator_get(t->store, goal, &ind, &e2) != 1)
		return;
	bl_goal_measure *m = NULL;
	size_t nm = 0;
	bl_store_goal_measures(t->store, goal, &m, &nm, &e2);
	if (len < bufsz)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%s: %s (%d)", len ? " · " : "",
					ind.indicator, ind.baseline, ind.baseline_year);
	if (ind.target && len < bufsz)
		len += (size_t)snprintf(buf + len, bufsz - len, " → %s (%d)", ind.target,
					ind.target_year);
	if (nm && len < bufsz)
		snprintf(buf + len, bufsz - len, _(", latest %s"), m[nm - 1].value);
	bl_goal_measures_free(m, nm);
	bl_goal_indicator_clear(&ind);
}

/* Whether the selected goal or line is what the projector shows. */
static bool sel_on_projector(const goals_state *g)
{
	if (!selectable(g, g->sel) || !g->spot.ref)
		return false;
	const row *r = &g->rows[g->sel];
	if (r->kind == ROW_LINE)
		return g->spot.kind == BL_SPOT_LINE && strcmp(g->spot.ref, g->lines[r->line].code) == 0;
	return g->spot.kind == BL_SPOT_GOAL && strtoll(g->spot.ref, NULL, 10) == g->items[r->goal].g.id;
}

static void draw_detail(tui *t, goals_state *g, int y, int n_rows)
{
	/* The separator: where the list is, and whether the selection is
	 * what the projector shows. */
	char buf[256];
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	if (g->n_rows > (size_t)g->page) {
		int last = g->top + g->page < (int)g->n_rows ? g->top + g->page : (int)g->n_rows;
		snprintf(buf, sizeof buf, _(" rows %d–%d of %zu "), g->top + 1, last, g->n_rows);
	} else if (g->n == 1) {
		snprintf(buf, sizeof buf, "%s", _(" 1 goal "));
	} else {
		snprintf(buf, sizeof buf, _(" %zu goals "), g->n);
	}
	/* How far the committees are, when it fits beside what the left end
	 * says (the lock, the projector). */
	char comm[200], with[sizeof buf];
	committees_text(g, comm, sizeof comm);
	int left = 2 + (goals_locked(t) ? bl_text_width(t->readonly ? _(" read-only ") : _(" goals are locked in this phase ")) + 1 : 0) +
		   (sel_on_projector(g) ? bl_text_width(_(" ◆ on the projector ")) : 0) + 2;
	snprintf(with, sizeof with, "%.*s· %.*s ", 60, buf, 150, comm);
	if (comm[0] && left + bl_text_width(with) + 2 <= COLS)
		snprintf(buf, sizeof buf, "%s", with);
	int w = bl_text_width(buf), x = 2;
	tui_put(y, COLS - 2 - w, w, buf, R_DIM, false);
	/* Why a, e, d, L and U will be refused, before anyone presses them. */
	if (goals_locked(t)) {
		const char *why = t->readonly ? _(" read-only ") : _(" goals are locked in this phase ");
		w = bl_text_width(why);
		tui_put(y, x, w, why, R_LOCKED, false);
		x += w + 1;
	}
	if (!selectable(g, g->sel))
		return;
	const row *r = &g->rows[g->sel];
	const item *it = &g->items[r->goal];
	const char *title, *desc;
	char head[1024];
	bool spot;
	if (r->kind == ROW_LINE) {
		const gline *ln = &g->lines[r->line];
		snprintf(head, sizeof head, "%s %s", ln->code, ln->title);
		desc = ln->description;
		spot = g->spot.kind == BL_SPOT_LINE && g->spot.ref && strcmp(g->spot.ref, ln->code) == 0;
	} else {
		snprintf(head, sizeof head, "%" PRId64 ". %s", it->g.id, it->g.title);
		desc = it->g.description;
		spot = g->spot.kind == BL_SPOT_GOAL && g->spot.ref && strtoll(g->spot.ref, NULL, 10) == it->g.id;
	}
	title = head;
	if (spot)
		tui_put(y, x, bl_text_width(_(" ◆ on the projector ")), _(" ◆ on the projector "), R_INFO, false);
	char ctitle[1024];
	tui_clean(title, false, ctitle, sizeof ctitle);
	int used = tui_wrap(y + 1, 2, COLS - 4, n_rows, ctitle, R_HEADING);
	if (used >= n_rows)
		return;
	if (desc && *desc) {
		size_t len = strlen(desc) + 1;
		char *cd = malloc(len * 3 + 1);
		if (cd) {
			tui_clean(desc, true, cd, len * 3 + 1);
			used += tui_wrap(y + 1 + used, 2, COLS - 4, n_rows - used, cd, R_NORMAL);
			free(cd);
		}
	} else if (r->kind == ROW_GOAL) {
		used += tui_wrap(y + 1 + used, 2, COLS - 4, n_rows - used,
				 goals_locked(t) ? _("No description.") : _("No description yet: e adds one."), R_DIM);
	}
	if (r->kind == ROW_GOAL && used < n_rows) {
		if (g->sdg_goal != it->g.id) {
			sdg_line(t, it->g.id, g->sdg_text, sizeof g->sdg_text);
			g->sdg_goal = it->g.id;
		}
		const char *sdgline = g->sdg_text;
		if (*sdgline) {
			char clean[1024];
			tui_clean(sdgline, false, clean, sizeof clean);
			used += tui_wrap(y + 1 + used, 2, COLS - 4, n_rows - used, clean, R_DIM);
		}
	}
	if (r->kind == ROW_LINE && used < n_rows) {
		char hint[256];
		snprintf(hint, sizeof hint,
			 goals_locked(t) ? _("Serves goal %" PRId64 ". p puts the line on the projector.")
					 : _("Serves goal %" PRId64 ". U unlinks it; p puts the line on the projector."),
			 it->g.id);
		tui_wrap(y + 1 + used, 2, COLS - 4, n_rows - used, hint, R_DIM);
	}
}

static void draw_empty(tui *t, int y, int rows)
{
	int used = tui_wrap(y + 1, 2, COLS - 4, rows - 1, _("No goals yet. Press a to add the first."), R_NORMAL);
	used += 1;
	if (used + 1 < rows)
		used += tui_wrap(y + 1 + used, 2, COLS - 4, rows - 1 - used,
				 _("Goals before economy: say what the municipality and each area want to achieve for the citizens, before the amounts are discussed; then link the budget lines that serve each goal."),
				 R_DIM);
	if (t->readonly && used + 2 < rows)
		tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
			 _("This file is open read-only: goals cannot be added here."), R_LOCKED);
	else if ((t->locks & BL_LOCK_GOALS) && used + 2 < rows)
		tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
			 _("Goals are locked in this phase, so none can be added now."), R_LOCKED);
}

/* ---- the bridge and the SDG matrix ---- */

static void free_view(goals_state *g)
{
	for (size_t i = 0; i < g->n_paras; i++)
		free(g->paras[i].text);
	free(g->paras);
	g->paras = NULL;
	g->n_paras = 0;
	if (g->have_bridge)
		bl_bridge_free(&g->bridge);
	g->have_bridge = false;
	g->n_chosen = 0;
	g->n_unserved_goals = 0;
}

typedef struct pbuild {
	goals_state *g;
	size_t cap;
	bool oom;
} pbuild;

static para *add_para(pbuild *b, enum para_kind kind, int indent, int role, const char *fmt, ...)
	BL_PRINTF(5, 6);
static para *add_para(pbuild *b, enum para_kind kind, int indent, int role, const char *fmt, ...)
{
	goals_state *g = b->g;
	if (b->oom)
		return NULL;
	if (g->n_paras == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 32;
		para *v = realloc(g->paras, cap * sizeof *v);
		if (!v) {
			b->oom = true;
			return NULL;
		}
		g->paras = v;
		b->cap = cap;
	}
	char raw[4096], clean[4096 * 3];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* The database's text is shown as text, never as escape sequences. */
	tui_clean(raw, true, clean, sizeof clean);
	para *p = &g->paras[g->n_paras];
	*p = (para){ kind, indent, role, strdup(clean), -1, NULL };
	if (!p->text) {
		b->oom = true;
		return NULL;
	}
	g->n_paras++;
	return p;
}

static const bl_line_sum *goal_sum(const goals_state *g, int64_t id)
{
	for (size_t i = 0; g->have_bridge && i < g->bridge.n_goals; i++)
		if (g->bridge.goal_id[i] == id)
			return &g->bridge.goal[i];
	return NULL;
}

static const char *sdg_name(const tui *t, const goals_state *g, int k)
{
	const bl_sdg_goal *sg = g->have_sdg ? bl_sdg_goal_get(&g->sdg, k) : NULL;
	int lang = (int)t->info.lang;
	if (lang < 0 || lang > 2)
		lang = 2;
	return sg && sg->name[lang] ? sg->name[lang] : "";
}

static void build_bridge(tui *t, goals_state *g, pbuild *b)
{
	int64_t max_id = 9;
	for (size_t i = 0; i < g->n; i++)
		if (g->items[i].g.id > max_id)
			max_id = g->items[i].g.id;
	char tmp[32];
	int idw = snprintf(tmp, sizeof tmp, "%" PRId64, max_id);
	for (size_t i = 0; i < g->n; i++) {
		const item *it = &g->items[i];
		para *p = add_para(b, PA_MONEY, 1, R_NORMAL, "%*" PRId64 ". %s", idw, it->g.id, it->g.title);
		if (p) {
			p->status = (int)it->g.status;
			p->sum = goal_sum(g, it->g.id);
		}
	}
	bool any = false;
	for (int k = 1; k <= BL_SDG_GOALS; k++) {
		const bl_line_sum *m = &g->bridge.sdg[k - 1];
		if (!m->n_lines)
			continue;
		if (!any) {
			add_para(b, PA_TEXT, 0, R_NORMAL, "%s", "");
			add_para(b, PA_TEXT, 1, R_HEADING, "%s",
				 _("Per SDG: the lines of the goals that name one of its targets, each line once"));
		}
		any = true;
		para *p = add_para(b, PA_MONEY, 1, R_NORMAL, "%*d. %s", idw, k, sdg_name(t, g, k));
		if (p)
			p->sum = m;
	}
	add_para(b, PA_TEXT, 0, R_NORMAL, "%s", "");
	para *p = add_para(b, PA_MONEY, 1, R_NORMAL, "%s", _("Lines that serve no goal"));
	if (p)
		p->sum = &g->bridge.unserved;
	if ((p = add_para(b, PA_MONEY, 1, R_TOTAL, "%s", _("The whole budget"))))
		p->sum = &g->bridge.all;
	add_para(b, PA_TEXT, 0, R_NORMAL, "%s", "");
	for (size_t i = 0; i < g->n; i++) {
		const bl_line_sum *m = goal_sum(g, g->items[i].g.id);
		g->n_unserved_goals += !m || !m->n_lines;
	}
	if (!g->n_unserved_goals) {
		add_para(b, PA_TEXT, 1, R_PASS, "%s", _("Every goal is served by at least one line."));
		return;
	}
	add_para(b, PA_TEXT, 1, R_HEADING,
		 ngettext("%zu goal no line serves:", "%zu goals no line serves:",
			  (unsigned long)g->n_unserved_goals),
		 g->n_unserved_goals);
	for (size_t i = 0; i < g->n; i++) {
		const item *it = &g->items[i];
		const bl_line_sum *m = goal_sum(g, it->g.id);
		if (!m || !m->n_lines)
			add_para(b, PA_TEXT, 3, R_NORMAL, "%" PRId64 ". %s (%s)", it->g.id, it->g.title,
				 tui_goal_status_label(it->g.status));
	}
}

/* One part of an SDG in the matrix: "Opportunities: ...". */
static void matrix_field(pbuild *b, const char *label, const char *text)
{
	if (text && *text)
		add_para(b, PA_TEXT, 3, R_NORMAL, "%s: %s", label, text);
	else
		add_para(b, PA_TEXT, 3, R_DIM, "%s: %s", label, _("(not written yet)"));
}

static int build_matrix(tui *t, goals_state *g, pbuild *b, bl_err *err)
{
	bl_sdg_choice *ch = NULL;
	size_t n_ch = 0;
	char ***targets = NULL;
	size_t *nt = NULL;
	int rc = 0;
	if (bl_store_sdg_choices(t->store, &ch, &n_ch, err) != 0)
		return -1;
	targets = g->n ? calloc(g->n, sizeof *targets) : NULL;
	nt = g->n ? calloc(g->n, sizeof *nt) : NULL;
	if (g->n && (!targets || !nt)) {
		b->oom = true;
		goto out;
	}
	for (size_t i = 0; i < g->n; i++)
		if (bl_store_goal_targets(t->store, g->items[i].g.id, &targets[i], &nt[i], err) != 0) {
			rc = -1;
			goto out;
		}
	if (!n_ch) {
		add_para(b, PA_TEXT, 1, R_NORMAL, "%s",
			 _("No SDG is chosen yet. `budgetlab sdg choose DB N` chooses one, with its local significance, opportunities and challenges."));
		goto out;
	}
	for (size_t c = 0; c < n_ch; c++) {
		int k = ch[c].sdg;
		if (g->n_chosen < BL_SDG_GOALS)
			g->chosen[g->n_chosen++] = k;
		if (c)
			add_para(b, PA_TEXT, 0, R_NORMAL, "%s", "");
		add_para(b, PA_TEXT, 1, R_HEADING, "%d. %s", k, sdg_name(t, g, k));
		matrix_field(b, _("Local significance"), ch[c].significance);
		/* The targets its goals name, each once, in the SDGs' order. */
		char list[2048] = "";
		size_t len = 0, nlist = 0;
		for (size_t i = 0; g->have_sdg && i < g->sdg.n_targets; i++) {
			const bl_sdg_target *tg = &g->sdg.target[i];
			bool used = false;
			if (tg->goal != k)
				continue;
			for (size_t a = 0; a < g->n && !used; a++)
				for (size_t j = 0; j < nt[a] && !used; j++)
					used = strcmp(targets[a][j], tg->code) == 0;
			if (used && len < sizeof list)
				len += (size_t)snprintf(list + len, sizeof list - len, "%s%s %s", nlist++ ? "; " : "",
							tg->code, tg->title);
		}
		matrix_field(b, _("Targets"), nlist ? list : NULL);
		matrix_field(b, _("Opportunities"), ch[c].opportunities);
		matrix_field(b, _("Challenges"), ch[c].challenges);
		add_para(b, PA_TEXT, 3, R_NORMAL, "%s:", _("Goals"));
		size_t n_goals = 0;
		for (size_t a = 0; a < g->n; a++) {
			bool serves = false;
			for (size_t j = 0; j < nt[a] && !serves; j++)
				serves = atoi(targets[a][j]) == k;
			if (!serves)
				continue;
			n_goals++;
			para *p = add_para(b, PA_TEXT, 5, status_role(g->items[a].g.status), "%" PRId64 ". %s (%s)",
					   g->items[a].g.id, g->items[a].g.title,
					   tui_goal_status_label(g->items[a].g.status));
			if (p && g->items[a].g.status == BL_GOAL_DRAFT)
				p->role = R_NORMAL;
		}
		if (!n_goals)
			add_para(b, PA_TEXT, 5, R_DIM, "%s", _("no goal names one of its targets yet"));
		para *p = add_para(b, PA_SUMTEXT, 3, R_NORMAL, "%s", _("Expenses"));
		if (p)
			p->sum = &g->bridge.sdg[k - 1];
	}
out:
	for (size_t i = 0; targets && i < g->n; i++)
		bl_strings_free(targets[i], nt[i]);
	free(targets);
	free(nt);
	bl_sdg_choices_free(ch, n_ch);
	return rc;
}

/* Read what the bridge or the matrix shows (after load). */
static void load_view(tui *t, goals_state *g)
{
	free_view(g);
	if (g->view == VIEW_LIST)
		return;
	bl_err err = { { 0 } };
	if (!g->have_sdg) {
		if (bl_sdg_load(NULL, &g->sdg, &err) != 0) {
			tui_msg_err(t, &err);
			memset(&g->sdg, 0, sizeof g->sdg);
			err.msg[0] = '\0';
		} else {
			g->have_sdg = true;
		}
	}
	if (bl_store_bridge(t->store, t->version, &g->bridge, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	g->have_bridge = true;
	pbuild b = { g, 0, false };
	if (g->view == VIEW_BRIDGE)
		build_bridge(t, g, &b);
	else if (build_matrix(t, g, &b, &err) != 0)
		tui_msg_err(t, &err);
	if (b.oom)
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
}

/* The years of the process that fit beside a money row's label: how
 * many, and the columns of one amount. */
typedef struct mcols {
	int label_x, label_w, status_x, status_w, count_x, count_w, amt_w, n_years;
} mcols;

static void money_layout(tui *t, const goals_state *g, mcols *m)
{
	int years = g->have_bridge ? g->bridge.n_years : 0;
	int amt_w = 4;
	char buf[BL_MONEY_BUFSZ + 32];
	for (size_t i = 0; i < g->n_paras; i++) {
		const bl_line_sum *s = g->paras[i].sum;
		for (int y = 0; s && y < years; y++) {
			tui_fmt_amount(t, s->expense[y], buf, sizeof buf);
			if (bl_text_width(buf) > amt_w)
				amt_w = bl_text_width(buf);
		}
	}
	m->amt_w = amt_w;
	m->count_w = bl_text_width(_("Lines")) > 5 ? bl_text_width(_("Lines")) : 5;
	m->status_w = 0;
	for (int st = BL_GOAL_DRAFT; st <= BL_GOAL_AGREED; st++)
		if (bl_text_width(tui_goal_status_label((bl_goal_status)st)) > m->status_w)
			m->status_w = bl_text_width(tui_goal_status_label((bl_goal_status)st));
	m->label_x = 1;
	/* Every year if the label keeps 22 columns; the status (which the
	 * list shows too) goes first, then the last years; one stays. */
	m->n_years = years;
	int room = COLS - 1 - years * (amt_w + 2) - m->count_w - m->label_x;
	if (room - m->status_w - 2 < 22 + 2)
		m->status_w = 0;
	while (m->n_years > 1 &&
	       COLS - 1 - m->n_years * (amt_w + 2) - m->count_w - (m->status_w ? m->status_w + 2 : 0) - m->label_x < 22 + 2)
		m->n_years--;
	int right = COLS - 1 - m->n_years * (amt_w + 2);
	m->count_x = right - m->count_w;
	m->status_x = m->count_x - (m->status_w ? 2 + m->status_w : 0);
	m->label_w = m->status_x - 2 - m->label_x;
	/* On a wide terminal the columns follow the longest label, so the
	 * eye does not travel across empty space from a goal to its money. */
	int longest = bl_text_width(_("Goal"));
	for (size_t i = 0; i < g->n_paras; i++)
		if (g->paras[i].kind == PA_MONEY && bl_text_width(g->paras[i].text) > longest)
			longest = bl_text_width(g->paras[i].text);
	if (m->label_w > longest) {
		int d = m->label_w - longest;
		m->label_w -= d;
		m->status_x -= d;
		m->count_x -= d;
	}
}

static int para_width(const para *p)
{
	int w = COLS - 1 - p->indent;
	return w < 10 ? 10 : w;
}

/* The text of a paragraph as drawn: money as text is made here. */
static const char *para_text(tui *t, const goals_state *g, const para *p, char *buf, size_t bufsz)
{
	if (p->kind != PA_SUMTEXT || !p->sum)
		return p->text;
	size_t len = (size_t)snprintf(buf, bufsz,
				      ngettext("%s (%" PRId64 " line):", "%s (%" PRId64 " lines):",
					       (unsigned long)p->sum->n_lines),
				      p->text, p->sum->n_lines);
	/* A year stays with its amount: a row too narrow for the next one
	 * ends before it (a newline starts a row in tui_wrap). */
	int w = bl_text_width(buf), width = para_width(p);
	for (int y = 0; g->have_bridge && y < g->bridge.n_years && len < bufsz; y++) {
		char a[BL_MONEY_BUFSZ + 32], chunk[BL_MONEY_BUFSZ + 48];
		tui_fmt_amount(t, p->sum->expense[y], a, sizeof a);
		snprintf(chunk, sizeof chunk, "%d %s", tui_year(t, y), a);
		int cw = bl_text_width(chunk);
		const char *sep = y ? " · " : " ";
		if (w + bl_text_width(sep) + cw > width) {
			sep = "\n";
			w = 0;
		} else {
			w += bl_text_width(sep);
		}
		w += cw;
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%s", sep, chunk);
	}
	return buf;
}

static int para_rows(tui *t, const goals_state *g, const para *p)
{
	char buf[1024];
	if (p->kind == PA_MONEY)
		return 1;
	const char *s = para_text(t, g, p, buf, sizeof buf);
	return *s ? tui_wrap_rows(para_width(p), s) : 1;
}

static void draw_money(tui *t, const goals_state *g, const mcols *m, int y, const para *p)
{
	char buf[BL_MONEY_BUFSZ + 32];
	tui_put(y, m->label_x, m->label_w, p->text, p->role == R_TOTAL ? R_TOTAL : R_NORMAL, false);
	if (p->status >= 0 && m->status_w)
		tui_put(y, m->status_x, m->status_w, tui_goal_status_label((bl_goal_status)p->status),
			status_role((bl_goal_status)p->status), false);
	if (!p->sum) {
		tui_put(y, m->count_x, m->count_w, "–", R_DIM, true);
		return;
	}
	snprintf(buf, sizeof buf, "%" PRId64, p->sum->n_lines);
	tui_put(y, m->count_x, m->count_w, buf, p->sum->n_lines ? p->role : R_DIM, true);
	for (int yr = 0; yr < m->n_years; yr++) {
		int x = m->count_x + m->count_w + 2 + yr * (m->amt_w + 2);
		tui_fmt_amount(t, p->sum->expense[yr], buf, sizeof buf);
		tui_put(y, x, m->amt_w, buf, !p->sum->n_lines ? R_DIM : p->role == R_TOTAL ? R_TOTAL : R_EXPENSE,
			true);
	}
}

static void draw_view(tui *t, goals_state *g, int top, int rows)
{
	char buf[1024];
	mcols m;
	money_layout(t, g, &m);
	/* What this is, of which version, in which unit: always on top. */
	tui_fill(top, 0, COLS, R_HEADING);
	if (g->view == VIEW_BRIDGE && g->have_bridge && m.n_years < g->bridge.n_years)
		snprintf(buf, sizeof buf, _("The bridge from goals to money · expenses %d–%d of %d–%d · %s · %s"),
			 tui_year(t, 0), tui_year(t, m.n_years - 1), tui_year(t, 0),
			 tui_year(t, g->bridge.n_years - 1), t->version, bl_unit_label(t->unit, t->info.lang));
	else if (g->view == VIEW_BRIDGE)
		snprintf(buf, sizeof buf, _("The bridge from goals to money · expenses · %s · %s"), t->version,
			 bl_unit_label(t->unit, t->info.lang));
	else
		snprintf(buf, sizeof buf, _("The SDG matrix · %zu chosen · %s · %s"), g->n_chosen, t->version,
			 bl_unit_label(t->unit, t->info.lang));
	tui_put(top, 1, COLS - 2, buf, R_HEADING, false);
	int y0 = top + 1, avail = rows - 2;
	if (g->view == VIEW_BRIDGE) {
		/* The columns' headings stay as the rows scroll under them. */
		tui_put(y0, m.label_x, m.label_w, _("Goal"), R_DIM, false);
		if (m.status_w)
			tui_put(y0, m.status_x, m.status_w, _("Status"), R_DIM, false);
		tui_put(y0, m.count_x, m.count_w, _("Lines"), R_DIM, true);
		for (int yr = 0; yr < m.n_years; yr++) {
			snprintf(buf, sizeof buf, "%d", tui_year(t, yr));
			tui_put(y0, m.count_x + m.count_w + 2 + yr * (m.amt_w + 2), m.amt_w, buf, R_DIM, true);
		}
		y0++;
		avail--;
	}
	if (avail < 1)
		avail = 1;
	g->vpage = avail;
	g->vtotal = 0;
	for (size_t i = 0; i < g->n_paras; i++)
		g->vtotal += para_rows(t, g, &g->paras[i]);
	if (g->vtop > g->vtotal - avail)
		g->vtop = g->vtotal - avail;
	if (g->vtop < 0)
		g->vtop = 0;
	int at = 0, y = y0;
	for (size_t i = 0; i < g->n_paras && y < y0 + avail; i++) {
		const para *p = &g->paras[i];
		int h = para_rows(t, g, p);
		for (int k = 0; k < h && y < y0 + avail; k++, at++) {
			if (at < g->vtop)
				continue;
			if (p->kind == PA_MONEY)
				draw_money(t, g, &m, y, p);
			else
				tui_wrap_skip(y, p->indent, para_width(p), k, para_text(t, g, p, buf, sizeof buf),
					      p->role);
			y++;
		}
	}
	/* Where it is scrolled, and how to get back. */
	int ys = top + rows - 1;
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(ys, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	if (g->vtotal > avail) {
		int last = g->vtop + avail < g->vtotal ? g->vtop + avail : g->vtotal;
		snprintf(buf, sizeof buf, _(" rows %d–%d of %d "), g->vtop + 1, last, g->vtotal);
	} else {
		snprintf(buf, sizeof buf, "%s", "");
	}
	int w = bl_text_width(buf);
	if (w)
		tui_put(ys, COLS - 2 - w, w, buf, R_DIM, false);
	snprintf(buf, sizeof buf, "%s", g->view == VIEW_BRIDGE ? _(" b or Esc: the list of goals ") : _(" S or Esc: the list of goals "));
	int lw = bl_text_width(buf);
	if (lw > COLS - 6 - w)
		lw = COLS - 6 - w;
	if (lw > 0)
		tui_put(ys, 2, lw, buf, R_DIM, false);
}

static void view_scroll(goals_state *g, tui_act a)
{
	int page = g->vpage > 1 ? g->vpage - 1 : 1;
	switch (a) {
	case ACT_UP: g->vtop--; break;
	case ACT_DOWN: g->vtop++; break;
	case ACT_PGUP: g->vtop -= page; break;
	case ACT_PGDN: g->vtop += page; break;
	case ACT_HOME: g->vtop = 0; break;
	case ACT_END: g->vtop = g->vtotal; break;
	default: break;
	}
	if (g->vtop > g->vtotal - g->vpage)
		g->vtop = g->vtotal - g->vpage;
	if (g->vtop < 0)
		g->vtop = 0;
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	goals_state *g = st;
	cols c;
	if (g->view != VIEW_LIST) {
		draw_view(t, g, top, rows);
		return;
	}
	if (!g->n) {
		g->page = rows - 1;
		draw_empty(t, top, rows);
		return;
	}
	layout(g, &c);
	/* Headings. */
	tui_fill(top, 0, COLS, R_HEADING);
	tui_put(top, c.num_x, c.num_w, _("Nr"), R_HEADING, true);
	tui_put(top, c.title_x + 2, c.title_w - 2, _("Goal"), R_HEADING, false);
	tui_put(top, c.area_x, c.area_w, _("Area"), R_HEADING, false);
	tui_put(top, c.status_x, c.status_w, _("Status"), R_HEADING, false);
	tui_put(top, c.count_x, c.count_w, _("Lines"), R_HEADING, true);
	if (c.desc_w)
		tui_put(top, c.desc_x, c.desc_w, _("Description"), R_HEADING, false);
	int det = detail_rows(rows);
	g->page = rows - 1 - (det ? det + 1 : 0);
	keep_visible(g);
	lcols l;
	line_layout(t, g, &c, &l);
	for (int i = 0; i < g->page && g->top + i < (int)g->n_rows; i++) {
		int r = g->top + i, y = top + 1 + i;
		const row *w = &g->rows[r];
		const item *it = &g->items[w->goal];
		bool on = r == g->sel;
		switch (w->kind) {
		case ROW_GOAL:
			draw_goal_row(t, g, &c, y, it, on);
			break;
		case ROW_HEAD:
			draw_head_row(t, &l, y, it);
			break;
		case ROW_LINE:
			draw_line_row(t, g, &l, y, &g->lines[w->line], on);
			break;
		case ROW_NOLINES:
			tui_put(y, l.code_x, c.right - l.code_x,
				goals_locked(t) ? _("No line serves this goal yet.")
						: _("No line serves this goal yet. Press L to link one by its code."),
				R_DIM, false);
			break;
		}
	}
	if (det)
		draw_detail(t, g, top + 1 + g->page, det);
}

/* ---- moving ---- */

/* To row r, or the nearest row that can be selected: on in direction
 * dir, else back. */
static void move_to(goals_state *g, int r, int dir)
{
	if (!g->n_rows)
		return;
	if (r < 0)
		r = 0;
	if (r >= (int)g->n_rows)
		r = (int)g->n_rows - 1;
	int s = r;
	while (s >= 0 && s < (int)g->n_rows && !selectable(g, s))
		s += dir;
	if (s < 0 || s >= (int)g->n_rows) {
		s = r;
		while (s >= 0 && s < (int)g->n_rows && !selectable(g, s))
			s -= dir;
	}
	if (selectable(g, s))
		g->sel = s;
	keep_visible(g);
}

static void move_sel(goals_state *g, int delta)
{
	move_to(g, g->sel < 0 ? 0 : g->sel + delta, delta < 0 ? -1 : 1);
}

/* Show the open goal's lines as far as the page allows, its own row
 * staying on the screen. */
static void reveal_open(goals_state *g)
{
	int goal_row = -1, last = -1;
	for (size_t r = 0; r < g->n_rows; r++)
		if (g->items[g->rows[r].goal].g.id == g->open_id) {
			if (goal_row < 0)
				goal_row = (int)r;
			last = (int)r;
		}
	if (goal_row < 0)
		return;
	if (last >= g->top + g->page)
		g->top = last - g->page + 1;
	if (g->top > goal_row)
		g->top = goal_row;
	keep_visible(g);
}

/* ---- writing ---- */

/* Why goals cannot change now, on the message line; false if they can. */
static bool refused(tui *t)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: goals cannot be changed here."), t->path);
		return true;
	}
	if (t->locks & BL_LOCK_GOALS) {
		unsigned bit = 0;
		while (bit < BL_LOCK_COUNT && (1u << bit) != BL_LOCK_GOALS)
			bit++;
		const char *phase = t->phase >= 0 ? t->def->phases[t->phase].title : "?";
		tui_msg(t, R_LOCKED, _("Locked: %s ('%s')."), bl_lock_help(bit), phase);
		return true;
	}
	return false;
}

static const item *sel_item(const goals_state *g)
{
	return selectable(g, g->sel) ? &g->items[g->rows[g->sel].goal] : NULL;
}

static const char *valid_title(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The title"), text, true, TITLE_MAX, msg, msgsz);
}

static const char *valid_desc(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The description"), text, false, DESC_MAX, msg, msgsz);
}

/* Blanks off both ends, into out. */
static void trim(const char *s, char *out, size_t outsz)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(out, outsz, "%.*s", (int)n, s);
}

/* The area field: empty for the whole municipality, else what
 * bl_store_area_find takes.  0, or -1 with err naming what is wrong. */
static int resolve_area(tui *t, const char *text, int64_t *id, bl_err *err)
{
	char ref[512];
	trim(text, ref, sizeof ref);
	*id = 0;
	if (!ref[0])
		return 0;
	return bl_store_area_find(t->store, ref, id, err);
}

static const char *valid_area(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	bl_err err = { { 0 } };
	int64_t id;
	char q[BL_QUOTE_MAX];
	if (tui_check_text(_("The area"), text, false, 400, msg, msgsz))
		return msg;
	if (resolve_area(t, text, &id, &err) == 0)
		return NULL;
	bl_text_quote(text, strlen(text), q);
	snprintf(msg, msgsz, _("%s. Type an area's code (BSU) or path (BSU/BSU.01), or leave it empty for the whole municipality."),
		 err.msg[0] ? err.msg : q);
	return msg;
}

enum { F_TITLE, F_AREA, F_DESC, N_FIELDS };

typedef struct form_ctx {
	int64_t id;             /* 0: a new goal */
	const char *kept_desc;  /* a description the form cannot hold, kept */
	int64_t saved_id;
} form_ctx;

static int save_goal(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	form_ctx *c = f->ctx;
	char title[sizeof f->fields[0].value], desc[sizeof f->fields[0].value];
	int64_t area_id;
	if (resolve_area(t, f->fields[F_AREA].value, &area_id, err) != 0) {
		*field_out = F_AREA;
		return -1;
	}
	trim(f->fields[F_TITLE].value, title, sizeof title);
	trim(f->fields[F_DESC].value, desc, sizeof desc);
	bl_goal g = { c->id, area_id, title, (char *)(c->kept_desc ? c->kept_desc : desc[0] ? desc : NULL),
		      BL_GOAL_DRAFT };
	*field_out = -1;
	if (c->id)
		return bl_store_goal_update(t->store, &g, err) == 0 ? (c->saved_id = c->id, 0) : -1;
	return bl_store_goal_add(t->store, &g, &c->saved_id, err);
}

static void goal_form(tui *t, goals_state *g, const item *it)
{
	tui_field fields[N_FIELDS];
	memset(fields, 0, sizeof fields);
	fields[F_TITLE].label = _("Title");
	fields[F_TITLE].validate = valid_title;
	fields[F_AREA].label = _("Area");
	fields[F_AREA].validate = valid_area;
	fields[F_DESC].label = _("Description");
	fields[F_DESC].validate = valid_desc;
	form_ctx c = { it ? it->g.id : 0, NULL, 0 };
	char title[128];
	bool editing = it != NULL;
	if (it) {
		snprintf(title, sizeof title, _("Goal %" PRId64), it->g.id);
		/* A title or description longer than the field, or with
		 * newlines (the CLI allows them in a description), cannot be
		 * edited on one line without loss: shown read-only and kept as
		 * it is. */
		if (strlen(it->g.title) >= sizeof fields[0].value) {
			tui_msg(t, R_LOCKED, _("The title of goal %" PRId64 " is longer than the form can edit; change it with `budgetlab goal set`."),
				it->g.id);
			return;
		}
		snprintf(fields[F_TITLE].value, sizeof fields[F_TITLE].value, "%s", it->g.title);
		area_ref(g, it->g.area_id, fields[F_AREA].value, sizeof fields[F_AREA].value);
		const char *d = it->g.description;
		if (d && (strlen(d) >= sizeof fields[F_DESC].value || strpbrk(d, "\n\t"))) {
			c.kept_desc = d;
			tui_clean(d, false, fields[F_DESC].value, sizeof fields[F_DESC].value);
			fields[F_DESC].readonly = _("Kept as it is: it is too long, or has several lines, for this form; change it with `budgetlab goal set`.");
		} else if (d) {
			snprintf(fields[F_DESC].value, sizeof fields[F_DESC].value, "%s", d);
		}
	} else {
		snprintf(title, sizeof title, "%s", _("New goal"));
	}
	tui_form f = { .title = title, .fields = fields, .n_fields = N_FIELDS, .cur = 0,
		       .ctx = &c, .save = save_goal };
	tui_msg(t, R_INFO, "%s", _("Area: a code (BSU) or a path (BSU/BSU.01); empty for the whole municipality."));
	int rc = tui_form_run(t, &f);
	if (rc != 1) {
		tui_msg(t, R_DIM, "%s", editing ? _("Cancelled: the goal was not changed.") : _("Cancelled: no goal was added."));
		return;
	}
	it = NULL; /* load frees it */
	load(t, g);
	int i = find_item(g, c.saved_id);
	select_ids(g, c.saved_id, 0, g->sel);
	keep_visible(g);
	if (i >= 0)
		tui_msg(t, R_INFO, editing ? _("Saved goal %" PRId64 ": %s") : _("Added goal %" PRId64 ": %s"),
			c.saved_id, g->items[i].g.title);
}

static void delete_goal(tui *t, goals_state *g, const item *it)
{
	char q[1024], title[512];
	int64_t id = it->g.id;
	tui_clean(it->g.title, false, title, sizeof title);
	if (it->n_lines)
		snprintf(q, sizeof q, _("Delete goal %" PRId64 " \"%s\"? Its links to %" PRId64 " lines go with it."),
			 id, title, it->n_lines);
	else
		snprintf(q, sizeof q, _("Delete goal %" PRId64 " \"%s\"?"), id, title);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Goal %" PRId64 " was kept."), id);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_goal_delete(t->store, id, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	if (g->open_id == id)
		g->open_id = 0;
	load(t, g);
	tui_msg(t, R_INFO, _("Deleted goal %" PRId64 ": %s"), id, title);
}

typedef struct link_ctx {
	int64_t goal_id;
	bool unlink;
} link_ctx;

static bool serves(tui *t, int64_t goal_id, int64_t line_id, bl_err *err, bool *yes)
{
	int64_t *ids = NULL;
	size_t n = 0;
	*yes = false;
	if (bl_store_goal_lines(t->store, goal_id, &ids, &n, err) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		*yes |= ids[i] == line_id;
	free(ids);
	return true;
}

static const char *valid_link(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	link_ctx *c = vctx;
	char code[256];
	trim(text, code, sizeof code);
	if (!code[0]) {
		snprintf(msg, msgsz, "%s", _("Type the code of a budget line (the budget screen, 2, lists them)."));
		return msg;
	}
	bl_line l = { 0 };
	bl_err err = { { 0 } };
	bool yes;
	if (bl_store_line_find(t->store, code, &l, &err) != 0 ||
	    !serves(t, c->goal_id, l.id, &err, &yes)) {
		bl_line_clear(&l);
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	bl_line_clear(&l);
	if (c->unlink && !yes) {
		char q[BL_QUOTE_MAX];
		bl_text_quote(code, strlen(code), q);
		snprintf(msg, msgsz, _("The line '%s' does not serve goal %" PRId64 "."), q, c->goal_id);
		return msg;
	}
	return NULL;
}

static void link_line(tui *t, goals_state *g, const item *it, bool unlink, const char *initial)
{
	link_ctx c = { it->g.id, unlink };
	char label[256], text[256], code[256];
	snprintf(label, sizeof label,
		 unlink ? _("Code of the line to unlink from goal %" PRId64 ": ")
			: _("Code of the line to link to goal %" PRId64 ": "),
		 it->g.id);
	if (tui_prompt(t, label, initial, text, sizeof text, valid_link, &c) != 1) {
		tui_msg(t, R_DIM, "%s", unlink ? _("Cancelled: nothing was unlinked.") : _("Cancelled: nothing was linked."));
		return;
	}
	trim(text, code, sizeof code);
	bl_line l = { 0 };
	bl_err err = { { 0 } };
	bool already = false;
	if (bl_store_line_find(t->store, code, &l, &err) != 0 ||
	    !serves(t, it->g.id, l.id, &err, &already) ||
	    (unlink ? bl_store_goal_unlink(t->store, it->g.id, l.id, &err)
		    : bl_store_goal_link(t->store, it->g.id, l.id, &err)) != 0) {
		tui_msg_err(t, &err);
		bl_line_clear(&l);
		return;
	}
	int64_t goal_id = it->g.id; /* it is freed by load */
	char ltitle[512];
	tui_clean(l.title, false, ltitle, sizeof ltitle);
	bl_line_clear(&l);
	if (!unlink)
		g->open_id = goal_id; /* show what it is linked to now */
	load(t, g);
	if (!unlink) {
		select_ids(g, goal_id, 0, g->sel);
		reveal_open(g);
	}
	if (unlink)
		tui_msg(t, R_INFO, _("The line %s %s no longer serves goal %" PRId64 "."), code, ltitle, goal_id);
	else if (already)
		tui_msg(t, R_INFO, _("The line %s %s already serves goal %" PRId64 "; nothing changed."), code, ltitle, goal_id);
	else
		tui_msg(t, R_INFO, _("The line %s %s now serves goal %" PRId64 "."), code, ltitle, goal_id);
}

static void spotlight(tui *t, goals_state *g)
{
	if (!selectable(g, g->sel)) {
		tui_msg(t, R_DIM, "%s", _("There is no goal to put on the projector yet."));
		return;
	}
	const row *r = &g->rows[g->sel];
	const item *it = &g->items[r->goal];
	char ref[32], title[512], what[700];
	bl_spotlight sp = { 0 };
	if (r->kind == ROW_LINE) {
		const gline *ln = &g->lines[r->line];
		sp.kind = BL_SPOT_LINE;
		sp.ref = ln->code;
		tui_clean(ln->title, false, title, sizeof title);
		snprintf(what, sizeof what, _("On the projector: the line %s %s."), ln->code, title);
	} else {
		snprintf(ref, sizeof ref, "%" PRId64, it->g.id);
		sp.kind = BL_SPOT_GOAL;
		sp.ref = ref;
		tui_clean(it->g.title, false, title, sizeof title);
		snprintf(what, sizeof what, _("On the projector: goal %" PRId64 ", %s."), it->g.id, title);
	}
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_reload(t); /* every screen that shows the spotlight */
	tui_msg(t, R_INFO, "%s", what);
}

/* ---- a goal's status ---- */

typedef struct status_ctx {
	bl_goal_status chosen;
	char choices[200];
} status_ctx;

static int save_status(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	/* Only what was chosen: status() asks before agreeing, once the
	 * form is closed, and then writes. */
	(void)t;
	status_ctx *c = f->ctx;
	*field_out = 0;
	for (int st = BL_GOAL_DRAFT; st <= BL_GOAL_AGREED; st++)
		if (strcmp(f->fields[0].value, tui_goal_status_label((bl_goal_status)st)) == 0) {
			c->chosen = (bl_goal_status)st;
			*field_out = -1;
			return 0;
		}
	return bl_err_set(err, _("Choose draft, discussed or agreed."));
}

/* Goals before economy: a goal is drafted, discussed in the room, then
 * agreed.  The form offers the next step, so Enter moves a goal on; a
 * goal becomes agreed, or stops being agreed (which the gate
 * every_area_has_agreed_goal counts), only after a question. */
static void set_status(tui *t, goals_state *g, const item *it)
{
	int64_t id = it->g.id;
	bl_goal_status old = it->g.status;
	char title[512], gtitle[512];
	tui_clean(it->g.title, false, gtitle, sizeof gtitle);
	status_ctx c = { old, "" };
	snprintf(c.choices, sizeof c.choices, "%s|%s|%s", tui_goal_status_label(BL_GOAL_DRAFT),
		 tui_goal_status_label(BL_GOAL_DISCUSSED), tui_goal_status_label(BL_GOAL_AGREED));
	tui_field fields[1];
	memset(fields, 0, sizeof fields);
	fields[0].label = _("Status");
	fields[0].choices = c.choices;
	fields[0].numbered = true; /* draft and discussed share a first letter */
	snprintf(fields[0].value, sizeof fields[0].value, "%s",
		 tui_goal_status_label(old == BL_GOAL_DRAFT ? BL_GOAL_DISCUSSED : BL_GOAL_AGREED));
	snprintf(title, sizeof title, _("Status of goal %" PRId64 " (now %s)"), id, tui_goal_status_label(old));
	char hint[256];
	snprintf(hint, sizeof hint, _("1 %s  2 %s  3 %s  Space/←→ change  Enter save  Esc cancel"),
		 tui_goal_status_label(BL_GOAL_DRAFT), tui_goal_status_label(BL_GOAL_DISCUSSED),
		 tui_goal_status_label(BL_GOAL_AGREED));
	tui_form f = { .title = title, .fields = fields, .n_fields = 1, .ctx = &c, .save = save_status,
		       .hint = hint };
	tui_msg(t, R_INFO, "%s", _("A digit chooses the status (1 draft, 2 discussed, 3 agreed); Space changes it."));
	if (tui_form_run(t, &f) != 1) {
		tui_msg(t, R_DIM, _("Cancelled: goal %" PRId64 " is still %s."), id, tui_goal_status_label(old));
		return;
	}
	if (c.chosen == old) {
		tui_msg(t, R_DIM, _("Goal %" PRId64 " is already %s; nothing changed."), id, tui_goal_status_label(old));
		return;
	}
	char q[1024];
	if (c.chosen == BL_GOAL_AGREED)
		snprintf(q, sizeof q, _("Record goal %" PRId64 " \"%s\" as agreed?"), id, gtitle);
	else if (old == BL_GOAL_AGREED)
		snprintf(q, sizeof q, _("Goal %" PRId64 " \"%s\" is agreed. Set it back to %s?"), id, gtitle,
			 tui_goal_status_label(c.chosen));
	if ((c.chosen == BL_GOAL_AGREED || old == BL_GOAL_AGREED) && !tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Nothing changed: goal %" PRId64 " is still %s."), id, tui_goal_status_label(old));
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_goal_status_set(t->store, id, c.chosen, &err) != 0) {
		/* A lock that arrived meanwhile, or the goal is gone: what is
		 * shown must be what is stored. */
		tui_reload(t);
		tui_msg(t, R_LOCKED, _("Nothing changed: %s"), err.msg);
		return;
	}
	load(t, g);
	char comm[200];
	committees_text(g, comm, sizeof comm);
	tui_msg(t, R_INFO, comm[0] ? _("Goal %" PRId64 " is now %s; %s.") : _("Goal %" PRId64 " is now %s.%s"), id,
		tui_goal_status_label(c.chosen), comm);
}

/* Show view v, or the list when it is shown already. */
static void toggle_view(tui *t, goals_state *g, int v)
{
	g->view = g->view == v ? VIEW_LIST : v;
	g->vtop = 0;
	load_view(t, g);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	goals_state *g = st;
	if (a == ACT_GOAL_BRIDGE || a == ACT_GOAL_SDG) {
		catch_up(t);
		toggle_view(t, g, a == ACT_GOAL_BRIDGE ? VIEW_BRIDGE : VIEW_SDG);
		return true;
	}
	if (g->view != VIEW_LIST) {
		switch (a) {
		case ACT_UP: case ACT_DOWN: case ACT_PGUP: case ACT_PGDN: case ACT_HOME: case ACT_END:
			view_scroll(g, a);
			return true;
		case ACT_BACK:
			toggle_view(t, g, g->view);
			return true;
		case ACT_TOGGLE: case ACT_ADD: case ACT_EDIT: case ACT_DELETE: case ACT_LINK:
		case ACT_UNLINK: case ACT_GOAL_STATUS: case ACT_SPOTLIGHT:
			tui_msg(t, R_DIM, "%s",
				g->view == VIEW_BRIDGE ? _("This is the bridge: b or Esc goes back to the goals list first.")
						       : _("This is the SDG matrix: S or Esc goes back to the goals list first."));
			return true;
		default:
			return false;
		}
	}
	switch (a) {
	case ACT_UP: move_sel(g, -1); return true;
	case ACT_DOWN: move_sel(g, 1); return true;
	case ACT_PGUP: move_sel(g, -(g->page > 1 ? g->page - 1 : 1)); return true;
	case ACT_PGDN: move_sel(g, g->page > 1 ? g->page - 1 : 1); return true;
	case ACT_HOME: g->top = 0; move_to(g, 0, 1); return true;
	case ACT_END: move_to(g, (int)g->n_rows - 1, -1); return true;
	default: break;
	}
	if (a != ACT_TOGGLE && a != ACT_ADD && a != ACT_EDIT && a != ACT_DELETE &&
	    a != ACT_LINK && a != ACT_UNLINK && a != ACT_SPOTLIGHT && a != ACT_GOAL_STATUS)
		return false;
	catch_up(t);
	if (a == ACT_SPOTLIGHT) {
		spotlight(t, g);
		return true;
	}
	const item *it = sel_item(g);
	if (a == ACT_TOGGLE) {
		if (!it) {
			tui_msg(t, R_DIM, "%s", _("No goals yet. Press a to add the first."));
			return true;
		}
		int64_t id = it->g.id;
		bool on_line = g->rows[g->sel].kind == ROW_LINE;
		g->open_id = g->open_id == id ? 0 : id;
		load(t, g);
		if (on_line)
			select_ids(g, id, 0, g->sel);
		if (g->open_id)
			reveal_open(g);
		return true;
	}
	if (a != ACT_ADD && !it) {
		tui_msg(t, R_DIM, "%s", _("There is no goal yet: press a to add the first."));
		return true;
	}
	if (refused(t))
		return true;
	switch (a) {
	case ACT_ADD: goal_form(t, g, NULL); break;
	case ACT_EDIT: goal_form(t, g, it); break;
	case ACT_DELETE: delete_goal(t, g, it); break;
	case ACT_GOAL_STATUS: set_status(t, g, it); break;
	case ACT_LINK: link_line(t, g, it, false, ""); break;
	case ACT_UNLINK: {
		const row *r = &g->rows[g->sel];
		char code[256] = "";
		if (r->kind == ROW_LINE)
			snprintf(code, sizeof code, "%s", g->lines[r->line].code);
		link_line(t, g, it, true, code);
		break;
	}
	default: break;
	}
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	goals_state *g = calloc(1, sizeof *g);
	if (!g) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	g->sel = -1;
	g->page = 1;
	load(t, g);
	if (g->sel < 0)
		move_to(g, 0, 1);
	return g;
}

static void s_close(void *st)
{
	goals_state *g = st;
	free_data(g);
	free_view(g);
	if (g->have_sdg)
		bl_sdg_set_free(&g->sdg);
	free(g);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	goals_state *g = st;
	(void)t;
	int64_t goal, line;
	sel_ids(g, &goal, &line);
	fprintf(f, "goals.count=%zu\n", g->n);
	int i = goal ? find_item(g, goal) : -1;
	char title[1024];
	if (i >= 0) {
		tui_clean(g->items[i].g.title, false, title, sizeof title); /* one line, whatever it holds */
		fprintf(f, "goals.selected=%" PRId64 ": %s\n", goal, title);
	} else
		fprintf(f, "goals.selected=\n");
	fprintf(f, "goals.selected_line=");
	for (size_t j = 0; line && j < g->n_lines; j++)
		if (g->lines[j].id == line)
			fprintf(f, "%s", g->lines[j].code);
	fprintf(f, "\n");
	if (g->open_id)
		fprintf(f, "goals.open=%" PRId64 "\n", g->open_id);
	else
		fprintf(f, "goals.open=\n");
	fprintf(f, "goals.open_lines=");
	for (size_t j = 0; j < g->n_lines; j++)
		fprintf(f, "%s%s", j ? "," : "", g->lines[j].code);
	fprintf(f, "\ngoals.order=");
	for (size_t j = 0; j < g->n; j++)
		fprintf(f, "%s%" PRId64, j ? "," : "", g->items[j].g.id);
	fprintf(f, "\ngoals.rows=%zu\ngoals.cursor=%d\ngoals.top=%d\ngoals.page=%d\n", g->n_rows,
		g->sel, g->top, g->page);
	fprintf(f, "goals.selected_status=%s\n", i >= 0 ? bl_goal_status_key(g->items[i].g.status) : "");
	fprintf(f, "goals.statuses=");
	for (size_t j = 0; j < g->n; j++)
		fprintf(f, "%s%" PRId64 ":%s", j ? "," : "", g->items[j].g.id, bl_goal_status_key(g->items[j].g.status));
	fprintf(f, "\ngoals.draft=%zu\ngoals.discussed=%zu\ngoals.agreed=%zu\n", g->n_status[BL_GOAL_DRAFT],
		g->n_status[BL_GOAL_DISCUSSED], g->n_status[BL_GOAL_AGREED]);
	fprintf(f, "goals.committees=%d\ngoals.committees_agreed=%d\n", g->committees, g->committees_agreed);
	fprintf(f, "goals.view=%s\n", view_names[g->view]);
	if (g->view != VIEW_LIST)
		fprintf(f, "goals.view_top=%d\ngoals.view_rows=%d\ngoals.view_page=%d\n", g->vtop, g->vtotal, g->vpage);
	if (g->view == VIEW_BRIDGE && g->have_bridge) {
		/* Exact, in minor units (øre), the first year. */
		fprintf(f, "goals.bridge.unserved_lines=%" PRId64 "\ngoals.bridge.unserved=%" PRId64 "\n",
			g->bridge.unserved.n_lines, g->bridge.n_years ? g->bridge.unserved.expense[0] : 0);
		fprintf(f, "goals.bridge.all_lines=%" PRId64 "\n", g->bridge.all.n_lines);
		fprintf(f, "goals.bridge.goals_without_lines=");
		bool first = true;
		for (size_t j = 0; j < g->n; j++) {
			const bl_line_sum *m = goal_sum(g, g->items[j].g.id);
			if (!m || !m->n_lines) {
				fprintf(f, "%s%" PRId64, first ? "" : ",", g->items[j].g.id);
				first = false;
			}
		}
		fprintf(f, "\ngoals.bridge.sdgs=");
		first = true;
		for (int k = 1; k <= BL_SDG_GOALS; k++)
			if (g->bridge.sdg[k - 1].n_lines) {
				fprintf(f, "%s%d:%" PRId64, first ? "" : ",", k, g->bridge.sdg[k - 1].n_lines);
				first = false;
			}
		fprintf(f, "\n");
	}
	if (g->view == VIEW_SDG) {
		fprintf(f, "goals.sdg.chosen=");
		for (size_t j = 0; j < g->n_chosen; j++)
			fprintf(f, "%s%d", j ? "," : "", g->chosen[j]);
		fprintf(f, "\n");
	}
	fprintf(f, "goals.spotlight=");
	if (g->spot.kind == BL_SPOT_GOAL && g->spot.ref)
		fprintf(f, "goal:%s", g->spot.ref);
	else if (g->spot.kind == BL_SPOT_LINE && g->spot.ref)
		fprintf(f, "line:%s", g->spot.ref);
	fprintf(f, "\n");
}

/* The bridge's and the SDG matrix's own keys for the status bar: the
 * list's (Enter lines, s status, a add ...) do nothing there. */
static size_t s_status(tui *t, void *st, const tui_status_key **keys)
{
	(void)t;
	const goals_state *g = st;
	static const tui_status_key bridge[] = {
		{ ACT_GOAL_BRIDGE, ACT_BACK, N_("back") },
		{ ACT_DOWN, ACT_UP, N_("scroll") },
		{ ACT_PGUP, ACT_PGDN, N_("page") },
		{ ACT_UNIT, ACT_NONE, N_("unit") },
		{ ACT_GOAL_SDG, ACT_NONE, N_("SDGs") },
		{ ACT_HELP, ACT_NONE, N_("help") },
	};
	static const tui_status_key sdg[] = {
		{ ACT_GOAL_SDG, ACT_BACK, N_("back") },
		{ ACT_DOWN, ACT_UP, N_("scroll") },
		{ ACT_PGUP, ACT_PGDN, N_("page") },
		{ ACT_UNIT, ACT_NONE, N_("unit") },
		{ ACT_GOAL_BRIDGE, ACT_NONE, N_("bridge") },
		{ ACT_HELP, ACT_NONE, N_("help") },
	};
	if (g->view == VIEW_BRIDGE) {
		*keys = bridge;
		return sizeof bridge / sizeof bridge[0];
	}
	if (g->view == VIEW_SDG) {
		*keys = sdg;
		return sizeof sdg / sizeof sdg[0];
	}
	return 0;
}

const tui_screen_ops tui_screen_goals = {
	.id = SCR_GOALS, .name = "goals", .title = N_("Goals"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump, .status = s_status,
};
