/* lab_store.c: labs, sessions, participants, ideas and ballots (schema
 * 3).  See lab_store.h.
 *
 * These statements run a few times per command or key press (a ballot is
 * one insert and a few marks), so they are prepared per call rather than
 * cached in bl_store.stmt; the Pabulib import, which writes thousands of
 * ballots, prepares its statements once. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/text.h"
#include "store/lab_store.h"
#include "store/store_internal.h"

/* ---- small helpers ---- */

static int prep(bl_store *s, const char *sql, sqlite3_stmt **st, bl_err *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return bl_store_fail(s, err);
	}
	return 0;
}

static void btext(sqlite3_stmt *st, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bid(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Step a statement that returns at most one integer: 1 with *v set, 0
 * with no row, -1 on error. */
static int one_int(bl_store *s, sqlite3_stmt *st, int64_t *v, bl_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		return 1;
	}
	if (rc == SQLITE_DONE)
		return 0;
	return bl_store_fail(s, err);
}

static int run(bl_store *s, sqlite3_stmt *st, bl_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return bl_store_fail(s, err);
}

static char *dup_col(sqlite3_stmt *st, int col, bool *oom)
{
	char *out = NULL;
	if (!bl_col_dup(st, col, &out))
		*oom = true;
	return out;
}

/* A free-text field: NULL is allowed where the schema allows it; else
 * valid UTF-8 without control characters (newlines allowed where said),
 * at most max bytes. */
static int text_ok(const char *field, const char *v, bool required, size_t max,
		   bool newline, bl_err *err)
{
	if (!v || !*v) {
		if (required)
			return bl_err_set(err, _("%s: must not be empty"), field);
		return 0;
	}
	if (strlen(v) > max)
		return bl_err_set(err, _("%s: at most %zu bytes (this is %zu)"), field, max,
				  strlen(v));
	if (!bl_utf8_valid(v, strlen(v)))
		return bl_err_set(err, _("%s: not valid UTF-8"), field);
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if ((*p < 0x20 && !(newline && (*p == '\n' || *p == '\t'))) || *p == 0x7f)
			return bl_err_set(err, _("%s: contains a control character; expected"
						 " plain text"), field);
	bool blank = true;
	for (const char *p = v; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			blank = false;
	if (blank && required)
		return bl_err_set(err, _("%s: must not be empty"), field);
	return 0;
}

/* The area's path ("BSU/SKOLE") into *out (malloc'd), NULL for id 0. */
static int area_path(bl_store *s, int64_t id, char **out, bl_err *err)
{
	*out = NULL;
	if (!id)
		return 0;
	sqlite3_stmt *st;
	if (prep(s, "WITH RECURSIVE p(id, parent_id, path) AS ("
		    " SELECT id, parent_id, code FROM area WHERE id = ?1"
		    " UNION ALL SELECT a.id, a.parent_id, a.code || '/' || p.path"
		    " FROM area a JOIN p ON a.id = p.parent_id)"
		    " SELECT path FROM p WHERE parent_id IS NULL", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		if (!bl_col_dup(st, 0, out))
			ret = bl_err_set(err, _("out of memory"));
	} else if (rc != SQLITE_DONE) {
		ret = bl_store_fail(s, err);
	}
	sqlite3_finalize(st);
	return ret;
}

static int area_id(bl_store *s, const char *ref, int64_t *id, bl_err *err)
{
	*id = 0;
	if (!ref || !*ref)
		return 0;
	return bl_store_area_find(s, ref, id, err);
}

/* Explicit journal entry (for what no trigger can see whole: a ballot
 * and its marks, an import). */
static int journal(bl_store *s, const char *entity, int64_t lab, const char *action,
		   const char *before, const char *after, bl_err *err)
{
	sqlite3_stmt *st;
	if (prep(s, "INSERT INTO journal (at, actor, entity, key, action, before, after)"
		    " VALUES (bl_now(), bl_actor(), ?1, printf('lab:%d', ?2), ?3, ?4, ?5)",
		 &st, err) != 0)
		return -1;
	btext(st, 1, entity);
	sqlite3_bind_int64(st, 2, lab);
	btext(st, 3, action);
	btext(st, 4, before);
	btext(st, 5, after);
	int rc = run(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

static int lab_exists(bl_store *s, int64_t lab, bl_err *err)
{
	sqlite3_stmt *st;
	if (prep(s, "SELECT 1 FROM lab WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	int64_t v = 0;
	int rc = one_int(s, st, &v, err);
	sqlite3_finalize(st);
	if (rc == 0)
		return bl_err_set(err, _("there is no lab %" PRId64 " (`budgetlab labs DB` lists"
					 " them)"), lab);
	return rc < 0 ? -1 : 0;
}

/* ---- names ---- */

static const char *const lab_status_names[] = { "open", "voting", "closed" };
static const char *const idea_status_names[] = { "proposed", "costed", "feasible", "on_ballot",
						 "withdrawn" };
static const char *const method_names[] = { "paper", "laptop", "file" };

#define NAME_FNS(fn_name, fn_from, type, table)                                \
	const char *fn_name(type v)                                            \
	{                                                                      \
		return (size_t)v < sizeof table / sizeof table[0] ? table[v] : NULL; \
	}                                                                      \
	int fn_from(const char *name, type *out)                               \
	{                                                                      \
		for (size_t i = 0; name && i < sizeof table / sizeof table[0]; i++) \
			if (strcmp(name, table[i]) == 0) {                      \
				*out = (type)i;                                 \
				return 0;                                       \
			}                                                       \
		return -1;                                                     \
	}

NAME_FNS(bl_lab_status_name, bl_lab_status_from_name, bl_lab_status, lab_status_names)
NAME_FNS(bl_idea_status_name, bl_idea_status_from_name, bl_idea_status, idea_status_names)
NAME_FNS(bl_ballot_method_name, bl_ballot_method_from_name, bl_ballot_method, method_names)

/* ---- labs ---- */

void bl_lab_clear(bl_lab *l)
{
	if (!l)
		return;
	free(l->theme);
	free(l->ballot_type);
	free(l->area);
	free(l->rule);
	free(l->tie_break);
	memset(l, 0, sizeof *l);
}

void bl_labs_free(bl_lab *labs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_lab_clear(&labs[i]);
	free(labs);
}

static int lab_valid(const bl_lab *l, bl_err *err)
{
	if (text_ok(_("theme"), l->theme, true, 200, false, err) != 0)
		return -1;
	if (l->pool < 0)
		return bl_err_set(err, _("pool: cannot be negative"));
	if (!bl_pb_vote_type_name(l->vote_type))
		return bl_err_set(err, _("vote type: unknown"));
	if ((size_t)l->status >= 3)
		return bl_err_set(err, _("status: expected open, voting or closed"));
	return 0;
}

int bl_store_lab_add(bl_store *s, const bl_lab *l, int64_t *id_out, bl_err *err)
{
	if (lab_valid(l, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t aid = 0, id = l->id;
	sqlite3_stmt *st = NULL;
	if (area_id(s, l->area, &aid, err) != 0)
		goto out;
	if (!id) {
		if (prep(s, "SELECT coalesce(max(id), 0) + 1 FROM lab", &st, err) != 0 ||
		    one_int(s, st, &id, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (prep(s, "INSERT INTO lab (id, theme, pool, vote_type, ballot_type, area_id, rule,"
		    " tie_break, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	btext(st, 2, l->theme);
	sqlite3_bind_int64(st, 3, l->pool);
	btext(st, 4, bl_pb_vote_type_name(l->vote_type));
	btext(st, 5, l->ballot_type);
	bid(st, 6, aid);
	btext(st, 7, l->rule);
	btext(st, 8, l->tie_break);
	btext(st, 9, bl_lab_status_name(l->status));
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
			bl_err_set(err, _("there is already a lab %" PRId64), id);
		else
			bl_store_fail(s, err);
		goto out;
	}
	if (id_out)
		*id_out = id;
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_lab_update(bl_store *s, const bl_lab *l, bl_err *err)
{
	if (lab_valid(l, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t aid = 0;
	sqlite3_stmt *st = NULL;
	if (lab_exists(s, l->id, err) != 0 || area_id(s, l->area, &aid, err) != 0)
		goto out;
	if (prep(s, "UPDATE lab SET theme = ?2, pool = ?3, ballot_type = ?4, area_id = ?5,"
		    " rule = ?6, tie_break = ?7, status = ?8 WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, l->id);
	btext(st, 2, l->theme);
	sqlite3_bind_int64(st, 3, l->pool);
	btext(st, 4, l->ballot_type);
	bid(st, 5, aid);
	btext(st, 6, l->rule);
	btext(st, 7, l->tie_break);
	btext(st, 8, bl_lab_status_name(l->status));
	rc = run(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

#define LAB_COLS                                                               \
	"SELECT l.id, l.theme, l.pool, l.vote_type, l.ballot_type, l.area_id, l.rule," \
	" l.tie_break, l.status,"                                              \
	" (SELECT count(*) FROM session WHERE lab_id = l.id),"                 \
	" (SELECT count(*) FROM participant WHERE lab_id = l.id),"             \
	" (SELECT count(*) FROM idea WHERE lab_id = l.id),"                    \
	" (SELECT count(*) FROM ballot WHERE lab_id = l.id AND void_reason IS NULL)," \
	" (SELECT count(*) FROM ballot WHERE lab_id = l.id AND void_reason IS NOT NULL)" \
	" FROM lab l"

static int lab_read(bl_store *s, sqlite3_stmt *st, bl_lab *l, bl_err *err)
{
	bool oom = false;
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	l->theme = dup_col(st, 1, &oom);
	l->pool = sqlite3_column_int64(st, 2);
	const char *vt = (const char *)sqlite3_column_text(st, 3);
	if (!vt || bl_pb_vote_type_from_name(vt, &l->vote_type) != 0)
		l->vote_type = BL_VOTE_APPROVAL;
	l->ballot_type = dup_col(st, 4, &oom);
	l->rule = dup_col(st, 6, &oom);
	l->tie_break = dup_col(st, 7, &oom);
	const char *status = (const char *)sqlite3_column_text(st, 8);
	if (!status || bl_lab_status_from_name(status, &l->status) != 0)
		l->status = BL_LAB_OPEN;
	l->n_sessions = (size_t)sqlite3_column_int64(st, 9);
	l->n_participants = (size_t)sqlite3_column_int64(st, 10);
	l->n_ideas = (size_t)sqlite3_column_int64(st, 11);
	l->n_ballots = (size_t)sqlite3_column_int64(st, 12);
	l->n_void = (size_t)sqlite3_column_int64(st, 13);
	if (oom || !l->theme) {
		bl_lab_clear(l);
		return bl_err_set(err, _("out of memory"));
	}
	if (area_path(s, sqlite3_column_int64(st, 5), &l->area, err) != 0) {
		bl_lab_clear(l);
		return -1;
	}
	return 0;
}

int bl_store_lab_get(bl_store *s, int64_t id, bl_lab *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (prep(s, LAB_COLS " WHERE l.id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), ret;
	if (rc == SQLITE_ROW)
		ret = lab_read(s, st, out, err);
	else if (rc == SQLITE_DONE)
		ret = bl_err_set(err, _("there is no lab %" PRId64 " (`budgetlab labs DB` lists"
					" them)"), id);
	else
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

int bl_store_labs(bl_store *s, bl_lab **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(s, LAB_COLS " ORDER BY l.id", &st, err) != 0)
		return -1;
	bl_lab *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		if (lab_read(s, st, &v[cnt], err) != 0) {
			ret = -1;
			break;
		}
		cnt++;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	if (ret != 0) {
		bl_labs_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

/* ---- sessions ---- */

void bl_sessions_free(bl_session *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].place);
		free(v[i].facilitator);
	}
	free(v);
}

int bl_store_session_add(bl_store *s, const bl_session *v, int64_t *id_out, bl_err *err)
{
	bl_date d;
	if (bl_date_parse(v->date, &d, err) != 0)
		return bl_err_prefix(err, _("date"));
	if (text_ok(_("place"), v->place, true, 200, false, err) != 0 ||
	    text_ok(_("facilitator"), v->facilitator, true, 200, false, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (lab_exists(s, v->lab_id, err) != 0 ||
	    prep(s, "INSERT INTO session (lab_id, date, place, facilitator)"
		    " VALUES (?1, ?2, ?3, ?4)", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, v->lab_id);
	btext(st, 2, v->date);
	btext(st, 3, v->place);
	btext(st, 4, v->facilitator);
	if (run(s, st, err) != 0)
		goto out;
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(s->db);
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_sessions(bl_store *s, int64_t lab_id, bl_session **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(s, "SELECT id, lab_id, date, place, facilitator FROM session"
		    " WHERE lab_id = ?1 ORDER BY date, id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	bl_session *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		bl_session *e = &v[cnt];
		memset(e, 0, sizeof *e);
		bool oom = false;
		e->id = sqlite3_column_int64(st, 0);
		e->lab_id = sqlite3_column_int64(st, 1);
		const char *d = (const char *)sqlite3_column_text(st, 2);
		snprintf(e->date, sizeof e->date, "%s", d ? d : "");
		e->place = dup_col(st, 3, &oom);
		e->facilitator = dup_col(st, 4, &oom);
		cnt++;
		if (oom) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
	}
	if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	if (ret != 0) {
		bl_sessions_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

static int session_in_lab(bl_store *s, int64_t lab, int64_t session, bl_err *err)
{
	if (!session)
		return 0;
	sqlite3_stmt *st;
	if (prep(s, "SELECT 1 FROM session WHERE id = ?1 AND lab_id = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	sqlite3_bind_int64(st, 2, lab);
	int64_t v = 0;
	int rc = one_int(s, st, &v, err);
	sqlite3_finalize(st);
	if (rc == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no session %" PRId64
					 " (`budgetlab sessions DB LAB` lists them)"), lab, session);
	return rc < 0 ? -1 : 0;
}

/* ---- participants ---- */

void bl_participant_clear(bl_participant *p)
{
	if (!p)
		return;
	free(p->name);
	for (size_t i = 0; i < p->n_cats; i++) {
		free(p->cats[i].category);
		free(p->cats[i].value);
	}
	free(p->cats);
	memset(p, 0, sizeof *p);
}

void bl_participants_free(bl_participant *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_participant_clear(&v[i]);
	free(v);
}

static int participant_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (prep(s, "SELECT id FROM participant WHERE lab_id = ?1 AND number = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	sqlite3_bind_int64(st, 2, number);
	int rc = one_int(s, st, id, err);
	sqlite3_finalize(st);
	if (rc == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no participant %" PRId64), lab,
				  number);
	return rc < 0 ? -1 : 0;
}

int bl_store_participant_add(bl_store *s, const bl_participant *p, int64_t *number_out,
			     bl_err *err)
{
	if (p->number < 0)
		return bl_err_set(err, _("participant number: expected a number from 1"));
	if (p->name && text_ok(_("name"), p->name, true, 200, false, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t number = p->number, id = 0;
	sqlite3_stmt *st = NULL;
	if (lab_exists(s, p->lab_id, err) != 0 || session_in_lab(s, p->lab_id, p->session_id, err) != 0)
		goto out;
	if (!number) {
		if (prep(s, "SELECT coalesce(max(number), 0) + 1 FROM participant WHERE lab_id = ?1",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, p->lab_id);
		if (one_int(s, st, &number, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (prep(s, "INSERT INTO participant (lab_id, number, session_id) VALUES (?1, ?2, ?3)",
		 &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, p->lab_id);
	sqlite3_bind_int64(st, 2, number);
	bid(st, 3, p->session_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
			bl_err_set(err, _("lab %" PRId64 " already has a participant %" PRId64),
				   p->lab_id, number);
		else
			bl_store_fail(s, err);
		goto out;
	}
	id = sqlite3_last_insert_rowid(s->db);
	sqlite3_finalize(st);
	st = NULL;
	if (p->name) {
		if (prep(s, "INSERT INTO participant_name (participant_id, name) VALUES (?1, ?2)",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, id);
		btext(st, 2, p->name);
		if (run(s, st, err) != 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (p->n_cats) {
		if (prep(s, "INSERT INTO participant_category (participant_id, category, value)"
			    " VALUES (?1, ?2, ?3)", &st, err) != 0)
			goto out;
		for (size_t i = 0; i < p->n_cats; i++) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			btext(st, 2, p->cats[i].category);
			btext(st, 3, p->cats[i].value);
			if (sqlite3_step(st) != SQLITE_DONE) {
				if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
					bl_err_set(err, _("category '%s' is given twice"),
						   p->cats[i].category);
				else
					bl_store_fail(s, err);
				goto out;
			}
		}
	}
	if (number_out)
		*number_out = number;
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_participant_delete(bl_store *s, int64_t lab_id, int64_t number, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id = 0, n = 0;
	sqlite3_stmt *st = NULL;
	if (participant_id(s, lab_id, number, &id, err) != 0 ||
	    prep(s, "SELECT count(*) FROM ballot WHERE participant_id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	if (one_int(s, st, &n, err) < 0)
		goto out;
	if (n) {
		bl_err_set(err, _("participant %" PRId64 " has cast a ballot and stays on the"
				  " list; void the ballot if it was a mistake"), number);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (prep(s, "DELETE FROM participant WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	rc = run(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_participants(bl_store *s, int64_t lab_id, bool with_names,
			  bl_participant **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st, *cs = NULL;
	/* The name table is read only when asked for, so that the projected
	 * view's code path never even selects it. */
	if (prep(s, with_names
		 ? "SELECT p.id, p.lab_id, p.number, p.session_id, n.name FROM participant p"
		   " LEFT JOIN participant_name n ON n.participant_id = p.id"
		   " WHERE p.lab_id = ?1 ORDER BY p.number"
		 : "SELECT p.id, p.lab_id, p.number, p.session_id, NULL FROM participant p"
		   " WHERE p.lab_id = ?1 ORDER BY p.number", &st, err) != 0)
		return -1;
	if (prep(s, "SELECT category, value FROM participant_category WHERE participant_id = ?1"
		    " ORDER BY category", &cs, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, lab_id);
	bl_participant *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		bl_participant *e = &v[cnt++];
		memset(e, 0, sizeof *e);
		bool oom = false;
		e->id = sqlite3_column_int64(st, 0);
		e->lab_id = sqlite3_column_int64(st, 1);
		e->number = sqlite3_column_int64(st, 2);
		e->session_id = sqlite3_column_int64(st, 3);
		e->name = dup_col(st, 4, &oom);
		sqlite3_reset(cs);
		sqlite3_bind_int64(cs, 1, e->id);
		size_t ccap = 0;
		int crc;
		while (!oom && (crc = sqlite3_step(cs)) == SQLITE_ROW) {
			if (!bl_grow((void *)&e->cats, &ccap, e->n_cats + 1, sizeof *e->cats)) {
				oom = true;
				break;
			}
			bl_participant_cat *c = &e->cats[e->n_cats++];
			c->category = dup_col(cs, 0, &oom);
			c->value = dup_col(cs, 1, &oom);
		}
		if (oom)
			ret = bl_err_set(err, _("out of memory"));
		else if (crc != SQLITE_DONE)
			ret = bl_store_fail(s, err);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	sqlite3_finalize(cs);
	if (ret != 0) {
		bl_participants_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int bl_store_participant_counts(bl_store *s, int64_t lab_id, const bl_category *c,
				size_t *counts, size_t *total, bl_err *err)
{
	for (size_t i = 0; i < c->n_values; i++)
		counts[i] = 0;
	*total = 0;
	sqlite3_stmt *st;
	if (prep(s, "SELECT count(*) FROM participant WHERE lab_id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	int64_t t = 0;
	int rc = one_int(s, st, &t, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	*total = (size_t)t;
	if (prep(s, "SELECT c.value, count(*) FROM participant_category c"
		    " JOIN participant p ON p.id = c.participant_id"
		    " WHERE p.lab_id = ?1 AND c.category = ?2 GROUP BY c.value", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	btext(st, 2, c->key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *val = (const char *)sqlite3_column_text(st, 0);
		int k = val ? bl_lab_value(c, val) : -1;
		if (k >= 0)
			counts[k] = (size_t)sqlite3_column_int64(st, 1);
	}
	int ret = rc == SQLITE_DONE ? 0 : bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

/* ---- ideas ---- */

const char *bl_pillar_name(int pillar)
{
	static const char *const names[] = { "social", "economic", "environmental" };
	return pillar >= 0 && pillar < 3 ? names[pillar] : NULL;
}

void bl_idea_clear(bl_idea *i)
{
	if (!i)
		return;
	free(i->goals);
	free(i->title);
	free(i->description);
	free(i->proposer);
	free(i->area);
	free(i->feasibility);
	free(i->pb_id);
	free(i->pb_extra);
	memset(i, 0, sizeof *i);
}

void bl_ideas_free(bl_idea *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_idea_clear(&v[i]);
	free(v);
}

int bl_idea_total(const bl_idea *i, bl_money *out, bl_err *err)
{
	bl_money t = 0;
	for (int y = 0; y < BL_MAX_YEARS; y++)
		if (i->has_cost[y] && __builtin_add_overflow(t, i->cost[y], &t))
			return bl_err_set(err, _("idea %" PRId64 ": its costs add up to more than"
						 " can be counted"), i->number);
	*out = t;
	return 0;
}

static int idea_valid(bl_store *s, const bl_idea *i, bl_err *err)
{
	if (text_ok(_("title"), i->title, true, 200, false, err) != 0 ||
	    text_ok(_("description"), i->description, false, 4000, true, err) != 0 ||
	    text_ok(_("proposer"), i->proposer, false, 200, false, err) != 0 ||
	    text_ok(_("feasibility"), i->feasibility, false, 4000, true, err) != 0)
		return -1;
	if ((size_t)i->status >= 5)
		return bl_err_set(err, _("status: expected proposed, costed, feasible, on_ballot"
					 " or withdrawn"));
	for (int k = 0; k < 3; k++)
		if (i->has_pillar[k] && (i->pillar[k] < -2 || i->pillar[k] > 2))
			return bl_err_set(err, _("%s: expected an assessment from -2 to +2"),
					  bl_pillar_name(k));
	for (size_t g = 0; g < i->n_goals; g++)
		if (bl_goal_exists(s, i->goals[g], err) != 0)
			return -1;
	bl_money t;
	for (int y = 0; y < BL_MAX_YEARS; y++)
		if (i->has_cost[y] && i->cost[y] < 0)
			return bl_err_set(err, _("cost %d: cannot be negative"), s->info.budget_year + y);
	return bl_idea_total(i, &t, err);
}

static int idea_costs_write(bl_store *s, int64_t id, const bl_idea *i, bl_err *err)
{
	sqlite3_stmt *del, *ins;
	if (prep(s, "DELETE FROM idea_cost WHERE idea_id = ?1 AND year = ?2", &del, err) != 0)
		return -1;
	if (prep(s, "INSERT INTO idea_cost (idea_id, year, amount) VALUES (?1, ?2, ?3)"
		    " ON CONFLICT (idea_id, year) DO UPDATE SET amount = excluded.amount"
		    " WHERE amount IS NOT excluded.amount", &ins, err) != 0) {
		sqlite3_finalize(del);
		return -1;
	}
	int ret = 0;
	for (int y = 0; ret == 0 && y < s->info.n_years && y < BL_MAX_YEARS; y++) {
		sqlite3_stmt *st = i->has_cost[y] ? ins : del;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, s->info.budget_year + y);
		if (i->has_cost[y])
			sqlite3_bind_int64(st, 3, i->cost[y]);
		ret = run(s, st, err);
	}
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return ret;
}

/* The idea's goals become exactly i's: links not wanted are removed,
 * new ones added (so that the journal shows only what changed). */
static int idea_goals_write(bl_store *s, int64_t id, const bl_idea *i, bl_err *err)
{
	sqlite3_stmt *del, *ins;
	if (prep(s, "DELETE FROM idea_goal WHERE idea_id = ?1 AND goal_id NOT IN"
		    " (SELECT value FROM json_each(?2))", &del, err) != 0)
		return -1;
	char *list = malloc(8 + i->n_goals * 24);
	if (!list) {
		sqlite3_finalize(del);
		return bl_err_set(err, _("out of memory"));
	}
	size_t len = (size_t)sprintf(list, "[");
	for (size_t g = 0; g < i->n_goals; g++)
		len += (size_t)sprintf(list + len, "%s%" PRId64, g ? "," : "", i->goals[g]);
	sprintf(list + len, "]");
	sqlite3_bind_int64(del, 1, id);
	sqlite3_bind_text(del, 2, list, -1, SQLITE_STATIC);
	int rc = run(s, del, err);
	sqlite3_finalize(del);
	free(list);
	if (rc != 0 || prep(s, "INSERT OR IGNORE INTO idea_goal (idea_id, goal_id) VALUES (?1, ?2)",
			    &ins, err) != 0)
		return -1;
	for (size_t g = 0; rc == 0 && g < i->n_goals; g++) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, i->goals[g]);
		rc = run(s, ins, err);
	}
	sqlite3_finalize(ins);
	return rc;
}

static void bind_pillars(sqlite3_stmt *st, int first, const bl_idea *i)
{
	for (int k = 0; k < 3; k++)
		if (i->has_pillar[k])
			sqlite3_bind_int(st, first + k, i->pillar[k]);
		else
			sqlite3_bind_null(st, first + k);
}

int bl_store_idea_add(bl_store *s, const bl_idea *i, int64_t *number_out, bl_err *err)
{
	if (idea_valid(s, i, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t number = i->number, aid = 0;
	sqlite3_stmt *st = NULL;
	if (lab_exists(s, i->lab_id, err) != 0 || area_id(s, i->area, &aid, err) != 0)
		goto out;
	if (number < 0) {
		bl_err_set(err, _("idea number: expected a number from 1"));
		goto out;
	}
	if (!number) {
		if (prep(s, "SELECT coalesce(max(number), 0) + 1 FROM idea WHERE lab_id = ?1",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, i->lab_id);
		if (one_int(s, st, &number, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (prep(s, "INSERT INTO idea (lab_id, number, title, description, proposer, area_id,"
		    " feasibility, status, pb_id, pb_extra, social, economic, environmental)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st, err) != 0)
		goto out;
	bind_pillars(st, 11, i);
	sqlite3_bind_int64(st, 1, i->lab_id);
	sqlite3_bind_int64(st, 2, number);
	btext(st, 3, i->title);
	btext(st, 4, i->description && *i->description ? i->description : NULL);
	btext(st, 5, i->proposer && *i->proposer ? i->proposer : NULL);
	bid(st, 6, aid);
	btext(st, 7, i->feasibility && *i->feasibility ? i->feasibility : NULL);
	btext(st, 8, bl_idea_status_name(i->status));
	btext(st, 9, i->pb_id);
	btext(st, 10, i->pb_extra);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
			bl_err_set(err, _("lab %" PRId64 " already has an idea %" PRId64), i->lab_id,
				   number);
		else
			bl_store_fail(s, err);
		goto out;
	}
	int64_t iid = sqlite3_last_insert_rowid(s->db);
	if (idea_costs_write(s, iid, i, err) != 0 || idea_goals_write(s, iid, i, err) != 0)
		goto out;
	if (number_out)
		*number_out = number;
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

static int idea_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (prep(s, "SELECT id FROM idea WHERE lab_id = ?1 AND number = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	sqlite3_bind_int64(st, 2, number);
	int rc = one_int(s, st, id, err);
	sqlite3_finalize(st);
	if (rc == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no idea %" PRId64
					 " (`budgetlab ideas DB LAB` lists them)"), lab, number);
	return rc < 0 ? -1 : 0;
}

int bl_store_idea_update(bl_store *s, const bl_idea *i, bl_err *err)
{
	if (idea_valid(s, i, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id = 0, aid = 0;
	sqlite3_stmt *st = NULL;
	if (idea_id(s, i->lab_id, i->number, &id, err) != 0 || area_id(s, i->area, &aid, err) != 0)
		goto out;
	if (prep(s, "UPDATE idea SET title = ?2, description = ?3, proposer = ?4, area_id = ?5,"
		    " feasibility = ?6, status = ?7, social = ?8, economic = ?9, environmental = ?10"
		    " WHERE id = ?1", &st, err) != 0)
		goto out;
	bind_pillars(st, 8, i);
	sqlite3_bind_int64(st, 1, id);
	btext(st, 2, i->title);
	btext(st, 3, i->description && *i->description ? i->description : NULL);
	btext(st, 4, i->proposer && *i->proposer ? i->proposer : NULL);
	bid(st, 5, aid);
	btext(st, 6, i->feasibility && *i->feasibility ? i->feasibility : NULL);
	btext(st, 7, bl_idea_status_name(i->status));
	if (run(s, st, err) != 0 || idea_costs_write(s, id, i, err) != 0 ||
	    idea_goals_write(s, id, i, err) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

#define IDEA_COLS                                                              \
	"SELECT i.id, i.lab_id, i.number, i.title, i.description, i.proposer, i.area_id," \
	" i.feasibility, i.status, i.pb_id, i.pb_extra,"                       \
	" (SELECT count(*) FROM ballot_mark m JOIN ballot b ON b.id = m.ballot_id" \
	"  WHERE m.idea_id = i.id AND b.void_reason IS NULL),"                 \
	" i.social, i.economic, i.environmental,"                              \
	" (SELECT json_group_array(goal_id) FROM (SELECT goal_id FROM idea_goal" \
	"  WHERE idea_id = i.id ORDER BY goal_id))"                            \
	" FROM idea i"

static int ideas_query(bl_store *s, const char *where, int64_t lab, int64_t number,
		       bl_idea **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	char sql[1024];
	snprintf(sql, sizeof sql, "%s %s ORDER BY i.number", IDEA_COLS, where);
	sqlite3_stmt *st, *cs = NULL;
	if (prep(s, sql, &st, err) != 0)
		return -1;
	if (prep(s, "SELECT year, amount FROM idea_cost WHERE idea_id = ?1", &cs, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, lab);
	if (number)
		sqlite3_bind_int64(st, 2, number);
	bl_idea *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		bl_idea *e = &v[cnt++];
		memset(e, 0, sizeof *e);
		bool oom = false;
		e->id = sqlite3_column_int64(st, 0);
		e->lab_id = sqlite3_column_int64(st, 1);
		e->number = sqlite3_column_int64(st, 2);
		e->title = dup_col(st, 3, &oom);
		e->description = dup_col(st, 4, &oom);
		e->proposer = dup_col(st, 5, &oom);
		e->feasibility = dup_col(st, 7, &oom);
		const char *status = (const char *)sqlite3_column_text(st, 8);
		if (!status || bl_idea_status_from_name(status, &e->status) != 0)
			e->status = BL_IDEA_PROPOSED;
		e->pb_id = dup_col(st, 9, &oom);
		e->pb_extra = dup_col(st, 10, &oom);
		e->votes = (size_t)sqlite3_column_int64(st, 11);
		for (int k = 0; k < 3; k++)
			if (sqlite3_column_type(st, 12 + k) != SQLITE_NULL) {
				e->pillar[k] = sqlite3_column_int(st, 12 + k);
				e->has_pillar[k] = true;
			}
		/* "[1,4]": the goal ids, written by json_group_array. */
		const char *gl = (const char *)sqlite3_column_text(st, 15);
		for (const char *p = gl; p && *p && !oom; p++) {
			if (*p < '0' || *p > '9')
				continue;
			int64_t g = strtoll(p, (char **)&p, 10);
			int64_t *ng = realloc(e->goals, (e->n_goals + 1) * sizeof *ng);
			if (!ng) {
				oom = true;
				break;
			}
			e->goals = ng;
			e->goals[e->n_goals++] = g;
			p--;
		}
		if (oom || !e->title) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		if (area_path(s, sqlite3_column_int64(st, 6), &e->area, err) != 0) {
			ret = -1;
			break;
		}
		sqlite3_reset(cs);
		sqlite3_bind_int64(cs, 1, e->id);
		int crc;
		while ((crc = sqlite3_step(cs)) == SQLITE_ROW) {
			int y = sqlite3_column_int(cs, 0) - s->info.budget_year;
			if (y >= 0 && y < BL_MAX_YEARS) {
				e->cost[y] = sqlite3_column_int64(cs, 1);
				e->has_cost[y] = true;
			}
		}
		if (crc != SQLITE_DONE)
			ret = bl_store_fail(s, err);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	sqlite3_finalize(cs);
	if (ret != 0) {
		bl_ideas_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}

int bl_store_ideas(bl_store *s, int64_t lab_id, bl_idea **out, size_t *n, bl_err *err)
{
	return ideas_query(s, "WHERE i.lab_id = ?1", lab_id, 0, out, n, err);
}

int bl_store_idea_get(bl_store *s, int64_t lab_id, int64_t number, bl_idea *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	bl_idea *v;
	size_t n;
	if (ideas_query(s, "WHERE i.lab_id = ?1 AND i.number = ?2", lab_id, number, &v, &n,
			err) != 0)
		return -1;
	if (n == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no idea %" PRId64
					 " (`budgetlab ideas DB LAB` lists them)"), lab_id, number);
	*out = v[0];
	free(v);
	return 0;
}

/* ---- ballots ---- */

void bl_ballot_clear(bl_ballot *b)
{
	if (!b)
		return;
	free(b->voter);
	free(b->entered_at);
	free(b->actor);
	free(b->void_reason);
	free(b->marks);
	free(b->pb_extra);
	memset(b, 0, sizeof *b);
}

void bl_ballots_free(bl_ballot *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_ballot_clear(&v[i]);
	free(v);
}

/* The marks as the facilitator types them, for the journal: "3 7 12",
 * or "3:2 7:5" with points (a ranking's points are its order, so they
 * are left out).  A JSON string, quoted. */
static char *marks_json(const bl_ballot *b, bool points)
{
	size_t cap = 16 + b->n_marks * 24;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	size_t len = (size_t)snprintf(out, cap, "\"");
	for (size_t i = 0; i < b->n_marks; i++) {
		if (points)
			len += (size_t)snprintf(out + len, cap - len, "%s%d:%d", i ? " " : "",
						b->marks[i].idea, b->marks[i].points);
		else
			len += (size_t)snprintf(out + len, cap - len, "%s%d", i ? " " : "",
						b->marks[i].idea);
	}
	snprintf(out + len, cap - len, "\"");
	return out;
}

typedef struct ballot_stmts {
	sqlite3_stmt *ins, *mark, *idea;
} ballot_stmts;

static void ballot_stmts_free(ballot_stmts *b)
{
	sqlite3_finalize(b->ins);
	sqlite3_finalize(b->mark);
	sqlite3_finalize(b->idea);
	memset(b, 0, sizeof *b);
}

static int ballot_stmts_prep(bl_store *s, ballot_stmts *b, bl_err *err)
{
	memset(b, 0, sizeof *b);
	if (prep(s, "INSERT INTO ballot (lab_id, session_id, participant_id, method, voter,"
		    " entered_at, actor, replaces, pb_extra)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, bl_now(), bl_actor(), ?6, ?7)", &b->ins, err) != 0 ||
	    prep(s, "INSERT INTO ballot_mark (ballot_id, pos, idea_id, points) VALUES (?1, ?2, ?3, ?4)",
		 &b->mark, err) != 0 ||
	    prep(s, "SELECT id FROM idea WHERE lab_id = ?1 AND number = ?2", &b->idea, err) != 0) {
		ballot_stmts_free(b);
		return -1;
	}
	return 0;
}

/* Insert one ballot and its marks; no journal entry. */
static int ballot_insert(bl_store *s, ballot_stmts *q, const bl_ballot *b, int64_t pid,
			 int64_t *id_out, bl_err *err)
{
	sqlite3_reset(q->ins);
	sqlite3_bind_int64(q->ins, 1, b->lab_id);
	bid(q->ins, 2, b->session_id);
	bid(q->ins, 3, pid);
	btext(q->ins, 4, bl_ballot_method_name(b->method));
	btext(q->ins, 5, b->voter);
	bid(q->ins, 6, b->replaces);
	btext(q->ins, 7, b->pb_extra);
	if (run(s, q->ins, err) != 0)
		return -1;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < b->n_marks; i++) {
		int64_t iid = 0;
		sqlite3_reset(q->idea);
		sqlite3_bind_int64(q->idea, 1, b->lab_id);
		sqlite3_bind_int64(q->idea, 2, b->marks[i].idea);
		int rc = one_int(s, q->idea, &iid, err);
		if (rc <= 0)
			return rc < 0 ? -1 : bl_err_set(err, _("lab %" PRId64 " has no idea %d"),
							b->lab_id, b->marks[i].idea);
		sqlite3_reset(q->mark);
		sqlite3_bind_int64(q->mark, 1, id);
		sqlite3_bind_int64(q->mark, 2, (int64_t)i);
		sqlite3_bind_int64(q->mark, 3, iid);
		sqlite3_bind_int64(q->mark, 4, b->marks[i].points);
		if (run(s, q->mark, err) != 0)
			return -1;
	}
	*id_out = id;
	return 0;
}

static int ballot_add_tx(bl_store *s, const bl_ballot *b, int64_t *id_out, bl_err *err)
{
	int64_t pid = 0, id = 0;
	if (lab_exists(s, b->lab_id, err) != 0 || session_in_lab(s, b->lab_id, b->session_id, err) != 0)
		return -1;
	if (b->participant && participant_id(s, b->lab_id, b->participant, &pid, err) != 0)
		return -1;
	if ((size_t)b->method >= 3)
		return bl_err_set(err, _("cast: expected paper or laptop"));
	if (b->voter && text_ok(_("voter"), b->voter, true, 200, false, err) != 0)
		return -1;
	if (pid) {
		sqlite3_stmt *st;
		int64_t prev = 0;
		if (prep(s, "SELECT id FROM ballot WHERE participant_id = ?1 AND void_reason IS NULL",
			 &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, pid);
		int rc = one_int(s, st, &prev, err);
		sqlite3_finalize(st);
		if (rc < 0)
			return -1;
		if (rc > 0)
			return bl_err_set(err, _("participant %" PRId64 " has already voted (ballot %"
						 PRId64 "); void that ballot or correct it"),
					  b->participant, prev);
	}
	ballot_stmts q;
	if (ballot_stmts_prep(s, &q, err) != 0)
		return -1;
	int rc = ballot_insert(s, &q, b, pid, &id, err);
	ballot_stmts_free(&q);
	if (rc != 0)
		return -1;
	/* Points are shown for the vote types that have them. */
	sqlite3_stmt *vt;
	bool points = false;
	if (prep(s, "SELECT vote_type IN ('cumulative', 'scoring') FROM lab WHERE id = ?1", &vt,
		 err) != 0)
		return -1;
	sqlite3_bind_int64(vt, 1, b->lab_id);
	if (sqlite3_step(vt) == SQLITE_ROW)
		points = sqlite3_column_int(vt, 0) != 0;
	sqlite3_finalize(vt);
	char *m = marks_json(b, points);
	char *after = m ? sqlite3_mprintf("{\"ballot\":%lld,\"session\":%lld,\"participant\":%lld,"
					  "\"cast\":\"%s\",\"replaces\":%lld,\"marks\":%s}",
					  (long long)id, (long long)b->session_id,
					  (long long)b->participant,
					  bl_ballot_method_name(b->method), (long long)b->replaces, m)
			: NULL;
	free(m);
	if (!after)
		return bl_err_set(err, _("out of memory"));
	rc = journal(s, "ballot", b->lab_id, "insert", NULL, after, err);
	sqlite3_free(after);
	if (rc == 0 && id_out)
		*id_out = id;
	return rc;
}

int bl_store_ballot_add(bl_store *s, const bl_ballot *b, int64_t *id_out, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = ballot_add_tx(s, b, id_out, err);
	return bl_write_end(s, outer, rc, err);
}

static int ballot_void_tx(bl_store *s, int64_t lab_id, int64_t ballot_id, const char *reason,
			  bl_err *err)
{
	if (text_ok(_("reason"), reason, true, 500, false, err) != 0)
		return -1;
	sqlite3_stmt *st;
	if (prep(s, "SELECT void_reason IS NOT NULL FROM ballot WHERE id = ?1 AND lab_id = ?2",
		 &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, ballot_id);
	sqlite3_bind_int64(st, 2, lab_id);
	int64_t voided = 0;
	int rc = one_int(s, st, &voided, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no ballot %" PRId64
					 " (`budgetlab ballots DB LAB` lists them)"), lab_id, ballot_id);
	if (voided)
		return bl_err_set(err, _("ballot %" PRId64 " is already void"), ballot_id);
	if (prep(s, "UPDATE ballot SET void_reason = ?2 WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, ballot_id);
	btext(st, 2, reason);
	rc = run(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

int bl_store_ballot_void(bl_store *s, int64_t lab_id, int64_t ballot_id, const char *reason,
			 bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = ballot_void_tx(s, lab_id, ballot_id, reason, err);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_ballot_correct(bl_store *s, int64_t ballot_id, const bl_ballot *b,
			    const char *reason, int64_t *id_out, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	bl_ballot nb = *b;
	nb.replaces = ballot_id;
	int rc = ballot_void_tx(s, b->lab_id, ballot_id, reason, err);
	if (rc == 0)
		rc = ballot_add_tx(s, &nb, id_out, err);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_ballot_undo(bl_store *s, int64_t lab_id, int64_t session_id, int64_t *id_out,
			 bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id = 0;
	sqlite3_stmt *st = NULL;
	if (prep(s, "SELECT max(id) FROM ballot WHERE lab_id = ?1 AND void_reason IS NULL"
		    " AND (?2 IS NULL OR session_id = ?2) AND method <> 'file'", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, lab_id);
	bid(st, 2, session_id);
	if (one_int(s, st, &id, err) < 0)
		goto out;
	if (!id) {
		bl_err_set(err, _("there is no ballot to undo"));
		goto out;
	}
	if (ballot_void_tx(s, lab_id, id, _("undone"), err) != 0)
		goto out;
	if (id_out)
		*id_out = id;
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_ballots(bl_store *s, int64_t lab_id, bool with_void, bl_ballot **out, size_t *n,
		     bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st, *ms = NULL;
	if (prep(s, with_void
		 ? "SELECT b.id, b.lab_id, b.session_id, p.number, b.method, b.voter, b.entered_at,"
		   " b.actor, b.replaces, b.void_reason, b.pb_extra FROM ballot b"
		   " LEFT JOIN participant p ON p.id = b.participant_id"
		   " WHERE b.lab_id = ?1 ORDER BY b.id"
		 : "SELECT b.id, b.lab_id, b.session_id, p.number, b.method, b.voter, b.entered_at,"
		   " b.actor, b.replaces, b.void_reason, b.pb_extra FROM ballot b"
		   " LEFT JOIN participant p ON p.id = b.participant_id"
		   " WHERE b.lab_id = ?1 AND b.void_reason IS NULL ORDER BY b.id", &st, err) != 0)
		return -1;
	/* Marks of every ballot of the lab, in ballot and mark order, read
	 * alongside: one pass instead of a query per ballot (a Pabulib lab
	 * has tens of thousands). */
	if (prep(s, "SELECT m.ballot_id, i.number, m.points FROM ballot_mark m"
		    " JOIN ballot b ON b.id = m.ballot_id JOIN idea i ON i.id = m.idea_id"
		    " WHERE b.lab_id = ?1 ORDER BY m.ballot_id, m.pos", &ms, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, lab_id);
	sqlite3_bind_int64(ms, 1, lab_id);
	bl_ballot *v = NULL;
	size_t cnt = 0, cap = 0;
	int rc, mrc = sqlite3_step(ms), ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
			ret = bl_err_set(err, _("out of memory"));
			break;
		}
		bl_ballot *e = &v[cnt++];
		memset(e, 0, sizeof *e);
		bool oom = false;
		e->id = sqlite3_column_int64(st, 0);
		e->lab_id = sqlite3_column_int64(st, 1);
		e->session_id = sqlite3_column_int64(st, 2);
		e->participant = sqlite3_column_int64(st, 3);
		const char *m = (const char *)sqlite3_column_text(st, 4);
		if (!m || bl_ballot_method_from_name(m, &e->method) != 0)
			e->method = BL_CAST_PAPER;
		e->voter = dup_col(st, 5, &oom);
		e->entered_at = dup_col(st, 6, &oom);
		e->actor = dup_col(st, 7, &oom);
		e->replaces = sqlite3_column_int64(st, 8);
		e->void_reason = dup_col(st, 9, &oom);
		e->pb_extra = dup_col(st, 10, &oom);
		while (mrc == SQLITE_ROW && sqlite3_column_int64(ms, 0) < e->id)
			mrc = sqlite3_step(ms);
		size_t mcap = 0;
		while (!oom && mrc == SQLITE_ROW && sqlite3_column_int64(ms, 0) == e->id) {
			if (!bl_grow((void *)&e->marks, &mcap, e->n_marks + 1, sizeof *e->marks)) {
				oom = true;
				break;
			}
			e->marks[e->n_marks].idea = sqlite3_column_int(ms, 1);
			e->marks[e->n_marks].points = sqlite3_column_int(ms, 2);
			e->n_marks++;
			mrc = sqlite3_step(ms);
		}
		if (oom)
			ret = bl_err_set(err, _("out of memory"));
		else if (mrc != SQLITE_ROW && mrc != SQLITE_DONE)
			ret = bl_store_fail(s, err);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	sqlite3_finalize(ms);
	if (ret != 0) {
		bl_ballots_free(v, cnt);
		return -1;
	}
	*out = v;
	*n = cnt;
	return 0;
}
