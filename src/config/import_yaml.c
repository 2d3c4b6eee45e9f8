/* import_yaml.c: load and validate an import profile (format 1).
 *
 * The same two steps as a phase file (yaml_doc.c): the tree, then the
 * keys of the format, collecting every problem with its line and column.
 * Column names are only checked against a file's header when a file is
 * imported (core/import.c): a profile is written once and used every
 * year. */
#include "config.h"
#include "config/import_yaml.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config/paths.h"
#include "config/yaml_doc.h"
#include "core/gates.h"
#include "core/i18n.h"

enum {
	K_BUDGETLAB, K_TITLE, K_DESCRIPTION, K_FILE, K_AREAS, K_NEW_AREAS, K_LINE,
	K_DIRECTION, K_SIGNS, K_AMOUNTS, K_VERSION, K_SAME_LINE, K_SUBLINE, N_TOP
};
static const keyspec top_keys[N_TOP] = {
	{ "budgetlab", true, N_("budgetlab: 1") },
	{ "title", true, N_("title: TEXT, e.g. Bergen kommune, driftsbudsjett") },
	{ "description", false, N_("description: TEXT") },
	{ "file", false, N_("file: a mapping with encoding, delimiter and decimal") },
	{ "areas", false, N_("areas: a list of levels, each with code (and name)") },
	{ "new_areas", false, N_("new_areas: true or false") },
	{ "line", true, N_("line: a mapping with code and title (and kind)") },
	{ "direction", true, N_("direction: sign, or a mapping with column, income and expense") },
	{ "signs", false, N_("signs: income_negative or as_is") },
	{ "amounts", true, N_("amounts: header_years, or a list of {column, year}") },
	{ "version", false, N_("version: proposal, first_reading or adopted") },
	{ "same_line", false, N_("same_line: sum or sublines") },
	{ "subline", false, N_("subline: a mapping with code (and title)") },
};

enum { F_ENCODING, F_DELIMITER, F_DECIMAL, N_FILE };
static const keyspec file_keys[N_FILE] = {
	{ "encoding", false, N_("encoding: auto, utf-8, windows-1252 or latin-1") },
	{ "delimiter", false, N_("delimiter: auto, \";\", \",\" or tab") },
	{ "decimal", false, N_("decimal: comma or point") },
};

enum { L_CODE, L_NAME, N_LEVEL };
static const keyspec level_keys[N_LEVEL] = {
	{ "code", true, N_("code: COLUMN or a text such as \"{avdeling}\"") },
	{ "name", false, N_("name: COLUMN or a text such as \"{avdeling-tekst}\"") },
};

enum { LN_CODE, LN_TITLE, LN_KIND, N_LINE };
static const keyspec line_keys[N_LINE] = {
	{ "code", true, N_("code: COLUMN or a text such as \"{tjomr}.{tjeneste}\"") },
	{ "title", true, N_("title: COLUMN or a text") },
	{ "kind", false, N_("kind: operation or capital") },
};

enum { D_COLUMN, D_INCOME, D_EXPENSE, N_DIR };
static const keyspec dir_keys[N_DIR] = {
	{ "column", true, N_("column: COLUMN, e.g. inntekt-utgift") },
	{ "income", true, N_("income: a list of the column's words for income, e.g. [Inntekt]") },
	{ "expense", true, N_("expense: a list of the column's words for expenses, e.g. [Utgift]") },
};

enum { A_COLUMN, A_YEAR, A_YEAR_COLUMN, N_AMOUNT };
static const keyspec amount_keys[N_AMOUNT] = {
	{ "column", true, N_("column: COLUMN") },
	{ "year", false, N_("year: YYYY, budget_year or budget_year+N") },
	{ "year_column", false, N_("year_column: the COLUMN that holds the year") },
};

enum { S_CODE, S_TITLE, N_SUB };
static const keyspec sub_keys[N_SUB] = {
	{ "code", true, N_("code: COLUMN, e.g. endrgr") },
	{ "title", false, N_("title: COLUMN, e.g. tekst") },
};

typedef struct ctx {
	ydoc d;
	bl_import_profile *p;
} ctx;

/* A mapping value, or an error.  NULL if absent or wrong. */
static const ynode *get_map(ctx *c, const yfield *f, const char *name, const char *expect)
{
	if (!f->key)
		return NULL;
	if (!f->val || f->val->type != Y_MAP) {
		y_nerr(&c->d, y_is_null(f->val) ? f->key : f->val, _("'%s' is %s; expected %s"), name,
		     y_what_is(f->val), expect);
		return NULL;
	}
	return f->val;
}

