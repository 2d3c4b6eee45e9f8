/* test_config.c: the phase file loader and the XDG paths.
 *
 * Every way a phase file can be wrong has a case here that checks the
 * exact "file:line:column: " of the message and its key phrase, because
 * the position is what lets a municipality fix its file.  The shipped
 * files must load, and a fuzz-ish pass over the Danish one (every prefix,
 * a few hundred byte mutations) must never crash or half-load. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/paths.h"
#include "config/process_yaml.h"
#include "core/gates.h"
#include "core/process.h"
#include "tap.h"
#include "test_util.h"

static bl_err E;

/* Load text as "t.yaml".  A failed load must leave *out NULL and set a
 * message; a successful one must return a definition. */
static int load_as(const char *name, const char *text, size_t len, bl_process_def **keep)
{
	bl_process_def *def = (bl_process_def *)&E; /* must be overwritten */
	bl_err_clear(&E);
	int r = bl_config_load_string(text, len, name, &def, &E);
	tu_check_result(r, def, E.msg, "load", "definition");
	if (r != 0)
		def = NULL;
	if (keep)
		*keep = def;
	else
		bl_process_def_free(def);
	return r;
}

static int load(const char *text)
{
	return load_as("t.yaml", text, strlen(text), NULL);
}

/* The file must be refused with a message containing where (e.g.
 * "t.yaml:4:5: ") followed, somewhere on the same line, by what. */
#define BAD(text, where, what, name) TU_REFUSED(load(text), E.msg, where, what, name)

/* The start of a valid file; phases follow from line 8. */
#define HEAD                                                                  \
	"budgetlab: 1\n"                     /* 1 */                          \
	"process:\n"                         /* 2 */                          \
	"  municipality: Egekær Kommune\n"   /* 3 */                          \
	"  title: Budget 2028–2031\n"        /* 4 */                          \
	"  language: da\n"                   /* 5 */                          \
	"  budget_year: 2028\n"              /* 6 */                          \
	"phases:\n"                          /* 7 */
#define GOALS                                                                 \
	"  - id: goals\n"                    /* 8 */                          \
	"    title: Mål før økonomi\n"       /* 9 */

/* A process section with one line replaced, for the process tests. */
#define PROC(extra)                                                           \
	"budgetlab: 1\n"                                                      \
	"process:\n"                                                          \
	"  municipality: Egekær Kommune\n"                                    \
	"  title: Budget 2028–2031\n"                                         \
	"  language: da\n"                                                    \
	extra                                                                 \
	"phases:\n"                                                           \
	"  - id: goals\n"                                                     \
	"    title: Mål\n"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(BL_YAML_MAX_BYTES + 1);
	size_t n = buf ? fread(buf, 1, BL_YAML_MAX_BYTES, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

static void test_minimal(void)
{
	bl_process_def *d = NULL;
	const char *t = HEAD GOALS;
	is_int(load_as("t.yaml", t, strlen(t), &d), 0, "a minimal file loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	is_str(d->municipality, "Egekær Kommune", "municipality");
	is_str(d->title, "Budget 2028–2031", "title with an en dash");
	is_int(d->lang, BL_LANG_DA, "language da");
	is_str(d->currency, "DKK", "currency defaults to DKK for da");
	is_int(d->budget_year, 2028, "budget year");
	is_int(d->outline_years, 3, "outline years default to 3");
	is_int(bl_process_n_years(d), 4, "four years in all");
	is_int(d->n_phases, 1, "one phase");
	is_str(d->phases[0].id, "goals", "phase id");
	is_str(d->phases[0].title, "Mål før økonomi", "phase title");
	ok(d->phases[0].guidance == NULL, "no guidance");
	ok(!d->phases[0].has_window, "no window");
	is_int(d->phases[0].n_checklist, 0, "no checklist");
	is_int(d->phases[0].n_gates, 0, "no gates");
	is_int(d->phases[0].locks, 0, "no locks");
	bl_process_def_free(d);

	/* Defaults by language, "no" as Norwegian, and YAML niceties. */
	const char *nb = "budgetlab: 1\nprocess:\n  municipality: Eksempel kommune\n"
			 "  title: Økonomiplan\n  language: no\n  budget_year: 2028\n"
			 "  outline_years: 0\nphases:\n  - {id: a, title: A}\n";
	is_int(load_as("t.yaml", nb, strlen(nb), &d), 0, "'language: no' is text, not false");
	if (d) {
		is_int(d->lang, BL_LANG_NB, "no means Norwegian Bokmål");
		is_str(d->currency, "NOK", "currency defaults to NOK for nb");
		is_int(d->outline_years, 0, "outline_years 0");
		bl_process_def_free(d);
	}
	const char *en = "\xEF\xBB\xBF---\n'budgetlab': 1\nprocess: {municipality: \"X\", "
			 "title: 'T', language: en, budget_year: 2030, outline_years: 9, "
			 "currency: EUR}\nphases:\n- id: p_1\n  title: |\n    P\n"
			 "  guidance: |\n    Line one.\n    Line two.\n  checklist: []\n"
			 "  gates:\n  locks: ~\n...\n";
	is_int(load_as("t.yaml", en, strlen(en), &d), 0,
	       "a BOM, '---', '...', flow style, quoted keys and empty lists load");
	if (d) {
		is_int(d->lang, BL_LANG_EN, "en");
		is_str(d->currency, "EUR", "currency given");
		is_int(d->outline_years, 9, "outline_years 9");
		is_str(d->phases[0].title, "P", "a block title is trimmed");
		is_str(d->phases[0].guidance, "Line one.\nLine two.",
		       "guidance keeps its inner newlines, not the last");
		bl_process_def_free(d);
	} else {
		diag("%s", E.msg);
	}
	const char *en2 = "budgetlab: 1\nprocess: {municipality: X, title: T, language: en, "
			  "budget_year: 2030}\nphases: [{id: a, title: A}]\n";
	is_int(load_as("t.yaml", en2, strlen(en2), &d), 0, "en without currency");
	if (d) {
		is_str(d->currency, "DKK", "currency defaults to DKK for en");
		bl_process_def_free(d);
	}
}

static void test_full_phase(void)
{
	bl_process_def *d = NULL;
	const char *t = HEAD
		"  - id: goals\n"
		"    title: Mål\n"
		"    from: 2026-11-02\n"
		"    to: 2027-02-26\n"
		"    checklist:\n"
		"      - Første\n"
		"      - \"Anden: med kolon\"\n"
		"    gates:\n"
		"      - checklist_complete\n"
		"      - every_area_has_goal\n"
		"      - every_area_has_goal: {level: 2}\n"
		"      - budget_balances:\n"
		"      - budget_balances: {tolerance: \"1.000,50\", version: first_reading}\n"
		"      - min_days_since: {phase: goals, days: 0}\n"
		"      - not_before: {date: 2027-01-15}\n"
		"      - version_has_amounts: {}\n"
		"    locks: [amounts, goals]\n"
		"  - id: later\n"
		"    title: Senere\n"
		"    from: 2027-02-26\n"
		"    to: 2027-02-26\n"
		"    gates:\n"
		"      - min_days_since:\n"
		"          phase: goals\n"
		"          days: 3650\n"
		"    locks:\n"
		"      - lines\n"
		"      - areas\n";
	is_int(load_as("t.yaml", t, strlen(t), &d), 0, "a phase with every key loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	const bl_phase *p = &d->phases[0];
	ok(p->has_window, "window");
	char a[11], b[11];
	bl_date_format(p->from, a);
	bl_date_format(p->to, b);
	is_str(a, "2026-11-02", "from");
	is_str(b, "2027-02-26", "to");
	is_int(p->n_checklist, 2, "two checklist items");
	is_str(p->checklist[1], "Anden: med kolon", "a quoted item");
	is_int(p->locks, BL_LOCK_AMOUNTS | BL_LOCK_GOALS, "locks amounts and goals");
	is_int(p->n_gates, 8, "eight gates");
	if (p->n_gates == 8) {
		const bl_gate_ref *g = p->gates;
		is_str(g[0].kind->name, "checklist_complete", "a gate by name");
		is_int(g[0].line, 16, "the gate's line");
		is_int(g[0].col, 9, "the gate's column");
		is_str(g[1].kind->name, "every_area_has_goal", "every_area_has_goal");
		ok(g[1].args[0].set && g[1].args[0].i == 1, "level defaults to 1");
		ok(g[2].args[0].set && g[2].args[0].i == 2, "level 2 given");
		is_int(g[2].line, 18, "a gate with parameters: its line");
		is_int(g[2].col, 9, "and column (the gate's name)");
		ok(g[3].args[0].set && g[3].args[0].s, "version defaults");
		is_str(g[3].args[0].s, "proposal", "to proposal");
		ok(g[3].args[1].set && g[3].args[1].m == 0, "tolerance defaults to 0");
		is_str(g[4].args[0].s, "first_reading", "version given");
		ok(g[4].args[1].set && g[4].args[1].m == 100050,
		   "tolerance parsed in Danish: 1.000,50 is 100050 øre");
		is_str(g[5].args[0].s, "goals", "a gate may count from its own phase");
		ok(g[5].args[1].set && g[5].args[1].i == 0, "days 0");
		ok(g[6].args[0].set && g[6].args[0].d == bl_date_from_ymd(2027, 1, 15),
		   "not_before date");
		is_str(g[7].args[0].s, "proposal", "an empty parameter mapping takes the default");
	}
	p = &d->phases[1];
	is_int(p->locks, BL_LOCK_LINES | BL_LOCK_AREAS, "block list of locks");
	ok(p->has_window && p->from == p->to, "a one-day window");
	if (p->n_gates == 1) {
		is_str(p->gates[0].args[0].s, "goals", "an earlier phase");
		is_int(p->gates[0].args[1].i, 3650, "days at the maximum");
		is_int(p->gates[0].line, 30, "block-style gate line");
	} else {
		ok(0, "one gate in the second phase");
	}
	bl_process_def_free(d);
}

static void test_syntax(void)
{
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n title: Y\n", "t.yaml:4:2: ",
	    "YAML syntax error", "bad indentation");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n title: Y\n", "t.yaml:4:2: ",
	    "expected keys of the same level at the same indentation",
	    "bad indentation: the hint");
	BAD(HEAD "  - id: goals\n    title: \"Mål\n", "t.yaml:10:1: ",
	    "while scanning a quoted scalar at line 9, column 12",
	    "an unclosed quote: where it began");
	BAD(HEAD "  - id: goals\n    title: \"Mål\n", "t.yaml:10:1: ",
	    "is a quote or bracket not closed?", "an unclosed quote: the hint");
	BAD("budgetlab: 1\nprocess:\n\tmunicipality: X\n", "t.yaml:3:1: ",
	    "tabs are not allowed", "tab indentation");
	BAD("budgetlab: 1\nprocess: {municipality: X\nphases: []\n", "t.yaml:",
	    "YAML syntax error", "an unclosed brace");
	BAD("budgetlab: 1\nphases: [a, b\n", "t.yaml:3:1: ", "is a ']' or '}' missing?",
	    "an unclosed bracket");
	BAD("budgetlab: 1\nprocess:\n  title: a: b\n", "t.yaml:3:11: ",
	    "mapping values are not allowed", "a second colon on a line");
	BAD("budgetlab: 1\nprocess:\n  title: a: b\n", "t.yaml:3:11: ",
	    "put a value that contains ': ' in quotes", "a second colon: the hint");
	BAD("budgetlab: 1\nx: `a`\n", "t.yaml:2:4: ", "cannot start any token",
	    "a backquote");
	BAD("budgetlab: 1\nx: a\x01" "b\n", "t.yaml:2:5: ",
	    "control character (U+0001)", "a raw control character");
}

static void test_encoding(void)
{
	BAD("budgetlab: 1\nprocess:\n  municipality: Egek\xe6r Kommune\n", "t.yaml:3:21: ",
	    "not valid UTF-8 (byte 0xe6)", "a Latin-1 file");
	BAD("budgetlab: 1\nprocess:\n  municipality: Egek\xe6r Kommune\n", "t.yaml:3:21: ",
	    "it looks like Latin-1", "a Latin-1 file: the message says what it may be");
	BAD("budgetlab: 1\nprocess:\n  title: Tr\xf8" "ffe\n", "t.yaml:3:12: ",
	    "it looks like Latin-1", "ø in Latin-1");
	BAD(HEAD "  - id: goals\n    title: Mål før øk\xc3", "t.yaml:9:22: ",
	    "not valid UTF-8: it ends inside a character", "a file cut inside a character");
	BAD("budgetlab: 1\nx: \xe2\x80\n", "t.yaml:2:4: ", "not valid UTF-8 (byte 0xe2); "
	    "expected UTF-8 text", "an incomplete character");
	BAD("budgetlab: 1\n# \xed\xa0\x80 a surrogate\n", "t.yaml:2:3: ", "not valid UTF-8",
	    "an encoded surrogate in a comment");
	BAD("budgetlab: 1\nx: \xc0\xaf\n", "t.yaml:2:4: ", "not valid UTF-8",
	    "an overlong encoding");
	BAD("\xEF\xBB\xBF" "x: \xff\n", "t.yaml:1:4: ", "not valid UTF-8",
	    "after a BOM, columns do not count the BOM");
	BAD("\xff\xfe" "b\0u\0", "t.yaml:1:1: ", "UTF-16", "a UTF-16 file");
	int r = load_as("t.yaml", "budgetlab: 1\n\0x", 15, NULL);
	is_int(r, -1, "a NUL byte: refused");
	tu_has_line(E.msg, "t.yaml:2:1: ", "NUL byte", "a NUL byte: where");
	BAD("\xEF\xBB\xBF" "budgetlab: 2\n", "t.yaml:1:12: ", "version 2 is not supported",
	    "a BOM is fine, and positions after it are right");
	BAD(HEAD "  - id: goals\n    title: \"a\\0b\"\n", "t.yaml:9:12: ",
	    "control character (\\x00)", "an escaped NUL in a string");
	BAD(HEAD "  - id: goals\n    title: \"a\\e[2Jb\"\n", "t.yaml:9:12: ",
	    "control character (\\x1b)", "an escaped ESC in a title");
	BAD(HEAD "  - id: goals\n    title: \"a\\nb\"\n", "t.yaml:9:12: ",
	    "control character (\\x0a); expected title: TEXT", "a newline in a title");
}

static void test_top(void)
{
	BAD("", "t.yaml:1:1: ", "the file is empty", "an empty file");
	BAD("# only a comment\n\n", "t.yaml:1:1: ", "the file is empty", "only comments");
	BAD("---\n", "t.yaml:1:1: ", "the file is empty", "an empty document");
	BAD("hello\n", "t.yaml:1:1: ", "the file is text at the top level", "a scalar");
	BAD("- a\n- b\n", "t.yaml:1:1: ", "the file is a list at the top level", "a sequence");
	BAD(HEAD GOALS "---\nbudgetlab: 1\n", "t.yaml:10:1: ", "a second document starts here",
	    "two documents");
	BAD("budgetlab: 2\nprocess: 1\n", "t.yaml:1:12: ",
	    "format version 2 is not supported by this budgetlab; expected budgetlab: 1",
	    "a later format version");
	ok(strchr(E.msg, '\n') == NULL, "a later version: only that message");
	BAD("process:\n  municipality: X\n", "t.yaml:1:1: ", "the file has no 'budgetlab'",
	    "no version");
	BAD("budgetlab: 1\nphases:\n  - {id: a, title: A}\n", "t.yaml:1:1: ",
	    "the file has no 'process'; expected process:", "no process");
	is_int(load(PROC("  budget_year: 2028\n")), 0, "PROC with a budget year is valid");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: T\n  language: da\n"
	    "  budget_year: 2028\n", "t.yaml:1:1: ", "the file has no 'phases'", "no phases");
	BAD(HEAD, "t.yaml:7:1: ", "'phases' is empty; expected at least one phase",
	    "phases: with nothing");
	BAD(HEAD " []\n", "t.yaml:8:2: ", "'phases' is empty", "phases: []");
	BAD(HEAD "  id: goals\n", "t.yaml:8:3: ", "'phases' is a mapping; expected a list",
	    "phases as a mapping");
	BAD("budgetlab: 1\nprocess: [a, b]\nphases: [{id: a, title: A}]\n", "t.yaml:2:10: ",
	    "'process' is a list; expected process: a mapping", "process as a list");
	BAD("budgetlab: 1\nprocess:\nphases: [{id: a, title: A}]\n", "t.yaml:2:1: ",
	    "'process' is empty", "process: with nothing");
	BAD("budgetlab: one\n", "t.yaml:1:12: ",
	    "budgetlab: 'one' is not a format version; expected budgetlab: 1", "budgetlab: one");
	BAD("budgetlab: \"1\"\n", "t.yaml:1:12: ", "'1' is not a format version",
	    "budgetlab: \"1\"");
	BAD("budgetlab: [1]\n", "t.yaml:1:12: ", "budgetlab: a list is not a format version",
	    "budgetlab: [1]");
	BAD("budgetlab:\n", "t.yaml:1:1: ", "'budgetlab' is empty; expected budgetlab: 1",
	    "budgetlab: with nothing");
}

