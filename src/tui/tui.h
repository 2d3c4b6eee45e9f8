/* tui.h: what the ncurses screens share.  ncurses is used only under
 * src/tui/.
 *
 * The program is a loop (app.c): draw the title bar, the current screen's
 * body, the message line and the status bar; read one key (input.c: the
 * keyboard, or a script in tests); turn it into an action through the one
 * action table (actions.c), which also makes the `?` help screen and the
 * KEYS section of budgetlab(1); give the action to the screen.  Modal
 * things (a prompt, a form, a question) run their own small loop over the
 * same input, so scripts drive them too, and redraw the whole screen under
 * themselves, so a resize re-lays everything at any moment.
 *
 * Keys are ints: a character is its Unicode code point; a function key is
 * TUI_FKEY(KEY_xxx), so that KEY_* values never collide with letters. */
#ifndef BL_TUI_TUI_H
#define BL_TUI_TUI_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "core/money.h"
#include "core/process.h"
#include "store/store.h"

#define TUI_FKEY(k) (0x200000 + (k))
#define TUI_IS_FKEY(k) ((k) >= 0x200000)
#define TUI_KEY_NONE (-1)    /* nothing arrived before the timeout */
#define TUI_KEY_EOF (-2)     /* the script has ended: leave at once */
#define TUI_CTRL(c) ((c) & 0x1f)
/* Alt+key (the terminal sends Esc and the key at once): never Esc. */
#define TUI_META(k) (0x400000 + (k))
#define TUI_IS_META(k) ((k) >= 0x400000)
#define TUI_ESC 27

/* Below this the screens cannot be laid out: "terminal too small". */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 16

/* ---- screens ---- */
enum tui_screen_id {
	SCR_PROCESS,
	SCR_BUDGET,
	SCR_GOALS,
	SCR_JOURNAL,
	SCR_IMPORT,
	SCR_LABS,       /* labs, their sessions and ideas (screen_labs.c) */
	SCR_SIGNIN,     /* participants signing in, representation (screen_signin.c) */
	SCR_BALLOTS,    /* paper ballot entry (screen_ballots.c) */
	SCR_RESULTS,    /* the winner rules' outcome (screen_results.c) */
	SCR_AMENDMENTS, /* amendments between the readings (screen_amendments.c) */
	SCR_HEARING,    /* the register of hearing responses (screen_hearing.c) */
	SCR_VERSIONS,   /* the versions and the diff between two (screen_versions.c) */
	SCR_POOLS,      /* the development pools and their projects (screen_pools.c) */
	SCR_PILLARS,    /* the three pillars of sustainability (screen_pillars.c) */
	SCR_HELP,
	SCR_PRESENT,
	SCR_COUNT
};
#define SCR_BIT(s) (1u << (s))
#define SCR_LAB_SCREENS (SCR_BIT(SCR_LABS) | SCR_BIT(SCR_SIGNIN) | SCR_BIT(SCR_BALLOTS) | \
			 SCR_BIT(SCR_RESULTS))
#define SCR_READING_SCREENS (SCR_BIT(SCR_AMENDMENTS) | SCR_BIT(SCR_HEARING) | SCR_BIT(SCR_VERSIONS))
#define SCR_MAIN (SCR_BIT(SCR_PROCESS) | SCR_BIT(SCR_BUDGET) | SCR_BIT(SCR_GOALS) | SCR_BIT(SCR_JOURNAL) | \
		  SCR_BIT(SCR_IMPORT) | SCR_LAB_SCREENS | SCR_READING_SCREENS | SCR_BIT(SCR_POOLS) | \
		  SCR_BIT(SCR_PILLARS))
/* The last screen with a key of its own (Tab cycles 0..this; --screen
 * takes their names).  The title bar has a numbered tab for the screens
 * up to SCR_RESULTS; the readings' screens (keys 0, H, V) and the pools
 * screen (F) and the pillars screen (B) show theirs only while they are
 * the current one. */
#define SCR_LAST_TAB SCR_PILLARS
#define SCR_LISTS (SCR_MAIN | SCR_BIT(SCR_HELP))
#define SCR_ANY (SCR_LISTS | SCR_BIT(SCR_PRESENT))

