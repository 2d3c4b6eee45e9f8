/* ballots_common.c: the lab the ballots and results screens are about,
 * and the small things they and the projector's lab views share. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/ballots_common.h"

void vote_money(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	bl_money_format_whole(v, t->info.lang, buf, bufsz);
}

void vote_marks_text(const bl_ballot *b, bool points, char *buf, size_t bufsz)
{
	size_t len = 0;
	buf[0] = '\0';
	if (!b->n_marks) {
		snprintf(buf, bufsz, "%s", _("(empty)"));
		return;
	}
	for (size_t i = 0; i < b->n_marks && len < bufsz; i++) {
		if (points)
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%d:%d", i ? " " : "",
						b->marks[i].idea, b->marks[i].points);
		else
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%d", i ? " " : "",
						b->marks[i].idea);
	}
}

int64_t vote_session_for(tui *t, int64_t lab, bl_session *info)
{
	if (info)
		memset(info, 0, sizeof *info);
	if (!t->session || !lab)
		return 0;
	bl_session *v = NULL;
	size_t n = 0;
	bl_err err = { { 0 } };
	int64_t found = 0;
	if (bl_store_sessions(t->store, lab, &v, &n, &err) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].id == t->session) {
			found = v[i].id;
			if (info) {
				*info = v[i];
				/* moved out: the list no longer owns them */
				v[i].place = v[i].facilitator = NULL;
			}
		}
	bl_sessions_free(v, n);
	return found;
}

typedef struct choose_ctx {
	int64_t id;
	char theme[256];
} choose_ctx;

static const char *valid_lab(tui *t, void *vctx, const char *text, char *msg, size_t msgsz)
{
	choose_ctx *c = vctx;
	char *end;
	while (*text == ' ')
		text++;
	long long id = strtoll(text, &end, 10);
	while (*end == ' ')
		end++;
	if (!*text || *end || id <= 0) {
		snprintf(msg, msgsz, "%s", _("Type the lab's number (the labs screen, 6, lists them)."));
		return msg;
	}
	bl_lab l;
	bl_err err = { { 0 } };
	if (bl_store_lab_get(t->store, id, &l, &err) != 0) {
		snprintf(msg, msgsz, "%s", err.msg);
		return msg;
	}
	c->id = id;
	tui_clean_line(l.theme, c->theme, sizeof c->theme);
	bl_lab_clear(&l);
	return NULL;
}

bool vote_choose_lab(tui *t)
{
	choose_ctx c = { 0 };
	char text[64], initial[32] = "";
	if (t->lab)
		snprintf(initial, sizeof initial, "%" PRId64, t->lab);
	if (tui_prompt(t, _("Lab number: "), initial, text, sizeof text, valid_lab, &c) != 1)
		return false;
	bool changed = c.id != t->lab;
	t->lab = c.id;
	/* Ballots belong to a session of their lab: keep the session only
	 * if it is this lab's, else take the lab's last one (the meeting
	 * going on now, most likely), or none. */
	if (!vote_session_for(t, t->lab, NULL)) {
		bl_session *v = NULL;
		size_t n = 0;
		bl_err err = { { 0 } };
		t->session = 0;
		if (bl_store_sessions(t->store, t->lab, &v, &n, &err) == 0 && n)
			t->session = v[n - 1].id;
		bl_sessions_free(v, n);
	}
	tui_reload(t);
	tui_msg(t, R_INFO, _("Lab %" PRId64 ": %s"), c.id, c.theme);
	return changed;
}

void vote_draw_no_lab(tui *t, int top, int rows, const char *what)
{
	(void)t;
	int used = tui_wrap(top + 1, 2, COLS - 4, rows - 1, _("No lab is chosen yet."), R_HEADING);
	if (used + 2 < rows)
		used += 1 + tui_wrap(top + 2 + used, 2, COLS - 4, rows - 2 - used, what, R_NORMAL);
	if (used + 2 < rows)
		tui_wrap(top + 3 + used, 2, COLS - 4, rows - 3 - used,
			 _("Choose one on the labs screen (6), or press o and type its number."), R_INFO);
}

const char *vote_lab_rule(const tui *t, const bl_lab *l)
{
	return l && l->rule ? l->rule : t->def->lab.rule ? t->def->lab.rule : "greedy_cost";
}

const char *vote_lab_tie(const tui *t, const bl_lab *l)
{
	return l && l->tie_break ? l->tie_break : t->def->lab.tie_break ? t->def->lab.tie_break : "id";
}

void vote_bar(char *buf, size_t bufsz, int64_t v, int64_t max, int width)
{
	int n = max > 0 && v > 0 ? (int)((v * width + max / 2) / max) : 0;
	if (v > 0 && !n)
		n = 1;
	size_t o = 0;
	for (int i = 0; i < n && o + 4 < bufsz; i++) {
		memcpy(buf + o, "█", 3);
		o += 3;
	}
	if (bufsz)
		buf[o] = '\0';
}