static void get_tmpl(ctx *c, const yfield *f, const char *label, const char *expect,
		     bl_tmpl *out)
{
	if (!f->key)
		return;
	char *s = y_get_text(&c->d, f->key, f->val, label, expect, false);
	if (!s)
		return;
	bl_err e;
	if (bl_tmpl_parse(s, out, &e) != 0)
		y_nerr(&c->d, f->val, _("%s: %s"), label, e.msg);
	out->line = f->val->line;
	out->col = f->val->col;
	free(s);
}

/* One of the words, or an error naming them. */
static int get_word(ctx *c, const yfield *f, const char *label, const char *const *words,
		    size_t n, const char *expect)
{
	if (!f->key)
		return -1;
	char *s = y_get_text(&c->d, f->key, f->val, label, expect, false);
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0) {
			free(s);
			return (int)i;
		}
	char q[BL_QUOTE_MAX];
	const char *near = y_nearest(s, words, n);
	if (near)
		y_nerr(&c->d, f->val, _("%s: '%s' is not known; did you mean '%s'? expected %s"),
		     label, y_qs(s, q), near, expect);
	else
		y_nerr(&c->d, f->val, _("%s: '%s' is not known; expected %s"), label, y_qs(s, q),
		     expect);
	free(s);
	return -1;
}

static void file_section(ctx *c, const yfield *top)
{
	bl_import_profile *p = c->p;
	const ynode *map = get_map(c, top, "file", _(top_keys[K_FILE].expect));
	if (!map)
		return;
	yfield f[N_FILE];
	y_get_fields(&c->d, map, file_keys, N_FILE, f, _("in file"));
	static const char *const encs[] = { "auto", "utf-8", "windows-1252", "latin-1",
					    "utf8", "cp1252", "latin1", "iso-8859-1" };
	if (f[F_ENCODING].key) {
		char *s = y_get_text(&c->d, f[F_ENCODING].key, f[F_ENCODING].val, "'encoding'",
				   _(file_keys[F_ENCODING].expect), false);
		if (s && bl_encoding_from_name(s, &p->encoding) != 0) {
			char q[BL_QUOTE_MAX];
			const char *near = y_nearest(s, encs, 8);
			y_nerr(&c->d, f[F_ENCODING].val,
			     _("encoding: '%s' is not an encoding budgetlab reads%s%s%s; expected"
			       " auto, utf-8, windows-1252 or latin-1"),
			     y_qs(s, q), near ? _(" (did you mean '") : "", near ? near : "",
			     near ? "'?)" : "");
		}
		free(s);
	}
	const ynode *dv = f[F_DELIMITER].val;
	if (f[F_DELIMITER].key && dv && dv->type == Y_SCALAR && !dv->plain && dv->len == 1 &&
	    dv->text[0] == '\t') {
		/* "\t" in double quotes is a tab character, which get_text
		 * trims away ("'delimiter' is empty"): it is the tab. */
		p->delimiter = '\t';
	} else if (f[F_DELIMITER].key) {
		char *s = y_get_text(&c->d, f[F_DELIMITER].key, f[F_DELIMITER].val, "'delimiter'",
				   _(file_keys[F_DELIMITER].expect), false);
		if (s) {
			if (strcmp(s, "auto") == 0)
				p->delimiter = 0;
			else if (strcmp(s, ";") == 0 || strcmp(s, ",") == 0)
				p->delimiter = s[0];
			else if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
				p->delimiter = '\t';
			else {
				char q[BL_QUOTE_MAX];
				y_nerr(&c->d, f[F_DELIMITER].val,
				     _("delimiter: '%s' is not a delimiter budgetlab reads; expected"
				       " auto, \";\", \",\" or tab"), y_qs(s, q));
			}
		}
		free(s);
	}
	static const char *const decs[] = { "comma", "point" };
	int d = get_word(c, &f[F_DECIMAL], "'decimal'", decs, 2, _(file_keys[F_DECIMAL].expect));
	if (d >= 0)
		p->decimal_point = d == 1;
}

