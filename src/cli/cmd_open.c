/* cmd_open.c: `budgetlab [OPTIONS] DB` opens a process in the screens
 * (src/tui), `budgetlab --present DB` opens the projector view, and
 * `budgetlab keys` prints the key table.  Without a terminal (a pipe, a
 * cron job) `budgetlab DB` prints the status instead, so scripts keep a
 * headless view. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "tui/tui.h"

static int parse_size(const char *arg, int *cols, int *rows)
{
	char x, extra;
	if (sscanf(arg, "%d%c%d%c", cols, &x, rows, &extra) != 3 || (x != 'x' && x != 'X') ||
	    *cols < 1 || *cols > 1000 || *rows < 1 || *rows > 500)
		return bl_usage(NULL, _("--size '%s': expected COLSxROWS, e.g. 80x24 (at most 1000x500)"), arg);
	return 0;
}

int bl_cmd_open(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "present", no_argument, NULL, 'p' },
		{ "script", required_argument, NULL, 's' },
		{ "size", required_argument, NULL, 'z' },
		{ "theme", required_argument, NULL, 't' },
		{ "unit", required_argument, NULL, 'u' },
		{ "show", required_argument, NULL, 'v' },
		{ "screen", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	tui_opts o;
	memset(&o, 0, sizeof o);
	o.script = getenv("BUDGETLAB_SCRIPT");
	if (o.script && !*o.script)
		o.script = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			o.present = true;
			break;
		case 's':
			o.script = optarg;
			break;
		case 'z':
			if (parse_size(optarg, &o.script_cols, &o.script_rows))
				return BL_EXIT_USAGE;
			break;
		case 't':
			if (tui_theme_from_name(optarg, &o.theme) != 0)
				return bl_usage(NULL, _("--theme '%s' is not a theme; expected default, contrast or mono"), optarg);
			o.theme_set = true;
			break;
		case 'u':
			if (bl_opt_unit(NULL, optarg, &o.unit))
				return BL_EXIT_USAGE;
			o.unit_set = true;
			break;
		case 'v':
			if (!bl_version_valid(optarg))
				return bl_usage(NULL, _("--show '%s' is not a budget version; expected proposal, first_reading or adopted"), optarg);
			o.version = optarg;
			break;
		case 'S': {
			/* The screens' own names, as the state dumps write them. */
			int found = -1;
			for (int i = SCR_PROCESS; i <= SCR_LAST_TAB; i++)
				if (strcmp(optarg, tui_ops(i)->name) == 0)
					found = i;
			if (found < 0)
				return bl_usage(NULL, _("--screen '%s' is not a screen; expected process, budget, goals, journal, import, labs, signin, ballots, results, amendments, hearing, versions, pools or pillars"), optarg);
			o.screen = found;
			break;
		}
		default:
			return bl_opt_error(NULL, c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage(NULL, _("expected one database file"));
	o.db_path = argv[optind];
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (!o.script && !tty && !o.present) {
		/* Headless: the status, as `budgetlab status DB`. */
		char *args[] = { (char *)"status", (char *)o.db_path, NULL };
		return bl_cmd_status(2, args);
	}
	return bl_tui_run(&o);
}

int bl_cmd_keys(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--man") == 0) {
		tui_actions_man(stdout);
		return BL_EXIT_OK;
	}
	if (argc != 1)
		return bl_usage("keys", _("expected no argument, or --man"));
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		printf("%-16s %-13s %s\n", a->name, a->keys_label, _(a->help));
	}
	return BL_EXIT_OK;
}
