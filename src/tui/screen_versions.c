/* screen_versions.c: the budget's versions, and the difference between two.
 *
 *   rows 0..3     the versions: proposal, first reading, adopted, with
 *                 their state (editable, frozen when and where, derived)
 *                 and how many amounts each has
 *   row 5         which two are compared (o and n change them; s shows
 *                 the diff per line or per area)
 *   the rest      the diff (core/vdiff.h): per line and year, the old
 *                 amount, the new, the change and its cause (the
 *                 amendment(s) that made it, from bl_store_adopted_compute);
 *                 or per area and year, income, expenses and balance
 *
 * Causes are known for changes into the adopted version: it is derived
 * from the first reading by the adopted amendments, and the store says
 * which amendment changed each line and year. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/vdiff.h"
#include "tui/readings_screen.h"

static const char *const version_keys[] = { "proposal", "first_reading", "adopted" };
#define N_VERSIONS 3

typedef struct vrow {
	int line;  /* index into d.line, or -1 */
	int area;  /* index into d.area, or -1 for the total (area mode) */
	int year;  /* index */
} vrow;

typedef struct versions_state {
	bl_version_state *v;
	size_t n_v;
	int old_v, new_v;     /* indexes into version_keys */
	bool by_area;
	bl_vdiff d;
	bool have_diff;
	vrow *rows;
	size_t n_rows;
	int sel, top, page;
	char err[BL_ERR_MAX];
	bl_amend_source *sources;
} versions_state;

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s ? s : "", false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

static const char *version_title(const char *key)
{
	if (strcmp(key, "proposal") == 0)
		return _("proposal");
	if (strcmp(key, "first_reading") == 0)
		return _("first reading");
	return _("adopted");
}

typedef struct cause_ctx {
	const bl_amend_source *src;
	char buf[256];
} cause_ctx;

static const char *cause_of(void *vctx, const char *code, int year)
{
	cause_ctx *c = vctx;
	const bl_amend_source *s = bl_amend_source_find(c->src, code, year);
	if (!s || !s->n_numbers)
		return NULL;
	size_t used = (size_t)snprintf(c->buf, sizeof c->buf, "%s",
				       s->n_numbers == 1 ? _("amendment") : _("amendments"));
	for (size_t i = 0; i < s->n_numbers && used < sizeof c->buf; i++)
		used += (size_t)snprintf(c->buf + used, sizeof c->buf - used, "%s%d", i ? ", " : " ", s->numbers[i]);
	return c->buf;
}

static void free_data(versions_state *s)
{
	bl_version_states_free(s->v, s->n_v);
	s->v = NULL;
	s->n_v = 0;
	if (s->have_diff)
		bl_vdiff_free(&s->d);
	s->have_diff = false;
	free(s->rows);
	s->rows = NULL;
	s->n_rows = 0;
	bl_amend_sources_free(s->sources);
	s->sources = NULL;
	s->err[0] = '\0';
}

static bool total_differs(const bl_vdiff_total *t)
{
	return t->income.change || t->expense.change || t->balance.change;
}

static void build_rows(versions_state *s, int n_years)
{
	size_t cap = 0;
	if (s->by_area)
		cap = (s->d.n_areas + 1) * (size_t)n_years;
	else
		cap = s->d.n_lines * (size_t)n_years;
	s->rows = cap ? calloc(cap, sizeof *s->rows) : NULL;
	if (!s->rows)
		return;
	if (s->by_area) {
		for (int y = 0; y < n_years; y++)
			if (total_differs(&s->d.total[y]))
				s->rows[s->n_rows++] = (vrow){ -1, -1, y };
		for (size_t a = 0; a < s->d.n_areas; a++)
			for (int y = 0; y < n_years; y++)
				if (total_differs(&s->d.area[a].y[y]))
					s->rows[s->n_rows++] = (vrow){ -1, (int)a, y };
		return;
	}
	for (size_t l = 0; l < s->d.n_lines; l++)
		for (int y = 0; y < n_years; y++)
			if (bl_vdiff_cell_differs(&s->d.line[l].y[y]))
				s->rows[s->n_rows++] = (vrow){ (int)l, -1, y };
}

