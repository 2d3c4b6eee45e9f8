/* cmd_import.c: `budgetlab import DB FILE --profile NAME`, a finance
 * system's export into a version of the budget.
 *
 * By default an import with any rejected row changes nothing and says
 * why, row by row; --lenient imports the sound rows and writes the others,
 * unchanged, to a reject file.  The summary gives per year the sum of the
 * file's amounts as signed in the file, to be checked against the finance
 * system's own figures. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "config/import_yaml.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/import_store.h"

/* Rejected rows shown on the terminal; the reject file has them all. */
#define SHOWN_REJECTS 20

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static const char *delim_name(char d)
{
	return d == '\t' ? "tab" : d == ';' ? ";" : d == ',' ? "," : "?";
}

static void print_rejects(FILE *f, const bl_import *imp, size_t max)
{
	for (size_t i = 0; i < imp->n_rejects && i < max; i++) {
		const bl_import_reject *r = &imp->rejects[i];
		/* The row as the file has it (decoded from its encoding), cut
		 * to the terminal: the reject file has it whole. */
		char text[1024], cut[1024];
		bl_csv_printable(imp->csv, r->raw, r->raw_len, text, sizeof text);
		int w = bl_term_width() - 4;
		if (bl_text_width(text) > w && w > 10) {
			/* bl_text_fit ends a cut text with "…" itself. */
			bl_text_fit(text, w, false, cut, sizeof cut);
		} else {
			snprintf(cut, sizeof cut, "%s", text);
		}
		fprintf(f, "%s:%ld: %s\n    %s\n", bl_csv_name(imp->csv), r->line, r->reason, cut);
	}
	if (imp->n_rejects > max)
		fprintf(f, _("%s: %zu more rejected rows are not shown (--json lists them all)\n"),
			bl_csv_name(imp->csv), imp->n_rejects - max);
}

static void print_summary(FILE *f, const bl_app *app, const bl_import *imp,
			     const bl_import_result *res, const char *version,
			     const char *rejects_path)
{
	const bl_csv *csv = imp->csv;
	fprintf(f, _("File:      %s (%s%s, delimiter '%s')\n"), bl_csv_name(csv),
		bl_encoding_name(bl_csv_encoding(csv)), bl_csv_bom(csv) ? _(" with BOM") : "",
		delim_name(bl_csv_delimiter(csv)));
	fprintf(f, _("Profile:   %s: %s (%s)\n"), imp->profile->name,
		imp->profile->title ? imp->profile->title : "", imp->profile->path);
	fprintf(f, _("Version:   %s\n"), version);
	fprintf(f, _("Rows read: %" PRId64 "\n"), imp->rows);
	fprintf(f, _("Rejected:  %zu\n"), imp->n_rejects);
	fprintf(f, _("Lines:     %zu (%" PRId64 " created, %" PRId64 " already there: %" PRId64
		     " changed, %" PRId64 " unchanged; %" PRId64 " removed)\n"),
		imp->n_lines, res->counts.lines_created, res->counts.lines_updated,
		res->counts.lines_updated - res->counts.lines_unchanged, res->counts.lines_unchanged,
		res->counts.lines_removed);
	if (res->counts.lines_removed)
		fprintf(f, _("           the %" PRId64 " lines removed were in the version but not"
			     " in the file: an import replaces the version (--add adds to it)\n"),
			res->counts.lines_removed);
	if (!imp->year_seen[0] && imp->rows)
		fprintf(f, _("Note:      the file has no amounts for the budget year %d (is it"
			     " the file of another year?)\n"), imp->first_year);
	fprintf(f, _("Areas:     %" PRId64 " created\n"), res->counts.areas);
	fprintf(f, _("Replaced:  %" PRId64 " amounts of the version before\n"),
		res->counts.amounts_replaced);
	if (rejects_path && imp->n_rejects)
		fprintf(f, _("Rejects:   %s (fix the rows there, then import that file with"
			     " --add, so that it adds to the budget rather than replacing it)\n"),
			rejects_path);
	if (imp->n_rejects)
		fprintf(f, _("Sums of the imported rows' amounts per year, as signed in the file"
			     " (kr.; the %zu rejected rows are not in them):\n"), imp->n_rejects);
	else
		fprintf(f, _("Sums of the file's amounts per year, as signed in the file (kr.):\n"));
	char buf[BL_MONEY_BUFSZ];
	int w = 0;
	for (int y = 0; y < imp->n_years; y++) {
		bl_money v;
		if (imp->year_seen[y] && bl_import_year_sum(imp, y, &v)) {
			bl_fmt_amount(app, v, BL_UNIT_KR, buf, sizeof buf);
			int tw = bl_text_width(buf);
			if (tw > w)
				w = tw;
		}
	}
	for (int y = 0; y < imp->n_years; y++) {
		if (!imp->year_seen[y])
			continue;
		bl_money v;
		fprintf(f, "  %d  ", imp->first_year + y);
		if (bl_import_year_sum(imp, y, &v)) {
			bl_fmt_amount(app, v, BL_UNIT_KR, buf, sizeof buf);
			bl_cell_num(f, buf, w);
		} else {
			fputs(bl_overflow_label(), f);
		}
		fputc('\n', f);
	}
}

