/* present_lab.c: a lab's results and its representation on the wall.
 *
 * Read from the back of the room: few words, big numbers, bars.  The
 * results show the ideas as bars by their votes, highest first, each
 * winner with its selection order, and the money used (in big digits
 * when there is room) and left; with a second rule both stand side by
 * side and the ideas on which they differ are marked ≠.  When not every
 * idea fits, the winners of either rule are kept and the rest counted.
 * The representation shows, per category, how many came of each group,
 * their share, the target and ▼ for a group below the threshold.
 *
 * Counts only: see present_lab.h. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/bigtext.h"
#include "tui/present_lab.h"

void present_lab_free(present_lab *pl)
{
	vote_results_free(&pl->res);
	for (size_t i = 0; i < pl->n_cats; i++) {
		free(pl->cats[i].value_names);
		free(pl->cats[i].rows);
	}
	free(pl->cats);
	memset(pl, 0, sizeof *pl);
}

static int load_repr(tui *t, present_lab *pl, bl_err *err)
{
	const bl_lab_def *d = &t->def->lab;
	pl->cats = calloc(d->n_categories ? d->n_categories : 1, sizeof *pl->cats);
	if (!pl->cats)
		return bl_err_set(err, "%s", _("out of memory"));
	for (size_t c = 0; c < d->n_categories; c++) {
		const bl_category *cat = &d->categories[c];
		present_repr_cat *pc = &pl->cats[pl->n_cats++];
		tui_clean_line(cat->name, pc->name, sizeof pc->name);
		size_t *counts = calloc(cat->n_values ? cat->n_values : 1, sizeof *counts);
		pc->rows = calloc(cat->n_values ? cat->n_values : 1, sizeof *pc->rows);
		pc->value_names = calloc(cat->n_values ? cat->n_values : 1, sizeof *pc->value_names);
		if (!counts || !pc->rows || !pc->value_names) {
			free(counts);
			return bl_err_set(err, "%s", _("out of memory"));
		}
		size_t total = 0;
		if (bl_store_participant_counts(t->store, pl->lab, cat, counts, &total, err) != 0) {
			free(counts);
			return -1;
		}
		pl->total = total;
		pc->n_values = cat->n_values;
		bl_repr_compute(cat, counts, total, d->under, pc->rows);
		size_t stated = 0;
		for (size_t v = 0; v < cat->n_values; v++) {
			tui_clean_line(cat->values[v].name, pc->value_names[v], sizeof pc->value_names[v]);
			stated += counts[v];
		}
		pc->not_stated = total > stated ? total - stated : 0;
		free(counts);
	}
	return 0;
}

int present_lab_load(tui *t, bl_spot_kind kind, const char *ref, present_lab *pl, bl_err *err)
{
	present_lab_free(pl);
	pl->kind = kind;
	char *end;
	long long id = strtoll(ref ? ref : "", &end, 10);
	if (!ref || end == ref || id <= 0 || (*end && *end != ':'))
		return 1;
	pl->lab = id;
	bl_lab l;
	bl_err lerr = { { 0 } };
	if (bl_store_lab_get(t->store, id, &l, &lerr) != 0)
		return 1;
	tui_clean_line(l.theme, pl->theme, sizeof pl->theme);
	bl_lab_clear(&l);
	if (kind == BL_SPOT_REPRESENTATION)
		return load_repr(t, pl, err);
	int rule2 = -1;
	if (*end == ':') {
		bl_rule r;
		if (bl_rule_from_name(end + 1, &r) == 0)
			rule2 = (int)r;
		else
			tui_clean_line(end + 1, pl->rule2_bad, sizeof pl->rule2_bad);
	}
	vote_results_load(t, id, rule2, &pl->res);
	if (pl->res.n_rules == 2 && pl->res.rules[0] == pl->res.rules[1])
		pl->res.n_rules = 1;
	if (pl->res.err[0])
		return bl_err_set(err, "%s", pl->res.err);
	return 0;
}

/* ---- drawing ---- */

