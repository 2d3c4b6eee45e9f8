/* The big digits of the projector (src/tui/bigtext.c): every glyph the
 * same height, widths that add up, digits of one width, the decimal comma
 * told from the thousands point, unknown characters drawn as a ? of digit
 * width, and the Unicode minus drawn as the hyphen-minus.  Linked without
 * ncurses: the font is plain text. */
#include "config.h"

#include <string.h>

#include "core/text.h"
#include "tui/bigtext.h"
#include "tap.h"

/* Every character the font has a glyph for. */
static const char *const glyphs[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
				      ".", ",", "-", "−", "+", " ", "\xC2\xA0", "\xE2\x80\x89",
				      "\xE2\x80\xAF", "k", "r" };
#define N_GLYPHS (sizeof glyphs / sizeof glyphs[0])

/* Only block characters and spaces. */
static bool blocks_only(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	unsigned cp;
	while ((k = bl_utf8_next(s + i, n - i, &cp)) > 0) {
		if (cp != ' ' && cp != 0x2588 && cp != 0x2580 && cp != 0x2584)
			return false;
		i += k;
	}
	return true;
}

/* Rendered rows equal the expected ones. */
static void rows_are(const char *s, int scale, const char *const *want, int n, const char *name)
{
	bl_big b;
	int rc = bl_big_render(s, scale, &b);
	bool same = rc == 0 && b.height == n;
	for (int r = 0; same && r < n; r++)
		if (strcmp(b.rows[r], want[r]) != 0)
			same = false;
	if (!ok(same, "%s", name) && rc == 0)
		for (int r = 0; r < b.height; r++)
			printf("#   row %d: '%s'%s'%s'\n", r, b.rows[r], r < n ? " want " : "", r < n ? want[r] : "");
	bl_big_free(&b);
}

