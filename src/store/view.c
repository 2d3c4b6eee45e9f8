/* view.c: what the ncurses screens read (store.h, "views for the screens"
 * and "the spotlight"): counts, pages and positions of one area's lines in
 * a sort order under a filter, PRAGMA data_version, and the spotlight.
 *
 * The screens redraw often and the budget may have 1,000,000 lines, so
 * every query here is bounded by one area (the index line_area, area_id
 * then code) except bl_store_area_line_counts, which is one pass over that
 * index (0.1 s for 1,000,000 lines), or with a filter over the table
 * (0.4 s).  Code order is the index's own, so a code-ordered page reads only
 * its rows; title and amount orders sort one area's lines (a few hundred
 * in a real budget).  Amounts of a page are read per line by the amounts'
 * primary key, after the line, so the page's statement never sorts them.
 *
 * The filter is matched with bl_contains(filter, code, title) (schema.c),
 * not with LIKE or GLOB: it has no wildcards, so "%", "_", "\" and "*" in
 * a filter are plain text with no escaping to get wrong, and it folds the
 * Latin-1 letters that LIKE's ASCII-only case folding would miss (Æ/æ,
 * Ø/ø, Å/å). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/rules.h"
#include "store/amend_store.h"
#include "store/pool_store.h"
#include "store/lab_store.h"
#include "store/store_internal.h"

/* ---- the statements ----
 *
 * Parameters, the same number in every statement so that one function
 * binds them all: ?1 area id, ?2 version id, ?3 the filter (NULL for
 * none), ?4 the year of BL_SORT_AMOUNT, ?5 limit, ?6 offset, ?7 line
 * id.  A statement that does not use one ignores its binding. */

/* The line aliased L matches the filter ?3. */
#define MATCH(L) "bl_contains(?3, " L ".code, " L ".title)"
/* The sort keys of line L (BL_SORT_CODE has none beyond the code). */
#define KEY_CODE(L) "NULL"
#define KEY_TITLE(L) "bl_fold(" L ".title)"
/* The net expense, as the budget screen shows it: an income line's
 * amount with a minus, so income sorts below expenses.  INT64_MIN is never
 * stored, so the negation cannot overflow. */
#define KEY_AMOUNT(L)                                                         \
	"(CASE " L ".direction WHEN 'income' THEN -1 ELSE 1 END"              \
	" * coalesce((SELECT a.amount FROM amount a WHERE a.line_id = " L ".id" \
	" AND a.version_id = ?2 AND a.year = ?4), 0))"

#define LINE_COLS "l.id, l.code, l.title, l.area_id, l.kind, l.direction, l.description"
/* A page: the filter as "?3 IS NULL OR", because the page reads the
 * rows anyway. */
#define PAGE(ORDER)                                                           \
	"SELECT " LINE_COLS " FROM line l WHERE l.area_id = ?1"                \
	" AND (?3 IS NULL OR " MATCH("l") ") ORDER BY " ORDER                  \
	" LIMIT ?5 OFFSET ?6"

/* A position: how many lines of the area come before line ?7 in the
 * order (BEFORE compares l with t, the target).  t is materialized so
 * that its key is computed once, not once per line compared.  The count
 * is skipped when the target itself does not match.  The unfiltered
 * variants do not mention the title, so the code order's count is an
 * index range count. */
#define POS(KEY, BEFORE, FILTER)                                              \
	"WITH t AS MATERIALIZED (SELECT x.id AS id, x.area_id AS area_id,"     \
	" x.code AS code, " KEY("x") " AS k,"                                  \
	" (?3 IS NULL OR " MATCH("x") ") AS m FROM line x WHERE x.id = ?7)"    \
	" SELECT t.area_id, t.m, CASE WHEN t.m THEN (SELECT count(*) FROM line l" \
	" WHERE l.area_id = t.area_id AND " BEFORE FILTER ") END FROM t"
