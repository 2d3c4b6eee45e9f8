/* screen_ballots.c: entering a lab's paper ballots, fast.
 *
 * After a lab session the facilitator has a pile of paper ballots and
 * types one after the other: the idea numbers marked, Enter, the next.
 * So the entry line is always active: digits, Space, comma, colon (and
 * any other sign a tired hand may hit) go to it before the keymap sees
 * them, and letters stay keys (u undo, e correct, c paper/laptop, o lab);
 * Tab switches screens, as the number keys type.
 *
 *   row 0      the lab, its ballot type, the session, paper or laptop
 *   row 1      the entry line, and how many ballots are counted
 *   row 2      what became of the last Enter: counted, or why not (the
 *              text stays on the entry line to be fixed; nothing stored)
 *   the rest   left: the ideas on the ballot as the paper shows them,
 *              number and title, with their live votes; right: the last
 *              ballots, newest first, Up/Down select one to correct
 *
 * Every ballot goes through bl_store_ballot_enter, which checks it
 * against the lab's ballot type as the CLI does; a correction voids the
 * old ballot and counts the new one in one step, and undo voids the last
 * one as "undone": a counted ballot is never changed, only voided. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/ballots_common.h"
#include "tui/lab_screen.h"

#define ENTRY_MAX 256

typedef struct ballots_state {
	int64_t lab;              /* what was loaded: t->lab then */
	bl_lab l;
	bool have;
	char err[BL_ERR_MAX];     /* reading failed */
	const bl_ballot_type *bt; /* the lab's ballot type, or NULL */
	int64_t session;          /* the session ballots go to (0: none) */
	char session_label[300];
	bl_idea *ideas;
	size_t n_ideas;
	int64_t *votes;           /* per idea: ballots marking it, or points */
	bl_ballot *ballots;       /* counted, in entry order */
	size_t n_ballots;
	bl_ballot_method method;
	char entry[ENTRY_MAX];
	tui_edit ed;
	char feedback[600];
	int feedback_role;
	bool pending;             /* the feedback says the entry line is not counted yet */
	int sel;                  /* in the list, 0 = the newest ballot */
	int top;
	int page;
} ballots_state;

static bool points_kind(const ballots_state *b)
{
	return b->bt ? b->bt->kind == BL_BALLOT_CUMULATIVE
		     : b->l.vote_type == BL_VOTE_CUMULATIVE || b->l.vote_type == BL_VOTE_SCORING;
}

static void free_data(ballots_state *b)
{
	if (b->have)
		bl_lab_clear(&b->l);
	bl_ideas_free(b->ideas, b->n_ideas);
	bl_ballots_free(b->ballots, b->n_ballots);
	free(b->votes);
	b->have = false;
	b->ideas = NULL;
	b->ballots = NULL;
	b->votes = NULL;
	b->n_ideas = b->n_ballots = 0;
	b->bt = NULL;
	b->err[0] = '\0';
}

