/* gates.h: the fixed vocabulary of gates, and their evaluation.
 *
 * A gate is a named check, written in C, that a phase file refers to by
 * name with parameters.  Evaluation reads the data through bl_facts_ops, an
 * interface that the store implements, so that core never calls up into
 * the store. */
#ifndef BL_CORE_GATES_H
#define BL_CORE_GATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/error.h"
#include "core/money.h"

typedef enum bl_param_type {
	BL_PARAM_INT,     /* a YAML integer, range checked by min/max */
	BL_PARAM_PHASE,   /* the id of a phase in the same file */
	BL_PARAM_VERSION, /* a budget version: proposal, first_reading, adopted */
	BL_PARAM_DATE,    /* YYYY-MM-DD */
	BL_PARAM_AMOUNT,  /* an amount, parsed in the process language */
} bl_param_type;

typedef struct bl_gate_param_spec {
	const char *name;
	bl_param_type type;
	bool required;
	int64_t min, max;       /* for BL_PARAM_INT */
	const char *default_text; /* used when absent and not required */
	const char *help;
} bl_gate_param_spec;

#define BL_GATE_MAX_PARAMS 4

struct bl_gate_ref;
struct bl_facts_ops;
struct bl_phase;
struct bl_lab_def;

typedef struct bl_gate_kind {
	const char *name;
	const char *summary; /* one line, for docs and `--help` */
	bl_gate_param_spec params[BL_GATE_MAX_PARAMS];
	size_t n_params;
	/* Returns 1 pass, 0 fail (why says why), -1 error (err set). */
	int (*eval)(const struct bl_phase *phase, const struct bl_gate_ref *ref,
		    const struct bl_facts_ops *ops,
		    void *ctx, char *why, size_t whysz, bl_err *err);
} bl_gate_kind;

/* A value given for one parameter (or its default). */
typedef struct bl_gate_arg {
	bool set;
	int64_t i;   /* INT */
	char *s;     /* PHASE, VERSION: owned copy */
	bl_date d;   /* DATE */
	bl_money m;  /* AMOUNT */
} bl_gate_arg;

/* A use of a gate in a phase: the kind and its arguments, in the order of
 * the kind's params.  line/col say where in the YAML file it was written. */
typedef struct bl_gate_ref {
	const bl_gate_kind *kind;
	bl_gate_arg args[BL_GATE_MAX_PARAMS];
	int line, col;
} bl_gate_ref;

/* The vocabulary. */
extern const bl_gate_kind bl_gate_kinds[];
extern const size_t bl_n_gate_kinds;
const bl_gate_kind *bl_gate_kind_find(const char *name);
/* Index of a parameter by name in kind->params, or -1. */
int bl_gate_param_index(const bl_gate_kind *kind, const char *name);
/* Frees the strings owned by ref's arguments. */
void bl_gate_ref_clear(bl_gate_ref *ref);
/* "budget_balances(version: proposal)" for display; amounts in lang. */
void bl_gate_ref_describe(const bl_gate_ref *ref, bl_lang lang, char *buf,
			  size_t bufsz);

/* Budget version keys, in order. */
extern const char *const bl_version_keys[];
extern const size_t bl_n_versions;
bool bl_version_valid(const char *key);

/* What a gate may ask about the process.  Each returns 0, or -1 with err. */
typedef struct bl_facts_ops {
	/* Budget years, count <= BL_MAX_YEARS. */
	int (*years)(void *ctx, int *first_year, int *n_years, bl_err *err);
	/* Per-year totals of income and expenses in a version, arrays of n_years. */
	int (*year_totals)(void *ctx, const char *version, bl_money *income,
			   bl_money *expense, bl_err *err);
	/* Number of amounts stored for a version. */
	int (*amount_count)(void *ctx, const char *version, int64_t *count,
			    bl_err *err);
	/* Codes of areas at hierarchy level `level` (1 = top) that have no goal
	 * attached to them or to an area below them.  *codes is a malloc'd array
	 * of malloc'd strings (free each and the array); n may be 0. */
	int (*areas_without_goal)(void *ctx, int level, char ***codes, size_t *n,
				  int64_t *n_areas_at_level, bl_err *err);
	/* The date the phase was last entered; *entered = false if never. */
	int (*phase_entered)(void *ctx, const char *phase_id, bool *entered,
			     bl_date *when, bl_err *err);
	/* Checklist items of a phase that are ticked: done[i] for i < n. */
	int (*checklist_done)(void *ctx, const char *phase_id, bool *done,
			      size_t n, bl_err *err);
	/* Today (bl_date_today, but a test can substitute its own). */
	bl_date (*today)(void *ctx);
	/* The process language, for amounts in messages.  May be NULL (da). */
	int (*language)(void *ctx, bl_lang *lang, bl_err *err);
	/* Readings (schema 4).  Amendments not yet decided: the first up to
	 * max numbers in numbers[], their count in *n and the count of all
	 * amendments in *n_total.  May be NULL: the gates that need it then
	 * report an error. */
	int (*amendments_undecided)(void *ctx, int64_t *numbers, size_t max, size_t *n,
				    int64_t *n_total, bl_err *err);
	/* Hearing responses without the administration's comment, the same way. */
	int (*responses_uncommented)(void *ctx, int64_t *numbers, size_t max, size_t *n,
				     int64_t *n_total, bl_err *err);
	/* The deficit last accepted for a version (bl_store_deficit_accept):
	 * *has false if none; else accepted[i] for each of n_years. */
	int (*deficit_accepted)(void *ctx, const char *version, bool *has,
				bl_money *accepted, bl_err *err);
	/* Goals (schema 8): as areas_without_goal, counting only agreed
	 * goals.  May be NULL. */
	int (*areas_without_agreed_goal)(void *ctx, int level, char ***codes, size_t *n,
					 int64_t *n_areas_at_level, bl_err *err);
	/* The process's own goals (participation): the number of
	 * participants signed in to all labs; and, for the `labs:` section's
	 * categories, the definition (NULL if the process has none or it is
	 * not known to ctx) and how many participants gave each value of
	 * category c: counts[i] for lab->categories[c].values[i].  May be
	 * NULL. */
	int (*participants)(void *ctx, int64_t *n, bl_err *err);
	const struct bl_lab_def *(*lab_def)(void *ctx);
	int (*category_counts)(void *ctx, const char *category, const char *const *values,
			       size_t n_values, size_t *counts, bl_err *err);
} bl_facts_ops;

/* Evaluate one gate of a phase. 1 pass, 0 fail (why set), -1 error. */
int bl_gate_eval(const struct bl_phase *phase, const bl_gate_ref *ref,
		 const bl_facts_ops *ops, void *ctx, char *why, size_t whysz,
		 bl_err *err);

#endif
