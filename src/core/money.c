/* money.c: parsing and formatting amounts as exact integers of øre.
 *
 * No floating point anywhere: the magnitude of an amount is handled as a
 * uint64_t so that INT64_MIN (whose negation overflows int64_t) formats and
 * parses like every other value, and every multiplication or addition that
 * could overflow goes through __builtin_*_overflow.
 *
 * The grammar accepted by the parser, after surrounding white space is
 * dropped:
 *
 *     [sign [space...]] int [dec frac | dec "-"] [[space...] unit]
 *
 *   sign  '-', U+2212 MINUS SIGN or '+'.  White space after the sign is
 *         accepted ("- 5" is -5), because spreadsheets that right-align
 *         with padding sometimes put it there and it is unambiguous.
 *   int   digits with no separator ("1234567"), or a first group of 1-3
 *         digits followed by groups of exactly three, all separated by the
 *         same thousands separator.  The three space characters (space,
 *         U+00A0, U+202F) count as one separator, since they look the same
 *         and a mix of them cannot be seen, let alone fixed, by the user.
 *   dec   the language's decimal separator; it must be followed by one or
 *         two digits, or (da and nb) by a single '-' as in "1.234,-", the
 *         Scandinavian way of writing whole kroner.
 *   unit  "kr.", "kr", "DKK" or "NOK", in any case.
 *
 * A lone '-' (or U+2212), with any padding and nothing else, is zero, as
 * in accounts where a dash means "nothing".  "- kr." is not: a unit needs
 * digits.  A decimal separator with no digits before it (".5", ",5") is an
 * error rather than 0,50, because such input is more often a typo than an
 * intent, and the message says how to write it. */
#include "config.h"
#include "core/money.h"

#include "core/i18n.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- languages and units ---------------------------------------------- */

/* An out-of-range language is treated as Danish, so that a corrupt value
 * never indexes past a table. */
static bl_lang norm_lang(bl_lang lang)
{
	return (lang == BL_LANG_NB || lang == BL_LANG_EN) ? lang : BL_LANG_DA;
}

int bl_lang_from_name(const char *name, bl_lang *out)
{
	if (!name || !out)
		return -1;
	if (strcmp(name, "da") == 0)
		*out = BL_LANG_DA;
	else if (strcmp(name, "nb") == 0 || strcmp(name, "no") == 0)
		*out = BL_LANG_NB;
	else if (strcmp(name, "en") == 0)
		*out = BL_LANG_EN;
	else
		return -1;
	return 0;
}

const char *bl_lang_name(bl_lang lang)
{
	static const char *const names[] = {"da", "nb", "en"};
	return names[norm_lang(lang)];
}

int bl_unit_from_name(const char *name, bl_unit *out)
{
	if (!name || !out)
		return -1;
	if (strcmp(name, "kr") == 0)
		*out = BL_UNIT_KR;
	else if (strcmp(name, "t") == 0 || strcmp(name, "1000") == 0 ||
		 strcmp(name, "thousands") == 0)
		*out = BL_UNIT_THOUSANDS;
	else if (strcmp(name, "mio") == 0 || strcmp(name, "millions") == 0)
		*out = BL_UNIT_MILLIONS;
	else
		return -1;
	return 0;
}

/* The labels are already in the requested language, so they do not go
 * through gettext (which follows the locale, not the process's language). */
const char *bl_unit_label(bl_unit unit, bl_lang lang)
{
	static const char *const labels[3][3] = {
		/* BL_LANG_DA */ {"kr.", "1.000 kr.", "mio. kr."},
		/* BL_LANG_NB */ {"kr.", "1 000 kr.", "mill. kr."},
		/* BL_LANG_EN */ {"kr.", "1,000 kr.", "m kr."},
	};
	int u = (unit == BL_UNIT_THOUSANDS || unit == BL_UNIT_MILLIONS) ? (int)unit : 0;
	return labels[norm_lang(lang)][u];
}

/* ---- formatting ------------------------------------------------------- */

/* Magnitude of v without negating an int64_t (which overflows at
 * INT64_MIN): unsigned arithmetic is modular and well defined. */
