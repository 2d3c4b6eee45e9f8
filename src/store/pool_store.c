/* pool_store.c: development pools (pool_store.h).  The rules live in the
 * schema's triggers; what is checked here is what those cannot say well
 * (a key in use, a line that does not exist) and what SQLite's sums
 * cannot do exactly (an overflow is an error there, not a message). */
#include "config.h"
#include "store/pool_store.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "store/store_internal.h"

/* ---- kinds and statuses ---- */

static const struct {
	unsigned bit;
	const char *key, *da, *nb;
} kinds[] = {
	{ BL_POOL_DEVELOPMENT, "development", "udvikling", "utvikling" },
	{ BL_POOL_CAPITAL, "capital", "anlæg", "investering" },
	{ BL_POOL_OPERATION, "operation", "drift", "drift" },
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])

const char *bl_pool_kind_key(unsigned bit)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (kinds[i].bit == bit)
			return kinds[i].key;
	return "?";
}

int bl_pool_kind_from_key(const char *key, unsigned *bit)
{
	for (size_t i = 0; key && i < N_KINDS; i++)
		if (strcmp(key, kinds[i].key) == 0 || strcmp(key, kinds[i].da) == 0 ||
		    strcmp(key, kinds[i].nb) == 0) {
			*bit = kinds[i].bit;
			return 0;
		}
	return -1;
}

int bl_pool_kinds_parse(const char *text, unsigned *mask, bl_err *err)
{
	*mask = 0;
	const char *p = text ? text : "";
	for (;;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, ", ");
		char word[32];
		if (n == 0 || n >= sizeof word)
			return bl_err_set(err, _("'%s' is not a list of project kinds; expected"
						 " development, capital or operation, separated by"
						 " commas"), text ? text : "");
		memcpy(word, p, n);
		word[n] = '\0';
		unsigned bit;
		if (bl_pool_kind_from_key(word, &bit) != 0)
			return bl_err_set(err, _("'%s' is not a kind of project; expected"
						 " development, capital or operation"), word);
		*mask |= bit;
		p += n;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			return 0;
		if (*p != ',')
			return bl_err_set(err, _("'%s' is not a list of project kinds; expected"
						 " development, capital or operation, separated by"
						 " commas"), text);
		p++;
	}
}

void bl_pool_kinds_text(unsigned mask, char *buf, size_t n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < N_KINDS; i++) {
		if (!(mask & kinds[i].bit))
			continue;
		int w = snprintf(buf + at, n - at, "%s%s", at ? "," : "", kinds[i].key);
		if (w < 0 || (size_t)w >= n - at)
			return;
		at += (size_t)w;
	}
}

static const char *const status_keys[] = { "applied", "granted", "rejected", "withdrawn" };

const char *bl_project_status_key(bl_project_status st)
{
	return (unsigned)st < 4 ? status_keys[st] : "?";
}

int bl_project_status_from_key(const char *key, bl_project_status *out)
{
	for (int i = 0; key && i < 4; i++)
		if (strcmp(key, status_keys[i]) == 0) {
			*out = (bl_project_status)i;
			return 0;
		}
	return -1;
}

/* ---- records ---- */

void bl_pool_rec_clear(bl_pool_rec *p)
{
	if (!p)
		return;
	free(p->key);
	free(p->name);
	free(p->purpose);
	free(p->line_code);
	free(p->goals);
	memset(p, 0, sizeof *p);
}

void bl_pool_recs_free(bl_pool_rec *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_pool_rec_clear(&v[i]);
	free(v);
}

void bl_pool_project_clear(bl_pool_project *p)
{
	if (!p)
		return;
	free(p->title);
	free(p->applicant);
	free(p->description);
	free(p->decided_at);
	free(p->note);
	bl_pillars_clear(&p->pillars);
	free(p->goals);
	memset(p, 0, sizeof *p);
}

void bl_pool_projects_free(bl_pool_project *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bl_pool_project_clear(&v[i]);
	free(v);
}

/* ---- helpers ---- */