/* ---- actions: the one table (actions.c) ---- */
typedef enum tui_act {
	ACT_NONE,
	ACT_QUIT,
	ACT_BACK,
	ACT_HELP,
	ACT_SCR_PROCESS,
	ACT_SCR_BUDGET,
	ACT_SCR_GOALS,
	ACT_SCR_JOURNAL,
	ACT_SCR_IMPORT,      /* follows ACT_SCR_PROCESS... in the order of the screens */
	ACT_SCR_LABS,
	ACT_SCR_SIGNIN,
	ACT_SCR_BALLOTS,
	ACT_SCR_RESULTS,
	ACT_NEXT_SCREEN,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_COLLAPSE,
	ACT_EXPAND,
	ACT_TOGGLE,
	ACT_EXPAND_ALL,
	ACT_COLLAPSE_ALL,
	ACT_FILTER,
	ACT_JUMP,
	ACT_SORT,
	ACT_REVERSE,
	ACT_UNIT,
	ACT_YEARS_EARLIER,  /* the budget screen's year columns, when not all fit */
	ACT_YEARS_LATER,
	ACT_VERSION,
	ACT_ADD,
	ACT_EDIT,
	ACT_DELETE,
	ACT_TICK,
	ACT_ADVANCE,
	ACT_LINK,
	ACT_UNLINK,
	ACT_SPOTLIGHT,
	ACT_MESSAGE,
	ACT_SPOT_CLEAR,
	ACT_THEME,
	ACT_REDRAW,
	/* the import screen (screen_import.c) */
	ACT_IMP_NEXT,
	ACT_IMP_RAW,
	ACT_IMP_MAP,
	ACT_IMP_ADD,
	ACT_IMP_REMOVE,
	ACT_IMP_SAVE,
	ACT_IMP_VERSION,
	ACT_IMP_LENIENT,
	ACT_IMP_MODE,        /* replace the version, or add to it */
	ACT_IMP_SAME,
	ACT_IMP_LEFT,
	ACT_IMP_RIGHT,
	/* the labs and sign-in screens (screen_labs.c, screen_signin.c) */
	ACT_LAB_NEW,         /* a new lab */
	ACT_LAB_SESSION,     /* a new session of the current lab */
	ACT_IDEA_STATUS,     /* the selected idea one step on */
	ACT_IDEA_WITHDRAW,   /* withdraw the selected idea, or take it back */
	/* LABS-ACTIONS: add new ones above this line */
	/* the ballots and results screens (screen_ballots.c, screen_results.c) */
	ACT_VOTE_LAB,        /* choose the lab by its number */
	ACT_BAL_COUNT,       /* count the ballot on the entry line */
	ACT_BAL_UNDO,
	ACT_BAL_CORRECT,
	ACT_BAL_CAST,        /* paper or laptop */
	ACT_RES_RULE2,       /* the second rule: the next one */
	ACT_RES_RULE2_BACK,  /* ... the one before */
	ACT_RES_SHARES,      /* how Equal Shares shared the costs */
	ACT_RES_PROJECT,     /* the results on the projector */
	/* VOTE-ACTIONS: add new ones above this line */
	/* the readings' screens (screen_amendments.c, screen_hearing.c,
	 * screen_versions.c) */
	ACT_SCR_AMENDMENTS,
	ACT_SCR_HEARING,
	ACT_SCR_VERSIONS,
	ACT_AMEND_DECIDE,    /* adopted, rejected or withdrawn, with a note */
	ACT_RESP_COMMENT,    /* the administration's comment on a response */
	ACT_VDIFF_OLD,       /* the diff's old version: the next one */
	ACT_VDIFF_NEW,       /* the diff's new version: the next one */
	ACT_VDIFF_VIEW,      /* per line, or per area */
	/* the development pools' screen (screen_pools.c) */
	ACT_SCR_POOLS,
	ACT_POOL_GRANT,      /* grant the selected project an amount per year */
	ACT_POOL_DECIDE,     /* reject, withdraw or reopen the selected project */
	/* the pillars screen (screen_pillars.c) */
	ACT_SCR_PILLARS,
	ACT_PILLAR_NEXT,     /* the pillar shown: social, economic, environmental */
	ACT_PILLAR_PREV,
	ACT_PILLAR_YEAR,     /* the year shown, then the whole period */
	ACT_PILLAR_YEAR_BACK,
	/* the goals screen (screen_goals.c) */
	ACT_GOAL_STATUS,     /* draft, discussed or agreed, in a small form */
	ACT_GOAL_BRIDGE,     /* the bridge from goals to money, or the list */
	ACT_GOAL_SDG,        /* the SDG matrix, or the list */
	ACT_COUNT
} tui_act;