static void load(tui *t, ballots_state *b)
{
	bl_err err = { { 0 } };
	if (b->lab != t->lab) {
		/* another lab: what was typed and said was about the other */
		b->entry[0] = '\0';
		tui_edit_init(&b->ed, b->entry, sizeof b->entry);
		b->feedback[0] = '\0';
		b->sel = b->top = 0;
	}
	free_data(b);
	b->lab = t->lab;
	b->session = 0;
	b->session_label[0] = '\0';
	if (!b->lab)
		return;
	if (bl_store_lab_get(t->store, b->lab, &b->l, &err) != 0) {
		snprintf(b->err, sizeof b->err, "%s", err.msg);
		return;
	}
	b->have = true;
	int k = b->l.ballot_type ? bl_lab_ballot_type(&t->def->lab, b->l.ballot_type) : -1;
	b->bt = k >= 0 ? &t->def->lab.ballot_types[k] : NULL;
	bl_session si;
	b->session = vote_session_for(t, b->lab, &si);
	if (b->session) {
		char place[200];
		tui_clean_line(si.place, place, sizeof place);
		snprintf(b->session_label, sizeof b->session_label, _("session %" PRId64 " (%s, %s)"),
			 si.id, si.date, place);
		free(si.place);
		free(si.facilitator);
	}
	if (bl_store_ideas(t->store, b->lab, &b->ideas, &b->n_ideas, &err) != 0 ||
	    bl_store_ballots(t->store, b->lab, false, &b->ballots, &b->n_ballots, &err) != 0) {
		snprintf(b->err, sizeof b->err, "%s", err.msg);
		return;
	}
	b->votes = calloc(b->n_ideas ? b->n_ideas : 1, sizeof *b->votes);
	bool pts = points_kind(b);
	for (size_t i = 0; b->votes && i < b->n_ballots; i++)
		for (size_t m = 0; m < b->ballots[i].n_marks; m++)
			for (size_t j = 0; j < b->n_ideas; j++)
				if (b->ideas[j].number == b->ballots[i].marks[m].idea)
					b->votes[j] += pts ? b->ballots[i].marks[m].points : 1;
	if (b->sel >= (int)b->n_ballots)
		b->sel = b->n_ballots ? (int)b->n_ballots - 1 : 0;
}

/* The ballot shown at list row r (0: the newest). */
static const bl_ballot *at_row(const ballots_state *b, int r)
{
	if (r < 0 || r >= (int)b->n_ballots)
		return NULL;
	return &b->ballots[b->n_ballots - 1 - (size_t)r];
}

/* ---- drawing ---- */

static void type_label(tui *t, const ballots_state *b, char *buf, size_t bufsz)
{
	char pool[BL_MONEY_BUFSZ], name[256];
	vote_money(t, b->l.pool, pool, sizeof pool);
	if (b->bt) {
		tui_clean_line(b->bt->name, name, sizeof name);
		snprintf(buf, bufsz, _("%s · pool %s kr."), name, pool);
	} else
		snprintf(buf, bufsz, _("No ballot type: paper ballots cannot be entered · pool %s kr."), pool);
}

static void draw_ideas(tui *t, ballots_state *b, int y, int x, int w, int rows)
{
	const char *vl = points_kind(b) ? _("Points") : _("Votes");
	int cost_w = 9, votes_w = bl_text_width(vl) > 5 ? bl_text_width(vl) : 5;
	for (size_t i = 0; i < b->n_ideas; i++) {
		int64_t tot = 0;
		bl_err err = { { 0 } };
		char c[BL_MONEY_BUFSZ];
		if (bl_idea_total(&b->ideas[i], &tot, &err) == 0) {
			vote_money(t, tot, c, sizeof c);
			if (bl_text_width(c) > cost_w)
				cost_w = bl_text_width(c);
		}
	}
	int num_w = 3, title_w = w - num_w - 1 - cost_w - 2 - votes_w - 1;
	if (title_w < 8) {
		cost_w = 0;
		title_w = w - num_w - 1 - votes_w - 1;
	}
	tui_put(y, x, num_w, _("No"), R_HEADING, true);
	tui_put(y, x + num_w + 1, title_w, _("On the ballot"), R_HEADING, false);
	if (cost_w)
		tui_put(y, x + num_w + 1 + title_w + 1, cost_w, _("Cost"), R_HEADING, true);
	tui_put(y, x + w - votes_w - 1, votes_w, vl, R_HEADING, true);
	int shown = 0, on = 0;
	for (size_t i = 0; i < b->n_ideas; i++) {
		const bl_idea *id = &b->ideas[i];
		if (id->status != BL_IDEA_ON_BALLOT)
			continue;
		on++;
		if (shown >= rows - 1)
			continue;
		int yy = y + 1 + shown++;
		char num[24], title[512], c[BL_MONEY_BUFSZ] = "", v[24];
		snprintf(num, sizeof num, "%" PRId64, id->number);
		tui_clean_line(id->title, title, sizeof title);
		int64_t tot = 0;
		bl_err err = { { 0 } };
		if (bl_idea_total(id, &tot, &err) == 0)
			vote_money(t, tot, c, sizeof c);
		snprintf(v, sizeof v, "%" PRId64, b->votes ? b->votes[i] : 0);
		tui_put(yy, x, num_w, num, R_HEADING, true);
		tui_put(yy, x + num_w + 1, title_w, title, R_NORMAL, false);
		if (cost_w)
			tui_put(yy, x + num_w + 1 + title_w + 1, cost_w, c, R_DIM, true);
		tui_put(yy, x + w - votes_w - 1, votes_w, v, R_TOTAL, true);
	}
	if (!on)
		tui_put(y + 1, x, w, _("No idea is on the ballot yet (the labs screen, 6)."), R_DIM, false);
	else if (on > shown && rows > 1) {
		char more[128];
		snprintf(more, sizeof more, _("… and %d more on the ballot"), on - shown);
		tui_put(y + rows - 1, x + num_w + 1, w - num_w - 1, more, R_DIM, false);
	}
}

