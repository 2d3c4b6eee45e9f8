/* bench_amend.c: the readings on a municipality's whole budget: freezing
 * the first-reading version, tabling amendments, deciding them (each
 * decision computes the adopted version anew, in its transaction) and
 * the diff between the first reading and the adopted version.
 *
 *   bench/bench_amend [--lines N] [--amendments N] [--dir DIR]
 *
 * A fresh database DIR/amend.budgetlab with N lines (default 20,000: a
 * large Danish municipality's budget has 5,000 to 15,000) in 4 years,
 * loaded with the bulk loader (not timed); then, timed: the freeze; the
 * tabling of the amendments (3 changes each: a delta on one line, a new
 * amount on another, every tenth one a new line); deciding each (every
 * third rejected); the diff (bl_vdiff_compute on both versions as the
 * store reads them).  Checked, to the øre: the adopted version's totals
 * per year are the first reading's plus the adopted amendments' changes,
 * summed here from the changes themselves, and every line the diff
 * reports changed was changed by an adopted amendment.  The goal: a
 * decision within 0.5 s on the whole budget, so that the council's vote
 * shows on the projector at once.  A missed goal is a finding, not an
 * error: the exit status is non-zero only if something failed or the
 * result is wrong. */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "config/process_yaml.h"
#include "core/amend.h"
#include "core/vdiff.h"
#include "store/amend_store.h"
#include "store/store.h"

const char bench_prog[] = "bench_amend";

#define FIRST_YEAR 2028
#define N_YEARS 4
#define DECIDE_GOAL 0.5

static const char bench_yaml[] =
	"budgetlab: 1\n"
	"process:\n"
	"  municipality: Storby Kommune\n"
	"  title: Budget 2028-2031 (benchmark)\n"
	"  language: da\n"
	"  currency: DKK\n"
	"  budget_year: 2028\n"
	"  outline_years: 3\n"
	"phases:\n"
	"  - id: proposal\n"
	"    title: Forslag\n"
	"  - id: first_reading\n"
	"    title: 1. behandling\n"
	"  - id: second_reading\n"
	"    title: 2. behandling\n"
	"readings:\n"
	"  freeze_at: first_reading\n";

static int fail(const char *what, const bl_err *e)
{
	fprintf(stderr, "bench_amend: %s: %s\n", what, e->msg);
	return 1;
}

