/* src/core/gates.c: being written. */
#include "config.h"
