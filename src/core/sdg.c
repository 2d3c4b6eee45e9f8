/* sdg.c: the goals and targets of sdg.h, parsed and looked up. */
#include "config.h"
#include "core/sdg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

void bl_sdg_set_free(bl_sdg_set *set)
{
	if (!set)
		return;
	for (int g = 0; g < BL_SDG_GOALS; g++)
		for (int k = 0; k < 3; k++)
			free(set->goal[g].name[k]);
	for (size_t i = 0; i < set->n_targets; i++)
		free(set->target[i].title);
	free(set->target);
	memset(set, 0, sizeof *set);
}

/* One line of a TSV text: its fields cut at tabs (at most max), in buf. */
typedef struct row {
	char *f[4];
	int col[4]; /* the column (from 1) each field starts at */
	int n;
} row;

/* The next line from *p (end at e) into buf, NUL-terminated, the CR of a
 * CRLF dropped; false at the end. */
static bool next_line(const char **p, const char *e, char *buf, size_t bufsz, bool *too_long)
{
	if (*p >= e)
		return false;
	const char *nl = memchr(*p, '\n', (size_t)(e - *p));
	size_t len = (size_t)((nl ? nl : e) - *p);
	*too_long = len >= bufsz;
	if (*too_long)
		len = bufsz - 1;
	memcpy(buf, *p, len);
	buf[len] = '\0';
	if (len && buf[len - 1] == '\r')
		buf[--len] = '\0';
	*p = nl ? nl + 1 : e;
	return true;
}

