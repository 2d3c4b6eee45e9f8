/* demo.c: write the demo municipality (Egekær Kommune) to a new database.
 *
 * The data lives in shipped TSV files (share/demo/, see its README.md) so
 * that it can be read, diffed and regenerated without touching C.  They are
 * parsed strictly and completely *before* the database is created, so that
 * broken data never leaves a file behind; after that each step (bulk load,
 * goals, entering the first phase, the checklist tick) is one transaction,
 * and if any of them fails the new file is removed. */
#include "config.h"
#include "cli/demo.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/paths.h"
#include "config/process_yaml.h"
#include "config/sdg_file.h"
#include "store/goal_store.h"
#include "store/pool_store.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/process.h"
#include "core/text.h"
#include "store/store.h"

#define DEMO_ACTOR "demo"
#define DEMO_MUNICIPALITY "Egekær Kommune"
#define DEMO_PHASES "phases/danish-municipality.yaml"
#define DEMO_VERSION "proposal"
/* The checklist item the demo ticks: the second of the goals phase ("the
 * goals are tied to the SDGs and the three pillars"), which the demo's
 * goals are.  Not the first ("every committee has its goals"): one
 * committee has none yet, which is the point of the demo. */
#define DEMO_TICK_ITEM 1
/* The demo files are tens of kilobytes; a file far larger is not ours, and
 * reading it whole would only waste memory. */
#define DEMO_MAX_BYTES (8L * 1024 * 1024)
/* code, title, area, kind, direction, years..., description */
#define LINE_FIXED 5
/* The widest file is pool_projects.tsv: pool, title, kind, applied,
 * status, asked and granted per year, three pillars, why, goals. */
#define MAX_FIELDS (5 + 2 * BL_MAX_YEARS + 5)
#define NONE SIZE_MAX

/* One TSV file, read whole; fields point into buf, split in place. */
typedef struct tsv {
	const char *rel;   /* "demo/lines.tsv": how it is looked up */
	char path[4096];   /* where it was found: used in every message */
	char *buf;
	size_t len, pos;
	int lineno;        /* of the record last returned */
	const char *const *cols;
	int ncols;
} tsv;

typedef struct demo_area {
	char *code, *parent, *name;
	size_t parent_idx; /* NONE for a committee */
	int lineno;
	int64_t id;
} demo_area;

typedef struct demo_line {
	bl_line l;
	bl_money amounts[BL_MAX_YEARS];
	size_t area_idx;
	int lineno;
} demo_line;

typedef struct demo_goal {
	char *key;
	bl_goal g;
	size_t area_idx; /* NONE: the whole municipality */
	int lineno;
} demo_goal;

typedef struct demo_link {
	size_t goal_idx, line_idx;
	int lineno;
} demo_link;

typedef struct demo_data {
	tsv areas_f, lines_f, goals_f, links_f;
	const char *line_cols[MAX_FIELDS];
	char years[BL_MAX_YEARS][12];
	demo_area *areas;
	demo_line *lines;
	demo_goal *goals;
	demo_link *links;
	size_t n_areas, n_lines, n_goals, n_links;
	int first_year, n_years;
} demo_data;

/* ---- reading ---- */

static int tsv_open(tsv *t, const char *rel, bl_err *err)
{
	t->rel = rel;
	if (bl_path_shipped(rel, t->path, sizeof t->path) != 0)
		return bl_err_set(err, _("the demo data file '%s' was not found in "
					 "$BUDGETLAB_DATADIR, the source tree or %s; "
					 "expected it to be installed with budgetlab"),
				  rel, PKGDATADIR);
	FILE *f = fopen(t->path, "rb");
	if (!f)
		return bl_err_set(err, _("%s: cannot open: %s"), t->path, strerror(errno));
	long size = -1;
	if (fseek(f, 0, SEEK_END) == 0)
		size = ftell(f);
	if (size < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return bl_err_set(err, _("%s: cannot read: %s"), t->path, strerror(errno));
	}
	if (size > DEMO_MAX_BYTES) {
		fclose(f);
		return bl_err_set(err, _("%s: %ld bytes; expected a demo data file of "
					 "at most %ld bytes"), t->path, size, DEMO_MAX_BYTES);
	}
	t->buf = malloc((size_t)size + 1);
	if (!t->buf) {
		fclose(f);
		return bl_err_set(err, _("out of memory"));
	}
	t->len = fread(t->buf, 1, (size_t)size, f);
	int bad = ferror(f);
	fclose(f);
	if (bad || t->len != (size_t)size)
		return bl_err_set(err, _("%s: cannot read: %s"), t->path,
				  bad ? strerror(errno) : _("the file changed while being read"));
	t->buf[t->len] = '\0';
	t->pos = 0;
	t->lineno = 0;

	/* Text only: say on which line the first byte that is not UTF-8 is. */
	int line = 1;
	for (size_t i = 0; i < t->len;) {
		const unsigned char *u = (const unsigned char *)t->buf + i;
		size_t used = *u && *u < 0x80 ? 1 : *u ? bl_utf8_seq(u, t->len - i) : 0;
		if (used == 0)
			return bl_err_set(err, _("%s:%d: %s; expected UTF-8 text"), t->path,
					  line, *u ? _("a byte that is not UTF-8")
						   : _("a NUL byte"));
		line += *u == '\n';
		i += used;
	}
	return 0;
}

