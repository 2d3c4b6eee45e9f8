/* screen_hearing.c: the register of hearing responses (høringssvar).
 *
 *   row 0         column headings
 *   rows 1..L     the responses: number, received, late, organisation
 *                 type, position, consent, lines, commented, sender
 *   separator
 *   the rest      the selected response in full: its sender, lines,
 *                 areas, text and the administration's comment
 *
 * The sender is personal data: it is shown here, the finance officer's
 * screen, and never on the projector (nothing here can put a response
 * there).  The form keeps the organisation type, date, position and
 * consent of the last response registered, since an afternoon's thirty
 * responses mostly share them; lines are typed by code with Tab
 * completion, areas by code or path.  The date is checked against the
 * hearing window of the process file (bl_readings_response_date): before
 * it opened is refused, after it closed is recorded as late. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/hearing_store.h"
#include "tui/readings_screen.h"

#define SENDER_MAX 200
#define TEXT_MAX 4000
#define REF_MAX 400

typedef struct hearing_state {
	bl_response *r;
	size_t n;
	int sel, top, page;
	/* the last values registered, for the next response */
	char last_org[64], last_date[16], last_pos[16], last_consent[8];
	/* for completion */
	char **codes;
	size_t n_codes;
	char **areas;   /* area codes and paths */
	size_t n_areas;
	char org_choices[1024];
} hearing_state;

