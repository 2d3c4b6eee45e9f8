/* import_store.h: writing an import (core/import.h) into a process.
 *
 * One bulk load (store.h): the version is replaced, so importing the same
 * file twice leaves the budget as after the first time, and the journal
 * gets one entry that says what was read, created, replaced and rejected. */
#ifndef BL_STORE_IMPORT_STORE_H
#define BL_STORE_IMPORT_STORE_H

#include <stdbool.h>

#include "core/import.h"
#include "store/store.h"

typedef struct bl_import_result {
	bl_bulk_counts counts;
	bool written;       /* false: refused, or a dry run */
} bl_import_result;

/* How bl_store_import writes (a mask). */
enum {
	/* Import the sound rows even if some are rejected (else any reject
	 * makes the call change nothing). */
	BL_IMPORT_LENIENT = 1,
	/* Do everything, then undo it: the counts say what would happen. */
	BL_IMPORT_DRY_RUN = 2,
	/* Add to the version instead of replacing it: the file's lines are
	 * created, or updated with the file's amounts added to theirs; the
	 * version's other lines are left as they are.  For a reject file,
	 * fixed and imported again (whose rows belong to lines that came in
	 * without them). */
	BL_IMPORT_ADD = 4,
};

/* Writes imp into version (NULL: the profile's).  Areas the file names
 * are found, or created if the profile allows it; with new_areas false
 * the rows of an area that is not in the process are rejected.  If any
 * row is rejected and BL_IMPORT_LENIENT is not given, nothing is written
 * and the call returns 1 (the rejects are in imp).  Returns 0 when
 * written (or dry-run), 1 when refused for rejects, -1 on an error
 * (err: a lock, an overflowing total, the file). */
int bl_store_import(bl_store *s, bl_import *imp, const char *version,
		    const char *source, unsigned flags, bl_import_result *res,
		    bl_err *err);

#endif
