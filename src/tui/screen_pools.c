/* screen_pools.c: the development pools (udviklingspuljer): ring-fenced
 * money on one expense line, and the projects that apply to it.
 *
 *   row 0         column headings of the pools
 *   rows 1..L     the pools: key, name, budget, granted and left over all
 *                 the years
 *   separator     "─", with the selected pool's name
 *   the pool      its rules (kinds, maximum, carry-over) and its money per
 *                 year: budget, asked, granted, left; on a wide screen its
 *                 purpose beside them
 *   the projects  number, title, kind, status, pillars, asked, granted
 *   the rest      the selected project: its dates, note and description
 *
 * Enter goes from the pools to the projects of the one under the cursor;
 * Esc (or Up from the first project) goes back.  A grants the selected
 * project in a form, D rejects, withdraws or reopens it after a question,
 * a registers an application, p puts the pool on the projector.  Every
 * write is one call to the store, which refuses what would break a pool's
 * rules (schema.c checks them again in triggers): its message is shown
 * and nothing changes.  Amounts are whole kroner, as a pool is decided.
 *
 * The applicant is personal data: shown on this screen only, in the
 * selected project's details, never in a state dump (which tests and
 * bug reports carry around) and never on the projector. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/pool_store.h"
#include "tui/tui.h"

#define TITLE_MAX 200
#define APPLICANT_MAX 200
#define NOTE_MAX 500

typedef struct pool_state {
	bl_pool_rec *pools;
	bl_pool_money *money;  /* per pool */
	bool *money_ok;
	size_t n;
	bl_pool_project *proj; /* of the selected pool */
	size_t n_proj;
	bl_spotlight spot;
	int sel, top, page;    /* the pools */
	int psel, ptop, ppage; /* the projects */
	bool in_projects;      /* the cursor is on the projects */
} pool_state;

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s ? s : "", false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

static void fmt_kr(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	if (bl_money_format_whole(v, t->info.lang, buf, bufsz) < 0)
		snprintf(buf, bufsz, "?");
}

static const char *kind_name(unsigned kind)
{
	switch (kind) {
	case BL_POOL_DEVELOPMENT: return _("development");
	case BL_POOL_CAPITAL: return _("capital");
	case BL_POOL_OPERATION: return _("operation");
	}
	return "?";
}

static const char *status_name(bl_project_status st)
{
	switch (st) {
	case BL_PROJECT_APPLIED: return _("applied");
	case BL_PROJECT_GRANTED: return _("granted");
	case BL_PROJECT_REJECTED: return _("rejected");
	case BL_PROJECT_WITHDRAWN: return _("withdrawn");
	}
	return "?";
}

/* "S+2 E+0 M+1", '.' for a pillar not assessed (as `budgetlab projects`). */
static void pillars_text(const bl_pillars *p, char *buf, size_t bufsz)
{
	static const char letters[BL_PILLARS] = { 'S', 'E', 'M' };
	size_t n = 0;
	buf[0] = '\0';
	for (int k = 0; k < BL_PILLARS && n < bufsz; k++) {
		if (p->has[k])
			n += (size_t)snprintf(buf + n, bufsz - n, "%s%c%+d", k ? " " : "", letters[k], p->score[k]);
		else
			n += (size_t)snprintf(buf + n, bufsz - n, "%s%c .", k ? " " : "", letters[k]);
	}
}

/* Sums over the years; false if one overflows. */
static bool total(const bl_money *v, int n, bl_money *out)
{
	bl_money s = 0;
	for (int i = 0; i < n; i++)
		if (!bl_money_add(s, v[i], &s))
			return false;
	*out = s;
	return true;
}

/* What is left of the whole pool: with carry-over the last year's left
 * (each year's includes the years before), else the sum. */
static bool total_left(const bl_pool_rec *p, const bl_pool_money *m, bl_money *out)
{
	if (m->n_years < 1) {
		*out = 0;
		return true;
	}
	if (p->carry_over) {
		*out = m->left[m->n_years - 1];
		return true;
	}
	return total(m->left, m->n_years, out);
}

/* ---- loading ---- */

static void free_projects(pool_state *s)
{
	bl_pool_projects_free(s->proj, s->n_proj);
	s->proj = NULL;
	s->n_proj = 0;
}

static void free_data(pool_state *s)
{
	free_projects(s);
	bl_pool_recs_free(s->pools, s->n);
	s->pools = NULL;
	s->n = 0;
	free(s->money);
	free(s->money_ok);
	s->money = NULL;
	s->money_ok = NULL;
	bl_spotlight_clear(&s->spot);
}

static void load_projects(tui *t, pool_state *s, int64_t keep)
{
	free_projects(s);
	s->psel = -1;
	if (s->sel < 0)
		return;
	bl_err err = { { 0 } };
	if (bl_store_pool_projects(t->store, s->pools[s->sel].key, &s->proj, &s->n_proj, &err) != 0) {
		tui_msg_err(t, &err);
		s->proj = NULL;
		s->n_proj = 0;
		return;
	}
	s->psel = s->n_proj ? 0 : -1;
	for (size_t i = 0; i < s->n_proj; i++)
		if (s->proj[i].number == keep)
			s->psel = (int)i;
	if (!s->n_proj)
		s->in_projects = false;
}

static void load(tui *t, pool_state *s)
{
	char keep[64] = "";
	int64_t keep_proj = s->psel >= 0 && (size_t)s->psel < s->n_proj ? s->proj[s->psel].number : 0;
	if (s->sel >= 0 && (size_t)s->sel < s->n)
		snprintf(keep, sizeof keep, "%s", s->pools[s->sel].key);
	free_data(s);
	s->sel = -1;
	bl_err err = { { 0 } };
	if (bl_store_pools(t->store, &s->pools, &s->n, &err) != 0 ||
	    bl_store_spotlight_get(t->store, &s->spot, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	s->money = calloc(s->n ? s->n : 1, sizeof *s->money);
	s->money_ok = calloc(s->n ? s->n : 1, sizeof *s->money_ok);
	if (!s->money || !s->money_ok) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		free_data(s);
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		bl_err e = { { 0 } };
		s->money_ok[i] = bl_store_pool_money(t->store, s->pools[i].key, &s->money[i], &e) == 0;
		if (!s->money_ok[i])
			tui_msg_err(t, &e);
	}
	s->sel = s->n ? 0 : -1;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->pools[i].key, keep) == 0)
			s->sel = (int)i;
	if (s->sel < 0 || strcmp(s->pools[s->sel].key, keep) != 0)
		keep_proj = 0;
	load_projects(t, s, keep_proj);
}

