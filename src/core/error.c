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
	char head[BL_ERR_MAX], old[BL_ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	snprintf(err->msg, sizeof err->msg, "%s: %s", head, old);
	return -1;
}

void bl_err_clear(bl_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
