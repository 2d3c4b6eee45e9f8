/* src/store/store.c: being written. */
#include "config.h"
