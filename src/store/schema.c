/* src/store/schema.c: being written. */
#include "config.h"
