/* hearing_note.c: the hearing summary (høringsnotat) in Markdown, written
 * from the responses (see readings.h).
 *
 * Personal data: a sender's name and the text of the response are only
 * written when the sender consented to publication; otherwise the note
 * says so, so the reader knows that a response exists and what position
 * it takes, without whom or what.  The output depends on nothing but the
 * arguments (no dates, no locale-dependent sorting), so two runs over the
 * same register give the same file. */
#include "config.h"
#include "core/readings.h"

#include <errno.h>
#include <inttypes.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

/* Text from a response or a definition, escaped for Markdown: '|' and
 * '\' with a backslash (so a table cannot be broken), a tab or line end
 * as a space (so a list item stays one item), other control characters
 * (C0, DEL, C1) as \xNN or \uNNNN, a byte that is not UTF-8 as U+FFFD, so
 * nothing in a response can reach a terminal that shows the note. */
static void md(FILE *f, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	while (n) {
		unsigned cp;
		size_t k = bl_utf8_next(s, n, &cp);
		if (!k)
			break;
		if (cp == '|' || cp == '\\') {
			fputc('\\', f);
			fputc((int)cp, f);
		} else if (cp == '\t' || cp == '\n' || cp == '\r') {
			fputc(' ', f);
		} else if (cp < 0x20 || cp == 0x7f) {
			fprintf(f, "\\x%02X", cp);
		} else if (cp >= 0x80 && cp <= 0x9f) {
			fprintf(f, "\\u%04X", cp);
		} else if (cp == 0xfffd) {
			fputs("\xef\xbf\xbd", f);
		} else {
			fwrite(s, 1, k, f);
		}
		s += k;
		n -= k;
	}
}

static bool empty(const char *s)
{
	return !s || !*s;
}

static bool streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The document's words in the process language: a høringsnotat goes to
 * the council in Danish or Norwegian whatever the laptop's locale (which
 * is what gettext follows).  English goes through gettext. */
static const struct {
	const char *en, *da, *nb;
} words[] = {
	{ N_("Responses"), "Høringssvar", "Innspill" },
	{ N_("(no organisation type)"), "(ingen organisationstype)", "(ingen organisasjonstype)" },
	{ N_("No."), "Nr.", "Nr." },
	{ N_("late"), "for sent", "for sent" },
	{ N_("Sender"), "Afsender", "Avsender" },
	{ N_("(not given)"), "(ikke oplyst)", "(ikke oppgitt)" },
	{ N_("Response"), "Svar", "Innspill" },
	{ N_("(no text)"), "(ingen tekst)", "(ingen tekst)" },
	{ N_("(not published: no consent)"), "(offentliggøres ikke: intet samtykke)", "(publiseres ikke: ikke samtykke)" },
	{ N_("Administration's comment"), "Administrationens bemærkning", "Administrasjonens kommentar" },
	{ N_("(none yet)"), "(endnu ingen)", "(ingen ennå)" },
	{ N_("Hearing"), "Høring", "Offentlig ettersyn" },
	{ N_("to"), "til", "til" },
	{ N_("Late"), "For sent", "For sent" },
	{ N_("Without consent to publish"), "Uden samtykke til offentliggørelse", "Uten samtykke til publisering" },
	{ N_("Organisation type"), "Organisationstype", "Organisasjonstype" },
	{ N_("Position"), "Holdning", "Standpunkt" },
	{ N_("The area as a whole"), "Området som helhed", "Området som helhet" },
	{ N_("Other areas and lines"), "Andre områder og linjer", "Andre områder og linjer" },
	{ N_("Hearing summary"), "Høringsnotat", "Oppsummering av innspill" },
	{ N_("General responses"), "Generelle høringssvar", "Generelle innspill" },
};

static const char *word_in(const bl_readings_def *r, const char *en)
{
	bl_lang lang = r ? r->lang : BL_LANG_EN;
	for (size_t i = 0; lang != BL_LANG_EN && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].en, en) == 0)
			return lang == BL_LANG_NB ? words[i].nb : words[i].da;
	return _(en);
}

const char *bl_hearing_note_heading(const bl_readings_def *r)
{
	return word_in(r, "Hearing summary");
}

/* A position as the document names it. */
static const char *position_in(const bl_readings_def *r, bl_position p)
{
	static const char *const pos[BL_POS_COUNT][3] = {
		{ "for", "for", "for" },
		{ "against", "imod", "mot" },
		{ "proposes a change", "foreslår en ændring", "foreslår en endring" },
		{ "neutral", "neutral", "nøytral" },
	};
	if ((unsigned)p >= BL_POS_COUNT)
		return NULL;
	bl_lang lang = r ? r->lang : BL_LANG_EN;
	if (lang == BL_LANG_DA)
		return pos[p][1];
	if (lang == BL_LANG_NB)
		return pos[p][2];
	return bl_position_name(p);
}

