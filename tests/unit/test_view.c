/* test_view.c: the screens' views of store.h (counts, pages and positions
 * of an area's lines in every order, under filters, data_version) and the
 * spotlight, on a small budget whose expected orders are written out
 * below by hand. */
#include "config.h"

#include <stdint.h>

#include "store_util.h"

/* ---- the fixture ----
 *
 * Area BSU (one line), BSU/SKOLE (the eight lines below), ØU (none), KU
 * (one line).  The SKOLE lines are chosen for ties: two titles that fold
 * to the same "folkeskoler", equal amounts, absent amounts next to a
 * present 0, capitals Æ Ø Å É, and the characters % _ \ that LIKE would
 * take as wildcards or escapes. */
static const struct {
	const char *code, *title;
	bool has;
	bl_money amount; /* proposal 2028 */
} skole[] = {
	{ "3.22.01", "Folkeskoler", true, 100 },
	{ "3.22.02", "Skolefritidsordninger", false, 0 },
	{ "3.22.03", "Ørestad Skole", true, 100 },
	{ "3.22.04", "Æblehaven børnehus", true, -50 },
	{ "3.22.05", "ÅBEN SKOLE", false, 0 },
	{ "3.22.06", "folkeskoler", true, 300 },
	{ "3.22.07", "Rabat 10% _under_ \\ pris", true, 0 },
	{ "3.22.08", "Élevråd", true, 20 },
};
#define N_SKOLE 8

static int64_t a_bsu, a_skole, a_ou, a_ku;
static int64_t ids[N_SKOLE], id_admin, id_kultur;

static int64_t add_line(bl_store *s, const char *code, const char *title, int64_t area)
{
	bl_line l = { 0, (char *)code, (char *)title, area, BL_KIND_OPERATION, BL_DIR_EXPENSE,
		      NULL };
	int64_t id = 0;
	bl_err e;
	if (bl_store_line_add(s, &l, &id, &e) != 0)
		diag("line %s: %s", code, e.msg);
	return id;
}

static bl_store *fixture(const char *name)
{
	bl_store *s = tu_create(name);
	a_bsu = tu_area(s, 0, "BSU");
	a_skole = tu_area(s, a_bsu, "SKOLE");
	a_ou = tu_area(s, 0, "ØU");
	a_ku = tu_area(s, 0, "KU");
	id_admin = add_line(s, "5.01", "Administration", a_bsu);
	/* Added in another order than the codes', so that the table's order
	 * is not the code order by accident. */
	for (int i = N_SKOLE - 1; i >= 0; i--) {
		ids[i] = add_line(s, skole[i].code, skole[i].title, a_skole);
		if (skole[i].has)
			tu_set(s, ids[i], 2028, skole[i].amount);
	}
	tu_set(s, ids[0], 2031, 7);
	id_kultur = add_line(s, "7.01", "Kultur, 50%", a_ku);
	return s;
}

/* ---- collecting a page ---- */

typedef struct page {
	int n;
	char codes[BL_ERR_MAX + 16]; /* "3.22.01 3.22.02 ...", or an error */
	int64_t ids[32];
	bl_money first_amounts[4]; /* of the first line */
	bool first_has[4];
	int n_years;
	int stop_after;            /* return 7 after this many lines (0: never) */
} page;

static int collect(void *ctx, const bl_line *l, const bl_money *amounts, const bool *has,
		   int n_years)
{
	page *p = ctx;
	if (p->n == 0) {
		for (int i = 0; i < n_years && i < 4; i++) {
			p->first_amounts[i] = amounts[i];
			p->first_has[i] = has[i];
		}
		p->n_years = n_years;
	}
	size_t len = strlen(p->codes);
	snprintf(p->codes + len, sizeof p->codes - len, "%s%s", p->n ? " " : "", l->code);
	if (p->n < 32)
		p->ids[p->n] = l->id;
	p->n++;
	return p->stop_after && p->n >= p->stop_after ? 7 : 0;
}

/* The codes of a page, or "ERROR: message". */
static const char *codes(bl_store *s, const bl_line_query *q, int64_t area, int64_t offset,
			 int64_t limit)
{
	static page p;
	bl_err e;
	memset(&p, 0, sizeof p);
	if (bl_store_area_lines_page(s, q, area, offset, limit, collect, &p, &e) != 0)
		snprintf(p.codes, sizeof p.codes, "ERROR: %s", e.msg);
	return p.codes;
}

static int64_t count(bl_store *s, const bl_line_query *q, int64_t area)
{
	int64_t n = -1;
	bl_err e;
	if (bl_store_area_line_count(s, q, area, &n, &e) != 0) {
		diag("count: %s", e.msg);
		return -1;
	}
	return n;
}

static const char *const sort_name[] = { "code", "title", "amount" };

/* ---- counts ---- */

