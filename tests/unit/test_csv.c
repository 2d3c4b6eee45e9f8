/* test_csv.c: reading spreadsheet exports (core/csv_read.c) and the amounts
 * in them (bl_money_parse_csv).
 *
 * Each case builds the file's bytes in memory and checks what the reader
 * makes of them: the encoding and delimiter found, every row's fields and
 * starting line, the raw bytes a reject file gets, and the exact sentence
 * of every problem. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv_read.h"
#include "core/money.h"
#include "tap.h"
#include "test_util.h"

static bl_err E;

/* Open bytes (embedded NULs allowed) with the given options. */
static bl_csv *open_n(const char *name, const char *data, size_t len, bl_encoding enc,
		      char delim)
{
	bl_csv_opts o = { enc, delim };
	bl_csv *c = (bl_csv *)&E; /* must be overwritten */
	bl_err_clear(&E);
	int r = bl_csv_open_mem(name, data, len, &o, &c, &E);
	tu_check_result(r, c, E.msg, "open", "reader");
	return r == 0 ? c : NULL;
}

/* Bytes that must open: if they do not, that is a failed test of its
 * own, named name. */
static bl_csv *must_open(const char *data, size_t len, bl_encoding enc, char delim,
			 const char *name)
{
	bl_csv *c = open_n("t.csv", data, len, enc, delim);
	if (!c)
		ok(0, "%s: opens (%s)", name, E.msg);
	return c;
}

#define OPEN(lit) open_n("t.csv", lit, sizeof lit - 1, BL_ENC_AUTO, 0)
#define OPEN_ENC(lit, enc) open_n("t.csv", lit, sizeof lit - 1, enc, 0)

/* The rows as text: "LINE[f1|f2]" per row, "LINE!" for a row with a
 * problem (its sentence is kept in last_problem); \r and \n in fields are
 * written \r and \n. */
static char last_problem[1024];
static long last_problem_line;

static void dump(bl_csv *c, char *out, size_t sz)
{
	size_t o = 0;
	bl_csv_row r;
	int rc;
	out[0] = '\0';
	last_problem[0] = '\0';
	last_problem_line = 0;
	while ((rc = bl_csv_next(c, &r, &E)) == 1) {
		o += (size_t)snprintf(out + o, sz - o, "%ld", r.line);
		if (r.problem) {
			snprintf(last_problem, sizeof last_problem, "%s", r.problem);
			last_problem_line = r.line;
			o += (size_t)snprintf(out + o, sz - o, "!");
			if (r.n != 0 || r.field != NULL)
				o += (size_t)snprintf(out + o, sz - o, "(fields with a problem!)");
			continue;
		}
		o += (size_t)snprintf(out + o, sz - o, "[");
		for (size_t i = 0; i < r.n; i++) {
			if (i)
				o += (size_t)snprintf(out + o, sz - o, "|");
			if (strlen(r.field[i]) != r.len[i])
				o += (size_t)snprintf(out + o, sz - o, "(len!)");
			for (const char *p = r.field[i]; *p; p++) {
				if (*p == '\r')
					o += (size_t)snprintf(out + o, sz - o, "\\r");
				else if (*p == '\n')
					o += (size_t)snprintf(out + o, sz - o, "\\n");
				else
					o += (size_t)snprintf(out + o, sz - o, "%c", *p);
			}
		}
		o += (size_t)snprintf(out + o, sz - o, "]");
		if (o >= sz)
			break;
	}
	if (rc < 0)
		snprintf(out + o, sz - o, "ERROR %s", E.msg);
}

/* The rows c has left, as dump writes them. */
static void dump_is(bl_csv *c, const char *want, const char *name)
{
	char got[4096];
	dump(c, got, sizeof got);
	is_str(got, want, "%s", name);
}

/* The rows of lit, read in auto mode, as dump writes them. */
static void rows_are(const char *lit, size_t len, bl_encoding enc, char delim,
		     const char *want, const char *name)
{
	bl_csv *c = must_open(lit, len, enc, delim, name);
	if (!c)
		return;
	dump_is(c, want, name);
	bl_csv_close(c);
}
#define ROWS(lit, want, name) rows_are(lit, sizeof lit - 1, BL_ENC_AUTO, 0, want, name)
#define ROWS_ENC(lit, enc, want, name) rows_are(lit, sizeof lit - 1, enc, 0, want, name)
#define ROWS_DELIM(lit, d, want, name) rows_are(lit, sizeof lit - 1, BL_ENC_AUTO, d, want, name)

/* The raw bytes of each row, as "LINE<raw>" with \r and \n written out. */
static void raws(bl_csv *c, char *out, size_t sz)
{
	size_t o = 0;
	bl_csv_row r;
	out[0] = '\0';
	while (bl_csv_next(c, &r, &E) == 1 && o < sz) {
		o += (size_t)snprintf(out + o, sz - o, "%ld<", r.line);
		for (size_t i = 0; i < r.raw_len && o < sz; i++) {
			unsigned char ch = (unsigned char)r.raw[i];
			if (ch == '\r')
				o += (size_t)snprintf(out + o, sz - o, "\\r");
			else if (ch == '\n')
				o += (size_t)snprintf(out + o, sz - o, "\\n");
			else if (ch >= 0x80)
				o += (size_t)snprintf(out + o, sz - o, "\\x%02x", ch);
			else
				o += (size_t)snprintf(out + o, sz - o, "%c", ch);
		}
		o += (size_t)snprintf(out + o, sz - o, ">");
	}
}

static void raws_are(const char *lit, size_t len, const char *want, const char *name)
{
	char got[4096];
	bl_csv *c = must_open(lit, len, BL_ENC_AUTO, 0, name);
	if (!c)
		return;
	raws(c, got, sizeof got);
	is_str(got, want, "%s", name);
	bl_csv_close(c);
}
#define RAWS(lit, want, name) raws_are(lit, sizeof lit - 1, want, name)

