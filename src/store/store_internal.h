/* store_internal.h: what the files of src/store share, and nothing else
 * includes.
 *
 * The store is split by concern: store.c (opening, transactions, errors,
 * the process, areas, lines, amounts, goals, phases, the journal),
 * schema.c (the schema as SQL: tables, migrations, triggers), bulk.c (the
 * bulk loader), facts.c (bl_facts_ops for the gates), view.c (what the
 * screens read: pages of lines, positions, the spotlight), goal_view.c
 * (the goals screen) and journal_view.c (the journal a page at a time). */
#ifndef BL_STORE_INTERNAL_H
#define BL_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* PRAGMA application_id of every budgetlab database: "BLAB". */
#define BL_APPLICATION_ID 0x424C4142

/* Every statement the store runs more than once, prepared on first use
 * and kept in bl_store.stmt until the store is closed.  Their SQL is in
 * store.c (stmt_sql), indexed by this enum, except that of the view
 * files and bulk.c (below), each of which keeps its own and prepares them
 * with bl_stmt_sql. */
enum bl_stmt_id {
	ST_INFO,
	ST_CONFIG,
	ST_VERSION_ID,
	ST_AREA_ADD,
	ST_AREA_GET,
	ST_AREA_CHILD,
	ST_AREA_BY_CODE,
	ST_AREA_PATH,
	ST_AREA_TREE,
	ST_LINE_ADD,
	ST_LINE_UPDATE,
	ST_LINE_DELETE,
	ST_LINE_FIND,
	ST_LINE_GET,
	ST_LINE_COUNT,
	ST_AMOUNT_SET,
	ST_AMOUNT_CLEAR,
	ST_AMOUNT_INSERT,
	ST_LINE_AMOUNTS,
	ST_AREA_LINES,
	ST_YEAR_TOTALS,
	ST_AREA_TOTALS,
	ST_AMOUNT_COUNT,
	ST_GOAL_ADD,
	ST_GOAL_UPDATE,
	ST_GOAL_DELETE,
	ST_GOAL_GET,
	ST_GOALS,
	ST_GOAL_LINK,
	ST_GOAL_UNLINK,
	ST_GOAL_LINES,
	ST_PHASE_CURRENT,
	ST_PHASE_COUNT,
	ST_PHASE_BY_ORD,
	ST_PHASE_BY_ID,
	ST_PHASE_SET,
	ST_PHASE_LOG_ADD,
	ST_PHASE_HISTORY,
	ST_PHASE_ENTERED,
	ST_CHECK_TICK,
	ST_CHECK_UNTICK,
	ST_CHECK_DONE,
	ST_JOURNAL_ALL,
	ST_JOURNAL_LINE,
	ST_JOURNAL_COUNT,
	ST_AREAS_WITHOUT_GOAL,
	ST_AREAS_WITHOUT_AGREED_GOAL,
	ST_AREAS_AT_LEVEL,
	/* view.c's, whose SQL is in view.c (view_sql) and which it prepares
	 * itself; here so that bl_store_close finalizes them with the rest.
	 * The order within each group is fixed: view.c computes the id from
	 * the sort, the direction and whether there is a filter. */
	ST_VIEW_COUNT,             /* one area; then _F: with a filter */
	ST_VIEW_COUNT_F,
	ST_VIEW_COUNTS,            /* every area */
	ST_VIEW_COUNTS_F,
	ST_VIEW_PAGE_CODE,         /* + 2 * sort + descending */
	ST_VIEW_PAGE_CODE_D,
	ST_VIEW_PAGE_TITLE,
	ST_VIEW_PAGE_TITLE_D,
	ST_VIEW_PAGE_AMOUNT,
	ST_VIEW_PAGE_AMOUNT_D,
	ST_VIEW_POS_CODE,          /* + 4 * sort + 2 * descending + filtered */
	ST_VIEW_POS_CODE_F,
	ST_VIEW_POS_CODE_D,
	ST_VIEW_POS_CODE_D_F,
	ST_VIEW_POS_TITLE,
	ST_VIEW_POS_TITLE_F,
	ST_VIEW_POS_TITLE_D,
	ST_VIEW_POS_TITLE_D_F,
	ST_VIEW_POS_AMOUNT,
	ST_VIEW_POS_AMOUNT_F,
	ST_VIEW_POS_AMOUNT_D,
	ST_VIEW_POS_AMOUNT_D_F,
	ST_DATA_VERSION,
	ST_LINE_ID_MAX,
	ST_SPOT_GET,
	ST_SPOT_SET,
	/* goal_view.c's (goal_sql). */
	ST_GOAL_COUNTS,
	ST_GOAL_LINE_ROWS,
	/* journal_view.c's (journal_sql). */
	ST_JOURNAL_PAGE,
	ST_JOURNAL_PAGE_LINE,
	ST_JOURNAL_COUNT_LINE,
	/* bulk.c's (bulk_sql): bl_bulk_line_put's lookup, its update of a
	 * reused line and its removal of that line's amounts. */
	ST_BULK_LINE_FIND,
	ST_BULK_LINE_SET,
	ST_BULK_AMOUNTS_CLEAR,
	ST_COUNT
};