static void put_clean(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean(s ? s : "", false, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

static const char *org_name(const tui *t, const char *key)
{
	const bl_org_type *o = bl_readings_org_type(&t->def->readings, key);
	return o ? o->name : key;
}

/* ---- loading ---- */

static void load(tui *t, hearing_state *h)
{
	int64_t keep = h->sel >= 0 && (size_t)h->sel < h->n ? h->r[h->sel].number : 0;
	int old = h->sel;
	bl_responses_free(h->r, h->n);
	h->r = NULL;
	h->n = 0;
	bl_err err = { { 0 } };
	if (bl_store_responses(t->store, &h->r, &h->n, &err) != 0) {
		tui_msg_err(t, &err);
		h->sel = -1;
		return;
	}
	h->sel = -1;
	for (size_t i = 0; i < h->n; i++)
		if (h->r[i].number == keep)
			h->sel = (int)i;
	if (h->sel < 0 && h->n)
		h->sel = old < 0 ? 0 : old >= (int)h->n ? (int)h->n - 1 : old;
}

static void load_words(tui *t, hearing_state *h)
{
	bl_err err = { { 0 } };
	tui_strings_free(h->codes, h->n_codes);
	tui_strings_free(h->areas, h->n_areas);
	h->codes = h->areas = NULL;
	h->n_codes = h->n_areas = 0;
	if (tui_line_codes(t, &h->codes, &h->n_codes, &err) != 0)
		tui_msg_err(t, &err);
	bl_area *a = NULL;
	size_t n = 0;
	if (bl_store_areas(t->store, &a, &n, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	h->areas = calloc(2 * n + 1, sizeof *h->areas);
	for (size_t i = 0; h->areas && i < n; i++) {
		/* its code, and its path from the top */
		char path[1024] = "", tmp[1024];
		const bl_area *p = &a[i];
		while (p) {
			snprintf(tmp, sizeof tmp, "%s%s%s", p->code, path[0] ? "/" : "", path);
			snprintf(path, sizeof path, "%s", tmp);
			const bl_area *up = NULL;
			for (size_t k = 0; p->parent_id && k < n; k++)
				if (a[k].id == p->parent_id)
					up = &a[k];
			p = up;
		}
		/* A code that several areas share names none of them: only
		 * their paths are offered. */
		int same = 0;
		for (size_t k = 0; k < n; k++)
			same += strcmp(a[k].code, a[i].code) == 0;
		if (same == 1)
			h->areas[h->n_areas++] = strdup(a[i].code);
		if (same > 1 || strcmp(path, a[i].code) != 0)
			h->areas[h->n_areas++] = strdup(path);
	}
	/* a NULL from strdup ends the list early, which only loses words */
	for (size_t i = 0; i < h->n_areas; i++)
		if (!h->areas[i])
			h->n_areas = i;
	bl_areas_free(a, n);
}

static void catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

/* ---- drawing ---- */

typedef struct cols {
	int nr_x, nr_w, date_x, late_x, late_w, org_x, org_w, pos_x, pos_w, cons_x, cons_w,
		lines_x, lines_w, com_x, com_w, send_x, send_w;
} cols;

static void layout(tui *t, const hearing_state *h, cols *c)
{
	c->nr_x = 1;
	c->nr_w = 3;
	c->date_x = c->nr_x + c->nr_w + 1;
	c->late_x = c->date_x + 11;
	c->late_w = bl_text_width(_("Late"));
	c->org_x = c->late_x + c->late_w + 1;
	c->org_w = bl_text_width(_("Org type"));
	for (size_t i = 0; i < h->n; i++) {
		int w = bl_text_width(org_name(t, h->r[i].org_type));
		if (w > c->org_w)
			c->org_w = w;
	}
	if (c->org_w > 16)
		c->org_w = 16;
	c->pos_x = c->org_x + c->org_w + 1;
	c->pos_w = bl_text_width(_("Position"));
	for (int p = 0; p < BL_POS_COUNT; p++) {
		int w = bl_text_width(bl_position_name((bl_position)p));
		if (w > c->pos_w)
			c->pos_w = w;
	}
	/* "proposes a change" is cut on a narrow terminal: the sender
	 * needs the room more. */
	if (COLS < 100 && c->pos_w > 10)
		c->pos_w = 10;
	c->cons_x = c->pos_x + c->pos_w + 1;
	c->cons_w = bl_text_width(_("Consent"));
	c->lines_x = c->cons_x + c->cons_w + 1;
	c->lines_w = bl_text_width(_("Lines"));
	c->com_x = c->lines_x + c->lines_w + 1;
	c->com_w = bl_text_width(_("Comment"));
	c->send_x = c->com_x + c->com_w + 1;
	c->send_w = COLS - 1 - c->send_x;
}

static bool commented(const bl_response *r)
{
	return r->comment && *r->comment;
}

static void draw_row(tui *t, const hearing_state *h, const cols *c, int y, size_t i, bool on)
{
	const bl_response *r = &h->r[i];
	int base = on ? R_SELECTED : R_NORMAL;
	char buf[64];
	if (on)
		tui_fill(y, 0, COLS, R_SELECTED);
	snprintf(buf, sizeof buf, "%" PRId64, r->number);
	tui_put(y, c->nr_x, c->nr_w, buf, on ? R_SELECTED : R_DIM, true);
	char d[11];
	bl_date_format(r->received, d);
	tui_put(y, c->date_x, 10, d, base, false);
	tui_put(y, c->late_x, c->late_w, r->late ? _("late") : "", on ? R_SELECTED : R_LOCKED, false);
	put_clean(y, c->org_x, c->org_w, org_name(t, r->org_type), base, false);
	tui_put(y, c->pos_x, c->pos_w, bl_position_name(r->position), base, false);
	tui_put(y, c->cons_x, c->cons_w, r->consent ? _("yes") : _("no"), base, false);
	snprintf(buf, sizeof buf, "%zu", r->n_lines);
	tui_put(y, c->lines_x, c->lines_w, buf, r->n_lines ? base : on ? R_SELECTED : R_DIM, true);
	tui_put(y, c->com_x, c->com_w, commented(r) ? _("yes") : _("no"),
		on ? R_SELECTED : commented(r) ? R_DONE : R_FAIL, false);
	put_clean(y, c->send_x, c->send_w, r->sender, base, false);
}

static void draw_detail(tui *t, hearing_state *h, int y, int rows)
{
	char buf[2048];
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	size_t without = 0, late = 0;
	for (size_t i = 0; i < h->n; i++) {
		without += !commented(&h->r[i]);
		late += h->r[i].late;
	}
	if (late)
		snprintf(buf, sizeof buf, _(" %zu responses, %zu late, %zu without a comment "), h->n, late, without);
	else
		snprintf(buf, sizeof buf, _(" %zu responses, %zu without a comment "), h->n, without);
	int w = bl_text_width(buf);
	tui_put(y, COLS - 2 - w, w, buf, R_DIM, false);
	if (h->sel < 0)
		return;
	const bl_response *r = &h->r[h->sel];
	int yy = y + 1, end = y + rows;
	char d[11], sender[512];
	bl_date_format(r->received, d);
	tui_clean(r->sender, false, sender, sizeof sender);
	snprintf(buf, sizeof buf, _("%" PRId64 ". %s (%s), received %s%s · %s · %s"), r->number, sender,
		 org_name(t, r->org_type), d, r->late ? _(", late") : "", bl_position_name(r->position),
		 r->consent ? _("may be published") : _("no consent to publish"));
	char cb[2048];
	tui_clean(buf, false, cb, sizeof cb);
	yy += tui_wrap(yy, 1, COLS - 2, end - yy, cb, R_HEADING);
	if (yy < end) {
		size_t used = (size_t)snprintf(buf, sizeof buf, "%s", _("Lines:"));
		/* With their titles: a handful, looked up by code (indexed). */
		for (size_t i = 0; i < r->n_lines && used < sizeof buf; i++) {
			bl_line l = { 0 };
			bl_err err = { { 0 } };
			if (bl_store_line_find(t->store, r->lines[i], &l, &err) == 0)
				used += (size_t)snprintf(buf + used, sizeof buf - used, "%s %s %s", i ? "," : "",
							 r->lines[i], l.title);
			else
				used += (size_t)snprintf(buf + used, sizeof buf - used, "%s %s", i ? "," : "", r->lines[i]);
			bl_line_clear(&l);
		}
		if (!r->n_lines && used < sizeof buf)
			used += (size_t)snprintf(buf + used, sizeof buf - used, " %s", _("none"));
		if (used < sizeof buf)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "   %s", _("Areas:"));
		for (size_t i = 0; i < r->n_areas && used < sizeof buf; i++)
			used += (size_t)snprintf(buf + used, sizeof buf - used, " %s", r->areas[i]);
		if (!r->n_areas && used < sizeof buf)
			snprintf(buf + used, sizeof buf - used, " %s", _("none"));
		tui_clean(buf, false, cb, sizeof cb);
		yy += tui_wrap(yy, 1, COLS - 2, end - yy, cb, R_NORMAL);
	}
	if (yy < end) {
		if (commented(r)) {
			snprintf(buf, sizeof buf, _("Comment: %s"), r->comment);
			tui_clean(buf, false, cb, sizeof cb);
			yy += tui_wrap(yy, 1, COLS - 2, end - yy, cb, R_INFO);
		} else {
			yy += tui_wrap(yy, 1, COLS - 2, end - yy, _("No comment from the administration yet: c writes one."), R_DIM);
		}
	}
	if (r->file_ref && *r->file_ref && yy < end) {
		snprintf(buf, sizeof buf, _("File: %s"), r->file_ref);
		tui_clean(buf, false, cb, sizeof cb);
		yy += tui_wrap(yy, 1, COLS - 2, end - yy, cb, R_DIM);
	}
	if (r->text && *r->text && yy < end) {
		size_t len = strlen(r->text) + 1;
		char *ct = malloc(len * 3 + 1);
		if (ct) {
			tui_clean(r->text, true, ct, len * 3 + 1);
			tui_wrap(yy, 1, COLS - 2, end - yy, ct, R_NORMAL);
			free(ct);
		}
	}
}

static void keep_visible(hearing_state *h)
{
	if (h->page < 1)
		h->page = 1;
	if (h->sel >= 0) {
		if (h->sel < h->top)
			h->top = h->sel;
		if (h->sel >= h->top + h->page)
			h->top = h->sel - h->page + 1;
	}
	int max_top = (int)h->n - h->page;
	if (h->top > max_top)
		h->top = max_top < 0 ? 0 : max_top;
	if (h->top < 0)
		h->top = 0;
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	hearing_state *h = st;
	if (!h->n) {
		h->page = rows - 1;
		int used = tui_wrap(top + 1, 2, COLS - 4, rows - 1, _("No hearing responses yet. Press a to register the first."), R_NORMAL);
		const bl_readings_def *rd = &t->def->readings;
		if (rd->has_hearing && used + 2 < rows) {
			char o[11], c[11], buf[256];
			bl_date_format(rd->hearing_opens, o);
			bl_date_format(rd->hearing_closes, c);
			snprintf(buf, sizeof buf, _("The hearing runs from %s to %s: a response received later is recorded as late."), o, c);
			tui_wrap(top + 2 + used, 2, COLS - 4, rows - 2 - used, buf, R_DIM);
		}
		return;
	}
	cols c;
	layout(t, h, &c);
	tui_fill(top, 0, COLS, R_HEADING);
	tui_put(top, c.nr_x, c.nr_w, _("Nr"), R_HEADING, true);
	tui_put(top, c.date_x, 10, _("Received"), R_HEADING, false);
	tui_put(top, c.late_x, c.late_w, _("Late"), R_HEADING, false);
	tui_put(top, c.org_x, c.org_w, _("Org type"), R_HEADING, false);
	tui_put(top, c.pos_x, c.pos_w, _("Position"), R_HEADING, false);
	tui_put(top, c.cons_x, c.cons_w, _("Consent"), R_HEADING, false);
	tui_put(top, c.lines_x, c.lines_w, _("Lines"), R_HEADING, true);
	tui_put(top, c.com_x, c.com_w, _("Comment"), R_HEADING, false);
	tui_put(top, c.send_x, c.send_w, _("Sender"), R_HEADING, false);
	int list = (rows - 1) * 3 / 5;
	if (list < 3)
		list = 3;
	if ((int)h->n < list)
		list = (int)h->n;
	h->page = list;
	keep_visible(h);
	for (int i = 0; i < h->page && h->top + i < (int)h->n; i++)
		draw_row(t, h, &c, top + 1 + i, (size_t)(h->top + i), h->top + i == h->sel);
	int dy = top + 1 + h->page;
	if (dy < top + rows)
		draw_detail(t, h, dy, top + rows - dy);
}

/* ---- the form ---- */

enum { F_SENDER, F_ORG, F_DATE, F_POS, F_CONSENT, F_LINES, F_AREAS, F_TEXT, F_REF, N_FIELDS };

typedef struct form_ctx {
	hearing_state *h;
	int64_t number;  /* 0: a new one */
	int64_t saved;
	bool late;
	const char *kept_text; /* a text the form cannot hold, kept */
} form_ctx;

static const char *valid_sender(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The sender"), text, true, SENDER_MAX, msg, msgsz);
}

static const char *valid_text(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The text"), text, false, TEXT_MAX, msg, msgsz);
}

static const char *valid_ref(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The file reference"), text, false, REF_MAX, msg, msgsz);
}

static const char *warn_org(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	snprintf(msg, msgsz, "%s", org_name(t, text));
	return msg;
}

static const char *warn_pos(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	bl_position p;
	if (bl_position_from_key(text, &p) != 0 || strcmp(bl_position_name(p), text) == 0)
		return NULL; /* nothing to add to the key */
	snprintf(msg, msgsz, "%s", bl_position_name(p));
	return msg;
}

static const char *valid_date(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	bl_date d;
	bool late;
	bl_err err = { { 0 } };
	if (bl_date_parse(text, &d, &err) != 0) {
		snprintf(msg, msgsz, _("The date: %s (YYYY-MM-DD)."), err.msg);
		return msg;
	}
	if (bl_readings_response_date(&t->def->readings, d, &late, &err) != 0) {
		snprintf(msg, msgsz, _("Refused: %s."), err.msg);
		return msg;
	}
	return NULL;
}

static const char *warn_date(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	bl_date d;
	bool late = false;
	bl_err err = { { 0 } };
	if (bl_date_parse(text, &d, &err) != 0 || bl_readings_response_date(&t->def->readings, d, &late, &err) != 0 ||
	    !late)
		return NULL;
	char c[11];
	bl_date_format(t->def->readings.hearing_closes, c);
	snprintf(msg, msgsz, _("Late: the hearing closed on %s. It is registered, marked late."), c);
	return msg;
}

/* Split text into words (malloc'd copy in *buf, pointers in words). */
static size_t split_words(const char *text, char **buf, char **words, size_t max)
{
	*buf = strdup(text);
	size_t n = 0;
	if (!*buf)
		return 0;
	for (char *p = strtok(*buf, " "); p && n < max; p = strtok(NULL, " "))
		words[n++] = p;
	return n;
}

#define MAX_REFS 64

static const char *valid_lines(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	const char *e = tui_check_text(_("The lines"), text, false, 500, msg, msgsz);
	if (e)
		return e;
	char *buf, *w[MAX_REFS + 1];
	size_t n = split_words(text, &buf, w, MAX_REFS + 1);
	const char *bad = NULL;
	if (n > MAX_REFS) {
		snprintf(msg, msgsz, _("At most %d lines."), MAX_REFS);
		bad = msg;
	}
	for (size_t i = 0; !bad && i < n; i++) {
		bl_line l = { 0 };
		bl_err err = { { 0 } };
		char q[BL_QUOTE_MAX];
		bl_text_quote(w[i], strlen(w[i]), q);
		if (bl_store_line_find(t->store, w[i], &l, &err) != 0) {
			snprintf(msg, msgsz, _("There is no budget line '%s' (Tab completes a code)."), q);
			bad = msg;
		}
		bl_line_clear(&l);
		for (size_t k = 0; !bad && k < i; k++)
			if (strcmp(w[k], w[i]) == 0) {
				snprintf(msg, msgsz, _("The line '%s' is named twice."), q);
				bad = msg;
			}
	}
	free(buf);
	return bad;
}

static const char *valid_areas(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)ctx;
	const char *e = tui_check_text(_("The areas"), text, false, 500, msg, msgsz);
	if (e)
		return e;
	char *buf, *w[MAX_REFS + 1];
	size_t n = split_words(text, &buf, w, MAX_REFS + 1);
	const char *bad = NULL;
	if (n > MAX_REFS) {
		snprintf(msg, msgsz, _("At most %d areas."), MAX_REFS);
		bad = msg;
	}
	for (size_t i = 0; !bad && i < n; i++) {
		int64_t id;
		bl_err err = { { 0 } };
		if (bl_store_area_find(t->store, w[i], &id, &err) != 0) {
			snprintf(msg, msgsz, _("%s: type an area's code or path (Tab completes)."), err.msg);
			bad = msg;
		}
	}
	free(buf);
	return bad;
}

static int complete_lines(tui *t, void *ctx, char *value, size_t size, char *msg, size_t msgsz)
{
	(void)t;
	form_ctx *c = ctx;
	return tui_complete_word(value, size, (const char *const *)c->h->codes, c->h->n_codes, _("line code"), msg,
				 msgsz);
}

static int complete_areas(tui *t, void *ctx, char *value, size_t size, char *msg, size_t msgsz)
{
	(void)t;
	form_ctx *c = ctx;
	return tui_complete_word(value, size, (const char *const *)c->h->areas, c->h->n_areas, _("area"), msg, msgsz);
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

static int save_response(tui *t, tui_form *f, int *field_out, bl_err *err)
{
	form_ctx *c = f->ctx;
	char sender[512], text[512], ref[512];
	trim(f->fields[F_SENDER].value, sender, sizeof sender);
	trim(f->fields[F_TEXT].value, text, sizeof text);
	trim(f->fields[F_REF].value, ref, sizeof ref);
	bl_response r = { 0 };
	r.number = c->number;
	r.sender = sender;
	r.org_type = f->fields[F_ORG].value;
	*field_out = F_DATE;
	if (bl_date_parse(f->fields[F_DATE].value, &r.received, err) != 0 ||
	    bl_readings_response_date(&t->def->readings, r.received, &r.late, err) != 0)
		return -1;
	*field_out = F_POS;
	if (bl_position_from_key(f->fields[F_POS].value, &r.position) != 0)
		return bl_err_set(err, _("Choose for, against, change or neutral."));
	r.consent = strcmp(f->fields[F_CONSENT].value, "yes") == 0;
	r.text = (char *)(c->kept_text ? c->kept_text : text[0] ? text : NULL);
	r.file_ref = ref[0] ? ref : NULL;
	char *lbuf, *abuf, *lw[MAX_REFS], *aw[MAX_REFS];
	r.n_lines = split_words(f->fields[F_LINES].value, &lbuf, lw, MAX_REFS);
	r.n_areas = split_words(f->fields[F_AREAS].value, &abuf, aw, MAX_REFS);
	r.lines = lw;
	r.areas = aw;
	*field_out = -1;
	int rc;
	if (c->number) {
		/* the comment stays as it is */
		int i = -1;
		for (size_t k = 0; k < c->h->n; k++)
			if (c->h->r[k].number == c->number)
				i = (int)k;
		r.comment = i >= 0 ? c->h->r[i].comment : NULL;
		rc = bl_store_response_update(t->store, &r, err);
		c->saved = c->number;
	} else {
		rc = bl_store_response_add(t->store, &r, &c->saved, err);
	}
	c->late = r.late;
	free(lbuf);
	free(abuf);
	return rc;
}

static bool refused(tui *t)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: responses cannot be changed here."), t->path);
		return true;
	}
	return false;
}

static void join(char *const *v, size_t n, char *buf, size_t bufsz)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < bufsz; i++)
		used += (size_t)snprintf(buf + used, bufsz - used, "%s%s", i ? " " : "", v[i]);
}

