/* sdg.h: the UN Sustainable Development Goals, as data the program loads
 * (share/sdg/goals.tsv and targets.tsv): the 17 goals with their names in
 * English, Danish and Norwegian, and the 169 targets ("11.7", "13.a")
 * with short English titles.  Goals of a municipality name the targets
 * they serve (Asker's matrix: global goal -> municipal significance ->
 * targets -> local opportunities and challenges -> goals and strategy).
 *
 * Pure: parsing from text already read, and looking targets up.  The
 * files are read by config/sdg_file.c. */
#ifndef BL_CORE_SDG_H
#define BL_CORE_SDG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/money.h"

#define BL_SDG_GOALS 17

typedef struct bl_sdg_goal {
	int number;         /* 1 .. 17 */
	char *name[3];      /* by bl_lang: da, nb, en */
	size_t first, n;    /* its targets: targets[first .. first + n) */
} bl_sdg_goal;

typedef struct bl_sdg_target {
	char code[8];       /* "11.7", "11.a": the goal, a dot, a number or a letter */
	int goal;
	char *title;        /* short, in English */
} bl_sdg_target;

typedef struct bl_sdg_set {
	bl_sdg_goal goal[BL_SDG_GOALS];
	bool have_goals;
	bl_sdg_target *target; /* in file order: by goal, numbers then letters */
	size_t n_targets;
} bl_sdg_set;

void bl_sdg_set_free(bl_sdg_set *set);

/* Parse goals.tsv (header "goal\ten\tda\tnb", then the 17 goals in
 * order) and targets.tsv (header "target\ttitle", then the targets by
 * goal, each goal's numbered targets from 1 up, then its lettered ones
 * from a up), text of len bytes read from file (named in messages).
 * Refused, with "file:line:column: what was expected": a wrong header, a
 * row with too few or too many fields, text that is not UTF-8 or holds a
 * control character, a goal or target out of order, twice or missing, a
 * blank title, targets before the goals.  On failure the set keeps what
 * it had. */
int bl_sdg_parse_goals(bl_sdg_set *set, const char *text, size_t len, const char *file,
		       bl_err *err);
int bl_sdg_parse_targets(bl_sdg_set *set, const char *text, size_t len, const char *file,
			 bl_err *err);

/* A goal by number, or NULL. */
const bl_sdg_goal *bl_sdg_goal_get(const bl_sdg_set *set, int number);
/* A target as people write it: "11.7", "11.a" or "11.A", blanks around
 * allowed.  NULL with a message otherwise: not a target's form, a goal
 * that does not exist, a target the goal does not have (naming the ones
 * it has), and for "11.7a" (as some plans write 11.a) the question
 * whether 11.a was meant. */
const bl_sdg_target *bl_sdg_target_find(const bl_sdg_set *set, const char *ref, bl_err *err);

#endif