static void load(tui *t, versions_state *s)
{
	free_data(s);
	bl_err err = { { 0 } };
	if (bl_store_versions(t->store, &s->v, &s->n_v, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	bool frozen = false;
	if (bl_store_first_reading_frozen(t->store, &frozen, &err) != 0) {
		snprintf(s->err, sizeof s->err, "%s", err.msg);
		return;
	}
	cause_ctx cc = { 0 };
	if (frozen && s->new_v == 2) {
		bl_amend_budget b = { 0 };
		if (bl_store_adopted_compute(t->store, &b, &s->sources, &err) != 0) {
			snprintf(s->err, sizeof s->err, _("The causes are unknown: %s"), err.msg);
			s->sources = NULL;
		} else {
			bl_amend_budget_free(&b);
		}
		cc.src = s->sources;
	}
	bl_vdiff_src *o = NULL, *n = NULL;
	size_t no = 0, nn = 0;
	if (bl_store_vdiff_src(t->store, version_keys[s->old_v], &o, &no, &err) != 0 ||
	    bl_store_vdiff_src(t->store, version_keys[s->new_v], &n, &nn, &err) != 0) {
		snprintf(s->err, sizeof s->err, "%s", err.msg);
		bl_store_vdiff_src_free(o, no);
		return;
	}
	if (bl_vdiff_compute(o, no, n, nn, t->info.budget_year, t->info.n_years, cc.src ? cause_of : NULL, &cc, 0,
			     &s->d, &err) != 0)
		snprintf(s->err, sizeof s->err, "%s", err.msg);
	else
		s->have_diff = true;
	bl_store_vdiff_src_free(o, no);
	bl_store_vdiff_src_free(n, nn);
	if (s->have_diff)
		build_rows(s, t->info.n_years);
	if (s->sel >= (int)s->n_rows)
		s->sel = (int)s->n_rows - 1;
	if (s->sel < 0)
		s->sel = s->n_rows ? 0 : -1;
}

/* ---- drawing ---- */

static void draw_versions(tui *t, versions_state *s, int y)
{
	char buf[256];
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, 1, 16, _("Version"), R_HEADING, false);
	int cnt_w = bl_text_width(_("Amounts"));
	if (cnt_w < 8)
		cnt_w = 8;
	tui_put(y, 18, COLS - 20 - cnt_w, _("State"), R_HEADING, false);
	tui_put(y, COLS - 1 - cnt_w, cnt_w, _("Amounts"), R_HEADING, true);
	(void)t;
	for (size_t i = 0; i < s->n_v && i < 3; i++) {
		const bl_version_state *v = &s->v[i];
		int yy = y + 1 + (int)i;
		bool in = (s->old_v >= 0 && strcmp(v->key, version_keys[s->old_v]) == 0) ||
			  strcmp(v->key, version_keys[s->new_v]) == 0;
		tui_put(yy, 1, 16, version_title(v->key), in ? R_HEADING : R_NORMAL, false);
		if (v->derived)
			snprintf(buf, sizeof buf, "%s", _("derived: first reading + adopted amendments"));
		else if (v->frozen)
			snprintf(buf, sizeof buf, _("frozen %.10s (%s)"), v->frozen_at ? v->frozen_at : "",
				 v->frozen_phase ? v->frozen_phase : "-");
		else
			snprintf(buf, sizeof buf, "%s", _("editable"));
		put_clean(yy, 18, COLS - 20 - cnt_w, buf, v->frozen || v->derived ? R_LOCKED : R_NORMAL, false);
		snprintf(buf, sizeof buf, "%" PRId64, v->n_amounts);
		tui_put(yy, COLS - 1 - cnt_w, cnt_w, buf, R_NORMAL, true);
	}
}

typedef struct dcols {
	int code_x, code_w, title_x, title_w, year_x, amt_w, old_x, new_x, chg_x, cause_x, cause_w;
} dcols;

static void keep_visible(versions_state *s)
{
	if (s->page < 1)
		s->page = 1;
	if (s->sel >= 0) {
		if (s->sel < s->top)
			s->top = s->sel;
		if (s->sel >= s->top + s->page)
			s->top = s->sel - s->page + 1;
	}
	int max_top = (int)s->n_rows - s->page;
	if (s->top > max_top)
		s->top = max_top < 0 ? 0 : max_top;
	if (s->top < 0)
		s->top = 0;
}

static int amount_width(tui *t, const versions_state *s)
{
	char buf[64];
	int w = 7;
	for (size_t i = 0; i < s->n_rows; i++) {
		const vrow *r = &s->rows[i];
		bl_money v[6];
		int n = 0;
		if (r->line >= 0) {
			const bl_vdiff_cell *c = &s->d.line[r->line].y[r->year];
			v[n++] = c->before;
			v[n++] = c->after;
			v[n++] = c->change;
		} else {
			const bl_vdiff_total *tt = r->area < 0 ? &s->d.total[r->year] : &s->d.area[r->area].y[r->year];
			v[n++] = tt->income.change;
			v[n++] = tt->expense.change;
			v[n++] = tt->balance.before;
			v[n++] = tt->balance.after;
			v[n++] = tt->balance.change;
		}
		for (int k = 0; k < n; k++) {
			tui_fmt_signed(t, v[k], buf, sizeof buf);
			int bw = bl_text_width(buf);
			if (bw > w)
				w = bw;
		}
	}
	return w;
}

static void draw_lines(tui *t, versions_state *s, int y, int rows)
{
	int aw = amount_width(t, s), cause_w = 0;
	for (size_t i = 0; i < s->n_rows; i++) {
		const bl_vdiff_cell *c = &s->d.line[s->rows[i].line].y[s->rows[i].year];
		int w = c->cause ? bl_text_width(c->cause) : 0;
		if (w > cause_w)
			cause_w = w;
	}
	if (cause_w && cause_w < bl_text_width(_("Cause")))
		cause_w = bl_text_width(_("Cause"));
	if (cause_w > 20)
		cause_w = 20;
	int code_w = 4;
	for (size_t i = 0; i < s->d.n_lines; i++) {
		int w = bl_text_width(s->d.line[i].code);
		if (w > code_w)
			code_w = w;
	}
	if (code_w > 14)
		code_w = 14;
	int cause_x = cause_w ? COLS - 1 - cause_w : COLS;
	int chg_x = cause_x - 1 - aw, new_x = chg_x - 1 - aw, old_x = new_x - 1 - aw, year_x = old_x - 5;
	int code_x = 1, title_x = code_x + code_w + 1, title_w = year_x - 1 - title_x;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, code_x, code_w, _("Line"), R_HEADING, false);
	tui_put(y, title_x, title_w, _("Title"), R_HEADING, false);
	tui_put(y, year_x, 4, _("Year"), R_HEADING, false);
	tui_put(y, old_x, aw, _("Old"), R_HEADING, true);
	tui_put(y, new_x, aw, _("New"), R_HEADING, true);
	tui_put(y, chg_x, aw, _("Change"), R_HEADING, true);
	if (cause_w)
		tui_put(y, cause_x, cause_w, _("Cause"), R_HEADING, false);
	s->page = rows - 1;
	keep_visible(s);
	char buf[64], title[600];
	for (int i = 0; i < s->page && s->top + i < (int)s->n_rows; i++) {
		int r = s->top + i, yy = y + 1 + i;
		const vrow *w = &s->rows[r];
		const bl_vdiff_line *l = &s->d.line[w->line];
		const bl_vdiff_cell *c = &l->y[w->year];
		bool on = r == s->sel;
		int base = on ? R_SELECTED : R_NORMAL;
		if (on)
			tui_fill(yy, 0, COLS, R_SELECTED);
		bool first = r == 0 || s->rows[r - 1].line != w->line;
		if (first) {
			put_clean(yy, code_x, code_w, l->code, base, false);
			/* Whether it is new or gone first, where the column cannot cut it. */
			if (l->flags & BL_VDIFF_ADDED)
				snprintf(title, sizeof title, _("new: %s"), l->title ? l->title : "");
			else if (l->flags & BL_VDIFF_REMOVED)
				snprintf(title, sizeof title, _("removed: %s"), l->title ? l->title : "");
			else
				snprintf(title, sizeof title, "%s", l->title ? l->title : "");
			put_clean(yy, title_x, title_w, title, base, false);
		}
		snprintf(buf, sizeof buf, "%d", tui_year(t, w->year));
		tui_put(yy, year_x, 4, buf, base, false);
		if (c->has_before) {
			tui_fmt_amount(t, c->before, buf, sizeof buf);
			tui_put(yy, old_x, aw, buf, base, true);
		} else
			tui_put(yy, old_x, aw, "–", on ? R_SELECTED : R_DIM, true);
		if (c->has_after) {
			tui_fmt_amount(t, c->after, buf, sizeof buf);
			tui_put(yy, new_x, aw, buf, base, true);
		} else
			tui_put(yy, new_x, aw, "–", on ? R_SELECTED : R_DIM, true);
		tui_fmt_signed(t, c->change, buf, sizeof buf);
		tui_put(yy, chg_x, aw, buf, on ? R_SELECTED : R_INFO, true);
		if (cause_w && c->cause)
			put_clean(yy, cause_x, cause_w, c->cause, on ? R_SELECTED : R_DIM, false);
	}
}

