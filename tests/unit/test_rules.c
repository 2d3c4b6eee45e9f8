/* test_rules.c: the winner rules (core/rules.c) on small hand-made
 * elections, each rule and its ties, the tie-break modes, the votes other
 * than approval, and the explanation data (scores, shares); then, when the
 * shared Pabulib instances are there ($SRCDIR/../shared/data/pabulib),
 * every rule on every instance against pabutools' outcome in expected/. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/pabulib.h"
#include "core/pb.h"
#include "core/rules.h"
#include "tap.h"
#include "test_util.h"

/* ---- building an election by hand ---- */

#define MAXP 16
#define MAXV 32

typedef struct hand {
	bl_pb pb;
	bl_pb_project proj[MAXP];
	bl_pb_vote vote[MAXV];
	size_t idx[MAXV][MAXP];
	int64_t pts[MAXV][MAXP];
	char ids[MAXP][16];
} hand;

/* ids: space-separated project ids; costs: one per project (hundredths);
 * ballots: ';'-separated ballots of comma-separated project positions
 * ("0,1;1;" = three ballots, the last one empty). */
static void hand_make(hand *h, const char *ids, const int64_t *costs, int64_t budget,
		      const char *ballots)
{
	memset(h, 0, sizeof *h);
	size_t np = 0;
	const char *s = ids;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t k = 0;
		while (*s && *s != ' ' && k < 15)
			h->ids[np][k++] = *s++;
		h->ids[np][k] = '\0';
		h->proj[np].id = h->ids[np];
		h->proj[np].cost = costs[np];
		np++;
	}
	size_t nv = 0;
	s = ballots;
	if (*s) {
		for (;;) {
			bl_pb_vote *v = &h->vote[nv];
			v->proj = h->idx[nv];
			while (*s && *s != ';') {
				char *end;
				unsigned long j = strtoul(s, &end, 10);
				if (end == s)
					break;
				h->idx[nv][v->n++] = (size_t)j;
				s = end;
				if (*s == ',')
					s++;
			}
			nv++;
			if (*s != ';')
				break;
			s++;
		}
	}
	h->pb.vote_type = BL_VOTE_APPROVAL;
	h->pb.budget = budget;
	h->pb.projects = h->proj;
	h->pb.n_projects = np;
	h->pb.votes = h->vote;
	h->pb.n_votes = nv;
}

/* Cumulative (or scoring) points: "5,1;3,3;2" gives the entries of
 * each ballot, in order, their points. */
static void hand_points(hand *h, bl_vote_type type, const char *points)
{
	h->pb.vote_type = type;
	const char *s = points;
	for (size_t i = 0; i < h->pb.n_votes; i++) {
		h->vote[i].points = h->pts[i];
		for (size_t k = 0; k < h->vote[i].n; k++) {
			char *end;
			h->pts[i][k] = strtoll(s, &end, 10);
			s = end;
			if (*s == ',' || *s == ';')
				s++;
		}
	}
}

/* The selection as ids separated by spaces ("" if none; "ERROR: msg"). */
static const char *run_tie(const hand *h, const char *rule_name, const char *tie_name)
{
	static char out[BL_ERR_MAX + 1024];
	bl_rule r;
	bl_rule_opts opts = {BL_TIE_ID};
	if (bl_rule_from_name(rule_name, &r) != 0) {
		snprintf(out, sizeof out, "ERROR: no rule %s", rule_name);
		return out;
	}
	if (tie_name && bl_tie_from_name(tie_name, &opts.tie) != 0) {
		snprintf(out, sizeof out, "ERROR: no tie-break %s", tie_name);
		return out;
	}
	size_t *sel = NULL, n = 0;
	bl_err err = {{0}};
	bl_rule_result res;
	int rc = tie_name ? bl_rule_run_opts(&h->pb, r, &opts, &res, &err)
			  : bl_rule_run(&h->pb, r, &sel, &n, &err);
	if (rc != 0) {
		snprintf(out, sizeof out, "ERROR: %s", err.msg);
		return out;
	}
	if (tie_name) {
		sel = res.selected;
		n = res.n_selected;
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, h->pb.projects[sel[i]].id);
	}
	if (tie_name)
		bl_rule_result_free(&res);
	else
		free(sel);
	return out;
}

static const char *run(const hand *h, const char *rule_name)
{
	return run_tie(h, rule_name, NULL);
}

/* The full result of a rule with the default ties (res zeroed on failure). */
static int run_res(const hand *h, const char *rule_name, bl_rule_result *res)
{
	bl_rule r;
	bl_err err = {{0}};
	memset(res, 0, sizeof *res);
	if (bl_rule_from_name(rule_name, &r) != 0)
		return -1;
	if (bl_rule_run_opts(&h->pb, r, NULL, res, &err) != 0) {
		diag("%s: %s", rule_name, err.msg);
		return -1;
	}
	return 0;
}

