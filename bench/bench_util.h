/* bench_util.h: what the benchmarks and their data generators share
 * (bench_util.c, linked into gen_large, gen_import, bench_load and
 * bench_import; it needs nothing of the library).
 *
 * The generators' PRNG and output files, option parsing, the clock,
 * running a program and timing it, and the lines of the table of figures.
 * Every message starts with "bench_prog: ", the name each program
 * defines. */
#ifndef BL_BENCH_UTIL_H
#define BL_BENCH_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The program's name, for its messages: each program defines it. */
extern const char bench_prog[];

/* ---- the generators: the same bytes on every machine ---- */

/* The PRNG (splitmix64), from the generator's own seed: set it first. */
void bench_seed(uint64_t seed);

/* Uniform in [0, n). */
uint32_t bench_below(uint32_t n);

/* Whole kroner, log-uniform from 10.000 kr.: 10^4 .. 10^7.6 in 37 steps
 * of 10^0.1, the bottom of the step drawn (one draw); the caller spreads
 * it within the step (a factor of 1 to 1.259).  Integer only, so every
 * platform draws the same numbers. */
int64_t bench_log_kroner(void);

/* A generator's command line: COUNT N (e.g. --lines; a whole number from
 * 1 to 100000000, put in *n), --dir DIR (put in *dir), and --help or -h
 * for the usage text.  -1 to go on; otherwise the exit status: 0 after
 * --help, 2 after a bad argument (with a message, then the usage). */
int bench_gen_args(int argc, char **argv, const char *count, long *n, const char **dir,
		   const char *usage);

/* DIR/NAME for writing, its path in path; a large buffer, as the file is
 * written in one sweep.  NULL, with a message, if it cannot be opened. */
FILE *bench_open_out(const char *dir, const char *name, char *path, size_t sz);

/* Close a file of bench_open_out; -1, with a message, if writing it
 * failed. */
int bench_close_out(FILE *f, const char *path);

/* ---- every program ---- */

/* The option's argument as a whole number from min to max; -1, with a
 * message, if it is not one. */
int bench_opt_long(const char *opt, const char *arg, long min, long max, long *out);

/* ---- the benchmarks ---- */

/* CLOCK_MONOTONIC in seconds. */
double bench_now(void);

/* The file's size in bytes; -1 if it cannot be read. */
int64_t bench_file_size(const char *path);

/* Remove a database and its -wal, -shm and -journal files. */
void bench_remove_db(const char *path);

/* Run argv (found on PATH) with stdin from in (NULL: /dev/null) and
 * stdout to out (NULL: the benchmark's own stdout); the wall-clock seconds
 * from the spawn to its end in *secs (if secs is not NULL).  0 if it ran
 * and exited 0; 1 if the program is not installed; -1, with a message, if
 * it could not run or failed. */
int bench_run(char *const argv[], const char *in, const char *out, double *secs);

/* The table of figures: its head ("load", "lines/s"), a row (count things
 * in secs seconds, and the size of the database db), a row skipped because
 * the sqlite3 shell is not installed, and the ratio of budgetlab's time to
 * the shell's against the goal (true if it is missed). */
void bench_table_head(const char *what, const char *per_second);
void bench_table_row(const char *label, double secs, long count, const char *db);
void bench_table_skipped(const char *label, const char *shell);
bool bench_table_ratio(double bl_secs, double sq_secs, double goal);

#endif
