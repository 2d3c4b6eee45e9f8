/* import_map.c: the import screen's mapping editor: the roles of an
 * import profile (budgetlab-import(5)), one a row -- the area levels, the
 * line's code and title, the direction (a column and its words, or the
 * sign), the signs, the amounts (every column named by a year, or columns
 * one by one with their years), the decimal sign, what rows with the same
 * line code become, the kind of line, whether areas are created.  Each row
 * shows what is mapped and what that gives on the file's first row; the
 * preview under the roles is the importer's own reading of the first
 * rows, made again after every change.  A role is changed in
 * import_edit.c; S saves the mapping (import_save.c). */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"

#define LABEL_W 20
#define MAX_ROLES (2 * BL_IMPORT_MAX_LEVELS + BL_IMPORT_MAX_AMOUNTS + 20)

enum rk {
	RK_LCODE, RK_LNAME, RK_LADD, RK_CODE, RK_TITLE, RK_DIR, RK_INCOME, RK_EXPENSE, RK_SIGNS,
	RK_AMOUNTS, RK_AMOUNT, RK_AADD, RK_DECIMAL, RK_SAME, RK_SCODE, RK_STITLE, RK_KIND,
	RK_NEWAREAS
};

typedef struct role {
	int kind;
	int i; /* the level or the amount */
} role;

static int roles(const bl_import_profile *p, role *out)
{
	int n = 0;
	for (size_t i = 0; i < p->n_levels; i++) {
		out[n++] = (role){ RK_LCODE, (int)i };
		out[n++] = (role){ RK_LNAME, (int)i };
	}
	if (p->n_levels < BL_IMPORT_MAX_LEVELS)
		out[n++] = (role){ RK_LADD, 0 };
	out[n++] = (role){ RK_CODE, 0 };
	out[n++] = (role){ RK_TITLE, 0 };
	out[n++] = (role){ RK_DIR, 0 };
	if (p->direction_col.n) {
		out[n++] = (role){ RK_INCOME, 0 };
		out[n++] = (role){ RK_EXPENSE, 0 };
	}
	out[n++] = (role){ RK_SIGNS, 0 };
	out[n++] = (role){ RK_AMOUNTS, 0 };
	bool headers = p->n_amounts == 1 && p->amount[0].kind == BL_YEAR_HEADERS;
	if (!headers) {
		for (size_t i = 0; i < p->n_amounts; i++)
			out[n++] = (role){ RK_AMOUNT, (int)i };
		if (p->n_amounts < BL_IMPORT_MAX_AMOUNTS)
			out[n++] = (role){ RK_AADD, 0 };
	}
	out[n++] = (role){ RK_DECIMAL, 0 };
	out[n++] = (role){ RK_SAME, 0 };
	out[n++] = (role){ RK_SCODE, 0 };
	out[n++] = (role){ RK_STITLE, 0 };
	out[n++] = (role){ RK_KIND, 0 };
	out[n++] = (role){ RK_NEWAREAS, 0 };
	return n;
}

bool imp_headers_mode(const bl_import_profile *p)
{
	return p->n_amounts == 1 && p->amount[0].kind == BL_YEAR_HEADERS;
}

/* The first data row that could be split: where the samples come from. */
size_t imp_sample_row(const imp_state *s)
{
	for (size_t r = 0; r < s->n_rows; r++)
		if (!s->rows[r].problem && s->rows[r].n == s->n_header)
			return r;
	return 0;
}

static void amount_year_text(const tui *t, const bl_amount_map *m, char *buf, size_t bufsz)
{
	if (m->kind == BL_YEAR_FIXED)
		snprintf(buf, bufsz, "%d", m->year);
	else if (m->kind == BL_YEAR_BUDGET && m->year)
		snprintf(buf, bufsz, _("budget year+%d (%d)"), m->year, tui_year(t, m->year));
	else if (m->kind == BL_YEAR_BUDGET)
		snprintf(buf, bufsz, _("budget year (%d)"), tui_year(t, 0));
	else
		snprintf(buf, bufsz, _("the year in column %s"), m->year_column ? m->year_column : "?");
}