static void test_names(void)
{
	static const char *names[] = {"greedy_cost", "greedy_card", "phragmen", "mes_cost",
				      "mes_card", "mes_cost_greedy", "mes_card_greedy",
				      "mes_cost_add1", "mes_card_add1", "mes_cost_add1_greedy",
				      "mes_card_add1_greedy", "greedy_cost_noskip"};
	int good = 1;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		bl_rule r;
		if (bl_rule_from_name(names[i], &r) != 0 || strcmp(bl_rule_name(r), names[i]) != 0)
			good = 0;
	}
	ok(good, "every rule name of the shared README is known and named back");
	bl_rule r = BL_RULE_GREEDY_COST;
	ok(bl_rule_from_name("greedy", &r) == -1 && bl_rule_from_name("MES_COST", &r) == -1 &&
		   bl_rule_from_name(NULL, &r) == -1,
	   "unknown names (and other cases) are refused");
	ok(bl_rule_name(BL_RULE_COUNT) == NULL, "no name for an out-of-range rule");
	ok(sizeof names / sizeof *names == BL_RULE_COUNT, "every rule is in the list above");

	static const char *ties[] = {"id", "id-number", "cheaper", "votes"};
	good = 1;
	for (int t = 0; t < (int)(sizeof ties / sizeof *ties); t++) {
		bl_tie tie;
		if (bl_tie_from_name(ties[t], &tie) != 0 || (int)tie != t ||
		    strcmp(bl_tie_name(tie), ties[t]) != 0)
			good = 0;
	}
	ok(good, "every tie-break name is known, in the enum's order, and named back");
	bl_tie tie = BL_TIE_CHEAPER;
	ok(bl_tie_from_name("ID", &tie) == -1 && bl_tie_from_name("", &tie) == -1 &&
		   bl_tie_from_name(NULL, &tie) == -1 && tie == BL_TIE_CHEAPER,
	   "unknown tie-break names are refused, *out untouched");
	ok(bl_tie_name(BL_TIE_COUNT) == NULL, "no name for an out-of-range tie-break");
}

static void test_greedy(void)
{
	hand h;
	/* "9" and "10" tie on 2 approvals: "10" wins, as text */
	int64_t c1[] = {100, 100, 100};
	hand_make(&h, "9 10 2", c1, 200, "0,1;0,1;2");
	is_str(run(&h, "greedy_cost"), "10 9", "greedy_cost: a tie is broken by id as text");
	is_str(run(&h, "greedy_card"), "10 9", "greedy_card: the same tie");

	/* A: 3 votes, 300; B: 2 votes, 100; C: 1 vote, 100 */
	int64_t c2[] = {300, 100, 100};
	hand_make(&h, "A B C", c2, 300, "0,1;0,1;0,2");
	is_str(run(&h, "greedy_cost"), "A", "greedy_cost: by approvals");
	is_str(run(&h, "greedy_card"), "B C",
	       "greedy_card: by approvals per cost; A ties C, comes first, and is skipped");

	/* greedy skips and goes on; a zero-vote project is funded with money left */
	int64_t c3[] = {150, 100, 60, 40};
	hand_make(&h, "a b c d", c3, 200, "0;0;0;1;1;2");
	is_str(run(&h, "greedy_cost"), "a d",
	       "greedy_cost: b and c do not fit and are skipped; d has no vote and is funded");

	/* a project costing nothing: infinite density for greedy_card, no
	 * satisfaction (density 0) for greedy_cost; MES takes it first */
	int64_t cz[] = {0, 100};
	hand_make(&h, "Z A", cz, 100, "0,1;1");
	is_str(run(&h, "greedy_cost"), "A Z", "greedy_cost: a zero-cost project comes last");
	is_str(run(&h, "greedy_card"), "Z A", "greedy_card: a zero-cost project comes first");
	is_str(run(&h, "mes_card"), "Z A", "mes_card: a supported zero-cost project comes first");
	is_str(run(&h, "phragmen"), "Z A", "phragmen: a zero-cost project adds no load");

	/* never: the withdrawn sentinel, even with budget for it; more than the budget */
	int64_t c4[] = {BL_PB_WITHDRAWN_COST, 10, BL_PB_WITHDRAWN_COST * 3};
	hand_make(&h, "W X Big", c4, BL_PB_WITHDRAWN_COST * 2, "0,1,2;0,2;0,2");
	static const char *all[] = {"greedy_cost", "greedy_card", "phragmen", "mes_cost",
				    "mes_card", "mes_cost_greedy", "mes_card_greedy",
				    "mes_cost_add1", "mes_card_add1", "mes_cost_add1_greedy",
				    "mes_card_add1_greedy"};
	int good = 1;
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		const char *got = run(&h, all[i]);
		if (strcmp(got, "X") != 0) {
			diag("%s: got \"%s\"", all[i], got);
			good = 0;
		}
	}
	ok(good, "no rule selects a withdrawn project or one costing more than the budget");
}

static void test_phragmen(void)
{
	hand h;
	/* A: load 100/2 = 50; B: 60/1 = 60; C: no vote (infinite load) */
	int64_t c[] = {100, 60, 10};
	hand_make(&h, "A B C", c, 120, "0;0;1");
	is_str(run(&h, "phragmen"), "A", "phragmen stops at the first project that does not fit");
	is_str(run(&h, "greedy_cost"), "A C", "greedy_cost goes on to the zero-vote project");
	hand_make(&h, "A B C", c, 200, "0;0;1");
	is_str(run(&h, "phragmen"), "A B C",
	       "phragmen funds a zero-vote project once the supported ones are in");

	/* loads: after A (load 50 on voters 0,1), B approved by voter 1 and 2:
	 * (50 + 60)/2 = 55; C approved by voter 2 alone: 56 */
	int64_t c2[] = {100, 60, 56};
	hand_make(&h, "A B C", c2, 1000, "0;0,1;1,2;2");
	/* A 100/2 = 50, B 60/2 = 30, C 56/2 = 28: C first (voters 2, 3 carry
	 * 28); then B (28 + 60)/2 = 44 before A 50 */
	is_str(run(&h, "phragmen"), "C B A", "phragmen: the smallest new maximal load first");

	/* an exact tie on the load: ids as text */
	int64_t c3[] = {100, 100};
	hand_make(&h, "9 10", c3, 1000, "0;1");
	is_str(run(&h, "phragmen"), "10 9", "phragmen: a tie on the load is broken by id as text");
}