/* An area as a tree: its own code (the last part of its path), indented
 * two columns a level.  The whole path is cut at 80 columns
 * ("BSU/BSU.01/BSU.0…"), and then rows cannot be told apart. */
static void put_area(int y, int x, int w, const char *path, int role)
{
	const char *own = strrchr(path, '/');
	own = own ? own + 1 : path;
	int depth = 0;
	for (const char *p = path; *p; p++)
		depth += *p == '/';
	char clean[512];
	tui_clean(own, false, clean, sizeof clean);
	int indent = 2 * depth, room = w - bl_text_width(clean);
	if (indent > room)
		indent = room > 0 ? room : 0;
	tui_put(y, x + indent, w - indent, clean, role, false);
}

static void draw_areas(tui *t, versions_state *s, int y, int rows)
{
	int aw = amount_width(t, s);
	int bc_x = COLS - 1 - aw, bn_x = bc_x - 1 - aw, bo_x = bn_x - 1 - aw, ec_x = bo_x - 2 - aw,
	    ic_x = ec_x - 1 - aw, year_x = ic_x - 5, area_x = 1, area_w = year_x - 1 - area_x;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, area_x, area_w, _("Area"), R_HEADING, false);
	tui_put(y, year_x, 4, _("Year"), R_HEADING, false);
	tui_put(y, ic_x, aw, _("Income±"), R_HEADING, true);
	tui_put(y, ec_x, aw, _("Expense±"), R_HEADING, true);
	tui_put(y, bo_x, aw, _("Bal. old"), R_HEADING, true);
	tui_put(y, bn_x, aw, _("Bal. new"), R_HEADING, true);
	tui_put(y, bc_x, aw, _("Balance±"), R_HEADING, true);
	s->page = rows - 1;
	keep_visible(s);
	char buf[64];
	for (int i = 0; i < s->page && s->top + i < (int)s->n_rows; i++) {
		int r = s->top + i, yy = y + 1 + i;
		const vrow *w = &s->rows[r];
		const bl_vdiff_total *tt = w->area < 0 ? &s->d.total[w->year] : &s->d.area[w->area].y[w->year];
		bool on = r == s->sel;
		int base = on ? R_SELECTED : R_NORMAL;
		if (on)
			tui_fill(yy, 0, COLS, R_SELECTED);
		bool first = r == 0 || s->rows[r - 1].area != w->area;
		if (first && w->area < 0)
			put_clean(yy, area_x, area_w, _("Whole budget"), on ? R_SELECTED : R_TOTAL, false);
		else if (first)
			put_area(yy, area_x, area_w, s->d.area[w->area].path, base);
		snprintf(buf, sizeof buf, "%d", tui_year(t, w->year));
		tui_put(yy, year_x, 4, buf, base, false);
		tui_fmt_signed(t, tt->income.change, buf, sizeof buf);
		tui_put(yy, ic_x, aw, buf, on ? R_SELECTED : R_INCOME, true);
		tui_fmt_signed(t, tt->expense.change, buf, sizeof buf);
		tui_put(yy, ec_x, aw, buf, on ? R_SELECTED : R_EXPENSE, true);
		tui_fmt_amount(t, tt->balance.before, buf, sizeof buf);
		tui_put(yy, bo_x, aw, buf, base, true);
		tui_fmt_amount(t, tt->balance.after, buf, sizeof buf);
		tui_put(yy, bn_x, aw, buf, on ? R_SELECTED : tt->balance.after < 0 ? R_DEFICIT : R_NORMAL, true);
		tui_fmt_signed(t, tt->balance.change, buf, sizeof buf);
		tui_put(yy, bc_x, aw, buf, on ? R_SELECTED : R_INFO, true);
	}
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	versions_state *s = st;
	draw_versions(t, s, top);
	int y = top + 5;
	char buf[512];
	snprintf(buf, sizeof buf, _("Difference %s → %s, per %s and year, in %s"),
		 version_title(version_keys[s->old_v]), version_title(version_keys[s->new_v]),
		 s->by_area ? _("area") : _("line"), bl_unit_label(t->unit, t->info.lang));
	tui_put(y, 1, COLS - 2, buf, R_HEADING, false);
	y += 1;
	int left = top + rows - y;
	if (s->err[0]) {
		int used = tui_wrap(y, 1, COLS - 2, left, s->err, R_ERROR);
		y += used;
		left -= used;
	}
	if (!s->have_diff || left < 2)
		return;
	if (!s->n_rows) {
		tui_wrap(y, 1, COLS - 2, left,
			 s->old_v == s->new_v ? _("The same version on both sides: choose another with o or n.")
					      : _("No differences: the two versions have the same amounts."),
			 R_DIM);
		return;
	}
	if (s->by_area)
		draw_areas(t, s, y, left);
	else
		draw_lines(t, s, y, left);
}