static void draw_list(tui *t, ballots_state *b, int y, int x, int w, int rows)
{
	(void)t;
	char head[128];
	snprintf(head, sizeof head, _("Last ballots (%zu counted)"), b->n_ballots);
	tui_put(y, x, w, head, R_HEADING, false);
	b->page = rows - 1 > 0 ? rows - 1 : 1;
	if (b->sel < b->top)
		b->top = b->sel;
	if (b->sel >= b->top + b->page)
		b->top = b->sel - b->page + 1;
	if (!b->n_ballots) {
		tui_put(y + 1, x, w, _("None yet."), R_DIM, false);
		return;
	}
	bool pts = points_kind(b);
	for (int i = 0; i < b->page; i++) {
		const bl_ballot *bb = at_row(b, b->top + i);
		if (!bb)
			break;
		char marks[ENTRY_MAX + 16], row[ENTRY_MAX + 128], how[64] = "";
		vote_marks_text(bb, pts, marks, sizeof marks);
		if (bb->method != BL_CAST_PAPER)
			snprintf(how, sizeof how, " · %s", _(bl_ballot_method_name(bb->method)));
		if (bb->replaces)
			snprintf(row, sizeof row, _("%6" PRId64 "  %s (corrects %" PRId64 ")%s"), bb->id, marks,
				 bb->replaces, how);
		else
			snprintf(row, sizeof row, "%6" PRId64 "  %s%s", bb->id, marks, how);
		bool on = b->top + i == b->sel;
		tui_put(y + 1 + i, x, w, row, on ? R_SELECTED : R_NORMAL, false);
	}
}

