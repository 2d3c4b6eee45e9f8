/* gen_import.c: a large, deterministic finance-system export for the
 * import benchmark.
 *
 * Writes two files into a directory:
 *   import.csv       N rows (default 1,000,000) in the shape of Bergen's
 *                    operating budget as Datahotellet publishes it
 *                    (../shared/data/budgets/bergen-2013-driftsbudsjett.csv):
 *                    UTF-8 with a BOM, ';' between the 14 columns
 *                    avdeling;avdeling-tekst;inntekt-utgift;tjomr;
 *                    tjenesteomraade-tekst;tjeneste;tjeneste-tekst;endrgr;
 *                    endrgr-tekst;tekst;2028;2029;2030;2031, amounts in
 *                    whole kroner written as Excel writes them in Norway
 *                    (" -1 362 250 ", a lone " -   " for zero), income
 *                    negative, one row per change group (endrgr) under a
 *                    service: 1 to 7 rows, 4 on average, that the import
 *                    profile bergen-driftsbudsjett sums into one line
 *                    (about N / 4 lines);
 *   import-sums.txt  what the file holds, counted while writing it: rows,
 *                    lines, areas, and per year the sum of the amounts as
 *                    signed in the file, exact, in øre; what `budgetlab
 *                    import --json` must report.
 * Same seed, same files, on every machine: the generator uses its own PRNG
 * (splitmix64) and integer arithmetic only. */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bench_util.h"

const char bench_prog[] = "gen_import";

#define N_YEARS 4
#define FIRST_YEAR 2028
#define SEED UINT64_C(0x2028b0d6e7a1c5f0)

/* Departments (avdeling), the top level of the areas. */
static const struct {
	const char *code, *text;
} depts[] = {
	{ "1", "Byrådsleders avdeling" },
	{ "2", "Byrådsavd. for finans, eiendom og eierskap" },
	{ "3", "Byrådsavd. for helse og omsorg" },
	{ "4", "Byrådsavd. for barnehage og skole" },
	{ "5", "Byrådsavd. for byutvikling, klima og miljø" },
	{ "6", "Byrådsavd. for sosial, bolig og områdesatsing" },
	{ "7", "Byrådsavd. for kultur, næring, idrett og kirke" },
	{ "8", "Bystyrets organer" },
	{ "9", "Byrådsavd. for arbeid, inkludering og mangfold" },
	{ "10", "Byrådsavd. for eldre, helse og frivillighet" },
	{ "11", "Byrådsavd. for tjenesteutvikling og innbyggerdialog" },
	{ "12", "Byrådsavd. for næring og kommunal eiendom" },
	{ "13", "Byrådsavd. for beredskap og samfunnssikkerhet" },
	{ "14", "Byrådsavd. for vann, avløp og renovasjon" },
	{ "15", "Byrådsavd. for idrett, friluftsliv og nærmiljø" },
	{ "90", "Fellesposter - bykassen" },
};
#define N_DEPTS (sizeof depts / sizeof depts[0])

/* Service areas (tjomr), the second level: Bergen's own, as the file
 * writes them (one with quotes in its name, so quoted and written
 * twice). */
