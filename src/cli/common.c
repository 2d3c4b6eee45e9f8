/* common.c: what the subcommands share: opening a process, options,
 * messages, formatting, gate reports. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/amend_store.h"
#include "config/process_yaml.h"
#include "core/i18n.h"
#include "core/text.h"

int bl_fail(int code, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", bl_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int bl_fail_err(int code, const bl_err *err)
{
	return bl_fail(code, "%s", err->msg[0] ? err->msg : _("unknown error"));
}

int bl_fail_store(const bl_app *app, const bl_err *err)
{
	return bl_fail_err(bl_store_failed_on_file(app->store) ? BL_EXIT_FILE : BL_EXIT_REFUSED,
			   err);
}

int bl_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s%s%s: ", bl_progname, cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry '%s %s%s--help' for more information.\n"),
		bl_progname, cmd ? cmd : "", cmd ? " " : "");
	return BL_EXIT_USAGE;
}

int bl_opt_error(const char *cmd, int c, char **argv, const struct option *longopts)
{
	/* getopt's own messages are off (opterr = 0) and the option strings
	 * start with ':', so this is the one message, naming the option:
	 * argv[optind - 1] is the word getopt stopped at for a long option
	 * (glibc sets optopt to 0 for an unknown one), optopt a short one. */
	const char *word = optind > 0 ? argv[optind - 1] : "";
	bool is_long = strncmp(word, "--", 2) == 0;
	char name[64];
	size_t n = strcspn(word, "=");
	if (n > sizeof name - 1)
		n = sizeof name - 1;
	memcpy(name, word, n);
	name[n] = '\0';
	if (c == ':') {
		if (is_long)
			return bl_usage(cmd, _("option '%s' needs a value"), name);
		return bl_usage(cmd, _("option '-%c' needs a value"), optopt);
	}
	if (is_long && optopt != 0 && word[n] == '=')
		return bl_usage(cmd, _("option '%s' takes no value"), name);
	if (optopt > ' ' && optopt < 127)
		return bl_usage(cmd, _("unknown option '-%c'"), optopt);
	/* A prefix of two or more options is ambiguous (of one, getopt
	 * would have taken it). */
	char alts[256] = "";
	int n_alts = 0;
	for (const struct option *o = longopts; is_long && n > 2 && o && o->name; o++)
		if (strncmp(o->name, name + 2, n - 2) == 0) {
			size_t len = strlen(alts);
			snprintf(alts + len, sizeof alts - len, "%s--%s", n_alts ? ", " : "",
				 o->name);
			n_alts++;
		}
	if (n_alts > 1)
		return bl_usage(cmd, _("option '%s' is ambiguous; it could be %s"), name, alts);
	return bl_usage(cmd, _("unknown option '%s'"), name);
}

int bl_app_open(bl_app *app, const char *path, bool readonly)
{
	bl_err err = { { 0 } };
	char *yaml = NULL;
	memset(app, 0, sizeof *app);
	if (bl_store_open(path, readonly, &app->store, &err) != 0)
		return bl_fail_err(BL_EXIT_FILE, &err);
	if (bl_store_info(app->store, &app->info, &err) != 0 ||
	    bl_store_config_text(app->store, &yaml, &err) != 0) {
		bl_store_close(app->store);
		app->store = NULL;
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	/* The phase file is kept inside the database; it was valid when the
	 * process was created, so a failure here means the file was damaged. */
	if (bl_config_load_string(yaml, strlen(yaml), path, &app->def, &err) != 0) {
		free(yaml);
		bl_app_close(app);
		bl_err_prefix(&err, _("the process definition stored in '%s' is damaged"), path);
		return bl_fail_err(BL_EXIT_FILE, &err);
	}
	free(yaml);
	/* The gates on the process's own goals compare the labs'
	 * participants with the definition's target shares. */
	bl_store_set_lab_def(app->store, app->def->lab.n_categories ? &app->def->lab : NULL);
	app->path = strdup(path);
	return BL_EXIT_OK;
}

void bl_app_close(bl_app *app)
{
	if (app->store)
		bl_store_close(app->store);
	bl_process_info_free(&app->info);
	bl_process_def_free(app->def);
	free(app->path);
	memset(app, 0, sizeof *app);
}

int bl_opt_unit(const char *cmd, const char *arg, bl_unit *out)
{
	if (bl_unit_from_name(arg, out) != 0)
		return bl_usage(cmd, _("--unit '%s' is not a unit; expected kr, t (1.000 kr.) or mio"), arg);
	return 0;
}

int bl_opt_version(const char *cmd, const char *arg, const char **out)
{
	if (!bl_version_valid(arg))
		return bl_usage(cmd, _("--version '%s' is not a budget version; expected proposal, first_reading or adopted"), arg);
	*out = arg;
	return 0;
}

int bl_opt_int(const char *cmd, const char *opt, const char *arg, long min,
	       long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max)
		return bl_usage(cmd, _("%s '%s' is not a whole number from %ld to %ld"),
				opt, arg, min, max);
	*out = v;
	return 0;
}

