/* vdiff.c: the difference between two versions of a budget (vdiff.h).
 *
 * The lines of each version are sorted by code and merged, so a million
 * lines cost a sort, not a scan per line.  Area sums use bl_money_sum:
 * exact whatever the order of the lines, so that an area whose lines
 * only pass INT64_MAX on the way (MAX + 1 - 1) still has its true sum,
 * and one whose true sum does not fit is an error naming it. */
#include "config.h"
#include "core/vdiff.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv_read.h"
#include "core/i18n.h"
#include "core/import_export.h"
#include "core/text.h"

/* ---- helpers ---- */

static char *dup_str(const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* Area paths in tree order: '/' sorts before every other byte, so
 * "BSU" < "BSU/SKOLE" < "BSU-X". */
static int path_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned x = (unsigned char)*a, y = (unsigned char)*b;
		if (x == '/')
			x = 1;
		if (y == '/')
			y = 1;
		if (x != y || !x)
			return (x > y) - (x < y);
	}
}

const char *bl_vdiff_cause_table(void *ctx, const char *code, int year)
{
	const bl_vdiff_causes *t = ctx;
	for (size_t i = 0; t && i < t->n; i++)
		if (t->row[i].year == year && t->row[i].code && !strcmp(t->row[i].code, code))
			return t->row[i].label;
	return NULL;
}

bool bl_vdiff_cell_differs(const bl_vdiff_cell *c)
{
	return c->change != 0 || c->has_before != c->has_after;
}

void bl_vdiff_free(bl_vdiff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_lines; i++) {
		bl_vdiff_line *l = &d->line[i];
		free(l->code);
		free(l->title);
		free(l->area);
		free(l->old_title);
		free(l->old_area);
		for (int y = 0; y < BL_MAX_YEARS; y++)
			free(l->y[y].cause);
	}
	free(d->line);
	for (size_t i = 0; i < d->n_areas; i++)
		free(d->area[i].path);
	free(d->area);
	memset(d, 0, sizeof *d);
}

const bl_vdiff_area *bl_vdiff_find_area(const bl_vdiff *d, const char *path)
{
	size_t lo = 0, hi = d->n_areas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = path_cmp(d->area[mid].path, path);
		if (!c)
			return &d->area[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- input checks ---- */

static int by_code(const void *a, const void *b)
{
	const bl_vdiff_src *x = *(const bl_vdiff_src *const *)a;
	const bl_vdiff_src *y = *(const bl_vdiff_src *const *)b;
	return strcmp(x->code, y->code);
}

static int check_side(const bl_vdiff_src *lines, size_t n, const char *side,
		      const bl_vdiff_src ***sorted, bl_err *err)
{
	*sorted = NULL;
	for (size_t i = 0; i < n; i++) {
		const bl_vdiff_src *l = &lines[i];
		if (!l->code || !*l->code)
			return bl_err_set(err, _("line %zu of the %s version has no code"), i + 1,
					  side);
		const char *a = nz(l->area);
		size_t an = strlen(a);
		if (an && (a[0] == '/' || a[an - 1] == '/' || strstr(a, "//"))) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(a, an, q);
			return bl_err_set(err, _("line %s of the %s version: the area path "
						 "\"%s\" has an empty part"),
					  l->code, side, q);
		}
	}
	const bl_vdiff_src **s = malloc((n ? n : 1) * sizeof *s);
	if (!s)
		return bl_err_set(err, _("out of memory"));
	for (size_t i = 0; i < n; i++)
		s[i] = &lines[i];
	qsort(s, n, sizeof *s, by_code);
	for (size_t i = 1; i < n; i++)
		if (!strcmp(s[i - 1]->code, s[i]->code)) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(s[i]->code, strlen(s[i]->code), q);
			free(s);
			return bl_err_set(err, _("the line code %s appears twice in the %s "
						 "version"),
					  q, side);
		}
	*sorted = s;
	return 0;
}

/* ---- areas ---- */

typedef struct acc {
	bl_money_sum inc[2], exp[2], bal[2]; /* [0] before, [1] after */
} acc;

typedef struct area_set {
	char **path;
	size_t n, cap;
} area_set;

static int set_add(area_set *s, const char *p, size_t len)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		char **np = realloc(s->path, cap * sizeof *np);
		if (!np)
			return -1;
		s->path = np;
		s->cap = cap;
	}
	char *c = malloc(len + 1);
	if (!c)
		return -1;
	memcpy(c, p, len);
	c[len] = 0;
	s->path[s->n++] = c;
	return 0;
}

