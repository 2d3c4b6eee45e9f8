/* src/core/process.c: being written. */
#include "config.h"
