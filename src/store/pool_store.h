/* pool_store.h: development pools (udviklingspuljer, schema 8).
 *
 * A pool is ring-fenced money in the budget: one expense line carries it
 * (so it is counted once, as that line), and its amount per year is that
 * line's amount in the working version.  Projects apply to it, are
 * assessed (the three pillars, the goals they serve) and granted an
 * amount per year.  The database itself refuses whatever would break a
 * pool's rules (see schema.c, schema_v8); the functions here check first,
 * to say so in the user's terms, and to keep every sum exact. */
#ifndef BL_STORE_POOL_STORE_H
#define BL_STORE_POOL_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/money.h"
#include "store/pillar_store.h"
#include "store/store.h"

/* Kinds of project, as bits of a pool's rule. */
enum { BL_POOL_DEVELOPMENT = 1, BL_POOL_CAPITAL = 2, BL_POOL_OPERATION = 4 };
/* "development", "capital", "operation" for one bit. */
const char *bl_pool_kind_key(unsigned bit);
/* One kind by its key (also the Danish and Norwegian words: udvikling,
 * anlæg, drift; utvikling, investering); -1 if unknown. */
int bl_pool_kind_from_key(const char *key, unsigned *bit);
/* A comma-separated list of kinds ("development,capital") into a mask;
 * an error naming the unknown one. */
int bl_pool_kinds_parse(const char *text, unsigned *mask, bl_err *err);
/* The mask as the schema keeps it: canonical order, comma-separated. */
void bl_pool_kinds_text(unsigned mask, char *buf, size_t n);

typedef struct bl_pool_rec {
	char *key;         /* a short name: a-z, 0-9, '-', '_' */
	char *name;
	char *purpose;     /* may be NULL */
	char *line_code;   /* the expense line that carries the money */
	unsigned kinds;    /* BL_POOL_* bits that may draw on it */
	bool has_max;
	bl_money max_per_project; /* in all, over the years */
	bool carry_over;   /* unspent money carries over to the next year */
	int64_t *goals;    /* the goals it serves (ids) */
	size_t n_goals;
} bl_pool_rec;
void bl_pool_rec_clear(bl_pool_rec *p);
void bl_pool_recs_free(bl_pool_rec *v, size_t n);

/* Create a pool.  Refused: a bad key or one in use, an empty name, no
 * kinds, a line that does not exist, is income or carries another pool,
 * a maximum that is not positive, a goal that does not exist. */
int bl_store_pool_add(bl_store *s, const bl_pool_rec *p, bl_err *err);
/* Replace pool key's fields by p's (p->key may rename it).  The database
 * refuses a change after which a granted project breaks the rules. */
int bl_store_pool_update(bl_store *s, const char *key, const bl_pool_rec *p, bl_err *err);
/* Remove a pool that has no projects. */
int bl_store_pool_delete(bl_store *s, const char *key, bl_err *err);
/* 1 with *out filled, 0 if there is no such pool, -1. */
int bl_store_pool_get(bl_store *s, const char *key, bl_pool_rec *out, bl_err *err);
/* All pools by key. */
int bl_store_pools(bl_store *s, bl_pool_rec **out, size_t *n, bl_err *err);

/* A pool's money per process year: its line's amount in the working
 * version, asked and granted, and what is left (with carry-over: what is
 * left of the years so far).  Exact; left may be negative only in a
 * database whose triggers were bypassed. */
typedef struct bl_pool_money {
	int n_years;
	bl_money budget[BL_MAX_YEARS];
	bl_money asked[BL_MAX_YEARS];
	bl_money granted[BL_MAX_YEARS];
	bl_money left[BL_MAX_YEARS];
	bool carry_over;   /* the pool's rule, as left was computed with it */
	int64_t n_projects, n_applied, n_granted;
} bl_pool_money;
int bl_store_pool_money(bl_store *s, const char *key, bl_pool_money *out, bl_err *err);

typedef enum bl_project_status {
	BL_PROJECT_APPLIED,
	BL_PROJECT_GRANTED,
	BL_PROJECT_REJECTED,
	BL_PROJECT_WITHDRAWN,
} bl_project_status;
const char *bl_project_status_key(bl_project_status st);
int bl_project_status_from_key(const char *key, bl_project_status *out);

typedef struct bl_pool_project {
	int64_t number;      /* per pool, from 1 */
	char *title;
	char *applicant;     /* personal data: never journalled nor projected */
	unsigned kind;       /* one BL_POOL_* bit */
	char *description;
	char applied[11];    /* YYYY-MM-DD */
	bl_project_status status;
	char *decided_at;    /* read only */
	char *note;
	bl_pillars pillars;
	int64_t *goals;
	size_t n_goals;
	int n_years;
	bl_money asked[BL_MAX_YEARS];
	bl_money granted[BL_MAX_YEARS];
} bl_pool_project;
void bl_pool_project_clear(bl_pool_project *p);
void bl_pool_projects_free(bl_pool_project *v, size_t n);

/* Register an application (status applied, nothing granted) with its
 * asked amounts; *number_out gets its number.  Refused: an unknown pool,
 * an empty title, a bad date or kind, a goal that does not exist, a
 * negative amount, pillar scores outside -2..2.  A kind the pool does not
 * take is registered (the application exists) but can never be granted:
 * the warning says so (warn, if not NULL, gets it; "" if none). */
int bl_store_pool_project_add(bl_store *s, const char *pool, const bl_pool_project *p,
			      int64_t *number_out, char *warn, size_t warn_size, bl_err *err);
/* Replace the project's fields (title, applicant, kind, description,
 * applied, note, pillars, goals, asked amounts), not its status nor its
 * grants. */
int bl_store_pool_project_update(bl_store *s, const char *pool, const bl_pool_project *p,
				 bl_err *err);
/* 1 with *out filled, 0 if there is no such project, -1. */
int bl_store_pool_project_get(bl_store *s, const char *pool, int64_t number,
			      bl_pool_project *out, bl_err *err);
/* The pool's projects by number. */
int bl_store_pool_projects(bl_store *s, const char *pool, bl_pool_project **out, size_t *n,
			   bl_err *err);
/* Grant the project granted[i] for year budget_year + i (i < n_years;
 * zero: nothing that year), replacing what it had; status granted.
 * Refused (nothing changed): a negative amount, nothing at all, a kind
 * the pool does not take, more than the pool's maximum per project, more
 * than the pool has left in a year (or, with carry-over, of the years so
 * far), a sum that overflows. */
int bl_store_pool_grant(bl_store *s, const char *pool, int64_t number, const bl_money *granted,
			int n_years, const char *note, bl_err *err);
/* Set the status to applied, rejected or withdrawn: its grants go back
 * to the pool (journalled). */
int bl_store_pool_decide(bl_store *s, const char *pool, int64_t number, bl_project_status st,
			 const char *note, bl_err *err);

/* -1 with the rules' message if some pool does not hold its grants in
 * the working version (what the triggers check row by row; the bulk
 * loader, which drops them, calls this before it commits). */
int bl_store_pools_check(bl_store *s, bl_err *err);

#endif
