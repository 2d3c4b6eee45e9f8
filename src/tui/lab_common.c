/* lab_common.c: helpers the labs and sign-in screens share (lab_screen.h). */
#include "config.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/lab_screen.h"

void lab_put(int y, int x, int w, const char *s, int role, bool right)
{
	char buf[1024];
	tui_clean_line(s, buf, sizeof buf);
	tui_put(y, x, w, buf, role, right);
}

void lab_fmt_kr(const tui *t, bl_money v, char *buf, size_t bufsz)
{
	bl_money_format_whole(v, t->info.lang, buf, bufsz);
}

bool lab_refused(tui *t)
{
	if (!t->readonly)
		return false;
	tui_msg(t, R_LOCKED, _("'%s' is open read-only: labs, ideas and participants cannot be changed here."),
		t->path);
	return true;
}

void lab_catch_up(tui *t)
{
	bl_err err = { { 0 } };
	int64_t v;
	if (bl_store_data_version(t->store, &v, &err) == 0 && v != t->data_version)
		tui_reload(t);
}

int64_t lab_latest_session(tui *t, int64_t lab_id)
{
	bl_err err = { { 0 } };
	bl_session *ss = NULL;
	size_t n = 0;
	if (!lab_id || bl_store_sessions(t->store, lab_id, &ss, &n, &err) != 0)
		return 0;
	/* bl_store_sessions orders by date, then number: the last is the
	 * latest meeting. */
	int64_t id = n ? ss[n - 1].id : 0;
	bl_sessions_free(ss, n);
	return id;
}

void lab_make_current(tui *t, int64_t lab_id)
{
	if (t->lab == lab_id)
		return;
	t->lab = lab_id;
	t->session = lab_latest_session(t, lab_id);
}

void lab_choose_default(tui *t)
{
	bl_err err = { { 0 } };
	bl_lab *labs = NULL;
	size_t n = 0;
	if (t->lab || t->present || bl_store_labs(t->store, &labs, &n, &err) != 0)
		return;
	int64_t best = 0;
	for (size_t i = 0; i < n; i++)
		if (labs[i].id > best)
			best = labs[i].id;
	bl_labs_free(labs, n);
	if (best) {
		lab_make_current(t, best);
		/* the screens already open follow (this one is not yet) */
		tui_reload(t);
	}
}
