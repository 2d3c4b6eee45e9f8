/* import_view.c: what the import screen draws (screen_import.c has the
 * steps and their keys): the line of steps, the file step, the list of
 * profiles, the preview table (the lines as they will be imported, or the
 * file's own columns) with the selected row in full, and the check's and
 * the import's summary.
 *
 * Everything from the file is drawn through imp_clean or bl_csv_printable, so
 * no byte in a file can reach the terminal as a control sequence; widths
 * come from core/text.c, so æ, ø and å take one column in every table. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/import_yaml.h"
#include "core/gates.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"

#define GAP 2 /* between two amounts: Norwegian groups with a blank */

/* Is line `line` of the file rejected in the preview? */
static const bl_import_reject *rejected(const imp_state *s, long line)
{
	for (size_t i = 0; i < s->prev.n_rejects; i++)
		if (s->prev.rejects[i].line == line)
			return &s->prev.rejects[i];
	return NULL;
}

/* "1/02": the area's path of codes; with names, "1 Byrådsleders
 * avdeling › 02 Barnevern". */
static void area_path(const bl_import *imp, size_t area, bool names, char *buf, size_t bufsz)
{
	size_t chain[BL_IMPORT_MAX_LEVELS + 1], n = 0;
	for (size_t a = area; a && n < BL_IMPORT_MAX_LEVELS + 1; a = imp->areas[a - 1].parent)
		chain[n++] = a;
	size_t o = 0;
	buf[0] = '\0';
	while (n-- && o + 1 < bufsz) {
		const bl_import_area *ar = &imp->areas[chain[n] - 1];
		int w;
		if (names)
			w = snprintf(buf + o, bufsz - o, "%s%s %s", o ? " › " : "", ar->code, ar->name);
		else
			w = snprintf(buf + o, bufsz - o, "%s%s", o ? "/" : "", ar->code);
		if (w < 0)
			break;
		o += (size_t)w;
		if (o >= bufsz)
			o = bufsz - 1;
	}
}

/* The years the preview shows: those the lines have, else all. */
static int shown_years(const tui *t, const imp_state *s, int *ys)
{
	int n = 0;
	for (int y = 0; y < t->info.n_years && y < BL_MAX_YEARS; y++) {
		bool any = false;
		for (size_t i = 0; i < s->prev.n_lines && !any; i++)
			any = s->prev.lines[i].has[y];
		if (any)
			ys[n++] = y;
	}
	if (n == 0)
		for (int y = 0; y < t->info.n_years && y < BL_MAX_YEARS; y++)
			ys[n++] = y;
	return n;
}

/* As the budget screen shows amounts: net expenses, income with a minus. */
static bl_money net(const bl_import_line *l, int y)
{
	return l->dir == BL_DIR_INCOME ? -l->amount[y] : l->amount[y];
}

static void draw_lines(tui *t, imp_state *s, int y0, int list, int x, int w)
{
	int ys[BL_MAX_YEARS];
	int nys = shown_years(t, s, ys);
	char buf[1024];
	int lw = 4, aw = 4, codew = 4, areaw = 0, titlew = 5;
	for (size_t i = 0; i < s->n_items; i++) {
		snprintf(buf, sizeof buf, "%ld", s->items[i].line);
		if ((int)strlen(buf) > lw)
			lw = (int)strlen(buf);
		if (s->items[i].reject)
			continue;
		const bl_import_line *l = &s->prev.lines[s->items[i].idx];
		for (int k = 0; k < nys; k++)
			if (l->has[ys[k]]) {
				tui_fmt_amount(t, net(l, ys[k]), buf, sizeof buf);
				if (bl_text_width(buf) > aw)
					aw = bl_text_width(buf);
			}
		imp_clean(l->code, buf, sizeof buf);
		if (bl_text_width(buf) > codew)
			codew = bl_text_width(buf);
		imp_clean(l->title, buf, sizeof buf);
		if (bl_text_width(buf) > titlew)
			titlew = bl_text_width(buf);
		area_path(&s->prev, l->area, false, buf, sizeof buf);
		if (bl_text_width(buf) > areaw)
			areaw = bl_text_width(buf);
	}
	int dirw = w >= 100 ? 7 : 3;
	if (w < 120 || areaw == 0)
		areaw = 0;
	else if (areaw < 4)
		areaw = 4;
	else if (areaw > 24)
		areaw = 24;
	int rem;
	for (;;) {
		rem = w - lw - 1 - dirw - nys * (aw + GAP) - (areaw ? areaw + 2 : 0);
		if (rem >= 18 || nys <= 1)
			break;
		nys--; /* too narrow for every year: the first ones */
	}
	int cw = codew < rem * 2 / 5 ? codew : rem * 2 / 5;
	if (cw < 4)
		cw = 4;
	int tw = rem - cw - 2;
	if (tw < 1)
		tw = 1;
	/* Wide, the amounts stay beside the titles, not at the far edge. */
	if (tw > titlew + 2)
		tw = titlew + 2;
	/* headings */
	int hx = x;
	tui_put(y0, hx, lw, _("Line"), R_HEADING, true);
	hx += lw + 1;
	if (areaw) {
		tui_put(y0, hx, areaw, _("Area"), R_HEADING, false);
		hx += areaw + 2;
	}
	tui_put(y0, hx, cw, _("Code"), R_HEADING, false);
	hx += cw + 2;
	tui_put(y0, hx, tw, _("Title"), R_HEADING, false);
	hx += tw + 1;
	tui_put(y0, hx, dirw, dirw < 7 ? _("Dir") : _("Dir."), R_HEADING, false);
	hx += dirw;
	for (int k = 0; k < nys; k++) {
		snprintf(buf, sizeof buf, "%d", tui_year(t, ys[k]));
		tui_put(y0, hx + GAP, aw, buf, R_HEADING, true);
		hx += aw + GAP;
	}
	s->page = list;
	imp_clamp_sel(s);
	for (int r = 0; r < list && (size_t)(s->top + r) < s->n_items; r++) {
		const imp_item *it = &s->items[s->top + r];
		int y = y0 + 1 + r;
		bool on = s->top + r == s->sel;
		if (on)
			tui_fill(y, 0, COLS, R_SELECTED);
		int rx = x;
		snprintf(buf, sizeof buf, "%ld", it->line);
		tui_put(y, rx, lw, buf, on ? R_SELECTED : it->reject ? R_ERROR : R_DIM, true);
		rx += lw + 1;
		if (it->reject) {
			char why[1200];
			imp_clean(s->prev.rejects[it->idx].reason, buf, sizeof buf);
			snprintf(why, sizeof why, _("✗ rejected: %s"), buf);
			tui_put(y, rx, x + w - rx, why, on ? R_SELECTED : R_ERROR, false);
			continue;
		}
		const bl_import_line *l = &s->prev.lines[it->idx];
		int role = on ? R_SELECTED : l->dir == BL_DIR_INCOME ? R_INCOME : R_EXPENSE;
		if (areaw) {
			area_path(&s->prev, l->area, false, buf, sizeof buf);
			tui_put(y, rx, areaw, buf, on ? R_SELECTED : R_DIM, false);
			rx += areaw + 2;
		}
		imp_clean(l->code, buf, sizeof buf);
		tui_put(y, rx, cw, buf, on ? R_SELECTED : R_NORMAL, false);
		rx += cw + 2;
		imp_clean(l->title, buf, sizeof buf);
		tui_put(y, rx, tw, buf, on ? R_SELECTED : R_NORMAL, false);
		rx += tw + 1;
		const char *d = l->dir == BL_DIR_INCOME ? (dirw < 7 ? _("inc") : _("income"))
							: (dirw < 7 ? _("exp") : _("expense"));
		tui_put(y, rx, dirw, d, role, false);
		rx += dirw;
		for (int k = 0; k < nys; k++) {
			buf[0] = '\0';
			if (l->has[ys[k]])
				tui_fmt_amount(t, net(l, ys[k]), buf, sizeof buf);
			tui_put(y, rx + GAP, aw, buf, role, true);
			rx += aw + GAP;
		}
	}
	if (s->n_items == 0)
		tui_put(y0 + 1, x, w, s->prev_ok ? _("The file has no data rows.") : "", R_DIM, false);
}

