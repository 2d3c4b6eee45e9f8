/* readings_yaml.h: the `readings:` section of a phase file (config/ only;
 * see budgetlab-process(5), READINGS).  process_yaml.c calls it for the
 * top-level key once the phases are read, since the section names phases
 * by id and can take the hearing window from one.  The checks follow the
 * rest of the loader: every problem is collected in the ydoc as "what is
 * wrong; expected what" at its line and column, and any problem at all
 * makes the whole file fail. */
#ifndef BL_CONFIG_READINGS_YAML_H
#define BL_CONFIG_READINGS_YAML_H

#include "config/yaml_doc.h"
#include "core/process.h"

/* Fill def->readings from the section: key and val are the top-level
 * `readings` key and its value, both NULL when the file has none (an
 * empty `readings:` is the same).  def's phases must already be read
 * (a phase whose id was refused has a NULL id).  Only what the section
 * gives is set; bl_readings_defaults fills the rest.  What is built stays
 * in def->readings even when there are errors; bl_readings_def_free
 * frees it. */
void bl_readings_yaml(ydoc *d, const ynode *key, const ynode *val, bl_process_def *def);

#endif
