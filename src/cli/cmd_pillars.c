/* cmd_pillars.c: the three pillars of sustainability for budget lines:
 * `assess` (score a line) and `pillars` (how the money divides by the
 * scores, and which lines are assessed as harmful on a pillar). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/pillar_store.h"

int bl_cmd_assess(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "social", required_argument, NULL, 's' },
		{ "economic", required_argument, NULL, 'e' },
		{ "environmental", required_argument, NULL, 'v' },
		{ "why", required_argument, NULL, 'w' },
		{ "clear", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s assess DB CODE [--social N] [--economic N] [--environmental N]\n"
			 "                [--why TEXT] | --clear\n"
			 "Assess a budget line on the three pillars of sustainability, each from -2\n"
			 "(clearly harmful) through 0 to +2 (clearly good), with a short\n"
			 "justification; the pillars not given keep the scores they had.  --clear\n"
			 "removes the assessment.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 3)
		return bl_usage("assess", _("expected: assess DB CODE --social N ..."));
	bl_pillars p = { 0 };
	bool clear = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 2, argv + 2, ":", longopts, NULL)) != -1) {
		int k = c == 's' ? BL_PILLAR_SOCIAL : c == 'e' ? BL_PILLAR_ECONOMIC
				  : c == 'v'		  ? BL_PILLAR_ENVIRONMENTAL
							  : -1;
		if (k >= 0) {
			char opt[32];
			snprintf(opt, sizeof opt, "--%s", bl_pillar_key(k));
			if (bl_opt_score("assess", opt, optarg, &p.score[k]))
				return BL_EXIT_USAGE;
			p.has[k] = true;
		} else if (c == 'w') {
			if (bl_opt_text("assess", "--why", optarg, 2000, false))
				return BL_EXIT_USAGE;
			p.justification = optarg;
		} else if (c == 'c') {
			clear = true;
		} else {
			return bl_opt_error("assess", c, argv + 2, longopts);
		}
	}
	if (optind != argc - 2)
		return bl_usage("assess", _("unexpected argument '%s'"), argv[2 + optind]);
	if (!clear && !p.has[0] && !p.has[1] && !p.has[2] && !p.justification)
		return bl_usage("assess", _("give at least one of --social, --economic and"
					    " --environmental, or --why (or --clear)"));
	if (clear && (p.has[0] || p.has[1] || p.has[2]))
		return bl_usage("assess", _("--clear takes no scores"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_line l;
	if (bl_store_line_find(app.store, argv[2], &l, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		/* The pillars not given keep their scores, and the justification
		 * stays unless a new one is given. */
		bl_pillars old = { 0 };
		if (!clear && bl_store_line_pillars_get(app.store, l.id, &old, &err) == 1) {
			for (int k = 0; k < BL_PILLARS; k++)
				if (!p.has[k] && old.has[k]) {
					p.has[k] = true;
					p.score[k] = old.score[k];
				}
			if (!p.justification)
				p.justification = old.justification;
		}
		if (clear)
			memset(&p, 0, sizeof p);
		int w = 0;
		if (!clear && !p.has[0] && !p.has[1] && !p.has[2])
			w = bl_err_set(&err, _("line %s is not assessed yet; give a score with the"
					       " reason"), l.code);
		else
			w = bl_store_line_pillars_set(app.store, l.id, &p, &err);
		if (p.justification == old.justification)
			p.justification = NULL;
		bl_pillars_clear(&old);
		if (w != 0)
			rc = bl_fail_store(&app, &err);
		else if (clear)
			printf(_("Line %s is not assessed now.\n"), l.code);
		else {
			printf(_("Line %s assessed:"), l.code);
			for (int k = 0; k < BL_PILLARS; k++)
				if (p.has[k])
					printf(p.score[k] ? " %s %+d" : " %s %d", bl_pillar_key(k),
					       p.score[k]);
			printf("\n");
			/* The split is of expenses: say so where it matters. */
			if (l.dir == BL_DIR_INCOME)
				fprintf(stderr, _("%s: note: line %s is income; `pillars` and the Pillars"
						  " screen divide the expenses, so its scores show in"
						  " `line show` only\n"), bl_progname, l.code);
		}
		bl_line_clear(&l);
	}
	bl_app_close(&app);
	return rc;
}

