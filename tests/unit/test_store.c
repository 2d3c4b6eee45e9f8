/* test_store.c: the store (src/store) against its contract in store.h:
 * creating and opening files (and refusing the wrong ones without
 * touching them), read-only opens, the journal, locks, years, totals and
 * overflow, the bulk loader, areas, lines, phases, goals and
 * transactions.  Migrations from frozen schemas are in test_migrate.c. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>

#include "core/gates.h"
#include "store_util.h"

/* ---- creating ---- */

static void test_create(void)
{
	const char *p = tu_path("create.budgetlab");
	bl_process_def *d = tu_def();
	bl_store *s = NULL;
	bl_err e = { { 0 } };

	/* umask 0 would give 0666 to a plain open(); the store must still
	 * make it 0600. */
	mode_t old = umask(0);
	int rc = bl_store_create(p, d, TU_YAML, &s, &e);
	umask(old);
	ok(rc == 0, "create a new database");
	if (rc)
		diag("%s", e.msg);
	struct stat st;
	ok(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600,
	   "the file is created 0600, whatever the umask (mode %o)",
	   (unsigned)(st.st_mode & 0777));

	bl_process_info info;
	ok(bl_store_info(s, &info, &e) == 0, "info can be read");
	is_str(info.municipality, "Egekær Kommune", "the municipality is kept");
	is_str(info.title, "Budget 2028-2031", "the title is kept");
	is_str(info.currency, "DKK", "the currency is kept");
	is_int(info.lang, BL_LANG_DA, "the language is kept");
	is_int(info.budget_year, 2028, "the budget year is kept");
	is_int(info.n_years, 4, "n_years is 1 + outline years");
	bl_process_info_free(&info);
	char *yaml = NULL;
	ok(bl_store_config_text(s, &yaml, &e) == 0 && yaml && strcmp(yaml, TU_YAML) == 0,
	   "the YAML text is kept in the database");
	free(yaml);

	int idx = 7;
	char *id = (char *)"x";
	ok(bl_store_phase_current(s, &idx, &id, &e) == 0 && idx == -1 && id == NULL,
	   "a new process is being set up (index -1, no id)");
	unsigned mask = 99;
	ok(bl_store_locks(s, &mask, &e) == 0 && mask == 0, "nothing is locked while setting up");
	is_int(tu_journal(s), 1, "creating the process is the journal's first entry");
	bl_store_close(s);

	is_int(tu_int(p, "PRAGMA application_id"), 0x424C4142, "application_id is 'BLAB'");
	is_int(tu_int(p, "PRAGMA user_version"), BL_SCHEMA_VERSION, "user_version is the schema version");
	is_int(tu_int(p, "SELECT count(*) FROM version"), 3, "three versions are seeded");
	is_int(tu_int(p, "SELECT count(*) FROM version WHERE key = 'proposal'"
		      " AND title = 'Administrationens forslag' AND ord = 0"), 1,
	       "the proposal is 'Administrationens forslag', first");
	is_int(tu_int(p, "SELECT count(*) FROM phase"), 4, "the phases are written");
	is_int(tu_int(p, "SELECT count(*) FROM phase WHERE ord = 0 AND id = 'goals'"
		      " AND window_from = '2027-01-01' AND window_to = '2027-03-31'"
		      " AND locks = 1 AND n_checklist = 2"), 1,
	       "with order, id, window, checklist size and locks");
	is_int(tu_int(p, "SELECT count(*) FROM phase WHERE window_from IS NULL"), 3,
	       "phases without a window have none");
	is_int(tu_int(p, "SELECT current FROM phase_state"), -1, "the phase state is -1");
	is_str(tu_int(p, "PRAGMA journal_mode") != INT64_MIN ? "ok" : NULL, "ok",
	       "the file can be read by another connection");

	/* An existing file is refused and left as it was. */
	size_t len;
	unsigned char *before = tu_slurp(p, &len);
	s = NULL;
	ok(bl_store_create(p, d, TU_YAML, &s, &e) != 0 && s == NULL,
	   "create refuses an existing database");
	like(e.msg, "already exists", "and says it exists");
	like(e.msg, "create.budgetlab", "and names the file");
	ok(tu_same(p, before, len), "the existing file is unchanged");
	free(before);
	const char *empty = tu_path("empty-existing");
	tu_write(empty, "", 0);
	ok(bl_store_create(empty, d, TU_YAML, &s, &e) != 0,
	   "create refuses even an empty existing file");
	struct stat est;
	ok(stat(empty, &est) == 0 && est.st_size == 0, "which stays empty");

	/* A failure half-way leaves nothing behind. */
	const char *bad = tu_path("bad.budgetlab");
	free(d->currency);
	d->currency = tu_strdup("kroner");
	ok(bl_store_create(bad, d, TU_YAML, &s, &e) != 0, "a bad currency is refused");
	like(e.msg, "currency", "the message names the currency");
	ok(!tu_exists(bad) && !tu_sidecars(bad), "and no file is left behind");
	free(d->currency);
	d->currency = tu_strdup("DKK");
	free(d->phases[1].id);
	d->phases[1].id = tu_strdup("goals");
	ok(bl_store_create(bad, d, TU_YAML, &s, &e) != 0, "two phases with one id are refused");
	ok(!tu_exists(bad) && !tu_sidecars(bad), "and no file is left behind");
	free(d->phases[1].id);
	d->phases[1].id = tu_strdup("labs");
	d->phases[0].to = bl_date_from_ymd(2026, 12, 31);
	ok(bl_store_create(bad, d, TU_YAML, &s, &e) != 0, "a window that ends before it begins is refused");
	like(e.msg, "window", "the message names the window");
	ok(!tu_exists(bad), "and no file is left behind");
	d->phases[0].to = bl_date_from_ymd(2027, 3, 31);
	ok(bl_store_create(tu_path("no/such/dir.budgetlab"), d, TU_YAML, &s, &e) != 0,
	   "create in a missing directory fails");
	like(e.msg, "dir.budgetlab", "naming the file");
	bl_process_def_free(d);
}

/* ---- refusing files ---- */

/* Open path both ways: refused with a message containing want and the
 * file name; the bytes (if any) and the absence of -wal/-shm unchanged. */
static void refused(const char *path, const char *want, const char *what)
{
	size_t len = 0;
	unsigned char *before = tu_exists(path) ? tu_slurp(path, &len) : NULL;
	const char *name = strrchr(path, '/') + 1;
	for (int ro = 0; ro < 2; ro++) {
		bl_store *s = (bl_store *)1;
		bl_err e = { { 0 } };
		int rc = bl_store_open(path, ro, &s, &e);
		ok(rc != 0 && s == NULL, "%s: refused (%s)", what, ro ? "read-only" : "read-write");
		like(e.msg, want, "%s: the message says why", what);
		like(e.msg, name, "%s: the message names the file", what);
		if (before)
			ok(tu_same(path, before, len), "%s: the bytes are unchanged", what);
		else
			ok(!tu_exists(path), "%s: no file is created", what);
		ok(!tu_sidecars(path), "%s: no -wal or -shm file is created", what);
	}
	free(before);
}

