/* csv_read.h: reading a spreadsheet export, row by row.
 *
 * Finance systems export CSV in whatever their spreadsheet writes: UTF-8
 * with or without a BOM, or Windows-1252 / Latin-1; ';' (a Danish or
 * Norwegian Excel), ',' or tab between fields; fields quoted per RFC 4180,
 * with quotes doubled and line breaks inside quotes.  This reader takes
 * them as they are:
 *  - the encoding is detected (a file that is valid UTF-8, or holds
 *    letters written as UTF-8, is UTF-8; else it is Windows-1252) or
 *    given, and converted to UTF-8 with iconv;
 *  - the delimiter is detected from the first line (the most frequent of
 *    ';', tab and ',' outside quotes) or given;
 *  - the fields are split by libcsv, in strict mode: a stray quote is an
 *    error of that row, which is reported and skipped, and reading goes
 *    on with the next line.
 * Each row keeps its original bytes, in the file's own encoding, so that a
 * rejected row can be written to a reject file unchanged. */
#ifndef BL_CORE_CSV_READ_H
#define BL_CORE_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/error.h"

typedef enum bl_encoding {
	BL_ENC_AUTO,   /* UTF-8 if the file is (mostly) UTF-8, else Windows-1252 */
	BL_ENC_UTF8,
	BL_ENC_CP1252, /* Windows-1252 */
	BL_ENC_LATIN1, /* ISO-8859-1 */
} bl_encoding;

/* "auto", "utf-8" (also "utf8"), "windows-1252" (also "cp1252"),
 * "latin-1" (also "latin1", "iso-8859-1"), case-insensitively; -1 if
 * unknown. */
int bl_encoding_from_name(const char *name, bl_encoding *out);
const char *bl_encoding_name(bl_encoding e);

/* The fields of a file at most this large (bigger files are refused). */
#define BL_CSV_MAX_BYTES ((size_t)4 << 30)
/* At most this many fields in a row, and bytes in a field. */
#define BL_CSV_MAX_FIELDS 1024
#define BL_CSV_MAX_FIELD 65536

typedef struct bl_csv bl_csv;

typedef struct bl_csv_opts {
	bl_encoding encoding;
	char delimiter; /* ';', ',', '\t', or 0 to detect */
} bl_csv_opts;

/* Open a file (read whole into memory).  Refused with a message naming
 * the file: unreadable, a directory, empty, UTF-16 (save as UTF-8), a
 * NUL byte, no delimiter to be found in the first line, too large.  A row
 * that is not valid UTF-8 in a UTF-8 file is a problem of that row (the
 * byte named), not of the file. */
int bl_csv_open(const char *path, const bl_csv_opts *opts, bl_csv **out,
		bl_err *err);
/* The same for bytes in memory (copied); name is shown in messages. */
int bl_csv_open_mem(const char *name, const char *data, size_t len,
		    const bl_csv_opts *opts, bl_csv **out, bl_err *err);
void bl_csv_close(bl_csv *c);

/* What was found or given. */
bl_encoding bl_csv_encoding(const bl_csv *c);
char bl_csv_delimiter(const bl_csv *c);
bool bl_csv_bom(const bl_csv *c);
/* The file's name as it appears in messages. */
const char *bl_csv_name(const bl_csv *c);

typedef struct bl_csv_row {
	long line;           /* the physical line the row starts on (1-based) */
	size_t n;            /* fields */
	char **field;        /* UTF-8, NUL-terminated; valid until the next call */
	size_t *len;         /* bytes of each field */
	const char *raw;     /* the row's bytes as in the file, incl. its line end */
	size_t raw_len;
	/* Set when the row could not be split (a stray quote, a field or a
	 * row too long, a NUL byte, a byte that is not a character in the
	 * encoding): a sentence saying what; n is 0 then. */
	const char *problem;
} bl_csv_row;

/* The next row: 1 and *row filled, 0 at the end of the file, -1 on an
 * error that ends the reading (out of memory).  Blank lines are skipped. */
int bl_csv_next(bl_csv *c, bl_csv_row *row, bl_err *err);
/* Start again from the first row (for a second pass). */
void bl_csv_rewind(bl_csv *c);

/* A row's bytes as they are in the file (a rejected row's raw), for a
 * screen or a message: converted from the file's encoding, a byte that
 * is no character there as U+FFFD, control characters and the line end
 * as blanks (bl_text_printable); at most outsz - 1 bytes. */
void bl_csv_printable(bl_csv *c, const char *raw, size_t len, char *out, size_t outsz);

/* Write one field as RFC 4180 wants it (quoted if it holds the delimiter,
 * a quote, CR or LF, or begins or ends with a space). */
void bl_csv_write_field(FILE *f, const char *s, char delimiter);

#endif
