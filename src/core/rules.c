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
 * wrong.
 *
 * MES with add1 runs MES once per currency unit added to each voter's
 * budget (hundreds of runs on a large election), so each run must be
 * cheap: mes_run_fast below decides every comparison on 128-bit
 * fixed-point bounds of the exact values and computes an exact value only
 * when the bounds do not decide (a tie, or nearly one); the outcome kept
 * is then run once more with the plain exact code (mes_run_exact), which
 * also gives the payments for the explanation, and the two must agree. */
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
	bl_tie tie;
	int64_t *score;   /* approvals per project (with multiplicity), or points */
	int64_t *approvals; /* ballots naming each project */
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
	free(p->approvals);
	free(p->supp);
	free(p->n_supp);
	free(p->supp_mem);
	free(p->proj_mem);
	memset(p, 0, sizeof *p);
}

static bool is_approval(bl_vote_type t)
{
	return t == BL_VOTE_APPROVAL || t == BL_VOTE_CHOOSE1;
}

static int prep_init(prep *p, const bl_pb *pb, bl_tie tie, bl_err *err)
{
	memset(p, 0, sizeof *p);
	p->pb = pb;
	p->np = pb->n_projects;
	p->tie = tie;
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
	p->approvals = calloc(p->np ? p->np : 1, sizeof *p->approvals);
	p->n_supp = calloc(p->np ? p->np : 1, sizeof *p->n_supp);
	p->supp = calloc(p->np ? p->np : 1, sizeof *p->supp);
	p->groups = calloc(nv ? nv : 1, sizeof *p->groups);
	if (!tmp || !order || !p->proj_mem || !p->score || !p->approvals || !p->n_supp ||
	    !p->supp || !p->groups) {
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
	memcpy(p->approvals, p->score, (p->np ? p->np : 1) * sizeof *p->score);
	if (!is_approval(pb->vote_type)) {
		/* points (cumulative, scoring) or Borda (ordinal) in the ballot's
		 * order; the groups above stay what each ballot names */
		memset(p->score, 0, (p->np ? p->np : 1) * sizeof *p->score);
		for (size_t i = 0; i < nv; i++) {
			const bl_pb_vote *v = &pb->votes[i];
			for (size_t k = 0; k < v->n; k++) {
				int64_t pts;
				if (pb->vote_type == BL_VOTE_ORDINAL)
					pts = (int64_t)(v->n - k);
				else
					pts = v->points ? v->points[k] : 1;
				if (__builtin_add_overflow(p->score[v->proj[k]], pts,
							   &p->score[v->proj[k]])) {
					prep_free(p);
					return bl_err_set(err, "The points of project %s do not fit in "
							       "64 bits.",
							  pb->projects[v->proj[k]].id ?
								  pb->projects[v->proj[k]].id : "?");
				}
			}
		}
	}
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

static int64_t cost_of(const prep *p, size_t j) { return p->pb->projects[j].cost; }

/* An id made of decimal digits only; *skip leading zeros. */
static bool id_number(const char *s, size_t *skip)
{
	if (!*s)
		return false;
	for (const char *q = s; *q; q++)
		if (*q < '0' || *q > '9')
			return false;
	size_t z = 0;
	while (s[z] == '0' && s[z + 1])
		z++;
	*skip = z;
	return true;
}

/* The tie-break order of bl_tie: < 0 when a wins over b.  Total, so that
 * every tie has one winner. */
static int tie_cmp(const prep *p, size_t a, size_t b)
{
	const char *x = p->pb->projects[a].id ? p->pb->projects[a].id : "";
	const char *y = p->pb->projects[b].id ? p->pb->projects[b].id : "";
	switch (p->tie) {
	case BL_TIE_ID_NUMBER: {
		size_t zx, zy;
		bool nx = id_number(x, &zx), ny = id_number(y, &zy);
		if (nx != ny)
			return nx ? -1 : 1;
		if (nx) {
			/* numbers of any length: fewer digits is smaller */
			size_t lx = strlen(x + zx), ly = strlen(y + zy);
			if (lx != ly)
				return lx < ly ? -1 : 1;
			int c = strcmp(x + zx, y + zy);
			if (c != 0)
				return c;
		}
		break;
	}
	case BL_TIE_CHEAPER:
		if (cost_of(p, a) != cost_of(p, b))
			return cost_of(p, a) < cost_of(p, b) ? -1 : 1;
		break;
	case BL_TIE_MORE_VOTES:
		if (p->approvals[a] != p->approvals[b])
			return p->approvals[a] > p->approvals[b] ? -1 : 1;
		break;
	default:
		break;
	}
	int c = strcmp(x, y);
	if (c != 0)
		return c;
	return a < b ? -1 : a > b;
}

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
	return tie_cmp(greedy_prep, x, y);
}

/* noskip: stop at the first project that does not fit (those never
 * selected are passed over) */
static int greedy(const prep *p, bool cost_sat, bool noskip, sel *s)
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
		} else if (noskip) {
			break;
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

/* a += b */
static void bn_add(bn *a, const bn *b, bool *ovf) { bn_addmul(a, b, 1, ovf); }

static uint32_t bn_bits(const bn *a)
{
	if (a->n == 0)
		return 0;
	return a->n * 64 - (uint32_t)__builtin_clzll(a->l[a->n - 1]);
}

/* a <<= s */
static void bn_shl(bn *a, uint32_t s, bool *ovf)
{
	if (a->n == 0 || s == 0)
		return;
	uint32_t w = s / 64, b = s % 64;
	if (bn_bits(a) + s > BN_LIMBS * 64) {
		*ovf = true;
		return;
	}
	uint32_t n = a->n + w + 1;
	for (uint32_t i = n; i-- > 0;) {
		uint64_t hi = i >= w && i - w < a->n ? a->l[i - w] : 0;
		uint64_t lo = i >= w + 1 && i - w - 1 < a->n ? a->l[i - w - 1] : 0;
		a->l[i] = b ? (hi << b) | (lo >> (64 - b)) : hi;
	}
	a->n = n;
	while (a->n > 0 && a->l[a->n - 1] == 0)
		a->n--;
}

static void bn_shr1(bn *a)
{
	for (uint32_t i = 0; i < a->n; i++)
		a->l[i] = (a->l[i] >> 1) | (i + 1 < a->n ? a->l[i + 1] << 63 : 0);
	while (a->n > 0 && a->l[a->n - 1] == 0)
		a->n--;
}

/* floor(a * 2^s / d), d > 0, when it is below 2^127 (*ovf otherwise):
 * long division bit by bit, for the few divisions a rule needs (one per
 * project selected). */
static u128 bn_div_q(const bn *a, uint32_t s, const bn *d, bool *ovf)
{
	bn r = *a;
	bn_shl(&r, s, ovf);
	uint32_t ra = bn_bits(&r), rd = bn_bits(d);
	if (ra < rd || *ovf)
		return 0;
	uint32_t qb = ra - rd + 1;
	if (qb > 127) {
		*ovf = true;
		return 0;
	}
	bn dd = *d;
	bn_shl(&dd, qb - 1, ovf);
	u128 q = 0;
	for (uint32_t i = qb; i-- > 0;) {
		if (bn_cmp(&r, &dd) >= 0) {
			bn_sub(&r, &dd, ovf);
			q |= (u128)1 << i;
		}
		bn_shr1(&dd);
	}
	return q;
}

/* num / den rounded half up to an integer: floor((2 num + den) / (2 den)) */
static int64_t bn_round(const bn *num, const bn *den, bool *ovf)
{
	bn a = *num, d = *den;
	bn_mul(&a, 2, ovf);
	bn_add(&a, den, ovf);
	bn_mul(&d, 2, ovf);
	u128 q = bn_div_q(&a, 0, &d, ovf);
	if (q > (u128)INT64_MAX) {
		*ovf = true;
		return 0;
	}
	return (int64_t)q;
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
			if (pick == SIZE_MAX || tie_cmp(p, j, pick) < 0)
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

/* ---- Method of Equal Shares, exact ----
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

/* The payments for each project MES selected, per project index (see
 * bl_rule_result). */
typedef struct mes_rec {
	size_t *n_payers;
	int64_t *smax, *smin;
} mes_rec;

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

/* One run of MES with each voter's budget b0 (scaled by n).  With rec,
 * the payments for each project selected are written there. */
static int mes_run_exact(mes *m, u128 b0, sel *out, mes_rec *rec, bool *ovf)
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
			if (c < 0 || (c == 0 && tie_cmp(p, j, pick) < 0)) {
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
		if (rec) {
			/* afford again for the poor flags of pick (the last call
			 * may have been another project's): the rich pay
			 * bestx / (bestrich * D), the poor all they have */
			uint64_t rich;
			afford(m, pick, &x, &rich, ovf);
			bn den = m->D, dn = m->D;
			bn_mul(&dn, (uint64_t)p->n_ballots, ovf);
			bn_mul(&den, rich, ovf);
			bn_mul(&den, (uint64_t)p->n_ballots, ovf);
			int64_t smax = bn_round(&x, &den, ovf);
			int64_t payers = (int64_t)rich;
			const bn *least = NULL;
			for (size_t k = 0; k < p->n_supp[pick]; k++) {
				size_t g = p->supp[pick][k];
				const bn *b = bud(m, g, ovf);
				if (!m->poor[k] || b->n == 0)
					continue;
				payers += p->groups[g].mult;
				if (!least || bn_cmp(b, least) < 0)
					least = b;
			}
			rec->n_payers[pick] = (size_t)payers;
			rec->smax[pick] = smax;
			rec->smin[pick] = least ? bn_round(least, &dn, ovf) : smax;
		}
		/* the payment is bestx / (bestrich * D) = (bestx / g) / (f * D)
		 * with g = gcd(bestx, bestrich), f = bestrich / g: D grows by f,
		 * and every budget and bound is rescaled */
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

/* ---- Method of Equal Shares, fast ----
 * The same run, deciding on bounds.  A group's budget is 0 once it paid
 * all it had (it was poor for a project selected); otherwise it is t (each
 * voter's budget, scaled by n) minus the payment of every selected project
 * on its ballot: the rich supporters of a project all pay the same.  So
 * the exact state is small: per project selected its payment Y[i] / D,
 * and per group the list of the Y it paid.  Beside it each group keeps A,
 * t * 2^F minus the payments floor(Y[i] * 2^F / D), or 0 once it has
 * nothing left: A is at least the exact budget times 2^F (so A = 0 means
 * nothing left) and less than E (the projects selected so far) above it,
 * so nearly every comparison is one of 64- or
 * 128-bit integers with a margin (the price's own bounds follow from
 * those of the poor's budgets); only those the margin does not decide (a
 * tie, or nearly one) are made exactly, from Y and D.  Each project
 * selected costs one exact payment (bn) and one division.  F is chosen
 * per run so that no product overflows (A below 2^62, products below
 * 2^124); if there is no room for a useful F the exact run is used
 * instead.  The outcome is the exact run's: what the bounds decide, they
 * prove. */

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
		bn_set(out, 0);
		return;
	}
	*out = m->tD;
	const uint32_t *pd = m->paid + m->paid_off[g];
	for (uint32_t u = 0; u < m->npaid[g]; u++)
		bn_sub(out, &m->Y[pd[u]], m->ovf);
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
	bn_mul(&poorsum, (uint64_t)pm, m->ovf);
	bn_set(&paid, 0);
	for (size_t i = 0; i < m->ny; i++)
		bn_addmul(&paid, &m->Y[i], (uint64_t)m->cnt[i], m->ovf);
	bn_sub(&poorsum, &paid, m->ovf);
	*out = m->D;
	bn_mul(out, (uint64_t)cost_of(p, j), m->ovf);
	bn_mul(out, (uint64_t)p->n_ballots, m->ovf);
	*neg = bn_cmp(&poorsum, out) > 0;
	if (*neg)
		bn_set(out, 0);
	else
		bn_sub(out, &poorsum, m->ovf);
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
				if (bn_cmp_scaled(&b, (uint64_t)rich, &xp, 1, m->ovf) < 0) {
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
				is_poor = bn_cmp_scaled(&b, (uint64_t)rich, &xp, 1, m->ovf) < 0;
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
	sel_copy(out, &m->init, p->np);
	m->t = t;
	bn_set(&m->D, 1);
	bn_set(&m->tD, t);
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
					c = bn_cmp_scaled(&xj, kb, &bx, kj, ovf);
					exact_j = true;
				}
			}
			if (c < 0 || (c == 0 && tie_cmp(p, j, pick) < 0)) {
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
		sel_add(out, p, pick);
		/* the exact payment, as in mes_run_exact */
		bn X;
		if (bx_ok)
			X = bx;
		else
			fx_rest(m, pick, best.poor, best.n_poor, &X, &neg);
		uint64_t rich = (uint64_t)best.rich;
		uint64_t g = gcd64(bn_mod(&X, rich), rich);
		uint64_t f = rich / g;
		if (g > 1) {
			bn tmp = X;
			bn_div_ceil(&X, &tmp, g); /* exact */
		}
		if (f > 1) {
			bn_mul(&m->D, f, ovf);
			for (size_t i = 0; i < m->ny; i++)
				bn_mul(&m->Y[i], f, ovf);
			m->tD = m->D;
			bn_mul(&m->tD, t, ovf);
		}
		m->Y[m->ny] = X;
		m->ny++;
		int64_t pay = (int64_t)bn_div_q(&X, m->F, &m->D, ovf);
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
static int run_mes(const prep *p, bool cost_sat, bool add1, sel *s, mes_rec *rec,
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
	    sel_init(&m.init, p->np) || sel_init(&prev, p->np) || sel_init(&cur, p->np) ||
	    sel_init(&chk, p->np)) {
		bl_err_set(err, "Out of memory.");
		goto out;
	}
	/* zero-cost supported projects are selected first (in tie order) */
	size_t nz = 0;
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !s->in[j] && cost_of(p, j) == 0)
			m.avail[nz++] = j; /* temporarily */
	greedy_prep = p;
	qsort(m.avail, nz, sizeof *m.avail, cmp_greedy); /* all infinite: by tie */
	greedy_prep = NULL;
	sel_copy(&m.init, s, p->np);
	for (size_t k = 0; k < nz; k++)
		sel_add(&m.init, p, m.avail[k]);
	for (size_t j = 0; j < p->np; j++)
		if (p->score[j] > 0 && !m.init.in[j] && cost_of(p, j) > 0 &&
		    cost_of(p, j) != BL_PB_WITHDRAWN_COST)
			m.avail[m.n_avail++] = j;
	*t_final = (uint64_t)p->pb->budget;
	if (p->n_ballots == 0) {
		sel_copy(s, &m.init, p->np);
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
		sel_copy(&prev, &m.init, p->np);
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
				mes_run_exact(&m, b0, &chk, NULL, ovf);
				if (chk.n != cur.n ||
				    memcmp(chk.v, cur.v, cur.n * sizeof *cur.v) != 0)
					abort();
#endif
			} else {
				mes_run_exact(&m, b0, &cur, NULL, ovf);
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
			sel_copy(&prev, &cur, p->np);
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
			sel_copy(s, &m.init, p->np);
			rc = 0;
			goto out;
		}
		sel_copy(&chk, cur.spent > p->pb->budget ? &prev : &cur, p->np);
	}
	*t_final = (uint64_t)b0;
	mes_run_exact(&m, b0, &cur, rec, ovf);
	if (*ovf) {
		rc = 0;
		goto out;
	}
	if (add1 && (chk.n != cur.n || memcmp(chk.v, cur.v, cur.n * sizeof *cur.v) != 0)) {
		/* cannot happen: the bounds decide only what they prove */
		bl_err_set(err, "MES: the fast and the exact run disagree; no result rather than a "
				"possibly wrong one.");
		goto out;
	}
	sel_copy(s, &cur, p->np);
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
	sel_free(&m.init);
	sel_free(&prev);
	sel_free(&cur);
	sel_free(&chk);
	return rc;
}

