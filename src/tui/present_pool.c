/* present_pool.c: a development pool on the wall.
 *
 * Read from the back of the room: the pool's name large, its purpose,
 * then per year one bar, granted against the budget, with the amounts
 * and what is left beside it; under the bars what is left per year in big
 * digits when the rows and the width allow; at the bottom how many
 * projects are granted and how many wait for a decision.
 *
 * Money and counts only: see present_pool.h. */
#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "tui/bigtext.h"
#include "tui/present_pool.h"

void present_pool_free(present_pool *pp)
{
	free(pp->purpose);
	memset(pp, 0, sizeof *pp);
}

int present_pool_load(tui *t, const char *ref, present_pool *pp, bl_err *err)
{
	present_pool_free(pp);
	if (!ref || !*ref)
		return 1;
	bl_pool_rec p;
	memset(&p, 0, sizeof p);
	int r = bl_store_pool_get(t->store, ref, &p, err);
	if (r <= 0)
		return r < 0 ? -1 : 1;
	tui_clean_line(p.key, pp->key, sizeof pp->key);
	tui_clean_line(p.name, pp->name, sizeof pp->name);
	if (p.purpose && *p.purpose) {
		size_t n = strlen(p.purpose) * 3 + 1;
		if ((pp->purpose = malloc(n)))
			tui_clean(p.purpose, true, pp->purpose, n);
	}
	pp->carry_over = p.carry_over;
	bl_pool_rec_clear(&p);
	if (bl_store_pool_money(t->store, ref, &pp->m, err) != 0)
		return -1;
	return 0;
}

/* ---- drawing ---- */

static void centred(int y, int x, int w, const char *s, int role)
{
	int tw = bl_text_width(s) < w ? bl_text_width(s) : w;
	tui_put(y, x + (w - tw) / 2, tw, s, role, false);
}

static void big_at(int y, int x, const char *s, int scale, int role)
{
	bl_big b;
	if (bl_big_render(s, scale, &b) != 0)
		return;
	for (int r = 0; r < b.height; r++)
		tui_put(y + r, x, b.width, b.rows[r], role, false);
	bl_big_free(&b);
}

/* Cells of width filled for v of max, exactly (no floating point). */
static int cells(bl_money v, bl_money max, int width)
{
	if (v <= 0 || max <= 0)
		return 0;
	if (v >= max)
		return width;
	while (v > INT64_MAX / (width > 0 ? width : 1)) {
		v /= 1024;
		max /= 1024;
	}
	if (max <= 0)
		return width;
	int n = (int)(v * width / max);
	return n < 1 ? 1 : n;
}

static void bar(int y, int x, int width, bl_money granted, bl_money budget)
{
	char buf[1024];
	bool over = granted > budget;
	int n = over ? width : cells(granted, budget, width);
	size_t o = 0;
	for (int i = 0; i < n && o + 4 < sizeof buf; i++, o += 3)
		memcpy(buf + o, "█", 3);
	buf[o] = '\0';
	if (n)
		tui_put(y, x, n, buf, over ? R_DEFICIT : R_PASS, false);
	o = 0;
	for (int i = n; i < width && o + 4 < sizeof buf; i++, o += 3)
		memcpy(buf + o, "░", 3);
	buf[o] = '\0';
	if (width - n > 0)
		tui_put(y, x + n, width - n, buf, R_DIM, false);
}

