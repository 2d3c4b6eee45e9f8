/* csv_read.c: spreadsheet exports, row by row (see csv_read.h).
 *
 * The file is read whole into memory: detecting the encoding needs every
 * byte (a Windows-1252 file may have its first 'ø' on line 9,000), and a
 * reject file needs each row's original bytes.  A 1,000,000-row export is
 * about 150 MB; the importer holds it once.
 *
 * libcsv is fed one physical line at a time.  A row ends only at a line
 * end outside quotes, so after each line either the row is complete (its
 * raw bytes are the lines fed since the last row) or a quoted field goes
 * on into the next line.  That is how a row keeps its original bytes and
 * the number of the line it starts on, which libcsv does not report. */
#include "config.h"
#include "core/csv_read.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/file.h"
#include "core/i18n.h"
#include "core/text.h"

struct bl_csv {
	char name[512];
	char *data; /* the file: read-only (it may be mapped), not NUL-terminated */
	bl_read_result src; /* where data came from (bl_csv_open) */
	size_t len, start, pos;
	long line;  /* the next physical line's number */
	bl_encoding enc;
	char delim;
	bool bom;
	iconv_t cd;         /* to UTF-8, or (iconv_t)-1 for a UTF-8 file */
	char *conv;         /* one converted line */
	size_t conv_cap;
	struct csv_parser p;
	bool p_live;
	/* The row being built: fields as offsets into buf. */
	char *buf;
	size_t buf_len, buf_cap;
	size_t *off, *flen;
	char **field;
	size_t n, off_cap, flen_cap, field_cap;
	bool ended, too_many, too_long, oom;
	bool valid; /* the whole file is valid UTF-8: no line needs checking */
	char problem[512];
};

int bl_encoding_from_name(const char *name, bl_encoding *out)
{
	static const struct {
		const char *name;
		bl_encoding e;
	} names[] = {
		{ "auto", BL_ENC_AUTO },
		{ "utf-8", BL_ENC_UTF8 },	  { "utf8", BL_ENC_UTF8 },
		{ "windows-1252", BL_ENC_CP1252 }, { "cp1252", BL_ENC_CP1252 },
		{ "latin-1", BL_ENC_LATIN1 },	  { "latin1", BL_ENC_LATIN1 },
		{ "iso-8859-1", BL_ENC_LATIN1 },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (name && strcasecmp(name, names[i].name) == 0) {
			*out = names[i].e;
			return 0;
		}
	return -1;
}

const char *bl_encoding_name(bl_encoding e)
{
	switch (e) {
	case BL_ENC_UTF8:
		return "utf-8";
	case BL_ENC_CP1252:
		return "windows-1252";
	case BL_ENC_LATIN1:
		return "latin-1";
	default:
		return "auto";
	}
}

/* ---- libcsv's callbacks ---- */

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

static void on_field(void *s, size_t len, void *data)
{
	bl_csv *c = data;
	if (c->too_many || c->oom)
		return;
	if (c->n == BL_CSV_MAX_FIELDS) {
		c->too_many = true;
		return;
	}
	if (len > BL_CSV_MAX_FIELD) {
		c->too_long = true;
		len = 0;
	}
	if (!grow((void **)&c->off, &c->off_cap, c->n + 1, sizeof *c->off) ||
	    !grow((void **)&c->flen, &c->flen_cap, c->n + 1, sizeof *c->flen)) {
		c->oom = true;
		return;
	}
	if (!grow((void **)&c->buf, &c->buf_cap, c->buf_len + len + 1, 1)) {
		c->oom = true;
		return;
	}
	c->off[c->n] = c->buf_len;
	c->flen[c->n] = len;
	if (len)
		memcpy(c->buf + c->buf_len, s, len);
	c->buf_len += len;
	c->buf[c->buf_len++] = '\0';
	c->n++;
}

static void on_row(int term, void *data)
{
	(void)term;
	((bl_csv *)data)->ended = true;
}

static int parser_init(bl_csv *c)
{
	if (c->p_live)
		csv_free(&c->p);
	c->p_live = false;
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	c->p_live = true;
	/* libcsv trims spaces and tabs around an unquoted field, except the
	 * delimiter itself (a tab in a tab-separated file).  Its own test,
	 * not a space function: that would be a call for every byte of a
	 * file of hundreds of megabytes. */
	csv_set_delim(&c->p, (unsigned char)c->delim);
	return 0;
}

/* ---- opening ---- */

static const char *sanitize(const char *name, char *out, size_t sz)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 1 < sz; p++)
		out[o++] = (*p < 0x20 || *p == 0x7F) ? '?' : (char)*p;
	out[o] = '\0';
	return out;
}

