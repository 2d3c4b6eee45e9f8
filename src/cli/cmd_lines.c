/* cmd_lines.c: listing budget lines, and adding, changing, showing and
 * deleting one.  Several writes for one command are one transaction. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/pillar_store.h"
#include "core/i18n.h"
#include "core/text.h"

#define MAX_AMOUNTS 32
#define CODE_MAX 32
#define TITLE_MAX 200
#define DESC_MAX 4000

/* ---- lines ---- */

typedef struct {
	bl_app *app;
	bl_unit unit;
	bl_area *areas;
	size_t n_areas;
	int64_t count;
	int code_w, title_w, width;
	/* The title on a line of its own under the code: when the amounts
	 * leave the title less than TITLE_MIN columns. */
	bool stacked;
	int amt_w[BL_MAX_YEARS];
	bool ore[BL_MAX_YEARS];
	int64_t last_id; /* the area of the line printed last */
	/* A frozen or derived version has a line only when it has an amount
	 * for it (as `export` writes it). */
	bool only_with_amounts;
} list_ctx;

#define TYPE_W 7 /* "cap inc" */
#define TITLE_MIN 12

/* Columns before year y's amount: after the type one is enough, between
 * two amounts two (nb writes "1 234 567"). */
static int gap(int y)
{
	return y == 0 ? 1 : BL_AMOUNT_GAP;
}

static const bl_area *area_of(const list_ctx *c, int64_t id)
{
	for (size_t i = 0; i < c->n_areas; i++)
		if (c->areas[i].id == id)
			return &c->areas[i];
	return NULL;
}

static int print_line(void *ctx, const bl_line *l, const bl_money *amounts,
		      const bool *has, int n_years)
{
	list_ctx *c = ctx;
	bool any = false;
	for (int y = 0; y < n_years; y++)
		any = any || has[y];
	if (c->only_with_amounts && !any)
		return 0;
	/* Lines arrive grouped by area, in tree order: a heading per area. */
	if (l->area_id != c->last_id) {
		const bl_area *a = area_of(c, l->area_id);
		/* The name fitted to the terminal; the code is never cut. */
		const char *code = a ? a->code : "?";
		char name[1024];
		int room = c->width - bl_text_width(code) - 2;
		bl_text_fit(a ? a->name : "", room > 10 ? room : 10, false, name, sizeof name);
		for (size_t n = strlen(name); n > 0 && name[n - 1] == ' ';)
			name[--n] = '\0';
		printf("%s%s  %s\n", c->count ? "\n" : "", code, name);
		c->last_id = l->area_id;
	}
	printf("  ");
	bl_cell_left(stdout, l->code, c->code_w);
	fputc(' ', stdout);
	if (!c->stacked) {
		bl_cell(stdout, l->title, c->title_w, false);
		fputc(' ', stdout);
	}
	printf("%-3s %-3s", l->kind == BL_KIND_CAPITAL ? "cap" : "op",
	       l->dir == BL_DIR_INCOME ? "inc" : "exp");
	for (int y = 0; y < n_years; y++) {
		char buf[BL_MONEY_BUFSZ];
		if (has[y])
			bl_fmt_amount_in(c->app, amounts[y], c->unit, c->ore[y], buf, sizeof buf);
		else
			strcpy(buf, "-");
		printf("%*s", gap(y), "");
		bl_cell_num(stdout, buf, c->amt_w[y]);
	}
	fputc('\n', stdout);
	if (c->stacked) {
		/* Cut to the terminal, not padded: nothing follows it. */
		char buf[1024];
		bl_text_fit(l->title, c->title_w, false, buf, sizeof buf);
		for (size_t n = strlen(buf); n > 0 && buf[n - 1] == ' ';)
			buf[--n] = '\0';
		printf("%*s%s\n", 2 + c->code_w + 1, "", buf);
	}
	c->count++;
	return 0;
}

