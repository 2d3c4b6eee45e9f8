/* cmd_journal.c: the change history, newest first.  Read-only: the journal
 * cannot be edited through the program.
 *
 * Each entry gets a summary in words (core/journal_fmt.c: amounts in the
 * process language and --unit, not øre) above the record as it is stored,
 * which stays: it is the exact audit trail, and what scripts grep. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/journal_fmt.h"
#include "core/text.h"

typedef struct print_ctx {
	const bl_app *app;
	bl_unit unit;
} print_ctx;

/* Text from the file as it is, but with control characters (C0, DEL,
 * C1) and bytes that are not UTF-8 written \xNN byte by byte, as
 * bl_text_quote writes them (which cuts long text; this does not): a damaged
 * or hand-edited record must not send escape sequences to the terminal.
 * Malloc'd; NULL when out of memory. */
static char *escaped(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = malloc(6 * n + 1);
	if (!out)
		return NULL;
	while (i < n) {
		size_t len = bl_utf8_seq((const unsigned char *)s + i, n - i);
		unsigned char c = (unsigned char)s[i];
		if (!len || (len == 1 && (c < 0x20 || c == 0x7F))) {
			o += (size_t)sprintf(out + o, "\\x%02x", c);
			i++;
		} else if (len == 2 && c == 0xC2 && (unsigned char)s[i + 1] < 0xA0) {
			o += (size_t)sprintf(out + o, "\\xc2\\x%02x", (unsigned char)s[i + 1]);
			i += 2;
		} else {
			memcpy(out + o, s + i, len);
			o += len;
			i += len;
		}
	}
	out[o] = '\0';
	return out;
}

/* s escaped, in a column of w (padded by display width, never cut). */
static void print_cell(const char *s, int w)
{
	char *e = escaped(s);
	bl_cell_left(stdout, e ? e : "?", w);
	free(e);
}

static int print_entry(void *ctx, const bl_journal_entry *e)
{
	const print_ctx *pc = ctx;
	char summary[2048];
	printf("%6" PRId64 "  ", e->id);
	print_cell(e->at, 0);
	fputs("  ", stdout);
	print_cell(e->actor, 10);
	fputc(' ', stdout);
	print_cell(e->entity, 9);
	fputc(' ', stdout);
	print_cell(e->action, 7);
	fputc(' ', stdout);
	print_cell(e->key ? e->key : "", 0);
	fputc('\n', stdout);
	bl_journal_summary(e->entity, e->action, e->key, e->before, e->after,
			   pc->app->info.lang, pc->unit, summary, sizeof summary);
	/* Wrapped like the gates' reasons in `status`: an override's failed
	 * gates are long. */
	bl_print_wrapped(stdout, summary, 8, 78);
	if (e->before) {
		fputs(_("        before: "), stdout);
		print_cell(e->before, 0);
		fputc('\n', stdout);
	}
	if (e->after) {
		fputs(_("        after:  "), stdout);
		print_cell(e->after, 0);
		fputc('\n', stdout);
	}
	return 0;
}

int bl_cmd_journal(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "line", required_argument, NULL, 'l' },
		{ "limit", required_argument, NULL, 'n' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *line = NULL;
	long limit = 0;
	bl_unit unit = BL_UNIT_KR;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			line = optarg;
			break;
		case 'n':
			if (bl_opt_int("journal", "--limit", optarg, 1, 1000000000L, &limit))
				return BL_EXIT_USAGE;
			break;
		case 'u':
			if (bl_opt_unit("journal", optarg, &unit))
				return BL_EXIT_USAGE;
			break;
		case 'h':
			printf(_("Usage: %s journal DB [--line CODE] [--limit N] [--unit kr|t|mio]\n"
				 "Every change to the budget, goals and phases, newest first: when,\n"
				 "who, what, a summary in words (amounts in --unit, default kr.), and\n"
				 "the record before and after as stored.  --line shows only the\n"
				 "changes to one budget line and its amounts.\n"), bl_progname);
			return BL_EXIT_OK;
		default:
			return bl_opt_error("journal", c, argv, longopts);
		}
	}
	if (argc - optind != 1)
		return bl_usage("journal", _("expected one database file"));
	if (line && !*line)
		return bl_usage("journal", _("--line needs a line code, e.g. --line 3.22.01"));
	bl_app app;
	int rc = bl_app_open(&app, argv[optind], true);
	if (rc)
		return rc;
	bl_err err = { { 0 } };
	if (line) {
		/* A line that never existed gives a message, not an empty list; a
		 * deleted one still has its history. */
		int64_t n = 0;
		bl_line l = { 0 };
		if (bl_store_journal_count_for(app.store, line, &n, &err) != 0) {
			rc = bl_fail_err(BL_EXIT_REFUSED, &err);
			goto out;
		}
		if (n == 0) {
			char q[BL_QUOTE_MAX];
			bl_text_quote(line, strlen(line), q);
			if (bl_store_line_find(app.store, line, &l, &err) != 0) {
				rc = bl_fail(BL_EXIT_REFUSED, _("there is no budget line '%s', and the journal has nothing about one (see '%s lines %s')"),
					     q, bl_progname, app.path);
				goto out;
			}
			bl_line_clear(&l);
			/* Lines from a bulk load have one entry for the whole load. */
			printf(_("No changes to line %s since it was loaded.\n"), q);
			goto out;
		}
	}
	print_ctx pc = { &app, unit };
	if (bl_store_journal_each(app.store, line, (int)limit, print_entry, &pc, &err) != 0)
		rc = bl_fail_err(BL_EXIT_FILE, &err);
out:
	bl_app_close(&app);
	return rc;
}
