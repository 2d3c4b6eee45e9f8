/* screen_results.c: a lab's outcome under its winner rule, and a second
 * rule beside it.
 *
 * The room has voted; what does the rule choose, and would another rule
 * choose differently?  Both are computed exactly by core/rules.c from
 * the same election as `budgetlab results` (results_model.c), so the
 * numbers here are the command's.
 *
 *   row 0      the lab, its pool, its ballots, the tie-break
 *   row 1      column headings: number, idea, cost, votes (a bar), and
 *              per rule the selection order of its winners
 *   the rows   the ideas on the ballot in number order; ≠ marks an idea
 *              one rule selects and the other does not
 *   bottom     the selected idea's share (Equal Shares), and per rule
 *              how many ideas, the money used and left of the pool
 *
 * s shows instead how Equal Shares shared each winner's cost among its
 * supporters (how many paid, the largest and the smallest share, and
 * each voter's budget); r and R change the second rule; p puts what is
 * shown on the projector (kind BL_SPOT_RESULTS, ref "LAB" or
 * "LAB:RULE"). */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/ballots_common.h"
#include "tui/lab_screen.h"

typedef struct results_state {
	vote_results r;
	int rule2;          /* -1: none */
	bool rule2_set;     /* chosen with r/R (else the default for the lab) */
	bool shares;        /* the shares view */
	int sel, top, page; /* the ideas table; in the shares view, its rows */
	bool on_projector;  /* the spotlight shows this lab's results */
	char spot_ref[64];
} results_state;

/* The second rule a lab is compared with until r says otherwise: Equal
 * Shares beside a greedy rule, greedy beside Equal Shares. */
static int default_rule2(tui *t, const bl_lab *l)
{
	bl_rule own;
	if (bl_rule_from_name(vote_lab_rule(t, l), &own) != 0)
		return -1;
	return vote_rule_is_mes(own) ? BL_RULE_GREEDY_COST : BL_RULE_MES_COST_ADD1_GREEDY;
}

static void load(tui *t, results_state *s)
{
	if (!s->rule2_set && t->lab) {
		bl_lab l;
		bl_err err = { { 0 } };
		if (bl_store_lab_get(t->store, t->lab, &l, &err) == 0) {
			s->rule2 = default_rule2(t, &l);
			bl_lab_clear(&l);
		}
	}
	vote_results_load(t, t->lab, s->rule2, &s->r);
	if (s->r.n_rules == 2 && s->r.rules[1] == s->r.rules[0]) {
		/* the lab's rule changed to the one beside it */
		s->r.n_rules = 1;
		bl_rule_result_free(&s->r.res[1]);
		s->r.n_differ = 0;
	}
	bl_spotlight sp;
	bl_err err = { { 0 } };
	s->on_projector = false;
	s->spot_ref[0] = '\0';
	if (bl_store_spotlight_get(t->store, &sp, &err) == 0) {
		if (sp.kind == BL_SPOT_RESULTS && sp.ref) {
			snprintf(s->spot_ref, sizeof s->spot_ref, "%s", sp.ref);
			s->on_projector = strtoll(sp.ref, NULL, 10) == t->lab;
		}
		bl_spotlight_clear(&sp);
	}
	if (s->sel >= (int)s->r.n_ideas)
		s->sel = s->r.n_ideas ? (int)s->r.n_ideas - 1 : 0;
}

/* ---- drawing ---- */

static void rank_cell(const vote_results *r, int k, const vote_idea *v, char *buf, size_t bufsz)
{
	if (!r->ok[k])
		snprintf(buf, bufsz, "%s", "?");
	else if (v->rank[k])
		snprintf(buf, bufsz, _("✔ %ld."), v->rank[k]);
	else
		snprintf(buf, bufsz, "%s", "–");
}

