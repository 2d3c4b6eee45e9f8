#include "config.h"
#include "core/gates.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/process.h"

const char *const bl_version_keys[] = { "proposal", "first_reading", "adopted" };
const size_t bl_n_versions = sizeof bl_version_keys / sizeof bl_version_keys[0];

bool bl_version_valid(const char *key)
{
	for (size_t i = 0; key && i < bl_n_versions; i++)
		if (strcmp(key, bl_version_keys[i]) == 0)
			return true;
	return false;
}

/* Append to a bounded buffer; silently stops at the end (messages are for
 * people, and a cut list still says what matters first). */
static void app(char *buf, size_t sz, const char *fmt, ...) BL_PRINTF(3, 4);
static void app(char *buf, size_t sz, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= sz)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, sz - len, fmt, ap);
	va_end(ap);
}

static bl_lang lang_of(const bl_facts_ops *ops, void *ctx)
{
	bl_lang lang = BL_LANG_DA;
	if (ops->language && ops->language(ctx, &lang, NULL) != 0)
		lang = BL_LANG_DA;
	return lang;
}

/* How many names a failure message lists before "and N more". */
#define LIST_MAX 5

static int areas_goal(const bl_gate_ref *ref, const bl_facts_ops *ops, void *ctx, bool agreed,
		      char *why, size_t whysz, bl_err *err)
{
	int level = (int)ref->args[0].i;
	char **codes = NULL;
	size_t n = 0;
	int64_t total = 0;
	if (agreed && !ops->areas_without_agreed_goal)
		return bl_err_set(err, _("this database cannot say which goals are agreed"));
	if ((agreed ? ops->areas_without_agreed_goal : ops->areas_without_goal)(
		    ctx, level, &codes, &n, &total, err) != 0)
		return -1;
	int result;
	if (total == 0) {
		snprintf(why, whysz, _("there are no areas at level %d yet"), level);
		result = 0;
	} else if (n == 0) {
		snprintf(why, whysz,
			 agreed ? _("all %" PRId64 " areas at level %d have an agreed goal")
				: _("all %" PRId64 " areas at level %d have a goal"),
			 total, level);
		result = 1;
	} else {
		snprintf(why, whysz,
			 agreed ? _("%zu of %" PRId64 " areas at level %d have no agreed goal: ")
				: _("%zu of %" PRId64 " areas at level %d have no goal: "),
			 n, total, level);
		for (size_t i = 0; i < n && i < LIST_MAX; i++)
			app(why, whysz, "%s%s", i ? ", " : "", codes[i]);
		if (n > LIST_MAX)
			app(why, whysz, _(" and %zu more"), n - LIST_MAX);
		result = 0;
	}
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return result;
}

static int eval_every_area_has_goal(const bl_phase *phase, const bl_gate_ref *ref,
				    const bl_facts_ops *ops, void *ctx,
				    char *why, size_t whysz, bl_err *err)
{
	(void)phase;
	return areas_goal(ref, ops, ctx, false, why, whysz, err);
}

static int eval_every_area_has_agreed_goal(const bl_phase *phase, const bl_gate_ref *ref,
					   const bl_facts_ops *ops, void *ctx, char *why,
					   size_t whysz, bl_err *err)
{
	(void)phase;
	return areas_goal(ref, ops, ctx, true, why, whysz, err);
}

/* The process's own goals: broad involvement. */
static int eval_min_participants(const bl_phase *phase, const bl_gate_ref *ref,
				 const bl_facts_ops *ops, void *ctx, char *why, size_t whysz,
				 bl_err *err)
{
	(void)phase;
	int64_t want = ref->args[0].i, n = 0;
	if (!ops->participants)
		return bl_err_set(err, _("this database cannot count the labs' participants"));
	if (ops->participants(ctx, &n, err) != 0)
		return -1;
	snprintf(why, whysz, _("%" PRId64 " participants have signed in to the labs; the"
			       " process aims at %" PRId64 " at least"), n, want);
	return n >= want ? 1 : 0;
}

