/* cmd_journal.c: the change history, newest first.  Read-only: the journal
 * cannot be edited through the program. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

static int print_entry(void *ctx, const bl_journal_entry *e)
{
	(void)ctx;
	printf("%6" PRId64 "  %s  %-10s %-9s %-7s %s\n", e->id, e->at, e->actor,
	       e->entity, e->action, e->key ? e->key : "");
	if (e->before)
		printf(_("        before: %s\n"), e->before);
	if (e->after)
		printf(_("        after:  %s\n"), e->after);
	return 0;
}

int bl_cmd_journal(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "line", required_argument, NULL, 'l' },
		{ "limit", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *line = NULL;
	long limit = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			line = optarg;
			break;
		case 'n':
			if (bl_opt_int("journal", "--limit", optarg, 1, 1000000000L, &limit))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s journal DB [--line CODE] [--limit N]\n"
				 "Every change to the budget, goals and phases, newest first: when,\n"
				 "who, what, and the values before and after.  --line shows only the\n"
				 "changes to one budget line and its amounts.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_usage("journal", _("unknown option"));
		}
	}
	if (argc - optind != 1)
		return bl_usage("journal", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_journal_each(app.store, line, (int)limit, print_entry, NULL, &err) != 0)
		rc = bl_fail_err(BL_EXIT_FILE, &err);
	bl_app_close(&app);
	return rc;
}
