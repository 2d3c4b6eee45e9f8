/* import_run.c: the import screen's check (a dry run of the whole file
 * through the store) and the import itself, with its choices: the
 * version, strict or lenient, and the reject file.  The same calls as
 * `budgetlab import` (cmd_import.c): bl_import_read, bl_store_import,
 * bl_import_write_rejects. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "core/gates.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"

/* Said on the screen before a long pass over the file: there are no
 * threads, so the screen shows this until the pass is done. */
static void say_busy(tui *t, imp_state *s, const char *what)
{
	s->busy = what;
	tui_msg(t, R_INFO, "%s", what);
	tui_draw(t);
	refresh();
}

unsigned imp_flags(const imp_state *s, bool lenient)
{
	return (lenient ? BL_IMPORT_LENIENT : 0) | (s->add ? BL_IMPORT_ADD : 0);
}

/* What to do when rows are rejected and the import is strict: it would
 * change nothing, so it is not offered. */
static void say_rejected(tui *t, imp_state *s)
{
	size_t n = s->run.n_rejects;
	tui_msg(t, R_FAIL,
		ngettext("%zu rejected row: l imports the others, it goes to a file; or fix the file.",
			 "%zu rejected rows: l imports the others, these go to a file; or fix the file.",
			 (unsigned long)n),
		n);
}

void imp_run_check(tui *t, imp_state *s)
{
	imp_drop_run(s);
	s->step = IS_CHECK;
	s->ttop = 0;
	if (t->readonly)
		return;
	say_busy(t, s, _("Checking… (this may take a few seconds)"));
	bl_err err = { { 0 } };
	bl_csv_rewind(s->csv);
	s->run_read = true;
	s->run_same = (int)s->prof->same_line;
	if (bl_import_read(&s->run, s->prof, s->csv, t->def, &err) != 0) {
		s->busy = NULL;
		imp_msg_paths(s->prof, err.msg, s->run_err, sizeof s->run_err);
		tui_msg(t, R_ERROR, "%s", s->run_err);
		return;
	}
	/* Lenient here, whatever the choice: the counts are wanted even
	 * when rows are rejected; the import itself is as chosen. */
	int r = bl_store_import(t->store, &s->run, s->version, s->base,
				imp_flags(s, true) | BL_IMPORT_DRY_RUN, &s->res, &err);
	s->busy = NULL;
	if (r < 0) {
		imp_msg_paths(s->prof, err.msg, s->run_err, sizeof s->run_err);
		tui_msg(t, R_ERROR, "%s", s->run_err);
		return;
	}
	s->checked = true;
	if (s->run.n_rejects && !s->lenient)
		tui_msg(t, R_FAIL, _("Checked: %zu of %" PRId64 " rows are rejected (listed below); l imports the others."),
			s->run.n_rejects, s->run.rows);
	else if (s->run.n_rejects)
		tui_msg(t, R_FAIL, _("Checked: %zu of %" PRId64 " rows are rejected (listed below); nothing was changed."),
			s->run.n_rejects, s->run.rows);
	else
		tui_msg(t, R_INFO, _("Checked: %" PRId64 " rows, %zu lines, none rejected; nothing was changed."), s->run.rows,
			s->run.n_lines);
}

