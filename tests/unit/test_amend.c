/* test_amend.c: amendments to a budget version (core/amend.c): each kind of
 * change, the order of application, sub-amendments, sources, effects per
 * year, conflicts, and every error with its message. */
#include "config.h"
#include "core/amend.h"

#include "tap.h"

#define N(a) (sizeof(a) / sizeof *(a))
#define FY 2026

/* The base: three years, deliberately not sorted by code. */
static bl_amend_line base_lines[] = {
	{"3.22.01", BL_DIR_EXPENSE, {500, 600, 700}, {true, true, true}},
	{"1.10.01", BL_DIR_INCOME, {1000, 1100, 1200}, {true, true, true}},
	{"5.30.02", BL_DIR_EXPENSE, {200, 200, 0}, {true, true, false}},
};
static const bl_amend_budget base = {base_lines, N(base_lines), FY, 3};

static bl_amendment amd(int number, const bl_change *ch, size_t n)
{
	bl_amendment a = {number, "title", "party", false, 0, ch, n};
	return a;
}

static bl_amendment sub(int number, int parent, const bl_change *ch, size_t n)
{
	bl_amendment a = {number, "sub", "party", true, parent, ch, n};
	return a;
}

static const bl_amend_line *line(const bl_amend_budget *b, const char *code)
{
	for (size_t i = 0; i < b->n_lines; i++)
		if (strcmp(b->lines[i].code, code) == 0)
			return &b->lines[i];
	return NULL;
}

/* The amount of (code, year) in b, or -1 if the line or year is missing. */
static long long amt(const bl_amend_budget *b, const char *code, int year)
{
	const bl_amend_line *l = line(b, code);
	if (!l || !l->has[year - b->first_year])
		return -1;
	return l->amount[year - b->first_year];
}

/* "1,2,3" for a source entry, "" if there is none. */
static const char *nums(const bl_amend_source *s, const char *code, int year)
{
	static char buf[128];
	buf[0] = '\0';
	const bl_amend_source *e = bl_amend_source_find(s, code, year);
	for (size_t i = 0; e && i < e->n_numbers; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%d",
			 i ? "," : "", e->numbers[i]);
	return buf;
}

static bool sorted(const bl_amend_budget *b)
{
	for (size_t i = 1; i < b->n_lines; i++)
		if (strcmp(b->lines[i - 1].code, b->lines[i].code) >= 0)
			return false;
	return true;
}

/* Apply and expect success. */
static int apply(const bl_amendment *const *v, size_t n, bl_amend_budget *out,
		 bl_amend_source **src)
{
	bl_err err = {{0}};
	int rc = bl_amend_apply(&base, v, n, out, src, &err);
	if (rc)
		diag("unexpected error: %s", err.msg);
	return rc;
}

/* Apply to b and expect exactly the message; nothing is returned. */
static void apply_fails(const bl_amend_budget *b, const bl_amendment *const *v,
			size_t n, const char *msg, const char *name)
{
	bl_err err = {{0}};
	bl_amend_budget out = {(bl_amend_line *)1, 7, 1, 1};
	bl_amend_source *src = (bl_amend_source *)1;
	int rc = bl_amend_apply(b, v, n, &out, &src, &err);
	ok(rc == -1 && out.lines == NULL && out.n_lines == 0 && src == NULL,
	   "%s: fails, nothing returned", name);
	is_str(err.msg, msg, "%s: message", name);
	if (rc == 0) {
		bl_amend_budget_free(&out);
		bl_amend_sources_free(src);
	}
}

/* ---- no amendments ------------------------------------------------------- */

static void test_zero(void)
{
	bl_amend_budget out;
	bl_amend_source *src = NULL;
	ok(apply(NULL, 0, &out, &src) == 0, "zero amendments: applies");
	is_int(out.n_lines, 3, "zero amendments: three lines");
	is_int(out.first_year, FY, "zero amendments: first year");
	is_int(out.n_years, 3, "zero amendments: years");
	ok(sorted(&out), "zero amendments: sorted by code");
	is_str(out.lines[0].code, "1.10.01", "zero amendments: first line");
	bool same = true;
	for (size_t i = 0; i < N(base_lines); i++) {
		const bl_amend_line *b = &base_lines[i], *o = line(&out, b->code);
		if (!o || o->code == b->code || o->dir != b->dir)
			same = false;
		for (int y = 0; o && y < 3; y++)
			if (o->has[y] != b->has[y] ||
			    (b->has[y] && o->amount[y] != b->amount[y]))
				same = false;
	}
	ok(same, "zero amendments: equals the base (codes copied)");
	is_int(bl_amend_sources_count(src), 0, "zero amendments: no sources");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);
	is_int(bl_amend_sources_count(NULL), 0, "sources count of NULL");
	bl_amend_sources_free(NULL);
	bl_amend_budget_free(NULL);
}