static void centred(int y, int x, int w, const char *s, int role)
{
	int tw = bl_text_width(s) < w ? bl_text_width(s) : w;
	tui_put(y, x + (w - tw) / 2, tw, s, role, false);
}

static void big_at(int y, int x, const char *s, int scale, int role)
{
	bl_big b;
	if (bl_big_render(s, scale, &b) != 0)
		return;
	for (int r = 0; r < b.height; r++)
		tui_put(y + r, x, b.width, b.rows[r], role, false);
	bl_big_free(&b);
}

/* The ideas by votes, highest first (ties: by number): a chart. */
static const vote_results *g_sort_res;
static int by_score(const void *a, const void *b)
{
	const vote_idea *x = &g_sort_res->ideas[*(const size_t *)a];
	const vote_idea *y = &g_sort_res->ideas[*(const size_t *)b];
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number;
}

static void draw_results(tui *t, present_lab *pl, int top, int rows, int W)
{
	const vote_results *r = &pl->res;
	char buf[1024], pool[BL_MONEY_BUFSZ];
	int y = top, bottom = top + rows;
	vote_money(t, r->lab.pool, pool, sizeof pool);
	/* What is fixed: the heading, the line under it, the table's
	 * heading, the money (a label, the amount, what is left). */
	int n = (int)r->n_ideas, fixed = 2 + 1 + 3;
	int idea_rows = rows - fixed - 1;
	if (idea_rows < 1)
		idea_rows = 1;
	size_t *order = calloc(n ? (size_t)n : 1, sizeof *order);
	if (!order)
		return;
	for (int i = 0; i < n; i++)
		order[i] = (size_t)i;
	g_sort_res = r;
	qsort(order, (size_t)n, sizeof *order, by_score);
	/* Too many for the rows: the winners of either rule stay, then the
	 * most voted of the others, in the chart's order. */
	bool *keep = calloc(n ? (size_t)n : 1, sizeof *keep);
	int shown = 0;
	if (!keep) {
		free(order);
		return;
	}
	int room = n <= idea_rows ? n : idea_rows - 1;
	for (int i = 0; i < n && shown < room; i++) {
		const vote_idea *v = &r->ideas[order[i]];
		if (v->rank[0] || (r->n_rules == 2 && v->rank[1]))
			keep[order[i]] = true, shown++;
	}
	for (int i = 0; i < n && shown < room; i++)
		if (!keep[order[i]])
			keep[order[i]] = true, shown++;
	pl->shown = shown;
	int hidden = n - shown;
	int used_rows = fixed + shown + (hidden ? 1 : 0);
	int spare = rows - used_rows;

	/* The money: big digits when the rows and the width allow. */
	int halves = r->n_rules, half_w = (W - 4) / halves;
	char used[2][BL_MONEY_BUFSZ];
	int scale = 0;
	for (int k = 0; k < r->n_rules; k++)
		vote_money(t, r->ok[k] ? r->res[k].spent : 0, used[k], sizeof used[k]);
	int gaps = spare >= 4 ? 2 : 0;
	for (int k = BL_BIG_MAX_SCALE; k >= 1 && !scale; k--) {
		bool fits = bl_big_height(k) - 1 <= spare - gaps && bl_big_height(k) <= rows / 3;
		for (int j = 0; j < r->n_rules && fits; j++)
			fits = bl_big_known(used[j]) && bl_big_width(used[j], k) <= half_w - 2;
		if (fits)
			scale = k;
	}
	pl->scale = scale;
	if (scale)
		spare -= bl_big_height(scale) - 1;
	if (spare < gaps)
		gaps = spare > 0 ? spare : 0;
	spare -= gaps;
	/* Air between the bars on a tall screen. */
	bool airy = shown > 1 && spare >= shown - 1 && shown <= 12;
	if (airy)
		spare -= shown - 1;
	/* What is left: a third above, a third between the bars and the
	 * money, the rest below. */
	int pad = spare > 2 ? spare / 3 : 0;
	y += pad;

	snprintf(buf, sizeof buf, _("Lab %" PRId64 ": %s"), pl->lab, pl->theme);
	centred(y + (spare > 2 ? 1 : 0), 2, W - 4, buf, R_BIG);
	y += 1 + (spare > 2 ? 1 : 0);
	snprintf(buf, sizeof buf, _("Results · %zu ballots · pool %s kr."), r->n_ballots, pool);
	centred(y++, 2, W - 4, buf, R_HEADING);

	/* The table, centred: number, idea, bar, votes, a column per rule. */
	int num_w = 3, votes_w = bl_text_width(vote_score_label(r->vote_type)), rule_w[2] = { 0, 0 };
	for (int i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%" PRId64, r->ideas[i].score);
		if (bl_text_width(buf) > votes_w)
			votes_w = bl_text_width(buf);
	}
	for (int k = 0; k < r->n_rules; k++) {
		rule_w[k] = bl_text_width(bl_rule_name(r->rules[k]));
		if (rule_w[k] < 6)
			rule_w[k] = 6;
	}
	int rules_w = 0;
	for (int k = 0; k < r->n_rules; k++)
		rules_w += 2 + rule_w[k];
	if (W < 100 && r->n_rules == 2)
		for (int k = 0; k < 2; k++)
			if (rule_w[k] > 11)
				rules_w -= rule_w[k] - 11, rule_w[k] = 11;
	int table_w = W - 4 < 150 ? W - 4 : 150;
	int avail = table_w - (2 + num_w + 1) - 1 - (votes_w + 1) - rules_w;
	/* The titles as long as they are, up to three fifths; the bars the rest. */
	int longest = 4;
	for (int i = 0; i < n; i++)
		if (bl_text_width(r->ideas[i].title) > longest)
			longest = bl_text_width(r->ideas[i].title);
	int title_w = avail * 3 / 5 < 50 ? avail * 3 / 5 : 50;
	if (title_w > longest)
		title_w = longest;
	int bar_w = avail - title_w - 1;
	if (title_w < 12) {
		title_w = 12;
		bar_w = avail - title_w - 1;
	}
	if (bar_w < 4)
		bar_w = 4;
	int x0 = (W - table_w) / 2 > 0 ? (W - table_w) / 2 : 0;
	int tx = x0 + 2 + num_w + 1, bx = tx + title_w + 1, vx = bx + bar_w + 1, rx = vx + votes_w;
	y += gaps / 2;
	tui_put(y, tx, title_w, _("Idea"), R_HEADING, false);
	tui_put(y, vx, votes_w, vote_score_label(r->vote_type), R_HEADING, true);
	for (int k = 0, x = rx; k < r->n_rules; k++) {
		tui_put(y, x + 2, rule_w[k], bl_rule_name(r->rules[k]), R_HEADING, false);
		x += 2 + rule_w[k];
	}
	y++;
	for (int i = 0; i < n && y < bottom; i++) {
		size_t p = order[i];
		if (!keep[p])
			continue;
		const vote_idea *v = &r->ideas[p];
		bool differ = r->n_rules == 2 && r->ok[0] && r->ok[1] && !v->rank[0] != !v->rank[1];
		bool win = v->rank[0] || (r->n_rules == 2 && v->rank[1]);
		if (differ)
			tui_put(y, x0, 1, "≠", R_FAIL, false);
		snprintf(buf, sizeof buf, "%" PRId64, v->number);
		tui_put(y, x0 + 2, num_w, buf, R_HEADING, true);
		tui_put(y, tx, title_w, v->title, differ ? R_INFO : win ? R_NORMAL : R_DIM, false);
		vote_bar(buf, sizeof buf, v->score, r->max_score, bar_w);
		tui_put(y, bx, bar_w, buf, v->rank[0] ? R_PASS : R_DIM, false);
		snprintf(buf, sizeof buf, "%" PRId64, v->score);
		tui_put(y, vx, votes_w, buf, R_NORMAL, true);
		for (int k = 0, x = rx; k < r->n_rules; k++) {
			if (!r->ok[k])
				snprintf(buf, sizeof buf, "–"); /* the rule could not count: said below */
			else if (v->rank[k])
				snprintf(buf, sizeof buf, _("✔ %ld."), v->rank[k]);
			else
				snprintf(buf, sizeof buf, "–");
			tui_put(y, x + 2, rule_w[k], buf, v->rank[k] ? R_PASS : R_DIM, false);
			x += 2 + rule_w[k];
		}
		y += airy ? 2 : 1;
	}
	if (airy)
		y--;
	if (hidden && y < bottom) {
		/* Winners are kept first; if even they do not all fit, say so. */
		int hidden_won = 0, won_k[2] = { 0, 0 };
		for (int i = 0; i < n; i++) {
			if (keep[i])
				continue;
			if (r->ideas[i].rank[0] || (r->n_rules == 2 && r->ideas[i].rank[1]))
				hidden_won++;
			for (int k = 0; k < r->n_rules; k++)
				won_k[k] += r->ideas[i].rank[k] != 0;
		}
		/* Under which rule: the room reads the columns by their rule. */
		if (hidden_won && r->n_rules == 2 && won_k[0] && won_k[1])
			snprintf(buf, sizeof buf, ngettext("… and %d more idea (%d selected under %s, %d under %s: see a larger screen)",
							   "… and %d more ideas (%d selected under %s, %d under %s: see a larger screen)",
							   (unsigned long)hidden), hidden, won_k[0], bl_rule_name(r->rules[0]),
				 won_k[1], bl_rule_name(r->rules[1]));
		else if (hidden_won)
			snprintf(buf, sizeof buf, ngettext("… and %d more idea (%d of them selected under %s: see a larger screen)",
							   "… and %d more ideas (%d of them selected under %s: see a larger screen)",
							   (unsigned long)hidden), hidden, hidden_won,
				 bl_rule_name(r->rules[won_k[0] ? 0 : 1]));
		else
			snprintf(buf, sizeof buf, ngettext("… and %d more idea, not selected",
							   "… and %d more ideas, not selected",
							   (unsigned long)hidden), hidden);
		tui_put(y++, tx, W - tx, buf, R_DIM, false);
	}
	y += gaps - gaps / 2 + pad;

	/* The money per rule, side by side. */
	int my = y;
	for (int k = 0; k < r->n_rules; k++) {
		int hx = 2 + k * half_w;
		int yy = my;
		if (!r->ok[k]) {
			/* One short line for the room, not the rule's own error
			 * (the results screen, 9, keeps that). */
			if (vote_rule_is_mes(r->rules[k]) && r->vote_type != BL_VOTE_APPROVAL)
				snprintf(buf, sizeof buf, _("%s counts approval ballots only"), bl_rule_name(r->rules[k]));
			else
				snprintf(buf, sizeof buf, _("%s cannot count these ballots"), bl_rule_name(r->rules[k]));
			if (bl_text_width(buf) <= half_w - 2)
				centred(yy, hx, half_w - 2, buf, R_DIM);
			else
				tui_wrap(yy, hx, half_w - 2, bottom - yy < 2 ? bottom - yy : 2, buf, R_DIM);
			continue;
		}
		snprintf(buf, sizeof buf, ngettext("%s: %zu idea", "%s: %zu ideas",
						   (unsigned long)r->res[k].n_selected),
			 bl_rule_name(r->rules[k]), r->res[k].n_selected);
		centred(yy++, hx, half_w - 2, buf, R_HEADING);
		if (scale) {
			int bw = bl_big_width(used[k], scale);
			big_at(yy, hx + (half_w - 2 - bw) / 2, used[k], scale, R_BIG);
			yy += bl_big_height(scale);
		} else {
			snprintf(buf, sizeof buf, _("%s kr."), used[k]);
			centred(yy++, hx, half_w - 2, buf, R_BIG);
		}
		char left[BL_MONEY_BUFSZ];
		vote_money(t, vote_results_left(r, k), left, sizeof left);
		snprintf(buf, sizeof buf, scale ? _("kr. used · %s kr. left") : _("used · %s kr. left"), left);
		if (yy < bottom)
			centred(yy, hx, half_w - 2, buf, R_NORMAL);
	}
	if (pl->rule2_bad[0] && my + 3 < bottom) {
		snprintf(buf, sizeof buf, _("(no rule '%s' to show beside it)"), pl->rule2_bad);
		centred(bottom - 1, 2, W - 4, buf, R_DIM);
	}
	free(order);
	free(keep);
}