typedef struct tui_action {
	tui_act act;
	const char *name;    /* "line-add": for scripts (`action NAME`) and docs */
	int keys[4];         /* 0-terminated when fewer */
	const char *keys_label; /* "j, Down" as shown in help and the man page */
	const char *label;   /* short, for the status bar; NULL: not shown there */
	const char *help;    /* one sentence for `?` and the man page */
	unsigned screens;    /* SCR_BIT mask of the screens where it applies */
} tui_action;
extern const tui_action tui_actions[];
extern const size_t tui_n_actions;
/* The action a key means on a screen, or ACT_NONE. */
tui_act tui_action_for_key(int screen, int key);
const tui_action *tui_action_by_name(const char *name);
const tui_action *tui_action_get(tui_act a);
/* The KEYS section of budgetlab(1), in man(7) markup, from the table. */
void tui_actions_man(FILE *f);

/* ---- colours as named roles (theme.c) ---- */
enum tui_role {
	R_NORMAL,
	R_TITLE,      /* the title bar */
	R_TAB,        /* a screen's name in the title bar */
	R_TAB_ON,     /* the current screen's name */
	R_STATUS,     /* the status bar */
	R_STATUS_KEY, /* a key in the status bar */
	R_HEADING,    /* column headings, section headings */
	R_SELECTED,   /* the cursor row */
	R_AREA,       /* an area's row in the budget tree */
	R_TOTAL,      /* total rows */
	R_INCOME,
	R_EXPENSE,
	R_DEFICIT,    /* a negative balance */
	R_PASS,
	R_FAIL,
	R_LOCKED,     /* something a lock keeps from changing */
	R_ERROR,
	R_INFO,
	R_DIM,
	R_DONE,       /* a phase that is done, a ticked item */
	R_CURRENT,    /* the current phase */
	R_BIG,        /* big digits on the projector */
	R_FIELD,      /* a form field */
	R_FIELD_ON,   /* the form field being edited */
	R_BOX,        /* a form's or dialog's frame */
	R_COUNT
};
typedef enum tui_theme { THEME_DEFAULT, THEME_CONTRAST, THEME_MONO, THEME_COUNT } tui_theme;
const char *tui_theme_name(tui_theme th);
int tui_theme_from_name(const char *name, tui_theme *out);
/* Apply a theme (init_pair); on a terminal without colours, or with
 * NO_COLOR set, every theme draws with attributes only. */
void tui_theme_apply(tui_theme th, bool colour_ok);
/* The attributes (colour pair included) of a role under the applied theme. */
unsigned long tui_attr(int role);

/* ---- the program's state ---- */
typedef struct tui tui;

/* A key of a screen's mode for the status bar (tui_screen_ops.status):
 * the first key of act in the action table, "/" and the first of alt's
 * (ACT_NONE: none), then label (translated when drawn). */
typedef struct tui_status_key {
	tui_act act, alt;
	const char *label;
} tui_status_key;

typedef struct tui_screen_ops {
	int id;
	const char *name;  /* "budget": in state dumps */
	const char *title; /* "Budget": in the title bar (translated) */
	void *(*open)(tui *t);          /* NULL on failure, t->msg set */
	void (*close)(void *st);
	/* The data changed (a write here, or another process's commit). */
	void (*reload)(tui *t, void *st);
	/* Draw the body: rows [top, top + rows) of the whole width. */
	void (*draw)(tui *t, void *st, int top, int rows);
	/* A key before it is mapped to an action (for typing); true if used. */
	bool (*key)(tui *t, void *st, int key);
	/* An action; true if the screen used it. */
	bool (*act)(tui *t, void *st, tui_act a);
	/* key=value lines for the state dump. */
	void (*dump)(tui *t, void *st, FILE *f);
	/* The screen is shown again after another one (NULL: nothing to do). */
	void (*shown)(tui *t, void *st);
	/* The status bar's keys while the screen is in a mode of its own
	 * (a view where the table's keys for the screen do not apply): their
	 * number, with *keys set; 0 (or NULL): the table's keys. */
	size_t (*status)(tui *t, void *st, const tui_status_key **keys);
} tui_screen_ops;