/* ---- each kind of change ------------------------------------------------- */

static void test_kinds(void)
{
	static const bl_change c_set[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2027, .amount = 650},
	};
	static const bl_change c_add[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "1.10.01", .year = 2026, .amount = -50},
		{.kind = BL_CHANGE_ADD_DELTA, .code = "5.30.02", .year = 2028, .amount = 30},
	};
	static const bl_change c_new[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "4.10.00", .dir = BL_DIR_INCOME,
		 .amounts = {10, 0, 30}, .has = {true, false, true}},
	};
	static const bl_change c_rm[] = {
		{.kind = BL_CHANGE_REMOVE_LINE, .code = "5.30.02"},
	};
	bl_amendment a1 = amd(1, c_set, 1), a2 = amd(2, c_add, 2),
		     a3 = amd(3, c_new, 1), a4 = amd(4, c_rm, 1);
	bl_amend_budget out;
	bl_amend_source *src;

	const bl_amendment *v1[] = {&a1};
	ok(apply(v1, 1, &out, &src) == 0, "set: applies");
	is_int(amt(&out, "3.22.01", 2027), 650, "set: new amount");
	is_int(amt(&out, "3.22.01", 2026), 500, "set: other year unchanged");
	is_int(amt(&out, "1.10.01", 2027), 1100, "set: other line unchanged");
	is_int(bl_amend_sources_count(src), 1, "set: one source");
	is_str(nums(src, "3.22.01", 2027), "1", "set: source is amendment 1");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	const bl_amendment *v2[] = {&a2};
	ok(apply(v2, 1, &out, &src) == 0, "add delta: applies");
	is_int(amt(&out, "1.10.01", 2026), 950, "add delta: negative delta");
	is_int(amt(&out, "5.30.02", 2028), 30, "add delta: to a year without an amount");
	is_int(bl_amend_sources_count(src), 2, "add delta: two sources");
	is_str(nums(src, "5.30.02", 2028), "2", "add delta: source");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	const bl_amendment *v3[] = {&a3};
	ok(apply(v3, 1, &out, &src) == 0, "new line: applies");
	is_int(out.n_lines, 4, "new line: four lines");
	ok(sorted(&out), "new line: still sorted");
	is_int(amt(&out, "4.10.00", 2026), 10, "new line: 2026");
	is_int(amt(&out, "4.10.00", 2027), -1, "new line: no amount in 2027");
	is_int(amt(&out, "4.10.00", 2028), 30, "new line: 2028");
	ok(line(&out, "4.10.00") && line(&out, "4.10.00")->dir == BL_DIR_INCOME,
	   "new line: direction");
	is_int(bl_amend_sources_count(src), 2, "new line: a source per year with an amount");
	is_str(nums(src, "4.10.00", 2028), "3", "new line: source");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	const bl_amendment *v4[] = {&a4};
	ok(apply(v4, 1, &out, &src) == 0, "remove: applies");
	is_int(out.n_lines, 2, "remove: two lines");
	ok(line(&out, "5.30.02") == NULL, "remove: line gone");
	is_int(bl_amend_sources_count(src), 2, "remove: a source per year it had");
	is_str(nums(src, "5.30.02", 2027), "4", "remove: source");
	is_str(nums(src, "5.30.02", 2028), "", "remove: no source where it had no amount");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	/* All four together; sources NULL is allowed. */
	const bl_amendment *v[] = {&a4, &a3, &a2, &a1};
	ok(apply(v, 4, &out, NULL) == 0, "all kinds together: applies");
	is_int(out.n_lines, 3, "all kinds: lines");
	is_int(amt(&out, "1.10.01", 2026), 950, "all kinds: 1.10.01");
	is_int(amt(&out, "3.22.01", 2027), 650, "all kinds: 3.22.01");
	ok(line(&out, "5.30.02") == NULL, "all kinds: 5.30.02 removed after the delta");
	bl_amend_budget_free(&out);
}

/* ---- order and sub-amendments ------------------------------------------- */

