/* test_money.c: parsing, formatting and arithmetic of exact amounts. */
#include "config.h"
#include "core/money.h"

#include "tap.h"

#define SENTINEL ((bl_money)0x5A5A5A5A5A5A5A5A)

static const char *lang_s(bl_lang l)
{
	return bl_lang_name(l);
}

/* ---- names and labels ------------------------------------------------- */

static void test_names(void)
{
	static const struct {
		const char *name;
		int rc;
		bl_lang lang;
	} langs[] = {
		{"da", 0, BL_LANG_DA}, {"nb", 0, BL_LANG_NB},
		{"no", 0, BL_LANG_NB}, {"en", 0, BL_LANG_EN},
		{"DA", -1, 0},         {"dan", -1, 0},
		{"", -1, 0},           {"nb ", -1, 0},
		{"nn", -1, 0},         {"d", -1, 0},
	};
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
		bl_lang l = (bl_lang)42;
		int rc = bl_lang_from_name(langs[i].name, &l);
		ok(rc == langs[i].rc &&
			   (rc == 0 ? l == langs[i].lang : l == (bl_lang)42),
		   "bl_lang_from_name(\"%s\") -> %d", langs[i].name,
		   langs[i].rc);
	}
	bl_lang l;
	ok(bl_lang_from_name(NULL, &l) == -1, "bl_lang_from_name(NULL) fails");
	is_str(bl_lang_name(BL_LANG_DA), "da", "bl_lang_name(DA)");
	is_str(bl_lang_name(BL_LANG_NB), "nb", "bl_lang_name(NB)");
	is_str(bl_lang_name(BL_LANG_EN), "en", "bl_lang_name(EN)");

	static const struct {
		const char *name;
		int rc;
		bl_unit unit;
	} units[] = {
		{"kr", 0, BL_UNIT_KR},
		{"t", 0, BL_UNIT_THOUSANDS},
		{"1000", 0, BL_UNIT_THOUSANDS},
		{"thousands", 0, BL_UNIT_THOUSANDS},
		{"mio", 0, BL_UNIT_MILLIONS},
		{"millions", 0, BL_UNIT_MILLIONS},
		{"KR", -1, 0},
		{"kr.", -1, 0},
		{"1.000", -1, 0},
		{"mill", -1, 0},
		{"", -1, 0},
		{"T", -1, 0},
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		bl_unit u = (bl_unit)42;
		int rc = bl_unit_from_name(units[i].name, &u);
		ok(rc == units[i].rc &&
			   (rc == 0 ? u == units[i].unit : u == (bl_unit)42),
		   "bl_unit_from_name(\"%s\") -> %d", units[i].name,
		   units[i].rc);
	}
	bl_unit u;
	ok(bl_unit_from_name(NULL, &u) == -1, "bl_unit_from_name(NULL) fails");

	is_str(bl_unit_label(BL_UNIT_KR, BL_LANG_DA), "kr.", "label kr da");
	is_str(bl_unit_label(BL_UNIT_THOUSANDS, BL_LANG_DA), "1.000 kr.",
	       "label t da");
	is_str(bl_unit_label(BL_UNIT_MILLIONS, BL_LANG_DA), "mio. kr.",
	       "label mio da");
	is_str(bl_unit_label(BL_UNIT_KR, BL_LANG_NB), "kr.", "label kr nb");
	is_str(bl_unit_label(BL_UNIT_THOUSANDS, BL_LANG_NB), "1 000 kr.",
	       "label t nb");
	is_str(bl_unit_label(BL_UNIT_MILLIONS, BL_LANG_NB), "mill. kr.",
	       "label mio nb");
	is_str(bl_unit_label(BL_UNIT_KR, BL_LANG_EN), "kr.", "label kr en");
	is_str(bl_unit_label(BL_UNIT_THOUSANDS, BL_LANG_EN), "1,000 kr.",
	       "label t en");
	is_str(bl_unit_label(BL_UNIT_MILLIONS, BL_LANG_EN), "m kr.",
	       "label mio en");
}

/* ---- parsing: good input ---------------------------------------------- */

