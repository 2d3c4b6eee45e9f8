/* test_lab_store.c: labs in the store (lab_store.h): labs, sessions,
 * participants and their categories, ideas and costs, ballots entered,
 * checked, voided, corrected and undone, the triggers that keep a
 * counted ballot unchanged, the journal, a lab as an election, and a
 * Pabulib file imported as a lab and exported back unchanged. */
#include "config.h"

#include "core/pabulib.h"
#include "store/lab_store.h"
#include "store_util.h"

/* A lab section by hand: two categories, three ballot types. */
static bl_category_value age_values[] = {
	{ "15-29", "15–29", 2500 }, { "30-64", "30–64", 5500 }, { "65+", "65+", 2000 },
};
static bl_category_value gender_values[] = {
	{ "f", "kvinde", 5000 }, { "m", "mand", 5000 }, { "x", "andet", BL_NO_TARGET },
};
static bl_category cats[] = {
	{ "age", "Alder", age_values, 3, true },
	{ "gender", "Køn", gender_values, 3, false },
};
static bl_ballot_type types[] = {
	{ .key = "approval", .name = "Godkendelse", .kind = BL_BALLOT_APPROVAL, .min = 1, .max = 3,
	  .budget_limit = true },
	{ .key = "dots", .name = "Prikker", .kind = BL_BALLOT_CUMULATIVE, .min = 1, .points = 5,
	  .max_per_idea = 3 },
	{ .key = "rank", .name = "Rangering", .kind = BL_BALLOT_RANKING, .min = 1, .max = 3 },
};
static const bl_lab_def labdef = { cats, 2, types, 3, 8000, NULL, NULL };

static int64_t add_lab(bl_store *s, const char *type, bl_vote_type vt, bl_money pool)
{
	bl_lab l = { .theme = "Grønne byrum i Vesterbro", .pool = pool, .vote_type = vt,
		     .ballot_type = (char *)type };
	int64_t id = 0;
	bl_err e = { { 0 } };
	if (bl_store_lab_add(s, &l, &id, &e) != 0)
		diag("lab add: %s", e.msg);
	return id;
}

static int64_t add_idea(bl_store *s, int64_t lab, const char *title, bl_money cost,
			bl_idea_status st)
{
	bl_idea i = { .lab_id = lab, .title = (char *)title, .status = st };
	i.cost[0] = cost;
	i.has_cost[0] = true;
	int64_t n = 0;
	bl_err e = { { 0 } };
	if (bl_store_idea_add(s, &i, &n, &e) != 0)
		diag("idea add: %s", e.msg);
	return n;
}