/* Widths of the raw view's columns from the first shown. */
static int raw_width(const imp_state *s, size_t c)
{
	int w = bl_text_width(s->header[c]);
	char buf[1024];
	for (size_t r = 0; r < s->n_rows; r++) {
		imp_clean(imp_field(s, r, (int)c), buf, sizeof buf);
		int k = bl_text_width(buf);
		if (k > w)
			w = k;
	}
	return w < 3 ? 3 : w > 24 ? 24 : w;
}

static void draw_raw(tui *t, imp_state *s, int y0, int list, int x, int w)
{
	(void)t;
	char buf[1024];
	int lw = 4;
	for (size_t r = 0; r < s->n_rows; r++) {
		snprintf(buf, sizeof buf, "%ld", s->rows[r].line);
		if ((int)strlen(buf) > lw)
			lw = (int)strlen(buf);
	}
	if (s->hcol >= (int)s->n_header)
		s->hcol = s->n_header ? (int)s->n_header - 1 : 0;
	if (s->hcol < 0)
		s->hcol = 0;
	s->page = list;
	imp_clamp_sel(s);
	tui_put(y0, x, lw, _("Line"), R_HEADING, true);
	int cx = x + lw + 2;
	size_t c;
	for (c = (size_t)s->hcol; c < s->n_header && cx < x + w; c++) {
		int cw = raw_width(s, c);
		if (cx + cw > x + w)
			cw = x + w - cx;
		imp_clean(s->header[c], buf, sizeof buf);
		tui_put(y0, cx, cw, buf, R_HEADING, false);
		cx += cw + 2;
	}
	s->hlast = (int)c;
	for (int r = 0; r < list && (size_t)(s->top + r) < s->n_rows; r++) {
		const imp_row *ir = &s->rows[s->top + r];
		int y = y0 + 1 + r;
		bool on = s->top + r == s->sel;
		bool rej = rejected(s, ir->line) != NULL;
		if (on)
			tui_fill(y, 0, COLS, R_SELECTED);
		snprintf(buf, sizeof buf, "%ld", ir->line);
		tui_put(y, x, lw, buf, on ? R_SELECTED : rej ? R_ERROR : R_DIM, true);
		if (rej)
			tui_put(y, x + lw, 1, "✗", on ? R_SELECTED : R_ERROR, false);
		if (ir->problem) {
			imp_clean(ir->problem, buf, sizeof buf);
			tui_put(y, x + lw + 2, w - lw - 2, buf, on ? R_SELECTED : R_ERROR, false);
			continue;
		}
		cx = x + lw + 2;
		for (c = (size_t)s->hcol; c < s->n_header && cx < x + w; c++) {
			int cw = raw_width(s, c);
			if (cx + cw > x + w)
				cw = x + w - cx;
			imp_clean(imp_field(s, s->top + r, (int)c), buf, sizeof buf);
			tui_put(y, cx, cw, buf, on ? R_SELECTED : R_NORMAL, false);
			cx += cw + 2;
		}
	}
}

/* A row's fields as "header: value · ...", for the detail under the
 * table; without names when the row has another number of fields. */
static void fields_text(const imp_state *s, const imp_row *ir, char *out, size_t outsz)
{
	char buf[2048];
	size_t o = 0;
	bool named = ir->n == s->n_header;
	out[0] = '\0';
	for (size_t c = 0; c < ir->n && o + 8 < outsz; c++) {
		imp_clean(ir->field[c], buf, sizeof buf);
		int k = named ? snprintf(out + o, outsz - o, "%s%s:", c ? " · " : "", s->header[c])
			      : snprintf(out + o, outsz - o, "%s", c ? " ·" : "");
		if (k < 0)
			break;
		o = o + (size_t)k < outsz ? o + (size_t)k : outsz - 1;
		/* A number (with blanks between its groups) is not cut over
		 * two rows: no-break spaces in it. */
		bool num = buf[0] && strspn(buf, "0123456789 -+.,()") == strlen(buf);
		const char *sp = num ? "\u00a0" : " ";
		if (o + 3 < outsz) {
			memcpy(out + o, sp, strlen(sp));
			o += strlen(sp);
		}
		for (const char *p = buf; *p && o + 3 < outsz; p++) {
			if (num && *p == ' ') {
				memcpy(out + o, "\u00a0", 2);
				o += 2;
			} else {
				out[o++] = *p;
			}
		}
		out[o] = '\0';
	}
}

