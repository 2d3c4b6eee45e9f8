/* test_vdiff.c: the diff between two budget versions (core/vdiff.c).
 *
 * Changed, added, removed, unchanged and moved lines; a year on one side
 * only; every area's and ancestor's sums and the total balance against
 * sums computed here from the input; income against expense; overflow at
 * INT64_MAX with its message; the CSV and Markdown exports byte for byte;
 * Danish notation. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vdiff.h"
#include "tap.h"

#define KR(x) ((bl_money)(x) * 100)
#define Y0 2027
#define NY 3

static bl_err E;

static const bl_vdiff_src OLD[] = {
	{ "9001", "Skatter", "SKAT", BL_DIR_INCOME, { KR(5000000), KR(5000000), KR(5000000) },
	  { true, true, true } },
	{ "1001", "Skoler, drift", "BSU/SKOLE", BL_DIR_EXPENSE,
	  { KR(1000000), KR(1000000), KR(1000000) }, { true, true, true } },
	{ "1002", "Fritidshjem", "BSU/SFO", BL_DIR_EXPENSE, { KR(50000), KR(50000), KR(50000) },
	  { true, true, true } },
	{ "1003", "Gammel ordning", "BSU/SKOLE", BL_DIR_EXPENSE, { KR(20000), KR(20000), 0 },
	  { true, true, false } },
	{ "1004", "Ændret år", "BSU/SFO", BL_DIR_EXPENSE, { KR(100), 0, 0 },
	  { true, false, false } },
	{ "1006", "Bibliotek | filial", "BSU/SFO", BL_DIR_EXPENSE, { KR(10), 0, 0 },
	  { true, false, false } },
};

static const bl_vdiff_src NEW[] = {
	{ "1001", "Skoler, drift", "BSU/SKOLE", BL_DIR_EXPENSE,
	  { KR(1000000), KR(1002500) + 50, KR(1000000) }, { true, true, true } },
	{ "1002", "Fritidshjem", "BSU/SFO", BL_DIR_EXPENSE, { KR(50000), KR(50000), KR(50000) },
	  { true, true, true } },
	{ "1004", "Ændret år", "BSU/SFO", BL_DIR_EXPENSE, { KR(100), KR(200), 0 },
	  { true, true, false } },
	{ "1005", "Sk\"ole, \"nye\" æøå", "BSU/SKOLE", BL_DIR_EXPENSE,
	  { 0, KR(300000), KR(300000) }, { false, true, true } },
	{ "1006", "Bibliotek | filial", "KUL", BL_DIR_EXPENSE, { KR(10), 0, 0 },
	  { true, false, false } },
	{ "9001", "Skatter", "SKAT", BL_DIR_INCOME, { KR(5000000), KR(5100000), KR(5000000) },
	  { true, true, true } },
};

static const bl_vdiff_cause_row CAUSE_ROWS[] = {
	{ "1001", 2028, "amendment 3" },
	{ "1005", 2028, "amendment 4, \"S\"" },
	{ "9001", 2028, "amendment 1" },
	{ "1002", 2028, "never asked: unchanged" },
};
static const bl_vdiff_causes CAUSES = { CAUSE_ROWS, sizeof CAUSE_ROWS / sizeof CAUSE_ROWS[0] };

#define N_OLD (sizeof OLD / sizeof OLD[0])
#define N_NEW (sizeof NEW / sizeof NEW[0])

static const bl_vdiff_line *find_line(const bl_vdiff *d, const char *code)
{
	for (size_t i = 0; i < d->n_lines; i++)
		if (!strcmp(d->line[i].code, code))
			return &d->line[i];
	return NULL;
}

static int compute(bl_vdiff *d, unsigned opts)
{
	bl_err_clear(&E);
	return bl_vdiff_compute(OLD, N_OLD, NEW, N_NEW, Y0, NY, bl_vdiff_cause_table,
				(void *)&CAUSES, opts, d, &E);
}

static char *capture_csv(const bl_vdiff *d, bl_vdiff_csv_what what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	int rc = bl_vdiff_write_csv(f, d, what, &E);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

static char *capture_md(const bl_vdiff *d, bl_lang lang, bl_unit unit)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	int rc = bl_vdiff_write_md(f, d, lang, unit, &E);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* ---- lines ---- */

