/* src/config/paths.c: being written. */
#include "config.h"
