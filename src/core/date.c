/* src/core/date.c: being written. */
#include "config.h"
