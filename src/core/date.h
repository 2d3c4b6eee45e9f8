/* date.h: calendar dates as days since 1970-01-01 (proleptic Gregorian). */
#ifndef BL_CORE_DATE_H
#define BL_CORE_DATE_H

#include <stdint.h>
#include "core/error.h"

typedef int32_t bl_date;

/* Strict ISO 8601 "YYYY-MM-DD", a real calendar day, year 1900..2199. */
int bl_date_parse(const char *s, bl_date *out, bl_err *err);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void bl_date_format(bl_date d, char buf[static 11]);
bl_date bl_date_from_ymd(int y, int m, int d);
void bl_date_to_ymd(bl_date d, int *y, int *m, int *day);
/* Today, in UTC; BUDGETLAB_NOW (ISO date or date-time) overrides it, so
 * tests and demonstrations are reproducible. */
bl_date bl_date_today(void);
/* Now as "YYYY-MM-DDTHH:MM:SSZ"; honours BUDGETLAB_NOW like bl_date_today. */
void bl_now_iso(char buf[static 21]);

#endif
