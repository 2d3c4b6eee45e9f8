/* hearing_store.h: the register of hearing responses (schema 4).
 *
 * A response (core/readings.h bl_response) names the budget lines (by
 * code) and areas (by path or unique code, as bl_store_area_find) it
 * concerns.  The sender is personal data: it is kept in the register
 * and read by the register's own screen and commands, never by the
 * projector, and the journal names a response by its number only
 * ("response 4 registered: association, against, 2 lines").  Every write
 * is one transaction and is journalled (entity "response", key
 * "response:N").  The late flag and the date check against the hearing
 * window are the caller's (bl_readings_response_date), since the window
 * is in the process file. */
#ifndef BL_STORE_HEARING_STORE_H
#define BL_STORE_HEARING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/readings.h"
#include "store/store.h"

/* Register a response; r->number 0 takes the next.  Refused: a blank
 * sender, an org type that is blank, a line or area that does not exist
 * (naming it), a line or area named twice, a number in use. */
int bl_store_response_add(bl_store *s, const bl_response *r,
			  int64_t *number_out, bl_err *err);
/* Replace every field of response r->number (lines and areas too). */
int bl_store_response_update(bl_store *s, const bl_response *r, bl_err *err);
/* Set (or, with NULL or "", remove) the administration's comment. */
int bl_store_response_comment(bl_store *s, int64_t number, const char *comment,
			      bl_err *err);
/* Remove a response registered by mistake (journalled). */
int bl_store_response_delete(bl_store *s, int64_t number, bl_err *err);
int bl_store_response_get(bl_store *s, int64_t number, bl_response *out,
			  bl_err *err);
/* All, in number order, with their lines and areas. */
int bl_store_responses(bl_store *s, bl_response **out, size_t *n, bl_err *err);
/* Responses without an administration comment: numbers in order and the
 * count of all. */
int bl_store_responses_uncommented(bl_store *s, int64_t **numbers, size_t *n,
				   int64_t *n_total, bl_err *err);

#endif
