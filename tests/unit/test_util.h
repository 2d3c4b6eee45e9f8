/* test_util.h: helpers any unit test may use (header only): a private
 * temporary directory, the checks of a call that gives a result or a
 * message, and a message's lines.  The store's tests have theirs in
 * store_util.h. */
#ifndef BL_TESTS_TEST_UTIL_H
#define BL_TESTS_TEST_UTIL_H

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h" /* BL_ERR_MAX */
#include "tap.h"

/* A private temporary directory, $TMPDIR/NAME-XXXXXX (/tmp if TMPDIR is
 * unset or empty), its path in dir.  False, with a failed test, if it
 * cannot be made. */
static inline bool tu_tmpdir(char *dir, size_t sz, const char *name)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sz, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory: %s", strerror(errno));
		return false;
	}
	return true;
}

/* After a call that gives a result (a loader, an opener) and returned r:
 * a failed call (r != 0) must give no result and set the message msg; a
 * successful one must give a result.  A failed test says which, e.g. "a
 * failed load leaves no profile and has a message" for call "load" and
 * what "profile". */
static inline void tu_check_result(int r, const void *result, const char *msg, const char *call,
				   const char *what)
{
	if (r != 0 && (result != NULL || msg[0] == '\0'))
		ok(0, "a failed %s leaves no %s and has a message", call, what);
	else if (r == 0 && !result)
		ok(0, "a successful %s returns a %s", call, what);
}

/* The message has a line that starts with where and contains what.
 * TEST_CONFIG_SHOW=1 prints every message, to read them as a user
 * would. */
static inline void tu_has_line(const char *msg, const char *where, const char *what,
			       const char *name)
{
	const char *p = msg;
	bool found = false;
	while (p && *p && !found) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[BL_ERR_MAX];
		memcpy(line, p, n);
		line[n] = '\0';
		found = strncmp(line, where, strlen(where)) == 0 && strstr(line, what);
		p = end ? end + 1 : NULL;
	}
	if (!ok(found, "%s: \"%s ... %s\"", name, where, what) || getenv("TEST_CONFIG_SHOW"))
		diag("got: %s", msg);
}

/* A file that must be refused: r, the loader's result, is -1, and its
 * message msg has a line that starts with where (e.g. "t.yaml:4:5: ")
 * and contains what.  A macro, so that a failure names the test's line. */
#define TU_REFUSED(r, msg, where, what, name)                                 \
	do {                                                                  \
		int tu_r_ = (r);                                              \
		is_int(tu_r_, -1, "%s: refused", name);                       \
		tu_has_line(msg, where, what, name);                          \
	} while (0)

#endif
