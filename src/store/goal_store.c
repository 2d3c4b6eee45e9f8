/* goal_store.c: goals and the SDGs (goal_store.h). */
#include "config.h"
#include "store/goal_store.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

void bl_strings_free(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static int goal_must_exist(bl_store *s, int64_t goal_id, bl_err *err)
{
	return bl_goal_exists(s, goal_id, err);
}

static const char *const status_keys[] = { "draft", "discussed", "agreed" };

const char *bl_goal_status_key(bl_goal_status st)
{
	return (unsigned)st < 3 ? status_keys[st] : "?";
}

int bl_goal_status_from_key(const char *key, bl_goal_status *out)
{
	static const struct {
		const char *word;
		bl_goal_status st;
	} w[] = {
		{ "draft", BL_GOAL_DRAFT },	    { "udkast", BL_GOAL_DRAFT },
		{ "utkast", BL_GOAL_DRAFT },	    { "discussed", BL_GOAL_DISCUSSED },
		{ "drøftet", BL_GOAL_DISCUSSED },  { "agreed", BL_GOAL_AGREED },
		{ "vedtaget", BL_GOAL_AGREED },    { "vedtatt", BL_GOAL_AGREED },
		{ "aftalt", BL_GOAL_AGREED },	    { "avtalt", BL_GOAL_AGREED },
	};
	for (size_t i = 0; key && i < sizeof w / sizeof w[0]; i++)
		if (strcmp(key, w[i].word) == 0) {
			*out = w[i].st;
			return 0;
		}
	return -1;
}

int bl_store_goal_status_set(bl_store *s, int64_t goal_id, bl_goal_status st, bl_err *err)
{
	if ((unsigned)st > BL_GOAL_AGREED)
		return bl_err_set(err, _("a goal is draft, discussed or agreed"));
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *up = NULL;
	int rc = -1;
	if (goal_must_exist(s, goal_id, err) != 0 ||
	    bl_prepare(s, "UPDATE goal SET status = ?2 WHERE id = ?1 AND status IS NOT ?2", &up,
		       err) != 0)
		goto out;
	sqlite3_bind_int64(up, 1, goal_id);
	bl_bind_text(up, 2, bl_goal_status_key(st));
	rc = bl_step_done(s, up, err);
out:
	sqlite3_finalize(up);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_goal_targets_set(bl_store *s, int64_t goal_id, const char *const *targets,
			      size_t n, const bl_sdg_set *sdg, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *del = NULL, *ins = NULL;
	const char **codes = n ? calloc(n, sizeof *codes) : NULL;
	int rc = -1;
	if (n && !codes) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	if (goal_must_exist(s, goal_id, err) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const bl_sdg_target *t = bl_sdg_target_find(sdg, targets[i], err);
		if (!t) {
			bl_err_prefix(err, _("goal %" PRId64), goal_id);
			goto out;
		}
		codes[i] = t->code;
		for (size_t k = 0; k < i; k++)
			if (codes[k] == t->code) {
				bl_err_set(err, _("goal %" PRId64 " names target %s twice"), goal_id,
					   t->code);
				goto out;
			}
	}
	/* The same targets again change nothing, and journal nothing. */
	char **have = NULL;
	size_t nh = 0;
	if (bl_store_goal_targets(s, goal_id, &have, &nh, err) != 0)
		goto out;
	bool same = nh == n;
	for (size_t i = 0; same && i < n; i++) {
		bool found = false;
		for (size_t k = 0; k < nh && !found; k++)
			found = strcmp(have[k], codes[i]) == 0;
		same = found;
	}
	bl_strings_free(have, nh);
	if (same) {
		rc = 0;
		goto out;
	}
	if (bl_prepare(s, "DELETE FROM goal_target WHERE goal_id = ?1", &del, err) != 0 ||
	    bl_prepare(s, "INSERT INTO goal_target (goal_id, target) VALUES (?1, ?2)", &ins, err) != 0)
		goto out;
	sqlite3_bind_int64(del, 1, goal_id);
	if (bl_step_done(s, del, err) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, goal_id);
		bl_bind_text(ins, 2, codes[i]);
		if (bl_step_done(s, ins, err) != 0)
			goto out;
	}
	rc = 0;
out:
	free(codes);
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return bl_write_end(s, outer, rc, err);
}

static bool fill_string(sqlite3_stmt *st, void *elem)
{
	return bl_col_dup(st, 0, elem);
}

static void clear_string(void *elem)
{
	free(*(char **)elem);
}

int bl_store_goal_targets(bl_store *s, int64_t goal_id, char ***out, size_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	/* SDG order: by goal number, then numbered before lettered targets
	 * (a number sorts before a letter in text), numbers by value. */
	if (bl_prepare(s, "SELECT target FROM goal_target WHERE goal_id = ?1"
			  " ORDER BY CAST(target AS INTEGER),"
			  " CAST(substr(target, instr(target, '.') + 1) AS INTEGER) = 0,"
			  " CAST(substr(target, instr(target, '.') + 1) AS INTEGER), target",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	int rc = bl_rows_collect(s, st, sizeof **out, fill_string, clear_string, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

void bl_goal_indicator_clear(bl_goal_indicator *g)
{
	if (!g)
		return;
	free(g->indicator);
	free(g->unit);
	free(g->baseline);
	free(g->target);
	memset(g, 0, sizeof *g);
}

bool bl_decimal_valid(const char *s)
{
	if (!s)
		return false;
	size_t len = strlen(s);
	if (len == 0 || len > 20)
		return false;
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

bool bl_decimal_normal(const char *s, char *buf, size_t bufsz)
{
	if (!s || strlen(s) >= bufsz)
		return false;
	snprintf(buf, bufsz, "%s", s);
	char *c = strchr(buf, ',');
	if (c && !strchr(buf, '.'))
		*c = '.';
	return bl_decimal_valid(buf);
}

static int indicator_check(int64_t goal_id, const bl_goal_indicator *g, bl_err *err)
{
	if (bl_blank(g->indicator))
		return bl_err_set(err, _("goal %" PRId64 ": the indicator needs a text saying what is"
					 " measured"), goal_id);
	if (!bl_decimal_valid(g->baseline))
		return bl_err_set(err, _("goal %" PRId64 ": the baseline '%s' is not a number; expected"
					 " e.g. 42 or -3.5 (a point for decimals)"),
				  goal_id, g->baseline ? g->baseline : "");
	if (g->baseline_year < 1900 || g->baseline_year > 2199)
		return bl_err_set(err, _("goal %" PRId64 ": the baseline year %d is not a year from 1900"
					 " to 2199"), goal_id, g->baseline_year);
	if (g->target && !bl_decimal_valid(g->target))
		return bl_err_set(err, _("goal %" PRId64 ": the target '%s' is not a number; expected"
					 " e.g. 60 or 12.5"), goal_id, g->target);
	if ((g->target != NULL) != (g->target_year != 0))
		return bl_err_set(err, _("goal %" PRId64 ": a target value goes with the year it is to"
					 " be reached by, and a year with a value"), goal_id);
	if (g->target && (g->target_year < g->baseline_year || g->target_year > 2199))
		return bl_err_set(err, _("goal %" PRId64 ": the target year %d is before the baseline"
					 " year %d or after 2199"),
				  goal_id, g->target_year, g->baseline_year);
	return 0;
}

int bl_store_goal_indicator_set(bl_store *s, int64_t goal_id, const bl_goal_indicator *ind,
				bl_err *err)
{
	if (ind && indicator_check(goal_id, ind, err) != 0)
		return -1;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (goal_must_exist(s, goal_id, err) != 0)
		goto out;
	if (!ind) {
		if (bl_prepare(s, "DELETE FROM goal_measure WHERE goal_id = ?1", &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, goal_id);
		if (bl_step_done(s, st, err) != 0)
			goto out;
		sqlite3_finalize(st);
		if (bl_prepare(s, "DELETE FROM goal_indicator WHERE goal_id = ?1", &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, goal_id);
		rc = bl_step_done(s, st, err);
		goto out;
	}
	if (bl_prepare(s,
		       "INSERT INTO goal_indicator (goal_id, indicator, unit, baseline, baseline_year,"
		       " target, target_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		       " ON CONFLICT (goal_id) DO UPDATE SET indicator = excluded.indicator,"
		       " unit = excluded.unit, baseline = excluded.baseline,"
		       " baseline_year = excluded.baseline_year, target = excluded.target,"
		       " target_year = excluded.target_year",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, goal_id);
	bl_bind_text(st, 2, ind->indicator);
	bl_bind_text(st, 3, bl_blank(ind->unit) ? NULL : ind->unit);
	bl_bind_text(st, 4, ind->baseline);
	sqlite3_bind_int(st, 5, ind->baseline_year);
	bl_bind_text(st, 6, ind->target);
	if (ind->target)
		sqlite3_bind_int(st, 7, ind->target_year);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_goal_indicator_get(bl_store *s, int64_t goal_id, bl_goal_indicator *out,
				bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT indicator, unit, baseline, baseline_year, target,"
			  " coalesce(target_year, 0) FROM goal_indicator WHERE goal_id = ?1",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		out->baseline_year = sqlite3_column_int(st, 3);
		out->target_year = sqlite3_column_int(st, 5);
		if (!bl_col_dup(st, 0, &out->indicator) || !bl_col_dup(st, 1, &out->unit) ||
		    !bl_col_dup(st, 2, &out->baseline) || !bl_col_dup(st, 4, &out->target)) {
			bl_goal_indicator_clear(out);
			ret = bl_err_set(err, _("out of memory"));
		} else {
			ret = 1;
		}
	} else if (rc != SQLITE_DONE) {
		ret = bl_store_fail(s, err);
	}
	sqlite3_finalize(st);
	return ret;
}

void bl_goal_measures_free(bl_goal_measure *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].value);
		free(v[i].note);
	}
	free(v);
}

int bl_store_goal_measure_set(bl_store *s, int64_t goal_id, bl_date measured, const char *value,
			      const char *note, bl_err *err)
{
	if (!bl_decimal_valid(value))
		return bl_err_set(err, _("goal %" PRId64 ": the measurement '%s' is not a number;"
					 " expected e.g. 47 or 12.5"), goal_id, value ? value : "");
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	bl_goal_indicator ind;
	int has = goal_must_exist(s, goal_id, err) != 0 ? -1
							 : bl_store_goal_indicator_get(s, goal_id, &ind, err);
	if (has < 0)
		goto out;
	if (has == 0) {
		bl_err_set(err, _("goal %" PRId64 " has no indicator; give it one (with its baseline)"
				  " before measuring"), goal_id);
		goto out;
	}
	bl_goal_indicator_clear(&ind);
	char d[11];
	bl_date_format(measured, d);
	if (bl_prepare(s, "INSERT INTO goal_measure (goal_id, measured, value, note)"
			  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (goal_id, measured) DO UPDATE"
			  " SET value = excluded.value, note = excluded.note",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, goal_id);
	bl_bind_text(st, 2, d);
	bl_bind_text(st, 3, value);
	bl_bind_text(st, 4, bl_blank(note) ? NULL : note);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

static bool fill_measure(sqlite3_stmt *st, void *elem)
{
	bl_goal_measure *m = elem;
	const char *d = (const char *)sqlite3_column_text(st, 0);
	if (!d || bl_date_parse(d, &m->measured, &(bl_err){ { 0 } }) != 0)
		m->measured = 0;
	return bl_col_dup(st, 1, &m->value) && bl_col_dup(st, 2, &m->note);
}

static void clear_measure(void *elem)
{
	bl_goal_measure *m = elem;
	free(m->value);
	free(m->note);
}

int bl_store_goal_measures(bl_store *s, int64_t goal_id, bl_goal_measure **out, size_t *n,
			   bl_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (bl_prepare(s, "SELECT measured, value, note FROM goal_measure WHERE goal_id = ?1"
			  " ORDER BY measured",
		       &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, goal_id);
	int rc = bl_rows_collect(s, st, sizeof **out, fill_measure, clear_measure, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- the bridge ---- */

void bl_bridge_free(bl_bridge *b)
{
	if (!b)
		return;
	free(b->goal_id);
	free(b->goal);
	memset(b, 0, sizeof *b);
}

/* Add one amount to a sum; -1 with a message naming what would overflow. */
static int sum_add(bl_line_sum *m, bool income, int y, bl_money v, const char *what, int year,
		   bl_err *err)
{
	bl_money *slot = income ? &m->income[y] : &m->expense[y];
	if (!bl_money_add(*slot, v, slot))
		return bl_err_set(err, _("the %s of %s in %d would overflow (it must stay within a"
					 " 64-bit number of øre)"),
				  income ? _("income") : _("expenses"), what, year);
	return 0;
}

/* The index of goal id among goals (bl_store_goals: by id), or ng. */
static size_t goal_index(const bl_goal *goals, size_t ng, int64_t id)
{
	size_t lo = 0, hi = ng;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (goals[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ng && goals[lo].id == id ? lo : ng;
}

typedef struct link {
	int64_t line_id, goal_id;
} link;

int bl_store_bridge(bl_store *s, const char *version, bl_bridge *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	out->n_years = s->info.n_years;
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0)
		return -1;
	bl_goal *goals = NULL;
	size_t ng = 0, nl = 0, cap = 0;
	link *links = NULL;
	uint32_t *sdg_of = NULL; /* per goal index: a bit per SDG its targets serve */
	sqlite3_stmt *st = NULL;
	int ret = -1, rc;
	if (bl_store_goals(s, &goals, &ng, err) != 0)
		return -1;
	out->goal_id = ng ? calloc(ng, sizeof *out->goal_id) : NULL;
	out->goal = ng ? calloc(ng, sizeof *out->goal) : NULL;
	sdg_of = ng ? calloc(ng, sizeof *sdg_of) : NULL;
	if (ng && (!out->goal_id || !out->goal || !sdg_of)) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	out->n_goals = ng;
	for (size_t i = 0; i < ng; i++)
		out->goal_id[i] = goals[i].id;
	/* Which SDGs each goal serves. */
	if (bl_prepare(s, "SELECT goal_id, CAST(target AS INTEGER) FROM goal_target", &st, err) != 0)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = goal_index(goals, ng, sqlite3_column_int64(st, 0));
		int sdg = sqlite3_column_int(st, 1);
		if (i < ng && sdg >= 1 && sdg <= BL_SDG_GOALS)
			sdg_of[i] |= 1u << (sdg - 1);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	/* The links, by line. */
	if (bl_prepare(s, "SELECT line_id, goal_id FROM goal_line ORDER BY line_id", &st, err) != 0)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&links, &cap, nl + 1, sizeof *links)) {
			bl_err_set(err, _("out of memory"));
			goto out;
		}
		links[nl].line_id = sqlite3_column_int64(st, 0);
		links[nl].goal_id = sqlite3_column_int64(st, 1);
		nl++;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	/* Every amount of the version, by line: its goals and SDGs from the
	 * links (both sorted by line id). */
	if (bl_prepare(s, "SELECT l.id, l.direction, a.year, a.amount FROM amount a"
			  " JOIN line l ON l.id = a.line_id WHERE a.version_id = ?1 ORDER BY l.id",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, vid);
	size_t k = 0;
	int64_t last = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *dir = (const char *)sqlite3_column_text(st, 1);
		bool income = dir && strcmp(dir, "income") == 0;
		int year = sqlite3_column_int(st, 2), y = year - s->info.budget_year;
		bl_money v = sqlite3_column_int64(st, 3);
		if (y < 0 || y >= out->n_years)
			continue;
		bool first = id != last;
		last = id;
		while (k < nl && links[k].line_id < id)
			k++;
		uint32_t mask = 0;
		bool served = false;
		for (size_t j = k; j < nl && links[j].line_id == id; j++) {
			size_t i = goal_index(goals, ng, links[j].goal_id);
			if (i == ng)
				continue;
			served = true;
			mask |= sdg_of[i];
			if (first)
				out->goal[i].n_lines++;
			char what[64];
			snprintf(what, sizeof what, _("goal %" PRId64), goals[i].id);
			if (sum_add(&out->goal[i], income, y, v, what, year, err) != 0)
				goto out;
		}
		for (int g = 0; g < BL_SDG_GOALS; g++) {
			if (!(mask & (1u << g)))
				continue;
			if (first)
				out->sdg[g].n_lines++;
			char what[32];
			snprintf(what, sizeof what, _("SDG %d"), g + 1);
			if (sum_add(&out->sdg[g], income, y, v, what, year, err) != 0)
				goto out;
		}
		bl_line_sum *rest = served ? NULL : &out->unserved;
		if (rest) {
			if (first)
				rest->n_lines++;
			if (sum_add(rest, income, y, v, _("the lines that serve no goal"), year, err) != 0)
				goto out;
		}
		if (first)
			out->all.n_lines++;
		if (sum_add(&out->all, income, y, v, _("the whole budget"), year, err) != 0)
			goto out;
	}
	if (rc != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(st);
	free(links);
	free(sdg_of);
	bl_goals_free(goals, ng);
	if (ret != 0)
		bl_bridge_free(out);
	return ret;
}

/* ---- the chosen SDGs ---- */

void bl_sdg_choices_free(bl_sdg_choice *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].significance);
		free(v[i].opportunities);
		free(v[i].challenges);
	}
	free(v);
}

static bool choice_fill(sqlite3_stmt *st, void *elem)
{
	bl_sdg_choice *c = elem;
	c->sdg = sqlite3_column_int(st, 0);
	return bl_col_dup(st, 1, &c->significance) && bl_col_dup(st, 2, &c->opportunities) &&
	       bl_col_dup(st, 3, &c->challenges);
}

static void choice_clear(void *elem)
{
	bl_sdg_choice *c = elem;
	free(c->significance);
	free(c->opportunities);
	free(c->challenges);
}

int bl_store_sdg_choices(bl_store *s, bl_sdg_choice **out, size_t *n, bl_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT sdg, significance, opportunities, challenges FROM sdg_choice"
			  " ORDER BY sdg", &st, err) != 0)
		return -1;
	int rc = bl_rows_collect(s, st, sizeof **out, choice_fill, choice_clear, out, n, err);
	sqlite3_finalize(st);
	return rc;
}

int bl_store_sdg_choose(bl_store *s, const bl_sdg_choice *c, bl_err *err)
{
	if (c->sdg < 1 || c->sdg > BL_SDG_GOALS)
		return bl_err_set(err, _("there is no SDG %d; the SDGs are numbered 1 to %d"), c->sdg,
				  BL_SDG_GOALS);
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	/* An upsert that keeps what is not given (NULL) and clears what is
	 * given empty; the WHERE makes the same again write (and journal)
	 * nothing. */
	if (bl_prepare(s,
		       "INSERT INTO sdg_choice (sdg, significance, opportunities, challenges)"
		       " VALUES (?1, nullif(?2, ''), nullif(?3, ''), nullif(?4, ''))"
		       " ON CONFLICT (sdg) DO UPDATE SET"
		       " significance = CASE WHEN ?2 IS NULL THEN significance ELSE nullif(?2, '') END,"
		       " opportunities = CASE WHEN ?3 IS NULL THEN opportunities ELSE nullif(?3, '') END,"
		       " challenges = CASE WHEN ?4 IS NULL THEN challenges ELSE nullif(?4, '') END"
		       " WHERE (?2 IS NOT NULL AND significance IS NOT nullif(?2, ''))"
		       " OR (?3 IS NOT NULL AND opportunities IS NOT nullif(?3, ''))"
		       " OR (?4 IS NOT NULL AND challenges IS NOT nullif(?4, ''))",
		       &st, err) != 0)
		goto out;
	sqlite3_bind_int(st, 1, c->sdg);
	bl_bind_text(st, 2, c->significance);
	bl_bind_text(st, 3, c->opportunities);
	bl_bind_text(st, 4, c->challenges);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_sdg_drop(bl_store *s, int sdg, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (bl_prepare(s, "DELETE FROM sdg_choice WHERE sdg = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int(st, 1, sdg);
	if ((rc = bl_step_done(s, st, err)) == 0 && sqlite3_changes(s->db) == 0)
		rc = bl_err_set(err, _("SDG %d is not among the chosen ones"), sdg);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}