static const struct good {
	bl_lang lang;
	const char *in;
	bl_money want;
} good[] = {
	/* da */
	{BL_LANG_DA, "1.234.567,50", 123456750},
	{BL_LANG_DA, "1.234.567 kr.", 123456700},
	{BL_LANG_DA, "1234567", 123456700},
	{BL_LANG_DA, "1.234", 123400},
	{BL_LANG_DA, "-1.234", -123400},
	{BL_LANG_DA, "+1.234", 123400},
	{BL_LANG_DA, "1,5", 150},
	{BL_LANG_DA, "1,05", 105},
	{BL_LANG_DA, "0,01", 1},
	{BL_LANG_DA, "-0,01", -1},
	{BL_LANG_DA, "0", 0},
	{BL_LANG_DA, "-0", 0},
	{BL_LANG_DA, "-0,00", 0},
	{BL_LANG_DA, "007", 700},
	{BL_LANG_DA, "0.000", 0},
	{BL_LANG_DA, "999", 99900},
	{BL_LANG_DA, "-", 0},
	{BL_LANG_DA, " -   ", 0},
	{BL_LANG_DA, "\xe2\x88\x92", 0},                /* U+2212 alone */
	{BL_LANG_DA, "\xe2\x88\x92" "1.234,50", -123450}, /* U+2212 */
	{BL_LANG_DA, "- 5", -500},  /* space after the sign is accepted */
	{BL_LANG_DA, "-\xc2\xa0" "5", -500},
	{BL_LANG_DA, "+ 5", 500},
	{BL_LANG_DA, "1 234 567", 123456700},
	{BL_LANG_DA, "1\xc2\xa0" "234\xc2\xa0" "567,50", 123456750},
	{BL_LANG_DA, "1\xe2\x80\xaf" "234", 123400},
	/* the three spaces count as one separator */
	{BL_LANG_DA, "1 234\xc2\xa0" "567", 123456700},
	{BL_LANG_DA, "  1.234  ", 123400},
	{BL_LANG_DA, "\t12\t", 1200},
	{BL_LANG_DA, "12\r\n", 1200},
	{BL_LANG_DA, "\xc2\xa0" "12\xc2\xa0", 1200},
	{BL_LANG_DA, "\xe2\x80\xaf" "12\xe2\x80\xaf", 1200},
	{BL_LANG_DA, "12kr", 1200},
	{BL_LANG_DA, "12 KR", 1200},
	{BL_LANG_DA, "12 Kr.", 1200},
	{BL_LANG_DA, "12 DKK", 1200},
	{BL_LANG_DA, "12 nok", 1200},
	{BL_LANG_DA, "12\xc2\xa0kr.", 1200},
	{BL_LANG_DA, " -12,50 kr. ", -1250},
	{BL_LANG_DA, "1.234,-", 123400},
	{BL_LANG_DA, "-1.234,- kr.", -123400},
	{BL_LANG_DA, "92.233.720.368.547.758,07", INT64_MAX},
	{BL_LANG_DA, "-92.233.720.368.547.758,07", -INT64_MAX},
	{BL_LANG_DA, "92233720368547758,07", INT64_MAX},
	{BL_LANG_DA, "-92233720368547758,07 kr.", BL_MONEY_MIN},
	{BL_LANG_DA, "00000000000000000000000001", 100},
	/* nb */
	{BL_LANG_NB, " -1 362 250 ", -136225000},
	{BL_LANG_NB, "1 234 567,50", 123456750},
	{BL_LANG_NB, "1\xc2\xa0" "234\xc2\xa0" "567", 123456700},
	{BL_LANG_NB, "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567", 123456700},
	{BL_LANG_NB, "1.234.567,50", 123456750},
	{BL_LANG_NB, "-1 362 250 kr", -136225000},
	{BL_LANG_NB, "1 362 250 NOK", 136225000},
	{BL_LANG_NB, "1,5", 150},
	{BL_LANG_NB, "1234567", 123456700},
	{BL_LANG_NB, "1 500,-", 150000},
	{BL_LANG_NB, "-", 0},
	{BL_LANG_NB, "92 233 720 368 547 758,07", INT64_MAX},
	{BL_LANG_NB, "-92 233 720 368 547 758,07", BL_MONEY_MIN},
	/* en */
	{BL_LANG_EN, "1,234,567.50", 123456750},
	{BL_LANG_EN, "1 234 567.50", 123456750},
	{BL_LANG_EN, "1\xc2\xa0" "234.5", 123450},
	{BL_LANG_EN, "1.5", 150},
	{BL_LANG_EN, "1.05", 105},
	{BL_LANG_EN, "-1,234", -123400},
	{BL_LANG_EN, "1,234", 123400},
	{BL_LANG_EN, "1234567.5", 123456750},
	{BL_LANG_EN, "12 DKK", 1200},
	{BL_LANG_EN, "+0.99", 99},
	{BL_LANG_EN, "92,233,720,368,547,758.07", INT64_MAX},
	{BL_LANG_EN, "-92,233,720,368,547,758.07", BL_MONEY_MIN},
};

static void test_parse_good(void)
{
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		const struct good *g = &good[i];
		bl_err err = {"untouched"};
		bl_money v = SENTINEL;
		int rc = bl_money_parse(g->in, g->lang, &v, &err);
		ok(rc == 0 && v == g->want, "%s: parse \"%s\" = %" PRId64,
		   lang_s(g->lang), g->in, g->want);
		if (rc != 0 || v != g->want)
			diag("rc %d, got %" PRId64 ", message: %s", rc, v,
			     err.msg);
	}

	/* The same through parse_n, from a heap buffer of exactly len bytes
	 * with no NUL after it, so that AddressSanitizer catches any read
	 * past the end. */
	int bad = 0;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		size_t len = strlen(good[i].in);
		char *copy = malloc(len ? len : 1);
		memcpy(copy, good[i].in, len);
		bl_money v = SENTINEL;
		if (bl_money_parse_n(copy, len, good[i].lang, &v, NULL) != 0 ||
		    v != good[i].want) {
			if (!bad++)
				diag("parse_n failed on \"%s\"", good[i].in);
		}
		free(copy);
	}
	ok(bad == 0, "parse_n agrees with parse on all %zu good inputs",
	   sizeof good / sizeof *good);

	/* parse_n stops at len, as a CSV importer needs. */
	const char *row = "1.234;5.678,90;x";
	bl_money v = SENTINEL;
	ok(bl_money_parse_n(row, 5, BL_LANG_DA, &v, NULL) == 0 && v == 123400,
	   "parse_n reads only the first field of a CSV row");
	v = SENTINEL;
	ok(bl_money_parse_n(row + 6, 8, BL_LANG_DA, &v, NULL) == 0 &&
		   v == 567890,
	   "parse_n reads the second field of a CSV row");
	v = SENTINEL;
	ok(bl_money_parse_n("", 0, BL_LANG_DA, &v, NULL) == -1 &&
		   v == SENTINEL,
	   "parse_n of zero bytes is an error");
	ok(bl_money_parse("12", BL_LANG_DA, NULL, NULL) == 0,
	   "a NULL out and NULL err are allowed");
	ok(bl_money_parse("12x", BL_LANG_DA, NULL, NULL) == -1,
	   "an error with a NULL err still fails");
	ok(bl_money_parse(NULL, BL_LANG_DA, &v, NULL) == -1 && v == SENTINEL,
	   "a NULL string is an error");
}

/* ---- parsing: bad input ----------------------------------------------- */