#define BEFORE_ASC(KEY)                                                       \
	"(" KEY("l") " < t.k OR (" KEY("l") " = t.k AND l.code < t.code))"
#define BEFORE_DESC(KEY)                                                      \
	"(" KEY("l") " > t.k OR (" KEY("l") " = t.k AND l.code < t.code))"
#define F " AND " MATCH("l")

static const char *const view_sql[ST_COUNT] = {
	[ST_VIEW_COUNT] = "SELECT count(*) FROM line WHERE area_id = ?1",
	[ST_VIEW_COUNT_F] = "SELECT count(*) FROM line l WHERE l.area_id = ?1 AND " MATCH("l"),
	/* GROUP BY in index order: no temporary b-tree. */
	[ST_VIEW_COUNTS] = "SELECT area_id, count(*) FROM line GROUP BY area_id"
			   " ORDER BY area_id",
	/* Every line is read anyway, so in the table's order rather than
	 * the index's, which would add a lookup per line (on 1,000,000
	 * lines: 0.31 s against 0.52 s); grouping 5,000 areas in a
	 * temporary b-tree costs little. */
	[ST_VIEW_COUNTS_F] = "SELECT l.area_id, count(*) FROM line l NOT INDEXED WHERE " MATCH("l")
			     " GROUP BY l.area_id ORDER BY l.area_id",
	[ST_VIEW_PAGE_CODE] = PAGE("l.code"),
	[ST_VIEW_PAGE_CODE_D] = PAGE("l.code DESC"),
	[ST_VIEW_PAGE_TITLE] = PAGE(KEY_TITLE("l") ", l.code"),
	[ST_VIEW_PAGE_TITLE_D] = PAGE(KEY_TITLE("l") " DESC, l.code"),
	[ST_VIEW_PAGE_AMOUNT] = PAGE(KEY_AMOUNT("l") ", l.code"),
	[ST_VIEW_PAGE_AMOUNT_D] = PAGE(KEY_AMOUNT("l") " DESC, l.code"),
	[ST_VIEW_POS_CODE] = POS(KEY_CODE, "l.code < t.code", ""),
	[ST_VIEW_POS_CODE_F] = POS(KEY_CODE, "l.code < t.code", F),
	[ST_VIEW_POS_CODE_D] = POS(KEY_CODE, "l.code > t.code", ""),
	[ST_VIEW_POS_CODE_D_F] = POS(KEY_CODE, "l.code > t.code", F),
	[ST_VIEW_POS_TITLE] = POS(KEY_TITLE, BEFORE_ASC(KEY_TITLE), ""),
	[ST_VIEW_POS_TITLE_F] = POS(KEY_TITLE, BEFORE_ASC(KEY_TITLE), F),
	[ST_VIEW_POS_TITLE_D] = POS(KEY_TITLE, BEFORE_DESC(KEY_TITLE), ""),
	[ST_VIEW_POS_TITLE_D_F] = POS(KEY_TITLE, BEFORE_DESC(KEY_TITLE), F),
	[ST_VIEW_POS_AMOUNT] = POS(KEY_AMOUNT, BEFORE_ASC(KEY_AMOUNT), ""),
	[ST_VIEW_POS_AMOUNT_F] = POS(KEY_AMOUNT, BEFORE_ASC(KEY_AMOUNT), F),
	[ST_VIEW_POS_AMOUNT_D] = POS(KEY_AMOUNT, BEFORE_DESC(KEY_AMOUNT), ""),
	[ST_VIEW_POS_AMOUNT_D_F] = POS(KEY_AMOUNT, BEFORE_DESC(KEY_AMOUNT), F),
	/* Re-read at every step: a cached statement is fine. */
	[ST_DATA_VERSION] = "PRAGMA data_version",
	/* The rowid b-tree's last entry: one lookup. */
	[ST_LINE_ID_MAX] = "SELECT coalesce(max(id), 0) FROM line",
	[ST_SPOT_GET] = "SELECT kind, ref, text, at FROM spotlight WHERE id = 1",
	/* An upsert rather than an UPDATE, so that a file whose row was
	 * removed by hand gets it back instead of silently keeping none. */
	[ST_SPOT_SET] = "INSERT INTO spotlight (id, kind, ref, text, at, actor)"
			" VALUES (1, ?1, ?2, ?3, bl_now(), bl_actor())"
			" ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
			" ref = excluded.ref, text = excluded.text, at = excluded.at,"
			" actor = excluded.actor",
};

