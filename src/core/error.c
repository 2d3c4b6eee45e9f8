#include "config.h"
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int bl_err_set(bl_err *err, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int bl_err_prefix(bl_err *err, const char *fmt, ...)
{
	if (!err)
		return -1;
	char head[BL_ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	/* Shift the old message right and put "head: " in front, keeping the
	 * whole thing NUL-terminated within the buffer. */
	size_t hl = strlen(head), ol = strlen(err->msg), cap = sizeof err->msg - 1;
	if (hl + 2 > cap)
		hl = cap - 2;
	if (hl + 2 + ol > cap)
		ol = cap - hl - 2;
	memmove(err->msg + hl + 2, err->msg, ol);
	memcpy(err->msg, head, hl);
	err->msg[hl] = ':';
	err->msg[hl + 1] = ' ';
	err->msg[hl + 2 + ol] = '\0';
	return -1;
}

void bl_err_clear(bl_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
