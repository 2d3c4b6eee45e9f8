/* screen_present.c: the projector view, `budgetlab --present DB`.
 *
 * The wall of the room: citizens and politicians read it from their
 * chairs, while the facilitator works in another terminal.  It shows, top
 * to bottom, on the whole terminal (app.c draws no bars in present mode):
 *
 *   the municipality, the process and the current phase   (a title bar)
 *   what the room is deciding: the spotlight (a message, or a line, an
 *     area or a goal), or when nothing is spotlighted the phase's title
 *     and the first sentence of its guidance
 *   one number in big digits: the budget year's balance, or the
 *     spotlighted line's amount, or the area's net cost; a goal's net
 *     cost in normal-size figures, since at a goals workshop the room
 *     reads the goal (its title in the big role at the top, then its
 *     description, status and SDG targets) and the money comes after
 *   a table per year: the spotlighted thing's amounts, then income,
 *     expenses and balance of the whole budget (a deficit in R_DEFICIT)
 *   one row for a notice (the read-only notice, the keys), for a few
 *     seconds or until the next key
 *
 * PRIVACY: the projected view never shows participants' personal data.
 * It reads only aggregates (year and area totals), budget lines, areas,
 * goals, the phase definition's text, the spotlight's kind, ref and
 * message, and for a lab (present_lab.c) its ideas and ballot counts or
 * the number of participants per group, never a participant, and for a
 * development pool (present_pool.c) its sums and counts, never a
 * project's applicant.  It
 * never reads the journal (which names who changed what), the
 * spotlight's actor, phase overrides' reasons, or anything about
 * people; keep it that way when adding to this file.
 *
 * Read-only: the store is opened read-only (app.c), and this screen takes
 * every key before the action table sees it, so only quit, theme, redraw
 * and help do anything; any other key says that the view is read-only.
 * Help is a one-row list of those keys, made from the action table, drawn
 * here: the help screen would lead on to the facilitator's screens.
 *
 * Following: app.c polls bl_store_data_version and calls reload() when
 * another process commits; reload() re-reads totals and spotlight (app.c
 * has re-read the phase), and the next draw shows them.  All reading is
 * in reload(), none in draw(), so a redraw costs no query. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/goal_store.h"
#include "tui/bigtext.h"
#include "tui/present_lab.h"
#include "tui/present_pool.h"
#include "tui/readings_screen.h"
#include "tui/tui.h"

/* How long a notice stays when no key is pressed. */
#define NOTICE_MS 4000
/* The big number takes at most this share (in percent) of the rows, so
 * the table under it keeps air around it on a tall screen. */
#define BIG_MAX_SHARE 40
/* Columns a big row may take: bl_text_fit (draw.c) fits rows of up to
 * 1,023 bytes, and a block character is three. */
#define BIG_MAX_COLS 300

enum hero_kind { HERO_BALANCE, HERO_EXPENSE, HERO_INCOME, HERO_NET, HERO_EFFECT };

/* A row of the years table. */
typedef struct trow {
	char label[256];
	bl_money v[BL_MAX_YEARS];
	bool has[BL_MAX_YEARS]; /* false: no amount (shown as "–") */
	bool bad[BL_MAX_YEARS]; /* the sum overflowed */
	int role;
	bool red_deficit;       /* negative values in R_DEFICIT */
	bool section;           /* a section's title, without amounts */
	bool optional;          /* left out first when rows are short */
	const char *key;        /* "net": for the dump (present.spot.net.2028) */
} trow;

#define MAX_TROWS 10

typedef struct present {
	int n_years;
	/* the whole budget */
	bl_money income[BL_MAX_YEARS], expense[BL_MAX_YEARS], balance[BL_MAX_YEARS];
	bool balance_bad[BL_MAX_YEARS];
	/* the spotlight and what it resolved to */
	bl_spot_kind kind;
	char *ref;            /* cleaned for display */
	char *raw_ref;        /* as stored, for looking it up */
	char *text;           /* the message, cleaned */
	bool found;           /* the ref resolves */
	char *head, *sub;     /* the focus: heading and text under it */
	/* the big number: a series per year, of which the budget year is shown */
	enum hero_kind hero;
	bl_money hero_v[BL_MAX_YEARS];
	bool hero_bad[BL_MAX_YEARS];
	/* the table: the spotlight's rows, then the totals */
	trow rows[MAX_TROWS];
	int n_rows;
	char err[BL_ERR_MAX]; /* reading failed: shown instead of the focus */
	/* the last layout, for the dump */
	int scale;            /* of the big number; 0: normal text */
	char big[BL_MONEY_BUFSZ];
	int years_shown;
	char notice[512];
	/* the notice: t->msg, timed from when it was first drawn */
	char seen_msg[sizeof ((tui *)0)->msg];
	struct timespec seen_at;
	/* a lab's results or representation (present_lab.c) */
	present_lab lab;
	/* a development pool (present_pool.c) */
	present_pool pool;
} present;

static bool lab_kind(bl_spot_kind k)
{
	return k == BL_SPOT_RESULTS || k == BL_SPOT_REPRESENTATION;
}

/* A goal is spotlighted and shown (not an error, not gone). */
static bool goal_spot(const present *p)
{
	return p->kind == BL_SPOT_GOAL && p->found && !p->err[0];
}

/* ---- text from the database, made safe for the wall ---- */

/* A copy of s for drawing: invalid UTF-8 becomes U+FFFD, control
 * characters (C0, DEL, C1) a space, except newlines when keep_nl.  The
 * store refuses such messages, but a file edited by hand is not checked,
 * and an escape sequence must not reach the projector's terminal. */