static void test_lines(void)
{
	bl_vdiff d;
	is_int(compute(&d, 0), 0, "compute: %s", E.msg);
	is_int(d.n_lines, 6, "unchanged line 1002 left out");
	ok(!find_line(&d, "1002"), "1002 is not in the list");

	const bl_vdiff_line *l = find_line(&d, "1001");
	ok(l && l->flags == BL_VDIFF_CHANGED, "1001 changed");
	if (l) {
		is_int(l->y[0].change, 0, "1001 2027 no change");
		is_int(l->y[1].before, KR(1000000), "1001 2028 old");
		is_int(l->y[1].after, KR(1002500) + 50, "1001 2028 new");
		is_int(l->y[1].change, KR(2500) + 50, "1001 2028 change");
		is_str(l->y[1].cause, "amendment 3", "1001 2028 cause");
		ok(!l->y[0].cause && !l->y[2].cause, "no cause for an unchanged year");
	}
	l = find_line(&d, "1003");
	ok(l && l->flags == BL_VDIFF_REMOVED, "1003 removed");
	if (l) {
		ok(l->y[0].has_before && !l->y[0].has_after, "removed: old present, new absent");
		is_int(l->y[0].change, -KR(20000), "removed: change is minus the old");
		ok(!l->y[2].has_before && !l->y[2].has_after && l->y[2].change == 0,
		   "removed: a year on neither side");
		is_str(l->old_title, "Gammel ordning", "removed: the old title kept");
	}
	l = find_line(&d, "1005");
	ok(l && l->flags == BL_VDIFF_ADDED, "1005 added");
	if (l) {
		ok(!l->y[0].has_before && !l->y[0].has_after, "added: 2027 on neither side");
		ok(!l->y[1].has_before && l->y[1].has_after, "added: 2028 new only");
		is_int(l->y[1].change, KR(300000), "added: change is the new");
		is_str(l->y[1].cause, "amendment 4, \"S\"", "added: cause");
		ok(!l->old_title && !l->old_area, "added: no old title or area");
	}
	l = find_line(&d, "1004");
	ok(l && l->flags == BL_VDIFF_CHANGED, "1004: a year on one side only is a change");
	if (l) {
		ok(!bl_vdiff_cell_differs(&l->y[0]), "1004 2027 the same");
		ok(!l->y[1].has_before && l->y[1].has_after, "1004 2028 absent before");
		is_int(l->y[1].before, 0, "1004 2028 absent counts as 0");
		is_int(l->y[1].change, KR(200), "1004 2028 change");
	}
	l = find_line(&d, "1006");
	ok(l && l->flags == BL_VDIFF_MOVED, "1006 moved, amounts the same");
	if (l) {
		is_str(l->area, "KUL", "moved: the new area");
		is_str(l->old_area, "BSU/SFO", "moved: the old area");
	}
	/* Order: by area in tree order, then code. */
	static const char *const order[] = { "1004", "1001", "1003", "1005", "1006", "9001" };
	
	for (size_t i = 0; i < 6 && i < d.n_lines; i++)
		is_str(d.line[i].code, order[i], "line %zu in area and code order", i);
	bl_vdiff_free(&d);

	is_int(compute(&d, BL_VDIFF_KEEP_UNCHANGED), 0, "keep unchanged: %s", E.msg);
	is_int(d.n_lines, 7, "keep unchanged: all seven codes");
	l = find_line(&d, "1002");
	ok(l && l->flags == 0, "1002 kept, flags 0");
	if (l)
		ok(!l->y[1].cause, "an unchanged line asks for no cause");
	bl_vdiff_free(&d);
	bl_vdiff_free(&d); /* safe twice */
}

/* ---- sums ---- */

static bool under(const char *line_area, const char *path)
{
	size_t n = strlen(path);
	return !strncmp(line_area, path, n) && (line_area[n] == 0 || line_area[n] == '/');
}

/* Sums from the input, computed here without the library. */
static void expect_sums(const bl_vdiff_src *lines, size_t n, const char *path, int y,
			bl_money *inc, bl_money *exp)
{
	*inc = *exp = 0;
	for (size_t i = 0; i < n; i++) {
		if (path && !under(lines[i].area, path))
			continue;
		if (!lines[i].has[y])
			continue;
		if (lines[i].dir == BL_DIR_INCOME)
			*inc += lines[i].amount[y];
		else
			*exp += lines[i].amount[y];
	}
}

