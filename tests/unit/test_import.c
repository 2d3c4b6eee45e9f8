/* test_import.c: applying an import profile to an export (core/import.c).
 *
 * The profile is loaded from YAML text, the export is bytes in memory, and
 * the process is filled in by hand (Norwegian, 2013 and three outline
 * years).  Each case checks the lines, areas and sums exactly, and every
 * rejected row by its line number and the words of its reason. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "core/csv_read.h"
#include "core/import.h"
#include "core/process.h"
#include "tap.h"
#include "test_util.h"

static bl_err E;
static bl_process_def DEF;

/* ---- templates ---- */

static void test_templates(void)
{
	bl_tmpl t;
	is_int(bl_tmpl_parse("a", &t, &E), 0, "\"a\" parses");
	ok(t.n == 1 && t.part[0].column && strcmp(t.part[0].text, "a") == 0 &&
		   t.part[0].col == -1,
	   "\"a\" is one column, not yet found");
	is_str(t.source, "a", "the source is kept");
	bl_tmpl_free(&t);
	ok(t.n == 0 && t.part == NULL && t.source == NULL, "free clears it");

	is_int(bl_tmpl_parse("{a}.{b}", &t, &E), 0, "\"{a}.{b}\" parses");
	ok(t.n == 3 && t.part[0].column && strcmp(t.part[0].text, "a") == 0 &&
		   !t.part[1].column && strcmp(t.part[1].text, ".") == 0 && t.part[2].column &&
		   strcmp(t.part[2].text, "b") == 0,
	   "column a, text \".\", column b");
	bl_tmpl_free(&t);

	is_int(bl_tmpl_parse("x{a}", &t, &E), 0, "\"x{a}\" parses");
	ok(t.n == 2 && !t.part[0].column && strcmp(t.part[0].text, "x") == 0 &&
		   t.part[1].column && strcmp(t.part[1].text, "a") == 0,
	   "text \"x\", column a");
	bl_tmpl_free(&t);

	is_int(bl_tmpl_parse("{a}{b}-", &t, &E), 0, "\"{a}{b}-\" parses");
	ok(t.n == 3 && t.part[0].column && t.part[1].column && !t.part[2].column &&
		   strcmp(t.part[2].text, "-") == 0,
	   "two columns side by side, then text");
	bl_tmpl_free(&t);

	is_int(bl_tmpl_parse("{inntekt-utgift}", &t, &E), 0, "a column with a dash");
	ok(t.n == 1 && t.part[0].column && strcmp(t.part[0].text, "inntekt-utgift") == 0,
	   "is one column");
	bl_tmpl_free(&t);

	static const struct {
		const char *src, *msg;
	} bad[] = {
		{ "{a", "a '{' is not closed; expected {COLUMN}" },
		{ "x.{a", "a '{' is not closed; expected {COLUMN}" },
		{ "{}", "'{}' names no column; expected {COLUMN}" },
		{ "{a}.{}", "'{}' names no column; expected {COLUMN}" },
		{ "a}", "a '}' without its '{'; expected {COLUMN}" },
		{ "{a}}", "a '}' without its '{'; expected {COLUMN}" },
		{ "",
		  "it is empty; expected a column name or a text such as \"{avdeling}.{tjeneste}\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		bl_err_clear(&E);
		is_int(bl_tmpl_parse(bad[i].src, &t, &E), -1, "\"%s\" is refused", bad[i].src);
		is_str(E.msg, bad[i].msg, "\"%s\": the message", bad[i].src);
		ok(t.n == 0 && t.part == NULL && t.source == NULL, "\"%s\": nothing is kept",
		   bad[i].src);
	}
	is_int(bl_tmpl_parse(NULL, &t, &E), -1, "NULL is refused");
}

/* ---- running an import ---- */

typedef struct run {
	bl_import_profile *p;
	bl_csv *csv;
	bl_import imp;
	int rc;
	bool open;
} run;

static bl_import_profile *profile(const char *yaml)
{
	bl_import_profile *p = NULL;
	if (bl_import_profile_load_string(yaml, strlen(yaml), "p.yaml", &p, &E) != 0) {
		ok(0, "the test's profile loads");
		diag("%s", E.msg);
		return NULL;
	}
	return p;
}

/* Load the profile, open the bytes with the profile's file options, and
 * read them.  r->rc is bl_import_read's. */
static bool start(run *r, const char *yaml, const char *data, size_t len)
{
	memset(r, 0, sizeof *r);
	r->rc = -2;
	if (!(r->p = profile(yaml)))
		return false;
	bl_csv_opts o = { r->p->encoding, r->p->delimiter };
	if (bl_csv_open_mem("t.csv", data, len, &o, &r->csv, &E) != 0) {
		ok(0, "the test's file opens");
		diag("%s", E.msg);
		bl_import_profile_free(r->p);
		return false;
	}
	bl_err_clear(&E);
	r->rc = bl_import_read(&r->imp, r->p, r->csv, &DEF, &E);
	r->open = true;
	return true;
}
#define START(r, yaml, lit) start(r, yaml, lit, sizeof lit - 1)

static void finish(run *r)
{
	if (!r->open)
		return;
	bl_import_free(&r->imp);
	bl_csv_close(r->csv);
	bl_import_profile_free(r->p);
	r->open = false;
}

/* The file must be refused as a whole: bl_import_read fails.  E keeps
 * the message for the checks that follow. */
static void refused(const char *yaml, const char *data, const char *name)
{
	run r;
	if (start(&r, yaml, data, strlen(data))) {
		is_int(r.rc, -1, "%s", name);
		finish(&r);
	}
}

static const bl_import_line *line_of(const bl_import *imp, const char *code)
{
	for (size_t i = 0; i < imp->n_lines; i++)
		if (strcmp(imp->lines[i].code, code) == 0)
			return &imp->lines[i];
	return NULL;
}

/* A line's amounts as text: "y0 y1 y2 y3" with '.' for a year without
 * an amount; the direction, the area's code and the title. */
static void line_is(const bl_import *imp, const char *code, const char *want)
{
	const bl_import_line *l = line_of(imp, code);
	char got[512] = "(no such line)";
	if (l) {
		size_t o = 0;
		o += (size_t)snprintf(got + o, sizeof got - o, "%s %s '%s'",
				      l->dir == BL_DIR_INCOME ? "income" : "expense",
				      l->area ? imp->areas[l->area - 1].code : "-", l->title);
		for (int y = 0; y < imp->n_years; y++) {
			if (l->has[y])
				o += (size_t)snprintf(got + o, sizeof got - o, " %" PRId64,
						      l->amount[y]);
			else
				o += (size_t)snprintf(got + o, sizeof got - o, " .");
		}
	}
	is_str(got, want, "line %s", code);
}

/* The year sums: "y0 y1 y2 y3", '.' for a year without amounts, '!' for
 * a sum that does not fit. */
static void sums_are(const bl_import *imp, const char *want, const char *name)
{
	char got[256];
	size_t o = 0;
	for (int y = 0; y < imp->n_years; y++) {
		bl_money v;
		if (!imp->year_seen[y])
			o += (size_t)snprintf(got + o, sizeof got - o, "%s.", y ? " " : "");
		else if (!bl_import_year_sum(imp, y, &v))
			o += (size_t)snprintf(got + o, sizeof got - o, "%s!", y ? " " : "");
		else
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%" PRId64, y ? " " : "", v);
	}
	is_str(got, want, "%s: the year sums", name);
}

/* The reject of a line: its reason must contain want. */
static void rejected(const bl_import *imp, long line, const char *want)
{
	for (size_t i = 0; i < imp->n_rejects; i++)
		if (imp->rejects[i].line == line) {
			like(imp->rejects[i].reason, want, "line %ld is rejected", line);
			return;
		}
	ok(0, "line %ld is rejected (\"%s\")", line, want);
}

/* The lines of the rejects, "2 5 7". */
static void reject_lines(const bl_import *imp, const char *want, const char *name)
{
	char got[256] = "";
	size_t o = 0;
	for (size_t i = 0; i < imp->n_rejects; i++)
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%ld", i ? " " : "",
				      imp->rejects[i].line);
	is_str(got, want, "%s: the rejected lines", name);
}

