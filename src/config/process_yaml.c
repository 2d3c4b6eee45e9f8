/* process_yaml.c: load and validate a process definition (format 1).
 *
 * Two steps.  First libyaml's event parser builds a small tree of nodes
 * that remember where they were written; this step refuses what budgetlab
 * files never need and what makes YAML dangerous to read: anchors and
 * aliases (exponential expansion), explicit tags, more than one document,
 * nesting beyond BL_YAML_MAX_DEPTH.  Then the tree is checked against the
 * format, collecting every problem it can find (not just the first), and a
 * bl_process_def is built on the way.  Any problem at all frees the whole
 * definition: a file either loads completely or not at all.
 *
 * Before libyaml sees the text it is checked for UTF-8 here, because
 * libyaml reports encoding problems as a byte offset without line and
 * column, and because a Latin-1 file deserves a message that says so. */
#include "config.h"
#include "config/process_yaml.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "core/i18n.h"
#include "core/text.h"

/* Limits of the format. */
#define MAX_PHASES 64
#define MAX_CHECKLIST 50
#define MAX_ID_LEN 32
#define MAX_OUTLINE_YEARS 9 /* BL_MAX_YEARS - 1 */
#define MIN_BUDGET_YEAR 1900
#define MAX_BUDGET_YEAR 2190
#define N_PHASE_KEYS 8

/* Errors: how many are kept, how many are shown, how long each may be. */
#define ERR_KEPT 64
#define ERR_SHOWN 20
#define ERR_LEN 512

/* ---- the node tree ---- */

typedef enum ytype { Y_SCALAR, Y_SEQ, Y_MAP } ytype;

typedef struct ynode {
	ytype type;
	int line, col;       /* 1-based, in characters */
	bool plain;          /* a scalar written without quotes or | > */
	char *text;          /* scalar: its value, NUL-terminated */
	size_t len;          /* scalar: bytes in text (it may hold a NUL) */
	struct ynode *first, *last, *next; /* children; a mapping alternates key, value */
	size_t n;            /* number of children */
} ynode;

/* Nodes and texts live in an arena freed in one go: a hostile file of a
 * megabyte of "[a,a,a,..." then costs a few large blocks, not a million
 * small allocations. */
typedef struct ablock {
	struct ablock *next;
	size_t used, cap;
	max_align_t data[];
} ablock;

#define ARENA_BLOCK 65536

typedef struct yerr {
	int line, col;
	size_t seq;
	char msg[ERR_LEN];
} yerr;

typedef struct field {
	const ynode *key, *val;
} field;

typedef struct ctx {
	char name[512];            /* the file name, as shown in messages */
	const unsigned char *text;
	size_t len;
	ablock *arena;
	ynode *root;
	yerr errs[ERR_KEPT];
	size_t n_errs, dropped;
	bool oom;
	bl_lang lang;
	field pf[MAX_PHASES][N_PHASE_KEYS]; /* the fields of each phase */
} ctx;

static void *arena_alloc(ctx *c, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	ablock *b = c->arena;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = malloc(offsetof(ablock, data) + cap);
		if (!b) {
			c->oom = true;
			return NULL;
		}
		b->next = c->arena;
		b->used = 0;
		b->cap = cap;
		c->arena = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static void arena_free(ctx *c)
{
	while (c->arena) {
		ablock *next = c->arena->next;
		free(c->arena);
		c->arena = next;
	}
}

/* ---- errors ---- */

static void add_errv(ctx *c, int line, int col, const char *fmt, va_list ap)
	BL_PRINTF(4, 0);
static void add_errv(ctx *c, int line, int col, const char *fmt, va_list ap)
{
	if (c->n_errs == ERR_KEPT) {
		c->dropped++;
		return;
	}
	yerr *e = &c->errs[c->n_errs];
	e->line = line;
	e->col = col;
	e->seq = c->n_errs++;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

static void add_err(ctx *c, int line, int col, const char *fmt, ...) BL_PRINTF(4, 5);
static void add_err(ctx *c, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_errv(c, line, col, fmt, ap);
	va_end(ap);
}

/* An error at a node. */
static void nerr(ctx *c, const ynode *n, const char *fmt, ...) BL_PRINTF(3, 4);
static void nerr(ctx *c, const ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_errv(c, n ? n->line : 1, n ? n->col : 1, fmt, ap);
	va_end(ap);
}

static int errs_cmp(const yerr *a, const yerr *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Write the collected errors into err, in the order of the file, as many
 * as fit (at most ERR_SHOWN), each "FILE:LINE:COL: message". */
static int flush_errs(ctx *c, bl_err *err)
{
	/* Insertion sort: at most ERR_KEPT entries, and it is stable. */
	for (size_t i = 1; i < c->n_errs; i++) {
		yerr tmp = c->errs[i];
		size_t j = i;
		while (j > 0 && errs_cmp(&c->errs[j - 1], &tmp) > 0) {
			c->errs[j] = c->errs[j - 1];
			j--;
		}
		c->errs[j] = tmp;
	}
	if (!err)
		return -1;
	if (c->oom) {
		/* Nothing else can be trusted to be complete. */
		return bl_err_set(err, _("%s: out of memory while reading the file"),
				  c->name);
	}
	char *buf = err->msg;
	size_t cap = sizeof err->msg, pos = 0, shown = 0;
	size_t total = c->n_errs + c->dropped;
	const size_t tail_room = 96; /* for the "N more problems" line */
	buf[0] = '\0';
	for (size_t i = 0; i < c->n_errs && shown < ERR_SHOWN; i++) {
		char line[ERR_LEN + sizeof c->name + 32];
		int w = snprintf(line, sizeof line, "%s:%d:%d: %s", c->name,
				 c->errs[i].line, c->errs[i].col, c->errs[i].msg);
		size_t need = (size_t)(w < 0 ? 0 : w) + (pos ? 1 : 0);
		if (shown > 0 && pos + need + tail_room >= cap)
			break;
		pos += (size_t)snprintf(buf + pos, cap - pos, "%s%s", pos ? "\n" : "", line);
		if (pos >= cap) {
			pos = cap - 1;
			break;
		}
		shown++;
	}
	if (shown < total && pos + tail_room < cap)
		snprintf(buf + pos, cap - pos, _("\n%s: %zu more problems are not shown"),
			 c->name, total - shown);
	return -1;
}

/* ---- positions in the raw text ---- */

static bool has_bom(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* Line and column (1-based, in characters, as libyaml counts them) of a
 * byte offset.  A BOM is not a character of the first line. */
static void mark_at(const ctx *c, size_t off, int *line, int *col)
{
	const unsigned char *s = c->text;
	size_t i = has_bom(s, c->len) ? 3 : 0;
	int l = 1, k = 1;
	if (off > c->len)
		off = c->len;
	for (; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= c->len || s[i + 1] != '\n'))) {
			l++;
			k = 1;
		} else if (s[i] != '\r' && (s[i] & 0xC0) != 0x80) {
			k++;
		}
	}
	*line = l;
	*col = k;
}

/* The byte offset of a line and column (the inverse of mark_at). */
static size_t offset_of(const ctx *c, int line, int col)
{
	const unsigned char *s = c->text;
	size_t i = has_bom(s, c->len) ? 3 : 0;
	int l = 1, k = 1;
	while (i < c->len && (l < line || (l == line && k < col))) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= c->len || s[i + 1] != '\n'))) {
			l++;
			k = 1;
			i++;
		} else if (s[i] == '\r') {
			i++;
		} else {
			i++;
			while (i < c->len && (s[i] & 0xC0) == 0x80)
				i++;
			k++;
		}
	}
	return i;
}