static void draw_repr(tui *t, present_lab *pl, int top, int rows, int W)
{
	char buf[1024], pct[32];
	int y = top, bottom = top + rows;
	snprintf(buf, sizeof buf, _("Lab %" PRId64 ": %s"), pl->lab, pl->theme);
	centred(y++, 2, W - 4, buf, R_BIG);
	bl_share_format(t->def->lab.under, t->info.lang, pct, sizeof pct);
	snprintf(buf, sizeof buf, ngettext("Who came: %zu participant · ▼ below %s of the target",
					   "Who came: %zu participants · ▼ below %s of the target",
					   (unsigned long)pl->total), pl->total, pct);
	centred(y++, 2, W - 4, buf, R_HEADING);
	if (!pl->n_cats) {
		centred(y + 1, 2, W - 4, _("The process defines no categories for the labs."), R_DIM);
		pl->shown = 0;
		return;
	}
	/* A group of 1 or 2 could point at a person in a small room: the
	 * projector shows "1–2" and no share (screen 7 keeps the numbers),
	 * and says so once, on the last row. */
	bool small = false;
	for (size_t c = 0; c < pl->n_cats; c++)
		for (size_t v = 0; v < pl->cats[c].n_values; v++)
			small |= pl->cats[c].rows[v].count == 1 || pl->cats[c].rows[v].count == 2;
	if (small)
		bottom--;
	/* Blocks (a category: its title and its groups) flow down columns. */
	int need = 0;
	for (size_t c = 0; c < pl->n_cats; c++)
		need += 2 + (int)pl->cats[c].n_values + (pl->cats[c].not_stated ? 1 : 0);
	int avail = bottom - y - 1;
	int ncols = W >= 150 ? 3 : W >= 76 ? 2 : 1;
	while (ncols > 1 && need <= avail * (ncols - 1) - 2)
		ncols--; /* fewer, wider columns when they fit */
	bool gap = avail * ncols >= need + (int)pl->n_cats;
	if (gap)
		y++;
	avail = bottom - y;
	int col_w = (W - 2) / ncols, x0 = 1;
	int count_w = 5, share_w = 7, target_w = 7;
	/* Two blanks between count and share: "4 16,66 %" reads as one number. */
	int name_w = col_w - 2 - (count_w + 2 + share_w + 1 + target_w + 2);
	if (name_w > 30) {
		x0 += (name_w - 30) * ncols / 2;
		name_w = 30;
	}
	/* Balanced: a column is full at its share of the rows needed. */
	int per_col = (need + (gap ? (int)pl->n_cats : 0) + ncols - 1) / ncols;
	int c_x = 0, c_y = y, shown = 0;
	for (size_t c = 0; c < pl->n_cats; c++) {
		const present_repr_cat *pc = &pl->cats[c];
		int block = 1 + (int)pc->n_values + (pc->not_stated ? 1 : 0);
		if ((c_y + block > bottom || c_y - y + block > per_col + 1) && c_y > y && c_x + 1 < ncols) {
			c_x++;
			c_y = y;
		}
		if (c_y + 1 >= bottom)
			break;
		int x = x0 + c_x * col_w;
		int nx = x + 1, cx = nx + name_w + 1, sx = cx + count_w + 2, tx = sx + share_w + 1, fx = tx + target_w + 1;
		tui_put(c_y, nx, name_w, pc->name, R_AREA, false);
		tui_put(c_y, cx, count_w, _("count"), R_DIM, true);
		tui_put(c_y, sx, share_w, _("share"), R_DIM, true);
		tui_put(c_y, tx, target_w, _("target"), R_DIM, true);
		c_y++;
		for (size_t v = 0; v < pc->n_values && c_y < bottom; v++, c_y++) {
			const bl_repr_row *rr = &pc->rows[v];
			tui_put(c_y, nx, name_w, pc->value_names[v], rr->under ? R_FAIL : R_NORMAL, false);
			bool few = rr->count == 1 || rr->count == 2;
			if (few)
				snprintf(buf, sizeof buf, "%s", "1–2");
			else
				snprintf(buf, sizeof buf, "%zu", rr->count);
			tui_put(c_y, cx, count_w, buf, R_TOTAL, true);
			if (!few) {
				bl_share_format(rr->share, t->info.lang, pct, sizeof pct);
				tui_put(c_y, sx, share_w, pct, R_NORMAL, true);
			}
			bl_share_format(rr->target, t->info.lang, pct, sizeof pct);
			tui_put(c_y, tx, target_w, pct, R_DIM, true);
			if (rr->under)
				tui_put(c_y, fx, 1, "▼", R_FAIL, false);
		}
		if (pc->not_stated && c_y < bottom) {
			tui_put(c_y, nx, name_w, _("not stated"), R_DIM, false);
			snprintf(buf, sizeof buf, "%zu", pc->not_stated);
			tui_put(c_y, cx, count_w, buf, R_DIM, true);
			c_y++;
		}
		shown++;
		if (gap)
			c_y++;
	}
	pl->shown = shown;
	if (small)
		tui_put(bottom, 2, shown < (int)pl->n_cats ? W - 34 : W - 4,
			_("1–2: a group this small is not shown exactly, so no one can be singled out."), R_DIM, false);
	if (shown < (int)pl->n_cats)
		tui_put(small ? bottom : bottom - 1, W - 30, 29, _("… more on a larger screen"), R_DIM, true);
}

