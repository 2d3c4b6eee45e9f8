/* readings_common.c: what the readings' screens share (readings_screen.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/readings_screen.h"

const char *tui_change_syntax(void)
{
	return _("One change a row: CODE YEAR AMOUNT (set it; =-500 for a negative amount) · "
		 "CODE YEAR +DELTA or -DELTA · remove CODE · "
		 "new CODE AREA expense|income [capital] YEAR=AMOUNT... TITLE");
}

void tui_change_free(bl_amend_change *c)
{
	if (!c)
		return;
	free(c->code);
	free(c->title);
	free(c->area);
	memset(c, 0, sizeof *c);
}

/* The next blank-separated word of *p: its start and length; *p after it. */
static size_t next_word(const char **p, const char **start)
{
	const char *s = *p;
	while (*s == ' ')
		s++;
	*start = s;
	size_t n = strcspn(s, " ");
	*p = s + n;
	return n;
}

static int parse_year(const tui *t, const char *w, size_t n, int *year, char *msg, size_t msgsz)
{
	int y = 0;
	bool ok = n == 4;
	for (size_t i = 0; ok && i < n; i++) {
		ok = w[i] >= '0' && w[i] <= '9';
		y = y * 10 + (w[i] - '0');
	}
	int first = t->info.budget_year, last = first + t->info.n_years - 1;
	if (!ok) {
		snprintf(msg, msgsz, _("'%.*s' is not a year: expected one of %d–%d."), (int)(n > 20 ? 20 : n), w,
			 first, last);
		return -1;
	}
	if (y < first || y > last) {
		snprintf(msg, msgsz, _("%d is outside the budget: the years are %d–%d."), y, first, last);
		return -1;
	}
	*year = y;
	return 0;
}

static int parse_amount(const tui *t, const char *s, size_t n, bl_money *v, char *msg, size_t msgsz)
{
	bl_err err = { { 0 } };
	if (n == 0) {
		snprintf(msg, msgsz, "%s", _("An amount is missing."));
		return -1;
	}
	if (bl_money_parse_in(s, n, t->info.lang, t->info.currency, v, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return -1;
	}
	return 0;
}

static bool word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && strncmp(w, s, n) == 0;
}

