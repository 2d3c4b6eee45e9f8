/* journal_fmt.h: journal entries in words.
 *
 * The journal keeps what a change did as two flat JSON objects, before
 * and after, written by the database's own triggers (store/schema.c):
 * keys with string, whole-number or null values, nothing nested.  This is
 * a small, strict reader of exactly that, and the one-line summaries that
 * the journal screen and `budgetlab journal` show, e.g.
 *
 *     amount 2029: 415.500.000 → 416.000.000 kr.
 *
 * with amounts in the process language and the chosen unit rather than
 * raw øre.  Anything else (a hand-edited or damaged file: cut short,
 * true/false, fractions, numbers past 64 bits, nested values, bad UTF-8)
 * is refused with where and what; the summary then says the record
 * cannot be read, or lists the fields it found, and never guesses. */
#ifndef BL_CORE_JOURNAL_FMT_H
#define BL_CORE_JOURNAL_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/money.h"

typedef enum bl_jtype { BL_JNULL, BL_JINT, BL_JSTR } bl_jtype;

typedef struct bl_jfield {
	const char *key; /* UTF-8, no NUL inside */
	bl_jtype type;
	int64_t i;       /* BL_JINT */
	const char *s;   /* BL_JSTR: UTF-8, no NUL inside (may hold controls) */
} bl_jfield;

/* More fields than the largest object the triggers write (7), with room
 * for new columns; a record with more is refused as not the journal's. */
#define BL_JSON_MAX_FIELDS 32

typedef struct bl_jobj {
	bl_jfield f[BL_JSON_MAX_FIELDS];
	size_t n;
	char *data; /* the decoded keys and strings; one allocation */
} bl_jobj;

/* Read one flat JSON object (RFC 8259 syntax, values limited as above;
 * white space around tokens allowed; a key twice is refused).  On failure
 * err says at which byte (1-based) and what was expected, and *out holds
 * nothing to free.  bl_jobj_free is safe on a zeroed or failed object. */
int bl_json_parse(const char *text, bl_jobj *out, bl_err *err);
void bl_jobj_free(bl_jobj *o);
/* The field with this key, or NULL. */
const bl_jfield *bl_jobj_get(const bl_jobj *o, const char *key);

/* What summary came out: the journal's own record, one of an unexpected
 * shape (a known kind with a field missing or of the wrong type, or an
 * unknown kind: its fields are listed as they are), or one that could
 * not be read at all (the summary says why). */
enum { BL_JSUM_OK = 0, BL_JSUM_FIELDS = 1, BL_JSUM_UNREADABLE = -1 };

/* The summary of an entry into buf (always NUL-terminated; cut with "…"
 * when it does not fit).  entity, action, key, before, after are the
 * journal row's (any may be NULL); amounts in unit and lang.  When the
 * unit would round a change away (1.000 kr. and mio. kr.), that entry's
 * amounts are shown in kr. instead.  Text from the record is shown with
 * control characters escaped, so it cannot reach the terminal as codes.
 * Returns BL_JSUM_*. */
int bl_journal_summary(const char *entity, const char *action, const char *key,
		       const char *before, const char *after, bl_lang lang,
		       bl_unit unit, char *buf, size_t bufsz);

/* What happened, in two or three words: "amount changed", "item ticked". */
void bl_journal_what(const char *entity, const char *action, char *buf,
		     size_t bufsz);

/* The journal's "YYYY-MM-DDTHH:MM:SSZ" (UTC) as local time
 * "YYYY-MM-DD HH:MM"; any other text as it is, controls escaped. */
void bl_journal_time(const char *iso, char *buf, size_t bufsz);

#endif
