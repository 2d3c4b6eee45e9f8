/* screen_import.c: a finance system's CSV export into the budget, step by
 * step, with a preview of the first rows.
 *
 *   1 File      the path, typed (relative to the working directory, ~
 *               expanded); bl_csv_open's refusals shown as they are
 *   2 Profile   the import profiles (the user's, then the shipped ones),
 *               each with its title and whether it fits the file's
 *               header; or a new mapping guessed from the columns
 *   3 Preview   the first IMP_PREVIEW_ROWS rows as they will be imported
 *               (area, code, title, direction, amounts), rejected rows
 *               with their reason; r shows the file's own columns
 *      Mapping  (m) which columns are what (import_map.c); the preview
 *               follows every change, S saves it as a profile
 *   4 Check     a dry run of the whole file through the store: what
 *               would be created, replaced and rejected, and per year
 *               the sum of the file's amounts as the file signs them
 *   5 Import    after a question, the same for real; then every screen
 *               reads again (app.c compares the change counts)
 *
 * It goes through the same core as `budgetlab import` (cmd_import.c):
 * bl_csv_open, bl_import_read(_n), bl_store_import, and the same reject
 * file.  The preview reads only the first rows, so a file of a million
 * rows shows at once; the check and the import read it all, after saying
 * so on the screen (one pass, no threads: the screen waits).
 *
 * This file has the state, the steps and their keys, and the state dump;
 * import_view.c draws, import_run.c checks and imports, import_map.c,
 * import_edit.c and import_save.c are the mapping editor. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "core/gates.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"


/* ---- small helpers ---- */

static char *xstrdup(const char *s)
{
	return strdup(s ? s : "");
}

/* A field as the importer reads it (without its padding), malloc'd. */
static char *trimmed_dup(const char *s, size_t n)
{
	const char *t;
	size_t tn;
	bl_import_trim(s, n, &t, &tn);
	return strndup(t, tn);
}

const char *imp_delim_name(char d)
{
	return d == '\t' ? "tab" : d == ';' ? ";" : d == ',' ? "," : "?";
}

/* A text from the file (a field, a code) for the screen: control
 * characters as blanks. */
void imp_clean(const char *s, char *out, size_t outsz)
{
	bl_text_printable(s, strlen(s), out, outsz);
}

/* "~" and "~/x" as the shell expands them; blanks around, and one pair
 * of quotes (what a file dropped into a terminal gets), taken off. */
void imp_expand_path(const char *typed, char *out, size_t outsz)
{
	char buf[4096];
	const char *s = typed;
	while (*s == ' ' || *s == '\t')
		s++;
	snprintf(buf, sizeof buf, "%s", s);
	size_t n = strlen(buf);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		buf[--n] = '\0';
	if (n >= 2 && (buf[0] == '\'' || buf[0] == '"') && buf[n - 1] == buf[0]) {
		buf[n - 1] = '\0';
		memmove(buf, buf + 1, n - 1);
	}
	if (buf[0] == '~' && (buf[1] == '\0' || buf[1] == '/')) {
		const char *home = getenv("HOME");
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : "";
		}
		snprintf(out, outsz, "%s%s", home, buf + 1);
	} else {
		snprintf(out, outsz, "%s", buf);
	}
}

const char *imp_profile_where(const bl_import_profile *p, char *buf, size_t bufsz)
{
	buf[0] = '\0';
	if (!p || !p->path || !p->path[0])
		return NULL;
	char real[PATH_MAX], shipped[PATH_MAX], sreal[PATH_MAX], rel[PATH_MAX + 16];
	const char *path = realpath(p->path, real) ? real : p->path;
	const char *b = strrchr(path, '/');
	snprintf(rel, sizeof rel, "import/%s", b ? b + 1 : path);
	if (bl_path_shipped(rel, shipped, sizeof shipped) == 0 && realpath(shipped, sreal) &&
	    strcmp(sreal, path) == 0)
		return NULL;
	snprintf(buf, bufsz, "%s", path);
	return buf;
}

