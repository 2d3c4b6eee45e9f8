/* bench_db.h: what the two load benchmarks, bench_load and bench_import,
 * share about checking their databases (bench_db.c, linked with the
 * library).  Messages start with "bench_prog: " (bench_util.h). */
#ifndef BL_BENCH_DB_H
#define BL_BENCH_DB_H

#include <stdint.h>

#include "store/store.h"

/* The database at db, opened read-only through the store: its line count
 * in *lines and the year totals of version in income[] and expense[]
 * (BL_MAX_YEARS each).  -1, with the message "who: why", if they cannot
 * be read. */
int bench_db_totals(const char *db, const char *who, const char *version, int64_t *lines,
		    bl_money *income, bl_money *expense);

/* The first n columns of the one row of sql, as integers, in the database
 * at db opened read-only with plain SQLite (none of budgetlab's
 * functions).  -1, with the message "db: why", if there is no such row. */
int bench_sql_row(const char *db, const char *sql, int64_t *out, int n);

#endif