static char *clean_dup(const char *s, bool keep_nl)
{
	if (!s)
		s = "";
	size_t n = strlen(s), i = 0, o = 0, k;
	char *out = malloc(n * 3 + 1); /* one bad byte becomes three */
	if (!out)
		return NULL;
	unsigned cp;
	while (i < n) {
		size_t seq = bl_utf8_seq((const unsigned char *)s + i, n - i);
		if (!seq) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		k = bl_utf8_next(s + i, n - i, &cp);
		if (cp == '\n' && keep_nl)
			out[o++] = '\n';
		else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			out[o++] = ' ';
		else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* An uppercase letter: ASCII, or Latin-1 (Æ, Ø, Å, É ...). */
static bool upper_at(const char *s)
{
	unsigned cp;
	size_t n = strlen(s);
	if (!bl_utf8_next(s, n, &cp))
		return false;
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

/* The first sentence of text (malloc'd): up to a '.', '!' or '?' that is
 * followed by a space and a capital letter, or by the end, or up to the
 * end of the first paragraph.  "1. behandling", "mio. kr." and "fx."
 * are followed by small letters, so they do not end a sentence. */
static char *first_sentence(const char *text)
{
	if (!text)
		return strdup("");
	while (*text == ' ' || *text == '\n')
		text++;
	size_t n = strlen(text), end = n;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n') {
			end = i;
			break;
		}
		if (text[i] != '.' && text[i] != '!' && text[i] != '?')
			continue;
		size_t j = i + 1;
		if (j >= n || text[j] == '\n') {
			end = j;
			break;
		}
		if (text[j] != ' ')
			continue;
		while (j < n && text[j] == ' ')
			j++;
		if (j >= n || upper_at(text + j)) {
			end = i + 1;
			break;
		}
	}
	while (end > 0 && text[end - 1] == ' ')
		end--;
	return strndup(text, end);
}

/* ---- reading (reload) ---- */

static void clear_loaded(present *p)
{
	free(p->ref);
	free(p->raw_ref);
	free(p->text);
	free(p->head);
	free(p->sub);
	p->ref = p->raw_ref = p->text = p->head = p->sub = NULL;
	p->kind = BL_SPOT_NONE;
	p->found = false;
	present_lab_free(&p->lab);
	present_pool_free(&p->pool);
	p->n_rows = 0;
	p->err[0] = '\0';
}

static trow *add_row(present *p, const char *label, int role)
{
	if (p->n_rows >= MAX_TROWS)
		return NULL;
	trow *r = &p->rows[p->n_rows++];
	memset(r, 0, sizeof *r);
	snprintf(r->label, sizeof r->label, "%s", label);
	r->role = role;
	return r;
}

static void add_section(present *p, const char *title)
{
	char *c = clean_dup(title, false);
	trow *r = add_row(p, c ? c : "", R_AREA);
	if (r)
		r->section = true;
	free(c);
}

/* Income, expenses and net cost (expenses - income) of sums, as rows. */
static void add_money_rows(present *p, const bl_money *inc, const bool *inc_bad,
			   const bl_money *exp, const bool *exp_bad)
{
	trow *ri = add_row(p, _("Income"), R_INCOME);
	trow *re = add_row(p, _("Expenses"), R_EXPENSE);
	trow *rn = add_row(p, _("Net cost"), R_TOTAL);
	if (!ri || !re || !rn)
		return;
	ri->optional = re->optional = true;
	ri->key = "income";
	re->key = "expense";
	rn->key = "net";
	p->hero = HERO_NET;
	for (int y = 0; y < p->n_years; y++) {
		ri->v[y] = inc[y];
		re->v[y] = exp[y];
		ri->has[y] = re->has[y] = rn->has[y] = true;
		ri->bad[y] = inc_bad[y];
		re->bad[y] = exp_bad[y];
		rn->bad[y] = inc_bad[y] || exp_bad[y] || !bl_money_sub(exp[y], inc[y], &rn->v[y]);
		p->hero_v[y] = rn->v[y];
		p->hero_bad[y] = rn->bad[y];
	}
}

static char *dup_printf(const char *fmt, ...) BL_PRINTF(1, 2);
static char *dup_printf(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return clean_dup(buf, true);
}

/* "BSU Børne- og Skoleudvalget" for an area id, from the list. */
static void area_label(const bl_area *areas, size_t n, int64_t id, char *buf, size_t bufsz)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (areas[i].id == id) {
			snprintf(buf, bufsz, "%s %s", areas[i].code, areas[i].name);
			return;
		}
}

static int load_line(tui *t, present *p, bl_err *err)
{
	bl_line l;
	memset(&l, 0, sizeof l);
	if (bl_store_line_find(t->store, p->raw_ref, &l, err) != 0)
		return 1; /* not found: the caller says so */
	bl_money amt[BL_MAX_YEARS] = { 0 };
	bool has[BL_MAX_YEARS] = { false };
	bl_area *areas = NULL;
	size_t n_areas = 0;
	if (bl_store_line_amounts(t->store, l.id, t->version, amt, has, p->n_years, err) != 0 ||
	    bl_store_areas(t->store, &areas, &n_areas, err) != 0) {
		bl_line_clear(&l);
		return -1;
	}
	char area[512], desc_first[1024] = "";
	area_label(areas, n_areas, l.area_id, area, sizeof area);
	bl_areas_free(areas, n_areas);
	if (l.description && *l.description) {
		char *s = first_sentence(l.description);
		snprintf(desc_first, sizeof desc_first, "\n%s", s ? s : "");
		free(s);
	}
	bool income = l.dir == BL_DIR_INCOME;
	p->head = dup_printf("%s %s", l.code, l.title);
	p->sub = dup_printf(_("Budget line · %s · %s · in %s%s"), income ? _("income") : _("expense"),
			    l.kind == BL_KIND_CAPITAL ? _("capital") : _("operation"), area, desc_first);
	char label[512];
	snprintf(label, sizeof label, "%s %s", l.code, l.title);
	add_section(p, label);
	trow *r = add_row(p, income ? _("Income") : _("Expense"), income ? R_INCOME : R_EXPENSE);
	p->hero = income ? HERO_INCOME : HERO_EXPENSE;
	if (r) {
		r->key = "amount";
		for (int y = 0; y < p->n_years; y++) {
			r->v[y] = amt[y];
			r->has[y] = has[y];
		}
	}
	for (int y = 0; y < p->n_years; y++)
		p->hero_v[y] = amt[y];
	bl_line_clear(&l);
	return 0;
}

static int load_area(tui *t, present *p, bl_err *err)
{
	int64_t id;
	if (bl_store_area_find(t->store, p->raw_ref, &id, err) != 0)
		return 1;
	bl_area *areas = NULL;
	size_t n_areas = 0, n_tot = 0, n_counts = 0;
	bl_area_total *tot = NULL;
	bl_area_count *counts = NULL;
	bl_line_query q = { .version = t->version };
	if (bl_store_areas(t->store, &areas, &n_areas, err) != 0)
		return -1;
	if (bl_store_area_totals(t->store, t->version, &tot, &n_tot, err) != 0 ||
	    bl_store_area_line_counts(t->store, &q, &counts, &n_counts, err) != 0) {
		bl_areas_free(areas, n_areas);
		free(tot);
		return -1;
	}
	/* The subtree: areas come in pre-order, so it is the area and the
	 * ones after it deeper than it, up to the next one that is not. */
	size_t at = n_areas;
	for (size_t i = 0; i < n_areas; i++)
		if (areas[i].id == id)
			at = i;
	bl_money inc[BL_MAX_YEARS] = { 0 }, exp[BL_MAX_YEARS] = { 0 };
	bool inc_bad[BL_MAX_YEARS] = { false }, exp_bad[BL_MAX_YEARS] = { false };
	int64_t n_lines = 0;
	for (size_t i = at; i < n_areas && (i == at || areas[i].level > areas[at].level); i++) {
		for (size_t k = 0; k < n_tot; k++) {
			int y = tot[k].year - t->info.budget_year;
			if (tot[k].area_id != areas[i].id || y < 0 || y >= p->n_years)
				continue;
			if (!bl_money_add(inc[y], tot[k].income, &inc[y]))
				inc_bad[y] = true;
			if (!bl_money_add(exp[y], tot[k].expense, &exp[y]))
				exp_bad[y] = true;
		}
		for (size_t k = 0; k < n_counts; k++)
			if (counts[k].area_id == areas[i].id)
				n_lines += counts[k].n;
	}
	if (at < n_areas) {
		char parent[512] = "", under[600] = "";
		area_label(areas, n_areas, areas[at].parent_id, parent, sizeof parent);
		if (parent[0])
			snprintf(under, sizeof under, _(" · under %s"), parent);
		p->head = dup_printf("%s %s", areas[at].code, areas[at].name);
		p->sub = dup_printf(n_lines == 1 ? _("Area%s · %" PRId64 " budget line")
					   : _("Area%s · %" PRId64 " budget lines"), under, n_lines);
		char label[512];
		snprintf(label, sizeof label, "%s %s", areas[at].code, areas[at].name);
		add_section(p, label);
		add_money_rows(p, inc, inc_bad, exp, exp_bad);
	}
	bl_areas_free(areas, n_areas);
	free(tot);
	free(counts);
	return at < n_areas ? 0 : 1;
}

