/* rules_mes_fast.c: the Method of Equal Shares, fast, for the add1
 * rounds, and rules_run_mes, which runs MES (exact, or add1) for the entry
 * point.
 *
 * MES with add1 runs MES once per currency unit added to each voter's
 * budget (hundreds of runs on a large election), so each run must be
 * cheap: mes_run_fast below decides every comparison on 128-bit
 * fixed-point bounds of the exact values and computes an exact value only
 * when the bounds do not decide (a tie, or nearly one); the outcome kept
 * is then run once more with the plain exact code (rules_mes_run_exact,
 * in rules_mes.c), which also gives the payments for the explanation, and
 * the two must agree.
 *
 * mes_run_fast is the same run as the exact one, deciding on bounds.  A
 * group's budget is 0 once it paid all it had (it was poor for a project
 * selected); otherwise it is t (each voter's budget, scaled by n) minus
 * the payment of every selected project on its ballot: the rich
 * supporters of a project all pay the same.  So the exact state is small:
 * per project selected its payment Y[i] / D, and per group the list of
 * the Y it paid.  Beside it each group keeps A, t * 2^F minus the
 * payments floor(Y[i] * 2^F / D), or 0 once it has nothing left: A is at
 * least the exact budget times 2^F (so A = 0 means nothing left) and less
 * than E (the projects selected so far) above it, so nearly every
 * comparison is one of 64- or 128-bit integers with a margin (the price's
 * own bounds follow from those of the poor's budgets); only those the
 * margin does not decide (a tie, or nearly one) are made exactly, from Y
 * and D.  Each project selected costs one exact payment (bn) and one
 * division.  F is chosen per run so that no product overflows (A below
 * 2^62, products below 2^124); if there is no room for a useful F the
 * exact run is used instead.  The outcome is the exact run's: what the
 * bounds decide, they prove.
 *
 * For testing, built with -DBL_RULES_FAST_F=n the scale F is at most n
 * (more of the exact paths), and with -DBL_RULES_CHECK_FAST every add1
 * round is checked against the exact run (abort if they differ); see
 * rules_run_mes. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/rules_internal.h"

typedef struct fmes {
	const prep *p;
	bool cost_sat;
	bool *ovf;
	uint32_t F;
	uint64_t t;      /* each voter's budget, scaled by n */
	int64_t *A;      /* per group, see above (below 2^62); 0: nothing left */
	int64_t E;
	bn *Y;           /* per project selected: the payment of a rich supporter, over D */
	size_t ny;
	bn D, tD;        /* tD = t * D */
	uint32_t *stamp; /* per group: = call when found poor in that fafford call */
	uint32_t call;
	uint32_t *near;  /* scratch of fafford: supporters that may turn poor */
	uint32_t *cand, *mid; /* scratch of fafford's first pass */
	/* per project, for this run: its supporters (group indexes) but for
	 * those found with nothing left, dropped as they are met (their
	 * multiplicity in zmult); from master, per run */
	uint32_t **sl, *slmem, *master;
	size_t *sn, n_master;
	int64_t *zmult;
	int64_t *mult;   /* per group */
	/* per group: the projects selected it paid for (indexes into Y), in
	 * room for its whole ballot at paid_off[g] */
	uint32_t *paid, *npaid;
	size_t *paid_off;
	int64_t *cnt;    /* per project selected: scratch */
	i128 *lb;        /* per project: a lower bound of its price per voter, * 2^F */
	size_t *avail, n_avail, *act;
	sel init;
} fmes;

/* What fafford found: the price per rich supporter, times 2^F, in [tau,
 * tau + etau); the rich (with multiplicity); the poor groups, in the
 * order found (those of each pass after those of the one before). */
typedef struct fprice {
	i128 tau, etau;
	int64_t rich;
	size_t *poor, n_poor;
} fprice;

static uint64_t futil(const fmes *m, size_t j)
{
	return m->cost_sat ? (uint64_t)cost_of(m->p, j) : 1;
}

/* The exact budget of group g, over D. */
static void fx_budget(fmes *m, size_t g, bn *out)
{
	if (m->A[g] == 0) {
		/* A is at least the budget */
		rules_bn_set(out, 0);
		return;
	}
	*out = m->tD;
	const uint32_t *pd = m->paid + m->paid_off[g];
	for (uint32_t u = 0; u < m->npaid[g]; u++)
		rules_bn_sub(out, &m->Y[pd[u]], m->ovf);
}

