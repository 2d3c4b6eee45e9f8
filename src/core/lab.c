/* lab.c: citizen labs in the model (see lab.h): the lab definition's
 * lookups, what a facilitator types for a paper ballot and the checks a
 * ballot must pass, the representation of the participants against the
 * population targets, and target shares as text.  Exact integers only. */
#include "config.h"
#include "core/lab.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

/* ---- the definition ---- */

void bl_lab_def_clear(bl_lab_def *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_categories; i++) {
		bl_category *c = &d->categories[i];
		for (size_t j = 0; j < c->n_values; j++) {
			free(c->values[j].key);
			free(c->values[j].name);
		}
		free(c->values);
		free(c->key);
		free(c->name);
	}
	free(d->categories);
	for (size_t i = 0; i < d->n_ballot_types; i++) {
		free(d->ballot_types[i].key);
		free(d->ballot_types[i].name);
	}
	free(d->ballot_types);
	free(d->rule);
	free(d->tie_break);
	memset(d, 0, sizeof *d);
}

int bl_lab_category(const bl_lab_def *d, const char *key)
{
	for (size_t i = 0; d && key && i < d->n_categories; i++)
		if (d->categories[i].key && strcmp(d->categories[i].key, key) == 0)
			return (int)i;
	return -1;
}

int bl_lab_value(const bl_category *c, const char *key)
{
	for (size_t i = 0; c && key && i < c->n_values; i++)
		if (c->values[i].key && strcmp(c->values[i].key, key) == 0)
			return (int)i;
	return -1;
}

int bl_lab_ballot_type(const bl_lab_def *d, const char *key)
{
	for (size_t i = 0; d && key && i < d->n_ballot_types; i++)
		if (d->ballot_types[i].key && strcmp(d->ballot_types[i].key, key) == 0)
			return (int)i;
	return -1;
}

const char *bl_ballot_kind_name(bl_ballot_kind k)
{
	switch (k) {
	case BL_BALLOT_APPROVAL:
		return "approval";
	case BL_BALLOT_CUMULATIVE:
		return "cumulative";
	case BL_BALLOT_RANKING:
		return "ranking";
	}
	return NULL;
}

/* ---- parsing a ballot ---- */

static bool is_sep(char ch)
{
	return ch == ' ' || ch == ',' || ch == '\t' || ch == '\n' || ch == '\r';
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Digits at *p into *out (0..INT_MAX); advances *p past every digit.
 * 0 ok, 1 no digit, 2 too large. */
static int read_int(const char **p, int *out)
{
	const char *s = *p;
	long long v = 0;
	bool big = false;
	if (!is_digit(*s))
		return 1;
	for (; is_digit(*s); s++) {
		if (!big) {
			v = v * 10 + (*s - '0');
			if (v > INT_MAX)
				big = true;
		}
	}
	*p = s;
	if (big)
		return 2;
	*out = (int)v;
	return 0;
}

static const char *example_of(const bl_ballot_type *t)
{
	switch (t->kind) {
	case BL_BALLOT_CUMULATIVE:
		return _("expected an idea number and points, e.g. 3:2, or an idea "
			 "number alone for one point");
	case BL_BALLOT_RANKING:
		return _("expected idea numbers, best first, separated by spaces "
			 "or commas, e.g. 7 3 12");
	case BL_BALLOT_APPROVAL:
		break;
	}
	return _("expected idea numbers separated by spaces or commas, e.g. 3 7 12");
}

/* Append a mark (or, cumulative, add to the idea's mark). */
static int add_mark(const bl_ballot_type *t, bl_ballot_mark **m, size_t *n, size_t *cap,
		    int idea, int points, bl_err *err)
{
	for (size_t i = 0; i < *n; i++) {
		if ((*m)[i].idea != idea)
			continue;
		if (t->kind != BL_BALLOT_CUMULATIVE)
			return bl_err_set(err, _("idea %d is marked twice"), idea);
		if ((*m)[i].points > INT_MAX - points)
			return bl_err_set(err, _("idea %d is given more points than can be "
						 "counted"),
					  idea);
		(*m)[i].points += points;
		return 0;
	}
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		bl_ballot_mark *g = nc < SIZE_MAX / sizeof *g ? realloc(*m, nc * sizeof *g) : NULL;
		if (!g)
			return bl_err_set(err, _("out of memory"));
		*m = g;
		*cap = nc;
	}
	(*m)[*n].idea = idea;
	(*m)[*n].points = t->kind == BL_BALLOT_RANKING ? (int)*n + 1 : points;
	(*n)++;
	return 0;
}