void imp_run_import(tui *t, imp_state *s)
{
	if (t->readonly) {
		tui_msg(t, R_LOCKED, _("'%s' is open read-only: imports need a read-write open."), t->path);
		return;
	}
	if (!s->checked) {
		imp_run_check(t, s);
		return;
	}
	char q[512];
	size_t rej = s->run.n_rejects;
	if (rej && !s->lenient) {
		/* A strict import with rejects would change nothing: say
		 * what does, and ask nothing (the next key is the user's). */
		say_rejected(t, s);
		return;
	}
	const char *vt = imp_version_title(s->version);
	if (rej && s->add)
		snprintf(q, sizeof q, _("Add %zu lines' amounts to the %s, %zu rejected rows to a file?"),
			 s->run.n_lines, vt, rej);
	else if (rej)
		snprintf(q, sizeof q, _("Replace the %s with %zu lines, %zu rejected rows to a file?"), vt,
			 s->run.n_lines, rej);
	else if (s->add)
		snprintf(q, sizeof q, _("Add %zu lines' amounts to the %s? Its other lines stay."), s->run.n_lines, vt);
	else if (s->res.counts.lines_removed > 0)
		snprintf(q, sizeof q, _("Import %zu lines, replacing the %s: %" PRId64 " lines not in the file are removed?"),
			 s->run.n_lines, vt, s->res.counts.lines_removed);
	else
		snprintf(q, sizeof q, _("Import %zu lines, replacing the %s?"), s->run.n_lines, vt);
	if (!tui_confirm(t, q)) {
		tui_msg(t, R_DIM, "%s", _("Nothing was imported."));
		return;
	}
	bl_err err = { { 0 } };
	/* The check's reading serves again unless the store changed it: it
	 * rejects the rows of areas the process lacks when the profile may
	 * not create them, and the sum/sub-line choice may have changed. */
	if (!s->prof->new_areas || s->run_same != (int)s->prof->same_line) {
		say_busy(t, s, _("Reading the file again… (this may take a few seconds)"));
		bl_import_free(&s->run);
		bl_csv_rewind(s->csv);
		s->run_same = (int)s->prof->same_line;
		if (bl_import_read(&s->run, s->prof, s->csv, t->def, &err) != 0) {
			s->busy = NULL;
			imp_msg_paths(s->prof, err.msg, s->run_err, sizeof s->run_err);
			s->checked = false;
			tui_msg(t, R_ERROR, "%s", s->run_err);
			return;
		}
	}
	say_busy(t, s, _("Importing… (this may take a few seconds)"));
	bl_import_result res;
	int r = bl_store_import(t->store, &s->run, s->version, s->base, imp_flags(s, s->lenient), &res, &err);
	s->busy = NULL;
	if (r < 0) {
		char m[sizeof s->run_err];
		imp_msg_paths(s->prof, err.msg, m, sizeof m);
		snprintf(s->run_err, sizeof s->run_err, _("%s; nothing was changed."), m);
		tui_msg(t, R_ERROR, "%s", s->run_err);
		s->checked = false;
		return;
	}
	if (r == 1) {
		snprintf(s->refused, sizeof s->refused,
			 _("%zu of %" PRId64 " rows were rejected, so nothing was imported and '%s' is unchanged; l imports the others and writes the rejected rows to a file; or fix the file."),
			 s->run.n_rejects, s->run.rows, t->path);
		tui_msg(t, R_ERROR, "%s", s->refused);
		return;
	}
	s->res = res;
	s->imported = true;
	s->checked = false; /* the budget changed: a new import checks again */
	s->done_err[0] = s->rejects_written[0] = '\0';
	s->step = IS_DONE;
	s->ttop = 0;
	if (s->lenient && s->run.n_rejects) {
		char path[sizeof s->rejects];
		imp_expand_path(s->rejects, path, sizeof path);
		if (bl_import_write_rejects(&s->run, path, &err) != 0)
			snprintf(s->done_err, sizeof s->done_err,
				 _("The import was done, but the rejected rows could not be written: %s"), err.msg);
		else
			snprintf(s->rejects_written, sizeof s->rejects_written, "%s", path);
	}
	int64_t gone = s->res.counts.lines_removed;
	if (s->done_err[0])
		tui_msg(t, R_ERROR, "%s", s->done_err);
	else if (gone)
		/* Loud: lines the user may have wanted are gone. */
		tui_msg(t, R_FAIL,
			ngettext("Imported %zu lines into the %s; %" PRId64 " line not in the file was removed.",
				 "Imported %zu lines into the %s; %" PRId64 " lines not in the file were removed.",
				 (unsigned long)gone),
			s->run.n_lines, vt, gone);
	else if (s->add && strcmp(s->version, t->version) == 0)
		tui_msg(t, R_INFO, _("Added %zu lines to the %s; 2 shows the budget."), s->run.n_lines, vt);
	else if (s->add)
		tui_msg(t, R_INFO, _("Added %zu lines to the %s; 2 shows the budget, v there the %s."), s->run.n_lines, vt, vt);
	else if (strcmp(s->version, t->version) == 0)
		tui_msg(t, R_INFO, _("Imported %zu lines into the %s; 2 shows the budget."), s->run.n_lines, vt);
	else
		/* The screens show another version: say how to see this one. */
		tui_msg(t, R_INFO, _("Imported %zu lines into the %s; 2 shows the budget, v there the %s."),
			s->run.n_lines, vt, vt);
}

