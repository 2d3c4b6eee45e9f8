/* journal_fmt.c: the journal's JSON records read strictly, and said in
 * words (journal_fmt.h).
 *
 * Why a reader of our own rather than a JSON library: the records are
 * tiny, flat and written by our triggers, so the whole grammar needed is
 * strings, 64-bit integers and null; everything beyond it is a sign of a
 * damaged file and must be refused, not interpreted.  The reader works on
 * the text in one pass and never reads past its NUL; the decoded strings
 * go into one buffer as long as the text (decoding never lengthens:
 * "\u00e6" is six bytes in and two out, a surrogate pair twelve in and
 * four out). */
#include "config.h"
#include "core/journal_fmt.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/text.h"

/* ---- the reader ---- */

typedef struct jp {
	const char *start, *p;
	char *out;   /* where the next decoded string goes */
	bl_err *err;
} jp;

static int jp_fail(jp *j, const char *what)
{
	return bl_err_set(j->err, _("at byte %zu: %s"), (size_t)(j->p - j->start) + 1, what);
}

static void jp_ws(jp *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

static int hex4(const char *s, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return -1; /* also stops at the NUL: never reads past it */
		*v = *v << 4 | d;
	}
	return 0;
}

static char *put_cp(char *o, unsigned c)
{
	if (c < 0x80) {
		*o++ = (char)c;
	} else if (c < 0x800) {
		*o++ = (char)(0xC0 | (c >> 6));
		*o++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*o++ = (char)(0xE0 | (c >> 12));
		*o++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*o++ = (char)(0x80 | (c & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (c >> 18));
		*o++ = (char)(0x80 | ((c >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*o++ = (char)(0x80 | (c & 0x3F));
	}
	return o;
}

/* A string at j->p (the opening quote), decoded into j->out. */
static int jp_string(jp *j, const char **s)
{
	char *o = j->out;
	*s = o;
	j->p++;
	for (;;) {
		unsigned char c = (unsigned char)*j->p;
		if (c == '\0')
			return jp_fail(j, _("the text ends inside a string"));
		if (c == '"') {
			j->p++;
			break;
		}
		if (c < 0x20)
			return jp_fail(j, _("a control character inside a string (JSON writes it as \\u00XX)"));
		if (c == '\\') {
			char e = j->p[1];
			const char *simple = strchr("\"\\/bfnrt", e);
			if (e && simple) {
				static const char decoded[] = "\"\\/\b\f\n\r\t";
				*o++ = decoded[simple - "\"\\/bfnrt"];
				j->p += 2;
				continue;
			}
			if (e != 'u')
				return jp_fail(j, _("an unknown escape in a string (expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"));
			unsigned cp, lo;
			if (hex4(j->p + 2, &cp) != 0)
				return jp_fail(j, _("\\u must be followed by four hexadecimal digits"));
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return jp_fail(j, _("a lone low surrogate (\\uDC00-\\uDFFF) in a string"));
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (j->p[6] != '\\' || j->p[7] != 'u' || hex4(j->p + 8, &lo) != 0 ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return jp_fail(j, _("a high surrogate (\\uD800-\\uDBFF) not followed by a low one"));
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				j->p += 6;
			}
			if (cp == 0)
				return jp_fail(j, _("a NUL character (\\u0000) in a string"));
			o = put_cp(o, cp);
			j->p += 6;
			continue;
		}
		if (c < 0x80) {
			*o++ = (char)c;
			j->p++;
			continue;
		}
		/* The sequence is checked within the text (strnlen bounds it at
		 * the NUL), so a cut sequence at the end is refused, not read past. */
		size_t len = bl_utf8_seq((const unsigned char *)j->p, strnlen(j->p, 4));
		if (!len)
			return jp_fail(j, _("a string that is not valid UTF-8"));
		memcpy(o, j->p, len);
		o += len;
		j->p += len;
	}
	*o++ = '\0';
	j->out = o;
	return 0;
}

/* An integer at j->p: -?(0|[1-9][0-9]*), within int64. */
static int jp_int(jp *j, int64_t *v)
{
	bool neg = *j->p == '-';
	const char *num = j->p;
	if (neg)
		j->p++;
	if (*j->p < '0' || *j->p > '9')
		return jp_fail(j, _("expected a digit"));
	if (*j->p == '0' && j->p[1] >= '0' && j->p[1] <= '9')
		return jp_fail(j, _("a number with a leading zero"));
	uint64_t m = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	bool over = false;
	while (*j->p >= '0' && *j->p <= '9') {
		unsigned d = (unsigned)(*j->p - '0');
		if (m > (lim - d) / 10)
			over = true;
		else
			m = m * 10 + d;
		j->p++;
	}
	if (*j->p == '.' || *j->p == 'e' || *j->p == 'E')
		return jp_fail(j, _("a number that is not whole (the journal stores whole numbers only)"));
	if (over) {
		j->p = num;
		return jp_fail(j, _("a number outside the 64-bit range"));
	}
	*v = neg ? (m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m) : (int64_t)m;
	return 0;
}

static int jp_value(jp *j, bl_jfield *f)
{
	char c = *j->p;
	if (c == '"') {
		f->type = BL_JSTR;
		return jp_string(j, &f->s);
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		f->type = BL_JINT;
		return jp_int(j, &f->i);
	}
	if (strncmp(j->p, "null", 4) == 0) {
		f->type = BL_JNULL;
		j->p += 4;
		return 0;
	}
	if (strncmp(j->p, "true", 4) == 0 || strncmp(j->p, "false", 5) == 0)
		return jp_fail(j, _("true or false, which the journal does not write"));
	if (c == '{' || c == '[')
		return jp_fail(j, _("a nested object or array, which the journal does not write"));
	if (c == '\0')
		return jp_fail(j, _("the text ends where a value was expected"));
	return jp_fail(j, _("expected a value: a string, a whole number or null"));
}

int bl_json_parse(const char *text, bl_jobj *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return bl_err_set(err, _("there is no record"));
	size_t len = strlen(text);
	char *data = malloc(len + 1);
	if (!data)
		return bl_err_set(err, _("out of memory"));
	jp j = { text, text, data, err };
	size_t n = 0;
	jp_ws(&j);
	if (*j.p != '{') {
		jp_fail(&j, *j.p ? _("expected '{' (a record is a JSON object)") : _("the record is empty"));
		goto fail;
	}
	j.p++;
	jp_ws(&j);
	if (*j.p == '}') {
		j.p++;
	} else {
		for (;;) {
			jp_ws(&j);
			if (*j.p != '"') {
				jp_fail(&j, *j.p ? _("expected a key in double quotes") : _("the text ends where a key was expected"));
				goto fail;
			}
			if (n == BL_JSON_MAX_FIELDS) {
				bl_err_set(err, _("at byte %zu: more than %d fields, more than any journal record has"),
					   (size_t)(j.p - text) + 1, BL_JSON_MAX_FIELDS);
				goto fail;
			}
			bl_jfield *f = &out->f[n];
			const char *key_at = j.p;
			if (jp_string(&j, &f->key) != 0)
				goto fail;
			for (size_t k = 0; k < n; k++)
				if (strcmp(out->f[k].key, f->key) == 0) {
					j.p = key_at;
					jp_fail(&j, _("a key that was given before"));
					goto fail;
				}
			jp_ws(&j);
			if (*j.p != ':') {
				jp_fail(&j, _("expected ':' after the key"));
				goto fail;
			}
			j.p++;
			jp_ws(&j);
			if (jp_value(&j, f) != 0)
				goto fail;
			n++;
			jp_ws(&j);
			if (*j.p == ',') {
				j.p++;
				continue;
			}
			if (*j.p == '}') {
				j.p++;
				break;
			}
			jp_fail(&j, *j.p ? _("expected ',' or '}' after a value") : _("the text ends inside the record (cut short?)"));
			goto fail;
		}
	}
	jp_ws(&j);
	if (*j.p) {
		jp_fail(&j, _("more text after the record's closing '}'"));
		goto fail;
	}
	out->n = n;
	out->data = data;
	return 0;
fail:
	free(data);
	memset(out, 0, sizeof *out);
	return -1;
}

void bl_jobj_free(bl_jobj *o)
{
	if (!o)
		return;
	free(o->data);
	memset(o, 0, sizeof *o);
}

const bl_jfield *bl_jobj_get(const bl_jobj *o, const char *key)
{
	for (size_t i = 0; o && i < o->n; i++)
		if (strcmp(o->f[i].key, key) == 0)
			return &o->f[i];
	return NULL;
}

/* ---- building a line of text that is cut, not overrun ---- */

typedef struct sb {
	char *buf;
	size_t cap, len;
	bool cut;
} sb;

#define ELLIPSIS "…"

static void sb_init(sb *b, char *buf, size_t cap)
{
	b->buf = buf;
	b->cap = cap;
	b->len = 0;
	b->cut = false;
	if (cap)
		buf[0] = '\0';
}

/* Append n bytes of valid UTF-8, keeping room for the "…" and the NUL;
 * a cut falls between code points. */
static void sb_add(sb *b, const char *s, size_t n)
{
	if (b->cut || b->cap < sizeof ELLIPSIS)
		return;
	size_t room = b->cap - sizeof ELLIPSIS - b->len;
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		b->cut = true;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void sb_str(sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_printf(sb *b, const char *fmt, ...) BL_PRINTF(2, 3);
static void sb_printf(sb *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	/* Our own formats with short arguments: never near 512 bytes. */
	sb_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : strlen(tmp));
}

/* Text from a record: control characters (C0, DEL, C1) and bytes that
 * are not UTF-8 written \xNN byte by byte, as bl_text_quote writes them,
 * so that a stray escape sequence in a damaged file is shown, not obeyed;
 * newlines and tabs as spaces, so the summary stays one line. */
static void sb_text(sb *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	while (i < n && !b->cut) {
		size_t len = bl_utf8_seq(p + i, n - i);
		if (len == 1 && (p[i] == '\n' || p[i] == '\t' || p[i] == '\r')) {
			sb_str(b, " ");
		} else if (len == 0 || (len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) ||
			   (len == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0)) {
			size_t nb = len ? len : 1;
			for (size_t k = 0; k < nb; k++)
				sb_printf(b, "\\x%02x", p[i + k]);
			len = nb;
		} else {
			sb_add(b, s + i, len);
		}
		i += len;
	}
}

static void sb_quoted(sb *b, const char *s)
{
	sb_str(b, "\"");
	sb_text(b, s);
	sb_str(b, "\"");
}

static void sb_done(sb *b)
{
	if (b->cut && b->cap >= sizeof ELLIPSIS)
		memcpy(b->buf + b->len, ELLIPSIS, sizeof ELLIPSIS);
}

/* ---- the summaries ---- */

static void fmt_money(bl_money v, bl_lang lang, bl_unit unit, char *buf, size_t bufsz)
{
	if (unit == BL_UNIT_KR)
		bl_money_format_whole(v, lang, buf, bufsz);
	else
		bl_money_format(v, lang, unit, buf, bufsz);
}

static const bl_jfield *get_t(const bl_jobj *o, const char *key, bl_jtype t)
{
	const bl_jfield *f = bl_jobj_get(o, key);
	return f && f->type == t ? f : NULL;
}

static const char *get_s(const bl_jobj *o, const char *key)
{
	const bl_jfield *f = get_t(o, key, BL_JSTR);
	return f ? f->s : NULL;
}

/* A string field or null: present with one of those types. */
static bool str_or_null(const bl_jobj *o, const char *key)
{
	const bl_jfield *f = bl_jobj_get(o, key);
	return f && (f->type == BL_JSTR || f->type == BL_JNULL);
}

static bool same_value(const bl_jfield *a, const bl_jfield *b)
{
	if (!a || !b)
		return a == b;
	if (a->type != b->type)
		return false;
	if (a->type == BL_JINT)
		return a->i == b->i;
	if (a->type == BL_JSTR)
		return strcmp(a->s, b->s) == 0;
	return true;
}

typedef struct ctx {
	sb *b;
	bl_lang lang;
	bl_unit unit;
} ctx;

/* One value as the summaries show it: text quoted, amounts (a field named
 * "amount") in the unit, times in local time, null as "(none)". */
static void put_value(ctx *c, const char *key, const bl_jfield *f)
{
	if (!f || f->type == BL_JNULL) {
		sb_str(c->b, _("(none)"));
	} else if (f->type == BL_JINT) {
		if (strcmp(key, "amount") == 0) {
			char m[BL_MONEY_BUFSZ];
			fmt_money(f->i, c->lang, c->unit, m, sizeof m);
			sb_str(c->b, m);
		} else {
			sb_printf(c->b, "%lld", (long long)f->i);
		}
	} else if (strcmp(key, "done_at") == 0 || strcmp(key, "at") == 0) {
		char t[64];
		bl_journal_time(f->s, t, sizeof t);
		sb_str(c->b, t);
	} else {
		sb_quoted(c->b, f->s);
	}
}

/* Every field, "key: value, ..." (an insert or a delete of a kind this
 * build does not know, or of an unexpected shape). */
static void list_fields(ctx *c, const bl_jobj *o)
{
	for (size_t i = 0; i < o->n; i++) {
		if (i)
			sb_str(c->b, ", ");
		sb_text(c->b, o->f[i].key);
		sb_str(c->b, ": ");
		put_value(c, o->f[i].key, &o->f[i]);
	}
	if (!o->n)
		sb_str(c->b, _("(no fields)"));
}

/* What changed between two records: "key: old → new; ...", in the order
 * of the fields after, then those only before had. */
static void diff_fields(ctx *c, const bl_jobj *before, const bl_jobj *after)
{
	int shown = 0;
	for (size_t i = 0; i < after->n; i++) {
		const bl_jfield *a = &after->f[i], *bf = bl_jobj_get(before, a->key);
		if (same_value(bf, a))
			continue;
		sb_str(c->b, shown++ ? "; " : "");
		sb_text(c->b, a->key);
		sb_str(c->b, " ");
		put_value(c, a->key, bf);
		sb_str(c->b, " → ");
		put_value(c, a->key, a);
	}
	for (size_t i = 0; i < before->n; i++) {
		const bl_jfield *bf = &before->f[i];
		if (bl_jobj_get(after, bf->key))
			continue;
		sb_str(c->b, shown++ ? "; " : "");
		sb_text(c->b, bf->key);
		sb_str(c->b, " ");
		put_value(c, bf->key, bf);
		sb_str(c->b, " → ");
		sb_str(c->b, _("(none)"));
	}
	if (!shown)
		sb_str(c->b, _("no field changed"));
}

/* The fields of an unexpected record: what is there, as it is. */
static void generic(ctx *c, const bl_jobj *before, const bl_jobj *after, bool has_before,
		    bool has_after)
{
	if (has_before && has_after)
		diff_fields(c, before, after);
	else if (has_after)
		list_fields(c, after);
	else if (has_before)
		list_fields(c, before);
	else
		sb_str(c->b, _("(no record)"));
}

static bool is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

/* amount: "amount 2029: 415.500.000 → 416.000.000 kr." */
static bool sum_amount(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
		       bool has_before, bool has_after)
{
	const bl_jobj *o = has_after ? after : before;
	const bl_jfield *year = get_t(o, "year", BL_JINT);
	const char *version = get_s(o, "version");
	const bl_jfield *old = has_before ? get_t(before, "amount", BL_JINT) : NULL;
	const bl_jfield *new = has_after ? get_t(after, "amount", BL_JINT) : NULL;
	bool ok = year && version &&
		  (is(action, "insert") ? new && !has_before :
		   is(action, "update") ? new && old :
		   is(action, "delete") ? old && !has_after : false);
	if (!ok)
		return false;
	/* A change that the unit rounds away is shown to the øre. */
	bl_unit unit = c->unit;
	if (old && new && old->i != new->i && unit != BL_UNIT_KR) {
		char x[BL_MONEY_BUFSZ], y[BL_MONEY_BUFSZ];
		fmt_money(old->i, c->lang, unit, x, sizeof x);
		fmt_money(new->i, c->lang, unit, y, sizeof y);
		if (strcmp(x, y) == 0)
			unit = BL_UNIT_KR;
	}
	char x[BL_MONEY_BUFSZ] = "", y[BL_MONEY_BUFSZ] = "";
	if (old)
		fmt_money(old->i, c->lang, unit, x, sizeof x);
	if (new)
		fmt_money(new->i, c->lang, unit, y, sizeof y);
	/* "38.000 1.000 kr." would read as two numbers: that unit is put
	 * in brackets. */
	char label[32];
	snprintf(label, sizeof label, unit == BL_UNIT_THOUSANDS ? "(%s)" : "%s", bl_unit_label(unit, c->lang));
	/* The proposal is the version people mostly work in: only the
	 * others are named. */
	sb_printf(c->b, _("amount %lld"), (long long)year->i);
	if (!is(version, "proposal")) {
		sb_str(c->b, " (");
		sb_text(c->b, version);
		sb_str(c->b, ")");
	}
	sb_str(c->b, ": ");
	if (old && new)
		sb_printf(c->b, "%s → %s %s", x, y, label);
	else if (new)
		sb_printf(c->b, _("(none) → %s %s"), y, label);
	else
		sb_printf(c->b, _("%s %s → (none)"), x, label);
	return true;
}

/* line, area, goal: an insert or delete named by its title; an update
 * says what changed. */
static bool sum_thing(ctx *c, const char *entity, const char *action, const bl_jobj *before,
		      const bl_jobj *after, bool has_before, bool has_after)
{
	bool line = is(entity, "line"), area = is(entity, "area");
	const char *name_key = area ? "name" : "title";
	if (is(action, "update")) {
		if (!has_before || !has_after)
			return false;
		diff_fields(c, before, after);
		return true;
	}
	bool ins = is(action, "insert");
	if (!(ins ? has_after && !has_before : is(action, "delete") && has_before && !has_after))
		return false;
	const bl_jobj *o = ins ? after : before;
	const char *name = get_s(o, name_key);
	if (!name || !str_or_null(o, line ? "area" : area ? "parent" : "area"))
		return false;
	const char *where = get_s(o, line ? "area" : area ? "parent" : "area");
	if (line) {
		const char *kind = get_s(o, "kind"), *dir = get_s(o, "direction");
		if (!kind || !dir)
			return false;
		sb_str(c->b, ins ? _("new line ") : _("deleted line "));
		sb_quoted(c->b, name);
		sb_str(c->b, _(" in "));
		sb_text(c->b, where ? where : _("(no area)"));
		sb_str(c->b, ", ");
		sb_str(c->b, is(dir, "income") ? _("income") : is(dir, "expense") ? _("expense") : dir);
		sb_str(c->b, ", ");
		sb_str(c->b, is(kind, "operation") ? _("operation") : is(kind, "capital") ? _("capital") : kind);
	} else if (area) {
		sb_str(c->b, ins ? _("new area ") : _("deleted area "));
		sb_quoted(c->b, name);
		if (where) {
			sb_str(c->b, _(" under "));
			sb_text(c->b, where);
		} else {
			sb_str(c->b, _(" at the top"));
		}
	} else {
		sb_str(c->b, ins ? _("new goal ") : _("deleted goal "));
		sb_quoted(c->b, name);
		if (where) {
			sb_str(c->b, _(" for "));
			sb_text(c->b, where);
		} else {
			sb_str(c->b, _(" for the whole municipality"));
		}
	}
	return true;
}

static bool sum_goal_line(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
			  bool has_before, bool has_after)
{
	bool ins = is(action, "insert");
	if (!(ins ? has_after && !has_before : is(action, "delete") && has_before && !has_after))
		return false;
	const bl_jobj *o = ins ? after : before;
	const bl_jfield *goal = get_t(o, "goal", BL_JINT);
	const char *line = get_s(o, "line");
	if (!goal || !line)
		return false;
	sb_str(c->b, _("line "));
	sb_text(c->b, line);
	sb_printf(c->b, ins ? _(" now serves goal %lld") : _(" no longer serves goal %lld"),
		  (long long)goal->i);
	return true;
}

static bool sum_phase(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
		      bool has_before, bool has_after)
{
	if (!is(action, "advance") || !has_after)
		return false;
	const char *id = get_s(after, "phase"), *title = get_s(after, "title");
	if (!id || !str_or_null(after, "override_reason") || !str_or_null(after, "failed_gates"))
		return false;
	const char *from = has_before ? get_s(before, "phase") : NULL;
	if (has_before && !str_or_null(before, "phase"))
		return false;
	const char *reason = get_s(after, "override_reason"), *failed = get_s(after, "failed_gates");
	sb_str(c->b, _("entered "));
	if (title) {
		sb_quoted(c->b, title);
		sb_str(c->b, " (");
		sb_text(c->b, id);
		sb_str(c->b, ")");
	} else {
		sb_text(c->b, id);
	}
	if (from) {
		sb_str(c->b, _(" from "));
		sb_text(c->b, from);
	} else {
		sb_str(c->b, _(" from setting up"));
	}
	if (reason) {
		sb_str(c->b, _("; gates overridden: "));
		sb_quoted(c->b, reason);
		if (failed) {
			sb_str(c->b, _(" (failed: "));
			sb_text(c->b, failed);
			sb_str(c->b, ")");
		}
	}
	return true;
}

static bool sum_checklist(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
			  bool has_before, bool has_after)
{
	bool ins = is(action, "insert");
	if (!(ins ? has_after && !has_before : is(action, "delete") && has_before && !has_after))
		return false;
	const bl_jobj *o = ins ? after : before;
	const bl_jfield *item = get_t(o, "item", BL_JINT);
	const char *phase = get_s(o, "phase");
	if (!item || !phase)
		return false;
	sb_printf(c->b, ins ? _("ticked item %lld of ") : _("unticked item %lld of "), (long long)item->i);
	sb_text(c->b, phase);
	return true;
}

static bool sum_process(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
			bool has_before, bool has_after)
{
	if (is(action, "update") && has_before && has_after) {
		diff_fields(c, before, after);
		return true;
	}
	if (!is(action, "insert") || !has_after || has_before)
		return false;
	const char *mun = get_s(after, "municipality"), *title = get_s(after, "title");
	const bl_jfield *year = get_t(after, "budget_year", BL_JINT), *n = get_t(after, "n_years", BL_JINT);
	if (!mun || !title || !year || !n || n->i < 1 || n->i > 100 || year->i < 0 || year->i > 9999)
		return false;
	sb_str(c->b, _("process created: "));
	sb_text(c->b, mun);
	sb_str(c->b, ", ");
	sb_quoted(c->b, title);
	sb_printf(c->b, _(", years %lld–%lld"), (long long)year->i, (long long)(year->i + n->i - 1));
	return true;
}

/* An optional whole-number field: *f NULL when absent; false when it is
 * there with another type. */
static bool opt_int(const bl_jobj *o, const char *key, const bl_jfield **f)
{
	*f = bl_jobj_get(o, key);
	return !*f || (*f)->type == BL_JINT;
}

/* import: "loaded "demo/lines.tsv" into proposal: 336 lines, 1344 amounts,
 * 104 new areas"; a load that replaced the version says how many amounts
 * it replaced, one that reused lines how many were new and how many
 * reused, one that removed lines how many:
 * "loaded "bergen.csv" into proposal, replacing 2228 amounts: 557 lines
 * (2 new, 555 updated), 2228 amounts, 0 new areas, 3 lines removed".
 * replaced, created, updated and removed came later (older entries lack
 * them); when there they must be whole numbers.  The importer's note may
 * add members of its own: rows and rejected are shown when they are whole
 * numbers, the others (a profile, say) are left out. */
static bool sum_import(ctx *c, const char *action, const bl_jobj *before, const bl_jobj *after,
		       bool has_before, bool has_after)
{
	if (!is(action, "bulk") || !has_after || has_before)
		return false;
	const char *source = get_s(after, "source"), *version = get_s(after, "version");
	const bl_jfield *areas = get_t(after, "areas", BL_JINT), *lines = get_t(after, "lines", BL_JINT),
			*amounts = get_t(after, "amounts", BL_JINT);
	const bl_jfield *replaced, *created, *updated, *removed;
	if (!source || !version || !areas || !lines || !amounts || !opt_int(after, "replaced", &replaced) ||
	    !opt_int(after, "created", &created) || !opt_int(after, "updated", &updated) ||
	    !opt_int(after, "removed", &removed))
		return false;
	const bl_jfield *rows = get_t(after, "rows", BL_JINT), *rejected = get_t(after, "rejected", BL_JINT);
	sb_str(c->b, _("loaded "));
	sb_quoted(c->b, source);
	sb_str(c->b, _(" into "));
	sb_text(c->b, version);
	if (replaced)
		sb_printf(c->b, _(", replacing %lld amounts"), (long long)replaced->i);
	sb_printf(c->b, _(": %lld lines"), (long long)lines->i);
	/* Only a load that reused lines has two kinds to tell apart. */
	if (created && updated && updated->i != 0)
		sb_printf(c->b, _(" (%lld new, %lld updated)"), (long long)created->i,
			  (long long)updated->i);
	sb_printf(c->b, _(", %lld amounts, %lld new areas"), (long long)amounts->i, (long long)areas->i);
	if (removed && removed->i != 0)
		sb_printf(c->b, _(", %lld lines removed"), (long long)removed->i);
	if (rows && rejected)
		sb_printf(c->b, _("; %lld rows read, %lld rejected"), (long long)rows->i,
			  (long long)rejected->i);
	else if (rows)
		sb_printf(c->b, _("; %lld rows read"), (long long)rows->i);
	else if (rejected)
		sb_printf(c->b, _("; %lld rows rejected"), (long long)rejected->i);
	return true;
}

/* ---- readings (schema 4): version, amendment, amendment_change,
 * amendment_amount, response, response_line, response_area, deficit.
 * Keys "amendment:N", "response:N" or the version's key.  A response is
 * never summarized with its sender: the records do not hold one. */
/* Development pools (schema 8): the pool, its goals, its projects and
 * their amounts.  Never the applicant (the journal does not hold it). */
static bool sum_pool(ctx *c, const char *entity, const bl_jobj *before, const bl_jobj *after,
		     bool has_before, bool has_after)
{
	const bl_jobj *o = has_after ? after : before;
	if (!has_after && !has_before)
		return false;
	if (is(entity, "sdg_choice")) {
		const bl_jfield *n = get_t(o, "sdg", BL_JINT);
		if (!n)
			return false;
		sb_printf(c->b, !has_after    ? _("SDG %lld is no longer chosen")
				: has_before ? _("SDG %lld: what is said of it changed")
					     : _("SDG %lld chosen"),
			  (long long)n->i);
		const char *sig = has_after ? get_s(o, "significance") : NULL;
		if (sig) {
			sb_str(c->b, ": ");
			sb_quoted(c->b, sig);
		}
		return true;
	}
	const char *pool = get_s(o, "pool");
	if (is(entity, "pool")) {
		const char *name = get_s(o, "name"), *line = get_s(o, "line");
		if (!pool || !name || !line)
			return false;
		sb_str(c->b, has_after ? (has_before ? _("pool ") : _("new pool "))
				       : _("pool removed: "));
		sb_text(c->b, pool);
		sb_str(c->b, " ");
		sb_quoted(c->b, name);
		sb_str(c->b, _(" on line "));
		sb_text(c->b, line);
		const char *kinds = get_s(o, "kinds");
		if (kinds) {
			sb_str(c->b, _(", takes "));
			sb_text(c->b, kinds);
		}
		const bl_jfield *max = get_t(o, "max_per_project", BL_JINT);
		if (max) {
			char m[64];
			fmt_money(max->i, c->lang, BL_UNIT_KR, m, sizeof m);
			sb_printf(c->b, _(", at most %s per project"), m);
		}
		const bl_jfield *carry = get_t(o, "carry_over", BL_JINT);
		if (carry && carry->i)
			sb_str(c->b, _(", carries over"));
		return true;
	}
	if (is(entity, "pool_goal")) {
		const bl_jfield *g = get_t(o, "goal", BL_JINT);
		if (!pool || !g)
			return false;
		sb_str(c->b, _("pool "));
		sb_text(c->b, pool);
		sb_printf(c->b, has_after ? _(" serves goal %lld") : _(" no longer serves goal %lld"),
			  (long long)g->i);
		return true;
	}
	const bl_jfield *n = get_t(o, "project", BL_JINT);
	if (!n)
		return false;
	if (is(entity, "pool_project")) {
		const char *title = get_s(o, "title"), *kind = get_s(o, "kind"),
			   *status = get_s(o, "status");
		if (!pool || !title || !kind || !status)
			return false;
		sb_printf(c->b, _("project %lld of pool "), (long long)n->i);
		sb_text(c->b, pool);
		sb_str(c->b, " ");
		sb_quoted(c->b, title);
		sb_str(c->b, " (");
		sb_text(c->b, kind);
		sb_str(c->b, "): ");
		sb_text(c->b, status);
		return true;
	}
	if (is(entity, "pool_project_goal")) {
		const bl_jfield *g = get_t(o, "goal", BL_JINT);
		if (!g)
			return false;
		sb_printf(c->b, has_after ? _("project %lld serves goal %lld")
					  : _("project %lld no longer serves goal %lld"),
			  (long long)n->i, (long long)g->i);
		return true;
	}
	if (is(entity, "pool_amount")) {
		const bl_jfield *y = get_t(o, "year", BL_JINT), *a = get_t(o, "asked", BL_JINT),
				*g = get_t(o, "granted", BL_JINT);
		if (!y || !a || !g)
			return false;
		char ma[64], mg[64];
		fmt_money(a->i, c->lang, BL_UNIT_KR, ma, sizeof ma);
		fmt_money(g->i, c->lang, BL_UNIT_KR, mg, sizeof mg);
		if (!has_after) {
			sb_printf(c->b, _("project %lld, %lld: no amounts now (it had asked %s,"
					  " granted %s)"),
				  (long long)n->i, (long long)y->i, ma, mg);
			return true;
		}
		/* A change says what it was: "granted 900.000 -> 0". */
		const bl_jfield *ob = has_before && has_after ? get_t(before, "asked", BL_JINT) : NULL;
		const bl_jfield *og = has_before && has_after ? get_t(before, "granted", BL_JINT) : NULL;
		sb_printf(c->b, _("project %lld, %lld: "), (long long)n->i, (long long)y->i);
		if (ob && ob->i != a->i) {
			char was[64];
			fmt_money(ob->i, c->lang, BL_UNIT_KR, was, sizeof was);
			sb_printf(c->b, _("asked %s → %s, "), was, ma);
		} else {
			sb_printf(c->b, _("asked %s, "), ma);
		}
		if (og && og->i != g->i) {
			char was[64];
			fmt_money(og->i, c->lang, BL_UNIT_KR, was, sizeof was);
			sb_printf(c->b, _("granted %s → %s"), was, mg);
		} else {
			sb_printf(c->b, _("granted %s"), mg);
		}
		return true;
	}
	return false;
}

static bool sum_readings(ctx *c, const char *entity, const char *action, const bl_jobj *before,
			 const bl_jobj *after, bool has_before, bool has_after)
{
	const bl_jobj *o = has_after ? after : before;
	if (!has_after && !has_before)
		return false;
	if (is(entity, "version")) {
		const char *v = get_s(o, "version");
		if (!v)
			return false;
		if (is(action, "freeze")) {
			const char *ph = get_s(o, "phase");
			const bl_jfield *d = get_t(o, "derived", BL_JINT);
			sb_printf(c->b, d && d->i ? _("the %s version is derived from now on")
						  : _("the %s version frozen"), v);
			if (ph)
				sb_printf(c->b, _(" on entering %s"), ph);
			return true;
		}
		if (is(action, "derive")) {
			const char *am = get_s(o, "amendments");
			const bl_jfield *n = get_t(o, "amounts", BL_JINT);
			sb_printf(c->b, _("the %s version computed: first reading"), v);
			if (am && *am)
				sb_printf(c->b, _(" + amendments %s"), am);
			if (n)
				sb_printf(c->b, _("; %lld amounts"), (long long)n->i);
			const bl_jfield *ch = get_t(o, "changed", BL_JINT);
			if (ch)
				sb_printf(c->b, _(", %lld lines changed by this"), (long long)ch->i);
			return true;
		}
		return false;
	}
	if (is(entity, "amendment")) {
		const bl_jfield *n = get_t(o, "amendment", BL_JINT);
		if (!n)
			return false;
		if (is(action, "decide")) {
			const char *d = get_s(after, "decision"), *note = get_s(after, "note");
			if (!d)
				return false;
			sb_printf(c->b, _("amendment %lld %s"), (long long)n->i, d);
			if (note) {
				sb_str(c->b, " (");
				sb_text(c->b, note);
				sb_str(c->b, ")");
			}
			return true;
		}
		if (is(action, "update") && has_before && has_after) {
			sb_printf(c->b, _("amendment %lld: "), (long long)n->i);
			diff_fields(c, before, after);
			return true;
		}
		const char *t = get_s(o, "title"), *party = get_s(o, "party");
		if (!is(action, "insert") || !t || !party)
			return false;
		const bl_jfield *parent = get_t(o, "parent", BL_JINT), *late = get_t(o, "late", BL_JINT);
		sb_printf(c->b, _("amendment %lld tabled by "), (long long)n->i);
		sb_text(c->b, party);
		sb_str(c->b, ": ");
		sb_quoted(c->b, t);
		if (parent)
			sb_printf(c->b, _(", amends %lld"), (long long)parent->i);
		if (late && late->i)
			sb_str(c->b, _(", late"));
		return true;
	}
	if (is(entity, "amendment_change") || is(entity, "amendment_amount")) {
		const bl_jfield *n = get_t(o, "amendment", BL_JINT), *k = get_t(o, "change", BL_JINT);
		if (!n || !k)
			return false;
		sb_printf(c->b, _("amendment %lld, change %lld: "), (long long)n->i, (long long)k->i);
		if (is(entity, "amendment_amount")) {
			const bl_jfield *y = get_t(o, "year", BL_JINT), *a = get_t(o, "amount", BL_JINT);
			if (!y || !a)
				return false;
			char m[64];
			fmt_money(a->i, c->lang, BL_UNIT_KR, m, sizeof m);
			sb_printf(c->b, "%lld %s", (long long)y->i, m);
		} else {
			const char *op = get_s(o, "op"), *line = get_s(o, "line");
			if (!op || !line)
				return false;
			sb_text(c->b, op);
			sb_str(c->b, " ");
			sb_text(c->b, line);
		}
		if (!has_after)
			sb_str(c->b, _(" (replaced)"));
		return true;
	}
	if (is(entity, "response")) {
		const bl_jfield *n = get_t(o, "response", BL_JINT);
		const char *org = get_s(o, "org_type"), *pos = get_s(o, "position");
		if (!n || !org || !pos)
			return false;
		if (is(action, "update") && has_before && has_after) {
			sb_printf(c->b, _("response %lld: "), (long long)n->i);
			diff_fields(c, before, after);
			return true;
		}
		sb_printf(c->b, has_after ? _("response %lld registered: ") : _("response %lld deleted: "),
			  (long long)n->i);
		sb_text(c->b, org);
		sb_str(c->b, ", ");
		sb_text(c->b, pos);
		const bl_jfield *late = get_t(o, "late", BL_JINT), *cons = get_t(o, "consent", BL_JINT);
		if (late && late->i)
			sb_str(c->b, _(", late"));
		if (cons && !cons->i)
			sb_str(c->b, _(", not to be published"));
		return true;
	}
	if (is(entity, "response_line") || is(entity, "response_area")) {
		const bl_jfield *n = get_t(o, "response", BL_JINT);
		const char *what = get_s(o, is(entity, "response_line") ? "line" : "area");
		if (!n || !what)
			return false;
		sb_printf(c->b, has_after ? _("response %lld concerns ") : _("response %lld no longer concerns "),
			  (long long)n->i);
		sb_text(c->b, what);
		return true;
	}
	if (is(entity, "line_pillar")) {
		const char *line = get_s(o, "line");
		if (!line)
			return false;
		if (!has_after) {
			sb_str(c->b, _("assessment removed from line "));
			sb_text(c->b, line);
			return true;
		}
		sb_str(c->b, _("line "));
		sb_text(c->b, line);
		sb_str(c->b, _(" assessed:"));
		static const char *const keys[] = { "social", "economic", "environmental" };
		bool any = false;
		for (int k = 0; k < 3; k++) {
			const bl_jfield *f = get_t(o, keys[k], BL_JINT);
			if (!f)
				continue;
			sb_printf(c->b, f->i ? "%s %s %+lld" : "%s %s %lld", any ? "," : "", keys[k],
				  (long long)f->i);
			any = true;
		}
		const char *why = get_s(o, "justification");
		if (why) {
			sb_str(c->b, " ");
			sb_quoted(c->b, why);
		}
		return true;
	}
	if (is(entity, "goal_target") || is(entity, "goal_indicator") || is(entity, "goal_measure")) {
		const bl_jfield *g = get_t(o, "goal", BL_JINT);
		if (!g)
			return false;
		if (is(entity, "goal_target")) {
			const char *t = get_s(o, "target");
			if (!t)
				return false;
			sb_printf(c->b, has_after ? _("goal %lld serves SDG target ")
						  : _("goal %lld no longer serves SDG target "),
				  (long long)g->i);
			sb_text(c->b, t);
			return true;
		}
		if (is(entity, "goal_indicator")) {
			const char *ind = get_s(o, "indicator"), *base = get_s(o, "baseline");
			const bl_jfield *by = get_t(o, "baseline_year", BL_JINT);
			if (!ind || !base || !by)
				return false;
			if (!has_after) {
				sb_printf(c->b, _("goal %lld: indicator removed"), (long long)g->i);
				return true;
			}
			sb_printf(c->b, _("goal %lld: indicator "), (long long)g->i);
			sb_quoted(c->b, ind);
			sb_str(c->b, _(", baseline "));
			sb_text(c->b, base);
			sb_printf(c->b, " (%lld)", (long long)by->i);
			const char *tg = get_s(o, "target");
			const bl_jfield *ty = get_t(o, "target_year", BL_JINT);
			if (tg && ty) {
				sb_str(c->b, _(", target "));
				sb_text(c->b, tg);
				sb_printf(c->b, " (%lld)", (long long)ty->i);
			}
			return true;
		}
		const char *d = get_s(o, "measured"), *v = get_s(o, "value");
		if (!d || !v)
			return false;
		sb_printf(c->b, has_after ? _("goal %lld measured ") : _("goal %lld: measurement removed, "),
			  (long long)g->i);
		sb_text(c->b, v);
		sb_str(c->b, _(" on "));
		sb_text(c->b, d);
		return true;
	}
	if (is(entity, "deficit")) {
		const char *reason = get_s(o, "reason");
		const bl_jfield *y = get_t(o, "year", BL_JINT), *d = get_t(o, "deficit", BL_JINT);
		if (reason) {
			sb_str(c->b, _("deficit accepted: "));
			sb_quoted(c->b, reason);
			return true;
		}
		if (!y || !d)
			return false;
		char m[64];
		fmt_money(d->i, c->lang, BL_UNIT_KR, m, sizeof m);
		sb_printf(c->b, _("deficit accepted for %lld: %s"), (long long)y->i, m);
		return true;
	}
	return false;
}

/* ---- labs (schema 3): lab, session, participant, idea, idea_cost,
 * ballot.  The key is "lab:N"; the records name the lab, session,
 * participant or idea by number. */

/* "lab 1: " from the record's lab field, when there is one. */
static void lab_prefix(ctx *c, const bl_jobj *o)
{
	const bl_jfield *lab = get_t(o, "lab", BL_JINT);
	if (lab)
		sb_printf(c->b, _("lab %lld: "), (long long)lab->i);
}

static bool sum_lab(ctx *c, const char *entity, const char *action, const bl_jobj *before,
		    const bl_jobj *after, bool has_before, bool has_after)
{
	bool ins = is(action, "insert") && has_after && !has_before;
	bool del = is(action, "delete") && has_before && !has_after;
	bool upd = is(action, "update") && has_before && has_after;
	const bl_jobj *o = has_after ? after : before;
	if (is(entity, "lab")) {
		const bl_jfield *id = get_t(o, "lab", BL_JINT), *pool = get_t(o, "pool", BL_JINT);
		const char *theme = get_s(o, "theme");
		if (!id)
			return false;
		if (upd) {
			sb_printf(c->b, _("lab %lld: "), (long long)id->i);
			diff_fields(c, before, after);
			return true;
		}
		if (!ins || !theme || !pool)
			return false;
		char m[64];
		/* A pool or a cost is shown in kroner: in 1.000 kr. a small one reads 0. */
		fmt_money(pool->i, c->lang, BL_UNIT_KR, m, sizeof m);
		sb_printf(c->b, _("new lab %lld "), (long long)id->i);
		sb_quoted(c->b, theme);
		sb_str(c->b, _(", pool "));
		sb_str(c->b, m);
		const char *bt = get_s(o, "ballot_type");
		if (bt) {
			sb_str(c->b, ", ");
			sb_text(c->b, bt);
		}
		return true;
	}
	if (is(entity, "session")) {
		const bl_jfield *id = get_t(o, "session", BL_JINT);
		const char *date = get_s(o, "date"), *place = get_s(o, "place");
		if (!id || !date || !place)
			return false;
		lab_prefix(c, o);
		if (upd) {
			sb_printf(c->b, _("session %lld: "), (long long)id->i);
			diff_fields(c, before, after);
			return true;
		}
		if (!ins && !del)
			return false;
		sb_printf(c->b, ins ? _("new session %lld, ") : _("deleted session %lld, "),
			  (long long)id->i);
		sb_text(c->b, date);
		sb_str(c->b, ", ");
		sb_text(c->b, place);
		return true;
	}
	if (is(entity, "participant")) {
		const bl_jfield *p = get_t(o, "participant", BL_JINT);
		if (!p)
			return false;
		if (is(action, "update")) {
			/* A category answer: given, changed or taken back. */
			const char *cat = get_s(o, "category");
			if (!cat)
				return false;
			sb_printf(c->b, _("participant %lld: "), (long long)p->i);
			sb_text(c->b, cat);
			sb_str(c->b, " ");
			const char *v0 = has_before ? get_s(before, "value") : NULL;
			const char *v1 = has_after ? get_s(after, "value") : NULL;
			sb_text(c->b, v0 ? v0 : _("(none)"));
			sb_str(c->b, " → ");
			sb_text(c->b, v1 ? v1 : _("(none)"));
			return true;
		}
		if (!ins && !del)
			return false;
		lab_prefix(c, o);
		sb_printf(c->b, ins ? _("participant %lld signed in") : _("participant %lld removed"),
			  (long long)p->i);
		const bl_jfield *s = get_t(o, "session", BL_JINT);
		if (ins && s)
			sb_printf(c->b, _(" at session %lld"), (long long)s->i);
		return true;
	}
	if (is(entity, "idea")) {
		const bl_jfield *n = get_t(o, "idea", BL_JINT);
		const char *title = get_s(o, "title"), *status = get_s(o, "status");
		if (!n || !title)
			return false;
		lab_prefix(c, o);
		if (upd) {
			sb_printf(c->b, _("idea %lld: "), (long long)n->i);
			diff_fields(c, before, after);
			return true;
		}
		if (!ins && !del)
			return false;
		sb_printf(c->b, ins ? _("new idea %lld ") : _("deleted idea %lld "), (long long)n->i);
		sb_quoted(c->b, title);
		if (status) {
			sb_str(c->b, " (");
			sb_text(c->b, status);
			sb_str(c->b, ")");
		}
		return true;
	}
	if (is(entity, "idea_cost")) {
		const bl_jfield *n = get_t(o, "idea", BL_JINT), *y = get_t(o, "year", BL_JINT);
		if (!n || !y)
			return false;
		const bl_jfield *a0 = has_before ? get_t(before, "amount", BL_JINT) : NULL;
		const bl_jfield *a1 = has_after ? get_t(after, "amount", BL_JINT) : NULL;
		char x[64] = "", z[64] = "";
		if (a0)
			fmt_money(a0->i, c->lang, BL_UNIT_KR, x, sizeof x);
		if (a1)
			fmt_money(a1->i, c->lang, BL_UNIT_KR, z, sizeof z);
		sb_printf(c->b, _("idea %lld's cost %lld: "), (long long)n->i, (long long)y->i);
		sb_str(c->b, a0 ? x : _("(none)"));
		sb_str(c->b, " → ");
		sb_str(c->b, a1 ? z : _("(none)"));
		return true;
	}
	if (is(entity, "idea_goal")) {
		const bl_jfield *n = get_t(o, "idea", BL_JINT), *g = get_t(o, "goal", BL_JINT);
		if (!n || !g || !(ins || del))
			return false;
		sb_printf(c->b, ins ? _("idea %lld now serves goal %lld")
				    : _("idea %lld no longer serves goal %lld"),
			  (long long)n->i, (long long)g->i);
		return true;
	}
	if (is(entity, "ballot")) {
		if (is(action, "import") && has_after) {
			const char *src = get_s(after, "source");
			const bl_jfield *lab = get_t(after, "lab", BL_JINT),
					*np = get_t(after, "projects", BL_JINT),
					*nv = get_t(after, "votes", BL_JINT);
			if (!src || !lab || !np || !nv)
				return false;
			sb_str(c->b, _("imported "));
			sb_quoted(c->b, src);
			sb_printf(c->b, _(" as lab %lld: %lld projects, %lld ballots"), (long long)lab->i,
				  (long long)np->i, (long long)nv->i);
			return true;
		}
		const bl_jfield *b = get_t(o, "ballot", BL_JINT);
		if (!b)
			return false;
		if (is(action, "void") && has_after) {
			const char *reason = get_s(after, "reason");
			sb_printf(c->b, _("ballot %lld void: "), (long long)b->i);
			sb_quoted(c->b, reason ? reason : "");
			return true;
		}
		if (!ins)
			return false;
		const char *marks = get_s(after, "marks"), *cast = get_s(after, "cast");
		const bl_jfield *s = get_t(after, "session", BL_JINT), *p = get_t(after, "participant", BL_JINT),
				*r = get_t(after, "replaces", BL_JINT);
		if (!marks)
			return false;
		sb_printf(c->b, _("ballot %lld counted: "), (long long)b->i);
		sb_text(c->b, *marks ? marks : _("(empty)"));
		if (cast) {
			sb_str(c->b, " (");
			sb_text(c->b, cast);
			if (s && s->i)
				sb_printf(c->b, _(", session %lld"), (long long)s->i);
			if (p && p->i)
				sb_printf(c->b, _(", participant %lld"), (long long)p->i);
			sb_str(c->b, ")");
		}
		if (r && r->i)
			sb_printf(c->b, _(", replacing ballot %lld"), (long long)r->i);
		return true;
	}
	return false;
}

int bl_journal_summary(const char *entity, const char *action, const char *key,
		       const char *before, const char *after, bl_lang lang,
		       bl_unit unit, char *buf, size_t bufsz)
{
	sb b;
	sb_init(&b, buf, bufsz);
	ctx c = { &b, lang, unit };
	bl_jobj bo, ao;
	bl_err err = { { 0 } };
	int rc = BL_JSUM_OK;
	(void)key;
	memset(&bo, 0, sizeof bo);
	memset(&ao, 0, sizeof ao);
	if (before && bl_json_parse(before, &bo, &err) != 0) {
		sb_str(&b, _("the record cannot be read (before: "));
		sb_text(&b, err.msg);
		sb_str(&b, ")");
		rc = BL_JSUM_UNREADABLE;
		goto out;
	}
	if (after && bl_json_parse(after, &ao, &err) != 0) {
		sb_str(&b, _("the record cannot be read (after: "));
		sb_text(&b, err.msg);
		sb_str(&b, ")");
		rc = BL_JSUM_UNREADABLE;
		goto out;
	}
	bool hb = before != NULL, ha = after != NULL, done;
	if (is(entity, "amount"))
		done = sum_amount(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "line") || is(entity, "area") || is(entity, "goal"))
		done = sum_thing(&c, entity, action, &bo, &ao, hb, ha);
	else if (is(entity, "goal_line"))
		done = sum_goal_line(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "phase"))
		done = sum_phase(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "checklist"))
		done = sum_checklist(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "process"))
		done = sum_process(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "import"))
		done = sum_import(&c, action, &bo, &ao, hb, ha);
	else if (is(entity, "lab") || is(entity, "session") || is(entity, "participant") ||
		 is(entity, "idea") || is(entity, "idea_cost") || is(entity, "idea_goal") ||
		 is(entity, "ballot"))
		done = sum_lab(&c, entity, action, &bo, &ao, hb, ha);
	else if (is(entity, "version") || is(entity, "amendment") ||
		 is(entity, "amendment_change") || is(entity, "amendment_amount") ||
		 is(entity, "response") || is(entity, "response_line") ||
		 is(entity, "response_area") || is(entity, "deficit") || is(entity, "goal_target") ||
		 is(entity, "goal_indicator") || is(entity, "goal_measure") ||
		 is(entity, "line_pillar"))
		done = sum_readings(&c, entity, action, &bo, &ao, hb, ha);
	else if (is(entity, "sdg_choice") || is(entity, "pool") || is(entity, "pool_goal") ||
		 is(entity, "pool_project") ||
		 is(entity, "pool_project_goal") || is(entity, "pool_amount"))
		done = sum_pool(&c, entity, &bo, &ao, hb, ha);
	else
		done = false;
	if (!done) {
		/* Start again: a summary may have been begun before its shape
		 * turned out wrong. */
		sb_init(&b, buf, bufsz);
		sb_str(&b, _("(unexpected record) "));
		generic(&c, &bo, &ao, hb, ha);
		rc = BL_JSUM_FIELDS;
	}
out:
	sb_done(&b);
	bl_jobj_free(&bo);
	bl_jobj_free(&ao);
	return rc;
}