static void test_order(void)
{
	static const bl_change c_set100[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 100}};
	static const bl_change c_add10[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2026, .amount = 10}};
	bl_amend_budget out;
	bl_amend_source *src;

	bl_amendment s1 = amd(1, c_set100, 1), d2 = amd(2, c_add10, 1);
	const bl_amendment *v[] = {&d2, &s1};
	ok(apply(v, 2, &out, &src) == 0, "order: set 1, add 2");
	is_int(amt(&out, "3.22.01", 2026), 110, "order: 1 then 2 whatever the array order");
	is_str(nums(src, "3.22.01", 2026), "1,2", "order: sources in order");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	bl_amendment d1 = amd(1, c_add10, 1), s2 = amd(2, c_set100, 1);
	const bl_amendment *w[] = {&s2, &d1};
	ok(apply(w, 2, &out, &src) == 0, "order: add 1, set 2");
	is_int(amt(&out, "3.22.01", 2026), 100, "order: the later set wins");
	is_str(nums(src, "3.22.01", 2026), "1,2", "order: both recorded");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	/* The same amendment twice on one cell: recorded once. */
	static const bl_change c_twice[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 100},
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2026, .amount = 5}};
	bl_amendment t = amd(6, c_twice, 2);
	const bl_amendment *vt[] = {&t};
	ok(apply(vt, 1, &out, &src) == 0, "changes in an amendment apply in order");
	is_int(amt(&out, "3.22.01", 2026), 105, "set then add in one amendment");
	is_str(nums(src, "3.22.01", 2026), "6", "one amendment recorded once");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	/* Cancelling changes are still recorded. */
	static const bl_change c_minus10[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2026, .amount = -10}};
	bl_amendment p = amd(1, c_add10, 1), m = amd(2, c_minus10, 1);
	const bl_amendment *vc[] = {&p, &m};
	ok(apply(vc, 2, &out, &src) == 0, "cancelling amendments apply");
	is_int(amt(&out, "3.22.01", 2026), 500, "cancelling: back to the base amount");
	is_str(nums(src, "3.22.01", 2026), "1,2", "cancelling: both recorded");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);
}

static void test_sub(void)
{
	static const bl_change c3[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 900},
		{.kind = BL_CHANGE_NEW_LINE, .code = "6.00.01", .dir = BL_DIR_EXPENSE,
		 .amounts = {50, 50, 50}, .has = {true, true, true}}};
	static const bl_change c4[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2026, .amount = 1}};
	static const bl_change c7[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 800},
		{.kind = BL_CHANGE_SET, .code = "6.00.01", .year = 2027, .amount = 75},
		{.kind = BL_CHANGE_NEW_LINE, .code = "6.00.02", .dir = BL_DIR_EXPENSE,
		 .amounts = {5}, .has = {true}}};
	static const bl_change c8[] = {
		{.kind = BL_CHANGE_REMOVE_LINE, .code = "6.00.01"}};
	bl_amendment a3 = amd(3, c3, 2), a4 = amd(4, c4, 1),
		     s7 = sub(7, 3, c7, 3), s8 = sub(8, 3, c8, 1);
	bl_amend_budget out;
	bl_amend_source *src;

	const bl_amendment *v[] = {&a4, &s7, &a3};
	ok(apply(v, 3, &out, &src) == 0, "sub-amendment: applies");
	/* 3 sets 900, 7 (its sub) sets 800, then 4 adds 1: the sub comes
	 * right after its parent, before amendment 4. */
	is_int(amt(&out, "3.22.01", 2026), 801, "sub-amendment: right after its parent");
	is_str(nums(src, "3.22.01", 2026), "3,7,4", "sub-amendment: sources in order");
	is_int(amt(&out, "6.00.01", 2027), 75, "sub-amendment changes the parent's new line");
	is_int(amt(&out, "6.00.01", 2026), 50, "sub-amendment: rest of the parent's line");
	is_int(amt(&out, "6.00.02", 2026), 5, "sub-amendment adds a line of its own");
	is_str(nums(src, "6.00.01", 2027), "3,7", "sub-amendment: sources of the new line");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	const bl_amendment *v2[] = {&s8, &s7, &a3};
	ok(apply(v2, 3, &out, &src) == 0, "two sub-amendments: apply");
	ok(line(&out, "6.00.01") == NULL, "two sub-amendments: 8 removes the line 3 added, after 7");
	is_str(nums(src, "6.00.01", 2027), "3,7,8", "two sub-amendments in number order");
	bl_amend_budget_free(&out);
	bl_amend_sources_free(src);

	const bl_amendment *v3[] = {&a4, &s7};
	apply_fails(&base, v3, 2,
		    "amendment 7 is a sub-amendment of amendment 3, which is not adopted",
		    "sub-amendment without its parent");

	bl_amendment s9 = sub(9, 7, c4, 1);
	const bl_amendment *v4[] = {&a3, &s7, &s9};
	apply_fails(&base, v4, 3,
		    "amendment 9 is a sub-amendment of amendment 7, which is itself a sub-amendment",
		    "sub-amendment of a sub-amendment");

	/* Parent adopted, sub rejected: only the parent. */
	const bl_amendment *v5[] = {&a3};
	ok(apply(v5, 1, &out, NULL) == 0, "parent without its sub-amendment");
	is_int(amt(&out, "3.22.01", 2026), 900, "parent alone: its own amount");
	bl_amend_budget_free(&out);
}

