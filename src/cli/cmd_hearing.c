/* cmd_hearing.c: the register of hearing responses: `response
 * add|set|show|comment|delete`, `responses` and `hearing-summary`.
 *
 * The sender is personal data: `responses` lists it only with --names,
 * and the summary quotes it only when the sender consented. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/readings.h"
#include "core/text.h"
#include "store/hearing_store.h"

#define SENDER_MAX 200
#define TEXT_MAX 20000

static void response_usage(void)
{
	printf(_("Usage: %s response add DB --sender NAME --org-type TYPE --position POS\n"
		 "                [--received YYYY-MM-DD] [--consent] [--text TEXT] [--file REF]\n"
		 "                [--line CODE]... [--area AREA]... [--comment TEXT] [--number N]\n"
		 "       %s response set DB N [the same options; --no-consent]\n"
		 "       %s response show DB N\n"
		 "       %s response comment DB N TEXT      (\"\" removes the comment)\n"
		 "       %s response delete DB N\n"
		 "Register a hearing response (høringssvar).  POS: for, against, change (proposes\n"
		 "a change) or neutral.  TYPE: one of the process file's organisation types\n"
		 "(default: citizen, association, council, business, institution, party, staff,\n"
		 "other).  The date (default today) must not be before the hearing opened; one\n"
		 "after it closed is recorded as late.  Without --consent the response is counted\n"
		 "in the hearing summary but neither its sender nor its text is quoted.  With set,\n"
		 "--line or --area replaces all the lines or areas.\n"),
	       bl_progname, bl_progname, bl_progname, bl_progname, bl_progname);
}

/* Grow a string list by one (the strings are argv's). */
static int push(char ***v, size_t *n, char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv)
		return bl_fail(BL_EXIT_FILE, _("out of memory"));
	nv[(*n)++] = s;
	*v = nv;
	return 0;
}

static int org_type_check(const bl_app *app, const char *cmd, const char *key)
{
	const bl_readings_def *r = &app->def->readings;
	if (bl_readings_org_type(r, key))
		return 0;
	char list[512] = "";
	size_t len = 0;
	for (size_t i = 0; i < r->n_org_types && len + 1 < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
					r->org_types[i].key);
	return bl_usage(cmd, _("--org-type '%s' is not an organisation type of this process;"
			       " expected one of %s"), key, list);
}

