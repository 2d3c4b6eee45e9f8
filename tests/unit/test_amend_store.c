/* test_amend_store.c: versions, amendments, decisions and the hearing
 * register in the store (store/amend_store.h, store/hearing_store.h):
 * freezing, the triggers that keep frozen and derived versions and
 * decided amendments as they are, the adopted version computed after
 * every decision, refusals that change nothing, the accepted deficit and
 * the gates that read them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/gates.h"
#include "core/process.h"
#include "store/amend_store.h"
#include "store/hearing_store.h"
#include "store_util.h"
#include "tap.h"

static bl_err e;
static bl_store *s;
static int64_t l_tax, l_school, l_build;

static bl_money amount_of(const char *version, int64_t line, int year, bool *has)
{
	bl_money a[4] = { 0 };
	bool h[4] = { false };
	if (bl_store_line_amounts(s, line, version, a, h, 4, &e) != 0)
		diag("amounts: %s", e.msg);
	if (has)
		*has = h[year - 2028];
	return a[year - 2028];
}

static bl_amend_change set_ch(const char *code, int year, bl_money v)
{
	bl_amend_change c = { 0 };
	c.ch.kind = BL_CHANGE_SET;
	c.code = (char *)code;
	c.ch.code = code;
	c.ch.year = year;
	c.ch.amount = v;
	return c;
}

static bl_amend_change delta_ch(const char *code, int year, bl_money v)
{
	bl_amend_change c = set_ch(code, year, v);
	c.ch.kind = BL_CHANGE_ADD_DELTA;
	return c;
}

static bl_amend_change remove_ch(const char *code)
{
	bl_amend_change c = { 0 };
	c.ch.kind = BL_CHANGE_REMOVE_LINE;
	c.code = (char *)code;
	c.ch.code = code;
	return c;
}

static bl_amend_rec rec(const char *title, bl_amend_change *ch, size_t n)
{
	bl_amend_rec a = { 0 };
	a.title = (char *)title;
	a.party = (char *)"Socialdemokratiet";
	a.changes = ch;
	a.n_changes = n;
	a.tabled = bl_date_from_ymd(2027, 9, 28);
	return a;
}

/* add must be refused with a message containing want, and write nothing. */
static void refused_add(const bl_amend_rec *a, const char *want, const char *name)
{
	int64_t j = tu_journal(s), n;
	e.msg[0] = '\0';
	ok(bl_store_amendment_add(s, a, &n, &e) != 0, "refused: %s", name);
	like(e.msg, want, "  saying: %s", want);
	is_int(tu_journal(s), j, "  and nothing was written");
}

