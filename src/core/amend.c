/* amend.c: the adopted version as base + adopted amendments (amend.h). */
#include "config.h"
#include "core/amend.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* ---- the version being derived ------------------------------------------ */

typedef struct wline {
	const char *code; /* borrowed from the base or an amendment */
	bl_direction dir;
	bl_money amount[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS];
	int added_by;     /* the amendment that added it; valid if added */
	bool added;
} wline;

typedef struct removed {
	const char *code;
	int by;
} removed;

typedef struct event {
	const char *code;
	int year;
	int number;
	size_t seq;
} event;

typedef struct work {
	wline *lines;
	size_t n, cap;
	removed *rm;
	size_t n_rm, cap_rm;
	event *ev;
	size_t n_ev, cap_ev;
	int fy, ny;
	const char *last_code[BL_MAX_YEARS]; /* the current amendment's last line per year */
} work;

static void work_free(work *w)
{
	free(w->lines);
	free(w->rm);
	free(w->ev);
	memset(w, 0, sizeof *w);
}

static int nomem(bl_err *err)
{
	return bl_err_set(err, _("out of memory"));
}

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 16;
	while (nc < need)
		nc *= 2;
	void *q = realloc(*p, nc * size);
	if (!q)
		return false;
	*p = q;
	*cap = nc;
	return true;
}

/* Index of the line with this code, or -(insertion point) - 1. */
static long find_line(const work *w, const char *code)
{
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(w->lines[mid].code, code);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -(long)lo - 1;
}

static const removed *find_removed(const work *w, const char *code)
{
	for (size_t i = w->n_rm; i-- > 0;)
		if (strcmp(w->rm[i].code, code) == 0)
			return &w->rm[i];
	return NULL;
}

static int push_event(work *w, const char *code, int year, int number,
		      bl_err *err)
{
	if (!grow((void **)&w->ev, &w->cap_ev, w->n_ev + 1, sizeof *w->ev))
		return nomem(err);
	w->ev[w->n_ev] = (event){code, year, number, w->n_ev};
	w->n_ev++;
	w->last_code[year - w->fy] = code;
	return 0;
}

static int cmp_wline(const void *a, const void *b)
{
	return strcmp(((const wline *)a)->code, ((const wline *)b)->code);
}

/* Copy and check the base. */
static int work_init(work *w, const bl_amend_budget *base, bl_err *err)
{
	memset(w, 0, sizeof *w);
	if (!base)
		return bl_err_set(err, _("there is no budget to amend"));
	if (base->n_years < 1 || base->n_years > BL_MAX_YEARS)
		return bl_err_set(err,
				  _("the budget has %d years; it must have 1 to %d"),
				  base->n_years, BL_MAX_YEARS);
	w->fy = base->first_year;
	w->ny = base->n_years;
	if (base->n_lines &&
	    !grow((void **)&w->lines, &w->cap, base->n_lines, sizeof *w->lines))
		return nomem(err);
	for (size_t i = 0; i < base->n_lines; i++) {
		const bl_amend_line *l = &base->lines[i];
		if (!l->code || !*l->code) {
			work_free(w);
			return bl_err_set(err, _("the budget has a line without a code"));
		}
		wline *d = &w->lines[i];
		memset(d, 0, sizeof *d);
		d->code = l->code;
		d->dir = l->dir;
		for (int y = 0; y < w->ny; y++) {
			d->has[y] = l->has[y];
			d->amount[y] = l->has[y] ? l->amount[y] : 0;
			if (d->has[y] && d->amount[y] < BL_MONEY_MIN) {
				work_free(w);
				return bl_err_set(err,
						  _("the budget's line %s in %d has an amount out of range"),
						  l->code, w->fy + y);
			}
		}
	}
	w->n = base->n_lines;
	if (w->n)
		qsort(w->lines, w->n, sizeof *w->lines, cmp_wline);
	for (size_t i = 1; i < w->n; i++)
		if (strcmp(w->lines[i - 1].code, w->lines[i].code) == 0) {
			const char *c = w->lines[i].code;
			work_free(w);
			return bl_err_set(err, _("the budget has line %s twice"), c);
		}
	return 0;
}