/* ... and representation: no group with a target share is
 * under-represented among all the labs' participants (bl_repr_compute,
 * with the `labs:` section's threshold). */
static int eval_participants_represent(const bl_phase *phase, const bl_gate_ref *ref,
				       const bl_facts_ops *ops, void *ctx, char *why,
				       size_t whysz, bl_err *err)
{
	(void)phase;
	(void)ref;
	const bl_lab_def *lab = ops->lab_def ? ops->lab_def(ctx) : NULL;
	if (!lab || !ops->category_counts || !ops->participants)
		return bl_err_set(err, _("participants_represent needs the `labs:` section's"
					 " categories and their targets"));
	int64_t total;
	if (ops->participants(ctx, &total, err) != 0)
		return -1;
	bl_lang lang = lang_of(ops, ctx);
	size_t n_under = 0, n_targets = 0;
	why[0] = '\0';
	for (size_t c = 0; c < lab->n_categories; c++) {
		const bl_category *cat = &lab->categories[c];
		size_t nv = cat->n_values;
		const char **keys = nv ? calloc(nv, sizeof *keys) : NULL;
		size_t *counts = nv ? calloc(nv, sizeof *counts) : NULL;
		bl_repr_row *rows = nv ? calloc(nv, sizeof *rows) : NULL;
		if (nv && (!keys || !counts || !rows)) {
			free(keys);
			free(counts);
			free(rows);
			return bl_err_set(err, _("out of memory"));
		}
		for (size_t v = 0; v < nv; v++)
			keys[v] = cat->values[v].key;
		int rc = ops->category_counts(ctx, cat->key, keys, nv, counts, err);
		if (rc == 0) {
			bl_repr_compute(cat, counts, (size_t)total, lab->under, rows);
			for (size_t v = 0; v < nv; v++) {
				if (cat->values[v].target == BL_NO_TARGET)
					continue;
				n_targets++;
				if (!rows[v].under)
					continue;
				char sh[32], tg[32];
				bl_share_format(rows[v].share, lang, sh, sizeof sh);
				bl_share_format(rows[v].target, lang, tg, sizeof tg);
				if (n_under < LIST_MAX)
					app(why, whysz, "%s%s %s: %s (%s %s)", n_under ? "; " : "",
					    cat->name, cat->values[v].name, sh, _("target"), tg);
				n_under++;
			}
		}
		free(keys);
		free(counts);
		free(rows);
		if (rc != 0)
			return -1;
	}
	if (n_targets == 0) {
		snprintf(why, whysz, _("the `labs:` section sets no target shares to compare with"));
		return 0;
	}
	if (total == 0) {
		snprintf(why, whysz, _("no participant has signed in to a lab yet"));
		return 0;
	}
	if (n_under == 0) {
		snprintf(why, whysz, _("no group is under-represented among the %" PRId64
				       " participants (%zu target shares)"), total, n_targets);
		return 1;
	}
	char head[96];
	snprintf(head, sizeof head, _("%zu group(s) under-represented: "), n_under);
	size_t hl = strlen(head), wl = strlen(why);
	if (hl + wl + 1 <= whysz) {
		memmove(why + hl, why, wl + 1);
		memcpy(why, head, hl);
	}
	if (n_under > LIST_MAX)
		app(why, whysz, _(" and %zu more"), n_under - LIST_MAX);
	return 0;
}

