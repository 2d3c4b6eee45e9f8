/* bulk.c: loading many lines at once (the demo, the benchmark, the
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
 *  4. rebuilds the version's totals with one INSERT .. SELECT .. GROUP BY
 *     (every version's when a reused line moved to another area or
 *     changed direction, which moves its amounts in them too), and
 *     checks what the triggers and bl_store_amount_set would have checked
 *     per row: that every total fits, the balances and the subtrees' sums
 *     included (bl_store_totals_check),
 *  5. recreates the triggers from the same strings as the schema
 *     (bl_triggers), and
 *  6. writes one journal entry that says what was loaded.
 * The year check of the triggers needs no replacement: bl_bulk_line and
 * bl_bulk_line_put take the amounts by position, so their years are the
 * process's by construction.
 *
 * An import replaces what the previous import of the version brought
 * (bl_bulk_replace, bl_bulk_line_put).  The lines that have amounts in
 * the version are remembered in a TEMP table (one INSERT .. SELECT).  A
 * line the new file has is found by code in the unique index on line
 * codes (one lookup per line), taken out of the table, and its amounts
 * are set in place, year by year, where an unchanged one is not written.
 * At the commit the table holds the lines the new file no longer has:
 * their amounts of the version are deleted, then those of them left
 * without an amount in any version and serving no goal, one statement
 * each.  Deleting the version's amounts at
 * the start instead would be slower (measured, the same 1,000,000 lines
 * imported again: 15.4 s against 8.5 s): amount is the child of two
 * foreign keys, so SQLite deletes from it in two passes (3.1 s for
 * 4,000,000 amounts, 0.6 s without foreign keys, which cannot be turned
 * off inside a transaction), and every amount is then inserted again. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/journal_fmt.h"
#include "core/text.h"
#include "store/pool_store.h"
#include "store/store_internal.h"

struct bl_bulk {
	bl_store *s;
	int64_t vid;
	char *version, *source;
	unsigned locks;
	char *phase_title;
	char *note;         /* bl_bulk_set_note's JSON object, or NULL */
	bl_bulk_counts n;
	int64_t cache_size; /* the connection's, restored at the end */
	/* A line was given (refused or not): too late for bl_bulk_replace,
	 * which must see the version as it was before the load. */
	bool begun;
	/* bl_bulk_replace ran: temp.bl_bulk_prev holds the lines that had
	 * amounts in the version and the load has not given (yet); forget
	 * takes a line out of it. */
	bool replaced;
	sqlite3_stmt *forget;
	/* A reused line changed area or direction: its amounts in the other
	 * versions moved too, so every version's totals are rebuilt. */
	bool moved;
	/* An error left the transaction in a state that must not be
	 * committed; only bl_bulk_abort is possible. */
	bool broken;
	/* Rows of temp.bl_bulk_prev deleted by the current put. */
	int64_t forgot;
};

/* The lines bl_bulk_replace remembers, by id.  TEMP: the table lives
 * with the connection, outside the budget's file, and goes with the
 * transaction if it is rolled back; bulk_free drops it in any case. */
#define PREV_TABLE "temp.bl_bulk_prev"

/* bl_bulk_line_put's cached statements (store_internal.h). */
static const char *const bulk_sql[] = {
	/* The unique index on code (sqlite_autoindex_line_1), then the row
	 * for what tells a move. */
	"SELECT id, area_id, direction FROM line WHERE code = ?1",
	/* Only a real change is written: reimporting an unchanged file
	 * leaves the line pages clean. */
	"UPDATE line SET title = ?2, area_id = ?3, kind = ?4, direction = ?5,"
	" description = coalesce(?6, description) WHERE id = ?1"
	" AND (title IS NOT ?2 OR area_id IS NOT ?3 OR kind IS NOT ?4"
	" OR direction IS NOT ?5 OR (?6 IS NOT NULL AND description IS NOT ?6))",
	"DELETE FROM amount WHERE line_id = ?1 AND version_id = ?2",
};