/* "1030 paid 145,63 kr. each", "501 paid 394,31–644,82 kr." */
static void share_text(tui *t, const bl_rule_result *res, int j, char *buf, size_t bufsz)
{
	char a[BL_MONEY_BUFSZ], b[BL_MONEY_BUFSZ];
	if (!res->by_mes || !res->by_mes[j]) {
		snprintf(buf, bufsz, "%s", _("added by the greedy completion for the money left"));
		return;
	}
	vote_money(t, res->share_max[j], a, sizeof a);
	vote_money(t, res->share_min[j], b, sizeof b);
	if (res->n_payers[j] == 0)
		snprintf(buf, bufsz, "%s", _("costs nothing: nobody paid"));
	else if (res->share_max[j] == res->share_min[j])
		snprintf(buf, bufsz, ngettext("%zu supporter paid %s kr.", "%zu supporters paid %s kr. each",
					      (unsigned long)res->n_payers[j]),
			 res->n_payers[j], a);
	else
		snprintf(buf, bufsz, _("%zu supporters paid %s to %s kr. (s: why)"), res->n_payers[j], b, a);
}

static void draw_summary(tui *t, results_state *s, int y, int k, int W)
{
	const vote_results *r = &s->r;
	char buf[1024], used[BL_MONEY_BUFSZ], left[BL_MONEY_BUFSZ], pool[BL_MONEY_BUFSZ];
	const char *name = bl_rule_name(r->rules[k]);
	if (!r->ok[k]) {
		snprintf(buf, sizeof buf, "%s: %s", name, r->rule_err[k]);
		tui_put(y, 1, W - 2, buf, R_ERROR, false);
		return;
	}
	vote_money(t, r->res[k].spent, used, sizeof used);
	vote_money(t, vote_results_left(r, k), left, sizeof left);
	vote_money(t, r->lab.pool, pool, sizeof pool);
	/* The pool is in the heading; used and left must fit 80 columns. */
	(void)pool;
	snprintf(buf, sizeof buf, ngettext("%s%s: %zu idea, %s kr. used, %s kr. left",
					   "%s%s: %zu ideas, %s kr. used, %s kr. left",
					   (unsigned long)r->res[k].n_selected),
		 name, k == 0 ? _(" (lab's rule)") : "", r->res[k].n_selected, used, left);
	tui_put(y, 1, W - 2, buf, k == 0 ? R_TOTAL : R_INFO, false);
}

/* The widths of the votes table's columns. */
typedef struct cols {
	int mark_x, num_x, num_w, title_x, title_w, cost_x, cost_w, votes_x, votes_w, bar_x, bar_w;
	int rule_x[2], rule_w[2];
} cols;

static void layout(tui *t, const vote_results *r, int W, cols *c)
{
	memset(c, 0, sizeof *c);
	c->num_w = 3;
	c->cost_w = bl_text_width(_("Cost"));
	c->votes_w = bl_text_width(vote_score_label(r->vote_type));
	for (size_t i = 0; i < r->n_ideas; i++) {
		char buf[BL_MONEY_BUFSZ];
		vote_money(t, r->ideas[i].cost, buf, sizeof buf);
		if (bl_text_width(buf) > c->cost_w)
			c->cost_w = bl_text_width(buf);
		snprintf(buf, sizeof buf, "%" PRId64, r->ideas[i].score);
		if (bl_text_width(buf) > c->votes_w)
			c->votes_w = bl_text_width(buf);
		snprintf(buf, sizeof buf, "%" PRId64, r->ideas[i].number);
		if (bl_text_width(buf) > c->num_w)
			c->num_w = bl_text_width(buf);
	}
	int fixed = 2 + c->num_w + 1 + 1 + c->cost_w + 1 + c->votes_w + 1;
	for (int k = 0; k < r->n_rules; k++) {
		int w = bl_text_width(bl_rule_name(r->rules[k]));
		c->rule_w[k] = w < 7 ? 7 : w;
	}
	for (int pass = 0; pass < 2; pass++) {
		int rules = 0;
		for (int k = 0; k < r->n_rules; k++)
			rules += 2 + c->rule_w[k];
		int avail = W - 1 - fixed - rules;
		c->bar_w = avail / 3;
		if (c->bar_w > 40)
			c->bar_w = 40;
		if (c->bar_w < 4)
			c->bar_w = 4;
		c->title_w = avail - c->bar_w - 1;
		if (c->title_w >= 16 || pass)
			break;
		/* Narrow: the rule names are cut (the summary has them whole). */
		for (int k = 0; k < r->n_rules; k++)
			if (c->rule_w[k] > 11)
				c->rule_w[k] = 11;
	}
	if (c->title_w < 6)
		c->title_w = 6;
	c->mark_x = 0;
	c->num_x = 2;
	c->title_x = c->num_x + c->num_w + 1;
	c->cost_x = c->title_x + c->title_w + 1;
	c->votes_x = c->cost_x + c->cost_w + 1;
	c->bar_x = c->votes_x + c->votes_w + 1;
	int x = c->bar_x + c->bar_w;
	for (int k = 0; k < r->n_rules; k++) {
		c->rule_x[k] = x + 2;
		x += 2 + c->rule_w[k];
	}
}

