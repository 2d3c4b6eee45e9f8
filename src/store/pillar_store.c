/* pillar_store.c: the pillars of a line (pillar_store.h). */
#include "config.h"
#include "store/pillar_store.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

const char *bl_pillar_key(int pillar)
{
	static const char *const k[BL_PILLARS] = { "social", "economic", "environmental" };
	return pillar >= 0 && pillar < BL_PILLARS ? k[pillar] : "?";
}

void bl_pillars_clear(bl_pillars *p)
{
	if (p) {
		free(p->justification);
		memset(p, 0, sizeof *p);
	}
}

int bl_pillars_check(const bl_pillars *p, bl_err *err)
{
	for (int k = 0; k < BL_PILLARS; k++)
		if (p->has[k] && (p->score[k] < -2 || p->score[k] > 2))
			return bl_err_set(err, _("the %s score %d is outside the scale; expected -2"
						 " (clearly harmful) to +2 (clearly good)"),
					  bl_pillar_key(k), p->score[k]);
	return 0;
}

int bl_store_line_pillars_set(bl_store *s, int64_t line_id, const bl_pillars *p, bl_err *err)
{
	if (bl_pillars_check(p, err) != 0)
		return -1;
	bool any = p->has[0] || p->has[1] || p->has[2];
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	bl_line l;
	if (bl_store_line_get(s, line_id, &l, err) != 0)
		goto out;
	bl_line_clear(&l);
	/* The same assessment again changes nothing, and journals nothing. */
	bl_pillars old;
	int had = bl_store_line_pillars_get(s, line_id, &old, err);
	if (had < 0)
		goto out;
	bool same = had == 1 || !any ? true : false;
	if (had == 1) {
		for (int k = 0; k < BL_PILLARS; k++)
			same = same && old.has[k] == p->has[k] &&
			       (!p->has[k] || old.score[k] == p->score[k]);
		const char *a = old.justification, *b = bl_blank(p->justification) ? NULL : p->justification;
		same = same && ((!a && !b) || (a && b && strcmp(a, b) == 0));
	} else {
		same = !any;
	}
	bl_pillars_clear(&old);
	if (same) {
		rc = 0;
		goto out;
	}
	if (!any) {
		if (bl_prepare(s, "DELETE FROM line_pillar WHERE line_id = ?1", &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, line_id);
		rc = bl_step_done(s, st, err);
		goto out;
	}
	if (bl_prepare(s, "INSERT INTO line_pillar (line_id, social, economic, environmental,"
			  " justification) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (line_id) DO UPDATE"
			  " SET social = excluded.social, economic = excluded.economic,"
			  " environmental = excluded.environmental, justification = excluded.justification",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, line_id);
	for (int k = 0; k < BL_PILLARS; k++)
		if (p->has[k])
			sqlite3_bind_int(st, 2 + k, p->score[k]);
	bl_bind_text(st, 5, bl_blank(p->justification) ? NULL : p->justification);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

static int pillars_read(sqlite3_stmt *st, int col, bl_pillars *out)
{
	for (int k = 0; k < BL_PILLARS; k++) {
		out->has[k] = sqlite3_column_type(st, col + k) != SQLITE_NULL;
		out->score[k] = out->has[k] ? sqlite3_column_int(st, col + k) : 0;
	}
	return bl_col_dup(st, col + 3, &out->justification) ? 0 : -1;
}

int bl_store_line_pillars_get(bl_store *s, int64_t line_id, bl_pillars *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT social, economic, environmental, justification FROM line_pillar"
			  " WHERE line_id = ?1",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, line_id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		ret = pillars_read(st, 0, out) == 0 ? 1 : bl_err_set(err, _("out of memory"));
	else if (rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

typedef struct split_ctx {
	bl_store *s;
	bl_pillar_split *out;
	bl_pillar_neg_cb cb;
	void *cb_ctx;
	bl_err *err;
	int64_t *ids;       /* assessed lines, sorted by id */
	bl_pillars *p;
	size_t n;
} split_ctx;

static const bl_pillars *find(const split_ctx *c, int64_t id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->ids[lo] == id ? &c->p[lo] : NULL;
}

static int split_line(void *ctx, const bl_line *l, const bl_money *amounts, const bool *has,
		      int n_years)
{
	split_ctx *c = ctx;
	bool any = false;
	for (int y = 0; y < n_years; y++)
		any = any || has[y];
	if (!any)
		return 0;
	/* Expenses are what the pillars weigh: an income line is left out
	 * (it may be assessed, and shows in its own journal). */
	if (l->dir != BL_DIR_EXPENSE)
		return 0;
	const bl_pillars *p = find(c, l->id);
	bool negative = false;
	for (int k = 0; k < BL_PILLARS; k++) {
		int slot = p && p->has[k] ? p->score[k] + 2 : 5;
		negative = negative || (p && p->has[k] && p->score[k] < 0);
		c->out->n_lines[k][slot]++;
		for (int y = 0; y < n_years; y++) {
			bl_money *m = &c->out->expense[k][slot][y];
			if (has[y] && !bl_money_add(*m, amounts[y], m)) {
				bl_err_set(c->err, _("the %s pillar's sum for %d would overflow"),
					   bl_pillar_key(k), c->s->info.budget_year + y);
				return -1;
			}
		}
	}
	if (negative) {
		c->out->n_negative++;
		if (c->cb)
			c->cb(c->cb_ctx, l, p, amounts, has, n_years);
	}
	return 0;
}

int bl_store_pillar_split(bl_store *s, const char *version, int64_t area_id,
			  bl_pillar_split *out, bl_pillar_neg_cb cb, void *ctx, bl_err *err)
{
	memset(out, 0, sizeof *out);
	out->n_years = s->info.n_years;
	split_ctx c = { s, out, cb, ctx, err, NULL, NULL, 0 };
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT line_id, social, economic, environmental, justification"
			  " FROM line_pillar ORDER BY line_id",
		       &st, err) != 0)
		return -1;
	size_t cap = 0, cap2 = 0;
	int rc, ret = -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&c.ids, &cap, c.n + 1, sizeof *c.ids) ||
		    !bl_grow((void *)&c.p, &cap2, c.n + 1, sizeof *c.p)) {
			bl_err_set(err, _("out of memory"));
			goto out;
		}
		c.ids[c.n] = sqlite3_column_int64(st, 0);
		memset(&c.p[c.n], 0, sizeof c.p[c.n]);
		if (pillars_read(st, 1, &c.p[c.n]) != 0) {
			bl_err_set(err, _("out of memory"));
			goto out;
		}
		c.n++;
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	rc = bl_store_lines_each(s, version, area_id, split_line, &c, err);
	ret = rc == 0 ? 0 : -1;
out:
	sqlite3_finalize(st);
	for (size_t i = 0; i < c.n; i++)
		bl_pillars_clear(&c.p[i]);
	free(c.p);
	free(c.ids);
	return ret;
}
