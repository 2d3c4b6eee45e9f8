/* cmd_amend.c: versions and amendments between the readings: `versions`,
 * `amendment add|set|show`, `amendments`, `decide`, `deficit accept` and
 * `diff`. */
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
#include "core/vdiff.h"
#include "store/amend_store.h"

#define TITLE_MAX 200
#define TEXT_MAX 8000

static int parse_date(const char *cmd, const char *opt, const char *arg, bl_date *out)
{
	bl_err err = { { 0 } };
	if (bl_date_parse(arg, out, &err) != 0)
		return bl_usage(cmd, _("%s '%s': %s"), opt, arg, err.msg);
	return 0;
}

/* ---- versions ---- */

int bl_cmd_versions(int argc, char **argv)
{
	if (bl_wants_help(argc, argv, 1)) {
		printf(_("Usage: %s versions DB\n"
			 "The budget versions: the proposal, the first-reading version (frozen when\n"
			 "the process enters its first reading) and the adopted version (computed:\n"
			 "the first-reading version plus the adopted amendments).\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc != 2)
		return bl_usage("versions", _("expected one database file"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_version_state *v;
	size_t n;
	if (bl_store_versions(app.store, &v, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char state[160];
		if (v[i].derived)
			snprintf(state, sizeof state, "%s", _("derived: first reading + adopted amendments"));
		else if (v[i].frozen)
			snprintf(state, sizeof state, _("frozen %.10s (%s)"), v[i].frozen_at,
				 v[i].frozen_phase ? v[i].frozen_phase : "-");
		else if (strcmp(v[i].key, "adopted") == 0)
			snprintf(state, sizeof state, "%s",
				 _("computed from the first reading once it is frozen"));
		else
			snprintf(state, sizeof state, "%s", _("editable"));
		bl_cell_left(stdout, v[i].key, 14);
		fputs("  ", stdout);
		bl_col(v[i].title, 26, false);
		printf(ngettext("%8" PRId64 " amount   %s\n", "%8" PRId64 " amounts  %s\n",
				(unsigned long)v[i].n_amounts),
		       v[i].n_amounts, state);
	}
	bl_version_states_free(v, n);
out:
	bl_app_close(&app);
	return rc;
}

/* ---- amendment add|set ---- */

typedef struct change_list {
	bl_amend_change *v;
	size_t n, cap;
	bool replaced; /* a change option was given */
	bool line_open; /* the last is a --line or --new-line that takes --set/--add */
} change_list;

static void changes_free(change_list *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].code);
		free(c->v[i].title);
		free(c->v[i].area);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

static bl_amend_change *change_push(change_list *c)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 8;
		bl_amend_change *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return NULL;
		c->v = v;
		c->cap = cap;
	}
	bl_amend_change *ch = &c->v[c->n++];
	memset(ch, 0, sizeof *ch);
	return ch;
}

/* The line the last --line or --new-line named, for --set/--add/--remove. */
typedef struct line_ctx {
	char *code;
	bool is_new;
	size_t nl_index; /* of the new line's change: an index survives realloc */
} line_ctx;

/* YEAR=AMOUNT of --set or --add (YEAR=+DELTA, YEAR=-DELTA), the year
 * within the process, the amount in its language; the message names the
 * option as the user wrote it. */
static int amount_arg(const bl_app *app, const char *cmd, const char *opt, const char *arg,
		      bool delta, int *year, bl_money *amount)
{
	(void)cmd;
	int first = app->info.budget_year, last = first + app->info.n_years - 1;
	const char *eq = strchr(arg, '=');
	char *end;
	long y = eq && eq != arg ? strtol(arg, &end, 10) : -1;
	if (!eq || eq == arg || end != eq)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': expected YEAR=%s, e.g. %d=%s"), opt, arg,
			       delta ? "+DELTA" : "AMOUNT", first, delta ? "+250.000" : "1.250.000");
	if (y < first || y > last)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': the year must be one of the process's"
						  " years, %d to %d"), opt, arg, first, last);
	/* "+1.000" is a change upward; the money parser takes a '-' only. */
	const char *v = eq + 1;
	if (delta && *v == '+')
		v++;
	bl_err err = { { 0 } };
	if (bl_money_parse_in(v, strlen(v), app->info.lang, app->info.currency, amount, &err) != 0)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': %s"), opt, arg, err.msg);
	*year = (int)y;
	return 0;
}

typedef struct amend_opts {
	const char *title, *party, *justification, *tabled;
	const char *number, *parent;
	bool no_parent;
	const char *actor;
	bool late_given;
} amend_opts;

