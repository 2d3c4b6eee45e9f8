/* cmd_goals.c: the area hierarchy (`areas`, `area add`) and goals
 * (`goals`, `goal add|set|delete|link|unlink`). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/goal_store.h"
#include "core/i18n.h"
#include "core/text.h"

#define NAME_MAX_BYTES 200
#define DESC_MAX 4000

int bl_cmd_areas(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: %s areas DB\nThe area hierarchy, indented by level, with path and name.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("areas", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_area *a = NULL;
	size_t n = 0;
	if (bl_store_areas(app.store, &a, &n, &err) != 0) {
		bl_app_close(&app);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	for (size_t i = 0; i < n; i++)
		printf("%*s%s  %s\n", 2 * (a[i].level - 1), "", a[i].code, a[i].name);
	printf(ngettext("%zu area\n", "%zu areas\n", (unsigned long)n), n);
	bl_areas_free(a, n);
	bl_app_close(&app);
	return 0;
}

int bl_cmd_area(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "parent", required_argument, NULL, 'p' },
		{ "actor", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	if ((argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) ||
	    (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))) {
		printf(_("Usage: %s area add DB CODE --name NAME [--parent AREA] [--actor NAME]\n"
			 "Add an area (e.g. a committee, a service area under it, a service).\n"
			 "CODE must be unique among its siblings; AREA is a code or a path a/b.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 4 || strcmp(argv[1], "add") != 0)
		return bl_usage("area", _("expected: area add DB CODE --name NAME [--parent AREA]"));
	const char *db = argv[2], *code = argv[3], *name = NULL, *parent = NULL, *actor = NULL;
	if (bl_opt_text("area add", "CODE", code, 32, false))
		return BL_EXIT_USAGE;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (bl_opt_text("area add", "--name", optarg, NAME_MAX_BYTES, false))
				return BL_EXIT_USAGE;
			name = optarg;
			break;
		case 'p':
			parent = optarg;
			break;
		case 'a':
			actor = optarg;
			break;
		default:
			return bl_opt_error("area add", c, argv + 3, longopts);
		}
	}
	if (optind != argc - 3)
		return bl_usage("area add", _("unexpected argument '%s'"), argv[3 + optind]);
	if (!name)
		return bl_usage("area add", _("--name is required"));
	bl_app app;
	int rc = bl_app_open(&app, db, false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int64_t pid = 0, id;
	if ((parent && bl_store_area_find(app.store, parent, &pid, &err) != 0) ||
	    bl_store_area_add(app.store, pid, code, name, &id, &err) != 0)
		rc = bl_fail_store(&app, &err);
	else
		printf(_("Added area %s: %s\n"), code, name);
	bl_app_close(&app);
	return rc;
}

static const char *area_label(const bl_area *a, size_t n, int64_t id)
{
	if (id == 0)
		return _("(the whole municipality)");
	for (size_t i = 0; i < n; i++)
		if (a[i].id == id)
			return a[i].code;
	return "?";
}

int bl_cmd_goals(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: %s goals DB\nGoals with their area and the budget lines that serve them.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("goals", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_goal *g = NULL;
	bl_area *a = NULL;
	size_t n = 0, na = 0;
	if (bl_store_goals(app.store, &g, &n, &err) != 0 ||
	    bl_store_areas(app.store, &a, &na, &err) != 0) {
		rc = bl_fail_err(BL_EXIT_FILE, &err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t *ids = NULL;
		size_t nl = 0;
		printf("%" PRId64 ". %s  [%s] (%s)\n", g[i].id, g[i].title,
		       area_label(a, na, g[i].area_id), bl_goal_status_key(g[i].status));
		if (g[i].description)
			printf("     %s\n", g[i].description);
		if (bl_store_goal_lines(app.store, g[i].id, &ids, &nl, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
			goto out;
		}
		for (size_t j = 0; j < nl; j++) {
			/* Few lines per goal: looking each up by id is fine here. */
			bl_line l = { 0 };
			if (bl_store_line_get(app.store, ids[j], &l, &err) != 0) {
				free(ids);
				rc = bl_fail_err(BL_EXIT_FILE, &err);
				goto out;
			}
			const char *label = _("served by:");
			if (j == 0)
				printf("     %s %s %s\n", label, l.code, l.title);
			else
				printf("     %*s %s %s\n", bl_text_width(label), "", l.code, l.title);
			bl_line_clear(&l);
		}
		free(ids);
		char **targets = NULL;
		size_t nt = 0;
		if (bl_store_goal_targets(app.store, g[i].id, &targets, &nt, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
			goto out;
		}
		for (size_t j = 0; j < nt; j++)
			printf("%s%s", j ? ", " : _("     SDG targets: "), targets[j]);
		if (nt)
			printf("\n");
		bl_strings_free(targets, nt);
	}
	printf(ngettext("%zu goal\n", "%zu goals\n", (unsigned long)n), n);