int bl_opt_year_amount_for(const bl_app *app, const char *opt, const char *arg, int *year,
			   bl_money *amount)
{
	bl_err err = { { 0 } };
	const char *eq = strchr(arg, '=');
	int first = app->info.budget_year, last = first + app->info.n_years - 1;
	if (!eq || eq == arg)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': expected YEAR=AMOUNT, e.g. %d=1.234.567"), opt, arg, first);
	char ybuf[8];
	size_t yl = (size_t)(eq - arg);
	long y = -1;
	if (yl < sizeof ybuf) {
		memcpy(ybuf, arg, yl);
		ybuf[yl] = '\0';
		char *end;
		y = strtol(ybuf, &end, 10);
		if (*end || end == ybuf)
			y = -1;
	}
	if (y < first || y > last)
		return bl_fail(BL_EXIT_REFUSED, _("%s '%s': the year must be one of the process's years, %d to %d"),
			       opt, arg, first, last);
	if (bl_money_parse_in(eq + 1, strlen(eq + 1), app->info.lang, app->info.currency, amount,
			      &err) != 0)
		return bl_fail(BL_EXIT_REFUSED, _("%s for %ld: %s"), opt, y, err.msg);
	*year = (int)y;
	return 0;
}

int bl_opt_year_amount(const bl_app *app, const char *arg, int *year, bl_money *amount)
{
	return bl_opt_year_amount_for(app, "--amount", arg, year, amount);
}

void bl_fmt_amount(const bl_app *app, bl_money v, bl_unit unit, char *buf,
		   size_t bufsz)
{
	bl_fmt_amount_in(app, v, unit, false, buf, bufsz);
}

void bl_fmt_amount_in(const bl_app *app, bl_money v, bl_unit unit, bool ore,
		      char *buf, size_t bufsz)
{
	if (unit == BL_UNIT_KR && !ore)
		bl_money_format_whole(v, app->info.lang, buf, bufsz);
	else
		bl_money_format(v, app->info.lang, unit, buf, bufsz);
}

const char *bl_overflow_label(void)
{
	return _("overflow");
}

void bl_cell(FILE *f, const char *s, int width, bool right)
{
	char buf[1024];
	bl_text_fit(s, width, right, buf, sizeof buf);
	fputs(buf, f);
}

void bl_cell_left(FILE *f, const char *s, int width)
{
	/* An identifier is never cut either. */
	int w = bl_text_width(s);
	fputs(s, f);
	if (w < width)
		fprintf(f, "%*s", width - w, "");
}