static void test_counts(bl_store *s)
{
	bl_line_query q = { "proposal", NULL, BL_SORT_CODE, 0, false };
	bl_area_count *c = NULL;
	size_t n = 99;
	bl_err e;

	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) == 0, "counts per area");
	ok(n == 3 && c[0].area_id == a_bsu && c[0].n == 1 && c[1].area_id == a_skole &&
		   c[1].n == N_SKOLE && c[2].area_id == a_ku && c[2].n == 1,
	   "own lines per area, by area id, the empty area ØU left out");
	free(c);
	is_int(count(s, &q, a_skole), N_SKOLE, "one area's count");
	is_int(count(s, &q, a_bsu), 1, "a parent's count is of its own lines, not its subtree's");
	is_int(count(s, &q, a_ou), 0, "an area without lines counts 0");
	q.filter = "";
	is_int(count(s, &q, a_skole), N_SKOLE, "an empty filter is no filter");

	q.filter = "skole";
	is_int(count(s, &q, a_skole), 5, "filter 'skole': five titles contain it, in any case");
	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) == 0 && n == 1 &&
		   c[0].area_id == a_skole && c[0].n == 5,
	   "and per area only SKOLE has any (an area's own code is not matched)");
	free(c);
	q.filter = "%";
	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) == 0 && n == 2 &&
		   c[0].area_id == a_skole && c[0].n == 1 && c[1].area_id == a_ku && c[1].n == 1,
	   "filter '%%' is a literal per cent sign: one line in SKOLE, one in KU");
	free(c);
	q.filter = "nothing like this";
	c = (bl_area_count *)&q;
	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) == 0 && n == 0 && c == NULL,
	   "no match at all: no areas, and a NULL array");
	q.filter = "3.22.0";
	is_int(count(s, &q, a_skole), N_SKOLE, "a filter matches codes too");
	q.filter = "22.07";
	is_int(count(s, &q, a_skole), 1, "part of a code");

	/* Case folding of ASCII and Latin-1, both ways. */
	static const struct {
		const char *filter;
		int64_t n;
	} folds[] = {
		{ "ØRESTAD", 1 }, { "ørestad", 1 }, { "ÆBLEHAVEN", 1 }, { "æblehaven", 1 },
		{ "BØRNEHUS", 1 }, { "åben", 1 }, { "ÅBEN", 1 }, { "ÉLEVRÅD", 1 },
		{ "élevråd", 1 }, { "FOLKESKOLER", 2 }, { "fOlKeSkOlEr", 2 },
		/* Folding is not accent stripping. */
		{ "oerestad", 0 }, { "aben", 0 }, { "elevrad", 0 },
	};
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		q.filter = folds[i].filter;
		is_int(count(s, &q, a_skole), folds[i].n, "filter '%s' matches %lld", folds[i].filter,
		       (long long)folds[i].n);
	}

	/* Wildcards of LIKE and GLOB, and LIKE's escape, are plain text. */
	static const struct {
		const char *filter;
		int64_t n;
	} literal[] = {
		{ "10% _", 1 }, { "_", 1 }, { "_under_", 1 }, { "\\", 1 }, { "\\ pris", 1 },
		{ "%_", 0 }, { "s%e", 0 }, { "s_ole", 0 }, { "*", 0 }, { "sk*", 0 }, { "?", 0 },
		{ "[s]", 0 }, { "%", 1 }, { "%%", 0 },
	};
	for (size_t i = 0; i < sizeof literal / sizeof literal[0]; i++) {
		q.filter = literal[i].filter;
		is_int(count(s, &q, a_skole), literal[i].n, "filter '%s' is literal: %lld",
		       literal[i].filter, (long long)literal[i].n);
	}

	/* Invalid UTF-8: refused, saying so (a terminal in Latin-1 would
	 * send "\xd8" for Ø, and silently matching nothing would hide it). */
	q.filter = "\xd8resta";
	int64_t k = 5;
	ok(bl_store_area_line_count(s, &q, a_skole, &k, &e) != 0, "an invalid UTF-8 filter is refused");
	like(e.msg, "not valid UTF-8", "saying why");
	like(e.msg, "\\xd8resta", "quoting it escaped");
	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) != 0 && c == NULL && n == 0,
	   "by the counts per area too");
	like(codes(s, &q, a_skole, 0, 10), "not valid UTF-8", "and by a page");
	int64_t area, pos;
	ok(bl_store_line_position(s, &q, ids[0], &area, &pos, &e) == -1, "and by a position");
	q.filter = "\xc3";
	ok(bl_store_area_line_count(s, &q, a_skole, &k, &e) != 0, "a cut-off sequence too");

	/* Other bad queries. */
	q.filter = NULL;
	ok(bl_store_area_line_count(s, &q, 999, &k, &e) != 0, "an unknown area is refused");
	like(e.msg, "no area with id 999", "naming it");
	ok(bl_store_area_line_count(s, NULL, a_skole, &k, &e) != 0, "no query is refused");
	q.version = "draft";
	ok(bl_store_area_line_count(s, &q, a_skole, &k, &e) != 0, "an unknown version is refused");
	like(e.msg, "'draft' is not a budget version; expected proposal, first_reading or adopted",
	     "naming the valid keys");
	ok(bl_store_area_line_counts(s, &q, &c, &n, &e) != 0, "by the counts per area too");
	like(e.msg, "expected proposal, first_reading or adopted", "with the same message");
	q.version = NULL;
	ok(bl_store_area_line_count(s, &q, a_skole, &k, &e) != 0, "no version is refused");
}