/* c * n * D for project j minus the budgets (over D) of the groups
 * poor[0..n) (with multiplicity); *neg if that is below zero (out is
 * then 0). */
static void fx_rest(fmes *m, size_t j, const size_t *poor, size_t n, bn *out, bool *neg)
{
	const prep *p = m->p;
	memset(m->cnt, 0, (m->ny ? m->ny : 1) * sizeof *m->cnt);
	int64_t pm = 0;
	for (size_t k = 0; k < n; k++) {
		size_t g = poor[k];
		if (m->A[g] == 0)
			continue; /* nothing left */
		int64_t mult = m->mult[g];
		const uint32_t *pd = m->paid + m->paid_off[g];
		pm += mult;
		for (uint32_t u = 0; u < m->npaid[g]; u++)
			m->cnt[pd[u]] += mult;
	}
	/* the poor's budgets: pm * t * D - sum cnt[i] Y[i] */
	bn poorsum = m->tD, paid;
	rules_bn_mul(&poorsum, (uint64_t)pm, m->ovf);
	rules_bn_set(&paid, 0);
	for (size_t i = 0; i < m->ny; i++)
		rules_bn_addmul(&paid, &m->Y[i], (uint64_t)m->cnt[i], m->ovf);
	rules_bn_sub(&poorsum, &paid, m->ovf);
	*out = m->D;
	rules_bn_mul(out, (uint64_t)cost_of(p, j), m->ovf);
	rules_bn_mul(out, (uint64_t)p->n_ballots, m->ovf);
	*neg = rules_bn_cmp(&poorsum, out) > 0;
	if (*neg)
		rules_bn_set(out, 0);
	else
		rules_bn_sub(out, &poorsum, m->ovf);
}

static int64_t clamp64(i128 v)
{
	return v > INT64_MAX ? INT64_MAX : v < -INT64_MAX ? -INT64_MAX : (int64_t)v;
}

static i128 floordiv(i128 a, i128 b)
{
	i128 q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* afford() on bounds: 1 if j's supporters can pay for it (what was
 * found in *r, whose poor has room for every supporter), 0 if not.
 *
 * The passes find the same poor as afford(): each pass those with less
 * than the price of the pass before (the price only grows).  Pass 1 looks
 * at every supporter and keeps aside those whose budget is below a mark U
 * (twice the first price): while the price stays below U the later passes
 * look at those only, as the others are certainly rich. */