static int eval_budget_balances(const bl_phase *phase, const bl_gate_ref *ref,
				const bl_facts_ops *ops, void *ctx, char *why,
				size_t whysz, bl_err *err)
{
	const char *version = ref->args[0].s;
	bl_money tolerance = ref->args[1].m;
	int first, n;
	int64_t count;
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS];
	if (ops->years(ctx, &first, &n, err) != 0)
		return -1;
	if (n < 1 || n > BL_MAX_YEARS)
		return bl_err_set(err, _("the process has %d years; expected 1 to %d"),
				  n, BL_MAX_YEARS);
	if (ops->amount_count(ctx, version, &count, err) != 0)
		return -1;
	if (count == 0) {
		snprintf(why, whysz, _("the %s version has no amounts yet"), version);
		return 0;
	}
	if (ops->year_totals(ctx, version, income, expense, err) != 0)
		return -1;
	bl_lang lang = lang_of(ops, ctx);
	int bad = 0;
	why[0] = '\0';
	for (int i = 0; i < n; i++) {
		bl_money deficit;
		char amt[BL_MONEY_BUFSZ];
		if (!bl_money_sub(expense[i], income[i], &deficit)) {
			/* The difference does not fit in 64 bits (a file from
			 * before the store refused such totals): its sign is
			 * still known, and a deficit that large fails. */
			if (expense[i] < income[i])
				continue;
			bl_money_format_whole(BL_MONEY_MAX, lang, amt, sizeof amt);
			app(why, whysz, _("%s%d: expenses exceed income by more than %s kr."),
			    bad ? "; " : "", first + i, amt);
			bad++;
			continue;
		}
		if (deficit <= tolerance)
			continue;
		bl_money_format_whole(deficit, lang, amt, sizeof amt);
		app(why, whysz, _("%s%d: expenses exceed income by %s kr."),
		    bad ? "; " : "", first + i, amt);
		bad++;
	}
	if (bad)
		return 0;
	snprintf(why, whysz, _("income covers expenses in all %d years of the %s version"),
		 n, version);
	return 1;
}

static int eval_min_days_since(const bl_phase *phase, const bl_gate_ref *ref,
			       const bl_facts_ops *ops, void *ctx, char *why,
			       size_t whysz, bl_err *err)
{
	const char *other = ref->args[0].s;
	int64_t days = ref->args[1].i;
	bool entered = false;
	bl_date when = 0;
	if (ops->phase_entered(ctx, other, &entered, &when, err) != 0)
		return -1;
	if (!entered) {
		snprintf(why, whysz, _("phase '%s' has not begun yet"), other);
		return 0;
	}
	bl_date today = ops->today(ctx);
	int64_t passed = (int64_t)today - when;
	char d1[11], d2[11];
	bl_date_format(when, d1);
	if (passed >= days) {
		snprintf(why, whysz,
			 _("%" PRId64 " days since '%s' began on %s (at least %" PRId64 " needed)"),
			 passed, other, d1, days);
		return 1;
	}
	bl_date_format((bl_date)(when + days), d2);
	snprintf(why, whysz,
		 _("only %" PRId64 " of %" PRId64 " days have passed since '%s' began on %s; earliest %s"),
		 passed < 0 ? 0 : passed, days, other, d1, d2);
	return 0;
}

static int eval_checklist_complete(const bl_phase *phase, const bl_gate_ref *ref,
				   const bl_facts_ops *ops, void *ctx,
				   char *why, size_t whysz, bl_err *err)
{
	size_t n = phase->n_checklist;
	if (n == 0) {
		snprintf(why, whysz, _("the phase has no checklist"));
		return 1;
	}
	bool *done = calloc(n, sizeof *done);
	if (!done)
		return bl_err_set(err, _("out of memory"));
	if (ops->checklist_done(ctx, phase->id, done, n, err) != 0) {
		free(done);
		return -1;
	}
	size_t open = 0;
	for (size_t i = 0; i < n; i++)
		open += !done[i];
	if (open == 0) {
		snprintf(why, whysz, _("all %zu checklist items are done"), n);
		free(done);
		return 1;
	}
	snprintf(why, whysz, _("%zu of %zu checklist items are open: "), open, n);
	size_t listed = 0;
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		if (listed < 3)
			app(why, whysz, "%s%zu. %s", listed ? "; " : "", i + 1,
			    phase->checklist[i]);
		listed++;
	}
	if (listed > 3)
		app(why, whysz, _(" and %zu more"), listed - 3);
	free(done);
	return 0;
}

