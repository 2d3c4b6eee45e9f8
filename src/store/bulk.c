/* bulk.c: loading many lines at once (the demo, the benchmark, later the
 * importer).
 *
 * A million lines through the per-row triggers would write four million
 * journal rows and update the totals four million times.  Instead a bulk
 * load runs in one transaction that
 *  1. checks the locks once (what the lock triggers would check per row),
 *  2. drops the triggers on area, line and amount -- DDL is transactional
 *     in SQLite, so other connections never see them missing, and a
 *     rollback brings them back,
 *  3. inserts with the store's cached statements, with a larger page
 *     cache (64 MiB instead of SQLite's 2 MiB: the unique index on line
 *     codes is written all over, and a small cache keeps spilling its
 *     pages into the WAL; measured 1,000,000 lines in 12.7 s instead of
 *     15.3 s, while 256 MiB gained nothing more),
 *  4. rebuilds the version's totals with one INSERT .. SELECT .. GROUP BY,
 *     and checks what the triggers and bl_store_amount_set would have
 *     checked per row: that every total fits, the balances and the
 *     subtrees' sums included (bl_store_totals_check),
 *  5. recreates the triggers from the same strings as the schema
 *     (bl_triggers), and
 *  6. writes one journal entry that says what was loaded.
 * The year check of the triggers needs no replacement: bl_bulk_line takes
 * the amounts by position, so their years are the process's by
 * construction. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

struct bl_bulk {
	bl_store *s;
	int64_t vid;
	char *version, *source;
	unsigned locks;
	char *phase_title;
	int64_t n_areas, n_lines, n_amounts;
	int64_t cache_size; /* the connection's, restored at the end */
	/* An error left the transaction in a state that must not be
	 * committed; only bl_bulk_abort is possible. */
	bool broken;
};

/* Bytes of page cache during a load (a negative cache_size is KiB). */
#define BULK_CACHE "-65536"

static void bulk_free(bl_bulk *b)
{
	if (b->s) {
		b->s->bulk = NULL;
		if (b->cache_size) {
			char sql[64];
			snprintf(sql, sizeof sql, "PRAGMA cache_size = %" PRId64, b->cache_size);
			sqlite3_exec(b->s->db, sql, NULL, NULL, NULL);
		}
	}
	free(b->version);
	free(b->source);
	free(b->phase_title);
	free(b);
}

void bl_bulk_discard(bl_bulk *b)
{
	bl_store *s = b->s;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	bulk_free(b);
}

int bl_store_bulk_begin(bl_store *s, const char *version, const char *source,
			bl_bulk **out, bl_err *err)
{
	*out = NULL;
	if (s->readonly)
		return bl_err_set(err, _("'%s' is open read-only; nothing was changed"), s->path);
	if (s->bulk)
		return bl_err_set(err, _("a bulk load into '%s' is already in progress"), s->path);
	if (!sqlite3_get_autocommit(s->db) || s->in_tx)
		return bl_err_set(err, _("a bulk load is a transaction of its own; it cannot run"
					 " inside another"));
	bl_bulk *b = calloc(1, sizeof *b);
	if (!b || !(b->version = strdup(version ? version : "")) ||
	    !(b->source = strdup(source && *source ? source : "unknown"))) {
		if (b)
			free(b->version);
		free(b);
		return bl_err_set(err, _("out of memory"));
	}
	s->refused = false;
	if (bl_exec(s, "BEGIN IMMEDIATE", err) != 0) {
		bulk_free(b);
		return -1;
	}
	b->s = s;
	if (bl_version_id(s, version, &b->vid, err) != 0 ||
	    bl_store_lock_state(s, &b->locks, &b->phase_title, err) != 0)
		goto fail;
	/* A bulk load adds lines with amounts: either lock refuses it. */
	if (b->locks & BL_LOCK_AMOUNTS) {
		bl_lock_refusal(err, 0, b->phase_title);
		goto fail;
	}
	if (b->locks & BL_LOCK_LINES) {
		bl_lock_refusal(err, 1, b->phase_title);
		goto fail;
	}
	if (bl_schema_bulk_triggers(s, false, err) != 0)
		goto fail;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			b->cache_size = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (b->cache_size && bl_exec(s, "PRAGMA cache_size = " BULK_CACHE, err) != 0)
		goto fail;
	s->bulk = b;
	*out = b;
	return 0;
fail:
	bl_bulk_discard(b);
	return -1;
}

/* SQLite ends a transaction by itself after some errors (a full disk, an
 * I/O error); the load must not go on in autocommit, triggers back,
 * committing row by row. */
static bool lost(bl_bulk *b)
{
	if (sqlite3_get_autocommit(b->s->db))
		b->broken = true;
	return b->broken;
}

static int broken(bl_bulk *b, bl_err *err)
{
	return bl_err_set(err, _("an earlier error stopped the bulk load into '%s';"
				 " nothing of it was kept"), b->s->path);
}