struct bl_store {
	sqlite3 *db;
	char *path;
	bool readonly;
	char *actor;              /* what bl_actor() returns */
	bl_process_info info;     /* read once at open: never changes */
	sqlite3_stmt *stmt[ST_COUNT];
	/* A refusal raised inside SQLite by bl_refuse() (from a trigger): the
	 * complete message for the user, which replaces SQLite's own. */
	bool refused;
	char refusal[BL_ERR_MAX];
	bl_bulk *bulk;            /* the bulk load in progress, if any */
	int last_ext;             /* extended code of bl_step_done's failure */
	/* bl_store_begin opened a transaction that the caller has not ended.
	 * If SQLite undid it by itself (a full disk, an I/O error), later
	 * writes must not go on in autocommit as if it were open. */
	bool in_tx;
	bool fold_ready;          /* bl_fold() is registered */
	bool deriving;            /* bl_deriving(): amend_store.c writes the
				   * adopted version */
	const struct bl_lab_def *lab_def; /* bl_store_set_lab_def: not owned */
};

/* ---- store.c, used by bulk.c and facts.c ---- */

/* The cached statement, reset and with its bindings cleared; NULL with err
 * set if it cannot be prepared. */
sqlite3_stmt *bl_stmt(bl_store *s, enum bl_stmt_id id, bl_err *err);
/* The same for a statement whose SQL its own file keeps (the view files):
 * sql is read only when the statement is first prepared. */
sqlite3_stmt *bl_stmt_sql(bl_store *s, enum bl_stmt_id id, const char *sql, bl_err *err);
/* Turn the connection's last error into a message for the user: a
 * refusal from a trigger as it is, a known constraint by its meaning,
 * anything else with the file name and SQLite's words.  Returns -1. */
int bl_store_fail(bl_store *s, bl_err *err);
/* The area's path ("BSU/SKOLE") into *out (malloc'd), NULL for id 0:
 * the cached path query, bounded in depth. */
int bl_area_path_of(bl_store *s, int64_t id, char **out, bl_err *err);
/* Prepare a statement that is run a few times and finalized at once
 * (amend_store.c, hearing_store.c): *st is NULL on failure. */
int bl_prepare(bl_store *s, const char *sql, sqlite3_stmt **st, bl_err *err);
/* Bind a copy of text, or NULL for a NULL pointer. */
void bl_bind_text(sqlite3_stmt *st, int i, const char *t);
/* NULL, empty or only blanks: what the schema's CHECKs refuse. */
bool bl_blank(const char *t);
/* Run SQL without parameters (schema text, PRAGMAs, transaction control);
 * never with user data. */
int bl_exec(bl_store *s, const char *sql, bl_err *err);
/* The id of a version key; an error naming the valid keys otherwise. */
int bl_version_id(bl_store *s, const char *key, int64_t *id, bl_err *err);
/* The current lock mask and the current phase's title (malloc'd, NULL
 * while setting up). */
int bl_store_lock_state(bl_store *s, unsigned *mask, char **title,
			bl_err *err);
/* The message a lock gives, the same as the triggers' (bl_refuse), with
 * the next phase that lifts the lock (s may be NULL: without it). */
int bl_lock_refusal(bl_store *s, bl_err *err, unsigned bit_index, const char *phase_title);
/* Step a statement whose rows do not matter, and reset it.  On failure
 * err says why and s->last_ext keeps SQLite's extended code, for callers
 * that have a better message for it (a duplicate code, say). */
int bl_step_done(bl_store *s, sqlite3_stmt *st, bl_err *err);
/* Copy a column as a malloc'd string (NULL for SQL NULL); false only when
 * out of memory. */
bool bl_col_dup(sqlite3_stmt *st, int col, char **out);
/* Step a statement that returns one count (column 0) into *n (0 if it
 * returns no row), and reset it. */
int bl_step_count(bl_store *s, sqlite3_stmt *st, int64_t *n, bl_err *err);

/* Make room for `need` elements of `size` bytes in the array whose pointer
 * is at vp (pass &array; capacity *cap, doubled as needed).  False, with
 * the array untouched, when out of memory. */
bool bl_grow(void *vp, size_t *cap, size_t need, size_t size);
/* Fill one element of an array from the current row of st.  elem is
 * zeroed; false when out of memory, leaving in elem only what the
 * array's clear function frees. */
typedef bool (*bl_row_fill)(sqlite3_stmt *st, void *elem);
/* Step st to its end, one element of `size` bytes per row, filled by
 * fill, and reset it.  The elements are a malloc'd array put at vp (pass
 * &array, as to bl_grow; NULL when there are no rows), *n of them.  On
 * failure (out of memory included) -1 with err set: clear (NULL when the
 * elements own nothing) is called on every element filled or begun, the
 * array is freed, and the array pointer and *n are NULL and 0. */
int bl_rows_collect(bl_store *s, sqlite3_stmt *st, size_t size, bl_row_fill fill,
		    void (*clear)(void *elem), void *vp, size_t *n, bl_err *err);