static const struct option amend_longopts[] = {
	{ "title", required_argument, NULL, 't' },
	{ "party", required_argument, NULL, 'p' },
	{ "justification", required_argument, NULL, 'j' },
	{ "tabled", required_argument, NULL, 'd' },
	{ "number", required_argument, NULL, 'n' },
	{ "parent", required_argument, NULL, 'P' },
	{ "no-parent", no_argument, NULL, 'N' },
	{ "line", required_argument, NULL, 'l' },
	{ "new-line", required_argument, NULL, 'L' },
	{ "set", required_argument, NULL, 's' },
	{ "add", required_argument, NULL, 'A' },
	{ "remove", no_argument, NULL, 'r' },
	{ "area", required_argument, NULL, 'a' },
	{ "line-title", required_argument, NULL, 'T' },
	{ "income", no_argument, NULL, 'i' },
	{ "capital", no_argument, NULL, 'c' },
	{ "actor", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void amend_usage(void)
{
	printf(_("Usage: %s amendment add DB --title TITLE --party PARTY [OPTIONS] CHANGES...\n"
		 "       %s amendment set DB N [OPTIONS] [CHANGES...]\n"
		 "       %s amendment show DB N\n"
		 "Table an amendment (ændringsforslag) against the first-reading version, correct\n"
		 "an undecided one, or show one with its effect on every year and its conflicts.\n"
		 "Options:\n"
		 "  --title TEXT, --party NAME, --justification TEXT\n"
		 "  --tabled YYYY-MM-DD    the day it was tabled (default today); after the\n"
		 "                         process file's amendment deadline it is recorded late\n"
		 "  --number N             its number (default the next free one)\n"
		 "  --parent N             a sub-amendment of amendment N (set: --no-parent)\n"
		 "Changes, in order (set replaces all of them when one is given):\n"
		 "  --line CODE --set YEAR=AMOUNT       the line's amount in that year becomes AMOUNT\n"
		 "  --line CODE --add YEAR=+DELTA       the amount changes by DELTA (+ or -)\n"
		 "  --line CODE --remove                the line and all its amounts go\n"
		 "  --new-line CODE --area AREA --line-title TITLE [--income] [--capital]\n"
		 "            --set YEAR=AMOUNT...      a new line (an expense unless --income)\n"
		 "Several --set/--add may follow one --line.  Amounts in the process's notation,\n"
		 "e.g. 1.250.000 or 1.250.000,50; signed as the line's direction.\n"),
	       bl_progname, bl_progname, bl_progname);
}

/* Parse options from argv (getopt over argc/argv) into o and ch. */
static int amend_parse(const bl_app *app, const char *cmd, int argc, char **argv,
		       amend_opts *o, change_list *ch)
{
	line_ctx cur = { 0 };
	int c, rc = 0;
	optind = 1;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, ":h", amend_longopts, NULL)) != -1) {
		switch (c) {
		case 't':
		case 'p':
			if (bl_opt_text(cmd, c == 't' ? "--title" : "--party", optarg, TITLE_MAX, false))
				return BL_EXIT_USAGE;
			if (c == 't')
				o->title = optarg;
			else
				o->party = optarg;
			break;
		case 'j':
			if (bl_opt_text(cmd, "--justification", optarg, TEXT_MAX, true))
				return BL_EXIT_USAGE;
			o->justification = optarg;
			break;
		case 'd':
			o->tabled = optarg;
			break;
		case 'n':
			o->number = optarg;
			break;
		case 'P':
			o->parent = optarg;
			break;
		case 'N':
			o->no_parent = true;
			break;
		case 'o':
			o->actor = optarg;
			break;
		case 'l':
		case 'L': {
			if (bl_opt_text(cmd, c == 'l' ? "--line" : "--new-line", optarg, 64, false))
				return BL_EXIT_USAGE;
			ch->replaced = true;
			cur.code = optarg;
			cur.is_new = c == 'L';
			if (cur.is_new) {
				bl_amend_change *x = change_push(ch);
				if (!x || !(x->code = strdup(optarg)))
					return bl_fail(BL_EXIT_FILE, _("out of memory"));
				x->ch.kind = BL_CHANGE_NEW_LINE;
				x->ch.dir = BL_DIR_EXPENSE;
				x->line_kind = BL_KIND_OPERATION;
				cur.nl_index = ch->n - 1;
			}
			ch->line_open = true;
			break;
		}
		case 's':
		case 'A':
		case 'r': {
			const char *opt = c == 's' ? "--set" : c == 'A' ? "--add" : "--remove";
			if (!ch->line_open)
				return bl_usage(cmd, _("%s needs a --line CODE (or --new-line CODE) before it"),
						opt);
			int year;
			bl_money amount = 0;
			if (cur.is_new) {
				if (c != 's')
					return bl_usage(cmd, _("a new line takes --set YEAR=AMOUNT, not %s"),
							opt);
				if (amount_arg(app, cmd, opt, optarg, false, &year, &amount))
					return BL_EXIT_REFUSED;
				bl_amend_change *x = &ch->v[cur.nl_index];
				int i = year - app->info.budget_year;
				x->ch.amounts[i] = amount;
				x->ch.has[i] = true;
				break;
			}
			if (c != 'r' && amount_arg(app, cmd, opt, optarg, c == 'A', &year, &amount))
				return BL_EXIT_REFUSED;
			bl_amend_change *x = change_push(ch);
			if (!x || !(x->code = strdup(cur.code)))
				return bl_fail(BL_EXIT_FILE, _("out of memory"));
			x->ch.kind = c == 's' ? BL_CHANGE_SET : c == 'A' ? BL_CHANGE_ADD_DELTA
									 : BL_CHANGE_REMOVE_LINE;
			x->ch.year = c == 'r' ? 0 : year;
			x->ch.amount = amount;
			break;
		}
		case 'a':
		case 'T':
		case 'i':
		case 'c': {
			const char *opt = c == 'a' ? "--area" : c == 'T' ? "--line-title"
						   : c == 'i' ? "--income" : "--capital";
			if (!ch->line_open || !cur.is_new)
				return bl_usage(cmd, _("%s goes with a --new-line CODE before it"), opt);
			bl_amend_change *x = &ch->v[cur.nl_index];
			if (c == 'a' || c == 'T') {
				if (bl_opt_text(cmd, opt, optarg, TITLE_MAX, false))
					return BL_EXIT_USAGE;
				char **dst = c == 'a' ? &x->area : &x->title;
				free(*dst);
				if (!(*dst = strdup(optarg)))
					return bl_fail(BL_EXIT_FILE, _("out of memory"));
			} else if (c == 'i') {
				x->ch.dir = BL_DIR_INCOME;
			} else {
				x->line_kind = BL_KIND_CAPITAL;
			}
			break;
		}
		case 'h':
			amend_usage();
			return -1;
		default:
			return bl_opt_error(cmd, c, argv, amend_longopts);
		}
	}
	if (optind != argc)
		return bl_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
	return rc;
}

