/* amend_store.c: versions, amendments and decisions (amend_store.h).
 *
 * The statements here run a few times per command, not per line of a
 * large budget, so they are prepared where they are used (q_prepare) and
 * finalized at once, not cached in bl_store.stmt.  The one loop over the
 * whole budget is the derivation of the adopted version, which deletes
 * the version's amounts and inserts them anew in one transaction: a few
 * tens of thousands of rows for a real municipality. */
#include "config.h"
#include "store/amend_store.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/store_internal.h"

/* One integer from a statement with one row (0 if none), finalized. */
static int q_int(bl_store *s, sqlite3_stmt *st, int64_t *out, bl_err *err)
{
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* ---- versions ---- */

void bl_version_states_free(bl_version_state *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].key);
		free(v[i].title);
		free(v[i].frozen_at);
		free(v[i].frozen_phase);
	}
	free(v);
}

static bool version_fill(sqlite3_stmt *st, void *elem)
{
	bl_version_state *v = elem;
	v->frozen = sqlite3_column_type(st, 3) != SQLITE_NULL;
	v->derived = sqlite3_column_int(st, 2) != 0;
	v->n_amounts = sqlite3_column_int64(st, 5);
	return bl_col_dup(st, 0, &v->key) && bl_col_dup(st, 1, &v->title) &&
	       bl_col_dup(st, 3, &v->frozen_at) && bl_col_dup(st, 4, &v->frozen_phase);
}

static void version_clear(void *elem)
{
	bl_version_state *v = elem;
	free(v->key);
	free(v->title);
	free(v->frozen_at);
	free(v->frozen_phase);
}

