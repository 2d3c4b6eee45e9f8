/* bench_db.c: checking the benchmarks' databases (see bench_db.h). */
#include "config.h"

#include "bench_db.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "bench_util.h"

int bench_db_totals(const char *db, const char *who, const char *version, int64_t *lines,
		    bl_money *income, bl_money *expense)
{
	bl_err err = { { 0 } };
	bl_store *s = NULL;
	int rc = 0;
	if (bl_store_open(db, true, &s, &err) || bl_store_line_count(s, lines, &err) ||
	    bl_store_year_totals(s, version, income, expense, &err)) {
		fprintf(stderr, "%s: %s: %s\n", bench_prog, who, err.msg);
		rc = -1;
	}
	bl_store_close(s);
	return rc;
}

int bench_sql_row(const char *db, const char *sql, int64_t *out, int n)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			out[i] = sqlite3_column_int64(st, i);
		rc = 0;
	} else {
		fprintf(stderr, "%s: %s: %s\n", bench_prog, db, h ? sqlite3_errmsg(h) : "out of memory");
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
}
