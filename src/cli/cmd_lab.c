/* cmd_lab.c: citizen labs from the command line: `labs`, `lab
 * add|set|show|import|export`, `session add`, `sessions`, `participant
 * add|delete`, `participants` and `representation`. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/lab_cli.h"
#include "core/i18n.h"
#include "core/pabulib.h"
#include "core/rules.h"
#include "core/text.h"
#include "store/lab_store.h"

bool bl_help_asked(int argc, char **argv, int upto)
{
	for (int i = 1; i < argc && i <= upto; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

int bl_opt_lab(const char *cmd, const char *arg, int64_t *id)
{
	long v;
	if (bl_opt_int(cmd, "LAB", arg, 1, 2147483647L, &v))
		return BL_EXIT_USAGE;
	*id = v;
	return 0;
}

int bl_opt_id(const char *cmd, const char *what, const char *arg, int64_t *id)
{
	long v;
	if (bl_opt_int(cmd, what, arg, 1, 2147483647L, &v))
		return BL_EXIT_USAGE;
	*id = v;
	return 0;
}

int bl_lab_cmd_open(const char *cmd, const char *db, const char *labarg, bool readonly,
		    bl_app *app, bl_lab *l)
{
	int64_t id;
	memset(l, 0, sizeof *l);
	if (bl_opt_lab(cmd, labarg, &id))
		return BL_EXIT_USAGE;
	int rc = bl_app_open(app, db, readonly);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (bl_store_lab_get(app->store, id, l, &err) != 0) {
		rc = bl_fail_store(app, &err);
		bl_app_close(app);
		return rc;
	}
	return 0;
}

int bl_opt_money(const bl_app *app, const char *opt, const char *arg, bl_money *out)
{
	bl_err err = { { 0 } };
	if (bl_money_parse_in(arg, strlen(arg), app->info.lang, app->info.currency, out, &err) != 0)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': %s"), opt, arg, err.msg);
	if (*out < 0)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': cannot be negative"), opt, arg);
	return 0;
}

const char *bl_fmt_kr(const bl_app *app, bl_money v, char *buf, size_t bufsz)
{
	bl_fmt_amount(app, v, BL_UNIT_KR, buf, bufsz);
	size_t n = strlen(buf);
	const char *label = bl_unit_label(BL_UNIT_KR, app->info.lang);
	if (n + 1 + strlen(label) < bufsz) {
		buf[n] = ' ';
		memcpy(buf + n + 1, label, strlen(label) + 1);
	}
	return buf;
}

/* --ballot KEY: a ballot type of the process definition. */
static int check_ballot_key(const bl_app *app, const char *cmd, const char *key)
{
	if (bl_lab_ballot_type(&app->def->lab, key) >= 0)
		return 0;
	const char *keys[64] = { NULL };
	size_t nk = 0;
	for (size_t j = 0; j < app->def->lab.n_ballot_types && nk < 64; j++)
		keys[nk++] = app->def->lab.ballot_types[j].key;
	char list[512];
	bl_text_join(keys, nk, list, sizeof list);
	if (!nk)
		return bl_fail(BL_EXIT_REFUSED, _("%s: the process defines no ballot types (add a"
						  " 'labs: ballots:' section to its phase file; see"
						  " budgetlab-process(5))"), cmd);
	return bl_fail(BL_EXIT_REFUSED, _("%s: --ballot '%s' is not a ballot type of the process;"
					  " expected one of: %s"), cmd, key, list);
}

int bl_opt_rule(const char *cmd, const char *name, bl_rule *r)
{
	if (bl_rule_from_name(name, r) == 0)
		return 0;
	const char *names[BL_RULE_COUNT];
	for (int i = 0; i < BL_RULE_COUNT; i++)
		names[i] = bl_rule_name((bl_rule)i);
	char list[600];
	bl_text_join(names, BL_RULE_COUNT, list, sizeof list);
	return bl_usage(cmd, _("--rule '%s' is not a rule; expected one of: %s"), name, list);
}

