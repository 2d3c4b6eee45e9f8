/* screen_budget.c: the budget as a tree table of areas and lines.
 *
 *   body row 0   what is shown: the years (when not all fit), version,
 *                unit, sign, sort, filter, counts
 *   body row 1   column headings: code, title, kind, one column a year
 *   ...          the tree (budget_model.c reads only these rows)
 *   last 3 rows  income, expenses and the balance per year: always shown
 *
 * Amounts are shown as net expenses, the way Danish and Norwegian budgets
 * print them: an expense line positive, an income line with a minus, an
 * area its expenses less its income.  The balance below is income less
 * expenses, so a deficit is negative (and red).
 *
 * When not every year fits the width, the year columns are a window on the
 * years: [ and ] move it a year at a time, the tree, the totals and the
 * sort by amount all use the same years, and the window is never past the
 * last year.  Once all fit again (a wider terminal, a smaller unit) it
 * starts at the first year again. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/budget_model.h"
#include "tui/tui.h"

/* budget_form.c */
int tui_budget_line_form(tui *t, budget_model *m, const bl_line *edit,
			 size_t area, int64_t *line_id_out);

typedef struct budget_state {
	budget_model m;
	int64_t cur, top;   /* cursor row, first row shown */
	int list_h;         /* rows of the tree in the last layout */
	int tree_need;      /* the widest indent and code seen */
	int need_cols;      /* at this width (the indent depends on it) */
	int year0;          /* the first year shown, an index from the first */
	int years_shown;    /* year columns in the last layout (0: not drawn) */
	bool open;
} budget_state;

#define KIND_W 7
/* Between two amounts: two blanks, so "-3.982.800  -4.049.144" never reads
 * as one number (Norwegian groups with a blank). */
#define GAP 2
/* Columns a level of the tree is indented: one on a narrow screen, where
 * the titles need every column. */
#define INDENT (COLS < 100 ? 1 : 2)

static void *budget_open(tui *t)
{
	budget_state *b = calloc(1, sizeof *b);
	bl_err err = { { 0 } };
	if (!b)
		return NULL;
	if (bm_open(&b->m, t->store, &t->info, t->version, &err) != 0) {
		tui_msg_err(t, &err);
		free(b);
		return NULL;
	}
	b->open = true;
	return b;
}

static void budget_close(void *st)
{
	budget_state *b = st;
	bm_close(&b->m);
	free(b);
}

static void clamp(budget_state *b)
{
	if (b->cur >= b->m.n_rows)
		b->cur = b->m.n_rows - 1;
	if (b->cur < 0)
		b->cur = 0;
	int h = b->list_h > 0 ? b->list_h : 1;
	if (b->top > b->cur)
		b->top = b->cur;
	if (b->cur >= b->top + h)
		b->top = b->cur - h + 1;
	if (b->top > b->m.n_rows - h)
		b->top = b->m.n_rows - h;
	if (b->top < 0)
		b->top = 0;
}

/* What the cursor is on, to find it again after a reload. */
typedef struct anchor {
	int64_t line_id, area_id;
} anchor;

static anchor anchor_of(budget_state *b)
{
	anchor a = { 0, 0 };
	bm_row r;
	bl_err err = { { 0 } };
	if (b->m.n_rows > 0 && bm_row_at(&b->m, b->cur, &r, &err) == 0) {
		a.area_id = b->m.areas[r.area].id;
		if (r.line)
			a.line_id = r.line->line.id;
	}
	return a;
}

static void go_anchor(budget_state *b, anchor a)
{
	bl_err err = { { 0 } };
	int64_t row = -1;
	if (a.line_id && bm_line_row(&b->m, a.line_id, &row, &err) == 0 && row >= 0) {
		b->cur = row;
	} else if (a.area_id) {
		size_t ai = bm_area_index(&b->m, a.area_id);
		if (ai != SIZE_MAX && (row = bm_area_row(&b->m, ai)) >= 0)
			b->cur = row;
	}
	clamp(b);
}

static void budget_reload(tui *t, void *st)
{
	budget_state *b = st;
	bl_err err = { { 0 } };
	anchor a = anchor_of(b);
	int rc = strcmp(b->m.version, t->version) != 0 ? bm_set_version(&b->m, t->version, &err)
						       : bm_reload(&b->m, &err);
	if (rc != 0)
		tui_msg_err(t, &err);
	go_anchor(b, a);
}

