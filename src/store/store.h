/* store.h: all SQLite access.  One database file per budget process.
 *
 * Conventions:
 *  - Functions return 0 on success and -1 with err set on failure.
 *  - Every write is one transaction (all or nothing).  Callers that want
 *    several writes to be atomic wrap them in bl_store_begin/commit.
 *  - Every change to the budget, goals or phase state is written to the
 *    journal by triggers in the database itself, so no path can forget.
 *  - Locks of the current phase are enforced by triggers too; a refused
 *    change gives a message that names the lock and the phase.
 *  - Amounts are signed minor units relative to the line's direction: on an
 *    income line a positive amount is income, on an expense line a positive
 *    amount is an expense.  Balance = income - expense.
 *  - Versions are named by key: "proposal", "first_reading", "adopted". */
#ifndef BL_STORE_STORE_H
#define BL_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/gates.h"
#include "core/money.h"
#include "core/process.h"

typedef struct bl_store bl_store;

/* The schema version this build writes (PRAGMA user_version). */
#define BL_SCHEMA_VERSION 8

/* Create a new database at path (mode 0600; refuses an existing file),
 * holding the process described by def.  config_text is the YAML the
 * definition was loaded from; it is kept in the database so that the file
 * is self-contained.  The process starts *before* its first phase
 * (phase index -1, "setting up", no locks), so the basis budget can be
 * loaded; advancing enters the first phase. */
int bl_store_create(const char *path, const bl_process_def *def,
		    const char *config_text, bl_store **out, bl_err *err);

/* Open an existing database.  Read-only opens with SQLITE_OPEN_READONLY and
 * never migrates.  Refuses, with a clear message and without changing the
 * file: a missing file, a file that is not SQLite, a SQLite file that is
 * not a budgetlab database, a newer schema version, a corrupt file.
 * Older schema versions are migrated forward on a read-write open (a
 * read-only open of one is refused: "needs migrating").
 * "Corrupt" is what the header shows (a file cut short) and a schema that
 * cannot be read; PRAGMA quick_check is not run, as it reads every page
 * (0.55 s on a 1,000,000-line budget).  Damage elsewhere is reported when
 * the damaged page is read, as "'FILE' is damaged (...)".
 * A read-only open of a file in WAL mode leaves an empty FILE-wal and a
 * FILE-shm beside it (SQLite needs them and cannot remove them without
 * write access); the next read-write close removes them. */
int bl_store_open(const char *path, bool readonly, bl_store **out,
		  bl_err *err);
void bl_store_close(bl_store *s);
/* After a call on s failed: true if the file could not be used (it is
 * damaged, unreadable or read-only, another program holds it, the disk
 * is full, memory ran out), false if the change or lookup was refused
 * (bad input, a lock, not found).  The command line exits 3 for the
 * first, 1 for the second. */
bool bl_store_failed_on_file(const bl_store *s);

/* Who is making changes, recorded in the journal.  Default (also after
 * actor NULL or ""): the BUDGETLAB_ACTOR environment variable, else the OS
 * user name, else "unknown". */
void bl_store_set_actor(bl_store *s, const char *actor);

/* One transaction around several writes (BEGIN IMMEDIATE).  A write that
 * fails inside it is undone alone and leaves the transaction open, so the
 * caller decides: bl_store_rollback undoes everything, bl_store_commit
 * keeps what succeeded.  A failed commit rolls back.  Not nestable. */
int bl_store_begin(bl_store *s, bl_err *err);
int bl_store_commit(bl_store *s, bl_err *err);
void bl_store_rollback(bl_store *s);

/* ---- the process ---- */
typedef struct bl_process_info {
	char *municipality;
	char *title;
	char *currency;
	bl_lang lang;
	int budget_year;
	int n_years; /* budget year + outline years */
} bl_process_info;
int bl_store_info(bl_store *s, bl_process_info *out, bl_err *err);
void bl_process_info_free(bl_process_info *info);
/* The YAML text the process was created from (malloc'd). */
int bl_store_config_text(bl_store *s, char **out, bl_err *err);

