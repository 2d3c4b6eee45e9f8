/* cmd_sdg_matrix.c: the SDGs the municipality chose as its frame, in
 * Asker's form: `sdg choose|drop DB N` and `sdg matrix DB` -- for each
 * chosen SDG its local significance, the targets its goals name, the
 * opportunities and challenges, the goals and the money behind them. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/sdg_file.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/goal_store.h"

static int sdg_number(const char *cmd, const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 1 || v > BL_SDG_GOALS)
		return bl_usage(cmd, _("'%s' is not an SDG; expected a number from 1 to %d"), arg,
				BL_SDG_GOALS);
	*out = (int)v;
	return 0;
}

static int sdg_choose(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "significance", required_argument, NULL, 's' },
		{ "opportunities", required_argument, NULL, 'o' },
		{ "challenges", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = "sdg choose";
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s sdg choose DB N [--significance TEXT] [--opportunities TEXT]\n"
			 "                [--challenges TEXT]\n"
			 "Choose SDG N as part of the municipality's frame, with what it means\n"
			 "locally, the opportunities and the challenges (Asker's form).  Given\n"
			 "again, it changes what is given (\"\" clears a text) and keeps the rest.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 3)
		return bl_usage(cmd, _("expected: sdg choose DB N [--significance TEXT] ..."));
	bl_sdg_choice c = { 0 };
	if (sdg_number(cmd, argv[2], &c.sdg))
		return BL_EXIT_USAGE;
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc - 2, argv + 2, ":", longopts, NULL)) != -1) {
		const char *opt = ch == 's' ? "--significance" : ch == 'o' ? "--opportunities"
							   : "--challenges";
		if (ch != 's' && ch != 'o' && ch != 'c')
			return bl_opt_error(cmd, ch, argv + 2, longopts);
		/* "" clears the text; anything else is checked as text. */
		if (optarg[0] && bl_opt_text(cmd, opt, optarg, 4000, true))
			return BL_EXIT_USAGE;
		*(ch == 's' ? &c.significance : ch == 'o' ? &c.opportunities : &c.challenges) = optarg;
	}
	if (optind != argc - 2)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[2 + optind]);
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_sdg_choose(app.store, &c, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("SDG %d is among the chosen ones.\n"), c.sdg);
	bl_app_close(&app);
	return rc;
}

static int sdg_drop(int argc, char **argv)
{
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s sdg drop DB N\n"
			 "SDG N is no longer part of the municipality's frame (what was said of it\n"
			 "stays in the journal).\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 3)
		return bl_usage("sdg drop", _("expected: sdg drop DB N"));
	int n;
	if (sdg_number("sdg drop", argv[2], &n))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_sdg_drop(app.store, n, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("SDG %d was dropped.\n"), n);
	bl_app_close(&app);
	return rc;
}

/* One section of the matrix, as text or as Markdown. */
static void field(bool md, const char *label, const char *text, int width)
{
	if (md) {
		printf("**%s:** %s\n\n", label, text ? text : _("(not written yet)"));
		return;
	}
	char first[64];
	snprintf(first, sizeof first, "  %s: ", label);
	bl_print_hanging(stdout, first, text ? text : _("(not written yet)"), 4, width);
}

