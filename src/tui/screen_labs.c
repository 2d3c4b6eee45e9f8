/* screen_labs.c: the citizen labs, their sessions and their ideas.
 *
 * A lab is one participatory budget: a theme, a pool to spend, the way
 * the room votes (a ballot type of the process definition), and the
 * ideas citizens bring, which the administration costs and checks
 * before they go on the ballot.  The screen is where a facilitator sets
 * that up and keeps it current during a session.
 *
 *   row 0          column headings of the labs
 *   rows 1..L      the labs (at most 4, or 8 on a tall terminal; they scroll)
 *   one row        the current lab's sessions, the current one marked ●
 *   one row        "Ideas of lab N", what its ballot costs against the pool
 *   one row        column headings of the ideas
 *   rows ...       the ideas
 *   separator      then the selected lab's or idea's details, in full
 *
 * The cursor is in one list at a time.  In the labs it chooses the lab
 * every lab screen works on (t->lab, with its latest session as
 * t->session): moving is choosing, so what the sign-in, ballots and
 * results screens show is what is highlighted here.  Enter, or Down past
 * the last lab, goes into the ideas; Esc, or Up past the first idea,
 * back.  Keys that change things (a, e, s, w, N, S) act on what the
 * cursor is on, and every write is one call into lab_store.h, which
 * journals it. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/text.h"
#include "tui/ballots_common.h"
#include "tui/lab_screen.h"

typedef struct labs_state {
	bl_lab *labs;
	size_t n_labs;
	bl_session *sessions;  /* the current lab's */
	size_t n_sessions;
	bl_idea *ideas;        /* the current lab's, by number */
	size_t n_ideas;
	bl_money *totals;      /* each idea's total cost; -1: does not fit */
	int lab_sel;           /* index into labs; -1 when there are none */
	int idea_sel;          /* index into ideas; -1 when there are none */
	bool in_ideas;         /* the cursor is in the ideas */
	int lab_top, idea_top; /* first rows shown */
	int lab_page, idea_page;
	int64_t want_idea;     /* after a write: the idea to select */
	int64_t loaded_session;/* t->session when last loaded */
} labs_state;

/* ---- loading ---- */

static void free_data(labs_state *s)
{
	bl_labs_free(s->labs, s->n_labs);
	bl_sessions_free(s->sessions, s->n_sessions);
	bl_ideas_free(s->ideas, s->n_ideas);
	free(s->totals);
	s->labs = NULL;
	s->sessions = NULL;
	s->ideas = NULL;
	s->totals = NULL;
	s->n_labs = s->n_sessions = s->n_ideas = 0;
}

static const bl_lab *cur_lab(const labs_state *s)
{
	return s->lab_sel >= 0 && (size_t)s->lab_sel < s->n_labs ? &s->labs[s->lab_sel] : NULL;
}

static const bl_idea *cur_idea(const labs_state *s)
{
	return s->idea_sel >= 0 && (size_t)s->idea_sel < s->n_ideas ? &s->ideas[s->idea_sel] : NULL;
}

