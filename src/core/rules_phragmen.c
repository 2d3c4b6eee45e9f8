/* rules_phragmen.c: sequential Phragmén (see rules.h), exact.
 *
 * Loads are val[v] / D; a project's new maximal load is
 * (sum of its supporters' loads + cost) / score = S / (D * score). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/rules_internal.h"

int rules_phragmen(const prep *p, sel *s, bool *ovf)
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
	rules_bn_set(&val[0], 0);
	rules_bn_set(D, 1);
	for (size_t j = 0; j < np; j++) {
		cand[j] = !s->in[j] && !rules_never(p, j);
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
			rules_bn_set(&S[j], 0);
			rules_bn_addmul(&S[j], D, (uint64_t)cost_of(p, j), ovf);
			for (size_t v = 1; v < nvals; v++) {
				int64_t c = cnt[j * maxvals + v];
				if (c != 0)
					rules_bn_addmul(&S[j], &val[v], (uint64_t)c, ovf);
			}
			if (best == SIZE_MAX ||
			    rules_bn_cmp_scaled(&S[j], (uint64_t)p->score[best], &S[best],
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
				       rules_bn_cmp_scaled(&S[j], (uint64_t)p->score[best],
							   &S[best], (uint64_t)p->score[j],
							   ovf) == 0;
			if (!tied)
				continue;
			if (s->spent + cost_of(p, j) > p->pb->budget)
				stop = true;
			if (pick == SIZE_MAX || rules_tie_cmp(p, j, pick) < 0)
				pick = j;
		}
		if (stop)
			break;
		cand[pick] = false;
		rules_sel_add(s, p, pick);
		if (best != SIZE_MAX) {
			uint64_t k = (uint64_t)p->score[pick];
			rules_bn_mul(D, k, ovf);
			for (size_t v = 1; v < nvals; v++)
				rules_bn_mul(&val[v], k, ovf);
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