/* Opening must fail with exactly this message. */
static void refused(const char *lit, size_t len, bl_encoding enc, const char *want,
		    const char *name)
{
	bl_csv *c = open_n("t.csv", lit, len, enc, 0);
	ok(c == NULL, "%s: refused", name);
	if (c)
		bl_csv_close(c);
	else
		is_str(E.msg, want, "%s: message", name);
}
#define REFUSED(lit, want, name) refused(lit, sizeof lit - 1, BL_ENC_AUTO, want, name)

/* ---- encodings ---- */

static void test_encoding_names(void)
{
	static const struct {
		const char *name;
		int rc;
		bl_encoding e;
	} names[] = {
		{ "auto", 0, BL_ENC_AUTO },	    { "utf-8", 0, BL_ENC_UTF8 },
		{ "UTF-8", 0, BL_ENC_UTF8 },	    { "utf8", 0, BL_ENC_UTF8 },
		{ "windows-1252", 0, BL_ENC_CP1252 }, { "CP1252", 0, BL_ENC_CP1252 },
		{ "latin-1", 0, BL_ENC_LATIN1 },   { "latin1", 0, BL_ENC_LATIN1 },
		{ "ISO-8859-1", 0, BL_ENC_LATIN1 }, { "utf-16", -1, 0 },
		{ "", -1, 0 },			    { "latin-9", -1, 0 },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		bl_encoding e = (bl_encoding)42;
		int rc = bl_encoding_from_name(names[i].name, &e);
		ok(rc == names[i].rc && (rc == 0 ? e == names[i].e : e == (bl_encoding)42),
		   "bl_encoding_from_name(\"%s\") -> %d", names[i].name, names[i].rc);
	}
	bl_encoding e;
	is_int(bl_encoding_from_name(NULL, &e), -1, "bl_encoding_from_name(NULL) fails");
	is_str(bl_encoding_name(BL_ENC_AUTO), "auto", "name of auto");
	is_str(bl_encoding_name(BL_ENC_UTF8), "utf-8", "name of utf-8");
	is_str(bl_encoding_name(BL_ENC_CP1252), "windows-1252", "name of windows-1252");
	is_str(bl_encoding_name(BL_ENC_LATIN1), "latin-1", "name of latin-1");
}

static void test_utf8(void)
{
	bl_csv *c = OPEN("navn;bel\xc3\xb8p\r\nK\xc3\xb8" "benhavn;1.234,50\r\n");
	if (ok(c != NULL, "UTF-8 without a BOM opens")) {
		is_int(bl_csv_encoding(c), BL_ENC_UTF8, "it is found to be UTF-8");
		ok(!bl_csv_bom(c), "without a BOM");
		is_int(bl_csv_delimiter(c), ';', "the delimiter is ';'");
		is_str(bl_csv_name(c), "t.csv", "the name is kept");
		dump_is(c, "1[navn|bel\xc3\xb8p]2[K\xc3\xb8" "benhavn|1.234,50]",
		        "the fields are as written");
		bl_csv_close(c);
	}
	c = OPEN("\xef\xbb\xbf" "navn;bel\xc3\xb8p\n\xc3\xa6;2\n");
	if (ok(c != NULL, "UTF-8 with a BOM opens")) {
		is_int(bl_csv_encoding(c), BL_ENC_UTF8, "it is UTF-8");
		ok(bl_csv_bom(c), "with a BOM");
		bl_csv_row r;
		is_int(bl_csv_next(c, &r, &E), 1, "the header is read");
		is_str(r.field[0], "navn", "the BOM is not part of the first field");
		is_int(r.line, 1, "the header is line 1");
		is_int(r.raw_len, 12, "the header's raw bytes leave the BOM out");
		ok(memcmp(r.raw, "navn;bel\xc3\xb8p\n", 12) == 0, "and are the line as written");
		is_int(bl_csv_next(c, &r, &E), 1, "a row is read");
		is_str(r.field[0], "\xc3\xa6", "æ");
		is_int(bl_csv_next(c, &r, &E), 0, "then the end");
		bl_csv_close(c);
	}
	/* A BOM on a file that is otherwise Windows-1252: the BOM says UTF-8,
	 * so the stray byte is a problem of its row, not a guess. */
	c = OPEN("\xef\xbb\xbf" "a;b\n\xe6;1\n");
	if (ok(c != NULL, "a BOM and a byte that is not UTF-8: opens")) {
		is_int(bl_csv_encoding(c), BL_ENC_UTF8, "the BOM makes it UTF-8");
		dump_is(c, "1[a|b]2!", "the row with the byte has a problem");
		like(last_problem, "byte 1 (0xe6) is not UTF-8", "naming the byte");
		bl_csv_close(c);
	}
	/* The BOM wins over an encoding given as windows-1252. */
	c = OPEN_ENC("\xef\xbb\xbf" "a;b\n\xc3\xa6;1\n", BL_ENC_CP1252);
	if (ok(c != NULL, "a BOM with windows-1252 given")) {
		is_int(bl_csv_encoding(c), BL_ENC_UTF8, "the BOM says UTF-8");
		dump_is(c, "1[a|b]2[\xc3\xa6|1]", "and æ is read as UTF-8");
		bl_csv_close(c);
	}
}