static void areas_section(ctx *c, const yfield *top)
{
	bl_import_profile *p = c->p;
	if (!top->key || !y_get_list(&c->d, top->val, "'areas'", _(top_keys[K_AREAS].expect)))
		return;
	size_t i = 0;
	for (const ynode *it = top->val->first; it; it = it->next, i++) {
		char where[64], label[64];
		snprintf(where, sizeof where, _("in area level %zu"), i + 1);
		if (i == BL_IMPORT_MAX_LEVELS) {
			y_nerr(&c->d, it, _("more than %d area levels; expected at most %d"),
			     BL_IMPORT_MAX_LEVELS, BL_IMPORT_MAX_LEVELS);
			return;
		}
		if (it->type != Y_MAP) {
			y_nerr(&c->d, it, _("area level %zu is %s; expected a mapping such as"
					  " {code: avdeling, name: avdeling-tekst}"),
			     i + 1, y_what_is(it));
			continue;
		}
		yfield f[N_LEVEL];
		y_get_fields(&c->d, it, level_keys, N_LEVEL, f, where);
		if (!f[L_CODE].key)
			y_nerr(&c->d, it, _("area level %zu has no 'code'; expected %s"), i + 1,
			     _(level_keys[L_CODE].expect));
		snprintf(label, sizeof label, _("'code' of area level %zu"), i + 1);
		get_tmpl(c, &f[L_CODE], label, _(level_keys[L_CODE].expect), &p->level[i].code);
		snprintf(label, sizeof label, _("'name' of area level %zu"), i + 1);
		get_tmpl(c, &f[L_NAME], label, _(level_keys[L_NAME].expect), &p->level[i].name);
		p->n_levels = i + 1;
	}
}

static void line_section(ctx *c, const yfield *top)
{
	bl_import_profile *p = c->p;
	const ynode *map = get_map(c, top, "line", _(top_keys[K_LINE].expect));
	if (!map)
		return;
	yfield f[N_LINE];
	y_get_fields(&c->d, map, line_keys, N_LINE, f, _("in line"));
	for (int k = 0; k < N_LINE; k++)
		if (line_keys[k].required && !f[k].key)
			y_nerr(&c->d, map, _("line has no '%s'; expected %s"), line_keys[k].name,
			     _(line_keys[k].expect));
	get_tmpl(c, &f[LN_CODE], "'code' of line", _(line_keys[LN_CODE].expect), &p->code);
	get_tmpl(c, &f[LN_TITLE], "'title' of line", _(line_keys[LN_TITLE].expect), &p->title_t);
	static const char *const kinds[] = { "operation", "capital" };
	int k = get_word(c, &f[LN_KIND], "'kind'", kinds, 2, _(line_keys[LN_KIND].expect));
	if (k >= 0)
		p->kind = k == 1 ? BL_KIND_CAPITAL : BL_KIND_OPERATION;
}

/* A list of words (or one word). */
static size_t get_words(ctx *c, const yfield *f, const char *label, char **out)
{
	const char *expect = _("a list of words, e.g. [Inntekt]");
	if (!f->key)
		return 0;
	if (f->val && f->val->type == Y_SCALAR && !y_is_null(f->val)) {
		out[0] = y_get_text(&c->d, f->key, f->val, label, expect, false);
		return out[0] ? 1 : 0;
	}
	if (!y_get_list(&c->d, f->val, label, expect)) {
		if (y_is_null(f->val))
			y_nerr(&c->d, f->key, _("%s is empty; expected %s"), label, expect);
		return 0;
	}
	size_t n = 0;
	for (const ynode *it = f->val->first; it; it = it->next) {
		if (n == BL_IMPORT_MAX_WORDS) {
			y_nerr(&c->d, it, _("%s has more than %d words"), label, BL_IMPORT_MAX_WORDS);
			break;
		}
		char *w = y_get_text(&c->d, NULL, it, label, expect, false);
		if (w)
			out[n++] = w;
	}
	if (n == 0 && !f->val->first)
		y_nerr(&c->d, f->val, _("%s is an empty list; expected %s"), label, expect);
	return n;
}