/* The base profile: one area level, code "{avd}.{tj}", the direction from
 * a column, income written negative, two amount columns. */
#define P_BASE                                                                \
	"budgetlab: 1\n"                   /* 1 */                            \
	"title: Test\n"                    /* 2 */                            \
	"areas:\n"                         /* 3 */                            \
	"  - code: avd\n"                  /* 4 */                            \
	"    name: avdnavn\n"              /* 5 */                            \
	"line:\n"                          /* 6 */                            \
	"  code: \"{avd}.{tj}\"\n"         /* 7 */                            \
	"  title: tjnavn\n"                /* 8 */                            \
	"direction:\n"                     /* 9 */                            \
	"  column: iu\n"                   /* 10 */                           \
	"  income: [Inntekt]\n"            /* 11 */                           \
	"  expense: [Utgift, Kostnad]\n"   /* 12 */                           \
	"amounts:\n"                       /* 13 */                           \
	"  - column: b2013\n"              /* 14 */                           \
	"    year: 2013\n"                 /* 15 */                           \
	"  - column: b2014\n"              /* 16 */                           \
	"    year: budget_year+1\n"        /* 17 */

#define H_BASE "avd;avdnavn;tj;tjnavn;iu;b2013;b2014\n"

static void test_sum(void)
{
	run r;
	if (!START(&r, P_BASE,
		   H_BASE "1;Skole;100;Undervisning;Utgift;1 000,50;2 000\n"
			  "1;Skole;100;Undervisning;utgift;999,50;-\n"
			  "1;Skole;200;Salg;Inntekt;-500;-600\n"
			  "2;Helse;100;Legevakt;Kostnad;(10);\n"
			  "2;Helse;300;Refusjon;Inntekt;1.234,50-; 5 \n"))
		return;
	is_int(r.rc, 0, "the file is read");
	is_int(r.imp.rows, 5, "five data rows");
	is_int(r.imp.n_rejects, 0, "none rejected");
	is_int(r.imp.n_years, 4, "the process has four years");
	is_int(r.imp.first_year, 2013, "from 2013");
	is_int(r.imp.n_header, 7, "seven columns");
	is_str(r.imp.header[6], "b2014", "the header is kept");
	is_int(r.imp.n_lines, 4, "four lines");
	line_is(&r.imp, "1.100", "expense 1 'Undervisning' 200000 200000 . .");
	line_is(&r.imp, "1.200", "income 1 'Salg' 50000 60000 . .");
	line_is(&r.imp, "2.100", "expense 2 'Legevakt' -1000 . . .");
	line_is(&r.imp, "2.300", "income 2 'Refusjon' 123450 -500 . .");
	const bl_import_line *l = line_of(&r.imp, "1.100");
	is_int(l ? l->first_row : 0, 2, "a line remembers its first row");
	is_int(r.imp.n_areas, 2, "two areas");
	ok(r.imp.n_areas == 2 && strcmp(r.imp.areas[0].code, "1") == 0 &&
		   strcmp(r.imp.areas[0].name, "Skole") == 0 && r.imp.areas[0].level == 1 &&
		   r.imp.areas[0].parent == 0 && strcmp(r.imp.areas[1].code, "2") == 0 &&
		   strcmp(r.imp.areas[1].name, "Helse") == 0,
	   "areas 1 Skole and 2 Helse, top level");
	/* The sums are of the file's amounts, as signed in the file. */
	sums_are(&r.imp, "25550 140500 . .", "sum");
	finish(&r);

	/* Signs as they are: income is written positive. */
	if (!START(&r, P_BASE "signs: as_is\n",
		   H_BASE "1;Skole;200;Salg;Inntekt;500;-600\n"
			  "1;Skole;100;Lønn;Utgift;300;\n"))
		return;
	is_int(r.rc, 0, "as_is: read");
	line_is(&r.imp, "1.200", "income 1 'Salg' 50000 -60000 . .");
	line_is(&r.imp, "1.100", "expense 1 'Lønn' 30000 . . .");
	sums_are(&r.imp, "80000 -60000 . .", "as_is");
	finish(&r);

	/* The decimal point. */
	if (!START(&r, P_BASE "file:\n  decimal: point\n",
		   H_BASE "1;Skole;100;A;Utgift;1234567.50;\"1,234.5\"\n"))
		return;
	is_int(r.rc, 0, "decimal point: read");
	line_is(&r.imp, "1.100", "expense 1 'A' 123456750 123450 . .");
	finish(&r);

	/* Columns are found by name in any case, and padding is trimmed. */
	if (!START(&r, P_BASE, "AVD; AvdNavn ;TJ;TJNAVN;IU;B2013;B2014\n"
			       " 1 ;Skole;\xc2\xa0" "100\xc2\xa0;A;Utgift;1;2\n"))
		return;
	is_int(r.rc, 0, "headers in another case: read");
	line_is(&r.imp, "1.100", "expense 1 'A' 100 200 . .");
	finish(&r);

	/* A preview reads only the first rows. */
	if (START(&r, P_BASE, H_BASE "1;S;100;A;Utgift;1;\n1;S;200;B;Utgift;1;\n1;S;300;C;Utgift;1;\n")) {
		bl_import_free(&r.imp);
		bl_csv_rewind(r.csv);
		is_int(bl_import_read_n(&r.imp, r.p, r.csv, &DEF, 2, &E), 0, "a preview of 2 rows");
		is_int(r.imp.rows, 2, "reads 2 rows");
		is_int(r.imp.n_lines, 2, "and makes their lines");
		finish(&r);
	}
}

