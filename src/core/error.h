/* error.h: one error message, carried up to whoever can show it.
 *
 * Every function that can fail takes a bl_err * and returns 0 on success,
 * -1 on failure with the message set.  Messages are complete sentences for
 * the user: they name the file, line and column, or the field, and say what
 * was expected.  A NULL bl_err * is allowed and discards the message. */
#ifndef BL_CORE_ERROR_H
#define BL_CORE_ERROR_H

#include <stddef.h>

#define BL_ERR_MAX 2048

typedef struct bl_err {
	char msg[BL_ERR_MAX];
} bl_err;

#if defined(__GNUC__)
#define BL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define BL_PRINTF(f, a)
#endif

/* Set the message (replacing any earlier one).  Always returns -1, so that
 * `return bl_err_set(err, ...)` reads naturally. */
int bl_err_set(bl_err *err, const char *fmt, ...) BL_PRINTF(2, 3);
/* Put context in front of the current message: "ctx: old message". */
int bl_err_prefix(bl_err *err, const char *fmt, ...) BL_PRINTF(2, 3);
void bl_err_clear(bl_err *err);

#endif
