/* UTF-8 width and fitting: æ, ø, å take one column whatever the locale. */
#include "config.h"

#include <string.h>

#include "core/text.h"
#include "tap.h"

int main(void)
{
	char out[128];
	is_int(bl_text_width("Økonomiudvalget"), 15, "Ø is one column");
	is_int(bl_text_width("Børne- og Skoleudvalget"), 23, "ø is one column");
	is_int(bl_text_width("Kultur, fritid og idræt"), 23, "æ is one column");
	is_int(bl_text_width("e\xCC\x81"), 1, "a combining accent takes no column");
	is_int(bl_text_width("\xE6\x97\xA5"), 2, "a CJK character takes two");
	is_int(bl_text_width("\xF8re"), 3, "a stray Latin-1 byte counts as one replacement");

	bl_text_fit("Ærø", 6, false, out, sizeof out);
	is_str(out, "Ærø   ", "padded on the right to six columns");
	bl_text_fit("Ærø", 6, true, out, sizeof out);
	is_str(out, "   Ærø", "padded on the left when right-aligned");
	bl_text_fit("Social- og Sundhedsudvalget", 10, false, out, sizeof out);
	is_str(out, "Social- o…", "cut with an ellipsis to exactly ten columns");
	is_int(bl_text_width(out), 10, "and it is ten columns wide");
	bl_text_fit("Åbent", 5, false, out, sizeof out);
	is_str(out, "Åbent", "an exact fit is not cut");
	bl_text_fit("abc", 0, false, out, sizeof out);
	is_str(out, "", "zero width gives nothing");
	char small[4];
	bl_text_fit("abcdef", 3, false, small, sizeof small);
	is_str(small, "", "too small a buffer: nothing half-written");

	ok(bl_utf8_valid("blåbær", strlen("blåbær")), "valid UTF-8");
	ok(!bl_utf8_valid("bl\xE5", 3), "Latin-1 å is not UTF-8");
	ok(!bl_utf8_valid("\xC0\xAF", 2), "an overlong form is not UTF-8");
	ok(!bl_utf8_valid("\xED\xA0\x80", 3), "a surrogate is not UTF-8");
	ok(!bl_utf8_valid("ab\0c", 4), "a NUL byte inside text is refused");
	ok(bl_utf8_valid("\xEF\xBF\xBD", 3), "a real U+FFFD is valid");
	/* bl_utf8_encode: every length, the edges, and what it refuses. */
	{
		char u[5];
		is_int(bl_utf8_encode('a', u), 1, "encode: ASCII is one byte");
		is_str(u, "a", "encode: a");
		is_int(bl_utf8_encode(0xE6, u), 2, "encode: æ is two bytes");
		is_str(u, "æ", "encode: æ");
		is_int(bl_utf8_encode(0x2212, u), 3, "encode: the minus sign is three");
		is_str(u, "−", "encode: −");
		is_int(bl_utf8_encode(0x1F600, u), 4, "encode: an emoji is four");
		is_int(bl_utf8_encode(0xD800, u), 0, "encode: a surrogate is refused");
		is_str(u, "", "encode: and leaves an empty string");
		is_int(bl_utf8_encode(0x110000, u), 0, "encode: past U+10FFFF is refused");
		unsigned bad = 0;
		for (unsigned cp = 1; cp <= 0x10FFFF && !bad; cp += 7) {
			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			unsigned back;
			size_t n = bl_utf8_encode(cp, u);
			if (bl_utf8_next(u, n, &back) != n || back != cp)
				bad = cp;
		}
		is_int(bad, 0, "encode: every 7th code point decodes back (first bad one)");
	}
	return tap_done();
}