static void test_mes(void)
{
	hand h;
	/* 3 voters, 100 each; C (150, all three) costs each 50 and goes first;
	 * then A (200) has 100 among its supporters, B (100) has 50 */
	int64_t c1[] = {200, 100, 150};
	hand_make(&h, "A B C", c1, 300, "0,2;0,2;1,2");
	is_str(run(&h, "mes_card"), "C", "mes_card: equal shares; what no longer is affordable stays out");
	is_str(run(&h, "mes_cost"), "C", "mes_cost: the same");
	is_str(run(&h, "mes_card_greedy"), "C B", "mes_card_greedy: greedy_cost for the money left");

	/* each voter has exactly budget/n, n counting the empty ballot */
	int64_t c2[] = {300, 1};
	hand_make(&h, "A D", c2, 301, "0;0;0");
	is_str(run(&h, "mes_cost"), "A", "mes_cost: three voters with 301/3 each buy A");
	is_str(run(&h, "mes_cost_greedy"), "A D", "the greedy completion funds the unsupported D");
	hand_make(&h, "A D", c2, 301, "0;0;0;");
	is_str(run(&h, "mes_cost"), "", "an empty ballot counts in n: 3 x 301/4 < 300, nothing");
	is_str(run(&h, "mes_cost_greedy"), "A D", "and greedy then funds A and D");
	hand_make(&h, "A D", c2, 400, "0;0;0");
	is_str(run(&h, "mes_card"), "A", "MES never selects a project nobody approves");

	/* a tie on the price: ids as text */
	int64_t c3[] = {100, 100};
	hand_make(&h, "9 10", c3, 200, "0;1");
	is_str(run(&h, "mes_card"), "10 9", "mes_card: a tie is broken by id as text");
	is_str(run(&h, "mes_cost"), "10 9", "mes_cost: the same");

	/* cost vs cardinality utilities: voters 0-3 approve Big (400) and
	 * Small (100); voters 4-5 approve Small.  Price per utility:
	 * card: Big 100 per voter, Small 100/6; cost: Big 100/400 = 1/4,
	 * Small (100/6)/100 = 1/6: Small first either way.  Budget 600, 100
	 * each: after Small (each pays 100/6), Big costs 400 among four with
	 * 500/6 each = 333.3: unaffordable. */
	int64_t c4[] = {400, 100};
	hand_make(&h, "Big Small", c4, 600, "0,1;0,1;0,1;0,1;1;1");
	is_str(run(&h, "mes_cost"), "Small", "mes_cost: the cheaper price per utility first");
	/* cost utilities prefer the expensive project when prices per voter tie:
	 * X (300, voters 0-2) and Y (100, voter 3); 4 voters of 100: both cost
	 * 100 per voter; per utility X 1/3, Y 1: X first under cost, tie under
	 * card (X before Y by id) */
	int64_t c5[] = {100, 300};
	hand_make(&h, "Y X", c5, 400, "1;1;1;0");
	is_str(run(&h, "mes_cost"), "X Y", "mes_cost: price per unit of cost decides");
	is_str(run(&h, "mes_card"), "X Y", "mes_card: a tie on the price per voter, by id");
	int64_t c6[] = {300, 100};
	hand_make(&h, "X Y", c6, 400, "0;0;0;1");
	is_str(run(&h, "mes_card"), "X Y", "mes_card: the same with the positions swapped");
	hand_make(&h, "Z Y", c6, 400, "0;0;0;1");
	is_str(run(&h, "mes_card"), "Y Z", "mes_card: a tie on the price per voter, by id (Y < Z)");
	is_str(run(&h, "mes_cost"), "Z Y", "mes_cost: Z has the lower price per unit of cost");

	/* the poor pay what they have, the rich the rest equally: P (300)
	 * approved by voters 0-2; voter 0 spent 80 of 100 on Q (80, alone).
	 * P: voter 0 pays 20, voters 1, 2 pay 140 each: > 100, unaffordable. */
	int64_t c7[] = {300, 80};
	hand_make(&h, "P Q", c7, 300, "0,1;0;0");
	is_str(run(&h, "mes_card"), "Q", "mes_card: a project the supporters cannot pay stays out");
	int64_t c8[] = {250, 80};
	hand_make(&h, "P Q", c8, 300, "0,1;0;0");
	/* P: per voter 250/3 = 83.3: voter 0 has 100 (P first, as Q is 80
	 * alone); P first, then Q: voter 0 has 16.7 < 80 */
	is_str(run(&h, "mes_card"), "Q", "mes_card: Q (80 per voter) before P (83.3), then P unaffordable");
	/* after Q voter 0 has 20: P is 20 + 115 + 115 = 250 with 100 each */
	int64_t c9[] = {250, 80};
	hand_make(&h, "P Q", c9, 300, "0,1;0;0");
	is_str(run(&h, "mes_card_greedy"), "Q", "mes_card_greedy: P does not fit the 220 left");
	int64_t c10[] = {200, 80};
	hand_make(&h, "P Q", c10, 300, "0,1;0;0");
	/* P: 66.7 per voter < Q 80: P first (each pays 66.7); Q: voter 0 has 33.3 */
	is_str(run(&h, "mes_card"), "P", "mes_card: P first, then Q unaffordable");
	int64_t c11[] = {240, 50};
	hand_make(&h, "P Q", c11, 300, "0,1;0;0");
	/* Q (50) first; voter 0 has 50; P: 240 - 50 = 190 / 2 = 95 <= 100: the
	 * poor voter 0 pays all 50, voters 1, 2 pay 95 */
	is_str(run(&h, "mes_card"), "Q P", "mes_card: a poor supporter pays all, the rich the rest");
}