static void keep_visible(results_state *s, int n)
{
	if (s->sel >= n)
		s->sel = n ? n - 1 : 0;
	if (s->sel < 0)
		s->sel = 0;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + s->page)
		s->top = s->sel - s->page + 1;
	if (s->top > n - s->page)
		s->top = n - s->page > 0 ? n - s->page : 0;
}

static void draw_votes(tui *t, results_state *s, int top, int rows, int W)
{
	const vote_results *r = &s->r;
	cols c;
	layout(t, r, W, &c);
	tui_fill(top, 0, W, R_HEADING);
	tui_put(top, c.num_x, c.num_w, _("No"), R_HEADING, true);
	tui_put(top, c.title_x, c.title_w, _("Idea"), R_HEADING, false);
	tui_put(top, c.cost_x, c.cost_w, _("Cost"), R_HEADING, true);
	tui_put(top, c.votes_x, c.votes_w, vote_score_label(r->vote_type), R_HEADING, true);
	for (int k = 0; k < r->n_rules; k++)
		tui_put(top, c.rule_x[k], c.rule_w[k], bl_rule_name(r->rules[k]), R_HEADING, false);
	/* Under the table: the selected idea's share, a rule per row, and
	 * whether the two rules agree. */
	int foot = r->n_rules + (r->n_rules == 2 ? 1 : 0) + 1;
	s->page = rows - 1 - foot;
	if (s->page < 1)
		s->page = 1;
	keep_visible(s, (int)r->n_ideas);
	for (int i = 0; i < s->page && s->top + i < (int)r->n_ideas; i++) {
		int n = s->top + i, y = top + 1 + i;
		const vote_idea *v = &r->ideas[n];
		bool on = n == s->sel;
		bool differ = r->n_rules == 2 && r->ok[0] && r->ok[1] && !v->rank[0] != !v->rank[1];
		char buf[256], b[512];
		if (on)
			tui_fill(y, 0, W, R_SELECTED);
		int base = on ? R_SELECTED : R_NORMAL;
		if (differ)
			tui_put(y, c.mark_x, 1, "≠", on ? R_SELECTED : R_FAIL, false);
		snprintf(buf, sizeof buf, "%" PRId64, v->number);
		tui_put(y, c.num_x, c.num_w, buf, base, true);
		tui_put(y, c.title_x, c.title_w, v->title, on ? R_SELECTED : differ ? R_INFO : R_NORMAL, false);
		vote_money(t, v->cost, buf, sizeof buf);
		tui_put(y, c.cost_x, c.cost_w, buf, on ? R_SELECTED : R_DIM, true);
		snprintf(buf, sizeof buf, "%" PRId64, v->score);
		tui_put(y, c.votes_x, c.votes_w, buf, base, true);
		vote_bar(b, sizeof b, v->score, r->max_score, c.bar_w);
		tui_put(y, c.bar_x, c.bar_w, b, on ? R_SELECTED : v->rank[0] ? R_PASS : R_DIM, false);
		for (int k = 0; k < r->n_rules; k++) {
			rank_cell(r, k, v, buf, sizeof buf);
			tui_put(y, c.rule_x[k], c.rule_w[k], buf,
				on ? R_SELECTED : v->rank[k] ? R_PASS : R_DIM, false);
		}
	}
	if (!r->n_ideas)
		tui_put(top + 1, 2, W - 4, _("No idea is on the ballot of this lab yet."), R_DIM, false);
	int y = top + 1 + s->page;
	/* The selected idea under Equal Shares: who paid for it. */
	char buf[1024] = "", sh[700];
	const vote_idea *v = r->n_ideas ? &r->ideas[s->sel] : NULL;
	for (int k = 0; v && k < r->n_rules && !buf[0]; k++)
		if (r->ok[k] && vote_rule_is_mes(r->rules[k]) && v->pick[k] >= 0) {
			share_text(t, &r->res[k], v->pick[k], sh, sizeof sh);
			snprintf(buf, sizeof buf, _("%" PRId64 " under %s: %s"), v->number,
				 bl_rule_name(r->rules[k]), sh);
		}
	if (!buf[0] && v)
		snprintf(buf, sizeof buf, "%s", _("s: how Equal Shares shared each winner's cost."));
	tui_put(y++, 1, W - 2, buf, R_DIM, false);
	for (int k = 0; k < r->n_rules; k++)
		draw_summary(t, s, y++, k, W);
	if (r->n_rules == 2) {
		if (!r->ok[0] || !r->ok[1])
			buf[0] = '\0';
		else if (r->n_differ)
			snprintf(buf, sizeof buf, ngettext("≠ The rules differ on %zu idea.",
							   "≠ The rules differ on %zu ideas.",
							   (unsigned long)r->n_differ), r->n_differ);
		else
			snprintf(buf, sizeof buf, "%s", _("Both rules select the same ideas."));
		tui_put(y, 1, W - 2, buf, r->n_differ ? R_FAIL : R_PASS, false);
	}
}

