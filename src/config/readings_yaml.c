/* readings_yaml.c: the `readings:` section of a phase file (see
 * readings_yaml.h and budgetlab-process(5), READINGS): the phase that
 * freezes the first-reading version, the hearing window (given, or taken
 * from a phase), the deadline for amendments and the organisation types
 * of the senders of hearing responses.  Every problem is reported where
 * it was written, with what was expected, as in the rest of the file. */
#include "config.h"
#include "config/readings_yaml.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

/* Limits of the format. */
#define MAX_ORG_TYPES 32
#define MAX_KEY_LEN 32
#define MAX_PHASE_IDS 64 /* MAX_PHASES of process_yaml.c */

enum { R_FREEZE_AT, R_HEARING_PHASE, R_HEARING, R_AMENDMENT_DEADLINE, R_ORG_TYPES, N_R_KEYS };
static const keyspec readings_keys[N_R_KEYS] = {
	{ "freeze_at", false,
	  N_("freeze_at: the id of the phase that freezes the first-reading version, "
	     "e.g. first_reading") },
	{ "hearing_phase", false,
	  N_("hearing_phase: the id of a phase whose from: and to: are the hearing window") },
	{ "hearing", false,
	  N_("hearing: a mapping with opens and closes, e.g. "
	     "{opens: 2027-09-10, closes: 2027-09-24}") },
	{ "amendment_deadline", false, N_("amendment_deadline: YYYY-MM-DD") },
	{ "org_types", false,
	  N_("org_types: a list of organisation types, e.g. - {key: citizen, name: Borger}") },
};

enum { H_OPENS, H_CLOSES, N_H_KEYS };
static const keyspec hearing_keys[N_H_KEYS] = {
	{ "opens", true, N_("opens: YYYY-MM-DD, the first day of the hearing") },
	{ "closes", true, N_("closes: YYYY-MM-DD, the last day of the hearing") },
};

enum { O_KEY, O_NAME, N_O_KEYS };
static const keyspec org_keys[N_O_KEYS] = {
	{ "key", true,
	  N_("key: NAME of lower-case letters a-z, digits and '_', e.g. citizen") },
	{ "name", false, N_("name: TEXT, e.g. Borger") },
};

static bool given(const yfield *f)
{
	return f->key && !y_is_null(f->val);
}

