/* pillar_store.h: the three pillars of sustainability for budget lines
 * (schema 7): social, economic and environmental, each scored from -2
 * (clearly harmful) to +2 (clearly good) with a short justification, and
 * how a version's money divides by those scores. */
#ifndef BL_STORE_PILLAR_STORE_H
#define BL_STORE_PILLAR_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/money.h"
#include "store/store.h"

enum { BL_PILLAR_SOCIAL, BL_PILLAR_ECONOMIC, BL_PILLAR_ENVIRONMENTAL, BL_PILLARS };
const char *bl_pillar_key(int pillar); /* "social", "economic", "environmental" */

typedef struct bl_pillars {
	bool has[BL_PILLARS];
	int score[BL_PILLARS];   /* -2 .. 2 where has */
	char *justification;     /* may be NULL */
} bl_pillars;
void bl_pillars_clear(bl_pillars *p);
/* -1 with a message naming the pillar if a score is outside -2..2. */
int bl_pillars_check(const bl_pillars *p, bl_err *err);

/* Set the line's assessment (replacing it); with no pillar scored, remove
 * it.  Refused: a score outside -2..2 (naming the pillar), a line that
 * does not exist. */
int bl_store_line_pillars_set(bl_store *s, int64_t line_id, const bl_pillars *p, bl_err *err);
/* 1 and *out filled, 0 if the line is not assessed, -1. */
int bl_store_line_pillars_get(bl_store *s, int64_t line_id, bl_pillars *out, bl_err *err);

/* How the expenses of the lines under area_id (0: all) in a version
 * divide by each pillar's score: expense[pillar][score + 2][year], and
 * [pillar][5][year] for the lines not scored on that pillar; the same
 * in n_lines (expense lines with an amount in the version; income lines
 * are left out).  n_negative counts
 * the lines with a negative score on any pillar.  Exact; an overflow is
 * an error naming the pillar and the year. */
typedef struct bl_pillar_split {
	int n_years;
	bl_money expense[BL_PILLARS][6][BL_MAX_YEARS];
	int64_t n_lines[BL_PILLARS][6];
	int64_t n_negative;
} bl_pillar_split;
/* cb, if not NULL, is called for each line with a negative score (with
 * its scores), in tree order. */
typedef void (*bl_pillar_neg_cb)(void *ctx, const bl_line *l, const bl_pillars *p,
				 const bl_money *amounts, const bool *has, int n_years);
int bl_store_pillar_split(bl_store *s, const char *version, int64_t area_id,
			  bl_pillar_split *out, bl_pillar_neg_cb cb, void *ctx, bl_err *err);

#endif
