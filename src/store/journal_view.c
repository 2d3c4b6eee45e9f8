/* journal_view.c: the journal a page at a time, for the journal screen
 * and `budgetlab journal` (store.h, after bl_store_journal_count).
 *
 * A journal grows with every change and is never pruned, so a screen
 * asks for the rows it shows (LIMIT/OFFSET over the rowid, newest first)
 * and for a count, never for the whole history.  Filtered by a line, both
 * use the index journal_key, whose entries are in rowid order within a
 * key, so the page is read in order without a sort.
 *
 * The statements are prepared per call rather than cached in
 * bl_store.stmt: a page is read when the screen pages or the data
 * changes, not per key, and preparing one costs microseconds. */
#include "config.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

#define JOURNAL_COLS "id, at, actor, entity, key, action, before, after"
/* Entries about one line: its own and its amounts', as in
 * bl_store_journal_each. */
#define ABOUT_LINE "key = ?3 AND entity IN ('line', 'amount')"

static const char sql_page[] = "SELECT " JOURNAL_COLS " FROM journal ORDER BY id DESC LIMIT ?1 OFFSET ?2";
static const char sql_page_line[] =
	"SELECT " JOURNAL_COLS " FROM journal WHERE " ABOUT_LINE " ORDER BY id DESC LIMIT ?1 OFFSET ?2";
static const char sql_count[] = "SELECT count(*) FROM journal";
static const char sql_count_line[] = "SELECT count(*) FROM journal WHERE " ABOUT_LINE;

static int check_code(const char *line_code, bl_err *err)
{
	size_t n = strlen(line_code);
	if (!bl_utf8_valid(line_code, n)) {
		char q[BL_QUOTE_MAX];
		bl_text_quote(line_code, n, q);
		return bl_err_set(err, _("the line code \"%s\" is not valid UTF-8 (is the terminal"
					 " set to another character set?)"), q);
	}
	return 0;
}

static sqlite3_stmt *prepare(bl_store *s, const char *sql, const char *line_code, bl_err *err)
{
	sqlite3_stmt *st = NULL;
	if (line_code && check_code(line_code, err) != 0)
		return NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return NULL;
	}
	if (line_code)
		sqlite3_bind_text(st, 3, line_code, -1, SQLITE_STATIC);
	return st;
}

int bl_store_journal_page(bl_store *s, const char *line_code, int64_t offset,
			  int64_t limit, bl_journal_cb cb, void *ctx, bl_err *err)
{
	if (offset < 0 || limit < 0)
		return bl_err_set(err, _("a journal page needs an offset and a limit of 0 or more"
					 " (got %lld and %lld)"), (long long)offset, (long long)limit);
	if (line_code && !*line_code)
		line_code = NULL;
	if (limit == 0)
		return 0;
	sqlite3_stmt *st = prepare(s, line_code ? sql_page_line : sql_page, line_code, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	int rc, cb_rc = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bl_journal_entry e = {
			sqlite3_column_int64(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 4),
			(const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6),
			(const char *)sqlite3_column_text(st, 7),
		};
		/* The schema says NOT NULL, but a damaged file is shown, not
		 * crashed on. */
		if (!e.at)
			e.at = "";
		if (!e.actor)
			e.actor = "";
		if (!e.entity)
			e.entity = "";
		if (!e.action)
			e.action = "";
		if ((cb_rc = cb(ctx, &e)) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return cb_rc;
}

int bl_store_journal_count_for(bl_store *s, const char *line_code, int64_t *n,
			       bl_err *err)
{
	if (line_code && !*line_code)
		line_code = NULL;
	sqlite3_stmt *st = prepare(s, line_code ? sql_count_line : sql_count, line_code, err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return -1;
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}
