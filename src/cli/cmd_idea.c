/* cmd_idea.c: a lab's ideas (`idea add|set`, `ideas`) and ballots
 * (`ballot add|void|correct|undo`, `ballots`). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/lab_cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/lab_store.h"

/* ---- ideas ---- */

/* --cost YEAR=AMOUNT, or a bare AMOUNT for the budget year. */
static int opt_cost(const bl_app *app, const char *arg, bl_idea *i)
{
	const char *eq = strchr(arg, '=');
	int year = app->info.budget_year;
	const char *amount = arg;
	if (eq) {
		char *end;
		long y = strtol(arg, &end, 10);
		int first = app->info.budget_year, last = first + app->info.n_years - 1;
		if (end != eq || y < first || y > last)
			return bl_fail(BL_EXIT_REFUSED, _("--cost '%s': expected YEAR=AMOUNT with a"
							  " year from %d to %d, or an AMOUNT for %d"),
				       arg, first, last, first);
		year = (int)y;
		amount = eq + 1;
	}
	bl_money v;
	if (bl_opt_money(app, "--cost", amount, &v))
		return BL_EXIT_REFUSED;
	i->cost[year - app->info.budget_year] = v;
	i->has_cost[year - app->info.budget_year] = true;
	return 0;
}

static int idea_add_set(int argc, char **argv, bool add)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "description", required_argument, NULL, 'd' },
		{ "proposer", required_argument, NULL, 'p' },
		{ "area", required_argument, NULL, 'a' },
		{ "cost", required_argument, NULL, 'c' },
		{ "feasibility", required_argument, NULL, 'f' },
		{ "status", required_argument, NULL, 's' },
		{ "social", required_argument, NULL, '1' },
		{ "economic", required_argument, NULL, '2' },
		{ "environmental", required_argument, NULL, '3' },
		{ "goal", required_argument, NULL, 'g' },
		{ "no-goals", no_argument, NULL, 'G' },
		{ "force", no_argument, NULL, 'F' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = add ? "idea add" : "idea set";
	int pillar[3] = { 0, 0, 0 };
	bool set_pillar[3] = { false, false, false }, clear_pillar[3] = { false, false, false };
	int64_t goals[32];
	size_t n_goals = 0;
	bool set_goals = false, force = false;
	int first = add ? 4 : 5;
	if (argc < first)
		return bl_usage(cmd, add ? _("expected: idea add DB LAB --title T [OPTIONS]")
					 : _("expected: idea set DB LAB IDEA [OPTIONS]"));
	int64_t lab, number = 0;
	if (bl_opt_lab(cmd, argv[3], &lab) || (!add && bl_opt_id(cmd, "IDEA", argv[4], &number)))
		return BL_EXIT_USAGE;
	const char *title = NULL, *desc = NULL, *prop = NULL, *area = NULL, *feas = NULL,
		   *status = NULL, *actor = NULL;
	const char *costs[BL_MAX_YEARS * 2];
	int nc = 0;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - first + 1, argv + first - 1, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (bl_opt_text(cmd, "--title", optarg, 200, false))
				return BL_EXIT_USAGE;
			title = optarg;
			break;
		case 'd':
			if (*optarg && bl_opt_text(cmd, "--description", optarg, 4000, true))
				return BL_EXIT_USAGE;
			desc = optarg;
			break;
		case 'p':
			if (*optarg && bl_opt_text(cmd, "--proposer", optarg, 200, false))
				return BL_EXIT_USAGE;
			prop = optarg;
			break;
		case 'a': area = optarg; break;
		case 'c':
			if (nc == BL_MAX_YEARS * 2)
				return bl_usage(cmd, _("too many --cost options"));
			costs[nc++] = optarg;
			break;
		case 'f':
			if (*optarg && bl_opt_text(cmd, "--feasibility", optarg, 4000, true))
				return BL_EXIT_USAGE;
			feas = optarg;
			break;
		case 's': {
			bl_idea_status st;
			if (bl_idea_status_from_name(optarg, &st) != 0)
				return bl_usage(cmd, _("--status '%s': expected proposed, costed, feasible,"
						       " on_ballot or withdrawn"), optarg);
			status = optarg;
			break;
		}
		case '1': case '2': case '3': {
			int k = c - '1';
			long v;
			if (!*optarg) {
				clear_pillar[k] = true;
				break;
			}
			if (bl_opt_int(cmd, k == 0 ? "--social" : k == 1 ? "--economic" : "--environmental",
				       optarg[0] == '+' ? optarg + 1 : optarg, -2, 2, &v))
				return BL_EXIT_USAGE;
			pillar[k] = (int)v;
			set_pillar[k] = true;
			break;
		}
		case 'g':
			if (n_goals == sizeof goals / sizeof goals[0])
				return bl_usage(cmd, _("at most %zu --goal options"), sizeof goals / sizeof goals[0]);
			if (bl_opt_id(cmd, "--goal", optarg, &goals[n_goals]))
				return BL_EXIT_USAGE;
			n_goals++;
			set_goals = true;
			break;
		case 'G':
			set_goals = true;
			break;
		case 'F':
			force = true;
			break;
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error(cmd, c, argv + first - 1, longopts);
		}
	}
	if (optind != argc - first + 1)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[first - 1 + optind]);
	if (add && !title)
		return bl_usage(cmd, _("--title is required"));
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	bl_idea i = { .lab_id = lab };
	if (!add && bl_store_idea_get(app.store, lab, number, &i, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	for (int k = 0; k < nc; k++)
		if ((rc = opt_cost(&app, costs[k], &i)) != 0)
			goto out;
#define SETSTR(field, v) do { if (v) { free(i.field); i.field = *(v) ? strdup(v) : NULL; } } while (0)
	SETSTR(title, title);
	SETSTR(description, desc);
	SETSTR(proposer, prop);
	SETSTR(area, area);
	SETSTR(feasibility, feas);
#undef SETSTR
	if (status) {
		bl_idea_status old = i.status;
		bl_idea_status_from_name(status, &i.status);
		/* Taking an idea that has votes off the ballot changes the
		 * result the room may have seen: only on purpose. */
		if (!add && old == BL_IDEA_ON_BALLOT && i.status != BL_IDEA_ON_BALLOT && i.votes &&
		    !force) {
			rc = bl_fail(BL_EXIT_REFUSED, _("idea %" PRId64 " has %zu votes on counted ballots;"
							" taking it off the ballot changes the result:"
							" add --force to do it"), number, i.votes);
			goto out;
		}
	}
	for (int k = 0; k < 3; k++) {
		if (set_pillar[k]) {
			i.pillar[k] = pillar[k];
			i.has_pillar[k] = true;
		} else if (clear_pillar[k]) {
			i.has_pillar[k] = false;
		}
	}
	if (set_goals) {
		free(i.goals);
		i.goals = NULL;
		i.n_goals = 0;
		if (n_goals) {
			i.goals = malloc(n_goals * sizeof *i.goals);
			if (!i.goals) {
				rc = bl_fail(BL_EXIT_REFUSED, _("out of memory"));
				goto out;
			}
			memcpy(i.goals, goals, n_goals * sizeof *goals);
			i.n_goals = n_goals;
		}
	}
	/* A cost given to a proposed idea makes it costed: what the
	 * administration's costing step means. */
	if (add && !status && nc)
		i.status = BL_IDEA_COSTED;
	int r = add ? bl_store_idea_add(app.store, &i, &number, &err)
		    : bl_store_idea_update(app.store, &i, &err);
	if (r != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		bl_money total = 0;
		char buf[64];
		bl_idea_total(&i, &total, &err);
		bl_fmt_kr(&app, total, buf, sizeof buf);
		printf(add ? _("Added idea %" PRId64 " to lab %" PRId64 ": %s (%s, %s)\n")
			   : _("Changed idea %" PRId64 " of lab %" PRId64 ": %s (%s, %s)\n"),
		       number, lab, i.title, buf, _(bl_idea_status_name(i.status)));
	}
out:
	bl_idea_clear(&i);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_idea(int argc, char **argv)
{
	if (argc < 2 || bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s idea add DB LAB --title T [--description D] [--proposer P]\n"
			 "                [--area AREA] [--cost [YEAR=]AMOUNT]... [--feasibility NOTE]\n"
			 "                [--status S] [--social N] [--economic N] [--environmental N]\n"
			 "                [--goal GOAL]... [--no-goals] [--force]\n"
			 "       %s idea set DB LAB IDEA [the same options]\n"
			 "An idea (a project) of a lab, numbered in the lab: the number on the paper\n"
			 "ballot.  --cost without a year is for the budget year; give it once per\n"
			 "year for an idea that runs several years.  S is proposed, costed, feasible,\n"
			 "on_ballot or withdrawn; only ideas on_ballot can be voted for.  An empty\n"
			 "value (--proposer '') clears a field.  --social, --economic and\n"
			 "--environmental assess the idea on the three pillars of sustainability,\n"
			 "from -2 (clearly harmful) to +2 (clearly good); --goal links it to a goal\n"
			 "(`budgetlab goals DB`), replacing its links (--no-goals: none).  An idea\n"
			 "with votes is taken off the ballot only with --force.  Both take\n"
			 "[--actor NAME].\n"),
		       bl_progname, bl_progname);
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	if (strcmp(argv[1], "add") == 0)
		return idea_add_set(argc, argv, true);
	if (strcmp(argv[1], "set") == 0)
		return idea_add_set(argc, argv, false);
	return bl_usage("idea", _("unknown subcommand '%s'; expected add or set"), argv[1]);
}

int bl_cmd_ideas(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s ideas DB LAB\n"
			 "The lab's ideas: number, status, total cost, votes on counted ballots,\n"
			 "title, and the feasibility note.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 3)
		return bl_usage("ideas", _("expected: ideas DB LAB"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("ideas", argv[1], argv[2], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_idea *v = NULL;
	size_t n = 0;
	rc = bl_store_ideas(app.store, l.id, &v, &n, &err);
	bl_lab_clear(&l);
	if (rc != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	bl_money *tot = calloc(n ? n : 1, sizeof *tot);
	for (size_t i = 0; tot && i < n; i++)
		if (bl_idea_total(&v[i], &tot[i], &err) != 0)
			tot[i] = 0;
	int aw = bl_amount_width(&app, tot, n, BL_UNIT_KR, 4);
	int sw = 0;
	for (size_t i = 0; i < n; i++)
		if (bl_text_width(_(bl_idea_status_name(v[i].status))) > sw)
			sw = bl_text_width(_(bl_idea_status_name(v[i].status)));
	if (n) {
		printf("%3s  ", "#");
		bl_cell(stdout, _("status"), sw, false);
		printf("  ");
		bl_cell_num(stdout, _("cost"), aw);
		printf("  %5s  %s\n", _("votes"), _("title"));
	}
	for (size_t i = 0; tot && i < n; i++) {
		char buf[64];
		bl_fmt_amount(&app, tot[i], BL_UNIT_KR, buf, sizeof buf);
		printf("%3" PRId64 "  ", v[i].number);
		bl_cell(stdout, _(bl_idea_status_name(v[i].status)), sw, false);
		printf("  ");
		bl_cell_num(stdout, buf, aw);
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, v[i].number);
		/* An idea from a Pabulib file keeps the file's id: tally prints it. */
		if (v[i].pb_id && strcmp(v[i].pb_id, num) != 0)
			printf(_("  %5zu  %s  [file id %s]\n"), v[i].votes, v[i].title, v[i].pb_id);
		else
			printf("  %5zu  %s\n", v[i].votes, v[i].title);
		if (v[i].feasibility)
			bl_print_wrapped(stdout, v[i].feasibility, 7, bl_term_width());
		if (v[i].has_pillar[0] || v[i].has_pillar[1] || v[i].has_pillar[2] || v[i].n_goals) {
			printf("%7s", "");
			for (int k = 0; k < 3; k++) {
				if (v[i].has_pillar[k] && v[i].pillar[k] == 0)
					printf("%s 0  ", _(bl_pillar_name(k)));
				else if (v[i].has_pillar[k])
					printf("%s %+d  ", _(bl_pillar_name(k)), v[i].pillar[k]);
				else
					printf(_("%s not assessed  "), _(bl_pillar_name(k)));
			}
			for (size_t g = 0; g < v[i].n_goals; g++)
				printf(g ? ", %" PRId64 : _("goals %" PRId64), v[i].goals[g]);
			printf("\n");
		}
	}
	printf(ngettext("%zu idea\n", "%zu ideas\n", (unsigned long)n), n);
	free(tot);
	bl_ideas_free(v, n);
	bl_app_close(&app);
	return 0;
}

/* ---- ballots ---- */

static int ballot_add(int argc, char **argv, bool correct)
{
	static const struct option longopts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "participant", required_argument, NULL, 'p' },
		{ "cast", required_argument, NULL, 'c' },
		{ "reason", required_argument, NULL, 'r' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = correct ? "ballot correct" : "ballot add";
	int first = correct ? 6 : 5;
	if (argc < first)
		return bl_usage(cmd, correct
				? _("expected: ballot correct DB LAB BALLOT \"MARKS\" --reason R")
				: _("expected: ballot add DB LAB \"MARKS\" [--session S] [--participant N]"));
	int64_t lab, ballot = 0, session = 0, part = 0;
	if (bl_opt_lab(cmd, argv[3], &lab) ||
	    (correct && bl_opt_id(cmd, "BALLOT", argv[4], &ballot)))
		return BL_EXIT_USAGE;
	const char *marks = argv[first - 1], *reason = NULL, *actor = NULL;
	bl_ballot_method method = BL_CAST_PAPER;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - first + 1, argv + first - 1, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (correct)
				return bl_usage(cmd, _("a correction keeps the ballot's session"));
			if (bl_opt_id(cmd, "--session", optarg, &session))
				return BL_EXIT_USAGE;
			break;
		case 'p':
			if (correct)
				return bl_usage(cmd, _("a correction keeps the ballot's participant"));
			if (bl_opt_id(cmd, "--participant", optarg, &part))
				return BL_EXIT_USAGE;
			break;
		case 'c':
			if (bl_ballot_method_from_name(optarg, &method) != 0 || method == BL_CAST_FILE)
				return bl_usage(cmd, _("--cast '%s': expected paper or laptop"), optarg);
			break;
		case 'r':
			if (bl_opt_text(cmd, "--reason", optarg, 500, false))
				return BL_EXIT_USAGE;
			reason = optarg;
			break;
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error(cmd, c, argv + first - 1, longopts);
		}
	}
	if (optind != argc - first + 1)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[first - 1 + optind]);
	if (correct && !reason)
		return bl_usage(cmd, _("--reason is required: a correction is journalled with it"));
	if (!correct && reason)
		return bl_usage(cmd, _("--reason is for corrections"));
	if (!bl_utf8_valid(marks, strlen(marks)))
		return bl_usage(cmd, _("the marks are not valid UTF-8"));
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int64_t id;
	int r = correct
		? bl_store_ballot_reenter(app.store, &app.def->lab, lab, ballot, marks, reason, &id, &err)
		: bl_store_ballot_enter(app.store, &app.def->lab, lab, marks, session, part, method,
					&id, &err);
	if (r != 0)
		rc = bl_fail_store(&app, &err);
	else if (correct)
		printf(_("Ballot %" PRId64 " replaces ballot %" PRId64 " (void: %s)\n"), id, ballot,
		       reason);
	else
		printf(_("Counted ballot %" PRId64 " in lab %" PRId64 "\n"), id, lab);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_ballot(int argc, char **argv)
{
	if (argc < 2 || bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s ballot add DB LAB \"MARKS\" [--session S] [--participant N]\n"
			 "                [--cast paper|laptop]\n"
			 "       %s ballot void DB LAB BALLOT --reason R\n"
			 "       %s ballot correct DB LAB BALLOT \"MARKS\" --reason R\n"
			 "       %s ballot undo DB LAB [--session S]\n"
			 "MARKS are idea numbers as on the paper ballot: \"3 7 12\" (approval), in\n"
			 "order for a ranking, \"3:2 7:5\" for points (a number without points is one\n"
			 "point).  A ballot is checked against the lab's ballot type and refused with\n"
			 "the reason.  A counted ballot is never changed: void it, or correct it\n"
			 "(void and enter anew, in one step); both are journalled.  `undo` voids the\n"
			 "last ballot entered.  All take [--actor NAME].\n"),
		       bl_progname, bl_progname, bl_progname, bl_progname);
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0)
		return ballot_add(argc, argv, false);
	if (strcmp(sub, "correct") == 0)
		return ballot_add(argc, argv, true);
	if (strcmp(sub, "void") == 0 || strcmp(sub, "undo") == 0) {
		bool undo = strcmp(sub, "undo") == 0;
		const char *cmd = undo ? "ballot undo" : "ballot void";
		static const struct option longopts[] = {
			{ "reason", required_argument, NULL, 'r' },
			{ "session", required_argument, NULL, 's' },
			{ "actor", required_argument, NULL, 'A' },
			{ NULL, 0, NULL, 0 },
		};
		int first = undo ? 4 : 5;
		if (argc < first)
			return bl_usage(cmd, undo ? _("expected: ballot undo DB LAB [--session S]")
						  : _("expected: ballot void DB LAB BALLOT --reason R"));
		int64_t lab, ballot = 0, session = 0;
		if (bl_opt_lab(cmd, argv[3], &lab) ||
		    (!undo && bl_opt_id(cmd, "BALLOT", argv[4], &ballot)))
			return BL_EXIT_USAGE;
		const char *reason = NULL, *actor = NULL;
		int c;
		optind = 1;
		opterr = 0;
		while ((c = getopt_long(argc - first + 1, argv + first - 1, ":", longopts, NULL)) != -1) {
			switch (c) {
			case 'r':
				if (undo)
					return bl_usage(cmd, _("undo's reason is always \"undone\""));
				if (bl_opt_text(cmd, "--reason", optarg, 500, false))
					return BL_EXIT_USAGE;
				reason = optarg;
				break;
			case 's':
				if (!undo)
					return bl_usage(cmd, _("--session is for undo"));
				if (bl_opt_id(cmd, "--session", optarg, &session))
					return BL_EXIT_USAGE;
				break;
			case 'A': actor = optarg; break;
			default:
				return bl_opt_error(cmd, c, argv + first - 1, longopts);
			}
		}
		if (optind != argc - first + 1)
			return bl_usage(cmd, _("unexpected argument '%s'"), argv[first - 1 + optind]);
		if (!undo && !reason)
			return bl_usage(cmd, _("--reason is required: voiding is journalled with it"));
		bl_app app;
		int rc = bl_app_open(&app, argv[2], false);
		if (rc)
			return rc;
		if (actor)
			bl_store_set_actor(app.store, actor);
		bl_err err = { { 0 } };
		int64_t restored = 0;
		int r = undo ? bl_store_ballot_undo_ex(app.store, lab, session, &ballot, &restored, &err)
			     : bl_store_ballot_void(app.store, lab, ballot, reason, &err);
		if (r != 0)
			rc = bl_fail_store(&app, &err);
		else if (restored)
			printf(_("Undid ballot %" PRId64 " (void: undone), a correction: the ballot it"
				 " corrected is counted again, as ballot %" PRId64 "\n"), ballot, restored);
		else
			printf(undo ? _("Undid ballot %" PRId64 " (void: undone)\n")
				    : _("Voided ballot %" PRId64 "\n"), ballot);
		bl_app_close(&app);
		return rc;
	}
	return bl_usage("ballot", _("unknown subcommand '%s'; expected add, void, correct or undo"),
			sub);
}

