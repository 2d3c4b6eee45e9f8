/* screen_pillars.c: the three pillars of sustainability (social,
 * economic, environmental; bæredygtighed, bærekraft).  Each budget line
 * may be scored on each pillar from -2 (clearly harmful) to +2 (clearly
 * good), with a justification (store/pillar_store.h).
 *
 *   row 0        the pillars as tabs (s cycles them), the year shown (y
 *                cycles the years, then the whole period), version, unit
 *   row 1        headings: Area, -2, -1, 0, +1, +2, not assessed
 *   rows         one per top-level area (committee): the expenses of its
 *                expense lines by their score on the pillar shown
 *   Total        the same for the whole budget; then the lines counted,
 *                and each score's share of the expenses
 *   separator    "Lines assessed as harmful (n)"
 *   the list     every line with a negative score on any pillar: code,
 *                title, the three scores, its expense in the year shown
 *                and, when there is room, the justification
 *   the rest     the selected line's scores and justification in full
 *
 * e (or Enter) assesses the selected line in a form, a any line by its
 * code (Tab completes it; once it is whole the form is filled in with the
 * line's present scores).  The store writes one assessment in one call,
 * journalled; a refusal is shown and nothing changes.
 *
 * Everything is read when the data change (reload), never while drawing:
 * one split per committee (the store sums a subtree per call), the total
 * is their sum, checked for overflow.  Income lines are not in the split:
 * the pillars weigh what the municipality spends. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/pillar_store.h"
#include "tui/readings_screen.h"
#include "tui/tui.h"

#define JUST_MAX 500
#define N_SLOTS 6    /* -2, -1, 0, +1, +2, not assessed */
#define SLOT_NONE 5

typedef struct pil_area {
	int64_t id;
	char *code, *name;
	bl_pillar_split sp;
} pil_area;

typedef struct pil_neg {
	int64_t id;
	char *code, *title;
	bl_pillars p;          /* its own copy of the justification */
	bl_money amount[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS];
} pil_neg;

typedef struct pil_state {
	pil_area *areas;       /* the top-level areas, in tree order */
	size_t n_areas;
	bl_pillar_split total; /* their sum */
	bool total_bad[BL_PILLARS][N_SLOTS][BL_MAX_YEARS]; /* the sum overflowed */
	bool loaded;           /* the split could be read */
	pil_neg *neg;
	size_t n_neg, cap_neg;
	bool oom;
	int pillar;            /* BL_PILLAR_* shown */
	int year;              /* 0 .. n_years - 1, or n_years: the whole period */
	int sel, top, page;    /* the harmful lines */
	char version[32];      /* the version read */
	bl_unit unit_shown;    /* t->unit, or coarser when kr. do not fit */
} pil_state;

static const char *const slot_key[N_SLOTS] = { "-2", "-1", "0", "+1", "+2", "none" };

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s ? s : "", false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

/* "social": in sentences. */
static const char *pillar_name(int k)
{
	static const char *const names[BL_PILLARS] = { N_("social"), N_("economic"), N_("environmental") };
	return k >= 0 && k < BL_PILLARS ? _(names[k]) : "?";
}

static const char *pillar_title(int k)
{
	static const char *const names[BL_PILLARS] = { N_("Social"), N_("Economic"), N_("Environmental") };
	return k >= 0 && k < BL_PILLARS ? _(names[k]) : "?";
}

/* "+2", "-1", "0"; "·" when not assessed. */
static void score_text(const bl_pillars *p, int k, char *buf, size_t bufsz)
{
	if (!p->has[k])
		snprintf(buf, bufsz, "·");
	else if (p->score[k] == 0)
		snprintf(buf, bufsz, "0");
	else
		snprintf(buf, bufsz, "%+d", p->score[k]);
}

static int score_role(const bl_pillars *p, int k)
{
	if (!p->has[k])
		return R_DIM;
	return p->score[k] < 0 ? R_FAIL : p->score[k] > 0 ? R_PASS : R_NORMAL;
}

/* "social -1, economic +2, environmental not assessed" */
static void scores_sentence(const bl_pillars *p, char *buf, size_t bufsz)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int k = 0; k < BL_PILLARS && n < bufsz; k++) {
		const char *name = pillar_name(k);
		const char *sep = k ? ", " : "";
		if (!p->has[k])
			n += (size_t)snprintf(buf + n, bufsz - n, _("%s%s not assessed"), sep, name);
		else if (p->score[k] == 0)
			n += (size_t)snprintf(buf + n, bufsz - n, "%s%s 0", sep, name);
		else
			n += (size_t)snprintf(buf + n, bufsz - n, "%s%s %+d", sep, name, p->score[k]);
	}
}

/* ---- the numbers ---- */

static int n_years(const tui *t)
{
	int n = t->info.n_years;
	return n < 1 ? 1 : n > BL_MAX_YEARS ? BL_MAX_YEARS : n;
}

/* A year's amount, or (y == n) the whole period's; false on overflow. */
static bool year_value(const bl_money *v, const bool *bad, int y, int n, bl_money *out)
{
	if (y < n) {
		*out = v[y];
		return !(bad && bad[y]);
	}
	bl_money s = 0;
	for (int i = 0; i < n; i++)
		if ((bad && bad[i]) || !bl_money_add(s, v[i], &s))
			return false;
	*out = s;
	return true;
}

static bool area_cell(const tui *t, const pil_area *a, int k, int slot, int y, bl_money *out)
{
	return year_value(a->sp.expense[k][slot], NULL, y, n_years(t), out);
}

static bool total_cell(const tui *t, const pil_state *s, int k, int slot, int y, bl_money *out)
{
	return year_value(s->total.expense[k][slot], s->total_bad[k][slot], y, n_years(t), out);
}

static bool neg_amount(const tui *t, const pil_neg *g, int y, bl_money *out)
{
	return year_value(g->amount, NULL, y, n_years(t), out);
}

static int64_t total_lines(const pil_state *s, int k)
{
	int64_t n = 0;
	for (int j = 0; j < N_SLOTS; j++)
		n += s->total.n_lines[k][j];
	return n;
}

/* ---- loading ---- */

static void free_neg(pil_state *s)
{
	for (size_t i = 0; i < s->n_neg; i++) {
		free(s->neg[i].code);
		free(s->neg[i].title);
		bl_pillars_clear(&s->neg[i].p);
	}
	free(s->neg);
	s->neg = NULL;
	s->n_neg = s->cap_neg = 0;
}