int bl_cmd_lines(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "version", required_argument, NULL, 'v' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *area = NULL, *version = NULL;
	bl_unit unit = BL_UNIT_THOUSANDS;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			area = optarg;
			break;
		case 'v':
			if (bl_opt_version("lines", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'u':
			if (bl_opt_unit("lines", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s lines DB [--area AREA] [--version V] [--unit kr|t|mio]\n"
				 "List budget lines (all, or under AREA: a code or a path a/b/c) with\n"
				 "their amounts per year; '-' where a year has no amount.  The table\n"
				 "fits the terminal ($COLUMNS): titles are cut, or put on a line of\n"
				 "their own, amounts never.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("lines", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("lines", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	if (!version && bl_cli_working_version(&app, &version) != 0) {
		bl_app_close(&app);
		return BL_EXIT_FILE;
	}
	bl_err err = { { 0 } };
	list_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.app = &app;
	ctx.unit = unit;
	ctx.last_id = -1;
	int64_t area_id = 0;
	int n_years = app.info.n_years;
	if ((area && bl_store_area_find(app.store, area, &area_id, &err) != 0)) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (bl_store_areas(app.store, &ctx.areas, &ctx.n_areas, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	/* Size every column by what it will hold, measured in the database
	 * before the first line: each amount column by its smallest and
	 * largest amount (the widest formatted is one of the two), in kr.
	 * with øre throughout if any amount in it has øre; the code column
	 * by the longest code.  Nothing is ever cut but the title. */
	bl_lines_stats st;
	if (bl_store_lines_stats(app.store, version, area_id, &st, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	int amounts = 0;
	for (int y = 0; y < n_years; y++) {
		char buf[BL_MONEY_BUFSZ];
		ctx.ore[y] = unit == BL_UNIT_KR && st.ore[y];
		ctx.amt_w[y] = 4; /* the year */
		for (int k = 0; k < 2 && st.has[y]; k++) {
			bl_fmt_amount_in(&app, k ? st.max[y] : st.min[y], unit, ctx.ore[y], buf,
					 sizeof buf);
			if (bl_text_width(buf) > ctx.amt_w[y])
				ctx.amt_w[y] = bl_text_width(buf);
		}
		amounts += gap(y) + ctx.amt_w[y];
	}
	ctx.code_w = bl_text_width(_("Code"));
	if (st.code_chars > ctx.code_w)
		ctx.code_w = st.code_chars;
	int title_need = bl_text_width(_("Title"));
	if (st.title_chars > title_need)
		title_need = st.title_chars;
	/* The title takes what the terminal has left, but no more than the
	 * longest title needs. */
	int width = ctx.width = bl_term_width();
	int rest = 2 + ctx.code_w + 1 + TYPE_W + amounts;
	ctx.title_w = width - rest - 1;
	if (ctx.title_w > title_need)
		ctx.title_w = title_need;
	if (ctx.title_w < TITLE_MIN && ctx.title_w < title_need) {
		/* Too narrow for titles beside the amounts: under the code,
		 * with the width of the terminal. */
		ctx.stacked = true;
		ctx.title_w = width - (2 + ctx.code_w + 1);
		if (ctx.title_w > title_need)
			ctx.title_w = title_need;
		if (ctx.title_w < TITLE_MIN)
			ctx.title_w = TITLE_MIN;
	}
	printf(_("%s version, amounts in %s\n"), version, bl_unit_label(unit, app.info.lang));
	printf("  ");
	bl_cell(stdout, _("Code"), ctx.code_w, false);
	fputc(' ', stdout);
	if (!ctx.stacked) {
		bl_cell(stdout, _("Title"), ctx.title_w, false);
		fputc(' ', stdout);
	}
	bl_cell(stdout, _("Type"), TYPE_W, false);
	for (int y = 0; y < n_years; y++)
		printf("%*s%*d", gap(y), "", ctx.amt_w[y], app.info.budget_year + y);
	printf("\n");
	if (ctx.stacked)
		printf("%*s%s\n", 2 + ctx.code_w + 1, "", _("Title"));
	ctx.only_with_amounts = strcmp(version, "proposal") != 0;
	if (bl_store_lines_each(app.store, version, area_id, print_line, &ctx, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	printf(ngettext("%s%" PRId64 " line\n", "%s%" PRId64 " lines\n", (unsigned long)ctx.count),
	       ctx.count ? "\n" : "", ctx.count);
out:
	bl_areas_free(ctx.areas, ctx.n_areas);
	bl_app_close(&app);
	return rc;
}

/* ---- line add / set / show / delete ---- */

typedef struct {
	const char *title, *area, *kind, *description, *version, *code, *actor;
	int dir; /* -1 unchanged, else bl_direction */
	const char *amounts[MAX_AMOUNTS];
	int n_amounts;
	const char *clears[MAX_AMOUNTS];
	int n_clears;
} line_opts;

/* The year of "YEAR=AMOUNT" or "YEAR", or -1 if it is not a number
 * (bl_opt_year_amount and bl_opt_int say what is wrong with it later). */
static long year_of(const char *arg)
{
	char *end;
	long y = strtol(arg, &end, 10);
	return end != arg && (*end == '=' || *end == '\0') ? y : -1;
}

/* A year given twice (--amount 2028=1 --amount 2028=2, or --amount and
 * --clear of one year) says two things about one amount: which was
 * meant cannot be guessed. */
static int check_years(const char *cmd, const line_opts *o)
{
	int n = o->n_amounts + o->n_clears;
	for (int i = 0; i < n; i++) {
		const char *a = i < o->n_amounts ? o->amounts[i] : o->clears[i - o->n_amounts];
		long y = year_of(a);
		if (y < 0)
			continue;
		for (int j = i + 1; j < n; j++) {
			const char *b = j < o->n_amounts ? o->amounts[j] : o->clears[j - o->n_amounts];
			if (year_of(b) != y)
				continue;
			const char *oa = i < o->n_amounts ? "--amount" : "--clear";
			const char *ob = j < o->n_amounts ? "--amount" : "--clear";
			return bl_usage(cmd, _("%s %s and %s %s both give %ld; give each year once"),
					oa, a, ob, b, y);
		}
	}
	return 0;
}

static int parse_line_opts(const char *cmd, int argc, char **argv, line_opts *o,
			   bool allow_code)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "area", required_argument, NULL, 'a' },
		{ "kind", required_argument, NULL, 'k' },
		{ "income", no_argument, NULL, 'i' },
		{ "expense", no_argument, NULL, 'e' },
		{ "description", required_argument, NULL, 'd' },
		{ "amount", required_argument, NULL, 'm' },
		{ "clear", required_argument, NULL, 'c' },
		{ "version", required_argument, NULL, 'v' },
		{ "code", required_argument, NULL, 'C' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(o, 0, sizeof *o);
	o->dir = -1;
	o->version = "proposal";
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (bl_opt_text(cmd, "--title", optarg, TITLE_MAX, false))
				return BL_EXIT_USAGE;
			o->title = optarg;
			break;
		case 'a':
			o->area = optarg;
			break;
		case 'k':
			if (strcmp(optarg, "operation") && strcmp(optarg, "capital"))
				return bl_usage(cmd, _("--kind '%s': expected operation (drift) or capital (anlæg)"), optarg);
			o->kind = optarg;
			break;
		case 'i':
		case 'e':
			if (o->dir != -1 && o->dir != (c == 'i' ? BL_DIR_INCOME : BL_DIR_EXPENSE))
				return bl_usage(cmd, _("give --income or --expense, not both"));
			o->dir = c == 'i' ? BL_DIR_INCOME : BL_DIR_EXPENSE;
			break;
		case 'd':
			if (bl_opt_text(cmd, "--description", optarg, DESC_MAX, true))
				return BL_EXIT_USAGE;
			o->description = optarg;
			break;
		case 'm':
			if (o->n_amounts == MAX_AMOUNTS)
				return bl_usage(cmd, _("at most %d --amount options"), MAX_AMOUNTS);
			o->amounts[o->n_amounts++] = optarg;
			break;
		case 'c':
			if (o->n_clears == MAX_AMOUNTS)
				return bl_usage(cmd, _("at most %d --clear options"), MAX_AMOUNTS);
			o->clears[o->n_clears++] = optarg;
			break;
		case 'v':
			if (bl_opt_version(cmd, optarg, &o->version))
				return BL_EXIT_USAGE;
			break;
		case 'C':
			if (!allow_code)
				return bl_usage(cmd, _("--code is only for 'line set' (to rename a line)"));
			if (bl_opt_text(cmd, "--code", optarg, CODE_MAX, false))
				return BL_EXIT_USAGE;
			o->code = optarg;
			break;
		case 'A':
			o->actor = optarg;
			break;
		default:
			return bl_opt_error(cmd, c, argv, longopts);
		}
	}
	return check_years(cmd, o);
}

/* Apply --amount and --clear; inside the caller's transaction. */
static int apply_amounts(bl_app *app, int64_t line_id, const line_opts *o)
{
	bl_err err = { { 0 } };
	for (int i = 0; i < o->n_amounts; i++) {
		int year;
		bl_money amount;
		if (bl_opt_year_amount(app, o->amounts[i], &year, &amount))
			return BL_EXIT_REFUSED;
		if (bl_store_amount_set(app->store, line_id, o->version, year, amount, &err) != 0) {
			bl_err_prefix(&err, _("--amount %s"), o->amounts[i]);
			return bl_fail_store(app, &err);
		}
	}
	for (int i = 0; i < o->n_clears; i++) {
		long year;
		if (bl_opt_int("line", "--clear", o->clears[i], app->info.budget_year,
			       app->info.budget_year + app->info.n_years - 1, &year))
			return BL_EXIT_USAGE;
		if (bl_store_amount_clear(app->store, line_id, o->version, (int)year, &err) != 0) {
			bl_err_prefix(&err, _("--clear %s"), o->clears[i]);
			return bl_fail_store(app, &err);
		}
	}
	return 0;
}

static int line_add(bl_app *app, const char *code, const line_opts *o)
{
	bl_err err = { { 0 } };
	int64_t area_id, id;
	int rc_file;
	if (!o->title)
		return bl_usage("line add", _("--title is required"));
	if (!o->area)
		return bl_usage("line add", _("--area is required (a code or a path, see `%s areas DB`)"), bl_progname);
	if (bl_store_area_find(app->store, o->area, &area_id, &err) != 0)
		return bl_fail_store(app, &err);
	bl_line l = { 0, (char *)code, (char *)o->title, area_id,
		      o->kind && strcmp(o->kind, "capital") == 0 ? BL_KIND_CAPITAL : BL_KIND_OPERATION,
		      o->dir == BL_DIR_INCOME ? BL_DIR_INCOME : BL_DIR_EXPENSE,
		      (char *)o->description };
	if (bl_store_begin(app->store, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	if (bl_store_line_add(app->store, &l, &id, &err) != 0) {
		rc_file = bl_fail_store(app, &err);
		bl_store_rollback(app->store);
		return rc_file;
	}
	int rc = apply_amounts(app, id, o);
	if (rc) {
		bl_store_rollback(app->store);
		return rc;
	}
	if (bl_store_commit(app->store, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	printf(_("Added line %s: %s\n"), code, o->title);
	return 0;
}

static int line_set(bl_app *app, const char *code, const line_opts *o)
{
	bl_err err = { { 0 } };
	bl_line l = { 0 };
	int rc = 0;
	if (bl_store_line_find(app->store, code, &l, &err) != 0)
		return bl_fail_store(app, &err);
	bool meta = o->title || o->area || o->kind || o->dir != -1 || o->description || o->code;
	if (!meta && !o->n_amounts && !o->n_clears) {
		bl_line_clear(&l);
		return bl_usage("line set", _("nothing to change; give --title, --area, --kind, --income/--expense, --description, --code, --amount or --clear"));
	}
	if (bl_store_begin(app->store, &err) != 0) {
		bl_line_clear(&l);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	if (meta) {
		bl_line nl = l;
		int64_t area_id = l.area_id;
		if (o->area && bl_store_area_find(app->store, o->area, &area_id, &err) != 0) {
			rc = bl_fail_store(app, &err);
			goto fail;
		}
		nl.area_id = area_id;
		if (o->title)
			nl.title = (char *)o->title;
		if (o->code)
			nl.code = (char *)o->code;
		if (o->description)
			nl.description = (char *)o->description;
		if (o->kind)
			nl.kind = strcmp(o->kind, "capital") == 0 ? BL_KIND_CAPITAL : BL_KIND_OPERATION;
		if (o->dir != -1)
			nl.dir = (bl_direction)o->dir;
		if (bl_store_line_update(app->store, &nl, &err) != 0) {
			rc = bl_fail_store(app, &err);
			goto fail;
		}
	}
	if ((rc = apply_amounts(app, l.id, o)) != 0)
		goto fail;
	if (bl_store_commit(app->store, &err) != 0) {
		bl_line_clear(&l);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	printf(_("Changed line %s\n"), o->code ? o->code : code);
	bl_line_clear(&l);
	return 0;
fail:
	bl_store_rollback(app->store);
	bl_line_clear(&l);
	return rc;
}

static int line_show(bl_app *app, const char *code)
{
	bl_err err = { { 0 } };
	bl_line l = { 0 };
	bl_area *areas = NULL;
	size_t n_areas = 0;
	if (bl_store_line_find(app->store, code, &l, &err) != 0)
		return bl_fail_store(app, &err);
	if (bl_store_areas(app->store, &areas, &n_areas, &err) != 0) {
		bl_line_clear(&l);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	printf(_("Code:        %s\nTitle:       %s\n"), l.code, l.title);
	for (size_t i = 0; i < n_areas; i++)
		if (areas[i].id == l.area_id)
			printf(_("Area:        %s %s\n"), areas[i].code, areas[i].name);
	printf(_("Kind:        %s\nDirection:   %s\n"), bl_kind_name(l.kind), bl_direction_name(l.dir));
	if (l.description)
		printf(_("Description: %s\n"), l.description);
	/* Its assessment on the pillars, if it has one (budgetlab assess). */
	bl_pillars pl;
	if (bl_store_line_pillars_get(app->store, l.id, &pl, &err) == 1) {
		printf("%s", _("Pillars:    "));
		for (int k = 0; k < BL_PILLARS; k++) {
			if (pl.has[k])
				printf(pl.score[k] ? " %s %+d" : " %s %d", bl_pillar_key(k), pl.score[k]);
			else
				printf(_(" %s not assessed"), bl_pillar_key(k));
			if (k + 1 < BL_PILLARS)
				printf(",");
		}
		if (pl.justification)
			printf(" (%s)", pl.justification);
		printf("\n");
		bl_pillars_clear(&pl);
	}
	printf(_("Amounts in kr.:\n"));
	/* All versions first, to size each year's column by what it holds
	 * and give it two decimals throughout if one amount has øre. */
	int n_years = app->info.n_years, n_ver = (int)bl_n_versions;
	bl_money a[8][BL_MAX_YEARS];
	bool has[8][BL_MAX_YEARS], ore[BL_MAX_YEARS] = { false };
	int w[BL_MAX_YEARS], key_w = 0;
	if (n_ver > 8)
		n_ver = 8;
	for (int v = 0; v < n_ver; v++) {
		if (bl_store_line_amounts(app->store, l.id, bl_version_keys[v], a[v], has[v],
					  n_years, &err) != 0) {
			bl_line_clear(&l);
			bl_areas_free(areas, n_areas);
			return bl_fail_store(app, &err);
		}
		if (bl_text_width(bl_version_keys[v]) > key_w)
			key_w = bl_text_width(bl_version_keys[v]);
		for (int y = 0; y < n_years; y++)
			ore[y] |= has[v][y] && a[v][y] % 100 != 0;
	}
	for (int y = 0; y < n_years; y++) {
		w[y] = 4;
		for (int v = 0; v < n_ver; v++) {
			char buf[BL_MONEY_BUFSZ];
			if (!has[v][y])
				continue;
			bl_fmt_amount_in(app, a[v][y], BL_UNIT_KR, ore[y], buf, sizeof buf);
			if (bl_text_width(buf) > w[y])
				w[y] = bl_text_width(buf);
		}
	}
	printf("  %*s", key_w, "");
	for (int y = 0; y < n_years; y++)
		printf("%*s%*d", BL_AMOUNT_GAP, "", w[y], app->info.budget_year + y);
	printf("\n");
	for (int v = 0; v < n_ver; v++) {
		printf("  ");
		bl_cell_left(stdout, bl_version_keys[v], key_w);
		for (int y = 0; y < n_years; y++) {
			char buf[BL_MONEY_BUFSZ] = "-";
			if (has[v][y])
				bl_fmt_amount_in(app, a[v][y], BL_UNIT_KR, ore[y], buf, sizeof buf);
			printf("%*s", BL_AMOUNT_GAP, "");
			bl_cell_num(stdout, buf, w[y]);
		}
		printf("\n");
	}
	bl_line_clear(&l);
	bl_areas_free(areas, n_areas);
	return 0;
}

int bl_cmd_line(int argc, char **argv)
{
	/* `line --help`, and `line add --help` as the usage messages say. */
	bool help = argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
	help |= argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0);
	if (help) {
		printf(_("Usage: %s line add DB CODE --title T --area AREA [--kind operation|capital]\n"
			 "                 [--income|--expense] [--description D] [--amount YEAR=AMOUNT]...\n"
			 "                 [--version V] [--actor NAME]\n"
			 "       %s line set DB CODE [--title T] [--code NEW] [--area AREA] [--kind K]\n"
			 "                 [--income|--expense] [--description D] [--amount YEAR=AMOUNT]...\n"
			 "                 [--clear YEAR]... [--version V] [--actor NAME]\n"
			 "       %s line show DB CODE\n"
			 "       %s line delete DB CODE [--actor NAME]\n"
			 "Amounts are in kroner as the process's language writes them, e.g.\n"
			 "--amount 2028=1.234.567,50 (da).  A positive amount on an income line is\n"
			 "income; on an expense line, an expense.  The default version is proposal.\n"
			 "Changes that the current phase locks are refused, with the reason.\n"),
		       bl_progname, bl_progname, bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 4)
		return bl_usage("line", _("expected add, set, show or delete, a database file and a line code"));
	const char *sub = argv[1], *db = argv[2], *code = argv[3];
	bool is_add = strcmp(sub, "add") == 0, is_set = strcmp(sub, "set") == 0;
	bool is_show = strcmp(sub, "show") == 0, is_del = strcmp(sub, "delete") == 0;
	if (!is_add && !is_set && !is_show && !is_del)
		return bl_usage("line", _("'%s' is not a line command; expected add, set, show or delete"), sub);
	if (bl_opt_text("line", "CODE", code, CODE_MAX, false))
		return BL_EXIT_USAGE;
	line_opts o;
	/* Options follow the code: argv[3] plays getopt's argv[0]. */
	int rc = parse_line_opts(is_add ? "line add" : is_set ? "line set" : "line", argc - 3, argv + 3, &o, is_set);
	if (rc)
		return rc;
	if (optind != argc - 3)
		return bl_usage("line", _("unexpected argument '%s'"), argv[3 + optind]);
	if ((is_show || is_del) && (o.title || o.area || o.kind || o.dir != -1 || o.description || o.n_amounts || o.n_clears))
		return bl_usage("line", _("'line %s' takes no change options"), sub);
	bl_app app;
	if ((rc = bl_app_open(&app, db, is_show)) != 0)
		return rc;
	if (o.actor)
		bl_store_set_actor(app.store, o.actor);
	if (is_add) {
		rc = line_add(&app, code, &o);
	} else if (is_set) {
		rc = line_set(&app, code, &o);
	} else if (is_show) {
		rc = line_show(&app, code);
	} else {
		bl_err err = { { 0 } };
		bl_line l = { 0 };
		if (bl_store_line_find(app.store, code, &l, &err) != 0 ||
		    bl_store_line_delete(app.store, l.id, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Deleted line %s\n"), code);
		bl_line_clear(&l);
	}
	bl_app_close(&app);
	return rc;
}