/* ---- names and the entry points ---- */

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
	[BL_RULE_GREEDY_COST_NOSKIP] = "greedy_cost_noskip",
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

static const char *const tie_names[BL_TIE_COUNT] = {
	[BL_TIE_ID] = "id",
	[BL_TIE_ID_NUMBER] = "id-number",
	[BL_TIE_CHEAPER] = "cheaper",
	[BL_TIE_MORE_VOTES] = "votes",
};

int bl_tie_from_name(const char *name, bl_tie *out)
{
	if (!name)
		return -1;
	for (int t = 0; t < BL_TIE_COUNT; t++)
		if (strcmp(name, tie_names[t]) == 0) {
			*out = (bl_tie)t;
			return 0;
		}
	return -1;
}

const char *bl_tie_name(bl_tie tie)
{
	if ((int)tie < 0 || tie >= BL_TIE_COUNT)
		return NULL;
	return tie_names[tie];
}

void bl_rule_result_free(bl_rule_result *res)
{
	if (!res)
		return;
	free(res->selected);
	free(res->score);
	free(res->by_mes);
	free(res->n_payers);
	free(res->share_max);
	free(res->share_min);
	memset(res, 0, sizeof *res);
	res->voter_budget_final = -1;
}

static const char *vote_type_word(bl_vote_type t)
{
	switch (t) {
	case BL_VOTE_APPROVAL:
		return "approval";
	case BL_VOTE_CHOOSE1:
		return "choose-1";
	case BL_VOTE_ORDINAL:
		return "ordinal";
	case BL_VOTE_CUMULATIVE:
		return "cumulative";
	case BL_VOTE_SCORING:
		return "scoring";
	}
	return "unknown";
}

