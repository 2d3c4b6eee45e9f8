/* test_import_yaml.c: import profiles (config/import_yaml.c).
 *
 * A valid profile loads with every field as written; every way a profile
 * can be wrong is refused with "FILE:LINE:COL: " and what was expected,
 * and loads nothing.  A loaded profile written out as YAML loads again to
 * the same profile, and the profiles are found by name in the user's
 * directory ($XDG_CONFIG_HOME) before the shipped ones. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "config/process_yaml.h" /* BL_YAML_MAX_BYTES */
#include "core/import.h"
#include "tap.h"
#include "test_util.h"

static bl_err E;

/* Load text as "t.yaml".  A failed load must leave *out NULL and set a
 * message. */
static int load_as(const char *name, const char *text, size_t len, bl_import_profile **keep)
{
	bl_import_profile *p = (bl_import_profile *)&E; /* must be overwritten */
	bl_err_clear(&E);
	int r = bl_import_profile_load_string(text, len, name, &p, &E);
	tu_check_result(r, p, E.msg, "load", "profile");
	if (r != 0)
		p = NULL;
	if (keep)
		*keep = p;
	else
		bl_import_profile_free(p);
	return r;
}

static int load(const char *text)
{
	return load_as("t.yaml", text, strlen(text), NULL);
}

/* The profile must be refused with a message that has a line that starts
 * with where and contains what. */
#define BAD(text, where, what, name) TU_REFUSED(load(text), E.msg, where, what, name)

/* The smallest valid profile; more keys follow from line 8. */
#define MIN_HEAD                                                              \
	"budgetlab: 1\n"          /* 1 */                                     \
	"title: T\n"              /* 2 */                                     \
	"line:\n"                 /* 3 */                                     \
	"  code: c\n"             /* 4 */                                     \
	"  title: t\n"            /* 5 */
#define MIN MIN_HEAD                                                          \
	"direction: sign\n"       /* 6 */                                     \
	"amounts: header_years\n" /* 7 */

/* Every key, with values other than the defaults. */
static const char FULL[] =
	"# a comment\n"                                   /* 1 */
	"budgetlab: 1\n"                                  /* 2 */
	"title: Bergen kommune, driftsbudsjett\n"         /* 3 */
	"description: |\n"                                /* 4 */
	"  Line one, with \"quotes\" and a \\.\n"        /* 5 */
	"  Line two.\n"                                   /* 6 */
	"file:\n"                                         /* 7 */
	"  encoding: windows-1252\n"                      /* 8 */
	"  delimiter: tab\n"                              /* 9 */
	"  decimal: point\n"                              /* 10 */
	"areas:\n"                                        /* 11 */
	"  - code: avdeling\n"                            /* 12 */
	"    name: avdeling-tekst\n"                      /* 13 */
	"  - code: \"{tjomr}\"\n"                         /* 14 */
	"new_areas: false\n"                              /* 15 */
	"line:\n"                                         /* 16 */
	"  code: \"{avdeling}.{tjeneste}\"\n"             /* 17 */
	"  title: tjeneste-tekst\n"                       /* 18 */
	"  kind: capital\n"                               /* 19 */
	"direction:\n"                                    /* 20 */
	"  column: inntekt-utgift\n"                      /* 21 */
	"  income: [Inntekt, Inntekter]\n"                /* 22 */
	"  expense: Utgift\n"                             /* 23 */
	"signs: as_is\n"                                  /* 24 */
	"amounts:\n"                                      /* 25 */
	"  - column: \"2013\"\n"                          /* 26 */
	"    year: 2013\n"                                /* 27 */
	"  - column: neste\n"                             /* 28 */
	"    year: budget_year+1\n"                       /* 29 */
	"  - column: b\n"                                 /* 30 */
	"    year: budget_year\n"                         /* 31 */
	"  - column: beloep\n"                            /* 32 */
	"    year_column: aar\n"                          /* 33 */
	"version: adopted\n"                              /* 34 */
	"same_line: sublines\n"                           /* 35 */
	"subline:\n"                                      /* 36 */
	"  code: endrgr\n"                                /* 37 */
	"  title: tekst\n";                               /* 38 */

