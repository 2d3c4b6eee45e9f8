/* yaml_doc.c: the part of reading a YAML file that every budgetlab format
 * shares (see yaml_doc.h): the node tree built from libyaml's events, the
 * collected errors with their positions, the encoding check, the reading
 * of a file, and the helpers a format's loader checks its keys with.
 * process_yaml.c (phase files) and the import profiles build on it, so
 * that both refuse the same dangerous YAML and word their problems alike.
 *
 * Before libyaml sees the text it is checked for UTF-8 here, because
 * libyaml reports encoding problems as a byte offset without line and
 * column, and because a Latin-1 file deserves a message that says so. */
#include "config.h"
#include "config/yaml_doc.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/file.h"
#include "core/i18n.h"
#include "core/text.h"

/* Errors: how many are shown (YDOC_ERR_KEPT are kept). */
#define ERR_SHOWN 20

/* ---- the node tree ---- */

/* Nodes and texts live in an arena freed in one go: a hostile file of a
 * megabyte of "[a,a,a,..." then costs a few large blocks, not a million
 * small allocations. */
typedef struct ablock {
	struct ablock *next;
	size_t used, cap;
	max_align_t data[];
} ablock;

#define ARENA_BLOCK 65536

static void *arena_alloc(ydoc *d, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	ablock *b = d->arena;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = malloc(offsetof(ablock, data) + cap);
		if (!b) {
			d->oom = true;
			return NULL;
		}
		b->next = d->arena;
		b->used = 0;
		b->cap = cap;
		d->arena = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static void arena_free(ydoc *d)
{
	while (d->arena) {
		ablock *next = d->arena->next;
		free(d->arena);
		d->arena = next;
	}
}

/* ---- errors ---- */

static void add_errv(ydoc *d, int line, int col, const char *fmt, va_list ap)
	BL_PRINTF(4, 0);
static void add_errv(ydoc *d, int line, int col, const char *fmt, va_list ap)
{
	if (d->n_errs == YDOC_ERR_KEPT) {
		d->dropped++;
		return;
	}
	yerr *e = &d->errs[d->n_errs];
	e->line = line;
	e->col = col;
	e->seq = d->n_errs++;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void yerr_at(ydoc *d, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_errv(d, line, col, fmt, ap);
	va_end(ap);
}

/* An error at a node. */
void y_nerr(ydoc *d, const ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_errv(d, n ? n->line : 1, n ? n->col : 1, fmt, ap);
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
int ydoc_flush(ydoc *d, bl_err *err)
{
	/* Insertion sort: at most YDOC_ERR_KEPT entries, and it is stable. */
	for (size_t i = 1; i < d->n_errs; i++) {
		yerr tmp = d->errs[i];
		size_t j = i;
		while (j > 0 && errs_cmp(&d->errs[j - 1], &tmp) > 0) {
			d->errs[j] = d->errs[j - 1];
			j--;
		}
		d->errs[j] = tmp;
	}
	if (!err)
		return -1;
	if (d->oom) {
		/* Nothing else can be trusted to be complete. */
		return bl_err_set(err, _("%s: out of memory while reading the file"),
				  d->name);
	}
	char *buf = err->msg;
	size_t cap = sizeof err->msg, pos = 0, shown = 0;
	size_t total = d->n_errs + d->dropped;
	const size_t tail_room = 96; /* for the "N more problems" line */
	buf[0] = '\0';
	for (size_t i = 0; i < d->n_errs && shown < ERR_SHOWN; i++) {
		char line[YDOC_ERR_LEN + sizeof d->name + 32];
		int w = snprintf(line, sizeof line, "%s:%d:%d: %s", d->name,
				 d->errs[i].line, d->errs[i].col, d->errs[i].msg);
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
			 d->name, total - shown);
	return -1;
}

/* ---- positions in the raw text ---- */

static bool has_bom(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* Line and column (1-based, in characters, as libyaml counts them) of a
 * byte offset.  A BOM is not a character of the first line. */
static void mark_at(const ydoc *d, size_t off, int *line, int *col)
{
	const unsigned char *s = d->text;
	size_t i = has_bom(s, d->len) ? 3 : 0;
	int l = 1, k = 1;
	if (off > d->len)
		off = d->len;
	for (; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= d->len || s[i + 1] != '\n'))) {
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
static size_t offset_of(const ydoc *d, int line, int col)
{
	const unsigned char *s = d->text;
	size_t i = has_bom(s, d->len) ? 3 : 0;
	int l = 1, k = 1;
	while (i < d->len && (l < line || (l == line && k < col))) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= d->len || s[i + 1] != '\n'))) {
			l++;
			k = 1;
			i++;
		} else if (s[i] == '\r') {
			i++;
		} else {
			i++;
			while (i < d->len && (s[i] & 0xC0) == 0x80)
				i++;
			k++;
		}
	}
	return i;
}

