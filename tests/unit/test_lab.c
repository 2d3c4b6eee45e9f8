/* test_lab.c: citizen labs in the model (core/lab.c).
 *
 * What a facilitator types for a paper ballot, every way a ballot can be
 * wrong with the message the facilitator sees, the representation flags
 * exactly at their boundary, and target shares as text. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lab.h"
#include "tap.h"

static bl_err E;

static const bl_ballot_type APPROVAL = {
	.key = "approval", .name = "Godkendelse", .kind = BL_BALLOT_APPROVAL,
	.min = 1, .max = 3, .budget_limit = true, .lang = BL_LANG_DA,
};
static const bl_ballot_type DOTS = {
	.key = "dots", .name = "Prikker", .kind = BL_BALLOT_CUMULATIVE,
	.points = 10, .max_per_idea = 3,
};
static const bl_ballot_type RANK = {
	.key = "rank", .name = "Rangering", .kind = BL_BALLOT_RANKING, .min = 1, .max = 3,
};

/* Ideas 1..18; 12 is not on the ballot; idea n costs n * 100.000 kr. */
static bl_ballot_idea IDEAS[18];
#define KR(x) ((bl_money)(x) * 100)
#define POOL KR(2000000)

static void setup_ideas(void)
{
	for (int i = 0; i < 18; i++) {
		IDEAS[i].number = i + 1;
		IDEAS[i].cost = KR(100000) * (i + 1);
		IDEAS[i].on_ballot = i + 1 != 12;
		IDEAS[i].title = "Idé";
	}
}

/* Parse text on type t: 0 or -1; the marks into m/n (freed by the caller). */
static int parse(const bl_ballot_type *t, const char *text, bl_ballot_mark **m, size_t *n)
{
	bl_err_clear(&E);
	*m = (bl_ballot_mark *)&E;
	*n = 99;
	int r = bl_ballot_parse(t, text, m, n, &E);
	if (r != 0 && (*m != NULL || *n != 0 || !E.msg[0]))
		ok(0, "a failed parse of \"%s\" leaves no marks and has a message", text);
	return r;
}

/* The text is refused by the parser with exactly this message. */
static void parse_refused(const bl_ballot_type *t, const char *text, const char *msg)
{
	bl_ballot_mark *m;
	size_t n;
	int r = parse(t, text, &m, &n);
	is_int(r, -1, "%s ballot \"%s\" is refused", bl_ballot_kind_name(t->kind), text);
	is_str(E.msg, msg, "with the message");
	if (r == 0)
		free(m);
}

/* Parse text (which must parse) and check it; returns the check's result. */
static int parse_check(const bl_ballot_type *t, const char *text, const bl_ballot_idea *ideas,
		       size_t n_ideas, bl_money pool)
{
	bl_ballot_mark *m;
	size_t n;
	if (parse(t, text, &m, &n) != 0) {
		ok(0, "\"%s\" parses: %s", text, E.msg);
		return -2;
	}
	bl_err_clear(&E);
	int r = bl_ballot_check(t, m, n, ideas, n_ideas, pool, &E);
	free(m);
	return r;
}

static void check_refused(const bl_ballot_type *t, const char *text, const char *msg)
{
	int r = parse_check(t, text, IDEAS, 18, POOL);
	is_int(r, -1, "%s ballot \"%s\" is refused by the check", bl_ballot_kind_name(t->kind),
	       text);
	is_str(E.msg, msg, "with the message");
}

static void check_ok(const bl_ballot_type *t, const char *text)
{
	int r = parse_check(t, text, IDEAS, 18, POOL);
	is_int(r, 0, "%s ballot \"%s\" passes the check", bl_ballot_kind_name(t->kind), text);
	if (r != 0)
		diag("%s", E.msg);
}