/* The line and column (in bytes, 1-based) of offset off. */
static void where(const bl_csv *c, size_t off, long *line, long *col)
{
	long l = 1;
	size_t bol = c->start;
	/* A lone CR ends a line too, as bl_csv_next counts them (an
	 * old Mac file's NUL was said to be on line 1). */
	for (size_t i = c->start; i < off; i++)
		if (c->data[i] == '\n' ||
		    (c->data[i] == '\r' && (i + 1 >= c->len || c->data[i + 1] != '\n'))) {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (long)(off - bol) + 1;
}

/* The delimiter of the first line: the most frequent of ';', tab and ','
 * outside quotes (';' before tab before ',' on a tie: a Danish or
 * Norwegian export writes decimal commas, not comma-separated fields). */
static char detect_delimiter(const char *s, size_t n)
{
	size_t semi = 0, tab = 0, comma = 0;
	bool quoted = false;
	for (size_t i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			semi += s[i] == ';', tab += s[i] == '\t', comma += s[i] == ',';
	}
	if (semi == 0 && tab == 0 && comma == 0)
		return 0;
	if (semi >= tab && semi >= comma)
		return ';';
	return tab >= comma ? '\t' : ',';
}

/* Whether a file is UTF-8: valid throughout, or with at least one
 * letter written as UTF-8 (a multi-byte sequence) where other bytes are
 * not.  A Windows-1252 file practically never holds a valid multi-byte
 * sequence ("Ã¥" is what it would take), while a UTF-8 export with one
 * damaged byte must not be read as Windows-1252 as a whole: its good
 * rows would come in garbled, and the damaged row is reported by itself
 * as not UTF-8. */
static bool looks_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	bool multi = false, bad = false;
	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = bl_utf8_seq(p + i, n - i);
		if (k == 0) {
			bad = true;
			i++;
		} else {
			multi = true;
			i += k;
		}
	}
	return !bad || multi;
}

