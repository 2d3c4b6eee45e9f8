/* lab.h: citizen labs in the model: who should come (demographic
 * categories and population targets), the ballot types a lab can use,
 * and the checks a ballot must pass before it is counted.
 *
 * The definitions come from the `labs:` section of the process YAML
 * (budgetlab-process(5)); the recorded sessions, participants, ideas and
 * ballots live in the store.  No I/O here. */
#ifndef BL_CORE_LAB_H
#define BL_CORE_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/money.h"

/* A target share is in basis points (1/100 of a percent): "12.5%" is
 * 1250.  Exact, so that the representation flags never depend on
 * rounding. */
#define BL_NO_TARGET UINT32_MAX

typedef struct bl_category_value {
	char *key;        /* [a-z0-9][a-z0-9_-]*, unique in the category */
	char *name;       /* shown; may equal key */
	uint32_t target;  /* share of the population, basis points, or BL_NO_TARGET */
} bl_category_value;

typedef struct bl_category {
	char *key;        /* [a-z][a-z0-9_]* ("age", "gender", "district") */
	char *name;
	bl_category_value *values;
	size_t n_values;
	bool required;    /* sign-in needs a value (default: false; "not stated" is allowed) */
} bl_category;

typedef enum bl_ballot_kind {
	BL_BALLOT_APPROVAL,   /* mark the ideas you support */
	BL_BALLOT_CUMULATIVE, /* spread points ("dots") over ideas */
	BL_BALLOT_RANKING,    /* rank ideas, best first */
} bl_ballot_kind;

typedef struct bl_ballot_type {
	char *key;        /* [a-z][a-z0-9_]*, unique */
	char *name;
	bl_ballot_kind kind;
	int min;          /* approval, ranking: fewest ideas (default 1) */
	int max;          /* approval, ranking: most ideas, 0 = no limit */
	bool budget_limit;/* approval: the ideas' costs must fit in the pool (knapsack) */
	int points;       /* cumulative: points each participant has (> 0) */
	int max_per_idea; /* cumulative: most points on one idea, 0 = no limit */
	bool all_points;  /* cumulative: every point must be used */
	bl_lang lang;     /* the process's language, for amounts in messages
			   * (the loader sets it; 0 is da) */
} bl_ballot_type;

typedef struct bl_lab_def {
	bl_category *categories;
	size_t n_categories;
	bl_ballot_type *ballot_types;
	size_t n_ballot_types;
	/* A group is under-represented when its share of the participants
	 * is below this fraction of its target, in basis points of the
	 * target (default 8000: below 80 % of the target). */
	uint32_t under;
	char *rule;       /* default winner rule name (rules.h), default "greedy_cost" */
	char *tie_break;  /* default "id" (rules.h) */
} bl_lab_def;

void bl_lab_def_clear(bl_lab_def *d);
/* Index of the category / value / ballot type with this key, or -1. */
int bl_lab_category(const bl_lab_def *d, const char *key);
int bl_lab_value(const bl_category *c, const char *key);
int bl_lab_ballot_type(const bl_lab_def *d, const char *key);
const char *bl_ballot_kind_name(bl_ballot_kind k); /* "approval", "cumulative", "ranking" */

/* An idea as a ballot sees it. */
typedef struct bl_ballot_idea {
	int number;       /* the idea's number in its lab, printed on the paper ballot */
	bl_money cost;    /* total over its years, øre */
	bool on_ballot;   /* status "on the ballot" */
	const char *title;
} bl_ballot_idea;

/* One mark on a ballot: the idea's number, and its points (cumulative),
 * or 1 (approval), or its rank position from 1 (ranking). */
typedef struct bl_ballot_mark {
	int idea;
	int points;
} bl_ballot_mark;

/* Parse what a facilitator types for one paper ballot: idea numbers
 * separated by spaces or commas ("3 7 12"); for cumulative ballots
 * "3:2 7:5" (a bare number is one point, and a number given twice adds
 * up: dots are counted that way).  For ranking ballots the order is the
 * ranking.  An approval or ranking ballot naming an idea twice is
 * refused ("idea 7 is marked twice").  Out: malloc'd marks in the order
 * typed (cumulative: one mark per idea, in first-typed order).  An
 * empty text is an empty ballot (0 marks), which the check may refuse. */
int bl_ballot_parse(const bl_ballot_type *t, const char *text,
		    bl_ballot_mark **out, size_t *n, bl_err *err);

/* Check a ballot against its type and the lab's ideas: every idea exists
 * and is on the ballot, the number of ideas is within min..max, the
 * costs fit in the pool (budget_limit), the points add up (cumulative).
 * The message says what is wrong in the facilitator's words ("5 ideas
 * marked; at most 3 may be"). */
int bl_ballot_check(const bl_ballot_type *t, const bl_ballot_mark *m, size_t n,
		    const bl_ballot_idea *ideas, size_t n_ideas, bl_money pool,
		    bl_err *err);

/* Representation of one category value: count, share of the
 * participants who answered the category (basis points, rounded half
 * up), target, and whether it is under-represented (share < target *
 * under / 10000, compared exactly: count * 10000 * 10000 < target * under
 * * answered). */
typedef struct bl_repr_row {
	size_t count;
	uint32_t share;   /* basis points of all participants */
	uint32_t target;  /* or BL_NO_TARGET */
	bool under;
} bl_repr_row;

/* rows[0..c->n_values) from counts[0..n_values); total is all
 * participants.  Those who did not state a value (total minus the sum of
 * counts) are left out of the shares: a blank answer is no group's. */
void bl_repr_compute(const bl_category *c, const size_t *counts, size_t total,
		     uint32_t under, bl_repr_row *rows);

/* "12.5%" -> 1250; "12%" -> 1200; "0.25%"; at most two decimals, 0..100 %.
 * A decimal comma ("12,5%") and spaces before the sign ("12,5 %", as
 * bl_share_format writes it) are accepted; a number without '%' ("12")
 * is not.  0, or -1 with *out untouched. */
int bl_share_parse(const char *s, uint32_t *out);
/* 1250 -> "12.5 %" in buf (the decimal separator of lang's convention:
 * ',' for da/nb, '.' for en); BL_NO_TARGET -> "–". */
void bl_share_format(uint32_t bp, bl_lang lang, char *buf, size_t bufsz);

#endif
