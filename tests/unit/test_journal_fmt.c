/* The journal's records read strictly and said in words
 * (core/journal_fmt.c): every shape the triggers write, and garbage, which
 * must give a clear fallback and never crash; then the store's journal
 * pages (store/journal_view.c) that the journal screen reads. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/journal_fmt.h"
#include "core/text.h"
#include "store_util.h"
#include "tap.h"

static char buf[1024];

static const char *sum(const char *entity, const char *action, const char *before,
		       const char *after, bl_unit unit, int *rc)
{
	int r = bl_journal_summary(entity, action, NULL, before, after, BL_LANG_DA, unit, buf, sizeof buf);
	if (rc)
		*rc = r;
	return buf;
}

static void test_reader(void)
{
	bl_jobj o;
	bl_err err = { { 0 } };
	ok(bl_json_parse("{\"a\":1,\"b\":\"x\",\"c\":null}", &o, &err) == 0, "a flat object");
	is_int(o.n, 3, "with three fields");
	is_int(bl_jobj_get(&o, "a")->i, 1, "an integer");
	is_str(bl_jobj_get(&o, "b")->s, "x", "a string");
	is_int(bl_jobj_get(&o, "c")->type, BL_JNULL, "null");
	ok(bl_jobj_get(&o, "d") == NULL, "an absent key is NULL");
	bl_jobj_free(&o);

	ok(bl_json_parse(" { } ", &o, &err) == 0 && o.n == 0, "an empty object with blanks around");
	bl_jobj_free(&o);
	ok(bl_json_parse("{\"s\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e6\\u00F8\\u00e5\\ud83d\\ude00\"}", &o, &err) == 0,
	   "escapes, \\u and a surrogate pair");
	is_str(bl_jobj_get(&o, "s")->s, "a\"b\\c/d\n\tæøå\xF0\x9F\x98\x80", "decoded exactly");
	bl_jobj_free(&o);
	ok(bl_json_parse("{\"t\":\"Børne- og Skoleudvalget\"}", &o, &err) == 0, "raw UTF-8");
	is_str(bl_jobj_get(&o, "t")->s, "Børne- og Skoleudvalget", "kept as it is");
	bl_jobj_free(&o);
	ok(bl_json_parse("{\"max\":9223372036854775807,\"min\":-9223372036854775808,\"z\":-0}", &o, &err) == 0,
	   "the ends of the 64-bit range");
	is_int(bl_jobj_get(&o, "max")->i, INT64_MAX, "INT64_MAX");
	ok(bl_jobj_get(&o, "min")->i == INT64_MIN, "INT64_MIN");
	is_int(bl_jobj_get(&o, "z")->i, 0, "-0 is 0");
	bl_jobj_free(&o);

	static const struct {
		const char *json, *want;
	} bad[] = {
		{ "", "empty" },
		{ "   ", "empty" },
		{ "[1,2]", "expected '{'" },
		{ "{\"a\":1", "cut short" },
		{ "{\"a\":", "ends where a value" },
		{ "{\"a\"", "expected ':'" },
		{ "{\"a", "ends inside a string" },
		{ "{", "ends where a key" },
		{ "{a:1}", "key in double quotes" },
		{ "{\"a\":1,}", "key in double quotes" },
		{ "{\"a\":1}x", "after the record" },
		{ "{\"a\":1}{}", "after the record" },
		{ "{\"a\":1.5}", "not whole" },
		{ "{\"a\":1e3}", "not whole" },
		{ "{\"a\":9223372036854775808}", "64-bit range" },
		{ "{\"a\":-9223372036854775809}", "64-bit range" },
		{ "{\"a\":99999999999999999999999999999}", "64-bit range" },
		{ "{\"a\":012}", "leading zero" },
		{ "{\"a\":-}", "expected a digit" },
		{ "{\"a\":+1}", "expected a value" },
		{ "{\"a\":true}", "true or false" },
		{ "{\"a\":false}", "true or false" },
		{ "{\"a\":{\"b\":1}}", "nested" },
		{ "{\"a\":[1]}", "nested" },
		{ "{\"a\":nul}", "expected a value" },
		{ "{\"a\":1,\"a\":2}", "given before" },
		{ "{\"a\":\"\\x\"}", "unknown escape" },
		{ "{\"a\":\"\\u12\"}", "four hexadecimal" },
		{ "{\"a\":\"\\u0000\"}", "NUL" },
		{ "{\"a\":\"\\udc00\"}", "lone low surrogate" },
		{ "{\"a\":\"\\ud800x\"}", "not followed by a low" },
		{ "{\"a\":\"\\ud800\\u0041\"}", "not followed by a low" },
		{ "{\"a\":\"tab\there\"}", "control character" },
		{ "{\"a\":\"bl\xE5\"}", "not valid UTF-8" },
		{ "{\"a\":\"\xC3\"}", "not valid UTF-8" },
		{ "{\"a\":\"\xC0\xAF\"}", "not valid UTF-8" },
		{ "{\"a\":\"\xED\xA0\x80\"}", "not valid UTF-8" },
		{ "{\"a\":1 \"b\":2}", "expected ',' or '}'" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char q[BL_QUOTE_MAX];
		bl_text_quote(bad[i].json, strlen(bad[i].json), q);
		bl_err_clear(&err);
		memset(&o, 0x5A, sizeof o);
		int rc = bl_json_parse(bad[i].json, &o, &err);
		ok(rc == -1 && strstr(err.msg, bad[i].want) && strstr(err.msg, "at byte ") && o.n == 0 && !o.data,
		   "refused: %s (%s)", q, err.msg);
		bl_jobj_free(&o);
	}
	bl_err_clear(&err);
	ok(bl_json_parse("{\"a\":1,\"a\":2}", &o, &err) == -1 && strstr(err.msg, "at byte 8"),
	   "the byte named is where the repeated key starts (%s)", err.msg);
	ok(bl_json_parse(NULL, &o, &err) == -1, "no text is refused");

	/* More fields than any record has. */
	char many[2048] = "{";
	for (int i = 0; i <= BL_JSON_MAX_FIELDS; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "%s\"k%d\":%d", i ? "," : "", i, i);
	strcat(many, "}");
	ok(bl_json_parse(many, &o, &err) == -1 && strstr(err.msg, "more than"), "too many fields: %s", err.msg);

	/* Every cut of a real record is refused, never read past. */
	const char *rec = "{\"line\":\"3.22.01\",\"version\":\"proposal\",\"year\":2029,\"amount\":41550000000}";
	size_t n = strlen(rec);
	int refused = 0;
	for (size_t k = 0; k < n; k++) {
		char *cut = strndup(rec, k);
		if (bl_json_parse(cut, &o, &err) == -1)
			refused++;
		bl_jobj_free(&o);
		free(cut);
	}
	is_int(refused, (int)n, "each of the %zu cuts of a record is refused", n);
}

