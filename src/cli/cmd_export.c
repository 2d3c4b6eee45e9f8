/* cmd_export.c: the budget as CSV (RFC 4180), for spreadsheets and other
 * programs.  Amounts are plain decimal kroner with a point ("-1234.50"), so
 * no locale can misread them.  --excel-da writes what a Danish (or
 * Norwegian) Excel opens by a double click: ';' between fields, a decimal
 * comma, a BOM so that æ, ø, å are read as UTF-8.  --profile writes the
 * columns an import profile reads (import_export.h), so that import ->
 * export -> import is exact. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/import_yaml.h"
#include "core/csv_read.h"
#include "core/i18n.h"
#include "core/import_export.h"

typedef struct {
	FILE *f;
	bl_area *areas;
	size_t n_areas;
	char **paths; /* "ØU/ØU.01" per area, by index */
	size_t *by_id; /* area indexes sorted by id (area_index) */
	char delim;
	bool decimal_comma;
	/* --profile */
	bl_export_shape *shape;
	char **fields;
	int first_year;
	int64_t misfits;
	/* A frozen or derived version (first reading, adopted) has a line
	 * only when it has an amount for it: a line added by an amendment is
	 * not in the first reading, a line removed by one not in the
	 * adopted version. */
	bool only_with_amounts;
} export_ctx;

static void plain_amount(FILE *f, bl_money v, bool comma)
{
	/* Work on the unsigned magnitude so INT64_MIN prints correctly. */
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	fprintf(f, "%s%" PRIu64 "%c%02" PRIu64, v < 0 ? "-" : "", m / 100, comma ? ',' : '.',
		m % 100);
}

/* The areas by id, for the lines' area ids: one sorted index, built
 * once, instead of a scan of every area for every line (a million lines
 * in 5,000 areas). */
static const bl_area *sort_areas;

static int cmp_by_id(const void *a, const void *b)
{
	int64_t x = sort_areas[*(const size_t *)a].id, y = sort_areas[*(const size_t *)b].id;
	return (x > y) - (x < y);
}

static int by_id_make(export_ctx *c)
{
	c->by_id = malloc((c->n_areas ? c->n_areas : 1) * sizeof *c->by_id);
	if (!c->by_id)
		return -1;
	for (size_t i = 0; i < c->n_areas; i++)
		c->by_id[i] = i;
	sort_areas = c->areas;
	qsort(c->by_id, c->n_areas, sizeof *c->by_id, cmp_by_id);
	return 0;
}