/* ---- effects ------------------------------------------------------------- */

/* Totals of b per year, computed here independently (small amounts). */
static void totals(const bl_amend_budget *b, long long inc[], long long exp[])
{
	for (int y = 0; y < b->n_years; y++) {
		inc[y] = exp[y] = 0;
		for (size_t i = 0; i < b->n_lines; i++)
			if (b->lines[i].has[y])
				(b->lines[i].dir == BL_DIR_INCOME ? inc : exp)[y] +=
					b->lines[i].amount[y];
	}
}

static void test_effect(void)
{
	static const bl_change c[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2027, .amount = 650},
		{.kind = BL_CHANGE_ADD_DELTA, .code = "1.10.01", .year = 2026, .amount = -50},
		{.kind = BL_CHANGE_NEW_LINE, .code = "4.10.00", .dir = BL_DIR_INCOME,
		 .amounts = {10, 0, 30}, .has = {true, false, true}},
		{.kind = BL_CHANGE_REMOVE_LINE, .code = "5.30.02"}};
	bl_amendment a = amd(5, c, 4);
	bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS], bal[BL_MAX_YEARS];
	bl_err err = {{0}};
	ok(bl_amend_effect(&base, &a, inc, exp, bal, &err) == 0, "effect: computes");
	/* By hand: income 2026 -50 +10, 2028 +30; expenses 2027 +50, and the
	 * removed line's 200 in 2026 and 2027. */
	static const long long want_inc[] = {-40, 0, 30}, want_exp[] = {-200, -150, 0};
	for (int y = 0; y < 3; y++) {
		is_int(inc[y], want_inc[y], "effect: income %d", FY + y);
		is_int(exp[y], want_exp[y], "effect: expenses %d", FY + y);
		is_int(bal[y], want_inc[y] - want_exp[y], "effect: balance %d", FY + y);
	}
	/* The same against totals of the applied version summed here. */
	const bl_amendment *v[] = {&a};
	bl_amend_budget out;
	ok(apply(v, 1, &out, NULL) == 0, "effect: the version applies");
	long long bi[3], be[3], oi[3], oe[3];
	totals(&base, bi, be);
	totals(&out, oi, oe);
	bool same = true;
	for (int y = 0; y < 3; y++)
		if (inc[y] != oi[y] - bi[y] || exp[y] != oe[y] - be[y] ||
		    bal[y] != (oi[y] - oe[y]) - (bi[y] - be[y]))
			same = false;
	ok(same, "effect: equals the difference of totals summed in the test");
	bl_amend_budget_free(&out);

	ok(bl_amend_effect(&base, &a, NULL, exp, NULL, NULL) == 0,
	   "effect: NULL arrays and NULL err allowed");

	/* A sub-amendment's own changes against the base. */
	static const bl_change cs[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "1.10.01", .year = 2028, .amount = 7}};
	bl_amendment s = sub(6, 5, cs, 1);
	ok(bl_amend_effect(&base, &s, inc, exp, bal, &err) == 0, "effect of a sub-amendment");
	ok(inc[2] == 7 && exp[2] == 0 && bal[2] == 7 && inc[0] == 0 && bal[1] == 0,
	   "effect of a sub-amendment: its own changes");

	/* An error is the one apply gives; arrays untouched. */
	static const bl_change cb[] = {
		{.kind = BL_CHANGE_SET, .code = "9.99.99", .year = 2027, .amount = 1}};
	bl_amendment b = amd(8, cb, 1);
	inc[0] = 4242;
	ok(bl_amend_effect(&base, &b, inc, exp, bal, &err) == -1, "effect: bad amendment fails");
	is_str(err.msg, "amendment 8 changes line 9.99.99, which the budget does not have",
	       "effect: message");
	is_int(inc[0], 4242, "effect: arrays untouched on failure");
	ok(bl_amend_effect(&base, NULL, inc, exp, bal, &err) == -1, "effect: NULL amendment fails");

	/* A delta that does not fit: -MAX to MAX on one income line. */
	static bl_amend_line big_lines[] = {
		{"I", BL_DIR_INCOME, {-INT64_MAX}, {true}},
	};
	const bl_amend_budget big = {big_lines, 1, FY, 1};
	static const bl_change cm[] = {
		{.kind = BL_CHANGE_SET, .code = "I", .year = FY, .amount = INT64_MAX}};
	bl_amendment am = amd(9, cm, 1);
	ok(bl_amend_effect(&big, &am, inc, exp, bal, &err) == -1, "effect: delta overflow fails");
	is_str(err.msg,
	       "amendment 9 changes the total income in 2026 by more than an amount can hold",
	       "effect: delta overflow message");
	/* ... while MAX - 0 is fine and exact. */
	big_lines[0].amount[0] = 0;
	ok(bl_amend_effect(&big, &am, inc, exp, bal, &err) == 0 && inc[0] == INT64_MAX &&
		   bal[0] == INT64_MAX && exp[0] == 0,
	   "effect: a delta of INT64_MAX is exact");
}