/* The layout of the columns for the current width and unit. */
typedef struct layout {
	int tree_w, title_w, kind_w, amt_w, years;
	int first;          /* the index of the first year shown */
} layout;

static int amount_width(tui *t, budget_model *m)
{
	int w = 6;
	char buf[BL_MONEY_BUFSZ];
	for (int y = 0; y < m->n_years; y++) {
		bl_money v[3] = { m->income[y], m->expense[y], 0 };
		bl_money_sub(m->income[y], m->expense[y], &v[2]);
		for (int k = 0; k < 3; k++) {
			tui_fmt_amount(t, v[k] < 0 ? v[k] : -v[k], buf, sizeof buf);
			int bw = bl_text_width(buf);
			if (bw > w)
				w = bw;
		}
	}
	return w;
}

static layout lay_out(tui *t, budget_model *m, int tree_need)
{
	layout l;
	l.amt_w = amount_width(t, m);
	l.years = m->n_years;
	l.first = 0;
	l.kind_w = KIND_W;
	/* Codes are identifiers: cut, they mislead.  The column takes the
	 * widest code seen so far (it only grows, so it does not jump while
	 * scrolling), up to a third of the screen. */
	l.tree_w = tree_need > 12 ? tree_need : 12;
	if (l.tree_w > COLS / 3)
		l.tree_w = COLS / 3;
	for (;;) {
		int fixed = l.tree_w + 1 + l.kind_w + (l.kind_w ? 1 : 0) + l.years * (l.amt_w + GAP);
		l.title_w = COLS - fixed - 1;
		if (l.title_w >= 12 || (l.title_w >= 8 && l.years == 1))
			break;
		/* Narrow first what matters least: the kind, then the years
		 * after the second, then the code column; never an amount. */
		if (l.kind_w) {
			l.kind_w = 0;
		} else if (l.years > 2) {
			l.years--;
		} else if (l.tree_w > 14) {
			l.tree_w = 14;
		} else if (l.years > 1) {
			l.years--;
		} else {
			l.title_w = 8;
			break;
		}
	}
	/* Wide screens: titles up to 56 columns, then wider amount columns
	 * (up to 4 more each), then the rest to the codes. */
	if (l.title_w > 56) {
		int extra = l.title_w - 56, per = extra / (l.years + 1);
		if (per > 4)
			per = 4;
		l.amt_w += per;
		l.tree_w += extra - per * l.years;
		l.title_w = COLS - (l.tree_w + 1 + l.kind_w + (l.kind_w ? 1 : 0) + l.years * (l.amt_w + GAP)) - 1;
	}
	return l;
}

static void put_amount(tui *t, int y, int x, int w, bl_money v, bool valid, int role)
{
	char buf[BL_MONEY_BUFSZ];
	if (!valid)
		snprintf(buf, sizeof buf, "%s", _("overflow"));
	else
		tui_fmt_amount(t, v, buf, sizeof buf);
	tui_put(y, x, w, buf, role, true);
}

static const char *sort_name(const budget_model *m, char *buf, size_t bufsz)
{
	const char *arrow = m->descending ? "↓" : "↑";
	if (m->sort == BL_SORT_CODE)
		snprintf(buf, bufsz, _("by code %s"), arrow);
	else if (m->sort == BL_SORT_TITLE)
		snprintf(buf, bufsz, _("by title %s"), arrow);
	else
		snprintf(buf, bufsz, _("by %d %s"), m->sort_year, arrow);
	return buf;
}