static void s_draw(tui *t, void *st, int top, int rows)
{
	ballots_state *b = st;
	int W = COLS;
	if (!b->lab) {
		vote_draw_no_lab(t, top, rows, _("The ballots screen enters the paper ballots of one lab."));
		return;
	}
	char buf[1024], theme[256];
	tui_clean_line(b->have ? b->l.theme : "", theme, sizeof theme);
	tui_fill(top, 0, W, R_HEADING);
	snprintf(buf, sizeof buf, _(" Lab %" PRId64 ": %s · %s"), b->lab, theme,
		 b->session ? b->session_label : _("no session"));
	tui_put(top, 0, W, buf, R_HEADING, false);
	if (b->err[0]) {
		tui_wrap(top + 2, 2, W - 4, rows - 2, b->err, R_ERROR);
		return;
	}
	type_label(t, b, buf, sizeof buf);
	tui_put(top + 1, 1, W - 2, buf, R_DIM, false);

	/* The entry line: the label, the field, the count on the right. */
	int y = top + 2;
	char count[64];
	/* How they were cast beside the count: a long session name in the
	 * heading must not cut it off. */
	snprintf(count, sizeof count, _("%zu counted · %s"), b->n_ballots,
		 b->method == BL_CAST_PAPER ? _("on paper") : _("on the laptop"));
	int cw = bl_text_width(count);
	const char *label = _("Ballot: ");
	int x = 1 + tui_puts(y, 1, label, R_HEADING);
	int fw = W - x - cw - 3;
	if (fw > 60)
		fw = 60;
	tui_edit_draw(&b->ed, y, x, fw, R_FIELD_ON, true);
	/* beside the field, where the eye is, not at the far edge */
	tui_put(y, x + fw + 3, cw, count, R_TOTAL, false);
	/* What became of the last Enter, where the eye is. */
	if (b->feedback[0] && (b->feedback_role == R_ERROR || b->pending)) {
		/* A refusal on two rows, filled: it must not be missed, and the
		 * store's reasons are long ("... expected idea numbers ..."). */
		tui_fill(top + 3, 0, W, b->feedback_role);
		tui_fill(top + 4, 0, W, b->feedback_role);
		tui_wrap(top + 3, 1, W - 2, 2, b->feedback, b->feedback_role);
	} else if (b->feedback[0])
		tui_wrap(top + 3, 1, W - 2, 2, b->feedback, b->feedback_role);
	else
		tui_put(top + 3, 1, W - 2,
			points_kind(b) ? _("Type the idea numbers with their points (3:2 7:5), then Enter.")
				       : _("Type the idea numbers marked on the ballot (3 7 12), then Enter."),
			R_DIM, false);

	int ly = top + 5, lrows = rows - 5;
	if (lrows < 2)
		return;
	int left_w = W * 3 / 5 < 90 ? W * 3 / 5 : 90, right_x = left_w + 2, right_w = W - right_x - 1;
	if (right_w < 20) {
		right_w = 20;
		right_x = W - right_w - 1;
		left_w = right_x - 2;
	}
	draw_ideas(t, b, ly, 1, left_w - 1, lrows);
	draw_list(t, b, ly, right_x, right_w, lrows);
}

/* ---- entering ---- */

static void feedback(ballots_state *b, int role, const char *fmt, ...) BL_PRINTF(3, 4);
static void feedback(ballots_state *b, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->feedback, sizeof b->feedback, fmt, ap);
	va_end(ap);
	b->feedback_role = role;
	b->pending = false;
}

static bool writable(tui *t, ballots_state *b)
{
	if (t->readonly) {
		feedback(b, R_LOCKED, _("'%s' is open read-only: ballots cannot be entered here."), t->path);
		return false;
	}
	if (!b->lab) {
		feedback(b, R_ERROR, "%s", _("No lab is chosen: press o and type its number."));
		return false;
	}
	return true;
}

typedef struct check_ctx {
	ballots_state *b;
} check_ctx;
static const char *valid_marks(tui *t, void *vctx, const char *text, char *msg, size_t msgsz);

static void count_ballot(tui *t, ballots_state *b)
{
	if (!writable(t, b))
		return;
	char text[ENTRY_MAX];
	snprintf(text, sizeof text, "%s", b->entry);
	bool blank = strspn(text, " ,") == strlen(text);
	if (blank) {
		/* Ask only when the ballot type allows an empty ballot (min 0):
		 * else a "yes" would only be refused, so say why at once. */
		char why[BL_ERR_MAX];
		check_ctx c = { b };
		if (b->bt && valid_marks(t, &c, "", why, sizeof why)) {
			feedback(b, R_ERROR, _("✘ Not counted: the entry line is empty, and %s"), why);
			return;
		}
		if (b->bt && !tui_confirm(t, _("The entry line is empty. Count an empty (blank) ballot?"))) {
			feedback(b, R_DIM, "%s", _("Nothing was counted."));
			return;
		}
	}
	bl_err err = { { 0 } };
	int64_t id = 0;
	if (bl_store_ballot_enter(t->store, &t->def->lab, b->lab, text, b->session, 0, b->method, &id,
				  &err) != 0) {
		/* Kept for fixing: the typing is the facilitator's. */
		feedback(b, R_ERROR, _("✘ Not counted: %s"), err.msg);
		return;
	}
	b->entry[0] = '\0';
	tui_edit_init(&b->ed, b->entry, sizeof b->entry);
	load(t, b);
	b->sel = 0;
	const bl_ballot *nb = at_row(b, 0);
	char marks[ENTRY_MAX + 16] = "";
	if (nb)
		vote_marks_text(nb, points_kind(b), marks, sizeof marks);
	/* The count first: it is what the pile of paper is checked against;
	 * the ballot's number is what a correction on the command line takes. */
	feedback(b, R_PASS, _("✔ Ballot %zu counted: %s   (no. %" PRId64 ")"), b->n_ballots, marks, id);
}