/* Per year: total income, total expenses, balance.  a NULL: the base. */
static int check_totals(work *w, const bl_amendment *a, bl_err *err)
{
	for (int y = 0; y < w->ny; y++) {
		if (a && !w->last_code[y])
			continue; /* untouched: it fitted before */
		bl_money_sum inc = {0}, exp = {0}, bal = {0};
		for (size_t i = 0; i < w->n; i++) {
			const wline *l = &w->lines[i];
			if (!l->has[y])
				continue;
			if (l->dir == BL_DIR_INCOME) {
				bl_money_sum_add(&inc, l->amount[y]);
				bl_money_sum_add(&bal, l->amount[y]);
			} else {
				bl_money_sum_add(&exp, l->amount[y]);
				bl_money_sum_sub(&bal, l->amount[y]);
			}
		}
		bl_money v;
		const char *what = NULL;
		if (!bl_money_sum_get(&inc, &v) || v < BL_MONEY_MIN)
			what = _("total income");
		else if (!bl_money_sum_get(&exp, &v) || v < BL_MONEY_MIN)
			what = _("total expenses");
		else if (!bl_money_sum_get(&bal, &v) || v < BL_MONEY_MIN)
			what = _("balance");
		if (!what)
			continue;
		if (!a)
			return bl_err_set(err,
					  _("the budget's %s in %d cannot fit in an amount"),
					  what, w->fy + y);
		return bl_err_set(err,
				  _("amendment %d changes line %s in %d so that the year's %s would not fit in an amount"),
				  a->number, w->last_code[y], w->fy + y, what);
	}
	return 0;
}

static int missing_line(const work *w, const bl_amendment *a, bool remove,
			const char *code, bl_err *err)
{
	const removed *r = find_removed(w, code);
	if (r && remove)
		return bl_err_set(err,
				  _("amendment %d removes line %s, which amendment %d already removes"),
				  a->number, code, r->by);
	if (r)
		return bl_err_set(err,
				  _("amendment %d changes line %s, which amendment %d removes"),
				  a->number, code, r->by);
	if (remove)
		return bl_err_set(err,
				  _("amendment %d removes line %s, which the budget does not have"),
				  a->number, code);
	return bl_err_set(err,
			  _("amendment %d changes line %s, which the budget does not have"),
			  a->number, code);
}

static int apply_one(work *w, const bl_amendment *a, bl_err *err)
{
	for (int y = 0; y < BL_MAX_YEARS; y++)
		w->last_code[y] = NULL;
	for (size_t k = 0; k < a->n_changes; k++) {
		const bl_change *c = &a->changes[k];
		if (!c->code || !*c->code)
			return bl_err_set(err,
					  _("amendment %d has a change without a line code"),
					  a->number);
		long at = find_line(w, c->code);
		switch (c->kind) {
		case BL_CHANGE_SET:
		case BL_CHANGE_ADD_DELTA: {
			if (at < 0)
				return missing_line(w, a, false, c->code, err);
			if (c->year < w->fy || c->year - w->fy >= w->ny)
				return bl_err_set(err,
						  _("amendment %d changes line %s in %d, which is outside the budget (%d-%d)"),
						  a->number, c->code, c->year, w->fy,
						  w->fy + w->ny - 1);
			wline *l = &w->lines[at];
			int y = c->year - w->fy;
			bl_money v;
			bool fits;
			if (c->kind == BL_CHANGE_SET) {
				v = c->amount;
				fits = v >= BL_MONEY_MIN;
			} else {
				fits = bl_money_add(l->has[y] ? l->amount[y] : 0,
						    c->amount, &v) &&
				       v >= BL_MONEY_MIN;
			}
			if (!fits)
				return bl_err_set(err,
						  _("amendment %d makes line %s in %d overflow: the amount does not fit in 64 bits"),
						  a->number, c->code, c->year);
			l->amount[y] = v;
			l->has[y] = true;
			if (push_event(w, l->code, c->year, a->number, err))
				return -1;
			break;
		}
		case BL_CHANGE_NEW_LINE: {
			if (at >= 0) {
				const wline *l = &w->lines[at];
				if (l->added)
					return bl_err_set(err,
							  _("amendment %d adds line %s, which amendment %d already adds"),
							  a->number, c->code, l->added_by);
				return bl_err_set(err,
						  _("amendment %d adds line %s, which the budget already has"),
						  a->number, c->code);
			}
			for (int y = 0; y < BL_MAX_YEARS; y++) {
				if (!c->has[y])
					continue;
				if (y >= w->ny)
					return bl_err_set(err,
							  _("amendment %d adds line %s with an amount in %d, which is outside the budget (%d-%d)"),
							  a->number, c->code, w->fy + y,
							  w->fy, w->fy + w->ny - 1);
				if (c->amounts[y] < BL_MONEY_MIN)
					return bl_err_set(err,
							  _("amendment %d makes line %s in %d overflow: the amount does not fit in 64 bits"),
							  a->number, c->code, w->fy + y);
			}
			if (!grow((void **)&w->lines, &w->cap, w->n + 1,
				  sizeof *w->lines))
				return nomem(err);
			size_t pos = (size_t)(-at - 1);
			memmove(&w->lines[pos + 1], &w->lines[pos],
				(w->n - pos) * sizeof *w->lines);
			w->n++;
			wline *l = &w->lines[pos];
			memset(l, 0, sizeof *l);
			l->code = c->code;
			l->dir = c->dir;
			l->added = true;
			l->added_by = a->number;
			for (int y = 0; y < w->ny; y++) {
				l->has[y] = c->has[y];
				l->amount[y] = c->has[y] ? c->amounts[y] : 0;
				if (l->has[y] &&
				    push_event(w, l->code, w->fy + y, a->number, err))
					return -1;
			}
			break;
		}
		case BL_CHANGE_REMOVE_LINE: {
			if (at < 0)
				return missing_line(w, a, true, c->code, err);
			size_t pos = (size_t)at;
			const char *code = w->lines[pos].code;
			for (int y = 0; y < w->ny; y++)
				if (w->lines[pos].has[y] &&
				    push_event(w, code, w->fy + y, a->number, err))
					return -1;
			if (!grow((void **)&w->rm, &w->cap_rm, w->n_rm + 1,
				  sizeof *w->rm))
				return nomem(err);
			w->rm[w->n_rm++] = (removed){code, a->number};
			memmove(&w->lines[pos], &w->lines[pos + 1],
				(w->n - pos - 1) * sizeof *w->lines);
			w->n--;
			break;
		}
		default:
			return bl_err_set(err,
					  _("amendment %d has a change of unknown kind %d"),
					  a->number, (int)c->kind);
		}
	}
	return check_totals(w, a, err);
}