/* UTF-8 (with an optional BOM), no NUL bytes.  Reports the first bad
 * byte with its line and column. */
static bool check_encoding(ydoc *d)
{
	const unsigned char *s = d->text;
	size_t n = d->len, i = has_bom(s, n) ? 3 : 0;
	int line, col;

	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		yerr_at(d, 1, 1, _("the file is UTF-16, not UTF-8; expected a "
				   "UTF-8 text file (save it as UTF-8)"));
		return false;
	}
	while (i < n) {
		if (s[i] == 0) {
			mark_at(d, i, &line, &col);
			yerr_at(d, line, col, _("the file contains a NUL byte; expected "
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
			mark_at(d, i, &line, &col);
			if (s[i] >= 0xC2 && s[i] <= 0xF4 && j == n && n - i < want)
				yerr_at(d, line, col,
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
				yerr_at(d, line, col,
					_("the file is not valid UTF-8 (byte 0x%02x); expected "
					  "UTF-8 text: save the file as UTF-8 (it looks like "
					  "Latin-1 or Windows-1252, where the byte 0x%02x is %s)"),
					s[i], s[i], ch);
			}
			else
				yerr_at(d, line, col,
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
const char *ydoc_sanitize(const char *name, char *out, size_t sz)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 1 < sz; p++)
		out[o++] = (*p < 0x20 || *p == 0x7F) ? '?' : (char)*p;
	out[o] = '\0';
	return out;
}

/* Quoted input for a message (control characters escaped, long text cut). */
const char *y_qs(const char *s, char buf[static BL_QUOTE_MAX])
{
	bl_text_quote(s, strlen(s), buf);
	return buf;
}

/* ---- step 1: the tree ---- */

static ynode *node_new(ydoc *d, ytype type, const yaml_mark_t *m)
{
	ynode *n = arena_alloc(d, sizeof *n);
	if (!n)
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = (int)(m->line < INT32_MAX ? m->line + 1 : INT32_MAX);
	n->col = (int)(m->column < INT32_MAX ? m->column + 1 : INT32_MAX);
	return n;
}

static void attach(ydoc *d, ynode **stack, int depth, ynode *n)
{
	if (depth == 0) {
		if (!d->root)
			d->root = n;
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
static void syntax_error(ydoc *d, const yaml_parser_t *p)
{
	int line, col;
	if (p->error == YAML_MEMORY_ERROR) {
		d->oom = true;
		return;
	}
	const char *problem = p->problem ? p->problem : "unknown problem";
	if (p->error == YAML_READER_ERROR) {
		mark_at(d, p->problem_offset, &line, &col);
		if (strstr(problem, "control"))
			yerr_at(d, line, col,
				_("the file contains a control character (U+%04X); "
				  "expected text without control characters"),
				(unsigned)p->problem_value);
		else
			yerr_at(d, line, col,
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
	size_t at = offset_of(d, line, col);
	if (at < d->len && d->text[at] == '\t')
		hint = _("expected spaces for indentation (tabs are not allowed)");
	/* "code: {a}.{b}" unquoted: YAML reads "{a}" as a mapping and then
	 * finds ".{b}".  The error is where the text goes on after a "}". */
	if (at > 0 && at < d->len && d->text[at - 1] == '}' && d->text[at] != ' ' &&
	    d->text[at] != '\n' && d->text[at] != '\r')
		hint = _("expected a value that starts with '{' in quotes (YAML reads {...} as a"
			 " mapping): write a template such as \"{avdeling}.{tjeneste}\"");
	if (p->context)
		yerr_at(d, line, col,
			_("YAML syntax error: %s (%s at line %d, column %d); %s"),
			problem, p->context, (int)p->context_mark.line + 1,
			(int)p->context_mark.column + 1, hint);
	else
		yerr_at(d, line, col, _("YAML syntax error: %s; %s"), problem, hint);
}

/* Anchors and tags are refused where they are written. */
static void refuse_extras(ydoc *d, const yaml_mark_t *m, const yaml_char_t *anchor,
			  const yaml_char_t *tag)
{
	char q[BL_QUOTE_MAX];
	if (anchor)
		yerr_at(d, (int)m->line + 1, (int)m->column + 1,
			_("anchors and aliases are not allowed in budgetlab files "
			  "(found the anchor '&%s'); expected each value written out"),
			y_qs((const char *)anchor, q));
	if (tag) {
		/* Show "!!str" as written, not libyaml's expanded form. */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		bool is_core = strncmp(t, core, sizeof core - 1) == 0;
		yerr_at(d, (int)m->line + 1, (int)m->column + 1,
			_("tags are not allowed in budgetlab files (found '%s%s'); "
			  "expected a plain value without '!'"),
			is_core ? "!!" : "", y_qs(is_core ? t + sizeof core - 1 : t, q));
	}
}

/* Read the text into d->root.  Returns false if anything was refused. */
static bool read_tree(ydoc *d)
{
	yaml_parser_t p;
	ynode *stack[BL_YAML_MAX_DEPTH];
	char q[BL_QUOTE_MAX];
	int depth = 0, docs = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p)) {
		d->oom = true;
		return false;
	}
	yaml_parser_set_input_string(&p, d->text, d->len);
	while (!done && !d->oom) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(d, &p);
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
				yerr_at(d, (int)m->line + 1, (int)m->column + 1,
					_("a second document starts here; expected one "
					  "document in a budgetlab file (remove the '---')"));
				done = true;
			}
			break;
		case YAML_ALIAS_EVENT:
			yerr_at(d, (int)m->line + 1, (int)m->column + 1,
				_("anchors and aliases are not allowed in budgetlab files "
				  "(found the alias '*%s'); expected each value written out"),
				y_qs((const char *)ev.data.alias.anchor, q));
			/* A stand-in keeps keys and values paired; the tree is
			 * never used when there are errors. */
			n = node_new(d, Y_SCALAR, m);
			if (n) {
				n->text = "";
				attach(d, stack, depth, n);
			}
			break;
		case YAML_SCALAR_EVENT:
			refuse_extras(d, m, ev.data.scalar.anchor, ev.data.scalar.tag);
			n = node_new(d, Y_SCALAR, m);
			if (!n)
				break;
			n->len = ev.data.scalar.length;
			n->text = arena_alloc(d, n->len + 1);
			if (!n->text)
				break;
			memcpy(n->text, ev.data.scalar.value, n->len);
			n->text[n->len] = '\0';
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			attach(d, stack, depth, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT)
				refuse_extras(d, m, ev.data.sequence_start.anchor,
					      ev.data.sequence_start.tag);
			else
				refuse_extras(d, m, ev.data.mapping_start.anchor,
					      ev.data.mapping_start.tag);
			if (depth == BL_YAML_MAX_DEPTH) {
				yerr_at(d, (int)m->line + 1, (int)m->column + 1,
					_("the lists and mappings are nested more than %d "
					  "levels deep here; expected at most %d levels"),
					BL_YAML_MAX_DEPTH, BL_YAML_MAX_DEPTH);
				done = true;
				break;
			}
			n = node_new(d, ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP, m);
			if (!n)
				break;
			attach(d, stack, depth, n);
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
	return !d->oom && d->n_errs == 0;
}

/* ---- a document ---- */

void ydoc_init(ydoc *d, const char *name, const char *text, size_t len)
{
	memset(d, 0, sizeof *d);
	ydoc_sanitize(name ? name : "(string)", d->name, sizeof d->name);
	d->text = (const unsigned char *)(text ? text : "");
	d->len = text ? len : 0;
}

void ydoc_free(ydoc *d)
{
	arena_free(d);
	d->root = NULL;
}

bool ydoc_parse(ydoc *d)
{
	return check_encoding(d) && read_tree(d);
}

int ydoc_read_file(const char *path, const char *what, char **buf_out, size_t *n_out,
		   bl_err *err)
{
	char q[512];
	const char *shown = ydoc_sanitize(path, q, sizeof q);
	bl_read_result r;
	*buf_out = NULL;
	*n_out = 0;
	switch (bl_file_read(path, BL_YAML_MAX_BYTES, &r)) {
	case BL_READ_OK:
		*buf_out = r.data;
		*n_out = r.len;
		return 0;
	case BL_READ_ERRNO:
		return bl_err_set(err, _("cannot read '%s': %s"), shown, strerror(r.err));
	case BL_READ_TOO_BIG:
		if (r.size >= 0)
			return bl_err_set(err, _("%s: the file is %jd bytes; expected %s of at "
						 "most %d bytes"),
					  shown, r.size, what, BL_YAML_MAX_BYTES);
		return bl_err_set(err, _("%s: the file is more than %d bytes; expected "
					 "%s of at most %d bytes"),
				  shown, BL_YAML_MAX_BYTES, what, BL_YAML_MAX_BYTES);
	default:
		return bl_err_set(err, _("out of memory"));
	}
}

/* ---- step 2: helpers for checking the tree ---- */

bool y_is_null(const ynode *n)
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
bool y_is_bool(const ynode *n)
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

bool y_bool_value(const ynode *n)
{
	return y_is_bool(n) && (n->text[0] == 't' || n->text[0] == 'T');
}

const char *y_what_is(const ynode *n)
{
	if (y_is_null(n))
		return _("empty");
	if (n->type == Y_SEQ)
		return _("a list");
	if (n->type == Y_MAP)
		return _("a mapping");
	if (y_is_bool(n))
		return _("a boolean");
	return _("text");
}

const char *y_qt(const ynode *n, char buf[static BL_QUOTE_MAX])
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
const char *y_nearest(const char *word, const char *const *cands, size_t n)
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


/* Sort the pairs of a mapping into f[] by the names in ks.  Unknown and
 * duplicate keys are reported; `where` says where, e.g. "in phase 3". */
void y_get_fields(ydoc *d, const ynode *map, const keyspec *ks, size_t nks,
		yfield *f, const char *where)
{
	char q[BL_QUOTE_MAX];
	memset(f, 0, nks * sizeof *f);
	for (const ynode *k = map->first; k && k->next; k = k->next->next) {
		const ynode *v = k->next;
		if (k->type != Y_SCALAR) {
			y_nerr(d, k, _("a key %s is %s; expected a name followed by ':'"),
			     where, y_what_is(k));
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
			const char *near = y_nearest(k->text, names, nn);
			if (near)
				y_nerr(d, k, _("unknown key '%s' %s; did you mean '%s'?"),
				     y_qt(k, q), where, near);
			else
				y_nerr(d, k, _("unknown key '%s' %s; expected one of: %s"),
				     y_qt(k, q), where, bl_text_join(names, nn, list, sizeof list));
			continue;
		}
		if (f[i].key) {
			y_nerr(d, k, _("duplicate key '%s' %s, already given at line %d; "
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
static char *text_of(ydoc *d, const ynode *v, const char *label, const char *expect,
		     bool multiline)
{
	const char *s = v->text, *e = v->text + v->len;
	char q[BL_QUOTE_MAX];
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	if (s == e) {
		y_nerr(d, v, _("%s is empty; expected %s"), label, expect);
		return NULL;
	}
	for (const unsigned char *p = (const unsigned char *)s; p < (const unsigned char *)e; p++) {
		bool ctl = *p < 0x20 || *p == 0x7F ||
			   (*p == 0xC2 && p + 1 < (const unsigned char *)e && p[1] >= 0x80 && p[1] < 0xA0);
		if (ctl && multiline && (*p == '\n' || *p == '\t'))
			ctl = false;
		if (ctl) {
			bl_text_quote((const char *)p, *p == 0xC2 ? 2 : 1, q);
			y_nerr(d, v, _("%s contains a control character (%s); expected %s"),
			     label, q, expect);
			return NULL;
		}
	}
	size_t n = (size_t)(e - s);
	char *out = malloc(n + 1);
	if (!out) {
		d->oom = true;
		return NULL;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* A text value of a key (key may be NULL for a list item).  An empty value
 * is reported at the key, where the user wrote it. */
char *y_get_text(ydoc *d, const ynode *key, const ynode *v, const char *label,
	       const char *expect, bool multiline)
{
	if (y_is_null(v)) {
		y_nerr(d, key ? key : v, _("%s is empty; expected %s"), label, expect);
		return NULL;
	}
	if (y_is_bool(v)) {
		y_nerr(d, v, _("%s is a boolean (%s); expected %s (put the word in "
			     "quotes to use it as text)"),
		     label, v->text, expect);
		return NULL;
	}
	if (v->type != Y_SCALAR) {
		y_nerr(d, v, _("%s is %s; expected %s"), label, y_what_is(v), expect);
		return NULL;
	}
	return text_of(d, v, label, expect, multiline);
}

/* Strict decimal integer: an optional sign and digits, nothing else.
 * 0 ok, 1 not an integer, 2 out of the range of int64. */
int y_parse_int64(const char *s, int64_t *out)
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
bool y_get_int(ydoc *d, const ynode *key, const ynode *v, const char *label,
	     int64_t min, int64_t max, int64_t *out)
{
	char q[BL_QUOTE_MAX];
	if (y_is_null(v)) {
		y_nerr(d, key ? key : v,
		     _("%s is empty; expected an integer from %" PRId64 " to %" PRId64),
		     label, min, max);
		return false;
	}
	if (v->type != Y_SCALAR || y_is_bool(v)) {
		y_nerr(d, v, _("%s is %s; expected an integer from %" PRId64 " to %" PRId64),
		     label, y_what_is(v), min, max);
		return false;
	}
	if (!v->plain) {
		y_nerr(d, v, _("%s is quoted text (\"%s\"); expected a plain integer "
			     "from %" PRId64 " to %" PRId64 ", without quotes"),
		     label, y_qt(v, q), min, max);
		return false;
	}
	int64_t x = 0;
	switch (strlen(v->text) == v->len ? y_parse_int64(v->text, &x) : 1) {
	case 1:
		y_nerr(d, v, _("%s: '%s' is not an integer; expected an integer from "
			     "%" PRId64 " to %" PRId64),
		     label, y_qt(v, q), min, max);
		return false;
	case 2:
		y_nerr(d, v, _("%s: %s is out of range (beyond 64-bit integers); "
			     "expected an integer from %" PRId64 " to %" PRId64),
		     label, y_qt(v, q), min, max);
		return false;
	}
	if (x < min || x > max) {
		y_nerr(d, v, _("%s: %" PRId64 " is out of range; expected an integer "
			     "from %" PRId64 " to %" PRId64),
		     label, x, min, max);
		return false;
	}
	*out = x;
	return true;
}

/* A sequence (or nothing, for an optional list written as "key:"). */
bool y_get_list(ydoc *d, const ynode *v, const char *label, const char *expect)
{
	if (y_is_null(v))
		return false;
	if (v->type != Y_SEQ) {
		y_nerr(d, v, _("%s is %s; expected %s"), label, y_what_is(v), expect);
		return false;
	}
	return true;
}