static void direction_section(ctx *c, const yfield *top)
{
	bl_import_profile *p = c->p;
	if (!top->key)
		return;
	const ynode *v = top->val;
	if (v && v->type == Y_SCALAR && !y_is_null(v)) {
		if (strcmp(v->text, "sign") != 0) {
			char q[BL_QUOTE_MAX];
			y_nerr(&c->d, v, _("direction: '%s' is not known; expected sign (income is"
					 " what the file writes negative), or a mapping with"
					 " column, income and expense"), y_qt(v, q));
		}
		return;
	}
	const ynode *map = get_map(c, top, "direction", _(top_keys[K_DIRECTION].expect));
	if (!map)
		return;
	yfield f[N_DIR];
	y_get_fields(&c->d, map, dir_keys, N_DIR, f, _("in direction"));
	for (int k = 0; k < N_DIR; k++)
		if (!f[k].key)
			y_nerr(&c->d, map, _("direction has no '%s'; expected %s"), dir_keys[k].name,
			     _(dir_keys[k].expect));
	get_tmpl(c, &f[D_COLUMN], "'column' of direction", _(dir_keys[D_COLUMN].expect),
		 &p->direction_col);
	p->n_income = get_words(c, &f[D_INCOME], "'income'", p->income_word);
	p->n_expense = get_words(c, &f[D_EXPENSE], "'expense'", p->expense_word);
	for (size_t i = 0; i < p->n_income; i++)
		for (size_t j = 0; j < p->n_expense; j++)
			if (strcasecmp(p->income_word[i], p->expense_word[j]) == 0)
				y_nerr(&c->d, f[D_EXPENSE].val,
				     _("'%s' is both an income and an expense word; expected"
				       " each word in one list"), p->expense_word[j]);
}

/* year: 2013, budget_year or budget_year+N. */
static void amount_year(ctx *c, const yfield *f, bl_amount_map *m)
{
	const ynode *v = f->val;
	if (v && v->type == Y_SCALAR && v->plain && strncmp(v->text, "budget_year", 11) == 0) {
		const char *rest = v->text + 11;
		m->kind = BL_YEAR_BUDGET;
		m->year = 0;
		if (*rest == '\0')
			return;
		int64_t off;
		if (*rest == '+' && y_parse_int64(rest + 1, &off) == 0 && off >= 0 && off <= 9) {
			m->year = (int)off;
			return;
		}
		char q[BL_QUOTE_MAX];
		y_nerr(&c->d, v, _("year: '%s' is not a year; expected YYYY, budget_year or"
				 " budget_year+N (N from 0 to 9)"), y_qt(v, q));
		return;
	}
	int64_t y;
	if (y_get_int(&c->d, f->key, v, "'year'", 1900, 2190, &y)) {
		m->kind = BL_YEAR_FIXED;
		m->year = (int)y;
	}
}

static void amounts_section(ctx *c, const yfield *top)
{
	bl_import_profile *p = c->p;
	if (!top->key)
		return;
	const ynode *v = top->val;
	if (v && v->type == Y_SCALAR && !y_is_null(v)) {
		if (strcmp(v->text, "header_years") == 0) {
			p->amount[0].kind = BL_YEAR_HEADERS;
			p->amount[0].line = v->line;
			p->amount[0].col = v->col;
			p->n_amounts = 1;
		} else {
			char q[BL_QUOTE_MAX];
			y_nerr(&c->d, v, _("amounts: '%s' is not known; expected header_years (every"
					 " column named by a year), or a list of {column, year}"),
			     y_qt(v, q));
		}
		return;
	}
	if (!y_get_list(&c->d, v, "'amounts'", _(top_keys[K_AMOUNTS].expect))) {
		if (y_is_null(v))
			y_nerr(&c->d, top->key, _("'amounts' is empty; expected %s"),
			     _(top_keys[K_AMOUNTS].expect));
		return;
	}
	size_t i = 0;
	for (const ynode *it = v->first; it; it = it->next, i++) {
		char where[64];
		snprintf(where, sizeof where, _("in amount %zu"), i + 1);
		if (i == BL_IMPORT_MAX_AMOUNTS) {
			y_nerr(&c->d, it, _("more than %d amount columns; expected at most %d"),
			     BL_IMPORT_MAX_AMOUNTS, BL_IMPORT_MAX_AMOUNTS);
			return;
		}
		if (it->type != Y_MAP) {
			y_nerr(&c->d, it, _("amount %zu is %s; expected a mapping such as"
					  " {column: \"2013\", year: 2013}"), i + 1, y_what_is(it));
			continue;
		}
		yfield f[N_AMOUNT];
		y_get_fields(&c->d, it, amount_keys, N_AMOUNT, f, where);
		bl_amount_map *m = &p->amount[p->n_amounts++];
		m->line = it->line;
		m->col = it->col;
		if (!f[A_COLUMN].key)
			y_nerr(&c->d, it, _("amount %zu has no 'column'; expected %s"), i + 1,
			     _(amount_keys[A_COLUMN].expect));
		else
			m->column = y_get_text(&c->d, f[A_COLUMN].key, f[A_COLUMN].val, "'column'",
					     _(amount_keys[A_COLUMN].expect), false);
		if (f[A_YEAR].key && f[A_YEAR_COLUMN].key)
			y_nerr(&c->d, f[A_YEAR_COLUMN].key, _("amount %zu has both 'year' and"
							    " 'year_column'; expected one"), i + 1);
		else if (f[A_YEAR].key)
			amount_year(c, &f[A_YEAR], m);
		else if (f[A_YEAR_COLUMN].key) {
			m->kind = BL_YEAR_COLUMN;
			m->year_column = y_get_text(&c->d, f[A_YEAR_COLUMN].key, f[A_YEAR_COLUMN].val,
						  "'year_column'",
						  _(amount_keys[A_YEAR_COLUMN].expect), false);
		} else
			y_nerr(&c->d, it, _("amount %zu says neither 'year' nor 'year_column'; expected"
					  " year: YYYY (or budget_year), or year_column: COLUMN"),
			     i + 1);
	}
	if (i == 0)
		y_nerr(&c->d, v, _("'amounts' is an empty list; expected %s"),
		     _(top_keys[K_AMOUNTS].expect));
}