void imp_msg_paths(const bl_import_profile *p, const char *msg, char *out, size_t outsz)
{
	const char *path = p && p->path && p->path[0] ? p->path : NULL;
	char where[PATH_MAX];
	const char *shown = path ? imp_profile_where(p, where, sizeof where) : NULL;
	if (path && !shown)
		shown = p->name;
	size_t o = 0, pn = path ? strlen(path) : 0;
	out[0] = '\0';
	for (const char *m = msg; *m && o + 1 < outsz;) {
		if (pn && strncmp(m, path, pn) == 0) {
			int k = snprintf(out + o, outsz - o, "%s", shown);
			o = k > 0 && o + (size_t)k < outsz ? o + (size_t)k : outsz - 1;
			m += pn;
		} else {
			out[o++] = *m++;
		}
	}
	out[o] = '\0';
}

bool imp_header_year(const tui *t, const char *h, int *year)
{
	for (const char *c = h; *c;) {
		if (*c < '0' || *c > '9') {
			c++;
			continue;
		}
		const char *e = c;
		while (*e >= '0' && *e <= '9')
			e++;
		if (e - c == 4) {
			int y = (c[0] - '0') * 1000 + (c[1] - '0') * 100 + (c[2] - '0') * 10 + (c[3] - '0');
			if (y >= t->info.budget_year && y < t->info.budget_year + t->info.n_years) {
				*year = y;
				return true;
			}
		}
		c = e;
	}
	return false;
}

const char *imp_version_title(const char *v)
{
	return strcmp(v, "proposal") == 0 ? _("proposal")
	       : strcmp(v, "first_reading") == 0 ? _("first reading")
						 : _("adopted budget");
}

/* The key of version v as the table has it (the profile's string is freed
 * with the profile). */
static const char *version_key(const char *v)
{
	for (size_t i = 0; i < bl_n_versions; i++)
		if (v && strcmp(v, bl_version_keys[i]) == 0)
			return bl_version_keys[i];
	return bl_version_keys[0];
}

/* ---- what was read ---- */

static void free_rows(imp_state *s)
{
	for (size_t i = 0; i < s->n_header; i++)
		free(s->header[i]);
	free(s->header);
	s->header = NULL;
	s->n_header = 0;
	for (size_t r = 0; r < s->n_rows; r++) {
		for (size_t i = 0; i < s->rows[r].n; i++)
			free(s->rows[r].field[i]);
		free(s->rows[r].field);
		free(s->rows[r].problem);
	}
	free(s->rows);
	s->rows = NULL;
	s->n_rows = 0;
}

static void free_profs(imp_state *s)
{
	for (size_t i = 0; i < s->n_profs; i++) {
		imp_prof *p = &s->profs[i];
		free(p->name);
		free(p->path);
		free(p->title);
		free(p->description);
		free(p->error);
		free(p->misfit);
	}
	free(s->profs);
	s->profs = NULL;
	s->n_profs = 0;
}

void imp_drop_run(imp_state *s)
{
	if (s->run_read)
		bl_import_free(&s->run);
	memset(&s->run, 0, sizeof s->run);
	s->run_read = false;
	s->checked = false;
	memset(&s->res, 0, sizeof s->res);
	s->run_err[0] = s->refused[0] = '\0';
	s->ttop = 0;
}

static void drop_preview(imp_state *s)
{
	if (s->prev_read)
		bl_import_free(&s->prev);
	memset(&s->prev, 0, sizeof s->prev);
	s->prev_read = false;
	s->prev_ok = false;
	free(s->items);
	s->items = NULL;
	s->n_items = 0;
}

static void close_file(imp_state *s)
{
	imp_drop_run(s);
	drop_preview(s);
	free_rows(s);
	bl_csv_close(s->csv);
	s->csv = NULL;
	free(s->base);
	s->base = NULL;
}

