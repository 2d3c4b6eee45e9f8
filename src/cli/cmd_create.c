/* cmd_create.c: making a process (`create`, `demo`) and checking phase
 * files (`check-config`). */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/demo.h"
#include "config/process_yaml.h"
#include "core/i18n.h"

int bl_cmd_check_config(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: %s check-config FILE...\n"
			 "Validate phase files (see budgetlab-process(5)).  Prints each problem\n"
			 "as FILE:LINE:COLUMN: what is wrong; expected what.  Exit status 1 if\n"
			 "any file is invalid.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 2)
		return bl_usage("check-config", _("expected one or more phase files"));
	int rc = BL_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		bl_err err = { { 0 } };
		bl_process_def *def = NULL;
		if (bl_config_load_file(argv[i], &def, NULL, &err) != 0) {
			fprintf(stderr, "%s\n", err.msg);
			rc = BL_EXIT_REFUSED;
			continue;
		}
		size_t gates = 0;
		for (size_t p = 0; p < def->n_phases; p++)
			gates += def->phases[p].n_gates;
		printf(_("%s: ok: %s, %s, %zu phases, %zu gates, years %d-%d\n"), argv[i],
		       def->municipality, def->title, def->n_phases, gates, def->budget_year,
		       def->budget_year + def->outline_years);
		bl_process_def_free(def);
	}
	return rc;
}

static int replace_str(char **field, const char *value)
{
	char *copy = strdup(value);
	if (!copy)
		return -1;
	free(*field);
	*field = copy;
	return 0;
}

int bl_cmd_create(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "title", required_argument, NULL, 't' },
		{ "actor", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *muni = NULL, *title = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (bl_opt_text("create", "--municipality", optarg, 200, false))
				return BL_EXIT_USAGE;
			muni = optarg;
			break;
		case 't':
			if (bl_opt_text("create", "--title", optarg, 200, false))
				return BL_EXIT_USAGE;
			title = optarg;
			break;
		case 'a':
			actor = optarg;
			break;
		case 'h':
			printf(_("Usage: %s create PATH CONFIG.yaml [--municipality NAME] [--title TITLE]\n"
				 "Create a new budget process database at PATH (never overwrites a file)\n"
				 "from a phase file, e.g. %s/phases/danish-municipality.yaml.\n"
				 "--municipality and --title replace those of the file.  The process\n"
				 "starts before its first phase, so the basis budget can be entered;\n"
				 "`%s advance PATH` starts it.\n"), bl_progname, PKGDATADIR, bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("create", c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		return bl_usage("create", _("expected a new database path and a phase file"));
	const char *path = argv[optind], *cfg = argv[optind + 1];
	bl_err err = { { 0 } };
	bl_process_def *def = NULL;
	char *text = NULL;
	if (bl_config_load_file(cfg, &def, &text, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return BL_EXIT_REFUSED;
	}
	if ((muni && replace_str(&def->municipality, muni)) || (title && replace_str(&def->title, title))) {
		bl_process_def_free(def);
		free(text);
		return bl_fail(BL_EXIT_FILE, _("out of memory"));
	}
	bl_store *s = NULL;
	if (actor)
		setenv("BUDGETLAB_ACTOR", actor, 1);
	int rc = BL_EXIT_OK;
	if (bl_store_create(path, def, text, &s, &err) != 0)
		rc = bl_fail_err(BL_EXIT_FILE, &err);
	else
		printf(_("Created %s: %s, %s, %zu phases.\nNext: add areas and lines, then start with: %s advance %s\n"),
		       path, def->municipality, def->title, def->n_phases, bl_progname, path);
	bl_store_close(s);
	bl_process_def_free(def);
	free(text);
	return rc;
}

int bl_cmd_demo(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: %s demo PATH\n"
			 "Write the demo municipality, Egekær Kommune (Budget 2028-2031, a few\n"
			 "hundred lines, goals, a process in its first phase), to a new database\n"
			 "at PATH.  An existing file is never overwritten.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("demo", _("expected the path of a new database file"));
	bl_err err = { { 0 } };
	if (bl_demo_create(argv[1], &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	printf(_("Wrote the demo municipality to %s.\nOpen it with: %s %s\n"), argv[1], bl_progname, argv[1]);
	return BL_EXIT_OK;
}
