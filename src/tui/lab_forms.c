/* lab_forms.c: the forms of the labs screen: a lab (add and edit), a
 * session, an idea (add and edit).
 *
 * As every form of the program (form.c), each field is checked as it is
 * typed and again on saving, and nothing is written until all are right;
 * the write is one call into lab_store.h, one transaction, journalled
 * there.  The checks are the store's and the CLI's (cmd_lab.c,
 * cmd_idea.c) said in the form's words, so what the form takes the
 * store takes, and a refusal the store still makes (another terminal's
 * change meanwhile) is shown at the field without losing what was typed.
 * Amounts are typed in whole kroner in the process's language
 * (1.000.000 in Danish, 1 000 000 in Norwegian), whatever unit the
 * budget screen shows, so that nothing is rounded. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/rules.h"
#include "core/text.h"
#include "tui/lab_screen.h"

/* The CLI's limits, so that what is made here can be changed there. */
#define THEME_MAX 200
#define TITLE_MAX 200
#define PROPOSER_MAX 200
#define PLACE_MAX 200
#define NOTE_MAX 4000

/* A form's choices ("a|b|c"): form.c takes at most 16 of 63 bytes. */
#define CHOICES_MAX 16

static void trim(const char *s, char *out, size_t outsz)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(out, outsz, "%.*s", (int)n, s);
}

static bool blank(const char *s)
{
	return strspn(s, " ") == strlen(s);
}

/* An amount as typed: required or not, never negative.  NULL when fine
 * (*v set, 0 for an empty optional one), else msg. */
static const char *parse_kr(tui *t, const char *what, const char *text, bool required,
			    bl_money *v, char *msg, size_t msgsz)
{
	bl_err err = { { 0 } };
	*v = 0;
	if (blank(text)) {
		if (!required)
			return NULL;
		snprintf(msg, msgsz, _("%s is required: an amount in kroner, such as %s."), what,
			 t->info.lang == BL_LANG_NB ? "1 000 000" : t->info.lang == BL_LANG_EN ? "1,000,000" : "1.000.000");
		return msg;
	}
	if (bl_money_parse_in(text, strlen(text), t->info.lang, t->info.currency, v, &err) != 0) {
		snprintf(msg, msgsz, "%s: %s", what, err.msg);
		return msg;
	}
	if (*v < 0) {
		snprintf(msg, msgsz, _("%s cannot be negative."), what);
		return msg;
	}
	return NULL;
}

/* The area field: empty for none, else what bl_store_area_find takes. */
static const char *valid_area(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	char ref[512];
	if (tui_check_text(_("The area"), text, false, 400, msg, msgsz))
		return msg;
	trim(text, ref, sizeof ref);
	if (!ref[0])
		return NULL;
	bl_err err = { { 0 } };
	int64_t id;
	if (bl_store_area_find(t->store, ref, &id, &err) == 0)
		return NULL;
	snprintf(msg, msgsz, _("%s. Type an area's code (BSU) or path (BSU/BSU.01), or leave it empty."),
		 err.msg);
	return msg;
}

/* Append a choice to buf ("a|b"), if the form can hold it. */
static void add_choice(char *buf, size_t bufsz, int *n, const char *c)
{
	if (*n >= CHOICES_MAX || strlen(c) >= 64 || strchr(c, '|'))
		return;
	size_t len = strlen(buf);
	snprintf(buf + len, bufsz - len, "%s%s", *n ? "|" : "", c);
	(*n)++;
}

/* ---- a lab ---- */

enum { LF_THEME, LF_POOL, LF_BALLOT, LF_AREA, LF_STATUS, LF_RULE, LF_TIE, LF_N };

typedef struct lab_form_ctx {
	tui_field fields[LF_N];
	char ballots[CHOICES_MAX * 64 + 1];
	char rules[CHOICES_MAX * 64 + 1];
	char ties[CHOICES_MAX * 64 + 1];
	char ballot_lock[256];
	const bl_lab *edit;
	int64_t id;
} lab_form_ctx;