static const struct bad {
	bl_lang lang;
	const char *in;
	size_t len;         /* 0: strlen(in) */
	const char *quoted; /* how the message shows it; NULL: as in */
	const char *why;    /* part of the reason */
} bad[] = {
	{BL_LANG_DA, "", 0, NULL, "it is empty or only white space"},
	{BL_LANG_DA, "   ", 0, NULL, "it is empty"},
	{BL_LANG_DA, "\xc2\xa0\t ", 0, "\xc2\xa0\\x09 ", "it is empty"},
	{BL_LANG_DA, "12a", 0, NULL, "\"a\" is not a digit"},
	{BL_LANG_DA, "abc", 0, NULL, "\"a\" is not a digit"},
	{BL_LANG_DA, "a12", 0, NULL, "\"a\" is not a digit"},
	{BL_LANG_DA, "NaN", 0, NULL, "\"N\" is not a digit"},
	{BL_LANG_DA, "inf", 0, NULL, "\"i\" is not a digit"},
	{BL_LANG_DA, "1e6", 0, NULL, "\"e\" is not a digit"},
	{BL_LANG_DA, "0x10", 0, NULL, "\"x\" is not a digit"},
	{BL_LANG_DA, "(500)", 0, NULL, "\"(\" is not a digit"},
	{BL_LANG_DA, "12 \xe2\x82\xac", 0, NULL, "\"\xe2\x82\xac\" is not a digit"},
	{BL_LANG_DA, "kr. 12", 0, NULL, "\"k\" is not a digit"},
	{BL_LANG_DA, "5 kr kr", 0, NULL, "\"k\" is not a digit"},
	{BL_LANG_DA, "1\t234", 0, "1\\x09234", "\"\\x09\" is not a digit"},
	{BL_LANG_DA, "\x1b[31m5", 0, "\\x1b[31m5", "\"\\x1b\" is not a digit"},
	{BL_LANG_DA, "5\xc2\x9b", 0, "5\\xc2\\x9b", "\"\\xc2\\x9b\" is not a digit"},
	{BL_LANG_DA, "1,2,3", 0, NULL, "more than one decimal comma"},
	{BL_LANG_DA, "--5", 0, NULL, "more than one sign"},
	{BL_LANG_DA, "+-5", 0, NULL, "more than one sign"},
	{BL_LANG_DA, "- -5", 0, NULL, "more than one sign"},
	{BL_LANG_DA, "\xe2\x88\x92\xe2\x88\x92" "5", 0, NULL, "more than one sign"},
	{BL_LANG_DA, "--", 0, NULL, "more than one sign"},
	{BL_LANG_DA, "5-", 0, NULL, "a sign can only come first"},
	{BL_LANG_DA, "1-2", 0, NULL, "a sign can only come first"},
	{BL_LANG_DA, "1+2", 0, NULL, "a sign can only come first"},
	{BL_LANG_DA, "1,-5", 0, NULL, "a sign can only come first"},
	{BL_LANG_DA, "5 \xe2\x88\x92", 0, NULL, "a sign can only come first"},
	{BL_LANG_DA, ".5", 0, NULL, "it starts with a separator"},
	{BL_LANG_DA, ",5", 0, NULL, "decimal comma must have digits before it (write 0,5)"},
	{BL_LANG_DA, "-,5", 0, NULL, "decimal comma must have digits before it"},
	{BL_LANG_DA, "1.", 0, NULL, "it ends with a separator"},
	{BL_LANG_DA, "1.234.", 0, NULL, "it ends with a separator"},
	{BL_LANG_DA, "1.23.456", 0, NULL, "must have three digits"},
	{BL_LANG_DA, "1.2345", 0, NULL, "must have three digits"},
	{BL_LANG_DA, "1.23,5", 0, NULL, "must have three digits"},
	{BL_LANG_DA, "1234.567", 0, NULL, "one to three digits"},
	{BL_LANG_DA, "1234.50", 0, NULL, "written in another number format (English"},
	{BL_LANG_DA, "1,234,567.50", 0, NULL, "written in another number format (English"},
	{BL_LANG_DA, "1,234,567", 0, NULL, "this process writes amounts in Danish, e.g. 1.234.567,50"},
	{BL_LANG_NB, "1,234,567.50", 0, NULL, "this process writes amounts in Norwegian, e.g. 1 234 567,50"},
	{BL_LANG_EN, "1.234.567,50", 0, NULL, "written in another number format (Danish"},
	{BL_LANG_DA, "1,5 mio", 0, NULL, "in kroner, not in millions: 1,5 mio. kr. is written 1.500.000"},
	{BL_LANG_DA, "1,5 mio. kr.", 0, NULL, "not in millions"},
	{BL_LANG_NB, "2 MILL", 0, NULL, "not in millions"},
	{BL_LANG_DA, "200 t.kr.", 0, NULL, "in kroner, not in thousands"},
	{BL_LANG_DA, "tusind", 0, NULL, "expected e.g."},
	{BL_LANG_EN, "1 234 567,50", 0, NULL, "this process writes amounts in English, e.g. 1,234,567.50"},
	{BL_LANG_DA, "1..234", 0, NULL, "two separators in a row"},
	{BL_LANG_DA, "1  234", 0, NULL, "two separators in a row"},
	{BL_LANG_DA, "1.,5", 0, NULL, "two separators in a row"},
	{BL_LANG_DA, "12,", 0, NULL, "must be followed by one or two digits"},
	{BL_LANG_DA, "12, kr.", 0, NULL, "must be followed by one or two digits"},
	{BL_LANG_DA, "1,234", 0, NULL, "more than two decimals"},
	{BL_LANG_DA, "0,001", 0, NULL, "more than two decimals"},
	{BL_LANG_DA, "1.234,567", 0, NULL, "more than two decimals"},
	{BL_LANG_DA, "1,23.4", 0, NULL, "cannot come after the decimal comma"},
	{BL_LANG_DA, "12,5 0", 0, NULL, "cannot come after the decimal comma"},
	{BL_LANG_DA, "1 234.567", 0, NULL, "mixes two thousands separators, a space and \".\""},
	{BL_LANG_DA, "1.234 567", 0, NULL, "mixes two thousands separators, \".\" and a space"},
	{BL_LANG_DA, "92.233.720.368.547.758,08", 0, NULL, "it is too large"},
	{BL_LANG_DA, "-92.233.720.368.547.758,09", 0, NULL, "it is too small"},
	{BL_LANG_DA, "-92.233.720.368.547.758,08", 0, NULL, "it is too small"},
	{BL_LANG_NB, "-92 233 720 368 547 758,08", 0, NULL, "it is too small"},
	{BL_LANG_EN, "-99999999999999999999", 0, NULL, "it is too small"},
	{BL_LANG_DA, "99999999999999999999999", 0, NULL, "it is too large"},
	{BL_LANG_DA, "184467440737095516,16", 0, NULL, "it is too large"},
	{BL_LANG_DA, "kr.", 0, NULL, "it has no digits"},
	{BL_LANG_DA, "- kr.", 0, NULL, "it has no digits"},
	{BL_LANG_DA, "+", 0, NULL, "it has no digits"},
	{BL_LANG_DA, "DKK", 0, NULL, "it has no digits"},
	{BL_LANG_DA, "\xf8re", 0, "\\xf8re", "not valid UTF-8"},
	{BL_LANG_DA, "1\xc2", 0, "1\\xc2", "not valid UTF-8"},
	{BL_LANG_DA, "\xc0\xb1", 0, "\\xc0\\xb1", "not valid UTF-8"},
	{BL_LANG_DA, "\xed\xa0\x80", 0, "\\xed\\xa0\\x80", "not valid UTF-8"},
	{BL_LANG_DA, "\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80", "not valid UTF-8"},
	{BL_LANG_DA, "12\x00", 3, "12\\x00", "it contains a NUL byte"},
	{BL_LANG_DA, "\x00" "12", 3, "\\x0012", "it contains a NUL byte"},
	/* nb */
	{BL_LANG_NB, "1 23 456", 0, NULL, "must have three digits"},
	{BL_LANG_NB, "1 234.567", 0, NULL, "mixes two thousands separators"},
	{BL_LANG_NB, "- 1 234 -", 0, NULL, "a sign can only come first"},
	{BL_LANG_NB, "1 234,567", 0, NULL, "more than two decimals"},
	{BL_LANG_NB, "1234 567", 0, NULL, "one to three digits"},
	/* en */
	{BL_LANG_EN, "1.234", 0, NULL, "more than two decimals"},
	{BL_LANG_EN, "1.2.3", 0, NULL, "more than one decimal point"},
	{BL_LANG_EN, ".5", 0, NULL, "decimal point must have digits before it (write 0.5)"},
	{BL_LANG_EN, ",5", 0, NULL, "it starts with a separator"},
	{BL_LANG_EN, "1,23,456", 0, NULL, "must have three digits"},
	{BL_LANG_EN, "1,234 567", 0, NULL, "mixes two thousands separators, \",\" and a space"},
	{BL_LANG_EN, "12,", 0, NULL, "it ends with a separator"},
	{BL_LANG_EN, "12.", 0, NULL, "decimal point must be followed by one or two digits"},
	{BL_LANG_EN, "1.23,5", 0, NULL, "cannot come after the decimal point"},
	{BL_LANG_EN, "1,234.-", 0, NULL, "a sign can only come first"},
	{BL_LANG_EN, "1 234.567", 0, NULL, "more than two decimals"},
	{BL_LANG_EN, "92,233,720,368,547,758.08", 0, NULL, "it is too large"},
};

