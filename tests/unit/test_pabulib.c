/* test_pabulib.c: Pabulib .pb files (core/pabulib.c): reading every
 * real instance there is (the two in tests/fixtures/pabulib always, the
 * shared ones in $BL_PABULIB_DIR or $SRCDIR/../shared/data/pabulib when
 * they are there), writing them back and reading them again, the cases
 * the format allows, and a malformed file of every kind refused with
 * its line. */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pabulib.h"
#include "tap.h"
#include "test_util.h"

static bl_err E;

static void skip(const char *why)
{
	tap_n++;
	printf("ok %d # SKIP %s\n", tap_n, why);
}

static const char *meta_get(const bl_pb *pb, const char *key)
{
	for (size_t i = 0; i < pb->n_meta; i++)
		if (strcmp(pb->meta[i].key, key) == 0)
			return pb->meta[i].value;
	return NULL;
}

static bool str_eq(const char *a, const char *b)
{
	return (a && b) ? strcmp(a, b) == 0 : a == b;
}

static bool extra_eq(const bl_pb_meta *a, size_t na, const bl_pb_meta *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!str_eq(a[i].key, b[i].key) || !str_eq(a[i].value, b[i].value))
			return false;
	return true;
}

/* The first difference between two models, or NULL; META is not
 * compared if meta is false. */
static const char *pb_diff_m(const bl_pb *a, const bl_pb *b, char *buf, size_t sz, bool meta)
{
	if (meta) {
	/* The writer adds budget, vote_type, num_projects and num_votes
	 * where META lacks them: after the others. */
	if (a->n_meta > b->n_meta || !extra_eq(a->meta, a->n_meta, b->meta, a->n_meta))
		return "META";
	for (size_t i = a->n_meta; i < b->n_meta; i++)
		if (strcmp(b->meta[i].key, "budget") && strcmp(b->meta[i].key, "vote_type") &&
		    strcmp(b->meta[i].key, "num_projects") && strcmp(b->meta[i].key, "num_votes"))
			return "META (a key added)";
	}
	if (a->vote_type != b->vote_type || a->budget != b->budget)
		return "vote_type or budget";
	if (a->n_project_cols != b->n_project_cols || a->n_vote_cols != b->n_vote_cols)
		return "the number of columns";
	for (size_t i = 0; i < a->n_project_cols; i++)
		if (!str_eq(a->project_cols[i], b->project_cols[i]))
			return "a PROJECTS column";
	for (size_t i = 0; i < a->n_vote_cols; i++)
		if (!str_eq(a->vote_cols[i], b->vote_cols[i]))
			return "a VOTES column";
	if (a->n_projects != b->n_projects || a->n_votes != b->n_votes)
		return "the counts";
	for (size_t i = 0; i < a->n_projects; i++) {
		const bl_pb_project *p = &a->projects[i], *q = &b->projects[i];
		if (!str_eq(p->id, q->id) || p->cost != q->cost ||
		    !extra_eq(p->extra, p->n_extra, q->extra, q->n_extra)) {
			snprintf(buf, sz, "project %zu (%s)", i + 1, p->id);
			return buf;
		}
	}
	for (size_t i = 0; i < a->n_votes; i++) {
		const bl_pb_vote *v = &a->votes[i], *w = &b->votes[i];
		bool same = str_eq(v->voter_id, w->voter_id) && v->n == w->n &&
			    !v->points == !w->points &&
			    extra_eq(v->extra, v->n_extra, w->extra, w->n_extra);
		for (size_t k = 0; same && k < v->n; k++)
			same = v->proj[k] == w->proj[k] &&
			       (!v->points || v->points[k] == w->points[k]);
		if (!same) {
			snprintf(buf, sz, "vote %zu (%s)", i + 1, v->voter_id);
			return buf;
		}
	}
	return NULL;
}

/* Write pb and read it back: the same model.  The counts META states
 * are written as they are in the model, so a file whose META
 * disagreed comes back with META corrected (fixed). */
