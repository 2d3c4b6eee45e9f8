/* results_model.c: a lab's results under its winner rule and a second
 * rule beside it, for the results screen and the projector.
 *
 * Everything comes from bl_store_lab_election and the exact rules of
 * core/rules.c, the same as `budgetlab results`, so the screen, the
 * wall and the command line cannot disagree.  Ideas and ballots are
 * read; participants never are (the projector must not show people). */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/ballots_common.h"

bool vote_rule_is_mes(bl_rule r)
{
	return r >= BL_RULE_MES_COST && r <= BL_RULE_MES_CARD_ADD1_GREEDY;
}

const char *vote_score_label(bl_vote_type vt)
{
	return vt == BL_VOTE_APPROVAL || vt == BL_VOTE_CHOOSE1 ? _("votes")
	       : vt == BL_VOTE_ORDINAL ? _("Borda") : _("points");
}

bl_money vote_results_left(const vote_results *r, int k)
{
	bl_money left = 0;
	if (!bl_money_sub(r->lab.pool, r->res[k].spent, &left))
		left = 0;
	return left;
}

void vote_results_free(vote_results *r)
{
	for (int k = 0; k < 2; k++)
		bl_rule_result_free(&r->res[k]);
	free(r->ideas);
	if (r->have_lab)
		bl_lab_clear(&r->lab);
	memset(r, 0, sizeof *r);
}

void vote_results_load(tui *t, int64_t lab, int rule2, vote_results *r)
{
	bl_err err = { { 0 } };
	vote_results_free(r);
	r->lab_id = lab;
	if (!lab)
		return;
	if (bl_store_lab_get(t->store, lab, &r->lab, &err) != 0) {
		snprintf(r->err, sizeof r->err, "%s", err.msg);
		return;
	}
	r->have_lab = true;
	bl_pb pb;
	int64_t *nums = NULL;
	if (bl_store_lab_election(t->store, lab, &pb, &nums, &err) != 0) {
		snprintf(r->err, sizeof r->err, "%s", err.msg);
		return;
	}
	const char *rule = vote_lab_rule(t, &r->lab);
	r->tie = vote_lab_tie(t, &r->lab);
	bl_rule_opts opts = { 0 };
	if (bl_rule_from_name(rule, &r->rules[0]) != 0 || bl_tie_from_name(r->tie, &opts.tie) != 0) {
		snprintf(r->err, sizeof r->err, _("The lab's rule '%s' or tie-break '%s' is unknown."),
			 rule, r->tie);
		goto out;
	}
	r->n_rules = 1;
	if (rule2 >= 0 && rule2 < BL_RULE_COUNT) {
		r->rules[1] = (bl_rule)rule2;
		r->n_rules = 2;
	}
	r->vote_type = pb.vote_type;
	r->n_ballots = pb.n_votes;
	r->n_ideas = pb.n_projects;
	r->ideas = calloc(pb.n_projects ? pb.n_projects : 1, sizeof *r->ideas);
	if (!r->ideas) {
		snprintf(r->err, sizeof r->err, "%s", _("out of memory"));
		goto out;
	}
	for (int k = 0; k < r->n_rules; k++) {
		bl_err rerr = { { 0 } };
		r->ok[k] = bl_rule_run_opts(&pb, r->rules[k], &opts, &r->res[k], &rerr) == 0;
		if (!r->ok[k])
			snprintf(r->rule_err[k], sizeof r->rule_err[k], "%s", rerr.msg);
	}
	/* The votes come with a rule's result; greedy_cost counts every vote
	 * type, so the bars are there even when both rules refuse it. */
	const int64_t *score = r->ok[0] ? r->res[0].score : r->n_rules > 1 && r->ok[1] ? r->res[1].score : NULL;
	bl_rule_result fallback = { 0 };
	if (!score && bl_rule_run_opts(&pb, BL_RULE_GREEDY_COST, &opts, &fallback, &err) == 0)
		score = fallback.score;
	bl_idea *ideas = NULL;
	size_t ni = 0;
	if (bl_store_ideas(t->store, lab, &ideas, &ni, &err) != 0)
		ni = 0;
	for (size_t i = 0; i < pb.n_projects; i++) {
		vote_idea *v = &r->ideas[i];
		v->number = nums ? nums[i] : (int64_t)i + 1;
		v->cost = pb.projects[i].cost;
		v->score = score ? score[i] : 0;
		if (v->score > r->max_score)
			r->max_score = v->score;
		tui_clean_line(pb.projects[i].id, v->title, sizeof v->title);
		for (size_t k = 0; k < ni; k++)
			if (ideas[k].number == v->number)
				tui_clean_line(ideas[k].title, v->title, sizeof v->title);
		for (int k = 0; k < 2; k++) {
			v->rank[k] = 0;
			v->pick[k] = -1;
			for (size_t j = 0; k < r->n_rules && r->ok[k] && j < r->res[k].n_selected; j++)
				if (r->res[k].selected[j] == i) {
					v->rank[k] = (long)j + 1;
					v->pick[k] = (int)j;
				}
		}
		if (r->n_rules == 2 && r->ok[0] && r->ok[1] && !v->rank[0] != !v->rank[1])
			r->n_differ++;
	}
	bl_ideas_free(ideas, ni);
	bl_rule_result_free(&fallback);
out:
	free(nums);
	bl_pb_free(&pb);
}
