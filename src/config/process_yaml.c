/* process_yaml.c: load and validate a process definition (format 1).
 *
 * What every budgetlab YAML file shares is in yaml_doc.c: reading the
 * file, the encoding check, the tree of nodes that remember where they
 * were written (anchors, aliases, tags, a second document and deep
 * nesting refused on the way), the collected errors and the helpers for
 * checking keys and values.  This file holds what is particular to a
 * phase file: its keys (budgetlab, process, phases and what a phase may
 * hold) and how each is checked, collecting every problem it can find
 * (not just the first), and the bl_process_def built on the way.  Any
 * problem at all frees the whole definition: a file either loads
 * completely or not at all. */
#include "config.h"
#include "config/process_yaml.h"
#include "config/yaml_doc.h"
#include "config/lab_yaml.h"
#include "config/readings_yaml.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

/* Limits of the format. */
#define MAX_PHASES 64
#define MAX_CHECKLIST 50
#define MAX_ID_LEN 32
#define MAX_OUTLINE_YEARS 9 /* BL_MAX_YEARS - 1 */
#define MIN_BUDGET_YEAR 1900
#define MAX_BUDGET_YEAR 2190
#define N_PHASE_KEYS 8

typedef struct ctx {
	ydoc d;
	bl_lang lang;
	yfield pf[MAX_PHASES][N_PHASE_KEYS]; /* the fields of each phase */
} ctx;

/* ---- the keys of the format ---- */

static const keyspec top_keys[] = {
	{ "budgetlab", true, N_("budgetlab: 1") },
	{ "process", true, N_("process: a mapping with municipality, title, language and budget_year") },
	{ "phases", true, N_("phases: a list of phases, each with an id and a title") },
	{ "labs", false, N_("labs: a mapping with categories and ballots") },
	{ "readings", false,
	  N_("readings: a mapping with freeze_at, hearing, amendment_deadline and org_types") },
};
#define N_TOP_KEYS (sizeof top_keys / sizeof top_keys[0])

enum { P_MUNICIPALITY, P_TITLE, P_LANGUAGE, P_CURRENCY, P_BUDGET_YEAR, P_OUTLINE_YEARS };
static const keyspec process_keys[] = {
	{ "municipality", true, N_("municipality: NAME, e.g. Egekær Kommune") },
	{ "title", true, N_("title: TEXT, e.g. Budget 2028–2031") },
	{ "language", true, N_("language: da, nb or en") },
	{ "currency", false, N_("currency: three capital letters, e.g. DKK") },
	{ "budget_year", true, N_("budget_year: a year from 1900 to 2190") },
	{ "outline_years", false, N_("outline_years: an integer from 0 to 9") },
};

enum { F_ID, F_TITLE, F_GUIDANCE, F_FROM, F_TO, F_CHECKLIST, F_GATES, F_LOCKS };
static const keyspec phase_keys[N_PHASE_KEYS] = {
	{ "id", true, N_("id: NAME of lower-case letters a-z, digits and '_', e.g. first_reading") },
	{ "title", true, N_("title: TEXT") },
	{ "guidance", false, N_("guidance: TEXT for the facilitator") },
	{ "from", false, N_("from: YYYY-MM-DD") },
	{ "to", false, N_("to: YYYY-MM-DD") },
	{ "checklist", false, N_("checklist: a list of items, each written '- TEXT'") },
	{ "gates", false, N_("gates: a list of gates, e.g. [checklist_complete]") },
	{ "locks", false, N_("locks: a list such as [amounts, lines]") },
};