static void round_trip_m(const bl_pb *pb, const char *name, bool fixed)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		ok(0, "%s: open_memstream", name);
		return;
	}
	int r = bl_pb_write(f, pb, &E);
	fclose(f);
	is_int(r, 0, "%s: written", name);
	bl_pb back;
	r = bl_pb_read("written.pb", buf, len, &back, &E);
	if (!ok(r == 0, "%s: what was written reads again", name))
		diag("%s", E.msg);
	char d[128];
	const char *diff = r == 0 ? pb_diff_m(pb, &back, d, sizeof d, !fixed) : "unread";
	if (fixed && r == 0) {
		char n[32];
		snprintf(n, sizeof n, "%zu", pb->n_projects);
		is_str(meta_get(&back, "num_projects"), n, "%s: num_projects corrected", name);
		snprintf(n, sizeof n, "%zu", pb->n_votes);
		is_str(meta_get(&back, "num_votes"), n, "%s: num_votes corrected", name);
	}
	if (!ok(diff == NULL, "%s: read, written, read: the same model", name))
		diag("differs in %s", diff);
	is_int(back.n_warnings, 0, "%s: no warnings reading what was written", name);
	bl_pb_free(&back);
	free(buf);
}

static void round_trip(const bl_pb *pb, const char *name)
{
	round_trip_m(pb, name, false);
}

/* A real instance: it reads, its counts are those its META states, and
 * it round-trips. */
static void instance(const char *path, const char *name)
{
	bl_pb pb;
	int r = bl_pb_read_file(path, &pb, &E);
	if (!ok(r == 0, "%s: reads", name)) {
		diag("%s", E.msg);
		return;
	}
	const char *np = meta_get(&pb, "num_projects"), *nv = meta_get(&pb, "num_votes");
	ok(np && strtoull(np, NULL, 10) == pb.n_projects, "%s: %zu projects, as META says (%s)",
	   name, pb.n_projects, np ? np : "-");
	ok(nv && strtoull(nv, NULL, 10) == pb.n_votes, "%s: %zu votes, as META says (%s)", name,
	   pb.n_votes, nv ? nv : "-");
	is_int(pb.n_warnings, 0, "%s: no warnings", name);
	for (size_t i = 0; i < pb.n_warnings; i++)
		diag("%s", pb.warnings[i]);
	ok(pb.budget > 0, "%s: a budget", name);
	round_trip(&pb, name);
	bl_pb_free(&pb);
}

static int instances_in(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 256) {
		size_t l = strlen(e->d_name);
		if (l > 3 && strcmp(e->d_name + l - 3, ".pb") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		instance(path, names[i]);
		free(names[i]);
	}
	return (int)n;
}

static void test_instances(void)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures/pabulib", SRCDIR);
	int n = instances_in(dir);
	is_int(n, 2, "the two fixtures are there");
	const char *env = getenv("BL_PABULIB_DIR");
	if (env && *env)
		snprintf(dir, sizeof dir, "%s/instances", env);
	else
		snprintf(dir, sizeof dir, "%s/../shared/data/pabulib/instances", SRCDIR);
	n = instances_in(dir);
	if (n < 0)
		skip("no shared Pabulib instances (set BL_PABULIB_DIR)");
	else
		ok(n > 0, "%d shared instances read", n);
}

static bl_pb read_ok(const char *data, const char *name)
{
	bl_pb pb;
	bl_err_clear(&E);
	int r = bl_pb_read("t.pb", data, strlen(data), &pb, &E);
	if (!ok(r == 0, "%s: reads", name))
		diag("%s", E.msg);
	return pb;
}

#define HEAD "META\nkey;value\nnum_projects;3\nnum_votes;2\nbudget;100\nvote_type;approval\n" \
	     "PROJECTS\nproject_id;cost;name\n1;10;a\n2;20;b\n3;30;c\nVOTES\nvoter_id;vote\n"

