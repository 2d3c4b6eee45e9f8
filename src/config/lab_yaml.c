/* lab_yaml.c: the `labs:` section of a phase file (see lab_yaml.h and
 * budgetlab-process(5), LABS): the threshold below which a group counts
 * as under-represented, the default winner rule and tie-break, the
 * demographic categories with their population targets, and the ballot
 * types a lab can use.  Every problem is reported where it was written,
 * with what was expected, as in the rest of the phase file. */
#include "config.h"
#include "config/lab_yaml.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/rules.h"
#include "core/text.h"

/* Limits of the format. */
#define MAX_CATEGORIES 16
#define MAX_VALUES 64
#define MAX_BALLOT_TYPES 16
#define MAX_KEY_LEN 32
#define MAX_IDEAS 1000   /* min and max of a ballot */
#define MAX_POINTS 1000  /* points of a cumulative ballot */
#define DEFAULT_UNDER 8000

typedef struct lctx {
	ydoc *d;
	bl_lang lang;
} lctx;

/* ---- the keys of the section ---- */

enum { L_UNDER, L_RULE, L_TIE_BREAK, L_CATEGORIES, L_BALLOTS, N_LAB_KEYS };
static const keyspec lab_keys[N_LAB_KEYS] = {
	{ "under_represented_below", false,
	  N_("under_represented_below: a percentage of the target, e.g. 80%") },
	{ "rule", false, N_("rule: the name of a winner rule, e.g. greedy_cost") },
	{ "tie_break", false, N_("tie_break: id, id-number, cheaper or votes") },
	{ "categories", false,
	  N_("categories: a list of categories, each with a key and values") },
	{ "ballots", false, N_("ballots: a list of ballot types, each with a key and a type") },
};

enum { C_KEY, C_NAME, C_REQUIRED, C_VALUES, N_CAT_KEYS };
static const keyspec category_keys[N_CAT_KEYS] = {
	{ "key", true, N_("key: NAME of lower-case letters a-z, digits and '_', e.g. age") },
	{ "name", false, N_("name: TEXT, e.g. Alder") },
	{ "required", false, N_("required: true or false") },
	{ "values", true,
	  N_("values: a list of values, e.g. - {key: \"15-29\", name: 15–29 år, target: 20%}") },
};

enum { V_KEY, V_NAME, V_TARGET, N_VALUE_KEYS };
static const keyspec value_keys[N_VALUE_KEYS] = {
	{ "key", true,
	  N_("key: NAME of lower-case letters a-z, digits, '_' and '-', e.g. \"15-29\"") },
	{ "name", false, N_("name: TEXT, e.g. 15–29 år") },
	{ "target", false, N_("target: a share of the population, e.g. 20%") },
};

enum {
	B_KEY,
	B_NAME,
	B_TYPE,
	B_MIN,
	B_MAX,
	B_BUDGET_LIMIT,
	B_POINTS,
	B_MAX_PER_IDEA,
	B_ALL_POINTS,
	N_BALLOT_KEYS
};
static const keyspec ballot_keys[N_BALLOT_KEYS] = {
	{ "key", true, N_("key: NAME of lower-case letters a-z, digits and '_', e.g. approval") },
	{ "name", false, N_("name: TEXT, e.g. Godkendelse") },
	{ "type", true, N_("type: approval, cumulative or ranking") },
	{ "min", false, N_("min: the fewest ideas, an integer from 0 to 1000") },
	{ "max", false, N_("max: the most ideas, an integer from 0 (no limit) to 1000") },
	{ "budget_limit", false, N_("budget_limit: true or false") },
	{ "points", false, N_("points: the points each participant has, an integer from 1 to 1000") },
	{ "max_per_idea", false,
	  N_("max_per_idea: the most points on one idea, an integer from 0 (no limit) to 1000") },
	{ "all_points", false, N_("all_points: true or false") },
};

/* Which of the ballot keys from B_MIN on belong to each kind. */
static const unsigned kind_options[] = {
	[BL_BALLOT_APPROVAL] = 1u << B_MIN | 1u << B_MAX | 1u << B_BUDGET_LIMIT,
	[BL_BALLOT_CUMULATIVE] = 1u << B_POINTS | 1u << B_MAX_PER_IDEA | 1u << B_ALL_POINTS,
	[BL_BALLOT_RANKING] = 1u << B_MIN | 1u << B_MAX,
};
static const char *const kind_names[] = { "approval", "cumulative", "ranking" };
#define N_KINDS 3