int bl_ballot_parse(const bl_ballot_type *t, const char *text,
		    bl_ballot_mark **out, size_t *n, bl_err *err)
{
	if (!out || !n || !t)
		return bl_err_set(err, _("no place to put the ballot"));
	*out = NULL;
	*n = 0;
	if (!text)
		return 0;
	bl_ballot_mark *m = NULL;
	size_t count = 0, cap = 0;
	const char *p = text;
	char q[BL_QUOTE_MAX];
	for (;;) {
		while (is_sep(*p))
			p++;
		if (!*p)
			break;
		const char *tok = p;
		size_t toklen = 0;
		while (tok[toklen] && !is_sep(tok[toklen]))
			toklen++;
		/* A cumulative mark may be written "3 : 2": take the spaces
		 * around the colon into the token. */
		const char *s = tok;
		int idea = 0, points = 1;
		int r = read_int(&s, &idea);
		if (r == 0 && t->kind == BL_BALLOT_CUMULATIVE) {
			const char *c = s;
			while (*c == ' ' || *c == '\t')
				c++;
			if (*c == ':') {
				c++;
				while (*c == ' ' || *c == '\t')
					c++;
				const char *pstart = c;
				int rp = read_int(&c, &points);
				if (rp == 1) {
					/* The whole of what follows the colon, for the message. */
					while (*c && !is_sep(*c))
						c++;
				}
				toklen = (size_t)(c - tok);
				while (tok[toklen] && !is_sep(tok[toklen]))
					toklen++;
				bl_text_quote(tok, toklen, q);
				if (rp == 1 || (size_t)(c - tok) != toklen) {
					free(m);
					return bl_err_set(err, "%s: %s", q, example_of(t));
				}
				if (rp == 2) {
					free(m);
					return bl_err_set(err, _("%s: %.*s points is too large a "
								 "number; %s"),
							  q, (int)(c - pstart), pstart,
							  example_of(t));
				}
				if (points == 0) {
					free(m);
					return bl_err_set(err, _("%s: 0 points; expected at least "
								 "1 point on an idea that is "
								 "marked"),
							  q);
				}
				s = c;
			}
		}
		bl_text_quote(tok, toklen, q);
		if (r == 2 && ((size_t)(s - tok) == toklen || *s == ':')) {
			free(m);
			return bl_err_set(err, _("%s is too large for an idea number; %s"), q,
					  example_of(t));
		}
		if (r != 0 || (size_t)(s - tok) != toklen) {
			free(m);
			if (r == 0 && *s == ':')
				return bl_err_set(err, _("%s: points are given only on a "
							 "cumulative ballot, and this is %s "
							 "ballot; %s"),
						  q,
						  t->kind == BL_BALLOT_RANKING ?
							  _("a ranking") : _("an approval"),
						  example_of(t));
			return bl_err_set(err, "%s: %s", q, example_of(t));
		}
		if (add_mark(t, &m, &count, &cap, idea, points, err) != 0) {
			free(m);
			return -1;
		}
		p = tok + toklen;
	}
	*out = m;
	*n = count;
	return 0;
}

/* ---- checking a ballot ---- */

static const bl_ballot_idea *find_idea(const bl_ballot_idea *ideas, size_t n, int number)
{
	for (size_t i = 0; ideas && i < n; i++)
		if (ideas[i].number == number)
			return &ideas[i];
	return NULL;
}

static int no_such_idea(int number, const bl_ballot_idea *ideas, size_t n, bl_err *err)
{
	if (n == 0)
		return bl_err_set(err, _("idea %d does not exist (the lab has no ideas yet)"),
				  number);
	int lo = ideas[0].number, hi = ideas[0].number;
	for (size_t i = 1; i < n; i++) {
		if (ideas[i].number < lo)
			lo = ideas[i].number;
		if (ideas[i].number > hi)
			hi = ideas[i].number;
	}
	if (lo == hi)
		return bl_err_set(err, _("idea %d does not exist (the only idea is number %d)"),
				  number, lo);
	return bl_err_set(err, _("idea %d does not exist (the ideas are numbered %d–%d)"),
			  number, lo, hi);
}

