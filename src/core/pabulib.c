/* pabulib.c: Pabulib .pb files, read and written (see pabulib.h).
 *
 * The rows are split by the CSV reader of csv_read.c (libcsv, strict,
 * UTF-8, ';'): it knows quoted fields with ';' or doubled quotes in
 * them, CRLF or LF, a BOM, a last line without its line end, and the
 * physical line each row starts on, which every message here names.
 * What a row means is decided here, section by section.  Everything is
 * built in a bl_pb of its own and handed over only when the whole file
 * has been read: a refused file gives nothing. */
#include "config.h"
#include "core/pabulib.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csv_read.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/text.h"

enum { SEC_NONE, SEC_META, SEC_PROJECTS, SEC_VOTES };
static const char *const sec_name[] = { "", "META", "PROJECTS", "VOTES" };

static const char *const vt_names[] = {
	[BL_VOTE_APPROVAL] = "approval", [BL_VOTE_CHOOSE1] = "choose-1",
	[BL_VOTE_ORDINAL] = "ordinal",	 [BL_VOTE_CUMULATIVE] = "cumulative",
	[BL_VOTE_SCORING] = "scoring",
};

const char *bl_pb_vote_type_name(bl_vote_type t)
{
	return (unsigned)t < sizeof vt_names / sizeof vt_names[0] ? vt_names[t] : "approval";
}

int bl_pb_vote_type_from_name(const char *s, bl_vote_type *out)
{
	for (size_t i = 0; i < sizeof vt_names / sizeof vt_names[0]; i++)
		if (s && strcasecmp(s, vt_names[i]) == 0) {
			*out = (bl_vote_type)i;
			return 0;
		}
	return -1;
}

int bl_pb_parse_amount(const char *s, int64_t *out)
{
	const char *p = s;
	int64_t v = 0;
	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	int64_t frac = 0;
	if (*p == '.' || *p == ',') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		int i = 0;
		for (; isdigit((unsigned char)*p); p++, i++) {
			if (i < 2)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return -1; /* finer than hundredths */
		}
		if (i == 1)
			frac *= 10; /* "12.5" */
	}
	if (*p)
		return -1;
	if (v > (INT64_MAX - frac) / 100)
		return -1;
	*out = v * 100 + frac;
	return 0;
}

const char *bl_pb_format_amount(int64_t v, char *buf, size_t sz)
{
	int64_t whole = v / 100, frac = v % 100;
	if (frac < 0)
		frac = -frac;
	if (frac == 0)
		snprintf(buf, sz, "%lld", (long long)whole);
	else if (frac % 10 == 0)
		snprintf(buf, sz, "%lld.%lld", (long long)whole, (long long)(frac / 10));
	else
		snprintf(buf, sz, "%lld.%02lld", (long long)whole, (long long)frac);
	return buf;
}

/* A whole number of points (scoring may be negative). */
static int parse_int(const char *s, int64_t *out)
{
	bool neg = *s == '-';
	const char *p = s + (neg || *s == '+');
	int64_t v = 0;
	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (*p)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* ---- freeing ---- */

static void meta_free(bl_pb_meta *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].key);
		free(m[i].value);
	}
	free(m);
}