static void test_valid(void)
{
	bl_import_profile *p = NULL;
	is_int(load_as("dir/t.yaml", MIN, strlen(MIN), &p), 0, "the smallest profile loads");
	if (p) {
		is_str(p->path, "dir/t.yaml", "its path");
		is_str(p->name, "t", "its name is the file's base name");
		is_str(p->title, "T", "title");
		ok(p->description == NULL, "no description");
		is_int(p->encoding, BL_ENC_AUTO, "encoding: auto by default");
		is_int(p->delimiter, 0, "delimiter: detected by default");
		ok(!p->decimal_point, "decimal comma by default");
		is_int(p->n_levels, 0, "no area levels");
		ok(p->new_areas, "new areas by default");
		is_str(p->code.source, "c", "line code");
		is_str(p->title_t.source, "t", "line title");
		is_int(p->kind, BL_KIND_OPERATION, "operation by default");
		is_int(p->direction_col.n, 0, "the direction is the sign");
		is_int(p->signs, BL_SIGNS_INCOME_NEGATIVE, "income negative by default");
		ok(p->n_amounts == 1 && p->amount[0].kind == BL_YEAR_HEADERS &&
			   p->amount[0].column == NULL,
		   "amounts: header_years");
		ok(p->amount[0].line == 7 && p->amount[0].col == 10, "at 7:10");
		is_str(p->version, "proposal", "version proposal by default");
		is_int(p->same_line, BL_SAME_SUM, "same_line sum by default");
		is_int(p->sub_code.n, 0, "no subline");
		bl_import_profile_free(p);
	}

	is_int(load_as("t.yaml", FULL, sizeof FULL - 1, &p), 0, "a profile with every key loads");
	if (!p) {
		diag("%s", E.msg);
		return;
	}
	is_str(p->title, "Bergen kommune, driftsbudsjett", "title");
	is_str(p->description, "Line one, with \"quotes\" and a \\.\nLine two.",
	       "description, both lines");
	is_int(p->encoding, BL_ENC_CP1252, "encoding windows-1252");
	is_int(p->delimiter, '\t', "delimiter tab");
	ok(p->decimal_point, "decimal point");
	is_int(p->n_levels, 2, "two area levels");
	is_str(p->level[0].code.source, "avdeling", "level 1 code");
	is_str(p->level[0].name.source, "avdeling-tekst", "level 1 name");
	ok(p->level[0].code.line == 12 && p->level[0].code.col == 11, "level 1 code at 12:11");
	is_str(p->level[1].code.source, "{tjomr}", "level 2 code");
	is_int(p->level[1].name.n, 0, "level 2 without a name");
	ok(!p->new_areas, "new_areas false");
	is_str(p->code.source, "{avdeling}.{tjeneste}", "line code");
	is_int(p->code.n, 3, "in three parts");
	ok(p->code.line == 17 && p->code.col == 9, "line code at 17:9");
	is_str(p->title_t.source, "tjeneste-tekst", "line title");
	is_int(p->kind, BL_KIND_CAPITAL, "kind capital");
	is_str(p->direction_col.source, "inntekt-utgift", "direction column");
	ok(p->n_income == 2 && strcmp(p->income_word[0], "Inntekt") == 0 &&
		   strcmp(p->income_word[1], "Inntekter") == 0,
	   "income words");
	ok(p->n_expense == 1 && strcmp(p->expense_word[0], "Utgift") == 0,
	   "one expense word, written without a list");
	is_int(p->signs, BL_SIGNS_AS_IS, "signs as_is");
	is_int(p->n_amounts, 4, "four amount columns");
	ok(p->amount[0].kind == BL_YEAR_FIXED && p->amount[0].year == 2013 &&
		   strcmp(p->amount[0].column, "2013") == 0,
	   "\"2013\" is 2013");
	ok(p->amount[0].line == 26 && p->amount[0].col == 5, "at 26:5");
	ok(p->amount[1].kind == BL_YEAR_BUDGET && p->amount[1].year == 1, "budget_year+1");
	ok(p->amount[2].kind == BL_YEAR_BUDGET && p->amount[2].year == 0, "budget_year");
	ok(p->amount[3].kind == BL_YEAR_COLUMN && strcmp(p->amount[3].year_column, "aar") == 0,
	   "year_column aar");
	is_str(p->version, "adopted", "version adopted");
	is_int(p->same_line, BL_SAME_SUBLINES, "sublines");
	is_str(p->sub_code.source, "endrgr", "subline code");
	is_str(p->sub_title.source, "tekst", "subline title");
	bl_import_profile_free(p);

	/* Other spellings. */
	static const struct {
		const char *extra;
		const char *what;
	} spell[] = {
		{ "file:\n  encoding: UTF8\n", "encoding UTF8" },
		{ "file:\n  encoding: iso-8859-1\n", "encoding iso-8859-1" },
		{ "file:\n  delimiter: \";\"\n", "delimiter ;" },
		{ "file:\n  delimiter: \",\"\n", "delimiter ," },
		{ "file:\n  delimiter: \"\\t\"\n", "delimiter \\t" },
		{ "file:\n  delimiter: auto\n", "delimiter auto" },
		{ "areas:\n", "an empty areas list" },
		{ "new_areas: True\n", "new_areas True" },
		{ "version: first_reading\n", "version first_reading" },
		{ "description:\n", "an empty description" },
		{ "subline:\n  code: x\n", "a subline with same_line sum" },
		{ "\xef\xbb\xbf", "(a BOM alone is no key)" },
	};
	for (size_t i = 0; i < sizeof spell / sizeof *spell; i++) {
		char text[1024];
		snprintf(text, sizeof text, MIN "%s", spell[i].extra);
		if (i == sizeof spell / sizeof *spell - 1)
			snprintf(text, sizeof text, "\xef\xbb\xbf" MIN);
		bl_import_profile *q = NULL;
		is_int(load_as("t.yaml", text, strlen(text), &q), 0, "%s loads", spell[i].what);
		if (!q)
			diag("%s", E.msg);
		bl_import_profile_free(q);
	}
	p = NULL;
	const char *tab1 = MIN "file:\n  delimiter: \"\\t\"\n", *tab2 = MIN "file:\n  delimiter: \\t\n";
	load_as("t.yaml", tab1, strlen(tab1), &p);
	ok(p && p->delimiter == '\t', "delimiter \"\\t\" (a tab in double quotes) is the tab");
	bl_import_profile_free(p);
	p = NULL;
	load_as("t.yaml", tab2, strlen(tab2), &p);
	ok(p && p->delimiter == '\t', "delimiter \\t (plain) is the tab");
	bl_import_profile_free(p);
	p = NULL;
	const char *l1 = MIN "file:\n  encoding: latin1\n  delimiter: \",\"\n";
	load_as("t.yaml", l1, strlen(l1), &p);
	ok(p && p->encoding == BL_ENC_LATIN1 && p->delimiter == ',', "latin1 and ','");
	bl_import_profile_free(p);
}