int tui_change_parse(const tui *t, const char *text, bl_amend_change *out, char *msg,
		     size_t msgsz)
{
	memset(out, 0, sizeof *out);
	const char *p = text, *w;
	size_t n = next_word(&p, &w);
	if (n == 0)
		return 1;
	if (word_is(w, n, "remove")) {
		const char *c;
		size_t cn = next_word(&p, &c);
		const char *rest;
		if (cn == 0 || next_word(&p, &rest) != 0) {
			snprintf(msg, msgsz, "%s", _("Write: remove CODE (one line's code)."));
			return -1;
		}
		out->code = strndup(c, cn);
		out->ch.kind = BL_CHANGE_REMOVE_LINE;
		out->ch.code = out->code;
		return out->code ? 0 : (snprintf(msg, msgsz, "%s", _("out of memory")), -1);
	}
	if (word_is(w, n, "new")) {
		const char *c, *a, *d;
		size_t cn = next_word(&p, &c), an = next_word(&p, &a), dn = next_word(&p, &d);
		if (!cn || !an || !dn) {
			snprintf(msg, msgsz, "%s", _("Write: new CODE AREA expense|income [capital] YEAR=AMOUNT... TITLE."));
			return -1;
		}
		bl_direction dir;
		if (word_is(d, dn, "expense"))
			dir = BL_DIR_EXPENSE;
		else if (word_is(d, dn, "income"))
			dir = BL_DIR_INCOME;
		else {
			snprintf(msg, msgsz, _("'%.*s' is not a direction: write expense or income after the area."),
				 (int)(dn > 30 ? 30 : dn), d);
			return -1;
		}
		bl_kind kind = BL_KIND_OPERATION;
		const char *save = p;
		size_t kn = next_word(&p, &w);
		if (word_is(w, kn, "capital"))
			kind = BL_KIND_CAPITAL;
		else if (word_is(w, kn, "operation"))
			kind = BL_KIND_OPERATION;
		else
			p = save;
		bl_change ch = { .kind = BL_CHANGE_NEW_LINE, .dir = dir };
		int years = 0;
		for (;;) {
			save = p;
			size_t yn = next_word(&p, &w);
			const char *eq = yn ? memchr(w, '=', yn) : NULL;
			if (!eq) {
				p = save;
				break;
			}
			int year;
			if (parse_year(t, w, (size_t)(eq - w), &year, msg, msgsz) != 0)
				return -1;
			bl_money v;
			if (parse_amount(t, eq + 1, yn - (size_t)(eq + 1 - w), &v, msg, msgsz) != 0)
				return -1;
			int i = year - t->info.budget_year;
			if (ch.has[i]) {
				snprintf(msg, msgsz, _("%d is given twice."), year);
				return -1;
			}
			ch.amounts[i] = v;
			ch.has[i] = true;
			years++;
		}
		while (*p == ' ')
			p++;
		size_t tn = strlen(p);
		while (tn && p[tn - 1] == ' ')
			tn--;
		if (!years) {
			snprintf(msg, msgsz, "%s", _("A new line needs an amount in at least one year: YEAR=AMOUNT after the direction."));
			return -1;
		}
		if (!tn) {
			snprintf(msg, msgsz, "%s", _("A new line needs a title, after its amounts."));
			return -1;
		}
		out->ch = ch;
		out->code = strndup(c, cn);
		out->area = strndup(a, an);
		out->title = strndup(p, tn);
		out->line_kind = kind;
		out->ch.code = out->code;
		if (!out->code || !out->area || !out->title) {
			tui_change_free(out);
			snprintf(msg, msgsz, "%s", _("out of memory"));
			return -1;
		}
		return 0;
	}
	/* CODE YEAR AMOUNT | =AMOUNT | +DELTA | -DELTA */
	const char *code = w;
	size_t code_n = n;
	size_t yn = next_word(&p, &w);
	if (!yn) {
		snprintf(msg, msgsz, _("After the code, the year and the amount: %.*s %d 1.500.000 (or +DELTA, -DELTA)."),
			 (int)(code_n > 30 ? 30 : code_n), code, t->info.budget_year);
		return -1;
	}
	int year;
	if (parse_year(t, w, yn, &year, msg, msgsz) != 0)
		return -1;
	while (*p == ' ')
		p++;
	size_t an = strlen(p);
	while (an && p[an - 1] == ' ')
		an--;
	if (!an) {
		snprintf(msg, msgsz, _("The amount for %d is missing: an amount (set), +DELTA or -DELTA."), year);
		return -1;
	}
	bl_change_kind kind = BL_CHANGE_SET;
	const char *a = p;
	if (*a == '+') {
		kind = BL_CHANGE_ADD_DELTA;
		a++;
		an--;
	} else if (*a == '-' || strncmp(a, "\xe2\x88\x92", 3) == 0) {
		kind = BL_CHANGE_ADD_DELTA; /* the parser takes the sign */
	} else if (*a == '=') {
		a++;
		an--;
	}
	bl_money v;
	if (parse_amount(t, a, an, &v, msg, msgsz) != 0)
		return -1;
	out->code = strndup(code, code_n);
	if (!out->code) {
		snprintf(msg, msgsz, "%s", _("out of memory"));
		return -1;
	}
	out->ch.kind = kind;
	out->ch.code = out->code;
	out->ch.year = year;
	out->ch.amount = v;
	return 0;
}

void tui_change_text(const tui *t, const bl_amend_change *c, char *buf, size_t bufsz)
{
	char a[64];
	switch (c->ch.kind) {
	case BL_CHANGE_SET:
		bl_money_format_whole(c->ch.amount, t->info.lang, a, sizeof a);
		snprintf(buf, bufsz, "%s %d %s%s", c->code, c->ch.year, c->ch.amount < 0 ? "=" : "", a);
		return;
	case BL_CHANGE_ADD_DELTA:
		bl_money_format_whole(c->ch.amount, t->info.lang, a, sizeof a);
		snprintf(buf, bufsz, "%s %d %s%s", c->code, c->ch.year, c->ch.amount < 0 ? "" : "+", a);
		return;
	case BL_CHANGE_REMOVE_LINE:
		snprintf(buf, bufsz, "remove %s", c->code);
		return;
	case BL_CHANGE_NEW_LINE: {
		size_t used = (size_t)snprintf(buf, bufsz, "new %s %s %s%s", c->code, c->area ? c->area : "",
					       c->ch.dir == BL_DIR_INCOME ? "income" : "expense",
					       c->line_kind == BL_KIND_CAPITAL ? " capital" : "");
		for (int i = 0; i < t->info.n_years && i < BL_MAX_YEARS && used < bufsz; i++) {
			if (!c->ch.has[i])
				continue;
			bl_money_format_whole(c->ch.amounts[i], t->info.lang, a, sizeof a);
			used += (size_t)snprintf(buf + used, bufsz - used, " %d=%s", tui_year(t, i), a);
		}
		if (used < bufsz)
			snprintf(buf + used, bufsz - used, " %s", c->title ? c->title : "");
		return;
	}
	}
	snprintf(buf, bufsz, "?");
}

