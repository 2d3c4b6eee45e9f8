/* gen_large.c: a large, deterministic municipality for the load benchmark.
 *
 * Writes two files into a directory:
 *   large-areas.tsv  path, name: 10 committees x 10 service areas x 50
 *                    services (5,110 areas), parents before children;
 *   large.tsv        area path, code, title, kind, direction, and four
 *                    amounts (2028-2031) in øre: N budget lines (default
 *                    1,000,000), grouped by service as an import would be.
 * Same seed, same files, on every machine: the generator uses its own PRNG
 * (splitmix64) and integer arithmetic only. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_COMMITTEES 10
#define N_SERVICE_AREAS 10
#define N_SERVICES 50
#define N_YEARS 4
#define FIRST_YEAR 2028
#define SEED UINT64_C(0x2028b0d6e7a11ce5)

static uint64_t rng_state = SEED;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t below(uint32_t n)
{
	return (uint32_t)(((rnd() >> 32) * n) >> 32);
}

static const char *const committees[N_COMMITTEES] = {
	"Økonomiudvalget", "Børne- og Skoleudvalget", "Social- og Sundhedsudvalget",
	"Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget",
	"Beskæftigelsesudvalget", "Plan- og Boligudvalget", "Ældreudvalget",
	"Klima- og Naturudvalget", "Erhvervs- og Turismeudvalget",
};

static const char *const service_areas[] = {
	"Folkeskoler", "Dagtilbud", "Ældrepleje", "Veje og grønne områder",
	"Kollektiv trafik", "Biblioteker", "Administration", "Sundhed",
	"Handicap og psykiatri", "Børn og unge med særlige behov",
	"Idræt og fritid", "Kultur", "Jobcenter", "Forsørgelse", "Affald",
	"Natur og vandløb", "Klimatilpasning", "Bygninger", "Beredskab",
	"Byggesager", "Boliger", "Erhverv", "Turisme", "Havne",
	"Misbrug", "Rehabilitering", "Hjælpemidler", "Tandpleje",
	"Sundhedspleje", "Folkeoplysning",
};
#define N_SA_NAMES (sizeof service_areas / sizeof service_areas[0])

static const char *const places[] = {
	"Egekær", "Bøgeskov", "Fjordby", "Lyngå", "Nørre Ege", "Sønderkær",
	"Mølleby", "Kildebjerg", "Havrehøj", "Ålunde", "Rævebakke", "Skovsø",
	"Lærkeholt", "Åbjerg", "Østervang", "Søby", "Højmark", "Grønnegade",
	"Kærby", "Væverstræde",
};
#define N_PLACES (sizeof places / sizeof places[0])

static const char *const activities[] = {
	"Løn til pædagoger", "Løn til lærere", "Vikarer", "Rengøring",
	"Bygningsvedligeholdelse", "El, vand og varme", "Indkøb af hjælpemidler",
	"Kørsel og befordring", "Kompetenceudvikling", "IT og licenser",
	"Madordning", "Forældrebetaling", "Brugerbetaling", "Statsrefusion",
	"Huslejeindtægter", "Tilskud til foreninger", "Materialer og værktøj",
	"Vintertjeneste", "Grønne områder, pleje", "Skiltning og afmærkning",
	"Aktiviteter for ældre", "Sundhedsfremme", "Forebyggende indsats",
	"Udgifter til køb af pladser", "Salg af pladser", "Konsulentbistand",
	"Forsikringer", "Kontorhold", "Møder og repræsentation",
	"Energibesparende tiltag",
};
#define N_ACTIVITIES (sizeof activities / sizeof activities[0])

static int usage(FILE *f, int rc)
{
	fprintf(f, "Usage: gen_large [--lines N] [--dir DIR]\n"
		   "Writes DIR/large-areas.tsv and DIR/large.tsv (default DIR: .,\n"
		   "N: 1000000), the same bytes on every run.\n");
	return rc;
}

static FILE *open_out(const char *dir, const char *name, char *path, size_t sz)
{
	if ((size_t)snprintf(path, sz, "%s/%s", dir, name) >= sz) {
		fprintf(stderr, "gen_large: directory name too long: %s\n", dir);
		return NULL;
	}
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen_large: cannot write %s: %s\n", path, strerror(errno));
		return NULL;
	}
	/* Large buffer: the file is written in one sweep. */
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static int close_out(FILE *f, const char *path)
{
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "gen_large: error writing %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A line's 2028 amount in whole kroner: log-uniform from 10.000 kr. to
 * about 50 mio. kr., most lines small as in a real detailed budget. */
static int64_t base_kroner(void)
{
	/* 10^4 .. 10^7.7 in 37 steps of 10^0.1, then a uniform factor within
	 * the step: integer only, so every platform draws the same numbers. */
	static const int64_t step[10] = { 1000, 1259, 1585, 1995, 2512,
					  3162, 3981, 5012, 6310, 7943 };
	uint32_t e = below(37);
	int64_t v = step[e % 10] * 10;
	for (uint32_t i = 0; i < e / 10; i++)
		v *= 10;
	v = v * (1000 + (int64_t)below(259)) / 1000;
	return v / 1000 * 1000; /* whole thousands, as budgets are written */
}

int main(int argc, char **argv)
{
	long n_lines = 1000000;
	const char *dir = ".";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lines") == 0 && i + 1 < argc) {
			char *end;
			errno = 0;
			n_lines = strtol(argv[++i], &end, 10);
			if (errno || *end || n_lines < 1 || n_lines > 100000000) {
				fprintf(stderr, "gen_large: --lines: expected 1 to 100000000, "
						"got '%s'\n", argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			return usage(stdout, 0);
		} else {
			fprintf(stderr, "gen_large: unknown argument '%s'\n", argv[i]);
			return usage(stderr, 2);
		}
	}

	char apath[4096], lpath[4096];
	FILE *fa = open_out(dir, "large-areas.tsv", apath, sizeof apath);
	if (!fa)
		return 1;
	fputs("path\tname\n", fa);
	for (int c = 0; c < N_COMMITTEES; c++) {
		fprintf(fa, "U%02d\t%s\n", c + 1, committees[c]);
		for (int a = 0; a < N_SERVICE_AREAS; a++) {
			const char *sa = service_areas[(size_t)(c * 7 + a * 3) % N_SA_NAMES];
			fprintf(fa, "U%02d/U%02d.%02d\t%s\n", c + 1, c + 1, a + 1, sa);
			for (int s = 0; s < N_SERVICES; s++)
				fprintf(fa, "U%02d/U%02d.%02d/U%02d.%02d.%02d\t%s, %s\n", c + 1,
					c + 1, a + 1, c + 1, a + 1, s + 1, sa,
					places[(size_t)(s + a) % N_PLACES]);
		}
	}
	if (close_out(fa, apath))
		return 1;

	FILE *fl = open_out(dir, "large.tsv", lpath, sizeof lpath);
	if (!fl)
		return 1;
	fputs("area\tcode\ttitle\tkind\tdirection", fl);
	for (int y = 0; y < N_YEARS; y++)
		fprintf(fl, "\t%d", FIRST_YEAR + y);
	fputc('\n', fl);
	const long n_services = (long)N_COMMITTEES * N_SERVICE_AREAS * N_SERVICES;
	for (long i = 0; i < n_lines; i++) {
		/* Lines in blocks per service, in tree order. */
		long svc = (long)((int64_t)i * n_services / n_lines);
		int c = (int)(svc / (N_SERVICE_AREAS * N_SERVICES));
		int a = (int)(svc / N_SERVICES % N_SERVICE_AREAS);
		int s = (int)(svc % N_SERVICES);
		int capital = below(100) < 4;
		int income = !capital && below(100) < 15;
		int64_t kr = base_kroner();
		fprintf(fl, "U%02d/U%02d.%02d/U%02d.%02d.%02d\t%d.%02d.%02d.%07ld\t%s, %s\t%s\t%s",
			c + 1, c + 1, a + 1, c + 1, a + 1, s + 1, c % 8, a * 3 + 10,
			s + 1, i + 1, activities[below(N_ACTIVITIES)],
			places[below(N_PLACES)], capital ? "capital" : "operation",
			income ? "income" : "expense");
		for (int y = 0; y < N_YEARS; y++) {
			/* Outline years drift by -3..+3 % a year; capital projects
			 * come and go. */
			int64_t v = kr;
			if (y > 0)
				v = v * (970 + (int64_t)below(61)) / 1000 / 1000 * 1000;
			if (capital && below(4) == 0)
				v = 0;
			kr = v ? v : kr;
			fprintf(fl, "\t%" PRId64, v * 100);
		}
		fputc('\n', fl);
	}
	if (close_out(fl, lpath))
		return 1;
	printf("gen_large: wrote %s (%ld lines) and %s (%d areas)\n", lpath, n_lines,
	       apath, N_COMMITTEES * (1 + N_SERVICE_AREAS * (1 + N_SERVICES)));
	return 0;
}