static void catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

static bool on_projector(const pool_state *s, const char *key)
{
	return s->spot.kind == BL_SPOT_POOL && s->spot.ref && strcmp(s->spot.ref, key) == 0;
}

static int find_project(const pool_state *s, int64_t number)
{
	for (size_t i = 0; i < s->n_proj; i++)
		if (s->proj[i].number == number)
			return (int)i;
	return -1;
}

/* ---- drawing ---- */

/* The width the amounts of the pools list and the money table need. */
static int amount_width(const tui *t, const pool_state *s)
{
	int w = 9;
	char buf[BL_MONEY_BUFSZ];
	for (size_t i = 0; i < s->n; i++) {
		const bl_pool_money *m = &s->money[i];
		if (!s->money_ok[i])
			continue;
		bl_money v;
		const bl_money *series[] = { m->budget, m->asked, m->granted, m->left };
		for (int k = 0; k < 4; k++) {
			for (int y = 0; y < m->n_years; y++) {
				fmt_kr(t, series[k][y], buf, sizeof buf);
				if (bl_text_width(buf) > w)
					w = bl_text_width(buf);
			}
			if (k < 3 ? total(series[k], m->n_years, &v) : total_left(&s->pools[i], m, &v)) {
				fmt_kr(t, v, buf, sizeof buf);
				if (bl_text_width(buf) > w)
					w = bl_text_width(buf);
			}
		}
	}
	return w;
}

static void draw_pools(tui *t, pool_state *s, int y, int list, int aw)
{
	int key_w = bl_text_width(_("Key"));
	for (size_t i = 0; i < s->n; i++) {
		char k[128];
		tui_clean_line(s->pools[i].key, k, sizeof k);
		if (bl_text_width(k) > key_w)
			key_w = bl_text_width(k);
	}
	if (key_w > 20)
		key_w = 20;
	int lx = COLS - 1 - aw, gx = lx - 2 - aw, bx = gx - 2 - aw;
	int name_x = 2 + key_w + 1, name_w = bx - 1 - name_x;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, 2, key_w, _("Key"), R_HEADING, false);
	tui_put(y, name_x, name_w, _("Name"), R_HEADING, false);
	tui_put(y, bx, aw, _("Budget"), R_HEADING, true);
	tui_put(y, gx, aw, _("Granted"), R_HEADING, true);
	tui_put(y, lx, aw, _("Left"), R_HEADING, true);
	for (int r = 0; r < list && s->top + r < (int)s->n; r++) {
		int i = s->top + r, yy = y + 1 + r;
		bool on = i == s->sel;
		int role = on ? (s->in_projects ? R_CURRENT : R_SELECTED) : R_NORMAL;
		if (on)
			tui_fill(yy, 0, COLS, role);
		const bl_pool_rec *p = &s->pools[i];
		if (on_projector(s, p->key))
			tui_put(yy, 0, 1, "◆", on ? role : R_INFO, false);
		put_clean(yy, 2, key_w, p->key, on ? role : R_DIM, false);
		put_clean(yy, name_x, name_w, p->name, role, false);
		const bl_pool_money *m = &s->money[i];
		char buf[BL_MONEY_BUFSZ];
		bl_money v;
		if (!s->money_ok[i]) {
			tui_put(yy, bx, aw, "–", R_ERROR, true);
			continue;
		}
		if (total(m->budget, m->n_years, &v))
			fmt_kr(t, v, buf, sizeof buf), tui_put(yy, bx, aw, buf, role, true);
		if (total(m->granted, m->n_years, &v))
			fmt_kr(t, v, buf, sizeof buf), tui_put(yy, gx, aw, buf, role, true);
		if (total_left(p, m, &v))
			fmt_kr(t, v, buf, sizeof buf), tui_put(yy, lx, aw, buf, on ? role : v < 0 ? R_DEFICIT : R_NORMAL, true);
	}
}

/* The pool's rules in one row. */
static void rules_text(const tui *t, const bl_pool_rec *p, char *buf, size_t bufsz)
{
	char kinds[128] = "", max[BL_MONEY_BUFSZ + 64] = "";
	size_t n = 0;
	for (unsigned bit = 1; bit <= BL_POOL_OPERATION; bit <<= 1)
		if (p->kinds & bit)
			n += (size_t)snprintf(kinds + n, sizeof kinds - n, "%s%s", n ? ", " : "", kind_name(bit));
	if (p->has_max) {
		char a[BL_MONEY_BUFSZ];
		fmt_kr(t, p->max_per_project, a, sizeof a);
		snprintf(max, sizeof max, _(" · at most %s kr. per project"), a);
	}
	char line[64];
	tui_clean_line(p->line_code, line, sizeof line);
	snprintf(buf, bufsz, _("Line %s · takes %s%s · %s"), line, kinds, max,
		 p->carry_over ? _("unspent money carries over") : _("unspent money does not carry over"));
}

