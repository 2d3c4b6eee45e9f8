/* cmd_status.c: `status` (where the process stands, what blocks it, and
 * the money per area and year) and `phase` (the whole timeline with the
 * facilitator's guidance and checklist). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/pool_store.h"
#include "core/i18n.h"
#include "core/text.h"

static void print_window(FILE *f, const bl_phase *ph)
{
	if (!ph->has_window)
		return;
	char a[11], b[11];
	bl_date_format(ph->from, a);
	bl_date_format(ph->to, b);
	fprintf(f, _(", %s to %s"), a, b);
}

static void print_locks(unsigned locks)
{
	if (!locks)
		return;
	printf(_("Locked in this phase:"));
	bool first = true;
	for (unsigned i = 0; i < BL_LOCK_COUNT; i++)
		if (locks & (1u << i)) {
			printf("%s %s", first ? "" : ",", bl_lock_name(i));
			first = false;
		}
	printf("\n");
}

/* Header and gates: shared by status and phase. */
static int print_where(bl_app *app, int cur)
{
	printf("%s: %s (%s)\n", app->info.municipality, app->info.title,
	       app->info.currency);
	if (cur < 0) {
		printf(_("Setting up: the process has not started yet.\n"
			 "The first phase is '%s' (%s). Start it with: %s advance %s\n"),
		       app->def->phases[0].title, app->def->phases[0].id,
		       bl_progname, app->path);
		return 0;
	}
	const bl_phase *ph = &app->def->phases[cur];
	printf(_("Phase %d of %zu: %s [%s]"), cur + 1, app->def->n_phases,
	       ph->title, ph->id);
	print_window(stdout, ph);
	printf("\n");
	print_locks(ph->locks);
	if ((size_t)cur + 1 < app->def->n_phases)
		printf(_("\nGates before the next phase, %s [%s]:\n"),
		       app->def->phases[cur + 1].title, app->def->phases[cur + 1].id);
	else
		printf(_("\nThis is the last phase. Its gates:\n"));
	return bl_gates_report(app, cur, stdout, NULL) < 0 ? -1 : 0;
}

typedef struct {
	int64_t id;
	size_t idx;
} id_idx;

