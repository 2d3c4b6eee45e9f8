/* src/config/process_yaml.c: being written. */
#include "config.h"
