/* pool_cli.h: what the development pools' commands share (cmd_pools.c,
 * cmd_projects.c). */
#ifndef BL_CLI_POOL_CLI_H
#define BL_CLI_POOL_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "store/pool_store.h"

/* The pool with this key into *p: 0, or -1 with err saying there is none. */
int pool_find(bl_app *app, const char *key, bl_pool_rec *p, bl_err *err);
/* An amount in whole kroner (øre when it has them). */
void pool_amount(const bl_app *app, bl_money v, char *buf, size_t n);
/* --goal ID appended to *goals; an exit code on bad input. */
int pool_goal_arg(const char *cmd, const char *arg, int64_t **goals, size_t *n);
/* "  ID. title" for each goal. */
void pool_print_goals(bl_app *app, const int64_t *ids, size_t n);
/* The pool's money per year, with totals and its project counts. */
int pool_print_money(bl_app *app, const char *key, bl_err *err);
/* The pool's projects as a table (cmd_projects.c). */
void pool_print_projects(bl_app *app, const char *key);

#endif