static uint64_t magnitude(bl_money v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Write [-]whole[dec frac] with the language's groups.  decimals is 0, 1
 * or 2; frac has that many digits. */
static int emit(bool neg, uint64_t whole, int decimals, unsigned frac,
		bl_lang lang, char *buf, size_t bufsize)
{
	char tmp[64];
	size_t n = sizeof tmp;
	char gsep = lang == BL_LANG_DA ? '.' : lang == BL_LANG_NB ? ' ' : ',';
	char dsep = lang == BL_LANG_EN ? '.' : ',';

	tmp[--n] = '\0';
	if (decimals == 2) {
		tmp[--n] = (char)('0' + frac % 10);
		tmp[--n] = (char)('0' + frac / 10 % 10);
		tmp[--n] = dsep;
	} else if (decimals == 1) {
		tmp[--n] = (char)('0' + frac % 10);
		tmp[--n] = dsep;
	}
	int in_group = 0;
	do {
		if (in_group == 3) {
			tmp[--n] = gsep;
			in_group = 0;
		}
		tmp[--n] = (char)('0' + whole % 10);
		whole /= 10;
		in_group++;
	} while (whole);
	if (neg)
		tmp[--n] = '-';

	size_t len = sizeof tmp - 1 - n;
	if (!buf || len + 1 > bufsize) {
		if (buf && bufsize > 0)
			buf[0] = '\0';
		return -1;
	}
	memcpy(buf, tmp + n, len + 1);
	return (int)len;
}

/* Round mag / unit to the nearest integer, half away from zero (the sign
 * is applied by the caller, so "away from zero" is simply "up" here).
 * unit >= 2, so the quotient plus one cannot overflow. */
static uint64_t round_div(uint64_t mag, uint64_t unit)
{
	uint64_t q = mag / unit, r = mag % unit;
	return (r >= unit - r) ? q + 1 : q;
}

int bl_money_format(bl_money v, bl_lang lang, bl_unit unit, char *buf,
		    size_t bufsize)
{
	uint64_t mag = magnitude(v);
	lang = norm_lang(lang);
	switch (unit) {
	case BL_UNIT_THOUSANDS: {
		/* 1.000 kr. = 100.000 øre. */
		uint64_t q = round_div(mag, 100000);
		return emit(v < 0 && q != 0, q, 0, 0, lang, buf, bufsize);
	}
	case BL_UNIT_MILLIONS: {
		/* Tenths of a million kroner: 100.000 kr. = 10.000.000 øre. */
		uint64_t q = round_div(mag, 10000000);
		return emit(v < 0 && q != 0, q / 10, 1, (unsigned)(q % 10),
			    lang, buf, bufsize);
	}
	case BL_UNIT_KR:
	default:
		return emit(v < 0, mag / 100, 2, (unsigned)(mag % 100), lang,
			    buf, bufsize);
	}
}

int bl_money_format_whole(bl_money v, bl_lang lang, char *buf, size_t bufsize)
{
	uint64_t mag = magnitude(v);
	unsigned ore = (unsigned)(mag % 100);
	return emit(v < 0, mag / 100, ore ? 2 : 0, ore, norm_lang(lang), buf,
		    bufsize);
}

bool bl_money_add(bl_money a, bl_money b, bl_money *out)
{
	bl_money r;
	if (__builtin_add_overflow(a, b, &r))
		return false;
	if (out)
		*out = r;
	return true;
}

bool bl_money_sub(bl_money a, bl_money b, bl_money *out)
{
	bl_money r;
	if (__builtin_sub_overflow(a, b, &r))
		return false;
	if (out)
		*out = r;
	return true;
}

/* ---- parsing ---------------------------------------------------------- */

static const char *example(bl_lang lang)
{
	static const char *const ex[] = {"1.234.567,50", "1 234 567,50",
					 "1,234,567.50"};
	return ex[lang];
}

static int fail(bl_err *err, const char *s, size_t len, bl_lang lang,
		bool with_example, const char *fmt, ...) BL_PRINTF(6, 7);

/* Set `"<input>" is not an amount: <why> (expected e.g. <example>)`. */
static int fail(bl_err *err, const char *s, size_t len, bl_lang lang,
		bool with_example, const char *fmt, ...)
{
	/* Errors without an example (the encoding, the range, the
	 * currency) are about what the input says, not how it is written:
	 * -2 tells bl_money_parse_in not to look for another notation. */
	int rc = with_example ? -1 : -2;
	if (!err)
		return rc;
	char q[BL_QUOTE_MAX], why[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	bl_text_quote(s, len, q);
	if (with_example)
		bl_err_set(err, _("\"%s\" is not an amount: %s (expected e.g. %s)"),
			   q, why, example(lang));
	else
		bl_err_set(err, _("\"%s\" is not an amount: %s"), q, why);
	return rc;
}

/* Bytes of the white-space character at p[0..n), or 0.  Besides ASCII
 * white space this is U+00A0 and U+202F, which spreadsheets export. */
static size_t ws_at(const unsigned char *p, size_t n)
{
	if (n >= 1 && (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r')))
		return 1;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
		return 3;
	return 0;
}

/* Bytes of the white-space character that ends at p[end] (exclusive),
 * not looking before p[start].  Input is valid UTF-8 by now, and 0xC2 and
 * 0xE2 are lead bytes, so a match cannot be the tail of another character. */
static size_t ws_before(const unsigned char *p, size_t start, size_t end)
{
	size_t n = end - start;
	if (n >= 1 && ws_at(p + end - 1, 1) == 1)
		return 1;
	if (n >= 2 && ws_at(p + end - 2, 2) == 2)
		return 2;
	if (n >= 3 && ws_at(p + end - 3, 3) == 3)
		return 3;
	return 0;
}

/* Bytes of a sign at p ('-', '+', U+2212), or 0; *minus says which. */
static size_t sign_at(const unsigned char *p, size_t n, bool *minus)
{
	if (n >= 1 && (p[0] == '-' || p[0] == '+')) {
		*minus = p[0] == '-';
		return 1;
	}
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
		*minus = true;
		return 3;
	}
	return 0;
}

static bool ends_with_ci(const unsigned char *p, size_t start, size_t end,
			 const char *suffix)
{
	size_t k = strlen(suffix);
	if (end - start < k)
		return false;
	for (size_t i = 0; i < k; i++) {
		unsigned c = p[end - k + i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)suffix[i])
			return false;
	}
	return true;
}

enum tok { T_DIGIT, T_DOT, T_COMMA, T_SPACE, T_SIGN, T_OTHER };

static enum tok token_at(const unsigned char *p, size_t n, size_t *len)
{
	bool minus;
	*len = 1;
	if (p[0] >= '0' && p[0] <= '9')
		return T_DIGIT;
	if (p[0] == '.')
		return T_DOT;
	if (p[0] == ',')
		return T_COMMA;
	if (p[0] == ' ')
		return T_SPACE;
	if ((*len = sign_at(p, n, &minus)) != 0)
		return T_SIGN;
	/* A no-break space between groups: U+00A0 or U+202F. */
	if ((*len = ws_at(p, n)) > 1)
		return T_SPACE;
	*len = bl_utf8_seq(p, n);
	if (*len == 0)
		*len = 1;
	return T_OTHER;
}

/* Looked up only when a message needs it: parsing is on the import path. */
static const char *dec_name(bl_lang lang)
{
	return lang == BL_LANG_EN ? _("decimal point") : _("decimal comma");
}

static const char *sep_name(enum tok t)
{
	switch (t) {
	case T_DOT:
		return _("\".\"");
	case T_COMMA:
		return _("\",\"");
	default:
		return _("a space");
	}
}

/* A currency code after the digits: three capital letters (DKK and NOK in
 * any case, as before there was a currency to compare with), at the end
 * of p[a..b) and after a digit or white space.  Its length, or 0. */
static size_t currency_at_end(const unsigned char *p, size_t a, size_t b)
{
	if (b - a < 3)
		return 0;
	if (ends_with_ci(p, a, b, "dkk") || ends_with_ci(p, a, b, "nok"))
		return 3;
	for (size_t i = b - 3; i < b; i++)
		if (p[i] < 'A' || p[i] > 'Z')
			return 0;
	if (b - a == 3)
		return 0;
	unsigned c = p[b - 4];
	bool before_ok = (c >= '0' && c <= '9') || c == ' ' || c == '\t' ||
			 c == 0xA0 || c == 0xAF;
	return before_ok ? 3 : 0;
}

static int parse(const char *s, size_t len, bl_lang lang,
		 const char *currency, bl_money *out, bl_err *err);

/* The language whose notation is the other one: English for da and nb
 * (which read each other's), Danish for English. */
static bl_lang other_lang(bl_lang lang)
{
	return lang == BL_LANG_EN ? BL_LANG_DA : BL_LANG_EN;
}

static const char *lang_title(bl_lang lang)
{
	switch (lang) {
	case BL_LANG_NB:
		return _("Norwegian");
	case BL_LANG_EN:
		return _("English");
	default:
		return _("Danish");
	}
}

/* Whether s is plainly written in the other notation: it parses there,
 * and uses that notation's decimal separator or two of its thousands
 * separators.  ("1,234" in Danish is not plain: it may as well be
 * 1,23 with a digit too many.) */
static bool other_notation(const char *s, size_t len, bl_lang lang)
{
	bl_lang o = other_lang(lang);
	char dsep = o == BL_LANG_EN ? '.' : ',', gsep = o == BL_LANG_EN ? ',' : '.';
	size_t n_dec = 0, n_grp = 0;
	for (size_t i = 0; i < len; i++) {
		n_dec += s[i] == dsep;
		n_grp += s[i] == gsep;
	}
	if (n_dec == 0 && n_grp < 2)
		return false;
	return parse(s, len, o, NULL, NULL, NULL) == 0;
}

/* 'm' if the text ends in a word for millions (mio, mill, million(er)),
 * 't' for thousands (t, tkr, t.kr., tusind, tusen), else 0; "kr." after
 * it and case are ignored. */
static int scale_word(const char *s, size_t len)
{
	char w[32];
	size_t n = 0;
	/* The letters and dots at the end, lower case, as one word. */
	size_t i = len;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '.'))
		i--;
	size_t end = i;
	while (i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
			 s[i - 1] == '.' || s[i - 1] == ' '))
		i--;
	for (size_t k = i; k < end && n + 1 < sizeof w; k++)
		if (s[k] != ' ' && s[k] != '.')
			w[n++] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
	w[n] = '\0';
	/* Nothing but a word is no amount with a unit. */
	bool digit = false;
	for (size_t k = 0; k < i; k++)
		digit = digit || (s[k] >= '0' && s[k] <= '9');
	if (!digit)
		return 0;
	if (n > 2 && strcmp(w + n - 2, "kr") == 0)
		w[n -= 2] = '\0';
	static const char *const mio[] = { "mio", "mill", "million", "millioner", "mn", "m" };
	static const char *const th[] = { "t", "tkr", "tusind", "tusen", "k" };
	for (size_t k = 0; k < sizeof mio / sizeof mio[0]; k++)
		if (strcmp(w, mio[k]) == 0)
			return 'm';
	for (size_t k = 0; k < sizeof th / sizeof th[0]; k++)
		if (strcmp(w, th[k]) == 0)
			return 't';
	return 0;
}

