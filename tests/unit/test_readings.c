/* test_readings.c: the stretch between the first and second reading in the
 * model (core/readings.c, core/hearing_note.c) and the `readings:` section
 * of a phase file (config/readings_yaml.c): the defaults, organisation
 * types, the hearing window and the amendment deadline, positions,
 * responses, the hearing summary to the byte, and every way the section
 * can be wrong with the exact file:line:column of its message. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/process_yaml.h"
#include "core/process.h"
#include "core/readings.h"
#include "tap.h"
#include "test_util.h"

#define N(a) (sizeof(a) / sizeof *(a))

static bl_err E;

static bl_date D(const char *s)
{
	bl_date d = 0;
	if (bl_date_parse(s, &d, NULL) != 0)
		diag("bad date in the test: %s", s);
	return d;
}

static int load(const char *text, bl_process_def **keep)
{
	bl_process_def *def = (bl_process_def *)&E; /* must be overwritten */
	bl_err_clear(&E);
	int r = bl_config_load_string(text, strlen(text), "t.yaml", &def, &E);
	tu_check_result(r, def, E.msg, "load", "definition");
	if (r != 0)
		def = NULL;
	if (keep)
		*keep = def;
	else
		bl_process_def_free(def);
	return r;
}

/* A valid file with a first_reading phase and a hearing phase with a
 * window; "readings:" at line 16, the section's lines from 17. */
#define HEAD                                                                  \
	"budgetlab: 1\n"                     /* 1 */                          \
	"process:\n"                         /* 2 */                          \
	"  municipality: Egekær Kommune\n"   /* 3 */                          \
	"  title: Budget 2028–2031\n"        /* 4 */                          \
	"  language: da\n"                   /* 5 */                          \
	"  budget_year: 2028\n"              /* 6 */                          \
	"phases:\n"                          /* 7 */                          \
	"  - id: proposal\n"                 /* 8 */                          \
	"    title: Forslag\n"               /* 9 */                          \
	"  - id: first_reading\n"            /* 10 */                         \
	"    title: 1. behandling\n"         /* 11 */                         \
	"  - id: hearing\n"                  /* 12 */                         \
	"    title: Høring\n"                /* 13 */                         \
	"    from: 2027-09-10\n"             /* 14 */                         \
	"    to: 2027-09-24\n"               /* 15 */
#define READINGS HEAD "readings:\n"      /* 16 */

#define BAD(text, where, what, name) TU_REFUSED(load(text, NULL), E.msg, where, what, name)

/* ---- the model ---- */

static const char *const default_keys[] = { "citizen", "association", "council", "business",
					     "institution", "party", "staff", "other" };