/* A blank between two digits as a no-break space: "1 362 250" (an
 * amount with its groups) is never cut over two rows. */
static void keep_numbers(const char *in, char *out, size_t outsz)
{
	size_t o = 0;
	for (size_t i = 0; in[i] && o + 3 < outsz; i++) {
		bool digit_before = i > 0 && in[i - 1] >= '0' && in[i - 1] <= '9';
		bool digit_after = in[i + 1] >= '0' && in[i + 1] <= '9';
		if (in[i] == ' ' && digit_before && digit_after) {
			memcpy(out + o, "\u00a0", 2);
			o += 2;
		} else {
			out[o++] = in[i];
		}
	}
	out[o] = '\0';
}

/* Text wrapped into rows [y, y+rows); if it needs more, the last row has
 * all that is left, cut with "…" right after the text that fits. */
static void wrap_cut(int y, int x, int w, int rows, const char *text, int role)
{
	if (rows < 1)
		return;
	if (tui_wrap_rows(w, text) <= rows) {
		tui_wrap(y, x, w, rows, text, role);
		return;
	}
	const char *p = text;
	for (int r = 0; r < rows - 1 && *p; r++) {
		const char *next;
		size_t len = tui_wrap_next(p, w, &next);
		char *row = strndup(p, len);
		if (row) {
			tui_put(y + r, x, w, row, role, false);
			free(row);
		}
		if (next == p)
			break;
		p = next;
	}
	char rest[8192];
	snprintf(rest, sizeof rest, "%s", p);
	for (char *c = rest; *c; c++)
		if (*c == '\n')
			*c = ' ';
	tui_put(y + rows - 1, x, w, rest, role, false);
}

/* The selected row in full, under the table. */
static void draw_detail(tui *t, imp_state *s, int y, int rows, int x, int w)
{
	char text[8192], buf[2048], amt[BL_MONEY_BUFSZ], ftext[4096];
	size_t o = 0;
	text[0] = '\0';
#define ADD(...)                                                                  \
	do {                                                                      \
		int n_ = snprintf(text + o, sizeof text - o, __VA_ARGS__);       \
		if (n_ > 0)                                                       \
			o = o + (size_t)n_ < sizeof text ? o + (size_t)n_ : sizeof text - 1; \
	} while (0)
	int role = R_NORMAL;
	if (s->raw_view) {
		if ((size_t)s->sel >= s->n_rows)
			return;
		const imp_row *ir = &s->rows[s->sel];
		const bl_import_reject *rj = rejected(s, ir->line);
		ADD(_("Line %ld: "), ir->line);
		if (ir->problem) {
			imp_clean(ir->problem, buf, sizeof buf);
			ADD("%s", buf);
			role = R_ERROR;
		}
		fields_text(s, ir, ftext, sizeof ftext);
		ADD("%s", ftext);
		if (rj) {
			char kept[sizeof buf * 2];
			imp_clean(rj->reason, buf, sizeof buf);
			keep_numbers(buf, kept, sizeof kept);
			ADD(_("\nRejected: %s"), kept);
		}
	} else {
		if ((size_t)s->sel >= s->n_items)
			return;
		const imp_item *it = &s->items[s->sel];
		if (it->reject) {
			const bl_import_reject *rj = &s->prev.rejects[it->idx];
			char kept[sizeof buf * 2];
			imp_clean(rj->reason, buf, sizeof buf);
			keep_numbers(buf, kept, sizeof kept);
			ADD(_("Line %ld is rejected: %s\n"), rj->line, kept);
			/* Its fields by name when the preview has them: easier
			 * to read than the bytes, and they wrap. */
			const imp_row *ir = NULL;
			for (size_t r = 0; r < s->n_rows; r++)
				if (s->rows[r].line == rj->line && !s->rows[r].problem)
					ir = &s->rows[r];
			if (ir)
				fields_text(s, ir, ftext, sizeof ftext);
			else
				bl_csv_printable(s->csv, rj->raw, rj->raw_len, ftext, sizeof ftext);
			ADD(_("It holds: %s"), ftext);
			role = R_ERROR;
		} else {
			const bl_import_line *l = &s->prev.lines[it->idx];
			char code[512], title[512];
			area_path(&s->prev, l->area, true, buf, sizeof buf);
			imp_clean(l->code, code, sizeof code);
			imp_clean(l->title, title, sizeof title);
			ADD(_("%s %s · %s · %s · area %s\n"), code, title,
			    l->dir == BL_DIR_INCOME ? _("income") : _("expense"),
			    bl_kind_name(s->prof->kind), l->area ? buf : _("none (the municipality)"));
			int nrow = 0;
			for (int64_t r = 0; r < s->prev.rows; r++)
				if (s->prev.row_line[r] == it->idx + 1)
					nrow++;
			if (nrow == 1)
				ADD(_("From line %ld"), l->first_row);
			else
				ADD(_("From %d rows: lines"), nrow);
			if (nrow > 1)
				for (int64_t r = 0, k = 0; r < s->prev.rows; r++)
					if (s->prev.row_line[r] == it->idx + 1)
						ADD("%s%ld", k++ ? ", " : " ", s->prev.row_no[r]);
			ADD("%s", _(" (in kr., net expenses):"));
			for (int yi = 0; yi < s->prev.n_years; yi++)
				if (l->has[yi]) {
					bl_money_format_whole(net(l, yi), t->info.lang, amt, sizeof amt);
					/* No-break spaces: a year and its amount
					 * (with its blanks between groups) stay on
					 * one row. */
					ADD("  %d:\u00a0", tui_year(t, yi));
					for (const char *c = amt; *c; c++)
						if (*c == ' ')
							ADD("\u00a0");
						else
							ADD("%c", *c);
				}
		}
	}
#undef ADD
	wrap_cut(y, x, w, rows, text, role);
}

