/* bench_rules.c: how fast each winner rule (core/rules.c) runs on a real
 * election, and whether it still gives pabutools' outcome.
 *
 *   bench/bench_rules [--all] [--pabulib DIR] [--runs N] [FILE.pb ...]
 *
 * Without FILE, the largest .pb (in bytes) of the shared instances: DIR
 * (--pabulib), else $BL_PABULIB_DIR, else SRCDIR/../shared/data/pabulib;
 * DIR holds instances/ and expected/ (or is the instances folder itself,
 * expected/ beside it).  With --all, every .pb there, by name.  When
 * the default folder is not there (the shared data is not part of the
 * source) it says so and exits 0, so that `make bench` goes on.
 *
 * For each election: a line naming it, then one line per rule: its name,
 * the projects selected, the best of N runs (default 3) in milliseconds
 * (CLOCK_MONOTONIC wall-clock around bl_rule_run_opts only: the file is
 * read once, not timed), and the outcome against pabutools' in
 * expected/<instance>.<rule>.txt when there is one: in order, except
 * phragmen, compared as a set (pabutools returns it sorted).  The rules
 * that count approval ballots only are not run on other ballots.  The goal
 * is under a second for every rule (README of the shared data); a rule
 * over it is marked SLOW, a finding, not an error: the exit status is 1
 * only if an outcome differs or something cannot be read or run. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench_util.h"
#include "core/pabulib.h"
#include "core/pb.h"
#include "core/rules.h"

const char bench_prog[] = "bench_rules";

#define GOAL_MS 1000.0
#define MAX_IDS 4096

static const char usage[] =
	"usage: bench_rules [--all] [--pabulib DIR] [--runs N] [FILE.pb ...]\n"
	"  every winner rule on FILE (default: the largest shared instance; --all:\n"
	"  every one), best of N runs (3), against pabutools' outcomes in expected/\n";

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids of an expected file, in order; -1 if there is none. */
static long read_expected(const char *path, char **ids, size_t max)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[1024];
	long n = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if ((size_t)n < max)
			ids[n++] = strdup(line);
	}
	fclose(f);
	return n;
}

/* Only greedy_cost and greedy_cost_noskip count points and rankings. */
static bool counts(const bl_pb *pb, bl_rule r)
{
	if (pb->vote_type == BL_VOTE_APPROVAL || pb->vote_type == BL_VOTE_CHOOSE1)
		return true;
	return r == BL_RULE_GREEDY_COST || r == BL_RULE_GREEDY_COST_NOSKIP;
}

/* Every rule on the election in path; expected files in expdir (may be
 * NULL).  0, or 1 if an outcome differs or a rule fails. */