static void test_versions(void)
{
	bool frozen = true;
	const char *wv0;
	ok(bl_store_working_version(s, &wv0, &e) == 0 && strcmp(wv0, "proposal") == 0,
	   "before the first reading the budget is the proposal");
	bl_amend_change c = delta_ch("3.22.01", 2028, 1);
	bl_amend_rec a = rec("For tidligt", &c, 1);
	refused_add(&a, "not frozen yet", "an amendment before the first reading");
	ok(bl_store_first_reading_frozen(s, &frozen, &e) == 0 && !frozen, "first_reading is not frozen");

	ok(bl_store_version_freeze(s, "hearing", &e) == 0, "freeze the first-reading version");
	ok(bl_store_first_reading_frozen(s, &frozen, &e) == 0 && frozen, "now it is");
	ok(amount_of("first_reading", l_school, 2029, NULL) == 124000000, "the proposal was copied");
	ok(amount_of("adopted", l_school, 2029, NULL) == 124000000, "and adopted derived from it");

	bl_version_state *v;
	size_t n;
	ok(bl_store_versions(s, &v, &n, &e) == 0 && n == 3, "three versions");
	if (n == 3) {
		ok(v[0].frozen && v[1].frozen && !v[1].derived && v[2].frozen && v[2].derived,
		   "proposal and first_reading frozen, adopted derived");
		is_int(v[1].n_amounts, 13, "first_reading has 13 amounts");
		is_str(v[1].frozen_phase, "hearing", "frozen on entering 'hearing'");
	}
	bl_version_states_free(v, n);

	int64_t j = tu_journal(s);
	ok(bl_store_amount_set(s, l_school, "first_reading", 2028, 1, &e) != 0,
	   "a frozen version's amount cannot be set");
	like(e.msg, "frozen", "  saying it is frozen");
	like(e.msg, "amendment", "  and how to change it");
	ok(bl_store_amount_set(s, l_school, "adopted", 2028, 1, &e) != 0,
	   "the adopted version cannot be set");
	like(e.msg, "derived", "  saying it is derived");
	ok(bl_store_line_delete(s, l_build, &e) != 0, "a line of a frozen version cannot be deleted");
	is_int(tu_journal(s), j, "nothing was written");
	ok(bl_store_amount_set(s, l_school, "proposal", 2028, 123000001, &e) != 0,
	   "the proposal is frozen with it");
	like(e.msg, "the proposal version was frozen", "  saying so");
	const char *wv;
	ok(bl_store_working_version(s, &wv, &e) == 0 && strcmp(wv, "adopted") == 0,
	   "the budget is now the adopted version");
	bl_line l;
	ok(bl_store_line_find(s, "3.22.01", &l, &e) == 0, "find a line");
	l.dir = BL_DIR_INCOME;
	ok(bl_store_line_update(s, &l, &e) != 0, "turning a frozen line into income is refused");
	like(e.msg, "frozen", "  as frozen");
	l.dir = BL_DIR_EXPENSE;
	int64_t old_area = l.area_id;
	l.area_id = tu_area(s, 0, "KFU");
	ok(bl_store_line_update(s, &l, &e) != 0, "moving it to another area is refused");
	like(e.msg, "frozen", "  as frozen");
	l.area_id = old_area;
	free(l.code);
	l.code = tu_strdup("3.22.99");
	ok(bl_store_line_update(s, &l, &e) != 0, "and so is a new code");
	free(l.code);
	l.code = tu_strdup("3.22.01");
	free(l.title);
	l.title = tu_strdup("Folkeskoler i alt");
	ok(bl_store_line_update(s, &l, &e) == 0, "its title may be mended");
	bl_line_clear(&l);
	ok(bl_store_version_freeze(s, "hearing", &e) != 0, "freezing twice is refused");
	like(e.msg, "frozen already", "  saying so");

	bl_bulk *b;
	ok(bl_store_bulk_begin(s, "first_reading", "test", &b, &e) != 0,
	   "a bulk load into the frozen version is refused");
	like(e.msg, "frozen", "  as frozen");
	ok(bl_store_bulk_begin(s, "adopted", "test", &b, &e) != 0, "and into the derived one");
	ok(bl_store_bulk_begin(s, "proposal", "test", &b, &e) != 0, "and into the proposal, once read");
	char msg[256];
	ok(tu_exec(tu_path("a.budgetlab"), "DELETE FROM version_freeze", msg, sizeof msg) != 0,
	   "a raw connection cannot unfreeze");
}