static void test_refusals(void)
{
	refused(tu_path("missing.budgetlab"), "does not exist", "a missing file");

	const char *junk = tu_path("junk.budgetlab");
	unsigned char bytes[4096];
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(i * 7919 % 251);
	tu_write(junk, bytes, sizeof bytes);
	refused(junk, "is not a budgetlab database (it is not an SQLite file)", "garbage bytes");

	const char *text = tu_path("text.budgetlab");
	tu_write(text, "area;code\n1;2\n", 14);
	refused(text, "not an SQLite file", "a text file");

	const char *empty = tu_path("empty.budgetlab");
	tu_write(empty, "", 0);
	refused(empty, "it is empty", "an empty file");

	const char *dir = tu_path("dir.budgetlab");
	mkdir(dir, 0700);
	refused(dir, "directory", "a directory");

	/* Another program's SQLite database. */
	const char *other = tu_path("other.db");
	sqlite3 *db;
	sqlite3_open_v2(other, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
	sqlite3_close(db);
	refused(other, "another program", "an SQLite file without our application_id");

	/* A budgetlab file from a newer version. */
	bl_store *s = tu_create("newer.budgetlab");
	bl_store_close(s);
	const char *newer = tu_path("newer.budgetlab");
	char msg[256];
	char sql[64], want[128];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", BL_SCHEMA_VERSION + 1);
	ok(tu_exec(newer, sql, msg, sizeof msg) == SQLITE_OK, "(mark a file as the next schema)");
	snprintf(want, sizeof want,
		 "was written by a newer budgetlab (schema %d; this build reads up to %d)",
		 BL_SCHEMA_VERSION + 1, BL_SCHEMA_VERSION);
	refused(newer, want, "a newer schema");

	/* A real database cut short, as a copy that stopped half-way. */
	s = tu_create("full.budgetlab");
	int64_t a = tu_area(s, 0, "A");
	for (int i = 0; i < 300; i++) {
		char code[32];
		snprintf(code, sizeof code, "1.%03d", i);
		tu_line(s, code, a, BL_DIR_EXPENSE);
	}
	bl_store_close(s);
	size_t len;
	unsigned char *full = tu_slurp(tu_path("full.budgetlab"), &len);
	ok(len > 40000, "(a database of %zu bytes)", len);
	const char *cut = tu_path("cut.budgetlab");
	tu_write(cut, full, 20000);
	refused(cut, "damaged", "a truncated database");
	tu_write(cut, full, 16384);
	refused(cut, "cut short", "a database cut at a page boundary");
	free(full);
}

/* Damage that the header cannot show surfaces when the page is read, as
 * a message that says the file is damaged. */
static int count_line(void *ctx, const bl_line *l, const bl_money *a, const bool *has, int n)
{
	(void)l;
	(void)a;
	(void)has;
	(void)n;
	++*(int *)ctx;
	return 0;
}

static void test_corrupt_page(void)
{
	bl_store *s = tu_create("corrupt.budgetlab");
	int64_t a = tu_area(s, 0, "A");
	for (int i = 0; i < 400; i++) {
		char code[32];
		snprintf(code, sizeof code, "2.%03d", i);
		int64_t l = tu_line(s, code, a, BL_DIR_EXPENSE);
		tu_set(s, l, 2028, i);
	}
	bl_store_close(s);
	const char *p = tu_path("corrupt.budgetlab");
	int64_t root = tu_int(p, "SELECT rootpage FROM sqlite_schema WHERE name = 'line'");
	int64_t page = tu_int(p, "PRAGMA page_size");
	/* Scribble over the line table's root page (an interior page, as
	 * the table has 400 rows), past the 100-byte file header. */
	int fd = open(p, O_RDWR);
	unsigned char junk[512];
	memset(junk, 0xA5, sizeof junk);
	ok(fd >= 0 && pwrite(fd, junk, sizeof junk, (off_t)((root - 1) * page)) ==
			      (ssize_t)sizeof junk,
	   "(damage page %lld)", (long long)root);
	close(fd);
	bl_err e = { { 0 } };
	s = NULL;
	int rc = bl_store_open(p, true, &s, &e);
	int n = 0;
	bool on_file = false;
	if (rc == 0) {
		rc = bl_store_lines_each(s, "proposal", 0, count_line, &n, &e);
		on_file = bl_store_failed_on_file(s);
		bl_store_close(s);
	}
	ok(rc != 0, "reading a damaged page fails");
	ok(on_file, "as a failure of the file, not a refusal");
	like(e.msg, "damaged", "with a message that says the file is damaged");
	like(e.msg, "corrupt.budgetlab", "and names it");
}

/* ---- read-only ---- */

static void test_readonly(void)
{
	bl_store *s = tu_create("ro.budgetlab");
	int64_t a = tu_area(s, 0, "A");
	int64_t l = tu_line(s, "1.01", a, BL_DIR_EXPENSE);
	tu_set(s, l, 2028, 500);
	bl_goal g0 = { 0, 0, (char *)"Mål", NULL, BL_GOAL_DRAFT };
	int64_t gid;
	bl_err e;
	bl_store_goal_add(s, &g0, &gid, &e);
	bl_store_close(s);
	const char *p = tu_path("ro.budgetlab");
	size_t len;
	unsigned char *before = tu_slurp(p, &len);

	ok(bl_store_open(p, true, &s, &e) == 0, "open read-only");
	bl_line line = { l, (char *)"1.01", (char *)"Ny titel", a, BL_KIND_OPERATION,
			 BL_DIR_EXPENSE, NULL };
	bl_goal g = { gid, 0, (char *)"Nyt mål", NULL, BL_GOAL_DRAFT };
	int64_t id;
	bl_bulk *b = NULL;
#define REFUSED(call, what)                                                   \
	do {                                                                  \
		bl_err e_ = { { 0 } };                                        \
		ok((call) != 0 && strstr(e_.msg, "read-only"),                \
		   "read-only: %s is refused", what);                         \
	} while (0)
	ok(bl_store_area_add(s, 0, "B", "B", &id, &e) != 0, "read-only: area_add is refused");
	like(e.msg, "read-only", "with a message that says so");
	like(e.msg, "ro.budgetlab", "naming the file");
	REFUSED(bl_store_line_add(s, &line, &id, &e_), "line_add");
	REFUSED(bl_store_line_update(s, &line, &e_), "line_update");
	REFUSED(bl_store_line_delete(s, l, &e_), "line_delete");
	REFUSED(bl_store_amount_set(s, l, "proposal", 2028, 1, &e_), "amount_set");
	REFUSED(bl_store_amount_clear(s, l, "proposal", 2028, &e_), "amount_clear");
	REFUSED(bl_store_goal_add(s, &g, &id, &e_), "goal_add");
	REFUSED(bl_store_goal_update(s, &g, &e_), "goal_update");
	REFUSED(bl_store_goal_link(s, gid, l, &e_), "goal_link");
	REFUSED(bl_store_goal_unlink(s, gid, l, &e_), "goal_unlink");
	REFUSED(bl_store_goal_delete(s, gid, &e_), "goal_delete");
	REFUSED(bl_store_phase_advance(s, 0, NULL, NULL, &e_), "phase_advance");
	REFUSED(bl_store_checklist_set(s, "goals", 0, true, &e_), "checklist_set");
	REFUSED(bl_store_begin(s, &e_), "begin");
	REFUSED(bl_store_bulk_begin(s, "proposal", "test", &b, &e_), "bulk_begin");
	ok(b == NULL, "no bulk handle is returned");
#undef REFUSED
	/* Reading works. */
	bl_money am[4];
	bool has[4];
	ok(bl_store_line_amounts(s, l, "proposal", am, has, 4, &e) == 0 && has[0] && am[0] == 500,
	   "read-only: amounts can be read");
	bl_money inc[4], exp[4];
	ok(bl_store_year_totals(s, "proposal", inc, exp, &e) == 0 && exp[0] == 500,
	   "read-only: totals can be read");
	bl_store_close(s);
	ok(tu_same(p, before, len), "read-only: the file is unchanged");
	free(before);
}

/* ---- the journal ---- */

typedef struct jrec {
	char at[32], actor[64], entity[16], key[64], action[16];
	char before[512], after[512];
	bool has_before, has_after;
	int n;
} jrec;

static int first_entry(void *ctx, const bl_journal_entry *e)
{
	jrec *r = ctx;
	if (r->n++ == 0) {
		snprintf(r->at, sizeof r->at, "%s", e->at);
		snprintf(r->actor, sizeof r->actor, "%s", e->actor);
		snprintf(r->entity, sizeof r->entity, "%s", e->entity);
		snprintf(r->key, sizeof r->key, "%s", e->key ? e->key : "(null)");
		snprintf(r->action, sizeof r->action, "%s", e->action);
		r->has_before = e->before != NULL;
		r->has_after = e->after != NULL;
		snprintf(r->before, sizeof r->before, "%s", e->before ? e->before : "");
		snprintf(r->after, sizeof r->after, "%s", e->after ? e->after : "");
	}
	return 0;
}

static jrec last_entry(bl_store *s)
{
	jrec r;
	memset(&r, 0, sizeof r);
	bl_err e;
	if (bl_store_journal_each(s, NULL, 1, first_entry, &r, &e) != 0)
		diag("journal: %s", e.msg);
	return r;
}

/* Check that the journal grew by want since *n, and move *n on. */
static void grew(bl_store *s, int64_t *n, int64_t want, const char *what)
{
	int64_t now = tu_journal(s);
	is_int(now - *n, want, "journal +%lld: %s", (long long)want, what);
	*n = now;
}

static void test_journal(void)
{
	bl_store *s = tu_create("journal.budgetlab");
	bl_err e = { { 0 } };
	int64_t n = tu_journal(s);
	jrec r = last_entry(s);
	is_str(r.entity, "process", "the first entry is the process");
	is_str(r.action, "insert", "inserted");
	like(r.after, "\"municipality\":\"Egekær Kommune\"", "with the municipality");

	int64_t a = tu_area(s, 0, "A");
	grew(s, &n, 1, "area_add");
	r = last_entry(s);
	is_str(r.entity, "area", "an area entry");
	is_str(r.key, "A", "keyed by the area code");
	is_str(r.actor, ACTOR, "by the actor from BUDGETLAB_ACTOR");
	is_str(r.at, NOW, "at bl_now (BUDGETLAB_NOW)");
	int64_t ax = tu_area(s, a, "X");
	grew(s, &n, 1, "area_add below");
	r = last_entry(s);
	like(r.after, "\"parent\":\"A\"", "the entry names the parent");
	like(r.after, "\"level\":2", "and the level");

	int64_t l1 = tu_line(s, "5.32.32", ax, BL_DIR_EXPENSE);
	grew(s, &n, 1, "line_add");
	r = last_entry(s);
	is_str(r.entity, "line", "a line entry");
	is_str(r.key, "5.32.32", "keyed by the line code");
	ok(!r.has_before && r.has_after, "an insert has only 'after'");
	bl_line l = { l1, (char *)"5.32.32", (char *)"Folkeskoler i alt", ax, BL_KIND_OPERATION,
		      BL_DIR_EXPENSE, (char *)"Undervisning" };
	ok(bl_store_line_update(s, &l, &e) == 0, "line_update");
	grew(s, &n, 1, "line_update");
	r = last_entry(s);
	like(r.before, "\"title\":\"En linje\"", "before has the old title");
	like(r.after, "\"title\":\"Folkeskoler i alt\"", "after has the new title");
	like(r.after, "\"area\":\"A/X\"", "and the area by its path");
	ok(bl_store_line_update(s, &l, &e) == 0, "line_update to the same values");
	grew(s, &n, 0, "writes no journal entry (no 'no field changed')");

	tu_set(s, l1, 2028, 100);
	grew(s, &n, 1, "amount_set (new)");
	r = last_entry(s);
	is_str(r.entity, "amount", "an amount entry");
	is_str(r.action, "insert", "inserted");
	is_str(r.key, "5.32.32", "keyed by the line code");
	is_str(r.after, "{\"line\":\"5.32.32\",\"version\":\"proposal\",\"year\":2028,\"amount\":100}",
	       "after: line code, version key, year, amount");
	tu_set(s, l1, 2028, 100);
	grew(s, &n, 0, "amount_set to the same value changes nothing");
	tu_set(s, l1, 2028, 200);
	grew(s, &n, 1, "amount_set (change)");
	r = last_entry(s);
	is_str(r.action, "update", "an update");
	like(r.before, "\"amount\":100", "before: the old amount");
	like(r.after, "\"amount\":200", "after: the new amount");
	ok(bl_store_amount_clear(s, l1, "proposal", 2028, &e) == 0, "amount_clear");
	grew(s, &n, 1, "amount_clear");
	r = last_entry(s);
	ok(strcmp(r.action, "delete") == 0 && r.has_before && !r.has_after,
	   "a delete has only 'before'");
	ok(bl_store_amount_clear(s, l1, "proposal", 2028, &e) == 0, "clearing an absent amount is fine");
	grew(s, &n, 0, "amount_clear of nothing");
	tu_set(s, l1, 2029, 5);
	tu_set(s, l1, 2030, 6);
	grew(s, &n, 2, "two amounts");

	bl_goal g = { 0, a, (char *)"Flere børn i trivsel", NULL, BL_GOAL_DRAFT };
	int64_t gid = 0;
	ok(bl_store_goal_add(s, &g, &gid, &e) == 0 && gid > 0, "goal_add");
	grew(s, &n, 1, "goal_add");
	r = last_entry(s);
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)gid);
	is_str(r.key, key, "a goal entry is keyed by the goal id");
	g.id = gid;
	g.title = (char *)"Alle børn i trivsel";
	ok(bl_store_goal_update(s, &g, &e) == 0, "goal_update");
	grew(s, &n, 1, "goal_update");
	ok(bl_store_goal_link(s, gid, l1, &e) == 0, "goal_link");
	grew(s, &n, 1, "goal_link");
	r = last_entry(s);
	like(r.after, "\"line\":\"5.32.32\"", "the link names the line");
	ok(bl_store_goal_link(s, gid, l1, &e) == 0, "linking again is fine");
	grew(s, &n, 0, "goal_link of a linked line");
	ok(bl_store_goal_unlink(s, gid, l1, &e) == 0, "goal_unlink");
	grew(s, &n, 1, "goal_unlink");
	ok(bl_store_goal_unlink(s, gid, l1, &e) == 0, "unlinking again is fine");
	grew(s, &n, 0, "goal_unlink of an unlinked line");
	bl_store_goal_link(s, gid, l1, &e);
	grew(s, &n, 1, "goal_link again");

	ok(bl_store_checklist_set(s, "goals", 1, true, &e) == 0, "checklist_set tick");
	grew(s, &n, 1, "checklist tick");
	r = last_entry(s);
	like(r.after, "\"item\":2", "the entry numbers the item from 1");
	bl_store_checklist_set(s, "goals", 1, true, &e);
	grew(s, &n, 0, "ticking a ticked item");
	ok(bl_store_checklist_set(s, "goals", 1, false, &e) == 0, "checklist_set untick");
	grew(s, &n, 1, "checklist untick");

	/* A line's delete takes its amounts and links with it, each
	 * journalled, and the line entry last. */
	ok(bl_store_line_delete(s, l1, &e) == 0, "line_delete");
	grew(s, &n, 4, "line_delete: a link, two amounts and the line");
	r = last_entry(s);
	ok(strcmp(r.entity, "line") == 0 && strcmp(r.action, "delete") == 0, "the line entry is last");
	like(r.before, "\"code\":\"5.32.32\"", "with the line in 'before'");

	int64_t l2 = tu_line(s, "5.32.33", ax, BL_DIR_INCOME);
	bl_store_goal_link(s, gid, l2, &e);
	grew(s, &n, 2, "another line and a link");
	ok(bl_store_goal_delete(s, gid, &e) == 0, "goal_delete");
	grew(s, &n, 2, "goal_delete: the link and the goal");

	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "proposal", "test.csv", &b, &e) == 0, "bulk_begin");
	int64_t bb, bl_id;
	bl_bulk_area(b, 0, "B", "Bee", &bb, &e);
	bl_line bl = { 0, (char *)"9.01", (char *)"Bulk", bb, BL_KIND_CAPITAL, BL_DIR_EXPENSE, NULL };
	bl_money am[4] = { 1, 2, 3, 4 };
	ok(bl_bulk_line(b, &bl, am, NULL, 4, &bl_id, &e) == 0, "bulk_line");
	ok(bl_bulk_commit(b, &e) == 0, "bulk_commit");
	grew(s, &n, 1, "a bulk load: one entry");
	r = last_entry(s);
	is_str(r.entity, "import", "entity import");
	is_str(r.action, "bulk", "action bulk");
	is_str(r.after, "{\"source\":\"test.csv\",\"version\":\"proposal\",\"areas\":1,\"lines\":1,\"amounts\":4,"
	       "\"created\":1,\"updated\":0,\"removed\":0}",
	       "after says what was loaded (no \"replaced\": the load did not replace)");
	tu_set(s, bl_id, 2028, 10);
	grew(s, &n, 1, "a single change after a bulk load is journalled again");

	bl_store_set_actor(s, "Borgmester");
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) == 0, "phase_advance");
	grew(s, &n, 1, "phase_advance");
	r = last_entry(s);
	is_str(r.entity, "phase", "a phase entry");
	is_str(r.action, "advance", "action advance");
	is_str(r.key, "goals", "keyed by the phase id");
	is_str(r.actor, "Borgmester", "by the actor set with bl_store_set_actor");
	bl_store_set_actor(s, NULL);
	bl_store_area_add(s, 0, "C", "Cee", NULL, &e);
	r = last_entry(s);
	is_str(r.actor, ACTOR, "set_actor(NULL) goes back to BUDGETLAB_ACTOR");
	n = tu_journal(s);

	/* A refused change leaves no entry. */
	ok(bl_store_area_add(s, 0, "C", "Again", NULL, &e) != 0, "a duplicate area is refused");
	like(e.msg, "an area with code 'C' already exists at the top level", "with a clear message");
	grew(s, &n, 0, "a refused change");
	bl_store_close(s);

	/* The journal is append-only, even for the sqlite3 shell; and a
	 * connection without budgetlab's functions cannot change the budget
	 * behind the journal's back. */
	const char *p = tu_path("journal.budgetlab");
	char msg[256];
	ok(tu_exec(p, "UPDATE journal SET actor = 'mallory'", msg, sizeof msg) != SQLITE_OK,
	   "UPDATE on the journal is refused");
	is_str(msg, "the journal is append-only", "because it is append-only");
	ok(tu_exec(p, "DELETE FROM journal WHERE id = 1", msg, sizeof msg) != SQLITE_OK,
	   "DELETE on the journal is refused");
	is_str(msg, "the journal is append-only", "because it is append-only");
	ok(tu_exec(p, "UPDATE amount SET amount = 1", msg, sizeof msg) != SQLITE_OK,
	   "another program cannot change amounts (no bl_now/bl_actor)");
	like(msg, "no such function", "because the journal triggers need budgetlab's functions");
	ok(tu_exec(p, "INSERT INTO area (code, name, level) VALUES ('Z', 'Z', 1)", msg, sizeof msg) !=
		   SQLITE_OK,
	   "nor add an area");

	/* Reading the journal: newest first, a limit, a line filter. */
	ok(bl_store_open(p, true, &s, &e) == 0, "reopen");
	jrec all;
	memset(&all, 0, sizeof all);
	bl_store_journal_each(s, NULL, 0, first_entry, &all, &e);
	is_int(all.n, tu_journal(s), "limit 0: every entry");
	is_str(all.entity, "area", "newest first");
	memset(&all, 0, sizeof all);
	bl_store_journal_each(s, NULL, 3, first_entry, &all, &e);
	is_int(all.n, 3, "a limit is honoured");
	memset(&all, 0, sizeof all);
	bl_store_journal_each(s, "5.32.32", 0, first_entry, &all, &e);
	is_int(all.n, 10, "the line filter: the line's own entries (3) and its amounts' (7)");
	is_str(all.action, "delete", "newest first");
	memset(&all, 0, sizeof all);
	bl_store_journal_each(s, "A", 0, first_entry, &all, &e);
	is_int(all.n, 0, "the line filter does not match an area with that code");
	bl_store_close(s);
}