static void test_defaults(void)
{
	bl_process_def *d = NULL;
	is_int(load(HEAD, &d), 0, "a file without readings loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	bl_readings_def *r = &d->readings;
	is_str(r->freeze_at, "first_reading", "freeze_at defaults to first_reading");
	ok(r->has_hearing, "the hearing window defaults to the hearing phase's");
	is_int(r->hearing_opens, D("2027-09-10"), "opens on the hearing's from");
	is_int(r->hearing_closes, D("2027-09-24"), "closes on the hearing's to");
	ok(!r->has_amendment_deadline, "no amendment deadline by default");
	is_int(r->n_org_types, N(default_keys), "eight default organisation types");
	for (size_t i = 0; i < r->n_org_types && i < N(default_keys); i++)
		is_str(r->org_types[i].key, default_keys[i], "default type %zu", i + 1);
	is_str(r->org_types[0].name, "Borger", "named in Danish for a Danish process");
	is_str(r->org_types[7].name, "Andet", "other is Andet");
	bl_process_def_free(d);

	/* An empty section is the same as none. */
	is_int(load(READINGS, &d), 0, "an empty readings section loads");
	if (d) {
		is_str(d->readings.freeze_at, "first_reading", "empty: freeze_at default");
		ok(d->readings.has_hearing, "empty: hearing default");
		bl_process_def_free(d);
	}

	/* No first_reading, a hearing without a window; English names. */
	const char *t = "budgetlab: 1\nprocess:\n  municipality: M\n  title: T\n"
			"  language: en\n  budget_year: 2028\nphases:\n"
			"  - {id: goals, title: G}\n  - {id: hearing, title: H}\n";
	is_int(load(t, &d), 0, "a file without first_reading loads");
	if (d) {
		ok(d->readings.freeze_at == NULL, "no first_reading: nothing freezes");
		ok(!d->readings.has_hearing, "a hearing phase without a window: no window");
		is_str(d->readings.org_types[0].name, "Citizen", "named in English");
		is_str(d->readings.org_types[5].name, "Political party", "party in English");
		bl_process_def_free(d);
	}
	const char *nb = "budgetlab: 1\nprocess:\n  municipality: M\n  title: T\n"
			 "  language: nb\n  budget_year: 2028\nphases:\n  - {id: a, title: A}\n";
	is_int(load(nb, &d), 0, "a Norwegian file loads");
	if (d) {
		is_str(d->readings.org_types[0].name, "Innbygger", "named in Norwegian");
		is_str(d->readings.org_types[6].name, "Ansatt", "staff in Norwegian");
		bl_process_def_free(d);
	}

	/* The defaults fill only what is unset. */
	bl_process_def def;
	memset(&def, 0, sizeof def);
	bl_phase ph[2] = { { .id = "first_reading" },
			   { .id = "hearing", .has_window = true, .from = 10, .to = 20 } };
	def.phases = ph;
	def.n_phases = 2;
	def.readings.freeze_at = strdup("hearing");
	def.readings.has_hearing = true;
	def.readings.hearing_opens = 1;
	def.readings.hearing_closes = 2;
	is_int(bl_readings_defaults(&def, &E), 0, "defaults over a given section");
	is_str(def.readings.freeze_at, "hearing", "a given freeze_at is kept");
	is_int(def.readings.hearing_opens, 1, "a given window is kept");
	is_int(def.readings.n_org_types, 8, "the org types are filled");
	bl_readings_def_free(&def.readings);
	ok(def.readings.freeze_at == NULL && def.readings.n_org_types == 0 &&
		   def.readings.org_types == NULL,
	   "bl_readings_def_free leaves an empty definition");
	bl_readings_def_free(&def.readings); /* twice is harmless */
	bl_readings_def_free(NULL);
}

static bl_org_type two_types[] = { { "citizen", "Borger" }, { "association", "Forening" } };

static bl_readings_def window(void)
{
	bl_readings_def r;
	memset(&r, 0, sizeof r);
	r.has_hearing = true;
	r.hearing_opens = D("2027-09-10");
	r.hearing_closes = D("2027-09-24");
	r.has_amendment_deadline = true;
	r.amendment_deadline = D("2027-10-01");
	r.org_types = two_types;
	r.n_org_types = N(two_types);
	return r;
}

static void test_org_types(void)
{
	bl_readings_def r = window();
	const bl_org_type *t = bl_readings_org_type(&r, "association");
	ok(t == &r.org_types[1], "association found");
	ok(bl_readings_org_type(&r, "Citizen") == &r.org_types[0], "keys are case-insensitive");
	ok(bl_readings_org_type(&r, "CITIZEN") == &r.org_types[0], "upper case too");
	ok(bl_readings_org_type(&r, "citizens") == NULL, "a longer key is not a match");
	ok(bl_readings_org_type(&r, "citize") == NULL, "a prefix is not a match");
	ok(bl_readings_org_type(&r, "") == NULL, "the empty key is unknown");
	ok(bl_readings_org_type(&r, NULL) == NULL, "NULL is unknown");
	ok(bl_readings_org_type(NULL, "citizen") == NULL, "no definition, no type");
}

static void test_dates(void)
{
	bl_readings_def r = window();
	bool late = true;
	bl_err_clear(&E);
	is_int(bl_readings_response_date(&r, D("2027-09-01"), &late, &E), -1,
	       "a response before the hearing opened is refused");
	is_str(E.msg, "received 2027-09-01, before the hearing opened on 2027-09-10",
	       "the message names both dates");
	ok(!late, "a refused response is not late");
	is_int(bl_readings_response_date(&r, D("2027-09-09"), &late, NULL), -1,
	       "the day before opening is refused, with no message wanted");
	is_int(bl_readings_response_date(&r, D("2027-09-10"), &late, &E), 0,
	       "the opening day is inside");
	ok(!late, "opening day: not late");
	is_int(bl_readings_response_date(&r, D("2027-09-17"), &late, &E), 0, "mid-window");
	ok(!late, "mid-window: not late");
	is_int(bl_readings_response_date(&r, D("2027-09-24"), &late, &E), 0,
	       "the closing day is inside");
	ok(!late, "closing day: not late");
	is_int(bl_readings_response_date(&r, D("2027-09-25"), &late, &E), 0,
	       "after closing is accepted");
	ok(late, "the day after closing is late");
	is_int(bl_readings_response_date(&r, D("2028-01-01"), NULL, &E), 0,
	       "late without a place to say so");

	bl_readings_def none;
	memset(&none, 0, sizeof none);
	late = true;
	is_int(bl_readings_response_date(&none, D("1990-01-01"), &late, &E), 0,
	       "no window: any date is accepted");
	ok(!late, "no window: never late");

	ok(!bl_readings_amendment_late(&r, D("2027-09-30")), "before the deadline: on time");
	ok(!bl_readings_amendment_late(&r, D("2027-10-01")), "on the deadline: on time");
	ok(bl_readings_amendment_late(&r, D("2027-10-02")), "after the deadline: late");
	ok(!bl_readings_amendment_late(&none, D("2099-12-31")), "no deadline: never late");
}

static void test_positions(void)
{
	static const char *const keys[] = { "for", "against", "change", "neutral" };
	for (int p = 0; p < BL_POS_COUNT; p++) {
		bl_position back = BL_POS_COUNT;
		is_str(bl_position_key((bl_position)p), keys[p], "key of position %d", p);
		is_int(bl_position_from_key(keys[p], &back), 0, "%s is known", keys[p]);
		is_int(back, p, "%s round trip", keys[p]);
		ok(bl_position_name((bl_position)p) && *bl_position_name((bl_position)p),
		   "%s has a name", keys[p]);
	}
	bl_position out = BL_POS_NEUTRAL;
	is_int(bl_position_from_key("maybe", &out), -1, "an unknown key is refused");
	is_int(out, BL_POS_NEUTRAL, "a refused key leaves the output alone");
	is_int(bl_position_from_key("For", &out), -1, "keys are exact");
	is_int(bl_position_from_key("", &out), -1, "the empty key");
	is_int(bl_position_from_key(NULL, &out), -1, "NULL");
	ok(bl_position_key(BL_POS_COUNT) == NULL, "no key past the end");
	ok(bl_position_name((bl_position)-1) == NULL, "no name for a negative position");
}

static char **strv(const char *const *v, size_t n)
{
	char **r = calloc(n, sizeof *r);
	for (size_t i = 0; r && i < n; i++)
		r[i] = strdup(v[i]);
	return r;
}

static void test_response_free(void)
{
	static const char *const l[] = { "1.10.01", "3.22.01" }, *const a[] = { "BSU" };
	bl_response *v = calloc(2, sizeof *v);
	v[0].sender = strdup("Jens");
	v[0].org_type = strdup("citizen");
	v[0].text = strdup("t");
	v[0].file_ref = strdup("f");
	v[0].comment = strdup("c");
	v[0].lines = strv(l, 2);
	v[0].n_lines = 2;
	v[0].areas = strv(a, 1);
	v[0].n_areas = 1;
	v[0].number = 7;
	bl_response_clear(&v[0]);
	ok(v[0].sender == NULL && v[0].lines == NULL && v[0].n_lines == 0 && v[0].number == 0,
	   "a cleared response is empty");
	v[1].sender = strdup("Anne");
	v[1].areas = strv(a, 1);
	v[1].n_areas = 1;
	bl_responses_free(v, 2); /* the sanitizers check that nothing leaks */
	bl_responses_free(NULL, 3);
	bl_response_clear(NULL);
	ok(1, "freeing responses (leaks are the sanitizers' to find)");
}

/* ---- the hearing summary ---- */

static char *note(const bl_readings_def *r, const bl_response *v, size_t n,
		  const bl_hn_area *a, size_t na, const bl_hn_line *l, size_t nl,
		  const char *title)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	bl_err_clear(&E);
	int rc = bl_hearing_note_write(f, title, r, v, n, a, na, l, nl, &E);
	fclose(f);
	if (rc != 0) {
		diag("note: %s", E.msg);
		free(buf);
		return NULL;
	}
	return buf;
}

