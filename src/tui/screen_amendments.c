/* screen_amendments.c: the amendments (ændringsforslag) tabled between the
 * first and the second reading.
 *
 *   row 0         column headings
 *   rows 1..L     the amendments: number, title, party, late, the
 *                 amendment a sub-amendment amends, the decision, and the
 *                 effect on the balance of the budget year
 *   separator     "─", with where the list is scrolled
 *   the rest      the selected amendment: its changes, its effect on
 *                 income, expenses and balance in every year, and its
 *                 conflicts with the other amendments
 *
 * Effects are computed against the frozen first-reading version
 * (bl_amend_effect), each amendment alone: what adopting it would change.
 * Tabling, correcting and deciding go through the store, one transaction
 * each, which checks every change against the first-reading version and
 * derives the adopted version again after a decision.  A decision is
 * final, so D asks (tui_confirm) before it records one; a, e and D say
 * at once, before any form, when the first reading is not frozen or the
 * phase locks amounts. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/readings_screen.h"

#define TITLE_MAX 200
#define PARTY_MAX 200
#define TEXT_MAX 4000
#define N_CHANGE_ROWS 6

typedef struct effect {
	bool ok;
	char why[BL_ERR_MAX];
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS], balance[BL_MAX_YEARS];
} effect;

typedef struct amend_state {
	bl_amend_rec *recs;
	size_t n;
	effect *eff;
	bl_amend_conflict *conf;
	size_t n_conf;
	bool frozen;
	bool have_base;
	bl_amend_budget base;
	bl_spotlight spot;
	int sel, top, page;
} amend_state;

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s ? s : "", false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

static const char *decision_name(const bl_amend_rec *a)
{
	if (a->lapsed)
		return _("lapsed");
	switch (a->decision) {
	case BL_UNDECIDED: return "";
	case BL_ADOPTED: return _("adopted");
	case BL_REJECTED: return _("rejected");
	case BL_WITHDRAWN: return _("withdrawn");
	}
	return "?";
}

/* ---- loading ---- */

static void free_data(amend_state *s)
{
	bl_amend_recs_free(s->recs, s->n);
	s->recs = NULL;
	s->n = 0;
	free(s->eff);
	s->eff = NULL;
	bl_amend_conflicts_free(s->conf);
	s->conf = NULL;
	s->n_conf = 0;
	if (s->have_base)
		bl_store_amend_base_free(&s->base);
	s->have_base = false;
	bl_spotlight_clear(&s->spot);
}

static void load(tui *t, amend_state *s)
{
	int64_t keep = s->sel >= 0 && (size_t)s->sel < s->n ? s->recs[s->sel].number : 0;
	free_data(s);
	bl_err err = { { 0 } };
	if (bl_store_first_reading_frozen(t->store, &s->frozen, &err) != 0 ||
	    bl_store_amendments(t->store, &s->recs, &s->n, &err) != 0 ||
	    bl_store_spotlight_get(t->store, &s->spot, &err) != 0) {
		tui_msg_err(t, &err);
		s->sel = -1;
		return;
	}
	if (s->frozen) {
		if (bl_store_amend_base(t->store, "first_reading", &s->base, &err) != 0)
			tui_msg_err(t, &err);
		else
			s->have_base = true;
	}
	s->eff = s->n ? calloc(s->n, sizeof *s->eff) : NULL;
	bl_change **chs = NULL;
	bl_amendment *m = s->n ? bl_amend_models(s->recs, s->n, &chs) : NULL;
	if (s->n && (!s->eff || !m)) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
	} else if (s->n) {
		for (size_t i = 0; i < s->n; i++) {
			effect *e = &s->eff[i];
			bl_err ee = { { 0 } };
			if (!s->have_base) {
				snprintf(e->why, sizeof e->why, "%s", _("the first-reading version is not frozen"));
				continue;
			}
			e->ok = bl_amend_effect(&s->base, &m[i], e->income, e->expense, e->balance, &ee) == 0;
			if (!e->ok)
				snprintf(e->why, sizeof e->why, "%s", ee.msg);
		}
		/* A rejected or withdrawn amendment conflicts with nothing. */
		const bl_amendment **all = calloc(s->n ? s->n : 1, sizeof *all);
		if (all) {
			size_t live = 0;
			for (size_t i = 0; i < s->n; i++)
				if (s->recs[i].decision == BL_UNDECIDED ||
				    s->recs[i].decision == BL_ADOPTED)
					all[live++] = &m[i];
			size_t nc = bl_amend_conflicts(all, live, &s->conf);
			s->n_conf = nc == BL_AMEND_NOMEM ? 0 : nc;
			free(all);
		}
	}
	/* The conflicts' codes are borrowed from the changes, which stay in
	 * s->recs; the models only pointed at them. */
	bl_amend_models_free(m, chs, s->n);
	s->sel = s->n ? 0 : -1;
	for (size_t i = 0; i < s->n; i++)
		if (s->recs[i].number == keep)
			s->sel = (int)i;
}

