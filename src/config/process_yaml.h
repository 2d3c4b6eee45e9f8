/* process_yaml.h: load and validate a process definition from YAML.
 *
 * Bad YAML never crashes and never half-loads: on any error nothing is
 * returned and err holds "file:line:column: what is wrong, what was
 * expected" (several such lines if there are several problems).  Anchors
 * and aliases are refused, so a file built to expand exponentially cannot
 * exhaust memory; input size and nesting depth are bounded. */
#ifndef BL_CONFIG_PROCESS_YAML_H
#define BL_CONFIG_PROCESS_YAML_H

#include <stddef.h>

#include "core/error.h"
#include "core/process.h"

/* BL_YAML_MAX_BYTES and BL_YAML_MAX_DEPTH. */
#include "config/yaml_doc.h"

int bl_config_load_file(const char *path, bl_process_def **out,
			char **text_out, bl_err *err);
/* name is used in messages in place of a file name. */
int bl_config_load_string(const char *text, size_t len, const char *name,
			  bl_process_def **out, bl_err *err);

#endif