static void test_amounts(void)
{
	int rc;
	const char *b = "{\"line\":\"3.22.01\",\"version\":\"proposal\",\"year\":2029,\"amount\":41550000000}";
	const char *a = "{\"line\":\"3.22.01\",\"version\":\"proposal\",\"year\":2029,\"amount\":41600000000}";
	is_str(sum("amount", "update", b, a, BL_UNIT_KR, &rc),
	       "amount 2029: 415.500.000 → 416.000.000 kr.", "an amount change in kr.");
	is_int(rc, BL_JSUM_OK, "is the journal's own record");
	is_str(sum("amount", "update", b, a, BL_UNIT_THOUSANDS, NULL),
	       "amount 2029: 415.500 → 416.000 (1.000 kr.)", "in 1.000 kr., the unit in brackets");
	is_str(sum("amount", "update", b, a, BL_UNIT_MILLIONS, NULL),
	       "amount 2029: 415,5 → 416,0 mio. kr.", "in mio. kr.");
	const char *small = "{\"line\":\"x\",\"version\":\"proposal\",\"year\":2029,\"amount\":41550010000}";
	is_str(sum("amount", "update", b, small, BL_UNIT_MILLIONS, NULL),
	       "amount 2029: 415.500.000 → 415.500.100 kr.",
	       "a change the unit would round away is shown in kr.");
	const char *ore = "{\"line\":\"x\",\"version\":\"adopted\",\"year\":2028,\"amount\":123456750}";
	is_str(sum("amount", "insert", NULL, ore, BL_UNIT_KR, NULL),
	       "amount 2028 (adopted): (none) → 1.234.567,50 kr.", "a new amount, øre kept, version named");
	is_str(sum("amount", "delete", ore, NULL, BL_UNIT_KR, NULL),
	       "amount 2028 (adopted): 1.234.567,50 kr. → (none)", "a removed amount");
	const char *neg = "{\"line\":\"x\",\"version\":\"proposal\",\"year\":2028,\"amount\":-9223372036854775807}";
	like(sum("amount", "insert", NULL, neg, BL_UNIT_KR, NULL), "-92.233.720.368.547.758,07",
	     "the largest amount the store takes");
	bl_journal_summary("amount", "update", NULL, b, a, BL_LANG_NB, BL_UNIT_KR, buf, sizeof buf);
	is_str(buf, "amount 2029: 415 500 000 → 416 000 000 kr.", "Norwegian groups");

	/* Wrong types: the fields as they are, marked, never a made-up amount. */
	const char *wrong = "{\"line\":\"3.22.01\",\"version\":\"proposal\",\"year\":2029,\"amount\":\"lots\"}";
	like(sum("amount", "update", b, wrong, BL_UNIT_KR, &rc), "(unexpected record) amount 415.500.000 → \"lots\"",
	     "an amount that is text is listed, not read as a number");
	is_int(rc, BL_JSUM_FIELDS, "and said to be unexpected");
	like(sum("amount", "update", "{\"year\":\"2029\",\"amount\":1}", "{\"year\":\"2029\",\"amount\":2}",
		 BL_UNIT_KR, &rc), "(unexpected record) amount 0,01 → 0,02", "a year that is text");
	like(sum("amount", "insert", NULL, "{}", BL_UNIT_KR, &rc), "(no fields)", "an empty record");
	is_int(rc, BL_JSUM_FIELDS, "is unexpected");

	/* Garbage: says it cannot be read, and where. */
	like(sum("amount", "update", b, "{\"line\":\"x\",\"amount\":4160", BL_UNIT_KR, &rc),
	     "the record cannot be read (after: at byte 26: the text ends inside the record",
	     "a record cut short");
	is_int(rc, BL_JSUM_UNREADABLE, "is unreadable");
	like(sum("amount", "update", "{\"amount\":1e99}", a, BL_UNIT_KR, &rc), "cannot be read (before: ",
	     "a fraction");
	like(sum("amount", "update", b, "{\"amount\":123456789012345678901234567890}", BL_UNIT_KR, &rc),
	     "64-bit range", "a number past 64 bits");
	like(sum("amount", "update", b, "not json", BL_UNIT_KR, &rc), "expected '{'", "not JSON at all");
	is_int(rc, BL_JSUM_UNREADABLE, "is unreadable");
}