static void test_cases(void)
{
	bl_pb pb = read_ok(HEAD "v1;1,2\nv2;3\n", "a small file");
	is_int(pb.n_projects, 3, "three projects");
	is_int(pb.n_votes, 2, "two votes");
	is_int(pb.budget, 10000, "budget 100 is 10000 hundredths");
	is_int(pb.projects[1].cost, 2000, "cost 20 is 2000 hundredths");
	is_str(pb.projects[2].extra[0].value, "c", "the name column is kept");
	is_int(pb.votes[0].n, 2, "vote 1 has two projects");
	is_int(pb.votes[0].proj[1], 1, "and its second is project 2");
	ok(pb.votes[0].points == NULL, "approval votes have no points");
	round_trip(&pb, "a small file");
	bl_pb_free(&pb);

	/* CRLF, a BOM, no final line end, blanks around cells */
	pb = read_ok("\xEF\xBB\xBFMETA\r\nkey;value\r\nbudget; 921012.06\r\nvote_type;approval\r\n"
		     "PROJECTS\r\nproject_id;cost\r\n1; 50000.0\r\n2;7.5\r\nVOTES\r\nvoter_id;vote\r\n"
		     "v1;1, 2",
		     "CRLF and a BOM");
	is_int(pb.budget, 92101206, "921012.06 read exactly");
	is_int(pb.projects[0].cost, 5000000, "50000.0 read exactly");
	is_int(pb.projects[1].cost, 750, "7.5 read exactly");
	is_int(pb.votes[0].n, 2, "'1, 2' is two projects");
	round_trip(&pb, "CRLF and a BOM");
	bl_pb_free(&pb);

	/* quoted fields with ';' and doubled quotes; None */
	pb = read_ok("META\nkey;value\ndescription;\"a; b\"\nbudget;100\nvote_type;approval\n"
		     "PROJECTS\nproject_id;cost;name;category\n"
		     "1;10;\"Zielona; ETAP II\";None\n2;10;\"\"\"Konikowo\"\" - x\";nature\n"
		     "VOTES\nvoter_id;vote;age\nv1;1;None\n",
		     "quoted fields and None");
	is_str(meta_get(&pb, "description"), "a; b", "a quoted META value with ';'");
	is_str(pb.projects[0].extra[0].value, "Zielona; ETAP II", "a quoted name with ';'");
	is_str(pb.projects[1].extra[0].value, "\"Konikowo\" - x", "doubled quotes");
	ok(pb.projects[0].extra[1].value == NULL, "None is a missing cell");
	ok(pb.votes[0].extra[0].value == NULL, "None in VOTES too");
	round_trip(&pb, "quoted fields and None");
	bl_pb_free(&pb);

	/* a project twice in one vote; counts that disagree */
	pb = read_ok("META\nkey;value\nnum_projects;5\nnum_votes;1\nbudget;100\nvote_type;approval\n"
		     "PROJECTS\nproject_id;cost\n1;10\n2;10\nVOTES\nvoter_id;vote\nv1;2,1,2\nv2;\n",
		     "duplicates and counts");
	is_int(pb.votes[0].n, 2, "a project listed twice is counted once");
	is_int(pb.votes[1].n, 0, "an empty vote is an empty ballot");
	is_int(pb.n_warnings, 3, "three warnings");
	if (pb.n_warnings == 3) {
		like(pb.warnings[0], "t.pb:13: voter 'v1' lists project '2' twice", "the duplicate's warning");
		like(pb.warnings[1], "t.pb:3: num_projects says 5, but PROJECTS has 2", "num_projects warning");
		like(pb.warnings[2], "t.pb:4: num_votes says 1, but VOTES has 2", "num_votes warning");
	}
	round_trip_m(&pb, "duplicates and counts", true);
	bl_pb_free(&pb);

	/* cumulative and ordinal */
	pb = read_ok("META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n"
		     "a;10\nb;10\nc;10\nVOTES\nvoter_id;vote;points\n1;c,a;3,2\n2;b;5\n",
		     "cumulative");
	is_int(pb.vote_type, BL_VOTE_CUMULATIVE, "cumulative");
	ok(pb.votes[0].points && pb.votes[0].points[0] == 3 && pb.votes[0].proj[0] == 2,
	   "points with their projects, in order");
	round_trip(&pb, "cumulative");
	bl_pb_free(&pb);
	pb = read_ok("META\nkey;value\nbudget;100\nvote_type;Ordinal\nPROJECTS\nproject_id;cost\n"
		     "a;10\nb;10\nc;10\nVOTES\nvoter_id;vote\n1;c,a,b\n",
		     "ordinal");
	ok(pb.vote_type == BL_VOTE_ORDINAL && pb.votes[0].proj[0] == 2 && pb.votes[0].proj[2] == 1,
	   "ordinal: the order kept");
	bl_pb_free(&pb);
	pb = read_ok("META\nkey;value\nbudget;100\nvote_type;choose-1\nPROJECTS\nproject_id;cost\n"
		     "a;10\nVOTES\nvoter_id;vote\n1;a\n",
		     "choose-1");
	is_int(pb.vote_type, BL_VOTE_CHOOSE1, "choose-1");
	bl_pb_free(&pb);
	pb = read_ok("META\nkey;value\nbudget;100\nvote_type;scoring\nPROJECTS\nproject_id;cost\n"
		     "a;10\nb;10\nVOTES\nvoter_id;vote;points\n1;a,b;2,-1\n",
		     "scoring");
	ok(pb.vote_type == BL_VOTE_SCORING && pb.votes[0].points[1] == -1, "scoring: negative points");
	round_trip(&pb, "scoring");
	bl_pb_free(&pb);

	pb = read_ok("meta\nkey;value\nbudget;0\nvote_type;approval\n\nProjects\r\nproject_id;cost\n"
		     "\nvotes\nvoter_id;vote\n",
		     "titles in any case, blank lines, no projects or votes");
	ok(pb.n_projects == 0 && pb.n_votes == 0 && pb.budget == 0, "an empty election");
	round_trip(&pb, "an empty election");
	bl_pb_free(&pb);

	/* a model made, not read (a lab's export): headers from its data */
	bl_pb m;
	memset(&m, 0, sizeof m);
	bl_pb_project pr[2] = { { .id = "x;1", .cost = 150 }, { .id = "y", .cost = 99999999900 } };
	size_t pi[2] = { 1, 0 };
	bl_pb_vote vo[1] = { { .voter_id = "p1", .proj = pi, .n = 2 } };
	m.budget = 123456;
	m.projects = pr;
	m.n_projects = 2;
	m.votes = vo;
	m.n_votes = 1;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	is_int(bl_pb_write(f, &m, &E), 0, "a made model is written");
	fclose(f);
	bl_pb back;
	if (ok(bl_pb_read("m.pb", buf, len, &back, &E) == 0, "and reads")) {
		is_int(back.budget, 123456, "its budget");
		is_str(back.projects[0].id, "x;1", "an id with ';'");
		is_int(back.projects[1].cost, 99999999900, "the withdrawn sentinel cost");
		ok(back.n_votes == 1 && back.votes[0].proj[0] == 1, "its vote");
		is_int(back.n_warnings, 0, "the counts it writes are right");
		bl_pb_free(&back);
	} else {
		diag("%s", E.msg);
	}
	free(buf);

	int64_t v;
	is_int(bl_pb_parse_amount("92233720368547758.07", &v), 0, "the largest amount");
	is_int(bl_pb_parse_amount("92233720368547758.08", &v), -1, "one more: overflow refused");
	is_int(bl_pb_parse_amount("1,5", &v), 0, "a decimal comma");
	is_int(v, 150, "1,5 is 150 hundredths");
	is_int(bl_pb_parse_amount("1.230", &v), 0, "a zero third decimal");
	is_int(bl_pb_parse_amount("1.234", &v), -1, "a third decimal refused");
	is_int(bl_pb_parse_amount("-1", &v), -1, "negative refused");
	is_int(bl_pb_parse_amount("1e6", &v), -1, "1e6 refused");
}