static void test_cp1252(void)
{
	/* "navn;beløp" / "æøå;€ 5" in Windows-1252. */
	static const char file[] = "navn;bel\xf8p\r\n\xe6\xf8\xe5;\x80 5\r\n";
	bl_csv *c = open_n("t.csv", file, sizeof file - 1, BL_ENC_AUTO, 0);
	if (ok(c != NULL, "Windows-1252 opens in auto mode")) {
		is_int(bl_csv_encoding(c), BL_ENC_CP1252, "it is found to be Windows-1252");
		ok(!bl_csv_bom(c), "no BOM");
		dump_is(c, "1[navn|bel\xc3\xb8p]2[\xc3\xa6\xc3\xb8\xc3\xa5|\xe2\x82\xac 5]",
		        "æ ø å and € are converted to UTF-8");
		bl_csv_close(c);
	}
	c = open_n("t.csv", file, sizeof file - 1, BL_ENC_CP1252, 0);
	if (ok(c != NULL, "Windows-1252 given")) {
		is_int(bl_csv_encoding(c), BL_ENC_CP1252, "the encoding is as given");
		dump_is(c, "1[navn|bel\xc3\xb8p]2[\xc3\xa6\xc3\xb8\xc3\xa5|\xe2\x82\xac 5]",
		        "converted the same");
		bl_csv_close(c);
	}
	/* The raw bytes stay in the file's encoding. */
	RAWS("navn;bel\xf8p\r\n\xe6\xf8\xe5;\x80 5\r\n",
	     "1<navn;bel\\xf8p\\r\\n>2<\\xe6\\xf8\\xe5;\\x80 5\\r\\n>",
	     "the raw bytes are the file's, not converted");
	/* The first 'ø' far down the file still makes it Windows-1252. */
	char big[64 * 1024];
	size_t n = 0;
	n += (size_t)snprintf(big + n, sizeof big - n, "a;b\n");
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, "%d;x\n", i);
	n += (size_t)snprintf(big + n, sizeof big - n, "\xf8;y\n");
	c = open_n("t.csv", big, n, BL_ENC_AUTO, 0);
	if (ok(c != NULL, "a big file with one Windows-1252 byte on its last line")) {
		is_int(bl_csv_encoding(c), BL_ENC_CP1252, "is Windows-1252");
		bl_csv_close(c);
	}
}

static void test_latin1(void)
{
	static const char file[] = "a;b\n\xe6\xf8\xe5;\x80\n";
	bl_csv *c = open_n("t.csv", file, sizeof file - 1, BL_ENC_LATIN1, 0);
	if (ok(c != NULL, "Latin-1 given")) {
		is_int(bl_csv_encoding(c), BL_ENC_LATIN1, "the encoding is Latin-1");
		/* 0x80 is U+0080, a control character, in Latin-1 (not €). */
		dump_is(c, "1[a|b]2[\xc3\xa6\xc3\xb8\xc3\xa5|\xc2\x80]",
		        "æ ø å converted; 0x80 is U+0080 in Latin-1");
		bl_csv_close(c);
	}
}

static void test_utf8_as_cp1252(void)
{
	/* A UTF-8 file read as Windows-1252, as the user asked: every byte is
	 * a character there, so nothing is refused, and "æ" (C3 A6) becomes
	 * "Ã¦" (mojibake) -- the encoding given is used, not guessed. */
	bl_csv *c = OPEN_ENC("a;b\n\xc3\xa6;1\n", BL_ENC_CP1252);
	if (ok(c != NULL, "UTF-8 given as windows-1252 opens")) {
		is_int(bl_csv_encoding(c), BL_ENC_CP1252, "the encoding is as given");
		dump_is(c, "1[a|b]2[\xc3\x83\xc2\xa6|1]", "\"æ\" is read as \"Ã¦\"");
		bl_csv_close(c);
	}
}

static void test_invalid_utf8(void)
{
	/* Windows-1252 bytes in a file said to be UTF-8: the rows with them
	 * have a problem naming the byte; the others are read. */
	bl_csv *c = OPEN_ENC("a;b\n1;2\nx;K\xf8ge\n3;4\n", BL_ENC_UTF8);
	if (!ok(c != NULL, "invalid UTF-8 given as utf-8 opens (the rows say what is wrong)"))
		return;
	is_int(bl_csv_encoding(c), BL_ENC_UTF8, "utf-8 as given");
	dump_is(c, "1[a|b]2[1|2]3!4[3|4]", "the row with the byte has a problem, the next is read");
	is_int(last_problem_line, 3, "on line 3");
	is_str(last_problem,
	       "byte 4 (0xf8) is not UTF-8; expected UTF-8 text (the file looks like"
	       " Windows-1252: import it with the encoding windows-1252 or auto)",
	       "the problem names the byte and what to do");
	bl_csv_close(c);

	/* The byte inside a quoted field that goes on over two lines: the
	 * whole row is skipped, and the row after it is read. */
	c = OPEN_ENC("a;b\n1;\"\xf8x\nmore\"\n3;4\n", BL_ENC_UTF8);
	if (ok(c != NULL, "a bad byte in a multi-line field: opens")) {
		dump_is(c, "1[a|b]2!4[3|4]", "the whole multi-line row is one problem");
		like(last_problem, "byte 4 (0xf8) is not UTF-8", "naming the byte");
		bl_csv_close(c);
	}
	/* ... and on the second line of such a row. */
	c = OPEN_ENC("a;b\n1;\"x\nm\xf8re\"\n3;4\n", BL_ENC_UTF8);
	if (ok(c != NULL, "a bad byte on the second line of a field: opens")) {
		dump_is(c, "1[a|b]2!4[3|4]", "the row is one problem, starting on line 2");
		like(last_problem, "byte 2 (0xf8) is not UTF-8", "the byte of its line");
		bl_csv_close(c);
	}
}

/* ---- delimiters ---- */

static void delim_is(const char *lit, size_t len, char want, const char *name)
{
	bl_csv *c = must_open(lit, len, BL_ENC_AUTO, 0, name);
	if (!c)
		return;
	is_int(bl_csv_delimiter(c), want, "%s", name);
	bl_csv_close(c);
}
#define DELIM(lit, want, name) delim_is(lit, sizeof lit - 1, want, name)

