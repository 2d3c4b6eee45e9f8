/* sdg_file.c: reading the SDG files (sdg_file.h). */
#include "config.h"
#include "config/sdg_file.h"

#include <stdio.h>
#include <string.h>

#include "config/paths.h"
#include "core/file.h"
#include "core/i18n.h"

/* The files are small (17 goals, 169 targets): anything larger is not one. */
#define SDG_FILE_MAX (1u << 20)

static int load_one(const char *dir, const char *name, bl_sdg_set *set, bool goals,
		    bl_err *err)
{
	char path[4096], rel[64];
	if (dir) {
		snprintf(path, sizeof path, "%s/%s", dir, name);
	} else {
		snprintf(rel, sizeof rel, "sdg/%s", name);
		if (bl_path_shipped(rel, path, sizeof path) != 0)
			return bl_err_set(err, _("the SDG file %s was not found in $BUDGETLAB_DATADIR,"
						 " the build tree or the installed data"), rel);
	}
	bl_read_result r;
	bl_read_status st = bl_file_read(path, SDG_FILE_MAX, &r);
	if (st == BL_READ_ERRNO)
		return bl_err_set(err, _("cannot read '%s': %s"), path, strerror(r.err));
	if (st == BL_READ_TOO_BIG)
		return bl_err_set(err, _("'%s' is larger than an SDG file can be (1 MB)"), path);
	if (st != BL_READ_OK)
		return bl_err_set(err, _("out of memory"));
	int rc = goals ? bl_sdg_parse_goals(set, r.data, r.len, path, err)
		       : bl_sdg_parse_targets(set, r.data, r.len, path, err);
	bl_file_release(&r);
	return rc;
}

int bl_sdg_load(const char *dir, bl_sdg_set *set, bl_err *err)
{
	memset(set, 0, sizeof *set);
	if (load_one(dir, "goals.tsv", set, true, err) != 0 ||
	    load_one(dir, "targets.tsv", set, false, err) != 0) {
		bl_sdg_set_free(set);
		return -1;
	}
	return 0;
}