int bl_bulk_area(bl_bulk *b, int64_t parent_id, const char *code, const char *name,
		 int64_t *id_out, bl_err *err)
{
	bl_store *s = b->s;
	if (b->broken || lost(b))
		return broken(b, err);
	if (!code || !*code || strchr(code, '/'))
		return bl_err_set(err, _("the area code '%s' is empty or contains '/'"),
				  code ? code : "");
	int64_t id;
	int r = bl_area_child(s, parent_id, code, strlen(code), &id, err);
	if (r < 0)
		return -1;
	if (r == 1) {
		if (id_out)
			*id_out = id;
		return 0;
	}
	if (b->locks & BL_LOCK_AREAS)
		return bl_lock_refusal(err, 2, b->phase_title);
	int level = 1;
	if (parent_id != 0) {
		bl_area p = { 0 };
		r = bl_area_get(s, parent_id, &p, err);
		free(p.code);
		free(p.name);
		if (r == 0)
			return bl_err_set(err, _("no area with id %" PRId64), parent_id);
		if (r < 0)
			return -1;
		level = p.level + 1;
	}
	sqlite3_stmt *st = bl_stmt(s, ST_AREA_ADD, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, parent_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	/* An export may give codes only; the code is a name then. */
	sqlite3_bind_text(st, 3, name ? name : code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, level);
	if (bl_step_done(s, st, err) != 0)
		return -1;
	b->n_areas++;
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int bl_bulk_line(bl_bulk *b, const bl_line *l, const bl_money *amounts,
		 const bool *has, int n_years, int64_t *id_out, bl_err *err)
{
	bl_store *s = b->s;
	if (b->broken || lost(b))
		return broken(b, err);
	if (n_years != s->info.n_years)
		return bl_err_set(err, _("budget line '%s' has amounts for %d years; the process"
					 " has %d"), l->code ? l->code : "", n_years,
				  s->info.n_years);
	if (bl_line_valid(l, err) != 0)
		return -1;
	int64_t id;
	if (bl_store_insert_line(s, l, &id, err) != 0) {
		/* The only foreign key of a line is its area. */
		if (s->last_ext == SQLITE_CONSTRAINT_FOREIGNKEY)
			bl_err_set(err, _("budget line '%s': no area with id %" PRId64), l->code,
				   l->area_id);
		return -1;
	}
	int64_t added = 0;
	for (int i = 0; i < n_years; i++) {
		if (has && !has[i])
			continue;
		sqlite3_stmt *st = bl_stmt(s, ST_AMOUNT_INSERT, err);
		if (!st)
			goto undo;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, b->vid);
		sqlite3_bind_int(st, 3, s->info.budget_year + i);
		sqlite3_bind_int64(st, 4, amounts[i]);
		if (bl_step_done(s, st, err) != 0) {
			bl_err_prefix(err, _("budget line '%s', %d"), l->code,
				      s->info.budget_year + i);
			goto undo;
		}
		added++;
	}
	b->n_lines++;
	b->n_amounts += added;
	if (id_out)
		*id_out = id;
	return 0;
undo:
	/* Take the line out again (its amounts go with it by ON DELETE
	 * CASCADE), so that a refused line leaves nothing and the load can
	 * go on without it.  If even that fails, the load cannot be
	 * committed. */
	{
		sqlite3_stmt *st = bl_stmt(s, ST_LINE_DELETE, NULL);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			if (bl_step_done(s, st, NULL) == 0)
				return -1;
		}
		b->broken = true;
		return -1;
	}
}

/* The version's totals from its amounts: per area, then the whole budget
 * (area 0) from those.  sum() fails on an overflow ("integer overflow"),
 * which bl_store_fail turns into a sentence. */
static const char *const rebuild_sql[] = {
	"DELETE FROM total WHERE version_id = ?1",
	"INSERT INTO total (area_id, version_id, year, income, expense, n)"
	" SELECT l.area_id, ?1, a.year,"
	"  sum(CASE l.direction WHEN 'income' THEN a.amount ELSE 0 END),"
	"  sum(CASE l.direction WHEN 'expense' THEN a.amount ELSE 0 END), count(*)"
	" FROM amount a JOIN line l ON l.id = a.line_id WHERE a.version_id = ?1"
	" GROUP BY l.area_id, a.year",
	"INSERT INTO total (area_id, version_id, year, income, expense, n)"
	" SELECT 0, ?1, year, sum(income), sum(expense), sum(n) FROM total"
	" WHERE version_id = ?1 AND area_id <> 0 GROUP BY year",
};

static int run_with_version(bl_store *s, const char *sql, int64_t vid, bl_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	sqlite3_bind_int64(st, 1, vid);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int journal_entry(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO journal (at, actor, entity, key, action, before, after)"
			       " VALUES (bl_now(), bl_actor(), 'import', ?1, 'bulk', NULL,"
			       " json_object('source', ?1, 'version', ?2, 'areas', ?3,"
			       " 'lines', ?4, 'amounts', ?5))",
			       -1, &st, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	sqlite3_bind_text(st, 1, b->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->version, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, b->n_areas);
	sqlite3_bind_int64(st, 4, b->n_lines);
	sqlite3_bind_int64(st, 5, b->n_amounts);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int bl_bulk_commit(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	if (b->broken || lost(b)) {
		broken(b, err);
		bl_bulk_discard(b);
		return -1;
	}
	for (size_t i = 0; i < sizeof rebuild_sql / sizeof rebuild_sql[0]; i++)
		if (run_with_version(s, rebuild_sql[i], b->vid, err) != 0)
			goto fail;
	/* sum() catches an income or expense total that overflows; a balance
	 * (income - expenses) or an area's sum with its sub-areas that does
	 * not fit is found here, before anything is kept. */
	if (bl_store_totals_check(s, b->version, err) != 0)
		goto fail;
	if (bl_schema_bulk_triggers(s, true, err) != 0 || journal_entry(b, err) != 0)
		goto fail;
	s->bulk = NULL; /* bl_exec's COMMIT is ours now */
	if (bl_exec(s, "COMMIT", err) != 0)
		goto fail;
	bulk_free(b);
	return 0;
fail:
	bl_err_prefix(err, _("the bulk load into '%s' was undone"), s->path);
	bl_bulk_discard(b);
	return -1;
}

void bl_bulk_abort(bl_bulk *b)
{
	if (b)
		bl_bulk_discard(b);
}