static void check_total(const bl_vdiff_total *t, const char *path, int y)
{
	bl_money ib, eb, ia, ea;
	expect_sums(OLD, N_OLD, path, y, &ib, &eb);
	expect_sums(NEW, N_NEW, path, y, &ia, &ea);
	const char *name = path ? path : "total";
	ok(t->income.before == ib && t->income.after == ia && t->income.change == ia - ib,
	   "%s %d income %lld -> %lld", name, Y0 + y, (long long)ib, (long long)ia);
	ok(t->expense.before == eb && t->expense.after == ea && t->expense.change == ea - eb,
	   "%s %d expenses %lld -> %lld", name, Y0 + y, (long long)eb, (long long)ea);
	ok(t->balance.before == ib - eb && t->balance.after == ia - ea &&
		   t->balance.change == (ia - ea) - (ib - eb),
	   "%s %d balance %lld -> %lld", name, Y0 + y, (long long)(ib - eb),
	   (long long)(ia - ea));
}

static void test_sums(void)
{
	bl_vdiff d;
	is_int(compute(&d, 0), 0, "compute: %s", E.msg);
	static const char *const paths[] = { "BSU", "BSU/SFO", "BSU/SKOLE", "KUL", "SKAT" };
	is_int(d.n_areas, 5, "five areas, the ancestor BSU among them");
	for (size_t i = 0; i < 5 && i < d.n_areas; i++)
		is_str(d.area[i].path, paths[i], "area %zu in tree order", i);
	for (size_t i = 0; i < 5; i++) {
		const bl_vdiff_area *a = bl_vdiff_find_area(&d, paths[i]);
		ok(a != NULL, "area %s found", paths[i]);
		for (int y = 0; a && y < NY; y++)
			check_total(&a->y[y], paths[i], y);
	}
	ok(!bl_vdiff_find_area(&d, "BS"), "no area BS");
	for (int y = 0; y < NY; y++)
		check_total(&d.total[y], NULL, y);
	/* By hand, 2028: income +100.000 kr., expenses +2.500,50 +200
	 * +300.000 -20.000 -10 (1006 had only 2027) ... */
	const bl_vdiff_total *t = &d.total[1];
	is_int(t->income.change, KR(100000), "2028 income change by hand");
	is_int(t->expense.change, KR(2500) + 50 + KR(200) + KR(300000) - KR(20000),
	       "2028 expense change by hand");
	is_int(t->balance.change, KR(100000) - (KR(2500) + 50 + KR(200) + KR(300000) - KR(20000)),
	       "2028 balance change by hand");
	const bl_vdiff_area *bsu = bl_vdiff_find_area(&d, "BSU");
	is_int(bsu->y[0].expense.change, -KR(20000) - KR(10),
	       "BSU 2027: 1003 removed, 1006 moved out to KUL");
	is_int(bl_vdiff_find_area(&d, "KUL")->y[0].expense.after, KR(10), "KUL 2027: 1006 moved in");
	is_int(bsu->y[0].income.before, 0, "BSU has no income");
	bl_vdiff_free(&d);

	/* A line changing direction: its amount leaves expenses, joins income. */
	bl_vdiff_src o = { "X", "x", "A", BL_DIR_EXPENSE, { KR(5) }, { true } };
	bl_vdiff_src n = o;
	n.dir = BL_DIR_INCOME;
	is_int(bl_vdiff_compute(&o, 1, &n, 1, Y0, 1, NULL, NULL, 0, &d, &E), 0, "redirect");
	is_int(d.n_lines, 1, "redirect: listed");
	is_int(d.line[0].flags, BL_VDIFF_REDIRECTED, "redirect: flag");
	is_int(d.total[0].expense.change, -KR(5), "redirect: expenses down");
	is_int(d.total[0].income.change, KR(5), "redirect: income up");
	is_int(d.total[0].balance.change, KR(10), "redirect: balance up twice");
	bl_vdiff_free(&d);

	/* Tree order: "A/B" under "A", before "A-B"; a line moved, renamed
	 * and changed at once says all three. */
	bl_vdiff_src to[2] = {
		{ "Q1", "old", "A-B", BL_DIR_EXPENSE, { KR(1) }, { true } },
		{ "Q2", "q", "A/B", BL_DIR_EXPENSE, { KR(2) }, { true } },
	};
	bl_vdiff_src tn[2] = {
		{ "Q1", "new", "A/B", BL_DIR_EXPENSE, { KR(3) }, { true } },
		{ "Q2", "q", "A/B", BL_DIR_EXPENSE, { KR(2) }, { true } },
	};
	is_int(bl_vdiff_compute(to, 2, tn, 2, Y0, 1, NULL, NULL, 0, &d, &E), 0, "tree order");
	is_int(d.n_areas, 3, "tree order: three areas");
	if (d.n_areas == 3)
		ok(!strcmp(d.area[0].path, "A") && !strcmp(d.area[1].path, "A/B") &&
			   !strcmp(d.area[2].path, "A-B"),
		   "tree order: A, A/B, A-B");
	is_int(d.n_lines, 1, "tree order: one line differs");
	is_int(d.line[0].flags, BL_VDIFF_CHANGED | BL_VDIFF_MOVED | BL_VDIFF_RETITLED,
	       "changed, moved and renamed");
	is_int(bl_vdiff_find_area(&d, "A")->y[0].expense.change, KR(3), "A gains Q1 (1 -> 3)");
	is_int(bl_vdiff_find_area(&d, "A-B")->y[0].expense.after, 0, "A-B loses Q1");
	char *csv = capture_csv(&d, BL_VDIFF_CSV_LINES);
	is_str(csv, "area,code,title,status,year,old,new,change,cause\r\n"
		    "A/B,Q1,new,changed moved retitled,2027,1,3,2,\r\n",
	       "CSV status of a line moved, renamed and changed");
	free(csv);
	char *md = capture_md(&d, BL_LANG_DA, BL_UNIT_KR);
	like(md, "| Q1 | new | changed, moved from A-B, renamed from old | 2027 | 1 | 3 | +2 |  |",
	     "Markdown status of a line moved, renamed and changed");
	free(md);
	bl_vdiff_free(&d);

	/* No lines at all. */
	is_int(bl_vdiff_compute(NULL, 0, NULL, 0, Y0, 2, NULL, NULL, 0, &d, &E), 0, "empty");
	ok(d.n_lines == 0 && d.n_areas == 0 && d.total[1].balance.after == 0, "empty: nothing");
	bl_vdiff_free(&d);
}