/* ---- conflicts ----------------------------------------------------------- */

static void test_conflicts(void)
{
	static const bl_change c1[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2027, .amount = 1}};
	static const bl_change c2[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2027, .amount = 2},
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2027, .amount = 3}};
	static const bl_change c3[] = {
		{.kind = BL_CHANGE_REMOVE_LINE, .code = "3.22.01"}};
	static const bl_change c4[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 1},
		{.kind = BL_CHANGE_SET, .code = "1.10.01", .year = 2027, .amount = 1}};
	static const bl_change c5[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2027, .amount = 5}};
	bl_amendment a1 = amd(1, c1, 1), a2 = amd(2, c2, 2), a3 = amd(3, c3, 1),
		     a4 = amd(4, c4, 2), s5 = sub(5, 1, c5, 1);
	const bl_amendment *v[] = {&a4, &s5, &a3, &a2, &a1};
	bl_amend_conflict *c = NULL;
	size_t n = bl_amend_conflicts(v, N(v), &c);
	static const struct {
		int a, b, year;
		bl_conflict_kind kind;
	} want[] = {
		{1, 2, 2027, BL_CONFLICT_SAME},   /* same line, same year */
		{1, 3, 2027, BL_CONFLICT_REMOVE}, /* removes what 1 changes */
		{2, 3, 2027, BL_CONFLICT_REMOVE}, /* once, though 2 changes it twice */
		{2, 5, 2027, BL_CONFLICT_SAME},   /* a sub-amendment vs another */
		{3, 4, 2026, BL_CONFLICT_REMOVE},
		{3, 5, 2027, BL_CONFLICT_REMOVE},
		/* not 1-4 (other year), not 1-5 (parent and sub) */
	};
	is_int(n, N(want), "conflicts: count");
	for (size_t i = 0; i < N(want) && i < n; i++) {
		ok(c[i].a == want[i].a && c[i].b == want[i].b &&
			   c[i].year == want[i].year && c[i].kind == want[i].kind &&
			   strcmp(c[i].code, "3.22.01") == 0,
		   "conflict %zu: %d-%d 3.22.01 %d", i, want[i].a, want[i].b,
		   want[i].year);
		if (!(c[i].a == want[i].a && c[i].b == want[i].b))
			diag("got %d-%d %s %d kind %d", c[i].a, c[i].b, c[i].code,
			     c[i].year, (int)c[i].kind);
	}
	bool parent_sub = false;
	for (size_t i = 0; i < n; i++)
		if (c[i].a == 1 && c[i].b == 5)
			parent_sub = true;
	ok(!parent_sub, "conflicts: parent and sub-amendment are not a conflict");
	bl_amend_conflicts_free(c);

	/* Whole-line conflicts: both add, both remove, add vs remove. */
	static const bl_change n1[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "7.00", .amounts = {1}, .has = {true}}};
	static const bl_change r1[] = {{.kind = BL_CHANGE_REMOVE_LINE, .code = "5.30.02"}};
	static const bl_change nr[] = {{.kind = BL_CHANGE_REMOVE_LINE, .code = "7.00"}};
	static const bl_change ns[] = {
		{.kind = BL_CHANGE_SET, .code = "7.00", .year = 2028, .amount = 1}};
	bl_amendment b1 = amd(10, n1, 1), b2 = amd(11, n1, 1), b3 = amd(12, r1, 1),
		     b4 = amd(13, r1, 1);
	const bl_amendment *w[] = {&b1, &b2, &b3, &b4};
	n = bl_amend_conflicts(w, N(w), &c);
	is_int(n, 2, "whole-line conflicts: count");
	ok(n == 2 && c[0].a == 10 && c[0].b == 11 && c[0].year == 0 &&
		   c[0].kind == BL_CONFLICT_SAME && strcmp(c[0].code, "7.00") == 0,
	   "both add the same line: year 0, same");
	ok(n == 2 && c[1].a == 12 && c[1].b == 13 && c[1].year == 0 &&
		   c[1].kind == BL_CONFLICT_REMOVE,
	   "both remove the same line: year 0, remove");
	bl_amend_conflicts_free(c);

	bl_amendment d1 = amd(20, n1, 1), d2 = amd(21, nr, 1), d3 = amd(22, ns, 1);
	const bl_amendment *x[] = {&d3, &d2, &d1};
	n = bl_amend_conflicts(x, N(x), &c);
	is_int(n, 3, "add/remove/set conflicts: count");
	ok(n == 3 && c[0].a == 20 && c[0].b == 21 && c[0].year == 0 &&
		   c[0].kind == BL_CONFLICT_REMOVE,
	   "one adds, the other removes: year 0, remove");
	ok(n == 3 && c[1].a == 20 && c[1].b == 22 && c[1].year == 2028 &&
		   c[1].kind == BL_CONFLICT_SAME,
	   "one adds, the other sets: the set's year");
	ok(n == 3 && c[2].a == 21 && c[2].b == 22 && c[2].year == 2028 &&
		   c[2].kind == BL_CONFLICT_REMOVE,
	   "one removes, the other sets: the set's year");
	bl_amend_conflicts_free(c);

	const bl_amendment *y[] = {&a1, &a4};
	c = (bl_amend_conflict *)1;
	is_int(bl_amend_conflicts(y, 2, &c), 0, "no conflicts: zero");
	ok(c == NULL, "no conflicts: NULL");
	is_int(bl_amend_conflicts(NULL, 0, &c), 0, "no amendments: zero");
}

