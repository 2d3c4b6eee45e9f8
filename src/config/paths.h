/* paths.h: where budgetlab finds its data (XDG base directories). */
#ifndef BL_CONFIG_PATHS_H
#define BL_CONFIG_PATHS_H

#include <stddef.h>

/* $XDG_DATA_HOME/budgetlab, else $HOME/.local/share/budgetlab. */
int bl_path_data_home(char *buf, size_t bufsz);
/* $XDG_CONFIG_HOME/budgetlab, else $HOME/.config/budgetlab. */
int bl_path_config_home(char *buf, size_t bufsz);
/* A file shipped with the program (e.g. "demo/budget.tsv" under share/, or
 * "phases/danish-municipality.yaml" under config/).  Looks in
 * $BUDGETLAB_DATADIR, then the source tree (when run from a build tree),
 * then the installed pkgdatadir.  Returns 0 and the path in buf if found. */
int bl_path_shipped(const char *relative, char *buf, size_t bufsz);

#endif