static void test_garbage(void)
{
	/* Not YAML at all, or not a mapping. */
	BAD("budgetlab: 1\ntitle: [a, b\n", "t.yaml:3:1: ", "YAML syntax error",
	    "an unclosed bracket");
	BAD("budgetlab: 1\ntitle: a: b\n", "t.yaml:2:9: ",
	    "expected one 'key: value' on a line", "two colons");
	BAD("- a\n- b\n", "t.yaml:1:1: ",
	    "the file is a list at the top level; expected a mapping that starts with"
	    " 'budgetlab: 1'",
	    "a list");
	BAD("hello\n", "t.yaml:1:1: ", "the file is text at the top level", "text");
	BAD("", "t.yaml:1:1: ",
	    "the file is empty; expected an import profile that starts with 'budgetlab: 1'",
	    "an empty file");
	BAD("# nothing\n\n", "t.yaml:1:1: ", "the file is empty", "only a comment");
	BAD("\xef\xbb\xbf", "t.yaml:1:1: ", "the file is empty", "only a BOM");
	BAD("\xff\xfe" "b\0", "t.yaml:1:1: ", "the file is UTF-16, not UTF-8", "UTF-16");
	BAD(MIN "description: K\xf8ge\n", "t.yaml:8:15: ",
	    "the file is not valid UTF-8 (byte 0xf8); expected UTF-8 text: save the file as UTF-8"
	    " (it looks like Latin-1 or Windows-1252, where the byte 0xf8 is '\xc3\xb8')",
	    "Latin-1");
	static const char nul[] = MIN "title: a\0b\n";
	TU_REFUSED(load_as("t.yaml", nul, sizeof nul - 1, NULL), E.msg, "t.yaml:8:9: ",
		   "the file contains a NUL byte", "a NUL byte");
	/* Tabs. */
	BAD("budgetlab: 1\nline:\n\tcode: c\n", "t.yaml:3:", "tabs are not allowed",
	    "a tab for indentation");
	BAD(MIN_HEAD "\tdirection: sign\n", "t.yaml:6:", "tabs are not allowed",
	    "a tab before a top-level key");
	/* Anchors, aliases, tags, two documents. */
	BAD(MIN_HEAD "direction: &d sign\namounts: *d\n", "t.yaml:6:12: ",
	    "anchors and aliases are not allowed in budgetlab files (found the anchor '&d');"
	    " expected each value written out",
	    "an anchor");
	BAD(MIN_HEAD "direction: &d sign\namounts: *d\n", "t.yaml:7:10: ",
	    "found the alias '*d'", "an alias");
	BAD(MIN "description: !!str x\n", "t.yaml:8:14: ",
	    "tags are not allowed in budgetlab files (found '!!str')", "a tag");
	BAD(MIN "---\nbudgetlab: 1\n", "t.yaml:8:1: ", "a second document starts here",
	    "two documents");
	BAD("budgetlab: 1\nline: [[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]\n", "t.yaml:2:",
	    "nested more than 16 levels deep", "deep nesting");

	/* Big files. */
	size_t big_n = BL_YAML_MAX_BYTES + 10;
	char *big = malloc(big_n);
	memset(big, '#', big_n);
	int r = load_as("t.yaml", big, big_n, NULL);
	is_int(r, -1, "a file over 1 MiB is refused");
	like(E.msg, "t.yaml: the file is 1048586 bytes; expected an import profile of at most"
		    " 1048576 bytes", "saying how big it may be");
	free(big);
}

static void test_keys(void)
{
	/* Missing keys: reported at the mapping that lacks them. */
	BAD("budgetlab: 1\nline:\n  code: c\n  title: t\ndirection: sign\namounts: header_years\n",
	    "t.yaml:1:1: ",
	    "the profile has no 'title'; expected title: TEXT, e.g. Bergen kommune, driftsbudsjett",
	    "no title");
	BAD("title: T\nline:\n  code: c\n  title: t\ndirection: sign\namounts: header_years\n",
	    "t.yaml:1:1: ", "the profile has no 'budgetlab'; expected budgetlab: 1", "no budgetlab");
	BAD(MIN_HEAD "amounts: header_years\n", "t.yaml:1:1: ",
	    "the profile has no 'direction'; expected direction: sign, or a mapping with column,"
	    " income and expense",
	    "no direction");
	BAD(MIN_HEAD "direction: sign\n", "t.yaml:1:1: ",
	    "the profile has no 'amounts'; expected amounts: header_years, or a list of {column,"
	    " year}",
	    "no amounts");
	BAD("budgetlab: 1\ntitle: T\ndirection: sign\namounts: header_years\n", "t.yaml:1:1: ",
	    "the profile has no 'line'", "no line");
	BAD("budgetlab: 1\ntitle: T\nline:\n  title: t\ndirection: sign\namounts: header_years\n",
	    "t.yaml:4:3: ", "line has no 'code'; expected code: COLUMN or a text such as",
	    "a line without a code");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: c\ndirection: sign\namounts: header_years\n",
	    "t.yaml:4:3: ", "line has no 'title'; expected title: COLUMN or a text", "no line title");
	BAD(MIN_HEAD "direction:\n  column: iu\namounts: header_years\n", "t.yaml:7:3: ",
	    "direction has no 'income'; expected income: a list of the column's words for income,"
	    " e.g. [Inntekt]",
	    "a direction without income");
	BAD(MIN_HEAD "direction:\n  column: iu\namounts: header_years\n", "t.yaml:7:3: ",
	    "direction has no 'expense'", "and without expense");
	BAD(MIN "areas:\n  - name: n\n", "t.yaml:9:5: ",
	    "area level 1 has no 'code'; expected code: COLUMN or a text such as \"{avdeling}\"",
	    "an area level without a code");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - year: 2013\n", "t.yaml:8:5: ",
	    "amount 1 has no 'column'; expected column: COLUMN", "an amount without a column");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n", "t.yaml:8:5: ",
	    "amount 1 says neither 'year' nor 'year_column'; expected year: YYYY (or budget_year),"
	    " or year_column: COLUMN",
	    "an amount without a year");
	BAD(MIN "subline:\n  title: t\n", "t.yaml:9:3: ",
	    "subline has no 'code'; expected code: COLUMN, e.g. endrgr", "a subline without a code");

	/* Unknown keys, with a suggestion where one is close. */
	BAD(MIN "titel: x\n", "t.yaml:8:1: ",
	    "unknown key 'titel' at the top level; did you mean 'title'?", "titel");
	BAD(MIN "same-line: sum\n", "t.yaml:8:1: ",
	    "unknown key 'same-line' at the top level; did you mean 'same_line'?", "same-line");
	BAD(MIN "sublines: x\n", "t.yaml:8:1: ",
	    "unknown key 'sublines' at the top level; did you mean 'subline'?", "sublines");
	BAD(MIN "zzz: 1\n", "t.yaml:8:1: ",
	    "unknown key 'zzz' at the top level; expected one of: budgetlab, title, description,"
	    " file, areas, new_areas, line, direction, signs, amounts, version, same_line, subline",
	    "zzz");
	BAD(MIN "file:\n  encodin: utf-8\n", "t.yaml:9:3: ",
	    "unknown key 'encodin' in file; did you mean 'encoding'?", "encodin");
	BAD(MIN "areas:\n  - code: a\n    nme: b\n", "t.yaml:10:5: ",
	    "unknown key 'nme' in area level 1; did you mean 'name'?", "nme");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: c\n  title: t\n  knd: capital\n"
	    "direction: sign\namounts: header_years\n",
	    "t.yaml:6:3: ", "unknown key 'knd' in line; did you mean 'kind'?", "knd");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: [I]\n  expence: [U]\namounts: header_years\n",
	    "t.yaml:9:3: ", "unknown key 'expence' in direction; did you mean 'expense'?",
	    "expence");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n    yaer: 2013\n", "t.yaml:9:5: ",
	    "unknown key 'yaer' in amount 1; did you mean 'year'?", "yaer");
	BAD(MIN "subline:\n  cod: x\n", "t.yaml:9:3: ",
	    "unknown key 'cod' in subline; did you mean 'code'?", "cod");
	BAD(MIN "title: U\n", "t.yaml:8:1: ",
	    "duplicate key 'title' at the top level, already given at line 2; expected each key once",
	    "a duplicate key");
	BAD(MIN "[a]: x\n", "t.yaml:8:1: ",
	    "a key at the top level is a list; expected a name followed by ':'", "a list as a key");
}