static const struct {
	const char *code, *text;
} sareas[] = {
	{ "01A", "Barnehage" },
	{ "01B", "Skole" },
	{ "02", "Barnevern" },
	{ "03A", "Aktivisering av eldre og funksjonshemmede" },
	{ "03B", "Institusjonsbaserte bo- og omsorgstjenester" },
	{ "03C", "Hjemmebaserte bo og omsorgstjenester" },
	{ "03D", "Byggdrift: Tiltak for eldre og omsorgstrengende" },
	{ "04A", "Tjenester til rusavhengige og bostedsløse" },
	{ "04B", "Sosialhjelp og andre sosiale tjenester" },
	{ "05A", "Forebyggende helsearbeid" },
	{ "05B", "Behandling og rehabilitering" },
	{ "06", "Overføringer til trossamfunn" },
	{ "07", "Brannvesen" },
	{ "08", "Samferdsel" },
	{ "09", "Boligtiltak" },
	{ "10A", "Offentlige planer, byplanlegging og kulturminnevern" },
	{ "10B", "Private planer og byggesak" },
	{ "10C", "Naturforvaltning og parkdrift" },
	{ "10D", "Klima og miljø" },
	{ "11A", "Lærlinger" },
	{ "11B", "Arbeidsmarkedstiltak" },
	{ "12A", "Kommunale kulturtilbud rettet mot voksne" },
	{ "12B", "Kommunale kulturtilbud rettet mot barn og unge" },
	{ "12C", "Kulturtilskudd (til prosjekter, institusjoner og lag)" },
	{ "12D", "Bergen offentlige bibliotek" },
	{ "12E", "Museer" },
	{ "12F", "Bergen kulturskole og Barnas kulturhus" },
	{ "12G", "Kulturbygg og anlegg" },
	{ "13A", "Idrett: Tilskudd til lag og organisasjoner" },
	{ "13B", "Kommunale idrettstilbud" },
	{ "13C", "Kommunale idrettsbygg og anlegg" },
	{ "14", "Næring" },
	{ "15", "Bystyrets organer" },
	{ "16", "Administrasjon og fellesfunksjoner" },
	{ "17A", "Fellestjenester" },
	{ "17B", "Sivilforsvar og beredskap" },
	{ "18A", "Vann og avløp" },
	{ "18B", "Renovasjon" },
	{ "20", "Interne tjenester / fordelte kostnader" },
	{ "23", "\"\"\"Under streken\"\"-sentrale budsjettposter\"" },
};
#define N_SAREAS (sizeof sareas / sizeof sareas[0])
/* Service areas per department: each department takes 25 of the 40, by
 * a step coprime with 40, so the 25 are distinct. */
#define SA_PER_DEPT 25

/* Services (tjeneste): the KOSTRA function, then two digits. */
static const struct {
	int fn;
	const char *text;
} functions[] = {
	{ 100, "Politisk styring" },
	{ 110, "Kontroll og revisjon" },
	{ 120, "Administrasjon" },
	{ 121, "Forvaltningsutgifter i eiendomsforvaltningen" },
	{ 130, "Administrasjonslokaler" },
	{ 180, "Diverse fellesutgifter" },
	{ 201, "Barnehage" },
	{ 202, "Grunnskole" },
	{ 211, "Styrket tilbud til førskolebarn" },
	{ 213, "Voksenopplæring" },
	{ 215, "Skolefritidstilbud" },
	{ 222, "Skolelokaler" },
	{ 231, "Aktivitetstilbud barn og unge" },
	{ 232, "Helsestasjon og skolehelsetjeneste" },
	{ 233, "Annet forebyggende helsearbeid" },
	{ 234, "Aktiviserings- og servicetjenester overfor eldre" },
	{ 241, "Diagnose, behandling, re-/habilitering" },
	{ 242, "Råd, veiledning og sosialt forebyggende arbeid" },
	{ 243, "Tilbud til personer med rusproblemer" },
	{ 244, "Barneverntjeneste" },
	{ 251, "Barneverntiltak når barnet ikke er plassert av barnevernet" },
	{ 252, "Barneverntiltak når barnet er plassert av barnevernet" },
	{ 253, "Helse- og omsorgstjenester i institusjon" },
	{ 254, "Helse- og omsorgstjenester til hjemmeboende" },
	{ 261, "Institusjonslokaler" },
	{ 265, "Kommunalt disponerte boliger" },
	{ 273, "Arbeidsrettede tiltak i kommunal regi" },
	{ 275, "Introduksjonsordningen" },
	{ 281, "Ytelse til livsopphold" },
	{ 283, "Bistand til etablering og opprettholdelse av egen bolig" },
	{ 301, "Plansaksbehandling" },
	{ 302, "Byggesaksbehandling og eierseksjonering" },
	{ 325, "Tilrettelegging og bistand for næringslivet" },
	{ 332, "Kommunale veier" },
	{ 335, "Rekreasjon i tettsted" },
	{ 338, "Forebygging av branner og andre ulykker" },
	{ 339, "Beredskap mot branner og andre ulykker" },
	{ 345, "Vannforsyning" },
	{ 353, "Avløpsrensing" },
	{ 355, "Innsamling av husholdningsavfall" },
	{ 360, "Naturforvaltning og friluftsliv" },
	{ 370, "Bibliotek" },
	{ 375, "Museer" },
	{ 377, "Kunstformidling" },
	{ 380, "Idrett og tilskudd til andres idrettsanlegg" },
	{ 381, "Kommunale idrettsbygg og idrettsanlegg" },
	{ 383, "Musikk- og kulturskoler" },
	{ 385, "Andre kulturaktiviteter og tilskudd til andres kulturbygg" },
	{ 386, "Kommunale kulturbygg" },
	{ 390, "Den norske kirke" },
};
#define N_FUNCTIONS (sizeof functions / sizeof functions[0])