extern const tui_screen_ops tui_screen_process, tui_screen_budget,
	tui_screen_goals, tui_screen_journal, tui_screen_import, tui_screen_help,
	tui_screen_present, tui_screen_labs, tui_screen_signin, tui_screen_ballots,
	tui_screen_results, tui_screen_amendments, tui_screen_hearing,
	tui_screen_versions, tui_screen_pools, tui_screen_pillars;
/* The screen's operations by enum tui_screen_id. */
const tui_screen_ops *tui_ops(int screen);

typedef struct tui_opts {
	const char *db_path;
	bool present;          /* the projector view: read-only */
	const char *script;    /* keys and commands from this file (tests) */
	int script_cols, script_rows; /* the size in script mode (80x24) */
	tui_theme theme;
	bool theme_set;
	bl_unit unit;
	bool unit_set;
	const char *version;   /* NULL: the working version (bl_store_working_version) */
	int screen;            /* the first screen (SCR_PROCESS by default) */
} tui_opts;

struct tui {
	/* the process */
	bl_store *store;
	bl_process_info info;
	bl_process_def *def;
	char *path;
	bool readonly;
	bool present;
	int phase;             /* current phase index, -1 while setting up */
	unsigned locks;        /* BL_LOCK_* of the current phase */
	int64_t data_version;  /* PRAGMA data_version when last loaded */
	/* what is shown */
	int screen;            /* enum tui_screen_id */
	int back_screen;       /* where `q` on the help screen returns */
	void *st[SCR_COUNT];
	tui_theme theme;
	bool colour_ok;
	bl_unit unit;
	const char *version;
	/* Whether the user chose the version (--version or v).  If not,
	 * tui_reload follows the working version: the proposal until the
	 * first reading, then the adopted one; a phase advance in another
	 * terminal changes it. */
	bool version_chosen;
	/* The lab the lab screens show (0: none chosen yet; the labs screen
	 * sets it) and the session ballots and sign-ins belong to (0: none). */
	int64_t lab, session;
	int rows, cols;
	bool too_small;
	char msg[512];         /* the message line: an error or a notice */
	int msg_role;
	bool quit;
	/* input */
	FILE *script;
	char *script_path;
	int script_line;
	int keys_read;         /* keys taken, for the state dump */
	/* while a prompt, a question or a form is open: its dump */
	void (*modal_dump)(void *ctx, FILE *f);
	void *modal_ctx;
	const char *modal_name;
};

/* Run the program: the facilitator's screens, or the projector view.
 * Returns an exit code (0, or 3 if the database could not be opened). */
int bl_tui_run(const tui_opts *o);

/* app.c */
void tui_msg(tui *t, int role, const char *fmt, ...) BL_PRINTF(3, 4);
void tui_msg_err(tui *t, const bl_err *err);
/* Draw everything (title bar, body, message line, status bar); modal
 * loops call this and then draw themselves on top. */
void tui_draw(tui *t);
/* Re-read the phase state and tell every open screen to reload. */
void tui_reload(tui *t);
/* Handle KEY_RESIZE (the real terminal, or a script's `resize`). */
void tui_resized(tui *t);
/* Switch screens (opens it on first use). */
void tui_show(tui *t, int screen);
/* Restore the terminal, print the message, exit(3). */
_Noreturn void tui_fatal(tui *t, const char *fmt, ...) BL_PRINTF(2, 3);
/* The years of the process as numbers: first + i. */
static inline int tui_year(const tui *t, int i) { return t->info.budget_year + i; }
/* screen_goals.c: a goal's status, short ("agreed"), as the screens and
 * the projector say it. */
const char *tui_goal_status_label(bl_goal_status st);

/* input.c */
/* Set when SIGINT, SIGTERM or SIGHUP arrived: every loop leaves, and the
 * terminal is restored on the way out (a handler must not call curses). */
extern volatile sig_atomic_t tui_stop;
/* The next key, waiting at most timeout_ms (< 0: forever).  In script
 * mode, script commands (dumps, resize, waits) are carried out here. */
int tui_getkey(tui *t, int timeout_ms);
int tui_input_open(tui *t, const tui_opts *o, bl_err *err);
void tui_input_close(tui *t);
/* "Down", "C-s", "a" for a key: for help and dumps. */
void tui_key_name(int key, char *buf, size_t bufsz);
int tui_key_from_name(const char *name);
/* Write what is on the screen, one line per row, trailing blanks cut. */
int tui_dump_screen(tui *t, const char *path, bl_err *err);
int tui_dump_state(tui *t, const char *path, bl_err *err);