static int load_goal(tui *t, present *p, bl_err *err)
{
	char *end;
	long long gid = strtoll(p->raw_ref, &end, 10);
	if (*end || end == p->raw_ref)
		return 1;
	bl_goal *goals = NULL;
	size_t n_goals = 0;
	if (bl_store_goals(t->store, &goals, &n_goals, err) != 0)
		return -1;
	const bl_goal *g = NULL;
	for (size_t i = 0; i < n_goals; i++)
		if (goals[i].id == gid)
			g = &goals[i];
	if (!g) {
		bl_goals_free(goals, n_goals);
		return 1;
	}
	int64_t *ids = NULL;
	size_t n_ids = 0;
	bl_area *areas = NULL;
	size_t n_areas = 0;
	int rc = 0;
	bl_money inc[BL_MAX_YEARS] = { 0 }, exp[BL_MAX_YEARS] = { 0 };
	bool inc_bad[BL_MAX_YEARS] = { false }, exp_bad[BL_MAX_YEARS] = { false };
	if (bl_store_goal_lines(t->store, g->id, &ids, &n_ids, err) != 0 ||
	    bl_store_areas(t->store, &areas, &n_areas, err) != 0) {
		rc = -1;
		goto out;
	}
	/* The lines that serve the goal: a handful, read one by one. */
	for (size_t i = 0; i < n_ids && rc == 0; i++) {
		bl_line l;
		memset(&l, 0, sizeof l);
		bl_money amt[BL_MAX_YEARS] = { 0 };
		bool has[BL_MAX_YEARS] = { false };
		if (bl_store_line_get(t->store, ids[i], &l, err) != 0 ||
		    bl_store_line_amounts(t->store, ids[i], t->version, amt, has, p->n_years, err) != 0)
			rc = -1;
		for (int y = 0; rc == 0 && y < p->n_years; y++) {
			bl_money *sum = l.dir == BL_DIR_INCOME ? &inc[y] : &exp[y];
			if (!bl_money_add(*sum, amt[y], sum))
				(l.dir == BL_DIR_INCOME ? inc_bad : exp_bad)[y] = true;
		}
		bl_line_clear(&l);
	}
	if (rc == 0) {
		char area[512];
		area_label(areas, n_areas, g->area_id, area, sizeof area);
		/* At a goals-before-economy workshop the room reads the goal:
		 * its title is the heading (drawn in the big role, at the top),
		 * its description under it, then where the room is with it
		 * (draft, discussed, agreed) and the SDG targets it serves; the
		 * money comes after, in normal-size figures (s_draw). */
		p->head = dup_printf("%s", g->title);
		char sdg[256] = "";
		char **targets = NULL;
		size_t nt = 0;
		bl_err terr = { { 0 } };
		if (bl_store_goal_targets(t->store, g->id, &targets, &nt, &terr) == 0)
			for (size_t i = 0, len = 0; i < nt && len + 16 < sizeof sdg; i++)
				len += (size_t)snprintf(sdg + len, sizeof sdg - len, "%s%s",
							i ? ", " : _(" · SDG "), targets[i]);
		bl_strings_free(targets, nt);
		const char *desc = g->description && *g->description ? g->description : NULL;
		p->sub = dup_printf(_("%s%sGoal %" PRId64 " for %s · %s%s · served by %zu budget lines"),
				    desc ? desc : "", desc ? "\n" : "", g->id,
				    area[0] ? area : _("the whole municipality"),
				    tui_goal_status_label(g->status), sdg, n_ids);
		char label[512];
		snprintf(label, sizeof label, _("The lines that serve goal %" PRId64), g->id);
		add_section(p, label);
		add_money_rows(p, inc, inc_bad, exp, exp_bad);
	}
out:
	free(ids);
	bl_areas_free(areas, n_areas);
	bl_goals_free(goals, n_goals);
	return rc;
}

/* An amendment: its number, title and decision, and what adopting it
 * alone does to income, expenses and balance in each year of the
 * first-reading version.  Never who tabled it. */