/* The path and each of its ancestors. */
static int set_add_all(area_set *s, const char *path)
{
	size_t n = strlen(path);
	if (!n)
		return 0;
	for (size_t i = 0; i <= n; i++)
		if ((i == n || path[i] == '/') && set_add(s, path, i))
			return -1;
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return path_cmp(*(char *const *)a, *(char *const *)b);
}

static size_t area_index(const bl_vdiff *d, const char *path, size_t len)
{
	/* path[0..len) is in the set: a binary search on a prefix. */
	char buf[512];
	char *tmp = len < sizeof buf ? buf : malloc(len + 1);
	if (!tmp)
		return SIZE_MAX;
	memcpy(tmp, path, len);
	tmp[len] = 0;
	const bl_vdiff_area *a = bl_vdiff_find_area(d, tmp);
	if (tmp != buf)
		free(tmp);
	return a ? (size_t)(a - d->area) : SIZE_MAX;
}

static int add_line(bl_vdiff *d, acc *areas, acc *total, const bl_vdiff_src *l, int side)
{
	const char *p = nz(l->area);
	size_t n = strlen(p);
	for (int y = 0; y < d->n_years; y++) {
		if (!l->has[y])
			continue;
		bl_money v = l->amount[y];
		acc *t = &total[y];
		if (l->dir == BL_DIR_INCOME) {
			bl_money_sum_add(&t->inc[side], v);
			bl_money_sum_add(&t->bal[side], v);
		} else {
			bl_money_sum_add(&t->exp[side], v);
			bl_money_sum_sub(&t->bal[side], v);
		}
	}
	for (size_t i = 1; n && i <= n; i++) {
		if (i < n && p[i] != '/')
			continue;
		size_t k = area_index(d, p, i);
		if (k == SIZE_MAX)
			return -1;
		for (int y = 0; y < d->n_years; y++) {
			if (!l->has[y])
				continue;
			acc *a = &areas[k * BL_MAX_YEARS + (size_t)y];
			bl_money v = l->amount[y];
			if (l->dir == BL_DIR_INCOME) {
				bl_money_sum_add(&a->inc[side], v);
				bl_money_sum_add(&a->bal[side], v);
			} else {
				bl_money_sum_add(&a->exp[side], v);
				bl_money_sum_sub(&a->bal[side], v);
			}
		}
	}
	return 0;
}

static const char *const sum_what[3][2] = {
	{ N_("the income in the old version"), N_("the income in the new version") },
	{ N_("the expenses in the old version"), N_("the expenses in the new version") },
	{ N_("the balance in the old version"), N_("the balance in the new version") },
};
static const char *const change_what[3] = {
	N_("the income"),
	N_("the expenses"),
	N_("the balance"),
};

static int settle(const acc *a, bl_vdiff_total *t, const char *path, int year, bl_err *err)
{
	const bl_money_sum *s[3][2] = {
		{ &a->inc[0], &a->inc[1] },
		{ &a->exp[0], &a->exp[1] },
		{ &a->bal[0], &a->bal[1] },
	};
	bl_vdiff_sum *o[3] = { &t->income, &t->expense, &t->balance };
	char q[BL_QUOTE_MAX];
	bl_text_quote(path, strlen(path), q);
	for (int k = 0; k < 3; k++) {
		for (int side = 0; side < 2; side++) {
			bl_money v;
			if (!bl_money_sum_get(s[k][side], &v)) {
				if (*path)
					return bl_err_set(err, _("area %s, year %d: the sum of %s does "
								 "not fit in an amount"),
							  q, year, _(sum_what[k][side]));
				return bl_err_set(err, _("the whole budget, year %d: the sum of "
							 "%s does not fit in an amount"),
						  year, _(sum_what[k][side]));
			}
			if (side)
				o[k]->after = v;
			else
				o[k]->before = v;
		}
		if (!bl_money_sub(o[k]->after, o[k]->before, &o[k]->change)) {
			if (*path)
				return bl_err_set(err, _("area %s, year %d: the change of %s does "
							 "not fit in an amount"),
						  q, year, _(change_what[k]));
			return bl_err_set(err, _("the whole budget, year %d: the change of "
						 "%s does not fit in an amount"),
					  year, _(change_what[k]));
		}
	}
	return 0;
}

/* ---- lines ---- */

