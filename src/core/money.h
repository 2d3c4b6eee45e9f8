/* money.h: amounts as exact integers.
 *
 * An amount is a signed 64-bit count of minor units (øre): 1 kr. = 100.
 * Nothing here uses floating point; every sum that can overflow is checked.
 * Parsing and formatting follow the process's language (da, nb, en), never
 * the machine's locale, because a da_DK locale may not exist on the laptop. */
#ifndef BL_CORE_MONEY_H
#define BL_CORE_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef int64_t bl_money;

/* The range of an amount, and of what the parser accepts.  It is
 * symmetric: INT64_MIN is not an amount, so that every amount can be
 * negated (the store's totals subtract).  bl_money_format still prints
 * INT64_MIN, which a sum can reach. */
#define BL_MONEY_MAX INT64_MAX
#define BL_MONEY_MIN (-INT64_MAX)

typedef enum bl_lang {
	BL_LANG_DA, /* 1.234.567,50   decimal comma, '.' groups */
	BL_LANG_NB, /* 1 234 567,50   decimal comma, space groups */
	BL_LANG_EN, /* 1,234,567.50   decimal point, ',' groups */
} bl_lang;

typedef enum bl_unit {
	BL_UNIT_KR,        /* whole amount, two decimals: 1.234.567,50 */
	BL_UNIT_THOUSANDS, /* rounded to 1.000 kr.:      1.235 */
	BL_UNIT_MILLIONS,  /* rounded to 0,1 mio. kr.:   1,2 */
} bl_unit;

/* "da", "nb" (also "no"), "en" -> language; -1 if unknown. */
int bl_lang_from_name(const char *name, bl_lang *out);
const char *bl_lang_name(bl_lang lang);

/* "kr", "t" / "1000" / "thousands", "mio" / "millions" -> unit. */
int bl_unit_from_name(const char *name, bl_unit *out);
/* The unit's label in the language: "kr.", "1.000 kr.", "mio. kr."
 * (nb: "kr.", "1 000 kr.", "mill. kr."; en: "kr.", "1,000 kr.", "m kr."). */
const char *bl_unit_label(bl_unit unit, bl_lang lang);

/* Parse an amount as a municipal budget writes it, in the given language:
 *   da  "1.234.567,50"  "1.234.567 kr."  "-1.234"  "1234567"
 *   nb  "1 234 567"  (space, U+00A0 or U+202F between groups)  "-1 362 250"
 *   en  "1,234,567.50"
 * Surrounding white space is ignored; a lone "-" (with any padding) is zero;
 * a leading '-' or U+2212 makes it negative; a trailing "kr.", "kr", "DKK"
 * or "NOK" is allowed.  At most two decimals.  Digit groups must be of three.
 * The value must lie in BL_MONEY_MIN..BL_MONEY_MAX ("too small", "too
 * large").  An input plainly written in the other notation ("1,234,567.50"
 * in Danish) is refused with a message that says so.  Anything malformed
 * is an error with a message that quotes the input and says what was
 * expected; *out is untouched then. */
int bl_money_parse(const char *s, bl_lang lang, bl_money *out, bl_err *err);

/* Like bl_money_parse but for the first len bytes of s (not NUL-terminated). */
int bl_money_parse_n(const char *s, size_t len, bl_lang lang, bl_money *out,
		     bl_err *err);

/* Like bl_money_parse_n, for a process whose currency is `currency` (three
 * capital letters, e.g. "DKK"): a trailing currency code (three capital
 * letters, or dkk/nok in any case) must be that one, and "1.234 NOK" in
 * a DKK process is refused, naming both.  currency NULL: as
 * bl_money_parse_n (DKK and NOK are both taken as "kr."). */
int bl_money_parse_in(const char *s, size_t len, bl_lang lang,
		      const char *currency, bl_money *out, bl_err *err);

/* An amount in a spreadsheet export, as finance systems write it: what
 * bl_money_parse_n takes in the notation of `lang` (da and nb: decimal
 * comma, groups of '.' or a space; en: decimal point, groups of ',' or a
 * space), and also
 *   "1.234,50-"   a trailing minus (SAP and other ERP exports),
 *   "(1.234,50)"  accounting brackets for a negative amount.
 * Padding, no-break spaces, a lone "-" for zero as bl_money_parse_n.  An
 * empty cell is not an amount here: the caller decides what it means. */
int bl_money_parse_csv(const char *s, size_t len, bl_lang lang, bl_money *out,
		       bl_err *err);

/* Format into buf (always NUL-terminated; returns the length written, or -1
 * if bufsize was too small).  BL_UNIT_KR prints two decimals exactly, so
 * that parse(format(x)) == x for every x.  The other units round half away
 * from zero, with exact integer arithmetic.  Groups use the language's
 * separator; nb uses a plain space.  No unit label is appended. */
int bl_money_format(bl_money v, bl_lang lang, bl_unit unit, char *buf,
		    size_t bufsize);

/* Like bl_money_format with BL_UNIT_KR, but drops ",00" when the amount is
 * whole kroner (how budgets are usually written). */
int bl_money_format_whole(bl_money v, bl_lang lang, char *buf, size_t bufsize);

/* Checked arithmetic: return false on overflow and leave *out untouched. */
bool bl_money_add(bl_money a, bl_money b, bl_money *out);
bool bl_money_sub(bl_money a, bl_money b, bl_money *out);

/* An exact sum of any number of amounts: the order of the terms does not
 * matter (MAX + 1 - 1 is MAX), and bl_money_sum_get says whether the end
 * result fits.  Start from a zeroed struct. */
typedef struct bl_money_sum {
	bl_money low;   /* the sum modulo 2^64 */
	int64_t wraps;  /* the exact sum is low + wraps * 2^64 */
} bl_money_sum;
void bl_money_sum_add(bl_money_sum *sum, bl_money v);
void bl_money_sum_sub(bl_money_sum *sum, bl_money v);
/* The sum into *out; false (and *out untouched) if it does not fit. */
bool bl_money_sum_get(const bl_money_sum *sum, bl_money *out);

/* Longest output of bl_money_format, including the NUL. */
#define BL_MONEY_BUFSZ 40

#endif
