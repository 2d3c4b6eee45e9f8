/* test_date.c: calendar dates, their parsing, and the (fixable) clock. */
#include "config.h"
#include "core/date.h"

#include <time.h>

#include "tap.h"

#define SENTINEL ((bl_date)0x5A5A5A5A)
#define EXPECTED "expected a date as YYYY-MM-DD, e.g. 2027-03-31"

/* An independent calendar for the checks: plain rules, no formulas. */
static int ref_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ref_dim(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	return m == 2 && ref_leap(y) ? 29 : dim[m - 1];
}

static void test_anchors(void)
{
	static const struct {
		int y, m, d;
		bl_date days;
	} a[] = {
		{1970, 1, 1, 0},         {1969, 12, 31, -1},
		{1900, 1, 1, -25567},    {2199, 12, 31, 84005},
		{2000, 2, 29, 11016},    {2000, 3, 1, 11017},
		{2027, 1, 20, 20838},    {2028, 2, 29, 21243},
		{2038, 1, 19, 24855},    {2038, 1, 20, 24856},
	};
	for (size_t i = 0; i < sizeof a / sizeof *a; i++) {
		int y = 0, m = 0, d = 0;
		is_int(bl_date_from_ymd(a[i].y, a[i].m, a[i].d), a[i].days,
		       "from_ymd(%04d-%02d-%02d) = %d", a[i].y, a[i].m, a[i].d,
		       (int)a[i].days);
		bl_date_to_ymd(a[i].days, &y, &m, &d);
		ok(y == a[i].y && m == a[i].m && d == a[i].d,
		   "to_ymd(%d) = %04d-%02d-%02d", (int)a[i].days, a[i].y,
		   a[i].m, a[i].d);
	}
	/* 1970-01-01 was a Thursday, 2027-01-20 a Wednesday. */
	is_int((bl_date_from_ymd(2027, 1, 20) % 7 + 7 + 3) % 7, 2,
	       "2027-01-20 is a Wednesday (Monday = 0)");

	char buf[11];
	bl_date_format(0, buf);
	is_str(buf, "1970-01-01", "format(0)");
	bl_date_format(bl_date_from_ymd(2028, 2, 29), buf);
	is_str(buf, "2028-02-29", "format(2028-02-29)");
	bl_date_format(bl_date_from_ymd(1, 1, 1), buf);
	is_str(buf, "0001-01-01", "format pads the year to four digits");
	bl_date_format(INT32_MAX, buf);
	is_str(buf, "?\?\?\?-?\?-?\?", "a date past year 9999 formats as question marks");
	bl_date_format(INT32_MIN, buf);
	is_str(buf, "?\?\?\?-?\?-?\?", "a date before year 0 formats as question marks");
	int y = 0, m = 0, d = 0;
	bl_date_to_ymd(INT32_MIN, &y, &m, &d);
	ok(m >= 1 && m <= 12 && d >= 1 && d <= 31,
	   "to_ymd(INT32_MIN) gives a real month and day");
	bl_date_to_ymd(INT32_MAX, &y, &m, &d);
	ok(m >= 1 && m <= 12 && d >= 1 && d <= 31,
	   "to_ymd(INT32_MAX) gives a real month and day");
	bl_date_to_ymd(5, NULL, NULL, NULL);
	ok(1, "to_ymd accepts NULL outputs");
}

/* Every day 1900-01-01 .. 2199-12-31, against the plain calendar. */
static void test_every_day(void)
{
	bl_date want = -25567;
	long days = 0, bad_from = 0, bad_to = 0, bad_fmt = 0, bad_parse = 0;
	int leap_days = 0;
	for (int y = 1900; y <= 2199; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= ref_dim(y, m); d++, want++, days++) {
				bl_date got = bl_date_from_ymd(y, m, d);
				if (got != want && !bad_from++)
					diag("from_ymd(%04d-%02d-%02d) = %d, "
					     "want %d",
					     y, m, d, (int)got, (int)want);
				int yy, mm, dd;
				bl_date_to_ymd(want, &yy, &mm, &dd);
				if ((yy != y || mm != m || dd != d) &&
				    !bad_to++)
					diag("to_ymd(%d) = %04d-%02d-%02d",
					     (int)want, yy, mm, dd);
				char buf[11], ref[32];
				bl_date_format(want, buf);
				snprintf(ref, sizeof ref, "%04d-%02d-%02d", y,
					 m, d);
				if (strcmp(buf, ref) != 0 && !bad_fmt++)
					diag("format(%d) = %s", (int)want, buf);
				bl_date p = SENTINEL;
				bl_err err = {""};
				if ((bl_date_parse(ref, &p, &err) != 0 ||
				     p != want) &&
				    !bad_parse++)
					diag("parse(%s): %s", ref, err.msg);
				if (m == 2 && d == 29)
					leap_days++;
			}
	is_int(days, 109573, "300 years have 109573 days");
	is_int(want, 84006, "and end after 2199-12-31 = 84005");
	is_int(leap_days, 73, "73 leap days from 1900 to 2199");
	ok(bad_from == 0, "from_ymd is right for every day 1900..2199");
	ok(bad_to == 0, "to_ymd is right for every day 1900..2199");
	ok(bad_fmt == 0, "format is right for every day 1900..2199");
	ok(bad_parse == 0, "parse accepts every day 1900..2199");

	/* Beyond the accepted years the conversions still agree. */
	long bad = 0;
	bl_date first = bl_date_from_ymd(-400, 1, 1);
	bl_date last = bl_date_from_ymd(10000, 12, 31);
	int py = -401, pm = 12, pd = 31;
	for (bl_date x = first; x <= last; x++) {
		int yy, mm, dd;
		bl_date_to_ymd(x, &yy, &mm, &dd);
		/* Each day follows the one before it in the calendar. */
		int ny = py, nm = pm, nd = pd + 1;
		if (nd > ref_dim(ny, nm)) {
			nd = 1;
			if (++nm > 12) {
				nm = 1;
				ny++;
			}
		}
		if ((yy != ny || mm != nm || dd != nd ||
		     bl_date_from_ymd(yy, mm, dd) != x) &&
		    !bad++)
			diag("day %d: %d-%02d-%02d", (int)x, yy, mm, dd);
		py = yy, pm = mm, pd = dd;
	}
	ok(bad == 0, "to_ymd and from_ymd agree on every day -400..10000");
}

