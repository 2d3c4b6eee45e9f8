/* file.h: reading a whole file into memory, with a size limit.
 *
 * The phase files, the import profiles and the CSV exports are all read
 * whole (each format needs every byte before it can say where a problem
 * is).  The reading is the same; what a problem is called is each
 * format's own, so this returns what went wrong and the caller words it. */
#ifndef BL_CORE_FILE_H
#define BL_CORE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum bl_read_status {
	BL_READ_OK,
	BL_READ_ERRNO,   /* open, fstat or read failed (a directory: EISDIR) */
	BL_READ_TOO_BIG, /* larger than max */
	BL_READ_NOMEM,
} bl_read_status;

typedef struct bl_read_result {
	/* malloc'd and NUL-terminated by bl_file_read; mapped read-only by
	 * bl_file_map (no NUL after it): free with bl_file_release. */
	char *data;
	bool mapped;
	size_t len;
	int err;      /* errno, for BL_READ_ERRNO */
	/* For BL_READ_TOO_BIG: the file's size when it was known in advance
	 * (a regular file), or -1 (a pipe, read past max). */
	intmax_t size;
} bl_read_result;

/* Read path whole, at most max bytes.  A pipe is read until its end or
 * one byte past max. */
bl_read_status bl_file_read(const char *path, size_t max, bl_read_result *out);
/* The same, but a regular file is mapped into memory (mmap, read-only)
 * instead of copied: a 240 MB export is then read from the page cache
 * as it is, without 240 MB of fresh memory to clear and fill.  Other
 * files (a pipe, an empty file) are read as bl_file_read does.  The
 * data is not NUL-terminated. */
bl_read_status bl_file_map(const char *path, size_t max, bl_read_result *out);
void bl_file_release(bl_read_result *r);

#endif
