/* demo.h: the demo municipality, Egekær Kommune, Budget 2028-2031. */
#ifndef BL_CLI_DEMO_H
#define BL_CLI_DEMO_H

#include "core/error.h"

/* Write the demo municipality to a new database at path: the process from
 * the shipped phases/danish-municipality.yaml (municipality "Egekær
 * Kommune"), the areas, lines and amounts of demo/areas.tsv and
 * demo/lines.tsv (bulk-loaded while the process is being set up), the goals
 * of demo/goals.tsv linked to lines by demo/goal_lines.tsv; then it enters
 * the first phase and ticks the first item of its checklist.  The journal's
 * actor is "demo".
 *
 * All or nothing: the data files are read and checked before the database
 * is created (errors say FILE:LINE and what was expected), and if a later
 * step fails the new file is removed.  An existing file at path is refused
 * and left as it was. */
int bl_demo_create(const char *path, bl_err *err);
/* Add the demo's citizen lab (demo_lab.c) to the demo database at path:
 * a lab with sessions, ideas, participants and ballots, in one
 * transaction, journalled by "demo". */
int bl_demo_add_lab(const char *path, bl_err *err);

#endif