/* Copy the parsed changes into a record (pointing at the list's strings). */
static void changes_into(change_list *ch, bl_amend_rec *a)
{
	for (size_t i = 0; i < ch->n; i++)
		ch->v[i].ch.code = ch->v[i].code;
	a->changes = ch->v;
	a->n_changes = ch->n;
}

static void warn_signs(const bl_app *app, int64_t number);

static int amendment_write(int argc, char **argv, bool add)
{
	const char *cmd = add ? "amendment add" : "amendment set";
	int need = add ? 3 : 4;
	if (argc < need)
		return bl_usage(cmd, add ? _("expected: amendment add DB --title TITLE --party PARTY"
					     " CHANGES...")
					 : _("expected: amendment set DB N [OPTIONS] [CHANGES...]"));
	const char *db = argv[2];
	int64_t number = 0;
	if (!add && bl_opt_number(cmd, "N", argv[3], &number))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, db, false);
	if (rc)
		return rc;
	amend_opts o = { 0 };
	change_list ch = { 0 };
	bl_amend_rec a = { 0 }, old = { 0 };
	bl_err err = { { 0 } };
	int skip = need - 1;
	rc = amend_parse(&app, cmd, argc - skip, argv + skip, &o, &ch);
	if (rc) {
		rc = rc < 0 ? 0 : rc;
		goto out;
	}
	if (o.actor)
		bl_store_set_actor(app.store, o.actor);
	if (add) {
		if (!o.title || !o.party) {
			rc = bl_usage(cmd, _("--title and --party are required"));
			goto out;
		}
		a.tabled = bl_date_today();
	} else {
		if (bl_store_amendment_get(app.store, number, &old, &err) != 0) {
			rc = bl_fail_store(&app, &err);
			goto out;
		}
		a = old;
		a.changes = NULL;
		a.n_changes = 0;
		if (!ch.replaced) {
			a.changes = old.changes;
			a.n_changes = old.n_changes;
		}
	}
	if (o.title)
		a.title = (char *)o.title;
	if (o.party)
		a.party = (char *)o.party;
	if (o.justification)
		a.justification = (char *)o.justification;
	if (o.tabled && parse_date(cmd, "--tabled", o.tabled, &a.tabled)) {
		rc = BL_EXIT_USAGE;
		goto restore;
	}
	if (o.number) {
		if (!add) {
			rc = bl_usage(cmd, _("an amendment keeps its number; --number is for add"));
			goto restore;
		}
		if (bl_opt_number(cmd, "--number", o.number, &a.number)) {
			rc = BL_EXIT_USAGE;
			goto restore;
		}
	}
	if (o.parent && bl_opt_number(cmd, "--parent", o.parent, &a.parent)) {
		rc = BL_EXIT_USAGE;
		goto restore;
	}
	if (o.no_parent)
		a.parent = 0;
	if (ch.replaced)
		changes_into(&ch, &a);
	a.late = bl_readings_amendment_late(&app.def->readings, a.tabled);
	int64_t got = number;
	if (add ? bl_store_amendment_add(app.store, &a, &got, &err)
		: bl_store_amendment_update(app.store, &a, &err)) {
		rc = bl_fail_store(&app, &err);
		goto restore;
	}
	char d[11];
	bl_date_format(a.tabled, d);
	if (add)
		printf(_("Tabled amendment %" PRId64 ": %s (%s), %zu change(s)%s\n"), got, a.title,
		       a.party, a.n_changes, "");
	else
		printf(_("Amendment %" PRId64 " corrected: %s (%s), %zu change(s)\n"), got, a.title,
		       a.party, a.n_changes);
	warn_signs(&app, got);
	if (a.late) {
		char dl[11];
		bl_date_format(app.def->readings.amendment_deadline, dl);
		printf(_("It was tabled on %s, after the deadline of %s: it is recorded as late.\n"),
		       d, dl);
	}
restore:
	if (!add) {
		/* a borrowed old's strings: give them back to old to free */
		a.changes = NULL;
		a.n_changes = 0;
	}
out:
	if (!add)
		bl_amend_rec_clear(&old);
	changes_free(&ch);
	bl_app_close(&app);
	return rc;
}

/* ---- showing amendments ---- */

static const char *decision_name(bl_decision d)
{
	switch (d) {
	case BL_ADOPTED:
		return _("adopted");
	case BL_REJECTED:
		return _("rejected");
	case BL_WITHDRAWN:
		return _("withdrawn");
	case BL_UNDECIDED:
		break;
	}
	return _("undecided");
}

/* A change that turns a line's amount negative is usually a sign typed
 * wrong (an expense cut by more than it is): say so, and go on, since a
 * negative amount can be meant (a saving target on its own line). */