static void test_parse_bad(void)
{
	size_t n = sizeof bad / sizeof *bad;
	ok(n >= 40, "at least 40 malformed inputs (%zu)", n);
	for (size_t i = 0; i < n; i++) {
		const struct bad *b = &bad[i];
		size_t len = b->len ? b->len : strlen(b->in);
		const char *q = b->quoted ? b->quoted : b->in;
		char head[256];
		bl_err err = {""};
		bl_money v = SENTINEL;

		snprintf(head, sizeof head, "\"%s\" is not an amount: ", q);
		/* Exactly len bytes on the heap: no NUL to stop a runaway. */
		char *copy = malloc(len ? len : 1);
		memcpy(copy, b->in, len);
		int rc = bl_money_parse_n(copy, len, b->lang, &v, &err);
		free(copy);
		ok(rc == -1 && v == SENTINEL &&
			   strncmp(err.msg, head, strlen(head)) == 0 &&
			   strstr(err.msg, b->why) != NULL,
		   "%s: bad input #%zu \"%s\" is rejected: %s", lang_s(b->lang),
		   i, q, b->why);
		if (!(rc == -1 && v == SENTINEL))
			diag("rc %d, value %" PRId64, rc, v);
		else if (strncmp(err.msg, head, strlen(head)) != 0 ||
			 !strstr(err.msg, b->why))
			diag("message: %s", err.msg);
	}

	/* One message in full, so the format is pinned. */
	bl_err err = {""};
	bl_money v = SENTINEL;
	bl_money_parse("1.23.456", BL_LANG_DA, &v, &err);
	is_str(err.msg,
	       "\"1.23.456\" is not an amount: digit groups after a thousands "
	       "separator must have three digits (expected e.g. 1.234.567,50)",
	       "the grouping message in full");
	bl_money_parse("1.234", BL_LANG_EN, &v, &err);
	is_str(err.msg,
	       "\"1.234\" is not an amount: it has more than two decimals; "
	       "amounts are kept exact to the øre and never rounded "
	       "(expected e.g. 1,234,567.50)",
	       "the decimals message in full (en)");
	bl_money_parse("92.233.720.368.547.758,08", BL_LANG_DA, &v, &err);
	is_str(err.msg,
	       "\"92.233.720.368.547.758,08\" is not an amount: it is too "
	       "large; amounts must lie between -92.233.720.368.547.758,07 "
	       "and 92.233.720.368.547.758,07 kr.",
	       "the overflow message in full");
	/* The range stated is the range accepted, at both ends. */
	bl_money_parse("-92.233.720.368.547.758,08", BL_LANG_DA, &v, &err);
	is_str(err.msg,
	       "\"-92.233.720.368.547.758,08\" is not an amount: it is too "
	       "small; amounts must lie between -92.233.720.368.547.758,07 "
	       "and 92.233.720.368.547.758,07 kr.",
	       "the negative overflow message in full");
	bl_money_parse("1,234,567.50", BL_LANG_DA, &v, &err);
	is_str(err.msg,
	       "\"1,234,567.50\" is not an amount: it is written in another "
	       "number format (English, e.g. 1,234,567.50); this process "
	       "writes amounts in Danish, e.g. 1.234.567,50",
	       "the other-notation message in full");
	/* "1,234" may be 1,23 with a digit too many: not called English. */
	bl_money_parse("1,234", BL_LANG_DA, &v, &err);
	like(err.msg, "more than two decimals", "an ambiguous \"1,234\" keeps its message");
	bl_money_parse("\xf8re", BL_LANG_NB, &v, &err);
	is_str(err.msg,
	       "\"\\xf8re\" is not an amount: it is not valid UTF-8 text (if "
	       "it comes from a file, save the file as UTF-8)",
	       "the UTF-8 message in full");
	ok(v == SENTINEL, "*out untouched after all those errors");

	/* Valid UTF-8 passes through into the message unchanged. */
	bl_money_parse("æøå", BL_LANG_DA, &v, &err);
	like(err.msg, "\"æøå\" is not an amount: \"æ\" is not a digit",
	     "æøå are quoted as they are");

	/* Long input is cut after 40 characters. */
	char longin[128], want[128];
	memset(longin, '1', 100);
	strcpy(longin + 100, "x");
	memset(want, '1', 40);
	strcpy(want + 40, "…\" is not an amount: \"x\" is not a digit");
	bl_money_parse(longin, BL_LANG_DA, &v, &err);
	like(err.msg, want, "a long input is quoted as 40 characters and …");
	ok(strstr(err.msg, "11111111111111111111111111111111111111111") == NULL,
	   "the quote has no 41st character");
	ok(strlen(err.msg) < 200, "the message stays short (%zu bytes)",
	   strlen(err.msg));

	char ctl[64];
	memset(ctl, '\x01', 50);
	ctl[50] = '\0';
	bl_money_parse(ctl, BL_LANG_DA, &v, &err);
	char wantctl[256] = "\"";
	for (int i = 0; i < 40; i++)
		strcat(wantctl, "\\x01");
	strcat(wantctl, "…\" is not an amount");
	ok(strncmp(err.msg, wantctl, strlen(wantctl)) == 0,
	   "40 control characters are escaped, then cut");
	ok(strchr(err.msg, '\x01') == NULL, "no raw control byte in a message");

	/* Exactly 40 characters is not cut. */
	char forty[64];
	memset(forty, '2', 39);
	strcpy(forty + 39, "y");
	bl_money_parse(forty, BL_LANG_DA, &v, &err);
	ok(strstr(err.msg, "2y\" is not an amount") != NULL &&
		   strstr(err.msg, "…") == NULL,
	   "an input of exactly 40 characters is quoted whole");
}

