/* bigtext.h: big digits for the projector, drawn with block characters.
 *
 * A string becomes rows of UTF-8 text made of █ ▀ ▄ and spaces, which the
 * projector screen puts where it wants; nothing here knows ncurses, so the
 * glyphs are tested on their own (tests/unit/test_bigtext.c).
 *
 * The font is a bitmap, 5 pixels high plus a descender row for the comma
 * (the decimal comma must not read as the thousands point of 4.899,2),
 * drawn at a scale: a pixel is `scale` columns wide and `scale` half-rows
 * high, so the pixels are square on a terminal whose cells are twice as
 * high as wide, and a glyph is 3 * scale rows high.  Scale 1 is the
 * classic three-row font in half blocks; scale 2 is six rows of full
 * blocks; higher scales are for the wall.  Digits all have the same width,
 * so a number that changes does not move its neighbours.
 *
 * Glyphs: 0-9 . , - − (U+2212) + and space (also U+00A0, U+2009, U+202F,
 * the spaces Norwegian groups use), k and r (for "kr.").  Any other code
 * point, and invalid UTF-8, is drawn as a box-like ? of digit width, so
 * widths stay right; bl_big_known says whether a string needs it. */
#ifndef BL_TUI_BIGTEXT_H
#define BL_TUI_BIGTEXT_H

#include <stdbool.h>

/* The most a scale may be; beyond it rows get absurd even on a wall. */
#define BL_BIG_MAX_SCALE 12

/* Rows every glyph takes at this scale (3 * scale), 0 for a bad scale. */
int bl_big_height(int scale);
/* Columns s takes at this scale: the glyphs' widths plus one pixel
 * (scale columns) between neighbours; 0 for "" or a bad scale. */
int bl_big_width(const char *s, int scale);
/* True if every code point of s has a glyph of its own. */
bool bl_big_known(const char *s);

typedef struct bl_big {
	int scale;
	int height;  /* rows: bl_big_height(scale) */
	int width;   /* columns of every row: bl_big_width(s, scale) */
	char **rows; /* height strings of exactly width columns, UTF-8 */
} bl_big;
/* Render s at scale into out (free with bl_big_free).  Returns 0, or -1
 * for a bad scale or when out of memory (out is then empty). */
int bl_big_render(const char *s, int scale, bl_big *out);
void bl_big_free(bl_big *b);

/* The largest scale, at most max_scale, at which s fits in cols columns
 * and rows rows; 0 if it does not fit even at scale 1. */
int bl_big_fit(const char *s, int cols, int rows, int max_scale);

#endif