out:
	bl_goals_free(g, n);
	bl_areas_free(a, na);
	bl_app_close(&app);
	return rc;
}

static int parse_goal_id(const char *cmd, const char *arg, int64_t *id)
{
	long v;
	if (bl_opt_int(cmd, "GOAL", arg, 1, 2147483647L, &v))
		return BL_EXIT_USAGE;
	*id = v;
	return 0;
}

int bl_cmd_goal(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "area", required_argument, NULL, 'a' },
		{ "description", required_argument, NULL, 'd' },
		{ "actor", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	if ((argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) ||
	    (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))) {
		printf(_("Usage: %s goal add DB --title T [--area AREA] [--description D]\n"
			 "       %s goal set DB GOAL [--title T] [--area AREA] [--description D]\n"
			 "       %s goal delete DB GOAL\n"
			 "       %s goal link DB GOAL LINE-CODE...\n"
			 "       %s goal unlink DB GOAL LINE-CODE...\n"
			 "       %s goal sdg DB GOAL TARGET... | --none     (e.g. 11.7 13.a)\n"
			 "       %s goal indicator DB GOAL --indicator T --baseline V\n"
			 "            --baseline-year Y [--unit U] [--target V --target-year Y]\n"
			 "            | --remove\n"
			 "       %s goal measure DB GOAL YYYY-MM-DD VALUE [--note TEXT]\n"
			 "       %s goal show DB GOAL\n"
			 "       %s goal status DB GOAL draft|discussed|agreed\n"
			 "GOAL is the goal's number (see `%s goals DB`).  A goal without --area\n"
			 "belongs to the whole municipality; its area is its owner.  Targets are the\n"
			 "UN's (see `%s sdgs`); values are numbers with a point for decimals.\n"
			 "A goal is drafted, discussed and agreed (goals before economy); the gate\n"
			 "every_area_has_agreed_goal counts the agreed ones.\n"),
		       bl_progname, bl_progname, bl_progname, bl_progname, bl_progname, bl_progname,
		       bl_progname, bl_progname, bl_progname, bl_progname, bl_progname, bl_progname);
		return BL_EXIT_OK;
	}
	if (argc >= 2) {
		int more = bl_goal_sdg_command(argc, argv);
		if (more >= 0)
			return more;
	}
	if (argc < 3)
		return bl_usage("goal", _("expected add, set, delete, link or unlink and a database file"));
	const char *sub = argv[1], *db = argv[2];
	bool add = !strcmp(sub, "add"), set = !strcmp(sub, "set"), del = !strcmp(sub, "delete");
	bool link = !strcmp(sub, "link"), unlink_ = !strcmp(sub, "unlink");
	if (!add && !set && !del && !link && !unlink_)
		return bl_usage("goal", _("'%s' is not a goal command; expected add, set, delete, link or unlink"), sub);
	const char *title = NULL, *area = NULL, *desc = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 2, argv + 2, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (bl_opt_text("goal", "--title", optarg, NAME_MAX_BYTES, false))
				return BL_EXIT_USAGE;
			title = optarg;
			break;
		case 'a':
			area = optarg;
			break;
		case 'd':
			if (bl_opt_text("goal", "--description", optarg, DESC_MAX, true))
				return BL_EXIT_USAGE;
			desc = optarg;
			break;
		case 'A':
			actor = optarg;
			break;
		default:
			return bl_opt_error("goal", c, argv + 2, longopts);
		}
	}
	char **rest = argv + 2 + optind;
	int n_rest = argc - 2 - optind;
	int64_t goal_id = 0;
	if (add && n_rest != 0)
		return bl_usage("goal add", _("unexpected argument '%s'"), rest[0]);
	if (add && !title)
		return bl_usage("goal add", _("--title is required"));
	if ((set || del) && n_rest != 1)
		return bl_usage("goal", _("expected one goal number"));
	if ((link || unlink_) && n_rest < 2)
		return bl_usage("goal", _("expected a goal number and one or more line codes"));
	if (!add && parse_goal_id("goal", rest[0], &goal_id))
		return BL_EXIT_USAGE;
	if ((del || link || unlink_) && (title || area || desc))
		return bl_usage("goal", _("'goal %s' takes no --title, --area or --description"), sub);
	if (set && !title && !area && !desc)
		return bl_usage("goal set", _("nothing to change; give --title, --area or --description"));

	bl_app app;
	int rc = bl_app_open(&app, db, false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	int64_t area_id = 0;
	if (area && bl_store_area_find(app.store, area, &area_id, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (add) {
		bl_goal g = { 0, area_id, (char *)title, (char *)desc, BL_GOAL_DRAFT };
		int64_t id;
		if (bl_store_goal_add(app.store, &g, &id, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Added goal %" PRId64 ": %s\n"), id, title);
	} else if (set) {
		bl_goal *all = NULL, *g = NULL;
		size_t n = 0;
		if (bl_store_goals(app.store, &all, &n, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			if (all[i].id == goal_id)
				g = &all[i];
		if (!g) {
			rc = bl_fail(BL_EXIT_REFUSED, _("there is no goal %" PRId64), goal_id);
		} else {
			bl_goal ng = *g;
			if (title)
				ng.title = (char *)title;
			if (area)
				ng.area_id = area_id;
			if (desc)
				ng.description = (char *)desc;
			if (bl_store_goal_update(app.store, &ng, &err) != 0)
				rc = bl_fail_store(&app, &err);
			else
				printf(_("Changed goal %" PRId64 "\n"), goal_id);
		}
		bl_goals_free(all, n);
	} else if (del) {
		if (bl_store_goal_delete(app.store, goal_id, &err) != 0)
			rc = bl_fail_store(&app, &err);
		else
			printf(_("Deleted goal %" PRId64 "\n"), goal_id);
	} else {
		/* Several links are one change: all or nothing. */
		if (bl_store_begin(app.store, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
			goto out;
		}
		for (int i = 1; i < n_rest && !rc; i++) {
			bl_line l = { 0 };
			if (bl_store_line_find(app.store, rest[i], &l, &err) != 0 ||
			    (link ? bl_store_goal_link(app.store, goal_id, l.id, &err)
				  : bl_store_goal_unlink(app.store, goal_id, l.id, &err)) != 0)
				rc = bl_fail_store(&app, &err);
			bl_line_clear(&l);
		}
		if (rc) {
			bl_store_rollback(app.store);
		} else if (bl_store_commit(app.store, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_FILE, &err);
		} else {
			printf(link ? _("Linked %d line(s) to goal %" PRId64 "\n")
				    : _("Unlinked %d line(s) from goal %" PRId64 "\n"),
			       n_rest - 1, goal_id);
		}
	}
out:
	bl_app_close(&app);
	return rc;
}
