/* import.c: rows of an export -> areas and lines (see import.h).
 *
 * One pass over the file.  A row is checked completely before anything of
 * it is kept, so that a rejected row leaves no trace in the lines, the
 * areas or the sums.  Lines are found by code through a hash table (a
 * municipality's export has up to a million rows); the sums are exact
 * (bl_money_add refuses an overflow, which rejects the row that caused
 * it). */
#include "config.h"
#include "core/import.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/text.h"

/* ---- templates ---- */

int bl_tmpl_parse(const char *src, bl_tmpl *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (!src || !*src)
		return bl_err_set(err, _("it is empty; expected a column name or a text such as"
					 " \"{avdeling}.{tjeneste}\""));
	out->source = strdup(src);
	if (!out->source)
		return bl_err_set(err, _("out of memory"));
	if (!strchr(src, '{') && !strchr(src, '}')) {
		out->part = calloc(1, sizeof *out->part);
		if (!out->part || !(out->part[0].text = strdup(src))) {
			bl_tmpl_free(out);
			return bl_err_set(err, _("out of memory"));
		}
		out->part[0].column = true;
		out->part[0].col = -1;
		out->n = 1;
		return 0;
	}
	size_t cap = 0;
	for (const char *p = src; *p;) {
		const char *open = strchr(p, '{'), *close = strchr(p, '}');
		bool col = open == p;
		const char *end;
		if (col) {
			close = strchr(p, '}');
			if (!close) {
				bl_tmpl_free(out);
				return bl_err_set(err, _("a '{' is not closed; expected {COLUMN}"));
			}
			if (close == p + 1) {
				bl_tmpl_free(out);
				return bl_err_set(err, _("'{}' names no column; expected {COLUMN}"));
			}
			p++;
			end = close;
		} else {
			if (close && (!open || close < open)) {
				bl_tmpl_free(out);
				return bl_err_set(err, _("a '}' without its '{'; expected {COLUMN}"));
			}
			end = open ? open : p + strlen(p);
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			bl_tmpl_part *np = realloc(out->part, cap * sizeof *np);
			if (!np) {
				bl_tmpl_free(out);
				return bl_err_set(err, _("out of memory"));
			}
			out->part = np;
		}
		bl_tmpl_part *pt = &out->part[out->n];
		const char *bar = col ? memchr(p, '|', (size_t)(end - p)) : NULL;
		pt->text = strndup(p, (size_t)((bar ? bar : end) - p));
		pt->dflt = bar ? strndup(bar + 1, (size_t)(end - bar - 1)) : NULL;
		pt->column = col;
		pt->col = -1;
		if (!pt->text || (bar && !pt->dflt)) {
			free(pt->text);
			free(pt->dflt);
			bl_tmpl_free(out);
			return bl_err_set(err, _("out of memory"));
		}
		if (col && (!*pt->text || (bar && !*pt->dflt))) {
			free(pt->text);
			free(pt->dflt);
			bl_tmpl_free(out);
			return bl_err_set(err, _("'{%.*s}' names no column or gives an empty text"
						 " after '|'; expected {COLUMN} or {COLUMN|TEXT}"),
					  (int)(end - p), p);
		}
		out->n++;
		p = col ? end + 1 : end;
	}
	return 0;
}

void bl_tmpl_free(bl_tmpl *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->part[i].text);
		free(t->part[i].dflt);
	}
	free(t->part);
	free(t->source);
	memset(t, 0, sizeof *t);
}

void bl_import_profile_free(bl_import_profile *p)
{
	if (!p)
		return;
	free(p->path);
	free(p->name);
	free(p->title);
	free(p->description);
	for (size_t i = 0; i < p->n_levels; i++) {
		bl_tmpl_free(&p->level[i].code);
		bl_tmpl_free(&p->level[i].name);
	}
	bl_tmpl_free(&p->code);
	bl_tmpl_free(&p->title_t);
	bl_tmpl_free(&p->direction_col);
	for (size_t i = 0; i < p->n_income; i++)
		free(p->income_word[i]);
	for (size_t i = 0; i < p->n_expense; i++)
		free(p->expense_word[i]);
	for (size_t i = 0; i < p->n_amounts; i++) {
		free(p->amount[i].column);
		free(p->amount[i].year_column);
	}
	free(p->version);
	bl_tmpl_free(&p->sub_code);
	bl_tmpl_free(&p->sub_title);
	free(p);
}

/* ---- a growing string ---- */