void present_pool_draw(tui *t, present_pool *pp, int top, int rows, int W)
{
	const bl_pool_money *m = &pp->m;
	int n = m->n_years, bottom = top + rows, text_w = W - 4 > 1 ? W - 4 : 1;
	char buf[1024];
	char left[BL_MAX_YEARS][BL_MONEY_BUFSZ];
	for (int i = 0; i < n; i++)
		tui_fmt_amount(t, m->left[i], left[i], sizeof left[i]);
	const char *unit = bl_unit_label(t->unit, t->info.lang);

	/* What must be there: the name, the bars' heading, the bars, the
	 * counts.  Then, as rows allow: the purpose, the carry-over note,
	 * the big digits, air. */
	int name_rows = tui_wrap_rows(text_w, pp->name);
	if (name_rows > 2)
		name_rows = 2;
	if (name_rows < 1)
		name_rows = 1;
	int purpose_rows = pp->purpose ? tui_wrap_rows(text_w, pp->purpose) : 0;
	if (purpose_rows > 3)
		purpose_rows = 3;
	int carry_rows = pp->carry_over ? 1 : 0;
	int fixed = name_rows + 1 + n + 1;
	int scale = 0, big_h = 0, col_w = n ? text_w / n : text_w;
	for (int attempt = 0; attempt < 4; attempt++) {
		int room = rows - fixed - purpose_rows - carry_rows;
		scale = 0;
		for (int k = BL_BIG_MAX_SCALE; k >= 1 && !scale && n; k--) {
			bool fits = 1 + bl_big_height(k) + 2 <= room && bl_big_height(k) <= rows * 30 / 100;
			for (int i = 0; i < n && fits; i++)
				fits = bl_big_known(left[i]) && bl_big_width(left[i], k) <= col_w - 2;
			if (fits)
				scale = k;
		}
		if (scale || attempt == 3)
			break;
		/* No room for the digits: the purpose shrinks to one row, then
		 * the note goes, then the digits are given up. */
		if (purpose_rows > 1)
			purpose_rows = 1;
		else if (carry_rows)
			carry_rows = 0;
		else
			break;
	}
	big_h = scale ? 1 + bl_big_height(scale) : 0;
	/* Too few rows even so: the purpose and the note go. */
	while (fixed + purpose_rows + carry_rows + big_h > rows && (purpose_rows || carry_rows)) {
		if (carry_rows)
			carry_rows = 0;
		else
			purpose_rows--;
	}
	pp->scale = scale;
	int spare = rows - (fixed + purpose_rows + carry_rows + big_h);
	if (spare < 0)
		spare = 0;
	/* Air: above all, under the text, under the bars, above the counts. */
	int gaps = scale ? 4 : 3, gap[4] = { 0, 0, 0, 0 };
	for (int i = 0; i < gaps; i++)
		gap[i] = spare / gaps + (i < spare % gaps ? 1 : 0);
	if (gap[0] > 3) {
		/* A tall wall: the rest under the counts, not over the name. */
		gap[0] = 3;
	}

	int y = top + gap[0];
	if (name_rows == 1)
		centred(y, 2, text_w, pp->name, R_BIG);
	else
		tui_wrap(y, 2, text_w, name_rows, pp->name, R_BIG);
	y += name_rows;
	if (purpose_rows == 1 && bl_text_width(pp->purpose) <= text_w)
		centred(y++, 2, text_w, pp->purpose, R_NORMAL);
	else if (purpose_rows > 0 && y < bottom) {
		tui_wrap(y, 2, text_w, purpose_rows, pp->purpose, R_NORMAL);
		y += purpose_rows;
	}
	y += gap[1];

	/* The bars: year, bar, "granted of budget", "left". */
	int table_w = text_w < 130 ? text_w : 130;
	int x0 = (W - table_w) / 2;
	int tw = 0, lw = 0;
	char gtxt[BL_MAX_YEARS][2 * BL_MONEY_BUFSZ + 32], ltxt[BL_MAX_YEARS][BL_MONEY_BUFSZ + 32];
	for (int i = 0; i < n; i++) {
		char g[BL_MONEY_BUFSZ], b[BL_MONEY_BUFSZ];
		tui_fmt_amount(t, m->granted[i], g, sizeof g);
		tui_fmt_amount(t, m->budget[i], b, sizeof b);
		snprintf(gtxt[i], sizeof gtxt[i], _("%s of %s"), g, b);
		snprintf(ltxt[i], sizeof ltxt[i], _("left %s"), left[i]);
		if (bl_text_width(gtxt[i]) > tw)
			tw = bl_text_width(gtxt[i]);
		if (bl_text_width(ltxt[i]) > lw)
			lw = bl_text_width(ltxt[i]);
	}
	int bar_w = table_w - 4 - 2 - 2 - tw - 3 - lw;
	if (bar_w < 4)
		bar_w = 4;
	if (y < bottom) {
		snprintf(buf, sizeof buf, _("Granted of the budget, per year · %s"), unit);
		centred(y++, 2, text_w, buf, R_HEADING);
	}
	pp->bars = 0;
	for (int i = 0; i < n && y < bottom; i++, y++) {
		char year[16];
		snprintf(year, sizeof year, "%d", tui_year(t, i));
		tui_put(y, x0, 4, year, R_HEADING, false);
		bar(y, x0 + 6, bar_w, m->granted[i], m->budget[i]);
		tui_put(y, x0 + 6 + bar_w + 2, tw, gtxt[i], R_NORMAL, true);
		tui_put(y, x0 + 6 + bar_w + 2 + tw + 3, lw, ltxt[i], m->left[i] < 0 ? R_DEFICIT : R_PASS, true);
		pp->bars++;
	}
	if (carry_rows && y < bottom)
		centred(y++, 2, text_w, _("Unspent money carries over: a year's left includes what is left of the years before."),
			R_DIM);
	y += gap[2];

	/* What is left, per year, in big digits. */
	if (scale && y + big_h <= bottom) {
		int bx = 2;
		for (int i = 0; i < n; i++) {
			snprintf(buf, sizeof buf, _("Left %d · %s"), tui_year(t, i), unit);
			if (bl_text_width(buf) > col_w - 2)
				snprintf(buf, sizeof buf, _("Left %d"), tui_year(t, i));
			centred(y, bx + i * col_w, col_w, buf, R_HEADING);
			int w = bl_big_width(left[i], scale);
			big_at(y + 1, bx + i * col_w + (col_w - w) / 2, left[i], scale, m->left[i] < 0 ? R_DEFICIT : R_BIG);
		}
		y += big_h;
	}
	y += gap[3];

	/* The projects, counted: never who they are. */
	if (y >= bottom)
		y = bottom - 1;
	int64_t other = m->n_projects - m->n_applied - m->n_granted;
	snprintf(buf, sizeof buf, _("Projects: %" PRId64 " granted · %" PRId64 " waiting for a decision · %" PRId64 " rejected or withdrawn"),
		 m->n_granted, m->n_applied, other);
	if (bl_text_width(buf) > text_w)
		snprintf(buf, sizeof buf, _("%" PRId64 " granted · %" PRId64 " waiting"), m->n_granted, m->n_applied);
	centred(y, 2, text_w, buf, R_INFO);
}

void present_pool_dump(tui *t, const present_pool *pp, FILE *f)
{
	const bl_pool_money *m = &pp->m;
	fprintf(f, "present.pool=%s\n", pp->key);
	fprintf(f, "present.pool.name=%s\n", pp->name);
	for (int i = 0; i < m->n_years; i++) {
		int yr = tui_year(t, i);
		fprintf(f, "present.pool.%d.budget=%" PRId64 "\n", yr, (int64_t)m->budget[i]);
		fprintf(f, "present.pool.%d.granted=%" PRId64 "\n", yr, (int64_t)m->granted[i]);
		fprintf(f, "present.pool.%d.left=%" PRId64 "\n", yr, (int64_t)m->left[i]);
	}
	fprintf(f, "present.pool.granted=%" PRId64 "\n", m->n_granted);
	fprintf(f, "present.pool.waiting=%" PRId64 "\n", m->n_applied);
	fprintf(f, "present.pool.projects=%" PRId64 "\n", m->n_projects);
	fprintf(f, "present.pool.bars=%d\n", pp->bars);
	fprintf(f, "present.pool.scale=%d\n", pp->scale);
}
