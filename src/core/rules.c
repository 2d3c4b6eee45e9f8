/* rules.c: the winner rules, exact (see rules.h): the election prepared,
 * greedy, the names and the entry points.  Sequential Phragmén is in
 * rules_phragmen.c, the Method of Equal Shares in rules_mes.c (exact) and
 * rules_mes_fast.c (on bounds, for add1), their big integers in
 * rules_bigint.c; what the files share is in rules_internal.h.
 *
 * Identical ballots are merged into groups with a multiplicity (what
 * pabutools' multiprofile does); it changes nothing in the outcome.
 *
 * Numbers: exact integers.  Greedy compares approvals/cost by cross
 * multiplication in 128 bits; Phragmén and MES keep their rationals as
 * big-integer numerators over one common denominator (see bn in
 * rules_bigint.c).  Every operation checks for overflow and sets a flag;
 * a rule whose flag is set fails with a message rather than giving an
 * answer that may be wrong. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/rules.h"
#include "core/rules_internal.h"

/* ---- the election, prepared ----
 * (group, prep and sel are in rules_internal.h) */

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
		return bl_err_set(err, _("the budget is negative"));
	for (size_t j = 0; j < p->np; j++)
		if (pb->projects[j].cost < 0)
			return bl_err_set(err, _("project %s has a negative cost"),
					  pb->projects[j].id ? pb->projects[j].id : "?");
	size_t total = 0;
	for (size_t i = 0; i < pb->n_votes; i++) {
		for (size_t k = 0; k < pb->votes[i].n; k++)
			if (pb->votes[i].proj[k] >= p->np)
				return bl_err_set(err, _("vote %zu names a project that does not exist"),
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
		return bl_err_set(err, _("out of memory"));
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
		return bl_err_set(err, _("out of memory"));
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
					return bl_err_set(err, _("the points of project %s do not fit in "
							       "64 bits"),
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
int rules_tie_cmp(const prep *p, size_t a, size_t b)
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

bool rules_never(const prep *p, size_t j)
{
	return cost_of(p, j) == BL_PB_WITHDRAWN_COST || cost_of(p, j) > p->pb->budget;
}

int rules_sel_init(sel *s, size_t np)
{
	memset(s, 0, sizeof *s);
	s->cap = np ? np : 1;
	s->v = malloc(s->cap * sizeof *s->v);
	s->in = calloc(s->cap, sizeof *s->in);
	return s->v && s->in ? 0 : -1;
}

void rules_sel_free(sel *s)
{
	free(s->v);
	free(s->in);
	memset(s, 0, sizeof *s);
}

void rules_sel_add(sel *s, const prep *p, size_t j)
{
	s->v[s->n++] = j;
	s->in[j] = true;
	s->spent += cost_of(p, j);
}

void rules_sel_copy(sel *dst, const sel *src, size_t np)
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
	return rules_tie_cmp(greedy_prep, x, y);
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
		if (rules_never(p, j))
			continue;
		if (cost_of(p, j) <= left) {
			rules_sel_add(s, p, j);
			left -= cost_of(p, j);
		} else if (noskip) {
			break;
		}
	}
	free(order);
	return 0;
}

/* v[0..n) sorted as greedy sorts (cmp_greedy, greedy_cost_sat as the
 * last greedy left it), for MES's zero-cost supported projects: their
 * order is then the tie order.  Here so that greedy_prep stays in this
 * file. */
void rules_greedy_sort(const prep *p, size_t *v, size_t n)
{
	greedy_prep = p;
	qsort(v, n, sizeof *v, cmp_greedy);
	greedy_prep = NULL;
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
		return bl_err_set(err, _("unknown winner rule %d"), (int)rule);
	bl_tie tie = opts ? opts->tie : BL_TIE_ID;
	if ((int)tie < 0 || tie >= BL_TIE_COUNT)
		return bl_err_set(err, _("unknown tie-break %d"), (int)tie);
	bool points_ok = rule == BL_RULE_GREEDY_COST || rule == BL_RULE_GREEDY_COST_NOSKIP;
	if (!is_approval(pb->vote_type) && !points_ok)
		return bl_err_set(err, _("%s counts approval ballots; this election has %s ballots: "
				       "use greedy_cost or greedy_cost_noskip"),
				  rule_names[rule], vote_type_word(pb->vote_type));
	prep p;
	if (prep_init(&p, pb, tie, err) != 0)
		return -1;
	sel s;
	mes_rec rec = {NULL, NULL, NULL};
	if (rules_sel_init(&s, p.np) != 0) {
		prep_free(&p);
		return bl_err_set(err, _("out of memory"));
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
		rc = rules_phragmen(&p, &s, &ovf);
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
		if (rules_run_mes(&p, cost_sat, add1, &s, &rec, &t_final, &ovf, &tmp) != 0) {
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
			bl_err_set(err, _("rule %s: an exact number does not fit in 4096 bits; no "
					"result rather than a possibly wrong one"),
				   rule_names[rule]);
		else if (rc == -1)
			bl_err_set(err, _("out of memory"));
		bl_rule_result_free(res);
		rc = -1;
	}
	free(rec.n_payers);
	free(rec.smax);
	free(rec.smin);
	rules_sel_free(&s);
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