/* The reject file's path: not a folder, not the file being imported, in
 * a folder that exists; an existing file is replaced after a question. */
typedef struct rej_ctx {
	imp_state *s;
} rej_ctx;

static const char *valid_rejects(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	rej_ctx *c = ctx;
	char path[4096], dir[4096];
	imp_expand_path(text, path, sizeof path);
	if (!path[0]) {
		snprintf(msg, msgsz, "%s", _("Type the path of the file for the rejected rows."));
		return msg;
	}
	struct stat st, in;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(msg, msgsz, _("'%s' is a folder; expected a file name, e.g. %s/rejected.csv"), path, path);
			return msg;
		}
		if (stat(c->s->path, &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
			snprintf(msg, msgsz, "%s", _("That is the file being imported; expected another file."));
			return msg;
		}
	}
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash) {
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			snprintf(msg, msgsz, _("There is no folder '%s'; expected the path of a file in a folder that exists."), dir);
			return msg;
		}
	}
	return NULL;
}

void imp_toggle_lenient(tui *t, imp_state *s)
{
	if (s->lenient) {
		s->lenient = false;
		tui_msg(t, R_INFO, "%s", _("Strict: with any rejected row the import changes nothing."));
		return;
	}
	if (s->checked && s->run.n_rejects) {
		char text[sizeof s->rejects];
		rej_ctx c = { s };
		if (tui_prompt(t, _("Rejected rows go to: "), s->rejects, text, sizeof text, valid_rejects, &c) != 1) {
			tui_msg(t, R_DIM, "%s", _("Still strict."));
			return;
		}
		char path[4096];
		struct stat st;
		imp_expand_path(text, path, sizeof path);
		if (stat(path, &st) == 0) {
			char q[4300];
			snprintf(q, sizeof q, _("'%s' exists. Replace it with the rejected rows when importing?"), path);
			if (!tui_confirm(t, q)) {
				tui_msg(t, R_DIM, "%s", _("Still strict."));
				return;
			}
		}
		snprintf(s->rejects, sizeof s->rejects, "%s", text);
	}
	s->lenient = true;
	if (s->checked && s->run.n_rejects)
		tui_msg(t, R_INFO, _("Lenient: the %zu rejected rows go to %s."), s->run.n_rejects,
			s->rejects);
	else
		tui_msg(t, R_INFO, "%s", _("Lenient: the sound rows are imported, the rejected ones written to a file."));
}

void imp_next_version(tui *t, imp_state *s)
{
	for (size_t i = 0; i < bl_n_versions; i++)
		if (strcmp(s->version, bl_version_keys[i]) == 0) {
			s->version = bl_version_keys[(i + 1) % bl_n_versions];
			break;
		}
	tui_msg(t, R_INFO, s->add ? _("The import adds to the %s.") : _("The import replaces the %s."),
		imp_version_title(s->version));
}

void imp_toggle_add(tui *t, imp_state *s)
{
	s->add = !s->add;
	imp_run_check(t, s); /* what is replaced depends on it */
	if (s->run_err[0])
		return;
	if (s->add)
		tui_msg(t, R_INFO, _("Add to the %s: the file's amounts are added, its other lines stay."),
			imp_version_title(s->version));
	else
		tui_msg(t, R_INFO, _("Replace the %s: its lines that are not in the file are removed."),
			imp_version_title(s->version));
}