/* ---- formatting -------------------------------------------------------- */

static const struct fmt {
	bl_lang lang;
	bl_unit unit;
	bl_money v;
	const char *want;
} fmts[] = {
	{BL_LANG_DA, BL_UNIT_KR, 123456750, "1.234.567,50"},
	{BL_LANG_NB, BL_UNIT_KR, 123456750, "1 234 567,50"},
	{BL_LANG_EN, BL_UNIT_KR, 123456750, "1,234,567.50"},
	{BL_LANG_DA, BL_UNIT_KR, -123400, "-1.234,00"},
	{BL_LANG_NB, BL_UNIT_KR, -123400, "-1 234,00"},
	{BL_LANG_EN, BL_UNIT_KR, -123400, "-1,234.00"},
	{BL_LANG_DA, BL_UNIT_KR, 0, "0,00"},
	{BL_LANG_EN, BL_UNIT_KR, 0, "0.00"},
	{BL_LANG_DA, BL_UNIT_KR, 5, "0,05"},
	{BL_LANG_DA, BL_UNIT_KR, -5, "-0,05"},
	{BL_LANG_DA, BL_UNIT_KR, -1, "-0,01"},
	{BL_LANG_DA, BL_UNIT_KR, 99999, "999,99"},
	{BL_LANG_DA, BL_UNIT_KR, 100000, "1.000,00"},
	{BL_LANG_DA, BL_UNIT_KR, INT64_MAX, "92.233.720.368.547.758,07"},
	{BL_LANG_DA, BL_UNIT_KR, INT64_MIN, "-92.233.720.368.547.758,08"},
	{BL_LANG_NB, BL_UNIT_KR, INT64_MIN, "-92 233 720 368 547 758,08"},
	{BL_LANG_EN, BL_UNIT_KR, INT64_MAX, "92,233,720,368,547,758.07"},
	/* thousands: half away from zero */
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 149999, "1"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 150000, "2"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -150000, "-2"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -149999, "-1"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 50000, "1"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -50000, "-1"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 49999, "0"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -49999, "0"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -1, "0"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 0, "0"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 1234567890000, "12.345.679"},
	{BL_LANG_NB, BL_UNIT_THOUSANDS, 1234567890000, "12 345 679"},
	{BL_LANG_EN, BL_UNIT_THOUSANDS, 1234567890000, "12,345,679"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, -1234567890000, "-12.345.679"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, 99950000, "1.000"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, INT64_MAX, "92.233.720.368.548"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, INT64_MIN, "-92.233.720.368.548"},
	{BL_LANG_DA, BL_UNIT_THOUSANDS, INT64_MIN + 1, "-92.233.720.368.548"},
	/* millions: one decimal, half away from zero */
	{BL_LANG_DA, BL_UNIT_MILLIONS, 125000000, "1,3"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 124999999, "1,2"},
	{BL_LANG_EN, BL_UNIT_MILLIONS, 125000000, "1.3"},
	{BL_LANG_NB, BL_UNIT_MILLIONS, 125000000, "1,3"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, -125000000, "-1,3"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, -124999999, "-1,2"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 5000000, "0,1"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, -5000000, "-0,1"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 4999999, "0,0"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, -4999999, "0,0"},
	{BL_LANG_EN, BL_UNIT_MILLIONS, -4999999, "0.0"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 0, "0,0"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 9995000000, "100,0"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, 123456789000000, "1.234.567,9"},
	{BL_LANG_NB, BL_UNIT_MILLIONS, 123456789000000, "1 234 567,9"},
	{BL_LANG_EN, BL_UNIT_MILLIONS, 123456789000000, "1,234,567.9"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, INT64_MAX, "92.233.720.368,5"},
	{BL_LANG_DA, BL_UNIT_MILLIONS, INT64_MIN, "-92.233.720.368,5"},
	{BL_LANG_EN, BL_UNIT_MILLIONS, INT64_MIN, "-92,233,720,368.5"},
};