int bl_term_width(void)
{
	/* $COLUMNS first (tests and scripts set it), then the terminal; a pipe
	 * or file gets 80, so output does not depend on where it was run. */
	const char *cols = getenv("COLUMNS");
	if (cols) {
		char *end;
		long v = strtol(cols, &end, 10);
		if (!*end && end != cols && v >= 40 && v <= 1000)
			return (int)v;
	}
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

void bl_cell_num(FILE *f, const char *s, int width)
{
	/* A number is never cut: one that is wider than its column pushes the
	 * row out of line instead, which a reader notices; a cut one lies. */
	int w = bl_text_width(s);
	if (w < width)
		fprintf(f, "%*s", width - w, "");
	fputs(s, f);
}

int bl_amount_width(const bl_app *app, const bl_money *v, size_t n,
		    bl_unit unit, int min)
{
	return bl_amount_width_in(app, v, n, unit, false, min);
}

int bl_amount_width_in(const bl_app *app, const bl_money *v, size_t n,
		       bl_unit unit, bool ore, int min)
{
	int w = min;
	for (size_t i = 0; i < n; i++) {
		char buf[BL_MONEY_BUFSZ];
		bl_fmt_amount_in(app, v[i], unit, ore, buf, sizeof buf);
		int k = bl_text_width(buf);
		if (k > w)
			w = k;
	}
	return w;
}

void bl_print_wrapped(FILE *f, const char *text, int indent, int width)
{
	bl_print_hanging(f, "", text, indent, width);
}

void bl_print_hanging(FILE *f, const char *first, const char *text, int indent,
		      int width)
{
	/* Greedy word wrap by display width, so æ, ø, å count as one column.
	 * The first line starts with `first` (then text at its end, or at
	 * indent if first is shorter); the others at indent. */
	const char *p = text;
	bool first_line = true;
	while (*p) {
		int col = indent;
		const char *line = p, *brk = NULL;
		if (first_line && *first) {
			int w = bl_text_width(first);
			fputs(first, f);
			if (w < indent)
				fprintf(f, "%*s", indent - w, "");
			else
				col = w;
		} else {
			fprintf(f, "%*s", indent, "");
		}
		first_line = false;
		while (*p && *p != '\n') {
			unsigned cp;
			size_t k = bl_utf8_next(p, strlen(p), &cp);
			if (cp == ' ')
				brk = p;
			col += bl_cp_width(cp);
			if (col > width && brk) {
				p = brk;
				break;
			}
			p += k;
		}
		fwrite(line, 1, (size_t)(p - line), f);
		fputc('\n', f);
		while (*p == ' ')
			p++;
		if (*p == '\n') {
			/* A new line in the text starts a paragraph. */
			while (*p == '\n' || *p == ' ')
				p++;
			if (*p)
				fputc('\n', f);
		}
	}
}

int bl_gates_report(bl_app *app, int phase_index, FILE *out, char **failed)
{
	const bl_phase *ph = &app->def->phases[phase_index];
	int n_failed = 0;
	size_t cap = 1, len = 0;
	char *list = NULL;
	if (failed) {
		list = calloc(1, 1);
		if (!list)
			return bl_fail(-1, _("out of memory"));
		*failed = NULL;
	}
	bool broken = false;
	if (out && ph->n_gates == 0)
		fprintf(out, _("  (this phase has no gates)\n"));
	for (size_t i = 0; i < ph->n_gates; i++) {
		char why[1024], desc[256];
		bl_err err = { { 0 } };
		int r = bl_gate_eval(ph, &ph->gates[i], &bl_store_facts_ops,
				     app->store, why, sizeof why, &err);
		if (r < 0) {
			/* A gate that cannot be checked fails, and the report
			 * goes on with the others: the reader sees all of it
			 * (the caller still ends with an error). */
			bl_fail_err(BL_EXIT_FILE, &err);
			snprintf(why, sizeof why, _("cannot be checked: %s"),
				 err.msg[0] ? err.msg : _("unknown error"));
			broken = true;
			r = 0;
		}
		bl_gate_ref_describe(&ph->gates[i], app->info.lang, desc, sizeof desc);
		if (out) {
			fprintf(out, "  %s %s\n", r ? _("pass") : _("FAIL"), desc);
			bl_print_wrapped(out, why, 9, 78);
		}
		if (!r) {
			n_failed++;
			if (list) {
				size_t add = strlen(desc) + strlen(why) + 8;
				char *nl = realloc(list, cap + len + add);
				if (!nl) {
					free(list);
					return bl_fail(-1, _("out of memory"));
				}
				list = nl;
				len += (size_t)snprintf(list + len, add + 1, "%s%s: %s",
							len ? "; " : "", desc, why);
				cap += add;
			}
		}
	}
	if (broken) {
		free(list);
		return -1;
	}
	if (failed)
		*failed = list;
	return n_failed;
}

int bl_opt_text(const char *cmd, const char *opt, const char *arg,
		size_t maxlen, bool allow_newline)
{
	size_t n = strlen(arg);
	if (n == 0 || strspn(arg, " \t") == n)
		return bl_usage(cmd, _("%s must not be empty"), opt);
	if (n > maxlen)
		return bl_usage(cmd, _("%s is %zu bytes long; at most %zu are allowed"), opt, n, maxlen);
	if (!bl_utf8_valid(arg, n))
		return bl_usage(cmd, _("%s is not valid UTF-8 text (was it written in Latin-1 or Windows-1252?)"), opt);
	for (const unsigned char *p = (const unsigned char *)arg; *p; p++)
		if ((*p < 0x20 && !(allow_newline && (*p == '\n' || *p == '\t'))) || *p == 0x7F)
			return bl_usage(cmd, _("%s contains a control character (byte 0x%02X)"), opt, *p);
	return 0;
}

bool bl_wants_help(int argc, char **argv, int upto)
{
	for (int i = 1; i < argc && i <= upto; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

void bl_col(const char *s, int width, bool right)
{
	bl_cell(stdout, s, width, right);
	fputs("  ", stdout);
}

int bl_opt_number(const char *cmd, const char *what, const char *arg, int64_t *out)
{
	long v;
	if (bl_opt_int(cmd, what, arg, 1, 1000000, &v))
		return BL_EXIT_USAGE;
	*out = v;
	return 0;
}

int bl_cli_working_version(bl_app *app, const char **version)
{
	bl_err err = { { 0 } };
	if (bl_store_working_version(app->store, version, &err) != 0) {
		bl_fail_err(BL_EXIT_FILE, &err);
		return -1;
	}
	return 0;
}

int bl_opt_score(const char *cmd, const char *opt, const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < -2 || v > 2)
		return bl_usage(cmd, _("%s '%s': expected a score from -2 (clearly harmful) to"
				       " +2 (clearly good)"), opt, arg);
	*out = (int)v;
	return 0;
}
