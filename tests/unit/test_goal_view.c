/* test_goal_view.c: the goals screen's views (goal_view.c): the count of
 * lines serving each goal, and a goal's lines with their amounts. */
#include "config.h"

#include "store_util.h"

#define MAXL 8

typedef struct seen {
	int n;
	char code[MAXL][32];
	bl_money amounts[MAXL][BL_MAX_YEARS];
	bool has[MAXL][BL_MAX_YEARS];
	bl_direction dir[MAXL];
	int n_years;
	int stop_after; /* return 7 after this many lines; 0: never */
	bl_store *s;    /* when set, cb reads the line again (another statement) */
	bool reread_ok;
} seen;

static int collect(void *ctx, const bl_line *l, const bl_money *amounts, const bool *has, int n_years)
{
	seen *v = ctx;
	if (v->n >= MAXL)
		return 99;
	snprintf(v->code[v->n], sizeof v->code[v->n], "%s", l->code);
	for (int i = 0; i < n_years && i < BL_MAX_YEARS; i++) {
		v->amounts[v->n][i] = amounts[i];
		v->has[v->n][i] = has[i];
	}
	v->dir[v->n] = l->dir;
	v->n_years = n_years;
	v->n++;
	if (v->s) {
		bl_line again = { 0 };
		bl_err e = { { 0 } };
		v->reread_ok = bl_store_line_get(v->s, l->id, &again, &e) == 0 &&
			       strcmp(again.code, l->code) == 0;
		bl_line_clear(&again);
	}
	return v->stop_after && v->n == v->stop_after ? 7 : 0;
}

static int64_t goal(bl_store *s, int64_t area, const char *title)
{
	bl_goal g = { 0, area, (char *)title, NULL, BL_GOAL_DRAFT };
	int64_t id = 0;
	bl_err e = { { 0 } };
	if (bl_store_goal_add(s, &g, &id, &e) != 0)
		diag("goal %s: %s", title, e.msg);
	return id;
}