/* UTF-8 (with an optional BOM), no NUL bytes.  Reports the first bad
 * byte with its line and column. */
static bool check_encoding(ctx *c)
{
	const unsigned char *s = c->text;
	size_t n = c->len, i = has_bom(s, n) ? 3 : 0;
	int line, col;

	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		add_err(c, 1, 1, _("the file is UTF-16, not UTF-8; expected a "
				   "UTF-8 text file (save it as UTF-8)"));
		return false;
	}
	while (i < n) {
		if (s[i] == 0) {
			mark_at(c, i, &line, &col);
			add_err(c, line, col, _("the file contains a NUL byte; expected "
						"a text file in UTF-8"));
			return false;
		}
		size_t k = bl_utf8_seq(s + i, n - i);
		if (k == 0) {
			/* Say what it most likely is: a file cut inside a
			 * character, or a single-byte encoding, where a letter
			 * such as æ is one byte followed by plain ASCII. */
			size_t want = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2, j = i + 1;
			while (j < n && (s[j] & 0xC0) == 0x80)
				j++;
			mark_at(c, i, &line, &col);
			if (s[i] >= 0xC2 && s[i] <= 0xF4 && j == n && n - i < want)
				add_err(c, line, col,
					_("the file is not valid UTF-8: it ends inside a "
					  "character (byte 0x%02x); expected the rest of the "
					  "file (is it cut off?)"),
					s[i]);
			else if (s[i] >= 0xA0 && j == i + 1) {
				/* The byte as Latin-1 (and Windows-1252, which
				 * differs only below 0xA0): U+00A0..U+00FF, so
				 * the user sees which letter it was. */
				char ch[64];
				if (s[i] == 0xA0)
					snprintf(ch, sizeof ch, "%s", _("a no-break space"));
				else if (s[i] == 0xAD)
					snprintf(ch, sizeof ch, "%s", _("a soft hyphen"));
				else
					snprintf(ch, sizeof ch, "'%c%c'", (char)(0xC0 | (s[i] >> 6)),
						 (char)(0x80 | (s[i] & 0x3F)));
				add_err(c, line, col,
					_("the file is not valid UTF-8 (byte 0x%02x); expected "
					  "UTF-8 text: save the file as UTF-8 (it looks like "
					  "Latin-1 or Windows-1252, where the byte 0x%02x is %s)"),
					s[i], s[i], ch);
			}
			else
				add_err(c, line, col,
					_("the file is not valid UTF-8 (byte 0x%02x); expected "
					  "UTF-8 text"),
					s[i]);
			return false;
		}
		i += k;
	}
	return true;
}

/* Copy of a file name for messages: control characters become '?', so
 * that a name cannot send escape sequences to the terminal. */
static const char *sanitize(const char *name, char *out, size_t sz)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 1 < sz; p++)
		out[o++] = (*p < 0x20 || *p == 0x7F) ? '?' : (char)*p;
	out[o] = '\0';
	return out;
}

/* Quoted input for a message (control characters escaped, long text cut). */
static const char *qs(const char *s, char buf[static BL_QUOTE_MAX])
{
	bl_text_quote(s, strlen(s), buf);
	return buf;
}

/* ---- step 1: the tree ---- */

static ynode *node_new(ctx *c, ytype type, const yaml_mark_t *m)
{
	ynode *n = arena_alloc(c, sizeof *n);
	if (!n)
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = (int)(m->line < INT32_MAX ? m->line + 1 : INT32_MAX);
	n->col = (int)(m->column < INT32_MAX ? m->column + 1 : INT32_MAX);
	return n;
}

static void attach(ctx *c, ynode **stack, int depth, ynode *n)
{
	if (depth == 0) {
		if (!c->root)
			c->root = n;
		return;
	}
	ynode *parent = stack[depth - 1];
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
	parent->n++;
}

/* Why libyaml stopped, as a message with a hint at what was expected. */
static void syntax_error(ctx *c, const yaml_parser_t *p)
{
	int line, col;
	if (p->error == YAML_MEMORY_ERROR) {
		c->oom = true;
		return;
	}
	const char *problem = p->problem ? p->problem : "unknown problem";
	if (p->error == YAML_READER_ERROR) {
		mark_at(c, p->problem_offset, &line, &col);
		if (strstr(problem, "control"))
			add_err(c, line, col,
				_("the file contains a control character (U+%04X); "
				  "expected text without control characters"),
				(unsigned)p->problem_value);
		else
			add_err(c, line, col,
				_("the file cannot be read as text (%s); expected "
				  "UTF-8 text"), problem);
		return;
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;

	const char *hint;
	if (strstr(problem, "tab"))
		hint = _("expected spaces for indentation (tabs are not allowed)");
	else if (strstr(problem, "end of stream"))
		hint = _("expected the rest of the file: is it cut off, or is a "
			 "quote or bracket not closed?");
	else if (strstr(problem, "mapping values"))
		hint = _("expected one 'key: value' on a line (put a value that "
			 "contains ': ' in quotes)");
	else if (strstr(problem, "expected key") || strstr(problem, "block end") ||
		 strstr(problem, "expected ':'"))
		hint = _("expected keys of the same level at the same indentation, "
			 "each written as 'key: value'");
	else if (strstr(problem, "',' or"))
		hint = _("expected a comma or the closing bracket: is a ']' or '}' "
			 "missing?");
	else if (strstr(problem, "cannot start any token"))
		hint = _("expected a key or a value (put text that starts with "
			 "@ or ` in quotes)");
	else
		hint = _("expected valid YAML");

	/* A tab where libyaml wanted a token deserves the tab hint too. */
	size_t at = offset_of(c, line, col);
	if (at < c->len && c->text[at] == '\t')
		hint = _("expected spaces for indentation (tabs are not allowed)");
	if (p->context)
		add_err(c, line, col,
			_("YAML syntax error: %s (%s at line %d, column %d); %s"),
			problem, p->context, (int)p->context_mark.line + 1,
			(int)p->context_mark.column + 1, hint);
	else
		add_err(c, line, col, _("YAML syntax error: %s; %s"), problem, hint);
}

/* Anchors and tags are refused where they are written. */
static void refuse_extras(ctx *c, const yaml_mark_t *m, const yaml_char_t *anchor,
			  const yaml_char_t *tag)
{
	char q[BL_QUOTE_MAX];
	if (anchor)
		add_err(c, (int)m->line + 1, (int)m->column + 1,
			_("anchors and aliases are not allowed in budgetlab files "
			  "(found the anchor '&%s'); expected each value written out"),
			qs((const char *)anchor, q));
	if (tag) {
		/* Show "!!str" as written, not libyaml's expanded form. */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		bool is_core = strncmp(t, core, sizeof core - 1) == 0;
		add_err(c, (int)m->line + 1, (int)m->column + 1,
			_("tags are not allowed in budgetlab files (found '%s%s'); "
			  "expected a plain value without '!'"),
			is_core ? "!!" : "", qs(is_core ? t + sizeof core - 1 : t, q));
	}
}

/* Read the text into c->root.  Returns false if anything was refused. */
static bool read_tree(ctx *c)
{
	yaml_parser_t p;
	ynode *stack[BL_YAML_MAX_DEPTH];
	char q[BL_QUOTE_MAX];
	int depth = 0, docs = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p)) {
		c->oom = true;
		return false;
	}
	yaml_parser_set_input_string(&p, c->text, c->len);
	while (!done && !c->oom) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(c, &p);
			break;
		}
		const yaml_mark_t *m = &ev.start_mark;
		ynode *n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				add_err(c, (int)m->line + 1, (int)m->column + 1,
					_("a second document starts here; expected one "
					  "document in a budgetlab file (remove the '---')"));
				done = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			add_err(c, (int)m->line + 1, (int)m->column + 1,
				_("anchors and aliases are not allowed in budgetlab files "
				  "(found the alias '*%s'); expected each value written out"),
				qs((const char *)ev.data.alias.anchor, q));
			/* A stand-in keeps keys and values paired; the tree is
			 * never used when there are errors. */
			n = node_new(c, Y_SCALAR, m);
			if (n) {
				n->text = "";
				attach(c, stack, depth, n);
			}
			break;
		case YAML_SCALAR_EVENT:
			refuse_extras(c, m, ev.data.scalar.anchor, ev.data.scalar.tag);
			n = node_new(c, Y_SCALAR, m);
			if (!n)
				break;
			n->len = ev.data.scalar.length;
			n->text = arena_alloc(c, n->len + 1);
			if (!n->text)
				break;
			memcpy(n->text, ev.data.scalar.value, n->len);
			n->text[n->len] = '\0';
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			attach(c, stack, depth, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT)
				refuse_extras(c, m, ev.data.sequence_start.anchor,
					      ev.data.sequence_start.tag);
			else
				refuse_extras(c, m, ev.data.mapping_start.anchor,
					      ev.data.mapping_start.tag);
			if (depth == BL_YAML_MAX_DEPTH) {
				add_err(c, (int)m->line + 1, (int)m->column + 1,
					_("the lists and mappings are nested more than %d "
					  "levels deep here; expected at most %d levels"),
					BL_YAML_MAX_DEPTH, BL_YAML_MAX_DEPTH);
				done = true;
				break;
			}
			n = node_new(c, ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP, m);
			if (!n)
				break;
			attach(c, stack, depth, n);
			stack[depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return !c->oom && c->n_errs == 0;
}

