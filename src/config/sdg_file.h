/* sdg_file.h: the SDG data the program ships (share/sdg), read from where
 * bl_path_shipped finds it. */
#ifndef BL_CONFIG_SDG_FILE_H
#define BL_CONFIG_SDG_FILE_H

#include "core/error.h"
#include "core/sdg.h"

/* Read goals.tsv and targets.tsv of dir (NULL: the shipped share/sdg)
 * into set (zeroed first; free with bl_sdg_set_free).  -1 with a message
 * naming the file, and the line and column where it is wrong. */
int bl_sdg_load(const char *dir, bl_sdg_set *set, bl_err *err);

#endif