/* The current lab's sessions and ideas. */
static void load_lab(tui *t, labs_state *s)
{
	bl_err err = { { 0 } };
	int64_t keep = s->want_idea ? s->want_idea : cur_idea(s) ? cur_idea(s)->number : 0;
	int old = s->idea_sel;
	s->want_idea = 0;
	bl_sessions_free(s->sessions, s->n_sessions);
	bl_ideas_free(s->ideas, s->n_ideas);
	free(s->totals);
	s->sessions = NULL;
	s->ideas = NULL;
	s->totals = NULL;
	s->n_sessions = s->n_ideas = 0;
	s->idea_sel = -1;
	s->loaded_session = t->session;
	if (!t->lab)
		return;
	if (bl_store_sessions(t->store, t->lab, &s->sessions, &s->n_sessions, &err) != 0 ||
	    bl_store_ideas(t->store, t->lab, &s->ideas, &s->n_ideas, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	/* The session must be one of this lab's: the latest if it is not
	 * (another lab's, or one that is gone). */
	bool found = false;
	for (size_t i = 0; i < s->n_sessions; i++)
		found |= s->sessions[i].id == t->session;
	if (!found)
		t->session = s->n_sessions ? s->sessions[s->n_sessions - 1].id : 0;
	s->totals = s->n_ideas ? calloc(s->n_ideas, sizeof *s->totals) : NULL;
	for (size_t i = 0; s->totals && i < s->n_ideas; i++)
		if (bl_idea_total(&s->ideas[i], &s->totals[i], &err) != 0)
			s->totals[i] = -1;
	for (size_t i = 0; keep && i < s->n_ideas; i++)
		if (s->ideas[i].number == keep)
			s->idea_sel = (int)i;
	if (s->idea_sel < 0 && s->n_ideas)
		s->idea_sel = old < 0 ? 0 : old >= (int)s->n_ideas ? (int)s->n_ideas - 1 : old;
	if (!s->n_ideas)
		s->in_ideas = false;
	s->loaded_session = t->session;
}

/* Read everything again; the cursor stays on the current lab (t->lab)
 * and on the same idea. */
static void load(tui *t, labs_state *s)
{
	bl_err err = { { 0 } };
	int old = s->lab_sel;
	bl_labs_free(s->labs, s->n_labs);
	s->labs = NULL;
	s->n_labs = 0;
	if (bl_store_labs(t->store, &s->labs, &s->n_labs, &err) != 0)
		tui_msg_err(t, &err);
	s->lab_sel = -1;
	for (size_t i = 0; i < s->n_labs; i++)
		if (s->labs[i].id == t->lab)
			s->lab_sel = (int)i;
	if (s->lab_sel < 0 && s->n_labs) {
		/* None chosen yet, or the current one is gone: the cursor's
		 * row (or the one that took its place) is the current lab. */
		s->lab_sel = old < 0 ? 0 : old >= (int)s->n_labs ? (int)s->n_labs - 1 : old;
		lab_make_current(t, s->labs[s->lab_sel].id);
	}
	if (!s->n_labs) {
		t->lab = t->session = 0;
		s->in_ideas = false;
	}
	load_lab(t, s);
}

/* ---- text ---- */

static const char *status_role_name(bl_idea_status st, int *role)
{
	*role = st == BL_IDEA_ON_BALLOT ? R_PASS : st == BL_IDEA_WITHDRAWN ? R_DIM : R_NORMAL;
	return _(bl_idea_status_name(st));
}

static void fmt_total(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	if (v < 0)
		snprintf(buf, bufsz, "%s", _("too large"));
	else
		lab_fmt_kr(t, v, buf, bufsz);
}

static int digits(int64_t v)
{
	char buf[32];
	return snprintf(buf, sizeof buf, "%" PRId64, v);
}

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

/* ---- layout ---- */

typedef struct lab_cols {
	int nr_x, nr_w, theme_x, theme_w, pool_x, pool_w, ballot_x, ballot_w, status_x, status_w;
	int sess_x, sess_w, part_x, part_w, ideas_x, ideas_w, ballots_x, ballots_w;
} lab_cols;

static void lab_layout(tui *t, const labs_state *s, lab_cols *c)
{
	char buf[64];
	int64_t max_id = 9;
	c->pool_w = bl_text_width(_("Pool"));
	c->ballot_w = bl_text_width(_("Ballot"));
	c->status_w = bl_text_width(_("Status"));
	for (int i = 0; i < 3; i++)
		c->status_w = max_i(c->status_w, bl_text_width(_(bl_lab_status_name((bl_lab_status)i))));
	c->sess_w = bl_text_width(_("Sess."));
	c->part_w = bl_text_width(_("Part."));
	c->ideas_w = bl_text_width(_("Ideas"));
	c->ballots_w = bl_text_width(_("Ballots"));
	int theme_max = bl_text_width(_("Lab theme"));
	for (size_t i = 0; i < s->n_labs; i++) {
		const bl_lab *l = &s->labs[i];
		if (l->id > max_id)
			max_id = l->id;
		char th[512];
		tui_clean_line(l->theme, th, sizeof th);
		theme_max = max_i(theme_max, bl_text_width(th));
		lab_fmt_kr(t, l->pool, buf, sizeof buf);
		c->pool_w = max_i(c->pool_w, bl_text_width(buf));
		tui_clean_line(l->ballot_type ? l->ballot_type : "–", buf, sizeof buf);
		c->ballot_w = max_i(c->ballot_w, bl_text_width(buf));
		c->part_w = max_i(c->part_w, digits((int64_t)l->n_participants));
		c->ideas_w = max_i(c->ideas_w, digits((int64_t)l->n_ideas));
		c->ballots_w = max_i(c->ballots_w, digits((int64_t)l->n_ballots));
	}
	if (c->ballot_w > 16)
		c->ballot_w = 16;
	c->nr_x = 1;
	c->nr_w = max_i(2, digits(max_id));
	c->theme_x = c->nr_x + c->nr_w + 2;
	int x = COLS - 1;
	c->ballots_x = x -= c->ballots_w;
	c->ideas_x = x -= c->ideas_w + 2;
	c->part_x = x -= c->part_w + 2;
	/* The sessions are listed under the labs; their count only where
	 * there is room to spare. */
	if (COLS >= 100) {
		c->sess_x = x -= c->sess_w + 2;
	} else {
		c->sess_x = c->sess_w = 0;
	}
	c->status_x = x -= c->status_w + 2;
	c->ballot_x = x -= c->ballot_w + 2;
	c->pool_x = x -= c->pool_w + 2;
	c->theme_w = x - 2 - c->theme_x;
	/* Wide: every theme whole, and the other columns beside it rather
	 * than at the far right. */
	if (theme_max + 2 < c->theme_w) {
		int shift = c->theme_w - theme_max;
		c->theme_w = theme_max;
		c->pool_x -= shift;
		c->ballot_x -= shift;
		c->status_x -= shift;
		if (c->sess_w)
			c->sess_x -= shift;
		c->part_x -= shift;
		c->ideas_x -= shift;
		c->ballots_x -= shift;
	}
}

typedef struct idea_cols {
	int nr_x, nr_w, status_x, status_w, year_x[BL_MAX_YEARS], year_w, n_years;
	int cost_x, cost_w, votes_x, votes_w, title_x, title_w, prop_x, prop_w;
} idea_cols;

static void idea_layout(tui *t, const labs_state *s, idea_cols *c)
{
	char buf[64];
	int64_t max_nr = 9;
	c->status_w = bl_text_width(_("Status"));
	for (int i = 0; i <= BL_IDEA_WITHDRAWN; i++)
		c->status_w = max_i(c->status_w, bl_text_width(_(bl_idea_status_name((bl_idea_status)i))));
	c->cost_w = bl_text_width(_("Cost"));
	c->votes_w = bl_text_width(_("Votes"));
	c->year_w = 4;
	int prop_max = 0, title_max = bl_text_width(_("Idea"));
	for (size_t i = 0; i < s->n_ideas; i++) {
		const bl_idea *d = &s->ideas[i];
		tui_clean_line(d->title, buf, sizeof buf);
		title_max = max_i(title_max, bl_text_width(buf));
		if (d->number > max_nr)
			max_nr = d->number;
		fmt_total(t, s->totals ? s->totals[i] : 0, buf, sizeof buf);
		c->cost_w = max_i(c->cost_w, bl_text_width(buf));
		c->votes_w = max_i(c->votes_w, digits((int64_t)d->votes));
		for (int y = 0; y < t->info.n_years && y < BL_MAX_YEARS; y++)
			if (d->has_cost[y]) {
				lab_fmt_kr(t, d->cost[y], buf, sizeof buf);
				c->year_w = max_i(c->year_w, bl_text_width(buf));
			}
		if (d->proposer) {
			tui_clean_line(d->proposer, buf, sizeof buf);
			prop_max = max_i(prop_max, bl_text_width(buf));
		}
	}
	c->nr_x = 1;
	c->nr_w = max_i(2, digits(max_nr));
	c->status_x = c->nr_x + c->nr_w + 2;
	int x = c->status_x + c->status_w + 2;
	/* Wide: a column a year before the total, and the proposer after
	 * the title, when the title still keeps 40 columns. */
	int n_years = t->info.n_years < BL_MAX_YEARS ? t->info.n_years : BL_MAX_YEARS;
	int years_w = n_years * (c->year_w + 2);
	int prop_w = prop_max ? max_i(bl_text_width(_("Proposer")), prop_max < 24 ? prop_max : 24) : 0;
	int fixed = x + c->cost_w + 2 + c->votes_w + 2;
	c->n_years = 0;
	c->prop_w = 0;
	if (COLS - 1 - fixed - years_w - (prop_w ? prop_w + 2 : 0) >= 40) {
		c->n_years = n_years;
		c->prop_w = prop_w;
	} else if (COLS - 1 - fixed - years_w >= 40) {
		c->n_years = n_years;
	}
	for (int y = 0; y < c->n_years; y++) {
		c->year_x[y] = x;
		x += c->year_w + 2;
	}
	c->cost_x = x;
	c->votes_x = c->cost_x + c->cost_w + 2;
	c->title_x = c->votes_x + c->votes_w + 2;
	c->prop_x = c->prop_w ? COLS - 1 - c->prop_w : COLS - 1;
	c->title_w = (c->prop_w ? c->prop_x - 2 : COLS - 1) - c->title_x;
	/* The proposer beside the titles, not at the far right. */
	if (c->prop_w && title_max < c->title_w) {
		c->prop_x -= c->title_w - title_max;
		c->title_w = title_max;
	}
}

static void keep_visible(int sel, int n, int page, int *top)
{
	if (page < 1)
		page = 1;
	if (sel >= 0) {
		if (sel < *top)
			*top = sel;
		if (sel >= *top + page)
			*top = sel - page + 1;
	}
	if (*top > n - page)
		*top = n - page;
	if (*top < 0)
		*top = 0;
}

/* ---- drawing ---- */

static void draw_lab_row(tui *t, const labs_state *s, const lab_cols *c, int y, const bl_lab *l, bool on)
{
	/* The current lab stays marked while the cursor is in its ideas. */
	int base = on && !s->in_ideas ? R_SELECTED : on ? R_CURRENT : R_NORMAL;
	char buf[64];
	if (base != R_NORMAL)
		tui_fill(y, 0, COLS, base);
	if (on && s->in_ideas)
		tui_put(y, 0, 1, "●", base, false);
	snprintf(buf, sizeof buf, "%" PRId64, l->id);
	tui_put(y, c->nr_x, c->nr_w, buf, base == R_NORMAL ? R_DIM : base, true);
	lab_put(y, c->theme_x, c->theme_w, l->theme, base, false);
	lab_fmt_kr(t, l->pool, buf, sizeof buf);
	tui_put(y, c->pool_x, c->pool_w, buf, base, true);
	lab_put(y, c->ballot_x, c->ballot_w, l->ballot_type ? l->ballot_type : "–", base, false);
	int st_role = base != R_NORMAL ? base : l->status == BL_LAB_VOTING ? R_CURRENT
					       : l->status == BL_LAB_CLOSED ? R_DIM : R_NORMAL;
	tui_put(y, c->status_x, c->status_w, _(bl_lab_status_name(l->status)), st_role, false);
	if (c->sess_w) {
		snprintf(buf, sizeof buf, "%zu", l->n_sessions);
		tui_put(y, c->sess_x, c->sess_w, buf, base, true);
	}
	snprintf(buf, sizeof buf, "%zu", l->n_participants);
	tui_put(y, c->part_x, c->part_w, buf, base, true);
	snprintf(buf, sizeof buf, "%zu", l->n_ideas);
	tui_put(y, c->ideas_x, c->ideas_w, buf, base, true);
	snprintf(buf, sizeof buf, "%zu", l->n_ballots);
	tui_put(y, c->ballots_x, c->ballots_w, buf, base, true);
}

static void draw_sessions(tui *t, const labs_state *s, int y)
{
	if (!s->n_sessions) {
		tui_put(y, 1, COLS - 2, _("No session yet: S adds one (sign-ins and ballots belong to a session)."),
			R_DIM, false);
		return;
	}
	int x = 1;
	x += tui_puts(y, x, _("Sessions:"), R_HEADING);
	/* The latest first: the one the room is in. */
	for (size_t k = s->n_sessions; k-- > 0 && x < COLS - 2;) {
		const bl_session *v = &s->sessions[k];
		char buf[600], place[256], fac[256];
		tui_clean_line(v->place, place, sizeof place);
		tui_clean_line(v->facilitator, fac, sizeof fac);
		bool cur = v->id == t->session;
		snprintf(buf, sizeof buf, "  %s%" PRId64 " %s %s (%s)", cur ? "●" : "", v->id, v->date, place, fac);
		int w = bl_text_width(buf);
		if (x + w > COLS - 1)
			w = COLS - 1 - x;
		tui_put(y, x, w, buf, cur ? R_CURRENT : R_NORMAL, false);
		x += w;
	}
}

static void draw_ideas_head(tui *t, const labs_state *s, int y)
{
	const bl_lab *l = cur_lab(s);
	char left[256], right[256], sum[64], pool[64];
	bl_money_sum on = { 0 };
	size_t n_on = 0;
	for (size_t i = 0; i < s->n_ideas; i++)
		if (s->ideas[i].status == BL_IDEA_ON_BALLOT) {
			n_on++;
			bl_money_sum_add(&on, s->totals ? s->totals[i] : 0);
		}
	bl_money total;
	if (!bl_money_sum_get(&on, &total))
		total = -1;
	fmt_total(t, total, sum, sizeof sum);
	lab_fmt_kr(t, l->pool, pool, sizeof pool);
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	snprintf(left, sizeof left, _(" Ideas of lab %" PRId64 " "), l->id);
	int x = 1 + tui_puts(y, 1, left, R_HEADING);
	snprintf(right, sizeof right, _(" on the ballot: %zu · %s of %s kr. "), n_on, sum, pool);
	int w = bl_text_width(right);
	if (COLS - 2 - w > x)
		tui_put(y, COLS - 2 - w, w, right, total > l->pool ? R_FAIL : R_DIM, false);
}

static void draw_idea_row(tui *t, const labs_state *s, const idea_cols *c, int y, size_t i, bool on)
{
	const bl_idea *d = &s->ideas[i];
	int role;
	const char *st = status_role_name(d->status, &role);
	int base = on ? R_SELECTED : d->status == BL_IDEA_WITHDRAWN ? R_DIM : R_NORMAL;
	char buf[64];
	if (on)
		tui_fill(y, 0, COLS, R_SELECTED);
	snprintf(buf, sizeof buf, "%" PRId64, d->number);
	tui_put(y, c->nr_x, c->nr_w, buf, on ? R_SELECTED : R_DIM, true);
	tui_put(y, c->status_x, c->status_w, st, on ? R_SELECTED : role, false);
	for (int k = 0; k < c->n_years; k++) {
		if (d->has_cost[k])
			lab_fmt_kr(t, d->cost[k], buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "–");
		tui_put(y, c->year_x[k], c->year_w, buf, on ? R_SELECTED : d->has_cost[k] ? base : R_DIM, true);
	}
	bool costed = false;
	for (int k = 0; k < BL_MAX_YEARS; k++)
		costed |= d->has_cost[k];
	if (costed)
		fmt_total(t, s->totals ? s->totals[i] : 0, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "–");
	tui_put(y, c->cost_x, c->cost_w, buf, costed ? base : on ? R_SELECTED : R_DIM, true);
	snprintf(buf, sizeof buf, "%zu", d->votes);
	tui_put(y, c->votes_x, c->votes_w, buf, d->votes ? base : on ? R_SELECTED : R_DIM, true);
	lab_put(y, c->title_x, c->title_w, d->title, base, false);
	if (c->prop_w && d->proposer)
		lab_put(y, c->prop_x, c->prop_w, d->proposer, on ? R_SELECTED : R_DIM, false);
}

/* Rows for the details under the lists. */
static int detail_rows(int rows)
{
	return rows >= 40 ? 6 : rows >= 19 ? 3 : 0;
}

static void draw_detail(tui *t, const labs_state *s, int y, int n)
{
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	if (t->readonly)
		tui_put(y, 2, bl_text_width(_(" read-only ")), _(" read-only "), R_LOCKED, false);
	y++;
	char buf[2048], a[512], b[512], c[64];
	const bl_idea *d = s->in_ideas ? cur_idea(s) : NULL;
	const bl_lab *l = cur_lab(s);
	int used = 0, w = COLS - 4;
	if (d) {
		/* One line each, cut with "…": the full texts are in the form. */
		tui_clean_line(d->title, a, sizeof a);
		snprintf(buf, sizeof buf, _("Idea %" PRId64 ": %s"), d->number, a);
		tui_put(y + used++, 2, w, buf, R_HEADING, false);
		tui_clean_line(d->proposer ? d->proposer : "–", a, sizeof a);
		tui_clean_line(d->area ? d->area : "–", b, sizeof b);
		snprintf(buf, sizeof buf, _("Proposed by %s · area %s"), a, b);
		if (d->feasibility) {
			char f[1024];
			tui_clean_line(d->feasibility, f, sizeof f);
			size_t len = strlen(buf);
			snprintf(buf + len, sizeof buf - len, _(" · feasibility: %s"), f);
		}
		if (used < n)
			tui_put(y + used++, 2, w, buf, R_DIM, false);
		/* The three pillars and the goals it serves, when assessed. */
		if (used < n && (d->has_pillar[0] || d->has_pillar[1] || d->has_pillar[2] || d->n_goals)) {
			static const char *const pl[3] = { N_("social"), N_("economic"),
							   N_("environmental") };
			size_t len = 0;
			for (int k = 0; k < 3 && len < sizeof buf; k++) {
				char v[8] = "–";
				if (d->has_pillar[k])
					snprintf(v, sizeof v, d->pillar[k] > 0 ? "+%d" : "%d", d->pillar[k]);
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s %s",
							k ? " · " : "", _(pl[k]), v);
			}
			for (size_t g = 0; g < d->n_goals && len < sizeof buf; g++)
				len += (size_t)snprintf(buf + len, sizeof buf - len, g ? ", %lld" : _(" · goals %lld"),
							(long long)d->goals[g]);
			tui_put(y + used++, 2, w, buf, R_DIM, false);
		}
		if (used < n && d->description) {
			size_t len = strlen(d->description) + 1;
			char *desc = malloc(len * 3 + 1);
			if (desc) {
				tui_clean_line(d->description, desc, len * 3 + 1);
				used += tui_wrap(y + used, 2, w, n - used, desc, R_NORMAL);
				free(desc);
			}
		}
		if (used < n)
			tui_put(y + used, 2, w,
				t->readonly ? "" : _("e edits it · s: proposed → costed → feasible → on_ballot · w withdraws it"),
				R_DIM, false);
		return;
	}
	if (!l)
		return;
	int k = l->ballot_type ? bl_lab_ballot_type(&t->def->lab, l->ballot_type) : -1;
	tui_clean_line(l->theme, a, sizeof a);
	lab_fmt_kr(t, l->pool, c, sizeof c);
	snprintf(buf, sizeof buf, _("Lab %" PRId64 ": %s · %s · pool %s kr."), l->id, a,
		 _(bl_lab_status_name(l->status)), c);
	tui_put(y + used++, 2, w, buf, R_HEADING, false);
	if (k >= 0) {
		tui_clean_line(t->def->lab.ballot_types[k].name, a, sizeof a);
		tui_clean_line(l->ballot_type, b, sizeof b);
		snprintf(buf, sizeof buf, _("Ballot %s: %s"), b, a);
	} else if (l->ballot_type) {
		tui_clean_line(l->ballot_type, b, sizeof b);
		snprintf(buf, sizeof buf, _("Ballot %s: not a ballot type of this process (%s ballots)"), b,
			 bl_pb_vote_type_name(l->vote_type));
	} else {
		/* A lab imported from a Pabulib file has its votes, not a
		 * ballot type of the process. */
		snprintf(buf, sizeof buf, _("Ballots: %s, imported (no ballot type of the process)"),
			 bl_pb_vote_type_name(l->vote_type));
	}
	if (used < n)
		tui_put(y + used++, 2, w, buf, R_NORMAL, false);
	tui_clean_line(l->area ? l->area : "–", b, sizeof b);
	snprintf(buf, sizeof buf, _("Winner rule %s%s · tie-break %s%s · area %s"),
		 l->rule ? l->rule : t->def->lab.rule ? t->def->lab.rule : "greedy_cost",
		 l->rule ? "" : _(" (default)"),
		 l->tie_break ? l->tie_break : t->def->lab.tie_break ? t->def->lab.tie_break : "id",
		 l->tie_break ? "" : _(" (default)"), b);
	if (used < n)
		tui_put(y + used++, 2, w, buf, R_NORMAL, false);
	if (used < n && !t->readonly)
		tui_put(y + used, 2, w,
			s->n_ideas ? _("Enter goes to its ideas · e edits the lab · S adds a session · a an idea · N a new lab")
				   : _("No ideas yet: a adds the first · e edits the lab · S adds a session · N a new lab"),
			R_DIM, false);
}

static void draw_empty(tui *t, int y, int rows)
{
	int used = tui_wrap(y + 1, 2, COLS - 4, rows - 1,
			    _("No labs yet. Press N (or a) to add the first: a theme, the pool it spends, and how the room votes."),
			    R_NORMAL);
	used++;
	if (used + 1 < rows)
		used += tui_wrap(y + 1 + used, 2, COLS - 4, rows - 1 - used,
				 _("In a lab citizens propose ideas for a theme; the administration costs them and checks that they can be done; the ideas that pass go on the ballot, and the room decides how the pool is spent."),
				 R_DIM);
	if (t->readonly && used + 2 < rows)
		tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
			 _("This file is open read-only: labs cannot be added here."), R_LOCKED);
}