static void strs_free(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

void bl_pb_free(bl_pb *pb)
{
	if (!pb)
		return;
	meta_free(pb->meta, pb->n_meta);
	strs_free(pb->project_cols, pb->n_project_cols);
	strs_free(pb->vote_cols, pb->n_vote_cols);
	for (size_t i = 0; i < pb->n_projects; i++) {
		free(pb->projects[i].id);
		meta_free(pb->projects[i].extra, pb->projects[i].n_extra);
	}
	free(pb->projects);
	for (size_t i = 0; i < pb->n_votes; i++) {
		free(pb->votes[i].voter_id);
		free(pb->votes[i].proj);
		free(pb->votes[i].points);
		meta_free(pb->votes[i].extra, pb->votes[i].n_extra);
	}
	free(pb->votes);
	strs_free(pb->warnings, pb->n_warnings);
	memset(pb, 0, sizeof *pb);
}

/* ---- reading ---- */

typedef struct rd {
	const char *name;
	bl_err *err;
	bl_pb *pb;
	bool oom;
	long line; /* of the row being read */
	int sec;
	bool need_header;
	long sec_line[4], header_line[4];
	size_t cap_meta, cap_proj, cap_votes, cap_vline, cap_warn;
	long *vote_line;
	/* META values that matter, and their lines */
	bool have_budget, have_vt, have_np, have_nv;
	long budget_line, vt_line, np_line, nv_line;
	size_t num_projects, num_votes;
	/* column indexes */
	size_t p_id, p_cost, v_id, v_vote, v_points;
	bool has_points;
	size_t *sorted; /* project indexes sorted by id */
	/* The file's last line has no line end, on this line (0: it has). */
	long cut_line;
} rd;

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

static int fail(rd *r, long line, const char *fmt, ...) BL_PRINTF(3, 4);
static int fail(rd *r, long line, const char *fmt, ...)
{
	char msg[BL_ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return bl_err_set(r->err, "%s:%ld: %s", r->name, line, msg);
}

static int oom(rd *r)
{
	r->oom = true;
	return bl_err_set(r->err, _("%s: out of memory"), r->name);
}

static int warn(rd *r, long line, const char *fmt, ...) BL_PRINTF(3, 4);
static int warn(rd *r, long line, const char *fmt, ...)
{
	char msg[BL_ERR_MAX], full[BL_ERR_MAX + 600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "%s:%ld: %s", r->name, line, msg);
	bl_pb *pb = r->pb;
	char *s = strdup(full);
	if (!s || !grow((void **)&pb->warnings, &r->cap_warn, pb->n_warnings + 1,
			sizeof *pb->warnings)) {
		free(s);
		return oom(r);
	}
	pb->warnings[pb->n_warnings++] = s;
	return 0;
}

/* A copy without the blanks around it. */
static char *dup_trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static bool is_none(const char *s)
{
	return strcasecmp(s, "none") == 0;
}

/* For messages: a cell in quotes, cut short (bl_text_quote). */
#define QMAX (BL_QUOTE_MAX + 2)
static const char *q(const char *s, char out[static QMAX])
{
	char t[BL_QUOTE_MAX];
	bl_text_quote(s, strlen(s), t);
	size_t n = strlen(t);
	out[0] = '\'';
	memcpy(out + 1, t, n);
	out[n + 1] = '\'';
	out[n + 2] = '\0';
	return out;
}

static int title_of(const char *s)
{
	for (int i = SEC_META; i <= SEC_VOTES; i++)
		if (strcasecmp(s, sec_name[i]) == 0)
			return i;
	return SEC_NONE;
}

/* A word that looks like a section title: capitals and '_' only, as
 * the titles are (a vote cut off after its voter_id, "V12", is a row
 * with too few fields, not a section). */
static bool looks_title(const char *s)
{
	size_t n = 0;
	for (; *s; s++, n++)
		if (!(*s >= 'A' && *s <= 'Z') && *s != '_')
			return false;
	return n >= 3;
}

static int find_col(char **cols, size_t n, const char *name, size_t *at)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(cols[i], name) == 0) {
			*at = i;
			return 0;
		}
	return -1;
}

static int header(rd *r, char **f, size_t n, char ***cols, size_t *ncols)
{
	char a[QMAX];
	*cols = calloc(n ? n : 1, sizeof **cols);
	if (!*cols)
		return oom(r);
	*ncols = n;
	for (size_t i = 0; i < n; i++) {
		if (!f[i][0])
			return fail(r, r->line, _("column %zu of the header of %s has no name;"
						  " expected a column name"), i + 1,
				    sec_name[r->sec]);
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(f[i], f[j]) == 0)
				return fail(r, r->line, _("the header of %s names the column %s"
							  " twice; expected each column once"),
					    sec_name[r->sec], q(f[i], a));
		if (!((*cols)[i] = strdup(f[i])))
			return oom(r);
	}
	return 0;
}

static int extra_of(rd *r, char **cols, size_t ncols, char **f, const size_t *skip,
		    size_t nskip, bl_pb_meta **out, size_t *nout)
{
	*out = calloc(ncols, sizeof **out);
	if (!*out)
		return oom(r);
	size_t k = 0;
	for (size_t i = 0; i < ncols; i++) {
		bool s = false;
		for (size_t j = 0; j < nskip; j++)
			s |= skip[j] == i;
		if (s)
			continue;
		(*out)[k].key = strdup(cols[i]);
		(*out)[k].value = is_none(f[i]) ? NULL : strdup(f[i]);
		k++;
		*nout = k;
		if (!(*out)[k - 1].key || (!(*out)[k - 1].value && !is_none(f[i])))
			return oom(r);
	}
	*nout = k;
	return 0;
}

