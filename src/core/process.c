#include "config.h"
#include "core/process.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* The lock vocabulary.  Bit i of a lock mask is lock_table[i]. */
static const struct {
	const char *name;
	const char *help;
} lock_table[BL_LOCK_COUNT] = {
	{ "amounts", N_("amounts may not change in this phase") },
	{ "lines", N_("budget lines may not be added, edited or deleted in this phase") },
	{ "areas", N_("the area hierarchy may not change in this phase") },
	{ "goals", N_("goals may not be added, edited or linked in this phase") },
};

const char *bl_lock_name(unsigned bit_index)
{
	return bit_index < BL_LOCK_COUNT ? lock_table[bit_index].name : NULL;
}

const char *bl_lock_help(unsigned bit_index)
{
	return bit_index < BL_LOCK_COUNT ? _(lock_table[bit_index].help) : NULL;
}

unsigned bl_lock_from_name(const char *name)
{
	for (unsigned i = 0; i < BL_LOCK_COUNT; i++)
		if (name && strcmp(name, lock_table[i].name) == 0)
			return 1u << i;
	return 0;
}

void bl_process_def_free(bl_process_def *def)
{
	if (!def)
		return;
	for (size_t i = 0; i < def->n_phases; i++) {
		bl_phase *p = &def->phases[i];
		free(p->id);
		free(p->title);
		free(p->guidance);
		for (size_t j = 0; j < p->n_checklist; j++)
			free(p->checklist[j]);
		free(p->checklist);
		for (size_t j = 0; j < p->n_gates; j++)
			bl_gate_ref_clear(&p->gates[j]);
		free(p->gates);
	}
	free(def->phases);
	free(def->municipality);
	free(def->title);
	free(def->currency);
	bl_lab_def_clear(&def->lab);
	bl_readings_def_free(&def->readings);
	free(def);
}

int bl_process_phase_index(const bl_process_def *def, const char *id)
{
	for (size_t i = 0; def && id && i < def->n_phases; i++)
		if (strcmp(def->phases[i].id, id) == 0)
			return (int)i;
	return -1;
}

int bl_process_n_years(const bl_process_def *def)
{
	return 1 + def->outline_years;
}