static void test_format(void)
{
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		const struct fmt *f = &fmts[i];
		char buf[BL_MONEY_BUFSZ];
		int n = bl_money_format(f->v, f->lang, f->unit, buf, sizeof buf);
		ok(n == (int)strlen(f->want) && strcmp(buf, f->want) == 0,
		   "%s: format %" PRId64 " unit %d = \"%s\"", lang_s(f->lang),
		   f->v, (int)f->unit, f->want);
		if (strcmp(buf, f->want) != 0 || n != (int)strlen(f->want))
			diag("got \"%s\" (%d)", buf, n);
	}

	static const struct {
		bl_lang lang;
		bl_money v;
		const char *want;
	} whole[] = {
		{BL_LANG_DA, 123456700, "1.234.567"},
		{BL_LANG_DA, 123456750, "1.234.567,50"},
		{BL_LANG_DA, 123456705, "1.234.567,05"},
		{BL_LANG_NB, 123456700, "1 234 567"},
		{BL_LANG_EN, 123456700, "1,234,567"},
		{BL_LANG_EN, 123456750, "1,234,567.50"},
		{BL_LANG_DA, 0, "0"},
		{BL_LANG_DA, -100, "-1"},
		{BL_LANG_DA, -1, "-0,01"},
		{BL_LANG_DA, INT64_MIN, "-92.233.720.368.547.758,08"},
		{BL_LANG_DA, INT64_MIN + 8, "-92.233.720.368.547.758"},
	};
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
		char buf[BL_MONEY_BUFSZ];
		int n = bl_money_format_whole(whole[i].v, whole[i].lang, buf,
					      sizeof buf);
		ok(n == (int)strlen(whole[i].want) &&
			   strcmp(buf, whole[i].want) == 0,
		   "%s: format_whole %" PRId64 " = \"%s\"",
		   lang_s(whole[i].lang), whole[i].v, whole[i].want);
		if (strcmp(buf, whole[i].want) != 0)
			diag("got \"%s\"", buf);
	}

	/* Buffer too small: -1 and an empty string; exactly enough: fine. */
	char buf[BL_MONEY_BUFSZ];
	memset(buf, 'Z', sizeof buf);
	is_int(bl_money_format(123456750, BL_LANG_DA, BL_UNIT_KR, buf, 12), -1,
	       "format into 12 bytes of a 12-character amount fails");
	is_str(buf, "", "and leaves an empty string");
	is_int(bl_money_format(123456750, BL_LANG_DA, BL_UNIT_KR, buf, 13), 12,
	       "format into 13 bytes works");
	is_str(buf, "1.234.567,50", "and writes the amount");
	memset(buf, 'Z', sizeof buf);
	is_int(bl_money_format(1, BL_LANG_DA, BL_UNIT_KR, buf, 0), -1,
	       "format into 0 bytes fails");
	ok(buf[0] == 'Z', "and writes nothing");
	is_int(bl_money_format(1, BL_LANG_DA, BL_UNIT_KR, NULL, 0), -1,
	       "format into NULL fails");
	is_int(bl_money_format(1234567890000, BL_LANG_DA, BL_UNIT_THOUSANDS,
			       buf, 10),
	       -1, "thousands into a short buffer fails");
	is_str(buf, "", "and leaves an empty string");
	is_int(bl_money_format(125000000, BL_LANG_DA, BL_UNIT_MILLIONS, buf, 3),
	       -1, "millions into a short buffer fails");
	is_int(bl_money_format(125000000, BL_LANG_DA, BL_UNIT_MILLIONS, buf, 4),
	       3, "millions into an exact buffer works");
	is_int(bl_money_format_whole(123456700, BL_LANG_DA, buf, 9), -1,
	       "format_whole into a short buffer fails");
	is_str(buf, "", "and leaves an empty string");
	is_int(bl_money_format_whole(123456700, BL_LANG_DA, buf, 10), 9,
	       "format_whole into an exact buffer works");

	/* BL_MONEY_BUFSZ is enough for the longest value in every mode. */
	int longest = 0;
	static const bl_money extremes[] = {INT64_MIN, INT64_MAX,
					    INT64_MIN + 1, -1};
	for (int l = 0; l < 3; l++)
		for (int u = 0; u < 3; u++)
			for (size_t e = 0; e < 4; e++) {
				int n = bl_money_format(extremes[e], (bl_lang)l,
							(bl_unit)u, buf,
							sizeof buf);
				if (n < 0)
					longest = 1000;
				else if (n > longest)
					longest = n;
				n = bl_money_format_whole(extremes[e],
							  (bl_lang)l, buf,
							  sizeof buf);
				if (n < 0)
					longest = 1000;
				else if (n > longest)
					longest = n;
			}
	ok(longest + 1 <= BL_MONEY_BUFSZ,
	   "BL_MONEY_BUFSZ (%d) holds the longest output (%d + NUL)",
	   BL_MONEY_BUFSZ, longest);
}

/* ---- round trips ------------------------------------------------------ */