static void warn_signs(const bl_app *app, int64_t number)
{
	bl_err err = { { 0 } };
	bl_amend_rec r;
	bl_amend_budget base = { 0 }, out = { 0 };
	if (bl_store_amendment_get(app->store, number, &r, &err) != 0)
		return;
	bl_change **chs = NULL;
	bl_amendment *m = bl_amend_models(&r, 1, &chs);
	if (m && !r.parent && bl_store_amend_base(app->store, "first_reading", &base, &err) == 0) {
		m[0].is_sub = false;
		const bl_amendment *sel[1] = { &m[0] };
		if (bl_amend_apply(&base, sel, 1, &out, NULL, &err) == 0) {
			for (size_t i = 0; i < out.n_lines; i++) {
				const bl_amend_line *l = &out.lines[i];
				const bl_amend_line *b = NULL;
				for (size_t k = 0; k < base.n_lines && !b; k++)
					if (strcmp(base.lines[k].code, l->code) == 0)
						b = &base.lines[k];
				for (int y = 0; y < out.n_years; y++) {
					bool was_neg = b && b->has[y] && b->amount[y] < 0;
					if (!l->has[y] || l->amount[y] >= 0 || was_neg)
						continue;
					char amt[BL_MONEY_BUFSZ];
					bl_fmt_amount(app, l->amount[y], BL_UNIT_KR, amt, sizeof amt);
					printf(_("Note: line %s becomes %s in %d, a negative %s; check the"
						 " sign of the change.\n"),
					       l->code, amt, out.first_year + y,
					       bl_direction_name(l->dir));
				}
			}
			bl_amend_budget_free(&out);
		}
	}
	bl_amend_models_free(m, chs, 1);
	bl_store_amend_base_free(&base);
	bl_amend_rec_clear(&r);
}

static void change_text(const bl_app *app, const bl_amend_change *c, char *buf, size_t sz)
{
	char amt[BL_MONEY_BUFSZ];
	switch (c->ch.kind) {
	case BL_CHANGE_SET:
		bl_fmt_amount(app, c->ch.amount, BL_UNIT_KR, amt, sizeof amt);
		snprintf(buf, sz, _("line %s, %d: becomes %s"), c->code, c->ch.year, amt);
		break;
	case BL_CHANGE_ADD_DELTA:
		bl_fmt_amount(app, c->ch.amount, BL_UNIT_KR, amt, sizeof amt);
		snprintf(buf, sz, _("line %s, %d: %s%s"), c->code, c->ch.year,
			 c->ch.amount > 0 ? "+" : "", amt);
		break;
	case BL_CHANGE_REMOVE_LINE:
		snprintf(buf, sz, _("line %s: removed"), c->code);
		break;
	case BL_CHANGE_NEW_LINE: {
		int len = snprintf(buf, sz, _("new line %s \"%s\" in %s (%s, %s):"), c->code,
				   c->title ? c->title : "", c->area ? c->area : "",
				   bl_direction_name(c->ch.dir), bl_kind_name(c->line_kind));
		for (int y = 0; y < app->info.n_years && len > 0 && (size_t)len < sz; y++) {
			if (!c->ch.has[y])
				continue;
			bl_fmt_amount(app, c->ch.amounts[y], BL_UNIT_KR, amt, sizeof amt);
			len += snprintf(buf + len, sz - (size_t)len, " %d=%s", app->info.budget_year + y,
					amt);
		}
		break;
	}
	}
}

static void print_effect_row(const bl_app *app, const char *label, const bl_money *v)
{
	char amt[BL_MONEY_BUFSZ];
	bl_col(label, 10, false);
	for (int y = 0; y < app->info.n_years; y++) {
		bl_fmt_amount(app, v[y], BL_UNIT_KR, amt, sizeof amt);
		char s[BL_MONEY_BUFSZ + 2];
		snprintf(s, sizeof s, "%s%s", v[y] > 0 ? "+" : "", amt);
		bl_cell(stdout, s, 14, true);
		if (y + 1 < app->info.n_years)
			fputs("  ", stdout);
	}
	putchar('\n');
}

