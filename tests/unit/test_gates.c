/* Gates evaluated against fake facts: every pass and fail path, and the
 * reasons a facilitator reads. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/gates.h"
#include "core/process.h"
#include "tap.h"

static struct {
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS];
	int64_t amounts;
	const char *missing[8];
	size_t n_missing;
	int64_t n_level;
	bool entered;
	bl_date entered_on, today;
	bool done[8];
	int fail; /* make every callback fail */
} F;

static int f_years(void *ctx, int *first, int *n, bl_err *err)
{
	if (F.fail)
		return bl_err_set(err, "disk on fire");
	*first = 2028;
	*n = 4;
	return 0;
}
static int f_totals(void *ctx, const char *v, bl_money *inc, bl_money *exp, bl_err *err)
{
	memcpy(inc, F.income, sizeof F.income);
	memcpy(exp, F.expense, sizeof F.expense);
	return 0;
}
static int f_count(void *ctx, const char *v, int64_t *n, bl_err *err)
{
	if (F.fail)
		return bl_err_set(err, "disk on fire");
	*n = F.amounts;
	return 0;
}
static int f_nogoal(void *ctx, int level, char ***codes, size_t *n, int64_t *total, bl_err *err)
{
	if (F.fail)
		return bl_err_set(err, "disk on fire");
	*codes = calloc(F.n_missing + 1, sizeof **codes);
	for (size_t i = 0; i < F.n_missing; i++)
		(*codes)[i] = strdup(F.missing[i]);
	*n = F.n_missing;
	*total = F.n_level;
	return 0;
}
static int f_entered(void *ctx, const char *id, bool *entered, bl_date *when, bl_err *err)
{
	*entered = F.entered;
	*when = F.entered_on;
	return 0;
}
static int f_done(void *ctx, const char *id, bool *done, size_t n, bl_err *err)
{
	for (size_t i = 0; i < n; i++)
		done[i] = F.done[i];
	return 0;
}
static bl_date f_today(void *ctx)
{
	return F.today;
}
static int f_lang(void *ctx, bl_lang *lang, bl_err *err)
{
	*lang = BL_LANG_DA;
	return 0;
}

/* The process's own goals: participants and their answers. */
static int64_t P_total;
static size_t P_counts[2][4];
static bl_lab_def *P_lab;
static int f_participants(void *ctx, int64_t *n, bl_err *err)
{
	(void)ctx;
	if (F.fail)
		return bl_err_set(err, "disk on fire");
	*n = P_total;
	return 0;
}
static const bl_lab_def *f_lab_def(void *ctx)
{
	(void)ctx;
	return P_lab;
}
static int f_category_counts(void *ctx, const char *category, const char *const *values,
			     size_t n_values, size_t *counts, bl_err *err)
{
	(void)ctx;
	(void)values;
	int c = strcmp(category, "gender") == 0 ? 0 : 1;
	for (size_t i = 0; i < n_values && i < 4; i++)
		counts[i] = P_counts[c][i];
	return 0;
}

static const bl_facts_ops ops = {
	.years = f_years, .year_totals = f_totals, .amount_count = f_count,
	.areas_without_goal = f_nogoal, .phase_entered = f_entered,
	.checklist_done = f_done, .today = f_today, .language = f_lang,
	.areas_without_agreed_goal = f_nogoal, .participants = f_participants,
	.lab_def = f_lab_def, .category_counts = f_category_counts,
};

static bl_gate_ref ref(const char *name)
{
	bl_gate_ref r;
	memset(&r, 0, sizeof r);
	r.kind = bl_gate_kind_find(name);
	return r;
}

static int eval(const bl_phase *ph, bl_gate_ref *r, char *why)
{
	bl_err err = { { 0 } };
	int rc = bl_gate_eval(ph, r, &ops, NULL, why, 512, &err);
	if (rc < 0)
		strcpy(why, err.msg);
	return rc;
}