static void test_refusals(void)
{
	bl_amend_change c = delta_ch("9.99.99", 2028, 1);
	bl_amend_rec a = rec("Ukendt linje", &c, 1);
	refused_add(&a, "there is no line '9.99.99'", "a line that does not exist");
	c = delta_ch("3.22.01", 2035, 1);
	refused_add(&a, "the year 2035 is outside", "a year outside the process");
	c = set_ch("7.68.90", 2028, BL_MONEY_MAX);
	bl_amend_change two[2] = { c, set_ch("7.68.91", 2028, BL_MONEY_MAX) };
	a = rec("For meget", two, 2);
	refused_add(&a, "2028", "a change whose total would overflow");
	c = delta_ch("3.22.01", 2028, BL_MONEY_MAX);
	a = rec("Overløb", &c, 1);
	refused_add(&a, "3.22.01", "a delta that overflows the amount");
	a = rec("   ", &c, 1);
	c = delta_ch("3.22.01", 2028, 1);
	refused_add(&a, "needs a title", "a blank title");
	a = rec("Intet", NULL, 0);
	refused_add(&a, "changes nothing", "no change");
	bl_amend_change twice[2] = { set_ch("3.22.01", 2028, 1000), set_ch("3.22.01", 2028, 2000) };
	a = rec("To beløb", twice, 2);
	refused_add(&a, "is set by change 1 already", "two amounts for one line and year");
	a = rec("Under", &c, 1);
	a.parent = 42;
	refused_add(&a, "there is no amendment 42", "a parent that does not exist");
	bl_amend_change nl = { 0 };
	nl.ch.kind = BL_CHANGE_NEW_LINE;
	nl.code = (char *)"3.22.01";
	nl.ch.code = nl.code;
	nl.title = (char *)"Ny";
	nl.area = (char *)"BSU";
	nl.ch.has[0] = true;
	nl.ch.amounts[0] = 5;
	a = rec("Dublet", &nl, 1);
	refused_add(&a, "in the first-reading version already", "a new line with a code in use");
	nl.code = (char *)"5.00.01";
	nl.ch.code = nl.code;
	nl.area = (char *)"NOPE";
	refused_add(&a, "NOPE", "a new line in an area that does not exist");
}

static int64_t table(bl_amend_rec *a, const char *name)
{
	int64_t n = 0;
	if (!ok(bl_store_amendment_add(s, a, &n, &e) == 0, "table: %s", name))
		diag("%s", e.msg);
	return n;
}

