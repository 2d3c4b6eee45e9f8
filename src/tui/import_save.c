/* import_save.c: a list to choose one item from (over the screen, driven
 * by scripts like every modal thing), saving the mapping as a profile of
 * the user's own, and a first mapping guessed from a file's header.
 *
 * Saving: the YAML (bl_import_profile_yaml) is loaded from memory first,
 * so an invalid profile is never written; then written to a temporary
 * file in ~/.config/budgetlab/import and renamed into place (an existing
 * profile is replaced only after a question), and loaded back from the
 * file (bl_import_profile_load_file), so what the screen uses from then
 * on is what the file says. */
#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include "config/import_yaml.h"
#include "config/paths.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/import_screen.h"

#define NAME_MAX_LEN 64

/* ---- a list to choose from ---- */

typedef struct pick_state {
	const char *title;
	char **labels, **notes;
	int n, sel, top;
} pick_state;

static void pick_dump(void *ctx, FILE *f)
{
	pick_state *p = ctx;
	fprintf(f, "pick.title=%s\npick.count=%d\npick.selected=%s\n", p->title, p->n,
		p->sel >= 0 && p->sel < p->n ? p->labels[p->sel] : "");
}

int imp_pick(tui *t, const char *title, char **labels, char **notes, int n, int initial)
{
	pick_state ps = { title, labels, notes, n, initial >= 0 && initial < n ? initial : 0, 0 };
	tui_modal_set(t, "pick", pick_dump, &ps);
	int rc = -1;
	char buf[1024];
	for (;;) {
		tui_draw(t);
		int w = COLS - 4 < 76 ? COLS - 4 : 76;
		int h = n + 4 < LINES - 4 ? n + 4 : LINES - 4;
		int list = h - 4;
		if (list < 1)
			list = 1;
		if (!t->too_small) {
			int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
			if (ps.top > ps.sel)
				ps.top = ps.sel;
			if (ps.sel >= ps.top + list)
				ps.top = ps.sel - list + 1;
			tui_box(y0, x0, h, w, title);
			/* The labels beside notes in a column; one without a
			 * note takes the row. */
			int lw = 1;
			for (int i = 0; i < n; i++)
				if (notes && notes[i] && bl_text_width(labels[i]) > lw)
					lw = bl_text_width(labels[i]);
			if (lw > (w - 6) / 2)
				lw = (w - 6) / 2;
			for (int i = 0; i < list && ps.top + i < n; i++) {
				int k = ps.top + i, y = y0 + 1 + i;
				bool on = k == ps.sel;
				if (on)
					tui_fill(y, x0 + 1, w - 2, R_SELECTED);
				imp_clean(labels[k], buf, sizeof buf);
				tui_put(y, x0 + 2, notes && notes[k] ? lw : w - 4, buf, on ? R_SELECTED : R_NORMAL, false);
				if (notes && notes[k]) {
					imp_clean(notes[k], buf, sizeof buf);
					tui_put(y, x0 + 2 + lw + 2, w - 6 - lw, buf, on ? R_SELECTED : R_DIM, false);
				}
			}
			if (n > list) {
				snprintf(buf, sizeof buf, " %d/%d ", ps.sel + 1, n);
				tui_puts(y0 + h - 3, x0 + w - 2 - bl_text_width(buf), buf, R_DIM);
			}
			tui_put(y0 + h - 2, x0 + 2, w - 4, _("↑/↓ move   Enter: choose   Esc: cancel"), R_DIM, false);
		}
		int k = tui_modal_key(t);
		if (k == TUI_KEY_EOF)
			break;
		if (k == TUI_KEY_NONE)
			continue;
		if (k == TUI_ESC)
			break;
		if (k == '\n' || k == '\r' || k == TUI_FKEY(KEY_ENTER)) {
			rc = ps.sel;
			break;
		}
		if (k == TUI_FKEY(KEY_DOWN) || k == 'j' || k == TUI_CTRL('n'))
			ps.sel++;
		else if (k == TUI_FKEY(KEY_UP) || k == 'k' || k == TUI_CTRL('p'))
			ps.sel--;
		else if (k == TUI_FKEY(KEY_NPAGE))
			ps.sel += list > 1 ? list - 1 : 1;
		else if (k == TUI_FKEY(KEY_PPAGE))
			ps.sel -= list > 1 ? list - 1 : 1;
		else if (k == TUI_FKEY(KEY_HOME) || k == 'g')
			ps.sel = 0;
		else if (k == TUI_FKEY(KEY_END) || k == 'G')
			ps.sel = n - 1;
		if (ps.sel >= n)
			ps.sel = n - 1;
		if (ps.sel < 0)
			ps.sel = 0;
	}
	tui_modal_set(t, NULL, NULL, NULL);
	return rc;
}