/* The money per year; returns the rows used (at most max). */
static int draw_money(tui *t, pool_state *s, int y, int x, int max, int aw, bool with_total)
{
	const bl_pool_money *m = &s->money[s->sel];
	const bl_pool_rec *p = &s->pools[s->sel];
	int yw = 6 > bl_text_width(_("Total")) ? 6 : bl_text_width(_("Total"));
	int cx[4];
	for (int k = 0; k < 4; k++)
		cx[k] = x + yw + 1 + k * (aw + 2);
	int used = 0;
	if (max < 1)
		return 0;
	if (!s->money_ok[s->sel]) {
		tui_put(y, x, COLS - x - 1, _("The pool's money cannot be read."), R_ERROR, false);
		return 1;
	}
	static const char *const heads[4] = { N_("Budget"), N_("Asked"), N_("Granted"), N_("Left") };
	tui_put(y, x, yw, _("Year"), R_HEADING, false);
	for (int k = 0; k < 4; k++)
		tui_put(y, cx[k], aw + 1, _(heads[k]), R_HEADING, true);
	used++;
	char buf[BL_MONEY_BUFSZ];
	for (int i = 0; i < m->n_years && used < max; i++, used++) {
		char year[16];
		snprintf(year, sizeof year, "%d", tui_year(t, i));
		tui_put(y + used, x, yw, year, R_NORMAL, false);
		const bl_money v[4] = { m->budget[i], m->asked[i], m->granted[i], m->left[i] };
		for (int k = 0; k < 4; k++) {
			fmt_kr(t, v[k], buf, sizeof buf);
			int role = k == 3 ? (v[k] < 0 ? R_DEFICIT : R_PASS) : k == 1 ? R_DIM : R_NORMAL;
			tui_put(y + used, cx[k], aw + 1, buf, role, true);
		}
	}
	if (with_total && used < max) {
		tui_put(y + used, x, yw, _("Total"), R_TOTAL, false);
		const bl_money *series[3] = { m->budget, m->asked, m->granted };
		bl_money v;
		for (int k = 0; k < 4; k++) {
			bool ok = k < 3 ? total(series[k], m->n_years, &v) : total_left(p, m, &v);
			if (ok)
				fmt_kr(t, v, buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "%s", _("overflow"));
			tui_put(y + used, cx[k], aw + 1, buf, R_TOTAL, true);
		}
		used++;
	}
	return used;
}

typedef struct pcols {
	int nr_x, nr_w, title_x, title_w, kind_x, kind_w, st_x, st_w, pil_x, pil_w, ask_x, gr_x, aw;
} pcols;

static void project_cols(const tui *t, const pool_state *s, pcols *c)
{
	char buf[BL_MONEY_BUFSZ];
	c->aw = bl_text_width(_("Granted")) > bl_text_width(_("Asked")) ? bl_text_width(_("Granted"))
									: bl_text_width(_("Asked"));
	for (size_t i = 0; i < s->n_proj; i++) {
		bl_money v;
		if (total(s->proj[i].asked, s->proj[i].n_years, &v)) {
			fmt_kr(t, v, buf, sizeof buf);
			if (bl_text_width(buf) > c->aw)
				c->aw = bl_text_width(buf);
		}
		if (total(s->proj[i].granted, s->proj[i].n_years, &v)) {
			fmt_kr(t, v, buf, sizeof buf);
			if (bl_text_width(buf) > c->aw)
				c->aw = bl_text_width(buf);
		}
	}
	c->nr_x = 1;
	c->nr_w = 3;
	c->kind_w = bl_text_width(_("Kind"));
	for (unsigned bit = 1; bit <= BL_POOL_OPERATION; bit <<= 1)
		if (bl_text_width(kind_name(bit)) > c->kind_w)
			c->kind_w = bl_text_width(kind_name(bit));
	c->st_w = bl_text_width(_("Status"));
	for (int k = 0; k <= BL_PROJECT_WITHDRAWN; k++)
		if (bl_text_width(status_name((bl_project_status)k)) > c->st_w)
			c->st_w = bl_text_width(status_name((bl_project_status)k));
	c->pil_w = bl_text_width(_("Pillars")) > 11 ? bl_text_width(_("Pillars")) : 11;
	c->gr_x = COLS - 1 - c->aw;
	c->ask_x = c->gr_x - 1 - c->aw;
	c->pil_x = c->ask_x - 2 - c->pil_w;
	c->st_x = c->pil_x - 1 - c->st_w;
	c->kind_x = c->st_x - 1 - c->kind_w;
	c->title_x = c->nr_x + c->nr_w + 1;
	c->title_w = c->kind_x - 1 - c->title_x;
}

static void draw_projects(tui *t, pool_state *s, int y, int page)
{
	pcols c;
	project_cols(t, s, &c);
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, c.nr_x, c.nr_w, _("No"), R_HEADING, true);
	tui_put(y, c.title_x, c.title_w, _("Title"), R_HEADING, false);
	tui_put(y, c.kind_x, c.kind_w, _("Kind"), R_HEADING, false);
	tui_put(y, c.st_x, c.st_w, _("Status"), R_HEADING, false);
	tui_put(y, c.pil_x, c.pil_w, _("Pillars"), R_HEADING, false);
	tui_put(y, c.ask_x, c.aw, _("Asked"), R_HEADING, true);
	tui_put(y, c.gr_x, c.aw, _("Granted"), R_HEADING, true);
	for (int r = 0; r < page && s->ptop + r < (int)s->n_proj; r++) {
		int i = s->ptop + r, yy = y + 1 + r;
		const bl_pool_project *p = &s->proj[i];
		bool on = i == s->psel && s->in_projects;
		int base = on ? R_SELECTED : R_NORMAL;
		if (on)
			tui_fill(yy, 0, COLS, R_SELECTED);
		char buf[128];
		snprintf(buf, sizeof buf, "%" PRId64, p->number);
		tui_put(yy, c.nr_x, c.nr_w, buf, on ? base : R_DIM, true);
		put_clean(yy, c.title_x, c.title_w, p->title, base, false);
		tui_put(yy, c.kind_x, c.kind_w, kind_name(p->kind), base, false);
		int srole = on ? base : p->status == BL_PROJECT_GRANTED ? R_PASS
			    : p->status == BL_PROJECT_APPLIED ? R_INFO : R_DIM;
		tui_put(yy, c.st_x, c.st_w, status_name(p->status), srole, false);
		pillars_text(&p->pillars, buf, sizeof buf);
		tui_put(yy, c.pil_x, c.pil_w, buf, on ? base : R_DIM, false);
		bl_money v;
		char a[BL_MONEY_BUFSZ];
		if (total(p->asked, p->n_years, &v))
			fmt_kr(t, v, a, sizeof a), tui_put(yy, c.ask_x, c.aw, a, on ? base : R_DIM, true);
		if (total(p->granted, p->n_years, &v))
			fmt_kr(t, v, a, sizeof a), tui_put(yy, c.gr_x, c.aw, a, base, true);
	}
}