static void test_labs_sessions(bl_store *s, const char *path)
{
	bl_err e = { { 0 } };
	int64_t id = add_lab(s, "approval", BL_VOTE_APPROVAL, 100000000);
	is_int(id, 1, "the first lab is number 1");
	is_int(add_lab(s, "dots", BL_VOTE_CUMULATIVE, 5000000), 2, "the second 2");
	bl_lab l;
	ok(bl_store_lab_get(s, 1, &l, &e) == 0, "lab 1 read back");
	is_str(l.theme, "Grønne byrum i Vesterbro", "with its theme");
	is_int(l.pool, 100000000, "and its pool in øre");
	is_str(l.ballot_type, "approval", "and its ballot type");
	is_int(l.status, BL_LAB_OPEN, "open");
	l.status = BL_LAB_VOTING;
	free(l.theme);
	l.theme = strdup("Grønne byrum");
	ok(bl_store_lab_update(s, &l, &e) == 0, "changed");
	bl_lab_clear(&l);
	ok(bl_store_lab_get(s, 1, &l, &e) == 0 && l.status == BL_LAB_VOTING &&
	   strcmp(l.theme, "Grønne byrum") == 0, "and read back changed");
	bl_lab_clear(&l);
	ok(bl_store_lab_get(s, 9, &l, &e) != 0, "lab 9 does not exist");
	like(e.msg, "no lab 9", "and says so: %s", e.msg);

	bl_lab bad = { .theme = " ", .pool = 1 };
	ok(bl_store_lab_add(s, &bad, NULL, &e) != 0, "a blank theme is refused");
	like(e.msg, "theme", "naming the field");
	bad.theme = "x";
	bad.pool = -1;
	ok(bl_store_lab_add(s, &bad, NULL, &e) != 0, "a negative pool is refused");
	bad.pool = 0;
	bad.theme = "bad \xff byte";
	ok(bl_store_lab_add(s, &bad, NULL, &e) != 0, "a theme that is not UTF-8 is refused");
	like(e.msg, "UTF-8", "as not UTF-8");
	bad.theme = "two\nlines";
	ok(bl_store_lab_add(s, &bad, NULL, &e) != 0, "a theme with a newline is refused");
	char msg[256];
	ok(tu_exec(path, "DELETE FROM lab WHERE id = 2", msg, sizeof msg) != SQLITE_OK,
	   "a lab cannot be deleted behind the store's back");
	like(msg, "cannot be deleted", "%s", msg);

	bl_session v = { .lab_id = 1, .date = "2027-03-12", .place = "Biblioteket",
			 .facilitator = "Mette" };
	int64_t sid;
	ok(bl_store_session_add(s, &v, &sid, &e) == 0 && sid == 1, "a session added");
	snprintf(v.date, sizeof v.date, "2027-02-30");
	ok(bl_store_session_add(s, &v, &sid, &e) != 0, "30 February is refused");
	like(e.msg, "date", "as a date: %s", e.msg);
	snprintf(v.date, sizeof v.date, "2027-03-05");
	v.place = "";
	ok(bl_store_session_add(s, &v, &sid, &e) != 0, "an empty place is refused");
	v.place = "Skolen";
	v.lab_id = 7;
	ok(bl_store_session_add(s, &v, &sid, &e) != 0, "a session of a lab that is not there");
	v.lab_id = 1;
	ok(bl_store_session_add(s, &v, &sid, &e) == 0 && sid == 2, "a second session");
	bl_session *ss;
	size_t n;
	ok(bl_store_sessions(s, 1, &ss, &n, &e) == 0 && n == 2, "two sessions listed");
	ok(n == 2 && strcmp(ss[0].date, "2027-03-05") == 0, "by date");
	bl_sessions_free(ss, n);
}

static void test_participants(bl_store *s, const char *path)
{
	bl_err e = { { 0 } };
	bl_participant_cat c1[] = { { "age", "15-29" }, { "gender", "f" } };
	bl_participant p = { .lab_id = 1, .session_id = 1, .name = "Anna Jensen", .cats = c1,
			     .n_cats = 2 };
	int64_t num;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) == 0 && num == 1,
	   "participant 1 signed in");
	bl_participant_cat c2[] = { { "age", "30-64" } };
	p = (bl_participant){ .lab_id = 1, .cats = c2, .n_cats = 1 };
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) == 0 && num == 2,
	   "participant 2, without a name or a gender");
	bl_participant_cat c3[] = { { "gender", "m" } };
	p.cats = c3;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "age is required");
	like(e.msg, "age: required", "and says so: %s", e.msg);
	bl_participant_cat c4[] = { { "age", "100" } };
	p.cats = c4;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "an unknown value");
	like(e.msg, "15-29, 30-64, 65+", "lists the values: %s", e.msg);
	bl_participant_cat c5[] = { { "age", "65+" }, { "income", "high" } };
	p.cats = c5;
	p.n_cats = 2;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "an unknown category");
	like(e.msg, "age, gender", "lists the categories: %s", e.msg);
	bl_participant_cat c6[] = { { "age", "65+" }, { "age", "15-29" } };
	p.cats = c6;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "a category twice");
	p = (bl_participant){ .lab_id = 1, .number = 2, .cats = c2, .n_cats = 1 };
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "number 2 is taken");
	like(e.msg, "already has a participant 2", "%s", e.msg);
	p.number = 40;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) == 0 && num == 40,
	   "a number given is kept");
	p.number = 0;
	p.session_id = 9;
	ok(bl_store_participant_signin(s, &labdef, &p, &num, &e) != 0, "an unknown session");

	bl_participant *v;
	size_t n;
	ok(bl_store_participants(s, 1, false, &v, &n, &e) == 0 && n == 3, "three participants");
	ok(n == 3 && v[0].name == NULL, "names are not read unless asked for");
	ok(n == 3 && v[0].n_cats == 2, "the first with two categories");
	bl_participants_free(v, n);
	ok(bl_store_participants(s, 1, true, &v, &n, &e) == 0 && n == 3 && v[0].name &&
	   strcmp(v[0].name, "Anna Jensen") == 0, "with names when asked");
	bl_participants_free(v, n);
	is_int(tu_int(path, "SELECT count(*) FROM journal WHERE after LIKE '%Anna%'"), 0,
	       "the name is never in the journal");

	size_t counts[3], total;
	ok(bl_store_participant_counts(s, 1, &cats[0], counts, &total, &e) == 0, "counts");
	ok(total == 3 && counts[0] == 1 && counts[1] == 2 && counts[2] == 0,
	   "per age group: 1, 2, 0 of 3");
	ok(bl_store_participant_delete(s, 1, 40, &e) == 0, "participant 40 removed");
	ok(bl_store_participant_delete(s, 1, 40, &e) != 0, "and not there any more");
}

