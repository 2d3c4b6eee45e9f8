/* rules.c: the winner rules, exact (see rules.h).
 *
 * Identical ballots are merged into groups with a multiplicity (what
 * pabutools' multiprofile does); it changes nothing in the outcome.
 *
 * Numbers: exact integers.  Greedy compares approvals/cost by cross
 * multiplication in 128 bits; Phragmén and MES keep their rationals as
 * big-integer numerators over one common denominator (see bn below).
 * Every operation checks for overflow and sets a flag; a rule whose flag
 * is set fails with a message rather than giving an answer that may be
 * wrong. */
#include "config.h"
#include "core/rules.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

/* ---- the election, prepared ---- */

typedef struct group {
	size_t *proj; /* sorted, unique */
	size_t n;
	int64_t mult;
} group;

typedef struct prep {
	const bl_pb *pb;
	size_t np, ng;
	group *groups;
	int64_t n_ballots;
	int64_t *score;   /* approvals per project (with multiplicity) */
	size_t **supp;    /* groups supporting each project */
	size_t *n_supp;
	size_t *supp_mem, *proj_mem;
} prep;

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static const group *sort_groups_base;
static int cmp_group_idx(const void *a, const void *b)
{
	const group *x = &sort_groups_base[*(const size_t *)a];
	const group *y = &sort_groups_base[*(const size_t *)b];
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	for (size_t i = 0; i < x->n; i++)
		if (x->proj[i] != y->proj[i])
			return x->proj[i] < y->proj[i] ? -1 : 1;
	return 0;
}

static void prep_free(prep *p)
{
	free(p->groups);
	free(p->score);
	free(p->supp);
	free(p->n_supp);
	free(p->supp_mem);
	free(p->proj_mem);
	memset(p, 0, sizeof *p);
}