/* ---- locks ---- */

static void test_locks(void)
{
	bl_store *s = tu_create("locks.budgetlab");
	const char *p = tu_path("locks.budgetlab");
	bl_err e = { { 0 } };
	int64_t a = tu_area(s, 0, "BSU");
	int64_t l = tu_line(s, "3.22.01", a, BL_DIR_EXPENSE);
	tu_set(s, l, 2028, 1000);
	tu_set(s, l, 2029, 2000);
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) == 0, "into the goals phase");
	unsigned mask;
	bl_store_locks(s, &mask, &e);
	is_int(mask, BL_LOCK_AMOUNTS, "which locks amounts");
	int64_t n = tu_journal(s);
	bl_money inc0[4], exp0[4];
	bl_store_year_totals(s, "proposal", inc0, exp0, &e);

	ok(bl_store_amount_set(s, l, "proposal", 2028, 1, &e) != 0, "amount_set is refused");
	like(e.msg, "amounts are locked", "the message names the lock");
	like(e.msg, "Mål før økonomi", "and the phase");
	diag("%s", e.msg);
	ok(bl_store_amount_set(s, l, "proposal", 2030, 1, &e) != 0, "a new amount is refused");
	ok(bl_store_amount_clear(s, l, "proposal", 2028, &e) != 0, "amount_clear is refused");
	like(e.msg, "amounts are locked", "naming the lock");
	bl_line dl = { l, (char *)"3.22.01", (char *)"En linje", a, BL_KIND_OPERATION,
		       BL_DIR_INCOME, NULL };
	ok(bl_store_line_update(s, &dl, &e) != 0,
	   "turning an expense line into income (its amounts' meaning) is refused");
	like(e.msg, "amounts", "as an amount change");
	ok(bl_store_line_delete(s, l, &e) != 0, "deleting a line with amounts is refused");
	like(e.msg, "amounts are locked", "as an amount change");
	bl_bulk *b = NULL;
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) != 0 && !b, "a bulk load is refused");
	like(e.msg, "amounts are locked", "naming the lock");
	like(e.msg, "Mål før økonomi", "and the phase");
	bl_store_begin(s, &e);
	ok(bl_store_amount_set(s, l, "proposal", 2028, 1, &e) != 0,
	   "inside a transaction too");
	bl_store_rollback(s);

	bl_money am[4], inc[4], exp[4];
	bool has[4];
	bl_store_line_amounts(s, l, "proposal", am, has, 4, &e);
	ok(am[0] == 1000 && am[1] == 2000 && has[0] && has[1] && !has[2], "the amounts are unchanged");
	bl_store_year_totals(s, "proposal", inc, exp, &e);
	ok(memcmp(exp, exp0, sizeof exp) == 0 && memcmp(inc, inc0, sizeof inc) == 0,
	   "the totals are unchanged");
	grew(s, &n, 0, "refused changes leave no journal entry");
	bl_line tl = { l, (char *)"3.22.01", (char *)"Folkeskoler i alt", a, BL_KIND_OPERATION,
		       BL_DIR_EXPENSE, NULL };
	ok(bl_store_line_update(s, &tl, &e) == 0, "a title change is allowed");
	int64_t l2 = tu_line(s, "3.22.05", a, BL_DIR_EXPENSE);
	ok(l2 > 0, "adding a line without amounts is allowed");
	ok(bl_store_line_delete(s, l2, &e) == 0, "deleting a line without amounts is allowed");
	ok(tu_area(s, a, "BSU.01") > 0, "areas are not locked");
	bl_goal g = { 0, a, (char *)"Mål", NULL, BL_GOAL_DRAFT };
	int64_t gid;
	ok(bl_store_goal_add(s, &g, &gid, &e) == 0, "goals are not locked");
	int64_t l3 = tu_line(s, "3.22.09", a, BL_DIR_EXPENSE);
	ok(bl_store_goal_link(s, gid, l3, &e) == 0, "links are not locked");

	ok(bl_store_phase_advance(s, 1, NULL, NULL, &e) == 0, "into the labs phase (lines locked)");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"4.01", (char *)"Ny", a, BL_KIND_OPERATION,
					     BL_DIR_EXPENSE, NULL },
			     NULL, &e) != 0,
	   "line_add is refused");
	like(e.msg, "lines are locked", "naming the lock");
	like(e.msg, "Borgerlabs", "and the phase");
	tl.title = (char *)"Andet";
	ok(bl_store_line_update(s, &tl, &e) != 0, "line_update is refused");
	ok(bl_store_line_delete(s, l, &e) != 0, "line_delete is refused");
	like(e.msg, "lines are locked", "naming the lock");
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) != 0, "a bulk load is refused");
	like(e.msg, "lines are locked", "naming the lock");
	ok(bl_store_amount_set(s, l, "proposal", 2028, 1500, &e) == 0, "amounts may change again");

	ok(bl_store_phase_advance(s, 2, NULL, NULL, &e) == 0, "into the hearing (areas, goals locked)");
	ok(bl_store_area_add(s, 0, "NEW", "Ny", NULL, &e) != 0, "area_add is refused");
	like(e.msg, "areas are locked", "naming the lock");
	like(e.msg, "Høring", "and the phase");
	ok(bl_store_goal_add(s, &g, NULL, &e) != 0, "goal_add is refused");
	like(e.msg, "goals are locked", "naming the lock");
	g.id = gid;
	ok(bl_store_goal_update(s, &g, &e) != 0, "goal_update is refused");
	ok(bl_store_goal_link(s, gid, l, &e) != 0, "goal_link is refused");
	like(e.msg, "goals are locked", "naming the lock");
	ok(bl_store_goal_delete(s, gid, &e) != 0, "goal_delete is refused");
	ok(bl_store_line_delete(s, l3, &e) != 0,
	   "deleting a line that serves a goal is refused (it would unlink the goal)");
	like(e.msg, "goals are locked", "naming the goals lock");
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) == 0, "a bulk load may start");
	int64_t id;
	ok(bl_bulk_area(b, 0, "BSU", "BSU", &id, &e) == 0 && id == a, "and find an existing area");
	ok(bl_bulk_area(b, 0, "NEW", "Ny", &id, &e) != 0, "but not create one");
	like(e.msg, "areas are locked", "naming the lock");
	bl_bulk_abort(b);
	ok(bl_store_phase_advance(s, 3, NULL, NULL, &e) == 0, "into the last phase");
	ok(bl_store_goal_add(s, &g, NULL, &e) == 0, "nothing is locked there");
	ok(tu_totals_match(s, p), "the totals match the amounts");
	bl_store_close(s);
}

