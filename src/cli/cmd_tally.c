/* cmd_tally.c: the winner rules from the command line: `tally` (the
 * selected project ids, one per line, of a .pb file or a lab) and
 * `results` (a lab's outcome for people: votes, winners, money used and
 * left, two rules side by side, how Equal Shares shared each cost). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/lab_cli.h"
#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/rules.h"
#include "core/text.h"
#include "store/lab_store.h"

/* The lab's rule and tie-break: the lab's own, else the process's, else
 * greedy_cost and id. */
static void lab_defaults(const bl_app *app, const bl_lab *l, const char **rule, const char **tie)
{
	if (!*rule)
		*rule = l->rule ? l->rule : app->def->lab.rule ? app->def->lab.rule : "greedy_cost";
	if (!*tie)
		*tie = l->tie_break ? l->tie_break
		       : app->def->lab.tie_break ? app->def->lab.tie_break : "id";
}

int bl_cmd_tally(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rule", required_argument, NULL, 'r' },
		{ "tie-break", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_help_asked(argc, argv, argc)) {
		printf(_("Usage: %s tally --rule RULE [--tie-break T] FILE.pb\n"
			 "       %s tally [--rule RULE] [--tie-break T] DB LAB\n"
			 "The projects a winner rule selects, one id per line, in the order the\n"
			 "rule selects them.  RULE is one of greedy_cost, greedy_cost_noskip,\n"
			 "greedy_card, phragmen, mes_cost, mes_card and their _greedy, _add1 and\n"
			 "_add1_greedy completions (see budgetlab(1)); T is id (pabutools' order,\n"
			 "the default), id-number, cheaper or votes.  A lab's ids are its ideas'\n"
			 "numbers (or, for a lab imported from a .pb file, the file's ids); a lab's\n"
			 "rule and tie-break default to its own, then the process's.\n"),
		       bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	const char *rule_name = NULL, *tie_name = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': rule_name = optarg; break;
		case 't': tie_name = optarg; break;
		default:
			return bl_opt_error("tally", c, argv, longopts);
		}
	}
	int npos = argc - optind;
	if (npos != 1 && npos != 2)
		return bl_usage("tally", _("expected a .pb file, or a database and a lab"));
	bl_rule rule;
	bl_rule_opts opts = { 0 };
	if (rule_name && bl_opt_rule("tally", rule_name, &rule))
		return BL_EXIT_USAGE;
	if (tie_name && bl_opt_tie("tally", tie_name, &opts.tie))
		return BL_EXIT_USAGE;
	bl_err err = { { 0 } };
	bl_pb pb;
	bl_app app = { 0 };
	bool have_app = false;
	if (npos == 1) {
		if (!rule_name)
			return bl_usage("tally", _("--rule is required for a .pb file"));
		if (bl_pb_read_file(argv[optind], &pb, &err) != 0)
			return bl_fail_err(BL_EXIT_FILE, &err);
		for (size_t i = 0; i < pb.n_warnings; i++)
			fprintf(stderr, _("%s: warning: %s\n"), bl_progname, pb.warnings[i]);
	} else {
		int64_t lab;
		if (bl_opt_lab("tally", argv[optind + 1], &lab))
			return BL_EXIT_USAGE;
		int rc = bl_app_open(&app, argv[optind], true);
		if (rc)
			return rc;
		have_app = true;
		bl_lab l;
		if (bl_store_lab_get(app.store, lab, &l, &err) != 0 ||
		    bl_store_lab_election(app.store, lab, &pb, NULL, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			bl_app_close(&app);
			return rc;
		}
		lab_defaults(&app, &l, &rule_name, &tie_name);
		/* Before the lab is cleared: the names may be its strings. */
		bool known = (rule_name == NULL || bl_rule_from_name(rule_name, &rule) == 0) &&
			     bl_tie_from_name(tie_name, &opts.tie) == 0;
		if (!known) {
			rc = bl_fail(BL_EXIT_REFUSED, _("the lab's rule '%s' or tie-break '%s' is"
							" unknown"), rule_name, tie_name);
			bl_lab_clear(&l);
			bl_pb_free(&pb);
			bl_app_close(&app);
			return rc;
		}
		bl_lab_clear(&l);
	}
	bl_rule_result res;
	int rc = BL_EXIT_OK;
	if (bl_rule_run_opts(&pb, rule, &opts, &res, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_REFUSED, &err);
	} else {
		for (size_t i = 0; i < res.n_selected; i++)
			printf("%s\n", pb.projects[res.selected[i]].id);
		bl_rule_result_free(&res);
	}
	bl_pb_free(&pb);
	if (have_app)
		bl_app_close(&app);
	return rc;
}

/* ---- results ---- */

/* A bar of width cells for v of max (integers only). */
static void bar(FILE *f, size_t v, size_t max, int width)
{
	int n = max ? (int)((v * (size_t)width + max / 2) / max) : 0;
	if (v && !n)
		n = 1;
	for (int i = 0; i < width; i++)
		fputs(i < n ? "█" : " ", f);
}

static long rank_of(const bl_rule_result *r, size_t p)
{
	for (size_t i = 0; i < r->n_selected; i++)
		if (r->selected[i] == p)
			return (long)i + 1;
	return 0;
}

int bl_cmd_results(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rule", required_argument, NULL, 'r' },
		{ "compare", required_argument, NULL, 'c' },
		{ "tie-break", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_help_asked(argc, argv, argc)) {
		printf(_("Usage: %s results DB LAB [--rule RULE] [--compare RULE2] [--tie-break T]\n"
			 "The lab's outcome: each idea on the ballot with its cost, votes (as a bar)\n"
			 "and whether the rule selects it (and in which order), the money used and\n"
			 "left; with --compare a second rule side by side and the ideas on which they\n"
			 "differ; for Equal Shares, how each winner's cost was shared among its\n"
			 "supporters.  The rule defaults to the lab's, then the process's.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	const char *rule_name = NULL, *cmp_name = NULL, *tie_name = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': rule_name = optarg; break;
		case 'c': cmp_name = optarg; break;
		case 't': tie_name = optarg; break;
		default:
			return bl_opt_error("results", c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		return bl_usage("results", _("expected: results DB LAB"));
	bl_rule rules[2];
	bl_rule_opts opts = { 0 };
	if ((rule_name && bl_opt_rule("results", rule_name, &rules[0])) ||
	    (cmp_name && bl_opt_rule("results", cmp_name, &rules[1])) ||
	    (tie_name && bl_opt_tie("results", tie_name, &opts.tie)))
		return BL_EXIT_USAGE;
	int64_t lab;
	if (bl_opt_lab("results", argv[optind + 1], &lab))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_lab l;
	bl_pb pb;
	int64_t *nums = NULL;
	if (bl_store_lab_get(app.store, lab, &l, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	if (bl_store_lab_election(app.store, lab, &pb, &nums, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_lab_clear(&l);
		bl_app_close(&app);
		return rc;
	}
	lab_defaults(&app, &l, &rule_name, &tie_name);
	if (bl_rule_from_name(rule_name, &rules[0]) != 0 || bl_tie_from_name(tie_name, &opts.tie) != 0) {
		rc = bl_fail(BL_EXIT_REFUSED, _("the lab's rule '%s' or tie-break '%s' is unknown"),
			     rule_name, tie_name);
		goto out0;
	}
	int nr = cmp_name ? 2 : 1;
	bl_rule_result res[2];
	memset(res, 0, sizeof res);
	for (int k = 0; k < nr; k++)
		if (bl_rule_run_opts(&pb, rules[k], &opts, &res[k], &err) != 0) {
			rc = bl_fail_err(BL_EXIT_REFUSED, &err);
			for (int j = 0; j < k; j++)
				bl_rule_result_free(&res[j]);
			goto out0;
		}
	char pool[64], b1[64], b2[64];
	bl_fmt_kr(&app, l.pool, pool, sizeof pool);
	printf(_("Lab %" PRId64 ": %s\n"), lab, l.theme);
	printf(_("Pool %s; %zu ideas on the ballot; %zu ballots (%s); tie-break %s\n\n"), pool,
	       pb.n_projects, pb.n_votes, bl_pb_vote_type_name(pb.vote_type), tie_name);
	/* Columns: number, title, cost, votes, bar, one per rule. */
	bl_money *costs = calloc(pb.n_projects ? pb.n_projects : 1, sizeof *costs);
	size_t maxv = 0;
	int tw = 5;
	for (size_t i = 0; costs && i < pb.n_projects; i++) {
		costs[i] = pb.projects[i].cost;
		if ((size_t)res[0].score[i] > maxv)
			maxv = (size_t)res[0].score[i];
	}
	/* Titles from the ideas. */
	bl_idea *ideas = NULL;
	size_t ni = 0;
	if (bl_store_ideas(app.store, lab, &ideas, &ni, &err) != 0)
		ni = 0;
	const char **titles = calloc(pb.n_projects ? pb.n_projects : 1, sizeof *titles);
	for (size_t i = 0; titles && i < pb.n_projects; i++) {
		titles[i] = pb.projects[i].id;
		for (size_t k = 0; k < ni; k++)
			if (ideas[k].number == nums[i])
				titles[i] = ideas[k].title;
		int w = bl_text_width(titles[i]);
		if (w > tw)
			tw = w;
	}
	if (tw > 32)
		tw = 32;
	int aw = bl_amount_width(&app, costs, pb.n_projects, BL_UNIT_KR, 4);
	const char *score_label = pb.vote_type == BL_VOTE_APPROVAL || pb.vote_type == BL_VOTE_CHOOSE1
				  ? _("votes") : pb.vote_type == BL_VOTE_ORDINAL ? _("Borda")
				  : _("points");
	printf("%4s  ", "#");
	bl_cell(stdout, _("idea"), tw, false);
	printf("  ");
	bl_cell_num(stdout, _("cost"), aw);
	printf("  %7s  %-20s", score_label, "");
	for (int k = 0; k < nr; k++)
		printf("  %-*s", 20, bl_rule_name(rules[k]));
	printf("\n");
	for (size_t i = 0; titles && costs && i < pb.n_projects; i++) {
		char buf[64], t[256];
		bl_fmt_amount(&app, costs[i], BL_UNIT_KR, buf, sizeof buf);
		printf("%4" PRId64 "  ", nums[i]);
		bl_text_fit(titles[i], tw, false, t, sizeof t);
		bl_cell(stdout, t, tw, false);
		printf("  ");
		bl_cell_num(stdout, buf, aw);
		printf("  %7" PRId64 "  ", res[0].score[i]);
		bar(stdout, (size_t)(res[0].score[i] > 0 ? res[0].score[i] : 0), maxv, 20);
		for (int k = 0; k < nr; k++) {
			long r = rank_of(&res[k], i);
			char cell[32];
			if (r)
				snprintf(cell, sizeof cell, _("✔ %ld."), r);
			else
				snprintf(cell, sizeof cell, "-");
			printf("  ");
			bl_cell(stdout, cell, 20, false);
		}
		printf("\n");
	}
	printf("\n");
	for (int k = 0; k < nr; k++) {
		bl_money left = l.pool - res[k].spent;
		bl_fmt_kr(&app, res[k].spent, b1, sizeof b1);
		bl_fmt_kr(&app, left, b2, sizeof b2);
		printf(ngettext("%s: %zu idea selected, %s used, %s left\n",
				"%s: %zu ideas selected, %s used, %s left\n", (unsigned long)res[k].n_selected),
		       bl_rule_name(rules[k]), res[k].n_selected, b1, b2);
	}
	/* Ties that decided something: ideas with the same score of which
	 * the rule took some and not others.  The room must see that the
	 * tie-break, not the votes, told them apart. */
	for (int k = 0; k < nr; k++) {
		/* Only where votes order the ideas: Equal Shares and Phragmén
		 * decide by other numbers than the count. */
		if (rules[k] != BL_RULE_GREEDY_COST && rules[k] != BL_RULE_GREEDY_COST_NOSKIP)
			continue;
		size_t np = pb.n_projects;
		bool *seen = calloc(np ? np : 1, sizeof *seen);
		for (size_t i = 0; seen && i < np; i++) {
			if (seen[i])
				continue;
			size_t n_in = 0, n_out = 0, n = 0;
			for (size_t j = i; j < np; j++)
				if (res[k].score[j] == res[k].score[i]) {
					n++;
					if (rank_of(&res[k], j))
						n_in++;
					else
						n_out++;
				}
			if (n < 2 || !n_in || !n_out) {
				for (size_t j = i; j < np; j++)
					if (res[k].score[j] == res[k].score[i])
						seen[j] = true;
				continue;
			}
			printf(_("%s: a tie: ideas"), bl_rule_name(rules[k]));
			for (size_t j = i; j < np; j++)
				if (res[k].score[j] == res[k].score[i]) {
					seen[j] = true;
					printf(" %" PRId64 "%s", nums[j], rank_of(&res[k], j) ? "✔" : "");
				}
			printf(ngettext(" have %" PRId64 " vote each; the tie-break (%s) put them in order (✔ selected)\n",
					" have %" PRId64 " votes each; the tie-break (%s) put them in order (✔ selected)\n",
					(unsigned long)res[k].score[i]),
			       res[k].score[i], tie_name);
		}
		free(seen);
	}
	if (nr == 2) {
		size_t diff = 0;
		for (size_t i = 0; i < pb.n_projects; i++) {
			bool a = rank_of(&res[0], i), b = rank_of(&res[1], i);
			if (a == b)
				continue;
			if (!diff++)
				printf(_("\nWhere they differ:\n"));
			printf(_("  %" PRId64 " %s: only %s\n"), nums[i], titles ? titles[i] : "",
			       bl_rule_name(rules[a ? 0 : 1]));
		}
		if (!diff)
			printf(_("\nBoth rules select the same ideas.\n"));
	}
	for (int k = 0; k < nr; k++) {
		bool any = false, completed = false;
		for (size_t j = 0; j < res[k].n_selected; j++) {
			size_t p = res[k].selected[j];
			if (!res[k].by_mes || !res[k].by_mes[j]) {
				completed = true;
				continue;
			}
			if (!any) {
				bl_fmt_kr(&app, res[k].voter_budget_final, b1, sizeof b1);
				printf(_("\n%s: how each winner's cost was shared (each voter had %s)\n"),
				       bl_rule_name(rules[k]), b1);
				any = true;
			}
			bl_fmt_kr(&app, res[k].share_max[j], b1, sizeof b1);
			bl_fmt_kr(&app, res[k].share_min[j], b2, sizeof b2);
			unsigned long np = (unsigned long)res[k].n_payers[j];
			if (res[k].share_max[j] == res[k].share_min[j])
				printf(ngettext("  %" PRId64 " %s: %zu supporter paid %s\n",
						"  %" PRId64 " %s: %zu supporters paid %s each\n", np),
				       nums[p], titles ? titles[p] : "", res[k].n_payers[j], b1);
			else
				printf(_("  %" PRId64 " %s: %zu supporters paid from %s to %s (those"
					 " with less left paid all they had)\n"), nums[p],
				       titles ? titles[p] : "", res[k].n_payers[j], b2, b1);
		}
		if (any && completed)
			printf(_("  The others were added by the greedy completion for the money left.\n"));
	}
	free(titles);
	free(costs);
	bl_ideas_free(ideas, ni);
	for (int k = 0; k < nr; k++)
		bl_rule_result_free(&res[k]);
out0:
	free(nums);
	bl_pb_free(&pb);
	bl_lab_clear(&l);
	bl_app_close(&app);
	return rc;
}