static void draw_row(tui *t, budget_state *b, const layout *l, int y, int64_t r)
{
	budget_model *m = &b->m;
	bm_row row;
	bl_err err = { { 0 } };
	bool sel = r == b->cur;
	if (bm_row_at(m, r, &row, &err) != 0) {
		tui_put(y, 0, COLS, err.msg, R_ERROR, false);
		return;
	}
	const bm_area *a = &m->areas[row.area];
	int indent = INDENT * (a->level - 1);
	char tree[512];
	int x = 0;
	if (!row.line) {
		const char *mark = a->has_children || a->n_lines != 0 ? (a->expanded ? "▾ " : "▸ ") : "  ";
		snprintf(tree, sizeof tree, "%*s%s%s", indent, "", mark, a->code);
		int role = sel ? R_SELECTED : R_AREA;
		if (sel)
			tui_fill(y, 0, COLS, R_SELECTED);
		tui_put(y, x, l->tree_w, tree, role, false);
		x += l->tree_w + 1;
		tui_put(y, x, l->title_w, a->name, role, false);
		x += l->title_w + 1;
		if (l->kind_w) {
			char n[32];
			if (a->expanded || a->n_lines < 0)
				n[0] = '\0';
			else
				snprintf(n, sizeof n, "%lld", (long long)a->n_lines);
			tui_put(y, x, l->kind_w, a->n_lines > 0 && !a->expanded ? n : "", sel ? R_SELECTED : R_DIM, true);
			x += l->kind_w + 1;
		}
		for (int i = 0; i < l->years; i++) {
			bl_money v = 0;
			bool ok = bm_area_net(m, row.area, l->first + i, &v);
			put_amount(t, y, x, l->amt_w, v, ok, role);
			x += l->amt_w + GAP;
		}
		return;
	}
	const bl_line *ln = &row.line->line;
	bool income = ln->dir == BL_DIR_INCOME;
	int role = sel ? R_SELECTED : income ? R_INCOME : R_EXPENSE;
	if (sel)
		tui_fill(y, 0, COLS, R_SELECTED);
	snprintf(tree, sizeof tree, "%*s%s", indent + 2, "", ln->code);
	tui_put(y, x, l->tree_w, tree, role, false);
	x += l->tree_w + 1;
	tui_put(y, x, l->title_w, ln->title, role, false);
	x += l->title_w + 1;
	if (l->kind_w) {
		char k[32];
		snprintf(k, sizeof k, "%s %s", ln->kind == BL_KIND_CAPITAL ? _("cap") : _("op"),
			 income ? _("inc") : _("exp"));
		tui_put(y, x, l->kind_w, k, sel ? R_SELECTED : R_DIM, false);
		x += l->kind_w + 1;
	}
	for (int i = 0; i < l->years; i++) {
		int yi = l->first + i;
		bl_money v = row.line->amounts[yi], shown = v;
		/* Net expenses: income with a minus.  INT64_MIN is never
		 * stored, so the negation cannot overflow. */
		if (income)
			shown = -v;
		if (!row.line->has[yi])
			tui_put(y, x, l->amt_w, "·", sel ? R_SELECTED : R_DIM, true);
		else
			put_amount(t, y, x, l->amt_w, shown, true, role);
		x += l->amt_w + GAP;
	}
}