/* ---- areas: a hierarchy (committee -> service area -> service ...) ---- */
typedef struct bl_area {
	int64_t id;
	int64_t parent_id; /* 0 for a top-level area */
	char *code;        /* unique among its siblings */
	char *name;
	int level;         /* 1 = top */
} bl_area;
/* parent_id 0 for top level.  A code may not be empty nor contain '/',
 * which separates the codes of a path. */
int bl_store_area_add(bl_store *s, int64_t parent_id, const char *code,
		      const char *name, int64_t *id_out, bl_err *err);
/* ref is either a code unique in the whole hierarchy, or a path of codes
 * "top/middle/leaf".  Ambiguous or unknown refs are errors that say so. */
int bl_store_area_find(bl_store *s, const char *ref, int64_t *id_out,
		       bl_err *err);
/* All areas in tree order (pre-order, siblings by code). */
int bl_store_areas(bl_store *s, bl_area **out, size_t *n, bl_err *err);
void bl_areas_free(bl_area *areas, size_t n);

/* ---- lines ---- */
/* bl_kind and bl_direction are in core/process.h. */
const char *bl_kind_name(bl_kind k);           /* "operation", "capital" */
const char *bl_direction_name(bl_direction d); /* "expense", "income" */

typedef struct bl_line {
	int64_t id;
	char *code; /* unique in the process */
	char *title;
	int64_t area_id;
	bl_kind kind;
	bl_direction dir;
	char *description; /* may be NULL */
} bl_line;
void bl_line_clear(bl_line *l);

int bl_store_line_add(bl_store *s, const bl_line *l, int64_t *id_out,
		      bl_err *err);
/* Updates code, title, area, kind, direction, description of line l->id.
 * An update that changes nothing writes nothing and is not journalled.
 * Changing the direction changes what every amount of the line means, so
 * it is refused while amounts are locked, like an amount change. */
int bl_store_line_update(bl_store *s, const bl_line *l, bl_err *err);
/* Deletes the line and its amounts and goal links, each journalled; so
 * it is refused while amounts are locked (if it has amounts) or goals are
 * (if it serves a goal), as well as while lines are. */
int bl_store_line_delete(bl_store *s, int64_t line_id, bl_err *err);
/* Fills out (strings malloc'd; bl_line_clear frees them). "no budget line
 * with code X" when there is none. */
int bl_store_line_find(bl_store *s, const char *code, bl_line *out,
		       bl_err *err);

/* Set one amount (insert or replace).  year must be inside the process.
 * Setting the amount it already has changes nothing (and is not
 * journalled).  INT64_MIN is refused, so that every amount can be negated
 * by the totals.  A change after which a total (an area's own, an area's
 * with its sub-areas, or the whole budget's, for its year and version)
 * would overflow, in its income, its expenses or its balance, is refused
 * with a message naming the total.  So are such changes by
 * bl_store_amount_clear, bl_store_line_update (a move, a change of
 * direction) and bl_store_line_delete. */
int bl_store_amount_set(bl_store *s, int64_t line_id, const char *version,
			int year, bl_money amount, bl_err *err);
/* Remove one amount (no-op if absent). */
int bl_store_amount_clear(bl_store *s, int64_t line_id, const char *version,
			  int year, bl_err *err);
/* amounts[i] for year first_year+i, i < n_years; has[i] false if absent. */
int bl_store_line_amounts(bl_store *s, int64_t line_id, const char *version,
			  bl_money *amounts, bool *has, int n_years,
			  bl_err *err);

/* Calls cb for each line (in area tree order, then by code) under area
 * area_id (0: all), with its amounts in the version (absent = 0, has[i]
 * false).  cb returns 0 to go on, non-zero to stop (returned as is).
 * Lines are read one at a time (memory does not grow with the budget).
 * cb may call other store functions, but not bl_store_lines_each. */
typedef int (*bl_line_cb)(void *ctx, const bl_line *l, const bl_money *amounts,
			  const bool *has, int n_years);
int bl_store_lines_each(bl_store *s, const char *version, int64_t area_id,
			bl_line_cb cb, void *ctx, bl_err *err);
/* What a listing of the lines under area_id (0: all) in the version must
 * know before its first line, to size its columns: counted and measured
 * in the database (two statements, each reading the lines once). */