static void test_lookups(void)
{
	is_str(bl_ballot_kind_name(BL_BALLOT_APPROVAL), "approval", "approval");
	is_str(bl_ballot_kind_name(BL_BALLOT_CUMULATIVE), "cumulative", "cumulative");
	is_str(bl_ballot_kind_name(BL_BALLOT_RANKING), "ranking", "ranking");

	bl_lab_def d;
	memset(&d, 0, sizeof d);
	d.n_categories = 2;
	d.categories = calloc(2, sizeof *d.categories);
	d.categories[0].key = strdup("age");
	d.categories[0].n_values = 2;
	d.categories[0].values = calloc(2, sizeof *d.categories[0].values);
	d.categories[0].values[0].key = strdup("15-29");
	d.categories[0].values[1].key = strdup("30-49");
	d.categories[1].key = strdup("gender");
	d.n_ballot_types = 1;
	d.ballot_types = calloc(1, sizeof *d.ballot_types);
	d.ballot_types[0].key = strdup("dots");
	d.rule = strdup("greedy_cost");
	d.tie_break = strdup("id");
	is_int(bl_lab_category(&d, "gender"), 1, "category by key");
	is_int(bl_lab_category(&d, "district"), -1, "an unknown category");
	is_int(bl_lab_category(&d, NULL), -1, "no key");
	is_int(bl_lab_value(&d.categories[0], "30-49"), 1, "value by key");
	is_int(bl_lab_value(&d.categories[0], "65plus"), -1, "an unknown value");
	is_int(bl_lab_value(&d.categories[1], "x"), -1, "a category without values");
	is_int(bl_lab_ballot_type(&d, "dots"), 0, "ballot type by key");
	is_int(bl_lab_ballot_type(&d, "approval"), -1, "an unknown ballot type");
	bl_lab_def_clear(&d);
	ok(d.categories == NULL && d.n_categories == 0 && d.ballot_types == NULL &&
		   d.rule == NULL && d.tie_break == NULL,
	   "clear frees and empties the definition");
	bl_lab_def_clear(&d);
	bl_lab_def_clear(NULL);
	ok(1, "clear twice, and clear NULL");
}

