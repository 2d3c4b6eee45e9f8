/* test_demo.c: the demo municipality, Egekær Kommune.
 *
 * Writes the demo into a temporary directory and checks it against the
 * shipped TSV files, read here independently of demo.c: the counts, the
 * totals per year to the øre, the goals and their links, the process in
 * its first phase with amounts locked and a gate failing for the one
 * committee without a goal, and the journal.  Then it checks that an
 * existing file is refused and left unchanged, and that broken data files
 * (via $BUDGETLAB_DATADIR) give FILE:LINE messages and leave no file. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/demo.h"
#include "config/paths.h"
#include "config/process_yaml.h"
#include "core/gates.h"
#include "core/process.h"
#include "store/store.h"
#include "tap.h"

#define N_YEARS 4
#define FIRST_YEAR 2028
#define MAX_ROWS 2000
#define MAX_FIELDS 16

static const char *const data_files[] = { "areas.tsv", "lines.tsv", "goals.tsv",
					  "goal_lines.tsv", "goal_sdgs.tsv", "goal_status.tsv",
					  "sdg_choices.tsv", "pools.tsv", "pool_projects.tsv" };
#define N_FILES (sizeof data_files / sizeof data_files[0])

/* A data file as text, split into lines (without their newlines). */
typedef struct text {
	char *buf;
	char *line[MAX_ROWS];
	int n;
} text;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *more = realloc(buf, 2 * cap + 1);
			if (!more) {
				free(buf);
				buf = NULL;
			}
			buf = more;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static int text_read(text *t, const char *path)
{
	memset(t, 0, sizeof *t);
	if (!(t->buf = slurp(path, NULL)))
		return -1;
	for (char *p = t->buf; *p && t->n < MAX_ROWS;) {
		t->line[t->n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return 0;
}

/* Split a copy of s at tabs; empty fields are kept. */
static int split(const char *s, char *copy, size_t copysz, char **f)
{
	snprintf(copy, copysz, "%s", s);
	int n = 0;
	char *p = copy;
	for (;;) {
		f[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab || n == MAX_FIELDS)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

/* What the shipped files say, computed here without demo.c. */
typedef struct expect {
	int areas, committees, lines, goals, links;
	bl_money income[N_YEARS], expense[N_YEARS];
	char no_goal[8][32]; /* committees without a goal */
	int n_no_goal;
} expect;

/* The committee (top-level code) an area belongs to. */
static const char *top_of(const text *areas, const char *code, char *buf, size_t sz)
{
	snprintf(buf, sz, "%s", code);
	for (int hops = 0; hops < 10; hops++) {
		const char *parent = NULL;
		for (int i = 1; i < areas->n; i++) {
			char copy[1024], *f[MAX_FIELDS];
			split(areas->line[i], copy, sizeof copy, f);
			if (strcmp(f[0], buf) == 0) {
				static char pbuf[64];
				snprintf(pbuf, sizeof pbuf, "%s", f[1]);
				parent = pbuf;
				break;
			}
		}
		if (!parent || !parent[0])
			return buf;
		snprintf(buf, sz, "%s", parent);
	}
	return buf;
}

static int expect_read(expect *e, const char *dir)
{
	text t[N_FILES];
	char path[4096];
	memset(e, 0, sizeof *e);
	for (size_t i = 0; i < N_FILES; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, data_files[i]);
		if (text_read(&t[i], path) != 0)
			return -1;
	}
	e->areas = t[0].n - 1;
	e->lines = t[1].n - 1;
	e->goals = t[2].n - 1;
	e->links = t[3].n - 1;
	for (int i = 1; i < t[1].n; i++) {
		char copy[4096], *f[MAX_FIELDS];
		int n = split(t[1].line[i], copy, sizeof copy, f);
		if (n != 10)
			return -1;
		for (int y = 0; y < N_YEARS; y++) {
			bl_money v = strtoll(f[5 + y], NULL, 10) * 100;
			if (strcmp(f[4], "income") == 0)
				e->income[y] += v;
			else
				e->expense[y] += v;
		}
	}
	for (int i = 1; i < t[0].n; i++) {
		char copy[1024], *f[MAX_FIELDS];
		split(t[0].line[i], copy, sizeof copy, f);
		if (f[1][0])
			continue;
		e->committees++;
		bool has = false;
		for (int g = 1; g < t[2].n && !has; g++) {
			char gcopy[4096], *gf[MAX_FIELDS], top[64];
			split(t[2].line[g], gcopy, sizeof gcopy, gf);
			has = strcmp(top_of(&t[0], gf[1], top, sizeof top), f[0]) == 0;
		}
		if (!has && e->n_no_goal < 8)
			snprintf(e->no_goal[e->n_no_goal++], 32, "%s", f[0]);
	}
	for (size_t i = 0; i < N_FILES; i++)
		free(t[i].buf);
	return 0;
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

typedef struct jcount {
	int64_t total, by_demo, bulk, advance;
	char newest_actor[64];
} jcount;

static int journal_cb(void *ctx, const bl_journal_entry *e)
{
	jcount *j = ctx;
	if (j->total++ == 0)
		snprintf(j->newest_actor, sizeof j->newest_actor, "%s", e->actor ? e->actor : "");
	if (e->actor && strcmp(e->actor, "demo") == 0) {
		j->by_demo++;
		if (e->action && strcmp(e->action, "bulk") == 0)
			j->bulk++;
		if (e->action && strcmp(e->action, "advance") == 0)
			j->advance++;
	}
	return 0;
}

static void check_demo(const char *path, const expect *e)
{
	bl_err err = { { 0 } };
	bl_store *s = NULL;
	struct stat st;

	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	   "the demo database exists with mode 0600");
	if (!ok(bl_store_open(path, true, &s, &err) == 0, "the demo opens read-only")) {
		diag("%s", err.msg);
		return;
	}

	bl_process_info info;
	memset(&info, 0, sizeof info);
	if (ok(bl_store_info(s, &info, &err) == 0, "process info")) {
		is_str(info.municipality, "Egekær Kommune", "municipality");
		is_int(info.budget_year, FIRST_YEAR, "budget year");
		is_int(info.n_years, N_YEARS, "budget year + 3 outline years");
		is_str(info.currency, "DKK", "currency");
	}
	bl_process_info_free(&info);

	/* Areas: three levels, committees first in each subtree. */
	bl_area *areas = NULL;
	size_t n_areas = 0;
	if (ok(bl_store_areas(s, &areas, &n_areas, &err) == 0, "areas listed")) {
		is_int(n_areas, e->areas, "every area of areas.tsv is loaded");
		int top = 0, deepest = 0;
		bool found_oeu = false;
		for (size_t i = 0; i < n_areas; i++) {
			top += areas[i].level == 1;
			if (areas[i].level > deepest)
				deepest = areas[i].level;
			if (strcmp(areas[i].code, "ØU") == 0)
				found_oeu = strcmp(areas[i].name, "Økonomiudvalget") == 0;
		}
		is_int(top, e->committees, "committees at level 1");
		is_int(deepest, 3, "committee -> service area -> service");
		ok(found_oeu, "ØU Økonomiudvalget, with its æ/ø intact");
	}
	bl_areas_free(areas, n_areas);

	int64_t n_lines = 0;
	ok(bl_store_line_count(s, &n_lines, &err) == 0, "line count");
	is_int(n_lines, e->lines, "every line of lines.tsv is loaded");
	ok(n_lines >= 300 && n_lines <= 400, "a few hundred lines (%lld)", (long long)n_lines);

	bl_facts_ops ops = bl_store_facts_ops;
	int64_t n_amounts = 0;
	ok(ops.amount_count(s, "proposal", &n_amounts, &err) == 0, "amount count");
	is_int(n_amounts, e->lines * N_YEARS, "an amount for every line and year");

	/* Totals to the øre, against the sums computed above from the file. */
	bl_money inc[BL_MAX_YEARS], expense[BL_MAX_YEARS];
	if (ok(bl_store_year_totals(s, "proposal", inc, expense, &err) == 0, "year totals")) {
		int deficits = 0;
		for (int y = 0; y < N_YEARS; y++) {
			is_int(inc[y], e->income[y], "income %d", FIRST_YEAR + y);
			is_int(expense[y], e->expense[y], "expenses %d", FIRST_YEAR + y);
			ok(expense[y] > 400000000000LL && expense[y] < 500000000000LL,
			   "expenses %d between 4 and 5 bn. kr. (%lld kr.)", FIRST_YEAR + y,
			   (long long)(expense[y] / 100));
			deficits += inc[y] < expense[y];
		}
		ok(inc[0] >= expense[0], "the budget year balances");
		is_int(deficits, 1, "exactly one outline year shows a deficit");
	}

	/* One line in full: a capital project with a description. */
	bl_line l;
	memset(&l, 0, sizeof l);
	if (ok(bl_store_line_find(s, "3.22.01.301", &l, &err) == 0, "find a capital line")) {
		is_str(l.title, "Udvidelse af Bøgeskov Skole", "its title");
		is_int(l.kind, BL_KIND_CAPITAL, "capital (anlæg)");
		is_int(l.dir, BL_DIR_EXPENSE, "an expense");
		ok(l.description && strstr(l.description, "Bøgeskov Vest"), "its description");
		bl_money a[BL_MAX_YEARS];
		bool has[BL_MAX_YEARS];
		if (ok(bl_store_line_amounts(s, l.id, "proposal", a, has, N_YEARS, &err) == 0,
		       "its amounts")) {
			is_int(a[0], 1400000000LL, "14 mio. kr. in 2028");
			is_int(a[1], 3200000000LL, "32 mio. kr. in 2029");
			is_int(a[3], 0, "nothing in 2031, but present");
			ok(has[3], "present in 2031");
		}
	}

	/* Goals and their links. */
	bl_goal *goals = NULL;
	size_t n_goals = 0;
	if (ok(bl_store_goals(s, &goals, &n_goals, &err) == 0, "goals listed")) {
		is_int(n_goals, e->goals, "every goal of goals.tsv");
		size_t links = 0, unlinked = 0, too_many = 0;
		for (size_t i = 0; i < n_goals; i++) {
			int64_t *ids = NULL;
			size_t n = 0;
			if (bl_store_goal_lines(s, goals[i].id, &ids, &n, &err) == 0) {
				links += n;
				unlinked += n == 0;
				too_many += n > 4;
			}
			free(ids);
		}
		is_int(links, e->links, "every link of goal_lines.tsv");
		is_int(unlinked + too_many, 0, "each goal served by 1 to 4 lines");
		bool found = false;
		for (size_t i = 0; i < n_goals; i++)
			found |= strcmp(goals[i].title, "Flere børn i trivsel") == 0;
		ok(found, "the goal \"Flere børn i trivsel\"");
	}
	bl_goals_free(goals, n_goals);

	/* The process: in its first phase, amounts locked. */
	int cur = -2;
	char *id = NULL;
	ok(bl_store_phase_current(s, &cur, &id, &err) == 0, "current phase");
	is_int(cur, 0, "in the first phase");
	is_str(id, "goals", "the goals phase (goals before economy)");
	unsigned locks = 0;
	ok(bl_store_locks(s, &locks, &err) == 0 && (locks & BL_LOCK_AMOUNTS),
	   "amounts are locked");

	/* Gate facts: exactly the committees without a goal (PBU). */
	char **codes = NULL;
	size_t n_codes = 0;
	int64_t n_level = 0;
	if (ok(ops.areas_without_goal(s, 1, &codes, &n_codes, &n_level, &err) == 0,
	       "areas without goal")) {
		is_int(n_level, e->committees, "committees counted");
		is_int(n_codes, e->n_no_goal, "committees without a goal, as in goals.tsv");
		is_int(n_codes, 1, "one committee without a goal");
		if (n_codes >= 1) {
			is_str(codes[0], e->no_goal[0], "the one computed from the files");
			is_str(codes[0], "PBU", "Plan- og Boligudvalget");
		}
		for (size_t i = 0; i < n_codes; i++)
			free(codes[i]);
		free(codes);
	}

	/* The gate itself, as the phase file states it. */
	char yaml[4096];
	bl_process_def *def = NULL;
	if (ok(bl_path_shipped("phases/danish-municipality.yaml", yaml, sizeof yaml) == 0 &&
	       bl_config_load_file(yaml, &def, NULL, &err) == 0, "phase file loads")) {
		const bl_phase *ph = &def->phases[0];
		int found = 0;
		for (size_t g = 0; g < ph->n_gates; g++) {
			if (strcmp(ph->gates[g].kind->name, "every_area_has_agreed_goal") != 0)
				continue;
			char why[512] = "";
			found++;
			is_int(bl_gate_eval(ph, &ph->gates[g], &ops, s, why, sizeof why, &err), 0,
			       "every_area_has_agreed_goal fails");
			like(why, "BEU, KFU, PBU, SSU", "and names the committees without an agreed goal");
		}
		is_int(found, 1, "the first phase has the gate every_area_has_agreed_goal");
		bool done[64] = { false };
		size_t n = ph->n_checklist < 64 ? ph->n_checklist : 64;
		int ticked = 0;
		if (ok(n > 0 && ops.checklist_done(s, ph->id, done, n, &err) == 0,
		       "checklist of the first phase")) {
			for (size_t i = 0; i < n; i++)
				ticked += done[i];
			is_int(ticked, 1, "one item ticked");
			ok(n > 1 ? done[1] : done[0],
			   "the second (goals tied to the SDGs), not the first (every "
			   "committee has goals: PBU has none)");
		}
	} else {
		diag("%s", err.msg);
	}
	bl_process_def_free(def);
	free(id);

	/* The journal: written, by "demo". */
	jcount j;
	memset(&j, 0, sizeof j);
	ok(bl_store_journal_each(s, NULL, 0, journal_cb, &j, &err) == 0, "journal read");
	ok(j.total > 0, "the journal is not empty (%lld entries)", (long long)j.total);
	is_int(j.by_demo, j.total, "every entry by the actor \"demo\"");
	is_str(j.newest_actor, "demo", "the newest entry is by \"demo\"");
	ok(j.bulk >= 1, "the bulk load is journalled");
	is_int(j.advance, 1, "entering the first phase is journalled");
	bl_store_close(s);

	/* The lock holds on a read-write open too. */
	if (l.id && bl_store_open(path, false, &s, &err) == 0) {
		bl_err lerr = { { 0 } };
		is_int(bl_store_amount_set(s, l.id, "proposal", FIRST_YEAR, 100, &lerr), -1,
		       "changing an amount is refused in the goals phase");
		like(lerr.msg, "amounts", "the refusal names the lock");
		bl_store_close(s);
	}
	bl_line_clear(&l);
}

/* ---- broken data ---- */

static char orig[N_FILES][1 << 16 << 2];

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(data, 1, len, f);
	return (fclose(f) == 0 && w == len) ? 0 : -1;
}

/* Copy all four originals into dir/demo/. */
static int restore(const char *dir)
{
	char path[4096];
	for (size_t i = 0; i < N_FILES; i++) {
		snprintf(path, sizeof path, "%s/demo/%s", dir, data_files[i]);
		if (write_file(path, orig[i], strlen(orig[i])) != 0)
			return -1;
	}
	return 0;
}

/* Replace line `lineno` (1-based) of file `fi` with `repl` ("" keeps the
 * line empty; NULL deletes it) in dir/demo/. */
static int write_variant(const char *dir, size_t fi, int lineno, const char *repl)
{
	char path[4096];
	size_t cap = strlen(orig[fi]) + (repl ? strlen(repl) : 0) + 2;
	char *out = malloc(cap), *o = out;
	const char *p = orig[fi];
	int n = 1;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (n == lineno) {
			if (repl) {
				memcpy(o, repl, strlen(repl));
				o += strlen(repl);
				*o++ = '\n';
			}
		} else {
			memcpy(o, p, len);
			o += len;
			*o++ = '\n';
		}
		p += len + (nl ? 1 : 0);
		n++;
	}
	snprintf(path, sizeof path, "%s/demo/%s", dir, data_files[fi]);
	int rc = write_file(path, out, (size_t)(o - out));
	free(out);
	return rc;
}

/* Line `lineno` of file fi with field `field` (0-based) replaced. */
static void with_field(size_t fi, int lineno, int field, const char *value,
		       char *buf, size_t sz)
{
	const char *p = orig[fi];
	for (int n = 1; n < lineno && p; n++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	char line[4096], copy[4096], *f[MAX_FIELDS];
	const char *nl = p ? strchr(p, '\n') : NULL;
	snprintf(line, sizeof line, "%.*s", p ? (int)(nl ? nl - p : (long)strlen(p)) : 0,
		 p ? p : "");
	int n = split(line, copy, sizeof copy, f);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sz - len, "%s%s", i ? "\t" : "",
			 i == field ? value : f[i]);
	}
}

