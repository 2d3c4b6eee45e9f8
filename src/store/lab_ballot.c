/* lab_ballot.c: ballots: entered, voided, corrected, undone, listed;
 * never changed once counted (the schema's triggers).  See lab_store.h. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/lab_internal.h"

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
	if (lab_prep(s, "INSERT INTO ballot (lab_id, session_id, participant_id, method, voter,"
		    " entered_at, actor, replaces, pb_extra)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, bl_now(), bl_actor(), ?6, ?7)", &b->ins, err) != 0 ||
	    lab_prep(s, "INSERT INTO ballot_mark (ballot_id, pos, idea_id, points) VALUES (?1, ?2, ?3, ?4)",
		 &b->mark, err) != 0 ||
	    lab_prep(s, "SELECT id FROM idea WHERE lab_id = ?1 AND number = ?2", &b->idea, err) != 0) {
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
	lab_bid(q->ins, 2, b->session_id);
	lab_bid(q->ins, 3, pid);
	lab_btext(q->ins, 4, bl_ballot_method_name(b->method));
	lab_btext(q->ins, 5, b->voter);
	lab_bid(q->ins, 6, b->replaces);
	lab_btext(q->ins, 7, b->pb_extra);
	if (lab_run(s, q->ins, err) != 0)
		return -1;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < b->n_marks; i++) {
		int64_t iid = 0;
		sqlite3_reset(q->idea);
		sqlite3_bind_int64(q->idea, 1, b->lab_id);
		sqlite3_bind_int64(q->idea, 2, b->marks[i].idea);
		int rc = lab_one_int(s, q->idea, &iid, err);
		if (rc <= 0)
			return rc < 0 ? -1 : bl_err_set(err, _("lab %" PRId64 " has no idea %d"),
							b->lab_id, b->marks[i].idea);
		sqlite3_reset(q->mark);
		sqlite3_bind_int64(q->mark, 1, id);
		sqlite3_bind_int64(q->mark, 2, (int64_t)i);
		sqlite3_bind_int64(q->mark, 3, iid);
		sqlite3_bind_int64(q->mark, 4, b->marks[i].points);
		if (lab_run(s, q->mark, err) != 0)
			return -1;
	}
	*id_out = id;
	return 0;
}

static int ballot_add_tx(bl_store *s, const bl_ballot *b, int64_t *id_out, bl_err *err)
{
	int64_t pid = 0, id = 0;
	if (lab_exists(s, b->lab_id, err) != 0 || lab_session_in_lab(s, b->lab_id, b->session_id, err) != 0)
		return -1;
	if (b->participant && lab_participant_id(s, b->lab_id, b->participant, &pid, err) != 0)
		return -1;
	if ((size_t)b->method >= 3)
		return bl_err_set(err, _("cast: expected paper or laptop"));
	if (b->voter && lab_text_ok(_("voter"), b->voter, true, 200, false, err) != 0)
		return -1;
	if (pid) {
		sqlite3_stmt *st;
		int64_t prev = 0;
		if (lab_prep(s, "SELECT id FROM ballot WHERE participant_id = ?1 AND void_reason IS NULL",
			 &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, pid);
		int rc = lab_one_int(s, st, &prev, err);
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
	if (lab_prep(s, "SELECT vote_type IN ('cumulative', 'scoring') FROM lab WHERE id = ?1", &vt,
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
	rc = lab_journal(s, "ballot", b->lab_id, "insert", NULL, after, err);
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
	if (lab_text_ok(_("reason"), reason, true, 500, false, err) != 0)
		return -1;
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT void_reason IS NOT NULL FROM ballot WHERE id = ?1 AND lab_id = ?2",
		 &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, ballot_id);
	sqlite3_bind_int64(st, 2, lab_id);
	int64_t voided = 0;
	int rc = lab_one_int(s, st, &voided, err);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return bl_err_set(err, _("lab %" PRId64 " has no ballot %" PRId64
					 " (`budgetlab ballots DB LAB` lists them)"), lab_id, ballot_id);
	if (voided)
		return bl_err_set(err, _("ballot %" PRId64 " is already void"), ballot_id);
	if (lab_prep(s, "UPDATE ballot SET void_reason = ?2 WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, ballot_id);
	lab_btext(st, 2, reason);
	rc = lab_run(s, st, err);
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

/* The ballot a correction replaced, as it was, to count again: its
 * session, participant, cast and marks (b->marks malloc'd).  0 when
 * ballot_id replaces none. */