static void free_data(pil_state *s)
{
	for (size_t i = 0; i < s->n_areas; i++) {
		free(s->areas[i].code);
		free(s->areas[i].name);
	}
	free(s->areas);
	s->areas = NULL;
	s->n_areas = 0;
	free_neg(s);
	memset(&s->total, 0, sizeof s->total);
	memset(s->total_bad, 0, sizeof s->total_bad);
	s->loaded = false;
}

static void take_neg(void *ctx, const bl_line *l, const bl_pillars *p, const bl_money *amounts,
		     const bool *has, int ny)
{
	pil_state *s = ctx;
	if (s->oom)
		return;
	if (s->n_neg == s->cap_neg) {
		size_t cap = s->cap_neg ? 2 * s->cap_neg : 16;
		pil_neg *v = realloc(s->neg, cap * sizeof *v);
		if (!v) {
			s->oom = true;
			return;
		}
		s->neg = v;
		s->cap_neg = cap;
	}
	pil_neg *g = &s->neg[s->n_neg];
	memset(g, 0, sizeof *g);
	g->id = l->id;
	g->code = strdup(l->code);
	g->title = strdup(l->title ? l->title : "");
	for (int k = 0; k < BL_PILLARS; k++) {
		g->p.has[k] = p->has[k];
		g->p.score[k] = p->score[k];
	}
	g->p.justification = p->justification ? strdup(p->justification) : NULL;
	if (!g->code || !g->title || (p->justification && !g->p.justification)) {
		free(g->code);
		free(g->title);
		free(g->p.justification);
		s->oom = true;
		return;
	}
	for (int y = 0; y < ny && y < BL_MAX_YEARS; y++) {
		g->amount[y] = has[y] ? amounts[y] : 0;
		g->has[y] = has[y];
	}
	s->n_neg++;
}

static void add_total(pil_state *s, const bl_pillar_split *a)
{
	for (int k = 0; k < BL_PILLARS; k++)
		for (int j = 0; j < N_SLOTS; j++) {
			s->total.n_lines[k][j] += a->n_lines[k][j];
			for (int y = 0; y < BL_MAX_YEARS; y++) {
				bl_money *m = &s->total.expense[k][j][y];
				if (!s->total_bad[k][j][y] && !bl_money_add(*m, a->expense[k][j][y], m))
					s->total_bad[k][j][y] = true;
			}
		}
	s->total.n_negative += a->n_negative;
}

