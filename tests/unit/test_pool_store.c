/* test_pool_store.c: development pools in the store (store/pool_store.h)
 * and the rules the database itself keeps (schema 8): every path that
 * could overspend a pool, pay for a kind it does not take, or move its
 * money -- the store's functions, SQL on the store's own connection (as
 * any code of ours could write), SQL on a plain connection (the sqlite3
 * shell), a bulk load (the importer), and the freeze that makes the
 * adopted version the working one -- is refused with nothing changed.
 * What is left per year is checked against sums made here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/amend_store.h"
#include "store/pool_store.h"
#include "store/store_internal.h"
#include "store_util.h"
#include "tap.h"

static bl_err e;

/* SQL on the store's connection: the functions the triggers call are
 * there, so only the rules can refuse.  Returns SQLite's code; the
 * message in e. */
static int own_sql(bl_store *s, const char *sql)
{
	char *m = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &m);
	snprintf(e.msg, sizeof e.msg, "%s", m ? m : "");
	sqlite3_free(m);
	return rc;
}

static bl_money left(bl_store *s, const char *pool, int i)
{
	bl_pool_money m;
	if (bl_store_pool_money(s, pool, &m, &e) != 0) {
		diag("money: %s", e.msg);
		return -1;
	}
	return m.left[i];
}