typedef struct bl_lines_stats {
	int64_t n_lines;
	int code_chars;              /* the longest code, in characters */
	int title_chars;             /* the longest title, in characters */
	bool has[BL_MAX_YEARS];      /* some line has an amount in the year */
	bool ore[BL_MAX_YEARS];      /* some amount is not whole kroner */
	bl_money min[BL_MAX_YEARS];  /* the smallest and largest amount */
	bl_money max[BL_MAX_YEARS];
} bl_lines_stats;
int bl_store_lines_stats(bl_store *s, const char *version, int64_t area_id,
			 bl_lines_stats *out, bl_err *err);
/* The same by id (e.g. for a goal's linked lines). */
int bl_store_line_get(bl_store *s, int64_t id, bl_line *out, bl_err *err);
int bl_store_line_count(bl_store *s, int64_t *n, bl_err *err);

/* ---- totals (kept by triggers, so status is instant on a large budget) ---- */
/* Per year of the process: income and expense summed over all lines in the
 * version.  Arrays of n_years (see bl_store_info). */
int bl_store_year_totals(bl_store *s, const char *version, bl_money *income,
			 bl_money *expense, bl_err *err);
/* Per area (own lines only, not the subtree) and year. */
typedef struct bl_area_total {
	int64_t area_id;
	int year;
	bl_money income, expense;
} bl_area_total;
int bl_store_area_totals(bl_store *s, const char *version,
			 bl_area_total **out, size_t *n, bl_err *err);
/* Check that every total of the version (NULL: all versions) fits, as
 * bl_store_amount_set does after a change: income, expenses and balance
 * of each area's own lines, of each area with its sub-areas, and of the
 * whole budget.  -1 with a message naming the first that does not.  For
 * the bulk loader, before its commit, and for a file written by an older
 * budgetlab. */
int bl_store_totals_check(bl_store *s, const char *version, bl_err *err);

/* ---- goals ---- */
/* Goals before economy: a goal is drafted, discussed, then agreed. */
typedef enum bl_goal_status { BL_GOAL_DRAFT, BL_GOAL_DISCUSSED, BL_GOAL_AGREED } bl_goal_status;
typedef struct bl_goal {
	int64_t id;
	int64_t area_id; /* 0: the whole municipality */
	char *title;
	char *description; /* may be NULL */
	bl_goal_status status; /* read by bl_store_goals; written only by
				* bl_store_goal_status_set (goal_store.h) */
} bl_goal;
void bl_goal_clear(bl_goal *g);
int bl_store_goal_add(bl_store *s, const bl_goal *g, int64_t *id_out,
		      bl_err *err);
int bl_store_goal_update(bl_store *s, const bl_goal *g, bl_err *err);
int bl_store_goal_delete(bl_store *s, int64_t goal_id, bl_err *err);
int bl_store_goals(bl_store *s, bl_goal **out, size_t *n, bl_err *err);
void bl_goals_free(bl_goal *goals, size_t n);
/* A line serves a goal.  Linking a linked line, and unlinking one that is
 * not linked, change nothing and are not errors. */
int bl_store_goal_link(bl_store *s, int64_t goal_id, int64_t line_id,
		       bl_err *err);
int bl_store_goal_unlink(bl_store *s, int64_t goal_id, int64_t line_id,
			 bl_err *err);
/* Line ids linked to a goal (malloc'd array). */
int bl_store_goal_lines(bl_store *s, int64_t goal_id, int64_t **ids,
			size_t *n, bl_err *err);
/* For the goals screen (goal_view.c); they work on read-only opens.
 * How many lines serve each goal, in one query: goals with none left
 * out, ordered by goal id; *out is malloc'd (NULL when *n is 0), free()
 * it. */
typedef struct bl_goal_count {
	int64_t goal_id;
	int64_t n;
} bl_goal_count;
int bl_store_goal_line_counts(bl_store *s, bl_goal_count **out, size_t *n,
			      bl_err *err);
/* The lines that serve goal_id, by code, each with its amounts in the
 * version (cb as in bl_line_cb: amounts[i] for year first_year+i,
 * absent = 0 with has[i] false).  Refused: an unknown goal ("no goal
 * with id N"), an unknown version (the message names the valid keys).
 * The lines and their amounts are read by one statement, so they agree
 * with each other while another terminal writes.  Returns what cb
 * returns if non-zero (and stops there).  cb may call other store
 * functions. */