static void load(tui *t, pil_state *s)
{
	char keep[256] = "";
	if (s->sel >= 0 && (size_t)s->sel < s->n_neg)
		snprintf(keep, sizeof keep, "%s", s->neg[s->sel].code);
	free_data(s);
	snprintf(s->version, sizeof s->version, "%s", t->version);
	s->total.n_years = n_years(t);
	bl_err err = { { 0 } };
	bl_area *all = NULL;
	size_t n_all = 0;
	if (bl_store_areas(t->store, &all, &n_all, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	size_t n_top = 0;
	for (size_t i = 0; i < n_all; i++)
		n_top += all[i].parent_id == 0;
	s->areas = calloc(n_top ? n_top : 1, sizeof *s->areas);
	if (!s->areas) {
		bl_areas_free(all, n_all);
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	bool ok = true;
	s->oom = false;
	for (size_t i = 0; i < n_all && ok; i++) {
		if (all[i].parent_id != 0)
			continue;
		pil_area *a = &s->areas[s->n_areas++];
		a->id = all[i].id;
		a->code = strdup(all[i].code);
		a->name = strdup(all[i].name ? all[i].name : "");
		if (!a->code || !a->name) {
			s->oom = true;
			break;
		}
		/* In tree order, so the harmful lines come as the budget has them. */
		if (bl_store_pillar_split(t->store, s->version, a->id, &a->sp, take_neg, s, &err) != 0) {
			tui_msg_err(t, &err);
			ok = false;
			break;
		}
		add_total(s, &a->sp);
	}
	bl_areas_free(all, n_all);
	if (s->oom) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		ok = false;
	}
	if (!ok) {
		free_data(s);
		s->sel = -1;
		return;
	}
	s->loaded = true;
	bool said = false;
	for (int k = 0; k < BL_PILLARS && !said; k++)
		for (int j = 0; j < N_SLOTS && !said; j++)
			for (int y = 0; y < BL_MAX_YEARS && !said; y++)
				if (s->total_bad[k][j][y]) {
					tui_msg(t, R_ERROR, _("The %s pillar's total for %d would overflow."),
						pillar_name(k), tui_year(t, y));
					said = true;
				}
	s->sel = s->n_neg ? 0 : -1;
	for (size_t i = 0; i < s->n_neg; i++)
		if (strcmp(s->neg[i].code, keep) == 0)
			s->sel = (int)i;
}

static void catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

/* ---- drawing ---- */

static void fmt_unit(const tui *t, bl_unit unit, bl_money v, char *buf, size_t bufsz)
{
	int rc = unit == BL_UNIT_KR ? bl_money_format_whole(v, t->info.lang, buf, bufsz)
				    : bl_money_format(v, t->info.lang, unit, buf, bufsz);
	if (rc < 0)
		snprintf(buf, bufsz, "?");
}

static void fmt_cell(const tui *t, const pil_state *s, bool ok, bl_money v, char *buf, size_t bufsz)
{
	if (!ok)
		snprintf(buf, bufsz, "%s", _("overflow"));
	else
		fmt_unit(t, s->unit_shown, v, buf, bufsz);
}

/* The widest amount of the table in the unit. */
static int table_amount_width(const tui *t, const pil_state *s, bl_unit unit)
{
	int w = 0;
	char buf[BL_MONEY_BUFSZ];
	bl_money v;
	for (int j = 0; j < N_SLOTS; j++) {
		for (size_t i = 0; i < s->n_areas; i++)
			if (area_cell(t, &s->areas[i], s->pillar, j, s->year, &v)) {
				fmt_unit(t, unit, v, buf, sizeof buf);
				if (bl_text_width(buf) > w)
					w = bl_text_width(buf);
			}
		if (total_cell(t, s, s->pillar, j, s->year, &v)) {
			fmt_unit(t, unit, v, buf, sizeof buf);
			if (bl_text_width(buf) > w)
				w = bl_text_width(buf);
		}
	}
	return w;
}

typedef struct tcols {
	int area_w;    /* the area column from x 0 */
	int aw;        /* each amount column */
	int last_w;    /* the last one's ("not assessed") */
	int x[N_SLOTS];
	const char *none_label;
} tcols;

static void area_label(const pil_area *a, char *buf, size_t bufsz)
{
	char name[512], code[128];
	tui_clean_line(a->code, code, sizeof code);
	tui_clean_line(a->name, name, sizeof name);
	snprintf(buf, bufsz, "%s %s", code, name);
}

static void table_cols(const tui *t, pil_state *s, tcols *c)
{
	/* The unit chosen, or the next coarser when its amounts do not fit
	 * six columns beside the committees' codes. */
	int code_w = bl_text_width(_("Total")), label_w = code_w;
	for (size_t i = 0; i < s->n_areas; i++) {
		char code[128], label[700];
		tui_clean_line(s->areas[i].code, code, sizeof code);
		if (bl_text_width(code) > code_w)
			code_w = bl_text_width(code);
		area_label(&s->areas[i], label, sizeof label);
		if (bl_text_width(label) > label_w)
			label_w = bl_text_width(label);
	}
	if (code_w > 12)
		code_w = 12;
	if (label_w > 48)
		label_w = 48;
	s->unit_shown = t->unit;
	int aw = 0;
	for (;;) {
		aw = table_amount_width(t, s, s->unit_shown);
		if (aw < 6)
			aw = 6;
		if (code_w + N_SLOTS * (aw + 1) <= COLS - 1 || s->unit_shown == BL_UNIT_MILLIONS)
			break;
		s->unit_shown = (bl_unit)(s->unit_shown + 1);
	}
	/* The last column says "not assessed" when it has the room. */
	static const char *const none[] = { N_("Not assessed"), N_("Unassessed"), N_("None") };
	c->last_w = aw;
	c->none_label = _(none[2]);
	for (int i = 0; i < 3; i++) {
		int w = bl_text_width(_(none[i]));
		if (code_w + (N_SLOTS - 1) * (aw + 1) + 1 + (w > aw ? w : aw) <= COLS - 1) {
			c->none_label = _(none[i]);
			c->last_w = w > aw ? w : aw;
			break;
		}
	}
	/* From the left: the areas as wide as their names (or the room
	 * left), the amounts a little apart when wide. */
	int gap = COLS >= 120 ? 3 : 1;
	int amounts = (N_SLOTS - 1) * (aw + gap) + gap + c->last_w;
	if (COLS - 1 - amounts < code_w) {
		gap = 1;
		amounts = (N_SLOTS - 1) * (aw + gap) + gap + c->last_w;
	}
	c->area_w = COLS - 1 - amounts;
	if (c->area_w > label_w)
		c->area_w = label_w;
	int x = c->area_w + gap;
	for (int j = 0; j < N_SLOTS; j++) {
		c->x[j] = x;
		x += aw + gap;
	}
	c->aw = aw;
}

static int slot_w(const tcols *c, int j)
{
	return j == SLOT_NONE ? c->last_w : c->aw;
}

static void year_text(const tui *t, const pil_state *s, char *buf, size_t bufsz)
{
	int n = n_years(t);
	if (s->year < n)
		snprintf(buf, bufsz, "%d", tui_year(t, s->year));
	else
		snprintf(buf, bufsz, "%d–%d", tui_year(t, 0), tui_year(t, n - 1));
}

/* Row 0: the pillars as tabs, what is shown on the right. */
static void draw_top(tui *t, pil_state *s, int y)
{
	int x = 0;
	for (int k = 0; k < BL_PILLARS; k++) {
		char tab[64];
		snprintf(tab, sizeof tab, " %s ", pillar_title(k));
		int w = bl_text_width(tab);
		if (x + w >= COLS)
			break;
		tui_put(y, x, w, tab, k == s->pillar ? R_TAB_ON : R_DIM, false);
		x += w + 1;
	}
	char year[32], info[256];
	year_text(t, s, year, sizeof year);
	const char *unit = bl_unit_label(s->unit_shown, t->info.lang);
	bool coarser = s->unit_shown != t->unit;
	if (coarser)
		snprintf(info, sizeof info, _("%s · %s · %s (%s do not fit)"), year, s->version, unit,
			 bl_unit_label(t->unit, t->info.lang));
	else
		snprintf(info, sizeof info, "%s · %s · %s", year, s->version, unit);
	int w = bl_text_width(info);
	if (w > COLS - x - 1) {
		if (coarser)
			snprintf(info, sizeof info, _("%s · %s (%s do not fit)"), year, unit,
				 bl_unit_label(t->unit, t->info.lang));
		else
			snprintf(info, sizeof info, "%s · %s", year, unit);
		w = bl_text_width(info);
	}
	if (w > COLS - x - 1) {
		snprintf(info, sizeof info, "%s · %s", year, unit);
		w = bl_text_width(info);
	}
	if (w <= COLS - x - 1)
		tui_put(y, COLS - 1 - w, w, info, R_INFO, false);
}

/* The share of v in all, "12,3 %" in the process language; integers only. */
static void share_text(const tui *t, bl_money v, bl_money all, char *buf, size_t bufsz)
{
	if (all <= 0 || v < 0 || v > all) {
		snprintf(buf, bufsz, "–");
		return;
	}
	/* Tenths of a per cent, rounded: v * 1000 / all without overflow. */
	int64_t tenths;
	if (v <= INT64_MAX / 1000)
		tenths = (v * 1000 + all / 2) / all;
	else
		tenths = (v / (all / 1000 ? all / 1000 : 1));
	char dec = t->info.lang == BL_LANG_EN ? '.' : ',';
	snprintf(buf, bufsz, "%" PRId64 "%c%" PRId64 " %%", tenths / 10, dec, tenths % 10);
}

/* The table; returns the rows used (at most max). */
static int draw_table(tui *t, pil_state *s, int y0, int max, int area_rows, bool extras, bool summary)
{
	tcols c;
	table_cols(t, s, &c);
	int y = y0, end = y0 + max;
	int k = s->pillar;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, 0, c.area_w, _("Area"), R_HEADING, false);
	for (int j = 0; j < N_SLOTS; j++)
		tui_put(y, c.x[j], slot_w(&c, j), j == SLOT_NONE ? c.none_label : slot_key[j], R_HEADING, true);
	y++;
	char buf[BL_MONEY_BUFSZ + 16];
	bl_money v;
	int shown = 0;
	/* Short of rows: the last one says how many committees are not shown. */
	int with_amounts = (size_t)area_rows < s->n_areas ? area_rows - 1 : area_rows;
	for (size_t i = 0; i < s->n_areas && y < end && shown < with_amounts; i++, shown++) {
		const pil_area *a = &s->areas[i];
		char label[700];
		area_label(a, label, sizeof label);
		tui_put(y, 0, c.area_w, label, R_AREA, false);
		for (int j = 0; j < N_SLOTS; j++) {
			bool ok = area_cell(t, a, k, j, s->year, &v);
			fmt_cell(t, s, ok, v, buf, sizeof buf);
			int role = !ok ? R_ERROR : v == 0 ? R_DIM : j < 2 ? R_FAIL : j == SLOT_NONE ? R_NORMAL : j > 2 ? R_PASS : R_NORMAL;
			tui_put(y, c.x[j], slot_w(&c, j), v == 0 && ok ? "–" : buf, role, true);
		}
		y++;
	}
	if ((size_t)shown < s->n_areas && y < end) {
		char more[128];
		snprintf(more, sizeof more, _("… %zu more committees (a taller terminal shows them)"),
			 s->n_areas - (size_t)shown);
		tui_put(y++, 0, COLS - 1, more, R_DIM, false);
	}
	if (y < end) {
		tui_fill(y, 0, COLS, R_TOTAL);
		tui_put(y, 0, c.area_w, _("Total"), R_TOTAL, false);
		for (int j = 0; j < N_SLOTS; j++) {
			bool ok = total_cell(t, s, k, j, s->year, &v);
			fmt_cell(t, s, ok, v, buf, sizeof buf);
			/* Nothing is "–", as in the committees' rows. */
			tui_put(y, c.x[j], slot_w(&c, j), v == 0 && ok ? "–" : buf, ok ? R_TOTAL : R_ERROR, true);
		}
		y++;
	}
	if (extras && y < end) {
		tui_put(y, 0, c.area_w, _("Lines"), R_DIM, false);
		for (int j = 0; j < N_SLOTS; j++) {
			if (s->total.n_lines[k][j])
				snprintf(buf, sizeof buf, "%" PRId64, s->total.n_lines[k][j]);
			else
				snprintf(buf, sizeof buf, "–");
			tui_put(y, c.x[j], slot_w(&c, j), buf, R_DIM, true);
		}
		y++;
	}
	if (extras && y < end) {
		bl_money all = 0;
		bool all_ok = true;
		for (int j = 0; j < N_SLOTS && all_ok; j++)
			all_ok = total_cell(t, s, k, j, s->year, &v) && bl_money_add(all, v, &all);
		tui_put(y, 0, c.area_w, _("Share"), R_DIM, false);
		for (int j = 0; j < N_SLOTS; j++) {
			if (all_ok && total_cell(t, s, k, j, s->year, &v) && v != 0)
				share_text(t, v, all, buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "–");
			tui_put(y, c.x[j], slot_w(&c, j), buf, R_DIM, true);
		}
		y++;
	}
	/* With rows to spare: the whole budget on every pillar, to compare. */
	if (summary && y + 1 + BL_PILLARS <= end) {
		y++;
		tui_put(y, 0, COLS - 1, _("The whole budget on each pillar"), R_HEADING, false);
		y++;
		for (int p = 0; p < BL_PILLARS && y < end; p++, y++) {
			int role = p == k ? R_TAB_ON : R_NORMAL;
			if (p == k)
				tui_fill(y, 0, c.x[SLOT_NONE] + c.last_w, role);
			tui_put(y, 0, c.area_w, pillar_title(p), role, false);
			for (int j = 0; j < N_SLOTS; j++) {
				bool ok = total_cell(t, s, p, j, s->year, &v);
				fmt_cell(t, s, ok, v, buf, sizeof buf);
				int r = p == k ? role : !ok ? R_ERROR : v == 0 ? R_DIM : j < 2 ? R_FAIL : j > 2 && j != SLOT_NONE ? R_PASS : R_NORMAL;
				tui_put(y, c.x[j], slot_w(&c, j), v == 0 && ok ? "–" : buf, r, true);
			}
		}
	}
	return y - y0;
}

typedef struct lcols {
	int code_x, code_w, title_x, title_w, sx[BL_PILLARS], sw, amt_x, amt_w, why_x, why_w;
} lcols;

static void list_cols(const tui *t, const pil_state *s, lcols *c)
{
	char buf[BL_MONEY_BUFSZ];
	c->code_w = bl_text_width(_("Code"));
	c->amt_w = 6;
	bl_money v;
	for (size_t i = 0; i < s->n_neg; i++) {
		char code[128];
		tui_clean_line(s->neg[i].code, code, sizeof code);
		if (bl_text_width(code) > c->code_w)
			c->code_w = bl_text_width(code);
		if (neg_amount(t, &s->neg[i], s->year, &v)) {
			fmt_unit(t, s->unit_shown, v, buf, sizeof buf);
			if (bl_text_width(buf) > c->amt_w)
				c->amt_w = bl_text_width(buf);
		}
	}
	if (c->code_w > 18)
		c->code_w = 18;
	char year[32];
	year_text(t, s, year, sizeof year);
	if (bl_text_width(year) > c->amt_w)
		c->amt_w = bl_text_width(year);
	c->sw = 3;
	for (int k = 0; k < BL_PILLARS; k++) {
		static const char *const h[BL_PILLARS] = { N_("Soc"), N_("Eco"), N_("Env") };
		if (bl_text_width(_(h[k])) > c->sw)
			c->sw = bl_text_width(_(h[k]));
	}
	c->code_x = 1;
	c->title_x = c->code_x + c->code_w + 1;
	/* Title, then the scores and the amount; the justification in what
	 * is left when at least 20 columns are (else only below the list). */
	int fixed = BL_PILLARS * (c->sw + 1) + 1 + c->amt_w + 1;
	int room = COLS - 1 - c->title_x - fixed;
	int title_w = room;
	c->why_w = 0;
	if (room >= 20 + 1 + 20) {
		title_w = room * 2 / 5;
		if (title_w > 40)
			title_w = 40;
		if (title_w < 20)
			title_w = 20;
		c->why_w = room - title_w - 2;
	}
	c->title_w = title_w;
	int x = c->title_x + title_w + 1;
	for (int k = 0; k < BL_PILLARS; k++) {
		c->sx[k] = x;
		x += c->sw + 1;
	}
	c->amt_x = x + 1;
	x = c->amt_x + c->amt_w + 2;
	c->why_x = x;
	if (c->why_w > COLS - 1 - x)
		c->why_w = COLS - 1 - x;
}

static void draw_list(tui *t, pil_state *s, int y, int page)
{
	lcols c;
	list_cols(t, s, &c);
	static const char *const h[BL_PILLARS] = { N_("Soc"), N_("Eco"), N_("Env") };
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, c.code_x, c.code_w, _("Code"), R_HEADING, false);
	tui_put(y, c.title_x, c.title_w, _("Title"), R_HEADING, false);
	for (int k = 0; k < BL_PILLARS; k++)
		tui_put(y, c.sx[k], c.sw, _(h[k]), k == s->pillar ? R_TAB_ON : R_HEADING, true);
	char year[32];
	year_text(t, s, year, sizeof year);
	tui_put(y, c.amt_x, c.amt_w, bl_text_width(year) <= c.amt_w ? year : _("Amount"), R_HEADING, true);
	if (c.why_w > 0)
		tui_put(y, c.why_x, c.why_w, _("Justification"), R_HEADING, false);
	for (int r = 0; r < page && s->top + r < (int)s->n_neg; r++) {
		int i = s->top + r, yy = y + 1 + r;
		const pil_neg *g = &s->neg[i];
		bool on = i == s->sel;
		int base = on ? R_SELECTED : R_NORMAL;
		if (on)
			tui_fill(yy, 0, COLS, R_SELECTED);
		put_clean(yy, c.code_x, c.code_w, g->code, on ? base : R_DIM, false);
		put_clean(yy, c.title_x, c.title_w, g->title, base, false);
		for (int k = 0; k < BL_PILLARS; k++) {
			char sc[16];
			score_text(&g->p, k, sc, sizeof sc);
			tui_put(yy, c.sx[k], c.sw, sc, on ? base : score_role(&g->p, k), true);
		}
		bl_money v;
		char a[BL_MONEY_BUFSZ];
		if (neg_amount(t, g, s->year, &v))
			fmt_unit(t, s->unit_shown, v, a, sizeof a);
		else
			snprintf(a, sizeof a, "%s", _("overflow"));
		tui_put(yy, c.amt_x, c.amt_w, a, base, true);
		if (c.why_w > 0)
			put_clean(yy, c.why_x, c.why_w, g->p.justification ? g->p.justification : "",
				  on ? base : R_DIM, false);
	}
}

