/* amend_store.h: versions, amendments and decisions in the database
 * (schema 4, schema.c).
 *
 * Versions.  The proposal is typed and imported.  Entering the phase the
 * process file names in `readings: freeze_at` freezes the first-reading
 * version: a copy of the proposal (or, if first_reading already has
 * amounts, those as they are).  From then on neither first_reading nor
 * adopted is ever edited in place: a trigger refuses every insert,
 * update or delete of their amounts, and the store's own functions say
 * why first ("the first-reading version was frozen on 2027-09-06 when the
 * process entered '1. behandling'; change it by tabling an amendment").
 * The adopted version is derived: first_reading plus the adopted
 * amendments (core/amend.h), written by the store after every decision,
 * in the same transaction, so that it is always the computed result and
 * every screen and export can read it like any version.
 *
 * Amendments (ændringsforslag) are tabled against the first-reading
 * version, by a party, with a number, a title, a justification and a
 * tabling date; one tabled after the deadline is recorded as late, not
 * refused.  A sub-amendment names its parent.  Until it is decided an
 * amendment can be corrected (bl_store_amendment_update) or withdrawn;
 * once decided it is never changed (a trigger), and deciding it twice is
 * refused with the first decision in the message.
 *
 * Every write is one transaction and is journalled (entity "amendment",
 * key "amendment:N"; entity "version" for freezes and derivations;
 * entity "deficit" for an accepted deficit). */
#ifndef BL_STORE_AMEND_STORE_H
#define BL_STORE_AMEND_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/amend.h"
#include "core/error.h"
#include "core/money.h"
#include "core/process.h"
#include "core/vdiff.h"
#include "store/store.h"

/* ---- versions ---- */

typedef struct bl_version_state {
	char *key;          /* "proposal", "first_reading", "adopted" */
	char *title;
	bool frozen;        /* edits refused: frozen or derived */
	bool derived;       /* computed from another version (adopted) */
	char *frozen_at;    /* ISO date-time, NULL if not frozen */
	char *frozen_phase; /* the phase entered when it was frozen, or NULL */
	int64_t n_amounts;
} bl_version_state;
void bl_version_states_free(bl_version_state *v, size_t n);
/* Every version in order. */
int bl_store_versions(bl_store *s, bl_version_state **out, size_t *n, bl_err *err);

/* Freeze first_reading (see above), journalled with the phase's id.
 * Called by the caller of bl_store_phase_advance inside one
 * bl_store_begin/bl_store_commit, when the phase entered is def's
 * readings.freeze_at.  Also makes the adopted version derived (and
 * writes it: first_reading plus no amendments yet).  Refused if already
 * frozen, or if neither proposal nor first_reading has an amount ("the
 * proposal has no amounts to freeze"). */
int bl_store_version_freeze(bl_store *s, const char *phase_id, bl_err *err);
/* bl_store_phase_advance and, when the phase entered is freeze_at (the
 * process file's readings.freeze_at; NULL: none), bl_store_version_freeze,
 * in one transaction: if the freeze is refused, the process does not
 * move either.  What `advance` and the process screen call. */
int bl_store_phase_advance_freeze(bl_store *s, int to_index,
				  const char *override_reason,
				  const char *failed_gates,
				  const char *freeze_at, bl_err *err);
/* The version the budget is now, for the screens, `status` and the
 * projector when no version is asked for: "proposal" until the first
 * reading, then "adopted" (the first reading plus the adopted
 * amendments, which is the first reading itself until one is adopted).
 * *key is a static string. */
int bl_store_working_version(bl_store *s, const char **key, bl_err *err);
/* Whether first_reading is frozen (so amendments can be tabled). */
int bl_store_first_reading_frozen(bl_store *s, bool *frozen, bl_err *err);

/* A version as core/amend.h and core/vdiff.h read it.  Lines without an
 * amount in the version are left out (a version "has" a line when it has
 * an amount for it).  *out's strings are owned by the store's arrays:
 * free with the matching free functions. */
int bl_store_amend_base(bl_store *s, const char *version, bl_amend_budget *out,
			bl_err *err);
void bl_store_amend_base_free(bl_amend_budget *b);
int bl_store_vdiff_src(bl_store *s, const char *version, bl_vdiff_src **out,
		       size_t *n, bl_err *err);
void bl_store_vdiff_src_free(bl_vdiff_src *v, size_t n);

/* The adopted version as it would be computed now (first_reading plus
 * the adopted amendments, sub-amendments whose parent is not adopted
 * left out), with the sources of every change (core/amend.h).  Needs
 * first_reading frozen. */
int bl_store_adopted_compute(bl_store *s, bl_amend_budget *out,
			     bl_amend_source **sources, bl_err *err);

/* ---- amendments ---- */

typedef enum bl_decision {
	BL_UNDECIDED,
	BL_ADOPTED,
	BL_REJECTED,
	BL_WITHDRAWN,  /* by those who tabled it; counts as decided */
} bl_decision;
const char *bl_decision_key(bl_decision d);  /* "undecided", "adopted", ... */
int bl_decision_from_key(const char *key, bl_decision *out);