/* The selected project's details: rows [y, y + rows). */
static void draw_project_detail(tui *t, pool_state *s, int y, int rows)
{
	if (rows < 1 || s->psel < 0)
		return;
	const bl_pool_project *p = &s->proj[s->psel];
	char buf[1600], title[600];
	int end = y + rows;
	tui_clean_line(p->title, title, sizeof title);
	snprintf(buf, sizeof buf, _("%" PRId64 ". %s · %s · applied %s"), p->number, title, kind_name(p->kind), p->applied);
	y += tui_wrap(y, 1, COLS - 2, end - y > 2 ? 2 : end - y, buf, R_HEADING);
	if (y < end) {
		char who[300] = "", note[600] = "";
		if (p->applicant && *p->applicant) {
			char a[256];
			tui_clean_line(p->applicant, a, sizeof a);
			snprintf(who, sizeof who, _(" · applicant %s (not projected)"), a);
		}
		if (p->note && *p->note) {
			char n[512];
			tui_clean_line(p->note, n, sizeof n);
			snprintf(note, sizeof note, ": %s", n);
		}
		const char *at = p->decided_at ? p->decided_at : "";
		if (p->status == BL_PROJECT_APPLIED)
			snprintf(buf, sizeof buf, _("Waiting for a decision%s: A grants it, D rejects or withdraws it%s."), note, who);
		else if (p->status == BL_PROJECT_GRANTED)
			snprintf(buf, sizeof buf, _("Granted on %.10s%s%s"), at, note, who);
		else if (p->status == BL_PROJECT_REJECTED)
			snprintf(buf, sizeof buf, _("Rejected on %.10s%s%s"), at, note, who);
		else
			snprintf(buf, sizeof buf, _("Withdrawn on %.10s%s%s"), at, note, who);
		y += tui_wrap(y, 1, COLS - 2, end - y > 2 ? 2 : end - y, buf, R_INFO);
	}
	if (y < end) {
		/* Per year, what it asked for and was granted. */
		size_t n = (size_t)snprintf(buf, sizeof buf, "%s", _("Asks/granted:"));
		for (int i = 0; i < p->n_years && n < sizeof buf; i++) {
			char a[BL_MONEY_BUFSZ], g[BL_MONEY_BUFSZ];
			fmt_kr(t, p->asked[i], a, sizeof a);
			fmt_kr(t, p->granted[i], g, sizeof g);
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %d %s/%s", i ? " ·" : "", tui_year(t, i), a, g);
		}
		y += tui_wrap(y, 1, COLS - 2, end - y > 2 ? 2 : end - y, buf, R_NORMAL);
	}
	if (y < end) {
		static const char *const names[BL_PILLARS] = { N_("social"), N_("economic"), N_("environmental") };
		size_t n = (size_t)snprintf(buf, sizeof buf, "%s", _("Pillars:"));
		for (int k = 0; k < BL_PILLARS && n < sizeof buf; k++) {
			if (p->pillars.has[k])
				n += (size_t)snprintf(buf + n, sizeof buf - n, " %s %+d%s", _(names[k]), p->pillars.score[k],
						      k < BL_PILLARS - 1 ? " ·" : "");
			else
				n += (size_t)snprintf(buf + n, sizeof buf - n, _(" %s not assessed%s"), _(names[k]),
						      k < BL_PILLARS - 1 ? " ·" : "");
		}
		if (p->pillars.justification && *p->pillars.justification && n < sizeof buf) {
			char j[600];
			tui_clean_line(p->pillars.justification, j, sizeof j);
			snprintf(buf + n, sizeof buf - n, " — %s", j);
		}
		y += tui_wrap(y, 1, COLS - 2, end - y > 2 ? 2 : end - y, buf, R_DIM);
	}
	if (y < end && p->description && *p->description) {
		size_t len = strlen(p->description) + 1;
		char *cd = malloc(len * 3 + 1);
		if (cd) {
			tui_clean(p->description, true, cd, len * 3 + 1);
			tui_wrap(y, 1, COLS - 2, end - y, cd, R_DIM);
			free(cd);
		}
	}
}