/* splitmix64: deterministic, so a failure can be reproduced. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

#define N_RANDOM 60000

static bl_money sample(size_t i, size_t nfixed, const bl_money *fixed)
{
	if (i < nfixed)
		return fixed[i];
	uint64_t r = rng();
	bl_money v;
	memcpy(&v, &r, sizeof v);
	/* Half of the samples across the whole range; the other half cut to
	 * a random number of digits, so that short amounts (the usual ones)
	 * and every group length are covered too. */
	if (i % 2) {
		bl_money mod = 1;
		int digits = (int)(rng() % 18) + 1;
		for (int d = 0; d < digits; d++)
			mod *= 10;
		v %= mod;
	}
	return v;
}

/* The reference rounding, in signed arithmetic and by a different route
 * than money.c: truncate toward zero, then step away from zero when the
 * remainder is at least half. */
static bl_money ref_round(bl_money v, bl_money unit)
{
	bl_money q = v / unit, r = v % unit;
	if (r >= unit - r && r > 0)
		q++;
	if (r < 0 && -r >= unit + r)
		q--;
	return q;
}

static void test_round_trips(void)
{
	bl_money fixed[128];
	size_t nf = 0;
	static const bl_money base[] = {0,         1,         -1,
					99,        -99,       100,
					-100,      101,       999999,
					-999999,   INT64_MAX, BL_MONEY_MIN,
					INT64_MAX - 1, BL_MONEY_MIN + 1,
					50000,     -50000,    5000000,
					-5000000};
	for (size_t i = 0; i < sizeof base / sizeof *base; i++)
		fixed[nf++] = base[i];
	for (bl_money p = 10; p <= INT64_MAX / 10; p *= 10) {
		fixed[nf++] = p;
		fixed[nf++] = p - 1;
		fixed[nf++] = p + 1;
		fixed[nf++] = -p;
		fixed[nf++] = -p + 1;
		fixed[nf++] = -p - 1;
	}
	fixed[nf++] = 1000000000000000000;
	fixed[nf++] = -1000000000000000000;

	for (int l = 0; l < 3; l++) {
		bl_lang lang = (bl_lang)l;
		long kr_bad = 0, whole_bad = 0, t_bad = 0, m_bad = 0, n = 0;
		rng_state = 0x9E3779B97F4A7C15u;
		for (size_t i = 0; i < nf + N_RANDOM; i++, n++) {
			bl_money x = sample(i, nf, fixed), y = SENTINEL;
			char buf[BL_MONEY_BUFSZ];
			bl_err err = {""};

			if (bl_money_format(x, lang, BL_UNIT_KR, buf,
					    sizeof buf) < 0 ||
			    bl_money_parse(buf, lang, &y, &err) != 0 ||
			    y != x) {
				if (!kr_bad++)
					diag("%s: KR %" PRId64 " -> \"%s\" -> "
					     "%" PRId64 " %s",
					     lang_s(lang), x, buf, y, err.msg);
			}
			y = SENTINEL;
			if (bl_money_format_whole(x, lang, buf, sizeof buf) < 0 ||
			    bl_money_parse(buf, lang, &y, &err) != 0 ||
			    y != x ||
			    (x % 100 == 0) != (strpbrk(buf, lang == BL_LANG_EN
								     ? "."
								     : ",") == NULL)) {
				if (!whole_bad++)
					diag("%s: whole %" PRId64 " -> \"%s\" "
					     "-> %" PRId64 " %s",
					     lang_s(lang), x, buf, y, err.msg);
			}
			/* Thousands: "12.346" parses as 12.346 kr., that is
			 * the rounded count of thousands times 100 øre. */
			y = SENTINEL;
			if (bl_money_format(x, lang, BL_UNIT_THOUSANDS, buf,
					    sizeof buf) < 0 ||
			    bl_money_parse(buf, lang, &y, &err) != 0 ||
			    y != ref_round(x, 100000) * 100 ||
			    strcmp(buf, "-0") == 0) {
				if (!t_bad++)
					diag("%s: thousands %" PRId64 " -> "
					     "\"%s\"",
					     lang_s(lang), x, buf);
			}
			/* Millions: "1,3" parses as 130 øre, the rounded
			 * count of tenths of a million times 10. */
			y = SENTINEL;
			if (bl_money_format(x, lang, BL_UNIT_MILLIONS, buf,
					    sizeof buf) < 0 ||
			    bl_money_parse(buf, lang, &y, &err) != 0 ||
			    y != ref_round(x, 10000000) * 10 ||
			    strncmp(buf, "-0,0", 4) == 0 ||
			    strncmp(buf, "-0.0", 4) == 0) {
				if (!m_bad++)
					diag("%s: millions %" PRId64 " -> "
					     "\"%s\"",
					     lang_s(lang), x, buf);
			}
		}
		ok(kr_bad == 0, "%s: parse(format(x, KR)) == x for %ld values",
		   lang_s(lang), n);
		ok(whole_bad == 0,
		   "%s: parse(format_whole(x)) == x for %ld values",
		   lang_s(lang), n);
		ok(t_bad == 0,
		   "%s: thousands round half away from zero for %ld values",
		   lang_s(lang), n);
		ok(m_bad == 0,
		   "%s: millions round half away from zero for %ld values",
		   lang_s(lang), n);
	}

	/* The parser and formatter agree on every amount from -20,00 to
	 * 20,00 kr., every øre, in every language. */
	long bad_small = 0;
	for (int l = 0; l < 3; l++)
		for (bl_money x = -2000; x <= 2000; x++) {
			char buf[BL_MONEY_BUFSZ];
			bl_money y = SENTINEL;
			bl_money_format(x, (bl_lang)l, BL_UNIT_KR, buf,
					sizeof buf);
			if (bl_money_parse(buf, (bl_lang)l, &y, NULL) != 0 ||
			    y != x)
				if (!bad_small++)
					diag("small round trip fails at %" PRId64,
					     x);
		}
	ok(bad_small == 0, "every øre from -20,00 to 20,00 round-trips");
}