/* Another screen may have chosen another lab (or session) without
 * writing anything: show that one. */
static void follow(tui *t, labs_state *s)
{
	const bl_lab *l = cur_lab(s);
	if ((l ? l->id : 0) != t->lab || s->loaded_session != t->session)
		load(t, s);
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	labs_state *s = st;
	follow(t, s);
	if (!s->n_labs) {
		draw_empty(t, top, rows);
		return;
	}
	lab_cols lc;
	lab_layout(t, s, &lc);
	int y = top;
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, lc.nr_x, lc.nr_w, _("Nr"), R_HEADING, true);
	tui_put(y, lc.theme_x, lc.theme_w, _("Lab theme"), R_HEADING, false);
	tui_put(y, lc.pool_x, lc.pool_w, _("Pool"), R_HEADING, true);
	tui_put(y, lc.ballot_x, lc.ballot_w, _("Ballot"), R_HEADING, false);
	tui_put(y, lc.status_x, lc.status_w, _("Status"), R_HEADING, false);
	if (lc.sess_w)
		tui_put(y, lc.sess_x, lc.sess_w, _("Sess."), R_HEADING, true);
	tui_put(y, lc.part_x, lc.part_w, _("Part."), R_HEADING, true);
	tui_put(y, lc.ideas_x, lc.ideas_w, _("Ideas"), R_HEADING, true);
	tui_put(y, lc.ballots_x, lc.ballots_w, _("Ballots"), R_HEADING, true);
	y++;
	int det = detail_rows(rows);
	int max_labs = rows >= 40 ? 8 : 4;
	s->lab_page = (int)s->n_labs < max_labs ? (int)s->n_labs : max_labs;
	keep_visible(s->lab_sel, (int)s->n_labs, s->lab_page, &s->lab_top);
	for (int i = 0; i < s->lab_page && s->lab_top + i < (int)s->n_labs; i++) {
		int r = s->lab_top + i;
		draw_lab_row(t, s, &lc, y + i, &s->labs[r], r == s->lab_sel);
	}
	if ((int)s->n_labs > s->lab_page) {
		/* Where the list is scrolled, at the end of the last row. */
		char buf[64];
		snprintf(buf, sizeof buf, "%s", s->lab_top + s->lab_page < (int)s->n_labs ? "↓" : "↑");
		tui_put(y + s->lab_page - 1, 0, 1, buf, R_DIM, false);
	}
	y += s->lab_page;
	draw_sessions(t, s, y++);
	draw_ideas_head(t, s, y++);
	idea_cols ic;
	idea_layout(t, s, &ic);
	int end = top + rows - (det ? det + 1 : 0);
	tui_fill(y, 0, COLS, R_HEADING);
	tui_put(y, ic.nr_x, ic.nr_w, _("Nr"), R_HEADING, true);
	tui_put(y, ic.status_x, ic.status_w, _("Status"), R_HEADING, false);
	for (int k = 0; k < ic.n_years; k++) {
		char yr[16];
		snprintf(yr, sizeof yr, "%d", tui_year(t, k));
		tui_put(y, ic.year_x[k], ic.year_w, yr, R_HEADING, true);
	}
	tui_put(y, ic.cost_x, ic.cost_w, ic.n_years ? _("Total") : _("Cost"), R_HEADING, true);
	tui_put(y, ic.votes_x, ic.votes_w, _("Votes"), R_HEADING, true);
	tui_put(y, ic.title_x, ic.title_w, _("Idea"), R_HEADING, false);
	if (ic.prop_w)
		tui_put(y, ic.prop_x, ic.prop_w, _("Proposer"), R_HEADING, false);
	y++;
	s->idea_page = end - y;
	if (s->idea_page < 1)
		s->idea_page = 1;
	keep_visible(s->idea_sel, (int)s->n_ideas, s->idea_page, &s->idea_top);
	if (!s->n_ideas && y < end)
		tui_put(y, ic.status_x, COLS - 1 - ic.status_x,
			t->readonly ? _("No ideas yet.") : _("No ideas yet: a adds one (title, costs per year, status)."), R_DIM, false);
	for (int i = 0; i < s->idea_page && s->idea_top + i < (int)s->n_ideas && y + i < end; i++) {
		int r = s->idea_top + i;
		draw_idea_row(t, s, &ic, y + i, (size_t)r, s->in_ideas && r == s->idea_sel);
	}
	if (det) {
		draw_detail(t, s, end, det);
		if ((int)s->n_ideas > s->idea_page) {
			char buf[64];
			int last = s->idea_top + s->idea_page < (int)s->n_ideas ? s->idea_top + s->idea_page : (int)s->n_ideas;
			snprintf(buf, sizeof buf, _(" ideas %d–%d of %zu "), s->idea_top + 1, last, s->n_ideas);
			int w = bl_text_width(buf);
			tui_put(end, COLS - 2 - w, w, buf, R_DIM, false);
		}
	}
}