static void test_add1(void)
{
	hand h;
	/* 2 voters, budget 10.00: B (4.00, voter 1) at once; A (6.00, voter 0)
	 * once each voter has 6.00 (one round more): exhaustive then */
	int64_t c1[] = {600, 400};
	hand_make(&h, "A B", c1, 1000, "0;1");
	is_str(run(&h, "mes_card"), "B", "mes_card: 5.00 each buys only B");
	is_str(run(&h, "mes_card_add1"), "B A", "mes_card_add1: 6.00 each buys B and A");
	is_str(run(&h, "mes_cost_add1"), "A B",
	       "mes_cost_add1: the same projects; both cost 1 per unit of utility, A first by id");

	/* C (3.00, both) first each round; A, B (6.00, one voter each) become
	 * affordable at 8.00 each, outcome 15.00 > 10.00: the one before is kept */
	int64_t c2[] = {600, 600, 300};
	hand_make(&h, "A B C", c2, 1000, "0,2;1,2");
	is_str(run(&h, "mes_card_add1"), "C", "mes_card_add1: the outcome over the budget is dropped");
	is_str(run(&h, "mes_card_add1_greedy"), "C A", "mes_card_add1_greedy: then greedy_cost");
	is_str(run(&h, "mes_cost_add1_greedy"), "C A", "mes_cost_add1_greedy: the same");

	/* budget/n is not a whole unit: 10.01 / 3 */
	int64_t c3[] = {334, 334, 334};
	hand_make(&h, "A B C", c3, 1001, "0;1;2");
	is_str(run(&h, "mes_card_add1"), "",
	       "mes_card_add1: 3.3366.. each buys nothing; one unit more buys all three "
	       "(10.02 > 10.01): the empty outcome before it is kept");
	is_str(run(&h, "mes_card_add1_greedy"), "A B", "mes_card_add1_greedy: greedy buys two");
}

static void test_ties(void)
{
	hand h;
	/* greedy_cost: "9", "10" and "x" tie on 2 approvals */
	int64_t c1[] = {100, 100, 100};
	hand_make(&h, "9 10 x", c1, 300, "0,1,2;0,1,2");
	is_str(run_tie(&h, "greedy_cost", "id"), "10 9 x", "tie id: as text, \"10\" before \"9\"");
	is_str(run_tie(&h, "greedy_cost", "id-number"), "9 10 x",
	       "tie id-number: numbers as numbers, then the other ids");
	hand_make(&h, "x 010 9", c1, 300, "0,1,2;0,1,2");
	is_str(run_tie(&h, "greedy_cost", "id-number"), "9 010 x",
	       "tie id-number: leading zeros do not count");
	is_str(run(&h, "greedy_cost"), "010 9 x", "no options: the default, id as text");

	/* A (200) and B (100) tie on 2 approvals; C has 1 */
	int64_t c2[] = {200, 100, 50};
	hand_make(&h, "A B C", c2, 400, "0,1;0,1,2");
	is_str(run_tie(&h, "greedy_cost", "id"), "A B C", "greedy_cost tie id: A before B");
	is_str(run_tie(&h, "greedy_cost", "cheaper"), "B A C", "greedy_cost tie cheaper: B first");
	is_str(run_tie(&h, "greedy_cost_noskip", "cheaper"), "B A C",
	       "greedy_cost_noskip tie cheaper: the same");

	/* mes_card: A (100, voter 0) and B (300, voters 1-3) both cost 100 per
	 * voter: a tie on the price */
	int64_t c3[] = {100, 300};
	hand_make(&h, "A B", c3, 400, "0;1;1;1");
	is_str(run_tie(&h, "mes_card", "id"), "A B", "mes_card tie id: A first");
	is_str(run_tie(&h, "mes_card", "votes"), "B A", "mes_card tie votes: B (3 approvals) first");
	is_str(run_tie(&h, "mes_card", "cheaper"), "A B", "mes_card tie cheaper: A (100) first");
	is_str(run_tie(&h, "mes_card_add1", "votes"), "B A",
	       "mes_card_add1 tie votes: the same in the rounds on bounds");
	/* the same tie with the ids swapped */
	hand_make(&h, "B A", c3, 400, "0;1;1;1");
	is_str(run_tie(&h, "mes_card", "cheaper"), "B A", "mes_card tie cheaper: B (100) first");
	is_str(run_tie(&h, "mes_card_add1_greedy", "cheaper"), "B A",
	       "mes_card_add1_greedy tie cheaper: the same");

	/* phragmen: A (200, 2 voters) and B (100, 1 voter): load 100 each */
	int64_t c4[] = {200, 100};
	hand_make(&h, "A B", c4, 300, "0;0;1");
	is_str(run_tie(&h, "phragmen", "id"), "A B", "phragmen tie id: A first");
	is_str(run_tie(&h, "phragmen", "cheaper"), "B A", "phragmen tie cheaper: B first");
	is_str(run_tie(&h, "phragmen", "votes"), "A B", "phragmen tie votes: A (2 approvals) first");

	/* zero-cost supported projects: MES takes them first, in tie order */
	int64_t c5[] = {0, 0, 100};
	hand_make(&h, "9 10 C", c5, 100, "0,1,2;1,2");
	is_str(run_tie(&h, "mes_cost", "id"), "10 9 C", "MES zero-cost projects by id as text");
	is_str(run_tie(&h, "mes_cost", "id-number"), "9 10 C", "... by id as number");
	is_str(run_tie(&h, "mes_cost", "votes"), "10 9 C", "... by votes: 10 has two");

	bl_rule_opts bad = {(bl_tie)BL_TIE_COUNT};
	bl_rule_result res;
	bl_err err = {{0}};
	ok(bl_rule_run_opts(&h.pb, BL_RULE_GREEDY_COST, &bad, &res, &err) == -1 &&
		   res.selected == NULL && strstr(err.msg, "tie") != NULL,
	   "an unknown tie-break is refused");
}