static void test_unknown_keys(void)
{
	BAD(HEAD GOALS "phasess: []\n", "t.yaml:10:1: ",
	    "unknown key 'phasess' at the top level; did you mean 'phases'?", "top level");
	BAD(PROC("  budget_year: 2028\n  titel: x\n"), "t.yaml:7:3: ",
	    "unknown key 'titel' in process; did you mean 'title'?", "in process");
	BAD(PROC("  budget_year: 2028\n  colour: blue\n"), "t.yaml:7:3: ",
	    "unknown key 'colour' in process; expected one of: municipality, title, "
	    "language, currency, budget_year, outline_years",
	    "no near key: the known keys are listed");
	BAD(PROC("  budgetyear: 2028\n"), "t.yaml:6:3: ",
	    "did you mean 'budget_year'?", "budgetyear");
	BAD(HEAD GOALS "    gats: [checklist_complete]\n", "t.yaml:10:5: ",
	    "unknown key 'gats' in phase 1; did you mean 'gates'?", "in a phase");
	BAD(HEAD GOALS "    lock: [amounts]\n", "t.yaml:10:5: ", "did you mean 'locks'?",
	    "lock for locks");
	BAD(HEAD GOALS "    fra: 2027-01-01\n", "t.yaml:10:5: ",
	    "unknown key 'fra' in phase 1; expected one of: id, title",
	    "a short key two edits away is not suggested");
	BAD(HEAD GOALS "    Id: x\n", "t.yaml:10:5: ", "did you mean 'id'?", "case");
	BAD(HEAD GOALS "    [a]: x\n", "t.yaml:10:5: ",
	    "a key in phase 1 is a list; expected a name", "a list as a key");
	BAD(HEAD GOALS "    gates:\n      - every_area_has_goal: {lvel: 2}\n", "t.yaml:11:31: ",
	    "gate 'every_area_has_goal' has no parameter 'lvel'; did you mean 'level'?",
	    "a gate parameter");
	BAD(HEAD GOALS "    gates:\n      - not_before: {when: 2027-01-01, date: 2027-01-01}\n",
	    "t.yaml:11:22: ", "gate 'not_before' has no parameter 'when'; expected one of: date",
	    "a gate parameter without a near one");
	BAD(HEAD GOALS "    gates:\n      - checklist_complete: {all: true}\n", "t.yaml:11:30: ",
	    "gate 'checklist_complete' has no parameters", "parameters for a gate without any");
	BAD(HEAD GOALS "    gates: [budget_balance]\n", "t.yaml:10:13: ",
	    "unknown gate 'budget_balance'; did you mean 'budget_balances'? known gates: "
	    "every_area_has_goal, budget_balances, min_days_since",
	    "a gate name");
	BAD(HEAD GOALS "    gates:\n      - balance_check: {version: proposal}\n",
	    "t.yaml:11:9: ", "unknown gate 'balance_check'; expected one of the known gates: ",
	    "a gate name without a near one");
	BAD(HEAD GOALS "    locks: [amount]\n", "t.yaml:10:13: ",
	    "unknown lock 'amount'; did you mean 'amounts'? known locks: amounts, lines, areas, goals",
	    "a lock name");
	BAD(HEAD GOALS "    locks: [budget]\n", "t.yaml:10:13: ",
	    "unknown lock 'budget'; expected one of the known locks: amounts, lines, areas, goals",
	    "a lock name without a near one");
	BAD(PROC("  budget_year: 2028\n  \"\\e[31m\": x\n"), "t.yaml:7:3: ",
	    "unknown key '\\x1b[31m'", "a key with an escape is quoted safely");
}

static void test_types(void)
{
	BAD(PROC("  budget_year: twenty\n"), "t.yaml:6:16: ",
	    "'budget_year': 'twenty' is not an integer; expected an integer from 1900 to 2190",
	    "a word for an integer");
	BAD(PROC("  budget_year: \"2028\"\n"), "t.yaml:6:16: ",
	    "quoted text (\"2028\"); expected a plain integer", "a quoted integer");
	BAD(PROC("  budget_year: 99999999999999999999\n"), "t.yaml:6:16: ",
	    "99999999999999999999 is out of range (beyond 64-bit integers)", "int64 overflow");
	BAD(PROC("  budget_year: -9223372036854775809\n"), "t.yaml:6:16: ",
	    "out of range (beyond 64-bit integers)", "int64 underflow");
	BAD(PROC("  budget_year: 1899\n"), "t.yaml:6:16: ",
	    "'budget_year': 1899 is out of range; expected an integer from 1900 to 2190",
	    "a year below the range");
	BAD(PROC("  budget_year: 2191\n"), "t.yaml:6:16: ", "out of range", "a year above");
	BAD(PROC("  budget_year: 2028.0\n"), "t.yaml:6:16: ", "is not an integer", "a float");
	BAD(PROC("  budget_year: 0x7EC\n"), "t.yaml:6:16: ", "is not an integer", "hex");
	BAD(PROC("  budget_year: true\n"), "t.yaml:6:16: ",
	    "'budget_year' is a boolean; expected an integer", "a boolean for an integer");
	BAD(PROC("  budget_year: [2028]\n"), "t.yaml:6:16: ",
	    "'budget_year' is a list", "a list for an integer");
	BAD(PROC("  budget_year:\n"), "t.yaml:6:3: ", "'budget_year' is empty",
	    "an empty integer, reported at the key");
	BAD(PROC("  budget_year: 2028\n  outline_years: 10\n"), "t.yaml:7:18: ",
	    "'outline_years': 10 is out of range; expected an integer from 0 to 9",
	    "too many outline years");
	BAD(PROC("  budget_year: 2028\n  outline_years: -1\n"), "t.yaml:7:18: ",
	    "out of range", "negative outline years");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: {a: 1}\n  language: da\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:4:10: ",
	    "'title' is a mapping; expected title: TEXT", "a mapping for a string");
	BAD("budgetlab: 1\nprocess:\n  municipality:\n  title: T\n  language: da\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:3:3: ",
	    "'municipality' is empty; expected municipality: NAME", "an empty required string");
	BAD("budgetlab: 1\nprocess:\n  municipality: \"  \"\n  title: T\n  language: da\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:3:17: ",
	    "'municipality' is empty", "a blank required string");
	BAD("budgetlab: 1\nprocess:\n  municipality: null\n  title: T\n  language: da\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:3:3: ",
	    "'municipality' is empty", "null for a required string");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: false\n  language: da\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:4:10: ",
	    "'title' is a boolean (false); expected title: TEXT, e.g. Budget 2028–2031 (put "
	    "the word in quotes to use it as text)", "a boolean for a string");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: T\n  language: dk\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:5:13: ",
	    "language: 'dk' is not a language budgetlab knows; did you mean 'da'?",
	    "an unknown language");
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: T\n  language: Danish\n"
	    "  budget_year: 2028\nphases: [{id: a, title: A}]\n", "t.yaml:5:13: ",
	    "expected da (Danish), nb (Norwegian Bokmål) or en (English)",
	    "an unknown language without a near one");
	BAD(PROC("  budget_year: 2028\n  currency: kr\n"), "t.yaml:7:13: ",
	    "currency: 'kr' is not a currency code; expected three capital letters",
	    "a bad currency");
	BAD(PROC("  budget_year: 2028\n  currency: dkk\n"), "t.yaml:7:13: ",
	    "not a currency code", "a lower-case currency");
	BAD(HEAD "  - goals\n", "t.yaml:8:5: ",
	    "phase 1 is text; expected a mapping with an id and a title", "a phase as text");
	BAD(HEAD GOALS "    checklist: Gør det\n", "t.yaml:10:16: ",
	    "'checklist' of phase 1 is text; expected a list of items", "a checklist as text");
	BAD(HEAD GOALS "    checklist:\n      - {a: b}\n", "t.yaml:11:9: ",
	    "checklist item 1 of phase 1 is a mapping; expected a line of text",
	    "a checklist item as a mapping");
	BAD(HEAD GOALS "    checklist:\n      - ok\n      -\n", "t.yaml:12:8: ",
	    "checklist item 2 of phase 1 is empty", "an empty checklist item");
	BAD(HEAD GOALS "    gates: checklist_complete\n", "t.yaml:10:12: ",
	    "'gates' of phase 1 is text; expected a list of gates", "gates as text");
	BAD(HEAD GOALS "    gates:\n      - [checklist_complete]\n", "t.yaml:11:9: ",
	    "a gate is a list; expected a gate name", "a gate as a list");
	BAD(HEAD GOALS "    gates:\n      - every_area_has_goal: 2\n", "t.yaml:11:30: ",
	    "the parameters of gate 'every_area_has_goal' are text; expected a mapping",
	    "gate parameters as text");
	BAD(HEAD GOALS "    locks: amounts\n", "t.yaml:10:12: ",
	    "'locks' of phase 1 is text; expected a list such as [amounts, lines]",
	    "locks as text");
	BAD(HEAD GOALS "    locks: [{amounts: 1}]\n", "t.yaml:10:13: ",
	    "a lock of phase 1 is a mapping", "a lock as a mapping");
	BAD(HEAD GOALS "    guidance: [a]\n", "t.yaml:10:15: ",
	    "'guidance' of phase 1 is a list; expected guidance: TEXT", "guidance as a list");
	BAD(HEAD "  - id: Goals\n    title: x\n", "t.yaml:8:9: ",
	    "'Goals' is not a valid id; expected lower-case letters a-z", "an upper-case id");
	BAD(HEAD "  - id: 1st\n    title: x\n", "t.yaml:8:9: ", "is not a valid id",
	    "an id starting with a digit");
	BAD(HEAD "  - id: første\n    title: x\n", "t.yaml:8:9: ", "is not a valid id",
	    "an id with ø");
	BAD(HEAD "  - id: abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    title: x\n", "t.yaml:8:9: ",
	    "is longer than 32 characters", "an id of 33 characters");
	is_int(load(HEAD "  - id: abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n    title: x\n"), 0,
	       "an id of 32 characters is fine");
}