static const char *v_theme(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The theme"), text, true, THEME_MAX, msg, msgsz);
}

static const char *v_pool(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	bl_money v;
	(void)ctx;
	return parse_kr(t, _("The pool"), text, true, &v, msg, msgsz);
}

static const char *v_ballot(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	lab_form_ctx *c = ctx;
	int k = bl_lab_ballot_type(&t->def->lab, text);
	if (k < 0) {
		snprintf(msg, msgsz, _("'%s' is not a ballot type of the process."), text);
		return msg;
	}
	/* The store keeps the vote type a lab was made with: a lab becomes
	 * another ballot type only of the same kind. */
	bl_vote_type vt = bl_ballot_kind_vote_type(t->def->lab.ballot_types[k].kind);
	if (c->edit && vt != c->edit->vote_type) {
		snprintf(msg, msgsz, _("Lab %" PRId64 " takes %s ballots; '%s' is a %s ballot type."),
			 c->edit->id, bl_pb_vote_type_name(c->edit->vote_type), text,
			 bl_ballot_kind_name(t->def->lab.ballot_types[k].kind));
		return msg;
	}
	return NULL;
}

/* The ballot type's name under its key: what the room will be asked. */
static const char *w_ballot(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	int k = bl_lab_ballot_type(&t->def->lab, text);
	if (k < 0)
		return NULL;
	tui_clean_line(t->def->lab.ballot_types[k].name, msg, msgsz);
	return msg;
}

static const char *w_rule(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	lab_form_ctx *c = ctx;
	if (strcmp(text, "default") != 0)
		return NULL;
	if (text == c->fields[LF_TIE].value)
		snprintf(msg, msgsz, _("The process's default: %s."), t->def->lab.tie_break ? t->def->lab.tie_break : "id");
	else
		snprintf(msg, msgsz, _("The process's default: %s."), t->def->lab.rule ? t->def->lab.rule : "greedy_cost");
	return msg;
}

static int save_lab(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	lab_form_ctx *c = f->ctx;
	tui_field *fd = c->fields;
	char theme[sizeof fd[0].value], area[sizeof fd[0].value];
	bl_lab l = { 0 };
	if (c->edit)
		l = *c->edit; /* the counts and the vote type; strings replaced below */
	trim(fd[LF_THEME].value, theme, sizeof theme);
	trim(fd[LF_AREA].value, area, sizeof area);
	l.theme = theme;
	l.area = area[0] ? area : NULL;
	*field_out = LF_POOL;
	if (bl_money_parse_in(fd[LF_POOL].value, strlen(fd[LF_POOL].value), t->info.lang,
			      t->info.currency, &l.pool, err) != 0)
		return -1;
	/* A lab with ballots keeps its ballot type (NULL for one imported
	 * from a Pabulib file) as it is. */
	if (!(c->edit && fd[LF_BALLOT].readonly)) {
		int k = bl_lab_ballot_type(&t->def->lab, fd[LF_BALLOT].value);
		*field_out = LF_BALLOT;
		if (k < 0)
			return bl_err_set(err, _("'%s' is not a ballot type of the process."), fd[LF_BALLOT].value);
		l.ballot_type = t->def->lab.ballot_types[k].key;
		if (!c->edit)
			l.vote_type = bl_ballot_kind_vote_type(t->def->lab.ballot_types[k].kind);
	}
	*field_out = -1;
	if (c->edit) {
		bl_lab_status_from_name(fd[LF_STATUS].value, &l.status);
		l.rule = strcmp(fd[LF_RULE].value, "default") == 0 ? NULL : fd[LF_RULE].value;
		l.tie_break = strcmp(fd[LF_TIE].value, "default") == 0 ? NULL : fd[LF_TIE].value;
		if (bl_store_lab_update(t->store, &l, err) != 0)
			return -1;
		c->id = l.id;
		return 0;
	}
	l.status = BL_LAB_OPEN;
	if (bl_store_lab_add(t->store, &l, &c->id, err) != 0) {
		/* The area is the one field the store checks that the form
		 * cannot be sure of (another terminal may change areas). */
		if (strstr(err->msg, "area"))
			*field_out = LF_AREA;
		return -1;
	}
	return 0;
}