/* ---- saving ---- */

enum { SF_NAME, SF_TITLE, N_SAVE };

static bool profile_dir(char *dir, size_t sz)
{
	char home[1024];
	if (bl_path_config_home(home, sizeof home) != 0)
		return false;
	snprintf(dir, sz, "%s/import", home);
	return true;
}

/* A letter or a digit of any script (the screens run under a UTF-8
 * LC_CTYPE, app.c sees to it, so iswalnum knows æ, ø, å and the rest). */
static bool name_alnum(unsigned cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) != 0;
	return iswalnum((wint_t)cp) != 0;
}

/* The profile's name is its file's: ~/.config/budgetlab/import/NAME.yaml,
 * and what `budgetlab import --profile NAME` takes. */
static const char *valid_name(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	size_t n = strlen(text);
	if (!n) {
		snprintf(msg, msgsz, "%s", _("The name is required, e.g. bergen-2014."));
		return msg;
	}
	if (n > NAME_MAX_LEN) {
		snprintf(msg, msgsz, _("The name is %zu bytes long; at most %d are allowed."), n, NAME_MAX_LEN);
		return msg;
	}
	if (!bl_utf8_valid(text, n)) {
		snprintf(msg, msgsz, "%s", _("The name is not valid UTF-8 (is the terminal set to another character set?)."));
		return msg;
	}
	if (text[0] == '.') {
		snprintf(msg, msgsz, "%s", _("The name cannot start with '.' (the file would be hidden)."));
		return msg;
	}
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = bl_utf8_next(text + i, n - i, &cp);
		if (!len)
			break;
		if (cp == '/') {
			snprintf(msg, msgsz, "%s", _("The name cannot have a '/': it is a file name, not a path."));
			return msg;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			snprintf(msg, msgsz, "%s", _("The name cannot have a control character."));
			return msg;
		}
		if (!name_alnum(cp) && cp != '-' && cp != '_' && cp != '.') {
			if (cp == ' ')
				snprintf(msg, msgsz, "%s", _("The name cannot have a blank: use '-' or '_', e.g. ærø-opus."));
			else
				snprintf(msg, msgsz, _("The name cannot have '%.*s': letters, digits, '-', '_' and '.' only, e.g. ærø-opus."),
					 (int)len, text + i);
			return msg;
		}
		i += len;
	}
	if (n > 5 && strcmp(text + n - 5, ".yaml") == 0) {
		snprintf(msg, msgsz, "%s", _("Leave '.yaml' off: the file gets it, and a name that ends in it is read as a path."));
		return msg;
	}
	return NULL;
}

static const char *warn_name(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	char dir[1100], path[1300], shipped[1300], rel[200];
	struct stat st;
	if (profile_dir(dir, sizeof dir)) {
		snprintf(path, sizeof path, "%s/%s.yaml", dir, text);
		if (stat(path, &st) == 0) {
			snprintf(msg, msgsz, _("%s exists: saving replaces it (after a question)."), path);
			return msg;
		}
		snprintf(rel, sizeof rel, "import/%s.yaml", text);
		if (bl_path_shipped(rel, shipped, sizeof shipped) == 0 && stat(shipped, &st) == 0) {
			snprintf(msg, msgsz, "%s", _("A shipped profile has this name: yours will be used in its place."));
			return msg;
		}
		snprintf(msg, msgsz, _("Saved as %s"), path);
		return msg;
	}
	return NULL;
}