/* Where a service is given, for the titles of the many services of one
 * function. */
static const char *const places[] = {
	"Åsane", "Fana", "Ytrebygda", "Årstad", "Bergenhus", "Laksevåg",
	"Fyllingsdalen", "Arna", "Møhlenpris", "Sandviken", "Løvstakken",
	"Nøstet", "Søreide", "Kjøkkelvik", "Ulset", "Nattland", "Sædalen",
	"Hjellestad", "Ådland", "Ytre Arna", "Kråkenes", "Loddefjord", "Øvsttun",
	"Skjold", "Flaktveit", "Tertnes", "Dræggen", "Kronstad", "Slettebakken",
	"Blomsterdalen",
};
#define N_PLACES (sizeof places / sizeof places[0])

/* Change groups (endrgr), in the order a service lists them; the first,
 * N00, is last year's adopted budget and begins every service. */
static const struct {
	const char *code, *text;
	const char *tekst[3]; /* what the change was (NULL: fewer) */
} groups[] = {
	{ "N00", "Vedtatt budsjett inneværende år",
	  { "Vedtatt budsjett 2027", "Vedtatt budsjett 2027 - korrigert", NULL } },
	{ "N01", "Generell lønns- og prisstigning og inntektskrav",
	  { "Priskompensasjon", "Generelt inntektskrav",
	    "Foreløpig beregnet helårsvirkning av lønnsoppgjør 2027" } },
	{ "N02", "Andre kostnadsendringer",
	  { "Økt husleie - ENØK-tiltak", "Kostnadsendringer VA", NULL } },
	{ "N03", "Helårsvirkn. av tiltak og justeringer i årets bud.",
	  { "Div. tekniske justeringer", "Styrking av kommuneadvokaten - jfr. Tertialrapport 1/27",
	    NULL } },
	{ "N04", "Organisatoriske endringer",
	  { "Overføring av midler mellom BHO og BSBO etter omorganisering", NULL, NULL } },
	{ "N05", "Tilpasning til aktivitetsnivået",
	  { "Tilpasning til aktivitetsnivå", "Tilpasning dagens bemanning", NULL } },
	{ "N06", "Diverse",
	  { "Oppdatering sentrale budsjettposter", "Diverse tekniske endringer",
	    "Justeringer knyttet til avskrevne/\"\"nedbetalte\"\" prosjekter " } },
	{ "N07", "Nye tiltak - driftskonsekvenser av investeringer",
	  { "Kapitalkostnader - Infrastruktur", "Kapitalkostnader - Ny brannbåt",
	    "Økt vedlikeholdsbudsjett for kommunale bygg" } },
	{ "N07B", "Nye tiltak forøvrig",
	  { "Økte kulturtilskudd - se tilskuddslisten", "Styrking av helsesøstertjenesten",
	    NULL } },
	{ "N08", "Engangstiltak", { "Jubileum - Bergen 955 år", NULL, NULL } },
	{ "N10", "Redusert ytelser", { "Redusert åpningstid på kveldstid", NULL, NULL } },
	{ "N11", "Effektivisering",
	  { "Videreføre gevinstrealisering ny avtale for data og telefoni", NULL, NULL } },
	{ "N12", "Inntektsendring - utover generelt inntektskrav",
	  { "Økte brukerbetalinger", NULL, NULL } },
	{ "N12B", "Fordelte kostnader mv.", { "Fordelte kostnader mv.", NULL, NULL } },
	{ "N13", "Gebyrendringer innenfor selvkostområdet",
	  { "Endring i kalkulatoriske kostnader på selvkostområder", NULL, NULL } },
	{ "N14", "Endring i bruk/avsetning av fondsmidler",
	  { "Endring i bruk/avsetning av fondsmidler", NULL, NULL } },
	{ "N15", "Nødvendige tiltak i økonomiplanperioden",
	  { "Foreløpig usaldert i økonomiplanperioden", "Avsetning til neste års lønnsoppgjør",
	    NULL } },
};
#define N_GROUPS (sizeof groups / sizeof groups[0])
#define GROUP_N07 7