/* The shares view's rows: per Equal Shares rule a heading, a table of
 * its winners in selection order (who paid how much), and what the
 * columns mean.  Drawn when draw is set; returns the rows. */
static int shares_rows(tui *t, results_state *s, int top, int rows, int W, bool draw)
{
	const vote_results *r = &s->r;
	int n = 0, first = s->top;
	char buf[1024], cost[BL_MONEY_BUFSZ], a[BL_MONEY_BUFSZ], b[BL_MONEY_BUFSZ];
	/* columns: order, number, idea, cost, payers, each paid, least paid */
	int num_w = 4, cost_w = 11, pay_w = 8, each_w = 11, least_w = 11;
	int title_w = W - 2 - (4 + 1 + num_w + 1) - 1 - cost_w - 1 - pay_w - 1 - each_w - 1 - least_w;
	if (title_w > 50)
		title_w = 50;
	if (title_w < 8)
		title_w = 8;
	int x_num = 6, x_title = x_num + num_w + 1, x_cost = x_title + title_w + 1;
	int x_pay = x_cost + cost_w + 1, x_each = x_pay + pay_w + 1, x_least = x_each + each_w + 1;
#define ON(row) (draw && (row) >= first && (row) - first < rows)
#define Y(row) (top + (row) - first)
	for (int k = 0; k < r->n_rules; k++) {
		const char *name = bl_rule_name(r->rules[k]);
		if (!r->ok[k] || !vote_rule_is_mes(r->rules[k])) {
			snprintf(buf, sizeof buf, r->ok[k] ? _("%s does not share costs: its winners are chosen by their votes.")
							   : "%s: %s",
				 name, r->rule_err[k]);
			if (ON(n))
				tui_put(Y(n), 1, W - 2, buf, R_DIM, false);
			n += 2;
			continue;
		}
		vote_money(t, r->res[k].voter_budget_final, a, sizeof a);
		snprintf(buf, sizeof buf, _("%s: each voter had %s kr. for the winners"), name, a);
		if (ON(n))
			tui_put(Y(n), 1, W - 2, buf, R_HEADING, false);
		n++;
		if (ON(n)) {
			tui_put(Y(n), 1, 4, "", R_DIM, false);
			tui_put(Y(n), x_num, num_w, _("No"), R_DIM, true);
			tui_put(Y(n), x_title, title_w, _("Idea"), R_DIM, false);
			tui_put(Y(n), x_cost, cost_w, _("Cost"), R_DIM, true);
			tui_put(Y(n), x_pay, pay_w, _("Payers"), R_DIM, true);
			tui_put(Y(n), x_each, each_w, _("Each paid"), R_DIM, true);
			tui_put(Y(n), x_least, least_w, _("Least paid"), R_DIM, true);
		}
		n++;
		bool completed = false;
		for (size_t j = 0; j < r->res[k].n_selected; j++, n++) {
			const vote_idea *v = &r->ideas[r->res[k].selected[j]];
			bool mes = r->res[k].by_mes && r->res[k].by_mes[j];
			completed |= !mes;
			if (!ON(n))
				continue;
			int role = mes ? R_NORMAL : R_DIM;
			snprintf(buf, sizeof buf, "%zu.", j + 1);
			tui_put(Y(n), 1, 4, buf, R_DIM, true);
			snprintf(buf, sizeof buf, "%" PRId64, v->number);
			tui_put(Y(n), x_num, num_w, buf, R_HEADING, true);
			tui_put(Y(n), x_title, title_w, v->title, role, false);
			vote_money(t, v->cost, cost, sizeof cost);
			tui_put(Y(n), x_cost, cost_w, cost, R_DIM, true);
			if (!mes) {
				tui_put(Y(n), x_pay, W - 1 - x_pay, _("greedy completion: not shared"), R_DIM, false);
				continue;
			}
			snprintf(buf, sizeof buf, "%zu", r->res[k].n_payers[j]);
			tui_put(Y(n), x_pay, pay_w, buf, R_TOTAL, true);
			vote_money(t, r->res[k].share_max[j], a, sizeof a);
			vote_money(t, r->res[k].share_min[j], b, sizeof b);
			tui_put(Y(n), x_each, each_w, a, R_NORMAL, true);
			tui_put(Y(n), x_least, least_w, b,
				r->res[k].share_min[j] != r->res[k].share_max[j] ? R_INFO : R_DIM, true);
		}
		if (!r->res[k].n_selected) {
			if (ON(n))
				tui_put(Y(n), 1, W - 2, _("It selects no idea."), R_DIM, false);
			n++;
		}
		/* What the columns mean, once per rule, wrapped. */
		const char *legend = completed
			? _("Each paid: the equal share, paid by every supporter who could afford it; least paid: a supporter with less left, who paid all they had.  The greedy completion spends the money left without shares.")
			: _("Each paid: the equal share, paid by every supporter who could afford it; least paid: a supporter with less left, who paid all they had.");
		int lr = tui_wrap_rows(W - 2, legend);
		for (int i = 0; i < lr; i++, n++)
			if (ON(n))
				tui_wrap_skip(Y(n), 1, W - 2, i, legend, R_DIM);
		n++;
	}
#undef ON
#undef Y
	return n;
}