static void split(char *line, row *r)
{
	r->n = 0;
	char *s = line;
	for (;;) {
		if (r->n < 4) {
			r->f[r->n] = s;
			r->col[r->n] = (int)(s - line) + 1;
		}
		r->n++;
		char *t = strchr(s, '\t');
		if (!t)
			break;
		*t = '\0';
		s = t + 1;
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

/* Checks every line shares: UTF-8, no control character but the tabs. */
static int line_ok(const char *file, int lineno, const char *line, bool too_long, bl_err *err)
{
	if (too_long)
		return bl_err_set(err, _("%s:%d:1: the line is longer than a target's title can be"),
				  file, lineno);
	if (!bl_utf8_valid(line, strlen(line)))
		return bl_err_set(err, _("%s:%d:1: the line is not valid UTF-8 (expected the file as"
					 " UTF-8)"), file, lineno);
	for (const char *c = line; *c; c++)
		if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f)
			return bl_err_set(err, _("%s:%d:%d: a control character (byte 0x%02X);"
						 " expected text"),
					  file, lineno, (int)(c - line) + 1, (unsigned char)*c);
	return 0;
}

/* The lines of one file: the header checked, then one data row at a
 * time. */
typedef struct reader {
	const char *p, *e, *file;
	char buf[1024];
	int lineno;
} reader;

/* The next data row into r (split at tabs): 1; 0 at the end; -1 with
 * err set (a bad line, or a header that is not `header`, described to
 * the user as `header_words`). */
static int next_row(reader *rd, const char *header, const char *header_words, row *r,
		    bl_err *err)
{
	bool too_long;
	while (next_line(&rd->p, rd->e, rd->buf, sizeof rd->buf, &too_long)) {
		rd->lineno++;
		if (line_ok(rd->file, rd->lineno, rd->buf, too_long, err) != 0)
			return -1;
		if (rd->lineno == 1) {
			if (strcmp(rd->buf, header) != 0)
				return bl_err_set(err, _("%s:1:1: expected the header %s (separated by"
							 " tabs)"), rd->file, header_words);
			continue;
		}
		if (!*rd->buf && rd->p >= rd->e)
			return 0; /* the newline that ends the file */
		split(rd->buf, r);
		return 1;
	}
	return 0;
}

int bl_sdg_parse_goals(bl_sdg_set *set, const char *text, size_t len, const char *file,
		       bl_err *err)
{
	reader rd = { .p = text, .e = text + len, .file = file };
	bl_sdg_goal g[BL_SDG_GOALS];
	memset(g, 0, sizeof g);
	int n = 0, rc = 0, got;
	row r;
	while (rc == 0 && (got = next_row(&rd, "goal\ten\tda\tnb", "goal, en, da, nb", &r, err)) != 0) {
		if (got < 0) {
			rc = -1;
			break;
		}
		if (r.n != 4) {
			rc = bl_err_set(err, _("%s:%d:1: %d field(s); expected 4: the goal's number and"
					       " its name in English, Danish and Norwegian"),
					file, rd.lineno, r.n);
			break;
		}
		char *end;
		long num = strtol(r.f[0], &end, 10);
		if (end == r.f[0] || *end || num != n + 1) {
			rc = bl_err_set(err, _("%s:%d:1: '%s'; expected goal %d (the goals 1 to 17 in"
					       " order)"), file, rd.lineno, r.f[0], n + 1);
			break;
		}
		if (n == BL_SDG_GOALS) {
			rc = bl_err_set(err, _("%s:%d:1: there are 17 goals; this is an 18th"), file,
					rd.lineno);
			break;
		}
		static const int lang_of_field[3] = { BL_LANG_EN, BL_LANG_DA, BL_LANG_NB };
		g[n].number = n + 1;
		for (int k = 0; k < 3 && rc == 0; k++) {
			if (blank(r.f[k + 1]))
				rc = bl_err_set(err, _("%s:%d:%d: goal %d has no name; expected its name"),
						file, rd.lineno, r.col[k + 1], n + 1);
			else if (!(g[n].name[lang_of_field[k]] = strdup(r.f[k + 1])))
				rc = bl_err_set(err, _("out of memory"));
		}
		n++;
	}
	if (rc == 0 && rd.lineno == 0)
		rc = bl_err_set(err, _("%s:1:1: the file is empty; expected the header and 17 goals"),
				file);
	else if (rc == 0 && n != BL_SDG_GOALS)
		rc = bl_err_set(err, _("%s:%d:1: the file ends after goal %d; expected all 17"), file,
				rd.lineno + 1, n);
	if (rc != 0) {
		for (int i = 0; i < BL_SDG_GOALS; i++)
			for (int k = 0; k < 3; k++)
				free(g[i].name[k]);
		return -1;
	}
	for (int i = 0; i < BL_SDG_GOALS; i++)
		for (int k = 0; k < 3; k++)
			free(set->goal[i].name[k]);
	for (int i = 0; i < BL_SDG_GOALS; i++) {
		g[i].first = set->goal[i].first;
		g[i].n = set->goal[i].n;
	}
	memcpy(set->goal, g, sizeof g);
	set->have_goals = true;
	return 0;
}

/* "11.7" -> goal 11, number 7; "11.a" -> goal 11, letter 'a'.  false if
 * not of that form. */
static bool target_form(const char *s, int *goal, int *num, char *letter)
{
	if (!isdigit((unsigned char)s[0]) || s[0] == '0')
		return false;
	char *end;
	long g = strtol(s, &end, 10);
	if (*end != '.' || g < 1 || g > 99)
		return false;
	const char *t = end + 1;
	*goal = (int)g;
	*num = 0;
	*letter = 0;
	if (isdigit((unsigned char)*t)) {
		long v = strtol(t, &end, 10);
		if (*end || v < 1 || v > 99 || *t == '0')
			return false;
		*num = (int)v;
		return true;
	}
	if (t[0] >= 'a' && t[0] <= 'z' && !t[1]) {
		*letter = t[0];
		return true;
	}
	return false;
}

int bl_sdg_parse_targets(bl_sdg_set *set, const char *text, size_t len, const char *file,
			 bl_err *err)
{
	if (!set->have_goals)
		return bl_err_set(err, _("%s: the goals must be read before their targets"), file);
	reader rd = { .p = text, .e = text + len, .file = file };
	bl_sdg_target *t = NULL;
	size_t n = 0, cap = 0;
	size_t first[BL_SDG_GOALS] = { 0 }, count[BL_SDG_GOALS] = { 0 };
	int rc = 0, goal = 1, num = 0, got;
	char letter = 0;
	row r;
	while (rc == 0 && (got = next_row(&rd, "target\ttitle", "target, title", &r, err)) != 0) {
		if (got < 0) {
			rc = -1;
			break;
		}
		if (r.n != 2) {
			rc = bl_err_set(err, _("%s:%d:1: %d field(s); expected 2: the target (e.g. 11.7)"
					       " and its title"), file, rd.lineno, r.n);
			break;
		}
		int g, v;
		char l;
		if (!target_form(r.f[0], &g, &v, &l)) {
			rc = bl_err_set(err, _("%s:%d:1: '%s' is not a target; expected GOAL.NUMBER or"
					       " GOAL.LETTER, e.g. 11.7 or 11.a"), file, rd.lineno, r.f[0]);
			break;
		}
		/* The next in order: this goal's next number or letter, or the
		 * next goal's first target. */
		bool ok;
		if (g == goal)
			ok = v ? (!letter && v == num + 1) : (l == (letter ? letter + 1 : 'a') && num > 0);
		else
			ok = g == goal + 1 && v == 1 && num > 0;
		if (!ok || g > BL_SDG_GOALS) {
			char want[32];
			if (letter)
				snprintf(want, sizeof want, "%d.%c", goal, letter + 1);
			else
				snprintf(want, sizeof want, "%d.%d", goal, num + 1);
			if (num > 0 && goal < BL_SDG_GOALS)
				rc = bl_err_set(err, _("%s:%d:1: target %s is out of order; expected %s or"
						       " %d.1 (the targets by goal, numbers from 1, then"
						       " letters from a)"),
						file, rd.lineno, r.f[0], want, goal + 1);
			else
				rc = bl_err_set(err, _("%s:%d:1: target %s is out of order; expected %s"),
						file, rd.lineno, r.f[0], want);
			break;
		}
		if (g != goal) {
			goal = g;
			num = 0;
			letter = 0;
		}
		if (v)
			num = v;
		else
			letter = l;
		if (blank(r.f[1])) {
			rc = bl_err_set(err, _("%s:%d:%d: target %s has no title; expected its title"),
					file, rd.lineno, r.col[1], r.f[0]);
			break;
		}
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 256;
			bl_sdg_target *nt = realloc(t, nc * sizeof *nt);
			if (!nt) {
				rc = bl_err_set(err, _("out of memory"));
				break;
			}
			t = nt;
			cap = nc;
		}
		memset(&t[n], 0, sizeof t[n]);
		snprintf(t[n].code, sizeof t[n].code, "%s", r.f[0]);
		t[n].goal = g;
		if (!(t[n].title = strdup(r.f[1]))) {
			rc = bl_err_set(err, _("out of memory"));
			break;
		}
		if (count[g - 1] == 0)
			first[g - 1] = n;
		count[g - 1]++;
		n++;
	}
	if (rc == 0 && rd.lineno == 0)
		rc = bl_err_set(err, _("%s:1:1: the file is empty; expected the header and the"
				       " targets"), file);
	else if (rc == 0 && goal != BL_SDG_GOALS)
		rc = bl_err_set(err, _("%s:%d:1: the file ends in goal %d; expected the targets of"
				       " all 17 goals"), file, rd.lineno + 1, goal);
	if (rc != 0) {
		for (size_t i = 0; i < n; i++)
			free(t[i].title);
		free(t);
		return -1;
	}
	for (size_t i = 0; i < set->n_targets; i++)
		free(set->target[i].title);
	free(set->target);
	set->target = t;
	set->n_targets = n;
	for (int i = 0; i < BL_SDG_GOALS; i++) {
		set->goal[i].first = first[i];
		set->goal[i].n = count[i];
	}
	return 0;
}