static void test_noskip(void)
{
	hand h;
	/* a 3 votes (150), b 2 (100), c 1 (60), d none (40); budget 200 */
	int64_t c[] = {150, 100, 60, 40};
	hand_make(&h, "a b c d", c, 200, "0;0;0;1;1;2");
	is_str(run(&h, "greedy_cost"), "a d", "greedy_cost skips b and c, funds d");
	is_str(run(&h, "greedy_cost_noskip"), "a", "greedy_cost_noskip stops at b, which does not fit");
	hand_make(&h, "a b c d", c, 300, "0;0;0;1;1;2");
	is_str(run(&h, "greedy_cost_noskip"), "a b", "greedy_cost_noskip: a and b fit, c does not");
	hand_make(&h, "a b c d", c, 400, "0;0;0;1;1;2");
	is_str(run(&h, "greedy_cost_noskip"), "a b c d", "greedy_cost_noskip: everything fits");
	/* a withdrawn or too expensive project is passed over, not stopped at */
	int64_t c2[] = {BL_PB_WITHDRAWN_COST, 500, 100};
	hand_make(&h, "W Big s", c2, 300, "0,1,2;0,1");
	is_str(run(&h, "greedy_cost_noskip"), "s",
	       "greedy_cost_noskip passes over projects that are never selected");
}

static void test_points(void)
{
	hand h;
	bl_rule_result res;
	/* cumulative: A 5, B 1 + 3 = 4, C 3 + 2 = 5: A and C tie on 5 */
	int64_t c[] = {100, 100, 100};
	hand_make(&h, "A B C", c, 200, "0,1;1,2;2");
	hand_points(&h, BL_VOTE_CUMULATIVE, "5,1;3,3;2");
	is_str(run(&h, "greedy_cost"), "A C", "greedy_cost on cumulative votes: by points");
	is_str(run(&h, "greedy_cost_noskip"), "A C", "greedy_cost_noskip on cumulative votes");
	if (run_res(&h, "greedy_cost", &res) == 0) {
		ok(res.n_projects == 3 && res.score[0] == 5 && res.score[1] == 4 && res.score[2] == 5,
		   "the score of a cumulative election is the sum of the points");
		ok(res.voter_budget_final == -1 && !res.by_mes[0] && res.n_payers[0] == 0,
		   "greedy: no MES budget, no shares");
		bl_rule_result_free(&res);
	} else {
		ok(0, "greedy_cost on cumulative votes runs");
		ok(0, "greedy: no MES budget");
	}
	like(run(&h, "mes_cost"),
	     "mes_cost counts approval ballots; this election has cumulative ballots: use "
	     "greedy_cost or greedy_cost_noskip",
	     "mes_cost refuses cumulative votes, naming the rule and the vote type");
	like(run(&h, "phragmen"), "phragmen counts approval ballots; this election has cumulative",
	     "phragmen refuses them too");
	like(run(&h, "greedy_card"), "greedy_card counts approval", "and greedy_card");
	hand_points(&h, BL_VOTE_SCORING, "1,2;3,1;1");
	is_str(run(&h, "greedy_cost"), "B C", "greedy_cost on scoring votes: B 5, C 2, A 1");
	like(run(&h, "mes_card_add1"), "this election has scoring ballots",
	     "mes_card_add1 refuses scoring votes");

	/* ordinal, Borda: [B, A, C] gives B 3, A 2, C 1; [A, C] gives A 2, C 1;
	 * [C] gives C 1: A 4, B 3, C 3 */
	int64_t c2[] = {100, 100, 150};
	hand_make(&h, "A B C", c2, 250, "1,0,2;0,2;2");
	h.pb.vote_type = BL_VOTE_ORDINAL;
	if (run_res(&h, "greedy_cost", &res) == 0) {
		ok(res.score[0] == 4 && res.score[1] == 3 && res.score[2] == 3,
		   "ordinal votes: Borda scores, k points for the first of k");
		bl_rule_result_free(&res);
	} else {
		ok(0, "greedy_cost on ordinal votes runs");
	}
	is_str(run(&h, "greedy_cost"), "A B", "greedy_cost on ordinal votes: A, B; C ties B, does not fit");
	is_str(run_tie(&h, "greedy_cost", "cheaper"), "A B", "tie cheaper: B (100) before C (150)");
	hand_make(&h, "A C B", c2, 250, "2,0,1;0,1;1");
	h.pb.vote_type = BL_VOTE_ORDINAL;
	is_str(run(&h, "greedy_cost"), "A B", "the same with C's id before B's: B ties C, id B < C");
	is_str(run(&h, "greedy_cost_noskip"), "A B", "greedy_cost_noskip: the same, B fits");
	like(run(&h, "mes_cost"), "this election has ordinal ballots", "mes_cost refuses ordinal votes");
}