typedef struct note {
	FILE *f;
	const bl_readings_def *r;
	const bl_response *resp;
	size_t n_resp;
	const bl_hn_area *areas;
	size_t n_areas;
	const bl_hn_line *lines;
	size_t n_lines;
	/* line_of[i][k]: the index in lines of resp[i].lines[k], or SIZE_MAX
	 * when the code is not among them. */
	size_t **line_of;
} note;

static bool names_area(const bl_response *p, const char *path)
{
	for (size_t k = 0; k < p->n_areas; k++)
		if (streq(p->areas[k], path))
			return true;
	return false;
}

static bool names_line(const bl_response *p, const char *code)
{
	for (size_t k = 0; k < p->n_lines; k++)
		if (streq(p->lines[k], code))
			return true;
	return false;
}

static bool known_area(const note *c, const char *path)
{
	for (size_t a = 0; a < c->n_areas; a++)
		if (streq(c->areas[a].path, path))
			return true;
	return false;
}

/* Response i concerns the area: it names it, or a line in it. */
static bool in_area(const note *c, size_t i, const char *path)
{
	const bl_response *p = &c->resp[i];
	if (names_area(p, path))
		return true;
	for (size_t k = 0; k < p->n_lines; k++) {
		size_t l = c->line_of[i][k];
		if (l != SIZE_MAX && streq(c->lines[l].area, path))
			return true;
	}
	return false;
}

typedef bool (*pick_fn)(const note *c, size_t i, const void *arg);

static bool pick_area(const note *c, size_t i, const void *arg)
{
	return in_area(c, i, arg);
}

static bool pick_area_only(const note *c, size_t i, const void *arg)
{
	return names_area(&c->resp[i], arg);
}

static bool pick_line(const note *c, size_t i, const void *arg)
{
	return names_line(&c->resp[i], arg);
}

static bool pick_general(const note *c, size_t i, const void *arg)
{
	(void)arg;
	return c->resp[i].n_lines == 0 && c->resp[i].n_areas == 0;
}

static size_t count(const note *c, pick_fn pick, const void *arg, size_t by_pos[BL_POS_COUNT])
{
	size_t n = 0;
	if (by_pos)
		memset(by_pos, 0, BL_POS_COUNT * sizeof *by_pos);
	for (size_t i = 0; i < c->n_resp; i++) {
		if (!pick(c, i, arg))
			continue;
		n++;
		if (by_pos && (unsigned)c->resp[i].position < BL_POS_COUNT)
			by_pos[c->resp[i].position]++;
	}
	return n;
}

/* "Responses: 3 (for: 2, against: 1)" */
static void counts_line(const note *c, pick_fn pick, const void *arg)
{
	size_t by_pos[BL_POS_COUNT];
	size_t n = count(c, pick, arg, by_pos);
	fprintf(c->f, "%s: %zu", word_in(c->r, "Responses"), n);
	const char *sep = " (";
	for (int p = 0; p < BL_POS_COUNT; p++) {
		if (!by_pos[p])
			continue;
		fprintf(c->f, "%s%s: %zu", sep, position_in(c->r, (bl_position)p), by_pos[p]);
		sep = ", ";
	}
	fputs(*sep == ',' ? ")\n\n" : "\n\n", c->f);
}

static void org_name(const note *c, const char *key)
{
	const bl_org_type *t = bl_readings_org_type(c->r, key);
	if (t && !empty(t->name))
		md(c->f, t->name);
	else if (!empty(key))
		md(c->f, key);
	else
		fputs(word_in(c->r, "(no organisation type)"), c->f);
}

/* One response, as a list item with its details below it. */
static void item(const note *c, const bl_response *p)
{
	FILE *f = c->f;
	fprintf(f, "- %s %" PRId64 ", ", word_in(c->r, "No."), p->number);
	org_name(c, p->org_type);
	const char *pos = position_in(c->r, p->position);
	fprintf(f, ", %s", pos ? pos : "?");
	if (p->late)
		fprintf(f, ", %s", word_in(c->r, "late"));
	fputc('\n', f);
	if (p->consent) {
		fprintf(f, "  - %s: ", word_in(c->r, "Sender"));
		if (empty(p->sender))
			fputs(word_in(c->r, "(not given)"), f);
		else
			md(f, p->sender);
		fprintf(f, "\n  - %s: ", word_in(c->r, "Response"));
		if (empty(p->text))
			fputs(word_in(c->r, "(no text)"), f);
		else
			md(f, p->text);
		fputc('\n', f);
	} else {
		fprintf(f, "  - %s\n", word_in(c->r, "(not published: no consent)"));
	}
	fprintf(f, "  - %s: ", word_in(c->r, "Administration's comment"));
	if (empty(p->comment))
		fputs(word_in(c->r, "(none yet)"), f);
	else
		md(f, p->comment);
	fputc('\n', f);
}