/* ---- years, totals, overflow ---- */

static void test_years(void)
{
	bl_store *s = tu_create("years.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A");
	int64_t l = tu_line(s, "1", a, BL_DIR_EXPENSE);
	ok(bl_store_amount_set(s, l, "proposal", 2027, 5, &e) != 0, "a year before the process is refused");
	like(e.msg, "2027", "the message names the year");
	like(e.msg, "2028 to 2031", "and the process's years");
	ok(bl_store_amount_set(s, l, "proposal", 2032, 5, &e) != 0, "a year after the process is refused");
	like(e.msg, "2032", "the message names the year");
	ok(bl_store_amount_set(s, l, "proposal", 2031, 5, &e) == 0, "the last year is fine");
	ok(bl_store_amount_set(s, l, "budget", 2028, 5, &e) != 0, "an unknown version is refused");
	like(e.msg, "'budget' is not a budget version", "naming it");
	ok(bl_store_amount_set(s, 4242, "proposal", 2028, 5, &e) != 0, "an unknown line is refused");
	is_str(e.msg, "no budget line with id 4242", "saying so");
	ok(!bl_store_failed_on_file(s), "a refusal is not a failure of the file");
	ok(bl_store_amount_set(s, l, "proposal", 2028, INT64_MIN, &e) != 0, "INT64_MIN is refused");
	is_str(e.msg, "the amount -92.233.720.368.547.758,08 kr. is too small; amounts must lie"
		      " between -92.233.720.368.547.758,07 and 92.233.720.368.547.758,07 kr.",
	       "as too small, with the range that is accepted");
	ok(bl_store_amount_set(s, l, "proposal", 2028, -INT64_MAX, &e) == 0,
	   "the smallest amount of that range is stored");
	bl_store_close(s);
}

static void test_totals(void)
{
	bl_store *s = tu_create("totals.budgetlab");
	const char *p = tu_path("totals.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B"), ab = tu_area(s, a, "A1");
	int64_t x = tu_line(s, "x", a, BL_DIR_EXPENSE);
	int64_t y = tu_line(s, "y", ab, BL_DIR_INCOME);
	int64_t z = tu_line(s, "z", b, BL_DIR_EXPENSE);
	tu_set(s, x, 2028, 100);
	tu_set(s, x, 2029, 200);
	tu_set(s, y, 2028, 1000);
	tu_set(s, z, 2028, -30);
	bl_store_amount_set(s, x, "adopted", 2030, 77, &e);
	ok(tu_totals_match(s, p), "totals after inserts");
	bl_money inc[4], exp[4];
	bl_store_year_totals(s, "proposal", inc, exp, &e);
	ok(inc[0] == 1000 && exp[0] == 70 && exp[1] == 200 && inc[2] == 0,
	   "year totals: income 1000, expense 70 in 2028");
	tu_set(s, x, 2028, 150);
	ok(tu_totals_match(s, p), "totals after an update");
	bl_store_amount_clear(s, x, "proposal", 2029, &e);
	ok(tu_totals_match(s, p), "totals after a delete");
	bl_line lx = { x, (char *)"x", (char *)"X", b, BL_KIND_OPERATION, BL_DIR_EXPENSE, NULL };
	ok(bl_store_line_update(s, &lx, &e) == 0, "move a line to another area");
	ok(tu_totals_match(s, p), "totals after a line moved area");
	lx.dir = BL_DIR_INCOME;
	ok(bl_store_line_update(s, &lx, &e) == 0, "turn an expense line into income");
	ok(tu_totals_match(s, p), "totals after a line changed direction");
	bl_store_year_totals(s, "proposal", inc, exp, &e);
	ok(inc[0] == 1150 && exp[0] == -30, "income 1150, expense -30 in 2028");
	lx.area_id = a;
	lx.dir = BL_DIR_EXPENSE;
	bl_store_line_update(s, &lx, &e);
	ok(tu_totals_match(s, p), "totals after area and direction changed together");
	ok(bl_store_line_delete(s, y, &e) == 0, "delete a line with amounts");
	ok(tu_totals_match(s, p), "totals after a line delete");
	bl_area_total *t;
	size_t n;
	bl_store_area_totals(s, "proposal", &t, &n, &e);
	bool no_ab = true;
	for (size_t i = 0; i < n; i++)
		no_ab &= t[i].area_id != ab;
	ok(no_ab, "an area whose amounts are gone has no totals rows");
	free(t);

	/* A transaction rolled back takes its totals with it. */
	bl_store_begin(s, &e);
	tu_set(s, z, 2029, 5555);
	bl_store_rollback(s);
	ok(tu_totals_match(s, p), "totals after a rollback");
	bl_store_close(s);
}

static void test_overflow(void)
{
	bl_store *s = tu_create("overflow.budgetlab");
	const char *p = tu_path("overflow.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B");
	int64_t l1 = tu_line(s, "1", a, BL_DIR_EXPENSE);
	int64_t l2 = tu_line(s, "2", a, BL_DIR_EXPENSE);
	int64_t l3 = tu_line(s, "3", b, BL_DIR_EXPENSE);
	int64_t l4 = tu_line(s, "4", b, BL_DIR_INCOME);
	ok(tu_set(s, l1, 2028, INT64_MAX - 10) == 0, "an amount near INT64_MAX is stored");
	int64_t n = tu_journal(s);
	ok(bl_store_amount_set(s, l2, "proposal", 2028, 100, &e) != 0,
	   "an amount that overflows its area's total is refused");
	like(e.msg, "overflow", "the message says it would overflow");
	like(e.msg, "'A'", "and names the area");
	like(e.msg, "2028", "and the year");
	ok(bl_store_amount_set(s, l3, "proposal", 2028, 100, &e) != 0,
	   "an amount that overflows the budget's total (in another area) is refused");
	like(e.msg, "budget's total", "the message says which total");
	grew(s, &n, 0, "nothing was journalled");
	bl_money am[4];
	bool has[4];
	bl_store_line_amounts(s, l3, "proposal", am, has, 4, &e);
	ok(!has[0], "and nothing was stored");
	ok(bl_store_amount_set(s, l4, "proposal", 2028, INT64_MAX, &e) == 0,
	   "income is a separate sum");
	ok(bl_store_amount_set(s, l2, "proposal", 2028, -(INT64_MAX - 10), &e) == 0,
	   "a negative amount brings the total back");
	ok(bl_store_amount_set(s, l3, "proposal", 2028, INT64_MAX - 5, &e) == 0,
	   "so another large one fits");
	ok(tu_totals_match(s, p), "the totals match the amounts");
	ok(bl_store_amount_set(s, l2, "proposal", 2028, 0, &e) != 0,
	   "raising the negative amount to 0 overflows again and is refused");
	ok(bl_store_amount_set(s, l2, "proposal", 2029, -INT64_MAX, &e) == 0, "-INT64_MAX is fine");
	ok(bl_store_amount_set(s, l1, "proposal", 2029, -100, &e) != 0,
	   "a negative overflow is refused too");
	like(e.msg, "overflow", "as an overflow");
	/* 2030: A near the top, B below zero, the budget in range; moving
	 * B's positive line into A overflows A's total only. */
	int64_t l5 = tu_line(s, "5", b, BL_DIR_EXPENSE);
	ok(tu_set(s, l5, 2030, -200) == 0 && tu_set(s, l1, 2030, INT64_MAX - 1) == 0 &&
		   tu_set(s, l3, 2030, 100) == 0,
	   "(amounts for 2030)");
	bl_line mv = { l3, (char *)"3", (char *)"En linje", a, BL_KIND_OPERATION, BL_DIR_EXPENSE, NULL };
	ok(bl_store_line_update(s, &mv, &e) != 0,
	   "moving a line into an area whose total would overflow is refused");
	like(e.msg, "overflow", "as an overflow");
	/* (sum() in SQL would overflow part-way through these amounts, so
	 * check the store's totals against the known values.) */
	bl_money inc[4], exp[4];
	bl_store_year_totals(s, "proposal", inc, exp, &e);
	ok(exp[2] == INT64_MAX - 101 && inc[0] == INT64_MAX && exp[0] == INT64_MAX - 5,
	   "the totals are unchanged by the refused move");
	bl_line back;
	ok(bl_store_line_find(s, "3", &back, &e) == 0 && back.area_id == b,
	   "and the line stays where it was");
	bl_line_clear(&back);

	/* A bulk load whose sums overflow is refused as a whole. */
	bl_store *s2 = tu_create("overflow-bulk.budgetlab");
	bl_bulk *bk;
	int64_t n2 = tu_journal(s2), area;
	bl_store_bulk_begin(s2, "proposal", "big", &bk, &e);
	bl_bulk_area(bk, 0, "A", "A", &area, &e);
	bl_money big[4] = { INT64_MAX, 0, 0, 0 };
	bool one[4] = { true, false, false, false };
	bl_bulk_line(bk, &(bl_line){ 0, (char *)"1", (char *)"T", area, 0, 0, NULL }, big, one, 4,
		     NULL, &e);
	bl_bulk_line(bk, &(bl_line){ 0, (char *)"2", (char *)"T", area, 0, 0, NULL }, big, one, 4,
		     NULL, &e);
	ok(bl_bulk_commit(bk, &e) != 0, "a bulk load whose totals overflow is refused");
	like(e.msg, "overflow", "with a message that says so");
	int64_t lines = -1;
	bl_store_line_count(s2, &lines, &e);
	is_int(lines, 0, "and none of it is kept");
	is_int(tu_journal(s2), n2, "nor journalled");
	bl_store_close(s2);
	bl_store_close(s);
}

