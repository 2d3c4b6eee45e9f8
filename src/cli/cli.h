/* cli.h: the headless subcommands, and what they share. */
#ifndef BL_CLI_CLI_H
#define BL_CLI_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "core/money.h"
#include "core/process.h"
#include "store/store.h"

/* Exit codes (documented in budgetlab(1)). */
enum {
	BL_EXIT_OK = 0,
	BL_EXIT_REFUSED = 1, /* bad input, a lock, a failing gate, not found */
	BL_EXIT_USAGE = 2,   /* wrong options or arguments */
	BL_EXIT_FILE = 3,    /* a file could not be opened, read or written */
};

typedef struct bl_cmd {
	const char *name;
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line for --help */
	int (*run)(int argc, char **argv);
	bool hidden;
} bl_cmd;

extern const bl_cmd bl_cmds[];
extern const char *bl_progname;

/* An open process: the store, its info and its parsed definition. */
typedef struct bl_app {
	bl_store *store;
	bl_process_info info;
	bl_process_def *def;
	char *path;
} bl_app;

/* Open a database and parse its process definition; prints the error and
 * returns an exit code (non-zero) on failure. */
int bl_app_open(bl_app *app, const char *path, bool readonly);
void bl_app_close(bl_app *app);

/* Print "budgetlab: message" to stderr; returns code. */
int bl_fail(int code, const char *fmt, ...) BL_PRINTF(2, 3);
/* Print a usage error for a command and return BL_EXIT_USAGE. */
int bl_usage(const char *cmd, const char *fmt, ...) BL_PRINTF(2, 3);
/* Print the error message (which may be several lines) with the prefix. */
int bl_fail_err(int code, const bl_err *err);
/* The same after a store call failed: BL_EXIT_FILE if the file could not
 * be used (damaged, unreadable, full disk...), else BL_EXIT_REFUSED. */
int bl_fail_store(const bl_app *app, const bl_err *err);

/* Options shared by several commands. */
int bl_opt_unit(const char *cmd, const char *arg, bl_unit *out);
int bl_opt_version(const char *cmd, const char *arg, const char **out);
int bl_opt_int(const char *cmd, const char *opt, const char *arg, long min,
	       long max, long *out);
/* Free text from an option: non-empty, valid UTF-8, no control characters
 * (newline and tab allowed if allow_newline), at most maxlen bytes. */
int bl_opt_text(const char *cmd, const char *opt, const char *arg,
		size_t maxlen, bool allow_newline);
/* getopt_long returned ':' or '?' (with opterr = 0 and an option string
 * that starts with ':'): one usage message that names the option and
 * says what is wrong with it.  Returns BL_EXIT_USAGE. */
int bl_opt_error(const char *cmd, int c, char **argv,
		 const struct option *longopts);
/* "YEAR=AMOUNT": year within the process, amount in its language. */
int bl_opt_year_amount(const bl_app *app, const char *arg, int *year,
		       bl_money *amount);
/* The same for option opt (named in the messages). */
int bl_opt_year_amount_for(const bl_app *app, const char *opt, const char *arg, int *year,
			   bl_money *amount);

/* Amount for display in a unit, in the process language. */
void bl_fmt_amount(const bl_app *app, bl_money v, bl_unit unit, char *buf,
		   size_t bufsz);
/* The same; in kr. with two decimals also for whole kroner if ore (a
 * column in which some amount has øre, so that the digits align). */
void bl_fmt_amount_in(const bl_app *app, bl_money v, bl_unit unit, bool ore,
		      char *buf, size_t bufsz);
/* What a table shows for a sum that does not fit in 64 bits. */
const char *bl_overflow_label(void);
/* Print one table cell fitted to width (UTF-8 aware) and a separator. */
void bl_cell(FILE *f, const char *s, int width, bool right);

/* The version a command shows when none is given: the proposal until the
 * first reading, then the adopted version (bl_store_working_version);
 * -1 with the error printed. */