static int meta_row(rd *r, char **f, size_t n)
{
	char a[QMAX];
	bl_pb *pb = r->pb;
	if (n != 2)
		return fail(r, r->line, ngettext("%zu field in META; expected 2 (key;value)",
						  "%zu fields in META; expected 2 (key;value)", n), n);
	if (!f[0][0])
		return fail(r, r->line, _("a META row without a key; expected key;value"));
	for (size_t i = 0; i < pb->n_meta; i++)
		if (strcmp(pb->meta[i].key, f[0]) == 0)
			return fail(r, r->line, _("META has %s twice; expected each key once"),
				    q(f[0], a));
	if (!grow((void **)&pb->meta, &r->cap_meta, pb->n_meta + 1, sizeof *pb->meta))
		return oom(r);
	bl_pb_meta *m = &pb->meta[pb->n_meta];
	m->key = strdup(f[0]);
	m->value = strdup(f[1]);
	pb->n_meta++;
	if (!m->key || !m->value)
		return oom(r);
	if (strcmp(f[0], "budget") == 0) {
		if (bl_pb_parse_amount(f[1], &pb->budget) != 0)
			return fail(r, r->line, _("the budget %s is not an amount; expected a number"
						  " such as 1000000 or 921012.06 (at least 0, at"
						  " most two decimals)"), q(f[1], a));
		r->have_budget = true;
		r->budget_line = r->line;
	} else if (strcmp(f[0], "vote_type") == 0) {
		if (bl_pb_vote_type_from_name(f[1], &pb->vote_type) != 0)
			return fail(r, r->line, _("the vote_type %s is unknown; expected approval,"
						  " choose-1, ordinal, cumulative or scoring"),
				    q(f[1], a));
		r->have_vt = true;
		r->vt_line = r->line;
	} else if (strcmp(f[0], "num_projects") == 0 || strcmp(f[0], "num_votes") == 0) {
		int64_t v;
		if (parse_int(f[1], &v) != 0 || v < 0)
			return fail(r, r->line, _("%s %s is not a count; expected a whole number"
						  " of at least 0"), f[0], q(f[1], a));
		if (f[0][4] == 'p')
			r->have_np = true, r->num_projects = (size_t)v, r->np_line = r->line;
		else
			r->have_nv = true, r->num_votes = (size_t)v, r->nv_line = r->line;
	}
	return 0;
}

static int project_row(rd *r, char **f, size_t n)
{
	char a[QMAX];
	bl_pb *pb = r->pb;
	if (n != pb->n_project_cols)
		return fail(r, r->line, ngettext("%zu field in PROJECTS; expected %zu, as in its header (line %ld)",
					  "%zu fields in PROJECTS; expected %zu, as in its header (line %ld)",
					  n), n, pb->n_project_cols,
			    r->header_line[SEC_PROJECTS]);
	const char *id = f[r->p_id];
	if (!id[0] || is_none(id))
		return fail(r, r->line, _("a project without a project_id; expected an id"));
	if (strchr(id, ','))
		return fail(r, r->line, _("the project_id %s has a comma; expected an id"
					  " without one (votes list ids separated by commas)"),
			    q(id, a));
	for (size_t i = 0; i < pb->n_projects; i++)
		if (strcmp(pb->projects[i].id, id) == 0)
			return fail(r, r->line, _("the project_id %s is in PROJECTS twice;"
						  " expected each project once"), q(id, a));
	int64_t cost;
	if (bl_pb_parse_amount(f[r->p_cost], &cost) != 0)
		return fail(r, r->line, _("the cost %s is not an amount; expected a number such"
					  " as 50000 or 50000.50 (at least 0, at most two"
					  " decimals)"), q(f[r->p_cost], a));
	if (!grow((void **)&pb->projects, &r->cap_proj, pb->n_projects + 1, sizeof *pb->projects))
		return oom(r);
	bl_pb_project *p = &pb->projects[pb->n_projects++];
	memset(p, 0, sizeof *p);
	p->cost = cost;
	if (!(p->id = strdup(id)))
		return oom(r);
	size_t skip[2] = { r->p_id, r->p_cost };
	return extra_of(r, pb->project_cols, n, f, skip, 2, &p->extra, &p->n_extra);
}

static const bl_pb *sort_pb;
static int by_id(const void *a, const void *b)
{
	return strcmp(sort_pb->projects[*(const size_t *)a].id,
		      sort_pb->projects[*(const size_t *)b].id);
}

static long find_project(const rd *r, const char *id)
{
	size_t lo = 0, hi = r->pb->n_projects;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->pb->projects[r->sorted[mid]].id, id);
		if (c == 0)
			return (long)r->sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The comma-separated pieces of s, trimmed, in place; their count. */
static size_t split_list(char *s, char ***out, size_t *cap, bool *oomp)
{
	size_t n = 0;
	if (!s[0] || is_none(s))
		return 0;
	for (char *p = s;;) {
		char *c = strchr(p, ',');
		if (c)
			*c = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		size_t l = strlen(p);
		while (l && (p[l - 1] == ' ' || p[l - 1] == '\t'))
			p[--l] = '\0';
		if (!grow((void **)out, cap, n + 1, sizeof **out)) {
			*oomp = true;
			return 0;
		}
		(*out)[n++] = p;
		if (!c)
			break;
		p = c + 1;
	}
	return n;
}