#define P_SIGN(amounts)                                                       \
	"budgetlab: 1\n"                                                      \
	"title: Sign\n"                                                       \
	"line:\n"                                                             \
	"  code: tj\n"                                                        \
	"  title: tjnavn\n"                                                   \
	"direction: sign\n"                                                   \
	"amounts:\n" amounts

#define A_TWO                                                                 \
	"  - column: b2013\n"                                                 \
	"    year: budget_year\n"                                             \
	"  - column: b2014\n"                                                 \
	"    year: budget_year+1\n"

static void test_direction(void)
{
	run r;
	if (!START(&r, P_SIGN(A_TWO),
		   "tj;tjnavn;b2013;b2014\n"
		   "100;Lønn;1 000;\n"
		   "200;Skatt;-5 000;\n"
		   "300;Tom;;\n"
		   "400;Null;-;\n"
		   "500;Senere;;-7\n"
		   "100;Lønn;-50;\n"
		   "200;Skatt;10;-1\n"))
		return;
	is_int(r.rc, 0, "direction by sign: read");
	is_int(r.imp.n_rejects, 0, "nothing rejected");
	if (r.imp.n_rejects)
		diag("%s", r.imp.rejects[0].reason);
	is_int(r.imp.n_areas, 0, "no areas");
	line_is(&r.imp, "100", "expense - 'Lønn' 95000 . . .");
	line_is(&r.imp, "200", "income - 'Skatt' 499000 100 . .");
	line_is(&r.imp, "300", "expense - 'Tom' . . . .");
	line_is(&r.imp, "400", "expense - 'Null' 0 . . .");
	line_is(&r.imp, "500", "income - 'Senere' . 700 . .");
	sums_are(&r.imp, "-404000 -800 . .", "by sign");
	finish(&r);

	/* By column: the words in any case; a word not in the lists is a
	 * reject naming the column and the words expected. */
	if (!START(&r, P_BASE,
		   H_BASE "1;Skole;100;A;INNTEKT;-1;\n"
			  "1;Skole;200;B;Tilskudd;1;\n"
			  "1;Skole;300;C;;1;\n"))
		return;
	is_int(r.rc, 0, "direction by column: read");
	line_is(&r.imp, "1.100", "income 1 'A' 100 . . .");
	reject_lines(&r.imp, "3 4", "unknown words");
	rejected(&r.imp, 3,
		 "the column 'iu' is 'Tilskudd'; expected Inntekt (income) or Utgift (expense)");
	rejected(&r.imp, 4, "the column 'iu' is ''; expected Inntekt (income) or Utgift (expense)");
	finish(&r);
}