/* ---- step 2: helpers for checking the tree ---- */

static bool is_null(const ynode *n)
{
	if (!n)
		return true;
	if (n->type != Y_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
	       strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

/* YAML 1.2 booleans only: yes/no/on/off are text (so that "language: no"
 * means Norwegian, not false). */
static bool is_bool(const ynode *n)
{
	static const char *const words[] = { "true", "True", "TRUE",
					     "false", "False", "FALSE" };
	if (!n || n->type != Y_SCALAR || !n->plain)
		return false;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(n->text, words[i]) == 0)
			return true;
	return false;
}

static const char *what_is(const ynode *n)
{
	if (is_null(n))
		return _("empty");
	if (n->type == Y_SEQ)
		return _("a list");
	if (n->type == Y_MAP)
		return _("a mapping");
	if (is_bool(n))
		return _("a boolean");
	return _("text");
}

static const char *qt(const ynode *n, char buf[static BL_QUOTE_MAX])
{
	if (!n || n->type != Y_SCALAR)
		buf[0] = '\0';
	else
		bl_text_quote(n->text, n->len, buf);
	return buf;
}

/* Optimal string alignment distance (Levenshtein with transpositions), for
 * "did you mean".  Words longer than 64 bytes are never close. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return SIZE_MAX;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/* The closest candidate, if it is close enough: at most 2 edits, or 1 for
 * short words (4 characters or fewer), where 2 edits is a different word. */
static const char *nearest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		size_t d = edit_distance(word, cands[i]);
		size_t lw = strlen(word), lc = strlen(cands[i]);
		size_t limit = (lw > lc ? lw : lc) <= 4 ? 1 : 2;
		if (d <= limit && d < best_d) {
			best = cands[i];
			best_d = d;
		}
	}
	return best;
}

/* "a, b, c" into buf. */
static const char *join(const char *const *names, size_t n, char *buf, size_t sz)
{
	size_t pos = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && pos + 1 < sz; i++) {
		int w = snprintf(buf + pos, sz - pos, "%s%s", i ? ", " : "", names[i]);
		if (w < 0)
			break;
		pos += (size_t)w;
	}
	if (pos >= sz)
		buf[sz - 1] = '\0';
	return buf;
}

typedef struct keyspec {
	const char *name;
	bool required;
	const char *expect; /* for messages: how the key is written */
} keyspec;

/* Sort the pairs of a mapping into f[] by the names in ks.  Unknown and
 * duplicate keys are reported; `where` says where, e.g. "in phase 3". */
static void get_fields(ctx *c, const ynode *map, const keyspec *ks, size_t nks,
		       field *f, const char *where)
{
	char q[BL_QUOTE_MAX];
	memset(f, 0, nks * sizeof *f);
	for (const ynode *k = map->first; k && k->next; k = k->next->next) {
		const ynode *v = k->next;
		if (k->type != Y_SCALAR) {
			nerr(c, k, _("a key %s is %s; expected a name followed by ':'"),
			     where, what_is(k));
			continue;
		}
		size_t i = 0;
		while (i < nks && strcmp(k->text, ks[i].name) != 0)
			i++;
		if (i == nks || strlen(k->text) != k->len) {
			const char *names[16];
			char list[256];
			size_t nn = nks < 16 ? nks : 16;
			for (size_t j = 0; j < nn; j++)
				names[j] = ks[j].name;
			const char *near = nearest(k->text, names, nn);
			if (near)
				nerr(c, k, _("unknown key '%s' %s; did you mean '%s'?"),
				     qt(k, q), where, near);
			else
				nerr(c, k, _("unknown key '%s' %s; expected one of: %s"),
				     qt(k, q), where, join(names, nn, list, sizeof list));
			continue;
		}
		if (f[i].key) {
			nerr(c, k, _("duplicate key '%s' %s, already given at line %d; "
				     "expected each key once"),
			     ks[i].name, where, f[i].key->line);
			continue;
		}
		f[i].key = k;
		f[i].val = v;
	}
}

/* Trim, refuse empty text, NUL and control characters (newlines and tabs
 * are allowed in multi-line text).  Returns a malloc'd copy or NULL. */