static void test_types(void)
{
	BAD("budgetlab: 1\ntitle: [a]\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:2:8: ", "'title' is a list; expected title: TEXT", "title a list");
	BAD("budgetlab: 1\ntitle: true\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:2:8: ",
	    "'title' is a boolean (true); expected title: TEXT, e.g. Bergen kommune, driftsbudsjett"
	    " (put the word in quotes to use it as text)",
	    "title a boolean");
	BAD("budgetlab: 1\ntitle:\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:2:1: ", "'title' is empty; expected title: TEXT", "title empty");
	BAD("budgetlab: 1\ntitle: \"a\\x01b\"\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:2:8: ", "'title' contains a control character (\\x01); expected title: TEXT",
	    "a control character in the title");
	BAD("budgetlab: \"1\"\ntitle: T\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:1:12: ", "'budgetlab' is quoted text (\"1\"); expected a plain integer from 1 to 1",
	    "budgetlab quoted");
	BAD("budgetlab: 2\ntitle: T\nline:\n  code: c\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:1:12: ", "'budgetlab': 2 is out of range; expected an integer from 1 to 1",
	    "budgetlab 2");
	BAD(MIN "description: [a]\n", "t.yaml:8:14: ", "'description' is a list; expected description: TEXT",
	    "description a list");
	BAD(MIN "file: [a]\n", "t.yaml:8:7: ",
	    "'file' is a list; expected file: a mapping with encoding, delimiter and decimal",
	    "file a list");
	BAD(MIN "file:\n", "t.yaml:8:1: ",
	    "'file' is empty; expected file: a mapping with encoding, delimiter and decimal",
	    "file empty");
	BAD(MIN "file: utf-8\n", "t.yaml:8:7: ", "'file' is text; expected file: a mapping",
	    "file text");
	BAD(MIN "file:\n  encoding: [utf-8]\n", "t.yaml:9:13: ",
	    "'encoding' is a list; expected encoding: auto, utf-8, windows-1252 or latin-1",
	    "encoding a list");
	BAD(MIN "file:\n  delimiter:\n", "t.yaml:9:3: ",
	    "'delimiter' is empty; expected delimiter: auto, \";\", \",\" or tab", "delimiter empty");
	BAD(MIN "areas: {code: a}\n", "t.yaml:8:8: ",
	    "'areas' is a mapping; expected areas: a list of levels, each with code (and name)",
	    "areas a mapping");
	BAD(MIN "areas:\n  - avd\n", "t.yaml:9:5: ",
	    "area level 1 is text; expected a mapping such as {code: avdeling, name: avdeling-tekst}",
	    "an area level as text");
	BAD(MIN "areas:\n  - code: [a]\n", "t.yaml:9:11: ",
	    "'code' of area level 1 is a list; expected code: COLUMN", "an area code list");
	BAD(MIN "new_areas: yes\n", "t.yaml:8:12: ", "new_areas is text; expected true or false",
	    "new_areas yes");
	BAD(MIN "new_areas:\n", "t.yaml:8:1: ", "new_areas is empty; expected true or false",
	    "new_areas empty");
	BAD("budgetlab: 1\ntitle: T\nline: c\ndirection: sign\namounts: header_years\n",
	    "t.yaml:3:7: ", "'line' is text; expected line: a mapping with code and title (and kind)",
	    "line text");
	BAD("budgetlab: 1\ntitle: T\nline:\ndirection: sign\namounts: header_years\n",
	    "t.yaml:3:1: ", "'line' is empty; expected line: a mapping", "line empty");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: [a]\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:4:9: ", "'code' of line is a list; expected code: COLUMN or a text such as",
	    "line code a list");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: c\n  title: {a: b}\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:5:10: ", "'title' of line is a mapping; expected title: COLUMN or a text",
	    "line title a mapping");
	BAD(MIN_HEAD "direction: [sign]\namounts: header_years\n", "t.yaml:6:12: ",
	    "'direction' is a list; expected direction: sign, or a mapping with column, income and"
	    " expense",
	    "direction a list");
	BAD(MIN_HEAD "direction:\namounts: header_years\n", "t.yaml:6:1: ",
	    "'direction' is empty; expected direction: sign", "direction empty");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: {a: b}\n  expense: [U]\n"
	    "amounts: header_years\n",
	    "t.yaml:8:11: ", "'income' is a mapping; expected a list of words, e.g. [Inntekt]",
	    "income a mapping");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: []\n  expense: [U]\namounts: header_years\n",
	    "t.yaml:8:11: ", "'income' is an empty list; expected a list of words", "income []");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income:\n  expense: [U]\namounts: header_years\n",
	    "t.yaml:8:3: ", "'income' is empty; expected a list of words", "income empty");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: [[a]]\n  expense: [U]\n"
	    "amounts: header_years\n",
	    "t.yaml:8:12: ", "'income' is a list; expected a list of words", "a list in the words");
	BAD(MIN_HEAD "direction:\n  column: [iu]\n  income: [I]\n  expense: [U]\n"
	    "amounts: header_years\n",
	    "t.yaml:7:11: ", "'column' of direction is a list", "direction column a list");
	BAD(MIN_HEAD "direction: sign\namounts: {column: a}\n", "t.yaml:7:10: ",
	    "'amounts' is a mapping; expected amounts: header_years, or a list of {column, year}",
	    "amounts a mapping");
	BAD(MIN_HEAD "direction: sign\namounts:\n", "t.yaml:7:1: ",
	    "'amounts' is empty; expected amounts: header_years", "amounts empty");
	BAD(MIN_HEAD "direction: sign\namounts: []\n", "t.yaml:7:10: ",
	    "'amounts' is an empty list; expected amounts: header_years", "amounts []");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - b2013\n", "t.yaml:8:5: ",
	    "amount 1 is text; expected a mapping such as {column: \"2013\", year: 2013}",
	    "an amount as text");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: [a]\n    year: 2013\n", "t.yaml:8:13: ",
	    "'column' is a list; expected column: COLUMN", "an amount column list");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n    year: [2013]\n", "t.yaml:9:11: ",
	    "'year' is a list; expected an integer from 1900 to 2190", "a year list");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n    year_column: {a: b}\n",
	    "t.yaml:9:18: ", "'year_column' is a mapping; expected year_column: the COLUMN",
	    "year_column a mapping");
	BAD(MIN "version: [a]\n", "t.yaml:8:10: ", "'version' is a list; expected version: proposal",
	    "version a list");
	BAD(MIN "same_line: [sum]\n", "t.yaml:8:12: ", "'same_line' is a list; expected same_line:",
	    "same_line a list");
	BAD(MIN "signs: {a: b}\n", "t.yaml:8:8: ", "'signs' is a mapping; expected signs:",
	    "signs a mapping");
	BAD(MIN "subline: x\n", "t.yaml:8:10: ",
	    "'subline' is text; expected subline: a mapping with code (and title)", "subline text");
	BAD(MIN "subline: [x]\n", "t.yaml:8:10: ", "'subline' is a list; expected subline:",
	    "subline a list");
}

