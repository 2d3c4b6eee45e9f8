/* cmd_pools.c: development pools: `pool add|set|show|delete` and
 * `pools`.  Projects and grants are in cmd_projects.c; what both print
 * about a pool (its money per year) is pool_print_money here. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/pool_cli.h"
#include "core/i18n.h"
#include "core/text.h"

int pool_find(bl_app *app, const char *key, bl_pool_rec *p, bl_err *err)
{
	int r = bl_store_pool_get(app->store, key, p, err);
	if (r == 0)
		bl_err_set(err, _("there is no development pool '%s' (`budgetlab pools` lists"
				  " them)"), key);
	return r == 1 ? 0 : -1;
}

void pool_amount(const bl_app *app, bl_money v, char *buf, size_t n)
{
	bl_fmt_amount_in(app, v, BL_UNIT_KR, false, buf, n);
}

int pool_goal_arg(const char *cmd, const char *arg, int64_t **goals, size_t *n)
{
	int64_t id;
	if (bl_opt_number(cmd, "--goal", arg, &id))
		return BL_EXIT_USAGE;
	int64_t *g = realloc(*goals, (*n + 1) * sizeof *g);
	if (!g)
		return bl_fail(BL_EXIT_REFUSED, _("out of memory"));
	g[(*n)++] = id;
	*goals = g;
	return 0;
}

void pool_print_goals(bl_app *app, const int64_t *ids, size_t n)
{
	bl_goal *g = NULL;
	size_t ng = 0;
	bl_err err;
	if (bl_store_goals(app->store, &g, &ng, &err) != 0)
		ng = 0;
	for (size_t i = 0; i < n; i++) {
		const char *title = "";
		for (size_t k = 0; k < ng; k++)
			if (g[k].id == ids[i])
				title = g[k].title;
		printf("  %" PRId64 ". %s\n", ids[i], title);
	}
	bl_goals_free(g, ng);
}

/* The pool's money per year: budget, asked, granted, left. */
int pool_print_money(bl_app *app, const char *key, bl_err *err)
{
	bl_pool_money m;
	if (bl_store_pool_money(app->store, key, &m, err) != 0)
		return -1;
	bl_money col[4][BL_MAX_YEARS + 1];
	bl_money_sum sum[3] = { { 0 } };
	bool fits[3] = { true, true, true };
	for (int i = 0; i < m.n_years; i++) {
		col[0][i] = m.budget[i];
		col[1][i] = m.asked[i];
		col[2][i] = m.granted[i];
		col[3][i] = m.left[i];
		bl_money_sum_add(&sum[0], m.budget[i]);
		bl_money_sum_add(&sum[1], m.asked[i]);
		bl_money_sum_add(&sum[2], m.granted[i]);
	}
	for (int k = 0; k < 3; k++)
		fits[k] = bl_money_sum_get(&sum[k], &col[k][m.n_years]);
	/* Left over the whole period: the last year's with carry-over (it
	 * holds the years before), else the sum. */
	bool carry = m.carry_over, fits_left = true;
	if (carry) {
		col[3][m.n_years] = m.left[m.n_years - 1];
	} else {
		bl_money_sum s = { 0 };
		for (int i = 0; i < m.n_years; i++)
			bl_money_sum_add(&s, m.left[i]);
		fits_left = bl_money_sum_get(&s, &col[3][m.n_years]);
	}
	const char *head[4] = { _("Budget"), _("Asked"), _("Granted"), _("Left") };
	int w[4];
	for (int k = 0; k < 4; k++) {
		char buf[64];
		w[k] = bl_text_width(head[k]);
		for (int i = 0; i <= m.n_years; i++) {
			pool_amount(app, col[k][i], buf, sizeof buf);
			int cw = bl_text_width(buf);
			w[k] = cw > w[k] ? cw : w[k];
		}
	}
	printf("%-6s", _("Year"));
	for (int k = 0; k < 4; k++) {
		printf("%*s", BL_AMOUNT_GAP, "");
		bl_cell_num(stdout, head[k], w[k]);
	}
	printf("\n");
	for (int i = 0; i <= m.n_years; i++) {
		char y[16];
		if (i < m.n_years)
			snprintf(y, sizeof y, "%d", app->info.budget_year + i);
		else
			snprintf(y, sizeof y, "%s", _("Total"));
		bl_cell(stdout, y, 6, false);
		for (int k = 0; k < 4; k++) {
			char buf[64];
			bool ok = i < m.n_years || (k < 3 ? fits[k] : fits_left);
			if (ok)
				pool_amount(app, col[k][i], buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "%s", bl_overflow_label());
			printf("%*s", BL_AMOUNT_GAP, "");
			bl_cell_num(stdout, buf, w[k]);
		}
		printf("\n");
	}
	if (carry)
		printf(_("Unspent money is carried over: a year's Left includes what is left"
			 " of the years before.\n"));
	printf(_("Projects: %" PRId64 " (%" PRId64 " waiting for a decision, %" PRId64
		 " granted)\n"), m.n_projects, m.n_applied, m.n_granted);
	return 0;
}

