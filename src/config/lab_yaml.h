/* lab_yaml.h: the `labs:` section of a phase file (config/ only; see
 * budgetlab-process(5), LABS).  process_yaml.c calls it for the top-level
 * key; the checks follow the rest of the loader: every problem is
 * collected in the ydoc as "what is wrong; expected what" at its line and
 * column, and any problem at all makes the whole file fail. */
#ifndef BL_CONFIG_LAB_YAML_H
#define BL_CONFIG_LAB_YAML_H

#include "config/yaml_doc.h"
#include "core/lab.h"
#include "core/money.h"

/* Fill lab from the section: key and val are the top-level `labs` key
 * and its value, both NULL when the file has none (an empty `labs:` is
 * the same).  The defaults are set first (under 8000, rule
 * "greedy_cost", tie_break "id"), so a file without the section gives an
 * empty definition with them.  lang is the process's language: shares in
 * messages are written in it, and each ballot type keeps it for the
 * amounts in its messages.  What is built stays in lab even when there
 * are errors; bl_lab_def_clear frees it. */
void bl_lab_yaml(ydoc *d, const ynode *key, const ynode *val, bl_lang lang,
		 bl_lab_def *lab);

#endif