/* Fill res from the selection s (MES picks: the first n_mes of s, their
 * payments in rec). */
static int fill_result(const prep *p, const sel *s, size_t n_mes, const mes_rec *rec,
		       bl_rule_result *res)
{
	size_t n = s->n, np = p->np;
	res->n_selected = n;
	res->spent = s->spent;
	res->n_projects = np;
	if (np > 0) {
		res->score = malloc(np * sizeof *res->score);
		if (!res->score)
			return -1;
		memcpy(res->score, p->score, np * sizeof *res->score);
	}
	if (n == 0)
		return 0;
	res->selected = malloc(n * sizeof *res->selected);
	res->by_mes = calloc(n, sizeof *res->by_mes);
	res->n_payers = calloc(n, sizeof *res->n_payers);
	res->share_max = calloc(n, sizeof *res->share_max);
	res->share_min = calloc(n, sizeof *res->share_min);
	if (!res->selected || !res->by_mes || !res->n_payers || !res->share_max || !res->share_min)
		return -1;
	memcpy(res->selected, s->v, n * sizeof *res->selected);
	for (size_t k = 0; k < n_mes && k < n; k++) {
		size_t j = s->v[k];
		res->by_mes[k] = true;
		if (rec && cost_of(p, j) > 0) {
			res->n_payers[k] = rec->n_payers[j];
			res->share_max[k] = rec->smax[j];
			res->share_min[k] = rec->smin[j];
		}
	}
	return 0;
}