static int bench_file(const char *path, const char *expdir, long runs)
{
	bl_pb pb;
	bl_err err = {{0}};
	double t0 = bench_now();
	if (bl_pb_read_file(path, &pb, &err) != 0) {
		fprintf(stderr, "bench_rules: %s\n", err.msg);
		return 1;
	}
	double read_ms = (bench_now() - t0) * 1e3;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char inst[1024];
	size_t bl = strlen(base);
	if (bl > 3 && strcmp(base + bl - 3, ".pb") == 0)
		bl -= 3;
	snprintf(inst, sizeof inst, "%.*s", (int)bl, base);
	char budget[32];
	printf("%s: %zu projects, %zu ballots, budget %s, %s ballots (read in %.0f ms)\n", inst,
	       pb.n_projects, pb.n_votes, bl_pb_format_amount(pb.budget, budget, sizeof budget),
	       bl_pb_vote_type_name(pb.vote_type), read_ms);
	int status = 0;
	double worst = 0;
	for (int r = 0; r < BL_RULE_COUNT; r++) {
		const char *rn = bl_rule_name((bl_rule)r);
		if (!counts(&pb, (bl_rule)r))
			continue;
		bl_rule_result res;
		double best = -1;
		bool failed = false;
		for (long k = 0; k < runs && !failed; k++) {
			double s = bench_now();
			if (bl_rule_run_opts(&pb, (bl_rule)r, NULL, &res, &err) != 0) {
				failed = true;
				break;
			}
			double ms = (bench_now() - s) * 1e3;
			if (best < 0 || ms < best)
				best = ms;
			if (k + 1 < runs)
				bl_rule_result_free(&res);
		}
		if (failed) {
			printf("  %-22s failed: %s\n", rn, err.msg);
			status = 1;
			continue;
		}
		if (best > worst)
			worst = best;
		char verdict[1400] = "no expected outcome";
		if (expdir) {
			char ep[8192];
			snprintf(ep, sizeof ep, "%s/%s.%s.txt", expdir, inst, rn);
			char **want = calloc(MAX_IDS, sizeof *want);
			char **got = calloc(res.n_selected ? res.n_selected : 1, sizeof *got);
			long nw = want ? read_expected(ep, want, MAX_IDS) : -1;
			if (nw >= 0 && got) {
				for (size_t k = 0; k < res.n_selected; k++)
					got[k] = pb.projects[res.selected[k]].id;
				bool set = r == BL_RULE_PHRAGMEN;
				if (set) {
					qsort(got, res.n_selected, sizeof *got, cmp_str);
					qsort(want, (size_t)nw, sizeof *want, cmp_str);
				}
				size_t at = 0, n = res.n_selected;
				while (at < n && at < (size_t)nw && strcmp(got[at], want[at]) == 0)
					at++;
				if (at == n && n == (size_t)nw) {
					snprintf(verdict, sizeof verdict, "matches pabutools%s",
						 set ? " (as a set)" : " (in order)");
				} else {
					snprintf(verdict, sizeof verdict,
						 "DIFFERS from pabutools: %zu vs %ld projects, "
						 "first at %zu: %s vs %s",
						 n, nw, at, at < n ? got[at] : "-",
						 at < (size_t)nw ? want[at] : "-");
					status = 1;
				}
			}
			if (want)
				for (long k = 0; k < (nw > 0 ? nw : 0); k++)
					free(want[k]);
			free(want);
			free(got);
		}
		printf("  %-22s %4zu selected %9.1f ms%s  %s\n", rn, res.n_selected, best,
		       best > GOAL_MS ? " SLOW" : "", verdict);
		bl_rule_result_free(&res);
	}
	printf("  slowest rule: %.1f ms (goal: under %.0f ms) %s\n", worst, GOAL_MS,
	       worst < GOAL_MS ? "PASS" : "MISS");
	bl_pb_free(&pb);
	return status;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	bool all = false;
	const char *pabulib = NULL;
	long runs = 3;
	int first_file = argc;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0) {
			all = true;
		} else if (strcmp(argv[i], "--pabulib") == 0 && i + 1 < argc) {
			pabulib = argv[++i];
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			if (bench_opt_long("--runs", argv[++i], 1, 1000, &runs) != 0)
				return 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "bench_rules: unknown option %s\n%s", argv[i], usage);
			return 2;
		} else {
			first_file = i;
			break;
		}
	}
	int status = 0;
	if (first_file < argc) {
		/* files named: expected/ beside their folder */
		for (int i = first_file; i < argc; i++) {
			char dir[4096], exp[4200];
			const char *slash = strrchr(argv[i], '/');
			if (slash)
				snprintf(dir, sizeof dir, "%.*s", (int)(slash - argv[i]), argv[i]);
			else
				snprintf(dir, sizeof dir, ".");
			snprintf(exp, sizeof exp, "%s/../expected", dir);
			status |= bench_file(argv[i], is_dir(exp) ? exp : NULL, runs);
		}
		return status;
	}
	char base[4096], inst[4200], exp[4200];
	if (!pabulib)
		pabulib = getenv("BL_PABULIB_DIR");
	if (pabulib && *pabulib)
		snprintf(base, sizeof base, "%s", pabulib);
	else
		snprintf(base, sizeof base, "%s/../shared/data/pabulib", SRCDIR);
	snprintf(inst, sizeof inst, "%s/instances", base);
	if (is_dir(inst)) {
		snprintf(exp, sizeof exp, "%s/expected", base);
	} else {
		snprintf(inst, sizeof inst, "%s", base);
		snprintf(exp, sizeof exp, "%s/../expected", base);
	}
	DIR *d = opendir(inst);
	if (!d && !(pabulib && *pabulib)) {
		/* the shared data is not part of the source: nothing to measure */
		printf("bench_rules: skipped: no shared Pabulib instances at %s (set BL_PABULIB_DIR "
		       "or give a .pb file)\n", inst);
		return 0;
	}
	if (!d) {
		fprintf(stderr, "bench_rules: no Pabulib instances at %s: %s\n(set BL_PABULIB_DIR or "
				"give a .pb file)\n", inst, strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t nn = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l <= 3 || strcmp(e->d_name + l - 3, ".pb") != 0)
			continue;
		if (nn == cap) {
			cap = cap ? cap * 2 : 16;
			char **t = realloc(names, cap * sizeof *names);
			if (!t)
				break;
			names = t;
		}
		names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	if (nn == 0) {
		fprintf(stderr, "bench_rules: no .pb file in %s\n", inst);
		free(names);
		return 1;
	}
	qsort(names, nn, sizeof *names, cmp_str);
	size_t largest = 0;
	int64_t largest_size = -1;
	for (size_t i = 0; i < nn; i++) {
		char path[8400];
		snprintf(path, sizeof path, "%s/%s", inst, names[i]);
		int64_t sz = bench_file_size(path);
		if (sz > largest_size) {
			largest_size = sz;
			largest = i;
		}
	}
	for (size_t i = 0; i < nn; i++) {
		if (all || i == largest) {
			char path[8400];
			snprintf(path, sizeof path, "%s/%s", inst, names[i]);
			status |= bench_file(path, is_dir(exp) ? exp : NULL, runs);
		}
		free(names[i]);
	}
	free(names);
	return status;
}