static int cmp_id(const void *a, const void *b)
{
	const id_idx *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static size_t find_idx(const id_idx *map, size_t n, int64_t id)
{
	id_idx key = { id, 0 };
	const id_idx *hit = bsearch(&key, map, n, sizeof *map, cmp_id);
	return hit ? hit->idx : SIZE_MAX;
}

/* The name column gets what the amounts leave of the terminal, down to
 * NAME_MIN (or the width of "Balance (income - expenses)", which is never
 * cut); it is never wider than its widest label needs. */
#define NAME_MIN 20
#define AMT_MIN 9

/* One amount cell: a value, or a sum that does not fit (an older file
 * may hold one; the store refuses them now). */
typedef struct {
	bl_money v;
	bool ovf;
} cell;

typedef struct {
	bl_app *app;
	bl_unit unit;
	int n_years;
	int name_w;
	int amt_w[BL_MAX_YEARS];
	bool ore[BL_MAX_YEARS];
} layout;

static void fmt_cell(const layout *lo, int y, const cell *c, char *buf, size_t sz)
{
	if (c->ovf)
		snprintf(buf, sz, "%s", bl_overflow_label());
	else
		bl_fmt_amount_in(lo->app, c->v, lo->unit, lo->ore[y], buf, sz);
}

static void print_row(const layout *lo, const char *label, const cell *v)
{
	bl_cell(stdout, label, lo->name_w, false);
	for (int y = 0; y < lo->n_years; y++) {
		char buf[BL_MONEY_BUFSZ];
		fmt_cell(lo, y, &v[y], buf, sizeof buf);
		printf("%*s", BL_AMOUNT_GAP, "");
		bl_cell_num(stdout, buf, lo->amt_w[y]);
	}
	fputc('\n', stdout);
}

/* Let a row of cells widen the layout: øre in a column (kr. only), the
 * widest amount. */
static void measure(layout *lo, const cell *v, bool ore_pass)
{
	for (int y = 0; y < lo->n_years; y++) {
		if (ore_pass) {
			if (lo->unit == BL_UNIT_KR && !v[y].ovf && v[y].v % 100 != 0)
				lo->ore[y] = true;
			continue;
		}
		char buf[BL_MONEY_BUFSZ];
		fmt_cell(lo, y, &v[y], buf, sizeof buf);
		int w = bl_text_width(buf);
		if (w > lo->amt_w[y])
			lo->amt_w[y] = w;
	}
}

/* Net (expenses - income) per area, rolled up the hierarchy, shown down to
 * `depth`; then income, expenses and the balance per year. */
static int print_money(bl_app *app, const char *version, bl_unit unit, int depth)
{
	bl_err err = { { 0 } };
	bl_area *areas = NULL;
	bl_area_total *tot = NULL;
	size_t n_areas = 0, n_tot = 0;
	int n_years = app->info.n_years, first = app->info.budget_year, rc = -1;
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS];
	cell inc[BL_MAX_YEARS], exp[BL_MAX_YEARS], bal[BL_MAX_YEARS];
	bl_money_sum *net = NULL;
	cell *row = NULL;
	id_idx *map = NULL;
	size_t *parent = NULL;

	if (bl_store_areas(app->store, &areas, &n_areas, &err) != 0 ||
	    bl_store_area_totals(app->store, version, &tot, &n_tot, &err) != 0 ||
	    bl_store_year_totals(app->store, version, income, expense, &err) != 0) {
		bl_fail_store(app, &err);
		goto out;
	}
	net = calloc(n_areas ? n_areas * (size_t)n_years : 1, sizeof *net);
	row = calloc(n_areas ? n_areas * (size_t)n_years : 1, sizeof *row);
	map = calloc(n_areas ? n_areas : 1, sizeof *map);
	parent = calloc(n_areas ? n_areas : 1, sizeof *parent);
	if (!net || !row || !map || !parent) {
		bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < n_areas; i++)
		map[i] = (id_idx){ areas[i].id, i };
	qsort(map, n_areas, sizeof *map, cmp_id);
	for (size_t i = 0; i < n_areas; i++)
		parent[i] = areas[i].parent_id ? find_idx(map, n_areas, areas[i].parent_id) : SIZE_MAX;
	for (size_t t = 0; t < n_tot; t++) {
		int y = tot[t].year - first;
		if (y < 0 || y >= n_years)
			continue;
		/* Exact sums: a sum that does not fit shows as "overflow"
		 * in its cell, and the rest of the table is still right.
		 * Walk up the tree; the depth bound guards against a cycle
		 * that a damaged file could contain. */
		size_t a = find_idx(map, n_areas, tot[t].area_id);
		for (int hop = 0; a != SIZE_MAX && hop < 64; hop++, a = parent[a]) {
			bl_money_sum *c = &net[a * (size_t)n_years + (size_t)y];
			bl_money_sum_add(c, tot[t].expense);
			bl_money_sum_sub(c, tot[t].income);
		}
	}
	for (size_t i = 0; i < n_areas * (size_t)n_years; i++)
		row[i].ovf = !bl_money_sum_get(&net[i], &row[i].v);
	for (int y = 0; y < n_years; y++) {
		inc[y] = (cell){ income[y], false };
		exp[y] = (cell){ expense[y], false };
		bal[y].ovf = !bl_money_sub(income[y], expense[y], &bal[y].v);
	}

	/* Each amount column as wide as its widest amount, so none is ever
	 * cut, and in kr. with øre throughout if any amount in it has øre,
	 * so that the digits align. */
	layout lo = { app, unit, n_years, 0, { 0 }, { false } };
	for (int pass = 1; pass >= 0; pass--) {
		for (int y = 0; y < n_years && !pass; y++)
			lo.amt_w[y] = AMT_MIN;
		measure(&lo, inc, pass);
		measure(&lo, exp, pass);
		measure(&lo, bal, pass);
		for (size_t i = 0; i < n_areas; i++)
			if (areas[i].level <= depth)
				measure(&lo, &row[i * (size_t)n_years], pass);
	}
	/* The name column: as wide as its widest label, if the terminal
	 * has room after the amounts, else what is left (not below
	 * NAME_MIN); names are cut, amounts never. */
	const char *fixed[] = { _("Area"), _("Income"), _("Expenses"),
				_("Balance (income - expenses)") };
	int need = 0, amounts = 0, least = NAME_MIN;
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (bl_text_width(fixed[i]) > need)
			need = bl_text_width(fixed[i]);
	/* The row labels below the line are never cut. */
	if (need > least)
		least = need;
	for (size_t i = 0; i < n_areas; i++) {
		if (areas[i].level > depth)
			continue;
		int w = 2 * (areas[i].level - 1) + bl_text_width(areas[i].code) + 1 +
			bl_text_width(areas[i].name);
		if (w > need)
			need = w;
	}
	for (int y = 0; y < n_years; y++)
		amounts += BL_AMOUNT_GAP + lo.amt_w[y];
	lo.name_w = bl_term_width() - amounts;
	if (lo.name_w > need)
		lo.name_w = need;
	if (lo.name_w < least)
		lo.name_w = least;

	printf(_("\nBudget, %s version, in %s; per area: net = expenses - income\n"),
	       version, bl_unit_label(unit, app->info.lang));
	bl_cell(stdout, _("Area"), lo.name_w, false);
	for (int y = 0; y < n_years; y++) {
		char yb[8];
		snprintf(yb, sizeof yb, "%d", first + y);
		printf("%*s", BL_AMOUNT_GAP, "");
		bl_cell_num(stdout, yb, lo.amt_w[y]);
	}
	fputc('\n', stdout);
	for (size_t i = 0; i < n_areas; i++) {
		if (areas[i].level > depth)
			continue;
		char label[512];
		snprintf(label, sizeof label, "%*s%s %s", 2 * (areas[i].level - 1), "",
			 areas[i].code, areas[i].name);
		print_row(&lo, label, &row[i * (size_t)n_years]);
	}
	for (int i = 0; i < lo.name_w + amounts; i++)
		fputc('-', stdout);
	fputc('\n', stdout);
	print_row(&lo, _("Income"), inc);
	print_row(&lo, _("Expenses"), exp);
	print_row(&lo, _("Balance (income - expenses)"), bal);
	rc = 0;
out:
	bl_areas_free(areas, n_areas);
	free(tot);
	free(net);
	free(row);
	free(map);
	free(parent);
	return rc;
}