static int vote_row(rd *r, char **f, size_t n)
{
	char a[QMAX], b[QMAX];
	bl_pb *pb = r->pb;
	if (n != pb->n_vote_cols)
		return fail(r, r->line, ngettext("%zu field in VOTES; expected %zu, as in its header (line %ld)",
					  "%zu fields in VOTES; expected %zu, as in its header (line %ld)",
					  n), n, pb->n_vote_cols,
			    r->header_line[SEC_VOTES]);
	const char *vid = f[r->v_id];
	if (!vid[0] || is_none(vid))
		return fail(r, r->line, _("a vote without a voter_id; expected an id"));
	if (!grow((void **)&pb->votes, &r->cap_votes, pb->n_votes + 1, sizeof *pb->votes) ||
	    !grow((void **)&r->vote_line, &r->cap_vline, pb->n_votes + 1, sizeof *r->vote_line))
		return oom(r);
	r->vote_line[pb->n_votes] = r->line;
	bl_pb_vote *v = &pb->votes[pb->n_votes++];
	memset(v, 0, sizeof *v);
	if (!(v->voter_id = strdup(vid)))
		return oom(r);
	char **ids = NULL, **pts = NULL;
	size_t cap_i = 0, cap_p = 0, np = 0;
	bool o = false;
	int rc = -1;
	size_t ni = split_list(f[r->v_vote], &ids, &cap_i, &o);
	if (r->has_points)
		np = split_list(f[r->v_points], &pts, &cap_p, &o);
	if (o) {
		oom(r);
		goto out;
	}
	if (r->has_points && np != ni) {
		fail(r, r->line, _("%zu points for %zu projects; expected one number of points"
				   " for each project in the vote"), np, ni);
		goto out;
	}
	if (ni) {
		v->proj = malloc(ni * sizeof *v->proj);
		if (r->has_points)
			v->points = malloc(ni * sizeof *v->points);
		if (!v->proj || (r->has_points && !v->points)) {
			oom(r);
			goto out;
		}
	}
	for (size_t i = 0; i < ni; i++) {
		if (!ids[i][0]) {
			fail(r, r->line, _("an empty project id (entry %zu) in the vote; expected"
					   " project ids separated by commas"), i + 1);
			goto out;
		}
		long p = find_project(r, ids[i]);
		if (p < 0) {
			fail(r, r->line, _("the vote names project %s, which is not in PROJECTS;"
					   " expected one of its project_ids"), q(ids[i], a));
			goto out;
		}
		int64_t pt = 0;
		if (r->has_points && parse_int(pts[i], &pt) != 0) {
			fail(r, r->line, _("the points %s are not a whole number; expected one"
					   " such as 3"), q(pts[i], a));
			goto out;
		}
		bool dup = false;
		for (size_t j = 0; j < v->n && !dup; j++)
			dup = v->proj[j] == (size_t)p;
		if (dup) {
			if (warn(r, r->line, _("voter %s lists project %s twice in one vote;"
					       " counted once"), q(vid, b), q(ids[i], a)) != 0)
				goto out;
			continue;
		}
		v->proj[v->n] = (size_t)p;
		if (v->points)
			v->points[v->n] = pt;
		v->n++;
	}
	size_t skip[3] = { r->v_id, r->v_vote, r->has_points ? r->v_points : r->v_id };
	rc = extra_of(r, pb->vote_cols, n, f, skip, 3, &v->extra, &v->n_extra);
out:
	free(ids);
	free(pts);
	return rc;
}