/* The selected line in full: rows [y, end). */
static void draw_detail(tui *t, pil_state *s, int y, int end)
{
	(void)t;
	if (y >= end || s->sel < 0)
		return;
	const pil_neg *g = &s->neg[s->sel];
	char code[128], title[512], sc[256], why[2000 * 3 + 16], buf[sizeof code + sizeof title + sizeof sc + sizeof why + 8];
	tui_clean_line(g->code, code, sizeof code);
	tui_clean_line(g->title, title, sizeof title);
	scores_sentence(&g->p, sc, sizeof sc);
	if (g->p.justification && *g->p.justification)
		tui_clean_line(g->p.justification, why, sizeof why);
	else
		snprintf(why, sizeof why, "%s", _("(no justification)"));
	snprintf(buf, sizeof buf, "%s %s: %s. %s", code, title, sc, why);
	tui_wrap(y, 1, COLS - 2, end - y, buf, R_NORMAL);
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	pil_state *s = st;
	int end = top + rows;
	tcols c;
	table_cols(t, s, &c); /* the unit shown, which the top row names */
	draw_top(t, s, top);
	int y = top + 1;
	if (!s->loaded) {
		tui_wrap(y + 1, 2, COLS - 4, end - y - 1, _("The pillars cannot be read (the message line says why)."), R_ERROR);
		return;
	}
	if (total_lines(s, s->pillar) == 0) {
		char msg[512];
		snprintf(msg, sizeof msg, _("The %s version has no expense lines with amounts yet (v shows another version)."),
			 s->version);
		y += 1 + tui_wrap(y + 1, 2, COLS - 4, end - y - 1, msg, R_DIM);
	} else {
		/* The table takes what it needs, but leaves the list its heading
		 * and four rows (and a row of detail) if it can; the pillars
		 * side by side only when the list keeps its room too. */
		int fixed = 1 + 3; /* headings; Total, Lines, Share */
		int list_min = 1 + 1 + 4 + 1;
		int area_rows = end - y - fixed - list_min;
		if (area_rows > (int)s->n_areas)
			area_rows = (int)s->n_areas;
		/* Short of rows, the committees before the lines counted and
		 * the shares. */
		bool extras = true;
		if (area_rows < (int)s->n_areas) {
			extras = false;
			fixed -= 2;
			area_rows += 2;
			if (area_rows > (int)s->n_areas)
				area_rows = (int)s->n_areas;
		}
		if (area_rows < 1)
			area_rows = 1;
		int left = end - y - fixed - area_rows - list_min;
		int list_want = s->n_neg ? (int)s->n_neg + 3 : 2;
		bool summary = left >= 2 + BL_PILLARS && end - y - fixed - area_rows - 2 - BL_PILLARS >=
			(list_want < list_min ? list_want : list_min);
		y += draw_table(t, s, y, end - y, area_rows, extras, extras && summary);
	}
	if (y >= end)
		return;
	/* The list's rows, and under it the selected line in full (two rows,
	 * up to four when there is room). */
	int rest = end - y - 2;
	int detail = rest - (int)s->n_neg;
	if (detail < 2)
		detail = rest >= 4 ? 2 : rest >= 2 ? 1 : 0;
	if (detail > 4)
		detail = 4;
	int page = rest - detail;
	if (page > (int)s->n_neg)
		page = (int)s->n_neg;
	if (page < 1)
		page = 1;
	s->page = page;
	tui_keep_visible(s->sel, (int)s->n_neg, s->page, &s->top);
	char left[256];
	snprintf(left, sizeof left, s->n_neg == 1 ? _(" 1 line assessed as harmful on a pillar ")
						  : _(" %zu lines assessed as harmful on a pillar "),
		 s->n_neg);
	char right[128] = "";
	if (s->n_neg > (size_t)s->page)
		snprintf(right, sizeof right, _(" %d–%d of %zu "), s->top + 1,
			 s->top + s->page < (int)s->n_neg ? s->top + s->page : (int)s->n_neg, s->n_neg);
	tui_separator(y++, left, s->n_neg ? R_FAIL : R_HEADING, right[0] ? right : NULL);
	if (y >= end)
		return;
	if (!s->n_neg) {
		s->page = 1;
		tui_wrap(y, 2, COLS - 4, end - y,
			 _("No line is assessed as harmful on any pillar.  a assesses a line by its code."), R_DIM);
		return;
	}
	draw_list(t, s, y, page);
	y += 1 + page;
	draw_detail(t, s, y, end);
}

