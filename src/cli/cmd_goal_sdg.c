/* cmd_goal_sdg.c: goals and the SDGs: `goal sdg|indicator|measure|show`
 * and `bridge` (which lines serve which goals and SDGs, and the money
 * behind them). */
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

#define TEXT_MAX 2000

static int goal_id_arg(const char *cmd, const char *arg, int64_t *id)
{
	return bl_opt_number(cmd, "GOAL", arg, id);
}

static int load_sdgs(bl_sdg_set *set)
{
	bl_err err = { { 0 } };
	if (bl_sdg_load(NULL, set, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	return 0;
}

/* goal sdg DB GOAL TARGET... | --none */
static int goal_sdg(int argc, char **argv)
{
	if (argc < 5)
		return bl_usage("goal sdg", _("expected: goal sdg DB GOAL TARGET... (or --none)"));
	int64_t id;
	if (goal_id_arg("goal sdg", argv[3], &id))
		return BL_EXIT_USAGE;
	bool none = argc == 5 && strcmp(argv[4], "--none") == 0;
	for (int i = 4; !none && i < argc; i++)
		if (argv[i][0] == '-')
			return bl_usage("goal sdg", _("unknown option '%s'"), argv[i]);
	bl_sdg_set sdg;
	int rc = load_sdgs(&sdg);
	if (rc)
		return rc;
	bl_app app;
	if ((rc = bl_app_open(&app, argv[2], false)) != 0) {
		bl_sdg_set_free(&sdg);
		return rc;
	}
	bl_err err = { { 0 } };
	size_t n = none ? 0 : (size_t)(argc - 4);
	char **before = NULL, **after = NULL;
	size_t nb = 0, na = 0;
	if (bl_store_goal_targets(app.store, id, &before, &nb, &err) != 0 ||
	    bl_store_goal_targets_set(app.store, id, (const char *const *)argv + 4, n, &sdg, &err) ||
	    bl_store_goal_targets(app.store, id, &after, &na, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		/* The list replaces the one there was: say both. */
		if (na)
			printf(_("Goal %" PRId64 " serves SDG targets:"), id);
		else
			printf(_("Goal %" PRId64 " names no SDG target now"), id);
		for (size_t i = 0; i < na; i++)
			printf("%s%s", i ? ", " : " ", after[i]);
		bool same = nb == na;
		for (size_t i = 0; same && i < na; i++)
			same = strcmp(before[i], after[i]) == 0;
		if (same)
			printf("%s", _(" (unchanged)"));
		else if (nb) {
			printf("%s", _(" (before: "));
			for (size_t i = 0; i < nb; i++)
				printf("%s%s", i ? ", " : "", before[i]);
			printf(")");
		}
		printf(".\n");
	}
	bl_strings_free(before, nb);
	bl_strings_free(after, na);
	bl_app_close(&app);
	bl_sdg_set_free(&sdg);
	return rc;
}

/* goal indicator DB GOAL --indicator T --baseline V --baseline-year Y
 *                [--unit U] [--target V --target-year Y] | --remove */
static int goal_indicator(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "indicator", required_argument, NULL, 'i' },
		{ "unit", required_argument, NULL, 'u' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "baseline-year", required_argument, NULL, 'B' },
		{ "target", required_argument, NULL, 't' },
		{ "target-year", required_argument, NULL, 'T' },
		{ "remove", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = "goal indicator";
	if (argc < 4)
		return bl_usage(cmd, _("expected: goal indicator DB GOAL --indicator TEXT --baseline"
				       " VALUE --baseline-year YEAR"));
	int64_t id;
	if (goal_id_arg(cmd, argv[3], &id))
		return BL_EXIT_USAGE;
	bl_goal_indicator ind = { 0 };
	bool remove = false;
	long y;
	char base_buf[32], target_buf[32];
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (bl_opt_text(cmd, "--indicator", optarg, TEXT_MAX, false))
				return BL_EXIT_USAGE;
			ind.indicator = optarg;
			break;
		case 'u':
			if (bl_opt_text(cmd, "--unit", optarg, 40, false))
				return BL_EXIT_USAGE;
			ind.unit = optarg;
			break;
		case 'b':
		case 't':
			if (!bl_decimal_normal(optarg, c == 'b' ? base_buf : target_buf, sizeof base_buf))
				return bl_usage(cmd, _("%s '%s' is not a number; expected e.g. 42, -3.5 or"
						       " 3,5"),
						c == 'b' ? "--baseline" : "--target", optarg);
			if (c == 'b')
				ind.baseline = base_buf;
			else
				ind.target = target_buf;
			break;
		case 'B':
		case 'T':
			if (bl_opt_int(cmd, c == 'B' ? "--baseline-year" : "--target-year", optarg, 1900,
				       2199, &y))
				return BL_EXIT_USAGE;
			if (c == 'B')
				ind.baseline_year = (int)y;
			else
				ind.target_year = (int)y;
			break;
		case 'r':
			remove = true;
			break;
		default:
			return bl_opt_error(cmd, c, argv + 3, longopts);
		}
	}
	if (optind != argc - 3)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[3 + optind]);
	if (!remove && (!ind.indicator || !ind.baseline || !ind.baseline_year))
		return bl_usage(cmd, _("--indicator, --baseline and --baseline-year are required (or"
				       " --remove)"));
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_goal_measure *m = NULL;
	size_t nm = 0;
	if (remove && bl_store_goal_measures(app.store, id, &m, &nm, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else if (bl_store_goal_indicator_set(app.store, id, remove ? NULL : &ind, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else if (remove) {
		if (nm)
			printf(ngettext("Goal %" PRId64 " has no indicator now; its %zu measurement went"
					" with it (the journal keeps it).\n",
					"Goal %" PRId64 " has no indicator now; its %zu measurements"
					" went with it (the journal keeps them).\n",
					(unsigned long)nm),
			       id, nm);
		else
			printf(_("Goal %" PRId64 " has no indicator now.\n"), id);
	} else {
		printf(_("Goal %" PRId64 ": %s, baseline %s%s%s in %d"), id, ind.indicator, ind.baseline,
		       ind.unit ? " " : "", ind.unit ? ind.unit : "", ind.baseline_year);
		if (ind.target)
			printf(_(", target %s%s%s by %d"), ind.target, ind.unit ? " " : "",
			       ind.unit ? ind.unit : "", ind.target_year);
		printf(".\n");
	}
	bl_goal_measures_free(m, nm);
	bl_app_close(&app);
	return rc;
}

/* goal measure DB GOAL DATE VALUE [--note TEXT] */
static int goal_measure(int argc, char **argv)
{
	const char *cmd = "goal measure";
	const char *note = NULL;
	if (argc == 8 && strcmp(argv[6], "--note") == 0) {
		if (bl_opt_text(cmd, "--note", argv[7], TEXT_MAX, true))
			return BL_EXIT_USAGE;
		note = argv[7];
	} else if (argc != 6) {
		return bl_usage(cmd, _("expected: goal measure DB GOAL YYYY-MM-DD VALUE [--note TEXT]"));
	}
	int64_t id;
	if (goal_id_arg(cmd, argv[3], &id))
		return BL_EXIT_USAGE;
	bl_date d;
	bl_err err = { { 0 } };
	if (bl_date_parse(argv[4], &d, &err) != 0)
		return bl_usage(cmd, "%s", err.msg);
	char value[32];
	if (!bl_decimal_normal(argv[5], value, sizeof value))
		return bl_fail(BL_EXIT_REFUSED, _("goal %" PRId64 ": the measurement '%s' is not a"
						  " number; expected e.g. 47, 12.5 or 12,5"),
			       id, argv[5]);
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	bl_goal_measure *m = NULL;
	size_t nm = 0;
	bl_goal_indicator ind;
	int has = bl_store_goal_indicator_get(app.store, id, &ind, &err);
	const char *replaced = NULL;
	if (has >= 0 && bl_store_goal_measures(app.store, id, &m, &nm, &err) == 0)
		for (size_t i = 0; i < nm; i++)
			if (m[i].measured == d)
				replaced = m[i].value;
	if (has < 0 || bl_store_goal_measure_set(app.store, id, d, value, note, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		printf(_("Goal %" PRId64 ": measured %s on %s"), id, value, argv[4]);
		if (replaced)
			printf(_(", replacing the %s measured that day"), replaced);
		printf(".\n");
		int y, mo, da;
		bl_date_to_ymd(d, &y, &mo, &da);
		if (has == 1 && y < ind.baseline_year)
			printf(_("Note: that is before the baseline year %d.\n"), ind.baseline_year);
		if (d > bl_date_today())
			printf("%s\n", _("Note: that date is in the future."));
	}
	if (has == 1)
		bl_goal_indicator_clear(&ind);
	bl_goal_measures_free(m, nm);
	bl_app_close(&app);
	return rc;
}

/* goal show DB GOAL */
/* `goal status DB GOAL draft|discussed|agreed`: goals before economy. */
static int goal_status(int argc, char **argv)
{
	const char *cmd = "goal status";
	if (argc != 5)
		return bl_usage(cmd, _("expected: goal status DB GOAL draft|discussed|agreed"));
	int64_t id;
	if (goal_id_arg(cmd, argv[3], &id))
		return BL_EXIT_USAGE;
	bl_goal_status st;
	if (bl_goal_status_from_key(argv[4], &st) != 0)
		return bl_usage(cmd, _("'%s' is not a goal's status; expected draft, discussed or"
				       " agreed"), argv[4]);
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_goal_status_set(app.store, id, st, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("Goal %" PRId64 " is %s.\n"), id, bl_goal_status_key(st));
	bl_app_close(&app);
	return rc;
}

static int goal_show(int argc, char **argv)
{
	if (argc != 4)
		return bl_usage("goal show", _("expected: goal show DB GOAL"));
	int64_t id;
	if (goal_id_arg("goal show", argv[3], &id))
		return BL_EXIT_USAGE;
	bl_sdg_set sdg;
	int rc = load_sdgs(&sdg);
	if (rc)
		return rc;
	bl_app app;
	if ((rc = bl_app_open(&app, argv[2], true)) != 0) {
		bl_sdg_set_free(&sdg);
		return rc;
	}
	bl_err err = { { 0 } };
	bl_goal *g = NULL;
	size_t ng = 0;
	char **targets = NULL;
	size_t nt = 0;
	bl_goal_measure *m = NULL;
	size_t nm = 0;
	bl_goal_indicator ind = { 0 };
	const bl_goal *goal = NULL;
	if (bl_store_goals(app.store, &g, &ng, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	for (size_t i = 0; i < ng; i++)
		if (g[i].id == id)
			goal = &g[i];
	if (!goal) {
		rc = bl_fail(BL_EXIT_REFUSED, _("there is no goal %" PRId64), id);
		goto out;
	}
	int has;
	if (bl_store_goal_targets(app.store, id, &targets, &nt, &err) != 0 ||
	    (has = bl_store_goal_indicator_get(app.store, id, &ind, &err)) < 0 ||
	    bl_store_goal_measures(app.store, id, &m, &nm, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	printf(_("Goal %" PRId64 ": %s\n"), goal->id, goal->title);
	printf(_("Status: %s\n"), bl_goal_status_key(goal->status));
	if (goal->description)
		bl_print_wrapped(stdout, goal->description, 2, bl_term_width());
	printf("%s", _("SDG targets:"));
	if (!nt)
		printf(" %s", _("none"));
	printf("\n");
	for (size_t i = 0; i < nt; i++) {
		bl_err e2 = { { 0 } };
		const bl_sdg_target *t = bl_sdg_target_find(&sdg, targets[i], &e2);
		printf("  %-6s %s\n", targets[i], t ? t->title : e2.msg);
	}
	if (has) {
		printf(_("Indicator: %s%s%s%s\n"), ind.indicator, ind.unit ? " (" : "",
		       ind.unit ? ind.unit : "", ind.unit ? ")" : "");
		printf(_("  baseline %s (%d)"), ind.baseline, ind.baseline_year);
		if (ind.target)
			printf(_(" -> target %s (%d)"), ind.target, ind.target_year);
		if (nm) {
			char d[11];
			bl_date_format(m[nm - 1].measured, d);
			printf(_(" -> latest %s (%s)"), m[nm - 1].value, d);
		}
		printf("\n");
		for (size_t i = 0; i < nm; i++) {
			char d[11];
			bl_date_format(m[i].measured, d);
			printf("  %s  %s%s%s\n", d, m[i].value, m[i].note ? "  " : "",
			       m[i].note ? m[i].note : "");
		}
	} else {
		printf("%s\n", _("Indicator: none yet"));
	}
out:
	bl_goal_indicator_clear(&ind);
	bl_goal_measures_free(m, nm);
	bl_strings_free(targets, nt);
	bl_goals_free(g, ng);
	bl_app_close(&app);
	bl_sdg_set_free(&sdg);
	return rc;
}

int bl_goal_sdg_command(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "sdg") == 0)
		return goal_sdg(argc, argv);
	if (strcmp(sub, "indicator") == 0)
		return goal_indicator(argc, argv);
	if (strcmp(sub, "measure") == 0)
		return goal_measure(argc, argv);
	if (strcmp(sub, "show") == 0)
		return goal_show(argc, argv);
	if (strcmp(sub, "status") == 0)
		return goal_status(argc, argv);
	return -1;
}

/* ---- bridge ---- */

static void row(const bl_app *app, const char *label, int label_w, const bl_line_sum *m,
		bl_unit unit)
{
	bl_cell(stdout, label, label_w, false);
	char n[24];
	snprintf(n, sizeof n, "%" PRId64, m->n_lines);
	printf("  %6s", n);
	for (int y = 0; y < app->info.n_years; y++) {
		char a[BL_MONEY_BUFSZ];
		bl_fmt_amount(app, m->expense[y], unit, a, sizeof a);
		printf("  %14s", a);
	}
	printf("\n");
}

int bl_cmd_bridge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL;
	bl_unit unit = BL_UNIT_THOUSANDS;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (bl_opt_version("bridge", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'u':
			if (bl_opt_unit("bridge", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s bridge DB [--version V] [--unit kr|t|mio]\n"
				 "The bridge from strategy to money: per goal the lines that serve it and\n"
				 "their expenses per year; per SDG the same for the goals that name its\n"
				 "targets (each line once); the lines that serve no goal; and the goals\n"
				 "that no line serves.  A line serving two goals counts under both.\n"),
			       bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("bridge", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("bridge", _("expected one database file"));
	bl_sdg_set sdg;
	int rc = load_sdgs(&sdg);
	if (rc)
		return rc;
	bl_app app;
	if ((rc = bl_app_open(&app, argv[optind], true)) != 0) {
		bl_sdg_set_free(&sdg);
		return rc;
	}
	if (!version && bl_cli_working_version(&app, &version) != 0) {
		bl_app_close(&app);
		bl_sdg_set_free(&sdg);
		return BL_EXIT_FILE;
	}
	bl_err err = { { 0 } };
	bl_bridge b;
	bl_goal *g = NULL;
	size_t ng = 0;
	if (bl_store_bridge(app.store, version, &b, &err) != 0 ||
	    bl_store_goals(app.store, &g, &ng, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	printf(_("%s version, expenses in %s\n"), version, bl_unit_label(unit, app.info.lang));
	const int lw = 40;
	bl_cell(stdout, _("Goal"), lw, false);
	printf("  %6s", _("lines"));
	for (int y = 0; y < app.info.n_years; y++)
		printf("  %14d", app.info.budget_year + y);
	printf("\n");
	size_t unserved_goals = 0;
	for (size_t i = 0; i < b.n_goals; i++) {
		char label[300];
		snprintf(label, sizeof label, "%" PRId64 ". %s", g[i].id, g[i].title);
		row(&app, label, lw, &b.goal[i], unit);
		unserved_goals += b.goal[i].n_lines == 0;
	}
	bool any_sdg = false;
	for (int s = 0; s < BL_SDG_GOALS; s++) {
		if (!b.sdg[s].n_lines)
			continue;
		if (!any_sdg)
			printf("\n%s\n", _("Per SDG (lines of the goals that name its targets):"));
		any_sdg = true;
		char label[200];
		snprintf(label, sizeof label, "%d %s", s + 1,
			 bl_sdg_goal_get(&sdg, s + 1)->name[app.info.lang]);
		row(&app, label, lw, &b.sdg[s], unit);
	}
	printf("\n");
	row(&app, _("Lines that serve no goal"), lw, &b.unserved, unit);
	row(&app, _("The whole budget"), lw, &b.all, unit);
	if (unserved_goals) {
		printf("\n%s\n", _("Goals no line serves:"));
		for (size_t i = 0; i < b.n_goals; i++)
			if (!b.goal[i].n_lines)
				printf("  %" PRId64 ". %s\n", g[i].id, g[i].title);
	}
	bl_bridge_free(&b);
out:
	bl_goals_free(g, ng);
	bl_app_close(&app);
	bl_sdg_set_free(&sdg);
	return rc;
}