static void test_ideas(bl_store *s)
{
	bl_err e = { { 0 } };
	/* Pool 1.000.000 kr. */
	is_int(add_idea(s, 1, "Ny legeplads", 40000000, BL_IDEA_ON_BALLOT), 1, "idea 1");
	is_int(add_idea(s, 1, "Træer på pladsen", 30000000, BL_IDEA_ON_BALLOT), 2, "idea 2");
	is_int(add_idea(s, 1, "Bænke", 5000000, BL_IDEA_ON_BALLOT), 3, "idea 3");
	is_int(add_idea(s, 1, "Skøjtebane", 90000000, BL_IDEA_ON_BALLOT), 4, "idea 4");
	is_int(add_idea(s, 1, "Forslag uden pris", 0, BL_IDEA_PROPOSED), 5, "idea 5, proposed");
	bl_idea i;
	ok(bl_store_idea_get(s, 1, 2, &i, &e) == 0, "idea 2 read back");
	is_str(i.title, "Træer på pladsen", "its title");
	i.cost[1] = 1000000;
	i.has_cost[1] = true;
	free(i.feasibility);
	i.feasibility = strdup("Kræver tilladelse fra Vejdirektoratet.");
	ok(bl_store_idea_update(s, &i, &e) == 0, "a second year's cost and a note");
	bl_idea_clear(&i);
	ok(bl_store_idea_get(s, 1, 2, &i, &e) == 0 && i.has_cost[1] && i.cost[1] == 1000000 &&
	   i.feasibility, "read back");
	bl_money t;
	ok(bl_idea_total(&i, &t, &e) == 0 && t == 31000000, "total 310.000 kr.");
	i.cost[0] = INT64_MAX;
	ok(bl_store_idea_update(s, &i, &e) != 0, "costs that overflow are refused");
	like(e.msg, "more than can be counted", "%s", e.msg);
	i.cost[0] = -5;
	ok(bl_store_idea_update(s, &i, &e) != 0, "a negative cost is refused");
	bl_idea_clear(&i);
	bl_idea d = { .lab_id = 1, .title = "" };
	ok(bl_store_idea_add(s, &d, NULL, &e) != 0, "an empty title is refused");
	d.title = "x";
	d.number = 3;
	ok(bl_store_idea_add(s, &d, NULL, &e) != 0, "number 3 is taken");
	like(e.msg, "already has an idea 3", "%s", e.msg);
	d.number = 0;
	d.area = "NOSUCH";
	ok(bl_store_idea_add(s, &d, NULL, &e) != 0, "an unknown area is refused");
	ok(bl_store_idea_get(s, 1, 77, &i, &e) != 0, "idea 77 is not there");
}