/* ---- pages ---- */

static void test_pages(bl_store *s)
{
	bl_line_query q = { "proposal", NULL, BL_SORT_CODE, 2028, false };
	bl_err e;

	is_str(codes(s, &q, a_skole, 0, 100),
	       "3.22.01 3.22.02 3.22.03 3.22.04 3.22.05 3.22.06 3.22.07 3.22.08", "all, by code");
	is_str(codes(s, &q, a_skole, 0, 3), "3.22.01 3.22.02 3.22.03", "the first page");
	is_str(codes(s, &q, a_skole, 3, 3), "3.22.04 3.22.05 3.22.06", "the second");
	is_str(codes(s, &q, a_skole, 6, 3), "3.22.07 3.22.08", "the last page, short");
	is_str(codes(s, &q, a_skole, 8, 3), "", "a page just past the end is empty");
	is_str(codes(s, &q, a_skole, 1000000, 3), "", "far past the end too");
	is_str(codes(s, &q, a_skole, 0, 0), "", "limit 0 gives no lines");
	is_str(codes(s, &q, a_skole, 7, INT64_MAX), "3.22.08", "a huge limit is the rest");
	is_str(codes(s, &q, a_ou, 0, 10), "", "an area without lines");
	like(codes(s, &q, a_skole, -1, 3), "0 or more", "a negative offset is refused");
	like(codes(s, &q, a_skole, 0, -1), "0 or more", "a negative limit is refused");
	like(codes(s, &q, 999, 0, 3), "no area with id 999", "an unknown area is refused");
	like(codes(s, NULL, a_skole, 0, 3), "no query", "no query is refused");
	ok(bl_store_area_lines_page(s, &q, a_skole, 0, 3, NULL, NULL, &e) != 0,
	   "no callback is refused");

	/* The amounts come with each line. */
	page p;
	memset(&p, 0, sizeof p);
	ok(bl_store_area_lines_page(s, &q, a_skole, 0, 1, collect, &p, &e) == 0 && p.n == 1,
	   "one line");
	ok(p.n_years == 4 && p.first_has[0] && p.first_amounts[0] == 100 && !p.first_has[1] &&
		   p.first_amounts[1] == 0 && !p.first_has[2] && p.first_has[3] &&
		   p.first_amounts[3] == 7,
	   "with its amounts by year, absent ones 0 and not had");
	memset(&p, 0, sizeof p);
	bl_line_query fr = { "first_reading", NULL, BL_SORT_CODE, 2028, false };
	ok(bl_store_area_lines_page(s, &fr, a_skole, 0, 1, collect, &p, &e) == 0 && p.n == 1 &&
		   !p.first_has[0] && !p.first_has[3] && p.first_amounts[0] == 0,
	   "in the query's version (none in first_reading)");
	memset(&p, 0, sizeof p);
	p.stop_after = 2;
	is_int(bl_store_area_lines_page(s, &q, a_skole, 0, 10, collect, &p, &e), 7,
	       "the callback's non-zero return is returned");
	is_int(p.n, 2, "and stops the page");
	q.version = "draft";
	like(codes(s, &q, a_skole, 0, 3), "'draft' is not a budget version; expected proposal",
	     "an unknown version is refused, naming the valid keys");
	q.version = "proposal";

	/* Every sort, both ways; ties by code ascending. */
	static const char *const want[3][2] = {
		{ "3.22.01 3.22.02 3.22.03 3.22.04 3.22.05 3.22.06 3.22.07 3.22.08",
		  "3.22.08 3.22.07 3.22.06 3.22.05 3.22.04 3.22.03 3.22.02 3.22.01" },
		/* folkeskoler (01, 06: a tie), rabat, skolefri..., then å æ é ø
		 * in UTF-8's byte order. */
		{ "3.22.01 3.22.06 3.22.07 3.22.02 3.22.05 3.22.04 3.22.08 3.22.03",
		  "3.22.03 3.22.08 3.22.04 3.22.05 3.22.02 3.22.07 3.22.01 3.22.06" },
		/* -50; 0 (02 and 05 absent, 07 a present 0); 20; 100 (01, 03);
		 * 300. */
		{ "3.22.04 3.22.02 3.22.05 3.22.07 3.22.08 3.22.01 3.22.03 3.22.06",
		  "3.22.06 3.22.01 3.22.03 3.22.08 3.22.02 3.22.05 3.22.07 3.22.04" },
	};
	for (int so = 0; so < 3; so++)
		for (int d = 0; d < 2; d++) {
			q.sort = (bl_sort)so;
			q.descending = d;
			is_str(codes(s, &q, a_skole, 0, 100), want[so][d], "sort by %s, %s",
			       sort_name[so], d ? "descending" : "ascending");
		}
	/* Pages of a sorted order cut it where the whole order says. */
	q.sort = BL_SORT_AMOUNT;
	q.descending = true;
	is_str(codes(s, &q, a_skole, 2, 3), "3.22.03 3.22.08 3.22.02",
	       "a page of the amount order, through a tie");
	q.sort = BL_SORT_TITLE;
	q.descending = false;
	is_str(codes(s, &q, a_skole, 1, 2), "3.22.06 3.22.07", "a page of the title order");

	/* The amount of another year, and of a version without amounts. */
	q.sort = BL_SORT_AMOUNT;
	q.sort_year = 2031;
	q.descending = true;
	is_str(codes(s, &q, a_skole, 0, 3), "3.22.01 3.22.02 3.22.03",
	       "sort_year picks the year (2031: only 01 has one)");
	q.version = "first_reading";
	q.sort_year = 2028;
	is_str(codes(s, &q, a_skole, 0, 100),
	       "3.22.01 3.22.02 3.22.03 3.22.04 3.22.05 3.22.06 3.22.07 3.22.08",
	       "in a version without amounts, all are 0: code order");
	q.version = "proposal";
	q.sort_year = 2027;
	like(codes(s, &q, a_skole, 0, 3), "2028 to 2031", "a year outside the process is refused");
	q.sort_year = 2032;
	like(codes(s, &q, a_skole, 0, 3), "cannot sort by the amounts of 2032", "after it too");
	q.sort = (bl_sort)3;
	like(codes(s, &q, a_skole, 0, 3), "unknown sort order (3)", "an unknown sort is refused");
	q.sort = BL_SORT_CODE;
	q.descending = false;
	q.sort_year = 1; /* ignored unless sorting by amount */
	is_str(codes(s, &q, a_skole, 0, 1), "3.22.01", "sort_year only matters for the amount sort");

	/* Filter and order together. */
	q.filter = "SKOLE";
	q.sort = BL_SORT_TITLE;
	is_str(codes(s, &q, a_skole, 0, 100), "3.22.01 3.22.06 3.22.02 3.22.05 3.22.03",
	       "a filtered page in title order");
	is_str(codes(s, &q, a_skole, 4, 100), "3.22.03", "its last page");
	q.sort = BL_SORT_AMOUNT;
	q.descending = true;
	q.sort_year = 2028;
	is_str(codes(s, &q, a_skole, 0, 100), "3.22.06 3.22.01 3.22.03 3.22.02 3.22.05",
	       "a filtered page in amount order");
	q.filter = "\\";
	is_str(codes(s, &q, a_skole, 0, 100), "3.22.07", "filter '\\' finds the backslash");
}