static void draw_empty(tui *t, int y, int rows)
{
	int used = tui_wrap(y + 1, 2, COLS - 4, rows - 1, _("No development pools yet."), R_NORMAL);
	if (used + 2 < rows)
		tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
			 t->readonly ? ""
				     : _("A pool is ring-fenced money on one expense line, which projects apply to; create one with `budgetlab pool add DB KEY --name NAME --line CODE`."),
			 R_DIM);
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	pool_state *s = st;
	if (!s->n || s->sel < 0) {
		s->page = s->ppage = 1;
		draw_empty(t, top, rows);
		return;
	}
	int aw = amount_width(t, s);
	int n_years = s->money_ok[s->sel] ? s->money[s->sel].n_years : 0;
	/* The pools: at most a fifth of the body, at least one row. */
	int list = rows / 5;
	if (list < 1)
		list = 1;
	if ((int)s->n < list)
		list = (int)s->n;
	s->page = list;
	tui_keep_visible(s->sel, (int)s->n, s->page, &s->top);
	draw_pools(t, s, top, list, aw);
	int y = top + 1 + list, end = top + rows;
	const bl_pool_rec *p = &s->pools[s->sel];
	char right[128], rules[1024];
	if (s->n > (size_t)s->page)
		snprintf(right, sizeof right, _(" %d–%d of %zu pools "), s->top + 1,
			 s->top + s->page < (int)s->n ? s->top + s->page : (int)s->n, s->n);
	else
		snprintf(right, sizeof right, s->n == 1 ? _(" 1 pool ") : _(" %zu pools "), s->n);
	char left[600];
	char name[512];
	tui_clean_line(p->name, name, sizeof name);
	snprintf(left, sizeof left, on_projector(s, p->key) ? _(" %s ◆ on the projector ") : " %s ", name);
	if (y < end)
		tui_separator(y++, left, on_projector(s, p->key) ? R_INFO : R_HEADING, right);
	/* The pool's rules and money; the purpose beside them when wide. */
	bool side = COLS >= 120;
	rules_text(t, p, rules, sizeof rules);
	int money_rows = 1 + n_years + 1;
	int rest = end - y;
	bool with_total = true, with_rules = true;
	/* Short of rows: the projects keep three, the total and the rules go. */
	int need_proj = 1 + (s->n_proj < 3 ? (int)s->n_proj : 3);
	if (!side && rest - money_rows - 1 < need_proj)
		with_rules = false;
	if (rest - money_rows - (with_rules && !side ? 1 : 0) < need_proj) {
		with_total = false;
		money_rows--;
	}
	if (with_rules && !side && y < end)
		tui_put(y++, 1, COLS - 2, rules, R_DIM, false);
	int money_w = (6 > bl_text_width(_("Total")) ? 6 : bl_text_width(_("Total"))) + 1 + 4 * (aw + 2);
	int used = draw_money(t, s, y, 1, end - y < money_rows ? end - y : money_rows, aw, with_total);
	if (side) {
		int px = 1 + money_w + 4, pw = COLS - px - 2;
		int yy = y;
		yy += tui_wrap(yy, px, pw, used > 2 ? 2 : used, rules, R_DIM);
		if (p->purpose && *p->purpose && yy < y + used) {
			size_t len = strlen(p->purpose) + 1;
			char *cp = malloc(len * 3 + 1);
			if (cp) {
				tui_clean(p->purpose, true, cp, len * 3 + 1);
				tui_wrap(yy, px, pw, y + used - yy, cp, R_NORMAL);
				free(cp);
			}
		}
	}
	y += used;
	/* The projects, then the selected one's details. */
	if (y >= end)
		return;
	if (!s->n_proj) {
		s->ppage = 1;
		tui_separator(y++, _(" Projects "), R_HEADING, NULL);
		if (y < end)
			tui_wrap(y, 2, COLS - 4, end - y,
				 t->readonly ? _("No project has applied to this pool yet.")
					     : _("No project has applied to this pool yet: a registers an application."),
				 R_DIM);
		return;
	}
	rest = end - y;
	int detail = rest - 1 - (int)s->n_proj;
	int page = (int)s->n_proj;
	if (detail < 4 && rest - 1 - 4 >= 3) {
		page = rest - 1 - 4;
		detail = 4;
	} else if (detail < 0) {
		page = rest - 1;
		detail = 0;
	}
	if (page > (int)s->n_proj)
		page = (int)s->n_proj;
	if (page < 1)
		page = 1;
	s->ppage = page;
	tui_keep_visible(s->psel, (int)s->n_proj, s->ppage, &s->ptop);
	draw_projects(t, s, y, page);
	y += 1 + page;
	if (y < end && s->psel >= 0) {
		char r2[128];
		snprintf(r2, sizeof r2, s->n_proj == 1 ? _(" 1 project ") : _(" %zu projects "), s->n_proj);
		tui_separator(y++, NULL, R_DIM, r2);
		if (s->in_projects)
			draw_project_detail(t, s, y, end - y);
		else if (y < end)
			tui_wrap(y, 1, COLS - 2, end - y, _("Enter goes to the projects: A grants one, D rejects, withdraws or reopens it."), R_DIM);
	}
}

/* ---- the forms ---- */

static const char *valid_text(const char *what, const char *text, bool required, char *msg, size_t msgsz)
{
	return tui_check_text(what, text, required, TITLE_MAX, msg, msgsz);
}

static const char *valid_title(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return valid_text(_("The title"), text, true, msg, msgsz);
}

static const char *valid_applicant(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The applicant"), text, false, APPLICANT_MAX, msg, msgsz);
}

static const char *valid_note(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The note"), text, false, NOTE_MAX, msg, msgsz);
}

