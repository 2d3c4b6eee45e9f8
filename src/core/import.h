/* import.h: a spreadsheet export, mapped to areas and budget lines.
 *
 * An import profile says which columns of a finance system's export are
 * what (config/import/NAME.yaml, loaded by config/import_yaml.c; the format
 * is budgetlab-import(5)).  This module applies it to the rows that
 * csv_read.c gives: it finds the columns in the header, checks every row,
 * and builds the lines with their amounts, summed exactly.  It touches no
 * database: the store writes what it built (store/import_store.c), and the
 * command line and the import screen show the summary and the rejects.
 *
 * Nothing is silent: a row that cannot be read, has the wrong number of
 * fields, an amount that does not parse, a year outside the process, an
 * empty code, or a direction the profile does not know is rejected with
 * its line number, a reason and its original bytes. */
#ifndef BL_CORE_IMPORT_H
#define BL_CORE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/csv_read.h"
#include "core/error.h"
#include "core/money.h"
#include "core/process.h"

/* A text made of columns and literal text: "{avdeling}.{tjomr}" or just a
 * column name ("tjeneste", the same as "{tjeneste}").  "{art|none}" is
 * the column art, or the text "none" where art is empty. */
typedef struct bl_tmpl_part {
	char *text;   /* literal text, or the column name */
	char *dflt;   /* a column's text where it is empty, or NULL */
	bool column;
	int col;      /* the column's index, once the header is known */
} bl_tmpl_part;
typedef struct bl_tmpl {
	char *source; /* as written in the profile */
	bl_tmpl_part *part;
	size_t n;
	int line, col; /* where the profile says so, for messages */
} bl_tmpl;
/* Parse "{a}.{b}" or "a".  "{" without "}" or an empty "{}" is an error
 * (a sentence in err, without a position: the caller adds it). */
int bl_tmpl_parse(const char *src, bl_tmpl *out, bl_err *err);
void bl_tmpl_free(bl_tmpl *t);
/* A field without its padding: blanks, tabs and no-break spaces around
 * it, as the importer reads every field. */
void bl_import_trim(const char *s, size_t n, const char **out, size_t *on);
/* Whether a header names a year (four digits, 1900-2190), as
 * "amounts: header_years" reads the header. */
bool bl_import_year_name(const char *s, int *year);

typedef enum bl_signs {
	/* The file writes income as negative amounts and expenses as
	 * positive (net expense): Norwegian and Danish exports. */
	BL_SIGNS_INCOME_NEGATIVE,
	/* Every amount is as the line's direction reads it. */
	BL_SIGNS_AS_IS,
} bl_signs;

typedef enum bl_same_line {
	BL_SAME_SUM,      /* rows with the same line code are summed */
	BL_SAME_SUBLINES, /* each row is a line of its own: CODE.SUB */
} bl_same_line;

/* Which year an amount column is. */
typedef enum bl_year_kind {
	BL_YEAR_FIXED,       /* year */
	BL_YEAR_BUDGET,      /* the process's budget year + offset */
	BL_YEAR_COLUMN,      /* the value of another column (long format) */
	BL_YEAR_HEADERS,     /* every column whose header is a year */
} bl_year_kind;

typedef struct bl_amount_map {
	/* NULL for BL_YEAR_HEADERS.  "{year}" in it stands for the year the
	 * column is mapped to: "Budget {year}" with year: budget_year is
	 * "Budget 2026" in a process for 2026, and the same profile reads
	 * next year's file. */
	char *column;
	bl_year_kind kind;
	int year;      /* BL_YEAR_FIXED: the year; BL_YEAR_BUDGET: the offset */
	char *year_column; /* BL_YEAR_COLUMN */
	int line, col; /* where the profile says so, for messages */
} bl_amount_map;

typedef struct bl_level_map {
	bl_tmpl code, name; /* name.n == 0: the code is the name */
} bl_level_map;

#define BL_IMPORT_MAX_LEVELS 8
#define BL_IMPORT_MAX_AMOUNTS 16
#define BL_IMPORT_MAX_WORDS 8