int bl_opt_tie(const char *cmd, const char *name, bl_tie *t)
{
	if (bl_tie_from_name(name, t) == 0)
		return 0;
	return bl_usage(cmd, _("--tie-break '%s': expected id, id-number, cheaper or votes"), name);
}


/* ---- labs, lab add|set|show ---- */

int bl_cmd_labs(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 1)) {
		printf(_("Usage: %s labs DB\nThe citizen labs: theme, pool, ballot type, status and counts.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("labs", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_lab *l = NULL;
	size_t n = 0;
	if (bl_store_labs(app.store, &l, &n, &err) != 0) {
		bl_app_close(&app);
		return bl_fail_store(&app, &err);
	}
	for (size_t i = 0; i < n; i++) {
		char pool[64];
		bl_fmt_kr(&app, l[i].pool, pool, sizeof pool);
		printf("%" PRId64 ". %s\n", l[i].id, l[i].theme);
		printf(_("   pool %s, %s ballots (%s), %s; "), pool,
		       l[i].ballot_type ? l[i].ballot_type : "-",
		       bl_pb_vote_type_name(l[i].vote_type), _(bl_lab_status_name(l[i].status)));
		printf(ngettext("%zu session, ", "%zu sessions, ", (unsigned long)l[i].n_sessions),
		       l[i].n_sessions);
		printf(ngettext("%zu participant, ", "%zu participants, ",
				(unsigned long)l[i].n_participants), l[i].n_participants);
		printf(ngettext("%zu idea, ", "%zu ideas, ", (unsigned long)l[i].n_ideas), l[i].n_ideas);
		printf(ngettext("%zu ballot counted", "%zu ballots counted", (unsigned long)l[i].n_ballots),
		       l[i].n_ballots);
		if (l[i].n_void)
			printf(_(", %zu void"), l[i].n_void);
		printf("\n");
	}
	printf(ngettext("%zu lab\n", "%zu labs\n", (unsigned long)n), n);
	bl_labs_free(l, n);
	bl_app_close(&app);
	return 0;
}

static int lab_add_set(int argc, char **argv, bool add)
{
	static const struct option longopts[] = {
		{ "theme", required_argument, NULL, 't' },
		{ "pool", required_argument, NULL, 'p' },
		{ "ballot", required_argument, NULL, 'b' },
		{ "area", required_argument, NULL, 'a' },
		{ "rule", required_argument, NULL, 'r' },
		{ "tie-break", required_argument, NULL, 'T' },
		{ "status", required_argument, NULL, 's' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = add ? "lab add" : "lab set";
	int first = add ? 3 : 4;
	if (argc < first)
		return bl_usage(cmd, add ? _("expected: lab add DB --theme T --pool AMOUNT --ballot KEY")
					 : _("expected: lab set DB LAB [OPTIONS]"));
	const char *db = argv[2];
	int64_t id = 0;
	if (!add && bl_opt_lab(cmd, argv[3], &id))
		return BL_EXIT_USAGE;
	const char *theme = NULL, *pool = NULL, *ballot = NULL, *area = NULL, *rule = NULL,
		   *tie = NULL, *status = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - first + 1, argv + first - 1, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (bl_opt_text(cmd, "--theme", optarg, 200, false))
				return BL_EXIT_USAGE;
			theme = optarg;
			break;
		case 'p': pool = optarg; break;
		case 'b': ballot = optarg; break;
		case 'a': area = optarg; break;
		case 'r': {
			bl_rule r;
			if (bl_opt_rule(cmd, optarg, &r))
				return BL_EXIT_USAGE;
			rule = optarg;
			break;
		}
		case 'T': {
			bl_tie t;
			if (bl_opt_tie(cmd, optarg, &t))
				return BL_EXIT_USAGE;
			tie = optarg;
			break;
		}
		case 's': {
			bl_lab_status st;
			if (bl_lab_status_from_name(optarg, &st) != 0)
				return bl_usage(cmd, _("--status '%s': expected open, voting or closed"),
						optarg);
			status = optarg;
			break;
		}
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error(cmd, c, argv + first - 1, longopts);
		}
	}
	if (optind != argc - first + 1)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[first - 1 + optind]);
	if (add && (!theme || !pool || !ballot))
		return bl_usage(cmd, _("--theme, --pool and --ballot are required"));
	bl_app app;
	int rc = bl_app_open(&app, db, false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	bl_lab l = { 0 };
	if (!add && bl_store_lab_get(app.store, id, &l, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	bl_money p;
	if (pool && (rc = bl_opt_money(&app, "--pool", pool, &p)) != 0)
		goto out;
	if (ballot && (rc = check_ballot_key(&app, cmd, ballot)) != 0)
		goto out;
	if (pool)
		l.pool = p;
#define SETSTR(field, v) do { if (v) { free(l.field); l.field = strdup(v); } } while (0)
	SETSTR(theme, theme);
	SETSTR(area, area);
	SETSTR(rule, rule);
	SETSTR(tie_break, tie);
	if (ballot) {
		int t = bl_lab_ballot_type(&app.def->lab, ballot);
		bl_vote_type vt = bl_ballot_kind_vote_type(app.def->lab.ballot_types[t].kind);
		if (!add && l.n_ballots + l.n_void > 0 && vt != l.vote_type) {
			rc = bl_fail(BL_EXIT_REFUSED, _("%s: lab %" PRId64 " has %s ballots already;"
							" its ballot type cannot become %s"), cmd, id,
				     bl_pb_vote_type_name(l.vote_type), bl_pb_vote_type_name(vt));
			goto out;
		}
		SETSTR(ballot_type, ballot);
		l.vote_type = vt;
	}
#undef SETSTR
	if (status)
		bl_lab_status_from_name(status, &l.status);
	if (add) {
		if (bl_store_lab_add(app.store, &l, &id, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Added lab %" PRId64 ": %s\n"), id, l.theme);
	} else {
		if (bl_store_lab_update(app.store, &l, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Changed lab %" PRId64 ": %s\n"), id, l.theme);
	}
out:
	bl_lab_clear(&l);
	bl_app_close(&app);
	return rc;
}

static int lab_show(int argc, char **argv)
{
	if (argc != 4)
		return bl_usage("lab show", _("expected: lab show DB LAB"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("lab show", argv[2], argv[3], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_session *ss = NULL;
	size_t ns = 0;
	if (bl_store_sessions(app.store, l.id, &ss, &ns, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_lab_clear(&l);
		bl_app_close(&app);
		return rc;
	}
	char pool[64];
	bl_fmt_kr(&app, l.pool, pool, sizeof pool);
	printf(_("Lab %" PRId64 ": %s\n"), l.id, l.theme);
	printf(_("  pool:        %s\n"), pool);
	printf(_("  ballot:      %s (%s)\n"), l.ballot_type ? l.ballot_type : "-",
	       bl_pb_vote_type_name(l.vote_type));
	printf(_("  rule:        %s\n"), l.rule ? l.rule
	       : app.def->lab.rule ? app.def->lab.rule : "greedy_cost");
	printf(_("  tie-break:   %s\n"), l.tie_break ? l.tie_break
	       : app.def->lab.tie_break ? app.def->lab.tie_break : "id");
	printf(_("  area:        %s\n"), l.area ? l.area : "-");
	printf(_("  status:      %s\n"), _(bl_lab_status_name(l.status)));
	printf(_("  counts:      %zu participants, %zu ideas, %zu ballots counted, %zu void\n"),
	       l.n_participants, l.n_ideas, l.n_ballots, l.n_void);
	for (size_t i = 0; i < ns; i++)
		printf(_("  session %" PRId64 ": %s, %s (facilitator: %s)\n"), ss[i].id, ss[i].date,
		       ss[i].place, ss[i].facilitator);
	bl_sessions_free(ss, ns);
	bl_lab_clear(&l);
	bl_app_close(&app);
	return 0;
}

/* The imported ballots against the ballot type given with --ballot: they
 * are counted as they were cast, but the facilitator should know how many
 * the type would have refused, and why (the first one). */
static void import_check_ballots(const bl_app *app, const bl_pb *pb, const char *key)
{
	int t = bl_lab_ballot_type(&app->def->lab, key);
	if (t < 0)
		return;
	const bl_ballot_type *bt = &app->def->lab.ballot_types[t];
	bl_ballot_idea *ideas = calloc(pb->n_projects ? pb->n_projects : 1, sizeof *ideas);
	if (!ideas)
		return;
	for (size_t i = 0; i < pb->n_projects; i++) {
		ideas[i].number = (int)i + 1;
		ideas[i].cost = pb->projects[i].cost;
		ideas[i].on_ballot = true;
		ideas[i].title = pb->projects[i].id;
	}
	size_t bad = 0;
	char first[BL_ERR_MAX + 64] = "";
	for (size_t v = 0; v < pb->n_votes; v++) {
		const bl_pb_vote *vo = &pb->votes[v];
		bl_ballot_mark *m = calloc(vo->n ? vo->n : 1, sizeof *m);
		if (!m)
			break;
		for (size_t k = 0; k < vo->n; k++) {
			m[k].idea = (int)vo->proj[k] + 1;
			m[k].points = vo->points ? (int)vo->points[k]
				      : bt->kind == BL_BALLOT_RANKING ? (int)k + 1 : 1;
		}
		bl_err e = { { 0 } };
		if (bl_ballot_check(bt, m, vo->n, ideas, pb->n_projects, pb->budget, &e) != 0) {
			if (!bad++)
				snprintf(first, sizeof first, _("voter %s: %s"), vo->voter_id, e.msg);
		}
		free(m);
	}
	free(ideas);
	if (bad)
		printf(ngettext("Note: %zu ballot breaks the rules of the ballot type '%s' (%s); it is"
				" counted as it was cast\n",
				"Note: %zu ballots break the rules of the ballot type '%s' (first: %s); they"
				" are counted as they were cast\n", (unsigned long)bad),
		       bad, key, first);
}

static int lab_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "theme", required_argument, NULL, 't' },
		{ "ballot", required_argument, NULL, 'b' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	if (argc < 4)
		return bl_usage("lab import", _("expected: lab import DB FILE.pb [--theme T]"));
	const char *theme = NULL, *actor = NULL, *ballot = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (bl_opt_text("lab import", "--theme", optarg, 200, false))
				return BL_EXIT_USAGE;
			theme = optarg;
			break;
		case 'b': ballot = optarg; break;
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error("lab import", c, argv + 3, longopts);
		}
	}
	if (optind != argc - 3)
		return bl_usage("lab import", _("unexpected argument '%s'"), argv[3 + optind]);
	bl_err err = { { 0 } };
	bl_pb pb;
	if (bl_pb_read_file(argv[3], &pb, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	for (size_t i = 0; i < pb.n_warnings; i++)
		fprintf(stderr, _("%s: warning: %s\n"), bl_progname, pb.warnings[i]);
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc) {
		bl_pb_free(&pb);
		return rc;
	}
	if (actor)
		bl_store_set_actor(app.store, actor);
	int64_t id = 0;
	if (ballot && (rc = check_ballot_key(&app, "lab import", ballot)) != 0)
		goto out;
	if (bl_store_begin(app.store, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (bl_store_lab_import_pb(app.store, &pb, theme, argv[3], &id, &err) != 0) {
		bl_store_rollback(app.store);
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (ballot) {
		bl_lab l;
		if (bl_store_lab_get(app.store, id, &l, &err) == 0) {
			free(l.ballot_type);
			l.ballot_type = strdup(ballot);
			int r = bl_store_lab_update(app.store, &l, &err);
			bl_lab_clear(&l);
			if (r != 0) {
				bl_store_rollback(app.store);
				rc = bl_fail_store(&app, &err);
				goto out;
			}
		}
	}
	if (bl_store_commit(app.store, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	char budget[64];
	bl_fmt_kr(&app, pb.budget, budget, sizeof budget);
	printf(_("Imported %s as lab %" PRId64 ": %zu projects as ideas on the ballot, %zu %s"
		 " ballots, pool %s\n"), argv[3], id, pb.n_projects, pb.n_votes,
	       bl_pb_vote_type_name(pb.vote_type), budget);
	for (size_t m = 0; m < pb.n_meta; m++) {
		const bl_pb_meta *me = &pb.meta[m];
		if (strcmp(me->key, "currency") == 0 && me->value && *me->value &&
		    strcmp(me->value, app.info.currency) != 0)
			printf(_("Note: the file's amounts are in %s; budgetlab shows them as they are,"
				 " labelled as the process's currency (%s).\n"), me->value,
			       app.info.currency);
	}
	if (ballot)
		import_check_ballots(&app, &pb, ballot);
out:
	bl_pb_free(&pb);
	bl_app_close(&app);
	return rc;
}

static int lab_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	if (argc < 4)
		return bl_usage("lab export", _("expected: lab export DB LAB [--output FILE.pb]"));
	int64_t id;
	if (bl_opt_lab("lab export", argv[3], &id))
		return BL_EXIT_USAGE;
	const char *output = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":o:", longopts, NULL)) != -1) {
		if (c == 'o')
			output = optarg;
		else
			return bl_opt_error("lab export", c, argv + 3, longopts);
	}
	if (optind != argc - 3)
		return bl_usage("lab export", _("unexpected argument '%s'"), argv[3 + optind]);
	bl_app app;
	int rc = bl_app_open(&app, argv[2], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_pb pb;
	if (bl_store_lab_election(app.store, id, &pb, NULL, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	FILE *f = output ? fopen(output, "w") : stdout;
	if (!f) {
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output, strerror(errno));
	} else {
		if (bl_pb_write(f, &pb, &err) != 0)
			rc = bl_fail_err(BL_EXIT_FILE, &err);
		if (output && fclose(f) != 0 && rc == 0)
			rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), output, strerror(errno));
		else if (!output && fflush(stdout) != 0)
			rc = bl_fail(BL_EXIT_FILE, _("cannot write the output: %s"), strerror(errno));
		if (output && rc == 0)
			fprintf(stderr, _("Wrote lab %" PRId64 " to %s: %zu projects, %zu votes\n"), id,
				output, pb.n_projects, pb.n_votes);
	}
	bl_pb_free(&pb);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_lab(int argc, char **argv)
{
	if (argc < 2 || bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s lab add DB --theme T --pool AMOUNT --ballot KEY [--area AREA]\n"
			 "                [--rule RULE] [--tie-break T]\n"
			 "       %s lab set DB LAB [--theme T] [--pool AMOUNT] [--ballot KEY] [--area AREA]\n"
			 "                [--rule RULE] [--tie-break T] [--status open|voting|closed]\n"
			 "       %s lab show DB LAB\n"
			 "       %s lab import DB FILE.pb [--theme T] [--ballot KEY]\n"
			 "       %s lab export DB LAB [--output FILE.pb]\n"
			 "A lab decides how a pool is spent.  KEY is a ballot type of the process's\n"
			 "phase file (labs: ballots:).  `import` reads a Pabulib file as a new lab;\n"
			 "`export` writes a lab's ideas and ballots as one.  All writes take\n"
			 "[--actor NAME].\n"),
		       bl_progname, bl_progname, bl_progname, bl_progname, bl_progname);
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0)
		return lab_add_set(argc, argv, true);
	if (strcmp(sub, "set") == 0)
		return lab_add_set(argc, argv, false);
	if (strcmp(sub, "show") == 0)
		return lab_show(argc, argv);
	if (strcmp(sub, "import") == 0)
		return lab_import(argc, argv);
	if (strcmp(sub, "export") == 0)
		return lab_export(argc, argv);
	return bl_usage("lab", _("unknown subcommand '%s'; expected add, set, show, import or"
				 " export"), sub);
}

/* ---- sessions ---- */

int bl_cmd_session(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "place", required_argument, NULL, 'p' },
		{ "facilitator", required_argument, NULL, 'f' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_help_asked(argc, argv, 2) || argc < 2) {
		printf(_("Usage: %s session add DB LAB --date YYYY-MM-DD --place P --facilitator F\n"
			 "       %s session set DB LAB SESSION [--date D] [--place P] [--facilitator F]\n"
			 "       %s session delete DB LAB SESSION\n"
			 "A meeting of a lab.  Participants sign in and ballots are cast at a session;\n"
			 "a session that has them can be corrected but not deleted.  All take\n"
			 "[--actor NAME].\n"),
		       bl_progname, bl_progname, bl_progname);
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	const char *sub = argv[1];
	bool add = strcmp(sub, "add") == 0, set = strcmp(sub, "set") == 0,
	     del = strcmp(sub, "delete") == 0;
	if (!add && !set && !del)
		return bl_usage("session", _("unknown subcommand '%s'; expected add, set or delete"), sub);
	const char *cmd = add ? "session add" : set ? "session set" : "session delete";
	int first = add ? 4 : 5;
	if (argc < first)
		return bl_usage(cmd, add ? _("expected: session add DB LAB --date D --place P"
					     " --facilitator F")
				     : _("expected: session set|delete DB LAB SESSION"));
	int64_t lab, sid = 0;
	if (bl_opt_lab(cmd, argv[3], &lab) || (!add && bl_opt_id(cmd, "SESSION", argv[4], &sid)))
		return BL_EXIT_USAGE;
	const char *date = NULL, *place = NULL, *fac = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - first + 1, argv + first - 1, ":", longopts, NULL)) != -1) {
		if (del && c != 'A')
			return bl_usage(cmd, _("delete takes no options but --actor"));
		switch (c) {
		case 'd':
			if (strlen(optarg) >= sizeof ((bl_session *)0)->date)
				return bl_usage(cmd, _("--date '%s': expected YYYY-MM-DD"), optarg);
			date = optarg;
			break;
		case 'p':
			if (bl_opt_text(cmd, "--place", optarg, 200, false))
				return BL_EXIT_USAGE;
			place = optarg;
			break;
		case 'f':
			if (bl_opt_text(cmd, "--facilitator", optarg, 200, false))
				return BL_EXIT_USAGE;
			fac = optarg;
			break;
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error(cmd, c, argv + first - 1, longopts);
		}
	}
	if (optind != argc - first + 1)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[first - 1 + optind]);
	if (add && (!date || !place || !fac))
		return bl_usage(cmd, _("--date, --place and --facilitator are required"));
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	bl_session v = { .lab_id = lab, .id = sid };
	bl_session *all = NULL;
	size_t n = 0;
	if (set) {
		/* The fields not given stay as they are. */
		if (bl_store_sessions(app.store, lab, &all, &n, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			if (all[i].id == sid) {
				v = all[i];
				v.place = all[i].place;
				v.facilitator = all[i].facilitator;
			}
	}
	if (date)
		snprintf(v.date, sizeof v.date, "%s", date);
	if (place)
		v.place = (char *)place;
	if (fac)
		v.facilitator = (char *)fac;
	if (add) {
		int64_t id;
		if (bl_store_session_add(app.store, &v, &id, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Added session %" PRId64 " of lab %" PRId64 ": %s, %s\n"), id, lab,
			       v.date, v.place);
	} else if (set) {
		if (bl_store_session_update(app.store, &v, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Changed session %" PRId64 " of lab %" PRId64 ": %s, %s (%s)\n"), sid, lab,
			       v.date, v.place, v.facilitator);
	} else {
		if (bl_store_session_delete(app.store, lab, sid, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Deleted session %" PRId64 " of lab %" PRId64 "\n"), sid, lab);
	}
out:
	bl_sessions_free(all, n);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_sessions(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s sessions DB LAB\nThe lab's sessions: number, date, place, facilitator.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 3)
		return bl_usage("sessions", _("expected: sessions DB LAB"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("sessions", argv[1], argv[2], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_session *ss = NULL;
	size_t n = 0;
	rc = bl_store_sessions(app.store, l.id, &ss, &n, &err);
	bl_lab_clear(&l);
	if (rc != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		printf("%" PRId64 ". %s  %s  (%s)\n", ss[i].id, ss[i].date, ss[i].place,
		       ss[i].facilitator);
	printf(ngettext("%zu session\n", "%zu sessions\n", (unsigned long)n), n);
	bl_sessions_free(ss, n);
	bl_app_close(&app);
	return 0;
}

/* ---- participants ---- */

static int participant_add(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "session", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'N' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = "participant add";
	if (argc < 4)
		return bl_usage(cmd, _("expected: participant add DB LAB [CATEGORY=VALUE...]"));
	int64_t lab;
	if (bl_opt_lab(cmd, argv[3], &lab))
		return BL_EXIT_USAGE;
	bl_participant p = { .lab_id = lab };
	const char *actor = NULL;
	int c, rc = BL_EXIT_USAGE;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (bl_opt_id(cmd, "--number", optarg, &p.number))
				return BL_EXIT_USAGE;
			break;
		case 's':
			if (bl_opt_id(cmd, "--session", optarg, &p.session_id))
				return BL_EXIT_USAGE;
			break;
		case 'N':
			if (bl_opt_text(cmd, "--name", optarg, 200, false))
				return BL_EXIT_USAGE;
			p.name = optarg;
			break;
		case 'A': actor = optarg; break;
		default:
			return bl_opt_error(cmd, c, argv + 3, longopts);
		}
	}
	/* The rest: CATEGORY=VALUE pairs. */
	int first = 3 + optind;
	size_t nc = (size_t)(argc - first);
	bl_participant_cat *cats = calloc(nc ? nc : 1, sizeof *cats);
	if (!cats)
		return bl_fail(BL_EXIT_REFUSED, _("out of memory"));
	for (int i = first; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i] || !eq[1]) {
			bl_usage(cmd, _("'%s': expected CATEGORY=VALUE with the keys of the phase file, e.g. alder=30-49"), argv[i]);
			goto out0;
		}
		if (bl_opt_text(cmd, "CATEGORY=VALUE", argv[i], 200, false))
			goto out0;
		*eq = '\0';
		cats[p.n_cats].category = argv[i];
		cats[p.n_cats].value = eq + 1;
		p.n_cats++;
	}
	p.cats = cats;
	bl_app app;
	rc = bl_app_open(&app, argv[2], false);
	if (rc)
		goto out0;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int64_t number;
	if (bl_store_participant_signin(app.store, &app.def->lab, &p, &number, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("Signed in participant %" PRId64 " at lab %" PRId64 "\n"), number, lab);
	bl_app_close(&app);
out0:
	free(cats);
	return rc;
}

int bl_cmd_participant(int argc, char **argv)
{
	if (argc < 2 || bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s participant add DB LAB [--number N] [--session S] [--name NAME]\n"
			 "                [CATEGORY=VALUE...]\n"
			 "       %s participant delete DB LAB NUMBER\n"
			 "Participants are pseudonymous: a number in the lab (the next free one if\n"
			 "--number is not given).  A name is optional, kept apart, and never shown on\n"
			 "the projected view.  CATEGORY and VALUE are keys of the phase file's\n"
			 "labs: categories: (see `budgetlab representation`).\n"),
		       bl_progname, bl_progname);
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	if (strcmp(argv[1], "add") == 0)
		return participant_add(argc, argv);
	if (strcmp(argv[1], "delete") == 0) {
		int64_t lab, number;
		if (argc != 5)
			return bl_usage("participant delete", _("expected: participant delete DB LAB NUMBER"));
		if (bl_opt_lab("participant delete", argv[3], &lab) ||
		    bl_opt_id("participant delete", "NUMBER", argv[4], &number))
			return BL_EXIT_USAGE;
		bl_app app;
		int rc = bl_app_open(&app, argv[2], false);
		if (rc)
			return rc;
		bl_err err = { { 0 } };
		if (bl_store_participant_delete(app.store, lab, number, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Removed participant %" PRId64 " from lab %" PRId64 "\n"), number, lab);
		bl_app_close(&app);
		return rc;
	}
	return bl_usage("participant", _("unknown subcommand '%s'; expected add or delete"), argv[1]);
}

int bl_cmd_participants(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 3)) {
		printf(_("Usage: %s participants DB LAB [--names]\n"
			 "The lab's participants by number with their categories; names only with\n"
			 "--names (personal data: do not show it on a projector).\n"), bl_progname);
		return BL_EXIT_OK;
	}
	bool names = argc == 4 && strcmp(argv[3], "--names") == 0;
	if (argc != 3 && !names)
		return bl_usage("participants", _("expected: participants DB LAB [--names]"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("participants", argv[1], argv[2], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_participant *v = NULL;
	size_t n = 0;
	rc = bl_store_participants(app.store, l.id, names, &v, &n, &err);
	bl_lab_clear(&l);
	if (rc != 0) {
		rc = bl_fail_store(&app, &err);
		bl_app_close(&app);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		printf("%4" PRId64, v[i].number);
		if (names)
			printf("  %s", v[i].name ? v[i].name : "-");
		for (size_t k = 0; k < v[i].n_cats; k++)
			printf("  %s=%s", v[i].cats[k].category, v[i].cats[k].value);
		printf("\n");
	}
	printf(ngettext("%zu participant\n", "%zu participants\n", (unsigned long)n), n);
	bl_participants_free(v, n);
	bl_app_close(&app);
	return 0;
}

int bl_cmd_representation(int argc, char **argv)
{
	if (bl_help_asked(argc, argv, 2)) {
		printf(_("Usage: %s representation DB LAB\n"
			 "Per category of the phase file, the lab's participants against the\n"
			 "population targets; '!' marks a group below its threshold (labs:\n"
			 "under_represented_below, default 80 %% of its target).\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 3)
		return bl_usage("representation", _("expected: representation DB LAB"));
	bl_app app;
	bl_lab l;
	int rc = bl_lab_cmd_open("representation", argv[1], argv[2], true, &app, &l);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	int64_t lab = l.id;
	const bl_lab_def *d = &app.def->lab;
	printf(_("Lab %" PRId64 ": %s, %zu participants\n"), lab, l.theme, l.n_participants);
	bl_lab_clear(&l);
	if (!d->n_categories)
		printf(_("The process defines no categories (labs: categories: in its phase file).\n"));
	else
		printf(_("Shares are of those who answered the category.\n"));
	size_t flagged = 0;
	for (size_t k = 0; k < d->n_categories && rc == 0; k++) {
		const bl_category *c = &d->categories[k];
		size_t *counts = calloc(c->n_values ? c->n_values : 1, sizeof *counts), total;
		bl_repr_row *rows = calloc(c->n_values ? c->n_values : 1, sizeof *rows);
		if (!counts || !rows ||
		    bl_store_participant_counts(app.store, lab, c, counts, &total, &err) != 0) {
			rc = counts && rows ? bl_fail_store(&app, &err)
					    : bl_fail(BL_EXIT_REFUSED, _("out of memory"));
		} else {
			bl_repr_compute(c, counts, total, d->under, rows);
			int w = 0;
			for (size_t i = 0; i < c->n_values; i++)
				if (bl_text_width(c->values[i].name) > w)
					w = bl_text_width(c->values[i].name);
			printf("\n    ");
			bl_cell(stdout, c->name, w, false);
			printf("%6s  %8s  %s\n", _("count"), _("share"), _("target"));
			size_t stated = 0;
			for (size_t i = 0; i < c->n_values; i++) {
				char share[32], target[32];
				bl_share_format(rows[i].share, app.info.lang, share, sizeof share);
				if (rows[i].target == BL_NO_TARGET)
					snprintf(target, sizeof target, "-");
				else
					bl_share_format(rows[i].target, app.info.lang, target, sizeof target);
				printf("  %s ", rows[i].under ? "!" : " ");
				bl_cell(stdout, c->values[i].name, w, false);
				printf("%6zu  %8s  %6s%s\n", rows[i].count, share, target,
				       rows[i].under ? _("  under-represented") : "");
				flagged += rows[i].under;
				stated += rows[i].count;
			}
			if (stated < total)
				printf(_("    (%zu not stated)\n"), total - stated);
		}
		free(counts);
		free(rows);
	}
	if (rc == 0 && d->n_categories)
		printf(ngettext("\n%zu group under-represented\n", "\n%zu groups under-represented\n",
				(unsigned long)flagged), flagged);
	bl_app_close(&app);
	return rc;
}