static int start_section(rd *r, int s, const char *word)
{
	char a[QMAX];
	bl_pb *pb = r->pb;
	if (s == SEC_NONE)
		return fail(r, r->line, _("unknown section %s; expected META, PROJECTS or VOTES"),
			    q(word, a));
	if (r->sec_line[s])
		return fail(r, r->line, _("a second %s section (the first is on line %ld);"
					  " expected each section once"), sec_name[s],
			    r->sec_line[s]);
	if (r->sec && r->need_header)
		return fail(r, r->line, _("section %s (line %ld) has no header line; expected"
					  " its header before %s"), sec_name[r->sec],
			    r->sec_line[r->sec], sec_name[s]);
	if (s != r->sec + 1)
		return fail(r, r->line, _("section %s where %s was expected; expected META,"
					  " then PROJECTS, then VOTES"), sec_name[s],
			    sec_name[r->sec + 1]);
	if (s == SEC_PROJECTS) {
		if (!r->have_budget)
			return fail(r, r->sec_line[SEC_META], _("META has no budget; expected a"
								" row budget;AMOUNT"));
		if (!r->have_vt)
			return fail(r, r->sec_line[SEC_META], _("META has no vote_type; expected a"
								" row vote_type;approval (or"
								" choose-1, ordinal, cumulative,"
								" scoring)"));
	}
	if (s == SEC_VOTES) {
		r->sorted = malloc((pb->n_projects ? pb->n_projects : 1) * sizeof *r->sorted);
		if (!r->sorted)
			return oom(r);
		for (size_t i = 0; i < pb->n_projects; i++)
			r->sorted[i] = i;
		sort_pb = pb;
		qsort(r->sorted, pb->n_projects, sizeof *r->sorted, by_id);
	}
	r->sec = s;
	r->sec_line[s] = r->line;
	r->need_header = true;
	return 0;
}

static int do_header(rd *r, char **f, size_t n)
{
	char a[QMAX];
	bl_pb *pb = r->pb;
	r->need_header = false;
	r->header_line[r->sec] = r->line;
	if (r->sec == SEC_META) {
		if (n != 2 || strcasecmp(f[0], "key") != 0 || strcasecmp(f[1], "value") != 0)
			return fail(r, r->line, _("the header of META is %s; expected key;value"),
				    q(f[0], a));
		return 0;
	}
	if (r->sec == SEC_PROJECTS) {
		if (header(r, f, n, &pb->project_cols, &pb->n_project_cols) != 0)
			return -1;
		if (find_col(pb->project_cols, n, "project_id", &r->p_id) != 0)
			return fail(r, r->line, _("the header of PROJECTS has no column project_id;"
						  " expected project_id;cost;..."));
		if (find_col(pb->project_cols, n, "cost", &r->p_cost) != 0)
			return fail(r, r->line, _("the header of PROJECTS has no column cost;"
						  " expected project_id;cost;..."));
		return 0;
	}
	if (header(r, f, n, &pb->vote_cols, &pb->n_vote_cols) != 0)
		return -1;
	if (find_col(pb->vote_cols, n, "voter_id", &r->v_id) != 0)
		return fail(r, r->line, _("the header of VOTES has no column voter_id;"
					  " expected voter_id;vote;..."));
	if (find_col(pb->vote_cols, n, "vote", &r->v_vote) != 0)
		return fail(r, r->line, _("the header of VOTES has no column vote;"
					  " expected voter_id;vote;..."));
	bool need = pb->vote_type == BL_VOTE_CUMULATIVE || pb->vote_type == BL_VOTE_SCORING;
	r->has_points = need && find_col(pb->vote_cols, n, "points", &r->v_points) == 0;
	if (need && !r->has_points)
		return fail(r, r->line, _("the header of VOTES has no column points, which %s"
					  " votes need; expected voter_id;vote;points;..."),
			    bl_pb_vote_type_name(pb->vote_type));
	return 0;
}

static int row(rd *r, char **f, size_t n)
{
	char a[QMAX];
	if (n == 1 && !f[0][0])
		return 0; /* blanks only: a blank line */
	if (n == 1 && (title_of(f[0]) || (looks_title(f[0]) && !r->need_header)))
		return start_section(r, title_of(f[0]), f[0]);
	if (r->sec == SEC_NONE)
		return fail(r, r->line, _("%s before any section; expected the section title"
					  " META"), q(f[0], a));
	if (r->need_header)
		return do_header(r, f, n);
	switch (r->sec) {
	case SEC_META:
		return meta_row(r, f, n);
	case SEC_PROJECTS:
		return project_row(r, f, n);
	default:
		return vote_row(r, f, n);
	}
}

static const bl_pb *sort_votes_pb;
static int by_voter(const void *a, const void *b)
{
	return strcmp(sort_votes_pb->votes[*(const size_t *)a].voter_id,
		      sort_votes_pb->votes[*(const size_t *)b].voter_id);
}

