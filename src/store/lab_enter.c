/* lab_enter.c: entering ballots and signing participants in, checked
 * against the process definition (core/lab.h) before they are stored.
 * The screens and the subcommands both come here, so that a ballot is
 * checked the same way whichever way it arrives. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/lab_store.h"
#include "store/store_internal.h"

bl_vote_type bl_ballot_kind_vote_type(bl_ballot_kind k)
{
	switch (k) {
	case BL_BALLOT_CUMULATIVE:
		return BL_VOTE_CUMULATIVE;
	case BL_BALLOT_RANKING:
		return BL_VOTE_ORDINAL;
	case BL_BALLOT_APPROVAL:
	default:
		return BL_VOTE_APPROVAL;
	}
}

/* Parse and check text for lab; on success a ballot with its marks
 * (b->marks malloc'd) ready to store. */
static int ballot_build(bl_store *s, const bl_lab_def *def, int64_t lab_id, const char *text,
			bl_ballot *b, bl_err *err)
{
	memset(b, 0, sizeof *b);
	bl_lab lab;
	if (bl_store_lab_get(s, lab_id, &lab, err) != 0)
		return -1;
	int ret = -1;
	bl_idea *ideas = NULL;
	size_t ni = 0;
	bl_ballot_idea *bi = NULL;
	if (lab.status == BL_LAB_CLOSED) {
		bl_err_set(err, _("lab %" PRId64 " is closed; reopen it (`lab set --status voting`)"
				  " to enter ballots"), lab_id);
		goto out;
	}
	int t = lab.ballot_type && def ? bl_lab_ballot_type(def, lab.ballot_type) : -1;
	if (t < 0) {
		if (!lab.ballot_type)
			bl_err_set(err, _("lab %" PRId64 " has no ballot type; give it one with"
					  " `budgetlab lab set DB %" PRId64 " --ballot KEY`"), lab_id, lab_id);
		else
			bl_err_set(err, _("lab %" PRId64 "'s ballot type '%s' is not in the process"
					  " definition"), lab_id, lab.ballot_type);
		goto out;
	}
	const bl_ballot_type *bt = &def->ballot_types[t];
	if (bl_store_ideas(s, lab_id, &ideas, &ni, err) != 0)
		goto out;
	bi = calloc(ni ? ni : 1, sizeof *bi);
	if (!bi) {
		bl_err_set(err, _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < ni; i++) {
		bi[i].number = (int)ideas[i].number;
		bi[i].on_ballot = ideas[i].status == BL_IDEA_ON_BALLOT;
		bi[i].title = ideas[i].title;
		if (bl_idea_total(&ideas[i], &bi[i].cost, err) != 0)
			goto out;
	}
	bl_ballot_mark *m = NULL;
	size_t n = 0;
	if (bl_ballot_parse(bt, text, &m, &n, err) != 0)
		goto out;
	if (bl_ballot_check(bt, m, n, bi, ni, lab.pool, err) != 0) {
		free(m);
		goto out;
	}
	/* A ranking's marks carry the rank, as a .pb ordinal vote's order
	 * does. */
	if (bt->kind == BL_BALLOT_RANKING)
		for (size_t i = 0; i < n; i++)
			m[i].points = (int)i + 1;
	b->lab_id = lab_id;
	b->marks = m;
	b->n_marks = n;
	ret = 0;
out:
	free(bi);
	bl_ideas_free(ideas, ni);
	bl_lab_clear(&lab);
	return ret;
}

int bl_store_ballot_enter(bl_store *s, const bl_lab_def *def, int64_t lab_id,
			  const char *text, int64_t session_id, int64_t participant,
			  bl_ballot_method method, int64_t *id_out, bl_err *err)
{
	bl_ballot b;
	if (ballot_build(s, def, lab_id, text, &b, err) != 0)
		return -1;
	b.session_id = session_id;
	b.participant = participant;
	b.method = method;
	int rc = bl_store_ballot_add(s, &b, id_out, err);
	free(b.marks);
	return rc;
}

int bl_store_ballot_reenter(bl_store *s, const bl_lab_def *def, int64_t lab_id,
			    int64_t ballot_id, const char *text, const char *reason,
			    int64_t *id_out, bl_err *err)
{
	/* The corrected ballot keeps where it came from: its session,
	 * participant and how it was cast. */
	bl_ballot *all = NULL, b;
	size_t n = 0;
	if (bl_store_ballots(s, lab_id, false, &all, &n, err) != 0)
		return -1;
	const bl_ballot *old = NULL;
	for (size_t i = 0; i < n; i++)
		if (all[i].id == ballot_id)
			old = &all[i];
	if (!old) {
		bl_ballots_free(all, n);
		return bl_err_set(err, _("lab %" PRId64 " has no counted ballot %" PRId64
					 " (`budgetlab ballots DB LAB` lists them)"), lab_id, ballot_id);
	}
	int rc = -1;
	if (ballot_build(s, def, lab_id, text, &b, err) == 0) {
		b.session_id = old->session_id;
		b.participant = old->participant; /* free again once the old one is void */
		b.method = old->method;
		rc = bl_store_ballot_correct(s, ballot_id, &b, reason, id_out, err);
		free(b.marks);
	}
	bl_ballots_free(all, n);
	return rc;
}

static char *ascii_lower(const char *s)
{
	char *d = strdup(s ? s : "");
	for (char *c = d; c && *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return d;
}

static int signin_checked(bl_store *s, const bl_lab_def *def, const bl_participant *p,
			  int64_t *number_out, bl_err *err);

int bl_store_participant_signin(bl_store *s, const bl_lab_def *def, const bl_participant *p,
				int64_t *number_out, bl_err *err)
{
	/* The keys are lower case (the phase file's pattern): "Kvinde" at the
	 * desk is the key kvinde. */
	bl_participant q = *p;
	bl_participant_cat *c = calloc(p->n_cats ? p->n_cats : 1, sizeof *c);
	if (!c)
		return bl_err_set(err, _("out of memory"));
	bool oom = false;
	for (size_t i = 0; i < p->n_cats; i++) {
		c[i].category = ascii_lower(p->cats[i].category);
		c[i].value = ascii_lower(p->cats[i].value);
		oom |= !c[i].category || !c[i].value;
	}
	q.cats = c;
	int rc = oom ? bl_err_set(err, _("out of memory")) : signin_checked(s, def, &q, number_out, err);
	for (size_t i = 0; i < p->n_cats; i++) {
		free(c[i].category);
		free(c[i].value);
	}
	free(c);
	return rc;
}

static int signin_checked(bl_store *s, const bl_lab_def *def, const bl_participant *p,
			  int64_t *number_out, bl_err *err)
{
	for (size_t i = 0; i < p->n_cats; i++) {
		const bl_participant_cat *c = &p->cats[i];
		int k = def ? bl_lab_category(def, c->category) : -1;
		if (k < 0) {
			const char *keys[64] = { NULL };
			size_t nk = 0;
			for (size_t j = 0; def && j < def->n_categories && nk < 64; j++)
				keys[nk++] = def->categories[j].key;
			char list[512];
			bl_text_join(keys, nk, list, sizeof list);
			return bl_err_set(err, _("there is no category '%s'; the process defines: %s"),
					  c->category, *list ? list : _("none"));
		}
		const bl_category *cat = &def->categories[k];
		if (bl_lab_value(cat, c->value) < 0) {
			const char *keys[64] = { NULL };
			size_t nk = 0;
			for (size_t j = 0; j < cat->n_values && nk < 64; j++)
				keys[nk++] = cat->values[j].key;
			char list[512];
			bl_text_join(keys, nk, list, sizeof list);
			return bl_err_set(err, _("%s: '%s' is not one of its values; expected one of: %s"),
					  cat->key, c->value, list);
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->cats[j].category, c->category) == 0)
				return bl_err_set(err, _("category '%s' is given twice"), c->category);
	}
	for (size_t k = 0; def && k < def->n_categories; k++) {
		if (!def->categories[k].required)
			continue;
		bool given = false;
		for (size_t i = 0; i < p->n_cats; i++)
			given |= strcmp(p->cats[i].category, def->categories[k].key) == 0;
		if (!given)
			return bl_err_set(err, _("%s: required at sign-in"), def->categories[k].key);
	}
	return bl_store_participant_add(s, p, number_out, err);
}