/* Sort key: an amendment, then its sub-amendments, by number. */
static int cmp_order(const void *pa, const void *pb)
{
	const bl_amendment *a = *(const bl_amendment *const *)pa;
	const bl_amendment *b = *(const bl_amendment *const *)pb;
	int ra = a->is_sub ? a->parent : a->number;
	int rb = b->is_sub ? b->parent : b->number;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->is_sub != b->is_sub)
		return a->is_sub ? 1 : -1;
	return (a->number > b->number) - (a->number < b->number);
}

static const bl_amendment *find_number(const bl_amendment *const *v, size_t n,
				       int number)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->number == number)
			return v[i];
	return NULL;
}

/* Base + the amendments into *w (initialised here; free with work_free). */
static int derive(work *w, const bl_amend_budget *base,
		  const bl_amendment *const *list, size_t n, bool parents,
		  bl_err *err)
{
	for (size_t i = 0; i < n; i++)
		if (!list[i])
			return bl_err_set(err, _("adopted amendment %zu is missing"),
					  i + 1);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			if (list[i]->number == list[j]->number)
				return bl_err_set(err,
						  _("amendment %d is adopted twice"),
						  list[i]->number);
		if (!parents || !list[i]->is_sub)
			continue;
		const bl_amendment *p = find_number(list, n, list[i]->parent);
		if (!p)
			return bl_err_set(err,
					  _("amendment %d is a sub-amendment of amendment %d, which is not adopted"),
					  list[i]->number, list[i]->parent);
		if (p->is_sub)
			return bl_err_set(err,
					  _("amendment %d is a sub-amendment of amendment %d, which is itself a sub-amendment"),
					  list[i]->number, list[i]->parent);
	}
	if (work_init(w, base, err))
		return -1;
	if (check_totals(w, NULL, err))
		goto fail;
	const bl_amendment **order = NULL;
	if (n) {
		order = malloc(n * sizeof *order);
		if (!order) {
			nomem(err);
			goto fail;
		}
		memcpy(order, list, n * sizeof *order);
		qsort(order, n, sizeof *order, cmp_order);
	}
	for (size_t i = 0; i < n; i++)
		if (apply_one(w, order[i], err)) {
			free(order);
			goto fail;
		}
	free(order);
	return 0;
fail:
	work_free(w);
	return -1;
}