/* ---- positions ---- */

/* For every line of the fixture, in every order and under several
 * filters: a line that matches stands where the page at its position has
 * it, the positions in an area are 0..count-1 (each once), and a line
 * that does not match is in no page. */
static void test_positions(bl_store *s)
{
	const char *filters[] = { NULL, "skole", "%", "ø", "zzz" };
	int64_t all[N_SKOLE + 2];
	for (int i = 0; i < N_SKOLE; i++)
		all[i] = ids[i];
	all[N_SKOLE] = id_admin;
	all[N_SKOLE + 1] = id_kultur;
	int bad = 0, checked = 0;
	for (size_t f = 0; f < sizeof filters / sizeof filters[0]; f++)
		for (int so = 0; so < 3; so++)
			for (int d = 0; d < 2; d++) {
				bl_line_query q = { "proposal", filters[f], (bl_sort)so, 2028, d };
				bool seen[N_SKOLE + 2][N_SKOLE + 2] = { { false } };
				for (int i = 0; i < N_SKOLE + 2; i++) {
					int64_t area = -5, pos = -5;
					bl_err e;
					int r = bl_store_line_position(s, &q, all[i], &area, &pos, &e);
					int64_t want_area = i < N_SKOLE ? a_skole
							    : i == N_SKOLE ? a_bsu
									   : a_ku;
					int64_t n = count(s, &q, want_area);
					page p;
					memset(&p, 0, sizeof p);
					bl_store_area_lines_page(s, &q, want_area, 0, 100, collect, &p, &e);
					bool in_page = false;
					for (int k = 0; k < p.n; k++)
						in_page |= p.ids[k] == all[i];
					checked++;
					if (r == 1) {
						memset(&p, 0, sizeof p);
						bl_store_area_lines_page(s, &q, area, pos, 1, collect, &p, &e);
						if (area != want_area || pos < 0 || pos >= n || p.n != 1 ||
						    p.ids[0] != all[i] || seen[area][pos]) {
							diag("line %lld, filter %s, sort %s%s: area %lld pos %lld",
							     (long long)all[i], filters[f] ? filters[f] : "-",
							     sort_name[so], d ? " desc" : "", (long long)area,
							     (long long)pos);
							bad++;
						} else {
							seen[area][pos] = true;
						}
					} else if (r != 0 || area != want_area || pos != -1 || in_page) {
						diag("line %lld, filter %s, sort %s%s: r %d area %lld pos %lld",
						     (long long)all[i], filters[f] ? filters[f] : "-",
						     sort_name[so], d ? " desc" : "", r, (long long)area,
						     (long long)pos);
						bad++;
					}
				}
			}
	ok(bad == 0 && checked == 5 * 3 * 2 * (N_SKOLE + 2),
	   "every line's position, in every order and under 5 filters, is where its page has it"
	   " (%d checked)", checked);

	/* Some by hand. */
	bl_line_query q = { "proposal", NULL, BL_SORT_TITLE, 2028, false };
	int64_t area, pos;
	bl_err e;
	ok(bl_store_line_position(s, &q, ids[2], &area, &pos, &e) == 1 && area == a_skole &&
		   pos == 7,
	   "Ørestad is last by title (ø sorts after æ, å, é in UTF-8)");
	q.descending = true;
	ok(bl_store_line_position(s, &q, ids[5], &area, &pos, &e) == 1 && pos == 7,
	   "the second of a tie stays after the first when descending");
	q.sort = BL_SORT_AMOUNT;
	ok(bl_store_line_position(s, &q, ids[6], &area, &pos, &e) == 1 && pos == 6,
	   "a present 0 among absent amounts sorts by code");
	q.filter = "skole";
	area = pos = 99;
	is_int(bl_store_line_position(s, &q, ids[3], &area, &pos, &e), 0,
	       "a line the filter excludes: 0");
	ok(area == a_skole && pos == -1, "with its area, and position -1");
	ok(bl_store_line_position(s, &q, ids[4], &area, &pos, &e) == 1 && pos == 4,
	   "a filtered position counts only matching lines");
	is_int(bl_store_line_position(s, &q, 99999, &area, &pos, &e), -1, "an unknown line: -1");
	like(e.msg, "no budget line with id 99999", "naming it");
	q.version = "draft";
	is_int(bl_store_line_position(s, &q, ids[0], &area, &pos, &e), -1,
	       "an unknown version: -1");
	like(e.msg, "expected proposal, first_reading or adopted", "naming the valid keys");
}