static int finish(rd *r, long last_line)
{
	char a[QMAX];
	bl_pb *pb = r->pb;
	for (int s = SEC_META; s <= SEC_VOTES; s++)
		if (!r->sec_line[s])
			return fail(r, last_line, _("the file ends without a %s section; expected"
						    " META, PROJECTS and VOTES (is it cut off?)"),
				    sec_name[s]);
	if (r->need_header)
		return fail(r, last_line, _("the file ends before the header of VOTES (line"
					    " %ld); expected voter_id;vote;..."),
			    r->sec_line[SEC_VOTES]);
	size_t *ix = malloc((pb->n_votes ? pb->n_votes : 1) * sizeof *ix);
	if (!ix)
		return oom(r);
	for (size_t i = 0; i < pb->n_votes; i++)
		ix[i] = i;
	sort_votes_pb = pb;
	qsort(ix, pb->n_votes, sizeof *ix, by_voter);
	for (size_t i = 1; i < pb->n_votes; i++)
		if (strcmp(pb->votes[ix[i]].voter_id, pb->votes[ix[i - 1]].voter_id) == 0) {
			size_t x = ix[i] > ix[i - 1] ? ix[i] : ix[i - 1];
			size_t y = ix[i] > ix[i - 1] ? ix[i - 1] : ix[i];
			fail(r, r->vote_line[x], _("voter %s has voted before (line %ld);"
						   " expected one vote per voter_id"),
			     q(pb->votes[x].voter_id, a), r->vote_line[y]);
			free(ix);
			return -1;
		}
	free(ix);
	if (r->have_np && r->num_projects != pb->n_projects &&
	    warn(r, r->np_line, _("num_projects says %zu, but PROJECTS has %zu projects;"
				  " counted the projects in the file"),
		 r->num_projects, pb->n_projects) != 0)
		return -1;
	/* A file that stops in the middle of a line and holds fewer votes
	 * than META says was cut off (a download or a copy that did not
	 * finish): its last vote may be cut too, so nothing is read. */
	if (r->have_nv && r->num_votes > pb->n_votes && r->cut_line && r->sec == SEC_VOTES)
		return fail(r, r->cut_line, _("the file ends in the middle of a line, with %zu of the"
					      " %zu votes META announces: it looks cut off; expected the"
					      " whole file"), pb->n_votes, r->num_votes);
	if (r->have_nv && r->num_votes != pb->n_votes &&
	    warn(r, r->nv_line, _("num_votes says %zu, but VOTES has %zu votes; counted the"
				  " votes in the file"), r->num_votes, pb->n_votes) != 0)
		return -1;
	return 0;
}

/* Where the first byte that is not UTF-8 is: its line and byte. */
static int check_bytes(rd *r, const char *d, size_t len)
{
	const char *nul = memchr(d, '\0', len);
	size_t bad = nul ? (size_t)(nul - d) : len;
	if (!bl_utf8_valid(d, bad)) {
		for (size_t i = 0; i < bad;) {
			size_t k = (unsigned char)d[i] < 0x80
					   ? 1
					   : bl_utf8_seq((const unsigned char *)d + i, bad - i);
			if (k == 0) {
				bad = i;
				nul = NULL;
				break;
			}
			i += k;
		}
	}
	if (bad == len)
		return 0;
	long line = 1;
	size_t bol = 0;
	for (size_t i = 0; i < bad; i++)
		if (d[i] == '\n')
			line++, bol = i + 1;
	if (nul)
		return fail(r, line, _("byte %zu is a NUL byte; expected a text file"),
			    bad - bol + 1);
	return fail(r, line, _("byte %zu (0x%02x) is not UTF-8; expected UTF-8 text"),
		    bad - bol + 1, (unsigned char)d[bad]);
}

int bl_pb_read(const char *name, const char *data, size_t len, bl_pb *out, bl_err *err)
{
	bl_pb pb;
	memset(&pb, 0, sizeof pb);
	memset(out, 0, sizeof *out);
	rd r;
	memset(&r, 0, sizeof r);
	r.name = name ? name : "(input)";
	r.err = err;
	r.pb = &pb;
	if (!data || len == 0)
		return fail(&r, 1, _("the file is empty; expected the section title META"));
	size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (check_bytes(&r, data + start, len - start) != 0)
		return -1;
	size_t i = start;
	while (i < len && (data[i] == '\n' || data[i] == '\r' || data[i] == ' ' || data[i] == '\t'))
		i++;
	if (i == len)
		return fail(&r, 1, _("the file is empty; expected the section title META"));
	bl_csv_opts o = { BL_ENC_UTF8, ';' };
	bl_csv *c;
	if (bl_csv_open_mem(r.name, data, len, &o, &c, err) != 0)
		return -1;
	/* The lines of the file, counted as csv_read.c counts them (a lone
	 * CR ends one too): a last row without its line end is numbered
	 * one past them there, and is put back on the last line. */
	long lines = 0;
	for (size_t j = start; j < len; j++)
		lines += data[j] == '\n' || (data[j] == '\r' && (j + 1 >= len || data[j + 1] != '\n'));
	if (len > start && data[len - 1] != '\n' && data[len - 1] != '\r') {
		lines++;
		r.cut_line = lines;
	}
	int rc = 0;
	long last = 1;
	char **f = NULL;
	size_t fcap = 0;
	for (;;) {
		bl_csv_row row_;
		int k = bl_csv_next(c, &row_, err);
		if (k < 0) {
			rc = -1;
			break;
		}
		if (k == 0)
			break;
		if (row_.line > lines)
			row_.line = lines;
		r.line = last = row_.line;
		if (row_.problem) {
			rc = fail(&r, row_.line, "%s", row_.problem);
			break;
		}
		if (!grow((void **)&f, &fcap, row_.n + 1, sizeof *f)) {
			rc = oom(&r);
			break;
		}
		size_t n;
		for (n = 0; n < row_.n; n++)
			if (!(f[n] = dup_trim(row_.field[n], row_.len[n])))
				break;
		if (n == row_.n)
			rc = row(&r, f, n);
		else
			rc = oom(&r);
		for (size_t j = 0; j < n; j++)
			free(f[j]);
		if (rc != 0)
			break;
	}
	free(f);
	bl_csv_close(c);
	if (rc == 0)
		rc = finish(&r, last);
	free(r.sorted);
	free(r.vote_line);
	if (rc != 0) {
		bl_pb_free(&pb);
		return -1;
	}
	*out = pb;
	return 0;
}

