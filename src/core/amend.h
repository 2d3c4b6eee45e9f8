/* amend.h: amendments (ændringsforslag) to a budget version, in the model.
 *
 * Between the first and the second reading, parties table amendments
 * against the first-reading version: change the amount of a line in given
 * years, add a new line, remove a line.  A sub-amendment (underændrings-
 * forslag) amends an amendment.  The adopted version is never typed: it is
 * the base version plus the adopted amendments, computed here, with every
 * changed (line, year) traced to the amendment(s) that caused it.
 *
 * Pure computation: no I/O, no SQLite.  Amounts are exact (øre) and every
 * sum is checked; nothing here uses floating point.
 *
 * Years: a budget covers first_year .. first_year + n_years - 1, and the
 * arrays of amounts are indexed by year - first_year. */
#ifndef BL_CORE_AMEND_H
#define BL_CORE_AMEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/money.h"
#include "core/process.h"

/* ---- a budget as the amendments see it ---------------------------------- */

typedef struct bl_amend_line {
	const char *code;               /* the line's code, e.g. "3.22.01" */
	bl_direction dir;               /* income or expense */
	bl_money amount[BL_MAX_YEARS];  /* index: year - first_year */
	bool has[BL_MAX_YEARS];         /* false: no amount in that year (counts as 0) */
} bl_amend_line;

typedef struct bl_amend_budget {
	bl_amend_line *lines;  /* the caller's base need not be sorted (a copy is);
				* codes are unique */
	size_t n_lines;
	int first_year;        /* the budget year */
	int n_years;           /* 1 .. BL_MAX_YEARS */
} bl_amend_budget;

/* Free what bl_amend_apply put in *b (its lines and their codes) and zero
 * it.  Only for a budget bl_amend_apply filled: a caller's base is the
 * caller's.  NULL is allowed. */
void bl_amend_budget_free(bl_amend_budget *b);

/* ---- amendments --------------------------------------------------------- */

typedef enum bl_change_kind {
	BL_CHANGE_SET,         /* code, year: the amount becomes `amount` */
	BL_CHANGE_ADD_DELTA,   /* code, year: the amount changes by `amount` (may be
				* negative); a year without an amount counts as 0 */
	BL_CHANGE_NEW_LINE,    /* code, dir, amounts[]/has[] (indexed like a line):
				* a line the version does not have */
	BL_CHANGE_REMOVE_LINE, /* code: the line and all its amounts go */
} bl_change_kind;

typedef struct bl_change {
	bl_change_kind kind;
	const char *code;
	int year;                       /* SET, ADD_DELTA: a calendar year */
	bl_money amount;                /* SET: the new amount; ADD_DELTA: the delta */
	bl_direction dir;               /* NEW_LINE */
	bl_money amounts[BL_MAX_YEARS]; /* NEW_LINE: index year - first_year */
	bool has[BL_MAX_YEARS];         /* NEW_LINE */
} bl_change;

/* An amendment.  All pointers are the caller's and only read here.
 *
 * A sub-amendment (is_sub, parent = the amended amendment's number) amends
 * the amendment: when both are adopted, its changes are applied right after
 * its parent's (and before any amendment with a higher number than the
 * parent), so a SET in the sub-amendment replaces the parent's amount for
 * that line and year, an ADD_DELTA adjusts it, a NEW_LINE adds a line
 * beside the parent's, and a REMOVE_LINE can remove a line the parent
 * added.  A sub-amendment can only be adopted together with its parent,
 * and its parent must be an ordinary amendment (one level only).  Several
 * sub-amendments of one amendment apply in number order. */
typedef struct bl_amendment {
	int number;         /* unique among the amendments */
	const char *title;
	const char *party;  /* who tabled it */
	bool is_sub;
	int parent;         /* is_sub: the amended amendment's number */
	const bl_change *changes;
	size_t n_changes;   /* applied in this order */
} bl_amendment;

/* Which adopted amendments changed a (line, year), in the order they were
 * applied.  Every (line, year) an adopted amendment touched is listed, even
 * if the amounts cancel out: a removed or added line lists each year it
 * has an amount in.  The code is a copy owned by the array. */