/* A balance (income - expenses) must fit too, as must an area's sums
 * with its sub-areas, after every kind of change. */
static void test_balance_overflow(void)
{
	bl_store *s = tu_create("balance.budgetlab");
	const char *p = tu_path("balance.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), a1 = tu_area(s, a, "A1"), b = tu_area(s, 0, "B");
	int64_t c = tu_area(s, 0, "C");
	int64_t inc = tu_line(s, "inc", a1, BL_DIR_INCOME);
	int64_t e1 = tu_line(s, "e1", a1, BL_DIR_EXPENSE);
	ok(tu_set(s, inc, 2028, INT64_MAX) == 0, "(income INT64_MAX in A/A1, 2028)");
	int64_t n = tu_journal(s);

	/* amount set: the Norwegian user's -92 233 720 368 547 758,07. */
	ok(bl_store_amount_set(s, e1, "proposal", 2028, -INT64_MAX, &e) != 0,
	   "an expense that makes the balance overflow is refused");
	like(e.msg, "balance (income - expenses)", "the message says it is the balance");
	like(e.msg, "the whole budget", "of the whole budget (checked first)");
	like(e.msg, "2028 in the proposal version", "for its year and version");
	like(e.msg, "nothing was changed", "and that nothing was changed");
	grew(s, &n, 0, "nothing was journalled");
	bl_money am[4];
	bool has[4];
	bl_store_line_amounts(s, e1, "proposal", am, has, 4, &e);
	ok(!has[0], "nothing was stored");
	ok(bl_store_amount_set(s, e1, "proposal", 2028, -1, &e) != 0,
	   "one øre of negative expense is one too many");
	ok(bl_store_amount_set(s, e1, "proposal", 2028, 0, &e) == 0, "0 is fine");
	ok(bl_store_amount_set(s, inc, "first_reading", 2028, -INT64_MAX, &e) == 0 &&
		   bl_store_amount_set(s, e1, "first_reading", 2028, 1, &e) != 0,
	   "a negative balance past the range is refused too");
	like(e.msg, "first_reading", "in its own version");
	ok(bl_store_amount_set(s, e1, "first_reading", 2028, 0, &e) == 0,
	   "the balance may reach -INT64_MAX");

	/* An area's sums with its sub-areas: A's own lines and A1's each
	 * fit, the budget fits (B is negative), A as a whole does not. */
	int64_t b29 = tu_line(s, "b29", b, BL_DIR_EXPENSE);
	int64_t aown = tu_line(s, "aown", a, BL_DIR_EXPENSE);
	ok(tu_set(s, b29, 2029, -1000) == 0 && tu_set(s, e1, 2029, INT64_MAX - 10) == 0,
	   "(2029: B -1000, A/A1 near the top)");
	ok(bl_store_amount_set(s, aown, "proposal", 2029, 100, &e) != 0,
	   "an amount that makes an area's sum with its sub-areas overflow is refused");
	like(e.msg, "expenses of area 'A' for 2029", "naming the area and the sum");
	ok(bl_store_amount_set(s, aown, "proposal", 2029, 10, &e) == 0, "up to the limit is fine");

	/* amount clear: taking away the amount that kept the balance in. */
	int64_t e2 = tu_line(s, "e2", a1, BL_DIR_EXPENSE);
	ok(tu_set(s, inc, 2030, INT64_MAX - 5) == 0 && tu_set(s, e1, 2030, 5) == 0 &&
		   tu_set(s, e2, 2030, -10) == 0,
	   "(2030: income MAX - 5, expenses 5 and -10)");
	n = tu_journal(s);
	ok(bl_store_amount_clear(s, e1, "proposal", 2030, &e) != 0,
	   "clearing an amount after which a balance overflows is refused");
	like(e.msg, "balance", "as the balance");
	bl_store_line_amounts(s, e1, "proposal", am, has, 4, &e);
	ok(has[2] && am[2] == 5, "and the amount is still there");
	grew(s, &n, 0, "nothing was journalled");

	/* line delete: the same through the line's amounts. */
	ok(bl_store_line_delete(s, e1, &e) != 0, "deleting that line is refused as well");
	like(e.msg, "overflow", "as an overflow");
	bl_line back;
	ok(bl_store_line_find(s, "e1", &back, &e) == 0, "the line is still there");
	bl_line_clear(&back);

	/* line update: a move into C, whose income is at the top. */
	int64_t cinc = tu_line(s, "cinc", c, BL_DIR_INCOME);
	int64_t bl = tu_line(s, "b", b, BL_DIR_EXPENSE);
	ok(tu_set(s, cinc, 2031, INT64_MAX) == 0 && tu_set(s, aown, 2031, 5) == 0 &&
		   tu_set(s, bl, 2031, -5) == 0,
	   "(2031: C's income INT64_MAX, A's line 5, B's line -5)");
	bl_line mv = { bl, (char *)"b", (char *)"En linje", c, BL_KIND_OPERATION, BL_DIR_EXPENSE,
		       NULL };
	ok(bl_store_line_update(s, &mv, &e) != 0,
	   "moving a line into an area whose balance would overflow is refused");
	like(e.msg, "balance (income - expenses) of area 'C' for 2031", "naming the area");
	ok(bl_store_line_find(s, "b", &back, &e) == 0 && back.area_id == b, "the line stays in B");
	bl_line_clear(&back);
	mv.area_id = b;
	mv.dir = BL_DIR_INCOME;
	ok(bl_store_line_update(s, &mv, &e) == 0, "turning it into income is fine (-5 income)");
	mv.title = (char *)"Omdøbt";
	ok(bl_store_line_update(s, &mv, &e) == 0, "a new title needs no check and passes");
	ok(tu_totals_match(s, p), "the totals match the amounts");

	/* Inside a transaction only the refused change is undone. */
	bl_store_begin(s, &e);
	ok(tu_set(s, aown, 2031, 7) == 0, "a good change in a transaction");
	ok(bl_store_amount_set(s, e2, "proposal", 2028, -1, &e) != 0, "then a refused one");
	ok(bl_store_commit(s, &e) == 0, "commit");
	bl_store_line_amounts(s, aown, "proposal", am, has, 4, &e);
	ok(has[3] && am[3] == 7, "the good change is kept");

	/* What the bulk loader calls before its commit, and what finds a
	 * total that an older budgetlab let through. */
	ok(bl_store_totals_check(s, NULL, &e) == 0, "every total fits");
	ok(bl_store_totals_check(s, "proposal", &e) == 0, "every total of a version fits");
	ok(bl_store_totals_check(s, "draft", &e) != 0, "an unknown version is refused");
	bl_store_close(s);
	char msg[256];
	ok(tu_exec(p, "UPDATE total SET expense = -9223372036854775807 WHERE area_id = 2"
		      " AND year = 2028 AND version_id = 1", msg, sizeof msg) == SQLITE_OK,
	   "(a balance that does not fit, written behind the store's back)%s", msg);
	ok(bl_store_open(p, true, &s, &e) == 0, "reopen");
	ok(bl_store_totals_check(s, "proposal", &e) != 0, "bl_store_totals_check finds it");
	like(e.msg, "balance (income - expenses) of area 'A/A1' for 2028", "and names it");
	ok(bl_store_totals_check(s, "adopted", &e) == 0, "another version is fine");
	bl_store_close(s);
}

static void test_lines_stats(void)
{
	bl_store *s = tu_create("stats.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), a1 = tu_area(s, a, "A1"), b = tu_area(s, 0, "B");
	int64_t l1 = tu_line(s, "1", a, BL_DIR_EXPENSE);
	int64_t l2 = tu_line(s, "2.22.222", a1, BL_DIR_INCOME);
	int64_t l3 = tu_line(s, "3", b, BL_DIR_EXPENSE);
	tu_set(s, l1, 2028, 100);
	tu_set(s, l2, 2028, -200);
	tu_set(s, l2, 2029, 123456750);
	tu_set(s, l3, 2028, 99999900);
	bl_store_amount_set(s, l3, "adopted", 2030, 5, &e);
	bl_lines_stats st;
	ok(bl_store_lines_stats(s, "proposal", 0, &st, &e) == 0, "stats of all lines");
	ok(st.n_lines == 3 && st.code_chars == 8 && st.title_chars == 8,
	   "3 lines, the longest code 8 characters, the longest title 8");
	ok(st.has[0] && st.min[0] == -200 && st.max[0] == 99999900 && !st.ore[0],
	   "2028: from -2 to 999.999 kr., no øre");
	ok(st.has[1] && st.ore[1] && st.min[1] == 123456750, "2029: with øre");
	ok(!st.has[2] && !st.has[3], "2030 and 2031: nothing in this version");
	ok(bl_store_lines_stats(s, "proposal", a, &st, &e) == 0 && st.n_lines == 2 &&
		   st.max[0] == 100 && st.min[0] == -200,
	   "under A: A's and A1's lines");
	ok(bl_store_lines_stats(s, "proposal", b, &st, &e) == 0 && st.n_lines == 1 &&
		   st.code_chars == 1 && !st.has[1],
	   "under B: its line");
	ok(bl_store_lines_stats(s, "adopted", 0, &st, &e) == 0 && st.has[2] && st.max[2] == 5 &&
		   st.ore[2],
	   "another version");
	ok(bl_store_lines_stats(s, "proposal", 4242, &st, &e) != 0, "an unknown area is refused");
	ok(bl_store_lines_stats(s, "draft", 0, &st, &e) != 0, "an unknown version is refused");
	bl_store_close(s);
}

/* ---- bulk ---- */

static int64_t n_triggers(const char *path)
{
	return tu_int(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
}

static void test_bulk(void)
{
	bl_store *s = tu_create("bulk.budgetlab");
	const char *p = tu_path("bulk.budgetlab");
	bl_err e;
	int64_t trig = n_triggers(p);
	ok(trig > 30, "(%lld triggers)", (long long)trig);
	int64_t keep = tu_area(s, 0, "OLD");
	tu_set(s, tu_line(s, "0.1", keep, BL_DIR_EXPENSE), 2028, 5);
	int64_t n = tu_journal(s);

	/* Abort leaves nothing. */
	bl_bulk *b;
	int64_t a1, a2, a3, lid;
	ok(bl_store_bulk_begin(s, "proposal", "abort", &b, &e) == 0, "bulk_begin");
	bl_bulk_area(b, 0, "T", "Top", &a1, &e);
	bl_bulk_line(b, &(bl_line){ 0, (char *)"7.1", (char *)"T", a1, 0, 0, NULL },
		     (bl_money[]){ 1, 2, 3, 4 }, NULL, 4, NULL, &e);
	ok(n_triggers(p) == trig, "other connections still see every trigger during a load");
	ok(bl_store_area_add(s, 0, "Q", "Q", NULL, &e) != 0, "other writes wait for the bulk load");
	like(e.msg, "bulk load", "saying so");
	bl_bulk_abort(b);
	int64_t lines;
	bl_store_line_count(s, &lines, &e);
	is_int(lines, 1, "abort: no line is kept");
	ok(bl_store_area_find(s, "T", &a1, &e) != 0, "abort: no area is kept");
	grew(s, &n, 0, "abort: nothing journalled");
	is_int(n_triggers(p), trig, "abort: the triggers are all there");

	bl_store_begin(s, &e);
	ok(bl_store_bulk_begin(s, "proposal", "x", &b, &e) != 0, "a bulk load inside a transaction is refused");
	like(e.msg, "transaction of its own", "saying why");
	bl_store_rollback(s);
	ok(bl_store_bulk_begin(s, "budget", "x", &b, &e) != 0, "a bulk load into an unknown version is refused");
	like(e.msg, "'budget' is not a budget version", "naming it");
	ok(bl_store_area_add(s, 0, "Q", "Q", NULL, &e) == 0, "and leaves the store usable");
	n = tu_journal(s);

	/* A load. */
	ok(bl_store_bulk_begin(s, "first_reading", "budget.csv", &b, &e) == 0, "bulk_begin");
	ok(bl_bulk_area(b, 0, "T", "Top", &a1, &e) == 0, "bulk_area creates");
	ok(bl_bulk_area(b, 0, "T", "Top", &a2, &e) == 0 && a2 == a1, "bulk_area finds");
	ok(bl_bulk_area(b, a1, "S", "Sub", &a3, &e) == 0 && a3 != a1, "a sub-area");
	ok(bl_bulk_area(b, 0, "OLD", "x", &a2, &e) == 0 && a2 == keep, "an area made before");
	ok(bl_bulk_area(b, 999, "S", "x", &a2, &e) != 0, "an unknown parent is refused");
	like(e.msg, "no area with id 999", "saying so");
	int64_t count = 0;
	for (int i = 0; i < 50; i++) {
		char code[16];
		snprintf(code, sizeof code, "8.%02d", i);
		bl_money am[4] = { i, 2 * i, 3 * i, -i };
		bool has[4] = { true, i % 2 == 0, true, i % 5 == 0 };
		bl_line l = { 0, code, (char *)"Linje", i % 3 ? a1 : a3, i % 2, i % 4 == 0, NULL };
		if (bl_bulk_line(b, &l, am, has, 4, &lid, &e) == 0)
			count += 2 + (i % 2 == 0) + (i % 5 == 0);
	}
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"8.01", (char *)"Igen", a1, 0, 0, NULL },
			(bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, &e) != 0,
	   "a duplicate code in a load is refused");
	is_str(e.msg, "a budget line with code '8.01' already exists", "with a clear message");
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"8.99", (char *)"Forkert", a1, 0, 0, NULL },
			(bl_money[]){ 1, 1, 1 }, NULL, 3, NULL, &e) != 0,
	   "the wrong number of years is refused");
	like(e.msg, "4", "saying how many the process has");
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"8.98", (char *)"Min", a1, 0, 0, NULL },
			(bl_money[]){ 1, INT64_MIN, 1, 1 }, NULL, 4, NULL, &e) != 0,
	   "a line with an impossible amount is refused");
	like(e.msg, "out of range", "saying why");
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"8.97", (char *)"X", 4242, 0, 0, NULL },
			(bl_money[]){ 1, 1, 1, 1 }, NULL, 4, NULL, &e) != 0,
	   "a line in an unknown area is refused");
	like(e.msg, "no area with id 4242", "saying so");
	bl_err_clear(&e);
	ok(bl_bulk_commit(b, &e) == 0, "the load goes on past refused lines and commits");
	if (e.msg[0])
		diag("%s", e.msg);
	bl_store_line_count(s, &lines, &e);
	is_int(lines, 51, "50 lines were added");
	bl_line f;
	ok(bl_store_line_find(s, "8.98", &f, &e) != 0, "the refused line left nothing");
	is_int(tu_int(p, "SELECT count(*) FROM amount WHERE version_id = 2"), count,
	       "the amounts present were added");
	ok(tu_totals_match(s, p), "the totals are rebuilt and match the amounts");
	is_int(n_triggers(p), trig, "the triggers are back");
	grew(s, &n, 1, "one journal entry");
	jrec r = last_entry(s);
	char want[256];
	snprintf(want, sizeof want, "\"lines\":50,\"amounts\":%lld,", (long long)count);
	like(r.after, want, "saying how many lines and amounts");
	like(r.after, "\"version\":\"first_reading\"", "and into which version");
	like(r.after, "\"areas\":2", "and how many areas were made");

	/* The per-row triggers work again. */
	bl_store_line_find(s, "8.10", &f, &e);
	ok(bl_store_amount_set(s, f.id, "first_reading", 2031, 999, &e) == 0, "a change after the load");
	grew(s, &n, 1, "is journalled");
	ok(tu_totals_match(s, p), "and counted in the totals");
	bl_line_clear(&f);
	ok(bl_store_amount_set(s, lid, "first_reading", 2040, 1, &e) != 0,
	   "the year check is back too");
	bl_store_close(s);

	/* Closing with a load open rolls it back. */
	ok(bl_store_open(p, false, &s, &e) == 0, "reopen");
	bl_store_bulk_begin(s, "proposal", "left open", &b, &e);
	bl_bulk_line(b, &(bl_line){ 0, (char *)"6.66", (char *)"T", a1, 0, 0, NULL },
		     (bl_money[]){ 1, 2, 3, 4 }, NULL, 4, NULL, &e);
	bl_store_close(s);
	ok(bl_store_open(p, true, &s, &e) == 0, "reopen");
	ok(bl_store_line_find(s, "6.66", &f, &e) != 0, "a load left open when closing is undone");
	bl_store_close(s);
	is_int(n_triggers(p), trig, "and the triggers are all there");
}