/* ---- arithmetic ------------------------------------------------------- */

static void test_arith(void)
{
	bl_money r = SENTINEL;
	ok(bl_money_add(1, 2, &r) && r == 3, "1 + 2 = 3");
	r = SENTINEL;
	ok(!bl_money_add(INT64_MAX, 1, &r) && r == SENTINEL,
	   "MAX + 1 overflows, out untouched");
	ok(!bl_money_add(INT64_MIN, -1, &r) && r == SENTINEL,
	   "MIN + -1 overflows");
	ok(bl_money_add(INT64_MAX, INT64_MIN, &r) && r == -1, "MAX + MIN = -1");
	r = SENTINEL;
	ok(!bl_money_sub(INT64_MIN, 1, &r) && r == SENTINEL,
	   "MIN - 1 overflows, out untouched");
	ok(!bl_money_sub(0, INT64_MIN, &r) && r == SENTINEL,
	   "0 - MIN overflows");
	ok(bl_money_sub(-1, INT64_MAX, &r) && r == INT64_MIN, "-1 - MAX = MIN");
	ok(bl_money_sub(5, 7, &r) && r == -2, "5 - 7 = -2");
	ok(!bl_money_sub(INT64_MAX, -1, &r), "MAX - -1 overflows");
}

/* ---- currency ------------------------------------------------------- */

static void test_currency(void)
{
	bl_money v = SENTINEL;
	bl_err err = {""};
	ok(bl_money_parse_in("1.234,50 DKK", 12, BL_LANG_DA, "DKK", &v, &err) == 0 &&
		   v == 123450,
	   "the process's currency is taken");
	ok(bl_money_parse_in("12 dkk", 6, BL_LANG_DA, "DKK", &v, &err) == 0 && v == 1200,
	   "in any case");
	ok(bl_money_parse_in("12 kr.", 6, BL_LANG_DA, "DKK", &v, &err) == 0 && v == 1200,
	   "and kr. still is");
	v = SENTINEL;
	ok(bl_money_parse_in("1.234.567,50 NOK", 16, BL_LANG_DA, "DKK", &v, &err) == -1 &&
		   v == SENTINEL,
	   "another currency is refused");
	is_str(err.msg,
	       "\"1.234.567,50 NOK\" is not an amount: it is in NOK, but this "
	       "process's amounts are in DKK; write it in DKK or without a currency",
	       "naming both currencies");
	ok(bl_money_parse_in("12 EUR", 6, BL_LANG_NB, "NOK", &v, &err) == -1,
	   "a currency that budgetlab does not know is refused too");
	like(err.msg, "it is in EUR", "by its code");
	ok(bl_money_parse_in("12EUR", 5, BL_LANG_NB, "NOK", &v, &err) == -1 &&
		   strstr(err.msg, "it is in EUR"),
	   "also without a space");
	ok(bl_money_parse_in("12 abc", 6, BL_LANG_DA, "DKK", &v, &err) == -1,
	   "lower-case letters are no currency code");
	like(err.msg, "unit (kr., kr, DKK)", "and the units listed are the process's");
	ok(bl_money_parse_in("1.234 NOK", 9, BL_LANG_DA, NULL, &v, &err) == 0 && v == 123400,
	   "without a currency to compare with, NOK is kr. as before");
}

/* ---- exact sums ------------------------------------------------------ */

static void test_sums(void)
{
	bl_money_sum s = { 0, 0 };
	bl_money r = SENTINEL;
	bl_money_sum_add(&s, INT64_MAX);
	bl_money_sum_add(&s, 1);
	ok(!bl_money_sum_get(&s, &r) && r == SENTINEL, "MAX + 1 does not fit, out untouched");
	bl_money_sum_add(&s, -1);
	ok(bl_money_sum_get(&s, &r) && r == INT64_MAX, "MAX + 1 - 1 = MAX: the order does not matter");
	bl_money_sum_add(&s, INT64_MAX);
	bl_money_sum_add(&s, INT64_MAX);
	bl_money_sum_add(&s, INT64_MAX);
	ok(!bl_money_sum_get(&s, NULL), "4 MAX does not fit");
	bl_money_sum_sub(&s, INT64_MAX);
	bl_money_sum_sub(&s, INT64_MAX);
	bl_money_sum_sub(&s, INT64_MAX);
	bl_money_sum_sub(&s, INT64_MAX);
	ok(bl_money_sum_get(&s, &r) && r == 0, "and less 4 MAX is 0");
	bl_money_sum_sub(&s, -INT64_MAX);
	bl_money_sum_sub(&s, 1);
	bl_money_sum_sub(&s, 1);
	ok(bl_money_sum_get(&s, &r) && r == INT64_MAX - 2, "0 - -MAX - 1 - 1 = MAX - 2");
	bl_money_sum t = { 0, 0 };
	bl_money_sum_add(&t, -INT64_MAX);
	bl_money_sum_add(&t, -1);
	ok(bl_money_sum_get(&t, &r) && r == INT64_MIN, "-MAX - 1 = MIN fits");
	bl_money_sum_add(&t, -1);
	ok(!bl_money_sum_get(&t, NULL), "-MAX - 2 does not");
	bl_money_sum_sub(&t, INT64_MIN);
	ok(bl_money_sum_get(&t, &r) && r == -1, "less MIN it is -1");
	/* 500 times MAX, then 500 times -MAX + 2: the running sum goes far
	 * out of range and comes back; the end result is exact. */
	bl_money_sum u = { 0, 0 };
	for (int i = 0; i < 1000; i++)
		bl_money_sum_add(&u, i < 500 ? INT64_MAX : -INT64_MAX + 2);
	ok(bl_money_sum_get(&u, &r) && r == 1000, "1000 huge terms of mixed sign: exact (%lld)",
	   (long long)r);
}

int main(void)
{
	test_names();
	test_currency();
	test_sums();
	test_parse_good();
	test_parse_bad();
	test_format();
	test_round_trips();
	test_arith();
	return tap_done();
}