int lab_form(tui *t, const bl_lab *edit, int64_t *id_out)
{
	if (lab_refused(t))
		return 0;
	const bl_lab_def *d = &t->def->lab;
	if (!d->n_ballot_types) {
		tui_msg(t, R_LOCKED, "%s",
			_("The process defines no ballot types, so no lab can be made: add a 'labs: ballots:' section to its phase file (budgetlab-process(5))."));
		return 0;
	}
	lab_form_ctx *c = calloc(1, sizeof *c);
	if (!c) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return 0;
	}
	c->edit = edit;
	tui_field *fd = c->fields;
	int n = 0;
	for (size_t i = 0; i < d->n_ballot_types; i++)
		add_choice(c->ballots, sizeof c->ballots, &n, d->ballot_types[i].key);
	n = 0;
	add_choice(c->rules, sizeof c->rules, &n, "default");
	for (int r = 0; r < BL_RULE_COUNT; r++)
		add_choice(c->rules, sizeof c->rules, &n, bl_rule_name((bl_rule)r));
	n = 0;
	add_choice(c->ties, sizeof c->ties, &n, "default");
	for (int r = 0; r < BL_TIE_COUNT; r++)
		add_choice(c->ties, sizeof c->ties, &n, bl_tie_name((bl_tie)r));
	fd[LF_THEME] = (tui_field){ .label = _("Theme"), .validate = v_theme };
	fd[LF_POOL] = (tui_field){ .label = _("Pool (kr.)"), .validate = v_pool };
	fd[LF_BALLOT] = (tui_field){ .label = _("Ballot type"), .validate = v_ballot, .warn = w_ballot,
				     .choices = c->ballots };
	fd[LF_AREA] = (tui_field){ .label = _("Area"), .validate = valid_area };
	fd[LF_STATUS] = (tui_field){ .label = _("Status"), .choices = "open|voting|closed" };
	fd[LF_RULE] = (tui_field){ .label = _("Winner rule"), .warn = w_rule, .choices = c->rules };
	fd[LF_TIE] = (tui_field){ .label = _("Tie-break"), .warn = w_rule, .choices = c->ties };
	snprintf(fd[LF_BALLOT].value, sizeof fd[LF_BALLOT].value, "%s", d->ballot_types[0].key);
	snprintf(fd[LF_STATUS].value, sizeof fd[LF_STATUS].value, "open");
	snprintf(fd[LF_RULE].value, sizeof fd[LF_RULE].value, "default");
	snprintf(fd[LF_TIE].value, sizeof fd[LF_TIE].value, "default");
	char title[300];
	if (edit) {
		snprintf(title, sizeof title, _("Lab %" PRId64), edit->id);
		snprintf(fd[LF_THEME].value, sizeof fd[LF_THEME].value, "%s", edit->theme);
		bl_money_format_whole(edit->pool, t->info.lang, fd[LF_POOL].value, sizeof fd[LF_POOL].value);
		if (edit->ballot_type)
			snprintf(fd[LF_BALLOT].value, sizeof fd[LF_BALLOT].value, "%s", edit->ballot_type);
		snprintf(fd[LF_AREA].value, sizeof fd[LF_AREA].value, "%s", edit->area ? edit->area : "");
		snprintf(fd[LF_STATUS].value, sizeof fd[LF_STATUS].value, "%s", bl_lab_status_name(edit->status));
		if (edit->rule)
			snprintf(fd[LF_RULE].value, sizeof fd[LF_RULE].value, "%s", edit->rule);
		if (edit->tie_break)
			snprintf(fd[LF_TIE].value, sizeof fd[LF_TIE].value, "%s", edit->tie_break);
		if (edit->n_ballots + edit->n_void > 0) {
			snprintf(c->ballot_lock, sizeof c->ballot_lock,
				 _("Lab %" PRId64 " has ballots: they were cast on this ballot type, which stays."), edit->id);
			fd[LF_BALLOT].readonly = c->ballot_lock;
		}
	} else {
		snprintf(title, sizeof title, "%s", _("New lab"));
	}
	tui_form f = { .title = title, .fields = fd, .n_fields = edit ? LF_N : LF_AREA + 1, .ctx = c,
		       .save = save_lab };
	int rc = tui_form_run(t, &f);
	if (rc == 1) {
		*id_out = c->id;
		char theme[512];
		tui_clean_line(fd[LF_THEME].value, theme, sizeof theme);
		tui_msg(t, R_INFO, edit ? _("Saved lab %" PRId64 ": %s") : _("Added lab %" PRId64 ": %s"), c->id, theme);
	} else {
		tui_msg(t, R_DIM, "%s", edit ? _("Cancelled: the lab was not changed.") : _("Cancelled: no lab was added."));
	}
	free(c);
	return rc;
}

