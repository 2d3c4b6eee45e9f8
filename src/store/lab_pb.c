/* lab_pb.c: a lab as an election (bl_pb, for the winner rules and the
 * .pb export), and a Pabulib election as a new lab.  See lab_store.h.
 *
 * What a Pabulib file has beyond what a lab records (its META section,
 * the other columns of PROJECTS and VOTES) is kept as JSON arrays of
 * strings, key and value alternating ["age","34","sex","F"], so that an
 * export writes the file back as it came.  The arrays are written and
 * read here, flat strings only: nothing else ever goes in them. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/text.h"
#include "store/lab_internal.h"

/* ---- JSON arrays of strings ---- */

typedef struct jbuf {
	char *p;
	size_t len, cap;
	bool oom;
} jbuf;

static void jput(jbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void jstr(jbuf *b, const char *s)
{
	jput(b, "\"", 1);
	for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
		char esc[8];
		if (*c == '"' || *c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*c;
			jput(b, esc, 2);
		} else if (*c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", *c);
			jput(b, esc, 6);
		} else {
			jput(b, (const char *)c, 1);
		}
	}
	jput(b, "\"", 1);
}

/* Key/value pairs as ["k","v",...]; NULL when there are none. */
static char *pairs_json(const bl_pb_meta *m, size_t n, bool *oom)
{
	if (!n)
		return NULL;
	jbuf b = { 0 };
	jput(&b, "[", 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			jput(&b, ",", 1);
		jstr(&b, m[i].key);
		jput(&b, ",", 1);
		jstr(&b, m[i].value);
	}
	jput(&b, "]", 1);
	if (b.oom) {
		free(b.p);
		*oom = true;
		return NULL;
	}
	return b.p;
}

static char *strs_json(char *const *v, size_t n, jbuf *b)
{
	jput(b, "[", 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			jput(b, ",", 1);
		jstr(b, v[i]);
	}
	jput(b, "]", 1);
	return b->p;
}

static unsigned hexval(const char *p)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0x110000;
	}
	return v;
}

/* Parse one JSON string at *pp (at its opening quote) into a malloc'd
 * UTF-8 string; NULL if malformed or out of memory. */
static char *jparse_str(const char **pp)
{
	const char *p = *pp;
	if (*p != '"')
		return NULL;
	p++;
	jbuf b = { 0 };
	jput(&b, "", 0);
	while (*p && *p != '"') {
		if (*p != '\\') {
			jput(&b, p++, 1);
			continue;
		}
		p++;
		char c = *p++, out[5];
		switch (c) {
		case '"': case '\\': case '/': jput(&b, &c, 1); break;
		case 'b': jput(&b, "\b", 1); break;
		case 'f': jput(&b, "\f", 1); break;
		case 'n': jput(&b, "\n", 1); break;
		case 'r': jput(&b, "\r", 1); break;
		case 't': jput(&b, "\t", 1); break;
		case 'u': {
			if (strlen(p) < 4)
				goto bad;
			unsigned cp = hexval(p);
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' &&
			    strlen(p) >= 6) {
				unsigned lo = hexval(p + 2);
				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
				goto bad;
			jput(&b, out, bl_utf8_encode(cp, out));
			break;
		}
		default:
			goto bad;
		}
	}
	if (*p != '"' || b.oom)
		goto bad;
	*pp = p + 1;
	return b.p;
bad:
	free(b.p);
	return NULL;
}

/* ["a","b",...] at *pp into a malloc'd array of strings; *pp moves past
 * it.  -1 if malformed. */
static int jparse_strs_at(const char **pp, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const char *p = *pp;
	while (*p == ' ')
		p++;
	if (*p++ != '[')
		return -1;
	char **v = NULL;
	size_t cnt = 0, cap = 0;
	while (*p == ' ')
		p++;
	if (*p == ']') {
		p++;
	} else {
		for (;;) {
			while (*p == ' ')
				p++;
			char *s = jparse_str(&p);
			if (!s || !bl_grow((void *)&v, &cap, cnt + 1, sizeof *v)) {
				free(s);
				goto bad;
			}
			v[cnt++] = s;
			while (*p == ' ')
				p++;
			if (*p == ',') {
				p++;
				continue;
			}
			if (*p == ']') {
				p++;
				break;
			}
			goto bad;
		}
	}
	*out = v;
	*n = cnt;
	*pp = p;
	return 0;
bad:
	for (size_t i = 0; i < cnt; i++)
		free(v[i]);
	free(v);
	return -1;
}