/* payments in hundredths: the shares of the results screen */
static void test_shares(void)
{
	hand h;
	bl_rule_result res;
	/* 3 voters with 100 each buy P (300) together: 100 each */
	int64_t c1[] = {300};
	hand_make(&h, "P", c1, 300, "0;0;0");
	if (run_res(&h, "mes_cost", &res) == 0) {
		ok(res.n_selected == 1 && res.selected[0] == 0 && res.spent == 300 && res.by_mes[0] &&
			   res.n_payers[0] == 3 && res.share_max[0] == 100 && res.share_min[0] == 100,
		   "3 voters, budget 300, one project of 300: each of the 3 pays 100");
		is_int(res.voter_budget_final, 100, "each voter had 100");
		is_int(res.score[0], 3, "P has 3 approvals");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_cost runs");
		ok(0, "-");
		ok(0, "-");
	}
	/* 200 shared by 3: 66.666.. rounds half up to 67 */
	int64_t c2[] = {200};
	hand_make(&h, "P", c2, 300, "0;0;0");
	if (run_res(&h, "mes_card", &res) == 0) {
		ok(res.n_payers[0] == 3 && res.share_max[0] == 67 && res.share_min[0] == 67,
		   "200 among 3: 66.67 each, shown as 67 hundredths");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card runs");
	}
	/* Q (50, voter 0) first; then P (240): voter 0 has 50 left and pays it
	 * all, voters 1 and 2 pay 95 each */
	int64_t c3[] = {240, 50};
	hand_make(&h, "P Q", c3, 300, "0,1;0;0");
	if (run_res(&h, "mes_card", &res) == 0) {
		ok(res.n_selected == 2 && res.selected[0] == 1 && res.selected[1] == 0,
		   "Q, then P");
		ok(res.n_payers[0] == 1 && res.share_max[0] == 50 && res.share_min[0] == 50,
		   "Q: voter 0 pays all 50");
		ok(res.n_payers[1] == 3 && res.share_max[1] == 95 && res.share_min[1] == 50,
		   "P: two pay 95, the poor voter 0 pays the 50 left");
		is_int(res.spent, 290, "290 spent");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card runs");
		ok(0, "-");
		ok(0, "-");
		ok(0, "-");
	}
	/* a supporter with nothing left pays nothing and is no payer.  4
	 * voters, 100 each; voter 0 approves P (200), Q (50) and R (110),
	 * voters 1, 2 P, voter 3 R.  Q (50 per voter) first; then R: voter 0
	 * has 50, pays it all, voter 3 pays 60 (60 per voter, before P at 75);
	 * then P: voter 0 has nothing, voters 1 and 2 pay 100 each */
	int64_t c4[] = {200, 50, 110};
	hand_make(&h, "P Q R", c4, 400, "0,1,2;0;0;2");
	if (run_res(&h, "mes_card", &res) == 0) {
		ok(res.n_selected == 3 && res.selected[0] == 1 && res.selected[1] == 2 &&
			   res.selected[2] == 0,
		   "Q, R, P");
		ok(res.n_payers[1] == 2 && res.share_max[1] == 60 && res.share_min[1] == 50,
		   "R: voter 3 pays 60, voter 0 the 50 left");
		ok(res.n_payers[2] == 2 && res.share_max[2] == 100 && res.share_min[2] == 100,
		   "P: the supporter with nothing left is not a payer");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card runs");
		ok(0, "-");
		ok(0, "-");
	}
	/* greedy completion: not shares */
	int64_t c5[] = {200, 100, 150};
	hand_make(&h, "A B C", c5, 300, "0,2;0,2;1,2");
	if (run_res(&h, "mes_card_greedy", &res) == 0) {
		ok(res.n_selected == 2 && res.by_mes[0] && !res.by_mes[1] && res.n_payers[0] == 3 &&
			   res.share_max[0] == 50 && res.n_payers[1] == 0 && res.share_max[1] == 0,
		   "mes_card_greedy: C by MES (50 each), B by the greedy completion, no shares");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card_greedy runs");
	}
	/* add1: the budget of the round kept.  2 voters, 10.00: 6.00 each */
	int64_t c6[] = {600, 400};
	hand_make(&h, "A B", c6, 1000, "0;1");
	if (run_res(&h, "mes_card_add1", &res) == 0) {
		is_int(res.voter_budget_final, 600, "mes_card_add1: the round kept gave 6.00 each");
		ok(res.n_selected == 2 && res.share_max[0] == 400 && res.share_max[1] == 600 &&
			   res.n_payers[0] == 1,
		   "mes_card_add1: each project paid by its one supporter");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card_add1 runs");
		ok(0, "-");
	}
	/* 10.01 / 3 each, kept: rounded down to 333 */
	int64_t c7[] = {334, 334, 334};
	hand_make(&h, "A B C", c7, 1001, "0;1;2");
	if (run_res(&h, "mes_card_add1", &res) == 0) {
		is_int(res.voter_budget_final, 333, "mes_card_add1: 3.3366.. each, rounded down");
		is_int(res.n_selected, 0, "nothing selected");
		bl_rule_result_free(&res);
	} else {
		ok(0, "mes_card_add1 runs");
		ok(0, "-");
	}
	if (run_res(&h, "phragmen", &res) == 0) {
		ok(res.voter_budget_final == -1 && res.n_selected == 2 && res.spent == 668 &&
			   !res.by_mes[0],
		   "phragmen: A and B (6.68), no MES budget, no shares");
		bl_rule_result_free(&res);
	} else {
		ok(0, "phragmen runs");
	}
	bl_rule_result_free(&res); /* twice is fine */
	ok(res.selected == NULL && res.n_selected == 0, "a freed result is empty");
}

