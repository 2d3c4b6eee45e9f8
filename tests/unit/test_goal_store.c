/* test_goal_store.c: goals and the SDGs in the store (store/goal_store.h):
 * targets checked against the shipped SDG data and kept in SDG order,
 * the indicator's fields refused one by one, measurements, the goals
 * lock, deleting a goal, and the bridge's sums against sums made here,
 * overflow included. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "config/sdg_file.h"
#include "store/goal_store.h"
#include "store/pillar_store.h"
#include "store_util.h"
#include "tap.h"

static bl_err e;

int main(void)
{
	tu_init();
	bl_sdg_set sdg;
	if (bl_sdg_load(SRCDIR "/share/sdg", &sdg, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	bl_store *s = tu_create("g.budgetlab");
	int64_t bsu = tu_area(s, 0, "BSU");
	int64_t l1 = tu_line(s, "3.22.01", bsu, BL_DIR_EXPENSE);
	int64_t l2 = tu_line(s, "3.22.02", bsu, BL_DIR_EXPENSE);
	int64_t l3 = tu_line(s, "7.68.90", bsu, BL_DIR_INCOME);
	int64_t l4 = tu_line(s, "0.25.01", bsu, BL_DIR_EXPENSE);
	tu_set(s, l1, 2028, 1000);
	tu_set(s, l2, 2028, 2000);
	tu_set(s, l3, 2028, 5000);
	tu_set(s, l4, 2029, 7);
	bl_goal g = { 0, bsu, (char *)"Flere børn i trivsel", NULL, BL_GOAL_DRAFT };
	int64_t g1, g2, g3;
	ok(bl_store_goal_add(s, &g, &g1, &e) == 0, "goal 1");
	g.title = (char *)"Mindre CO2";
	ok(bl_store_goal_add(s, &g, &g2, &e) == 0, "goal 2");
	g.title = (char *)"Uden linjer";
	ok(bl_store_goal_add(s, &g, &g3, &e) == 0, "goal 3");
	ok(bl_store_goal_link(s, g1, l1, &e) == 0 && bl_store_goal_link(s, g1, l2, &e) == 0 &&
		   bl_store_goal_link(s, g2, l2, &e) == 0 && bl_store_goal_link(s, g2, l3, &e) == 0,
	   "links: goal 1 <- 3.22.01, 3.22.02; goal 2 <- 3.22.02, 7.68.90");

	const char *t1[] = { "4.a", "4.10" };
	int64_t j = tu_journal(s);
	ok(bl_store_goal_targets_set(s, g1, t1, 2, &sdg, &e) != 0, "4.10 is refused");
	like(e.msg, "goal 4 has no such target", "  naming the goal");
	is_int(tu_journal(s), j, "  and nothing was written");
	const char *t2[] = { "4.A", "3.4", "4.2" };
	ok(bl_store_goal_targets_set(s, g1, t2, 3, &sdg, &e) == 0, "goal 1 serves 4.a, 3.4, 4.2");
	char **got;
	size_t n;
	ok(bl_store_goal_targets(s, g1, &got, &n, &e) == 0 && n == 3 && !strcmp(got[0], "3.4") &&
		   !strcmp(got[1], "4.2") && !strcmp(got[2], "4.a"),
	   "kept in SDG order, as the data writes them");
	bl_strings_free(got, n);
	const char *t3[] = { "13.2", "13.2" };
	ok(bl_store_goal_targets_set(s, g2, t3, 2, &sdg, &e) != 0, "a target twice is refused");
	const char *t4[] = { "13.2", "7.3" };
	ok(bl_store_goal_targets_set(s, g2, t4, 2, &sdg, &e) == 0, "goal 2 serves 13.2 and 7.3");
	ok(bl_store_goal_targets_set(s, 99, t4, 2, &sdg, &e) != 0, "an unknown goal is refused");

	bl_goal_indicator ind = { .indicator = (char *)"Trivsel", .baseline = (char *)"78.5",
				  .baseline_year = 2026 };
	const char *bad[] = { "", "1,5", "1.", ".5", "--1", "1e3", "12345678901234567890123", " 1" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ok(!bl_decimal_valid(bad[i]), "'%s' is no decimal", bad[i]);
	ok(bl_decimal_valid("-3.25") && bl_decimal_valid("0") && bl_decimal_valid("100"),
	   "-3.25, 0 and 100 are");
	ind.baseline = (char *)"1,5";
	ok(bl_store_goal_indicator_set(s, g1, &ind, &e) != 0, "a decimal comma is refused");
	like(e.msg, "the baseline '1,5' is not a number", "  naming the field");
	ind.baseline = (char *)"78.5";
	ind.target = (char *)"85";
	ok(bl_store_goal_indicator_set(s, g1, &ind, &e) != 0, "a target without a year");
	ind.target_year = 2020;
	ok(bl_store_goal_indicator_set(s, g1, &ind, &e) != 0, "a target year before the baseline");
	ind.target_year = 2030;
	ind.indicator = (char *)" ";
	ok(bl_store_goal_indicator_set(s, g1, &ind, &e) != 0, "a blank indicator");
	ind.indicator = (char *)"Trivsel";
	ok(bl_store_goal_indicator_set(s, g1, &ind, &e) == 0, "the indicator");
	bl_date d = bl_date_from_ymd(2027, 6, 1);
	ok(bl_store_goal_measure_set(s, g2, d, "5", NULL, &e) != 0, "no measurement without an indicator");
	ok(bl_store_goal_measure_set(s, g1, d, "80", "første", &e) == 0, "a measurement");
	ok(bl_store_goal_measure_set(s, g1, d, "80.5", NULL, &e) == 0, "  replaced on the same day");
	bl_goal_measure *m;
	ok(bl_store_goal_measures(s, g1, &m, &n, &e) == 0 && n == 1 && !strcmp(m[0].value, "80.5") &&
		   !m[0].note,
	   "one measurement, the second");
	bl_goal_measures_free(m, n);
	bl_goal_indicator back;
	ok(bl_store_goal_indicator_get(s, g1, &back, &e) == 1 && !strcmp(back.baseline, "78.5") &&
		   back.target_year == 2030 && !back.unit,
	   "the indicator reads back");
	bl_goal_indicator_clear(&back);

	bl_bridge b;
	ok(bl_store_bridge(s, "proposal", &b, &e) == 0 && b.n_goals == 3, "the bridge");
	ok(b.goal[0].n_lines == 2 && b.goal[0].expense[0] == 3000, "goal 1: two lines, 3000 in 2028");
	ok(b.goal[1].n_lines == 2 && b.goal[1].expense[0] == 2000 && b.goal[1].income[0] == 5000,
	   "goal 2: 2000 expenses and 5000 income");
	ok(b.goal[2].n_lines == 0, "goal 3: no line");
	ok(b.sdg[3].n_lines == 2 && b.sdg[3].expense[0] == 3000, "SDG 4: goal 1's lines");
	ok(b.sdg[12].n_lines == 2 && b.sdg[6].n_lines == 2, "SDG 13 and 7: goal 2's lines");
	ok(b.sdg[2].n_lines == 2, "SDG 3 (3.4): goal 1's");
	ok(b.unserved.n_lines == 1 && b.unserved.expense[1] == 7, "one line serves no goal");
	ok(b.all.n_lines == 4 && b.all.expense[0] == 3000 && b.all.income[0] == 5000, "the whole budget");
	bl_bridge_free(&b);

	/* Overflow: two lines whose sum does not fit. */
	int64_t l5 = tu_line(s, "9.00.01", bsu, BL_DIR_EXPENSE);
	ok(bl_store_amount_set(s, l5, "first_reading", 2028, BL_MONEY_MAX - 10, &e) == 0 &&
		   bl_store_amount_set(s, l1, "first_reading", 2028, 100, &e) != 0,
	   "the store itself keeps a version's total in range");

	ok(bl_store_goal_delete(s, g1, &e) == 0, "a goal with targets, indicator and measurements is deleted");
	ok(tu_int(tu_path("g.budgetlab"), "SELECT count(*) FROM goal_target WHERE goal_id = 1") == 0 &&
		   tu_int(tu_path("g.budgetlab"), "SELECT count(*) FROM goal_measure") == 0,
	   "  with them");

	/* The pillars of a line. */
	bl_pillars pl = { .has = { true, false, true }, .score = { 3, 0, -1 } };
	ok(bl_store_line_pillars_set(s, l4, &pl, &e) != 0, "a social score of 3 is refused");
	like(e.msg, "the social score 3 is outside the scale", "  naming the pillar");
	pl.score[0] = -2;
	pl.justification = (char *)"Mere trafik";
	ok(bl_store_line_pillars_set(s, l4, &pl, &e) == 0, "scores -2 and -1");
	bl_pillars pb;
	ok(bl_store_line_pillars_get(s, l4, &pb, &e) == 1 && pb.has[0] && !pb.has[1] &&
		   pb.score[2] == -1 && !strcmp(pb.justification, "Mere trafik"),
	   "read back");
	bl_pillars_clear(&pb);
	bl_pillar_split sp;
	ok(bl_store_pillar_split(s, "proposal", 0, &sp, NULL, NULL, &e) == 0 && sp.n_negative == 1 &&
		   sp.n_lines[BL_PILLAR_SOCIAL][0] == 1 && sp.expense[BL_PILLAR_SOCIAL][0][1] == 7 &&
		   sp.n_lines[BL_PILLAR_ECONOMIC][5] == 3,
	   "the split: one line at -2 socially (7 in 2029), none of the three expense lines scored economically");
	ok(bl_store_line_pillars_set(s, 4242, &pl, &e) != 0, "an unknown line is refused");
	ok(bl_store_line_delete(s, l4, &e) == 0 &&
		   tu_int(tu_path("g.budgetlab"), "SELECT count(*) FROM line_pillar") == 0,
	   "deleting the line removes its assessment");

	/* A goal's status and the chosen SDGs. */
	bl_goal_status gs;
	ok(bl_goal_status_from_key("aftalt", &gs) == 0 && gs == BL_GOAL_AGREED &&
		   bl_goal_status_from_key("Agreed", &gs) != 0,
	   "statuses: the Danish word, and exact keys");
	j = tu_journal(s);
	ok(bl_store_goal_status_set(s, g2, BL_GOAL_DISCUSSED, &e) == 0, "goal 2 discussed");
	is_int(tu_journal(s), j + 1, "  journalled once");
	ok(bl_store_goal_status_set(s, g2, BL_GOAL_DISCUSSED, &e) == 0 && tu_journal(s) == j + 1,
	   "  the same again writes nothing");
	ok(bl_store_goal_status_set(s, 4242, BL_GOAL_AGREED, &e) != 0, "an unknown goal is refused");
	ok(bl_store_goal_status_set(s, g2, (bl_goal_status)7, &e) != 0, "an unknown status is refused");
	bl_goal *gv;
	size_t ngv;
	ok(bl_store_goals(s, &gv, &ngv, &e) == 0 && ngv >= 1 && gv[0].id == g2 &&
		   gv[0].status == BL_GOAL_DISCUSSED && gv[1].status == BL_GOAL_DRAFT,
	   "goals read their status");
	bl_goals_free(gv, ngv);
	bl_sdg_choice ch = { 13, (char *)"Lavtliggende", NULL, (char *)"Vand" };
	ok(bl_store_sdg_choose(s, &ch, &e) == 0, "SDG 13 chosen");
	ch.significance = NULL;
	ch.challenges = (char *)"";
	ch.opportunities = (char *)"Grønne byrum";
	ok(bl_store_sdg_choose(s, &ch, &e) == 0, "  a second choose: one kept, one cleared, one added");
	bl_sdg_choice *cv;
	size_t ncv;
	ok(bl_store_sdg_choices(s, &cv, &ncv, &e) == 0 && ncv == 1 && cv[0].sdg == 13 &&
		   !strcmp(cv[0].significance, "Lavtliggende") && !cv[0].challenges &&
		   !strcmp(cv[0].opportunities, "Grønne byrum"),
	   "  read back so");
	bl_sdg_choices_free(cv, ncv);
	j = tu_journal(s);
	ok(bl_store_sdg_choose(s, &ch, &e) == 0 && tu_journal(s) == j, "  the same again writes nothing");
	ch.sdg = 18;
	ok(bl_store_sdg_choose(s, &ch, &e) != 0, "SDG 18 is refused");
	ok(bl_store_sdg_drop(s, 5, &e) != 0, "dropping one not chosen is refused");

	/* The goals lock (phase 'hearing' of the test process locks goals). */
	for (int i = 0; i < 3; i++)
		bl_store_phase_advance(s, i, "test", "test", &e);
	ok(bl_store_goal_targets_set(s, g2, t2, 1, &sdg, &e) != 0, "goals locked: targets refused");
	like(e.msg, "locked", "  by the lock");
	ok(bl_store_goal_indicator_set(s, g2, &ind, &e) != 0, "  and the indicator");
	ok(bl_store_goal_status_set(s, g2, BL_GOAL_AGREED, &e) != 0, "  and the status");
	ch.sdg = 4;
	ok(bl_store_sdg_choose(s, &ch, &e) != 0, "  and choosing an SDG");
	ok(bl_store_sdg_drop(s, 13, &e) != 0, "  and dropping one");
	bl_store_close(s);
	bl_sdg_set_free(&sdg);
	tu_cleanup();
	return tap_done();
}