static void catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

static int find_number(const amend_state *s, int64_t number)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->recs[i].number == number)
			return (int)i;
	return -1;
}

static bool on_projector(const amend_state *s, int64_t number)
{
	return s->spot.kind == BL_SPOT_AMENDMENT && s->spot.ref && strtoll(s->spot.ref, NULL, 10) == number;
}

/* ---- drawing ---- */

typedef struct cols {
	int nr_x, nr_w, title_x, title_w, party_x, party_w, late_x, late_w, sub_x, sub_w,
		dec_x, dec_w, bal_x, bal_w;
} cols;

static void layout(tui *t, const amend_state *s, cols *c)
{
	char buf[128];
	c->nr_x = 1;
	c->nr_w = 3;
	c->late_w = bl_text_width(_("Late"));
	c->sub_w = bl_text_width(_("Sub of"));
	c->dec_w = bl_text_width(_("withdrawn"));
	snprintf(buf, sizeof buf, _("Balance %d"), tui_year(t, 0));
	c->bal_w = bl_text_width(buf);
	int party_max = bl_text_width(_("Party"));
	for (size_t i = 0; i < s->n; i++) {
		char p[512];
		tui_clean(s->recs[i].party, false, p, sizeof p);
		int w = bl_text_width(p);
		if (w > party_max)
			party_max = w;
		if (s->eff[i].ok) {
			tui_fmt_signed(t, s->eff[i].balance[0], buf, sizeof buf);
			if ((w = bl_text_width(buf)) > c->bal_w)
				c->bal_w = w;
		}
	}
	c->bal_x = COLS - 1 - c->bal_w;
	c->dec_x = c->bal_x - 2 - c->dec_w;
	c->sub_x = c->dec_x - 1 - c->sub_w;
	c->late_x = c->sub_x - 1 - c->late_w;
	c->title_x = c->nr_x + c->nr_w + 1;
	int rem = c->late_x - 1 - c->title_x;
	int pw = rem / 3;
	if (party_max < pw)
		pw = party_max;
	c->party_w = pw;
	c->title_w = rem - pw - 1;
	c->party_x = c->title_x + c->title_w + 1;
}

static void draw_row(tui *t, amend_state *s, const cols *c, int y, size_t i, bool on)
{
	const bl_amend_rec *a = &s->recs[i];
	int base = on ? R_SELECTED : R_NORMAL;
	char buf[128];
	if (on)
		tui_fill(y, 0, COLS, R_SELECTED);
	if (on_projector(s, a->number))
		tui_put(y, 0, 1, "◆", on ? R_SELECTED : R_INFO, false);
	snprintf(buf, sizeof buf, "%" PRId64, a->number);
	tui_put(y, c->nr_x, c->nr_w, buf, on ? R_SELECTED : R_DIM, true);
	put_clean(y, c->title_x, c->title_w, a->title, base, false);
	put_clean(y, c->party_x, c->party_w, a->party, base, false);
	tui_put(y, c->late_x, c->late_w, a->late ? _("late") : "", on ? R_SELECTED : R_LOCKED, false);
	if (a->parent) {
		snprintf(buf, sizeof buf, "%" PRId64, a->parent);
		tui_put(y, c->sub_x, c->sub_w, buf, base, true);
	}
	int drole = on ? R_SELECTED : a->decision == BL_ADOPTED && !a->lapsed ? R_PASS
		: a->decision == BL_UNDECIDED ? R_NORMAL : R_DIM;
	tui_put(y, c->dec_x, c->dec_w, decision_name(a), drole, false);
	if (s->eff[i].ok) {
		tui_fmt_signed(t, s->eff[i].balance[0], buf, sizeof buf);
		tui_put(y, c->bal_x, c->bal_w, buf, on ? R_SELECTED : s->eff[i].balance[0] < 0 ? R_DEFICIT : R_NORMAL,
			true);
	} else {
		tui_put(y, c->bal_x, c->bal_w, "–", on ? R_SELECTED : R_DIM, true);
	}
}

