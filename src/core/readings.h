/* readings.h: the stretch between the council's first and second reading,
 * in the model: the `readings:` section of a phase file (deadlines, the
 * hearing window, organisation types, the phase that freezes the
 * first-reading version) and hearing responses (høringssvar), with the
 * hearing summary (høringsnotat) written from them.
 *
 * Pure: no SQLite, no ncurses.  The store keeps responses
 * (store/hearing_store.h) in the struct defined here. */
#ifndef BL_CORE_READINGS_H
#define BL_CORE_READINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/date.h"
#include "core/error.h"
#include "core/money.h"

/* ---- the phase file's `readings:` section (config/readings_yaml.c) ---- */

typedef struct bl_org_type {
	char *key;  /* [a-z][a-z0-9_]*, e.g. "citizen", "association" */
	char *name; /* shown, in the process language */
} bl_org_type;

typedef struct bl_readings_def {
	/* Entering this phase freezes the first-reading version (a copy of
	 * the proposal, unless first_reading already has amounts, which are
	 * then frozen as they are).  NULL: no phase freezes it.  Default when
	 * the section is absent or silent: the phase with id "first_reading",
	 * if there is one. */
	char *freeze_at;
	/* The hearing window: a response received before `opens` is refused,
	 * one received after `closes` is recorded as late.  Default: the
	 * window (from, to) of the phase named by `hearing_phase` (default id
	 * "hearing"), if it has one. */
	bool has_hearing;
	bl_date hearing_opens, hearing_closes;
	/* Amendments tabled after this date are recorded as late. */
	bool has_amendment_deadline;
	bl_date amendment_deadline;
	/* Organisation types of senders; defaults when absent (citizen,
	 * association, council, business, institution, party, staff,
	 * other), named in the process language. */
	bl_org_type *org_types;
	size_t n_org_types;
	/* The process language (bl_readings_defaults sets it): the hearing
	 * summary is a document for the council, written in it. */
	bl_lang lang;
} bl_readings_def;

void bl_readings_def_free(bl_readings_def *r);
/* The defaults above, given the phases (ids and windows) already read;
 * fills what the section left unset.  Returns -1 only when out of memory. */
struct bl_process_def;
int bl_readings_defaults(struct bl_process_def *def, bl_err *err);
/* The org type with this key (case-insensitive), or NULL. */
const bl_org_type *bl_readings_org_type(const bl_readings_def *r, const char *key);

/* A response received on `d`: -1 with a message ("received 2027-09-01,
 * before the hearing opened on 2027-09-10") if before the window opens;
 * otherwise 0, with *late set when after it closes. */
int bl_readings_response_date(const bl_readings_def *r, bl_date d, bool *late,
			      bl_err *err);
/* An amendment tabled on `d`: late when after the deadline. */
bool bl_readings_amendment_late(const bl_readings_def *r, bl_date d);

/* ---- hearing responses ---- */

typedef enum bl_position {
	BL_POS_FOR,     /* supports the proposal */
	BL_POS_AGAINST, /* opposes it */
	BL_POS_CHANGE,  /* proposes a change */
	BL_POS_NEUTRAL, /* comments without taking a side */
	BL_POS_COUNT
} bl_position;
const char *bl_position_key(bl_position p);   /* "for", "against", "change", "neutral" */
const char *bl_position_name(bl_position p);  /* translated, for screens */
int bl_position_from_key(const char *key, bl_position *out); /* -1 if unknown */

typedef struct bl_response {
	int64_t number;      /* from 1 in the order registered; 0 on add: next */
	char *sender;        /* personal data: never on the projector, never
			      * quoted in the summary without consent */
	char *org_type;      /* key of a bl_org_type */
	bl_date received;
	bool consent;        /* consent to publish (quote and name) */
	char *text;          /* the response, or a summary of it; may be NULL */
	char *file_ref;      /* a reference to the file (path, archive id); may be NULL */
	bl_position position;
	char *comment;       /* the administration's comment; NULL or "" = none yet */
	bool late;           /* received after the hearing closed */
	char **lines;        /* codes of the budget lines it concerns */
	size_t n_lines;
	char **areas;        /* area paths ("BSU/SKOLE") it concerns */
	size_t n_areas;
} bl_response;
void bl_response_clear(bl_response *r);
void bl_responses_free(bl_response *v, size_t n);

/* ---- the hearing summary (høringsnotat), core/hearing_note.c ---- */

typedef struct bl_hn_area {
	const char *path;  /* "BSU/SKOLE" */
	const char *name;
} bl_hn_area;
typedef struct bl_hn_line {
	const char *code;
	const char *title;
	const char *area;  /* path, or NULL/"" */
} bl_hn_line;

/* Markdown: a title, the counts (responses, late, without consent, by
 * organisation type and by position); then per area (in the order given)
 * and within it per line: how many responses concern it, their
 * positions, and each response with its number, organisation type,
 * position and the administration's comment; the sender and the text
 * are quoted only when the sender consented, otherwise "(not published:
 * no consent)".  Responses that name no area or line come last under
 * "General responses".  A response that names a line counts under that
 * line and under the line's area once.  '|' and control characters are
 * escaped.  -1 if writing failed. */
/* "Hearing summary" in the process language (r NULL: English). */
const char *bl_hearing_note_heading(const bl_readings_def *r);
int bl_hearing_note_write(FILE *f, const char *title,
			  const bl_readings_def *r,
			  const bl_response *resp, size_t n_resp,
			  const bl_hn_area *areas, size_t n_areas,
			  const bl_hn_line *lines, size_t n_lines,
			  bl_err *err);

#endif
