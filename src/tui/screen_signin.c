/* screen_signin.c: the sign-in desk of a lab, and its representation.
 *
 * A lab is only as good as the room is like the municipality: the
 * process definition gives, per category (age, gender, district, ...),
 * each group's share of the population, and this screen shows at once,
 * as people sign in, which groups are below their target (labs:
 * under_represented_below, by default under 80 % of it), so that the
 * organisers can still do something about it: call the ones who signed
 * up, go out and recruit.  The shares are worked out exactly, in basis
 * points (bl_repr_compute), so a flag never depends on rounding.
 *
 *   row 0        the lab, the session sign-ins go to, how many are in
 *   left         the participants: number, name (personal data: shown
 *                here and nowhere else, never on the projector), groups
 *   right        per category and group: count, share, target, and a
 *                red "!" on each group below its threshold
 *
 * The participants are pseudonymous everywhere else: a number in the
 * lab.  p puts the representation (counts only) on the projector. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/ballots_common.h"
#include "tui/lab_screen.h"

#define NAME_MAX_BYTES 200
/* A form's choices: form.c takes at most 16, each under 64 bytes. */
#define CHOICES_MAX 16

typedef struct cat_repr {
	size_t *counts;
	bl_repr_row *rows;
	size_t total, stated;
} cat_repr;

typedef struct signin_state {
	bool has_lab;
	bl_lab lab;
	bl_session *sessions;
	size_t n_sessions;
	bl_participant *parts;  /* with names: this screen only */
	size_t n_parts;
	cat_repr *repr;         /* one per category of t->def->lab */
	size_t n_repr;
	size_t n_under;         /* groups under-represented */
	int sel, top, page;
	bl_spotlight spot;
	/* The lab and session loaded: another screen may choose others
	 * (t->lab, t->session) without writing anything. */
	int64_t loaded_lab, loaded_session;
} signin_state;

static const bl_lab_def *labdef(const tui *t)
{
	return &t->def->lab;
}

/* ---- loading ---- */

static void free_data(signin_state *s)
{
	if (s->has_lab)
		bl_lab_clear(&s->lab);
	s->has_lab = false;
	bl_sessions_free(s->sessions, s->n_sessions);
	bl_participants_free(s->parts, s->n_parts);
	s->sessions = NULL;
	s->parts = NULL;
	s->n_sessions = s->n_parts = 0;
	if (s->repr) {
		for (size_t k = 0; k < s->n_repr; k++) {
			free(s->repr[k].counts);
			free(s->repr[k].rows);
		}
		free(s->repr);
		s->repr = NULL;
	}
	s->n_repr = 0;
	s->n_under = 0;
	bl_spotlight_clear(&s->spot);
}