static int occurrences(const char *s, const char *sub)
{
	int n = 0;
	for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub))
		n++;
	return n;
}

static char *l_3_22[] = { "3.22.01" };
static char *a_skole[] = { "BSU/SKOLE" };

static const char expected_note[] =
	"# Høringsnotat \\| Budget 2028\n"
	"\n"
	"Hearing: 2027-09-10 to 2027-09-24\n"
	"\n"
	"- Responses: 4\n"
	"- Late: 1\n"
	"- Without consent to publish: 1\n"
	"\n"
	"| Organisation type | Responses |\n"
	"|---|---:|\n"
	"| Borger | 2 |\n"
	"| Forening | 2 |\n"
	"\n"
	"| Position | Responses |\n"
	"|---|---:|\n"
	"| for | 1 |\n"
	"| against | 1 |\n"
	"| proposes a change | 1 |\n"
	"| neutral | 1 |\n"
	"\n"
	"## Skole (BSU/SKOLE)\n"
	"\n"
	"Responses: 3 (for: 1, against: 1, proposes a change: 1)\n"
	"\n"
	"### The area as a whole\n"
	"\n"
	"- No. 2, Forening, for, late\n"
	"  - (not published: no consent)\n"
	"  - Administration's comment: (none yet)\n"
	"- No. 4, Forening, proposes a change\n"
	"  - Sender: Idrætsforeningen\n"
	"  - Response: Both the area and the line\n"
	"  - Administration's comment: Will be considered\n"
	"\n"
	"### 3.22.01 Folkeskole\n"
	"\n"
	"Responses: 2 (against: 1, proposes a change: 1)\n"
	"\n"
	"- No. 1, Borger, against\n"
	"  - Sender: Jens Hansen\n"
	"  - Response: Keep the school \\| open \\x1B[2J\n"
	"  - Administration's comment: Noted\n"
	"- No. 4, Forening, proposes a change\n"
	"  - Sender: Idrætsforeningen\n"
	"  - Response: Both the area and the line\n"
	"  - Administration's comment: Will be considered\n"
	"\n"
	"## General responses\n"
	"\n"
	"Responses: 1 (neutral: 1)\n"
	"\n"
	"- No. 3, Borger, neutral\n"
	"  - Sender: Ole\n"
	"  - Response: General remark\n"
	"  - Administration's comment: (none yet)\n"
	"\n";