/* ---- overflow and bad input ---- */

static void test_errors(void)
{
	bl_vdiff d;
	bl_vdiff_src o = { "L1", "t", "A/B", BL_DIR_EXPENSE, { BL_MONEY_MIN }, { true } };
	bl_vdiff_src n = o;
	n.amount[0] = INT64_MAX;
	is_int(bl_vdiff_compute(&o, 1, &n, 1, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "change past INT64_MAX refused");
	is_str(E.msg, "line L1, year 2027: the change does not fit in an amount",
	       "change overflow message");
	ok(d.line == NULL && d.n_lines == 0, "nothing to free after a failure");

	bl_vdiff_src two[2] = {
		{ "L1", "t", "A/B", BL_DIR_EXPENSE, { 0, INT64_MAX }, { true, true } },
		{ "L2", "t", "A/C", BL_DIR_EXPENSE, { 0, 1 }, { true, true } },
	};
	is_int(bl_vdiff_compute(NULL, 0, two, 2, Y0, 2, NULL, NULL, 0, &d, &E), -1,
	       "area sum past INT64_MAX refused");
	is_str(E.msg, "area A, year 2028: the sum of the expenses in the new version does not "
		      "fit in an amount",
	       "area overflow message names the ancestor and the year");

	bl_vdiff_src three[3] = {
		{ "L1", "t", "A", BL_DIR_INCOME, { INT64_MAX }, { true } },
		{ "L2", "t", "A", BL_DIR_INCOME, { 1 }, { true } },
		{ "L3", "t", "A", BL_DIR_INCOME, { -1 }, { true } },
	};
	bl_err_clear(&E);
	is_int(bl_vdiff_compute(NULL, 0, three, 3, Y0, 1, NULL, NULL, 0, &d, &E), 0,
	       "MAX + 1 - 1 is MAX: %s", E.msg);
	is_int(d.total[0].income.after, INT64_MAX, "exact sum INT64_MAX");
	is_int(d.total[0].balance.change, INT64_MAX, "balance change INT64_MAX");
	bl_vdiff_free(&d);

	bl_vdiff_src bal[2] = {
		{ "I", "t", "A", BL_DIR_INCOME, { INT64_MAX }, { true } },
		{ "E", "t", "A", BL_DIR_EXPENSE, { -1 }, { true } },
	};
	is_int(bl_vdiff_compute(bal, 2, NULL, 0, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "balance past INT64_MAX refused");
	is_str(E.msg, "area A, year 2027: the sum of the balance in the old version does not "
		      "fit in an amount",
	       "balance overflow message");

	bl_vdiff_src top[2] = {
		{ "I", "t", NULL, BL_DIR_INCOME, { INT64_MAX }, { true } },
		{ "J", "t", "", BL_DIR_INCOME, { INT64_MAX }, { true } },
	};
	is_int(bl_vdiff_compute(top, 2, NULL, 0, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "whole budget past INT64_MAX refused");
	is_str(E.msg, "the whole budget, year 2027: the sum of the income in the old version "
		      "does not fit in an amount",
	       "whole budget overflow message");

	bl_vdiff_src chg[1] = { { "I", "t", "A", BL_DIR_INCOME, { INT64_MAX }, { true } } };
	bl_vdiff_src chg2[1] = { { "J", "t", "A", BL_DIR_EXPENSE, { INT64_MAX }, { true } } };
	is_int(bl_vdiff_compute(chg2, 1, chg, 1, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "balance change past INT64_MAX refused");
	is_str(E.msg, "area A, year 2027: the change of the balance does not fit in an amount",
	       "balance change overflow message");

	bl_vdiff_src dup[2] = { { "D", "a", "A", BL_DIR_EXPENSE, { 0 }, { false } }, { "D", "b", "B", BL_DIR_EXPENSE, { 0 }, { false } } };
	is_int(bl_vdiff_compute(dup, 2, NULL, 0, Y0, 1, NULL, NULL, 0, &d, &E), -1, "code twice");
	is_str(E.msg, "the line code D appears twice in the old version", "code twice message");
	bl_vdiff_src nocode[1] = { { "", "a", "A", BL_DIR_EXPENSE, { 0 }, { false } } };
	is_int(bl_vdiff_compute(NULL, 0, nocode, 1, Y0, 1, NULL, NULL, 0, &d, &E), -1, "no code");
	is_str(E.msg, "line 1 of the new version has no code", "no code message");
	bl_vdiff_src badarea[1] = { { "X", "a", "BSU//SKOLE", BL_DIR_EXPENSE, { 0 }, { false } } };
	is_int(bl_vdiff_compute(NULL, 0, badarea, 1, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "empty part of an area path");
	is_str(E.msg, "line X of the new version: the area path \"BSU//SKOLE\" has an empty part",
	       "empty part message");
	badarea[0].area = "BSU/";
	is_int(bl_vdiff_compute(NULL, 0, badarea, 1, Y0, 1, NULL, NULL, 0, &d, &E), -1,
	       "trailing slash");
	is_int(bl_vdiff_compute(NULL, 0, NULL, 0, Y0, 0, NULL, NULL, 0, &d, &E), -1, "0 years");
	is_str(E.msg, "a diff covers 1 to 10 years, not 0", "years message");
	is_int(bl_vdiff_compute(NULL, 0, NULL, 0, Y0, BL_MAX_YEARS + 1, NULL, NULL, 0, &d, &E),
	       -1, "11 years");
}

/* ---- exports ---- */

static const char CSV_LINES[] =
	"area,code,title,status,year,old,new,change,cause\r\n"
	"BSU/SFO,1004,Ændret år,changed,2028,,200,200,\r\n"
	"BSU/SKOLE,1001,\"Skoler, drift\",changed,2028,1000000,1002500.50,2500.50,amendment 3\r\n"
	"BSU/SKOLE,1003,Gammel ordning,removed,2027,20000,,-20000,\r\n"
	"BSU/SKOLE,1003,Gammel ordning,removed,2028,20000,,-20000,\r\n"
	"BSU/SKOLE,1005,\"Sk\"\"ole, \"\"nye\"\" æøå\",added,2028,,300000,300000,"
	"\"amendment 4, \"\"S\"\"\"\r\n"
	"BSU/SKOLE,1005,\"Sk\"\"ole, \"\"nye\"\" æøå\",added,2029,,300000,300000,\r\n"
	"KUL,1006,Bibliotek | filial,moved,2027,10,10,0,\r\n"
	"SKAT,9001,Skatter,changed,2028,5000000,5100000,100000,amendment 1\r\n";

static void test_csv(void)
{
	bl_vdiff d;
	is_int(compute(&d, 0), 0, "compute: %s", E.msg);
	char *got = capture_csv(&d, BL_VDIFF_CSV_LINES);
	is_str(got, CSV_LINES, "CSV of the lines byte for byte");
	free(got);

	bl_vdiff_src one[1] = { { "7", "t", "Å", BL_DIR_INCOME, { -KR(3) - 5, 1 }, { true, true } } };
	bl_vdiff_free(&d);
	is_int(bl_vdiff_compute(NULL, 0, one, 1, Y0, 2, NULL, NULL, 0, &d, &E), 0, "one line");
	got = capture_csv(&d, BL_VDIFF_CSV_AREAS);
	is_str(got,
	       "area,year,income_old,income_new,income_change,expense_old,expense_new,"
	       "expense_change,balance_old,balance_new,balance_change\r\n"
	       ",2027,0,-3.05,-3.05,0,0,0,0,-3.05,-3.05\r\n"
	       ",2028,0,0.01,0.01,0,0,0,0,0.01,0.01\r\n"
	       "Å,2027,0,-3.05,-3.05,0,0,0,0,-3.05,-3.05\r\n"
	       "Å,2028,0,0.01,0.01,0,0,0,0,0.01,0.01\r\n",
	       "CSV of the areas byte for byte");
	free(got);
	got = capture_csv(&d, BL_VDIFF_CSV_LINES);
	is_str(got,
	       "area,code,title,status,year,old,new,change,cause\r\n"
	       "Å,7,t,added,2027,,-3.05,-3.05,\r\n"
	       "Å,7,t,added,2028,,0.01,0.01,\r\n",
	       "CSV: negative amounts and øre");
	free(got);
	bl_vdiff_free(&d);

	/* An added line without any amount still gets a row. */
	bl_vdiff_src empty[1] = { { "E1", "tom", "A", BL_DIR_EXPENSE, { 0 }, { false } } };
	is_int(bl_vdiff_compute(NULL, 0, empty, 1, Y0, 2, NULL, NULL, 0, &d, &E), 0, "empty line");
	got = capture_csv(&d, BL_VDIFF_CSV_LINES);
	is_str(got, "area,code,title,status,year,old,new,change,cause\r\nA,E1,tom,added,,,,,\r\n",
	       "CSV: a line without amounts");
	free(got);
	bl_vdiff_free(&d);

	/* A write to a stream that fails is an error. */
	FILE *ro = fopen("/dev/full", "w");
	if (ro) {
		is_int(compute(&d, 0), 0, "compute");
		setvbuf(ro, NULL, _IONBF, 0);
		is_int(bl_vdiff_write_csv(ro, &d, BL_VDIFF_CSV_LINES, &E), -1, "/dev/full refused");
		like(E.msg, "cannot write the diff", "write error message");
		fclose(ro);
		bl_vdiff_free(&d);
	} else {
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
	}
}

static const char MD_DA[] =
	"## BSU/SFO\n"
	"\n"
	"| Line | Title | Status | Year | Old | New | Change | Cause |\n"
	"|---|---|---|---:|---:|---:|---:|---|\n"
	"| 1004 | Ændret år | changed | 2028 | – | 200 | +200 |  |\n"
	"\n"
	"## BSU/SKOLE\n"
	"\n"
	"| Line | Title | Status | Year | Old | New | Change | Cause |\n"
	"|---|---|---|---:|---:|---:|---:|---|\n"
	"| 1001 | Skoler, drift | changed | 2028 | 1.000.000 | 1.002.500,50 | +2.500,50 | amendment 3 |\n"
	"| 1003 | Gammel ordning | removed | 2027 | 20.000 | – | -20.000 |  |\n"
	"| 1003 | Gammel ordning | removed | 2028 | 20.000 | – | -20.000 |  |\n"
	"| 1005 | Sk\"ole, \"nye\" æøå | added | 2028 | – | 300.000 | +300.000 | amendment 4, \"S\" |\n"
	"| 1005 | Sk\"ole, \"nye\" æøå | added | 2029 | – | 300.000 | +300.000 |  |\n"
	"\n"
	"## KUL\n"
	"\n"
	"| Line | Title | Status | Year | Old | New | Change | Cause |\n"
	"|---|---|---|---:|---:|---:|---:|---|\n"
	"| 1006 | Bibliotek \\| filial | moved from BSU/SFO | 2027 | 10 | 10 | 0 |  |\n"
	"\n"
	"## SKAT\n"
	"\n"
	"| Line | Title | Status | Year | Old | New | Change | Cause |\n"
	"|---|---|---|---:|---:|---:|---:|---|\n"
	"| 9001 | Skatter | changed | 2028 | 5.000.000 | 5.100.000 | +100.000 | amendment 1 |\n"
	"\n"
	"## Totals\n"
	"\n"
	"| Year | Total | Old | New | Change |\n"
	"|---:|---|---:|---:|---:|\n"
	"| 2027 | Income | 5.000.000 | 5.000.000 | 0 |\n"
	"| 2027 | Expenses | 1.070.110 | 1.050.110 | -20.000 |\n"
	"| 2027 | Balance | 3.929.890 | 3.949.890 | +20.000 |\n"
	"| 2028 | Income | 5.000.000 | 5.100.000 | +100.000 |\n"
	"| 2028 | Expenses | 1.070.000 | 1.352.700,50 | +282.700,50 |\n"
	"| 2028 | Balance | 3.930.000 | 3.747.299,50 | -182.700,50 |\n"
	"| 2029 | Income | 5.000.000 | 5.000.000 | 0 |\n"
	"| 2029 | Expenses | 1.050.000 | 1.350.000 | +300.000 |\n"
	"| 2029 | Balance | 3.950.000 | 3.650.000 | -300.000 |\n";

static void test_md(void)
{
	bl_vdiff d;
	is_int(compute(&d, 0), 0, "compute: %s", E.msg);
	char *got = capture_md(&d, BL_LANG_DA, BL_UNIT_KR);
	is_str(got, MD_DA, "Markdown in Danish notation byte for byte");
	like(got, "| 1.002.500,50 | +2.500,50 |", "Danish: '.' groups, decimal comma");
	like(got, "Bibliotek \\| filial", "a '|' in a title escaped");
	free(got);
	got = capture_md(&d, BL_LANG_EN, BL_UNIT_KR);
	like(got, "| 1,002,500.50 | +2,500.50 |", "English notation");
	free(got);
	got = capture_md(&d, BL_LANG_NB, BL_UNIT_THOUSANDS);
	like(got, "| 2028 | Expenses | 1 070 | 1 353 | +283 |", "Norwegian, in thousands");
	free(got);
	bl_vdiff_free(&d);

	/* Control characters, a backslash and a '|' in the cause, no area. */
	bl_vdiff_src n[1] = { { "K|1", "a\x1b[2Jb\nc\\d", NULL, BL_DIR_INCOME, { -KR(1234) - 50 },
				{ true } } };
	static const bl_vdiff_cause_row row[] = { { "K|1", 2027, "x|y\tz" } };
	bl_vdiff_causes c = { row, 1 };
	is_int(bl_vdiff_compute(NULL, 0, n, 1, Y0, 1, bl_vdiff_cause_table, &c, 0, &d, &E), 0,
	       "compute: %s", E.msg);
	is_int(d.n_areas, 0, "a line without an area makes no area");
	got = capture_md(&d, BL_LANG_DA, BL_UNIT_KR);
	is_str(got,
	       "## Lines without an area\n"
	       "\n"
	       "| Line | Title | Status | Year | Old | New | Change | Cause |\n"
	       "|---|---|---|---:|---:|---:|---:|---|\n"
	       "| K\\|1 | a\\x1B[2Jb c\\\\d | added | 2027 | \xe2\x80\x93 | -1.234,50 | -1.234,50 | x\\|y z |\n"
	       "\n"
	       "## Totals\n"
	       "\n"
	       "| Year | Total | Old | New | Change |\n"
	       "|---:|---|---:|---:|---:|\n"
	       "| 2027 | Income | 0 | -1.234,50 | -1.234,50 |\n"
	       "| 2027 | Expenses | 0 | 0 | 0 |\n"
	       "| 2027 | Balance | 0 | -1.234,50 | -1.234,50 |\n",
	       "Markdown: escapes, no area");
	free(got);
	bl_vdiff_free(&d);
}

int main(void)
{
	test_lines();
	test_sums();
	test_errors();
	test_csv();
	test_md();
	return tap_done();
}