_Static_assert(ST_VIEW_PAGE_AMOUNT_D == ST_VIEW_PAGE_CODE + 2 * BL_SORT_AMOUNT + 1,
	       "page statements by sort and direction");
_Static_assert(ST_VIEW_POS_AMOUNT_D_F == ST_VIEW_POS_CODE + 4 * BL_SORT_AMOUNT + 3,
	       "position statements by sort, direction and filter");
_Static_assert(BL_SORT_CODE == 0 && BL_SORT_TITLE == 1, "sorts index the statements");

/* As bl_stmt, for the statements above. */
static sqlite3_stmt *view_stmt(bl_store *s, enum bl_stmt_id id, bl_err *err)
{
	return bl_stmt_sql(s, id, view_sql[id], err);
}

/* ---- the query ---- */

/* A bl_line_query checked and made ready to bind. */
typedef struct query {
	int64_t vid;
	const char *filter; /* NULL for none */
	bl_sort sort;
	bool desc;
	int year;
} query;

static int query_prepare(bl_store *s, const bl_line_query *q, query *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (!q)
		return bl_err_set(err, _("no query given"));
	if (bl_schema_register_fold(s, err) != 0 || bl_version_id(s, q->version, &out->vid, err) != 0)
		return -1;
	switch (q->sort) {
	case BL_SORT_CODE:
	case BL_SORT_TITLE:
		break;
	case BL_SORT_AMOUNT: {
		int first = s->info.budget_year, last = first + s->info.n_years - 1;
		if (q->sort_year < first || q->sort_year > last)
			return bl_err_set(err, _("cannot sort by the amounts of %d: the process's years"
						 " are %d to %d"), q->sort_year, first, last);
		out->year = q->sort_year;
		break;
	}
	default:
		return bl_err_set(err, _("unknown sort order (%d); expected code, title or amount"),
				  (int)q->sort);
	}
	out->sort = q->sort;
	out->desc = q->descending;
	if (q->filter && *q->filter) {
		size_t n = strlen(q->filter);
		if (!bl_utf8_valid(q->filter, n)) {
			char quoted[BL_QUOTE_MAX];
			bl_text_quote(q->filter, n, quoted);
			return bl_err_set(err, _("the filter \"%s\" is not valid UTF-8 (is the terminal"
						 " set to another character set?)"), quoted);
		}
		out->filter = q->filter;
	}
	return 0;
}