static void test_years(void)
{
	run r;
	/* Every column named by a year. */
	static const char *p_hy = "budgetlab: 1\n"              /* 1 */
				  "title: Years\n"              /* 2 */
				  "line:\n"                     /* 3 */
				  "  code: tj\n"                /* 4 */
				  "  title: tjnavn\n"           /* 5 */
				  "direction: sign\n"           /* 6 */
				  "amounts: header_years\n";    /* 7 */
	if (!START(&r, p_hy, "tj;tjnavn;2013;2014;2015;2016;merknad\n"
			     "100;A;1;2;3;4;x\n"
			     "200;B;-1;;-3;;\n"))
		return;
	is_int(r.rc, 0, "header_years: read");
	line_is(&r.imp, "100", "expense - 'A' 100 200 300 400");
	line_is(&r.imp, "200", "income - 'B' 100 . 300 .");
	sums_are(&r.imp, "0 200 0 400", "header_years");
	finish(&r);

	if (START(&r, p_hy, "tj;tjnavn;2014;2013\n100;A;1;2\n")) {
		is_int(r.rc, 0, "header years in any order");
		line_is(&r.imp, "100", "expense - 'A' 200 100 . .");
		finish(&r);
	}
	refused(p_hy, "tj;tjnavn;2013;2017\n100;A;1;2\n",
		"a header year outside the process: the file is refused");
	is_str(E.msg,
	       "p.yaml:7:10: the column '2017' of 't.csv' is the year 2017, outside the"
	       " process (2013-2016); expected only the process's years as column names"
	       " (or map the columns one by one)",
	       "the message names the column, the years and the profile's line");
	refused(p_hy, "tj;tjnavn;2012;2013\n100;A;1;2\n",
		"a header year before the process: refused");
	like(E.msg, "the column '2012' of 't.csv' is the year 2012", "naming it");
	refused(p_hy, "tj;tjnavn;beloep\n100;A;1\n", "no year in the header: refused");
	is_str(E.msg,
	       "p.yaml:7:10: no column of 't.csv' is named by a year; expected columns such"
	       " as 2013, 2014 (the header has: tj, tjnavn, beloep)",
	       "the message lists the header");
	refused(p_hy, "tj;tjnavn;2013;2013\n100;A;1;2\n", "two columns of one year: refused");
	is_str(E.msg,
	       "p.yaml: the columns '2013' and '2013' are both 2013; expected one column a"
	       " year",
	       "the message names them");

	/* year: budget_year+1 is 2014; a fixed year outside is refused. */
	if (START(&r, P_SIGN("  - column: b\n    year: budget_year+1\n"), "tj;tjnavn;b\n1;A;5\n")) {
		is_int(r.rc, 0, "budget_year+1: read");
		line_is(&r.imp, "1", "expense - 'A' . 500 . .");
		finish(&r);
	}
	refused(P_SIGN("  - column: b\n    year: budget_year+4\n"), "tj;tjnavn;b\n1;A;5\n",
		"budget_year+4 is outside a process of four years");
	is_str(E.msg,
	       "p.yaml:8:5: the column 'b' is mapped to 2017, outside the process"
	       " (2013-2016); expected a year of the process",
	       "the message says which year and where");
	refused(P_SIGN("  - column: b\n    year: 2012\n"), "tj;tjnavn;b\n1;A;5\n",
		"a fixed year before the process is refused");
	like(E.msg, "p.yaml:8:5: the column 'b' is mapped to 2012, outside the process",
	     "naming it");

	/* The year from a column (long format). */
	static const char *p_long = P_SIGN("  - column: beloep\n"      /* 8 */
					   "    year_column: aar\n");  /* 9 */
	if (!START(&r, p_long, "tj;tjnavn;aar;beloep\n"
			       "100;A;2013;10\n"
			       "100;A;2014;20\n"
			       "100;A;2013;5\n"
			       "100;A;2020;7\n"
			       "100;A;13;7\n"
			       "100;A;;8\n"
			       "100;A;;\n"
			       "200;B;2016;-1\n"))
		return;
	is_int(r.rc, 0, "year_column: read");
	line_is(&r.imp, "100", "expense - 'A' 1500 2000 . .");
	line_is(&r.imp, "200", "income - 'B' . . . 100");
	reject_lines(&r.imp, "5 6 7", "year_column");
	rejected(&r.imp, 5, "the year 2020 (column 'aar') is outside the process (2013-2016)");
	rejected(&r.imp, 6, "the year column 'aar' is '13'; expected a year such as 2013");
	rejected(&r.imp, 7, "the year column 'aar' is ''; expected a year such as 2013");
	sums_are(&r.imp, "1500 2000 . -100", "year_column");
	finish(&r);
	refused(p_long, "tj;tjnavn;year;beloep\n1;A;2013;1\n", "a year column not in the header");
	is_str(E.msg,
	       "p.yaml:8:5: the year column 'aar' is not in the header of 't.csv'; expected"
	       " one of: tj, tjnavn, year, beloep",
	       "the message lists the header");
}

/* Every reason a row is rejected; a rejected row leaves no trace. */
#define P_TJ                                                                  \
	"budgetlab: 1\n"                                                      \
	"title: Tj\n"                                                         \
	"areas:\n"                                                            \
	"  - code: avd\n"                                                     \
	"    name: avdnavn\n"                                                 \
	"line:\n"                                                             \
	"  code: tj\n"                                                        \
	"  title: tjnavn\n"                                                   \
	"direction:\n"                                                        \
	"  column: iu\n"                                                      \
	"  income: [Inntekt]\n"                                               \
	"  expense: [Utgift]\n"                                               \
	"amounts:\n"                                                          \
	"  - column: b2013\n"                                                 \
	"    year: 2013\n"                                                    \
	"  - column: b2014\n"                                                 \
	"    year: 2014\n"

