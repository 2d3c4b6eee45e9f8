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
/* True if the whole string is valid UTF-8. */
bool bl_utf8_valid(const char *s, size_t n);
/* Columns a code point occupies: 0 (combining, control), 1, or 2 (wide). */
int bl_cp_width(unsigned cp);
/* Columns the string occupies. */
int bl_text_width(const char *s);
/* Write s into out fitted to exactly `width` columns: cut with "…" if too
 * long, padded with spaces on the right (or left if right_align). */
void bl_text_fit(const char *s, int width, bool right_align, char *out,
		 size_t outsz);

#endif
