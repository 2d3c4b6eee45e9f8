/* src/core/money.c: being written. */
#include "config.h"