static void draw_shares(tui *t, results_state *s, int top, int rows, int W)
{
	s->page = rows;
	int n = shares_rows(t, s, top, rows, W, false);
	if (s->top > n - rows)
		s->top = n - rows > 0 ? n - rows : 0;
	shares_rows(t, s, top, rows, W, true);
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	results_state *s = st;
	const vote_results *r = &s->r;
	int W = COLS;
	if (!t->lab) {
		vote_draw_no_lab(t, top, rows, _("The results screen shows what a lab's winner rule selects."));
		return;
	}
	char buf[1024], theme[256], pool[BL_MONEY_BUFSZ];
	tui_fill(top, 0, W, R_HEADING);
	if (r->err[0] || !r->have_lab) {
		snprintf(buf, sizeof buf, _(" Lab %" PRId64), t->lab);
		tui_put(top, 0, W, buf, R_HEADING, false);
		tui_wrap(top + 2, 2, W - 4, rows - 2, r->err, R_ERROR);
		return;
	}
	tui_clean_line(r->lab.theme, theme, sizeof theme);
	vote_money(t, r->lab.pool, pool, sizeof pool);
	/* The vote type shows in the score's name (votes, points, Borda). */
	snprintf(buf, sizeof buf, _(" Lab %" PRId64 ": %s · pool %s kr. · %zu ballots · tie-break %s%s"),
		 r->lab_id, theme, pool, r->n_ballots, r->tie,
		 s->on_projector ? _(" · ◆ on the projector") : "");
	tui_put(top, 0, W, buf, R_HEADING, false);
	if (s->shares)
		draw_shares(t, s, top + 1, rows - 1, W);
	else
		draw_votes(t, s, top + 1, rows - 1, W);
}