/* A whole text that is one such array (NULL: none). */
static int jparse_strs(const char *text, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!text)
		return 0;
	if (jparse_strs_at(&text, out, n) != 0)
		return -1;
	if (*text) {
		for (size_t i = 0; i < *n; i++)
			free((*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* Pairs from the strings ["k","v",...] (moved into *m). */
static int strs_to_pairs(char **v, size_t k, bl_pb_meta **m, size_t *n);

/* Pairs from ["k","v",...]: the strings are moved into m. */
static int jparse_pairs(const char *text, bl_pb_meta **m, size_t *n)
{
	char **v;
	size_t k;
	*m = NULL;
	*n = 0;
	if (jparse_strs(text, &v, &k) != 0)
		return -1;
	return strs_to_pairs(v, k, m, n);
}

static int strs_to_pairs(char **v, size_t k, bl_pb_meta **m, size_t *n)
{
	*m = NULL;
	*n = 0;
	if (k % 2) {
		for (size_t i = 0; i < k; i++)
			free(v[i]);
		free(v);
		return -1;
	}
	if (k) {
		*m = calloc(k / 2, sizeof **m);
		if (!*m) {
			for (size_t i = 0; i < k; i++)
				free(v[i]);
			free(v);
			return -1;
		}
		for (size_t i = 0; i < k / 2; i++) {
			(*m)[i].key = v[2 * i];
			(*m)[i].value = v[2 * i + 1];
		}
		*n = k / 2;
	}
	free(v);
	return 0;
}


/* ---- the lab as an election ---- */

static char *xstrdup(const char *s, bool *oom)
{
	char *d = strdup(s ? s : "");
	if (!d)
		*oom = true;
	return d;
}

static int meta_add(bl_pb *pb, size_t *cap, const char *k, const char *v, bool *oom)
{
	if (!bl_grow((void *)&pb->meta, cap, pb->n_meta + 1, sizeof *pb->meta)) {
		*oom = true;
		return -1;
	}
	pb->meta[pb->n_meta].key = xstrdup(k, oom);
	pb->meta[pb->n_meta].value = xstrdup(v, oom);
	pb->n_meta++;
	return 0;
}

/* Replace the value of key in pairs (if there), else nothing. */
static void pairs_set(bl_pb_meta *m, size_t n, const char *key, const char *value, bool *oom)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].key, key) == 0) {
			char *v = strdup(value);
			if (!v) {
				*oom = true;
				return;
			}
			free(m[i].value);
			m[i].value = v;
			return;
		}
}

/* META of a lab made in budgetlab (not from a file). */
static int default_meta(bl_store *s, const bl_lab *lab, bl_pb *pb, bool *oom)
{
	size_t cap = 0;
	char buf[64];
	bl_err e;
	bl_session *ss = NULL;
	size_t ns = 0;
	if (bl_store_sessions(s, lab->id, &ss, &ns, &e) != 0)
		ns = 0;
	meta_add(pb, &cap, "description", lab->theme, oom);
	meta_add(pb, &cap, "country", s->info.currency && strcmp(s->info.currency, "NOK") == 0
			   ? "Norway" : s->info.currency && strcmp(s->info.currency, "DKK") == 0
			   ? "Denmark" : "", oom);
	meta_add(pb, &cap, "unit", s->info.municipality, oom);
	snprintf(buf, sizeof buf, "lab %" PRId64, lab->id);
	meta_add(pb, &cap, "instance", buf, oom);
	meta_add(pb, &cap, "num_projects", "0", oom);
	meta_add(pb, &cap, "num_votes", "0", oom);
	meta_add(pb, &cap, "budget", "0", oom);
	meta_add(pb, &cap, "vote_type", bl_pb_vote_type_name(lab->vote_type), oom);
	if (lab->rule)
		meta_add(pb, &cap, "rule", lab->rule, oom);
	if (ns) {
		meta_add(pb, &cap, "date_begin", ss[0].date, oom);
		meta_add(pb, &cap, "date_end", ss[ns - 1].date, oom);
	}
	meta_add(pb, &cap, "currency", s->info.currency, oom);
	bl_sessions_free(ss, ns);
	return *oom ? -1 : 0;
}

static char *idea_pb_id(const bl_idea *i, bool *oom)
{
	if (i->pb_id)
		return xstrdup(i->pb_id, oom);
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, i->number);
	return xstrdup(buf, oom);
}