static int load_amendment(tui *t, present *p, bl_err *err)
{
	char *end;
	long long num = strtoll(p->raw_ref, &end, 10);
	if (*end || end == p->raw_ref)
		return 1;
	bl_amend_rec a;
	memset(&a, 0, sizeof a);
	if (bl_store_amendment_get(t->store, num, &a, err) != 0)
		return 1;
	bl_amend_budget base;
	memset(&base, 0, sizeof base);
	bl_change **chs = NULL;
	bl_amendment *m = NULL;
	bl_money inc[BL_MAX_YEARS] = { 0 }, exp[BL_MAX_YEARS] = { 0 }, bal[BL_MAX_YEARS] = { 0 };
	int rc = -1;
	bool have_base = false;
	if (bl_store_amend_base(t->store, "first_reading", &base, err) != 0)
		goto out;
	have_base = true;
	if (!(m = bl_amend_models(&a, 1, &chs))) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	if (bl_amend_effect(&base, m, inc, exp, bal, err) != 0)
		goto out;
	char date[11];
	bl_date_format(a.tabled, date);
	const char *state = a.lapsed ? _("lapsed with the amendment it amends")
			    : a.decision == BL_ADOPTED ? _("adopted")
			    : a.decision == BL_REJECTED ? _("rejected")
			    : a.decision == BL_WITHDRAWN ? _("withdrawn") : _("to be decided");
	p->head = dup_printf(_("Amendment %" PRId64 ": %s"), a.number, a.title);
	if (a.parent)
		p->sub = dup_printf(_("Amends amendment %" PRId64 " · tabled %s · %s"), a.parent, date, state);
	else
		p->sub = dup_printf(_("Tabled %s · %s"), date, state);
	/* "If ... is adopted" only while it can still be: once decided the
	 * room must not read a rejected amendment's effect as to come. */
	char label[256];
	if (a.lapsed)
		snprintf(label, sizeof label, _("Amendment %" PRId64 " (lapsed): its effect"), a.number);
	else if (a.decision == BL_ADOPTED)
		snprintf(label, sizeof label, _("Amendment %" PRId64 " (adopted): its effect"), a.number);
	else if (a.decision == BL_REJECTED)
		snprintf(label, sizeof label, _("Amendment %" PRId64 " (rejected): its effect"), a.number);
	else if (a.decision == BL_WITHDRAWN)
		snprintf(label, sizeof label, _("Amendment %" PRId64 " (withdrawn): its effect"), a.number);
	else
		snprintf(label, sizeof label, _("If amendment %" PRId64 " is adopted"), a.number);
	add_section(p, label);
	trow *ri = add_row(p, _("Income"), R_INCOME);
	trow *re = add_row(p, _("Expenses"), R_EXPENSE);
	trow *rb = add_row(p, _("Balance"), R_TOTAL);
	if (ri && re && rb) {
		ri->optional = re->optional = true;
		ri->key = "effect.income";
		re->key = "effect.expense";
		rb->key = "effect.balance";
		rb->red_deficit = true;
		for (int y = 0; y < p->n_years; y++) {
			ri->v[y] = inc[y];
			re->v[y] = exp[y];
			rb->v[y] = bal[y];
			ri->has[y] = re->has[y] = rb->has[y] = true;
		}
	}
	p->hero = HERO_EFFECT;
	for (int y = 0; y < p->n_years; y++) {
		p->hero_v[y] = bal[y];
		p->hero_bad[y] = false;
	}
	rc = 0;
out:
	bl_amend_models_free(m, chs, 1);
	if (have_base)
		bl_store_amend_base_free(&base);
	bl_amend_rec_clear(&a);
	return rc;
}

static void load(tui *t, present *p)
{
	bl_err err = { { 0 } };
	clear_loaded(p);
	p->hero = HERO_BALANCE;
	p->n_years = t->info.n_years;
	if (p->n_years < 1 || p->n_years > BL_MAX_YEARS) {
		snprintf(p->err, sizeof p->err, _("The process has %d years; the projector shows 1 to %d."),
			 t->info.n_years, BL_MAX_YEARS);
		p->n_years = 0;
		return;
	}
	if (bl_store_year_totals(t->store, t->version, p->income, p->expense, &err) != 0) {
		snprintf(p->err, sizeof p->err, "%s", err.msg);
		memset(p->income, 0, sizeof p->income);
		memset(p->expense, 0, sizeof p->expense);
	}
	for (int y = 0; y < p->n_years; y++)
		p->balance_bad[y] = !bl_money_sub(p->income[y], p->expense[y], &p->balance[y]);

	bl_spotlight sp;
	if (bl_store_spotlight_get(t->store, &sp, &err) != 0) {
		if (!p->err[0])
			snprintf(p->err, sizeof p->err, "%s", err.msg);
	} else {
		p->kind = sp.kind;
		p->ref = sp.ref ? clean_dup(sp.ref, false) : NULL;
		p->raw_ref = sp.ref ? strdup(sp.ref) : NULL;
		p->text = sp.text ? clean_dup(sp.text, false) : NULL;
		/* sp.at and the actor who set it are not shown: who is not the
		 * room's business, and the time is on everyone's watch. */
		bl_spotlight_clear(&sp);
	}
	int rc = 0;
	if (p->kind == BL_SPOT_MESSAGE) {
		p->found = p->text != NULL;
	} else if (lab_kind(p->kind) && p->raw_ref) {
		/* Counts and results only: present_lab.c reads no person. */
		bl_err lerr = { { 0 } };
		rc = present_lab_load(t, p->kind, p->raw_ref, &p->lab, &lerr);
		p->found = rc == 0;
		if (rc < 0 && !p->err[0])
			snprintf(p->err, sizeof p->err, "%s", lerr.msg);
		if (p->found) {
			p->head = p->kind == BL_SPOT_RESULTS
				  ? dup_printf(_("Lab %" PRId64 ": %s · results"), p->lab.lab, p->lab.theme)
				  : dup_printf(_("Lab %" PRId64 ": %s · who came"), p->lab.lab, p->lab.theme);
			p->sub = strdup("");
		}
	} else if (p->kind == BL_SPOT_POOL && p->raw_ref) {
		/* The pool's sums and counts only: present_pool.c reads no
		 * project, so no applicant. */
		bl_err lerr = { { 0 } };
		rc = present_pool_load(t, p->raw_ref, &p->pool, &lerr);
		p->found = rc == 0;
		if (rc < 0 && !p->err[0])
			snprintf(p->err, sizeof p->err, "%s", lerr.msg);
		if (p->found) {
			p->head = dup_printf("%s", p->pool.name);
			p->sub = strdup("");
		}
	} else if (p->kind != BL_SPOT_NONE && p->ref && p->raw_ref) {
		/* Looked up as stored (raw_ref); shown cleaned (ref). */
		bl_err lerr = { { 0 } };
		rc = p->kind == BL_SPOT_LINE ? load_line(t, p, &lerr)
		     : p->kind == BL_SPOT_AREA ? load_area(t, p, &lerr)
		     : p->kind == BL_SPOT_AMENDMENT ? load_amendment(t, p, &lerr)
					       : load_goal(t, p, &lerr);
		p->found = rc == 0;
		if (rc < 0 && !p->err[0])
			snprintf(p->err, sizeof p->err, "%s", lerr.msg);
		if (!p->found) {
			/* What it resolved to so far is not what the room sees. */
			free(p->head);
			free(p->sub);
			p->head = p->sub = NULL;
			p->n_rows = 0;
			p->hero = HERO_BALANCE;
		}
	}
	if (p->hero == HERO_BALANCE)
		for (int y = 0; y < p->n_years; y++) {
			p->hero_v[y] = p->balance[y];
			p->hero_bad[y] = p->balance_bad[y];
		}
	/* The whole budget's rows, always. */
	if (p->n_rows > 0)
		add_section(p, _("The whole budget"));
	trow *ri = add_row(p, _("Income"), R_INCOME);
	trow *re = add_row(p, _("Expenses"), R_EXPENSE);
	trow *rb = add_row(p, _("Balance"), R_TOTAL);
	for (int y = 0; y < p->n_years && ri && re && rb; y++) {
		ri->v[y] = p->income[y];
		re->v[y] = p->expense[y];
		rb->v[y] = p->balance[y];
		rb->bad[y] = p->balance_bad[y];
		ri->has[y] = re->has[y] = rb->has[y] = true;
	}
	if (rb)
		rb->red_deficit = true;
}