static void load(tui *t, signin_state *s)
{
	int64_t keep = s->sel >= 0 && (size_t)s->sel < s->n_parts ? s->parts[s->sel].number : 0;
	int old = s->sel;
	free_data(s);
	s->sel = -1;
	s->loaded_lab = t->lab;
	s->loaded_session = t->session;
	if (!t->lab)
		return;
	bl_err err = { { 0 } };
	if (bl_store_lab_get(t->store, t->lab, &s->lab, &err) != 0) {
		/* The lab is gone (another terminal): none is current. */
		t->lab = t->session = 0;
		return;
	}
	s->has_lab = true;
	if (bl_store_sessions(t->store, t->lab, &s->sessions, &s->n_sessions, &err) != 0 ||
	    bl_store_participants(t->store, t->lab, true, &s->parts, &s->n_parts, &err) != 0 ||
	    bl_store_spotlight_get(t->store, &s->spot, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	bool found = false;
	for (size_t i = 0; i < s->n_sessions; i++)
		found |= s->sessions[i].id == t->session;
	if (!found)
		t->session = s->n_sessions ? s->sessions[s->n_sessions - 1].id : 0;
	s->loaded_session = t->session;
	const bl_lab_def *d = labdef(t);
	s->repr = d->n_categories ? calloc(d->n_categories, sizeof *s->repr) : NULL;
	s->n_repr = s->repr ? d->n_categories : 0;
	for (size_t k = 0; s->repr && k < d->n_categories; k++) {
		const bl_category *c = &d->categories[k];
		cat_repr *r = &s->repr[k];
		size_t n = c->n_values ? c->n_values : 1;
		r->counts = calloc(n, sizeof *r->counts);
		r->rows = calloc(n, sizeof *r->rows);
		if (!r->counts || !r->rows) {
			tui_msg(t, R_ERROR, "%s", _("out of memory"));
			break;
		}
		if (bl_store_participant_counts(t->store, t->lab, c, r->counts, &r->total, &err) != 0) {
			tui_msg_err(t, &err);
			break;
		}
		bl_repr_compute(c, r->counts, r->total, d->under, r->rows);
		for (size_t v = 0; v < c->n_values; v++) {
			r->stated += r->counts[v];
			s->n_under += r->rows[v].under;
		}
	}
	for (size_t i = 0; keep && i < s->n_parts; i++)
		if (s->parts[i].number == keep)
			s->sel = (int)i;
	if (s->sel < 0 && s->n_parts)
		s->sel = old < 0 ? 0 : old >= (int)s->n_parts ? (int)s->n_parts - 1 : old;
}

/* ---- text ---- */

/* The value's name as the participant's row shows it ("" if none). */
static const char *value_name(const bl_category *c, const char *key)
{
	int v = key ? bl_lab_value(c, key) : -1;
	return v >= 0 ? c->values[v].name : key ? key : "";
}

static const char *part_value(const bl_participant *p, const bl_category *c)
{
	for (size_t i = 0; i < p->n_cats; i++)
		if (strcmp(p->cats[i].category, c->key) == 0)
			return p->cats[i].value;
	return NULL;
}

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

static bool projected(const signin_state *s)
{
	return s->has_lab && s->spot.kind == BL_SPOT_REPRESENTATION && s->spot.ref &&
	       strtoll(s->spot.ref, NULL, 10) == s->lab.id;
}

/* ---- the representation ---- */

typedef struct repr_cols {
	bool inline_cats;  /* the category's name beside its first group */
	int x, w;          /* the pane */
	int cat_x, cat_w, flag_x, name_x, name_w, count_x, count_w, share_x, share_w;
	int target_x, target_w, under_x, under_w;
	int rows;          /* rows the table needs */
} repr_cols;

static int repr_rows(const bl_lab_def *d, bool inline_cats)
{
	int n = 2; /* column headings, the summary */
	for (size_t k = 0; k < d->n_categories; k++)
		n += (int)d->categories[k].n_values + (inline_cats ? 0 : 1);
	return n;
}

static void repr_layout(tui *t, int rows, repr_cols *c)
{
	const bl_lab_def *d = labdef(t);
	char buf[512];
	int name_w = bl_text_width(_("Group")), cat_w = 0;
	for (size_t k = 0; k < d->n_categories; k++) {
		tui_clean_line(d->categories[k].name, buf, sizeof buf);
		cat_w = max_i(cat_w, bl_text_width(buf));
		for (size_t v = 0; v < d->categories[k].n_values; v++) {
			tui_clean_line(d->categories[k].values[v].name, buf, sizeof buf);
			name_w = max_i(name_w, bl_text_width(buf));
		}
	}
	c->count_w = max_i(bl_text_width(_("Count")), 4);
	c->share_w = max_i(bl_text_width(_("Share")), 7);  /* "33,33 %" */
	c->target_w = max_i(bl_text_width(_("Target")), 7);
	c->inline_cats = repr_rows(d, false) > rows;
	c->rows = repr_rows(d, c->inline_cats);
	/* Wide: the word beside the flag, and every name whole. */
	bool wide = COLS >= 120;
	c->under_w = wide ? bl_text_width(_("under-represented")) : 0;
	int cap = wide ? 28 : 14;
	c->name_w = name_w < cap ? name_w : cap;
	c->cat_w = c->inline_cats ? (cat_w < 10 ? cat_w : 10) : 0;
	/* Two blanks before a share: "1 33,33 %" would read as one number. */
	c->w = (c->cat_w ? c->cat_w + 1 : 0) + 2 + c->name_w + 1 + c->count_w + 2 + c->share_w + 2 +
	       c->target_w + (c->under_w ? c->under_w + 2 : 0);
	c->x = COLS - 1 - c->w;
	c->cat_x = c->x;
	c->flag_x = c->x + (c->cat_w ? c->cat_w + 1 : 0);
	c->name_x = c->flag_x + 2;
	c->count_x = c->name_x + c->name_w + 1;
	c->share_x = c->count_x + c->count_w + 2;
	c->target_x = c->share_x + c->share_w + 2;
	c->under_x = c->target_x + c->target_w + 2;
}

/* Move the laid-out table so that it starts at column x. */
static void repr_move(repr_cols *c, int x)
{
	int dx = x - c->x;
	c->x += dx;
	c->cat_x += dx;
	c->flag_x += dx;
	c->name_x += dx;
	c->count_x += dx;
	c->share_x += dx;
	c->target_x += dx;
	c->under_x += dx;
}

static void draw_repr(tui *t, signin_state *s, const repr_cols *c, int y, int rows)
{
	const bl_lab_def *d = labdef(t);
	int end = y + rows, y0 = y;
	char buf[512], share[32], target[32];
	if (!d->n_categories) {
		tui_wrap(y, c->x, c->w, rows, _("The process defines no categories (labs: categories: in its phase file), so there is no representation to show."), R_DIM);
		return;
	}
	tui_put(y, c->name_x, c->name_w, _("Group"), R_HEADING, false);
	tui_put(y, c->count_x, c->count_w, _("Count"), R_HEADING, true);
	tui_put(y, c->share_x, c->share_w, _("Share"), R_HEADING, true);
	tui_put(y, c->target_x, c->target_w, _("Target"), R_HEADING, true);
	y++;
	/* The summary keeps the last row, whatever does not fit above it. */
	int last = end - 1;
	size_t hidden = 0, hidden_under = 0;
	for (size_t k = 0; k < d->n_categories && s->repr; k++) {
		const bl_category *cat = &d->categories[k];
		const cat_repr *r = &s->repr[k];
		if (!c->inline_cats) {
			if (y < last) {
				lab_put(y, c->x, c->w, cat->name, R_HEADING, false);
				if (r->stated < r->total) {
					snprintf(buf, sizeof buf, _("%zu not stated"), r->total - r->stated);
					int w = bl_text_width(buf);
					tui_put(y, c->x + c->w - w, w, buf, R_DIM, false);
				}
			}
			y++;
		}
		for (size_t v = 0; v < cat->n_values; v++, y++) {
			const bl_repr_row *row = &r->rows[v];
			if (y >= last) {
				hidden++;
				hidden_under += row->under;
				continue;
			}
			if (c->inline_cats && v == 0)
				lab_put(y, c->cat_x, c->cat_w, cat->name, R_HEADING, false);
			int role = row->under ? R_FAIL : R_NORMAL;
			if (row->under)
				tui_put(y, c->flag_x, 1, "!", R_FAIL, false);
			lab_put(y, c->name_x, c->name_w, cat->values[v].name, role, false);
			snprintf(buf, sizeof buf, "%zu", row->count);
			tui_put(y, c->count_x, c->count_w, buf, role, true);
			bl_share_format(row->share, t->info.lang, share, sizeof share);
			tui_put(y, c->share_x, c->share_w, share, role, true);
			bl_share_format(row->target, t->info.lang, target, sizeof target);
			tui_put(y, c->target_x, c->target_w, target, row->target == BL_NO_TARGET ? R_DIM : role, true);
			if (c->under_w && row->under)
				tui_put(y, c->under_x, c->under_w, _("under-represented"), R_FAIL, false);
		}
	}
	if (last <= y0)
		return;
	char pct[32];
	bl_share_format(d->under, t->info.lang, pct, sizeof pct);
	if (hidden)
		snprintf(buf, sizeof buf, _("%zu more groups below (%zu of them under): a taller window shows them"),
			 hidden, hidden_under);
	else if (s->n_under)
		snprintf(buf, sizeof buf, ngettext("! %zu group below %s of its target", "! %zu groups below %s of their target",
						   (unsigned long)s->n_under), s->n_under, pct);
	else if (s->n_parts)
		snprintf(buf, sizeof buf, _("Every group with a target is at %s of it or more."), pct);
	else
		snprintf(buf, sizeof buf, "%s", _("No one has signed in yet."));
	tui_put(last, c->x, c->w, buf, hidden || s->n_under ? R_FAIL : R_PASS, false);
}

/* ---- the participants ---- */

typedef struct part_cols {
	int nr_x, nr_w, name_x, name_w, cats_x, cats_w;
	int cat_w;         /* > 0: a column per category, else the groups joined */
	int col_x[64], col_w[64]; /* each category's column, when cat_w > 0 */
	int right;         /* the pane's end (exclusive) */
} part_cols;

static void part_layout(tui *t, const signin_state *s, int right, part_cols *c)
{
	const bl_lab_def *d = labdef(t);
	char buf[512];
	int64_t max_nr = 9;
	int name_w = bl_text_width(_("Name")), val_w = 0;
	for (size_t i = 0; i < s->n_parts; i++) {
		if (s->parts[i].number > max_nr)
			max_nr = s->parts[i].number;
		if (s->parts[i].name) {
			tui_clean_line(s->parts[i].name, buf, sizeof buf);
			name_w = max_i(name_w, bl_text_width(buf));
		}
	}
	for (size_t k = 0; k < d->n_categories; k++)
		for (size_t v = 0; v < d->categories[k].n_values; v++) {
			tui_clean_line(d->categories[k].values[v].name, buf, sizeof buf);
			val_w = max_i(val_w, bl_text_width(buf));
		}
	snprintf(buf, sizeof buf, "%" PRId64, max_nr);
	c->right = right;
	c->nr_x = 1;
	c->nr_w = max_i(2, (int)strlen(buf));
	c->name_x = c->nr_x + c->nr_w + 2;
	int avail = right - c->name_x;
	c->name_w = name_w < 20 ? name_w : 20;
	if (c->name_w > avail / 3)
		c->name_w = max_i(bl_text_width(_("Name")), avail / 3);
	c->cats_x = c->name_x + c->name_w + 2;
	c->cats_w = right - c->cats_x;
	/* A column per category when each can hold 8 columns: each as wide
	 * as its name and its groups' names need, the widest cut first when
	 * they do not all fit. */
	int n = (int)d->n_categories < 64 ? (int)d->n_categories : 64;
	c->cat_w = 0;
	(void)val_w;
	if (n && c->cats_w >= n * 10) {
		int sum = 0;
		for (int k = 0; k < n; k++) {
			const bl_category *cat = &d->categories[k];
			tui_clean_line(cat->name, buf, sizeof buf);
			int w = bl_text_width(buf);
			for (size_t v = 0; v < cat->n_values; v++) {
				tui_clean_line(cat->values[v].name, buf, sizeof buf);
				w = max_i(w, bl_text_width(buf));
			}
			c->col_w[k] = max_i(w, 2);
			sum += c->col_w[k] + 2;
		}
		while (sum > c->cats_w) {
			int wide = 0;
			for (int k = 1; k < n; k++)
				if (c->col_w[k] > c->col_w[wide])
					wide = k;
			if (c->col_w[wide] <= 8)
				break;
			c->col_w[wide]--;
			sum--;
		}
		int x = c->cats_x;
		for (int k = 0; k < n; k++) {
			c->col_x[k] = x;
			x += c->col_w[k] + 2;
		}
		c->cat_w = 1;
	}
}

static void draw_part_row(tui *t, const signin_state *s, const part_cols *c, int y, const bl_participant *p, bool on)
{
	const bl_lab_def *d = labdef(t);
	int base = on ? R_SELECTED : R_NORMAL;
	char buf[1024];
	if (on)
		tui_fill(y, 0, c->right, R_SELECTED);
	snprintf(buf, sizeof buf, "%" PRId64, p->number);
	tui_put(y, c->nr_x, c->nr_w, buf, on ? R_SELECTED : R_DIM, true);
	lab_put(y, c->name_x, c->name_w, p->name ? p->name : "–", p->name ? base : on ? R_SELECTED : R_DIM, false);
	if (c->cat_w) {
		for (size_t k = 0; k < d->n_categories && k < 64; k++) {
			const char *v = part_value(p, &d->categories[k]);
			lab_put(y, c->col_x[k], c->col_w[k], v ? value_name(&d->categories[k], v) : "–", v ? base : on ? R_SELECTED : R_DIM, false);
		}
		return;
	}
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < d->n_categories && len < sizeof buf - 1; k++) {
		const char *v = part_value(p, &d->categories[k]);
		if (!v)
			continue;
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? ", " : "", value_name(&d->categories[k], v));
	}
	lab_put(y, c->cats_x, c->cats_w, len ? buf : "–", len ? base : on ? R_SELECTED : R_DIM, false);
}

