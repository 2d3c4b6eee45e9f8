/* cmd_projects.c: the projects that apply to a development pool:
 * `project add|set|show|reject|withdraw|reopen`, `projects` and `grant`. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/pool_cli.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"

static void pillars_text(const bl_pillars *p, char *buf, size_t n)
{
	size_t at = 0;
	buf[0] = '\0';
	static const char letter[BL_PILLARS] = { 'S', 'E', 'M' };
	for (int k = 0; k < BL_PILLARS && at < n; k++) {
		int w = p->has[k] ? snprintf(buf + at, n - at, "%s%c%+d", at ? " " : "", letter[k],
					     p->score[k])
				  : snprintf(buf + at, n - at, "%s%c.", at ? " " : "", letter[k]);
		if (w < 0 || (size_t)w >= n - at)
			return;
		at += (size_t)w;
	}
}

static void sums(const bl_pool_project *p, bl_money *asked, bl_money *granted)
{
	*asked = *granted = 0;
	for (int i = 0; i < p->n_years; i++) {
		/* Each is within what the pool holds or asked of it: the
		 * schema keeps them non-negative; a sum that does not fit is
		 * shown as the largest. */
		if (!bl_money_add(*asked, p->asked[i], asked))
			*asked = BL_MONEY_MAX;
		if (!bl_money_add(*granted, p->granted[i], granted))
			*granted = BL_MONEY_MAX;
	}
}

void pool_print_projects(bl_app *app, const char *key)
{
	bl_pool_project *v;
	size_t n;
	bl_err err;
	if (bl_store_pool_projects(app->store, key, &v, &n, &err) != 0) {
		bl_fail_store(app, &err);
		return;
	}
	if (n == 0) {
		printf(_("\nNo projects have applied yet (`%s project add --help`).\n"), bl_progname);
		return;
	}
	const char *head[7] = { _("No"), _("Title"), _("Kind"), _("Status"), _("Pillars"),
				_("Asked"), _("Granted") };
	char (*cell)[7][96] = calloc(n, sizeof *cell);
	if (!cell) {
		bl_pool_projects_free(v, n);
		return;
	}
	int w[7];
	for (int k = 0; k < 7; k++)
		w[k] = bl_text_width(head[k]);
	for (size_t i = 0; i < n; i++) {
		bl_money a, g;
		sums(&v[i], &a, &g);
		snprintf(cell[i][0], 96, "%" PRId64, v[i].number);
		snprintf(cell[i][1], 96, "%s", v[i].title);
		snprintf(cell[i][2], 96, "%s", bl_pool_kind_key(v[i].kind));
		snprintf(cell[i][3], 96, "%s", bl_project_status_key(v[i].status));
		pillars_text(&v[i].pillars, cell[i][4], 96);
		pool_amount(app, a, cell[i][5], 96);
		pool_amount(app, g, cell[i][6], 96);
		for (int k = 0; k < 7; k++) {
			int cw = bl_text_width(cell[i][k]);
			w[k] = cw > w[k] ? cw : w[k];
		}
	}
	int fixed = 12;
	for (int k = 0; k < 7; k++)
		fixed += k == 1 ? 0 : w[k];
	int avail = bl_term_width() - fixed;
	if (w[1] > avail)
		w[1] = avail < 12 ? 12 : avail;
	printf("\n");
	for (size_t i = 0; i <= n; i++) {
		for (int k = 0; k < 7; k++) {
			const char *t = i == 0 ? head[k] : cell[i - 1][k];
			if (k)
				printf("  ");
			if (k == 0 || k >= 5)
				bl_cell_num(stdout, t, w[k]);
			else
				bl_cell(stdout, t, w[k], false);
		}
		printf("\n");
	}
	printf(_("Pillars: S social, E economic, M environmental (-2 .. +2; '.' not"
		 " assessed).\n"));
	free(cell);
	bl_pool_projects_free(v, n);
}

