/* budget_model.c: the rows of the budget tree, read only where shown.
 * See budget_model.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/budget_model.h"

/* More unknown counts than this are read in one query over the index
 * rather than one range count each. */
#define BM_COUNT_BATCH 64

static bl_line_query query_of(const budget_model *m)
{
	bl_line_query q = { m->version, m->filter[0] ? m->filter : NULL, m->sort,
			    m->sort_year, m->descending };
	return q;
}

static void cache_flush(budget_model *m)
{
	for (int i = 0; i < BM_CACHE; i++) {
		bm_page *p = &m->cache[i];
		for (int j = 0; j < p->n; j++)
			bl_line_clear(&p->lines[j].line);
		p->n = 0;
		p->area = SIZE_MAX;
		p->used = 0;
	}
}

static void free_areas(budget_model *m)
{
	for (size_t i = 0; i < m->n_areas; i++) {
		free(m->areas[i].code);
		free(m->areas[i].name);
	}
	free(m->areas);
	m->areas = NULL;
	m->n_areas = 0;
	free(m->by_id);
	m->by_id = NULL;
	free(m->vis);
	free(m->vis_row);
	m->vis = NULL;
	m->vis_row = NULL;
	m->n_vis = 0;
	m->n_rows = 0;
}

static int cmp_id_idx(const void *a, const void *b)
{
	const bm_id_idx *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

size_t bm_area_index(const budget_model *m, int64_t id)
{
	/* Areas are in tree order; by_id is the same areas in id order, for
	 * the lookups from counts, totals and positions (a linear scan per
	 * lookup made unfolding 5,110 areas quadratic). */
	bm_id_idx key = { id, 0 };
	const bm_id_idx *hit = m->by_id ? bsearch(&key, m->by_id, m->n_areas, sizeof key, cmp_id_idx) : NULL;
	return hit ? hit->idx : SIZE_MAX;
}

/* Own totals from the store, then each area's added into its parent's,
 * children first (reverse tree order). */
static int load_totals(budget_model *m, bl_err *err)
{
	bl_area_total *tot = NULL;
	size_t n_tot = 0;
	for (size_t i = 0; i < m->n_areas; i++) {
		memset(m->areas[i].income, 0, sizeof m->areas[i].income);
		memset(m->areas[i].expense, 0, sizeof m->areas[i].expense);
		m->areas[i].overflow = false;
	}
	if (bl_store_area_totals(m->store, m->version, &tot, &n_tot, err) != 0)
		return -1;
	for (size_t k = 0; k < n_tot; k++) {
		int64_t id = tot[k].area_id;
		size_t a = bm_area_index(m, id);
		int y = tot[k].year - m->first_year;
		if (a == SIZE_MAX || y < 0 || y >= m->n_years)
			continue;
		m->areas[a].income[y] = tot[k].income;
		m->areas[a].expense[y] = tot[k].expense;
	}
	free(tot);
	for (size_t i = m->n_areas; i-- > 0;) {
		bm_area *a = &m->areas[i];
		if (a->parent == SIZE_MAX)
			continue;
		bm_area *p = &m->areas[a->parent];
		p->overflow |= a->overflow;
		for (int y = 0; y < m->n_years; y++)
			if (!bl_money_add(p->income[y], a->income[y], &p->income[y]) ||
			    !bl_money_add(p->expense[y], a->expense[y], &p->expense[y]))
				p->overflow = true;
	}
	return bl_store_year_totals(m->store, m->version, m->income, m->expense, err);
}

static int load_areas(budget_model *m, bl_err *err)
{
	bl_area *areas = NULL;
	size_t n = 0;
	if (bl_store_areas(m->store, &areas, &n, err) != 0)
		return -1;
	m->areas = calloc(n ? n : 1, sizeof *m->areas);
	m->vis = calloc(n ? n : 1, sizeof *m->vis);
	m->vis_row = calloc(n ? n : 1, sizeof *m->vis_row);
	if (!m->areas || !m->vis || !m->vis_row) {
		bl_areas_free(areas, n);
		return bl_err_set(err, _("out of memory"));
	}
	m->by_id = calloc(n ? n : 1, sizeof *m->by_id);
	if (!m->by_id) {
		bl_areas_free(areas, n);
		return bl_err_set(err, _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		bm_area *a = &m->areas[i];
		a->id = areas[i].id;
		a->level = areas[i].level;
		a->code = areas[i].code;
		a->name = areas[i].name;
		areas[i].code = areas[i].name = NULL;
		a->n_lines = -1;
		m->by_id[i] = (bm_id_idx){ a->id, i };
	}
	m->n_areas = n;
	qsort(m->by_id, n, sizeof *m->by_id, cmp_id_idx);
	for (size_t i = 0; i < n; i++) {
		bm_area *a = &m->areas[i];
		a->parent = areas[i].parent_id ? bm_area_index(m, areas[i].parent_id) : SIZE_MAX;
		if (a->parent != SIZE_MAX)
			m->areas[a->parent].has_children = true;
	}
	bl_areas_free(areas, n);
	return 0;
}

/* Make n_lines known for every area that needs it. */
static int ensure_counts(budget_model *m, bool all, bl_err *err)
{
	bl_line_query q = query_of(m);
	size_t unknown = 0;
	for (size_t i = 0; i < m->n_areas; i++)
		if (m->areas[i].n_lines < 0 && (all || m->areas[i].expanded))
			unknown++;
	if (!unknown)
		return 0;
	if (all || unknown > BM_COUNT_BATCH) {
		bl_area_count *c = NULL;
		size_t nc = 0;
		if (bl_store_area_line_counts(m->store, &q, &c, &nc, err) != 0)
			return -1;
		for (size_t i = 0; i < m->n_areas; i++)
			m->areas[i].n_lines = 0;
		for (size_t k = 0; k < nc; k++) {
			size_t a = bm_area_index(m, c[k].area_id);
			if (a != SIZE_MAX)
				m->areas[a].n_lines = c[k].n;
		}
		free(c);
		return 0;
	}
	for (size_t i = 0; i < m->n_areas; i++)
		if (m->areas[i].n_lines < 0 && m->areas[i].expanded &&
		    bl_store_area_line_count(m->store, &q, m->areas[i].id,
					     &m->areas[i].n_lines, err) != 0)
			return -1;
	return 0;
}

static void subtree_counts(budget_model *m)
{
	m->n_matching = 0;
	for (size_t i = 0; i < m->n_areas; i++)
		m->areas[i].subtree_lines = m->areas[i].n_lines > 0 ? m->areas[i].n_lines : 0;
	for (size_t i = m->n_areas; i-- > 0;) {
		bm_area *a = &m->areas[i];
		if (a->parent != SIZE_MAX)
			m->areas[a->parent].subtree_lines += a->subtree_lines;
		else
			m->n_matching += a->subtree_lines;
	}
}

static int build_rows(budget_model *m, bl_err *err)
{
	if (ensure_counts(m, false, err) != 0)
		return -1;
	m->n_vis = 0;
	m->n_rows = 0;
	int skip = 0; /* hide areas deeper than this level (0: none) */
	for (size_t i = 0; i < m->n_areas; i++) {
		bm_area *a = &m->areas[i];
		if (skip && a->level > skip)
			continue;
		skip = 0;
		if (m->filter[0] && a->subtree_lines == 0) {
			skip = a->level;
			continue;
		}
		m->vis[m->n_vis] = i;
		m->vis_row[m->n_vis] = m->n_rows;
		m->n_vis++;
		m->n_rows += 1 + (a->expanded && a->n_lines > 0 ? a->n_lines : 0);
		if (!a->expanded)
			skip = a->level;
	}
	return 0;
}

int bm_open(budget_model *m, bl_store *s, const bl_process_info *info,
	    const char *version, bl_err *err)
{
	memset(m, 0, sizeof *m);
	m->store = s;
	m->first_year = info->budget_year;
	m->n_years = info->n_years;
	m->sort = BL_SORT_CODE;
	m->sort_year = info->budget_year;
	snprintf(m->version, sizeof m->version, "%s", version);
	for (int i = 0; i < BM_CACHE; i++)
		m->cache[i].area = SIZE_MAX;
	int64_t id_max = 0;
	if (load_areas(m, err) != 0 || load_totals(m, err) != 0 ||
	    bl_store_line_id_max(s, &id_max, err) != 0) {
		bm_close(m);
		return -1;
	}
	/* A small budget opens unfolded and counted; a large one folded, and
	 * its lines are counted when asked for (+), not before the first
	 * screen. */
	bool unfold = id_max <= BM_UNFOLD_LINES;
	m->small = unfold;
	for (size_t i = 0; i < m->n_areas; i++)
		m->areas[i].expanded = unfold || m->areas[i].level == 1;
	if (unfold && ensure_counts(m, true, err) != 0) {
		bm_close(m);
		return -1;
	}
	m->n_matching = -1;
	if (unfold)
		subtree_counts(m);
	if (build_rows(m, err) != 0) {
		bm_close(m);
		return -1;
	}
	return 0;
}

void bm_close(budget_model *m)
{
	cache_flush(m);
	free_areas(m);
}

/* Counts, rows and cached lines all depend on the query. */
static int requery(budget_model *m, bl_err *err)
{
	cache_flush(m);
	for (size_t i = 0; i < m->n_areas; i++)
		m->areas[i].n_lines = -1;
	if (m->filter[0]) {
		if (ensure_counts(m, true, err) != 0)
			return -1;
		subtree_counts(m);
		for (size_t i = 0; i < m->n_areas; i++)
			if (m->areas[i].subtree_lines > 0)
				m->areas[i].expanded = true;
	} else {
		m->n_matching = -1;
		if (m->small && ensure_counts(m, true, err) != 0)
			return -1;
	}
	if (build_rows(m, err) != 0)
		return -1;
	bool all_known = true;
	for (size_t i = 0; i < m->n_areas && all_known; i++)
		all_known = m->areas[i].n_lines >= 0;
	if (all_known && !m->filter[0])
		subtree_counts(m);
	return 0;
}

static int cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

int bm_reload(budget_model *m, bl_err *err)
{
	/* Keep what was unfolded, by area id (areas may have been added). */
	size_t n_old = m->n_areas, n_exp = 0;
	int64_t *exp = calloc(n_old ? n_old : 1, sizeof *exp);
	if (!exp)
		return bl_err_set(err, _("out of memory"));
	for (size_t i = 0; i < n_old; i++)
		if (m->areas[i].expanded)
			exp[n_exp++] = m->areas[i].id;
	qsort(exp, n_exp, sizeof *exp, cmp_int64);
	cache_flush(m);
	free_areas(m);
	int rc = load_areas(m, err);
	if (rc == 0)
		rc = load_totals(m, err);
	if (rc == 0) {
		for (size_t i = 0; i < m->n_areas; i++) {
			bool seen = bsearch(&m->areas[i].id, exp, n_exp, sizeof *exp, cmp_int64) != NULL;
			m->areas[i].expanded = seen || m->areas[i].level == 1;
		}
		rc = requery(m, err);
	}
	free(exp);
	return rc;
}

int bm_set_filter(budget_model *m, const char *filter, bl_err *err)
{
	char old[sizeof m->filter];
	snprintf(old, sizeof old, "%s", m->filter);
	snprintf(m->filter, sizeof m->filter, "%s", filter ? filter : "");
	if (requery(m, err) != 0) {
		snprintf(m->filter, sizeof m->filter, "%s", old);
		bl_err tmp = { { 0 } };
		requery(m, &tmp);
		return -1;
	}
	return 0;
}

int bm_set_sort(budget_model *m, bl_sort sort, int year, bool descending,
		bl_err *err)
{
	m->sort = sort;
	m->sort_year = year;
	m->descending = descending;
	cache_flush(m);
	/* Counts do not depend on the order. */
	(void)err;
	return 0;
}

int bm_set_version(budget_model *m, const char *version, bl_err *err)
{
	if (strcmp(m->version, version) == 0)
		return 0;
	snprintf(m->version, sizeof m->version, "%s", version);
	if (load_totals(m, err) != 0)
		return -1;
	return requery(m, err);
}

int bm_expand(budget_model *m, size_t area, bool on, bl_err *err)
{
	if (area >= m->n_areas)
		return 0;
	m->areas[area].expanded = on;
	return build_rows(m, err);
}

int bm_expand_all(budget_model *m, bool on, bl_err *err)
{
	for (size_t i = 0; i < m->n_areas; i++)
		m->areas[i].expanded = on;
	if (on) {
		if (ensure_counts(m, true, err) != 0)
			return -1;
		if (!m->filter[0])
			subtree_counts(m);
	}
	return build_rows(m, err);
}

typedef struct page_fill {
	bm_page *p;
} page_fill;

static int fill_cb(void *ctx, const bl_line *l, const bl_money *amounts,
		   const bool *has, int n_years)
{
	page_fill *f = ctx;
	bm_page *p = f->p;
	if (p->n >= BM_PAGE)
		return 1;
	bm_line *bl = &p->lines[p->n];
	memset(bl, 0, sizeof *bl);
	bl->line.id = l->id;
	bl->line.area_id = l->area_id;
	bl->line.kind = l->kind;
	bl->line.dir = l->dir;
	bl->line.code = strdup(l->code);
	bl->line.title = strdup(l->title);
	bl->line.description = l->description ? strdup(l->description) : NULL;
	if (!bl->line.code || !bl->line.title) {
		bl_line_clear(&bl->line);
		return 2;
	}
	for (int i = 0; i < n_years && i < BL_MAX_YEARS; i++) {
		bl->amounts[i] = amounts[i];
		bl->has[i] = has[i];
	}
	p->n++;
	return 0;
}

static const bm_line *line_at(budget_model *m, size_t area, int64_t pos, bl_err *err)
{
	int64_t first = pos / BM_PAGE * BM_PAGE;
	bm_page *lru = &m->cache[0];
	for (int i = 0; i < BM_CACHE; i++) {
		bm_page *p = &m->cache[i];
		if (p->area == area && p->first == first) {
			p->used = ++m->tick;
			return pos - first < p->n ? &p->lines[pos - first] : NULL;
		}
		if (p->used < lru->used)
			lru = p;
	}
	for (int j = 0; j < lru->n; j++)
		bl_line_clear(&lru->lines[j].line);
	lru->n = 0;
	lru->area = area;
	lru->first = first;
	lru->used = ++m->tick;
	bl_line_query q = query_of(m);
	page_fill f = { lru };
	m->queries++;
	int rc = bl_store_area_lines_page(m->store, &q, m->areas[area].id, first,
					  BM_PAGE, fill_cb, &f, err);
	if (rc < 0 || rc == 2) {
		if (rc == 2)
			bl_err_set(err, _("out of memory"));
		lru->area = SIZE_MAX;
		return NULL;
	}
	return pos - first < lru->n ? &lru->lines[pos - first] : NULL;
}

int bm_row_at(budget_model *m, int64_t r, bm_row *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (r < 0 || r >= m->n_rows || m->n_vis == 0)
		return bl_err_set(err, _("no row %lld"), (long long)r);
	size_t lo = 0, hi = m->n_vis;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (m->vis_row[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	out->area = m->vis[lo];
	if (r == m->vis_row[lo])
		return 0;
	out->pos = r - m->vis_row[lo] - 1;
	out->line = line_at(m, out->area, out->pos, err);
	if (!out->line) {
		if (!err || !err->msg[0])
			bl_err_set(err, _("the line at row %lld has gone (another terminal changed the budget); press C-l"),
				   (long long)r);
		return -1;
	}
	return 0;
}

int64_t bm_area_row(const budget_model *m, size_t area)
{
	for (size_t v = 0; v < m->n_vis; v++)
		if (m->vis[v] == area)
			return m->vis_row[v];
	return -1;
}

int bm_line_row(budget_model *m, int64_t line_id, int64_t *row, bl_err *err)
{
	bl_line_query q = query_of(m);
	int64_t area_id, pos;
	int r = bl_store_line_position(m->store, &q, line_id, &area_id, &pos, err);
	if (r < 0)
		return -1;
	*row = -1;
	if (r == 0)
		return 0;
	size_t a = bm_area_index(m, area_id);
	if (a == SIZE_MAX)
		return 0;
	for (size_t p = a; p != SIZE_MAX; p = m->areas[p].parent)
		m->areas[p].expanded = true;
	if (build_rows(m, err) != 0)
		return -1;
	int64_t ar = bm_area_row(m, a);
	if (ar >= 0)
		*row = ar + 1 + pos;
	return 0;
}

void bm_area_path(const budget_model *m, size_t area, char *buf, size_t bufsz)
{
	size_t chain[64], n = 0;
	for (size_t p = area; p != SIZE_MAX && n < 64; p = m->areas[p].parent)
		chain[n++] = p;
	size_t len = 0;
	buf[0] = '\0';
	while (n-- > 0 && len < bufsz) {
		int w = snprintf(buf + len, bufsz - len, "%s%s", len ? "/" : "", m->areas[chain[n]].code);
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

bool bm_area_net(const budget_model *m, size_t area, int i, bl_money *out)
{
	const bm_area *a = &m->areas[area];
	if (a->overflow)
		return false;
	return bl_money_sub(a->expense[i], a->income[i], out);
}
