/* main.c: budgetlab's entry point and the table of subcommands.
 *
 * The command table below drives dispatch and --help alike, so that a
 * command cannot exist without being documented. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/lab_cli.h"
#include "core/i18n.h"

const char *bl_progname = "budgetlab";

const bl_cmd bl_cmds[] = {
	{ "demo", "PATH [--lab]", N_("write the demo municipality (with --lab: and a citizen lab) to a new database"), bl_cmd_demo, false },
	{ "create", "PATH CONFIG.yaml [--municipality NAME] [--title TITLE] [--budget-year Y]",
	  N_("create a new budget process from a phase file"), bl_cmd_create, false },
	{ "check-config", "FILE...", N_("validate phase files"), bl_cmd_check_config, false },
	{ "status", "DB [--version V] [--unit U] [--depth N]",
	  N_("current phase, its gates, totals per area and year"), bl_cmd_status, false },
	{ "phase", "DB", N_("the phases, the current guidance, checklist and gates"), bl_cmd_phase, false },
	{ "advance", "DB [--override REASON]", N_("move to the next phase (gates must pass, or be overridden)"), bl_cmd_advance, false },
	{ "tick", "DB ITEM [--undo]", N_("tick (or untick) a checklist item of the current phase"), bl_cmd_tick, false },
	{ "lines", "DB [--area AREA] [--version V] [--unit U]", N_("list budget lines with amounts per year"), bl_cmd_lines, false },
	{ "line", "add|set|show|delete DB CODE [OPTIONS]", N_("add, change, show or delete a budget line"), bl_cmd_line, false },
	{ "areas", "DB", N_("list the area hierarchy"), bl_cmd_areas, false },
	{ "area", "add DB CODE --name NAME [--parent AREA]", N_("add an area"), bl_cmd_area, false },
	{ "goals", "DB", N_("list goals and the lines that serve them"), bl_cmd_goals, false },
	{ "goal", "add|set|delete|link|unlink|sdg|indicator|measure|show DB ...",
	  N_("add, change, delete a goal, link it to lines and SDG targets, measure it"), bl_cmd_goal, false },
	{ "assess", "DB CODE [--social N] [--economic N] [--environmental N] [--why T]",
	  N_("assess a line on the three pillars of sustainability, -2 to +2"), bl_cmd_assess, false },
	{ "pillars", "DB [--version V] [--area AREA] [--unit U]",
	  N_("the money by pillar score, and the lines assessed as harmful"), bl_cmd_pillars, false },
	{ "sdg", "choose|drop|matrix DB ...",
	  N_("the SDGs the municipality chose, and the SDG matrix (Asker's form)"), bl_cmd_sdg, false },
	{ "pools", "DB", N_("the development pools: budget, granted and left"), bl_cmd_pools, false },
	{ "pool", "add|set|show|delete DB KEY ...",
	  N_("a development pool: ring-fenced money on an expense line, and its rules"), bl_cmd_pool, false },
	{ "projects", "DB POOL", N_("the projects that applied to a development pool"), bl_cmd_projects, false },
	{ "project", "add|set|show|reject|withdraw|reopen DB POOL ...",
	  N_("a project's application to a development pool, and its assessment"), bl_cmd_project, false },
	{ "grant", "DB POOL N YEAR=AMOUNT... [--note T]",
	  N_("grant a pool project its money; refused if the pool would be overspent"), bl_cmd_grant, false },
	{ "bridge", "DB [--version V] [--unit U]",
	  N_("from strategy to money: the lines and expenses per goal and per SDG"), bl_cmd_bridge, false },
	{ "journal", "DB [--line CODE] [--limit N]", N_("the change history, newest first"), bl_cmd_journal, false },
	{ "import", "DB FILE --profile NAME [--lenient [--rejects F]] [--add] [--dry-run] [--json]",
	  N_("import a finance system's CSV export with an import profile"), bl_cmd_import, false },
	{ "export", "DB [--version V] [--output FILE] [--excel-da] [--profile NAME]",
	  N_("export the budget as CSV"), bl_cmd_export, false },
	{ "labs", "DB", N_("list the citizen labs"), bl_cmd_labs, false },
	{ "lab", "add|set|show|import|export DB ...",
	  N_("add or change a lab; import or export it as a Pabulib .pb file"), bl_cmd_lab, false },
	{ "session", "add|set|delete DB LAB ...", N_("add, correct or delete a session (meeting) of a lab"),
	  bl_cmd_session, false },
	{ "sessions", "DB LAB", N_("list a lab's sessions"), bl_cmd_sessions, false },
	{ "participant", "add|delete DB LAB ...", N_("sign a participant in (pseudonymous), or remove one"),
	  bl_cmd_participant, false },
	{ "participants", "DB LAB [--names]", N_("list a lab's participants and their categories"),
	  bl_cmd_participants, false },
	{ "representation", "DB LAB", N_("participants against the population targets, per category"),
	  bl_cmd_representation, false },
	{ "idea", "add|set DB LAB ...", N_("add or change an idea (a project) of a lab"), bl_cmd_idea, false },
	{ "ideas", "DB LAB", N_("list a lab's ideas with cost, status and votes"), bl_cmd_ideas, false },
	{ "ballot", "add|void|correct|undo DB LAB ...", N_("enter a ballot (checked), void, correct or undo one"),
	  bl_cmd_ballot, false },
	{ "ballots", "DB LAB [--all]", N_("list a lab's ballots"), bl_cmd_ballots, false },
	{ "tally", "--rule RULE FILE.pb | DB LAB", N_("the projects a winner rule selects, one id per line"),
	  bl_cmd_tally, false },
	{ "results", "DB LAB [--rule R] [--compare R2]",
	  N_("a lab's outcome: votes, winners, money left, two rules side by side"), bl_cmd_results, false },
	{ "versions", "DB", N_("the budget versions: proposal, first reading (frozen), adopted (computed)"),
	  bl_cmd_versions, false },
	{ "amendment", "add|set|show DB ...",
	  N_("table an amendment against the first-reading version, correct or show one"),
	  bl_cmd_amendment, false },
	{ "amendments", "DB [--undecided]", N_("list the amendments with their effect and conflicts"),
	  bl_cmd_amendments, false },
	{ "decide", "DB N adopted|rejected|withdrawn [--note TEXT]",
	  N_("record the decision on an amendment; the adopted version is computed again"),
	  bl_cmd_decide, false },
	{ "deficit", "accept DB --reason TEXT", N_("accept the adopted version's deficit, with a reason"),
	  bl_cmd_deficit, false },
	{ "diff", "DB [OLD [NEW]] [--csv lines|areas | --markdown] [-o FILE]",
	  N_("what changed between two versions, per line, area and year, and why"), bl_cmd_diff, false },
	{ "response", "add|set|show|comment|delete DB ...",
	  N_("register a hearing response, correct, comment or delete one"), bl_cmd_response, false },
	{ "responses", "DB [--uncommented] [--late] [--names]", N_("list the hearing responses"),
	  bl_cmd_responses, false },
	{ "hearing-summary", "DB [-o FILE] [--title TITLE]", N_("the hearing summary (høringsnotat) as Markdown"),
	  bl_cmd_hearing_summary, false },
	{ "sdgs", "[GOAL | TARGET] [--lang da|nb|en]",
	  N_("the UN Sustainable Development Goals and their targets"), bl_cmd_sdgs, false },
	{ "keys", "[--man]", N_("the keys of the screens (with --man: as budgetlab(1) lists them)"), bl_cmd_keys, false },
	{ NULL, NULL, NULL, NULL, false },
};

static void usage(FILE *f)
{
	fprintf(f, _("Usage: %s COMMAND [ARGS]...\n"
		     "       %s [--theme T] [--unit U] DB   open a budget process in the screens\n"
		     "       %s --present DB               the projector view (read-only, follows changes)\n"
		     "Participatory budgeting for municipalities.\n\n"
		     "Commands:\n"), bl_progname, bl_progname, bl_progname);
	for (const bl_cmd *c = bl_cmds; c->name; c++) {
		if (c->hidden)
			continue;
		fprintf(f, "  %-13s %s\n", c->name, c->args);
		fprintf(f, "  %-13s   %s\n", "", _(c->summary));
	}
	fprintf(f, _("\nOptions:\n"
		     "  -h, --help     show this help (also: COMMAND --help)\n"
		     "  -V, --version  show the version\n"
		     "  --present      the projector view: large type, read-only, follows changes\n"
		     "  --theme T      default, contrast (for projectors) or mono; NO_COLOR is honoured\n"
		     "  --unit U       kr, t (1.000 kr.) or mio\n"
		     "  --show V       the budget version shown first: proposal, first_reading, adopted\n"
		     "  --screen S     the first screen: process (default), budget, goals, journal, import,\n"
		     "                 labs, signin, ballots, results,\n"
		     "                 amendments, hearing, versions\n"
		     "  --script FILE  read keys from FILE, tty-free (tests; also BUDGETLAB_SCRIPT)\n"
		     "  --size CxR     the screen size in script mode (default 80x24)\n\n"
		     "Amounts are written as the process's language writes them, e.g.\n"
		     "1.234.567,50 (da), 1 234 567 (nb), 1,234,567.50 (en).\n"
		     "Exit status: 0 done, 1 refused (bad input, lock, failing gate),\n"
		     "2 usage error, 3 file or database could not be used.\n"
		     "See budgetlab(1) and budgetlab-process(5).\n"));
}

int main(int argc, char **argv)
{
	/* The user's locale for messages; amounts never depend on it. */
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);

	if (argc < 2) {
		usage(stderr);
		return BL_EXIT_USAGE;
	}
	const char *a = argv[1];
	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "help") == 0) {
		usage(stdout);
		return BL_EXIT_OK;
	}
	if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
		printf("budgetlab %s\n", PACKAGE_VERSION);
		printf(_("Copyright (C) 2026 the budgetlab authors.\n"
			 "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
			 "This is free software: you are free to change and redistribute it.\n"
			 "There is NO WARRANTY, to the extent permitted by law.\n"));
		return BL_EXIT_OK;
	}
	for (const bl_cmd *c = bl_cmds; c->name; c++)
		if (strcmp(a, c->name) == 0)
			return c->run(argc - 1, argv + 1);
	/* `budgetlab [OPTIONS] DB`: open a process in the screens.  A word
	 * that is neither a command nor a file is most likely a mistyped
	 * command, so say that rather than "no such file". */
	struct stat st;
	if (a[0] != '-' && stat(a, &st) != 0 && !strchr(a, '/') && !strchr(a, '.'))
		return bl_usage(NULL, _("unknown command '%s'"), a);
	return bl_cmd_open(argc, argv);
}