static int cmp_event(const void *pa, const void *pb)
{
	const event *a = pa, *b = pb;
	int c = strcmp(a->code, b->code);
	if (c)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static bl_amend_source *make_sources(work *w)
{
	if (w->n_ev)
		qsort(w->ev, w->n_ev, sizeof *w->ev, cmp_event);
	size_t groups = 0;
	for (size_t i = 0; i < w->n_ev; i++)
		if (i == 0 || w->ev[i - 1].year != w->ev[i].year ||
		    strcmp(w->ev[i - 1].code, w->ev[i].code) != 0)
			groups++;
	bl_amend_source *s = calloc(groups + 1, sizeof *s);
	if (!s)
		return NULL;
	size_t g = 0;
	for (size_t i = 0; i < w->n_ev;) {
		size_t j = i;
		while (j < w->n_ev && w->ev[j].year == w->ev[i].year &&
		       strcmp(w->ev[j].code, w->ev[i].code) == 0)
			j++;
		s[g].code = strdup(w->ev[i].code);
		s[g].year = w->ev[i].year;
		s[g].numbers = malloc((j - i) * sizeof *s[g].numbers);
		if (!s[g].code || !s[g].numbers) {
			free((char *)s[g].code);
			free(s[g].numbers);
			s[g].code = NULL;
			bl_amend_sources_free(s);
			return NULL;
		}
		for (size_t k = i; k < j; k++)
			if (s[g].n_numbers == 0 ||
			    s[g].numbers[s[g].n_numbers - 1] != w->ev[k].number)
				s[g].numbers[s[g].n_numbers++] = w->ev[k].number;
		g++;
		i = j;
	}
	return s;
}

void bl_amend_budget_free(bl_amend_budget *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_lines; i++)
		free((char *)b->lines[i].code);
	free(b->lines);
	memset(b, 0, sizeof *b);
}

void bl_amend_sources_free(bl_amend_source *s)
{
	if (!s)
		return;
	for (size_t i = 0; s[i].code; i++) {
		free((char *)s[i].code);
		free(s[i].numbers);
	}
	free(s);
}

size_t bl_amend_sources_count(const bl_amend_source *s)
{
	size_t n = 0;
	while (s && s[n].code)
		n++;
	return n;
}

const bl_amend_source *bl_amend_source_find(const bl_amend_source *s,
					    const char *code, int year)
{
	for (size_t i = 0; s && code && s[i].code; i++)
		if (s[i].year == year && strcmp(s[i].code, code) == 0)
			return &s[i];
	return NULL;
}

int bl_amend_apply(const bl_amend_budget *base,
		   const bl_amendment *const *adopted, size_t n,
		   bl_amend_budget *out, bl_amend_source **sources,
		   bl_err *err)
{
	if (out)
		memset(out, 0, sizeof *out);
	if (sources)
		*sources = NULL;
	if (!out)
		return bl_err_set(err, _("there is nowhere to put the amended budget"));
	if (n && !adopted)
		return bl_err_set(err, _("adopted amendment 1 is missing"));
	work w;
	if (derive(&w, base, adopted, n, true, err))
		return -1;
	bl_amend_line *lines = NULL;
	if (w.n) {
		lines = calloc(w.n, sizeof *lines);
		if (!lines)
			goto oom;
	}
	out->lines = lines;
	out->first_year = w.fy;
	out->n_years = w.ny;
	for (size_t i = 0; i < w.n; i++) {
		char *code = strdup(w.lines[i].code);
		if (!code)
			goto oom;
		lines[i].code = code;
		out->n_lines = i + 1;
		lines[i].dir = w.lines[i].dir;
		memcpy(lines[i].amount, w.lines[i].amount, sizeof lines[i].amount);
		memcpy(lines[i].has, w.lines[i].has, sizeof lines[i].has);
	}
	if (sources) {
		*sources = make_sources(&w);
		if (!*sources)
			goto oom;
	}
	work_free(&w);
	return 0;
oom:
	work_free(&w);
	bl_amend_budget_free(out);
	return nomem(err);
}

