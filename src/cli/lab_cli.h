/* lab_cli.h: what the lab subcommands (cmd_lab.c, cmd_idea.c,
 * cmd_tally.c) share. */
#ifndef BL_CLI_LAB_CLI_H
#define BL_CLI_LAB_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "core/rules.h"
#include "store/lab_store.h"

/* --help or -h among argv[1..upto]. */
bool bl_help_asked(int argc, char **argv, int upto);
/* LAB, a lab number; a usage error otherwise. */
int bl_opt_lab(const char *cmd, const char *arg, int64_t *id);
/* A number from 1, named what in the message. */
int bl_opt_id(const char *cmd, const char *what, const char *arg, int64_t *id);
/* An amount in the process's language, not negative. */
int bl_opt_money(const bl_app *app, const char *opt, const char *arg, bl_money *out);
/* For `CMD DB LAB ...`: the lab's number from labarg, the database
 * opened (read-only if asked) and the lab read into *l.  0, or an exit
 * code after the message was printed (nothing then to close or clear). */
int bl_lab_cmd_open(const char *cmd, const char *db, const char *labarg, bool readonly,
		    bl_app *app, bl_lab *l);
/* --rule and --tie-break: a rule or tie-break name (rules.h); a usage
 * error that lists the names otherwise. */
int bl_opt_rule(const char *cmd, const char *name, bl_rule *r);
int bl_opt_tie(const char *cmd, const char *name, bl_tie *t);
/* An amount with its unit, "2.000.000 kr.", for messages and listings. */
const char *bl_fmt_kr(const bl_app *app, bl_money v, char *buf, size_t bufsz);

int bl_cmd_labs(int argc, char **argv);
int bl_cmd_lab(int argc, char **argv);
int bl_cmd_session(int argc, char **argv);
int bl_cmd_sessions(int argc, char **argv);
int bl_cmd_participant(int argc, char **argv);
int bl_cmd_participants(int argc, char **argv);
int bl_cmd_representation(int argc, char **argv);
int bl_cmd_idea(int argc, char **argv);
int bl_cmd_ideas(int argc, char **argv);
int bl_cmd_ballot(int argc, char **argv);
int bl_cmd_ballots(int argc, char **argv);
int bl_cmd_tally(int argc, char **argv);
int bl_cmd_results(int argc, char **argv);

#endif