static void test_parse(void)
{
	static const struct {
		const char *in;
		int y, m, d;
	} good[] = {
		{"2027-03-31", 2027, 3, 31}, {"2028-02-29", 2028, 2, 29},
		{"2000-02-29", 2000, 2, 29}, {"1900-01-01", 1900, 1, 1},
		{"2199-12-31", 2199, 12, 31}, {"1970-01-01", 1970, 1, 1},
		{"2027-01-20", 2027, 1, 20}, {"2024-02-29", 2024, 2, 29},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		bl_date v = SENTINEL;
		bl_err err = {""};
		int rc = bl_date_parse(good[i].in, &v, &err);
		ok(rc == 0 &&
			   v == bl_date_from_ymd(good[i].y, good[i].m,
						 good[i].d),
		   "parse \"%s\"", good[i].in);
		if (rc)
			diag("%s", err.msg);
	}

	static const struct {
		const char *in, *quoted, *why;
	} bad[] = {
		{"2027-02-29", NULL, "February 2027 has 28 days"},
		{"1900-02-29", NULL, "February 1900 has 28 days"},
		{"2100-02-29", NULL, "February 2100 has 28 days"},
		{"2028-02-30", NULL, "February 2028 has 29 days"},
		{"2027-04-31", NULL, "April 2027 has 30 days"},
		{"2027-01-32", NULL, "January 2027 has 31 days"},
		{"2027-01-00", NULL, "January 2027 has 31 days"},
		{"2027-13-01", NULL, "there is no month 13"},
		{"2027-00-10", NULL, "there is no month 0"},
		{"1899-12-31", NULL, "the year must be between 1900 and 2199"},
		{"2200-01-01", NULL, "the year must be between 1900 and 2199"},
		{"0000-01-01", NULL, "the year must be between 1900 and 2199"},
		{"", NULL, EXPECTED},
		{"27-03-31", NULL, EXPECTED},
		{"2027-3-31", NULL, EXPECTED},
		{"2027-03-1", NULL, EXPECTED},
		{"2027/03/31", NULL, EXPECTED},
		{"2027.03.31", NULL, EXPECTED},
		{"31-03-2027", NULL, EXPECTED},
		{"31.03.2027", NULL, EXPECTED},
		{"20270331", NULL, EXPECTED},
		{"2027-03-31 ", NULL, EXPECTED},
		{" 2027-03-31", NULL, EXPECTED},
		{"2027-03-31\n", "2027-03-31\\x0a", EXPECTED},
		{"2027-03-31T00:00:00Z", NULL, EXPECTED},
		{"2027-03-3a", NULL, EXPECTED},
		{"+027-03-31", NULL, EXPECTED},
		{"2027-+3-31", NULL, EXPECTED},
		{"2027- 3-31", NULL, EXPECTED},
		{"abcd-ef-gh", NULL, EXPECTED},
		{"2027\xe2\x88\x92" "03\xe2\x88\x92" "31", NULL, EXPECTED},
		{"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x97-03-31", NULL,
		 EXPECTED},
		{"2027-03-3\xb1", "2027-03-3\\xb1", EXPECTED},
		{"\x1b[2J2027-03", "\\x1b[2J2027-03", EXPECTED},
		{"i morgen", NULL, EXPECTED},
		{"31. marts 2027", NULL, EXPECTED},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		bl_date v = SENTINEL;
		bl_err err = {""};
		char head[128];
		const char *q = bad[i].quoted ? bad[i].quoted : bad[i].in;
		snprintf(head, sizeof head, "\"%s\" is not a date", q);
		int rc = bl_date_parse(bad[i].in, &v, &err);
		ok(rc == -1 && v == SENTINEL &&
			   strncmp(err.msg, head, strlen(head)) == 0 &&
			   strstr(err.msg, bad[i].why) &&
			   strstr(err.msg, EXPECTED),
		   "rejects \"%s\": %s", q, bad[i].why);
		if (rc != -1 || v != SENTINEL)
			diag("rc %d, value %d", rc, (int)v);
		else if (strncmp(err.msg, head, strlen(head)) != 0 ||
			 !strstr(err.msg, bad[i].why) ||
			 !strstr(err.msg, EXPECTED))
			diag("message: %s", err.msg);
	}

	bl_err err = {""};
	bl_date v = SENTINEL;
	bl_date_parse("2027-02-29", &v, &err);
	is_str(err.msg,
	       "\"2027-02-29\" is not a date: February 2027 has 28 days "
	       "(" EXPECTED ")",
	       "the day message in full");
	bl_date_parse("2027-3-31", &v, &err);
	is_str(err.msg, "\"2027-3-31\" is not a date: " EXPECTED,
	       "the shape message in full");
	bl_date_parse("2200-01-01", &v, &err);
	is_str(err.msg,
	       "\"2200-01-01\" is not a date budgetlab accepts: the year must "
	       "be between 1900 and 2199 (" EXPECTED ")",
	       "the year message in full");
	ok(bl_date_parse(NULL, &v, &err) == -1 && v == SENTINEL &&
		   strstr(err.msg, EXPECTED),
	   "a NULL date is an error");
	ok(bl_date_parse("2027-13-01", NULL, NULL) == -1,
	   "NULL out and err are allowed on error");
	ok(bl_date_parse("2027-12-01", NULL, NULL) == 0,
	   "NULL out and err are allowed on success");

	char longin[128];
	memset(longin, '9', 100);
	longin[100] = '\0';
	bl_date_parse(longin, &v, &err);
	ok(strstr(err.msg, "9999999999999999999999999999999999999999…\"") &&
		   !strstr(err.msg,
			   "99999999999999999999999999999999999999999"),
	   "a long input is quoted as 40 characters and …");
}

