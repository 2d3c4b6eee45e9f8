/* bench_tui.c: how fast the screens are on the 1,000,000-line budget.
 *
 *   bench/bench_tui [--dir DIR] [--budgetlab PROG] [--keys N] [--runs N]
 *
 * Runs the real program in script mode (tty-free, as the tests do) on
 * DIR/bench.budgetlab, the database bench_load leaves, with
 * BUDGETLAB_TIMING set: the program writes when its first screen was
 * complete (CLOCK_MONOTONIC, the same clock as ours, so the time counts
 * from before we start it: exec, dynamic linking, opening the database,
 * reading the areas and totals, drawing) and, per key, the time from
 * reading the key to the screen redrawn.
 *
 *  1. start to first complete screen, the process screen (what
 *     `budgetlab DB` shows) and the budget screen (--screen budget);
 *     median and worst of --runs runs; goal < 100 ms;
 *  2. the budget screen, `+` (unfold every area: one count over the
 *     line index), then N page-downs (default 1,000); the median and the
 *     worst page-down; goal: every key < 5 ms.
 * A missed goal is printed as MISS: a finding, not an error. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Run prog with the script; fill *first (ns since start) and keys[]. */
static int run(const char *prog, const char *db, const char *screen,
	       const char *script, const char *timing, int64_t *first,
	       int64_t *keys, size_t max_keys, size_t *n_keys)
{
	char *argv[] = { (char *)prog, (char *)"--script", (char *)script, (char *)"--screen",
			 (char *)screen, (char *)db, NULL };
	setenv("BUDGETLAB_TIMING", timing, 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("TERM", "xterm-256color", 1);
	unlink(timing);
	pid_t pid;
	int64_t t0 = mono_ns();
	int rc = posix_spawn(&pid, prog, NULL, NULL, argv, environ);
	if (rc != 0) {
		fprintf(stderr, "bench_tui: cannot run %s: %s\n", prog, strerror(rc));
		return -1;
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_tui: %s failed (status %d)\n", prog, status);
		return -1;
	}
	FILE *f = fopen(timing, "r");
	if (!f) {
		fprintf(stderr, "bench_tui: %s wrote no timing to %s\n", prog, timing);
		return -1;
	}
	char word[32];
	long long v;
	*n_keys = 0;
	*first = -1;
	while (fscanf(f, "%31s %lld", word, &v) == 2) {
		if (strcmp(word, "first_screen") == 0)
			*first = (int64_t)v - t0;
		else if (strcmp(word, "key") == 0 && *n_keys < max_keys)
			keys[(*n_keys)++] = (int64_t)v;
	}
	fclose(f);
	if (*first < 0) {
		fprintf(stderr, "bench_tui: no first screen in %s\n", timing);
		return -1;
	}
	return 0;
}

static int write_script(const char *path, int n_keys)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	if (n_keys > 0) {
		fprintf(f, "key +\n");
		for (int i = 0; i < n_keys; i++)
			fprintf(f, "key PgDn\n");
	}
	return fclose(f);
}

static const char *verdict(double ms, double goal)
{
	return ms < goal ? "PASS" : "MISS";
}

int main(int argc, char **argv)
{
	const char *dir = "bench-data", *prog = "./budgetlab";
	int n_keys = 1000, runs = 5;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--budgetlab") == 0 && i + 1 < argc)
			prog = argv[++i];
		else if (strcmp(argv[i], "--keys") == 0 && i + 1 < argc)
			n_keys = atoi(argv[++i]);
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else {
			fprintf(stderr, "usage: %s [--dir DIR] [--budgetlab PROG] [--keys N] [--runs N]\n", argv[0]);
			return 2;
		}
	}
	if (n_keys < 1 || n_keys > 50000 || runs < 1 || runs > 100) {
		fprintf(stderr, "bench_tui: --keys 1..50000, --runs 1..100\n");
		return 2;
	}
	char db[4096], empty[4096], pages[4096], timing[4096];
	snprintf(db, sizeof db, "%s/bench.budgetlab", dir);
	snprintf(empty, sizeof empty, "%s/tui-open.script", dir);
	snprintf(pages, sizeof pages, "%s/tui-pages.script", dir);
	snprintf(timing, sizeof timing, "%s/tui-timing.txt", dir);
	struct stat st;
	if (stat(db, &st) != 0) {
		fprintf(stderr, "bench_tui: %s: %s (bench_load makes it; run `make bench`)\n", db, strerror(errno));
		return 1;
	}
	if (write_script(empty, 0) != 0 || write_script(pages, n_keys) != 0) {
		fprintf(stderr, "bench_tui: cannot write the scripts in %s\n", dir);
		return 1;
	}
	int64_t *keys = calloc((size_t)n_keys + 8, sizeof *keys);
	int64_t *firsts = calloc((size_t)runs, sizeof *firsts);
	if (!keys || !firsts)
		return 1;
	size_t nk;
	printf("\nbudgetlab screen benchmark: %s (%.1f MB), script mode, %d runs\n\n", db,
	       (double)st.st_size / 1e6, runs);
	printf("  %-42s %10s %10s\n", "", "median", "worst");
	static const char *const screens[] = { "process", "budget" };
	for (int s = 0; s < 2; s++) {
		for (int r = 0; r < runs; r++)
			if (run(prog, db, screens[s], empty, timing, &firsts[r], keys, (size_t)n_keys + 8, &nk) != 0)
				return 1;
		qsort(firsts, (size_t)runs, sizeof *firsts, cmp64);
		double med = (double)firsts[runs / 2] / 1e6, worst = (double)firsts[runs - 1] / 1e6;
		char label[64];
		snprintf(label, sizeof label, "start to first screen (%s)", screens[s]);
		printf("  %-42s %7.1f ms %7.1f ms   goal < 100 ms   %s\n", label, med, worst, verdict(worst, 100));
	}
	int64_t first;
	if (run(prog, db, "budget", pages, timing, &first, keys, (size_t)n_keys + 8, &nk) != 0)
		return 1;
	if (nk != (size_t)n_keys + 1) {
		fprintf(stderr, "bench_tui: expected %d key timings, got %zu\n", n_keys + 1, nk);
		return 1;
	}
	printf("  %-42s %7.1f ms\n", "+ (unfold all 5,110 areas, count lines)", (double)keys[0] / 1e6);
	qsort(keys + 1, (size_t)n_keys, sizeof *keys, cmp64);
	double med = (double)keys[1 + n_keys / 2] / 1e6, worst = (double)keys[n_keys] / 1e6;
	char label[64];
	snprintf(label, sizeof label, "page-down, per key (%d keys)", n_keys);
	printf("  %-42s %7.3f ms %7.3f ms   goal < 5 ms     %s\n", label, med, worst, verdict(worst, 5));
	free(keys);
	free(firsts);
	return 0;
}