static int response_write(int argc, char **argv, bool add)
{
	static const struct option longopts[] = {
		{ "sender", required_argument, NULL, 's' },
		{ "org-type", required_argument, NULL, 'o' },
		{ "position", required_argument, NULL, 'p' },
		{ "received", required_argument, NULL, 'r' },
		{ "consent", no_argument, NULL, 'c' },
		{ "no-consent", no_argument, NULL, 'C' },
		{ "text", required_argument, NULL, 't' },
		{ "file", required_argument, NULL, 'f' },
		{ "line", required_argument, NULL, 'l' },
		{ "area", required_argument, NULL, 'a' },
		{ "comment", required_argument, NULL, 'm' },
		{ "number", required_argument, NULL, 'n' },
		{ "actor", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = add ? "response add" : "response set";
	int need = add ? 3 : 4;
	if (argc < need)
		return bl_usage(cmd, add ? _("expected: response add DB --sender NAME --org-type TYPE"
					     " --position POS")
					 : _("expected: response set DB N [OPTIONS]"));
	int64_t number = 0;
	if (!add && bl_opt_number(cmd, "N", argv[3], &number))
		return BL_EXIT_USAGE;
	const char *sender = NULL, *org = NULL, *pos = NULL, *received = NULL, *text = NULL,
		   *file = NULL, *comment = NULL, *num = NULL, *actor = NULL;
	int consent = -1;
	char **lines = NULL, **areas = NULL;
	size_t nl = 0, na = 0;
	bool lines_given = false, areas_given = false;
	int c, rc = 0, skip = need - 1;
	optind = 1;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc - skip, argv + skip, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			rc = bl_opt_text(cmd, "--sender", optarg, SENDER_MAX, false);
			sender = optarg;
			break;
		case 'o':
			org = optarg;
			break;
		case 'p':
			pos = optarg;
			break;
		case 'r':
			received = optarg;
			break;
		case 'c':
		case 'C':
			consent = c == 'c';
			break;
		case 't':
			rc = bl_opt_text(cmd, "--text", optarg, TEXT_MAX, true);
			text = optarg;
			break;
		case 'f':
			rc = bl_opt_text(cmd, "--file", optarg, 1000, false);
			file = optarg;
			break;
		case 'm':
			rc = bl_opt_text(cmd, "--comment", optarg, TEXT_MAX, true);
			comment = optarg;
			break;
		case 'l':
			lines_given = true;
			rc = bl_opt_text(cmd, "--line", optarg, 64, false);
			if (rc == 0)
				rc = push(&lines, &nl, optarg);
			break;
		case 'a':
			areas_given = true;
			rc = bl_opt_text(cmd, "--area", optarg, 200, false);
			if (rc == 0)
				rc = push(&areas, &na, optarg);
			break;
		case 'n':
			num = optarg;
			break;
		case 'A':
			actor = optarg;
			break;
		case 'h':
			response_usage();
			free(lines);
			free(areas);
			return BL_EXIT_OK;
		default:
			rc = bl_opt_error(cmd, c, argv + skip, longopts);
			break;
		}
	}
	if (rc == 0 && optind != argc - skip)
		rc = bl_usage(cmd, _("unexpected argument '%s'"), argv[skip + optind]);
	bl_position position = BL_POS_NEUTRAL;
	if (rc == 0 && pos && bl_position_from_key(pos, &position) != 0)
		rc = bl_usage(cmd, _("--position '%s': expected for, against, change or neutral"), pos);
	if (rc == 0 && add && (!sender || !org || !pos))
		rc = bl_usage(cmd, _("--sender, --org-type and --position are required"));
	if (rc == 0 && num && !add)
		rc = bl_usage(cmd, _("a response keeps its number; --number is for add"));
	bl_response r = { 0 }, old = { 0 };
	if (rc == 0 && num && bl_opt_number(cmd, "--number", num, &r.number))
		rc = BL_EXIT_USAGE;
	bl_date date = 0;
	bl_err err = { { 0 } };
	if (rc == 0 && received && bl_date_parse(received, &date, &err) != 0)
		rc = bl_usage(cmd, _("--received '%s': %s"), received, err.msg);
	if (rc) {
		free(lines);
		free(areas);
		return rc;
	}
	bl_app app;
	rc = bl_app_open(&app, argv[2], false);
	if (rc) {
		free(lines);
		free(areas);
		return rc;
	}
	if (actor)
		bl_store_set_actor(app.store, actor);
	if (org && (rc = org_type_check(&app, cmd, org)) != 0)
		goto out;
	if (!add) {
		if (bl_store_response_get(app.store, number, &old, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
		r = old;
	} else {
		r.received = bl_date_today();
		r.consent = false;
	}
	if (sender)
		r.sender = (char *)sender;
	if (org)
		r.org_type = (char *)org;
	if (pos)
		r.position = position;
	if (received)
		r.received = date;
	if (consent >= 0)
		r.consent = consent;
	if (text)
		r.text = (char *)text;
	if (file)
		r.file_ref = (char *)file;
	if (comment)
		r.comment = (char *)comment;
	if (lines_given || add) {
		r.lines = lines;
		r.n_lines = nl;
	}
	if (areas_given || add) {
		r.areas = areas;
		r.n_areas = na;
	}
	bool late = false;
	if (bl_readings_response_date(&app.def->readings, r.received, &late, &err) != 0) {
		rc = bl_fail(BL_EXIT_REFUSED, _("%s: %s; nothing was registered"), cmd, err.msg);
		goto out;
	}
	r.late = late;
	int64_t got = number;
	if (add ? bl_store_response_add(app.store, &r, &got, &err)
		: bl_store_response_update(app.store, &r, &err)) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	char d[11];
	bl_date_format(r.received, d);
	printf(add ? _("Registered response %" PRId64 ": %s, %s, received %s, %zu line(s), %zu"
		       " area(s)%s\n")
		   : _("Response %" PRId64 " corrected: %s, %s, received %s, %zu line(s), %zu"
		       " area(s)%s\n"),
	       got, r.org_type, bl_position_key(r.position), d, r.n_lines, r.n_areas,
	       r.consent ? "" : _(", not to be published"));
	if (late) {
		char cl[11];
		bl_date_format(app.def->readings.hearing_closes, cl);
		printf(_("It came after the hearing closed on %s: it is recorded as late.\n"), cl);
	}
out:
	/* old owns its strings; r only borrowed them (and argv's) */
	if (!add)
		bl_response_clear(&old);
	free(lines);
	free(areas);
	bl_app_close(&app);
	return rc;
}

static int response_show(int argc, char **argv)
{
	if (argc != 4)
		return bl_usage("response show", _("expected: response show DB N"));
	int64_t number;
	if (bl_opt_number("response show", "N", argv[3], &number))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[2], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_response r;
	if (bl_store_response_get(app.store, number, &r, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	char d[11];
	bl_date_format(r.received, d);
	const bl_org_type *ot = bl_readings_org_type(&app.def->readings, r.org_type);
	printf(_("Response %" PRId64 " from %s (%s)\n"), r.number, r.sender,
	       ot ? ot->name : r.org_type);
	printf(_("Received %s%s; %s; position: %s\n"), d, r.late ? _(" (late)") : "",
	       r.consent ? _("may be published") : _("not to be published (no consent)"),
	       bl_position_name(r.position));
	if (r.n_lines) {
		printf("%s", _("Lines:"));
		for (size_t i = 0; i < r.n_lines; i++)
			printf(" %s", r.lines[i]);
		printf("\n");
	}
	if (r.n_areas) {
		printf("%s", _("Areas:"));
		for (size_t i = 0; i < r.n_areas; i++)
			printf(" %s", r.areas[i]);
		printf("\n");
	}
	if (r.file_ref)
		printf(_("File: %s\n"), r.file_ref);
	if (r.text) {
		printf("%s\n", _("Text:"));
		bl_print_wrapped(stdout, r.text, 2, bl_term_width());
	}
	printf("%s\n", r.comment ? _("Administration's comment:") : _("Administration's comment: none yet"));
	if (r.comment)
		bl_print_wrapped(stdout, r.comment, 2, bl_term_width());
	bl_response_clear(&r);
out:
	bl_app_close(&app);
	return rc;
}

static int response_comment_delete(int argc, char **argv, bool del)
{
	const char *cmd = del ? "response delete" : "response comment";
	if (argc != (del ? 4 : 5))
		return bl_usage(cmd, del ? _("expected: response delete DB N")
					 : _("expected: response comment DB N TEXT"));
	int64_t number;
	if (bl_opt_number(cmd, "N", argv[3], &number))
		return BL_EXIT_USAGE;
	const char *text = del ? NULL : argv[4];
	if (text && *text && bl_opt_text(cmd, "TEXT", text, TEXT_MAX, true))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bool had_comment = false;
	bl_response old;
	if (!del && bl_store_response_get(app.store, number, &old, &err) == 0) {
		had_comment = old.comment && *old.comment;
		bl_response_clear(&old);
	}
	if (del ? bl_store_response_delete(app.store, number, &err)
		: bl_store_response_comment(app.store, number, text, &err))
		rc = bl_fail_store(&app, &err);
	else if (!del && !*text && !had_comment)
		printf(_("Response %" PRId64 " has no administration comment; nothing to remove.\n"),
		       number);
	else if (del)
		printf(_("Deleted response %" PRId64 " (the journal keeps that it was there).\n"),
		       number);
	else if (*text)
		printf(_("Response %" PRId64 " has the administration's comment.\n"), number);
	else
		printf(_("Removed the administration's comment on response %" PRId64 ".\n"), number);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_response(int argc, char **argv)
{
	if (argc < 2 || bl_wants_help(argc, argv, 2)) {
		response_usage();
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	const char *a = argv[1];
	if (strcmp(a, "add") == 0 || strcmp(a, "set") == 0)
		return response_write(argc, argv, strcmp(a, "add") == 0);
	if (strcmp(a, "show") == 0)
		return response_show(argc, argv);
	if (strcmp(a, "comment") == 0 || strcmp(a, "delete") == 0)
		return response_comment_delete(argc, argv, strcmp(a, "delete") == 0);
	return bl_usage("response", _("unknown action '%s'; expected add, set, show, comment or"
				      " delete"), a);
}

int bl_cmd_responses(int argc, char **argv)
{
	if (bl_wants_help(argc, argv, 4)) {
		printf(_("Usage: %s responses DB [--uncommented] [--late] [--names]\n"
			 "The hearing responses: number, received, late, organisation type, position,\n"
			 "consent, lines, whether the administration has commented.  Senders only\n"
			 "with --names (personal data: do not show it on a projector).\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	bool uncommented = false, late_only = false, names = false;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--uncommented") == 0)
			uncommented = true;
		else if (strcmp(argv[i], "--late") == 0)
			late_only = true;
		else if (strcmp(argv[i], "--names") == 0)
			names = true;
		else
			return bl_usage("responses", _("unexpected argument '%s'"), argv[i]);
	}
	if (argc < 2)
		return bl_usage("responses", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_response *v;
	size_t n;
	if (bl_store_responses(app.store, &v, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	bl_cell_left(stdout, _("No."), 4);
	fputs("  ", stdout);
	bl_col(_("received"), 10, false);
	bl_col(_("late"), 4, false);
	bl_col(_("type"), 12, false);
	bl_col(_("position"), 8, false);
	bl_col(_("publish"), 7, false);
	bl_col(_("comment"), 7, false);
	printf("%s\n", names ? _("lines, areas; sender") : _("lines, areas"));
	size_t shown = 0, n_late = 0, n_unc = 0;
	for (size_t i = 0; i < n; i++) {
		const bl_response *r = &v[i];
		bool commented = r->comment && *r->comment;
		n_late += r->late;
		n_unc += !commented;
		if ((uncommented && commented) || (late_only && !r->late))
			continue;
		shown++;
		char num[24], d[11];
		snprintf(num, sizeof num, "%" PRId64, r->number);
		bl_date_format(r->received, d);
		bl_cell_left(stdout, num, 4);
		fputs("  ", stdout);
		bl_col(d, 10, false);
		bl_col(r->late ? _("late") : "", 4, false);
		bl_col(r->org_type, 12, false);
		bl_col(bl_position_key(r->position), 8, false);
		bl_col(r->consent ? _("yes") : _("no"), 7, false);
		bl_col(commented ? _("yes") : _("no"), 7, false);
		for (size_t k = 0; k < r->n_lines; k++)
			printf("%s%s", k ? "," : "", r->lines[k]);
		for (size_t k = 0; k < r->n_areas; k++)
			printf("%s%s", k || r->n_lines ? "," : "", r->areas[k]);
		if (r->n_lines == 0 && r->n_areas == 0)
			printf("-");
		if (names)
			printf("; %s", r->sender);
		printf("\n");
	}
	printf(_("%zu response(s), %zu late, %zu without the administration's comment"), n, n_late,
	       n_unc);
	if (shown != n)
		printf(_("; %zu shown"), shown);
	printf("\n");
	bl_responses_free(v, n);
out:
	bl_app_close(&app);
	return rc;
}

/* ---- the hearing summary ---- */

int bl_cmd_hearing_summary(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_path = NULL, *title = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		if (c == 'o') {
			out_path = optarg;
		} else if (c == 't') {
			if (bl_opt_text("hearing-summary", "--title", optarg, 200, false))
				return BL_EXIT_USAGE;
			title = optarg;
		} else if (c == 'h') {
			printf(_("Usage: %s hearing-summary DB [-o FILE] [--title TITLE]\n"
				 "The hearing summary (høringsnotat) as Markdown: the counts, then per\n"
				 "area and line the responses, their positions and the administration's\n"
				 "comments.  Responses without consent to publish are counted, not quoted.\n"),
			       bl_progname);
			return BL_EXIT_OK;
		} else {
			return bl_opt_error("hearing-summary", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("hearing-summary", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_response *v = NULL;
	size_t n = 0, na = 0, nlines = 0;
	bl_area *areas = NULL;
	char **paths = NULL;
	bl_hn_area *ha = NULL;
	bl_hn_line *hl = NULL;
	bl_line *lines = NULL;
	FILE *f = stdout;
	if (bl_store_responses(app.store, &v, &n, &err) != 0 ||
	    bl_store_areas(app.store, &areas, &na, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	paths = calloc(na ? na : 1, sizeof *paths);
	ha = calloc(na ? na : 1, sizeof *ha);
	size_t max_lines = 0;
	for (size_t i = 0; i < n; i++)
		max_lines += v[i].n_lines;
	hl = calloc(max_lines ? max_lines : 1, sizeof *hl);
	lines = calloc(max_lines ? max_lines : 1, sizeof *lines);
	if (!paths || !ha || !hl || !lines) {
		rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	/* Paths in tree order: a parent comes before its children. */
	for (size_t i = 0; i < na; i++) {
		const char *parent = NULL;
		for (size_t k = 0; k < i && areas[i].parent_id; k++)
			if (areas[k].id == areas[i].parent_id)
				parent = paths[k];
		size_t len = (parent ? strlen(parent) + 1 : 0) + strlen(areas[i].code) + 1;
		if (!(paths[i] = malloc(len))) {
			rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
			goto out;
		}
		snprintf(paths[i], len, "%s%s%s", parent ? parent : "", parent ? "/" : "",
			 areas[i].code);
		ha[i].path = paths[i];
		ha[i].name = areas[i].name;
	}
	/* The lines the responses name, once each. */
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].n_lines; k++) {
			bool seen = false;
			for (size_t j = 0; j < nlines && !seen; j++)
				seen = strcmp(hl[j].code, v[i].lines[k]) == 0;
			if (seen)
				continue;
			bl_err e2 = { { 0 } };
			bl_line *l = &lines[nlines];
			hl[nlines].code = v[i].lines[k];
			if (bl_store_line_find(app.store, v[i].lines[k], l, &e2) == 0) {
				hl[nlines].title = l->title;
				for (size_t a = 0; a < na; a++)
					if (areas[a].id == l->area_id)
						hl[nlines].area = paths[a];
			}
			nlines++;
		}
	if (out_path && !(f = fopen(out_path, "w"))) {
		f = stdout;
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path, strerror(errno));
		goto out;
	}
	char deftitle[300];
	snprintf(deftitle, sizeof deftitle, "%s: %s, %s",
		 bl_hearing_note_heading(&app.def->readings), app.info.municipality, app.info.title);
	if (bl_hearing_note_write(f, title ? title : deftitle, &app.def->readings, v, n, ha, na,
				  hl, nlines, &err) != 0 ||
	    fflush(f) != 0 || ferror(f)) {
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path ? out_path : "stdout",
			     err.msg[0] ? err.msg : strerror(errno));
		goto out;
	}
	if (out_path)
		printf(_("Wrote the hearing summary (%zu response(s)) to %s\n"), n, out_path);
out:
	if (f != stdout && fclose(f) != 0 && rc == 0)
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path, strerror(errno));
	for (size_t i = 0; i < nlines; i++)
		bl_line_clear(&lines[i]);
	free(lines);
	free(hl);
	free(ha);
	for (size_t i = 0; paths && i < na; i++)
		free(paths[i]);
	free(paths);
	bl_areas_free(areas, na);
	bl_responses_free(v, n);
	bl_app_close(&app);
	return rc;
}
