/* import_edit.c: the mapping editor's changes to one role (import_map.c
 * lists the roles and dispatches the keys): a column from the header's
 * list or a text with columns in braces, checked as it is typed; the
 * direction's column and words; the amount columns and their years; the
 * area levels.  Each returns true if the profile changed, and leaves it
 * as it was when cancelled. */
#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"

/* tm := src; false with a message if src is not a template. */
bool imp_set_tmpl(tui *t, bl_tmpl *tm, const char *src)
{
	bl_tmpl nt;
	bl_err err = { { 0 } };
	if (bl_tmpl_parse(src, &nt, &err) != 0) {
		tui_msg_err(t, &err);
		return false;
	}
	bl_tmpl_free(tm);
	*tm = nt;
	return true;
}

typedef struct tmpl_ctx {
	imp_state *s;
	bool optional;
} tmpl_ctx;

static const char *valid_tmpl(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	tmpl_ctx *c = vctx;
	if (!*text && c->optional)
		return NULL;
	if (tui_check_text(_("The text"), text, true, 400, msg, msgsz))
		return msg;
	bl_tmpl tm;
	bl_err err = { { 0 } };
	if (bl_tmpl_parse(text, &tm, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	for (size_t i = 0; i < tm.n; i++)
		if (tm.part[i].column && imp_col(c->s, tm.part[i].text) < 0) {
			char list[600] = "";
			size_t o = 0;
			for (size_t k = 0; k < c->s->n_header && o + 4 < sizeof list; k++) {
				int w = snprintf(list + o, sizeof list - o, "%s%s", k ? ", " : "", c->s->header[k]);
				if (w < 0)
					break;
				o = o + (size_t)w < sizeof list ? o + (size_t)w : sizeof list - 1;
			}
			snprintf(msg, msgsz, _("The file has no column '%s'; expected one of: %s"), tm.part[i].text, list);
			bl_tmpl_free(&tm);
			return msg;
		}
	bl_tmpl_free(&tm);
	return NULL;
}

/* What the text gives on the first row, as the field's note. */
static const char *warn_tmpl(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	tmpl_ctx *c = vctx;
	bl_tmpl tm;
	bl_err err = { { 0 } };
	if (!*text || bl_tmpl_parse(text, &tm, &err) != 0)
		return NULL;
	char v[512];
	imp_render(c->s, &tm, imp_sample_row(c->s), v, sizeof v);
	bl_tmpl_free(&tm);
	snprintf(msg, msgsz, _("On the first row: %s"), v);
	return msg;
}

int imp_form_nothing(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	(void)t;
	(void)f;
	(void)err;
	*field_out = -1;
	return 0;
}

/* A role mapped to a column or a text: chosen from the columns, or
 * typed.  true if it changed. */
bool imp_edit_tmpl(tui *t, imp_state *s, bl_tmpl *tm, const char *what, bool optional)
{
	int n = (int)s->n_header + 1 + (optional ? 1 : 0);
	char **labels = calloc((size_t)n, sizeof *labels), **notes = calloc((size_t)n, sizeof *notes);
	if (!labels || !notes) {
		free(labels);
		free(notes);
		return false;
	}
	int k = 0, initial = 0;
	size_t r = imp_sample_row(s);
	if (optional)
		labels[k++] = (char *)_("(none)");
	int first_col = k;
	for (size_t c = 0; c < s->n_header; c++) {
		if (tm->n == 1 && tm->part[0].column && imp_col(s, tm->part[0].text) == (int)c)
			initial = k;
		labels[k] = s->header[c];
		notes[k++] = (char *)imp_field(s, r, (int)c);
	}
	int text_i = k;
	labels[k++] = (char *)_("A text with columns in braces, e.g. {avdeling}.{tjomr} …");
	if (tm->n > 1 || (tm->n == 1 && !tm->part[0].column))
		initial = text_i;
	char title[256];
	snprintf(title, sizeof title, _("%s: which column?"), what);
	int got = imp_pick(t, title, labels, notes, n, initial);
	free(labels);
	free(notes);
	if (got < 0)
		return false;
	if (optional && got == 0) {
		bl_tmpl_free(tm);
		return true;
	}
	if (got < text_i) {
		const char *col = s->header[got - first_col];
		if (strpbrk(col, "{}")) {
			tui_msg(t, R_ERROR, _("The column '%s' has a brace in its name, which a profile cannot name."), col);
			return false;
		}
		return imp_set_tmpl(t, tm, col);
	}
	tui_field f[1];
	memset(f, 0, sizeof f);
	f[0].label = _("Text");
	snprintf(f[0].value, sizeof f[0].value, "%s", tm->source ? tm->source : "");
	tmpl_ctx c = { s, optional };
	f[0].validate = valid_tmpl;
	f[0].warn = warn_tmpl;
	snprintf(title, sizeof title, _("%s: columns in braces, text as it is"), what);
	tui_form fm = { .title = title, .fields = f, .n_fields = 1, .ctx = &c, .save = imp_form_nothing };
	if (tui_form_run(t, &fm) != 1)
		return false;
	if (!f[0].value[0]) {
		bl_tmpl_free(tm);
		return true;
	}
	return imp_set_tmpl(t, tm, f[0].value);
}

/* ---- words ---- */

typedef struct words_ctx {
	char *const *other;
	size_t n_other;
} words_ctx;

static size_t split_words(const char *text, char words[BL_IMPORT_MAX_WORDS + 1][128])
{
	size_t n = 0;
	const char *p = text;
	while (*p && n <= BL_IMPORT_MAX_WORDS) {
		size_t len = strcspn(p, ",");
		const char *a = p, *b = p + len;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a) {
			size_t k = (size_t)(b - a) < 127 ? (size_t)(b - a) : 127;
			memcpy(words[n], a, k);
			words[n++][k] = '\0';
		}
		p += len + (p[len] == ',');
	}
	return n;
}

static const char *valid_words(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	words_ctx *c = vctx;
	char w[BL_IMPORT_MAX_WORDS + 1][128];
	if (tui_check_text(_("The words"), text, true, 500, msg, msgsz))
		return msg;
	size_t n = split_words(text, w);
	if (n == 0) {
		snprintf(msg, msgsz, "%s", _("Type at least one word, e.g. Inntekt (a comma between words)."));
		return msg;
	}
	if (n > BL_IMPORT_MAX_WORDS) {
		snprintf(msg, msgsz, _("At most %d words."), BL_IMPORT_MAX_WORDS);
		return msg;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < c->n_other; j++)
			if (strcasecmp(w[i], c->other[j]) == 0) {
				snprintf(msg, msgsz, _("'%s' is a word of the other direction; expected each word in one list."), w[i]);
				return msg;
			}
	return NULL;
}

static bool set_words(char **dst, size_t *n, const char *text)
{
	char w[BL_IMPORT_MAX_WORDS + 1][128];
	size_t k = split_words(text, w);
	if (k == 0 || k > BL_IMPORT_MAX_WORDS)
		return false;
	for (size_t i = 0; i < *n; i++)
		free(dst[i]);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if ((dst[*n] = strdup(w[i])))
			(*n)++;
	return *n > 0;
}

bool imp_edit_words(tui *t, imp_state *s, bool income)
{
	bl_import_profile *p = s->prof;
	char cur[1024], text[1024];
	if (income)
		bl_text_join((const char *const *)p->income_word, p->n_income, cur, sizeof cur);
	else
		bl_text_join((const char *const *)p->expense_word, p->n_expense, cur, sizeof cur);
	words_ctx c = { income ? p->expense_word : p->income_word, income ? p->n_expense : p->n_income };
	char label[256];
	char col[512];
	snprintf(col, sizeof col, "%s", p->direction_col.source ? p->direction_col.source : "");
	snprintf(label, sizeof label, income ? _("Words of %s for income (comma between): ")
					     : _("Words of %s for expenses (comma between): "), col);
	if (tui_prompt(t, label, cur, text, sizeof text, valid_words, &c) != 1)
		return false;
	return income ? set_words(p->income_word, &p->n_income, text)
		      : set_words(p->expense_word, &p->n_expense, text);
}

/* The words of a direction column, guessed from its values in the first
 * rows (Inntekt/Utgift, Indtægt/Udgift, Income/Expense); false if some
 * value is neither. */
bool imp_guess_words(imp_state *s)
{
	bl_import_profile *p = s->prof;
	char inc[1024] = "", exp[1024] = "";
	bool all = true;
	char seen[16][128];
	int ns = 0;
	for (size_t r = 0; r < s->n_rows; r++) {
		char v[128];
		imp_render(s, &p->direction_col, r, v, sizeof v);
		bool dup = !*v;
		for (int i = 0; i < ns && !dup; i++)
			dup = strcasecmp(seen[i], v) == 0;
		if (dup || ns == 16)
			continue;
		snprintf(seen[ns++], sizeof seen[0], "%s", v);
		char low[128];
		size_t k;
		for (k = 0; v[k] && k + 1 < sizeof low; k++)
			low[k] = (char)((unsigned char)v[k] < 0x80 ? (char)tolower((unsigned char)v[k]) : v[k]);
		low[k] = '\0';
		char *dst = NULL;
		if (!strncmp(low, "inn", 3) || !strncmp(low, "ind", 3) || !strncmp(low, "income", 6) ||
		    !strncmp(low, "revenue", 7) || !strcmp(low, "i"))
			dst = inc;
		else if (!strncmp(low, "utg", 3) || !strncmp(low, "udg", 3) || !strncmp(low, "expen", 5) ||
			 !strncmp(low, "cost", 4) || !strcmp(low, "u") || !strcmp(low, "e"))
			dst = exp;
		if (!dst) {
			all = false;
			continue;
		}
		size_t o = strlen(dst);
		snprintf(dst + o, 1024 - o, "%s%s", o ? ", " : "", v);
	}
	if (!inc[0] || !exp[0])
		return false;
	set_words(p->income_word, &p->n_income, inc);
	set_words(p->expense_word, &p->n_expense, exp);
	return all;
}

void imp_free_words(bl_import_profile *p)
{
	for (size_t i = 0; i < p->n_income; i++)
		free(p->income_word[i]);
	for (size_t i = 0; i < p->n_expense; i++)
		free(p->expense_word[i]);
	p->n_income = p->n_expense = 0;
}

bool imp_edit_direction(tui *t, imp_state *s)
{
	bl_import_profile *p = s->prof;
	int n = (int)s->n_header + 1;
	char **labels = calloc((size_t)n, sizeof *labels), **notes = calloc((size_t)n, sizeof *notes);
	if (!labels || !notes) {
		free(labels);
		free(notes);
		return false;
	}
	size_t r = imp_sample_row(s);
	labels[0] = (char *)_("By sign: a negative amount is income");
	int initial = 0;
	for (size_t c = 0; c < s->n_header; c++) {
		labels[c + 1] = s->header[c];
		notes[c + 1] = (char *)imp_field(s, r, (int)c);
		if (p->direction_col.n == 1 && imp_col(s, p->direction_col.part[0].text) == (int)c)
			initial = (int)c + 1;
	}
	int got = imp_pick(t, _("Direction: income or expense, from which column?"), labels, notes, n, initial);
	free(labels);
	free(notes);
	if (got < 0)
		return false;
	if (got == 0) {
		bl_tmpl_free(&p->direction_col);
		imp_free_words(p);
		if (p->signs == BL_SIGNS_AS_IS) {
			p->signs = BL_SIGNS_INCOME_NEGATIVE;
			tui_msg(t, R_INFO, "%s", _("By sign, so the signs are income negative: as is could not tell income from expenses."));
		}
		return true;
	}
	if (!imp_set_tmpl(t, &p->direction_col, s->header[got - 1]))
		return false;
	if (imp_guess_words(s)) {
		char a[512], b[512];
		bl_text_join((const char *const *)p->income_word, p->n_income, a, sizeof a);
		bl_text_join((const char *const *)p->expense_word, p->n_expense, b, sizeof b);
		tui_msg(t, R_INFO, _("Income: %s; expenses: %s (Enter on the words changes them)."), a, b);
		return true;
	}
	/* Ask for what could not be guessed. */
	if (!p->n_income || !p->n_expense) {
		imp_edit_words(t, s, true);
		imp_edit_words(t, s, false);
	} else {
		tui_msg(t, R_INFO, "%s", _("Some values of the column are neither income nor expense words: their rows are rejected (Enter on the words changes them)."));
	}
	if (!p->n_income || !p->n_expense) {
		/* A column without its words is no direction: by sign again. */
		bl_tmpl_free(&p->direction_col);
		imp_free_words(p);
		tui_msg(t, R_DIM, "%s", _("Without the words for income and expenses, the direction stays by sign."));
	}
	return true;
}

/* ---- amounts ---- */

/* "2013", "budget_year", "budget_year+2" into m; false if not a year of
 * the process. */
static bool parse_year(const tui *t, const char *text, bl_amount_map *m, char *msg, size_t msgsz)
{
	char s[64];
	snprintf(s, sizeof s, "%s", text);
	char *p = s;
	while (*p == ' ')
		p++;
	size_t n = strlen(p);
	while (n && p[n - 1] == ' ')
		p[--n] = '\0';
	int last = t->info.budget_year + t->info.n_years - 1;
	if (strncmp(p, "budget_year", 11) == 0) {
		const char *rest = p + 11;
		int off = 0;
		if (*rest == '+') {
			char *end;
			long v = strtol(rest + 1, &end, 10);
			if (*end || end == rest + 1 || v < 0 || v >= t->info.n_years)
				goto bad;
			off = (int)v;
		} else if (*rest) {
			goto bad;
		}
		m->kind = BL_YEAR_BUDGET;
		m->year = off;
		return true;
	}
	if (strlen(p) == 4 && strspn(p, "0123456789") == 4) {
		int y = atoi(p);
		if (y >= t->info.budget_year && y <= last) {
			m->kind = BL_YEAR_FIXED;
			m->year = y;
			return true;
		}
	}
bad:
	snprintf(msg, msgsz, _("Expected a year of the process (%d-%d), budget_year or budget_year+N."),
		 t->info.budget_year, last);
	return false;
}

static const char *valid_year(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	(void)vctx;
	bl_amount_map m = { 0 };
	return parse_year(t, text, &m, msg, msgsz) ? NULL : msg;
}

/* Choose the column and the year of amount i (i == n_amounts: a new
 * one). */
bool imp_edit_amount(tui *t, imp_state *s, size_t i)
{
	bl_import_profile *p = s->prof;
	int n = (int)s->n_header;
	if (n == 0)
		return false;
	char **labels = calloc((size_t)n, sizeof *labels), **notes = calloc((size_t)n, sizeof *notes);
	if (!labels || !notes) {
		free(labels);
		free(notes);
		return false;
	}
	size_t r = imp_sample_row(s);
	int initial = 0;
	for (size_t c = 0; c < s->n_header; c++) {
		labels[c] = s->header[c];
		notes[c] = (char *)imp_field(s, r, (int)c);
		if (i < p->n_amounts && p->amount[i].column && imp_col(s, p->amount[i].column) == (int)c)
			initial = (int)c;
	}
	char title[128];
	snprintf(title, sizeof title, _("Amount %zu: which column?"), i + 1);
	int got = imp_pick(t, title, labels, notes, n, initial);
	free(labels);
	free(notes);
	if (got < 0)
		return false;
	const char *col = s->header[got];
	char init[64], text[64], msg[256];
	int y;
	if (i < p->n_amounts && p->amount[i].kind == BL_YEAR_FIXED)
		snprintf(init, sizeof init, "%d", p->amount[i].year);
	else if (i < p->n_amounts && p->amount[i].kind == BL_YEAR_BUDGET)
		snprintf(init, sizeof init, p->amount[i].year ? "budget_year+%d" : "budget_year", p->amount[i].year);
	else if (bl_import_year_name(col, &y) || imp_header_year(t, col, &y))
		snprintf(init, sizeof init, "%d", y);
	else
		snprintf(init, sizeof init, "budget_year");
	char label[256];
	snprintf(label, sizeof label, _("The year of %s (%d-%d, budget_year or budget_year+N): "), col,
		 t->info.budget_year, t->info.budget_year + t->info.n_years - 1);
	if (tui_prompt(t, label, init, text, sizeof text, valid_year, NULL) != 1)
		return false;
	bl_amount_map m = { 0 };
	if (!parse_year(t, text, &m, msg, sizeof msg))
		return false;
	if (!(m.column = strdup(col)))
		return false;
	if (i < p->n_amounts) {
		free(p->amount[i].column);
		free(p->amount[i].year_column);
	} else {
		p->n_amounts++;
	}
	p->amount[i] = m;
	return true;
}

static void free_amounts(bl_import_profile *p)
{
	for (size_t i = 0; i < p->n_amounts; i++) {
		free(p->amount[i].column);
		free(p->amount[i].year_column);
	}
	memset(p->amount, 0, sizeof p->amount);
	p->n_amounts = 0;
}

bool imp_toggle_amounts(tui *t, imp_state *s)
{
	bl_import_profile *p = s->prof;
	int y;
	if (imp_headers_mode(p)) {
		/* Spelled out, so each can be changed. */
		free_amounts(p);
		for (size_t c = 0; c < s->n_header && p->n_amounts < BL_IMPORT_MAX_AMOUNTS; c++)
			if (bl_import_year_name(s->header[c], &y) && y >= t->info.budget_year &&
			    y < t->info.budget_year + t->info.n_years) {
				bl_amount_map *m = &p->amount[p->n_amounts];
				if (!(m->column = strdup(s->header[c])))
					break;
				m->kind = BL_YEAR_FIXED;
				m->year = y;
				p->n_amounts++;
			}
		if (!p->n_amounts)
			imp_edit_amount(t, s, 0);
		tui_msg(t, R_INFO, "%s", _("Amount columns one by one: Enter on one changes its column or year, a adds one, d removes one."));
		return true;
	}
	bool any = false;
	for (size_t c = 0; c < s->n_header; c++)
		any |= bl_import_year_name(s->header[c], &y);
	if (!any) {
		tui_msg(t, R_ERROR, "%s", _("No column of the file is named by a year (2013, 2014 ...): the amounts stay mapped one by one."));
		return false;
	}
	free_amounts(p);
	p->amount[0].kind = BL_YEAR_HEADERS;
	p->n_amounts = 1;
	return true;
}

/* ---- levels ---- */

bool imp_add_level(tui *t, imp_state *s)
{
	bl_import_profile *p = s->prof;
	if (p->n_levels >= BL_IMPORT_MAX_LEVELS) {
		tui_msg(t, R_ERROR, _("At most %d area levels."), BL_IMPORT_MAX_LEVELS);
		return false;
	}
	bl_level_map lv;
	memset(&lv, 0, sizeof lv);
	char what[64];
	snprintf(what, sizeof what, _("Area level %zu code"), p->n_levels + 1);
	if (!imp_edit_tmpl(t, s, &lv.code, what, false) || !lv.code.n)
		return false;
	snprintf(what, sizeof what, _("Area level %zu name"), p->n_levels + 1);
	imp_edit_tmpl(t, s, &lv.name, what, true);
	p->level[p->n_levels++] = lv;
	return true;
}

void imp_remove_level(bl_import_profile *p, size_t i)
{
	bl_tmpl_free(&p->level[i].code);
	bl_tmpl_free(&p->level[i].name);
	memmove(&p->level[i], &p->level[i + 1], (p->n_levels - i - 1) * sizeof p->level[0]);
	p->n_levels--;
	memset(&p->level[p->n_levels], 0, sizeof p->level[0]);
}