static void print_rules(bl_app *app, const bl_pool_rec *p)
{
	char kinds[96] = "";
	static const unsigned bits[] = { BL_POOL_DEVELOPMENT, BL_POOL_CAPITAL, BL_POOL_OPERATION };
	for (size_t i = 0; i < 3; i++)
		if (p->kinds & bits[i]) {
			if (kinds[0])
				strncat(kinds, _(" or "), sizeof kinds - strlen(kinds) - 1);
			strncat(kinds, bl_pool_kind_key(bits[i]), sizeof kinds - strlen(kinds) - 1);
		}
	printf(_("Takes:   %s projects\n"), kinds);
	if (p->has_max) {
		char buf[64];
		pool_amount(app, p->max_per_project, buf, sizeof buf);
		printf(_("Maximum: %s kr. per project, over all the years\n"), buf);
	}
	printf(p->carry_over ? _("Unspent: carried over to the next year\n")
			     : _("Unspent: not carried over; each year stands alone\n"));
}

static int pool_show(int argc, char **argv)
{
	if (argc != 3 && !bl_wants_help(argc, argv, 3))
		return bl_usage("pool show", _("expected: pool show DB KEY"));
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s pool show DB KEY\n"
			 "A development pool: its rules, goals and money per year (budget, asked,\n"
			 "granted, left), and its projects.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_pool_rec p;
	const char *ver;
	if (pool_find(&app, argv[2], &p, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (bl_cli_working_version(&app, &ver) != 0) {
		rc = BL_EXIT_REFUSED;
		bl_pool_rec_clear(&p);
		goto out;
	}
	printf(_("Development pool %s: %s\n"), p.key, p.name);
	if (p.purpose)
		bl_print_hanging(stdout, _("Purpose: "), p.purpose, 9, bl_term_width());
	bl_line l;
	if (bl_store_line_find(app.store, p.line_code, &l, &err) == 0) {
		printf(_("Line:    %s %s (its amounts in the %s version)\n"), l.code, l.title, ver);
		bl_line_clear(&l);
	}
	print_rules(&app, &p);
	if (p.n_goals) {
		printf(_("Goals:\n"));
		pool_print_goals(&app, p.goals, p.n_goals);
	}
	printf("\n");
	if (pool_print_money(&app, p.key, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		pool_print_projects(&app, p.key);
	bl_pool_rec_clear(&p);
out:
	bl_app_close(&app);
	return rc;
}

/* `pool add` and `pool set`: the same options; set starts from the pool. */
static int pool_write(int argc, char **argv, bool add)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "line", required_argument, NULL, 'l' },
		{ "purpose", required_argument, NULL, 'p' },
		{ "kinds", required_argument, NULL, 'k' },
		{ "max", required_argument, NULL, 'm' },
		{ "no-max", no_argument, NULL, 'M' },
		{ "carry-over", no_argument, NULL, 'c' },
		{ "no-carry-over", no_argument, NULL, 'C' },
		{ "goal", required_argument, NULL, 'g' },
		{ "no-goals", no_argument, NULL, 'G' },
		{ "key", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = add ? "pool add" : "pool set";
	if (bl_wants_help(argc, argv, 3)) {
		if (add)
			printf(_("Usage: %s pool add DB KEY --name NAME --line CODE [--purpose TEXT]\n"
				 "                [--kinds K,...] [--max AMOUNT] [--carry-over] [--goal ID]...\n"
				 "Create a development pool (udviklingspulje): ring-fenced money that expense\n"
				 "line CODE carries in the budget.  Its amount per year is that line's amount\n"
				 "in the working version.  --kinds says which projects may draw on it:\n"
				 "development (the default), capital, operation.  --max is the most one\n"
				 "project may get in all; --carry-over lets unspent money pass to the next\n"
				 "year.  The database refuses any change that would overspend the pool.\n"),
			       bl_progname);
		else
			printf(_("Usage: %s pool set DB KEY [--name NAME] [--line CODE] [--purpose TEXT]\n"
				 "                [--kinds K,...] [--max AMOUNT | --no-max]\n"
				 "                [--carry-over | --no-carry-over] [--goal ID... | --no-goals]\n"
				 "                [--key NEWKEY]\n"
				 "Change a development pool; what is not given stays.  Refused when a granted\n"
				 "project would break the new rules.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 3)
		return bl_usage(cmd, add ? _("expected: pool add DB KEY --name NAME --line CODE")
					 : _("expected: pool set DB KEY OPTION..."));
	const char *name = NULL, *line = NULL, *purpose = NULL, *kinds = NULL, *max = NULL,
		   *newkey = NULL;
	int carry = -1;
	bool no_max = false, no_goals = false, any = false;
	int64_t *goals = NULL;
	size_t n_goals = 0;
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 2, argv + 2, ":", longopts, NULL)) != -1) {
		any = true;
		switch (c) {
		case 'n': rc = bl_opt_text(cmd, "--name", optarg, 200, false); name = optarg; break;
		case 'l': line = optarg; break;
		case 'p': rc = bl_opt_text(cmd, "--purpose", optarg, 4000, true); purpose = optarg; break;
		case 'k': kinds = optarg; break;
		case 'm': max = optarg; break;
		case 'M': no_max = true; break;
		case 'c': carry = 1; break;
		case 'C': carry = 0; break;
		case 'g': rc = pool_goal_arg(cmd, optarg, &goals, &n_goals); break;
		case 'G': no_goals = true; break;
		case 'K': newkey = optarg; break;
		default: rc = bl_opt_error(cmd, c, argv + 2, longopts); break;
		}
		if (rc) {
			free(goals);
			return rc;
		}
	}
	if (optind != argc - 2) {
		free(goals);
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[2 + optind]);
	}
	if (add && (!name || !line)) {
		free(goals);
		return bl_usage(cmd, _("a new pool needs --name and --line"));
	}
	if (!add && !any) {
		free(goals);
		return bl_usage(cmd, _("nothing to change; give an option (--help lists them)"));
	}
	if ((max && no_max) || (n_goals && no_goals) || (add && (no_max || no_goals || newkey))) {
		free(goals);
		return bl_usage(cmd, add ? _("--no-max, --no-goals and --key are for pool set")
					 : _("--max with --no-max, or --goal with --no-goals"));
	}
	bl_pool_rec p = { 0 };
	bl_err err = { { 0 } };
	unsigned mask = BL_POOL_DEVELOPMENT;
	if (kinds && bl_pool_kinds_parse(kinds, &mask, &err) != 0) {
		free(goals);
		return bl_usage(cmd, "--kinds: %s", err.msg);
	}
	bl_app app;
	rc = bl_app_open(&app, argv[1], false);
	if (rc) {
		free(goals);
		return rc;
	}
	if (!add) {
		if (pool_find(&app, argv[2], &p, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
	} else {
		p.kinds = mask;
	}
	bl_money mv = 0;
	if (max && bl_money_parse_in(max, strlen(max), app.info.lang, app.info.currency, &mv,
				     &err) != 0) {
		rc = bl_fail(BL_EXIT_REFUSED, _("--max: %s"), err.msg);
		goto out;
	}
	/* The record owns its strings; replace the ones given. */
	const char *given[4] = { add ? argv[2] : newkey, name, purpose, line };
	char **field[4] = { &p.key, &p.name, &p.purpose, &p.line_code };
	for (int k = 0; k < 4; k++)
		if (given[k]) {
			free(*field[k]);
			*field[k] = strdup(given[k]);
		}
	if (kinds)
		p.kinds = mask;
	if (max) {
		p.has_max = true;
		p.max_per_project = mv;
	}
	if (no_max)
		p.has_max = false;
	if (carry >= 0)
		p.carry_over = carry == 1;
	if (n_goals || no_goals) {
		free(p.goals);
		p.goals = goals;
		p.n_goals = n_goals;
		goals = NULL;
	}
	if ((add ? bl_store_pool_add(app.store, &p, &err)
		 : bl_store_pool_update(app.store, argv[2], &p, &err)) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		printf(add ? _("Development pool %s created on line %s.\n")
			   : _("Development pool %s changed (line %s).\n"), p.key, p.line_code);
		if (pool_print_money(&app, p.key, &err) != 0)
			rc = bl_fail_store(&app, &err);
	}
out:
	bl_pool_rec_clear(&p);
	free(goals);
	bl_app_close(&app);
	return rc;
}

static int pool_delete(int argc, char **argv)
{
	if (argc != 3 && !bl_wants_help(argc, argv, 3))
		return bl_usage("pool delete", _("expected: pool delete DB KEY"));
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s pool delete DB KEY\n"
			 "Remove a development pool that has no projects (one that has keeps its\n"
			 "history and is never deleted).  Its line stays in the budget.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_pool_delete(app.store, argv[2], &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("Development pool %s removed.\n"), argv[2]);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_pool(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0)
		return pool_write(argc - 1, argv + 1, true);
	if (strcmp(sub, "set") == 0)
		return pool_write(argc - 1, argv + 1, false);
	if (strcmp(sub, "show") == 0)
		return pool_show(argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return pool_delete(argc - 1, argv + 1);
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		printf(_("Usage: %s pool add|set|show|delete DB KEY ...\n"
			 "Development pools: ring-fenced money for development projects.\n"
			 "`%s pool add --help` and the others say more.\n"), bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	return bl_usage("pool", _("expected add, set, show or delete, not '%s'"), sub);
}

int bl_cmd_pools(int argc, char **argv)
{
	if (argc != 2 && !bl_wants_help(argc, argv, 2))
		return bl_usage("pools", _("expected: pools DB"));
	if (bl_wants_help(argc, argv, 2)) {
		printf(_("Usage: %s pools DB\n"
			 "The development pools: each one's line, budget over the process's years,\n"
			 "what is granted and what is left.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_pool_rec *v;
	size_t n;
	const char *ver;
	if (bl_cli_working_version(&app, &ver) != 0) {
		bl_app_close(&app);
		return BL_EXIT_REFUSED;
	}
	if (bl_store_pools(app.store, &v, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	if (n == 0) {
		printf(_("No development pools yet (`%s pool add --help`).\n"), bl_progname);
		bl_app_close(&app);
		return BL_EXIT_OK;
	}
	printf(_("Development pools, %d–%d (budgets from the %s version)\n\n"),
	       app.info.budget_year, app.info.budget_year + app.info.n_years - 1, ver);
	char (*cells)[6][96] = calloc(n, sizeof *cells);
	const char *head[6] = { _("Key"), _("Name"), _("Line"), _("Budget"), _("Granted"),
				_("Left") };
	int w[6];
	for (int k = 0; k < 6; k++)
		w[k] = bl_text_width(head[k]);
	for (size_t i = 0; cells && i < n && rc == 0; i++) {
		bl_pool_money m;
		if (bl_store_pool_money(app.store, v[i].key, &m, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			break;
		}
		bl_money_sum b = { 0 }, g = { 0 };
		for (int y = 0; y < m.n_years; y++) {
			bl_money_sum_add(&b, m.budget[y]);
			bl_money_sum_add(&g, m.granted[y]);
		}
		bl_money tb, tg, tl;
		snprintf(cells[i][0], sizeof cells[i][0], "%s", v[i].key);
		snprintf(cells[i][1], sizeof cells[i][1], "%s", v[i].name);
		snprintf(cells[i][2], sizeof cells[i][2], "%s", v[i].line_code);
		bool fb = bl_money_sum_get(&b, &tb), fg = bl_money_sum_get(&g, &tg);
		if (fb)
			pool_amount(&app, tb, cells[i][3], sizeof cells[i][3]);
		else
			snprintf(cells[i][3], sizeof cells[i][3], "%s", bl_overflow_label());
		if (fg)
			pool_amount(&app, tg, cells[i][4], sizeof cells[i][4]);
		else
			snprintf(cells[i][4], sizeof cells[i][4], "%s", bl_overflow_label());
		if (fb && fg && bl_money_sub(tb, tg, &tl))
			pool_amount(&app, tl, cells[i][5], sizeof cells[i][5]);
		else
			snprintf(cells[i][5], sizeof cells[i][5], "%s", bl_overflow_label());
		for (int k = 0; k < 6; k++) {
			int cw = bl_text_width(cells[i][k]);
			w[k] = cw > w[k] ? cw : w[k];
		}
	}
	/* The name gives way to what must be read whole. */
	int fixed = w[0] + w[2] + w[3] + w[4] + w[5] + 10, avail = bl_term_width() - fixed;
	if (w[1] > avail)
		w[1] = avail < 12 ? 12 : avail;
	for (size_t i = 0; cells && rc == 0 && i <= n; i++) {
		for (int k = 0; k < 6; k++) {
			const char *t = i == 0 ? head[k] : cells[i - 1][k];
			if (k)
				printf("  ");
			if (k == 0 || k == 2)
				bl_cell_left(stdout, t, w[k]);
			else if (k == 1)
				bl_cell(stdout, t, w[k], false);
			else
				bl_cell_num(stdout, t, w[k]);
		}
		printf("\n");
	}
	if (!cells)
		rc = bl_fail(BL_EXIT_REFUSED, _("out of memory"));
	free(cells);
	bl_pool_recs_free(v, n);
	bl_app_close(&app);
	return rc;
}
