/* import_export.c: lines -> rows in an import profile's shape (see
 * import_export.h). */
#include "config.h"
#include "core/import_export.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

static int col_index(bl_export_shape *sh, const char *name, bool add)
{
	for (size_t i = 0; i < sh->n; i++)
		if (strcmp(sh->col[i], name) == 0)
			return (int)i;
	if (!add)
		return -1;
	char **c = realloc(sh->col, (sh->n + 1) * sizeof *c);
	if (!c)
		return -2;
	sh->col = c;
	if (!(sh->col[sh->n] = strdup(name)))
		return -2;
	return (int)sh->n++;
}

static int add_tmpl(bl_export_shape *sh, const bl_tmpl *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->part[i].column && col_index(sh, t->part[i].text, true) == -2)
			return -1;
	return 0;
}

/* Columns of t that nothing before it fills in: known[] marks those that
 * are.  Marks t's columns known.  Returns how many were unknown. */
static size_t unknowns(const bl_export_shape *sh, const bl_tmpl *t, bool *known)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!t->part[i].column)
			continue;
		int c = col_index((bl_export_shape *)sh, t->part[i].text, false);
		if (c >= 0 && !known[c]) {
			n++;
			known[c] = true;
		}
	}
	return n;
}

int bl_export_shape_make(const bl_import_profile *p, int first_year, int n_years,
			 bl_export_shape *sh, bl_err *err)
{
	memset(sh, 0, sizeof *sh);
	sh->p = p;
	sh->first_year = first_year;
	sh->n_years = n_years;
	sh->amount_one = sh->year_col = -1;
	for (int y = 0; y < BL_MAX_YEARS; y++)
		sh->amount_col[y] = -1;
	int rc = 0;
	for (size_t i = 0; i < p->n_levels; i++)
		rc |= add_tmpl(sh, &p->level[i].code) | add_tmpl(sh, &p->level[i].name);
	rc |= add_tmpl(sh, &p->code) | add_tmpl(sh, &p->title_t) | add_tmpl(sh, &p->direction_col);
	if (p->same_line == BL_SAME_SUBLINES)
		rc |= add_tmpl(sh, &p->sub_code) | add_tmpl(sh, &p->sub_title);
	for (size_t i = 0; i < p->n_amounts && !rc; i++) {
		const bl_amount_map *m = &p->amount[i];
		char name[16];
		switch (m->kind) {
		case BL_YEAR_HEADERS:
			for (int y = 0; y < n_years; y++) {
				snprintf(name, sizeof name, "%d", first_year + y);
				int c = col_index(sh, name, true);
				if (c < 0)
					rc = -1;
				sh->amount_col[y] = c;
			}
			break;
		case BL_YEAR_COLUMN:
			sh->amount_one = col_index(sh, m->column, true);
			sh->year_col = col_index(sh, m->year_column, true);
			if (sh->amount_one < 0 || sh->year_col < 0)
				rc = -1;
			break;
		default: {
			int y = m->kind == BL_YEAR_BUDGET ? m->year : m->year - first_year;
			char cname[512];
			bl_amount_column_name(m, first_year + y, cname, sizeof cname);
			int c = col_index(sh, cname, true);
			if (c < 0)
				rc = -1;
			if (y >= 0 && y < n_years)
				sh->amount_col[y] = c;
		}
		}
	}
	if (rc) {
		bl_export_shape_free(sh);
		return bl_err_set(err, _("out of memory"));
	}
	/* What the areas and the direction fill in; then each of code,
	 * title (and the sub-line's) may leave one column to its text. */
	bool *known = calloc(sh->n ? sh->n : 1, sizeof *known);
	if (!known) {
		bl_export_shape_free(sh);
		return bl_err_set(err, _("out of memory"));
	}
	const bl_tmpl *check[BL_IMPORT_MAX_LEVELS * 2 + 5];
	const char *what[BL_IMPORT_MAX_LEVELS * 2 + 5];
	size_t nc = 0;
	for (size_t i = 0; i < p->n_levels; i++) {
		check[nc] = &p->level[i].code, what[nc++] = _("an area code");
		check[nc] = &p->level[i].name, what[nc++] = _("an area name");
	}
	check[nc] = &p->direction_col, what[nc++] = _("the direction");
	check[nc] = &p->code, what[nc++] = _("the line code");
	check[nc] = &p->title_t, what[nc++] = _("the line title");
	if (p->same_line == BL_SAME_SUBLINES) {
		check[nc] = &p->sub_code, what[nc++] = _("the sub-line code");
		check[nc] = &p->sub_title, what[nc++] = _("the sub-line title");
	}
	for (size_t i = 0; i < nc; i++)
		if (unknowns(sh, check[i], known) > 1) {
			free(known);
			bl_err_set(err, _("%s: %s '%s' joins two or more columns that nothing else"
					  " names, so an export cannot split it back into them;"
					  " expected at most one such column (or export without"
					  " --profile)"), p->path ? p->path : p->name, what[i],
				   check[i]->source);
			bl_export_shape_free(sh);
			return -1;
		}
	free(known);
	return 0;
}