int bl_store_goal_lines_each(bl_store *s, int64_t goal_id, const char *version,
			     bl_line_cb cb, void *ctx, bl_err *err);

/* ---- phases ---- */
/* Index (0-based, in the process's order) and id of the current phase;
 * index -1 and *id NULL while the process is being set up. */
int bl_store_phase_current(bl_store *s, int *index, char **id, bl_err *err);
/* Locks of the current phase (BL_LOCK_* mask; 0 while setting up). */
int bl_store_locks(bl_store *s, unsigned *mask, bl_err *err);
/* Move to phase `to_index` (normally current+1).  override_reason is NULL
 * when every gate passed; otherwise it and failed_gates (a human-readable
 * list) are journalled.  Refused when the process is already in its last
 * phase or to_index is not the next phase, or the reason is blank. */
int bl_store_phase_advance(bl_store *s, int to_index,
			   const char *override_reason,
			   const char *failed_gates, bl_err *err);
/* History of phase entries, oldest first. */
typedef struct bl_phase_entry {
	char *phase_id;
	char *entered_at; /* ISO date-time */
	char *override_reason; /* NULL if none */
} bl_phase_entry;
int bl_store_phase_history(bl_store *s, bl_phase_entry **out, size_t *n,
			   bl_err *err);
void bl_phase_history_free(bl_phase_entry *e, size_t n);
/* Tick (done=true) or untick a checklist item of a phase (0-based).
 * Ticking a ticked item (or unticking an open one) changes nothing. */
int bl_store_checklist_set(bl_store *s, const char *phase_id, int item,
			   bool done, bl_err *err);

/* ---- journal (append-only) ---- */
typedef struct bl_journal_entry {
	int64_t id;
	const char *at;     /* ISO date-time, UTC */
	const char *actor;
	const char *entity; /* process, area, line, amount, goal, goal_line,
			       phase, checklist, import */
	const char *key;    /* e.g. the line code; may be NULL */
	const char *action; /* insert, update, delete, advance, bulk */
	const char *before; /* JSON object or NULL */
	const char *after;  /* JSON object or NULL */
} bl_journal_entry;
/* Newest first.  line_code filters to entries about that line (its own
 * changes and its amounts); NULL for all.  limit <= 0: no limit.  The
 * strings are valid only during the callback. */
typedef int (*bl_journal_cb)(void *ctx, const bl_journal_entry *e);
int bl_store_journal_each(bl_store *s, const char *line_code, int limit,
			  bl_journal_cb cb, void *ctx, bl_err *err);
int bl_store_journal_count(bl_store *s, int64_t *n, bl_err *err);
/* A page of what bl_store_journal_each gives (newest first, line_code
 * NULL or "" for all): entries [offset, offset+limit).  Past the end, or
 * limit 0, calls cb for none.  A negative offset or limit, or a line code
 * that is not valid UTF-8, is refused.  journal_view.c. */
int bl_store_journal_page(bl_store *s, const char *line_code, int64_t offset,
			  int64_t limit, bl_journal_cb cb, void *ctx, bl_err *err);
/* How many entries bl_store_journal_page pages through. */
int bl_store_journal_count_for(bl_store *s, const char *line_code, int64_t *n,
			       bl_err *err);

/* ---- bulk load (the demo, the benchmark, the importer) ----
 * One transaction.  Per-row journal entries are replaced by one entry that
 * says what was loaded (source, counts); totals are rebuilt once at the end.
 * Locks are checked once at the start: a bulk load of amounts during a
 * phase that locks amounts is refused.
 * Also refused: a phase that locks lines; creating an area (not finding
 * one) in a phase that locks areas; a bulk load inside bl_store_begin.
 * While a load is open, the store's other write functions are refused.
 * A refused area or line leaves nothing (a line with a bad amount is
 * taken out again with its amounts; a reused line is left as it was, but
 * for its amounts of a version being replaced), and the load may go on
 * without it; the caller may also abort.  A total that would overflow
 * makes the commit fail, and then nothing of the load is kept.
 * bl_store_close rolls back a load left open.  The journal entry is
 * entity "import", action "bulk", key the source, after {"source",
 * "version", "areas", "lines", "amounts", "replaced", "created",
 * "updated", "removed"} and the note's members (bl_bulk_set_note): areas,
 * lines created, updated (reused) and removed, amounts set, as in
 * bl_bulk_counts; "lines" is created + updated; "replaced" is there only
 * when bl_bulk_replace was called. */