/* The ballot undo would void: the last counted one entered here (not
 * read from a file), in the session if there is one. */
static const bl_ballot *undo_target(const ballots_state *b)
{
	for (size_t i = b->n_ballots; i-- > 0;) {
		const bl_ballot *bb = &b->ballots[i];
		if (bb->method == BL_CAST_FILE)
			continue;
		if (b->session && bb->session_id != b->session)
			continue;
		return bb;
	}
	return NULL;
}

static void undo(tui *t, ballots_state *b)
{
	if (!writable(t, b))
		return;
	const bl_ballot *bb = undo_target(b);
	if (!bb) {
		feedback(b, R_DIM, "%s", b->session ? _("No ballot of this session to undo.")
						    : _("No ballot to undo (ballots read from a file are voided on the command line)."));
		return;
	}
	char marks[ENTRY_MAX + 16], q[ENTRY_MAX + 160];
	int64_t want = bb->id;
	vote_marks_text(bb, points_kind(b), marks, sizeof marks);
	snprintf(q, sizeof q, _("Undo ballot %" PRId64 " (%s)? It is voided as \"undone\"."), want, marks);
	if (!tui_confirm(t, q)) {
		feedback(b, R_DIM, _("Ballot %" PRId64 " stays counted."), want);
		return;
	}
	bl_err err = { { 0 } };
	int64_t id = 0;
	if (bl_store_ballot_undo(t->store, b->lab, b->session, &id, &err) != 0) {
		feedback(b, R_ERROR, _("✘ Not undone: %s"), err.msg);
		return;
	}
	load(t, b);
	feedback(b, R_INFO, _("↶ Ballot %" PRId64 " (%s) undone · %zu ballots counted"), id, marks,
		 b->n_ballots);
}

/* The same checks as bl_store_ballot_enter, before anything is voided,
 * so the correction prompt says what is wrong while it is open. */
static const char *valid_marks(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	check_ctx *c = vctx;
	ballots_state *b = c->b;
	(void)t;
	if (!b->bt) {
		snprintf(msg, msgsz, "%s", _("The lab has no ballot type: give it one on the labs screen (6)."));
		return msg;
	}
	bl_err err = { { 0 } };
	bl_ballot_mark *m = NULL;
	size_t n = 0;
	bl_ballot_idea *bi = calloc(b->n_ideas ? b->n_ideas : 1, sizeof *bi);
	if (!bi) {
		snprintf(msg, msgsz, "%s", _("out of memory"));
		return msg;
	}
	int rc = 0;
	for (size_t i = 0; i < b->n_ideas && rc == 0; i++) {
		bi[i].number = (int)b->ideas[i].number;
		bi[i].on_ballot = b->ideas[i].status == BL_IDEA_ON_BALLOT;
		bi[i].title = b->ideas[i].title;
		rc = bl_idea_total(&b->ideas[i], &bi[i].cost, &err);
	}
	if (rc == 0)
		rc = bl_ballot_parse(b->bt, text, &m, &n, &err);
	if (rc == 0)
		rc = bl_ballot_check(b->bt, m, n, bi, b->n_ideas, b->l.pool, &err);
	free(m);
	free(bi);
	if (rc == 0)
		return NULL;
	snprintf(msg, msgsz, "%s", err.msg);
	return msg;
}

static const char *valid_reason(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The reason"), text, true, 200, msg, msgsz);
}

