/* import_yaml.h: import profiles (budgetlab-import(5)) from YAML.
 *
 * A profile says how a finance system's export maps to budgetlab: which
 * columns are the areas, the line's code and title, the direction, the
 * amounts of which years, into which version.  It is loaded like a phase
 * file: every problem is reported as "FILE:LINE:COL: what; expected
 * what", and a file with any problem loads nothing.
 *
 * Where profiles are found (bl_import_profile_find): a NAME is looked up
 * as $XDG_CONFIG_HOME/budgetlab/import/NAME.yaml (the user's own, which
 * the import screen saves), then the shipped config/import/NAME.yaml; an
 * argument with a '/' or ending in ".yaml" is a path. */
#ifndef BL_CONFIG_IMPORT_YAML_H
#define BL_CONFIG_IMPORT_YAML_H

#include <stddef.h>

#include "core/error.h"
#include "core/import.h"

int bl_import_profile_load_file(const char *path, bl_import_profile **out,
				bl_err *err);
int bl_import_profile_load_string(const char *text, size_t len,
				  const char *name, bl_import_profile **out,
				  bl_err *err);
/* NAME or PATH, as above, into buf; -1 with a message listing the
 * profiles that exist when there is none by that name. */
int bl_import_profile_find(const char *name_or_path, char *buf, size_t bufsz,
			   bl_err *err);
/* The names of the profiles there are (user's first, then shipped; a
 * user's profile hides a shipped one of the same name), malloc'd. */
int bl_import_profile_list(char ***names, size_t *n, bl_err *err);
void bl_import_profile_list_free(char **names, size_t n);
/* The profile as YAML text (malloc'd), so that a mapping made on the
 * import screen can be saved and loaded again. */
char *bl_import_profile_yaml(const bl_import_profile *p);

#endif