/* ---- errors -------------------------------------------------------------- */

static void test_errors(void)
{
	static const bl_change c_missing[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.09", .year = 2027, .amount = 1}};
	bl_amendment a = amd(3, c_missing, 1);
	const bl_amendment *v[] = {&a};
	apply_fails(&base, v, 1,
		    "amendment 3 changes line 3.22.09, which the budget does not have",
		    "set on a missing line");
	static const bl_change c_missing_add[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.09", .year = 2027, .amount = 1}};
	bl_amendment ad = amd(4, c_missing_add, 1);
	const bl_amendment *vd[] = {&ad};
	apply_fails(&base, vd, 1,
		    "amendment 4 changes line 3.22.09, which the budget does not have",
		    "delta on a missing line");

	/* A line added by an earlier adopted amendment exists; by a later
	 * one it does not yet. */
	static const bl_change c_new[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "3.22.09", .dir = BL_DIR_EXPENSE,
		 .amounts = {1, 2, 3}, .has = {true, true, true}}};
	bl_amendment n2 = amd(2, c_new, 1), n5 = amd(5, c_new, 1);
	const bl_amendment *ok1[] = {&a, &n2};
	bl_amend_budget out;
	ok(apply(ok1, 2, &out, NULL) == 0, "change to a line an earlier amendment adds");
	is_int(amt(&out, "3.22.09", 2027), 1, "... has the new amount");
	bl_amend_budget_free(&out);
	const bl_amendment *late[] = {&a, &n5};
	apply_fails(&base, late, 2,
		    "amendment 3 changes line 3.22.09, which the budget does not have",
		    "change to a line only a later amendment adds");

	static const bl_change c_dup[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "1.10.01", .amounts = {1}, .has = {true}}};
	bl_amendment dup = amd(6, c_dup, 1);
	const bl_amendment *vdup[] = {&dup};
	apply_fails(&base, vdup, 1,
		    "amendment 6 adds line 1.10.01, which the budget already has",
		    "adding a line the budget has");
	const bl_amendment *vdup2[] = {&n2, &n5};
	apply_fails(&base, vdup2, 2,
		    "amendment 5 adds line 3.22.09, which amendment 2 already adds",
		    "adding a line an earlier amendment adds");

	static const bl_change c_rm[] = {{.kind = BL_CHANGE_REMOVE_LINE, .code = "8.00"}};
	bl_amendment rm = amd(7, c_rm, 1);
	const bl_amendment *vrm[] = {&rm};
	apply_fails(&base, vrm, 1,
		    "amendment 7 removes line 8.00, which the budget does not have",
		    "removing a missing line");
	static const bl_change c_rm2[] = {{.kind = BL_CHANGE_REMOVE_LINE, .code = "3.22.01"}};
	static const bl_change c_after[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2026, .amount = 1}};
	bl_amendment r1 = amd(1, c_rm2, 1), r2 = amd(2, c_rm2, 1), r3 = amd(3, c_after, 1);
	const bl_amendment *vrr[] = {&r2, &r1};
	apply_fails(&base, vrr, 2,
		    "amendment 2 removes line 3.22.01, which amendment 1 already removes",
		    "removing a line twice");
	const bl_amendment *vra[] = {&r3, &r1};
	apply_fails(&base, vra, 2,
		    "amendment 3 changes line 3.22.01, which amendment 1 removes",
		    "changing a removed line");

	static const bl_change c_y1[] = {
		{.kind = BL_CHANGE_SET, .code = "3.22.01", .year = 2025, .amount = 1}};
	static const bl_change c_y2[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "3.22.01", .year = 2029, .amount = 1}};
	static const bl_change c_y3[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "9.1", .amounts = {1, 1, 1, 1},
		 .has = {true, true, true, true}}};
	bl_amendment y1 = amd(11, c_y1, 1), y2 = amd(12, c_y2, 1), y3 = amd(13, c_y3, 1);
	const bl_amendment *vy1[] = {&y1}, *vy2[] = {&y2}, *vy3[] = {&y3};
	apply_fails(&base, vy1, 1,
		    "amendment 11 changes line 3.22.01 in 2025, which is outside the budget (2026-2028)",
		    "a year before the budget");
	apply_fails(&base, vy2, 1,
		    "amendment 12 changes line 3.22.01 in 2029, which is outside the budget (2026-2028)",
		    "a year after the budget");
	apply_fails(&base, vy3, 1,
		    "amendment 13 adds line 9.1 with an amount in 2029, which is outside the budget (2026-2028)",
		    "a new line with a year after the budget");

	const bl_amendment *vtw[] = {&y1, &y1};
	apply_fails(&base, vtw, 2, "amendment 11 is adopted twice", "adopted twice");
	const bl_amendment *vnull[] = {&y1, NULL};
	apply_fails(&base, vnull, 2, "adopted amendment 2 is missing", "a NULL amendment");

	static const bl_change c_nocode[] = {{.kind = BL_CHANGE_REMOVE_LINE, .code = ""}};
	bl_amendment nc = amd(14, c_nocode, 1);
	const bl_amendment *vnc[] = {&nc};
	apply_fails(&base, vnc, 1, "amendment 14 has a change without a line code",
		    "a change without a code");

	/* The base itself. */
	static bl_amend_line twice[] = {
		{"1", BL_DIR_INCOME, {1}, {true}}, {"2", BL_DIR_INCOME, {1}, {true}},
		{"1", BL_DIR_EXPENSE, {1}, {true}}};
	const bl_amend_budget btw = {twice, 3, FY, 1};
	apply_fails(&btw, NULL, 0, "the budget has line 1 twice", "base with a line twice");
	const bl_amend_budget b0 = {twice, 0, FY, 0}, b11 = {twice, 0, FY, 11};
	apply_fails(&b0, NULL, 0, "the budget has 0 years; it must have 1 to 10", "base with 0 years");
	apply_fails(&b11, NULL, 0, "the budget has 11 years; it must have 1 to 10", "base with 11 years");
	apply_fails(NULL, NULL, 0, "there is no budget to amend", "no base");
}

