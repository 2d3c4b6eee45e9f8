/* test_sdg.c: the SDG data the program ships (share/sdg) and its parser
 * (core/sdg.c): the 17 goals and their 169 targets, counted here per goal
 * from the UN's list; looking targets up as people write them; and files
 * that are wrong in every way the parser knows, each refused with its
 * file, line and column. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "config/sdg_file.h"
#include "core/sdg.h"
#include "tap.h"

static bl_err E;

/* The UN's targets per goal: numbered, then lettered (2015 resolution). */
static const int numbered[17] = { 5, 5, 9, 7, 6, 6, 3, 10, 5, 7, 7, 8, 3, 7, 9, 10, 19 };
static const int lettered[17] = { 2, 3, 4, 3, 3, 2, 2, 2, 3, 3, 3, 3, 2, 3, 3, 2, 0 };

static const char goals_ok[] = "goal\ten\tda\tnb\n"
	"1\tA\tA\tA\n2\tB\tB\tB\n3\tC\tC\tC\n4\tD\tD\tD\n5\tE\tE\tE\n6\tF\tF\tF\n"
	"7\tG\tG\tG\n8\tH\tH\tH\n9\tI\tI\tI\n10\tJ\tJ\tJ\n11\tK\tK\tK\n12\tL\tL\tL\n"
	"13\tM\tM\tM\n14\tN\tN\tN\n15\tO\tO\tO\n16\tP\tP\tP\n17\tQ\tQ\tQ\n";

static void bad_goals(const char *text, const char *want, const char *name)
{
	bl_sdg_set s;
	memset(&s, 0, sizeof s);
	E.msg[0] = '\0';
	ok(bl_sdg_parse_goals(&s, text, strlen(text), "g.tsv", &E) != 0, "goals refused: %s", name);
	like(E.msg, want, "  saying: %s", want);
	ok(!s.have_goals, "  and nothing was kept");
	bl_sdg_set_free(&s);
}

/* targets.tsv with the given body after a valid goals file. */
static void bad_targets(const char *body, const char *want, const char *name)
{
	bl_sdg_set s;
	memset(&s, 0, sizeof s);
	bl_sdg_parse_goals(&s, goals_ok, strlen(goals_ok), "g.tsv", &E);
	E.msg[0] = '\0';
	ok(bl_sdg_parse_targets(&s, body, strlen(body), "t.tsv", &E) != 0, "targets refused: %s",
	   name);
	like(E.msg, want, "  saying: %s", want);
	ok(s.n_targets == 0, "  and nothing was kept");
	bl_sdg_set_free(&s);
}