static const char *valid_date(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	bl_date d;
	bl_err err = { { 0 } };
	if (bl_date_parse(text, &d, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	return NULL;
}

/* An amount of whole or part kroner, not negative; empty is 0. */
static int parse_amount(const tui *t, const char *text, bl_money *out, char *msg, size_t msgsz)
{
	if (strspn(text, " ") == strlen(text)) {
		*out = 0;
		return 0;
	}
	bl_err err = { { 0 } };
	bl_money v;
	if (bl_money_parse(text, t->info.lang, &v, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return -1;
	}
	if (v < 0) {
		snprintf(msg, msgsz, "%s", _("An amount cannot be negative here."));
		return -1;
	}
	*out = v;
	return 0;
}

static const char *valid_amount(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	bl_money v;
	return parse_amount(t, text, &v, msg, msgsz) == 0 ? NULL : msg;
}

static const char *valid_score(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	const char *s = text;
	while (*s == ' ')
		s++;
	if (!*s)
		return NULL;
	char *end;
	long v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (end == s || *end || v < -2 || v > 2) {
		snprintf(msg, msgsz, "%s", _("A score from -2 (clearly harmful) to +2 (clearly good), or empty: not assessed."));
		return msg;
	}
	return NULL;
}

static void trim(const char *s, char *out, size_t outsz)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(out, outsz, "%.*s", (int)n, s);
}

static bool refuse_readonly(tui *t)
{
	if (!t->readonly)
		return false;
	tui_msg(t, R_LOCKED, _("'%s' is open read-only: the pools' projects cannot be changed here."), t->path);
	return true;
}

/* The grant: an amount per year, and a note. */
enum { G_NOTE = BL_MAX_YEARS };

typedef struct grant_ctx {
	const char *pool;
	int64_t number;
	int n_years;
	int note_field;
	char refused[BL_ERR_MAX]; /* the store's last refusal */
} grant_ctx;

static int save_grant(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	grant_ctx *c = f->ctx;
	bl_money g[BL_MAX_YEARS] = { 0 };
	char msg[BL_ERR_MAX], note[NOTE_MAX + 8];
	*field_out = -1;
	for (int i = 0; i < c->n_years; i++)
		if (parse_amount(t, f->fields[i].value, &g[i], msg, sizeof msg) != 0) {
			*field_out = i;
			return bl_err_set(err, "%s", msg);
		}
	trim(f->fields[c->note_field].value, note, sizeof note);
	if (bl_store_pool_grant(t->store, c->pool, c->number, g, c->n_years, note[0] ? note : NULL, err) != 0) {
		snprintf(c->refused, sizeof c->refused, "%s", err->msg);
		/* At the year the refusal names (overspent in 2029), where the
		 * message wraps in full; else at the first year. */
		*field_out = 0;
		for (int i = 0; i < c->n_years; i++) {
			char year[16];
			snprintf(year, sizeof year, "%d", tui_year(t, i));
			if (strstr(err->msg, year)) {
				*field_out = i;
				break;
			}
		}
		return -1;
	}
	return 0;
}

static void grant(tui *t, pool_state *s, const bl_pool_project *p)
{
	const bl_pool_rec *pool = &s->pools[s->sel];
	if (p->status == BL_PROJECT_WITHDRAWN) {
		tui_msg(t, R_LOCKED, _("Refused: project %" PRId64 " was withdrawn; register a new application instead (a)."), p->number);
		return;
	}
	if (!(pool->kinds & p->kind)) {
		tui_msg(t, R_LOCKED, _("Refused: pool '%s' does not take %s projects, so project %" PRId64 " cannot be granted."),
			pool->key, kind_name(p->kind), p->number);
		return;
	}
	int n_years = t->info.n_years;
	if (n_years < 1 || n_years > BL_MAX_YEARS)
		return;
	tui_field fields[BL_MAX_YEARS + 1];
	memset(fields, 0, sizeof fields);
	static char labels[BL_MAX_YEARS][32];
	bool granted = p->status == BL_PROJECT_GRANTED;
	for (int i = 0; i < n_years; i++) {
		snprintf(labels[i], sizeof labels[i], _("Grant %d"), tui_year(t, i));
		fields[i].label = labels[i];
		fields[i].validate = valid_amount;
		bl_money v = i < p->n_years ? (granted ? p->granted[i] : p->asked[i]) : 0;
		fmt_kr(t, v, fields[i].value, sizeof fields[i].value);
	}
	fields[n_years].label = _("Note");
	fields[n_years].validate = valid_note;
	if (p->note)
		snprintf(fields[n_years].value, sizeof fields[n_years].value, "%s", p->note);
	char title[300], pt[200];
	tui_clean_line(p->title, pt, sizeof pt);
	snprintf(title, sizeof title, _("Grant project %" PRId64 ": %s (kr.)"), p->number, pt);
	grant_ctx c = { pool->key, p->number, n_years, n_years, "" };
	tui_form f = { .title = title, .fields = fields, .n_fields = n_years + 1, .ctx = &c, .save = save_grant };
	int64_t number = p->number;
	char key[64];
	snprintf(key, sizeof key, "%s", pool->key);
	c.pool = key;
	int rc = tui_form_run(t, &f);
	if (rc != 1) {
		if (c.refused[0])
			tui_msg(t, R_ERROR, "%s", c.refused);
		else
			tui_msg(t, R_DIM, _("Cancelled: project %" PRId64 " was not changed."), number);
		return;
	}
	load(t, s);
	int i = find_project(s, number);
	if (i >= 0)
		s->psel = i;
	bl_money sum = 0;
	if (i >= 0)
		total(s->proj[i].granted, s->proj[i].n_years, &sum);
	char a[BL_MONEY_BUFSZ];
	fmt_kr(t, sum, a, sizeof a);
	tui_msg(t, R_INFO, _("Project %" PRId64 " granted %s kr. in all."), number, a);
}

/* A decision other than a grant. */
enum { D_STATUS, D_NOTE, N_DFIELDS };

typedef struct decide_ctx {
	bl_project_status st;
	char note[NOTE_MAX + 8];
} decide_ctx;

static int save_decision(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	/* Only what was chosen: decide() asks before it writes. */
	(void)t;
	decide_ctx *c = f->ctx;
	trim(f->fields[D_NOTE].value, c->note, sizeof c->note);
	*field_out = -1;
	if (bl_project_status_from_key(f->fields[D_STATUS].value, &c->st) != 0 || c->st == BL_PROJECT_GRANTED) {
		*field_out = D_STATUS;
		return bl_err_set(err, "%s", _("Choose rejected, withdrawn or applied (reopened)."));
	}
	return 0;
}

static void decide(tui *t, pool_state *s, const bl_pool_project *p)
{
	const char *all[] = { "rejected", "withdrawn", "applied" };
	char choices[64] = "";
	size_t n = 0;
	for (size_t k = 0; k < 3; k++)
		if (strcmp(all[k], bl_project_status_key(p->status)) != 0)
			n += (size_t)snprintf(choices + n, sizeof choices - n, "%s%s", n ? "|" : "", all[k]);
	tui_field fields[N_DFIELDS];
	memset(fields, 0, sizeof fields);
	fields[D_STATUS].label = _("Decision");
	fields[D_STATUS].choices = choices;
	snprintf(fields[D_STATUS].value, sizeof fields[D_STATUS].value, "%.*s", (int)strcspn(choices, "|"), choices);
	fields[D_NOTE].label = _("Note");
	fields[D_NOTE].validate = valid_note;
	char title[300], pt[200];
	tui_clean_line(p->title, pt, sizeof pt);
	snprintf(title, sizeof title, _("Decide project %" PRId64 ": %s"), p->number, pt);
	decide_ctx c = { BL_PROJECT_APPLIED, "" };
	tui_form f = { .title = title, .fields = fields, .n_fields = N_DFIELDS, .ctx = &c, .save = save_decision };
	int64_t number = p->number;
	bool had_grant = p->status == BL_PROJECT_GRANTED;
	char key[64];
	snprintf(key, sizeof key, "%s", s->pools[s->sel].key);
	if (tui_form_run(t, &f) != 1) {
		tui_msg(t, R_DIM, _("Cancelled: project %" PRId64 " was not changed."), number);
		return;
	}
	char q[512];
	const char *back = had_grant ? _(" What it was granted goes back to the pool.") : "";
	if (c.st == BL_PROJECT_REJECTED)
		snprintf(q, sizeof q, _("Reject project %" PRId64 " (%s)?%s"), number, pt, back);
	else if (c.st == BL_PROJECT_WITHDRAWN)
		snprintf(q, sizeof q, _("Record project %" PRId64 " (%s) as withdrawn?%s"), number, pt, back);
	else
		snprintf(q, sizeof q, _("Reopen project %" PRId64 " (%s) as applied?%s"), number, pt, back);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Nothing was recorded: project %" PRId64 " was not changed."), number);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_pool_decide(t->store, key, number, c.st, c.note[0] ? c.note : NULL, &err) != 0) {
		tui_reload(t);
		tui_msg(t, R_ERROR, _("Nothing was recorded: %s"), err.msg);
		return;
	}
	load(t, s);
	int i = find_project(s, number);
	if (i >= 0)
		s->psel = i;
	tui_msg(t, R_INFO, c.st == BL_PROJECT_REJECTED ? _("Project %" PRId64 " rejected.")
			   : c.st == BL_PROJECT_WITHDRAWN ? _("Project %" PRId64 " withdrawn.")
							  : _("Project %" PRId64 " reopened: it waits for a decision again."),
		number);
}

/* A new application. */
enum { A_TITLE, A_KIND, A_APPLICANT, A_APPLIED, A_SOCIAL, A_ECONOMIC, A_ENV, A_ASK0 };

typedef struct apply_ctx {
	const char *pool;
	int n_years;
	int64_t saved;
	char warn[512];
} apply_ctx;

static int score_of(const char *text, bool *has, int *score)
{
	const char *s = text;
	while (*s == ' ')
		s++;
	*has = *s != '\0';
	*score = *has ? (int)strtol(s, NULL, 10) : 0;
	return 0;
}

static int save_apply(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	apply_ctx *c = f->ctx;
	char title[TITLE_MAX + 8], applicant[APPLICANT_MAX + 8], msg[BL_ERR_MAX];
	trim(f->fields[A_TITLE].value, title, sizeof title);
	trim(f->fields[A_APPLICANT].value, applicant, sizeof applicant);
	bl_pool_project p;
	memset(&p, 0, sizeof p);
	p.title = title;
	p.applicant = applicant[0] ? applicant : NULL;
	*field_out = -1;
	if (bl_pool_kind_from_key(f->fields[A_KIND].value, &p.kind) != 0) {
		*field_out = A_KIND;
		return bl_err_set(err, "%s", _("Choose development, capital or operation."));
	}
	char applied[32];
	trim(f->fields[A_APPLIED].value, applied, sizeof applied);
	snprintf(p.applied, sizeof p.applied, "%.10s", applied);
	for (int k = 0; k < BL_PILLARS; k++)
		score_of(f->fields[A_SOCIAL + k].value, &p.pillars.has[k], &p.pillars.score[k]);
	p.n_years = c->n_years;
	for (int i = 0; i < c->n_years; i++)
		if (parse_amount(t, f->fields[A_ASK0 + i].value, &p.asked[i], msg, sizeof msg) != 0) {
			*field_out = A_ASK0 + i;
			return bl_err_set(err, "%s", msg);
		}
	c->warn[0] = '\0';
	return bl_store_pool_project_add(t->store, c->pool, &p, &c->saved, c->warn, sizeof c->warn, err);
}

static void apply_form(tui *t, pool_state *s)
{
	int n_years = t->info.n_years;
	if (n_years < 1 || n_years > BL_MAX_YEARS)
		return;
	tui_field fields[A_ASK0 + BL_MAX_YEARS];
	memset(fields, 0, sizeof fields);
	fields[A_TITLE].label = _("Title");
	fields[A_TITLE].validate = valid_title;
	fields[A_KIND].label = _("Kind");
	fields[A_KIND].choices = "development|capital|operation";
	snprintf(fields[A_KIND].value, sizeof fields[A_KIND].value, "development");
	fields[A_APPLICANT].label = _("Applicant");
	fields[A_APPLICANT].validate = valid_applicant;
	fields[A_APPLIED].label = _("Applied");
	fields[A_APPLIED].validate = valid_date;
	char d[11];
	bl_date_format(bl_date_today(), d);
	snprintf(fields[A_APPLIED].value, sizeof fields[A_APPLIED].value, "%s", d);
	fields[A_SOCIAL].label = _("Social");
	fields[A_ECONOMIC].label = _("Economic");
	fields[A_ENV].label = _("Environmental");
	for (int k = 0; k < BL_PILLARS; k++)
		fields[A_SOCIAL + k].validate = valid_score;
	static char labels[BL_MAX_YEARS][32];
	for (int i = 0; i < n_years; i++) {
		snprintf(labels[i], sizeof labels[i], _("Asks %d"), tui_year(t, i));
		fields[A_ASK0 + i].label = labels[i];
		fields[A_ASK0 + i].validate = valid_amount;
	}
	char key[64], title[300], name[200];
	snprintf(key, sizeof key, "%s", s->pools[s->sel].key);
	tui_clean_line(s->pools[s->sel].name, name, sizeof name);
	snprintf(title, sizeof title, _("Apply to %s (kr.)"), name);
	apply_ctx c = { key, n_years, 0, "" };
	tui_form f = { .title = title, .fields = fields, .n_fields = A_ASK0 + n_years, .ctx = &c,
		       .save = save_apply };
	if (tui_form_run(t, &f) != 1) {
		tui_msg(t, R_DIM, "%s", _("Cancelled: no application was registered."));
		return;
	}
	load(t, s);
	int i = find_project(s, c.saved);
	if (i >= 0) {
		s->psel = i;
		s->in_projects = true;
	}
	char pt[256];
	tui_clean_line(i >= 0 ? s->proj[i].title : "", pt, sizeof pt);
	if (c.warn[0])
		tui_msg(t, R_LOCKED, _("Registered project %" PRId64 ": %s; but %s"), c.saved, pt, c.warn);
	else
		tui_msg(t, R_INFO, _("Registered project %" PRId64 ": %s"), c.saved, pt);
}

static void spotlight(tui *t, pool_state *s)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: the projector cannot be changed from here."), t->path);
		return;
	}
	const bl_pool_rec *p = &s->pools[s->sel];
	char key[64];
	snprintf(key, sizeof key, "%s", p->key);
	bl_spotlight sp = { .kind = BL_SPOT_POOL, .ref = key };
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_reload(t);
	tui_msg(t, R_INFO, _("On the projector: development pool %s, its money per year and what is left."), key);
}