int bl_store_versions(bl_store *s, bl_version_state **out, size_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	/* The count from the totals of the whole budget (area 0): the amount
	 * table is keyed by line first, and a version's count would scan it. */
	if (bl_prepare(s,
		      "SELECT v.key, v.title, f.derived, f.frozen_at, f.phase_id,"
		      " (SELECT coalesce(sum(t.n), 0) FROM total t WHERE t.area_id = 0"
		      "  AND t.version_id = v.id)"
		      " FROM version v LEFT JOIN version_freeze f ON f.version_id = v.id"
		      " ORDER BY v.ord",
		      &st, err) != 0)
		return -1;
	int rc = bl_rows_collect(s, st, sizeof **out, version_fill, version_clear, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

static int version_count(bl_store *s, int64_t vid, int64_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s,
		      "SELECT coalesce(sum(n), 0) FROM total WHERE area_id = 0 AND version_id = ?1",
		      &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	return q_int(s, st, n, err);
}

static int frozen_row(bl_store *s, int64_t vid, bool *frozen, bl_err *err)
{
	sqlite3_stmt *st;
	int64_t n;
	if (bl_prepare(s, "SELECT count(*) FROM version_freeze WHERE version_id = ?1", &st,
		      err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	if (q_int(s, st, &n, err) != 0)
		return -1;
	*frozen = n > 0;
	return 0;
}

int bl_store_first_reading_frozen(bl_store *s, bool *frozen, bl_err *err)
{
	int64_t vid;
	if (bl_version_id(s, "first_reading", &vid, err) != 0)
		return -1;
	return frozen_row(s, vid, frozen, err);
}

int bl_store_working_version(bl_store *s, const char **key, bl_err *err)
{
	bool frozen;
	*key = "proposal";
	if (bl_store_first_reading_frozen(s, &frozen, err) != 0)
		return -1;
	if (frozen)
		*key = "adopted";
	return 0;
}

static int freeze_row(bl_store *s, int64_t vid, bool derived, const char *phase_id,
		      bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s,
		      "INSERT INTO version_freeze (version_id, derived, frozen_at, phase_id, actor)"
		      " VALUES (?1, ?2, bl_now(), ?3, bl_actor())",
		      &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	sqlite3_bind_int(st, 2, derived);
	bl_bind_text(st, 3, phase_id);
	int rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

static int derive_adopted(bl_store *s, bl_err *err);

/* Replace version to's amounts by a copy of from's, as the store's own
 * derivation (bl_deriving: neither journalled amount by amount nor held
 * by a lock). */
static int copy_version(bl_store *s, int64_t from, int64_t to, bl_err *err)
{
	sqlite3_stmt *del, *st;
	if (bl_prepare(s, "DELETE FROM amount WHERE version_id = ?1", &del, err) != 0)
		return -1;
	if (bl_prepare(s,
		       "INSERT INTO amount (line_id, version_id, year, amount)"
		       " SELECT line_id, ?2, year, amount FROM amount WHERE version_id = ?1",
		       &st, err) != 0) {
		sqlite3_finalize(del);
		return -1;
	}
	sqlite3_bind_int64(del, 1, to);
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	s->deriving = true;
	int rc = bl_step_done(s, del, err);
	if (rc == 0)
		rc = bl_step_done(s, st, err);
	s->deriving = false;
	sqlite3_finalize(del);
	sqlite3_finalize(st);
	return rc;
}

int bl_store_version_freeze(bl_store *s, const char *phase_id, bl_err *err)
{
	bool outer, frozen;
	int64_t fr, prop, n_fr, n_prop;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	if (bl_version_id(s, "first_reading", &fr, err) != 0 ||
	    bl_version_id(s, "proposal", &prop, err) != 0 ||
	    frozen_row(s, fr, &frozen, err) != 0)
		goto out;
	if (frozen) {
		bl_err_set(err, _("the first-reading version is frozen already"));
		goto out;
	}
	if (version_count(s, fr, &n_fr, err) != 0 || version_count(s, prop, &n_prop, err) != 0)
		goto out;
	if (n_fr == 0 && n_prop == 0) {
		bl_err_set(err, _("the proposal has no amounts to freeze; enter or import the"
				  " proposal before the first reading"));
		goto out;
	}
	if (n_fr == 0 && copy_version(s, prop, fr, err) != 0)
		goto out;
	int64_t ad;
	/* The adopted version starts as a copy of the first reading (no
	 * amendment is decided yet), copied in one statement; derive_adopted
	 * then checks it and journals it.  Amounts it held before (typed in
	 * by hand) go: it is derived from now on. */
	/* The proposal too: it is what the council read, and the budget now
	 * changes only by amendments (an edit of it would change nothing the
	 * council votes on, and look as if it did). */
	/* The copy comes before the freeze rows: freezing the first reading
	 * makes the adopted version the working one, whose amounts carry the
	 * development pools' grants (schema 8), and it must be whole by then
	 * (the trigger version_freeze_pools checks it once, then). */
	if (bl_version_id(s, "adopted", &ad, err) != 0 || copy_version(s, fr, ad, err) != 0 ||
	    freeze_row(s, prop, false, phase_id, err) != 0 ||
	    freeze_row(s, fr, false, phase_id, err) != 0 ||
	    freeze_row(s, ad, true, phase_id, err) != 0 || derive_adopted(s, err) != 0)
		goto out;
	rc = 0;
out:
	return bl_write_end(s, outer, rc, err);
}

int bl_store_phase_advance_freeze(bl_store *s, int to_index, const char *override_reason,
				  const char *failed_gates, const char *freeze_at,
				  bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = bl_store_phase_advance(s, to_index, override_reason, failed_gates, err);
	if (rc == 0 && freeze_at) {
		int idx;
		char *id = NULL;
		rc = bl_store_phase_current(s, &idx, &id, err);
		if (rc == 0 && id && strcmp(id, freeze_at) == 0) {
			rc = bl_store_version_freeze(s, id, err);
			if (rc != 0)
				bl_err_prefix(err, _("the process stays where it is"));
		}
		free(id);
	}
	return bl_write_end(s, outer, rc, err);
}

/* ---- a version as the model reads it ---- */

void bl_store_amend_base_free(bl_amend_budget *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_lines; i++)
		free((char *)b->lines[i].code);
	free(b->lines);
	memset(b, 0, sizeof *b);
}

int bl_store_amend_base(bl_store *s, const char *version, bl_amend_budget *out,
			bl_err *err)
{
	memset(out, 0, sizeof *out);
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0)
		return -1;
	out->first_year = s->info.budget_year;
	out->n_years = s->info.n_years;
	sqlite3_stmt *st;
	if (bl_prepare(s,
		      "SELECT l.code, l.direction, a.year, a.amount FROM amount a"
		      " JOIN line l ON l.id = a.line_id WHERE a.version_id = ?1"
		      " ORDER BY l.code, a.year",
		      &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (!code)
			continue;
		if (out->n_lines == 0 || strcmp(out->lines[out->n_lines - 1].code, code) != 0) {
			if (!bl_grow((void *)&out->lines, &cap, out->n_lines + 1, sizeof *out->lines))
				goto oom;
			bl_amend_line *l = &out->lines[out->n_lines];
			memset(l, 0, sizeof *l);
			if (!(l->code = strdup(code)))
				goto oom;
			const char *dir = (const char *)sqlite3_column_text(st, 1);
			l->dir = dir && strcmp(dir, "income") == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
			out->n_lines++;
		}
		int y = sqlite3_column_int(st, 2) - out->first_year;
		if (y >= 0 && y < out->n_years) {
			bl_amend_line *l = &out->lines[out->n_lines - 1];
			l->amount[y] = sqlite3_column_int64(st, 3);
			l->has[y] = true;
		}
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto fail;
	}
	sqlite3_finalize(st);
	return 0;
oom:
	bl_err_set(err, _("out of memory"));
fail:
	sqlite3_finalize(st);
	bl_store_amend_base_free(out);
	return -1;
}

void bl_store_vdiff_src_free(bl_vdiff_src *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free((char *)v[i].code);
		free((char *)v[i].title);
		free((char *)v[i].area);
	}
	free(v);
}

/* The path of every area, by id, from bl_store_areas (pre-order, so a
 * parent's path is known before its children's). */
typedef struct area_path {
	int64_t id;
	char *path;
} area_path;

static void area_paths_free(area_path *p, size_t n)
{
	for (size_t i = 0; p && i < n; i++)
		free(p[i].path);
	free(p);
}

static const char *area_path_of(const area_path *p, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].id == id)
			return p[i].path;
	return NULL;
}

static int area_paths(bl_store *s, area_path **out, size_t *n_out, bl_err *err)
{
	bl_area *a;
	size_t n;
	*out = NULL;
	*n_out = 0;
	if (bl_store_areas(s, &a, &n, err) != 0)
		return -1;
	area_path *p = n ? calloc(n, sizeof *p) : NULL;
	if (n && !p) {
		bl_areas_free(a, n);
		return bl_err_set(err, _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		const char *parent = a[i].parent_id ? area_path_of(p, i, a[i].parent_id) : NULL;
		size_t len = (parent ? strlen(parent) + 1 : 0) + strlen(a[i].code) + 1;
		p[i].id = a[i].id;
		if (!(p[i].path = malloc(len))) {
			area_paths_free(p, i);
			bl_areas_free(a, n);
			return bl_err_set(err, _("out of memory"));
		}
		snprintf(p[i].path, len, "%s%s%s", parent ? parent : "", parent ? "/" : "",
			 a[i].code);
	}
	bl_areas_free(a, n);
	*out = p;
	*n_out = n;
	return 0;
}

int bl_store_vdiff_src(bl_store *s, const char *version, bl_vdiff_src **out, size_t *n,
		       bl_err *err)
{
	*out = NULL;
	*n = 0;
	int64_t vid;
	area_path *paths;
	size_t n_paths;
	if (bl_version_id(s, version, &vid, err) != 0 ||
	    area_paths(s, &paths, &n_paths, err) != 0)
		return -1;
	sqlite3_stmt *st;
	if (bl_prepare(s,
		      "SELECT l.code, l.title, l.area_id, l.direction, a.year, a.amount"
		      " FROM amount a JOIN line l ON l.id = a.line_id WHERE a.version_id = ?1"
		      " ORDER BY l.code, a.year",
		      &st, err) != 0) {
		area_paths_free(paths, n_paths);
		return -1;
	}
	sqlite3_bind_int64(st, 1, vid);
	bl_vdiff_src *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (!code)
			continue;
		if (cnt == 0 || strcmp(v[cnt - 1].code, code) != 0) {
			if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v))
				goto oom;
			bl_vdiff_src *l = &v[cnt];
			memset(l, 0, sizeof *l);
			cnt++;
			const char *path = area_path_of(paths, n_paths, sqlite3_column_int64(st, 2));
			const char *dir = (const char *)sqlite3_column_text(st, 3);
			char *t;
			if (!(l->code = strdup(code)) || !bl_col_dup(st, 1, &t))
				goto oom;
			l->title = t;
			if (path && !(l->area = strdup(path)))
				goto oom;
			l->dir = dir && strcmp(dir, "income") == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
		}
		int y = sqlite3_column_int(st, 4) - s->info.budget_year;
		if (y >= 0 && y < s->info.n_years && y < BL_MAX_YEARS) {
			v[cnt - 1].amount[y] = sqlite3_column_int64(st, 5);
			v[cnt - 1].has[y] = true;
		}
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto fail;
	}
	sqlite3_finalize(st);
	area_paths_free(paths, n_paths);
	*out = v;
	*n = cnt;
	return 0;
oom:
	bl_err_set(err, _("out of memory"));
fail:
	sqlite3_finalize(st);
	area_paths_free(paths, n_paths);
	bl_store_vdiff_src_free(v, cnt);
	return -1;
}

