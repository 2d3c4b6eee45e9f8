/* rules_bigint.c: big non-negative integers, for exact common
 * denominators (bn, in rules_internal.h), for the winner rules.
 *
 * Phragmén's loads and MES's budgets are kept as numerators over one
 * common denominator D (a product of small integers, grown as projects
 * are selected), so that only addition, subtraction, multiplication by a
 * 64-bit integer and comparison are needed: no division, no gcd.  A
 * number that would need more than BN_LIMBS limbs sets the overflow
 * flag. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>

#include "core/rules_internal.h"

void rules_bn_set(bn *a, u128 v)
{
	a->n = 0;
	while (v) {
		a->l[a->n++] = (uint64_t)v;
		v >>= 64;
	}
}

int rules_bn_cmp(const bn *a, const bn *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (uint32_t i = a->n; i-- > 0;)
		if (a->l[i] != b->l[i])
			return a->l[i] < b->l[i] ? -1 : 1;
	return 0;
}

/* a -= b, b <= a */
void rules_bn_sub(bn *a, const bn *b, bool *ovf)
{
	if (rules_bn_cmp(a, b) < 0) {
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

void rules_bn_mul(bn *a, uint64_t k, bool *ovf)
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
void rules_bn_addmul(bn *a, const bn *b, uint64_t k, bool *ovf)
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
void rules_bn_div_ceil(bn *q, const bn *a, uint64_t k)
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

uint64_t rules_bn_mod(const bn *a, uint64_t k)
{
	u128 rem = 0;
	for (uint32_t i = a->n; i-- > 0;)
		rem = ((rem << 64) | a->l[i]) % k;
	return (uint64_t)rem;
}

uint64_t rules_gcd64(uint64_t a, uint64_t b)
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
int rules_bn_cmp_scaled(const bn *x, uint64_t kx, const bn *y, uint64_t ky, bool *ovf)
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
static void bn_add(bn *a, const bn *b, bool *ovf) { rules_bn_addmul(a, b, 1, ovf); }

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
u128 rules_bn_div_q(const bn *a, uint32_t s, const bn *d, bool *ovf)
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
		if (rules_bn_cmp(&r, &dd) >= 0) {
			rules_bn_sub(&r, &dd, ovf);
			q |= (u128)1 << i;
		}
		bn_shr1(&dd);
	}
	return q;
}

/* num / den rounded half up to an integer: floor((2 num + den) / (2 den)) */
int64_t rules_bn_round(const bn *num, const bn *den, bool *ovf)
{
	bn a = *num, d = *den;
	rules_bn_mul(&a, 2, ovf);
	bn_add(&a, den, ovf);
	rules_bn_mul(&d, 2, ovf);
	u128 q = rules_bn_div_q(&a, 0, &d, ovf);
	if (q > (u128)INT64_MAX) {
		*ovf = true;
		return 0;
	}
	return (int64_t)q;
}
