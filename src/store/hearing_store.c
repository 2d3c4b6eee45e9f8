/* hearing_store.c: the register of hearing responses (hearing_store.h).
 *
 * Lines are kept by code and areas by path (schema 4 says why); both are
 * checked against the budget when a response is registered or replaced,
 * and an area given by a unique code is stored by its full path, so that
 * the summary groups it with the lines under it. */
#include "config.h"
#include "store/hearing_store.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/store_internal.h"

/* The full path of an area given by path or unique code (malloc'd). */
static int area_path(bl_store *s, const char *ref, char **out, bl_err *err)
{
	int64_t id;
	*out = NULL;
	if (bl_store_area_find(s, ref, &id, err) != 0)
		return -1;
	return bl_area_path_of(s, id, out, err);
}

static int check(bl_store *s, const bl_response *r, int64_t number, char ***paths,
		 bl_err *err)
{
	char who[48];
	if (number > 0)
		snprintf(who, sizeof who, _("response %" PRId64), number);
	else
		snprintf(who, sizeof who, "%s", _("the response"));
	*paths = NULL;
	if (r->number < 0)
		return bl_err_set(err, _("a response number is 1 or more, not %" PRId64), r->number);
	if (bl_blank(r->sender))
		return bl_err_set(err, _("%s needs a sender (a name or an organisation)"), who);
	if (bl_blank(r->org_type))
		return bl_err_set(err, _("%s needs an organisation type"), who);
	if ((unsigned)r->position >= BL_POS_COUNT)
		return bl_err_set(err, _("%s has no valid position"), who);
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT count(*) FROM line WHERE code = ?1", &st, err) != 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; ret == 0 && i < r->n_lines; i++) {
		if (bl_blank(r->lines[i])) {
			ret = bl_err_set(err, _("%s names an empty line code"), who);
			break;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(r->lines[k], r->lines[i]) == 0) {
				ret = bl_err_set(err, _("%s names line '%s' twice"), who, r->lines[i]);
				break;
			}
		sqlite3_reset(st);
		bl_bind_text(st, 1, r->lines[i]);
		if (ret == 0 && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0)
			ret = bl_err_set(err, _("%s names line '%s', which is not in the budget"), who,
					 r->lines[i]);
	}
	sqlite3_finalize(st);
	if (ret != 0)
		return -1;
	if (r->n_areas == 0)
		return 0;
	char **p = calloc(r->n_areas, sizeof *p);
	if (!p)
		return bl_err_set(err, _("out of memory"));
	for (size_t i = 0; ret == 0 && i < r->n_areas; i++) {
		if (bl_blank(r->areas[i]) || area_path(s, r->areas[i], &p[i], err) != 0) {
			if (bl_blank(r->areas[i]))
				bl_err_set(err, _("%s names an empty area"), who);
			else
				bl_err_prefix(err, _("%s names an area that is not in the budget"), who);
			ret = -1;
			break;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(p[k], p[i]) == 0) {
				ret = bl_err_set(err, _("%s names area '%s' twice"), who, p[i]);
				break;
			}
	}
	if (ret != 0) {
		for (size_t i = 0; i < r->n_areas; i++)
			free(p[i]);
		free(p);
		return -1;
	}
	*paths = p;
	return 0;
}

static void paths_free(char **p, size_t n)
{
	for (size_t i = 0; p && i < n; i++)
		free(p[i]);
	free(p);
}

static int links_write(bl_store *s, const bl_response *r, int64_t number, char **paths,
		       bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "INSERT INTO response_line (response, code) VALUES (?1, ?2)", &st,
		      err) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < r->n_lines; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, number);
		bl_bind_text(st, 2, r->lines[i]);
		rc = bl_step_done(s, st, err);
	}
	sqlite3_finalize(st);
	if (rc != 0 ||
	    bl_prepare(s, "INSERT INTO response_area (response, path) VALUES (?1, ?2)", &st,
		      err) != 0)
		return -1;
	for (size_t i = 0; rc == 0 && i < r->n_areas; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, number);
		bl_bind_text(st, 2, paths[i]);
		rc = bl_step_done(s, st, err);
	}
	sqlite3_finalize(st);
	return rc;
}