/* ---- a session ---- */

enum { SF_DATE, SF_PLACE, SF_FAC, SF_N };

static const char *v_date(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	char d[64];
	bl_date v;
	bl_err err = { { 0 } };
	trim(text, d, sizeof d);
	if (!d[0]) {
		snprintf(msg, msgsz, "%s", _("The date is required: YYYY-MM-DD, such as 2027-03-12."));
		return msg;
	}
	if (bl_date_parse(d, &v, &err) != 0) {
		snprintf(msg, msgsz, _("The date: %s"), err.msg);
		return msg;
	}
	return NULL;
}

static const char *v_place(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The place"), text, true, PLACE_MAX, msg, msgsz);
}

static const char *v_fac(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The facilitator"), text, true, PLACE_MAX, msg, msgsz);
}

typedef struct session_ctx {
	int64_t lab_id, id;
	tui_field *fields;
} session_ctx;

static int save_session(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	session_ctx *c = f->ctx;
	char place[512], fac[512], date[64];
	trim(c->fields[SF_DATE].value, date, sizeof date);
	trim(c->fields[SF_PLACE].value, place, sizeof place);
	trim(c->fields[SF_FAC].value, fac, sizeof fac);
	bl_session v = { .lab_id = c->lab_id, .place = place, .facilitator = fac };
	/* Longer than a date: refused by bl_date_parse as the form did. */
	if (strlen(date) >= sizeof v.date)
		return bl_err_set(err, _("date: expected YYYY-MM-DD"));
	memcpy(v.date, date, strlen(date) + 1);
	*field_out = -1;
	return bl_store_session_add(t->store, &v, &c->id, err);
}

int lab_session_form(tui *t, int64_t lab_id, int64_t *id_out)
{
	if (lab_refused(t))
		return 0;
	tui_field fd[SF_N];
	memset(fd, 0, sizeof fd);
	fd[SF_DATE] = (tui_field){ .label = _("Date"), .validate = v_date };
	fd[SF_PLACE] = (tui_field){ .label = _("Place"), .validate = v_place };
	fd[SF_FAC] = (tui_field){ .label = _("Facilitator"), .validate = v_fac };
	char today[11];
	bl_date_format(bl_date_today(), today);
	snprintf(fd[SF_DATE].value, sizeof fd[SF_DATE].value, "%s", today);
	/* The same facilitator usually runs the next meeting too. */
	bl_err err = { { 0 } };
	bl_session *ss = NULL;
	size_t n = 0;
	if (bl_store_sessions(t->store, lab_id, &ss, &n, &err) == 0 && n)
		snprintf(fd[SF_FAC].value, sizeof fd[SF_FAC].value, "%s", ss[n - 1].facilitator);
	bl_sessions_free(ss, n);
	session_ctx c = { lab_id, 0, fd };
	char title[128];
	snprintf(title, sizeof title, _("New session of lab %" PRId64), lab_id);
	tui_form f = { .title = title, .fields = fd, .n_fields = SF_N, .ctx = &c, .save = save_session };
	int rc = tui_form_run(t, &f);
	if (rc == 1) {
		*id_out = c.id;
		char place[512];
		tui_clean_line(fd[SF_PLACE].value, place, sizeof place);
		tui_msg(t, R_INFO, _("Added session %" PRId64 " of lab %" PRId64 ": %s, %s; sign-ins and ballots now go to it."),
			c.id, lab_id, fd[SF_DATE].value, place);
	} else {
		tui_msg(t, R_DIM, "%s", _("Cancelled: no session was added."));
	}
	return rc;
}