static void check_root(ctx *c)
{
	bl_import_profile *p = c->p;
	const ynode *r = c->d.root;
	if (y_is_null(r)) {
		yerr_at(&c->d, 1, 1, _("the file is empty; expected an import profile that starts"
				       " with 'budgetlab: 1'"));
		return;
	}
	if (r->type != Y_MAP) {
		y_nerr(&c->d, r, _("the file is %s at the top level; expected a mapping that starts"
				 " with 'budgetlab: 1'"), y_what_is(r));
		return;
	}
	yfield f[N_TOP];
	y_get_fields(&c->d, r, top_keys, N_TOP, f, _("at the top level"));
	for (int k = 0; k < N_TOP; k++)
		if (top_keys[k].required && !f[k].key)
			y_nerr(&c->d, r, _("the profile has no '%s'; expected %s"), top_keys[k].name,
			     _(top_keys[k].expect));
	int64_t v;
	if (f[K_BUDGETLAB].key && y_get_int(&c->d, f[K_BUDGETLAB].key, f[K_BUDGETLAB].val,
					  "'budgetlab'", 1, 1, &v) == false)
		return;
	if (f[K_TITLE].key)
		p->title = y_get_text(&c->d, f[K_TITLE].key, f[K_TITLE].val, "'title'",
				    _(top_keys[K_TITLE].expect), false);
	if (f[K_DESCRIPTION].key && !y_is_null(f[K_DESCRIPTION].val))
		p->description = y_get_text(&c->d, f[K_DESCRIPTION].key, f[K_DESCRIPTION].val,
					  "'description'", _(top_keys[K_DESCRIPTION].expect), true);
	file_section(c, &f[K_FILE]);
	areas_section(c, &f[K_AREAS]);
	p->new_areas = true;
	if (f[K_NEW_AREAS].key) {
		/* An empty value is reported at the key, as get_text
		 * does (the empty node's position is after the colon). */
		if (!y_is_bool(f[K_NEW_AREAS].val))
			y_nerr(&c->d, !y_is_null(f[K_NEW_AREAS].val) ? f[K_NEW_AREAS].val : f[K_NEW_AREAS].key,
			     _("new_areas is %s; expected true or false"), y_what_is(f[K_NEW_AREAS].val));
		else
			p->new_areas = y_bool_value(f[K_NEW_AREAS].val);
	}
	line_section(c, &f[K_LINE]);
	direction_section(c, &f[K_DIRECTION]);
	static const char *const signs[] = { "income_negative", "as_is" };
	p->signs = BL_SIGNS_INCOME_NEGATIVE;
	int s = get_word(c, &f[K_SIGNS], "'signs'", signs, 2, _(top_keys[K_SIGNS].expect));
	if (s >= 0)
		p->signs = (bl_signs)s;
	if (p->direction_col.n == 0 && p->signs == BL_SIGNS_AS_IS && f[K_SIGNS].key)
		y_nerr(&c->d, f[K_SIGNS].val, _("signs: as_is cannot tell income from expenses when"
					      " the direction is the sign; expected"
					      " income_negative, or a direction column"));
	amounts_section(c, &f[K_AMOUNTS]);
	if (f[K_VERSION].key) {
		char *ver = y_get_text(&c->d, f[K_VERSION].key, f[K_VERSION].val, "'version'",
				     _(top_keys[K_VERSION].expect), false);
		if (ver && !bl_version_valid(ver)) {
			char q[BL_QUOTE_MAX];
			static const char *const vers[] = { "proposal", "first_reading", "adopted" };
			const char *near = y_nearest(ver, vers, 3);
			y_nerr(&c->d, f[K_VERSION].val, _("version: '%s' is not a budget version%s%s%s;"
							" expected proposal, first_reading or"
							" adopted"),
			     y_qs(ver, q), near ? _(" (did you mean '") : "", near ? near : "",
			     near ? "'?)" : "");
			free(ver);
			ver = NULL;
		}
		p->version = ver;
	}
	if (!p->version && !(p->version = strdup("proposal")))
		c->d.oom = true;
	static const char *const same[] = { "sum", "sublines" };
	int sl = get_word(c, &f[K_SAME_LINE], "'same_line'", same, 2, _(top_keys[K_SAME_LINE].expect));
	if (sl >= 0)
		p->same_line = (bl_same_line)sl;
	const ynode *sub = get_map(c, &f[K_SUBLINE], "subline", _(top_keys[K_SUBLINE].expect));
	if (sub) {
		yfield sf[N_SUB];
		y_get_fields(&c->d, sub, sub_keys, N_SUB, sf, _("in subline"));
		if (!sf[S_CODE].key)
			y_nerr(&c->d, sub, _("subline has no 'code'; expected %s"),
			     _(sub_keys[S_CODE].expect));
		get_tmpl(c, &sf[S_CODE], "'code' of subline", _(sub_keys[S_CODE].expect),
			 &p->sub_code);
		get_tmpl(c, &sf[S_TITLE], "'title' of subline", _(sub_keys[S_TITLE].expect),
			 &p->sub_title);
	}
	if (p->same_line == BL_SAME_SUBLINES && !f[K_SUBLINE].key)
		y_nerr(&c->d, f[K_SAME_LINE].val, _("same_line: sublines needs a 'subline' mapping"
						  " that says which column tells the rows of a"
						  " line apart; expected e.g. subline: {code:"
						  " endrgr, title: tekst}"));
}