static void test_note(void)
{
	bl_readings_def r = window();
	bl_response v[4];
	memset(v, 0, sizeof v);
	v[0] = (bl_response){ .number = 1, .sender = "Jens Hansen", .org_type = "citizen",
			      .received = D("2027-09-12"), .consent = true,
			      .text = "Keep the school | open \x1b[2J", .position = BL_POS_AGAINST,
			      .comment = "Noted", .lines = l_3_22, .n_lines = 1 };
	v[1] = (bl_response){ .number = 2, .sender = "Anne Secret", .org_type = "association",
			      .received = D("2027-09-30"), .consent = false,
			      .text = "a private text", .position = BL_POS_FOR, .late = true,
			      .areas = a_skole, .n_areas = 1 };
	v[2] = (bl_response){ .number = 3, .sender = "Ole", .org_type = "Citizen",
			      .received = D("2027-09-20"), .consent = true,
			      .text = "General\nremark", .position = BL_POS_NEUTRAL, .comment = "" };
	v[3] = (bl_response){ .number = 4, .sender = "Idrætsforeningen",
			      .org_type = "association", .received = D("2027-09-21"),
			      .consent = true, .text = "Both the area and the line",
			      .position = BL_POS_CHANGE, .comment = "Will be considered",
			      .lines = l_3_22, .n_lines = 1, .areas = a_skole, .n_areas = 1 };
	const bl_hn_area areas[] = { { "BSU/SKOLE", "Skole" }, { "TM/VEJ", "Veje" } };
	const bl_hn_line lines[] = { { "3.22.01", "Folkeskole", "BSU/SKOLE" },
				     { "5.10.01", "Vejvedligehold", "TM/VEJ" } };
	/* In Danish, as a Danish process writes it (bl_readings_defaults). */
	r.lang = BL_LANG_DA;
	char *da = note(&r, v, 4, areas, 2, lines, 2, NULL);
	ok(da && strstr(da, "# Høringsnotat\n") && strstr(da, "| Organisationstype | Høringssvar |") &&
		   strstr(da, "(offentliggøres ikke: intet samtykke)") && strstr(da, "| imod | 1 |") &&
		   strstr(da, "Administrationens bemærkning: Will be considered"),
	   "in Danish for a Danish process");
	free(da);
	r.lang = BL_LANG_NB;
	char *nb = note(&r, v, 4, areas, 2, lines, 2, NULL);
	ok(nb && strstr(nb, "| mot | 1 |") && strstr(nb, "(publiseres ikke: ikke samtykke)"),
	   "in Norwegian for a Norwegian one");
	free(nb);
	is_str(bl_hearing_note_heading(&r), "Oppsummering av innspill", "the heading in Norwegian");
	r.lang = BL_LANG_EN;
	char *got = note(&r, v, 4, areas, 2, lines, 2, "Høringsnotat | Budget 2028");
	is_str(got, expected_note, "the hearing note, to the byte");
	ok(got && !strstr(got, "Anne Secret") && !strstr(got, "a private text"),
	   "neither the sender nor the text of a response without consent");
	ok(got && !strchr(got, '\x1b'), "no control character reaches the note");
	char *again = note(&r, v, 4, areas, 2, lines, 2, "Høringsnotat | Budget 2028");
	is_str(again, got, "the same register gives the same note");
	free(got);
	free(again);

	/* Lines without a known area, unknown codes and area paths, unknown
	 * organisation types. */
	static char *odd_lines[] = { "9.99.99", "7.00.01", "9.99.99" };
	static char *odd_areas[] = { "XYZ" };
	bl_response w[2];
	memset(w, 0, sizeof w);
	w[0] = (bl_response){ .number = 1, .org_type = "union", .position = BL_POS_FOR,
			      .lines = odd_lines, .n_lines = 3 };
	w[1] = (bl_response){ .number = 2, .org_type = NULL, .position = BL_POS_AGAINST,
			      .areas = odd_areas, .n_areas = 1, .lines = odd_lines, .n_lines = 1 };
	const bl_hn_line l2[] = { { "7.00.01", "Uden område", "" } };
	got = note(&r, w, 2, NULL, 0, l2, 1, NULL);
	ok(got != NULL, "a note of odd responses is written");
	if (got) {
		like(got, "# Hearing summary\n", "a default title");
		like(got, "| union | 1 |\n| (no organisation type) | 1 |\n",
		     "unknown organisation types are counted under their keys");
		like(got, "## Other areas and lines\n\n### 7.00.01 Uden område\n\n"
			  "Responses: 1 (for: 1)\n",
		     "a line without an area comes under other lines");
		like(got, "### 9.99.99\n\nResponses: 2 (for: 1, against: 1)\n",
		     "an unknown code is counted once per response");
		is_int(occurrences(got, "### 9.99.99"), 1, "an unknown code has one section");
		like(got, "### XYZ\n\nResponses: 1 (against: 1)\n", "an unknown area path");
		ok(!strstr(got, "General responses"), "no general responses, no such section");
		free(got);
	}

	/* No responses at all. */
	got = note(&r, NULL, 0, areas, 2, lines, 2, "Empty");
	ok(got != NULL, "an empty register gives a note");
	if (got) {
		like(got, "- Responses: 0\n- Late: 0\n", "zero counts");
		ok(!strstr(got, "## "), "no sections without responses");
		free(got);
	}

	/* A stream that cannot be written. */
	FILE *full = fopen("/dev/full", "w");
	if (full) {
		bl_err_clear(&E);
		is_int(bl_hearing_note_write(full, "T", &r, v, 4, areas, 2, lines, 2, &E), -1,
		       "a failed write is reported");
		like(E.msg, "cannot write the hearing note", "with a message");
		fclose(full);
	} else {
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
	}
	bl_err_clear(&E);
	is_int(bl_hearing_note_write(NULL, "T", &r, v, 4, NULL, 0, NULL, 0, &E), -1,
	       "no stream is refused");
}