static int eval_version_has_amounts(const bl_phase *phase, const bl_gate_ref *ref,
				    const bl_facts_ops *ops, void *ctx,
				    char *why, size_t whysz, bl_err *err)
{
	int64_t count;
	if (ops->amount_count(ctx, ref->args[0].s, &count, err) != 0)
		return -1;
	if (count == 0) {
		snprintf(why, whysz, _("the %s version has no amounts yet"),
			 ref->args[0].s);
		return 0;
	}
	snprintf(why, whysz, _("the %s version has %" PRId64 " amounts"),
		 ref->args[0].s, count);
	return 1;
}

static int eval_not_before(const bl_phase *phase, const bl_gate_ref *ref,
			   const bl_facts_ops *ops, void *ctx, char *why,
			   size_t whysz, bl_err *err)
{
	bl_date today = ops->today(ctx);
	char d[11], t[11];
	bl_date_format(ref->args[0].d, d);
	bl_date_format(today, t);
	if (today >= ref->args[0].d) {
		snprintf(why, whysz, _("%s has been reached (today is %s)"), d, t);
		return 1;
	}
	snprintf(why, whysz, _("not before %s (today is %s)"), d, t);
	return 0;
}

/* every_amendment_decided and every_response_commented: the same check on
 * two registers. */
typedef int (*open_items_fn)(void *ctx, int64_t *numbers, size_t max, size_t *n,
			     int64_t *n_total, bl_err *err);

/* amendments: true for every_amendment_decided, false for responses. */
static int open_items(bool amendments, const bl_facts_ops *ops, void *ctx, char *why,
		      size_t whysz, bl_err *err)
{
	open_items_fn fn = amendments ? ops->amendments_undecided : ops->responses_uncommented;
	int64_t nums[LIST_MAX], total;
	size_t n;
	if (!fn)
		return bl_err_set(err, _("this gate needs a database of schema 4 or later"));
	if (fn(ctx, nums, LIST_MAX, &n, &total, err) != 0)
		return -1;
	if (total == 0) {
		snprintf(why, whysz, "%s",
			 amendments ? _("no amendments were tabled")
				    : _("no hearing responses were registered"));
		return 1;
	}
	if (n == 0) {
		if (amendments)
			snprintf(why, whysz, _("all %" PRId64 " amendments are decided"), total);
		else
			snprintf(why, whysz, _("all %" PRId64 " hearing responses have the"
					       " administration's comment"), total);
		return 1;
	}
	if (amendments)
		snprintf(why, whysz, _("%zu of %" PRId64 " amendments are not decided:"), n, total);
	else
		snprintf(why, whysz, _("%zu of %" PRId64 " hearing responses have no administration"
				       " comment:"), n, total);
	for (size_t i = 0; i < n && i < LIST_MAX; i++)
		app(why, whysz, "%s%" PRId64, i ? ", " : " ", nums[i]);
	if (n > LIST_MAX)
		app(why, whysz, _(" and %zu more"), n - LIST_MAX);
	return 0;
}

static int eval_every_amendment_decided(const bl_phase *phase, const bl_gate_ref *ref,
					const bl_facts_ops *ops, void *ctx, char *why,
					size_t whysz, bl_err *err)
{
	(void)phase;
	(void)ref;
	return open_items(true, ops, ctx, why, whysz, err);
}

static int eval_every_response_commented(const bl_phase *phase, const bl_gate_ref *ref,
					 const bl_facts_ops *ops, void *ctx, char *why,
					 size_t whysz, bl_err *err)
{
	(void)phase;
	(void)ref;
	return open_items(false, ops, ctx, why, whysz, err);
}

