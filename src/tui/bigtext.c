/* bigtext.c: the big-digit font and its rendering (see bigtext.h).
 *
 * Each glyph is drawn in the table below as it looks: '#' is a pixel, '.'
 * is none, six rows of the glyph's width.  Row 5 is the descender, used
 * only by the comma, which is what tells "4.899,2" from "4,899.2" across a
 * room.  A cell of the output covers one pixel column (at scale 1) and two
 * half-rows; its character is █ when both halves are set, ▀ or ▄ when one
 * is, a space when none is. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/bigtext.h"

#define PX_ROWS 6 /* 5 rows + the descender */

typedef struct glyph {
	unsigned cp;
	int w; /* pixels */
	const char *px[PX_ROWS];
} glyph;

/* The replacement for a code point without a glyph: a ? as wide as a
 * digit, so a stray character shows as a mistake rather than vanishing. */
static const glyph unknown = { '?', 3, { "###", "..#", ".##", "...", ".#.", "..." } };

static const glyph font[] = {
	{ '0', 3, { "###", "#.#", "#.#", "#.#", "###", "..." } },
	{ '1', 3, { ".#.", "##.", ".#.", ".#.", "###", "..." } },
	{ '2', 3, { "###", "..#", "###", "#..", "###", "..." } },
	{ '3', 3, { "###", "..#", ".##", "..#", "###", "..." } },
	{ '4', 3, { "#.#", "#.#", "###", "..#", "..#", "..." } },
	{ '5', 3, { "###", "#..", "###", "..#", "###", "..." } },
	{ '6', 3, { "###", "#..", "###", "#.#", "###", "..." } },
	{ '7', 3, { "###", "..#", "..#", ".#.", ".#.", "..." } },
	{ '8', 3, { "###", "#.#", "###", "#.#", "###", "..." } },
	{ '9', 3, { "###", "#.#", "###", "..#", "###", "..." } },
	{ '.', 1, { ".", ".", ".", ".", "#", "." } },
	{ ',', 1, { ".", ".", ".", ".", "#", "#" } },
	{ '-', 3, { "...", "...", "###", "...", "...", "..." } },
	{ 0x2212, 3, { "...", "...", "###", "...", "...", "..." } }, /* − minus */
	{ '+', 3, { "...", ".#.", "###", ".#.", "...", "..." } },
	{ ' ', 2, { "..", "..", "..", "..", "..", ".." } },
	{ 0x00A0, 2, { "..", "..", "..", "..", "..", ".." } }, /* no-break space */
	{ 0x2009, 2, { "..", "..", "..", "..", "..", ".." } }, /* thin space */
	{ 0x202F, 2, { "..", "..", "..", "..", "..", ".." } }, /* narrow no-break space */
	{ 'k', 3, { "#..", "#.#", "##.", "#.#", "#.#", "..." } },
	{ 'r', 3, { "...", "...", "###", "#..", "#..", "..." } },
};
#define N_FONT (sizeof font / sizeof font[0])

static const glyph *find(unsigned cp, bool *known)
{
	for (size_t i = 0; i < N_FONT; i++)
		if (font[i].cp == cp) {
			if (known)
				*known = true;
			return &font[i];
		}
	if (known)
		*known = false;
	return &unknown;
}

static bool scale_ok(int scale)
{
	return scale >= 1 && scale <= BL_BIG_MAX_SCALE;
}

int bl_big_height(int scale)
{
	/* PX_ROWS * scale half-rows; PX_ROWS is even, so no half row is left. */
	return scale_ok(scale) ? PX_ROWS * scale / 2 : 0;
}

/* The glyphs of s in order (into out, at most max of them), how many
 * (*n_out) and whether each has a glyph of its own; returns the width in
 * pixels, gaps included. */
static int pixels(const char *s, const glyph **out, size_t max, size_t *n_out, bool *all_known)
{
	size_t n = strlen(s), i = 0, k, g = 0;
	unsigned cp;
	int px = 0;
	if (all_known)
		*all_known = true;
	while ((k = bl_utf8_next(s + i, n - i, &cp)) > 0) {
		bool known;
		const glyph *gl = find(cp, &known);
		if (!known && all_known)
			*all_known = false;
		px += (g ? 1 : 0) + gl->w;
		if (out && g < max)
			out[g] = gl;
		g++;
		i += k;
	}
	if (n_out)
		*n_out = g;
	return px;
}

int bl_big_width(const char *s, int scale)
{
	if (!s || !scale_ok(scale))
		return 0;
	return pixels(s, NULL, 0, NULL, NULL) * scale;
}

bool bl_big_known(const char *s)
{
	bool known;
	pixels(s ? s : "", NULL, 0, NULL, &known);
	return known;
}

/* Is pixel (row, col) of the glyph set?  Outside it is not. */
static bool px_at(const glyph *g, int row, int col)
{
	return row >= 0 && row < PX_ROWS && col >= 0 && col < g->w && g->px[row][col] == '#';
}

void bl_big_free(bl_big *b)
{
	if (!b)
		return;
	if (b->rows)
		for (int r = 0; r < b->height; r++)
			free(b->rows[r]);
	free(b->rows);
	memset(b, 0, sizeof *b);
}

int bl_big_render(const char *s, int scale, bl_big *out)
{
	memset(out, 0, sizeof *out);
	if (!s || !scale_ok(scale))
		return -1;
	size_t n_glyphs = 0;
	pixels(s, NULL, 0, &n_glyphs, NULL);
	const glyph **gl = calloc(n_glyphs ? n_glyphs : 1, sizeof *gl);
	if (!gl)
		return -1;
	int px_w = pixels(s, gl, n_glyphs, NULL, NULL);
	out->scale = scale;
	out->height = bl_big_height(scale);
	out->width = px_w * scale;
	out->rows = calloc((size_t)out->height, sizeof *out->rows);
	if (!out->rows) {
		free(gl);
		memset(out, 0, sizeof *out);
		return -1;
	}
	for (int r = 0; r < out->height; r++) {
		/* Three bytes for each block character, the most any cell needs. */
		char *row = malloc((size_t)out->width * 3 + 1);
		if (!row) {
			free(gl);
			bl_big_free(out);
			return -1;
		}
		out->rows[r] = row;
		size_t o = 0;
		/* The half-rows this cell row covers, as pixel rows. */
		int top = (2 * r) / scale, bot = (2 * r + 1) / scale;
		for (size_t g = 0; g < n_glyphs; g++) {
			if (g) /* the gap between glyphs: one pixel of blank */
				for (int c = 0; c < scale; c++)
					row[o++] = ' ';
			for (int c = 0; c < gl[g]->w * scale; c++) {
				bool up = px_at(gl[g], top, c / scale), down = px_at(gl[g], bot, c / scale);
				const char *cell = up && down ? "█" : up ? "▀" : down ? "▄" : " ";
				size_t len = strlen(cell);
				memcpy(row + o, cell, len);
				o += len;
			}
		}
		row[o] = '\0';
	}
	free(gl);
	return 0;
}

int bl_big_fit(const char *s, int cols, int rows, int max_scale)
{
	if (max_scale > BL_BIG_MAX_SCALE)
		max_scale = BL_BIG_MAX_SCALE;
	for (int k = max_scale; k >= 1; k--)
		if (bl_big_width(s, k) <= cols && bl_big_height(k) <= rows)
			return k;
	return 0;
}