/* ---- an idea ---- */

enum { IF_TITLE, IF_DESC, IF_PROPOSER, IF_AREA, IF_COST0 };

typedef struct idea_ctx {
	tui_field fields[IF_COST0 + BL_MAX_YEARS + 6];
	char cost_label[BL_MAX_YEARS][48];
	int n_years, f_feas, f_status, f_pillar, f_goals, n_fields;
	const bl_idea *edit;
	const char *kept_desc, *kept_feas; /* text the form cannot hold, kept */
	bl_money pool;
	int64_t lab_id, number;
} idea_ctx;

static const char *v_title(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The title"), text, true, TITLE_MAX, msg, msgsz);
}

static const char *v_desc(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The description"), text, false, NOTE_MAX, msg, msgsz);
}

static const char *v_proposer(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The proposer"), text, false, PROPOSER_MAX, msg, msgsz);
}

static const char *v_feas(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The feasibility note"), text, false, NOTE_MAX, msg, msgsz);
}

/* The three pillars: "–" (not assessed) or -2 .. +2. */
#define PILLAR_CHOICES "–|-2|-1|0|+1|+2"

static bool pillar_value(const char *text, int *v)
{
	char t[16];
	trim(text, t, sizeof t);
	if (!strcmp(t, "-2") || !strcmp(t, "-1") || !strcmp(t, "0") || !strcmp(t, "+1") ||
	    !strcmp(t, "+2") || !strcmp(t, "1") || !strcmp(t, "2")) {
		*v = atoi(t[0] == '+' ? t + 1 : t);
		return true;
	}
	return false;
}

/* "1, 4": the goals' numbers, each an existing goal.  n_out of them into
 * ids (at most max); false with msg set otherwise. */
static bool goal_list(tui *t, const char *text, int64_t *ids, size_t max, size_t *n_out,
		      char *msg, size_t msgsz)
{
	size_t n = 0;
	const char *p = text;
	*n_out = 0;
	/* The goals, read once: this runs at every key typed in the field. */
	bl_err e = { { 0 } };
	bl_goal *all = NULL;
	size_t na = 0;
	bool have = false;
	for (const char *q = text; *q && !have; q++)
		have = *q >= '0' && *q <= '9';
	if (have && bl_store_goals(t->store, &all, &na, &e) != 0)
		na = 0;
	bool ok = true;
	while (ok && *p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p < '0' || *p > '9') {
			snprintf(msg, msgsz, "%s", _("Expected the goals' numbers, e.g. 1, 4 (screen 3 lists them)."));
			ok = false;
			break;
		}
		int64_t v = 0;
		while (ok && *p >= '0' && *p <= '9') {
			if (v > 100000000) {
				snprintf(msg, msgsz, "%s", _("That goal number is too large."));
				ok = false;
			}
			v = v * 10 + (*p++ - '0');
		}
		if (ok && *p && *p != ' ' && *p != ',') {
			snprintf(msg, msgsz, "%s", _("Expected the goals' numbers, e.g. 1, 4 (screen 3 lists them)."));
			ok = false;
		}
		bool found = false;
		for (size_t k = 0; ok && k < na; k++)
			found |= all[k].id == v;
		if (ok && !found) {
			snprintf(msg, msgsz, _("There is no goal %lld (screen 3 lists them)."), (long long)v);
			ok = false;
		}
		if (ok && n == max) {
			snprintf(msg, msgsz, _("At most %zu goals."), max);
			ok = false;
		}
		if (ok)
			ids[n++] = v;
	}
	bl_goals_free(all, na);
	*n_out = ok ? n : 0;
	return ok;
}

