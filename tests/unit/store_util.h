/* store_util.h: helpers for the store's tests (header only): a private
 * temporary directory, file bytes, a hand-built process definition, and
 * a raw SQLite connection to look behind the store's back. */
#ifndef BL_TESTS_STORE_UTIL_H
#define BL_TESTS_STORE_UTIL_H

#include <dirent.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/process.h"
#include "store/store.h"
#include "tap.h"

#define NOW "2027-01-20T09:00:00Z"
#define ACTOR "tester"

static char tu_dir[256];

/* The fixed clock and actor of DEVELOPERS.md, also when the program is
 * run by hand outside `make check`. */
static inline void tu_init(void)
{
	setenv("BUDGETLAB_NOW", NOW, 1);
	setenv("BUDGETLAB_ACTOR", ACTOR, 1);
	setenv("TZ", "UTC", 1);
	const char *t = getenv("TMPDIR");
	snprintf(tu_dir, sizeof tu_dir, "%s/bl-store-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tu_dir)) {
		perror("mkdtemp");
		exit(99);
	}
}

static inline void tu_cleanup(void)
{
	DIR *d = opendir(tu_dir);
	struct dirent *e;
	char p[600];
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", tu_dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
	}
	if (d)
		closedir(d);
	rmdir(tu_dir);
}

/* A path in the private directory (a ring of buffers, so several can be
 * in use at once). */
static inline const char *tu_path(const char *name)
{
	static char buf[16][600];
	static int next;
	char *p = buf[next++ % 16];
	snprintf(p, 600, "%s/%s", tu_dir, name);
	return p;
}

static inline bool tu_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* -wal, -shm or -journal beside path? */
static inline bool tu_sidecars(const char *path)
{
	char p[700];
	static const char *const sfx[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		if (tu_exists(p))
			return true;
	}
	return false;
}

static inline unsigned char *tu_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	*len = 0;
	if (!f)
		return NULL;
	unsigned char *buf = NULL;
	size_t cap = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? 2 * cap : 65536;
			unsigned char *nb = realloc(buf, cap);
			if (!nb)
				abort();
			buf = nb;
		}
		size_t r = fread(buf + *len, 1, cap - *len, f);
		if (r == 0)
			break;
		*len += r;
	}
	fclose(f);
	return buf ? buf : calloc(1, 1);
}

static inline void tu_write(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, len, f) != len) {
		perror(path);
		exit(99);
	}
	fclose(f);
}

/* The file still has exactly these bytes. */
static inline bool tu_same(const char *path, const unsigned char *bytes, size_t len)
{
	size_t n;
	unsigned char *now = tu_slurp(path, &n);
	bool same = now && n == len && memcmp(now, bytes, len) == 0;
	free(now);
	return same;
}

static inline char *tu_strdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		abort();
	return p;
}

/* The test process: 2028 + 3 outline years, four phases whose locks the
 * tests walk through. */
static inline bl_process_def *tu_def(void)
{
	static const struct {
		const char *id, *title;
		unsigned locks;
		size_t n_check;
	} ph[] = {
		{ "goals", "Mål før økonomi", BL_LOCK_AMOUNTS, 2 },
		{ "labs", "Borgerlabs", BL_LOCK_LINES, 1 },
		{ "hearing", "Høring", BL_LOCK_AREAS | BL_LOCK_GOALS, 0 },
		{ "adoption", "Vedtagelse", 0, 0 },
	};
	bl_process_def *d = calloc(1, sizeof *d);
	if (!d)
		abort();
	d->municipality = tu_strdup("Egekær Kommune");
	d->title = tu_strdup("Budget 2028-2031");
	d->currency = tu_strdup("DKK");
	d->lang = BL_LANG_DA;
	d->budget_year = 2028;
	d->outline_years = 3;
	d->n_phases = sizeof ph / sizeof ph[0];
	d->phases = calloc(d->n_phases, sizeof *d->phases);
	if (!d->phases)
		abort();
	for (size_t i = 0; i < d->n_phases; i++) {
		bl_phase *p = &d->phases[i];
		p->id = tu_strdup(ph[i].id);
		p->title = tu_strdup(ph[i].title);
		p->locks = ph[i].locks;
		p->n_checklist = ph[i].n_check;
		p->checklist = calloc(ph[i].n_check + 1, sizeof *p->checklist);
		for (size_t j = 0; j < ph[i].n_check; j++) {
			char item[32];
			snprintf(item, sizeof item, "Punkt %zu", j + 1);
			p->checklist[j] = tu_strdup(item);
		}
	}
	d->phases[0].has_window = true;
	d->phases[0].from = bl_date_from_ymd(2027, 1, 1);
	d->phases[0].to = bl_date_from_ymd(2027, 3, 31);
	return d;
}

#define TU_YAML "budgetlab: 1\nprocess:\n  municipality: Egekær Kommune\n"

/* A new database in the private directory; exits if that fails. */
static inline bl_store *tu_create(const char *name)
{
	bl_process_def *d = tu_def();
	bl_store *s = NULL;
	bl_err e = { { 0 } };
	const char *p = tu_path(name);
	unlink(p);
	if (bl_store_create(p, d, TU_YAML, &s, &e) != 0) {
		printf("Bail out! cannot create %s: %s\n", p, e.msg);
		exit(1);
	}
	bl_process_def_free(d);
	return s;
}

