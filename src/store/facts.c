/* facts.c: what the gates may ask about a process (bl_facts_ops in
 * core/gates.h), answered from the database.  ctx is the bl_store *.
 *
 * Every answer reads small tables: totals and amount counts come from the
 * trigger-kept table total, never from the amounts themselves. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "store/amend_store.h"
#include "store/hearing_store.h"
#include "store/store_internal.h"

static int f_years(void *ctx, int *first_year, int *n_years, bl_err *err)
{
	(void)err;
	bl_store *s = ctx;
	*first_year = s->info.budget_year;
	*n_years = s->info.n_years;
	return 0;
}

static int f_year_totals(void *ctx, const char *version, bl_money *income,
			 bl_money *expense, bl_err *err)
{
	return bl_store_year_totals(ctx, version, income, expense, err);
}

static int f_amount_count(void *ctx, const char *version, int64_t *count, bl_err *err)
{
	bl_store *s = ctx;
	int64_t vid;
	if (bl_version_id(s, version, &vid, err) != 0)
		return -1;
	sqlite3_stmt *st = bl_stmt(s, ST_AMOUNT_COUNT, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, vid);
	return bl_step_count(s, st, count, err);
}

/* An area's code (NOT NULL in the schema: a NULL is out of memory). */
static bool fill_code(sqlite3_stmt *st, void *elem)
{
	char **code = elem;
	return bl_col_dup(st, 0, code) && *code;
}

static void clear_code(void *elem)
{
	free(*(char **)elem);
}

/* The areas at level without a goal (agreed: without an agreed goal). */
static int areas_without(bl_store *s, int level, bool agreed, char ***codes, size_t *n,
			 int64_t *n_areas_at_level, bl_err *err)
{
	*codes = NULL;
	*n = 0;
	*n_areas_at_level = 0;
	sqlite3_stmt *st = bl_stmt(s, ST_AREAS_AT_LEVEL, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, level);
	if (bl_step_count(s, st, n_areas_at_level, err) != 0 ||
	    !(st = bl_stmt(s, agreed ? ST_AREAS_WITHOUT_AGREED_GOAL : ST_AREAS_WITHOUT_GOAL, err)))
		return -1;
	sqlite3_bind_int(st, 1, level);
	return bl_rows_collect(s, st, sizeof **codes, fill_code, clear_code, codes, n, err);
}

static int f_areas_without_goal(void *ctx, int level, char ***codes, size_t *n,
				int64_t *n_areas_at_level, bl_err *err)
{
	return areas_without(ctx, level, false, codes, n, n_areas_at_level, err);
}

static int f_phase_entered(void *ctx, const char *phase_id, bool *entered,
			   bl_date *when, bl_err *err)
{
	bl_store *s = ctx;
	*entered = false;
	sqlite3_stmt *st = bl_stmt(s, ST_PHASE_ENTERED, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, phase_id ? phase_id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		bl_store_fail(s, err);
		sqlite3_reset(st);
		return -1;
	}
	/* entered_at is "YYYY-MM-DDTHH:MM:SSZ"; the gate counts days. */
	char day[11] = "";
	const char *at = (const char *)sqlite3_column_text(st, 0);
	if (at)
		snprintf(day, sizeof day, "%.10s", at);
	sqlite3_reset(st);
	if (bl_date_parse(day, when, err) != 0)
		return bl_err_prefix(err, _("'%s' is damaged (phase '%s' has a bad entry time)"),
				     s->path, phase_id);
	*entered = true;
	return 0;
}