static const char *v_goals(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	int64_t ids[32];
	size_t n;
	return goal_list(t, text, ids, 32, &n, msg, msgsz) ? NULL : msg;
}

/* The costs of every year as typed; false if one does not parse or the
 * sum does not fit. */
static bool idea_costs(tui *t, const idea_ctx *c, bl_money *total, bool *any)
{
	bl_money_sum sum = { 0 };
	char msg[256];
	*any = false;
	for (int y = 0; y < c->n_years; y++) {
		bl_money v;
		const char *text = c->fields[IF_COST0 + y].value;
		if (parse_kr(t, "", text, false, &v, msg, sizeof msg))
			return false;
		*any |= !blank(text);
		bl_money_sum_add(&sum, v);
	}
	return bl_money_sum_get(&sum, total);
}

static const char *v_cost(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	idea_ctx *c = ctx;
	bl_money v, total;
	bool any;
	if (parse_kr(t, _("The cost"), text, false, &v, msg, msgsz))
		return msg;
	/* A sum that does not fit is said once, at the last year with a
	 * cost, rather than at every year. */
	bool others_ok = true;
	int last = -1, self = -1;
	for (int y = 0; y < c->n_years; y++) {
		char m[256];
		bl_money w;
		const char *cv = c->fields[IF_COST0 + y].value;
		if (parse_kr(t, "", cv, false, &w, m, sizeof m))
			others_ok = false;
		if (!blank(cv))
			last = y;
		if (cv == text)
			self = y;
	}
	if (others_ok && self == last && !idea_costs(t, c, &total, &any)) {
		snprintf(msg, msgsz, "%s", _("The costs of the years add up to more than can be counted."));
		return msg;
	}
	return NULL;
}

/* Said, not refused: an idea dearer than the whole pool can never win,
 * and one on the ballot without a cost counts as free. */
static const char *w_status(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	idea_ctx *c = ctx;
	bl_money total;
	bool any;
	if (!idea_costs(t, c, &total, &any))
		return NULL;
	char kr[64], pool[64];
	if (total > c->pool) {
		lab_fmt_kr(t, total, kr, sizeof kr);
		lab_fmt_kr(t, c->pool, pool, sizeof pool);
		snprintf(msg, msgsz, _("It costs %s in all, more than the lab's pool of %s."), kr, pool);
		return msg;
	}
	if (strcmp(text, "on_ballot") == 0 && !any) {
		snprintf(msg, msgsz, "%s", _("On the ballot without a cost, it counts as free against the pool."));
		return msg;
	}
	return NULL;
}

