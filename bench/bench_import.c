/* bench_import.c: how fast a large export imports, beside the sqlite3
 * shell's .import of the same file.
 *
 *   bench/bench_import [--rows N] [--dir DIR] --profile PATH
 *                      [--budgetlab PROG] [--sqlite3 PROG]
 *
 * One run, side by side, of DIR/import.csv (written by gen_import):
 * 1. budgetlab: a fresh database, made by the real program (`budgetlab
 *    create` with a process written into DIR: budget year 2028 and 3
 *    outline years, as the file's columns; not timed), then the real
 *    program `budgetlab import DB import.csv --profile PATH --json`,
 *    timed end to end around the process: exec, reading the profile and
 *    the file, checking and summing every row, writing the areas, lines
 *    and amounts, the totals, the triggers, the journal entry, the
 *    commit and the close.  The result is checked against
 *    DIR/import-sums.txt (what gen_import counted): the rows, lines and
 *    areas and the per-year sums the program reports, and in the
 *    database the line count and per year expenses - income, to the øre.
 * 2. the sqlite3 shell: a fresh empty database and `.import` (csv mode,
 *    `.separator ;`) of the same file into a new table, timed around the
 *    sqlite3 process only; the table's row count is checked.  Skipped,
 *    with a message, if sqlite3 is not installed.
 * 3. the ratio budgetlab / sqlite3, goal <= 2.0x, PASS or MISS.
 * Times are CLOCK_MONOTONIC wall-clock.  A missed goal is a finding, not
 * an error: the exit status is non-zero only if something could not be
 * run or the import is wrong. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_db.h"
#include "bench_util.h"
#include "core/money.h"
#include "store/store.h"

const char bench_prog[] = "bench_import";

#define FIRST_YEAR 2028
#define N_YEARS 4
#define IMPORT_GOAL 2.0
#define BENCH_VERSION "proposal" /* the profile's */

/* The process of the benchmark database: the years of the file's
 * columns, Norwegian (the profile reads decimal commas), one phase
 * without locks. */
static const char process_yaml[] =
	"budgetlab: 1\n"
	"process:\n"
	"  municipality: Vestby kommune\n"
	"  title: Økonomiplan 2028-2031 (benchmark)\n"
	"  language: nb\n"
	"  currency: NOK\n"
	"  budget_year: 2028\n"
	"  outline_years: 3\n"
	"phases:\n"
	"  - id: import\n"
	"    title: Innlesing\n";

/* ---- what the file holds (gen_import's import-sums.txt) ---- */

typedef struct expected {
	long rows, lines, areas;
	bl_money sum[N_YEARS];
	bool have_sum[N_YEARS];
} expected;

static int read_expected(const char *path, expected *e)
{
	FILE *f = fopen(path, "r");
	memset(e, 0, sizeof *e);
	if (!f) {
		fprintf(stderr, "bench_import: cannot open %s: %s\n(run gen_import first, or "
				"`make bench`)\n", path, strerror(errno));
		return -1;
	}
	char buf[256];
	int rc = 0;
	long lineno = 0;
	while (fgets(buf, sizeof buf, f)) {
		lineno++;
		char word[32];
		long long v;
		if (buf[0] == '#' || buf[0] == '\n')
			continue;
		if (sscanf(buf, "%31s %lld", word, &v) != 2) {
			fprintf(stderr, "bench_import: %s:%ld: expected a name and a number\n", path,
				lineno);
			rc = -1;
			break;
		}
		int year = atoi(word);
		if (strcmp(word, "rows") == 0)
			e->rows = (long)v;
		else if (strcmp(word, "lines") == 0)
			e->lines = (long)v;
		else if (strcmp(word, "areas") == 0)
			e->areas = (long)v;
		else if (year >= FIRST_YEAR && year < FIRST_YEAR + N_YEARS) {
			e->sum[year - FIRST_YEAR] = (bl_money)v;
			e->have_sum[year - FIRST_YEAR] = true;
		}
	}
	fclose(f);
	for (int y = 0; y < N_YEARS && rc == 0; y++)
		if (!e->have_sum[y]) {
			fprintf(stderr, "bench_import: %s has no sum for %d\n", path, FIRST_YEAR + y);
			rc = -1;
		}
	if (rc == 0 && (e->rows <= 0 || e->lines <= 0 || e->areas <= 0)) {
		fprintf(stderr, "bench_import: %s lacks the rows, lines or areas\n", path);
		rc = -1;
	}
	return rc;
}

/* ---- the program's --json summary ---- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t r;
	while (s && (r = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t)
				free(s);
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = '\0';
	return s;
}

/* The number after "key": in the JSON text (the first occurrence after
 * from); false if there is none. */