static int pool_id(bl_store *s, const char *key, int64_t *id, bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT id FROM pool WHERE key = ?1", &st, err) != 0)
		return -1;
	bl_bind_text(st, 1, key);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		ret = bl_err_set(err, _("there is no development pool '%s' (`budgetlab pools`"
					" lists them)"), key ? key : "");
	else
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

static bool key_valid(const char *k)
{
	size_t n = k ? strlen(k) : 0;
	if (n < 1 || n > 32 || !((k[0] >= 'a' && k[0] <= 'z') || (k[0] >= '0' && k[0] <= '9')))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '-' ||
		      k[i] == '_'))
			return false;
	return true;
}

/* The goals as a JSON array of ids, for json_each (?N). */
static char *goals_json(const int64_t *g, size_t n)
{
	size_t cap = 3 + n * 21;
	char *j = malloc(cap);
	if (!j)
		return NULL;
	size_t at = 0;
	j[at++] = '[';
	for (size_t i = 0; i < n; i++)
		at += (size_t)snprintf(j + at, cap - at, "%s%" PRId64, i ? "," : "", g[i]);
	j[at++] = ']';
	j[at] = '\0';
	return j;
}

static int goals_exist(bl_store *s, const int64_t *g, size_t n, bl_err *err)
{
	sqlite3_stmt *st;
	if (n == 0)
		return 0;
	if (bl_prepare(s, "SELECT 1 FROM goal WHERE id = ?1", &st, err) != 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, g[i]);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			ret = bl_err_set(err, _("there is no goal %" PRId64 " (`budgetlab goals`"
						" lists them)"), g[i]);
		else if (rc != SQLITE_ROW)
			ret = bl_store_fail(s, err);
	}
	sqlite3_finalize(st);
	return ret;
}

/* Make table's goals for owner (column col) exactly g: remove the others,
 * add the new (each journalled by its trigger; unchanged ones are not). */