static void keep_visible(signin_state *s)
{
	if (s->page < 1)
		s->page = 1;
	if (s->sel >= 0) {
		if (s->sel < s->top)
			s->top = s->sel;
		if (s->sel >= s->top + s->page)
			s->top = s->sel - s->page + 1;
	}
	if (s->top > (int)s->n_parts - s->page)
		s->top = (int)s->n_parts - s->page;
	if (s->top < 0)
		s->top = 0;
}

static const bl_session *cur_session(const tui *t, const signin_state *s)
{
	for (size_t i = 0; i < s->n_sessions; i++)
		if (s->sessions[i].id == t->session)
			return &s->sessions[i];
	return NULL;
}

static void draw_head(tui *t, signin_state *s, int y)
{
	char buf[1024], theme[512], place[256];
	tui_fill(y, 0, COLS, R_HEADING);
	tui_clean_line(s->lab.theme, theme, sizeof theme);
	const bl_session *v = cur_session(t, s);
	size_t len = (size_t)snprintf(buf, sizeof buf, _("Lab %" PRId64 ": %s"), s->lab.id, theme);
	/* The count before the session: a long place is cut, the count is
	 * what the desk watches. */
	len += (size_t)snprintf(buf + len, sizeof buf - len,
				ngettext(" · %zu signed in", " · %zu signed in", (unsigned long)s->n_parts), s->n_parts);
	if (v) {
		tui_clean_line(v->place, place, sizeof place);
		len += (size_t)snprintf(buf + len, sizeof buf - len, _(" · session %" PRId64 ", %s, %s"), v->id, v->date, place);
	} else {
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", _(" · no session (S on screen 6 adds one)"));
	}
	const char *tag = projected(s) ? _(" ◆ on the projector ") : s->lab.status == BL_LAB_CLOSED ? _(" closed ") : "";
	int tw = bl_text_width(tag);
	tui_put(y, 1, COLS - 2 - tw, buf, R_HEADING, false);
	if (tw)
		tui_put(y, COLS - 1 - tw, tw, tag, projected(s) ? R_INFO : R_LOCKED, false);
}