typedef struct bl_bulk bl_bulk;
int bl_store_bulk_begin(bl_store *s, const char *version, const char *source,
			bl_bulk **out, bl_err *err);
/* Find or create an area under parent_id (0 = top) by code. */
int bl_bulk_area(bl_bulk *b, int64_t parent_id, const char *code,
		 const char *name, int64_t *id_out, bl_err *err);
/* Replace the version: removes every amount of the version (they are
 * counted, and remembered: lines that had one and end the load with no
 * amount in any version and no goal link are deleted at commit, as lines
 * the previous import brought; a line that this load gives again through
 * bl_bulk_line_put, even refused, is this import's and is kept even
 * without amounts).  So importing the same file twice leaves the budget
 * as once.  Call at most once, before the first line (bl_bulk_line or
 * bl_bulk_line_put, refused ones included); areas may come before it. */
int bl_bulk_replace(bl_bulk *b, bl_err *err);
/* Add a line with amounts[i] for year first_year+i, where has[i] (has may
 * be NULL: all present).  n_years must match the process.  A code that
 * exists is refused. */
int bl_bulk_line(bl_bulk *b, const bl_line *l, const bl_money *amounts,
		 const bool *has, int n_years, int64_t *id_out, bl_err *err);
/* Like bl_bulk_line, but a line whose code exists already is reused: its
 * title, area, kind, direction and description are set to l's
 * (l->description NULL keeps the old one), and its amounts of the version
 * are set (years where has[i] is false are left absent; its amounts in
 * other versions are kept).  *created (if not NULL) says whether it was
 * new.  Refused like bl_bulk_line, and before anything of the line
 * changes (e.g. a direction change while amounts are locked is
 * impossible here anyway, since the bulk load refuses amount locks).  The
 * code is looked up in the unique index on line codes, once per call.  A
 * code given twice in one load reuses what the first call left (and
 * counts twice in lines_updated). */
int bl_bulk_line_put(bl_bulk *b, const bl_line *l, const bl_money *amounts,
		     const bool *has, int n_years, int64_t *id_out, bool *created,
		     bl_err *err);
/* What the load has done so far: areas created; lines created, reused
 * (lines_updated, whether or not anything of them changed; of them
 * lines_unchanged, those whose fields and amounts were as the load gave
 * them, so that nothing was written) and removed
 * (by the commit: 0 before it); amounts set by the load (when it
 * replaces, an amount that a later put of the same line replaced again
 * counts once; when it does not, twice); amounts_replaced, the version's
 * amounts that bl_bulk_replace removes (as its totals count them). */
typedef struct bl_bulk_counts {
	int64_t areas, lines_created, lines_updated, lines_removed, amounts,
		amounts_replaced, lines_unchanged;
} bl_bulk_counts;
void bl_bulk_counts_get(const bl_bulk *b, bl_bulk_counts *out);
/* How many lines the commit would remove, as it stands (0 without
 * bl_bulk_replace): for a dry run, which never commits. */
int bl_bulk_removals(bl_bulk *b, int64_t *n, bl_err *err);
/* The source name is the journal key; extra, if not NULL, is a flat JSON
 * object text (e.g. {"profile":"bergen","rows":1761,"rejected":0}) whose
 * members are added to the journal entry's after object.  Call before
 * commit; a second call replaces the first note, NULL removes it.
 * Refused (the note is left as it was, the load goes on): what the
 * journal's reader refuses (core/journal_fmt.h: only strings, whole
 * numbers and null, nothing nested, no key twice), a null member (a JSON
 * merge drops it), a member named like one of the entry's own keys, and
 * more members than the reader takes beside those. */
int bl_bulk_set_note(bl_bulk *b, const char *extra_json, bl_err *err);
/* Commit and free b.  At the commit the lines that bl_bulk_replace
 * remembered and the load did not give lose their amounts of the
 * version, and those left without any are removed (see there); the
 * loaded version's totals are rebuilt, or every version's when a reused
 * line moved to another area or changed direction (that moves its
 * amounts in the other versions too), and checked
 * (bl_store_totals_check).  bl_bulk_commit_counts fills out (if not NULL)
 * with the counts of the load kept, lines_removed included; on failure,
 * with zeros: nothing of the load was kept. */