static void test_values(void)
{
	BAD(MIN "file:\n  encoding: utf8x\n", "t.yaml:9:13: ",
	    "encoding: 'utf8x' is not an encoding budgetlab reads (did you mean 'utf8'?); expected"
	    " auto, utf-8, windows-1252 or latin-1",
	    "encoding utf8x");
	BAD(MIN "file:\n  encoding: ebcdic\n", "t.yaml:9:13: ",
	    "encoding: 'ebcdic' is not an encoding budgetlab reads; expected auto, utf-8,"
	    " windows-1252 or latin-1",
	    "encoding ebcdic");
	BAD(MIN "file:\n  encoding: utf-16\n", "t.yaml:9:13: ",
	    "encoding: 'utf-16' is not an encoding budgetlab reads", "encoding utf-16");
	BAD(MIN "file:\n  delimiter: \"|\"\n", "t.yaml:9:14: ",
	    "delimiter: '|' is not a delimiter budgetlab reads; expected auto, \";\", \",\" or tab",
	    "delimiter |");
	BAD(MIN "file:\n  delimiter: \";;\"\n", "t.yaml:9:14: ",
	    "delimiter: ';;' is not a delimiter", "delimiter ;;");
	BAD(MIN "file:\n  delimiter: space\n", "t.yaml:9:14: ", "delimiter: 'space' is not a delimiter",
	    "delimiter space");
	BAD(MIN "file:\n  decimal: coma\n", "t.yaml:9:12: ",
	    "'decimal': 'coma' is not known; did you mean 'comma'? expected decimal: comma or point",
	    "decimal coma");
	BAD(MIN "file:\n  decimal: \",\"\n", "t.yaml:9:12: ",
	    "'decimal': ',' is not known; expected decimal: comma or point", "decimal ,");
	BAD(MIN "signs: as-is\n", "t.yaml:8:8: ",
	    "'signs': 'as-is' is not known; did you mean 'as_is'? expected signs: income_negative or"
	    " as_is",
	    "signs as-is");
	BAD(MIN "signs: negative\n", "t.yaml:8:8: ", "'signs': 'negative' is not known; expected",
	    "signs negative");
	BAD(MIN "signs: as_is\n", "t.yaml:8:8: ",
	    "signs: as_is cannot tell income from expenses when the direction is the sign; expected"
	    " income_negative, or a direction column",
	    "as_is with the direction from the sign");
	BAD(MIN "same_line: subline\n", "t.yaml:8:12: ",
	    "'same_line': 'subline' is not known; did you mean 'sublines'? expected same_line: sum"
	    " or sublines",
	    "same_line subline");
	BAD(MIN "same_line: sublines\n", "t.yaml:8:12: ",
	    "same_line: sublines needs a 'subline' mapping that says which column tells the rows of"
	    " a line apart; expected e.g. subline: {code: endrgr, title: tekst}",
	    "sublines without subline");
	BAD(MIN "version: final\n", "t.yaml:8:10: ",
	    "version: 'final' is not a budget version; expected proposal, first_reading or adopted",
	    "version final");
	BAD(MIN "version: adoptd\n", "t.yaml:8:10: ",
	    "version: 'adoptd' is not a budget version (did you mean 'adopted'?); expected",
	    "version adoptd");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: c\n  title: t\n  kind: capitol\n"
	    "direction: sign\namounts: header_years\n",
	    "t.yaml:6:9: ",
	    "'kind': 'capitol' is not known; did you mean 'capital'? expected kind: operation or"
	    " capital",
	    "kind capitol");
	BAD(MIN_HEAD "direction: signs\namounts: header_years\n", "t.yaml:6:12: ",
	    "direction: 'signs' is not known; expected sign (income is what the file writes"
	    " negative), or a mapping with column, income and expense",
	    "direction signs");
	BAD(MIN_HEAD "direction: sign\namounts: header_year\n", "t.yaml:7:10: ",
	    "amounts: 'header_year' is not known; expected header_years (every column named by a"
	    " year), or a list of {column, year}",
	    "amounts header_year");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: [Inntekt, X]\n  expense: [inntekt]\n"
	    "amounts: header_years\n",
	    "t.yaml:9:12: ",
	    "'inntekt' is both an income and an expense word; expected each word in one list",
	    "a word in both lists");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: [\"\"]\n  expense: [U]\n"
	    "amounts: header_years\n",
	    "t.yaml:8:12: ", "'income' is empty; expected a list of words", "an empty word");
	BAD(MIN_HEAD "direction:\n  column: iu\n  income: [a, b, c, d, e, f, g, h, i]\n"
	    "  expense: [U]\namounts: header_years\n",
	    "t.yaml:8:36: ", "'income' has more than 8 words", "nine words");

	/* Years. */