/* A bulk load whose income and expense totals each fit, but whose
 * balance (income - expenses) does not, is refused as a whole: sum()
 * cannot see the balance, bl_store_totals_check does. */
static void test_bulk_balance_overflow(void)
{
	bl_store *s = tu_create("bulk-balance.budgetlab");
	const char *p = tu_path("bulk-balance.budgetlab");
	bl_err e;
	int64_t old = tu_area(s, 0, "OLD");
	tu_set(s, tu_line(s, "0.1", old, BL_DIR_EXPENSE), 2028, 5);
	int64_t lines0 = -1, lines = -1, journal0 = tu_journal(s), trig = n_triggers(p);
	bl_store_line_count(s, &lines0, &e);

	bl_bulk *b;
	int64_t a = 0;
	ok(bl_store_bulk_begin(s, "proposal", "balance.csv", &b, &e) == 0, "bulk_begin");
	ok(bl_bulk_area(b, 0, "A", "A", &a, &e) == 0, "an area");
	bool first[4] = { true, false, false, false };
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"1", (char *)"Skat", a, BL_KIND_OPERATION,
				       BL_DIR_INCOME, NULL },
			(bl_money[]){ INT64_MAX, 0, 0, 0 }, first, 4, NULL, &e) == 0,
	   "an income line of INT64_MAX in 2028 is taken");
	ok(bl_bulk_line(b, &(bl_line){ 0, (char *)"2", (char *)"Refusion", a, BL_KIND_OPERATION,
				       BL_DIR_EXPENSE, NULL },
			(bl_money[]){ -1, 0, 0, 0 }, first, 4, NULL, &e) == 0,
	   "an expense line of -1 in 2028 is taken");
	ok(bl_bulk_commit(b, &e) != 0, "the commit is refused: the balance overflows");
	like(e.msg, "balance (income - expenses)", "the message names the balance");
	like(e.msg, "2028 in the proposal version", "its year and version");
	like(e.msg, "nothing was loaded into", "and says that nothing of the load was kept");
	bl_store_line_count(s, &lines, &e);
	is_int(lines, lines0, "no line of the load is kept");
	is_int(tu_journal(s), journal0, "nothing is journalled");
	ok(bl_store_area_find(s, "A", &a, &e) != 0, "nor is its area kept");
	is_int(n_triggers(p), trig, "the triggers are back");
	ok(tu_totals_match(s, p), "the totals match the amounts");
	bl_money inc[4], exp[4];
	ok(bl_store_year_totals(s, "proposal", inc, exp, &e) == 0 && inc[0] == 0 && exp[0] == 5,
	   "the totals are as before");

	/* The same load without the expense line fits, and is kept. */
	ok(bl_store_bulk_begin(s, "proposal", "balance.csv", &b, &e) == 0 &&
		   bl_bulk_area(b, 0, "A", "A", &a, &e) == 0 &&
		   bl_bulk_line(b, &(bl_line){ 0, (char *)"1", (char *)"Skat", a, BL_KIND_OPERATION,
					       BL_DIR_INCOME, NULL },
				(bl_money[]){ INT64_MAX, 0, 0, 0 }, first, 4, NULL, &e) == 0,
	   "(the income line alone)");
	int rc = bl_bulk_commit(b, &e);
	ok(rc == 0, "a balance of INT64_MAX - 5 fits");
	if (rc != 0)
		diag("%s", e.msg);
	bl_store_line_count(s, &lines, &e);
	is_int(lines, lines0 + 1, "and is kept");
	is_int(tu_journal(s), journal0 + 1, "in one journal entry");
	bl_store_close(s);
}

/* ---- areas ---- */