static void test_delimiters(void)
{
	DELIM("a;b;c\n1;2;3\n", ';', "';' is found");
	DELIM("a,b,c\n1,2,3\n", ',', "',' is found");
	DELIM("a\tb\tc\n1\t2\t3\n", '\t', "tab is found");
	DELIM("a,b,c;d\n", ',', "the most frequent wins (',' 2 to ';' 1)");
	DELIM("a\tb\tc,d;e\n", '\t', "the most frequent wins (tab 2)");
	DELIM("a;b,c\n", ';', "a tie of ';' and ',': ';'");
	DELIM("a\tb,c\n", '\t', "a tie of tab and ',': tab");
	DELIM("a;b\tc\n", ';', "a tie of ';' and tab: ';'");
	DELIM("a;b\tc,d\n", ';', "a three-way tie: ';'");
	DELIM("\"a;b;c\",d\n", ',', "delimiters inside quotes do not count");
	DELIM("a,b\n1;2;3;4\n", ',', "only the first line counts");
	DELIM("a;b\r\n1,2,3,4\r\n", ';', "the first line ends at CR LF");
	DELIM("a;b\r1,2,3,4\r", ';', "the first line ends at a lone CR");
	DELIM("\xef\xbb\xbf" "a,b\n", ',', "after a BOM");
	REFUSED("abc\n1;2\n",
		"'t.csv': the first line has no ';', ',' or tab, so the delimiter cannot be"
		" told; expected a header line with the column names (or give the delimiter)",
		"a first line without a delimiter");

	/* Given: taken as it is. */
	ROWS_DELIM("a;b,c\n1;2,3\n", ',', "1[a;b|c]2[1;2|3]", "',' given splits at ',' only");
	ROWS_DELIM("abc\n1\n", ';', "1[abc]2[1]", "a delimiter given needs none in the header");
	ROWS_DELIM("a\tb c\n", '\t', "1[a|b c]", "a tab given: spaces are not delimiters");
	bl_csv *c = open_n("t.csv", "a;b", 3, BL_ENC_AUTO, '\t');
	if (ok(c != NULL, "tab given"))
		is_int(bl_csv_delimiter(c), '\t', "is the delimiter");
	bl_csv_close(c);
	/* A tab is a delimiter, never padding; spaces around a field are. */
	ROWS("a\tb\n\t x \n", "1[a|b]2[|x]", "an empty first field in a tab file");
	ROWS("a;b\n  x  ; \"  y \" \n", "1[a|b]2[x|  y ]", "spaces trimmed, not inside quotes");
}

/* ---- quotes, lines, raw bytes ---- */

static void test_quotes(void)
{
	static const char file[] = "a;b;c;d\r\n"
				   "\"say \"\"hi\"\"\";\"x;y\";\"l1\r\nl2\";\"m1\nm2\"\r\n"
				   "next;1;2;3\r\n";
	bl_csv *c = open_n("t.csv", file, sizeof file - 1, BL_ENC_AUTO, 0);
	if (!ok(c != NULL, "quoted fields: opens"))
		return;
	bl_csv_row r;
	is_int(bl_csv_next(c, &r, &E), 1, "the header");
	is_int(bl_csv_next(c, &r, &E), 1, "a row of quoted fields");
	is_int(r.line, 2, "it starts on line 2");
	is_int(r.n, 4, "four fields");
	is_str(r.field[0], "say \"hi\"", "doubled quotes are one quote");
	is_str(r.field[1], "x;y", "a delimiter inside quotes");
	is_str(r.field[2], "l1\r\nl2", "CR LF inside quotes is kept");
	is_str(r.field[3], "m1\nm2", "LF inside quotes is kept");
	is_int(r.len[2], 6, "and counted in the length");
	const char *row2 = "\"say \"\"hi\"\"\";\"x;y\";\"l1\r\nl2\";\"m1\nm2\"\r\n";
	is_int(r.raw_len, strlen(row2), "the raw bytes are the three physical lines");
	ok(r.raw_len == strlen(row2) && memcmp(r.raw, row2, r.raw_len) == 0,
	   "byte for byte, with the line ends as written");
	is_int(bl_csv_next(c, &r, &E), 1, "the next row");
	is_int(r.line, 5, "starts on line 5 (the quoted row had three lines)");
	is_str(r.field[0], "next", "and is read");
	is_int(bl_csv_next(c, &r, &E), 0, "the end");
	is_int(bl_csv_next(c, &r, &E), 0, "and the end again");
	bl_csv_close(c);

	ROWS("a;b\n\"\";\"\"\"\"\n", "1[a|b]2[|\"]", "an empty quoted field and a lone quote");
	ROWS("a;b\n\"x\"\"\";\"\"\"y\"\n", "1[a|b]2[x\"|\"y]", "doubled quotes at the ends");
	ROWS("a;b\n\"l1\rl2\";2\n", "1[a|b]2[l1\\rl2|2]", "a lone CR inside quotes is kept");
	RAWS("a;b\n\"l1\rl2\";2\n3;4\n", "1<a;b\\n>2<\"l1\\rl2\";2\\n>4<3;4\\n>",
	     "a lone CR in quotes counts as a line end for the numbering");
}

