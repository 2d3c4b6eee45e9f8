/* lab_store.c: labs, sessions and participants (schema 3), and the
 * helpers the lab files share (lab_internal.h).  See lab_store.h; ideas
 * are in lab_idea.c, ballots in lab_ballot.c.
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
#include "store/lab_internal.h"
#include "store/store_internal.h"

/* ---- small helpers ---- */

int lab_prep(bl_store *s, const char *sql, sqlite3_stmt **st, bl_err *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return bl_store_fail(s, err);
	}
	return 0;
}

void lab_btext(sqlite3_stmt *st, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void lab_bid(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Step a statement that returns at most one integer: 1 with *v set, 0
 * with no row, -1 on error. */
int lab_one_int(bl_store *s, sqlite3_stmt *st, int64_t *v, bl_err *err)
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

int lab_run(bl_store *s, sqlite3_stmt *st, bl_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return bl_store_fail(s, err);
}

char * lab_dup_col(sqlite3_stmt *st, int col, bool *oom)
{
	char *out = NULL;
	if (!bl_col_dup(st, col, &out))
		*oom = true;
	return out;
}

/* A free-text field: NULL is allowed where the schema allows it; else
 * valid UTF-8 without control characters (newlines allowed where said),
 * at most max bytes. */
int lab_text_ok(const char *field, const char *v, bool required, size_t max,
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

int lab_area_id(bl_store *s, const char *ref, int64_t *id, bl_err *err)
{
	*id = 0;
	if (!ref || !*ref)
		return 0;
	return bl_store_area_find(s, ref, id, err);
}

/* Explicit journal entry (for what no trigger can see whole: a ballot
 * and its marks, an import). */
int lab_journal(bl_store *s, const char *entity, int64_t lab, const char *action,
		   const char *before, const char *after, bl_err *err)
{
	sqlite3_stmt *st;
	if (lab_prep(s, "INSERT INTO journal (at, actor, entity, key, action, before, after)"
		    " VALUES (bl_now(), bl_actor(), ?1, printf('lab:%d', ?2), ?3, ?4, ?5)",
		 &st, err) != 0)
		return -1;
	lab_btext(st, 1, entity);
	sqlite3_bind_int64(st, 2, lab);
	lab_btext(st, 3, action);
	lab_btext(st, 4, before);
	lab_btext(st, 5, after);
	int rc = lab_run(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

int lab_open_for(bl_store *s, int64_t lab, const char *what, bl_err *err)
{
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT status = 'closed' FROM lab WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	int64_t closed = 0;
	int rc = lab_one_int(s, st, &closed, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return bl_err_set(err, _("there is no lab %" PRId64 " (`budgetlab labs DB` lists"
					 " them)"), lab);
	if (closed)
		return bl_err_set(err, _("lab %" PRId64 " is closed: %s; reopen it first (`budgetlab"
					 " lab set DB %" PRId64 " --status voting`)"), lab, what, lab);
	return 0;
}

int lab_exists(bl_store *s, int64_t lab, bl_err *err)
{
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT 1 FROM lab WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	int64_t v = 0;
	int rc = lab_one_int(s, st, &v, err);
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
	if (lab_text_ok(_("theme"), l->theme, true, 200, false, err) != 0)
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
	if (lab_area_id(s, l->area, &aid, err) != 0)
		goto out;
	if (!id) {
		if (lab_prep(s, "SELECT coalesce(max(id), 0) + 1 FROM lab", &st, err) != 0 ||
		    lab_one_int(s, st, &id, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (lab_prep(s, "INSERT INTO lab (id, theme, pool, vote_type, ballot_type, area_id, rule,"
		    " tie_break, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	lab_btext(st, 2, l->theme);
	sqlite3_bind_int64(st, 3, l->pool);
	lab_btext(st, 4, bl_pb_vote_type_name(l->vote_type));
	lab_btext(st, 5, l->ballot_type);
	lab_bid(st, 6, aid);
	lab_btext(st, 7, l->rule);
	lab_btext(st, 8, l->tie_break);
	lab_btext(st, 9, bl_lab_status_name(l->status));
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
	if (lab_exists(s, l->id, err) != 0 || lab_area_id(s, l->area, &aid, err) != 0)
		goto out;
	if (lab_prep(s, "UPDATE lab SET theme = ?2, pool = ?3, ballot_type = ?4, area_id = ?5,"
		    " rule = ?6, tie_break = ?7, status = ?8 WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, l->id);
	lab_btext(st, 2, l->theme);
	sqlite3_bind_int64(st, 3, l->pool);
	lab_btext(st, 4, l->ballot_type);
	lab_bid(st, 5, aid);
	lab_btext(st, 6, l->rule);
	lab_btext(st, 7, l->tie_break);
	lab_btext(st, 8, bl_lab_status_name(l->status));
	rc = lab_run(s, st, err);
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
	l->theme = lab_dup_col(st, 1, &oom);
	l->pool = sqlite3_column_int64(st, 2);
	const char *vt = (const char *)sqlite3_column_text(st, 3);
	if (!vt || bl_pb_vote_type_from_name(vt, &l->vote_type) != 0)
		l->vote_type = BL_VOTE_APPROVAL;
	l->ballot_type = lab_dup_col(st, 4, &oom);
	l->rule = lab_dup_col(st, 6, &oom);
	l->tie_break = lab_dup_col(st, 7, &oom);
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
	if (bl_area_path_of(s, sqlite3_column_int64(st, 5), &l->area, err) != 0) {
		bl_lab_clear(l);
		return -1;
	}
	return 0;
}

int bl_store_lab_get(bl_store *s, int64_t id, bl_lab *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (lab_prep(s, LAB_COLS " WHERE l.id = ?1", &st, err) != 0)
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
	if (lab_prep(s, LAB_COLS " ORDER BY l.id", &st, err) != 0)
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
	if (lab_text_ok(_("place"), v->place, true, 200, false, err) != 0 ||
	    lab_text_ok(_("facilitator"), v->facilitator, true, 200, false, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (lab_exists(s, v->lab_id, err) != 0 ||
	    lab_prep(s, "INSERT INTO session (lab_id, date, place, facilitator)"
		    " VALUES (?1, ?2, ?3, ?4)", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, v->lab_id);
	lab_btext(st, 2, v->date);
	lab_btext(st, 3, v->place);
	lab_btext(st, 4, v->facilitator);
	if (lab_run(s, st, err) != 0)
		goto out;
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(s->db);
	rc = 0;
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_session_update(bl_store *s, const bl_session *v, bl_err *err)
{
	bl_date d;
	if (bl_date_parse(v->date, &d, err) != 0)
		return bl_err_prefix(err, _("date"));
	if (lab_text_ok(_("place"), v->place, true, 200, false, err) != 0 ||
	    lab_text_ok(_("facilitator"), v->facilitator, true, 200, false, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (lab_session_in_lab(s, v->lab_id, v->id, err) != 0 || !v->id ||
	    lab_prep(s, "UPDATE session SET date = ?2, place = ?3, facilitator = ?4 WHERE id = ?1",
		     &st, err) != 0) {
		if (!v->id)
			bl_err_set(err, _("no session given"));
		goto out;
	}
	sqlite3_bind_int64(st, 1, v->id);
	lab_btext(st, 2, v->date);
	lab_btext(st, 3, v->place);
	lab_btext(st, 4, v->facilitator);
	rc = lab_run(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_session_delete(bl_store *s, int64_t lab_id, int64_t session_id, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t used = 0;
	sqlite3_stmt *st = NULL;
	if (!session_id) {
		bl_err_set(err, _("no session given"));
		goto out;
	}
	if (lab_session_in_lab(s, lab_id, session_id, err) != 0 ||
	    lab_prep(s, "SELECT (SELECT count(*) FROM ballot WHERE session_id = ?1)"
		     " + (SELECT count(*) FROM participant WHERE session_id = ?1)", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, session_id);
	if (lab_one_int(s, st, &used, err) < 0)
		goto out;
	sqlite3_finalize(st);
	st = NULL;
	/* Ballots and sign-ins say where they came from: such a session is
	 * a fact of the lab, to be corrected (session set), not removed. */
	if (used) {
		bl_err_set(err, _("session %" PRId64 " has ballots or sign-ins and stays; correct its"
				  " date, place or facilitator with `budgetlab session set`"), session_id);
		goto out;
	}
	if (lab_prep(s, "DELETE FROM session WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, session_id);
	rc = lab_run(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

static bool fill_session(sqlite3_stmt *st, void *elem)
{
	bl_session *e = elem;
	bool oom = false;
	e->id = sqlite3_column_int64(st, 0);
	e->lab_id = sqlite3_column_int64(st, 1);
	const char *d = (const char *)sqlite3_column_text(st, 2);
	snprintf(e->date, sizeof e->date, "%s", d ? d : "");
	e->place = lab_dup_col(st, 3, &oom);
	e->facilitator = lab_dup_col(st, 4, &oom);
	return !oom;
}

static void clear_session(void *elem)
{
	bl_session *e = elem;
	free(e->place);
	free(e->facilitator);
}

int bl_store_sessions(bl_store *s, int64_t lab_id, bl_session **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT id, lab_id, date, place, facilitator FROM session"
		    " WHERE lab_id = ?1 ORDER BY date, id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	int rc = bl_rows_collect(s, st, sizeof **out, fill_session, clear_session, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

int lab_session_in_lab(bl_store *s, int64_t lab, int64_t session, bl_err *err)
{
	if (!session)
		return 0;
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT 1 FROM session WHERE id = ?1 AND lab_id = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	sqlite3_bind_int64(st, 2, lab);
	int64_t v = 0;
	int rc = lab_one_int(s, st, &v, err);
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

int lab_participant_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT id FROM participant WHERE lab_id = ?1 AND number = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	sqlite3_bind_int64(st, 2, number);
	int rc = lab_one_int(s, st, id, err);
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
	if (p->name && lab_text_ok(_("name"), p->name, true, 200, false, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t number = p->number, id = 0;
	sqlite3_stmt *st = NULL;
	if (lab_open_for(s, p->lab_id, _("no one signs in"), err) != 0 ||
	    lab_session_in_lab(s, p->lab_id, p->session_id, err) != 0)
		goto out;
	if (!number) {
		if (lab_prep(s, "SELECT coalesce(max(number), 0) + 1 FROM participant WHERE lab_id = ?1",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, p->lab_id);
		if (lab_one_int(s, st, &number, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (lab_prep(s, "INSERT INTO participant (lab_id, number, session_id) VALUES (?1, ?2, ?3)",
		 &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, p->lab_id);
	sqlite3_bind_int64(st, 2, number);
	lab_bid(st, 3, p->session_id);
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
		if (lab_prep(s, "INSERT INTO participant_name (participant_id, name) VALUES (?1, ?2)",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, id);
		lab_btext(st, 2, p->name);
		if (lab_run(s, st, err) != 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (p->n_cats) {
		if (lab_prep(s, "INSERT INTO participant_category (participant_id, category, value)"
			    " VALUES (?1, ?2, ?3)", &st, err) != 0)
			goto out;
		for (size_t i = 0; i < p->n_cats; i++) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			lab_btext(st, 2, p->cats[i].category);
			lab_btext(st, 3, p->cats[i].value);
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
	if (lab_participant_id(s, lab_id, number, &id, err) != 0 ||
	    lab_prep(s, "SELECT count(*) FROM ballot WHERE participant_id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	if (lab_one_int(s, st, &n, err) < 0)
		goto out;
	if (n) {
		bl_err_set(err, _("participant %" PRId64 " has cast a ballot and stays on the"
				  " list; void the ballot if it was a mistake"), number);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (lab_prep(s, "DELETE FROM participant WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	rc = lab_run(s, st, err);
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
	if (lab_prep(s, with_names
		 ? "SELECT p.id, p.lab_id, p.number, p.session_id, n.name FROM participant p"
		   " LEFT JOIN participant_name n ON n.participant_id = p.id"
		   " WHERE p.lab_id = ?1 ORDER BY p.number"
		 : "SELECT p.id, p.lab_id, p.number, p.session_id, NULL FROM participant p"
		   " WHERE p.lab_id = ?1 ORDER BY p.number", &st, err) != 0)
		return -1;
	if (lab_prep(s, "SELECT category, value FROM participant_category WHERE participant_id = ?1"
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
		e->name = lab_dup_col(st, 4, &oom);
		sqlite3_reset(cs);
		sqlite3_bind_int64(cs, 1, e->id);
		size_t ccap = 0;
		int crc = SQLITE_DONE;
		while (!oom && (crc = sqlite3_step(cs)) == SQLITE_ROW) {
			if (!bl_grow((void *)&e->cats, &ccap, e->n_cats + 1, sizeof *e->cats)) {
				oom = true;
				break;
			}
			bl_participant_cat *c = &e->cats[e->n_cats++];
			c->category = lab_dup_col(cs, 0, &oom);
			c->value = lab_dup_col(cs, 1, &oom);
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
	if (lab_prep(s, "SELECT count(*) FROM participant WHERE lab_id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	int64_t t = 0;
	int rc = lab_one_int(s, st, &t, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	*total = (size_t)t;
	if (lab_prep(s, "SELECT c.value, count(*) FROM participant_category c"
		    " JOIN participant p ON p.id = c.participant_id"
		    " WHERE p.lab_id = ?1 AND c.category = ?2 GROUP BY c.value", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab_id);
	lab_btext(st, 2, c->key);
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