int main(int argc, char **argv)
{
	long n_lines = 20000, n_amend = 100;
	const char *dir = ".";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lines") == 0 && i + 1 < argc) {
			if (bench_opt_long("--lines", argv[++i], 100, 2000000, &n_lines))
				return 2;
		} else if (strcmp(argv[i], "--amendments") == 0 && i + 1 < argc) {
			if (bench_opt_long("--amendments", argv[++i], 1, 10000, &n_amend))
				return 2;
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else {
			fprintf(stderr, "usage: bench_amend [--lines N] [--amendments N] [--dir DIR]\n");
			return strcmp(argv[i], "--help") == 0 ? 0 : 2;
		}
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/amend.budgetlab", dir);
	bench_remove_db(path);
	bl_err e = { { 0 } };
	bl_process_def *def = NULL;
	bl_store *s = NULL;
	if (bl_config_load_string(bench_yaml, strlen(bench_yaml), "bench_yaml", &def, &e) ||
	    bl_store_create(path, def, bench_yaml, &s, &e))
		return fail("create", &e);
	bench_seed(20270906);

	/* The budget: 100 areas, n_lines lines, amounts in every year;
	 * every fifth line income.  Not timed. */
	bl_bulk *b;
	if (bl_store_bulk_begin(s, "proposal", "bench_amend", &b, &e))
		return fail("bulk", &e);
	int64_t areas[100];
	for (int a = 0; a < 100; a++) {
		char code[16];
		snprintf(code, sizeof code, "A%02d", a);
		if (bl_bulk_area(b, 0, code, "Område", &areas[a], &e))
			return fail("area", &e);
	}
	bl_money fr_inc[N_YEARS] = { 0 }, fr_exp[N_YEARS] = { 0 };
	for (long i = 0; i < n_lines; i++) {
		char code[24];
		snprintf(code, sizeof code, "L%07ld", i);
		bl_money am[N_YEARS];
		bool has[N_YEARS];
		bl_direction dir_i = i % 5 == 0 ? BL_DIR_INCOME : BL_DIR_EXPENSE;
		for (int y = 0; y < N_YEARS; y++) {
			am[y] = bench_log_kroner() * 100;
			has[y] = true;
			if (dir_i == BL_DIR_INCOME)
				fr_inc[y] += am[y];
			else
				fr_exp[y] += am[y];
		}
		bl_line l = { 0, code, (char *)"Linje", areas[i % 100], BL_KIND_OPERATION, dir_i, NULL };
		if (bl_bulk_line(b, &l, am, has, N_YEARS, NULL, &e))
			return fail("line", &e);
	}
	if (bl_bulk_commit(b, &e))
		return fail("commit", &e);
	if (bl_store_phase_advance(s, 0, NULL, NULL, &e))
		return fail("advance", &e);

	double t0 = bench_now();
	if (bl_store_phase_advance_freeze(s, 1, NULL, NULL, def->readings.freeze_at, &e))
		return fail("freeze", &e);
	double t_freeze = bench_now() - t0;

	/* Amendments: the expected change of the totals summed as they go. */
	bl_money d_inc[N_YEARS] = { 0 }, d_exp[N_YEARS] = { 0 };
	bool *adopt = calloc((size_t)n_amend + 1, sizeof *adopt);
	char (*newcode)[24] = calloc((size_t)n_amend + 1, sizeof *newcode);
	if (!adopt || !newcode)
		return 1;
	t0 = bench_now();
	for (long k = 1; k <= n_amend; k++) {
		/* Distinct lines for distinct amendments, so that all can be
		 * adopted together; each delta and set is applied on the
		 * first reading's amount, which bl_store_line_amounts gives. */
		long la = (k * 7919) % n_lines, lb = (k * 104729 + 1) % n_lines;
		if (lb == la)
			lb = (lb + 1) % n_lines;
		char ca[24], cb[24];
		snprintf(ca, sizeof ca, "L%07ld", la);
		snprintf(cb, sizeof cb, "L%07ld", lb);
		bl_amend_change ch[3];
		memset(ch, 0, sizeof ch);
		ch[0].ch.kind = BL_CHANGE_ADD_DELTA;
		ch[0].code = ca;
		ch[0].ch.year = FIRST_YEAR + (int)(k % N_YEARS);
		ch[0].ch.amount = (bl_money)(k * 100000);
		ch[1].ch.kind = BL_CHANGE_SET;
		ch[1].code = cb;
		ch[1].ch.year = FIRST_YEAR;
		ch[1].ch.amount = 123456700;
		size_t nch = 2;
		if (k % 10 == 0) {
			snprintf(newcode[k], sizeof newcode[k], "N%05ld", k);
			ch[2].ch.kind = BL_CHANGE_NEW_LINE;
			ch[2].code = newcode[k];
			ch[2].title = (char *)"Ny linje";
			ch[2].area = (char *)"A00";
			ch[2].ch.dir = BL_DIR_EXPENSE;
			ch[2].ch.has[1] = true;
			ch[2].ch.amounts[1] = 5000000;
			nch = 3;
		}
		for (size_t c = 0; c < nch; c++)
			ch[c].ch.code = ch[c].code;
		bl_amend_rec a = { 0 };
		a.title = (char *)"Ændringsforslag";
		a.party = (char *)"Parti";
		a.tabled = 0;
		a.changes = ch;
		a.n_changes = nch;
		bl_date_parse("2027-09-28", &a.tabled, &e);
		if (bl_store_amendment_add(s, &a, NULL, &e))
			return fail("amendment", &e);
		adopt[k] = k % 3 != 0;
		if (!adopt[k])
			continue;
		bl_line la_l, lb_l;
		bl_money cur[N_YEARS];
		bool has[N_YEARS];
		if (bl_store_line_find(s, ca, &la_l, &e) || bl_store_line_find(s, cb, &lb_l, &e))
			return fail("line", &e);
		bl_money *di = la_l.dir == BL_DIR_INCOME ? d_inc : d_exp;
		di[ch[0].ch.year - FIRST_YEAR] += ch[0].ch.amount;
		if (bl_store_line_amounts(s, lb_l.id, "first_reading", cur, has, N_YEARS, &e))
			return fail("amounts", &e);
		bl_money *db = lb_l.dir == BL_DIR_INCOME ? d_inc : d_exp;
		db[0] += ch[1].ch.amount - cur[0];
		if (nch == 3)
			d_exp[1] += 5000000;
		bl_line_clear(&la_l);
		bl_line_clear(&lb_l);
	}
	double t_table = bench_now() - t0;

	double t_decide = 0, t_max = 0;
	for (long k = 1; k <= n_amend; k++) {
		double t1 = bench_now();
		if (bl_store_amendment_decide(s, k, adopt[k] ? BL_ADOPTED : BL_REJECTED, NULL, &e))
			return fail("decide", &e);
		double dt = bench_now() - t1;
		t_decide += dt;
		if (dt > t_max)
			t_max = dt;
	}

	t0 = bench_now();
	bl_vdiff_src *va, *vb;
	size_t na, nb;
	bl_vdiff d;
	if (bl_store_vdiff_src(s, "first_reading", &va, &na, &e) ||
	    bl_store_vdiff_src(s, "adopted", &vb, &nb, &e) ||
	    bl_vdiff_compute(va, na, vb, nb, FIRST_YEAR, N_YEARS, NULL, NULL, 0, &d, &e))
		return fail("diff", &e);
	double t_diff = bench_now() - t0;

	/* Check: totals to the øre, and the diff's lines. */
	bl_money inc[N_YEARS], exp[N_YEARS];
	int bad = 0;
	if (bl_store_year_totals(s, "adopted", inc, exp, &e))
		return fail("totals", &e);
	for (int y = 0; y < N_YEARS; y++)
		if (inc[y] != fr_inc[y] + d_inc[y] || exp[y] != fr_exp[y] + d_exp[y]) {
			fprintf(stderr, "bench_amend: %d: adopted totals %" PRId64 "/%" PRId64
					", expected %" PRId64 "/%" PRId64 "\n",
				FIRST_YEAR + y, inc[y], exp[y], fr_inc[y] + d_inc[y],
				fr_exp[y] + d_exp[y]);
			bad = 1;
		}
	size_t want_changed = 0;
	for (long k = 1; k <= n_amend; k++)
		want_changed += adopt[k] ? (k % 10 == 0 ? 3 : 2) : 0;
	/* A set may leave an amount as it was; at most that many lines. */
	if (d.n_lines > want_changed || d.n_lines + 5 < want_changed) {
		fprintf(stderr, "bench_amend: the diff has %zu lines; expected about %zu\n",
			d.n_lines, want_changed);
		bad = 1;
	}
	printf("bench_amend: %ld lines x %d years, %ld amendments (%zu lines changed)\n", n_lines,
	       N_YEARS, n_amend, d.n_lines);
	printf("  freeze (copy the proposal, derive adopted)  %8.3f s\n", t_freeze);
	printf("  table %ld amendments                      %8.3f s  (%.1f ms each)\n", n_amend,
	       t_table, 1000 * t_table / (double)n_amend);
	printf("  decide %ld amendments                     %8.3f s  (mean %.1f ms, max %.1f ms)\n",
	       n_amend, t_decide, 1000 * t_decide / (double)n_amend, 1000 * t_max);
	printf("  diff first_reading -> adopted             %8.3f s\n", t_diff);
	printf("  goal: a decision within %.1f s on the whole budget: %s\n", DECIDE_GOAL,
	       t_max <= DECIDE_GOAL ? "PASS" : "MISS");
	printf("  adopted totals = first reading + the adopted changes, to the øre: %s\n",
	       bad ? "WRONG" : "yes");
	bl_vdiff_free(&d);
	bl_store_vdiff_src_free(va, na);
	bl_store_vdiff_src_free(vb, nb);
	free(adopt);
	free(newcode);
	bl_store_close(s);
	bl_process_def_free(def);
	return bad;
}