static void test_line_ends(void)
{
	ROWS("a;b\r\n1;2\r\n3;4\r\n", "1[a|b]2[1|2]3[3|4]", "CR LF");
	ROWS("a;b\n1;2\n3;4\n", "1[a|b]2[1|2]3[3|4]", "LF");
	ROWS("a;b\r1;2\r3;4\r", "1[a|b]2[1|2]3[3|4]", "lone CR (an old Mac file)");
	ROWS("a;b\r\n1;2\n3;4\r5;6", "1[a|b]2[1|2]3[3|4]4[5|6]", "mixed line ends");
	RAWS("a;b\r\n1;2\n3;4\r5;6", "1<a;b\\r\\n>2<1;2\\n>3<3;4\\r>4<5;6>",
	     "each row's raw bytes end with its own line end");
	ROWS("a;b\n1;2", "1[a|b]2[1|2]", "the last row without a line end");
	RAWS("a;b\n1;2", "1<a;b\\n>2<1;2>", "its raw bytes have no line end");
	ROWS("a;b\n1;\"x\"", "1[a|b]2[1|x]", "a last quoted field without a line end");
	ROWS("a;b\n1;", "1[a|b]2[1|]", "a last empty field without a line end");
	ROWS("a;b", "1[a|b]", "only a header without a line end");

	/* Blank lines are skipped, and do not count as rows. */
	ROWS("a;b\n\n1;2\n\r\n   \n3;4\n\n\n", "1[a|b]3[1|2]6[3|4]",
	     "blank lines (empty, CR LF, spaces) are skipped; the line numbers go on");
	RAWS("a;b\n\n1;2\n\r\n3;4\n", "1<a;b\\n>3<1;2\\n>5<3;4\\n>",
	     "a row's raw bytes do not include the blank lines before it");
	ROWS("\n\na;b\n1;2\n", "3[a|b]4[1|2]", "blank lines before the header");
	ROWS("a;b\n;\n", "1[a|b]2[|]", "a line of only a delimiter is a row of empty fields");
}

static void test_bad_rows(void)
{
	/* A stray quote in an unquoted field: that row has a problem, and
	 * reading goes on with the next line. */
	ROWS("a;b\n1;x\"y\n2;3\n4;5\n", "1[a|b]2!3[2|3]4[4|5]",
	     "a stray quote: a problem, then the next row is read");
	is_int(last_problem_line, 2, "the problem is on line 2");
	is_str(last_problem,
	       "a quote inside field 2 that is not at its start; expected the whole field"
	       " in quotes, with a quote inside written twice (\"\")",
	       "the problem names the field and says how to write it");
	RAWS("a;b\n1;x\"y\n2;3\n", "1<a;b\\n>2<1;x\"y\\n>3<2;3\\n>",
	     "the raw bytes of the bad row are its line only");
	ROWS("a;b\nx\"y\"z;1\n2;3\n", "1[a|b]2!3[2|3]", "two stray quotes in a field");
	like(last_problem, "field 1 ", "the first field");
	ROWS("a;b\n\"x\"y;1\n2;3\n", "1[a|b]2!3[2|3]", "text after a closing quote");
	like(last_problem, "field 1 ", "is a problem of field 1");
	/* In the second line of a multi-line row: the row is the problem,
	 * from its first line. */
	ROWS("a;b\n1;\"x\ny\"z\n2;3\n", "1[a|b]2!4[2|3]",
	     "a stray character after a multi-line field");
	like(last_problem, "field 2 ", "names field 2");
	/* The bad row's other fields are not given (n is 0). */
	bl_csv *c = OPEN("a;b\n1;x\"y\n");
	if (c) {
		bl_csv_row r;
		bl_csv_next(c, &r, &E);
		is_int(bl_csv_next(c, &r, &E), 1, "the bad row is returned");
		ok(r.problem != NULL && r.n == 0 && r.field == NULL && r.len == NULL,
		   "with a problem and no fields");
		is_int(bl_csv_next(c, &r, &E), 0, "then the end");
		bl_csv_close(c);
	}

	/* An unclosed quote: the field takes the rest of the file. */
	ROWS("a;b\n1;2\n3;\"abc\n4;5\n", "1[a|b]2[1|2]3!", "an unclosed quote at the end of the file");
	is_str(last_problem,
	       "the file ends inside a quoted field; expected its closing quote"
	       " (is the file cut off?)",
	       "says the file ends inside a quoted field");
	is_int(last_problem_line, 3, "on the line the quote opened");
	RAWS("a;b\n3;\"abc\n4;5", "1<a;b\\n>2<3;\"abc\\n4;5>", "its raw bytes are the rest of the file");
	ROWS("a;b\n1;\"", "1[a|b]2!", "a lone quote at the very end");

	/* Too many fields, and a field too long: a problem of that row. */
	char *big = malloc(BL_CSV_MAX_FIELD + 64);
	size_t n = 0;
	n += (size_t)sprintf(big, "a;b\n");
	for (int i = 0; i < BL_CSV_MAX_FIELDS; i++)
		big[n++] = ';';
	n += (size_t)sprintf(big + n, "\n1;2\n");
	c = open_n("t.csv", big, n, BL_ENC_AUTO, 0);
	if (c) {
		dump_is(c, "1[a|b]2!3[1|2]", "1025 fields: a problem, then the next row");
		is_str(last_problem,
		       "the row has more than 1024 fields; expected a row of the header's columns",
		       "says how many fields are allowed");
		bl_csv_close(c);
	}
	n = (size_t)sprintf(big, "a;b\n");
	for (int i = 0; i < BL_CSV_MAX_FIELDS; i++)
		big[n++] = i ? ';' : 'x';
	n += (size_t)sprintf(big + n, "\n");
	c = open_n("t.csv", big, n, BL_ENC_AUTO, 0);
	if (c) {
		bl_csv_row r;
		bl_csv_next(c, &r, &E);
		is_int(bl_csv_next(c, &r, &E), 1, "1024 fields");
		ok(r.problem == NULL && r.n == BL_CSV_MAX_FIELDS, "are allowed");
		bl_csv_close(c);
	}
	n = (size_t)sprintf(big, "a;b\n1;");
	memset(big + n, 'x', BL_CSV_MAX_FIELD + 1);
	n += BL_CSV_MAX_FIELD + 1;
	n += (size_t)sprintf(big + n, "\n2;3\n");
	c = open_n("t.csv", big, n, BL_ENC_AUTO, 0);
	if (c) {
		dump_is(c, "1[a|b]2!3[2|3]", "a field of 65537 bytes: a problem, then the next row");
		is_str(last_problem, "a field is longer than 65536 bytes; expected a shorter field",
		       "says how long a field may be");
		bl_csv_close(c);
	}
	free(big);

	/* A byte that is not a character in Windows-1252. */
	c = OPEN_ENC("a;b\n1;x\x81y\n2;3\n", BL_ENC_CP1252);
	if (c) {
		char got[512];
		dump(c, got, sizeof got);
		if (strcmp(got, "1[a|b]2[1|x\xc2\x81y]3[2|3]") == 0) {
			ok(1, "# SKIP this iconv maps 0x81 in Windows-1252");
		} else {
			is_str(got, "1[a|b]2!3[2|3]", "0x81 in Windows-1252: a problem of its row");
			is_str(last_problem,
			       "byte 4 (0x81) is not a character in windows-1252; expected text"
			       " in that encoding",
			       "naming the byte and the encoding");
		}
		bl_csv_close(c);
	}
}