/* ---- keys ---- */

static void cycle_rule2(tui *t, results_state *s, int dir)
{
	bl_rule own = s->r.n_rules ? s->r.rules[0] : BL_RULE_COUNT;
	int r = s->rule2;
	/* -1 (none) and the rules, skipping the lab's own */
	for (int i = 0; i <= BL_RULE_COUNT; i++) {
		r += dir;
		if (r >= BL_RULE_COUNT)
			r = -1;
		if (r < -1)
			r = BL_RULE_COUNT - 1;
		if (r != (int)own)
			break;
	}
	s->rule2 = r;
	s->rule2_set = true;
	load(t, s);
	if (r < 0)
		tui_msg(t, R_INFO, "%s", _("Only the lab's rule is shown (r shows a second one beside it)."));
	else
		tui_msg(t, R_INFO, _("Beside the lab's rule: %s."), bl_rule_name((bl_rule)r));
}

static void project(tui *t, results_state *s)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: the projector cannot be changed from here."), t->path);
		return;
	}
	if (!t->lab) {
		tui_msg(t, R_DIM, "%s", _("No lab is chosen: press o and type its number."));
		return;
	}
	char ref[64];
	if (s->r.n_rules == 2)
		snprintf(ref, sizeof ref, "%" PRId64 ":%s", t->lab, bl_rule_name(s->r.rules[1]));
	else
		snprintf(ref, sizeof ref, "%" PRId64, t->lab);
	bl_spotlight sp = { .kind = BL_SPOT_RESULTS, .ref = ref };
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_reload(t);
	if (s->r.n_rules == 2)
		tui_msg(t, R_INFO, _("On the projector: the results of lab %" PRId64 ", %s beside %s."), t->lab,
			bl_rule_name(s->r.rules[0]), bl_rule_name(s->r.rules[1]));
	else
		tui_msg(t, R_INFO, _("On the projector: the results of lab %" PRId64 "."), t->lab);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	results_state *s = st;
	int n = (int)s->r.n_ideas;
	int step = s->page > 1 ? s->page - 1 : 1;
	if (s->shares) {
		/* the shares view scrolls; draw_shares keeps top in range */
		switch (a) {
		case ACT_UP: if (s->top > 0) s->top--; return true;
		case ACT_DOWN: s->top++; return true;
		case ACT_PGUP: s->top = s->top > step ? s->top - step : 0; return true;
		case ACT_PGDN: s->top += step; return true;
		case ACT_HOME: s->top = 0; return true;
		case ACT_END: s->top = 1 << 20; return true;
		default: break;
		}
	}
	switch (a) {
	case ACT_UP: if (s->sel > 0) s->sel--; return true;
	case ACT_DOWN: if (s->sel < n - 1) s->sel++; return true;
	case ACT_PGUP: s->sel = s->sel > step ? s->sel - step : 0; return true;
	case ACT_PGDN: s->sel = s->sel + step < n - 1 ? s->sel + step : (n ? n - 1 : 0); return true;
	case ACT_HOME: s->sel = 0; return true;
	case ACT_END: s->sel = n ? n - 1 : 0; return true;
	case ACT_RES_RULE2: cycle_rule2(t, s, 1); return true;
	case ACT_RES_RULE2_BACK: cycle_rule2(t, s, -1); return true;
	case ACT_RES_SHARES:
		s->shares = !s->shares;
		s->top = 0;
		return true;
	case ACT_RES_PROJECT: project(t, s); return true;
	case ACT_VOTE_LAB:
		if (vote_choose_lab(t))
			s->rule2_set = false, s->sel = s->top = 0, load(t, s);
		return true;
	default: return false;
	}
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	results_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->rule2 = -1;
	s->page = 1;
	lab_choose_default(t);
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	results_state *s = st;
	vote_results_free(&s->r);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	results_state *s = st;
	/* another lab chosen elsewhere: its own default comparison */
	if (s->r.lab_id != t->lab)
		s->rule2_set = false, s->sel = s->top = 0;
	load(t, s);
}