static void test_duplicates_and_missing(void)
{
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  title: T\n  title: U\n"
	    "  language: da\n  budget_year: 2028\nphases: [{id: a, title: A}]\n",
	    "t.yaml:5:3: ", "duplicate key 'title' in process, already given at line 4",
	    "a duplicate key in process");
	BAD(HEAD GOALS "budgetlab: 1\n", "t.yaml:10:1: ",
	    "duplicate key 'budgetlab' at the top level, already given at line 1",
	    "a duplicate key at the top");
	BAD(HEAD GOALS "    title: Igen\n", "t.yaml:10:5: ",
	    "duplicate key 'title' in phase 1, already given at line 9",
	    "a duplicate key in a phase");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals, days: 1, days: 2}\n",
	    "t.yaml:11:49: ", "duplicate parameter 'days' of gate 'min_days_since', already "
	    "given at line 11", "a duplicate gate parameter");
	BAD(HEAD GOALS "    locks: [amounts, lines, amounts]\n", "t.yaml:10:29: ",
	    "lock 'amounts' is listed twice (first at line 10)", "a lock twice");
	BAD(HEAD GOALS "  - id: labs\n    title: Labs\n  - id: goals\n    title: Igen\n",
	    "t.yaml:12:9: ", "phase id 'goals' is already used at line 8",
	    "a duplicate phase id names both lines");
	BAD(HEAD GOALS "  - id: labs\n  - id: hearing\n    title: H\n", "t.yaml:10:5: ",
	    "phase 2 has no 'title'; expected title: TEXT", "a phase without a title");
	BAD(HEAD GOALS "  - id: labs\n    title: L\n  - title: H\n", "t.yaml:12:5: ",
	    "phase 3 has no 'id'; expected id: NAME", "a phase without an id");
	BAD("budgetlab: 1\nprocess:\n  title: T\n  language: da\nphases: [{id: a, title: A}]\n",
	    "t.yaml:3:3: ", "process has no 'municipality'; expected municipality: NAME",
	    "process without a municipality, at the mapping's start");
	BAD("budgetlab: 1\nprocess:\n  title: T\n  language: da\nphases: [{id: a, title: A}]\n",
	    "t.yaml:3:3: ", "process has no 'budget_year'; expected budget_year: a year",
	    "process without a budget year");
	BAD("budgetlab: 1\nprocess: {municipality: X, title: T, budget_year: 2028}\n"
	    "phases: [{id: a, title: A}]\n", "t.yaml:2:10: ",
	    "process has no 'language'; expected language: da, nb or en",
	    "process without a language");
}

static void test_dates(void)
{
	BAD(HEAD GOALS "    from: 2027-2-3\n    to: 2027-03-01\n", "t.yaml:10:11: ",
	    "'from': \"2027-2-3\" is not a date", "a malformed date");
	BAD(HEAD GOALS "    from: 2027-02-01\n    to: 2027-02-30\n", "t.yaml:11:9: ",
	    "'to': \"2027-02-30\" is not a date: February 2027 has 28 days",
	    "an impossible date");
	BAD(HEAD GOALS "    from: 2027-13-01\n    to: 2027-12-01\n", "t.yaml:10:11: ",
	    "no month 13", "month 13");
	BAD(HEAD GOALS "    from: [2027-01-01]\n    to: 2027-12-01\n", "t.yaml:10:11: ",
	    "'from' is a list; expected a date YYYY-MM-DD", "a list for a date");
	BAD(HEAD GOALS "    from: 2027-03-01\n    to: 2027-02-01\n", "t.yaml:11:9: ",
	    "phase 1 ends (to: 2027-02-01) before it begins (from: 2027-03-01)",
	    "from after to");
	BAD(HEAD GOALS "    from: 2027-03-01\n", "t.yaml:10:5: ",
	    "phase 1 has 'from' but no 'to'; expected both from: and to:, or neither",
	    "from without to");
	BAD(HEAD GOALS "    to: 2027-03-01\n", "t.yaml:10:5: ",
	    "phase 1 has 'to' but no 'from'", "to without from");
	BAD(HEAD
	    "  - id: goals\n    title: G\n    from: 2027-01-01\n    to: 2027-02-01\n"
	    "  - id: labs\n    title: L\n"
	    "  - id: hearing\n    title: H\n    from: 2026-12-01\n    to: 2027-03-01\n",
	    "t.yaml:16:11: ",
	    "phases out of order: phase 3 ('hearing') begins on 2026-12-01, before phase 1 "
	    "('goals', line 10) which begins on 2027-01-01",
	    "phases out of order, past an undated phase");
	is_int(load(HEAD
		    "  - id: a\n    title: A\n    from: 2027-01-01\n    to: 2027-03-01\n"
		    "  - id: b\n    title: B\n    from: 2027-01-01\n    to: 2027-01-02\n"),
	       0, "phases that begin on the same day, or overlap, are fine");
}

static void test_gate_params(void)
{
	/* The gates of schema 8: the process's own goals and agreed goals. */
	BAD(HEAD GOALS "    gates:\n      - min_participants\n", "t.yaml:11:9: ",
	    "gate 'min_participants' needs the parameter 'count'", "min_participants without a count");
	BAD(HEAD GOALS "    gates:\n      - min_participants: {count: 0}\n", "t.yaml:11:",
	    "'count' of gate 'min_participants': 0 is out of range; expected an integer from 1 to"
	    " 1000000", "no participants as a goal");
	BAD(HEAD GOALS "    gates:\n      - min_participants: {count: mange}\n", "t.yaml:11:",
	    "'mange' is not an integer", "a word for the count");
	BAD(HEAD GOALS "    gates:\n      - min_participants: {count: 99999999999999999999}\n",
	    "t.yaml:11:", "'count' of gate 'min_participants'", "a count that overflows");
	BAD(HEAD GOALS "    gates:\n      - participants_represent: {category: age}\n", "t.yaml:11:",
	    "gate 'participants_represent' has no parameters, but 'category' is given", "a parameter it does not have");
	BAD(HEAD GOALS "    gates:\n      - every_area_has_agreed_goal: {level: ten}\n", "t.yaml:11:",
	    "'level' of gate 'every_area_has_agreed_goal': 'ten' is not an integer",
	    "a word for the level");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals}\n", "t.yaml:11:9: ",
	    "gate 'min_days_since' needs the parameter 'days'; expected days: an integer "
	    "from 0 to 3650", "a missing required parameter");
	BAD(HEAD GOALS "    gates:\n      - min_days_since\n", "t.yaml:11:9: ",
	    "gate 'min_days_since' needs the parameter 'phase'", "a gate without its parameters");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals, days: two}\n",
	    "t.yaml:11:46: ",
	    "'days' of gate 'min_days_since': 'two' is not an integer", "a word for days");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals, days: 3651}\n",
	    "t.yaml:11:46: ",
	    "'days' of gate 'min_days_since': 3651 is out of range; expected an integer from 0 to 3650",
	    "days out of range");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals, days: \"14\"}\n",
	    "t.yaml:11:46: ", "quoted text", "quoted days");
	BAD(HEAD GOALS "    gates:\n      - every_area_has_goal: {level: 0}\n", "t.yaml:11:38: ",
	    "'level' of gate 'every_area_has_goal': 0 is out of range; expected an integer "
	    "from 1 to 9", "level out of range");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: gaols, days: 1}\n",
	    "t.yaml:11:33: ",
	    "'phase' of gate 'min_days_since': there is no phase 'gaols'; did you mean 'goals'?",
	    "an unknown phase");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: nowhere, days: 1}\n",
	    "t.yaml:11:33: ", "there is no phase 'nowhere'; expected the id of this phase or "
	    "an earlier one", "an unknown phase without a near one");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: hearing, days: 14}\n"
	    "  - id: hearing\n    title: Høring\n", "t.yaml:11:33: ",
	    "'hearing' is a later phase (phase 2); expected the id of this phase or an "
	    "earlier one", "a later phase");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: [goals], days: 14}\n",
	    "t.yaml:11:33: ", "'phase' of gate 'min_days_since' is a list", "a list for a phase");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: , days: 14}\n",
	    "t.yaml:11:26: ", "'phase' of gate 'min_days_since' is empty", "an empty phase");
	BAD(HEAD GOALS "    gates:\n      - budget_balances: {version: propsal}\n",
	    "t.yaml:11:36: ", "'version' of gate 'budget_balances': 'propsal' is not a budget "
	    "version; did you mean 'proposal'? expected a budget version: proposal, "
	    "first_reading, adopted", "a misspelt version");
	BAD(HEAD GOALS "    gates:\n      - version_has_amounts: {version: final}\n",
	    "t.yaml:11:40: ", "'final' is not a budget version; expected", "an unknown version");
	BAD(HEAD GOALS "    gates:\n      - budget_balances: {tolerance: \"12,345\"}\n",
	    "t.yaml:11:38: ", "'tolerance' of gate 'budget_balances': \"12,345\" is not an amount",
	    "an amount in the wrong notation for da");
	BAD(HEAD GOALS "    gates:\n      - not_before: {date: 2027-02-29}\n", "t.yaml:11:28: ",
	    "'date' of gate 'not_before': \"2027-02-29\" is not a date", "an impossible date");
	BAD(HEAD GOALS "    gates:\n      - not_before:\n", "t.yaml:11:9: ",
	    "gate 'not_before' needs the parameter 'date'; expected date: a date YYYY-MM-DD",
	    "a gate with an empty parameter mapping");
	BAD(HEAD GOALS "    gates:\n      - min_days_since: {phase: goals, days: 1}\n"
	    "        checklist_complete:\n", "t.yaml:11:9: ",
	    "a gate has 2 keys ('min_days_since', 'checklist_complete', ...); expected one "
	    "gate name with its parameters indented below it", "a gate item with two keys");
	BAD(HEAD GOALS "    gates:\n      - min_days_since:\n        phase: goals\n"
	    "        days: 14\n", "t.yaml:11:9: ", "a gate has 3 keys",
	    "parameters not indented below the gate name");
	BAD(HEAD GOALS "    gates:\n      - true\n", "t.yaml:11:9: ",
	    "a gate is a boolean", "a boolean for a gate");
	BAD(HEAD GOALS "    gates:\n      -\n", "t.yaml:11:8: ", "a gate is empty",
	    "an empty gate item");
	/* An amount is parsed in the process's language. */
	bl_process_def *d = NULL;
	const char *nb = "budgetlab: 1\nprocess:\n  municipality: X\n  title: T\n"
			 "  language: nb\n  budget_year: 2028\nphases:\n  - id: a\n    title: A\n"
			 "    gates:\n      - budget_balances: {tolerance: 1 000 000}\n";
	is_int(load_as("t.yaml", nb, strlen(nb), &d), 0, "a Norwegian amount in a nb file");
	if (d && d->phases[0].n_gates == 1)
		is_int(d->phases[0].gates[0].args[1].m, 100000000, "1 000 000 kr. in øre");
	else
		diag("%s", E.msg);
	bl_process_def_free(d);
}