/* The real clock's date, as days since the epoch (floor division). */
static bl_date real_today(void)
{
	time_t t = time(NULL);
	return (bl_date)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
}

static int iso_shape(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != 20)
		return 0;
	for (int i = 0; i < 20; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9')
				    : s[i] != shape[i])
			return 0;
	}
	return 1;
}

static void test_clock(void)
{
	char iso[21], day[11];

	setenv("BUDGETLAB_NOW", "2027-01-20T09:00:00Z", 1);
	is_int(bl_date_today(), 20838, "BUDGETLAB_NOW date-time fixes today");
	bl_now_iso(iso);
	is_str(iso, "2027-01-20T09:00:00Z", "and now");

	setenv("BUDGETLAB_NOW", "2027-01-20T23:59:59Z", 1);
	is_int(bl_date_today(), 20838, "23:59:59 is still the same day");
	bl_now_iso(iso);
	is_str(iso, "2027-01-20T23:59:59Z", "and now keeps the time");

	setenv("BUDGETLAB_NOW", "2028-02-29", 1);
	is_int(bl_date_today(), 21243, "BUDGETLAB_NOW date fixes today");
	bl_now_iso(iso);
	is_str(iso, "2028-02-29T00:00:00Z", "a date alone is midnight UTC");

	/* Malformed values are ignored: the real clock is used. */
	static const char *const junk[] = {
		"",
		"yesterday",
		"2027-02-29",
		"2027-01-20T24:00:00Z",
		"2027-01-20T09:60:00Z",
		"2027-01-20T09:00:60Z",
		"2027-01-20T09:00:00",
		"2027-01-20 09:00:00Z",
		"2027-01-20T09:00:00+01:00",
		"2027-01-20T9:00:00Z",
		"1899-12-31",
		" 2027-01-20",
	};
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
		setenv("BUDGETLAB_NOW", junk[i], 1);
		bl_date before = real_today();
		bl_date got = bl_date_today();
		bl_now_iso(iso);
		bl_date after = real_today();
		ok((got == before || got == after) && iso_shape(iso),
		   "malformed BUDGETLAB_NOW \"%s\" falls back to the clock",
		   junk[i]);
	}

	unsetenv("BUDGETLAB_NOW");
	bl_date before = real_today();
	bl_date got = bl_date_today();
	bl_now_iso(iso);
	bl_date after = real_today();
	ok(got == before || got == after,
	   "without BUDGETLAB_NOW today is the real UTC date");
	ok(iso_shape(iso), "bl_now_iso is YYYY-MM-DDTHH:MM:SSZ (%s)", iso);
	char want_before[11], want_after[11];
	bl_date_format(before, want_before);
	bl_date_format(after, want_after);
	ok(strncmp(iso, want_before, 10) == 0 ||
		   strncmp(iso, want_after, 10) == 0,
	   "and its date is today's");
	bl_date_format(got, day);
	ok(strlen(day) == 10, "today formats as ten characters");
}

int main(void)
{
	test_anchors();
	test_every_day();
	test_parse();
	test_clock();
	return tap_done();
}