static int fafford(fmes *m, size_t j, fprice *r)
{
	const prep *p = m->p;
	size_t ns = m->sn[j];
	uint32_t *sp = m->sl[j];
	const int64_t E = m->E;
	i128 xt = (i128)((u128)cost_of(p, j) * (u128)p->n_ballots) << m->F;
	/* the supporters with nothing left are poor in every pass: those
	 * dropped already from the start */
	int64_t pm = 0, rich = p->score[j] - m->zmult[j];
	if (++m->call == 0) {
		memset(m->stamp, 0, (p->ng ? p->ng : 1) * sizeof *m->stamp);
		m->call = 1;
	}
	const uint32_t id = m->call;
	size_t *poor = r->poor, npoor = 0, nnear = 0;
	uint32_t *near = m->near;
	bool full = true, first = true;
	i128 U = 0;
	for (;;) {
		if (rich <= 0)
			return 0;
		i128 tau = floordiv(xt, rich);
		i128 etau = (i128)pm * E / rich + 2;
		size_t before = npoor; /* the poor of earlier passes */
		bool have_x = false, changed = false, neg;
		bn xp, b;
		int64_t newmult = 0;
		if (!full && tau + etau > U)
			full = true;
		size_t nscan = full ? ns : nnear;
		if (full) {
			U = 2 * (tau > 0 ? tau : 0) + etau + E + 1;
			nnear = 0;
		}
		/* a < lo: poor; a >= hi: rich; between: exactly.  A group with
		 * nothing left has A = 0, below lo unless the price is not
		 * positive (only then is zero looked at). */
		i128 hi128 = tau + etau + E;
		int64_t lo = clamp64(tau), hi = clamp64(hi128);
		bool check_zero = tau <= 0, check_stamp = full && npoor > 0;
		if (first && tau > 0) {
			/* pass 1, the one over every supporter, without branches
			 * on the data: the poor by the bounds, those the bounds
			 * do not decide, and the near are listed, then looked at */
			i128 ul128 = U + E;
			int64_t ulim = ul128 > INT64_MAX ? INT64_MAX : (int64_t)ul128;
			uint32_t *cand = m->cand, *mid = m->mid;
			size_t nc = 0, nm = 0;
			for (size_t k = 0; k < ns; k++) {
				uint32_t g = sp[k];
				int64_t a = m->A[g];
				cand[nc] = (uint32_t)k;
				nc += a < lo;
				mid[nm] = (uint32_t)k;
				nm += (a >= lo) & (a < hi);
				near[nnear] = g;
				nnear += (a >= hi) & (a < ulim);
			}
			for (size_t i = 0; i < nm; i++) {
				/* b < x / rich, exactly: nobody is poor yet */
				uint32_t g = sp[mid[i]];
				if (!have_x) {
					fx_rest(m, j, poor, 0, &xp, &neg);
					have_x = true;
				}
				fx_budget(m, g, &b);
				if (rules_bn_cmp_scaled(&b, (uint64_t)rich, &xp, 1, m->ovf) < 0) {
					int64_t mult = m->mult[g];
					m->stamp[g] = id;
					poor[npoor++] = g;
					newmult += mult;
					pm += mult;
					xt -= (i128)mult * m->A[g];
				} else {
					near[nnear++] = g;
				}
			}
			/* backwards, so that each swap brings a supporter kept */
			for (size_t i = nc; i-- > 0;) {
				uint32_t g = sp[cand[i]];
				int64_t mult = m->mult[g];
				newmult += mult;
				changed = true;
				if (m->A[g] == 0) {
					/* nothing left: poor in every pass, paying
					 * nothing; dropped for the rest of the run */
					m->zmult[j] += mult;
					sp[cand[i]] = sp[--ns];
					continue;
				}
				m->stamp[g] = id;
				poor[npoor++] = g;
				pm += mult;
				xt -= (i128)mult * m->A[g];
			}
			nscan = 0; /* done */
		}
		first = false;
		for (size_t k = 0; k < nscan;) {
			size_t g = full ? sp[k] : near[k];
			if (check_stamp && m->stamp[g] == id) {
				k++;
				continue;
			}
			bool is_poor;
			int64_t a = m->A[g];
			if (a < lo) {
				is_poor = true;
			} else if (check_zero && a == 0) {
				is_poor = true;
			} else if (a >= hi) {
				is_poor = false;
			} else {
				/* b < x / rich, exactly */
				if (!have_x) {
					fx_rest(m, j, poor, before, &xp, &neg);
					have_x = true;
				}
				fx_budget(m, g, &b);
				is_poor = rules_bn_cmp_scaled(&b, (uint64_t)rich, &xp, 1,
							      m->ovf) < 0;
			}
			if (is_poor) {
				int64_t mult = m->mult[g];
				if (full && a == 0) {
					/* poor in this pass (and every other), paying
					 * nothing: dropped for the rest of the run */
					newmult += mult;
					m->zmult[j] += mult;
					sp[k] = sp[--ns];
					nscan--;
					changed = true;
					continue;
				}
				m->stamp[g] = id;
				poor[npoor++] = g;
				newmult += mult;
				/* a group with nothing left adds 0 to xt, and to
				 * pm only a looser bound */
				pm += mult;
				xt -= (i128)mult * a;
				if (!full) {
					near[k] = near[--nnear];
					nscan--;
					continue;
				}
			} else if (full && (i128)a - E < U) {
				near[nnear++] = (uint32_t)g;
			}
			k++;
		}
		full = false;
		m->sn[j] = ns;
		if (npoor == before && !changed) {
			r->tau = tau;
			r->etau = etau;
			r->rich = rich;
			r->n_poor = npoor;
			return 1;
		}
		rich -= newmult;
		/* the rest to share, exactly times 2^F / D, is in [xt, xt + pm E) */
		if (xt <= 0) {
			if (xt + (i128)pm * E <= 0)
				return 0;
			fx_rest(m, j, poor, npoor, &xp, &neg);
			if (neg || xp.n == 0)
				return 0;
		}
		if (*m->ovf)
			return 0;
	}
}