static void move_pool(tui *t, pool_state *s, int delta)
{
	if (!s->n)
		return;
	int v = s->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)s->n)
		v = (int)s->n - 1;
	if (v != s->sel) {
		s->sel = v;
		s->ptop = 0;
		load_projects(t, s, 0);
	}
	tui_keep_visible(s->sel, (int)s->n, s->page, &s->top);
}

static void move_project(pool_state *s, int delta)
{
	if (!s->n_proj)
		return;
	int v = s->psel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)s->n_proj)
		v = (int)s->n_proj - 1;
	s->psel = v;
	tui_keep_visible(s->psel, (int)s->n_proj, s->ppage, &s->ptop);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	pool_state *s = st;
	if (a == ACT_BACK) {
		if (!s->in_projects)
			return false;
		s->in_projects = false;
		return true;
	}
	if (!s->n || s->sel < 0) {
		if (a == ACT_ADD || a == ACT_POOL_GRANT || a == ACT_POOL_DECIDE || a == ACT_SPOTLIGHT ||
		    a == ACT_TOGGLE) {
			tui_msg(t, R_DIM, "%s", _("There is no development pool yet (`budgetlab pool add` creates one)."));
			return true;
		}
		return false;
	}
	int page = s->in_projects ? s->ppage : s->page;
	int step = page > 1 ? page - 1 : 1;
	switch (a) {
	case ACT_UP:
		if (s->in_projects && s->psel <= 0)
			s->in_projects = false;
		else if (s->in_projects)
			move_project(s, -1);
		else
			move_pool(t, s, -1);
		return true;
	case ACT_DOWN:
		if (s->in_projects)
			move_project(s, 1);
		else
			move_pool(t, s, 1);
		return true;
	case ACT_PGUP: s->in_projects ? move_project(s, -step) : move_pool(t, s, -step); return true;
	case ACT_PGDN: s->in_projects ? move_project(s, step) : move_pool(t, s, step); return true;
	case ACT_HOME: s->in_projects ? move_project(s, -(int)s->n_proj) : move_pool(t, s, -(int)s->n); return true;
	case ACT_END: s->in_projects ? move_project(s, (int)s->n_proj) : move_pool(t, s, (int)s->n); return true;
	case ACT_TOGGLE:
		if (!s->in_projects) {
			if (!s->n_proj) {
				tui_msg(t, R_DIM, "%s", t->readonly ? _("No project has applied to this pool yet.")
								    : _("No project has applied to this pool yet: a registers an application."));
				return true;
			}
			s->in_projects = true;
			if (s->psel < 0)
				s->psel = 0;
		} else if (s->psel >= 0) {
			tui_msg(t, R_DIM, _("Project %" PRId64 ": A grants it, D rejects, withdraws or reopens it; Esc goes back to the pools."),
				s->proj[s->psel].number);
		}
		return true;
	default: break;
	}
	if (a != ACT_ADD && a != ACT_POOL_GRANT && a != ACT_POOL_DECIDE && a != ACT_SPOTLIGHT)
		return false;
	catch_up(t);
	if (!s->n || s->sel < 0)
		return true;
	if (a == ACT_SPOTLIGHT) {
		spotlight(t, s);
		return true;
	}
	if (refuse_readonly(t))
		return true;
	if (a == ACT_ADD) {
		apply_form(t, s);
		return true;
	}
	if (!s->in_projects || s->psel < 0) {
		tui_msg(t, R_DIM, "%s", s->n_proj ? _("Choose a project first: Enter goes to the pool's projects.")
						  : _("No project has applied to this pool yet: a registers an application."));
		return true;
	}
	const bl_pool_project *p = &s->proj[s->psel];
	if (a == ACT_POOL_GRANT)
		grant(t, s, p);
	else
		decide(t, s, p);
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	pool_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->sel = s->psel = -1;
	s->page = s->ppage = 1;
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	pool_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void dump_series(FILE *f, const char *what, const bl_money *v, int n)
{
	fprintf(f, "%s", what);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%" PRId64, i ? "," : "", (int64_t)v[i]);
}