int bl_amend_effect(const bl_amend_budget *base, const bl_amendment *a,
		    bl_money *income_delta, bl_money *expense_delta,
		    bl_money *balance_delta, bl_err *err)
{
	if (!a)
		return bl_err_set(err, _("there is no amendment"));
	work w;
	if (derive(&w, base, &a, 1, false, err))
		return -1;
	bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS], bal[BL_MAX_YEARS];
	for (int y = 0; y < w.ny; y++) {
		bl_money_sum si = {0}, se = {0}, sb = {0};
		for (size_t i = 0; i < w.n; i++) {
			const wline *l = &w.lines[i];
			if (!l->has[y])
				continue;
			if (l->dir == BL_DIR_INCOME) {
				bl_money_sum_add(&si, l->amount[y]);
				bl_money_sum_add(&sb, l->amount[y]);
			} else {
				bl_money_sum_add(&se, l->amount[y]);
				bl_money_sum_sub(&sb, l->amount[y]);
			}
		}
		for (size_t i = 0; i < base->n_lines; i++) {
			const bl_amend_line *l = &base->lines[i];
			if (!l->has[y])
				continue;
			if (l->dir == BL_DIR_INCOME) {
				bl_money_sum_sub(&si, l->amount[y]);
				bl_money_sum_sub(&sb, l->amount[y]);
			} else {
				bl_money_sum_sub(&se, l->amount[y]);
				bl_money_sum_add(&sb, l->amount[y]);
			}
		}
		const char *what = NULL;
		if (!bl_money_sum_get(&si, &inc[y]) || inc[y] < BL_MONEY_MIN)
			what = _("total income");
		else if (!bl_money_sum_get(&se, &exp[y]) || exp[y] < BL_MONEY_MIN)
			what = _("total expenses");
		else if (!bl_money_sum_get(&sb, &bal[y]) || bal[y] < BL_MONEY_MIN)
			what = _("balance");
		if (what) {
			int year = w.fy + y;
			work_free(&w);
			return bl_err_set(err,
					  _("amendment %d changes the %s in %d by more than an amount can hold"),
					  a->number, what, year);
		}
	}
	for (int y = 0; y < w.ny; y++) {
		if (income_delta)
			income_delta[y] = inc[y];
		if (expense_delta)
			expense_delta[y] = exp[y];
		if (balance_delta)
			balance_delta[y] = bal[y];
	}
	work_free(&w);
	return 0;
}

/* ---- conflicts ---------------------------------------------------------- */

static bool related(const bl_amendment *a, const bl_amendment *b)
{
	return (a->is_sub && a->parent == b->number) ||
	       (b->is_sub && b->parent == a->number);
}

static bool has_year(bl_change_kind k)
{
	return k == BL_CHANGE_SET || k == BL_CHANGE_ADD_DELTA;
}

/* Whether changes x (of the lower-numbered) and y conflict; the year and kind. */
static bool change_conflict(const bl_change *x, const bl_change *y, int *year,
			    bl_conflict_kind *kind)
{
	if (!x->code || !y->code || strcmp(x->code, y->code) != 0)
		return false;
	bool xr = x->kind == BL_CHANGE_REMOVE_LINE, yr = y->kind == BL_CHANGE_REMOVE_LINE;
	if (xr || yr) {
		const bl_change *other = xr ? y : x;
		*kind = BL_CONFLICT_REMOVE;
		*year = has_year(other->kind) ? other->year : 0;
		return true;
	}
	*kind = BL_CONFLICT_SAME;
	if (has_year(x->kind) && has_year(y->kind)) {
		*year = x->year;
		return x->year == y->year;
	}
	*year = has_year(x->kind) ? x->year : has_year(y->kind) ? y->year : 0;
	return true;
}

static int cmp_conflict(const void *pa, const void *pb)
{
	const bl_amend_conflict *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	int c = strcmp(a->code, b->code);
	if (c)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

size_t bl_amend_conflicts(const bl_amendment *const *all, size_t n,
			  bl_amend_conflict **out)
{
	bl_amend_conflict *v = NULL;
	size_t nv = 0, cap = 0;
	if (out)
		*out = NULL;
	for (size_t i = 0; all && i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const bl_amendment *p = all[i], *q = all[j];
			if (!p || !q || p->number == q->number || related(p, q))
				continue;
			if (q->number < p->number) {
				const bl_amendment *t = p;
				p = q;
				q = t;
			}
			for (size_t x = 0; x < p->n_changes; x++)
				for (size_t y = 0; y < q->n_changes; y++) {
					int year;
					bl_conflict_kind kind;
					if (!change_conflict(&p->changes[x],
							     &q->changes[y], &year,
							     &kind))
						continue;
					if (!grow((void **)&v, &cap, nv + 1, sizeof *v)) {
						free(v);
						return BL_AMEND_NOMEM;
					}
					v[nv++] = (bl_amend_conflict){
						p->number, q->number,
						p->changes[x].code, year, kind};
				}
		}
	if (nv == 0) {
		free(v);
		return 0;
	}
	qsort(v, nv, sizeof *v, cmp_conflict);
	size_t m = 0;
	for (size_t i = 0; i < nv; i++)
		if (m == 0 || cmp_conflict(&v[m - 1], &v[i]) != 0)
			v[m++] = v[i];
	if (out)
		*out = v;
	else
		free(v);
	return m;
}

void bl_amend_conflicts_free(bl_amend_conflict *c)
{
	free(c);
}
