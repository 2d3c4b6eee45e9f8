/* present_pool.h: a development pool on the projector (screen_present.c,
 * BL_SPOT_POOL, ref: the pool's key): its name and purpose, per year a
 * bar of what is granted against the budget and what is left, the left
 * in big digits when there is room, and how many projects are granted
 * and waiting.
 *
 * PRIVACY: money and counts only.  It reads the pool (bl_store_pool_get)
 * and its sums (bl_store_pool_money), never a project: not their
 * applicants, not even their titles. */
#ifndef BL_TUI_PRESENT_POOL_H
#define BL_TUI_PRESENT_POOL_H

#include <stdbool.h>
#include <stdio.h>

#include "store/pool_store.h"
#include "tui/tui.h"

typedef struct present_pool {
	char key[64];
	char name[512];
	char *purpose;         /* cleaned, may be NULL */
	bool carry_over;
	bl_pool_money m;
	/* the last layout, for the dump */
	int scale;             /* of the big digits; 0: none */
	int bars;              /* years drawn as bars */
} present_pool;

/* Read the pool ref names; 0, 1 if there is no such pool, -1 with err. */
int present_pool_load(tui *t, const char *ref, present_pool *pp, bl_err *err);
void present_pool_free(present_pool *pp);
/* Draw the body into rows [top, top + rows) of the W columns. */
void present_pool_draw(tui *t, present_pool *pp, int top, int rows, int W);
/* present.pool.* lines for the state dump. */
void present_pool_dump(tui *t, const present_pool *pp, FILE *f);

#endif