typedef struct bl_import_profile {
	char *path;        /* where it was loaded from */
	char *name;        /* the file's base name without .yaml */
	char *title;
	char *description; /* may be NULL */
	bl_encoding encoding;
	char delimiter;    /* 0: detect */
	bool decimal_point; /* else decimal comma */
	bl_level_map level[BL_IMPORT_MAX_LEVELS];
	size_t n_levels;
	bool new_areas;    /* create areas not in the process (default) */
	bl_tmpl code, title_t;
	bl_kind kind;
	/* The direction: from a column whose value is one of the words, or
	 * (direction_col.n == 0) from the sign of the line's first amount. */
	bl_tmpl direction_col;
	char *income_word[BL_IMPORT_MAX_WORDS], *expense_word[BL_IMPORT_MAX_WORDS];
	size_t n_income, n_expense;
	bl_signs signs;
	bl_amount_map amount[BL_IMPORT_MAX_AMOUNTS];
	size_t n_amounts;
	char *version;     /* e.g. "proposal" */
	bl_same_line same_line;
	bl_tmpl sub_code, sub_title; /* for BL_SAME_SUBLINES */
} bl_import_profile;
void bl_import_profile_free(bl_import_profile *p);
/* The header an amount column has for the year: m->column with "{year}"
 * replaced. */
void bl_amount_column_name(const bl_amount_map *m, int year, char *buf, size_t sz);
/* Before a profile is saved for next year: an amount column whose name
 * holds the year it is mapped to ("Budget 2028" as 2028, in a process
 * for 2028) becomes "Budget {year}" as budget_year (+N), which reads the
 * same file now and next year's next year.  -1 if out of memory. */
int bl_import_profile_by_year(bl_import_profile *p, int budget_year);

/* ---- applying a profile ---- */

/* One line built from the rows. */
typedef struct bl_import_line {
	char *code, *title;
	bl_direction dir;
	size_t area;         /* index into bl_import.areas */
	bl_money amount[BL_MAX_YEARS]; /* as the store keeps them (direction-relative) */
	bool has[BL_MAX_YEARS];
	long first_row;      /* line number of its first row */
} bl_import_line;

/* An area path as the file gives it: codes and names of each level. */
typedef struct bl_import_area {
	size_t parent;       /* index + 1 of the parent, 0 for top level */
	char *code, *name;
	int level;           /* 1 = top */
	bool missing;        /* set by the store when it is not in the process */
} bl_import_area;

typedef struct bl_import_reject {
	long line;           /* in the file */
	char *reason;
	const char *raw;     /* the row's bytes, in the file (valid while the file is open) */
	size_t raw_len;
} bl_import_reject;

typedef struct bl_import {
	const bl_import_profile *profile;
	bl_csv *csv;
	/* The process: years and number format. */
	int first_year, n_years;
	bl_lang lang;
	char **header;
	size_t n_header;
	const char *header_raw;
	size_t header_raw_len;
	int64_t rows;            /* data rows read (not the header) */
	bl_import_line *lines;
	size_t n_lines, cap_lines;
	bl_import_area *areas;
	size_t n_areas, cap_areas;
	bl_import_reject *rejects;
	size_t n_rejects, cap_rejects;
	/* Per row: the line it went to (index + 1; 0 if rejected), so that
	 * the rows of a line can be rejected later (an unknown area). */
	size_t *row_line;
	const char **row_raw;
	size_t *row_raw_len;
	long *row_no;
	size_t cap_rows;
	/* Sums of the file's amounts per year, as signed in the file, over
	 * the rows that were not rejected. */
	bl_money_sum sum[BL_MAX_YEARS];
	bool year_seen[BL_MAX_YEARS];
	struct bl_import_index *index; /* code -> line */
} bl_import;

/* Read the whole file with the profile into imp (zeroed by the call).
 * The profile's templates get the columns they name in this file's
 * header (bl_tmpl_part.col): a profile is applied to one file at a time.
 * Errors that concern the whole file (unreadable, a mapped column not in
 * the header, a year column outside the process) return -1 with a
 * message; rows with problems are collected in imp->rejects and the call
 * succeeds. */
int bl_import_read(bl_import *imp, bl_import_profile *p, bl_csv *csv,
		   const bl_process_def *def, bl_err *err);
/* The same for the first max_rows data rows only (a preview); max_rows
 * 0 reads all.  The csv is left after the rows read: rewind it before
 * reading it again. */
int bl_import_read_n(bl_import *imp, bl_import_profile *p, bl_csv *csv,
		     const bl_process_def *def, int64_t max_rows, bl_err *err);
/* Reject every row of the lines in the area (and its sub-areas) that is
 * marked missing, with the reason given; the lines are dropped.  Returns
 * the number of rows rejected. */
size_t bl_import_reject_missing_areas(bl_import *imp);
void bl_import_free(bl_import *imp);

/* The sum of the year (index i), true if it fits in 64 bits. */
bool bl_import_year_sum(const bl_import *imp, int i, bl_money *out);

/* Write the rejected rows, unchanged, after the file's header line (and
 * BOM, if it had one), to path: all or nothing (a temporary file renamed
 * into place). */
int bl_import_write_rejects(const bl_import *imp, const char *path, bl_err *err);

#endif