static int make_line(const bl_vdiff_src *o, const bl_vdiff_src *n, int first_year,
		     int n_years, bl_vdiff_cause_fn cause, void *cause_ctx, bl_vdiff_line *l,
		     bl_err *err)
{
	const bl_vdiff_src *cur = n ? n : o;
	memset(l, 0, sizeof *l);
	l->code = dup_str(cur->code);
	l->title = dup_str(cur->title);
	l->area = dup_str(cur->area);
	if (o) {
		l->old_title = dup_str(o->title);
		l->old_area = dup_str(o->area);
	}
	if (!l->code || !l->title || !l->area || (o && (!l->old_title || !l->old_area)))
		return bl_err_set(err, _("out of memory"));
	l->dir = cur->dir;
	l->old_dir = o ? o->dir : cur->dir;
	if (!o)
		l->flags |= BL_VDIFF_ADDED;
	else if (!n)
		l->flags |= BL_VDIFF_REMOVED;
	else {
		if (strcmp(nz(o->area), nz(n->area)))
			l->flags |= BL_VDIFF_MOVED;
		if (strcmp(nz(o->title), nz(n->title)))
			l->flags |= BL_VDIFF_RETITLED;
		if (o->dir != n->dir)
			l->flags |= BL_VDIFF_REDIRECTED;
	}
	for (int y = 0; y < n_years; y++) {
		bl_vdiff_cell *c = &l->y[y];
		c->has_before = o && o->has[y];
		c->has_after = n && n->has[y];
		c->before = c->has_before ? o->amount[y] : 0;
		c->after = c->has_after ? n->amount[y] : 0;
		if (!bl_money_sub(c->after, c->before, &c->change)) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(l->code, strlen(l->code), q);
			return bl_err_set(err, _("line %s, year %d: the change does not fit in an "
						 "amount"),
					  q, first_year + y);
		}
		if (!bl_vdiff_cell_differs(c))
			continue;
		if (o && n)
			l->flags |= BL_VDIFF_CHANGED;
		if (cause) {
			const char *label = cause(cause_ctx, l->code, first_year + y);
			if (label && !(c->cause = dup_str(label)))
				return bl_err_set(err, _("out of memory"));
		}
	}
	return 0;
}

static void line_free(bl_vdiff_line *l)
{
	free(l->code);
	free(l->title);
	free(l->area);
	free(l->old_title);
	free(l->old_area);
	for (int y = 0; y < BL_MAX_YEARS; y++)
		free(l->y[y].cause);
	memset(l, 0, sizeof *l);
}

static int by_area_code(const void *a, const void *b)
{
	const bl_vdiff_line *x = a, *y = b;
	int c = path_cmp(x->area, y->area);
	return c ? c : strcmp(x->code, y->code);
}

