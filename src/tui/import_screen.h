/* import_screen.h: what the import screen (screen_import.c) and its
 * mapping editor (import_map.c) share.  Not for other screens. */
#ifndef BL_TUI_IMPORT_SCREEN_H
#define BL_TUI_IMPORT_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/csv_read.h"
#include "core/import.h"
#include "store/import_store.h"
#include "tui/tui.h"

/* Rows the preview reads: enough to see a file's shape, few enough that a
 * file of a million rows shows at once (the check reads them all). */
#define IMP_PREVIEW_ROWS 50
/* Rejected rows listed on the check step; the reject file has them all. */
#define IMP_LISTED_REJECTS 500

enum imp_step { IS_FILE, IS_PROFILE, IS_PREVIEW, IS_MAP, IS_CHECK, IS_DONE };

/* A row of the file as it is: its fields in UTF-8 (the raw view, and the
 * mapping editor's samples). */
typedef struct imp_row {
	long line;
	size_t n;
	char **field;
	char *problem;   /* why the row could not be split, or NULL */
} imp_row;

/* An import profile in the list of step 2. */
typedef struct imp_prof {
	char *name, *path, *title, *description;
	char *error;     /* it cannot be loaded: why */
	char *misfit;    /* it does not fit the file: why (NULL: it fits) */
	bool user;       /* the user's own (~/.config/budgetlab/import) */
} imp_prof;

/* A row of the preview: a line built from the first rows, or a rejected
 * row, in the order of the file. */
typedef struct imp_item {
	bool reject;
	size_t idx;      /* into prev.lines or prev.rejects */
	long line;       /* in the file */
} imp_item;

typedef struct imp_state {
	int step;
	/* step 1: the file */
	char typed[1024];        /* the path as typed */
	char path[4096];         /* ~ expanded */
	char *base;              /* the file's name without folders */
	bl_csv *csv;
	bl_csv_opts csv_opts;    /* what it was opened with */
	bool csv_mismatch;       /* the profile's encoding or delimiter failed */
	char mismatch_err[2048];
	char err[2048];          /* the step's own error, shown in the body */
	char **header;
	size_t n_header;
	imp_row *rows;           /* the first IMP_PREVIEW_ROWS data rows */
	size_t n_rows;
	/* step 2: the profiles */
	imp_prof *profs;
	size_t n_profs;
	int psel, ptop, ppage;   /* psel == n_profs: "a new mapping" */
	/* the mapping */
	bl_import_profile *prof;
	bool prof_new;           /* made on this screen, not loaded */
	bool prof_edited;        /* changed since it was loaded or saved */
	/* step 3: the preview */
	bl_import prev;
	bool prev_read;          /* prev holds a reading (to be freed) */
	bool prev_ok;
	char prev_err[2048];
	imp_item *items;
	size_t n_items;
	int sel, top, page;
	bool raw_view;
	int hcol;                /* the raw view's first column shown */
	int hlast;               /* and its last (1-based), as drawn */
	/* the mapping editor */
	int rsel, rtop, rpage;
	/* step 4: the check, and step 5: the import */
	bl_import run;           /* the whole file, read for the check */
	bool run_read;           /* run holds a reading of the file */
	bool checked;            /* the dry run went through */
	int run_same;            /* same_line when run was read */
	bl_import_result res;
	char run_err[2048];      /* the reading or the store refused */
	char refused[1024];      /* the last import was refused: why */
	const char *busy;        /* what is being done now (drawn meanwhile) */
	const char *version;     /* the version imported into */
	bool add;                /* add to it (BL_IMPORT_ADD), not replace it */
	bool lenient;
	char rejects[4096];      /* where a lenient import writes them */
	int ttop, tpage, trows;  /* the check's text, scrolled */
	/* after the import */
	bool imported;           /* an import was written */
	char rejects_written[4096];
	char done_err[2048];
} imp_state;

/* screen_import.c */
/* The column of the header by name (as the core finds it: exact, then
 * ignoring case), -1 if there is none. */
int imp_col(const imp_state *s, const char *name);
/* A field of data row r (0-based), trimmed as the importer trims it;
 * "" when the row has no such field. */
const char *imp_field(const imp_state *s, size_t r, int col);
/* What a template gives on data row r, into buf. */
void imp_render(const imp_state *s, const bl_tmpl *tm, size_t r, char *buf, size_t bufsz);
/* Apply the mapping to the first rows again (after any change). */
void imp_preview(tui *t, imp_state *s);
/* Drop what was read with the whole file (the mapping changed). */
void imp_drop_run(imp_state *s);
/* Put profile p in place of the current one (taking it). */
void imp_set_profile(tui *t, imp_state *s, bl_import_profile *p, bool is_new);
/* Read the list of profiles again (after one was saved). */
void imp_load_profiles(tui *t, imp_state *s);
/* Rows of the preview's current view, and the selection kept in it. */
size_t imp_view_count(const imp_state *s);
void imp_clamp_sel(imp_state *s);
/* Text from a file for the screen: control characters as blanks; a
 * rejected row's bytes decoded from the file's encoding first. */