/* Exact amounts in øre.  Never the applicant: see the top of the file. */
static void s_dump(tui *t, void *st, FILE *f)
{
	pool_state *s = st;
	fprintf(f, "pools.count=%zu\n", s->n);
	for (size_t i = 0; i < s->n; i++) {
		const bl_pool_rec *p = &s->pools[i];
		char name[512], kinds[128];
		tui_clean_line(p->name, name, sizeof name);
		bl_pool_kinds_text(p->kinds, kinds, sizeof kinds);
		fprintf(f, "pool.%s=%s|line=%s|kinds=%s|max=", p->key, name, p->line_code, kinds);
		if (p->has_max)
			fprintf(f, "%" PRId64, (int64_t)p->max_per_project);
		fprintf(f, "|%s\n", p->carry_over ? "carry-over" : "no carry-over");
	}
	fprintf(f, "pools.selected=%s\n", s->sel >= 0 ? s->pools[s->sel].key : "");
	fprintf(f, "pools.focus=%s\n", s->in_projects ? "projects" : "pools");
	fprintf(f, "pools.spotlight=%s\n", s->spot.kind == BL_SPOT_POOL && s->spot.ref ? s->spot.ref : "");
	if (s->sel < 0)
		return;
	if (s->money_ok[s->sel]) {
		const bl_pool_money *m = &s->money[s->sel];
		for (int y = 0; y < m->n_years; y++) {
			int yr = tui_year(t, y);
			fprintf(f, "pool.%d.budget=%" PRId64 "\n", yr, (int64_t)m->budget[y]);
			fprintf(f, "pool.%d.asked=%" PRId64 "\n", yr, (int64_t)m->asked[y]);
			fprintf(f, "pool.%d.granted=%" PRId64 "\n", yr, (int64_t)m->granted[y]);
			fprintf(f, "pool.%d.left=%" PRId64 "\n", yr, (int64_t)m->left[y]);
		}
		fprintf(f, "pool.projects=%" PRId64 "\npool.applied=%" PRId64 "\npool.granted=%" PRId64 "\n",
			m->n_projects, m->n_applied, m->n_granted);
	}
	for (size_t i = 0; i < s->n_proj; i++) {
		const bl_pool_project *p = &s->proj[i];
		char title[512], pil[64];
		tui_clean_line(p->title, title, sizeof title);
		pillars_text(&p->pillars, pil, sizeof pil);
		fprintf(f, "project.%" PRId64 "=%s|%s|%s|%s|", p->number, title, bl_pool_kind_key(p->kind),
			bl_project_status_key(p->status), pil);
		dump_series(f, "asked=", p->asked, p->n_years);
		dump_series(f, "|granted=", p->granted, p->n_years);
		fprintf(f, "\n");
	}
	fprintf(f, "projects.selected=%" PRId64 "\n", s->psel >= 0 ? s->proj[s->psel].number : 0);
}

const tui_screen_ops tui_screen_pools = {
	.id = SCR_POOLS, .name = "pools", .title = N_("Pools"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