int main(void)
{
	tu_init();
	bl_store *s = tu_create("g.budgetlab");
	bl_err e = { { 0 } };
	bl_goal_count *c = (bl_goal_count *)1;
	size_t n = 99;

	ok(bl_store_goal_line_counts(s, &c, &n, &e) == 0, "counts of a process without goals");
	ok(c == NULL && n == 0, "are none, and the array is NULL");

	int64_t bsu = tu_area(s, 0, "BSU"), oeu = tu_area(s, 0, "ØU");
	int64_t l3 = tu_line(s, "3.22.01", bsu, BL_DIR_EXPENSE);
	int64_t l1 = tu_line(s, "1.10.01", bsu, BL_DIR_EXPENSE);
	int64_t l7 = tu_line(s, "7.68.90", oeu, BL_DIR_INCOME);
	int64_t l9 = tu_line(s, "9.99.99", oeu, BL_DIR_EXPENSE);
	tu_set(s, l3, 2028, 123456);
	tu_set(s, l3, 2030, -5);
	tu_set(s, l7, 2028, 250000000000LL);
	tu_set(s, l7, 2031, 1);
	bl_store_amount_set(s, l3, "adopted", 2029, 42, &e);
	int64_t g1 = goal(s, 0, "Et budget i balance");
	int64_t g2 = goal(s, bsu, "Flere børn i trivsel");
	int64_t g3 = goal(s, oeu, "Uden linjer");
	ok(g1 > 0 && g2 > 0 && g3 > 0, "three goals");
	bl_store_goal_link(s, g2, l3, &e);
	bl_store_goal_link(s, g2, l1, &e);
	bl_store_goal_link(s, g2, l7, &e);
	bl_store_goal_link(s, g1, l7, &e);

	ok(bl_store_goal_line_counts(s, &c, &n, &e) == 0, "counts");
	is_int(n, 2, "goals without lines are left out");
	if (n == 2) {
		is_int(c[0].goal_id, g1, "by goal id: first");
		is_int(c[0].n, 1, "goal 1 has one line");
		is_int(c[1].goal_id, g2, "second");
		is_int(c[1].n, 3, "goal 2 has three lines");
	}
	free(c);

	seen v = { 0 };
	ok(bl_store_goal_lines_each(s, g2, "proposal", collect, &v, &e) == 0, "the lines of goal 2");
	is_int(v.n, 3, "three lines");
	is_str(v.code[0], "1.10.01", "by code: 1.10.01 first");
	is_str(v.code[1], "3.22.01", "then 3.22.01");
	is_str(v.code[2], "7.68.90", "then 7.68.90");
	is_int(v.n_years, 4, "four years");
	ok(!v.has[0][0] && !v.has[0][1] && !v.has[0][2] && !v.has[0][3] && v.amounts[0][0] == 0,
	   "a line without amounts: none, and 0");
	ok(v.has[1][0] && v.amounts[1][0] == 123456 && !v.has[1][1] && v.amounts[1][1] == 0 &&
		   v.has[1][2] && v.amounts[1][2] == -5 && !v.has[1][3],
	   "amounts by year, absent years absent");
	ok(v.has[2][0] && v.amounts[2][0] == 250000000000LL && v.has[2][3] && v.amounts[2][3] == 1 &&
		   v.dir[2] == BL_DIR_INCOME,
	   "an income line with its amounts (a large one exact)");

	memset(&v, 0, sizeof v);
	ok(bl_store_goal_lines_each(s, g2, "adopted", collect, &v, &e) == 0, "another version");
	ok(v.n == 3 && !v.has[0][1] && v.has[1][1] && v.amounts[1][1] == 42 && !v.has[1][0] && !v.has[2][0],
	   "has that version's amounts only");

	memset(&v, 0, sizeof v);
	ok(bl_store_goal_lines_each(s, g3, "proposal", collect, &v, &e) == 0 && v.n == 0,
	   "a goal without lines: no callback");

	memset(&v, 0, sizeof v);
	v.stop_after = 2;
	is_int(bl_store_goal_lines_each(s, g2, "proposal", collect, &v, &e), 7,
	       "the callback's non-zero is returned");
	is_int(v.n, 2, "and it stops there");

	memset(&v, 0, sizeof v);
	v.s = s;
	ok(bl_store_goal_lines_each(s, g1, "proposal", collect, &v, &e) == 0 && v.n == 1 && v.reread_ok,
	   "the callback may call the store");

	memset(&v, 0, sizeof v);
	is_int(bl_store_goal_lines_each(s, 999, "proposal", collect, &v, &e), -1, "an unknown goal is refused");
	like(e.msg, "no goal with id 999", "and named");
	is_int(bl_store_goal_lines_each(s, g2, "draft", collect, &v, &e), -1, "an unknown version is refused");
	like(e.msg, "'draft' is not a budget version", "and named");
	like(e.msg, "proposal", "with the valid keys");
	is_int(bl_store_goal_lines_each(s, g2, "proposal", NULL, NULL, &e), -1, "no callback is refused");
	is_int(v.n, 0, "no line was seen in any refusal");

	/* Deleting a line takes its links (and the counts follow). */
	ok(bl_store_line_delete(s, l1, &e) == 0, "delete a line");
	bl_store_goal_unlink(s, g1, l7, &e);
	ok(bl_store_goal_line_counts(s, &c, &n, &e) == 0 && n == 1 && c[0].goal_id == g2 && c[0].n == 2,
	   "counts after a deleted line and an unlink");
	free(c);
	(void)l9;

	/* Read-only: the projected screen's connection. */
	bl_store_close(s);
	bl_store *ro = NULL;
	ok(bl_store_open(tu_path("g.budgetlab"), true, &ro, &e) == 0, "open read-only");
	memset(&v, 0, sizeof v);
	ok(ro && bl_store_goal_lines_each(ro, g2, "proposal", collect, &v, &e) == 0 && v.n == 2,
	   "the lines of a goal read-only");
	ok(ro && bl_store_goal_line_counts(ro, &c, &n, &e) == 0 && n == 1, "the counts read-only");
	free(c);
	bl_store_close(ro);
	tu_cleanup();
	return tap_done();
}