/* The detail pane: rows [y, y + rows). */
static void draw_detail(tui *t, amend_state *s, int y, int rows)
{
	char buf[1024], head[1200];
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	if (s->n > (size_t)s->page) {
		int last = s->top + s->page < (int)s->n ? s->top + s->page : (int)s->n;
		snprintf(buf, sizeof buf, _(" %d–%d of %zu "), s->top + 1, last, s->n);
	} else {
		snprintf(buf, sizeof buf, s->n == 1 ? _(" 1 amendment ") : _(" %zu amendments "), s->n);
	}
	int w = bl_text_width(buf);
	tui_put(y, COLS - 2 - w, w, buf, R_DIM, false);
	if (s->sel < 0)
		return;
	const bl_amend_rec *a = &s->recs[s->sel];
	const effect *e = &s->eff[s->sel];
	if (on_projector(s, a->number))
		tui_put(y, 2, bl_text_width(_(" ◆ on the projector ")), _(" ◆ on the projector "), R_INFO, false);
	int yy = y + 1, end = y + rows;
	char date[11];
	bl_date_format(a->tabled, date);
	char title[512], party[512];
	tui_clean(a->title, false, title, sizeof title);
	tui_clean(a->party, false, party, sizeof party);
	snprintf(head, sizeof head, _("%" PRId64 ". %s (%s), tabled %s%s"), a->number, title, party, date,
		 a->late ? _(", late") : "");
	yy += tui_wrap(yy, 1, COLS - 2, end - yy, head, R_HEADING);
	if (yy < end) {
		if (a->decision != BL_UNDECIDED) {
			snprintf(buf, sizeof buf, _("%s %.10s by %s%s%s%s"), decision_name(a),
				 a->decided_at ? a->decided_at : "", a->decided_by ? a->decided_by : "",
				 a->decision_note ? ": " : "", a->decision_note ? a->decision_note : "",
				 a->lapsed ? _(" (fell with its parent, which was not adopted)") : "");
			char cb[1024];
			tui_clean(buf, false, cb, sizeof cb);
			yy += tui_wrap(yy, 1, COLS - 2, end - yy, cb, R_INFO);
		} else if (a->parent && yy < end) {
			snprintf(buf, sizeof buf, _("Undecided; a sub-amendment of %" PRId64 "."), a->parent);
			yy += tui_wrap(yy, 1, COLS - 2, end - yy, buf, R_DIM);
		} else {
			yy += tui_wrap(yy, 1, COLS - 2, end - yy, _("Undecided: e corrects it, D decides it."), R_DIM);
		}
	}
	/* Changes on the left, effect on the right when there is room. */
	int n_years = t->info.n_years;
	int amt_w = 11;
	int effect_w = 8 + 3 * (amt_w + 1);
	bool side = COLS >= 100;
	int left_w = side ? COLS - effect_w - 4 : COLS - 2;
	int ytop = yy;
	if (yy < end)
		tui_put(yy++, 1, left_w, _("Changes"), R_HEADING, false);
	for (size_t k = 0; k < a->n_changes && yy < end; k++) {
		char ct[1100];
		tui_change_text(t, &a->changes[k], buf, sizeof buf);
		snprintf(ct, sizeof ct, "%zu. %s", k + 1, buf);
		put_clean(yy++, 2, left_w - 1, ct, R_NORMAL, false);
	}
	int ey = side ? ytop : yy, ex = side ? COLS - effect_w - 1 : 1;
	if (ey < end) {
		tui_put(ey, ex, 6, _("Year"), R_HEADING, false);
		tui_put(ey, ex + 7, amt_w, _("Income"), R_HEADING, true);
		tui_put(ey, ex + 8 + amt_w, amt_w, _("Expenses"), R_HEADING, true);
		tui_put(ey, ex + 9 + 2 * amt_w, amt_w, _("Balance"), R_HEADING, true);
		ey++;
	}
	if (!e->ok && ey < end) {
		snprintf(buf, sizeof buf, _("No effect can be computed: %s"), e->why);
		ey += tui_wrap(ey, ex, side ? effect_w : COLS - 2, end - ey, buf, R_ERROR);
	}
	for (int i = 0; e->ok && i < n_years && ey < end; i++, ey++) {
		char a1[64], a2[64], a3[64];
		snprintf(buf, sizeof buf, "%d", tui_year(t, i));
		tui_put(ey, ex, 6, buf, R_NORMAL, false);
		tui_fmt_signed(t, e->income[i], a1, sizeof a1);
		tui_fmt_signed(t, e->expense[i], a2, sizeof a2);
		tui_fmt_signed(t, e->balance[i], a3, sizeof a3);
		tui_put(ey, ex + 7, amt_w, a1, R_INCOME, true);
		tui_put(ey, ex + 8 + amt_w, amt_w, a2, R_EXPENSE, true);
		tui_put(ey, ex + 9 + 2 * amt_w, amt_w, a3, e->balance[i] < 0 ? R_DEFICIT : R_NORMAL, true);
	}
	yy = side ? (yy > ey ? yy : ey) : ey;
	/* Conflicts with the others. */
	int shown = 0;
	for (size_t k = 0; k < s->n_conf && yy < end; k++) {
		const bl_amend_conflict *c = &s->conf[k];
		if (c->a != a->number && c->b != a->number)
			continue;
		int other = c->a == a->number ? c->b : c->a;
		char year[16] = "";
		if (c->year)
			snprintf(year, sizeof year, _(" in %d"), c->year);
		if (c->kind == BL_CONFLICT_SAME)
			snprintf(buf, sizeof buf, _("Conflicts with amendment %d: both change line %s%s."), other, c->code, year);
		else
			snprintf(buf, sizeof buf, _("Conflicts with amendment %d: one removes line %s, which the other changes%s."),
				 other, c->code, year);
		char cb[1024];
		tui_clean(buf, false, cb, sizeof cb);
		tui_put(yy++, 1, COLS - 2, cb, R_FAIL, false);
		shown++;
	}
	if (!shown && yy < end && s->n > 1)
		tui_put(yy++, 1, COLS - 2, _("No conflict with the other amendments."), R_DIM, false);
	if (a->justification && *a->justification && yy < end) {
		size_t len = strlen(a->justification) + 1;
		char *cj = malloc(len * 3 + 1);
		if (cj) {
			tui_clean(a->justification, true, cj, len * 3 + 1);
			tui_wrap(yy, 1, COLS - 2, end - yy, cj, R_DIM);
			free(cj);
		}
	}
}