static int replaced_ballot(bl_store *s, int64_t ballot_id, bl_ballot *b, bl_err *err)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *st = NULL;
	int64_t orig = 0;
	if (lab_prep(s, "SELECT replaces FROM ballot WHERE id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, ballot_id);
	int rc = lab_one_int(s, st, &orig, err);
	sqlite3_finalize(st);
	if (rc <= 0 || !orig)
		return rc < 0 ? -1 : 0;
	if (lab_prep(s, "SELECT b.lab_id, b.session_id, p.number, b.method, b.voter, b.pb_extra"
		    " FROM ballot b LEFT JOIN participant p ON p.id = b.participant_id"
		    " WHERE b.id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, orig);
	bool oom = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		b->lab_id = sqlite3_column_int64(st, 0);
		b->session_id = sqlite3_column_int64(st, 1);
		b->participant = sqlite3_column_int64(st, 2);
		const char *m = (const char *)sqlite3_column_text(st, 3);
		if (!m || bl_ballot_method_from_name(m, &b->method) != 0)
			b->method = BL_CAST_PAPER;
		b->voter = lab_dup_col(st, 4, &oom);
		b->pb_extra = lab_dup_col(st, 5, &oom);
	}
	sqlite3_finalize(st);
	if (lab_prep(s, "SELECT i.number, m.points FROM ballot_mark m JOIN idea i ON i.id = m.idea_id"
		    " WHERE m.ballot_id = ?1 ORDER BY m.pos", &st, err) != 0) {
		bl_ballot_clear(b);
		return -1;
	}
	sqlite3_bind_int64(st, 1, orig);
	size_t cap = 0;
	while (!oom && sqlite3_step(st) == SQLITE_ROW) {
		if (!bl_grow((void *)&b->marks, &cap, b->n_marks + 1, sizeof *b->marks)) {
			oom = true;
			break;
		}
		b->marks[b->n_marks].idea = sqlite3_column_int(st, 0);
		b->marks[b->n_marks].points = sqlite3_column_int(st, 1);
		b->n_marks++;
	}
	sqlite3_finalize(st);
	if (oom) {
		bl_ballot_clear(b);
		return bl_err_set(err, _("out of memory"));
	}
	return 1;
}

int bl_store_ballot_undo_ex(bl_store *s, int64_t lab_id, int64_t session_id, int64_t *id_out,
			    int64_t *restored_out, bl_err *err)
{
	bool outer;
	if (restored_out)
		*restored_out = 0;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id = 0;
	sqlite3_stmt *st = NULL;
	bl_ballot orig = { 0 };
	if (lab_prep(s, "SELECT max(id) FROM ballot WHERE lab_id = ?1 AND void_reason IS NULL"
		    " AND (?2 IS NULL OR session_id = ?2) AND method <> 'file'", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, lab_id);
	lab_bid(st, 2, session_id);
	if (lab_one_int(s, st, &id, err) < 0)
		goto out;
	if (!id) {
		bl_err_set(err, _("there is no ballot to undo"));
		goto out;
	}
	/* Undoing a correction must not lose the paper ballot it corrected:
	 * that ballot, as it was, is counted again (a new ballot: the old
	 * one stays void, as every change is kept). */
	int had = replaced_ballot(s, id, &orig, err);
	if (had < 0 || ballot_void_tx(s, lab_id, id, _("undone"), err) != 0)
		goto out;
	if (had > 0) {
		int64_t again;
		orig.replaces = id;
		if (ballot_add_tx(s, &orig, &again, err) != 0)
			goto out;
		if (restored_out)
			*restored_out = again;
	}
	if (id_out)
		*id_out = id;
	rc = 0;
out:
	bl_ballot_clear(&orig);
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_ballot_undo(bl_store *s, int64_t lab_id, int64_t session_id, int64_t *id_out,
			 bl_err *err)
{
	return bl_store_ballot_undo_ex(s, lab_id, session_id, id_out, NULL, err);
}

int bl_store_ballots(bl_store *s, int64_t lab_id, bool with_void, bl_ballot **out, size_t *n,
		     bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st, *ms = NULL;
	if (lab_prep(s, with_void
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
	if (lab_prep(s, "SELECT m.ballot_id, i.number, m.points FROM ballot_mark m"
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
		e->voter = lab_dup_col(st, 5, &oom);
		e->entered_at = lab_dup_col(st, 6, &oom);
		e->actor = lab_dup_col(st, 7, &oom);
		e->replaces = sqlite3_column_int64(st, 8);
		e->void_reason = lab_dup_col(st, 9, &oom);
		e->pb_extra = lab_dup_col(st, 10, &oom);
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
