/* demo_lab.c: the demo's citizen lab (`budgetlab demo PATH --lab`): a lab
 * on green spaces in Egekær with two sessions, ten ideas, 24 participants
 * signed in with their categories and 22 paper ballots, one of them
 * corrected.  The ballots are made so that the rules disagree: the large
 * group from Midtbyen agrees on three ideas, smaller groups from Nord and
 * Syd on others, so greedy spends the pool on Midtbyen's and Equal Shares
 * gives each group its share. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/demo.h"
#include "core/i18n.h"
#include "store/lab_store.h"

static const struct {
	const char *title, *feasibility;
	long kr[2]; /* budget year, the next */
	bl_idea_status status;
} ideas[] = {
	{ "Ny legeplads i Byparken", "Kan anlægges i 2028; vedligehold i driften.", { 650000, 0 },
	  BL_IDEA_ON_BALLOT },
	{ "Træer og bede langs Storegade", NULL, { 480000, 0 }, BL_IDEA_ON_BALLOT },
	{ "Bænke og borde ved åen", NULL, { 120000, 0 }, BL_IDEA_ON_BALLOT },
	{ "Skaterbane ved Nordskolen", "Kræver byggetilladelse; realistisk i 2028.", { 900000, 0 },
	  BL_IDEA_ON_BALLOT },
	{ "Lys på stien til stationen", NULL, { 300000, 0 }, BL_IDEA_ON_BALLOT },
	{ "Udendørs fitness i Sydparken", "Kræver en aftale med grundejeren.", { 200000, 50000 },
	  BL_IDEA_ON_BALLOT },
	{ "Regnbed og vandleg på Torvet", NULL, { 550000, 0 }, BL_IDEA_ON_BALLOT },
	{ "Cykelparkering ved biblioteket", NULL, { 150000, 0 }, BL_IDEA_ON_BALLOT },
	{ "Overdækket scene i Byparken", "For dyr til puljen; sendes videre til anlægsbudgettet.",
	  { 1400000, 0 }, BL_IDEA_WITHDRAWN },
	{ "Hundeskov i landdistriktet", NULL, { 200000, 0 }, BL_IDEA_PROPOSED },
};

/* Participants: alder, koen, bydel (uddannelse for some). */
static const char *const people[][4] = {
	{ "30-49", "kvinde", "midtbyen", "videregaaende" }, { "50-64", "mand", "midtbyen", NULL },
	{ "30-49", "mand", "midtbyen", "erhvervsfaglig" }, { "65plus", "kvinde", "midtbyen", NULL },
	{ "30-49", "kvinde", "midtbyen", "videregaaende" }, { "50-64", "kvinde", "midtbyen", NULL },
	{ "65plus", "mand", "midtbyen", "grundskole" }, { "30-49", "kvinde", "midtbyen", NULL },
	{ "50-64", "mand", "midtbyen", "videregaaende" }, { "65plus", "kvinde", "midtbyen", NULL },
	{ "15-29", "mand", "nord", "gymnasial" }, { "15-29", "kvinde", "nord", NULL },
	{ "30-49", "mand", "nord", "erhvervsfaglig" }, { "15-29", "mand", "nord", NULL },
	{ "30-49", "kvinde", "nord", NULL }, { "15-29", "kvinde", "nord", "gymnasial" },
	{ "50-64", "kvinde", "syd", "erhvervsfaglig" }, { "30-49", "mand", "syd", NULL },
	{ "65plus", "kvinde", "syd", NULL }, { "50-64", "mand", "syd", "grundskole" },
	{ "65plus", "mand", "landdistrikter", NULL }, { "50-64", "kvinde", "landdistrikter", NULL },
	{ "30-49", "mand", "midtbyen", NULL }, { "65plus", "kvinde", "midtbyen", NULL },
};