static sqlite3_stmt *bulk_stmt(bl_store *s, enum bl_stmt_id id, bl_err *err)
{
	return bl_stmt_sql(s, id, bulk_sql[id - ST_BULK_LINE_FIND], err);
}

/* Bytes of page cache during a load (a negative cache_size is KiB). */
#define BULK_CACHE "-65536"

static void bulk_free(bl_bulk *b)
{
	sqlite3_finalize(b->forget);
	if (b->s) {
		b->s->bulk = NULL;
		/* After the commit or the rollback: only the connection's temp
		 * schema changes, never the file. */
		if (b->replaced)
			sqlite3_exec(b->s->db, "DROP TABLE IF EXISTS " PREV_TABLE, NULL, NULL, NULL);
		if (b->cache_size) {
			char sql[64];
			snprintf(sql, sizeof sql, "PRAGMA cache_size = %" PRId64, b->cache_size);
			sqlite3_exec(b->s->db, sql, NULL, NULL, NULL);
		}
	}
	free(b->version);
	free(b->source);
	free(b->phase_title);
	free(b->note);
	free(b);
}

void bl_bulk_discard(bl_bulk *b)
{
	bl_store *s = b->s;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	bulk_free(b);
}

/* -1 with the triggers' message if version vid is frozen or derived. */
static int bulk_frozen(bl_store *s, int64_t vid, const char *key, bl_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT derived, frozen_at, (SELECT title FROM phase"
			       " WHERE id = f.phase_id) FROM version_freeze f WHERE version_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	sqlite3_bind_int64(st, 1, vid);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(st, 1);
		const char *ph = (const char *)sqlite3_column_text(st, 2);
		if (sqlite3_column_int(st, 0))
			ret = bl_err_set(err, _("the %s version is derived (first reading plus the"
						" adopted amendments) and cannot be loaded into"), key);
		else
			ret = bl_err_set(err, _("the %s version was frozen on %.10s when the process"
						" entered '%s'; it cannot be loaded into (import into"
						" the proposal, or table an amendment)"),
					 key, at ? at : "", ph ? ph : "?");
	} else if (rc != SQLITE_DONE) {
		ret = bl_store_fail(s, err);
	}
	sqlite3_finalize(st);
	return ret;
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
	/* The bulk loader drops the amount triggers, the frozen versions'
	 * among them: refuse here what they would refuse. */
	if (bulk_frozen(s, b->vid, b->version, err) != 0)
		goto fail;
	/* A bulk load adds lines with amounts: either lock refuses it. */
	if (b->locks & BL_LOCK_AMOUNTS) {
		bl_lock_refusal(b->s, err, 0, b->phase_title);
		goto fail;
	}
	if (b->locks & BL_LOCK_LINES) {
		bl_lock_refusal(b->s, err, 1, b->phase_title);
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
		return bl_lock_refusal(b->s, err, 2, b->phase_title);
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
	b->n.areas++;
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int bl_bulk_replace(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	if (b->broken || lost(b))
		return broken(b, err);
	if (b->replaced)
		return bl_err_set(err, _("the bulk load into '%s' replaces the %s version"
					 " already"), s->path, b->version);
	if (b->begun)
		return bl_err_set(err, _("the bulk load into '%s' has begun to load lines; the"
					 " %s version can be replaced only before the first"),
				  s->path, b->version);
	/* From here on a failure (the disk, memory) leaves the load half
	 * replaced: it cannot go on. */
	b->replaced = true;
	sqlite3_stmt *st = NULL;
	if (bl_exec(s, "DROP TABLE IF EXISTS " PREV_TABLE, err) != 0 ||
	    bl_exec(s, "CREATE TABLE " PREV_TABLE " (id INTEGER PRIMARY KEY)", err) != 0)
		goto fail;
	/* The amounts' primary key starts with line_id: the ids come in
	 * order, so DISTINCT needs no sort and the inserts append. */
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO " PREV_TABLE " (id)"
			       " SELECT DISTINCT line_id FROM amount WHERE version_id = ?1",
			       -1, &st, NULL) != SQLITE_OK) {
		bl_store_fail(s, err);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, b->vid);
	if (sqlite3_step(st) != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto fail;
	}
	sqlite3_finalize(st);
	/* The version's amounts, as its totals count them (what the gates'
	 * amount count reads too), without reading the amounts again. */
	if (!(st = bl_stmt(s, ST_AMOUNT_COUNT, err)))
		goto fail;
	sqlite3_bind_int64(st, 1, b->vid);
	if (bl_step_count(s, st, &b->n.amounts_replaced, err) != 0)
		goto fail;
	st = NULL;
	if (sqlite3_prepare_v2(s->db, "DELETE FROM " PREV_TABLE " WHERE id = ?1", -1,
			       &b->forget, NULL) != SQLITE_OK) {
		b->forget = NULL;
		bl_store_fail(s, err);
		goto fail;
	}
	return 0;
fail:
	sqlite3_finalize(st);
	b->broken = true;
	return -1;
}