static size_t area_index(const export_ctx *c, int64_t id)
{
	size_t lo = 0, hi = c->n_areas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v = c->areas[c->by_id[mid]].id;
		if (v == id)
			return c->by_id[mid];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static const char *path_of(const export_ctx *c, int64_t id)
{
	size_t i = area_index(c, id);
	return i == SIZE_MAX ? "" : c->paths[i];
}

static int profile_line(export_ctx *c, const bl_line *l, const bl_money *amounts,
			const bool *has, int n_years)
{
	const bl_export_shape *sh = c->shape;
	const char *codes[BL_IMPORT_MAX_LEVELS + 8], *names[BL_IMPORT_MAX_LEVELS + 8];
	size_t depth = 0, chain[64], nch = 0;
	for (size_t i = area_index(c, l->area_id); i != SIZE_MAX && nch < 64;
	     i = c->areas[i].parent_id ? area_index(c, c->areas[i].parent_id) : SIZE_MAX)
		chain[nch++] = i;
	while (nch-- && depth < BL_IMPORT_MAX_LEVELS + 8) {
		codes[depth] = c->areas[chain[nch]].code;
		names[depth++] = c->areas[chain[nch]].name;
	}
	bl_export_line el = { codes, names, depth, l->code, l->title, l->dir };
	bool fits;
	bl_export_fields(sh, &el, c->fields, &fits);
	if (!fits)
		c->misfits++;
	int rows = sh->year_col >= 0 ? n_years : 1;
	for (int r = 0; r < rows; r++) {
		if (sh->year_col >= 0 && !has[r])
			continue;
		for (size_t k = 0; k < sh->n; k++) {
			if (k)
				fputc(c->delim, c->f);
			char buf[64];
			const char *v = c->fields[k];
			for (int y = 0; y < n_years && sh->year_col < 0; y++)
				if (sh->amount_col[y] == (int)k) {
					v = NULL;
					if (has[y]) {
						bl_export_amount(bl_export_file_amount(sh, l->dir, amounts[y]),
								 !c->decimal_comma, buf, sizeof buf);
						v = buf;
					}
				}
			if (sh->year_col == (int)k) {
				snprintf(buf, sizeof buf, "%d", c->first_year + r);
				v = buf;
			} else if (sh->amount_one == (int)k) {
				bl_export_amount(bl_export_file_amount(sh, l->dir, amounts[r]),
						 !c->decimal_comma, buf, sizeof buf);
				v = buf;
			}
			bl_csv_write_field(c->f, v, c->delim);
		}
		fputs("\r\n", c->f);
	}
	for (size_t k = 0; k < sh->n; k++) {
		free(c->fields[k]);
		c->fields[k] = NULL;
	}
	return ferror(c->f) ? -1 : 0;
}

static int export_line(void *ctx, const bl_line *l, const bl_money *amounts,
		       const bool *has, int n_years)
{
	export_ctx *c = ctx;
	bool any = false;
	for (int y = 0; y < n_years; y++)
		any = any || has[y];
	if (c->only_with_amounts && !any)
		return 0;
	if (c->shape)
		return profile_line(c, l, amounts, has, n_years);
	bl_csv_write_field(c->f, path_of(c, l->area_id), c->delim);
	fputc(c->delim, c->f);
	bl_csv_write_field(c->f, l->code, c->delim);
	fputc(c->delim, c->f);
	bl_csv_write_field(c->f, l->title, c->delim);
	fprintf(c->f, "%c%s%c%s%c", c->delim, bl_kind_name(l->kind), c->delim,
		bl_direction_name(l->dir), c->delim);
	bl_csv_write_field(c->f, l->description, c->delim);
	for (int y = 0; y < n_years; y++) {
		fputc(c->delim, c->f);
		if (has[y])
			plain_amount(c->f, amounts[y], c->decimal_comma);
	}
	fputs("\r\n", c->f);
	return ferror(c->f) ? -1 : 0;
}

int bl_cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "output", required_argument, NULL, 'o' },
		{ "profile", required_argument, NULL, 'p' },
		{ "excel-da", no_argument, NULL, 'x' },
		{ "excel", no_argument, NULL, 'x' },
		{ "sublines", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL, *output = NULL, *profile_arg = NULL;
	bool excel = false, sublines = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (bl_opt_version("export", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'o':
			output = optarg;
			break;
		case 'p':
			profile_arg = optarg;
			break;
		case 'x':
			excel = true;
			break;
		case 's':
			sublines = true;
			break;
		case 'h':
			printf(_("Usage: %s export DB [--version V] [--output FILE] [--excel-da]\n"
				 "                        [--profile P [--sublines]]\n"
				 "The budget as CSV (RFC 4180, UTF-8, CRLF): area path, code, title,\n"
				 "kind, direction, description, then one column per year with the\n"
				 "amount in kroner (\"1234567.50\"; empty where there is none).\n"
				 "--profile P writes the columns the import profile P reads instead\n"
				 "(amounts signed as it signs them, UTF-8 with a BOM), so the file\n"
				 "imports again with P;\n"
				 "--sublines with it for a budget imported with --sublines.\n"
				 "--excel-da (or --excel): ';' between fields, a decimal comma and a BOM,\n"
				 "as a Danish or Norwegian Excel opens it.  Without --output, to standard\n"
				 "output.  An existing FILE is replaced only when the export is complete.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("export", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("export", _("expected one database file"));
	if (sublines && !profile_arg)
		return bl_usage("export", _("--sublines goes with --profile"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	if (!version && bl_cli_working_version(&app, &version) != 0) {
		bl_app_close(&app);
		return BL_EXIT_FILE;
	}
	bl_err err = { { 0 } };
	export_ctx ctx = { 0 };
	ctx.f = stdout;
	ctx.delim = excel ? ';' : ',';
	ctx.decimal_comma = excel;
	ctx.first_year = app.info.budget_year;
	char *tmp = NULL;
	bl_import_profile *prof = NULL;
	bl_export_shape shape = { 0 };
	if (profile_arg) {
		char ppath[4096];
		if (bl_import_profile_find(profile_arg, ppath, sizeof ppath, &err) != 0 ||
		    bl_import_profile_load_file(ppath, &prof, &err) != 0 ||
		    ((prof->same_line = sublines ? BL_SAME_SUBLINES : prof->same_line), 0) ||
		    bl_export_shape_make(prof, app.info.budget_year, app.info.n_years, &shape,
					 &err) != 0) {
			rc = bl_fail_err(BL_EXIT_REFUSED, &err);
			goto out;
		}
		if (sublines && !prof->sub_code.n) {
			rc = bl_usage("export", _("--sublines: the profile '%s' has no 'subline' that"
						  " says which column tells the rows apart"),
				      profile_arg);
			goto out;
		}
		ctx.shape = &shape;
		if (!excel) {
			ctx.delim = prof->delimiter ? prof->delimiter : ';';
			ctx.decimal_comma = !prof->decimal_point;
		}
		ctx.fields = calloc(shape.n ? shape.n : 1, sizeof *ctx.fields);
		if (!ctx.fields) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			goto out;
		}
	}
	if (bl_store_areas(app.store, &ctx.areas, &ctx.n_areas, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	ctx.paths = calloc(ctx.n_areas ? ctx.n_areas : 1, sizeof *ctx.paths);
	if (!ctx.paths || by_id_make(&ctx) != 0) {
		rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	/* Tree order puts every parent before its children. */
	for (size_t i = 0; i < ctx.n_areas; i++) {
		const char *pp = ctx.areas[i].parent_id ? path_of(&ctx, ctx.areas[i].parent_id) : "";
		size_t len = strlen(pp) + strlen(ctx.areas[i].code) + 2;
		ctx.paths[i] = malloc(len);
		if (!ctx.paths[i]) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			goto out;
		}
		snprintf(ctx.paths[i], len, "%s%s%s", pp, *pp ? "/" : "", ctx.areas[i].code);
	}
	if (output) {
		/* Write beside the target and rename, so a failed export never
		 * leaves a half-written file in place of a good one. */
		size_t len = strlen(output) + 16;
		tmp = malloc(len);
		if (!tmp) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			goto out;
		}
		snprintf(tmp, len, "%s.tmp%ld", output, (long)getpid());
		ctx.f = fopen(tmp, "wx");
		if (!ctx.f) {
			/* The temporary file is ours; the user named output. */
			rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output, strerror(errno));
			goto out;
		}
	}
	/* A BOM says UTF-8 to Excel, and to budgetlab's importer: a profile
	 * for Windows-1252 exports reads this file as UTF-8 all the same. */
	if (excel || ctx.shape)
		fputs("\xEF\xBB\xBF", ctx.f);
	if (ctx.shape) {
		for (size_t k = 0; k < shape.n; k++) {
			if (k)
				fputc(ctx.delim, ctx.f);
			bl_csv_write_field(ctx.f, shape.col[k], ctx.delim);
		}
	} else {
		fprintf(ctx.f, "area%ccode%ctitle%ckind%cdirection%cdescription", ctx.delim,
			ctx.delim, ctx.delim, ctx.delim, ctx.delim);
		for (int y = 0; y < app.info.n_years; y++)
			fprintf(ctx.f, "%c%d", ctx.delim, app.info.budget_year + y);
	}
	fputs("\r\n", ctx.f);
	ctx.only_with_amounts = strcmp(version, "proposal") != 0;
	if (bl_store_lines_each(app.store, version, 0, export_line, &ctx, &err) != 0) {
		rc = err.msg[0] ? bl_fail_err(BL_EXIT_FILE, &err)
				: bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"),
					  output ? output : _("standard output"), strerror(errno));
	} else if (fflush(ctx.f) != 0 || ferror(ctx.f)) {
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output ? output : _("standard output"), strerror(errno));
	}
	if (output) {
		if (fclose(ctx.f) != 0 && !rc)
			rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output, strerror(errno));
		ctx.f = NULL;
		if (!rc && rename(tmp, output) != 0)
			rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output, strerror(errno));
		if (rc)
			remove(tmp);
	}
	if (!rc && ctx.misfits)
		fprintf(stderr, _("%s: budget lines whose code does not fit the profile's code"
				  " '%s' (typed by hand, or from another profile?): %" PRId64 "; their"
				  " whole code went into one column, so they import again under"
				  " another code\n"),
			bl_progname, prof->code.source, ctx.misfits);
out:
	free(ctx.fields);
	free(ctx.by_id);
	bl_export_shape_free(&shape);
	bl_import_profile_free(prof);
	if (ctx.paths)
		for (size_t i = 0; i < ctx.n_areas; i++)
			free(ctx.paths[i]);
	free(ctx.paths);
	free(tmp);
	bl_areas_free(ctx.areas, ctx.n_areas);
	bl_app_close(&app);
	return rc;
}