int main(void)
{
	tu_init();
	bl_store *s = tu_create("p.budgetlab");
	const char *path = tu_path("p.budgetlab");
	int64_t area = tu_area(s, 0, "ØU");
	int64_t pl = tu_line(s, "6.52.76", area, BL_DIR_EXPENSE);
	int64_t other = tu_line(s, "6.52.77", area, BL_DIR_EXPENSE);
	int64_t inc = tu_line(s, "7.00.01", area, BL_DIR_INCOME);
	for (int y = 2028; y <= 2031; y++) {
		tu_set(s, pl, y, 100000);
		tu_set(s, other, y, 5000);
	}
	tu_set(s, inc, 2028, 1);

	/* ---- kinds ---- */
	unsigned mask;
	ok(bl_pool_kinds_parse("development, capital", &mask, &e) == 0 &&
		   mask == (BL_POOL_DEVELOPMENT | BL_POOL_CAPITAL),
	   "kinds: a list with a blank");
	ok(bl_pool_kinds_parse("udvikling,anlæg", &mask, &e) == 0 &&
		   mask == (BL_POOL_DEVELOPMENT | BL_POOL_CAPITAL),
	   "kinds: the Danish words");
	ok(bl_pool_kinds_parse("development,,capital", &mask, &e) != 0, "kinds: an empty item");
	ok(bl_pool_kinds_parse("", &mask, &e) != 0, "kinds: nothing");
	ok(bl_pool_kinds_parse("leg", &mask, &e) != 0, "kinds: an unknown word");
	like(e.msg, "'leg' is not a kind of project", "  named");
	char kt[64];
	bl_pool_kinds_text(BL_POOL_OPERATION | BL_POOL_DEVELOPMENT, kt, sizeof kt);
	is_str(kt, "development,operation", "kinds: the canonical text");

	/* ---- pools ---- */
	bl_pool_rec p = { 0 };
	p.key = (char *)"u";
	p.name = (char *)"Udviklingspulje";
	p.line_code = (char *)"6.52.76";
	p.kinds = BL_POOL_DEVELOPMENT;
	p.has_max = true;
	p.max_per_project = 150000;
	p.carry_over = false;
	int64_t j = tu_journal(s);
	p.line_code = (char *)"7.00.01";
	ok(bl_store_pool_add(s, &p, &e) != 0, "a pool on an income line is refused");
	like(e.msg, "is income", "  saying so");
	p.line_code = (char *)"9.99";
	ok(bl_store_pool_add(s, &p, &e) != 0, "a pool on no line is refused");
	p.line_code = (char *)"6.52.76";
	p.key = (char *)"Ü";
	ok(bl_store_pool_add(s, &p, &e) != 0, "a key with a capital ü is refused");
	p.key = (char *)"u";
	p.kinds = 0;
	ok(bl_store_pool_add(s, &p, &e) != 0, "a pool that takes nothing is refused");
	p.kinds = BL_POOL_DEVELOPMENT;
	int64_t g99 = 99;
	p.goals = &g99;
	p.n_goals = 1;
	ok(bl_store_pool_add(s, &p, &e) != 0, "a goal that does not exist is refused");
	p.goals = NULL;
	p.n_goals = 0;
	is_int(tu_journal(s), j, "  nothing written by the refusals");
	ok(bl_store_pool_add(s, &p, &e) == 0, "pool u on 6.52.76");
	ok(bl_store_pool_add(s, &p, &e) != 0, "its key again is refused");
	p.key = (char *)"v";
	ok(bl_store_pool_add(s, &p, &e) != 0, "a second pool on the line is refused");
	like(e.msg, "carries development pool 'u' already", "  naming the first");
	/* An insert that bypasses the store's checks meets the trigger. */
	ok(own_sql(s, "INSERT INTO pool (key, name, line_id, kinds, carry_over) VALUES"
		      " ('w', 'W', (SELECT id FROM line WHERE code = '7.00.01'), 'development', 0)") !=
		   SQLITE_OK,
	   "SQL: a pool on an income line is refused by the database");
	like(e.msg, "must be an expense", "  with the rule's message");

	/* ---- projects and grants ---- */
	bl_pool_project a;
	memset(&a, 0, sizeof a);
	a.title = (char *)"Grønne gårde";
	a.kind = BL_POOL_DEVELOPMENT;
	snprintf(a.applied, sizeof a.applied, "2028-01-10");
	a.n_years = 4;
	a.asked[0] = 90000;
	a.asked[1] = 20000;
	int64_t n1, n2, n3;
	char warn[200];
	ok(bl_store_pool_project_add(s, "u", &a, &n1, warn, sizeof warn, &e) == 0 && n1 == 1,
	   "project 1 applies");
	is_str(warn, "", "  without a warning");
	a.title = (char *)"Kantine";
	a.kind = BL_POOL_OPERATION;
	ok(bl_store_pool_project_add(s, "u", &a, &n2, warn, sizeof warn, &e) == 0 && n2 == 2,
	   "project 2, an operating one, applies");
	like(warn, "never granted", "  with a warning");
	a.kind = BL_POOL_DEVELOPMENT;
	a.title = (char *)"Tredje";
	ok(bl_store_pool_project_add(s, "u", &a, &n3, NULL, 0, &e) == 0 && n3 == 3, "project 3");
	a.title = (char *)" ";
	ok(bl_store_pool_project_add(s, "u", &a, NULL, NULL, 0, &e) != 0, "a blank title is refused");
	a.title = (char *)"X";
	snprintf(a.applied, sizeof a.applied, "2028-13-01");
	ok(bl_store_pool_project_add(s, "u", &a, NULL, NULL, 0, &e) != 0, "a bad date is refused");
	snprintf(a.applied, sizeof a.applied, "2028-01-10");
	a.pillars.has[0] = true;
	a.pillars.score[0] = 3;
	ok(bl_store_pool_project_add(s, "u", &a, NULL, NULL, 0, &e) != 0, "a score of 3 is refused");
	a.pillars.has[0] = false;
	a.asked[2] = -1;
	ok(bl_store_pool_project_add(s, "u", &a, NULL, NULL, 0, &e) != 0, "a negative ask is refused");
	a.asked[2] = 0;

	bl_money g[4] = { 90000, 0, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 1, g, 4, "ok", &e) == 0, "project 1 granted 90.000 in 2028");
	is_int(left(s, "u", 0), 10000, "  10.000 left in 2028");
	is_int(left(s, "u", 1), 100000, "  100.000 in 2029 (no carry-over)");
	j = tu_journal(s);
	bl_money g2[4] = { 20000, 0, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 3, g2, 4, NULL, &e) != 0, "20.000 more in 2028 is refused");
	like(e.msg, "would be overspent in 2028: 1.100 kr. granted against 1.000 kr.",
	     "  with both sums");
	ok(bl_store_pool_grant(s, "u", 2, g2, 4, NULL, &e) != 0, "an operating project is refused");
	like(e.msg, "may only pay for development projects", "  saying what the pool pays for");
	bl_money big[4] = { 0, 100000, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 1, (bl_money[4]){ 90000, 70000, 0, 0 }, 4, NULL, &e) != 0,
	   "160.000 in all to one project is refused (the maximum is 150.000)");
	like(e.msg, "above its maximum of 1.500 kr. per project", "  saying the maximum");
	bl_money huge[4] = { 0, BL_MONEY_MAX, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 3, huge, 4, NULL, &e) != 0, "the largest amount is refused");
	ok(bl_store_pool_grant(s, "u", 3, (bl_money[4]){ 0 }, 4, NULL, &e) != 0, "nothing at all");
	is_int(tu_journal(s), j, "  nothing written by the refusals");
	is_int(left(s, "u", 0), 10000, "  and 10.000 still left in 2028");

	/* ---- SQL on the store's own connection ---- */
	ok(own_sql(s, "UPDATE pool_amount SET granted = granted + 10001 WHERE year = 2028") !=
		   SQLITE_OK,
	   "SQL: raising a grant above the budget");
	like(e.msg, "would be overspent in 2028", "  the rule's message");
	ok(own_sql(s, "UPDATE amount SET amount = 89999 WHERE line_id ="
		      " (SELECT line_id FROM pool) AND year = 2028") != SQLITE_OK,
	   "SQL: lowering the pool's line below what is granted");
	like(e.msg, "would be overspent in 2028", "  the rule's message");
	ok(own_sql(s, "DELETE FROM amount WHERE line_id = (SELECT line_id FROM pool)") != SQLITE_OK,
	   "SQL: deleting the pool line's amounts");
	ok(own_sql(s, "UPDATE line SET direction = 'income' WHERE code = '6.52.76'") != SQLITE_OK,
	   "SQL: turning the pool line into income");
	like(e.msg, "cannot be income", "  the rule's message");
	ok(own_sql(s, "DELETE FROM line WHERE code = '6.52.76'") != SQLITE_OK,
	   "SQL: deleting the pool line");
	like(e.msg, "cannot be removed", "  the rule's message");
	ok(own_sql(s, "UPDATE pool SET line_id = (SELECT id FROM line WHERE code = '6.52.77')") !=
		   SQLITE_OK,
	   "SQL: moving the pool to a line that holds less");
	ok(own_sql(s, "UPDATE pool SET kinds = 'capital'") != SQLITE_OK,
	   "SQL: a kind rule the granted project breaks");
	ok(own_sql(s, "UPDATE pool SET max_per_project = 1") != SQLITE_OK,
	   "SQL: a maximum the granted project breaks");
	ok(own_sql(s, "UPDATE pool_project SET status = 'rejected' WHERE number = 1") != SQLITE_OK,
	   "SQL: rejecting a project that keeps its grant");
	like(e.msg, "only a granted project gets money", "  the rule's message");
	ok(own_sql(s, "UPDATE pool_project SET kind = 'operation' WHERE number = 1") != SQLITE_OK,
	   "SQL: making a granted project an operating one");
	ok(own_sql(s, "DELETE FROM pool_project WHERE number = 2") != SQLITE_OK,
	   "SQL: deleting a project");
	ok(own_sql(s, "DELETE FROM pool") != SQLITE_OK, "SQL: deleting a pool with projects");
	ok(own_sql(s, "INSERT INTO pool_amount VALUES ((SELECT id FROM pool_project WHERE number = 3),"
		      " 2029, 0, 5)") != SQLITE_OK,
	   "SQL: money for a project not granted");
	ok(own_sql(s, "INSERT INTO pool_amount VALUES ((SELECT id FROM pool_project WHERE number = 1),"
		      " 2040, 0, 5)") != SQLITE_OK,
	   "SQL: a year outside the process");
	is_int(tu_journal(s), j, "  nothing written by any of them");
	is_int(left(s, "u", 0), 10000, "  and 10.000 still left in 2028");

	/* ---- the sqlite3 shell: no budgetlab functions, still refused ---- */
	bl_store_close(s);
	char msg[256];
	ok(tu_exec(path, "UPDATE pool_amount SET granted = 1000000", msg, sizeof msg) != SQLITE_OK,
	   "a plain connection cannot raise a grant");
	ok(tu_exec(path, "UPDATE amount SET amount = 0 WHERE line_id = (SELECT line_id FROM pool)",
		   msg, sizeof msg) != SQLITE_OK,
	   "a plain connection cannot empty the pool's line");
	ok(bl_store_open(path, false, &s, &e) == 0, "reopened");
	is_int(left(s, "u", 0), 10000, "  still 10.000 left in 2028");

	/* ---- carry-over: the years so far ---- */
	p.key = (char *)"u";
	p.carry_over = true;
	p.has_max = false;
	ok(bl_store_pool_update(s, "u", &p, &e) == 0, "carry-over on, no maximum");
	is_int(left(s, "u", 1), 110000, "  2029 has its own 100.000 and 10.000 from 2028");
	bl_money c[4] = { 0, 110000, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 3, c, 4, NULL, &e) == 0, "110.000 in 2029 to project 3");
	is_int(left(s, "u", 1), 0, "  nothing left by 2029");
	is_int(left(s, "u", 3), 200000, "  200.000 by 2031");
	ok(own_sql(s, "UPDATE pool SET carry_over = 0") != SQLITE_OK,
	   "SQL: turning carry-over off when the grants need it");
	like(e.msg, "would be overspent in 2029", "  the rule's message");
	/* Moving a grant to an earlier year: the decrease is written first,
	 * so the move never looks like an overspend half-way. */
	bl_money mv[4] = { 10000, 100000, 0, 0 };
	ok(bl_store_pool_grant(s, "u", 3, mv, 4, NULL, &e) == 0,
	   "10.000 of project 3's grant moved from 2029 to 2028");
	is_int(left(s, "u", 0), 0, "  2028: nothing left");
	ok(bl_store_pool_decide(s, "u", 3, BL_PROJECT_WITHDRAWN, "trukket", &e) == 0,
	   "project 3 withdrawn");
	is_int(left(s, "u", 3), 310000, "  its money is back");
	ok(bl_store_pool_grant(s, "u", 3, mv, 4, NULL, &e) != 0, "a withdrawn project is not granted");
	bl_pool_project got;
	ok(bl_store_pool_project_get(s, "u", 3, &got, &e) == 1 &&
		   got.status == BL_PROJECT_WITHDRAWN && got.granted[1] == 0 && got.asked[0] == 90000 &&
		   !strcmp(got.note, "trukket"),
	   "project 3: withdrawn, nothing granted, its ask and the note kept");
	bl_pool_project_clear(&got);

	/* ---- a bulk load (the importer) ---- */
	bl_bulk *b;
	bl_line l = { 0, (char *)"6.52.76", (char *)"En linje", area, BL_KIND_OPERATION,
		      BL_DIR_EXPENSE, NULL };
	bl_money amounts[4] = { 50000, 100000, 100000, 100000 };
	j = tu_journal(s);
	ok(bl_store_bulk_begin(s, "proposal", "test.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0 &&
		   bl_bulk_line_put(b, &l, amounts, NULL, 4, NULL, NULL, &e) == 0,
	   "a bulk load that lowers the pool's line to 50.000 in 2028");
	ok(bl_bulk_commit(b, &e) != 0, "  is refused at its commit");
	like(e.msg, "would be overspent", "  with the rule's message");
	is_int(tu_journal(s), j, "  and nothing was written");
	is_int(left(s, "u", 0), 10000, "  the pool as it was");
	int64_t still = tu_int(path, "SELECT count(*) FROM line WHERE code = '6.52.77'");
	is_int(still, 1, "  the line the load left out is still there");
	/* A dry run checks the same, and keeps nothing either way. */
	ok(bl_store_bulk_begin(s, "proposal", "test.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0 &&
		   bl_bulk_line_put(b, &l, amounts, NULL, 4, NULL, NULL, &e) == 0,
	   "the same load as a dry run");
	ok(bl_bulk_check(b, &e) != 0, "  is refused by its check");
	like(e.msg, "would be overspent", "  with the rule's message");
	bl_bulk_abort(b);
	bl_money fine[4] = { 100000, 100000, 100000, 100000 };
	ok(bl_store_bulk_begin(s, "proposal", "test.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0 &&
		   bl_bulk_line_put(b, &l, fine, NULL, 4, NULL, NULL, &e) == 0 &&
		   bl_bulk_line_put(b, &(bl_line){ 0, (char *)"6.52.77", (char *)"En linje", area,
						   BL_KIND_OPERATION, BL_DIR_EXPENSE, NULL },
				    fine, NULL, 4, NULL, NULL, &e) == 0,
	   "a dry run that keeps the pool's money");
	ok(bl_bulk_check(b, &e) == 0, "  passes its check");
	bl_bulk_abort(b);
	is_int(tu_journal(s), j, "  and nothing was written");
	/* A load without the pool's line at all. */
	bl_line o = { 0, (char *)"6.52.77", (char *)"En linje", area, BL_KIND_OPERATION,
		      BL_DIR_EXPENSE, NULL };
	ok(bl_store_bulk_begin(s, "proposal", "test.csv", &b, &e) == 0 && bl_bulk_replace(b, &e) == 0 &&
		   bl_bulk_line_put(b, &o, amounts, NULL, 4, NULL, NULL, &e) == 0,
	   "a bulk load that leaves the pool's line out");
	ok(bl_bulk_commit(b, &e) != 0, "  is refused at its commit");
	is_int(tu_journal(s), j, "  and nothing was written");

	/* ---- the freeze makes the adopted version the pool's budget ---- */
	/* The adopted version, typed in before it is derived, holds less;
	 * freezing copies the first reading into it, so the pool holds. */
	ok(bl_store_version_freeze(s, "hearing", &e) == 0, "the first reading frozen");
	const char *wv;
	ok(bl_store_working_version(s, &wv, &e) == 0 && !strcmp(wv, "adopted"),
	   "  the working version is the adopted one");
	is_int(left(s, "u", 0), 10000, "  the pool's money is the same there");
	ok(bl_store_pools_check(s, &e) == 0, "  and its rules hold");
	(void)big;

	memset(&p, 0, sizeof p); /* it held the test's own strings */
	ok(bl_store_pool_get(s, "u", &p, &e) == 1 && p.carry_over && !p.has_max &&
		   !strcmp(p.line_code, "6.52.76"),
	   "pool_get reads it back");
	bl_pool_rec_clear(&p);
	ok(bl_store_pool_get(s, "nosuch", &p, &e) == 0, "pool_get of an unknown key: 0");
	bl_store_close(s);
	tu_cleanup();
	return tap_done();
}