/* The header and the first rows, as the file has them. */
static int read_rows(imp_state *s, bl_err *err)
{
	free_rows(s);
	bl_csv_rewind(s->csv);
	bl_csv_row row;
	int r = bl_csv_next(s->csv, &row, err);
	if (r < 0)
		return -1;
	if (r == 0)
		return bl_err_set(err, _("'%s' has no header line; expected the column names on the first line"),
				  bl_csv_name(s->csv));
	if (row.problem)
		return bl_err_set(err, _("'%s' line %ld (the header): %s"), bl_csv_name(s->csv), row.line,
				  row.problem);
	s->header = calloc(row.n ? row.n : 1, sizeof *s->header);
	s->rows = calloc(IMP_PREVIEW_ROWS, sizeof *s->rows);
	if (!s->header || !s->rows)
		return bl_err_set(err, _("out of memory"));
	for (size_t i = 0; i < row.n; i++) {
		if (!(s->header[i] = trimmed_dup(row.field[i], row.len[i])))
			return bl_err_set(err, _("out of memory"));
		s->n_header++;
	}
	while (s->n_rows < IMP_PREVIEW_ROWS && (r = bl_csv_next(s->csv, &row, err)) == 1) {
		imp_row *ir = &s->rows[s->n_rows++];
		ir->line = row.line;
		if (row.problem && !(ir->problem = strdup(row.problem)))
			return bl_err_set(err, _("out of memory"));
		ir->field = calloc(row.n ? row.n : 1, sizeof *ir->field);
		if (!ir->field)
			return bl_err_set(err, _("out of memory"));
		for (size_t i = 0; i < row.n; i++) {
			if (!(ir->field[i] = trimmed_dup(row.field[i], row.len[i])))
				return bl_err_set(err, _("out of memory"));
			ir->n++;
		}
	}
	bl_csv_rewind(s->csv);
	return r < 0 ? -1 : 0;
}

int imp_col(const imp_state *s, const char *name)
{
	for (size_t i = 0; i < s->n_header; i++)
		if (strcmp(s->header[i], name) == 0)
			return (int)i;
	for (size_t i = 0; i < s->n_header; i++)
		if (strcasecmp(s->header[i], name) == 0)
			return (int)i;
	return -1;
}

const char *imp_field(const imp_state *s, size_t r, int col)
{
	if (r >= s->n_rows || col < 0 || (size_t)col >= s->rows[r].n)
		return "";
	return s->rows[r].field[col];
}

void imp_render(const imp_state *s, const bl_tmpl *tm, size_t r, char *buf, size_t bufsz)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < tm->n && o + 1 < bufsz; i++) {
		const char *v = tm->part[i].column ? imp_field(s, r, imp_col(s, tm->part[i].text))
						   : tm->part[i].text;
		int w = snprintf(buf + o, bufsz - o, "%s", v);
		if (w < 0)
			break;
		o += (size_t)w;
		if (o >= bufsz)
			o = bufsz - 1;
	}
}

/* Open the file as typed; on a refusal s->err says why (the core's
 * message: it names the file and says what is expected). */
static bool open_file(tui *t, imp_state *s, const char *typed)
{
	bl_err err = { { 0 } };
	char path[sizeof s->path];
	imp_expand_path(typed, path, sizeof path);
	s->err[0] = '\0';
	if (!path[0]) {
		snprintf(s->err, sizeof s->err, "%s", _("Type the path of a CSV file."));
		return false;
	}
	tui_msg(t, R_INFO, _("Reading %s…"), path);
	tui_draw(t);
	refresh();
	t->msg[0] = '\0';
	bl_csv_opts opts = { BL_ENC_AUTO, 0 };
	bl_csv *csv = NULL;
	if (bl_csv_open(path, &opts, &csv, &err) != 0) {
		snprintf(s->err, sizeof s->err, "%s", err.msg);
		return false;
	}
	close_file(s);
	s->csv = csv;
	s->csv_opts = opts;
	s->csv_mismatch = false;
	snprintf(s->path, sizeof s->path, "%s", path);
	snprintf(s->typed, sizeof s->typed, "%s", typed);
	const char *b = strrchr(path, '/');
	s->base = xstrdup(b && b[1] ? b + 1 : path);
	if (read_rows(s, &err) != 0) {
		snprintf(s->err, sizeof s->err, "%s", err.msg);
		close_file(s);
		return false;
	}
	/* The reject file beside the working directory: the export's own
	 * folder may not be writable. */
	size_t n = strlen(s->base);
	if (n > 4 && strcasecmp(s->base + n - 4, ".csv") == 0)
		n -= 4;
	snprintf(s->rejects, sizeof s->rejects, "./%.*s.rejected.csv", (int)n, s->base);
	s->rejects_written[0] = '\0';
	s->imported = false;
	/* Every file starts strict and replacing: an "add" or "lenient"
	 * chosen for the last file must not carry over (a whole budget
	 * added on top of itself doubles it).  A reject file, though, is
	 * rows of lines already in: it is added. */
	s->lenient = false;
	n = strlen(s->base);
	s->add = n > 13 && strcmp(s->base + n - 13, ".rejected.csv") == 0;
	if (s->add)
		tui_msg(t, R_INFO, "%s", _("A reject file: its rows are added to the budget (A on the check step: replace)."));
	return true;
}