int main(void)
{
	/* Every glyph, at every scale: the same height, rows of exactly the
	 * width bl_big_width says, made of blocks and spaces only. */
	for (int scale = 1; scale <= BL_BIG_MAX_SCALE; scale++) {
		bool all_ok = true;
		for (size_t g = 0; g < N_GLYPHS; g++) {
			bl_big b;
			if (bl_big_render(glyphs[g], scale, &b) != 0) {
				all_ok = false;
				continue;
			}
			if (b.height != 3 * scale || b.height != bl_big_height(scale) ||
			    b.width != bl_big_width(glyphs[g], scale))
				all_ok = false;
			for (int r = 0; r < b.height; r++)
				if (bl_text_width(b.rows[r]) != b.width || !blocks_only(b.rows[r]))
					all_ok = false;
			if (!bl_big_known(glyphs[g]))
				all_ok = false;
			bl_big_free(&b);
		}
		ok(all_ok, "scale %d: every glyph is %d rows of its width, blocks only", scale, 3 * scale);
	}

	/* Widths add up: the glyphs plus one pixel between neighbours. */
	for (int scale = 1; scale <= 4; scale++) {
		int sum = bl_big_width("4", scale) + bl_big_width(".", scale) + bl_big_width("8", scale) +
			  bl_big_width("9", scale) + bl_big_width("9", scale) + bl_big_width(",", scale) +
			  bl_big_width("2", scale);
		is_int(bl_big_width("4.899,2", scale), sum + 6 * scale,
		       "scale %d: the width of 4.899,2 is its glyphs' plus six gaps", scale);
	}
	is_int(bl_big_width("12", 1) + 1 + bl_big_width("34", 1), bl_big_width("1234", 1),
	       "widths of two strings and a gap make the width of both");
	is_int(bl_big_width("", 3), 0, "the empty string has no width");
	bool digits_same = true;
	for (size_t g = 1; g < 10; g++)
		if (bl_big_width(glyphs[g], 2) != bl_big_width("0", 2))
			digits_same = false;
	ok(digits_same, "all digits have one width, so a changing number keeps its place");
	is_int(bl_big_width("0", 1), 3, "a digit is 3 columns at scale 1");
	is_int(bl_big_width("0", 2), 6, "and 6 at scale 2");

	/* Exact shapes. */
	static const char *const zero1[] = { "█▀█", "█ █", "▀▀▀" };
	rows_are("0", 1, zero1, 3, "0 at scale 1 is the classic three-row zero");
	static const char *const num1[] = { "█ █   ▀▀█", "▀▀█    ▀█", "  ▀ █ ▀▀▀" };
	rows_are("4,3", 1, num1, 3, "4,3 at scale 1: the comma reaches below the digits");
	static const char *const pt1[] = { "█ █   ▀▀█", "▀▀█    ▀█", "  ▀ ▀ ▀▀▀" };
	rows_are("4.3", 1, pt1, 3, "4.3 at scale 1: the point sits on the line");
	static const char *const one2[] = { "  ██  ", "████  ", "  ██  ", "  ██  ", "██████", "      " };
	rows_are("1", 2, one2, 6, "1 at scale 2 is full blocks");
	static const char *const minus1[] = { "   ", "▀▀▀", "   " };
	rows_are("-", 1, minus1, 3, "the minus is a bar at the middle");

	/* The Unicode minus (U+2212) draws as the hyphen-minus. */
	{
		bl_big a, b;
		bool same = bl_big_render("−38,4", 2, &a) == 0 && bl_big_render("-38,4", 2, &b) == 0 &&
			    a.width == b.width && a.height == b.height;
		for (int r = 0; same && r < a.height; r++)
			same = strcmp(a.rows[r], b.rows[r]) == 0;
		ok(same, "U+2212 minus renders like '-'");
		bl_big_free(&a);
		bl_big_free(&b);
		ok(bl_big_known("−38,4"), "and it is a known glyph");
	}
	/* Spaces that Norwegian groups use are spaces. */
	is_int(bl_big_width("1\xC2\xA0" "234", 1), bl_big_width("1 234", 1), "a no-break space is as wide as a space");

	/* Unknown characters: a ? of digit width; invalid UTF-8 too. */
	ok(!bl_big_known("41,3 mio"), "letters other than k and r are unknown");
	ok(bl_big_known("41,3 kr"), "k and r are known");
	is_int(bl_big_width("A", 2), bl_big_width("0", 2), "an unknown character is as wide as a digit");
	is_int(bl_big_width("ø", 1), 3, "ø (two bytes) is one unknown glyph");
	is_int(bl_big_width("\xFF", 1), 3, "an invalid byte is one unknown glyph");
	ok(!bl_big_known("\xFF"), "and it is unknown");
	static const char *const q1[] = { "▀▀█", " ▀▀", " ▀ " };
	rows_are("Z", 1, q1, 3, "an unknown character is drawn as ?");
	{
		bl_big b;
		bool fine = bl_big_render("1\xE6\x97\xA5" "2", 1, &b) == 0 && b.width == 11;
		for (int r = 0; fine && r < b.height; r++)
			fine = bl_text_width(b.rows[r]) == 11 && blocks_only(b.rows[r]);
		ok(fine, "a wide CJK character is one ? glyph, rows stay blocks of the right width");
		bl_big_free(&b);
	}

	/* Bad scales. */
	bl_big b;
	is_int(bl_big_render("1", 0, &b), -1, "scale 0 is refused");
	ok(b.rows == NULL && b.height == 0, "and leaves nothing");
	is_int(bl_big_render("1", BL_BIG_MAX_SCALE + 1, &b), -1, "a scale past the largest is refused");
	is_int(bl_big_height(0), 0, "height of a bad scale is 0");
	is_int(bl_big_width("1", -1), 0, "width of a bad scale is 0");
	is_int(bl_big_render(NULL, 1, &b), -1, "no string is refused");
	bl_big_free(&b);

	/* Fitting: the largest scale within columns, rows and the cap. */
	int w1 = bl_big_width("41,3", 1); /* 13 */
	is_int(w1, 13, "41,3 is 13 columns at scale 1");
	is_int(bl_big_fit("41,3", 80, 24, 12), 6, "in 80x24: scale 6 (78 columns, 18 rows)");
	is_int(bl_big_fit("41,3", 80, 10, 12), 3, "with 10 rows: scale 3");
	is_int(bl_big_fit("41,3", 80, 24, 2), 2, "the cap is kept");
	is_int(bl_big_fit("41,3", 12, 24, 12), 0, "12 columns: too narrow even for scale 1");
	is_int(bl_big_fit("41,3", 13, 3, 12), 1, "exactly 13x3: scale 1");
	is_int(bl_big_fit("41,3", 13, 2, 12), 0, "two rows: no scale fits");
	return tap_done();
}