typedef struct bad_case {
	const char *name;
	size_t file;       /* index into data_files */
	int lineno;        /* 0: the file is empty */
	int field;         /* -1: replace the line with `value` */
	const char *value; /* NULL with field -1: delete the line */
	const char *want;  /* substrings of the message, '|' separated */
} bad_case;

static void check_broken(const char *tmp)
{
	char dir[1024], sub[2048], db[4096];
	snprintf(dir, sizeof dir, "%s/data", tmp);
	snprintf(sub, sizeof sub, "%s/demo", dir);
	if (!ok(mkdir(dir, 0700) == 0 && mkdir(sub, 0700) == 0, "a data directory"))
		return;
	setenv("BUDGETLAB_DATADIR", dir, 1);

	/* First the unbroken copy works from there, and CRLF line ends too. */
	ok(restore(dir) == 0, "copies of the data files");
	snprintf(db, sizeof db, "%s/copy.budgetlab", tmp);
	bl_err err = { { 0 } };
	ok(bl_demo_create(db, &err) == 0, "the demo from $BUDGETLAB_DATADIR");
	if (err.msg[0])
		diag("%s", err.msg);
	for (size_t i = 0; i < N_FILES; i++) {
		size_t len = strlen(orig[i]);
		char *crlf = malloc(2 * len + 1), *o = crlf;
		for (const char *p = orig[i]; *p; p++) {
			if (*p == '\n')
				*o++ = '\r';
			*o++ = *p;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", sub, data_files[i]);
		write_file(path, crlf, (size_t)(o - crlf));
		free(crlf);
	}
	snprintf(db, sizeof db, "%s/crlf.budgetlab", tmp);
	bl_err_clear(&err);
	ok(bl_demo_create(db, &err) == 0, "data files with CRLF line ends");
	if (err.msg[0])
		diag("%s", err.msg);
	bl_store *s = NULL;
	int64_t n = 0;
	if (bl_store_open(db, true, &s, &err) == 0) {
		bl_store_line_count(s, &n, &err);
		bl_line l;
		memset(&l, 0, sizeof l);
		if (bl_store_line_find(s, "6.42.43.001", &l, &err) == 0)
			ok(l.description && !strchr(l.description, '\r'),
			   "no CR is left in the last field");
		bl_line_clear(&l);
		bl_store_close(s);
	}
	ok(n >= 300, "all lines from the CRLF files");

	static const bad_case cases[] = {
		{ "a line with a field missing", 1, 5, -1,
		  "6.42.43.001\tValg\tØU.01.02\toperation\texpense\t1\t2\t3\t4",
		  "lines.tsv:5:|9 fields; expected 10" },
		{ "a line with a field too many", 1, 7, -1,
		  "6.42.42.002\tÆldreråd\tØU.01.02\toperation\texpense\t1\t2\t3\t4\t\textra",
		  "lines.tsv:7:|11 fields; expected 10" },
		{ "a bad number", 1, 9, 6, "12x", "lines.tsv:9:|field 7 (2029)|\"12x\"|whole number" },
		{ "a number with separators", 1, 9, 5, "1.200.000", "lines.tsv:9:|field 6 (2028)|whole number" },
		{ "an amount that overflows", 1, 12, 8, "99999999999999999999",
		  "lines.tsv:12:|field 9 (2031)|too large" },
		{ "an empty amount", 1, 12, 7, "", "lines.tsv:12:|field 8 (2030)|expected a value" },
		{ "an unknown area", 1, 20, 2, "XYZ.99", "lines.tsv:20:|field 3 (area)|\"XYZ.99\"|area" },
		{ "an unknown kind", 1, 21, 3, "drift", "lines.tsv:21:|field 4 (kind)|operation|capital" },
		{ "an unknown direction", 1, 21, 4, "udgift", "lines.tsv:21:|field 5 (direction)|expense|income" },
		{ "a duplicate line code", 1, 30, 0, "6.42.41.001", "lines.tsv:30:|field 1 (code)|not used before" },
		{ "a header with other years", 1, 1, -1,
		  "code\ttitle\tarea\tkind\tdirection\t2027\t2028\t2029\t2030\tdescription",
		  "lines.tsv:1:|\"2027\"|expected the columns|2028, 2029, 2030, 2031" },
		{ "an empty line", 1, 40, -1, "", "lines.tsv:40:|empty line" },
		{ "a byte that is not UTF-8", 1, 41, 1, "K\xf8kken", "lines.tsv:41:|UTF-8" },
		{ "a control character", 1, 42, 1, "Bel\x01ysning", "lines.tsv:42:|field 2 (title)|control|Bel\\x01ysning" },
		{ "an area with an unknown parent", 0, 4, 1, "ØU.77", "areas.tsv:4:|field 2 (parent)|\"ØU.77\"" },
		{ "a duplicate area code", 0, 6, 0, "ØU", "areas.tsv:6:|field 1 (code)|not used before" },
		{ "an area code with a slash", 0, 3, 0, "ØU/01", "areas.tsv:3:|'/'" },
		{ "an area without a name", 0, 3, 2, "", "areas.tsv:3:|field 3 (name)|expected a value" },
		{ "a goal for an unknown area", 2, 3, 1, "NOPE", "goals.tsv:3:|field 2 (area)|\"NOPE\"" },
		/* These two pass the file checks and are refused by the store (its
		 * CHECK constraints say what a title is) after the database was
		 * created: the half-written file must go. */
		{ "a blank line title, refused by the store", 1, 50, 1, "   ", "lines.tsv:50:|title" },
		{ "a blank goal title, refused by the store", 2, 5, 2, "  ", "goals.tsv:5:|title" },
		{ "a goal without a title", 2, 2, 2, "", "goals.tsv:2:|field 3 (title)" },
		{ "a link to an unknown line", 3, 4, 1, "9.99.99.999", "goal_lines.tsv:4:|field 2 (line)|\"9.99.99.999\"" },
		{ "a link to an unknown goal", 3, 4, 0, "G99", "goal_lines.tsv:4:|field 1 (goal)|\"G99\"" },
		{ "a link given twice", 3, 3, -1, "G01\t6.52.76.001", "goal_lines.tsv:3:|already on line 2" },
		{ "a goals file with the wrong header", 2, 1, -1, "goal\ttitle\tarea\tdescription",
		  "goals.tsv:1:|expected the columns goal, area, title, description" },
		{ "a status for an unknown goal", 5, 2, 0, "G99", "goal_status.tsv:2:|field 1 (goal)|\"G99\"" },
		{ "an unknown goal status", 5, 3, 1, "maybe",
		  "goal_status.tsv:3:|field 2 (status)|draft, discussed or agreed" },
		{ "SDG 18", 6, 2, 0, "18", "sdg_choices.tsv:2:|field 1 (sdg)|1 to 17" },
		{ "an SDG that is no number", 6, 3, 0, "klima", "sdg_choices.tsv:3:|field 1 (sdg)" },
		{ "a pool on no line, refused by the store", 7, 2, 2, "9.99", "pools.tsv:2:|9.99" },
		{ "a pool on an income line", 7, 2, 2, "0.25.11.002", "pools.tsv:2:|is income" },
		{ "an unknown project kind in a pool", 7, 2, 3, "leg", "pools.tsv:2:|field 4 (kinds)|'leg'" },
		{ "a pool maximum with separators", 7, 2, 4, "1.500.000", "pools.tsv:2:|field 5 (max)|whole number" },
		{ "a carry-over that is not yes or no", 7, 2, 5, "ja", "pools.tsv:2:|field 6 (carry_over)|yes or no" },
		{ "a pool serving an unknown goal", 7, 2, 6, "G02,G99", "pools.tsv:2:|field 7 (goals)|G02,G99" },
		{ "a project of an unknown pool", 8, 2, 0, "nosuch", "pool_projects.tsv:2:|no development pool 'nosuch'" },
		{ "a project of an unknown kind", 8, 2, 2, "leg", "pool_projects.tsv:2:|field 3 (kind)" },
		{ "a granted operating project, refused by the pool's rules", 8, 3, 2, "operation",
		  "pool_projects.tsv:3:|may only pay for development or capital" },
		{ "a grant above the pool's maximum", 8, 2, 9, "1600000",
		  "pool_projects.tsv:2:|above its maximum of 1.500.000 kr." },
		{ "a bad application date", 8, 2, 3, "2028-02-30", "pool_projects.tsv:2:|field 4 (applied)" },
		{ "an unknown project status", 8, 2, 4, "godkendt", "pool_projects.tsv:2:|field 5 (status)" },
		{ "a pillar score of 3", 8, 2, 13, "3", "pool_projects.tsv:2:|field 14 (social)|-2 to 2" },
		{ "an asked amount that is no number", 8, 2, 5, "mange", "pool_projects.tsv:2:|field 6 (asked 2028)" },
		{ "a projects file with the wrong header", 8, 1, -1, "pool\ttitle",
		  "pool_projects.tsv:1:|expected 18 separated by tabs" },
		{ "an empty areas file", 0, 0, -1, NULL, "areas.tsv:1:|empty" },
		{ "an empty line in areas.tsv", 0, 2, -1, "", "areas.tsv:2:|empty line" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const bad_case *k = &cases[c];
		char line[8192];
		restore(dir);
		if (k->lineno == 0) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", sub, data_files[k->file]);
			write_file(path, "", 0);
		} else if (k->field >= 0) {
			with_field(k->file, k->lineno, k->field, k->value, line, sizeof line);
			write_variant(dir, k->file, k->lineno, line);
		} else {
			write_variant(dir, k->file, k->lineno, k->value);
		}
		snprintf(db, sizeof db, "%s/broken-%zu.budgetlab", tmp, c);
		bl_err_clear(&err);
		is_int(bl_demo_create(db, &err), -1, "refused: %s", k->name);
		char want[256];
		snprintf(want, sizeof want, "%s", k->want);
		for (char *w = strtok(want, "|"); w; w = strtok(NULL, "|"))
			like(err.msg, w, "  the message says \"%s\"", w);
		ok(!exists(db), "  and no file is left behind");
	}
	unsetenv("BUDGETLAB_DATADIR");
}

int main(void)
{
	char tmpl[1024];
	const char *tmpdir = getenv("TMPDIR");
	snprintf(tmpl, sizeof tmpl, "%s/test_demo.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	char *tmp = mkdtemp(tmpl);
	if (!ok(tmp != NULL, "a temporary directory"))
		return tap_done();
	unsetenv("BUDGETLAB_DATADIR");

	/* The expectations come from the source tree's files. */
	char src[1024];
	snprintf(src, sizeof src, "%s/share/demo", SRCDIR);
	expect e;
	if (!ok(expect_read(&e, src) == 0, "read the shipped data files"))
		return tap_done();
	for (size_t i = 0; i < N_FILES; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", src, data_files[i]);
		size_t len = 0;
		char *b = slurp(path, &len);
		ok(b && len < sizeof orig[i], "%s read", data_files[i]);
		if (b && len < sizeof orig[i])
			memcpy(orig[i], b, len + 1);
		free(b);
	}

	char path[4096];
	snprintf(path, sizeof path, "%s/demo.budgetlab", tmp);
	bl_err err = { { 0 } };
	/* The tests run with BUDGETLAB_ACTOR=tester: the demo journals as
	 * "demo" all the same, and gives the caller's value back. */
	setenv("BUDGETLAB_ACTOR", "tester", 1);
	if (ok(bl_demo_create(path, &err) == 0, "bl_demo_create writes the demo"))
		check_demo(path, &e);
	else
		diag("%s", err.msg);
	is_str(getenv("BUDGETLAB_ACTOR"), "tester", "BUDGETLAB_ACTOR is as it was");

	/* A second time on the same path: refused, the file unchanged. */
	size_t len1 = 0, len2 = 0;
	char *before = slurp(path, &len1);
	bl_err_clear(&err);
	is_int(bl_demo_create(path, &err), -1, "a second demo on the same path is refused");
	ok(err.msg[0] != '\0', "with a message: %s", err.msg);
	char *after = slurp(path, &len2);
	ok(before && after && len1 == len2 && memcmp(before, after, len1) == 0,
	   "the existing file is unchanged");
	free(before);
	free(after);

	/* Any existing file, not only a database. */
	char other[4096];
	snprintf(other, sizeof other, "%s/notes.txt", tmp);
	write_file(other, "keep me\n", 8);
	is_int(bl_demo_create(other, NULL), -1, "an existing text file is refused");
	char *notes = slurp(other, NULL);
	is_str(notes, "keep me\n", "and left as it was");
	free(notes);

	check_broken(tmp);

	/* Clean up the temporary directory. */
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		diag("could not remove %s", tmp);
	return tap_done();
}