int bl_vdiff_compute(const bl_vdiff_src *old_lines, size_t n_old,
		     const bl_vdiff_src *new_lines, size_t n_new, int first_year,
		     int n_years, bl_vdiff_cause_fn cause, void *cause_ctx,
		     unsigned opts, bl_vdiff *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (n_years < 1 || n_years > BL_MAX_YEARS)
		return bl_err_set(err, _("a diff covers 1 to %d years, not %d"), BL_MAX_YEARS,
				  n_years);
	if ((n_old && !old_lines) || (n_new && !new_lines))
		return bl_err_set(err, _("no lines given"));
	const bl_vdiff_src **so = NULL, **sn = NULL;
	acc *areas = NULL;
	acc total[BL_MAX_YEARS];
	area_set set = { 0 };
	bl_vdiff d = { .first_year = first_year, .n_years = n_years };
	int rc = -1;

	if (check_side(old_lines, n_old, _("old"), &so, err) ||
	    check_side(new_lines, n_new, _("new"), &sn, err))
		goto done;

	/* The lines: a merge of the two sorted sides. */
	d.line = malloc((n_old + n_new ? n_old + n_new : 1) * sizeof *d.line);
	if (!d.line) {
		bl_err_set(err, _("out of memory"));
		goto done;
	}
	for (size_t i = 0, j = 0; i < n_old || j < n_new;) {
		int c = i == n_old ? 1 : j == n_new ? -1 : strcmp(so[i]->code, sn[j]->code);
		const bl_vdiff_src *o = c <= 0 ? so[i++] : NULL;
		const bl_vdiff_src *n = c >= 0 ? sn[j++] : NULL;
		bl_vdiff_line *l = &d.line[d.n_lines];
		if (make_line(o, n, first_year, n_years, cause, cause_ctx, l, err)) {
			line_free(l);
			goto done;
		}
		if (l->flags || (opts & BL_VDIFF_KEEP_UNCHANGED))
			d.n_lines++;
		else
			line_free(l);
	}
	qsort(d.line, d.n_lines, sizeof *d.line, by_area_code);

	/* The areas: every path and its ancestors, sorted, once each. */
	for (size_t i = 0; i < n_old; i++)
		if (set_add_all(&set, nz(old_lines[i].area)))
			goto oom;
	for (size_t i = 0; i < n_new; i++)
		if (set_add_all(&set, nz(new_lines[i].area)))
			goto oom;
	if (set.n)
		qsort(set.path, set.n, sizeof *set.path, by_path);
	d.area = calloc(set.n ? set.n : 1, sizeof *d.area);
	if (!d.area)
		goto oom;
	for (size_t i = 0; i < set.n; i++) {
		if (d.n_areas && !strcmp(d.area[d.n_areas - 1].path, set.path[i])) {
			free(set.path[i]);
		} else {
			d.area[d.n_areas++].path = set.path[i];
		}
		set.path[i] = NULL;
	}
	areas = calloc((d.n_areas ? d.n_areas : 1) * BL_MAX_YEARS, sizeof *areas);
	if (!areas)
		goto oom;
	memset(total, 0, sizeof total);
	for (size_t i = 0; i < n_old; i++)
		if (add_line(&d, areas, total, &old_lines[i], 0))
			goto oom;
	for (size_t i = 0; i < n_new; i++)
		if (add_line(&d, areas, total, &new_lines[i], 1))
			goto oom;
	for (size_t k = 0; k < d.n_areas; k++)
		for (int y = 0; y < n_years; y++)
			if (settle(&areas[k * BL_MAX_YEARS + (size_t)y], &d.area[k].y[y],
				   d.area[k].path, first_year + y, err))
				goto done;
	for (int y = 0; y < n_years; y++)
		if (settle(&total[y], &d.total[y], "", first_year + y, err))
			goto done;
	rc = 0;
	*out = d;
	goto done;
oom:
	bl_err_set(err, _("out of memory"));
done:
	free(so);
	free(sn);
	free(areas);
	for (size_t i = 0; i < set.n; i++)
		free(set.path[i]);
	free(set.path);
	if (rc)
		bl_vdiff_free(&d);
	return rc;
}

/* ---- writers ---- */

static int write_failed(FILE *f, bl_err *err)
{
	if (fflush(f) || ferror(f))
		return bl_err_set(err, _("cannot write the diff: %s"), strerror(errno));
	return 0;
}

/* Whether year y of line l gets a row, and whether the line gets any. */
static bool line_has_rows(const bl_vdiff_line *l, int n_years, bool *by_diff)
{
	*by_diff = false;
	for (int y = 0; y < n_years; y++)
		if (bl_vdiff_cell_differs(&l->y[y]))
			*by_diff = true;
	if (*by_diff)
		return true;
	for (int y = 0; y < n_years; y++)
		if (l->y[y].has_before || l->y[y].has_after)
			return true;
	return false;
}

static bool row_of(const bl_vdiff_line *l, int y, bool by_diff)
{
	const bl_vdiff_cell *c = &l->y[y];
	return by_diff ? bl_vdiff_cell_differs(c) : c->has_before || c->has_after;
}

static void csv_status(const bl_vdiff_line *l, char *buf, size_t sz)
{
	static const struct {
		unsigned bit;
		const char *word;
	} w[] = {
		{ BL_VDIFF_ADDED, "added" },     { BL_VDIFF_REMOVED, "removed" },
		{ BL_VDIFF_CHANGED, "changed" }, { BL_VDIFF_MOVED, "moved" },
		{ BL_VDIFF_RETITLED, "retitled" }, { BL_VDIFF_REDIRECTED, "redirected" },
	};
	size_t n = 0;
	buf[0] = 0;
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (l->flags & w[i].bit) {
			int k = snprintf(buf + n, sz - n, "%s%s", n ? " " : "", w[i].word);
			if (k > 0 && (size_t)k < sz - n)
				n += (size_t)k;
		}
	if (!n)
		snprintf(buf, sz, "unchanged");
}