static void test_ballots(bl_store *s, const char *path)
{
	bl_err e = { { 0 } };
	int64_t id, j0 = tu_journal(s);
	ok(bl_store_ballot_enter(s, &labdef, 1, "1 3", 1, 1, BL_CAST_PAPER, &id, &e) == 0,
	   "a ballot for ideas 1 and 3");
	is_int(tu_journal(s), j0 + 1, "journalled once");
	ok(bl_store_ballot_enter(s, &labdef, 1, "2, 3", 1, 0, BL_CAST_LAPTOP, &id, &e) == 0,
	   "another, anonymous, from a laptop");
	ok(bl_store_ballot_enter(s, &labdef, 1, "1 1", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "a duplicate is caught");
	like(e.msg, "twice", "%s", e.msg);
	ok(bl_store_ballot_enter(s, &labdef, 1, "1 2 3 4", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "four ideas, at most three");
	ok(bl_store_ballot_enter(s, &labdef, 1, "1 4", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "1.300.000 kr. over a pool of 1.000.000 kr.");
	ok(bl_store_ballot_enter(s, &labdef, 1, "5", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "idea 5 is not on the ballot");
	ok(bl_store_ballot_enter(s, &labdef, 1, "", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "an empty ballot is below the minimum");
	ok(bl_store_ballot_enter(s, &labdef, 1, "2", 1, 1, BL_CAST_PAPER, &id, &e) != 0,
	   "participant 1 has voted already");
	like(e.msg, "already voted", "%s", e.msg);
	ok(bl_store_ballot_enter(s, &labdef, 1, "2", 1, 99, BL_CAST_PAPER, &id, &e) != 0,
	   "participant 99 is not signed in");
	ok(bl_store_ballot_enter(s, &labdef, 1, "2", 5, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "session 5 is not the lab's");
	ok(bl_store_ballot_enter(s, NULL, 1, "2", 1, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "without the definition there is no ballot type");
	is_int(tu_int(path, "SELECT count(*) FROM ballot"), 2, "only the two valid ballots stored");

	char msg[256];
	ok(tu_exec(path, "UPDATE ballot_mark SET points = 2", msg, sizeof msg) != SQLITE_OK,
	   "marks cannot be changed behind the store's back");
	like(msg, "never changed", "%s", msg);
	ok(tu_exec(path, "DELETE FROM ballot_mark", msg, sizeof msg) != SQLITE_OK,
	   "nor deleted");
	ok(tu_exec(path, "DELETE FROM ballot", msg, sizeof msg) != SQLITE_OK, "ballots neither");
	ok(tu_exec(path, "UPDATE ballot SET method = 'laptop' WHERE id = 1", msg, sizeof msg) !=
	   SQLITE_OK, "a ballot's fields cannot change");

	ok(bl_store_ballot_void(s, 1, 2, "", &e) != 0, "voiding needs a reason");
	ok(bl_store_ballot_void(s, 1, 2, "counted twice", &e) == 0, "ballot 2 voided");
	ok(bl_store_ballot_void(s, 1, 2, "again", &e) != 0, "only once");
	like(e.msg, "already void", "%s", e.msg);
	ok(tu_exec(path, "UPDATE ballot SET void_reason = NULL WHERE id = 2", msg, sizeof msg) !=
	   SQLITE_OK, "a void ballot cannot be revived");
	ok(bl_store_ballot_reenter(s, &labdef, 1, 1, "1 2", "misread idea 3", &id, &e) == 0,
	   "ballot 1 corrected: %s", e.msg);
	bl_ballot *v;
	size_t n;
	ok(bl_store_ballots(s, 1, false, &v, &n, &e) == 0 && n == 1, "one counted ballot");
	ok(n == 1 && v[0].replaces == 1 && v[0].participant == 1 && v[0].session_id == 1 &&
	   v[0].n_marks == 2 && v[0].marks[1].idea == 2, "the correction, with the participant");
	bl_ballots_free(v, n);
	ok(bl_store_ballots(s, 1, true, &v, &n, &e) == 0 && n == 3, "three with the void");
	ok(n == 3 && v[0].void_reason && strcmp(v[0].void_reason, "misread idea 3") == 0,
	   "the first void with the reason");
	bl_ballots_free(v, n);
	ok(bl_store_ballot_enter(s, &labdef, 1, "3", 2, 0, BL_CAST_PAPER, &id, &e) == 0,
	   "a ballot at session 2");
	int64_t undone, restored;
	ok(bl_store_ballot_undo_ex(s, 1, 1, &undone, &restored, &e) == 0 && undone == 3,
	   "undo at session 1 voids that session's last ballot, the correction");
	is_int(restored, 5, "and counts the corrected ballot again, as ballot 5");
	ok(bl_store_ballots(s, 1, false, &v, &n, &e) == 0 && n == 2, "two counted: 4 and 5, none lost");
	ok(n == 2 && v[1].id == 5 && v[1].participant == 1 && v[1].n_marks == 2 &&
	   v[1].marks[0].idea == 1 && v[1].marks[1].idea == 3 && v[1].replaces == 3,
	   "ballot 5 is ballot 1 as first entered, for participant 1");
	bl_ballots_free(v, n);
	ok(bl_store_ballot_undo_ex(s, 1, 2, &undone, &restored, &e) == 0 && undone == id &&
	   restored == 0, "undo at session 2: its ballot, nothing to restore");
	ok(bl_store_ballot_enter(s, &labdef, 1, "1 2", 1, 1, BL_CAST_PAPER, &id, &e) != 0,
	   "participant 1 has a counted ballot again");
	ok(bl_store_ballot_enter(s, &labdef, 1, "3 2", 1, 2, BL_CAST_PAPER, &id, &e) == 0,
	   "participant 2 votes");
	is_int(tu_int(path, "SELECT count(*) FROM journal WHERE entity = 'ballot' AND action = 'void'"),
	       4, "every void journalled");
	is_int(tu_int(path, "SELECT count(*) FROM journal WHERE entity = 'ballot' AND action = 'insert'"
			    " AND key = 'lab:1'"), 6, "every ballot journalled under lab:1");
	/* Ballot 5 (participant 1) is counted: the election below has it. */

	/* Cumulative: lab 2. */
	add_idea(s, 2, "A", 100000, BL_IDEA_ON_BALLOT);
	add_idea(s, 2, "B", 100000, BL_IDEA_ON_BALLOT);
	ok(bl_store_ballot_enter(s, &labdef, 2, "1:3 2:2", 0, 0, BL_CAST_PAPER, &id, &e) == 0,
	   "dots 1:3 2:2");
	ok(bl_store_ballot_enter(s, &labdef, 2, "1:4 2:1", 0, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "four dots on one idea, at most three");
	ok(bl_store_ballot_enter(s, &labdef, 2, "1:3 2:3", 0, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "six dots, each has five");
	bl_lab l;
	ok(bl_store_lab_get(s, 2, &l, &e) == 0, "lab 2");
	l.status = BL_LAB_CLOSED;
	ok(bl_store_lab_update(s, &l, &e) == 0, "closed");
	bl_lab_clear(&l);
	ok(bl_store_ballot_enter(s, &labdef, 2, "1", 0, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "a closed lab takes no ballots");
	like(e.msg, "closed", "%s", e.msg);
}

static void test_election(bl_store *s)
{
	bl_err e = { { 0 } };
	bl_pb pb;
	int64_t *nums;
	ok(bl_store_lab_election(s, 1, &pb, &nums, &e) == 0, "lab 1 as an election: %s", e.msg);
	is_int(pb.n_projects, 4, "the four ideas on the ballot");
	is_int(pb.n_votes, 2, "the two counted ballots");
	is_int(pb.budget, 100000000, "the pool as budget");
	ok(pb.n_projects == 4 && strcmp(pb.projects[1].id, "2") == 0 &&
	   pb.projects[1].cost == 31000000, "idea 2 with its cost over both years");
	ok(pb.n_votes == 2 && pb.votes[0].n == 2 && pb.votes[0].proj[0] == 0 &&
	   pb.votes[0].proj[1] == 2, "the first ballot: ideas 1 and 3 (ballot 5, counted again)");
	ok(nums && nums[3] == 4, "project 4 is idea 4");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ok(bl_pb_write(f, &pb, &e) == 0, "written as .pb");
	fclose(f);
	bl_pb back;
	ok(bl_pb_read("lab1.pb", buf, len, &back, &e) == 0, "and read back: %s", e.msg);
	ok(back.n_projects == 4 && back.n_votes == 2 && back.budget == pb.budget, "the same");
	/* Imported as a new lab, exported again: the same bytes. */
	int64_t lab;
	ok(bl_store_lab_import_pb(s, &back, NULL, "lab1.pb", &lab, &e) == 0 && lab == 3,
	   "imported as lab 3: %s", e.msg);
	bl_pb again;
	ok(bl_store_lab_election(s, lab, &again, NULL, &e) == 0, "lab 3 as an election");
	char *buf2 = NULL;
	size_t len2 = 0;
	f = open_memstream(&buf2, &len2);
	bl_pb_write(f, &again, &e);
	fclose(f);
	ok(len == len2 && memcmp(buf, buf2, len) == 0, "export, import, export: the same file");
	free(buf);
	free(buf2);
	bl_pb_free(&back);
	bl_pb_free(&again);
	bl_pb_free(&pb);
	free(nums);
}

static void test_pabulib_file(bl_store *s)
{
	bl_err e = { { 0 } };
	const char *path = SRCDIR "/tests/fixtures/pabulib/Switzerland_Zurich_S5.pb";
	bl_pb pb;
	ok(bl_pb_read_file(path, &pb, &e) == 0, "Zurich S5 read: %s", e.msg);
	int64_t lab;
	ok(bl_store_lab_import_pb(s, &pb, NULL, path, &lab, &e) == 0, "imported: %s", e.msg);
	bl_lab l;
	ok(bl_store_lab_get(s, lab, &l, &e) == 0 && l.n_ideas == 24 && l.n_ballots == 180,
	   "24 ideas, 180 ballots");
	like(l.theme, "Qualtrics Zurich", "the theme from the description");
	bl_lab_clear(&l);
	bl_idea i;
	ok(bl_store_idea_get(s, lab, 1, &i, &e) == 0, "idea 1");
	is_str(i.title, "Planting Workshops at Oerlikon", "named from the file");
	is_str(i.pb_id, "1", "its Pabulib id kept");
	bl_idea_clear(&i);
	bl_pb back;
	ok(bl_store_lab_election(s, lab, &back, NULL, &e) == 0, "as an election again");
	char *a = NULL, *b = NULL;
	size_t la = 0, lb = 0;
	FILE *f = open_memstream(&a, &la);
	bl_pb_write(f, &pb, &e);
	fclose(f);
	f = open_memstream(&b, &lb);
	bl_pb_write(f, &back, &e);
	fclose(f);
	ok(la == lb && memcmp(a, b, la) == 0, "the file written back is what was read");
	free(a);
	free(b);
	bl_pb_free(&back);
	bl_pb_free(&pb);
	int64_t j = tu_journal(s);
	ok(j > 0, "journalled");
}

int main(void)
{
	tu_init();
	bl_store *s = tu_create("labs.budgetlab");
	const char *path = tu_path("labs.budgetlab");
	test_labs_sessions(s, path);
	test_participants(s, path);
	test_ideas(s);
	test_ballots(s, path);
	test_election(s);
	test_pabulib_file(s);
	bl_store_close(s);

	/* Read-only: nothing can be written. */
	bl_err e = { { 0 } };
	ok(bl_store_open(path, true, &s, &e) == 0, "opened read-only");
	int64_t id;
	ok(bl_store_ballot_enter(s, &labdef, 1, "1", 0, 0, BL_CAST_PAPER, &id, &e) != 0,
	   "a read-only store takes no ballot");
	like(e.msg, "read-only", "%s", e.msg);
	bl_lab l = { .theme = "x" };
	ok(bl_store_lab_add(s, &l, &id, &e) != 0, "nor a lab");
	bl_store_close(s);
	tu_cleanup();
	return tap_done();
}