static void draw_empty(tui *t, amend_state *s, int y, int rows)
{
	int used = 0;
	if (!s->frozen) {
		used += tui_wrap(y + 1, 2, COLS - 4, rows - 1,
				 _("The first-reading version is not frozen yet, so no amendment can be tabled: amendments are tabled against it."),
				 R_LOCKED);
		used += tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
				 _("Advance the process to its first reading (screen 1, A): that freezes the version."),
				 R_NORMAL);
		return;
	}
	used += tui_wrap(y + 1, 2, COLS - 4, rows - 1, _("No amendments yet. Press a to table the first."), R_NORMAL);
	(void)t;
	if (used + 2 < rows)
		tui_wrap(y + 2 + used, 2, COLS - 4, rows - 2 - used,
			 _("Each amendment changes the first-reading version: the amount of a line in a year, a new line, or a line removed. The adopted version is the first reading plus the adopted amendments."),
			 R_DIM);
}

static void keep_visible(amend_state *s)
{
	if (s->page < 1)
		s->page = 1;
	if (s->sel >= 0) {
		if (s->sel < s->top)
			s->top = s->sel;
		if (s->sel >= s->top + s->page)
			s->top = s->sel - s->page + 1;
	}
	int max_top = (int)s->n - s->page;
	if (s->top > max_top)
		s->top = max_top < 0 ? 0 : max_top;
	if (s->top < 0)
		s->top = 0;
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	amend_state *s = st;
	if (!s->n) {
		s->page = rows - 1;
		draw_empty(t, s, top, rows);
		return;
	}
	cols c;
	layout(t, s, &c);
	char buf[64];
	tui_fill(top, 0, COLS, R_HEADING);
	tui_put(top, c.nr_x, c.nr_w, _("Nr"), R_HEADING, true);
	tui_put(top, c.title_x, c.title_w, _("Title"), R_HEADING, false);
	tui_put(top, c.party_x, c.party_w, _("Party"), R_HEADING, false);
	tui_put(top, c.late_x, c.late_w, _("Late"), R_HEADING, false);
	tui_put(top, c.sub_x, c.sub_w, _("Sub of"), R_HEADING, true);
	tui_put(top, c.dec_x, c.dec_w, _("Decision"), R_HEADING, false);
	snprintf(buf, sizeof buf, _("Balance %d"), tui_year(t, 0));
	tui_put(top, c.bal_x, c.bal_w, buf, R_HEADING, true);
	/* The list a third of the body, at least 3 rows; the detail the rest. */
	int list = (rows - 1) / 3;
	if (list < 3)
		list = 3;
	if ((int)s->n < list)
		list = (int)s->n;
	s->page = list;
	keep_visible(s);
	for (int i = 0; i < s->page && s->top + i < (int)s->n; i++)
		draw_row(t, s, &c, top + 1 + i, (size_t)(s->top + i), s->top + i == s->sel);
	int dy = top + 1 + s->page;
	if (dy < top + rows)
		draw_detail(t, s, dy, top + rows - dy);
}