static void process_section(ctx *c, const yfield *pf, bl_process_def *def)
{
	char q[BL_QUOTE_MAX], label[64];
	const ynode *map = pf->val;
	yfield f[sizeof process_keys / sizeof process_keys[0]];
	const size_t nk = sizeof process_keys / sizeof process_keys[0];

	if (!map) {
		yerr_at(&c->d, c->d.root->line, c->d.root->col,
			_("the file has no '%s'; expected %s"), "process", _(top_keys[1].expect));
		return;
	}
	if (map->type != Y_MAP) {
		y_nerr(&c->d, y_is_null(map) ? pf->key : map, _("'%s' is %s; expected %s"),
		     "process", y_what_is(map), _(top_keys[1].expect));
		return;
	}
	y_get_fields(&c->d, map, process_keys, nk, f, _("in process"));
	for (size_t i = 0; i < nk; i++)
		if (process_keys[i].required && !f[i].key)
			y_nerr(&c->d, map, _("process has no '%s'; expected %s"),
			     process_keys[i].name, _(process_keys[i].expect));

#define LABEL(k) (snprintf(label, sizeof label, "'%s'", process_keys[k].name), label)
	if (f[P_MUNICIPALITY].key)
		def->municipality = y_get_text(&c->d, f[P_MUNICIPALITY].key, f[P_MUNICIPALITY].val,
					     LABEL(P_MUNICIPALITY),
					     _(process_keys[P_MUNICIPALITY].expect), false);
	if (f[P_TITLE].key)
		def->title = y_get_text(&c->d, f[P_TITLE].key, f[P_TITLE].val, LABEL(P_TITLE),
				      _(process_keys[P_TITLE].expect), false);
	if (f[P_LANGUAGE].key) {
		char *lang = y_get_text(&c->d, f[P_LANGUAGE].key, f[P_LANGUAGE].val,
				      LABEL(P_LANGUAGE), _(process_keys[P_LANGUAGE].expect),
				      false);
		if (lang && bl_lang_from_name(lang, &def->lang) != 0) {
			static const char *const langs[] = { "da", "nb", "en" };
			const char *near = y_nearest(lang, langs, 3);
			if (near)
				y_nerr(&c->d, f[P_LANGUAGE].val,
				     _("language: '%s' is not a language budgetlab knows; "
				       "did you mean '%s'? expected da, nb or en"),
				     y_qs(lang, q), near);
			else
				y_nerr(&c->d, f[P_LANGUAGE].val,
				     _("language: '%s' is not a language budgetlab knows; "
				       "expected da (Danish), nb (Norwegian Bokmål) or en (English)"),
				     y_qs(lang, q));
		}
		c->lang = def->lang;
		free(lang);
	}
	if (f[P_CURRENCY].key && !y_is_null(f[P_CURRENCY].val)) {
		def->currency = y_get_text(&c->d, f[P_CURRENCY].key, f[P_CURRENCY].val,
					 LABEL(P_CURRENCY), _(process_keys[P_CURRENCY].expect),
					 false);
		const char *s = def->currency;
		if (s && !(strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
			   s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'))
			y_nerr(&c->d, f[P_CURRENCY].val,
			     _("currency: '%s' is not a currency code; expected three "
			       "capital letters, e.g. DKK or NOK"),
			     y_qs(s, q));
	}
	if (!def->currency) {
		def->currency = strdup(def->lang == BL_LANG_NB ? "NOK" : "DKK");
		if (!def->currency)
			c->d.oom = true;
	}
	int64_t v;
	if (f[P_BUDGET_YEAR].key &&
	    y_get_int(&c->d, f[P_BUDGET_YEAR].key, f[P_BUDGET_YEAR].val, LABEL(P_BUDGET_YEAR),
		    MIN_BUDGET_YEAR, MAX_BUDGET_YEAR, &v))
		def->budget_year = (int)v;
	def->outline_years = 3;
	if (f[P_OUTLINE_YEARS].key && !y_is_null(f[P_OUTLINE_YEARS].val) &&
	    y_get_int(&c->d, f[P_OUTLINE_YEARS].key, f[P_OUTLINE_YEARS].val,
		    LABEL(P_OUTLINE_YEARS), 0, MAX_OUTLINE_YEARS, &v))
		def->outline_years = (int)v;
#undef LABEL
}

static bool valid_id(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* The phase's id (first pass: every id is known before any gate refers
 * to one). */
static void phase_id(ctx *c, bl_process_def *def, size_t i)
{
	const yfield *f = c->pf[i];
	char q[BL_QUOTE_MAX], label[64];
	snprintf(label, sizeof label, _("'id' of phase %zu"), i + 1);
	if (!f[F_ID].key)
		return;
	char *id = y_get_text(&c->d, f[F_ID].key, f[F_ID].val, label, _(phase_keys[F_ID].expect),
			    false);
	if (!id)
		return;
	if (!valid_id(id)) {
		y_nerr(&c->d, f[F_ID].val,
		     _("%s: '%s' is not a valid id; expected lower-case letters a-z, "
		       "digits and '_', starting with a letter, e.g. first_reading"),
		     label, y_qs(id, q));
		free(id);
		return;
	}
	if (strlen(id) > MAX_ID_LEN) {
		y_nerr(&c->d, f[F_ID].val,
		     _("%s: '%s' is longer than %d characters; expected a shorter id"),
		     label, y_qs(id, q), MAX_ID_LEN);
		free(id);
		return;
	}
	for (size_t j = 0; j < i; j++) {
		if (def->phases[j].id && strcmp(def->phases[j].id, id) == 0) {
			y_nerr(&c->d, f[F_ID].val,
			     _("phase id '%s' is already used at line %d; expected "
			       "a different id for each phase"),
			     id, c->pf[j][F_ID].val->line);
			free(id);
			return;
		}
	}
	def->phases[i].id = id;
}

static const char *type_expect(const bl_gate_param_spec *p, bl_lang lang, char *buf,
			       size_t sz)
{
	switch (p->type) {
	case BL_PARAM_INT:
		snprintf(buf, sz, _("an integer from %" PRId64 " to %" PRId64), p->min, p->max);
		break;
	case BL_PARAM_PHASE:
		snprintf(buf, sz, _("the id of this phase or an earlier one"));
		break;
	case BL_PARAM_VERSION: {
		char list[128];
		snprintf(buf, sz, _("a budget version: %s"),
			 bl_text_join(bl_version_keys, bl_n_versions, list, sizeof list));
		break;
	}
	case BL_PARAM_DATE:
		snprintf(buf, sz, _("a date YYYY-MM-DD"));
		break;
	case BL_PARAM_AMOUNT:
		snprintf(buf, sz, "%s",
			 lang == BL_LANG_EN ? _("an amount, e.g. 1,000") :
			 lang == BL_LANG_NB ? _("an amount, e.g. 1 000") :
			 _("an amount, e.g. 1.000"));
		break;
	}
	return buf;
}

/* Convert the text of a parameter (given, or its default) by its type.
 * at is where to report, or NULL for a default (a default that does not
 * parse is a bug in the gate table, reported at the gate). */
static void convert_arg(ctx *c, const bl_process_def *def, size_t phase,
			const bl_gate_kind *kind, const bl_gate_param_spec *p,
			const ynode *at, const char *text, const bl_gate_ref *ref,
			bl_gate_arg *a)
{
	char q[BL_QUOTE_MAX], label[160], expect[160];
	int line = at ? at->line : ref->line, col = at ? at->col : ref->col;
	bl_err e2;
	snprintf(label, sizeof label, _("'%s' of gate '%s'"), p->name, kind->name);
	type_expect(p, c->lang, expect, sizeof expect);
	bl_err_clear(&e2);

	switch (p->type) {
	case BL_PARAM_INT: {
		int64_t x;
		int r = y_parse_int64(text, &x);
		if (r == 1)
			yerr_at(&c->d, line, col, _("%s: '%s' is not an integer; expected %s"),
				label, y_qs(text, q), expect);
		else if (r == 2)
			yerr_at(&c->d, line, col, _("%s: %s is out of range (beyond 64-bit "
						"integers); expected %s"),
				label, y_qs(text, q), expect);
		else if (x < p->min || x > p->max)
			yerr_at(&c->d, line, col, _("%s: %" PRId64 " is out of range; expected %s"),
				label, x, expect);
		else {
			a->i = x;
			a->set = true;
		}
		break;
	}
	case BL_PARAM_PHASE: {
		/* Not bl_process_phase_index: a phase whose id was refused
		 * has no id yet. */
		int j = -1;
		for (size_t k = 0; k < def->n_phases && j < 0; k++)
			if (def->phases[k].id && strcmp(def->phases[k].id, text) == 0)
				j = (int)k;
		if (j < 0) {
			const char *ids[MAX_PHASES];
			for (size_t k = 0; k < def->n_phases; k++)
				ids[k] = def->phases[k].id;
			const char *near = y_nearest(text, ids, def->n_phases);
			if (near)
				yerr_at(&c->d, line, col, _("%s: there is no phase '%s'; did you "
							"mean '%s'? expected %s"),
					label, y_qs(text, q), near, expect);
			else
				yerr_at(&c->d, line, col,
					_("%s: there is no phase '%s'; expected %s"),
					label, y_qs(text, q), expect);
		} else if ((size_t)j > phase) {
			yerr_at(&c->d, line, col,
				_("%s: '%s' is a later phase (phase %d); expected %s, "
				  "since a gate can only count from a phase that has begun"),
				label, y_qs(text, q), j + 1, expect);
		} else {
			a->s = strdup(text);
			if (!a->s)
				c->d.oom = true;
			a->set = true;
		}
		break;
	}
	case BL_PARAM_VERSION:
		if (!bl_version_valid(text)) {
			const char *near = y_nearest(text, bl_version_keys, bl_n_versions);
			if (near)
				yerr_at(&c->d, line, col, _("%s: '%s' is not a budget version; "
							"did you mean '%s'? expected %s"),
					label, y_qs(text, q), near, expect);
			else
				yerr_at(&c->d, line, col, _("%s: '%s' is not a budget version; "
							"expected %s"),
					label, y_qs(text, q), expect);
		} else {
			a->s = strdup(text);
			if (!a->s)
				c->d.oom = true;
			a->set = true;
		}
		break;
	case BL_PARAM_DATE:
		if (bl_date_parse(text, &a->d, &e2) != 0)
			yerr_at(&c->d, line, col, "%s: %s", label, e2.msg);
		else
			a->set = true;
		break;
	case BL_PARAM_AMOUNT:
		if (bl_money_parse(text, c->lang, &a->m, &e2) != 0)
			yerr_at(&c->d, line, col, "%s: %s", label, e2.msg);
		else
			a->set = true;
		break;
	}
}

/* One item of a phase's gates. */
static void one_gate(ctx *c, bl_process_def *def, size_t phase, const ynode *item,
		     bl_gate_ref *ref)
{
	char q[BL_QUOTE_MAX], q2[BL_QUOTE_MAX], list[512];
	const ynode *name = NULL, *params = NULL;
	const char *example = _("expected a gate name, or a gate name with its "
				"parameters, e.g. - min_days_since: {phase: hearing, days: 14}");
	if (item->type == Y_SCALAR && !y_is_null(item) && !y_is_bool(item)) {
		name = item;
	} else if (item->type == Y_MAP && item->n == 2 && item->first->type == Y_SCALAR) {
		name = item->first;
		params = item->first->next;
	} else if (item->type == Y_MAP && item->n > 2) {
		y_nerr(&c->d, item, _("a gate has %zu keys ('%s', '%s', ...); expected one "
				"gate name with its parameters indented below it, e.g. "
				"- min_days_since: {phase: hearing, days: 14}"),
		     item->n / 2, y_qt(item->first, q), y_qt(item->first->next->next, q2));
		return;
	} else {
		y_nerr(&c->d, item, _("a gate is %s; %s"), y_what_is(item), example);
		return;
	}

	const bl_gate_kind *kind = strlen(name->text) == name->len ?
					   bl_gate_kind_find(name->text) : NULL;
	if (!kind) {
		const char *names[64];
		size_t n = bl_n_gate_kinds < 64 ? bl_n_gate_kinds : 64;
		for (size_t i = 0; i < n; i++)
			names[i] = bl_gate_kinds[i].name;
		const char *near = y_nearest(name->text, names, n);
		bl_text_join(names, n, list, sizeof list);
		if (near)
			y_nerr(&c->d, name,
			     _("unknown gate '%s'; did you mean '%s'? known gates: %s"),
			     y_qt(name, q), near, list);
		else
			y_nerr(&c->d, name,
			     _("unknown gate '%s'; expected one of the known gates: %s"),
			     y_qt(name, q), list);
		return;
	}
	ref->kind = kind;
	ref->line = item->line;
	ref->col = item->col;

	yfield f[BL_GATE_MAX_PARAMS];
	memset(f, 0, sizeof f);
	if (!y_is_null(params)) {
		if (params->type != Y_MAP) {
			y_nerr(&c->d, params, _("the parameters of gate '%s' are %s; expected a "
					  "mapping, e.g. %s: {%s: ...}"),
			     kind->name, y_what_is(params), kind->name,
			     kind->n_params ? kind->params[0].name : "");
			return;
		}
		for (const ynode *k = params->first; k && k->next; k = k->next->next) {
			const ynode *v = k->next;
			int i = k->type == Y_SCALAR && strlen(k->text) == k->len ?
					bl_gate_param_index(kind, k->text) : -1;
			if (i < 0) {
				const char *names[BL_GATE_MAX_PARAMS];
				for (size_t j = 0; j < kind->n_params; j++)
					names[j] = kind->params[j].name;
				const char *near = k->type == Y_SCALAR ?
					y_nearest(k->text, names, kind->n_params) : NULL;
				if (kind->n_params == 0)
					y_nerr(&c->d, k, _("gate '%s' has no parameters, but '%s' is "
						     "given; expected - %s alone"),
					     kind->name, y_qt(k, q), kind->name);
				else if (near)
					y_nerr(&c->d, k, _("gate '%s' has no parameter '%s'; did you "
						     "mean '%s'?"),
					     kind->name, y_qt(k, q), near);
				else
					y_nerr(&c->d, k, _("gate '%s' has no parameter '%s'; expected "
						     "one of: %s"),
					     kind->name, y_qt(k, q),
					     bl_text_join(names, kind->n_params, list, sizeof list));
				continue;
			}
			if (f[i].key) {
				y_nerr(&c->d, k, _("duplicate parameter '%s' of gate '%s', already "
					     "given at line %d; expected each parameter once"),
				     kind->params[i].name, kind->name, f[i].key->line);
				continue;
			}
			f[i].key = k;
			f[i].val = v;
		}
	}

	for (size_t i = 0; i < kind->n_params; i++) {
		const bl_gate_param_spec *p = &kind->params[i];
		char label[160], expect[160];
		snprintf(label, sizeof label, _("'%s' of gate '%s'"), p->name, kind->name);
		type_expect(p, c->lang, expect, sizeof expect);
		if (f[i].key) {
			const ynode *v = f[i].val;
			if (p->type == BL_PARAM_INT) {
				int64_t x;
				if (y_get_int(&c->d, f[i].key, v, label, p->min, p->max, &x)) {
					ref->args[i].i = x;
					ref->args[i].set = true;
				}
			} else if (y_is_null(v)) {
				y_nerr(&c->d, f[i].key, _("%s is empty; expected %s"), label, expect);
			} else if (v->type != Y_SCALAR || y_is_bool(v) ||
				   strlen(v->text) != v->len) {
				y_nerr(&c->d, v, _("%s is %s; expected %s"), label, y_what_is(v),
				     expect);
			} else {
				convert_arg(c, def, phase, kind, p, v, v->text, ref, &ref->args[i]);
			}
		} else if (p->required) {
			y_nerr(&c->d, item, _("gate '%s' needs the parameter '%s'; expected "
					"%s: %s"),
			     kind->name, p->name, p->name, expect);
		} else if (p->default_text) {
			convert_arg(c, def, phase, kind, p, NULL, p->default_text, ref,
				    &ref->args[i]);
		}
	}
}

static void phase_gates(ctx *c, bl_process_def *def, size_t i, const yfield *f)
{
	char label[64];
	bl_phase *ph = &def->phases[i];
	snprintf(label, sizeof label, _("'gates' of phase %zu"), i + 1);
	if (!y_get_list(&c->d, f->val, label, _("a list of gates, e.g. [checklist_complete]")))
		return;
	if (f->val->n == 0)
		return;
	ph->gates = calloc(f->val->n, sizeof *ph->gates);
	if (!ph->gates) {
		c->d.oom = true;
		return;
	}
	for (const ynode *g = f->val->first; g; g = g->next) {
		bl_gate_ref *ref = &ph->gates[ph->n_gates];
		one_gate(c, def, i, g, ref);
		/* Keep the ref even when it failed, so that its strings are
		 * freed with the definition. */
		if (ref->kind)
			ph->n_gates++;
		else
			bl_gate_ref_clear(ref);
	}
}

static void phase_locks(ctx *c, bl_process_def *def, size_t i, const yfield *f)
{
	char label[64], q[BL_QUOTE_MAX], list[128];
	const char *names[BL_LOCK_COUNT];
	const ynode *first_at[BL_LOCK_COUNT] = { NULL };
	for (unsigned b = 0; b < BL_LOCK_COUNT; b++)
		names[b] = bl_lock_name(b);
	bl_text_join(names, BL_LOCK_COUNT, list, sizeof list);
	snprintf(label, sizeof label, _("'locks' of phase %zu"), i + 1);
	if (!y_get_list(&c->d, f->val, label, _("a list such as [amounts, lines]")))
		return;
	for (const ynode *l = f->val->first; l; l = l->next) {
		char item[64];
		snprintf(item, sizeof item, _("a lock of phase %zu"), i + 1);
		if (l->type != Y_SCALAR || y_is_null(l) || y_is_bool(l)) {
			y_nerr(&c->d, l, _("%s is %s; expected one of: %s"), item, y_what_is(l), list);
			continue;
		}
		unsigned bit = strlen(l->text) == l->len ? bl_lock_from_name(l->text) : 0;
		if (!bit) {
			const char *near = y_nearest(l->text, names, BL_LOCK_COUNT);
			if (near)
				y_nerr(&c->d, l, _("unknown lock '%s'; did you mean '%s'? known "
					     "locks: %s"),
				     y_qt(l, q), near, list);
			else
				y_nerr(&c->d, l, _("unknown lock '%s'; expected one of the known "
					     "locks: %s"),
				     y_qt(l, q), list);
			continue;
		}
		unsigned b = 0;
		while (!((1u << b) & bit))
			b++;
		if (first_at[b]) {
			y_nerr(&c->d, l, _("lock '%s' is listed twice (first at line %d); "
				     "expected each lock once"),
			     names[b], first_at[b]->line);
			continue;
		}
		first_at[b] = l;
		def->phases[i].locks |= bit;
	}
}

static void phase_checklist(ctx *c, bl_process_def *def, size_t i, const yfield *f)
{
	char label[64];
	bl_phase *ph = &def->phases[i];
	snprintf(label, sizeof label, _("'checklist' of phase %zu"), i + 1);
	if (!y_get_list(&c->d, f->val, label, _("a list of items, each written '- TEXT'")))
		return;
	size_t n = f->val->n < MAX_CHECKLIST ? f->val->n : MAX_CHECKLIST;
	if (n == 0)
		return;
	ph->checklist = calloc(n, sizeof *ph->checklist);
	if (!ph->checklist) {
		c->d.oom = true;
		return;
	}
	size_t k = 0;
	for (const ynode *it = f->val->first; it; it = it->next, k++) {
		if (k == MAX_CHECKLIST) {
			y_nerr(&c->d, it, _("%s has more than %d items; expected at most %d"),
			     label, MAX_CHECKLIST, MAX_CHECKLIST);
			break;
		}
		char item[64];
		snprintf(item, sizeof item, _("checklist item %zu of phase %zu"), k + 1, i + 1);
		char *s = y_get_text(&c->d, NULL, it, item, _("a line of text"), false);
		if (s)
			ph->checklist[ph->n_checklist++] = s;
	}
}

/* The date window of a phase; *prev is the previous phase with a window
 * (for the order check), updated here. */
static void phase_window(ctx *c, bl_process_def *def, size_t i, size_t *prev)
{
	const yfield *f = c->pf[i];
	bl_phase *ph = &def->phases[i];
	bool has_from = f[F_FROM].key && !y_is_null(f[F_FROM].val);
	bool has_to = f[F_TO].key && !y_is_null(f[F_TO].val);
	if (!has_from && !has_to)
		return;
	bl_date d[2] = { 0, 0 };
	bool good = true;
	for (int k = 0; k < 2; k++) {
		const yfield *fk = &f[k ? F_TO : F_FROM];
		const char *key = k ? "to" : "from";
		bl_err e2;
		bl_err_clear(&e2);
		if (!(k ? has_to : has_from))
			continue;
		if (fk->val->type != Y_SCALAR || y_is_bool(fk->val) ||
		    strlen(fk->val->text) != fk->val->len) {
			y_nerr(&c->d, fk->val, _("'%s' is %s; expected a date YYYY-MM-DD"),
			     key, y_what_is(fk->val));
			good = false;
		} else if (bl_date_parse(fk->val->text, &d[k], &e2) != 0) {
			y_nerr(&c->d, fk->val, "'%s': %s", key, e2.msg);
			good = false;
		}
	}
	if (has_from != has_to) {
		const yfield *given = has_from ? &f[F_FROM] : &f[F_TO];
		y_nerr(&c->d, given->key, _("phase %zu has '%s' but no '%s'; expected both "
				      "from: and to:, or neither"),
		     i + 1, has_from ? "from" : "to", has_from ? "to" : "from");
		return;
	}
	if (!good)
		return;
	char a[11], b[11];
	if (d[0] > d[1]) {
		bl_date_format(d[0], a);
		bl_date_format(d[1], b);
		y_nerr(&c->d, f[F_TO].val, _("phase %zu ends (to: %s) before it begins "
				       "(from: %s); expected from on or before to"),
		     i + 1, b, a);
		return;
	}
	ph->has_window = true;
	ph->from = d[0];
	ph->to = d[1];
	if (*prev != SIZE_MAX && def->phases[*prev].from > ph->from) {
		const bl_phase *pp = &def->phases[*prev];
		bl_date_format(ph->from, a);
		bl_date_format(pp->from, b);
		y_nerr(&c->d, f[F_FROM].val,
		     _("phases out of order: phase %zu ('%s') begins on %s, before "
		       "phase %zu ('%s', line %d) which begins on %s; expected the "
		       "phases in the order they happen"),
		     i + 1, ph->id ? ph->id : "?", a, *prev + 1, pp->id ? pp->id : "?",
		     c->pf[*prev][F_FROM].val->line, b);
	}
	*prev = i;
}

static void phases_section(ctx *c, const yfield *pf, bl_process_def *def)
{
	const ynode *seq = pf->val;
	const char *expect = _(top_keys[2].expect);
	if (!seq) {
		yerr_at(&c->d, c->d.root->line, c->d.root->col,
			_("the file has no '%s'; expected %s"), "phases", expect);
		return;
	}
	if (y_is_null(seq) || (seq->type == Y_SEQ && seq->n == 0)) {
		y_nerr(&c->d, y_is_null(seq) ? pf->key : seq,
		     _("'phases' is empty; expected at least one phase, e.g. "
		       "- id: goals with a title below it"));
		return;
	}
	if (seq->type != Y_SEQ) {
		y_nerr(&c->d, seq, _("'phases' is %s; expected a list of phases, each "
			       "starting with '- id:'"),
		     y_what_is(seq));
		return;
	}
	size_t n = seq->n < MAX_PHASES ? seq->n : MAX_PHASES;
	def->phases = calloc(n, sizeof *def->phases);
	if (!def->phases) {
		c->d.oom = true;
		return;
	}
	def->n_phases = n;

	/* First pass: the shape of each phase, and its id. */
	size_t i = 0;
	bool usable[MAX_PHASES] = { false };
	for (const ynode *it = seq->first; it; it = it->next, i++) {
		char where[48];
		if (i == MAX_PHASES) {
			y_nerr(&c->d, it, _("there are more than %d phases; expected at most %d"),
			     MAX_PHASES, MAX_PHASES);
			break;
		}
		if (it->type != Y_MAP) {
			y_nerr(&c->d, it, _("phase %zu is %s; expected a mapping with an id and a "
				      "title, e.g. - id: goals"),
			     i + 1, y_what_is(it));
			continue;
		}
		snprintf(where, sizeof where, _("in phase %zu"), i + 1);
		y_get_fields(&c->d, it, phase_keys, N_PHASE_KEYS, c->pf[i], where);
		for (size_t k = 0; k < N_PHASE_KEYS; k++)
			if (phase_keys[k].required && !c->pf[i][k].key)
				y_nerr(&c->d, it, _("phase %zu has no '%s'; expected %s"), i + 1,
				     phase_keys[k].name, _(phase_keys[k].expect));
		phase_id(c, def, i);
		usable[i] = true;
	}

	/* Second pass: everything else. */
	size_t prev = SIZE_MAX;
	for (i = 0; i < n; i++) {
		if (!usable[i])
			continue;
		const yfield *f = c->pf[i];
		bl_phase *ph = &def->phases[i];
		char label[64];
		if (f[F_TITLE].key) {
			snprintf(label, sizeof label, _("'title' of phase %zu"), i + 1);
			ph->title = y_get_text(&c->d, f[F_TITLE].key, f[F_TITLE].val, label,
					     _(phase_keys[F_TITLE].expect), false);
		}
		if (f[F_GUIDANCE].key && !y_is_null(f[F_GUIDANCE].val)) {
			snprintf(label, sizeof label, _("'guidance' of phase %zu"), i + 1);
			ph->guidance = y_get_text(&c->d, f[F_GUIDANCE].key, f[F_GUIDANCE].val,
						label, _(phase_keys[F_GUIDANCE].expect), true);
		}
		phase_window(c, def, i, &prev);
		if (f[F_CHECKLIST].key)
			phase_checklist(c, def, i, &f[F_CHECKLIST]);
		if (f[F_GATES].key)
			phase_gates(c, def, i, &f[F_GATES]);
		if (f[F_LOCKS].key)
			phase_locks(c, def, i, &f[F_LOCKS]);
	}
}

static void check_root(ctx *c, bl_process_def *def)
{
	const ynode *r = c->d.root;
	if (y_is_null(r)) {
		yerr_at(&c->d, 1, 1,
			_("the file is empty; expected a budgetlab file that starts "
			  "with 'budgetlab: 1'"));
		return;
	}
	if (r->type != Y_MAP) {
		y_nerr(&c->d, r, _("the file is %s at the top level; expected a mapping that "
			     "starts with 'budgetlab: 1'"),
		     y_what_is(r));
		return;
	}
	yfield f[N_TOP_KEYS];
	y_get_fields(&c->d, r, top_keys, N_TOP_KEYS, f, _("at the top level"));
	if (!f[0].key) {
		y_nerr(&c->d, r, _("the file has no '%s'; expected %s as its first line"),
		     "budgetlab", _(top_keys[0].expect));
	} else {
		/* Not get_int: its range would be all of int64. */
		const ynode *val = f[0].val;
		char q[BL_QUOTE_MAX];
		int64_t v = 0;
		if (y_is_null(val)) {
			y_nerr(&c->d, f[0].key, _("'budgetlab' is empty; expected budgetlab: 1"));
			return;
		}
		if (val->type != Y_SCALAR || !val->plain || strlen(val->text) != val->len ||
		    y_parse_int64(val->text, &v) != 0) {
			y_nerr(&c->d, val, _("budgetlab: %s%s%s is not a format version; expected "
				       "budgetlab: 1"),
			     val->type == Y_SCALAR ? "'" : "",
			     val->type == Y_SCALAR ? y_qt(val, q) : y_what_is(val),
			     val->type == Y_SCALAR ? "'" : "");
			return;
		}
		if (v != 1) {
			/* A later format: its other keys would only add noise. */
			y_nerr(&c->d, f[0].val, _("budgetlab: format version %" PRId64 " is not "
					    "supported by this budgetlab; expected budgetlab: 1"),
			     v);
			return;
		}
	}
	process_section(c, &f[1], def);
	phases_section(c, &f[2], def);
	bl_lab_yaml(&c->d, f[3].key, f[3].val, c->lang, &def->lab);
	/* After the phases: the section names them and can take its window
	 * from one.  The defaults only once the file is known to be good,
	 * since they look phases up by id. */
	bl_readings_yaml(&c->d, f[4].key, f[4].val, def);
	if (!c->d.n_errs && !c->d.oom && bl_readings_defaults(def, NULL) != 0)
		c->d.oom = true;
}


static int load(const char *text, size_t len, const char *name, bl_process_def **out,
		bl_err *err)
{
	ctx *c = calloc(1, sizeof *c);
	if (!c)
		return bl_err_set(err, _("out of memory"));
	ydoc_init(&c->d, name ? name : "(string)", text, len);
	c->lang = BL_LANG_DA;

	bl_process_def *def = NULL;
	if (c->d.len > BL_YAML_MAX_BYTES) {
		/* The whole file is the problem: no line or column to give. */
		bl_err_set(err, _("%s: the file is %zu bytes; expected a phase file of "
				  "at most %d bytes"),
			   c->d.name, c->d.len, BL_YAML_MAX_BYTES);
		free(c);
		return -1;
	}
	if (ydoc_parse(&c->d)) {
		def = calloc(1, sizeof *def);
		if (!def)
			c->d.oom = true;
		else
			check_root(c, def);
	}
	ydoc_free(&c->d);
	if (c->d.n_errs || c->d.oom) {
		bl_process_def_free(def);
		ydoc_flush(&c->d, err);
		free(c);
		return -1;
	}
	free(c);
	*out = def;
	return 0;
}

int bl_config_load_string(const char *text, size_t len, const char *name,
			  bl_process_def **out, bl_err *err)
{
	if (!out)
		return bl_err_set(err, _("no place to put the process definition"));
	*out = NULL;
	return load(text, len, name, out, err);
}

int bl_config_load_file(const char *path, bl_process_def **out, char **text_out,
			bl_err *err)
{
	if (text_out)
		*text_out = NULL;
	if (!out)
		return bl_err_set(err, _("no place to put the process definition"));
	*out = NULL;
	if (!path)
		return bl_err_set(err, _("no phase file was given; expected a path"));

	char *buf;
	size_t n;
	if (ydoc_read_file(path, _("a phase file"), &buf, &n, err) != 0)
		return -1;
	if (load(buf, n, path, out, err) != 0) {
		free(buf);
		return -1;
	}
	if (text_out)
		*text_out = buf;
	else
		free(buf);
	return 0;
}
