/* budget_form.c: adding and editing a budget line in a form.
 *
 * Fields: code, title, area, kind, direction, description, and one amount
 * a year in the process's language (1.234.567,50 in Danish; empty: no
 * amount).  A phase's locks are shown, not just enforced: while amounts
 * are locked (goals before economy) the amount fields and the direction
 * (which changes what every amount means) are read-only and say why; while
 * lines are locked the form does not open.  Everything the form writes is
 * one transaction: the line and its amounts together, or nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/budget_model.h"
#include "tui/tui.h"

int tui_budget_line_form(tui *t, budget_model *m, const bl_line *edit,
			 size_t area, int64_t *line_id_out);

enum { F_CODE, F_TITLE, F_AREA, F_KIND, F_DIR, F_DESC, F_YEAR0, F_MAX = F_YEAR0 + BL_MAX_YEARS };

typedef struct line_form {
	tui_form form;
	tui_field fields[F_MAX];
	char year_label[BL_MAX_YEARS][32];
	char lock_amounts[512];
	char lock_direction[512];
	const bl_line *edit;
	bl_money old[BL_MAX_YEARS];
	bool old_has[BL_MAX_YEARS];
	int64_t id;
} line_form;

static const char *v_code(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	line_form *lf = ctx;
	const char *e = tui_check_text(_("The code"), text, true, 64, msg, msgsz);
	if (e)
		return e;
	if (strchr(text, ' ') && text[0] == ' ') {
		snprintf(msg, msgsz, "%s", _("A code cannot start with a space."));
		return msg;
	}
	bl_line other;
	bl_err err = { { 0 } };
	if (bl_store_line_find(t->store, text, &other, &err) == 0) {
		bool same = lf->edit && other.id == lf->edit->id;
		bl_line_clear(&other);
		if (!same) {
			snprintf(msg, msgsz, _("There is already a line with the code %s."), text);
			return msg;
		}
	}
	return NULL;
}

static const char *v_title(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The title"), text, true, 200, msg, msgsz);
}

static const char *v_desc(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The description"), text, false, 500, msg, msgsz);
}

static const char *v_area(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	int64_t id;
	bl_err err = { { 0 } };
	(void)ctx;
	if (!text[0]) {
		snprintf(msg, msgsz, "%s", _("The area is required: a code such as BSU, or a path such as BSU/SKOLE."));
		return msg;
	}
	if (bl_store_area_find(t->store, text, &id, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	return NULL;
}

static const char *v_amount(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	bl_money v;
	bl_err err = { { 0 } };
	(void)ctx;
	if (strspn(text, " ") == strlen(text))
		return NULL; /* empty: no amount for the year */
	if (bl_money_parse(text, t->info.lang, &v, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	return NULL; /* negative amounts are allowed: corrections, refunds */
}

/* A negative amount on an income line is less income (a refund); finance
 * exports often write income with a minus, and typing such a figure as it
 * stands would turn income into expense.  Said, not refused. */
static const char *w_amount(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	line_form *lf = ctx;
	bl_money v;
	if (strcmp(lf->fields[F_DIR].value, "income") != 0 || strspn(text, " ") == strlen(text) ||
	    bl_money_parse(text, t->info.lang, &v, NULL) != 0 || v >= 0)
		return NULL;
	snprintf(msg, msgsz, "%s",
		 _("A minus on an income line means less income. If the figure comes from an export that writes income with a minus, leave the minus out."));
	return msg;
}

static int save(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	line_form *lf = f->ctx;
	tui_field *fd = lf->fields;
	bl_line l;
	memset(&l, 0, sizeof l);
	l.id = lf->edit ? lf->edit->id : 0;
	l.code = fd[F_CODE].value;
	l.title = fd[F_TITLE].value;
	l.kind = strcmp(fd[F_KIND].value, "capital") == 0 ? BL_KIND_CAPITAL : BL_KIND_OPERATION;
	l.dir = strcmp(fd[F_DIR].value, "income") == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
	l.description = fd[F_DESC].value[0] ? fd[F_DESC].value : NULL;
	*field_out = -1;
	if (bl_store_area_find(t->store, fd[F_AREA].value, &l.area_id, err) != 0) {
		*field_out = F_AREA;
		return -1;
	}
	int n_years = t->info.n_years;
	if (bl_store_begin(t->store, err) != 0)
		return -1;
	int rc;
	int64_t id = l.id;
	if (lf->edit)
		rc = bl_store_line_update(t->store, &l, err);
	else
		rc = bl_store_line_add(t->store, &l, &id, err);
	for (int i = 0; rc == 0 && i < n_years; i++) {
		tui_field *af = &fd[F_YEAR0 + i];
		if (af->readonly)
			continue;
		bool has = strspn(af->value, " ") != strlen(af->value);
		bl_money v = 0;
		if (has && bl_money_parse(af->value, t->info.lang, &v, err) != 0) {
			*field_out = F_YEAR0 + i;
			rc = -1;
			break;
		}
		/* Only what changed is written, so the journal says only that. */
		if (has && (!lf->old_has[i] || lf->old[i] != v))
			rc = bl_store_amount_set(t->store, id, t->version, tui_year(t, i), v, err);
		else if (!has && lf->old_has[i])
			rc = bl_store_amount_clear(t->store, id, t->version, tui_year(t, i), err);
		if (rc != 0)
			*field_out = F_YEAR0 + i;
	}
	if (rc != 0) {
		bl_store_rollback(t->store);
		return -1;
	}
	if (bl_store_commit(t->store, err) != 0)
		return -1;
	lf->id = id;
	return 0;
}

int tui_budget_line_form(tui *t, budget_model *m, const bl_line *edit,
			 size_t area, int64_t *line_id_out)
{
	if (t->readonly) {
		tui_msg(t, R_ERROR, "%s", _("This view is read-only."));
		return 0;
	}
	const char *phase = t->phase >= 0 ? t->def->phases[t->phase].title : "";
	if (t->locks & BL_LOCK_LINES) {
		tui_msg(t, R_LOCKED, _("Lines are locked in the phase '%s': %s"), phase, _(bl_lock_help(1)));
		return 0;
	}
	line_form *lf = calloc(1, sizeof *lf);
	if (!lf) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return 0;
	}
	lf->edit = edit;
	tui_field *fd = lf->fields;
	fd[F_CODE] = (tui_field){ .label = N_("Code"), .validate = v_code };
	fd[F_TITLE] = (tui_field){ .label = N_("Title"), .validate = v_title };
	fd[F_AREA] = (tui_field){ .label = N_("Area"), .validate = v_area };
	fd[F_KIND] = (tui_field){ .label = N_("Kind"), .choices = "operation|capital" };
	fd[F_DIR] = (tui_field){ .label = N_("Direction"), .choices = "expense|income" };
	fd[F_DESC] = (tui_field){ .label = N_("Description"), .validate = v_desc };
	for (int i = 0; i < F_YEAR0; i++)
		fd[i].label = _(fd[i].label);
	bm_area_path(m, area, fd[F_AREA].value, sizeof fd[F_AREA].value);
	snprintf(fd[F_KIND].value, sizeof fd[F_KIND].value, "operation");
	snprintf(fd[F_DIR].value, sizeof fd[F_DIR].value, "expense");
	bl_err err = { { 0 } };
	if (edit) {
		snprintf(fd[F_CODE].value, sizeof fd[F_CODE].value, "%s", edit->code);
		snprintf(fd[F_TITLE].value, sizeof fd[F_TITLE].value, "%s", edit->title);
		snprintf(fd[F_KIND].value, sizeof fd[F_KIND].value, "%s", bl_kind_name(edit->kind));
		snprintf(fd[F_DIR].value, sizeof fd[F_DIR].value, "%s", bl_direction_name(edit->dir));
		snprintf(fd[F_DESC].value, sizeof fd[F_DESC].value, "%s", edit->description ? edit->description : "");
		size_t ai = bm_area_index(m, edit->area_id);
		if (ai != SIZE_MAX)
			bm_area_path(m, ai, fd[F_AREA].value, sizeof fd[F_AREA].value);
		if (bl_store_line_amounts(t->store, edit->id, t->version, lf->old, lf->old_has,
					  t->info.n_years, &err) != 0) {
			tui_msg_err(t, &err);
			free(lf);
			return 0;
		}
	}
	if (t->locks & BL_LOCK_AMOUNTS) {
		snprintf(lf->lock_amounts, sizeof lf->lock_amounts, _("Locked in '%s': %s"), phase,
			 _(bl_lock_help(0)));
		/* The direction decides what every amount means. */
		snprintf(lf->lock_direction, sizeof lf->lock_direction,
			 _("Locked with the amounts in '%s': the direction decides what every amount means."),
			 phase);
		if (edit)
			fd[F_DIR].readonly = lf->lock_direction;
	}
	int n = F_YEAR0;
	for (int i = 0; i < t->info.n_years; i++, n++) {
		/* The form takes amounts in kroner, whatever unit the table
		 * shows: øre are never rounded away by editing. */
		snprintf(lf->year_label[i], sizeof lf->year_label[i], "%d", tui_year(t, i));
		fd[n] = (tui_field){ .label = lf->year_label[i], .validate = v_amount, .warn = w_amount };
		if (lf->old_has[i])
			bl_money_format_whole(lf->old[i], t->info.lang, fd[n].value, sizeof fd[n].value);
		if (t->locks & BL_LOCK_AMOUNTS)
			fd[n].readonly = lf->lock_amounts;
	}
	char title[300];
	if (edit)
		snprintf(title, sizeof title, _("Edit line %s (%s; amounts in kr.)"), edit->code, t->version);
	else
		snprintf(title, sizeof title, _("New budget line (%s; amounts in kr.)"), t->version);
	lf->form = (tui_form){ .title = title, .fields = fd, .n_fields = n, .ctx = lf, .save = save };
	int rc = tui_form_run(t, &lf->form);
	if (rc == 1) {
		*line_id_out = lf->id;
		tui_msg(t, R_INFO, edit ? _("Line %s saved.") : _("Line %s added."), fd[F_CODE].value);
	} else {
		tui_msg(t, R_DIM, "%s", _("Cancelled: nothing was changed."));
	}
	free(lf);
	return rc;
}