static void csv_amount(FILE *f, bl_money v)
{
	char buf[BL_MONEY_BUFSZ];
	bl_export_amount(v, true, buf, sizeof buf);
	fputs(buf, f);
}

static void csv_sum(FILE *f, const bl_vdiff_sum *s)
{
	fputc(',', f);
	csv_amount(f, s->before);
	fputc(',', f);
	csv_amount(f, s->after);
	fputc(',', f);
	csv_amount(f, s->change);
}

static void csv_total(FILE *f, const char *path, int year, const bl_vdiff_total *t)
{
	bl_csv_write_field(f, path, ',');
	fprintf(f, ",%d", year);
	csv_sum(f, &t->income);
	csv_sum(f, &t->expense);
	csv_sum(f, &t->balance);
	fputs("\r\n", f);
}

int bl_vdiff_write_csv(FILE *f, const bl_vdiff *d, bl_vdiff_csv_what what, bl_err *err)
{
	if (what == BL_VDIFF_CSV_AREAS) {
		fputs("area,year,income_old,income_new,income_change,expense_old,expense_new,"
		      "expense_change,balance_old,balance_new,balance_change\r\n",
		      f);
		for (int y = 0; y < d->n_years; y++)
			csv_total(f, "", d->first_year + y, &d->total[y]);
		for (size_t k = 0; k < d->n_areas; k++)
			for (int y = 0; y < d->n_years; y++)
				csv_total(f, d->area[k].path, d->first_year + y, &d->area[k].y[y]);
		return write_failed(f, err);
	}
	fputs("area,code,title,status,year,old,new,change,cause\r\n", f);
	for (size_t i = 0; i < d->n_lines; i++) {
		const bl_vdiff_line *l = &d->line[i];
		char status[80];
		bool by_diff;
		bool any = line_has_rows(l, d->n_years, &by_diff);
		csv_status(l, status, sizeof status);
		for (int y = 0; y < d->n_years || (!any && y == 0); y++) {
			if (any && !row_of(l, y, by_diff))
				continue;
			bl_csv_write_field(f, l->area, ',');
			fputc(',', f);
			bl_csv_write_field(f, l->code, ',');
			fputc(',', f);
			bl_csv_write_field(f, l->title, ',');
			fprintf(f, ",%s,", status);
			if (!any) {
				fputs(",,,,\r\n", f);
				break;
			}
			const bl_vdiff_cell *c = &l->y[y];
			fprintf(f, "%d,", d->first_year + y);
			if (c->has_before)
				csv_amount(f, c->before);
			fputc(',', f);
			if (c->has_after)
				csv_amount(f, c->after);
			fputc(',', f);
			csv_amount(f, c->change);
			fputc(',', f);
			bl_csv_write_field(f, c->cause, ',');
			fputs("\r\n", f);
		}
	}
	return write_failed(f, err);
}

/* A cell's text: '|' and '\' escaped, a tab or line end as a space, other
 * control characters (C0, DEL, C1) as \xNN or \uNNNN, a byte that is not
 * UTF-8 as U+FFFD, so nothing can break the table or reach a terminal. */
static void md_cell(FILE *f, const char *s)
{
	s = nz(s);
	size_t n = strlen(s);
	while (n) {
		unsigned cp;
		size_t k = bl_utf8_next(s, n, &cp);
		if (!k)
			break;
		if (cp == '|' || cp == '\\') {
			fputc('\\', f);
			fputc((int)cp, f);
		} else if (cp == '\t' || cp == '\n' || cp == '\r') {
			fputc(' ', f);
		} else if (cp < 0x20 || cp == 0x7f) {
			fprintf(f, "\\x%02X", cp);
		} else if (cp >= 0x80 && cp <= 0x9f) {
			fprintf(f, "\\u%04X", cp);
		} else if (cp == 0xfffd) {
			fputs("\xef\xbf\xbd", f);
		} else {
			fwrite(s, 1, k, f);
		}
		s += k;
		n -= k;
	}
}

static void md_amount(FILE *f, bl_money v, bl_lang lang, bl_unit unit, bool sign)
{
	char buf[BL_MONEY_BUFSZ];
	if (unit == BL_UNIT_KR)
		bl_money_format_whole(v, lang, buf, sizeof buf);
	else
		bl_money_format(v, lang, unit, buf, sizeof buf);
	if (sign && v > 0 && strcmp(buf, "0"))
		fputc('+', f);
	fputs(buf, f);
}