static bool json_num(const char *from, const char *key, long long *out)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\": ", key);
	const char *p = strstr(from, pat);
	if (!p)
		return false;
	char *end;
	errno = 0;
	*out = strtoll(p + strlen(pat), &end, 10);
	return !errno && end != p + strlen(pat);
}

/* What `budgetlab import --json` said, against what the file holds. */
static int check_json(const char *path, const expected *e)
{
	char *js = slurp(path);
	if (!js) {
		fprintf(stderr, "bench_import: cannot read %s\n", path);
		return -1;
	}
	int bad = 0;
	long long v;
	const struct {
		const char *key;
		long want;
	} counts[] = {
		{ "rows", e->rows },
		{ "lines", e->lines },
		{ "rejected", 0 },
		{ "lines_created", e->lines },
		{ "areas_created", e->areas },
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (!json_num(js, counts[i].key, &v) || v != counts[i].want) {
			fprintf(stderr, "bench_import: budgetlab import: \"%s\" is not %ld\n",
				counts[i].key, counts[i].want);
			bad = 1;
		}
	if (!strstr(js, "\"imported\": true")) {
		fprintf(stderr, "bench_import: budgetlab import: \"imported\" is not true\n");
		bad = 1;
	}
	const char *years = strstr(js, "\"years\": {");
	for (int y = 0; y < N_YEARS; y++) {
		char key[16];
		snprintf(key, sizeof key, "%d", FIRST_YEAR + y);
		char pat[32];
		snprintf(pat, sizeof pat, "\"%s\": {", key);
		const char *at = years ? strstr(years, pat) : NULL;
		if (!at || !json_num(at, "sum", &v) || v != e->sum[y]) {
			fprintf(stderr, "bench_import: budgetlab import: the sum of %d is not %" PRId64
					" øre, as gen_import wrote it\n", FIRST_YEAR + y, e->sum[y]);
			bad = 1;
		}
	}
	if (bad)
		fprintf(stderr, "bench_import: the program said: %s", js);
	free(js);
	return bad ? -1 : 0;
}

/* The database, against what the file holds: the lines, and per year
 * expenses - income (the store keeps amounts by direction; the file
 * signs income negative), to the øre. */
static int check_db(const char *db, const expected *e)
{
	int64_t n = 0;
	bl_money inc[BL_MAX_YEARS], exp_[BL_MAX_YEARS];
	if (bench_db_totals(db, db, BENCH_VERSION, &n, inc, exp_))
		return -1;
	if (n != e->lines) {
		fprintf(stderr, "bench_import: %s has %" PRId64 " lines; expected %ld\n", db, n,
			e->lines);
		return -1;
	}
	for (int y = 0; y < N_YEARS; y++)
		if (exp_[y] - inc[y] != e->sum[y]) {
			fprintf(stderr, "bench_import: %s: the totals of %d (expenses %" PRId64
					" - income %" PRId64 " øre) differ from the file's sum %" PRId64
					"\n", db, FIRST_YEAR + y, exp_[y], inc[y], e->sum[y]);
			return -1;
		}
	return 0;
}

/* The rows the shell imported into the table. */
static int check_sqlite3(const char *db, const expected *e)
{
	int64_t n;
	if (bench_sql_row(db, "SELECT count(*) FROM import", &n, 1))
		return -1;
	if (n == e->rows)
		return 0;
	fprintf(stderr, "bench_import: sqlite3: %" PRId64 " rows imported; expected %ld\n", n,
		e->rows);
	return -1;
}

/* ---- main ---- */

static int usage(FILE *f, int rc)
{
	fprintf(f, "Usage: bench_import [--rows N] [--dir DIR] --profile PATH [--budgetlab PROG]\n"
		   "                    [--sqlite3 PROG]\n"
		   "Imports DIR/import.csv (written by gen_import; --rows: the number of rows it\n"
		   "must have) with `budgetlab import` and with the sqlite3 shell's .import,\n"
		   "one run each, and prints both times and their ratio.  PATH is the import\n"
		   "profile (config/import/bergen-driftsbudsjett.yaml).  Writes, in DIR,\n"
		   "import-process.yaml, import.budgetlab, import.json and import-sqlite3.db.\n");
	return rc;
}

int main(int argc, char **argv)
{
	long want_rows = 0;
	const char *dir = ".", *profile = NULL, *prog = "./budgetlab", *shell = "sqlite3";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
			return usage(stdout, 0);
		if (i + 1 >= argc)
			return usage(stderr, 2);
		if (strcmp(a, "--rows") == 0) {
			if (bench_opt_long(a, argv[++i], 1, 100000000, &want_rows))
				return 2;
		} else if (strcmp(a, "--dir") == 0) {
			dir = argv[++i];
		} else if (strcmp(a, "--profile") == 0) {
			profile = argv[++i];
		} else if (strcmp(a, "--budgetlab") == 0) {
			prog = argv[++i];
		} else if (strcmp(a, "--sqlite3") == 0) {
			shell = argv[++i];
		} else {
			fprintf(stderr, "bench_import: unknown argument '%s'\n", a);
			return usage(stderr, 2);
		}
	}
	if (!profile) {
		fprintf(stderr, "bench_import: --profile is missing; expected the path of "
				"config/import/bergen-driftsbudsjett.yaml\n");
		return usage(stderr, 2);
	}
	if (strchr(dir, '"')) {
		fprintf(stderr, "bench_import: the directory name has a '\"', which the sqlite3 "
				"shell's .import cannot take\n");
		return 2;
	}
	/* The journal's actor for the import entry. */
	setenv("BUDGETLAB_ACTOR", "bench", 1);

	char csv[4096], sums[4096], yaml[4096], db[4096], json[4096], sqdb[4096];
	snprintf(csv, sizeof csv, "%s/import.csv", dir);
	snprintf(sums, sizeof sums, "%s/import-sums.txt", dir);
	snprintf(yaml, sizeof yaml, "%s/import-process.yaml", dir);
	snprintf(db, sizeof db, "%s/import.budgetlab", dir);
	snprintf(json, sizeof json, "%s/import.json", dir);
	snprintf(sqdb, sizeof sqdb, "%s/import-sqlite3.db", dir);

	expected e;
	if (read_expected(sums, &e))
		return 1;
	if (want_rows && e.rows != want_rows) {
		fprintf(stderr, "bench_import: %s has %ld rows; expected %ld (run gen_import "
				"--rows %ld)\n", csv, e.rows, want_rows, want_rows);
		return 1;
	}
	int64_t csv_bytes = bench_file_size(csv);
	if (csv_bytes < 0) {
		fprintf(stderr, "bench_import: cannot open %s: %s\n(run gen_import first, or "
				"`make bench`)\n", csv, strerror(errno));
		return 1;
	}
	printf("budgetlab import benchmark: %ld rows (%ld lines, %ld areas) x %d years, "
	       "%.1f MB of CSV\n", e.rows, e.lines, e.areas, N_YEARS, (double)csv_bytes / 1e6);
	fflush(stdout);

	/* 1. budgetlab: the process, a fresh database (not timed), the
	 * import (timed). */
	FILE *f = fopen(yaml, "w");
	if (!f || fputs(process_yaml, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "bench_import: cannot write %s: %s\n", yaml, strerror(errno));
		return 1;
	}
	bench_remove_db(db);
	char *create[] = { (char *)prog, "create", db, yaml, NULL };
	int r = bench_run(create, NULL, "/dev/null", NULL);
	if (r == 1)
		fprintf(stderr, "bench_import: %s: not found (give --budgetlab PROG)\n", prog);
	if (r)
		return 1;
	double bl_secs = 0, sq_secs = 0;
	char *import[] = { (char *)prog, "import", db, csv, "--profile", (char *)profile,
			   "--json", NULL };
	if (bench_run(import, NULL, json, &bl_secs) || check_json(json, &e) || check_db(db, &e))
		return 1;

	/* 2. the sqlite3 shell: a fresh empty database, .import into a new
	 * table (the shell makes it from the header, one transaction). */
	bench_remove_db(sqdb);
	char cmd[4200];
	snprintf(cmd, sizeof cmd, ".import \"%s\" import", csv);
	char *sq[] = { (char *)shell, "-bail", "-cmd", ".mode csv", "-cmd", ".separator ;",
		       sqdb, cmd, NULL };
	int sqr = bench_run(sq, NULL, "/dev/null", &sq_secs);
	if (sqr < 0 || (sqr == 0 && check_sqlite3(sqdb, &e)))
		return 1;

	putchar('\n');
	bench_table_head("import", "rows/s");
	bench_table_row("budgetlab import (the program)", bl_secs, e.rows, db);
	if (sqr == 1) {
		bench_table_skipped("sqlite3 .import", shell);
	} else {
		bench_table_row("sqlite3 .import, a new table", sq_secs, e.rows, sqdb);
		bench_table_ratio(bl_secs, sq_secs, IMPORT_GOAL);
	}
	printf("  (checked: %ld rows, %ld lines, %ld areas, the sums of %d-%d to the øre)\n",
	       e.rows, e.lines, e.areas, FIRST_YEAR, FIRST_YEAR + N_YEARS - 1);
	/* The databases are large and have served; the CSV stays for the
	 * next run. */
	bench_remove_db(sqdb);
	/* A missed goal is a finding, not a failure of the benchmark. */
	return 0;
}