/* ---- moving ---- */

static void choose_lab(tui *t, labs_state *s, int i)
{
	if (!s->n_labs)
		return;
	if (i < 0)
		i = 0;
	if (i >= (int)s->n_labs)
		i = (int)s->n_labs - 1;
	if (i == s->lab_sel)
		return;
	s->lab_sel = i;
	lab_make_current(t, s->labs[i].id);
	s->idea_top = 0;
	s->idea_sel = -1;
	load_lab(t, s);
}

static void move_cursor(tui *t, labs_state *s, int delta)
{
	if (!s->in_ideas) {
		if (delta > 0 && s->lab_sel == (int)s->n_labs - 1) {
			/* Down past the last lab: into its ideas. */
			if (s->n_ideas) {
				s->in_ideas = true;
				s->idea_sel = 0;
			}
			return;
		}
		choose_lab(t, s, s->lab_sel + delta);
		return;
	}
	if (delta < 0 && s->idea_sel == 0) {
		s->in_ideas = false; /* Up past the first idea: back to the labs */
		return;
	}
	int i = s->idea_sel + delta;
	if (i < 0)
		i = 0;
	if (i >= (int)s->n_ideas)
		i = (int)s->n_ideas - 1;
	s->idea_sel = i;
}

/* ---- writing ---- */