void present_lab_draw(tui *t, present_lab *pl, int top, int rows, int W)
{
	if (pl->kind == BL_SPOT_RESULTS)
		draw_results(t, pl, top, rows, W);
	else
		draw_repr(t, pl, top, rows, W);
}

void present_lab_dump(tui *t, const present_lab *pl, FILE *f)
{
	(void)t;
	fprintf(f, "present.lab=%" PRId64 "\n", pl->lab);
	fprintf(f, "present.lab.shown=%d\n", pl->shown);
	if (pl->kind == BL_SPOT_RESULTS) {
		const vote_results *r = &pl->res;
		fprintf(f, "present.results.ballots=%zu\npresent.results.scale=%d\n", r->n_ballots, pl->scale);
		for (int k = 0; k < r->n_rules; k++) {
			fprintf(f, "present.results.rule.%d=%s\n", k + 1, bl_rule_name(r->rules[k]));
			fprintf(f, "present.results.selected.%d=", k + 1);
			for (size_t j = 0; r->ok[k] && j < r->res[k].n_selected; j++)
				fprintf(f, "%s%" PRId64, j ? "," : "", r->ideas[r->res[k].selected[j]].number);
			fprintf(f, "\npresent.results.spent.%d=%" PRId64 "\n", k + 1, r->ok[k] ? r->res[k].spent : 0);
			fprintf(f, "present.results.left.%d=%" PRId64 "\n", k + 1, r->ok[k] ? vote_results_left(r, k) : 0);
		}
		fprintf(f, "present.results.scores=");
		for (size_t i = 0; i < r->n_ideas; i++)
			fprintf(f, "%s%" PRId64 ":%" PRId64, i ? "," : "", r->ideas[i].number, r->ideas[i].score);
		fprintf(f, "\n");
		return;
	}
	fprintf(f, "present.repr.total=%zu\n", pl->total);
	for (size_t c = 0; c < pl->n_cats; c++) {
		const present_repr_cat *pc = &pl->cats[c];
		const bl_category *cat = &t->def->lab.categories[c];
		fprintf(f, "present.repr.%s=", cat->key);
		for (size_t v = 0; v < pc->n_values; v++)
			fprintf(f, "%s%s:%zu:%u%s", v ? "," : "", cat->values[v].key, pc->rows[v].count,
				(unsigned)pc->rows[v].share, pc->rows[v].under ? ":under" : "");
		fprintf(f, "\n");
	}
}