/* The first amount on the sample row, in the file's sign. */
static bool first_amount(tui *t, const imp_state *s, size_t r, bl_money *v, const char **col)
{
	const bl_import_profile *p = s->prof;
	bl_lang lang = p->decimal_point ? BL_LANG_EN : (t->info.lang == BL_LANG_NB ? BL_LANG_NB : BL_LANG_DA);
	for (size_t c = 0; c < s->n_header; c++) {
		bool mapped = false;
		int y;
		if (imp_headers_mode(p))
			mapped = bl_import_year_name(s->header[c], &y);
		for (size_t i = 0; !imp_headers_mode(p) && i < p->n_amounts; i++)
			mapped |= p->amount[i].column && imp_col(s, p->amount[i].column) == (int)c;
		const char *f = imp_field(s, r, (int)c);
		bl_err e;
		if (mapped && *f && bl_money_parse_csv(f, strlen(f), lang, v, &e) == 0) {
			*col = s->header[c];
			return true;
		}
	}
	return false;
}

/* The direction the sample row gets: 0 expense, 1 income, -1 none. */
static int sample_dir(tui *t, const imp_state *s, size_t r)
{
	const bl_import_profile *p = s->prof;
	if (!p->direction_col.n) {
		bl_money v;
		const char *col;
		return first_amount(t, s, r, &v, &col) ? v < 0 : 0;
	}
	char val[512];
	imp_render(s, &p->direction_col, r, val, sizeof val);
	for (size_t i = 0; i < p->n_income; i++)
		if (strcasecmp(val, p->income_word[i]) == 0)
			return 1;
	for (size_t i = 0; i < p->n_expense; i++)
		if (strcasecmp(val, p->expense_word[i]) == 0)
			return 0;
	return -1;
}

