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
 * The statements are prepared per call rather than cached in
 * bl_store.stmt: the screen reads them only when the data changed, and
 * keeping them here leaves the shared statement table alone. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

static sqlite3_stmt *prepare(bl_store *s, const char *sql, bl_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int bl_store_goal_line_counts(bl_store *s, bl_goal_count **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = prepare(s, "SELECT goal_id, count(*) FROM goal_line"
				      " GROUP BY goal_id ORDER BY goal_id", err);
	if (!st)
		return -1;
	bl_goal_count *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, len + 1, sizeof *v)) {
			sqlite3_finalize(st);
			free(v);
			return bl_err_set(err, _("out of memory"));
		}
		v[len].goal_id = sqlite3_column_int64(st, 0);
		v[len].n = sqlite3_column_int64(st, 1);
		len++;
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		free(v);
		return -1;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = len;
	return 0;
}

/* One row per line and year (a line without amounts in the version: one
 * row with a NULL year), lines by code.  ?1 goal id, ?2 version id. */
static const char goal_lines_sql[] =
	"SELECT l.id, l.code, l.title, l.area_id, l.kind, l.direction,"
	" l.description, a.year, a.amount"
	" FROM goal_line g JOIN line l ON l.id = g.line_id"
	" LEFT JOIN amount a ON a.line_id = l.id AND a.version_id = ?2"
	" WHERE g.goal_id = ?1 ORDER BY l.code, a.year";

static bool read_line(sqlite3_stmt *st, bl_line *l)
{
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	l->area_id = sqlite3_column_int64(st, 3);
	const char *kind = (const char *)sqlite3_column_text(st, 4);
	const char *dir = (const char *)sqlite3_column_text(st, 5);
	l->kind = kind && strcmp(kind, "capital") == 0 ? BL_KIND_CAPITAL : BL_KIND_OPERATION;
	l->dir = dir && strcmp(dir, "income") == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
	if (!bl_col_dup(st, 1, &l->code) || !bl_col_dup(st, 2, &l->title) ||
	    !bl_col_dup(st, 6, &l->description)) {
		bl_line_clear(l);
		return false;
	}
	return true;
}

static int goal_check(bl_store *s, int64_t goal_id, bl_err *err)
{
	sqlite3_stmt *st = prepare(s, "SELECT 1 FROM goal WHERE id = ?1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	int rc = sqlite3_step(st);
	int ret = 0;
	if (rc == SQLITE_DONE)
		ret = bl_err_set(err, _("no goal with id %" PRId64), goal_id);
	else if (rc != SQLITE_ROW)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

int bl_store_goal_lines_each(bl_store *s, int64_t goal_id, const char *version,
			     bl_line_cb cb, void *ctx, bl_err *err)
{
	if (!cb)
		return bl_err_set(err, _("no callback for the goal's lines"));
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0 || goal_check(s, goal_id, err) != 0)
		return -1;
	sqlite3_stmt *st = prepare(s, goal_lines_sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	sqlite3_bind_int64(st, 2, vid);
	const int n_years = s->info.n_years, first = s->info.budget_year;
	bl_money amounts[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS];
	bl_line cur = { 0 };
	bool have = false;
	int ret = 0, rc;
	/* The rows of one line are consecutive (ORDER BY code, and codes are
	 * unique): a line is handed on when the next one starts. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (!have || id != cur.id) {
			if (have) {
				ret = cb(ctx, &cur, amounts, has, n_years);
				bl_line_clear(&cur);
				have = false;
				if (ret)
					break;
			}
			if (!read_line(st, &cur)) {
				ret = bl_err_set(err, _("out of memory"));
				break;
			}
			have = true;
			memset(amounts, 0, sizeof amounts);
			memset(has, 0, sizeof has);
		}
		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			int i = sqlite3_column_int(st, 7) - first;
			if (i >= 0 && i < n_years) {
				amounts[i] = sqlite3_column_int64(st, 8);
				has[i] = true;
			}
		}
	}
	if (!ret && rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	else if (!ret && have)
		ret = cb(ctx, &cur, amounts, has, n_years);
	bl_line_clear(&cur);
	sqlite3_finalize(st);
	return ret;
}