static void test_kinds(void)
{
	int rc;
	const char *l1 = "{\"code\":\"3.22.01\",\"title\":\"Folkeskoler\",\"area\":\"BSU.01\",\"kind\":\"operation\","
			 "\"direction\":\"expense\",\"description\":null}";
	const char *l2 = "{\"code\":\"3.22.01\",\"title\":\"Folkeskoler i alt\",\"area\":\"BSU.01\",\"kind\":\"operation\","
			 "\"direction\":\"expense\",\"description\":\"12 skoler\"}";
	is_str(sum("line", "insert", NULL, l1, BL_UNIT_KR, &rc),
	       "new line \"Folkeskoler\" in BSU.01, expense, operation", "a new line");
	is_int(rc, BL_JSUM_OK, "ok");
	is_str(sum("line", "update", l1, l2, BL_UNIT_KR, NULL),
	       "title \"Folkeskoler\" → \"Folkeskoler i alt\"; description (none) → \"12 skoler\"",
	       "a line change names what changed");
	is_str(sum("line", "update", l1, l1, BL_UNIT_KR, NULL), "no field changed", "an update that changed nothing");
	is_str(sum("line", "delete", l2, NULL, BL_UNIT_KR, NULL),
	       "deleted line \"Folkeskoler i alt\" in BSU.01, expense, operation", "a deleted line");
	is_str(sum("area", "insert", NULL, "{\"code\":\"BSU.01\",\"name\":\"Folkeskoler\",\"parent\":\"BSU\",\"level\":2}",
		   BL_UNIT_KR, NULL), "new area \"Folkeskoler\" under BSU", "a new area");
	is_str(sum("area", "insert", NULL, "{\"code\":\"BSU\",\"name\":\"Børn\",\"parent\":null,\"level\":1}",
		   BL_UNIT_KR, NULL), "new area \"Børn\" at the top", "a new top area");
	is_str(sum("goal", "insert", NULL, "{\"id\":1,\"title\":\"Trivsel\",\"area\":\"BSU\",\"description\":null}",
		   BL_UNIT_KR, NULL), "new goal \"Trivsel\" for BSU", "a new goal");
	is_str(sum("goal", "delete", "{\"id\":1,\"title\":\"Trivsel\",\"area\":null,\"description\":null}", NULL,
		   BL_UNIT_KR, NULL), "deleted goal \"Trivsel\" for the whole municipality", "a deleted goal");
	is_str(sum("goal_line", "insert", NULL, "{\"goal\":1,\"line\":\"3.22.01\"}", BL_UNIT_KR, NULL),
	       "line 3.22.01 now serves goal 1", "a link");
	is_str(sum("goal_line", "delete", "{\"goal\":1,\"line\":\"3.22.01\"}", NULL, BL_UNIT_KR, NULL),
	       "line 3.22.01 no longer serves goal 1", "an unlink");
	is_str(sum("phase", "advance", "{\"phase\":null}",
		   "{\"phase\":\"goals\",\"title\":\"Mål før økonomi\",\"override_reason\":null,\"failed_gates\":null}",
		   BL_UNIT_KR, NULL), "entered \"Mål før økonomi\" (goals) from setting up", "the first phase");
	is_str(sum("phase", "advance", "{\"phase\":\"goals\"}",
		   "{\"phase\":\"labs\",\"title\":\"Borgerlabs\",\"override_reason\":\"Agreed on 12 May\","
		   "\"failed_gates\":\"checklist_complete: 3 of 4 open\"}", BL_UNIT_KR, NULL),
	       "entered \"Borgerlabs\" (labs) from goals; gates overridden: \"Agreed on 12 May\" (failed:"
	       " checklist_complete: 3 of 4 open)", "an override with its reason");
	is_str(sum("checklist", "insert", NULL, "{\"phase\":\"goals\",\"item\":2,\"done_at\":\"2027-01-20T09:00:00Z\"}",
		   BL_UNIT_KR, NULL), "ticked item 2 of goals", "a tick");
	is_str(sum("checklist", "delete", "{\"phase\":\"goals\",\"item\":2,\"done_at\":\"2027-01-20T09:00:00Z\"}", NULL,
		   BL_UNIT_KR, NULL), "unticked item 2 of goals", "an untick");
	is_str(sum("import", "bulk", NULL, "{\"source\":\"demo/lines.tsv\",\"version\":\"proposal\",\"areas\":104,"
		   "\"lines\":336,\"amounts\":1344}", BL_UNIT_KR, NULL),
	       "loaded \"demo/lines.tsv\" into proposal: 336 lines, 1344 amounts, 104 new areas", "a bulk load");
	is_str(sum("import", "bulk", NULL, "{\"source\":\"demo/lines.tsv\",\"version\":\"proposal\",\"areas\":104,"
		   "\"lines\":336,\"amounts\":1344,\"created\":336,\"updated\":0,\"removed\":0}", BL_UNIT_KR, &rc),
	       "loaded \"demo/lines.tsv\" into proposal: 336 lines, 1344 amounts, 104 new areas",
	       "a bulk load that only created lines reads as before");
	is_int(rc, BL_JSUM_OK, "ok");
	const char *replaced = "{\"source\":\"bergen.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":557,"
			       "\"amounts\":2228,\"replaced\":2228,\"created\":2,\"updated\":555,\"removed\":3,"
			       "\"profile\":\"bergen\",\"rows\":1761,\"rejected\":4}";
	is_str(sum("import", "bulk", NULL, replaced, BL_UNIT_KR, &rc),
	       "loaded \"bergen.csv\" into proposal, replacing 2228 amounts: 557 lines (2 new, 555 updated),"
	       " 2228 amounts, 0 new areas, 3 lines removed; 1761 rows read, 4 rejected",
	       "a replacing import: what it replaced, reused and removed, and the importer's rows");
	is_int(rc, BL_JSUM_OK, "the note's members are no reason to fall back");
	is_str(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"adopted\",\"areas\":1,\"lines\":5,"
		   "\"amounts\":20,\"created\":1,\"updated\":4,\"removed\":0,\"rows\":5,\"profile\":null,"
		   "\"sheet\":\"2028\"}", BL_UNIT_KR, &rc),
	       "loaded \"x.csv\" into adopted: 5 lines (1 new, 4 updated), 20 amounts, 1 new areas; 5 rows read",
	       "lines reused without replacing; members it does not know are left out");
	is_int(rc, BL_JSUM_OK, "ok");
	is_str(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":0,"
		   "\"amounts\":0,\"replaced\":9,\"created\":0,\"updated\":0,\"removed\":2,\"rejected\":\"none\"}",
		   BL_UNIT_KR, &rc),
	       "loaded \"x.csv\" into proposal, replacing 9 amounts: 0 lines, 0 amounts, 0 new areas, 2 lines removed",
	       "an import of an empty file; rejected that is not a number is left out");
	is_str(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":1,"
		   "\"amounts\":4,\"rejected\":2}", BL_UNIT_KR, &rc),
	       "loaded \"x.csv\" into proposal: 1 lines, 4 amounts, 0 new areas; 2 rows rejected", "rejected alone");
	like(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":1,"
		 "\"amounts\":4,\"replaced\":\"all\"}", BL_UNIT_KR, &rc),
	     "(unexpected record) source: \"x.csv\"", "replaced that is not a whole number: the fields as they are");
	is_int(rc, BL_JSUM_FIELDS, "unexpected");
	like(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":1,"
		 "\"amounts\":4,\"removed\":null}", BL_UNIT_KR, &rc),
	     "(unexpected record)", "removed as null");
	like(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,\"lines\":1,"
		 "\"amounts\":4,\"updated\":\"1\"}", BL_UNIT_KR, &rc),
	     "(unexpected record)", "updated as text");
	like(sum("import", "bulk", NULL, "{\"source\":\"x.csv\",\"version\":\"proposal\",\"areas\":0,"
		 "\"amounts\":4,\"created\":1,\"updated\":0}", BL_UNIT_KR, &rc),
	     "(unexpected record)", "a bulk load without lines");
	is_str(sum("process", "insert", NULL, "{\"municipality\":\"Egekær Kommune\",\"title\":\"Budget 2028–2031\","
		   "\"currency\":\"DKK\",\"language\":\"da\",\"budget_year\":2028,\"n_years\":4}", BL_UNIT_KR, NULL),
	       "process created: Egekær Kommune, \"Budget 2028–2031\", years 2028–2031", "the process");
	is_str(sum("checklist", "update", "{\"done_at\":\"2027-01-20T09:00:00Z\"}",
		   "{\"done_at\":\"2027-01-21T10:30:00Z\"}", BL_UNIT_KR, &rc),
	       "(unexpected record) done_at 2027-01-20 09:00 → 2027-01-21 10:30", "times in a readable form");
	is_str(sum("widget", "insert", NULL, "{\"a\":1,\"b\":\"x\"}", BL_UNIT_KR, &rc),
	       "(unexpected record) a: 1, b: \"x\"", "an unknown kind lists its fields");
	is_int(rc, BL_JSUM_FIELDS, "unexpected");
	is_str(sum("line", "insert", NULL, NULL, BL_UNIT_KR, &rc), "(unexpected record) (no record)",
	       "an insert without a record");
	is_str(sum(NULL, NULL, NULL, NULL, BL_UNIT_KR, &rc), "(unexpected record) (no record)", "nothing at all");
	is_str(sum("line", "insert", NULL, "{\"title\":7}", BL_UNIT_KR, &rc), "(unexpected record) title: 7",
	       "a title that is a number");
}