typedef struct sbuf {
	char *s;
	size_t n, cap;
	bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void sb_clear(sbuf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* libcsv trims spaces and tabs already; this also takes the no-break
 * spaces a spreadsheet pads numbers with. */
void bl_import_trim(const char *s, size_t n, const char **out, size_t *on)
{
	while (n && (s[0] == ' ' || s[0] == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		s += 2, n -= 2;
	while (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
		n -= 2;
	*out = s;
	*on = n;
}

/* Render t from the row into b (cleared first).  Returns the index of
 * the first column that is empty in the row, or -1: a code such as
 * "{avdeling}.{tjeneste}" is no code when one of its columns is empty. */
static int render(const bl_tmpl *t, const bl_csv_row *row, sbuf *b)
{
	int empty = -1;
	sb_clear(b);
	sb_add(b, "", 0);
	for (size_t i = 0; i < t->n; i++) {
		const bl_tmpl_part *p = &t->part[i];
		if (!p->column) {
			sb_add(b, p->text, strlen(p->text));
			continue;
		}
		const char *s;
		size_t n;
		bl_import_trim(row->field[p->col], row->len[p->col], &s, &n);
		if (n == 0 && p->dflt) {
			s = p->dflt;
			n = strlen(s);
		}
		if (n == 0 && empty < 0)
			empty = p->col;
		sb_add(b, s, n);
	}
	return empty;
}

/* ---- the hash of line codes and of areas ---- */

typedef struct bl_import_index {
	size_t *slot; /* index + 1, 0 empty */
	size_t cap, n;
	size_t *aslot; /* areas: index + 1 */
	size_t acap, an;
} bl_import_index;

static uint64_t hash_str(const char *s, uint64_t h)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static bool rehash(size_t **slot, size_t *cap, size_t n, const bl_import *imp, bool areas)
{
	if ((n + 1) * 2 <= *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 1024;
	size_t *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return false;
	for (size_t i = 0; i < *cap; i++) {
		size_t v = (*slot)[i];
		if (!v)
			continue;
		uint64_t h = areas ? hash_str(imp->areas[v - 1].code,
					      14695981039346656037u ^ imp->areas[v - 1].parent)
				   : hash_str(imp->lines[v - 1].code, 14695981039346656037u);
		size_t j = (size_t)(h & (ncap - 1));
		while (ns[j])
			j = (j + 1) & (ncap - 1);
		ns[j] = v;
	}
	free(*slot);
	*slot = ns;
	*cap = ncap;
	return true;
}

/* The slot of code: holding its line, or the empty slot to put it in. */
static size_t *line_slot(bl_import *imp, const char *code)
{
	bl_import_index *x = imp->index;
	size_t j = (size_t)(hash_str(code, 14695981039346656037u) & (x->cap - 1));
	while (x->slot[j] && strcmp(imp->lines[x->slot[j] - 1].code, code) != 0)
		j = (j + 1) & (x->cap - 1);
	return &x->slot[j];
}

static size_t *area_slot(bl_import *imp, size_t parent, const char *code)
{
	bl_import_index *x = imp->index;
	size_t j = (size_t)(hash_str(code, 14695981039346656037u ^ parent) & (x->acap - 1));
	while (x->aslot[j] && (imp->areas[x->aslot[j] - 1].parent != parent ||
			       strcmp(imp->areas[x->aslot[j] - 1].code, code) != 0))
		j = (j + 1) & (x->acap - 1);
	return &x->aslot[j];
}

/* ---- the header ---- */

static bool same_name(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

static int find_column(const bl_import *imp, const char *name)
{
	for (size_t i = 0; i < imp->n_header; i++)
		if (strcmp(imp->header[i], name) == 0)
			return (int)i;
	for (size_t i = 0; i < imp->n_header; i++)
		if (same_name(imp->header[i], name))
			return (int)i;
	return -1;
}

/* "FILE:LINE:COL: " of the profile, for messages about what it says. */
static const char *at_profile(const bl_import_profile *p, int line, int col, char *buf,
			      size_t sz)
{
	if (line > 0)
		snprintf(buf, sz, "%s:%d:%d: ", p->path ? p->path : p->name, line, col);
	else
		snprintf(buf, sz, "%s: ", p->path ? p->path : p->name);
	return buf;
}

static int header_list(const bl_import *imp, char *buf, size_t sz)
{
	size_t pos = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < imp->n_header && pos + 8 < sz; i++) {
		int w = snprintf(buf + pos, sz - pos, "%s%s", i ? ", " : "", imp->header[i]);
		if (w < 0 || (size_t)w >= sz - pos) {
			snprintf(buf + (sz > 5 ? sz - 5 : 0), 5, "...");
			break;
		}
		pos += (size_t)w;
	}
	return 0;
}

static int resolve_tmpl(const bl_import *imp, bl_tmpl *t, const char *what, bl_err *err)
{
	for (size_t i = 0; i < t->n; i++) {
		bl_tmpl_part *pt = &t->part[i];
		if (!pt->column)
			continue;
		pt->col = find_column(imp, pt->text);
		if (pt->col < 0) {
			char at[600], list[1024], q[BL_QUOTE_MAX];
			header_list(imp, list, sizeof list);
			bl_text_quote(pt->text, strlen(pt->text), q);
			return bl_err_set(err, _("%sthe %s names the column '%s', which is not in the"
						 " header of '%s'; expected one of: %s"),
					  at_profile(imp->profile, t->line, t->col, at, sizeof at), what,
					  q, bl_csv_name(imp->csv), list);
		}
	}
	return 0;
}

/* Amount columns, resolved: header index and year (0: from year_col). */
typedef struct amount_col {
	int col, year, year_col;
} amount_col;

/* The year a column's name holds as a whole number ("Budget 2025",
 * "2025"), or 0 if none or several. */
static int year_in(const char *s)
{
	int found = 0;
	for (const char *p = s; *p; p++) {
		if (p[0] < '0' || p[0] > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		size_t n = strspn(p, "0123456789");
		if (n == 4) {
			char y[5] = { p[0], p[1], p[2], p[3], 0 };
			int v = atoi(y);
			if (v >= 1900 && v <= 2190) {
				if (found && found != v)
					return 0;
				found = v;
			}
		}
		p += n - 1;
	}
	return found;
}

void bl_amount_column_name(const bl_amount_map *m, int year, char *buf, size_t sz)
{
	const char *c = m->column ? m->column : "";
	const char *y = strstr(c, "{year}");
	if (!y || m->kind == BL_YEAR_COLUMN)
		snprintf(buf, sz, "%s", c);
	else
		snprintf(buf, sz, "%.*s%d%s", (int)(y - c), c, year, y + 6);
}

int bl_import_profile_by_year(bl_import_profile *p, int budget_year)
{
	for (size_t i = 0; i < p->n_amounts; i++) {
		bl_amount_map *m = &p->amount[i];
		if ((m->kind != BL_YEAR_FIXED && m->kind != BL_YEAR_BUDGET) || !m->column ||
		    strstr(m->column, "{year}"))
			continue;
		int year = m->kind == BL_YEAR_FIXED ? m->year : budget_year + m->year;
		if (year_in(m->column) != year || year < budget_year || year > budget_year + 9)
			continue;
		/* The year's digits in the name (the first whole number that is
		 * the year) become {year}. */
		char ys[8];
		snprintf(ys, sizeof ys, "%d", year);
		const char *at = m->column;
		while ((at = strstr(at, ys)) != NULL) {
			bool whole = (at == m->column || at[-1] < '0' || at[-1] > '9') &&
				     (at[4] < '0' || at[4] > '9');
			if (whole)
				break;
			at++;
		}
		if (!at)
			continue;
		size_t len = strlen(m->column) + 8;
		char *c = malloc(len);
		if (!c)
			return -1;
		snprintf(c, len, "%.*s{year}%s", (int)(at - m->column), m->column, at + 4);
		free(m->column);
		m->column = c;
		m->kind = BL_YEAR_BUDGET;
		m->year = year - budget_year;
	}
	return 0;
}

bool bl_import_year_name(const char *s, int *year)
{
	if (strlen(s) != 4)
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1900 || y > 2190)
		return false;
	*year = y;
	return true;
}

static int resolve_amounts(bl_import *imp, amount_col *ac, size_t *n_ac, bl_err *err)
{
	const bl_import_profile *p = imp->profile;
	char at[600], list[1024];
	int last = imp->first_year + imp->n_years - 1;
	*n_ac = 0;
	for (size_t i = 0; i < p->n_amounts; i++) {
		const bl_amount_map *m = &p->amount[i];
		at_profile(p, m->line, m->col, at, sizeof at);
		if (m->kind == BL_YEAR_HEADERS) {
			size_t found = 0;
			for (size_t k = 0; k < imp->n_header; k++) {
				int y;
				if (!bl_import_year_name(imp->header[k], &y))
					continue;
				if (y < imp->first_year || y > last)
					return bl_err_set(err, _("%sthe column '%s' of '%s' is the year %d,"
								 " outside the process (%d-%d); expected"
								 " only the process's years as column"
								 " names (or map the columns one by one)"),
							  at, imp->header[k], bl_csv_name(imp->csv), y,
							  imp->first_year, last);
				if (*n_ac == BL_IMPORT_MAX_AMOUNTS)
					return bl_err_set(err, _("%smore than %d amount columns"), at,
							  BL_IMPORT_MAX_AMOUNTS);
				ac[(*n_ac)++] = (amount_col){ (int)k, y, -1 };
				found++;
			}
			if (!found) {
				header_list(imp, list, sizeof list);
				return bl_err_set(err, _("%sno column of '%s' is named by a year; expected"
							 " columns such as %d, %d (the header has: %s)"),
						  at, bl_csv_name(imp->csv), imp->first_year,
						  imp->first_year + 1, list);
			}
			continue;
		}
		amount_col a = { -1, 0, -1 };
		if (m->kind != BL_YEAR_COLUMN) {
			a.year = m->kind == BL_YEAR_BUDGET ? imp->first_year + m->year : m->year;
			if (a.year < imp->first_year || a.year > last)
				return bl_err_set(err, _("%sthe column '%s' is mapped to %d, outside the"
							 " process (%d-%d); expected a year of the"
							 " process%s"),
						  at, m->column, a.year, imp->first_year, last,
						  m->kind == BL_YEAR_FIXED
							  ? _(" (or a process for that year: budgetlab"
							      " create --budget-year)")
							  : "");
		}
		char name[512];
		bl_amount_column_name(m, a.year, name, sizeof name);
		a.col = find_column(imp, name);
		if (a.col < 0) {
			header_list(imp, list, sizeof list);
			return bl_err_set(err, _("%sthe amount column '%s' is not in the header of '%s';"
						 " expected one of: %s"),
					  at, name, bl_csv_name(imp->csv), list);
		}
		if (m->kind == BL_YEAR_COLUMN) {
			a.year_col = find_column(imp, m->year_column);
			if (a.year_col < 0) {
				header_list(imp, list, sizeof list);
				return bl_err_set(err, _("%sthe year column '%s' is not in the header of"
							 " '%s'; expected one of: %s"),
						  at, m->year_column, bl_csv_name(imp->csv), list);
			}
		} else {
			/* "Budget 2025" taken as 2026 would move a whole budget a
			 * year without a word: a column whose name says another
			 * year is refused. */
			int named = year_in(imp->header[a.col]);
			if (named && named != a.year)
				return bl_err_set(err, _("%sthe column '%s' is mapped to %d, but its name"
							 " says %d; expected the column of %d (write the"
							 " profile's column as \"...{year}...\", e.g."
							 " \"Budget {year}\", to take the year's column"
							 " whatever the year)"),
						  at, imp->header[a.col], a.year, named, a.year);
		}
		ac[(*n_ac)++] = a;
	}
	for (size_t i = 0; i < *n_ac; i++)
		for (size_t j = 0; j < i; j++) {
			if (ac[i].col == ac[j].col)
				return bl_err_set(err, _("%sthe column '%s' is mapped twice; expected each"
							 " amount column once"),
						  at_profile(p, 0, 0, at, sizeof at),
						  imp->header[ac[i].col]);
			if (ac[i].year && ac[i].year == ac[j].year)
				return bl_err_set(err, _("%sthe columns '%s' and '%s' are both %d;"
							 " expected one column a year"),
						  at_profile(p, 0, 0, at, sizeof at),
						  imp->header[ac[j].col], imp->header[ac[i].col],
						  ac[i].year);
		}
	return 0;
}

/* ---- rejects ---- */

static int reject(bl_import *imp, const bl_csv_row *row, const char *fmt, ...)
	BL_PRINTF(3, 4);
static int reject(bl_import *imp, const bl_csv_row *row, const char *fmt, ...)
{
	if (imp->n_rejects == imp->cap_rejects) {
		size_t cap = imp->cap_rejects ? imp->cap_rejects * 2 : 64;
		bl_import_reject *r = realloc(imp->rejects, cap * sizeof *r);
		if (!r)
			return -1;
		imp->rejects = r;
		imp->cap_rejects = cap;
	}
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	bl_import_reject *r = &imp->rejects[imp->n_rejects];
	r->line = row->line;
	r->raw = row->raw;
	r->raw_len = row->raw_len;
	r->reason = strdup(buf);
	if (!r->reason)
		return -1;
	imp->n_rejects++;
	return 0;
}

/* ---- one row ---- */

typedef struct row_ctx {
	bl_import *imp;
	amount_col ac[BL_IMPORT_MAX_AMOUNTS];
	size_t n_ac;
	sbuf code, title, sub, subt, tmp, dir;
	sbuf lcode[BL_IMPORT_MAX_LEVELS], lname[BL_IMPORT_MAX_LEVELS];
	bl_lang num_lang;
} row_ctx;

static const char *col_name(const bl_import *imp, const bl_tmpl *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->part[i].column)
			return imp->header[t->part[i].col];
	return t->source;
}

static bool has_ctl(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
			return true;
	return false;
}

static int add_area(bl_import *imp, size_t parent, const char *code, const char *name, int level,
		    size_t *idx)
{
	bl_import_index *x = imp->index;
	if (!rehash(&x->aslot, &x->acap, x->an, imp, true))
		return -1;
	size_t *slot = area_slot(imp, parent, code);
	if (*slot) {
		*idx = *slot;
		return 0;
	}
	if (imp->n_areas == imp->cap_areas) {
		size_t cap = imp->cap_areas ? imp->cap_areas * 2 : 64;
		bl_import_area *a = realloc(imp->areas, cap * sizeof *a);
		if (!a)
			return -1;
		imp->areas = a;
		imp->cap_areas = cap;
	}
	bl_import_area *a = &imp->areas[imp->n_areas];
	memset(a, 0, sizeof *a);
	a->parent = parent;
	a->level = level;
	a->code = strdup(code);
	a->name = strdup(name && *name ? name : code);
	if (!a->code || !a->name) {
		free(a->code);
		free(a->name);
		return -1;
	}
	imp->n_areas++;
	*slot = imp->n_areas;
	x->an++;
	*idx = imp->n_areas;
	return 0;
}

static int note_row(bl_import *imp, const bl_csv_row *row, size_t line)
{
	size_t i = (size_t)imp->rows - 1;
	if (i >= imp->cap_rows) {
		size_t cap = imp->cap_rows ? imp->cap_rows * 2 : 1024;
		size_t *rl = realloc(imp->row_line, cap * sizeof *rl);
		if (!rl)
			return -1;
		imp->row_line = rl;
		const char **rr = realloc(imp->row_raw, cap * sizeof *rr);
		if (!rr)
			return -1;
		imp->row_raw = rr;
		size_t *rn = realloc(imp->row_raw_len, cap * sizeof *rn);
		if (!rn)
			return -1;
		imp->row_raw_len = rn;
		long *no = realloc(imp->row_no, cap * sizeof *no);
		if (!no)
			return -1;
		imp->row_no = no;
		imp->cap_rows = cap;
	}
	imp->row_line[i] = line;
	imp->row_raw[i] = row->raw;
	imp->row_raw_len[i] = row->raw_len;
	imp->row_no[i] = row->line;
	return 0;
}

static const char *dir_word(bl_direction d)
{
	return d == BL_DIR_INCOME ? _("income") : _("expense");
}

/* 0: taken or rejected; -1: out of memory. */
static int one_row(row_ctx *c, const bl_csv_row *row)
{
	bl_import *imp = c->imp;
	const bl_import_profile *p = imp->profile;
	char q[BL_QUOTE_MAX];
	if (note_row(imp, row, 0) != 0)
		return -1;
	if (row->problem)
		return reject(imp, row, "%s", row->problem);
	if (row->n != imp->n_header)
		return reject(imp, row, _("the row has %zu fields; the header has %zu%s"), row->n,
			      imp->n_header,
			      row->n < imp->n_header ? _(" (is a delimiter missing, or the row cut"
							  " off?)")
						     : _(" (is a field with the delimiter in it"
							 " not quoted?)"));
	/* The areas. */
	for (size_t i = 0; i < p->n_levels; i++) {
		int le = render(&p->level[i].code, row, &c->lcode[i]);
		if (p->level[i].name.n)
			render(&p->level[i].name, row, &c->lname[i]);
		else
			sb_clear(&c->lname[i]), sb_add(&c->lname[i], "", 0);
		const char *code = c->lcode[i].s;
		if (le >= 0)
			return reject(imp, row, _("the area code (level %zu, column '%s') is empty;"
						  " expected a code"),
				      i + 1, imp->header[le]);
		if (strchr(code, '/') || has_ctl(code)) {
			bl_text_quote(code, strlen(code), q);
			return reject(imp, row, _("the area code '%s' (level %zu) contains '/' or a"
						  " control character; expected a code without"
						  " them"), q, i + 1);
		}
		if (has_ctl(c->lname[i].s)) {
			bl_text_quote(c->lname[i].s, strlen(c->lname[i].s), q);
			return reject(imp, row, _("the name of area '%s' (level %zu) contains a"
						  " control character ('%s'); expected plain text"),
				      code, i + 1, q);
		}
	}
	int e = render(&p->code, row, &c->code);
	if (e >= 0)
		return reject(imp, row, _("the line code (column '%s') is empty; expected a code"),
			      imp->header[e]);
	render(&p->title_t, row, &c->title);
	if (has_ctl(c->code.s) || has_ctl(c->title.s))
		return reject(imp, row, _("the line code or title contains a control character;"
					  " expected plain text"));
	if (p->same_line == BL_SAME_SUBLINES) {
		e = render(&p->sub_code, row, &c->sub);
		if (p->sub_title.n)
			render(&p->sub_title, row, &c->subt);
		else
			sb_clear(&c->subt), sb_add(&c->subt, "", 0);
		if (e >= 0)
			return reject(imp, row, _("the sub-line code (column '%s') is empty;"
						  " expected a code"),
				      imp->header[e]);
	}
	/* The direction from a column. */
	int dir = -1;
	if (p->direction_col.n) {
		render(&p->direction_col, row, &c->dir);
		for (size_t i = 0; i < p->n_income && dir < 0; i++)
			if (strcasecmp(c->dir.s, p->income_word[i]) == 0)
				dir = BL_DIR_INCOME;
		for (size_t i = 0; i < p->n_expense && dir < 0; i++)
			if (strcasecmp(c->dir.s, p->expense_word[i]) == 0)
				dir = BL_DIR_EXPENSE;
		if (dir < 0) {
			bl_text_quote(c->dir.s, strlen(c->dir.s), q);
			return reject(imp, row, _("the column '%s' is '%s'; expected %s (income) or"
						  " %s (expense)"),
				      col_name(imp, &p->direction_col), q, p->income_word[0],
				      p->expense_word[0]);
		}
	}
	/* The amounts, as the file signs them. */
	bl_money file[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS] = { false };
	for (size_t i = 0; i < c->n_ac; i++) {
		const amount_col *a = &c->ac[i];
		const char *s;
		size_t n;
		bl_import_trim(row->field[a->col], row->len[a->col], &s, &n);
		if (n == 0)
			continue; /* an empty cell: no amount */
		int year = a->year;
		if (a->year_col >= 0) {
			const char *ys;
			size_t yn;
			bl_import_trim(row->field[a->year_col], row->len[a->year_col], &ys, &yn);
			char yb[8] = "";
			if (yn < sizeof yb)
				memcpy(yb, ys, yn), yb[yn] = '\0';
			if (!bl_import_year_name(yb, &year)) {
				bl_text_quote(ys, yn, q);
				return reject(imp, row, _("the year column '%s' is '%s'; expected a year"
							  " such as %d"),
					      imp->header[a->year_col], q, imp->first_year);
			}
			if (year < imp->first_year || year >= imp->first_year + imp->n_years)
				return reject(imp, row, _("the year %d (column '%s') is outside the"
							  " process (%d-%d)"),
					      year, imp->header[a->year_col], imp->first_year,
					      imp->first_year + imp->n_years - 1);
		}
		int y = year - imp->first_year;
		bl_err pe;
		bl_money v;
		if (bl_money_parse_csv(s, n, c->num_lang, &v, &pe) != 0) {
			/* Written with the other decimal separator: the profile's
			 * "decimal" decides, not the process, so say that. */
			bl_lang other = c->num_lang == BL_LANG_EN ? BL_LANG_DA : BL_LANG_EN;
			if (bl_money_parse_csv(s, n, other, NULL, NULL) == 0 &&
			    memchr(s, other == BL_LANG_EN ? '.' : ',', n)) {
				bl_text_quote(s, n, q);
				return reject(imp, row, _("column '%s': \"%s\" is written with a decimal"
							  " %s, but the profile says decimal: %s"
							  " (change it, or the file)"),
					      imp->header[a->col], q,
					      other == BL_LANG_EN ? _("point") : _("comma"),
					      p->decimal_point ? "point" : "comma");
			}
			return reject(imp, row, _("column '%s': %s"), imp->header[a->col], pe.msg);
		}
		if (has[y]) {
			/* INT64_MIN is no amount (money.h) and is negated
			 * below for income: refused like an overflow. */
			if (!bl_money_add(file[y], v, &file[y]) || file[y] < BL_MONEY_MIN)
				return reject(imp, row, _("the amounts for %d overflow"), year);
		} else {
			file[y] = v;
			has[y] = true;
		}
	}
	/* The direction from the sign of the first amount. */
	if (dir < 0) {
		dir = BL_DIR_EXPENSE;
		for (int y = 0; y < imp->n_years; y++)
			if (has[y]) {
				dir = file[y] < 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
				break;
			}
	}
	bl_money stored[BL_MAX_YEARS];
	for (int y = 0; y < imp->n_years; y++)
		if (has[y])
			stored[y] = (p->signs == BL_SIGNS_INCOME_NEGATIVE && dir == BL_DIR_INCOME)
					    ? -file[y]
					    : file[y];
	/* The line's code. */
	if (p->same_line == BL_SAME_SUBLINES) {
		sb_add(&c->code, ".", 1);
		sb_add(&c->code, c->sub.s, c->sub.n);
		if (c->subt.s[0]) {
			if (c->title.s[0])
				sb_add(&c->title, " – ", strlen(" – "));
			sb_add(&c->title, c->subt.s, c->subt.n);
		}
	}
	if (c->code.oom || c->title.oom)
		return -1;
	bl_import_index *x = imp->index;
	if (!rehash(&x->slot, &x->cap, x->n, imp, false))
		return -1;
	size_t *slot = line_slot(imp, c->code.s);
	if (*slot && p->same_line == BL_SAME_SUBLINES) {
		/* The same sub-line code again (Bergen repeats a change group
		 * under a service): numbered, in the file's order. */
		size_t base = c->code.n;
		for (unsigned k = 2; *slot; k++) {
			char num[16];
			c->code.n = base;
			int w = snprintf(num, sizeof num, "-%u", k);
			sb_add(&c->code, num, (size_t)w);
			if (c->code.oom)
				return -1;
			slot = line_slot(imp, c->code.s);
		}
	}
	/* The areas, now that the row is known to be sound apart from the
	 * line's. */
	size_t area = 0;
	if (*slot) {
		bl_import_line *l = &imp->lines[*slot - 1];
		if (p->direction_col.n == 0 && (int)l->dir != dir) {
			/* With the direction from the sign, a line's
			 * direction is the sign of its first amount (import.h);
			 * a later row of the other sign (a refund on an
			 * expense) is summed into it, in the line's direction.
			 * It was rejected as "another direction", which no
			 * code can tell apart. */
			dir = (int)l->dir;
			for (int y = 0; y < imp->n_years; y++)
				if (has[y])
					stored[y] = (p->signs == BL_SIGNS_INCOME_NEGATIVE &&
						     dir == BL_DIR_INCOME)
							    ? -file[y]
							    : file[y];
		}
		/* Which area the row names, without creating it. */
		size_t parent = 0;
		bool same = p->n_levels > 0 || l->area == 0;
		for (size_t i = 0; i < p->n_levels && same; i++) {
			if (!x->acap) {
				same = false;
				break;
			}
			size_t *as = area_slot(imp, parent, c->lcode[i].s);
			if (!*as)
				same = false;
			else
				parent = *as;
		}
		if (!same || parent != l->area || (int)l->dir != dir) {
			bl_text_quote(c->code.s, strlen(c->code.s), q);
			return reject(imp, row, _("the line code '%s' is already the %s line of line"
						  " %ld in another area or direction; expected one"
						  " area and direction for a code (make the code"
						  " tell them apart, e.g. add the area or direction"
						  " column to it)"),
				      q, dir_word(l->dir), l->first_row);
		}
		bl_money sum[BL_MAX_YEARS];
		for (int y = 0; y < imp->n_years; y++) {
			if (!has[y])
				continue;
			sum[y] = stored[y];
			/* A sum of INT64_MIN is no amount either (money.h). */
			if (l->has[y] && (!bl_money_add(l->amount[y], stored[y], &sum[y]) ||
					  sum[y] < BL_MONEY_MIN)) {
				bl_text_quote(c->code.s, strlen(c->code.s), q);
				return reject(imp, row, _("the sum of line '%s' for %d does not fit in"
							  " 64 bits"), q, imp->first_year + y);
			}
		}
		for (int y = 0; y < imp->n_years; y++)
			if (has[y]) {
				l->amount[y] = sum[y];
				l->has[y] = true;
			}
		imp->row_line[imp->rows - 1] = *slot;
	} else {
		for (size_t i = 0; i < p->n_levels; i++)
			if (add_area(imp, area, c->lcode[i].s, c->lname[i].s, (int)i + 1, &area) != 0)
				return -1;
		if (imp->n_lines == imp->cap_lines) {
			size_t cap = imp->cap_lines ? imp->cap_lines * 2 : 256;
			bl_import_line *nl = realloc(imp->lines, cap * sizeof *nl);
			if (!nl)
				return -1;
			imp->lines = nl;
			imp->cap_lines = cap;
		}
		bl_import_line *l = &imp->lines[imp->n_lines];
		memset(l, 0, sizeof *l);
		l->code = strdup(c->code.s);
		l->title = strdup(c->title.s[0] ? c->title.s : c->code.s);
		if (!l->code || !l->title) {
			free(l->code);
			free(l->title);
			return -1;
		}
		l->dir = (bl_direction)dir;
		l->area = area;
		l->first_row = row->line;
		for (int y = 0; y < imp->n_years; y++) {
			l->has[y] = has[y];
			l->amount[y] = has[y] ? stored[y] : 0;
		}
		imp->n_lines++;
		*slot = imp->n_lines;
		x->n++;
		imp->row_line[imp->rows - 1] = imp->n_lines;
	}
	for (int y = 0; y < imp->n_years; y++)
		if (has[y]) {
			bl_money_sum_add(&imp->sum[y], file[y]);
			imp->year_seen[y] = true;
		}
	return 0;
}

static void row_ctx_free(row_ctx *c)
{
	free(c->code.s);
	free(c->title.s);
	free(c->sub.s);
	free(c->subt.s);
	free(c->tmp.s);
	free(c->dir.s);
	for (size_t i = 0; i < BL_IMPORT_MAX_LEVELS; i++) {
		free(c->lcode[i].s);
		free(c->lname[i].s);
	}
}

int bl_import_read(bl_import *imp, bl_import_profile *p, bl_csv *csv,
		   const bl_process_def *def, bl_err *err)
{
	return bl_import_read_n(imp, p, csv, def, 0, err);
}

int bl_import_read_n(bl_import *imp, bl_import_profile *p, bl_csv *csv,
		     const bl_process_def *def, int64_t max_rows, bl_err *err)
{
	memset(imp, 0, sizeof *imp);
	imp->profile = p;
	imp->csv = csv;
	imp->first_year = def->budget_year;
	imp->n_years = bl_process_n_years(def);
	imp->lang = def->lang;
	imp->index = calloc(1, sizeof *imp->index);
	if (!imp->index)
		return bl_err_set(err, _("out of memory"));
	bl_csv_row row;
	int r = bl_csv_next(csv, &row, err);
	if (r < 0)
		return -1;
	if (r == 0)
		return bl_err_set(err, _("'%s' has no header line; expected the column names on"
					 " the first line"), bl_csv_name(csv));
	if (row.problem)
		return bl_err_set(err, _("'%s' line %ld (the header): %s"), bl_csv_name(csv),
				  row.line, row.problem);
	imp->header = calloc(row.n, sizeof *imp->header);
	if (!imp->header)
		return bl_err_set(err, _("out of memory"));
	for (size_t i = 0; i < row.n; i++) {
		const char *s;
		size_t n;
		bl_import_trim(row.field[i], row.len[i], &s, &n);
		if (!(imp->header[i] = strndup(s, n)))
			return bl_err_set(err, _("out of memory"));
		imp->n_header++;
	}
	imp->header_raw = row.raw;
	imp->header_raw_len = row.raw_len;

	for (size_t i = 0; i < p->n_levels; i++) {
		if (resolve_tmpl(imp, &p->level[i].code, _("area code"), err) != 0 ||
		    resolve_tmpl(imp, &p->level[i].name, _("area name"), err) != 0)
			return -1;
	}
	if (resolve_tmpl(imp, &p->code, _("line code"), err) != 0 ||
	    resolve_tmpl(imp, &p->title_t, _("line title"), err) != 0 ||
	    resolve_tmpl(imp, &p->direction_col, _("direction column"), err) != 0)
		return -1;
	/* The sub-line's columns only matter when rows are kept apart: a
	 * file exported in the summed shape does not have them. */
	if (p->same_line == BL_SAME_SUBLINES &&
	    (resolve_tmpl(imp, &p->sub_code, _("sub-line code"), err) != 0 ||
	     resolve_tmpl(imp, &p->sub_title, _("sub-line title"), err) != 0))
		return -1;
	row_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return bl_err_set(err, _("out of memory"));
	c->imp = imp;
	if (resolve_amounts(imp, c->ac, &c->n_ac, err) != 0) {
		free(c);
		return -1;
	}
	/* Numbers: the profile's decimal separator; groups as the parser
	 * takes them (a space, a no-break space, or the other separator). */
	c->num_lang = p->decimal_point ? BL_LANG_EN
					: (def->lang == BL_LANG_NB ? BL_LANG_NB : BL_LANG_DA);
	int rc = 0;
	while ((max_rows <= 0 || imp->rows < max_rows) && (r = bl_csv_next(csv, &row, err)) == 1) {
		imp->rows++;
		if (one_row(c, &row) != 0) {
			rc = bl_err_set(err, _("out of memory reading '%s'"), bl_csv_name(csv));
			break;
		}
	}
	if (r < 0)
		rc = -1;
	row_ctx_free(c);
	free(c);
	return rc;
}

size_t bl_import_reject_missing_areas(bl_import *imp)
{
	/* An area is missing if it or a parent is (parents come first). */
	for (size_t i = 0; i < imp->n_areas; i++)
		if (imp->areas[i].parent && imp->areas[imp->areas[i].parent - 1].missing)
			imp->areas[i].missing = true;
	size_t n = 0;
	char q[BL_QUOTE_MAX];
	for (int64_t i = 0; i < imp->rows; i++) {
		size_t li = imp->row_line[i];
		if (!li || !imp->lines[li - 1].area || !imp->areas[imp->lines[li - 1].area - 1].missing)
			continue;
		const bl_import_area *a = &imp->areas[imp->lines[li - 1].area - 1];
		while (a->parent && imp->areas[a->parent - 1].missing)
			a = &imp->areas[a->parent - 1];
		bl_text_quote(a->code, strlen(a->code), q);
		bl_csv_row row = { .line = imp->row_no[i], .raw = imp->row_raw[i],
				   .raw_len = imp->row_raw_len[i] };
		if (reject(imp, &row, _("the area '%s' is not in the process; expected one of its"
					" areas (or let the profile create areas: new_areas: true)"),
			   q) != 0)
			break;
		n++;
	}
	/* Drop the lines, and take their rows out of the sums. */
	size_t o = 0;
	for (size_t i = 0; i < imp->n_lines; i++) {
		bl_import_line *l = &imp->lines[i];
		if (l->area && imp->areas[l->area - 1].missing) {
			for (int y = 0; y < imp->n_years; y++)
				if (l->has[y]) {
					/* The stored amount back to the file's sign. */
					bool neg = imp->profile->signs == BL_SIGNS_INCOME_NEGATIVE &&
						   l->dir == BL_DIR_INCOME;
					bl_money_sum_sub(&imp->sum[y], neg ? -l->amount[y] : l->amount[y]);
				}
			free(l->code);
			free(l->title);
			continue;
		}
		imp->lines[o++] = *l;
	}
	imp->n_lines = o;
	/* Rows -> lines no longer holds; nothing reads it after this. */
	free(imp->index->slot);
	imp->index->slot = NULL;
	imp->index->cap = imp->index->n = 0;
	return n;
}

void bl_import_free(bl_import *imp)
{
	for (size_t i = 0; i < imp->n_header; i++)
		free(imp->header[i]);
	free(imp->header);
	for (size_t i = 0; i < imp->n_lines; i++) {
		free(imp->lines[i].code);
		free(imp->lines[i].title);
	}
	free(imp->lines);
	for (size_t i = 0; i < imp->n_areas; i++) {
		free(imp->areas[i].code);
		free(imp->areas[i].name);
	}
	free(imp->areas);
	for (size_t i = 0; i < imp->n_rejects; i++)
		free(imp->rejects[i].reason);
	free(imp->rejects);
	free(imp->row_line);
	free(imp->row_raw);
	free(imp->row_raw_len);
	free(imp->row_no);
	if (imp->index) {
		free(imp->index->slot);
		free(imp->index->aslot);
		free(imp->index);
	}
	memset(imp, 0, sizeof *imp);
}

bool bl_import_year_sum(const bl_import *imp, int i, bl_money *out)
{
	return bl_money_sum_get(&imp->sum[i], out);
}

static int cmp_reject(const void *a, const void *b)
{
	const bl_import_reject *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

int bl_import_write_rejects(const bl_import *imp, const char *path, bl_err *err)
{
	size_t len = strlen(path) + 32;
	char *tmp = malloc(len);
	if (!tmp)
		return bl_err_set(err, _("out of memory"));
	snprintf(tmp, len, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wx");
	if (!f) {
		int e = errno;
		free(tmp);
		return bl_err_set(err, _("cannot write the rejected rows to '%s': %s"), path,
				  strerror(e));
	}
	/* In the order of the file (an area found missing later rejects
	 * rows from anywhere). */
	bl_import_reject *r = NULL;
	if (imp->n_rejects) {
		r = malloc(imp->n_rejects * sizeof *r);
		if (!r) {
			fclose(f);
			remove(tmp);
			free(tmp);
			return bl_err_set(err, _("out of memory"));
		}
		memcpy(r, imp->rejects, imp->n_rejects * sizeof *r);
		qsort(r, imp->n_rejects, sizeof *r, cmp_reject);
	}
	if (bl_csv_bom(imp->csv))
		fputs("\xEF\xBB\xBF", f);
	fwrite(imp->header_raw, 1, imp->header_raw_len, f);
	for (size_t i = 0; i < imp->n_rejects; i++) {
		fwrite(r[i].raw, 1, r[i].raw_len, f);
		/* The file's last row may have no line end. */
		if (r[i].raw_len && r[i].raw[r[i].raw_len - 1] != '\n' &&
		    r[i].raw[r[i].raw_len - 1] != '\r')
			fputs("\r\n", f);
	}
	free(r);
	int bad = ferror(f) != 0;
	if (fclose(f) != 0)
		bad = 1;
	if (bad || rename(tmp, path) != 0) {
		int e = errno;
		remove(tmp);
		free(tmp);
		return bl_err_set(err, _("cannot write the rejected rows to '%s': %s"), path,
				  strerror(e));
	}
	free(tmp);
	return 0;
}