int bl_cli_working_version(bl_app *app, const char **version);
/* --help or -h among argv[1..upto]. */
bool bl_wants_help(int argc, char **argv, int upto);
/* bl_cell on stdout and the two columns between cells. */
void bl_col(const char *s, int width, bool right);
/* A pillar score, -2 .. +2 ("+1" too); a usage error naming opt. */
int bl_opt_score(const char *cmd, const char *opt, const char *arg, int *out);
/* A number from 1 (an amendment's, a response's), as bl_opt_int. */
int bl_opt_number(const char *cmd, const char *what, const char *arg, int64_t *out);
/* Print text word-wrapped to width columns, each line indented. */
void bl_print_wrapped(FILE *f, const char *text, int indent, int width);
/* The same with `first` printed before the first line (a list item's
 * "  [ ] 3. "), and the text's other lines indented under it. */
void bl_print_hanging(FILE *f, const char *first, const char *text,
		      int indent, int width);
/* Print an identifier left-aligned in width columns; never cut. */
void bl_cell_left(FILE *f, const char *s, int width);
/* Columns to lay out for: $COLUMNS, else the terminal, else 80. */
int bl_term_width(void);
/* Print a number right-aligned in width columns; never cut. */
void bl_cell_num(FILE *f, const char *s, int width);
/* The widest of the amounts v[0..n) formatted in unit, at least min. */
int bl_amount_width(const bl_app *app, const bl_money *v, size_t n,
		    bl_unit unit, int min);
/* The same formatted as bl_fmt_amount_in does with ore. */
int bl_amount_width_in(const bl_app *app, const bl_money *v, size_t n,
		       bl_unit unit, bool ore, int min);
/* Columns between two amounts (and before the first): two, so that
 * amounts written with spaces between their digit groups (nb) never run
 * together. */
#define BL_AMOUNT_GAP 2
/* Evaluate every gate of phase i; prints them if out is non-NULL.
 * Returns the number of failing gates, or -1 on error (printed).  If
 * failed is non-NULL it receives a malloc'd description of the failures. */
int bl_gates_report(bl_app *app, int phase_index, FILE *out, char **failed);

/* The subcommands. */
int bl_cmd_demo(int argc, char **argv);
int bl_cmd_create(int argc, char **argv);
int bl_cmd_check_config(int argc, char **argv);
int bl_cmd_status(int argc, char **argv);
int bl_cmd_phase(int argc, char **argv);
int bl_cmd_advance(int argc, char **argv);
int bl_cmd_tick(int argc, char **argv);
int bl_cmd_lines(int argc, char **argv);
int bl_cmd_line(int argc, char **argv);
int bl_cmd_areas(int argc, char **argv);
int bl_cmd_area(int argc, char **argv);
int bl_cmd_goals(int argc, char **argv);
int bl_cmd_goal(int argc, char **argv);
int bl_cmd_journal(int argc, char **argv);
int bl_cmd_export(int argc, char **argv);
int bl_cmd_import(int argc, char **argv);
int bl_cmd_open(int argc, char **argv);
int bl_cmd_keys(int argc, char **argv);
int bl_cmd_versions(int argc, char **argv);
int bl_cmd_amendment(int argc, char **argv);
int bl_cmd_amendments(int argc, char **argv);
int bl_cmd_decide(int argc, char **argv);
int bl_cmd_deficit(int argc, char **argv);
int bl_cmd_diff(int argc, char **argv);
int bl_cmd_response(int argc, char **argv);
int bl_cmd_responses(int argc, char **argv);
int bl_cmd_hearing_summary(int argc, char **argv);
int bl_cmd_sdgs(int argc, char **argv);
int bl_cmd_bridge(int argc, char **argv);
int bl_cmd_assess(int argc, char **argv);
int bl_cmd_pillars(int argc, char **argv);
int bl_cmd_pool(int argc, char **argv);
int bl_cmd_sdg(int argc, char **argv);
int bl_cmd_pools(int argc, char **argv);
int bl_cmd_project(int argc, char **argv);
int bl_cmd_projects(int argc, char **argv);
int bl_cmd_grant(int argc, char **argv);
/* `goal sdg|indicator|measure|show` (cmd_goal_sdg.c); -1 for another. */
int bl_goal_sdg_command(int argc, char **argv);

#endif