int bl_money_parse_n(const char *s, size_t len, bl_lang lang, bl_money *out,
		     bl_err *err)
{
	return bl_money_parse_in(s, len, lang, NULL, out, err);
}

int bl_money_parse_in(const char *s, size_t len, bl_lang lang,
		      const char *currency, bl_money *out, bl_err *err)
{
	if (!s) {
		s = "";
		len = 0;
	}
	lang = norm_lang(lang);
	bl_err mine;
	int rc = parse(s, len, lang, currency, out, err ? &mine : NULL);
	if (rc == 0)
		return 0;
	if (!err)
		return -1;
	/* "1,5 mio" and "200 t": a unit the budgets print in their headings,
	 * which an amount cannot carry. */
	int scale = scale_word(s, len);
	if (rc == -1 && scale) {
		fail(err, s, len, lang, false,
		     scale == 'm' ? _("amounts are written in kroner, not in millions: 1,5 mio. kr."
				      " is written 1.500.000")
				  : _("amounts are written in kroner, not in thousands: 200 t. kr. is"
				      " written 200.000"));
		return -1;
	}
	/* Only a syntax error can be another notation; a message about the
	 * encoding, the range or the currency says more. */
	if (rc == -1 && other_notation(s, len, lang)) {
		fail(err, s, len, lang, false,
		     _("it is written in another number format (%s, e.g. %s); "
		       "this process writes amounts in %s, e.g. %s"),
		     lang_title(other_lang(lang)), example(other_lang(lang)),
		     lang_title(lang), example(lang));
		return -1;
	}
	*err = mine;
	return -1;
}