static void test_yaml_features(void)
{
	BAD(HEAD "  - &p\n    id: goals\n    title: G\n", "t.yaml:8:5: ",
	    "anchors and aliases are not allowed in budgetlab files", "an anchor");
	BAD(HEAD "  - id: goals\n    title: &t G\n  - id: labs\n    title: *t\n", "t.yaml:11:12: ",
	    "anchors and aliases are not allowed in budgetlab files (found the alias '*t')",
	    "an alias");
	BAD(HEAD "  - id: goals\n    title: !!str G\n", "t.yaml:9:12: ",
	    "tags are not allowed in budgetlab files (found '!!str')", "a !!str tag");
	BAD(HEAD "  - id: goals\n    title: !foo G\n", "t.yaml:9:12: ",
	    "tags are not allowed in budgetlab files (found '!foo')", "a local tag");
	BAD(HEAD "  - !!map {id: goals, title: G}\n", "t.yaml:8:5: ", "tags are not allowed",
	    "a tag on a mapping");
	BAD(HEAD "  - id: goals\n    title: G\n    <<: {from: 2027-01-01}\n", "t.yaml:10:5: ",
	    "unknown key '<<'", "a merge key is just an unknown key");

	/* Billion laughs: refused at the first anchor, never expanded. */
	char *lol = malloc(8192);
	size_t n = 0;
	n += (size_t)sprintf(lol + n, "budgetlab: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\","
				      "\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (char c = 'b'; c <= 'j'; c++)
		n += (size_t)sprintf(lol + n, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n",
				     c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1,
				     c - 1, c - 1);
	BAD(lol, "t.yaml:2:4: ", "anchors and aliases are not allowed", "billion laughs");
	ok(strlen(E.msg) < BL_ERR_MAX, "billion laughs: the message fits");
	free(lol);

	/* Too deep. */
	char deep[256] = "budgetlab: 1\nx: ";
	for (int i = 0; i < BL_YAML_MAX_DEPTH; i++)
		strcat(deep, "[");
	strcat(deep, "1");
	for (int i = 0; i < BL_YAML_MAX_DEPTH; i++)
		strcat(deep, "]");
	strcat(deep, "\n");
	BAD(deep, "t.yaml:2:19: ", "nested more than 16 levels deep here; expected at most 16",
	    "nesting deeper than the limit");
	/* Exactly at the limit: no nesting error (just an unknown key). */
	char at[256] = "budgetlab: 1\nx: ";
	for (int i = 0; i < BL_YAML_MAX_DEPTH - 1; i++)
		strcat(at, "[");
	for (int i = 0; i < BL_YAML_MAX_DEPTH - 1; i++)
		strcat(at, "]");
	strcat(at, "\n");
	BAD(at, "t.yaml:2:1: ", "unknown key 'x'", "nesting at the limit is only checked");
	ok(!strstr(E.msg, "nested"), "nesting at the limit is allowed");
	/* A megabyte of brackets stops at the limit, without a crash. */
	size_t big = 1024 * 1024 - 64;
	char *br = malloc(big + 1);
	memcpy(br, "x: ", 3);
	memset(br + 3, '[', big - 3);
	br[big] = '\0';
	is_int(load_as("t.yaml", br, big, NULL), -1, "a megabyte of '[' is refused");
	like(E.msg, "t.yaml:1:19: ", "at the seventeenth level");
	free(br);

	/* Too large. */
	size_t len = BL_YAML_MAX_BYTES + 1;
	char *huge = malloc(len + 1);
	memset(huge, '#', len);
	huge[0] = '#';
	huge[len] = '\0';
	is_int(load_as("t.yaml", huge, len, NULL), -1, "a file over the limit is refused");
	like(E.msg, "t.yaml: the file is 1048577 bytes; expected a phase file of at most "
		    "1048576 bytes", "and says how large it may be");
	is_int(load_as("t.yaml", huge, len - 1, NULL), -1, "a file at the limit is read");
	like(E.msg, "the file is empty", "(and is empty: only a comment)");
	free(huge);
}

static void test_many_errors(void)
{
	/* Several problems: all reported, in the order of the file. */
	BAD("budgetlab: 1\nprocess:\n  municipality: X\n  titel: T\n  language: dk\n"
	    "  budget_year: 1800\nphases:\n  - id: A\n    title: x\n  - id: b\n",
	    "t.yaml:3:3: ", "process has no 'title'", "many errors: 1");
	const char *want[] = { "t.yaml:3:3: ", "t.yaml:4:3: ", "t.yaml:5:13: ",
			       "t.yaml:6:16: ", "t.yaml:8:9: ", "t.yaml:10:5: " };
	const char *p = E.msg;
	size_t k = 0;
	for (; k < 6 && p; k++) {
		if (strncmp(p, want[k], strlen(want[k])) != 0)
			break;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	is_int(k, 6, "six problems, one a line, in file order");
	ok(p == NULL, "and nothing more");
	if (k != 6)
		diag("%s", E.msg);

	/* Many: at most 20 lines, the rest counted, within BL_ERR_MAX. */
	char *t = malloc(16384);
	size_t n = (size_t)sprintf(t, HEAD GOALS "    locks:\n");
	for (int i = 0; i < 100; i++)
		n += (size_t)sprintf(t + n, "      - nope%d\n", i);
	BAD(t, "t.yaml:11:9: ", "unknown lock 'nope0'", "a hundred problems: the first");
	int lines = 1;
	for (const char *q = E.msg; *q; q++)
		lines += *q == '\n';
	ok(lines <= 21, "at most 20 problems and a count are shown (%d lines)", lines);
	like(E.msg, "more problems are not shown", "the rest are counted");
	ok(strlen(E.msg) < BL_ERR_MAX, "within BL_ERR_MAX");
	free(t);

	/* Long file names still give whole lines. */
	char name[400];
	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	t = malloc(16384);
	n = (size_t)sprintf(t, HEAD GOALS "    checklist:\n");
	for (int i = 0; i < 30; i++)
		n += (size_t)sprintf(t + n, "      - \"\\e%d\"\n", i);
	is_int(load_as(name, t, n, NULL), -1, "errors with a long file name");
	ok(strlen(E.msg) < BL_ERR_MAX, "fit in the message");
	ok(strncmp(E.msg, name, strlen(name)) == 0, "and begin with the name");
	free(t);

	/* More than 64 phases, more than 50 checklist items. */
	t = malloc(65536);
	n = (size_t)sprintf(t, HEAD);
	for (int i = 0; i < 65; i++)
		n += (size_t)sprintf(t + n, "  - {id: p%d, title: P}\n", i);
	BAD(t, "t.yaml:72:5: ", "there are more than 64 phases; expected at most 64",
	    "65 phases");
	n = (size_t)sprintf(t, HEAD);
	for (int i = 0; i < 64; i++)
		n += (size_t)sprintf(t + n, "  - {id: p%d, title: P}\n", i);
	is_int(load(t), 0, "64 phases are fine");
	n = (size_t)sprintf(t, HEAD GOALS "    checklist:\n");
	for (int i = 0; i < 51; i++)
		n += (size_t)sprintf(t + n, "      - Punkt %d\n", i);
	BAD(t, "t.yaml:61:9: ", "has more than 50 items", "51 checklist items");
	free(t);
}

/* Every line of a message is "name:LINE:COL: ..." or the count line. */
static bool shaped(const char *msg, const char *name)
{
	size_t nl = strlen(name);
	const char *p = msg;
	if (!*p)
		return false;
	while (p) {
		int line, col, used = 0;
		if (strncmp(p, name, nl) != 0 || p[nl] != ':')
			return false;
		bool pos = sscanf(p + nl + 1, "%d:%d: %n", &line, &col, &used) == 2 && used > 0 &&
			   line >= 1 && col >= 1;
		if (!pos && !(p != msg && strstr(p, "more problems are not shown")))
			return false;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return true;
}

static void test_truncated_and_fuzz(void)
{
	size_t len;
	char *da = slurp(SRCDIR "/config/phases/danish-municipality.yaml", &len);
	if (!ok(da != NULL, "the Danish file is readable"))
		return;

	/* Cut inside a key and inside a value. */
	const char *k = strstr(da, "budget_year:");
	const char *v = strstr(da, "2026-11-02");
	is_int(load_as("da.yaml", da, (size_t)(k - da) + 4, NULL), -1, "cut inside a key");
	ok(shaped(E.msg, "da.yaml"), "a clean message (%s)", E.msg);
	is_int(load_as("da.yaml", da, (size_t)(v - da) + 6, NULL), -1,
	       "cut inside a value (a date)");
	ok(shaped(E.msg, "da.yaml"), "a clean message");
	like(E.msg, "'from': \"2026-1\" is not a date", "that says what is wrong");
	const char *qv = "budgetlab: 1\nprocess:\n  municipality: \"Egekær";
	is_int(load_as("t.yaml", qv, strlen(qv), NULL), -1, "cut inside a quoted value");
	like(E.msg, "t.yaml:3:24: YAML syntax error: found unexpected end of stream",
	     "at the end of the file");

	/* Every prefix. */
	size_t bad = 0, loaded = 0, refused = 0;
	for (size_t n = 0; n < len; n += 7) {
		bl_process_def *d = NULL;
		int r = load_as("da.yaml", da, n, &d);
		if (r == 0) {
			loaded++;
			if (!d || d->n_phases == 0)
				bad++;
		} else {
			refused++;
			if (!shaped(E.msg, "da.yaml")) {
				if (bad++ == 0)
					diag("prefix %zu: %s", n, E.msg);
			}
		}
		bl_process_def_free(d);
	}
	is_int(bad, 0, "every prefix (step 7) loads or gives file:line:col (%zu loaded, "
		       "%zu refused)", loaded, refused);

	/* Deterministic single-byte mutations. */
	static const unsigned char bytes[] = { 0x00, '\t', ':', '-', ' ', '\n', '"', '\'',
					       '[', '{', '&', '*', '!', '#', '|', '>',
					       0xC3, 0xFF, 0x80, 'x', '0', '%', '@', ',' };
	char *m = malloc(len + 1);
	uint64_t s = 0x2545F4914F6CDD1DULL;
	bad = loaded = refused = 0;
	for (int i = 0; i < 400; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		memcpy(m, da, len);
		size_t at = (size_t)(s % len);
		unsigned char b = (s >> 32) % 4 == 0 ? (unsigned char)(s >> 40)
						     : bytes[(s >> 20) % sizeof bytes];
		m[at] = (char)b;
		bl_process_def *d = NULL;
		if (load_as("da.yaml", m, len, &d) == 0) {
			loaded++;
		} else {
			refused++;
			if (!shaped(E.msg, "da.yaml") && bad++ == 0)
				diag("mutation %d (byte 0x%02x at %zu): %s", i, b, at, E.msg);
		}
		bl_process_def_free(d);
	}
	is_int(bad, 0, "400 mutations load or give file:line:col (%zu loaded, %zu refused)",
	       loaded, refused);
	ok(refused > 100, "most mutations are refused");
	free(m);
	free(da);
}

static const char *const da_ids[] = { "goals", "labs", "proposal", "first_reading",
				      "hearing", "amendments", "second_reading",
				      "adopted", "pools", "follow_up" };

static int gate_index(const bl_phase *p, const char *name)
{
	for (size_t i = 0; i < p->n_gates; i++)
		if (strcmp(p->gates[i].kind->name, name) == 0)
			return (int)i;
	return -1;
}

static void test_shipped(void)
{
	bl_process_def *d = NULL;
	char *text = NULL;
	const char *path = SRCDIR "/config/phases/danish-municipality.yaml";
	is_int(bl_config_load_file(path, &d, &text, &E), 0, "the Danish phase file loads");
	if (!d) {
		diag("%s", E.msg);
	} else {
		size_t len;
		char *raw = slurp(path, &len);
		ok(text && raw && strcmp(text, raw) == 0, "text_out is the file's content");
		free(raw);
		is_int(d->lang, BL_LANG_DA, "da");
		is_str(d->currency, "DKK", "DKK");
		is_str(d->municipality, "Eksempel Kommune", "Eksempel Kommune");
		is_str(d->title, "Budget 2028–2031", "title");
		is_int(d->budget_year, 2028, "2028");
		is_int(d->outline_years, 3, "three outline years");
		is_int(d->n_phases, 10, "ten phases");
		for (size_t i = 0; i < 10 && i < d->n_phases; i++) {
			const bl_phase *p = &d->phases[i];
			is_str(p->id, da_ids[i], "phase %zu is %s", i + 1, da_ids[i]);
			ok(p->guidance && strlen(p->guidance) > 200,
			   "%s has guidance of several sentences", p->id);
			ok(p->n_checklist >= 2 && p->n_checklist <= 5, "%s has 2-5 checklist items",
			   p->id);
			ok(p->has_window, "%s has a window", p->id);
		}
		if (d->n_phases == 10) {
			const bl_phase *p = d->phases;
			char a[11], b[11];
			bl_date_format(p[0].from, a);
			bl_date_format(p[9].to, b);
			is_str(a, "2026-11-02", "the cycle begins on 2026-11-02");
			is_str(b, "2028-12-31", "and ends with 2028");
			is_str(p[0].title, "Mål før økonomi", "goals before economy");
			is_int(p[0].locks, BL_LOCK_AMOUNTS, "goals locks amounts");
			int g = gate_index(&p[0], "every_area_has_agreed_goal");
			ok(g >= 0 && p[0].gates[g].args[0].i == 1, "every_area_has_agreed_goal level 1");
			ok(gate_index(&p[1], "min_participants") >= 0 &&
				   gate_index(&p[1], "participants_represent") >= 0,
			   "labs: the process's own goals, broad and representative involvement");
			ok(gate_index(&p[0], "checklist_complete") >= 0, "goals: checklist_complete");
			ok(gate_index(&p[1], "checklist_complete") >= 0, "labs: checklist_complete");
			g = gate_index(&p[2], "version_has_amounts");
			ok(g >= 0 && strcmp(p[2].gates[g].args[0].s, "proposal") == 0,
			   "proposal: version_has_amounts proposal");
			ok(gate_index(&p[2], "budget_balances") >= 0, "proposal: budget_balances");
			is_str(p[3].title, "1. behandling", "first reading");
			g = gate_index(&p[4], "min_days_since");
			ok(g >= 0 && strcmp(p[4].gates[g].args[0].s, "hearing") == 0 &&
				   p[4].gates[g].args[1].i == 14,
			   "hearing: at least 14 days");
			g = gate_index(&p[5], "min_days_since");
			ok(g >= 0 && strcmp(p[5].gates[g].args[0].s, "first_reading") == 0 &&
				   p[5].gates[g].args[1].i == 21,
			   "amendments: three weeks after the first reading");
			ok(gate_index(&p[6], "balances_or_deficit_accepted") >= 0 &&
				   gate_index(&p[6], "every_amendment_decided") >= 0,
			   "second reading: the adopted version balances and every amendment is decided");
			ok(p[6].to < bl_date_from_ymd(2027, 10, 16),
			   "the budget is adopted by 15 October");
			ok(p[6].from - p[3].from >= 21, "three weeks between the readings");
			is_int(p[7].locks, BL_LOCK_AMOUNTS | BL_LOCK_LINES, "adopted locks");
			is_str(p[8].title, "Udviklingspuljer", "development pools");
			is_int(p[9].locks, BL_LOCK_AMOUNTS | BL_LOCK_LINES, "follow-up locks");
		}
	}
	bl_process_def_free(d);
	free(text);

	/* The same file with Windows line ends. */
	size_t len;
	char *raw = slurp(path, &len);
	char *crlf = raw ? malloc(2 * len + 1) : NULL;
	size_t n = 0;
	for (size_t i = 0; crlf && i < len; i++) {
		if (raw[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = raw[i];
	}
	d = NULL;
	is_int(crlf ? load_as("crlf.yaml", crlf, n, &d) : -1, 0, "with CRLF line ends");
	if (d) {
		is_int(d->n_phases, 10, "all ten phases");
		ok(!strchr(d->phases[0].guidance, '\r'), "no CR in the guidance");
		ok(!strchr(d->phases[0].checklist[0], '\r'), "nor in the checklist");
	} else {
		diag("%s", E.msg);
	}
	bl_process_def_free(d);
	free(crlf);
	free(raw);

	d = NULL;
	path = SRCDIR "/config/phases/norwegian-municipality.yaml";
	is_int(bl_config_load_file(path, &d, NULL, &E), 0, "the Norwegian phase file loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	is_int(d->lang, BL_LANG_NB, "nb");
	is_str(d->currency, "NOK", "NOK");
	is_str(d->municipality, "Eksempel kommune", "Eksempel kommune");
	like(d->title, "Økonomiplan 2028–2031", "an economic plan");
	int insp = bl_process_phase_index(d, "offentlig_ettersyn");
	ok(insp > 0, "a public inspection phase");
	if (insp > 0) {
		const bl_phase *p = &d->phases[insp];
		int g = gate_index(p, "min_days_since");
		ok(g >= 0 && strcmp(p->gates[g].args[0].s, p->id) == 0 &&
			   p->gates[g].args[1].i == 14,
		   "at least 14 days of public inspection");
		ok(bl_process_phase_index(d, "formannskapets_innstilling") == insp - 1,
		   "after the executive committee's recommendation");
		ok(bl_process_phase_index(d, "kommunestyret_vedtar") == insp + 1,
		   "before the council adopts");
	}
	ok(bl_process_phase_index(d, "goals") == 0, "goals first");
	ok(bl_process_phase_index(d, "innbyggerlab") == 1, "then the citizens' lab");
	ok(bl_process_phase_index(d, "kommunedirektorens_forslag") == 2,
	   "then the chief executive's proposal");
	ok(bl_process_phase_index(d, "utviklingsmidler") > insp, "development funds");
	ok(bl_process_phase_index(d, "oppfolging") == (int)d->n_phases - 1, "follow-up last");
	for (size_t i = 0; i < d->n_phases; i++) {
		const bl_phase *p = &d->phases[i];
		ok(p->guidance && strlen(p->guidance) > 200 && p->n_checklist >= 2 &&
			   p->n_checklist <= 5 && p->has_window,
		   "%s: guidance, 2-5 checklist items, a window", p->id);
	}
	bl_process_def_free(d);
}

/* ---- the labs: section ---- */

/* A valid file, then "labs:" at line 10; the section's lines from 11. */
#define LABS HEAD GOALS "labs:\n"
/* A category "age" (line 11: "  categories:", 12: "    - key: age",
 * 13: "      values:"), its values from line 14. */
#define CAT LABS "  categories:\n    - key: age\n      values:\n"
/* A ballot list (line 11: "  ballots:"), its ballots from line 12. */
#define BALLOTS LABS "  ballots:\n"

static void test_labs_valid(void)
{
	bl_process_def *d = NULL;
	const char *t = LABS
		"  under_represented_below: 75.5%\n"
		"  rule: mes_cost_add1_greedy\n"
		"  tie_break: id-number\n"
		"  categories:\n"
		"    - key: age\n"
		"      name: Alder\n"
		"      required: true\n"
		"      values:\n"
		"        - {key: \"15-29\", name: 15–29 år, target: 20%}\n"
		"        - {key: 30_49, target: 33.33%}\n"
		"        - key: 65plus\n"
		"          name: 65 år og derover\n"
		"          target: 46.67%\n"
		"        - {key: ukendt, name: Ønsker ikke at oplyse, target: ~}\n"
		"    - key: district\n"
		"      values: [{key: nord}, {key: syd, target: 0%}]\n"
		"  ballots:\n"
		"    - key: approval\n"
		"      name: Godkendelse\n"
		"      type: approval\n"
		"      min: 1\n"
		"      max: 5\n"
		"      budget_limit: true\n"
		"    - {key: dots, type: cumulative, points: 10, max_per_idea: 3, all_points: true}\n"
		"    - {key: rank, type: ranking, min: 0, max: 0}\n"
		"    - {key: plain, type: approval}\n";
	is_int(load_as("t.yaml", t, strlen(t), &d), 0, "a labs section with every key loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	const bl_lab_def *l = &d->lab;
	is_int(l->under, 7550, "under_represented_below 75.5%%");
	is_str(l->rule, "mes_cost_add1_greedy", "rule");
	is_str(l->tie_break, "id-number", "tie_break");
	is_int(l->n_categories, 2, "two categories");
	if (l->n_categories == 2) {
		const bl_category *c = &l->categories[0];
		is_str(c->key, "age", "category key");
		is_str(c->name, "Alder", "category name");
		ok(c->required, "required: true");
		is_int(c->n_values, 4, "four values");
		if (c->n_values == 4) {
			is_str(c->values[0].key, "15-29", "a quoted value key with a dash");
			is_str(c->values[0].name, "15–29 år", "its name");
			is_int(c->values[0].target, 2000, "target 20%%");
			is_str(c->values[1].key, "30_49", "a key that starts with a digit");
			is_str(c->values[1].name, "30_49", "the name defaults to the key");
			is_int(c->values[1].target, 3333, "33.33%%");
			is_int(c->values[2].target, 4667, "46.67%% (in all 100%%)");
			is_str(c->values[2].name, "65 år og derover", "block style");
			is_int(c->values[3].target, BL_NO_TARGET, "target: ~ is no target");
		}
		is_int(bl_lab_value(c, "65plus"), 2, "lookup by key");
		c = &l->categories[1];
		is_str(c->name, "district", "a category's name defaults to its key");
		ok(!c->required, "required defaults to false");
		is_int(c->n_values, 2, "flow-style values");
		if (c->n_values == 2) {
			is_int(c->values[0].target, BL_NO_TARGET, "no target given");
			is_int(c->values[1].target, 0, "target 0%%");
		}
	}
	is_int(bl_lab_category(l, "district"), 1, "category lookup");
	is_int(l->n_ballot_types, 4, "four ballot types");
	if (l->n_ballot_types == 4) {
		const bl_ballot_type *b = l->ballot_types;
		is_str(b[0].key, "approval", "approval key");
		is_str(b[0].name, "Godkendelse", "approval name");
		is_int(b[0].kind, BL_BALLOT_APPROVAL, "approval kind");
		ok(b[0].min == 1 && b[0].max == 5 && b[0].budget_limit, "min 1, max 5, budget_limit");
		is_int(b[0].lang, BL_LANG_DA, "the ballot type has the process's language");
		is_int(b[1].kind, BL_BALLOT_CUMULATIVE, "cumulative");
		ok(b[1].points == 10 && b[1].max_per_idea == 3 && b[1].all_points,
		   "points 10, max_per_idea 3, all_points");
		is_str(b[1].name, "dots", "a ballot's name defaults to its key");
		is_int(b[2].kind, BL_BALLOT_RANKING, "ranking");
		ok(b[2].min == 0 && b[2].max == 0, "min 0, max 0 (no limit)");
		ok(b[3].min == 1 && b[3].max == 0 && !b[3].budget_limit,
		   "defaults: min 1, no max, no budget limit");
	}
	is_int(bl_lab_ballot_type(l, "rank"), 2, "ballot type lookup");
	bl_process_def_free(d);

	/* No labs section, or an empty one: the defaults. */
	const char *none[] = { HEAD GOALS, LABS, LABS "  categories:\n  ballots: []\n",
			       HEAD GOALS "labs: {}\n" };
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		d = NULL;
		is_int(load_as("t.yaml", none[i], strlen(none[i]), &d), 0, "empty labs %zu loads",
		       i);
		if (!d)
			continue;
		ok(d->lab.n_categories == 0 && d->lab.n_ballot_types == 0 &&
			   d->lab.under == 8000 && d->lab.rule &&
			   strcmp(d->lab.rule, "greedy_cost") == 0 && d->lab.tie_break &&
			   strcmp(d->lab.tie_break, "id") == 0,
		   "empty labs %zu: under 8000, greedy_cost, id", i);
		bl_process_def_free(d);
	}
	/* The language reaches the ballot types. */
	const char *nb = "budgetlab: 1\nprocess: {municipality: X, title: T, language: nb, "
			 "budget_year: 2028}\nphases: [{id: a, title: A}]\n"
			 "labs: {ballots: [{key: a, type: approval}]}\n";
	d = NULL;
	is_int(load_as("t.yaml", nb, strlen(nb), &d), 0, "nb with a ballot");
	if (d && d->lab.n_ballot_types == 1)
		is_int(d->lab.ballot_types[0].lang, BL_LANG_NB, "the ballot type is nb");
	bl_process_def_free(d);
	/* Every rule name, and greedy_cost_noskip. */
	static const char *const rules[] = {
		"greedy_cost", "greedy_cost_noskip", "greedy_card", "phragmen", "mes_cost",
		"mes_card", "mes_cost_greedy", "mes_card_greedy", "mes_cost_add1",
		"mes_card_add1", "mes_cost_add1_greedy", "mes_card_add1_greedy",
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, LABS "  rule: %s\n", rules[i]);
		d = NULL;
		if (load_as("t.yaml", buf, strlen(buf), &d) != 0 ||
		    strcmp(d->lab.rule, rules[i])) {
			bad++;
			diag("rule %s: %s", rules[i], E.msg);
		}
		bl_process_def_free(d);
	}
	is_int(bad, 0, "every winner rule is accepted");
	static const char *const ties[] = { "id", "id-number", "cheaper", "votes" };
	bad = 0;
	for (size_t i = 0; i < 4; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, LABS "  tie_break: %s\n", ties[i]);
		d = NULL;
		if (load_as("t.yaml", buf, strlen(buf), &d) != 0 ||
		    strcmp(d->lab.tie_break, ties[i])) {
			bad++;
			diag("tie_break %s: %s", ties[i], E.msg);
		}
		bl_process_def_free(d);
	}
	is_int(bad, 0, "every tie-break is accepted");
}

static void test_labs_garbage(void)
{
	/* The section and its own keys. */
	BAD(HEAD GOALS "labs: []\n", "t.yaml:10:7: ", "'labs' is a list; expected a mapping",
	    "labs as a list");
	BAD(HEAD GOALS "labs: yes\n", "t.yaml:10:7: ", "'labs' is text; expected a mapping",
	    "labs as text");
	BAD(HEAD GOALS "lab:\n", "t.yaml:10:1: ",
	    "unknown key 'lab' at the top level; did you mean 'labs'?", "lab for labs");
	BAD(LABS "  rules: greedy_cost\n", "t.yaml:11:3: ",
	    "unknown key 'rules' in labs; did you mean 'rule'?", "an unknown key in labs");
	BAD(LABS "  colour: red\n", "t.yaml:11:3: ",
	    "unknown key 'colour' in labs; expected one of: under_represented_below, rule, "
	    "tie_break, categories, ballots", "an unknown key in labs, no suggestion");
	BAD(LABS "  rule: phragmen\n  rule: phragmen\n", "t.yaml:12:3: ",
	    "duplicate key 'rule' in labs, already given at line 11", "a duplicate key in labs");
	BAD(HEAD GOALS "labs:\n  rule: phragmen\nlabs:\n", "t.yaml:12:1: ",
	    "duplicate key 'labs' at the top level", "labs twice");

	/* under_represented_below: percentages only. */
	BAD(LABS "  under_represented_below: 80\n", "t.yaml:11:28: ",
	    "'under_represented_below': '80' has no '%' sign; expected a percentage such as 80%",
	    "under: 80");
	BAD(LABS "  under_represented_below: 0.8\n", "t.yaml:11:28: ",
	    "'0.8' has no '%' sign; expected a percentage such as 80% (a share is written as "
	    "a percentage: 80%, not 0.8)", "under: 0.8");
	BAD(LABS "  under_represented_below: 0.125\n", "t.yaml:11:28: ",
	    "'0.125' has no '%' sign; expected a percentage such as 12.5% (a share is written "
	    "as a percentage: 12.5%, not 0.125)", "under: 0.125");
	BAD(LABS "  under_represented_below: 0.05\n", "t.yaml:11:28: ",
	    "expected a percentage such as 5% (a share is written as a percentage: 5%, not "
	    "0.05)", "under: 0.05");
	BAD(LABS "  under_represented_below: 0.000001\n", "t.yaml:11:28: ",
	    "expected a percentage such as 20% (a share is written as a percentage: 20%, not "
	    "0.2)", "under: 0.000001");
	BAD(LABS "  under_represented_below: 101%\n", "t.yaml:11:28: ",
	    "'101%' is more than 100%; expected a percentage from 0% to 100%", "under: 101%");
	BAD(LABS "  under_represented_below: 12.345%\n", "t.yaml:11:28: ",
	    "'12.345%' has more than two decimals", "under: 12.345%");
	BAD(LABS "  under_represented_below: -1%\n", "t.yaml:11:28: ", "'-1%' is negative",
	    "under: -1%");
	BAD(LABS "  under_represented_below: abc\n", "t.yaml:11:28: ",
	    "'abc' is not a percentage; expected a percentage from 0% to 100% with at most "
	    "two decimals, e.g. 12.5%", "under: abc");
	BAD(LABS "  under_represented_below: \"%\"\n", "t.yaml:11:28: ", "'%' is not a percentage",
	    "under: %");
	BAD(LABS "  under_represented_below: 99999999999999999999999%\n", "t.yaml:11:28: ",
	    "is more than 100%", "under: a huge percentage");
	BAD(LABS "  under_represented_below: [80%]\n", "t.yaml:11:28: ",
	    "'under_represented_below' is a list; expected a percentage such as 12.5%",
	    "under: a list");
	BAD(LABS "  under_represented_below: true\n", "t.yaml:11:28: ",
	    "is a boolean; expected a percentage", "under: a boolean");

	/* rule and tie_break. */
	BAD(LABS "  rule: greedy_cots\n", "t.yaml:11:9: ",
	    "'rule': 'greedy_cots' is not a winner rule; did you mean 'greedy_cost'? expected "
	    "one of: greedy_cost, greedy_card, phragmen,", "a misspelt rule");
	BAD(LABS "  rule: random_dictator\n", "t.yaml:11:9: ",
	    "'rule': 'random_dictator' is not a winner rule; expected one of: greedy_cost",
	    "an unknown rule");
	BAD(LABS "  rule: [greedy_cost]\n", "t.yaml:11:9: ", "'rule' is a list; expected one of:",
	    "rule: a list");
	BAD(LABS "  rule: GREEDY_COST\n", "t.yaml:11:9: ", "is not a winner rule",
	    "rule names are lower case");
	BAD(LABS "  tie_break: idd\n", "t.yaml:11:14: ",
	    "'tie_break': 'idd' is not a tie-break; did you mean 'id'? expected one of: id, "
	    "id-number, cheaper, votes", "a misspelt tie-break");
	BAD(LABS "  tie_break: false\n", "t.yaml:11:14: ",
	    "'tie_break' is a boolean; expected one of: id, id-number, cheaper, votes",
	    "tie_break: a boolean");

	/* categories. */
	BAD(LABS "  categories: age\n", "t.yaml:11:15: ",
	    "'categories' is text; expected a list of categories", "categories: text");
	BAD(LABS "  categories: {key: age}\n", "t.yaml:11:15: ",
	    "'categories' is a mapping; expected a list of categories", "categories: a mapping");
	BAD(LABS "  categories:\n    - age\n", "t.yaml:12:7: ",
	    "category 1 is text; expected a mapping with a key and values", "a category as text");
	BAD(LABS "  categories:\n    - {name: Alder, values: [{key: a}]}\n", "t.yaml:12:7: ",
	    "category 1 has no 'key'; expected key: NAME", "a category without a key");
	BAD(LABS "  categories:\n    - {key: age}\n", "t.yaml:12:7: ",
	    "category 1 has no 'values'; expected values: a list of values", "no values");
	BAD(CAT, "t.yaml:13:7: ", "'values' of category 1 is empty; expected at least one value",
	    "values: with nothing");
	BAD(LABS "  categories:\n    - {key: age, values: []}\n", "t.yaml:12:26: ",
	    "'values' of category 1 is empty", "values: []");
	BAD(LABS "  categories:\n    - {key: age, values: young}\n", "t.yaml:12:26: ",
	    "'values' of category 1 is text; expected a list of values", "values: text");
	BAD(LABS "  categories:\n    - {key: age, nmae: Alder, values: [{key: a}]}\n",
	    "t.yaml:12:18: ", "unknown key 'nmae' in category 1; did you mean 'name'?",
	    "a misspelt category key");
	BAD(LABS "  categories:\n    - {key: age, key: alder, values: [{key: a}]}\n",
	    "t.yaml:12:18: ", "duplicate key 'key' in category 1, already given at line 12",
	    "key twice in a category");
	BAD(LABS "  categories:\n    - {key: Age, values: [{key: a}]}\n", "t.yaml:12:13: ",
	    "'key' of category 1: 'Age' is not a valid key; expected lower-case letters a-z, "
	    "digits and '_', starting with a letter, e.g. age", "a category key in capitals");
	BAD(LABS "  categories:\n    - {key: \"15-29\", values: [{key: a}]}\n", "t.yaml:12:13: ",
	    "'15-29' is not a valid key", "a category key with a dash");
	BAD(LABS "  categories:\n    - {key: køn, values: [{key: a}]}\n", "t.yaml:12:13: ",
	    "'køn' is not a valid key", "a category key with ø");
	BAD(LABS "  categories:\n    - {key: abcdefghijklmnopqrstuvwxyz_abcdefg, values: [{key: a}]}\n",
	    "t.yaml:12:13: ", "is longer than 32 characters", "a long category key");
	BAD(LABS "  categories:\n    - {key: true, values: [{key: a}]}\n", "t.yaml:12:13: ",
	    "'key' of category 1 is a boolean (true)", "a boolean category key");
	BAD(LABS "  categories:\n    - {key: age, values: [{key: a}]}\n"
	    "    - {key: age, values: [{key: b}]}\n", "t.yaml:13:13: ",
	    "category key 'age' is already used at line 12; expected a different key for each "
	    "category", "a category key twice");
	BAD(LABS "  categories:\n    - {key: age, required: yes, values: [{key: a}]}\n",
	    "t.yaml:12:28: ", "'required' of category 1 is text ('yes'); expected true or false",
	    "required: yes");
	BAD(LABS "  categories:\n    - {key: age, required: [true], values: [{key: a}]}\n",
	    "t.yaml:12:28: ", "'required' of category 1 is a list; expected true or false",
	    "required: a list");
	BAD(LABS "  categories:\n    - {key: age, name: [A], values: [{key: a}]}\n",
	    "t.yaml:12:24: ", "'name' of category 1 is a list; expected name: TEXT",
	    "a category name as a list");

	/* values. */
	BAD(CAT "        - young\n", "t.yaml:14:11: ",
	    "value 1 of category 1 is text; expected a mapping with a key", "a value as text");
	BAD(CAT "        - {name: Ung}\n", "t.yaml:14:11: ",
	    "value 1 of category 1 has no 'key'; expected key: NAME", "a value without a key");
	BAD(CAT "        - {key: a, taget: 20%}\n", "t.yaml:14:20: ",
	    "unknown key 'taget' in value 1 of category 1; did you mean 'target'?",
	    "a misspelt value key");
	BAD(CAT "        - {key: a, target: 10%, target: 20%}\n", "t.yaml:14:33: ",
	    "duplicate key 'target' in value 1 of category 1, already given at line 14",
	    "target twice");
	BAD(CAT "        - {key: \"15 29\"}\n", "t.yaml:14:17: ",
	    "'key' of value 1 of category 1: '15 29' is not a valid key; expected lower-case "
	    "letters a-z, digits, '_' and '-', starting with a letter or a digit",
	    "a value key with a space");
	BAD(CAT "        - {key: -young}\n", "t.yaml:14:17: ", "'-young' is not a valid key",
	    "a value key starting with a dash");
	BAD(CAT "        - {key: \"\"}\n", "t.yaml:14:17: ",
	    "'key' of value 1 of category 1 is empty", "an empty value key");
	BAD(CAT "        - {key: a}\n        - {key: b}\n        - {key: a}\n", "t.yaml:16:17: ",
	    "value key 'a' is already used in category 1 at line 14; expected a different key "
	    "for each value", "a value key twice");
	BAD(CAT "        - {key: a, target: 20}\n", "t.yaml:14:28: ",
	    "'target' of value 1 of category 1: '20' has no '%' sign; expected a percentage "
	    "such as 20%", "target: 20");
	BAD(CAT "        - {key: a, target: 0.2}\n", "t.yaml:14:28: ",
	    "'0.2' has no '%' sign; expected a percentage such as 20% (a share is written as a "
	    "percentage: 20%, not 0.2)", "target: 0.2");
	BAD(CAT "        - {key: a, target: 120%}\n", "t.yaml:14:28: ",
	    "'target' of value 1 of category 1: '120%' is more than 100%", "target: 120%");
	BAD(CAT "        - {key: a, target: 12.345%}\n", "t.yaml:14:28: ",
	    "'12.345%' has more than two decimals", "target: 12.345%");
	BAD(CAT "        - {key: a, target: -5%}\n", "t.yaml:14:28: ", "'-5%' is negative",
	    "target: -5%");
	BAD(CAT "        - {key: a, target: \"%\"}\n", "t.yaml:14:28: ", "'%' is not a percentage",
	    "target: %");
	BAD(CAT "        - {key: a, target: twenty%}\n", "t.yaml:14:28: ",
	    "'twenty%' is not a percentage", "target: twenty%");
	BAD(CAT "        - {key: a, target: 4294967297%}\n", "t.yaml:14:28: ",
	    "'4294967297%' is more than 100%", "target: beyond 32 bits");
	BAD(CAT "        - {key: a, target: [20%]}\n", "t.yaml:14:28: ",
	    "'target' of value 1 of category 1 is a list; expected a percentage",
	    "target: a list");
	BAD(CAT "        - {key: a, target: 60%}\n        - {key: b}\n"
		"        - {key: c, target: 40.01%}\n        - {key: d, target: 10%}\n",
	    "t.yaml:16:28: ",
	    "the targets of category 1 add up to 100,01 % with this one; expected at most "
	    "100 % in all", "targets over 100%");
	ok(!strstr(E.msg, "t.yaml:17:"), "the sum is reported once");
	is_int(load(CAT "        - {key: a, target: 60%}\n        - {key: b, target: 40%}\n"), 0,
	       "targets of exactly 100%% load");

	/* ballots. */
	BAD(LABS "  ballots: approval\n", "t.yaml:11:12: ",
	    "'ballots' is text; expected a list of ballot types", "ballots: text");
	BAD(BALLOTS "    - approval\n", "t.yaml:12:7: ",
	    "ballot 1 is text; expected a mapping with a key and a type", "a ballot as text");
	BAD(BALLOTS "    - {type: approval}\n", "t.yaml:12:7: ",
	    "ballot 1 has no 'key'; expected key: NAME", "a ballot without a key");
	BAD(BALLOTS "    - {key: a}\n", "t.yaml:12:7: ",
	    "ballot 1 has no 'type'; expected type: approval, cumulative or ranking",
	    "a ballot without a type");
	BAD(BALLOTS "    - {key: a, type: approvl}\n", "t.yaml:12:22: ",
	    "'type' of ballot 1: 'approvl' is not a ballot type; did you mean 'approval'? "
	    "expected one of: approval, cumulative, ranking", "a misspelt type");
	BAD(BALLOTS "    - {key: a, type: score}\n", "t.yaml:12:22: ",
	    "'score' is not a ballot type; expected one of: approval, cumulative, ranking",
	    "an unknown type");
	BAD(BALLOTS "    - {key: a, type: }\n", "t.yaml:12:16: ",
	    "'type' of ballot 1 is empty; expected type: approval, cumulative or ranking",
	    "an empty type");
	BAD(BALLOTS "    - {key: a, type: approval, typ: x}\n", "t.yaml:12:32: ",
	    "unknown key 'typ' in ballot 1; did you mean 'type'?", "a misspelt ballot key");
	BAD(BALLOTS "    - {key: a, type: approval, max: 3, max: 4}\n", "t.yaml:12:40: ",
	    "duplicate key 'max' in ballot 1, already given at line 12", "max twice");
	BAD(BALLOTS "    - {key: Approval, type: approval}\n", "t.yaml:12:13: ",
	    "'key' of ballot 1: 'Approval' is not a valid key; expected lower-case letters a-z, "
	    "digits and '_', starting with a letter, e.g. approval", "a ballot key in capitals");
	BAD(BALLOTS "    - {key: a, type: approval}\n    - {key: b, type: ranking}\n"
		    "    - {key: a, type: cumulative, points: 5}\n", "t.yaml:14:13: ",
	    "ballot key 'a' is already used at line 12; expected a different key for each "
	    "ballot", "a ballot key twice");
	BAD(BALLOTS "    - {key: a, type: approval, points: 10}\n", "t.yaml:12:32: ",
	    "'points' is not an option of an approval ballot (ballot 1); expected only key, "
	    "name, type and min, max, budget_limit", "points on approval");
	BAD(BALLOTS "    - {key: a, type: approval, all_points: true}\n", "t.yaml:12:32: ",
	    "'all_points' is not an option of an approval ballot", "all_points on approval");
	BAD(BALLOTS "    - {key: a, type: ranking, budget_limit: true}\n", "t.yaml:12:31: ",
	    "'budget_limit' is not an option of a ranking ballot (ballot 1); expected only key, "
	    "name, type and min, max", "budget_limit on ranking");
	BAD(BALLOTS "    - {key: a, type: ranking, max_per_idea: 2}\n", "t.yaml:12:31: ",
	    "'max_per_idea' is not an option of a ranking ballot", "max_per_idea on ranking");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, min: 1}\n", "t.yaml:12:46: ",
	    "'min' is not an option of a cumulative ballot (ballot 1); expected only key, name, "
	    "type and points, max_per_idea, all_points", "min on cumulative");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, budget_limit: false}\n",
	    "t.yaml:12:46: ", "'budget_limit' is not an option of a cumulative ballot",
	    "budget_limit on cumulative");
	BAD(BALLOTS "    - {key: a, type: approval, min: 6, max: 5}\n", "t.yaml:12:37: ",
	    "ballot 1 has min: 6 and max: 5; expected min at most max", "min > max");
	is_int(load(BALLOTS "    - {key: a, type: approval, min: 6, max: 0}\n"), 0,
	       "min 6 with max 0 (no limit) loads");
	is_int(load(BALLOTS "    - {key: a, type: ranking, min: 3, max: 3}\n"), 0,
	       "min = max loads");
	BAD(BALLOTS "    - {key: a, type: approval, min: -1}\n", "t.yaml:12:37: ",
	    "'min' of ballot 1: -1 is out of range; expected an integer from 0 to 1000",
	    "min: -1");
	BAD(BALLOTS "    - {key: a, type: approval, max: 99999999999}\n", "t.yaml:12:37: ",
	    "'max' of ballot 1: 99999999999 is out of range; expected an integer from 0 to "
	    "1000", "max beyond int");
	BAD(BALLOTS "    - {key: a, type: approval, max: 99999999999999999999}\n", "t.yaml:12:37: ",
	    "'max' of ballot 1: 99999999999999999999 is out of range (beyond 64-bit integers)",
	    "max beyond 64 bits");
	BAD(BALLOTS "    - {key: a, type: approval, max: \"5\"}\n", "t.yaml:12:37: ",
	    "'max' of ballot 1 is quoted text", "max quoted");
	BAD(BALLOTS "    - {key: a, type: approval, max: five}\n", "t.yaml:12:37: ",
	    "'max' of ballot 1: 'five' is not an integer", "max: five");
	BAD(BALLOTS "    - {key: a, type: approval, max: 2.5}\n", "t.yaml:12:37: ",
	    "'2.5' is not an integer", "max: 2.5");
	BAD(BALLOTS "    - {key: a, type: approval, budget_limit: 1}\n", "t.yaml:12:46: ",
	    "'budget_limit' of ballot 1 is text ('1'); expected true or false", "budget_limit: 1");
	BAD(BALLOTS "    - {key: a, type: cumulative}\n", "t.yaml:12:7: ",
	    "ballot 1 is cumulative but has no points; expected points: the points each "
	    "participant has, an integer from 1 to 1000", "cumulative without points");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: }\n", "t.yaml:12:34: ",
	    "ballot 1 is cumulative but has no points", "points: with nothing");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 0}\n", "t.yaml:12:42: ",
	    "'points' of ballot 1: 0 is out of range; expected an integer from 1 to 1000",
	    "points: 0");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: -10}\n", "t.yaml:12:42: ",
	    "'points' of ballot 1: -10 is out of range", "points: -10");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 4294967306}\n", "t.yaml:12:42: ",
	    "'points' of ballot 1: 4294967306 is out of range", "points that wrap in 32 bits");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 18446744073709551626}\n",
	    "t.yaml:12:42: ", "out of range (beyond 64-bit integers)", "points beyond 64 bits");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, max_per_idea: 11}\n",
	    "t.yaml:12:60: ",
	    "'max_per_idea' of ballot 1: 11 is more than the 10 points a participant has; "
	    "expected at most 10 (0 is no limit)", "max_per_idea > points");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, max_per_idea: -1}\n",
	    "t.yaml:12:60: ", "'max_per_idea' of ballot 1: -1 is out of range",
	    "max_per_idea: -1");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, all_points: [true]}\n",
	    "t.yaml:12:58: ", "'all_points' of ballot 1 is a list; expected true or false",
	    "all_points: a list");
	BAD(BALLOTS "    - {key: a, type: cumulative, points: 10, all_points: \"true\"}\n",
	    "t.yaml:12:58: ", "'all_points' of ballot 1 is text ('true'); expected true or false",
	    "all_points quoted");

	/* Several problems at once: every one is reported. */
	BAD(LABS "  rule: x\n  tie_break: y\n  categories:\n    - {key: A, values: []}\n"
		 "  ballots:\n    - {key: b, type: approval, points: 3}\n",
	    "t.yaml:11:9: ", "'x' is not a winner rule", "many problems: the rule");
	tu_has_line(E.msg, "t.yaml:12:14: ", "'y' is not a tie-break", "the tie-break");
	tu_has_line(E.msg, "t.yaml:14:13: ", "'A' is not a valid key", "the category key");
	tu_has_line(E.msg, "t.yaml:14:24: ", "'values' of category 1 is empty", "the values");
	tu_has_line(E.msg, "t.yaml:16:32: ", "'points' is not an option", "the ballot");

	/* Limits. */
	char *t = malloc(65536);
	size_t n = (size_t)sprintf(t, "%s", CAT);
	for (int i = 0; i < 65; i++)
		n += (size_t)sprintf(t + n, "        - {key: v%d}\n", i);
	BAD(t, "t.yaml:78:11: ", "category 1 has more than 64 values; expected at most 64",
	    "65 values");
	n = (size_t)sprintf(t, "%s", LABS "  categories:\n");
	for (int i = 0; i < 17; i++)
		n += (size_t)sprintf(t + n, "    - {key: c%d, values: [{key: a}]}\n", i);
	BAD(t, "t.yaml:28:7: ", "there are more than 16 categories; expected at most 16",
	    "17 categories");
	n = (size_t)sprintf(t, "%s", BALLOTS);
	for (int i = 0; i < 17; i++)
		n += (size_t)sprintf(t + n, "    - {key: b%d, type: approval}\n", i);
	BAD(t, "t.yaml:28:7: ", "there are more than 16 ballots; expected at most 16",
	    "17 ballots");
	free(t);
}