/* ---- the profiles ---- */

static bool opts_differ(const imp_state *s, const bl_import_profile *p)
{
	return p->encoding != s->csv_opts.encoding || p->delimiter != s->csv_opts.delimiter;
}

/* Does profile p fit the file's header?  NULL, or why not (malloc'd). */
static char *misfit(tui *t, imp_state *s, bl_import_profile *p)
{
	bl_err err = { { 0 } };
	bl_csv *csv = s->csv, *own = NULL;
	if (opts_differ(s, p)) {
		bl_csv_opts o = { p->encoding, p->delimiter };
		if (bl_csv_open(s->path, &o, &own, &err) != 0)
			return xstrdup(err.msg);
		csv = own;
	}
	bl_import imp;
	bl_csv_rewind(csv);
	int rc = bl_import_read_n(&imp, p, csv, t->def, 1, &err);
	bl_import_free(&imp);
	bl_csv_rewind(csv);
	bl_csv_close(own);
	if (rc == 0)
		return NULL;
	char shown[sizeof err.msg + 256];
	imp_msg_paths(p, err.msg, shown, sizeof shown);
	return xstrdup(shown);
}

void imp_load_profiles(tui *t, imp_state *s)
{
	free_profs(s);
	bl_err err = { { 0 } };
	char **names = NULL;
	size_t n = 0;
	if (bl_import_profile_list(&names, &n, &err) != 0) {
		snprintf(s->err, sizeof s->err, "%s", err.msg);
		return;
	}
	s->profs = calloc(n ? n : 1, sizeof *s->profs);
	if (!s->profs) {
		bl_import_profile_list_free(names, n);
		return;
	}
	char home[1024] = "", mine[1100] = "";
	if (bl_path_config_home(home, sizeof home) == 0)
		snprintf(mine, sizeof mine, "%s/import/", home);
	for (size_t i = 0; i < n; i++) {
		imp_prof *ip = &s->profs[s->n_profs++];
		char path[4096];
		ip->name = xstrdup(names[i]);
		bl_import_profile *p = NULL;
		if (bl_import_profile_find(names[i], path, sizeof path, &err) != 0 ||
		    bl_import_profile_load_file(path, &p, &err) != 0) {
			ip->error = xstrdup(err.msg);
			ip->path = xstrdup(path);
			ip->title = xstrdup("");
			continue;
		}
		ip->path = xstrdup(path);
		ip->user = mine[0] && strncmp(path, mine, strlen(mine)) == 0;
		ip->title = xstrdup(p->title);
		ip->description = p->description ? xstrdup(p->description) : NULL;
		if (s->csv)
			ip->misfit = misfit(t, s, p);
		bl_import_profile_free(p);
	}
	bl_import_profile_list_free(names, n);
	/* The first that fits is where the cursor starts. */
	s->psel = 0;
	for (size_t i = 0; i < s->n_profs; i++)
		if (!s->profs[i].error && !s->profs[i].misfit) {
			s->psel = (int)i;
			break;
		}
	s->ptop = 0;
}

void imp_set_profile(tui *t, imp_state *s, bl_import_profile *p, bool is_new)
{
	imp_drop_run(s);
	drop_preview(s);
	bl_import_profile_free(s->prof);
	s->prof = p;
	s->prof_new = is_new;
	s->prof_edited = is_new;
	s->version = version_key(p ? p->version : NULL);
	s->sel = s->top = s->hcol = 0;
	s->rsel = s->rtop = 0;
	s->csv_mismatch = false;
	/* The profile may say how the file is read (an encoding, a
	 * delimiter): open it so. */
	if (p && s->csv && opts_differ(s, p)) {
		bl_err err = { { 0 } };
		bl_csv_opts o = { p->encoding, p->delimiter };
		bl_csv *csv = NULL;
		if (bl_csv_open(s->path, &o, &csv, &err) != 0) {
			s->csv_mismatch = true;
			snprintf(s->mismatch_err, sizeof s->mismatch_err, _("The profile reads the file as %s, delimiter '%s': %s"),
				 bl_encoding_name(o.encoding), o.delimiter ? imp_delim_name(o.delimiter) : _("auto"), err.msg);
		} else {
			bl_csv_close(s->csv);
			s->csv = csv;
			s->csv_opts = o;
			if (read_rows(s, &err) != 0) {
				s->csv_mismatch = true;
				snprintf(s->mismatch_err, sizeof s->mismatch_err, "%s", err.msg);
			}
		}
	}
	imp_preview(t, s);
}