static void bind_fields(sqlite3_stmt *st, const bl_response *r)
{
	char date[11];
	bl_date_format(r->received, date);
	bl_bind_text(st, 2, r->sender);
	bl_bind_text(st, 3, r->org_type);
	bl_bind_text(st, 4, date);
	sqlite3_bind_int(st, 5, r->consent);
	bl_bind_text(st, 6, bl_blank(r->text) ? NULL : r->text);
	bl_bind_text(st, 7, bl_blank(r->file_ref) ? NULL : r->file_ref);
	bl_bind_text(st, 8, bl_position_key(r->position));
	bl_bind_text(st, 9, bl_blank(r->comment) ? NULL : r->comment);
	sqlite3_bind_int(st, 10, r->late);
}

static int number_used(bl_store *s, int64_t number, bool *used, bl_err *err)
{
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT count(*) FROM response WHERE number = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	*used = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : bl_store_fail(s, err);
}

int bl_store_response_add(bl_store *s, const bl_response *r, int64_t *number_out,
			  bl_err *err)
{
	char **paths;
	bool outer, used;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	int64_t number = r->number;
	sqlite3_stmt *st = NULL;
	if (check(s, r, 0, &paths, err) != 0)
		goto out;
	if (number == 0) {
		/* Never a number a deleted response had: the journal names
		 * responses by number, and two under one number would mix. */
		if (bl_prepare(s, "SELECT max(coalesce((SELECT max(number) FROM response), 0),"
				  " coalesce((SELECT max(CAST(substr(key, 10) AS INTEGER)) FROM journal"
				  "  WHERE entity = 'response' AND key GLOB 'response:[0-9]*'), 0)) + 1",
			       &st, err) != 0)
			goto out;
		if (sqlite3_step(st) != SQLITE_ROW) {
			bl_store_fail(s, err);
			goto out;
		}
		number = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		st = NULL;
	} else {
		if (number_used(s, number, &used, err) != 0)
			goto out;
		if (used) {
			bl_err_set(err, _("there is a response %" PRId64 " already; leave the number"
					  " out to take the next"), number);
			goto out;
		}
		if (bl_prepare(s, "SELECT count(*) FROM journal WHERE entity = 'response'"
				  " AND key = printf('response:%d', ?1)",
			       &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, number);
		int had = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		sqlite3_finalize(st);
		st = NULL;
		if (had) {
			bl_err_set(err, _("response %" PRId64 " was registered and deleted before; a"
					  " number is not used twice (leave it out to take the next)"),
				   number);
			goto out;
		}
	}
	if (bl_prepare(s,
		      "INSERT INTO response (number, sender, org_type, received, consent, text,"
		      " file_ref, position, comment, late)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, number);
	bind_fields(st, r);
	if (bl_step_done(s, st, err) != 0 || links_write(s, r, number, paths, err) != 0)
		goto out;
	if (number_out)
		*number_out = number;
	rc = 0;
out:
	sqlite3_finalize(st);
	paths_free(paths, r->n_areas);
	return bl_write_end(s, outer, rc, err);
}

static int must_exist(bl_store *s, int64_t number, bl_err *err)
{
	bool used;
	if (number_used(s, number, &used, err) != 0)
		return -1;
	if (!used)
		return bl_err_set(err, _("there is no response %" PRId64), number);
	return 0;
}

int bl_store_response_update(bl_store *s, const bl_response *r, bl_err *err)
{
	char **paths = NULL;
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (must_exist(s, r->number, err) != 0 || check(s, r, r->number, &paths, err) != 0)
		goto out;
	if (bl_prepare(s,
		      "DELETE FROM response_line WHERE response = ?1;", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, r->number);
	if (bl_step_done(s, st, err) != 0)
		goto out;
	sqlite3_finalize(st);
	if (bl_prepare(s, "DELETE FROM response_area WHERE response = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, r->number);
	if (bl_step_done(s, st, err) != 0)
		goto out;
	sqlite3_finalize(st);
	if (bl_prepare(s,
		      "UPDATE response SET sender = ?2, org_type = ?3, received = ?4, consent = ?5,"
		      " text = ?6, file_ref = ?7, position = ?8, comment = ?9, late = ?10"
		      " WHERE number = ?1",
		      &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, r->number);
	bind_fields(st, r);
	if (bl_step_done(s, st, err) != 0 || links_write(s, r, r->number, paths, err) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	paths_free(paths, r->n_areas);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_response_comment(bl_store *s, int64_t number, const char *comment,
			      bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (must_exist(s, number, err) != 0 ||
	    bl_prepare(s, "UPDATE response SET comment = ?2 WHERE number = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, number);
	bl_bind_text(st, 2, bl_blank(comment) ? NULL : comment);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

int bl_store_response_delete(bl_store *s, int64_t number, bl_err *err)
{
	bool outer;
	if (bl_write_begin(s, &outer, err) != 0)
		return -1;
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (must_exist(s, number, err) != 0 ||
	    bl_prepare(s, "DELETE FROM response WHERE number = ?1", &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, number);
	rc = bl_step_done(s, st, err);
out:
	sqlite3_finalize(st);
	return bl_write_end(s, outer, rc, err);
}

#define RESPONSE_COLS                                                         \
	"SELECT number, sender, org_type, received, consent, text, file_ref, position," \
	" comment, late FROM response"

static bool response_fill(sqlite3_stmt *st, void *elem)
{
	bl_response *r = elem;
	r->number = sqlite3_column_int64(st, 0);
	const char *d = (const char *)sqlite3_column_text(st, 3);
	if (!d || bl_date_parse(d, &r->received, &(bl_err){ { 0 } }) != 0)
		r->received = 0;
	r->consent = sqlite3_column_int(st, 4) != 0;
	if (bl_position_from_key((const char *)sqlite3_column_text(st, 7), &r->position) != 0)
		r->position = BL_POS_NEUTRAL;
	r->late = sqlite3_column_int(st, 9) != 0;
	return bl_col_dup(st, 1, &r->sender) && bl_col_dup(st, 2, &r->org_type) &&
	       bl_col_dup(st, 5, &r->text) && bl_col_dup(st, 6, &r->file_ref) &&
	       bl_col_dup(st, 8, &r->comment);
}

static void response_clear(void *elem)
{
	bl_response_clear(elem);
}

/* The codes (or paths) of one response from sql (?1 the number). */
static int strings_read(bl_store *s, const char *sql, int64_t number, char ***out,
			size_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (bl_prepare(s, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, number);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)out, &cap, *n + 1, sizeof **out) ||
		    !bl_col_dup(st, 0, &(*out)[*n])) {
			sqlite3_finalize(st);
			return bl_err_set(err, _("out of memory"));
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : bl_store_fail(s, err);
}

static int links_read(bl_store *s, bl_response *r, bl_err *err)
{
	return strings_read(s, "SELECT code FROM response_line WHERE response = ?1 ORDER BY code",
			    r->number, &r->lines, &r->n_lines, err) != 0 ||
			       strings_read(s,
					    "SELECT path FROM response_area WHERE response = ?1"
					    " ORDER BY path",
					    r->number, &r->areas, &r->n_areas, err) != 0
		       ? -1
		       : 0;
}

int bl_store_response_get(bl_store *s, int64_t number, bl_response *out, bl_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (bl_prepare(s, RESPONSE_COLS " WHERE number = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return bl_err_set(err, _("there is no response %" PRId64), number);
		return bl_store_fail(s, err);
	}
	bool ok = response_fill(st, out);
	sqlite3_finalize(st);
	if (!ok || links_read(s, out, err) != 0) {
		bl_response_clear(out);
		return ok ? -1 : bl_err_set(err, _("out of memory"));
	}
	return 0;
}

int bl_store_responses(bl_store *s, bl_response **out, size_t *n, bl_err *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (bl_prepare(s, RESPONSE_COLS " ORDER BY number", &st, err) != 0)
		return -1;
	bl_response *v;
	size_t cnt;
	int rc = bl_rows_collect(s, st, sizeof *v, response_fill, response_clear, &v, &cnt, err);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < cnt; i++)
		if (links_read(s, &v[i], err) != 0) {
			bl_responses_free(v, cnt);
			return -1;
		}
	*out = v;
	*n = cnt;
	return 0;
}

int bl_store_responses_uncommented(bl_store *s, int64_t **numbers, size_t *n,
				   int64_t *n_total, bl_err *err)
{
	*numbers = NULL;
	*n = 0;
	*n_total = 0;
	sqlite3_stmt *st;
	if (bl_prepare(s, "SELECT count(*) FROM response", &st, err) != 0)
		return -1;
	int rc = bl_step_count(s, st, n_total, err);
	sqlite3_finalize(st);
	if (rc != 0 || bl_prepare(s, "SELECT number FROM response WHERE comment IS NULL"
				     " OR length(trim(comment)) = 0 ORDER BY number",
				  &st, err) != 0)
		return -1;
	rc = bl_rows_collect(s, st, sizeof **numbers, bl_row_int64, NULL, numbers, n, err);
	sqlite3_finalize(st);
	return rc;
}