static void items(const note *c, pick_fn pick, const void *arg)
{
	for (size_t i = 0; i < c->n_resp; i++)
		if (pick(c, i, arg))
			item(c, &c->resp[i]);
	fputc('\n', c->f);
}

/* "### CODE Title", its counts and its responses, if any concern it. */
static bool line_section(const note *c, const bl_hn_line *l, bool *heading_done,
			 const char *heading)
{
	if (!count(c, pick_line, l->code, NULL))
		return false;
	if (heading_done && !*heading_done) {
		fprintf(c->f, "## %s\n\n", heading);
		*heading_done = true;
	}
	fputs("### ", c->f);
	md(c->f, l->code);
	if (!empty(l->title)) {
		fputc(' ', c->f);
		md(c->f, l->title);
	}
	fputs("\n\n", c->f);
	counts_line(c, pick_line, l->code);
	items(c, pick_line, l->code);
	return true;
}

static void summary(const note *c)
{
	FILE *f = c->f;
	size_t late = 0, no_consent = 0;
	for (size_t i = 0; i < c->n_resp; i++) {
		late += c->resp[i].late;
		no_consent += !c->resp[i].consent;
	}
	if (c->r && c->r->has_hearing) {
		char a[11], b[11];
		bl_date_format(c->r->hearing_opens, a);
		bl_date_format(c->r->hearing_closes, b);
		fprintf(f, "%s: %s %s %s\n\n", word_in(c->r, "Hearing"), a, word_in(c->r, "to"), b);
	}
	fprintf(f, "- %s: %zu\n- %s: %zu\n- %s: %zu\n\n", word_in(c->r, "Responses"), c->n_resp,
		word_in(c->r, "Late"), late, word_in(c->r, "Without consent to publish"), no_consent);

	/* By organisation type: the defined types in their order, then keys
	 * that are not defined (a type removed from the file later) in the
	 * order they first appear. */
	fprintf(f, "| %s | %s |\n|---|---:|\n", word_in(c->r, "Organisation type"), word_in(c->r, "Responses"));
	size_t nt = c->r ? c->r->n_org_types : 0;
	for (size_t t = 0; t < nt; t++) {
		size_t n = 0;
		for (size_t i = 0; i < c->n_resp; i++)
			n += bl_readings_org_type(c->r, c->resp[i].org_type) == &c->r->org_types[t];
		if (!n)
			continue;
		fputs("| ", f);
		org_name(c, c->r->org_types[t].key);
		fprintf(f, " | %zu |\n", n);
	}
	for (size_t i = 0; i < c->n_resp; i++) {
		const char *key = c->resp[i].org_type;
		if (bl_readings_org_type(c->r, key))
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !bl_readings_org_type(c->r, c->resp[j].org_type) &&
			       (empty(key) ? empty(c->resp[j].org_type)
					   : streq(c->resp[j].org_type, key));
		if (seen)
			continue;
		size_t n = 0;
		for (size_t j = i; j < c->n_resp; j++)
			n += empty(key) ? empty(c->resp[j].org_type)
					: streq(c->resp[j].org_type, key);
		fputs("| ", f);
		org_name(c, key);
		fprintf(f, " | %zu |\n", n);
	}
	fprintf(f, "\n| %s | %s |\n|---|---:|\n", word_in(c->r, "Position"), word_in(c->r, "Responses"));
	for (int p = 0; p < BL_POS_COUNT; p++) {
		size_t n = 0;
		for (size_t i = 0; i < c->n_resp; i++)
			n += c->resp[i].position == (bl_position)p;
		fprintf(f, "| %s | %zu |\n", position_in(c->r, (bl_position)p), n);
	}
	fputc('\n', f);
}