/* ---- the preview ---- */

static int by_line(const void *a, const void *b)
{
	const imp_item *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (int)x->reject - (int)y->reject;
}

size_t imp_view_count(const imp_state *s)
{
	return s->raw_view ? s->n_rows : s->n_items;
}

void imp_clamp_sel(imp_state *s)
{
	int n = (int)imp_view_count(s);
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < 0)
		s->sel = 0;
	int page = s->page > 0 ? s->page : 1;
	if (s->top > s->sel)
		s->top = s->sel;
	if (s->sel >= s->top + page)
		s->top = s->sel - page + 1;
	if (s->top > n - page)
		s->top = n - page;
	if (s->top < 0)
		s->top = 0;
}

void imp_preview(tui *t, imp_state *s)
{
	imp_drop_run(s);
	drop_preview(s);
	s->prev_err[0] = '\0';
	if (!s->csv || !s->prof)
		return;
	if (s->csv_mismatch) {
		snprintf(s->prev_err, sizeof s->prev_err, "%s", s->mismatch_err);
		return;
	}
	bl_err err = { { 0 } };
	bl_csv_rewind(s->csv);
	s->prev_read = true;
	if (bl_import_read_n(&s->prev, s->prof, s->csv, t->def, IMP_PREVIEW_ROWS, &err) != 0)
		imp_msg_paths(s->prof, err.msg, s->prev_err, sizeof s->prev_err);
	else
		s->prev_ok = true;
	bl_csv_rewind(s->csv);
	size_t n = s->prev.n_lines + s->prev.n_rejects;
	s->items = calloc(n ? n : 1, sizeof *s->items);
	if (!s->items)
		return;
	for (size_t i = 0; i < s->prev.n_lines; i++)
		s->items[s->n_items++] = (imp_item){ false, i, s->prev.lines[i].first_row };
	for (size_t i = 0; i < s->prev.n_rejects; i++)
		s->items[s->n_items++] = (imp_item){ true, i, s->prev.rejects[i].line };
	qsort(s->items, s->n_items, sizeof *s->items, by_line);
	imp_clamp_sel(s);
}

/* ---- the steps ---- */

static void to_profiles(tui *t, imp_state *s)
{
	imp_load_profiles(t, s);
	/* The profile in use stays where the cursor is. */
	for (size_t i = 0; s->prof && !s->prof_new && i < s->n_profs; i++)
		if (strcmp(s->profs[i].name, s->prof->name) == 0)
			s->psel = (int)i;
	s->step = IS_PROFILE;
}

static void ask_file(tui *t, imp_state *s)
{
	char text[1024];
	if (tui_prompt(t, _("CSV file: "), s->typed, text, sizeof text, NULL, NULL) != 1)
		return;
	snprintf(s->typed, sizeof s->typed, "%s", text);
	if (open_file(t, s, text)) {
		tui_msg(t, R_INFO,
			ngettext("%s: %zu column; now the profile that maps it.", "%s: %zu columns; now the profile that maps them.",
				 (unsigned long)s->n_header),
			s->base, s->n_header);
		to_profiles(t, s);
	} else {
		tui_msg(t, R_ERROR, "%s", s->err);
	}
}

/* Unsaved changes to the mapping: may they go? */
static bool may_discard(tui *t, imp_state *s)
{
	if (!s->prof || !s->prof_edited)
		return true;
	return tui_confirm(t, _("The mapping has changes that are not saved (S in the editor saves them). Discard them?"));
}