static int setup(bl_csv *c, const bl_csv_opts *opts, bl_err *err)
{
	const unsigned char *u = (const unsigned char *)c->data;
	c->cd = (iconv_t)-1;
	/* The old Excel format (.xls) is an OLE2 compound file. */
	if (c->len >= 8 && memcmp(u, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return bl_err_set(err, _("'%s' is an Excel workbook (.xls), not a CSV file; save"
					 " it as CSV (semicolon- or comma-separated) and import"
					 " that"), c->name);
	if (c->len >= 4 && memcmp(u, "PK\003\004", 4) == 0)
		return bl_err_set(err, _("'%s' is a spreadsheet workbook (.xlsx or .ods), not a"
					 " CSV file; save it as CSV (semicolon- or comma-separated)"
					 " and import that"), c->name);
	if (c->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return bl_err_set(err, _("'%s' is UTF-16 (Excel's \"Unicode text\"); save it as"
					 " \"CSV UTF-8\" and import that"), c->name);
	if (c->len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		c->bom = true;
		c->start = 3;
	}
	c->pos = c->start;
	c->line = 1;
	const char *nul = memchr(c->data + c->start, '\0', c->len - c->start);
	if (nul) {
		long l, col;
		where(c, (size_t)(nul - c->data), &l, &col);
		return bl_err_set(err, _("'%s' line %ld, byte %ld: a NUL byte; expected a text file"
					 " (CSV), not a binary one"), c->name, l, col);
	}
	size_t i = c->start;
	while (i < c->len && (c->data[i] == '\n' || c->data[i] == '\r' || c->data[i] == ' '))
		i++;
	if (i == c->len)
		return bl_err_set(err, _("'%s' is empty; expected a header line and rows"), c->name);
	c->enc = opts ? opts->encoding : BL_ENC_AUTO;
	if (c->bom)
		c->enc = BL_ENC_UTF8; /* the BOM says so */
	c->valid = bl_utf8_valid(c->data + c->start, c->len - c->start);
	if (!c->bom && c->enc == BL_ENC_AUTO)
		c->enc = c->valid || looks_utf8(c->data + c->start, c->len - c->start)
				 ? BL_ENC_UTF8
				 : BL_ENC_CP1252;
	if (c->enc != BL_ENC_UTF8) {
		c->cd = iconv_open("UTF-8", c->enc == BL_ENC_CP1252 ? "WINDOWS-1252" : "ISO-8859-1");
		if (c->cd == (iconv_t)-1)
			return bl_err_set(err, _("'%s': this system cannot convert %s to UTF-8 (%s)"),
					  c->name, bl_encoding_name(c->enc), strerror(errno));
	}
	c->delim = opts ? opts->delimiter : 0;
	if (!c->delim) {
		/* Detected on the raw first line that is not blank (i, found
		 * above: blank lines before the header are skipped when
		 * reading); the three candidates are ASCII in every encoding
		 * read here. */
		c->delim = detect_delimiter(c->data + i, c->len - i);
		if (!c->delim)
			return bl_err_set(err, _("'%s': the first line has no ';', ',' or tab, so the"
						 " delimiter cannot be told; expected a header line with"
						 " the column names (or give the delimiter)"), c->name);
	}
	if (parser_init(c) != 0)
		return bl_err_set(err, _("out of memory"));
	return 0;
}

int bl_csv_open_mem(const char *name, const char *data, size_t len,
		    const bl_csv_opts *opts, bl_csv **out, bl_err *err)
{
	*out = NULL;
	bl_csv *c = calloc(1, sizeof *c);
	if (!c || !(c->data = malloc(len + 1))) {
		free(c);
		return bl_err_set(err, _("out of memory"));
	}
	sanitize(name ? name : "(input)", c->name, sizeof c->name);
	memcpy(c->data, data, len);
	c->data[len] = '\0';
	c->len = len;
	if (setup(c, opts, err) != 0) {
		bl_csv_close(c);
		return -1;
	}
	*out = c;
	return 0;
}

int bl_csv_open(const char *path, const bl_csv_opts *opts, bl_csv **out,
		bl_err *err)
{
	char q[512];
	*out = NULL;
	sanitize(path, q, sizeof q);
	bl_read_result r;
	switch (bl_file_map(path, BL_CSV_MAX_BYTES, &r)) {
	case BL_READ_OK:
		break;
	case BL_READ_ERRNO:
		return bl_err_set(err, _("cannot read '%s': %s"), q, strerror(r.err));
	case BL_READ_TOO_BIG:
		if (r.size >= 0)
			return bl_err_set(err, _("'%s' is %jd bytes; expected a file of at most"
						 " 4 GiB"), q, r.size);
		return bl_err_set(err, _("'%s' is larger than 4 GiB; expected a smaller file"), q);
	default:
		return bl_err_set(err, _("out of memory reading '%s'"), q);
	}
	bl_csv *c = calloc(1, sizeof *c);
	if (!c) {
		bl_file_release(&r);
		return bl_err_set(err, _("out of memory"));
	}
	snprintf(c->name, sizeof c->name, "%s", q);
	c->src = r;
	c->data = r.data;
	c->len = r.len;
	if (setup(c, opts, err) != 0) {
		bl_csv_close(c);
		return -1;
	}
	*out = c;
	return 0;
}

void bl_csv_close(bl_csv *c)
{
	if (!c)
		return;
	if (c->p_live)
		csv_free(&c->p);
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	if (c->src.data)
		bl_file_release(&c->src);
	else
		free(c->data);
	free(c->conv);
	free(c->buf);
	free(c->off);
	free(c->flen);
	free(c->field);
	free(c);
}

bl_encoding bl_csv_encoding(const bl_csv *c)
{
	return c->enc;
}

char bl_csv_delimiter(const bl_csv *c)
{
	return c->delim;
}

bool bl_csv_bom(const bl_csv *c)
{
	return c->bom;
}

const char *bl_csv_name(const bl_csv *c)
{
	return c->name;
}

void bl_csv_rewind(bl_csv *c)
{
	c->pos = c->start;
	c->line = 1;
	parser_init(c);
}

/* ---- reading ---- */

/* The physical line at c->pos: up to and including "\n", "\r\n" or a
 * lone "\r" (old Mac files). */
static size_t line_end(const bl_csv *c)
{
	size_t i = c->pos;
	const char *nl = memchr(c->data + i, '\n', c->len - i);
	size_t end = nl ? (size_t)(nl - c->data) + 1 : c->len;
	const char *cr = memchr(c->data + i, '\r', end - i);
	if (cr && (size_t)(cr - c->data) + 1 < end && cr[1] != '\n')
		end = (size_t)(cr - c->data) + 1;
	return end;
}

/* The line [a, b) as UTF-8 in *out: the file's bytes, or converted.  A
 * problem is written into c->problem. */
static int to_utf8(bl_csv *c, size_t a, size_t b, const char **out, size_t *n)
{
	if (c->cd == (iconv_t)-1) {
		if (c->enc == BL_ENC_UTF8 && !c->valid && !bl_utf8_valid(c->data + a, b - a)) {
			size_t i = a;
			while (i < b) {
				size_t k = bl_utf8_seq((const unsigned char *)c->data + i, b - i);
				if (k == 0)
					break;
				i += k;
			}
			snprintf(c->problem, sizeof c->problem,
				 _("byte %zu (0x%02x) is not UTF-8; expected UTF-8 text (the file"
				   " looks like Windows-1252: import it with the encoding"
				   " windows-1252 or auto)"),
				 i - a + 1, (unsigned char)c->data[i]);
			return -1;
		}
		*out = c->data + a;
		*n = b - a;
		return 0;
	}
	/* At most three bytes of UTF-8 per byte of Windows-1252 (the euro
	 * sign), two per byte of Latin-1. */
	size_t need = (b - a) * 3 + 1;
	if (!grow((void **)&c->conv, &c->conv_cap, need, 1)) {
		c->oom = true;
		return -1;
	}
	char *in = c->data + a, *o = c->conv;
	size_t inleft = b - a, outleft = c->conv_cap;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	if (iconv(c->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		snprintf(c->problem, sizeof c->problem,
			 _("byte %zu (0x%02x) is not a character in %s; expected text in that"
			   " encoding"),
			 (size_t)(in - (c->data + a)) + 1, (unsigned char)*in,
			 bl_encoding_name(c->enc));
		return -1;
	}
	*out = c->conv;
	*n = (size_t)(o - c->conv);
	return 0;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static size_t count_quotes(const char *s, size_t n)
{
	size_t q = 0;
	for (const char *p = s, *e = s + n; (p = memchr(p, '"', (size_t)(e - p))) != NULL; p++)
		q++;
	return q;
}

static void row_reset(bl_csv *c)
{
	c->n = 0;
	c->buf_len = 0;
	c->ended = c->too_many = c->too_long = false;
	c->problem[0] = '\0';
}

static int finish(bl_csv *c, bl_csv_row *row, size_t raw_start, long first_line)
{
	row->line = first_line;
	row->raw = c->data + raw_start;
	row->raw_len = c->pos - raw_start;
	row->problem = NULL;
	if (!c->problem[0] && c->too_many)
		snprintf(c->problem, sizeof c->problem,
			 _("the row has more than %d fields; expected a row of the header's"
			   " columns"), BL_CSV_MAX_FIELDS);
	if (!c->problem[0] && c->too_long)
		snprintf(c->problem, sizeof c->problem,
			 _("a field is longer than %d bytes; expected a shorter field"),
			 BL_CSV_MAX_FIELD);
	if (c->problem[0]) {
		row->problem = c->problem;
		row->n = 0;
		row->field = NULL;
		row->len = NULL;
		return 1;
	}
	if (!grow((void **)&c->field, &c->field_cap, c->n + 1, sizeof *c->field))
		return -1;
	for (size_t i = 0; i < c->n; i++)
		c->field[i] = c->buf + c->off[i];
	row->n = c->n;
	row->field = c->field;
	row->len = c->flen;
	return 1;
}

int bl_csv_next(bl_csv *c, bl_csv_row *row, bl_err *err)
{
	memset(row, 0, sizeof *row);
	row_reset(c);
	size_t raw_start = c->pos, quotes = 0;
	long first_line = c->line;
	bool failed = false; /* this row has a problem: skip to its end */
	while (c->pos < c->len) {
		size_t a = c->pos, b = line_end(c);
		c->pos = b;
		c->line++;
		const char *s;
		size_t n;
		if (failed)
			goto skipped;
		if (to_utf8(c, a, b, &s, &n) != 0) {
			if (c->oom)
				return bl_err_set(err, _("out of memory reading '%s'"), c->name);
			failed = true;
			goto skipped;
		}
		quotes += count_quotes(s, n);
		if (csv_parse(&c->p, s, n, on_field, on_row, c) != n) {
			if (csv_error(&c->p) == CSV_ENOMEM)
				return bl_err_set(err, _("out of memory reading '%s'"), c->name);
			snprintf(c->problem, sizeof c->problem,
				 _("a quote inside field %zu that is not at its start; expected"
				   " the whole field in quotes, with a quote inside written"
				   " twice (\"\")"), c->n + 1);
			/* The row ends with this line.  libcsv stopped at a
			 * stray quote (or text after a closing one), where no
			 * quoted field is open, so the quotes of the line say
			 * nothing about the next one: counting them (twice, as
			 * the skipping below did) swallowed the next row, or the
			 * rest of the file. */
			parser_init(c);
			c->n = 0;
			return finish(c, row, raw_start, first_line);
		}
		if (c->oom)
			return bl_err_set(err, _("out of memory reading '%s'"), c->name);
		if (c->ended)
			return finish(c, row, raw_start, first_line);
		if (quotes % 2 == 0 && c->n == 0 && blank(s, n)) {
			/* A blank line, skipped (libcsv ignores it too).  Not
			 * the file's last line without a line end: libcsv has
			 * its fields but gives them only at csv_fini. */
			raw_start = c->pos;
			first_line = c->line;
			quotes = 0;
		}
		continue;
	skipped:
		/* Skip to the end of the row: this line if no quote is open
		 * after it.  the line's quotes are counted before that is
		 * decided (it was after), so that a line that cannot be
		 * converted, inside or at the start of a multi-line field, is
		 * skipped with the whole row and the next row is read.  (The
		 * quotes are ASCII in every encoding read here.) */
		quotes += count_quotes(c->data + a, b - a);
		if (quotes % 2 == 0 || c->pos >= c->len) {
			parser_init(c);
			c->n = 0;
			return finish(c, row, raw_start, first_line);
		}
	}
	/* The end of the file: a last row without a line end. */
	if (csv_fini(&c->p, on_field, on_row, c) != 0) {
		snprintf(c->problem, sizeof c->problem,
			 _("the file ends inside a quoted field; expected its closing quote"
			   " (is the file cut off?)"));
		parser_init(c);
		return finish(c, row, raw_start, first_line);
	}
	parser_init(c);
	if (c->oom)
		return bl_err_set(err, _("out of memory reading '%s'"), c->name);
	if (c->ended && (c->n > 0 || c->problem[0]))
		return finish(c, row, raw_start, first_line);
	return 0;
}

void bl_csv_printable(bl_csv *c, const char *raw, size_t len, char *out, size_t outsz)
{
	while (len && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
		len--;
	if (c->cd == (iconv_t)-1 || !outsz) {
		bl_text_printable(raw, len, out, outsz);
		return;
	}
	/* Converted a piece at a time; a byte iconv refuses (0x81 in
	 * Windows-1252) becomes U+FFFD and the rest goes on. */
	char utf[4096];
	size_t u = 0;
	char *in = (char *)raw;
	size_t inleft = len;
	iconv(c->cd, NULL, NULL, NULL, NULL);
	while (inleft && u + 8 < sizeof utf) {
		char *o = utf + u;
		size_t outleft = sizeof utf - u - 4;
		size_t r = iconv(c->cd, &in, &inleft, &o, &outleft);
		u = (size_t)(o - utf);
		if (r != (size_t)-1 || errno == E2BIG)
			break;
		memcpy(utf + u, "\xEF\xBF\xBD", 3);
		u += 3;
		in++;
		inleft--;
	}
	bl_text_printable(utf, u, out, outsz);
}

void bl_csv_write_field(FILE *f, const char *s, char delimiter)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == delimiter || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		fwrite(s, 1, n, f);
		return;
	}
	fputc('"', f);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			fputc('"', f);
		fputc(s[i], f);
	}
	fputc('"', f);
}