int main(void)
{
	char why[512];
	char *items[] = { "Goals drafted", "Goals agreed", "Citizens heard" };
	bl_phase ph = { .id = "goals", .title = "Goals", .checklist = items, .n_checklist = 3 };

	ok(bl_n_gate_kinds >= 6, "the vocabulary has the gates the phase files use");
	ok(bl_gate_kind_find("nope") == NULL, "an unknown gate is not found");
	is_int(bl_gate_param_index(bl_gate_kind_find("min_days_since"), "days"), 1, "parameter index");
	ok(bl_version_valid("proposal") && bl_version_valid("adopted") && !bl_version_valid("Proposal"),
	   "version keys are exact");

	/* every_area_has_goal */
	bl_gate_ref g = ref("every_area_has_goal");
	g.args[0] = (bl_gate_arg){ .set = true, .i = 1 };
	F.n_level = 6;
	F.n_missing = 0;
	is_int(eval(&ph, &g, why), 1, "all areas have a goal: pass");
	like(why, "all 6 areas at level 1 have a goal", "and says so");
	F.missing[0] = "KFU";
	F.missing[1] = "BEU";
	F.n_missing = 2;
	is_int(eval(&ph, &g, why), 0, "two areas without a goal: fail");
	is_str(why, "2 of 6 areas at level 1 have no goal: KFU, BEU", "the reason names them");
	for (size_t i = 0; i < 8; i++)
		F.missing[i] = "X";
	F.n_missing = 8;
	eval(&ph, &g, why);
	like(why, " and 3 more", "a long list is cut with a count");
	F.n_level = 0;
	F.n_missing = 0;
	is_int(eval(&ph, &g, why), 0, "no areas at all: fail");
	like(why, "no areas at level 1", "and says why");

	/* every_area_has_agreed_goal: the same, counting agreed goals */
	bl_gate_ref ag = ref("every_area_has_agreed_goal");
	ag.args[0] = (bl_gate_arg){ .set = true, .i = 1 };
	F.n_level = 6;
	F.missing[0] = "PBU";
	F.n_missing = 1;
	is_int(eval(&ph, &ag, why), 0, "an area without an agreed goal: fail");
	is_str(why, "1 of 6 areas at level 1 have no agreed goal: PBU", "the reason names it");
	F.n_missing = 0;
	is_int(eval(&ph, &ag, why), 1, "every area has an agreed goal: pass");
	like(why, "have an agreed goal", "and says so");

	/* min_participants */
	bl_gate_ref mp = ref("min_participants");
	mp.args[0] = (bl_gate_arg){ .set = true, .i = 30 };
	P_total = 29;
	is_int(eval(&ph, &mp, why), 0, "29 of 30 participants: fail");
	is_str(why, "29 participants have signed in to the labs; the process aims at 30 at least",
	       "the reason gives both");
	P_total = 30;
	is_int(eval(&ph, &mp, why), 1, "30: pass");
	F.fail = 1;
	is_int(eval(&ph, &mp, why), -1, "a failing fact source is an error");
	F.fail = 0;

	/* participants_represent */
	bl_gate_ref pr = ref("participants_represent");
	is_int(eval(&ph, &pr, why), -1, "no labs section: an error, not a pass");
	like(why, "needs the `labs:` section", "saying what it needs");
	bl_category_value gv[2] = { { "kvinde", "Kvinde", 5000 }, { "mand", "Mand", 5000 } };
	bl_category_value av[2] = { { "ung", "Under 30", 2500 }, { "aeldre", "30+", BL_NO_TARGET } };
	bl_category cats[2] = { { "gender", "Køn", gv, 2, false }, { "age", "Alder", av, 2, false } };
	bl_lab_def lab = { .categories = cats, .n_categories = 2, .under = 8000 };
	P_lab = &lab;
	P_total = 0;
	is_int(eval(&ph, &pr, why), 0, "no participants yet: fail");
	P_total = 100;
	P_counts[0][0] = 50; /* kvinde */
	P_counts[0][1] = 50;
	P_counts[1][0] = 20; /* ung: 20 %, 80 % of the 25 % target: just enough */
	P_counts[1][1] = 80;
	is_int(eval(&ph, &pr, why), 1, "every group at 80 %% of its target or more: pass");
	like(why, "no group is under-represented among the 100 participants (3 target shares)",
	     "and says so");
	P_counts[1][0] = 19;
	P_counts[1][1] = 81;
	is_int(eval(&ph, &pr, why), 0, "19 %% against a 25 %% target: fail");
	is_str(why, "1 group(s) under-represented: Alder Under 30: 19 % (target 25 %)",
	       "the reason names the group, its share and its target");
	P_lab = NULL;

	/* budget_balances */
	bl_gate_ref b = ref("budget_balances");
	b.args[0] = (bl_gate_arg){ .set = true, .s = "proposal" };
	b.args[1] = (bl_gate_arg){ .set = true, .m = 0 };
	F.amounts = 0;
	is_int(eval(&ph, &b, why), 0, "no amounts: fail (not vacuously balanced)");
	like(why, "has no amounts yet", "and says so");
	F.amounts = 100;
	for (int i = 0; i < 4; i++) {
		F.income[i] = 500000000;
		F.expense[i] = 500000000;
	}
	is_int(eval(&ph, &b, why), 1, "income == expenses in every year: pass");
	F.expense[1] = 512345678;
	F.expense[3] = 500000001;
	is_int(eval(&ph, &b, why), 0, "a deficit: fail");
	is_str(why, "2029: expenses exceed income by 123.456,78 kr.; 2031: expenses exceed income by 0,01 kr.",
	       "the reason gives the years and exact deficits");
	b.args[1].m = 12345678;
	is_int(eval(&ph, &b, why), 1, "deficits within the tolerance: pass");
	F.expense[0] = INT64_MAX;
	F.income[0] = -10;
	is_int(eval(&ph, &b, why), 0, "a deficit too large for 64 bits fails, not wraps");
	is_str(why, "2028: expenses exceed income by more than 92.233.720.368.547.758,07 kr.",
	       "saying it is beyond the range");
	F.expense[0] = -10;
	F.income[0] = INT64_MAX;
	is_int(eval(&ph, &b, why), 1, "a surplus too large for 64 bits passes");
	F.expense[0] = 500000000;
	F.income[0] = 500000000;
	F.fail = 1;
	is_int(eval(&ph, &b, why), -1, "a failing fact source is an error");
	is_str(why, "disk on fire", "with its message");
	F.fail = 0;

	/* min_days_since */
	bl_gate_ref m = ref("min_days_since");
	m.args[0] = (bl_gate_arg){ .set = true, .s = "first_reading" };
	m.args[1] = (bl_gate_arg){ .set = true, .i = 21 };
	F.entered = false;
	is_int(eval(&ph, &m, why), 0, "a phase not begun: fail");
	like(why, "'first_reading' has not begun", "and says so");
	F.entered = true;
	F.entered_on = bl_date_from_ymd(2027, 9, 10);
	F.today = bl_date_from_ymd(2027, 9, 30);
	is_int(eval(&ph, &m, why), 0, "20 of 21 days: fail");
	is_str(why, "only 20 of 21 days have passed since 'first_reading' began on 2027-09-10; earliest 2027-10-01",
	       "the reason gives the earliest date");
	F.today = bl_date_from_ymd(2027, 10, 1);
	is_int(eval(&ph, &m, why), 1, "21 days: pass");

	/* checklist_complete */
	bl_gate_ref c = ref("checklist_complete");
	memset(F.done, 0, sizeof F.done);
	F.done[0] = true;
	is_int(eval(&ph, &c, why), 0, "open items: fail");
	is_str(why, "2 of 3 checklist items are open: 2. Goals agreed; 3. Citizens heard", "the reason lists them");
	F.done[1] = F.done[2] = true;
	is_int(eval(&ph, &c, why), 1, "all ticked: pass");
	bl_phase empty = { .id = "x", .title = "X" };
	is_int(eval(&empty, &c, why), 1, "no checklist: pass");

	/* version_has_amounts, not_before */
	bl_gate_ref v = ref("version_has_amounts");
	v.args[0] = (bl_gate_arg){ .set = true, .s = "adopted" };
	F.amounts = 0;
	is_int(eval(&ph, &v, why), 0, "no amounts: fail");
	F.amounts = 3;
	is_int(eval(&ph, &v, why), 1, "some amounts: pass");
	bl_gate_ref n = ref("not_before");
	n.args[0] = (bl_gate_arg){ .set = true, .d = bl_date_from_ymd(2027, 10, 2) };
	is_int(eval(&ph, &n, why), 0, "before the date: fail");
	is_str(why, "not before 2027-10-02 (today is 2027-10-01)", "and says when");
	F.today++;
	is_int(eval(&ph, &n, why), 1, "on the date: pass");

	/* describe */
	char d[128];
	bl_gate_ref_describe(&m, BL_LANG_DA, d, sizeof d);
	is_str(d, "min_days_since(phase: first_reading, days: 21)", "a gate describes itself");
	bl_gate_ref_describe(&c, BL_LANG_DA, d, sizeof d);
	is_str(d, "checklist_complete", "a gate without parameters");
	b.args[1].m = 123456789;
	bl_gate_ref_describe(&b, BL_LANG_NB, d, sizeof d);
	is_str(d, "budget_balances(version: proposal, tolerance: 1 234 567,89)", "amounts in the process language");
	bl_gate_ref none;
	memset(&none, 0, sizeof none);
	bl_err err = { { 0 } };
	is_int(bl_gate_eval(&ph, &none, &ops, NULL, why, sizeof why, &err), -1, "a gate without a kind is an error");

	/* locks */
	is_int(bl_lock_from_name("amounts"), BL_LOCK_AMOUNTS, "lock names map to bits");
	is_int(bl_lock_from_name("goals"), BL_LOCK_GOALS, "the goals lock");
	is_int(bl_lock_from_name("Amounts"), 0, "lock names are exact");
	is_str(bl_lock_name(1), "lines", "bit index 1 is lines");
	ok(bl_lock_name(BL_LOCK_COUNT) == NULL, "no lock past the vocabulary");
	return tap_done();
}