int main(void)
{
	bl_sdg_set s;
	ok(bl_sdg_load(SRCDIR "/share/sdg", &s, &E) == 0, "the shipped files load");
	if (E.msg[0])
		diag("%s", E.msg);
	is_int((long long)s.n_targets, 169, "169 targets");
	int total = 0;
	for (int g = 1; g <= 17; g++) {
		const bl_sdg_goal *goal = bl_sdg_goal_get(&s, g);
		total += numbered[g - 1] + lettered[g - 1];
		if (!ok(goal && goal->n == (size_t)(numbered[g - 1] + lettered[g - 1]) &&
				goal->name[BL_LANG_DA] && goal->name[BL_LANG_NB] && goal->name[BL_LANG_EN],
			"goal %d: its %d targets and its names in three languages", g,
			numbered[g - 1] + lettered[g - 1]))
			continue;
		char last[16];
		snprintf(last, sizeof last, "%d.%d", g, numbered[g - 1]);
		const bl_sdg_target *t = bl_sdg_target_find(&s, last, &E);
		ok(t && t->goal == g && t->title && *t->title, "  %s is its last numbered target", last);
	}
	is_int(total, 169, "the table here counts 169 too");
	is_str(bl_sdg_goal_get(&s, 11)->name[BL_LANG_DA], "Bæredygtige byer og lokalsamfund",
	       "goal 11 in Danish");
	is_str(bl_sdg_goal_get(&s, 13)->name[BL_LANG_NB], "Stoppe klimaendringene", "goal 13 in Norwegian");
	ok(!bl_sdg_goal_get(&s, 0) && !bl_sdg_goal_get(&s, 18), "no goal 0 or 18");

	const bl_sdg_target *t = bl_sdg_target_find(&s, "11.7", &E);
	ok(t && strcmp(t->code, "11.7") == 0 && strstr(t->title, "green and public spaces"),
	   "11.7: green and public spaces");
	t = bl_sdg_target_find(&s, " 13.A ", &E);
	ok(t && strcmp(t->code, "13.a") == 0, "13.A with blanks is 13.a");
	ok(!bl_sdg_target_find(&s, "11.7a", &E), "11.7a is no target");
	like(E.msg, "did you mean 11.a?", "  but 11.a may have been meant");
	ok(!bl_sdg_target_find(&s, "9.5c", &E), "9.5c (as Asker's matrix writes it)");
	like(E.msg, "did you mean 9.c?", "  suggests 9.c");
	ok(!bl_sdg_target_find(&s, "18.1", &E), "18.1");
	like(E.msg, "there is no goal 18", "  no goal 18");
	ok(!bl_sdg_target_find(&s, "11.8", &E), "11.8");
	like(E.msg, "it has 11.1 to 11.7 and 11.a to 11.c", "  naming the targets goal 11 has");
	ok(!bl_sdg_target_find(&s, "17.a", &E), "17.a");
	like(E.msg, "it has 17.1 to 17.19", "  goal 17 has numbered targets only");
	const char *junk[] = { "", "11", "11.", ".7", "11.07", "11.ab", "1x.1", "11,7", "11.7.1",
			       "-1.1", "11.0", "٣.1", "11.7\n" };
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		ok(!bl_sdg_target_find(&s, junk[i], &E), "junk target %zu is refused", i + 1);
		like(E.msg, "is not an SDG target", "  as no target");
	}
	ok(!bl_sdg_target_find(&s, NULL, &E), "NULL is refused");
	bl_sdg_set_free(&s);

	/* Files wrong in every way. */
	bad_goals("", "the file is empty", "an empty file");
	bad_goals("goal\ten\tda\n", "expected the header goal, en, da, nb", "a wrong header");
	bad_goals("goal\ten\tda\tnb\n1\tA\tA\n", "g.tsv:2:1: 3 field(s); expected 4", "a short row");
	bad_goals("goal\ten\tda\tnb\n1\tA\tA\tA\tA\n", "g.tsv:2:1: 5 field(s)", "a long row");
	bad_goals("goal\ten\tda\tnb\n2\tA\tA\tA\n", "g.tsv:2:1: '2'; expected goal 1", "out of order");
	bad_goals("goal\ten\tda\tnb\n1\tA\t \tA\n", "g.tsv:2:5: goal 1 has no name", "a blank name");
	bad_goals("goal\ten\tda\tnb\n1\tA\t\xE6\tA\n", "g.tsv:2:1: the line is not valid UTF-8",
		  "Latin-1 text");
	bad_goals("goal\ten\tda\tnb\n1\tA\tA\x01\tA\n", "g.tsv:2:6: a control character",
		  "a control character");
	bad_goals("goal\ten\tda\tnb\n1\tA\tA\tA\n2\tB\tB\tB\n", "g.tsv:4:1: the file ends after goal 2",
		  "a truncated file");
	char big[3000];
	snprintf(big, sizeof big, "%s18\tR\tR\tR\n", goals_ok);
	bad_goals(big, "g.tsv:19:1: there are 17 goals; this is an 18th", "an 18th goal");

	bl_sdg_set none;
	memset(&none, 0, sizeof none);
	ok(bl_sdg_parse_targets(&none, "target\ttitle\n", 13, "t.tsv", &E) != 0,
	   "targets before goals are refused");
	bad_targets("", "the file is empty", "an empty file");
	bad_targets("target\n1.1\tX\n", "expected the header target, title", "a wrong header");
	bad_targets("target\ttitle\n1.1\n", "t.tsv:2:1: 1 field(s); expected 2", "a short row");
	bad_targets("target\ttitle\n1.2\tX\n", "t.tsv:2:1: target 1.2 is out of order; expected 1.1",
		    "a gap");
	bad_targets("target\ttitle\n1.1\tX\n1.1\tY\n", "target 1.1 is out of order; expected 1.2",
		    "a target twice");
	bad_targets("target\ttitle\n1.1\tX\n1.b\tY\n", "target 1.b is out of order; expected 1.2",
		    "a letter out of order");
	bad_targets("target\ttitle\n1.1\tX\n3.1\tY\n", "expected 1.2 or 2.1", "a goal left out");
	bad_targets("target\ttitle\n1.1\t \n", "t.tsv:2:5: target 1.1 has no title", "a blank title");
	bad_targets("target\ttitle\n1.x1\tX\n", "'1.x1' is not a target", "not a target's form");
	bad_targets("target\ttitle\n1.1\tX\n", "t.tsv:3:1: the file ends in goal 1",
		    "a truncated file");
	return tap_done();
}