static const char *valid_ptitle(tui *t, void *ctx, const char *text, char *msg, size_t msgsz)
{
	(void)t;
	(void)ctx;
	return tui_check_text(_("The title"), text, true, 200, msg, msgsz);
}

static int mkdirs(const char *dir, bl_err *err)
{
	char buf[1200];
	snprintf(buf, sizeof buf, "%s", dir);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return bl_err_set(err, _("cannot make the folder '%s': %s"), buf, strerror(errno));
		*p = '/';
	}
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		return bl_err_set(err, _("cannot make the folder '%s': %s"), buf, strerror(errno));
	return 0;
}

/* All or nothing: a temporary file beside it, renamed into place. */
static int write_file(const char *path, const char *text, bl_err *err)
{
	char tmp[1800];
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return bl_err_set(err, _("cannot write '%s': %s"), tmp, strerror(errno));
	size_t n = strlen(text), o = 0;
	while (o < n) {
		ssize_t w = write(fd, text + o, n - o);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			unlink(tmp);
			return bl_err_set(err, _("cannot write '%s': %s"), tmp, strerror(e));
		}
		o += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		int e = errno;
		unlink(tmp);
		return bl_err_set(err, _("cannot write '%s': %s"), tmp, strerror(e));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return bl_err_set(err, _("cannot write '%s': %s"), path, strerror(e));
	}
	return 0;
}