/* "bergen-driftsbudsjett" of ".../bergen-driftsbudsjett.yaml". */
static char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".yaml") == 0)
		n -= 5;
	return strndup(b, n);
}

static int load(const char *text, size_t len, const char *name, bl_import_profile **out,
		bl_err *err)
{
	*out = NULL;
	ctx *c = calloc(1, sizeof *c);
	if (!c)
		return bl_err_set(err, _("out of memory"));
	ydoc_init(&c->d, name ? name : "(profile)", text, len);
	if (c->d.len > BL_YAML_MAX_BYTES) {
		bl_err_set(err, _("%s: the file is %zu bytes; expected an import profile of at"
				  " most %d bytes"), c->d.name, c->d.len, BL_YAML_MAX_BYTES);
		free(c);
		return -1;
	}
	c->p = calloc(1, sizeof *c->p);
	if (!c->p)
		c->d.oom = true;
	else if (ydoc_parse(&c->d))
		check_root(c);
	if (c->p && !c->d.oom) {
		c->p->path = strdup(c->d.name);
		c->p->name = base_name(c->d.name);
		if (!c->p->path || !c->p->name)
			c->d.oom = true;
	}
	ydoc_free(&c->d);
	if (c->d.n_errs || c->d.oom) {
		bl_import_profile_free(c->p);
		ydoc_flush(&c->d, err);
		free(c);
		return -1;
	}
	*out = c->p;
	free(c);
	return 0;
}

int bl_import_profile_load_string(const char *text, size_t len, const char *name,
				  bl_import_profile **out, bl_err *err)
{
	return load(text, len, name, out, err);
}