typedef struct neg_ctx {
	FILE *f; /* the list, written after the table */
	int n;
} neg_ctx;

static void print_neg(void *ctx, const bl_line *l, const bl_pillars *p, const bl_money *amounts,
		      const bool *has, int n_years)
{
	neg_ctx *c = ctx;
	(void)amounts;
	(void)has;
	(void)n_years;
	FILE *f = c->f;
	if (c->n++ == 0)
		fprintf(f, "\n%s\n", _("Lines assessed as harmful on a pillar:"));
	fprintf(f, "  ");
	bl_cell_left(f, l->code, 14);
	fprintf(f, "  ");
	bl_cell(f, l->title, 36, false);
	for (int k = 0; k < BL_PILLARS; k++)
		if (p->has[k] && p->score[k] < 0)
			fprintf(f, "  %s %d", bl_pillar_key(k), p->score[k]);
	if (p->justification)
		fprintf(f, "  (%s)", p->justification);
	fprintf(f, "\n");
}

int bl_cmd_pillars(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "area", required_argument, NULL, 'a' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL, *area = NULL;
	bl_unit unit = BL_UNIT_THOUSANDS;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			if (bl_opt_version("pillars", optarg, &version))
				return BL_EXIT_USAGE;
			break;
		case 'a':
			area = optarg;
			break;
		case 'u':
			if (bl_opt_unit("pillars", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s pillars DB [--version V] [--area AREA] [--unit kr|t|mio]\n"
				 "How the expenses divide by their lines' scores on each pillar of\n"
				 "sustainability (social, economic, environmental; -2 to +2, or not\n"
				 "assessed), per year, for the whole budget or under AREA; then the lines\n"
				 "assessed as harmful on a pillar.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("pillars", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("pillars", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	int64_t area_id = 0;
	if (!version && bl_cli_working_version(&app, &version) != 0) {
		rc = BL_EXIT_FILE;
		goto out;
	}
	if (area && bl_store_area_find(app.store, area, &area_id, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	bl_pillar_split sp;
	char *list = NULL;
	size_t list_len = 0;
	neg_ctx nc = { open_memstream(&list, &list_len), 0 };
	if (!nc.f) {
		rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	if (bl_store_pillar_split(app.store, version, area_id, &sp, print_neg, &nc, &err) != 0) {
		fclose(nc.f);
		free(list);
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	fclose(nc.f);
	printf(_("%s version%s%s, expenses of the expense lines in %s, by score\n"), version,
	       area ? _(", under ") : "", area ? area : "", bl_unit_label(unit, app.info.lang));
	static const char *const slot_name[6] = { "-2", "-1", "0", "+1", "+2", NULL };
	int64_t n_all = 0;
	for (int slot = 0; slot < 6; slot++)
		n_all += sp.n_lines[0][slot];
	if (n_all == 0) {
		printf(_("The %s version has no expense lines with amounts%s%s.\n"), version,
		       area ? _(" under ") : "", area ? area : "");
		free(list);
		goto out;
	}
	bl_cell(stdout, _("score"), 16, false);
	printf("  %6s", _("lines"));
	for (int y = 0; y < app.info.n_years; y++)
		printf("  %14d", app.info.budget_year + y);
	printf("\n");
	for (int k = 0; k < BL_PILLARS; k++) {
		printf("\n%s\n", bl_pillar_key(k));
		for (int slot = 0; slot < 6; slot++) {
			if (!sp.n_lines[k][slot])
				continue;
			char label[64];
			snprintf(label, sizeof label, "  %s", slot_name[slot] ? slot_name[slot]
									: _("not assessed"));
			bl_cell(stdout, label, 16, false);
			printf("  %6" PRId64, sp.n_lines[k][slot]);
			for (int y = 0; y < app.info.n_years; y++) {
				char a[BL_MONEY_BUFSZ];
				bl_fmt_amount(&app, sp.expense[k][slot][y], unit, a, sizeof a);
				printf("  %14s", a);
			}
			printf("\n");
		}
	}
	if (!nc.n)
		printf("\n%s\n", _("No line is assessed as harmful on any pillar."));
	else
		fputs(list, stdout);
	free(list);
out:
	bl_app_close(&app);
	return rc;
}