/* ---- the focus: what the room is deciding ---- */

/* The heading and the text under it, for now (the phase's when nothing
 * is spotlighted, or the spotlight cannot be shown). */
static void focus(tui *t, present *p, const char **head, const char **sub, int *role, char *buf, size_t bufsz, char *buf2, size_t buf2sz)
{
	*role = R_HEADING;
	if (p->err[0]) {
		*head = _("The budget cannot be read right now");
		*sub = p->err;
		*role = R_ERROR;
		return;
	}
	if (p->kind == BL_SPOT_MESSAGE && p->text) {
		*head = p->text;
		*sub = "";
		*role = R_BIG;
		return;
	}
	if (p->kind != BL_SPOT_NONE && p->found && p->head) {
		*head = p->head;
		*sub = p->sub ? p->sub : "";
		if (p->kind == BL_SPOT_GOAL)
			*role = R_BIG; /* the goal is what the room reads */
		return;
	}
	if (p->kind != BL_SPOT_NONE && p->kind != BL_SPOT_MESSAGE) {
		/* Pointed at something that has gone since. */
		snprintf(buf, bufsz, "%s", p->ref ? p->ref : "");
		*head = buf;
		*sub = lab_kind(p->kind) ? _("This lab is not in the process.")
		       : p->kind == BL_SPOT_LINE ? _("This budget line is no longer in the budget.")
		       : p->kind == BL_SPOT_AREA ? _("This area is no longer in the budget.")
		       : p->kind == BL_SPOT_AMENDMENT ? _("This amendment is not in the process.")
		       : p->kind == BL_SPOT_POOL ? _("This development pool is not in the process.")
						 : _("This goal is no longer in the process.");
		return;
	}
	if (t->phase < 0) {
		*head = _("Setting up the process");
		*sub = _("The budget is being prepared; the first phase has not begun.");
		return;
	}
	/* The phase file is the municipality's own text: cleaned like the
	 * database's. */
	const bl_phase *ph = &t->def->phases[t->phase];
	char *title = clean_dup(ph->title, false), *first = first_sentence(ph->guidance);
	char *s = clean_dup(first, false);
	snprintf(buf, bufsz, "%s", title ? title : "");
	snprintf(buf2, buf2sz, "%s", s ? s : "");
	free(title);
	free(first);
	free(s);
	*head = buf;
	*sub = buf2;
}

/* ---- word wrapping, centred ---- */

/* The byte length of the next row of s in width columns, and where the
 * row after starts; a word longer than the row is cut. */
static size_t wrap_next(const char *s, int width, const char **next)
{
	return tui_wrap_next(s, width, next);
}

/* Rows the text takes wrapped to width. */
static int wrap_count(const char *s, int width)
{
	int rows = 0;
	if (width < 1)
		return 0;
	while (s && *s) {
		const char *next;
		wrap_next(s, width, &next);
		s = next;
		rows++;
	}
	return rows;
}

/* Draw text wrapped to width, each row centred in [x, x + width), at most
 * max rows; the last row shown ends in "…" when text is left over. */
static void wrap_centred(int y, int x, int width, int max, const char *s, int role)
{
	for (int r = 0; r < max && s && *s; r++) {
		const char *next;
		size_t len = wrap_next(s, width, &next);
		char row[2048];
		if (len >= sizeof row - 4)
			len = sizeof row - 4;
		memcpy(row, s, len);
		row[len] = '\0';
		while (len > 0 && row[len - 1] == ' ')
			row[--len] = '\0';
		if (r == max - 1 && *next) {
			/* Cut: end the row with "…", within width. */
			if (bl_text_width(row) + 1 > width) {
				char fit[2048];
				bl_text_fit(row, width - 1, false, fit, sizeof fit);
				snprintf(row, sizeof row, "%s", fit);
				len = strlen(row);
				while (len > 0 && row[len - 1] == ' ')
					row[--len] = '\0';
			}
			strcat(row, "…");
		}
		int w = bl_text_width(row);
		tui_put(y + r, x + (width - w) / 2, w, row, role, false);
		s = next;
	}
}

/* ---- layout and drawing ---- */

static void fmt(const tui *t, bl_money v, bool bad, char *buf, size_t bufsz)
{
	if (bad)
		snprintf(buf, bufsz, "%s", _("too large"));
	else
		tui_fmt_amount(t, v, buf, bufsz);
}

static void mono_now(struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
}

static long ms_since(const struct timespec *a)
{
	struct timespec now;
	mono_now(&now);
	return (long)((now.tv_sec - a->tv_sec) * 1000 + (now.tv_nsec - a->tv_nsec) / 1000000);
}

static void draw_header(tui *t, int y, int w)
{
	char left[512], right[512];
	if (t->phase >= 0)
		snprintf(right, sizeof right, _("Phase %d of %zu: %s "), t->phase + 1, t->def->n_phases,
			 t->def->phases[t->phase].title);
	else
		snprintf(right, sizeof right, "%s ", _("Setting up, before the first phase"));
	char *r = clean_dup(right, false);
	int rw = bl_text_width(r ? r : "");
	if (rw > w - 12)
		rw = w - 12 > 0 ? w - 12 : 0;
	snprintf(left, sizeof left, " %s · %s", t->info.municipality, t->info.title);
	/* Which version the room sees: always once it is not the proposal
	 * (after the first reading the working version is the adopted one),
	 * and when it was chosen.  Short ("· adopted") when the long form
	 * would be cut. */
	if (strcmp(t->version, "proposal") != 0 || t->version_chosen) {
		size_t n = strlen(left);
		const char *v = strcmp(t->version, "proposal") == 0 ? _("proposal")
				: strcmp(t->version, "first_reading") == 0 ? _("first reading")
				: strcmp(t->version, "adopted") == 0 ? _("adopted")
								     : t->version;
		snprintf(left + n, sizeof left - n, _(" · version: %s"), v);
		char *l = clean_dup(left, false);
		if (l && bl_text_width(l) > w - rw - 1)
			snprintf(left + n, sizeof left - n, " · %s", v);
		free(l);
	}
	char *l = clean_dup(left, false);
	tui_fill(y, 0, w, R_TITLE);
	tui_put(y, 0, w - rw - 1, l, R_TITLE, false);
	tui_put(y, w - rw, rw, r, R_TITLE, true);
	free(l);
	free(r);
}

/* The notice row: t->msg (the read-only notice, the keys, the theme),
 * gone after NOTICE_MS or at the next key. */