/* The shipped files' labs sections: realistic, complete. */
static void test_shipped_labs(void)
{
	static const char *const files[] = { "danish-municipality.yaml",
					     "norwegian-municipality.yaml" };
	static const char *const first_cat[] = { "alder", "alder" };
	static const char *const ballot_keys[][3] = { { "godkendelse", "prikker", "rangering" },
						      { "godkjenning", "prikker", "rangering" } };
	for (int f = 0; f < 2; f++) {
		char path[512];
		bl_process_def *d = NULL;
		snprintf(path, sizeof path, SRCDIR "/config/phases/%s", files[f]);
		is_int(bl_config_load_file(path, &d, NULL, &E), 0, "%s loads with labs", files[f]);
		if (!d) {
			diag("%s", E.msg);
			continue;
		}
		const bl_lab_def *l = &d->lab;
		is_int(l->under, 8000, "%s: under-represented below 80%%", files[f]);
		is_str(l->rule, "greedy_cost", "%s: greedy_cost", files[f]);
		is_str(l->tie_break, "id-number", "%s: tie-break by the ideas' numbers", files[f]);
		ok(l->n_categories >= 4, "%s: at least four categories", files[f]);
		if (l->n_categories > 0)
			is_str(l->categories[0].key, first_cat[f], "%s: age first", files[f]);
		for (size_t i = 0; i < l->n_categories; i++) {
			const bl_category *c = &l->categories[i];
			uint32_t sum = 0;
			for (size_t j = 0; j < c->n_values; j++)
				if (c->values[j].target != BL_NO_TARGET)
					sum += c->values[j].target;
			ok(c->n_values >= 2 && sum == 10000 && c->name && strcmp(c->name, c->key),
			   "%s: category %s has a name, values and targets of 100%%", files[f],
			   c->key);
		}
		is_int(l->n_ballot_types, 3, "%s: three ballot types", files[f]);
		if (l->n_ballot_types == 3) {
			const bl_ballot_type *b = l->ballot_types;
			for (int k = 0; k < 3; k++)
				is_str(b[k].key, ballot_keys[f][k], "%s: ballot %d", files[f], k + 1);
			ok(b[0].kind == BL_BALLOT_APPROVAL && b[0].min == 1 && b[0].max == 5 &&
				   b[0].budget_limit,
			   "%s: approval, 1 to 5 ideas within the pool", files[f]);
			ok(b[1].kind == BL_BALLOT_CUMULATIVE && b[1].points == 10 &&
				   b[1].max_per_idea == 3 && !b[1].all_points,
			   "%s: 10 dots, at most 3 on one idea", files[f]);
			ok(b[2].kind == BL_BALLOT_RANKING && b[2].min == 1 && b[2].max == 3,
			   "%s: rank up to 3", files[f]);
			is_int(b[0].lang, f == 0 ? BL_LANG_DA : BL_LANG_NB, "%s: the language",
			       files[f]);
		}
		bl_process_def_free(d);
	}
}