static void test_decisions(void)
{
	/* 1: more for schools in 2028; 2: a sub-amendment of 1 that halves
	 * it; 3: remove the building line; 4: change the building line in
	 * 2029 (conflicts with 3); 5: a new line. */
	bl_amend_change c1[2] = { delta_ch("3.22.01", 2028, 2000000), set_ch("3.22.01", 2031, 130000000) };
	bl_amend_rec a1 = rec("Flere lærere", c1, 2);
	a1.justification = (char *)"Mindre klasser";
	int64_t n1 = table(&a1, "amendment 1");
	is_int(n1, 1, "  numbered 1");
	bl_amend_change c2 = delta_ch("3.22.01", 2028, -1000000);
	bl_amend_rec a2 = rec("Halvdelen", &c2, 1);
	a2.parent = n1;
	a2.party = (char *)"Venstre";
	a2.late = true;
	int64_t n2 = table(&a2, "sub-amendment 2 of 1");
	bl_amend_change c3 = remove_ch("3.22.05");
	bl_amend_rec a3 = rec("Intet byggeri", &c3, 1);
	int64_t n3 = table(&a3, "amendment 3");
	bl_amend_change c4 = delta_ch("3.22.05", 2029, 500000);
	bl_amend_rec a4 = rec("Mere byggeri", &c4, 1);
	int64_t n4 = table(&a4, "amendment 4");
	bl_amend_change c5 = { 0 };
	c5.ch.kind = BL_CHANGE_NEW_LINE;
	c5.code = (char *)"3.22.09";
	c5.ch.code = c5.code;
	c5.title = (char *)"Skolehaver";
	c5.area = (char *)"BSU";
	c5.ch.dir = BL_DIR_EXPENSE;
	c5.ch.has[0] = c5.ch.has[1] = true;
	c5.ch.amounts[0] = 750000;
	c5.ch.amounts[1] = 800000;
	bl_amend_rec a5 = rec("Skolehaver", &c5, 1);
	int64_t n5 = table(&a5, "amendment 5, a new line");

	bl_amend_rec sub = rec("Under under", &c2, 1);
	sub.parent = n2;
	refused_add(&sub, "itself a sub-amendment", "a sub-amendment of a sub-amendment");
	bl_amend_rec dup = rec("Samme nummer", &c2, 1);
	dup.number = n1;
	refused_add(&dup, "there is an amendment 1 already", "a number in use");

	bl_amend_rec got;
	ok(bl_store_amendment_get(s, n2, &got, &e) == 0 && got.parent == n1 && got.late &&
		   got.n_changes == 1 && got.changes[0].ch.amount == -1000000,
	   "amendment 2 reads back as tabled");
	bl_amend_rec_clear(&got);

	int64_t *und;
	size_t nu;
	int64_t total;
	ok(bl_store_amendments_undecided(s, &und, &nu, &total, &e) == 0 && nu == 5 && total == 5,
	   "five undecided");
	free(und);
	char why[512];
	bl_gate_ref g = { .kind = bl_gate_kind_find("every_amendment_decided") };
	bl_process_def *d = tu_def();
	ok(g.kind && bl_gate_eval(&d->phases[3], &g, &bl_store_facts_ops, s, why, sizeof why, &e) == 0,
	   "the gate every_amendment_decided fails");
	like(why, "5 of 5 amendments are not decided: 1, 2, 3, 4, 5", "  naming them");

	/* Correcting an undecided amendment. */
	a4.title = (char *)"Mere byggeri i 2029";
	a4.number = n4;
	ok(bl_store_amendment_update(s, &a4, &e) == 0, "an undecided amendment can be corrected");

	/* Decisions while the phase locks amounts are refused. */
	int64_t j = tu_journal(s);
	ok(bl_store_amendment_decide(s, n2, BL_ADOPTED, "15 for, 12 against", &e) == 0,
	   "adopt sub-amendment 2 (before its parent, as councils vote)");
	ok(amount_of("adopted", l_school, 2028, NULL) == 123000000,
	   "  the adopted version waits for the parent");
	ok(bl_store_amendment_decide(s, n1, BL_ADOPTED, NULL, &e) == 0, "adopt amendment 1");
	is_int(amount_of("adopted", l_school, 2028, NULL), 123000000 + 2000000 - 1000000,
	       "  2028: first reading + 1 + its sub-amendment");
	is_int(amount_of("adopted", l_school, 2031, NULL), 130000000, "  2031: set by 1");
	is_int(amount_of("first_reading", l_school, 2028, NULL), 123000000,
	       "  the first-reading version is unchanged");
	ok(tu_journal(s) > j, "  journalled");
	ok(bl_store_amendment_decide(s, n1, BL_REJECTED, NULL, &e) != 0, "deciding twice is refused");
	like(e.msg, "amendment 1 was already adopted on 2027-", "  naming the first decision");
	like(e.msg, "by tester", "  and who made it");
	ok(bl_store_amendment_decide(s, 99, BL_ADOPTED, NULL, &e) != 0, "an unknown amendment");
	like(e.msg, "there is no amendment 99", "  says so");
	ok(bl_store_amendment_decide(s, n3, BL_UNDECIDED, NULL, &e) != 0, "undecided is no decision");
	a1.number = n1;
	ok(bl_store_amendment_update(s, &a1, &e) != 0, "a decided amendment cannot be corrected");
	like(e.msg, "already adopted", "  saying so");
	char msg[256];
	ok(tu_exec(tu_path("a.budgetlab"), "UPDATE amendment SET title = 'x' WHERE number = 1", msg,
		   sizeof msg) != 0,
	   "nor changed by a raw connection");
	ok(tu_exec(tu_path("a.budgetlab"), "DELETE FROM amendment_change WHERE amendment = 1", msg,
		   sizeof msg) != 0,
	   "nor its changes");

	ok(bl_store_amendment_decide(s, n3, BL_ADOPTED, NULL, &e) == 0, "adopt 3: remove a line");
	bool has = true;
	amount_of("adopted", l_build, 2029, &has);
	ok(!has, "  the line has no amount in the adopted version");
	j = tu_journal(s);
	ok(bl_store_amendment_decide(s, n4, BL_ADOPTED, NULL, &e) != 0,
	   "adopting 4, which changes the removed line, is refused");
	like(e.msg, "3.22.05", "  naming the line");
	is_int(tu_journal(s), j, "  and nothing changed");
	ok(bl_store_amendment_get(s, n4, &got, &e) == 0 && got.decision == BL_UNDECIDED,
	   "  4 is still undecided");
	bl_amend_rec_clear(&got);
	ok(bl_store_amendment_decide(s, n4, BL_REJECTED, "enstemmigt", &e) == 0, "reject 4");
	ok(bl_store_amendment_decide(s, n5, BL_ADOPTED, NULL, &e) == 0, "adopt 5: a new line");
	bl_line nl;
	ok(bl_store_line_find(s, "3.22.09", &nl, &e) == 0, "  the new line exists");
	is_int(amount_of("adopted", nl.id, 2029, NULL), 800000, "  with its amount in adopted");
	amount_of("first_reading", nl.id, 2028, &has);
	ok(!has, "  and none in the first reading");
	bl_line_clear(&nl);

	bl_amend_budget ad;
	bl_amend_source *src;
	ok(bl_store_adopted_compute(s, &ad, &src, &e) == 0, "compute the adopted version");
	const bl_amend_source *so = bl_amend_source_find(src, "3.22.01", 2028);
	ok(so && so->n_numbers == 2 && so->numbers[0] == 1 && so->numbers[1] == 2,
	   "  3.22.01 in 2028 was changed by 1 and 2");
	bl_amend_sources_free(src);
	bl_amend_budget_free(&ad);

	ok(bl_gate_eval(&d->phases[3], &g, &bl_store_facts_ops, s, why, sizeof why, &e) == 1,
	   "every amendment is decided now");
	like(why, "all 5 amendments are decided", "  says the gate");
	bl_process_def_free(d);
}