static void test_parse(void)
{
	bl_ballot_mark *m;
	size_t n;

	is_int(parse(&APPROVAL, "3 7 12", &m, &n), 0, "approval \"3 7 12\"");
	is_int(n, 3, "three marks");
	if (n == 3) {
		is_int(m[0].idea, 3, "3");
		is_int(m[1].idea, 7, "7");
		is_int(m[2].idea, 12, "12, in the order typed");
		is_int(m[0].points + m[1].points + m[2].points, 3, "one point each");
	}
	free(m);
	is_int(parse(&APPROVAL, " 3,7, 12 ,\t4\n", &m, &n), 0, "commas, tabs, a newline");
	is_int(n, 4, "four marks");
	free(m);
	is_int(parse(&APPROVAL, "", &m, &n), 0, "an empty text is an empty ballot");
	ok(n == 0 && m == NULL, "no marks");
	is_int(parse(&APPROVAL, " , ,  ", &m, &n), 0, "only separators");
	ok(n == 0 && m == NULL, "no marks either");
	is_int(parse(&APPROVAL, NULL, &m, &n), 0, "no text at all");
	ok(n == 0 && m == NULL, "no marks");
	is_int(parse(&APPROVAL, "2147483647", &m, &n), 0, "the largest int is a number");
	ok(n == 1 && m[0].idea == INT_MAX, "INT_MAX");
	free(m);
	is_int(parse(&APPROVAL, "007", &m, &n), 0, "leading zeros");
	ok(n == 1 && m[0].idea == 7, "007 is 7");
	free(m);

	parse_refused(&APPROVAL, "7 3 7", "idea 7 is marked twice");
	parse_refused(&APPROVAL, "7 3 007", "idea 7 is marked twice");
	parse_refused(&RANK, "7 3 7", "idea 7 is marked twice");
	parse_refused(&APPROVAL, "abc",
		      "abc: expected idea numbers separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&APPROVAL, "3 7x 12",
		      "7x: expected idea numbers separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&APPROVAL, "-3",
		      "-3: expected idea numbers separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&APPROVAL, "3;7",
		      "3;7: expected idea numbers separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&RANK, "x",
		      "x: expected idea numbers, best first, separated by spaces or commas, "
		      "e.g. 7 3 12");
	parse_refused(&APPROVAL, "3:2",
		      "3:2: points are given only on a cumulative ballot, and this is an "
		      "approval ballot; expected idea numbers separated by spaces or commas, "
		      "e.g. 3 7 12");
	parse_refused(&RANK, "3:2",
		      "3:2: points are given only on a cumulative ballot, and this is a "
		      "ranking ballot; expected idea numbers, best first, separated by spaces "
		      "or commas, e.g. 7 3 12");
	parse_refused(&APPROVAL, "99999999999",
		      "99999999999 is too large for an idea number; expected idea numbers "
		      "separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&APPROVAL, "2147483648",
		      "2147483648 is too large for an idea number; expected idea numbers "
		      "separated by spaces or commas, e.g. 3 7 12");
	parse_refused(&APPROVAL, "3 \x1b[2J",
		      "\\x1b[2J: expected idea numbers separated by spaces or commas, e.g. "
		      "3 7 12");

	/* Ranking: the order is the ranking. */
	is_int(parse(&RANK, "7, 3, 12", &m, &n), 0, "ranking \"7, 3, 12\"");
	is_int(n, 3, "three ranked");
	if (n == 3)
		ok(m[0].idea == 7 && m[0].points == 1 && m[1].idea == 3 && m[1].points == 2 &&
			   m[2].idea == 12 && m[2].points == 3,
		   "7 first, 3 second, 12 third");
	free(m);

	/* Cumulative. */
	is_int(parse(&DOTS, "3:2 7:5", &m, &n), 0, "cumulative \"3:2 7:5\"");
	is_int(n, 2, "two ideas");
	if (n == 2)
		ok(m[0].idea == 3 && m[0].points == 2 && m[1].idea == 7 && m[1].points == 5,
		   "3 has 2, 7 has 5");
	free(m);
	is_int(parse(&DOTS, "3 7 3 3:2, 7", &m, &n), 0, "bare numbers and repeats add up");
	is_int(n, 2, "two ideas, in first-typed order");
	if (n == 2)
		ok(m[0].idea == 3 && m[0].points == 4 && m[1].idea == 7 && m[1].points == 2,
		   "3 has 4, 7 has 2");
	free(m);
	is_int(parse(&DOTS, "3 : 2,7 :1", &m, &n), 0, "spaces around the colon");
	is_int(n, 2, "two ideas");
	if (n == 2)
		ok(m[0].idea == 3 && m[0].points == 2 && m[1].idea == 7 && m[1].points == 1,
		   "3 has 2, 7 has 1");
	free(m);
	parse_refused(&DOTS, "3:x",
		      "3:x: expected an idea number and points, e.g. 3:2, or an idea number "
		      "alone for one point");
	parse_refused(&DOTS, "3:2:1",
		      "3:2:1: expected an idea number and points, e.g. 3:2, or an idea number "
		      "alone for one point");
	parse_refused(&DOTS, "3:2x",
		      "3:2x: expected an idea number and points, e.g. 3:2, or an idea number "
		      "alone for one point");
	parse_refused(&DOTS, "3:-2",
		      "3:-2: expected an idea number and points, e.g. 3:2, or an idea number "
		      "alone for one point");
	parse_refused(&DOTS, ":2",
		      ":2: expected an idea number and points, e.g. 3:2, or an idea number "
		      "alone for one point");
	parse_refused(&DOTS, "3:0", "3:0: 0 points; expected at least 1 point on an idea that "
				    "is marked");
	parse_refused(&DOTS, "3:99999999999",
		      "3:99999999999: 99999999999 points is too large a number; expected an "
		      "idea number and points, e.g. 3:2, or an idea number alone for one "
		      "point");
	parse_refused(&DOTS, "99999999999:1",
		      "99999999999:1 is too large for an idea number; expected an idea number "
		      "and points, e.g. 3:2, or an idea number alone for one point");
	parse_refused(&DOTS, "3:2147483647 3",
		      "idea 3 is given more points than can be counted");
	is_int(parse(&DOTS, "3:2147483646 3", &m, &n), 0, "up to INT_MAX points parse");
	ok(n == 1 && m[0].points == INT_MAX, "INT_MAX points (the check refuses them)");
	free(m);
}

