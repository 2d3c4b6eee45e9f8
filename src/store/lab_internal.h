/* lab_internal.h: what the lab files of src/store share (lab_store.c,
 * lab_idea.c, lab_ballot.c, lab_pb.c, lab_enter.c), and nothing else
 * includes. */
#ifndef BL_STORE_LAB_INTERNAL_H
#define BL_STORE_LAB_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/lab_store.h"
#include "store/store_internal.h"

/* Prepare sql (a statement run a few times, finalized by the caller). */
int lab_prep(bl_store *s, const char *sql, sqlite3_stmt **st, bl_err *err);
/* Bind text, NULL for NULL; bind an id, NULL for 0. */
void lab_btext(sqlite3_stmt *st, int i, const char *t);
void lab_bid(sqlite3_stmt *st, int i, int64_t v);
/* Step a statement that returns at most one integer: 1 with *v set, 0
 * with no row, -1 on error. */
int lab_one_int(bl_store *s, sqlite3_stmt *st, int64_t *v, bl_err *err);
/* Step a statement whose rows do not matter. */
int lab_run(bl_store *s, sqlite3_stmt *st, bl_err *err);
/* A column as a malloc'd string; *oom set when out of memory. */
char *lab_dup_col(sqlite3_stmt *st, int col, bool *oom);
/* A free-text field: valid UTF-8, no control characters (newlines where
 * newline), at most max bytes, not blank if required. */
int lab_text_ok(const char *field, const char *v, bool required, size_t max, bool newline,
		bl_err *err);
int lab_area_id(bl_store *s, const char *ref, int64_t *id, bl_err *err);
/* An explicit journal entry keyed "lab:LAB". */
int lab_journal(bl_store *s, const char *entity, int64_t lab, const char *action,
		const char *before, const char *after, bl_err *err);
/* 0 if it exists, else -1 with a message that says how to list them. */
int lab_exists(bl_store *s, int64_t lab, bl_err *err);
/* 0 if the lab exists and is not closed; else what is refused ("no one
 * signs in") in the message. */
int lab_open_for(bl_store *s, int64_t lab, const char *what, bl_err *err);
int lab_session_in_lab(bl_store *s, int64_t lab, int64_t session, bl_err *err);
/* The row id of a participant / an idea by its number in the lab. */
int lab_participant_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err);
int lab_idea_id(bl_store *s, int64_t lab, int64_t number, int64_t *id, bl_err *err);

#endif