static void test_rejects(void)
{
	run r;
	if (!START(&r, P_TJ,
		   H_BASE "1;Skole;100;Undervisning;Utgift;100;200\n"   /* 2 ok */
			  "1;Skole;100;Undervisning;Utgift;100\n"       /* 3 */
			  "1;Skole;100;Undervisning;Utgift;1;2;3\n"     /* 4 */
			  "1;Skole;100;Undervisning;Utgift;12a;200\n"   /* 5 */
			  "1;Skole;100;Undervisning;Utgift;1;2,345\n"   /* 6 */
			  "1;Skole;100;Undervisning;Tilskudd;1;2\n"     /* 7 */
			  ";Skole;100;Undervisning;Utgift;1;2\n"        /* 8 */
			  "1;Skole;;Undervisning;Utgift;1;2\n"          /* 9 */
			  "2;Helse;100;Legevakt;Utgift;1;2\n"           /* 10 */
			  "1;Skole;100;Undervisning;Inntekt;-1;-2\n"    /* 11 */
			  "1;Skole;x\"y;Undervisning;Utgift;1;2\n"      /* 12 */
			  "3;Ny;400;Ny;Utgift;1;x\n"                    /* 13 */
			  "1;Skole;a/b;Undervisning;Utgift;1;2\n"       /* 14 */
			  "1/2;Skole;500;Undervisning;Utgift;1;2\n"     /* 15 */
			  "1;Skole;100;Undervisning;Utgift;1;\n"))      /* 16 ok */
		return;
	is_int(r.rc, 0, "a file with bad rows is read");
	is_int(r.imp.rows, 15, "fifteen data rows");
	reject_lines(&r.imp, "3 4 5 6 7 8 9 10 11 12 13 15", "every reason");
	rejected(&r.imp, 3,
		 "the row has 6 fields; the header has 7 (is a delimiter missing, or the row cut"
		 " off?)");
	rejected(&r.imp, 4,
		 "the row has 8 fields; the header has 7 (is a field with the delimiter in it not"
		 " quoted?)");
	rejected(&r.imp, 5,
		 "column 'b2013': \"12a\" is not an amount: \"a\" is not a digit, sign, separator or"
		 " unit (kr., kr, DKK, NOK) (expected e.g. 1 234 567,50)");
	rejected(&r.imp, 6, "column 'b2014': \"2,345\" is not an amount: it has more than two decimals");
	rejected(&r.imp, 7,
		 "the column 'iu' is 'Tilskudd'; expected Inntekt (income) or Utgift (expense)");
	rejected(&r.imp, 8, "the area code (level 1, column 'avd') is empty; expected a code");
	rejected(&r.imp, 9, "the line code (column 'tj') is empty; expected a code");
	rejected(&r.imp, 10,
		 "the line code '100' is already the expense line of line 2 in another area or"
		 " direction; expected one area and direction for a code");
	rejected(&r.imp, 11,
		 "the line code '100' is already the expense line of line 2 in another area or"
		 " direction");
	rejected(&r.imp, 12, "a quote inside field 3 that is not at its start");
	rejected(&r.imp, 13, "column 'b2014': \"x\" is not an amount");
	rejected(&r.imp, 15,
		 "the area code '1/2' (level 1) contains '/' or a control character; expected a"
		 " code without them");
	/* A '/' in a line code is allowed (Stavanger's codes have one). */
	line_is(&r.imp, "a/b", "expense 1 'Undervisning' 100 200 . .");
	/* Only rows 2, 14 and 16 are kept. */
	is_int(r.imp.n_lines, 2, "two lines");
	line_is(&r.imp, "100", "expense 1 'Undervisning' 10100 20000 . .");
	is_int(r.imp.n_areas, 1, "only area 1: rejected rows make no area (2, 3 and 1/2)");
	sums_are(&r.imp, "10200 20200 . .", "rejects");
	/* The rejects keep the rows' bytes. */
	for (size_t i = 0; i < r.imp.n_rejects; i++)
		if (r.imp.rejects[i].line == 3)
			ok(r.imp.rejects[i].raw_len == 36 &&
				   memcmp(r.imp.rejects[i].raw,
					  "1;Skole;100;Undervisning;Utgift;100\n", 36) == 0,
			   "a reject keeps its row's raw bytes");
	finish(&r);

	/* An empty part of a composed code is an empty code, named by its
	 * column. */
	if (START(&r, P_BASE, H_BASE ";S;100;A;Utgift;1;\n1;S;;A;Utgift;1;\n1;S;1;A;Utgift;1;\n")) {
		reject_lines(&r.imp, "2 3", "composed code");
		rejected(&r.imp, 2, "the area code (level 1, column 'avd') is empty");
		rejected(&r.imp, 3, "the line code (column 'tj') is empty; expected a code");
		is_int(r.imp.n_lines, 1, "one line");
		line_is(&r.imp, "1.1", "expense 1 'A' 100 . . .");
		finish(&r);
	}

	/* A control character in a code or title. */
	if (START(&r, P_TJ, H_BASE "1;S;1\x1b[2J;A;Utgift;1;\n1;S;2;B\x7f;Utgift;1;\n")) {
		reject_lines(&r.imp, "2 3", "control characters");
		rejected(&r.imp, 2, "the line code or title contains a control character;"
				    " expected plain text");
		rejected(&r.imp, 3, "contains a control character");
		finish(&r);
	}
}

