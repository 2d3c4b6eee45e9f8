/* date.c: calendar dates as days since 1970-01-01 (proleptic Gregorian).
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days
 * ("chrono-Compatible Low-Level Date Algorithms"), exact for every date,
 * done in int64_t so that no intermediate value can overflow. */
#include "config.h"
#include "core/date.h"

#include "core/i18n.h"
#include "core/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2199

bl_date bl_date_from_ymd(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;                            /* [0, 399] */
	int64_t doy = (153 * ((int64_t)m + (m > 2 ? -3 : 9)) + 2) / 5 +
		      (int64_t)d - 1;                             /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;     /* [0, 146096] */
	return (bl_date)(era * 146097 + doe - 719468);
}

void bl_date_to_ymd(bl_date d, int *y, int *m, int *day)
{
	int64_t z = (int64_t)d + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                          /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);   /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                         /* [0, 11] */
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;                /* [1, 31] */
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;                   /* [1, 12] */
	int64_t yy = yoe + era * 400 + (mm <= 2);
	if (y)
		*y = (int)yy;
	if (m)
		*m = (int)mm;
	if (day)
		*day = (int)dd;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static void put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Dates outside years 0..9999 cannot be written in ten characters; they
 * never come from bl_date_parse, so such a value is shown as an obviously
 * invalid "????-??-??" rather than as a wrong date. */
void bl_date_format(bl_date d, char buf[static 11])
{
	int y, m, day;
	bl_date_to_ymd(d, &y, &m, &day);
	if (y < 0 || y > 9999) {
		/* Escaped, or "??-" would be read as a trigraph. */
		memcpy(buf, "?\?\?\?-?\?-?\?", 11);
		return;
	}
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, day, 2);
	buf[10] = '\0';
}

/* ---- parsing ---------------------------------------------------------- */

static bool digits(const char *s, int n, int *v)
{
	int r = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		r = r * 10 + (s[i] - '0');
	}
	*v = r;
	return true;
}

enum ymd_status { YMD_OK, YMD_SHAPE, YMD_YEAR, YMD_MONTH, YMD_DAY };

/* The first ten characters of s as YYYY-MM-DD (s has at least ten). */
static enum ymd_status parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (s[4] != '-' || s[7] != '-' || !digits(s, 4, y) ||
	    !digits(s + 5, 2, m) || !digits(s + 8, 2, d))
		return YMD_SHAPE;
	if (*y < YEAR_MIN || *y > YEAR_MAX)
		return YMD_YEAR;
	if (*m < 1 || *m > 12)
		return YMD_MONTH;
	if (*d < 1 || *d > days_in_month(*y, *m))
		return YMD_DAY;
	return YMD_OK;
}

int bl_date_parse(const char *s, bl_date *out, bl_err *err)
{
	static const char *const months[] = {
		N_("January"), N_("February"), N_("March"), N_("April"),
		N_("May"), N_("June"), N_("July"), N_("August"),
		N_("September"), N_("October"), N_("November"), N_("December"),
	};
	const char *expected = _("expected a date as YYYY-MM-DD, e.g. 2027-03-31");
	char q[BL_QUOTE_MAX];
	int y, m, d;

	if (!s)
		return bl_err_set(err, _("A date is missing (%s)."), expected);
	bl_text_quote(s, strlen(s), q);
	if (strlen(s) != 10)
		return bl_err_set(err, _("\"%s\" is not a date: %s"), q, expected);
	switch (parse_ymd(s, &y, &m, &d)) {
	case YMD_OK:
		break;
	case YMD_SHAPE:
		return bl_err_set(err, _("\"%s\" is not a date: %s"), q, expected);
	case YMD_YEAR:
		return bl_err_set(err,
				  _("\"%s\" is not a date budgetlab accepts: "
				    "the year must be between %d and %d (%s)"),
				  q, YEAR_MIN, YEAR_MAX, expected);
	case YMD_MONTH:
		return bl_err_set(err,
				  _("\"%s\" is not a date: there is no month "
				    "%d (%s)"),
				  q, m, expected);
	case YMD_DAY:
		return bl_err_set(err,
				  _("\"%s\" is not a date: %s %d has %d days "
				    "(%s)"),
				  q, _(months[m - 1]), y, days_in_month(y, m),
				  expected);
	}
	if (out)
		*out = bl_date_from_ymd(y, m, d);
	return 0;
}

/* ---- the clock -------------------------------------------------------- */

struct instant {
	int y, mo, d, h, mi, s;
};

/* BUDGETLAB_NOW as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC).  If it is
 * unset, or set but malformed, this returns false and the caller uses the
 * real clock: core cannot report an error from bl_date_today(), and a
 * wrong fixed date would be worse than the true one.  (A CLI that wants to
 * warn about a malformed value can check it with bl_date_parse.) */
static bool fixed_now(struct instant *t)
{
	const char *v = getenv("BUDGETLAB_NOW");
	if (!v)
		return false;
	size_t len = strlen(v);
	if (len != 10 && len != 20)
		return false;
	if (parse_ymd(v, &t->y, &t->mo, &t->d) != YMD_OK)
		return false;
	t->h = t->mi = t->s = 0;
	if (len == 10)
		return true;
	return v[10] == 'T' && v[13] == ':' && v[16] == ':' && v[19] == 'Z' &&
	       digits(v + 11, 2, &t->h) && digits(v + 14, 2, &t->mi) &&
	       digits(v + 17, 2, &t->s) && t->h <= 23 && t->mi <= 59 &&
	       t->s <= 59;
}

static void now(struct instant *t)
{
	if (fixed_now(t))
		return;
	time_t sec = time(NULL);
	struct tm tm;
	if (sec == (time_t)-1 || !gmtime_r(&sec, &tm)) {
		/* No clock at all: the epoch, rather than garbage. */
		*t = (struct instant){1970, 1, 1, 0, 0, 0};
		return;
	}
	*t = (struct instant){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			      tm.tm_hour, tm.tm_min, tm.tm_sec};
}

bl_date bl_date_today(void)
{
	struct instant t;
	now(&t);
	return bl_date_from_ymd(t.y, t.mo, t.d);
}

void bl_now_iso(char buf[static 21])
{
	struct instant t;
	now(&t);
	bl_date_format(bl_date_from_ymd(t.y, t.mo, t.d), buf);
	buf[10] = 'T';
	put_digits(buf + 11, t.h, 2);
	buf[13] = ':';
	put_digits(buf + 14, t.mi, 2);
	buf[16] = ':';
	put_digits(buf + 17, t.s, 2);
	buf[19] = 'Z';
	buf[20] = '\0';
}