typedef struct bl_amend_source {
	const char *code;   /* NULL ends the array */
	int year;
	int *numbers;
	size_t n_numbers;
} bl_amend_source;

/* The derived version: base plus the adopted amendments, in number order
 * with each sub-amendment right after its parent (the order of `adopted`
 * does not matter).  *out gets lines sorted by code (strcmp), with their
 * own copies of the codes; free it with bl_amend_budget_free.  If sources
 * is not NULL, *sources gets the array described above, sorted by code and
 * year and ended by an entry whose code is NULL; free it with
 * bl_amend_sources_free.
 *
 * Fails (-1, the message set, *out zeroed and *sources NULL) when a change
 * refers to a line the version does not have at that point (not in the
 * base, nor added by an earlier adopted amendment, or already removed),
 * adds a line it has, names a year outside the budget, or makes an amount
 * or a year's total income, total expenses or balance fall outside
 * BL_MONEY_MIN..BL_MONEY_MAX; when a sub-amendment's parent is not adopted
 * or is itself a sub-amendment; when an amendment is adopted twice; or when
 * the base is not valid (a line twice, n_years out of range, a year's
 * total does not fit).  Messages name the amendment, the line and the
 * year. */
int bl_amend_apply(const bl_amend_budget *base,
		   const bl_amendment *const *adopted, size_t n,
		   bl_amend_budget *out, bl_amend_source **sources,
		   bl_err *err);

/* Number of entries before the terminating one; 0 for NULL. */
size_t bl_amend_sources_count(const bl_amend_source *sources);
/* The entry for (code, year), or NULL. */
const bl_amend_source *bl_amend_source_find(const bl_amend_source *sources,
					    const char *code, int year);
void bl_amend_sources_free(bl_amend_source *sources);

/* The effect of adopting `a` alone on base: per year (index year -
 * first_year, base->n_years entries each) the change in total income, in
 * total expenses and in the balance (income - expenses).  Exact; fails as
 * bl_amend_apply does (an overflowing total, or a delta that does not fit
 * in an amount, is an error naming the amendment and the year).  A
 * sub-amendment's effect is that of its own changes on the base (its
 * parent is not applied; a change to a line only the parent adds fails).
 * Any of the three arrays may be NULL; they are untouched on failure. */
int bl_amend_effect(const bl_amend_budget *base, const bl_amendment *a,
		    bl_money *income_delta, bl_money *expense_delta,
		    bl_money *balance_delta, bl_err *err);

/* ---- conflicts ---------------------------------------------------------- */

typedef enum bl_conflict_kind {
	BL_CONFLICT_SAME,    /* both change the line in that year (set or adjust
			      * it, or one does and the other adds the line);
			      * year 0: both add the line */
	BL_CONFLICT_REMOVE,  /* one removes the line, the other changes it in that
			      * year; year 0: the other removes or adds it too */
} bl_conflict_kind;

typedef struct bl_amend_conflict {
	int a, b;            /* the two amendments' numbers, a < b */
	const char *code;    /* borrowed from the amendments' changes */
	int year;            /* 0: the whole line */
	bl_conflict_kind kind;
} bl_amend_conflict;

/* The pairs among the n amendments that conflict: that change the same line
 * in the same year, or where one removes a line the other changes.  An
 * amendment and its own sub-amendment never conflict (the sub-amendment
 * exists to change the same lines).  One entry per pair, line, year and
 * kind, sorted by a, b, code, year, kind.  A NEW_LINE has no calendar
 * years here (its amounts are indexed from the budget's first year, which
 * the amendments alone do not know), so it counts as changing the whole
 * line.  *out is NULL when there are none; free it
 * with bl_amend_conflicts_free.  Returns the count, or BL_AMEND_NOMEM if
 * memory ran out (*out NULL then). */
#define BL_AMEND_NOMEM SIZE_MAX
size_t bl_amend_conflicts(const bl_amendment *const *all, size_t n,
			  bl_amend_conflict **out);
void bl_amend_conflicts_free(bl_amend_conflict *c);

#endif