static int check_count(const bl_ballot_type *t, size_t n, bl_err *err)
{
	bool rank = t->kind == BL_BALLOT_RANKING;
	if (t->min > 0 && n < (size_t)t->min) {
		if (n == 0)
			return bl_err_set(err, rank ? _("no idea ranked; at least %d must be")
						    : _("no idea marked; at least %d must be"),
					  t->min);
		if (rank)
			return bl_err_set(err, ngettext("%zu idea ranked; at least %d must be",
							"%zu ideas ranked; at least %d must be",
							(unsigned long)n),
					  n, t->min);
		return bl_err_set(err, ngettext("%zu idea marked; at least %d must be",
						"%zu ideas marked; at least %d must be",
						(unsigned long)n),
				  n, t->min);
	}
	if (t->max > 0 && n > (size_t)t->max) {
		if (rank)
			return bl_err_set(err, ngettext("%zu idea ranked; at most %d may be",
							"%zu ideas ranked; at most %d may be",
							(unsigned long)n),
					  n, t->max);
		return bl_err_set(err, ngettext("%zu idea marked; at most %d may be",
						"%zu ideas marked; at most %d may be",
						(unsigned long)n),
				  n, t->max);
	}
	return 0;
}

static int check_points(const bl_ballot_type *t, const bl_ballot_mark *m, size_t n,
			bl_err *err)
{
	if (t->points <= 0)
		return bl_err_set(err, _("the ballot type '%s' has no points to give; "
					 "expected points: a number above 0 in the phase file"),
				  t->key ? t->key : "?");
	if (n == 0)
		return bl_err_set(err, _("no points given; each participant has %d"),
				  t->points);
	long long total = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].points <= 0)
			return bl_err_set(err, _("idea %d has %d points; expected at least 1 "
						 "on an idea that is marked"),
					  m[i].idea, m[i].points);
		if (t->max_per_idea > 0 && m[i].points > t->max_per_idea)
			return bl_err_set(err, ngettext("idea %d has %d points; at most %d on "
							"one idea",
							"idea %d has %d points; at most %d on "
							"one idea",
							(unsigned long)t->max_per_idea),
					  m[i].idea, m[i].points, t->max_per_idea);
		if (total <= (long long)INT_MAX * INT_MAX)
			total += m[i].points; /* past that it is far too many anyway */
	}
	if (total > t->points)
		return bl_err_set(err, ngettext("%lld point given; each participant has %d",
						"%lld points given; each participant has %d",
						(unsigned long)total),
				  total, t->points);
	if (t->all_points && total < t->points)
		return bl_err_set(err, ngettext("%lld point given; all %d must be used",
						"%lld points given; all %d must be used",
						(unsigned long)total),
				  total, t->points);
	return 0;
}

static int check_budget(const bl_ballot_type *t, const bl_ballot_mark *m, size_t n,
			const bl_ballot_idea *ideas, size_t n_ideas, bl_money pool,
			bl_err *err)
{
	bl_money_sum sum = { 0, 0 };
	for (size_t i = 0; i < n; i++)
		bl_money_sum_add(&sum, find_idea(ideas, n_ideas, m[i].idea)->cost);
	bl_money cost;
	if (!bl_money_sum_get(&sum, &cost))
		return bl_err_set(err, _("the marked ideas cost more together than can be "
					 "counted; the pool is smaller"));
	if (cost <= pool)
		return 0;
	char a[BL_MONEY_BUFSZ], b[BL_MONEY_BUFSZ];
	bl_money_format_whole(cost, t->lang, a, sizeof a);
	bl_money_format_whole(pool, t->lang, b, sizeof b);
	return bl_err_set(err, _("the marked ideas cost %s kr. together; the pool is %s kr."),
			  a, b);
}

int bl_ballot_check(const bl_ballot_type *t, const bl_ballot_mark *m, size_t n,
		    const bl_ballot_idea *ideas, size_t n_ideas, bl_money pool,
		    bl_err *err)
{
	if (!t || (n && !m))
		return bl_err_set(err, _("no ballot to check"));
	for (size_t i = 0; i < n; i++) {
		const bl_ballot_idea *idea = find_idea(ideas, n_ideas, m[i].idea);
		if (!idea)
			return no_such_idea(m[i].idea, ideas, n_ideas, err);
		if (!idea->on_ballot)
			return bl_err_set(err, _("idea %d is not on the ballot"), m[i].idea);
		for (size_t j = 0; j < i; j++)
			if (m[j].idea == m[i].idea)
				return bl_err_set(err, _("idea %d is marked twice"), m[i].idea);
	}
	switch (t->kind) {
	case BL_BALLOT_APPROVAL:
		if (check_count(t, n, err) != 0)
			return -1;
		if (t->budget_limit)
			return check_budget(t, m, n, ideas, n_ideas, pool, err);
		return 0;
	case BL_BALLOT_RANKING:
		return check_count(t, n, err);
	case BL_BALLOT_CUMULATIVE:
		return check_points(t, m, n, err);
	}
	return bl_err_set(err, _("unknown ballot type"));
}