static void budget_draw(tui *t, void *st, int top, int rows)
{
	budget_state *b = st;
	budget_model *m = &b->m;
	char info[512], sort[64];
	b->list_h = rows - 5;
	if (b->list_h < 1)
		b->list_h = 1;
	clamp(b);
	if (b->need_cols != COLS) {
		b->need_cols = COLS;
		b->tree_need = 0;
	}
	for (int i = 0; i < b->list_h && b->top + i < m->n_rows; i++) {
		bm_row r;
		bl_err err = { { 0 } };
		if (bm_row_at(m, b->top + i, &r, &err) != 0)
			break;
		int w = INDENT * (m->areas[r.area].level - 1) + 2 +
			bl_text_width(r.line ? r.line->line.code : m->areas[r.area].code);
		if (w > b->tree_need)
			b->tree_need = w;
	}
	layout l = lay_out(t, m, b->tree_need);
	/* The window of years: all of them when they fit, else never past
	 * the last year (after a resize that shows more of them). */
	if (l.years >= m->n_years)
		b->year0 = 0;
	else if (b->year0 > m->n_years - l.years)
		b->year0 = m->n_years - l.years;
	if (b->year0 < 0)
		b->year0 = 0;
	l.first = b->year0;
	b->years_shown = l.years;
	/* Row 0: what is shown; first what is hidden, so it is never cut. */
	size_t n = 0;
	info[0] = '\0';
	if (l.years < m->n_years) {
		char shown[32];
		if (l.years == 1)
			snprintf(shown, sizeof shown, "%d", tui_year(t, l.first));
		else
			snprintf(shown, sizeof shown, "%d–%d", tui_year(t, l.first),
				 tui_year(t, l.first + l.years - 1));
		n += (size_t)snprintf(info, sizeof info, _("%s of %d–%d ([ ]: years, u: unit) · "), shown,
				      tui_year(t, 0), tui_year(t, m->n_years - 1));
	}
	n += (size_t)snprintf(info + n, sizeof info - n, "%s · %s · %s", m->version,
			      bl_unit_label(t->unit, t->info.lang), sort_name(m, sort, sizeof sort));
	if (n < sizeof info && m->filter[0])
		n += (size_t)snprintf(info + n, sizeof info - n,
				      m->n_matching == 1 ? _(" · “%s”: %lld line (subtotals: all lines)")
							 : _(" · “%s”: %lld lines (subtotals: all lines)"),
				      m->filter, (long long)m->n_matching);
	else if (n < sizeof info && m->n_matching >= 0)
		n += (size_t)snprintf(info + n, sizeof info - n,
				      m->n_matching == 1 ? _(" · %lld line") : _(" · %lld lines"),
				      (long long)m->n_matching);
	else if (n < sizeof info)
		n += (size_t)snprintf(info + n, sizeof info - n, "%s", _(" · + unfolds and counts all"));
	if (n < sizeof info)
		snprintf(info + n, sizeof info - n, "%s", _(" · net expenses: income with −"));
	tui_put(top, 0, COLS, info, R_DIM, false);
	/* Row 1: headings. */
	int x = 0, y = top + 1;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, x, l.tree_w, _("Code"), R_HEADING, false);
	x += l.tree_w + 1;
	tui_put(y, x, l.title_w, _("Title"), R_HEADING, false);
	x += l.title_w + 1;
	if (l.kind_w) {
		tui_put(y, x, l.kind_w, _("Kind"), R_HEADING, false);
		x += l.kind_w + 1;
	}
	for (int i = 0; i < l.years; i++) {
		char yb[32];
		/* An arrow where more years are, on either side. */
		bool before = i == 0 && l.first > 0;
		bool after = i == l.years - 1 && l.first + l.years < m->n_years;
		int year = tui_year(t, l.first + i);
		snprintf(yb, sizeof yb, "%s%d%s", before ? "← " : "", year, after ? " →" : "");
		if (bl_text_width(yb) > l.amt_w)
			snprintf(yb, sizeof yb, "%s%d%s", before ? "←" : "", year, after ? "→" : "");
		tui_put(y, x, l.amt_w, yb, R_HEADING, true);
		x += l.amt_w + GAP;
	}
	/* The tree. */
	if (m->n_rows == 0)
		tui_put(top + 2, 2, COLS - 4,
			m->filter[0] ? _("No line matches the filter. Esc clears it.")
				     : _("No areas yet. Add them with 'budgetlab area add', then lines with a."),
			R_DIM, false);
	for (int i = 0; i < b->list_h && b->top + i < m->n_rows; i++)
		draw_row(t, b, &l, top + 2 + i, b->top + i);
	/* Footer: income, expenses, balance. */
	int fy = top + rows - 3;
	static const char *const labels[3] = { N_("Income"), N_("Expenses"), N_("Balance (income − expenses)") };
	for (int k = 0; k < 3; k++) {
		int row_y = fy + k;
		tui_fill(row_y, 0, COLS, R_TOTAL);
		tui_put(row_y, 0, l.tree_w + 1 + l.title_w + (l.kind_w ? l.kind_w + 1 : 0),
			_(labels[k]), R_TOTAL, false);
		x = l.tree_w + 1 + l.title_w + 1 + (l.kind_w ? l.kind_w + 1 : 0);
		for (int i = 0; i < l.years; i++) {
			int yi = l.first + i;
			bl_money v = k == 0 ? m->income[yi] : m->expense[yi];
			bool ok = true;
			if (k == 2)
				ok = bl_money_sub(m->income[yi], m->expense[yi], &v);
			int role = k == 2 && v < 0 ? R_DEFICIT : R_TOTAL;
			put_amount(t, row_y, x, l.amt_w, v, ok, role);
			x += l.amt_w + GAP;
		}
	}
}

/* ---- actions ---- */

static bool row_here(tui *t, budget_state *b, bm_row *r)
{
	bl_err err = { { 0 } };
	if (b->m.n_rows == 0)
		return false;
	if (bm_row_at(&b->m, b->cur, r, &err) != 0) {
		tui_msg_err(t, &err);
		return false;
	}
	return true;
}