static void md_status(FILE *f, const bl_vdiff_line *l)
{
	const char *sep = "";
	if (l->flags & BL_VDIFF_ADDED)
		fprintf(f, "%s%s", sep, _("added")), sep = ", ";
	if (l->flags & BL_VDIFF_REMOVED)
		fprintf(f, "%s%s", sep, _("removed")), sep = ", ";
	if (l->flags & BL_VDIFF_CHANGED)
		fprintf(f, "%s%s", sep, _("changed")), sep = ", ";
	if (l->flags & BL_VDIFF_MOVED) {
		fprintf(f, "%s", sep);
		if (l->old_area && *l->old_area) {
			fprintf(f, "%s ", _("moved from"));
			md_cell(f, l->old_area);
		} else {
			fprintf(f, "%s", _("moved"));
		}
		sep = ", ";
	}
	if (l->flags & BL_VDIFF_RETITLED) {
		fprintf(f, "%s%s ", sep, _("renamed from"));
		md_cell(f, l->old_title);
		sep = ", ";
	}
	if (l->flags & BL_VDIFF_REDIRECTED)
		fprintf(f, "%s%s", sep,
			l->dir == BL_DIR_INCOME ? _("now income") : _("now an expense"));
	if (!l->flags)
		fprintf(f, "%s", _("unchanged"));
}

static void md_sum_row(FILE *f, int year, const char *what, const bl_vdiff_sum *s,
		       bl_lang lang, bl_unit unit)
{
	fprintf(f, "| %d | %s | ", year, what);
	md_amount(f, s->before, lang, unit, false);
	fputs(" | ", f);
	md_amount(f, s->after, lang, unit, false);
	fputs(" | ", f);
	md_amount(f, s->change, lang, unit, true);
	fputs(" |\n", f);
}

int bl_vdiff_write_md(FILE *f, const bl_vdiff *d, bl_lang lang, bl_unit unit,
		      bl_err *err)
{
	const char *absent = "\xe2\x80\x93"; /* – */
	for (size_t i = 0; i < d->n_lines;) {
		const char *area = d->line[i].area;
		fputs("## ", f);
		if (*area)
			md_cell(f, area);
		else
			fputs(_("Lines without an area"), f);
		fprintf(f, "\n\n| %s | %s | %s | %s | %s | %s | %s | %s |\n", _("Line"),
			_("Title"), _("Status"), _("Year"), _("Old"), _("New"), _("Change"),
			_("Cause"));
		fputs("|---|---|---|---:|---:|---:|---:|---|\n", f);
		for (; i < d->n_lines && !strcmp(d->line[i].area, area); i++) {
			const bl_vdiff_line *l = &d->line[i];
			bool by_diff;
			bool any = line_has_rows(l, d->n_years, &by_diff);
			for (int y = 0; y < d->n_years || (!any && y == 0); y++) {
				if (any && !row_of(l, y, by_diff))
					continue;
				const bl_vdiff_cell *c = &l->y[y];
				fputs("| ", f);
				md_cell(f, l->code);
				fputs(" | ", f);
				md_cell(f, l->title);
				fputs(" | ", f);
				md_status(f, l);
				if (!any) {
					fputs(" |  |  |  |  |  |\n", f);
					break;
				}
				fprintf(f, " | %d | ", d->first_year + y);
				if (c->has_before)
					md_amount(f, c->before, lang, unit, false);
				else
					fputs(absent, f);
				fputs(" | ", f);
				if (c->has_after)
					md_amount(f, c->after, lang, unit, false);
				else
					fputs(absent, f);
				fputs(" | ", f);
				md_amount(f, c->change, lang, unit, true);
				fputs(" | ", f);
				md_cell(f, c->cause);
				fputs(" |\n", f);
			}
		}
		fputc('\n', f);
	}
	fprintf(f, "## %s\n\n| %s | %s | %s | %s | %s |\n", _("Totals"), _("Year"), _("Total"),
		_("Old"), _("New"), _("Change"));
	fputs("|---:|---|---:|---:|---:|\n", f);
	for (int y = 0; y < d->n_years; y++) {
		const bl_vdiff_total *t = &d->total[y];
		md_sum_row(f, d->first_year + y, _("Income"), &t->income, lang, unit);
		md_sum_row(f, d->first_year + y, _("Expenses"), &t->expense, lang, unit);
		md_sum_row(f, d->first_year + y, _("Balance"), &t->balance, lang, unit);
	}
	return write_failed(f, err);
}