/* ---- data_version ---- */

static void test_data_version(bl_store *s, const char *path)
{
	bl_store *other = NULL, *ro = NULL;
	bl_err e;
	int64_t v0 = -1, v, r0 = -1, r;
	ok(bl_store_open(path, false, &other, &e) == 0, "a second connection");
	ok(bl_store_open(path, true, &ro, &e) == 0, "and a read-only one");
	ok(bl_store_data_version(s, &v0, &e) == 0, "data_version can be read");
	ok(bl_store_data_version(ro, &r0, &e) == 0, "read-only too");
	bl_line_query q = { "proposal", "skole", BL_SORT_TITLE, 2028, false };
	count(s, &q, a_skole);
	codes(s, &q, a_skole, 0, 10);
	ok(bl_store_data_version(s, &v, &e) == 0 && v == v0, "own reads do not change it");
	ok(tu_set(s, ids[1], 2029, 55) == 0 && bl_store_data_version(s, &v, &e) == 0 && v == v0,
	   "nor own commits");
	ok(bl_store_data_version(ro, &r, &e) == 0 && r != r0,
	   "but the other connections see them");
	r0 = r;
	ok(bl_store_amount_set(other, ids[1], "proposal", 2029, 56, &e) == 0, "another commits");
	ok(bl_store_data_version(s, &v, &e) == 0 && v != v0, "and it changes");
	ok(bl_store_data_version(ro, &r, &e) == 0 && r != r0, "for a read-only store too");
	v0 = v;
	ok(bl_store_data_version(s, &v, &e) == 0 && v == v0, "and then stays");

	/* The read-only store filters and sorts with bl_fold() and
	 * bl_contains(), which store.c registers on read-write opens only. */
	bl_area_count *c;
	size_t n;
	ok(bl_store_area_line_counts(ro, &q, &c, &n, &e) == 0 && n == 1 && c[0].n == 5,
	   "a read-only store filters");
	free(c);
	is_str(codes(ro, &q, a_skole, 0, 2), "3.22.01 3.22.06", "and sorts by title");
	int64_t area, pos;
	ok(bl_store_line_position(ro, &q, ids[2], &area, &pos, &e) == 1 && pos == 4,
	   "and finds positions");
	bl_store_close(other);
	bl_store_close(ro);
}

/* ---- the spotlight ---- */

static bool spot_is(bl_store *s, bl_spot_kind kind, const char *ref, const char *text,
		    const char *at)
{
	bl_spotlight sp;
	bl_err e;
	if (bl_store_spotlight_get(s, &sp, &e) != 0) {
		diag("spotlight_get: %s", e.msg);
		return false;
	}
	bool same = sp.kind == kind && (ref ? sp.ref && strcmp(sp.ref, ref) == 0 : !sp.ref) &&
		    (text ? sp.text && strcmp(sp.text, text) == 0 : !sp.text) &&
		    (at ? sp.at && strcmp(sp.at, at) == 0 : !sp.at);
	if (!same)
		diag("spotlight: kind %d ref %s text %s at %s", (int)sp.kind, sp.ref ? sp.ref : "-",
		     sp.text ? sp.text : "-", sp.at ? sp.at : "-");
	bl_spotlight_clear(&sp);
	return same;
}