void imp_draw_table(tui *t, imp_state *s, int top, int rows, bool detail)
{
	int x = 1, w = COLS - 2;
	int det = detail ? (rows >= 30 ? 6 : rows >= 14 ? 4 : 0) : 0;
	int list = rows - 1 - (det ? det + 1 : 0);
	if (list < 1)
		list = 1;
	if (s->prev_err[0] && !s->raw_view) {
		int n = tui_wrap(top, x, w, rows, s->prev_err, R_ERROR);
		if (n < rows)
			tui_wrap(top + n, x, w, rows - n,
				 _("The file's own columns: r.  The mapping: m (a column's name may differ from what the profile says)."),
				 R_DIM);
		return;
	}
	if (s->raw_view)
		draw_raw(t, s, top, list, x, w);
	else
		draw_lines(t, s, top, list, x, w);
	if (det) {
		int yd = top + rows - det - 1;
		for (int cx = 0; cx < COLS; cx++)
			tui_puts(yd, cx, "─", R_DIM);
		draw_detail(t, s, yd + 1, det, x, w);
	}
}

/* ---- drawing ---- */

void imp_draw_steps(tui *t, imp_state *s, int y)
{
	(void)t;
	static const char *const names[] = { N_("File"), N_("Profile"), N_("Preview"), N_("Check"), N_("Import") };
	int cur = s->step == IS_FILE ? 0 : s->step == IS_PROFILE || s->step == IS_MAP ? 1
		  : s->step == IS_PREVIEW ? 2 : s->step == IS_CHECK ? 3 : 4;
	int x = 1;
	for (int i = 0; i < 5; i++) {
		char buf[64];
		const char *name = i == 1 && s->step == IS_MAP ? _("Mapping") : _(names[i]);
		snprintf(buf, sizeof buf, " %d %s ", i + 1, name);
		int role = i == cur ? R_CURRENT : i < cur || (i == 4 && s->imported) ? R_DONE : R_DIM;
		x += tui_puts(y, x, buf, role);
		if (i < 4)
			x += tui_puts(y, x, "›", R_DIM);
	}
	if (!s->csv)
		return;
	char info[1024], cols[64];
	bl_csv *c = s->csv;
	const char *prof = s->prof ? s->prof->name : "";
	snprintf(cols, sizeof cols, ngettext("%zu column", "%zu columns", (unsigned long)s->n_header), s->n_header);
	snprintf(info, sizeof info, _("%s · %s%s · delimiter %s · %s%s%s%s"), s->base,
		 bl_encoding_name(bl_csv_encoding(c)), bl_csv_bom(c) ? _(" with BOM") : "",
		 imp_delim_name(bl_csv_delimiter(c)), cols, s->prof ? _(" · profile ") : "", prof,
		 s->prof && s->prof_edited ? _(" (changed, not saved)") : "");
	tui_put(y + 1, 1, COLS - 2, info, R_DIM, false);
}

void imp_draw_hints(int y, int reserve, const imp_hint *h, int n)
{
	bool on[16];
	int sep = 2, avail = COLS - 2 - reserve, total = 0, shown = 0;
	if (n > 16)
		n = 16;
	for (int i = 0; i < n; i++) {
		on[i] = true;
		total += (shown++ ? sep : 0) + bl_text_width(_(h[i].text));
	}
	/* Too wide: leave out the least wanted first, never cut one (a cut
	 * "Esc: prev…" could be the preview or the previous step). */
	while (total > avail && shown > 0) {
		int worst = -1;
		for (int i = 0; i < n; i++)
			if (on[i] && (worst < 0 || h[i].prio >= h[worst].prio))
				worst = i;
		on[worst] = false;
		total -= bl_text_width(_(h[worst].text)) + (shown > 1 ? sep : 0);
		shown--;
	}
	char buf[1024];
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!on[i])
			continue;
		int k = snprintf(buf + o, sizeof buf - o, "%s%s", o ? "  " : "", _(h[i].text));
		if (k < 0 || o + (size_t)k >= sizeof buf)
			break;
		o += (size_t)k;
	}
	tui_put(y, 1, avail > 0 ? avail : 0, buf, R_DIM, false);
}


static void draw_file(tui *t, imp_state *s, int y, int end)
{
	int x = 2, w = COLS - 4;
	char cwd[PATH_MAX], buf[PATH_MAX + 256];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "%s", ".");
	y += tui_wrap(y, x, w, end - y,
		      _("The CSV file to import: a finance system's export, in UTF-8 or Windows-1252, with ';', ',' or tab between the fields, the column names on the first line."),
		      R_NORMAL);
	y++;
	snprintf(buf, sizeof buf, _("File: %s"), s->csv ? s->path : _("(none yet)"));
	tui_put(y++, x, w, buf, s->csv ? R_TOTAL : R_DIM, false);
	y++;
	snprintf(buf, sizeof buf, _("Enter: type its path (relative to %s; ~ is your home folder)."), cwd);
	y += tui_wrap(y, x, w, end - y, buf, R_INFO);
	if (s->err[0] && y < end) {
		y++;
		y += tui_wrap(y, x, w, end - y, s->err, R_ERROR);
	}
	if (s->csv && y + 1 < end) {
		y++;
		tui_wrap(y, x, w, end - y, _("Esc goes back to the process screen; the file stays open here (5)."), R_DIM);
	}
}