static void draw_notice(tui *t, present *p, int y, int w)
{
	p->notice[0] = '\0';
	if (!t->msg[0]) {
		p->seen_msg[0] = '\0';
		return;
	}
	if (strcmp(p->seen_msg, t->msg) != 0) {
		snprintf(p->seen_msg, sizeof p->seen_msg, "%s", t->msg);
		mono_now(&p->seen_at);
	} else if (ms_since(&p->seen_at) > NOTICE_MS) {
		t->msg[0] = '\0';
		return;
	}
	char *c = clean_dup(t->msg, false);
	snprintf(p->notice, sizeof p->notice, "%s", c ? c : "");
	free(c);
	tui_fill(y, 0, w, t->msg_role);
	int nw = bl_text_width(p->notice);
	if (nw > w)
		nw = w;
	tui_put(y, (w - nw) / 2, nw, p->notice, t->msg_role, false);
}

/* One row of big digits: the blocks in role, the blanks between them
 * plain, so that an underline (R_DEFICIT without colours) marks the
 * digits and does not rule lines through the gaps. */
static void big_row(int y, int x, const char *row, int role)
{
	size_t n = strlen(row), i = 0, k, run = 0;
	int col = 0, run_col = 0;
	unsigned cp;
	char buf[1024];
	for (;;) {
		k = bl_utf8_next(row + i, n - i, &cp);
		if ((k == 0 || cp == ' ') && i > run) {
			size_t len = i - run < sizeof buf ? i - run : sizeof buf - 1;
			memcpy(buf, row + run, len);
			buf[len] = '\0';
			tui_put(y, x + run_col, col - run_col, buf, role, false);
		}
		if (k == 0)
			break;
		i += k;
		col++;
		if (cp == ' ') {
			run = i;
			run_col = col;
		}
	}
}

/* The years to show numbers for: none when reading failed, as zeros or
 * the last numbers read would be taken for the budget's. */
static int shown_years(const present *p)
{
	return p->err[0] ? 0 : p->n_years;
}

/* How the rows are shared out. */
typedef struct plan {
	int head_rows, sub_rows;
	bool keep_optional;   /* the spotlight's income and expense rows */
	int n_table;          /* rows of the table */
	int scale;            /* of the big number; 0: normal text */
	int hero_h;           /* rows of the big number */
	bool fits;            /* all of it in the rows */
	int gap[4];           /* under the header, between focus and number,
			       * number and table, under the table */
} plan;

/* Share out body rows for W columns: the focus (at most sub_max rows of
 * text under the heading), the big number's label and number, the table
 * (keep_optional: with the spotlight's income and expense rows). */