static void role_text(tui *t, const imp_state *s, const role *ro, char *label, char *map, char *sample,
		      size_t sz)
{
	const bl_import_profile *p = s->prof;
	size_t r = imp_sample_row(s);
	char buf[512];
	label[0] = map[0] = sample[0] = '\0';
	switch (ro->kind) {
	case RK_LCODE:
		snprintf(label, sz, _("Area level %d code"), ro->i + 1);
		snprintf(map, sz, "%s", p->level[ro->i].code.source);
		imp_render(s, &p->level[ro->i].code, r, sample, sz);
		break;
	case RK_LNAME:
		snprintf(label, sz, _("Area level %d name"), ro->i + 1);
		if (p->level[ro->i].name.n) {
			snprintf(map, sz, "%s", p->level[ro->i].name.source);
			imp_render(s, &p->level[ro->i].name, r, sample, sz);
		} else {
			snprintf(map, sz, "%s", _("(the code)"));
		}
		break;
	case RK_LADD:
		snprintf(label, sz, "%s", _("+ an area level"));
		snprintf(map, sz, "%s", p->n_levels ? _("(a adds one under the last; d removes the selected)")
						    : _("(none yet: every line is in an area; a adds a level)"));
		break;
	case RK_CODE:
		snprintf(label, sz, "%s", _("Line code"));
		snprintf(map, sz, "%s", p->code.source ? p->code.source : "");
		imp_render(s, &p->code, r, sample, sz);
		break;
	case RK_TITLE:
		snprintf(label, sz, "%s", _("Line title"));
		snprintf(map, sz, "%s", p->title_t.source ? p->title_t.source : "");
		imp_render(s, &p->title_t, r, sample, sz);
		break;
	case RK_DIR: {
		snprintf(label, sz, "%s", _("Direction"));
		int d = sample_dir(t, s, r);
		if (p->direction_col.n) {
			snprintf(map, sz, _("column %s"), p->direction_col.source);
			imp_render(s, &p->direction_col, r, buf, sizeof buf);
			snprintf(sample, sz, "%s → %s", buf, d == 1 ? _("income") : d == 0 ? _("expense") : _("neither: rejected"));
		} else {
			snprintf(map, sz, "%s", _("by sign: a negative amount is income"));
			snprintf(sample, sz, "%s", d == 1 ? _("income") : _("expense"));
		}
		break;
	}
	case RK_INCOME:
		snprintf(label, sz, "%s", _("  income words"));
		bl_text_join((const char *const *)p->income_word, p->n_income, map, sz);
		break;
	case RK_EXPENSE:
		snprintf(label, sz, "%s", _("  expense words"));
		bl_text_join((const char *const *)p->expense_word, p->n_expense, map, sz);
		break;
	case RK_SIGNS: {
		snprintf(label, sz, "%s", _("Signs"));
		snprintf(map, sz, "%s", p->signs == BL_SIGNS_INCOME_NEGATIVE
						? _("income negative (net expenses, as nb/da exports)")
						: _("as is: as the line's direction reads them"));
		bl_money v;
		const char *col;
		int d = sample_dir(t, s, r);
		if (first_amount(t, s, r, &v, &col) && d >= 0) {
			char a[BL_MONEY_BUFSZ], b2[BL_MONEY_BUFSZ];
			bl_money st = p->signs == BL_SIGNS_INCOME_NEGATIVE && d == 1 ? -v : v;
			bl_money_format_whole(v, t->info.lang, a, sizeof a);
			bl_money_format_whole(st, t->info.lang, b2, sizeof b2);
			snprintf(sample, sz, _("%s: %s → %s %s"), col, a, d == 1 ? _("income") : _("expense"), b2);
		}
		break;
	}
	case RK_AMOUNTS:
		snprintf(label, sz, "%s", _("Amounts"));
		if (imp_headers_mode(p)) {
			snprintf(map, sz, "%s", _("every column named by a year"));
			size_t o = 0;
			for (size_t c = 0; c < s->n_header && o + 8 < sz; c++) {
				int y;
				if (bl_import_year_name(s->header[c], &y))
					o += (size_t)snprintf(sample + o, sz - o, "%s%d", o ? ", " : "", y);
			}
			if (!o)
				snprintf(sample, sz, "%s", _("(no column is named by a year)"));
		} else {
			snprintf(map, sz, ngettext("%zu column, one by one", "%zu columns, one by one", (unsigned long)p->n_amounts),
				 p->n_amounts);
		}
		break;
	case RK_AMOUNT: {
		const bl_amount_map *m = &p->amount[ro->i];
		snprintf(label, sz, _("  amount %d"), ro->i + 1);
		amount_year_text(t, m, buf, sizeof buf);
		snprintf(map, sz, "%s → %s", m->column ? m->column : "?", buf);
		snprintf(sample, sz, "%s", m->column ? imp_field(s, r, imp_col(s, m->column)) : "");
		break;
	}
	case RK_AADD:
		snprintf(label, sz, "%s", _("  + an amount column"));
		snprintf(map, sz, "%s", _("(a adds one; d removes the selected)"));
		break;
	case RK_DECIMAL:
		snprintf(label, sz, "%s", _("Decimal sign"));
		snprintf(map, sz, "%s", p->decimal_point ? _("point: 1,234,567.50") : _("comma: 1 234 567,50 or 1.234.567,50"));
		break;
	case RK_SAME:
		snprintf(label, sz, "%s", _("Same line code"));
		snprintf(map, sz, "%s", p->same_line == BL_SAME_SUBLINES ? _("each row a sub-line: CODE.SUB")
									 : _("the rows are summed into one line"));
		break;
	case RK_SCODE:
		snprintf(label, sz, "%s", _("  sub-line code"));
		snprintf(map, sz, "%s", p->sub_code.n ? p->sub_code.source : _("(none)"));
		if (p->sub_code.n)
			imp_render(s, &p->sub_code, r, sample, sz);
		break;
	case RK_STITLE:
		snprintf(label, sz, "%s", _("  sub-line title"));
		snprintf(map, sz, "%s", p->sub_title.n ? p->sub_title.source : _("(none)"));
		if (p->sub_title.n)
			imp_render(s, &p->sub_title, r, sample, sz);
		break;
	case RK_KIND:
		snprintf(label, sz, "%s", _("Kind of lines"));
		snprintf(map, sz, "%s", p->kind == BL_KIND_CAPITAL ? _("capital") : _("operation"));
		break;
	case RK_NEWAREAS:
		snprintf(label, sz, "%s", _("New areas"));
		snprintf(map, sz, "%s", p->new_areas ? _("created as the file names them")
						     : _("not created: rows of areas the process lacks are rejected"));
		break;
	}
}