/* What bl_bulk_line and bl_bulk_line_put check before they write. */
static int line_check(bl_bulk *b, const bl_line *l, int n_years, bl_err *err)
{
	bl_store *s = b->s;
	b->begun = true;
	if (b->broken || lost(b))
		return broken(b, err);
	if (n_years != s->info.n_years)
		return bl_err_set(err, _("budget line '%s' has amounts for %d years; the process"
					 " has %d"), l->code ? l->code : "", n_years,
				  s->info.n_years);
	return bl_line_valid(l, err);
}

/* Insert the amounts of line id in the load's version; *added says how
 * many were, also on failure (err then names the line and the year). */
static int amounts_insert(bl_bulk *b, int64_t id, const char *code, const bl_money *amounts,
			  const bool *has, int64_t *added, bl_err *err)
{
	bl_store *s = b->s;
	*added = 0;
	for (int i = 0; i < s->info.n_years; i++) {
		if (has && !has[i])
			continue;
		sqlite3_stmt *st = bl_stmt(s, ST_AMOUNT_INSERT, err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, b->vid);
		sqlite3_bind_int(st, 3, s->info.budget_year + i);
		sqlite3_bind_int64(st, 4, amounts[i]);
		if (bl_step_done(s, st, err) != 0)
			return bl_err_prefix(err, _("budget line '%s', %d"), code,
					     s->info.budget_year + i);
		(*added)++;
	}
	return 0;
}

/* The message bl_bulk_line gives for a line whose area does not exist
 * (the only foreign key of a line), after a failed insert or update. */
static int line_write_failed(bl_store *s, const bl_line *l, bl_err *err)
{
	if (s->last_ext == SQLITE_CONSTRAINT_FOREIGNKEY)
		bl_err_set(err, _("budget line '%s': no area with id %" PRId64), l->code, l->area_id);
	return -1;
}

/* A new line with its amounts (checked by line_check). */
static int line_insert(bl_bulk *b, const bl_line *l, const bl_money *amounts, const bool *has,
		       int64_t *id_out, bl_err *err)
{
	bl_store *s = b->s;
	int64_t id, added;
	if (bl_store_insert_line(s, l, &id, err) != 0)
		return line_write_failed(s, l, err);
	if (amounts_insert(b, id, l->code, amounts, has, &added, err) != 0) {
		/* Take the line out again (its amounts go with it by ON DELETE
		 * CASCADE), so that a refused line leaves nothing and the load
		 * can go on without it.  If even that fails, the load cannot be
		 * committed. */
		sqlite3_stmt *st = bl_stmt(s, ST_LINE_DELETE, NULL);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			if (bl_step_done(s, st, NULL) == 0)
				return -1;
		}
		b->broken = true;
		return -1;
	}
	b->n.lines_created++;
	b->n.amounts += added;
	if (id_out)
		*id_out = id;
	return 0;
}

int bl_bulk_line(bl_bulk *b, const bl_line *l, const bl_money *amounts,
		 const bool *has, int n_years, int64_t *id_out, bl_err *err)
{
	if (line_check(b, l, n_years, err) != 0)
		return -1;
	return line_insert(b, l, amounts, has, id_out, err);
}

