#include "config.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0 if
 * there is none: overlong forms, surrogates and code points past U+10FFFF
 * are rejected, as RFC 3629 requires. */
size_t bl_utf8_seq(const unsigned char *s, size_t n)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c == 0xE0)
		len = 3, lo = 0xA0;
	else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
		len = 3;
	else if (c == 0xED)
		len = 3, hi = 0x9F;
	else if (c == 0xF0)
		len = 4, lo = 0x90;
	else if (c >= 0xF1 && c <= 0xF3)
		len = 4;
	else if (c == 0xF4)
		len = 4, hi = 0x8F;
	else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return len;
}

/* Copy the input for a message: valid UTF-8 passes through; control
 * characters (C0, DEL, C1) and bytes that are not valid UTF-8 become \xNN
 * so that a stray escape sequence cannot reach the terminal. */
void bl_text_quote(const char *s, size_t len, char out[static BL_QUOTE_MAX])
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int chars = 0;

	while (i < len) {
		if (chars == BL_QUOTE_CHARS) {
			memcpy(out + o, "…", 3);
			o += 3;
			break;
		}
		size_t k = bl_utf8_seq(p + i, len - i);
		bool control = (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) ||
			       (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0);
		if (k == 0 || control) {
			size_t nb = k ? k : 1;
			for (size_t j = 0; j < nb; j++) {
				out[o++] = '\\';
				out[o++] = 'x';
				out[o++] = hex[p[i + j] >> 4];
				out[o++] = hex[p[i + j] & 0xF];
			}
			i += nb;
		} else {
			memcpy(out + o, p + i, k);
			o += k;
			i += k;
		}
		chars++;
	}
	out[o] = '\0';
}


size_t bl_utf8_next(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0 || u[0] == 0)
		return 0;
	unsigned c = u[0];
	size_t len;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

bool bl_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0, k; i < n; i += k)
		if (p[i] == 0 || (k = bl_utf8_seq(p + i, n - i)) == 0)
			return false;
	return true;
}

int bl_cp_width(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	/* Combining marks and zero-width characters. */
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	    (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	    (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200C ||
	    cp == 0x200D || cp == 0xFEFF)
		return 0;
	/* East Asian wide and fullwidth ranges, and emoji. */
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

int bl_text_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s), i = 0, k;
	unsigned cp;
	while ((k = bl_utf8_next(s + i, n - i, &cp)) > 0) {
		w += bl_cp_width(cp);
		i += k;
	}
	return w;
}

void bl_text_fit(const char *s, int width, bool right_align, char *out,
		 size_t outsz)
{
	if (outsz == 0)
		return;
	out[0] = '\0';
	if (width <= 0)
		return;
	int total = bl_text_width(s);
	size_t n = strlen(s), i = 0, o = 0, k;
	unsigned cp;
	int w = 0;
	int limit = total > width ? width - 1 : width; /* room for "…" */
	char body[1024];
	while ((k = bl_utf8_next(s + i, n - i, &cp)) > 0) {
		int cw = bl_cp_width(cp);
		if (w + cw > limit || o + k >= sizeof body)
			break;
		memcpy(body + o, s + i, k);
		o += k, i += k, w += cw;
	}
	body[o] = '\0';
	if (total > width && o + 3 < sizeof body) {
		memcpy(body + o, "\xE2\x80\xA6", 4); /* … */
		w += 1;
		o += 3;
	}
	int pad = width - w;
	size_t need = o + (size_t)(pad > 0 ? pad : 0) + 1;
	if (need > outsz)
		return;
	char *p = out;
	if (right_align)
		for (int j = 0; j < pad; j++)
			*p++ = ' ';
	memcpy(p, body, o);
	p += o;
	if (!right_align)
		for (int j = 0; j < pad; j++)
			*p++ = ' ';
	*p = '\0';
}

size_t bl_utf8_encode(unsigned cp, char out[static 5])
{
	size_t n = 0;
	if (cp < 0x80) {
		out[n++] = (char)cp;
	} else if (cp < 0x800) {
		out[n++] = (char)(0xC0 | (cp >> 6));
		out[n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = (char)(0xE0 | (cp >> 12));
		out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp <= 0x10FFFF) {
		out[n++] = (char)(0xF0 | (cp >> 18));
		out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (cp & 0x3F));
	}
	out[n] = '\0';
	return n;
}

void bl_text_printable(const char *s, size_t len, char *out, size_t outsz)
{
	size_t o = 0;
	if (!outsz)
		return;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t l = bl_utf8_seq((const unsigned char *)s + i, len - i);
		if (l)
			bl_utf8_next(s + i, len - i, &cp);
		else
			cp = 0xFFFD, l = 1;
		i += l;
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			cp = ' ';
		char u[5];
		size_t k = bl_utf8_encode(cp, u);
		if (o + k >= outsz)
			break;
		memcpy(out + o, u, k);
		o += k;
	}
	out[o] = '\0';
}

const char *bl_text_join(const char *const *words, size_t n, char *buf, size_t sz)
{
	size_t pos = 0;
	if (!sz)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < n && pos + 1 < sz; i++) {
		int w = snprintf(buf + pos, sz - pos, "%s%s", i ? ", " : "", words[i]);
		if (w < 0)
			break;
		pos = pos + (size_t)w < sz ? pos + (size_t)w : sz - 1;
	}
	return buf;
}