static plan make_plan(tui *t, present *p, const char *head, const char *sub, int head_role,
		      int body, int rows, int W, int sub_max, bool keep_optional)
{
	plan pl;
	memset(&pl, 0, sizeof pl);
	int text_w = W - 4 > 0 ? W - 4 : 1, n_years = shown_years(p);
	int head_max = head_role == R_BIG ? 3 : 2;
	pl.head_rows = wrap_count(head, text_w);
	pl.sub_rows = wrap_count(sub, text_w);
	if (pl.head_rows > head_max)
		pl.head_rows = head_max;
	if (pl.head_rows < 1)
		pl.head_rows = 1;
	if (pl.sub_rows > sub_max)
		pl.sub_rows = sub_max;
	pl.keep_optional = keep_optional;
	pl.n_table = n_years ? 1 : 0; /* the years */
	for (int i = 0; i < p->n_rows && n_years; i++)
		if (keep_optional || !p->rows[i].optional)
			pl.n_table++;
	/* The focus, the label and one row of number, the table must fit:
	 * give up text under the heading first, then heading rows. */
	while (pl.head_rows + pl.sub_rows + 2 + pl.n_table > body) {
		if (pl.sub_rows > 0)
			pl.sub_rows--;
		else if (pl.head_rows > 1)
			pl.head_rows--;
		else
			break;
	}

	/* The big number: the budget year's value, at the largest scale that
	 * fits the rows left and the width.  Every year's value is measured,
	 * so the size does not jump when the facilitator changes an amount.
	 * Air first (three gaps), unless it costs the digits their smallest
	 * size: then the digits. */
	int fixed = pl.head_rows + pl.sub_rows + 1 + pl.n_table;
	int left = body - fixed;
	int gaps_min = left >= 6 ? 3 : left >= 3 ? left - 3 : 0;
	int big_rows = left - gaps_min;
	int cap_rows = rows * BIG_MAX_SHARE / 100;
	if (cap_rows < 3)
		cap_rows = 3;
	if (big_rows > cap_rows)
		big_rows = cap_rows;
	int widest = 0;
	bool known = n_years > 0;
	for (int y = 0; y < n_years; y++) {
		char v[BL_MONEY_BUFSZ];
		fmt(t, p->hero_v[y], p->hero_bad[y], v, sizeof v);
		int w = bl_big_width(v, 1);
		if (w > widest)
			widest = w;
		if (y == 0)
			known = bl_big_known(v);
	}
	int max_cols = W - 4 < BIG_MAX_COLS ? W - 4 : BIG_MAX_COLS;
	/* A goal's money comes after the goal, in normal-size figures: the
	 * big type is the goal's (bigtext has no letters for its title). */
	if (known && !goal_spot(p))
		for (int k = BL_BIG_MAX_SCALE; k >= 1; k--)
			if (widest * k <= max_cols && bl_big_height(k) <= big_rows) {
				pl.scale = k;
				break;
			}
	pl.hero_h = pl.scale ? bl_big_height(pl.scale) : 1;

	/* The spare rows, spread over the four gaps; the bottom one is the
	 * least use, so one of it goes to the top. */
	int spare = body - (fixed + pl.hero_h);
	pl.fits = spare >= 0;
	if (spare < 0)
		spare = 0;
	for (int i = 0; i < 4; i++)
		pl.gap[i] = spare / 4 + (i < spare % 4 ? 1 : 0);
	if (pl.gap[3] > pl.gap[0]) {
		pl.gap[3]--;
		pl.gap[0]++;
	}
	/* A goal's title at the top, the money close under the goal's
	 * text: the spare rows go under the table. */
	if (goal_spot(p)) {
		int caps[3] = { 1, 2, 1 };
		for (int i = 0; i < 3; i++)
			if (pl.gap[i] > caps[i]) {
				pl.gap[3] += pl.gap[i] - caps[i];
				pl.gap[i] = caps[i];
			}
	}
	return pl;
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	present *p = st;
	int W = COLS, n_years = shown_years(p);
	char buf[1024], buf2[2048];
	const char *head, *sub;
	int head_role;
	focus(t, p, &head, &sub, &head_role, buf, sizeof buf, buf2, sizeof buf2);

	draw_header(t, top, W);
	if (lab_kind(p->kind) && p->found && !p->err[0]) {
		/* The lab's own view on the rows between header and notice. */
		p->scale = 0;
		p->big[0] = '\0';
		p->years_shown = 0;
		present_lab_draw(t, &p->lab, top + 1, rows - 2, W);
		draw_notice(t, p, top + rows - 1, W);
		return;
	}
	if (p->kind == BL_SPOT_POOL && p->found && !p->err[0]) {
		p->scale = 0;
		p->big[0] = '\0';
		p->years_shown = 0;
		present_pool_draw(t, &p->pool, top + 1, rows - 2, W);
		draw_notice(t, p, top + rows - 1, W);
		return;
	}
	int body = rows - 2, y0 = top + 1; /* the header row, the notice row */
	int text_w = W - 4 > 0 ? W - 4 : 1;

	/* Everything, if the number gets big digits with it; else the
	 * digits win over the text under the heading, then over the
	 * spotlight's income and expense rows. */
	struct {
		int sub_max;
		bool keep_optional;
	} tries[] = { { 3, true }, { 1, true }, { 1, false }, { 0, false } };
	/* A goal's description and status, whole if the rows allow:
	 * make_plan gives up its rows before the table's. */
	if (goal_spot(p))
		tries[0].sub_max = 10;
	plan pl, first_fit, last;
	bool have_fit = false, have = false;
	for (size_t i = 0; i < sizeof tries / sizeof tries[0] && !have; i++) {
		last = make_plan(t, p, head, sub, head_role, body, rows, W, tries[i].sub_max,
				 tries[i].keep_optional);
		if (last.fits && !have_fit) {
			first_fit = last;
			have_fit = true;
		}
		if (last.fits && last.scale) {
			pl = last;
			have = true;
		}
	}
	if (!have)
		pl = have_fit ? first_fit : last;
	/* A goal has no big digits: rather than cut its text (the status and
	 * SDG targets come last), leave out the income and expense rows of
	 * the lines that serve it, on a small screen. */
	if (goal_spot(p) && pl.sub_rows < wrap_count(sub, text_w)) {
		plan alt = make_plan(t, p, head, sub, head_role, body, rows, W, tries[0].sub_max, false);
		if (alt.fits && alt.sub_rows > pl.sub_rows)
			pl = alt;
	}
	int head_rows = pl.head_rows, sub_rows = pl.sub_rows, scale = pl.scale, hero_h = pl.hero_h;
	bool keep_optional = pl.keep_optional;
	const int *gap = pl.gap;
	char big[BL_MONEY_BUFSZ] = "";
	if (n_years > 0)
		fmt(t, p->hero_v[0], p->hero_bad[0], big, sizeof big);
	snprintf(p->big, sizeof p->big, "%s", big);
	p->scale = scale;

	int y = y0 + gap[0];
	if (head_rows > 0)
		wrap_centred(y, 2, text_w, head_rows, head, head_role);
	y += head_rows;
	if (sub_rows > 0)
		wrap_centred(y, 2, text_w, sub_rows, sub, p->err[0] ? R_ERROR : R_NORMAL);
	y += sub_rows + gap[1];

	/* The big number's label, then the number. */
	if (n_years > 0) {
		const char *unit = bl_unit_label(t->unit, t->info.lang);
		bool neg = p->hero_v[0] < 0 && !p->hero_bad[0];
		int year = tui_year(t, 0);
		switch (p->hero) {
		case HERO_BALANCE:
			if (neg)
				snprintf(buf, sizeof buf, _("Balance %d: a deficit · %s"), year, unit);
			else
				snprintf(buf, sizeof buf, _("Balance %d (income − expenses) · %s"), year, unit);
			break;
		case HERO_EXPENSE: snprintf(buf, sizeof buf, _("Expense %d · %s"), year, unit); break;
		case HERO_INCOME: snprintf(buf, sizeof buf, _("Income %d · %s"), year, unit); break;
		case HERO_NET: snprintf(buf, sizeof buf, _("Net cost %d (expenses − income) · %s"), year, unit); break;
		case HERO_EFFECT: snprintf(buf, sizeof buf, _("Effect on the balance %d · %s"), year, unit); break;
		}
		bool goal = goal_spot(p);
		wrap_centred(y, 2, text_w, 1, buf, goal ? R_NORMAL : R_HEADING);
		y++;
		int role = (p->hero == HERO_BALANCE || p->hero == HERO_EFFECT) && neg ? R_DEFICIT
			   : goal ? R_TOTAL : R_BIG;
		bl_big b;
		if (scale && bl_big_render(big, scale, &b) == 0) {
			int x = (W - b.width) / 2;
			for (int r = 0; r < b.height; r++)
				big_row(y + r, x, b.rows[r], role);
			bl_big_free(&b);
		} else {
			p->scale = 0;
			int w = bl_text_width(big);
			tui_put(y, (W - w) / 2, w, big, role, false);
		}
		y += hero_h + gap[2];
	}

	/* The table: label column, then one column per year, centred. */
	p->years_shown = 0;
	if (pl.n_table > 0) {
		int amount_w = 4;
		for (int i = 0; i < p->n_rows; i++)
			for (int yr = 0; yr < n_years; yr++) {
				char v[BL_MONEY_BUFSZ];
				fmt(t, p->rows[i].v[yr], p->rows[i].bad[yr], v, sizeof v);
				int w = bl_text_width(v);
				if (w > amount_w)
					amount_w = w;
			}
		int col_w = amount_w + 3;
		int label_w = 12;
		bool sections = false;
		for (int i = 0; i < p->n_rows; i++)
			sections |= p->rows[i].section;
		for (int i = 0; i < p->n_rows; i++) {
			int w = bl_text_width(p->rows[i].label) + (sections && !p->rows[i].section ? 2 : 0);
			if (w > label_w)
				label_w = w;
		}
		/* Show the years that fit, with a label of at least 12 columns;
		 * then give the label what it needs, and spread the columns a
		 * little on a wide screen. */
		int shown = n_years;
		while (shown > 1 && 12 + shown * col_w > W - 2)
			shown--;
		if (label_w > W - 2 - shown * col_w)
			label_w = W - 2 - shown * col_w;
		if (label_w < 4)
			label_w = 4;
		int spread = (W * 3 / 4 - label_w) / (shown ? shown : 1);
		if (spread > col_w)
			col_w = spread < amount_w + 8 ? spread : amount_w + 8;
		int table_w = label_w + shown * col_w;
		int x0 = (W - table_w) / 2;
		if (x0 < 0)
			x0 = 0;
		p->years_shown = shown;
		tui_put(y, x0, label_w, bl_unit_label(t->unit, t->info.lang), R_HEADING, false);
		for (int yr = 0; yr < shown; yr++) {
			char year[16];
			snprintf(year, sizeof year, "%d", tui_year(t, yr));
			tui_put(y, x0 + label_w + yr * col_w, col_w, year, R_HEADING, true);
		}
		y++;
		/* Never over the notice row, should a plan not fit. */
		for (int i = 0; i < p->n_rows && y < top + rows - 1; i++) {
			const trow *r = &p->rows[i];
			if (r->optional && !keep_optional)
				continue;
			if (r->section) {
				tui_put(y++, x0, table_w, r->label, R_AREA, false);
				continue;
			}
			char label[300];
			snprintf(label, sizeof label, "%s%s", sections ? "  " : "", r->label);
			tui_put(y, x0, label_w, label, r->role, false);
			for (int yr = 0; yr < shown; yr++) {
				char v[BL_MONEY_BUFSZ];
				if (r->has[yr])
					fmt(t, r->v[yr], r->bad[yr], v, sizeof v);
				else
					snprintf(v, sizeof v, "–");
				int role = r->bad[yr] ? R_ERROR
					   : r->red_deficit && r->v[yr] < 0 ? R_DEFICIT
					   : !r->has[yr] ? R_DIM : r->role;
				tui_put(y, x0 + label_w + yr * col_w, col_w, v, role, true);
			}
			y++;
		}
	}
	draw_notice(t, p, top + rows - 1, W);
}