/* Ideas of a closed lab stay as they were decided. */
static bool lab_closed(tui *t, const bl_lab *l)
{
	if (l->status != BL_LAB_CLOSED)
		return false;
	tui_msg(t, R_LOCKED, _("Lab %" PRId64 " is closed: its ideas stay as they were decided (e on the lab reopens it)."), l->id);
	return true;
}

/* Moving an idea off the ballot leaves its votes out of the count: only
 * after a question. */
static bool off_ballot_ok(tui *t, const bl_idea *d, bl_idea_status to)
{
	if (d->status != BL_IDEA_ON_BALLOT || to == BL_IDEA_ON_BALLOT || !d->votes)
		return true;
	char q[700], title[512];
	tui_clean_line(d->title, title, sizeof title);
	snprintf(q, sizeof q, _("Idea %" PRId64 " \"%s\" has %zu votes; off the ballot they are not counted. Make it %s?"),
		 d->number, title, d->votes, _(bl_idea_status_name(to)));
	return tui_confirm(t, q);
}

static void set_status(tui *t, labs_state *s, const bl_idea *d, bl_idea_status to)
{
	if (!off_ballot_ok(t, d, to)) {
		tui_msg(t, R_DIM, _("Idea %" PRId64 " stays %s."), d->number, _(bl_idea_status_name(d->status)));
		return;
	}
	bl_idea i = *d;
	i.status = to;
	bl_err err = { { 0 } };
	int64_t number = d->number;
	bl_idea_status from = d->status;
	if (bl_store_idea_update(t->store, &i, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	s->want_idea = number;
	load(t, s);
	tui_msg(t, R_INFO, _("Idea %" PRId64 ": %s → %s"), number, _(bl_idea_status_name(from)),
		_(bl_idea_status_name(to)));
}

static bool s_act(tui *t, void *st, tui_act a)
{
	labs_state *s = st;
	follow(t, s);
	switch (a) {
	case ACT_UP: move_cursor(t, s, -1); return true;
	case ACT_DOWN: move_cursor(t, s, 1); return true;
	case ACT_VOTE_LAB:
		if (vote_choose_lab(t)) {
			s->in_ideas = false;
			load(t, s);
		}
		return true;
	case ACT_PGUP:
		if (s->in_ideas)
			s->idea_sel = s->idea_sel - (s->idea_page > 1 ? s->idea_page - 1 : 1) < 0 ? 0
				      : s->idea_sel - (s->idea_page > 1 ? s->idea_page - 1 : 1);
		else
			choose_lab(t, s, s->lab_sel - (s->lab_page > 1 ? s->lab_page - 1 : 1));
		return true;
	case ACT_PGDN:
		if (s->in_ideas) {
			int i = s->idea_sel + (s->idea_page > 1 ? s->idea_page - 1 : 1);
			s->idea_sel = i >= (int)s->n_ideas ? (int)s->n_ideas - 1 : i;
		} else {
			choose_lab(t, s, s->lab_sel + (s->lab_page > 1 ? s->lab_page - 1 : 1));
		}
		return true;
	case ACT_HOME:
		if (s->in_ideas)
			s->idea_sel = 0;
		else
			choose_lab(t, s, 0);
		return true;
	case ACT_END:
		if (s->in_ideas)
			s->idea_sel = (int)s->n_ideas - 1;
		else
			choose_lab(t, s, (int)s->n_labs - 1);
		return true;
	case ACT_BACK:
		if (!s->in_ideas)
			return false; /* out of the screen, as everywhere */
		s->in_ideas = false;
		return true;
	default:
		break;
	}
	if (a != ACT_TOGGLE && a != ACT_ADD && a != ACT_EDIT && a != ACT_LAB_NEW &&
	    a != ACT_LAB_SESSION && a != ACT_IDEA_STATUS && a != ACT_IDEA_WITHDRAW)
		return false;
	lab_catch_up(t);
	const bl_lab *l = cur_lab(s);
	const bl_idea *d = s->in_ideas ? cur_idea(s) : NULL;
	int64_t id = 0;
	if (a == ACT_LAB_NEW || (!l && (a == ACT_ADD || a == ACT_EDIT || a == ACT_TOGGLE || a == ACT_LAB_SESSION))) {
		if (!l && a != ACT_LAB_NEW && a != ACT_ADD) {
			tui_msg(t, R_DIM, "%s", _("No labs yet: N adds the first."));
			return true;
		}
		if (lab_form(t, NULL, &id) == 1) {
			lab_make_current(t, id);
			s->in_ideas = false;
			load(t, s);
		}
		return true;
	}
	int64_t lab_id = l->id;
	switch (a) {
	case ACT_TOGGLE:
		if (!s->in_ideas) {
			if (!s->n_ideas) {
				tui_msg(t, R_DIM, _("Lab %" PRId64 " has no ideas yet: a adds one."), lab_id);
				return true;
			}
			s->in_ideas = true;
			if (s->idea_sel < 0)
				s->idea_sel = 0;
			return true;
		}
		/* fall through - Enter on an idea edits it */
	case ACT_EDIT:
		if (!d) {
			if (lab_form(t, l, &id) == 1)
				load(t, s);
			return true;
		}
		if (lab_closed(t, l))
			return true;
		if (lab_idea_form(t, lab_id, d, &id) == 1) {
			s->want_idea = id;
			load(t, s);
		}
		return true;
	case ACT_ADD:
		if (lab_closed(t, l))
			return true;
		if (lab_idea_form(t, lab_id, NULL, &id) == 1) {
			s->want_idea = id;
			s->in_ideas = true;
			load(t, s);
		}
		return true;
	case ACT_LAB_SESSION:
		if (lab_session_form(t, lab_id, &id) == 1) {
			t->session = id;
			load(t, s);
		}
		return true;
	case ACT_IDEA_STATUS:
	case ACT_IDEA_WITHDRAW: {
		if (!d) {
			tui_msg(t, R_DIM, "%s", s->n_ideas ? _("Go to an idea first (Enter, or Down past the labs).")
							   : _("This lab has no ideas yet: a adds one."));
			return true;
		}
		if (lab_refused(t) || lab_closed(t, l))
			return true;
		bl_idea_status to;
		if (a == ACT_IDEA_WITHDRAW)
			to = d->status == BL_IDEA_WITHDRAWN ? BL_IDEA_PROPOSED : BL_IDEA_WITHDRAWN;
		else
			to = d->status == BL_IDEA_WITHDRAWN || d->status == BL_IDEA_ON_BALLOT
				     ? BL_IDEA_PROPOSED : (bl_idea_status)(d->status + 1);
		set_status(t, s, d, to);
		return true;
	}
	default:
		return false;
	}
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	labs_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->lab_sel = s->idea_sel = -1;
	s->lab_page = s->idea_page = 1;
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	labs_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	labs_state *s = st;
	char buf[1024];
	follow(t, s);
	const bl_lab *l = cur_lab(s);
	const bl_idea *d = cur_idea(s);
	fprintf(f, "labs.count=%zu\nlabs.lab=%" PRId64 "\nlabs.session=%" PRId64 "\n", s->n_labs, t->lab, t->session);
	tui_clean_line(l ? l->theme : "", buf, sizeof buf);
	if (l)
		fprintf(f, "labs.selected=%" PRId64 ": %s\n", l->id, buf);
	else
		fprintf(f, "labs.selected=\n");
	fprintf(f, "labs.focus=%s\n", s->in_ideas ? "ideas" : "labs");
	fprintf(f, "labs.sessions=");
	for (size_t i = 0; i < s->n_sessions; i++)
		fprintf(f, "%s%" PRId64, i ? "," : "", s->sessions[i].id);
	fprintf(f, "\nlabs.ideas=%zu\n", s->n_ideas);
	tui_clean_line(d ? d->title : "", buf, sizeof buf);
	if (d && s->in_ideas)
		fprintf(f, "labs.idea=%" PRId64 ": %s\n", d->number, buf);
	else
		fprintf(f, "labs.idea=\n");
	fprintf(f, "labs.statuses=");
	for (size_t i = 0; i < s->n_ideas; i++)
		fprintf(f, "%s%" PRId64 ":%s", i ? "," : "", s->ideas[i].number, bl_idea_status_name(s->ideas[i].status));
	fprintf(f, "\nlabs.lab_top=%d\nlabs.idea_top=%d\nlabs.idea_page=%d\n", s->lab_top, s->idea_top, s->idea_page);
}

const tui_screen_ops tui_screen_labs = {
	.id = SCR_LABS, .name = "labs", .title = N_("Labs"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