static fmes *sort_fmes;
static int cmp_flb(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	i128 l = sort_fmes->lb[x] * (i128)futil(sort_fmes, y);
	i128 r = sort_fmes->lb[y] * (i128)futil(sort_fmes, x);
	if (l != r)
		return l < r ? -1 : 1;
	return x < y ? -1 : x > y;
}

static uint32_t bits128(u128 v)
{
	uint32_t b = 0;
	while (v) {
		b++;
		v >>= 1;
	}
	return b;
}

/* F for a run with each voter's budget t, or 0 if there is no room. */
static uint32_t fmes_scale(const fmes *m, uint64_t t)
{
	const prep *p = m->p;
	uint64_t cmax = 1;
	for (size_t k = 0; k < m->n_avail; k++)
		if ((uint64_t)cost_of(p, m->avail[k]) > cmax)
			cmax = (uint64_t)cost_of(p, m->avail[k]);
	/* prices per voter are at most c * n, compared times a cost; budgets
	 * at most t, summed over at most n voters; all in 124 bits */
	uint32_t need1 = bits128((u128)cmax * (u128)p->n_ballots) +
			 (m->cost_sat ? bits128(cmax) : 1);
	uint32_t need2 = bits128((u128)p->n_ballots) + bits128(t) + 1;
	uint32_t need = need1 > need2 ? need1 : need2;
	/* A, at most t * 2^F, in 62 bits */
	uint32_t F = 62 - (bits128(t) < 62 ? bits128(t) : 62);
	if (need + F > 124)
		F = need < 124 ? 124 - need : 0;
	return F >= 16 ? F : 0;
}

/* One run with each voter's budget t (scaled by n); the scale F set.
 * pa, pb: room for the poor of two fafford calls (the best so far and the
 * one being looked at). */
