/* readings.c: the `readings:` section in the model (its defaults and the
 * checks that use it) and hearing responses.  See readings.h. */
#include "config.h"
#include "core/readings.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/process.h"

void bl_readings_def_free(bl_readings_def *r)
{
	if (!r)
		return;
	free(r->freeze_at);
	for (size_t i = 0; i < r->n_org_types; i++) {
		free(r->org_types[i].key);
		free(r->org_types[i].name);
	}
	free(r->org_types);
	memset(r, 0, sizeof *r);
}

/* ---- defaults ---- */

#define N_DEFAULT_ORG_TYPES 8
static const char *const default_org_keys[N_DEFAULT_ORG_TYPES] = {
	"citizen", "association", "council", "business",
	"institution", "party", "staff", "other",
};
/* The names are already in the process's language, so they do not go
 * through gettext, which follows the locale of the laptop, not the
 * language of the process (as bl_unit_label in money.c). */
static const char *const default_org_names[3][N_DEFAULT_ORG_TYPES] = {
	/* BL_LANG_DA */ { "Borger", "Forening", "Råd eller nævn", "Virksomhed",
			   "Institution", "Politisk parti", "Medarbejder", "Andet" },
	/* BL_LANG_NB */ { "Innbygger", "Lag eller forening", "Råd eller utvalg",
			   "Virksomhet", "Institusjon", "Politisk parti", "Ansatt", "Annet" },
	/* BL_LANG_EN */ { "Citizen", "Association", "Council or board", "Business",
			   "Institution", "Political party", "Staff", "Other" },
};

/* Not bl_process_phase_index: the loader may call this on phases whose
 * ids were refused (NULL). */
static const bl_phase *phase_by_id(const bl_process_def *def, const char *id)
{
	for (size_t i = 0; i < def->n_phases; i++)
		if (def->phases[i].id && strcmp(def->phases[i].id, id) == 0)
			return &def->phases[i];
	return NULL;
}

int bl_readings_defaults(struct bl_process_def *def, bl_err *err)
{
	bl_readings_def *r = &def->readings;
	r->lang = def->lang;
	if (!r->freeze_at && phase_by_id(def, "first_reading")) {
		r->freeze_at = strdup("first_reading");
		if (!r->freeze_at)
			return bl_err_set(err, _("out of memory"));
	}
	if (!r->has_hearing) {
		const bl_phase *h = phase_by_id(def, "hearing");
		if (h && h->has_window) {
			r->has_hearing = true;
			r->hearing_opens = h->from;
			r->hearing_closes = h->to;
		}
	}
	if (r->n_org_types == 0) {
		int l = (def->lang == BL_LANG_NB || def->lang == BL_LANG_EN) ? (int)def->lang
									      : (int)BL_LANG_DA;
		bl_org_type *v = calloc(N_DEFAULT_ORG_TYPES, sizeof *v);
		if (!v)
			return bl_err_set(err, _("out of memory"));
		for (size_t i = 0; i < N_DEFAULT_ORG_TYPES; i++) {
			v[i].key = strdup(default_org_keys[i]);
			v[i].name = strdup(default_org_names[l][i]);
			if (!v[i].key || !v[i].name) {
				for (size_t j = 0; j <= i; j++) {
					free(v[j].key);
					free(v[j].name);
				}
				free(v);
				return bl_err_set(err, _("out of memory"));
			}
		}
		free(r->org_types);
		r->org_types = v;
		r->n_org_types = N_DEFAULT_ORG_TYPES;
	}
	return 0;
}

/* ASCII only: keys are [a-z][a-z0-9_]*, so the locale must not matter. */
static bool key_eq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
		char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

const bl_org_type *bl_readings_org_type(const bl_readings_def *r, const char *key)
{
	for (size_t i = 0; r && key && i < r->n_org_types; i++)
		if (r->org_types[i].key && key_eq_ci(r->org_types[i].key, key))
			return &r->org_types[i];
	return NULL;
}

/* ---- dates ---- */

int bl_readings_response_date(const bl_readings_def *r, bl_date d, bool *late,
			      bl_err *err)
{
	if (late)
		*late = false;
	if (!r || !r->has_hearing)
		return 0;
	if (d < r->hearing_opens) {
		char a[11], b[11];
		bl_date_format(d, a);
		bl_date_format(r->hearing_opens, b);
		return bl_err_set(err, _("received %s, before the hearing opened on %s"), a, b);
	}
	if (late)
		*late = d > r->hearing_closes;
	return 0;
}

bool bl_readings_amendment_late(const bl_readings_def *r, bl_date d)
{
	return r && r->has_amendment_deadline && d > r->amendment_deadline;
}

/* ---- positions ---- */

static const struct {
	const char *key;
	const char *name;
} positions[BL_POS_COUNT] = {
	[BL_POS_FOR] = { "for", N_("for") },
	[BL_POS_AGAINST] = { "against", N_("against") },
	[BL_POS_CHANGE] = { "change", N_("proposes a change") },
	[BL_POS_NEUTRAL] = { "neutral", N_("neutral") },
};

const char *bl_position_key(bl_position p)
{
	return (unsigned)p < BL_POS_COUNT ? positions[p].key : NULL;
}

const char *bl_position_name(bl_position p)
{
	return (unsigned)p < BL_POS_COUNT ? _(positions[p].name) : NULL;
}

int bl_position_from_key(const char *key, bl_position *out)
{
	for (int i = 0; key && i < BL_POS_COUNT; i++) {
		if (strcmp(key, positions[i].key) == 0) {
			if (out)
				*out = (bl_position)i;
			return 0;
		}
	}
	return -1;
}

/* ---- responses ---- */

void bl_response_clear(bl_response *r)
{
	if (!r)
		return;
	free(r->sender);
	free(r->org_type);
	free(r->text);
	free(r->file_ref);
	free(r->comment);
	for (size_t i = 0; i < r->n_lines; i++)
		free(r->lines[i]);
	free(r->lines);
	for (size_t i = 0; i < r->n_areas; i++)
		free(r->areas[i]);
	free(r->areas);
	memset(r, 0, sizeof *r);
}

void bl_responses_free(bl_response *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		bl_response_clear(&v[i]);
	free(v);
}