/* ---- acting ---- */

static void move_sel(versions_state *s, int delta)
{
	if (!s->n_rows)
		return;
	int v = s->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)s->n_rows)
		v = (int)s->n_rows - 1;
	s->sel = v;
	keep_visible(s);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	versions_state *s = st;
	switch (a) {
	case ACT_UP: move_sel(s, -1); return true;
	case ACT_DOWN: move_sel(s, 1); return true;
	case ACT_PGUP: move_sel(s, -(s->page > 1 ? s->page - 1 : 1)); return true;
	case ACT_PGDN: move_sel(s, s->page > 1 ? s->page - 1 : 1); return true;
	case ACT_HOME: move_sel(s, -(int)s->n_rows); return true;
	case ACT_END: move_sel(s, (int)s->n_rows); return true;
	case ACT_VDIFF_OLD:
		s->old_v = (s->old_v + 1) % N_VERSIONS;
		break;
	case ACT_VDIFF_NEW:
		s->new_v = (s->new_v + 1) % N_VERSIONS;
		break;
	case ACT_VDIFF_VIEW:
		s->by_area = !s->by_area;
		break;
	default:
		return false;
	}
	s->sel = 0;
	s->top = 0;
	load(t, s);
	tui_msg(t, R_INFO, _("Difference %s → %s, per %s."), version_title(version_keys[s->old_v]),
		version_title(version_keys[s->new_v]), s->by_area ? _("area") : _("line"));
	return true;
}