static int parse(const char *s, size_t len, bl_lang lang,
		 const char *currency, bl_money *out, bl_err *err)
{
	const unsigned char *p = (const unsigned char *)s;
	const enum tok dec = lang == BL_LANG_EN ? T_DOT : T_COMMA;

	/* Reject what is not text before looking at what it says. */
	if (memchr(s, '\0', len))
		return fail(err, s, len, lang, true,
			    _("it contains a NUL byte"));
	for (size_t i = 0; i < len;) {
		size_t k = bl_utf8_seq(p + i, len - i);
		if (k == 0)
			return fail(err, s, len, lang, false,
				    _("it is not valid UTF-8 text (if it comes "
				      "from a file, save the file as UTF-8)"));
		i += k;
	}

	size_t a = 0, b = len, k;
	while (a < b && (k = ws_at(p + a, b - a)) > 0)
		a += k;
	while (b > a && (k = ws_before(p, a, b)) > 0)
		b -= k;
	if (a == b)
		return fail(err, s, len, lang, true,
			    _("it is empty or only white space"));

	bool unit = false;
	size_t cur = currency_at_end(p, a, b);
	if (cur && currency) {
		/* A currency code must be the process's: 1.234 NOK in a
		 * Danish process is not 1.234 kr. */
		bool same = strlen(currency) == 3;
		for (size_t i = 0; same && i < 3; i++) {
			unsigned c = p[b - 3 + i];
			if (c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			same = c == (unsigned char)currency[i];
		}
		if (!same) {
			char code[4] = {(char)p[b - 3], (char)p[b - 2],
					(char)p[b - 1], '\0'};
			return fail(err, s, len, lang, false,
				    _("it is in %s, but this process's amounts "
				      "are in %s; write it in %s or without a "
				      "currency"),
				    code, currency, currency);
		}
	} else if (cur && !ends_with_ci(p, a, b, "dkk") &&
		   !ends_with_ci(p, a, b, "nok")) {
		cur = 0; /* no currency to compare with: not a unit here */
	}
	if (cur) {
		b -= cur;
		unit = true;
	} else if (ends_with_ci(p, a, b, "kr.")) {
		b -= 3;
		unit = true;
	} else if (ends_with_ci(p, a, b, "kr")) {
		b -= 2;
		unit = true;
	}
	while (b > a && (k = ws_before(p, a, b)) > 0)
		b -= k;

	bool neg = false, have_sign = false;
	if ((k = sign_at(p + a, b - a, &neg)) > 0) {
		have_sign = true;
		a += k;
		while (a < b && (k = ws_at(p + a, b - a)) > 0)
			a += k;
	}
	if (a == b) {
		if (have_sign && neg && !unit) {
			/* A lone dash: nothing, as in a set of accounts. */
			if (out)
				*out = 0;
			return 0;
		}
		return fail(err, s, len, lang, true, _("it has no digits"));
	}

	uint64_t whole = 0;
	bool overflow = false, in_frac = false, dash_decimals = false;
	enum tok tsep = T_OTHER; /* T_OTHER: no thousands separator yet */
	size_t group = 0;        /* digits in the current integer group */
	int nfrac = 0;
	unsigned frac = 0;

	for (size_t i = a; i < b; i += k) {
		enum tok t = token_at(p + i, b - i, &k);
		if (t == T_DIGIT) {
			unsigned d = p[i] - '0';
			if (in_frac) {
				if (++nfrac > 2)
					return fail(err, s, len, lang, true,
						    _("it has more than two "
						      "decimals; amounts are "
						      "kept exact to the øre "
						      "and never rounded"));
				frac = frac * 10 + d;
			} else {
				group++;
				/* Keep scanning after an overflow, so that a
				 * syntax error further on is reported first. */
				if (__builtin_mul_overflow(whole, 10, &whole) ||
				    __builtin_add_overflow(whole, d, &whole))
					overflow = true;
			}
		} else if (t == T_SIGN) {
			if (in_frac && nfrac == 0 && p[i] == '-' &&
			    i + 1 == b && dec == T_COMMA) {
				dash_decimals = true; /* "1.234,-" */
				continue;
			}
			if (i == a)
				return fail(err, s, len, lang, true,
					    _("it has more than one sign"));
			return fail(err, s, len, lang, true,
				    _("a sign can only come first"));
		} else if (t == dec) {
			if (in_frac)
				return fail(err, s, len, lang, true,
					    _("it has more than one %s"),
					    dec_name(lang));
			if (group == 0 && i == a)
				return fail(err, s, len, lang, true,
					    _("the %s must have digits "
					      "before it (write 0%s5)"),
					    dec_name(lang),
					    lang == BL_LANG_EN ? "." : ",");
			if (group == 0)
				return fail(err, s, len, lang, true,
					    _("it has two separators in a "
					      "row"));
			if (tsep != T_OTHER && group != 3)
				return fail(err, s, len, lang, true,
					    _("digit groups after a thousands "
					      "separator must have three "
					      "digits"));
			in_frac = true;
		} else if (t == T_DOT || t == T_COMMA || t == T_SPACE) {
			if (in_frac)
				return fail(err, s, len, lang, true,
					    _("a thousands separator cannot "
					      "come after the %s"),
					    dec_name(lang));
			if (group == 0 && i == a)
				return fail(err, s, len, lang, true,
					    _("it starts with a separator"));
			if (group == 0)
				return fail(err, s, len, lang, true,
					    _("it has two separators in a "
					      "row"));
			if (tsep == T_OTHER) {
				if (group > 3)
					return fail(err, s, len, lang, true,
						    _("the digit group before "
						      "the first thousands "
						      "separator must have one "
						      "to three digits"));
				tsep = t;
			} else if (t != tsep) {
				return fail(err, s, len, lang, true,
					    _("it mixes two thousands "
					      "separators, %s and %s"),
					    sep_name(tsep), sep_name(t));
			} else if (group != 3) {
				return fail(err, s, len, lang, true,
					    _("digit groups after a thousands "
					      "separator must have three "
					      "digits"));
			}
			group = 0;
		} else {
			char c[BL_QUOTE_MAX];
			bl_text_quote((const char *)p + i, k, c);
			if (currency)
				return fail(err, s, len, lang, true,
					    _("\"%s\" is not a digit, sign, "
					      "separator or unit (kr., kr, %s)"),
					    c, currency);
			return fail(err, s, len, lang, true,
				    _("\"%s\" is not a digit, sign, separator "
				      "or unit (kr., kr, DKK, NOK)"),
				    c);
		}
	}
	if (in_frac) {
		if (nfrac == 0 && !dash_decimals)
			return fail(err, s, len, lang, true,
				    _("the %s must be followed by one or two "
				      "digits"),
				    dec_name(lang));
	} else if (group == 0) {
		return fail(err, s, len, lang, true,
			    _("it ends with a separator"));
	} else if (tsep != T_OTHER && group != 3) {
		return fail(err, s, len, lang, true,
			    _("digit groups after a thousands separator must "
			      "have three digits"));
	}

	uint64_t mag;
	if (nfrac == 1)
		frac *= 10;
	/* The range is symmetric: INT64_MIN is not an amount, so that
	 * every amount can be negated (see BL_MONEY_MIN). */
	if (overflow || __builtin_mul_overflow(whole, 100, &mag) ||
	    __builtin_add_overflow(mag, frac, &mag) ||
	    mag > (uint64_t)BL_MONEY_MAX) {
		char lo[BL_MONEY_BUFSZ], hi[BL_MONEY_BUFSZ];
		bl_money_format(BL_MONEY_MIN, lang, BL_UNIT_KR, lo, sizeof lo);
		bl_money_format(BL_MONEY_MAX, lang, BL_UNIT_KR, hi, sizeof hi);
		if (neg)
			return fail(err, s, len, lang, false,
				    _("it is too small; amounts must lie "
				      "between %s and %s kr."),
				    lo, hi);
		return fail(err, s, len, lang, false,
			    _("it is too large; amounts must lie between %s "
			      "and %s kr."),
			    lo, hi);
	}
	if (out)
		*out = neg ? -(bl_money)mag : (bl_money)mag;
	return 0;
}

int bl_money_parse_csv(const char *s, size_t len, bl_lang lang, bl_money *out,
		       bl_err *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t a = 0, b = s ? len : 0, k;
	if (!s) /* and no bytes, or len bytes of "" were read below */
		s = "", len = 0;
	while (a < b && (k = ws_at(p + a, b - a)) > 0)
		a += k;
	while (b > a && (k = ws_before(p, a, b)) > 0)
		b -= k;
	bool brackets = b - a >= 2 && p[a] == '(' && p[b - 1] == ')';
	bool trailing = !brackets && b - a >= 2 && p[b - 1] == '-' &&
			p[b - 2] >= '0' && p[b - 2] <= '9';
	if (!brackets && !trailing)
		return bl_money_parse_in(s, len, lang, NULL, out, err);
	bl_money v;
	bl_err mine;
	size_t from = a + 1, to = b - 1;
	if (trailing)
		from = a;
	/* The inside must be a plain, unsigned amount. */
	bool minus;
	if (sign_at(p + from, to - from, &minus) ||
	    bl_money_parse_in(s + from, to - from, lang, NULL, &v, &mine) != 0) {
		if (err) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(s, len, q);
			bl_err_set(err, _("\"%s\" is not an amount: %s"), q,
				   brackets ? _("inside brackets must be an amount without a sign (expected e.g. (1.234,50))")
					    : _("before a trailing minus must be an amount without a sign (expected e.g. 1.234,50-)"));
		}
		return -1;
	}
	if (out)
		*out = -v;
	return 0;
}