static void test_lapse(void)
{
	/* A new database, the sub-amendment adopted and its parent rejected. */
	bl_amend_change c = delta_ch("3.22.01", 2028, 100);
	bl_amend_rec p = rec("Forælder", &c, 1);
	int64_t np = table(&p, "a parent in b");
	bl_amend_change c2 = delta_ch("3.22.01", 2028, 50);
	bl_amend_rec sub = rec("Barn", &c2, 1);
	sub.parent = np;
	int64_t ns = table(&sub, "its sub-amendment");
	ok(bl_store_amendment_decide(s, ns, BL_ADOPTED, NULL, &e) == 0 &&
		   bl_store_amendment_decide(s, np, BL_REJECTED, NULL, &e) == 0,
	   "sub adopted, parent rejected");
	bl_amend_rec got;
	ok(bl_store_amendment_get(s, ns, &got, &e) == 0 && got.lapsed, "the sub-amendment lapsed");
	bl_amend_rec_clear(&got);
	is_int(amount_of("adopted", l_school, 2028, NULL), 123000000, "and changed nothing");
}

static void test_deficit(void)
{
	bl_money acc[4];
	bool has = true;
	char *reason = NULL;
	ok(bl_store_deficit_accepted(s, "adopted", &has, acc, &reason, &e) == 0 && !has,
	   "no deficit accepted yet");
	ok(bl_store_deficit_accept(s, "adopted", " ", &e) != 0, "a blank reason is refused");
	ok(bl_store_deficit_accept(s, "adopted", "Anlægsløft", &e) == 0, "accept the deficit");
	ok(bl_store_deficit_accepted(s, "adopted", &has, acc, &reason, &e) == 0 && has &&
		   reason && strcmp(reason, "Anlægsløft") == 0,
	   "read back with its reason");
	free(reason);
	bl_money inc[4], exp[4];
	bl_store_year_totals(s, "adopted", inc, exp, &e);
	ok(acc[0] == 0, "2028 balances: nothing accepted for it");
	is_int(acc[1], exp[1] - inc[1], "2029: the deficit as it was");
	char why[512];
	bl_gate_ref g = { .kind = bl_gate_kind_find("balances_or_deficit_accepted") };
	g.args[0].set = true;
	g.args[0].s = (char *)"adopted";
	bl_process_def *d = tu_def();
	ok(bl_gate_eval(&d->phases[3], &g, &bl_store_facts_ops, s, why, sizeof why, &e) == 1,
	   "the gate passes with the deficit accepted");
	bl_amend_change c = delta_ch("3.22.01", 2029, 1000);
	bl_amend_rec a = rec("Lidt mere", &c, 1);
	int64_t n = table(&a, "an amendment that adds to the deficit");
	ok(bl_store_amendment_decide(s, n, BL_ADOPTED, NULL, &e) == 0, "adopted");
	ok(bl_gate_eval(&d->phases[3], &g, &bl_store_facts_ops, s, why, sizeof why, &e) == 0,
	   "now the deficit is larger than accepted: the gate fails");
	like(why, "more than the", "  saying so");
	bl_process_def_free(d);
}

