/* present_lab.h: the projector's views of a lab (screen_present.c):
 * its results (BL_SPOT_RESULTS, ref "LAB" or "LAB:RULE") and its
 * representation (BL_SPOT_REPRESENTATION, ref "LAB").
 *
 * PRIVACY: counts only.  The representation is read with
 * bl_store_participant_counts (how many per category value), never a
 * participant's name, number or categories; the results read ideas and
 * ballots, never who cast them. */
#ifndef BL_TUI_PRESENT_LAB_H
#define BL_TUI_PRESENT_LAB_H

#include <stdbool.h>
#include <stdio.h>

#include "tui/ballots_common.h"

typedef struct present_repr_cat {
	char name[256];
	size_t n_values;
	char (*value_names)[128];
	bl_repr_row *rows;
	size_t not_stated;      /* participants without a value in it */
} present_repr_cat;

typedef struct present_lab {
	bl_spot_kind kind;      /* RESULTS or REPRESENTATION */
	int64_t lab;
	char theme[256];
	vote_results res;       /* RESULTS */
	char rule2_bad[128];    /* RESULTS: a second rule the ref names that is unknown */
	present_repr_cat *cats; /* REPRESENTATION */
	size_t n_cats, total;
	/* the last layout, for the dump */
	int shown, scale;
} present_lab;

/* Read what ref names; 0, 1 if the lab does not exist, -1 with err. */
int present_lab_load(tui *t, bl_spot_kind kind, const char *ref, present_lab *pl, bl_err *err);
void present_lab_free(present_lab *pl);
/* Draw the body into rows [top, top + rows) of the W columns. */
void present_lab_draw(tui *t, present_lab *pl, int top, int rows, int W);
/* present.results.* / present.repr.* lines for the state dump. */
void present_lab_dump(tui *t, const present_lab *pl, FILE *f);

#endif
