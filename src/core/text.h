/* text.h: display width of UTF-8 text, independent of the locale.
 *
 * Tables must align æ, ø, å (one column each) whatever locale the laptop
 * has, so width is computed from the code points here rather than with
 * wcwidth(), which depends on LC_CTYPE. */
#ifndef BL_CORE_TEXT_H
#define BL_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Decode one code point from s (at most n bytes); returns the number of
 * bytes used, or 0 at the end; an invalid sequence decodes as U+FFFD and
 * uses one byte. */
size_t bl_utf8_next(const char *s, size_t n, unsigned *cp);
/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0:
 * overlong forms, surrogates and code points past U+10FFFF are refused,
 * as RFC 3629 requires. */
size_t bl_utf8_seq(const unsigned char *s, size_t n);
/* Encode code point cp as UTF-8 into out (NUL-terminated); returns the
 * bytes written, or 0 (out empty) for a surrogate or cp > U+10FFFF. */
size_t bl_utf8_encode(unsigned cp, char out[static 5]);
/* True if the whole text is valid UTF-8 without NUL bytes. */
bool bl_utf8_valid(const char *s, size_t n);
/* Columns a code point occupies: 0 (combining, control), 1, or 2 (wide). */
int bl_cp_width(unsigned cp);
/* Columns the string occupies. */
int bl_text_width(const char *s);
/* Write s into out fitted to exactly `width` columns: cut with "…" if too
 * long, padded with spaces on the right (or left if right_align). */
void bl_text_fit(const char *s, int width, bool right_align, char *out,
		 size_t outsz);

/* Characters of an input quoted in a message before it is cut with "…";
 * each is at most 8 bytes once escaped, then "…" and the NUL. */
#define BL_QUOTE_CHARS 40
#define BL_QUOTE_MAX (BL_QUOTE_CHARS * 8 + 3 + 1)
/* Copy len bytes of input for an error message: valid UTF-8 passes through;
 * control characters (C0, DEL, C1) and invalid bytes become \xNN, so a
 * stray escape sequence cannot reach the terminal. */
void bl_text_quote(const char *s, size_t len, char out[static BL_QUOTE_MAX]);

/* Text from a file for a screen or a message: valid UTF-8 as it is, a
 * byte that is not (a damaged file) as U+FFFD, control characters (C0,
 * DEL, C1, the line end too) as blanks, so that nothing in a file can
 * move a terminal's cursor.  At most outsz - 1 bytes, cut at a character. */
void bl_text_printable(const char *s, size_t len, char *out, size_t outsz);
/* "a, b, c" into buf (cut to fit); returns buf. */
const char *bl_text_join(const char *const *words, size_t n, char *buf, size_t sz);

#endif