/* The order of the rows: per department its income, then its expenses,
 * each per service area, as Bergen's file is sorted.  A department's
 * share of the file is 100 units: 1 per service area for the income,
 * 3 for the expenses. */
#define UNITS_PER_DEPT 100

static const char usage[] =
	"Usage: gen_import [--rows N] [--dir DIR]\n"
	"Writes DIR/import.csv (N rows, default 1000000, in the shape of Bergen's\n"
	"operating budget export) and DIR/import-sums.txt (its row, line and area\n"
	"counts and per year the sum of its amounts in øre), the same bytes on\n"
	"every run (default DIR: .).\n";

/* An amount in kroner as Excel's Norwegian accounting format writes it:
 * " 5 007 000 ", " -1 362 250 ", and " -   " for zero. */
static void put_kroner(FILE *f, int64_t kr)
{
	if (kr == 0) {
		fputs(" -   ", f);
		return;
	}
	char digits[24], out[48];
	uint64_t u = kr < 0 ? (uint64_t)0 - (uint64_t)kr : (uint64_t)kr;
	int n = 0, o = 0;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	out[o++] = ' ';
	if (kr < 0)
		out[o++] = '-';
	while (n) {
		out[o++] = digits[--n];
		if (n && n % 3 == 0)
			out[o++] = ' ';
	}
	out[o++] = ' ';
	fwrite(out, 1, (size_t)o, f);
}

/* Last year's budget of a service in whole kroner: log-uniform from
 * 10.000 kr. to about 50 mio. kr., to the krone (Bergen's figures are not
 * rounded). */
static int64_t base_kroner(void)
{
	/* Two draws, in this order (one expression would not fix it). */
	int64_t v = bench_log_kroner();
	return v * (100000 + (int64_t)bench_below(25900)) / 100000;
}

