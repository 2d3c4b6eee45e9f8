/* yaml_doc.h: what every budgetlab YAML file shares (config/ only).
 *
 * A file is read in two steps.  First libyaml's event parser builds a
 * small tree of nodes that remember where they were written; this step
 * refuses what budgetlab files never need and what makes YAML dangerous
 * to read: anchors and aliases (exponential expansion), explicit tags,
 * more than one document, nesting beyond BL_YAML_MAX_DEPTH, text that is
 * not UTF-8.  Then a format's own loader (process_yaml.c, import_yaml.c)
 * checks the tree with the helpers below, collecting every problem it can
 * find (not just the first) as "FILE:LINE:COL: what is wrong; expected
 * what", and builds its result on the way.  Any problem at all frees the
 * whole result: a file either loads completely or not at all. */

#ifndef BL_CONFIG_YAML_DOC_H
#define BL_CONFIG_YAML_DOC_H

/* Limits: larger files or deeper nesting are refused with a message. */
#define BL_YAML_MAX_BYTES (1024 * 1024)
#define BL_YAML_MAX_DEPTH 16

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/text.h"

/* Errors: how many are kept, how long each may be. */
#define YDOC_ERR_KEPT 64
#define YDOC_ERR_LEN 512

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

typedef struct yerr {
	int line, col;
	size_t seq;
	char msg[YDOC_ERR_LEN];
} yerr;

struct ablock;

/* One file being read.  Set up by ydoc_init, freed by ydoc_free. */
typedef struct ydoc {
	char name[512];            /* the file name, as shown in messages */
	const unsigned char *text;
	size_t len;
	struct ablock *arena;
	ynode *root;
	yerr errs[YDOC_ERR_KEPT];
	size_t n_errs, dropped;
	bool oom;
} ydoc;

/* A key and its value, as y_get_fields sorts them. */
typedef struct yfield {
	const ynode *key, *val;
} yfield;

typedef struct keyspec {
	const char *name;
	bool required;
	const char *expect; /* for messages: how the key is written */
} keyspec;

/* name is shown in messages (control characters become '?'). */
void ydoc_init(ydoc *d, const char *name, const char *text, size_t len);
/* Frees the tree (not the text). */
void ydoc_free(ydoc *d);
/* Checks the encoding (UTF-8, optional BOM, no NUL) and reads the tree
 * into d->root.  False if anything was refused (the errors are in d). */
bool ydoc_parse(ydoc *d);
/* Writes the collected errors into err, in the order of the file, each
 * "FILE:LINE:COL: message", as many as fit.  Returns -1. */
int ydoc_flush(ydoc *d, bl_err *err);
/* Read a whole file of at most BL_YAML_MAX_BYTES into *buf (malloc'd,
 * NUL-terminated) and its length into *n.  `what` names the kind of file
 * in the size message ("a phase file"). */
int ydoc_read_file(const char *path, const char *what, char **buf, size_t *n,
		   bl_err *err);

/* Errors at a line and column, or at a node (NULL: line 1). */
void yerr_at(ydoc *d, int line, int col, const char *fmt, ...) BL_PRINTF(4, 5);
void y_nerr(ydoc *d, const ynode *n, const char *fmt, ...) BL_PRINTF(3, 4);

bool y_is_null(const ynode *n);
/* YAML 1.2 booleans only (yes/no/on/off are text). */
bool y_is_bool(const ynode *n);
/* The boolean's value (only if is_bool). */
bool y_bool_value(const ynode *n);
/* "empty", "a list", "a mapping", "a boolean", "text". */
const char *y_what_is(const ynode *n);
/* A scalar's text quoted for a message (control characters escaped). */
const char *y_qt(const ynode *n, char buf[static BL_QUOTE_MAX]);
/* A C string quoted for a message. */
const char *y_qs(const char *s, char buf[static BL_QUOTE_MAX]);
/* Copy of a file name for messages, control characters as '?'. */
const char *ydoc_sanitize(const char *name, char *out, size_t sz);
/* The closest candidate within a small edit distance, or NULL. */
const char *y_nearest(const char *word, const char *const *cands, size_t n);
/* Strict decimal integer: 0 ok, 1 not an integer, 2 out of int64. */
int y_parse_int64(const char *s, int64_t *out);

/* Sort the pairs of a mapping into f[] by the names in ks.  Unknown keys
 * (with "did you mean") and duplicate keys are reported; `where` says
 * where, e.g. "in phase 3". */
void y_get_fields(ydoc *d, const ynode *map, const keyspec *ks, size_t nks,
		yfield *f, const char *where);
/* A text value (trimmed, not empty, no control characters; newlines and
 * tabs allowed if multiline): a malloc'd copy, or NULL with an error.
 * key may be NULL for a list item. */
char *y_get_text(ydoc *d, const ynode *key, const ynode *v, const char *label,
	       const char *expect, bool multiline);
/* A plain integer in [min, max]. */
bool y_get_int(ydoc *d, const ynode *key, const ynode *v, const char *label,
	     int64_t min, int64_t max, int64_t *out);
/* A sequence (false without an error for an empty value). */
bool y_get_list(ydoc *d, const ynode *v, const char *label, const char *expect);

#endif
