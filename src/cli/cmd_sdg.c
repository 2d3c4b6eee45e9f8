/* cmd_sdg.c: `sdgs`: the UN Sustainable Development Goals and their
 * targets, as the program ships them (share/sdg), for finding the
 * target numbers a goal names. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/sdg_file.h"
#include "core/i18n.h"
#include "core/text.h"

int bl_cmd_sdgs(int argc, char **argv)
{
	const char *ref = NULL;
	bl_lang lang = BL_LANG_EN;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf(_("Usage: %s sdgs [GOAL | TARGET] [--lang da|nb|en]\n"
				 "The 17 UN Sustainable Development Goals with their number of targets;\n"
				 "with GOAL (e.g. 11) its targets; with TARGET (e.g. 11.7) that target.\n"
				 "Goals are named in the language given (default English); targets in\n"
				 "English.\n"), bl_progname);
			return BL_EXIT_OK;
		}
		if (strcmp(argv[i], "--lang") == 0 || strncmp(argv[i], "--lang=", 7) == 0) {
			const char *v = argv[i][6] == '=' ? argv[i] + 7 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return bl_usage("sdgs", _("option '--lang' needs a value"));
			if (strcmp(v, "da") == 0)
				lang = BL_LANG_DA;
			else if (strcmp(v, "nb") == 0)
				lang = BL_LANG_NB;
			else if (strcmp(v, "en") == 0)
				lang = BL_LANG_EN;
			else
				return bl_usage("sdgs", _("--lang '%s': expected da, nb or en"), v);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return bl_usage("sdgs", _("unknown option '%s'"), argv[i]);
		} else if (ref) {
			return bl_usage("sdgs", _("unexpected argument '%s'"), argv[i]);
		} else {
			ref = argv[i];
		}
	}
	bl_sdg_set set;
	bl_err err = { { 0 } };
	if (bl_sdg_load(NULL, &set, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	int rc = BL_EXIT_OK;
	if (!ref) {
		for (int g = 1; g <= BL_SDG_GOALS; g++) {
			const bl_sdg_goal *goal = bl_sdg_goal_get(&set, g);
			printf("%2d  ", g);
			bl_cell(stdout, goal->name[lang], 52, false);
			printf(ngettext("  %2zu target\n", "  %2zu targets\n", (unsigned long)goal->n),
			       goal->n);
		}
		printf(_("%d goals, %zu targets\n"), BL_SDG_GOALS, set.n_targets);
	} else if (!strchr(ref, '.') && !strchr(ref, ',')) {
		char *end;
		long g = strtol(ref, &end, 10);
		const bl_sdg_goal *goal = *end || end == ref ? NULL : bl_sdg_goal_get(&set, (int)g);
		if (!goal) {
			rc = bl_fail(BL_EXIT_REFUSED, _("'%s' is not an SDG; expected a goal from 1 to 17"
							" or a target such as 11.7"), ref);
		} else {
			printf(_("Goal %d: %s\n"), goal->number, goal->name[lang]);
			for (size_t i = goal->first; i < goal->first + goal->n; i++)
				printf("  %-6s %s\n", set.target[i].code, set.target[i].title);
		}
	} else {
		const bl_sdg_target *t = bl_sdg_target_find(&set, ref, &err);
		if (!t)
			rc = bl_fail_err(BL_EXIT_REFUSED, &err);
		else
			printf(_("%s  %s (goal %d: %s)\n"), t->code, t->title, t->goal,
			       bl_sdg_goal_get(&set, t->goal)->name[lang]);
	}
	bl_sdg_set_free(&set);
	return rc;
}