static int save_idea(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	idea_ctx *c = f->ctx;
	tui_field *fd = c->fields;
	char title[512], desc[512], prop[512], area[512], feas[512];
	trim(fd[IF_TITLE].value, title, sizeof title);
	trim(fd[IF_DESC].value, desc, sizeof desc);
	trim(fd[IF_PROPOSER].value, prop, sizeof prop);
	trim(fd[IF_AREA].value, area, sizeof area);
	trim(fd[c->f_feas].value, feas, sizeof feas);
	bl_idea i = { 0 };
	if (c->edit) {
		i = *c->edit; /* its number, pb_id and pb_extra stay */
		memset(i.cost, 0, sizeof i.cost);
		memset(i.has_cost, 0, sizeof i.has_cost);
	}
	i.lab_id = c->lab_id;
	i.title = title;
	i.description = c->kept_desc ? (char *)c->kept_desc : desc[0] ? desc : NULL;
	i.proposer = prop[0] ? prop : NULL;
	i.area = area[0] ? area : NULL;
	i.feasibility = c->kept_feas ? (char *)c->kept_feas : feas[0] ? feas : NULL;
	bl_idea_status_from_name(fd[c->f_status].value, &i.status);
	for (int k = 0; k < 3; k++)
		i.has_pillar[k] = pillar_value(fd[c->f_pillar + k].value, &i.pillar[k]);
	int64_t goals[32];
	char gmsg[256];
	size_t ng = 0;
	if (!goal_list(t, fd[c->f_goals].value, goals, 32, &ng, gmsg, sizeof gmsg)) {
		*field_out = c->f_goals;
		return bl_err_set(err, "%s", gmsg);
	}
	i.goals = goals;
	i.n_goals = ng;
	for (int y = 0; y < c->n_years; y++) {
		const char *text = fd[IF_COST0 + y].value;
		if (blank(text))
			continue;
		*field_out = IF_COST0 + y;
		if (bl_money_parse_in(text, strlen(text), t->info.lang, t->info.currency, &i.cost[y], err) != 0)
			return -1;
		i.has_cost[y] = true;
	}
	*field_out = -1;
	if (c->edit) {
		if (bl_store_idea_update(t->store, &i, err) != 0)
			return -1;
		c->number = i.number;
		return 0;
	}
	i.number = 0;
	return bl_store_idea_add(t->store, &i, &c->number, err);
}

/* A text the one-line field cannot hold without loss (too long, or on
 * several lines, as the CLI allows): shown read-only and kept. */
static const char *keep_note(tui_field *fd, const char *text, const char *why)
{
	if (!text)
		return NULL;
	if (strlen(text) >= sizeof fd->value || strpbrk(text, "\n\t")) {
		tui_clean_line(text, fd->value, sizeof fd->value);
		fd->readonly = why;
		return text;
	}
	snprintf(fd->value, sizeof fd->value, "%s", text);
	return NULL;
}