/* Follow the lab and session another screen chose. */
static void follow(tui *t, signin_state *s)
{
	if (s->loaded_lab != t->lab || s->loaded_session != t->session)
		load(t, s);
}

/* The participants' pane: rows [y, y + body), columns [0, right). */
static void draw_parts(tui *t, signin_state *s, int y, int body, int right)
{
	part_cols pc;
	part_layout(t, s, right, &pc);
	const bl_lab_def *d = labdef(t);
	tui_put(y, pc.nr_x, pc.nr_w, _("Nr"), R_HEADING, true);
	tui_put(y, pc.name_x, pc.name_w, _("Name"), R_HEADING, false);
	if (pc.cat_w) {
		for (size_t k = 0; k < d->n_categories && k < 64; k++)
			lab_put(y, pc.col_x[k], pc.col_w[k], d->categories[k].name, R_HEADING, false);
	} else {
		tui_put(y, pc.cats_x, pc.cats_w, _("Groups"), R_HEADING, false);
	}
	/* The last row says where names go (and where they do not). */
	bool note = body >= 8;
	s->page = body - 1 - (note ? 1 : 0);
	keep_visible(s);
	if (!s->n_parts)
		tui_wrap(y + 1, pc.nr_x, pc.right - pc.nr_x, s->page,
			 t->readonly ? _("No one has signed in yet.") : _("No one has signed in yet: a signs in the first participant."),
			 R_DIM);
	for (int i = 0; i < s->page && s->top + i < (int)s->n_parts; i++)
		draw_part_row(t, s, &pc, y + 1 + i, &s->parts[s->top + i], s->top + i == s->sel);
	if (note) {
		char buf[256];
		if ((int)s->n_parts > s->page)
			snprintf(buf, sizeof buf, _("%d–%d of %zu · names are shown on this screen only"), s->top + 1,
				 s->top + s->page < (int)s->n_parts ? s->top + s->page : (int)s->n_parts, s->n_parts);
		else if (pc.right - pc.nr_x >= 70)
			snprintf(buf, sizeof buf, "%s", _("Names are personal data: shown on this screen only, never projected."));
		else
			snprintf(buf, sizeof buf, "%s", _("Names: this screen only."));
		tui_put(y + body - 1, pc.nr_x, pc.right - pc.nr_x, buf, R_DIM, false);
	}
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	signin_state *s = st;
	follow(t, s);
	if (!s->has_lab) {
		int used = tui_wrap(top + 1, 2, COLS - 4, rows - 1,
				    _("No lab is chosen. Choose one on the labs screen (6): the lab under the cursor there is the one signed in to here."),
				    R_NORMAL);
		if (used + 2 < rows)
			tui_wrap(top + 2 + used, 2, COLS - 4, rows - 2 - used,
				 _("At the sign-in desk each participant gets a number in the lab and says, if they will, which groups they belong to; the table beside the list shows at once which groups the room is missing."),
				 R_DIM);
		return;
	}
	draw_head(t, s, top);
	repr_cols rc;
	repr_layout(t, rows - 1, &rc);
	int y = top + 1, body = rows - 1;
	if (rc.x - 3 >= 24) {
		/* Side by side: the line between the two panes. */
		attrset((attr_t)tui_attr(R_DIM));
		for (int r = 0; r < body; r++)
			mvaddstr(y + r, rc.x - 2, "│");
		attrset((attr_t)tui_attr(R_NORMAL));
		draw_repr(t, s, &rc, y, body);
		draw_parts(t, s, y, body, rc.x - 3);
		return;
	}
	/* Narrow: the list above, the representation below it, each the
	 * whole width, a line between them. */
	int prows = (int)s->n_parts + 2;
	if (prows > body / 2)
		prows = body / 2;
	if (prows < 3)
		prows = 3;
	int rrows = body - prows - 1;
	draw_parts(t, s, y, prows, COLS - 1);
	attrset((attr_t)tui_attr(R_DIM));
	for (int x = 0; x < COLS; x++)
		mvaddstr(y + prows, x, "─");
	attrset((attr_t)tui_attr(R_NORMAL));
	if (rrows < 2)
		return;
	repr_layout(t, rrows, &rc);
	repr_move(&rc, 1);
	draw_repr(t, s, &rc, y + prows + 1, rrows);
}