int bl_cmd_projects(int argc, char **argv)
{
	if (argc != 3 && !bl_wants_help(argc, argv, 3))
		return bl_usage("projects", _("expected: projects DB POOL"));
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s projects DB POOL\n"
			 "The projects that applied to development pool POOL: kind, status, the\n"
			 "pillar scores, what they asked and what they were granted.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_pool_rec p;
	if (pool_find(&app, argv[2], &p, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		printf(_("Projects of development pool %s: %s\n"), p.key, p.name);
		pool_print_projects(&app, p.key);
	}
	bl_pool_rec_clear(&p);
	bl_app_close(&app);
	return rc;
}

static int project_show(bl_app *app, const char *pool, int64_t number)
{
	bl_err err = { { 0 } };
	bl_pool_project p;
	int r = bl_store_pool_project_get(app->store, pool, number, &p, &err);
	if (r == 0) {
		bl_pool_rec pr;
		if (pool_find(app, pool, &pr, &err) == 0)
			bl_err_set(&err, _("development pool '%s' has no project %" PRId64
					   " (`budgetlab projects DB %s` lists them)"),
				   pool, number, pool);
		bl_pool_rec_clear(&pr);
	}
	if (r != 1)
		return bl_fail_store(app, &err);
	printf(_("Project %" PRId64 " of development pool %s: %s\n"), p.number, pool, p.title);
	printf(_("Kind:      %s\n"), bl_pool_kind_key(p.kind));
	printf(_("Applied:   %s\n"), p.applied);
	if (p.decided_at)
		printf(_("Status:    %s on %.10s\n"), bl_project_status_key(p.status), p.decided_at);
	else
		printf(_("Status:    %s\n"), bl_project_status_key(p.status));
	if (p.applicant)
		printf(_("Applicant: %s\n"), p.applicant);
	int width = bl_term_width();
	if (p.description)
		bl_print_hanging(stdout, _("About:     "), p.description, 11, width);
	if (p.note)
		bl_print_hanging(stdout, _("Note:      "), p.note, 11, width);
	bool any = p.pillars.has[0] || p.pillars.has[1] || p.pillars.has[2];
	if (any) {
		printf(_("Pillars:  "));
		for (int k = 0; k < BL_PILLARS; k++)
			if (p.pillars.has[k])
				printf(p.pillars.score[k] ? " %s %+d" : " %s %d",
				       bl_pillar_key(k), p.pillars.score[k]);
		printf("\n");
		if (p.pillars.justification)
			bl_print_hanging(stdout, _("Why:       "), p.pillars.justification, 11,
					 width);
	}
	if (p.n_goals) {
		printf(_("Goals:\n"));
		pool_print_goals(app, p.goals, p.n_goals);
	}
	printf("\n%-6s  %14s  %14s\n", _("Year"), _("Asked"), _("Granted"));
	for (int i = 0; i < p.n_years; i++) {
		char a[48], g[48];
		pool_amount(app, p.asked[i], a, sizeof a);
		pool_amount(app, p.granted[i], g, sizeof g);
		printf("%-6d  %14s  %14s\n", app->info.budget_year + i, a, g);
	}
	bl_money ta, tg;
	sums(&p, &ta, &tg);
	char a[48], g[48];
	pool_amount(app, ta, a, sizeof a);
	pool_amount(app, tg, g, sizeof g);
	printf("%-6s  %14s  %14s\n", _("Total"), a, g);
	bl_pool_project_clear(&p);
	return BL_EXIT_OK;
}

/* `project add DB POOL ...` and `project set DB POOL N ...`. */
static int project_write(int argc, char **argv, bool add)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "applicant", required_argument, NULL, 'a' },
		{ "kind", required_argument, NULL, 'k' },
		{ "description", required_argument, NULL, 'd' },
		{ "applied", required_argument, NULL, 'A' },
		{ "ask", required_argument, NULL, 'y' },
		{ "social", required_argument, NULL, 's' },
		{ "economic", required_argument, NULL, 'e' },
		{ "environmental", required_argument, NULL, 'v' },
		{ "why", required_argument, NULL, 'w' },
		{ "goal", required_argument, NULL, 'g' },
		{ "no-goals", no_argument, NULL, 'G' },
		{ "note", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = add ? "project add" : "project set";
	int fixed = add ? 3 : 4;
	if (bl_wants_help(argc, argv, fixed)) {
		printf(add ? _("Usage: %s project add DB POOL --title TITLE [--kind K] [--applicant NAME]\n"
			       "                [--description TEXT] [--applied DATE] [--ask YEAR=AMOUNT]...\n"
			       "                [--social N] [--economic N] [--environmental N] [--why TEXT]\n"
			       "                [--goal ID]...\n"
			       "Register a project's application to development pool POOL: its kind\n"
			       "(development, the default; capital; operation), what it asks for per year,\n"
			       "its assessment on the three pillars (-2 .. +2) and the goals it serves.\n"
			       "--applied defaults to today.  The applicant is personal data: it is never\n"
			       "journalled nor shown on the projector.\n")
			   : _("Usage: %s project set DB POOL N [--title TITLE] [--kind K]\n"
			       "                [--applicant NAME] [--description TEXT] [--applied DATE]\n"
			       "                [--ask YEAR=AMOUNT]...\n"
			       "                [--social N] [--economic N] [--environmental N] [--why TEXT]\n"
			       "                [--goal ID... | --no-goals] [--note TEXT]\n"
			       "Change a project's application; what is not given stays (--ask YEAR=0\n"
			       "clears a year).  Grants change with `grant`.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < fixed)
		return bl_usage(cmd, add ? _("expected: project add DB POOL --title TITLE ...")
					 : _("expected: project set DB POOL N OPTION..."));
	int64_t number = 0;
	if (!add && bl_opt_number(cmd, _("project"), argv[3], &number))
		return BL_EXIT_USAGE;
	const char *title = NULL, *applicant = NULL, *kind = NULL, *desc = NULL, *applied = NULL,
		   *why = NULL, *note = NULL;
	const char *ask[BL_MAX_YEARS * 4];
	size_t n_ask = 0;
	int score[BL_PILLARS];
	bool has[BL_PILLARS] = { false }, no_goals = false, any = false;
	int64_t *goals = NULL;
	size_t n_goals = 0;
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - (fixed - 1), argv + (fixed - 1), ":", longopts, NULL)) !=
	       -1) {
		any = true;
		int k = c == 's' ? 0 : c == 'e' ? 1 : c == 'v' ? 2 : -1;
		if (k >= 0) {
			char opt[32];
			snprintf(opt, sizeof opt, "--%s", bl_pillar_key(k));
			rc = bl_opt_score(cmd, opt, optarg, &score[k]);
			has[k] = true;
		} else {
			switch (c) {
			case 't': rc = bl_opt_text(cmd, "--title", optarg, 200, false); title = optarg; break;
			case 'a': rc = bl_opt_text(cmd, "--applicant", optarg, 200, false); applicant = optarg; break;
			case 'k': kind = optarg; break;
			case 'd': rc = bl_opt_text(cmd, "--description", optarg, 4000, true); desc = optarg; break;
			case 'A': applied = optarg; break;
			case 'y':
				if (n_ask == sizeof ask / sizeof ask[0])
					rc = bl_usage(cmd, _("too many --ask"));
				else
					ask[n_ask++] = optarg;
				break;
			case 'w': rc = bl_opt_text(cmd, "--why", optarg, 2000, false); why = optarg; break;
			case 'g': rc = pool_goal_arg(cmd, optarg, &goals, &n_goals); break;
			case 'G': no_goals = true; break;
			case 'n': rc = bl_opt_text(cmd, "--note", optarg, 2000, true); note = optarg; break;
			default: rc = bl_opt_error(cmd, c, argv + (fixed - 1), longopts); break;
			}
		}
		if (rc) {
			free(goals);
			return rc;
		}
	}
	if (optind != argc - (fixed - 1)) {
		free(goals);
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[fixed - 1 + optind]);
	}
	if ((add && !title) || (!add && !any) || (add && no_goals) || (n_goals && no_goals)) {
		free(goals);
		return bl_usage(cmd, add ? _("a project needs --title")
					 : _("nothing to change; give an option (--help lists them)"));
	}
	unsigned kbit = BL_POOL_DEVELOPMENT;
	if (kind && bl_pool_kind_from_key(kind, &kbit) != 0) {
		free(goals);
		return bl_usage(cmd, _("--kind '%s': expected development, capital or operation"),
				kind);
	}
	bl_app app;
	rc = bl_app_open(&app, argv[1], false);
	if (rc) {
		free(goals);
		return rc;
	}
	bl_err err = { { 0 } };
	bl_pool_project p;
	memset(&p, 0, sizeof p);
	if (!add) {
		int r = bl_store_pool_project_get(app.store, argv[2], number, &p, &err);
		if (r == 0 && !err.msg[0])
			bl_err_set(&err, _("development pool '%s' has no project %" PRId64), argv[2],
				   number);
		if (r != 1) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
	} else {
		bl_date today = bl_date_today();
		bl_date_format(today, p.applied);
		p.kind = kbit;
		p.n_years = app.info.n_years;
	}
	if (applied) {
		bl_date d;
		if (bl_date_parse(applied, &d, &err) != 0) {
			rc = bl_fail(BL_EXIT_REFUSED, _("--applied: %s"), err.msg);
			goto out;
		}
		bl_date_format(d, p.applied);
	}
	for (size_t i = 0; i < n_ask; i++) {
		int year;
		bl_money amount;
		if (bl_opt_year_amount_for(&app, "--ask", ask[i], &year, &amount)) {
			rc = BL_EXIT_REFUSED;
			goto out;
		}
		p.asked[year - app.info.budget_year] = amount;
	}
	const char *text[5] = { title, applicant, desc, why, note };
	char **field[5] = { &p.title, &p.applicant, &p.description, &p.pillars.justification,
			    &p.note };
	for (int k = 0; k < 5; k++)
		if (text[k]) {
			free(*field[k]);
			*field[k] = strdup(text[k]);
		}
	if (kind)
		p.kind = kbit;
	for (int k = 0; k < BL_PILLARS; k++)
		if (has[k]) {
			p.pillars.has[k] = true;
			p.pillars.score[k] = score[k];
		}
	if (n_goals || no_goals) {
		free(p.goals);
		p.goals = goals;
		p.n_goals = n_goals;
		goals = NULL;
	}
	char warn[256] = "";
	if (add) {
		if (bl_store_pool_project_add(app.store, argv[2], &p, &number, warn, sizeof warn,
					      &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
		printf(_("Project %" PRId64 " registered with development pool %s.\n"), number,
		       argv[2]);
		if (warn[0])
			fprintf(stderr, _("%s: warning: %s\n"), bl_progname, warn);
	} else {
		if (bl_store_pool_project_update(app.store, argv[2], &p, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
		printf(_("Project %" PRId64 " of development pool %s changed.\n"), number, argv[2]);
	}
out:
	bl_pool_project_clear(&p);
	free(goals);
	bl_app_close(&app);
	return rc;
}

/* `project reject|withdraw|reopen DB POOL N [--note TEXT]`. */
static int project_decide(int argc, char **argv, bl_project_status st)
{
	char cmd[32];
	snprintf(cmd, sizeof cmd, "project %s", argv[0]);
	if (bl_wants_help(argc, argv, 4)) {
		printf(_("Usage: %s project reject|withdraw|reopen DB POOL N [--note TEXT]\n"
			 "Reject a project, record that it was withdrawn, or reopen it as waiting\n"
			 "for a decision.  What it was granted goes back to the pool.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	const char *note = NULL;
	if (argc == 6 && strcmp(argv[4], "--note") == 0) {
		if (bl_opt_text(cmd, "--note", argv[5], 2000, true))
			return BL_EXIT_USAGE;
		note = argv[5];
	} else if (argc != 4) {
		return bl_usage(cmd, _("expected: %s DB POOL N [--note TEXT]"), cmd);
	}
	int64_t number;
	if (bl_opt_number(cmd, _("project"), argv[3], &number))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	/* What it had granted goes back to the pool: say how much. */
	bl_pool_project before;
	bl_money back = 0, asked;
	if (bl_store_pool_project_get(app.store, argv[2], number, &before, &err) == 1)
		sums(&before, &asked, &back);
	bl_pool_project_clear(&before);
	if (bl_store_pool_decide(app.store, argv[2], number, st, note, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		printf(_("Project %" PRId64 " of development pool %s is %s now.\n"), number, argv[2],
		       bl_project_status_key(st));
		if (back) {
			char a[BL_MONEY_BUFSZ];
			pool_amount(&app, back, a, sizeof a);
			printf(_("What it was granted, %s kr. in all, went back to the pool.\n"), a);
		}
	}
	bl_app_close(&app);
	return rc;
}

int bl_cmd_project(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0)
		return project_write(argc - 1, argv + 1, true);
	if (strcmp(sub, "set") == 0)
		return project_write(argc - 1, argv + 1, false);
	if (strcmp(sub, "reject") == 0)
		return project_decide(argc - 1, argv + 1, BL_PROJECT_REJECTED);
	if (strcmp(sub, "withdraw") == 0)
		return project_decide(argc - 1, argv + 1, BL_PROJECT_WITHDRAWN);
	if (strcmp(sub, "reopen") == 0)
		return project_decide(argc - 1, argv + 1, BL_PROJECT_APPLIED);
	if (strcmp(sub, "show") == 0) {
		if (argc != 5 && !bl_wants_help(argc - 1, argv + 1, 4))
			return bl_usage("project show", _("expected: project show DB POOL N"));
		if (bl_wants_help(argc - 1, argv + 1, 4)) {
			printf(_("Usage: %s project show DB POOL N\n"
				 "One project of a development pool: its application, assessment,\n"
				 "goals, and what it asked and was granted per year.\n"), bl_progname);
			return BL_EXIT_OK;
		}
		int64_t number;
		if (bl_opt_number("project show", _("project"), argv[4], &number))
			return BL_EXIT_USAGE;
		bl_app app;
		int rc = bl_app_open(&app, argv[2], true);
		if (rc)
			return rc;
		rc = project_show(&app, argv[3], number);
		bl_app_close(&app);
		return rc;
	}
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		printf(_("Usage: %s project add|set|show|reject|withdraw|reopen DB POOL ...\n"
			 "The projects that apply to a development pool.  `%s project add --help`\n"
			 "and the others say more; `%s grant` grants one its money.\n"),
		       bl_progname, bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	return bl_usage("project", _("expected add, set, show, reject, withdraw or reopen, not"
				     " '%s'"), sub);
}

int bl_cmd_grant(int argc, char **argv)
{
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s grant DB POOL N YEAR=AMOUNT... [--note TEXT]\n"
			 "Grant project N of development pool POOL its money per year (the years not\n"
			 "given get nothing; a new grant replaces the old).  Refused, with nothing\n"
			 "changed, when the pool would be overspent in a year, the project would get\n"
			 "more than the pool's maximum, or the pool does not pay for its kind.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 5)
		return bl_usage("grant", _("expected: grant DB POOL N YEAR=AMOUNT..."));
	int64_t number;
	if (bl_opt_number("grant", _("project"), argv[3], &number))
		return BL_EXIT_USAGE;
	const char *note = NULL;
	int last = argc;
	if (argc >= 6 && strcmp(argv[argc - 2], "--note") == 0) {
		if (bl_opt_text("grant", "--note", argv[argc - 1], 2000, true))
			return BL_EXIT_USAGE;
		note = argv[argc - 1];
		last = argc - 2;
	}
	if (last < 5)
		return bl_usage("grant", _("expected: grant DB POOL N YEAR=AMOUNT..."));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_money g[BL_MAX_YEARS] = { 0 };
	bool seen[BL_MAX_YEARS] = { false };
	for (int i = 4; i < last; i++) {
		int year;
		bl_money amount;
		if (bl_opt_year_amount_for(&app, "grant", argv[i], &year, &amount)) {
			rc = BL_EXIT_REFUSED;
			goto out;
		}
		int k = year - app.info.budget_year;
		if (seen[k]) {
			rc = bl_fail(BL_EXIT_REFUSED, _("grant: %d is given twice"), year);
			goto out;
		}
		seen[k] = true;
		g[k] = amount;
	}
	bl_err err = { { 0 } };
	bl_pool_project asked;
	int had = bl_store_pool_project_get(app.store, argv[2], number, &asked, &err);
	if (bl_store_pool_grant(app.store, argv[2], number, g, app.info.n_years, note, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		if (had == 1)
			bl_pool_project_clear(&asked);
		goto out;
	}
	printf(_("Project %" PRId64 " of development pool %s granted.\n"), number, argv[2]);
	/* More than asked is the committee's right, but worth a second look. */
	for (int y = 0; had == 1 && y < app.info.n_years; y++)
		if (g[y] > asked.asked[y]) {
			char a[BL_MONEY_BUFSZ], b[BL_MONEY_BUFSZ];
			pool_amount(&app, g[y], a, sizeof a);
			pool_amount(&app, asked.asked[y], b, sizeof b);
			fprintf(stderr, _("%s: note: %d: granted %s kr., more than the %s kr. asked\n"),
				bl_progname, app.info.budget_year + y, a, b);
		}
	if (had == 1)
		bl_pool_project_clear(&asked);
	printf("\n");
	if (pool_print_money(&app, argv[2], &err) != 0)
		rc = bl_fail_store(&app, &err);
out:
	bl_app_close(&app);
	return rc;
}