static char *text_of(ctx *c, const ynode *v, const char *label, const char *expect,
		     bool multiline)
{
	const char *s = v->text, *e = v->text + v->len;
	char q[BL_QUOTE_MAX];
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	if (s == e) {
		nerr(c, v, _("%s is empty; expected %s"), label, expect);
		return NULL;
	}
	for (const unsigned char *p = (const unsigned char *)s; p < (const unsigned char *)e; p++) {
		bool ctl = *p < 0x20 || *p == 0x7F ||
			   (*p == 0xC2 && p + 1 < (const unsigned char *)e && p[1] >= 0x80 && p[1] < 0xA0);
		if (ctl && multiline && (*p == '\n' || *p == '\t'))
			ctl = false;
		if (ctl) {
			bl_text_quote((const char *)p, *p == 0xC2 ? 2 : 1, q);
			nerr(c, v, _("%s contains a control character (%s); expected %s"),
			     label, q, expect);
			return NULL;
		}
	}
	size_t n = (size_t)(e - s);
	char *out = malloc(n + 1);
	if (!out) {
		c->oom = true;
		return NULL;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* A text value of a key (key may be NULL for a list item).  An empty value
 * is reported at the key, where the user wrote it. */
static char *get_text(ctx *c, const ynode *key, const ynode *v, const char *label,
		      const char *expect, bool multiline)
{
	if (is_null(v)) {
		nerr(c, key ? key : v, _("%s is empty; expected %s"), label, expect);
		return NULL;
	}
	if (is_bool(v)) {
		nerr(c, v, _("%s is a boolean (%s); expected %s (put the word in "
			     "quotes to use it as text)"),
		     label, v->text, expect);
		return NULL;
	}
	if (v->type != Y_SCALAR) {
		nerr(c, v, _("%s is %s; expected %s"), label, what_is(v), expect);
		return NULL;
	}
	return text_of(c, v, label, expect, multiline);
}

/* Strict decimal integer: an optional sign and digits, nothing else.
 * 0 ok, 1 not an integer, 2 out of the range of int64. */
static int parse_int64(const char *s, int64_t *out)
{
	bool neg = false;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!*s)
		return 1;
	uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 1;
		unsigned d = (unsigned)(*s - '0');
		if (v > (lim - d) / 10)
			return 2;
		v = v * 10 + d;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return 0;
}

/* An integer value in [min, max], written plainly (a quoted "2028" is
 * text in YAML, and budgetlab does not guess). */
static bool get_int(ctx *c, const ynode *key, const ynode *v, const char *label,
		    int64_t min, int64_t max, int64_t *out)
{
	char q[BL_QUOTE_MAX];
	if (is_null(v)) {
		nerr(c, key ? key : v,
		     _("%s is empty; expected an integer from %" PRId64 " to %" PRId64),
		     label, min, max);
		return false;
	}
	if (v->type != Y_SCALAR || is_bool(v)) {
		nerr(c, v, _("%s is %s; expected an integer from %" PRId64 " to %" PRId64),
		     label, what_is(v), min, max);
		return false;
	}
	if (!v->plain) {
		nerr(c, v, _("%s is quoted text (\"%s\"); expected a plain integer "
			     "from %" PRId64 " to %" PRId64 ", without quotes"),
		     label, qt(v, q), min, max);
		return false;
	}
	int64_t x = 0;
	switch (strlen(v->text) == v->len ? parse_int64(v->text, &x) : 1) {
	case 1:
		nerr(c, v, _("%s: '%s' is not an integer; expected an integer from "
			     "%" PRId64 " to %" PRId64),
		     label, qt(v, q), min, max);
		return false;
	case 2:
		nerr(c, v, _("%s: %s is out of range (beyond 64-bit integers); "
			     "expected an integer from %" PRId64 " to %" PRId64),
		     label, qt(v, q), min, max);
		return false;
	}
	if (x < min || x > max) {
		nerr(c, v, _("%s: %" PRId64 " is out of range; expected an integer "
			     "from %" PRId64 " to %" PRId64),
		     label, x, min, max);
		return false;
	}
	*out = x;
	return true;
}

/* A sequence (or nothing, for an optional list written as "key:"). */
static bool get_list(ctx *c, const ynode *v, const char *label, const char *expect)
{
	if (is_null(v))
		return false;
	if (v->type != Y_SEQ) {
		nerr(c, v, _("%s is %s; expected %s"), label, what_is(v), expect);
		return false;
	}
	return true;
}

/* ---- step 2: the keys of the format ---- */

static const keyspec top_keys[] = {
	{ "budgetlab", true, N_("budgetlab: 1") },
	{ "process", true, N_("process: a mapping with municipality, title, language and budget_year") },
	{ "phases", true, N_("phases: a list of phases, each with an id and a title") },
};

enum { P_MUNICIPALITY, P_TITLE, P_LANGUAGE, P_CURRENCY, P_BUDGET_YEAR, P_OUTLINE_YEARS };
static const keyspec process_keys[] = {
	{ "municipality", true, N_("municipality: NAME, e.g. Egekær Kommune") },
	{ "title", true, N_("title: TEXT, e.g. Budget 2028–2031") },
	{ "language", true, N_("language: da, nb or en") },
	{ "currency", false, N_("currency: three capital letters, e.g. DKK") },
	{ "budget_year", true, N_("budget_year: a year from 1900 to 2190") },
	{ "outline_years", false, N_("outline_years: an integer from 0 to 9") },
};

enum { F_ID, F_TITLE, F_GUIDANCE, F_FROM, F_TO, F_CHECKLIST, F_GATES, F_LOCKS };
static const keyspec phase_keys[N_PHASE_KEYS] = {
	{ "id", true, N_("id: NAME of lower-case letters a-z, digits and '_', e.g. first_reading") },
	{ "title", true, N_("title: TEXT") },
	{ "guidance", false, N_("guidance: TEXT for the facilitator") },
	{ "from", false, N_("from: YYYY-MM-DD") },
	{ "to", false, N_("to: YYYY-MM-DD") },
	{ "checklist", false, N_("checklist: a list of items, each written '- TEXT'") },
	{ "gates", false, N_("gates: a list of gates, e.g. [checklist_complete]") },
	{ "locks", false, N_("locks: a list such as [amounts, lines]") },
};

static void process_section(ctx *c, const field *pf, bl_process_def *def)
{
	char q[BL_QUOTE_MAX], label[64];
	const ynode *map = pf->val;
	field f[sizeof process_keys / sizeof process_keys[0]];
	const size_t nk = sizeof process_keys / sizeof process_keys[0];

	if (!map) {
		add_err(c, c->root->line, c->root->col, _("the file has no '%s'; expected %s"),
			"process", _(top_keys[1].expect));
		return;
	}
	if (map->type != Y_MAP) {
		nerr(c, is_null(map) ? pf->key : map, _("'%s' is %s; expected %s"),
		     "process", what_is(map), _(top_keys[1].expect));
		return;
	}
	get_fields(c, map, process_keys, nk, f, _("in process"));
	for (size_t i = 0; i < nk; i++)
		if (process_keys[i].required && !f[i].key)
			nerr(c, map, _("process has no '%s'; expected %s"),
			     process_keys[i].name, _(process_keys[i].expect));

#define LABEL(k) (snprintf(label, sizeof label, "'%s'", process_keys[k].name), label)
	if (f[P_MUNICIPALITY].key)
		def->municipality = get_text(c, f[P_MUNICIPALITY].key, f[P_MUNICIPALITY].val,
					     LABEL(P_MUNICIPALITY),
					     _(process_keys[P_MUNICIPALITY].expect), false);
	if (f[P_TITLE].key)
		def->title = get_text(c, f[P_TITLE].key, f[P_TITLE].val, LABEL(P_TITLE),
				      _(process_keys[P_TITLE].expect), false);
	if (f[P_LANGUAGE].key) {
		char *lang = get_text(c, f[P_LANGUAGE].key, f[P_LANGUAGE].val,
				      LABEL(P_LANGUAGE), _(process_keys[P_LANGUAGE].expect),
				      false);
		if (lang && bl_lang_from_name(lang, &def->lang) != 0) {
			static const char *const langs[] = { "da", "nb", "en" };
			const char *near = nearest(lang, langs, 3);
			if (near)
				nerr(c, f[P_LANGUAGE].val,
				     _("language: '%s' is not a language budgetlab knows; "
				       "did you mean '%s'? expected da, nb or en"),
				     qs(lang, q), near);
			else
				nerr(c, f[P_LANGUAGE].val,
				     _("language: '%s' is not a language budgetlab knows; "
				       "expected da (Danish), nb (Norwegian Bokmål) or en (English)"),
				     qs(lang, q));
		}
		c->lang = def->lang;
		free(lang);
	}
	if (f[P_CURRENCY].key && !is_null(f[P_CURRENCY].val)) {
		def->currency = get_text(c, f[P_CURRENCY].key, f[P_CURRENCY].val,
					 LABEL(P_CURRENCY), _(process_keys[P_CURRENCY].expect),
					 false);
		const char *s = def->currency;
		if (s && !(strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
			   s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'))
			nerr(c, f[P_CURRENCY].val,
			     _("currency: '%s' is not a currency code; expected three "
			       "capital letters, e.g. DKK or NOK"),
			     qs(s, q));
	}
	if (!def->currency) {
		def->currency = strdup(def->lang == BL_LANG_NB ? "NOK" : "DKK");
		if (!def->currency)
			c->oom = true;
	}
	int64_t v;
	if (f[P_BUDGET_YEAR].key &&
	    get_int(c, f[P_BUDGET_YEAR].key, f[P_BUDGET_YEAR].val, LABEL(P_BUDGET_YEAR),
		    MIN_BUDGET_YEAR, MAX_BUDGET_YEAR, &v))
		def->budget_year = (int)v;
	def->outline_years = 3;
	if (f[P_OUTLINE_YEARS].key && !is_null(f[P_OUTLINE_YEARS].val) &&
	    get_int(c, f[P_OUTLINE_YEARS].key, f[P_OUTLINE_YEARS].val,
		    LABEL(P_OUTLINE_YEARS), 0, MAX_OUTLINE_YEARS, &v))
		def->outline_years = (int)v;
#undef LABEL
}

static bool valid_id(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* The phase's id (first pass: every id is known before any gate refers
 * to one). */
static void phase_id(ctx *c, bl_process_def *def, size_t i)
{
	const field *f = c->pf[i];
	char q[BL_QUOTE_MAX], label[64];
	snprintf(label, sizeof label, _("'id' of phase %zu"), i + 1);
	if (!f[F_ID].key)
		return;
	char *id = get_text(c, f[F_ID].key, f[F_ID].val, label, _(phase_keys[F_ID].expect),
			    false);
	if (!id)
		return;
	if (!valid_id(id)) {
		nerr(c, f[F_ID].val,
		     _("%s: '%s' is not a valid id; expected lower-case letters a-z, "
		       "digits and '_', starting with a letter, e.g. first_reading"),
		     label, qs(id, q));
		free(id);
		return;
	}
	if (strlen(id) > MAX_ID_LEN) {
		nerr(c, f[F_ID].val,
		     _("%s: '%s' is longer than %d characters; expected a shorter id"),
		     label, qs(id, q), MAX_ID_LEN);
		free(id);
		return;
	}
	for (size_t j = 0; j < i; j++) {
		if (def->phases[j].id && strcmp(def->phases[j].id, id) == 0) {
			nerr(c, f[F_ID].val,
			     _("phase id '%s' is already used at line %d; expected "
			       "a different id for each phase"),
			     id, c->pf[j][F_ID].val->line);
			free(id);
			return;
		}
	}
	def->phases[i].id = id;
}

static const char *type_expect(const bl_gate_param_spec *p, bl_lang lang, char *buf,
			       size_t sz)
{
	switch (p->type) {
	case BL_PARAM_INT:
		snprintf(buf, sz, _("an integer from %" PRId64 " to %" PRId64), p->min, p->max);
		break;
	case BL_PARAM_PHASE:
		snprintf(buf, sz, _("the id of this phase or an earlier one"));
		break;
	case BL_PARAM_VERSION: {
		char list[128];
		snprintf(buf, sz, _("a budget version: %s"),
			 join(bl_version_keys, bl_n_versions, list, sizeof list));
		break;
	}
	case BL_PARAM_DATE:
		snprintf(buf, sz, _("a date YYYY-MM-DD"));
		break;
	case BL_PARAM_AMOUNT:
		snprintf(buf, sz, "%s",
			 lang == BL_LANG_EN ? _("an amount, e.g. 1,000") :
			 lang == BL_LANG_NB ? _("an amount, e.g. 1 000") :
			 _("an amount, e.g. 1.000"));
		break;
	}
	return buf;
}

/* Convert the text of a parameter (given, or its default) by its type.
 * at is where to report, or NULL for a default (a default that does not
 * parse is a bug in the gate table, reported at the gate). */
static void convert_arg(ctx *c, const bl_process_def *def, size_t phase,
			const bl_gate_kind *kind, const bl_gate_param_spec *p,
			const ynode *at, const char *text, const bl_gate_ref *ref,
			bl_gate_arg *a)
{
	char q[BL_QUOTE_MAX], label[160], expect[160];
	int line = at ? at->line : ref->line, col = at ? at->col : ref->col;
	bl_err e2;
	snprintf(label, sizeof label, _("'%s' of gate '%s'"), p->name, kind->name);
	type_expect(p, c->lang, expect, sizeof expect);
	bl_err_clear(&e2);

	switch (p->type) {
	case BL_PARAM_INT: {
		int64_t x;
		int r = parse_int64(text, &x);
		if (r == 1)
			add_err(c, line, col, _("%s: '%s' is not an integer; expected %s"),
				label, qs(text, q), expect);
		else if (r == 2)
			add_err(c, line, col, _("%s: %s is out of range (beyond 64-bit "
						"integers); expected %s"),
				label, qs(text, q), expect);
		else if (x < p->min || x > p->max)
			add_err(c, line, col, _("%s: %" PRId64 " is out of range; expected %s"),
				label, x, expect);
		else {
			a->i = x;
			a->set = true;
		}
		break;
	}
	case BL_PARAM_PHASE: {
		/* Not bl_process_phase_index: a phase whose id was refused
		 * has no id yet. */
		int j = -1;
		for (size_t k = 0; k < def->n_phases && j < 0; k++)
			if (def->phases[k].id && strcmp(def->phases[k].id, text) == 0)
				j = (int)k;
		if (j < 0) {
			const char *ids[MAX_PHASES];
			for (size_t k = 0; k < def->n_phases; k++)
				ids[k] = def->phases[k].id;
			const char *near = nearest(text, ids, def->n_phases);
			if (near)
				add_err(c, line, col, _("%s: there is no phase '%s'; did you "
							"mean '%s'? expected %s"),
					label, qs(text, q), near, expect);
			else
				add_err(c, line, col, _("%s: there is no phase '%s'; expected %s"),
					label, qs(text, q), expect);
		} else if ((size_t)j > phase) {
			add_err(c, line, col,
				_("%s: '%s' is a later phase (phase %d); expected %s, "
				  "since a gate can only count from a phase that has begun"),
				label, qs(text, q), j + 1, expect);
		} else {
			a->s = strdup(text);
			if (!a->s)
				c->oom = true;
			a->set = true;
		}
		break;
	}
	case BL_PARAM_VERSION:
		if (!bl_version_valid(text)) {
			const char *near = nearest(text, bl_version_keys, bl_n_versions);
			if (near)
				add_err(c, line, col, _("%s: '%s' is not a budget version; "
							"did you mean '%s'? expected %s"),
					label, qs(text, q), near, expect);
			else
				add_err(c, line, col, _("%s: '%s' is not a budget version; "
							"expected %s"),
					label, qs(text, q), expect);
		} else {
			a->s = strdup(text);
			if (!a->s)
				c->oom = true;
			a->set = true;
		}
		break;
	case BL_PARAM_DATE:
		if (bl_date_parse(text, &a->d, &e2) != 0)
			add_err(c, line, col, "%s: %s", label, e2.msg);
		else
			a->set = true;
		break;
	case BL_PARAM_AMOUNT:
		if (bl_money_parse(text, c->lang, &a->m, &e2) != 0)
			add_err(c, line, col, "%s: %s", label, e2.msg);
		else
			a->set = true;
		break;
	}
}

/* One item of a phase's gates. */
static void one_gate(ctx *c, bl_process_def *def, size_t phase, const ynode *item,
		     bl_gate_ref *ref)
{
	char q[BL_QUOTE_MAX], q2[BL_QUOTE_MAX], list[512];
	const ynode *name = NULL, *params = NULL;
	const char *example = _("expected a gate name, or a gate name with its "
				"parameters, e.g. - min_days_since: {phase: hearing, days: 14}");
	if (item->type == Y_SCALAR && !is_null(item) && !is_bool(item)) {
		name = item;
	} else if (item->type == Y_MAP && item->n == 2 && item->first->type == Y_SCALAR) {
		name = item->first;
		params = item->first->next;
	} else if (item->type == Y_MAP && item->n > 2) {
		nerr(c, item, _("a gate has %zu keys ('%s', '%s', ...); expected one "
				"gate name with its parameters indented below it, e.g. "
				"- min_days_since: {phase: hearing, days: 14}"),
		     item->n / 2, qt(item->first, q), qt(item->first->next->next, q2));
		return;
	} else {
		nerr(c, item, _("a gate is %s; %s"), what_is(item), example);
		return;
	}

	const bl_gate_kind *kind = strlen(name->text) == name->len ?
					   bl_gate_kind_find(name->text) : NULL;
	if (!kind) {
		const char *names[64];
		size_t n = bl_n_gate_kinds < 64 ? bl_n_gate_kinds : 64;
		for (size_t i = 0; i < n; i++)
			names[i] = bl_gate_kinds[i].name;
		const char *near = nearest(name->text, names, n);
		join(names, n, list, sizeof list);
		if (near)
			nerr(c, name, _("unknown gate '%s'; did you mean '%s'? known gates: %s"),
			     qt(name, q), near, list);
		else
			nerr(c, name, _("unknown gate '%s'; expected one of the known gates: %s"),
			     qt(name, q), list);
		return;
	}
	ref->kind = kind;
	ref->line = item->line;
	ref->col = item->col;

	field f[BL_GATE_MAX_PARAMS];
	memset(f, 0, sizeof f);
	if (!is_null(params)) {
		if (params->type != Y_MAP) {
			nerr(c, params, _("the parameters of gate '%s' are %s; expected a "
					  "mapping, e.g. %s: {%s: ...}"),
			     kind->name, what_is(params), kind->name,
			     kind->n_params ? kind->params[0].name : "");
			return;
		}
		for (const ynode *k = params->first; k && k->next; k = k->next->next) {
			const ynode *v = k->next;
			int i = k->type == Y_SCALAR && strlen(k->text) == k->len ?
					bl_gate_param_index(kind, k->text) : -1;
			if (i < 0) {
				const char *names[BL_GATE_MAX_PARAMS];
				for (size_t j = 0; j < kind->n_params; j++)
					names[j] = kind->params[j].name;
				const char *near = k->type == Y_SCALAR ?
					nearest(k->text, names, kind->n_params) : NULL;
				if (kind->n_params == 0)
					nerr(c, k, _("gate '%s' has no parameters, but '%s' is "
						     "given; expected - %s alone"),
					     kind->name, qt(k, q), kind->name);
				else if (near)
					nerr(c, k, _("gate '%s' has no parameter '%s'; did you "
						     "mean '%s'?"),
					     kind->name, qt(k, q), near);
				else
					nerr(c, k, _("gate '%s' has no parameter '%s'; expected "
						     "one of: %s"),
					     kind->name, qt(k, q),
					     join(names, kind->n_params, list, sizeof list));
				continue;
			}
			if (f[i].key) {
				nerr(c, k, _("duplicate parameter '%s' of gate '%s', already "
					     "given at line %d; expected each parameter once"),
				     kind->params[i].name, kind->name, f[i].key->line);
				continue;
			}
			f[i].key = k;
			f[i].val = v;
		}
	}

	for (size_t i = 0; i < kind->n_params; i++) {
		const bl_gate_param_spec *p = &kind->params[i];
		char label[160], expect[160];
		snprintf(label, sizeof label, _("'%s' of gate '%s'"), p->name, kind->name);
		type_expect(p, c->lang, expect, sizeof expect);
		if (f[i].key) {
			const ynode *v = f[i].val;
			if (p->type == BL_PARAM_INT) {
				int64_t x;
				if (get_int(c, f[i].key, v, label, p->min, p->max, &x)) {
					ref->args[i].i = x;
					ref->args[i].set = true;
				}
			} else if (is_null(v)) {
				nerr(c, f[i].key, _("%s is empty; expected %s"), label, expect);
			} else if (v->type != Y_SCALAR || is_bool(v) ||
				   strlen(v->text) != v->len) {
				nerr(c, v, _("%s is %s; expected %s"), label, what_is(v), expect);
			} else {
				convert_arg(c, def, phase, kind, p, v, v->text, ref, &ref->args[i]);
			}
		} else if (p->required) {
			nerr(c, item, _("gate '%s' needs the parameter '%s'; expected "
					"%s: %s"),
			     kind->name, p->name, p->name, expect);
		} else if (p->default_text) {
			convert_arg(c, def, phase, kind, p, NULL, p->default_text, ref,
				    &ref->args[i]);
		}
	}
}

static void phase_gates(ctx *c, bl_process_def *def, size_t i, const field *f)
{
	char label[64];
	bl_phase *ph = &def->phases[i];
	snprintf(label, sizeof label, _("'gates' of phase %zu"), i + 1);
	if (!get_list(c, f->val, label, _("a list of gates, e.g. [checklist_complete]")))
		return;
	if (f->val->n == 0)
		return;
	ph->gates = calloc(f->val->n, sizeof *ph->gates);
	if (!ph->gates) {
		c->oom = true;
		return;
	}
	for (const ynode *g = f->val->first; g; g = g->next) {
		bl_gate_ref *ref = &ph->gates[ph->n_gates];
		one_gate(c, def, i, g, ref);
		/* Keep the ref even when it failed, so that its strings are
		 * freed with the definition. */
		if (ref->kind)
			ph->n_gates++;
		else
			bl_gate_ref_clear(ref);
	}
}

static void phase_locks(ctx *c, bl_process_def *def, size_t i, const field *f)
{
	char label[64], q[BL_QUOTE_MAX], list[128];
	const char *names[BL_LOCK_COUNT];
	const ynode *first_at[BL_LOCK_COUNT] = { NULL };
	for (unsigned b = 0; b < BL_LOCK_COUNT; b++)
		names[b] = bl_lock_name(b);
	join(names, BL_LOCK_COUNT, list, sizeof list);
	snprintf(label, sizeof label, _("'locks' of phase %zu"), i + 1);
	if (!get_list(c, f->val, label, _("a list such as [amounts, lines]")))
		return;
	for (const ynode *l = f->val->first; l; l = l->next) {
		char item[64];
		snprintf(item, sizeof item, _("a lock of phase %zu"), i + 1);
		if (l->type != Y_SCALAR || is_null(l) || is_bool(l)) {
			nerr(c, l, _("%s is %s; expected one of: %s"), item, what_is(l), list);
			continue;
		}
		unsigned bit = strlen(l->text) == l->len ? bl_lock_from_name(l->text) : 0;
		if (!bit) {
			const char *near = nearest(l->text, names, BL_LOCK_COUNT);
			if (near)
				nerr(c, l, _("unknown lock '%s'; did you mean '%s'? known "
					     "locks: %s"),
				     qt(l, q), near, list);
			else
				nerr(c, l, _("unknown lock '%s'; expected one of the known "
					     "locks: %s"),
				     qt(l, q), list);
			continue;
		}
		unsigned b = 0;
		while (!((1u << b) & bit))
			b++;
		if (first_at[b]) {
			nerr(c, l, _("lock '%s' is listed twice (first at line %d); "
				     "expected each lock once"),
			     names[b], first_at[b]->line);
			continue;
		}
		first_at[b] = l;
		def->phases[i].locks |= bit;
	}
}

static void phase_checklist(ctx *c, bl_process_def *def, size_t i, const field *f)
{
	char label[64];
	bl_phase *ph = &def->phases[i];
	snprintf(label, sizeof label, _("'checklist' of phase %zu"), i + 1);
	if (!get_list(c, f->val, label, _("a list of items, each written '- TEXT'")))
		return;
	size_t n = f->val->n < MAX_CHECKLIST ? f->val->n : MAX_CHECKLIST;
	if (n == 0)
		return;
	ph->checklist = calloc(n, sizeof *ph->checklist);
	if (!ph->checklist) {
		c->oom = true;
		return;
	}
	size_t k = 0;
	for (const ynode *it = f->val->first; it; it = it->next, k++) {
		if (k == MAX_CHECKLIST) {
			nerr(c, it, _("%s has more than %d items; expected at most %d"),
			     label, MAX_CHECKLIST, MAX_CHECKLIST);
			break;
		}
		char item[64];
		snprintf(item, sizeof item, _("checklist item %zu of phase %zu"), k + 1, i + 1);
		char *s = get_text(c, NULL, it, item, _("a line of text"), false);
		if (s)
			ph->checklist[ph->n_checklist++] = s;
	}
}

/* The date window of a phase; *prev is the previous phase with a window
 * (for the order check), updated here. */
static void phase_window(ctx *c, bl_process_def *def, size_t i, size_t *prev)
{
	const field *f = c->pf[i];
	bl_phase *ph = &def->phases[i];
	bool has_from = f[F_FROM].key && !is_null(f[F_FROM].val);
	bool has_to = f[F_TO].key && !is_null(f[F_TO].val);
	if (!has_from && !has_to)
		return;
	bl_date d[2] = { 0, 0 };
	bool good = true;
	for (int k = 0; k < 2; k++) {
		const field *fk = &f[k ? F_TO : F_FROM];
		const char *key = k ? "to" : "from";
		bl_err e2;
		bl_err_clear(&e2);
		if (!(k ? has_to : has_from))
			continue;
		if (fk->val->type != Y_SCALAR || is_bool(fk->val) ||
		    strlen(fk->val->text) != fk->val->len) {
			nerr(c, fk->val, _("'%s' is %s; expected a date YYYY-MM-DD"),
			     key, what_is(fk->val));
			good = false;
		} else if (bl_date_parse(fk->val->text, &d[k], &e2) != 0) {
			nerr(c, fk->val, "'%s': %s", key, e2.msg);
			good = false;
		}
	}
	if (has_from != has_to) {
		const field *given = has_from ? &f[F_FROM] : &f[F_TO];
		nerr(c, given->key, _("phase %zu has '%s' but no '%s'; expected both "
				      "from: and to:, or neither"),
		     i + 1, has_from ? "from" : "to", has_from ? "to" : "from");
		return;
	}
	if (!good)
		return;
	char a[11], b[11];
	if (d[0] > d[1]) {
		bl_date_format(d[0], a);
		bl_date_format(d[1], b);
		nerr(c, f[F_TO].val, _("phase %zu ends (to: %s) before it begins "
				       "(from: %s); expected from on or before to"),
		     i + 1, b, a);
		return;
	}
	ph->has_window = true;
	ph->from = d[0];
	ph->to = d[1];
	if (*prev != SIZE_MAX && def->phases[*prev].from > ph->from) {
		const bl_phase *pp = &def->phases[*prev];
		bl_date_format(ph->from, a);
		bl_date_format(pp->from, b);
		nerr(c, f[F_FROM].val,
		     _("phases out of order: phase %zu ('%s') begins on %s, before "
		       "phase %zu ('%s', line %d) which begins on %s; expected the "
		       "phases in the order they happen"),
		     i + 1, ph->id ? ph->id : "?", a, *prev + 1, pp->id ? pp->id : "?",
		     c->pf[*prev][F_FROM].val->line, b);
	}
	*prev = i;
}

static void phases_section(ctx *c, const field *pf, bl_process_def *def)
{
	const ynode *seq = pf->val;
	const char *expect = _(top_keys[2].expect);
	if (!seq) {
		add_err(c, c->root->line, c->root->col, _("the file has no '%s'; expected %s"),
			"phases", expect);
		return;
	}
	if (is_null(seq) || (seq->type == Y_SEQ && seq->n == 0)) {
		nerr(c, is_null(seq) ? pf->key : seq,
		     _("'phases' is empty; expected at least one phase, e.g. "
		       "- id: goals with a title below it"));
		return;
	}
	if (seq->type != Y_SEQ) {
		nerr(c, seq, _("'phases' is %s; expected a list of phases, each "
			       "starting with '- id:'"),
		     what_is(seq));
		return;
	}
	size_t n = seq->n < MAX_PHASES ? seq->n : MAX_PHASES;
	def->phases = calloc(n, sizeof *def->phases);
	if (!def->phases) {
		c->oom = true;
		return;
	}
	def->n_phases = n;

	/* First pass: the shape of each phase, and its id. */
	size_t i = 0;
	bool usable[MAX_PHASES] = { false };
	for (const ynode *it = seq->first; it; it = it->next, i++) {
		char where[48];
		if (i == MAX_PHASES) {
			nerr(c, it, _("there are more than %d phases; expected at most %d"),
			     MAX_PHASES, MAX_PHASES);
			break;
		}
		if (it->type != Y_MAP) {
			nerr(c, it, _("phase %zu is %s; expected a mapping with an id and a "
				      "title, e.g. - id: goals"),
			     i + 1, what_is(it));
			continue;
		}
		snprintf(where, sizeof where, _("in phase %zu"), i + 1);
		get_fields(c, it, phase_keys, N_PHASE_KEYS, c->pf[i], where);
		for (size_t k = 0; k < N_PHASE_KEYS; k++)
			if (phase_keys[k].required && !c->pf[i][k].key)
				nerr(c, it, _("phase %zu has no '%s'; expected %s"), i + 1,
				     phase_keys[k].name, _(phase_keys[k].expect));
		phase_id(c, def, i);
		usable[i] = true;
	}

	/* Second pass: everything else. */
	size_t prev = SIZE_MAX;
	for (i = 0; i < n; i++) {
		if (!usable[i])
			continue;
		const field *f = c->pf[i];
		bl_phase *ph = &def->phases[i];
		char label[64];
		if (f[F_TITLE].key) {
			snprintf(label, sizeof label, _("'title' of phase %zu"), i + 1);
			ph->title = get_text(c, f[F_TITLE].key, f[F_TITLE].val, label,
					     _(phase_keys[F_TITLE].expect), false);
		}
		if (f[F_GUIDANCE].key && !is_null(f[F_GUIDANCE].val)) {
			snprintf(label, sizeof label, _("'guidance' of phase %zu"), i + 1);
			ph->guidance = get_text(c, f[F_GUIDANCE].key, f[F_GUIDANCE].val,
						label, _(phase_keys[F_GUIDANCE].expect), true);
		}
		phase_window(c, def, i, &prev);
		if (f[F_CHECKLIST].key)
			phase_checklist(c, def, i, &f[F_CHECKLIST]);
		if (f[F_GATES].key)
			phase_gates(c, def, i, &f[F_GATES]);
		if (f[F_LOCKS].key)
			phase_locks(c, def, i, &f[F_LOCKS]);
	}
}

static void check_root(ctx *c, bl_process_def *def)
{
	const ynode *r = c->root;
	if (is_null(r)) {
		add_err(c, 1, 1,
			_("the file is empty; expected a budgetlab file that starts "
			  "with 'budgetlab: 1'"));
		return;
	}
	if (r->type != Y_MAP) {
		nerr(c, r, _("the file is %s at the top level; expected a mapping that "
			     "starts with 'budgetlab: 1'"),
		     what_is(r));
		return;
	}
	field f[3];
	get_fields(c, r, top_keys, 3, f, _("at the top level"));
	if (!f[0].key) {
		nerr(c, r, _("the file has no '%s'; expected %s as its first line"),
		     "budgetlab", _(top_keys[0].expect));
	} else {
		/* Not get_int: its range would be all of int64. */
		const ynode *val = f[0].val;
		char q[BL_QUOTE_MAX];
		int64_t v = 0;
		if (is_null(val)) {
			nerr(c, f[0].key, _("'budgetlab' is empty; expected budgetlab: 1"));
			return;
		}
		if (val->type != Y_SCALAR || !val->plain || strlen(val->text) != val->len ||
		    parse_int64(val->text, &v) != 0) {
			nerr(c, val, _("budgetlab: %s%s%s is not a format version; expected "
				       "budgetlab: 1"),
			     val->type == Y_SCALAR ? "'" : "",
			     val->type == Y_SCALAR ? qt(val, q) : what_is(val),
			     val->type == Y_SCALAR ? "'" : "");
			return;
		}
		if (v != 1) {
			/* A later format: its other keys would only add noise. */
			nerr(c, f[0].val, _("budgetlab: format version %" PRId64 " is not "
					    "supported by this budgetlab; expected budgetlab: 1"),
			     v);
			return;
		}
	}
	process_section(c, &f[1], def);
	phases_section(c, &f[2], def);
}

static int load(const char *text, size_t len, const char *name, bl_process_def **out,
		bl_err *err)
{
	ctx *c = calloc(1, sizeof *c);
	if (!c)
		return bl_err_set(err, _("out of memory"));
	sanitize(name ? name : "(string)", c->name, sizeof c->name);
	c->text = (const unsigned char *)(text ? text : "");
	c->len = text ? len : 0;
	c->lang = BL_LANG_DA;

	bl_process_def *def = NULL;
	if (c->len > BL_YAML_MAX_BYTES) {
		/* The whole file is the problem: no line or column to give. */
		bl_err_set(err, _("%s: the file is %zu bytes; expected a phase file of "
				  "at most %d bytes"),
			   c->name, c->len, BL_YAML_MAX_BYTES);
		free(c);
		return -1;
	}
	if (check_encoding(c) && read_tree(c)) {
		def = calloc(1, sizeof *def);
		if (!def)
			c->oom = true;
		else
			check_root(c, def);
	}
	arena_free(c);
	if (c->n_errs || c->oom) {
		bl_process_def_free(def);
		flush_errs(c, err);
		free(c);
		return -1;
	}
	free(c);
	*out = def;
	return 0;
}

int bl_config_load_string(const char *text, size_t len, const char *name,
			  bl_process_def **out, bl_err *err)
{
	if (!out)
		return bl_err_set(err, _("no place to put the process definition"));
	*out = NULL;
	return load(text, len, name, out, err);
}

int bl_config_load_file(const char *path, bl_process_def **out, char **text_out,
			bl_err *err)
{
	char q[512];
	if (text_out)
		*text_out = NULL;
	if (!out)
		return bl_err_set(err, _("no place to put the process definition"));
	*out = NULL;
	if (!path)
		return bl_err_set(err, _("no phase file was given; expected a path"));

	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bl_err_set(err, _("cannot read '%s': %s"), sanitize(path, q, sizeof q), strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return bl_err_set(err, _("cannot read '%s': %s"), sanitize(path, q, sizeof q), strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return bl_err_set(err, _("cannot read '%s': %s"), sanitize(path, q, sizeof q), strerror(EISDIR));
	}
	if (S_ISREG(st.st_mode) && st.st_size > BL_YAML_MAX_BYTES) {
		close(fd);
		return bl_err_set(err, _("%s: the file is %jd bytes; expected a phase "
					 "file of at most %d bytes"),
				  sanitize(path, q, sizeof q), (intmax_t)st.st_size, BL_YAML_MAX_BYTES);
	}
	/* Read at most one byte more than allowed, to know it was too much
	 * even when the size was not known in advance (a pipe). */
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		close(fd);
		return bl_err_set(err, _("out of memory"));
	}
	for (;;) {
		if (n == cap) {
			if (cap > BL_YAML_MAX_BYTES)
				break;
			size_t ncap = cap * 2 > BL_YAML_MAX_BYTES + 1 ? BL_YAML_MAX_BYTES + 1
								       : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb) {
				free(buf);
				close(fd);
				return bl_err_set(err, _("out of memory"));
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			return bl_err_set(err, _("cannot read '%s': %s"), sanitize(path, q, sizeof q),
					  strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	if (n > BL_YAML_MAX_BYTES) {
		free(buf);
		return bl_err_set(err, _("%s: the file is more than %d bytes; expected "
					 "a phase file of at most %d bytes"),
				  sanitize(path, q, sizeof q), BL_YAML_MAX_BYTES, BL_YAML_MAX_BYTES);
	}
	if (load(buf, n, path, out, err) != 0) {
		free(buf);
		return -1;
	}
	if (text_out)
		*text_out = buf;
	else
		free(buf);
	return 0;
}