void bl_export_shape_free(bl_export_shape *sh)
{
	for (size_t i = 0; i < sh->n; i++)
		free(sh->col[i]);
	free(sh->col);
	memset(sh, 0, sizeof *sh);
}

/* Fill t's one unknown column from text (known columns as in out[]).
 * False if text does not have the template's shape. */
static bool solve(const bl_export_shape *sh, const bl_tmpl *t, const char *text, char **out)
{
	if (!t->n || !text)
		return true;
	size_t u = t->n;
	for (size_t i = 0; i < t->n; i++) {
		int c = t->part[i].column ? col_index((bl_export_shape *)sh, t->part[i].text, false) : -1;
		if (t->part[i].column && c >= 0 && !out[c]) {
			u = i;
			break;
		}
	}
	/* The parts before and after the unknown one, rendered. */
	char pre[2048] = "", post[2048] = "";
	size_t pl = 0, sl = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (i == u)
			continue;
		const char *s = t->part[i].text;
		if (t->part[i].column) {
			int c = col_index((bl_export_shape *)sh, s, false);
			s = c >= 0 && out[c] ? out[c] : "";
		}
		char *b = i < u ? pre : post;
		size_t *l = i < u ? &pl : &sl;
		int w = snprintf(b + *l, sizeof pre - *l, "%s", s);
		if (w > 0)
			*l = *l + (size_t)w < sizeof pre ? *l + (size_t)w : sizeof pre - 1;
	}
	size_t tl = strlen(text);
	if (u == t->n)
		return pl == tl && strcmp(pre, text) == 0;
	int c = col_index((bl_export_shape *)sh, t->part[u].text, false);
	bool fits = tl >= pl + sl && strncmp(text, pre, pl) == 0 &&
		    strcmp(text + tl - sl, post) == 0;
	out[c] = fits ? strndup(text + pl, tl - pl - sl) : strdup(text);
	return fits;
}

int bl_export_fields(const bl_export_shape *sh, const bl_export_line *l, char **out, bool *fits)
{
	const bl_import_profile *p = sh->p;
	for (size_t i = 0; i < sh->n; i++)
		out[i] = NULL;
	*fits = true;
	for (size_t i = 0; i < p->n_levels && i < l->depth; i++) {
		*fits &= solve(sh, &p->level[i].code, l->area_code[i], out);
		if (p->level[i].name.n)
			solve(sh, &p->level[i].name, l->area_name[i], out);
	}
	if (p->direction_col.n) {
		const char *w = l->dir == BL_DIR_INCOME ? p->income_word[0] : p->expense_word[0];
		solve(sh, &p->direction_col, w, out);
	}
	const char *code = l->code, *title = l->title;
	char *key = NULL, *ktitle = NULL;
	if (p->same_line == BL_SAME_SUBLINES) {
		/* CODE.SUB and "TITLE – SUBTITLE", as the import made them. */
		const char *dot = strrchr(code, '.');
		if (dot) {
			key = strndup(code, (size_t)(dot - code));
			*fits &= solve(sh, &p->sub_code, dot + 1, out);
			code = key;
		} else {
			*fits = false;
		}
		const char *dash = strstr(title, " – ");
		if (dash && p->sub_title.n) {
			ktitle = strndup(title, (size_t)(dash - title));
			solve(sh, &p->sub_title, dash + strlen(" – "), out);
			title = ktitle;
		}
	}
	*fits &= solve(sh, &p->code, code, out);
	*fits &= solve(sh, &p->title_t, title, out);
	free(key);
	free(ktitle);
	return 0;
}

bl_money bl_export_file_amount(const bl_export_shape *sh, bl_direction dir, bl_money stored)
{
	return sh->p->signs == BL_SIGNS_INCOME_NEGATIVE && dir == BL_DIR_INCOME ? -stored : stored;
}

void bl_export_amount(bl_money v, bool decimal_point, char *buf, size_t sz)
{
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if (m % 100)
		snprintf(buf, sz, "%s%" PRIu64 "%c%02" PRIu64, v < 0 ? "-" : "", m / 100,
			 decimal_point ? '.' : ',', m % 100);
	else
		snprintf(buf, sz, "%s%" PRIu64, v < 0 ? "-" : "", m / 100);
}