/* ---- amendments: reading ---- */

const char *bl_decision_key(bl_decision d)
{
	switch (d) {
	case BL_ADOPTED:
		return "adopted";
	case BL_REJECTED:
		return "rejected";
	case BL_WITHDRAWN:
		return "withdrawn";
	case BL_UNDECIDED:
		break;
	}
	return "undecided";
}

int bl_decision_from_key(const char *key, bl_decision *out)
{
	static const bl_decision all[] = { BL_UNDECIDED, BL_ADOPTED, BL_REJECTED, BL_WITHDRAWN };
	for (size_t i = 0; key && i < sizeof all / sizeof all[0]; i++)
		if (strcmp(key, bl_decision_key(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	return -1;
}

static void change_clear(bl_amend_change *c)
{
	free(c->code);
	free(c->title);
	free(c->area);
	memset(c, 0, sizeof *c);
}

void bl_amend_rec_clear(bl_amend_rec *a)
{
	if (!a)
		return;
	free(a->title);
	free(a->party);
	free(a->justification);
	free(a->decided_at);
	free(a->decided_by);
	free(a->decision_note);
	for (size_t i = 0; i < a->n_changes; i++)
		change_clear(&a->changes[i]);
	free(a->changes);
	memset(a, 0, sizeof *a);
}

void bl_amend_recs_free(bl_amend_rec *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		bl_amend_rec_clear(&v[i]);
	free(v);
}

#define AMENDMENT_COLS                                                        \
	"SELECT a.number, a.title, a.party, a.justification, coalesce(a.parent, 0)," \
	" a.tabled, a.late, a.decision, a.decided_at, a.decided_by, a.decision_note," \
	" a.decision = 'adopted' AND a.parent IS NOT NULL AND"                \
	" (SELECT p.decision FROM amendment p WHERE p.number = a.parent)"     \
	"  IN ('rejected', 'withdrawn') FROM amendment a"

static bool amendment_fill(sqlite3_stmt *st, void *elem)
{
	bl_amend_rec *a = elem;
	a->number = sqlite3_column_int64(st, 0);
	a->parent = sqlite3_column_int64(st, 4);
	const char *tabled = (const char *)sqlite3_column_text(st, 5);
	if (!tabled || bl_date_parse(tabled, &a->tabled, &(bl_err){ { 0 } }) != 0)
		memset(&a->tabled, 0, sizeof a->tabled);
	a->late = sqlite3_column_int(st, 6) != 0;
	const char *d = (const char *)sqlite3_column_text(st, 7);
	if (!d || bl_decision_from_key(d, &a->decision) != 0)
		a->decision = BL_UNDECIDED;
	a->lapsed = sqlite3_column_int(st, 11) != 0;
	return bl_col_dup(st, 1, &a->title) && bl_col_dup(st, 2, &a->party) &&
	       bl_col_dup(st, 3, &a->justification) && bl_col_dup(st, 8, &a->decided_at) &&
	       bl_col_dup(st, 9, &a->decided_by) && bl_col_dup(st, 10, &a->decision_note);
}

static void amendment_clear(void *elem)
{
	bl_amend_rec_clear(elem);
}

static int op_kind(const char *op, bl_change_kind *k)
{
	if (!op)
		return -1;
	if (strcmp(op, "set") == 0)
		*k = BL_CHANGE_SET;
	else if (strcmp(op, "delta") == 0)
		*k = BL_CHANGE_ADD_DELTA;
	else if (strcmp(op, "new") == 0)
		*k = BL_CHANGE_NEW_LINE;
	else if (strcmp(op, "remove") == 0)
		*k = BL_CHANGE_REMOVE_LINE;
	else
		return -1;
	return 0;
}

static const char *kind_op(bl_change_kind k)
{
	switch (k) {
	case BL_CHANGE_SET:
		return "set";
	case BL_CHANGE_ADD_DELTA:
		return "delta";
	case BL_CHANGE_NEW_LINE:
		return "new";
	case BL_CHANGE_REMOVE_LINE:
		break;
	}
	return "remove";
}

/* The changes of amendment a->number into a. */
static int changes_read(bl_store *s, bl_amend_rec *a, bl_err *err)
{
	sqlite3_stmt *st, *am;
	if (bl_prepare(s,
		      "SELECT seq, op, code, title, area, line_kind, direction FROM amendment_change"
		      " WHERE amendment = ?1 ORDER BY seq",
		      &st, err) != 0)
		return -1;
	if (bl_prepare(s,
		      "SELECT year, amount FROM amendment_change_amount WHERE amendment = ?1"
		      " AND seq = ?2 ORDER BY year",
		      &am, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, a->number);
	size_t cap = 0;
	int rc, ret = -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&a->changes, &cap, a->n_changes + 1, sizeof *a->changes))
			goto oom;
		bl_amend_change *c = &a->changes[a->n_changes];
		memset(c, 0, sizeof *c);
		a->n_changes++;
		if (op_kind((const char *)sqlite3_column_text(st, 1), &c->ch.kind) != 0)
			c->ch.kind = BL_CHANGE_REMOVE_LINE;
		if (!bl_col_dup(st, 2, &c->code) || !bl_col_dup(st, 3, &c->title) ||
		    !bl_col_dup(st, 4, &c->area))
			goto oom;
		const char *k = (const char *)sqlite3_column_text(st, 5);
		c->line_kind = k && strcmp(k, "capital") == 0 ? BL_KIND_CAPITAL : BL_KIND_OPERATION;
		const char *d = (const char *)sqlite3_column_text(st, 6);
		c->ch.dir = d && strcmp(d, "income") == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
		c->ch.code = c->code;
		sqlite3_reset(am);
		sqlite3_bind_int64(am, 1, a->number);
		sqlite3_bind_int64(am, 2, sqlite3_column_int64(st, 0));
		int r2;
		while ((r2 = sqlite3_step(am)) == SQLITE_ROW) {
			int year = sqlite3_column_int(am, 0);
			bl_money v = sqlite3_column_int64(am, 1);
			if (c->ch.kind == BL_CHANGE_NEW_LINE) {
				int i = year - s->info.budget_year;
				if (i >= 0 && i < BL_MAX_YEARS) {
					c->ch.amounts[i] = v;
					c->ch.has[i] = true;
				}
			} else {
				c->ch.year = year;
				c->ch.amount = v;
			}
		}
		if (r2 != SQLITE_DONE) {
			bl_store_fail(s, err);
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	ret = 0;
	goto out;
oom:
	bl_err_set(err, _("out of memory"));
out:
	sqlite3_finalize(st);
	sqlite3_finalize(am);
	return ret;
}

int bl_store_amendments(bl_store *s, bl_amend_rec **out, size_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (bl_prepare(s, AMENDMENT_COLS " ORDER BY a.number", &st, err) != 0)
		return -1;
	bl_amend_rec *v;
	size_t cnt;
	int rc = bl_rows_collect(s, st, sizeof *v, amendment_fill, amendment_clear, &v, &cnt,
				 err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < cnt; i++)
		if (changes_read(s, &v[i], err) != 0) {
			bl_amend_recs_free(v, cnt);
			return -1;
		}
	*out = v;
	*n = cnt;
	return 0;
}

int bl_store_amendment_get(bl_store *s, int64_t number, bl_amend_rec *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (bl_prepare(s, AMENDMENT_COLS " WHERE a.number = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!amendment_fill(st, out)) {
			sqlite3_finalize(st);
			bl_amend_rec_clear(out);
			return bl_err_set(err, _("out of memory"));
		}
	} else if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return bl_err_set(err, _("there is no amendment %" PRId64), number);
	} else {
		bl_store_fail(s, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (changes_read(s, out, err) != 0) {
		bl_amend_rec_clear(out);
		return -1;
	}
	return 0;
}

int bl_store_amendments_undecided(bl_store *s, int64_t **numbers, size_t *n,
				  int64_t *n_total, bl_err *err)
{
	*numbers = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT count(*) FROM amendment", &st, err) != 0 ||
	    q_int(s, st, n_total, err) != 0)
		return -1;
	if (bl_prepare(s, "SELECT number FROM amendment WHERE decision = 'undecided'"
			 " ORDER BY number",
		      &st, err) != 0)
		return -1;
	int rc = bl_rows_collect(s, st, sizeof **numbers, bl_row_int64, NULL, numbers, n, err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- the model's view of the amendments ---- */

/* bl_amendment views of recs (borrowing their changes' bl_change). */
bl_amendment *bl_amend_models(const bl_amend_rec *recs, size_t n, bl_change ***chs)
{
	bl_amendment *m = calloc(n ? n : 1, sizeof *m);
	bl_change **c = calloc(n ? n : 1, sizeof *c);
	*chs = NULL;
	if (!m || !c) {
		free(m);
		free(c);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const bl_amend_rec *r = &recs[i];
		if (!(c[i] = calloc(r->n_changes ? r->n_changes : 1, sizeof *c[i]))) {
			bl_amend_models_free(m, c, n);
			return NULL;
		}
		for (size_t k = 0; k < r->n_changes; k++) {
			c[i][k] = r->changes[k].ch;
			c[i][k].code = r->changes[k].code;
		}
		m[i] = (bl_amendment){ .number = (int)r->number, .title = r->title,
				       .party = r->party, .is_sub = r->parent != 0,
				       .parent = (int)r->parent, .changes = c[i],
				       .n_changes = r->n_changes };
	}
	*chs = c;
	return m;
}

void bl_amend_models_free(bl_amendment *m, bl_change **chs, size_t n)
{
	for (size_t i = 0; chs && i < n; i++)
		free(chs[i]);
	free(chs);
	free(m);
}

static const bl_amend_rec *rec_find(const bl_amend_rec *v, size_t n, int64_t number)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].number == number)
			return &v[i];
	return NULL;
}

/* Which of recs count for the adopted version: adopted, and a
 * sub-amendment only with its parent adopted. */
static bool counts_adopted(const bl_amend_rec *v, size_t n, const bl_amend_rec *r)
{
	if (r->decision != BL_ADOPTED)
		return false;
	if (!r->parent)
		return true;
	const bl_amend_rec *p = rec_find(v, n, r->parent);
	return p && p->decision == BL_ADOPTED;
}

/* The adopted version from base and recs. */
static int adopted_from(const bl_amend_budget *base, const bl_amend_rec *recs, size_t n,
			bl_amend_budget *out, bl_amend_source **sources, bl_err *err)
{
	bl_change **chs;
	bl_amendment *m = bl_amend_models(recs, n, &chs);
	const bl_amendment **sel = m ? calloc(n ? n : 1, sizeof *sel) : NULL;
	if (!sel) {
		bl_amend_models_free(m, chs, n);
		return bl_err_set(err, _("out of memory"));
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (counts_adopted(recs, n, &recs[i]))
			sel[k++] = &m[i];
	int rc = bl_amend_apply(base, sel, k, out, sources, err);
	free(sel);
	bl_amend_models_free(m, chs, n);
	return rc;
}

int bl_store_adopted_compute(bl_store *s, bl_amend_budget *out, bl_amend_source **sources,
			     bl_err *err)
{
	bool frozen;
	memset(out, 0, sizeof *out);
	if (sources)
		*sources = NULL;
	if (bl_store_first_reading_frozen(s, &frozen, err) != 0)
		return -1;
	if (!frozen)
		return bl_err_set(err, _("the first-reading version is not frozen yet; it is when"
					 " the process enters its first reading"));
	bl_amend_budget base;
	bl_amend_rec *recs;
	size_t n;
	if (bl_store_amend_base(s, "first_reading", &base, err) != 0)
		return -1;
	if (bl_store_amendments(s, &recs, &n, err) != 0) {
		bl_store_amend_base_free(&base);
		return -1;
	}
	int rc = adopted_from(&base, recs, n, out, sources, err);
	bl_amend_recs_free(recs, n);
	bl_store_amend_base_free(&base);
	return rc;
}

/* ---- deriving the adopted version ---- */

/* The new line that one of the adopted amendments adds with this code. */
static const bl_amend_change *new_line_change(const bl_amend_rec *v, size_t n,
					      const char *code)
{
	for (size_t i = 0; i < n; i++) {
		if (!counts_adopted(v, n, &v[i]))
			continue;
		for (size_t k = 0; k < v[i].n_changes; k++)
			if (v[i].changes[k].ch.kind == BL_CHANGE_NEW_LINE &&
			    strcmp(v[i].changes[k].code, code) == 0)
				return &v[i].changes[k];
	}
	return NULL;
}

/* The line's id, creating it if an adopted amendment adds it. */
static int line_for(bl_store *s, const bl_amend_rec *recs, size_t n, const bl_amend_line *l,
		    int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT id FROM line WHERE code = ?1", &st, err) != 0)
		return -1;
	bl_bind_text(st, 1, l->code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bl_store_fail(s, err);
	const bl_amend_change *c = new_line_change(recs, n, l->code);
	if (!c)
		return bl_err_set(err, _("line '%s' of the adopted version is not in the budget"),
				  l->code);
	bl_line nl = { .code = c->code, .title = c->title, .kind = c->line_kind,
		       .dir = c->ch.dir };
	if (bl_store_area_find(s, c->area, &nl.area_id, err) != 0)
		return bl_err_prefix(err, _("the new line '%s'"), c->code);
	return bl_store_insert_line(s, &nl, id, err);
}

/* Write the adopted version as out says, touching only the amounts that
 * differ from what it holds now (cur): a decision changes a few lines of
 * a budget of thousands, and every amount written runs the totals'
 * triggers.  Both are sorted by code (strcmp, as SQLite's BINARY
 * collation orders UTF-8). */
static int adopted_write(bl_store *s, int64_t ad, const bl_amend_budget *cur,
			 const bl_amend_budget *out, const bl_amend_rec *recs, size_t n,
			 int64_t *n_changed, bl_err *err)
{
	sqlite3_stmt *put = NULL, *del = NULL, *del_line = NULL;
	int rc = -1;
	*n_changed = 0;
	if (bl_prepare(s, "INSERT INTO amount (line_id, version_id, year, amount)"
			  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (line_id, version_id, year)"
			  " DO UPDATE SET amount = excluded.amount",
		       &put, err) != 0 ||
	    bl_prepare(s, "DELETE FROM amount WHERE line_id = ?1 AND version_id = ?2 AND year = ?3",
		       &del, err) != 0 ||
	    bl_prepare(s, "DELETE FROM amount WHERE version_id = ?2"
			  " AND line_id = (SELECT id FROM line WHERE code = ?1)",
		       &del_line, err) != 0)
		goto out;
	size_t i = 0, k = 0;
	while (i < out->n_lines || k < cur->n_lines) {
		int c = i == out->n_lines   ? 1
			: k == cur->n_lines ? -1
					    : strcmp(out->lines[i].code, cur->lines[k].code);
		if (c > 0) {
			/* In the adopted version now, not any more. */
			sqlite3_reset(del_line);
			bl_bind_text(del_line, 1, cur->lines[k].code);
			sqlite3_bind_int64(del_line, 2, ad);
			if (bl_step_done(s, del_line, err) != 0)
				goto out;
			(*n_changed)++;
			k++;
			continue;
		}
		const bl_amend_line *l = &out->lines[i];
		const bl_amend_line *o = c == 0 ? &cur->lines[k] : NULL;
		i++;
		if (o)
			k++;
		bool same = o != NULL;
		for (int y = 0; same && y < out->n_years; y++)
			same = l->has[y] == o->has[y] && (!l->has[y] || l->amount[y] == o->amount[y]);
		if (same)
			continue;
		int64_t id;
		if (line_for(s, recs, n, l, &id, err) != 0)
			goto out;
		(*n_changed)++;
		for (int y = 0; y < out->n_years; y++) {
			bool had = o && o->has[y];
			if (l->has[y] && (!had || o->amount[y] != l->amount[y])) {
				sqlite3_reset(put);
				sqlite3_bind_int64(put, 1, id);
				sqlite3_bind_int64(put, 2, ad);
				sqlite3_bind_int(put, 3, out->first_year + y);
				sqlite3_bind_int64(put, 4, l->amount[y]);
				if (bl_step_done(s, put, err) != 0)
					goto out;
			} else if (!l->has[y] && had) {
				sqlite3_reset(del);
				sqlite3_bind_int64(del, 1, id);
				sqlite3_bind_int64(del, 2, ad);
				sqlite3_bind_int(del, 3, out->first_year + y);
				if (bl_step_done(s, del, err) != 0)
					goto out;
			}
		}
	}
	rc = 0;
out:
	sqlite3_finalize(put);
	sqlite3_finalize(del);
	sqlite3_finalize(del_line);
	return rc;
}

static int derive_adopted(bl_store *s, bl_err *err)
{
	int64_t ad;
	bl_amend_budget base, out, cur;
	bl_amend_rec *recs;
	size_t n;
	if (bl_version_id(s, "adopted", &ad, err) != 0 ||
	    bl_store_amend_base(s, "first_reading", &base, err) != 0)
		return -1;
	if (bl_store_amendments(s, &recs, &n, err) != 0) {
		bl_store_amend_base_free(&base);
		return -1;
	}
	int rc = adopted_from(&base, recs, n, &out, NULL, err);
	bl_store_amend_base_free(&base);
	if (rc != 0) {
		bl_amend_recs_free(recs, n);
		return -1;
	}
	if (bl_store_amend_base(s, "adopted", &cur, err) != 0) {
		bl_amend_budget_free(&out);
		bl_amend_recs_free(recs, n);
		return -1;
	}
	sqlite3_stmt *j = NULL;
	int64_t n_amounts = 0, n_changed = 0;
	char list[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < out.n_lines; i++)
		for (int y = 0; y < out.n_years; y++)
			n_amounts += out.lines[i].has[y];
	s->deriving = true;
	rc = adopted_write(s, ad, &cur, &out, recs, n, &n_changed, err);
	s->deriving = false;
	if (rc != 0)
		goto out;
	rc = -1;
	if (bl_prepare(s, "INSERT INTO journal (at, actor, entity, key, action, before, after)"
			  " VALUES (bl_now(), bl_actor(), 'version', 'adopted', 'derive', NULL,"
			  " json_object('version', 'adopted', 'from', 'first_reading',"
			  " 'amendments', ?1, 'lines', ?2, 'amounts', ?3, 'changed', ?4))",
		       &j, err) != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (counts_adopted(recs, n, &recs[i]) && used + 24 < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%" PRId64,
						 used ? ", " : "", recs[i].number);
	bl_bind_text(j, 1, list);
	sqlite3_bind_int64(j, 2, (sqlite3_int64)out.n_lines);
	sqlite3_bind_int64(j, 3, n_amounts);
	sqlite3_bind_int64(j, 4, n_changed);
	rc = bl_step_done(s, j, err);
out:
	sqlite3_finalize(j);
	bl_store_amend_base_free(&cur);
	bl_amend_budget_free(&out);
	bl_amend_recs_free(recs, n);
	return rc;
}

/* ---- amendments: writing ---- */

static bool in_base(const bl_amend_budget *b, const char *code)
{
	for (size_t i = 0; i < b->n_lines; i++)
		if (strcmp(b->lines[i].code, code) == 0)
			return true;
	return false;
}

static bool parent_adds(const bl_amend_rec *p, const char *code)
{
	for (size_t k = 0; p && k < p->n_changes; k++)
		if (p->changes[k].ch.kind == BL_CHANGE_NEW_LINE &&
		    strcmp(p->changes[k].code, code) == 0)
			return true;
	return false;
}

static bool line_exists(bl_store *s, const char *code, bool *exists, bl_err *err)
{
	sqlite3_stmt *st;
	int64_t n;
	if (bl_prepare(s, "SELECT count(*) FROM line WHERE code = ?1", &st, err) != 0)
		return false;
	bl_bind_text(st, 1, code);
	if (q_int(s, st, &n, err) != 0)
		return false;
	*exists = n > 0;
	return true;
}

/* The amendment (not self, nor its parent) that adds line code as a new
 * line and is not rejected or withdrawn, or 0. */
static int added_by(bl_store *s, const char *code, int64_t self, int64_t parent, int64_t *by,
		    bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT min(c.amendment) FROM amendment_change c JOIN amendment a"
			  " ON a.number = c.amendment WHERE c.op = 'new' AND c.code = ?1"
			  " AND c.amendment NOT IN (?2, ?3)"
			  " AND a.decision IN ('undecided', 'adopted')",
		       &st, err) != 0)
		return -1;
	bl_bind_text(st, 1, code);
	sqlite3_bind_int64(st, 2, self);
	sqlite3_bind_int64(st, 3, parent);
	return q_int(s, st, by, err);
}

/* Check a against the first-reading version, under its number self. */
static int amendment_check(bl_store *s, const bl_amend_rec *a, int64_t self,
			   const bl_amend_budget *base, bl_err *err)
{
	char num[32];
	if (self)
		snprintf(num, sizeof num, _("amendment %" PRId64), self);
	else if (a->number > 0)
		snprintf(num, sizeof num, _("amendment %" PRId64), a->number);
	else
		snprintf(num, sizeof num, "%s", _("the new amendment"));
	if (a->number < 0)
		return bl_err_set(err, _("the amendment number must be 1 or more, not %" PRId64),
				  a->number);
	if (bl_blank(a->title))
		return bl_err_set(err, _("%s needs a title"), num);
	if (bl_blank(a->party))
		return bl_err_set(err, _("%s needs the party or group that tables it"), num);
	if (a->n_changes == 0)
		return bl_err_set(err, _("%s changes nothing; give at least one change"), num);
	if (a->n_changes > 1000)
		return bl_err_set(err, _("%s has %zu changes; at most 1000"), num, a->n_changes);
	bl_amend_rec parent = { 0 };
	bool have_parent = false;
	if (a->parent) {
		if (a->parent == self)
			return bl_err_set(err, _("%s cannot amend itself"), num);
		if (bl_store_amendment_get(s, a->parent, &parent, err) != 0)
			return bl_err_prefix(err, _("%s amends amendment %" PRId64), num,
					     a->parent);
		have_parent = true;
		int bad = 0;
		if (parent.parent)
			bad = bl_err_set(err, _("%s amends amendment %" PRId64 ", which is itself a"
						" sub-amendment (of %" PRId64 "); amend that one instead"),
					 num, a->parent, parent.parent);
		else if (parent.decision != BL_UNDECIDED)
			bad = bl_err_set(err, _("%s amends amendment %" PRId64 ", which was already"
						" %s"), num, a->parent,
					 bl_decision_key(parent.decision));
		if (bad) {
			bl_amend_rec_clear(&parent);
			return -1;
		}
	}
	int rc = 0;
	int last_year = s->info.budget_year + s->info.n_years - 1;
	for (size_t k = 0; rc == 0 && k < a->n_changes; k++) {
		const bl_amend_change *c = &a->changes[k];
		size_t no = k + 1;
		if (bl_blank(c->code)) {
			rc = bl_err_set(err, _("%s, change %zu: no line code"), num, no);
			break;
		}
		if (c->ch.kind == BL_CHANGE_NEW_LINE) {
			bool exists;
			if (!line_exists(s, c->code, &exists, err)) {
				rc = -1;
				break;
			}
			int64_t by = 0;
			if (in_base(base, c->code)) {
				rc = bl_err_set(err, _("%s, change %zu: line '%s' is in the first-reading"
						       " version already; change its amounts instead"),
						num, no, c->code);
				break;
			}
			if (exists && added_by(s, c->code, self, a->parent, &by, err) != 0) {
				rc = -1;
				break;
			}
			if (by) {
				rc = bl_err_set(err, _("%s, change %zu: line '%s' is added by amendment"
						       " %" PRId64 " already"), num, no, c->code, by);
				break;
			}
			if (bl_blank(c->title)) {
				rc = bl_err_set(err, _("%s, change %zu: the new line '%s' needs a"
						       " title"), num, no, c->code);
				break;
			}
			int64_t area;
			if (bl_blank(c->area)) {
				rc = bl_err_set(err, _("%s, change %zu: the new line '%s' needs an"
						       " area"), num, no, c->code);
				break;
			}
			if (bl_store_area_find(s, c->area, &area, err) != 0) {
				rc = bl_err_prefix(err, _("%s, change %zu, the new line '%s'"), num,
						   no, c->code);
				break;
			}
			bool any = false;
			for (int y = 0; y < s->info.n_years; y++)
				any = any || c->ch.has[y];
			for (int y = s->info.n_years; y < BL_MAX_YEARS; y++)
				if (c->ch.has[y]) {
					rc = bl_err_set(err, _("%s, change %zu: the year %d is outside"
							       " the process's years, %d to %d"),
							num, no, s->info.budget_year + y,
							s->info.budget_year, last_year);
					break;
				}
			if (rc == 0 && !any)
				rc = bl_err_set(err, _("%s, change %zu: the new line '%s' has no"
						       " amount in any year"), num, no, c->code);
			continue;
		}
		if (!in_base(base, c->code) && !(have_parent && parent_adds(&parent, c->code))) {
			bool exists;
			if (!line_exists(s, c->code, &exists, err)) {
				rc = -1;
				break;
			}
			int64_t by = 0;
			if (exists && added_by(s, c->code, self, 0, &by, err) != 0) {
				rc = -1;
				break;
			}
			if (by)
				rc = bl_err_set(err, _("%s, change %zu: line '%s' is not in the first-reading"
						       " version; amendment %" PRId64 " adds it, so a change"
						       " to it is a sub-amendment of %" PRId64 " (--parent),"
						       " tabled while %" PRId64 " is undecided"),
						num, no, c->code, by, by, by);
			else if (exists)
				rc = bl_err_set(err, _("%s, change %zu: line '%s' has no amount in the"
						       " first-reading version, so there is nothing to"
						       " change; add it as a new line instead"),
						num, no, c->code);
			else
				rc = bl_err_set(err, _("%s, change %zu: there is no line '%s' in the"
						       " budget"), num, no, c->code);
			break;
		}
		for (size_t j = 0; c->ch.kind == BL_CHANGE_SET && j < k; j++) {
			const bl_amend_change *p = &a->changes[j];
			if (p->ch.kind == BL_CHANGE_SET && p->ch.year == c->ch.year &&
			    strcmp(p->code, c->code) == 0) {
				rc = bl_err_set(err, _("%s, change %zu: line '%s' in %d is set by change"
						       " %zu already; give one amount for it"),
						num, no, c->code, c->ch.year, j + 1);
				break;
			}
		}
		if (rc != 0)
			break;
		if (c->ch.kind != BL_CHANGE_REMOVE_LINE &&
		    (c->ch.year < s->info.budget_year || c->ch.year > last_year))
			rc = bl_err_set(err, _("%s, change %zu (line '%s'): the year %d is outside"
					       " the process's years, %d to %d"),
					num, no, c->code, c->ch.year, s->info.budget_year,
					last_year);
		else if (c->ch.kind != BL_CHANGE_REMOVE_LINE && c->ch.amount == INT64_MIN)
			rc = bl_err_set(err, _("%s, change %zu (line '%s'): the amount is out of"
					       " range"), num, no, c->code);
	}
	/* The effect must be computable: an overflowing total is refused now,
	 * not when the council has voted.  A sub-amendment on top of its
	 * parent, since it may change lines only the parent adds. */
	if (rc == 0) {
		bl_amend_rec tmp = *a;
		tmp.number = self;
		bl_amend_rec both[2];
		size_t nb = 0;
		if (have_parent)
			both[nb++] = parent;
		both[nb++] = tmp;
		bl_change **chs;
		bl_amendment *m = bl_amend_models(both, nb, &chs);
		if (!m) {
			rc = bl_err_set(err, _("out of memory"));
		} else {
			const bl_amendment *sel[2] = { &m[0], nb > 1 ? &m[1] : NULL };
			bl_amend_budget out;
			if (bl_amend_apply(base, sel, nb, &out, NULL, err) != 0)
				rc = -1;
			else
				bl_amend_budget_free(&out);
			bl_amend_models_free(m, chs, nb);
		}
	}
	if (have_parent)
		bl_amend_rec_clear(&parent);
	return rc;
}

static int changes_write(bl_store *s, const bl_amend_rec *a, int64_t number, bl_err *err)
{
	sqlite3_stmt *ch = NULL, *am = NULL;
	int rc = -1;
	if (bl_prepare(s,
		      "INSERT INTO amendment_change (amendment, seq, op, code, title, area,"
		      " line_kind, direction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
		      &ch, err) != 0 ||
	    bl_prepare(s,
		      "INSERT INTO amendment_change_amount (amendment, seq, year, amount)"
		      " VALUES (?1, ?2, ?3, ?4)",
		      &am, err) != 0)
		goto out;
	for (size_t k = 0; k < a->n_changes; k++) {
		const bl_amend_change *c = &a->changes[k];
		bool nl = c->ch.kind == BL_CHANGE_NEW_LINE;
		sqlite3_reset(ch);
		sqlite3_clear_bindings(ch);
		sqlite3_bind_int64(ch, 1, number);
		sqlite3_bind_int64(ch, 2, (sqlite3_int64)k);
		bl_bind_text(ch, 3, kind_op(c->ch.kind));
		bl_bind_text(ch, 4, c->code);
		if (nl) {
			bl_bind_text(ch, 5, c->title);
			bl_bind_text(ch, 6, c->area);
			bl_bind_text(ch, 7, bl_kind_name(c->line_kind));
			bl_bind_text(ch, 8, bl_direction_name(c->ch.dir));
		}
		if (bl_step_done(s, ch, err) != 0)
			goto out;
		for (int y = 0; y < s->info.n_years; y++) {
			bool put = nl ? c->ch.has[y]
				      : (c->ch.kind != BL_CHANGE_REMOVE_LINE &&
					 c->ch.year == s->info.budget_year + y);
			if (!put)
				continue;
			sqlite3_reset(am);
			sqlite3_bind_int64(am, 1, number);
			sqlite3_bind_int64(am, 2, (sqlite3_int64)k);
			sqlite3_bind_int(am, 3, s->info.budget_year + y);
			sqlite3_bind_int64(am, 4, nl ? c->ch.amounts[y] : c->ch.amount);
			if (bl_step_done(s, am, err) != 0)
				goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(ch);
	sqlite3_finalize(am);
	return rc;
}

/* Amendments change amounts: none is tabled, corrected or decided while
 * the current phase locks them (after the adoption, say). */
static int locked_now(bl_store *s, bl_err *err)
{
	unsigned locks = 0;
	char *title = NULL;
	if (bl_store_lock_state(s, &locks, &title, err) != 0)
		return -1;
	int rc = 0;
	if (locks & BL_LOCK_AMOUNTS)
		/* The reason first: a screen's message line may cut the end. */
		rc = bl_err_set(err, _("amounts are locked during the phase '%s', so no amendment"
				       " can be tabled, corrected or decided now"),
				title ? title : "?");
	free(title);
	return rc;
}

/* The base the amendments are checked against, frozen. */
static int frozen_base(bl_store *s, bl_amend_budget *base, bl_err *err)
{
	bool frozen;
	if (bl_store_first_reading_frozen(s, &frozen, err) != 0)
		return -1;
	if (!frozen)
		return bl_err_set(err, _("amendments are tabled against the first-reading version,"
					 " which is frozen when the process enters its first"
					 " reading; it is not frozen yet"));
	return bl_store_amend_base(s, "first_reading", base, err);
}

int bl_store_amendment_add(bl_store *s, const bl_amend_rec *a, int64_t *number_out,
			   bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	bl_amend_budget base = { 0 };
	int rc = -1;
	int64_t number = a->number;
	sqlite3_stmt *st = NULL;
	if (frozen_base(s, &base, err) != 0 || locked_now(s, err) != 0)
		goto out;
	if (number < 0) {
		bl_err_set(err, _("the amendment number must be 1 or more, not %" PRId64), number);
		goto out;
	}
	if (number == 0) {
		if (bl_prepare(s, "SELECT coalesce(max(number), 0) + 1 FROM amendment", &st, err) != 0 ||
		    q_int(s, st, &number, err) != 0)
			goto out;
		st = NULL;
	} else {
		int64_t used;
		if (bl_prepare(s, "SELECT count(*) FROM amendment WHERE number = ?1", &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, number);
		if (q_int(s, st, &used, err) != 0)
			goto out;
		st = NULL;
		if (used) {
			bl_err_set(err, _("there is an amendment %" PRId64 " already; leave the number"
					  " out to take the next"), number);
			goto out;
		}
	}
	/* Checked under the number it gets, which its messages name. */
	if (amendment_check(s, a, number, &base, err) != 0)
		goto out;
	char date[11];
	bl_date_format(a->tabled, date);
	if (bl_prepare(s,
		      "INSERT INTO amendment (number, title, party, justification, parent, tabled,"
		      " late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, number);
	bl_bind_text(st, 2, a->title);
	bl_bind_text(st, 3, a->party);
	bl_bind_text(st, 4, bl_blank(a->justification) ? NULL : a->justification);
	if (a->parent)
		sqlite3_bind_int64(st, 5, a->parent);
	bl_bind_text(st, 6, date);
	sqlite3_bind_int(st, 7, a->late);
	if (bl_step_done(s, st, err) != 0 || changes_write(s, a, number, err) != 0)
		goto out;
	if (number_out)
		*number_out = number;
	rc = 0;
out:
	sqlite3_finalize(st);
	bl_store_amend_base_free(&base);
	return bl_write_end(s, outer, rc, err);
}

/* The amendment's decision; -1 with "there is no amendment N". */
static int decision_of(bl_store *s, int64_t number, bl_amend_rec *out, bl_err *err)
{
	return bl_store_amendment_get(s, number, out, err);
}

static int already_decided(const bl_amend_rec *r, bl_err *err)
{
	return bl_err_set(err, _("amendment %" PRId64 " was already %s on %.10s by %s; a decided"
				 " amendment is never changed"),
			  r->number, bl_decision_key(r->decision),
			  r->decided_at ? r->decided_at : "?", r->decided_by ? r->decided_by : "?");
}

int bl_store_amendment_update(bl_store *s, const bl_amend_rec *a, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	bl_amend_budget base = { 0 };
	bl_amend_rec old = { 0 };
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (decision_of(s, a->number, &old, err) != 0)
		goto out;
	if (old.decision != BL_UNDECIDED) {
		already_decided(&old, err);
		goto out;
	}
	if (frozen_base(s, &base, err) != 0 || locked_now(s, err) != 0 ||
	    amendment_check(s, a, a->number, &base, err) != 0)
		goto out;
	/* Sub-amendments of this one must still apply on top of it. */
	char date[11];
	bl_date_format(a->tabled, date);
	if (bl_prepare(s, "DELETE FROM amendment_change WHERE amendment = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, a->number);
	if (bl_step_done(s, st, err) != 0)
		goto out;
	sqlite3_finalize(st);
	if (bl_prepare(s,
		      "UPDATE amendment SET title = ?2, party = ?3, justification = ?4, parent = ?5,"
		      " tabled = ?6, late = ?7 WHERE number = ?1",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, a->number);
	bl_bind_text(st, 2, a->title);
	bl_bind_text(st, 3, a->party);
	bl_bind_text(st, 4, bl_blank(a->justification) ? NULL : a->justification);
	if (a->parent)
		sqlite3_bind_int64(st, 5, a->parent);
	bl_bind_text(st, 6, date);
	sqlite3_bind_int(st, 7, a->late);
	if (bl_step_done(s, st, err) != 0 || changes_write(s, a, a->number, err) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	bl_amend_rec_clear(&old);
	bl_store_amend_base_free(&base);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_amendment_decide(bl_store *s, int64_t number, bl_decision d, const char *note,
			      bl_err *err)
{
	if (d == BL_UNDECIDED)
		return bl_err_set(err, _("a decision is adopted, rejected or withdrawn"));
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	bl_amend_rec r = { 0 };
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (decision_of(s, number, &r, err) != 0)
		goto out;
	if (r.decision != BL_UNDECIDED) {
		already_decided(&r, err);
		goto out;
	}
	if (locked_now(s, err) != 0)
		goto out;
	if (bl_prepare(s,
		      "UPDATE amendment SET decision = ?2, decided_at = bl_now(),"
		      " decided_by = bl_actor(), decision_note = ?3 WHERE number = ?1",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, number);
	bl_bind_text(st, 2, bl_decision_key(d));
	bl_bind_text(st, 3, bl_blank(note) ? NULL : note);
	if (bl_step_done(s, st, err) != 0)
		goto out;
	if (derive_adopted(s, err) != 0) {
		bl_err_prefix(err, _("amendment %" PRId64 " cannot be %s together with those"
				     " adopted already; nothing was changed"),
			      number, bl_decision_key(d));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	bl_amend_rec_clear(&r);
	return bl_write_end(s, outer, rc, err);
}

/* ---- an accepted deficit ---- */

int bl_store_deficit_accept(bl_store *s, const char *version, const char *reason,
			    bl_err *err)
{
	if (bl_blank(reason))
		return bl_err_set(err, _("accepting a deficit needs a reason, for the journal"));
	int64_t vid;
	bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS];
	if (bl_version_id(s, version, &vid, err) != 0 ||
	    bl_store_year_totals(s, version, inc, exp, err) != 0)
		return -1;
	bool any = false;
	bl_money def[BL_MAX_YEARS] = { 0 };
	for (int y = 0; y < s->info.n_years; y++) {
		bl_money bal;
		if (!bl_money_sub(inc[y], exp[y], &bal))
			return bl_err_set(err, _("the balance of %d does not fit"),
					  s->info.budget_year + y);
		if (bal < 0) {
			def[y] = -bal;
			any = true;
		}
	}
	if (!any)
		return bl_err_set(err, _("every year of the %s version balances; there is no"
					 " deficit to accept"), version);
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (bl_prepare(s,
		      "INSERT INTO deficit_accept (version_id, reason, at, actor)"
		      " VALUES (?1, ?2, bl_now(), bl_actor())",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, vid);
	bl_bind_text(st, 2, reason);
	if (bl_step_done(s, st, err) != 0)
		goto out;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	sqlite3_finalize(st);
	if (bl_prepare(s,
		      "INSERT INTO deficit_accept_year (accept_id, year, deficit) VALUES (?1, ?2, ?3)",
		      &st, err) != 0)
		goto out;
	for (int y = 0; y < s->info.n_years; y++) {
		if (!def[y])
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, s->info.budget_year + y);
		sqlite3_bind_int64(st, 3, def[y]);
		if (bl_step_done(s, st, err) != 0)
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_deficit_accepted(bl_store *s, const char *version, bool *has,
			      bl_money *accepted, char **reason, bl_err *err)
{
	*has = false;
	if (reason)
		*reason = NULL;
	for (int y = 0; y < s->info.n_years; y++)
		accepted[y] = 0;
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0)
		return -1;
	sqlite3_stmt *st;
	if (bl_prepare(s,
		      "SELECT id, reason FROM deficit_accept WHERE version_id = ?1"
		      " ORDER BY id DESC LIMIT 1",
		      &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return bl_store_fail(s, err);
	}
	int64_t id = sqlite3_column_int64(st, 0);
	if (reason && !bl_col_dup(st, 1, reason)) {
		sqlite3_finalize(st);
		return bl_err_set(err, _("out of memory"));
	}
	sqlite3_finalize(st);
	if (bl_prepare(s, "SELECT year, deficit FROM deficit_accept_year WHERE accept_id = ?1",
		      &st, err) != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int y = sqlite3_column_int(st, 0) - s->info.budget_year;
		if (y >= 0 && y < s->info.n_years)
			accepted[y] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto fail;
	}
	*has = true;
	return 0;
fail:
	if (reason) {
		free(*reason);
		*reason = NULL;
	}
	return -1;
}