static int eval_balances_or_deficit_accepted(const bl_phase *phase, const bl_gate_ref *ref,
					     const bl_facts_ops *ops, void *ctx, char *why,
					     size_t whysz, bl_err *err)
{
	(void)phase;
	const char *version = ref->args[0].s;
	int first, n;
	int64_t count;
	bool has = false;
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS], accepted[BL_MAX_YEARS] = { 0 };
	if (!ops->deficit_accepted)
		return bl_err_set(err, _("this gate needs a database of schema 4 or later"));
	if (ops->years(ctx, &first, &n, err) != 0)
		return -1;
	if (n < 1 || n > BL_MAX_YEARS)
		return bl_err_set(err, _("the process has %d years; expected 1 to %d"), n,
				  BL_MAX_YEARS);
	if (ops->amount_count(ctx, version, &count, err) != 0)
		return -1;
	if (count == 0) {
		snprintf(why, whysz, _("the %s version has no amounts yet"), version);
		return 0;
	}
	if (ops->year_totals(ctx, version, income, expense, err) != 0 ||
	    ops->deficit_accepted(ctx, version, &has, accepted, err) != 0)
		return -1;
	bl_lang lang = lang_of(ops, ctx);
	int bad = 0, covered = 0;
	why[0] = '\0';
	for (int i = 0; i < n; i++) {
		bl_money deficit;
		char amt[BL_MONEY_BUFSZ], acc[BL_MONEY_BUFSZ];
		if (!bl_money_sub(expense[i], income[i], &deficit)) {
			if (expense[i] < income[i])
				continue;
			deficit = BL_MONEY_MAX;
		}
		if (deficit <= 0)
			continue;
		bl_money_format_whole(deficit, lang, amt, sizeof amt);
		if (has && deficit <= accepted[i]) {
			covered++;
			continue;
		}
		if (has && accepted[i] > 0) {
			bl_money_format_whole(accepted[i], lang, acc, sizeof acc);
			app(why, whysz, _("%s%d: expenses exceed income by %s kr., more than the"
					  " %s kr. accepted"), bad ? "; " : "", first + i, amt, acc);
		} else {
			app(why, whysz, _("%s%d: expenses exceed income by %s kr. and no deficit"
					  " was accepted for it"), bad ? "; " : "", first + i, amt);
		}
		bad++;
	}
	if (bad)
		return 0;
	if (covered)
		snprintf(why, whysz, _("the %s version balances, or its deficit was accepted, in"
				       " all %d years (%d with an accepted deficit)"),
			 version, n, covered);
	else
		snprintf(why, whysz, _("income covers expenses in all %d years of the %s version"),
			 n, version);
	return 1;
}

const bl_gate_kind bl_gate_kinds[] = {
	{ "every_area_has_goal",
	  N_("every area at a level of the hierarchy has at least one goal"),
	  { { "level", BL_PARAM_INT, false, 1, 9, "1",
	      N_("hierarchy level: 1 = the top (e.g. committees)") } },
	  1, eval_every_area_has_goal },
	{ "budget_balances",
	  N_("income covers expenses in every year of a version"),
	  { { "version", BL_PARAM_VERSION, false, 0, 0, "proposal",
	      N_("the budget version to check") },
	    { "tolerance", BL_PARAM_AMOUNT, false, 0, 0, "0",
	      N_("a deficit up to this amount is accepted") } },
	  2, eval_budget_balances },
	{ "min_days_since",
	  N_("at least a number of days have passed since a phase began"),
	  { { "phase", BL_PARAM_PHASE, true, 0, 0, NULL,
	      N_("the phase whose start is counted from (this or an earlier one)") },
	    { "days", BL_PARAM_INT, true, 0, 3650, NULL,
	      N_("the number of days") } },
	  2, eval_min_days_since },
	{ "checklist_complete",
	  N_("every item of the phase's checklist is ticked"),
	  { { 0 } }, 0, eval_checklist_complete },
	{ "version_has_amounts",
	  N_("a budget version has at least one amount"),
	  { { "version", BL_PARAM_VERSION, false, 0, 0, "proposal",
	      N_("the budget version to check") } },
	  1, eval_version_has_amounts },
	{ "not_before",
	  N_("a date has been reached"),
	  { { "date", BL_PARAM_DATE, true, 0, 0, NULL,
	      N_("the earliest date, YYYY-MM-DD") } },
	  1, eval_not_before },
	{ "every_amendment_decided",
	  N_("every amendment tabled is adopted, rejected or withdrawn"),
	  { { 0 } }, 0, eval_every_amendment_decided },
	{ "every_response_commented",
	  N_("every hearing response has the administration's comment"),
	  { { 0 } }, 0, eval_every_response_commented },
	{ "balances_or_deficit_accepted",
	  N_("every year of a version balances, or its deficit was accepted with a reason"),
	  { { "version", BL_PARAM_VERSION, false, 0, 0, "adopted",
	      N_("the budget version to check") } },
	  1, eval_balances_or_deficit_accepted },
	{ "every_area_has_agreed_goal",
	  N_("every area at a level of the hierarchy has at least one agreed goal"),
	  { { "level", BL_PARAM_INT, false, 1, 9, "1",
	      N_("hierarchy level: 1 = the top (e.g. committees)") } },
	  1, eval_every_area_has_agreed_goal },
	{ "min_participants",
	  N_("the labs have had at least this many participants (broad involvement)"),
	  { { "count", BL_PARAM_INT, true, 1, 1000000, NULL,
	      N_("the fewest participants, over all labs") } },
	  1, eval_min_participants },
	{ "participants_represent",
	  N_("no group with a target share is under-represented among the labs' participants"),
	  { { 0 } },
	  0, eval_participants_represent },
};
const size_t bl_n_gate_kinds = sizeof bl_gate_kinds / sizeof bl_gate_kinds[0];