/* ---- representation ---- */

/* a * b as a 128-bit number hi:lo, exactly, without __int128. */
static void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
	*lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
	*hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

void bl_repr_compute(const bl_category *c, const size_t *counts, size_t total,
		     uint32_t under, bl_repr_row *rows)
{
	/* The shares are of those who answered: a participant who left the
	 * category blank is in no group, so silence does not make every
	 * group look under-represented. */
	size_t stated = 0;
	for (size_t i = 0; c && counts && i < c->n_values; i++)
		stated += counts[i];
	if (stated < total)
		total = stated;
	for (size_t i = 0; c && rows && i < c->n_values; i++) {
		bl_repr_row *r = &rows[i];
		size_t count = counts ? counts[i] : 0;
		r->count = count;
		r->target = c->values[i].target;
		r->share = 0;
		r->under = false;
		if (total == 0)
			continue;
		uint64_t n = count, t = total;
		/* round(n * 10000 / t), half up: floor(n * 20000 / t) halved
		 * rounding up, in parts so that nothing overflows. */
		uint64_t whole = n / t, rest = n % t;
		uint64_t sh;
		if (whole >= UINT32_MAX / 10000u)
			sh = UINT32_MAX;
		else {
			uint64_t hi, lo;
			mul64(rest, 20000u, &hi, &lo);
			/* rest < t, so rest * 20000 / t < 20000; hi is 0 unless
			 * t is beyond 2^50, when the quotient is found bit by bit. */
			uint64_t frac;
			if (hi == 0)
				frac = lo / t;
			else {
				frac = 0;
				uint64_t rh = 0, rl = 0;
				for (int b = 127; b >= 0; b--) {
					rh = (rh << 1) | (rl >> 63);
					rl = (rl << 1) |
					     ((b >= 64 ? hi >> (b - 64) : lo >> b) & 1u);
					frac <<= 1;
					if (rh || rl >= t) {
						/* rh:rl < 2t, so the difference fits */
						rl -= t;
						rh = 0;
						frac |= 1;
					}
				}
			}
			sh = whole * 10000u + (frac + 1) / 2;
			if (sh > UINT32_MAX)
				sh = UINT32_MAX;
		}
		r->share = (uint32_t)sh;
		if (r->target == BL_NO_TARGET)
			continue;
		/* count * 10^8 < target * under * total, exactly. */
		uint64_t lh, ll, rh, rl;
		mul64(n, 100000000u, &lh, &ll);
		mul64((uint64_t)r->target * under, t, &rh, &rl);
		r->under = lh < rh || (lh == rh && ll < rl);
	}
}

/* ---- shares as text ---- */

int bl_share_parse(const char *s, uint32_t *out)
{
	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!is_digit(*s))
		return -1;
	uint32_t whole = 0;
	for (; is_digit(*s); s++) {
		whole = whole * 10 + (uint32_t)(*s - '0');
		if (whole > 100)
			return -1;
	}
	uint32_t frac = 0;
	if (*s == '.' || *s == ',') {
		s++;
		int k = 0;
		if (!is_digit(*s))
			return -1;
		for (; is_digit(*s); s++, k++) {
			if (k == 2)
				return -1;
			frac = frac * 10 + (uint32_t)(*s - '0');
		}
		if (k == 1)
			frac *= 10;
	}
	while (*s == ' ')
		s++;
	if (*s != '%')
		return -1;
	s++;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s)
		return -1;
	uint32_t bp = whole * 100 + frac;
	if (bp > 10000)
		return -1;
	if (out)
		*out = bp;
	return 0;
}

void bl_share_format(uint32_t bp, bl_lang lang, char *buf, size_t bufsz)
{
	if (!buf || bufsz == 0)
		return;
	if (bp == BL_NO_TARGET) {
		snprintf(buf, bufsz, "–");
		return;
	}
	char sep = lang == BL_LANG_EN ? '.' : ',';
	unsigned whole = bp / 100, frac = bp % 100;
	if (frac == 0)
		snprintf(buf, bufsz, "%u %%", whole);
	else if (frac % 10 == 0)
		snprintf(buf, bufsz, "%u%c%u %%", whole, sep, frac / 10);
	else
		snprintf(buf, bufsz, "%u%c%02u %%", whole, sep, frac);
}