/* Money in the dump is exact, in øre. */
static void s_dump(tui *t, void *st, FILE *f)
{
	results_state *s = st;
	const vote_results *r = &s->r;
	(void)t;
	fprintf(f, "results.lab=%" PRId64 "\n", r->lab_id);
	fprintf(f, "results.view=%s\n", s->shares ? "shares" : "votes");
	fprintf(f, "results.ballots=%zu\n", r->n_ballots);
	fprintf(f, "results.tie=%s\n", r->tie ? r->tie : "");
	fprintf(f, "results.scores=");
	for (size_t i = 0; i < r->n_ideas; i++)
		fprintf(f, "%s%" PRId64 ":%" PRId64, i ? "," : "", r->ideas[i].number, r->ideas[i].score);
	fprintf(f, "\n");
	for (int k = 0; k < 2; k++) {
		bool has = k < r->n_rules;
		fprintf(f, "results.rule.%d=%s\n", k + 1, has ? bl_rule_name(r->rules[k]) : "");
		if (!has)
			continue;
		fprintf(f, "results.error.%d=%s\n", k + 1, r->rule_err[k]);
		fprintf(f, "results.selected.%d=", k + 1);
		for (size_t j = 0; r->ok[k] && j < r->res[k].n_selected; j++)
			fprintf(f, "%s%" PRId64, j ? "," : "", r->ideas[r->res[k].selected[j]].number);
		fprintf(f, "\nresults.spent.%d=%" PRId64 "\n", k + 1, r->ok[k] ? r->res[k].spent : 0);
		fprintf(f, "results.left.%d=%" PRId64 "\n", k + 1, r->ok[k] ? vote_results_left(r, k) : 0);
		if (r->ok[k] && vote_rule_is_mes(r->rules[k])) {
			fprintf(f, "results.voter_budget.%d=%" PRId64 "\n", k + 1, r->res[k].voter_budget_final);
			fprintf(f, "results.shares.%d=", k + 1);
			for (size_t j = 0; j < r->res[k].n_selected; j++)
				fprintf(f, "%s%" PRId64 ":%s:%zu:%" PRId64 ":%" PRId64, j ? "," : "",
					r->ideas[r->res[k].selected[j]].number,
					r->res[k].by_mes[j] ? "mes" : "greedy", r->res[k].n_payers[j],
					r->res[k].share_max[j], r->res[k].share_min[j]);
			fprintf(f, "\n");
		}
	}
	fprintf(f, "results.differ=");
	for (size_t i = 0, n = 0; r->n_rules == 2 && i < r->n_ideas; i++)
		if (r->ok[0] && r->ok[1] && !r->ideas[i].rank[0] != !r->ideas[i].rank[1])
			fprintf(f, "%s%" PRId64, n++ ? "," : "", r->ideas[i].number);
	fprintf(f, "\nresults.selected=");
	if (r->n_ideas)
		fprintf(f, "%" PRId64, r->ideas[s->sel].number);
	fprintf(f, "\nresults.spotlight=%s\nresults.error=%s\n", s->spot_ref, r->err);
}

const tui_screen_ops tui_screen_results = {
	.id = SCR_RESULTS, .name = "results", .title = N_("Results"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