/* A key for the state dump. */
static void role_key(const role *ro, char *buf, size_t sz)
{
	static const char *const keys[] = {
		[RK_LCODE] = "code", [RK_LNAME] = "name", [RK_LADD] = "add_level", [RK_CODE] = "code",
		[RK_TITLE] = "title", [RK_DIR] = "direction", [RK_INCOME] = "income",
		[RK_EXPENSE] = "expense", [RK_SIGNS] = "signs", [RK_AMOUNTS] = "amounts",
		[RK_AMOUNT] = "column", [RK_AADD] = "add_amount", [RK_DECIMAL] = "decimal",
		[RK_SAME] = "same_line", [RK_SCODE] = "subline.code", [RK_STITLE] = "subline.title",
		[RK_KIND] = "kind", [RK_NEWAREAS] = "new_areas",
	};
	if (ro->kind == RK_LCODE || ro->kind == RK_LNAME)
		snprintf(buf, sz, "level%d.%s", ro->i + 1, keys[ro->kind]);
	else if (ro->kind == RK_AMOUNT)
		snprintf(buf, sz, "amount%d", ro->i + 1);
	else
		snprintf(buf, sz, "%s", keys[ro->kind]);
}

void imp_map_draw(tui *t, imp_state *s, int top, int rows)
{
	role rl[MAX_ROLES];
	int n = roles(s->prof, rl);
	int x = 1, w = COLS - 2;
	char label[1024], map[1024], sample[1024], buf[1024];
	size_t r0 = imp_sample_row(s);
	snprintf(buf, sizeof buf, "%s", _("Which column is what: Enter changes the selected role; the preview below follows."));
	tui_put(top, x, w, buf, R_NORMAL, false);
	int lw = LABEL_W, mw = (w - lw - 2) * 11 / 20, sw = w - lw - 2 - mw - 2;
	tui_put(top + 1, x, lw, _("Role"), R_HEADING, false);
	tui_put(top + 1, x + lw + 2, mw, _("Mapping"), R_HEADING, false);
	if (s->n_rows)
		snprintf(buf, sizeof buf, _("First row (line %ld)"), s->rows[r0].line);
	else
		snprintf(buf, sizeof buf, "%s", _("First row"));
	tui_put(top + 1, x + lw + 2 + mw + 2, sw, buf, R_HEADING, false);
	int avail = rows - 4;
	int half = avail / 2, more = avail - 12;
	int rh = n < (half > more ? half : more) ? n : (half > more ? half : more);
	if (rh < 1)
		rh = 1;
	s->rpage = rh;
	if (s->rsel >= n)
		s->rsel = n - 1;
	if (s->rsel < 0)
		s->rsel = 0;
	if (s->rtop > s->rsel)
		s->rtop = s->rsel;
	if (s->rsel >= s->rtop + rh)
		s->rtop = s->rsel - rh + 1;
	if (s->rtop > n - rh)
		s->rtop = n - rh > 0 ? n - rh : 0;
	for (int i = 0; i < rh && s->rtop + i < n; i++) {
		int y = top + 2 + i, k = s->rtop + i;
		bool on = k == s->rsel;
		role_text(t, s, &rl[k], label, map, sample, sizeof label);
		if (on)
			tui_fill(y, 0, COLS, R_SELECTED);
		bool add = rl[k].kind == RK_LADD || rl[k].kind == RK_AADD;
		tui_put(y, x, lw, label, on ? R_SELECTED : add ? R_INFO : R_NORMAL, false);
		imp_clean(map, buf, sizeof buf);
		tui_put(y, x + lw + 2, mw, buf, on ? R_SELECTED : add ? R_DIM : R_FIELD, false);
		imp_clean(sample, buf, sizeof buf);
		tui_put(y, x + lw + 2 + mw + 2, sw, buf, on ? R_SELECTED : R_DIM, false);
	}
	int ys = top + 2 + rh;
	for (int cx = 0; cx < COLS; cx++)
		tui_puts(ys, cx, "─", R_DIM);
	bool bad = !s->prev_ok || !s->prof->n_levels;
	if (!s->prev_ok)
		snprintf(buf, sizeof buf, "%s", _(" Preview: the mapping does not fit the file yet "));
	else if (!s->prof->n_levels)
		/* The store puts every line in an area: said here, before
		 * the check refuses. */
		snprintf(buf, sizeof buf, _(" Preview: %zu lines, but no area level: the import needs one (a adds it) "),
			 s->prev.n_lines);
	else
		snprintf(buf, sizeof buf, _(" Preview: the first %" PRId64 " rows make %zu lines, %zu rejected%s "),
			 s->prev.rows, s->prev.n_lines, s->prev.n_rejects, s->raw_view ? _(" (raw columns)") : "");
	tui_puts(ys, 2, buf, bad ? R_ERROR : R_DIM);
	int prows = top + rows - 1 - (ys + 1);
	if (prows > 0)
		imp_draw_table(t, s, ys + 1, prows, false);
	static const imp_hint hints[] = {
		{ N_("Enter: change"), 1 }, { N_("a/d: add/remove"), 4 }, { N_("S: save profile"), 3 },
		{ N_("r: raw/lines"), 5 }, { N_("Esc: preview"), 2 },
	};
	imp_draw_hints(top + rows - 1, 0, hints, 5);
}

