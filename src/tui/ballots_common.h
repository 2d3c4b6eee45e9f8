/* ballots_common.h: what the ballots and results screens and the
 * projector's lab views share: the lab they are about, text from the
 * database made safe for the terminal, money as the lab writes it, and
 * the model of a lab's results under one or two winner rules. */
#ifndef BL_TUI_BALLOTS_COMMON_H
#define BL_TUI_BALLOTS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rules.h"
#include "store/lab_store.h"
#include "tui/tui.h"

/* An amount in whole kroner when it is whole, else with its øre, in the
 * process language: a pool, a cost, a share are exact, never rounded to
 * the screen's unit. */
void vote_money(const tui *t, bl_money v, char *buf, size_t bufsz);
/* A bar of "█" for v of max in width cells (rounded; at least one for a
 * v above 0), for the results screen and the projector. */
void vote_bar(char *buf, size_t bufsz, int64_t v, int64_t max, int width);
/* A ballot's marks as a facilitator types them: "3 7 12", or with
 * points "3:2 7:5"; "(empty)" for none. */
void vote_marks_text(const bl_ballot *b, bool points, char *buf, size_t bufsz);
/* t->session if it is a session of lab, else 0 (none): a session of
 * another lab would be refused by the store. */
int64_t vote_session_for(tui *t, int64_t lab, bl_session *info);
/* Ask for a lab's number; on a valid one set t->lab (and a session of
 * that lab) and reload every screen.  true if the lab changed. */
bool vote_choose_lab(tui *t);
/* The body when no lab is chosen: what to do about it. */
void vote_draw_no_lab(tui *t, int top, int rows, const char *what);
/* The rule and tie-break a lab's results are under: the lab's own, else
 * the process's, else greedy_cost and id. */
const char *vote_lab_rule(const tui *t, const bl_lab *l);
const char *vote_lab_tie(const tui *t, const bl_lab *l);

/* ---- a lab's results (results_model.c) ---- */

/* One idea on the ballot, as the results show it. */
typedef struct vote_idea {
	int64_t number;     /* the idea's number in its lab */
	char title[256];    /* cleaned */
	bl_money cost;
	int64_t score;      /* votes (approval), points, or Borda: the rule's */
	long rank[2];       /* selection order under each rule from 1; 0: not selected */
	int pick[2];        /* its index in res[k].selected, or -1 */
} vote_idea;

typedef struct vote_results {
	int64_t lab_id;
	bl_lab lab;
	bool have_lab;
	char err[BL_ERR_MAX];   /* the lab cannot be read: nothing else is valid */
	vote_idea *ideas;       /* indexed like the election's projects */
	size_t n_ideas;
	size_t n_ballots;
	bl_vote_type vote_type;
	int n_rules;            /* 1, or 2 with a second rule */
	bl_rule rules[2];
	const char *tie;        /* the tie-break's name */
	bool ok[2];             /* the rule ran */
	char rule_err[2][BL_ERR_MAX];
	bl_rule_result res[2];
	int64_t max_score;      /* for the bars */
	size_t n_differ;        /* ideas selected by one rule only */
} vote_results;

/* Load lab's results under its rule and, when rule2 >= 0, rule2 beside
 * it.  Never fails as a whole: what went wrong is in r->err or
 * r->rule_err.  Reads ideas and ballots, never participants. */
void vote_results_load(tui *t, int64_t lab, int rule2, vote_results *r);
void vote_results_free(vote_results *r);
/* "votes", "points" or "Borda" for the score of this vote type. */
const char *vote_score_label(bl_vote_type vt);
/* Is the rule one of Equal Shares (its winners' costs are shared)? */
bool vote_rule_is_mes(bl_rule r);
/* money used and left of the pool under rule k */
bl_money vote_results_left(const vote_results *r, int k);

#endif