int main(int argc, char **argv)
{
	long n_rows = 1000000;
	const char *dir = ".";
	bench_seed(SEED);
	int rc = bench_gen_args(argc, argv, "--rows", &n_rows, &dir, usage);
	if (rc >= 0)
		return rc;

	char cpath[4096], spath[4096];
	FILE *f = bench_open_out(dir, "import.csv", cpath, sizeof cpath);
	if (!f)
		return 1;
	fputs("\xEF\xBB\xBF" "avdeling;avdeling-tekst;inntekt-utgift;tjomr;tjenesteomraade-tekst;"
	      "tjeneste;tjeneste-tekst;endrgr;endrgr-tekst;tekst", f);
	for (int y = 0; y < N_YEARS; y++)
		fprintf(f, ";%d", FIRST_YEAR + y);
	fputc('\n', f);

	/* What the file holds, counted as it is written. */
	int64_t sum_ore[N_YEARS] = { 0 };
	long n_lines = 0, n_areas = 0;
	bool dept_seen[N_DEPTS] = { false };
	bool sa_seen[N_DEPTS][SA_PER_DEPT] = { { false } };

	const int64_t units = (int64_t)N_DEPTS * UNITS_PER_DEPT;
	long block = -1, counter = 0;
	for (long r = 0; r < n_rows;) {
		/* The line's place from the row it starts on. */
		int64_t u = (int64_t)r * units / n_rows;
		int d = (int)(u / UNITS_PER_DEPT), v = (int)(u % UNITS_PER_DEPT);
		bool income = v < SA_PER_DEPT;
		int t = income ? v : (v - SA_PER_DEPT) / 3;
		long b = (long)(d * 2 + !income) * SA_PER_DEPT + t;
		if (b != block) {
			block = b;
			counter = 0;
		}
		long svc = counter++;
		size_t sa = (size_t)(d * 7 + t * 3) % N_SAREAS;
		/* Unique in the block: (svc + an offset) % N_FUNCTIONS and q
		 * together give svc back. */
		size_t fn = ((size_t)svc + sa * 11) % N_FUNCTIONS;
		long q = svc / (long)N_FUNCTIONS;
		if (!dept_seen[d]) {
			dept_seen[d] = true;
			n_areas++;
		}
		if (!sa_seen[d][t]) {
			sa_seen[d][t] = true;
			n_areas++;
		}
		n_lines++;

		/* The service's title: the function, and where (services of
		 * the same function are told apart by place). */
		char title[160];
		if (q == 0)
			snprintf(title, sizeof title, "%s", functions[fn].text);
		else if (q <= (long)N_PLACES)
			snprintf(title, sizeof title, "%s, %s", functions[fn].text,
				 places[q - 1]);
		else
			snprintf(title, sizeof title, "%s, %s %ld", functions[fn].text,
				 places[(q - 1) % (long)N_PLACES], (q - 1) / (long)N_PLACES + 1);

		long k = 1 + (long)bench_below(7);
		if (k > n_rows - r)
			k = n_rows - r;
		int64_t base = base_kroner();
		size_t g = 0;
		for (long j = 0; j < k; j++, r++) {
			if (j > 0) {
				/* The next change group, or the same again with
				 * another text. */
				g += bench_below(4) == 0 ? 0 : 1 + bench_below(3);
				if (g >= N_GROUPS)
					g = N_GROUPS - 1;
				if (g == 0)
					g = 1;
			}
			size_t nt = groups[g].tekst[2] ? 3 : groups[g].tekst[1] ? 2 : 1;
			const char *tekst = groups[g].tekst[bench_below((uint32_t)nt)];
			bool quoted = strchr(tekst, '"') != NULL;
			fprintf(f, "%s;%s;%s;%s;%s;%03d%02ld;%s;%s;%s;%s%s%s", depts[d].code,
				depts[d].text, income ? "Inntekt" : "Utgift", sareas[sa].code,
				sareas[sa].text, functions[fn].fn, q, title, groups[g].code,
				groups[g].text, quoted ? "\"" : "", tekst, quoted ? "\"" : "");

			/* The row's amount: the whole budget for N00, a change
			 * of 0.1 to 15 % of it otherwise, mostly upwards for
			 * expenses and (more negative) for income. */
			int64_t kr;
			if (g == 0) {
				kr = base;
			} else {
				kr = base * (1 + (int64_t)bench_below(150)) / 1000;
				if (bench_below(100) < 22)
					kr = -kr;
			}
			if (income)
				kr = -kr;
			/* A new investment's running costs start in a later
			 * year. */
			int start = g == GROUP_N07 ? (int)bench_below(3) : 0;
			for (int y = 0; y < N_YEARS; y++) {
				int64_t a = kr;
				if (y > 0 && bench_below(4) == 0) {
					kr = kr * (970 + (int64_t)bench_below(61)) / 1000;
					a = kr;
				}
				if (y < start || (g > 0 && bench_below(100) < 3))
					a = 0;
				fputc(';', f);
				put_kroner(f, a);
				sum_ore[y] += a * 100;
			}
			fputc('\n', f);
		}
	}
	if (bench_close_out(f, cpath))
		return 1;

	FILE *s = bench_open_out(dir, "import-sums.txt", spath, sizeof spath);
	if (!s)
		return 1;
	fprintf(s, "# gen_import: what import.csv holds, counted while writing it; the sums\n"
		   "# are of the amount columns as signed in the file, in øre.\n"
		   "rows %ld\nlines %ld\nareas %ld\n", n_rows, n_lines, n_areas);
	for (int y = 0; y < N_YEARS; y++)
		fprintf(s, "%d %" PRId64 "\n", FIRST_YEAR + y, sum_ore[y]);
	if (bench_close_out(s, spath))
		return 1;
	printf("gen_import: wrote %s (%ld rows, %ld lines, %ld areas) and %s\n", cpath, n_rows,
	       n_lines, n_areas, spath);
	return 0;
}