static void test_hearing(void)
{
	char *lines[] = { (char *)"3.22.01", (char *)"3.22.05" };
	char *areas[] = { (char *)"BSU" };
	bl_response r = { 0 };
	r.sender = (char *)"Anna Jensen";
	r.org_type = (char *)"citizen";
	r.received = bl_date_from_ymd(2027, 9, 15);
	r.position = BL_POS_AGAINST;
	r.lines = lines;
	r.n_lines = 2;
	r.areas = areas;
	r.n_areas = 1;
	int64_t n;
	ok(bl_store_response_add(s, &r, &n, &e) == 0 && n == 1, "register response 1");
	ok(tu_int(tu_path("a.budgetlab"),
		  "SELECT count(*) FROM journal WHERE after LIKE '%Anna%' OR before LIKE '%Anna%'") == 0,
	   "the journal never names the sender");
	int64_t j = tu_journal(s);
	char *bad[] = { (char *)"9.99" };
	r.lines = bad;
	r.n_lines = 1;
	ok(bl_store_response_add(s, &r, &n, &e) != 0, "a line that does not exist is refused");
	like(e.msg, "'9.99', which is not in the budget", "  naming it");
	char *twice[] = { (char *)"3.22.01", (char *)"3.22.01" };
	r.lines = twice;
	r.n_lines = 2;
	ok(bl_store_response_add(s, &r, &n, &e) != 0, "a line named twice is refused");
	r.n_lines = 0;
	char *noarea[] = { (char *)"NOPE" };
	r.areas = noarea;
	ok(bl_store_response_add(s, &r, &n, &e) != 0, "an unknown area is refused");
	r.areas = areas;
	r.sender = (char *)"  ";
	ok(bl_store_response_add(s, &r, &n, &e) != 0, "a blank sender is refused");
	like(e.msg, "sender", "  naming the field");
	is_int(tu_journal(s), j, "nothing was written");
	r.sender = (char *)"Skolebestyrelsen";
	r.org_type = (char *)"council";
	r.consent = true;
	r.position = BL_POS_CHANGE;
	r.late = true;
	char *area_code[] = { (char *)"BSU.01" };
	r.areas = area_code;
	ok(bl_store_response_add(s, &r, &n, &e) == 0 && n == 2, "register response 2");
	bl_response got;
	ok(bl_store_response_get(s, 2, &got, &e) == 0 && got.n_areas == 1 &&
		   strcmp(got.areas[0], "BSU/BSU.01") == 0 && got.late && got.consent,
	   "an area by its code is kept by its path");
	bl_response_clear(&got);
	int64_t *unc;
	size_t nu;
	int64_t total;
	ok(bl_store_responses_uncommented(s, &unc, &nu, &total, &e) == 0 && nu == 2 && total == 2,
	   "two without a comment");
	free(unc);
	ok(bl_store_response_comment(s, 1, "Indgår i 2. behandling", &e) == 0, "comment on 1");
	ok(bl_store_response_comment(s, 7, "x", &e) != 0, "comment on an unknown response");
	like(e.msg, "there is no response 7", "  says so");
	ok(bl_store_responses_uncommented(s, &unc, &nu, &total, &e) == 0 && nu == 1 && unc[0] == 2,
	   "only 2 is left");
	free(unc);
	r.number = 2;
	r.text = (char *)"Vi foreslår ...";
	r.n_areas = 0;
	ok(bl_store_response_update(s, &r, &e) == 0, "correct response 2");
	ok(bl_store_response_get(s, 2, &got, &e) == 0 && got.n_areas == 0 && got.text,
	   "  read back corrected");
	bl_response_clear(&got);
	bl_response *all;
	size_t na;
	ok(bl_store_responses(s, &all, &na, &e) == 0 && na == 2 && all[0].n_lines == 2 &&
		   strcmp(all[0].comment, "Indgår i 2. behandling") == 0,
	   "the register in number order");
	bl_responses_free(all, na);
	ok(bl_store_response_delete(s, 2, &e) == 0, "delete response 2");
	ok(bl_store_response_get(s, 2, &got, &e) != 0, "  gone");
	r.number = 0;
	ok(bl_store_response_add(s, &r, &n, &e) == 0 && n == 3,
	   "the next response takes 3, not the deleted one's number");
	r.number = 2;
	ok(bl_store_response_add(s, &r, &n, &e) != 0, "nor can 2 be given again");
	like(e.msg, "deleted before", "  saying why");
	ok(bl_store_response_comment(s, 3, "Noteret", &e) == 0, "comment on 3");
	char why[512];
	bl_gate_ref g = { .kind = bl_gate_kind_find("every_response_commented") };
	bl_process_def *d = tu_def();
	ok(bl_gate_eval(&d->phases[3], &g, &bl_store_facts_ops, s, why, sizeof why, &e) == 1,
	   "every response has a comment now");
	bl_process_def_free(d);
}