int bl_pb_read_file(const char *path, bl_pb *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	bl_read_result res;
	switch (bl_file_map(path, BL_PB_MAX_BYTES, &res)) {
	case BL_READ_OK:
		break;
	case BL_READ_ERRNO:
		return bl_err_set(err, _("cannot read '%s': %s"), path, strerror(res.err));
	case BL_READ_TOO_BIG:
		return bl_err_set(err, _("'%s' is larger than 1 GiB; expected a smaller .pb file"),
				  path);
	default:
		return bl_err_set(err, _("out of memory reading '%s'"), path);
	}
	int rc = bl_pb_read(path, res.data, res.len, out, err);
	bl_file_release(&res);
	return rc;
}

/* ---- writing ---- */

static const char *extra_value(const bl_pb_meta *m, size_t n, const char *key, bool *found)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].key, key) == 0) {
			*found = true;
			return m[i].value ? m[i].value : "None";
		}
	*found = false;
	return "None";
}

static void field(FILE *f, const char *s)
{
	bl_csv_write_field(f, s, ';');
}

static void meta_line(FILE *f, const char *k, const char *v)
{
	field(f, k);
	fputc(';', f);
	field(f, v);
	fputc('\n', f);
}

/* The columns of a section: as read, or made from what the first row
 * has. */
static void write_header(FILE *f, char **cols, size_t ncols, const char *a, const char *b,
			 const char *c, const bl_pb_meta *extra, size_t n_extra)
{
	if (ncols) {
		for (size_t i = 0; i < ncols; i++) {
			if (i)
				fputc(';', f);
			field(f, cols[i]);
		}
	} else {
		fprintf(f, "%s;%s", a, b);
		if (c)
			fprintf(f, ";%s", c);
		for (size_t i = 0; i < n_extra; i++) {
			fputc(';', f);
			field(f, extra[i].key);
		}
	}
	fputc('\n', f);
}

/* Whether the text of META's budget, vote_type, num_projects or
 * num_votes (k) says what the model has: then it is written as it was
 * ("50000.0" stays), so that a file read and written reads the same. */
static bool same_value(int k, const char *v, const bl_pb *pb)
{
	int64_t x;
	bl_vote_type t;
	switch (k) {
	case 0:
		return bl_pb_parse_amount(v, &x) == 0 && x == pb->budget;
	case 1:
		return bl_pb_vote_type_from_name(v, &t) == 0 && t == pb->vote_type;
	case 2:
		return parse_int(v, &x) == 0 && x >= 0 && (uint64_t)x == pb->n_projects;
	default:
		return parse_int(v, &x) == 0 && x >= 0 && (uint64_t)x == pb->n_votes;
	}
}