static void draw_profiles(tui *t, imp_state *s, int top, int rows)
{
	(void)t;
	int x = 1, w = COLS - 2;
	char buf[1024];
	int y = top;
	tui_put(y++, x, w, _("Which import profile maps the file's columns to areas and lines?"), R_NORMAL, false);
	int namew = 8;
	for (size_t i = 0; i < s->n_profs; i++)
		if (bl_text_width(s->profs[i].name) > namew)
			namew = bl_text_width(s->profs[i].name);
	if (namew > w / 3)
		namew = w / 3;
	int fitw = bl_text_width(_("does not fit")), fromw = 7;
	if (fitw < bl_text_width(_("The file")))
		fitw = bl_text_width(_("The file"));
	int titlew = w - 2 - namew - 2 - fitw - 2 - fromw - 2, maxt = bl_text_width(_("Title"));
	for (size_t i = 0; i < s->n_profs; i++)
		if (s->profs[i].title && bl_text_width(s->profs[i].title) > maxt)
			maxt = bl_text_width(s->profs[i].title);
	if (titlew > maxt + 2)
		titlew = maxt + 2;
	tui_put(y, x + 2, namew, _("Profile"), R_HEADING, false);
	tui_put(y, x + 2 + namew + 2, titlew, _("Title"), R_HEADING, false);
	tui_put(y, x + 2 + namew + 2 + titlew + 2, fitw, _("The file"), R_HEADING, false);
	int fromx = x + 2 + namew + 2 + titlew + 2 + fitw + 2;
	tui_put(y, fromx, fromw, _("From"), R_HEADING, false);
	y++;
	int det = rows >= 30 ? 7 : 4;
	int list = top + rows - 1 - det - 1 - y;
	if (list < 1)
		list = 1;
	s->ppage = list;
	int n = (int)s->n_profs + 1;
	if (s->psel >= n)
		s->psel = n - 1;
	if (s->psel < 0)
		s->psel = 0;
	if (s->ptop > s->psel)
		s->ptop = s->psel;
	if (s->psel >= s->ptop + list)
		s->ptop = s->psel - list + 1;
	for (int r = 0; r < list && s->ptop + r < n; r++) {
		int i = s->ptop + r, yy = y + r;
		bool on = i == s->psel;
		if (on)
			tui_fill(yy, 0, COLS, R_SELECTED);
		tui_put(yy, x, 2, on ? "▸" : " ", on ? R_SELECTED : R_NORMAL, false);
		if (i == (int)s->n_profs) {
			tui_put(yy, x + 2, w - 2, _("+ A new mapping from the file's columns"), on ? R_SELECTED : R_INFO, false);
			continue;
		}
		const imp_prof *p = &s->profs[i];
		int base = on ? R_SELECTED : R_NORMAL;
		tui_put(yy, x + 2, namew, p->name, base, false);
		imp_clean(p->title, buf, sizeof buf);
		tui_put(yy, x + 2 + namew + 2, titlew, p->error ? _("(cannot be read)") : buf,
			on ? R_SELECTED : p->error ? R_ERROR : R_NORMAL, false);
		const char *fit = p->error ? "" : !s->csv ? "" : p->misfit ? _("does not fit") : _("fits");
		tui_put(yy, x + 2 + namew + 2 + titlew + 2, fitw, fit,
			on ? R_SELECTED : p->misfit ? R_FAIL : R_PASS, false);
		tui_put(yy, fromx, fromw, p->user ? _("yours") : _("shipped"), on ? R_SELECTED : R_DIM, false);
	}
	int yd = top + rows - det - 1;
	for (int cx = 0; cx < COLS; cx++)
		tui_puts(yd, cx, "─", R_DIM);
	yd++;
	det--; /* the rows above the hints */
	if (s->psel == (int)s->n_profs) {
		tui_wrap(yd, x, w, det,
			 _("A mapping of your own, guessed from the header and the first row: the mapping editor opens, where you say which column is what; S saves it as a profile."),
			 R_NORMAL);
	} else if (s->psel < (int)s->n_profs) {
		const imp_prof *p = &s->profs[s->psel];
		/* Where it is, short: ~ for the home folder; a shipped one
		 * by its file name. */
		char where[4200];
		const char *home = getenv("HOME"), *b = strrchr(p->path, '/');
		size_t hn = home ? strlen(home) : 0;
		if (p->user && hn && strncmp(p->path, home, hn) == 0 && p->path[hn] == '/')
			snprintf(where, sizeof where, _("Yours: ~%s"), p->path + hn);
		else if (p->user)
			snprintf(where, sizeof where, _("Yours: %s"), p->path);
		else
			snprintf(where, sizeof where, _("Shipped with budgetlab: %s"), b ? b + 1 : p->path);
		int used = tui_wrap(yd, x, w, det, where, R_DIM);
		const char *bad = p->error ? p->error : p->misfit;
		if (bad && used < det)
			used += tui_wrap(yd + used, x, w, det - used, bad, R_ERROR);
		if (p->description && used < det) {
			char d[4096];
			snprintf(d, sizeof d, "%s", p->description);
			/* Paragraphs stay; any other control character is a blank. */
			for (char *c = d; *c; c++)
				if ((unsigned char)*c < 0x20 && *c != '\n')
					*c = ' ';
			wrap_cut(yd + used, x, w, det - used, d, R_NORMAL);
		}
	}
	static const imp_hint hints[] = {
		{ N_("Enter: take it"), 1 }, { N_("m: take it into the mapping editor"), 3 }, { N_("Esc: another file"), 2 },
	};
	imp_draw_hints(top + rows - 1, 0, hints, 3);
}

/* ---- the check and the import ---- */

typedef struct trow {
	char text[1024];
	int role;
} trow;

typedef struct tbuf {
	trow *r;
	int n, cap;
} tbuf;

static void tadd(tbuf *b, int role, const char *fmt, ...) BL_PRINTF(3, 4);
static void tadd(tbuf *b, int role, const char *fmt, ...)
{
	if (b->n == b->cap) {
		int cap = b->cap ? b->cap * 2 : 64;
		trow *nr = realloc(b->r, (size_t)cap * sizeof *nr);
		if (!nr)
			return;
		b->r = nr;
		b->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->r[b->n].text, sizeof b->r[b->n].text, fmt, ap);
	va_end(ap);
	b->r[b->n].role = role;
	b->n++;
}

/* A long text as rows of width w: the first after `first`, the others
 * after `indent`. */
static void tadd_wrap2(tbuf *b, int role, int w, const char *first, const char *indent, const char *text)
{
	int fw = bl_text_width(first), iw = bl_text_width(indent);
	const char *p = text;
	bool one = true;
	if (!*p && *first)
		tadd(b, role, "%s", first);
	while (*p) {
		const char *next;
		int pw = one ? fw : iw;
		size_t len = tui_wrap_next(p, w - pw > 10 ? w - pw : 10, &next);
		tadd(b, role, "%s%.*s", one ? first : indent, (int)len, p);
		one = false;
		if (next == p)
			break;
		p = next;
	}
}

static void tadd_wrap(tbuf *b, int role, int w, const char *indent, const char *text)
{
	tadd_wrap2(b, role, w, indent, indent, text);
}

/* The next row of a file's row in width columns, as tui_wrap_next, but
 * broken after a delimiter (a field's end) rather than at a blank inside
 * a field, unless that leaves the row less than half full. */