static void response_form(tui *t, hearing_state *h, const bl_response *r)
{
	tui_field fields[N_FIELDS];
	memset(fields, 0, sizeof fields);
	fields[F_SENDER].label = _("Sender");
	fields[F_SENDER].validate = valid_sender;
	fields[F_ORG].label = _("Org type");
	fields[F_ORG].choices = h->org_choices;
	fields[F_ORG].warn = warn_org;
	fields[F_DATE].label = _("Received");
	fields[F_DATE].validate = valid_date;
	fields[F_DATE].warn = warn_date;
	fields[F_POS].label = _("Position");
	fields[F_POS].choices = "for|against|change|neutral";
	fields[F_POS].warn = warn_pos;
	fields[F_CONSENT].label = _("Consent");
	fields[F_CONSENT].choices = "no|yes";
	fields[F_LINES].label = _("Lines");
	fields[F_LINES].validate = valid_lines;
	fields[F_LINES].complete = complete_lines;
	fields[F_AREAS].label = _("Areas");
	fields[F_AREAS].validate = valid_areas;
	fields[F_AREAS].complete = complete_areas;
	fields[F_TEXT].label = _("Text");
	fields[F_TEXT].validate = valid_text;
	fields[F_REF].label = _("File ref");
	fields[F_REF].validate = valid_ref;
	form_ctx c = { h, r ? r->number : 0, 0, false, NULL };
	char title[128];
	load_words(t, h);
	if (r) {
		snprintf(title, sizeof title, _("Response %" PRId64), r->number);
		snprintf(fields[F_SENDER].value, sizeof fields[0].value, "%s", r->sender);
		snprintf(fields[F_ORG].value, sizeof fields[0].value, "%s", r->org_type);
		bl_date_format(r->received, fields[F_DATE].value);
		snprintf(fields[F_POS].value, sizeof fields[0].value, "%s", bl_position_key(r->position));
		snprintf(fields[F_CONSENT].value, sizeof fields[0].value, "%s", r->consent ? "yes" : "no");
		join(r->lines, r->n_lines, fields[F_LINES].value, sizeof fields[0].value);
		join(r->areas, r->n_areas, fields[F_AREAS].value, sizeof fields[0].value);
		if (r->text && (strlen(r->text) >= sizeof fields[0].value || strpbrk(r->text, "\n\t"))) {
			c.kept_text = r->text;
			tui_clean(r->text, false, fields[F_TEXT].value, sizeof fields[0].value);
			fields[F_TEXT].readonly = _("Kept as it is: it is too long, or has several lines, for this form.");
		} else if (r->text) {
			snprintf(fields[F_TEXT].value, sizeof fields[0].value, "%s", r->text);
		}
		if (r->file_ref)
			snprintf(fields[F_REF].value, sizeof fields[0].value, "%s", r->file_ref);
	} else {
		snprintf(title, sizeof title, "%s", _("Register a hearing response"));
		snprintf(fields[F_ORG].value, sizeof fields[0].value, "%s", h->last_org);
		snprintf(fields[F_DATE].value, sizeof fields[0].value, "%s", h->last_date);
		snprintf(fields[F_POS].value, sizeof fields[0].value, "%s", h->last_pos);
		snprintf(fields[F_CONSENT].value, sizeof fields[0].value, "%s", h->last_consent);
	}
	tui_form f = { .title = title, .fields = fields, .n_fields = N_FIELDS, .ctx = &c, .save = save_response };
	bool editing = r != NULL;
	if (tui_form_run(t, &f) != 1) {
		tui_msg(t, R_DIM, "%s", editing ? _("Cancelled: the response was not changed.") : _("Cancelled: no response was registered."));
		return;
	}
	if (!editing) {
		snprintf(h->last_org, sizeof h->last_org, "%.63s", fields[F_ORG].value);
		snprintf(h->last_date, sizeof h->last_date, "%.15s", fields[F_DATE].value);
		snprintf(h->last_pos, sizeof h->last_pos, "%.15s", fields[F_POS].value);
		snprintf(h->last_consent, sizeof h->last_consent, "%.7s", fields[F_CONSENT].value);
	}
	load(t, h);
	for (size_t i = 0; i < h->n; i++)
		if (h->r[i].number == c.saved)
			h->sel = (int)i;
	keep_visible(h);
	tui_msg(t, R_INFO, editing ? _("Saved response %" PRId64 "%s.") : _("Registered response %" PRId64 "%s; the next keeps its type, date, position and consent."),
		c.saved, c.late ? _(" (late)") : "");
}

