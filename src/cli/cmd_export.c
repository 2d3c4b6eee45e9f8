/* cmd_export.c: the budget as CSV (RFC 4180), for spreadsheets and other
 * programs.  Amounts are plain decimal kroner with a point ("-1234.50"), so
 * no locale can misread them; the Danish-Excel variant comes with import. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"

typedef struct {
	FILE *f;
	bl_area *areas;
	size_t n_areas;
	char **paths; /* "ØU/ØU.01" per area, by index */
} export_ctx;

static void csv_field(FILE *f, const char *s)
{
	if (!s)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void plain_amount(FILE *f, bl_money v)
{
	/* Work on the unsigned magnitude so INT64_MIN prints correctly. */
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	fprintf(f, "%s%" PRIu64 ".%02" PRIu64, v < 0 ? "-" : "", m / 100, m % 100);
}

static const char *path_of(const export_ctx *c, int64_t id)
{
	for (size_t i = 0; i < c->n_areas; i++)
		if (c->areas[i].id == id)
			return c->paths[i];
	return "";
}

static int export_line(void *ctx, const bl_line *l, const bl_money *amounts,
		       const bool *has, int n_years)
{
	export_ctx *c = ctx;
	csv_field(c->f, path_of(c, l->area_id));
	fputc(',', c->f);
	csv_field(c->f, l->code);
	fputc(',', c->f);
	csv_field(c->f, l->title);
	fprintf(c->f, ",%s,%s,", bl_kind_name(l->kind), bl_direction_name(l->dir));
	csv_field(c->f, l->description);
	for (int y = 0; y < n_years; y++) {
		fputc(',', c->f);
		if (has[y])
			plain_amount(c->f, amounts[y]);
	}
	fputs("\r\n", c->f);
	return ferror(c->f) ? -1 : 0;
}

int bl_cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = "proposal", *output = NULL;
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
		case 'h':
			printf(_("Usage: %s export DB [--version V] [--output FILE]\n"
				 "The budget as CSV (RFC 4180, UTF-8, CRLF): area path, code, title,\n"
				 "kind, direction, description, then one column per year with the\n"
				 "amount in kroner (\"1234567.50\"; empty where there is none).\n"
				 "Without --output, to standard output.  An existing FILE is replaced\n"
				 "only when the export is complete.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("export", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("export", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	export_ctx ctx = { stdout, NULL, 0, NULL };
	char *tmp = NULL;
	if (bl_store_areas(app.store, &ctx.areas, &ctx.n_areas, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	ctx.paths = calloc(ctx.n_areas ? ctx.n_areas : 1, sizeof *ctx.paths);
	if (!ctx.paths) {
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
	fputs("area,code,title,kind,direction,description", ctx.f);
	for (int y = 0; y < app.info.n_years; y++)
		fprintf(ctx.f, ",%d", app.info.budget_year + y);
	fputs("\r\n", ctx.f);
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
out:
	if (ctx.paths)
		for (size_t i = 0; i < ctx.n_areas; i++)
			free(ctx.paths[i]);
	free(ctx.paths);
	free(tmp);
	bl_areas_free(ctx.areas, ctx.n_areas);
	bl_app_close(&app);
	return rc;
}