static void test_refused(void)
{
	refused("a;b\n1;\0;2\n", 10, BL_ENC_AUTO,
		"'t.csv' line 2, byte 3: a NUL byte; expected a text file (CSV), not a binary one",
		"a NUL byte");
	refused("\xef\xbb\xbf" "a;b\0", 7, BL_ENC_AUTO,
		"'t.csv' line 1, byte 4: a NUL byte; expected a text file (CSV), not a binary one",
		"a NUL byte after a BOM: the byte counts from after the BOM");
	refused("a;b\r1;2\rx\0", 10, BL_ENC_AUTO,
		"'t.csv' line 3, byte 2: a NUL byte; expected a text file (CSV), not a binary one",
		"a NUL byte in a file of lone CRs: the lines are counted as when reading");
	refused("a;b\r\n1;2\r\nx\0", 12, BL_ENC_AUTO,
		"'t.csv' line 3, byte 2: a NUL byte; expected a text file (CSV), not a binary one",
		"a NUL byte in a file of CR LF");
	REFUSED("PK\x03\x04\x14\x00\x06\x00",
		"'t.csv' is a spreadsheet workbook (.xlsx or .ods), not a CSV file; save it as"
		" CSV (semicolon- or comma-separated) and import that",
		"an .xlsx file");
	REFUSED("\xff\xfe" "a\0;\0b\0",
		"'t.csv' is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and"
		" import that",
		"UTF-16 little-endian");
	REFUSED("\xfe\xff\0a\0;",
		"'t.csv' is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and"
		" import that",
		"UTF-16 big-endian");
	REFUSED("", "'t.csv' is empty; expected a header line and rows", "an empty file");
	REFUSED("\xef\xbb\xbf", "'t.csv' is empty; expected a header line and rows", "only a BOM");
	REFUSED("\xef\xbb\xbf\r\n\r\n", "'t.csv' is empty; expected a header line and rows",
		"a BOM and blank lines");
	REFUSED("\n \r\n", "'t.csv' is empty; expected a header line and rows", "only blank lines");

	/* The name in messages has its control characters replaced. */
	bl_csv *c = open_n("a\033[31m.csv", "", 0, BL_ENC_AUTO, 0);
	ok(c == NULL, "an empty file with an escape in its name");
	is_str(E.msg, "'a?[31m.csv' is empty; expected a header line and rows",
	       "the escape is not in the message");
}

static void test_files(const char *dir)
{
	char path[512];
	snprintf(path, sizeof path, "%s/in.csv", dir);
	FILE *f = fopen(path, "wb");
	fputs("a;b\r\n\xe6;2\r\n", f);
	fclose(f);
	bl_csv_opts o = { BL_ENC_AUTO, 0 };
	bl_csv *c = NULL;
	if (ok(bl_csv_open(path, &o, &c, &E) == 0 && c, "a file opens")) {
		is_str(bl_csv_name(c), path, "named by its path");
		is_int(bl_csv_encoding(c), BL_ENC_CP1252, "Windows-1252 found");
		dump_is(c, "1[a|b]2[\xc3\xa6|2]", "and read");
		bl_csv_close(c);
	}
	ok(bl_csv_open(path, NULL, &c, &E) == 0 && c, "NULL options: auto");
	bl_csv_close(c);
	snprintf(path, sizeof path, "%s/none.csv", dir);
	c = (bl_csv *)&E;
	is_int(bl_csv_open(path, &o, &c, &E), -1, "a missing file is refused");
	ok(c == NULL, "and gives no reader");
	char want[700];
	snprintf(want, sizeof want, "cannot read '%s': %s", path, strerror(ENOENT));
	is_str(E.msg, want, "naming the file and why");
	is_int(bl_csv_open(dir, &o, &c, &E), -1, "a directory is refused");
	snprintf(want, sizeof want, "cannot read '%s': %s", dir, strerror(EISDIR));
	is_str(E.msg, want, "as a directory");
	snprintf(path, sizeof path, "%s/empty.csv", dir);
	f = fopen(path, "wb");
	fclose(f);
	is_int(bl_csv_open(path, &o, &c, &E), -1, "an empty file is refused");
	snprintf(want, sizeof want, "'%s' is empty; expected a header line and rows", path);
	is_str(E.msg, want, "as empty");
	unlink(path);
	snprintf(path, sizeof path, "%s/in.csv", dir);
	unlink(path);
}