int bl_pb_write(FILE *f, const bl_pb *pb, bl_err *err)
{
	char buf[64];
	bool points = pb->vote_type == BL_VOTE_CUMULATIVE || pb->vote_type == BL_VOTE_SCORING;
	for (size_t i = 0; i < pb->n_projects; i++)
		if (strchr(pb->projects[i].id, ',') || !pb->projects[i].id[0])
			return bl_err_set(err, _("project %zu has the id '%s'; expected an id"
						 " that is not empty and has no comma"),
					  i + 1, pb->projects[i].id);
	fputs("META\nkey;value\n", f);
	bool done[4] = { false, false, false, false };
	static const char *const fixed[4] = { "budget", "vote_type", "num_projects", "num_votes" };
	char vals[4][64];
	bl_pb_format_amount(pb->budget, vals[0], sizeof vals[0]);
	snprintf(vals[1], sizeof vals[1], "%s", bl_pb_vote_type_name(pb->vote_type));
	snprintf(vals[2], sizeof vals[2], "%zu", pb->n_projects);
	snprintf(vals[3], sizeof vals[3], "%zu", pb->n_votes);
	for (size_t i = 0; i < pb->n_meta; i++) {
		const char *v = pb->meta[i].value ? pb->meta[i].value : "";
		for (int k = 0; k < 4; k++)
			if (strcmp(pb->meta[i].key, fixed[k]) == 0 && !done[k]) {
				if (!same_value(k, v, pb))
					v = vals[k];
				done[k] = true;
			}
		meta_line(f, pb->meta[i].key, v);
	}
	for (int k = 0; k < 4; k++)
		if (!done[k])
			meta_line(f, fixed[k], vals[k]);
	fputs("PROJECTS\n", f);
	const bl_pb_project *p0 = pb->n_projects ? &pb->projects[0] : NULL;
	write_header(f, pb->project_cols, pb->n_project_cols, "project_id", "cost", NULL,
		     p0 ? p0->extra : NULL, p0 ? p0->n_extra : 0);
	for (size_t i = 0; i < pb->n_projects; i++) {
		const bl_pb_project *p = &pb->projects[i];
		bl_pb_format_amount(p->cost, buf, sizeof buf);
		if (!pb->n_project_cols) {
			field(f, p->id);
			fprintf(f, ";%s", buf);
			for (size_t j = 0; p0 && j < p0->n_extra; j++) {
				bool found;
				fputc(';', f);
				field(f, extra_value(p->extra, p->n_extra, p0->extra[j].key, &found));
			}
		}
		for (size_t j = 0; j < pb->n_project_cols; j++) {
			const char *col = pb->project_cols[j];
			bool found;
			if (j)
				fputc(';', f);
			if (strcasecmp(col, "project_id") == 0)
				field(f, p->id);
			else if (strcasecmp(col, "cost") == 0)
				fputs(buf, f);
			else
				field(f, extra_value(p->extra, p->n_extra, col, &found));
		}
		fputc('\n', f);
	}
	fputs("VOTES\n", f);
	const bl_pb_vote *v0 = pb->n_votes ? &pb->votes[0] : NULL;
	write_header(f, pb->vote_cols, pb->n_vote_cols, "voter_id", "vote",
		     points ? "points" : NULL, v0 ? v0->extra : NULL, v0 ? v0->n_extra : 0);
	for (size_t i = 0; i < pb->n_votes; i++) {
		const bl_pb_vote *v = &pb->votes[i];
		size_t nc = pb->n_vote_cols ? pb->n_vote_cols : 2 + points + (v0 ? v0->n_extra : 0);
		for (size_t j = 0; j < nc; j++) {
			const char *col;
			if (pb->n_vote_cols)
				col = pb->vote_cols[j];
			else if (j == 0)
				col = "voter_id";
			else if (j == 1)
				col = "vote";
			else if (points && j == 2)
				col = "points";
			else
				col = v0->extra[j - 2 - points].key;
			bool found;
			if (j)
				fputc(';', f);
			if (strcasecmp(col, "voter_id") == 0) {
				field(f, v->voter_id);
			} else if (strcasecmp(col, "vote") == 0) {
				/* A list is quoted only if an id needs it: ids with
				 * ';' or '"' are allowed. */
				size_t len = 0;
				for (size_t k = 0; k < v->n; k++)
					len += strlen(pb->projects[v->proj[k]].id) + 1;
				char *s = malloc(len + 1);
				if (!s)
					return bl_err_set(err, _("out of memory"));
				s[0] = '\0';
				char *e = s;
				for (size_t k = 0; k < v->n; k++) {
					if (k)
						*e++ = ',';
					const char *id = pb->projects[v->proj[k]].id;
					size_t l = strlen(id);
					memcpy(e, id, l + 1);
					e += l;
				}
				field(f, s);
				free(s);
			} else if (points && strcasecmp(col, "points") == 0) {
				for (size_t k = 0; k < v->n; k++)
					fprintf(f, "%s%lld", k ? "," : "",
						(long long)(v->points ? v->points[k] : 0));
			} else {
				field(f, extra_value(v->extra, v->n_extra, col, &found));
			}
		}
		fputc('\n', f);
	}
	if (fflush(f) != 0 || ferror(f))
		return bl_err_set(err, _("cannot write the .pb file: %s"), strerror(errno));
	return 0;
}