static bool take_profile(tui *t, imp_state *s, bool edit)
{
	if (s->psel == (int)s->n_profs) {
		if (!may_discard(t, s))
			return true;
		bl_import_profile *p = imp_map_guess(t, s);
		if (!p) {
			tui_msg(t, R_ERROR, "%s", _("out of memory"));
			return true;
		}
		imp_set_profile(t, s, p, true);
		s->step = IS_MAP;
		tui_msg(t, R_INFO, "%s", _("A mapping guessed from the columns: Enter on a role changes it."));
		return true;
	}
	const imp_prof *ip = &s->profs[s->psel];
	if (ip->error) {
		tui_msg(t, R_ERROR, "%s", ip->error);
		return true;
	}
	if (!may_discard(t, s))
		return true;
	bl_err err = { { 0 } };
	bl_import_profile *p = NULL;
	if (bl_import_profile_load_file(ip->path, &p, &err) != 0) {
		tui_msg_err(t, &err);
		return true;
	}
	imp_set_profile(t, s, p, false);
	s->step = edit ? IS_MAP : IS_PREVIEW;
	if (s->prev_ok)
		tui_msg(t, R_INFO, _("Profile %s: the first %" PRId64 " rows make %zu lines, %zu rejected."), p->name,
			s->prev.rows, s->prev.n_lines, s->prev.n_rejects);
	else
		tui_msg(t, R_ERROR, "%s", s->prev_err);
	return true;
}

