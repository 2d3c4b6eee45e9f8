/* tap.h: a tiny TAP producer for unit tests (header only).
 *
 * Each check prints "ok N - name" or "not ok N - name" with a diagnostic;
 * automake's tap-driver.sh turns them into per-case results, so a failure
 * names the case.  Call tap_done() last: it prints the plan and returns the
 * exit status. */
#ifndef BL_TESTS_TAP_H
#define BL_TESTS_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	tap_n++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __VA_ARGS__)

#define is_int(got, want, ...)                                                \
	do {                                                                  \
		long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
		if (!tap_ok(tap_g_ == tap_w_, __VA_ARGS__))                   \
			printf("#   %s:%d: got %lld, want %lld\n", __FILE__,  \
			       __LINE__, tap_g_, tap_w_);                     \
	} while (0)

#define is_str(got, want, ...)                                                \
	do {                                                                  \
		const char *tap_g_ = (got), *tap_w_ = (want);                 \
		int tap_c_ = (tap_g_ && tap_w_) ? strcmp(tap_g_, tap_w_) == 0 \
						: tap_g_ == tap_w_;           \
		if (!tap_ok(tap_c_, __VA_ARGS__))                             \
			printf("#   %s:%d: got \"%s\", want \"%s\"\n",         \
			       __FILE__, __LINE__, tap_g_ ? tap_g_ : "(null)", \
			       tap_w_ ? tap_w_ : "(null)");                   \
	} while (0)

/* The message contains the substring. */
#define like(got, sub, ...)                                                   \
	do {                                                                  \
		const char *tap_g_ = (got), *tap_s_ = (sub);                  \
		if (!tap_ok(tap_g_ && strstr(tap_g_, tap_s_) != NULL,         \
			    __VA_ARGS__))                                     \
			printf("#   %s:%d: \"%s\" does not contain \"%s\"\n",  \
			       __FILE__, __LINE__, tap_g_ ? tap_g_ : "(null)", \
			       tap_s_);                                       \
	} while (0)

#define diag(...)                                                             \
	do {                                                                  \
		printf("# ");                                                 \
		printf(__VA_ARGS__);                                          \
		putchar('\n');                                                \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