/* A raw connection (none of budgetlab's SQL functions registered). */
static inline sqlite3 *tu_raw(const char *path, bool readonly)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
			    NULL) != SQLITE_OK) {
		printf("Bail out! cannot open %s raw\n", path);
		exit(1);
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

/* One integer from a query on a raw connection; INT64_MIN on error. */
static inline int64_t tu_int(const char *path, const char *sql)
{
	sqlite3 *db = tu_raw(path, true);
	sqlite3_stmt *st;
	int64_t v = INT64_MIN;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else {
		diag("%s: %s", sql, sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v;
}

/* Run SQL on a raw read-write connection; returns SQLite's code and
 * copies the message into msg. */
static inline int tu_exec(const char *path, const char *sql, char *msg, size_t msgsz)
{
	sqlite3 *db = tu_raw(path, false);
	char *m = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &m);
	if (msg)
		snprintf(msg, msgsz, "%s", m ? m : "");
	sqlite3_free(m);
	sqlite3_close(db);
	return rc;
}

static inline int64_t tu_journal(bl_store *s)
{
	int64_t n = -1;
	bl_err e;
	if (bl_store_journal_count(s, &n, &e) != 0)
		diag("journal count: %s", e.msg);
	return n;
}

static inline int64_t tu_area(bl_store *s, int64_t parent, const char *code)
{
	int64_t id = 0;
	bl_err e;
	if (bl_store_area_add(s, parent, code, code, &id, &e) != 0)
		diag("area %s: %s", code, e.msg);
	return id;
}

static inline int64_t tu_line(bl_store *s, const char *code, int64_t area, bl_direction dir)
{
	bl_line l = { 0, (char *)code, (char *)"En linje", area, BL_KIND_OPERATION, dir, NULL };
	int64_t id = 0;
	bl_err e;
	if (bl_store_line_add(s, &l, &id, &e) != 0)
		diag("line %s: %s", code, e.msg);
	return id;
}

static inline int tu_set(bl_store *s, int64_t line, int year, bl_money v)
{
	bl_err e;
	int rc = bl_store_amount_set(s, line, "proposal", year, v, &e);
	if (rc)
		diag("amount %d: %s", year, e.msg);
	return rc;
}

/* The store's totals (years and areas, every version) agree with sums
 * computed from the amounts directly. */
static inline bool tu_totals_match(bl_store *s, const char *path)
{
	bool ok = true;
	sqlite3 *db = tu_raw(path, true);
	for (size_t v = 0; v < bl_n_versions; v++) {
		const char *ver = bl_version_keys[v];
		bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS];
		bl_money winc[BL_MAX_YEARS] = { 0 }, wexp[BL_MAX_YEARS] = { 0 };
		bl_err e;
		if (bl_store_year_totals(s, ver, inc, exp, &e) != 0) {
			diag("year totals: %s", e.msg);
			ok = false;
			break;
		}
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db,
				   "SELECT a.year, coalesce(sum(CASE l.direction WHEN 'income' THEN a.amount END), 0),"
				   " coalesce(sum(CASE l.direction WHEN 'expense' THEN a.amount END), 0)"
				   " FROM amount a JOIN line l ON l.id = a.line_id"
				   " JOIN version v ON v.id = a.version_id WHERE v.key = ?1 GROUP BY a.year",
				   -1, &st, NULL);
		sqlite3_bind_text(st, 1, ver, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int i = sqlite3_column_int(st, 0) - 2028;
			if (i >= 0 && i < 4) {
				winc[i] = sqlite3_column_int64(st, 1);
				wexp[i] = sqlite3_column_int64(st, 2);
			}
		}
		sqlite3_finalize(st);
		for (int i = 0; i < 4; i++)
			if (inc[i] != winc[i] || exp[i] != wexp[i]) {
				diag("%s %d: store %lld/%lld, sums %lld/%lld", ver, 2028 + i,
				     (long long)inc[i], (long long)exp[i], (long long)winc[i],
				     (long long)wexp[i]);
				ok = false;
			}
		bl_area_total *t;
		size_t n, k = 0;
		if (bl_store_area_totals(s, ver, &t, &n, &e) != 0) {
			diag("area totals: %s", e.msg);
			ok = false;
			break;
		}
		sqlite3_prepare_v2(db,
				   "SELECT l.area_id, a.year,"
				   " coalesce(sum(CASE l.direction WHEN 'income' THEN a.amount END), 0),"
				   " coalesce(sum(CASE l.direction WHEN 'expense' THEN a.amount END), 0)"
				   " FROM amount a JOIN line l ON l.id = a.line_id"
				   " JOIN version v ON v.id = a.version_id WHERE v.key = ?1"
				   " GROUP BY l.area_id, a.year ORDER BY 1, 2",
				   -1, &st, NULL);
		sqlite3_bind_text(st, 1, ver, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (k >= n || t[k].area_id != sqlite3_column_int64(st, 0) ||
			    t[k].year != sqlite3_column_int(st, 1) ||
			    t[k].income != sqlite3_column_int64(st, 2) ||
			    t[k].expense != sqlite3_column_int64(st, 3)) {
				diag("%s: area total %zu differs", ver, k);
				ok = false;
			}
			k++;
		}
		sqlite3_finalize(st);
		if (k != n) {
			diag("%s: %zu area totals, %zu sums", ver, n, k);
			ok = false;
		}
		free(t);
	}
	sqlite3_close(db);
	return ok;
}

#endif