int bl_import_profile_load_file(const char *path, bl_import_profile **out, bl_err *err)
{
	char *buf;
	size_t n;
	*out = NULL;
	if (ydoc_read_file(path, _("an import profile"), &buf, &n, err) != 0)
		return -1;
	int rc = load(buf, n, path, out, err);
	free(buf);
	return rc;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool valid_name(const char *s)
{
	if (!*s || *s == '.')
		return false;
	for (; *s; s++)
		if (*s == '/' || (unsigned char)*s < 0x20)
			return false;
	return true;
}

int bl_import_profile_find(const char *arg, char *buf, size_t bufsz, bl_err *err)
{
	size_t n = strlen(arg);
	if (strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".yaml") == 0)) {
		snprintf(buf, bufsz, "%s", arg);
		return 0;
	}
	if (valid_name(arg)) {
		char home[1024], rel[600];
		if (bl_path_config_home(home, sizeof home) == 0) {
			snprintf(buf, bufsz, "%s/import/%s.yaml", home, arg);
			if (is_file(buf))
				return 0;
		}
		snprintf(rel, sizeof rel, "import/%s.yaml", arg);
		if (bl_path_shipped(rel, buf, bufsz) == 0 && is_file(buf)) {
			/* "_build/../config/import/x.yaml" is the shipped file
			 * found from a build tree: shown without the detour. */
			char real[PATH_MAX];
			if (realpath(buf, real) && strlen(real) < bufsz)
				memcpy(buf, real, strlen(real) + 1);
			return 0;
		}
	}
	char **names;
	size_t nn;
	char list[1024] = "";
	if (bl_import_profile_list(&names, &nn, NULL) == 0) {
		size_t pos = 0;
		for (size_t i = 0; i < nn && pos + 1 < sizeof list; i++) {
			int w = snprintf(list + pos, sizeof list - pos, "%s%s", i ? ", " : "", names[i]);
			if (w < 0)
				break;
			pos += (size_t)w;
		}
		bl_import_profile_list_free(names, nn);
	}
	char q[BL_QUOTE_MAX];
	return bl_err_set(err, _("there is no import profile '%s'; expected a path to a .yaml"
				 " file or one of: %s"), y_qs(arg, q), list[0] ? list : _("(none)"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *dir, char ***names, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *e;
	size_t first = *n;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		char *nm = strndup(e->d_name, len - 5);
		if (!nm)
			goto oom;
		bool dup = false;
		for (size_t i = 0; i < first && !dup; i++)
			dup = strcmp((*names)[i], nm) == 0;
		if (dup) {
			free(nm);
			continue;
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			char **nn = realloc(*names, *cap * sizeof *nn);
			if (!nn) {
				free(nm);
				goto oom;
			}
			*names = nn;
		}
		(*names)[(*n)++] = nm;
	}
	closedir(d);
	qsort(*names + first, *n - first, sizeof **names, cmp_str);
	return 0;
oom:
	closedir(d);
	return -1;
}

int bl_import_profile_list(char ***names, size_t *n, bl_err *err)
{
	*names = NULL;
	*n = 0;
	size_t cap = 0;
	char home[1024], dir[1100], shipped[1100];
	if (bl_path_config_home(home, sizeof home) == 0) {
		snprintf(dir, sizeof dir, "%s/import", home);
		if (list_dir(dir, names, n, &cap) != 0)
			goto oom;
	}
	/* The shipped directory, found through one of its files' paths. */
	if (bl_path_shipped("import/bergen-driftsbudsjett.yaml", shipped, sizeof shipped) == 0) {
		char *slash = strrchr(shipped, '/');
		if (slash)
			*slash = '\0';
		if (list_dir(shipped, names, n, &cap) != 0)
			goto oom;
	}
	return 0;
oom:
	bl_import_profile_list_free(*names, *n);
	*names = NULL;
	*n = 0;
	return bl_err_set(err, _("out of memory"));
}

void bl_import_profile_list_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- writing a profile ---- */

typedef struct out {
	char *s;
	size_t n, cap;
	bool oom;
} out;

static void put(out *o, const char *fmt, ...) BL_PRINTF(2, 3);
static void put(out *o, const char *fmt, ...)
{
	if (o->oom)
		return;
	va_list ap;
	for (;;) {
		va_start(ap, fmt);
		int w = vsnprintf(o->s ? o->s + o->n : NULL, o->s ? o->cap - o->n : 0, fmt, ap);
		va_end(ap);
		if (w < 0) {
			o->oom = true;
			return;
		}
		if (o->s && o->n + (size_t)w < o->cap) {
			o->n += (size_t)w;
			return;
		}
		size_t cap = o->cap ? o->cap * 2 : 1024;
		while (cap < o->n + (size_t)w + 1)
			cap *= 2;
		char *p = realloc(o->s, cap);
		if (!p) {
			o->oom = true;
			return;
		}
		o->s = p;
		o->cap = cap;
	}
}