static bool valid_key(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* A date value; false with an error if it is not one. */
static bool get_date(ydoc *d, const yfield *f, const char *label, bl_date *out)
{
	const ynode *v = f->val;
	bl_err e2;
	bl_err_clear(&e2);
	if (y_is_null(v)) {
		y_nerr(d, f->key, _("%s is empty; expected a date YYYY-MM-DD"), label);
		return false;
	}
	if (v->type != Y_SCALAR || y_is_bool(v) || strlen(v->text) != v->len) {
		y_nerr(d, v, _("%s is %s; expected a date YYYY-MM-DD"), label, y_what_is(v));
		return false;
	}
	if (bl_date_parse(v->text, out, &e2) != 0) {
		y_nerr(d, v, "%s: %s", label, e2.msg);
		return false;
	}
	return true;
}

/* The phase a key names; NULL with an error if there is none. */
static const bl_phase *get_phase(ydoc *d, const yfield *f, const char *label,
				 const char *expect, const bl_process_def *def)
{
	char q[BL_QUOTE_MAX];
	char *id = y_get_text(d, f->key, f->val, label, expect, false);
	if (!id)
		return NULL;
	const bl_phase *ph = NULL;
	const char *ids[MAX_PHASE_IDS];
	size_t n = 0;
	for (size_t i = 0; i < def->n_phases; i++) {
		if (!def->phases[i].id)
			continue; /* refused, and reported there */
		if (strcmp(def->phases[i].id, id) == 0)
			ph = &def->phases[i];
		if (n < MAX_PHASE_IDS)
			ids[n++] = def->phases[i].id;
	}
	if (!ph) {
		const char *near = y_nearest(id, ids, n);
		if (near)
			y_nerr(d, f->val, _("%s: there is no phase '%s'; did you mean '%s'? "
					    "expected the id of a phase of this file"),
			       label, y_qs(id, q), near);
		else
			y_nerr(d, f->val, _("%s: there is no phase '%s'; expected the id of a "
					    "phase of this file"),
			       label, y_qs(id, q));
	}
	free(id);
	return ph;
}

static void hearing_window(ydoc *d, const yfield *hf, bl_readings_def *r)
{
	const ynode *map = hf->val;
	if (map->type != Y_MAP) {
		y_nerr(d, map, _("'hearing' is %s; expected %s"), y_what_is(map),
		       _(readings_keys[R_HEARING].expect));
		return;
	}
	yfield f[N_H_KEYS];
	y_get_fields(d, map, hearing_keys, N_H_KEYS, f, _("in readings: hearing"));
	bool good = true;
	bl_date dt[N_H_KEYS] = { 0, 0 };
	for (int k = 0; k < N_H_KEYS; k++) {
		char label[64];
		snprintf(label, sizeof label, "'%s'", hearing_keys[k].name);
		if (!f[k].key) {
			y_nerr(d, map, _("'hearing' has no '%s'; expected %s"), hearing_keys[k].name,
			       _(hearing_keys[k].expect));
			good = false;
		} else if (!get_date(d, &f[k], label, &dt[k])) {
			good = false;
		}
	}
	if (!good)
		return;
	if (dt[H_OPENS] > dt[H_CLOSES]) {
		char a[11], b[11];
		bl_date_format(dt[H_OPENS], a);
		bl_date_format(dt[H_CLOSES], b);
		y_nerr(d, f[H_CLOSES].val, _("the hearing closes (closes: %s) before it opens "
					     "(opens: %s); expected opens on or before closes"),
		       b, a);
		return;
	}
	r->has_hearing = true;
	r->hearing_opens = dt[H_OPENS];
	r->hearing_closes = dt[H_CLOSES];
}

static void one_org_type(ydoc *d, const ynode *it, size_t i, bl_readings_def *r,
			 const ynode **key_at)
{
	char q[BL_QUOTE_MAX], label[64], where[48];
	if (it->type != Y_MAP) {
		y_nerr(d, it, _("organisation type %zu is %s; expected a mapping with a key and "
				"a name, e.g. - {key: citizen, name: Borger}"),
		       i + 1, y_what_is(it));
		return;
	}
	yfield f[N_O_KEYS];
	snprintf(where, sizeof where, _("in organisation type %zu"), i + 1);
	y_get_fields(d, it, org_keys, N_O_KEYS, f, where);
	if (!f[O_KEY].key) {
		y_nerr(d, it, _("organisation type %zu has no '%s'; expected %s"), i + 1, "key",
		       _(org_keys[O_KEY].expect));
		return;
	}
	snprintf(label, sizeof label, _("'key' of organisation type %zu"), i + 1);
	char *k = y_get_text(d, f[O_KEY].key, f[O_KEY].val, label, _(org_keys[O_KEY].expect),
			     false);
	if (!k)
		return;
	if (!valid_key(k)) {
		y_nerr(d, f[O_KEY].val,
		       _("%s: '%s' is not a valid key; expected lower-case letters a-z, digits "
			 "and '_', starting with a letter, e.g. citizen"),
		       label, y_qs(k, q));
		free(k);
		return;
	}
	if (strlen(k) > MAX_KEY_LEN) {
		y_nerr(d, f[O_KEY].val, _("%s: '%s' is longer than %d characters; expected a "
					  "shorter key"),
		       label, y_qs(k, q), MAX_KEY_LEN);
		free(k);
		return;
	}
	for (size_t j = 0; j < r->n_org_types; j++) {
		if (strcmp(r->org_types[j].key, k) == 0) {
			y_nerr(d, f[O_KEY].val,
			       _("organisation type key '%s' is already used at line %d; "
				 "expected a different key for each organisation type"),
			       y_qs(k, q), key_at[j]->line);
			free(k);
			return;
		}
	}
	char *name;
	if (given(&f[O_NAME])) {
		snprintf(label, sizeof label, _("'name' of organisation type %zu"), i + 1);
		name = y_get_text(d, f[O_NAME].key, f[O_NAME].val, label,
				  _(org_keys[O_NAME].expect), false);
		if (!name) {
			free(k);
			return;
		}
	} else {
		name = strdup(k);
		if (!name) {
			d->oom = true;
			free(k);
			return;
		}
	}
	key_at[r->n_org_types] = f[O_KEY].val;
	r->org_types[r->n_org_types].key = k;
	r->org_types[r->n_org_types].name = name;
	r->n_org_types++;
}

static void org_types_section(ydoc *d, const yfield *f, bl_readings_def *r)
{
	const ynode *seq = f->val;
	if (!y_get_list(d, seq, "'org_types'",
			_("a list of organisation types, each starting with '- key:'")))
		return;
	if (seq->n == 0)
		return; /* the defaults */
	size_t n = seq->n < MAX_ORG_TYPES ? seq->n : MAX_ORG_TYPES;
	r->org_types = calloc(n, sizeof *r->org_types);
	if (!r->org_types) {
		d->oom = true;
		return;
	}
	const ynode *key_at[MAX_ORG_TYPES] = { NULL };
	size_t i = 0;
	for (const ynode *it = seq->first; it; it = it->next, i++) {
		if (i == MAX_ORG_TYPES) {
			y_nerr(d, it, _("there are more than %d organisation types; expected at "
					"most %d"),
			       MAX_ORG_TYPES, MAX_ORG_TYPES);
			break;
		}
		one_org_type(d, it, i, r, key_at);
	}
}

void bl_readings_yaml(ydoc *d, const ynode *key, const ynode *val, bl_process_def *def)
{
	bl_readings_def *r = &def->readings;
	if (!key || y_is_null(val))
		return;
	if (val->type != Y_MAP) {
		y_nerr(d, val, _("'readings' is %s; expected a mapping with freeze_at, hearing, "
				 "amendment_deadline and org_types, e.g. readings: "
				 "{freeze_at: first_reading}"),
		       y_what_is(val));
		return;
	}
	yfield f[N_R_KEYS];
	y_get_fields(d, val, readings_keys, N_R_KEYS, f, _("in readings"));

	if (f[R_FREEZE_AT].key) {
		const bl_phase *ph = get_phase(d, &f[R_FREEZE_AT], "'freeze_at'",
					       _(readings_keys[R_FREEZE_AT].expect), def);
		if (ph) {
			r->freeze_at = strdup(ph->id);
			if (!r->freeze_at)
				d->oom = true;
		}
	}
	if (f[R_HEARING_PHASE].key && f[R_HEARING].key) {
		/* Two windows: which one is meant cannot be guessed. */
		y_nerr(d, f[R_HEARING].key,
		       _("readings has both 'hearing' and 'hearing_phase' (line %d); expected "
			 "one of them: the window itself, or the phase that has it"),
		       f[R_HEARING_PHASE].key->line);
	} else if (f[R_HEARING_PHASE].key) {
		const bl_phase *ph = get_phase(d, &f[R_HEARING_PHASE], "'hearing_phase'",
					       _(readings_keys[R_HEARING_PHASE].expect), def);
		if (ph && !ph->has_window) {
			char q[BL_QUOTE_MAX];
			y_nerr(d, f[R_HEARING_PHASE].val,
			       _("'hearing_phase': phase '%s' has no from: and to:; expected a "
				 "phase with a date window, or hearing: {opens: ..., closes: ...}"),
			       y_qs(ph->id, q));
		} else if (ph) {
			r->has_hearing = true;
			r->hearing_opens = ph->from;
			r->hearing_closes = ph->to;
		}
	} else if (f[R_HEARING].key) {
		if (y_is_null(f[R_HEARING].val))
			y_nerr(d, f[R_HEARING].key, _("'hearing' is empty; expected %s"),
			       _(readings_keys[R_HEARING].expect));
		else
			hearing_window(d, &f[R_HEARING], r);
	}
	if (f[R_AMENDMENT_DEADLINE].key &&
	    get_date(d, &f[R_AMENDMENT_DEADLINE], "'amendment_deadline'", &r->amendment_deadline))
		r->has_amendment_deadline = true;
	if (f[R_ORG_TYPES].key)
		org_types_section(d, &f[R_ORG_TYPES], r);
}