static void test_overflow(void)
{
	run r;
	/* Two rows of the largest amount: the line's sum does not fit; the
	 * second row is rejected and adds nothing. */
	if (!START(&r, P_SIGN(A_TWO), "tj;tjnavn;b2013;b2014\n"
				      "300;Ny;92233720368547758,07;1\n"
				      "300;Ny;92 233 720 368 547 758,07;2\n"
				      "300;Ny;;3\n"))
		return;
	is_int(r.rc, 0, "overflow: read");
	reject_lines(&r.imp, "3", "overflow");
	rejected(&r.imp, 3, "the sum of line '300' for 2013 does not fit in 64 bits");
	line_is(&r.imp, "300", "expense - 'Ny' 9223372036854775807 400 . .");
	sums_are(&r.imp, "9223372036854775807 400 . .", "overflow");
	finish(&r);

	/* The same for income, whose stored amounts are the negated ones. */
	if (!START(&r, P_SIGN(A_TWO), "tj;tjnavn;b2013;b2014\n"
				      "300;Ny;-92233720368547758,07;\n"
				     "300;Ny;(92233720368547758,07);\n"
				     "300;Ny;-1;\n"))
		return;
	reject_lines(&r.imp, "3 4", "income overflow");
	rejected(&r.imp, 3, "the sum of line '300' for 2013 does not fit in 64 bits");
	line_is(&r.imp, "300", "income - 'Ny' 9223372036854775807 . . .");
	sums_are(&r.imp, "-9223372036854775807 . . .", "income overflow");
	finish(&r);

	/* Down to INT64_MIN, which is not an amount (see money.h). */
	if (START(&r, P_TJ, H_BASE "1;S;1;A;Utgift;-92233720368547758,07;\n"
				   "1;S;1;A;Utgift;-0,01;\n"
				   "1;S;1;A;Utgift;0,01;\n")) {
		reject_lines(&r.imp, "3", "below the smallest amount");
		rejected(&r.imp, 3, "the sum of line '1' for 2013 does not fit in 64 bits");
		line_is(&r.imp, "1", "expense 1 'A' -9223372036854775806 . . .");
		finish(&r);
	}

	/* Two amounts of one year in a row (from a year column). */
	static const char *p2 = P_SIGN("  - column: a\n    year_column: aar\n"
				       "  - column: b\n    year_column: aar\n");
	if (START(&r, p2, "tj;tjnavn;aar;a;b\n"
			  "1;A;2013;92233720368547758,07;0,01\n"
			  "2;B;2013;-92233720368547758,07;-0,01\n"
			  "3;C;2013;1;2\n")) {
		is_int(r.rc, 0, "two amounts of a year in a row: read");
		reject_lines(&r.imp, "2 3", "a row's own sum");
		rejected(&r.imp, 2, "the amounts for 2013 overflow");
		rejected(&r.imp, 3, "the amounts for 2013 overflow");
		line_is(&r.imp, "3", "expense - 'C' 300 . . .");
		is_int(r.imp.n_lines, 1, "the rejected rows make no line");
		finish(&r);
	}
}

static void test_sublines(void)
{
	static const char *p = "budgetlab: 1\n"
			       "title: Sub\n"
			       "areas:\n"
			       "  - code: avd\n"
			       "line:\n"
			       "  code: tj\n"
			       "  title: tjnavn\n"
			       "direction: sign\n"
			       "amounts:\n"
			       "  - column: b\n"
			       "    year: budget_year\n"
			       "same_line: sublines\n"
			       "subline:\n"
			       "  code: endrgr\n"
			       "  title: tekst\n";
	run r;
	if (!START(&r, p, "avd;tj;tjnavn;endrgr;tekst;b\n"
			  "1;100;Lønn;5;Lønnsvekst;10\n"
			  "1;100;Lønn;5;Lønnsvekst igjen;20\n"
			  "1;100;Lønn;6;;30\n"
			  "1;100;Lønn;5;Tredje;40\n"
			  "1;100;Lønn;;X;1\n"
			  "1;200;;7;Bare tekst;-2\n"))
		return;
	is_int(r.rc, 0, "sublines: read");
	is_int(r.imp.n_lines, 5, "five lines");
	line_is(&r.imp, "100.5", "expense 1 'Lønn – Lønnsvekst' 1000 . . .");
	line_is(&r.imp, "100.5-2", "expense 1 'Lønn – Lønnsvekst igjen' 2000 . . .");
	line_is(&r.imp, "100.6", "expense 1 'Lønn' 3000 . . .");
	line_is(&r.imp, "100.5-3", "expense 1 'Lønn – Tredje' 4000 . . .");
	line_is(&r.imp, "200.7", "income 1 'Bare tekst' 200 . . .");
	reject_lines(&r.imp, "6", "sublines");
	rejected(&r.imp, 6, "the sub-line code (column 'endrgr') is empty; expected a code");
	ok(r.imp.n_lines == 5 && strcmp(r.imp.lines[1].code, "100.5-2") == 0 &&
		   strcmp(r.imp.lines[3].code, "100.5-3") == 0,
	   "numbered in the file's order");
	finish(&r);

	/* The shipped Bergen profile, with sublines. */
	char path[4096];
	if (bl_path_shipped("import/bergen-driftsbudsjett.yaml", path, sizeof path) != 0) {
		ok(0, "the Bergen profile is shipped");
		return;
	}
	bl_import_profile *bp = NULL;
	if (bl_import_profile_load_file(path, &bp, &E) != 0) {
		ok(0, "the Bergen profile loads: %s", E.msg);
		return;
	}
	static const char bergen[] =
		"\xef\xbb\xbf" "avdeling;avdeling-tekst;tjomr;tjenesteomraade-tekst;tjeneste;"
		"tjeneste-tekst;inntekt-utgift;endrgr;tekst;2013;2014;2015;2016\r\n"
		"1;Byr\xc3\xa5" "d;10;Adm;100;Ledelse;Utgift;0;Videref\xc3\xb8rt;1 000;1 000;1 000;1 000\r\n"
		"1;Byr\xc3\xa5" "d;10;Adm;100;Ledelse;Utgift;1;Kutt;-100;-200;-300;-400\r\n"
		"1;Byr\xc3\xa5" "d;10;Adm;100;Ledelse;Inntekt;0;Salg;-50;-50;-50;-50\r\n";
	bl_csv_opts o = { bp->encoding, bp->delimiter };
	bl_csv *csv;
	if (bl_csv_open_mem("bergen.csv", bergen, sizeof bergen - 1, &o, &csv, &E) != 0) {
		ok(0, "opens: %s", E.msg);
		bl_import_profile_free(bp);
		return;
	}
	bl_import imp;
	is_int(bl_import_read(&imp, bp, csv, &DEF, &E), 0, "a Bergen export is read");
	is_int(imp.n_rejects, 0, "nothing rejected");
	is_int(imp.n_lines, 2, "expenses and income of the service: two lines");
	line_is(&imp, "1.10.100.Utgift", "expense 10 'Ledelse' 90000 80000 70000 60000");
	line_is(&imp, "1.10.100.Inntekt", "income 10 'Ledelse' 5000 5000 5000 5000");
	is_int(imp.n_areas, 2, "two areas");
	ok(imp.n_areas == 2 && strcmp(imp.areas[1].name, "Adm") == 0 && imp.areas[1].parent == 1 &&
		   imp.areas[1].level == 2 && strcmp(imp.areas[0].name, "Byråd") == 0,
	   "department and service area, nested");
	bl_import_free(&imp);
	/* --sublines: each change group is a line. */
	bp->same_line = BL_SAME_SUBLINES;
	bl_csv_rewind(csv);
	is_int(bl_import_read(&imp, bp, csv, &DEF, &E), 0, "read again with sublines");
	is_int(imp.n_lines, 3, "three lines");
	line_is(&imp, "1.10.100.Utgift.0", "expense 10 'Ledelse – Videreført' 100000 100000 100000 100000");
	line_is(&imp, "1.10.100.Utgift.1", "expense 10 'Ledelse – Kutt' -10000 -20000 -30000 -40000");
	line_is(&imp, "1.10.100.Inntekt.0", "income 10 'Ledelse – Salg' 5000 5000 5000 5000");
	bl_import_free(&imp);
	bl_csv_close(csv);
	bl_import_profile_free(bp);
}

