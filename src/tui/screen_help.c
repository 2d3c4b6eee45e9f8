/* screen_help.c: `?`, every key of the screen it was opened on, made from
 * the action table (actions.c), so it cannot disagree with the keymap. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/tui.h"

typedef struct help_state {
	int top;     /* first row shown */
	int n_rows;  /* rows of the last layout */
	int page;    /* body rows of the last layout */
} help_state;

static void *help_open(tui *t)
{
	(void)t;
	return calloc(1, sizeof(help_state));
}

static void help_close(void *st)
{
	free(st);
}

/* Lay out (and draw when draw is set) the help text from row `first` of
 * the text, into body rows [top, top+rows). Returns the text's rows. */
static int help_layout(tui *t, help_state *h, int top, int rows, bool draw)
{
	int scr = t->back_screen;
	int key_w = 14, text_w = COLS - key_w - 3, row = 0;
	char title[256];
	snprintf(title, sizeof title, _("Keys of the %s screen"), _(tui_ops(scr)->title));
#define LINE(text, role)                                                      \
	do {                                                                  \
		if (draw && row >= h->top && row - h->top < rows)             \
			tui_put(top + row - h->top, 1, COLS - 2, text, role, false); \
		row++;                                                        \
	} while (0)
	LINE(title, R_HEADING);
	LINE("", R_NORMAL);
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if (!(a->screens & SCR_BIT(scr)))
			continue;
		int n = tui_wrap_rows(text_w, _(a->help));
		for (int r = 0; r < n; r++) {
			if (draw && row >= h->top && row - h->top < rows) {
				int y = top + row - h->top;
				if (r == 0)
					tui_put(y, 1, key_w, a->keys_label, R_STATUS_KEY, false);
				/* Draw the r-th wrapped row only: wrap into a
				 * window of one row starting at the text's row r. */
				const char *s = _(a->help);
				int skip = r;
				char buf[1024];
				snprintf(buf, sizeof buf, "%s", s);
				tui_wrap_skip(y, key_w + 2, text_w, skip, buf, R_NORMAL);
			}
			row++;
		}
	}
	LINE("", R_NORMAL);
	LINE(_("Every change is saved when it is made and kept in the journal (screen 4)."), R_DIM);
	LINE(_("q or Esc: back to the screen you came from."), R_DIM);
#undef LINE
	return row;
}

static void help_draw(tui *t, void *st, int top, int rows)
{
	help_state *h = st;
	h->page = rows;
	h->n_rows = help_layout(t, h, top, rows, false);
	if (h->top > h->n_rows - rows)
		h->top = h->n_rows - rows > 0 ? h->n_rows - rows : 0;
	help_layout(t, h, top, rows, true);
}

static bool help_act(tui *t, void *st, tui_act a)
{
	help_state *h = st;
	int max = h->n_rows - h->page > 0 ? h->n_rows - h->page : 0;
	(void)t;
	switch (a) {
	case ACT_DOWN: h->top++; break;
	case ACT_UP: h->top--; break;
	case ACT_PGDN: h->top += h->page - 1; break;
	case ACT_PGUP: h->top -= h->page - 1; break;
	case ACT_HOME: h->top = 0; break;
	case ACT_END: h->top = max; break;
	default: return false;
	}
	if (h->top > max)
		h->top = max;
	if (h->top < 0)
		h->top = 0;
	return true;
}

static void help_dump(tui *t, void *st, FILE *f)
{
	help_state *h = st;
	fprintf(f, "help.for=%s\nhelp.top=%d\n", tui_ops(t->back_screen)->name, h->top);
}

const tui_screen_ops tui_screen_help = {
	.id = SCR_HELP, .name = "help", .title = N_("Help"),
	.open = help_open, .close = help_close, .draw = help_draw,
	.act = help_act, .dump = help_dump,
};