static const char *valid_comment(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The comment"), text, false, TEXT_MAX, msg, msgsz);
}

static void comment(tui *t, hearing_state *h, const bl_response *r)
{
	char label[128], text[2048], clean[2048];
	int64_t number = r->number;
	snprintf(label, sizeof label, _("Comment on response %" PRId64 " (empty: none): "), number);
	if (r->comment && strpbrk(r->comment, "\n\t")) {
		tui_msg(t, R_LOCKED, _("The comment on response %" PRId64 " has several lines; change it with `budgetlab response comment`."),
			number);
		return;
	}
	if (tui_prompt(t, label, r->comment ? r->comment : "", text, sizeof text, valid_comment, NULL) != 1) {
		tui_msg(t, R_DIM, _("Cancelled: the comment on response %" PRId64 " was not changed."), number);
		return;
	}
	trim(text, clean, sizeof clean);
	bl_err err = { { 0 } };
	if (bl_store_response_comment(t->store, number, clean, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	load(t, h);
	tui_msg(t, R_INFO, clean[0] ? _("Response %" PRId64 " has the administration's comment.")
		: _("The comment on response %" PRId64 " was removed."), number);
}

static void delete_response(tui *t, hearing_state *h, const bl_response *r)
{
	char q[1024], sender[512];
	int64_t number = r->number;
	tui_clean(r->sender, false, sender, sizeof sender);
	snprintf(q, sizeof q, _("Delete response %" PRId64 " from %s? It was registered by mistake."), number, sender);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Response %" PRId64 " was kept."), number);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_response_delete(t->store, number, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	load(t, h);
	tui_msg(t, R_INFO, _("Deleted response %" PRId64 "."), number);
}

static void move_sel(hearing_state *h, int delta)
{
	if (!h->n)
		return;
	int v = h->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (int)h->n)
		v = (int)h->n - 1;
	h->sel = v;
	keep_visible(h);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	hearing_state *h = st;
	switch (a) {
	case ACT_UP: move_sel(h, -1); return true;
	case ACT_DOWN: move_sel(h, 1); return true;
	case ACT_PGUP: move_sel(h, -(h->page > 1 ? h->page - 1 : 1)); return true;
	case ACT_PGDN: move_sel(h, h->page > 1 ? h->page - 1 : 1); return true;
	case ACT_HOME: move_sel(h, -(int)h->n); return true;
	case ACT_END: move_sel(h, (int)h->n); return true;
	default: break;
	}
	if (a != ACT_ADD && a != ACT_EDIT && a != ACT_DELETE && a != ACT_RESP_COMMENT)
		return false;
	catch_up(t);
	if (refused(t))
		return true;
	if (a == ACT_ADD) {
		response_form(t, h, NULL);
		return true;
	}
	if (h->sel < 0) {
		tui_msg(t, R_DIM, "%s", _("No responses yet: a registers the first."));
		return true;
	}
	const bl_response *r = &h->r[h->sel];
	if (a == ACT_EDIT)
		response_form(t, h, r);
	else if (a == ACT_DELETE)
		delete_response(t, h, r);
	else
		comment(t, h, r);
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	hearing_state *h = calloc(1, sizeof *h);
	if (!h) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	h->sel = -1;
	h->page = 1;
	const bl_readings_def *rd = &t->def->readings;
	size_t used = 0;
	for (size_t i = 0; i < rd->n_org_types && used < sizeof h->org_choices; i++)
		used += (size_t)snprintf(h->org_choices + used, sizeof h->org_choices - used, "%s%s", i ? "|" : "",
					 rd->org_types[i].key);
	snprintf(h->last_org, sizeof h->last_org, "%s", rd->n_org_types ? rd->org_types[0].key : "other");
	bl_date_format(bl_date_today(), h->last_date);
	snprintf(h->last_pos, sizeof h->last_pos, "%s", "neutral");
	snprintf(h->last_consent, sizeof h->last_consent, "%s", "no");
	load(t, h);
	return h;
}

static void s_close(void *st)
{
	hearing_state *h = st;
	bl_responses_free(h->r, h->n);
	tui_strings_free(h->codes, h->n_codes);
	tui_strings_free(h->areas, h->n_areas);
	free(h);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	hearing_state *h = st;
	(void)t;
	fprintf(f, "hearing.count=%zu\n", h->n);
	for (size_t i = 0; i < h->n; i++) {
		const bl_response *r = &h->r[i];
		char d[11], lines[1024], areas[1024];
		bl_date_format(r->received, d);
		join(r->lines, r->n_lines, lines, sizeof lines);
		join(r->areas, r->n_areas, areas, sizeof areas);
		fprintf(f, "response.%" PRId64 "=%s|%s|%s|%s|consent=%s|lines=%s|areas=%s|comment=%s\n", r->number, d,
			r->late ? "late" : "on time", r->org_type, bl_position_key(r->position), r->consent ? "yes" : "no",
			lines, areas, commented(r) ? "yes" : "no");
	}
	fprintf(f, "hearing.selected=%" PRId64 "\n", h->sel >= 0 ? h->r[h->sel].number : 0);
	fprintf(f, "hearing.last=%s|%s|%s|%s\n", h->last_org, h->last_date, h->last_pos, h->last_consent);
}

const tui_screen_ops tui_screen_hearing = {
	.id = SCR_HEARING, .name = "hearing", .title = N_("Hearing"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