static void test_text(void)
{
	/* A stray escape sequence in a damaged record is shown, not obeyed. */
	like(sum("goal", "insert", NULL, "{\"title\":\"a\\u001b[2Jb\\u0085c\\nd\",\"area\":null}", BL_UNIT_KR, NULL),
	     "\"a\\x1b[2Jb\\xc2\\x85c d\"", "controls are escaped as bytes, a newline is a space");
	ok(!strchr(buf, '\033'), "no ESC reaches the summary");
	char small[16];
	bl_journal_summary("goal", "insert", NULL, "{\"title\":\"Flere børn i trivsel og læring\",\"area\":null}", NULL,
			   BL_LANG_DA, BL_UNIT_KR, small, sizeof small);
	ok(strlen(small) < sizeof small && bl_utf8_valid(small, strlen(small)), "a small buffer: cut, valid UTF-8");
	like(small, "…", "and marked with an ellipsis");
	char tiny[3] = "xx";
	bl_journal_summary("goal", "insert", NULL, "{\"title\":\"x\",\"area\":null}", NULL, BL_LANG_DA, BL_UNIT_KR,
			   tiny, sizeof tiny);
	is_str(tiny, "", "a buffer too small for anything is left empty");
	/* A long text is cut at a code point, never in the middle of one. */
	char big[5000] = "{\"title\":\"";
	for (int i = 0; i < 1000; i++)
		strcat(big, "æ");
	strcat(big, "\",\"area\":null}");
	bl_journal_summary("goal", "insert", NULL, big, NULL, BL_LANG_DA, BL_UNIT_KR, buf, sizeof buf);
	ok(bl_utf8_valid(buf, strlen(buf)) && strlen(buf) < sizeof buf, "a long title is cut into valid UTF-8");

	char w[64];
	bl_journal_what("amount", "update", w, sizeof w);
	is_str(w, "amount changed", "what: amount changed");
	bl_journal_what("checklist", "insert", w, sizeof w);
	is_str(w, "item ticked", "what: item ticked");
	bl_journal_what("gizmo", "frob\x1b", w, sizeof w);
	is_str(w, "gizmo frob\\x1b", "what of an unknown kind, escaped");
	bl_journal_what(NULL, NULL, w, sizeof w);
	is_str(w, "? ?", "what of nothing");

	bl_journal_time("2027-01-20T09:05:59Z", w, sizeof w);
	is_str(w, "2027-01-20 09:05", "the time in UTC (TZ=UTC)");
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	bl_journal_time("2027-01-20T09:05:59Z", w, sizeof w);
	ok(strcmp(w, "2027-01-20 10:05") == 0 || strcmp(w, "2027-01-20 09:05") == 0,
	   "local time in Copenhagen (or UTC without zone data): %s", w);
	setenv("TZ", "UTC", 1);
	tzset();
	bl_journal_time("yesterday\x1b", w, sizeof w);
	is_str(w, "yesterday\\x1b", "other text as it is, escaped");
	/* Not UTF-8 (a caller that did not parse): each byte shown. */
	bl_journal_time("bl\xE5", w, sizeof w);
	is_str(w, "bl\\xe5", "a Latin-1 byte is written as \\xe5");
	bl_journal_time("2027-13-20T09:05:59Z", w, sizeof w);
	is_str(w, "2027-13-20T09:05:59Z", "a month 13 is not converted");
	bl_journal_time(NULL, w, sizeof w);
	is_str(w, "", "no time");
}

