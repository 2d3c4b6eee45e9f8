/* budget_model.h: the budget screen's tree of areas and lines, without
 * ncurses.
 *
 * The areas (a few thousand even in a large municipality) are held in
 * full, in tree order, with their subtree totals; the lines (a million in
 * the benchmark) never are.  The tree is a list of rows: an area's row,
 * its own lines when it is unfolded, then its children.  Lines are read a
 * page at a time, for the rows on screen only, through a small cache, so
 * paging costs the same at row 10 and at row 900,000. */
#ifndef BL_TUI_BUDGET_MODEL_H
#define BL_TUI_BUDGET_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/money.h"
#include "core/process.h"
#include "store/store.h"

typedef struct bm_area {
	int64_t id;
	size_t parent;          /* index in areas, or SIZE_MAX at the top */
	int level;
	char *code, *name;
	bool has_children;
	bool expanded;
	int64_t n_lines;        /* own lines matching the query; -1 unknown */
	int64_t subtree_lines;  /* with a filter: matches in the subtree */
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS]; /* subtree */
	bool overflow;          /* a subtree total does not fit in 64 bits */
} bm_area;

typedef struct bm_line {
	bl_line line;
	bl_money amounts[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS];
} bm_line;

#define BM_PAGE 64
#define BM_CACHE 8

typedef struct bm_page {
	size_t area;            /* index in areas; SIZE_MAX: empty slot */
	int64_t first;          /* position of lines[0] in the area */
	int n;
	unsigned long used;     /* for least-recently-used eviction */
	bm_line lines[BM_PAGE];
} bm_page;

typedef struct bm_id_idx {
	int64_t id;
	size_t idx;
} bm_id_idx;

typedef struct budget_model {
	bl_store *store;
	int first_year, n_years;
	char version[32];
	char filter[256];
	bl_sort sort;
	int sort_year;
	bool descending;
	bm_area *areas;
	size_t n_areas;
	bm_id_idx *by_id;       /* the areas in id order, for bm_area_index */
	/* The areas shown, in order, and the row each starts at. */
	size_t *vis;
	int64_t *vis_row;
	size_t n_vis;
	int64_t n_rows;
	int64_t n_matching;     /* lines matching the filter (all lines
				   without); -1 while not counted */
	bool small;             /* few enough lines to count them all */
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS]; /* whole budget */
	bool overflow;
	bm_page cache[BM_CACHE];
	unsigned long tick;
	long queries;           /* line pages read: for the benchmark */
} budget_model;

/* What stands at a row. */
typedef struct bm_row {
	size_t area;            /* the area (of the line) */
	const bm_line *line;    /* NULL for the area's own row */
	int64_t pos;            /* the line's position in its area */
} bm_row;

/* Read the areas and totals.  Large budgets (more than
 * BM_UNFOLD_LINES lines) open folded to the top areas; smaller ones
 * unfolded. */
#define BM_UNFOLD_LINES 5000
int bm_open(budget_model *m, bl_store *s, const bl_process_info *info,
	    const char *version, bl_err *err);
void bm_close(budget_model *m);
/* Read again after a change, keeping what was unfolded. */
int bm_reload(budget_model *m, bl_err *err);
/* Set the query and rebuild the rows.  With a filter every area that has
 * a matching line in its subtree is unfolded, and the others hidden. */
int bm_set_filter(budget_model *m, const char *filter, bl_err *err);
int bm_set_sort(budget_model *m, bl_sort sort, int year, bool descending,
		bl_err *err);
int bm_set_version(budget_model *m, const char *version, bl_err *err);
/* Fold or unfold one area (index in areas), or all. */
int bm_expand(budget_model *m, size_t area, bool on, bl_err *err);
int bm_expand_all(budget_model *m, bool on, bl_err *err);
/* What stands at row r (0 <= r < n_rows); -1 with err on a read error. */
int bm_row_at(budget_model *m, int64_t r, bm_row *out, bl_err *err);
/* The row of an area's own row, or of line line_id (unfolding its
 * areas); -1 if it is not shown (the filter hides it). */
int64_t bm_area_row(const budget_model *m, size_t area);
int bm_line_row(budget_model *m, int64_t line_id, int64_t *row, bl_err *err);
/* Index of an area by id, or SIZE_MAX. */
size_t bm_area_index(const budget_model *m, int64_t id);
/* "BSU/SKOLE": the codes from the top down. */
void bm_area_path(const budget_model *m, size_t area, char *buf, size_t bufsz);
/* Net expenses (expense - income) of an area's subtree in year i; false
 * if it overflows. */
bool bm_area_net(const budget_model *m, size_t area, int i, bl_money *out);

#endif