static void mes_run_fast(fmes *m, uint64_t t, sel *out, size_t *pa, size_t *pb)
{
	const prep *p = m->p;
	bool *ovf = m->ovf;
	rules_sel_copy(out, &m->init, p->np);
	m->t = t;
	rules_bn_set(&m->D, 1);
	rules_bn_set(&m->tD, t);
	m->ny = 0;
	m->E = 0;
	for (size_t g = 0; g < p->ng; g++) {
		m->A[g] = (int64_t)(t << m->F);
		m->npaid[g] = 0;
	}
	for (size_t j = 0; j < p->np; j++) {
		m->sn[j] = p->n_supp[j];
		m->zmult[j] = 0;
	}
	memcpy(m->slmem, m->master, (m->n_master ? m->n_master : 1) * sizeof *m->slmem);
	size_t na = m->n_avail;
	for (size_t k = 0; k < na; k++) {
		size_t j = m->avail[k];
		m->act[k] = j;
		m->lb[j] = ((i128)((u128)cost_of(p, j) * (u128)p->n_ballots) << m->F) / p->score[j];
	}
	bn bx, xj;
	fprice cur = {0, 0, 0, pa, 0}, best = {0, 0, 0, pb, 0};
	while (na > 0 && !*ovf) {
		/* insertion sort: only the few projects looked at in the last
		 * round have a new bound, the rest is in order */
		sort_fmes = m;
		for (size_t k = 1; k < na; k++) {
			size_t v = m->act[k], i = k;
			while (i > 0 && cmp_flb(&m->act[i - 1], &v) > 0) {
				m->act[i] = m->act[i - 1];
				i--;
			}
			m->act[i] = v;
		}
		sort_fmes = NULL;
		bool have = false, bx_ok = false, neg;
		size_t pick = SIZE_MAX;
		for (size_t k = 0; k < na; k++) {
			size_t j = m->act[k];
			i128 uj = (i128)futil(m, j);
			if (have && m->lb[j] * (i128)futil(m, pick) > (best.tau + best.etau) * uj)
				break;
			if (!fafford(m, j, &cur)) {
				m->act[k] = SIZE_MAX; /* unaffordable from now on */
				continue;
			}
			m->lb[j] = cur.tau;
			int c = -1;
			bool exact_j = false;
			if (have) {
				i128 ub = (i128)futil(m, pick);
				i128 loj = cur.tau * ub, hij = (cur.tau + cur.etau) * ub;
				i128 lob = best.tau * uj, hib = (best.tau + best.etau) * uj;
				if (hij <= lob) {
					c = -1;
				} else if (hib <= loj) {
					c = 1;
				} else {
					/* too close for the bounds: the exact prices,
					 * X / (rich * D * u) */
					fx_rest(m, j, cur.poor, cur.n_poor, &xj, &neg);
					if (!bx_ok) {
						fx_rest(m, pick, best.poor, best.n_poor, &bx, &neg);
						bx_ok = true;
					}
					uint64_t kj = (uint64_t)cur.rich, kb = (uint64_t)best.rich;
					if (m->cost_sat &&
					    (__builtin_mul_overflow(kj, futil(m, j), &kj) ||
					     __builtin_mul_overflow(kb, futil(m, pick), &kb))) {
						*ovf = true;
						break;
					}
					c = rules_bn_cmp_scaled(&xj, kb, &bx, kj, ovf);
					exact_j = true;
				}
			}
			if (c < 0 || (c == 0 && rules_tie_cmp(p, j, pick) < 0)) {
				/* the exact payment of the best is known only if it
				 * was just computed */
				if (exact_j)
					bx = xj;
				bx_ok = exact_j;
				fprice t2 = best;
				best = cur;
				cur = t2;
				pick = j;
				have = true;
			}
		}
		size_t w = 0;
		for (size_t k = 0; k < na; k++)
			if (m->act[k] != SIZE_MAX && m->act[k] != pick)
				m->act[w++] = m->act[k];
		na = w;
		if (!have || *ovf)
			break;
		rules_sel_add(out, p, pick);
		/* the exact payment, as in rules_mes_run_exact */
		bn X;
		if (bx_ok)
			X = bx;
		else
			fx_rest(m, pick, best.poor, best.n_poor, &X, &neg);
		uint64_t rich = (uint64_t)best.rich;
		uint64_t g = rules_gcd64(rules_bn_mod(&X, rich), rich);
		uint64_t f = rich / g;
		if (g > 1) {
			bn tmp = X;
			rules_bn_div_ceil(&X, &tmp, g); /* exact */
		}
		if (f > 1) {
			rules_bn_mul(&m->D, f, ovf);
			for (size_t i = 0; i < m->ny; i++)
				rules_bn_mul(&m->Y[i], f, ovf);
			m->tD = m->D;
			rules_bn_mul(&m->tD, t, ovf);
		}
		m->Y[m->ny] = X;
		m->ny++;
		int64_t pay = (int64_t)rules_bn_div_q(&X, m->F, &m->D, ovf);
		/* its supporters with something left (the others were dropped
		 * from its list by the fafford that found it best) */
		uint32_t yi = (uint32_t)(m->ny - 1);
		for (size_t k = 0; k < m->sn[pick]; k++) {
			uint32_t gi = m->sl[pick][k];
			m->A[gi] -= pay;
			m->paid[m->paid_off[gi] + m->npaid[gi]++] = yi;
		}
		for (size_t k = 0; k < best.n_poor; k++)
			m->A[best.poor[k]] = 0; /* paid all it had */
		m->E++;
	}
}

static bool exhaustive(const prep *p, const size_t *avail, size_t n_avail, const sel *s)
{
	for (size_t k = 0; k < n_avail; k++) {
		size_t j = avail[k];
		if (!s->in[j] && s->spent + cost_of(p, j) <= p->pb->budget)
			return false;
	}
	return true;
}

/* MES (add1: with the budget raised one unit per round) on p, the result
 * in s; the payments in rec (per project index) and each voter's budget
 * in the run kept, scaled by n, in *t_final. */