static int amendment_show(int argc, char **argv)
{
	if (argc != 4)
		return bl_usage("amendment show", _("expected: amendment show DB N"));
	int64_t number;
	if (bl_opt_number("amendment show", "N", argv[3], &number))
		return BL_EXIT_USAGE;
	bl_app app;
	int rc = bl_app_open(&app, argv[2], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_amend_rec *recs = NULL;
	size_t n = 0;
	bl_amend_budget base = { 0 };
	bl_amendment *m = NULL;
	bl_change **chs = NULL;
	if (bl_store_amendments(app.store, &recs, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	const bl_amend_rec *a = NULL;
	size_t ai = 0;
	for (size_t i = 0; i < n; i++)
		if (recs[i].number == number) {
			a = &recs[i];
			ai = i;
		}
	if (!a) {
		rc = bl_fail(BL_EXIT_REFUSED, _("there is no amendment %" PRId64), number);
		goto out;
	}
	char d[11];
	bl_date_format(a->tabled, d);
	printf(_("Amendment %" PRId64 ": %s\n"), a->number, a->title);
	printf(_("Tabled by %s on %s%s\n"), a->party, d, a->late ? _(" (late)") : "");
	if (a->parent)
		printf(_("Sub-amendment of amendment %" PRId64 "\n"), a->parent);
	if (a->justification) {
		printf("%s\n", _("Justification:"));
		bl_print_wrapped(stdout, a->justification, 2, bl_term_width());
	}
	printf(_("Decision: %s"), decision_name(a->decision));
	if (a->decision != BL_UNDECIDED)
		printf(_(" on %.10s by %s"), a->decided_at ? a->decided_at : "?",
		       a->decided_by ? a->decided_by : "?");
	if (a->decision_note)
		printf(" (%s)", a->decision_note);
	if (a->lapsed)
		printf("%s", _("; lapsed: its parent was not adopted"));
	printf("\n%s\n", _("Changes:"));
	for (size_t k = 0; k < a->n_changes; k++) {
		char buf[512];
		change_text(&app, &a->changes[k], buf, sizeof buf);
		printf("  %zu. %s\n", k + 1, buf);
	}
	if (!(m = bl_amend_models(recs, n, &chs))) {
		rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	if (bl_store_amend_base(app.store, "first_reading", &base, &err) == 0) {
		bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS], bal[BL_MAX_YEARS];
		if (bl_amend_effect(&base, &m[ai], inc, exp, bal, &err) == 0) {
			printf("%s\n", _("Effect on the first-reading version:"));
			bl_col("", 10, false);
			for (int y = 0; y < app.info.n_years; y++) {
				char ys[8];
				snprintf(ys, sizeof ys, "%d", app.info.budget_year + y);
				bl_cell(stdout, ys, 14, true);
				if (y + 1 < app.info.n_years)
					fputs("  ", stdout);
			}
			putchar('\n');
			print_effect_row(&app, _("income"), inc);
			print_effect_row(&app, _("expenses"), exp);
			print_effect_row(&app, _("balance"), bal);
		} else {
			printf(_("Effect: %s\n"), err.msg);
		}
	}
	/* Conflicts among those still in play: a rejected or withdrawn
	 * amendment conflicts with nothing. */
	const bl_amendment **all = calloc(n ? n : 1, sizeof *all);
	bl_amend_conflict *cf = NULL;
	size_t ncf = 0;
	if (all) {
		size_t live = 0;
		for (size_t i = 0; i < n; i++)
			if (recs[i].decision == BL_UNDECIDED || recs[i].decision == BL_ADOPTED)
				all[live++] = &m[i];
		ncf = bl_amend_conflicts(all, live, &cf);
		free(all);
	}
	bool any = false;
	for (size_t i = 0; ncf != BL_AMEND_NOMEM && i < ncf; i++) {
		if (cf[i].a != (int)number && cf[i].b != (int)number)
			continue;
		if (!any)
			printf("%s\n", _("Conflicts:"));
		any = true;
		int other = cf[i].a == (int)number ? cf[i].b : cf[i].a;
		if (cf[i].kind == BL_CONFLICT_REMOVE)
			printf(_("  with amendment %d: one removes line %s, which the other changes\n"),
			       other, cf[i].code);
		else if (cf[i].year)
			printf(_("  with amendment %d: both change line %s in %d\n"), other, cf[i].code,
			       cf[i].year);
		else
			printf(_("  with amendment %d: both change line %s\n"), other, cf[i].code);
	}
	if (!any)
		printf("%s\n", _("Conflicts: none"));
	if (ncf != BL_AMEND_NOMEM)
		bl_amend_conflicts_free(cf);
out:
	bl_amend_models_free(m, chs, n);
	bl_store_amend_base_free(&base);
	bl_amend_recs_free(recs, n);
	bl_app_close(&app);
	return rc;
}

int bl_cmd_amendment(int argc, char **argv)
{
	if (argc < 2 || bl_wants_help(argc, argv, 2)) {
		amend_usage();
		return argc < 2 ? BL_EXIT_USAGE : BL_EXIT_OK;
	}
	if (strcmp(argv[1], "add") == 0)
		return amendment_write(argc, argv, true);
	if (strcmp(argv[1], "set") == 0)
		return amendment_write(argc, argv, false);
	if (strcmp(argv[1], "show") == 0)
		return amendment_show(argc, argv);
	return bl_usage("amendment", _("unknown action '%s'; expected add, set or show"), argv[1]);
}

int bl_cmd_amendments(int argc, char **argv)
{
	if (bl_wants_help(argc, argv, 2)) {
		printf(_("Usage: %s amendments DB [--undecided]\n"
			 "The amendments: number, decision, late, sub-amendment of, the effect on\n"
			 "the balance of the budget year, party and title; then the conflicts.\n"),
		       bl_progname);
		return BL_EXIT_OK;
	}
	bool undecided = argc == 3 && strcmp(argv[2], "--undecided") == 0;
	if (argc != 2 && !undecided)
		return bl_usage("amendments", _("expected: amendments DB [--undecided]"));
	bl_app app;
	int rc = bl_app_open(&app, argv[1], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_amend_rec *recs = NULL;
	size_t n = 0;
	bl_amend_budget base = { 0 };
	bl_change **chs = NULL;
	bl_amendment *m = NULL;
	if (bl_store_amendments(app.store, &recs, &n, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (!(m = bl_amend_models(recs, n, &chs))) {
		rc = bl_fail(BL_EXIT_FILE, _("out of memory"));
		goto out;
	}
	bool have_base = bl_store_amend_base(app.store, "first_reading", &base, &err) == 0;
	char head[32];
	snprintf(head, sizeof head, _("balance %d"), app.info.budget_year);
	bl_cell_left(stdout, _("No."), 4);
	fputs("  ", stdout);
	bl_col(_("decision"), 10, false);
	bl_col(_("late"), 4, false);
	bl_col(_("sub of"), 6, false);
	bl_col(head, 16, true);
	printf("%s\n", _("party: title"));
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		const bl_amend_rec *a = &recs[i];
		if (undecided && a->decision != BL_UNDECIDED)
			continue;
		shown++;
		char num[24], sub[24] = "", bal[BL_MONEY_BUFSZ + 2] = "?";
		snprintf(num, sizeof num, "%" PRId64, a->number);
		if (a->parent)
			snprintf(sub, sizeof sub, "%" PRId64, a->parent);
		bl_money b[BL_MAX_YEARS];
		bl_err e2 = { { 0 } };
		if (have_base && bl_amend_effect(&base, &m[i], NULL, NULL, b, &e2) == 0) {
			char amt[BL_MONEY_BUFSZ];
			bl_fmt_amount(&app, b[0], BL_UNIT_KR, amt, sizeof amt);
			snprintf(bal, sizeof bal, "%s%s", b[0] > 0 ? "+" : "", amt);
		}
		bl_cell_left(stdout, num, 4);
		fputs("  ", stdout);
		bl_col(a->lapsed ? _("lapsed") : decision_name(a->decision), 10, false);
		bl_col(a->late ? _("late") : "", 4, false);
		bl_col(sub, 6, false);
		bl_col(bal, 16, true);
		printf("%s: %s\n", a->party, a->title);
	}
	/* Conflicts among those still in play: a rejected or withdrawn
	 * amendment conflicts with nothing. */
	const bl_amendment **all = calloc(n ? n : 1, sizeof *all);
	bl_amend_conflict *cf = NULL;
	size_t ncf = 0;
	if (all) {
		size_t live = 0;
		for (size_t i = 0; i < n; i++)
			if (recs[i].decision == BL_UNDECIDED || recs[i].decision == BL_ADOPTED)
				all[live++] = &m[i];
		ncf = bl_amend_conflicts(all, live, &cf);
		free(all);
	}
	if (ncf == BL_AMEND_NOMEM)
		ncf = 0;
	int64_t *und = NULL;
	size_t nu = 0;
	int64_t total = 0;
	bl_store_amendments_undecided(app.store, &und, &nu, &total, &err);
	free(und);
	printf(_("%zu amendment(s), %zu undecided"), n, nu);
	if (ncf)
		printf(ngettext("; %zu conflict:\n", "; %zu conflicts:\n", (unsigned long)ncf), ncf);
	else
		printf("\n");
	for (size_t i = 0; i < ncf; i++) {
		if (cf[i].kind == BL_CONFLICT_REMOVE)
			printf(_("  %d and %d: one removes line %s, the other changes it\n"), cf[i].a,
			       cf[i].b, cf[i].code);
		else if (cf[i].year)
			printf(_("  %d and %d both change line %s in %d\n"), cf[i].a, cf[i].b, cf[i].code,
			       cf[i].year);
		else
			printf(_("  %d and %d both add line %s\n"), cf[i].a, cf[i].b, cf[i].code);
	}
	bl_amend_conflicts_free(cf);
	(void)shown;
out:
	bl_amend_models_free(m, chs, n);
	bl_store_amend_base_free(&base);
	bl_amend_recs_free(recs, n);
	bl_app_close(&app);
	return rc;
}

/* ---- decide ---- */

/* After adopting number: the adopted amendments that change the same
 * lines in the same years.  They apply in number order (a sub-amendment
 * right after its parent), so the later set wins and adjustments add up;
 * the council should see that, not find it in the diff. */
static void note_overlaps(const bl_app *app, int64_t number)
{
	bl_err err = { { 0 } };
	bl_amend_rec *recs = NULL;
	size_t n = 0;
	if (bl_store_amendments(app->store, &recs, &n, &err) != 0)
		return;
	bl_change **chs = NULL;
	bl_amendment *m = bl_amend_models(recs, n, &chs);
	const bl_amendment **adopted = calloc(n ? n : 1, sizeof *adopted);
	size_t k = 0;
	for (size_t i = 0; m && adopted && i < n; i++)
		if (recs[i].decision == BL_ADOPTED)
			adopted[k++] = &m[i];
	bl_amend_conflict *cf = NULL;
	size_t nc = m && adopted ? bl_amend_conflicts(adopted, k, &cf) : 0;
	for (size_t i = 0; nc != BL_AMEND_NOMEM && i < nc; i++) {
		if (cf[i].a != (int)number && cf[i].b != (int)number)
			continue;
		int other = cf[i].a == (int)number ? cf[i].b : cf[i].a;
		if (cf[i].year)
			printf(_("Note: amendment %d, adopted too, changes line %s in %d as well; the"
				 " adopted version applies them in number order (a later amount set"
				 " replaces an earlier one, changes by +/- add up).\n"),
			       other, cf[i].code, cf[i].year);
		else
			printf(_("Note: amendment %d, adopted too, also changes line %s.\n"), other,
			       cf[i].code);
	}
	if (nc != BL_AMEND_NOMEM)
		bl_amend_conflicts_free(cf);
	free(adopted);
	bl_amend_models_free(m, chs, n);
	bl_amend_recs_free(recs, n);
}

int bl_cmd_decide(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "actor", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_wants_help(argc, argv, 4)) {
		printf(_("Usage: %s decide DB N adopted|rejected|withdrawn [--note TEXT]\n"
			 "Record the council's decision on amendment N (e.g. --note \"15 for, 12\n"
			 "against\").  The adopted version is computed again at once.  A decision is\n"
			 "final: deciding an amendment twice is refused.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 4)
		return bl_usage("decide", _("expected: decide DB N adopted|rejected|withdrawn"));
	int64_t number;
	if (bl_opt_number("decide", "N", argv[2], &number))
		return BL_EXIT_USAGE;
	bl_decision d;
	if (bl_decision_from_key(argv[3], &d) != 0 || d == BL_UNDECIDED)
		return bl_usage("decide", _("'%s' is not a decision; expected adopted, rejected or"
					    " withdrawn"), argv[3]);
	const char *note = NULL, *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 3, argv + 3, ":h", longopts, NULL)) != -1) {
		if (c == 'n') {
			if (bl_opt_text("decide", "--note", optarg, TITLE_MAX, false))
				return BL_EXIT_USAGE;
			note = optarg;
		} else if (c == 'a') {
			actor = optarg;
		} else {
			return bl_opt_error("decide", c, argv + 3, longopts);
		}
	}
	if (optind != argc - 3)
		return bl_usage("decide", _("unexpected argument '%s'"), argv[3 + optind]);
	bl_app app;
	int rc = bl_app_open(&app, argv[1], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	if (bl_store_amendment_decide(app.store, number, d, note, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		printf(_("Amendment %" PRId64 " %s.\n"), number, decision_name(d));
		if (d == BL_ADOPTED)
			note_overlaps(&app, number);
		bl_amend_rec r;
		if (d == BL_ADOPTED && bl_store_amendment_get(app.store, number, &r, &err) == 0) {
			bl_amend_rec p = { 0 };
			if (r.parent && bl_store_amendment_get(app.store, r.parent, &p, &err) == 0 &&
			    p.decision == BL_UNDECIDED)
				printf(_("It amends amendment %" PRId64 ", which is not decided yet: its"
					 " changes count when %" PRId64 " is adopted, and lapse if it is"
					 " not.\n"), r.parent, r.parent);
			bl_amend_rec_clear(&p);
			bl_amend_rec_clear(&r);
		}
		bl_money inc[BL_MAX_YEARS], exp[BL_MAX_YEARS];
		if (bl_store_year_totals(app.store, "adopted", inc, exp, &err) == 0) {
			printf("%s", _("Adopted version, balance:"));
			for (int y = 0; y < app.info.n_years; y++) {
				bl_money b = 0;
				char amt[BL_MONEY_BUFSZ];
				if (bl_money_sub(inc[y], exp[y], &b))
					bl_fmt_amount(&app, b, BL_UNIT_KR, amt, sizeof amt);
				else
					snprintf(amt, sizeof amt, "%s", bl_overflow_label());
				printf(" %d %s%s", app.info.budget_year + y, amt,
				       y + 1 < app.info.n_years ? ";" : "\n");
			}
		}
	}
	bl_app_close(&app);
	return rc;
}

/* ---- deficit accept ---- */

int bl_cmd_deficit(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "version", required_argument, NULL, 'v' },
		{ "actor", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (bl_wants_help(argc, argv, 3)) {
		printf(_("Usage: %s deficit accept DB --reason TEXT [--version adopted]\n"
			 "Accept the version's deficits as they are now, with the council's reason\n"
			 "(journalled), so that the gate balances_or_deficit_accepted passes.  A larger\n"
			 "deficit later needs a new acceptance.\n"), bl_progname);
		return BL_EXIT_OK;
	}
	if (argc < 3 || strcmp(argv[1], "accept") != 0)
		return bl_usage("deficit", _("expected: deficit accept DB --reason TEXT"));
	const char *reason = NULL, *version = "adopted", *actor = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 2, argv + 2, ":h", longopts, NULL)) != -1) {
		if (c == 'r') {
			if (bl_opt_text("deficit accept", "--reason", optarg, TEXT_MAX, true))
				return BL_EXIT_USAGE;
			reason = optarg;
		} else if (c == 'v') {
			if (bl_opt_version("deficit accept", optarg, &version))
				return BL_EXIT_USAGE;
		} else if (c == 'a') {
			actor = optarg;
		} else {
			return bl_opt_error("deficit accept", c, argv + 2, longopts);
		}
	}
	if (optind != argc - 2)
		return bl_usage("deficit accept", _("unexpected argument '%s'"), argv[2 + optind]);
	if (!reason)
		return bl_usage("deficit accept", _("--reason is required"));
	bl_app app;
	int rc = bl_app_open(&app, argv[2], false);
	if (rc)
		return rc;
	if (actor)
		bl_store_set_actor(app.store, actor);
	bl_err err = { { 0 } };
	if (bl_store_deficit_accept(app.store, version, reason, &err) != 0) {
		rc = bl_fail_store(&app, &err);
	} else {
		bool has;
		bl_money acc[BL_MAX_YEARS];
		printf(_("Deficit of the %s version accepted:"), version);
		if (bl_store_deficit_accepted(app.store, version, &has, acc, NULL, &err) == 0)
			for (int y = 0; y < app.info.n_years; y++) {
				char amt[BL_MONEY_BUFSZ];
				bl_fmt_amount(&app, acc[y], BL_UNIT_KR, amt, sizeof amt);
				printf(" %d %s%s", app.info.budget_year + y, amt,
				       y + 1 < app.info.n_years ? ";" : "");
			}
		printf("\n");
	}
	bl_app_close(&app);
	return rc;
}

/* ---- diff ---- */

/* "amendment 3" labels for the adopted version's changes. */
typedef struct cause_ctx {
	bl_amend_source *src;
	char buf[128];
} cause_ctx;

static const char *cause_of(void *ctx, const char *code, int year)
{
	cause_ctx *c = ctx;
	const bl_amend_source *s = bl_amend_source_find(c->src, code, year);
	if (!s || s->n_numbers == 0)
		return NULL;
	int len = snprintf(c->buf, sizeof c->buf, "%s",
			   s->n_numbers == 1 ? _("amendment") : _("amendments"));
	for (size_t i = 0; i < s->n_numbers && len > 0 && (size_t)len < sizeof c->buf; i++)
		len += snprintf(c->buf + len, sizeof c->buf - (size_t)len, "%s%d", i ? ", " : " ",
				s->numbers[i]);
	return c->buf;
}

int bl_cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "csv", required_argument, NULL, 'c' },
		{ "markdown", no_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "unit", required_argument, NULL, 'u' },
		{ "all", no_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *csv = NULL, *out_path = NULL;
	bool md = false, all = false;
	bl_unit unit = BL_UNIT_KR;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (strcmp(optarg, "lines") != 0 && strcmp(optarg, "areas") != 0)
				return bl_usage("diff", _("--csv '%s': expected lines or areas"), optarg);
			csv = optarg;
			break;
		case 'm':
			md = true;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'u':
			if (bl_opt_unit("diff", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'A':
			all = true;
			break;
		case 'h':
			printf(_("Usage: %s diff DB [OLD [NEW]] [--csv lines|areas | --markdown] [-o FILE]\n"
				 "                [--unit U] [--all]\n"
				 "What changed between two versions (default: first_reading adopted): per\n"
				 "area, each changed line and year with the old amount, the new, the change\n"
				 "and the amendment that caused it; then the totals per year.  The report is\n"
				 "Markdown (also on the screen); --csv lines writes the same rows as RFC 4180\n"
				 "CSV, --csv areas income, expenses and balance per area and year; -o writes\n"
				 "to a file.  --all keeps unchanged lines too.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("diff", c, argv, longopts);
		}
	}
	int pos = argc - optind;
	if (pos < 1 || pos > 3)
		return bl_usage("diff", _("expected: diff DB [OLD [NEW]]"));
	if (csv && md)
		return bl_usage("diff", _("--csv and --markdown: choose one"));
	const char *db = argv[optind], *old_v = "first_reading", *new_v = "adopted";
	for (int k = 1; k < pos; k++) {
		const char *v = argv[optind + k];
		if (!bl_version_valid(v))
			return bl_usage("diff", _("%s '%s' is not a budget version; expected proposal,"
						  " first_reading or adopted"),
					k == 1 ? "OLD" : "NEW", v);
		if (k == 1)
			old_v = v;
		else
			new_v = v;
	}
	bl_app app;
	int rc = bl_app_open(&app, db, true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	bl_vdiff_src *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	bl_vdiff d = { 0 };
	cause_ctx cc = { 0 };
	bl_amend_budget adopted = { 0 };
	FILE *f = stdout;
	if (bl_store_vdiff_src(app.store, old_v, &a, &na, &err) != 0 ||
	    bl_store_vdiff_src(app.store, new_v, &b, &nb, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	/* Causes: what the amendments changed, when the diff ends in the
	 * adopted version and starts from the first reading. */
	bool frozen = false;
	if (strcmp(new_v, "adopted") == 0 && strcmp(old_v, "first_reading") == 0 &&
	    bl_store_first_reading_frozen(app.store, &frozen, &err) == 0 && frozen &&
	    bl_store_adopted_compute(app.store, &adopted, &cc.src, &err) != 0) {
		rc = bl_fail_store(&app, &err);
		goto out;
	}
	if (bl_vdiff_compute(a, na, b, nb, app.info.budget_year, app.info.n_years,
			     cc.src ? cause_of : NULL, &cc, all ? BL_VDIFF_KEEP_UNCHANGED : 0, &d,
			     &err) != 0) {
		rc = bl_fail_err(BL_EXIT_REFUSED, &err);
		goto out;
	}
	if (out_path && !(f = fopen(out_path, "w"))) {
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path, strerror(errno));
		f = stdout;
		goto out;
	}
	int w;
	if (csv)
		w = bl_vdiff_write_csv(f, &d, strcmp(csv, "lines") == 0 ? BL_VDIFF_CSV_LINES
									: BL_VDIFF_CSV_AREAS, &err);
	else {
		if (md || out_path)
			fprintf(f, _("# %s: %s → %s\n\n"), app.info.title, old_v, new_v);
		else
			fprintf(f, _("%s → %s\n\n"), old_v, new_v);
		w = bl_vdiff_write_md(f, &d, app.info.lang, unit, &err);
	}
	if (w != 0 || fflush(f) != 0 || ferror(f)) {
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path ? out_path : "stdout",
			     w != 0 ? err.msg : strerror(errno));
		goto out;
	}
	if (out_path)
		printf(_("Wrote the diff %s → %s (%zu changed line(s)) to %s\n"), old_v, new_v,
		       d.n_lines, out_path);
out:
	if (f != stdout && fclose(f) != 0 && rc == 0)
		rc = bl_fail(BL_EXIT_FILE, _("cannot write '%s': %s"), out_path, strerror(errno));
	bl_vdiff_free(&d);
	bl_amend_sources_free(cc.src);
	bl_amend_budget_free(&adopted);
	bl_store_vdiff_src_free(a, na);
	bl_store_vdiff_src_free(b, nb);
	bl_app_close(&app);
	return rc;
}