const bl_gate_kind *bl_gate_kind_find(const char *name)
{
	for (size_t i = 0; name && i < bl_n_gate_kinds; i++)
		if (strcmp(name, bl_gate_kinds[i].name) == 0)
			return &bl_gate_kinds[i];
	return NULL;
}

int bl_gate_param_index(const bl_gate_kind *kind, const char *name)
{
	for (size_t i = 0; kind && name && i < kind->n_params; i++)
		if (strcmp(kind->params[i].name, name) == 0)
			return (int)i;
	return -1;
}

void bl_gate_ref_clear(bl_gate_ref *ref)
{
	if (!ref)
		return;
	for (size_t i = 0; i < BL_GATE_MAX_PARAMS; i++) {
		free(ref->args[i].s);
		ref->args[i].s = NULL;
	}
}

void bl_gate_ref_describe(const bl_gate_ref *ref, bl_lang lang, char *buf,
			  size_t bufsz)
{
	if (bufsz == 0)
		return;
	buf[0] = '\0';
	if (!ref || !ref->kind)
		return;
	app(buf, bufsz, "%s", ref->kind->name);
	int shown = 0;
	for (size_t i = 0; i < ref->kind->n_params; i++) {
		const bl_gate_param_spec *p = &ref->kind->params[i];
		const bl_gate_arg *a = &ref->args[i];
		if (!a->set)
			continue;
		app(buf, bufsz, "%s%s: ", shown++ ? ", " : "(", p->name);
		char tmp[BL_MONEY_BUFSZ];
		switch (p->type) {
		case BL_PARAM_INT:
			app(buf, bufsz, "%" PRId64, a->i);
			break;
		case BL_PARAM_PHASE:
		case BL_PARAM_VERSION:
			app(buf, bufsz, "%s", a->s ? a->s : "");
			break;
		case BL_PARAM_DATE:
			bl_date_format(a->d, tmp);
			app(buf, bufsz, "%s", tmp);
			break;
		case BL_PARAM_AMOUNT:
			bl_money_format_whole(a->m, lang, tmp, sizeof tmp);
			app(buf, bufsz, "%s", tmp);
			break;
		}
	}
	if (shown)
		app(buf, bufsz, ")");
}

int bl_gate_eval(const bl_phase *phase, const bl_gate_ref *ref,
		 const bl_facts_ops *ops, void *ctx, char *why, size_t whysz,
		 bl_err *err)
{
	if (whysz)
		why[0] = '\0';
	if (!ref || !ref->kind || !ref->kind->eval)
		return bl_err_set(err, _("a gate without a kind cannot be evaluated"));
	return ref->kind->eval(phase, ref, ops, ctx, why, whysz, err);
}