/* draw.c: text fitted to columns, UTF-8 aware. */
/* Put s at (y, x) in exactly w columns (cut with "…", padded). */
void tui_put(int y, int x, int w, const char *s, int role, bool right);
/* The first row *top of a page of page rows that shows row sel of n. */
void tui_keep_visible(int sel, int n, int page, int *top);
/* A rule across the screen at y, left (in left_role) at its start, right
 * (dim) at its end; either may be NULL. */
void tui_separator(int y, const char *left, int left_role, const char *right);
/* A copy of s that the terminal shows as text: control characters
 * (which the store does not refuse, only the CLI and the forms) become
 * spaces, and invalid UTF-8 the replacement character, so an escape
 * sequence in a title cannot move the cursor.  With keep_nl, newlines
 * stay (tui_wrap starts a paragraph at each).  tui_clean_line: without. */
void tui_clean(const char *s, bool keep_nl, char *out, size_t outsz);
void tui_clean_line(const char *s, char *out, size_t outsz);
/* Put s at (y, x) as it is, clipped at the right edge; returns columns used. */
int tui_puts(int y, int x, const char *s, int role);
/* Fill row y from x for w columns with blanks in role. */
void tui_fill(int y, int x, int w, int role);
/* An amount in the chosen unit and the process language. */
void tui_fmt_amount(const tui *t, bl_money v, char *buf, size_t bufsz);
/* Word-wrap text into width columns starting at row y; at most max_rows
 * rows; returns the rows used.  A newline starts a paragraph. */
int tui_wrap(int y, int x, int width, int max_rows, const char *text, int role);
/* Draw only wrapped row `skip` of the text, at row y. */
void tui_wrap_skip(int y, int x, int width, int skip, const char *text, int role);
/* The byte length of the next word-wrapped row of s in width columns;
 * *next is where the row after it starts (a newline ends a row; a word
 * longer than the row is cut). */
size_t tui_wrap_next(const char *s, int width, const char **next);
/* Rows the text needs when wrapped to width. */
int tui_wrap_rows(int width, const char *text);
/* A frame with a title, for forms and dialogs. */
void tui_box(int y, int x, int h, int w, const char *title);

/* edit.c: one line of text being edited (prompts and form fields).  The
 * cursor is a byte offset on a character boundary (UTF-8, a code point
 * with the zero-width ones after it).  Keys: Left/C-b, Right/C-f,
 * Home/C-a, End/C-e; Backspace (before the cursor), Delete and C-d (at
 * it), C-u (kill to the start), C-k (kill to the end), C-w (the word
 * before the cursor); a character is inserted at the cursor. */
typedef struct tui_edit {
	char *buf;      /* the text, NUL-terminated: the caller's */
	size_t size;    /* bytes buf holds, the NUL included: the limit */
	size_t cur;     /* the cursor, a byte offset */
	size_t scroll;  /* the first byte shown (the view scrolls sideways) */
} tui_edit;
enum {
	TUI_EDIT_IGNORED, /* not an editing key */
	TUI_EDIT_MOVED,   /* used, the text is as it was */
	TUI_EDIT_CHANGED, /* the text changed */
	TUI_EDIT_FULL     /* a character did not fit: nothing changed */
};
/* Edit buf (size bytes), the cursor at the end. */
void tui_edit_init(tui_edit *e, char *buf, size_t size);
/* Apply a key; returns TUI_EDIT_*.  Alt+key (TUI_META) is ignored. */
int tui_edit_key(tui_edit *e, int key);
/* Would the key change text (typing, deleting), as opposed to moving? */
bool tui_edit_changes(int key);
/* Draw the text at (y, x) in exactly w columns in role: the view scrolls
 * so that the cursor (the character under it reversed, "_" after the end)
 * is shown; "…" where the text is cut.  Without cursor: the start. */
void tui_edit_draw(tui_edit *e, int y, int x, int w, int role, bool cursor);
/* The cursor in characters from the start, for state dumps. */
size_t tui_edit_cursor_chars(const tui_edit *e);
/* Is k a key that types a character? */
bool tui_key_printable(int k);
/* Append code point cp as UTF-8 if it fits (false if not); remove the
 * last code point. */