int bl_store_lab_election(bl_store *s, int64_t lab_id, bl_pb *out, int64_t **idea_numbers,
			  bl_err *err)
{
	memset(out, 0, sizeof *out);
	if (idea_numbers)
		*idea_numbers = NULL;
	bl_lab lab;
	if (bl_store_lab_get(s, lab_id, &lab, err) != 0)
		return -1;
	bl_idea *ideas = NULL;
	bl_ballot *ballots = NULL;
	size_t ni = 0, nb = 0;
	int64_t *nums = NULL, *map = NULL; /* idea number -> project index + 1 */
	int64_t max_number = 0;
	bool oom = false;
	int ret = -1;
	sqlite3_stmt *st = NULL;
	if (bl_store_ideas(s, lab_id, &ideas, &ni, err) != 0 ||
	    bl_store_ballots(s, lab_id, false, &ballots, &nb, err) != 0)
		goto out;
	out->vote_type = lab.vote_type;
	out->budget = lab.pool;
	/* META, and the files' headers, as imported; else made up. */
	if (lab_prep(s, "SELECT pb_meta FROM lab WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, lab_id);
	const char *pm = sqlite3_step(st) == SQLITE_ROW
			 ? (const char *)sqlite3_column_text(st, 0) : NULL;
	if (pm) {
		/* [META pairs, PROJECTS header, VOTES header] */
		const char *p = pm;
		char **mv = NULL;
		size_t mk = 0;
		int bad = *p++ != '[' || jparse_strs_at(&p, &mv, &mk) != 0 ||
			  strs_to_pairs(mv, mk, &out->meta, &out->n_meta) != 0;
		/* strs_to_pairs took mv. */
		bad = bad || *p++ != ',' || jparse_strs_at(&p, &out->project_cols, &out->n_project_cols) != 0 ||
		      *p++ != ',' || jparse_strs_at(&p, &out->vote_cols, &out->n_vote_cols) != 0 ||
		      *p++ != ']' || *p;
		if (bad) {
			bl_err_set(err, _("lab %" PRId64 ": its Pabulib metadata cannot be read; the"
					  " file may be damaged"), lab_id);
			goto out;
		}
	} else if (default_meta(s, &lab, out, &oom) != 0) {
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	for (size_t i = 0; i < ni; i++)
		if (ideas[i].number > max_number)
			max_number = ideas[i].number;
	map = calloc((size_t)max_number + 1, sizeof *map);
	nums = calloc(ni ? ni : 1, sizeof *nums);
	out->projects = calloc(ni ? ni : 1, sizeof *out->projects);
	if (!map || !nums || !out->projects) {
		oom = true;
		goto out;
	}
	for (size_t i = 0; i < ni; i++) {
		const bl_idea *d = &ideas[i];
		if (d->status != BL_IDEA_ON_BALLOT)
			continue;
		bl_pb_project *p = &out->projects[out->n_projects];
		if (bl_idea_total(d, &p->cost, err) != 0)
			goto out;
		p->id = idea_pb_id(d, &oom);
		if (d->pb_extra) {
			if (jparse_pairs(d->pb_extra, &p->extra, &p->n_extra) != 0) {
				bl_err_set(err, _("idea %" PRId64 ": its Pabulib columns cannot be read"),
					   d->number);
				goto out;
			}
			pairs_set(p->extra, p->n_extra, "name", d->title, &oom);
		} else {
			p->extra = calloc(1, sizeof *p->extra);
			if (!p->extra) {
				oom = true;
				goto out;
			}
			p->extra[0].key = xstrdup("name", &oom);
			p->extra[0].value = xstrdup(d->title, &oom);
			p->n_extra = 1;
		}
		nums[out->n_projects] = d->number;
		map[d->number] = (int64_t)out->n_projects + 1;
		out->n_projects++;
	}
	out->votes = calloc(nb ? nb : 1, sizeof *out->votes);
	if (!out->votes) {
		oom = true;
		goto out;
	}
	bool points = lab.vote_type == BL_VOTE_CUMULATIVE || lab.vote_type == BL_VOTE_SCORING;
	for (size_t k = 0; k < nb; k++) {
		const bl_ballot *b = &ballots[k];
		bl_pb_vote *v = &out->votes[out->n_votes++];
		char buf[32];
		snprintf(buf, sizeof buf, "%" PRId64, b->id);
		v->voter_id = xstrdup(b->voter ? b->voter : buf, &oom);
		v->proj = calloc(b->n_marks ? b->n_marks : 1, sizeof *v->proj);
		if (points)
			v->points = calloc(b->n_marks ? b->n_marks : 1, sizeof *v->points);
		if (!v->proj || (points && !v->points)) {
			oom = true;
			goto out;
		}
		for (size_t m = 0; m < b->n_marks; m++) {
			int num = b->marks[m].idea;
			if (num <= 0 || num > max_number || !map[num])
				continue; /* no longer on the ballot */
			v->proj[v->n] = (size_t)(map[num] - 1);
			if (points)
				v->points[v->n] = b->marks[m].points;
			v->n++;
		}
		if (b->pb_extra && jparse_pairs(b->pb_extra, &v->extra, &v->n_extra) != 0) {
			bl_err_set(err, _("ballot %" PRId64 ": its Pabulib columns cannot be read"),
				   b->id);
			goto out;
		}
	}
	if (oom)
		goto out;
	if (idea_numbers) {
		*idea_numbers = nums;
		nums = NULL;
	}
	ret = 0;
out:
	if (oom)
		bl_err_set(err, _("out of memory"));
	if (ret != 0)
		bl_pb_free(out);
	sqlite3_finalize(st);
	free(nums);
	free(map);
	bl_ideas_free(ideas, ni);
	bl_ballots_free(ballots, nb);
	bl_lab_clear(&lab);
	return ret;
}

/* ---- a Pabulib election as a new lab ---- */

static const char *meta_get(const bl_pb *pb, const char *key)
{
	for (size_t i = 0; i < pb->n_meta; i++)
		if (strcmp(pb->meta[i].key, key) == 0)
			return pb->meta[i].value;
	return NULL;
}

static const char *extra_get(const bl_pb_meta *m, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].key, key) == 0)
			return m[i].value;
	return NULL;
}