#define AMT(y) MIN_HEAD "direction: sign\namounts:\n  - column: a\n    year: " y "\n"
	BAD(AMT("1800"), "t.yaml:9:11: ",
	    "'year': 1800 is out of range; expected an integer from 1900 to 2190", "year 1800");
	BAD(AMT("2191"), "t.yaml:9:11: ", "'year': 2191 is out of range", "year 2191");
	BAD(AMT("\"2013\""), "t.yaml:9:11: ",
	    "'year' is quoted text (\"2013\"); expected a plain integer from 1900 to 2190, without"
	    " quotes",
	    "a quoted year");
	BAD(AMT("twenty"), "t.yaml:9:11: ",
	    "'year': 'twenty' is not an integer; expected an integer from 1900 to 2190", "year twenty");
	BAD(AMT("budget_year+x"), "t.yaml:9:11: ",
	    "year: 'budget_year+x' is not a year; expected YYYY, budget_year or budget_year+N (N"
	    " from 0 to 9)",
	    "budget_year+x");
	BAD(AMT("budget_year+10"), "t.yaml:9:11: ", "year: 'budget_year+10' is not a year",
	    "budget_year+10");
	BAD(AMT("budget_year-1"), "t.yaml:9:11: ", "year: 'budget_year-1' is not a year",
	    "budget_year-1");
	BAD(AMT("budget_year+"), "t.yaml:9:11: ", "year: 'budget_year+' is not a year",
	    "budget_year+");
	BAD(AMT("budget_year+-1"), "t.yaml:9:11: ", "year: 'budget_year+-1' is not a year",
	    "budget_year+-1");
	BAD(AMT("budget_years"), "t.yaml:9:11: ", "year: 'budget_years' is not a year",
	    "budget_years");
	BAD(AMT("\"budget_year\""), "t.yaml:9:11: ", "'year' is quoted text (\"budget_year\")",
	    "a quoted budget_year");
	BAD(AMT(""), "t.yaml:9:5: ", "'year' is empty; expected an integer from 1900 to 2190",
	    "an empty year");
	bl_import_profile *p = NULL;
	const char *t = AMT("budget_year+9");
	is_int(load_as("t.yaml", t, strlen(t), &p), 0, "budget_year+9 loads");
	ok(p && p->amount[0].kind == BL_YEAR_BUDGET && p->amount[0].year == 9, "offset 9");
	bl_import_profile_free(p);
	t = AMT("budget_year+0");
	is_int(load_as("t.yaml", t, strlen(t), &p), 0, "budget_year+0 loads");
	ok(p && p->amount[0].kind == BL_YEAR_BUDGET && p->amount[0].year == 0, "offset 0");
	bl_import_profile_free(p);
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n    year: 2013\n"
		     "    year_column: aar\n",
	    "t.yaml:10:5: ", "amount 1 has both 'year' and 'year_column'; expected one",
	    "both year and year_column");
	BAD(MIN_HEAD "direction: sign\namounts:\n  - column: a\n    year_column:\n", "t.yaml:9:5: ",
	    "'year_column' is empty; expected year_column: the COLUMN that holds the year",
	    "an empty year_column");

	/* Templates. */
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: \"{a\"\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:4:9: ", "'code' of line: a '{' is not closed; expected {COLUMN}", "code {a");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: \"{}\"\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:4:9: ", "'code' of line: '{}' names no column; expected {COLUMN}", "code {}");
	BAD("budgetlab: 1\ntitle: T\nline:\n  code: a}\n  title: t\ndirection: sign\n"
	    "amounts: header_years\n",
	    "t.yaml:4:9: ", "'code' of line: a '}' without its '{'; expected {COLUMN}", "code a}");
	BAD(MIN "areas:\n  - code: \"x{a\"\n", "t.yaml:9:11: ",
	    "'code' of area level 1: a '{' is not closed", "an area code x{a");
	BAD(MIN "same_line: sublines\nsubline:\n  code: \"{}\"\n", "t.yaml:10:9: ",
	    "'code' of subline: '{}' names no column", "a subline code {}");

	/* Limits. */
	char text[4096];
	size_t n = (size_t)snprintf(text, sizeof text, MIN "areas:\n");
	for (int i = 0; i < 9; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "  - code: c%d\n", i);
	BAD(text, "t.yaml:17:5: ", "more than 8 area levels; expected at most 8", "nine levels");
	n = (size_t)snprintf(text, sizeof text, MIN_HEAD "direction: sign\namounts:\n");
	for (int i = 0; i < 17; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "  - {column: a%d, year: %d}\n", i,
				      2000 + i);
	BAD(text, "t.yaml:24:5: ", "more than 16 amount columns; expected at most 16",
	    "seventeen amounts");

	/* Every problem of a file is reported, in the order of the file. */
	int r = load("budgetlab: 1\ntitle:\nline:\n  code: \"{\"\n  title: t\ndirection: sgn\n"
		     "amounts: header_years\nversion: x\n");
	is_int(r, -1, "a file with several problems");
	const char *a = strstr(E.msg, "t.yaml:2:1: "), *b = strstr(E.msg, "t.yaml:4:9: "),
		   *c = strstr(E.msg, "t.yaml:6:12: "), *d = strstr(E.msg, "t.yaml:8:10: ");
	ok(a && b && c && d && a < b && b < c && c < d, "all four, in the order of the file");
	if (!(a && b && c && d && a < b && b < c && c < d))
		diag("got: %s", E.msg);
}

/* ---- round trip ---- */

static bool same_tmpl(const bl_tmpl *a, const bl_tmpl *b)
{
	if (a->n != b->n)
		return false;
	if (a->n && strcmp(a->source, b->source) != 0)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->part[i].column != b->part[i].column ||
		    strcmp(a->part[i].text, b->part[i].text) != 0)
			return false;
	return true;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The first field that differs, or NULL. */