/* ---- changing the roles ---- */

static void changed(tui *t, imp_state *s)
{
	s->prof_edited = true;
	imp_preview(t, s);
}

bool imp_map_toggle_same(tui *t, imp_state *s)
{
	bl_import_profile *p = s->prof;
	if (!p)
		return false;
	if (p->same_line == BL_SAME_SUM && !p->sub_code.n) {
		if (s->step != IS_MAP) {
			tui_msg(t, R_ERROR, _("The profile '%s' has no sub-line column that tells the rows of a line apart; m opens the mapping editor, where the sub-line code sets one."),
				p->name);
			return false;
		}
		if (!imp_edit_tmpl(t, s, &p->sub_code, _("Sub-line code"), false) || !p->sub_code.n)
			return false;
	}
	p->same_line = p->same_line == BL_SAME_SUM ? BL_SAME_SUBLINES : BL_SAME_SUM;
	changed(t, s);
	tui_msg(t, R_INFO, "%s", p->same_line == BL_SAME_SUBLINES
					 ? _("Each row a sub-line of its own: CODE.SUB.")
					 : _("Rows with the same line code are summed into one line."));
	return true;
}

/* ---- the editor's keys ---- */

bool imp_map_act(tui *t, imp_state *s, tui_act a)
{
	bl_import_profile *p = s->prof;
	if (!p)
		return false;
	role rl[MAX_ROLES];
	int n = roles(p, rl);
	int step = s->rpage > 1 ? s->rpage - 1 : 1;
	switch (a) {
	case ACT_DOWN: s->rsel++; break;
	case ACT_UP: s->rsel--; break;
	case ACT_PGDN: s->rsel += step; break;
	case ACT_PGUP: s->rsel -= step; break;
	case ACT_HOME: s->rsel = 0; break;
	case ACT_END: s->rsel = n - 1; break;
	default: goto not_moving;
	}
	if (s->rsel >= n)
		s->rsel = n - 1;
	if (s->rsel < 0)
		s->rsel = 0;
	return true;
not_moving:
	if (s->rsel >= n)
		s->rsel = n - 1;
	const role *ro = &rl[s->rsel];
	bool ch = false;
	switch (a) {
	case ACT_IMP_RAW:
		s->raw_view = !s->raw_view;
		s->sel = s->top = 0;
		return true;
	case ACT_IMP_LEFT:
	case ACT_IMP_RIGHT:
		s->hcol += a == ACT_IMP_LEFT ? -1 : 1;
		if (s->hcol < 0)
			s->hcol = 0;
		return true;
	case ACT_IMP_SAME:
		imp_map_toggle_same(t, s);
		return true;
	case ACT_IMP_SAVE:
		imp_save_profile(t, s);
		return true;
	case ACT_IMP_MAP:
		tui_msg(t, R_DIM, "%s", _("This is the mapping editor; Esc goes back to the preview."));
		return true;
	case ACT_IMP_ADD:
		if (ro->kind == RK_AMOUNT || ro->kind == RK_AADD || ro->kind == RK_AMOUNTS) {
			if (imp_headers_mode(p)) {
				tui_msg(t, R_DIM, "%s", _("Every column named by a year is an amount now; Enter on Amounts maps them one by one."));
				return true;
			}
			ch = p->n_amounts < BL_IMPORT_MAX_AMOUNTS && imp_edit_amount(t, s, p->n_amounts);
		} else {
			ch = imp_add_level(t, s);
		}
		break;
	case ACT_IMP_REMOVE:
		if (ro->kind == RK_LCODE || ro->kind == RK_LNAME) {
			imp_remove_level(p, (size_t)ro->i);
			ch = true;
		} else if (ro->kind == RK_AMOUNT) {
			free(p->amount[ro->i].column);
			free(p->amount[ro->i].year_column);
			memmove(&p->amount[ro->i], &p->amount[ro->i + 1],
				(p->n_amounts - (size_t)ro->i - 1) * sizeof p->amount[0]);
			p->n_amounts--;
			memset(&p->amount[p->n_amounts], 0, sizeof p->amount[0]);
			ch = true;
		} else {
			tui_msg(t, R_DIM, "%s", _("d removes an area level or an amount column: select one first."));
			return true;
		}
		break;
	case ACT_IMP_NEXT:
		switch (ro->kind) {
		case RK_LCODE: ch = imp_edit_tmpl(t, s, &p->level[ro->i].code, _("Area code"), false); break;
		case RK_LNAME: ch = imp_edit_tmpl(t, s, &p->level[ro->i].name, _("Area name"), true); break;
		case RK_LADD: ch = imp_add_level(t, s); break;
		case RK_CODE: ch = imp_edit_tmpl(t, s, &p->code, _("Line code"), false); break;
		case RK_TITLE: ch = imp_edit_tmpl(t, s, &p->title_t, _("Line title"), false); break;
		case RK_DIR: ch = imp_edit_direction(t, s); break;
		case RK_INCOME: ch = imp_edit_words(t, s, true); break;
		case RK_EXPENSE: ch = imp_edit_words(t, s, false); break;
		case RK_SIGNS:
			if (!p->direction_col.n && p->signs == BL_SIGNS_INCOME_NEGATIVE) {
				tui_msg(t, R_ERROR, "%s", _("With the direction by sign, income is what is negative: as is could not tell income from expenses."));
				return true;
			}
			p->signs = p->signs == BL_SIGNS_AS_IS ? BL_SIGNS_INCOME_NEGATIVE : BL_SIGNS_AS_IS;
			ch = true;
			break;
		case RK_AMOUNTS: ch = imp_toggle_amounts(t, s); break;
		case RK_AMOUNT: ch = imp_edit_amount(t, s, (size_t)ro->i); break;
		case RK_AADD: ch = p->n_amounts < BL_IMPORT_MAX_AMOUNTS && imp_edit_amount(t, s, p->n_amounts); break;
		case RK_DECIMAL: p->decimal_point = !p->decimal_point; ch = true; break;
		case RK_SAME: imp_map_toggle_same(t, s); return true;
		case RK_SCODE: ch = imp_edit_tmpl(t, s, &p->sub_code, _("Sub-line code"), true); break;
		case RK_STITLE: ch = imp_edit_tmpl(t, s, &p->sub_title, _("Sub-line title"), true); break;
		case RK_KIND: p->kind = p->kind == BL_KIND_CAPITAL ? BL_KIND_OPERATION : BL_KIND_CAPITAL; ch = true; break;
		case RK_NEWAREAS: p->new_areas = !p->new_areas; ch = true; break;
		}
		if (ro->kind == RK_SCODE && !p->sub_code.n && p->same_line == BL_SAME_SUBLINES) {
			p->same_line = BL_SAME_SUM;
			tui_msg(t, R_INFO, "%s", _("Without a sub-line code, rows with the same line code are summed."));
		}
		break;
	default:
		return false;
	}
	if (ch)
		changed(t, s);
	return true;
}