/* The development pools' money left, always in sight: per pool what is
 * left of it in each year (with carry-over, of the years so far), as a
 * table of its own.  Nothing when there are none. */
static int print_pools(bl_app *app, bl_unit unit)
{
	bl_err err = { { 0 } };
	bl_pool_rec *v;
	size_t n;
	if (bl_store_pools(app->store, &v, &n, &err) != 0) {
		bl_fail_err(BL_EXIT_FILE, &err);
		return -1;
	}
	bl_money (*left)[BL_MAX_YEARS] = n ? calloc(n, sizeof *left) : NULL;
	int rc = n && !left ? bl_fail(BL_EXIT_FILE, _("out of memory")) : 0;
	int ny = app->info.n_years, lw = bl_text_width(_("Pool")), aw[BL_MAX_YEARS];
	for (int y = 0; y < ny; y++)
		aw[y] = 4;
	for (size_t i = 0; i < n && rc == 0; i++) {
		bl_pool_money m;
		if (bl_store_pool_money(app->store, v[i].key, &m, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
			break;
		}
		int w = bl_text_width(v[i].key) + 1 + bl_text_width(v[i].name);
		lw = w > lw ? w : lw;
		for (int y = 0; y < ny; y++) {
			char a[BL_MONEY_BUFSZ];
			left[i][y] = m.left[y];
			bl_fmt_amount(app, m.left[y], unit, a, sizeof a);
			w = bl_text_width(a);
			aw[y] = w > aw[y] ? w : aw[y];
		}
	}
	if (rc == 0 && n) {
		printf(_("\nDevelopment pools: left to grant, in %s\n"), bl_unit_label(unit, app->info.lang));
		bl_cell(stdout, _("Pool"), lw, false);
		for (int y = 0; y < ny; y++)
			printf("  %*d", aw[y], app->info.budget_year + y);
		printf("\n");
		for (size_t i = 0; i < n; i++) {
			char label[256];
			snprintf(label, sizeof label, "%s %s", v[i].key, v[i].name);
			bl_cell(stdout, label, lw, false);
			for (int y = 0; y < ny; y++) {
				char a[BL_MONEY_BUFSZ];
				bl_fmt_amount(app, left[i][y], unit, a, sizeof a);
				printf("  ");
				bl_cell_num(stdout, a, aw[y]);
			}
			printf("\n");
		}
	}
	free(left);
	bl_pool_recs_free(v, n);
	return rc ? -1 : 0;
}

int bl_cmd_status(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "unit", required_argument, NULL, 'u' },
		{ "depth", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL;
	bl_unit unit = BL_UNIT_THOUSANDS;
	long depth = 1;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (bl_opt_version("status", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'u':
			if (bl_opt_unit("status", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'd':
			if (bl_opt_int("status", "--depth", optarg, 1, 9, &depth))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s status DB [--version V] [--unit kr|t|mio] [--depth N]\n"
				 "Where the process stands: the current phase, its locks, its gates\n"
				 "with pass/fail and why, and net amounts per area (down to level N,\n"
				 "default 1) and year, with income, expenses and the balance; and what\n"
				 "each development pool has left to grant per year.\n"),
			       bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("status", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("status", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	if (!version && bl_cli_working_version(&app, &version) != 0) {
		bl_app_close(&app);
		return BL_EXIT_FILE;
	}
	bl_err err = { { 0 } };
	int cur;
	char *id = NULL;
	if (bl_store_phase_current(app.store, &cur, &id, &err) != 0) {
		bl_app_close(&app);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	free(id);
	/* The money even when a gate could not be checked: all there is to
	 * see is shown, and the exit status says something went wrong. */
	if (print_where(&app, cur) != 0)
		rc = BL_EXIT_FILE;
	if (print_money(&app, version, unit, (int)depth) != 0)
		rc = BL_EXIT_FILE;
	if (print_pools(&app, unit) != 0)
		rc = BL_EXIT_FILE;
	bl_app_close(&app);
	return rc;
}

int bl_cmd_phase(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: %s phase DB\n"
			 "The phases as a timeline (done, current, coming), and for the current\n"
			 "phase its guidance, its checklist and its gates.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("phase", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	int cur;
	char *id = NULL;
	bl_phase_entry *hist = NULL;
	size_t n_hist = 0;
	if (bl_store_phase_current(app.store, &cur, &id, &err) != 0 ||
	    bl_store_phase_history(app.store, &hist, &n_hist, &err) != 0) {
		free(id);
		bl_app_close(&app);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	free(id);
	printf("%s: %s\n\n", app.info.municipality, app.info.title);
	for (size_t i = 0; i < app.def->n_phases; i++) {
		const bl_phase *ph = &app.def->phases[i];
		const char *mark = (int)i < cur ? _("done") : (int)i == cur ? _("now ") : "    ";
		/* The entry is wrapped to the terminal under its title (an
		 * override reason can be long). */
		char head[64], *text = NULL;
		size_t text_len = 0;
		snprintf(head, sizeof head, "  %s %2zu. ", mark, i + 1);
		FILE *m = open_memstream(&text, &text_len);
		if (!m) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			break;
		}
		fprintf(m, "%s [%s]", ph->title, ph->id);
		print_window(m, ph);
		/* When it was entered, and whether it was left past failing
		 * gates: the override is kept with the entry into the next
		 * phase, but it was this phase's gates that were overridden. */
		for (size_t h = n_hist; h-- > 0;) {
			if (strcmp(hist[h].phase_id, ph->id) != 0)
				continue;
			fprintf(m, _("; began %.10s"), hist[h].entered_at);
			break;
		}
		if (i + 1 < app.def->n_phases) {
			const char *next = app.def->phases[i + 1].id;
			for (size_t h = n_hist; h-- > 0;) {
				if (strcmp(hist[h].phase_id, next) != 0)
					continue;
				if (hist[h].override_reason)
					fprintf(m, _(" (left with gates overridden: %s)"),
						hist[h].override_reason);
				break;
			}
		}
		fclose(m);
		bl_print_hanging(stdout, head, text, bl_text_width(head), bl_term_width());
		free(text);
	}
	printf("\n");
	if (cur < 0) {
		print_where(&app, cur);
	} else {
		const bl_phase *ph = &app.def->phases[cur];
		printf(_("Now: %s\n"), ph->title);
		if (ph->guidance) {
			/* Each line of the guidance is a paragraph (folded YAML). */
			printf("\n");
			bl_print_wrapped(stdout, ph->guidance, 2, 78);
		}
		if (ph->n_checklist) {
			bool done[64] = { false };
			size_t n = ph->n_checklist < 64 ? ph->n_checklist : 64;
			if (bl_store_facts_ops.checklist_done(app.store, ph->id, done, n, &err) != 0) {
				rc = bl_fail_err(BL_EXIT_FILE, &err);
			} else {
				printf(_("\nChecklist (tick with: %s tick %s N):\n"), bl_progname, app.path);
				for (size_t i = 0; i < n; i++) {
					/* Wrapped like the guidance, the text's
					 * lines under its first. */
					char head[32];
					snprintf(head, sizeof head, "  [%s] %zu. ", done[i] ? "x" : " ",
						 i + 1);
					bl_print_hanging(stdout, head, ph->checklist[i],
							 bl_text_width(head), 78);
				}
			}
		}
		print_locks(ph->locks);
		printf(_("\nGates:\n"));
		if (bl_gates_report(&app, cur, stdout, NULL) < 0)
			rc = BL_EXIT_FILE;
	}
	bl_phase_history_free(hist, n_hist);
	bl_app_close(&app);
	return rc;
}