/* ---- the form ---- */

enum { F_CODE, F_SOCIAL, F_ECONOMIC, F_ENV, F_WHY, N_FIELDS };

typedef struct assess_ctx {
	tui_form *fm;
	/* What the form was last filled in with from the line's assessment,
	 * so a whole code fills it in again only where nothing was typed. */
	char filled_code[256];
	char filled[N_FIELDS][512];
	char saved_code[256];
	char done[512];        /* the message after saving */
	char refused[BL_ERR_MAX];
} assess_ctx;

static void trim(const char *s, char *out, size_t outsz)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(out, outsz, "%.*s", (int)n, s);
}

/* A score: "-2" .. "2", "+1", U+2212 for minus; blank: not assessed.
 * 0 parsed, 1 blank, -1 bad. */
static int parse_score(const char *text, int *out)
{
	char buf[64];
	trim(text, buf, sizeof buf);
	if (!buf[0])
		return 1;
	const char *p = buf;
	int sign = 1;
	if (strncmp(p, "−", strlen("−")) == 0) {
		sign = -1;
		p += strlen("−");
	} else if (*p == '-' || *p == '+') {
		sign = *p == '-' ? -1 : 1;
		p++;
	}
	if (p[0] < '0' || p[0] > '2' || p[1])
		return -1;
	*out = sign * (p[0] - '0');
	return 0;
}