static void test_rewind(void)
{
	bl_csv *c = OPEN("a;b\n1;\"x\ny\"\n\n2;3");
	if (!c)
		return;
	char first[512], second[512];
	dump(c, first, sizeof first);
	is_str(first, "1[a|b]2[1|x\\ny]5[2|3]", "the first pass");
	bl_csv_rewind(c);
	dump(c, second, sizeof second);
	is_str(second, first, "a rewind reads the same rows with the same line numbers");
	/* Rewind in the middle of a multi-line field. */
	bl_csv_rewind(c);
	bl_csv_row r;
	bl_csv_next(c, &r, &E);
	bl_csv_rewind(c);
	dump(c, second, sizeof second);
	is_str(second, first, "a rewind after the header");
	bl_csv_close(c);

	/* After a problem row and after the end of an unclosed quote. */
	c = OPEN("a;b\n1;x\"y\n2;\"3");
	if (!c)
		return;
	dump(c, first, sizeof first);
	is_str(first, "1[a|b]2!3!", "a stray quote, then an unclosed quote");
	bl_csv_rewind(c);
	dump(c, second, sizeof second);
	is_str(second, first, "a rewind after problems reads the same");
	bl_csv_close(c);

	c = OPEN("\xef\xbb\xbf" "a;b\n1;2\n");
	if (!c)
		return;
	dump(c, first, sizeof first);
	bl_csv_rewind(c);
	bl_csv_next(c, &r, &E);
	is_str(r.field[0], "a", "a rewind skips the BOM again");
	bl_csv_close(c);
}

static void test_write_field(void)
{
	static const struct {
		const char *in;
		char delim;
		const char *want;
	} w[] = {
		{ "abc", ';', "abc" },
		{ "", ';', "" },
		{ "a;b", ';', "\"a;b\"" },
		{ "a;b", ',', "a;b" },
		{ "a,b", ',', "\"a,b\"" },
		{ "a\tb", '\t', "\"a\tb\"" },
		{ "say \"hi\"", ';', "\"say \"\"hi\"\"\"" },
		{ "l1\nl2", ';', "\"l1\nl2\"" },
		{ "l1\rl2", ';', "\"l1\rl2\"" },
		{ " lead", ';', "\" lead\"" },
		{ "trail ", ';', "\"trail \"" },
		{ "in side", ';', "in side" },
		{ "K\xc3\xb8ge", ';', "K\xc3\xb8ge" },
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
		char *buf = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&buf, &n);
		bl_csv_write_field(f, w[i].in, w[i].delim);
		fclose(f);
		is_str(buf, w[i].want, "write_field #%zu", i);
		/* And it reads back. */
		char line[64];
		snprintf(line, sizeof line, "%s%cz\n", buf, w[i].delim);
		bl_csv *c = open_n("t.csv", line, strlen(line), BL_ENC_UTF8, w[i].delim);
		bl_csv_row r;
		ok(c && bl_csv_next(c, &r, &E) == 1 && !r.problem && r.n == 2 &&
			   strcmp(r.field[0], w[i].in) == 0,
		   "write_field #%zu reads back", i);
		bl_csv_close(c);
		free(buf);
	}
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	bl_csv_write_field(f, NULL, ';');
	fclose(f);
	is_int(n, 0, "a NULL field writes nothing");
	free(buf);
}

/* ---- amounts as exports write them ---- */