static void areas_part(const note *c)
{
	FILE *f = c->f;
	for (size_t a = 0; a < c->n_areas; a++) {
		const bl_hn_area *ar = &c->areas[a];
		if (empty(ar->path) || !count(c, pick_area, ar->path, NULL))
			continue;
		fputs("## ", f);
		if (!empty(ar->name) && !streq(ar->name, ar->path)) {
			md(f, ar->name);
			fputs(" (", f);
			md(f, ar->path);
			fputc(')', f);
		} else {
			md(f, ar->path);
		}
		fputs("\n\n", f);
		counts_line(c, pick_area, ar->path);
		if (count(c, pick_area_only, ar->path, NULL)) {
			fprintf(f, "### %s\n\n", word_in(c->r, "The area as a whole"));
			items(c, pick_area_only, ar->path);
		}
		for (size_t l = 0; l < c->n_lines; l++)
			if (streq(c->lines[l].area, ar->path))
				line_section(c, &c->lines[l], NULL, NULL);
	}
}

/* What the areas do not hold: lines without a known area, codes that are
 * not among the lines, area paths that are not among the areas. */
static void others_part(const note *c)
{
	FILE *f = c->f;
	const char *heading = word_in(c->r, "Other areas and lines");
	bool done = false;
	for (size_t l = 0; l < c->n_lines; l++)
		if (empty(c->lines[l].area) || !known_area(c, c->lines[l].area))
			line_section(c, &c->lines[l], &done, heading);
	for (size_t i = 0; i < c->n_resp; i++) {
		const bl_response *p = &c->resp[i];
		for (size_t k = 0; k < p->n_lines; k++) {
			if (c->line_of[i][k] != SIZE_MAX || empty(p->lines[k]))
				continue;
			bool seen = false;
			for (size_t j = 0; j <= i && !seen; j++)
				for (size_t m = 0; m < (j < i ? c->resp[j].n_lines : k) && !seen; m++)
					seen = streq(c->resp[j].lines[m], p->lines[k]);
			if (seen)
				continue;
			bl_hn_line l = { p->lines[k], NULL, NULL };
			line_section(c, &l, &done, heading);
		}
		for (size_t k = 0; k < p->n_areas; k++) {
			if (empty(p->areas[k]) || known_area(c, p->areas[k]))
				continue;
			bool seen = false;
			for (size_t j = 0; j <= i && !seen; j++)
				for (size_t m = 0; m < (j < i ? c->resp[j].n_areas : k) && !seen; m++)
					seen = streq(c->resp[j].areas[m], p->areas[k]);
			if (seen)
				continue;
			if (!done) {
				fprintf(f, "## %s\n\n", heading);
				done = true;
			}
			fputs("### ", f);
			md(f, p->areas[k]);
			fputs("\n\n", f);
			counts_line(c, pick_area_only, p->areas[k]);
			items(c, pick_area_only, p->areas[k]);
		}
	}
}

int bl_hearing_note_write(FILE *f, const char *title, const bl_readings_def *r,
			  const bl_response *resp, size_t n_resp,
			  const bl_hn_area *areas, size_t n_areas,
			  const bl_hn_line *lines, size_t n_lines, bl_err *err)
{
	if (!f)
		return bl_err_set(err, _("cannot write the hearing note: no file"));
	note c = { f, r, resp, n_resp, areas, n_areas, lines, n_lines, NULL };
	if (n_resp) {
		c.line_of = calloc(n_resp, sizeof *c.line_of);
		if (!c.line_of)
			return bl_err_set(err, _("out of memory"));
	}
	int rc = 0;
	for (size_t i = 0; i < n_resp && rc == 0; i++) {
		if (!resp[i].n_lines)
			continue;
		c.line_of[i] = malloc(resp[i].n_lines * sizeof **c.line_of);
		if (!c.line_of[i]) {
			rc = bl_err_set(err, _("out of memory"));
			break;
		}
		for (size_t k = 0; k < resp[i].n_lines; k++) {
			c.line_of[i][k] = SIZE_MAX;
			for (size_t l = 0; l < n_lines && c.line_of[i][k] == SIZE_MAX; l++)
				if (streq(lines[l].code, resp[i].lines[k]))
					c.line_of[i][k] = l;
		}
	}
	if (rc == 0) {
		fputs("# ", f);
		md(f, empty(title) ? word_in(c.r, "Hearing summary") : title);
		fputs("\n\n", f);
		summary(&c);
		areas_part(&c);
		others_part(&c);
		if (count(&c, pick_general, NULL, NULL)) {
			fprintf(f, "## %s\n\n", word_in(c.r, "General responses"));
			counts_line(&c, pick_general, NULL);
			items(&c, pick_general, NULL);
		}
		if (fflush(f) != 0 || ferror(f))
			rc = bl_err_set(err, _("cannot write the hearing note: %s"),
					strerror(errno ? errno : EIO));
	}
	for (size_t i = 0; i < n_resp; i++)
		if (c.line_of)
			free(c.line_of[i]);
	free(c.line_of);
	return rc;
}