int bl_bulk_commit_counts(bl_bulk *b, bl_bulk_counts *out, bl_err *err);
/* Everything the commit checks (the totals, the development pools'
 * rules), without committing: for a dry run.  Afterwards the load can only
 * be aborted (bl_bulk_abort). */
int bl_bulk_check(bl_bulk *b, bl_err *err);
int bl_bulk_commit(bl_bulk *b, bl_err *err); /* frees b */
void bl_bulk_abort(bl_bulk *b);              /* rolls back, frees b */

/* ---- facts for gates ---- */
extern const bl_facts_ops bl_store_facts_ops; /* ctx = the bl_store * */
/* The process definition's `labs:` section (its categories and target
 * shares), which the database does not hold, for the gates on the
 * process's own goals (participants_represent).  Not copied: it must
 * outlive the store's use of it.  NULL forgets it. */
struct bl_lab_def;
void bl_store_set_lab_def(bl_store *s, const struct bl_lab_def *lab);

/* ---- views for the screens: only what is visible is read ----
 * A screen shows one area's lines a page at a time, so it asks for the
 * counts (for its headings and scroll bar), the rows on the screen, and
 * where a line it jumps to stands; never for the whole budget.  A call
 * reads its rows in one snapshot (a page's amounts with its lines), so
 * what it returns is consistent even while another terminal writes.
 * They work on read-only opens (the projected screen).
 * Refused, with a message: no query, an unknown version (the message
 * names the valid keys), an unknown sort, a BL_SORT_AMOUNT year outside
 * the process, a filter that is not valid UTF-8 (rather than matching
 * nothing, so that a terminal in the wrong character set is noticed),
 * an unknown area, a negative offset or limit. */
typedef enum bl_sort { BL_SORT_CODE, BL_SORT_TITLE, BL_SORT_AMOUNT } bl_sort;
typedef struct bl_line_query {
	const char *version;  /* version key, e.g. "proposal" */
	/* NULL or "": all lines.  Else lines whose code or title contains
	 * it, case-insensitively (ASCII and Latin-1 letters incl. Æ/æ Ø/ø
	 * Å/å, Ä/ä Ö/ö, É/é ...); the filter is literal text: % _ \ * ? [
	 * are not wildcards (people type codes such as "3.22" and titles
	 * with "%", and a search box is not a pattern language). */
	const char *filter;
	bl_sort sort;
	/* For BL_SORT_AMOUNT: the year whose amount (in version; absent = 0)
	 * orders the lines, as net expense: an expense line's amount, an
	 * income line's with a minus (how the budget screen shows them). */
	int sort_year;
	bool descending;
} bl_line_query;
/* Ties, and the secondary order, are always by code ascending, so the
 * order is total and stable: a line keeps its place between two calls
 * unless the data changed.  BL_SORT_TITLE compares titles folded as the
 * filter folds them (so "skole" and "Skole" sort together), then by the
 * bytes of their UTF-8: å sorts before æ and ø, not after as in the
 * Danish and Norwegian alphabets.  descending reverses the primary key
 * only (ties stay by code ascending). */

typedef struct bl_area_count {
	int64_t area_id;
	int64_t n;
} bl_area_count;
/* Lines matching q per area (own lines, not the subtree), areas with none
 * left out, ordered by area_id.  One query; *out is malloc'd (NULL when
 * *n is 0), free() it.  Without a filter it reads only the index
 * line_area; with one, every line's code and title. */
int bl_store_area_line_counts(bl_store *s, const bl_line_query *q,
			      bl_area_count **out, size_t *n, bl_err *err);
/* The same for one area (an index range count: fast even on a
 * 1,000,000-line budget). */
int bl_store_area_line_count(bl_store *s, const bl_line_query *q,
			     int64_t area_id, int64_t *n, bl_err *err);
/* Lines of one area matching q, in q's order, rows [offset,
 * offset+limit), each with its amounts in q->version (cb as in
 * bl_line_cb: amounts[i] for year first_year+i; absent = 0 with has[i]
 * false).  An offset past the end, or limit 0, calls cb for no line.
 * Returns what cb returns if non-zero (and stops there).  cb may call
 * other store functions, but not bl_store_area_lines_page. */