static int prep_init(prep *p, const bl_pb *pb, bl_err *err)
{
	memset(p, 0, sizeof *p);
	p->pb = pb;
	p->np = pb->n_projects;
	if (pb->vote_type != BL_VOTE_APPROVAL && pb->vote_type != BL_VOTE_CHOOSE1)
		return bl_err_set(err, "The winner rules count approval votes; these votes are "
				       "not approval votes.");
	if (pb->budget < 0)
		return bl_err_set(err, "The budget is negative.");
	for (size_t j = 0; j < p->np; j++)
		if (pb->projects[j].cost < 0)
			return bl_err_set(err, "Project %s has a negative cost.",
					  pb->projects[j].id ? pb->projects[j].id : "?");
	size_t total = 0;
	for (size_t i = 0; i < pb->n_votes; i++) {
		for (size_t k = 0; k < pb->votes[i].n; k++)
			if (pb->votes[i].proj[k] >= p->np)
				return bl_err_set(err, "Vote %zu names a project that does not exist.",
						  i + 1);
		total += pb->votes[i].n;
	}
	p->n_ballots = (int64_t)pb->n_votes;
	size_t nv = pb->n_votes;
	group *tmp = calloc(nv ? nv : 1, sizeof *tmp);
	size_t *order = calloc(nv ? nv : 1, sizeof *order);
	p->proj_mem = malloc((total ? total : 1) * sizeof *p->proj_mem);
	p->score = calloc(p->np ? p->np : 1, sizeof *p->score);
	p->n_supp = calloc(p->np ? p->np : 1, sizeof *p->n_supp);
	p->supp = calloc(p->np ? p->np : 1, sizeof *p->supp);
	p->groups = calloc(nv ? nv : 1, sizeof *p->groups);
	if (!tmp || !order || !p->proj_mem || !p->score || !p->n_supp || !p->supp || !p->groups) {
		free(tmp);
		free(order);
		prep_free(p);
		return bl_err_set(err, "Out of memory.");
	}
	size_t off = 0;
	for (size_t i = 0; i < nv; i++) {
		size_t *dst = p->proj_mem + off;
		memcpy(dst, pb->votes[i].proj, pb->votes[i].n * sizeof *dst);
		qsort(dst, pb->votes[i].n, sizeof *dst, cmp_size);
		size_t m = 0;
		for (size_t k = 0; k < pb->votes[i].n; k++)
			if (m == 0 || dst[m - 1] != dst[k])
				dst[m++] = dst[k];
		tmp[i].proj = dst;
		tmp[i].n = m;
		tmp[i].mult = 1;
		off += pb->votes[i].n;
		order[i] = i;
	}
	sort_groups_base = tmp;
	qsort(order, nv, sizeof *order, cmp_group_idx);
	sort_groups_base = NULL;
	size_t ng = 0;
	for (size_t i = 0; i < nv; i++) {
		group *g = &tmp[order[i]];
		if (ng > 0 && p->groups[ng - 1].n == g->n &&
		    (g->n == 0 || memcmp(p->groups[ng - 1].proj, g->proj, g->n * sizeof *g->proj) == 0))
			p->groups[ng - 1].mult++;
		else
			p->groups[ng++] = *g;
	}
	p->ng = ng;
	free(tmp);
	free(order);
	size_t nsupp = 0;
	for (size_t g = 0; g < ng; g++)
		for (size_t k = 0; k < p->groups[g].n; k++) {
			size_t j = p->groups[g].proj[k];
			p->n_supp[j]++;
			p->score[j] += p->groups[g].mult;
			nsupp++;
		}
	p->supp_mem = malloc((nsupp ? nsupp : 1) * sizeof *p->supp_mem);
	if (!p->supp_mem) {
		prep_free(p);
		return bl_err_set(err, "Out of memory.");
	}
	off = 0;
	for (size_t j = 0; j < p->np; j++) {
		p->supp[j] = p->supp_mem + off;
		off += p->n_supp[j];
		p->n_supp[j] = 0;
	}
	for (size_t g = 0; g < ng; g++)
		for (size_t k = 0; k < p->groups[g].n; k++) {
			size_t j = p->groups[g].proj[k];
			p->supp[j][p->n_supp[j]++] = g;
		}
	return 0;
}

static int id_cmp(const prep *p, size_t a, size_t b)
{
	const char *x = p->pb->projects[a].id ? p->pb->projects[a].id : "";
	const char *y = p->pb->projects[b].id ? p->pb->projects[b].id : "";
	int c = strcmp(x, y);
	if (c != 0)
		return c;
	return a < b ? -1 : a > b;
}

static int64_t cost_of(const prep *p, size_t j) { return p->pb->projects[j].cost; }

static bool never(const prep *p, size_t j)
{
	return cost_of(p, j) == BL_PB_WITHDRAWN_COST || cost_of(p, j) > p->pb->budget;
}

/* A selection being built. */
typedef struct sel {
	size_t *v;
	size_t n, cap;
	bool *in;
	int64_t spent;
} sel;

static int sel_init(sel *s, size_t np)
{
	memset(s, 0, sizeof *s);
	s->cap = np ? np : 1;
	s->v = malloc(s->cap * sizeof *s->v);
	s->in = calloc(s->cap, sizeof *s->in);
	return s->v && s->in ? 0 : -1;
}

static void sel_free(sel *s)
{
	free(s->v);
	free(s->in);
	memset(s, 0, sizeof *s);
}

static void sel_add(sel *s, const prep *p, size_t j)
{
	s->v[s->n++] = j;
	s->in[j] = true;
	s->spent += cost_of(p, j);
}

static void sel_copy(sel *dst, const sel *src, size_t np)
{
	memcpy(dst->v, src->v, src->n * sizeof *dst->v);
	memcpy(dst->in, src->in, (np ? np : 1) * sizeof *dst->in);
	dst->n = src->n;
	dst->spent = src->spent;
}

/* ---- greedy ---- */