void tui_fmt_signed(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	char a[64];
	tui_fmt_amount(t, v, a, sizeof a);
	/* Rounded to the unit, a small change may show as 0: no sign then. */
	bool zero = strspn(a, "0,. ") == strlen(a);
	snprintf(buf, bufsz, "%s%s", v > 0 && !zero ? "+" : "", a);
}

int tui_complete_word(char *value, size_t size, const char *const *words, size_t n,
		      const char *what, char *msg, size_t msgsz)
{
	size_t len = strlen(value);
	size_t start = len;
	while (start > 0 && value[start - 1] != ' ')
		start--;
	const char *pre = value + start;
	size_t pn = len - start;
	if (pn == 0)
		return 0;
	size_t hits = 0, first = 0, common = 0;
	for (size_t i = 0; i < n; i++) {
		if (strncmp(words[i], pre, pn) != 0)
			continue;
		if (!hits++) {
			first = i;
			common = strlen(words[i]);
		} else {
			size_t k = 0;
			while (k < common && words[i][k] == words[first][k])
				k++;
			common = k;
		}
	}
	if (!hits) {
		/* Nothing to complete: Tab moves on, and the field's own
		 * check says what is wrong with the word. */
		(void)what;
		return 0;
	}
	if (hits == 1) {
		if (strcmp(words[first], pre) == 0 && start + pn + 1 < size) {
			/* Already whole: a blank, ready for the next. */
			value[len] = ' ';
			value[len + 1] = '\0';
			return 1;
		}
		if (start + strlen(words[first]) + 1 >= size)
			return 0;
		snprintf(value + start, size - start, "%s ", words[first]);
		return 1;
	}
	if (common > pn && start + common < size) {
		memcpy(value + start, words[first], common);
		value[start + common] = '\0';
		return 1;
	}
	/* Several, and nothing more in common: say which. */
	size_t used = (size_t)snprintf(msg, msgsz, _("%zu start with '%s':"), hits, pre);
	for (size_t i = 0; i < n && used < msgsz; i++)
		if (strncmp(words[i], pre, pn) == 0)
			used += (size_t)snprintf(msg + used, msgsz - used, " %s", words[i]);
	return 2;
}

typedef struct codes_ctx {
	char **v;
	size_t n, cap;
	bool oom;
} codes_ctx;

static int take_code(void *ctx, const bl_line *l, const bl_money *amounts, const bool *has, int n_years)
{
	codes_ctx *c = ctx;
	(void)amounts;
	(void)has;
	(void)n_years;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		char **v = realloc(c->v, cap * sizeof *v);
		if (!v) {
			c->oom = true;
			return 1;
		}
		c->v = v;
		c->cap = cap;
	}
	if (!(c->v[c->n] = strdup(l->code))) {
		c->oom = true;
		return 1;
	}
	c->n++;
	return 0;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int tui_line_codes(tui *t, char ***out, size_t *n, bl_err *err)
{
	codes_ctx c = { 0 };
	*out = NULL;
	*n = 0;
	if (bl_store_lines_each(t->store, "proposal", 0, take_code, &c, err) != 0 || c.oom) {
		if (c.oom)
			bl_err_set(err, _("out of memory"));
		tui_strings_free(c.v, c.n);
		return -1;
	}
	if (c.n)
		qsort(c.v, c.n, sizeof *c.v, by_str);
	*out = c.v;
	*n = c.n;
	return 0;
}

void tui_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
