/* test_bulk.c: the bulk loader as the importer uses it (store.h, "bulk
 * load"): replacing a version (bl_bulk_replace), reusing lines by code
 * (bl_bulk_line_put), the lines a replacement removes and those it keeps,
 * moves that change other versions' totals, the counts, the note in the
 * journal entry and its summary, and refusals that must leave the
 * database as it was.  The loader's basics (abort, the triggers, a plain
 * load) are in test_store.c. */
#include "config.h"

#include <stdint.h>

#include "core/journal_fmt.h"
#include "store_util.h"

/* ---- helpers ---- */

/* One text from a query on a raw connection (malloc'd; "" if none). */
static char *tu_text(const char *path, const char *sql)
{
	sqlite3 *db = tu_raw(path, true);
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			v = tu_strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	} else {
		diag("%s: %s", sql, sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v ? v : tu_strdup("");
}

/* Everything a load could change, as one text: areas, lines, amounts,
 * totals, goal links, the journal's length and the triggers. */
static char *dump(const char *path)
{
	return tu_text(path,
		       "SELECT coalesce((SELECT group_concat(x, ';') FROM (SELECT id || ',' ||"
		       " coalesce(parent_id, 0) || ',' || code || ',' || name AS x FROM area"
		       " ORDER BY id)), '') || '|' ||"
		       " coalesce((SELECT group_concat(x, ';') FROM (SELECT id || ',' || code || ','"
		       " || title || ',' || area_id || ',' || kind || ',' || direction || ',' ||"
		       " coalesce(description, '~') AS x FROM line ORDER BY id)), '') || '|' ||"
		       " coalesce((SELECT group_concat(x, ';') FROM (SELECT line_id || ',' ||"
		       " version_id || ',' || year || ',' || amount AS x FROM amount"
		       " ORDER BY 1)), '') || '|' ||"
		       " coalesce((SELECT group_concat(x, ';') FROM (SELECT area_id || ',' ||"
		       " version_id || ',' || year || ',' || income || ',' || expense || ',' || n"
		       " AS x FROM total ORDER BY 1)), '') || '|' ||"
		       " coalesce((SELECT group_concat(goal_id || ',' || line_id, ';')"
		       " FROM goal_line), '') || '|' ||"
		       " (SELECT count(*) FROM journal) || '|' ||"
		       " (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger')");
}

/* A dump without its last two fields, the journal's length and the
 * triggers: what the budget holds. */
static char *budget_of(char *dump)
{
	for (int i = 0; i < 2; i++) {
		char *bar = strrchr(dump, '|');
		if (bar)
			*bar = '\0';
	}
	return dump;
}

static bool same_dump(const char *path, const char *before)
{
	char *now = dump(path);
	bool same = strcmp(now, before) == 0;
	if (!same)
		diag("before: %s\n# now:    %s", before, now);
	free(now);
	return same;
}

static int64_t n_lines(bl_store *s)
{
	int64_t n = -1;
	bl_err e;
	if (bl_store_line_count(s, &n, &e) != 0)
		diag("line count: %s", e.msg);
	return n;
}

/* The newest journal entry's after (malloc'd). */
static int newest_cb(void *ctx, const bl_journal_entry *e)
{
	*(char **)ctx = tu_strdup(e->after ? e->after : "");
	return 1;
}

static char *newest_after(bl_store *s)
{
	char *after = NULL;
	bl_err e;
	bl_store_journal_each(s, NULL, 1, newest_cb, &after, &e);
	return after ? after : tu_strdup("");
}

/* The id of the line with this code; 0, with a diagnostic, if there is
 * none. */
static int64_t line_id(bl_store *s, const char *code)
{
	bl_line l;
	bl_err e;
	if (bl_store_line_find(s, code, &l, &e) != 0) {
		diag("line %s: %s", code, e.msg);
		return 0;
	}
	int64_t id = l.id;
	bl_line_clear(&l);
	return id;
}

/* Is there a line with this code? */
static bool line_exists(bl_store *s, const char *code)
{
	bl_line l;
	bl_err e;
	if (bl_store_line_find(s, code, &l, &e) != 0)
		return false;
	bl_line_clear(&l);
	return true;
}

static bl_money amount_of(const char *path, const char *code, const char *version, int year)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT coalesce((SELECT amount FROM amount a JOIN line l ON l.id = a.line_id"
		 " JOIN version v ON v.id = a.version_id WHERE l.code = '%s' AND v.key = '%s'"
		 " AND a.year = %d), -1)",
		 code, version, year);
	return tu_int(path, sql);
}

static int64_t count_of(const char *path, const char *sql)
{
	return tu_int(path, sql);
}

/* A row of an imported file: a top-level area by code, and a line. */
typedef struct row {
	const char *area, *code, *title;
	bl_direction dir;
	bl_money am[4];
	bool has[4];
} row;

#define ALL { true, true, true, true }
#define NONE { false, false, false, false }

/* One import into the proposal, as the importer makes it: areas found
 * or created by code, every line put, the note, the commit. */
static int import(bl_store *s, const char *source, const row *rows, size_t n, bool replace,
		  const char *note, bl_bulk_counts *c, bl_err *e)
{
	bl_bulk *b;
	if (bl_store_bulk_begin(s, "proposal", source, &b, e) != 0)
		return -1;
	if (replace && bl_bulk_replace(b, e) != 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		int64_t area;
		if (bl_bulk_area(b, 0, rows[i].area, NULL, &area, e) != 0)
			goto fail;
		bl_line l = { 0, (char *)rows[i].code, (char *)rows[i].title, area,
			      BL_KIND_OPERATION, rows[i].dir, NULL };
		if (bl_bulk_line_put(b, &l, rows[i].am, rows[i].has, 4, NULL, NULL, e) != 0)
			goto fail;
	}
	if (note && bl_bulk_set_note(b, note, e) != 0)
		goto fail;
	return bl_bulk_commit_counts(b, c, e);
fail:
	diag("import %s: %s", source, e->msg);
	bl_bulk_abort(b);
	return -1;
}

static bool counts_are(const bl_bulk_counts *c, int64_t areas, int64_t created, int64_t updated,
		       int64_t removed, int64_t amounts, int64_t replaced)
{
	bool same = c->areas == areas && c->lines_created == created &&
		    c->lines_updated == updated && c->lines_removed == removed &&
		    c->amounts == amounts && c->amounts_replaced == replaced;
	if (!same)
		diag("counts: areas %lld, created %lld, updated %lld, removed %lld, amounts %lld,"
		     " replaced %lld", (long long)c->areas, (long long)c->lines_created,
		     (long long)c->lines_updated, (long long)c->lines_removed,
		     (long long)c->amounts, (long long)c->amounts_replaced);
	return same;
}

static const row file1[] = {
	{ "A", "1.01", "Skoler", BL_DIR_EXPENSE, { 100, 110, 120, 130 }, ALL },
	{ "A", "1.02", "Forældrebetaling", BL_DIR_INCOME, { 40, 41, 42, 43 }, ALL },
	{ "A", "1.03", "Kun i år", BL_DIR_EXPENSE, { 7, 0, 0, 0 }, { true, false, false, false } },
	{ "B", "2.01", "Veje", BL_DIR_EXPENSE, { 500, 0, 520, 0 }, { true, false, true, false } },
	{ "B", "2.02", "Parkering", BL_DIR_INCOME, { 60, 60, 60, 60 }, ALL },
	{ "B", "2.03", "Tom", BL_DIR_EXPENSE, { 0 }, NONE },
};
#define N_FILE1 (sizeof file1 / sizeof file1[0])
#define AMOUNTS_FILE1 15

/* ---- replacing twice is replacing once ---- */

static void test_twice(void)
{
	bl_store *s = tu_create("twice.budgetlab");
	const char *p = tu_path("twice.budgetlab");
	bl_err e = { { 0 } };
	bl_bulk_counts c;
	const char *note = "{\"profile\":\"bergen\",\"rows\":7,\"rejected\":1}";
	ok(import(s, "bergen.csv", file1, N_FILE1, true, note, &c, &e) == 0, "the first import");
	ok(counts_are(&c, 2, 6, 0, 0, AMOUNTS_FILE1, 0),
	   "counts: 2 areas, 6 lines created, 15 amounts, none replaced or removed");
	char *after = newest_after(s);
	is_str(after, "{\"source\":\"bergen.csv\",\"version\":\"proposal\",\"areas\":2,\"lines\":6,"
		      "\"amounts\":15,\"replaced\":0,\"created\":6,\"updated\":0,\"removed\":0,"
		      "\"profile\":\"bergen\",\"rows\":7,\"rejected\":1}",
	       "the journal entry: the old keys, replaced, created, updated, removed, the note");
	char sum[512];
	bl_journal_summary("import", "bulk", "bergen.csv", NULL, after, BL_LANG_DA, BL_UNIT_KR, sum,
			   sizeof sum);
	is_str(sum, "loaded \"bergen.csv\" into proposal, replacing 0 amounts: 6 lines, 15 amounts,"
		    " 2 new areas; 7 rows read, 1 rejected", "and its summary");
	free(after);
	bl_money inc1[4], exp1[4], inc2[4], exp2[4];
	bl_store_year_totals(s, "proposal", inc1, exp1, &e);
	bl_area_total *t1, *t2;
	size_t n1, n2;
	bl_store_area_totals(s, "proposal", &t1, &n1, &e);
	char *once = dump(p);
	int64_t j = tu_journal(s);

	ok(import(s, "bergen.csv", file1, N_FILE1, true, note, &c, &e) == 0, "the same file again");
	ok(counts_are(&c, 0, 0, 6, 0, AMOUNTS_FILE1, AMOUNTS_FILE1),
	   "counts: every line reused, the 15 amounts replaced by 15");
	is_int(n_lines(s), 6, "the same number of lines");
	is_int(count_of(p, "SELECT count(*) FROM amount"), AMOUNTS_FILE1, "the same number of amounts");
	bl_store_year_totals(s, "proposal", inc2, exp2, &e);
	ok(memcmp(inc1, inc2, sizeof inc1) == 0 && memcmp(exp1, exp2, sizeof exp1) == 0,
	   "the same year totals (not doubled: 2028 expenses %lld)", (long long)exp2[0]);
	is_int(exp2[0], 100 + 7 + 500, "(the expenses of 2028)");
	bl_store_area_totals(s, "proposal", &t2, &n2, &e);
	bool same = n1 == n2;
	for (size_t i = 0; same && i < n1; i++)
		same = t1[i].area_id == t2[i].area_id && t1[i].year == t2[i].year &&
		       t1[i].income == t2[i].income && t1[i].expense == t2[i].expense;
	ok(same, "the same area totals");
	free(t1);
	free(t2);
	ok(tu_totals_match(s, p), "the totals match the amounts");
	is_int(tu_journal(s), j + 1, "one journal entry");
	/* Only the journal differs from the state after the first import. */
	char *twice = dump(p);
	is_str(budget_of(twice), budget_of(once), "areas, lines, amounts, totals: as after one import");
	free(once);
	free(twice);
	after = newest_after(s);
	is_str(after, "{\"source\":\"bergen.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":6,"
		      "\"amounts\":15,\"replaced\":15,\"created\":0,\"updated\":6,\"removed\":0,"
		      "\"profile\":\"bergen\",\"rows\":7,\"rejected\":1}",
	       "the journal entry says what was replaced and reused");
	bl_journal_summary("import", "bulk", "bergen.csv", NULL, after, BL_LANG_DA, BL_UNIT_KR, sum,
			   sizeof sum);
	is_str(sum, "loaded \"bergen.csv\" into proposal, replacing 15 amounts: 6 lines (0 new,"
		    " 6 updated), 15 amounts, 0 new areas; 7 rows read, 1 rejected",
	       "and its summary says so");
	free(after);

	/* Without bl_bulk_replace a put still sets the line's amounts: no
	 * doubling either, and no "replaced". */
	ok(import(s, "again.csv", file1, N_FILE1, false, NULL, &c, &e) == 0, "a third time, without replacing");
	ok(counts_are(&c, 0, 0, 6, 0, AMOUNTS_FILE1, 0), "counts: reused, nothing replaced");
	bl_store_year_totals(s, "proposal", inc2, exp2, &e);
	ok(memcmp(inc1, inc2, sizeof inc1) == 0 && memcmp(exp1, exp2, sizeof exp1) == 0,
	   "the same year totals");
	is_int(count_of(p, "SELECT count(*) FROM amount"), AMOUNTS_FILE1, "the same amounts");
	after = newest_after(s);
	is_str(after, "{\"source\":\"again.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":6,"
		      "\"amounts\":15,\"created\":0,\"updated\":6,\"removed\":0}",
	       "the journal entry has no \"replaced\" and no note");
	free(after);

	/* A changed file: amounts changed, dropped and added in place. */
	row file2[N_FILE1];
	memcpy(file2, file1, sizeof file2);
	file2[0].has[1] = false;  /* 1.01 loses 2029 */
	file2[0].am[2] = 125;     /* and changes 2030 */
	file2[3].has[1] = true;   /* 2.01 gains 2029 */
	file2[3].am[1] = 510;
	ok(import(s, "changed.csv", file2, N_FILE1, true, NULL, &c, &e) == 0, "a changed file");
	ok(counts_are(&c, 0, 0, 6, 0, AMOUNTS_FILE1, AMOUNTS_FILE1), "counts: 15 amounts again");
	ok(amount_of(p, "1.01", "proposal", 2029) == -1 && amount_of(p, "1.01", "proposal", 2030) == 125 &&
		   amount_of(p, "1.01", "proposal", 2028) == 100 && amount_of(p, "2.01", "proposal", 2029) == 510,
	   "each amount as the file has it");
	ok(tu_totals_match(s, p), "the totals match");
	bl_store_year_totals(s, "proposal", inc2, exp2, &e);
	ok(exp2[1] == 510 && exp2[2] == 125 + 520, "(2029 and 2030 expenses: %lld, %lld)", (long long)exp2[1],
	   (long long)exp2[2]);
	bl_store_close(s);
}

/* ---- a put on a line that exists ---- */

static void test_put(void)
{
	bl_store *s = tu_create("put.budgetlab");
	const char *p = tu_path("put.budgetlab");
	bl_err e = { { 0 } };
	int64_t a = tu_area(s, 0, "A");
	bl_line l = { 0, (char *)"1.01", (char *)"Gammel", a, BL_KIND_OPERATION, BL_DIR_EXPENSE,
		      (char *)"Beskrivelse" };
	int64_t id;
	bl_store_line_add(s, &l, &id, &e);
	for (int y = 0; y < 4; y++) {
		tu_set(s, id, 2028 + y, 10 + y);
		bl_store_amount_set(s, id, "adopted", 2028 + y, 20 + y, &e);
	}
	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "put", &b, &e) == 0, "bulk_begin");
	int64_t got = 0;
	bool created = true;
	bl_line n = { 0, (char *)"1.01", (char *)"Ny titel", a, BL_KIND_CAPITAL, BL_DIR_EXPENSE, NULL };
	ok(bl_bulk_line_put(b, &n, (bl_money[]){ 5, 0, 7, 0 }, (bool[]){ true, false, true, false }, 4,
			    &got, &created, &e) == 0,
	   "put on an existing code");
	ok(got == id && !created, "reuses the line (same id, created false)");
	bl_line m = { 0, (char *)"1.02", (char *)"Ny", a, BL_KIND_OPERATION, BL_DIR_INCOME, NULL };
	ok(bl_bulk_line_put(b, &m, (bl_money[]){ 1, 2, 3, 4 }, NULL, 4, &got, &created, &e) == 0 &&
		   created && got != id,
	   "put on a new code creates it (has NULL: all years)");
	bl_bulk_counts c;
	bl_bulk_counts_get(b, &c);
	ok(counts_are(&c, 0, 1, 1, 0, 6, 0), "counts so far: one created, one updated, 6 amounts");
	ok(bl_bulk_commit(b, &e) == 0, "commit");
	bl_line f;
	ok(bl_store_line_find(s, "1.01", &f, &e) == 0, "the reused line");
	is_str(f.title, "Ny titel", "has the new title");
	is_int(f.kind, BL_KIND_CAPITAL, "the new kind");
	is_str(f.description, "Beskrivelse", "and keeps its description (NULL in the put)");
	bl_line_clear(&f);
	ok(amount_of(p, "1.01", "proposal", 2028) == 5 && amount_of(p, "1.01", "proposal", 2030) == 7,
	   "its amounts of the version are the put's");
	ok(amount_of(p, "1.01", "proposal", 2029) == -1 && amount_of(p, "1.01", "proposal", 2031) == -1,
	   "the years the put did not have are absent");
	ok(amount_of(p, "1.01", "adopted", 2028) == 20 && amount_of(p, "1.01", "adopted", 2031) == 23,
	   "its amounts in another version are kept");
	ok(tu_totals_match(s, p), "the totals match");

	/* A description given replaces the old one. */
	ok(bl_store_bulk_begin(s, "proposal", "put2", &b, &e) == 0, "bulk_begin");
	n.description = (char *)"Ny beskrivelse";
	ok(bl_bulk_line_put(b, &n, (bl_money[]){ 5, 0, 7, 0 }, NULL, 4, NULL, NULL, &e) == 0,
	   "put with a description (and *created NULL)");
	ok(bl_bulk_commit(b, &e) == 0, "commit");
	ok(bl_store_line_find(s, "1.01", &f, &e) == 0 && f.description &&
		   strcmp(f.description, "Ny beskrivelse") == 0,
	   "the description is replaced");
	bl_line_clear(&f);
	is_int(count_of(p, "SELECT count(*) FROM amount a JOIN line l ON l.id = a.line_id"
			   " WHERE l.code = '1.01' AND a.version_id = 1"),
	       4, "all four years now");

	/* The same code twice in a replacing load: the second put wins, and
	 * its amounts are counted once. */
	ok(bl_store_bulk_begin(s, "proposal", "dup", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "a replacing load");
	bl_bulk_line_put(b, &n, (bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, NULL, &e);
	bl_bulk_line_put(b, &m, (bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, NULL, &e);
	ok(bl_bulk_line_put(b, &n, (bl_money[]){ 9, 9, 9, 0 }, (bool[]){ true, true, true, false }, 4,
			    NULL, NULL, &e) == 0,
	   "the same code again");
	ok(bl_bulk_commit_counts(b, &c, &e) == 0, "commit");
	ok(counts_are(&c, 0, 0, 3, 0, 7, 8), "counts: 3 puts, 7 amounts (not 11), 8 replaced");
	ok(amount_of(p, "1.01", "proposal", 2028) == 9 && amount_of(p, "1.01", "proposal", 2031) == -1,
	   "the second put's amounts");
	is_int(count_of(p, "SELECT count(*) FROM amount WHERE version_id = 1"), 7,
	       "7 amounts in the version, as counted");
	ok(tu_totals_match(s, p), "the totals match");
	bl_store_close(s);
}

/* ---- a reused line that moves changes every version's totals ---- */

static void test_move(void)
{
	bl_store *s = tu_create("move.budgetlab");
	const char *p = tu_path("move.budgetlab");
	bl_err e = { { 0 } };
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B");
	int64_t x = tu_line(s, "X", a, BL_DIR_EXPENSE), y = tu_line(s, "Y", a, BL_DIR_EXPENSE);
	int64_t z = tu_line(s, "Z", b, BL_DIR_INCOME);
	const int64_t lines[] = { x, y, z };
	for (int i = 0; i < 3; i++) {
		tu_set(s, lines[i], 2028, 100 * (i + 1));
		bl_store_amount_set(s, lines[i], "adopted", 2028, 1000 * (i + 1), &e);
		bl_store_amount_set(s, lines[i], "first_reading", 2029, 10 * (i + 1), &e);
	}
	/* X moves to B, Y becomes income, Z stays. */
	static const row moved[] = {
		{ "B", "X", "En linje", BL_DIR_EXPENSE, { 100, 0, 0, 0 }, { true, false, false, false } },
		{ "A", "Y", "En linje", BL_DIR_INCOME, { 200, 0, 0, 0 }, { true, false, false, false } },
		{ "B", "Z", "En linje", BL_DIR_INCOME, { 300, 0, 0, 0 }, { true, false, false, false } },
	};
	bl_bulk_counts c;
	ok(import(s, "move.csv", moved, 3, true, NULL, &c, &e) == 0, "a replacing import that moves X, flips Y");
	ok(counts_are(&c, 0, 0, 3, 0, 3, 3), "counts: 3 reused, 3 replaced by 3");
	ok(tu_totals_match(s, p), "every version's totals match its amounts, by area and year");
	bl_area_total *t;
	size_t n;
	bl_money a_inc = -1, a_exp = -1, b_inc = -1, b_exp = -1;
	bl_store_area_totals(s, "adopted", &t, &n, &e);
	for (size_t i = 0; i < n; i++)
		if (t[i].year == 2028 && t[i].area_id == a) {
			a_inc = t[i].income;
			a_exp = t[i].expense;
		} else if (t[i].year == 2028 && t[i].area_id == b) {
			b_inc = t[i].income;
			b_exp = t[i].expense;
		}
	free(t);
	ok(a_inc == 2000 && a_exp == 0, "adopted, area A: Y's 2000 now income, X gone (%lld/%lld)",
	   (long long)a_inc, (long long)a_exp);
	ok(b_inc == 3000 && b_exp == 1000, "adopted, area B: X's 1000 expenses with Z's income (%lld/%lld)",
	   (long long)b_inc, (long long)b_exp);
	bl_money inc[4], exp[4];
	bl_store_year_totals(s, "first_reading", inc, exp, &e);
	ok(inc[1] == 50 && exp[1] == 10, "first_reading's whole budget: Y's 20 moved to income");
	ok(amount_of(p, "X", "adopted", 2028) == 1000, "the other versions' amounts themselves are kept");

	/* A move by a put without bl_bulk_replace, too. */
	static const row back[] = {
		{ "A", "X", "En linje", BL_DIR_EXPENSE, { 100, 0, 0, 0 }, { true, false, false, false } },
	};
	ok(import(s, "back.csv", back, 1, false, NULL, &c, &e) == 0, "X back to A, without replacing");
	ok(tu_totals_match(s, p), "every version's totals match again");
	bl_store_close(s);
}

/* ---- what a replacement removes, and what it keeps ---- */

static void test_remove(void)
{
	bl_store *s = tu_create("remove.budgetlab");
	const char *p = tu_path("remove.budgetlab");
	bl_err e = { { 0 } };
	static const row first[] = {
		{ "A", "L1", "Gone", BL_DIR_EXPENSE, { 1, 1, 1, 1 }, ALL },
		{ "A", "L2", "Serves a goal", BL_DIR_EXPENSE, { 2, 2, 2, 2 }, ALL },
		{ "A", "L3", "Adopted too", BL_DIR_EXPENSE, { 3, 3, 3, 3 }, ALL },
		{ "A", "L4", "Again, empty", BL_DIR_EXPENSE, { 4, 4, 4, 4 }, ALL },
		{ "A", "L5", "Again", BL_DIR_EXPENSE, { 5, 5, 5, 5 }, ALL },
		{ "A", "L7", "Again, refused", BL_DIR_EXPENSE, { 7, 7, 7, 7 }, ALL },
	};
	bl_bulk_counts c;
	ok(import(s, "first.csv", first, 6, true, NULL, &c, &e) == 0, "the first import");
	int64_t a;
	bl_store_area_find(s, "A", &a, &e);
	bl_goal g = { 0, 0, (char *)"Trivsel", NULL, BL_GOAL_DRAFT };
	int64_t gid, l2 = line_id(s, "L2");
	ok(bl_store_goal_add(s, &g, &gid, &e) == 0 && bl_store_goal_link(s, gid, l2, &e) == 0,
	   "L2 serves a goal");
	ok(bl_store_amount_set(s, line_id(s, "L3"), "adopted", 2028, 33, &e) == 0,
	   "L3 has an adopted amount");
	tu_line(s, "L6", a, BL_DIR_EXPENSE); /* by hand, never had amounts */
	int64_t trig = count_of(p, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
	int64_t j = tu_journal(s);

	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "second.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "a second, replacing import");
	bl_line l4 = { 0, (char *)"L4", (char *)"Again, empty", a, 0, 0, NULL };
	bl_line l5 = { 0, (char *)"L5", (char *)"Again", a, 0, 0, NULL };
	bl_line l7 = { 0, (char *)"L7", (char *)"Changed title", a, 0, 0, NULL };
	ok(bl_bulk_line_put(b, &l4, (bl_money[]){ 0, 0, 0, 0 }, (bool[])NONE, 4, NULL, NULL, &e) == 0,
	   "L4 again, without amounts");
	ok(bl_bulk_line_put(b, &l5, (bl_money[]){ 50, 50, 50, 50 }, NULL, 4, NULL, NULL, &e) == 0,
	   "L5 again, with amounts");
	ok(bl_bulk_line_put(b, &l7, (bl_money[]){ 1, INT64_MIN, 1, 1 }, NULL, 4, NULL, NULL, &e) != 0,
	   "L7 again, refused (an impossible amount)");
	like(e.msg, "out of range", "saying why");
	like(e.msg, "budget line 'L7', 2029", "naming the line and the year");
	ok(bl_bulk_commit_counts(b, &c, &e) == 0, "commit");
	ok(counts_are(&c, 0, 0, 2, 1, 4, 24), "counts: 2 reused, 1 removed, 4 amounts, 24 replaced");
	ok(!line_exists(s, "L1"), "L1, which lost all its amounts, is removed");
	ok(line_exists(s, "L2"), "L2 (a goal link) is kept");
	ok(line_exists(s, "L3"), "L3 (an amount in another version) is kept");
	is_int(amount_of(p, "L3", "adopted", 2028), 33, "with that amount");
	ok(line_exists(s, "L4"), "L4 (in the file, without amounts) is kept");
	ok(line_exists(s, "L6"), "L6 (never had amounts) is kept");
	bl_line f;
	ok(bl_store_line_find(s, "L7", &f, &e) == 0 && strcmp(f.title, "Again, refused") == 0,
	   "L7 (in the file, refused) is kept as it was");
	bl_line_clear(&f);
	is_int(count_of(p, "SELECT count(*) FROM amount WHERE version_id = 1"), 4,
	       "the version has only the new amounts");
	is_int(count_of(p, "SELECT count(*) FROM goal_line"), 1, "the goal link is there");
	is_int(tu_journal(s), j + 1, "one journal entry, no entry per removed line");
	is_int(count_of(p, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), trig,
	       "the triggers are back");
	ok(tu_totals_match(s, p), "the totals match");
	char *after = newest_after(s);
	like(after, "\"replaced\":24,\"created\":0,\"updated\":2,\"removed\":1}", "removed in the journal");
	free(after);
	bl_store_close(s);
}

/* ---- refusals leave the database as it was ---- */

static void test_refusals(void)
{
	bl_store *s = tu_create("refuse.budgetlab");
	const char *p = tu_path("refuse.budgetlab");
	bl_err e = { { 0 } };
	bl_bulk_counts c;
	ok(import(s, "f.csv", file1, N_FILE1, true, NULL, &c, &e) == 0, "an import");
	int64_t a, bb;
	bl_store_area_find(s, "A", &a, &e);
	bl_store_area_find(s, "B", &bb, &e);
	char *before = dump(p);

	/* A total that overflows at the commit. */
	static const row big[] = {
		{ "A", "1.01", "Skoler", BL_DIR_EXPENSE, { INT64_MAX, 0, 0, 0 }, ALL },
		{ "A", "1.03", "Kun i år", BL_DIR_EXPENSE, { 1, 0, 0, 0 }, { true, false, false, false } },
	};
	memset(&c, 0x5A, sizeof c);
	ok(import(s, "big.csv", big, 2, true, NULL, &c, &e) != 0, "a replacing load whose totals overflow");
	like(e.msg, "overflow", "is refused as an overflow");
	like(e.msg, "nothing was loaded into", "and undone");
	ok(counts_are(&c, 0, 0, 0, 0, 0, 0), "commit_counts gives zeros: nothing was kept");
	ok(same_dump(p, before), "the database is as it was (lines, amounts, totals, journal)");

	/* A move whose totals overflow in another version than the loaded. */
	ok(bl_store_amount_set(s, line_id(s, "2.01"), "adopted", 2028, INT64_MAX, &e) == 0,
	   "(adopted: B near the top)");
	/* A's two lines cancel out: the whole budget stays in range. */
	ok(bl_store_amount_set(s, line_id(s, "1.03"), "adopted", 2028, -1, &e) == 0,
	   "(adopted: -1 in A)");
	ok(bl_store_amount_set(s, line_id(s, "1.01"), "adopted", 2028, 1, &e) == 0,
	   "(adopted: 1 in A)");
	free(before);
	before = dump(p);
	static const row move[] = {
		{ "B", "1.01", "Skoler", BL_DIR_EXPENSE, { 1, 1, 1, 1 }, ALL },
	};
	ok(import(s, "move.csv", move, 1, false, NULL, &c, &e) != 0,
	   "moving a line whose adopted amount overflows B's adopted total");
	like(e.msg, "adopted version", "is refused, naming the version");
	ok(same_dump(p, before), "and the database is as it was");

	/* Refused puts on existing lines leave them as they were, and the
	 * load goes on. */
	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "refused.csv", &b, &e) == 0, "bulk_begin");
	bl_line l = { 0, (char *)"1.01", (char *)"Ny", a, 0, 0, NULL };
	bool created = true;
	int64_t id = -7;
	ok(bl_bulk_line_put(b, &l, (bl_money[]){ 1, 1, INT64_MIN, 1 }, NULL, 4, &id, &created, &e) != 0,
	   "an impossible amount");
	ok(id == -7 && created, "(id and created untouched)");
	l.area_id = 4242;
	ok(bl_bulk_line_put(b, &l, (bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, NULL, &e) != 0,
	   "an unknown area");
	is_str(e.msg, "budget line '1.01': no area with id 4242", "saying so");
	l.area_id = bb;
	ok(bl_bulk_line_put(b, &l, (bl_money[]){ 1, 1, 1 }, NULL, 3, NULL, NULL, &e) != 0,
	   "the wrong number of years");
	l.title = (char *)" ";
	ok(bl_bulk_line_put(b, &l, (bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, NULL, &e) != 0,
	   "a blank title");
	l.title = (char *)"Ny";
	l.code = (char *)"";
	ok(bl_bulk_line_put(b, &l, (bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, NULL, &e) != 0,
	   "a blank code");
	bl_bulk_counts_get(b, &c);
	ok(counts_are(&c, 0, 0, 0, 0, 0, 0), "none of them counted");
	ok(bl_bulk_replace(b, &e) != 0, "bl_bulk_replace after a refused line is refused");
	like(e.msg, "only before the first", "saying when it may be called");
	ok(bl_bulk_commit(b, &e) == 0, "the load commits");
	char *now = dump(p);
	is_str(budget_of(now), budget_of(before),
	       "and the budget is as it was (the amounts were not replaced): only a journal entry is new");
	free(now);

	/* bl_bulk_replace twice. */
	ok(bl_store_bulk_begin(s, "proposal", "twice.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "bl_bulk_replace");
	ok(bl_bulk_replace(b, &e) != 0, "a second call is refused");
	like(e.msg, "already", "saying so");
	ok(bl_bulk_line_put(b, &(bl_line){ 0, (char *)"1.01", (char *)"Skoler", a, 0, 0, NULL },
			    (bl_money[]){ 1, 2, 3, 4 }, NULL, 4, NULL, NULL, &e) == 0,
	   "the load goes on");
	ok(bl_bulk_commit_counts(b, &c, &e) == 0, "and commits");
	ok(counts_are(&c, 0, 0, 1, 2, 4, AMOUNTS_FILE1),
	   "replaced once: 15 amounts replaced, 2 lines removed");
	is_int(n_lines(s), 4, "left: 1.01, 1.03 and 2.01 (adopted amounts), 2.03 (never had any)");
	free(before);
	bl_store_close(s);
}

/* ---- the note ---- */

static void test_note(void)
{
	bl_store *s = tu_create("note.budgetlab");
	bl_err e = { { 0 } };
	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "n.csv", &b, &e) == 0, "bulk_begin");
	static const struct {
		const char *json, *want;
	} bad[] = {
		{ "not json", "not a flat JSON object" },
		{ "{\"a\":{\"b\":1}}", "nested" },
		{ "{\"a\":[1]}", "nested" },
		{ "{\"a\":true}", "true or false" },
		{ "{\"a\":1.5}", "not whole" },
		{ "{\"a\":99999999999999999999}", "64-bit" },
		{ "{\"a\":1,\"a\":2}", "given before" },
		{ "{\"a\":1", "cut short" },
		{ "{\"lines\":1}", "member 'lines', which the entry has itself" },
		{ "{\"\\u0072eplaced\":1}", "member 'replaced'" },
		{ "{\"a\":null}", "'a' with the value null" },
		{ "{\"a\":\"\\u001b[2J\",\"\\u001bk\":null}", "'\\x1bk' with the value null" },
	};
	ok(bl_bulk_set_note(b, "{\"profile\":\"bergen\",\"rows\":3}", &e) == 0, "a note");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		bl_err_clear(&e);
		ok(bl_bulk_set_note(b, bad[i].json, &e) != 0 && strstr(e.msg, bad[i].want),
		   "refused: %s (%s)", bad[i].json, e.msg);
	}
	char many[1024] = "{";
	for (int i = 0; i < BL_JSON_MAX_FIELDS - 8; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "%s\"k%d\":%d", i ? "," : "", i, i);
	strcat(many, "}");
	ok(bl_bulk_set_note(b, many, &e) != 0 && strstr(e.msg, "at most 23"),
	   "more members than the journal's reader takes beside the entry's own: %s", e.msg);
	int64_t a;
	bl_bulk_area(b, 0, "A", "A", &a, &e);
	bl_bulk_line(b, &(bl_line){ 0, (char *)"1", (char *)"T", a, 0, 0, NULL },
		     (bl_money[]){ 1, 2, 3, 4 }, NULL, 4, NULL, &e);
	ok(bl_bulk_commit(b, &e) == 0, "commit after refused notes");
	char *after = newest_after(s);
	is_str(after, "{\"source\":\"n.csv\",\"version\":\"proposal\",\"areas\":1,\"lines\":1,\"amounts\":4,"
		      "\"created\":1,\"updated\":0,\"removed\":0,\"profile\":\"bergen\",\"rows\":3}",
	       "the first note is kept: the refused ones changed nothing");
	char sum[512];
	ok(bl_journal_summary("import", "bulk", "n.csv", NULL, after, BL_LANG_DA, BL_UNIT_KR, sum,
			      sizeof sum) == BL_JSUM_OK,
	   "the journal's reader takes the entry");
	is_str(sum, "loaded \"n.csv\" into proposal: 1 lines, 4 amounts, 1 new areas; 3 rows read",
	       "the summary, the profile left out");
	free(after);

	/* A second note replaces the first, NULL removes it; the largest
	 * note is still readable. */
	ok(bl_store_bulk_begin(s, "proposal", "m.csv", &b, &e) == 0, "bulk_begin");
	ok(bl_bulk_set_note(b, "{\"x\":1}", &e) == 0 && bl_bulk_set_note(b, NULL, &e) == 0, "a note, then NULL");
	ok(bl_bulk_commit(b, &e) == 0, "commit");
	after = newest_after(s);
	like(after, "\"removed\":0}", "no note");
	free(after);
	many[strlen(many) - 1] = '\0';
	char *comma = strrchr(many, ',');
	*comma = '\0';
	strcat(many, "}");
	ok(bl_store_bulk_begin(s, "proposal", "max.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "a replacing load");
	ok(bl_bulk_set_note(b, many, &e) == 0, "with a note of 23 members");
	ok(bl_bulk_commit(b, &e) == 0, "commit");
	after = newest_after(s);
	ok(bl_journal_summary("import", "bulk", "max.csv", NULL, after, BL_LANG_DA, BL_UNIT_KR, sum,
			      sizeof sum) == BL_JSUM_OK,
	   "32 members in all: the journal's reader takes them (%s)", sum);
	free(after);
	bl_store_close(s);
}

/* ---- abort after a replacement ---- */

static void test_abort(void)
{
	bl_store *s = tu_create("abort.budgetlab");
	const char *p = tu_path("abort.budgetlab");
	bl_err e = { { 0 } };
	bl_bulk_counts c;
	ok(import(s, "f.csv", file1, N_FILE1, true, NULL, &c, &e) == 0, "an import");
	char *before = dump(p);
	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "a replacing load");
	bl_bulk_counts_get(b, &c);
	ok(counts_are(&c, 0, 0, 0, 0, 0, AMOUNTS_FILE1), "15 amounts replaced so far");
	bl_bulk_abort(b);
	ok(same_dump(p, before), "aborted: the database is as it was");
	free(before);
	ok(import(s, "f.csv", file1, 2, true, NULL, &c, &e) == 0, "a replacing load after the abort");
	ok(counts_are(&c, 0, 0, 2, 3, 8, AMOUNTS_FILE1), "works: 2 lines reused, 3 removed");
	is_int(n_lines(s), 3, "three lines left (2.03 never had amounts)");
	ok(tu_totals_match(s, p), "the totals match");
	bl_store_close(s);

	/* Closing with a replacing load open rolls it back. */
	ok(bl_store_open(p, false, &s, &e) == 0, "reopen");
	before = dump(p);
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0,
	   "a replacing load, left open");
	bl_store_close(s);
	ok(same_dump(p, before), "closing undid it");
	free(before);
}

int main(void)
{
	tu_init();
	test_twice();
	test_put();
	test_move();
	test_remove();
	test_refusals();
	test_note();
	test_abort();
	tu_cleanup();
	return tap_done();
}