/* ---- the store's pages ---- */

typedef struct collect {
	int64_t ids[64];
	int n;
} collect;

static int collect_cb(void *ctx, const bl_journal_entry *e)
{
	collect *c = ctx;
	if (c->n < 64)
		c->ids[c->n++] = e->id;
	return 0;
}

static void test_pages(void)
{
	tu_init();
	bl_store *s = tu_create("j.budgetlab");
	bl_err err = { { 0 } };
	int64_t area = 0, line = 0, n_all = 0, n_line = 0;
	bl_line l = { .code = "3.22.01", .title = "Folkeskoler", .kind = BL_KIND_OPERATION, .dir = BL_DIR_EXPENSE };
	ok(bl_store_area_add(s, 0, "BSU", "Børn", &area, &err) == 0, "an area");
	l.area_id = area;
	ok(bl_store_line_add(s, &l, &line, &err) == 0, "a line");
	for (int y = 0; y < 3; y++)
		bl_store_amount_set(s, line, "proposal", 2028 + y, 100 * (y + 1), &err);
	ok(bl_store_journal_count_for(s, NULL, &n_all, &err) == 0, "count all");
	ok(bl_store_journal_count_for(s, "3.22.01", &n_line, &err) == 0, "count one line");
	is_int(n_line, 4, "the line and its three amounts");
	int64_t n_old;
	bl_store_journal_count(s, &n_old, &err);
	is_int(n_all, n_old, "the same count as bl_store_journal_count");
	collect c = { { 0 }, 0 };
	ok(bl_store_journal_page(s, NULL, 0, 2, collect_cb, &c, &err) == 0, "the first page");
	is_int(c.n, 2, "two entries");
	ok(c.ids[0] > c.ids[1], "newest first");
	int64_t newest = c.ids[0];
	c.n = 0;
	bl_store_journal_page(s, NULL, 1, 1, collect_cb, &c, &err);
	ok(c.n == 1 && c.ids[0] == newest - 1, "offset 1 is the one before");
	c.n = 0;
	bl_store_journal_page(s, NULL, n_all, 10, collect_cb, &c, &err);
	is_int(c.n, 0, "past the end: none");
	c.n = 0;
	bl_store_journal_page(s, NULL, 0, 0, collect_cb, &c, &err);
	is_int(c.n, 0, "limit 0: none");
	c.n = 0;
	bl_store_journal_page(s, "3.22.01", 1, 10, collect_cb, &c, &err);
	is_int(c.n, 3, "a line's page from offset 1");
	c.n = 0;
	bl_store_journal_page(s, "", 0, 100, collect_cb, &c, &err);
	is_int(c.n, n_all, "an empty code is every entry");
	ok(bl_store_journal_page(s, NULL, -1, 1, collect_cb, &c, &err) == -1, "a negative offset is refused");
	ok(bl_store_journal_page(s, NULL, 0, -1, collect_cb, &c, &err) == -1, "a negative limit is refused");
	ok(bl_store_journal_page(s, "bl\xE5", 0, 1, collect_cb, &c, &err) == -1 && strstr(err.msg, "UTF-8"),
	   "a code that is not UTF-8 is refused");
	ok(bl_store_journal_count_for(s, "NOPE", &n_line, &err) == 0 && n_line == 0, "an unknown line has none");
	bl_store_close(s);
	tu_cleanup();
}