int bl_cmd_ballots(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 3)) {
		printf(_("Usage: %s ballots DB LAB [--all]\n"
			 "The lab's counted ballots in entry order (with --all the void ones too,\n"
			 "with their reasons): number, session, participant, cast, marks.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	bool all = argc == 4 && strcmp(argv[3], "--all") == 0;
	if (argc != 3 && !all)
		return bl_usage("ballots", _("expected: ballots DB LAB [--all]"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("ballots", argv[1], argv[2], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_ballot *v = NULL;
	size_t n = 0;
	if (bl_store_ballots(app.store, l.id, all, &v, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_lab_clear(&l);
		bl_app_close(&app);
		return rc;
	}
	bool points = l.vote_type == BL_VOTE_CUMULATIVE || l.vote_type == BL_VOTE_SCORING;
	size_t counted = 0;
	if (n) {
		printf("%6s  %7s  %11s  ", _("ballot"), _("session"), _("participant"));
		bl_cell(stdout, _("cast"), 6, false);
		printf("  %s\n", _("marks"));
	}
	for (size_t i = 0; i < n; i++) {
		const bl_ballot *b = &v[i];
		counted += !b->void_reason;
		char sess[24] = "-", part[24] = "-";
		if (b->session_id)
			snprintf(sess, sizeof sess, "%" PRId64, b->session_id);
		if (b->participant)
			snprintf(part, sizeof part, "%" PRId64, b->participant);
		printf("%6" PRId64 "  %7s  %11s  ", b->id, sess, part);
		bl_cell(stdout, _(bl_ballot_method_name(b->method)), 6, false);
		printf("  ");
		for (size_t k = 0; k < b->n_marks; k++) {
			if (points)
				printf("%s%d:%d", k ? " " : "", b->marks[k].idea, b->marks[k].points);
			else
				printf("%s%d", k ? " " : "", b->marks[k].idea);
		}
		if (!b->n_marks)
			printf(_("(empty)"));
		if (b->replaces)
			printf(_("  (replaces %" PRId64 ")"), b->replaces);
		if (b->void_reason)
			printf(_("  VOID: %s"), b->void_reason);
		printf("\n");
	}
	printf(ngettext("%zu ballot counted\n", "%zu ballots counted\n", (unsigned long)counted),
	       counted);
	if (all && n > counted)
		printf(ngettext("%zu void\n", "%zu void\n", (unsigned long)(n - counted)), n - counted);
	bl_lab_clear(&l);
	bl_ballots_free(v, n);
	bl_app_close(&app);
	return 0;
}