static void test_money_csv(void)
{
	static const struct {
		bl_lang lang;
		const char *in;
		bl_money want;
	} good[] = {
		{ BL_LANG_NB, " -1 362 250 ", -136225000 },
		{ BL_LANG_NB, " -   ", 0 },
		{ BL_LANG_NB, "-", 0 },
		{ BL_LANG_NB, "810 000,00", 81000000 },
		{ BL_LANG_NB, "1\xc2\xa0" "234\xc2\xa0" "567,50", 123456750 },
		{ BL_LANG_NB, "1\xe2\x80\xaf" "234", 123400 },
		{ BL_LANG_NB, "\xc2\xa0" "12\xc2\xa0", 1200 },
		{ BL_LANG_NB, "1.234,50-", -123450 },
		{ BL_LANG_NB, "(1.234,50)", -123450 },
		{ BL_LANG_NB, " (1 234,50) ", -123450 },
		{ BL_LANG_NB, "1 234,50-", -123450 },
		{ BL_LANG_NB, "5-", -500 },
		{ BL_LANG_NB, "0-", 0 },
		{ BL_LANG_NB, "(0)", 0 },
		{ BL_LANG_NB, "1 500,-", 150000 },
		{ BL_LANG_DA, "1.234,50-", -123450 },
		{ BL_LANG_DA, "(1.234,50)", -123450 },
		{ BL_LANG_DA, "1.234,50", 123450 },
		{ BL_LANG_DA, "1 234,50", 123450 },
		{ BL_LANG_DA, "-1.234", -123400 },
		{ BL_LANG_DA, "+12", 1200 },
		{ BL_LANG_DA, "12 kr.", 1200 },
		{ BL_LANG_DA, "(12 kr.)", -1200 },
		{ BL_LANG_DA, "92233720368547758,07", INT64_MAX },
		{ BL_LANG_DA, "(92233720368547758,07)", -INT64_MAX },
		{ BL_LANG_DA, "92233720368547758,07-", -INT64_MAX },
		{ BL_LANG_DA, "-92233720368547758,07", -INT64_MAX },
		{ BL_LANG_EN, "1234567.50", 123456750 },
		{ BL_LANG_EN, "1,234,567.50", 123456750 },
		{ BL_LANG_EN, "1 234 567.50", 123456750 },
		{ BL_LANG_EN, "1,234.50-", -123450 },
		{ BL_LANG_EN, "(1,234.50)", -123450 },
		{ BL_LANG_EN, "-", 0 },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		bl_money v = 0x5A5A;
		bl_err e = { "" };
		int rc = bl_money_parse_csv(good[i].in, strlen(good[i].in), good[i].lang, &v, &e);
		ok(rc == 0 && v == good[i].want, "%s: parse_csv \"%s\" = %" PRId64,
		   bl_lang_name(good[i].lang), good[i].in, good[i].want);
		if (rc != 0 || v != good[i].want)
			diag("rc %d, got %" PRId64 ": %s", rc, v, e.msg);
	}
	/* Only len bytes are read: from a heap buffer of exactly that size. */
	int bad = 0;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		size_t len = strlen(good[i].in);
		char *copy = malloc(len ? len : 1);
		memcpy(copy, good[i].in, len);
		bl_money v = 0;
		if (bl_money_parse_csv(copy, len, good[i].lang, &v, NULL) != 0 ||
		    v != good[i].want)
			bad++;
		free(copy);
	}
	is_int(bad, 0, "parse_csv reads only len bytes");

	static const struct {
		bl_lang lang;
		const char *in, *msg;
	} badv[] = {
		{ BL_LANG_NB, "12a",
		  "\"12a\" is not an amount: \"a\" is not a digit, sign, separator or unit (kr., kr,"
		  " DKK, NOK) (expected e.g. 1 234 567,50)" },
		{ BL_LANG_NB, "1,2,3",
		  "\"1,2,3\" is not an amount: it has more than one decimal comma (expected e.g."
		  " 1 234 567,50)" },
		{ BL_LANG_NB, "--5",
		  "\"--5\" is not an amount: it has more than one sign (expected e.g. 1 234 567,50)" },
		{ BL_LANG_NB, "(-5)",
		  "\"(-5)\" is not an amount: inside brackets must be an amount without a sign"
		  " (expected e.g. (1.234,50))" },
		{ BL_LANG_NB, "(+5)",
		  "\"(+5)\" is not an amount: inside brackets must be an amount without a sign" },
		{ BL_LANG_NB, "-5-",
		  "\"-5-\" is not an amount: before a trailing minus must be an amount without a sign"
		  " (expected e.g. 1.234,50-)" },
		{ BL_LANG_NB, "5--",
		  "\"5--\" is not an amount: a sign can only come first (expected e.g. 1 234 567,50)" },
		{ BL_LANG_NB, "99999999999999999999",
		  "\"99999999999999999999\" is not an amount: it is too large; amounts must lie"
		  " between -92 233 720 368 547 758,07 and 92 233 720 368 547 758,07 kr." },
		{ BL_LANG_NB, "-99999999999999999999", "it is too small" },
		{ BL_LANG_NB, "99999999999999999999-", "\"99999999999999999999-\" is not an amount: " },
		{ BL_LANG_NB, "(99999999999999999999)", "\"(99999999999999999999)\" is not an amount: " },
		{ BL_LANG_NB, "", "\"\" is not an amount: it is empty or only white space" },
		{ BL_LANG_NB, "   ", "\"   \" is not an amount: it is empty" },
		{ BL_LANG_NB, "()", "\"()\" is not an amount: inside brackets" },
		{ BL_LANG_NB, "(5", "\"(5\" is not an amount: \"(\" is not a digit" },
		{ BL_LANG_NB, "5)", "\"5)\" is not an amount: \")\" is not a digit" },
		{ BL_LANG_NB, "(12a)", "\"(12a)\" is not an amount: " },
		{ BL_LANG_NB, "1,234,567.50",
		  "\"1,234,567.50\" is not an amount: it is written in another number format"
		  " (English" },
		{ BL_LANG_DA, "1234567.50",
		  "\"1234567.50\" is not an amount: it is written in another number format (English" },
		{ BL_LANG_EN, "1.234,50", "written in another number format (Danish" },
		{ BL_LANG_NB, "1\xff", "\"1\\xff\" is not an amount: it is not valid UTF-8" },
	};
	for (size_t i = 0; i < sizeof badv / sizeof *badv; i++) {
		bl_money v = 0x5A5A;
		bl_err e = { "" };
		int rc = bl_money_parse_csv(badv[i].in, strlen(badv[i].in), badv[i].lang, &v, &e);
		ok(rc == -1 && v == 0x5A5A, "%s: parse_csv \"%s\" is refused, out untouched",
		   bl_lang_name(badv[i].lang), badv[i].in);
		like(e.msg, badv[i].msg, "%s: parse_csv \"%s\": the message",
		     bl_lang_name(badv[i].lang), badv[i].in);
	}
	bl_money v = 1;
	ok(bl_money_parse_csv("12x", 3, BL_LANG_DA, &v, NULL) == -1 && v == 1,
	   "a NULL err is allowed");
	ok(bl_money_parse_csv("(12)", 4, BL_LANG_DA, NULL, NULL) == 0, "a NULL out is allowed");
	ok(bl_money_parse_csv(NULL, 0, BL_LANG_DA, &v, NULL) == -1, "NULL is not an amount");
	bl_err e = { "" };
	ok(bl_money_parse_csv(NULL, 3, BL_LANG_DA, &v, &e) == -1 && v == 1,
	   "NULL with a length is not an amount (and nothing is read)");
	like(e.msg, "\"\" is not an amount: it is empty", "NULL is empty");
	ok(bl_money_parse_csv("1.234;5", 5, BL_LANG_DA, &v, NULL) == 0 && v == 123400,
	   "only len bytes are looked at");
	ok(bl_money_parse_csv("(5);x", 3, BL_LANG_DA, &v, NULL) == 0 && v == -500,
	   "brackets within len");
}

int main(void)
{
	char dir[256];
	if (!tu_tmpdir(dir, sizeof dir, "bl-csv"))
		return tap_done();
	test_encoding_names();
	test_utf8();
	test_cp1252();
	test_latin1();
	test_utf8_as_cp1252();
	test_invalid_utf8();
	test_delimiters();
	test_quotes();
	test_line_ends();
	test_bad_rows();
	test_refused();
	test_files(dir);
	test_rewind();
	test_write_field();
	test_money_csv();
	rmdir(dir);
	return tap_done();
}
