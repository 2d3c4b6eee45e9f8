/* rules_mes.c: the Method of Equal Shares (see rules.h), exact: one run
 * with a given budget per voter.  rules_run_mes (rules_mes_fast.c) sets
 * up its state (mes, in rules_internal.h) and runs it.
 *
 * Money is scaled by n (the number of ballots), so that each voter starts
 * with an integer; budgets are budget[g] / D.  A project's payment per
 * rich supporter is X / (rich * D); its price per unit of utility is that
 * (cardinality) or that over its cost (cost utilities). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/rules_internal.h"

static uint64_t price_den(const mes *m, size_t j, uint64_t rich, bool *ovf)
{
	uint64_t k = rich;
	if (m->cost_sat && __builtin_mul_overflow(k, (uint64_t)cost_of(m->p, j), &k))
		*ovf = true;
	return k;
}

static mes *sort_mes;
static int cmp_lb(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = rules_bn_cmp_scaled(&sort_mes->lbx[x], sort_mes->lbk[y], &sort_mes->lbx[y],
				    sort_mes->lbk[x], sort_mes->ovf);
	return c ? c : (x < y ? -1 : x > y);
}

/* The budget of group g over the current D: budgets are rescaled lazily,
 * several factors at a time. */
static bn *bud(mes *m, size_t g, bool *ovf)
{
	bn *b = &m->budget[g];
	if (m->ep[g] < m->nR) {
		if (b->n != 0) {
			uint64_t acc = 1;
			for (size_t e = m->ep[g]; e < m->nR; e++) {
				uint64_t t;
				if (__builtin_mul_overflow(acc, m->R[e], &t)) {
					rules_bn_mul(b, acc, ovf);
					acc = m->R[e];
				} else {
					acc = t;
				}
			}
			rules_bn_mul(b, acc, ovf);
		}
		m->ep[g] = m->nR;
	}
	return b;
}

/* The payment per rich supporter of j, X / (rich * D); false if the
 * supporters cannot pay for it. */
static bool afford(mes *m, size_t j, bn *X, uint64_t *rich_out, bool *ovf)
{
	const prep *p = m->p;
	size_t ns = p->n_supp[j];
	const size_t *sp = p->supp[j];
	bn csd = m->D;
	rules_bn_mul(&csd, (uint64_t)cost_of(p, j), ovf);
	rules_bn_mul(&csd, (uint64_t)p->n_ballots, ovf);
	for (size_t k = 0; k < ns; k++)
		m->poor[k] = false;
	int64_t rich = p->score[j];
	bn x = csd;
	for (;;) {
		if (rich <= 0 || *ovf)
			return false;
		bool changed = false;
		int64_t newmult = 0;
		bn newpoor, thr;
		rules_bn_set(&newpoor, 0);
		/* b < x / rich  <=>  b < ceil(x / rich), b being an integer */
		rules_bn_div_ceil(&thr, &x, (uint64_t)rich);
		for (size_t k = 0; k < ns; k++) {
			if (m->poor[k])
				continue;
			const bn *b = bud(m, sp[k], ovf);
			if (rules_bn_cmp(b, &thr) < 0) {
				m->poor[k] = true;
				changed = true;
				rules_bn_addmul(&newpoor, b, (uint64_t)p->groups[sp[k]].mult, ovf);
				newmult += p->groups[sp[k]].mult;
			}
		}
		if (!changed) {
			*X = x;
			*rich_out = (uint64_t)rich;
			return true;
		}
		/* the new poor pay all they have; the rich share the rest */
		if (rules_bn_cmp(&newpoor, &x) >= 0)
			return false;
		rules_bn_sub(&x, &newpoor, ovf);
		rich -= newmult;
	}
}

/* One run of MES with each voter's budget b0 (scaled by n).  With rec,
 * the payments for each project selected are written there. */