/* A bl_row_fill for an array of int64_t from column 0. */
bool bl_row_int64(sqlite3_stmt *st, void *elem);

/* A line from columns 0..6 (id, code, title, area_id, kind, direction,
 * description); false when out of memory, with l cleared. */
bool bl_line_read(sqlite3_stmt *st, bl_line *l);
/* Hand the lines of st's rows to cb (as bl_line_cb), each with its
 * amounts: columns 0..6 a line (as bl_line_read), 7 a year and 8 its
 * amount (a NULL year: no amount), the rows of one line adjacent.  Resets
 * st.  Returns -1 on error, else what cb returned (non-zero stops). */
int bl_line_rows(bl_store *s, sqlite3_stmt *st, bl_line_cb cb, void *ctx, bl_err *err);
/* Line line_id's amounts in version vid, placed by year from the budget
 * year: amounts[i] and has[i] for i < n_years (absent: 0 and false). */
int bl_amounts_read(bl_store *s, int64_t line_id, int64_t vid, bl_money *amounts,
		    bool *has, int n_years, bl_err *err);
/* Hand the journal entries of st's rows (columns id, at, actor, entity,
 * key, action, before, after) to cb, and reset st; a NULL where the schema
 * says NOT NULL (a damaged file) is given as "".  Returns -1 on error,
 * else what cb returned (non-zero stops). */
int bl_journal_rows(bl_store *s, sqlite3_stmt *st, bl_journal_cb cb, void *ctx,
		    bl_err *err);
/* Write transactions that nest: a plain transaction (BEGIN IMMEDIATE)
 * when none is open, a savepoint inside the caller's bl_store_begin. */
int bl_write_begin(bl_store *s, bool *outer, bl_err *err);
int bl_write_end(bl_store *s, bool outer, int rc, bl_err *err);

/* Check a line's fields before writing it: a message that names the
 * line is better than the constraint's. */
int bl_line_valid(const bl_line *l, bl_err *err);
/* Insert a line (no checks beyond the schema's); a duplicate code gets
 * its own message. */
int bl_store_insert_line(bl_store *s, const bl_line *l, int64_t *id_out,
			 bl_err *err);
/* The area's fields into a (strings malloc'd): 1, or 0 if there is no
 * such area, -1 on error. */
int bl_area_get(bl_store *s, int64_t id, bl_area *a, bl_err *err);
/* 0 if the area exists, else -1 with "no area with id N". */
int bl_area_exists(bl_store *s, int64_t id, bl_err *err);
/* 0 if the goal exists, else -1 with "no goal with id N". */
int bl_goal_exists(bl_store *s, int64_t id, bl_err *err);
/* The child of parent (0: the top) whose code is the len bytes at code:
 * 1 found (*id set), 0 none, -1 error. */
int bl_area_child(bl_store *s, int64_t parent, const char *code, size_t len,
		  int64_t *id, bl_err *err);

/* ---- schema.c ---- */

/* One trigger of the current schema. */
typedef struct bl_trigger {
	const char *name;
	const char *table;
	const char *sql; /* CREATE TRIGGER ... */
} bl_trigger;
extern const bl_trigger bl_triggers[];
extern const size_t bl_n_triggers;

/* Migration steps: bl_migrations[i] takes a database from schema version
 * i to i + 1.  Tables, indexes and data only; the triggers are always the
 * current ones, installed by bl_schema_install_triggers. */
extern const char *const bl_migrations[];
extern const size_t bl_n_migrations;

/* Run steps from..BL_SCHEMA_VERSION-1, reinstall the triggers and set
 * user_version; inside the caller's transaction. */
int bl_schema_migrate(bl_store *s, int from, bl_err *err);
/* Drop every trigger in the database and create the current ones. */
int bl_schema_install_triggers(bl_store *s, bl_err *err);
/* Drop or recreate the triggers on the tables a bulk load writes (area,
 * line, amount), inside the bulk's transaction. */
int bl_schema_bulk_triggers(bl_store *s, bool create, bl_err *err);
/* Register bl_now(), bl_actor() and bl_refuse() on a read-write
 * connection, and those of bl_schema_register_fold. */
int bl_schema_register_functions(bl_store *s, bl_err *err);
/* Register bl_fold(text) (lower case for the Latin-1 letters: ASCII
 * A-Z and U+00C0-U+00DE but U+00D7, so Æ Ø Å Ä Ö É ...; other bytes,
 * invalid UTF-8 included, are kept) and bl_contains(needle, text, ...)
 * (one of the texts folded contains the needle folded, literally: no
 * wildcards), unless they are already (s->fold_ready).  store.c's open
 * registers the functions above on read-write connections only, so
 * view.c calls this before its statements: the read-only projected
 * screen filters and sorts too. */
int bl_schema_register_fold(bl_store *s, bl_err *err);

/* ---- bulk.c ---- */

/* Called by bl_store_close for a bulk load that was left open. */
void bl_bulk_discard(bl_bulk *b);

#endif