void imp_save_profile(tui *t, imp_state *s)
{
	bl_import_profile *p = s->prof;
	char dir[1100];
	if (!profile_dir(dir, sizeof dir)) {
		tui_msg(t, R_ERROR, "%s", _("There is no home folder (HOME) to save profiles in."));
		return;
	}
	tui_field f[N_SAVE];
	memset(f, 0, sizeof f);
	f[SF_NAME].label = _("Name");
	f[SF_NAME].validate = valid_name;
	f[SF_NAME].warn = warn_name;
	if (!s->prof_new)
		snprintf(f[SF_NAME].value, sizeof f[SF_NAME].value, "%s", p->name);
	f[SF_TITLE].label = _("Title");
	f[SF_TITLE].validate = valid_ptitle;
	snprintf(f[SF_TITLE].value, sizeof f[SF_TITLE].value, "%s", p->title ? p->title : "");
	tui_form fm = { .title = _("Save the mapping as an import profile"), .fields = f, .n_fields = N_SAVE,
			.save = imp_form_nothing };
	if (tui_form_run(t, &fm) != 1) {
		tui_msg(t, R_DIM, "%s", _("Not saved."));
		return;
	}
	char path[1700];
	snprintf(path, sizeof path, "%s/%s.yaml", dir, f[SF_NAME].value);
	struct stat st;
	if (stat(path, &st) == 0) {
		char q[1800];
		snprintf(q, sizeof q, _("%s exists. Replace it?"), path);
		if (!tui_confirm(t, q)) {
			tui_msg(t, R_DIM, _("Not saved: %s is as it was."), path);
			return;
		}
	}
	char *old_title = p->title;
	p->title = strdup(f[SF_TITLE].value);
	if (!p->title) {
		p->title = old_title;
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	free(old_title);
	bl_err err = { { 0 } };
	/* Saved to be used next year too. */
	if (bl_import_profile_by_year(p, t->info.budget_year) != 0) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	char *yaml = bl_import_profile_yaml(p);
	if (!yaml) {
		tui_msg(t, R_ERROR, "%s", _("out of memory"));
		return;
	}
	/* Loaded from memory first: a mapping that is no valid profile (no
	 * amounts, say) is refused before anything is written. */
	bl_import_profile *chk = NULL;
	if (bl_import_profile_load_string(yaml, strlen(yaml), path, &chk, &err) != 0) {
		free(yaml);
		tui_msg(t, R_ERROR, _("Not saved: the mapping is not a valid profile yet: %s"), err.msg);
		return;
	}
	bl_import_profile_free(chk);
	if (mkdirs(dir, &err) != 0 || write_file(path, yaml, &err) != 0) {
		free(yaml);
		tui_msg(t, R_ERROR, _("Not saved: %s"), err.msg);
		return;
	}
	free(yaml);
	bl_import_profile *back = NULL;
	if (bl_import_profile_load_file(path, &back, &err) != 0) {
		tui_msg(t, R_ERROR, _("Saved, but it does not load again: %s"), err.msg);
		return;
	}
	imp_set_profile(t, s, back, false);
	s->step = IS_MAP;
	imp_load_profiles(t, s);
	for (size_t i = 0; i < s->n_profs; i++)
		if (strcmp(s->profs[i].name, back->name) == 0)
			s->psel = (int)i;
	tui_msg(t, R_INFO, _("Saved as %s."), path);
}

/* ---- a mapping guessed from the file ---- */

static bool header_like(const char *h, const char *const *words)
{
	char low[256];
	size_t k;
	for (k = 0; h[k] && k + 1 < sizeof low; k++)
		low[k] = (char)((unsigned char)h[k] < 0x80 ? tolower((unsigned char)h[k]) : h[k]);
	low[k] = '\0';
	for (; *words; words++)
		if (strstr(low, *words))
			return true;
	return false;
}

bl_import_profile *imp_map_guess(tui *t, imp_state *s)
{
	bl_import_profile *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	char title[600];
	snprintf(title, sizeof title, _("Mapping for %s"), s->base ? s->base : "");
	p->name = strdup("new-mapping");
	p->title = strdup(title);
	p->version = strdup("proposal");
	if (!p->name || !p->title || !p->version) {
		bl_import_profile_free(p);
		return NULL;
	}
	p->encoding = BL_ENC_AUTO;
	p->delimiter = 0;
	p->decimal_point = t->info.lang == BL_LANG_EN;
	p->new_areas = true;
	p->kind = BL_KIND_OPERATION;
	p->signs = BL_SIGNS_INCOME_NEGATIVE;
	p->same_line = BL_SAME_SUM;
	size_t nh = s->n_header;
	static const char *const code_words[] = { "kode", "code", "konto", "art", "nr", "nummer", "number", NULL };
	static const char *const title_words[] = { "tekst", "text", "navn", "name", "titel", "title",
						   "betegnelse", "beskrivelse", NULL };
	static const char *const dir_words[] = { "inntekt", "indtægt", "income", "utgift", "udgift",
						 "expense", "retning", "direction", NULL };
	/* The code: a column named like one, else the first; the title: a
	 * column named like one after the code, else before it, else the
	 * next column. */
	int code = nh ? 0 : -1, tcol = -1, dcol = -1;
	for (size_t c = 0; c < nh; c++)
		if (header_like(s->header[c], code_words)) {
			code = (int)c;
			break;
		}
	for (size_t c = code >= 0 ? (size_t)code + 1 : 0; c < nh && tcol < 0; c++)
		if (header_like(s->header[c], title_words))
			tcol = (int)c;
	for (size_t c = 0; c < nh && tcol < 0; c++)
		if ((int)c != code && header_like(s->header[c], title_words))
			tcol = (int)c;
	for (size_t c = 0; c < nh && dcol < 0; c++)
		if (header_like(s->header[c], dir_words))
			dcol = (int)c;
	if (tcol < 0 && nh > 1)
		tcol = code + 1 < (int)nh ? code + 1 : 0;
	if (code >= 0 && !strpbrk(s->header[code], "{}"))
		bl_tmpl_parse(s->header[code], &p->code, &(bl_err){ { 0 } });
	if (tcol >= 0 && !strpbrk(s->header[tcol], "{}"))
		bl_tmpl_parse(s->header[tcol], &p->title_t, &(bl_err){ { 0 } });
	else if (code >= 0)
		bl_tmpl_parse(s->header[code], &p->title_t, &(bl_err){ { 0 } });
	/* Every line is in an area: the first column nothing else took is
	 * the top level's code, a column named like a title after it its
	 * name. */
	int lcol = -1, lname = -1;
	for (size_t c = 0; c < nh && lcol < 0; c++)
		if ((int)c != code && (int)c != tcol && (int)c != dcol && !bl_import_year_name(s->header[c], &(int){ 0 }) &&
		    !imp_header_year(t, s->header[c], &(int){ 0 }))
			lcol = (int)c;
	if (lcol >= 0 && lcol + 1 < (int)nh && lcol + 1 != code && lcol + 1 != tcol &&
	    header_like(s->header[lcol + 1], title_words))
		lname = lcol + 1;
	if (lcol >= 0 && !strpbrk(s->header[lcol], "{}") &&
	    bl_tmpl_parse(s->header[lcol], &p->level[0].code, &(bl_err){ { 0 } }) == 0) {
		p->n_levels = 1;
		if (lname >= 0 && !strpbrk(s->header[lname], "{}"))
			bl_tmpl_parse(s->header[lname], &p->level[0].name, &(bl_err){ { 0 } });
	}
	/* Amounts: the columns named by a year, if all such are the
	 * process's and no other header has one; else every column whose
	 * header has a year of the process in it ("Budget 2025", "Overslag
	 * 2026"), the first for each year; else the first column whose first
	 * value is an amount, for the budget year. */
	int y, n_years = 0, n_out = 0, n_in = 0;
	for (size_t c = 0; c < nh; c++) {
		bool exact = bl_import_year_name(s->header[c], &y);
		n_years += exact;
		n_out += exact && !imp_header_year(t, s->header[c], &y);
		n_in += imp_header_year(t, s->header[c], &y);
	}
	if (n_years && n_out == 0 && n_in == n_years) {
		p->amount[0].kind = BL_YEAR_HEADERS;
		p->n_amounts = 1;
	} else if (n_in) {
		bool taken[BL_MAX_YEARS] = { false };
		for (size_t c = 0; c < nh && p->n_amounts < BL_IMPORT_MAX_AMOUNTS; c++) {
			if (!imp_header_year(t, s->header[c], &y) || strpbrk(s->header[c], "{}"))
				continue;
			int yi = y - t->info.budget_year;
			if (yi < 0 || yi >= BL_MAX_YEARS || taken[yi])
				continue;
			if (!(p->amount[p->n_amounts].column = strdup(s->header[c])))
				break;
			taken[yi] = true;
			p->amount[p->n_amounts].kind = BL_YEAR_FIXED;
			p->amount[p->n_amounts++].year = y;
		}
	} else {
		/* A column named like an amount, else the rightmost whose
		 * first value is one (amounts stand at the right). */
		static const char *const amount_words[] = { "beløp", "belop", "beloep", "beløb", "amount",
							    "budsjett", "budget", "sum", NULL };
		bl_lang lang = p->decimal_point ? BL_LANG_EN : (t->info.lang == BL_LANG_NB ? BL_LANG_NB : BL_LANG_DA);
		size_t r = imp_sample_row(s);
		int acol = -1;
		for (size_t c = 0; c < nh && acol < 0; c++)
			if ((int)c != code && (int)c != tcol && header_like(s->header[c], amount_words))
				acol = (int)c;
		for (size_t c = nh; c-- > 0 && acol < 0;) {
			const char *f = imp_field(s, r, (int)c);
			bl_money v;
			bl_err e;
			if ((int)c == code || (int)c == tcol || (int)c == dcol || !*f)
				continue;
			if (bl_money_parse_csv(f, strlen(f), lang, &v, &e) == 0)
				acol = (int)c;
		}
		if (acol >= 0 && (p->amount[0].column = strdup(s->header[acol]))) {
			p->amount[0].kind = BL_YEAR_BUDGET;
			p->amount[0].year = 0;
			p->n_amounts = 1;
		}
	}
	/* imp_set_profile takes it in; the direction's words are guessed
	 * from the values once the rows are there (they are). */
	bl_import_profile *keep = s->prof;
	s->prof = p;
	if (dcol >= 0 && !strpbrk(s->header[dcol], "{}") &&
	    bl_tmpl_parse(s->header[dcol], &p->direction_col, &(bl_err){ { 0 } }) == 0 && !imp_guess_words(s)) {
		if (!p->n_income || !p->n_expense) {
			bl_tmpl_free(&p->direction_col);
			imp_free_words(p);
		}
	}
	s->prof = keep;
	return p;
}