int rules_mes_run_exact(mes *m, u128 b0, sel *out, mes_rec *rec, bool *ovf)
{
	const prep *p = m->p;
	rules_sel_copy(out, &m->init, p->np);
	rules_bn_set(&m->D, 1);
	m->nR = 0;
	for (size_t g = 0; g < p->ng; g++) {
		rules_bn_set(&m->budget[g], b0);
		m->ep[g] = 0;
	}
	size_t na = m->n_avail;
	for (size_t k = 0; k < na; k++) {
		size_t j = m->avail[k];
		m->act[k] = j;
		rules_bn_set(&m->lbx[j], (u128)cost_of(p, j) * (u128)p->n_ballots);
		m->lbk[j] = price_den(m, j, (uint64_t)p->score[j], ovf);
	}
	bn bestx, x;
	while (na > 0 && !*ovf) {
		sort_mes = m;
		qsort(m->act, na, sizeof *m->act, cmp_lb);
		sort_mes = NULL;
		bool have = false;
		uint64_t bestk = 1, bestrich = 1;
		size_t pick = SIZE_MAX;
		for (size_t k = 0; k < na; k++) {
			size_t j = m->act[k];
			if (have &&
			    rules_bn_cmp_scaled(&m->lbx[j], bestk, &bestx, m->lbk[j], ovf) > 0)
				break;
			uint64_t rich;
			if (!afford(m, j, &x, &rich, ovf)) {
				m->act[k] = SIZE_MAX; /* unaffordable from now on */
				continue;
			}
			uint64_t kk = price_den(m, j, rich, ovf);
			m->lbx[j] = x;
			m->lbk[j] = kk;
			int c = have ? rules_bn_cmp_scaled(&x, bestk, &bestx, kk, ovf) : -1;
			if (c < 0 || (c == 0 && rules_tie_cmp(p, j, pick) < 0)) {
				bestx = x;
				bestk = kk;
				bestrich = rich;
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
		if (rec) {
			/* afford again for the poor flags of pick (the last call
			 * may have been another project's): the rich pay
			 * bestx / (bestrich * D), the poor all they have */
			uint64_t rich;
			afford(m, pick, &x, &rich, ovf);
			bn den = m->D, dn = m->D;
			rules_bn_mul(&dn, (uint64_t)p->n_ballots, ovf);
			rules_bn_mul(&den, rich, ovf);
			rules_bn_mul(&den, (uint64_t)p->n_ballots, ovf);
			int64_t smax = rules_bn_round(&x, &den, ovf);
			int64_t payers = (int64_t)rich;
			const bn *least = NULL;
			for (size_t k = 0; k < p->n_supp[pick]; k++) {
				size_t g = p->supp[pick][k];
				const bn *b = bud(m, g, ovf);
				if (!m->poor[k] || b->n == 0)
					continue;
				payers += p->groups[g].mult;
				if (!least || rules_bn_cmp(b, least) < 0)
					least = b;
			}
			rec->n_payers[pick] = (size_t)payers;
			rec->smax[pick] = smax;
			rec->smin[pick] = least ? rules_bn_round(least, &dn, ovf) : smax;
		}
		/* the payment is bestx / (bestrich * D) = (bestx / g) / (f * D)
		 * with g = gcd(bestx, bestrich), f = bestrich / g: D grows by f,
		 * and every budget and bound is rescaled */
		uint64_t g = rules_gcd64(rules_bn_mod(&bestx, bestrich), bestrich);
		uint64_t f = bestrich / g;
		if (g > 1) {
			bn t = bestx;
			rules_bn_div_ceil(&bestx, &t, g); /* exact */
		}
		if (f > 1) {
			rules_bn_mul(&m->D, f, ovf);
			m->R[m->nR++] = f;
			for (size_t k = 0; k < na; k++)
				rules_bn_mul(&m->lbx[m->act[k]], f, ovf);
		}
		for (size_t k = 0; k < p->n_supp[pick]; k++) {
			bn *b = bud(m, p->supp[pick][k], ovf);
			if (rules_bn_cmp(b, &bestx) <= 0)
				rules_bn_set(b, 0);
			else
				rules_bn_sub(b, &bestx, ovf);
		}
	}
	return 0;
}
