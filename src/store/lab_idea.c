/* lab_idea.c: a lab's ideas, their costs per year, their assessment on
 * the three pillars and the goals they serve.  See lab_store.h. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/lab_internal.h"

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
	if (lab_text_ok(_("title"), i->title, true, 200, false, err) != 0 ||
	    lab_text_ok(_("description"), i->description, false, 4000, true, err) != 0 ||
	    lab_text_ok(_("proposer"), i->proposer, false, 200, false, err) != 0 ||
	    lab_text_ok(_("feasibility"), i->feasibility, false, 4000, true, err) != 0)
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
	if (lab_prep(s, "DELETE FROM idea_cost WHERE idea_id = ?1 AND year = ?2", &del, err) != 0)
		return -1;
	if (lab_prep(s, "INSERT INTO idea_cost (idea_id, year, amount) VALUES (?1, ?2, ?3)"
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
		ret = lab_run(s, st, err);
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
	if (lab_prep(s, "DELETE FROM idea_goal WHERE idea_id = ?1 AND goal_id NOT IN"
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
	int rc = lab_run(s, del, err);
	sqlite3_finalize(del);
	free(list);
	if (rc != 0 || lab_prep(s, "INSERT OR IGNORE INTO idea_goal (idea_id, goal_id) VALUES (?1, ?2)",
			    &ins, err) != 0)
		return -1;
	for (size_t g = 0; rc == 0 && g < i->n_goals; g++) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, i->goals[g]);
		rc = lab_run(s, ins, err);
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
	if (lab_open_for(s, i->lab_id, _("its ideas stay as they were decided"), err) != 0 ||
	    lab_area_id(s, i->area, &aid, err) != 0)
		goto out;
	if (number < 0) {
		bl_err_set(err, _("idea number: expected a number from 1"));
		goto out;
	}
	if (!number) {
		if (lab_prep(s, "SELECT coalesce(max(number), 0) + 1 FROM idea WHERE lab_id = ?1",
			 &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, i->lab_id);
		if (lab_one_int(s, st, &number, err) < 0)
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (lab_prep(s, "INSERT INTO idea (lab_id, number, title, description, proposer, area_id,"
		    " feasibility, status, pb_id, pb_extra, social, economic, environmental)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st, err) != 0)
		goto out;
	bind_pillars(st, 11, i);
	sqlite3_bind_int64(st, 1, i->lab_id);
	sqlite3_bind_int64(st, 2, number);
	lab_btext(st, 3, i->title);
	lab_btext(st, 4, i->description && *i->description ? i->description : NULL);
	lab_btext(st, 5, i->proposer && *i->proposer ? i->proposer : NULL);
	lab_bid(st, 6, aid);
	lab_btext(st, 7, i->feasibility && *i->feasibility ? i->feasibility : NULL);
	lab_btext(st, 8, bl_idea_status_name(i->status));
	lab_btext(st, 9, i->pb_id);
	lab_btext(st, 10, i->pb_extra);
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

int lab_idea_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (lab_prep(s, "SELECT id FROM idea WHERE lab_id = ?1 AND number = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, lab);
	sqlite3_bind_int64(st, 2, number);
	int rc = lab_one_int(s, st, id, err);
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
	if (lab_open_for(s, i->lab_id, _("its ideas stay as they were decided"), err) != 0 ||
	    lab_idea_id(s, i->lab_id, i->number, &id, err) != 0 || lab_area_id(s, i->area, &aid, err) != 0)
		goto out;
	if (lab_prep(s, "UPDATE idea SET title = ?2, description = ?3, proposer = ?4, area_id = ?5,"
		    " feasibility = ?6, status = ?7, social = ?8, economic = ?9, environmental = ?10"
		    " WHERE id = ?1", &st, err) != 0)
		goto out;
	bind_pillars(st, 8, i);
	sqlite3_bind_int64(st, 1, id);
	lab_btext(st, 2, i->title);
	lab_btext(st, 3, i->description && *i->description ? i->description : NULL);
	lab_btext(st, 4, i->proposer && *i->proposer ? i->proposer : NULL);
	lab_bid(st, 5, aid);
	lab_btext(st, 6, i->feasibility && *i->feasibility ? i->feasibility : NULL);
	lab_btext(st, 7, bl_idea_status_name(i->status));
	if (lab_run(s, st, err) != 0 || idea_costs_write(s, id, i, err) != 0 ||
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
	if (lab_prep(s, sql, &st, err) != 0)
		return -1;
	if (lab_prep(s, "SELECT year, amount FROM idea_cost WHERE idea_id = ?1", &cs, err) != 0) {
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
		e->title = lab_dup_col(st, 3, &oom);
		e->description = lab_dup_col(st, 4, &oom);
		e->proposer = lab_dup_col(st, 5, &oom);
		e->feasibility = lab_dup_col(st, 7, &oom);
		const char *status = (const char *)sqlite3_column_text(st, 8);
		if (!status || bl_idea_status_from_name(status, &e->status) != 0)
			e->status = BL_IDEA_PROPOSED;
		e->pb_id = lab_dup_col(st, 9, &oom);
		e->pb_extra = lab_dup_col(st, 10, &oom);
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
		if (bl_area_path_of(s, sqlite3_column_int64(st, 6), &e->area, err) != 0) {
			ret = -1;
			break;
		}
		sqlite3_reset(cs);
		sqlite3_bind_int64(cs, 1, e->id);
		int crc = SQLITE_DONE;
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