static void test_file_errors(void)
{
	run r;
	refused(P_BASE, "avd;avdnavn;tj;navn;iu;b2013;b2014\n1;S;1;A;Utgift;1;2\n",
		"a mapped column not in the header: refused");
	is_str(E.msg,
	       "p.yaml:8:10: the line title names the column 'tjnavn', which is not in the"
	       " header of 't.csv'; expected one of: avd, avdnavn, tj, navn, iu, b2013, b2014",
	       "the profile's line and column, the header listed");
	refused(P_BASE, "avd;avdnavn;tjeneste;tjnavn;iu;b2013;b2014\n1;S;1;A;Utgift;1;2\n",
		"a column of a composed code not in the header: refused");
	like(E.msg,
	     "p.yaml:7:9: the line code names the column 'tj', which is not in the header"
	     " of 't.csv'",
	     "at the code's line and column");
	refused(P_BASE, "avd;navn;tj;tjnavn;iu;b2013;b2014\n1;S;1;A;Utgift;1;2\n",
		"an area name column not in the header");
	like(E.msg, "p.yaml:5:11: the area name names the column 'avdnavn'", "names it");
	refused(P_BASE, "avd;avdnavn;tj;tjnavn;retning;b2013;b2014\n1;S;1;A;Utgift;1;2\n",
		"the direction column not in the header");
	like(E.msg, "p.yaml:10:11: the direction column names the column 'iu'", "names it");
	refused(P_BASE, "avd;avdnavn;tj;tjnavn;iu;b2013;b2015\n1;S;1;A;Utgift;1;2\n",
		"an amount column not in the header");
	is_str(E.msg,
	       "p.yaml:16:5: the amount column 'b2014' is not in the header of 't.csv';"
	       " expected one of: avd, avdnavn, tj, tjnavn, iu, b2013, b2015",
	       "at the amount's line and column");
	refused(P_SIGN("  - column: b\n    year: 2013\n  - column: B\n    year: 2014\n"),
		"tj;tjnavn;b\n1;A;1\n", "one column mapped twice");
	is_str(E.msg, "p.yaml: the column 'b' is mapped twice; expected each amount column once",
	       "the message");
	refused(P_SIGN("  - column: a\n    year: 2013\n  - column: b\n    year: budget_year\n"),
		"tj;tjnavn;a;b\n1;A;1;2\n", "two columns for one year");
	is_str(E.msg,
	       "p.yaml: the columns 'a' and 'b' are both 2013; expected one column a year",
	       "the message");
	refused(P_BASE, "avd;\"avd\"navn;tj\n1;2;3\n", "a header that cannot be read");
	is_str(E.msg,
	       "'t.csv' line 1 (the header): a quote inside field 2 that is not at its"
	       " start; expected the whole field in quotes, with a quote inside written"
	       " twice (\"\")",
	       "names the header line and the problem");
	if (START(&r, P_BASE, H_BASE)) {
		is_int(r.rc, 0, "a header without rows");
		is_int(r.imp.rows, 0, "no rows");
		is_int(r.imp.n_lines, 0, "no lines");
		sums_are(&r.imp, ". . . .", "no rows");
		finish(&r);
	}
	/* A long header is cut in the message. */
	char big[8192];
	size_t n = (size_t)snprintf(big, sizeof big, "x");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, ";column%d", i);
	n += (size_t)snprintf(big + n, sizeof big - n, "\n");
	if (start(&r, P_BASE, big, n)) {
		is_int(r.rc, -1, "a long header without the columns");
		like(E.msg, "expected one of: x, column0, column1, ", "lists the first columns");
		like(E.msg, "...", "and is cut");
		ok(strlen(E.msg) < sizeof E.msg - 1, "within the message");
		finish(&r);
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(65536);
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

static void test_write_rejects(const char *dir)
{
	char path[512];
	snprintf(path, sizeof path, "%s/rejects.csv", dir);
	static const char in[] = "\xef\xbb\xbf" H_BASE
				 "1;Skole;100;A;Utgift;1;2\r\n"
				 "1;Skole;100;A;Utgift;12a;2\r\n"
				 "\r\n"
				 "1;Skole;200;\"to\r\nlinjer\";Tilskudd;1;2\r\n"
				 "1;Skole;300;C;Utgift;3;4\n"
				 "1;Skole;400;D;Utgift;x;4";
	run r;
	if (!START(&r, P_BASE, in))
		return;
	reject_lines(&r.imp, "3 5 8", "for the reject file");
	is_int(bl_import_write_rejects(&r.imp, path, &E), 0, "the reject file is written");
	static const char want[] = "\xef\xbb\xbf" H_BASE
				   "1;Skole;100;A;Utgift;12a;2\r\n"
				   "1;Skole;200;\"to\r\nlinjer\";Tilskudd;1;2\r\n"
				   "1;Skole;400;D;Utgift;x;4\r\n";
	size_t len = 0;
	char *got = slurp(path, &len);
	ok(got && len == sizeof want - 1 && memcmp(got, want, len) == 0,
	   "BOM, header and rejected rows byte for byte; a last row gets a line end");
	if (got && (len != sizeof want - 1 || memcmp(got, want, len) != 0))
		diag("got %zu bytes, want %zu", len, sizeof want - 1);
	free(got);
	/* An existing file is replaced. */
	is_int(bl_import_write_rejects(&r.imp, path, &E), 0, "written again over the old one");
	finish(&r);

	/* Windows-1252: the rows' own bytes, not converted; no BOM. */
	static const char cp[] = "avd;avdnavn;tj;tjnavn;iu;b2013;b2014\r\n"
				 "1;Sk\xf8le;100;\xc6" "ble;Utgift;1;2\r\n"
				 "1;Sk\xf8le;100;\xc6" "ble;Utgift;\x80 1;2\r\n";
	if (!START(&r, P_BASE, cp))
		return;
	is_int(bl_csv_encoding(r.csv), BL_ENC_CP1252, "a Windows-1252 file");
	line_is(&r.imp, "1.100", "expense 1 'Æble' 100 200 . .");
	reject_lines(&r.imp, "3", "a euro sign");
	rejected(&r.imp, 3, "column 'b2013': \"€ 1\" is not an amount");
	is_int(bl_import_write_rejects(&r.imp, path, &E), 0, "the reject file is written");
	static const char cwant[] = "avd;avdnavn;tj;tjnavn;iu;b2013;b2014\r\n"
				    "1;Sk\xf8le;100;\xc6" "ble;Utgift;\x80 1;2\r\n";
	got = slurp(path, &len);
	ok(got && len == sizeof cwant - 1 && memcmp(got, cwant, len) == 0,
	   "the header and the row in Windows-1252, as in the file");
	free(got);
	finish(&r);

	/* No rejects: only the header. */
	if (START(&r, P_BASE, H_BASE "1;S;1;A;Utgift;1;2\n")) {
		is_int(bl_import_write_rejects(&r.imp, path, &E), 0, "no rejects: written");
		got = slurp(path, &len);
		ok(got && len == strlen(H_BASE) && memcmp(got, H_BASE, len) == 0, "only the header");
		free(got);
		char bad[600];
		snprintf(bad, sizeof bad, "%s/no/such/dir/r.csv", dir);
		is_int(bl_import_write_rejects(&r.imp, bad, &E), -1, "an unwritable path fails");
		like(E.msg, "cannot write the rejected rows to '", "saying so");
		like(E.msg, "/no/such/dir/r.csv': ", "naming the file");
		finish(&r);
	}
	unlink(path);
}

static void test_missing_areas(void)
{
	static const char *p = "budgetlab: 1\n"
			       "title: Two levels\n"
			       "areas:\n"
			       "  - code: avd\n"
			       "  - code: omr\n"
			       "line:\n"
			       "  code: tj\n"
			       "  title: tj\n"
			       "direction: sign\n"
			       "amounts:\n"
			       "  - column: b\n"
			       "    year: 2013\n";
	run r;
	if (!START(&r, p, "avd;omr;tj;b\n"
			  "1;10;100;5\n"
			  "2;20;200;-7\n"
			  "1;11;110;3\n"
			  "2;20;200;-1\n"
			  "2;21;210;1\n"))
		return;
	is_int(r.rc, 0, "two levels: read");
	is_int(r.imp.n_areas, 6, "six areas");
	sums_are(&r.imp, "100 . . .", "before");
	/* Area 2 is not in the process: its rows go, with their sums. */
	for (size_t i = 0; i < r.imp.n_areas; i++)
		if (strcmp(r.imp.areas[i].code, "2") == 0)
			r.imp.areas[i].missing = true;
	is_int(bl_import_reject_missing_areas(&r.imp), 3, "three rows rejected");
	reject_lines(&r.imp, "3 5 6", "missing areas");
	rejected(&r.imp, 3,
		 "the area '2' is not in the process; expected one of its areas (or let the profile"
		 " create areas: new_areas: true)");
	rejected(&r.imp, 6, "the area '2' is not in the process");
	is_int(r.imp.n_lines, 2, "two lines left");
	line_is(&r.imp, "100", "expense 10 '100' 500 . . .");
	line_is(&r.imp, "110", "expense 11 '110' 300 . . .");
	sums_are(&r.imp, "800 . . .", "after");
	finish(&r);
}

int main(void)
{
	DEF.municipality = "Testkommune";
	DEF.title = "Budsjett 2013";
	DEF.currency = "NOK";
	DEF.lang = BL_LANG_NB;
	DEF.budget_year = 2013;
	DEF.outline_years = 3;

	char dir[256];
	if (!tu_tmpdir(dir, sizeof dir, "bl-import"))
		return tap_done();
	test_templates();
	test_sum();
	test_direction();
	test_years();
	test_rejects();
	test_overflow();
	test_sublines();
	test_file_errors();
	test_write_rejects(dir);
	test_missing_areas();
	rmdir(dir);
	return tap_done();
}