static void test_check(void)
{
	setup_ideas();
	check_ok(&APPROVAL, "1 2 3");
	check_ok(&APPROVAL, "18");
	check_refused(&APPROVAL, "1 2 3 4 5", "5 ideas marked; at most 3 may be");
	check_refused(&APPROVAL, "1 2 3 4", "4 ideas marked; at most 3 may be");
	check_refused(&APPROVAL, "", "no idea marked; at least 1 must be");
	check_refused(&APPROVAL, "3 12", "idea 12 is not on the ballot");
	check_refused(&APPROVAL, "40", "idea 40 does not exist (the ideas are numbered 1–18)");
	check_refused(&APPROVAL, "0", "idea 0 does not exist (the ideas are numbered 1–18)");
	check_refused(&APPROVAL, "2147483647",
		      "idea 2147483647 does not exist (the ideas are numbered 1–18)");
	/* An unknown idea is named before the count. */
	check_refused(&APPROVAL, "1 2 3 4 40",
		      "idea 40 does not exist (the ideas are numbered 1–18)");

	/* The pool: ideas 5, 8 and 10 cost 2.300.000 kr. together. */
	check_refused(&APPROVAL, "5 8 10",
		      "the marked ideas cost 2.300.000 kr. together; the pool is 2.000.000 kr.");
	check_ok(&APPROVAL, "5 7 8");   /* exactly 2.000.000 kr. */
	check_refused(&APPROVAL, "5 7 9",
		      "the marked ideas cost 2.100.000 kr. together; the pool is 2.000.000 kr.");
	bl_ballot_type nb = APPROVAL;
	nb.lang = BL_LANG_NB;
	is_int(parse_check(&nb, "5 8 10", IDEAS, 18, POOL), -1, "nb: over the pool");
	is_str(E.msg, "the marked ideas cost 2 300 000 kr. together; the pool is 2 000 000 kr.",
	       "amounts written the Norwegian way");
	bl_ballot_type en = APPROVAL;
	en.lang = BL_LANG_EN;
	is_int(parse_check(&en, "5 8 10", IDEAS, 18, KR(2000000) + 50), -1, "en: over the pool");
	is_str(E.msg, "the marked ideas cost 2,300,000 kr. together; the pool is 2,000,000.50 kr.",
	       "amounts written the English way, øre when there are any");
	bl_ballot_type free_pool = APPROVAL;
	free_pool.budget_limit = false;
	is_int(parse_check(&free_pool, "5 8 10", IDEAS, 18, POOL), 0,
	       "without budget_limit the pool does not count");
	bl_ballot_idea big[2] = {
		{ 1, INT64_MAX, true, "A" },
		{ 2, INT64_MAX, true, "B" },
	};
	is_int(parse_check(&APPROVAL, "1 2", big, 2, POOL), -1, "costs beyond 64 bits");
	is_str(E.msg, "the marked ideas cost more together than can be counted; the pool is "
		      "smaller", "say so instead of wrapping");

	bl_ballot_type min2 = APPROVAL;
	min2.min = 2;
	min2.max = 0;
	is_int(parse_check(&min2, "4", IDEAS, 18, POOL), -1, "too few");
	is_str(E.msg, "1 idea marked; at least 2 must be", "one idea, singular");
	is_int(parse_check(&min2, "1 2 3 4 5 6", IDEAS, 18, KR(100000000)), 0,
	       "max 0 is no limit");
	bl_ballot_type blank = APPROVAL;
	blank.min = 0;
	is_int(parse_check(&blank, "", IDEAS, 18, POOL), 0, "min 0 allows a blank ballot");

	/* Marks built by hand, not by the parser. */
	bl_ballot_mark twice[] = { { 7, 1 }, { 3, 1 }, { 7, 1 } };
	bl_err_clear(&E);
	is_int(bl_ballot_check(&APPROVAL, twice, 3, IDEAS, 18, POOL, &E), -1, "a duplicate mark");
	is_str(E.msg, "idea 7 is marked twice", "is refused by the check too");

	/* No ideas, one idea, numbers that do not start at 1. */
	is_int(parse_check(&APPROVAL, "1", IDEAS, 0, POOL), -1, "a lab without ideas");
	is_str(E.msg, "idea 1 does not exist (the lab has no ideas yet)", "says so");
	is_int(parse_check(&APPROVAL, "2", IDEAS + 4, 1, POOL), -1, "a lab with one idea");
	is_str(E.msg, "idea 2 does not exist (the only idea is number 5)", "names it");
	is_int(parse_check(&APPROVAL, "2", IDEAS + 4, 6, POOL), -1, "ideas 5-10");
	is_str(E.msg, "idea 2 does not exist (the ideas are numbered 5–10)", "gives the range");

	/* Ranking. */
	check_ok(&RANK, "7 3 1");
	check_ok(&RANK, "18 1");
	check_refused(&RANK, "1 2 3 4", "4 ideas ranked; at most 3 may be");
	check_refused(&RANK, "", "no idea ranked; at least 1 must be");
	check_refused(&RANK, "12", "idea 12 is not on the ballot");
	is_int(parse_check(&RANK, "5 8 10 11", IDEAS, 18, 0), -1, "ranking ignores the pool");
	is_str(E.msg, "4 ideas ranked; at most 3 may be", "but not the limit");
	bl_ballot_type rank2 = RANK;
	rank2.min = 2;
	is_int(parse_check(&rank2, "9", IDEAS, 18, POOL), -1, "too few ranked");
	is_str(E.msg, "1 idea ranked; at least 2 must be", "says so");

	/* Cumulative: 10 points, at most 3 on one idea. */
	check_ok(&DOTS, "1:3 2:3 3:3 4");
	check_ok(&DOTS, "1:3 2");
	check_refused(&DOTS, "1:3 2:3 3:3 4:3", "12 points given; each participant has 10");
	check_refused(&DOTS, "1:3 2:3 3:3 4 5", "11 points given; each participant has 10");
	check_refused(&DOTS, "7:4", "idea 7 has 4 points; at most 3 on one idea");
	check_refused(&DOTS, "7 7 7 7", "idea 7 has 4 points; at most 3 on one idea");
	check_refused(&DOTS, "1 2 12", "idea 12 is not on the ballot");
	check_refused(&DOTS, "1 99", "idea 99 does not exist (the ideas are numbered 1–18)");
	check_refused(&DOTS, "", "no points given; each participant has 10");
	check_refused(&DOTS, "3:2147483647", "idea 3 has 2147483647 points; at most 3 on one idea");
	bl_ballot_type all = DOTS;
	all.all_points = true;
	is_int(parse_check(&all, "1:3 2:3", IDEAS, 18, POOL), -1, "not every point used");
	is_str(E.msg, "6 points given; all 10 must be used", "says how many");
	is_int(parse_check(&all, "1", IDEAS, 18, POOL), -1, "one point");
	is_str(E.msg, "1 point given; all 10 must be used", "singular");
	is_int(parse_check(&all, "1:3 2:3 3:3 4", IDEAS, 18, POOL), 0, "all 10 used");
	bl_ballot_type nolimit = DOTS;
	nolimit.max_per_idea = 0;
	is_int(parse_check(&nolimit, "1:10", IDEAS, 18, POOL), 0, "max_per_idea 0 is no limit");
	is_int(parse_check(&nolimit, "1:2147483647 2:2147483647", IDEAS, 18, POOL), -1,
	       "points beyond int in total");
	is_str(E.msg, "4294967294 points given; each participant has 10", "counted exactly");
	bl_ballot_mark zero[] = { { 1, 0 } };
	bl_err_clear(&E);
	is_int(bl_ballot_check(&DOTS, zero, 1, IDEAS, 18, POOL, &E), -1, "a mark of 0 points");
	is_str(E.msg, "idea 1 has 0 points; expected at least 1 on an idea that is marked",
	       "is refused");
	bl_ballot_type nopoints = DOTS;
	nopoints.points = 0;
	is_int(parse_check(&nopoints, "1", IDEAS, 18, POOL), -1, "a type without points");
	like(E.msg, "has no points to give", "is refused, not divided by");
}