/* Small random elections, ties everywhere: the add1 rounds are decided on
 * bounds and the round kept is run exactly once more; the two must agree
 * (else the rule fails), under every tie-break. */
static uint64_t rnd_state = 88172645463325252ULL;

/* xorshift64: the same elections on every machine */
static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

static void test_random(void)
{
	static const int64_t costs[] = {100, 200, 300, 150, 50, 0, 250, 600};
	int good = 1, runs = 0;
	hand h;
	for (int it = 0; it < 400 && good; it++) {
		memset(&h, 0, sizeof h);
		size_t np = 1 + rnd(8), nv = rnd(MAXV);
		for (size_t j = 0; j < np; j++) {
			snprintf(h.ids[j], sizeof h.ids[j], "%u", rnd(3) ? (unsigned)j : (unsigned)j + 8);
			h.proj[j].id = h.ids[j];
			if (rnd(2)) {
				int64_t c = costs[rnd(8)];
				h.proj[j].cost = c * (1 + rnd(3));
			} else {
				h.proj[j].cost = 1 + rnd(5000);
			}
		}
		for (size_t i = 0; i < nv; i++) {
			h.vote[i].proj = h.idx[i];
			for (size_t j = 0; j < np; j++)
				if (rnd(3) == 0)
					h.idx[i][h.vote[i].n++] = j;
		}
		h.pb.vote_type = BL_VOTE_APPROVAL;
		h.pb.budget = rnd(2) ? 100 * (1 + rnd(12)) : 1 + rnd(20000);
		h.pb.projects = h.proj;
		h.pb.n_projects = np;
		h.pb.votes = h.vote;
		h.pb.n_votes = nv;
		for (int r = BL_RULE_MES_COST_ADD1; r <= BL_RULE_MES_CARD_ADD1_GREEDY && good; r++)
			for (int t = 0; t < BL_TIE_COUNT && good; t++) {
				bl_rule_opts opts = {(bl_tie)t};
				bl_rule_result res;
				bl_err err = {{0}};
				runs++;
				if (bl_rule_run_opts(&h.pb, (bl_rule)r, &opts, &res, &err) != 0) {
					diag("election %d, %s, tie %s: %s", it, bl_rule_name((bl_rule)r),
					     bl_tie_name((bl_tie)t), err.msg);
					good = 0;
				} else if (res.spent > h.pb.budget) {
					diag("election %d, %s: over the budget", it, bl_rule_name((bl_rule)r));
					good = 0;
				}
				bl_rule_result_free(&res);
			}
	}
	ok(good, "%d runs of the add1 rules on random elections: the rounds on bounds agree "
		 "with the exact run", runs);
}

static void test_errors(void)
{
	hand h;
	int64_t c[] = {100};
	hand_make(&h, "A", c, 100, "0");
	h.pb.vote_type = BL_VOTE_CUMULATIVE;
	like(run(&h, "mes_cost"), "approval", "cumulative votes are refused by MES");
	is_str(run(&h, "greedy_cost"), "A", "and counted by greedy_cost (one point, no points given)");
	hand_make(&h, "A", c, 100, "3");
	like(run(&h, "mes_cost"), "does not exist", "a vote naming a project out of range is refused");
	hand_make(&h, "A", c, 100, "");
	is_str(run(&h, "mes_cost_add1_greedy"), "A", "no votes at all: greedy still funds");
	is_str(run(&h, "mes_cost_add1"), "", "no votes at all: MES selects nothing");
}

/* ---- the shared instances against pabutools ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The ids of an expected file, in order. */
static size_t read_expected(const char *path, char **ids, size_t max)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return (size_t)-1;
	char line[512];
	size_t n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (n < max)
			ids[n++] = strdup(line);
	}
	fclose(f);
	return n;
}