static size_t fields_next(const char *s, int width, char delim, const char **next)
{
	size_t n = strlen(s), i = 0, at_delim = 0, at_blank = 0;
	int w = 0, w_delim = 0;
	while (i < n) {
		unsigned cp;
		size_t len = bl_utf8_next(s + i, n - i, &cp);
		if (!len)
			break;
		int cw = bl_cp_width(cp);
		if (w + cw > width) {
			size_t brk = at_delim && (w_delim * 2 >= width || !at_blank) ? at_delim : at_blank;
			if (brk == 0)
				brk = i ? i : len; /* one field longer than the row: cut */
			*next = s + brk;
			while (**next == ' ')
				(*next)++;
			return brk;
		}
		w += cw;
		i += len;
		if (cp == (unsigned char)delim) {
			at_delim = i;
			w_delim = w;
		} else if (cp == ' ') {
			at_blank = i - len;
		}
	}
	*next = s + i;
	return i;
}

static void tadd_fields(tbuf *b, int role, int w, const char *indent, const char *text, char delim)
{
	int iw = bl_text_width(indent);
	const char *p = text;
	while (*p) {
		const char *next;
		size_t len = fields_next(p, w - iw > 10 ? w - iw : 10, delim, &next);
		tadd(b, role, "%s%.*s", indent, (int)len, p);
		if (next == p)
			break;
		p = next;
	}
}

/* "Label     text", the text wrapped under itself. */
static void tkv(tbuf *b, int role, int w, const char *label, const char *text)
{
	char first[256], indent[64];
	int lw = bl_text_width(label) + 1;
	if (lw < 10)
		lw = 10;
	if (lw > 40)
		lw = 40;
	bl_text_fit(label, lw, false, first, sizeof first);
	memset(indent, ' ', (size_t)lw);
	indent[lw] = '\0';
	tadd_wrap2(b, role, w, first, indent, text);
}