static void test_areas(void)
{
	bl_store *s = tu_create("areas.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B");
	int64_t ax = tu_area(s, a, "X"), bx = tu_area(s, b, "X");
	int64_t ay = tu_area(s, a, "Y"), axd = tu_area(s, ax, "deep");
	int64_t c = tu_area(s, 0, "A-Z");
	int64_t id;
	ok(bl_store_area_find(s, "Y", &id, &e) == 0 && id == ay, "a unique code is found");
	ok(bl_store_area_find(s, "deep", &id, &e) == 0 && id == axd, "at any depth");
	ok(bl_store_area_find(s, "A/X", &id, &e) == 0 && id == ax, "a path is found");
	ok(bl_store_area_find(s, "B/X", &id, &e) == 0 && id == bx, "another path");
	ok(bl_store_area_find(s, "A/X/deep", &id, &e) == 0 && id == axd, "a path of three");
	ok(bl_store_area_find(s, "X", &id, &e) != 0, "an ambiguous code is refused");
	is_str(e.msg, "area code 'X' is used under several parents: A/X, B/X; give the path",
	       "listing the paths");
	ok(bl_store_area_find(s, "NOPE", &id, &e) != 0, "an unknown code is refused");
	is_str(e.msg, "no area 'NOPE'", "saying so");
	ok(bl_store_area_find(s, "A/NOPE", &id, &e) != 0, "an unknown path is refused");
	like(e.msg, "no area 'A/NOPE'", "naming the path");
	like(e.msg, "'A' has no area 'NOPE'", "and where it goes wrong");
	ok(bl_store_area_find(s, "Y/X", &id, &e) != 0, "a path must start at the top");
	ok(bl_store_area_find(s, "A//X", &id, &e) != 0, "an empty step is refused");
	ok(bl_store_area_find(s, "", &id, &e) != 0, "an empty ref is refused");

	ok(bl_store_area_add(s, a, "X", "Igen", NULL, &e) != 0, "a duplicate sibling code is refused");
	is_str(e.msg, "an area with code 'X' already exists under 'A'", "with a clear message");
	ok(bl_store_area_add(s, 0, "a/b", "S", NULL, &e) != 0, "a code with '/' is refused");
	ok(bl_store_area_add(s, 0, " ", "S", NULL, &e) != 0, "a blank code is refused");
	ok(bl_store_area_add(s, 0, "E", "", NULL, &e) != 0, "an empty name is refused");
	ok(bl_store_area_add(s, 999, "E", "E", NULL, &e) != 0, "an unknown parent is refused");
	is_str(e.msg, "no area with id 999", "saying so");

	bl_area *v;
	size_t n;
	ok(bl_store_areas(s, &v, &n, &e) == 0 && n == 7, "bl_store_areas lists them all");
	const char *order[] = { "A", "X", "deep", "Y", "A-Z", "B", "X" };
	bool in_order = n == 7;
	for (size_t i = 0; in_order && i < n; i++)
		in_order = strcmp(v[i].code, order[i]) == 0;
	ok(in_order, "in tree order: pre-order, siblings by code (A/X/deep before A-Z)");
	ok(n == 7 && v[2].level == 3 && v[2].parent_id == ax && v[0].parent_id == 0 &&
		   v[4].id == c,
	   "with levels and parents");
	bl_areas_free(v, n);
	bl_store_close(s);
}

/* ---- lines ---- */

typedef struct collect {
	char codes[512];
	bl_money sum;
	int n, stop_after, n_years;
	bool has_ok;
} collect;

static int collect_line(void *ctx, const bl_line *l, const bl_money *a, const bool *has, int n)
{
	collect *c = ctx;
	size_t len = strlen(c->codes);
	snprintf(c->codes + len, sizeof c->codes - len, "%s%s", len ? " " : "", l->code);
	for (int i = 0; i < n; i++)
		if (has[i])
			c->sum += a[i];
		else if (a[i] != 0)
			c->has_ok = false;
	c->n_years = n;
	c->n++;
	return c->stop_after && c->n == c->stop_after ? 42 : 0;
}

static void test_lines(void)
{
	bl_store *s = tu_create("lines.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B"), ax = tu_area(s, a, "X");
	int64_t l1 = tu_line(s, "3", b, BL_DIR_EXPENSE);
	int64_t l2 = tu_line(s, "2", ax, BL_DIR_EXPENSE);
	int64_t l3 = tu_line(s, "1", a, BL_DIR_INCOME);
	tu_line(s, "0", ax, BL_DIR_EXPENSE);
	tu_set(s, l1, 2028, 1);
	tu_set(s, l1, 2031, 10);
	tu_set(s, l2, 2029, 100);
	tu_set(s, l3, 2030, 1000);
	bl_store_amount_set(s, l3, "adopted", 2030, 5, &e);

	collect c = { .has_ok = true };
	ok(bl_store_lines_each(s, "proposal", 0, collect_line, &c, &e) == 0, "lines_each");
	is_str(c.codes, "1 0 2 3", "in area tree order, then code");
	is_int(c.sum, 1111, "with the version's amounts");
	ok(c.has_ok, "absent amounts are 0 with has false");
	is_int(c.n_years, 4, "n_years is the process's");
	memset(&c, 0, sizeof c);
	c.has_ok = true;
	bl_store_lines_each(s, "proposal", a, collect_line, &c, &e);
	is_str(c.codes, "1 0 2", "a subtree");
	memset(&c, 0, sizeof c);
	bl_store_lines_each(s, "adopted", ax, collect_line, &c, &e);
	ok(strcmp(c.codes, "0 2") == 0 && c.sum == 0, "a leaf area in another version");
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	is_int(bl_store_lines_each(s, "proposal", 0, collect_line, &c, &e), 42,
	       "a callback's non-zero return stops and is returned");
	is_int(c.n, 2, "after two lines");
	ok(bl_store_lines_each(s, "proposal", 999, collect_line, &c, &e) != 0,
	   "an unknown area is refused");

	bl_line f;
	ok(bl_store_line_find(s, "1", &f, &e) == 0 && f.id == l3 && f.dir == BL_DIR_INCOME &&
		   f.area_id == a && strcmp(f.title, "En linje") == 0 && !f.description,
	   "line_find");
	bl_line_clear(&f);
	ok(bl_store_line_find(s, "9.9", &f, &e) != 0, "line_find of an unknown code");
	is_str(e.msg, "no budget line with code '9.9'", "saying so");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"3", (char *)"T", a, 0, 0, NULL }, NULL, &e) != 0,
	   "a duplicate code is refused");
	is_str(e.msg, "a budget line with code '3' already exists", "with a clear message");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"5.32.32", (char *)"T", 999, 0, 0, NULL }, NULL,
			     &e) != 0,
	   "an unknown area is refused");
	is_str(e.msg, "no area with id 999", "saying so");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"5", (char *)"", a, 0, 0, NULL }, NULL, &e) != 0,
	   "an empty title is refused");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"", (char *)"T", a, 0, 0, NULL }, NULL, &e) != 0,
	   "an empty code is refused");
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"5", (char *)"T", a, (bl_kind)7, 0, NULL }, NULL,
			     &e) != 0,
	   "an unknown kind is refused");
	ok(bl_store_line_update(s, &(bl_line){ l1, (char *)"1", (char *)"T", a, 0, 0, NULL }, &e) != 0,
	   "renaming to an existing code is refused");
	is_str(e.msg, "a budget line with code '1' already exists", "with a clear message");
	ok(bl_store_line_update(s, &(bl_line){ 4242, (char *)"77", (char *)"T", a, 0, 0, NULL }, &e) != 0,
	   "updating an unknown line is refused");
	ok(bl_store_line_update(s, &(bl_line){ l1, (char *)"3.1", (char *)"Ny", a, BL_KIND_CAPITAL,
					       BL_DIR_EXPENSE, (char *)"Beskrivelse" },
				&e) == 0,
	   "line_update of every field");
	ok(bl_store_line_find(s, "3.1", &f, &e) == 0 && f.kind == BL_KIND_CAPITAL && f.area_id == a &&
		   f.description && strcmp(f.description, "Beskrivelse") == 0,
	   "is read back");
	bl_line_clear(&f);
	ok(bl_store_line_delete(s, 4242, &e) != 0, "deleting an unknown line is refused");
	bl_money am[4];
	bool has[4];
	ok(bl_store_line_amounts(s, l1, "proposal", am, has, 4, &e) == 0 && has[0] && !has[1] &&
		   !has[2] && has[3] && am[3] == 10 && am[1] == 0,
	   "line_amounts");
	int64_t cnt;
	ok(bl_store_line_count(s, &cnt, &e) == 0 && cnt == 4, "line_count");
	is_str(bl_kind_name(BL_KIND_CAPITAL), "capital", "kind names");
	is_str(bl_direction_name(BL_DIR_INCOME), "income", "direction names");
	bl_store_close(s);
}

/* ---- goals and facts ---- */