static void setup(const char *name)
{
	s = tu_create(name);
	bl_store_set_actor(s, "tester");
	int64_t oeu = tu_area(s, 0, "ØU"), bsu = tu_area(s, 0, "BSU");
	int64_t sk = tu_area(s, bsu, "BSU.01");
	l_tax = tu_line(s, "7.68.90", oeu, BL_DIR_INCOME);
	int64_t l_tax2 = tu_line(s, "7.68.91", oeu, BL_DIR_INCOME);
	l_school = tu_line(s, "3.22.01", sk, BL_DIR_EXPENSE);
	l_build = tu_line(s, "3.22.05", sk, BL_DIR_EXPENSE);
	for (int y = 2028; y <= 2031; y++) {
		tu_set(s, l_tax, y, 100000000);
		tu_set(s, l_school, y, 123000000 + (y - 2028) * 1000000);
		tu_set(s, l_build, y, 4000000);
	}
	tu_set(s, l_tax2, 2028, BL_MONEY_MAX - 200000000);
}

int main(void)
{
	tu_init();
	setenv("BUDGETLAB_NOW", "2027-10-04T10:00:00Z", 1);
	s = tu_create("empty.budgetlab");
	ok(bl_store_version_freeze(s, "hearing", &e) != 0, "an empty proposal cannot be frozen");
	like(e.msg, "no amounts to freeze", "  saying so");
	bl_store_close(s);

	setup("a.budgetlab");
	test_versions();
	test_refusals();
	test_decisions();
	test_hearing();
	ok(tu_totals_match(s, tu_path("a.budgetlab")), "the totals match the amounts");
	bl_store_close(s);

	setup("b.budgetlab");
	ok(bl_store_version_freeze(s, "hearing", &e) == 0, "freeze b");
	test_lapse();
	test_deficit();
	/* A phase that locks amounts holds decisions too. */
	bl_amend_change c = delta_ch("3.22.01", 2028, 1);
	bl_amend_rec a = rec("Låst", &c, 1);
	int64_t n = table(&a, "an amendment to decide while locked");
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) == 0, "enter 'goals', which locks amounts");
	ok(bl_store_amendment_decide(s, n, BL_ADOPTED, NULL, &e) != 0, "a decision is refused");
	like(e.msg, "locked", "  by the lock");
	bl_store_close(s);
	tu_cleanup();
	return tap_done();
}