const bl_sdg_goal *bl_sdg_goal_get(const bl_sdg_set *set, int number)
{
	if (!set || !set->have_goals || number < 1 || number > BL_SDG_GOALS)
		return NULL;
	return &set->goal[number - 1];
}

/* "11.1 to 11.7 and 11.a to 11.c" for a goal's targets. */
static void targets_of(const bl_sdg_set *set, const bl_sdg_goal *g, char *buf, size_t sz)
{
	const bl_sdg_target *nums_first = NULL, *nums_last = NULL, *let_first = NULL,
			    *let_last = NULL;
	for (size_t i = g->first; i < g->first + g->n; i++) {
		const bl_sdg_target *t = &set->target[i];
		bool letter = isalpha((unsigned char)strchr(t->code, '.')[1]);
		if (letter) {
			if (!let_first)
				let_first = t;
			let_last = t;
		} else {
			if (!nums_first)
				nums_first = t;
			nums_last = t;
		}
	}
	buf[0] = '\0';
	if (nums_first)
		snprintf(buf, sz, _("%s to %s"), nums_first->code, nums_last->code);
	if (let_first) {
		size_t l = strlen(buf);
		snprintf(buf + l, sz - l, _(" and %s to %s"), let_first->code, let_last->code);
	}
}

const bl_sdg_target *bl_sdg_target_find(const bl_sdg_set *set, const char *ref, bl_err *err)
{
	char s[16];
	while (ref && *ref == ' ')
		ref++;
	size_t len = ref ? strlen(ref) : 0;
	while (len && ref[len - 1] == ' ')
		len--;
	if (!ref || len == 0 || len >= sizeof s) {
		bl_err_set(err, _("'%s' is not an SDG target; expected GOAL.NUMBER or GOAL.LETTER,"
				  " e.g. 11.7 or 13.a"), ref ? ref : "");
		return NULL;
	}
	memcpy(s, ref, len);
	s[len] = '\0';
	for (char *c = s; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	int g, v;
	char l;
	if (!target_form(s, &g, &v, &l)) {
		/* "11,7", with a decimal comma as Danish and Norwegian write. */
		char *comma = strchr(s, ',');
		if (comma) {
			*comma = '.';
			int g2, v2;
			char l2;
			if (target_form(s, &g2, &v2, &l2)) {
				bl_err_set(err, _("'%.*s' is not an SDG target; targets are written with a"
						  " point: did you mean %s?"), (int)len, ref, s);
				return NULL;
			}
			*comma = ',';
		}
		/* "11.7a", as Asker's matrix writes 11.a: a number and a letter. */
		size_t k = strlen(s);
		if (k > 2 && s[k - 1] >= 'a' && s[k - 1] <= 'z' && isdigit((unsigned char)s[k - 2])) {
			char base[16];
			snprintf(base, sizeof base, "%.*s", (int)(strchr(s, '.') ? strchr(s, '.') - s : 0),
				 s);
			if (*base) {
				bl_err_set(err, _("'%.*s' is not an SDG target; a target has a number or a"
						  " letter, not both: did you mean %s.%c?"),
					   (int)len, ref, base, s[k - 1]);
				return NULL;
			}
		}
		bl_err_set(err, _("'%.*s' is not an SDG target; expected GOAL.NUMBER or GOAL.LETTER,"
				  " e.g. 11.7 or 13.a"), (int)len, ref);
		return NULL;
	}
	const bl_sdg_goal *goal = bl_sdg_goal_get(set, g);
	if (!goal) {
		bl_err_set(err, _("'%.*s': there is no goal %d; the SDGs are goals 1 to 17"), (int)len,
			   ref, g);
		return NULL;
	}
	for (size_t i = goal->first; i < goal->first + goal->n; i++)
		if (strcmp(set->target[i].code, s) == 0)
			return &set->target[i];
	char have[64];
	targets_of(set, goal, have, sizeof have);
	bl_err_set(err, _("'%.*s': goal %d has no such target; it has %s"), (int)len, ref, g, have);
	return NULL;
}