/* ---- the readings: section ---- */

static void test_yaml_valid(void)
{
	bl_process_def *d = NULL;
	const char *t = READINGS
		"  freeze_at: proposal\n"
		"  hearing: {opens: 2027-09-11, closes: 2027-09-25}\n"
		"  amendment_deadline: 2027-10-01\n"
		"  org_types:\n"
		"    - {key: citizen, name: Borger}\n"
		"    - key: elder_council\n"
		"      name: Ældrerådet\n"
		"    - key: other\n";
	is_int(load(t, &d), 0, "a readings section with every key loads");
	if (!d) {
		diag("%s", E.msg);
		return;
	}
	bl_readings_def *r = &d->readings;
	is_str(r->freeze_at, "proposal", "freeze_at given");
	ok(r->has_hearing, "hearing given");
	is_int(r->hearing_opens, D("2027-09-11"), "opens given (not the phase's)");
	is_int(r->hearing_closes, D("2027-09-25"), "closes given");
	ok(r->has_amendment_deadline, "deadline given");
	is_int(r->amendment_deadline, D("2027-10-01"), "deadline 2027-10-01");
	is_int(r->n_org_types, 3, "three org types, not the defaults");
	is_str(r->org_types[1].key, "elder_council", "second key");
	is_str(r->org_types[1].name, "Ældrerådet", "second name");
	is_str(r->org_types[2].name, "other", "a name defaults to the key");
	bl_process_def_free(d);

	t = HEAD "  - id: inspection\n    title: Ettersyn\n    from: 2027-11-22\n"
		 "    to: 2027-12-07\n"
		 "readings:\n  hearing_phase: inspection\n  freeze_at: inspection\n";
	is_int(load(t, &d), 0, "hearing_phase loads");
	if (d) {
		is_int(d->readings.hearing_opens, D("2027-11-22"), "opens from the phase");
		is_int(d->readings.hearing_closes, D("2027-12-07"), "closes from the phase");
		is_str(d->readings.freeze_at, "inspection", "freeze_at another phase");
		is_int(d->readings.n_org_types, 8, "org types default");
		bl_process_def_free(d);
	}
	t = READINGS "  hearing: {opens: 2027-09-15, closes: 2027-09-15}\n  org_types: []\n";
	is_int(load(t, &d), 0, "a one-day hearing and an empty org_types list load");
	if (d) {
		is_int(d->readings.hearing_opens, d->readings.hearing_closes, "one day");
		is_int(d->readings.n_org_types, 8, "an empty list gives the defaults");
		bl_process_def_free(d);
	}
}