/* ---- the sign-in form ---- */

typedef struct signin_form {
	tui_field fields[64 + 1];
	char choices[64][CHOICES_MAX * 64 + 1];
	char labels[64][64];
	bool text_field[64];    /* too many values for a choice: typed */
	int n_cats, f_name;
	int64_t number;
} signin_form;

/* What the form shows for a value: its name, or its key when the name
 * cannot be a choice. */
static const char *shown_value(const bl_category *c, size_t v)
{
	const char *n = c->values[v].name;
	if (!n || strlen(n) >= 64 || strchr(n, '|') || strcmp(n, _("not stated")) == 0 || strcmp(n, "–") == 0)
		return c->values[v].key;
	for (size_t j = 0; j < c->n_values; j++)
		if (j != v && c->values[j].name && strcmp(c->values[j].name, n) == 0)
			return c->values[v].key;
	return n;
}

/* The value index of what a field holds, -1 for none ("not stated",
 * "–" or empty), -2 if it is no value of the category. */
static int field_value(const bl_category *c, const char *text)
{
	char buf[512];
	size_t n = strlen(text), i = 0;
	while (i < n && text[i] == ' ')
		i++;
	while (n > i && text[n - 1] == ' ')
		n--;
	snprintf(buf, sizeof buf, "%.*s", (int)(n - i), text + i);
	if (!buf[0] || strcmp(buf, _("not stated")) == 0 || strcmp(buf, "–") == 0)
		return -1;
	for (size_t v = 0; v < c->n_values; v++)
		if (strcmp(buf, shown_value(c, v)) == 0 || strcmp(buf, c->values[v].key) == 0 ||
		    (c->values[v].name && strcmp(buf, c->values[v].name) == 0))
			return (int)v;
	return -2;
}