int bl_store_area_lines_page(bl_store *s, const bl_line_query *q,
			     int64_t area_id, int64_t offset, int64_t limit,
			     bl_line_cb cb, void *ctx, bl_err *err);
/* Where line line_id stands among its area's lines in q's order: *area_id
 * and *pos (0-based), so that the page at offset *pos (limit 1) returns
 * it.  Returns 1 found, 0 if the line exists but does not match q's
 * filter (*area_id set, *pos -1: the screen can say it is hidden by the
 * filter), -1 error ("no budget line with id N" if none). */
int bl_store_line_position(bl_store *s, const bl_line_query *q,
			   int64_t line_id, int64_t *area_id, int64_t *pos,
			   bl_err *err);
/* PRAGMA data_version: changes when another connection has committed (a
 * screen polls it to follow another terminal's changes, and rereads only
 * then).  It does not change for this store's own reads or writes. */
int bl_store_data_version(bl_store *s, int64_t *v, bl_err *err);
/* Rows this store has written since it was opened (sqlite3_total_changes):
 * the screens compare it before and after a key, so that a write on one
 * screen makes every other screen read again. */
int64_t bl_store_change_count(bl_store *s);
/* The largest line id (0 without lines): never less than the number of
 * lines, in one lookup, where a count reads a whole index (50 ms on
 * 1,000,000 lines).  For deciding how much to read before the first
 * screen, not for showing. */
int bl_store_line_id_max(bl_store *s, int64_t *n, bl_err *err);

/* ---- the spotlight: what the facilitator has put on the projector ----
 * A projected screen in another terminal polls bl_store_data_version and
 * shows what the spotlight points at.  Never personal data: a line, an
 * area, a goal, a short message typed by the facilitator, a lab's
 * results or its representation (counts per group), an amendment (its
 * number, title and effect: never who tabled it). */
typedef enum bl_spot_kind {
	BL_SPOT_NONE,
	BL_SPOT_LINE,
	BL_SPOT_AREA,
	BL_SPOT_GOAL,
	BL_SPOT_MESSAGE,
	BL_SPOT_RESULTS,        /* ref "LAB" or "LAB:RULE" (a second rule beside the lab's) */
	BL_SPOT_REPRESENTATION, /* ref "LAB" */
	BL_SPOT_AMENDMENT,      /* ref: the amendment's number, "3" */
	BL_SPOT_POOL            /* ref: a development pool's key (schema 8) */
} bl_spot_kind;
/* The most a message may hold, in bytes: one line of the projector. */
#define BL_SPOT_TEXT_MAX 200
typedef struct bl_spotlight {
	bl_spot_kind kind;
	/* Line code, area code path ("BSU/SKOLE"), goal id as text; NULL for
	 * none/message.  Set accepts for an area what bl_store_area_find
	 * does and stores the full path; for a goal, decimal digits, stored
	 * without leading zeros.  It is checked when set only: a line
	 * renamed or deleted later leaves a ref that no longer resolves. */
	char *ref;
	/* The message (kind MESSAGE), else NULL; at most BL_SPOT_TEXT_MAX
	 * bytes, not blank, valid UTF-8, no control characters (C0, DEL,
	 * C1: a stray escape sequence must not reach the projector). */
	char *text;
	/* ISO date-time it was set (bl_now()), NULL if never; set ignores
	 * it. */
	char *at;
} bl_spotlight;
/* Frees the strings and makes it BL_SPOT_NONE. */
void bl_spotlight_clear(bl_spotlight *sp);
/* Fills out (strings malloc'd; bl_spotlight_clear frees them).  Works
 * read-only. */
int bl_store_spotlight_get(bl_store *s, bl_spotlight *out, bl_err *err);
/* Sets it (one row, replaced).  Refuses a ref that does not exist (a
 * message naming it), a ref or text that the kind does not take, and a
 * bad message; a refusal leaves the spotlight as it was.  Not
 * journalled: it changes nothing in the budget, and is not refused by
 * phase locks.  Refused on a read-only open and during a bulk load. */
int bl_store_spotlight_set(bl_store *s, const bl_spotlight *sp, bl_err *err);

#endif
