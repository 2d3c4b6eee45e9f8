/* goal_store.h: goals and the SDGs in the database (schema 6): the SDG
 * targets a goal serves, its indicator (baseline, target), follow-up
 * measurements, and the bridge from strategy to money: what the lines
 * serving each goal and each SDG amount to, the lines that serve no goal
 * and the goals no line serves.
 *
 * Targets are checked against the SDG data the program ships (a
 * bl_sdg_set, core/sdg.h), which the caller has loaded.  Values of an
 * indicator are decimal numbers as text ("42", "-3.5"), never floating
 * point.  Every write is one transaction and journalled; the targets and
 * the indicator are held by the goals lock, measurements are not. */
#ifndef BL_STORE_GOAL_STORE_H
#define BL_STORE_GOAL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "core/sdg.h"
#include "store/store.h"

/* "draft", "discussed", "agreed"; from_key also takes the Danish and
 * Norwegian words (udkast/utkast, drøftet/drøftet, vedtaget/vedtatt,
 * aftalt/avtalt); -1 if unknown. */
const char *bl_goal_status_key(bl_goal_status st);
int bl_goal_status_from_key(const char *key, bl_goal_status *out);
/* Set the goal's status (journalled; the same again writes nothing).
 * Refused like a change of the goal: a goal that does not exist, the
 * goals lock. */
int bl_store_goal_status_set(bl_store *s, int64_t goal_id, bl_goal_status st, bl_err *err);

/* Replace the goal's SDG targets (n may be 0: none).  Refused: a goal
 * that does not exist, a target the SDGs do not have (bl_sdg_target_find's
 * message), a target named twice.  Targets are stored as the SDG data
 * writes them ("13.a" for "13.A"). */
int bl_store_goal_targets_set(bl_store *s, int64_t goal_id, const char *const *targets,
			      size_t n, const bl_sdg_set *sdg, bl_err *err);
/* The goal's targets in SDG order (*out malloc'd strings). */
int bl_store_goal_targets(bl_store *s, int64_t goal_id, char ***out, size_t *n, bl_err *err);
void bl_strings_free(char **v, size_t n);

typedef struct bl_goal_indicator {
	char *indicator;  /* what is measured */
	char *unit;       /* may be NULL */
	char *baseline;   /* the zero-point measurement, a decimal number */
	int baseline_year;
	char *target;     /* NULL: none yet */
	int target_year;  /* 0 when target is NULL */
} bl_goal_indicator;
void bl_goal_indicator_clear(bl_goal_indicator *g);
/* "42", "-3.5", "0.25": digits, at most one point with digits after it,
 * an optional minus, at most 20 characters.  false otherwise. */
bool bl_decimal_valid(const char *s);
/* A decimal as people type it, with a point or (Danish, Norwegian) a
 * comma, into buf with a point: true if it is one (bl_decimal_valid). */
bool bl_decimal_normal(const char *s, char *buf, size_t bufsz);
/* Set (replace) the goal's indicator, or with ind NULL remove it (and its
 * measurements).  Refused, naming the field: a blank indicator, a value
 * that is not a decimal number, a year outside 1900..2199, a target year
 * before the baseline year, a target without a year or a year without a
 * target. */
int bl_store_goal_indicator_set(bl_store *s, int64_t goal_id, const bl_goal_indicator *ind,
				bl_err *err);
/* 1 and *out filled (strings malloc'd), 0 if the goal has none, -1. */
int bl_store_goal_indicator_get(bl_store *s, int64_t goal_id, bl_goal_indicator *out,
				bl_err *err);

typedef struct bl_goal_measure {
	bl_date measured;
	char *value;
	char *note; /* may be NULL */
} bl_goal_measure;
void bl_goal_measures_free(bl_goal_measure *v, size_t n);
/* Record a follow-up measurement (a measurement on the same date is
 * replaced, journalled as a change).  Refused: a goal without an
 * indicator, a value that is not a decimal number. */
int bl_store_goal_measure_set(bl_store *s, int64_t goal_id, bl_date measured, const char *value,
			      const char *note, bl_err *err);
/* Oldest first. */
int bl_store_goal_measures(bl_store *s, int64_t goal_id, bl_goal_measure **out, size_t *n,
			   bl_err *err);

/* ---- the SDGs the municipality chose (schema 8) ----
 * Asker's form: for each chosen SDG, its local significance, the
 * opportunities and the challenges; the targets, goals and money come
 * from the goals that serve it.  Held by the goals lock. */
typedef struct bl_sdg_choice {
	int sdg;              /* 1..17 */
	char *significance;   /* may be NULL */
	char *opportunities;
	char *challenges;
} bl_sdg_choice;
void bl_sdg_choices_free(bl_sdg_choice *v, size_t n);
/* Choose an SDG, or change what is said of one (a NULL field keeps what
 * it had; "" clears it).  The same again writes nothing. */
int bl_store_sdg_choose(bl_store *s, const bl_sdg_choice *c, bl_err *err);
/* Drop a chosen SDG; refused if it is not chosen. */
int bl_store_sdg_drop(bl_store *s, int sdg, bl_err *err);
/* The chosen SDGs, by number. */
int bl_store_sdg_choices(bl_store *s, bl_sdg_choice **out, size_t *n, bl_err *err);

/* ---- the bridge view ---- */

/* Money of a set of lines in a version, per year: the sums of their
 * expenses and of their income, and how many lines. */
typedef struct bl_line_sum {
	int64_t n_lines;
	bl_money expense[BL_MAX_YEARS], income[BL_MAX_YEARS];
} bl_line_sum;

typedef struct bl_bridge {
	int n_years;
	/* Per goal (in goal order, as bl_store_goals): the lines linked to it.
	 * A line serving two goals counts under both. */
	int64_t *goal_id;
	bl_line_sum *goal;
	size_t n_goals;
	/* Per SDG (goal 1..17, index goal - 1): the lines linked to a goal
	 * that names one of its targets, each line once. */
	bl_line_sum sdg[BL_SDG_GOALS];
	/* The lines that serve no goal. */
	bl_line_sum unserved;
	/* The whole version, for the shares. */
	bl_line_sum all;
} bl_bridge;
void bl_bridge_free(bl_bridge *b);
/* The bridge for a version.  Sums are exact: one that would leave the
 * 64-bit range is an error naming it. */
int bl_store_bridge(bl_store *s, const char *version, bl_bridge *out, bl_err *err);

#endif