int bl_rule_run_opts(const bl_pb *pb, bl_rule rule, const bl_rule_opts *opts,
		     bl_rule_result *res, bl_err *err)
{
	memset(res, 0, sizeof *res);
	res->voter_budget_final = -1;
	if ((int)rule < 0 || rule >= BL_RULE_COUNT)
		return bl_err_set(err, "Unknown winner rule %d.", (int)rule);
	bl_tie tie = opts ? opts->tie : BL_TIE_ID;
	if ((int)tie < 0 || tie >= BL_TIE_COUNT)
		return bl_err_set(err, "Unknown tie-break %d.", (int)tie);
	bool points_ok = rule == BL_RULE_GREEDY_COST || rule == BL_RULE_GREEDY_COST_NOSKIP;
	if (!is_approval(pb->vote_type) && !points_ok)
		return bl_err_set(err, "%s counts approval ballots; this election has %s ballots: "
				       "use greedy_cost or greedy_cost_noskip.",
				  rule_names[rule], vote_type_word(pb->vote_type));
	prep p;
	if (prep_init(&p, pb, tie, err) != 0)
		return -1;
	sel s;
	mes_rec rec = {NULL, NULL, NULL};
	if (sel_init(&s, p.np) != 0) {
		prep_free(&p);
		return bl_err_set(err, "Out of memory.");
	}
	bool ovf = false;
	int rc = 0;
	size_t n_mes = 0;
	switch (rule) {
	case BL_RULE_GREEDY_COST:
		rc = greedy(&p, true, false, &s);
		break;
	case BL_RULE_GREEDY_COST_NOSKIP:
		rc = greedy(&p, true, true, &s);
		break;
	case BL_RULE_GREEDY_CARD:
		rc = greedy(&p, false, false, &s);
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
		size_t np1 = p.np ? p.np : 1;
		rec.n_payers = calloc(np1, sizeof *rec.n_payers);
		rec.smax = calloc(np1, sizeof *rec.smax);
		rec.smin = calloc(np1, sizeof *rec.smin);
		bl_err tmp;
		uint64_t t_final = 0;
		if (!rec.n_payers || !rec.smax || !rec.smin) {
			rc = -1;
			break;
		}
		if (run_mes(&p, cost_sat, add1, &s, &rec, &t_final, &ovf, &tmp) != 0) {
			bl_err_set(err, "%s", tmp.msg);
			rc = -2;
			break;
		}
		n_mes = s.n;
		/* t_final is each voter's budget scaled by n */
		if (p.n_ballots > 0)
			res->voter_budget_final = (int64_t)(t_final / (uint64_t)p.n_ballots);
		else
			res->voter_budget_final = pb->budget;
		if (!ovf && compl)
			rc = greedy(&p, true, false, &s);
		break;
	}
	}
	if (rc == 0 && !ovf && fill_result(&p, &s, n_mes, &rec, res) != 0)
		rc = -1;
	if (rc != 0 || ovf) {
		if (ovf)
			bl_err_set(err, "Rule %s: an exact number does not fit in 4096 bits; no "
					"result rather than a possibly wrong one.",
				   rule_names[rule]);
		else if (rc == -1)
			bl_err_set(err, "Out of memory.");
		bl_rule_result_free(res);
		rc = -1;
	}
	free(rec.n_payers);
	free(rec.smax);
	free(rec.smin);
	sel_free(&s);
	prep_free(&p);
	return rc;
}

int bl_rule_run(const bl_pb *pb, bl_rule rule, size_t **selected, size_t *n, bl_err *err)
{
	*selected = NULL;
	*n = 0;
	bl_rule_result res;
	if (bl_rule_run_opts(pb, rule, NULL, &res, err) != 0)
		return -1;
	*selected = res.selected;
	*n = res.n_selected;
	res.selected = NULL;
	bl_rule_result_free(&res);
	return 0;
}