static const char *valid_score(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	int v;
	if (parse_score(text, &v) < 0) {
		char q[BL_QUOTE_MAX];
		bl_text_quote(text, strlen(text), q);
		snprintf(msg, msgsz, _("'%s' is not a score: give -2 to +2, or leave it empty (not assessed)."), q);
		return msg;
	}
	return NULL;
}

static const char *valid_why(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The justification"), text, false, JUST_MAX, msg, msgsz);
}

static void fill_from(assess_ctx *c, const bl_pillars *p, bool assessed)
{
	tui_form *fm = c->fm;
	for (int k = 0; k < BL_PILLARS; k++) {
		char *v = fm->fields[F_SOCIAL + k].value;
		if (assessed && p->has[k])
			snprintf(v, sizeof fm->fields[0].value, p->score[k] ? "%+d" : "%d", p->score[k]);
		else
			v[0] = '\0';
	}
	tui_field *why = &fm->fields[F_WHY];
	why->readonly = NULL;
	const char *j = assessed && p->justification ? p->justification : "";
	if (strlen(j) >= sizeof why->value || strlen(j) > JUST_MAX) {
		/* Longer than the form holds (the command line takes more): it
		 * stays as it is. */
		why->readonly = _("The justification is longer than this form holds; it is kept as it is (budgetlab assess --why changes it).");
		snprintf(why->value, sizeof why->value, "%.*s…", (int)(sizeof why->value - 8), j);
	} else {
		snprintf(why->value, sizeof why->value, "%s", j);
	}
	for (int i = F_SOCIAL; i < N_FIELDS; i++) {
		snprintf(c->filled[i], sizeof c->filled[i], "%s", fm->fields[i].value);
		fm->fields[i].error[0] = '\0';
	}
}

static bool untouched(const assess_ctx *c)
{
	for (int i = F_SOCIAL; i < N_FIELDS; i++)
		if (strcmp(c->filled[i], c->fm->fields[i].value) != 0)
			return false;
	return true;
}

static const char *valid_code(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	assess_ctx *c = ctx;
	char code[256];
	trim(text, code, sizeof code);
	if (!code[0]) {
		snprintf(msg, msgsz, "%s", _("The line's code is required (Tab completes a code)."));
		return msg;
	}
	bl_line l = { 0 };
	bl_err err = { { 0 } };
	if (bl_store_line_find(t->store, code, &l, &err) != 0) {
		char q[BL_QUOTE_MAX];
		bl_text_quote(code, strlen(code), q);
		snprintf(msg, msgsz, _("There is no budget line '%s' (Tab completes a code)."), q);
		return msg;
	}
	/* A whole code fills the form in with the line's assessment, unless
	 * something was typed there since it was last filled in. */
	if (strcmp(code, c->filled_code) != 0 && untouched(c)) {
		bl_pillars p = { 0 };
		int had = bl_store_line_pillars_get(t->store, l.id, &p, &err);
		fill_from(c, &p, had == 1);
		bl_pillars_clear(&p);
		snprintf(c->filled_code, sizeof c->filled_code, "%s", code);
	}
	bl_line_clear(&l);
	return NULL;
}

/* What the line is, beside its code. */
static const char *warn_code(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	char code[256];
	trim(text, code, sizeof code);
	bl_line l = { 0 };
	bl_err err = { { 0 } };
	if (bl_store_line_find(t->store, code, &l, &err) != 0)
		return NULL;
	char title[300], sc[256];
	tui_clean_line(l.title ? l.title : "", title, sizeof title);
	bl_pillars p = { 0 };
	int had = bl_store_line_pillars_get(t->store, l.id, &p, &err);
	if (had == 1)
		scores_sentence(&p, sc, sizeof sc);
	const char *income = l.dir == BL_DIR_INCOME ? _(" (an income line: the split counts expenses only)") : "";
	if (had == 1)
		snprintf(msg, msgsz, _("%s%s; assessed now: %s."), title, income, sc);
	else
		snprintf(msg, msgsz, _("%s%s; not assessed yet."), title, income);
	bl_pillars_clear(&p);
	bl_line_clear(&l);
	return msg;
}

