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

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#include "bench_util.h"

const char bench_prog[] = "gen_large";

#define N_COMMITTEES 10
#define N_SERVICE_AREAS 10
#define N_SERVICES 50
#define N_YEARS 4
#define FIRST_YEAR 2028
#define SEED UINT64_C(0x2028b0d6e7a11ce5)

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

static const char usage[] =
	"Usage: gen_large [--lines N] [--dir DIR]\n"
	"Writes DIR/large-areas.tsv and DIR/large.tsv (default DIR: .,\n"
	"N: 1000000), the same bytes on every run.\n";

/* A line's 2028 amount in whole kroner: log-uniform from 10.000 kr. to
 * about 50 mio. kr., most lines small as in a real detailed budget. */
static int64_t base_kroner(void)
{
	int64_t v = bench_log_kroner();
	v = v * (1000 + (int64_t)bench_below(259)) / 1000;
	return v / 1000 * 1000; /* whole thousands, as budgets are written */
}

int main(int argc, char **argv)
{
	long n_lines = 1000000;
	const char *dir = ".";
	bench_seed(SEED);
	int rc = bench_gen_args(argc, argv, "--lines", &n_lines, &dir, usage);
	if (rc >= 0)
		return rc;

	char apath[4096], lpath[4096];
	FILE *fa = bench_open_out(dir, "large-areas.tsv", apath, sizeof apath);
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
	if (bench_close_out(fa, apath))
		return 1;

	FILE *fl = bench_open_out(dir, "large.tsv", lpath, sizeof lpath);
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
		int capital = bench_below(100) < 4;
		int income = !capital && bench_below(100) < 15;
		int64_t kr = base_kroner();
		fprintf(fl, "U%02d/U%02d.%02d/U%02d.%02d.%02d\t%d.%02d.%02d.%07ld\t%s, %s\t%s\t%s",
			c + 1, c + 1, a + 1, c + 1, a + 1, s + 1, c % 8, a * 3 + 10,
			s + 1, i + 1, activities[bench_below(N_ACTIVITIES)],
			places[bench_below(N_PLACES)], capital ? "capital" : "operation",
			income ? "income" : "expense");
		for (int y = 0; y < N_YEARS; y++) {
			/* Outline years drift by -3..+3 % a year; capital projects
			 * come and go. */
			int64_t v = kr;
			if (y > 0)
				v = v * (970 + (int64_t)bench_below(61)) / 1000 / 1000 * 1000;
			if (capital && bench_below(4) == 0)
				v = 0;
			kr = v ? v : kr;
			fprintf(fl, "\t%" PRId64, v * 100);
		}
		fputc('\n', fl);
	}
	if (bench_close_out(fl, lpath))
		return 1;
	printf("gen_large: wrote %s (%ld lines) and %s (%d areas)\n", lpath, n_lines,
	       apath, N_COMMITTEES * (1 + N_SERVICE_AREAS * (1 + N_SERVICES)));
	return 0;
}