static const char *differs(const bl_import_profile *a, const bl_import_profile *b)
{
	if (!same_str(a->title, b->title))
		return "title";
	if (!same_str(a->description, b->description))
		return "description";
	if (a->encoding != b->encoding)
		return "encoding";
	if (a->delimiter != b->delimiter)
		return "delimiter";
	if (a->decimal_point != b->decimal_point)
		return "decimal";
	if (a->n_levels != b->n_levels)
		return "the number of levels";
	for (size_t i = 0; i < a->n_levels; i++)
		if (!same_tmpl(&a->level[i].code, &b->level[i].code) ||
		    !same_tmpl(&a->level[i].name, &b->level[i].name))
			return "a level";
	if (a->new_areas != b->new_areas)
		return "new_areas";
	if (!same_tmpl(&a->code, &b->code) || !same_tmpl(&a->title_t, &b->title_t))
		return "line";
	if (a->kind != b->kind)
		return "kind";
	if (!same_tmpl(&a->direction_col, &b->direction_col))
		return "direction column";
	if (a->n_income != b->n_income || a->n_expense != b->n_expense)
		return "the number of words";
	for (size_t i = 0; i < a->n_income; i++)
		if (strcmp(a->income_word[i], b->income_word[i]) != 0)
			return "an income word";
	for (size_t i = 0; i < a->n_expense; i++)
		if (strcmp(a->expense_word[i], b->expense_word[i]) != 0)
			return "an expense word";
	if (a->signs != b->signs)
		return "signs";
	if (a->n_amounts != b->n_amounts)
		return "the number of amounts";
	for (size_t i = 0; i < a->n_amounts; i++)
		if (a->amount[i].kind != b->amount[i].kind || a->amount[i].year != b->amount[i].year ||
		    !same_str(a->amount[i].column, b->amount[i].column) ||
		    !same_str(a->amount[i].year_column, b->amount[i].year_column))
			return "an amount";
	if (!same_str(a->version, b->version))
		return "version";
	if (a->same_line != b->same_line)
		return "same_line";
	if (!same_tmpl(&a->sub_code, &b->sub_code) || !same_tmpl(&a->sub_title, &b->sub_title))
		return "subline";
	return NULL;
}

static void round_trip(const char *text, size_t len, const char *name)
{
	bl_import_profile *a = NULL, *b = NULL;
	if (load_as("a.yaml", text, len, &a) != 0) {
		ok(0, "%s: loads (%s)", name, E.msg);
		return;
	}
	char *y = bl_import_profile_yaml(a);
	if (!ok(y != NULL, "%s: written as YAML", name)) {
		bl_import_profile_free(a);
		return;
	}
	if (load_as("b.yaml", y, strlen(y), &b) != 0) {
		ok(0, "%s: the YAML written loads again", name);
		diag("%s\n%s", E.msg, y);
	} else {
		const char *d = differs(a, b);
		ok(d == NULL, "%s: loads again to the same profile", name);
		if (d)
			diag("%s differs in:\n%s", d, y);
		char *y2 = bl_import_profile_yaml(b);
		is_str(y2, y, "%s: and is written the same again", name);
		free(y2);
	}
	ok(strncmp(y, "# budgetlab import profile", 26) == 0, "%s: with a comment first", name);
	free(y);
	bl_import_profile_free(a);
	bl_import_profile_free(b);
}

static void test_round_trip(void)
{
	round_trip(MIN, strlen(MIN), "the smallest profile");
	round_trip(FULL, sizeof FULL - 1, "every key");
	static const char odd[] = "budgetlab: 1\n"
				  "title: 'Say \"hi\" \\ there: #1'\n"
				  "description: \"tab\\there,\\nnew line, \\\"q\\\", \\\\\"\n"
				  "file:\n  delimiter: \";\"\n  encoding: latin-1\n"
				  "line:\n  code: \"{a|none}-{b}\"\n  title: \"'t'\"\n"
				  "direction:\n  column: \"{d}\"\n  income: ['a\"b', 'c: d']\n"
				  "  expense: [\"x\\\\y\"]\n"
				  "amounts:\n  - column: \"x y\"\n    year: budget_year+9\n"
				  "  - column: z\n    year: 2190\n";
	round_trip(odd, sizeof odd - 1, "quotes, backslashes, tabs and new lines");
	const char *comma = MIN "file:\n  delimiter: \",\"\n";
	round_trip(comma, strlen(comma), "a comma");
	static const char *const shipped[] = { "import/bergen-driftsbudsjett.yaml",
					       "import/stavanger-budsjettforslag.yaml" };
	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		if (bl_path_shipped(shipped[i], path, sizeof path) != 0) {
			ok(0, "%s is shipped", shipped[i]);
			continue;
		}
		bl_import_profile *p = NULL;
		if (!ok(bl_import_profile_load_file(path, &p, &E) == 0, "%s loads", shipped[i])) {
			diag("%s", E.msg);
			continue;
		}
		char *y = bl_import_profile_yaml(p);
		bl_import_profile *q = NULL;
		if (y && load_as("rt.yaml", y, strlen(y), &q) == 0) {
			const char *d = differs(p, q);
			ok(d == NULL, "%s: the round trip gives the same profile", shipped[i]);
			if (d)
				diag("%s differs in:\n%s", d, y);
		} else {
			ok(0, "%s: the round trip loads", shipped[i]);
			diag("%s", E.msg);
		}
		free(y);
		bl_import_profile_free(p);
		bl_import_profile_free(q);
	}
}

/* ---- finding profiles ---- */

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		ok(0, "write %s: %s", path, strerror(errno));
		return;
	}
	fputs(text, f);
	fclose(f);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The shipped profiles' names (config/import/ *.yaml), sorted, without
 * `hidden`, as "a, b". */
static void shipped_names(char *out, size_t sz, const char *hidden)
{
	char path[4096];
	out[0] = '\0';
	if (bl_path_shipped("import/bergen-driftsbudsjett.yaml", path, sizeof path) != 0)
		return;
	*strrchr(path, '/') = '\0';
	DIR *d = opendir(path);
	if (!d)
		return;
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 256) {
		size_t len = strlen(e->d_name);
		if (len > 5 && e->d_name[0] != '.' && strcmp(e->d_name + len - 5, ".yaml") == 0 &&
		    !(hidden && strncmp(e->d_name, hidden, len - 5) == 0 && !hidden[len - 5]))
			names[n++] = strndup(e->d_name, len - 5);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_name);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, o < sz ? sz - o : 0, "%s%s", i ? ", " : "", names[i]);
		free(names[i]);
	}
}

/* bl_import_profile_list as "a, b". */
static int list_names(char *out, size_t sz)
{
	char **names = NULL;
	size_t n = 0, o = 0;
	out[0] = '\0';
	int rc = bl_import_profile_list(&names, &n, &E);
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, o < sz ? sz - o : 0, "%s%s", i ? ", " : "", names[i]);
	bl_import_profile_list_free(names, n);
	return rc;
}