static void refused(const char *data, size_t len, const char *where, const char *what,
		    const char *name)
{
	bl_pb pb;
	memset(&pb, 0xA5, sizeof pb);
	bl_err_clear(&E);
	int r = bl_pb_read("t.pb", data, len, &pb, &E);
	TU_REFUSED(r, E.msg, where, what, name);
	ok(pb.n_projects == 0 && pb.projects == NULL && pb.n_votes == 0 && pb.n_meta == 0,
	   "%s: nothing read", name);
	bl_pb_free(&pb);
}

#define REFUSED(data, where, what, name) refused(data, strlen(data), where, what, name)

#define M1 "META\nkey;value\nbudget;100\nvote_type;approval\n"
#define P1 "PROJECTS\nproject_id;cost\n1;10\n2;20\n"
#define V1 "VOTES\nvoter_id;vote\n"

static void test_malformed(void)
{
	REFUSED("", "t.pb:1: ", "empty; expected the section title META", "empty");
	REFUSED("\xEF\xBB\xBF\r\n", "t.pb:1: ", "empty", "a BOM alone");
	REFUSED("key;value\n", "t.pb:1: ", "before any section; expected the section title META",
		"no META title");
	REFUSED(M1 "RESULTS\n", "t.pb:5: ", "unknown section 'RESULTS'; expected META, PROJECTS or VOTES",
		"an unknown section");
	REFUSED(M1 V1, "t.pb:5: ", "section VOTES where PROJECTS was expected", "PROJECTS missing");
	REFUSED(P1 V1 "v;1\n", "t.pb:1: ", "section PROJECTS where META was expected", "META missing");
	REFUSED(M1 P1, "t.pb:8: ", "ends without a VOTES section", "VOTES missing");
	REFUSED(M1 P1 "VOTES\n", "t.pb:9: ", "ends before the header of VOTES", "VOTES without header");
	REFUSED(M1 "PROJECTS\nVOTES\n", "t.pb:6: ", "section PROJECTS (line 5) has no header line",
		"PROJECTS without header");
	REFUSED(M1 P1 V1 "v;1\nMETA\n", "t.pb:12: ", "a second META section (the first is on line 1)",
		"a section twice");
	REFUSED("META\nkey;val\n", "t.pb:2: ", "expected key;value", "a bad META header");
	REFUSED("META\nkey;value\nvote_type;approval\n" P1 V1, "t.pb:1: ", "META has no budget",
		"no budget");
	REFUSED("META\nkey;value\nbudget;100\n" P1 V1, "t.pb:1: ", "META has no vote_type",
		"no vote_type");
	REFUSED("META\nkey;value\nbudget;1 000\nvote_type;approval\n" P1 V1, "t.pb:3: ",
		"the budget '1 000' is not an amount; expected a number", "a bad budget");
	REFUSED("META\nkey;value\nbudget;99999999999999999999\nvote_type;approval\n" P1 V1,
		"t.pb:3: ", "is not an amount", "an overflowing budget");
	REFUSED("META\nkey;value\nbudget;100\nvote_type;plurality\n", "t.pb:4: ",
		"the vote_type 'plurality' is unknown; expected approval, choose-1", "a bad vote_type");
	REFUSED("META\nkey;value\nnum_votes;many\n", "t.pb:3: ", "num_votes 'many' is not a count",
		"a bad num_votes");
	REFUSED("META\nkey;value\nbudget;100;x\n", "t.pb:3: ", "3 fields in META; expected 2",
		"a META row with three fields");
	REFUSED("META\nkey;value\nbudget;100\nbudget;200\n", "t.pb:4: ", "META has 'budget' twice",
		"a META key twice");
	REFUSED(M1 "PROJECTS\nproject_id;name\n", "t.pb:6: ", "no column cost", "no cost column");
	REFUSED(M1 "PROJECTS\nproject_id\n", "t.pb:6: ", "no column cost", "a one-column header");
	REFUSED(M1 "PROJECTS\nid;cost\n", "t.pb:6: ", "no column project_id", "no project_id column");
	REFUSED(M1 "PROJECTS\nproject_id;cost;cost\n", "t.pb:6: ", "names the column 'cost' twice",
		"a column twice");
	REFUSED(M1 "PROJECTS\nproject_id;cost\n1;10;x\n", "t.pb:7: ",
		"3 fields in PROJECTS; expected 2, as in its header (line 6)", "a project row too long");
	REFUSED(M1 "PROJECTS\nproject_id;cost\n1;ten\n", "t.pb:7: ", "the cost 'ten' is not an amount",
		"a bad cost");
	REFUSED(M1 "PROJECTS\nproject_id;cost\n1;None\n", "t.pb:7: ", "the cost 'None' is not",
		"a cost None");
	REFUSED(M1 "PROJECTS\nproject_id;cost\n1;10\n1;20\n", "t.pb:8: ", "'1' is in PROJECTS twice",
		"a project twice");
	REFUSED(M1 "PROJECTS\nproject_id;cost\n;10\n", "t.pb:7: ", "a project without a project_id",
		"an empty project id");
	REFUSED(M1 P1 "VOTES\nvoter_id;points\n", "t.pb:10: ", "no column vote", "no vote column");
	REFUSED(M1 P1 V1 "v1;1;2\n", "t.pb:11: ", "3 fields in VOTES; expected 2, as in its header (line 10)",
		"a vote row too long");
	REFUSED(M1 P1 V1 "v1;1\nV12", "t.pb:12: ", "1 field in VOTES; expected 2", "a file cut off in a row");
	REFUSED(M1 P1 V1 "v1;1,7\n", "t.pb:11: ", "the vote names project '7', which is not in PROJECTS",
		"an unknown project");
	REFUSED(M1 P1 V1 "v1;1,,2\n", "t.pb:11: ", "an empty project id (entry 2)", "an empty id in a vote");
	REFUSED(M1 P1 V1 "v1;1\nv1;2\n", "t.pb:12: ", "voter 'v1' has voted before (line 11)",
		"a voter twice");
	REFUSED(M1 P1 V1 ";1\n", "t.pb:11: ", "a vote without a voter_id", "no voter id");
	REFUSED(M1 P1 V1 "v1;\"1\n", "t.pb:11: ", "ends inside a quoted field", "cut off in quotes");
	REFUSED(M1 P1 V1 "v1;1\"x\"\n", "t.pb:11: ", "a quote inside field 2", "a stray quote");
	REFUSED(M1 "PROJECTS\nproject_id;cost;name\n1;10;Zur\xFC" "ch\n", "t.pb:7: ",
		"byte 9 (0xfc) is not UTF-8; expected UTF-8 text", "Latin-1, not UTF-8");
	refused(M1 "x\0y\n", strlen(M1) + 4, "t.pb:5: ", "NUL byte", "a NUL byte");
	REFUSED("META\nkey;value\nbudget;100\nvote_type;cumulative\n" P1 V1, "t.pb:10: ",
		"no column points, which cumulative votes need", "cumulative without points");
	REFUSED("META\nkey;value\nbudget;100\nvote_type;cumulative\n" P1 "VOTES\nvoter_id;vote;points\n"
		"v1;1,2;3\n", "t.pb:11: ", "1 points for 2 projects", "points and projects disagree");
	REFUSED("META\nkey;value\nbudget;100\nvote_type;cumulative\n" P1 "VOTES\nvoter_id;vote;points\n"
		"v1;1,2;3,x\n", "t.pb:11: ", "the points 'x' are not a whole number", "bad points");

	bl_pb pb;
	int r = bl_pb_read_file("/nonexistent/x.pb", &pb, &E);
	TU_REFUSED(r, E.msg, "cannot read '/nonexistent/x.pb'", "No such file", "a missing file");
}

int main(void)
{
	test_instances();
	test_cases();
	test_malformed();
	return tap_done();
}