static void test_load_file(const char *dir)
{
	bl_process_def *d = (bl_process_def *)&E;
	char *text = (char *)&E;
	char path[512];
	snprintf(path, sizeof path, "%s/missing.yaml", dir);
	is_int(bl_config_load_file(path, &d, &text, &E), -1, "a missing file");
	like(E.msg, "cannot read '", "cannot read");
	like(E.msg, "missing.yaml': No such file or directory", "names the file and why");
	ok(d == NULL && text == NULL, "no definition and no text");

	is_int(bl_config_load_file(dir, &d, &text, &E), -1, "a directory");
	like(E.msg, "': Is a directory", "says so");

	snprintf(path, sizeof path, "%s/bad.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs("budgetlab: 1\nprocess:\n  titel: x\n", f);
	fclose(f);
	text = (char *)&E;
	is_int(bl_config_load_file(path, &d, &text, &E), -1, "a bad file");
	char want[600];
	snprintf(want, sizeof want, "%s:3:3: unknown key 'titel' in process; did you mean 'title'?",
		 path);
	like(E.msg, want, "messages begin with the path");
	ok(d == NULL && text == NULL, "no definition and no text on error");

	snprintf(path, sizeof path, "%s/big.yaml", dir);
	f = fopen(path, "w");
	for (int i = 0; i <= BL_YAML_MAX_BYTES / 64; i++)
		fputs("# a comment line that is exactly sixty-four bytes long ........\n", f);
	fclose(f);
	is_int(bl_config_load_file(path, &d, NULL, &E), -1, "a file over 1 MiB");
	like(E.msg, "big.yaml: the file is 1048640 bytes; expected a phase file of at most "
		    "1048576 bytes", "is refused before reading");
	ok(d == NULL, "no definition");

	snprintf(path, sizeof path, "%s/ok.yaml", dir);
	f = fopen(path, "w");
	fputs(HEAD GOALS, f);
	fclose(f);
	is_int(bl_config_load_file(path, &d, NULL, &E), 0, "a good file, without text_out");
	bl_process_def_free(d);
	is_int(bl_config_load_file(path, NULL, NULL, &E), -1, "no out pointer: an error");

	bl_process_def *d2 = NULL;
	is_int(bl_config_load_string(HEAD GOALS, strlen(HEAD GOALS), NULL, &d2, &E), 0,
	       "load_string without a name");
	bl_process_def_free(d2);
	is_int(bl_config_load_string("x", 1, NULL, &d2, &E), -1, "an error without a name");
	like(E.msg, "(string):1:1: ", "is named (string)");
	is_int(bl_config_load_string("x", 1, "n", &d2, NULL), -1, "a NULL bl_err is allowed");
}

static void test_paths(const char *dir)
{
	char buf[512], want[600];

	setenv("HOME", "/home/u", 1);
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("XDG_CONFIG_HOME", "/x/config/", 1);
	is_int(bl_path_data_home(buf, sizeof buf), 0, "data home from XDG_DATA_HOME");
	is_str(buf, "/x/data/budgetlab", "$XDG_DATA_HOME/budgetlab");
	is_int(bl_path_config_home(buf, sizeof buf), 0, "config home from XDG_CONFIG_HOME");
	is_str(buf, "/x/config/budgetlab", "a trailing slash is not doubled");
	setenv("XDG_DATA_HOME", "relative/data", 1);
	setenv("XDG_CONFIG_HOME", "", 1);
	is_int(bl_path_data_home(buf, sizeof buf), 0, "a relative XDG_DATA_HOME is ignored");
	is_str(buf, "/home/u/.local/share/budgetlab", "$HOME/.local/share/budgetlab");
	is_int(bl_path_config_home(buf, sizeof buf), 0, "an empty XDG_CONFIG_HOME is ignored");
	is_str(buf, "/home/u/.config/budgetlab", "$HOME/.config/budgetlab");
	unsetenv("XDG_DATA_HOME");
	is_int(bl_path_data_home(buf, sizeof buf), 0, "unset XDG_DATA_HOME");
	is_str(buf, "/home/u/.local/share/budgetlab", "falls back to HOME");
	is_int(bl_path_data_home(buf, 10), -1, "a buffer too small");
	is_str(buf, "", "and an empty string");
	unsetenv("HOME");
	is_int(bl_path_data_home(buf, sizeof buf), -1, "neither variable");
	is_int(bl_path_config_home(buf, sizeof buf), -1, "neither variable (config)");
	setenv("HOME", "home", 1);
	is_int(bl_path_config_home(buf, sizeof buf), -1, "a relative HOME does not count");
	setenv("HOME", "/", 1);
	is_int(bl_path_config_home(buf, sizeof buf), 0, "HOME=/");
	is_str(buf, "/.config/budgetlab", "without a double slash");

	/* Shipped files. */
	const char *rel = "phases/danish-municipality.yaml";
	unsetenv("BUDGETLAB_DATADIR");
	is_int(bl_path_shipped(rel, buf, sizeof buf), 0, "the phase file is found");
	is_str(buf, SRCDIR "/config/phases/danish-municipality.yaml", "in the source tree");
	is_int(bl_path_shipped("local.mk", buf, sizeof buf), 0, "share/ before config/");
	is_str(buf, SRCDIR "/share/local.mk", "share/local.mk wins over config/local.mk");
	setenv("BUDGETLAB_DATADIR", dir, 1);
	is_int(bl_path_shipped(rel, buf, sizeof buf), 0,
	       "a BUDGETLAB_DATADIR without the file");
	is_str(buf, SRCDIR "/config/phases/danish-municipality.yaml", "falls through");
	char sub[512];
	snprintf(sub, sizeof sub, "%s/phases", dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof sub, "%s/phases/danish-municipality.yaml", dir);
	FILE *f = fopen(sub, "w");
	if (f)
		fclose(f);
	is_int(bl_path_shipped(rel, buf, sizeof buf), 0, "BUDGETLAB_DATADIR has the file");
	snprintf(want, sizeof want, "%s/%s", dir, rel);
	is_str(buf, want, "and comes first");
	is_int(bl_path_shipped(rel, buf, 8), -1, "a buffer too small");
	is_int(bl_path_shipped("phases/no-such-file.yaml", buf, sizeof buf), -1,
	       "a file that does not exist");
	is_int(bl_path_shipped("", buf, sizeof buf), -1, "an empty name");
	is_int(bl_path_shipped(NULL, buf, sizeof buf), -1, "no name");
	is_int(bl_path_shipped("/etc/passwd", buf, sizeof buf), -1, "an absolute name");
	unlink(sub);
	snprintf(sub, sizeof sub, "%s/phases", dir);
	rmdir(sub);
	unsetenv("BUDGETLAB_DATADIR");
}

int main(void)
{
	char dir[256];
	if (!tu_tmpdir(dir, sizeof dir, "bl-config"))
		return tap_done();

	test_minimal();
	test_full_phase();
	test_syntax();
	test_encoding();
	test_top();
	test_unknown_keys();
	test_types();
	test_duplicates_and_missing();
	test_dates();
	test_gate_params();
	test_yaml_features();
	test_many_errors();
	test_truncated_and_fuzz();
	test_shipped();
	test_labs_valid();
	test_labs_garbage();
	test_shipped_labs();
	test_load_file(dir);
	test_paths(dir);

	char p[512];
	snprintf(p, sizeof p, "%s/bad.yaml", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/big.yaml", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/ok.yaml", dir);
	unlink(p);
	rmdir(dir);
	return tap_done();
}