/* Labs: every record the lab triggers and lab_store.c write. */
static void test_labs(void)
{
	int rc;
	is_str(sum("lab", "insert", NULL, "{\"lab\":1,\"theme\":\"Grønne byrum\",\"pool\":200000000,"
		   "\"vote_type\":\"approval\",\"ballot_type\":\"godkendelse\",\"area\":null,\"rule\":null,"
		   "\"tie_break\":null,\"status\":\"open\"}", BL_UNIT_KR, &rc),
	       "new lab 1 \"Grønne byrum\", pool 2.000.000, godkendelse", "a new lab");
	is_int(rc, BL_JSUM_OK, "is the journal's own record");
	like(sum("lab", "update", "{\"lab\":1,\"theme\":\"A\",\"pool\":1,\"status\":\"open\"}",
		 "{\"lab\":1,\"theme\":\"A\",\"pool\":1,\"status\":\"voting\"}", BL_UNIT_KR, &rc),
	     "lab 1: status \"open\" → \"voting\"", "a lab's status changed");
	is_str(sum("session", "insert", NULL, "{\"lab\":1,\"session\":2,\"date\":\"2027-03-11\","
		   "\"place\":\"Nordskolen\",\"facilitator\":\"Jonas\"}", BL_UNIT_KR, &rc),
	       "lab 1: new session 2, 2027-03-11, Nordskolen", "a session");
	is_str(sum("participant", "insert", NULL, "{\"lab\":1,\"participant\":7,\"session\":2}",
		   BL_UNIT_KR, &rc), "lab 1: participant 7 signed in at session 2", "a sign-in");
	is_str(sum("participant", "update", NULL, "{\"participant\":7,\"category\":\"alder\","
		   "\"value\":\"30-49\"}", BL_UNIT_KR, &rc), "participant 7: alder (none) → 30-49",
	       "a category answer");
	is_str(sum("participant", "delete", "{\"lab\":1,\"participant\":7,\"session\":null}", NULL,
		   BL_UNIT_KR, &rc), "lab 1: participant 7 removed", "a participant removed");
	is_str(sum("idea", "insert", NULL, "{\"lab\":1,\"idea\":3,\"title\":\"Bænke\","
		   "\"status\":\"on_ballot\"}", BL_UNIT_KR, &rc),
	       "lab 1: new idea 3 \"Bænke\" (on_ballot)", "an idea");
	is_str(sum("idea_cost", "update", "{\"idea\":3,\"year\":2028,\"amount\":12000000}",
		   "{\"idea\":3,\"year\":2028,\"amount\":15000000}", BL_UNIT_KR, &rc),
	       "idea 3's cost 2028: 120.000 → 150.000", "a cost changed");
	is_str(sum("ballot", "insert", NULL, "{\"ballot\":13,\"session\":2,\"participant\":12,"
		   "\"cast\":\"paper\",\"replaces\":12,\"marks\":\"4 5 8\"}", BL_UNIT_KR, &rc),
	       "ballot 13 counted: 4 5 8 (paper, session 2, participant 12), replacing ballot 12",
	       "a ballot, correcting another");
	is_str(sum("ballot", "insert", NULL, "{\"ballot\":1,\"session\":0,\"participant\":0,"
		   "\"cast\":\"laptop\",\"replaces\":0,\"marks\":\"\"}", BL_UNIT_KR, &rc),
	       "ballot 1 counted: (empty) (laptop)", "an empty ballot, anonymous");
	is_str(sum("ballot", "void", "{\"ballot\":12}", "{\"ballot\":12,\"reason\":\"undone\"}",
		   BL_UNIT_KR, &rc), "ballot 12 void: \"undone\"", "a ballot voided");
	is_str(sum("ballot", "import", NULL, "{\"lab\":3,\"source\":\"x.pb\",\"projects\":24,"
		   "\"votes\":180}", BL_UNIT_KR, &rc),
	       "imported \"x.pb\" as lab 3: 24 projects, 180 ballots", "a Pabulib import");
	sum("ballot", "insert", NULL, "{\"ballot\":\"x\"}", BL_UNIT_KR, &rc);
	is_int(rc, BL_JSUM_FIELDS, "a ballot record of the wrong shape is shown as it is");
	sum("idea", "insert", NULL, "{\"lab\":1}", BL_UNIT_KR, &rc);
	is_int(rc, BL_JSUM_FIELDS, "an idea without a number or title too");
	is_str(sum("idea_goal", "insert", NULL, "{\"idea\":3,\"goal\":2}", BL_UNIT_KR, &rc),
	       "idea 3 now serves goal 2", "an idea linked to a goal");
	bl_journal_what("ballot", "void", buf, sizeof buf);
	is_str(buf, "ballot void", "what: ballot void");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	test_reader();
	test_labs();
	test_amounts();
	test_kinds();
	test_text();
	test_pages();
	return tap_done();
}