static int complete_code(tui *t, void *ctx, char *value, size_t size, char *msg, size_t msgsz)
{
	(void)ctx;
	char **codes = NULL;
	size_t n = 0;
	bl_err err = { { 0 } };
	if (tui_line_codes(t, &codes, &n, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return 2;
	}
	/* One code, not a list: a whole code moves on, a completed one
	 * needs no blank after it. */
	char code[256];
	trim(value, code, sizeof code);
	bool whole = false;
	for (size_t i = 0; i < n && !whole; i++)
		whole = strcmp(codes[i], code) == 0;
	int rc = 0;
	if (!whole && !strchr(code, ' ')) {
		snprintf(value, size, "%s", code);
		rc = tui_complete_word(value, size, (const char *const *)codes, n, _("line code"), msg, msgsz);
		size_t len = strlen(value);
		if (rc == 1 && len && value[len - 1] == ' ')
			value[len - 1] = '\0';
	}
	tui_strings_free(codes, n);
	return rc;
}

static int save_assess(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	assess_ctx *c = f->ctx;
	char code[256];
	trim(f->fields[F_CODE].value, code, sizeof code);
	*field_out = -1;
	bl_pillars p = { 0 };
	bool any = false;
	for (int k = 0; k < BL_PILLARS; k++) {
		int v = 0;
		int r = parse_score(f->fields[F_SOCIAL + k].value, &v);
		if (r < 0) {
			*field_out = F_SOCIAL + k;
			return bl_err_set(err, "%s", _("Not a score."));
		}
		p.has[k] = r == 0;
		p.score[k] = v;
		any = any || p.has[k];
	}
	bl_line l = { 0 };
	if (bl_store_line_find(t->store, code, &l, err) != 0) {
		*field_out = F_CODE;
		snprintf(c->refused, sizeof c->refused, "%s", err->msg);
		return -1;
	}
	bl_pillars old = { 0 };
	int had = bl_store_line_pillars_get(t->store, l.id, &old, err);
	if (had < 0) {
		bl_line_clear(&l);
		snprintf(c->refused, sizeof c->refused, "%s", err->msg);
		return -1;
	}
	char why[sizeof f->fields[F_WHY].value];
	trim(f->fields[F_WHY].value, why, sizeof why);
	/* A justification too long for the form is kept as it was. */
	p.justification = f->fields[F_WHY].readonly ? old.justification : why[0] ? why : NULL;
	int rc = 0;
	if (!any && p.justification && !f->fields[F_WHY].readonly) {
		*field_out = F_WHY;
		rc = bl_err_set(err, "%s", _("Give a score on at least one pillar; to remove the assessment, empty the justification too."));
	} else if (!any && had != 1) {
		snprintf(c->done, sizeof c->done, _("Line %s is not assessed: nothing was changed."), code);
	} else {
		if (!any)
			p.justification = NULL;
		if (bl_store_line_pillars_set(t->store, l.id, &p, err) != 0) {
			snprintf(c->refused, sizeof c->refused, "%s", err->msg);
			/* At the pillar the refusal names, else at the bottom. */
			for (int k = 0; k < BL_PILLARS; k++)
				if (strstr(err->msg, bl_pillar_key(k)))
					*field_out = F_SOCIAL + k;
			rc = -1;
		} else if (!any) {
			snprintf(c->done, sizeof c->done, _("Line %s is not assessed now."), code);
		} else {
			char sc[256];
			scores_sentence(&p, sc, sizeof sc);
			snprintf(c->done, sizeof c->done, _("Line %s assessed: %s%s."), code, sc,
				 l.dir == BL_DIR_INCOME ? _(" (an income line: not in the split, which counts expenses)") : "");
		}
	}
	snprintf(c->saved_code, sizeof c->saved_code, "%s", code);
	bl_pillars_clear(&old);
	bl_line_clear(&l);
	return rc;
}

static void assess_form(tui *t, pil_state *s, const char *code)
{
	tui_field fields[N_FIELDS];
	memset(fields, 0, sizeof fields);
	fields[F_CODE].label = _("Line");
	fields[F_SOCIAL].label = _("Social");
	fields[F_ECONOMIC].label = _("Economic");
	fields[F_ENV].label = _("Environmental");
	fields[F_WHY].label = _("Justification");
	for (int k = 0; k < BL_PILLARS; k++)
		fields[F_SOCIAL + k].validate = valid_score;
	fields[F_WHY].validate = valid_why;
	fields[F_CODE].validate = valid_code;
	fields[F_CODE].warn = warn_code;
	assess_ctx c;
	memset(&c, 0, sizeof c);
	char title[400];
	tui_form f = { .title = title, .fields = fields, .n_fields = N_FIELDS, .ctx = &c, .save = save_assess };
	c.fm = &f;
	if (code) {
		bl_line l = { 0 };
		bl_err err = { { 0 } };
		if (bl_store_line_find(t->store, code, &l, &err) != 0) {
			tui_msg_err(t, &err);
			return;
		}
		bl_pillars p = { 0 };
		int had = bl_store_line_pillars_get(t->store, l.id, &p, &err);
		snprintf(fields[F_CODE].value, sizeof fields[F_CODE].value, "%s", l.code);
		fields[F_CODE].readonly = _("The selected line; a assesses another line by its code.");
		fill_from(&c, &p, had == 1);
		snprintf(c.filled_code, sizeof c.filled_code, "%s", l.code);
		char lt[300], lc[200];
		tui_clean_line(l.title ? l.title : "", lt, sizeof lt);
		tui_clean_line(l.code, lc, sizeof lc);
		snprintf(title, sizeof title, _("Assess line %s: %s"), lc, lt);
		bl_pillars_clear(&p);
		bl_line_clear(&l);
		f.cur = F_SOCIAL;
	} else {
		fields[F_CODE].complete = complete_code;
		snprintf(title, sizeof title, "%s", _("Assess a line on the three pillars"));
	}
	int rc = tui_form_run(t, &f);
	if (rc != 1) {
		if (c.refused[0]) {
			/* Refused as the data stand now: show them as they are. */
			tui_reload(t);
			tui_msg(t, R_ERROR, _("Nothing was changed: %s"), c.refused);
		} else
			tui_msg(t, R_DIM, "%s", _("Cancelled: no assessment was changed."));
		return;
	}
	load(t, s);
	for (size_t i = 0; i < s->n_neg; i++)
		if (strcmp(s->neg[i].code, c.saved_code) == 0)
			s->sel = (int)i;
	tui_msg(t, R_INFO, "%s", c.done);
}

/* ---- actions ---- */

static void move_sel(pil_state *s, int delta)
{
	if (!s->n_neg)
		return;
	int v = s->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)s->n_neg)
		v = (int)s->n_neg - 1;
	s->sel = v;
	tui_keep_visible(s->sel, (int)s->n_neg, s->page, &s->top);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	pil_state *s = st;
	int step = s->page > 1 ? s->page - 1 : 1;
	int ny = n_years(t);
	char year[32];
	switch (a) {
	case ACT_UP: move_sel(s, -1); return true;
	case ACT_DOWN: move_sel(s, 1); return true;
	case ACT_PGUP: move_sel(s, -step); return true;
	case ACT_PGDN: move_sel(s, step); return true;
	case ACT_HOME: move_sel(s, -(int)s->n_neg); return true;
	case ACT_END: move_sel(s, (int)s->n_neg); return true;
	case ACT_PILLAR_NEXT:
	case ACT_PILLAR_PREV:
		s->pillar = (s->pillar + (a == ACT_PILLAR_NEXT ? 1 : BL_PILLARS - 1)) % BL_PILLARS;
		tui_msg(t, R_INFO, _("The %s pillar (s shows the next)."), pillar_name(s->pillar));
		return true;
	case ACT_PILLAR_YEAR:
	case ACT_PILLAR_YEAR_BACK:
		s->year = (s->year + (a == ACT_PILLAR_YEAR ? 1 : ny)) % (ny + 1);
		year_text(t, s, year, sizeof year);
		tui_msg(t, R_INFO, s->year < ny ? _("The expenses of %s (y shows the next year).")
						: _("The expenses of the whole period, %s (y shows the first year)."),
			year);
		return true;
	case ACT_EDIT:
	case ACT_ADD:
		break;
	default:
		return false;
	}
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: no line can be assessed here."), t->path);
		return true;
	}
	catch_up(t);
	if (a == ACT_ADD) {
		assess_form(t, s, NULL);
		return true;
	}
	if (s->sel < 0 || (size_t)s->sel >= s->n_neg) {
		tui_msg(t, R_DIM, "%s", _("No line is selected (only the harmful ones are listed): a assesses any line by its code."));
		return true;
	}
	char code[256];
	snprintf(code, sizeof code, "%s", s->neg[s->sel].code);
	assess_form(t, s, code);
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	pil_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->sel = -1;
	s->page = 1;
	s->unit_shown = t->unit;
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	pil_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