int rules_run_mes(const prep *p, bool cost_sat, bool add1, sel *s, mes_rec *rec,
		  uint64_t *t_final, bool *ovf, bl_err *err)
{
	mes m;
	fmes fm;
	memset(&m, 0, sizeof m);
	memset(&fm, 0, sizeof fm);
	m.p = fm.p = p;
	m.cost_sat = fm.cost_sat = cost_sat;
	m.ovf = fm.ovf = ovf;
	size_t np1 = p->np ? p->np : 1, ng1 = p->ng ? p->ng : 1;
	m.avail = malloc(np1 * sizeof *m.avail);
	m.act = malloc(np1 * sizeof *m.act);
	m.lbx = malloc(np1 * sizeof *m.lbx);
	m.lbk = malloc(np1 * sizeof *m.lbk);
	m.budget = malloc(ng1 * sizeof *m.budget);
	m.ep = malloc(ng1 * sizeof *m.ep);
	m.R = malloc((np1 + 1) * sizeof *m.R);
	size_t maxs = 1;
	for (size_t j = 0; j < p->np; j++)
		if (p->n_supp[j] > maxs)
			maxs = p->n_supp[j];
	m.poor = malloc(maxs * sizeof *m.poor);
	size_t *fpa = NULL, *fpb = NULL;
	if (add1) {
		fm.A = malloc(ng1 * sizeof *fm.A);
		fm.Y = malloc(np1 * sizeof *fm.Y);
		fm.stamp = calloc(ng1, sizeof *fm.stamp);
		size_t nm = 0;
		for (size_t j = 0; j < p->np; j++)
			nm += p->n_supp[j];
		fm.n_master = nm;
		fm.master = malloc((nm ? nm : 1) * sizeof *fm.master);
		fm.slmem = malloc((nm ? nm : 1) * sizeof *fm.slmem);
		fm.sl = malloc(np1 * sizeof *fm.sl);
		fm.sn = malloc(np1 * sizeof *fm.sn);
		fm.zmult = malloc(np1 * sizeof *fm.zmult);
		fm.mult = malloc(ng1 * sizeof *fm.mult);
		fm.npaid = malloc(ng1 * sizeof *fm.npaid);
		fm.paid_off = malloc(ng1 * sizeof *fm.paid_off);
		fm.paid = malloc((nm ? nm : 1) * sizeof *fm.paid);
		if (fm.master && fm.slmem && fm.sl && fm.mult && p->ng < UINT32_MAX) {
			size_t off = 0;
			for (size_t j = 0; j < p->np; j++) {
				fm.sl[j] = fm.slmem + off;
				for (size_t k = 0; k < p->n_supp[j]; k++)
					fm.master[off++] = (uint32_t)p->supp[j][k];
			}
			for (size_t g = 0; g < p->ng; g++)
				fm.mult[g] = p->groups[g].mult;
			/* nm counts every (project, group) pair: every ballot's
			 * room */
			if (fm.paid_off) {
				size_t po = 0;
				for (size_t g = 0; g < p->ng; g++) {
					fm.paid_off[g] = po;
					po += p->groups[g].n;
				}
			}
		} else {
			free(fm.master);
			fm.master = NULL;
		}
		fm.near = malloc(maxs * sizeof *fm.near);
		fm.cand = malloc(maxs * sizeof *fm.cand);
		fm.mid = malloc(maxs * sizeof *fm.mid);
		fpa = malloc(maxs * sizeof *fpa);
		fpb = malloc(maxs * sizeof *fpb);
		fm.cnt = malloc(np1 * sizeof *fm.cnt);
		fm.lb = malloc(np1 * sizeof *fm.lb);
		fm.act = malloc(np1 * sizeof *fm.act);
	}
	sel prev, cur, chk;
	memset(&prev, 0, sizeof prev);
	memset(&cur, 0, sizeof cur);
	memset(&chk, 0, sizeof chk);
	int rc = -1;
	if (!m.avail || !m.act || !m.lbx || !m.lbk || !m.budget || !m.ep || !m.R || !m.poor ||
	    (add1 && (!fm.A || !fm.Y || !fm.stamp || !fm.master || !fm.sn ||
		      !fm.zmult || !fm.near || !fm.cand || !fm.mid || !fm.paid || !fm.npaid ||
		      !fm.paid_off || !fpa || !fpb || !fm.cnt || !fm.lb || !fm.act)) ||
	    rules_sel_init(&m.init, p->np) || rules_sel_init(&prev, p->np) ||
	    rules_sel_init(&cur, p->np) || rules_sel_init(&chk, p->np)) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	/* zero-cost supported projects are selected first (in tie order) */
	size_t nz = 0;
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !s->in[j] && cost_of(p, j) == 0)
			m.avail[nz++] = j; /* temporarily */
	rules_greedy_sort(p, m.avail, nz); /* all infinite: by tie */
	rules_sel_copy(&m.init, s, p->np);
	for (size_t k = 0; k < nz; k++)
		rules_sel_add(&m.init, p, m.avail[k]);
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !m.init.in[j] && cost_of(p, j) > 0 &&
		    cost_of(p, j) != BL_PB_WITHDRAWN_COST)
			m.avail[m.n_avail++] = j;
	*t_final = (uint64_t)p->pb->budget;
	if (p->n_ballots == 0) {
		rules_sel_copy(s, &m.init, p->np);
		rc = 0;
		goto out;
	}
	u128 b0 = (u128)p->pb->budget; /* budget/n per voter, scaled by n */
	if (add1) {
		fm.avail = m.avail;
		fm.n_avail = m.n_avail;
		fm.init = m.init;
		/* the rounds on bounds; the one kept (b0 then) is run exactly
		 * below */
		rules_sel_copy(&prev, &m.init, p->np);
		bool kept = false;
		for (;;) {
			uint32_t F = b0 < ((u128)1 << 62) ? fmes_scale(&fm, (uint64_t)b0) : 0;
#ifdef BL_RULES_FAST_F
			/* for testing the exact paths: a coarser scale */
			if (F > BL_RULES_FAST_F)
				F = BL_RULES_FAST_F;
#endif
			if (F > 0) {
				fm.F = F;
				mes_run_fast(&fm, (uint64_t)b0, &cur, fpa, fpb);
#ifdef BL_RULES_CHECK_FAST
				/* for testing: every round against the exact run */
				rules_mes_run_exact(&m, b0, &chk, NULL, ovf);
				if (chk.n != cur.n ||
				    memcmp(chk.v, cur.v, cur.n * sizeof *cur.v) != 0)
					abort();
#endif
			} else {
				rules_mes_run_exact(&m, b0, &cur, NULL, ovf);
			}
			if (*ovf)
				break;
			if (cur.spent > p->pb->budget) {
				b0 -= (u128)100 * (u128)p->n_ballots;
				break;
			}
			kept = true;
			if (exhaustive(p, m.avail, m.n_avail, &cur))
				break;
			rules_sel_copy(&prev, &cur, p->np);
			/* one currency unit = 100 hundredths, scaled by n */
			b0 += (u128)100 * (u128)p->n_ballots;
		}
		if (*ovf) {
			rc = 0;
			goto out;
		}
		if (!kept) {
			/* not even the first round stays within the budget */
			b0 = (u128)p->pb->budget;
			rules_sel_copy(s, &m.init, p->np);
			rc = 0;
			goto out;
		}
		rules_sel_copy(&chk, cur.spent > p->pb->budget ? &prev : &cur, p->np);
	}
	*t_final = (uint64_t)b0;
	rules_mes_run_exact(&m, b0, &cur, rec, ovf);
	if (*ovf) {
		rc = 0;
		goto out;
	}
	if (add1 && (chk.n != cur.n || memcmp(chk.v, cur.v, cur.n * sizeof *cur.v) != 0)) {
		/* cannot happen: the bounds decide only what they prove */
		bl_err_set(err, _("MES: the fast and the exact run disagree; no result rather than a "
				"possibly wrong one"));
		goto out;
	}
	rules_sel_copy(s, &cur, p->np);
	rc = 0;
out:
	free(m.avail);
	free(m.act);
	free(m.lbx);
	free(m.lbk);
	free(m.budget);
	free(m.ep);
	free(m.R);
	free(m.poor);
	free(fm.A);
	free(fm.Y);
	free(fm.stamp);
	free(fm.master);
	free(fm.slmem);
	free(fm.sl);
	free(fm.sn);
	free(fm.zmult);
	free(fm.mult);
	free(fm.paid);
	free(fm.npaid);
	free(fm.paid_off);
	free(fm.near);
	free(fm.cand);
	free(fm.mid);
	free(fpa);
	free(fpb);
	free(fm.cnt);
	free(fm.lb);
	free(fm.act);
	rules_sel_free(&m.init);
	rules_sel_free(&prev);
	rules_sel_free(&cur);
	rules_sel_free(&chk);
	return rc;
}