static void test_goals_and_facts(void)
{
	bl_store *s = tu_create("facts.budgetlab");
	bl_err e;
	const bl_facts_ops *f = &bl_store_facts_ops;
	int64_t a = tu_area(s, 0, "A"), b = tu_area(s, 0, "B"), ax = tu_area(s, a, "X");
	tu_area(s, b, "Y");
	int64_t l = tu_line(s, "1", ax, BL_DIR_EXPENSE);
	int64_t li = tu_line(s, "2", b, BL_DIR_INCOME);
	tu_set(s, l, 2028, 300);
	tu_set(s, l, 2029, 300);
	tu_set(s, li, 2028, 1000);

	int first, ny;
	ok(f->years(s, &first, &ny, &e) == 0 && first == 2028 && ny == 4, "facts: years");
	int64_t cnt;
	ok(f->amount_count(s, "proposal", &cnt, &e) == 0 && cnt == 3, "facts: amount_count");
	ok(f->amount_count(s, "adopted", &cnt, &e) == 0 && cnt == 0, "facts: none in another version");
	bl_money inc[4], exp[4];
	ok(f->year_totals(s, "proposal", inc, exp, &e) == 0 && inc[0] == 1000 && exp[0] == 300,
	   "facts: year_totals");
	bl_lang lang;
	ok(f->language(s, &lang, &e) == 0 && lang == BL_LANG_DA, "facts: language");
	ok(f->today(s) == bl_date_from_ymd(2027, 1, 20), "facts: today is BUDGETLAB_NOW's day");

	char **codes;
	size_t n;
	int64_t total;
	ok(f->areas_without_goal(s, 1, &codes, &n, &total, &e) == 0 && n == 2 && total == 2 &&
		   strcmp(codes[0], "A") == 0 && strcmp(codes[1], "B") == 0,
	   "areas_without_goal: both, sorted, before any goal");
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	bl_goal g = { 0, ax, (char *)"Mål for X", (char *)"Målt", BL_GOAL_DRAFT };
	int64_t gid, g2;
	ok(bl_store_goal_add(s, &g, &gid, &e) == 0, "a goal on A/X");
	ok(bl_store_goal_add(s, &(bl_goal){ 0, 0, (char *)"For hele kommunen", NULL, BL_GOAL_DRAFT }, &g2, &e) == 0,
	   "a goal for the whole municipality");
	ok(f->areas_without_goal(s, 1, &codes, &n, &total, &e) == 0 && n == 1 &&
		   strcmp(codes[0], "B") == 0 && total == 2,
	   "a goal below an area counts for it");
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	ok(f->areas_without_goal(s, 2, &codes, &n, &total, &e) == 0 && n == 1 &&
		   strcmp(codes[0], "Y") == 0 && total == 2,
	   "level 2");
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	ok(f->areas_without_goal(s, 5, &codes, &n, &total, &e) == 0 && n == 0 && total == 0,
	   "a level without areas");
	free(codes);

	ok(bl_store_goal_add(s, &(bl_goal){ 0, 0, (char *)" ", NULL, BL_GOAL_DRAFT }, NULL, &e) != 0,
	   "a goal without a title is refused");
	ok(bl_store_goal_add(s, &(bl_goal){ 0, 999, (char *)"T", NULL, BL_GOAL_DRAFT }, NULL, &e) != 0,
	   "a goal on an unknown area is refused");
	is_str(e.msg, "no area with id 999", "saying so");
	ok(bl_store_goal_link(s, 999, l, &e) != 0, "linking to an unknown goal is refused");
	is_str(e.msg, "no goal with id 999", "saying so");
	ok(bl_store_goal_link(s, gid, 999, &e) != 0, "linking an unknown line is refused");
	is_str(e.msg, "no budget line with id 999", "saying so");
	bl_store_goal_link(s, gid, li, &e);
	bl_store_goal_link(s, gid, l, &e);
	int64_t *ids;
	ok(bl_store_goal_lines(s, gid, &ids, &n, &e) == 0 && n == 2 && ids[0] == l && ids[1] == li,
	   "goal_lines");
	free(ids);
	bl_goal *gs;
	ok(bl_store_goals(s, &gs, &n, &e) == 0 && n == 2 && gs[0].id == gid && gs[0].area_id == ax &&
		   strcmp(gs[0].description, "Målt") == 0 && gs[1].area_id == 0 && !gs[1].description,
	   "goals");
	bl_goals_free(gs, n);
	ok(bl_store_goal_update(s, &(bl_goal){ gid, 0, (char *)"Nyt", NULL, BL_GOAL_DRAFT }, &e) == 0,
	   "goal_update to the whole municipality");
	ok(f->areas_without_goal(s, 1, &codes, &n, &total, &e) == 0 && n == 2,
	   "then A has no goal again");
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	ok(bl_store_goal_update(s, &(bl_goal){ 999, 0, (char *)"Nyt", NULL, BL_GOAL_DRAFT }, &e) != 0,
	   "updating an unknown goal is refused");
	ok(bl_store_goal_delete(s, gid, &e) == 0, "goal_delete");
	ok(bl_store_goal_lines(s, gid, &ids, &n, &e) == 0 && n == 0, "takes its links");
	free(ids);
	ok(bl_store_goal_delete(s, gid, &e) != 0, "deleting it again is refused");

	/* Phases and the checklist. */
	bool entered = true;
	bl_date when;
	ok(f->phase_entered(s, "goals", &entered, &when, &e) == 0 && !entered,
	   "phase_entered: not yet");
	bool done[2] = { true, true };
	ok(f->checklist_done(s, "goals", done, 2, &e) == 0 && !done[0] && !done[1],
	   "checklist_done: nothing ticked");
	bl_store_checklist_set(s, "goals", 1, true, &e);
	ok(f->checklist_done(s, "goals", done, 2, &e) == 0 && !done[0] && done[1],
	   "checklist_done: item 2 ticked");
	ok(bl_store_checklist_set(s, "goals", 2, true, &e) != 0, "an item past the checklist is refused");
	is_str(e.msg, "phase 'goals' has 2 checklist item(s); there is no item 3", "saying so");
	ok(bl_store_checklist_set(s, "goals", -1, true, &e) != 0, "a negative item is refused");
	ok(bl_store_checklist_set(s, "nope", 0, true, &e) != 0, "an unknown phase is refused");
	is_str(e.msg, "the process has no phase 'nope'", "saying so");
	bl_store_phase_advance(s, 0, NULL, NULL, &e);
	ok(f->phase_entered(s, "goals", &entered, &when, &e) == 0 && entered &&
		   when == bl_date_from_ymd(2027, 1, 20),
	   "phase_entered: the day it was entered");
	bl_store_close(s);
}

/* ---- phases ---- */

static void test_phases(void)
{
	bl_store *s = tu_create("phases.budgetlab");
	bl_err e;
	int idx;
	char *id;
	ok(bl_store_phase_advance(s, 1, NULL, NULL, &e) != 0, "skipping the first phase is refused");
	like(e.msg, "Mål før økonomi", "the message names the next phase");
	ok(bl_store_phase_advance(s, -1, NULL, NULL, &e) != 0, "staying in setting up is refused");
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) == 0, "into phase 1");
	ok(bl_store_phase_current(s, &idx, &id, &e) == 0 && idx == 0 && id && strcmp(id, "goals") == 0,
	   "the current phase is goals");
	free(id);
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) != 0, "entering the same phase again is refused");
	like(e.msg, "phases are taken in order", "saying why");
	ok(bl_store_phase_advance(s, 2, NULL, NULL, &e) != 0, "skipping a phase is refused");
	ok(bl_store_phase_advance(s, 1, "  ", "x", &e) != 0, "a blank override reason is refused");
	ok(bl_store_phase_advance(s, 1, "Aftalt på byrådsmødet 12. januar",
				  "every_area_has_goal(level: 1): 2 of 2 areas have no goal", &e) == 0,
	   "an override with a reason");
	jrec r = last_entry(s);
	like(r.after, "Aftalt på byrådsmødet 12. januar", "the journal keeps the reason");
	like(r.after, "every_area_has_goal", "and the failed gates");
	like(r.before, "\"phase\":\"goals\"", "and the phase it left");
	bl_store_phase_advance(s, 2, NULL, NULL, &e);
	ok(bl_store_phase_advance(s, 3, NULL, NULL, &e) == 0, "into the last phase");
	ok(bl_store_phase_advance(s, 4, NULL, NULL, &e) != 0, "there is nothing after the last");
	like(e.msg, "last phase, 'Vedtagelse'", "saying so");
	bl_phase_entry *h;
	size_t n;
	ok(bl_store_phase_history(s, &h, &n, &e) == 0 && n == 4, "history: four entries");
	ok(n == 4 && strcmp(h[0].phase_id, "goals") == 0 && strcmp(h[3].phase_id, "adoption") == 0,
	   "oldest first");
	ok(n == 4 && !h[0].override_reason && h[1].override_reason &&
		   strcmp(h[1].override_reason, "Aftalt på byrådsmødet 12. januar") == 0,
	   "with the override reason where there was one");
	ok(n == 4 && strcmp(h[0].entered_at, NOW) == 0, "and the time");
	bl_phase_history_free(h, n);
	unsigned mask;
	ok(bl_store_locks(s, &mask, &e) == 0 && mask == 0, "the last phase locks nothing");
	bl_store_close(s);
}

/* ---- transactions ---- */

static void test_transactions(void)
{
	bl_store *s = tu_create("tx.budgetlab");
	const char *p = tu_path("tx.budgetlab");
	bl_err e;
	int64_t a = tu_area(s, 0, "A");
	int64_t n = tu_journal(s);
	ok(bl_store_begin(s, &e) == 0, "begin");
	ok(bl_store_begin(s, &e) != 0, "a second begin is refused");
	int64_t l = tu_line(s, "1", a, BL_DIR_EXPENSE);
	tu_set(s, l, 2028, 10);
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"1", (char *)"T", a, 0, 0, NULL }, NULL, &e) != 0,
	   "an error in the middle");
	tu_set(s, l, 2029, 20);
	ok(bl_store_amount_set(s, l, "proposal", 2040, 1, &e) != 0, "and another");
	bl_store_rollback(s);
	bl_line f;
	ok(bl_store_line_find(s, "1", &f, &e) != 0, "rollback leaves nothing");
	grew(s, &n, 0, "nothing journalled");
	ok(tu_totals_match(s, p), "no totals");
	ok(bl_store_commit(s, &e) != 0, "commit without begin is refused");

	bl_store_begin(s, &e);
	l = tu_line(s, "1", a, BL_DIR_EXPENSE);
	ok(bl_store_line_add(s, &(bl_line){ 0, (char *)"1", (char *)"T", a, 0, 0, NULL }, NULL, &e) != 0,
	   "a failed write inside a transaction");
	tu_line(s, "2", a, BL_DIR_EXPENSE);
	tu_set(s, l, 2028, 10);
	ok(bl_store_commit(s, &e) == 0, "does not spoil the rest: commit");
	int64_t cnt;
	bl_store_line_count(s, &cnt, &e);
	is_int(cnt, 2, "both good lines are kept");
	grew(s, &n, 3, "and journalled");
	ok(tu_totals_match(s, p), "totals match");
	bl_store_close(s);
}

/* ---- concurrency: a second connection ---- */

static void test_two_connections(void)
{
	bl_store *s = tu_create("two.budgetlab");
	const char *p = tu_path("two.budgetlab");
	bl_err e;
	bl_store *r;
	ok(bl_store_open(p, true, &r, &e) == 0, "a reader beside a writer");
	int64_t a = tu_area(s, 0, "A");
	tu_set(s, tu_line(s, "1", a, BL_DIR_EXPENSE), 2028, 42);
	bl_money inc[4], exp[4];
	ok(bl_store_year_totals(r, "proposal", inc, exp, &e) == 0 && exp[0] == 42,
	   "sees committed changes");
	bl_store *w2;
	ok(bl_store_open(p, false, &w2, &e) == 0, "a second writer opens");
	bl_store_begin(s, &e);
	tu_area(s, 0, "B");
	bl_store_close(r);
	bl_store_commit(s, &e);
	ok(bl_store_area_add(w2, 0, "C", "C", NULL, &e) == 0, "and writes after the first commits");
	bl_store_close(w2);
	bl_store_close(s);
}

int main(void)
{
	tu_init();
	test_create();
	test_refusals();
	test_corrupt_page();
	test_readonly();
	test_journal();
	test_locks();
	test_years();
	test_totals();
	test_overflow();
	test_balance_overflow();
	test_lines_stats();
	test_bulk();
	test_bulk_balance_overflow();
	test_areas();
	test_lines();
	test_goals_and_facts();
	test_phases();
	test_transactions();
	test_two_connections();
	tu_cleanup();
	return tap_done();
}