/* Exact amounts in øre, so the tests survive cosmetic change. */
static void s_dump(tui *t, void *st, FILE *f)
{
	pil_state *s = st;
	int ny = n_years(t);
	fprintf(f, "pillars.pillar=%s\n", bl_pillar_key(s->pillar));
	if (s->year < ny)
		fprintf(f, "pillars.year=%d\n", tui_year(t, s->year));
	else
		fprintf(f, "pillars.year=%d-%d\n", tui_year(t, 0), tui_year(t, ny - 1));
	fprintf(f, "pillars.version=%s\n", s->version);
	fprintf(f, "pillars.unit=%s\n", s->unit_shown == BL_UNIT_KR ? "kr" : s->unit_shown == BL_UNIT_THOUSANDS ? "t" : "mio");
	fprintf(f, "pillars.loaded=%s\n", s->loaded ? "yes" : "no");
	bl_money v;
	/* The pillar and year shown: the total, the lines, each committee. */
	for (int j = 0; j < N_SLOTS; j++) {
		if (total_cell(t, s, s->pillar, j, s->year, &v))
			fprintf(f, "pillars.total.%s=%" PRId64 "\n", slot_key[j], (int64_t)v);
		else
			fprintf(f, "pillars.total.%s=overflow\n", slot_key[j]);
	}
	for (int j = 0; j < N_SLOTS; j++)
		fprintf(f, "pillars.lines.%s=%" PRId64 "\n", slot_key[j], s->total.n_lines[s->pillar][j]);
	fprintf(f, "pillars.areas=%zu\n", s->n_areas);
	for (size_t i = 0; i < s->n_areas; i++) {
		char code[128];
		tui_clean_line(s->areas[i].code, code, sizeof code);
		fprintf(f, "pillars.area.%s=", code);
		for (int j = 0; j < N_SLOTS; j++) {
			if (area_cell(t, &s->areas[i], s->pillar, j, s->year, &v))
				fprintf(f, "%s%" PRId64, j ? "," : "", (int64_t)v);
			else
				fprintf(f, "%soverflow", j ? "," : "");
		}
		fprintf(f, "\n");
	}
	/* Every pillar and year, for the whole budget. */
	for (int k = 0; k < BL_PILLARS; k++)
		for (int y = 0; y < ny; y++)
			for (int j = 0; j < N_SLOTS; j++)
				fprintf(f, "pillars.%s.%d.%s=%" PRId64 "\n", bl_pillar_key(k), tui_year(t, y), slot_key[j],
					(int64_t)s->total.expense[k][j][y]);
	fprintf(f, "pillars.negative.count=%zu\n", s->n_neg);
	for (size_t i = 0; i < s->n_neg; i++) {
		const pil_neg *g = &s->neg[i];
		char code[128], why[2000 * 3 + 16];
		tui_clean_line(g->code, code, sizeof code);
		tui_clean_line(g->p.justification ? g->p.justification : "", why, sizeof why);
		fprintf(f, "pillars.negative.%s=", code);
		for (int k = 0; k < BL_PILLARS; k++) {
			if (g->p.has[k])
				fprintf(f, g->p.score[k] ? "%+d|" : "%d|", g->p.score[k]);
			else
				fprintf(f, ".|");
		}
		fprintf(f, "%s\n", why);
	}
	fprintf(f, "pillars.selected=%s\n", s->sel >= 0 && (size_t)s->sel < s->n_neg ? s->neg[s->sel].code : "");
	fprintf(f, "pillars.top=%d\n", s->top);
	fprintf(f, "pillars.page=%d\n", s->page);
}

const tui_screen_ops tui_screen_pillars = {
	.id = SCR_PILLARS, .name = "pillars", .title = N_("Pillars"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
