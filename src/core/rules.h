/* rules.h: the winner rules of participatory budgeting, exact, on the
 * election model of pb.h (approval ballots).  No I/O.
 *
 * Each rule gives the same selection, in the same order, as pabutools
 * 1.2.3 (the reference implementation) with its default tie-breaking:
 * among tied projects the one whose id is smallest *as text* wins
 * ("10" before "9"; strcmp on the UTF-8 bytes, which is Python's code
 * point order).  Arithmetic is exact: integers, and for Phragmén and MES
 * big-integer numerators over one common denominator (up to 4096 bits);
 * if a number would not fit, the rule fails with a message instead of
 * giving a possibly wrong answer.  Never floating point.
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
 *                 money left.
 * A project costing more than the budget, or the withdrawn sentinel
 * BL_PB_WITHDRAWN_COST, is never selected.  MES takes supported projects
 * costing nothing before anything else, in id order (pabutools adds them
 * in the order of a Python set).  Phragmén's result is a set
 * (pabutools returns it sorted); here it is in selection order. */
#ifndef BL_CORE_RULES_H
#define BL_CORE_RULES_H

#include <stddef.h>

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
	BL_RULE_COUNT
} bl_rule;

/* "greedy_cost" ... "mes_card_add1_greedy" (exact, lower case): 0, or -1
 * if unknown (*out untouched). */
int bl_rule_from_name(const char *name, bl_rule *out);
/* The name of a rule, or NULL if out of range. */
const char *bl_rule_name(bl_rule rule);

/* Run rule on pb.  On success *selected (malloc'd, free it; NULL when
 * nothing is selected) holds *n project indexes into pb->projects in
 * selection order.  Fails (-1, *selected NULL, *n 0) if the votes are not
 * approval votes (approval or choose-1), if the model is inconsistent (a
 * project index out of range, a negative cost or budget), or if an exact
 * number would not fit in 4096 bits. */
int bl_rule_run(const bl_pb *pb, bl_rule rule, size_t **selected, size_t *n, bl_err *err);

#endif