/* Describe the expected columns: "code, parent, name". */
static void cols_text(const tsv *t, char *buf, size_t sz)
{
	buf[0] = '\0';
	for (int i = 0; i < t->ncols; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sz - len, "%s%s", i ? ", " : "", t->cols[i]);
	}
}

/* "FILE:LINE: " and the message. */
static int row_err(const tsv *t, bl_err *err, const char *fmt, ...) BL_PRINTF(3, 4);
static int row_err(const tsv *t, bl_err *err, const char *fmt, ...)
{
	char msg[BL_ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return bl_err_set(err, "%s:%d: %s", t->path, t->lineno, msg);
}

/* "FILE:LINE: field N (NAME) is "TEXT"; expected ..." */
static int field_err(const tsv *t, int field, const char *text, bl_err *err,
		     const char *fmt, ...) BL_PRINTF(5, 6);
static int field_err(const tsv *t, int field, const char *text, bl_err *err,
		     const char *fmt, ...)
{
	char msg[BL_ERR_MAX / 2], quoted[BL_QUOTE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Quoted, so that a control character in the file cannot reach the
	 * terminal as an escape sequence. */
	bl_text_quote(text, strlen(text), quoted);
	return bl_err_set(err, _("%s:%d: field %d (%s) is \"%s\"; %s"), t->path,
			  t->lineno, field + 1, t->cols[field], quoted, msg);
}

/* Split the next line into exactly t->ncols fields.  Returns 1 with a
 * record, 0 at the end of the file, -1 on error. */
static int tsv_next(tsv *t, char **f, bl_err *err)
{
	if (t->pos >= t->len)
		return 0;
	char *start = t->buf + t->pos;
	char *nl = memchr(start, '\n', t->len - t->pos);
	char *end = nl ? nl : t->buf + t->len;
	t->pos = (size_t)(end - t->buf) + (nl ? 1 : 0);
	t->lineno++;
	*end = '\0';
	/* Spreadsheets save with CRLF; accept that, nothing else. */
	if (end > start && end[-1] == '\r')
		*--end = '\0';
	int n = 1;
	for (char *p = start; *p; p++)
		if (*p == '\t')
			n++;
	if (start == end || n != t->ncols) {
		char cols[512];
		cols_text(t, cols, sizeof cols);
		if (start == end)
			return row_err(t, err, _("an empty line; expected %d fields "
						 "separated by tabs: %s"),
				       t->ncols, cols);
		return row_err(t, err, _("%d fields; expected %d separated by tabs: %s"),
			       n, t->ncols, cols);
	}
	char *p = start;
	for (int i = 0; i < n; i++) {
		f[i] = p;
		char *tab = strchr(p, '\t');
		if (tab) {
			*tab = '\0';
			p = tab + 1;
		}
	}
	for (int i = 0; i < n; i++)
		for (const unsigned char *c = (const unsigned char *)f[i]; *c; c++)
			if (*c < 0x20 || *c == 0x7f)
				return field_err(t, i, f[i], err, _("expected text without "
								    "control characters"));
	return 1;
}

/* The header must name exactly the expected columns, so a file with
 * swapped or missing columns is caught before its numbers are misread. */
static int tsv_header(tsv *t, const char *const *cols, int ncols, bl_err *err)
{
	char *f[MAX_FIELDS];
	t->cols = cols;
	t->ncols = ncols;
	int rc = tsv_next(t, f, err);
	if (rc < 0)
		return -1;
	char want[512];
	cols_text(t, want, sizeof want);
	if (rc == 0)
		return bl_err_set(err, _("%s:1: the file is empty; expected a header "
					 "row with the columns %s"), t->path, want);
	for (int i = 0; i < ncols; i++) {
		if (strcmp(f[i], cols[i]) == 0)
			continue;
		char quoted[BL_QUOTE_MAX];
		bl_text_quote(f[i], strlen(f[i]), quoted);
		return row_err(t, err, _("the header names column %d \"%s\"; "
					 "expected the columns %s"), i + 1, quoted, want);
	}
	return 0;
}

static bool required(const tsv *t, char **f, int i, bl_err *err)
{
	if (f[i][0])
		return true;
	field_err(t, i, f[i], err, _("expected a value"));
	return false;
}

/* Whole kroner, an optional '-' and digits only, into øre. */
static int parse_kroner(const tsv *t, char **f, int i, bl_money *out, bl_err *err)
{
	const char *s = f[i];
	const char *p = s + (*s == '-');
	int64_t v = 0;
	if (!*p)
		return field_err(t, i, s, err, _("expected a whole number of kroner, "
						 "e.g. 1250000"));
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return field_err(t, i, s, err, _("expected a whole number of "
							 "kroner without separators, "
							 "e.g. 1250000"));
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
			return field_err(t, i, s, err, _("expected an amount that fits "
							 "(it is too large)"));
	}
	if (__builtin_mul_overflow(v, 100, &v))
		return field_err(t, i, s, err, _("expected an amount that fits "
						 "(it is too large)"));
	*out = *s == '-' ? -v : v;
	return 0;
}

static size_t find_area(const demo_data *d, const char *code)
{
	for (size_t i = 0; i < d->n_areas; i++)
		if (strcmp(d->areas[i].code, code) == 0)
			return i;
	return NONE;
}

static size_t find_line(const demo_data *d, const char *code)
{
	for (size_t i = 0; i < d->n_lines; i++)
		if (strcmp(d->lines[i].l.code, code) == 0)
			return i;
	return NONE;
}

static size_t find_goal(const demo_data *d, const char *key)
{
	for (size_t i = 0; i < d->n_goals; i++)
		if (strcmp(d->goals[i].key, key) == 0)
			return i;
	return NONE;
}

/* arr with room for one more element (n used, *cap allocated), or NULL
 * when out of memory (arr is still valid then). */
static void *grow(void *arr, size_t elem, size_t n, size_t *cap)
{
	if (n < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 64;
	void *p = realloc(arr, ncap * elem);
	if (p)
		*cap = ncap;
	return p;
}

static int read_areas(demo_data *d, bl_err *err)
{
	static const char *const cols[] = { "code", "parent", "name" };
	tsv *t = &d->areas_f;
	char *f[MAX_FIELDS];
	size_t cap = 0;
	int rc;
	if (tsv_open(t, "demo/areas.tsv", err) || tsv_header(t, cols, 3, err))
		return -1;
	while ((rc = tsv_next(t, f, err)) == 1) {
		if (!required(t, f, 0, err) || !required(t, f, 2, err))
			return -1;
		if (strchr(f[0], '/'))
			return field_err(t, 0, f[0], err, _("expected a code without '/' "
							    "(it separates codes in an "
							    "area path)"));
		if (find_area(d, f[0]) != NONE)
			return field_err(t, 0, f[0], err, _("expected a code not used "
							    "before in this file"));
		size_t parent = NONE;
		if (f[1][0] && (parent = find_area(d, f[1])) == NONE)
			return field_err(t, 1, f[1], err, _("expected empty (a top-level "
							    "area) or the code of an "
							    "area on an earlier line"));
		void *more = grow(d->areas, sizeof *d->areas, d->n_areas, &cap);
		if (!more)
			return bl_err_set(err, _("out of memory"));
		d->areas = more;
		d->areas[d->n_areas++] = (demo_area){ f[0], f[1], f[2], parent,
						      t->lineno, 0 };
	}
	if (rc < 0)
		return -1;
	if (d->n_areas == 0)
		return bl_err_set(err, _("%s: no areas; expected at least one after "
					 "the header"), t->path);
	return 0;
}

static int read_lines(demo_data *d, bl_err *err)
{
	static const char *const fixed[LINE_FIXED] = { "code", "title", "area",
						       "kind", "direction" };
	tsv *t = &d->lines_f;
	const char **cols = d->line_cols;
	int ncols = LINE_FIXED + d->n_years + 1;
	for (int i = 0; i < LINE_FIXED; i++)
		cols[i] = fixed[i];
	for (int y = 0; y < d->n_years; y++) {
		snprintf(d->years[y], sizeof d->years[y], "%d", d->first_year + y);
		cols[LINE_FIXED + y] = d->years[y];
	}
	cols[ncols - 1] = "description";
	char *f[MAX_FIELDS];
	size_t cap = 0;
	int rc;
	if (tsv_open(t, "demo/lines.tsv", err))
		return -1;
	/* The expected header lists the process's years, which is the hint a
	 * file for another budget year needs. */
	if (tsv_header(t, cols, ncols, err))
		return -1;
	while ((rc = tsv_next(t, f, err)) == 1) {
		for (int i = 0; i < LINE_FIXED + d->n_years; i++)
			if (!required(t, f, i, err))
				return -1;
		if (find_line(d, f[0]) != NONE)
			return field_err(t, 0, f[0], err, _("expected a code not used "
							    "before in this file"));
		demo_line dl;
		memset(&dl, 0, sizeof dl);
		if ((dl.area_idx = find_area(d, f[2])) == NONE)
			return field_err(t, 2, f[2], err, _("expected the code of an area "
							    "in %s"), d->areas_f.path);
		if (strcmp(f[3], bl_kind_name(BL_KIND_OPERATION)) == 0)
			dl.l.kind = BL_KIND_OPERATION;
		else if (strcmp(f[3], bl_kind_name(BL_KIND_CAPITAL)) == 0)
			dl.l.kind = BL_KIND_CAPITAL;
		else
			return field_err(t, 3, f[3], err, _("expected %s (drift) or %s "
							    "(anlæg)"),
					 bl_kind_name(BL_KIND_OPERATION),
					 bl_kind_name(BL_KIND_CAPITAL));
		if (strcmp(f[4], bl_direction_name(BL_DIR_EXPENSE)) == 0)
			dl.l.dir = BL_DIR_EXPENSE;
		else if (strcmp(f[4], bl_direction_name(BL_DIR_INCOME)) == 0)
			dl.l.dir = BL_DIR_INCOME;
		else
			return field_err(t, 4, f[4], err, _("expected %s or %s"),
					 bl_direction_name(BL_DIR_EXPENSE),
					 bl_direction_name(BL_DIR_INCOME));
		for (int y = 0; y < d->n_years; y++)
			if (parse_kroner(t, f, LINE_FIXED + y, &dl.amounts[y], err))
				return -1;
		dl.l.code = f[0];
		dl.l.title = f[1];
		dl.l.description = f[ncols - 1][0] ? f[ncols - 1] : NULL;
		dl.lineno = t->lineno;
		void *more = grow(d->lines, sizeof *d->lines, d->n_lines, &cap);
		if (!more)
			return bl_err_set(err, _("out of memory"));
		d->lines = more;
		d->lines[d->n_lines++] = dl;
	}
	if (rc < 0)
		return -1;
	if (d->n_lines == 0)
		return bl_err_set(err, _("%s: no budget lines; expected at least one "
					 "after the header"), t->path);
	return 0;
}

static int read_goals(demo_data *d, bl_err *err)
{
	static const char *const cols[] = { "goal", "area", "title", "description" };
	tsv *t = &d->goals_f;
	char *f[MAX_FIELDS];
	size_t cap = 0;
	int rc;
	if (tsv_open(t, "demo/goals.tsv", err) || tsv_header(t, cols, 4, err))
		return -1;
	while ((rc = tsv_next(t, f, err)) == 1) {
		if (!required(t, f, 0, err) || !required(t, f, 2, err))
			return -1;
		if (find_goal(d, f[0]) != NONE)
			return field_err(t, 0, f[0], err, _("expected a key not used "
							    "before in this file"));
		demo_goal g;
		memset(&g, 0, sizeof g);
		g.area_idx = NONE;
		if (f[1][0] && (g.area_idx = find_area(d, f[1])) == NONE)
			return field_err(t, 1, f[1], err, _("expected empty (the whole "
							    "municipality) or the code "
							    "of an area in %s"),
					 d->areas_f.path);
		g.key = f[0];
		g.g.title = f[2];
		g.g.description = f[3][0] ? f[3] : NULL;
		g.lineno = t->lineno;
		void *more = grow(d->goals, sizeof *d->goals, d->n_goals, &cap);
		if (!more)
			return bl_err_set(err, _("out of memory"));
		d->goals = more;
		d->goals[d->n_goals++] = g;
	}
	return rc < 0 ? -1 : 0;
}

static int read_links(demo_data *d, bl_err *err)
{
	static const char *const cols[] = { "goal", "line" };
	tsv *t = &d->links_f;
	char *f[MAX_FIELDS];
	size_t cap = 0;
	int rc;
	if (tsv_open(t, "demo/goal_lines.tsv", err) || tsv_header(t, cols, 2, err))
		return -1;
	while ((rc = tsv_next(t, f, err)) == 1) {
		demo_link k = { NONE, NONE, t->lineno };
		if ((k.goal_idx = find_goal(d, f[0])) == NONE)
			return field_err(t, 0, f[0], err, _("expected the key of a goal "
							    "in %s"), d->goals_f.path);
		if ((k.line_idx = find_line(d, f[1])) == NONE)
			return field_err(t, 1, f[1], err, _("expected the code of a line "
							    "in %s"), d->lines_f.path);
		for (size_t i = 0; i < d->n_links; i++)
			if (d->links[i].goal_idx == k.goal_idx &&
			    d->links[i].line_idx == k.line_idx)
				return row_err(t, err, _("goal %s and line %s are linked "
							 "already on line %d; expected "
							 "each link once"),
					       f[0], f[1], d->links[i].lineno);
		void *more = grow(d->links, sizeof *d->links, d->n_links, &cap);
		if (!more)
			return bl_err_set(err, _("out of memory"));
		d->links = more;
		d->links[d->n_links++] = k;
	}
	return rc < 0 ? -1 : 0;
}

static void data_free(demo_data *d)
{
	free(d->areas_f.buf);
	free(d->lines_f.buf);
	free(d->goals_f.buf);
	free(d->links_f.buf);
	free(d->areas);
	free(d->lines);
	free(d->goals);
	free(d->links);
}

/* ---- writing ---- */

/* A store error about one row: put the row's FILE:LINE in front. */
static int at_row(const tsv *t, int lineno, bl_err *err)
{
	return bl_err_prefix(err, "%s:%d", t->path, lineno);
}

static int load_budget(bl_store *s, demo_data *d, bl_err *err)
{
	bl_bulk *b = NULL;
	if (bl_store_bulk_begin(s, DEMO_VERSION, "demo/lines.tsv", &b, err))
		return -1;
	for (size_t i = 0; i < d->n_areas; i++) {
		demo_area *a = &d->areas[i];
		int64_t parent = a->parent_idx == NONE ? 0 : d->areas[a->parent_idx].id;
		if (bl_bulk_area(b, parent, a->code, a->name, &a->id, err)) {
			bl_bulk_abort(b);
			return at_row(&d->areas_f, a->lineno, err);
		}
	}
	for (size_t i = 0; i < d->n_lines; i++) {
		demo_line *l = &d->lines[i];
		l->l.area_id = d->areas[l->area_idx].id;
		if (bl_bulk_line(b, &l->l, l->amounts, NULL, d->n_years, &l->l.id, err)) {
			bl_bulk_abort(b);
			return at_row(&d->lines_f, l->lineno, err);
		}
	}
	return bl_bulk_commit(b, err);
}

/* The SDG targets the demo's goals serve (demo/goal_sdgs.tsv: goal key,
 * target; a goal's rows together), as their descriptions name them. */
static int load_goal_sdgs(bl_store *s, demo_data *d, bl_err *err)
{
	static const char *const cols[] = { "goal", "target" };
	tsv t;
	memset(&t, 0, sizeof t);
	bl_sdg_set sdg;
	if (bl_sdg_load(NULL, &sdg, err) != 0)
		return -1;
	char *f[MAX_FIELDS];
	const char *targets[32];
	size_t n = 0, goal = NONE;
	int rc = tsv_open(&t, "demo/goal_sdgs.tsv", err) || tsv_header(&t, cols, 2, err) ? -1 : 1;
	while (rc == 1) {
		rc = tsv_next(&t, f, err);
		size_t g = rc == 1 ? find_goal(d, f[0]) : NONE;
		if (rc == 1 && g == NONE) {
			rc = field_err(&t, 0, f[0], err, _("expected the key of a goal in %s"),
				       d->goals_f.path);
			break;
		}
		/* A goal's rows end: write its targets. */
		if (goal != NONE && rc >= 0 && (rc != 1 || g != goal)) {
			if (bl_store_goal_targets_set(s, d->goals[goal].g.id, targets, n, &sdg, err)) {
				rc = at_row(&t, t.lineno, err);
				break;
			}
			n = 0;
		}
		if (rc != 1)
			break;
		goal = g;
		if (n == sizeof targets / sizeof targets[0]) {
			rc = row_err(&t, err, _("goal %s has more than 32 targets"), f[0]);
			break;
		}
		targets[n++] = f[1];
	}
	bl_sdg_set_free(&sdg);
	free(t.buf);
	return rc < 0 ? -1 : 0;
}

/* The SDGs the demo municipality chose, in Asker's form
 * (demo/sdg_choices.tsv: the SDG's number, its local significance, the
 * opportunities and the challenges). */
static int load_sdg_choices(bl_store *s, bl_err *err)
{
	static const char *const cols[] = { "sdg", "significance", "opportunities", "challenges" };
	tsv t;
	memset(&t, 0, sizeof t);
	char *f[MAX_FIELDS];
	int rc = tsv_open(&t, "demo/sdg_choices.tsv", err) || tsv_header(&t, cols, 4, err) ? -1 : 1;
	while (rc == 1 && (rc = tsv_next(&t, f, err)) == 1) {
		char *end;
		long n = strtol(f[0], &end, 10);
		if (end == f[0] || *end || n < 1 || n > 17) {
			rc = field_err(&t, 0, f[0], err, _("expected an SDG's number, 1 to 17"));
			break;
		}
		bl_sdg_choice c = { (int)n, f[1], f[2], f[3] };
		if (bl_store_sdg_choose(s, &c, err) != 0)
			rc = at_row(&t, t.lineno, err);
	}
	free(t.buf);
	return rc < 0 ? -1 : 0;
}

/* How far the demo's goals have come (demo/goal_status.tsv: goal key,
 * status); the goals not named are drafts. */
static int load_goal_status(bl_store *s, demo_data *d, bl_err *err)
{
	static const char *const cols[] = { "goal", "status" };
	tsv t;
	memset(&t, 0, sizeof t);
	char *f[MAX_FIELDS];
	int rc = tsv_open(&t, "demo/goal_status.tsv", err) || tsv_header(&t, cols, 2, err) ? -1 : 1;
	while (rc == 1 && (rc = tsv_next(&t, f, err)) == 1) {
		size_t g = find_goal(d, f[0]);
		bl_goal_status st;
		if (g == NONE)
			rc = field_err(&t, 0, f[0], err, _("expected the key of a goal in %s"),
				       d->goals_f.path);
		else if (bl_goal_status_from_key(f[1], &st) != 0)
			rc = field_err(&t, 1, f[1], err, _("expected draft, discussed or agreed"));
		else if (bl_store_goal_status_set(s, d->goals[g].g.id, st, err) != 0)
			rc = at_row(&t, t.lineno, err);
	}
	free(t.buf);
	return rc < 0 ? -1 : 0;
}

/* Goal keys "G02,G03" of the demo's goals into store ids. */
static int goal_list(const tsv *t, char **f, int i, const demo_data *d, int64_t *ids,
		     size_t max, size_t *n, bl_err *err)
{
	*n = 0;
	char *p = f[i];
	while (*p) {
		size_t len = strcspn(p, ",");
		char key[16];
		size_t g = NONE;
		if (len < sizeof key) {
			memcpy(key, p, len);
			key[len] = '\0';
			g = find_goal(d, key);
		}
		if (g == NONE || *n == max)
			return field_err(t, i, f[i], err, _("expected goal keys of %s, separated"
							    " by commas"), d->goals_f.path);
		ids[(*n)++] = d->goals[g].g.id;
		p += len + (p[len] == ',');
	}
	return 0;
}

static int pillar_field(const tsv *t, char **f, int i, bl_pillars *p, int k, bl_err *err)
{
	if (!f[i][0])
		return 0;
	if (strlen(f[i]) > 2 || strtol(f[i], NULL, 10) < -2 || strtol(f[i], NULL, 10) > 2 ||
	    strspn(f[i], "-0123456789") != strlen(f[i]))
		return field_err(t, i, f[i], err, _("expected a score from -2 to 2, or nothing"));
	p->has[k] = true;
	p->score[k] = (int)strtol(f[i], NULL, 10);
	return 0;
}

/* The demo's development pools (demo/pools.tsv) and the projects that
 * applied to them (demo/pool_projects.tsv), some granted: written through
 * the store, so the database's pool rules hold for them as for anyone. */
static int load_pools(bl_store *s, demo_data *d, bl_err *err)
{
	static const char *const pcols[] = { "pool", "name", "line", "kinds", "max",
					     "carry_over", "goals", "purpose" };
	tsv t;
	memset(&t, 0, sizeof t);
	char *f[MAX_FIELDS];
	int rc = tsv_open(&t, "demo/pools.tsv", err) || tsv_header(&t, pcols, 8, err) ? -1 : 1;
	while (rc == 1 && (rc = tsv_next(&t, f, err)) == 1) {
		bl_pool_rec p = { 0 };
		int64_t goals[16];
		bl_money max = 0;
		p.key = f[0];
		p.name = f[1];
		p.line_code = f[2];
		p.purpose = f[7][0] ? f[7] : NULL;
		bl_err kerr;
		if (bl_pool_kinds_parse(f[3], &p.kinds, &kerr) != 0)
			rc = field_err(&t, 3, f[3], err, "%s", kerr.msg);
		else if (f[4][0] && parse_kroner(&t, f, 4, &max, err) != 0)
			rc = -1;
		else if (strcmp(f[5], "yes") != 0 && strcmp(f[5], "no") != 0)
			rc = field_err(&t, 5, f[5], err, _("expected yes or no"));
		else if (goal_list(&t, f, 6, d, goals, 16, &p.n_goals, err) != 0)
			rc = -1;
		if (rc < 0)
			break;
		p.has_max = f[4][0] != '\0';
		p.max_per_project = max;
		p.carry_over = strcmp(f[5], "yes") == 0;
		p.goals = goals;
		if (bl_store_pool_add(s, &p, err) != 0)
			rc = at_row(&t, t.lineno, err);
	}
	free(t.buf);
	if (rc < 0)
		return -1;
	/* pool, title, kind, applied, status, asked YEAR..., granted YEAR...,
	 * the three pillars, why, goals. */
	enum { PJ_FIXED = 5 };
	const char *cols[PJ_FIXED + 2 * BL_MAX_YEARS + 5];
	static const char *const fixed[PJ_FIXED] = { "pool", "title", "kind", "applied", "status" };
	char names[2 * BL_MAX_YEARS][24];
	int ncols = PJ_FIXED + 2 * d->n_years + 5;
	for (int i = 0; i < PJ_FIXED; i++)
		cols[i] = fixed[i];
	for (int y = 0; y < d->n_years; y++) {
		snprintf(names[y], sizeof names[y], "asked %d", d->first_year + y);
		snprintf(names[d->n_years + y], sizeof names[0], "granted %d", d->first_year + y);
		cols[PJ_FIXED + y] = names[y];
		cols[PJ_FIXED + d->n_years + y] = names[d->n_years + y];
	}
	int pc = PJ_FIXED + 2 * d->n_years;
	cols[pc] = "social";
	cols[pc + 1] = "economic";
	cols[pc + 2] = "environmental";
	cols[pc + 3] = "why";
	cols[pc + 4] = "goals";
	char **pf = f;
	memset(&t, 0, sizeof t);
	rc = tsv_open(&t, "demo/pool_projects.tsv", err) || tsv_header(&t, cols, ncols, err) ? -1 : 1;
	while (rc == 1 && (rc = tsv_next(&t, pf, err)) == 1) {
		bl_pool_project p;
		memset(&p, 0, sizeof p);
		bl_money granted[BL_MAX_YEARS] = { 0 };
		int64_t goals[16];
		bl_project_status st;
		bl_date day;
		p.title = pf[1];
		p.n_years = d->n_years;
		if (bl_pool_kind_from_key(pf[2], &p.kind) != 0)
			rc = field_err(&t, 2, pf[2], err, _("expected development, capital or operation"));
		else if (bl_date_parse(pf[3], &day, err) != 0)
			rc = field_err(&t, 3, pf[3], err, _("expected a date, YYYY-MM-DD"));
		else if (bl_project_status_from_key(pf[4], &st) != 0)
			rc = field_err(&t, 4, pf[4], err, _("expected applied, granted, rejected or"
							   " withdrawn"));
		for (int y = 0; rc == 1 && y < d->n_years; y++)
			if (parse_kroner(&t, pf, PJ_FIXED + y, &p.asked[y], err) != 0 ||
			    (pf[PJ_FIXED + d->n_years + y][0] &&
			     parse_kroner(&t, pf, PJ_FIXED + d->n_years + y, &granted[y], err) != 0))
				rc = -1;
		for (int k = 0; rc == 1 && k < BL_PILLARS; k++)
			if (pillar_field(&t, pf, pc + k, &p.pillars, k, err) != 0)
				rc = -1;
		if (rc == 1 && goal_list(&t, pf, pc + 4, d, goals, 16, &p.n_goals, err) != 0)
			rc = -1;
		if (rc < 0)
			break;
		bl_date_format(day, p.applied);
		p.pillars.justification = pf[pc + 3][0] ? pf[pc + 3] : NULL;
		p.goals = goals;
		int64_t number;
		if (bl_store_pool_project_add(s, pf[0], &p, &number, NULL, 0, err) != 0 ||
		    (st == BL_PROJECT_GRANTED &&
		     bl_store_pool_grant(s, pf[0], number, granted, d->n_years, NULL, err) != 0) ||
		    ((st == BL_PROJECT_REJECTED || st == BL_PROJECT_WITHDRAWN) &&
		     bl_store_pool_decide(s, pf[0], number, st, NULL, err) != 0))
			rc = at_row(&t, t.lineno, err);
	}
	free(t.buf);
	return rc < 0 ? -1 : 0;
}

static int load_goals(bl_store *s, demo_data *d, bl_err *err)
{
	if (bl_store_begin(s, err))
		return -1;
	for (size_t i = 0; i < d->n_goals; i++) {
		demo_goal *g = &d->goals[i];
		g->g.area_id = g->area_idx == NONE ? 0 : d->areas[g->area_idx].id;
		if (bl_store_goal_add(s, &g->g, &g->g.id, err)) {
			bl_store_rollback(s);
			return at_row(&d->goals_f, g->lineno, err);
		}
	}
	for (size_t i = 0; i < d->n_links; i++) {
		const demo_link *k = &d->links[i];
		if (bl_store_goal_link(s, d->goals[k->goal_idx].g.id,
				       d->lines[k->line_idx].l.id, err)) {
			bl_store_rollback(s);
			return at_row(&d->links_f, k->lineno, err);
		}
	}
	if (load_goal_sdgs(s, d, err) || load_goal_status(s, d, err) || load_sdg_choices(s, err) ||
	    load_pools(s, d, err)) {
		bl_store_rollback(s);
		return -1;
	}
	return bl_store_commit(s, err); /* rolls back if it fails */
}

/* Remove the database we created and SQLite's companions of it.  Only
 * called once bl_store_create succeeded, so it never touches a file that
 * was there before. */
static void remove_db(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal", "" };
	size_t len = strlen(path) + sizeof "-journal";
	char *name = malloc(len);
	if (!name) {
		unlink(path);
		return;
	}
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(name, len, "%s%s", path, suffix[i]);
		unlink(name);
	}
	free(name);
}

int bl_demo_create(const char *path, bl_err *err)
{
	demo_data d;
	bl_process_def *def = NULL;
	char *text = NULL, *muni = NULL, *saved = NULL, yaml[4096];
	bl_store *s = NULL;
	int rc = -1, created;

	memset(&d, 0, sizeof d);
	if (bl_path_shipped(DEMO_PHASES, yaml, sizeof yaml) != 0) {
		bl_err_set(err, _("the phase file %s was not found in $BUDGETLAB_DATADIR, "
				  "the source tree or %s; expected it to be installed "
				  "with budgetlab"), DEMO_PHASES, PKGDATADIR);
		goto out;
	}
	if (bl_config_load_file(yaml, &def, &text, err))
		goto out;
	if (!(muni = strdup(DEMO_MUNICIPALITY))) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	free(def->municipality);
	def->municipality = muni;
	if (def->n_phases == 0) {
		bl_err_set(err, _("%s has no phases; expected at least one"), yaml);
		goto out;
	}
	d.first_year = def->budget_year;
	d.n_years = bl_process_n_years(def);
	if (d.n_years < 1 || d.n_years > BL_MAX_YEARS) {
		bl_err_set(err, _("%s: %d years; expected 1 to %d"), yaml, d.n_years,
			   BL_MAX_YEARS);
		goto out;
	}

	/* Everything is read and checked before the file exists. */
	if (read_areas(&d, err) || read_lines(&d, err) || read_goals(&d, err) ||
	    read_links(&d, err))
		goto out;

	/* Refuses an existing file, which then stays untouched.  The actor is
	 * read from the environment when the store is created, and creating
	 * already journals the process: so "demo" goes there for the moment,
	 * and the caller's value comes back right after. */
	saved = getenv("BUDGETLAB_ACTOR");
	if (saved && !(saved = strdup(saved))) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	setenv("BUDGETLAB_ACTOR", DEMO_ACTOR, 1);
	created = bl_store_create(path, def, text, &s, err);
	if (saved)
		setenv("BUDGETLAB_ACTOR", saved, 1);
	else
		unsetenv("BUDGETLAB_ACTOR");
	free(saved);
	if (created != 0)
		goto out;
	bl_store_set_actor(s, DEMO_ACTOR);
	if (load_budget(s, &d, err) || load_goals(s, &d, err))
		goto fail;
	/* Into "goals before economy": amounts are locked from here on. */
	if (bl_store_phase_advance(s, 0, NULL, NULL, err)) {
		bl_err_prefix(err, _("entering the phase '%s'"), def->phases[0].id);
		goto fail;
	}
	/* One item done, so the checklist shows a process under way. */
	if (def->phases[0].n_checklist > 0 &&
	    bl_store_checklist_set(s, def->phases[0].id,
				   def->phases[0].n_checklist > DEMO_TICK_ITEM ? DEMO_TICK_ITEM : 0,
				   true, err))
		goto fail;
	bl_store_close(s);
	s = NULL;
	rc = 0;
	goto out;
fail:
	bl_store_close(s);
	s = NULL;
	remove_db(path);
out:
	data_free(&d);
	bl_process_def_free(def);
	free(text);
	return rc;
}
