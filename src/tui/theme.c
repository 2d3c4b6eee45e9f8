/* theme.c: colours as named roles, and three themes.
 *
 * Screens never name a colour; they name a role (R_INCOME, R_FAIL ...) and
 * the theme says how it looks.  The high-contrast theme is for projectors,
 * where a washed-out beamer turns dim colours into nothing: white or
 * yellow on black, bold.  Monochrome uses attributes only, and is what
 * every theme falls back to without colours or with NO_COLOR set
 * (https://no-color.org), so a role must always be readable as
 * bold/reverse/underline alone: that is the `mono` column. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "tui/tui.h"

typedef struct role_look {
	short fg, bg;
	attr_t attr;
} role_look;

typedef struct role_def {
	const char *name;
	role_look look[2]; /* THEME_DEFAULT, THEME_CONTRAST */
	attr_t mono;
} role_def;

#define DF (-1) /* the terminal's default colour */

static const role_def roles[R_COUNT] = {
	[R_NORMAL] = { "normal", { { DF, DF, 0 }, { COLOR_WHITE, COLOR_BLACK, A_BOLD } }, 0 },
	[R_TITLE] = { "title", { { COLOR_WHITE, COLOR_BLUE, A_BOLD }, { COLOR_BLACK, COLOR_YELLOW, A_BOLD } }, A_REVERSE | A_BOLD },
	[R_TAB] = { "tab", { { COLOR_CYAN, COLOR_BLUE, 0 }, { COLOR_BLACK, COLOR_YELLOW, 0 } }, A_REVERSE },
	[R_TAB_ON] = { "tab-on", { { COLOR_YELLOW, COLOR_BLUE, A_BOLD }, { COLOR_WHITE, COLOR_BLACK, A_BOLD } }, A_BOLD | A_UNDERLINE },
	[R_STATUS] = { "status", { { COLOR_BLACK, COLOR_CYAN, 0 }, { COLOR_BLACK, COLOR_WHITE, 0 } }, A_REVERSE },
	[R_STATUS_KEY] = { "status-key", { { COLOR_WHITE, COLOR_CYAN, A_BOLD }, { COLOR_BLUE, COLOR_WHITE, A_BOLD } }, A_REVERSE | A_BOLD },
	[R_HEADING] = { "heading", { { DF, DF, A_BOLD | A_UNDERLINE }, { COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE } }, A_BOLD | A_UNDERLINE },
	[R_SELECTED] = { "selected", { { COLOR_BLACK, COLOR_YELLOW, 0 }, { COLOR_BLACK, COLOR_WHITE, A_BOLD } }, A_REVERSE },
	[R_AREA] = { "area", { { COLOR_CYAN, DF, A_BOLD }, { COLOR_CYAN, COLOR_BLACK, A_BOLD } }, A_BOLD },
	[R_TOTAL] = { "total", { { DF, DF, A_BOLD }, { COLOR_WHITE, COLOR_BLACK, A_BOLD } }, A_BOLD },
	[R_INCOME] = { "income", { { COLOR_GREEN, DF, 0 }, { COLOR_GREEN, COLOR_BLACK, A_BOLD } }, 0 },
	[R_EXPENSE] = { "expense", { { DF, DF, 0 }, { COLOR_WHITE, COLOR_BLACK, A_BOLD } }, 0 },
	[R_DEFICIT] = { "deficit", { { COLOR_RED, DF, A_BOLD }, { COLOR_RED, COLOR_BLACK, A_BOLD } }, A_BOLD | A_UNDERLINE },
	[R_PASS] = { "pass", { { COLOR_GREEN, DF, A_BOLD }, { COLOR_GREEN, COLOR_BLACK, A_BOLD } }, A_BOLD },
	[R_FAIL] = { "fail", { { COLOR_RED, DF, A_BOLD }, { COLOR_RED, COLOR_BLACK, A_BOLD } }, A_BOLD | A_REVERSE },
	[R_LOCKED] = { "locked", { { COLOR_MAGENTA, DF, 0 }, { COLOR_MAGENTA, COLOR_BLACK, A_BOLD } }, A_UNDERLINE },
	[R_ERROR] = { "error", { { COLOR_WHITE, COLOR_RED, A_BOLD }, { COLOR_WHITE, COLOR_RED, A_BOLD } }, A_REVERSE | A_BOLD },
	[R_INFO] = { "info", { { COLOR_GREEN, DF, 0 }, { COLOR_GREEN, COLOR_BLACK, A_BOLD } }, A_BOLD },
	[R_DIM] = { "dim", { { COLOR_BLUE, DF, A_BOLD }, { COLOR_WHITE, COLOR_BLACK, 0 } }, A_DIM },
	[R_DONE] = { "done", { { COLOR_GREEN, DF, 0 }, { COLOR_GREEN, COLOR_BLACK, A_BOLD } }, 0 },
	[R_CURRENT] = { "current", { { COLOR_YELLOW, DF, A_BOLD }, { COLOR_YELLOW, COLOR_BLACK, A_BOLD } }, A_BOLD | A_REVERSE },
	[R_BIG] = { "big", { { COLOR_YELLOW, DF, A_BOLD }, { COLOR_YELLOW, COLOR_BLACK, A_BOLD } }, A_BOLD },
	[R_FIELD] = { "field", { { DF, DF, A_UNDERLINE }, { COLOR_WHITE, COLOR_BLACK, A_UNDERLINE | A_BOLD } }, A_UNDERLINE },
	[R_FIELD_ON] = { "field-on", { { COLOR_BLACK, COLOR_CYAN, 0 }, { COLOR_BLACK, COLOR_YELLOW, A_BOLD } }, A_REVERSE },
	[R_BOX] = { "box", { { COLOR_CYAN, DF, A_BOLD }, { COLOR_YELLOW, COLOR_BLACK, A_BOLD } }, A_BOLD },
};

static const char *const theme_names[THEME_COUNT] = { "default", "contrast", "mono" };
static attr_t role_attr[R_COUNT];

const char *tui_theme_name(tui_theme th)
{
	return th < THEME_COUNT ? theme_names[th] : "?";
}

int tui_theme_from_name(const char *name, tui_theme *out)
{
	for (int i = 0; i < THEME_COUNT; i++)
		if (strcmp(name, theme_names[i]) == 0) {
			*out = (tui_theme)i;
			return 0;
		}
	if (strcmp(name, "high-contrast") == 0 || strcmp(name, "monochrome") == 0) {
		*out = name[0] == 'h' ? THEME_CONTRAST : THEME_MONO;
		return 0;
	}
	return -1;
}

void tui_theme_apply(tui_theme th, bool colour_ok)
{
	bool colour = colour_ok && th != THEME_MONO;
	for (int r = 0; r < R_COUNT; r++) {
		if (!colour) {
			role_attr[r] = roles[r].mono;
			continue;
		}
		const role_look *lk = &roles[r].look[th == THEME_CONTRAST ? 1 : 0];
		init_pair((short)(r + 1), lk->fg, lk->bg);
		role_attr[r] = lk->attr | COLOR_PAIR(r + 1);
	}
	/* The background of blank cells follows R_NORMAL, so a high-contrast
	 * screen is black edge to edge, not black only where text is. */
	bkgdset(' ' | role_attr[R_NORMAL]);
}

unsigned long tui_attr(int role)
{
	return role >= 0 && role < R_COUNT ? role_attr[role] : 0;
}