int bl_money_parse(const char *s, bl_lang lang, bl_money *out, bl_err *err)
{
	return bl_money_parse_in(s, s ? strlen(s) : 0, lang, NULL, out, err);
}

/* ---- exact sums ------------------------------------------------------- */

/* low is the sum modulo 2^64 (as a two's-complement int64_t) and wraps
 * counts how often it wrapped: the exact sum is low + wraps * 2^64.  A
 * wrap upwards (adding a positive amount past INT64_MAX) leaves low 2^64
 * too small, so wraps goes up; a wrap downwards, the other way. */
void bl_money_sum_add(bl_money_sum *sum, bl_money v)
{
	bl_money r;
	if (__builtin_add_overflow(sum->low, v, &r))
		sum->wraps += v > 0 ? 1 : -1;
	sum->low = r;
}

void bl_money_sum_sub(bl_money_sum *sum, bl_money v)
{
	bl_money r;
	if (__builtin_sub_overflow(sum->low, v, &r))
		sum->wraps += v < 0 ? 1 : -1;
	sum->low = r;
}

bool bl_money_sum_get(const bl_money_sum *sum, bl_money *out)
{
	/* With wraps != 0 the sum is at least 2^63 away from zero. */
	if (sum->wraps != 0)
		return false;
	if (out)
		*out = sum->low;
	return true;
}