int lab_idea_form(tui *t, int64_t lab_id, const bl_idea *edit, int64_t *number_out)
{
	if (lab_refused(t))
		return 0;
	bl_err err = { { 0 } };
	bl_lab lab;
	if (bl_store_lab_get(t->store, lab_id, &lab, &err) != 0) {
		tui_msg_err(t, &err);
		return 0;
	}
	bl_money pool = lab.pool;
	bl_lab_clear(&lab);
	if (edit && strlen(edit->title) >= sizeof ((tui_field *)0)->value) {
		tui_msg(t, R_LOCKED, _("The title of idea %" PRId64 " is longer than the form can edit; change it with `budgetlab idea set`."),
			edit->number);
		return 0;
	}
	idea_ctx *c = calloc(1, sizeof *c);
	if (!c) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return 0;
	}
	c->edit = edit;
	c->lab_id = lab_id;
	c->pool = pool;
	c->n_years = t->info.n_years < BL_MAX_YEARS ? t->info.n_years : BL_MAX_YEARS;
	tui_field *fd = c->fields;
	fd[IF_TITLE] = (tui_field){ .label = _("Title"), .validate = v_title };
	fd[IF_DESC] = (tui_field){ .label = _("Description"), .validate = v_desc };
	fd[IF_PROPOSER] = (tui_field){ .label = _("Proposer"), .validate = v_proposer };
	fd[IF_AREA] = (tui_field){ .label = _("Area"), .validate = valid_area };
	for (int y = 0; y < c->n_years; y++) {
		snprintf(c->cost_label[y], sizeof c->cost_label[y], _("Cost %d"), tui_year(t, y));
		fd[IF_COST0 + y] = (tui_field){ .label = c->cost_label[y], .validate = v_cost };
	}
	c->f_feas = IF_COST0 + c->n_years;
	c->f_status = c->f_feas + 1;
	c->f_pillar = c->f_status + 1;
	c->f_goals = c->f_pillar + 3;
	c->n_fields = c->f_goals + 1;
	static const char *const pillar_labels[3] = { N_("Social"), N_("Economic"), N_("Environmental") };
	for (int k = 0; k < 3; k++) {
		fd[c->f_pillar + k] = (tui_field){ .label = _(pillar_labels[k]), .choices = PILLAR_CHOICES };
		snprintf(fd[c->f_pillar + k].value, sizeof fd[c->f_pillar + k].value, "–");
	}
	fd[c->f_goals] = (tui_field){ .label = _("Goals"), .validate = v_goals };
	fd[c->f_feas] = (tui_field){ .label = _("Feasibility"), .validate = v_feas };
	fd[c->f_status] = (tui_field){ .label = _("Status"), .warn = w_status,
				       .choices = "proposed|costed|feasible|on_ballot|withdrawn" };
	snprintf(fd[c->f_status].value, sizeof fd[c->f_status].value, "proposed");
	const char *why = _("Kept as it is: it is too long, or has several lines, for this form; change it with `budgetlab idea set`.");
	char title[128];
	if (edit) {
		snprintf(title, sizeof title, _("Idea %" PRId64 " of lab %" PRId64 " (costs in kr.)"), edit->number, lab_id);
		snprintf(fd[IF_TITLE].value, sizeof fd[IF_TITLE].value, "%s", edit->title);
		c->kept_desc = keep_note(&fd[IF_DESC], edit->description, why);
		snprintf(fd[IF_PROPOSER].value, sizeof fd[IF_PROPOSER].value, "%s", edit->proposer ? edit->proposer : "");
		snprintf(fd[IF_AREA].value, sizeof fd[IF_AREA].value, "%s", edit->area ? edit->area : "");
		for (int y = 0; y < c->n_years; y++)
			if (edit->has_cost[y])
				bl_money_format_whole(edit->cost[y], t->info.lang, fd[IF_COST0 + y].value,
						      sizeof fd[IF_COST0 + y].value);
		c->kept_feas = keep_note(&fd[c->f_feas], edit->feasibility, why);
		snprintf(fd[c->f_status].value, sizeof fd[c->f_status].value, "%s", bl_idea_status_name(edit->status));
		for (int k = 0; k < 3; k++)
			if (edit->has_pillar[k])
				snprintf(fd[c->f_pillar + k].value, sizeof fd[c->f_pillar + k].value,
					 edit->pillar[k] > 0 ? "+%d" : "%d", edit->pillar[k]);
		size_t len = 0;
		for (size_t g = 0; g < edit->n_goals && len < sizeof fd[c->f_goals].value - 24; g++)
			len += (size_t)snprintf(fd[c->f_goals].value + len, sizeof fd[c->f_goals].value - len,
						"%s%lld", g ? ", " : "", (long long)edit->goals[g]);
	} else {
		snprintf(title, sizeof title, _("New idea for lab %" PRId64 " (costs in kr.)"), lab_id);
	}
	tui_form f = { .title = title, .fields = fd, .n_fields = c->n_fields, .ctx = c, .save = save_idea };
	int rc = tui_form_run(t, &f);
	if (rc == 1) {
		*number_out = c->number;
		char ttl[512];
		tui_clean_line(fd[IF_TITLE].value, ttl, sizeof ttl);
		tui_msg(t, R_INFO, edit ? _("Saved idea %" PRId64 ": %s (%s)") : _("Added idea %" PRId64 ": %s (%s)"),
			c->number, ttl, fd[c->f_status].value);
	} else {
		tui_msg(t, R_DIM, "%s", edit ? _("Cancelled: the idea was not changed.") : _("Cancelled: no idea was added."));
	}
	free(c);
	return rc;
}