/* An idea's title: the project's name, cut to what an idea may hold,
 * else "Project ID". */
static char *project_title(const bl_pb_project *p, bool *oom)
{
	const char *name = extra_get(p->extra, p->n_extra, "name");
	char *t;
	if (name && *name && strcmp(name, "None") != 0) {
		/* At most 200 bytes, what an idea's title may hold. */
		t = malloc(201);
		if (t)
			bl_text_printable(name, strlen(name), t, 201);
	} else {
		size_t n = strlen(p->id) + 16;
		t = malloc(n);
		if (t)
			snprintf(t, n, "Project %s", p->id);
	}
	if (!t)
		*oom = true;
	return t;
}

int bl_store_lab_import_pb(bl_store *s, const bl_pb *pb, const char *theme,
			   const char *source, int64_t *lab_id, bl_err *err)
{
	if (!pb->n_projects)
		return bl_err_set(err, _("%s: the election has no projects"), source);
	for (size_t i = 0; i < pb->n_votes; i++)
		if (pb->votes[i].n > (size_t)INT32_MAX)
			return bl_err_set(err, _("%s: a vote is too long"), source);
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	bool oom = false;
	char *meta = NULL;
	jbuf jb = { 0 };
	sqlite3_stmt *st = NULL, *ins = NULL, *mark = NULL;
	int64_t *idea_ids = calloc(pb->n_projects, sizeof *idea_ids);
	if (!idea_ids) {
		oom = true;
		goto out;
	}
	/* The title: the given theme, else the file's description or its
	 * unit and instance, cut to 200 bytes on a character boundary. */
	char tbuf[201];
	const char *t = theme;
	if (!t || !*t) {
		const char *d = meta_get(pb, "description");
		if (d && *d && strcmp(d, "None") != 0) {
			t = d;
		} else {
			const char *u = meta_get(pb, "unit"), *in = meta_get(pb, "instance");
			snprintf(tbuf, sizeof tbuf, "%s %s", u ? u : "Pabulib", in ? in : "");
			t = tbuf;
		}
	}
	if (t != tbuf)
		bl_text_printable(t, strlen(t), tbuf, sizeof tbuf);
	/* The rule the city used, when the file names one we have, and
	 * pabutools' tie-break, so that the lab's result is the file's. */
	const char *frule = meta_get(pb, "rule");
	char *rule = NULL;
	if (frule && strcmp(frule, "greedy") == 0)
		rule = "greedy_cost";
	else if (frule && strcmp(frule, "equalshares") == 0)
		rule = "mes_cost_greedy";
	else if (frule && strncmp(frule, "equalshares/add1", 16) == 0)
		rule = "mes_cost_add1_greedy"; /* also "equalshares/add1-comparison" */
	bl_lab lab = { .theme = tbuf, .pool = pb->budget, .vote_type = pb->vote_type,
		       .rule = rule, .tie_break = "id" };
	int64_t id;
	if (bl_store_lab_add(s, &lab, &id, err) != 0)
		goto out;
	/* [META pairs, PROJECTS header, VOTES header] */
	char *pairs = pairs_json(pb->meta, pb->n_meta, &oom);
	jput(&jb, "[", 1);
	jput(&jb, pairs ? pairs : "[]", strlen(pairs ? pairs : "[]"));
	free(pairs);
	jput(&jb, ",", 1);
	strs_json(pb->project_cols, pb->n_project_cols, &jb);
	jput(&jb, ",", 1);
	strs_json(pb->vote_cols, pb->n_vote_cols, &jb);
	jput(&jb, "]", 1);
	if (jb.oom || oom) {
		oom = true;
		goto out;
	}
	if (lab_prep(s, "UPDATE lab SET pb_meta = ?2 WHERE id = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, jb.p, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	for (size_t i = 0; i < pb->n_projects; i++) {
		const bl_pb_project *p = &pb->projects[i];
		bl_idea d = { .lab_id = id, .number = (int64_t)i + 1, .status = BL_IDEA_ON_BALLOT };
		d.title = project_title(p, &oom);
		d.pb_id = p->id;
		d.pb_extra = pairs_json(p->extra, p->n_extra, &oom);
		/* The whole cost in the budget year: a Pabulib project has one cost. */
		d.cost[0] = p->cost;
		d.has_cost[0] = true;
		int r = oom ? -1 : bl_store_idea_add(s, &d, NULL, err);
		free(d.title);
		free(d.pb_extra);
		if (oom)
			goto out;
		if (r != 0) {
			bl_err_prefix(err, _("%s: project %s"), source, p->id);
			goto out;
		}
		idea_ids[i] = sqlite3_last_insert_rowid(s->db);
	}
	if (lab_prep(s, "INSERT INTO ballot (lab_id, method, voter, entered_at, actor, pb_extra)"
		    " VALUES (?1, 'file', ?2, bl_now(), bl_actor(), ?3)", &ins, err) != 0 ||
	    lab_prep(s, "INSERT INTO ballot_mark (ballot_id, pos, idea_id, points) VALUES (?1, ?2, ?3, ?4)",
		 &mark, err) != 0)
		goto out;
	bool ordinal = pb->vote_type == BL_VOTE_ORDINAL;
	for (size_t k = 0; k < pb->n_votes; k++) {
		const bl_pb_vote *v = &pb->votes[k];
		char *extra = pairs_json(v->extra, v->n_extra, &oom);
		if (oom)
			goto out;
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_text(ins, 2, v->voter_id, -1, SQLITE_STATIC);
		if (extra)
			sqlite3_bind_text(ins, 3, extra, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 3);
		int r = sqlite3_step(ins);
		free(extra);
		if (r != SQLITE_DONE) {
			bl_store_fail(s, err);
			goto out;
		}
		int64_t bid = sqlite3_last_insert_rowid(s->db);
		for (size_t m = 0; m < v->n; m++) {
			if (v->proj[m] >= pb->n_projects) {
				bl_err_set(err, _("%s: voter %s: a project out of range"), source,
					   v->voter_id);
				goto out;
			}
			int64_t pts = v->points ? v->points[m] : ordinal ? (int64_t)m + 1 : 1;
			sqlite3_reset(mark);
			sqlite3_bind_int64(mark, 1, bid);
			sqlite3_bind_int64(mark, 2, (int64_t)m);
			sqlite3_bind_int64(mark, 3, idea_ids[v->proj[m]]);
			sqlite3_bind_int64(mark, 4, pts);
			if (sqlite3_step(mark) != SQLITE_DONE) {
				bl_store_fail(s, err);
				goto out;
			}
		}
	}
	jbuf src = { 0 };
	jstr(&src, source);
	char *after = src.oom ? NULL
		: sqlite3_mprintf("{\"lab\":%lld,\"source\":%s,\"projects\":%lld,\"votes\":%lld}",
				  (long long)id, src.p, (long long)pb->n_projects,
				  (long long)pb->n_votes);
	free(src.p);
	if (!after) {
		oom = true;
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (lab_prep(s, "INSERT INTO journal (at, actor, entity, key, action, before, after)"
		    " VALUES (bl_now(), bl_actor(), 'ballot', printf('lab:%d', ?1), 'import', NULL, ?2)",
		 &st, err) != 0) {
		sqlite3_free(after);
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, after, -1, sqlite3_free);
	if (sqlite3_step(st) != SQLITE_DONE) {
		bl_store_fail(s, err);
		goto out;
	}
	if (lab_id)
		*lab_id = id;
	rc = 0;
out:
	if (oom)
		bl_err_set(err, _("out of memory"));
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	sqlite3_finalize(mark);
	free(idea_ids);
	free(meta);
	free(jb.p);
	return bl_write_end(s, outer, rc, err);
}