/* ---- the forms ---- */

enum { F_TITLE, F_PARTY, F_TABLED, F_PARENT, F_JUST, F_CHANGE0, N_FIELDS = F_CHANGE0 + N_CHANGE_ROWS };

typedef struct form_ctx {
	amend_state *s;
	int64_t number; /* 0: a new one */
	int64_t saved;
	bool late;
} form_ctx;

static const char *valid_title(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The title"), text, true, TITLE_MAX, msg, msgsz);
}

static const char *valid_party(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The party"), text, true, PARTY_MAX, msg, msgsz);
}

static const char *valid_just(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The justification"), text, false, TEXT_MAX, msg, msgsz);
}

static const char *valid_tabled(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	bl_date d;
	bl_err err = { { 0 } };
	if (bl_date_parse(text, &d, &err) != 0) {
		snprintf(msg, msgsz, _("The date: %s (YYYY-MM-DD)."), err.msg);
		return msg;
	}
	return NULL;
}

static const char *warn_tabled(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	bl_date d;
	bl_err err = { { 0 } };
	if (bl_date_parse(text, &d, &err) != 0 || !bl_readings_amendment_late(&t->def->readings, d))
		return NULL;
	char dl[11];
	bl_date_format(t->def->readings.amendment_deadline, dl);
	snprintf(msg, msgsz, _("Late: the deadline was %s. It is recorded as late, not refused."), dl);
	return msg;
}

static int parse_number(const char *text, int64_t *out)
{
	while (*text == ' ')
		text++;
	int64_t v = 0;
	size_t n = 0;
	for (; text[n] >= '0' && text[n] <= '9' && n < 9; n++)
		v = v * 10 + (text[n] - '0');
	const char *rest = text + n;
	while (*rest == ' ')
		rest++;
	if (*rest || (n == 0 && *text))
		return -1;
	*out = v;
	return 0;
}

static const char *valid_parent(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	form_ctx *c = vctx;
	int64_t p;
	if (parse_number(text, &p) != 0) {
		snprintf(msg, msgsz, "%s", _("The number of the amendment this one amends, or empty."));
		return msg;
	}
	if (!p)
		return NULL;
	int i = find_number(c->s, p);
	if (i < 0) {
		snprintf(msg, msgsz, _("There is no amendment %" PRId64 "."), p);
		return msg;
	}
	if (p == c->number) {
		snprintf(msg, msgsz, "%s", _("An amendment cannot amend itself."));
		return msg;
	}
	const bl_amend_rec *a = &c->s->recs[i];
	if (a->parent) {
		snprintf(msg, msgsz, _("Amendment %" PRId64 " is itself a sub-amendment (of %" PRId64 "): amend %" PRId64 " instead."),
			 p, a->parent, a->parent);
		return msg;
	}
	if (a->decision != BL_UNDECIDED) {
		snprintf(msg, msgsz, _("Amendment %" PRId64 " is already %s: it can no longer be amended."), p,
			 decision_name(a));
		return msg;
	}
	return NULL;
}

static const char *valid_change(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	form_ctx *c = vctx;
	(void)c;
	bl_amend_change ch;
	const char *e = tui_check_text(_("The change"), text, false, 500, msg, msgsz);
	if (e)
		return e;
	int r = tui_change_parse(t, text, &ch, msg, msgsz);
	if (r < 0)
		return msg;
	if (r == 1)
		return NULL;
	/* A line that is not in the budget at all is named at once; the
	 * store checks the rest (a line only a parent adds, the area). */
	if (ch.ch.kind != BL_CHANGE_NEW_LINE) {
		bl_line l = { 0 };
		bl_err err = { { 0 } };
		if (bl_store_line_find(t->store, ch.code, &l, &err) != 0) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(ch.code, strlen(ch.code), q);
			snprintf(msg, msgsz, _("There is no budget line '%s' (the budget screen, 2, lists them); a new line is written: new CODE AREA ..."),
				 q);
			tui_change_free(&ch);
			bl_line_clear(&l);
			return msg;
		}
		bl_line_clear(&l);
	}
	tui_change_free(&ch);
	return NULL;
}

static const char *warn_syntax(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	(void)text;
	snprintf(msg, msgsz, "%s", tui_change_syntax());
	return msg;
}

static void trim(const char *s, char *out, size_t outsz)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	snprintf(out, outsz, "%.*s", (int)n, s);
}