static void correct(tui *t, ballots_state *b)
{
	if (!writable(t, b))
		return;
	const bl_ballot *bb = at_row(b, b->sel);
	if (!bb) {
		feedback(b, R_DIM, "%s", _("No ballot to correct yet."));
		return;
	}
	int64_t old = bb->id;
	char marks[ENTRY_MAX + 16], label[200], text[ENTRY_MAX], reason[256];
	vote_marks_text(bb, points_kind(b), marks, sizeof marks);
	snprintf(label, sizeof label, _("Ballot %" PRId64 " corrected to: "), old);
	check_ctx c = { b };
	if (tui_prompt(t, label, bb->n_marks ? marks : "", text, sizeof text, valid_marks, &c) != 1) {
		feedback(b, R_DIM, _("Ballot %" PRId64 " was not corrected."), old);
		return;
	}
	snprintf(label, sizeof label, _("Why is ballot %" PRId64 " corrected? "), old);
	if (tui_prompt(t, label, "", reason, sizeof reason, valid_reason, NULL) != 1) {
		feedback(b, R_DIM, _("Ballot %" PRId64 " was not corrected."), old);
		return;
	}
	bl_err err = { { 0 } };
	int64_t id = 0;
	if (bl_store_ballot_reenter(t->store, &t->def->lab, b->lab, old, text, reason, &id, &err) != 0) {
		feedback(b, R_ERROR, _("✘ Not corrected: %s"), err.msg);
		return;
	}
	load(t, b);
	b->sel = 0;
	const bl_ballot *nb = at_row(b, 0);
	if (nb)
		vote_marks_text(nb, points_kind(b), marks, sizeof marks);
	feedback(b, R_PASS, _("✔ Ballot %" PRId64 " corrected: counted as ballot %" PRId64 " (%s); %" PRId64 " is void"),
		 old, id, marks, old);
}

/* ---- keys ---- */

/* The keys that edit the entry line: every character but a letter (a
 * letter is a key of the screen) and ?, which is help; the line
 * editor's moving and deleting keys. */