static bool move_sel(tui_act a, int *sel, int *top, int page, int n)
{
	int step = page > 1 ? page - 1 : 1;
	switch (a) {
	case ACT_DOWN: (*sel)++; break;
	case ACT_UP: (*sel)--; break;
	case ACT_PGDN: *sel += step; *top += step; break;
	case ACT_PGUP: *sel -= step; *top -= step; break;
	case ACT_HOME: *sel = 0; break;
	case ACT_END: *sel = n - 1; break;
	default: return false;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (*top > *sel)
		*top = *sel;
	if (*top < 0)
		*top = 0;
	return true;
}

static bool i_act(tui *t, void *st, tui_act a)
{
	imp_state *s = st;
	if (s->step == IS_MAP && imp_map_act(t, s, a))
		return true;
	if (a == ACT_BACK) {
		switch (s->step) {
		case IS_FILE: return false;
		case IS_PROFILE: s->step = IS_FILE; return true;
		case IS_PREVIEW: to_profiles(t, s); return true;
		default: s->step = IS_PREVIEW; return true;
		}
	}
	if (a == ACT_IMP_SAME) {
		if (s->step != IS_PREVIEW && s->step != IS_CHECK) {
			tui_msg(t, R_DIM, "%s", _("s: on the preview and the check, once a profile is chosen."));
			return true;
		}
		if (imp_map_toggle_same(t, s) && s->step == IS_CHECK)
			imp_run_check(t, s);
		return true;
	}
	if (a == ACT_IMP_VERSION || a == ACT_IMP_LENIENT || a == ACT_IMP_MODE) {
		if (s->step != IS_CHECK) {
			tui_msg(t, R_DIM, "%s", _("v, A and l choose the version, replace or add, and strictness on the check step (Enter on the preview)."));
			return true;
		}
		if (a == ACT_IMP_VERSION) {
			imp_next_version(t, s);
			imp_run_check(t, s); /* what is replaced depends on it */
		} else if (a == ACT_IMP_MODE) {
			imp_toggle_add(t, s);
		} else {
			imp_toggle_lenient(t, s);
		}
		return true;
	}
	switch (s->step) {
	case IS_FILE:
		if (a == ACT_IMP_NEXT) {
			ask_file(t, s);
			return true;
		}
		break;
	case IS_PROFILE: {
		int n = (int)s->n_profs + 1;
		if (move_sel(a, &s->psel, &s->ptop, s->ppage, n))
			return true;
		if (a == ACT_IMP_NEXT || a == ACT_IMP_MAP)
			return take_profile(t, s, a == ACT_IMP_MAP);
		break;
	}
	case IS_PREVIEW: {
		if (move_sel(a, &s->sel, &s->top, s->page, (int)imp_view_count(s))) {
			imp_clamp_sel(s);
			return true;
		}
		if (a == ACT_IMP_RAW) {
			/* Stay on the same line of the file. */
			long line = 0;
			if (!s->raw_view && (size_t)s->sel < s->n_items)
				line = s->items[s->sel].line;
			else if (s->raw_view && (size_t)s->sel < s->n_rows)
				line = s->rows[s->sel].line;
			s->raw_view = !s->raw_view;
			s->sel = 0;
			if (s->raw_view) {
				for (size_t r = 0; r < s->n_rows; r++)
					if (s->rows[r].line <= line)
						s->sel = (int)r;
			} else {
				for (size_t i = 0; i < s->n_items; i++)
					if (s->items[i].line <= line)
						s->sel = (int)i;
			}
			imp_clamp_sel(s);
			return true;
		}
		if (a == ACT_IMP_LEFT || a == ACT_IMP_RIGHT) {
			if (!s->raw_view) {
				tui_msg(t, R_DIM, "%s", _("←/→ move the raw columns sideways (r shows them)."));
				return true;
			}
			s->hcol += a == ACT_IMP_LEFT ? -1 : 1;
			if (s->hcol < 0)
				s->hcol = 0;
			if (s->hcol >= (int)s->n_header)
				s->hcol = s->n_header ? (int)s->n_header - 1 : 0;
			return true;
		}
		if (a == ACT_IMP_MAP) {
			s->step = IS_MAP;
			return true;
		}
		if (a == ACT_IMP_NEXT) {
			if (!s->prev_ok) {
				tui_msg(t, R_ERROR, "%s", s->prev_err[0] ? s->prev_err : _("The profile does not fit the file."));
				return true;
			}
			imp_run_check(t, s);
			return true;
		}
		break;
	}
	case IS_CHECK:
	case IS_DONE: {
		int page = s->tpage > 1 ? s->tpage - 1 : 1;
		switch (a) {
		case ACT_DOWN: s->ttop++; return true;
		case ACT_UP: s->ttop -= s->ttop > 0; return true;
		case ACT_PGDN: s->ttop += page; return true;
		case ACT_PGUP: s->ttop = s->ttop > page ? s->ttop - page : 0; return true;
		case ACT_HOME: s->ttop = 0; return true;
		case ACT_END: s->ttop = s->trows; return true; /* the draw clamps */
		default: break;
		}
		if (a == ACT_IMP_MAP) {
			s->step = IS_MAP;
			return true;
		}
		if (a == ACT_IMP_NEXT) {
			if (s->step == IS_DONE) {
				s->step = IS_FILE;
				return true;
			}
			if (s->run_err[0] && !(s->run_read && s->run.header)) {
				tui_msg(t, R_ERROR, "%s", s->run_err);
				return true;
			}
			imp_run_import(t, s);
			return true;
		}
		break;
	}
	default:
		break;
	}
	if (a == ACT_IMP_NEXT || a == ACT_IMP_RAW || a == ACT_IMP_MAP || a == ACT_IMP_ADD || a == ACT_IMP_REMOVE ||
	    a == ACT_IMP_SAVE || a == ACT_IMP_LEFT || a == ACT_IMP_RIGHT) {
		tui_msg(t, R_DIM, "%s", s->step == IS_FILE ? _("First the file: Enter types its path.")
							   : _("Not on this step; the line above the status bar says what is."));
		return true;
	}
	return false;
}

/* ---- the screen ---- */

static void *i_open(tui *t)
{
	(void)t;
	imp_state *s = calloc(1, sizeof *s);
	if (!s) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return NULL;
	}
	s->version = bl_version_keys[0];
	return s;
}

static void i_close(void *st)
{
	imp_state *s = st;
	close_file(s);
	free_profs(s);
	bl_import_profile_free(s->prof);
	free(s);
}

static void i_reload(tui *t, void *st)
{
	/* The file is the file; what changes with the database is what the
	 * check said would happen, which the next check says again. */
	(void)t;
	(void)st;
}

