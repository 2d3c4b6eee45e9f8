/* import_store.c: an import into the process, as one bulk load.
 *
 * The areas come first, so that an area that is not in the process (when
 * the profile does not create areas) rejects its rows before anything is
 * replaced; then, if the import may go on, the version's amounts are
 * replaced by the lines' (bl_bulk_replace, bl_bulk_line_put) and the
 * journal entry notes the file, the profile and the counts. */
#include "config.h"
#include "store/import_store.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* The area's path of codes, "A/B/C". */
static char *area_path(const bl_import *imp, size_t idx)
{
	size_t chain[BL_IMPORT_MAX_LEVELS + 1], n = 0, len = 0;
	for (size_t i = idx; i && n < BL_IMPORT_MAX_LEVELS + 1; i = imp->areas[i - 1].parent) {
		chain[n++] = i;
		len += strlen(imp->areas[i - 1].code) + 1;
	}
	char *s = malloc(len + 1);
	if (!s)
		return NULL;
	size_t pos = 0;
	while (n--) {
		const char *code = imp->areas[chain[n] - 1].code;
		pos += (size_t)snprintf(s + pos, len + 1 - pos, "%s%s", pos ? "/" : "", code);
	}
	return s;
}

/* With BL_IMPORT_ADD a line that is there already gets the file's
 * amounts added to its own (the rows of a reject file, fixed, belong to
 * lines whose other rows came in before).  Its amounts are read in its
 * direction and turned into the file's, which bl_bulk_line_put gives it. */
static int add_existing(bl_store *s, const bl_import *imp, const char *version,
			const bl_import_line *il, bl_money *amount, bool *has, bl_err *err)
{
	bl_line old;
	bl_err e;
	if (bl_store_line_find(s, il->code, &old, &e) != 0) {
		if (bl_store_failed_on_file(s)) {
			*err = e;
			return -1;
		}
		return 0; /* a new line */
	}
	bl_money cur[BL_MAX_YEARS];
	bool cur_has[BL_MAX_YEARS];
	int rc = bl_store_line_amounts(s, old.id, version, cur, cur_has, imp->n_years, err);
	bool flip = old.dir != il->dir;
	bl_line_clear(&old);
	if (rc != 0)
		return -1;
	for (int y = 0; y < imp->n_years; y++) {
		if (!cur_has[y])
			continue;
		bl_money v = flip ? -cur[y] : cur[y];
		if (has[y] && !bl_money_add(amount[y], v, &amount[y]))
			return bl_err_set(err, _("budget line '%s', %d: the amount there plus the"
						 " file's does not fit in 64 bits"),
					  il->code, imp->first_year + y);
		if (!has[y])
			amount[y] = v;
		has[y] = true;
	}
	return 0;
}

int bl_store_import(bl_store *s, bl_import *imp, const char *version, const char *source,
		    unsigned flags, bl_import_result *res, bl_err *err)
{
	bool lenient = flags & BL_IMPORT_LENIENT, dry_run = flags & BL_IMPORT_DRY_RUN;
	const bl_import_profile *p = imp->profile;
	memset(res, 0, sizeof *res);
	if (!version)
		version = p->version ? p->version : "proposal";
	if (p->n_levels == 0)
		/* Every budget line is in an area. */
		return bl_err_set(err, _("%s: the profile has no 'areas'; expected areas: a list"
					 " of levels, each with the column of its code"),
				  p->path ? p->path : p->name);
	int64_t *ids = calloc(imp->n_areas + 1, sizeof *ids);
	if (!ids)
		return bl_err_set(err, _("out of memory"));
	bl_bulk *b;
	if (bl_store_bulk_begin(s, version, source, &b, err) != 0) {
		free(ids);
		return -1;
	}
	/* Areas, parents before children (the order they were met in). */
	bool missing = false;
	for (size_t i = 0; i < imp->n_areas; i++) {
		bl_import_area *a = &imp->areas[i];
		int64_t parent = a->parent ? ids[a->parent] : 0;
		if (a->parent && imp->areas[a->parent - 1].missing) {
			a->missing = true;
			continue;
		}
		if (p->new_areas) {
			if (bl_bulk_area(b, parent, a->code, a->name, &ids[i + 1], err) != 0)
				goto fail;
			continue;
		}
		char *path = area_path(imp, i + 1);
		if (!path) {
			bl_err_set(err, _("out of memory"));
			goto fail;
		}
		bl_err e;
		if (bl_store_area_find(s, path, &ids[i + 1], &e) != 0) {
			if (bl_store_failed_on_file(s)) {
				*err = e;
				free(path);
				goto fail;
			}
			a->missing = true;
			missing = true;
		}
		free(path);
	}
	if (missing)
		bl_import_reject_missing_areas(imp);
	if (imp->n_rejects && !lenient) {
		bl_bulk_abort(b);
		free(ids);
		return 1;
	}
	if (!(flags & BL_IMPORT_ADD) && bl_bulk_replace(b, err) != 0)
		goto fail;
	for (size_t i = 0; i < imp->n_lines; i++) {
		const bl_import_line *il = &imp->lines[i];
		bl_line l = { 0 };
		l.code = il->code;
		l.title = il->title;
		l.area_id = il->area ? ids[il->area] : 0;
		l.kind = p->kind;
		l.dir = il->dir;
		bool created;
		bl_money amount[BL_MAX_YEARS];
		bool has[BL_MAX_YEARS];
		memcpy(amount, il->amount, sizeof amount);
		memcpy(has, il->has, sizeof has);
		if ((flags & BL_IMPORT_ADD) &&
		    add_existing(s, imp, version, il, amount, has, err) != 0) {
			bl_err_prefix(err, _("'%s' line %ld"), bl_csv_name(imp->csv), il->first_row);
			goto fail;
		}
		if (bl_bulk_line_put(b, &l, amount, has, imp->n_years, NULL, &created, err) != 0) {
			bl_err_prefix(err, _("'%s' line %ld"), bl_csv_name(imp->csv), il->first_row);
			goto fail;
		}
	}
	char note[1024], name[600];
	/* The profile's name in JSON: it is a file name, so escape what
	 * JSON needs escaped. */
	size_t o = 0;
	for (const char *c = p->name; *c && o + 8 < sizeof name; c++) {
		if (*c == '"' || *c == '\\')
			name[o++] = '\\';
		if ((unsigned char)*c < 0x20)
			continue;
		name[o++] = *c;
	}
	name[o] = '\0';
	snprintf(note, sizeof note, "{\"profile\":\"%s\",\"rows\":%" PRId64 ",\"rejected\":%zu}",
		 name, imp->rows, imp->n_rejects);
	if (bl_bulk_set_note(b, note, err) != 0)
		goto fail;
	if (dry_run) {
		bl_bulk_counts_get(b, &res->counts);
		if (bl_bulk_removals(b, &res->counts.lines_removed, err) != 0 ||
		    bl_bulk_check(b, err) != 0)
			goto fail;
		bl_bulk_abort(b);
		free(ids);
		return 0;
	}
	free(ids);
	if (bl_bulk_commit_counts(b, &res->counts, err) != 0)
		return -1;
	res->written = true;
	return 0;
fail:
	bl_bulk_abort(b);
	free(ids);
	return -1;
}