static int save_amendment(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	form_ctx *c = f->ctx;
	char title[512], party[512], just[512];
	char msg[BL_ERR_MAX];
	trim(f->fields[F_TITLE].value, title, sizeof title);
	trim(f->fields[F_PARTY].value, party, sizeof party);
	trim(f->fields[F_JUST].value, just, sizeof just);
	bl_amend_rec a = { 0 };
	a.number = c->number;
	a.title = title;
	a.party = party;
	a.justification = just[0] ? just : NULL;
	*field_out = -1;
	if (bl_date_parse(f->fields[F_TABLED].value, &a.tabled, err) != 0) {
		*field_out = F_TABLED;
		return -1;
	}
	a.late = bl_readings_amendment_late(&t->def->readings, a.tabled);
	if (parse_number(f->fields[F_PARENT].value, &a.parent) != 0) {
		*field_out = F_PARENT;
		return bl_err_set(err, _("The number of the amendment this one amends, or empty."));
	}
	bl_amend_change ch[N_CHANGE_ROWS];
	size_t n = 0;
	int rc = 0;
	for (int i = 0; i < N_CHANGE_ROWS; i++) {
		int r = tui_change_parse(t, f->fields[F_CHANGE0 + i].value, &ch[n], msg, sizeof msg);
		if (r < 0) {
			*field_out = F_CHANGE0 + i;
			rc = bl_err_set(err, "%s", msg);
			goto out;
		}
		if (r == 0)
			n++;
	}
	if (!n) {
		*field_out = F_CHANGE0;
		rc = bl_err_set(err, _("An amendment needs at least one change."));
		goto out;
	}
	a.changes = ch;
	a.n_changes = n;
	c->late = a.late;
	if (c->number) {
		rc = bl_store_amendment_update(t->store, &a, err);
		c->saved = c->number;
	} else {
		rc = bl_store_amendment_add(t->store, &a, &c->saved, err);
	}
out:
	for (size_t i = 0; i < n; i++)
		tui_change_free(&ch[i]);
	return rc;
}

static bool refuse_unfrozen(tui *t, amend_state *s)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: amendments cannot be changed here."), t->path);
		return true;
	}
	if (!s->frozen) {
		tui_msg(t, R_LOCKED, "%s",
			_("Refused: the first-reading version is not frozen yet. Advance the process to its first reading (screen 1, A) first."));
		return true;
	}
	/* Said before the form opens, not after it is filled in; the store
	 * refuses it too (amend_store.c), this only says so at once. */
	unsigned locks = t->locks;
	bl_err err = { { 0 } };
	if (bl_store_locks(t->store, &locks, &err) != 0) {
		tui_msg_err(t, &err);
		return true;
	}
	if (locks & BL_LOCK_AMOUNTS) {
		const char *phase = t->phase >= 0 ? t->def->phases[t->phase].title : "?";
		tui_msg(t, R_LOCKED, _("Refused: amounts are locked during the phase '%s', so no amendment can be tabled, corrected or decided now."),
			phase);
		return true;
	}
	return false;
}