static void query_bind(sqlite3_stmt *st, const query *q)
{
	sqlite3_bind_int64(st, 2, q->vid);
	if (q->filter)
		sqlite3_bind_text(st, 3, q->filter, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int(st, 4, q->year);
}

/* ---- counts ---- */

static bool fill_count(sqlite3_stmt *st, void *elem)
{
	bl_area_count *c = elem;
	c->area_id = sqlite3_column_int64(st, 0);
	c->n = sqlite3_column_int64(st, 1);
	return true;
}

int bl_store_area_line_counts(bl_store *s, const bl_line_query *q, bl_area_count **out,
			      size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	query pq;
	if (query_prepare(s, q, &pq, err) != 0)
		return -1;
	sqlite3_stmt *st = view_stmt(s, pq.filter ? ST_VIEW_COUNTS_F : ST_VIEW_COUNTS, err);
	if (!st)
		return -1;
	query_bind(st, &pq);
	return bl_rows_collect(s, st, sizeof **out, fill_count, NULL, out, n, err);
}

int bl_store_area_line_count(bl_store *s, const bl_line_query *q, int64_t area_id, int64_t *n,
			     bl_err *err)
{
	*n = 0;
	query pq;
	sqlite3_stmt *st;
	if (query_prepare(s, q, &pq, err) != 0 || bl_area_exists(s, area_id, err) != 0 ||
	    !(st = view_stmt(s, pq.filter ? ST_VIEW_COUNT_F : ST_VIEW_COUNT, err)))
		return -1;
	sqlite3_bind_int64(st, 1, area_id);
	query_bind(st, &pq);
	return bl_step_count(s, st, n, err);
}

/* ---- pages ---- */

int bl_store_area_lines_page(bl_store *s, const bl_line_query *q, int64_t area_id,
			     int64_t offset, int64_t limit, bl_line_cb cb, void *ctx, bl_err *err)
{
	if (offset < 0 || limit < 0)
		return bl_err_set(err, _("a page needs an offset and a limit of 0 or more (got %" PRId64
					 " and %" PRId64 ")"), offset, limit);
	if (!cb)
		return bl_err_set(err, _("no callback for the page's lines"));
	query pq;
	sqlite3_stmt *st;
	if (query_prepare(s, q, &pq, err) != 0 || bl_area_exists(s, area_id, err) != 0 ||
	    !(st = view_stmt(s, ST_VIEW_PAGE_CODE + 2 * (int)pq.sort + (pq.desc ? 1 : 0), err)))
		return -1;
	sqlite3_bind_int64(st, 1, area_id);
	query_bind(st, &pq);
	sqlite3_bind_int64(st, 5, limit);
	sqlite3_bind_int64(st, 6, offset);
	bl_money amounts[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS];
	int rc, ret = 0, cb_rc = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bl_line l;
		if (!bl_line_read(st, &l)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		if (bl_amounts_read(s, l.id, pq.vid, amounts, has, s->info.n_years, err) != 0) {
			bl_line_clear(&l);
			ret = -1;
			break;
		}
		cb_rc = cb(ctx, &l, amounts, has, s->info.n_years);
		bl_line_clear(&l);
		if (cb_rc)
			break;
	}
	if (ret == 0 && !cb_rc && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_reset(st);
	return ret ? ret : cb_rc;
}

/* ---- positions ---- */

int bl_store_line_position(bl_store *s, const bl_line_query *q, int64_t line_id,
			   int64_t *area_id, int64_t *pos, bl_err *err)
{
	*area_id = 0;
	*pos = -1;
	query pq;
	if (query_prepare(s, q, &pq, err) != 0)
		return -1;
	enum bl_stmt_id id = ST_VIEW_POS_CODE + 4 * (int)pq.sort + (pq.desc ? 2 : 0) +
			     (pq.filter ? 1 : 0);
	int ret = -1;
	sqlite3_stmt *st = view_stmt(s, id, err);
	if (!st)
		return -1;
	query_bind(st, &pq);
	sqlite3_bind_int64(st, 7, line_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*area_id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_int(st, 1)) {
			*pos = sqlite3_column_int64(st, 2);
			ret = 1;
		} else {
			ret = 0;
		}
	} else if (rc == SQLITE_DONE) {
		bl_err_set(err, _("no budget line with id %" PRId64), line_id);
	} else {
		bl_store_fail(s, err);
	}
	sqlite3_reset(st);
	return ret;
}

int bl_store_data_version(bl_store *s, int64_t *v, bl_err *err)
{
	*v = 0;
	sqlite3_stmt *st = view_stmt(s, ST_DATA_VERSION, err);
	return st ? bl_step_count(s, st, v, err) : -1;
}

int64_t bl_store_change_count(bl_store *s)
{
	return (int64_t)sqlite3_total_changes64(s->db);
}

int bl_store_line_id_max(bl_store *s, int64_t *n, bl_err *err)
{
	*n = 0;
	sqlite3_stmt *st = view_stmt(s, ST_LINE_ID_MAX, err);
	return st ? bl_step_count(s, st, n, err) : -1;
}

/* ---- the spotlight ---- */

static const char *const spot_kinds[] = {
	[BL_SPOT_NONE] = "none",
	[BL_SPOT_LINE] = "line",
	[BL_SPOT_AREA] = "area",
	[BL_SPOT_GOAL] = "goal",
	[BL_SPOT_MESSAGE] = "message",
	[BL_SPOT_RESULTS] = "results",
	[BL_SPOT_REPRESENTATION] = "representation",
	[BL_SPOT_AMENDMENT] = "amendment",
	[BL_SPOT_POOL] = "pool",
};
#define N_SPOT_KINDS (sizeof spot_kinds / sizeof spot_kinds[0])

void bl_spotlight_clear(bl_spotlight *sp)
{
	if (!sp)
		return;
	free(sp->ref);
	free(sp->text);
	free(sp->at);
	memset(sp, 0, sizeof *sp);
	sp->kind = BL_SPOT_NONE;
}

int bl_store_spotlight_get(bl_store *s, bl_spotlight *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	out->kind = BL_SPOT_NONE;
	sqlite3_stmt *st = view_stmt(s, ST_SPOT_GET, err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			bl_err_set(err, _("'%s' is damaged (it has no spotlight)"), s->path);
		else
			bl_store_fail(s, err);
		sqlite3_reset(st);
		return -1;
	}
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	size_t k = 0;
	while (k < N_SPOT_KINDS && !(kind && strcmp(kind, spot_kinds[k]) == 0))
		k++;
	bool ok = bl_col_dup(st, 1, &out->ref) && bl_col_dup(st, 2, &out->text) &&
		  bl_col_dup(st, 3, &out->at);
	sqlite3_reset(st);
	if (!ok) {
		bl_spotlight_clear(out);
		return bl_err_set(err, _("out of memory"));
	}
	if (k == N_SPOT_KINDS) {
		bl_spotlight_clear(out);
		return bl_err_set(err, _("'%s' is damaged (its spotlight is of an unknown kind)"),
				  s->path);
	}
	out->kind = (bl_spot_kind)k;
	return 0;
}

/* A control character: C0, DEL or C1. */
static bool control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Is the text safe to show and quote as it is: valid UTF-8 without
 * control characters? */
static bool clean(const char *t)
{
	size_t n = strlen(t), i = 0, k;
	unsigned cp;
	if (!bl_utf8_valid(t, n))
		return false;
	while ((k = bl_utf8_next(t + i, n - i, &cp)) > 0) {
		if (control(cp))
			return false;
		i += k;
	}
	return true;
}

static int check_message(const char *t, bl_err *err)
{
	if (!t)
		return bl_err_set(err, _("a message needs its text"));
	size_t n = strlen(t), i = 0, k;
	unsigned cp;
	if (n > BL_SPOT_TEXT_MAX)
		return bl_err_set(err, _("the message is %zu bytes long; at most %d fit on the"
					 " projector"), n, BL_SPOT_TEXT_MAX);
	if (!bl_utf8_valid(t, n))
		return bl_err_set(err, _("the message is not valid UTF-8"));
	bool blank = true;
	while ((k = bl_utf8_next(t + i, n - i, &cp)) > 0) {
		if (control(cp))
			return bl_err_set(err, _("the message contains a control character (U+%04X at"
						 " byte %zu); it must be one line of plain text"),
					  cp, i + 1);
		if (cp != ' ')
			blank = false;
		i += k;
	}
	if (blank)
		return bl_err_set(err, _("the message is empty"));
	return 0;
}

/* Step a lookup: 1 a row (reset), 0 none, -1 error (with err set). */
static int step_row(bl_store *s, sqlite3_stmt *st, bl_err *err)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The ref as it is stored (malloc'd in *out), after checking that it
 * exists. */
static int resolve_ref(bl_store *s, bl_spot_kind kind, const char *ref, char **out,
		       bl_err *err)
{
	char quoted[BL_QUOTE_MAX];
	bl_text_quote(ref, strlen(ref), quoted);
	*out = NULL;
	if (kind == BL_SPOT_LINE) {
		sqlite3_stmt *st = bl_stmt(s, ST_LINE_FIND, err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
		int r = step_row(s, st, err);
		if (r <= 0)
			return r < 0 ? -1 : bl_err_set(err, _("no budget line with code '%s'"), quoted);
		*out = strdup(ref);
	} else if (kind == BL_SPOT_AREA) {
		int64_t id;
		if (bl_store_area_find(s, ref, &id, err) != 0) {
			/* Its message quotes the ref as it is. */
			if (!clean(ref))
				bl_err_set(err, _("no area '%s'"), quoted);
			return -1;
		}
		sqlite3_stmt *st = bl_stmt(s, ST_AREA_PATH, err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			if (!bl_col_dup(st, 0, out))
				*out = NULL;
		} else {
			if (rc == SQLITE_DONE)
				bl_err_set(err, _("'%s' is damaged (area %" PRId64 " has no path)"),
					   s->path, id);
			else
				bl_store_fail(s, err);
			sqlite3_reset(st);
			return -1;
		}
		sqlite3_reset(st);
	} else if (kind == BL_SPOT_RESULTS || kind == BL_SPOT_REPRESENTATION) {
		/* "LAB", or for results "LAB:RULE". */
		const char *colon = strchr(ref, ':');
		size_t n = colon ? (size_t)(colon - ref) : strlen(ref);
		int64_t id = 0;
		bool digits = n > 0 && n <= 9 && (!colon || kind == BL_SPOT_RESULTS);
		for (size_t i = 0; digits && i < n; i++) {
			digits = ref[i] >= '0' && ref[i] <= '9';
			id = id * 10 + (ref[i] - '0');
		}
		bl_rule r;
		if (!digits || (colon && bl_rule_from_name(colon + 1, &r) != 0))
			return bl_err_set(err, kind == BL_SPOT_RESULTS
					  ? _("'%s' is not a lab's number (such as 3), or a number and a"
					      " rule (3:mes_cost_add1_greedy)")
					  : _("'%s' is not a lab's number (such as 3)"), quoted);
		bl_lab l;
		if (bl_store_lab_get(s, id, &l, err) != 0)
			return -1;
		bl_lab_clear(&l);
		char buf[96];
		snprintf(buf, sizeof buf, "%" PRId64 "%s%s", id, colon ? ":" : "",
			 colon ? bl_rule_name(r) : "");
		*out = strdup(buf);
	} else if (kind == BL_SPOT_AMENDMENT) {
		int64_t number = 0;
		size_t n = strlen(ref);
		bool digits = n > 0 && n <= 9;
		for (size_t i = 0; digits && i < n; i++) {
			digits = ref[i] >= '0' && ref[i] <= '9';
			number = number * 10 + (ref[i] - '0');
		}
		if (!digits)
			return bl_err_set(err, _("'%s' is not an amendment's number (such as 3)"), quoted);
		bl_amend_rec a = { 0 };
		if (bl_store_amendment_get(s, number, &a, err) != 0)
			return -1;
		bl_amend_rec_clear(&a);
		char buf[24];
		snprintf(buf, sizeof buf, "%" PRId64, number);
		*out = strdup(buf);
	} else if (kind == BL_SPOT_POOL) {
		bl_pool_rec p;
		int r = bl_store_pool_get(s, ref, &p, err);
		if (r == 0)
			bl_err_set(err, _("there is no development pool '%s'"), quoted);
		if (r != 1)
			return -1;
		*out = p.key;
		p.key = NULL;
		bl_pool_rec_clear(&p);
	} else {
		/* Decimal digits only: strtoll would also take signs, blanks
		 * and "0x". */
		int64_t id = 0;
		size_t n = strlen(ref);
		bool digits = n > 0 && n <= 18;
		for (size_t i = 0; digits && i < n; i++) {
			digits = ref[i] >= '0' && ref[i] <= '9';
			id = id * 10 + (ref[i] - '0');
		}
		if (!digits)
			return bl_err_set(err, _("'%s' is not a goal's id (a number such as 3)"), quoted);
		if (bl_goal_exists(s, id, err) != 0)
			return -1;
		char buf[24];
		snprintf(buf, sizeof buf, "%" PRId64, id);
		*out = strdup(buf);
	}
	return *out ? 0 : bl_err_set(err, _("out of memory"));
}

/* What can be checked without the database. */
static int spotlight_valid(const bl_spotlight *sp, bl_err *err)
{
	if (!sp)
		return bl_err_set(err, _("no spotlight given"));
	switch (sp->kind) {
	case BL_SPOT_NONE:
		if (sp->ref || sp->text)
			return bl_err_set(err, _("an empty spotlight has no reference and no text"));
		return 0;
	case BL_SPOT_LINE:
	case BL_SPOT_AREA:
	case BL_SPOT_GOAL:
	case BL_SPOT_RESULTS:
	case BL_SPOT_REPRESENTATION:
	case BL_SPOT_AMENDMENT:
	case BL_SPOT_POOL:
		if (sp->text)
			return bl_err_set(err, _("only a message has text; a %s is given by its"
						 " reference"), spot_kinds[sp->kind]);
		if (!sp->ref || !*sp->ref)
			return bl_err_set(err, _("a spotlight on a %s needs its reference (%s)"),
					  spot_kinds[sp->kind],
					  sp->kind == BL_SPOT_LINE   ? _("the line's code")
					  : sp->kind == BL_SPOT_AREA ? _("the area's code or path")
					  : sp->kind == BL_SPOT_GOAL ? _("the goal's id")
					  : sp->kind == BL_SPOT_AMENDMENT ? _("the amendment's number")
					  : sp->kind == BL_SPOT_POOL ? _("the pool's key")
								     : _("the lab's number"));
		return 0;
	case BL_SPOT_MESSAGE:
		if (sp->ref)
			return bl_err_set(err, _("a message has no reference"));
		return check_message(sp->text, err);
	}
	return bl_err_set(err, _("unknown spotlight kind (%d); expected none, line, area, goal,"
				 " message, results, representation, amendment or pool"), (int)sp->kind);
}

int bl_store_spotlight_set(bl_store *s, const bl_spotlight *sp, bl_err *err)
{
	if (spotlight_valid(sp, err) != 0)
		return bl_err_prefix(err, _("the spotlight was not changed"));
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	/* Checked inside the transaction, so that the ref still exists
	 * when it is stored. */
	char *ref = NULL;
	int rc = -1;
	sqlite3_stmt *st;
	if (sp->ref && resolve_ref(s, sp->kind, sp->ref, &ref, err) != 0) {
		bl_err_prefix(err, _("the spotlight was not changed"));
		goto out;
	}
	if (!(st = view_stmt(s, ST_SPOT_SET, err)))
		goto out;
	sqlite3_bind_text(st, 1, spot_kinds[sp->kind], -1, SQLITE_STATIC);
	if (ref)
		sqlite3_bind_text(st, 2, ref, -1, SQLITE_STATIC);
	if (sp->text)
		sqlite3_bind_text(st, 3, sp->text, -1, SQLITE_STATIC);
	rc = bl_step_done(s, st, err);
out:
	rc = bl_write_end(s, outer, rc, err);
	free(ref);
	return rc;
}
