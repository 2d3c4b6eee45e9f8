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

/* The phase file's text with its budget_year replaced: the process keeps
 * the text it was made from (and reads it back on every open), so the
 * year must change there, not only in the parsed definition.  The value
 * is found as the loader would: the first "budget_year:" key at the
 * start of a line (after indentation), followed by the year. */
static char *with_budget_year(const char *text, int year)
{
	const char *p = text, *hit = NULL;
	while (p && *p) {
		const char *q = p;
		while (*q == ' ')
			q++;
		if (strncmp(q, "budget_year:", 12) == 0) {
			hit = q + 12;
			break;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!hit)
		return NULL;
	while (*hit == ' ')
		hit++;
	const char *end = hit;
	while (*end >= '0' && *end <= '9')
		end++;
	if (end == hit)
		return NULL;
	size_t len = strlen(text) + 16;
	char *out = malloc(len);
	if (!out)
		return NULL;
	int old = atoi(hit);
	snprintf(out, len, "%.*s%d%s", (int)(hit - text), text, year, end);
	/* The phases' dates (YYYY-MM-DD) move by as many years, so that the
	 * timeline stays before and around the new budget year; 29 February
	 * becomes the 28th in a year that has none. */
	int delta = year - old;
	for (char *d = out; *d; d++) {
		bool date = true;
		for (int k = 0; k < 10 && date; k++)
			date = (k == 4 || k == 7) ? d[k] == '-' : (d[k] >= '0' && d[k] <= '9');
		if (!date || (d > out && d[-1] >= '0' && d[-1] <= '9') || (d[10] >= '0' && d[10] <= '9'))
			continue;
		int y = atoi(d) + delta;
		if (y < 1000 || y > 9999)
			continue;
		char buf[5];
		snprintf(buf, sizeof buf, "%04d", y);
		memcpy(d, buf, 4);
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (!leap && strncmp(d + 5, "02-29", 5) == 0)
			d[9] = '8';
		d += 9;
	}
	return out;
}

/* "Budget 2028–2031" -> "Budget 2013–2016" when the budget year moves
 * from 2028 to 2013: every year-like number in the title moves with it. */
static char *shift_years(const char *title, int delta)
{
	size_t len = strlen(title) + 1;
	char *out = malloc(len);
	if (!out)
		return NULL;
	size_t o = 0;
	for (const char *p = title; *p;) {
		bool digits4 = p[0] >= '1' && p[0] <= '2';
		for (int k = 1; k < 4 && digits4; k++)
			digits4 = p[k] >= '0' && p[k] <= '9';
		bool alone = digits4 && (p == title || p[-1] < '0' || p[-1] > '9') &&
			     (p[4] < '0' || p[4] > '9');
		int y = alone ? atoi((char[5]){ p[0], p[1], p[2], p[3], 0 }) : 0;
		if (alone && y >= 1900 && y + delta >= 1000 && y + delta <= 9999) {
			o += (size_t)snprintf(out + o, len - o, "%04d", y + delta);
			p += 4;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	return out;
}

int bl_cmd_create(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "title", required_argument, NULL, 't' },
		{ "actor", required_argument, NULL, 'a' },
		{ "budget-year", required_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *muni = NULL, *title = NULL, *actor = NULL;
	long year = 0;
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
		case 'y':
			if (bl_opt_int("create", "--budget-year", optarg, 1900, 2190, &year))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s create PATH CONFIG.yaml [--municipality NAME] [--title TITLE]\n"
				 "                  [--budget-year YEAR]\n"
				 "Create a new budget process database at PATH (never overwrites a file)\n"
				 "from a phase file, e.g. %s/phases/danish-municipality.yaml.\n"
				 "--municipality and --title replace those of the file; --budget-year\n"
				 "its budget_year (e.g. 2013 to import Bergen's 2013 budget): the outline\n"
				 "years, the phases' dates (every YYYY-MM-DD in the file) and the years in\n"
				 "the title move by as many years.  The process\n"
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
	if (year && year != def->budget_year) {
		char *t2 = with_budget_year(text, (int)year);
		bl_process_def *d2 = NULL;
		if (!t2 || bl_config_load_string(t2, strlen(t2), cfg, &d2, &err) != 0 ||
		    d2->budget_year != year) {
			if (t2 && !err.msg[0])
				bl_err_set(&err, _("%s: the budget_year could not be changed in the file's text"), cfg);
			free(t2);
			bl_process_def_free(d2);
			bl_process_def_free(def);
			free(text);
			if (!err.msg[0])
				return bl_fail(BL_EXIT_REFUSED, _("%s: no budget_year to change"), cfg);
			return bl_fail_err(BL_EXIT_REFUSED, &err);
		}
		char *shifted = title ? NULL : shift_years(d2->title, (int)year - def->budget_year);
		free(text);
		bl_process_def_free(def);
		text = t2;
		def = d2;
		if (shifted) {
			free(def->title);
			def->title = shifted;
		}
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
		printf(_("Usage: %s demo PATH [--lab]\n"
			 "Write the demo municipality, Egekær Kommune (Budget 2028-2031, a few\n"
			 "hundred lines, goals, a process in its first phase), to a new database\n"
			 "at PATH.  With --lab also a citizen lab that is voting: two sessions,\n"
			 "ten ideas, 24 participants and their ballots.  An existing file is never\n"
			 "overwritten.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	bool lab = argc == 3 && strcmp(argv[2], "--lab") == 0;
	if (argc != 2 && !lab)
		return bl_usage("demo", _("expected the path of a new database file, and --lab or"
					  " nothing"));
	bl_err err = { { 0 } };
	if (bl_demo_create(argv[1], &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	if (lab && bl_demo_add_lab(argv[1], &err) != 0) {
		int rc = bl_fail_err(BL_EXIT_FILE, &err);
		/* All or nothing, as for the demo itself. */
		remove(argv[1]);
		return rc;
	}
	printf(_("Wrote the demo municipality to %s.\nOpen it with: %s %s\n"), argv[1], bl_progname, argv[1]);
	return BL_EXIT_OK;
}
