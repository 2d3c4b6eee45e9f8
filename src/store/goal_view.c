/* goal_view.c: what the goals screen reads (store.h, after
 * bl_store_goal_lines): how many lines serve each goal, and the lines of
 * one goal with their amounts, each in one statement.
 *
 * The screen shows every goal with its count, so the counts are one
 * GROUP BY over goal_line (its primary key is goal_id first: no sort),
 * not one bl_store_goal_lines per goal.  A goal's lines come with their
 * amounts in one join, one row per line and year, so what the screen
 * shows is consistent even while another terminal writes.
 *
 * The SQL is kept here, as view.c keeps its own; the statements are
 * cached in bl_store.stmt (ST_GOAL_COUNTS, ST_GOAL_LINE_ROWS) like the
 * rest. */
#include "config.h"

#include "core/i18n.h"
#include "store/store_internal.h"

static const char *const goal_sql[ST_COUNT] = {
	[ST_GOAL_COUNTS] = "SELECT goal_id, count(*) FROM goal_line"
			   " GROUP BY goal_id ORDER BY goal_id",
	/* One row per line and year (a line without amounts in the version:
	 * one row with a NULL year), lines by code, so that a line's rows are
	 * adjacent (codes are unique).  ?1 goal id, ?2 version id. */
	[ST_GOAL_LINE_ROWS] = "SELECT l.id, l.code, l.title, l.area_id, l.kind, l.direction,"
			      " l.description, a.year, a.amount"
			      " FROM goal_line g JOIN line l ON l.id = g.line_id"
			      " LEFT JOIN amount a ON a.line_id = l.id AND a.version_id = ?2"
			      " WHERE g.goal_id = ?1 ORDER BY l.code, a.year",
};

static bool fill_count(sqlite3_stmt *st, void *elem)
{
	bl_goal_count *c = elem;
	c->goal_id = sqlite3_column_int64(st, 0);
	c->n = sqlite3_column_int64(st, 1);
	return true;
}

int bl_store_goal_line_counts(bl_store *s, bl_goal_count **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = bl_stmt_sql(s, ST_GOAL_COUNTS, goal_sql[ST_GOAL_COUNTS], err);
	if (!st)
		return -1;
	return bl_rows_collect(s, st, sizeof **out, fill_count, NULL, out, n, err);
}

int bl_store_goal_lines_each(bl_store *s, int64_t goal_id, const char *version,
			     bl_line_cb cb, void *ctx, bl_err *err)
{
	if (!cb)
		return bl_err_set(err, _("no callback for the goal's lines"));
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0 || bl_goal_exists(s, goal_id, err) != 0)
		return -1;
	sqlite3_stmt *st = bl_stmt_sql(s, ST_GOAL_LINE_ROWS, goal_sql[ST_GOAL_LINE_ROWS], err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	sqlite3_bind_int64(st, 2, vid);
	return bl_line_rows(s, st, cb, ctx, err);
}