static bool entry_key(int k)
{
	if (k == '?')
		return false;
	if (tui_key_printable(k))
		return !((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || k > 0x7F);
	return k == TUI_FKEY(KEY_BACKSPACE) || k == TUI_FKEY(KEY_DC) || k == TUI_FKEY(KEY_LEFT) ||
	       k == TUI_FKEY(KEY_RIGHT) || k == TUI_FKEY(KEY_HOME) || k == TUI_FKEY(KEY_END) ||
	       k == TUI_CTRL('u') || k == TUI_CTRL('w') || k == TUI_CTRL('k') || k == TUI_CTRL('a') ||
	       k == TUI_CTRL('e') || k == TUI_CTRL('d');
}

static bool s_key(tui *t, void *st, int k)
{
	ballots_state *b = st;
	if (k == TUI_ESC && b->entry[0]) {
		b->entry[0] = '\0';
		tui_edit_init(&b->ed, b->entry, sizeof b->entry);
		if (b->pending)
			feedback(b, R_DIM, "%s", _("The entry line is empty: nothing was counted."));
		return true;
	}
	if (!entry_key(k))
		return false;
	t->msg[0] = '\0';
	int r = tui_edit_key(&b->ed, k);
	if (r == TUI_EDIT_CHANGED && b->pending) {
		/* the notice quoted the old text: the line says the rest */
		b->feedback[0] = '\0';
		b->pending = false;
	}
	if (r == TUI_EDIT_FULL)
		feedback(b, R_ERROR, "%s", _("That is as long as a ballot can be."));
	return r != TUI_EDIT_IGNORED;
}

static bool s_act(tui *t, void *st, tui_act a)
{
	ballots_state *b = st;
	int last = b->n_ballots ? (int)b->n_ballots - 1 : 0;
	switch (a) {
	case ACT_BAL_COUNT: count_ballot(t, b); return true;
	case ACT_BAL_UNDO: undo(t, b); return true;
	case ACT_BAL_CORRECT: correct(t, b); return true;
	case ACT_BAL_CAST:
		b->method = b->method == BL_CAST_PAPER ? BL_CAST_LAPTOP : BL_CAST_PAPER;
		tui_msg(t, R_INFO, b->method == BL_CAST_PAPER ? _("The ballots entered now were cast on paper.")
							      : _("The ballots entered now were cast on the laptop."));
		return true;
	case ACT_VOTE_LAB: vote_choose_lab(t); return true;
	case ACT_UP: if (b->sel > 0) b->sel--; return true;
	case ACT_DOWN: if (b->sel < last) b->sel++; return true;
	case ACT_PGUP: b->sel = b->sel > b->page ? b->sel - b->page : 0; return true;
	case ACT_PGDN: b->sel = b->sel + b->page < last ? b->sel + b->page : last; return true;
	case ACT_HOME: b->sel = 0; return true;
	case ACT_END: b->sel = last; return true;
	default: return false;
	}
}

/* ---- the screen ---- */

/* Shown again (Tab, a number key elsewhere) with text still on the
 * entry line: it is not counted, and the next digits would add to it,
 * so it is said, highlighted, before anything else is typed. */
static void s_shown(tui *t, void *st)
{
	ballots_state *b = st;
	(void)t;
	if (!b->entry[0])
		return;
	feedback(b, R_LOCKED, _("Not counted yet: %s — Enter counts it, Esc empties the line."), b->entry);
	b->pending = true;
}

static void *s_open(tui *t)
{
	ballots_state *b = calloc(1, sizeof *b);
	if (!b) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	b->lab = -1; /* not loaded yet */
	b->method = BL_CAST_PAPER;
	tui_edit_init(&b->ed, b->entry, sizeof b->entry);
	lab_choose_default(t);
	load(t, b);
	return b;
}

static void s_close(void *st)
{
	ballots_state *b = st;
	free_data(b);
	free(b);
}

static void s_reload(tui *t, void *st)
{
	load(t, st);
}

static void s_dump(tui *t, void *st, FILE *f)
{
	ballots_state *b = st;
	(void)t;
	fprintf(f, "ballots.lab=%" PRId64 "\n", b->lab);
	fprintf(f, "ballots.session=%" PRId64 "\n", b->session);
	fprintf(f, "ballots.type=%s\n", b->bt ? b->bt->key : "");
	fprintf(f, "ballots.cast=%s\n", bl_ballot_method_name(b->method));
	fprintf(f, "ballots.entry=%s\n", b->entry);
	fprintf(f, "ballots.cursor=%zu\n", tui_edit_cursor_chars(&b->ed));
	fprintf(f, "ballots.feedback=%s\n", b->feedback);
	fprintf(f, "ballots.counted=%zu\n", b->n_ballots);
	bool pts = points_kind(b);
	char marks[ENTRY_MAX + 16];
	const bl_ballot *nb = at_row(b, 0), *sb = at_row(b, b->sel);
	if (nb)
		vote_marks_text(nb, pts, marks, sizeof marks);
	fprintf(f, "ballots.last=%s\n", nb ? marks : "");
	if (sb)
		vote_marks_text(sb, pts, marks, sizeof marks);
	fprintf(f, "ballots.selected=");
	if (sb)
		fprintf(f, "%" PRId64 ": %s", sb->id, marks);
	fprintf(f, "\nballots.votes=");
	for (size_t i = 0; i < b->n_ideas; i++)
		fprintf(f, "%s%" PRId64 ":%" PRId64, i ? "," : "", b->ideas[i].number, b->votes ? b->votes[i] : 0);
	fprintf(f, "\nballots.error=%s\n", b->err);
}

const tui_screen_ops tui_screen_ballots = {
	.id = SCR_BALLOTS, .name = "ballots", .title = N_("Ballots"),
	.open = s_open, .close = s_close, .reload = s_reload, .draw = s_draw,
	.key = s_key, .act = s_act, .dump = s_dump, .shown = s_shown,
};