void imp_map_dump(imp_state *s, FILE *f)
{
	if (!s->prof)
		return;
	role rl[MAX_ROLES];
	int n = roles(s->prof, rl);
	char map[1024], key[64];
	/* What is mapped, as the profile would say it. */
	for (int i = 0; i < n; i++) {
		role_key(&rl[i], key, sizeof key);
		if (rl[i].kind == RK_LADD || rl[i].kind == RK_AADD)
			continue;
		map[0] = '\0';
		const bl_import_profile *p = s->prof;
		switch (rl[i].kind) {
		case RK_LCODE: snprintf(map, sizeof map, "%s", p->level[rl[i].i].code.source); break;
		case RK_LNAME: snprintf(map, sizeof map, "%s", p->level[rl[i].i].name.n ? p->level[rl[i].i].name.source : ""); break;
		case RK_CODE: snprintf(map, sizeof map, "%s", p->code.source ? p->code.source : ""); break;
		case RK_TITLE: snprintf(map, sizeof map, "%s", p->title_t.source ? p->title_t.source : ""); break;
		case RK_DIR: snprintf(map, sizeof map, "%s", p->direction_col.n ? p->direction_col.source : "sign"); break;
		case RK_INCOME: bl_text_join((const char *const *)p->income_word, p->n_income, map, sizeof map); break;
		case RK_EXPENSE: bl_text_join((const char *const *)p->expense_word, p->n_expense, map, sizeof map); break;
		case RK_SIGNS: snprintf(map, sizeof map, "%s", p->signs == BL_SIGNS_AS_IS ? "as_is" : "income_negative"); break;
		case RK_AMOUNTS: snprintf(map, sizeof map, "%s", imp_headers_mode(p) ? "header_years" : "columns"); break;
		case RK_AMOUNT: {
			const bl_amount_map *m = &p->amount[rl[i].i];
			if (m->kind == BL_YEAR_FIXED)
				snprintf(map, sizeof map, "%s=%d", m->column ? m->column : "", m->year);
			else if (m->kind == BL_YEAR_BUDGET)
				snprintf(map, sizeof map, "%s=budget_year+%d", m->column ? m->column : "", m->year);
			else
				snprintf(map, sizeof map, "%s=column:%s", m->column ? m->column : "", m->year_column ? m->year_column : "");
			break;
		}
		case RK_DECIMAL: snprintf(map, sizeof map, "%s", p->decimal_point ? "point" : "comma"); break;
		case RK_SAME: snprintf(map, sizeof map, "%s", p->same_line == BL_SAME_SUBLINES ? "sublines" : "sum"); break;
		case RK_SCODE: snprintf(map, sizeof map, "%s", p->sub_code.n ? p->sub_code.source : ""); break;
		case RK_STITLE: snprintf(map, sizeof map, "%s", p->sub_title.n ? p->sub_title.source : ""); break;
		case RK_KIND: snprintf(map, sizeof map, "%s", p->kind == BL_KIND_CAPITAL ? "capital" : "operation"); break;
		case RK_NEWAREAS: snprintf(map, sizeof map, "%s", p->new_areas ? "true" : "false"); break;
		}
		fprintf(f, "import.map.%s=%s\n", key, map);
	}
	if (s->rsel >= 0 && s->rsel < n) {
		role_key(&rl[s->rsel], key, sizeof key);
		fprintf(f, "import.role=%s\n", key);
	}
}