static int sdg_matrix(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "unit", required_argument, NULL, 'u' },
		{ "markdown", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = "sdg matrix";
	if (bl_wants_help(argc, argv, 2)) {
		printf(_("Usage: %s sdg matrix DB [--version V] [--unit U] [--markdown]\n"
			 "The SDG matrix in Asker's form: for each SDG the municipality chose, its\n"
			 "local significance, the targets its goals name, the opportunities and\n"
			 "challenges, the goals that serve it and the money of their lines per year\n"
			 "(the working version unless --version).  --markdown writes it for a\n"
			 "document.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 2)
		return bl_usage(cmd, _("expected: sdg matrix DB"));
	const char *version = NULL;
	bl_unit unit = BL_UNIT_THOUSANDS;
	bool md = false;
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc - 1, argv + 1, ":", longopts, NULL)) != -1) {
		if (ch == 'v') {
			if (bl_opt_version(cmd, optarg, &version))
				return BL_EXIT_USAGE;
		} else if (ch == 'u') {
			if (bl_opt_unit(cmd, optarg, &unit))
				return BL_EXIT_USAGE;
		} else if (ch == 'm') {
			md = true;
		} else {
			return bl_opt_error(cmd, ch, argv + 1, longopts);
		}
	}
	if (optind != argc - 1)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[1 + optind]);
	bl_sdg_set sdg;
	bl_err err = { { 0 } };
	if (bl_sdg_load(NULL, &sdg, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc) {
		bl_sdg_set_free(&sdg);
		return rc;
	}
	bl_sdg_choice *ch_v = NULL;
	size_t n_ch = 0;
	bl_goal *g = NULL;
	size_t ng = 0;
	bl_bridge br = { 0 };
	char ***targets = NULL;
	size_t *nt = NULL;
	if ((!version && bl_cli_working_version(&app, &version) != 0)) {
		rc = BL_EXIT_REFUSED;
		goto out;
	}
	if (bl_store_sdg_choices(app.store, &ch_v, &n_ch, &err) != 0 ||
	    bl_store_goals(app.store, &g, &ng, &err) != 0 ||
	    bl_store_bridge(app.store, version, &br, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	targets = ng ? calloc(ng, sizeof *targets) : NULL;
	nt = ng ? calloc(ng, sizeof *nt) : NULL;
	if (ng && (!targets || !nt)) {
		rc = bl_fail(BL_EXIT_REFUSED, _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < ng; i++)
		if (bl_store_goal_targets(app.store, g[i].id, &targets[i], &nt[i], &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
	bl_lang lang = app.info.lang;
	int width = bl_term_width();
	if (md)
		printf(_("# The SDG matrix: %s\n\n%s version, amounts in %s.\n\n"),
		       app.info.municipality, version, bl_unit_label(unit, lang));
	else
		printf(_("The SDG matrix of %s (%s version, amounts in %s)\n"), app.info.municipality,
		       version, bl_unit_label(unit, lang));
	if (n_ch == 0)
		printf(_("\nNo SDG is chosen yet (`%s sdg choose --help`).\n"), bl_progname);
	for (size_t c = 0; c < n_ch; c++) {
		int k = ch_v[c].sdg;
		const bl_sdg_goal *goal = bl_sdg_goal_get(&sdg, k);
		const char *name = goal ? goal->name[lang] : "?";
		if (md)
			printf("## %d. %s\n\n", k, name);
		else
			printf("\n%d. %s\n", k, name);
		field(md, _("Local significance"), ch_v[c].significance, width);
		/* The targets the goals name, each once, in SDG order. */
		char list[1024] = "";
		size_t nlist = 0;
		for (size_t t = 0; t < sdg.n_targets; t++) {
			const bl_sdg_target *tg = &sdg.target[t];
			if (tg->goal != k)
				continue;
			bool used = false;
			for (size_t i = 0; i < ng && !used; i++)
				for (size_t j = 0; j < nt[i] && !used; j++)
					used = strcmp(targets[i][j], tg->code) == 0;
			if (!used)
				continue;
			size_t len = strlen(list);
			snprintf(list + len, sizeof list - len, "%s%s %s", nlist ? "; " : "", tg->code,
				 tg->title);
			nlist++;
		}
		field(md, _("Targets"), nlist ? list : _("none named by a goal yet"), width);
		field(md, _("Opportunities"), ch_v[c].opportunities, width);
		field(md, _("Challenges"), ch_v[c].challenges, width);
		/* The goals that name one of its targets. */
		if (md)
			printf("**%s:**\n\n", _("Goals"));
		else
			printf("  %s:\n", _("Goals"));
		size_t n_goals = 0;
		for (size_t i = 0; i < ng; i++) {
			bool serves = false;
			for (size_t j = 0; j < nt[i] && !serves; j++)
				serves = atoi(targets[i][j]) == k;
			if (!serves)
				continue;
			n_goals++;
			if (md)
				printf("- %" PRId64 ". %s (%s)\n", g[i].id, g[i].title,
				       bl_goal_status_key(g[i].status));
			else
				printf("    %" PRId64 ". %s (%s)\n", g[i].id, g[i].title,
				       bl_goal_status_key(g[i].status));
		}
		if (!n_goals)
			printf(md ? "- %s\n" : "    %s\n", _("no goal names one of its targets yet"));
		if (md)
			printf("\n");
		/* The money of the lines serving those goals, each line once. */
		const bl_line_sum *m = &br.sdg[k - 1];
		if (md) {
			printf("| %s |", _("Year"));
			for (int y = 0; y < br.n_years; y++)
				printf(" %d |", app.info.budget_year + y);
			printf("\n|---|");
			for (int y = 0; y < br.n_years; y++)
				printf("---:|");
			printf("\n| %s (%s) |", _("Expenses"), bl_unit_label(unit, lang));
		} else {
			printf(ngettext("  Expenses (%" PRId64 " line):", "  Expenses (%" PRId64 " lines):",
					(unsigned long)m->n_lines),
			       m->n_lines);
		}
		for (int y = 0; y < br.n_years; y++) {
			char a[BL_MONEY_BUFSZ];
			bl_fmt_amount(&app, m->expense[y], unit, a, sizeof a);
			if (md)
				printf(" %s |", a);
			else
				printf("  %d %s", app.info.budget_year + y, a);
		}
		printf("\n");
		if (md)
			printf("\n");
	}
out:
	for (size_t i = 0; targets && i < ng; i++)
		bl_strings_free(targets[i], nt[i]);
	free(targets);
	free(nt);
	bl_bridge_free(&br);
	bl_goals_free(g, ng);
	bl_sdg_choices_free(ch_v, n_ch);
	bl_sdg_set_free(&sdg);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_sdg(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "choose") == 0)
		return sdg_choose(argc - 1, argv + 1);
	if (strcmp(sub, "drop") == 0)
		return sdg_drop(argc - 1, argv + 1);
	if (strcmp(sub, "matrix") == 0)
		return sdg_matrix(argc - 1, argv + 1);
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		printf(_("Usage: %s sdg choose|drop|matrix DB ...\n"
			 "The SDGs the municipality chose as its frame, and the SDG matrix\n"
			 "(Asker's form).  `%s sdg choose --help` and the others say more;\n"
			 "`%s sdgs` lists the 17 goals.\n"), bl_progname, bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	return bl_usage("sdg", _("expected choose, drop or matrix, not '%s'"), sub);
}