/* ---- keys ---- */

/* The keys of this view, from the action table, for `?`. */
static void keys_notice(tui *t)
{
	char buf[512];
	size_t n = (size_t)snprintf(buf, sizeof buf, "%s", _("Keys:"));
	for (size_t i = 0; i < tui_n_actions && n < sizeof buf; i++) {
		const tui_action *a = &tui_actions[i];
		if (!(a->screens & SCR_BIT(SCR_PRESENT)))
			continue;
		const char *what = a->act == ACT_QUIT ? _("quit") : a->label ? _(a->label) : a->name;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "  %s %s", a->keys_label, what);
	}
	if (n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "  · %s", _("The view is read-only."));
	tui_msg(t, R_INFO, "%s", buf);
}

static bool s_key(tui *t, void *st, int key)
{
	present *p = st;
	/* Any key ends the notice; what it leads to may show a new one. */
	t->msg[0] = '\0';
	p->seen_msg[0] = '\0';
	tui_act a = tui_action_for_key(SCR_PRESENT, key);
	if (a == ACT_QUIT || a == ACT_THEME || a == ACT_REDRAW)
		return false;
	if (a == ACT_HELP) {
		keys_notice(t);
		return true;
	}
	if (key == TUI_ESC)
		return true; /* only dismisses the notice */
	tui_msg(t, R_ERROR, "%s",
		_("The projector view is read-only: change the budget in the facilitator's terminal.  ? keys, q quit"));
	return true;
}

/* ---- the screen ---- */

static void *s_open(tui *t)
{
	present *p = calloc(1, sizeof *p);
	if (!p) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	load(t, p);
	return p;
}

static void s_close(void *st)
{
	present *p = st;
	if (!p)
		return;
	clear_loaded(p);
	free(p);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

/* Amounts in the dump are exact, in øre (minor units); what is drawn is
 * in present.big and the screen itself. */
static void s_dump(tui *t, void *st, FILE *f)
{
	present *p = st;
	static const char *const kinds[] = { "none", "line", "area", "goal", "message", "results",
					     "representation", "amendment", "pool" };
	fprintf(f, "present.municipality=%s\n", t->info.municipality);
	fprintf(f, "present.phase=%s\n", t->phase >= 0 ? t->def->phases[t->phase].id : "setup");
	fprintf(f, "present.phase.title=%s\n", t->phase >= 0 ? t->def->phases[t->phase].title : "");
	if (p->kind == BL_SPOT_NONE || p->kind == BL_SPOT_MESSAGE)
		fprintf(f, "present.spotlight=%s\n", kinds[p->kind]);
	else
		fprintf(f, "present.spotlight=%s:%s\n", kinds[p->kind], p->ref ? p->ref : "");
	fprintf(f, "present.spotlight.found=%s\n", p->kind == BL_SPOT_NONE ? "" : p->found ? "yes" : "no");
	if (p->kind == BL_SPOT_MESSAGE)
		fprintf(f, "present.message=%s\n", p->text ? p->text : "");
	char buf[1024], buf2[2048];
	const char *head, *sub;
	int role;
	focus(t, p, &head, &sub, &role, buf, sizeof buf, buf2, sizeof buf2);
	fprintf(f, "present.focus=%s\n", head);
	char *flat = clean_dup(sub, false);
	fprintf(f, "present.focus.text=%s\n", flat ? flat : "");
	free(flat);
	static const char *const heroes[] = { "balance", "expense", "income", "net", "effect" };
	fprintf(f, "present.big=%s\n", p->big);
	fprintf(f, "present.big.what=%s.%d\n", heroes[p->hero], tui_year(t, 0));
	fprintf(f, "present.big.scale=%d\n", p->scale);
	fprintf(f, "present.years_shown=%d\n", p->years_shown);
	for (int y = 0; y < p->n_years; y++)
		fprintf(f, "present.income.%d=%" PRId64 "\n", tui_year(t, y), p->income[y]);
	for (int y = 0; y < p->n_years; y++)
		fprintf(f, "present.expense.%d=%" PRId64 "\n", tui_year(t, y), p->expense[y]);
	for (int y = 0; y < p->n_years; y++) {
		if (p->balance_bad[y])
			fprintf(f, "present.balance.%d=overflow\n", tui_year(t, y));
		else
			fprintf(f, "present.balance.%d=%" PRId64 "\n", tui_year(t, y), p->balance[y]);
	}
	for (int i = 0; i < p->n_rows; i++) {
		const trow *r = &p->rows[i];
		if (!r->key)
			continue;
		for (int y = 0; y < p->n_years; y++) {
			if (!r->has[y])
				fprintf(f, "present.spot.%s.%d=\n", r->key, tui_year(t, y));
			else if (r->bad[y])
				fprintf(f, "present.spot.%s.%d=overflow\n", r->key, tui_year(t, y));
			else
				fprintf(f, "present.spot.%s.%d=%" PRId64 "\n", r->key, tui_year(t, y), r->v[y]);
		}
	}
	if (lab_kind(p->kind) && p->found)
		present_lab_dump(t, &p->lab, f);
	if (p->kind == BL_SPOT_POOL && p->found)
		present_pool_dump(t, &p->pool, f);
	fprintf(f, "present.notice=%s\n", p->notice);
	fprintf(f, "present.error=%s\n", p->err);
}

const tui_screen_ops tui_screen_present = {
	.id = SCR_PRESENT, .name = "present", .title = N_("Projector"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.key = s_key, .dump = s_dump,
};