static void toggle_area(tui *t, budget_state *b, size_t area, bool on)
{
	bl_err err = { { 0 } };
	if (bm_expand(&b->m, area, on, &err) != 0)
		tui_msg_err(t, &err);
	int64_t r = bm_area_row(&b->m, area);
	if (r >= 0)
		b->cur = r;
	clamp(b);
}

static const char *valid_filter(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	if (strlen(text) >= 255) {
		snprintf(msg, msgsz, "%s", _("A filter can be at most 254 bytes."));
		return msg;
	}
	return NULL;
}

static void do_filter(tui *t, budget_state *b)
{
	char text[256];
	if (tui_prompt(t, _("Filter (code or title contains; empty: all): "), b->m.filter, text,
		       sizeof text, valid_filter, NULL) != 1)
		return;
	bl_err err = { { 0 } };
	anchor a = anchor_of(b);
	if (bm_set_filter(&b->m, text, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	b->cur = 0;
	b->top = 0;
	if (!text[0])
		go_anchor(b, a);
	else if (b->m.n_matching == 0)
		tui_msg(t, R_ERROR, _("No line's code or title contains “%s”."), text);
	else
		tui_msg(t, R_INFO, _("%lld lines contain “%s”; Esc shows all again."),
			(long long)b->m.n_matching, text);
	clamp(b);
}

static const char *valid_code(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	bl_line l;
	bl_err err = { { 0 } };
	int64_t area;
	(void)ctx;
	if (!text[0])
		return NULL;
	if (bl_store_line_find(t->store, text, &l, &err) == 0) {
		bl_line_clear(&l);
		return NULL;
	}
	bl_err aerr = { { 0 } };
	if (bl_store_area_find(t->store, text, &area, &aerr) == 0)
		return NULL;
	snprintf(msg, msgsz, _("%s, nor an area (Esc: back; C-u clears)"), err.msg);
	return msg;
}

static void go_to_line(tui *t, budget_state *b, int64_t id)
{
	bl_err err = { { 0 } };
	int64_t row;
	if (bm_line_row(&b->m, id, &row, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	if (row < 0) {
		tui_msg(t, R_ERROR, "%s", _("That line is hidden by the filter; Esc clears the filter."));
		return;
	}
	b->cur = row;
	b->top = row - b->list_h / 2;
	clamp(b);
}

/* `:` takes a line's code, or an area's code or path. */
static void do_jump(tui *t, budget_state *b)
{
	char code[128];
	if (tui_prompt(t, _("Go to a line or an area, by its code: "), "", code, sizeof code,
		       valid_code, NULL) != 1 ||
	    !code[0])
		return;
	bl_line l;
	bl_err err = { { 0 } };
	if (bl_store_line_find(t->store, code, &l, &err) == 0) {
		go_to_line(t, b, l.id);
		bl_line_clear(&l);
		return;
	}
	int64_t area_id;
	if (bl_store_area_find(t->store, code, &area_id, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	size_t ai = bm_area_index(&b->m, area_id);
	if (ai == SIZE_MAX)
		return;
	for (size_t p = b->m.areas[ai].parent; p != SIZE_MAX; p = b->m.areas[p].parent)
		if (!b->m.areas[p].expanded)
			bm_expand(&b->m, p, true, &err);
	int64_t row = bm_area_row(&b->m, ai);
	if (row < 0) {
		tui_msg(t, R_ERROR, "%s", _("That area is hidden by the filter; Esc clears the filter."));
		return;
	}
	b->cur = row;
	b->top = row - b->list_h / 2;
	clamp(b);
}

/* The years shown: the first and the last, as numbers. */
static void years_shown(const budget_state *b, int *first, int *last)
{
	const budget_model *m = &b->m;
	int shown = b->years_shown > 0 && b->years_shown < m->n_years ? b->years_shown : m->n_years;
	*first = m->first_year + b->year0;
	*last = *first + shown - 1;
}

/* s: code, title, then the amount of each year shown, in turn. */
static void do_sort(tui *t, budget_state *b, bool reverse)
{
	budget_model *m = &b->m;
	bl_sort s = m->sort;
	int year = m->sort_year;
	bool desc = m->descending;
	int first, last;
	years_shown(b, &first, &last);
	if (reverse) {
		desc = !desc;
	} else if (s == BL_SORT_CODE) {
		s = BL_SORT_TITLE;
	} else if (s == BL_SORT_TITLE) {
		s = BL_SORT_AMOUNT;
		year = first;
		desc = true; /* the largest first: what one sorts by amount for */
	} else if (year < first) {
		year = first; /* sorted by a year since scrolled out of sight */
	} else if (year < last) {
		year++;
	} else {
		s = BL_SORT_CODE;
		desc = false;
	}
	bl_err err = { { 0 } };
	anchor a = anchor_of(b);
	if (bm_set_sort(m, s, year, desc, &err) != 0)
		tui_msg_err(t, &err);
	go_anchor(b, a);
	char buf[64];
	tui_msg(t, R_INFO, _("Lines sorted %s within each area."), sort_name(m, buf, sizeof buf));
}

/* [ and ]: the window of years a year earlier or later, within the years. */
static void shift_years(tui *t, budget_state *b, int by)
{
	budget_model *m = &b->m;
	int shown = b->years_shown;
	if (shown <= 0 || shown >= m->n_years) {
		tui_msg(t, R_INFO, _("All %d years are shown."), m->n_years);
		return;
	}
	int to = b->year0 + by;
	if (to < 0) {
		tui_msg(t, R_INFO, _("The first year, %d, is already shown."), m->first_year);
		return;
	}
	if (to > m->n_years - shown) {
		tui_msg(t, R_INFO, _("The last year, %d, is already shown."), m->first_year + m->n_years - 1);
		return;
	}
	b->year0 = to;
}

static void do_delete(tui *t, budget_state *b, const bm_row *r)
{
	if (!r->line) {
		tui_msg(t, R_ERROR, "%s", _("Only a line can be deleted here; select one of the area's lines."));
		return;
	}
	if (t->readonly) {
		tui_msg(t, R_ERROR, "%s", _("This view is read-only."));
		return;
	}
	char q[600];
	int64_t id = r->line->line.id;
	char code[256];
	snprintf(code, sizeof code, "%s", r->line->line.code);
	snprintf(q, sizeof q, _("Delete the line %s “%s” and its amounts?"), code, r->line->line.title);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Kept the line %s."), code);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_line_delete(t->store, id, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_reload(t);
	tui_msg(t, R_INFO, _("Line %s deleted (the journal keeps it)."), code);
}

static void do_spotlight(tui *t, budget_state *b, const bm_row *r)
{
	char path[512];
	bl_spotlight sp = { 0 };
	if (r->line) {
		sp.kind = BL_SPOT_LINE;
		sp.ref = r->line->line.code;
	} else {
		bm_area_path(&b->m, r->area, path, sizeof path);
		sp.kind = BL_SPOT_AREA;
		sp.ref = path;
	}
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_msg(t, R_INFO, _("On the projector: %s (P takes it off)."), sp.ref);
}

static void do_form(tui *t, budget_state *b, const bm_row *r, bool add)
{
	int64_t id = 0;
	if (tui_budget_line_form(t, &b->m, add ? NULL : &r->line->line, r->area, &id) == 1) {
		tui_reload(t);
		go_to_line(t, b, id);
	}
}

static bool budget_act(tui *t, void *st, tui_act a)
{
	budget_state *b = st;
	budget_model *m = &b->m;
	bm_row r;
	bl_err err = { { 0 } };
	int page = b->list_h > 1 ? b->list_h - 1 : 1;
	switch (a) {
	case ACT_DOWN: b->cur++; break;
	case ACT_UP: b->cur--; break;
	case ACT_PGDN: b->cur += page; b->top += page; break;
	case ACT_PGUP: b->cur -= page; b->top -= page; break;
	case ACT_HOME: b->cur = 0; break;
	case ACT_END: b->cur = m->n_rows - 1; break;
	case ACT_BACK:
		if (!m->filter[0])
			return false;
		{
			anchor an = anchor_of(b);
			if (bm_set_filter(m, "", &err) != 0)
				tui_msg_err(t, &err);
			go_anchor(b, an);
			tui_msg(t, R_INFO, "%s", _("Filter cleared: all lines."));
		}
		return true;
	case ACT_TOGGLE:
		if (!row_here(t, b, &r))
			return true;
		if (r.line)
			do_form(t, b, &r, false);
		else
			toggle_area(t, b, r.area, !m->areas[r.area].expanded);
		return true;
	case ACT_EXPAND:
		if (row_here(t, b, &r) && !r.line)
			toggle_area(t, b, r.area, true);
		return true;
	case ACT_COLLAPSE:
		if (!row_here(t, b, &r))
			return true;
		if (r.line || !m->areas[r.area].expanded) {
			/* To the area (or the parent area) row. */
			size_t to = r.line ? r.area : m->areas[r.area].parent;
			if (to != SIZE_MAX)
				toggle_area(t, b, to, r.line != NULL);
		} else {
			toggle_area(t, b, r.area, false);
		}
		return true;
	case ACT_EXPAND_ALL:
	case ACT_COLLAPSE_ALL: {
		anchor an = anchor_of(b);
		if (bm_expand_all(m, a == ACT_EXPAND_ALL, &err) != 0)
			tui_msg_err(t, &err);
		if (a == ACT_COLLAPSE_ALL)
			an.line_id = 0;
		go_anchor(b, an);
		return true;
	}
	case ACT_FILTER: do_filter(t, b); return true;
	case ACT_JUMP: do_jump(t, b); return true;
	case ACT_SORT: do_sort(t, b, false); return true;
	case ACT_REVERSE: do_sort(t, b, true); return true;
	case ACT_YEARS_EARLIER: shift_years(t, b, -1); return true;
	case ACT_YEARS_LATER: shift_years(t, b, 1); return true;
	case ACT_ADD:
	case ACT_EDIT:
		if (!row_here(t, b, &r)) {
			if (a == ACT_ADD)
				tui_msg(t, R_ERROR, "%s", _("There is no area to add a line to yet: add one with 'budgetlab area add'."));
			return true;
		}
		if (a == ACT_EDIT && !r.line) {
			tui_msg(t, R_ERROR, "%s", _("Select a line to edit; Enter folds or unfolds an area."));
			return true;
		}
		do_form(t, b, &r, a == ACT_ADD);
		return true;
	case ACT_DELETE:
		if (row_here(t, b, &r))
			do_delete(t, b, &r);
		return true;
	case ACT_SPOTLIGHT:
		if (row_here(t, b, &r))
			do_spotlight(t, b, &r);
		return true;
	default:
		return false;
	}
	clamp(b);
	return true;
}

static void budget_dump(tui *t, void *st, FILE *f)
{
	budget_state *b = st;
	budget_model *m = &b->m;
	bm_row r;
	bl_err err = { { 0 } };
	(void)t;
	fprintf(f, "budget.rows=%lld\nbudget.row=%lld\nbudget.top=%lld\n", (long long)m->n_rows,
		(long long)b->cur, (long long)b->top);
	fprintf(f, "budget.filter=%s\nbudget.lines=%lld\n", m->filter, (long long)m->n_matching);
	fprintf(f, "budget.sort=%s%s\n",
		m->sort == BL_SORT_CODE ? "code" : m->sort == BL_SORT_TITLE ? "title" : "amount",
		m->descending ? " desc" : " asc");
	if (m->sort == BL_SORT_AMOUNT)
		fprintf(f, "budget.sort_year=%d\n", m->sort_year);
	int first, last;
	years_shown(b, &first, &last);
	fprintf(f, "budget.first_year=%d\nbudget.years_shown=%d of %d\n", first, last - first + 1,
		m->n_years);
	if (m->n_rows > 0 && bm_row_at(m, b->cur, &r, &err) == 0) {
		if (r.line) {
			fprintf(f, "budget.selected=line %s\n", r.line->line.code);
		} else {
			char path[512];
			bm_area_path(m, r.area, path, sizeof path);
			fprintf(f, "budget.selected=area %s\n", path);
		}
	} else {
		fprintf(f, "budget.selected=\n");
	}
	size_t open = 0;
	for (size_t i = 0; i < m->n_areas; i++)
		open += m->areas[i].expanded;
	fprintf(f, "budget.unfolded=%zu of %zu\n", open, m->n_areas);
	fprintf(f, "budget.pages_read=%ld\n", m->queries);
}

const tui_screen_ops tui_screen_budget = {
	.id = SCR_BUDGET, .name = "budget", .title = N_("Budget"),
	.open = budget_open, .close = budget_close, .reload = budget_reload,
	.draw = budget_draw, .act = budget_act, .dump = budget_dump,
};