static int spot_set(bl_store *s, bl_spot_kind kind, const char *ref, const char *text,
		    bl_err *e)
{
	bl_spotlight sp = { kind, (char *)ref, (char *)text, NULL };
	return bl_store_spotlight_set(s, &sp, e);
}

static void test_spotlight(bl_store *s, const char *path)
{
	bl_err e;
	ok(spot_is(s, BL_SPOT_NONE, NULL, NULL, NULL), "a new file's spotlight is empty, never set");
	is_int(tu_int(path, "SELECT count(*) FROM spotlight"), 1, "in its one row");

	bl_goal g = { 0, a_skole, (char *)"Flere børn i trivsel", NULL, BL_GOAL_DRAFT };
	int64_t gid = 0;
	ok(bl_store_goal_add(s, &g, &gid, &e) == 0, "(a goal)");
	char gref[32], gref0[40];
	snprintf(gref, sizeof gref, "%lld", (long long)gid);
	snprintf(gref0, sizeof gref0, "00%lld", (long long)gid);

	int64_t journal = tu_journal(s);
	ok(spot_set(s, BL_SPOT_LINE, "3.22.03", NULL, &e) == 0, "spotlight a line");
	ok(spot_is(s, BL_SPOT_LINE, "3.22.03", NULL, NOW), "it reads back, with the time");
	ok(spot_set(s, BL_SPOT_AREA, "SKOLE", NULL, &e) == 0, "an area by its code");
	ok(spot_is(s, BL_SPOT_AREA, "BSU/SKOLE", NULL, NOW), "is kept as its path");
	ok(spot_set(s, BL_SPOT_AREA, "BSU/SKOLE", NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_AREA, "BSU/SKOLE", NULL, NOW),
	   "an area by its path");
	ok(spot_set(s, BL_SPOT_AREA, "ØU", NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_AREA, "ØU", NULL, NOW),
	   "a top-level area");
	ok(spot_set(s, BL_SPOT_GOAL, gref, NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_GOAL, gref, NULL, NOW),
	   "a goal by its id");
	ok(spot_set(s, BL_SPOT_GOAL, gref0, NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_GOAL, gref, NULL, NOW),
	   "leading zeros are dropped");
	const char *msg = "Pause til 10.15 – kaffe og æblekage i kantinen ☕";
	ok(spot_set(s, BL_SPOT_MESSAGE, NULL, msg, &e) == 0 &&
		   spot_is(s, BL_SPOT_MESSAGE, NULL, msg, NOW),
	   "a message, in UTF-8");
	char max[BL_SPOT_TEXT_MAX + 2];
	memset(max, 'x', sizeof max);
	max[BL_SPOT_TEXT_MAX] = '\0';
	ok(spot_set(s, BL_SPOT_MESSAGE, NULL, max, &e) == 0 &&
		   spot_is(s, BL_SPOT_MESSAGE, NULL, max, NOW),
	   "a message of exactly %d bytes", BL_SPOT_TEXT_MAX);
	ok(spot_set(s, BL_SPOT_NONE, NULL, NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_NONE, NULL, NULL, NOW),
	   "none, now with the time it was cleared");
	is_int(tu_journal(s), journal, "no journal entry for any of them");
	is_int(tu_int(path, "SELECT count(*) FROM spotlight WHERE actor = '" ACTOR "'"), 1,
	       "the row says who set it");

	/* Refusals leave the spotlight as it was. */
	ok(spot_set(s, BL_SPOT_MESSAGE, NULL, msg, &e) == 0, "(a message to keep)");
	static const struct {
		bl_spot_kind kind;
		const char *ref, *text, *want, *what;
	} bad[] = {
		{ BL_SPOT_LINE, "9.99", NULL, "no budget line with code '9.99'", "an unknown line" },
		{ BL_SPOT_LINE, "3.22", NULL, "no budget line with code '3.22'", "part of a code" },
		{ BL_SPOT_LINE, NULL, NULL, "needs its reference (the line's code)", "no line code" },
		{ BL_SPOT_LINE, "", NULL, "needs its reference", "an empty line code" },
		{ BL_SPOT_LINE, "\x1b[2J", NULL, "no budget line with code '\\x1b[2J'",
		  "a ref with an escape, quoted" },
		{ BL_SPOT_AREA, "NOPE", NULL, "no area 'NOPE'", "an unknown area" },
		{ BL_SPOT_AREA, "BSU/NOPE", NULL, "'BSU' has no area 'NOPE'", "an unknown path" },
		{ BL_SPOT_AREA, "\x1b]0;x\x07", NULL, "no area '\\x1b]0;x\\x07'",
		  "an area ref with control characters, quoted" },
		{ BL_SPOT_GOAL, "999", NULL, "no goal with id 999", "an unknown goal" },
		{ BL_SPOT_GOAL, "x1", NULL, "'x1' is not a goal's id", "a goal id that is no number" },
		{ BL_SPOT_GOAL, "-1", NULL, "not a goal's id", "a negative goal id" },
		{ BL_SPOT_GOAL, " 1", NULL, "not a goal's id", "a goal id with a blank" },
		{ BL_SPOT_GOAL, "1234567890123456789", NULL, "not a goal's id", "a huge goal id" },
		{ BL_SPOT_MESSAGE, NULL, NULL, "needs its text", "a message without text" },
		{ BL_SPOT_MESSAGE, NULL, "", "the message is empty", "an empty message" },
		{ BL_SPOT_MESSAGE, NULL, "   ", "the message is empty", "a blank message" },
		{ BL_SPOT_MESSAGE, NULL, "Se \x1b[31mrødt", "control character (U+001B at byte 4)",
		  "a message with an escape sequence" },
		{ BL_SPOT_MESSAGE, NULL, "to\nlinjer", "control character (U+000A", "a newline" },
		{ BL_SPOT_MESSAGE, NULL, "tab\there", "control character (U+0009", "a tab" },
		{ BL_SPOT_MESSAGE, NULL, "del\x7f", "control character (U+007F", "DEL" },
		{ BL_SPOT_MESSAGE, NULL, "c1 \xc2\x9b", "control character (U+009B", "a C1 control" },
		{ BL_SPOT_MESSAGE, NULL, "r\xf8" "dt", "not valid UTF-8", "Latin-1 bytes" },
		{ BL_SPOT_MESSAGE, "3.22.01", "hej", "a message has no reference", "a message with a ref" },
		{ BL_SPOT_LINE, "3.22.01", "hej", "only a message has text", "a line with text" },
		{ BL_SPOT_NONE, "3.22.01", NULL, "no reference and no text", "none with a ref" },
		{ BL_SPOT_NONE, NULL, "hej", "no reference and no text", "none with a text" },
		{ (bl_spot_kind)9, NULL, NULL, "unknown spotlight kind (9)", "an unknown kind" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		e.msg[0] = '\0';
		ok(spot_set(s, bad[i].kind, bad[i].ref, bad[i].text, &e) != 0, "refused: %s",
		   bad[i].what);
		like(e.msg, bad[i].want, "%s: the message says why", bad[i].what);
		ok(spot_is(s, BL_SPOT_MESSAGE, NULL, msg, NOW) && !strchr(e.msg, '\x1b'),
		   "%s: the spotlight is unchanged (and no escape in the message)", bad[i].what);
	}
	char over[BL_SPOT_TEXT_MAX + 2];
	memset(over, 'x', sizeof over);
	over[BL_SPOT_TEXT_MAX + 1] = '\0';
	ok(spot_set(s, BL_SPOT_MESSAGE, NULL, over, &e) != 0, "a message of %d bytes is refused",
	   BL_SPOT_TEXT_MAX + 1);
	like(e.msg, "201 bytes long; at most 200", "saying how long it is and may be");
	like(e.msg, "the spotlight was not changed", "and that nothing changed");
	ok(spot_is(s, BL_SPOT_MESSAGE, NULL, msg, NOW), "which it did not");
	ok(bl_store_spotlight_set(s, NULL, &e) != 0, "no spotlight given is refused");

	/* Inside a caller's transaction it is undone with it. */
	ok(bl_store_begin(s, &e) == 0 && spot_set(s, BL_SPOT_LINE, "3.22.01", NULL, &e) == 0,
	   "set inside a transaction");
	bl_store_rollback(s);
	ok(spot_is(s, BL_SPOT_MESSAGE, NULL, msg, NOW), "and rolled back with it");

	/* The schema holds one row and refuses what C refuses. */
	char m[256];
	ok(tu_exec(path, "INSERT INTO spotlight (id, kind) VALUES (2, 'none')", m, sizeof m) != SQLITE_OK,
	   "the table refuses a second row");
	ok(tu_exec(path, "UPDATE spotlight SET kind = 'line', text = NULL", m, sizeof m) != SQLITE_OK,
	   "a line without a ref");
	ok(tu_exec(path, "UPDATE spotlight SET kind = 'film'", m, sizeof m) != SQLITE_OK,
	   "an unknown kind");
	ok(tu_exec(path, "UPDATE spotlight SET text = replace(hex(zeroblob(201)), '00', 'x')",
		   m, sizeof m) != SQLITE_OK,
	   "a text over 200 bytes");
	ok(tu_exec(path, "UPDATE spotlight SET text = 'ææææ'", m, sizeof m) == SQLITE_OK,
	   "(the raw connection can set a message: the table has no triggers)");
	ok(spot_is(s, BL_SPOT_MESSAGE, NULL, "ææææ", NOW), "and the store reads it");

	/* A row removed by hand is put back by the next set. */
	ok(tu_exec(path, "DELETE FROM spotlight", m, sizeof m) == SQLITE_OK, "(remove the row)");
	bl_spotlight sp;
	ok(bl_store_spotlight_get(s, &sp, &e) != 0, "then get fails");
	like(e.msg, "damaged", "calling the file damaged");
	ok(spot_set(s, BL_SPOT_MESSAGE, NULL, msg, &e) == 0 &&
		   spot_is(s, BL_SPOT_MESSAGE, NULL, msg, NOW),
	   "and a set makes the row again");
	bl_spotlight_clear(&sp);
	bl_spotlight_clear(NULL);
}

static void test_spotlight_readonly(const char *path)
{
	bl_store *ro = NULL;
	bl_err e;
	ok(bl_store_open(path, true, &ro, &e) == 0, "a read-only open");
	if (!ro)
		return;
	ok(spot_is(ro, BL_SPOT_MESSAGE, NULL, "Pause til 10.15 – kaffe og æblekage i kantinen ☕",
		   NOW),
	   "reads the spotlight");
	ok(spot_set(ro, BL_SPOT_LINE, "3.22.01", NULL, &e) != 0, "but cannot set it");
	like(e.msg, "is open read-only; nothing was changed", "saying why");
	bl_store_close(ro);
}

/* A phase that locks everything: the spotlight still moves. */
static void test_spotlight_locked(void)
{
	bl_process_def *d = tu_def();
	d->phases[0].locks = BL_LOCK_AMOUNTS | BL_LOCK_LINES | BL_LOCK_AREAS | BL_LOCK_GOALS;
	const char *p = tu_path("locked.budgetlab");
	bl_store *s = NULL;
	bl_err e;
	ok(bl_store_create(p, d, TU_YAML, &s, &e) == 0, "a process whose first phase locks all");
	bl_process_def_free(d);
	if (!s)
		return;
	int64_t a = tu_area(s, 0, "BSU");
	int64_t l = add_line(s, "3.22.01", "Folkeskoler", a);
	ok(bl_store_phase_advance(s, 0, NULL, NULL, &e) == 0, "in that phase");
	ok(bl_store_area_add(s, 0, "KU", "Kultur", NULL, &e) != 0 &&
		   bl_store_amount_set(s, l, "proposal", 2028, 1, &e) != 0,
	   "(areas and amounts are locked)");
	int64_t journal = tu_journal(s);
	ok(spot_set(s, BL_SPOT_LINE, "3.22.01", NULL, &e) == 0 &&
		   spot_is(s, BL_SPOT_LINE, "3.22.01", NULL, NOW),
	   "a line can be spotlit");
	ok(spot_set(s, BL_SPOT_AREA, "BSU", NULL, &e) == 0 &&
		   spot_set(s, BL_SPOT_MESSAGE, NULL, "Afstemning om 5 minutter", &e) == 0,
	   "an area and a message too");
	ok(spot_is(s, BL_SPOT_MESSAGE, NULL, "Afstemning om 5 minutter", NOW), "and it is kept");
	is_int(tu_journal(s), journal, "without a journal entry");
	bl_line_query q = { "proposal", "folke", BL_SORT_AMOUNT, 2028, true };
	is_str(codes(s, &q, a, 0, 5), "3.22.01", "and the views read as always");
	bl_store_close(s);
}

/* BL_SORT_AMOUNT orders by net expense: an income line's amount counts
 * with a minus, as the budget screen shows it. */
static void test_amount_sign(void)
{
	bl_store *s = tu_create("sign.budgetlab");
	int64_t a = tu_area(s, 0, "A");
	int64_t e50 = tu_line(s, "e50", a, BL_DIR_EXPENSE);
	int64_t i100 = tu_line(s, "i100", a, BL_DIR_INCOME);
	int64_t e10 = tu_line(s, "e10", a, BL_DIR_EXPENSE);
	tu_set(s, e50, 2028, 50);
	tu_set(s, i100, 2028, 100);
	tu_set(s, e10, 2028, 10);
	bl_line_query q = { "proposal", NULL, BL_SORT_AMOUNT, 2028, true };
	is_str(codes(s, &q, a, 0, 10), "e50 e10 i100",
	       "amount desc: expenses first, then income (net -100)");
	q.descending = false;
	is_str(codes(s, &q, a, 0, 10), "i100 e10 e50", "amount asc: income first");
	int64_t area = 0, pos = -1;
	bl_err e;
	ok(bl_store_line_position(s, &q, i100, &area, &pos, &e) == 1 && pos == 0,
	   "the position agrees with the page");
	bl_store_close(s);
}

int main(void)
{
	tu_init();
	test_amount_sign();
	bl_store *s = fixture("view.budgetlab");
	test_counts(s);
	test_pages(s);
	test_positions(s);
	test_data_version(s, tu_path("view.budgetlab"));
	test_spotlight(s, tu_path("view.budgetlab"));
	bl_store_close(s);
	test_spotlight_readonly(tu_path("view.budgetlab"));
	test_spotlight_locked();
	tu_cleanup();
	return tap_done();
}