/* density of j as num/den, inf when *inf */
typedef struct dens {
	bool inf;
	i128 num, den;
} dens;

static dens density(const prep *p, size_t j, bool cost_sat)
{
	dens d = {false, 0, 1};
	i128 c = cost_of(p, j), s = p->score[j];
	/* total satisfaction: s * c (cost utilities) or s; density total / c */
	bool positive = s > 0 && (!cost_sat || c > 0);
	if (positive) {
		if (c > 0) {
			d.num = s;
			d.den = cost_sat ? 1 : c; /* s * c / c = s */
		} else {
			d.inf = true;
		}
	}
	return d;
}

static const prep *greedy_prep;
static bool greedy_cost_sat;
static int cmp_greedy(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	dens dx = density(greedy_prep, x, greedy_cost_sat), dy = density(greedy_prep, y, greedy_cost_sat);
	if (dx.inf != dy.inf)
		return dx.inf ? -1 : 1;
	if (!dx.inf) {
		/* num < 2^63, den < 2^63: products fit */
		i128 l = dx.num * dy.den, r = dy.num * dx.den;
		if (l != r)
			return l > r ? -1 : 1;
	}
	return id_cmp(greedy_prep, x, y);
}

static int greedy(const prep *p, bool cost_sat, sel *s)
{
	size_t *order = malloc((p->np ? p->np : 1) * sizeof *order);
	if (!order)
		return -1;
	size_t m = 0;
	for (size_t j = 0; j < p->np; j++)
		if (!s->in[j])
			order[m++] = j;
	greedy_prep = p;
	greedy_cost_sat = cost_sat;
	qsort(order, m, sizeof *order, cmp_greedy);
	greedy_prep = NULL;
	int64_t left = p->pb->budget - s->spent;
	for (size_t k = 0; k < m; k++) {
		size_t j = order[k];
		if (never(p, j))
			continue;
		if (cost_of(p, j) <= left) {
			sel_add(s, p, j);
			left -= cost_of(p, j);
		}
	}
	free(order);
	return 0;
}

/* ---- big non-negative integers, for exact common denominators ----
 *
 * Phragmén's loads and MES's budgets are kept as numerators over one
 * common denominator D (a product of small integers, grown as projects
 * are selected), so that only addition, subtraction, multiplication by a
 * 64-bit integer and comparison are needed: no division, no gcd.  A
 * number that would need more than BN_LIMBS limbs sets the overflow
 * flag. */

#define BN_LIMBS 64 /* 4096 bits */

__extension__ typedef unsigned __int128 u128;

typedef struct bn {
	uint32_t n; /* limbs in use; no leading zero limb */
	uint64_t l[BN_LIMBS];
} bn;

static void bn_set(bn *a, u128 v)
{
	a->n = 0;
	while (v) {
		a->l[a->n++] = (uint64_t)v;
		v >>= 64;
	}
}

static int bn_cmp(const bn *a, const bn *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (uint32_t i = a->n; i-- > 0;)
		if (a->l[i] != b->l[i])
			return a->l[i] < b->l[i] ? -1 : 1;
	return 0;
}

/* a -= b, b <= a */
static void bn_sub(bn *a, const bn *b, bool *ovf)
{
	if (bn_cmp(a, b) < 0) {
		*ovf = true;
		return;
	}
	uint64_t borrow = 0;
	for (uint32_t i = 0; i < a->n; i++) {
		uint64_t bi = i < b->n ? b->l[i] : 0;
		u128 t = (u128)a->l[i] - bi - borrow;
		a->l[i] = (uint64_t)t;
		borrow = (uint64_t)(t >> 64) ? 1 : 0;
	}
	while (a->n > 0 && a->l[a->n - 1] == 0)
		a->n--;
}