/* ---- overflow ------------------------------------------------------------ */

static void test_overflow(void)
{
	static bl_amend_line lines[] = {
		{"I", BL_DIR_INCOME, {INT64_MAX - 5, 0}, {true, true}},
		{"J", BL_DIR_INCOME, {0, 0}, {true, true}},
		{"E", BL_DIR_EXPENSE, {0, 0}, {true, true}},
		{"F", BL_DIR_EXPENSE, {0, -INT64_MAX}, {true, true}},
	};
	/* 2026: income MAX - 5; 2027: expenses -MAX (balance MAX). */
	const bl_amend_budget b = {lines, N(lines), FY, 2};
	bl_err err = {{0}};
	bl_amend_budget out;

	static const bl_change c_max[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "I", .year = FY, .amount = 5}};
	bl_amendment amax = amd(1, c_max, 1);
	const bl_amendment *vmax[] = {&amax};
	ok(bl_amend_apply(&b, vmax, 1, &out, NULL, &err) == 0,
	   "overflow: reaching INT64_MAX exactly is fine");
	ok(out.n_lines == 4 && strcmp(out.lines[2].code, "I") == 0 &&
		   out.lines[2].amount[0] == INT64_MAX,
	   "overflow: the amount is INT64_MAX");
	bl_amend_budget_free(&out);

	static const bl_change c_over[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "I", .year = FY, .amount = 6}};
	bl_amendment aover = amd(2, c_over, 1);
	const bl_amendment *vover[] = {&aover};
	apply_fails(&b, vover, 1,
		    "amendment 2 makes line I in 2026 overflow: the amount does not fit in 64 bits",
		    "a delta past INT64_MAX");

	static const bl_change c_under[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "F", .year = FY + 1, .amount = -1}};
	bl_amendment aunder = amd(3, c_under, 1);
	const bl_amendment *vunder[] = {&aunder};
	apply_fails(&b, vunder, 1,
		    "amendment 3 makes line F in 2027 overflow: the amount does not fit in 64 bits",
		    "a delta to INT64_MIN (not an amount)");

	static const bl_change c_setmin[] = {
		{.kind = BL_CHANGE_SET, .code = "J", .year = FY, .amount = INT64_MIN}};
	bl_amendment asetmin = amd(4, c_setmin, 1);
	const bl_amendment *vsetmin[] = {&asetmin};
	apply_fails(&b, vsetmin, 1,
		    "amendment 4 makes line J in 2026 overflow: the amount does not fit in 64 bits",
		    "setting INT64_MIN");

	static const bl_change c_newmin[] = {
		{.kind = BL_CHANGE_NEW_LINE, .code = "K", .amounts = {INT64_MIN}, .has = {true}}};
	bl_amendment anewmin = amd(5, c_newmin, 1);
	const bl_amendment *vnewmin[] = {&anewmin};
	apply_fails(&b, vnewmin, 1,
		    "amendment 5 makes line K in 2026 overflow: the amount does not fit in 64 bits",
		    "a new line with INT64_MIN");

	/* Year totals: income MAX-5 + 6 on another line. */
	static const bl_change c_tot[] = {
		{.kind = BL_CHANGE_SET, .code = "J", .year = FY, .amount = 6}};
	bl_amendment atot = amd(6, c_tot, 1);
	const bl_amendment *vtot[] = {&atot};
	apply_fails(&b, vtot, 1,
		    "amendment 6 changes line J in 2026 so that the year's total income would not fit in an amount",
		    "total income past INT64_MAX");
	/* ... but +5 on J fits (MAX). */
	static const bl_change c_tot5[] = {
		{.kind = BL_CHANGE_SET, .code = "J", .year = FY, .amount = 5}};
	bl_amendment atot5 = amd(7, c_tot5, 1);
	const bl_amendment *vtot5[] = {&atot5};
	ok(bl_amend_apply(&b, vtot5, 1, &out, NULL, &err) == 0,
	   "total income of exactly INT64_MAX is fine");
	bl_amend_budget_free(&out);

	static const bl_change c_exp[] = {
		{.kind = BL_CHANGE_SET, .code = "E", .year = FY + 1, .amount = -1}};
	bl_amendment aexp = amd(8, c_exp, 1);
	const bl_amendment *vexp[] = {&aexp};
	apply_fails(&b, vexp, 1,
		    "amendment 8 changes line E in 2027 so that the year's total expenses would not fit in an amount",
		    "total expenses below -INT64_MAX");

	/* Balance: income MAX (after +5), expenses -MAX + 1 -> MAX - 1 + MAX. */
	static bl_amend_line bl[] = {
		{"I", BL_DIR_INCOME, {INT64_MAX}, {true}},
		{"E", BL_DIR_EXPENSE, {0}, {true}},
	};
	const bl_amend_budget bb = {bl, N(bl), FY, 1};
	static const bl_change c_bal[] = {
		{.kind = BL_CHANGE_SET, .code = "E", .year = FY, .amount = -1}};
	bl_amendment abal = amd(9, c_bal, 1);
	const bl_amendment *vbal[] = {&abal};
	apply_fails(&bb, vbal, 1,
		    "amendment 9 changes line E in 2026 so that the year's balance would not fit in an amount",
		    "balance past INT64_MAX");

	/* A base whose totals already overflow is refused, naming no amendment. */
	static bl_amend_line bad[] = {
		{"I", BL_DIR_INCOME, {INT64_MAX}, {true}},
		{"J", BL_DIR_INCOME, {1}, {true}},
	};
	const bl_amend_budget bbad = {bad, N(bad), FY, 1};
	apply_fails(&bbad, NULL, 0, "the budget's total income in 2026 cannot fit in an amount",
		    "base totals overflow");

	/* The message of a later year names that year. */
	static bl_amend_line two[] = {
		{"I", BL_DIR_INCOME, {0, INT64_MAX}, {true, true}},
	};
	const bl_amend_budget btwo = {two, 1, FY, 2};
	static const bl_change c_two[] = {
		{.kind = BL_CHANGE_ADD_DELTA, .code = "I", .year = FY, .amount = INT64_MAX},
		{.kind = BL_CHANGE_ADD_DELTA, .code = "I", .year = FY + 1, .amount = 1}};
	bl_amendment atwo = amd(10, c_two, 2);
	const bl_amendment *vtwo[] = {&atwo};
	apply_fails(&btwo, vtwo, 1,
		    "amendment 10 makes line I in 2027 overflow: the amount does not fit in 64 bits",
		    "overflow in the second year");
}

int main(void)
{
	test_zero();
	test_kinds();
	test_order();
	test_sub();
	test_effect();
	test_conflicts();
	test_errors();
	test_overflow();
	return tap_done();
}