static void test_find(const char *dir)
{
	char cfg[512], imp[600], path[700], buf[4096], want[4096], shipped[4096];
	unsetenv("BUDGETLAB_DATADIR");
	snprintf(cfg, sizeof cfg, "%s/budgetlab", dir);
	snprintf(imp, sizeof imp, "%s/import", cfg);
	setenv("XDG_CONFIG_HOME", dir, 1);

	/* No directory of the user's yet: the shipped profiles. */
	char ship[1024], got[2048], exp[2048];
	shipped_names(ship, sizeof ship, NULL);
	like(ship, "bergen-driftsbudsjett, ", "Bergen's profile is shipped");
	like(ship, "stavanger-budsjettforslag", "Stavanger's profile is shipped");
	is_int(list_names(got, sizeof got), 0, "list without a user directory");
	is_str(got, ship, "the shipped profiles, sorted");

	mkdir(cfg, 0700);
	mkdir(imp, 0700);
	snprintf(path, sizeof path, "%s/mine.yaml", imp);
	put_file(path, MIN);
	snprintf(path, sizeof path, "%s/bergen-driftsbudsjett.yaml", imp);
	put_file(path, MIN);
	snprintf(path, sizeof path, "%s/aaa.yaml", imp);
	put_file(path, MIN);
	snprintf(path, sizeof path, "%s/.hidden.yaml", imp);
	put_file(path, MIN);
	snprintf(path, sizeof path, "%s/notes.txt", imp);
	put_file(path, "x");
	snprintf(path, sizeof path, "%s/old.yaml.bak", imp);
	put_file(path, "x");
	snprintf(path, sizeof path, "%s/.yaml", imp);
	put_file(path, "x");

	is_int(list_names(got, sizeof got), 0, "list with a user directory");
	shipped_names(ship, sizeof ship, "bergen-driftsbudsjett");
	snprintf(exp, sizeof exp, "aaa, bergen-driftsbudsjett, mine%s%s", ship[0] ? ", " : "", ship);
	is_str(got, exp, "the user's (sorted) first, then the shipped ones not hidden by them");

	is_int(bl_import_profile_find("mine", buf, sizeof buf, &E), 0, "find mine");
	snprintf(want, sizeof want, "%s/mine.yaml", imp);
	is_str(buf, want, "in $XDG_CONFIG_HOME/budgetlab/import");
	bl_import_profile *p = NULL;
	if (ok(bl_import_profile_load_file(buf, &p, &E) == 0, "and it loads"))
		is_str(p ? p->name : NULL, "mine", "named mine");
	bl_import_profile_free(p);

	is_int(bl_import_profile_find("bergen-driftsbudsjett", buf, sizeof buf, &E), 0,
	       "find bergen-driftsbudsjett");
	snprintf(want, sizeof want, "%s/bergen-driftsbudsjett.yaml", imp);
	is_str(buf, want, "the user's hides the shipped one");

	is_int(bl_import_profile_find("stavanger-budsjettforslag", buf, sizeof buf, &E), 0,
	       "find stavanger-budsjettforslag");
	bl_path_shipped("import/stavanger-budsjettforslag.yaml", shipped, sizeof shipped);
	/* Shown without a build tree's "_build/..": as realpath(3) has it. */
	char real[PATH_MAX];
	is_str(buf, realpath(shipped, real) ? real : shipped, "the shipped one");

	is_int(bl_import_profile_find("nope", buf, sizeof buf, &E), -1, "an unknown name");
	char msg[2300];
	snprintf(msg, sizeof msg,
		 "there is no import profile 'nope'; expected a path to a .yaml file or one of: %s",
		 exp);
	is_str(E.msg, msg, "the message lists the profiles there are");
	is_int(bl_import_profile_find(".hidden", buf, sizeof buf, &E), -1, "a hidden name");
	like(E.msg, "there is no import profile '.hidden'", "is not found");
	is_int(bl_import_profile_find("", buf, sizeof buf, &E), -1, "an empty name");
	is_int(bl_import_profile_find("a\033b", buf, sizeof buf, &E), -1, "a name with an escape");
	like(E.msg, "'a\\x1bb'", "quoted in the message");

	is_int(bl_import_profile_find("./x", buf, sizeof buf, &E), 0, "a path with '/'");
	is_str(buf, "./x", "is taken as it is");
	is_int(bl_import_profile_find("some.yaml", buf, sizeof buf, &E), 0, "NAME.yaml");
	is_str(buf, "some.yaml", "is a path");
	is_int(bl_import_profile_find("mine.yml", buf, sizeof buf, &E), -1, "mine.yml is a name");

	/* Loading a file that is not there, or a directory. */
	snprintf(path, sizeof path, "%s/none.yaml", imp);
	p = (bl_import_profile *)&E;
	is_int(bl_import_profile_load_file(path, &p, &E), -1, "a missing file");
	ok(p == NULL, "gives no profile");
	snprintf(want, sizeof want, "cannot read '%s': %s", path, strerror(ENOENT));
	is_str(E.msg, want, "names the file");
	is_int(bl_import_profile_load_file(imp, &p, &E), -1, "a directory");
	/* A bad profile file: its path in the message. */
	snprintf(path, sizeof path, "%s/bad.yaml", imp);
	put_file(path, MIN "zzz: 1\n");
	is_int(bl_import_profile_load_file(path, &p, &E), -1, "a bad file");
	snprintf(want, sizeof want, "%s:8:1: unknown key 'zzz'", path);
	like(E.msg, want, "FILE:LINE:COL with its path");
	unlink(path);

	/* XDG_CONFIG_HOME relative or empty: $HOME/.config. */
	setenv("HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	is_int(bl_import_profile_find("mine", buf, sizeof buf, &E), -1,
	       "a relative XDG_CONFIG_HOME is ignored ($HOME/.config has no mine)");

	const char *files[] = { "mine.yaml", "bergen-driftsbudsjett.yaml", "aaa.yaml",
				".hidden.yaml", "notes.txt", "old.yaml.bak", ".yaml" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", imp, files[i]);
		unlink(path);
	}
	rmdir(imp);
	rmdir(cfg);
	unsetenv("XDG_CONFIG_HOME");
}

int main(void)
{
	char dir[256];
	if (!tu_tmpdir(dir, sizeof dir, "bl-import-yaml"))
		return tap_done();
	test_valid();
	test_garbage();
	test_keys();
	test_types();
	test_values();
	test_round_trip();
	test_find(dir);
	rmdir(dir);
	return tap_done();
}