static void print_json(FILE *f, const bl_import *imp, const bl_import_result *res,
		       const char *version, const char *rejects_path)
{
	fprintf(f, "{\"rows\": %" PRId64 ", \"lines\": %zu, \"rejected\": %zu, \"years\": {",
		imp->rows, imp->n_lines, imp->n_rejects);
	bool first = true;
	for (int y = 0; y < imp->n_years; y++) {
		bl_money v;
		if (!imp->year_seen[y])
			continue;
		fprintf(f, "%s\"%d\": {\"sum\": ", first ? "" : ", ", imp->first_year + y);
		if (bl_import_year_sum(imp, y, &v))
			fprintf(f, "%" PRId64 "}", v);
		else
			fputs("null}", f);
		first = false;
	}
	fprintf(f, "}, \"imported\": %s, \"version\": ", res->written ? "true" : "false");
	json_str(f, version);
	fputs(", \"profile\": ", f);
	json_str(f, imp->profile->name);
	fprintf(f, ", \"lines_created\": %" PRId64 ", \"lines_updated\": %" PRId64
		   ", \"lines_removed\": %" PRId64 ", \"lines_unchanged\": %" PRId64
		   ", \"areas_created\": %" PRId64
		   ", \"amounts_replaced\": %" PRId64 ", \"encoding\": \"%s\", \"delimiter\": ",
		res->counts.lines_created, res->counts.lines_updated, res->counts.lines_removed,
		res->counts.lines_unchanged, res->counts.areas, res->counts.amounts_replaced,
		bl_encoding_name(bl_csv_encoding(imp->csv)));
	json_str(f, delim_name(bl_csv_delimiter(imp->csv)));
	fprintf(f, ", \"bom\": %s", bl_csv_bom(imp->csv) ? "true" : "false");
	fputs(", \"rejects_file\": ", f);
	if (rejects_path && imp->n_rejects)
		json_str(f, rejects_path);
	else
		fputs("null", f);
	/* Every rejected row with its reason: the reject file has the rows
	 * as they were, this says why. */
	fputs(", \"rejects\": [", f);
	for (size_t i = 0; i < imp->n_rejects; i++) {
		fprintf(f, "%s{\"line\": %ld, \"reason\": ", i ? ", " : "", imp->rejects[i].line);
		json_str(f, imp->rejects[i].reason);
		fputc('}', f);
	}
	fputs("]}\n", f);
}

/* "bergen.csv" -> "./bergen.rejected.csv" (the input may be in a folder
 * the user cannot write). */
static char *default_rejects(const char *file)
{
	const char *b = strrchr(file, '/');
	b = b ? b + 1 : file;
	size_t n = strlen(b);
	if (n > 4 && strcasecmp(b + n - 4, ".csv") == 0)
		n -= 4;
	size_t len = n + 32;
	char *s = malloc(len);
	if (s)
		snprintf(s, len, "%.*s.rejected.csv", (int)n, b);
	return s;
}