static void test_yaml_garbage(void)
{
	BAD(HEAD "readings: []\n", "t.yaml:16:11: ", "'readings' is a list; expected a mapping",
	    "readings as a list");
	BAD(HEAD "reading:\n", "t.yaml:16:1: ",
	    "unknown key 'reading' at the top level; did you mean 'readings'?", "reading");
	BAD(READINGS "  freez_at: hearing\n", "t.yaml:17:3: ",
	    "unknown key 'freez_at' in readings; did you mean 'freeze_at'?", "unknown key");
	BAD(READINGS "  colour: red\n", "t.yaml:17:3: ",
	    "unknown key 'colour' in readings; expected one of: freeze_at, hearing_phase, "
	    "hearing, amendment_deadline, org_types",
	    "unknown key, no suggestion");
	BAD(READINGS "  freeze_at: proposal\n  freeze_at: hearing\n", "t.yaml:18:3: ",
	    "duplicate key 'freeze_at' in readings, already given at line 17", "duplicate key");
	BAD(READINGS "  hearing: [2027-09-10, 2027-09-24]\n", "t.yaml:17:12: ",
	    "'hearing' is a list; expected hearing: a mapping with opens and closes",
	    "hearing as a list");
	BAD(READINGS "  hearing:\n", "t.yaml:17:3: ", "'hearing' is empty; expected",
	    "an empty hearing");
	BAD(READINGS "  hearing: {opens: 2027-09-10}\n", "t.yaml:17:12: ",
	    "'hearing' has no 'closes'; expected closes: YYYY-MM-DD", "hearing without closes");
	BAD(READINGS "  hearing: {opens: 2027-09-10, close: 2027-09-24}\n", "t.yaml:17:32: ",
	    "unknown key 'close' in readings: hearing; did you mean 'closes'?",
	    "a misspelt closes");
	BAD(READINGS "  freeze_at: [first_reading]\n", "t.yaml:17:14: ",
	    "'freeze_at' is a list; expected freeze_at: the id of the phase", "freeze_at as a list");
	BAD(READINGS "  freeze_at:\n", "t.yaml:17:3: ", "'freeze_at' is empty", "empty freeze_at");
	BAD(READINGS "  org_types: citizen\n", "t.yaml:17:14: ",
	    "'org_types' is text; expected a list of organisation types", "org_types as text");
	BAD(READINGS "  org_types: [citizen]\n", "t.yaml:17:15: ",
	    "organisation type 1 is text; expected a mapping with a key and a name",
	    "an org type as text");
	BAD(READINGS "  org_types: [{name: Borger}]\n", "t.yaml:17:15: ",
	    "organisation type 1 has no 'key'", "an org type without a key");
	BAD(READINGS "  org_types: [{key: Citizen}]\n", "t.yaml:17:21: ",
	    "'key' of organisation type 1: 'Citizen' is not a valid key", "a capital in a key");
	BAD(READINGS "  org_types: [{key: citizen, nam: B}]\n", "t.yaml:17:30: ",
	    "unknown key 'nam' in organisation type 1; did you mean 'name'?", "nam for name");
	BAD(READINGS "  amendment_deadline: 2027-02-30\n", "t.yaml:17:23: ",
	    "'amendment_deadline': \"2027-02-30\" is not a date: February 2027 has 28 days",
	    "a bad deadline");
	BAD(READINGS "  amendment_deadline: 1.10.2027\n", "t.yaml:17:23: ",
	    "'amendment_deadline': \"1.10.2027\" is not a date", "a deadline in another format");
	BAD(READINGS "  amendment_deadline: true\n", "t.yaml:17:23: ",
	    "'amendment_deadline' is a boolean; expected a date YYYY-MM-DD", "a boolean deadline");
	BAD(READINGS "  hearing: {opens: 2027-09-10, closes: 2027-13-01}\n", "t.yaml:17:40: ",
	    "'closes': \"2027-13-01\" is not a date: there is no month 13", "a bad closes");
	BAD(READINGS "  hearing: {opens: 2027-09-24, closes: 2027-09-10}\n", "t.yaml:17:40: ",
	    "the hearing closes (closes: 2027-09-10) before it opens (opens: 2027-09-24); "
	    "expected opens on or before closes",
	    "opens after closes");
	BAD(READINGS "  freeze_at: first_readin\n", "t.yaml:17:14: ",
	    "'freeze_at': there is no phase 'first_readin'; did you mean 'first_reading'?",
	    "an unknown freeze_at phase, near one");
	BAD(READINGS "  freeze_at: budget_day\n", "t.yaml:17:14: ",
	    "'freeze_at': there is no phase 'budget_day'; expected the id of a phase of this "
	    "file",
	    "an unknown freeze_at phase");
	BAD(READINGS "  hearing_phase: heering\n", "t.yaml:17:18: ",
	    "'hearing_phase': there is no phase 'heering'; did you mean 'hearing'?",
	    "an unknown hearing phase");
	BAD(READINGS "  hearing_phase: proposal\n", "t.yaml:17:18: ",
	    "'hearing_phase': phase 'proposal' has no from: and to:", "a phase without a window");
	BAD(READINGS "  hearing_phase: hearing\n  hearing: {opens: 2027-09-10, closes: "
		     "2027-09-24}\n",
	    "t.yaml:18:3: ", "readings has both 'hearing' and 'hearing_phase' (line 17)",
	    "two hearing windows");
	BAD(READINGS "  org_types:\n"
		     "    - {key: citizen, name: Borger}\n"
		     "    - {key: citizen, name: Igen}\n",
	    "t.yaml:19:13: ",
	    "organisation type key 'citizen' is already used at line 18; expected a different "
	    "key for each organisation type",
	    "a duplicate org type key");

	/* Several problems at once: each one is reported. */
	const char *t = READINGS "  freeze_at: nope\n  amendment_deadline: 2027-99-01\n";
	is_int(load(t, NULL), -1, "two problems: refused");
	tu_has_line(E.msg, "t.yaml:17:14: ", "there is no phase 'nope'", "first of two");
	tu_has_line(E.msg, "t.yaml:18:23: ", "is not a date", "second of two");
}

