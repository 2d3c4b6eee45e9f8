/* test_migrate.c: every frozen schema in tests/fixtures/schema/vN.sql
 * opens and migrates to BL_SCHEMA_VERSION with its data intact, and ends
 * with the same schema as a database created by this build.  The files
 * are found at run time, so when version 2 comes, version 1 is tested
 * without touching this file.  The fixture of the current version must
 * also equal what this build creates: a schema changed without a new
 * version (and a new fixture) fails here. */
#include "config.h"

#include <glob.h>

#include "store_util.h"

/* The schema as text, one line per object: tables by their columns
 * (pragma table_xinfo, so that ALTER TABLE's rewritten SQL compares equal
 * to a fresh CREATE), indexes and triggers by their SQL. */
static char *schema_of(const char *path)
{
	sqlite3 *db = tu_raw(path, true);
	sqlite3_stmt *st;
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);
	sqlite3_prepare_v2(db,
			   "SELECT s.type, s.name, s.sql, group_concat(c.name || ' ' || c.type || ' '"
			   "  || c.\"notnull\" || ' ' || coalesce(c.dflt_value, '-') || ' ' || c.pk, ', ')"
			   " FROM sqlite_schema s LEFT JOIN pragma_table_xinfo(s.name) c"
			   "  ON s.type = 'table'"
			   " WHERE s.name NOT LIKE 'sqlite_%'"
			   " GROUP BY s.type, s.name ORDER BY s.type, s.name",
			   -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *sql = (const char *)sqlite3_column_text(st, 2);
		const char *cols = (const char *)sqlite3_column_text(st, 3);
		const char *what = strcmp(type, "table") == 0 ? cols : sql;
		size_t need = strlen(type) + strlen(name) + (what ? strlen(what) : 0) + 8;
		if (len + need >= cap) {
			cap = 2 * (len + need);
			out = realloc(out, cap);
		}
		len += (size_t)snprintf(out + len, cap - len, "%s %s: %s\n", type, name,
					what ? what : "");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* A database built by running a fixture's SQL, as the sqlite3 shell
 * would. */
static bool build(const char *sql_path, const char *db_path)
{
	size_t len;
	unsigned char *sql = tu_slurp(sql_path, &len);
	if (!sql)
		return false;
	char *text = realloc(sql, len + 1);
	text[len] = '\0';
	sqlite3 *db;
	unlink(db_path);
	sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	char *msg = NULL;
	int rc = sqlite3_exec(db, text, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		diag("%s: %s", sql_path, msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
	free(text);
	return rc == SQLITE_OK;
}

static void test_fixture(const char *sql_path, const char *fresh_schema)
{
	const char *base = strrchr(sql_path, '/') + 1;
	int version = atoi(base + 1);
	char name[64];
	snprintf(name, sizeof name, "from-%s.budgetlab", base);
	const char *p = tu_path(name);
	ok(version >= 1 && version <= BL_SCHEMA_VERSION, "%s: a known version (%d)", base, version);
	ok(build(sql_path, p), "%s: builds a database", base);
	is_int(tu_int(p, "PRAGMA user_version"), version, "%s: which is schema %d", base, version);
	is_int(tu_int(p, "PRAGMA application_id"), 0x424C4142, "%s: and a budgetlab file", base);
	int64_t journal = tu_int(p, "SELECT count(*) FROM journal");
	int64_t amounts = tu_int(p, "SELECT count(*) FROM amount");
	bl_err e = { { 0 } };
	bl_store *s = NULL;

	if (version == BL_SCHEMA_VERSION) {
		char *schema = schema_of(p);
		ok(strcmp(schema, fresh_schema) == 0,
		   "%s: the current fixture is what this build creates (a changed schema needs a"
		   " new version and a new fixture)", base);
		free(schema);
	} else {
		size_t len;
		unsigned char *before = tu_slurp(p, &len);
		ok(bl_store_open(p, true, &s, &e) != 0 && !s, "%s: a read-only open is refused", base);
		like(e.msg, "needs migrating; open it once read-write", "%s: saying why", base);
		ok(tu_same(p, before, len), "%s: and the file is unchanged", base);
		free(before);
	}

	ok(bl_store_open(p, false, &s, &e) == 0, "%s: opens read-write", base);
	if (!s) {
		diag("%s", e.msg);
		return;
	}
	is_int(tu_int(p, "PRAGMA user_version"), BL_SCHEMA_VERSION, "%s: now schema %d", base,
	       BL_SCHEMA_VERSION);
	char *schema = schema_of(p);
	ok(strcmp(schema, fresh_schema) == 0, "%s: with the schema of a new database", base);
	free(schema);

	/* The data of the fixture, as its header describes. */
	bl_process_info info;
	ok(bl_store_info(s, &info, &e) == 0 && strcmp(info.municipality, "Egekær Kommune") == 0 &&
		   info.budget_year == 2028 && info.n_years == 4,
	   "%s: the process is intact", base);
	bl_process_info_free(&info);
	int64_t n;
	ok(bl_store_line_count(s, &n, &e) == 0 && n == 3, "%s: three lines", base);
	is_int(tu_int(p, "SELECT count(*) FROM amount"), amounts, "%s: every amount", base);
	bl_line l;
	bl_money am[4];
	bool has[4];
	ok(bl_store_line_find(s, "3.22.01", &l, &e) == 0 &&
		   bl_store_line_amounts(s, l.id, "proposal", am, has, 4, &e) == 0 &&
		   am[0] == 123456750 && has[3],
	   "%s: a line's amounts", base);
	ok(bl_store_line_amounts(s, l.id, "first_reading", am, has, 4, &e) == 0 && has[0] &&
		   am[0] == 125000000 && !has[1],
	   "%s: in another version", base);
	int64_t area;
	ok(bl_store_area_find(s, "BSU/BSU.01", &area, &e) == 0 && area == l.area_id,
	   "%s: the area hierarchy", base);
	bl_goal *g;
	size_t ng;
	int64_t *ids;
	size_t nid;
	ok(bl_store_goals(s, &g, &ng, &e) == 0 && ng == 1 &&
		   bl_store_goal_lines(s, g[0].id, &ids, &nid, &e) == 0 && nid == 1 && ids[0] == l.id,
	   "%s: the goal and its link", base);
	bl_goals_free(g, ng);
	free(ids);
	int idx;
	char *pid;
	ok(bl_store_phase_current(s, &idx, &pid, &e) == 0 && idx == 0 && strcmp(pid, "goals") == 0,
	   "%s: the current phase", base);
	free(pid);
	bool done[2];
	ok(bl_store_facts_ops.checklist_done(s, "goals", done, 2, &e) == 0 && done[0] && !done[1],
	   "%s: the checklist", base);
	is_int(tu_journal(s), journal, "%s: the whole journal", base);
	ok(tu_totals_match(s, p), "%s: totals that match the amounts", base);

	/* And it works as a current database: locks, journal. */
	ok(bl_store_amount_set(s, l.id, "proposal", 2028, 1, &e) != 0, "%s: the phase's lock holds",
	   base);
	like(e.msg, "amounts are locked", "%s: as a lock", base);
	free(l.title);
	l.title = tu_strdup("Folkeskoler i alt");
	ok(bl_store_line_update(s, &l, &e) == 0, "%s: a change is allowed", base);
	is_int(tu_journal(s), journal + 1, "%s: and journalled", base);
	bl_line_clear(&l);
	bl_store_close(s);
}

int main(void)
{
	tu_init();
	/* The schema this build creates. */
	bl_store *s = tu_create("fresh.budgetlab");
	bl_store_close(s);
	char *fresh = schema_of(tu_path("fresh.budgetlab"));

	glob_t g;
	int rc = glob(SRCDIR "/tests/fixtures/schema/v*.sql", 0, NULL, &g);
	ok(rc == 0 && g.gl_pathc >= 1, "fixtures found in " SRCDIR "/tests/fixtures/schema");
	bool current = false;
	for (size_t i = 0; rc == 0 && i < g.gl_pathc; i++) {
		const char *base = strrchr(g.gl_pathv[i], '/') + 1;
		current |= atoi(base + 1) == BL_SCHEMA_VERSION;
		test_fixture(g.gl_pathv[i], fresh);
	}
	ok(current, "there is a fixture for the current schema version %d", BL_SCHEMA_VERSION);
	if (rc == 0)
		globfree(&g);
	free(fresh);

	/* Our application_id without a schema: a file made by a crashed
	 * creation or by hand. */
	const char *p = tu_path("noschema.budgetlab");
	sqlite3 *db;
	sqlite3_open_v2(p, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	sqlite3_exec(db, "PRAGMA application_id = 1112293698; CREATE TABLE x (y);", NULL, NULL, NULL);
	sqlite3_close(db);
	size_t len;
	unsigned char *before = tu_slurp(p, &len);
	bl_err e = { { 0 } };
	ok(bl_store_open(p, false, &s, &e) != 0, "a budgetlab file without a schema is refused");
	like(e.msg, "damaged", "as damaged");
	ok(tu_same(p, before, len), "and left unchanged");
	free(before);
	tu_cleanup();
	return tap_done();
}