void imp_clean(const char *s, char *out, size_t outsz);
/* Where profile p is, for the screen: NULL for a shipped one (its name
 * says it), else its path as realpath(3) gives it; into buf. */
const char *imp_profile_where(const bl_import_profile *p, char *buf, size_t bufsz);
/* msg with profile p's path as imp_profile_where shows it, or its name
 * for a shipped one (a message of the core names the path as found). */
void imp_msg_paths(const bl_import_profile *p, const char *msg, char *out, size_t outsz);
/* Does the header contain a year of the process, as a whole 4-digit
 * number ("2013", "Budget 2025", "Overslag 2026")?  The first such. */
bool imp_header_year(const tui *t, const char *header, int *year);
/* A path as typed: blanks and one pair of quotes off, "~" expanded. */
void imp_expand_path(const char *typed, char *out, size_t outsz);
const char *imp_delim_name(char d);
const char *imp_version_title(const char *version);

/* import_view.c */
void imp_draw(tui *t, void *st, int top, int rows);
/* A key's hint on a step's last row: the text (N_(), translated when
 * drawn), and how much it is wanted (1 most). */
typedef struct imp_hint {
	const char *text;
	int prio;
} imp_hint;
/* The hints that fit in the row's width less reserve columns (at its
 * right), in their order; the least wanted are left out, none is cut. */
void imp_draw_hints(int y, int reserve, const imp_hint *h, int n);
/* The preview table in rows [top, top+rows): lines or raw columns; with
 * detail, the selected row in full under it. */
void imp_draw_table(tui *t, imp_state *s, int top, int rows, bool detail);
/* The line of steps, and the line about the file under it. */
void imp_draw_steps(tui *t, imp_state *s, int y);

/* import_run.c */
/* The dry run of the whole file (after saying so on the screen). */
void imp_run_check(tui *t, imp_state *s);
/* After a question, the import for real. */
void imp_run_import(tui *t, imp_state *s);
void imp_toggle_lenient(tui *t, imp_state *s);
void imp_next_version(tui *t, imp_state *s);
/* Replace the version, or add to it (the check runs again). */
void imp_toggle_add(tui *t, imp_state *s);
/* BL_IMPORT_* of the choices made (lenient and add). */
unsigned imp_flags(const imp_state *s, bool lenient);

/* import_map.c */
void imp_map_draw(tui *t, imp_state *s, int top, int rows);
bool imp_map_act(tui *t, imp_state *s, tui_act a);
void imp_map_dump(imp_state *s, FILE *f);
/* Toggle sum/sub-lines; false (and a message) if the profile has no
 * sub-line column and this is not the mapping editor, where one is asked
 * for. */
bool imp_map_toggle_same(tui *t, imp_state *s);
/* The first data row that could be split: where samples come from. */
size_t imp_sample_row(const imp_state *s);
/* The amounts are every column named by a year (header_years). */
bool imp_headers_mode(const bl_import_profile *p);

/* import_edit.c: each true if the profile changed. */
bool imp_edit_tmpl(tui *t, imp_state *s, bl_tmpl *tm, const char *what, bool optional);
bool imp_set_tmpl(tui *t, bl_tmpl *tm, const char *src);
bool imp_edit_words(tui *t, imp_state *s, bool income);
bool imp_edit_direction(tui *t, imp_state *s);
/* Amount i's column and year; i == n_amounts adds one. */
bool imp_edit_amount(tui *t, imp_state *s, size_t i);
bool imp_toggle_amounts(tui *t, imp_state *s);
bool imp_add_level(tui *t, imp_state *s);
void imp_remove_level(bl_import_profile *p, size_t i);
/* The direction column's words from its values in the first rows; false
 * if some value is neither. */
bool imp_guess_words(imp_state *s);
void imp_free_words(bl_import_profile *p);
/* A form's save that only closes it: the caller takes the values. */
int imp_form_nothing(tui *t, tui_form *f, int *field_out, bl_err *err);

/* import_save.c */
/* A list to choose one of n items from, over the screen: the index, or
 * -1 for Esc.  notes may be NULL. */
int imp_pick(tui *t, const char *title, char **labels, char **notes, int n, int initial);
void imp_save_profile(tui *t, imp_state *s);
/* A mapping guessed from the file's header and first row. */
bl_import_profile *imp_map_guess(tui *t, imp_state *s);

#endif