static void bn_mul(bn *a, uint64_t k, bool *ovf)
{
	if (k == 0 || a->n == 0) {
		a->n = 0;
		return;
	}
	uint64_t carry = 0;
	for (uint32_t i = 0; i < a->n; i++) {
		u128 t = (u128)a->l[i] * k + carry;
		a->l[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	if (carry) {
		if (a->n >= BN_LIMBS) {
			*ovf = true;
			return;
		}
		a->l[a->n++] = carry;
	}
}

/* a += b * k */
static void bn_addmul(bn *a, const bn *b, uint64_t k, bool *ovf)
{
	if (k == 0 || b->n == 0)
		return;
	uint64_t carry = 0;
	uint32_t i = 0;
	for (; i < b->n; i++) {
		u128 t = (u128)b->l[i] * k + carry + (i < a->n ? a->l[i] : 0);
		if (i >= BN_LIMBS) {
			*ovf = true;
			return;
		}
		a->l[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	for (; carry && i < a->n; i++) {
		u128 t = (u128)a->l[i] + carry;
		a->l[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	if (i > a->n)
		a->n = i;
	if (carry) {
		if (a->n >= BN_LIMBS) {
			*ovf = true;
			return;
		}
		a->l[a->n++] = carry;
	}
}

/* q = ceil(a / k), k > 0 */
static void bn_div_ceil(bn *q, const bn *a, uint64_t k)
{
	u128 rem = 0;
	q->n = a->n;
	for (uint32_t i = a->n; i-- > 0;) {
		u128 cur = (rem << 64) | a->l[i];
		q->l[i] = (uint64_t)(cur / k);
		rem = cur % k;
	}
	while (q->n > 0 && q->l[q->n - 1] == 0)
		q->n--;
	if (rem) {
		uint32_t i = 0;
		while (i < q->n && ++q->l[i] == 0)
			i++;
		if (i == q->n)
			q->l[q->n++] = 1;
	}
}

static uint64_t bn_mod(const bn *a, uint64_t k)
{
	u128 rem = 0;
	for (uint32_t i = a->n; i-- > 0;)
		rem = ((rem << 64) | a->l[i]) % k;
	return (uint64_t)rem;
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* out = a * k (k > 0); the number of limbs */
static uint32_t bn_mul_into(uint64_t *out, const bn *a, uint64_t k)
{
	uint64_t carry = 0;
	for (uint32_t i = 0; i < a->n; i++) {
		u128 t = (u128)a->l[i] * k + carry;
		out[i] = (uint64_t)t;
		carry = (uint64_t)(t >> 64);
	}
	uint32_t n = a->n;
	if (carry)
		out[n++] = carry;
	return n;
}

/* compare x*kx with y*ky (kx, ky > 0) */
static int bn_cmp_scaled(const bn *x, uint64_t kx, const bn *y, uint64_t ky, bool *ovf)
{
	(void)ovf;
	/* quick answers from the sizes */
	if (x->n == 0 || y->n == 0)
		return (x->n != 0) - (y->n != 0);
	if (x->n > y->n + 1)
		return 1;
	if (y->n > x->n + 1)
		return -1;
	uint64_t a[BN_LIMBS + 1], b[BN_LIMBS + 1];
	uint32_t na = kx == 1 ? x->n : bn_mul_into(a, x, kx);
	uint32_t nb = ky == 1 ? y->n : bn_mul_into(b, y, ky);
	const uint64_t *pa = kx == 1 ? x->l : a, *pb = ky == 1 ? y->l : b;
	if (na != nb)
		return na < nb ? -1 : 1;
	for (uint32_t i = na; i-- > 0;)
		if (pa[i] != pb[i])
			return pa[i] < pb[i] ? -1 : 1;
	return 0;
}

/* ---- sequential Phragmén ----
 * Loads are val[v] / D; a project's new maximal load is
 * (sum of its supporters' loads + cost) / score = S / (D * score). */

static int phragmen(const prep *p, sel *s, bool *ovf)
{
	size_t np = p->np, nvals = 1, maxvals = np + 1;
	bn *val = malloc(maxvals * sizeof *val);
	int64_t *cnt = calloc((np ? np : 1) * maxvals, sizeof *cnt);
	size_t *gv = calloc(p->ng ? p->ng : 1, sizeof *gv);
	bool *cand = calloc(np ? np : 1, sizeof *cand);
	bn *S = malloc((np ? np : 1) * sizeof *S);
	bn *D = malloc(sizeof *D);
	int rc = -1;
	if (!val || !cnt || !gv || !cand || !S || !D)
		goto out;
	bn_set(&val[0], 0);
	bn_set(D, 1);
	for (size_t j = 0; j < np; j++) {
		cand[j] = !s->in[j] && !never(p, j);
		cnt[j * maxvals + 0] = p->score[j];
	}
	for (;;) {
		size_t best = SIZE_MAX; /* a finite one, or SIZE_MAX if all infinite */
		bool any = false;
		for (size_t j = 0; j < np; j++) {
			if (!cand[j])
				continue;
			any = true;
			if (p->score[j] == 0)
				continue;
			bn_set(&S[j], 0);
			bn_addmul(&S[j], D, (uint64_t)cost_of(p, j), ovf);
			for (size_t v = 1; v < nvals; v++) {
				int64_t c = cnt[j * maxvals + v];
				if (c != 0)
					bn_addmul(&S[j], &val[v], (uint64_t)c, ovf);
			}
			if (best == SIZE_MAX ||
			    bn_cmp_scaled(&S[j], (uint64_t)p->score[best], &S[best],
					  (uint64_t)p->score[j], ovf) < 0)
				best = j;
		}
		if (!any || *ovf)
			break;
		size_t pick = SIZE_MAX;
		bool stop = false;
		for (size_t j = 0; j < np; j++) {
			if (!cand[j])
				continue;
			bool tied;
			if (best == SIZE_MAX)
				tied = p->score[j] == 0;
			else
				tied = p->score[j] != 0 &&
				       bn_cmp_scaled(&S[j], (uint64_t)p->score[best], &S[best],
						     (uint64_t)p->score[j], ovf) == 0;
			if (!tied)
				continue;
			if (s->spent + cost_of(p, j) > p->pb->budget)
				stop = true;
			if (pick == SIZE_MAX || id_cmp(p, j, pick) < 0)
				pick = j;
		}
		if (stop)
			break;
		cand[pick] = false;
		sel_add(s, p, pick);
		if (best != SIZE_MAX) {
			uint64_t k = (uint64_t)p->score[pick];
			bn_mul(D, k, ovf);
			for (size_t v = 1; v < nvals; v++)
				bn_mul(&val[v], k, ovf);
			size_t nv = nvals++;
			val[nv] = S[pick];
			for (size_t t = 0; t < p->n_supp[pick]; t++) {
				size_t g = p->supp[pick][t];
				const group *gr = &p->groups[g];
				for (size_t u = 0; u < gr->n; u++) {
					size_t j = gr->proj[u];
					cnt[j * maxvals + gv[g]] -= gr->mult;
					cnt[j * maxvals + nv] += gr->mult;
				}
				gv[g] = nv;
			}
		}
	}
	rc = 0;
out:
	free(val);
	free(cnt);
	free(gv);
	free(cand);
	free(S);
	free(D);
	return rc;
}

/* ---- Method of Equal Shares ----
 * Money is scaled by n (the number of ballots), so that each voter starts
 * with an integer; budgets are budget[g] / D.  A project's payment per
 * rich supporter is X / (rich * D); its price per unit of utility is that
 * (cardinality) or that over its cost (cost utilities). */

typedef struct mes {
	const prep *p;
	bool cost_sat;
	size_t *avail; /* supported projects with a cost > 0 */
	size_t n_avail;
	bn *budget;    /* per group, over D_ep (see bud) */
	size_t *ep;
	uint64_t *R;   /* D is the product of R[0..nR) */
	size_t nR;
	bn D;
	bn *lbx;       /* per project: lower bound of its price: lbx / (lbk * D) */
	uint64_t *lbk;
	size_t *act;
	bool *poor;
	bool *ovf;
	sel init;      /* the zero-cost supported projects */
} mes;

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
	int c = bn_cmp_scaled(&sort_mes->lbx[x], sort_mes->lbk[y], &sort_mes->lbx[y],
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
					bn_mul(b, acc, ovf);
					acc = m->R[e];
				} else {
					acc = t;
				}
			}
			bn_mul(b, acc, ovf);
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
	bn_mul(&csd, (uint64_t)cost_of(p, j), ovf);
	bn_mul(&csd, (uint64_t)p->n_ballots, ovf);
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
		bn_set(&newpoor, 0);
		/* b < x / rich  <=>  b < ceil(x / rich), b being an integer */
		bn_div_ceil(&thr, &x, (uint64_t)rich);
		for (size_t k = 0; k < ns; k++) {
			if (m->poor[k])
				continue;
			const bn *b = bud(m, sp[k], ovf);
			if (bn_cmp(b, &thr) < 0) {
				m->poor[k] = true;
				changed = true;
				bn_addmul(&newpoor, b, (uint64_t)p->groups[sp[k]].mult, ovf);
				newmult += p->groups[sp[k]].mult;
			}
		}
		if (!changed) {
			*X = x;
			*rich_out = (uint64_t)rich;
			return true;
		}
		/* the new poor pay all they have; the rich share the rest */
		if (bn_cmp(&newpoor, &x) >= 0)
			return false;
		bn_sub(&x, &newpoor, ovf);
		rich -= newmult;
	}
}

/* One run of MES with each voter's budget b0 (scaled by n). */
static int mes_run(mes *m, u128 b0, sel *out, bool *ovf)
{
	const prep *p = m->p;
	sel_copy(out, &m->init, p->np);
	bn_set(&m->D, 1);
	m->nR = 0;
	for (size_t g = 0; g < p->ng; g++) {
		bn_set(&m->budget[g], b0);
		m->ep[g] = 0;
	}
	size_t na = m->n_avail;
	for (size_t k = 0; k < na; k++) {
		size_t j = m->avail[k];
		m->act[k] = j;
		bn_set(&m->lbx[j], (u128)cost_of(p, j) * (u128)p->n_ballots);
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
			if (have && bn_cmp_scaled(&m->lbx[j], bestk, &bestx, m->lbk[j], ovf) > 0)
				break;
			uint64_t rich;
			if (!afford(m, j, &x, &rich, ovf)) {
				m->act[k] = SIZE_MAX; /* unaffordable from now on */
				continue;
			}
			uint64_t kk = price_den(m, j, rich, ovf);
			m->lbx[j] = x;
			m->lbk[j] = kk;
			int c = have ? bn_cmp_scaled(&x, bestk, &bestx, kk, ovf) : -1;
			if (c < 0 || (c == 0 && id_cmp(p, j, pick) < 0)) {
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
		sel_add(out, p, pick);
		/* D *= rich: every budget and bound is rescaled; the payment is
		 * bestx over the new D */
		/* the payment is bestx / (bestrich * D) = (bestx / g) / (f * D)
		 * with g = gcd(bestx, bestrich), f = bestrich / g: D grows by f */
		uint64_t g = gcd64(bn_mod(&bestx, bestrich), bestrich);
		uint64_t f = bestrich / g;
		if (g > 1) {
			bn t = bestx;
			bn_div_ceil(&bestx, &t, g); /* exact */
		}
		if (f > 1) {
			bn_mul(&m->D, f, ovf);
			m->R[m->nR++] = f;
			for (size_t k = 0; k < na; k++)
				bn_mul(&m->lbx[m->act[k]], f, ovf);
		}
		for (size_t k = 0; k < p->n_supp[pick]; k++) {
			bn *b = bud(m, p->supp[pick][k], ovf);
			if (bn_cmp(b, &bestx) <= 0)
				bn_set(b, 0);
			else
				bn_sub(b, &bestx, ovf);
		}
	}
	return 0;
}

static bool exhaustive(const mes *m, const sel *s)
{
	for (size_t k = 0; k < m->n_avail; k++) {
		size_t j = m->avail[k];
		if (!s->in[j] && s->spent + cost_of(m->p, j) <= m->p->pb->budget)
			return false;
	}
	return true;
}

static int run_mes(const prep *p, bool cost_sat, bool add1, sel *s, bool *ovf, bl_err *err)
{
	mes *mp = calloc(1, sizeof *mp);
	if (!mp)
		return bl_err_set(err, "Out of memory.");
	mes m;
	memset(&m, 0, sizeof m);
	m.p = p;
	m.cost_sat = cost_sat;
	m.ovf = ovf;
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
	sel prev, cur;
	memset(&prev, 0, sizeof prev);
	memset(&cur, 0, sizeof cur);
	int rc = -1;
	if (!m.avail || !m.act || !m.lbx || !m.lbk || !m.budget || !m.ep || !m.R || !m.poor ||
	    sel_init(&m.init, p->np) || sel_init(&prev, p->np) || sel_init(&cur, p->np)) {
		bl_err_set(err, "Out of memory.");
		goto out;
	}
	/* zero-cost supported projects are selected first (in id order) */
	size_t nz = 0;
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !s->in[j] && cost_of(p, j) == 0)
			m.avail[nz++] = j; /* temporarily */
	greedy_prep = p;
	qsort(m.avail, nz, sizeof *m.avail, cmp_greedy); /* all infinite: by id */
	greedy_prep = NULL;
	sel_copy(&m.init, s, p->np);
	for (size_t k = 0; k < nz; k++)
		sel_add(&m.init, p, m.avail[k]);
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !m.init.in[j] && cost_of(p, j) > 0 &&
		    cost_of(p, j) != BL_PB_WITHDRAWN_COST)
			m.avail[m.n_avail++] = j;
	if (p->n_ballots == 0) {
		sel_copy(s, &m.init, p->np);
		rc = 0;
		goto out;
	}
	u128 b0 = (u128)p->pb->budget; /* budget/n per voter, scaled by n */
	sel_copy(&prev, &m.init, p->np);
	for (;;) {
		mes_run(&m, b0, &cur, ovf);
		if (*ovf)
			break;
		if (!add1) {
			sel_copy(s, &cur, p->np);
			break;
		}
		if (cur.spent > p->pb->budget) {
			sel_copy(s, &prev, p->np);
			break;
		}
		if (exhaustive(&m, &cur)) {
			sel_copy(s, &cur, p->np);
			break;
		}
		sel_copy(&prev, &cur, p->np);
		/* one currency unit = 100 hundredths, scaled by n */
		b0 += (u128)100 * (u128)p->n_ballots;
	}
	rc = 0;
out:
	free(mp);
	free(m.avail);
	free(m.act);
	free(m.lbx);
	free(m.lbk);
	free(m.budget);
	free(m.ep);
	free(m.R);
	free(m.poor);
	sel_free(&m.init);
	sel_free(&prev);
	sel_free(&cur);
	return rc;
}

/* ---- names and the entry point ---- */

static const char *const rule_names[BL_RULE_COUNT] = {
	[BL_RULE_GREEDY_COST] = "greedy_cost",
	[BL_RULE_GREEDY_CARD] = "greedy_card",
	[BL_RULE_PHRAGMEN] = "phragmen",
	[BL_RULE_MES_COST] = "mes_cost",
	[BL_RULE_MES_CARD] = "mes_card",
	[BL_RULE_MES_COST_GREEDY] = "mes_cost_greedy",
	[BL_RULE_MES_CARD_GREEDY] = "mes_card_greedy",
	[BL_RULE_MES_COST_ADD1] = "mes_cost_add1",
	[BL_RULE_MES_CARD_ADD1] = "mes_card_add1",
	[BL_RULE_MES_COST_ADD1_GREEDY] = "mes_cost_add1_greedy",
	[BL_RULE_MES_CARD_ADD1_GREEDY] = "mes_card_add1_greedy",
};

int bl_rule_from_name(const char *name, bl_rule *out)
{
	if (!name)
		return -1;
	for (int r = 0; r < BL_RULE_COUNT; r++)
		if (strcmp(name, rule_names[r]) == 0) {
			*out = (bl_rule)r;
			return 0;
		}
	return -1;
}

const char *bl_rule_name(bl_rule rule)
{
	if ((int)rule < 0 || rule >= BL_RULE_COUNT)
		return NULL;
	return rule_names[rule];
}

int bl_rule_run(const bl_pb *pb, bl_rule rule, size_t **selected, size_t *n, bl_err *err)
{
	*selected = NULL;
	*n = 0;
	if ((int)rule < 0 || rule >= BL_RULE_COUNT)
		return bl_err_set(err, "Unknown winner rule %d.", (int)rule);
	prep p;
	if (prep_init(&p, pb, err) != 0)
		return -1;
	sel s;
	if (sel_init(&s, p.np) != 0) {
		prep_free(&p);
		return bl_err_set(err, "Out of memory.");
	}
	bool ovf = false;
	int rc = 0;
	switch (rule) {
	case BL_RULE_GREEDY_COST:
		rc = greedy(&p, true, &s);
		break;
	case BL_RULE_GREEDY_CARD:
		rc = greedy(&p, false, &s);
		break;
	case BL_RULE_PHRAGMEN:
		rc = phragmen(&p, &s, &ovf);
		break;
	default: {
		bool cost_sat = rule == BL_RULE_MES_COST || rule == BL_RULE_MES_COST_GREEDY ||
				rule == BL_RULE_MES_COST_ADD1 || rule == BL_RULE_MES_COST_ADD1_GREEDY;
		bool add1 = rule == BL_RULE_MES_COST_ADD1 || rule == BL_RULE_MES_CARD_ADD1 ||
			    rule == BL_RULE_MES_COST_ADD1_GREEDY || rule == BL_RULE_MES_CARD_ADD1_GREEDY;
		bool compl = rule == BL_RULE_MES_COST_GREEDY || rule == BL_RULE_MES_CARD_GREEDY ||
			     rule == BL_RULE_MES_COST_ADD1_GREEDY || rule == BL_RULE_MES_CARD_ADD1_GREEDY;
		bl_err tmp;
		if (run_mes(&p, cost_sat, add1, &s, &ovf, &tmp) != 0) {
			bl_err_set(err, "%s", tmp.msg);
			sel_free(&s);
			prep_free(&p);
			return -1;
		}
		if (!ovf && compl)
			rc = greedy(&p, true, &s);
		break;
	}
	}
	if (rc != 0 || ovf) {
		if (ovf)
			bl_err_set(err, "Rule %s: an exact number does not fit in 4096 bits; no "
					"result rather than a possibly wrong one.",
				   rule_names[rule]);
		else
			bl_err_set(err, "Out of memory.");
		sel_free(&s);
		prep_free(&p);
		return -1;
	}
	if (s.n > 0) {
		*selected = malloc(s.n * sizeof **selected);
		if (!*selected) {
			sel_free(&s);
			prep_free(&p);
			return bl_err_set(err, "Out of memory.");
		}
		memcpy(*selected, s.v, s.n * sizeof **selected);
		*n = s.n;
	}
	sel_free(&s);
	prep_free(&p);
	return 0;
}