static int f_checklist_done(void *ctx, const char *phase_id, bool *done, size_t n,
			    bl_err *err)
{
	bl_store *s = ctx;
	for (size_t i = 0; i < n; i++)
		done[i] = false;
	sqlite3_stmt *st = bl_stmt(s, ST_CHECK_DONE, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, phase_id ? phase_id : "", -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t item = sqlite3_column_int64(st, 0);
		if (item >= 0 && (uint64_t)item < n)
			done[item] = true;
	}
	if (rc != SQLITE_DONE)
		bl_store_fail(s, err);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static bl_date f_today(void *ctx)
{
	(void)ctx;
	return bl_date_today();
}

static int f_language(void *ctx, bl_lang *lang, bl_err *err)
{
	(void)err;
	*lang = ((bl_store *)ctx)->info.lang;
	return 0;
}

/* The first max numbers of a register's open items, from one of the
 * store's functions that returns all of them. */
typedef int (*numbers_fn)(bl_store *s, int64_t **numbers, size_t *n, int64_t *n_total,
			  bl_err *err);
static int first_numbers(numbers_fn fn, void *ctx, int64_t *numbers, size_t max, size_t *n,
			 int64_t *n_total, bl_err *err)
{
	int64_t *all;
	if (fn(ctx, &all, n, n_total, err) != 0)
		return -1;
	for (size_t i = 0; i < *n && i < max; i++)
		numbers[i] = all[i];
	free(all);
	return 0;
}

static int f_amendments_undecided(void *ctx, int64_t *numbers, size_t max, size_t *n,
				  int64_t *n_total, bl_err *err)
{
	return first_numbers(bl_store_amendments_undecided, ctx, numbers, max, n, n_total, err);
}

static int f_responses_uncommented(void *ctx, int64_t *numbers, size_t max, size_t *n,
				   int64_t *n_total, bl_err *err)
{
	return first_numbers(bl_store_responses_uncommented, ctx, numbers, max, n, n_total,
			     err);
}

static int f_deficit_accepted(void *ctx, const char *version, bool *has, bl_money *accepted,
			      bl_err *err)
{
	return bl_store_deficit_accepted(ctx, version, has, accepted, NULL, err);
}

static int f_areas_without_agreed_goal(void *ctx, int level, char ***codes, size_t *n,
				       int64_t *n_areas_at_level, bl_err *err)
{
	return areas_without(ctx, level, true, codes, n, n_areas_at_level, err);
}

static int f_participants(void *ctx, int64_t *n, bl_err *err)
{
	bl_store *s = ctx;
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT count(*) FROM participant", &st, err) != 0)
		return -1;
	int rc = bl_step_count(s, st, n, err);
	sqlite3_finalize(st);
	return rc;
}

static const bl_lab_def *f_lab_def(void *ctx)
{
	bl_store *s = ctx;
	return s->lab_def;
}

static int f_category_counts(void *ctx, const char *category, const char *const *values,
			     size_t n_values, size_t *counts, bl_err *err)
{
	bl_store *s = ctx;
	sqlite3_stmt *st;
	memset(counts, 0, n_values * sizeof *counts);
	if (bl_prepare(s, "SELECT value, count(*) FROM participant_category WHERE category = ?1"
			  " GROUP BY value", &st, err) != 0)
		return -1;
	bl_bind_text(st, 1, category);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		for (size_t i = 0; v && i < n_values; i++)
			if (strcmp(values[i], v) == 0)
				counts[i] = (size_t)sqlite3_column_int64(st, 1);
	}
	int ret = rc == SQLITE_DONE ? 0 : bl_store_fail(s, err);
	sqlite3_finalize(st);
	return ret;
}

void bl_store_set_lab_def(bl_store *s, const struct bl_lab_def *lab)
{
	if (s)
		s->lab_def = lab;
}

const bl_facts_ops bl_store_facts_ops = {
	.amendments_undecided = f_amendments_undecided,
	.responses_uncommented = f_responses_uncommented,
	.deficit_accepted = f_deficit_accepted,
	.years = f_years,
	.year_totals = f_year_totals,
	.amount_count = f_amount_count,
	.areas_without_goal = f_areas_without_goal,
	.phase_entered = f_phase_entered,
	.checklist_done = f_checklist_done,
	.today = f_today,
	.language = f_language,
	.areas_without_agreed_goal = f_areas_without_agreed_goal,
	.participants = f_participants,
	.lab_def = f_lab_def,
	.category_counts = f_category_counts,
};