void bl_journal_what(const char *entity, const char *action, char *buf, size_t bufsz)
{
	static const struct {
		const char *entity, *action, *what;
	} words[] = {
		{ "process", "insert", N_("process set up") },
		{ "process", "update", N_("process changed") },
		{ "area", "insert", N_("area added") },
		{ "area", "update", N_("area changed") },
		{ "area", "delete", N_("area deleted") },
		{ "line", "insert", N_("line added") },
		{ "line", "update", N_("line changed") },
		{ "line", "delete", N_("line deleted") },
		{ "amount", "insert", N_("amount set") },
		{ "amount", "update", N_("amount changed") },
		{ "amount", "delete", N_("amount removed") },
		{ "goal", "insert", N_("goal added") },
		{ "goal", "update", N_("goal changed") },
		{ "goal", "delete", N_("goal deleted") },
		{ "goal_line", "insert", N_("line linked") },
		{ "goal_line", "delete", N_("line unlinked") },
		{ "phase", "advance", N_("phase advanced") },
		{ "checklist", "insert", N_("item ticked") },
		{ "checklist", "update", N_("item changed") },
		{ "checklist", "delete", N_("item unticked") },
		{ "import", "bulk", N_("bulk load") },
		{ "lab", "insert", N_("lab added") },
		{ "lab", "update", N_("lab changed") },
		{ "session", "insert", N_("session added") },
		{ "session", "update", N_("session changed") },
		{ "session", "delete", N_("session deleted") },
		{ "participant", "insert", N_("signed in") },
		{ "participant", "update", N_("participant changed") },
		{ "participant", "delete", N_("participant removed") },
		{ "idea", "insert", N_("idea added") },
		{ "idea", "update", N_("idea changed") },
		{ "idea", "delete", N_("idea deleted") },
		{ "idea_cost", "insert", N_("cost set") },
		{ "idea_cost", "update", N_("cost changed") },
		{ "idea_cost", "delete", N_("cost removed") },
		{ "idea_goal", "insert", N_("idea linked") },
		{ "idea_goal", "delete", N_("idea unlinked") },
		{ "ballot", "insert", N_("ballot counted") },
		{ "ballot", "void", N_("ballot void") },
		{ "ballot", "import", N_("ballots imported") },
		{ "version", "freeze", N_("version frozen") },
		{ "version", "derive", N_("version computed") },
		{ "amendment", "insert", N_("amendment tabled") },
		{ "amendment", "update", N_("amendment corrected") },
		{ "amendment", "decide", N_("amendment decided") },
		{ "amendment_change", "insert", N_("change added") },
		{ "amendment_change", "delete", N_("change replaced") },
		{ "amendment_amount", "insert", N_("change amount") },
		{ "amendment_amount", "delete", N_("change amount replaced") },
		{ "response", "insert", N_("response registered") },
		{ "response", "update", N_("response changed") },
		{ "response", "delete", N_("response deleted") },
		{ "response_line", "insert", N_("response linked") },
		{ "response_line", "delete", N_("response unlinked") },
		{ "response_area", "insert", N_("response linked") },
		{ "response_area", "delete", N_("response unlinked") },
		{ "deficit", "accept", N_("deficit accepted") },
		{ "goal_target", "insert", N_("SDG linked") },
		{ "goal_target", "delete", N_("SDG unlinked") },
		{ "goal_indicator", "insert", N_("indicator set") },
		{ "goal_indicator", "update", N_("indicator changed") },
		{ "goal_indicator", "delete", N_("indicator removed") },
		{ "goal_measure", "insert", N_("measured") },
		{ "goal_measure", "update", N_("measurement changed") },
		{ "goal_measure", "delete", N_("measurement removed") },
		{ "line_pillar", "insert", N_("line assessed") },
		{ "line_pillar", "update", N_("assessment changed") },
		{ "line_pillar", "delete", N_("assessment removed") },
		{ "sdg_choice", "insert", N_("SDG chosen") },
		{ "sdg_choice", "update", N_("SDG changed") },
		{ "sdg_choice", "delete", N_("SDG dropped") },
		{ "pool", "insert", N_("pool created") },
		{ "pool", "update", N_("pool changed") },
		{ "pool", "delete", N_("pool removed") },
		{ "pool_goal", "insert", N_("pool goal") },
		{ "pool_goal", "delete", N_("pool goal gone") },
		{ "pool_project", "insert", N_("project added") },
		{ "pool_project", "update", N_("project update") },
		{ "pool_project_goal", "insert", N_("project goal") },
		{ "pool_project_goal", "delete", N_("goal dropped") },
		{ "pool_amount", "insert", N_("asked/granted") },
		{ "pool_amount", "update", N_("grant changed") },
		{ "pool_amount", "delete", N_("grant removed") },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (is(entity, words[i].entity) && is(action, words[i].action)) {
			snprintf(buf, bufsz, "%s", _(words[i].what));
			return;
		}
	sb b;
	sb_init(&b, buf, bufsz);
	sb_text(&b, entity ? entity : "?");
	sb_str(&b, " ");
	sb_text(&b, action ? action : "?");
	sb_done(&b);
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

void bl_journal_time(const char *iso, char *buf, size_t bufsz)
{
	const char *s = iso ? iso : "";
	/* Exactly what bl_now_iso writes: "YYYY-MM-DDTHH:MM:SSZ". */
	if (strlen(s) == 20 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
	    digits(s + 8, 2) && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' &&
	    digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2) && s[19] == 'Z') {
		struct tm tm = { 0 };
		tm.tm_year = atoi(s) - 1900;
		tm.tm_mon = atoi(s + 5) - 1;
		tm.tm_mday = atoi(s + 8);
		tm.tm_hour = atoi(s + 11);
		tm.tm_min = atoi(s + 14);
		tm.tm_sec = atoi(s + 17);
		if (tm.tm_mon >= 0 && tm.tm_mon < 12 && tm.tm_mday >= 1 && tm.tm_mday <= 31 &&
		    tm.tm_hour < 24 && tm.tm_min < 60 && tm.tm_sec < 61) {
			time_t t = timegm(&tm);
			struct tm lt;
			if (t != (time_t)-1 && localtime_r(&t, &lt) &&
			    strftime(buf, bufsz, "%Y-%m-%d %H:%M", &lt) > 0)
				return;
		}
	}
	sb b;
	sb_init(&b, buf, bufsz);
	sb_text(&b, s);
	sb_done(&b);
}