static void i_dump(tui *t, void *st, FILE *f)
{
	imp_state *s = st;
	static const char *const steps[] = { "file", "profile", "preview", "mapping", "check", "done" };
	fprintf(f, "import.step=%s\n", steps[s->step]);
	fprintf(f, "import.file=%s\n", s->csv ? s->path : "");
	fprintf(f, "import.error=%s\n", s->err);
	if (s->csv) {
		fprintf(f, "import.encoding=%s\nimport.bom=%s\nimport.delimiter=%s\nimport.columns=%zu\n",
			bl_encoding_name(bl_csv_encoding(s->csv)), bl_csv_bom(s->csv) ? "yes" : "no",
			imp_delim_name(bl_csv_delimiter(s->csv)), s->n_header);
	}
	if (s->step == IS_PROFILE) {
		fprintf(f, "import.profiles=");
		for (size_t i = 0; i < s->n_profs; i++)
			fprintf(f, "%s%s%s", i ? "," : "", s->profs[i].name,
				s->profs[i].error ? "(error)" : s->profs[i].misfit ? "(misfit)" : "");
		fprintf(f, "\nimport.profile_selected=%s\n",
			s->psel < (int)s->n_profs ? s->profs[s->psel].name : "new");
	}
	fprintf(f, "import.profile=%s\n", s->prof ? s->prof->name : "");
	if (s->prof) {
		/* Where the summary says the profile is. */
		char where[PATH_MAX];
		const char *wh = s->prof_new ? "" : imp_profile_where(s->prof, where, sizeof where);
		fprintf(f, "import.profile_where=%s\n", wh ? wh : "shipped");
	}
	fprintf(f, "import.profile_edited=%s\n", s->prof_edited ? "yes" : "no");
	fprintf(f, "import.mode=%s\nimport.lenient=%s\n", s->add ? "add" : "replace",
		s->lenient ? "yes" : "no");
	if (s->prof) {
		fprintf(f, "import.same_line=%s\n", s->prof->same_line == BL_SAME_SUBLINES ? "sublines" : "sum");
		fprintf(f, "import.view=%s\n", s->raw_view ? "raw" : "lines");
		fprintf(f, "import.preview_error=%s\n", s->prev_err);
		fprintf(f, "import.rows_previewed=%" PRId64 "\nimport.lines_previewed=%zu\nimport.rejected_previewed=%zu\n",
			s->prev.rows, s->prev.n_lines, s->prev.n_rejects);
		if (s->raw_view && (size_t)s->sel < s->n_rows)
			fprintf(f, "import.selected=row %ld\n", s->rows[s->sel].line);
		else if (!s->raw_view && (size_t)s->sel < s->n_items) {
			const imp_item *it = &s->items[s->sel];
			if (it->reject)
				fprintf(f, "import.selected=rejected %ld: %s\n", it->line, s->prev.rejects[it->idx].reason);
			else
				fprintf(f, "import.selected=line %s\n", s->prev.lines[it->idx].code);
		}
		fprintf(f, "import.version=%s\nimport.rejects_file=%s\n", s->version, s->rejects);
	}
	if (s->step == IS_MAP)
		imp_map_dump(s, f);
	if (s->step == IS_CHECK || s->step == IS_DONE) {
		fprintf(f, "import.checked=%s\nimport.run_error=%s\n", s->checked ? "yes" : "no", s->run_err);
		if (s->run_read && s->run.header) {
			const bl_import *r = &s->run;
			const bl_bulk_counts *c = &s->res.counts;
			fprintf(f, "import.rows=%" PRId64 "\nimport.lines=%zu\nimport.rejected=%zu\n", r->rows, r->n_lines,
				r->n_rejects);
			if (s->checked || s->step == IS_DONE)
				fprintf(f, "import.created=%" PRId64 "\nimport.updated=%" PRId64 "\nimport.removed=%" PRId64
					   "\nimport.areas=%" PRId64 "\nimport.replaced=%" PRId64 "\n",
					c->lines_created, c->lines_updated, c->lines_removed, c->areas, c->amounts_replaced);
			for (int y = 0; y < r->n_years; y++) {
				bl_money v;
				if (r->year_seen[y] && bl_import_year_sum(r, y, &v))
					fprintf(f, "import.sum.%d=%" PRId64 "\n", r->first_year + y, v);
			}
			for (size_t i = 0; i < r->n_rejects && i < 20; i++)
				fprintf(f, "import.reject.%ld=%s\n", r->rejects[i].line, r->rejects[i].reason);
		}
	}
	fprintf(f, "import.imported=%s\n", s->imported ? "yes" : "no");
	if (s->imported)
		fprintf(f, "import.rejects_written=%s\nimport.done_error=%s\n", s->rejects_written, s->done_err);
	(void)t;
}

const tui_screen_ops tui_screen_import = {
	.id = SCR_IMPORT, .name = "import", .title = N_("Import"),
	.open = i_open, .close = i_close, .reload = i_reload, .draw = imp_draw,
	.act = i_act, .dump = i_dump,
};

