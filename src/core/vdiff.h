/* vdiff.h: the difference between two versions of a budget.
 *
 * Issue 6's diff view: per line, per area and per year, the old amount,
 * the new amount, the change and what caused it (an amendment), and the
 * same as a CSV or Markdown export.  Pure computation over two arrays of
 * lines that the caller has read (from the store, or built by hand): no
 * SQLite, no I/O but the FILE * a writer is given.
 *
 * Lines are matched by code (unique in a version, as in the store).
 * Amounts are signed relative to the line's direction, balance = income -
 * expense (DEVELOPERS.md).  A year a line has on one side only counts as
 * 0 on the other and is marked absent there.  Every sum is exact and
 * checked: an amount that does not fit is an error naming the line or the
 * area and the year, never a wrapped number. */
#ifndef BL_CORE_VDIFF_H
#define BL_CORE_VDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "core/money.h"
#include "core/process.h"

/* One line of one version, as the caller has it (borrowed, not copied
 * until bl_vdiff_compute). */
typedef struct bl_vdiff_src {
	const char *code;  /* not NULL or empty; unique within the version */
	const char *title; /* NULL is "" */
	const char *area;  /* area path from the top, "BSU/SKOLE"; NULL or ""
			    * for a line directly under the budget */
	bl_direction dir;
	bl_money amount[BL_MAX_YEARS]; /* [0] is first_year */
	bool has[BL_MAX_YEARS];
} bl_vdiff_src;

/* What caused the change of a line in a year, e.g. "amendment 3"; NULL
 * when unknown.  Called only for the years in which the line changed;
 * the label is copied. */
typedef const char *(*bl_vdiff_cause_fn)(void *ctx, const char *code, int year);

/* A table of causes, for callers who have them as rows: use
 * bl_vdiff_cause_table as the callback with a bl_vdiff_causes * as ctx. */
typedef struct bl_vdiff_cause_row {
	const char *code;
	int year;
	const char *label;
} bl_vdiff_cause_row;
typedef struct bl_vdiff_causes {
	const bl_vdiff_cause_row *row;
	size_t n;
} bl_vdiff_causes;
const char *bl_vdiff_cause_table(void *ctx, const char *code, int year);

/* Status of a line (a bit mask). */
enum {
	BL_VDIFF_ADDED = 1u << 0,   /* only in the new version */
	BL_VDIFF_REMOVED = 1u << 1, /* only in the old version */
	BL_VDIFF_CHANGED = 1u << 2, /* in both; an amount or a year differs */
	BL_VDIFF_MOVED = 1u << 3,   /* in both; its area path differs */
	BL_VDIFF_RETITLED = 1u << 4, /* in both; its title differs */
	BL_VDIFF_REDIRECTED = 1u << 5, /* in both; income <-> expense */
};

typedef struct bl_vdiff_cell {
	bl_money before, after, change; /* change = after - before */
	bool has_before, has_after;     /* absent counts as 0 */
	char *cause;                    /* NULL when unknown or unchanged */
} bl_vdiff_cell;

/* A cell differs if its change is not 0 or the year is on one side only. */
bool bl_vdiff_cell_differs(const bl_vdiff_cell *c);

typedef struct bl_vdiff_line {
	char *code;
	char *title, *area;         /* the new version's, else the old's */
	char *old_title, *old_area; /* the old version's, or NULL if added */
	bl_direction dir, old_dir;  /* old_dir == dir if added */
	unsigned flags;             /* BL_VDIFF_*; 0 if unchanged */
	bl_vdiff_cell y[BL_MAX_YEARS];
} bl_vdiff_line;

/* Before, after and change of a sum. */
typedef struct bl_vdiff_sum {
	bl_money before, after, change;
} bl_vdiff_sum;

/* One year of an area or of the whole budget. */
typedef struct bl_vdiff_total {
	bl_vdiff_sum income, expense, balance; /* balance = income - expense */
} bl_vdiff_total;

typedef struct bl_vdiff_area {
	char *path; /* "BSU/SKOLE"; its lines and those of every area below */
	bl_vdiff_total y[BL_MAX_YEARS];
} bl_vdiff_area;

typedef struct bl_vdiff {
	int first_year, n_years;
	/* In area order (each area before the areas under it), then by
	 * code; a line directly under the budget (no area) first. */
	bl_vdiff_line *line;
	size_t n_lines;
	/* Every area path of either version and every ancestor of one, in
	 * the same order; a line without an area counts only in total. */
	bl_vdiff_area *area;
	size_t n_areas;
	bl_vdiff_total total[BL_MAX_YEARS];
} bl_vdiff;

enum {
	BL_VDIFF_KEEP_UNCHANGED = 1u << 0, /* keep lines with flags 0 too */
};

/* The diff from old_lines to new_lines, for years first_year ..
 * first_year + n_years - 1 (1 <= n_years <= BL_MAX_YEARS).  cause may be
 * NULL.  Refused, with *out holding nothing to free: a line without a
 * code, a code twice in one version, an area path with an empty part
 * ("BSU//SKOLE"), an amount or sum that does not fit (naming the line or
 * area and the year), out of memory. */
int bl_vdiff_compute(const bl_vdiff_src *old_lines, size_t n_old,
		     const bl_vdiff_src *new_lines, size_t n_new, int first_year,
		     int n_years, bl_vdiff_cause_fn cause, void *cause_ctx,
		     unsigned opts, bl_vdiff *out, bl_err *err);
/* Safe on a zeroed or failed diff. */
void bl_vdiff_free(bl_vdiff *d);
/* The area with this path, or NULL. */
const bl_vdiff_area *bl_vdiff_find_area(const bl_vdiff *d, const char *path);

/* What a CSV export holds. */
typedef enum bl_vdiff_csv_what {
	/* area,code,title,status,year,old,new,change,cause: one row per
	 * line and year in which it differs (every year present on either
	 * side for a line that differs only in its title, area or
	 * direction, or is kept unchanged); old/new empty when absent. */
	BL_VDIFF_CSV_LINES,
	/* area,year,income_old,income_new,income_change,expense_old, ...
	 * balance_change: the whole budget first (area empty), then every
	 * area, one row per year. */
	BL_VDIFF_CSV_AREAS,
} bl_vdiff_csv_what;

/* CSV as RFC 4180 (',' between fields, CRLF line ends, UTF-8 without a
 * BOM), a header row, amounts in kroner with a decimal point and no
 * groups ("1234567.50", "-250", as bl_export_amount).  -1 if writing
 * failed. */
int bl_vdiff_write_csv(FILE *f, const bl_vdiff *d, bl_vdiff_csv_what what, bl_err *err);

/* A Markdown report (level-2 headings; the caller writes any title):
 * per area (in order) with listed lines, a heading and a table
 * | Line | Title | Status | Year | Old | New | Change | Cause | with the
 * rows bl_vdiff_write_csv writes ("Lines without an area" for those
 * directly under the budget); then "Totals": per year income, expenses
 * and balance, old, new and change.  Amounts in the
 * language's notation and unit (BL_UNIT_KR without ",00" for whole
 * kroner); a positive change with '+'; an absent year as "–".  '|',
 * '\\' and control characters in cells are escaped.  -1 if writing
 * failed. */
int bl_vdiff_write_md(FILE *f, const bl_vdiff *d, bl_lang lang, bl_unit unit,
		      bl_err *err);

#endif
