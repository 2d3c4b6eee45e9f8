/* process.h: the definition of a budget process, as loaded from YAML.
 *
 * A process has metadata (municipality, title, language, years) and an
 * ordered list of phases.  Each phase has guidance for the facilitator, an
 * optional date window, a checklist, gates (checks that must pass before
 * the process moves on) and locks (what may not change during the phase).
 * All strings are owned by the definition and freed by bl_process_def_free. */
#ifndef BL_CORE_PROCESS_H
#define BL_CORE_PROCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/gates.h"
#include "core/lab.h"
#include "core/money.h"
#include "core/readings.h"

/* Budget year + outline years: at most this many years in a process. */
#define BL_MAX_YEARS 10

/* A budget line is operation or capital (drift/anlæg), income or expense. */
typedef enum bl_kind { BL_KIND_OPERATION, BL_KIND_CAPITAL } bl_kind;
typedef enum bl_direction { BL_DIR_EXPENSE, BL_DIR_INCOME } bl_direction;

/* What a phase can lock.  A bit mask. */
enum {
	BL_LOCK_AMOUNTS = 1u << 0, /* no amount may change ("goals before economy") */
	BL_LOCK_LINES = 1u << 1,   /* no line may be added, edited or deleted */
	BL_LOCK_AREAS = 1u << 2,   /* the area hierarchy may not change */
	BL_LOCK_GOALS = 1u << 3,   /* no goal may be added, edited or linked */
};
#define BL_LOCK_COUNT 4
/* Name of lock bit i (0..BL_LOCK_COUNT-1): "amounts", "lines", ... */
const char *bl_lock_name(unsigned bit_index);
/* One-sentence explanation shown when the lock refuses a change. */
const char *bl_lock_help(unsigned bit_index);
/* Name -> bit (not index); 0 if unknown. */
unsigned bl_lock_from_name(const char *name);

typedef struct bl_phase {
	char *id;        /* [a-z][a-z0-9_]* unique in the process */
	char *title;
	char *guidance;  /* may be NULL */
	bool has_window;
	bl_date from, to;
	char **checklist;
	size_t n_checklist;
	bl_gate_ref *gates;
	size_t n_gates;
	unsigned locks;  /* BL_LOCK_* mask */
} bl_phase;

typedef struct bl_process_def {
	char *municipality;
	char *title;
	char *currency;   /* "DKK", "NOK" */
	bl_lang lang;
	int budget_year;
	int outline_years; /* years after the budget year; default 3 */
	bl_phase *phases;
	size_t n_phases;
	bl_lab_def lab;    /* the `labs:` section; empty if the file has none */
	bl_readings_def readings; /* the `readings:` section, with its defaults */
} bl_process_def;

void bl_process_def_free(bl_process_def *def);
/* Index of the phase with this id, or -1. */
int bl_process_phase_index(const bl_process_def *def, const char *id);
/* Number of years (budget year + outline years). */
int bl_process_n_years(const bl_process_def *def);

#endif
