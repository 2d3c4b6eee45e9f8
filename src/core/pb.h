/* pb.h: a participatory-budgeting election (a Pabulib .pb file, or a
 * lab's ideas and ballots) in memory: what the winner rules (rules.h)
 * count on.  No I/O here; pabulib.c reads and writes the format.
 *
 * Money is exact: costs and the budget in hundredths of the currency
 * unit (a Pabulib budget may be written "921012.06"), 64-bit. */
#ifndef BL_CORE_PB_H
#define BL_CORE_PB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef enum bl_vote_type {
	BL_VOTE_APPROVAL,
	BL_VOTE_CHOOSE1,
	BL_VOTE_ORDINAL,
	BL_VOTE_CUMULATIVE,
	BL_VOTE_SCORING,
} bl_vote_type;

/* "key;value" pairs of a section, kept in order (export writes them back). */
typedef struct bl_pb_meta {
	char *key, *value;
} bl_pb_meta;

typedef struct bl_pb_project {
	char *id;        /* as in the file; compared as text for ties */
	int64_t cost;    /* hundredths */
	bl_pb_meta *extra; /* the other columns of its PROJECTS row */
	size_t n_extra;
} bl_pb_project;

typedef struct bl_pb_vote {
	char *voter_id;
	size_t *proj;    /* indexes into projects, in the ballot's order, no duplicates */
	int64_t *points; /* cumulative/scoring: points per entry, else NULL */
	size_t n;
	bl_pb_meta *extra;
	size_t n_extra;
} bl_pb_vote;

typedef struct bl_pb {
	bl_pb_meta *meta;
	size_t n_meta;
	bl_vote_type vote_type;
	int64_t budget;  /* hundredths */
	char **project_cols, **vote_cols; /* the header rows of the sections */
	size_t n_project_cols, n_vote_cols;
	bl_pb_project *projects;
	size_t n_projects;
	bl_pb_vote *votes;
	size_t n_votes;
	/* Problems that do not stop the reading ("line 12: project 7 is listed
	 * twice in this vote; counted once"), one string each. */
	char **warnings;
	size_t n_warnings;
} bl_pb;

void bl_pb_free(bl_pb *pb);

/* The withdrawn sentinel cost of Pabulib: never selected. */
#define BL_PB_WITHDRAWN_COST ((int64_t)999999999 * 100)

#endif