/* Set the amounts of line id in the load's version to these (absent
 * where has[i] is false; after bl_bulk_replace, the line is also taken out
 * of what it remembered).  Fails only on the disk or memory: the caller
 * checked everything else. */
static int amounts_replace(bl_bulk *b, int64_t id, const char *code, const bl_money *amounts,
			   const bool *has, bl_err *err)
{
	bl_store *s = b->s;
	bool remembered = false;
	if (b->replaced) {
		sqlite3_reset(b->forget);
		sqlite3_bind_int64(b->forget, 1, id);
		if (bl_step_done(s, b->forget, err) != 0)
			return -1;
		remembered = sqlite3_changes64(s->db) > 0;
		b->forgot += sqlite3_changes64(s->db);
	}
	int64_t added = 0;
	sqlite3_stmt *st;
	if (b->replaced && !remembered) {
		/* The line's amounts of the version, if any, are the load's own
		 * (a code given twice): deleted, and no longer counted. */
		if (!(st = bulk_stmt(s, ST_BULK_AMOUNTS_CLEAR, err)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, b->vid);
		if (bl_step_done(s, st, err) != 0)
			return -1;
		b->n.amounts -= sqlite3_changes64(s->db);
		int rc = amounts_insert(b, id, code, amounts, has, &added, err);
		b->n.amounts += added;
		return rc;
	}
	/* The version's own amounts (counted by bl_bulk_replace, if it ran),
	 * set in place year by year: an amount that did not change is not
	 * written, so reimporting an unchanged file leaves the amounts' pages
	 * clean, and no year is deleted and inserted again.  Without
	 * bl_bulk_replace a code given twice counts twice (store.h). */
	for (int i = 0; i < s->info.n_years; i++) {
		bool set = !has || has[i];
		if (!(st = bl_stmt(s, set ? ST_AMOUNT_SET : ST_AMOUNT_CLEAR, err)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, b->vid);
		sqlite3_bind_int(st, 3, s->info.budget_year + i);
		if (set)
			sqlite3_bind_int64(st, 4, amounts[i]);
		if (bl_step_done(s, st, err) != 0)
			return bl_err_prefix(err, _("budget line '%s', %d"), code,
					     s->info.budget_year + i);
		added += set;
	}
	b->n.amounts += added;
	return 0;
}

/* A line that exists was refused.  The file has it, if not in a form that
 * could be taken: if bl_bulk_replace remembered it, its amounts of the
 * version go as every line's do, but it is not removed at the commit as a
 * line the file no longer has; otherwise (a code given twice) it stays as
 * the load left it. */
static int refused_remembered(bl_bulk *b, int64_t id)
{
	bl_store *s = b->s;
	sqlite3_reset(b->forget);
	sqlite3_bind_int64(b->forget, 1, id);
	if (bl_step_done(s, b->forget, NULL) != 0)
		return -1;
	if (sqlite3_changes64(s->db) == 0)
		return 0;
	sqlite3_stmt *st = bulk_stmt(s, ST_BULK_AMOUNTS_CLEAR, NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, b->vid);
	return bl_step_done(s, st, NULL);
}

/* Line id, which exists, set to l and to these amounts of the version.
 * Everything that can refuse it is tried before the first write (the
 * amounts' range here, the area by the update's foreign key), so that a
 * refused line is left as it was; a write that fails after that (the
 * disk, memory) breaks the load. */
static int line_reuse(bl_bulk *b, int64_t id, bool moved, const bl_line *l,
		      const bl_money *amounts, const bool *has, bl_err *err)
{
	bl_store *s = b->s;
	/* Rows the connection has written so far: if the line and its
	 * amounts write none, the file had it as it was. */
	sqlite3_int64 writes = sqlite3_total_changes64(s->db);
	b->forgot = 0; /* the bookkeeping of bl_bulk_replace is not a write of the line */
	for (int i = 0; i < s->info.n_years; i++)
		if ((!has || has[i]) && amounts[i] == INT64_MIN) {
			/* The words of the schema's amount_range, as
			 * bl_bulk_line gives them. */
			bl_err_set(err, _("the amount is out of range (the smallest 64-bit number"
					  " is not allowed)"));
			return bl_err_prefix(err, _("budget line '%s', %d"), l->code,
					     s->info.budget_year + i);
		}
	sqlite3_stmt *st = bulk_stmt(s, ST_BULK_LINE_SET, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, l->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, l->area_id);
	sqlite3_bind_text(st, 4, bl_kind_name(l->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, bl_direction_name(l->dir), -1, SQLITE_STATIC);
	if (l->description)
		sqlite3_bind_text(st, 6, l->description, -1, SQLITE_STATIC);
	if (bl_step_done(s, st, err) != 0)
		return line_write_failed(s, l, err);
	if (amounts_replace(b, id, l->code, amounts, has, err) != 0) {
		b->broken = true;
		return -1;
	}
	b->n.lines_updated++;
	if (sqlite3_total_changes64(s->db) - b->forgot == writes)
		b->n.lines_unchanged++;
	b->moved |= moved;
	return 0;
}

int bl_bulk_line_put(bl_bulk *b, const bl_line *l, const bl_money *amounts,
		     const bool *has, int n_years, int64_t *id_out, bool *created,
		     bl_err *err)
{
	bl_store *s = b->s;
	b->begun = true;
	if (b->broken || lost(b))
		return broken(b, err);
	/* Looked up first, so that a refused line that exists is known
	 * (a blank code is refused by line_check below). */
	int64_t id = 0;
	bool found = false, moved = false;
	if (l->code) {
		sqlite3_stmt *st = bulk_stmt(s, ST_BULK_LINE_FIND, err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, l->code, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			bl_store_fail(s, err);
			sqlite3_reset(st);
			return -1;
		}
		if ((found = rc == SQLITE_ROW)) {
			id = sqlite3_column_int64(st, 0);
			const char *dir = (const char *)sqlite3_column_text(st, 2);
			moved = sqlite3_column_int64(st, 1) != l->area_id || !dir ||
				strcmp(dir, bl_direction_name(l->dir)) != 0;
		}
		sqlite3_reset(st);
	}
	if (!found) {
		if (line_check(b, l, n_years, err) != 0 ||
		    line_insert(b, l, amounts, has, id_out, err) != 0)
			return -1;
		if (created)
			*created = true;
		return 0;
	}
	if (line_check(b, l, n_years, err) != 0 ||
	    line_reuse(b, id, moved, l, amounts, has, err) != 0) {
		if (b->replaced && !b->broken && refused_remembered(b, id) != 0)
			b->broken = true;
		return -1;
	}
	if (id_out)
		*id_out = id;
	if (created)
		*created = false;
	return 0;
}

void bl_bulk_counts_get(const bl_bulk *b, bl_bulk_counts *out)
{
	*out = b->n;
}

/* The after object's own keys, which a note may not name. */
static const char *const own_keys[] = {
	"source", "version", "areas", "lines", "amounts", "replaced", "created", "updated",
	"removed",
};
#define N_OWN_KEYS (sizeof own_keys / sizeof own_keys[0])

int bl_bulk_set_note(bl_bulk *b, const char *extra_json, bl_err *err)
{
	if (b->broken || lost(b))
		return broken(b, err);
	char *copy = NULL;
	if (extra_json) {
		/* Checked with the journal's own reader: what it refuses would
		 * make the whole entry unreadable in the journal. */
		bl_jobj o;
		bl_err why = { { 0 } };
		char q[BL_QUOTE_MAX];
		if (bl_json_parse(extra_json, &o, &why) != 0)
			return bl_err_set(err, _("the note for the journal is not a flat JSON"
						 " object of strings and whole numbers (%s)"),
					  why.msg);
		int rc = 0;
		if (o.n > BL_JSON_MAX_FIELDS - N_OWN_KEYS)
			rc = bl_err_set(err, _("the note for the journal has %zu members; it may"
					       " have at most %zu"), o.n,
					(size_t)(BL_JSON_MAX_FIELDS - N_OWN_KEYS));
		for (size_t i = 0; rc == 0 && i < o.n; i++) {
			const bl_jfield *f = &o.f[i];
			bl_text_quote(f->key, strlen(f->key), q);
			for (size_t k = 0; rc == 0 && k < N_OWN_KEYS; k++)
				if (strcmp(f->key, own_keys[k]) == 0)
					rc = bl_err_set(err, _("the note for the journal has the"
							       " member '%s', which the entry"
							       " has itself"), q);
			/* A null in a JSON merge patch (json_patch, RFC 7396)
			 * removes the member instead of adding it. */
			if (rc == 0 && f->type == BL_JNULL)
				rc = bl_err_set(err, _("the note for the journal has the member"
						       " '%s' with the value null; leave it out"
						       " instead"), q);
		}
		bl_jobj_free(&o);
		if (rc != 0)
			return -1;
		if (!(copy = strdup(extra_json)))
			return bl_err_set(err, _("out of memory"));
	}
	free(b->note);
	b->note = copy;
	return 0;
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
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, vid);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A failure names the version: with a moved line it need not be the
 * loaded one. */
static int rebuild_version(bl_store *s, int64_t vid, const char *key, bl_err *err)
{
	for (size_t i = 0; i < sizeof rebuild_sql / sizeof rebuild_sql[0]; i++)
		if (run_with_version(s, rebuild_sql[i], vid, err) != 0)
			return bl_err_prefix(err, _("the totals of the %s version"), key);
	return 0;
}

/* The loaded version's totals; every version's when a reused line moved
 * or changed direction, which moved its amounts in the others too. */
static int rebuild_totals(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	if (!b->moved)
		return rebuild_version(s, b->vid, b->version, err);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT id, key FROM version ORDER BY id", -1, &st, NULL) !=
	    SQLITE_OK)
		return bl_store_fail(s, err);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 1);
		if (rebuild_version(s, sqlite3_column_int64(st, 0), key ? key : "?", err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The lines bl_bulk_replace remembered that the load did not give: what
 * the previous import brought and this one no longer has.  Their amounts
 * of the version are deleted; then those lines left without an amount in
 * any version and serving no goal are.  Without amounts they add nothing
 * to any total; without goal links nothing else refers to them. */
int bl_bulk_removals(bl_bulk *b, int64_t *n, bl_err *err)
{
	bl_store *s = b->s;
	*n = 0;
	if (!b->replaced)
		return 0;
	if (b->broken || lost(b))
		return broken(b, err);
	/* What remove_lines will delete, counted before it: the remembered
	 * lines with no amount in another version and no goal link. */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT count(*) FROM " PREV_TABLE " p"
			       " WHERE NOT EXISTS (SELECT 1 FROM amount a WHERE a.line_id = p.id"
			       " AND a.version_id <> ?1)"
			       " AND NOT EXISTS (SELECT 1 FROM goal_line g WHERE g.line_id = p.id)"
			       " AND NOT EXISTS (SELECT 1 FROM pool WHERE line_id = p.id)",
			       -1, &st, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	sqlite3_bind_int64(st, 1, b->vid);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int remove_lines(bl_bulk *b, bl_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM amount WHERE version_id = ?1"
		" AND line_id IN (SELECT id FROM " PREV_TABLE ")",
		"DELETE FROM line WHERE id IN (SELECT p.id FROM " PREV_TABLE " p"
		" WHERE NOT EXISTS (SELECT 1 FROM amount a WHERE a.line_id = p.id)"
		" AND NOT EXISTS (SELECT 1 FROM goal_line g WHERE g.line_id = p.id)"
		/* A pool's line is never removed (its trigger, dropped now,
		 * would refuse it); without amounts the pool check refuses the
		 * load if anything is granted. */
		" AND NOT EXISTS (SELECT 1 FROM pool WHERE line_id = p.id))",
	};
	bl_store *s = b->s;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (run_with_version(s, sql[i], b->vid, err) != 0)
			return -1;
	b->n.lines_removed = sqlite3_changes64(s->db);
	return 0;
}

static int journal_entry(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	sqlite3_stmt *st;
	/* Two merge patches (json_patch, RFC 7396) on the keys every entry
	 * has: the newer counts, where a NULL leaves "replaced" out when the
	 * load did not replace, and the note, whose members bl_bulk_set_note
	 * checked to be new and not null. */
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO journal (at, actor, entity, key, action, before, after)"
			       " VALUES (bl_now(), bl_actor(), 'import', ?1, 'bulk', NULL,"
			       " json_patch(json_patch(json_object('source', ?1, 'version', ?2,"
			       " 'areas', ?3, 'lines', ?4, 'amounts', ?5),"
			       " json_object('replaced', ?6, 'created', ?7, 'updated', ?8,"
			       " 'removed', ?9)), ?10))",
			       -1, &st, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	sqlite3_bind_text(st, 1, b->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->version, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, b->n.areas);
	sqlite3_bind_int64(st, 4, b->n.lines_created + b->n.lines_updated);
	sqlite3_bind_int64(st, 5, b->n.amounts);
	if (b->replaced)
		sqlite3_bind_int64(st, 6, b->n.amounts_replaced);
	sqlite3_bind_int64(st, 7, b->n.lines_created);
	sqlite3_bind_int64(st, 8, b->n.lines_updated);
	sqlite3_bind_int64(st, 9, b->n.lines_removed);
	sqlite3_bind_text(st, 10, b->note ? b->note : "{}", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int bl_bulk_check(bl_bulk *b, bl_err *err)
{
	bl_store *s = b->s;
	if (b->broken || lost(b))
		return broken(b, err);
	/* What the commit does before it commits, inside the load's own
	 * transaction, which the caller then aborts. */
	if ((b->replaced && remove_lines(b, err) != 0) || rebuild_totals(b, err) != 0 ||
	    bl_store_totals_check(s, b->moved ? NULL : b->version, err) != 0 ||
	    bl_store_pools_check(s, err) != 0) {
		b->broken = true;
		return -1;
	}
	b->broken = true; /* only bl_bulk_abort is left */
	return 0;
}

int bl_bulk_commit_counts(bl_bulk *b, bl_bulk_counts *out, bl_err *err)
{
	bl_store *s = b->s;
	if (out)
		memset(out, 0, sizeof *out);
	if (b->broken || lost(b)) {
		broken(b, err);
		bl_bulk_discard(b);
		return -1;
	}
	/* While the triggers are still dropped: the removed lines are
	 * counted in the one journal entry, not journalled one by one. */
	if (b->replaced && remove_lines(b, err) != 0)
		goto fail;
	if (rebuild_totals(b, err) != 0)
		goto fail;
	/* sum() catches an income or expense total that overflows; a balance
	 * (income - expenses) or an area's sum with its sub-areas that does
	 * not fit is found here, before anything is kept. */
	if (bl_store_totals_check(s, b->moved ? NULL : b->version, err) != 0)
		goto fail;
	/* The pools' rules, which the dropped amount triggers would have
	 * checked row by row (schema 8): one query over every pool. */
	if (bl_store_pools_check(s, err) != 0)
		goto fail;
	if (bl_schema_bulk_triggers(s, true, err) != 0 || journal_entry(b, err) != 0)
		goto fail;
	s->bulk = NULL; /* bl_exec's COMMIT is ours now */
	if (bl_exec(s, "COMMIT", err) != 0)
		goto fail;
	if (out)
		*out = b->n;
	bulk_free(b);
	return 0;
fail:
	bl_err_prefix(err, _("nothing was loaded into '%s'"), s->path);
	bl_bulk_discard(b);
	return -1;
}

int bl_bulk_commit(bl_bulk *b, bl_err *err)
{
	return bl_bulk_commit_counts(b, NULL, err);
}

void bl_bulk_abort(bl_bulk *b)
{
	if (b)
		bl_bulk_discard(b);
}