static void amendment_form(tui *t, amend_state *s, const bl_amend_rec *a)
{
	tui_field fields[N_FIELDS];
	memset(fields, 0, sizeof fields);
	fields[F_TITLE].label = _("Title");
	fields[F_TITLE].validate = valid_title;
	fields[F_PARTY].label = _("Party");
	fields[F_PARTY].validate = valid_party;
	fields[F_TABLED].label = _("Tabled");
	fields[F_TABLED].validate = valid_tabled;
	fields[F_TABLED].warn = warn_tabled;
	fields[F_PARENT].label = _("Amends nr");
	fields[F_PARENT].validate = valid_parent;
	fields[F_JUST].label = _("Justification");
	fields[F_JUST].validate = valid_just;
	static char labels[N_CHANGE_ROWS][32];
	for (int i = 0; i < N_CHANGE_ROWS; i++) {
		snprintf(labels[i], sizeof labels[i], _("Change %d"), i + 1);
		fields[F_CHANGE0 + i].label = labels[i];
		fields[F_CHANGE0 + i].validate = valid_change;
	}
	/* How to write a change, under the first row, while it is valid. */
	fields[F_CHANGE0].warn = warn_syntax;
	form_ctx c = { s, a ? a->number : 0, 0, false };
	char title[128];
	if (a) {
		if (a->n_changes > N_CHANGE_ROWS || strlen(a->title) >= sizeof fields[0].value ||
		    (a->justification && (strlen(a->justification) >= sizeof fields[0].value ||
					  strpbrk(a->justification, "\n\t")))) {
			tui_msg(t, R_LOCKED, _("Amendment %" PRId64 " has more than this form can hold (%d changes, one-line texts); correct it with `budgetlab amendment set`."),
				a->number, N_CHANGE_ROWS);
			return;
		}
		snprintf(title, sizeof title, _("Amendment %" PRId64 " (amounts in kr.)"), a->number);
		snprintf(fields[F_TITLE].value, sizeof fields[F_TITLE].value, "%s", a->title);
		snprintf(fields[F_PARTY].value, sizeof fields[F_PARTY].value, "%s", a->party);
		char d[11];
		bl_date_format(a->tabled, d);
		snprintf(fields[F_TABLED].value, sizeof fields[F_TABLED].value, "%s", d);
		if (a->parent)
			snprintf(fields[F_PARENT].value, sizeof fields[F_PARENT].value, "%" PRId64, a->parent);
		if (a->justification)
			snprintf(fields[F_JUST].value, sizeof fields[F_JUST].value, "%s", a->justification);
		for (size_t k = 0; k < a->n_changes; k++)
			tui_change_text(t, &a->changes[k], fields[F_CHANGE0 + k].value, sizeof fields[0].value);
	} else {
		snprintf(title, sizeof title, "%s", _("Table an amendment (amounts in kr.)"));
		char d[11];
		bl_date_format(bl_date_today(), d);
		snprintf(fields[F_TABLED].value, sizeof fields[F_TABLED].value, "%s", d);
	}
	tui_form f = { .title = title, .fields = fields, .n_fields = N_FIELDS, .ctx = &c,
		       .save = save_amendment };
	bool editing = a != NULL;
	int rc = tui_form_run(t, &f);
	if (rc != 1) {
		tui_msg(t, R_DIM, "%s", editing ? _("Cancelled: the amendment was not changed.") : _("Cancelled: no amendment was tabled."));
		return;
	}
	load(t, s);
	int i = find_number(s, c.saved);
	if (i >= 0) {
		s->sel = i;
		keep_visible(s);
	}
	char cl[512];
	tui_clean(i >= 0 ? s->recs[i].title : "", false, cl, sizeof cl);
	tui_msg(t, R_INFO, editing ? _("Corrected amendment %" PRId64 ": %s%s") : _("Tabled amendment %" PRId64 ": %s%s"),
		c.saved, cl, c.late ? _(" (late)") : "");
}

enum { D_DECISION, D_NOTE, N_DFIELDS };

typedef struct decide_ctx {
	int64_t number;
	bl_decision d;
	char note[512];
} decide_ctx;

static const char *valid_note(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The note"), text, false, 500, msg, msgsz);
}

static int save_decision(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	/* Only what was chosen: a decision is final, so decide() asks before
	 * it writes, once the form is closed. */
	(void)t;
	decide_ctx *c = f->ctx;
	trim(f->fields[D_NOTE].value, c->note, sizeof c->note);
	*field_out = -1;
	if (bl_decision_from_key(f->fields[D_DECISION].value, &c->d) != 0 || c->d == BL_UNDECIDED) {
		*field_out = D_DECISION;
		return bl_err_set(err, _("Choose adopted, rejected or withdrawn."));
	}
	return 0;
}

static void decide(tui *t, amend_state *s, const bl_amend_rec *a)
{
	if (a->decision != BL_UNDECIDED) {
		tui_msg(t, R_LOCKED, _("Refused: amendment %" PRId64 " was already %s on %.10s by %s; a decision is final."),
			a->number, decision_name(a), a->decided_at ? a->decided_at : "?",
			a->decided_by ? a->decided_by : "?");
		return;
	}
	tui_field fields[N_DFIELDS];
	memset(fields, 0, sizeof fields);
	fields[D_DECISION].label = _("Decision");
	fields[D_DECISION].choices = "adopted|rejected|withdrawn";
	snprintf(fields[D_DECISION].value, sizeof fields[D_DECISION].value, "adopted");
	fields[D_NOTE].label = _("Note");
	fields[D_NOTE].validate = valid_note;
	char title[128];
	snprintf(title, sizeof title, _("Decide amendment %" PRId64), a->number);
	decide_ctx c = { a->number, BL_UNDECIDED, "" };
	tui_form f = { .title = title, .fields = fields, .n_fields = N_DFIELDS, .ctx = &c,
		       .save = save_decision };
	if (tui_form_run(t, &f) != 1) {
		tui_msg(t, R_DIM, _("Cancelled: amendment %" PRId64 " is still undecided."), c.number);
		return;
	}
	char q[256];
	snprintf(q, sizeof q, _("Record '%s' for amendment %" PRId64 "? A decision is final."),
		 bl_decision_key(c.d), c.number);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Nothing was recorded: amendment %" PRId64 " is still undecided."), c.number);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_amendment_decide(t->store, c.number, c.d, c.note[0] ? c.note : NULL, &err) != 0) {
		tui_reload(t);
		tui_msg(t, R_ERROR, _("Nothing was recorded: %s"), err.msg);
		return;
	}
	load(t, s);
	tui_msg(t, R_INFO, c.d == BL_ADOPTED ? _("Amendment %" PRId64 " adopted; the adopted version is computed again (screen V shows the difference).")
		: c.d == BL_REJECTED ? _("Amendment %" PRId64 " rejected.") : _("Amendment %" PRId64 " withdrawn."),
		c.number);
}