static void summary_rows(tui *t, imp_state *s, tbuf *b, int w, bool tall)
{
	const bl_import *imp = &s->run;
	const bl_import_profile *p = s->prof;
	const bl_bulk_counts *n = &s->res.counts;
	char buf[4096], amt[BL_MONEY_BUFSZ];
	bl_csv *c = s->csv;
	bool done = s->step == IS_DONE;
	const char *vt = imp_version_title(s->version);
	if (done) {
		if (s->add)
			snprintf(buf, sizeof buf, _("Added to the %s of %s (the journal has one entry for it)."), vt, t->path);
		else
			snprintf(buf, sizeof buf, _("Imported into %s, the %s (the journal has one entry for it)."), t->path, vt);
		tadd_wrap(b, R_PASS, w, "", buf);
		if (n->lines_removed > 0) {
			/* Said first and loud: lines the user may have wanted are
			 * gone, and how to keep them next time. */
			snprintf(buf, sizeof buf,
				 ngettext("%" PRId64 " line that was in the %s but not in the file was removed: the import replaced the version. To keep the lines a file does not have, import it with \"add\" (A on the check step).",
					  "%" PRId64 " lines that were in the %s but not in the file were removed: the import replaced the version. To keep the lines a file does not have, import it with \"add\" (A on the check step).",
					  (unsigned long)n->lines_removed),
				 n->lines_removed, vt);
			tadd_wrap(b, R_FAIL, w, "", buf);
		}
	} else if (t->readonly) {
		snprintf(buf, sizeof buf, _("'%s' is open read-only (the projector's way): an import needs a read-write open, as `budgetlab %s`."),
			 t->path, t->path);
		tadd_wrap(b, R_LOCKED, w, "", buf);
		return;
	} else if (s->checked) {
		tadd_wrap(b, R_INFO, w, "", _("A dry run of the whole file: nothing has been changed yet."));
	}
	if (s->run_err[0]) {
		tadd_wrap(b, R_ERROR, w, "", s->run_err);
		tadd(b, R_NORMAL, "%s", "");
		tadd_wrap(b, R_DIM, w, "", s->run_read && s->run.header
			  ? _("Nothing was changed.  Enter checks again (a lock may have gone with the phase); m changes the mapping.")
			  : _("Nothing was changed.  m changes the mapping; Esc goes back to the preview."));
		if (!s->run_read || !s->run.header)
			return;
		if (!s->checked && !done)
			return;
	}
	if (done && s->done_err[0])
		tadd_wrap(b, R_ERROR, w, "", s->done_err);
	if (!done && s->refused[0])
		tadd_wrap(b, R_ERROR, w, "", s->refused);
	tadd(b, R_NORMAL, "%s", "");
	snprintf(buf, sizeof buf, _("%s (%s%s, delimiter %s)"), s->base, bl_encoding_name(bl_csv_encoding(c)),
		 bl_csv_bom(c) ? _(" with BOM") : "", imp_delim_name(bl_csv_delimiter(c)));
	tkv(b, R_NORMAL, w, _("File"), buf);
	/* Where the profile is: a shipped one by its name, one's own by its
	 * path as it really is (no "_build/../config"). */
	char where[PATH_MAX];
	const char *wh = s->prof_new ? NULL : imp_profile_where(p, where, sizeof where);
	if (s->prof_edited)
		snprintf(buf, sizeof buf, _("%s (changed on this screen, not saved)"), p->name);
	else if (wh)
		snprintf(buf, sizeof buf, "%s (%s)", p->name, wh);
	else
		snprintf(buf, sizeof buf, _("%s (shipped with budgetlab)"), p->name);
	tkv(b, R_NORMAL, w, _("Profile"), buf);
	if (done)
		snprintf(buf, sizeof buf, "%s", s->version);
	else
		snprintf(buf, sizeof buf, _("%s (v: another version)"), s->version);
	tkv(b, R_NORMAL, w, _("Version"), buf);
	int role = R_NORMAL;
	if (done && s->add)
		snprintf(buf, sizeof buf, "%s", _("added the file's amounts; the version's other lines stayed"));
	else if (done && n->lines_removed > 0) {
		snprintf(buf, sizeof buf,
			 ngettext("replaced the version: %" PRId64 " line that was not in the file was removed",
				  "replaced the version: %" PRId64 " lines that were not in the file were removed",
				  (unsigned long)n->lines_removed),
			 n->lines_removed);
		role = R_FAIL;
	} else if (done)
		snprintf(buf, sizeof buf, "%s", _("replaced the version"));
	else if (s->add)
		snprintf(buf, sizeof buf, "%s", _("adds the file's amounts; the version's other lines stay (A: replace)"));
	else if (s->checked && n->lines_removed > 0) {
		/* The dry run counted them: say how many would go. */
		snprintf(buf, sizeof buf,
			 ngettext("replaces the version: %" PRId64 " line not in the file would be removed (A: add)",
				  "replaces the version: %" PRId64 " lines not in the file would be removed (A: add)",
				  (unsigned long)n->lines_removed),
			 n->lines_removed);
		role = R_FAIL;
	} else
		snprintf(buf, sizeof buf, "%s", _("replaces the version: its lines not in the file are removed (A: add)"));
	tkv(b, role, w, _("Import"), buf);
	snprintf(buf, sizeof buf, _("%" PRId64 " read, %zu rejected"), imp->rows, imp->n_rejects);
	tkv(b, R_NORMAL, w, _("Rows"), buf);
	if (done)
		snprintf(buf, sizeof buf, _("%zu: %" PRId64 " created, %" PRId64 " updated, %" PRId64 " removed; areas: %" PRId64 " created"),
			 imp->n_lines, n->lines_created, n->lines_updated, n->lines_removed, n->areas);
	else if (s->add)
		snprintf(buf, sizeof buf, _("%zu: %" PRId64 " created, %" PRId64 " updated; areas: %" PRId64 " created"),
			 imp->n_lines, n->lines_created, n->lines_updated, n->areas);
	else
		snprintf(buf, sizeof buf, _("%zu: %" PRId64 " created, %" PRId64 " updated, %" PRId64 " would be removed; areas: %" PRId64 " created"),
			 imp->n_lines, n->lines_created, n->lines_updated, n->lines_removed, n->areas);
	tkv(b, R_NORMAL, w, _("Lines"), buf);
	if (imp->rows && !imp->year_seen[0]) {
		snprintf(buf, sizeof buf, _("the file has no amounts for the budget year %d: is it the file of another year?"),
			 imp->first_year);
		tkv(b, R_FAIL, w, _("Note"), buf);
	}
	if (!s->add) {
		snprintf(buf, sizeof buf, _("%" PRId64 " amounts of the version before"), n->amounts_replaced);
		tkv(b, R_NORMAL, w, _("Replaced"), buf);
	}
	bool sub = p->same_line == BL_SAME_SUBLINES;
	snprintf(buf, sizeof buf, "%s%s", sub ? _("each row a sub-line of its own (CODE.SUB)") : _("rows summed into one line"),
		 done ? "" : sub ? _(" (s: sum)") : p->sub_code.n ? _(" (s: sub-lines)") : "");
	tkv(b, R_NORMAL, w, _("Same code"), buf);
	if (done) {
		if (imp->n_rejects && s->rejects_written[0]) {
			snprintf(buf, sizeof buf,
				 _("%zu rows written, unchanged, to %s: fix the rows there and import that file with \"add\" (A on the check step), so that it adds to the version instead of replacing it"),
				 imp->n_rejects, s->rejects_written);
			tkv(b, R_INFO, w, _("Rejects"), buf);
		}
	} else if (s->lenient) {
		snprintf(buf, sizeof buf, _("lenient: rejected rows go to %s (l: strict)"),
			 s->rejects);
		tkv(b, imp->n_rejects ? R_INFO : R_NORMAL, w, _("Rejects"), buf);
	} else if (imp->n_rejects) {
		tkv(b, R_FAIL, w, _("Rejects"), _("strict, so nothing can be imported (l: import the others)"));
	} else {
		tkv(b, R_NORMAL, w, _("Rejects"), _("strict: a rejected row would stop the import (l: lenient)"));
	}
	tadd(b, R_NORMAL, "%s", "");
	if (imp->n_rejects)
		/* The rejected rows are not in the sums. */
		snprintf(buf, sizeof buf, "%s", _("Sums per year of the sound rows, as signed in the file (kr.)"));
	else
		snprintf(buf, sizeof buf, "%s", _("Sums of the file's amounts per year, as signed in the file (kr.)"));
	tadd_wrap(b, R_HEADING, w, "", buf);
	int aw = 4;
	for (int y = 0; y < imp->n_years; y++) {
		bl_money v;
		if (imp->year_seen[y] && bl_import_year_sum(imp, y, &v)) {
			bl_money_format_whole(v, t->info.lang, amt, sizeof amt);
			if (bl_text_width(amt) > aw)
				aw = bl_text_width(amt);
		}
	}
	/* A column of years when there is room; else side by side (a year
	 * and its amount never cut apart), so the rejected rows below stay
	 * in sight on 24 rows. */
	char line[2048] = "";
	size_t lo = 0;
	bool any = false;
	for (int y = 0; y < imp->n_years; y++) {
		if (!imp->year_seen[y])
			continue;
		bl_money v;
		any = true;
		if (bl_import_year_sum(imp, y, &v))
			bl_money_format_whole(v, t->info.lang, amt, sizeof amt);
		else
			snprintf(amt, sizeof amt, "%s", _("overflow"));
		char cell[128];
		bl_text_fit(amt, aw, true, cell, sizeof cell);
		if (tall) {
			tadd(b, R_NORMAL, "  %d  %s", imp->first_year + y, cell);
			continue;
		}
		int k = snprintf(line + lo, sizeof line - lo, "%s%d:\u00a0", lo ? "   " : "", imp->first_year + y);
		lo = k > 0 && lo + (size_t)k < sizeof line ? lo + (size_t)k : lo;
		for (const char *c2 = cell; *c2 && lo + 3 < sizeof line; c2++) {
			if (*c2 == ' ') {
				memcpy(line + lo, "\u00a0", 2);
				lo += 2;
			} else {
				line[lo++] = *c2;
			}
		}
		line[lo] = '\0';
	}
	if (!tall && lo)
		tadd_wrap(b, R_NORMAL, w, "  ", line);
	if (!any)
		tadd(b, R_DIM, "%s", _("  (no amounts)"));
	if (imp->n_rejects) {
		tadd(b, R_NORMAL, "%s", "");
		tadd(b, R_HEADING, _("Rejected rows (%zu)"), imp->n_rejects);
		for (size_t i = 0; i < imp->n_rejects && i < IMP_LISTED_REJECTS; i++) {
			const bl_import_reject *r = &imp->rejects[i];
			char why[1200], kept[2400];
			imp_clean(r->reason, buf, sizeof buf);
			snprintf(why, sizeof why, _("line %ld: %s"), r->line, buf);
			keep_numbers(why, kept, sizeof kept);
			tadd_wrap(b, R_ERROR, w, "  ", kept);
			bl_csv_printable(c, r->raw, r->raw_len, buf, sizeof buf);
			char row[sizeof buf * 2];
			keep_numbers(buf, row, sizeof row);
			tadd_fields(b, R_DIM, w, "    ", row, bl_csv_delimiter(c));
		}
		if (imp->n_rejects > IMP_LISTED_REJECTS)
			tadd(b, R_DIM, _("  … %zu more (a lenient import writes them all to the reject file)"),
			     imp->n_rejects - IMP_LISTED_REJECTS);
	}
}

