/* rules.h: the winner rules of participatory budgeting, exact, on the
 * election model of pb.h.  No I/O.
 *
 * Each rule gives the same selection, in the same order, as pabutools
 * 1.2.3 (the reference implementation) with its default tie-breaking:
 * among tied projects the one whose id is smallest *as text* wins
 * ("10" before "9"; strcmp on the UTF-8 bytes, which is Python's code
 * point order).  Arithmetic is exact: integers, and for Phragmén and MES
 * big-integer numerators over one common denominator (up to 4096 bits);
 * if a number would not fit, the rule fails with a message instead of
 * giving a possibly wrong answer.  Never floating point.  The add1 rounds
 * are decided on integer bounds of the exact values, exact where the
 * bounds do not decide; the round kept is then run exactly once more (and
 * must agree), which also gives the shares of bl_rule_result.
 *
 * The rules (names as in ../shared/data/pabulib/README.md):
 *   greedy_cost   greedy by number of approvals, skipping what no longer
 *                 fits (pabutools: greedy_utilitarian_welfare, Cost_Sat);
 *   greedy_card   greedy by approvals per unit of cost (Cardinality_Sat);
 *   phragmen      sequential Phragmén; stops at the first project (of those
 *                 tied on the smallest new load) that does not fit;
 *   mes_cost, mes_card   Method of Equal Shares with cost / cardinality
 *                 utilities; each voter starts with exactly budget/n (n
 *                 counts every ballot, empty ones too); never selects a
 *                 project nobody approves;
 *   mes_*_add1    MES repeated with the per-voter budget raised by one
 *                 currency unit (100 hundredths) each round from budget/n,
 *                 keeping the last outcome within the budget; it stops when
 *                 an outcome goes over the budget (the previous is kept) or
 *                 when no supported project is left that fits;
 *   mes_*_greedy, mes_*_add1_greedy   the above, then greedy_cost for the
 *                 money left;
 *   greedy_cost_noskip   greedy by score like greedy_cost, but it stops at
 *                 the first project that does not fit instead of skipping
 *                 it (projects that are never selected, below, are passed
 *                 over, not stopped at).
 * greedy_cost and greedy_cost_noskip also count cumulative and scoring
 * ballots (a project's score is the sum of the points it got) and ordinal
 * ballots (Borda: in a ballot ranking k projects the first gets k points,
 * the next k-1, ..., the last 1).  Every other rule counts approval (and
 * choose-1) ballots only and refuses the others with a message naming the
 * rule and the vote type.
 *
 * Ties: by default (BL_TIE_ID) as pabutools; bl_rule_run_opts takes
 * another order (bl_tie below), used wherever two projects tie: on the
 * greedy score, the Phragmén load, the MES price, and for the order in
 * which MES takes the supported projects costing nothing.
 *
 * A project costing more than the budget, or the withdrawn sentinel
 * BL_PB_WITHDRAWN_COST, is never selected.  MES takes supported projects
 * costing nothing before anything else, in tie order (by default id
 * order; pabutools adds them in the order of a Python set).  Phragmén's
 * result is a set (pabutools returns it sorted); here it is in selection
 * order. */
#ifndef BL_CORE_RULES_H
#define BL_CORE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/pb.h"

typedef enum bl_rule {
	BL_RULE_GREEDY_COST,
	BL_RULE_GREEDY_CARD,
	BL_RULE_PHRAGMEN,
	BL_RULE_MES_COST,
	BL_RULE_MES_CARD,
	BL_RULE_MES_COST_GREEDY,
	BL_RULE_MES_CARD_GREEDY,
	BL_RULE_MES_COST_ADD1,
	BL_RULE_MES_CARD_ADD1,
	BL_RULE_MES_COST_ADD1_GREEDY,
	BL_RULE_MES_CARD_ADD1_GREEDY,
	BL_RULE_GREEDY_COST_NOSKIP,
	BL_RULE_COUNT
} bl_rule;

/* "greedy_cost" ... "mes_card_add1_greedy", "greedy_cost_noskip" (exact,
 * lower case): 0, or -1 if unknown (*out untouched). */