static const bl_category_value AGE_VALUES[] = {
	{ "15-29", "15–29 år", 2000 },
	{ "30-49", "30–49 år", 3000 },
	{ "65plus", "65 år og derover", BL_NO_TARGET },
	{ "none", "No one", 0 },
};
static const bl_category AGE = { "alder", "Alder", (bl_category_value *)AGE_VALUES, 4,
				 false };

static void test_repr(void)
{
	bl_repr_row rows[4];
	size_t counts[4] = { 16, 24, 50, 10 };

	/* 100 participants: 80 % of a target of 20 % is 16 %, 16 people. */
	bl_repr_compute(&AGE, counts, 100, 8000, rows);
	is_int(rows[0].count, 16, "count");
	is_int(rows[0].share, 1600, "16 of 100 is 16 %%");
	is_int(rows[0].target, 2000, "target");
	ok(!rows[0].under, "exactly 80 %% of the target is not under-represented");
	is_int(rows[1].share, 2400, "24 %%");
	ok(!rows[1].under, "24 is exactly 80 %% of a target of 30 %%: not under");
	is_int(rows[2].target, BL_NO_TARGET, "no target");
	ok(!rows[2].under, "a value without a target is never under-represented");
	ok(!rows[3].under, "a target of 0 %% is never under-represented");
	counts[0] = 15;
	counts[1] = 23;
	counts[3] = 12;
	bl_repr_compute(&AGE, counts, 100, 8000, rows);
	is_int(rows[0].share, 1500, "15 %%");
	ok(rows[0].under, "one participant less is under-represented");
	ok(rows[1].under, "and so is 23 of a target of 30 %%");

	/* Those who left the category blank are in no group: 16 of 80 who
	 * answered is 20 %, not 16 % of all 100. */
	counts[0] = 16;
	counts[1] = 24;
	counts[2] = 40;
	counts[3] = 0;
	bl_repr_compute(&AGE, counts, 100, 8000, rows);
	is_int(rows[0].share, 2000, "16 of the 80 who answered: 20 %%");
	ok(!rows[1].under, "24 of 80 is 30 %%: on target");
	counts[0] = counts[1] = counts[2] = 0;
	bl_repr_compute(&AGE, counts, 5, 8000, rows);
	ok(!rows[0].under && rows[0].share == 0, "nobody answered: no share, nothing flagged");

	/* 25 participants: the boundary is 4 people exactly. */
	size_t c25[4] = { 4, 21, 0, 0 };
	bl_repr_compute(&AGE, c25, 25, 8000, rows);
	ok(!rows[0].under, "4 of 25 (16 %%) is not under");
	c25[0] = 3;
	c25[1] = 22;
	bl_repr_compute(&AGE, c25, 25, 8000, rows);
	ok(rows[0].under, "3 of 25 is");

	/* 7 participants: the boundary (1.12 people) is not a whole number. */
	size_t c7[4] = { 1, 6, 0, 0 };
	bl_repr_compute(&AGE, c7, 7, 8000, rows);
	ok(rows[0].under, "1 of 7 (14.29 %%) is under");
	is_int(rows[0].share, 1429, "the share is rounded half up: 14.29 %%");
	c7[0] = 2;
	c7[1] = 5;
	bl_repr_compute(&AGE, c7, 7, 8000, rows);
	ok(!rows[0].under, "2 of 7 is not");
	is_int(rows[0].share, 2857, "28.57 %%");

	/* 1 of 3 is 33.33 %; 2 of 3 is 66.67 % (half up). */
	size_t c3[4] = { 1, 2, 0, 0 };
	bl_repr_compute(&AGE, c3, 3, 8000, rows);
	is_int(rows[0].share, 3333, "1 of 3");
	c3[0] = 2;
	c3[1] = 1;
	bl_repr_compute(&AGE, c3, 3, 8000, rows);
	is_int(rows[0].share, 6667, "2 of 3");
	/* 1 of 8 is 12.5 % exactly; 1 of 16 is 6.25 %; 1 of 32 is 3.125 %: up. */
	size_t c32[4] = { 1, 31, 0, 0 };
	bl_repr_compute(&AGE, c32, 32, 8000, rows);
	is_int(rows[0].share, 313, "3.125 %% rounds half up to 3.13 %%");

	/* Another threshold: 100 % of the target. */
	counts[0] = 19;
	counts[1] = 81;
	counts[2] = counts[3] = 0;
	bl_repr_compute(&AGE, counts, 100, 10000, rows);
	ok(rows[0].under, "19 %% against 100 %% of 20 %%");
	counts[0] = 20;
	counts[1] = 80;
	bl_repr_compute(&AGE, counts, 100, 10000, rows);
	ok(!rows[0].under, "20 %% is not");
	bl_repr_compute(&AGE, counts, 100, 0, rows);
	ok(!rows[0].under, "a threshold of 0 flags nothing");

	/* No participants yet. */
	counts[0] = 0;
	bl_repr_compute(&AGE, counts, 0, 8000, rows);
	ok(rows[0].share == 0 && !rows[0].under, "no participants: share 0, nothing flagged");

	/* Beyond 64 bits in the products: exact all the same. */
	size_t total = (size_t)1000000000000000000ULL; /* 10^18 */
	counts[0] = (size_t)160000000000000000ULL;     /* 16 % */
	counts[1] = total - counts[0];
	bl_repr_compute(&AGE, counts, total, 8000, rows);
	ok(!rows[0].under, "10^18 participants: exactly 16 %% is not under");
	is_int(rows[0].share, 1600, "16 %%");
	counts[0]--;
	counts[1]++;
	bl_repr_compute(&AGE, counts, total, 8000, rows);
	ok(rows[0].under, "one less is under, though its share rounds to 16 %%: the flag is exact");
	is_int(rows[0].share, 1600, "15.9999... %% rounds to 16 %%");
	counts[0] = (size_t)1 << 59;
	counts[1] = ((size_t)1 << 59) + 1;
	bl_repr_compute(&AGE, counts, ((size_t)1 << 60) + 1, 8000, rows);
	is_int(rows[0].share, 5000, "2^59 of 2^60 + 1 rounds to 50 %%");
	counts[0] = (size_t)1 << 60;
	counts[1] = 0;
	bl_repr_compute(&AGE, counts, (size_t)1 << 60, 8000, rows);
	is_int(rows[0].share, 10000, "all of 2^60 is 100 %%");
}