bool tui_text_append(char *buf, size_t bufsz, int cp);
void tui_text_backspace(char *buf);

/* prompt.c: one line of input on the message line, edited as above.
 * Returns 1 (Enter, out holds the text), 0 (Esc: nothing).  validate may
 * be NULL; else it returns NULL for valid text or a message, and Enter is
 * refused until the text is valid.  Alt+key is ignored. */
typedef const char *(*tui_validate_fn)(tui *t, void *ctx, const char *text, char *msg, size_t msgsz);
int tui_prompt(tui *t, const char *label, const char *initial, char *out,
	       size_t outsz, tui_validate_fn validate, void *ctx);
/* What the state dump shows while a prompt, a question or a form is open
 * (name NULL: none). */
void tui_modal_set(tui *t, const char *name, void (*dump)(void *ctx, FILE *f), void *ctx);
/* The next key for a modal loop, after refresh(): TUI_KEY_EOF (t->quit
 * is set: leave), TUI_KEY_NONE (nothing for the modal, only redraw: a
 * resize, Alt+key, or any key while the terminal is too small), or a key. */
int tui_modal_key(tui *t);
/* A yes/no question: true for y. */
bool tui_confirm(tui *t, const char *question);
/* The same over a modal thing: draw (NULL: tui_draw) draws what is under
 * the question, so a form stays in sight while it asks. */
bool tui_confirm_over(tui *t, const char *question,
		      void (*draw)(tui *t, void *ctx), void *ctx);

/* form.c: a form of fields over the current screen.  Each edit validates
 * the field at once (and leaving it, and saving, all of them); a field's
 * warn runs after its validation passes and never stops saving.  Typing
 * in a read-only field says why on the form's error line.  Esc with any
 * field changed asks before discarding. */
typedef struct tui_field {
	const char *label;
	char value[512];
	const char *readonly;  /* NULL, or why the field cannot be changed */
	tui_validate_fn validate;
	/* A warning that does not stop saving (e.g. a negative amount on an
	 * income line); NULL or returns NULL for none. */
	tui_validate_fn warn;
	char warning[512];     /* set by warn, shown at the field */
	const char *choices;   /* "operation|capital": Space cycles them */
	/* The choices are chosen by number (1 the first ...), not by first
	 * letter: for choices that share one ("draft", "discussed").  Any
	 * other printable key says on the form's error line that it does
	 * nothing. */
	bool numbered;
	char error[BL_ERR_MAX]; /* set by validation, shown at the field */
	/* Tab completion (NULL: Tab only moves on).  Called with the value
	 * on Tab: returns 1 when it changed the value (the cursor goes to its
	 * end, the form stays on the field), 2 to stay with msg shown on the
	 * form's error line (e.g. the candidates), 0 to move on as Tab does. */
	int (*complete)(tui *t, void *ctx, char *value, size_t size, char *msg, size_t msgsz);
} tui_field;
typedef struct tui_form {
	const char *title;
	tui_field *fields;
	int n_fields;
	int cur;
	void *ctx;             /* given to validate and save */
	/* Write the values; -1 with err set keeps the form open and shows
	 * err (a lock, a duplicate code) at the field named by *field_out,
	 * or at the bottom if it is -1. */
	int (*save)(tui *t, struct tui_form *f, int *field_out, bl_err *err);
	char error[BL_ERR_MAX + 64]; /* the form's own message */
	const char *hint;      /* the keys row at the bottom; NULL: the usual */
} tui_form;
/* The check every free-text field shares: required (not blank), at most
 * max bytes, valid UTF-8, no control characters.  what names the field
 * ("The title").  NULL when fine, else msg. */
const char *tui_check_text(const char *what, const char *text, bool required, size_t max,
			   char *msg, size_t msgsz);
/* Returns 1 when saved, 0 when cancelled (Esc). */
int tui_form_run(tui *t, tui_form *f);

/* Gates of the current phase, evaluated now. */
typedef struct tui_gate {
	char desc[256];
	char why[1024];
	bool pass;
} tui_gate;
/* Evaluate phase i's gates into out (at most max); returns how many, or
 * -1 with err. */
int tui_gates(tui *t, int phase_index, tui_gate *out, int max, bl_err *err);

#endif
