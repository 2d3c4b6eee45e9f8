/* rules_internal.h: what the files of the winner rules (rules.h) share,
 * and nothing else includes.
 *
 * The rules are split by concern: rules.c (the election prepared, greedy,
 * the names and the entry points), rules_bigint.c (big non-negative
 * integers, for exact common denominators), rules_phragmen.c (sequential
 * Phragmén), rules_mes.c (the Method of Equal Shares, exact) and
 * rules_mes_fast.c (MES decided on bounds, for the add1 rounds, and
 * rules_run_mes, which runs MES for the entry point).  Each file's head
 * explains its part.  What they share is named rules_*; the rest stays
 * static in its file, and so does every global that a qsort comparator
 * reads. */
#ifndef BL_RULES_INTERNAL_H
#define BL_RULES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rules.h"

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* ---- the election, prepared (rules.c) ---- */

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

static inline int64_t cost_of(const prep *p, size_t j) { return p->pb->projects[j].cost; }

/* The tie-break order of bl_tie: < 0 when a wins over b. */
int rules_tie_cmp(const prep *p, size_t a, size_t b);
/* j is never selected: withdrawn, or dearer than the whole budget. */
bool rules_never(const prep *p, size_t j);

/* A selection being built. */
typedef struct sel {
	size_t *v;
	size_t n, cap;
	bool *in;
	int64_t spent;
} sel;

int rules_sel_init(sel *s, size_t np);
void rules_sel_free(sel *s);
void rules_sel_add(sel *s, const prep *p, size_t j);
void rules_sel_copy(sel *dst, const sel *src, size_t np);

/* ---- greedy (rules.c) ---- */

/* v[0..n) sorted in greedy's order, as greedy sorts the projects. */
void rules_greedy_sort(const prep *p, size_t *v, size_t n);

/* ---- big non-negative integers (rules_bigint.c) ---- */

#define BN_LIMBS 64 /* 4096 bits */

typedef struct bn {
	uint32_t n; /* limbs in use; no leading zero limb */
	uint64_t l[BN_LIMBS];
} bn;

void rules_bn_set(bn *a, u128 v);
int rules_bn_cmp(const bn *a, const bn *b);
void rules_bn_sub(bn *a, const bn *b, bool *ovf);     /* a -= b, b <= a */
void rules_bn_mul(bn *a, uint64_t k, bool *ovf);      /* a *= k */
void rules_bn_addmul(bn *a, const bn *b, uint64_t k, bool *ovf); /* a += b * k */
void rules_bn_div_ceil(bn *q, const bn *a, uint64_t k); /* q = ceil(a / k), k > 0 */
uint64_t rules_bn_mod(const bn *a, uint64_t k);
uint64_t rules_gcd64(uint64_t a, uint64_t b);
/* compare x*kx with y*ky (kx, ky > 0) */
int rules_bn_cmp_scaled(const bn *x, uint64_t kx, const bn *y, uint64_t ky, bool *ovf);
/* floor(a * 2^s / d), d > 0, when it is below 2^127 (*ovf otherwise) */
u128 rules_bn_div_q(const bn *a, uint32_t s, const bn *d, bool *ovf);
/* num / den rounded half up to an integer */
int64_t rules_bn_round(const bn *num, const bn *den, bool *ovf);

/* ---- sequential Phragmén (rules_phragmen.c) ---- */

/* Phragmén on p, adding to s; -1 if out of memory. */
int rules_phragmen(const prep *p, sel *s, bool *ovf);

/* ---- Method of Equal Shares, exact (rules_mes.c) ---- */

/* The state of an exact run (see rules_mes.c); set up by rules_run_mes. */
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

/* One exact run of MES with each voter's budget b0 (scaled by n); the
 * payments in rec if not NULL. */
int rules_mes_run_exact(mes *m, u128 b0, sel *out, mes_rec *rec, bool *ovf);

/* ---- Method of Equal Shares, fast (rules_mes_fast.c) ---- */

/* MES (add1: with the budget raised one unit per round) on p, the result
 * in s (see rules_mes_fast.c). */
int rules_run_mes(const prep *p, bool cost_sat, bool add1, sel *s, mes_rec *rec,
		  uint64_t *t_final, bool *ovf, bl_err *err);

#endif