/* The shipped files: realistic sections that load. */
static void test_shipped(void)
{
	bl_process_def *d = NULL;
	is_int(bl_config_load_file(SRCDIR "/config/phases/danish-municipality.yaml", &d, NULL,
				   &E),
	       0, "the Danish file loads");
	if (d) {
		bl_readings_def *r = &d->readings;
		is_str(r->freeze_at, "first_reading", "da: freeze at first_reading");
		ok(r->has_hearing, "da: a hearing window");
		is_int(r->hearing_opens, D("2027-09-10"), "da: opens 2027-09-10");
		is_int(r->hearing_closes, D("2027-09-24"), "da: closes 2027-09-24");
		ok(r->has_amendment_deadline, "da: an amendment deadline");
		is_int(r->amendment_deadline, D("2027-10-01"), "da: deadline 2027-10-01");
		ok(r->n_org_types > 0 && bl_readings_org_type(r, "citizen"), "da: citizen");
		bl_process_def_free(d);
	} else {
		diag("%s", E.msg);
	}
	is_int(bl_config_load_file(SRCDIR "/config/phases/norwegian-municipality.yaml", &d,
				   NULL, &E),
	       0, "the Norwegian file loads");
	if (d) {
		bl_readings_def *r = &d->readings;
		int i = bl_process_phase_index(d, "offentlig_ettersyn");
		is_str(r->freeze_at, "offentlig_ettersyn", "nb: freeze at offentlig_ettersyn");
		ok(r->has_hearing && i >= 0, "nb: a hearing window");
		if (i >= 0) {
			is_int(r->hearing_opens, d->phases[i].from, "nb: opens with the phase");
			is_int(r->hearing_closes, d->phases[i].to, "nb: closes with the phase");
		}
		ok(bl_readings_org_type(r, "citizen") != NULL, "nb: citizen");
		bl_process_def_free(d);
	} else {
		diag("%s", E.msg);
	}
}

int main(void)
{
	test_defaults();
	test_org_types();
	test_dates();
	test_positions();
	test_response_free();
	test_note();
	test_yaml_valid();
	test_yaml_garbage();
	test_shipped();
	return tap_done();
}