/* The winner rules and tie-breaks a lab may name are those of rules.h,
 * so that the two never disagree. */
#define MAX_NAMES 32

static size_t rule_names(const char **names)
{
	size_t n = 0;
	for (int i = 0; i < BL_RULE_COUNT && n < MAX_NAMES; i++)
		if (bl_rule_name((bl_rule)i))
			names[n++] = bl_rule_name((bl_rule)i);
	return n;
}

static size_t tie_break_names(const char **names)
{
	size_t n = 0;
	for (int i = 0; i < BL_TIE_COUNT && n < MAX_NAMES; i++)
		if (bl_tie_name((bl_tie)i))
			names[n++] = bl_tie_name((bl_tie)i);
	return n;
}

/* ---- values ---- */

static char *dup_or_oom(lctx *c, const char *s)
{
	char *r = strdup(s);
	if (!r)
		c->d->oom = true;
	return r;
}

static bool given(const yfield *f)
{
	return f->key && !y_is_null(f->val);
}

/* [a-z][a-z0-9_]*, or with dashes and a leading digit for a value key. */
static bool valid_key(const char *s, bool value)
{
	if (!((*s >= 'a' && *s <= 'z') || (value && *s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' ||
		      (value && *s == '-')))
			return false;
	return true;
}

/* A key's text, checked against its pattern; NULL (with an error) if it
 * is not one. */
static char *get_key(lctx *c, const yfield *f, const char *label, const char *expect,
		     const char *example, bool value)
{
	char q[BL_QUOTE_MAX];
	char *s = y_get_text(c->d, f->key, f->val, label, expect, false);
	if (!s)
		return NULL;
	if (!valid_key(s, value)) {
		if (value)
			y_nerr(c->d, f->val,
			       _("%s: '%s' is not a valid key; expected lower-case letters "
				 "a-z, digits, '_' and '-', starting with a letter or a "
				 "digit, e.g. \"15-29\""),
			       label, y_qs(s, q));
		else
			y_nerr(c->d, f->val,
			       _("%s: '%s' is not a valid key; expected lower-case letters "
				 "a-z, digits and '_', starting with a letter, e.g. %s"),
			       label, y_qs(s, q), example);
		free(s);
		return NULL;
	}
	if (strlen(s) > MAX_KEY_LEN) {
		y_nerr(c->d, f->val, _("%s: '%s' is longer than %d characters; expected a "
				       "shorter key"),
		       label, y_qs(s, q), MAX_KEY_LEN);
		free(s);
		return NULL;
	}
	return s;
}

/* A boolean of an optional key (only called when it is given). */
static bool get_bool(lctx *c, const yfield *f, const char *label, bool *out)
{
	char q[BL_QUOTE_MAX];
	const ynode *v = f->val;
	if (y_is_bool(v)) {
		*out = y_bool_value(v);
		return true;
	}
	if (v->type == Y_SCALAR)
		y_nerr(c->d, v, _("%s is text ('%s'); expected true or false"), label,
		       y_qt(v, q));
	else
		y_nerr(c->d, v, _("%s is %s; expected true or false"), label, y_what_is(v));
	return false;
}

/* Why s is not a percentage, in a message that quotes it. */
static void bad_share(lctx *c, const ynode *v, const char *label, const char *s)
{
	char q[BL_QUOTE_MAX];
	const char *expect = _("expected a percentage from 0% to 100% with at most two "
			       "decimals, e.g. 12.5%");
	const char *p = s;
	while (*p == ' ')
		p++;
	bool neg = *p == '-' || *p == '+';
	if (neg)
		p++;
	size_t digits = 0, decimals = 0;
	bool point = false, nonzero = false;
	for (; (*p >= '0' && *p <= '9') || *p == '.' || *p == ','; p++) {
		if (*p == '.' || *p == ',') {
			if (point)
				break;
			point = true;
		} else if (point) {
			decimals++;
		} else {
			digits++;
			if (*p != '0')
				nonzero = true;
		}
	}
	while (*p == ' ')
		p++;
	bool number = digits > 0 && (!point || decimals > 0);
	y_qs(s, q);
	if (number && *p == '\0' && !neg && point && !nonzero) {
		/* A fraction such as 0.8: say what it is as a percentage. */
		char pct[32];
		const char *dec = strpbrk(s, ".,") + 1;
		size_t nd = strspn(dec, "0123456789"), k = 0;
		char dd[8];
		for (size_t i = 0; i < 4; i++)
			dd[i] = i < nd ? dec[i] : '0';
		size_t start = dd[0] == '0' ? 1 : 0;
		for (size_t i = start; i < 2; i++)
			pct[k++] = dd[i];
		if (nd > 2) {
			pct[k++] = '.';
			for (size_t i = 2; i < nd && i < 4; i++)
				pct[k++] = dd[i];
		}
		pct[k] = '\0';
		y_nerr(c->d, v, _("%s: '%s' has no '%%' sign; expected a percentage such as "
				  "%s%% (a share is written as a percentage: %s%%, not %s)"),
		       label, q, nd <= 4 ? pct : "20", nd <= 4 ? pct : "20",
		       nd <= 4 ? q : "0.2");
	}
	else if (number && *p == '\0' && !neg)
		y_nerr(c->d, v, _("%s: '%s' has no '%%' sign; expected a percentage such as "
				  "%s%%"),
		       label, q, q);
	else if (number && *p == '%' && p[1] == '\0' && neg)
		y_nerr(c->d, v, _("%s: '%s' is negative; %s"), label, q, expect);
	else if (number && *p == '%' && p[1] == '\0' && decimals > 2)
		y_nerr(c->d, v, _("%s: '%s' has more than two decimals; %s"), label, q, expect);
	else if (number && *p == '%' && p[1] == '\0')
		y_nerr(c->d, v, _("%s: '%s' is more than 100%%; %s"), label, q, expect);
	else
		y_nerr(c->d, v, _("%s: '%s' is not a percentage; %s"), label, q, expect);
}

/* A percentage (only called when the key is given). */
static bool get_share(lctx *c, const yfield *f, const char *label, uint32_t *out)
{
	const ynode *v = f->val;
	if (v->type != Y_SCALAR || y_is_bool(v)) {
		y_nerr(c->d, v, _("%s is %s; expected a percentage such as 12.5%%"), label,
		       y_what_is(v));
		return false;
	}
	if (strlen(v->text) != v->len || bl_share_parse(v->text, out) != 0) {
		bad_share(c, v, label, v->text);
		return false;
	}
	return true;
}

/* A name from a list (rule, tie_break, type): its index, or -1 with an
 * error that suggests the nearest. */
static int get_word(lctx *c, const yfield *f, const char *label, const char *what,
		    const char *const *names, size_t n)
{
	char q[BL_QUOTE_MAX], list[512];
	const ynode *v = f->val;
	bl_text_join(names, n, list, sizeof list);
	if (v->type != Y_SCALAR || y_is_bool(v)) {
		y_nerr(c->d, v, _("%s is %s; expected one of: %s"), label, y_what_is(v), list);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (strlen(v->text) == v->len && strcmp(v->text, names[i]) == 0)
			return (int)i;
	const char *near = y_nearest(v->text, names, n);
	if (near)
		y_nerr(c->d, v, _("%s: '%s' is not %s; did you mean '%s'? expected one of: %s"),
		       label, y_qt(v, q), what, near, list);
	else
		y_nerr(c->d, v, _("%s: '%s' is not %s; expected one of: %s"), label,
		       y_qt(v, q), what, list);
	return -1;
}

/* ---- categories ---- */

static void one_value(lctx *c, const ynode *it, size_t ci, size_t vi, bl_category *cat,
		      const ynode **key_at, uint32_t *sum, bool *sum_reported)
{
	char where[96], label[128], q[BL_QUOTE_MAX], a[32];
	bl_category_value *val = &cat->values[vi];
	val->target = BL_NO_TARGET;
	if (it->type != Y_MAP) {
		y_nerr(c->d, it, _("value %zu of category %zu is %s; expected a mapping with a "
				   "key, e.g. - {key: \"15-29\", name: 15–29 år, target: 20%%}"),
		       vi + 1, ci + 1, y_what_is(it));
		return;
	}
	yfield f[N_VALUE_KEYS];
	snprintf(where, sizeof where, _("in value %zu of category %zu"), vi + 1, ci + 1);
	y_get_fields(c->d, it, value_keys, N_VALUE_KEYS, f, where);
	for (size_t k = 0; k < N_VALUE_KEYS; k++)
		if (value_keys[k].required && !f[k].key)
			y_nerr(c->d, it, _("value %zu of category %zu has no '%s'; expected %s"),
			       vi + 1, ci + 1, value_keys[k].name, _(value_keys[k].expect));
	if (f[V_KEY].key) {
		snprintf(label, sizeof label, _("'key' of value %zu of category %zu"), vi + 1,
			 ci + 1);
		char *k = get_key(c, &f[V_KEY], label, _(value_keys[V_KEY].expect), NULL, true);
		for (size_t j = 0; k && j < vi; j++) {
			if (cat->values[j].key && strcmp(cat->values[j].key, k) == 0) {
				y_nerr(c->d, f[V_KEY].val,
				       _("value key '%s' is already used in category %zu at line "
					 "%d; expected a different key for each value"),
				       y_qs(k, q), ci + 1, key_at[j]->line);
				free(k);
				k = NULL;
			}
		}
		val->key = k;
		key_at[vi] = f[V_KEY].val;
	}
	if (given(&f[V_NAME])) {
		snprintf(label, sizeof label, _("'name' of value %zu of category %zu"), vi + 1,
			 ci + 1);
		val->name = y_get_text(c->d, f[V_NAME].key, f[V_NAME].val, label,
				       _(value_keys[V_NAME].expect), false);
	} else if (val->key) {
		val->name = dup_or_oom(c, val->key);
	}
	if (given(&f[V_TARGET])) {
		snprintf(label, sizeof label, _("'target' of value %zu of category %zu"), vi + 1,
			 ci + 1);
		uint32_t t;
		if (get_share(c, &f[V_TARGET], label, &t)) {
			val->target = t;
			*sum += t;
			if (*sum > 10000 && !*sum_reported) {
				bl_share_format(*sum, c->lang, a, sizeof a);
				y_nerr(c->d, f[V_TARGET].val,
				       _("the targets of category %zu add up to %s with this "
					 "one; expected at most 100 %% in all"),
				       ci + 1, a);
				*sum_reported = true;
			}
		}
	}
}

static void one_category(lctx *c, const ynode *it, size_t ci, bl_lab_def *lab,
			 const ynode **cat_key_at)
{
	char where[64], label[96], q[BL_QUOTE_MAX];
	bl_category *cat = &lab->categories[ci];
	if (it->type != Y_MAP) {
		y_nerr(c->d, it, _("category %zu is %s; expected a mapping with a key and "
				   "values, e.g. - key: age"),
		       ci + 1, y_what_is(it));
		return;
	}
	yfield f[N_CAT_KEYS];
	snprintf(where, sizeof where, _("in category %zu"), ci + 1);
	y_get_fields(c->d, it, category_keys, N_CAT_KEYS, f, where);
	for (size_t k = 0; k < N_CAT_KEYS; k++)
		if (category_keys[k].required && !f[k].key)
			y_nerr(c->d, it, _("category %zu has no '%s'; expected %s"), ci + 1,
			       category_keys[k].name, _(category_keys[k].expect));
	if (f[C_KEY].key) {
		snprintf(label, sizeof label, _("'key' of category %zu"), ci + 1);
		char *k = get_key(c, &f[C_KEY], label, _(category_keys[C_KEY].expect), "age",
				  false);
		for (size_t j = 0; k && j < ci; j++) {
			if (lab->categories[j].key && strcmp(lab->categories[j].key, k) == 0) {
				y_nerr(c->d, f[C_KEY].val,
				       _("category key '%s' is already used at line %d; expected "
					 "a different key for each category"),
				       y_qs(k, q), cat_key_at[j]->line);
				free(k);
				k = NULL;
			}
		}
		cat->key = k;
		cat_key_at[ci] = f[C_KEY].val;
	}
	if (given(&f[C_NAME])) {
		snprintf(label, sizeof label, _("'name' of category %zu"), ci + 1);
		cat->name = y_get_text(c->d, f[C_NAME].key, f[C_NAME].val, label,
				       _(category_keys[C_NAME].expect), false);
	} else if (cat->key) {
		cat->name = dup_or_oom(c, cat->key);
	}
	if (given(&f[C_REQUIRED])) {
		snprintf(label, sizeof label, _("'required' of category %zu"), ci + 1);
		get_bool(c, &f[C_REQUIRED], label, &cat->required);
	}
	if (!f[C_VALUES].key)
		return;
	const ynode *seq = f[C_VALUES].val;
	if (y_is_null(seq) || (seq->type == Y_SEQ && seq->n == 0)) {
		y_nerr(c->d, y_is_null(seq) ? f[C_VALUES].key : seq,
		       _("'values' of category %zu is empty; expected at least one value, "
			 "e.g. - {key: \"15-29\", name: 15–29 år, target: 20%%}"),
		       ci + 1);
		return;
	}
	snprintf(label, sizeof label, _("'values' of category %zu"), ci + 1);
	if (!y_get_list(c->d, seq, label, _("a list of values, each with a key")))
		return;
	size_t n = seq->n < MAX_VALUES ? seq->n : MAX_VALUES;
	cat->values = calloc(n, sizeof *cat->values);
	if (!cat->values) {
		c->d->oom = true;
		return;
	}
	cat->n_values = n;
	const ynode *key_at[MAX_VALUES] = { NULL };
	uint32_t sum = 0;
	bool sum_reported = false;
	size_t vi = 0;
	for (const ynode *v = seq->first; v; v = v->next, vi++) {
		if (vi == MAX_VALUES) {
			y_nerr(c->d, v, _("category %zu has more than %d values; expected at "
					  "most %d"),
			       ci + 1, MAX_VALUES, MAX_VALUES);
			break;
		}
		one_value(c, v, ci, vi, cat, key_at, &sum, &sum_reported);
	}
}

static void categories_section(lctx *c, const yfield *f, bl_lab_def *lab)
{
	const ynode *seq = f->val;
	if (!y_get_list(c->d, seq, "'categories'",
			_("a list of categories, each starting with '- key:'")))
		return;
	if (seq->n == 0)
		return;
	size_t n = seq->n < MAX_CATEGORIES ? seq->n : MAX_CATEGORIES;
	lab->categories = calloc(n, sizeof *lab->categories);
	if (!lab->categories) {
		c->d->oom = true;
		return;
	}
	lab->n_categories = n;
	const ynode *key_at[MAX_CATEGORIES] = { NULL };
	size_t i = 0;
	for (const ynode *it = seq->first; it; it = it->next, i++) {
		if (i == MAX_CATEGORIES) {
			y_nerr(c->d, it, _("there are more than %d categories; expected at "
					   "most %d"),
			       MAX_CATEGORIES, MAX_CATEGORIES);
			break;
		}
		one_category(c, it, i, lab, key_at);
	}
}

/* ---- ballot types ---- */

static void one_ballot(lctx *c, const ynode *it, size_t bi, bl_lab_def *lab,
		       const ynode **key_at)
{
	char where[64], label[96], q[BL_QUOTE_MAX];
	bl_ballot_type *b = &lab->ballot_types[bi];
	b->lang = c->lang;
	if (it->type != Y_MAP) {
		y_nerr(c->d, it, _("ballot %zu is %s; expected a mapping with a key and a "
				   "type, e.g. - {key: approval, type: approval}"),
		       bi + 1, y_what_is(it));
		return;
	}
	yfield f[N_BALLOT_KEYS];
	snprintf(where, sizeof where, _("in ballot %zu"), bi + 1);
	y_get_fields(c->d, it, ballot_keys, N_BALLOT_KEYS, f, where);
	for (size_t k = 0; k < N_BALLOT_KEYS; k++)
		if (ballot_keys[k].required && !f[k].key)
			y_nerr(c->d, it, _("ballot %zu has no '%s'; expected %s"), bi + 1,
			       ballot_keys[k].name, _(ballot_keys[k].expect));
	if (f[B_KEY].key) {
		snprintf(label, sizeof label, _("'key' of ballot %zu"), bi + 1);
		char *k = get_key(c, &f[B_KEY], label, _(ballot_keys[B_KEY].expect), "approval",
				  false);
		for (size_t j = 0; k && j < bi; j++) {
			if (lab->ballot_types[j].key && strcmp(lab->ballot_types[j].key, k) == 0) {
				y_nerr(c->d, f[B_KEY].val,
				       _("ballot key '%s' is already used at line %d; expected a "
					 "different key for each ballot"),
				       y_qs(k, q), key_at[j]->line);
				free(k);
				k = NULL;
			}
		}
		b->key = k;
		key_at[bi] = f[B_KEY].val;
	}
	if (given(&f[B_NAME])) {
		snprintf(label, sizeof label, _("'name' of ballot %zu"), bi + 1);
		b->name = y_get_text(c->d, f[B_NAME].key, f[B_NAME].val, label,
				     _(ballot_keys[B_NAME].expect), false);
	} else if (b->key) {
		b->name = dup_or_oom(c, b->key);
	}
	int kind = -1;
	if (f[B_TYPE].key) {
		snprintf(label, sizeof label, _("'type' of ballot %zu"), bi + 1);
		if (y_is_null(f[B_TYPE].val))
			y_nerr(c->d, f[B_TYPE].key, _("%s is empty; expected %s"), label,
			       _(ballot_keys[B_TYPE].expect));
		else
			kind = get_word(c, &f[B_TYPE], label, _("a ballot type"), kind_names,
					N_KINDS);
	}
	if (kind < 0)
		return; /* which options belong depends on the type */
	b->kind = (bl_ballot_kind)kind;
	b->min = kind == BL_BALLOT_CUMULATIVE ? 0 : 1;

	/* The options of other types. */
	bool wrong = false;
	for (int k = B_MIN; k < N_BALLOT_KEYS; k++) {
		if (!f[k].key || (kind_options[kind] & (1u << k)))
			continue;
		const char *own[N_BALLOT_KEYS];
		size_t n_own = 0;
		char list[256];
		for (int j = B_MIN; j < N_BALLOT_KEYS; j++)
			if (kind_options[kind] & (1u << j))
				own[n_own++] = ballot_keys[j].name;
		y_nerr(c->d, f[k].key,
		       _("'%s' is not an option of %s ballot (ballot %zu); expected only "
			 "key, name, type and %s"),
		       ballot_keys[k].name,
		       kind == BL_BALLOT_APPROVAL ? _("an approval") :
		       kind == BL_BALLOT_CUMULATIVE ? _("a cumulative") : _("a ranking"),
		       bi + 1, bl_text_join(own, n_own, list, sizeof list));
		wrong = true;
	}
	if (wrong)
		return;

	int64_t v;
	if (given(&f[B_MIN])) {
		snprintf(label, sizeof label, _("'min' of ballot %zu"), bi + 1);
		if (y_get_int(c->d, f[B_MIN].key, f[B_MIN].val, label, 0, MAX_IDEAS, &v))
			b->min = (int)v;
	}
	if (given(&f[B_MAX])) {
		snprintf(label, sizeof label, _("'max' of ballot %zu"), bi + 1);
		if (y_get_int(c->d, f[B_MAX].key, f[B_MAX].val, label, 0, MAX_IDEAS, &v))
			b->max = (int)v;
	}
	if (b->max > 0 && b->min > b->max)
		y_nerr(c->d, given(&f[B_MIN]) ? f[B_MIN].val : f[B_MAX].val,
		       _("ballot %zu has min: %d and max: %d; expected min at most max "
			 "(max: 0 is no limit)"),
		       bi + 1, b->min, b->max);
	if (given(&f[B_BUDGET_LIMIT])) {
		snprintf(label, sizeof label, _("'budget_limit' of ballot %zu"), bi + 1);
		get_bool(c, &f[B_BUDGET_LIMIT], label, &b->budget_limit);
	}
	if (kind == BL_BALLOT_CUMULATIVE) {
		if (!given(&f[B_POINTS]))
			y_nerr(c->d, f[B_POINTS].key ? f[B_POINTS].key : it,
			       _("ballot %zu is cumulative but has no points; expected %s"),
			       bi + 1, _(ballot_keys[B_POINTS].expect));
		else {
			snprintf(label, sizeof label, _("'points' of ballot %zu"), bi + 1);
			if (y_get_int(c->d, f[B_POINTS].key, f[B_POINTS].val, label, 1,
				      MAX_POINTS, &v))
				b->points = (int)v;
		}
	}
	if (given(&f[B_MAX_PER_IDEA])) {
		snprintf(label, sizeof label, _("'max_per_idea' of ballot %zu"), bi + 1);
		if (y_get_int(c->d, f[B_MAX_PER_IDEA].key, f[B_MAX_PER_IDEA].val, label, 0,
			      MAX_POINTS, &v)) {
			b->max_per_idea = (int)v;
			if (b->points > 0 && v > b->points)
				y_nerr(c->d, f[B_MAX_PER_IDEA].val,
				       _("%s: %d is more than the %d points a participant "
					 "has; expected at most %d (0 is no limit)"),
				       label, (int)v, b->points, b->points);
		}
	}
	if (given(&f[B_ALL_POINTS])) {
		snprintf(label, sizeof label, _("'all_points' of ballot %zu"), bi + 1);
		get_bool(c, &f[B_ALL_POINTS], label, &b->all_points);
	}
}

static void ballots_section(lctx *c, const yfield *f, bl_lab_def *lab)
{
	const ynode *seq = f->val;
	if (!y_get_list(c->d, seq, "'ballots'",
			_("a list of ballot types, each starting with '- key:'")))
		return;
	if (seq->n == 0)
		return;
	size_t n = seq->n < MAX_BALLOT_TYPES ? seq->n : MAX_BALLOT_TYPES;
	lab->ballot_types = calloc(n, sizeof *lab->ballot_types);
	if (!lab->ballot_types) {
		c->d->oom = true;
		return;
	}
	lab->n_ballot_types = n;
	const ynode *key_at[MAX_BALLOT_TYPES] = { NULL };
	size_t i = 0;
	for (const ynode *it = seq->first; it; it = it->next, i++) {
		if (i == MAX_BALLOT_TYPES) {
			y_nerr(c->d, it, _("there are more than %d ballots; expected at most %d"),
			       MAX_BALLOT_TYPES, MAX_BALLOT_TYPES);
			break;
		}
		one_ballot(c, it, i, lab, key_at);
	}
}

/* ---- the section ---- */

void bl_lab_yaml(ydoc *d, const ynode *key, const ynode *val, bl_lang lang,
		 bl_lab_def *lab)
{
	lctx c = { d, lang };
	lab->under = DEFAULT_UNDER;
	if (!lab->rule)
		lab->rule = dup_or_oom(&c, "greedy_cost");
	if (!lab->tie_break)
		lab->tie_break = dup_or_oom(&c, "id");
	if (!key || y_is_null(val))
		return;
	if (val->type != Y_MAP) {
		y_nerr(d, val, _("'labs' is %s; expected a mapping with categories and "
				 "ballots, e.g. labs: {categories: [...], ballots: [...]}"),
		       y_what_is(val));
		return;
	}
	yfield f[N_LAB_KEYS];
	y_get_fields(d, val, lab_keys, N_LAB_KEYS, f, _("in labs"));
	char label[64];
	if (given(&f[L_UNDER])) {
		snprintf(label, sizeof label, "'%s'", lab_keys[L_UNDER].name);
		uint32_t u;
		if (get_share(&c, &f[L_UNDER], label, &u))
			lab->under = u;
	}
	const char *names[MAX_NAMES];
	if (given(&f[L_RULE])) {
		size_t n = rule_names(names);
		int i = get_word(&c, &f[L_RULE], "'rule'", _("a winner rule"), names, n);
		if (i >= 0) {
			free(lab->rule);
			lab->rule = dup_or_oom(&c, names[i]);
		}
	}
	if (given(&f[L_TIE_BREAK])) {
		size_t n = tie_break_names(names);
		int i = get_word(&c, &f[L_TIE_BREAK], "'tie_break'", _("a tie-break"), names, n);
		if (i >= 0) {
			free(lab->tie_break);
			lab->tie_break = dup_or_oom(&c, names[i]);
		}
	}
	if (f[L_CATEGORIES].key)
		categories_section(&c, &f[L_CATEGORIES], lab);
	if (f[L_BALLOTS].key)
		ballots_section(&c, &f[L_BALLOTS], lab);
}
