/* journal_view.c: the journal a page at a time, for the journal screen
 * and `budgetlab journal` (store.h, after bl_store_journal_count).
 *
 * A journal grows with every change and is never pruned, so a screen
 * asks for the rows it shows (LIMIT/OFFSET over the rowid, newest first)
 * and for a count, never for the whole history.  Filtered by a line, both
 * use the index journal_key, whose entries are in rowid order within a
 * key, so the page is read in order without a sort.
 *
 * The SQL is kept here, as view.c keeps its own; the statements are
 * cached in bl_store.stmt (ST_JOURNAL_PAGE, ST_JOURNAL_PAGE_LINE,
 * ST_JOURNAL_COUNT_LINE) like the rest.  The count of every entry is
 * bl_store_journal_count's. */
#include "config.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

#define JOURNAL_COLS "id, at, actor, entity, key, action, before, after"
/* Entries about one line: its own and its amounts', as in
 * bl_store_journal_each. */
#define ABOUT_LINE "key = ?3 AND entity IN ('line', 'amount', 'line_pillar')"

static const char *const journal_sql[ST_COUNT] = {
	[ST_JOURNAL_PAGE] = "SELECT " JOURNAL_COLS " FROM journal ORDER BY id DESC"
			    " LIMIT ?1 OFFSET ?2",
	[ST_JOURNAL_PAGE_LINE] = "SELECT " JOURNAL_COLS " FROM journal WHERE " ABOUT_LINE
				 " ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	[ST_JOURNAL_COUNT_LINE] = "SELECT count(*) FROM journal WHERE " ABOUT_LINE,
};

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

/* Statement id, with line_code (NULL: none) bound as ?3 once it is found
 * to be UTF-8; NULL with err set if it is not, or on error. */
static sqlite3_stmt *journal_stmt(bl_store *s, enum bl_stmt_id id, const char *line_code,
				  bl_err *err)
{
	if (line_code && check_code(line_code, err) != 0)
		return NULL;
	sqlite3_stmt *st = bl_stmt_sql(s, id, journal_sql[id], err);
	if (st && line_code)
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
	sqlite3_stmt *st = journal_stmt(s, line_code ? ST_JOURNAL_PAGE_LINE : ST_JOURNAL_PAGE,
					line_code, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	return bl_journal_rows(s, st, cb, ctx, err);
}

int bl_store_journal_count_for(bl_store *s, const char *line_code, int64_t *n,
			       bl_err *err)
{
	if (line_code && !*line_code)
		line_code = NULL;
	if (!line_code)
		return bl_store_journal_count(s, n, err);
	sqlite3_stmt *st = journal_stmt(s, ST_JOURNAL_COUNT_LINE, line_code, err);
	return st ? bl_step_count(s, st, n, err) : -1;
}