/* One change of an amendment, as stored.  For BL_CHANGE_NEW_LINE also
 * the new line's title, area (a path or a code unique in the hierarchy,
 * as bl_store_area_find takes) and kind; amounts[]/has[] are indexed
 * year - budget year. */
typedef struct bl_amend_change {
	bl_change ch;        /* ch.code points into `code` */
	char *code;
	char *title;         /* NEW_LINE */
	char *area;          /* NEW_LINE */
	bl_kind line_kind;   /* NEW_LINE */
} bl_amend_change;

typedef struct bl_amend_rec {
	int64_t number;      /* unique, from 1; 0 on add: the next */
	char *title, *party, *justification; /* justification may be NULL */
	int64_t parent;      /* a sub-amendment: its parent's number; else 0 */
	bl_date tabled;
	bool late;           /* tabled after the deadline (the caller decides,
			      * from bl_readings_amendment_late) */
	bl_decision decision;
	char *decided_at;    /* ISO date-time, NULL while undecided */
	char *decided_by;    /* the actor */
	char *decision_note; /* e.g. "15 for, 12 against"; may be NULL */
	bool lapsed;         /* an adopted sub-amendment whose parent was not
			      * adopted: it fell with its parent */
	bl_amend_change *changes;
	size_t n_changes;
} bl_amend_rec;
void bl_amend_rec_clear(bl_amend_rec *a);
void bl_amend_recs_free(bl_amend_rec *v, size_t n);

/* The model's view (core/amend.h) of n records, for bl_amend_apply,
 * bl_amend_effect and bl_amend_conflicts: one bl_amendment per record,
 * borrowing its strings, with its changes' codes set; *chs holds the
 * change arrays.  NULL (and *chs NULL) when out of memory.  Free with
 * bl_amend_models_free before the records. */
bl_amendment *bl_amend_models(const bl_amend_rec *recs, size_t n, bl_change ***chs);
void bl_amend_models_free(bl_amendment *m, bl_change **chs, size_t n);

/* Table an amendment.  Checked against the first-reading version (which
 * must be frozen): every line a SET, ADD_DELTA or REMOVE_LINE names
 * exists in it, or (in a sub-amendment) is added by the parent; a
 * NEW_LINE's code is not a line of the budget and its area exists; years
 * are inside the process; the amendment's effect does not overflow
 * (bl_amend_effect); a parent exists, is not itself a sub-amendment and
 * is undecided; the number is free; title and party are not blank; there
 * is at least one change.  Messages name the amendment, the change
 * (1-based), the line and the year.  Nothing is written on a refusal. */
int bl_store_amendment_add(bl_store *s, const bl_amend_rec *a,
			   int64_t *number_out, bl_err *err);
/* Replace an undecided amendment's title, party, justification, tabled
 * date, late flag and changes (a->number), checked as on add. */
int bl_store_amendment_update(bl_store *s, const bl_amend_rec *a, bl_err *err);
int bl_store_amendment_get(bl_store *s, int64_t number, bl_amend_rec *out,
			   bl_err *err);
/* All, in number order, with their changes. */
int bl_store_amendments(bl_store *s, bl_amend_rec **out, size_t *n, bl_err *err);

/* Decide an amendment: BL_ADOPTED, BL_REJECTED or BL_WITHDRAWN, with an
 * optional note.  Then derives the adopted version anew, in the same
 * transaction; if the adopted amendments cannot be applied together
 * (e.g. one changes a line another removed) the decision is refused with
 * bl_amend_apply's message and nothing changes.  Refused: an amendment
 * that does not exist, one already decided ("amendment 3 was already
 * adopted on 2027-10-04 by tester"), BL_UNDECIDED, while the current
 * phase locks amounts. */
int bl_store_amendment_decide(bl_store *s, int64_t number, bl_decision d,
			      const char *note, bl_err *err);

/* Undecided amendments: their numbers in order (*numbers malloc'd, may be
 * NULL when *n is 0) and the count of all amendments. */
int bl_store_amendments_undecided(bl_store *s, int64_t **numbers, size_t *n,
				  int64_t *n_total, bl_err *err);

/* ---- an accepted deficit ---- */

/* Accept the adopted version's deficits as they are now, with a reason
 * (not blank), journalled.  accepted[i] for year budget_year + i is the
 * deficit accepted (expense - income, > 0), 0 where the year balances.
 * Refused when every year balances ("nothing to accept"). */
int bl_store_deficit_accept(bl_store *s, const char *version,
			    const char *reason, bl_err *err);
/* The latest acceptance for the version: *has false if none; else
 * accepted[i] (n_years entries) and the reason (malloc'd, may be NULL
 * if reason is NULL). */
int bl_store_deficit_accepted(bl_store *s, const char *version, bool *has,
			      bl_money *accepted, char **reason, bl_err *err);

#endif