/* A YAML double-quoted scalar. */
static void put_str(out *o, const char *s)
{
	put(o, "\"");
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			put(o, "\\%c", *s);
		else if (*s == '\t')
			put(o, "\\t");
		else if (*s == '\n') /* a raw line break in double quotes */
			put(o, "\\n"); /* folds into a space when read back */
		else if (*s == '\r')
			put(o, "\\r");
		else
			put(o, "%c", *s);
	}
	put(o, "\"");
}

char *bl_import_profile_yaml(const bl_import_profile *p)
{
	out o = { 0 };
	put(&o, "# budgetlab import profile (budgetlab-import(5))\nbudgetlab: 1\ntitle: ");
	put_str(&o, p->title ? p->title : p->name);
	put(&o, "\n");
	if (p->description) {
		put(&o, "description: ");
		put_str(&o, p->description);
		put(&o, "\n");
	}
	put(&o, "file:\n  encoding: %s\n  delimiter: ", bl_encoding_name(p->encoding));
	if (p->delimiter == '\t')
		put(&o, "tab");
	else if (p->delimiter)
		put(&o, "\"%c\"", p->delimiter);
	else
		put(&o, "auto");
	put(&o, "\n  decimal: %s\n", p->decimal_point ? "point" : "comma");
	if (p->n_levels) {
		put(&o, "areas:\n");
		for (size_t i = 0; i < p->n_levels; i++) {
			put(&o, "  - code: ");
			put_str(&o, p->level[i].code.source);
			if (p->level[i].name.n) {
				put(&o, "\n    name: ");
				put_str(&o, p->level[i].name.source);
			}
			put(&o, "\n");
		}
	}
	put(&o, "new_areas: %s\nline:\n  code: ", p->new_areas ? "true" : "false");
	put_str(&o, p->code.source);
	put(&o, "\n  title: ");
	put_str(&o, p->title_t.source);
	put(&o, "\n  kind: %s\n", p->kind == BL_KIND_CAPITAL ? "capital" : "operation");
	if (p->direction_col.n) {
		put(&o, "direction:\n  column: ");
		put_str(&o, p->direction_col.source);
		put(&o, "\n  income: [");
		for (size_t i = 0; i < p->n_income; i++) {
			put(&o, i ? ", " : "");
			put_str(&o, p->income_word[i]);
		}
		put(&o, "]\n  expense: [");
		for (size_t i = 0; i < p->n_expense; i++) {
			put(&o, i ? ", " : "");
			put_str(&o, p->expense_word[i]);
		}
		put(&o, "]\n");
	} else {
		put(&o, "direction: sign\n");
	}
	put(&o, "signs: %s\n", p->signs == BL_SIGNS_AS_IS ? "as_is" : "income_negative");
	if (p->n_amounts == 1 && p->amount[0].kind == BL_YEAR_HEADERS) {
		put(&o, "amounts: header_years\n");
	} else {
		put(&o, "amounts:\n");
		for (size_t i = 0; i < p->n_amounts; i++) {
			const bl_amount_map *m = &p->amount[i];
			put(&o, "  - column: ");
			put_str(&o, m->column);
			if (m->kind == BL_YEAR_COLUMN) {
				put(&o, "\n    year_column: ");
				put_str(&o, m->year_column);
			} else if (m->kind == BL_YEAR_BUDGET && m->year)
				put(&o, "\n    year: budget_year+%d", m->year);
			else if (m->kind == BL_YEAR_BUDGET)
				put(&o, "\n    year: budget_year");
			else
				put(&o, "\n    year: %d", m->year);
			put(&o, "\n");
		}
	}
	put(&o, "version: %s\nsame_line: %s\n", p->version ? p->version : "proposal",
	    p->same_line == BL_SAME_SUBLINES ? "sublines" : "sum");
	if (p->sub_code.n) {
		put(&o, "subline:\n  code: ");
		put_str(&o, p->sub_code.source);
		if (p->sub_title.n) {
			put(&o, "\n  title: ");
			put_str(&o, p->sub_title.source);
		}
		put(&o, "\n");
	}
	if (o.oom) {
		free(o.s);
		return NULL;
	}
	return o.s;
}