int bl_cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "version", required_argument, NULL, 'v' },
		{ "lenient", no_argument, NULL, 'l' },
		{ "rejects", required_argument, NULL, 'r' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "add", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "sublines", no_argument, NULL, 's' },
		{ "sum", no_argument, NULL, 'S' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *profile_arg = NULL, *version = NULL, *rejects = NULL, *enc_arg = NULL,
		   *delim_arg = NULL;
	bool lenient = false, dry = false, json = false, add = false;
	int same = -1;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hp:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			profile_arg = optarg;
			break;
		case 'v':
			if (bl_opt_version("import", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'l':
			lenient = true;
			break;
		case 'r':
			if (!*optarg)
				return bl_usage("import", _("--rejects needs a file name"));
			rejects = optarg;
			break;
		case 'n':
			dry = true;
			break;
		case 'a':
			add = true;
			break;
		case 'j':
			json = true;
			break;
		case 's':
		case 'S':
			if (same >= 0 && same != (c == 's'))
				return bl_usage("import", _("--sum and --sublines exclude each other"));
			same = c == 's';
			break;
		case 'e':
			enc_arg = optarg;
			break;
		case 'd':
			delim_arg = optarg;
			break;
		case 'h':
			printf(_("Usage: %s import DB FILE --profile NAME|PATH [OPTIONS]\n"
				 "Import a finance system's CSV export into a version of the budget,\n"
				 "mapped by an import profile (budgetlab-import(5)): a shipped one\n"
				 "(bergen-driftsbudsjett, stavanger-budsjettforslag), one of yours in\n"
				 "~/.config/budgetlab/import/NAME.yaml, or a path.  The version is\n"
				 "replaced: importing the same file twice leaves the same budget\n"
				 "(--add instead adds the file's amounts to the budget's, e.g. for the\n"
				 "reject file of a lenient import, fixed: once, or it adds twice).\n"
				 "Any rejected row makes the import change nothing, unless --lenient.\n\n"
				 "  --profile P     the import profile (required)\n"
				 "  --version V     proposal, first_reading or adopted (default: the profile's)\n"
				 "  --lenient       import the sound rows; write the rejected ones, unchanged,\n"
				 "                  to the reject file\n"
				 "  --rejects FILE  the reject file (default: ./NAME.rejected.csv)\n"
				 "  --add           add the file's amounts to the version's instead of\n"
				 "                  replacing the version; other lines stay as they are\n"
				 "  --dry-run       check everything, change nothing\n"
				 "  --json          the summary as one JSON object (amounts in øre)\n"
				 "  --sum           rows with the same line code are summed (default)\n"
				 "  --sublines      each such row is a line of its own (CODE.SUBCODE)\n"
				 "  --encoding E    auto, utf-8, windows-1252 or latin-1\n"
				 "  --delimiter D   auto, ';', ',' or tab\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("import", c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		return bl_usage("import", _("expected a database and a CSV file"));
	if (!profile_arg)
		return bl_usage("import", _("--profile is missing; expected e.g. --profile"
					    " bergen-driftsbudsjett (see %s import --help)"), bl_progname);
	const char *db = argv[optind], *file = argv[optind + 1];
	bl_csv_opts opts = { BL_ENC_AUTO, 0 };
	bool enc_given = false, delim_given = false;
	if (enc_arg) {
		if (bl_encoding_from_name(enc_arg, &opts.encoding) != 0)
			return bl_usage("import", _("--encoding '%s' is not an encoding budgetlab reads;"
						    " expected auto, utf-8, windows-1252 or latin-1"),
					enc_arg);
		enc_given = true;
	}
	if (delim_arg) {
		if (strcmp(delim_arg, "auto") == 0)
			opts.delimiter = 0;
		else if (strcmp(delim_arg, ";") == 0 || strcmp(delim_arg, ",") == 0)
			opts.delimiter = delim_arg[0];
		else if (strcmp(delim_arg, "tab") == 0 || strcmp(delim_arg, "\t") == 0 ||
			 strcmp(delim_arg, "\\t") == 0)
			opts.delimiter = '\t';
		else
			return bl_usage("import", _("--delimiter '%s' is not a delimiter budgetlab"
						    " reads; expected auto, ';', ',' or tab"), delim_arg);
		delim_given = true;
	}

	bl_err err = { { 0 } };
	char ppath[4096];
	bl_import_profile *prof = NULL;
	if (bl_import_profile_find(profile_arg, ppath, sizeof ppath, &err) != 0 ||
	    bl_import_profile_load_file(ppath, &prof, &err) != 0)
		return bl_fail_err(BL_EXIT_REFUSED, &err);
	if (!enc_given)
		opts.encoding = prof->encoding;
	if (!delim_given)
		opts.delimiter = prof->delimiter;
	if (same >= 0) {
		if (same && prof->sub_code.n == 0) {
			bl_import_profile_free(prof);
			return bl_usage("import", _("--sublines: the profile '%s' has no 'subline' that"
						    " says which column tells the rows apart"),
					profile_arg);
		}
		prof->same_line = same ? BL_SAME_SUBLINES : BL_SAME_SUM;
	}

	/* A reject file imported without --add would replace the version
	 * with its few rows: the rest of the budget would go. */
	size_t fl = strlen(file);
	if (!add && !dry && fl > 13 && strcmp(file + fl - 13, ".rejected.csv") == 0) {
		bl_import_profile_free(prof);
		return bl_usage("import", _("'%s' looks like the reject file of a lenient import:"
					    " import it with --add, so that its rows are added to the"
					    " budget (without --add they would replace the whole"
					    " version; rename the file if that is what you want)"),
				file);
	}
	char *rpath = NULL;
	if (lenient && !dry) {
		/* Checked before anything is imported: an existing reject file
		 * may hold rows someone is fixing. */
		rpath = rejects ? strdup(rejects) : default_rejects(file);
		struct stat st;
		if (rpath && stat(rpath, &st) == 0) {
			int u = bl_usage("import", _("the reject file '%s' exists already (the rejected"
						     " rows of an earlier import?); remove it, or give"
						     " another with --rejects FILE"), rpath);
			free(rpath);
			bl_import_profile_free(prof);
			return u;
		}
	}
	bl_app app;
	int rc = bl_app_open(&app, db, false);
	if (rc) {
		free(rpath);
		bl_import_profile_free(prof);
		return rc;
	}
	if (!version)
		version = prof->version;
	bl_csv *csv = NULL;
	bl_import imp;
	memset(&imp, 0, sizeof imp);
	bl_import_result res;
	memset(&res, 0, sizeof res);
	if (bl_csv_open(file, &opts, &csv, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	if (bl_import_read(&imp, prof, csv, app.def, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_REFUSED, &err);
		goto out;
	}
	const char *base = strrchr(file, '/');
	unsigned flags = (lenient ? BL_IMPORT_LENIENT : 0) | (dry ? BL_IMPORT_DRY_RUN : 0) |
			 (add ? BL_IMPORT_ADD : 0);
	int r = bl_store_import(app.store, &imp, version, base ? base + 1 : file, flags, &res,
				&err);
	if (r < 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (imp.n_rejects)
		print_rejects(stderr, &imp, SHOWN_REJECTS);
	if (r == 1) {
		if (json)
			print_json(stdout, &imp, &res, version, NULL);
		rc = bl_fail(BL_EXIT_REFUSED,
			     _("%zu of %" PRId64 " rows were rejected, so nothing was imported and"
			       " '%s' is unchanged; fix the rows, or import the rest with --lenient"
			       " (the rejected rows then go, unchanged, to a reject file)"),
			     imp.n_rejects, imp.rows, db);
		goto out;
	}
	if (lenient && imp.n_rejects && !dry) {
		if (!rpath) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			goto out;
		}
		if (bl_import_write_rejects(&imp, rpath, &err) != 0) {
			/* The import is in; say so, and that the rows are only
			 * on the terminal. */
			bl_fail_err(BL_EXIT_FILE, &err);
			fprintf(stderr, _("%s: the import was done; of the rejected rows only"
					  " the first %d are listed above\n"), bl_progname, SHOWN_REJECTS);
			rc = BL_EXIT_FILE;
		}
	}
	if (json) {
		print_json(stdout, &imp, &res, version, rpath);
	} else {
		printf(dry ? _("Checked (nothing was changed):\n") : _("Imported into %s:\n"), db);
		print_summary(stdout, &app, &imp, &res, version, rpath);
	}
out:
	free(rpath);
	bl_import_free(&imp);
	bl_csv_close(csv);
	bl_app_close(&app);
	bl_import_profile_free(prof);
	return rc;
}
