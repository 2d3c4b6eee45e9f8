/* bench_util.c: what the benchmarks and their data generators share (see
 * bench_util.h). */
#include "config.h"

#include "bench_util.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- the generators ---- */

static uint64_t rng_state;

void bench_seed(uint64_t seed)
{
	rng_state = seed;
}

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

uint32_t bench_below(uint32_t n)
{
	return (uint32_t)(((rnd() >> 32) * n) >> 32);
}

int64_t bench_log_kroner(void)
{
	static const int64_t step[10] = { 1000, 1259, 1585, 1995, 2512,
					  3162, 3981, 5012, 6310, 7943 };
	uint32_t e = bench_below(37);
	int64_t v = step[e % 10] * 10;
	for (uint32_t i = 0; i < e / 10; i++)
		v *= 10;
	return v;
}

int bench_gen_args(int argc, char **argv, const char *count, long *n, const char **dir,
		   const char *usage)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], count) == 0 && i + 1 < argc) {
			if (bench_opt_long(count, argv[++i], 1, 100000000, n))
				return 2;
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			*dir = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		} else {
			fprintf(stderr, "%s: unknown argument '%s'\n", bench_prog, argv[i]);
			fputs(usage, stderr);
			return 2;
		}
	}
	return -1;
}

FILE *bench_open_out(const char *dir, const char *name, char *path, size_t sz)
{
	if ((size_t)snprintf(path, sz, "%s/%s", dir, name) >= sz) {
		fprintf(stderr, "%s: directory name too long: %s\n", bench_prog, dir);
		return NULL;
	}
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "%s: cannot write %s: %s\n", bench_prog, path, strerror(errno));
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

int bench_close_out(FILE *f, const char *path)
{
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "%s: error writing %s: %s\n", bench_prog, path, strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- every program ---- */

int bench_opt_long(const char *opt, const char *arg, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *end || v < min || v > max) {
		fprintf(stderr, "%s: %s: expected %ld to %ld, got '%s'\n", bench_prog, opt, min,
			max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* ---- the benchmarks ---- */

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int64_t bench_file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

void bench_remove_db(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char buf[4200];
	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(buf, sizeof buf, "%s%s", path, sfx[i]);
		unlink(buf);
	}
}

int bench_run(char *const argv[], const char *in, const char *out, double *secs)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null", O_RDONLY, 0);
	if (out)
		posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	double t0 = bench_now();
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT)
		return 1;
	if (rc) {
		fprintf(stderr, "%s: cannot run %s: %s\n", bench_prog, argv[0], strerror(rc));
		return -1;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (secs)
		*secs = bench_now() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s: %s failed (", bench_prog, argv[0]);
		for (int i = 0; argv[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
		if (in)
			fprintf(stderr, " < %s", in);
		if (WIFEXITED(status))
			fprintf(stderr, ": exit status %d)\n", WEXITSTATUS(status));
		else
			fprintf(stderr, ": signal %d)\n", WTERMSIG(status));
		return -1;
	}
	return 0;
}

void bench_table_head(const char *what, const char *per_second)
{
	printf("  %-36s %9s %12s %10s\n", what, "seconds", per_second, "file MB");
}

void bench_table_row(const char *label, double secs, long count, const char *db)
{
	printf("  %-36s %9.2f %12.0f %10.1f\n", label, secs, (double)count / secs,
	       (double)bench_file_size(db) / 1e6);
}

void bench_table_skipped(const char *label, const char *shell)
{
	printf("  %-36s %9s\n", label, "skipped");
	printf("\n  '%s' is not installed: no comparison (apt-get install sqlite3)\n", shell);
}

bool bench_table_ratio(double bl_secs, double sq_secs, double goal)
{
	double ratio = bl_secs / sq_secs;
	printf("  %-36s %8.2fx   goal <= %.1fx   %s\n", "ratio budgetlab / sqlite3", ratio, goal,
	       ratio <= goal ? "PASS" : "MISS");
	return ratio > goal;
}