static void share_ok(const char *s, uint32_t want)
{
	uint32_t v = 12345678;
	int r = bl_share_parse(s, &v);
	ok(r == 0 && v == want, "\"%s\" is %u basis points (got %d, %u)", s, want, r, v);
}

static void share_bad(const char *s)
{
	uint32_t v = 12345678;
	int r = bl_share_parse(s, &v);
	ok(r == -1 && v == 12345678, "\"%s\" is not a share", s ? s : "(null)");
}

static void share_fmt(uint32_t bp, bl_lang lang, const char *want)
{
	char buf[32];
	bl_share_format(bp, lang, buf, sizeof buf);
	is_str(buf, want, "%u in %s", bp, bl_lang_name(lang));
}

static void test_share(void)
{
	share_ok("12.5%", 1250);
	share_ok("12%", 1200);
	share_ok("0.25%", 25);
	share_ok("0%", 0);
	share_ok("100%", 10000);
	share_ok("100.00%", 10000);
	share_ok("12,5%", 1250);
	share_ok("12.5 %", 1250);
	share_ok(" 80% ", 8000);
	share_ok("07.05%", 705);
	share_bad("abc");
	share_bad("101%");
	share_bad("100.01%");
	share_bad("12.345%");
	share_bad("-1%");
	share_bad("+1%");
	share_bad("12");
	share_bad("12.5");
	share_bad("%");
	share_bad("");
	share_bad(NULL);
	share_bad("12.%");
	share_bad(".5%");
	share_bad("1 2%");
	share_bad("12%%");
	share_bad("12% x");
	share_bad("99999999999%");
	share_bad("4294967296%");
	share_bad("1e2%");

	share_fmt(1250, BL_LANG_DA, "12,5 %");
	share_fmt(1250, BL_LANG_NB, "12,5 %");
	share_fmt(1250, BL_LANG_EN, "12.5 %");
	share_fmt(1200, BL_LANG_DA, "12 %");
	share_fmt(25, BL_LANG_DA, "0,25 %");
	share_fmt(1205, BL_LANG_EN, "12.05 %");
	share_fmt(0, BL_LANG_DA, "0 %");
	share_fmt(10000, BL_LANG_DA, "100 %");
	share_fmt(BL_NO_TARGET, BL_LANG_DA, "–");
	char small[4];
	bl_share_format(1250, BL_LANG_DA, small, sizeof small);
	is_int(strlen(small), 3, "a small buffer is cut, and terminated");
	/* Every share survives format and parse (with '%' for the space). */
	int bad = 0;
	for (uint32_t bp = 0; bp <= 10000; bp++) {
		char buf[32];
		uint32_t back;
		bl_share_format(bp, bp % 2 ? BL_LANG_EN : BL_LANG_DA, buf, sizeof buf);
		if (bl_share_parse(buf, &back) != 0 || back != bp)
			bad++;
	}
	is_int(bad, 0, "parse(format(x)) == x for 0 %% .. 100 %%");
}

int main(void)
{
	test_lookups();
	test_parse();
	test_check();
	test_repr();
	test_share();
	return tap_done();
}