int bl_rule_from_name(const char *name, bl_rule *out);
/* The name of a rule, or NULL if out of range. */
const char *bl_rule_name(bl_rule rule);

/* How ties between projects are broken: the first project in this order
 * wins.  Two projects with the same key fall back to the id as text, and
 * two with the same id to their position in pb->projects. */
typedef enum bl_tie {
	BL_TIE_ID,        /* default: id as text (strcmp, "10" before "9"), as pabutools */
	BL_TIE_ID_NUMBER, /* ids that are numbers (decimal digits only) compared as
			   * numbers ("9" before "10"), every other id as text after them */
	BL_TIE_CHEAPER,   /* lower cost first, then id as text */
	BL_TIE_MORE_VOTES, /* more ballots naming it first (approvals), then id as text */
	BL_TIE_COUNT
} bl_tie;

/* "id", "id-number", "cheaper", "votes": 0, or -1 if unknown (*out
 * untouched). */
int bl_tie_from_name(const char *name, bl_tie *out);
/* The name of a tie-break, or NULL if out of range. */
const char *bl_tie_name(bl_tie tie);

typedef struct bl_rule_opts {
	bl_tie tie; /* BL_TIE_ID by default */
} bl_rule_opts;

/* What a rule selected, and what the results screen explains it with.
 * Money in hundredths.  Every array is malloc'd (bl_rule_result_free),
 * NULL when it would be empty. */
typedef struct bl_rule_result {
	/* Project indexes into pb->projects, in selection order (Phragmén:
	 * its selection order, which pabutools does not keep). */
	size_t *selected, n_selected;
	/* The sum of the selected projects' costs. */
	int64_t spent;
	/* Per project (n_projects entries, indexed like pb->projects): the
	 * ballots approving it (approval votes), or, for greedy_cost and
	 * greedy_cost_noskip on other votes, its points (cumulative, scoring)
	 * or its Borda score (ordinal). */
	int64_t *score;
	size_t n_projects;
	/* Per selected project, indexed like selected (k < n_selected):
	 * by_mes[k]  true if the MES phase of a mes_* rule chose it (then its
	 *            cost was shared by its supporters, below); false for a
	 *            project of greedy completion, and for every other rule
	 *            (whose payments are not shares: the next three are 0);
	 * n_payers[k]   supporters (voters, each ballot once) who paid
	 *            something: every supporter with money left; a supported
	 *            project costing nothing has none;
	 * share_max[k]  the largest single payment: what each supporter who
	 *            could afford the equal share paid;
	 * share_min[k]  the smallest payment above zero: a supporter who had
	 *            less than the share and paid all they had left, or
	 *            share_max[k] if there was none.
	 * The payments are exact rationals; these are rounded half up to
	 * hundredths, for display. */
	bool *by_mes;
	size_t *n_payers;
	int64_t *share_max, *share_min;
	/* mes_* rules: each voter's budget in the MES run that gave the result
	 * (budget / n, or for the add1 rules that of the last round kept),
	 * rounded down to hundredths (the budget itself if there are no
	 * ballots at all); -1 for the other rules. */
	int64_t voter_budget_final;
} bl_rule_result;

/* Free what a result holds and zero it (a zeroed result is fine). */
void bl_rule_result_free(bl_rule_result *res);

/* Run rule on pb with opts (NULL: the defaults, BL_TIE_ID).  On success
 * *res holds the result (free it with bl_rule_result_free); on failure
 * *res is zeroed and err says why: the votes are not approval votes and
 * the rule counts only those, the model is inconsistent (a project index
 * out of range, a negative cost or budget), an unknown rule or tie-break,
 * or an exact number would not fit in 4096 bits. */
int bl_rule_run_opts(const bl_pb *pb, bl_rule rule, const bl_rule_opts *opts,
		     bl_rule_result *res, bl_err *err);

/* Run rule on pb with the default ties.  On success *selected (malloc'd,
 * free it; NULL when nothing is selected) holds *n project indexes into
 * pb->projects in selection order.  Fails (-1, *selected NULL, *n 0) as
 * bl_rule_run_opts does. */
int bl_rule_run(const bl_pb *pb, bl_rule rule, size_t **selected, size_t *n, bl_err *err);

#endif