static int goals_replace(bl_store *s, const char *table, const char *col, int64_t owner,
			 const int64_t *g, size_t n, bl_err *err)
{
	char *json = goals_json(g, n);
	if (!json)
		return bl_err_set(err, _("out of memory"));
	char del[160], ins[200];
	snprintf(del, sizeof del,
		 "DELETE FROM %s WHERE %s = ?1 AND goal_id NOT IN"
		 " (SELECT value FROM json_each(?2))", table, col);
	snprintf(ins, sizeof ins,
		 "INSERT OR IGNORE INTO %s (%s, goal_id) SELECT ?1, value FROM json_each(?2)",
		 table, col);
	int rc = -1;
	sqlite3_stmt *st;
	for (int k = 0; k < 2; k++) {
		if (bl_prepare(s, k ? ins : del, &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, owner);
		sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
		int r = bl_step_done(s, st, err);
		sqlite3_finalize(st);
		if (r != 0)
			goto out;
	}
	rc = 0;
out:
	free(json);
	return rc;
}

static int goals_read(bl_store *s, const char *sql, int64_t owner, int64_t **out, size_t *n,
		      bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, owner);
	int rc = bl_rows_collect(s, st, sizeof **out, bl_row_int64, NULL, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- pools ---- */

static int pool_valid(bl_store *s, const bl_pool_rec *p, int64_t self, int64_t *line_id,
		      bl_err *err)
{
	if (!key_valid(p->key))
		return bl_err_set(err, _("'%s' is not a pool key; expected 1 to 32 small letters,"
					 " digits, '-' or '_', starting with a letter or digit"),
				  p->key ? p->key : "");
	if (bl_blank(p->name))
		return bl_err_set(err, _("a development pool needs a name"));
	if (!p->kinds || (p->kinds & ~7u))
		return bl_err_set(err, _("a development pool must take some kind of project:"
					 " development, capital or operation"));
	if (p->has_max && p->max_per_project <= 0)
		return bl_err_set(err, _("the maximum per project must be more than 0"));
	bl_line l;
	if (bl_store_line_find(s, p->line_code, &l, err) != 0)
		return -1;
	*line_id = l.id;
	bool income = l.dir != BL_DIR_EXPENSE;
	bl_line_clear(&l);
	if (income)
		return bl_err_set(err, _("line %s is income; a development pool's money must be an"
					 " expense line"), p->line_code);
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT key FROM pool WHERE line_id = ?1 AND id <> ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, *line_id);
	sqlite3_bind_int64(st, 2, self);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		ret = bl_err_set(err, _("line %s carries development pool '%s' already; one line"
					" carries one pool"),
				 p->line_code, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	if (ret == 0 && self == 0) {
		int64_t other;
		bl_err e2;
		if (pool_id(s, p->key, &other, &e2) == 0)
			ret = bl_err_set(err, _("there is a development pool '%s' already"), p->key);
	}
	return ret == 0 ? goals_exist(s, p->goals, p->n_goals, err) : ret;
}

static void pool_bind(sqlite3_stmt *st, const bl_pool_rec *p, int64_t line_id)
{
	char kt[64];
	bl_pool_kinds_text(p->kinds, kt, sizeof kt);
	bl_bind_text(st, 1, p->key);
	bl_bind_text(st, 2, p->name);
	bl_bind_text(st, 3, bl_blank(p->purpose) ? NULL : p->purpose);
	sqlite3_bind_int64(st, 4, line_id);
	bl_bind_text(st, 5, kt);
	if (p->has_max)
		sqlite3_bind_int64(st, 6, p->max_per_project);
	sqlite3_bind_int(st, 7, p->carry_over);
}

int bl_store_pool_add(bl_store *s, const bl_pool_rec *p, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t line_id;
	sqlite3_stmt *st;
	if (pool_valid(s, p, 0, &line_id, err) != 0)
		goto out;
	if (bl_prepare(s, "INSERT INTO pool (key, name, purpose, line_id, kinds, max_per_project,"
			  " carry_over) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) != 0)
		goto out;
	pool_bind(st, p, line_id);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	if (rc == 0)
		rc = goals_replace(s, "pool_goal", "pool_id", sqlite3_last_insert_rowid(s->db),
				   p->goals, p->n_goals, err);
out:
	return bl_write_end(s, outer, rc, err);
}

int bl_store_pool_update(bl_store *s, const char *key, const bl_pool_rec *p, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id, line_id;
	sqlite3_stmt *st;
	if (pool_id(s, key, &id, err) != 0 || pool_valid(s, p, id, &line_id, err) != 0)
		goto out;
	if (strcmp(key, p->key) != 0) {
		int64_t other;
		bl_err e2;
		if (pool_id(s, p->key, &other, &e2) == 0) {
			bl_err_set(err, _("there is a development pool '%s' already"), p->key);
			goto out;
		}
	}
	if (bl_prepare(s, "UPDATE pool SET key = ?1, name = ?2, purpose = ?3, line_id = ?4,"
			  " kinds = ?5, max_per_project = ?6, carry_over = ?7 WHERE id = ?8",
		       &st, err) != 0)
		goto out;
	pool_bind(st, p, line_id);
	sqlite3_bind_int64(st, 8, id);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	if (rc == 0)
		rc = goals_replace(s, "pool_goal", "pool_id", id, p->goals, p->n_goals, err);
out:
	if (rc != 0)
		bl_err_prefix(err, _("development pool '%s' was not changed"), key);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_pool_delete(bl_store *s, const char *key, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t id;
	sqlite3_stmt *st;
	if (pool_id(s, key, &id, err) != 0 ||
	    bl_prepare(s, "DELETE FROM pool WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
out:
	return bl_write_end(s, outer, rc, err);
}

#define POOL_COLS                                                             \
	"SELECT p.id, p.key, p.name, p.purpose, l.code, p.kinds, p.max_per_project," \
	" p.carry_over FROM pool p JOIN line l ON l.id = p.line_id"

typedef struct pool_row {
	int64_t id;
	bl_pool_rec rec;
} pool_row;

static bool pool_fill(sqlite3_stmt *st, void *elem)
{
	pool_row *r = elem;
	r->id = sqlite3_column_int64(st, 0);
	bl_pool_rec *p = &r->rec;
	bl_err e;
	const char *kt = (const char *)sqlite3_column_text(st, 5);
	if (bl_pool_kinds_parse(kt, &p->kinds, &e) != 0)
		p->kinds = 0;
	p->has_max = sqlite3_column_type(st, 6) != SQLITE_NULL;
	p->max_per_project = sqlite3_column_int64(st, 6);
	p->carry_over = sqlite3_column_int(st, 7) != 0;
	return bl_col_dup(st, 1, &p->key) && bl_col_dup(st, 2, &p->name) &&
	       bl_col_dup(st, 3, &p->purpose) && bl_col_dup(st, 4, &p->line_code);
}

static void pool_row_clear(void *elem)
{
	bl_pool_rec_clear(&((pool_row *)elem)->rec);
}

static int pools_read(bl_store *s, const char *where_key, bl_pool_rec **out, size_t *n,
		      bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (bl_prepare(s, where_key ? POOL_COLS " WHERE p.key = ?1" : POOL_COLS " ORDER BY p.key",
		       &st, err) != 0)
		return -1;
	if (where_key)
		bl_bind_text(st, 1, where_key);
	pool_row *rows;
	size_t nr;
	int rc = bl_rows_collect(s, st, sizeof *rows, pool_fill, pool_row_clear, &rows, &nr, err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	bl_pool_rec *v = nr ? calloc(nr, sizeof *v) : NULL;
	if (nr && !v) {
		for (size_t i = 0; i < nr; i++)
			bl_pool_rec_clear(&rows[i].rec);
		free(rows);
		return bl_err_set(err, _("out of memory"));
	}
	for (size_t i = 0; i < nr; i++)
		v[i] = rows[i].rec;
	for (size_t i = 0; i < nr && rc == 0; i++)
		rc = goals_read(s, "SELECT goal_id FROM pool_goal WHERE pool_id = ?1 ORDER BY goal_id",
				rows[i].id, &v[i].goals, &v[i].n_goals, err);
	free(rows);
	if (rc != 0) {
		bl_pool_recs_free(v, nr);
		return -1;
	}
	*out = v;
	*n = nr;
	return 0;
}

int bl_store_pool_get(bl_store *s, const char *key, bl_pool_rec *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	bl_pool_rec *v;
	size_t n;
	if (pools_read(s, key ? key : "", &v, &n, err) != 0)
		return -1;
	if (n == 0)
		return 0;
	*out = v[0];
	free(v);
	return 1;
}

int bl_store_pools(bl_store *s, bl_pool_rec **out, size_t *n, bl_err *err)
{
	return pools_read(s, NULL, out, n, err);
}

int bl_store_pool_money(bl_store *s, const char *key, bl_pool_money *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	int64_t id;
	if (pool_id(s, key, &id, err) != 0)
		return -1;
	out->n_years = s->info.n_years;
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT y.year, y.budget, y.asked, y.granted, p.carry_over"
			  " FROM pool_year y JOIN pool p ON p.id = y.pool_id WHERE y.pool_id = ?1"
			  " ORDER BY y.year", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc, ret = 0;
	bl_money carried = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = sqlite3_column_int(st, 0) - s->info.budget_year;
		if (i < 0 || i >= out->n_years)
			continue;
		out->budget[i] = sqlite3_column_int64(st, 1);
		out->asked[i] = sqlite3_column_int64(st, 2);
		out->granted[i] = sqlite3_column_int64(st, 3);
		bool carry = out->carry_over = sqlite3_column_int(st, 4) != 0;
		bl_money avail;
		if (!bl_money_add(out->budget[i], carry ? carried : 0, &avail) ||
		    !bl_money_sub(avail, out->granted[i], &out->left[i])) {
			ret = bl_err_set(err, _("development pool '%s': what is left in %d does not"
						" fit in a 64-bit number of øre"),
					 key, s->info.budget_year + i);
			break;
		}
		carried = out->left[i];
	}
	if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	if (ret != 0)
		return -1;
	if (bl_prepare(s, "SELECT count(*), coalesce(sum(status = 'applied'), 0),"
			  " coalesce(sum(status = 'granted'), 0) FROM pool_project WHERE pool_id = ?1",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->n_projects = sqlite3_column_int64(st, 0);
		out->n_applied = sqlite3_column_int64(st, 1);
		out->n_granted = sqlite3_column_int64(st, 2);
	} else {
		ret = bl_store_fail(s, err);
	}
	sqlite3_finalize(st);
	return ret;
}

/* ---- projects ---- */

static int project_id(bl_store *s, int64_t pool, const char *key, int64_t number, int64_t *id,
		      bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT id FROM pool_project WHERE pool_id = ?1 AND number = ?2", &st,
		       err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, pool);
	sqlite3_bind_int64(st, 2, number);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		ret = bl_err_set(err, _("development pool '%s' has no project %" PRId64
					" (`budgetlab projects %s` lists them)"), key, number, key);
	else
		ret = bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

static int project_valid(bl_store *s, const bl_pool_project *p, bl_err *err)
{
	if (bl_blank(p->title))
		return bl_err_set(err, _("a project needs a title"));
	if (p->kind != BL_POOL_DEVELOPMENT && p->kind != BL_POOL_CAPITAL &&
	    p->kind != BL_POOL_OPERATION)
		return bl_err_set(err, _("a project is of one kind: development, capital or"
					 " operation"));
	bl_date d;
	if (bl_date_parse(p->applied, &d, err) != 0)
		return bl_err_prefix(err, _("the application date"));
	if (bl_pillars_check(&p->pillars, err) != 0)
		return -1;
	for (int i = 0; i < p->n_years && i < BL_MAX_YEARS; i++)
		if (p->asked[i] < 0)
			return bl_err_set(err, _("the amount asked for %d is negative"),
					  s->info.budget_year + i);
	return goals_exist(s, p->goals, p->n_goals, err);
}

static void project_bind(sqlite3_stmt *st, const bl_pool_project *p)
{
	bl_bind_text(st, 1, p->title);
	bl_bind_text(st, 2, bl_blank(p->applicant) ? NULL : p->applicant);
	bl_bind_text(st, 3, bl_pool_kind_key(p->kind));
	bl_bind_text(st, 4, bl_blank(p->description) ? NULL : p->description);
	bl_bind_text(st, 5, p->applied);
	bl_bind_text(st, 6, bl_blank(p->note) ? NULL : p->note);
	for (int k = 0; k < BL_PILLARS; k++)
		if (p->pillars.has[k])
			sqlite3_bind_int(st, 7 + k, p->pillars.score[k]);
	bl_bind_text(st, 10, bl_blank(p->pillars.justification) ? NULL : p->pillars.justification);
}

/* Set one column (asked or granted) of the project's amounts to v[i] for
 * the years where keep(i) -- decreases first, so that a grant moved
 * between years never looks like an overspend half-way -- and drop the
 * rows that are left with nothing. */
static int amounts_write(bl_store *s, int64_t project, const char *col, const bl_money *v,
			 int n_years, bl_err *err)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "INSERT INTO pool_amount (project_id, year, asked, granted) VALUES (?1, ?2, %s, %s)"
		 " ON CONFLICT (project_id, year) DO UPDATE SET %s = excluded.%s"
		 " WHERE %s IS NOT excluded.%s",
		 strcmp(col, "asked") == 0 ? "?3" : "0", strcmp(col, "asked") == 0 ? "0" : "?3",
		 col, col, col, col);
	sqlite3_stmt *st, *cur;
	/* What the project has now, read once. */
	bl_money old[BL_MAX_YEARS] = { 0 };
	char q[128];
	snprintf(q, sizeof q, "SELECT year, %s FROM pool_amount WHERE project_id = ?1", col);
	if (bl_prepare(s, q, &cur, err) != 0)
		return -1;
	sqlite3_bind_int64(cur, 1, project);
	int r;
	while ((r = sqlite3_step(cur)) == SQLITE_ROW) {
		int i = sqlite3_column_int(cur, 0) - s->info.budget_year;
		if (i >= 0 && i < n_years && i < BL_MAX_YEARS)
			old[i] = sqlite3_column_int64(cur, 1);
	}
	sqlite3_finalize(cur);
	if (r != SQLITE_DONE)
		return bl_store_fail(s, err);
	if (bl_prepare(s, sql, &st, err) != 0)
		return -1;
	int rc = 0;
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		for (int i = 0; i < n_years && rc == 0; i++) {
			if (v[i] == old[i] || (pass == 0) != (v[i] < old[i]))
				continue;
			sqlite3_bind_int64(st, 1, project);
			sqlite3_bind_int(st, 2, s->info.budget_year + i);
			sqlite3_bind_int64(st, 3, v[i]);
			rc = bl_step_done(s, st, err);
		}
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	if (bl_prepare(s, "DELETE FROM pool_amount WHERE project_id = ?1 AND asked = 0"
			  " AND granted = 0", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, project);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

static int project_kind_warn(bl_store *s, const char *key, unsigned kind, char *warn, size_t n,
			     bl_err *err)
{
	if (!warn || n == 0)
		return 0;
	warn[0] = '\0';
	bl_pool_rec p;
	int r = bl_store_pool_get(s, key, &p, err);
	if (r < 0)
		return -1;
	if (r == 1 && !(p.kinds & kind))
		snprintf(warn, n, _("development pool '%s' does not pay for %s projects: this"
				    " application can be registered, never granted"),
			 key, bl_pool_kind_key(kind));
	bl_pool_rec_clear(&p);
	return 0;
}

int bl_store_pool_project_add(bl_store *s, const char *pool, const bl_pool_project *p,
			      int64_t *number_out, char *warn, size_t warn_size, bl_err *err)
{
	bool outer;
	if (warn && warn_size)
		warn[0] = '\0';
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t pid, number = 0;
	sqlite3_stmt *st;
	if (pool_id(s, pool, &pid, err) != 0 || project_valid(s, p, err) != 0)
		goto out;
	if (bl_prepare(s, "SELECT coalesce(max(number), 0) + 1 FROM pool_project WHERE pool_id = ?1",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, pid);
	rc = bl_step_count(s, st, &number, err);
	sqlite3_finalize(st);
	if (rc != 0)
		goto out;
	rc = -1;
	if (bl_prepare(s, "INSERT INTO pool_project (title, applicant, kind, description, applied,"
			  " note, social, economic, environmental, justification, pool_id, number,"
			  " status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
			  " 'applied')", &st, err) != 0)
		goto out;
	project_bind(st, p);
	sqlite3_bind_int64(st, 11, pid);
	sqlite3_bind_int64(st, 12, number);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	if (rc != 0)
		goto out;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	rc = -1;
	if (goals_replace(s, "pool_project_goal", "project_id", id, p->goals, p->n_goals, err) !=
		    0 ||
	    amounts_write(s, id, "asked", p->asked, s->info.n_years, err) != 0 ||
	    project_kind_warn(s, pool, p->kind, warn, warn_size, err) != 0)
		goto out;
	if (number_out)
		*number_out = number;
	rc = 0;
out:
	return bl_write_end(s, outer, rc, err);
}

int bl_store_pool_project_update(bl_store *s, const char *pool, const bl_pool_project *p,
				 bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t pid, id;
	sqlite3_stmt *st;
	if (pool_id(s, pool, &pid, err) != 0 || project_id(s, pid, pool, p->number, &id, err) != 0 ||
	    project_valid(s, p, err) != 0)
		goto out;
	if (bl_prepare(s, "UPDATE pool_project SET title = ?1, applicant = ?2, kind = ?3,"
			  " description = ?4, applied = ?5, note = ?6, social = ?7, economic = ?8,"
			  " environmental = ?9, justification = ?10 WHERE id = ?11", &st, err) != 0)
		goto out;
	project_bind(st, p);
	sqlite3_bind_int64(st, 11, id);
	rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	if (rc == 0)
		rc = goals_replace(s, "pool_project_goal", "project_id", id, p->goals, p->n_goals,
				   err);
	if (rc == 0)
		rc = amounts_write(s, id, "asked", p->asked, s->info.n_years, err);
out:
	if (rc != 0)
		bl_err_prefix(err, _("project %" PRId64 " was not changed"), p->number);
	return bl_write_end(s, outer, rc, err);
}

#define PROJECT_COLS                                                          \
	"SELECT id, number, title, applicant, kind, description, applied, status, decided_at," \
	" note, social, economic, environmental, justification FROM pool_project"

typedef struct project_row {
	int64_t id;
	bl_pool_project p;
} project_row;

static bool project_fill(sqlite3_stmt *st, void *elem)
{
	project_row *r = elem;
	bl_pool_project *p = &r->p;
	r->id = sqlite3_column_int64(st, 0);
	p->number = sqlite3_column_int64(st, 1);
	const char *k = (const char *)sqlite3_column_text(st, 4);
	if (bl_pool_kind_from_key(k, &p->kind) != 0)
		p->kind = 0;
	const char *a = (const char *)sqlite3_column_text(st, 6);
	snprintf(p->applied, sizeof p->applied, "%s", a ? a : "");
	const char *stt = (const char *)sqlite3_column_text(st, 7);
	if (bl_project_status_from_key(stt, &p->status) != 0)
		p->status = BL_PROJECT_APPLIED;
	for (int i = 0; i < BL_PILLARS; i++) {
		p->pillars.has[i] = sqlite3_column_type(st, 10 + i) != SQLITE_NULL;
		p->pillars.score[i] = sqlite3_column_int(st, 10 + i);
	}
	return bl_col_dup(st, 2, &p->title) && bl_col_dup(st, 3, &p->applicant) &&
	       bl_col_dup(st, 5, &p->description) && bl_col_dup(st, 8, &p->decided_at) &&
	       bl_col_dup(st, 9, &p->note) && bl_col_dup(st, 13, &p->pillars.justification);
}

static void project_row_clear(void *elem)
{
	bl_pool_project_clear(&((project_row *)elem)->p);
}

static int project_amounts(bl_store *s, int64_t id, bl_pool_project *p, bl_err *err)
{
	sqlite3_stmt *st;
	p->n_years = s->info.n_years;
	if (bl_prepare(s, "SELECT year, asked, granted FROM pool_amount WHERE project_id = ?1",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = sqlite3_column_int(st, 0) - s->info.budget_year;
		if (i >= 0 && i < p->n_years) {
			p->asked[i] = sqlite3_column_int64(st, 1);
			p->granted[i] = sqlite3_column_int64(st, 2);
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret == 0 ? goals_read(s, "SELECT goal_id FROM pool_project_goal WHERE project_id = ?1"
				     " ORDER BY goal_id", id, &p->goals, &p->n_goals, err)
			: -1;
}

static int projects_read(bl_store *s, const char *pool, int64_t number, bl_pool_project **out,
			 size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	int64_t pid;
	if (pool_id(s, pool, &pid, err) != 0)
		return -1;
	sqlite3_stmt *st;
	if (bl_prepare(s, number ? PROJECT_COLS " WHERE pool_id = ?1 AND number = ?2"
				 : PROJECT_COLS " WHERE pool_id = ?1 ORDER BY number",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	if (number)
		sqlite3_bind_int64(st, 2, number);
	project_row *rows;
	size_t nr;
	int rc = bl_rows_collect(s, st, sizeof *rows, project_fill, project_row_clear, &rows, &nr,
				 err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	bl_pool_project *v = nr ? calloc(nr, sizeof *v) : NULL;
	if (nr && !v) {
		for (size_t i = 0; i < nr; i++)
			bl_pool_project_clear(&rows[i].p);
		free(rows);
		return bl_err_set(err, _("out of memory"));
	}
	for (size_t i = 0; i < nr; i++)
		v[i] = rows[i].p;
	for (size_t i = 0; i < nr && rc == 0; i++)
		rc = project_amounts(s, rows[i].id, &v[i], err);
	free(rows);
	if (rc != 0) {
		bl_pool_projects_free(v, nr);
		return -1;
	}
	*out = v;
	*n = nr;
	return 0;
}

int bl_store_pool_project_get(bl_store *s, const char *pool, int64_t number,
			      bl_pool_project *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	bl_pool_project *v;
	size_t n;
	if (number < 1)
		return 0;
	if (projects_read(s, pool, number, &v, &n, err) != 0)
		return -1;
	if (n == 0)
		return 0;
	*out = v[0];
	free(v);
	return 1;
}

int bl_store_pool_projects(bl_store *s, const char *pool, bl_pool_project **out, size_t *n,
			   bl_err *err)
{
	return projects_read(s, pool, 0, out, n, err);
}

static int status_set(bl_store *s, int64_t id, bl_project_status stt, const char *note,
		      bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "UPDATE pool_project SET status = ?1, note = coalesce(?2, note),"
			  " decided_at = CASE WHEN ?1 = 'applied' THEN NULL ELSE bl_now() END"
			  " WHERE id = ?3", &st, err) != 0)
		return -1;
	bl_bind_text(st, 1, bl_project_status_key(stt));
	bl_bind_text(st, 2, bl_blank(note) ? NULL : note);
	sqlite3_bind_int64(st, 3, id);
	int rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}

int bl_store_pool_grant(bl_store *s, const char *pool, int64_t number, const bl_money *granted,
			int n_years, const char *note, bl_err *err)
{
	if (n_years != s->info.n_years)
		return bl_err_set(err, _("a grant has an amount for each of the process's %d"
					 " years"), s->info.n_years);
	bl_money sum = 0;
	for (int i = 0; i < n_years; i++) {
		if (granted[i] < 0)
			return bl_err_set(err, _("the amount granted for %d is negative"),
					  s->info.budget_year + i);
		if (!bl_money_add(sum, granted[i], &sum))
			return bl_err_set(err, _("the grant's sum over the years does not fit in a"
						 " 64-bit number of øre"));
	}
	if (sum == 0)
		return bl_err_set(err, _("a grant needs an amount in some year; to refuse the"
					 " project, reject it"));
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t pid, id;
	bl_pool_project cur;
	memset(&cur, 0, sizeof cur);
	if (pool_id(s, pool, &pid, err) != 0 || project_id(s, pid, pool, number, &id, err) != 0 ||
	    bl_store_pool_project_get(s, pool, number, &cur, err) < 0)
		goto out;
	if (cur.status == BL_PROJECT_WITHDRAWN) {
		bl_err_set(err, _("project %" PRId64 " was withdrawn; register a new application"
				  " instead"), number);
		goto out;
	}
	/* What the other projects have, plus this grant, must be a number:
	 * the triggers' sums would stop with SQLite's "integer overflow". */
	bl_pool_money m;
	if (bl_store_pool_money(s, pool, &m, err) != 0)
		goto out;
	for (int i = 0; i < n_years; i++) {
		bl_money others, total;
		if (!bl_money_sub(m.granted[i], cur.granted[i], &others) ||
		    !bl_money_add(others, granted[i], &total)) {
			bl_err_set(err, _("development pool '%s' would be overspent in %d: the"
					  " grants' sum does not fit in a 64-bit number of øre"),
				   pool, s->info.budget_year + i);
			goto out;
		}
	}
	if (status_set(s, id, BL_PROJECT_GRANTED, note, err) != 0 ||
	    amounts_write(s, id, "granted", granted, n_years, err) != 0)
		goto out;
	rc = 0;
out:
	bl_pool_project_clear(&cur);
	if (rc != 0)
		bl_err_prefix(err, _("project %" PRId64 " was not granted"), number);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_pool_decide(bl_store *s, const char *pool, int64_t number, bl_project_status stt,
			 const char *note, bl_err *err)
{
	if (stt == BL_PROJECT_GRANTED)
		return bl_err_set(err, _("a project is granted with its amounts (`budgetlab grant`)"));
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t pid, id;
	bl_money zero[BL_MAX_YEARS] = { 0 };
	bl_pool_project cur;
	memset(&cur, 0, sizeof cur);
	if (pool_id(s, pool, &pid, err) != 0 || project_id(s, pid, pool, number, &id, err) != 0 ||
	    bl_store_pool_project_get(s, pool, number, &cur, err) < 0)
		goto out;
	if (cur.status == stt) {
		bl_err_set(err, _("project %" PRId64 " of development pool '%s' is %s already"),
			   number, pool, bl_project_status_key(stt));
		goto out;
	}
	if (amounts_write(s, id, "granted", zero, s->info.n_years, err) != 0 ||
	    status_set(s, id, stt, note, err) != 0)
		goto out;
	rc = 0;
out:
	bl_pool_project_clear(&cur);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_pools_check(bl_store *s, bl_err *err)
{
	sqlite3_stmt *st;
	/* The triggers' own refusal, so that the message is theirs. */
	if (bl_prepare(s, "SELECT bl_refuse('pool_over', p.name, s.year, s.budget, s.granted,"
			  " s.cum_budget, s.cum_granted, s.carry_over,"
			  " (SELECT code FROM line WHERE id = p.line_id), p.key)"
			  " FROM pool_short s JOIN pool p ON p.id = s.pool_id LIMIT 1",
		       &st, err) != 0)
		return -1;
	int rc = bl_step_done(s, st, err);
	sqlite3_finalize(st);
	return rc;
}