static void draw_summary(tui *t, imp_state *s, int top, int rows)
{
	if (s->busy) {
		char buf[1024];
		snprintf(buf, sizeof buf, "%s  %s", s->busy, s->base);
		tui_wrap(top + 1, 1, COLS - 2, rows - 1, buf, R_INFO);
		return;
	}
	tbuf b = { 0 };
	int w = COLS - 2;
	summary_rows(t, s, &b, w, rows >= 30);
	int list = rows - 1;
	s->tpage = list;
	s->trows = b.n;
	if (s->ttop > b.n - list)
		s->ttop = b.n - list;
	if (s->ttop < 0)
		s->ttop = 0;
	for (int r = 0; r < list && s->ttop + r < b.n; r++)
		tui_put(top + r, 1, w, b.r[s->ttop + r].text, b.r[s->ttop + r].role, false);
	/* Where the view is, at the right of the hints' row: its columns
	 * are the counter's, the hints fit in the others. */
	int reserve = 0;
	if (b.n > list) {
		char pos[64];
		snprintf(pos, sizeof pos, "%d–%d/%d", s->ttop + 1, s->ttop + list < b.n ? s->ttop + list : b.n, b.n);
		int pw = bl_text_width(pos);
		tui_put(top + rows - 1, COLS - 1 - pw, pw, pos, R_DIM, true);
		reserve = pw + 2;
	}
	free(b.r);
	bool can = s->checked && !(s->run.n_rejects && !s->lenient);
	bool sub = s->prof->same_line == BL_SAME_SUBLINES;
	imp_hint h[8];
	int n = 0;
	if (s->step == IS_DONE) {
		h[n++] = (imp_hint){ N_("2: the budget"), 1 };
		h[n++] = (imp_hint){ N_("Enter: another import"), 3 };
		h[n++] = (imp_hint){ N_("Esc: the preview"), 2 };
	} else if (t->readonly) {
		h[n++] = (imp_hint){ N_("Esc: the preview"), 1 };
	} else if (s->checked) {
		if (can)
			h[n++] = (imp_hint){ N_("Enter: import"), 1 };
		h[n++] = (imp_hint){ N_("v: version"), 5 };
		h[n++] = (imp_hint){ s->add ? N_("A: replace") : N_("A: add"), 4 };
		h[n++] = s->lenient ? (imp_hint){ N_("l: strict"), 3 }
			  : s->run.n_rejects ? (imp_hint){ N_("l: import the others"), 1 }
					     : (imp_hint){ N_("l: lenient"), 3 };
		if (sub || s->prof->sub_code.n)
			h[n++] = (imp_hint){ sub ? N_("s: sum") : N_("s: sub-lines"), 6 };
		h[n++] = (imp_hint){ N_("Esc: preview"), 2 };
	} else {
		h[n++] = (imp_hint){ N_("Enter: check again"), 1 };
		h[n++] = (imp_hint){ N_("m: the mapping"), 3 };
		h[n++] = (imp_hint){ N_("Esc: the preview"), 2 };
	}
	imp_draw_hints(top + rows - 1, reserve, h, n);
}

static void draw_preview(tui *t, imp_state *s, int top, int rows)
{
	char head[1024];
	imp_draw_table(t, s, top + 1, rows - 2, true); /* first: it knows the columns shown */
	if (s->raw_view)
		snprintf(head, sizeof head, _("The file's own columns %d–%d of %zu (←/→ for the others), its first %zu rows"),
			 s->hcol + 1, s->hlast, s->n_header, s->n_rows);
	else if (s->prev_ok)
		snprintf(head, sizeof head, _("First %" PRId64 " rows: %zu lines, %zu rejected · %s, income with −"),
			 s->prev.rows, s->prev.n_lines, s->prev.n_rejects, bl_unit_label(t->unit, t->info.lang));
	else
		snprintf(head, sizeof head, "%s", _("The profile does not fit the file:"));
	tui_put(top, 1, COLS - 2, head, s->prev_ok || s->raw_view ? R_NORMAL : R_ERROR, false);
	static const imp_hint ok[] = {
		{ N_("Enter: check the whole file"), 1 }, { N_("m: mapping"), 3 }, { N_("r: raw/lines"), 4 },
		{ N_("u: unit"), 5 }, { N_("Esc: profiles"), 2 },
	};
	static const imp_hint bad[] = {
		{ N_("m: the mapping"), 1 }, { N_("r: raw/lines"), 3 }, { N_("Esc: the profiles"), 2 },
	};
	if (s->prev_ok)
		imp_draw_hints(top + rows - 1, 0, ok, 5);
	else
		imp_draw_hints(top + rows - 1, 0, bad, 3);
}

void imp_draw(tui *t, void *st, int top, int rows)
{
	imp_state *s = st;
	imp_draw_steps(t, s, top);
	int body = top + 2, brows = rows - 2;
	switch (s->step) {
	case IS_FILE: draw_file(t, s, body + 1, top + rows); break;
	case IS_PROFILE: draw_profiles(t, s, body, brows); break;
	case IS_PREVIEW: draw_preview(t, s, body, brows); break;
	case IS_MAP: imp_map_draw(t, s, body, brows); break;
	default: draw_summary(t, s, body, brows); break;
	}
}

