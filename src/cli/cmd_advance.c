/* cmd_advance.c: moving the process on (`advance`) and ticking the
 * checklist (`tick`).  Gates are evaluated here, against the database;
 * moving past a failing gate needs a reason, which the journal keeps. */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/amend_store.h"
#include "core/i18n.h"
#include "core/text.h"

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

int bl_cmd_advance(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "override", required_argument, NULL, 'o' },
		{ "actor", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			reason = optarg;
			break;
		case 'a':
			actor = optarg;
			break;
		case 'h':
			printf(_("Usage: %s advance DB [--override REASON] [--actor NAME]\n"
				 "Move the process to its next phase.  The current phase's gates are\n"
				 "checked first; if any fails, the move is refused unless --override\n"
				 "gives a reason, which is kept in the journal with the failed gates.\n"),
			       bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("advance", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("advance", _("expected one database file"));
	if (reason && blank(reason))
		return bl_usage("advance", _("--override needs a reason, e.g. --override \"agreed at the council meeting on 12 May\""));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int cur;
	char *id = NULL, *failed = NULL;
	if (bl_store_phase_current(app.store, &cur, &id, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	if ((size_t)(cur + 1) >= app.def->n_phases) {
		rc = bl_fail(BL_EXIT_REFUSED, _("the process is in its last phase, '%s'; there is no next phase"),
			     app.def->phases[cur].title);
		goto out;
	}
	int n_failed = 0;
	if (cur >= 0) {
		printf(_("Gates of '%s':\n"), app.def->phases[cur].title);
		n_failed = bl_gates_report(&app, cur, stdout, &failed);
		if (n_failed < 0) {
			rc = BL_EXIT_FILE;
			goto out;
		}
	}
	if (n_failed > 0 && !reason) {
		rc = bl_fail(BL_EXIT_REFUSED,
			     _("%d gate(s) fail, so the process stays in '%s'.\n"
			       "To move on anyway, give the reason: %s advance %s --override \"REASON\"\n"
			       "(the reason and the failed gates are kept in the journal)"),
			     n_failed, app.def->phases[cur].title, bl_progname, app.path);
		goto out;
	}
	if (n_failed == 0 && reason) {
		printf(_("Every gate passes; no override is needed, so the reason is not recorded.\n"));
		reason = NULL;
	}
	const char *freeze_at = app.def->readings.freeze_at;
	if (bl_store_phase_advance_freeze(app.store, cur + 1, n_failed ? reason : NULL,
					  n_failed ? failed : NULL, freeze_at, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	printf(_("Now in phase %d of %zu: %s [%s]%s\n"), cur + 2, app.def->n_phases,
	       app.def->phases[cur + 1].title, app.def->phases[cur + 1].id,
	       n_failed ? _(" (gates overridden; see the journal)") : "");
	if (freeze_at && strcmp(freeze_at, app.def->phases[cur + 1].id) == 0)
		printf(_("The proposal is frozen as the first-reading version; from now on it"
			 " changes only by amendments (%s amendment add).\n"), bl_progname);
out:
	free(id);
	free(failed);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_tick(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "undo", no_argument, NULL, 'u' },
		{ "actor", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool undo = false;
	const char *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'u':
			undo = true;
			break;
		case 'a':
			actor = optarg;
			break;
		case 'h':
			printf(_("Usage: %s tick DB ITEM [--undo] [--actor NAME]\n"
				 "Tick item ITEM (a number, see `%s phase DB`) of the current\n"
				 "phase's checklist, or untick it with --undo.\n"), bl_progname, bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("tick", c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		return bl_usage("tick", _("expected a database file and an item number"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int cur;
	char *id = NULL;
	long item;
	if (bl_store_phase_current(app.store, &cur, &id, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	if (cur < 0) {
		rc = bl_fail(BL_EXIT_REFUSED, _("the process has not started, so there is no checklist yet"));
		goto out;
	}
	const bl_phase *ph = &app.def->phases[cur];
	if (ph->n_checklist == 0) {
		rc = bl_fail(BL_EXIT_REFUSED, _("phase '%s' has no checklist"), ph->title);
		goto out;
	}
	if (bl_opt_int("tick", "ITEM", argv[optind + 1], 1, (long)ph->n_checklist, &item)) {
		rc = BL_EXIT_USAGE;
		goto out;
	}
	if (bl_store_checklist_set(app.store, ph->id, (int)item - 1, !undo, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	char head[32];
	snprintf(head, sizeof head, "[%s] %ld. ", undo ? " " : "x", item);
	bl_print_hanging(stdout, head, ph->checklist[item - 1], bl_text_width(head), 78);
out:
	free(id);
	bl_app_close(&app);
	return rc;
}