static void spotlight(tui *t, amend_state *s)
{
	if (s->sel < 0) {
		tui_msg(t, R_DIM, "%s", _("There is no amendment to put on the projector yet."));
		return;
	}
	const bl_amend_rec *a = &s->recs[s->sel];
	char ref[32];
	snprintf(ref, sizeof ref, "%" PRId64, a->number);
	bl_spotlight sp = { .kind = BL_SPOT_AMENDMENT, .ref = ref };
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	int64_t number = a->number;
	tui_reload(t);
	tui_msg(t, R_INFO, _("On the projector: amendment %" PRId64 " and its effect on the balance."), number);
}

static void move_sel(amend_state *s, int delta)
{
	if (!s->n)
		return;
	int v = s->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)s->n)
		v = (int)s->n - 1;
	s->sel = v;
	keep_visible(s);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	amend_state *s = st;
	switch (a) {
	case ACT_UP: move_sel(s, -1); return true;
	case ACT_DOWN: move_sel(s, 1); return true;
	case ACT_PGUP: move_sel(s, -(s->page > 1 ? s->page - 1 : 1)); return true;
	case ACT_PGDN: move_sel(s, s->page > 1 ? s->page - 1 : 1); return true;
	case ACT_HOME: move_sel(s, -(int)s->n); return true;
	case ACT_END: move_sel(s, (int)s->n); return true;
	default: break;
	}
	if (a != ACT_ADD && a != ACT_EDIT && a != ACT_AMEND_DECIDE && a != ACT_SPOTLIGHT)
		return false;
	catch_up(t);
	if (a == ACT_SPOTLIGHT) {
		spotlight(t, s);
		return true;
	}
	if (refuse_unfrozen(t, s))
		return true;
	if (a == ACT_ADD) {
		amendment_form(t, s, NULL);
		return true;
	}
	if (s->sel < 0) {
		tui_msg(t, R_DIM, "%s", _("No amendments yet: a tables the first."));
		return true;
	}
	const bl_amend_rec *r = &s->recs[s->sel];
	if (a == ACT_EDIT) {
		if (r->decision != BL_UNDECIDED) {
			tui_msg(t, R_LOCKED, _("Refused: amendment %" PRId64 " is already %s, and a decided amendment is never changed."),
				r->number, decision_name(r));
			return true;
		}
		amendment_form(t, s, r);
	} else {
		decide(t, s, r);
	}
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	amend_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->sel = -1;
	s->page = 1;
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	amend_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	amend_state *s = st;
	fprintf(f, "amendments.frozen=%s\n", s->frozen ? "yes" : "no");
	fprintf(f, "amendments.count=%zu\n", s->n);
	for (size_t i = 0; i < s->n; i++) {
		const bl_amend_rec *a = &s->recs[i];
		char title[512], party[512], d[11];
		tui_clean(a->title, false, title, sizeof title);
		tui_clean(a->party, false, party, sizeof party);
		bl_date_format(a->tabled, d);
		fprintf(f, "amendment.%" PRId64 "=%s|%s|%s|%s|parent=%" PRId64 "|%s|changes=%zu", a->number, title, party,
			d, a->late ? "late" : "on time", a->parent, bl_decision_key(a->decision), a->n_changes);
		if (s->eff[i].ok) {
			fprintf(f, "|balance=");
			for (int y = 0; y < t->info.n_years; y++)
				fprintf(f, "%s%" PRId64, y ? "," : "", (int64_t)s->eff[i].balance[y]);
		}
		fprintf(f, "\n");
	}
	fprintf(f, "amendments.selected=%" PRId64 "\n", s->sel >= 0 ? s->recs[s->sel].number : 0);
	fprintf(f, "amendments.conflicts=%zu\n", s->n_conf);
	fprintf(f, "amendments.spotlight=%s\n", s->spot.kind == BL_SPOT_AMENDMENT && s->spot.ref ? s->spot.ref : "");
}

const tui_screen_ops tui_screen_amendments = {
	.id = SCR_AMENDMENTS, .name = "amendments", .title = N_("Amendments"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