static void test_shared(void)
{
	const char *src = getenv("SRCDIR");
	char base[4096], dir[4200];
	snprintf(base, sizeof base, "%s/../shared/data/pabulib", src && *src ? src : SRCDIR);
	snprintf(dir, sizeof dir, "%s/instances", base);
	DIR *d = opendir(dir);
	if (!d) {
		printf("ok %d # SKIP no shared Pabulib instances at %s\n", ++tap_n, base);
		return;
	}
	struct dirent *e;
	char *names[64];
	size_t nn = 0;
	while ((e = readdir(d)) != NULL && nn < 64) {
		size_t l = strlen(e->d_name);
		if (l > 3 && strcmp(e->d_name + l - 3, ".pb") == 0)
			names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_str);
	for (size_t i = 0; i < nn; i++) {
		char inst[256];
		snprintf(inst, sizeof inst, "%.*s", (int)(strlen(names[i]) - 3), names[i]);
		char path[4600];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		bl_pb pb;
		bl_err err = {{0}};
		int have_expected = 0;
		for (int r = 0; r < BL_RULE_COUNT; r++) {
			char ep[4800];
			snprintf(ep, sizeof ep, "%s/expected/%s.%s.txt", base, inst, bl_rule_name((bl_rule)r));
			FILE *f = fopen(ep, "r");
			if (f) {
				have_expected = 1;
				fclose(f);
			}
		}
		if (!have_expected) {
			/* no outcomes (cumulative ballots): greedy counts the
			 * points, the others refuse */
			if (bl_pb_read_file(path, &pb, &err) != 0) {
				ok(0, "%s: read: %s", inst, err.msg);
				continue;
			}
			if (pb.vote_type == BL_VOTE_CUMULATIVE || pb.vote_type == BL_VOTE_SCORING ||
			    pb.vote_type == BL_VOTE_ORDINAL) {
				bl_rule_result res;
				int good = bl_rule_run_opts(&pb, BL_RULE_GREEDY_COST, NULL, &res, &err) == 0 &&
					   res.n_selected > 0 && res.spent <= pb.budget;
				bl_rule_result_free(&res);
				good = good &&
				       bl_rule_run_opts(&pb, BL_RULE_GREEDY_COST_NOSKIP, NULL, &res, &err) == 0 &&
				       res.spent <= pb.budget;
				bl_rule_result_free(&res);
				ok(good, "%s: greedy_cost and greedy_cost_noskip count the points", inst);
				ok(bl_rule_run_opts(&pb, BL_RULE_MES_COST_ADD1, NULL, &res, &err) == -1 &&
					   strstr(err.msg, "mes_cost_add1 counts approval ballots") != NULL,
				   "%s: mes_cost_add1 refuses: %s", inst, err.msg);
			}
			bl_pb_free(&pb);
			continue;
		}
		if (bl_pb_read_file(path, &pb, &err) != 0) {
			ok(0, "%s: read: %s", inst, err.msg);
			continue;
		}
		/* the explanation data of every rule, for what must hold */
		int consistent = 1;
		for (int r = 0; r < BL_RULE_COUNT; r++) {
			bl_rule_result res;
			if (bl_rule_run_opts(&pb, (bl_rule)r, NULL, &res, &err) != 0) {
				consistent = 0;
				diag("%s: %s", bl_rule_name((bl_rule)r), err.msg);
				continue;
			}
			int64_t spent = 0;
			bool mes = strncmp(bl_rule_name((bl_rule)r), "mes_", 4) == 0;
			if ((res.voter_budget_final >= 0) != mes || res.n_projects != pb.n_projects)
				consistent = 0;
			for (size_t k = 0; k < res.n_selected; k++) {
				size_t j = res.selected[k];
				spent += pb.projects[j].cost;
				if (res.by_mes[k] ? (res.share_min[k] > res.share_max[k] ||
						     (int64_t)res.n_payers[k] > res.score[j] ||
						     res.share_max[k] > res.voter_budget_final + 1 ||
						     (res.n_payers[k] == 0) != (pb.projects[j].cost == 0) ||
						     (int64_t)res.n_payers[k] * (res.share_max[k] + 1) <
							     pb.projects[j].cost)
						  : (res.n_payers[k] != 0 || res.share_max[k] != 0))
					consistent = 0;
				if (k > 0 && res.by_mes[k] && !res.by_mes[k - 1])
					consistent = 0;
			}
			if (spent != res.spent || spent > pb.budget)
				consistent = 0;
			if (!consistent)
				diag("%s: the result does not hold together", bl_rule_name((bl_rule)r));
			bl_rule_result_free(&res);
		}
		ok(consistent, "%s: every rule's scores, spending and shares hold together", inst);
		for (int r = 0; r < BL_RULE_COUNT; r++) {
			const char *rn = bl_rule_name((bl_rule)r);
			char ep[4800];
			snprintf(ep, sizeof ep, "%s/expected/%s.%s.txt", base, inst, rn);
			char *want[512];
			size_t nw = read_expected(ep, want, 512);
			if (nw == (size_t)-1)
				continue;
			size_t *sel = NULL, n = 0;
			double t0 = now();
			int rc = bl_rule_run(&pb, (bl_rule)r, &sel, &n, &err);
			double t = now() - t0;
			if (rc != 0) {
				ok(0, "%s %s: %s", inst, rn, err.msg);
			} else {
				char **got = calloc(n ? n : 1, sizeof *got);
				for (size_t k = 0; k < n; k++)
					got[k] = pb.projects[sel[k]].id;
				if (r == BL_RULE_PHRAGMEN) {
					qsort(got, n, sizeof *got, cmp_str);
					qsort(want, nw, sizeof *want, cmp_str);
				}
				int same = n == nw;
				size_t at = 0;
				for (size_t k = 0; same && k < n; k++)
					if (strcmp(got[k], want[k]) != 0) {
						same = 0;
						at = k;
					}
				if (!ok(same, "%s %s: pabutools' selection%s (%.3f s)", inst, rn,
					r == BL_RULE_PHRAGMEN ? " (as a set)" : ", in order", t)) {
					diag("got %zu projects, want %zu; first difference at %zu: %s vs %s", n, nw,
					     at, at < n ? got[at] : "-", at < nw ? want[at] : "-");
				}
				free(got);
			}
			free(sel);
			for (size_t k = 0; k < nw; k++)
				free(want[k]);
		}
		bl_pb_free(&pb);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
}

int main(void)
{
	test_names();
	test_greedy();
	test_phragmen();
	test_mes();
	test_add1();
	test_ties();
	test_noskip();
	test_points();
	test_shares();
	test_random();
	test_errors();
	test_shared();
	return tap_done();
}