static void *s_open(tui *t)
{
	versions_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->old_v = 1;
	s->new_v = 2;
	s->sel = -1;
	s->page = 1;
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	versions_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	versions_state *s = st;
	(void)t;
	for (size_t i = 0; i < s->n_v; i++)
		fprintf(f, "version.%s=%s|%" PRId64 "\n", s->v[i].key,
			s->v[i].derived ? "derived" : s->v[i].frozen ? "frozen" : "editable", s->v[i].n_amounts);
	fprintf(f, "diff.old=%s\ndiff.new=%s\ndiff.view=%s\ndiff.rows=%zu\n", version_keys[s->old_v],
		version_keys[s->new_v], s->by_area ? "areas" : "lines", s->n_rows);
	for (size_t i = 0; s->have_diff && !s->by_area && i < s->n_rows; i++) {
		const vrow *r = &s->rows[i];
		const bl_vdiff_cell *c = &s->d.line[r->line].y[r->year];
		fprintf(f, "diff.%s.%d=%" PRId64 "|%" PRId64 "|%" PRId64 "|%s\n", s->d.line[r->line].code,
			tui_year(t, r->year), (int64_t)c->before, (int64_t)c->after, (int64_t)c->change,
			c->cause ? c->cause : "");
	}
	fprintf(f, "diff.error=%s\n", s->err);
}

const tui_screen_ops tui_screen_versions = {
	.id = SCR_VERSIONS, .name = "versions", .title = N_("Versions"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