static int field_cat(tui *t, const signin_form *f, const char *text)
{
	for (int k = 0; k < f->n_cats; k++)
		if (f->fields[k].value == text)
			return k;
	(void)t;
	return -1;
}

static const char *v_cat(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	signin_form *f = ctx;
	int k = field_cat(t, f, text);
	if (k < 0)
		return NULL;
	const bl_category *c = &labdef(t)->categories[k];
	char name[256];
	tui_clean_line(c->name, name, sizeof name);
	int v = field_value(c, text);
	if (v == -2) {
		char list[512] = "";
		size_t len = 0;
		for (size_t j = 0; j < c->n_values && len < sizeof list - 2; j++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", j ? ", " : "", c->values[j].key);
		snprintf(msg, msgsz, _("%s: not one of its groups; expected one of: %s."), name, list);
		return msg;
	}
	if (v == -1 && c->required) {
		snprintf(msg, msgsz, _("%s is required at sign-in: Space picks a group."), name);
		return msg;
	}
	return NULL;
}

static const char *v_name(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The name"), text, false, NAME_MAX_BYTES, msg, msgsz);
}

static int save_signin(tui *t, tui_form *fm, int *field_out, bl_err *err)
{
	signin_form *f = fm->ctx;
	const bl_lab_def *d = labdef(t);
	bl_participant_cat cats[64];
	bl_participant p = { .lab_id = t->lab, .session_id = t->session, .cats = cats };
	for (int k = 0; k < f->n_cats; k++) {
		int v = field_value(&d->categories[k], f->fields[k].value);
		if (v < 0)
			continue;
		cats[p.n_cats].category = d->categories[k].key;
		cats[p.n_cats].value = d->categories[k].values[v].key;
		p.n_cats++;
	}
	char name[512];
	const char *nm = f->fields[f->f_name].value;
	while (*nm == ' ')
		nm++;
	snprintf(name, sizeof name, "%s", nm);
	size_t n = strlen(name);
	while (n && name[n - 1] == ' ')
		name[--n] = '\0';
	p.name = name[0] ? name : NULL;
	*field_out = -1;
	return bl_store_participant_signin(t->store, d, &p, &f->number, err);
}

static void signin(tui *t, signin_state *s)
{
	const bl_lab_def *d = labdef(t);
	if (s->lab.status == BL_LAB_CLOSED) {
		tui_msg(t, R_LOCKED, _("Lab %" PRId64 " is closed: no one can sign in to it (its status is changed on the labs screen, 6)."),
			s->lab.id);
		return;
	}
	signin_form *f = calloc(1, sizeof *f);
	if (!f) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	f->n_cats = d->n_categories < 64 ? (int)d->n_categories : 64;
	for (int k = 0; k < f->n_cats; k++) {
		const bl_category *c = &d->categories[k];
		tui_field *fd = &f->fields[k];
		tui_clean_line(c->name, f->labels[k], sizeof f->labels[k]);
		*fd = (tui_field){ .label = f->labels[k], .validate = v_cat };
		if (c->n_values + 1 > CHOICES_MAX) {
			/* More groups than a choice holds: typed, by key or name. */
			f->text_field[k] = true;
			continue;
		}
		char *ch = f->choices[k];
		size_t len = (size_t)snprintf(ch, sizeof f->choices[k], "%s", c->required ? "–" : _("not stated"));
		for (size_t v = 0; v < c->n_values; v++)
			len += (size_t)snprintf(ch + len, sizeof f->choices[k] - len, "|%s", shown_value(c, v));
		fd->choices = ch;
		snprintf(fd->value, sizeof fd->value, "%s", c->required ? "–" : _("not stated"));
	}
	f->f_name = f->n_cats;
	f->fields[f->f_name] = (tui_field){ .label = _("Name (optional)"), .validate = v_name };
	int64_t next = 1;
	for (size_t i = 0; i < s->n_parts; i++)
		if (s->parts[i].number >= next)
			next = s->parts[i].number + 1;
	char title[256];
	const bl_session *v = cur_session(t, s);
	if (v)
		snprintf(title, sizeof title, _("Sign in participant %" PRId64 " · lab %" PRId64 ", session %" PRId64 " (%s)"),
			 next, s->lab.id, v->id, v->date);
	else
		snprintf(title, sizeof title, _("Sign in participant %" PRId64 " · lab %" PRId64 ", no session"), next, s->lab.id);
	tui_form fm = { .title = title, .fields = f->fields, .n_fields = f->n_cats + 1, .ctx = f, .save = save_signin };
	tui_msg(t, R_INFO, "%s", _("Space or the first letter picks a group; the name is optional, shown here only."));
	int rc = tui_form_run(t, &fm);
	if (rc == 1) {
		int64_t number = f->number;
		load(t, s);
		for (size_t i = 0; i < s->n_parts; i++)
			if (s->parts[i].number == number)
				s->sel = (int)i;
		tui_msg(t, R_INFO, ngettext("Signed in participant %" PRId64 " (%zu group under-represented now).",
					    "Signed in participant %" PRId64 " (%zu groups under-represented now).",
					    (unsigned long)s->n_under),
			number, s->n_under);
	} else {
		tui_msg(t, R_DIM, "%s", _("Cancelled: no one was signed in."));
	}
	free(f);
}

static void remove_participant(tui *t, signin_state *s)
{
	if (s->sel < 0 || (size_t)s->sel >= s->n_parts) {
		tui_msg(t, R_DIM, "%s", _("No one has signed in yet."));
		return;
	}
	int64_t number = s->parts[s->sel].number;
	char q[256];
	snprintf(q, sizeof q, _("Remove participant %" PRId64 ", signed in by mistake? Their groups leave the representation."), number);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, _("Participant %" PRId64 " stays."), number);
		return;
	}
	bl_err err = { { 0 } };
	if (bl_store_participant_delete(t->store, t->lab, number, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	load(t, s);
	tui_msg(t, R_INFO, _("Removed participant %" PRId64 " from lab %" PRId64 "."), number, t->lab);
}

static void project(tui *t, signin_state *s)
{
	char ref[32];
	snprintf(ref, sizeof ref, "%" PRId64, s->lab.id);
	bl_spotlight sp = { .kind = BL_SPOT_REPRESENTATION, .ref = ref };
	bl_err err = { { 0 } };
	if (bl_store_spotlight_set(t->store, &sp, &err) != 0) {
		tui_msg_err(t, &err);
		return;
	}
	tui_reload(t);
	tui_msg(t, R_INFO, _("On the projector: the representation of lab %" PRId64 " (counts only, no names)."), s->lab.id);
}

static bool s_act(tui *t, void *st, tui_act a)
{
	signin_state *s = st;
	follow(t, s);
	int n = (int)s->n_parts, step = s->page > 1 ? s->page - 1 : 1;
	switch (a) {
	case ACT_UP: s->sel = s->sel > 0 ? s->sel - 1 : s->sel; return true;
	case ACT_DOWN: s->sel = s->sel + 1 < n ? s->sel + 1 : s->sel; return true;
	case ACT_PGUP: s->sel = s->sel - step < 0 ? (n ? 0 : -1) : s->sel - step; return true;
	case ACT_PGDN: s->sel = s->sel + step >= n ? n - 1 : s->sel + step; return true;
	case ACT_HOME: s->sel = n ? 0 : -1; return true;
	case ACT_END: s->sel = n - 1; return true;
	case ACT_VOTE_LAB:
		vote_choose_lab(t);
		follow(t, s);
		return true;
	case ACT_ADD:
	case ACT_DELETE:
	case ACT_SPOTLIGHT:
		break;
	default:
		return false;
	}
	lab_catch_up(t);
	if (!s->has_lab) {
		tui_msg(t, R_DIM, "%s", _("No lab is chosen: choose one on the labs screen (6)."));
		return true;
	}
	if (lab_refused(t))
		return true;
	if (a == ACT_ADD)
		signin(t, s);
	else if (a == ACT_DELETE)
		remove_participant(t, s);
	else
		project(t, s);
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	signin_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->sel = -1;
	s->page = 1;
	lab_choose_default(t);
	load(t, s);
	return s;
}

static void s_close(void *st)
{
	signin_state *s = st;
	free_data(s);
	free(s);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	signin_state *s = st;
	const bl_lab_def *d = labdef(t);
	follow(t, s);
	fprintf(f, "signin.lab=%" PRId64 "\nsignin.session=%" PRId64 "\nsignin.count=%zu\n",
		s->has_lab ? s->lab.id : 0, t->session, s->n_parts);
	const bl_participant *p = s->sel >= 0 && (size_t)s->sel < s->n_parts ? &s->parts[s->sel] : NULL;
	fprintf(f, "signin.selected=");
	if (p)
		fprintf(f, "%" PRId64, p->number);
	fprintf(f, "\nsignin.numbers=");
	for (size_t i = 0; i < s->n_parts; i++)
		fprintf(f, "%s%" PRId64, i ? "," : "", s->parts[i].number);
	fprintf(f, "\nsignin.under=%zu\nsignin.under_groups=", s->n_under);
	bool first = true;
	for (size_t k = 0; s->repr && k < d->n_categories; k++)
		for (size_t v = 0; v < d->categories[k].n_values; v++)
			if (s->repr[k].rows[v].under) {
				fprintf(f, "%s%s:%s", first ? "" : ",", d->categories[k].key, d->categories[k].values[v].key);
				first = false;
			}
	fprintf(f, "\n");
	/* Per category: value:count:share:target (basis points). */
	for (size_t k = 0; s->repr && k < d->n_categories; k++) {
		fprintf(f, "signin.repr.%s=", d->categories[k].key);
		for (size_t v = 0; v < d->categories[k].n_values; v++) {
			const bl_repr_row *r = &s->repr[k].rows[v];
			fprintf(f, "%s%s:%zu:%u:", v ? "," : "", d->categories[k].values[v].key, r->count, r->share);
			if (r->target == BL_NO_TARGET)
				fprintf(f, "-");
			else
				fprintf(f, "%u", r->target);
		}
		fprintf(f, "\n");
	}
	fprintf(f, "signin.spotlight=%s\n", projected(s) ? "representation" : "");
}

const tui_screen_ops tui_screen_signin = {
	.id = SCR_SIGNIN, .name = "signin", .title = N_("Sign-in"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.act = s_act, .dump = s_dump,
};