/* One ballot per participant, by number; the last two did not vote. */
static const char *const ballots[] = {
	"1 2 7", "1 2 7", "1 2 7 3", "1 2 7", "1 7 2", "2 1 7", "1 2 7", "1 2 7 5", "1 2 7", "7 1 2",
	"4 5 8", "4 5", "4 8 5", "4 5 8", "5 4 8", "4 8",
	"6 3", "6 3 5", "3 6", "6 3",
	"3 5", "5 3",
};

int bl_demo_add_lab(const char *path, bl_err *err)
{
	bl_app app;
	if (bl_app_open(&app, path, false) != 0)
		return bl_err_set(err, _("cannot open '%s' to add the demo lab"), path);
	bl_store *s = app.store;
	bl_store_set_actor(s, "demo");
	const bl_lab_def *def = &app.def->lab;
	int rc = -1;
	if (bl_lab_ballot_type(def, "godkendelse") < 0) {
		bl_err_set(err, _("the demo's phase file has no ballot type 'godkendelse'"));
		goto out;
	}
	if (bl_store_begin(s, err) != 0)
		goto out;
	bl_lab lab = { .theme = "Grønne byrum i Egekær", .pool = 200000000,
		       .vote_type = BL_VOTE_APPROVAL, .ballot_type = "godkendelse",
		       .status = BL_LAB_VOTING };
	int64_t id, sess[2];
	bl_session s1 = { .date = "2027-03-04", .place = "Egekær Bibliotek, Store Sal",
			  .facilitator = "Mette Holm" };
	bl_session s2 = { .date = "2027-03-11", .place = "Nordskolen, aulaen",
			  .facilitator = "Jonas Dahl" };
	if (bl_store_lab_add(s, &lab, &id, err) != 0)
		goto fail;
	s1.lab_id = s2.lab_id = id;
	if (bl_store_session_add(s, &s1, &sess[0], err) != 0 ||
	    bl_store_session_add(s, &s2, &sess[1], err) != 0)
		goto fail;
	for (size_t i = 0; i < sizeof ideas / sizeof ideas[0]; i++) {
		bl_idea d = { .lab_id = id, .title = (char *)ideas[i].title,
			      .feasibility = (char *)ideas[i].feasibility, .status = ideas[i].status };
		for (int y = 0; y < 2; y++)
			if (ideas[i].kr[y]) {
				d.cost[y] = (bl_money)ideas[i].kr[y] * 100;
				d.has_cost[y] = true;
			}
		if (bl_store_idea_add(s, &d, NULL, err) != 0)
			goto fail;
	}
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		static const char *const keys[] = { "alder", "koen", "bydel", "uddannelse" };
		bl_participant_cat c[4];
		size_t n = 0;
		for (int k = 0; k < 4; k++)
			if (people[i][k]) {
				c[n].category = (char *)keys[k];
				c[n].value = (char *)people[i][k];
				n++;
			}
		/* Nord's young came to the second session, at their school. */
		bl_participant p = { .lab_id = id, .session_id = strcmp(people[i][2], "nord") == 0
								  ? sess[1] : sess[0],
				     .cats = c, .n_cats = n };
		if (bl_store_participant_signin(s, def, &p, NULL, err) != 0)
			goto fail;
	}
	int64_t bid = 0;
	for (size_t i = 0; i < sizeof ballots / sizeof ballots[0]; i++) {
		int64_t session = strcmp(people[i][2], "nord") == 0 ? sess[1] : sess[0];
		if (bl_store_ballot_enter(s, def, id, ballots[i], session, (int64_t)i + 1,
					  BL_CAST_PAPER, &bid, err) != 0)
			goto fail;
		/* Ballot 12 was first read wrongly, then corrected. */
		if (i == 11 && bl_store_ballot_reenter(s, def, id, bid, "4 5 8",
						       "8 læst som 3 ved optællingen", &bid, err) != 0)
			goto fail;
	}
	if (bl_store_commit(s, err) != 0)
		goto out;
	rc = 0;
	goto out;
fail:
	bl_store_rollback(s);
out:
	bl_app_close(&app);
	return rc;
}
