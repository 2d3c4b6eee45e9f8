/* schema.c: the database schema as SQL: tables, migrations, triggers, and
 * the SQL functions the triggers call.
 *
 * Tables are STRICT, so a value of the wrong type is refused instead of
 * stored (in particular a sum that overflowed into a REAL), and CHECK
 * constraints refuse what must never be stored.  Constraints have names
 * (CONSTRAINT line_code CHECK ...) because SQLite reports a failed CHECK
 * by its name; store.c turns the name into a sentence for the user.
 *
 * The triggers do three jobs, so that no code path can forget them:
 *  - the journal: every change to the process, areas, lines, amounts,
 *    goals, goal links, phase moves and the checklist writes a journal
 *    row, with the time from bl_now() and the actor from bl_actor();
 *  - locks: a change that the current phase locks is refused, through
 *    bl_refuse(), which names the lock and the phase;
 *  - totals: the sums per area, version and year in table total, so that
 *    status screens never read the millions of amounts.
 * bl_now(), bl_actor() and bl_refuse() are application-defined functions
 * that budgetlab registers on its read-write connections only.  A
 * connection without them (the sqlite3 shell, another program) cannot
 * even prepare a statement that would fire these triggers ("no such
 * function: bl_now"), so such tools cannot change the budget behind the
 * journal's back, nor past a lock.
 * bl_fold() and bl_contains() (the screens' case-insensitive sort and
 * filter) are registered on every connection, read-only ones included, as
 * reading needs them; no table, index or trigger uses them, so other tools
 * can still read the file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/process.h"
#include "store/store_internal.h"

_Static_assert(BL_LOCK_COUNT == 4,
	       "phase.locks is checked against 0..15 in the schema");

/* ---- tables: one step per schema version ----
 *
 * A step is frozen once released: a released database was built by it,
 * and tests/fixtures/schema/vN.sql holds what it produced.  Changes go in
 * a new step (and BL_SCHEMA_VERSION + 1), never into an old one. */

/* 0 -> 1: the initial schema. */
static const char schema_v1[] =
	/* The process: exactly one row. */
	"CREATE TABLE process ("
	" id INTEGER PRIMARY KEY CONSTRAINT process_single CHECK (id = 1),"
	" municipality TEXT NOT NULL"
	"  CONSTRAINT process_municipality CHECK (length(trim(municipality)) > 0),"
	" title TEXT NOT NULL CONSTRAINT process_title CHECK (length(trim(title)) > 0),"
	" currency TEXT NOT NULL"
	"  CONSTRAINT process_currency CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),"
	" language TEXT NOT NULL"
	"  CONSTRAINT process_language CHECK (language IN ('da', 'nb', 'en')),"
	" budget_year INTEGER NOT NULL"
	"  CONSTRAINT process_year CHECK (budget_year BETWEEN 1900 AND 2199),"
	" n_years INTEGER NOT NULL"
	"  CONSTRAINT process_years CHECK (n_years BETWEEN 1 AND 10"
	"   AND budget_year + n_years - 1 <= 2199)"
	") STRICT;"
	/* The YAML the process was created from, so the file is
	 * self-contained. */
	"CREATE TABLE config ("
	" id INTEGER PRIMARY KEY CONSTRAINT config_single CHECK (id = 1),"
	" yaml TEXT NOT NULL"
	") STRICT;"
	/* Budget versions.  Keys are not limited to today's three, so that a
	 * later version can add one without rebuilding the table. */
	"CREATE TABLE version ("
	" id INTEGER PRIMARY KEY,"
	" key TEXT NOT NULL UNIQUE CONSTRAINT version_key CHECK (key GLOB '[a-z]*'),"
	" title TEXT NOT NULL CONSTRAINT version_title CHECK (length(trim(title)) > 0),"
	" ord INTEGER NOT NULL UNIQUE CONSTRAINT version_ord CHECK (ord >= 0)"
	") STRICT;"
	/* The phases, copied from the definition at creation: the lock
	 * triggers need them, and the definition cannot change later.
	 * Window dates are ISO text; date(x) = x holds only for a real
	 * YYYY-MM-DD day. */
	"CREATE TABLE phase ("
	" ord INTEGER PRIMARY KEY CONSTRAINT phase_ord CHECK (ord >= 0),"
	" id TEXT NOT NULL UNIQUE CONSTRAINT phase_id CHECK (length(id) > 0),"
	" title TEXT NOT NULL CONSTRAINT phase_title CHECK (length(trim(title)) > 0),"
	" window_from TEXT,"
	" window_to TEXT,"
	" n_checklist INTEGER NOT NULL CONSTRAINT phase_checklist CHECK (n_checklist >= 0),"
	" locks INTEGER NOT NULL CONSTRAINT phase_locks CHECK (locks BETWEEN 0 AND 15),"
	" CONSTRAINT phase_window CHECK ((window_from IS NULL) = (window_to IS NULL)"
	"  AND (window_from IS NULL OR (window_from = date(window_from)"
	"   AND window_to = date(window_to) AND window_from <= window_to)))"
	") STRICT;"
	/* Where the process is: one row; -1 while it is being set up. */
	"CREATE TABLE phase_state ("
	" id INTEGER PRIMARY KEY CONSTRAINT phase_state_single CHECK (id = 1),"
	" current INTEGER NOT NULL CONSTRAINT phase_current CHECK (current >= -1)"
	") STRICT;"
	/* Every entry into a phase, with the reason when gates were
	 * overridden. */
	"CREATE TABLE phase_log ("
	" id INTEGER PRIMARY KEY,"
	" phase_id TEXT NOT NULL REFERENCES phase (id),"
	" entered_at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" override_reason TEXT CONSTRAINT phase_log_reason"
	"  CHECK (override_reason IS NULL OR length(trim(override_reason)) > 0),"
	" failed_gates TEXT"
	") STRICT;"
	/* Ticked checklist items (0-based); unticking deletes the row. */
	"CREATE TABLE checklist ("
	" phase_id TEXT NOT NULL REFERENCES phase (id),"
	" item INTEGER NOT NULL CONSTRAINT checklist_item CHECK (item >= 0),"
	" done_at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" PRIMARY KEY (phase_id, item)"
	") STRICT, WITHOUT ROWID;"
	/* The area hierarchy.  '/' separates the codes of a path
	 * (bl_store_area_find), so a code cannot contain it.  A code is
	 * unique among its siblings; coalesce() because NULLs (top level)
	 * are never equal in a UNIQUE index. */
	"CREATE TABLE area ("
	" id INTEGER PRIMARY KEY,"
	" parent_id INTEGER REFERENCES area (id),"
	" code TEXT NOT NULL"
	"  CONSTRAINT area_code CHECK (length(trim(code)) > 0 AND instr(code, '/') = 0),"
	" name TEXT NOT NULL CONSTRAINT area_name CHECK (length(trim(name)) > 0),"
	" level INTEGER NOT NULL CONSTRAINT area_level CHECK (level >= 1)"
	") STRICT;"
	"CREATE UNIQUE INDEX area_sibling_code ON area (coalesce(parent_id, 0), code);"
	"CREATE INDEX area_code ON area (code);"
	/* Budget lines.  line_area serves the area's lines in code order
	 * (bl_store_lines_each) and the foreign key from area. */
	"CREATE TABLE line ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CONSTRAINT line_code CHECK (length(trim(code)) > 0),"
	" title TEXT NOT NULL CONSTRAINT line_title CHECK (length(trim(title)) > 0),"
	" area_id INTEGER NOT NULL REFERENCES area (id),"
	" kind TEXT NOT NULL CONSTRAINT line_kind CHECK (kind IN ('operation', 'capital')),"
	" direction TEXT NOT NULL"
	"  CONSTRAINT line_direction CHECK (direction IN ('expense', 'income')),"
	" description TEXT"
	") STRICT;"
	"CREATE INDEX line_area ON line (area_id, code);"
	/* Amounts in minor units.  WITHOUT ROWID: the primary key is the
	 * only way amounts are looked up, so the rows live in its b-tree
	 * and there is no second one to write (measured, 4,000,000 rows in
	 * one transaction: 1.07 s and 82 MB, against 1.36 s and 159 MB for
	 * a rowid table with its primary-key index).  INT64_MIN is refused
	 * so that every amount can be negated (the totals subtract). */
	"CREATE TABLE amount ("
	" line_id INTEGER NOT NULL REFERENCES line (id) ON DELETE CASCADE,"
	" version_id INTEGER NOT NULL REFERENCES version (id),"
	" year INTEGER NOT NULL CONSTRAINT amount_year CHECK (year BETWEEN 1900 AND 2199),"
	" amount INTEGER NOT NULL"
	"  CONSTRAINT amount_range CHECK (amount >= -9223372036854775807),"
	" PRIMARY KEY (line_id, version_id, year)"
	") STRICT, WITHOUT ROWID;"
	/* Sums kept by triggers: per area (own lines only) and, under
	 * area_id 0, for the whole budget, so that an overflow of a year's
	 * total is refused when the amount is stored, not found later.  n
	 * counts the amounts.  No foreign keys: it is derived data, rebuilt
	 * by a bulk load. */
	"CREATE TABLE total ("
	" area_id INTEGER NOT NULL,"
	" version_id INTEGER NOT NULL,"
	" year INTEGER NOT NULL,"
	" income INTEGER NOT NULL,"
	" expense INTEGER NOT NULL,"
	" n INTEGER NOT NULL CONSTRAINT total_count CHECK (n >= 0),"
	" PRIMARY KEY (area_id, version_id, year)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE goal ("
	" id INTEGER PRIMARY KEY,"
	" area_id INTEGER REFERENCES area (id),"
	" title TEXT NOT NULL CONSTRAINT goal_title CHECK (length(trim(title)) > 0),"
	" description TEXT"
	") STRICT;"
	"CREATE INDEX goal_area ON goal (area_id);"
	"CREATE TABLE goal_line ("
	" goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
	" line_id INTEGER NOT NULL REFERENCES line (id) ON DELETE CASCADE,"
	" PRIMARY KEY (goal_id, line_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX goal_line_line ON goal_line (line_id);"
	/* The journal: append-only (see the triggers).  key is what the
	 * entry is about: a line code for line and amount entries (indexed,
	 * for `journal --line`), an area code, a goal id, a phase id. */
	"CREATE TABLE journal ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" entity TEXT NOT NULL CONSTRAINT journal_entity CHECK (entity IN ('process',"
	"  'area', 'line', 'amount', 'goal', 'goal_line', 'phase', 'checklist', 'import')),"
	" key TEXT,"
	" action TEXT NOT NULL CONSTRAINT journal_action"
	"  CHECK (action IN ('insert', 'update', 'delete', 'advance', 'bulk')),"
	" before TEXT CONSTRAINT journal_before CHECK (before IS NULL OR json_valid(before)),"
	" after TEXT CONSTRAINT journal_after CHECK (after IS NULL OR json_valid(after))"
	") STRICT;"
	"CREATE INDEX journal_key ON journal (key);";

/* 1 -> 2: the spotlight, what the facilitator has put on the projected
 * screen (bl_store_spotlight_set).  Its own table, not a journal entry
 * nor a column of phase_state: pointing at a line changes nothing in the
 * budget, so it has no journal trigger and no lock trigger, and a screen
 * in another terminal reads it with one primary-key lookup.  Exactly one
 * row (id = 1), inserted here, so that reading it never has to handle
 * "no row" and setting it replaces the one there is.  ref and text go with
 * the kind (CHECKs, as the C code checks them first with better
 * messages); the text limit is in bytes (CAST AS BLOB), as in store.h,
 * because it bounds what the projector's one line must hold. */
static const char schema_v2[] =
	"CREATE TABLE spotlight ("
	" id INTEGER PRIMARY KEY CONSTRAINT spotlight_single CHECK (id = 1),"
	" kind TEXT NOT NULL CONSTRAINT spotlight_kind"
	"  CHECK (kind IN ('none', 'line', 'area', 'goal', 'message')),"
	" ref TEXT CONSTRAINT spotlight_ref"
	"  CHECK ((ref IS NOT NULL) = (kind IN ('line', 'area', 'goal'))),"
	" text TEXT CONSTRAINT spotlight_text"
	"  CHECK ((text IS NOT NULL) = (kind = 'message')"
	"   AND (text IS NULL OR length(CAST(text AS BLOB)) BETWEEN 1 AND 200)),"
	" at TEXT,"
	" actor TEXT"
	") STRICT;"
	"INSERT INTO spotlight (id, kind) VALUES (1, 'none');";

/* 2 -> 3: citizen labs (core/lab.h, store/lab_store.c).
 *
 * The journal is rebuilt first: its CHECKs named the entities and
 * actions of version 1, and a CHECK cannot be changed in place.  It now
 * takes any lower-case word, so that later versions can journal new
 * things without rebuilding it again; the C code (journal_fmt.c) is what
 * knows the words.  The migration drops every trigger before the steps
 * run (bl_schema_migrate), so nothing refers to the old table while it
 * is replaced, and the rows keep their ids.
 *
 * A lab decides how a pool is spent; its sessions are the meetings.
 * Participants are pseudonymous: a number in the lab; a name, if one is
 * kept at all, is in participant_name, which the projected view never
 * reads, and the demographic answers in participant_category, keyed by
 * the process YAML's category and value keys (checked in C against the
 * definition, which the database cannot see).  Ideas are numbered within
 * their lab (the number on the paper ballot); pb_id is the project id of
 * a Pabulib file the idea came from, so that an export writes it back.
 * Costs per year in øre, like amounts.  An idea is assessed on the three
 * pillars of sustainability (social, economic, environmental), each from
 * -2 (clearly harmful) to +2 (clearly good), NULL while not assessed, and
 * linked to the goals it serves (idea_goal).
 *
 * Ballots are never edited: the triggers refuse every change to a mark,
 * and to a ballot every change but voiding it once (void_reason set from
 * NULL).  A correction voids the ballot and enters a new one that
 * `replaces` it, in one transaction, and both are journalled.  voter is
 * the ballot's voter id in a Pabulib file (written back by an export);
 * pb_extra holds a file's other VOTES columns as a JSON array, as
 * pb_extra of an idea its other PROJECTS columns, and pb_meta of a lab
 * its META section.  A mark's points are 1 on an approval ballot, the
 * rank (from 1) on a ranking, the points given on a cumulative or
 * scoring ballot (a scoring file may give negative points). */
static const char schema_v3[] =
	"CREATE TABLE journal_v3 ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" entity TEXT NOT NULL CONSTRAINT journal_entity"
	"  CHECK (entity GLOB '[a-z]*' AND entity NOT GLOB '*[^a-z_]*'),"
	" key TEXT,"
	" action TEXT NOT NULL CONSTRAINT journal_action"
	"  CHECK (action GLOB '[a-z]*' AND action NOT GLOB '*[^a-z_]*'),"
	" before TEXT CONSTRAINT journal_before CHECK (before IS NULL OR json_valid(before)),"
	" after TEXT CONSTRAINT journal_after CHECK (after IS NULL OR json_valid(after))"
	") STRICT;"
	"INSERT INTO journal_v3 SELECT id, at, actor, entity, key, action, before, after"
	" FROM journal;"
	"DROP TABLE journal;"
	"ALTER TABLE journal_v3 RENAME TO journal;"
	"CREATE INDEX journal_key ON journal (key);"
	/* The spotlight, rebuilt for the same reason: it can now show a
	 * lab's results (ref "LAB" or "LAB:RULE", a second rule side by
	 * side) or its representation (ref "LAB"); both are counts, never a
	 * participant. */
	"CREATE TABLE spotlight_v3 ("
	" id INTEGER PRIMARY KEY CONSTRAINT spotlight_single CHECK (id = 1),"
	" kind TEXT NOT NULL CONSTRAINT spotlight_kind"
	"  CHECK (kind IN ('none', 'line', 'area', 'goal', 'message', 'results',"
	"   'representation')),"
	" ref TEXT CONSTRAINT spotlight_ref"
	"  CHECK ((ref IS NOT NULL) = (kind IN ('line', 'area', 'goal', 'results',"
	"   'representation'))),"
	" text TEXT CONSTRAINT spotlight_text"
	"  CHECK ((text IS NOT NULL) = (kind = 'message')"
	"   AND (text IS NULL OR length(CAST(text AS BLOB)) BETWEEN 1 AND 200)),"
	" at TEXT,"
	" actor TEXT"
	") STRICT;"
	"INSERT INTO spotlight_v3 SELECT id, kind, ref, text, at, actor FROM spotlight;"
	"DROP TABLE spotlight;"
	"ALTER TABLE spotlight_v3 RENAME TO spotlight;"
	"CREATE TABLE lab ("
	" id INTEGER PRIMARY KEY CONSTRAINT lab_id CHECK (id > 0),"
	" theme TEXT NOT NULL CONSTRAINT lab_theme CHECK (length(trim(theme)) > 0),"
	" pool INTEGER NOT NULL CONSTRAINT lab_pool CHECK (pool >= 0),"
	" vote_type TEXT NOT NULL CONSTRAINT lab_vote_type CHECK (vote_type IN"
	"  ('approval', 'choose-1', 'ordinal', 'cumulative', 'scoring')),"
	" ballot_type TEXT,"
	" area_id INTEGER REFERENCES area (id),"
	" rule TEXT,"
	" tie_break TEXT,"
	" status TEXT NOT NULL DEFAULT 'open'"
	"  CONSTRAINT lab_status CHECK (status IN ('open', 'voting', 'closed')),"
	" pb_meta TEXT CONSTRAINT lab_pb_meta CHECK (pb_meta IS NULL OR json_valid(pb_meta))"
	") STRICT;"
	"CREATE TABLE session ("
	" id INTEGER PRIMARY KEY,"
	" lab_id INTEGER NOT NULL REFERENCES lab (id),"
	" date TEXT NOT NULL CONSTRAINT session_date CHECK (date = date(date)),"
	" place TEXT NOT NULL CONSTRAINT session_place CHECK (length(trim(place)) > 0),"
	" facilitator TEXT NOT NULL"
	"  CONSTRAINT session_facilitator CHECK (length(trim(facilitator)) > 0)"
	") STRICT;"
	"CREATE INDEX session_lab ON session (lab_id, date);"
	"CREATE TABLE participant ("
	" id INTEGER PRIMARY KEY,"
	" lab_id INTEGER NOT NULL REFERENCES lab (id),"
	" number INTEGER NOT NULL CONSTRAINT participant_number CHECK (number > 0),"
	" session_id INTEGER REFERENCES session (id),"
	" CONSTRAINT participant_unique UNIQUE (lab_id, number)"
	") STRICT;"
	"CREATE TABLE participant_name ("
	" participant_id INTEGER PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,"
	" name TEXT NOT NULL CONSTRAINT participant_name CHECK (length(trim(name)) > 0)"
	") STRICT;"
	"CREATE TABLE participant_category ("
	" participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
	" category TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (participant_id, category)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE idea ("
	" id INTEGER PRIMARY KEY,"
	" lab_id INTEGER NOT NULL REFERENCES lab (id),"
	" number INTEGER NOT NULL CONSTRAINT idea_number CHECK (number > 0),"
	" title TEXT NOT NULL CONSTRAINT idea_title CHECK (length(trim(title)) > 0),"
	" description TEXT,"
	" proposer TEXT,"
	" area_id INTEGER REFERENCES area (id),"
	" feasibility TEXT,"
	" status TEXT NOT NULL DEFAULT 'proposed' CONSTRAINT idea_status CHECK (status IN"
	"  ('proposed', 'costed', 'feasible', 'on_ballot', 'withdrawn')),"
	" pb_id TEXT,"
	" pb_extra TEXT CONSTRAINT idea_pb_extra CHECK (pb_extra IS NULL OR json_valid(pb_extra)),"
	" social INTEGER CONSTRAINT idea_social CHECK (social BETWEEN -2 AND 2),"
	" economic INTEGER CONSTRAINT idea_economic CHECK (economic BETWEEN -2 AND 2),"
	" environmental INTEGER CONSTRAINT idea_environmental CHECK (environmental BETWEEN -2 AND 2),"
	" CONSTRAINT idea_unique UNIQUE (lab_id, number)"
	") STRICT;"
	"CREATE TABLE idea_goal ("
	" idea_id INTEGER NOT NULL REFERENCES idea (id) ON DELETE CASCADE,"
	" goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
	" PRIMARY KEY (idea_id, goal_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX idea_goal_goal ON idea_goal (goal_id);"
	"CREATE TABLE idea_cost ("
	" idea_id INTEGER NOT NULL REFERENCES idea (id) ON DELETE CASCADE,"
	" year INTEGER NOT NULL CONSTRAINT idea_cost_year CHECK (year BETWEEN 1900 AND 2199),"
	" amount INTEGER NOT NULL CONSTRAINT idea_cost_amount CHECK (amount >= 0),"
	" PRIMARY KEY (idea_id, year)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE ballot ("
	" id INTEGER PRIMARY KEY,"
	" lab_id INTEGER NOT NULL REFERENCES lab (id),"
	" session_id INTEGER REFERENCES session (id),"
	" participant_id INTEGER REFERENCES participant (id),"
	" method TEXT NOT NULL CONSTRAINT ballot_method CHECK (method IN ('paper', 'laptop', 'file')),"
	" voter TEXT,"
	" entered_at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" replaces INTEGER REFERENCES ballot (id),"
	" void_reason TEXT CONSTRAINT ballot_void"
	"  CHECK (void_reason IS NULL OR length(trim(void_reason)) > 0),"
	" pb_extra TEXT CONSTRAINT ballot_pb_extra CHECK (pb_extra IS NULL OR json_valid(pb_extra))"
	") STRICT;"
	"CREATE INDEX ballot_lab ON ballot (lab_id, id);"
	"CREATE TABLE ballot_mark ("
	" ballot_id INTEGER NOT NULL REFERENCES ballot (id),"
	" pos INTEGER NOT NULL CONSTRAINT ballot_mark_pos CHECK (pos >= 0),"
	" idea_id INTEGER NOT NULL REFERENCES idea (id),"
	" points INTEGER NOT NULL,"
	" PRIMARY KEY (ballot_id, pos)"
	") STRICT, WITHOUT ROWID;"
	/* An idea's votes are counted on every list of ideas: without this
	 * each count reads every mark (Warszawa's 134 ideas on 14,897
	 * ballots: 2.4 s against 0.17 s). */
	"CREATE INDEX ballot_mark_idea ON ballot_mark (idea_id);";

/* 3 -> 4: readings, hearings and amendments (store/amend_store.c,
 * store/hearing_store.c).
 *
 * version_freeze says which versions can no longer be edited in place:
 * first_reading, frozen when the process entered the phase its file
 * names in `readings: freeze_at`, and adopted, derived (computed by the
 * store from first_reading and the adopted amendments after every
 * decision).  A row is never changed or removed (triggers).  The amount
 * triggers refuse writes to these versions unless the connection's
 * bl_deriving() is true, which only the store's own derivation sets.
 *
 * Amendments are numbered as the council numbers them (the number is the
 * key: sub-amendments and the journal name amendments by it).  A change
 * is one row of amendment_change, in order (seq), with its amounts per
 * year in amendment_change_amount: op 'set' and 'delta' have one year,
 * 'new' one per year of the new line, 'remove' none.  A decided
 * amendment is never changed, and none is ever deleted: withdrawn is a
 * decision.  Whether an adopted sub-amendment lapsed with its parent is
 * computed when read, not stored.
 *
 * Hearing responses (høringssvar) keep the lines and areas they concern
 * as codes and paths, not ids: a response is a letter about the budget
 * as it was, and stays readable if a line is later renamed or removed.
 * sender is personal data: the journal triggers leave it out.
 *
 * An accepted deficit records, per year, the deficit of a version that
 * the council accepted, with the reason; the gate
 * balances_or_deficit_accepted compares the version with the latest.
 *
 * The spotlight is rebuilt to show an amendment (ref: its number) on the
 * projector: its effect on the balance, never who tabled it. */
static const char schema_v4[] =
	"CREATE TABLE version_freeze ("
	" version_id INTEGER PRIMARY KEY REFERENCES version (id),"
	" derived INTEGER NOT NULL CONSTRAINT version_freeze_derived CHECK (derived IN (0, 1)),"
	" frozen_at TEXT NOT NULL,"
	" phase_id TEXT REFERENCES phase (id),"
	" actor TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE amendment ("
	" number INTEGER PRIMARY KEY CONSTRAINT amendment_number CHECK (number >= 1),"
	" title TEXT NOT NULL CONSTRAINT amendment_title CHECK (length(trim(title)) > 0),"
	" party TEXT NOT NULL CONSTRAINT amendment_party CHECK (length(trim(party)) > 0),"
	" justification TEXT,"
	" parent INTEGER REFERENCES amendment (number),"
	" tabled TEXT NOT NULL CONSTRAINT amendment_tabled CHECK (tabled = date(tabled)),"
	" late INTEGER NOT NULL CONSTRAINT amendment_late CHECK (late IN (0, 1)),"
	" decision TEXT NOT NULL DEFAULT 'undecided' CONSTRAINT amendment_decision"
	"  CHECK (decision IN ('undecided', 'adopted', 'rejected', 'withdrawn')),"
	" decided_at TEXT,"
	" decided_by TEXT,"
	" decision_note TEXT,"
	" CONSTRAINT amendment_decided CHECK ((decision = 'undecided') = (decided_at IS NULL))"
	") STRICT;"
	"CREATE INDEX amendment_parent ON amendment (parent);"
	"CREATE TABLE amendment_change ("
	" amendment INTEGER NOT NULL REFERENCES amendment (number),"
	" seq INTEGER NOT NULL CONSTRAINT amendment_change_seq CHECK (seq >= 0),"
	" op TEXT NOT NULL CONSTRAINT amendment_change_op"
	"  CHECK (op IN ('set', 'delta', 'new', 'remove')),"
	" code TEXT NOT NULL CONSTRAINT amendment_change_code CHECK (length(trim(code)) > 0),"
	" title TEXT,"
	" area TEXT,"
	" line_kind TEXT CONSTRAINT amendment_change_kind"
	"  CHECK (line_kind IS NULL OR line_kind IN ('operation', 'capital')),"
	" direction TEXT CONSTRAINT amendment_change_direction"
	"  CHECK (direction IS NULL OR direction IN ('expense', 'income')),"
	" CONSTRAINT amendment_change_new CHECK ((op = 'new') = (title IS NOT NULL)"
	"  AND (op = 'new') = (area IS NOT NULL) AND (op = 'new') = (line_kind IS NOT NULL)"
	"  AND (op = 'new') = (direction IS NOT NULL)),"
	" PRIMARY KEY (amendment, seq)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX amendment_change_code ON amendment_change (code);"
	"CREATE TABLE amendment_change_amount ("
	" amendment INTEGER NOT NULL,"
	" seq INTEGER NOT NULL,"
	" year INTEGER NOT NULL CONSTRAINT amendment_amount_year CHECK (year BETWEEN 1900 AND 2199),"
	" amount INTEGER NOT NULL"
	"  CONSTRAINT amendment_amount_range CHECK (amount >= -9223372036854775807),"
	" PRIMARY KEY (amendment, seq, year),"
	" FOREIGN KEY (amendment, seq) REFERENCES amendment_change (amendment, seq)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE response ("
	" number INTEGER PRIMARY KEY CONSTRAINT response_number CHECK (number >= 1),"
	" sender TEXT NOT NULL CONSTRAINT response_sender CHECK (length(trim(sender)) > 0),"
	" org_type TEXT NOT NULL CONSTRAINT response_org CHECK (org_type GLOB '[a-z]*'),"
	" received TEXT NOT NULL CONSTRAINT response_received CHECK (received = date(received)),"
	" consent INTEGER NOT NULL CONSTRAINT response_consent CHECK (consent IN (0, 1)),"
	" text TEXT,"
	" file_ref TEXT,"
	" position TEXT NOT NULL CONSTRAINT response_position"
	"  CHECK (position IN ('for', 'against', 'change', 'neutral')),"
	" comment TEXT,"
	" late INTEGER NOT NULL CONSTRAINT response_late CHECK (late IN (0, 1))"
	") STRICT;"
	"CREATE TABLE response_line ("
	" response INTEGER NOT NULL REFERENCES response (number) ON DELETE CASCADE,"
	" code TEXT NOT NULL CONSTRAINT response_line_code CHECK (length(trim(code)) > 0),"
	" PRIMARY KEY (response, code)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX response_line_code ON response_line (code);"
	"CREATE TABLE response_area ("
	" response INTEGER NOT NULL REFERENCES response (number) ON DELETE CASCADE,"
	" path TEXT NOT NULL CONSTRAINT response_area_path CHECK (length(trim(path)) > 0),"
	" PRIMARY KEY (response, path)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE deficit_accept ("
	" id INTEGER PRIMARY KEY,"
	" version_id INTEGER NOT NULL REFERENCES version (id),"
	" reason TEXT NOT NULL CONSTRAINT deficit_reason CHECK (length(trim(reason)) > 0),"
	" at TEXT NOT NULL,"
	" actor TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE deficit_accept_year ("
	" accept_id INTEGER NOT NULL REFERENCES deficit_accept (id),"
	" year INTEGER NOT NULL CONSTRAINT deficit_year CHECK (year BETWEEN 1900 AND 2199),"
	" deficit INTEGER NOT NULL CONSTRAINT deficit_amount CHECK (deficit >= 0),"
	" PRIMARY KEY (accept_id, year)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE spotlight_v4 ("
	" id INTEGER PRIMARY KEY CONSTRAINT spotlight_single CHECK (id = 1),"
	" kind TEXT NOT NULL CONSTRAINT spotlight_kind"
	"  CHECK (kind IN ('none', 'line', 'area', 'goal', 'message', 'results',"
	"   'representation', 'amendment')),"
	" ref TEXT CONSTRAINT spotlight_ref"
	"  CHECK ((ref IS NOT NULL) = (kind IN ('line', 'area', 'goal', 'results',"
	"   'representation', 'amendment'))),"
	" text TEXT CONSTRAINT spotlight_text"
	"  CHECK ((text IS NOT NULL) = (kind = 'message')"
	"   AND (text IS NULL OR length(CAST(text AS BLOB)) BETWEEN 1 AND 200)),"
	" at TEXT,"
	" actor TEXT"
	") STRICT;"
	"INSERT INTO spotlight_v4 SELECT id, kind, ref, text, at, actor FROM spotlight;"
	"DROP TABLE spotlight;"
	"ALTER TABLE spotlight_v4 RENAME TO spotlight;";

/* 4 -> 5: no table changes; the trigger line_frozen_structure (a line of
 * a frozen version keeps its code, area and kind).  An empty step, so
 * that a version-4 file gets the trigger (bl_schema_migrate reinstalls
 * them all). */
static const char schema_v5[] = "";

/* 5 -> 6: goals and the SDGs (store/goal_store.c, core/sdg.h).
 *
 * A goal names the SDG targets it serves (goal_target, as "11.7": the
 * targets are data the program ships, checked in C, not a table), and
 * may have an indicator: what is measured, its unit, the zero-point
 * baseline and its year, the target value and year.  Follow-up
 * measurements come later (goal_measure), one per date.  Values are
 * decimal numbers kept as the text they were written in ("42", "-3.5"),
 * never floating point: they are shown, compared by people, not summed.
 * The goal's owner is its area (a committee). */
static const char schema_v6[] =
	"CREATE TABLE goal_target ("
	" goal_id INTEGER NOT NULL REFERENCES goal (id),"
	" target TEXT NOT NULL CONSTRAINT goal_target_form"
	"  CHECK (target GLOB '[1-9]*.[0-9a-z]*' AND target NOT GLOB '*[^0-9a-z.]*'),"
	" PRIMARY KEY (goal_id, target)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX goal_target_target ON goal_target (target);"
	"CREATE TABLE goal_indicator ("
	" goal_id INTEGER PRIMARY KEY REFERENCES goal (id),"
	" indicator TEXT NOT NULL CONSTRAINT goal_indicator_text"
	"  CHECK (length(trim(indicator)) > 0),"
	" unit TEXT,"
	" baseline TEXT NOT NULL CONSTRAINT goal_indicator_baseline"
	"  CHECK (baseline GLOB '[0-9-]*' AND ltrim(baseline, '-') NOT GLOB '*[^0-9.]*'),"
	" baseline_year INTEGER NOT NULL CONSTRAINT goal_indicator_baseline_year"
	"  CHECK (baseline_year BETWEEN 1900 AND 2199),"
	" target TEXT CONSTRAINT goal_indicator_target"
	"  CHECK (target IS NULL OR (target GLOB '[0-9-]*' AND ltrim(target, '-') NOT GLOB '*[^0-9.]*')),"
	" target_year INTEGER CONSTRAINT goal_indicator_target_year"
	"  CHECK ((target IS NULL) = (target_year IS NULL)"
	"   AND (target_year IS NULL OR target_year BETWEEN baseline_year AND 2199))"
	") STRICT;"
	"CREATE TABLE goal_measure ("
	" goal_id INTEGER NOT NULL REFERENCES goal_indicator (goal_id),"
	" measured TEXT NOT NULL CONSTRAINT goal_measure_date CHECK (measured = date(measured)),"
	" value TEXT NOT NULL CONSTRAINT goal_measure_value"
	"  CHECK (value GLOB '[0-9-]*' AND ltrim(value, '-') NOT GLOB '*[^0-9.]*'),"
	" note TEXT,"
	" PRIMARY KEY (goal_id, measured)"
	") STRICT, WITHOUT ROWID;";

/* 6 -> 7: the three pillars of sustainability for budget lines
 * (store/pillar_store.c), as ideas have them (schema 3): social,
 * economic and environmental, each from -2 (clearly harmful) to +2
 * (clearly good), NULL while not assessed, with a short justification.
 * An assessment is analysis, not the budget: no lock holds it. */
static const char schema_v7[] =
	"CREATE TABLE line_pillar ("
	" line_id INTEGER PRIMARY KEY REFERENCES line (id) ON DELETE CASCADE,"
	" social INTEGER CONSTRAINT line_pillar_social CHECK (social BETWEEN -2 AND 2),"
	" economic INTEGER CONSTRAINT line_pillar_economic CHECK (economic BETWEEN -2 AND 2),"
	" environmental INTEGER CONSTRAINT line_pillar_environmental"
	"  CHECK (environmental BETWEEN -2 AND 2),"
	" justification TEXT,"
	" CONSTRAINT line_pillar_some CHECK (social IS NOT NULL OR economic IS NOT NULL"
	"  OR environmental IS NOT NULL)"
	") STRICT;";

/* 7 -> 8: a goal's status (draft, discussed, agreed), the SDGs the
 * municipality chose (sdg_choice), and development
 * pools (udviklingspuljer, store/pool_store.c).
 *
 * A pool is ring-fenced money in the budget: it is one expense line (its
 * money is counted once, as that line), and its amount per year is that
 * line's amount in the working version (the proposal until the first
 * reading is frozen, the adopted version after).  Projects apply to a
 * pool (kind development, capital or operation; the pool says which kinds
 * may draw on it), are assessed on the three pillars and the goals they
 * serve, and are granted an amount per year (pool_amount: asked and
 * granted side by side, so the finance officer sees both).
 *
 * The rules hold in the database, whatever writes: the triggers (list
 * below) refuse a grant above what is left in the year (or, when unspent
 * money is carried over, above what is left of the years so far), above
 * the pool's maximum per project, for a kind the pool does not take, or
 * for a project not granted; and they refuse lowering the pool's line
 * below what is granted, in any version path (an edit, an amendment's
 * derivation, the freeze that makes the adopted version the working
 * one), turning it into income, removing it, or moving the pool to
 * another line that holds less.  The bulk loader, which drops the amount
 * triggers, checks pool_short before it commits (bl_store_pools_check).
 *
 * pool_year is each pool's budget, grants and what the projects still in
 * play (applied or granted) asked for, per process year;
 * pool_short the years where a pool's rules do not hold (it is empty in
 * every committed database).  kinds is a canonical, comma-separated
 * subset of development,capital,operation (in that order).
 *
 * The spotlight is rebuilt to show a pool (ref: its key) on the
 * projector: its money per year, granted and left, never who applied. */
#define WORKING_VERSION                                                       \
	"(SELECT CASE WHEN EXISTS (SELECT 1 FROM version_freeze f JOIN version v" \
	" ON v.id = f.version_id WHERE v.key = 'first_reading')"              \
	" THEN (SELECT id FROM version WHERE key = 'adopted')"                \
	" ELSE (SELECT id FROM version WHERE key = 'proposal') END)"
static const char schema_v8[] =
	/* A goal is drafted, discussed and agreed ("goals before economy"):
	 * the gate every_area_has_agreed_goal counts the agreed ones. */
	"ALTER TABLE goal ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'"
	" CONSTRAINT goal_status CHECK (status IN ('draft', 'discussed', 'agreed'));"
	/* The SDGs the municipality chose as its frame, in the Asker form:
	 * each one's local significance, opportunities and challenges (the
	 * targets, goals and money come from the goals that serve it). */
	"CREATE TABLE sdg_choice ("
	" sdg INTEGER PRIMARY KEY CONSTRAINT sdg_choice_goal CHECK (sdg BETWEEN 1 AND 17),"
	" significance TEXT,"
	" opportunities TEXT,"
	" challenges TEXT"
	") STRICT;"
	"CREATE TABLE pool ("
	" id INTEGER PRIMARY KEY,"
	" key TEXT NOT NULL UNIQUE CONSTRAINT pool_key"
	"  CHECK (key GLOB '[a-z0-9]*' AND key NOT GLOB '*[^a-z0-9_-]*'"
	"   AND length(key) BETWEEN 1 AND 32),"
	" name TEXT NOT NULL CONSTRAINT pool_name CHECK (length(trim(name)) > 0),"
	" purpose TEXT,"
	" line_id INTEGER NOT NULL UNIQUE REFERENCES line (id),"
	" kinds TEXT NOT NULL CONSTRAINT pool_kinds CHECK (kinds IN ('development',"
	"  'capital', 'operation', 'development,capital', 'development,operation',"
	"  'capital,operation', 'development,capital,operation')),"
	" max_per_project INTEGER CONSTRAINT pool_max"
	"  CHECK (max_per_project IS NULL OR max_per_project > 0),"
	" carry_over INTEGER NOT NULL CONSTRAINT pool_carry CHECK (carry_over IN (0, 1))"
	") STRICT;"
	"CREATE TABLE pool_goal ("
	" pool_id INTEGER NOT NULL REFERENCES pool (id),"
	" goal_id INTEGER NOT NULL REFERENCES goal (id),"
	" PRIMARY KEY (pool_id, goal_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX pool_goal_goal ON pool_goal (goal_id);"
	/* applicant may be a citizen's name: personal data, never journalled
	 * nor shown on the projector. */
	"CREATE TABLE pool_project ("
	" id INTEGER PRIMARY KEY,"
	" pool_id INTEGER NOT NULL REFERENCES pool (id),"
	" number INTEGER NOT NULL CONSTRAINT pool_project_number CHECK (number >= 1),"
	" title TEXT NOT NULL CONSTRAINT pool_project_title CHECK (length(trim(title)) > 0),"
	" applicant TEXT,"
	" kind TEXT NOT NULL CONSTRAINT pool_project_kind"
	"  CHECK (kind IN ('development', 'capital', 'operation')),"
	" description TEXT,"
	" applied TEXT NOT NULL CONSTRAINT pool_project_applied CHECK (applied = date(applied)),"
	" status TEXT NOT NULL CONSTRAINT pool_project_status"
	"  CHECK (status IN ('applied', 'granted', 'rejected', 'withdrawn')),"
	" decided_at TEXT,"
	" note TEXT,"
	" social INTEGER CONSTRAINT pool_project_social CHECK (social BETWEEN -2 AND 2),"
	" economic INTEGER CONSTRAINT pool_project_economic CHECK (economic BETWEEN -2 AND 2),"
	" environmental INTEGER CONSTRAINT pool_project_environmental"
	"  CHECK (environmental BETWEEN -2 AND 2),"
	" justification TEXT,"
	" UNIQUE (pool_id, number)"
	") STRICT;"
	"CREATE TABLE pool_project_goal ("
	" project_id INTEGER NOT NULL REFERENCES pool_project (id),"
	" goal_id INTEGER NOT NULL REFERENCES goal (id),"
	" PRIMARY KEY (project_id, goal_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX pool_project_goal_goal ON pool_project_goal (goal_id);"
	"CREATE TABLE pool_amount ("
	" project_id INTEGER NOT NULL REFERENCES pool_project (id),"
	" year INTEGER NOT NULL CONSTRAINT pool_amount_year CHECK (year BETWEEN 1900 AND 2199),"
	" asked INTEGER NOT NULL CONSTRAINT pool_amount_asked CHECK (asked >= 0),"
	" granted INTEGER NOT NULL CONSTRAINT pool_amount_granted CHECK (granted >= 0),"
	" PRIMARY KEY (project_id, year)"
	") STRICT, WITHOUT ROWID;"
	"CREATE VIEW pool_year AS"
	" WITH RECURSIVE y(year) AS (SELECT budget_year FROM process UNION ALL"
	"  SELECT year + 1 FROM y WHERE year + 1 < (SELECT budget_year + n_years FROM process))"
	" SELECT p.id AS pool_id, y.year AS year,"
	"  coalesce((SELECT a.amount FROM amount a WHERE a.line_id = p.line_id"
	"   AND a.version_id = " WORKING_VERSION " AND a.year = y.year), 0) AS budget,"
	"  coalesce((SELECT sum(g.granted) FROM pool_amount g JOIN pool_project j"
	"   ON j.id = g.project_id WHERE j.pool_id = p.id AND g.year = y.year), 0) AS granted,"
	"  coalesce((SELECT sum(g.asked) FROM pool_amount g JOIN pool_project j"
	"   ON j.id = g.project_id WHERE j.pool_id = p.id AND g.year = y.year"
	"   AND j.status IN ('applied', 'granted')), 0) AS asked"
	" FROM pool p, y;"
	"CREATE VIEW pool_short AS"
	" SELECT pool_id, year, budget, granted, cum_budget, cum_granted, carry_over FROM"
	" (SELECT y.pool_id, y.year, y.budget, y.granted, p.carry_over,"
	"   sum(y.budget) OVER w AS cum_budget, sum(y.granted) OVER w AS cum_granted"
	"  FROM pool_year y JOIN pool p ON p.id = y.pool_id"
	"  WINDOW w AS (PARTITION BY y.pool_id ORDER BY y.year))"
	" WHERE CASE carry_over WHEN 1 THEN cum_granted > cum_budget"
	"  ELSE granted > budget END;"
	"CREATE TABLE spotlight_v8 ("
	" id INTEGER PRIMARY KEY CONSTRAINT spotlight_single CHECK (id = 1),"
	" kind TEXT NOT NULL CONSTRAINT spotlight_kind"
	"  CHECK (kind IN ('none', 'line', 'area', 'goal', 'message', 'results',"
	"   'representation', 'amendment', 'pool')),"
	" ref TEXT CONSTRAINT spotlight_ref"
	"  CHECK ((ref IS NOT NULL) = (kind IN ('line', 'area', 'goal', 'results',"
	"   'representation', 'amendment', 'pool'))),"
	" text TEXT CONSTRAINT spotlight_text"
	"  CHECK ((text IS NOT NULL) = (kind = 'message')"
	"   AND (text IS NULL OR length(CAST(text AS BLOB)) BETWEEN 1 AND 200)),"
	" at TEXT,"
	" actor TEXT"
	") STRICT;"
	"INSERT INTO spotlight_v8 SELECT id, kind, ref, text, at, actor FROM spotlight;"
	"DROP TABLE spotlight;"
	"ALTER TABLE spotlight_v8 RENAME TO spotlight;";

const char *const bl_migrations[] = { schema_v1, schema_v2, schema_v3, schema_v4, schema_v5,
				      schema_v6, schema_v7, schema_v8 };
const size_t bl_n_migrations = sizeof bl_migrations / sizeof bl_migrations[0];

_Static_assert(sizeof bl_migrations / sizeof bl_migrations[0] == BL_SCHEMA_VERSION,
	       "one migration step per schema version");

/* ---- triggers ----
 *
 * Always the current set: installed at creation, reinstalled after every
 * migration, and dropped and recreated by a bulk load from these same
 * strings.  Changing one therefore needs a new schema version (a step that
 * may be empty), so that existing files get the new definition. */

/* The current phase's lock mask; NULL (false) while setting up. */
#define LOCKS "(SELECT p.locks FROM phase_state s JOIN phase p ON p.ord = s.current)"
/* Refuse with the lock's message; bit is the lock's bit index. */
#define REFUSE_LOCK(bit)                                                      \
	"SELECT bl_refuse('locked', " #bit ", p.title)"                       \
	" FROM phase_state s JOIN phase p ON p.ord = s.current;"
#define LOCK_TRIGGER(name, event, table, bit, mask)                           \
	{ name, table,                                                        \
	  "CREATE TRIGGER " name " BEFORE " event " ON " table                \
	  " WHEN " LOCKS " & " #mask " BEGIN " REFUSE_LOCK(bit) " END" }

/* Refuse a year outside the process's years (amounts, pool amounts). */
#define YEAR_TRIGGER(name, event, table)                                      \
	{ name, table,                                                        \
	  "CREATE TRIGGER " name " BEFORE " event " ON " table                \
	  " WHEN NEW.year NOT BETWEEN (SELECT budget_year FROM process)"      \
	  "  AND (SELECT budget_year + n_years - 1 FROM process)"             \
	  " BEGIN SELECT bl_refuse('year', NEW.year, budget_year,"            \
	  "  budget_year + n_years - 1) FROM process; END" }

/* A journal row; the expressions are SQL. */
#define JOURNAL(entity, key, action, before, after)                           \
	"INSERT INTO journal (at, actor, entity, key, action, before, after)" \
	" SELECT bl_now(), bl_actor(), '" entity "', " key ", '" action "', " \
	before ", " after ";"
#define JOURNAL_TRIGGER(name, event, table, body)                             \
	{ name, table,                                                        \
	  "CREATE TRIGGER " name " AFTER " event " ON " table " BEGIN " body  \
	  " END" }

/* The same, only when cond (SQL) holds. */
#define JOURNAL_TRIGGER_WHEN(name, event, table, cond, body)                  \
	{ name, table,                                                        \
	  "CREATE TRIGGER " name " AFTER " event " ON " table " WHEN " cond    \
	  " BEGIN " body " END" }

/* JSON objects for before/after.  R is NEW or OLD. */
#define PROCESS_JSON(R)                                                       \
	"json_object('municipality', " R ".municipality, 'title', " R ".title," \
	" 'currency', " R ".currency, 'language', " R ".language,"            \
	" 'budget_year', " R ".budget_year, 'n_years', " R ".n_years)"
#define AREA_JSON(R)                                                          \
	"json_object('code', " R ".code, 'name', " R ".name,"                 \
	" 'parent', bl_area_path(" R ".parent_id),"                          \
	" 'level', " R ".level)"
/* Areas by their path ("BSU/SKOLE"): a code is unique only among its
 * siblings, so a move between two areas called SK shows as a change. */
#define LINE_JSON(R)                                                          \
	"json_object('code', " R ".code, 'title', " R ".title,"               \
	" 'area', bl_area_path(" R ".area_id),"                              \
	" 'kind', " R ".kind, 'direction', " R ".direction,"                  \
	" 'description', " R ".description)"
#define LINE_CODE(R) "(SELECT code FROM line WHERE id = " R ".line_id)"
#define AMOUNT_JSON(R)                                                        \
	"json_object('line', " LINE_CODE(R) ","                               \
	" 'version', (SELECT key FROM version WHERE id = " R ".version_id),"  \
	" 'year', " R ".year, 'amount', " R ".amount)"
#define GOAL_JSON(R)                                                          \
	"json_object('id', " R ".id, 'title', " R ".title,"                   \
	" 'area', bl_area_path(" R ".area_id),"                              \
	" 'description', " R ".description, 'status', " R ".status)"
#define GOAL_LINE_JSON(R)                                                     \
	"json_object('goal', " R ".goal_id, 'line', " LINE_CODE(R) ")"
/* The checklist item as people number it: 1-based. */
#define CHECKLIST_JSON(R)                                                     \
	"json_object('phase', " R ".phase_id, 'item', " R ".item + 1,"        \
	" 'done_at', " R ".done_at)"

/* One row's contribution to the totals of its line's area and of the
 * whole budget (area 0), as rows (area_id, version_id, year, income,
 * expense, n).  AMT is the amount, VER and YEAR its version id and year,
 * AREA and DIR the line's area and direction, FROM and WHERE where they
 * come from. */
#define CONTRIBUTION(AMT, VER, YEAR, AREA, DIR, FROM, WHERE)                  \
	"SELECT CASE w.own WHEN 1 THEN " AREA " ELSE 0 END AS area_id,"       \
	" " VER " AS version_id, " YEAR " AS year,"                           \
	" CASE " DIR " WHEN 'income' THEN " AMT " ELSE 0 END AS income,"      \
	" CASE " DIR " WHEN 'expense' THEN " AMT " ELSE 0 END AS expense,"    \
	" 1 AS n"                                                             \
	" FROM " FROM ", (SELECT 1 AS own UNION ALL SELECT 0) w WHERE " WHERE

/* A sum that leaves the 64-bit range becomes a REAL in SQLite; typeof()
 * catches that, and bl_refuse() says which total would overflow. */
#define CHECKED(op, col, d)                                                   \
	"CASE WHEN typeof(total." col " " op " " d "." col ") = 'integer'"    \
	" THEN total." col " " op " " d "." col " ELSE " OVERFLOW " END"
#define OVERFLOW                                                              \
	"bl_refuse('overflow', (SELECT code FROM area WHERE id = total.area_id)," \
	" total.year, (SELECT key FROM version WHERE id = total.version_id))"

/* Add a contribution: a new totals row, or onto the existing one. */
#define TOTAL_ADD(AMT, VER, YEAR, AREA, DIR, FROM, WHERE)                     \
	"INSERT INTO total (area_id, version_id, year, income, expense, n) "  \
	CONTRIBUTION(AMT, VER, YEAR, AREA, DIR, FROM, WHERE)                  \
	" ON CONFLICT (area_id, version_id, year) DO UPDATE SET"              \
	" income = " CHECKED("+", "income", "excluded") ","                   \
	" expense = " CHECKED("+", "expense", "excluded") ","                 \
	" n = total.n + excluded.n;"

/* Take a contribution away.  An UPDATE, not an upsert with negated
 * values: SQLite checks the CHECK constraints (n >= 0) on an upsert's
 * candidate row before it finds the conflict.  The row exists, since the
 * contribution was added to it. */
#define TOTAL_SUB(AMT, VER, YEAR, AREA, DIR, FROM, WHERE)                     \
	"UPDATE total SET"                                                    \
	" income = " CHECKED("-", "income", "d") ","                          \
	" expense = " CHECKED("-", "expense", "d") ","                        \
	" n = total.n - d.n"                                                  \
	" FROM (" CONTRIBUTION(AMT, VER, YEAR, AREA, DIR, FROM, WHERE) ") AS d" \
	" WHERE total.area_id = d.area_id AND total.version_id = d.version_id" \
	" AND total.year = d.year;"

/* Labs (schema 3). */
#define LAB_KEY(ID) "printf('lab:%d', " ID ")"
#define LAB_JSON(R)                                                           \
	"json_object('lab', " R ".id, 'theme', " R ".theme, 'pool', " R ".pool," \
	" 'vote_type', " R ".vote_type, 'ballot_type', " R ".ballot_type,"    \
	" 'area', bl_area_path(" R ".area_id), 'rule', " R ".rule,"           \
	" 'tie_break', " R ".tie_break, 'status', " R ".status)"
#define SESSION_JSON(R)                                                       \
	"json_object('lab', " R ".lab_id, 'session', " R ".id, 'date', " R ".date," \
	" 'place', " R ".place, 'facilitator', " R ".facilitator)"
#define PARTICIPANT_JSON(R)                                                   \
	"json_object('lab', " R ".lab_id, 'participant', " R ".number,"       \
	" 'session', " R ".session_id)"
#define PARTICIPANT_KEY(R)                                                    \
	"(SELECT printf('lab:%d', lab_id) FROM participant WHERE id = " R ".participant_id)"
#define PCAT_JSON(R)                                                          \
	"json_object('participant', (SELECT number FROM participant"          \
	" WHERE id = " R ".participant_id), 'category', " R ".category,"      \
	" 'value', " R ".value)"
#define IDEA_JSON(R)                                                          \
	"json_object('lab', " R ".lab_id, 'idea', " R ".number, 'title', " R ".title," \
	" 'description', " R ".description, 'proposer', " R ".proposer,"      \
	" 'area', bl_area_path(" R ".area_id), 'feasibility', " R ".feasibility," \
	" 'status', " R ".status, 'social', " R ".social, 'economic', " R ".economic," \
	" 'environmental', " R ".environmental)"
#define IDEA_GOAL_JSON(R)                                                     \
	"json_object('idea', (SELECT number FROM idea WHERE id = " R ".idea_id)," \
	" 'goal', " R ".goal_id)"
#define IDEA_KEY(R)                                                           \
	"(SELECT printf('lab:%d', lab_id) FROM idea WHERE id = " R ".idea_id)"
#define IDEA_COST_JSON(R)                                                     \
	"json_object('idea', (SELECT number FROM idea WHERE id = " R ".idea_id)," \
	" 'year', " R ".year, 'amount', " R ".amount)"

/* The pillars of a line (schema 7). */
#define PILLAR_JSON(R)                                                        \
	"json_object('line', " LINE_CODE(R) ", 'social', " R ".social,"       \
	" 'economic', " R ".economic, 'environmental', " R ".environmental,"  \
	" 'justification', " R ".justification)"

/* Goals and the SDGs (schema 6). */
#define INDICATOR_JSON(R)                                                     \
	"json_object('goal', " R ".goal_id, 'indicator', " R ".indicator,"    \
	" 'unit', " R ".unit, 'baseline', " R ".baseline,"                    \
	" 'baseline_year', " R ".baseline_year, 'target', " R ".target,"      \
	" 'target_year', " R ".target_year)"
#define MEASURE_JSON(R)                                                       \
	"json_object('goal', " R ".goal_id, 'measured', " R ".measured,"      \
	" 'value', " R ".value, 'note', " R ".note)"

/* Readings (schema 4). */
#define FROZEN(VER) "EXISTS (SELECT 1 FROM version_freeze WHERE version_id = " VER ")"
#define REFUSE_FROZEN(VER)                                                    \
	"SELECT bl_refuse('frozen', v.key, f.frozen_at,"                      \
	" (SELECT title FROM phase WHERE id = f.phase_id), f.derived)"        \
	" FROM version_freeze f JOIN version v ON v.id = f.version_id"        \
	" WHERE f.version_id = " VER ";"
#define FROZEN_TRIGGER(name, event, R)                                        \
	{ name, "amount",                                                     \
	  "CREATE TRIGGER " name " BEFORE " event " ON amount"                \
	  " WHEN NOT bl_deriving() AND " FROZEN(R ".version_id")              \
	  " BEGIN " REFUSE_FROZEN(R ".version_id") " END" }
#define AMENDMENT_KEY(N) "printf('amendment:%d', " N ")"
#define AMENDMENT_JSON(R)                                                     \
	"json_object('amendment', " R ".number, 'title', " R ".title,"        \
	" 'party', " R ".party, 'justification', " R ".justification,"        \
	" 'parent', " R ".parent, 'tabled', " R ".tabled, 'late', " R ".late," \
	" 'decision', " R ".decision, 'note', " R ".decision_note)"
#define CHANGE_JSON(R)                                                        \
	"json_object('amendment', " R ".amendment, 'change', " R ".seq + 1,"  \
	" 'op', " R ".op, 'line', " R ".code, 'title', " R ".title,"          \
	" 'area', " R ".area, 'kind', " R ".line_kind, 'direction', " R ".direction)"
#define CHANGE_AMOUNT_JSON(R)                                                 \
	"json_object('amendment', " R ".amendment, 'change', " R ".seq + 1,"  \
	" 'year', " R ".year, 'amount', " R ".amount)"
/* A decided amendment's changes are never touched. */
#define DECIDED(N) "(SELECT decision FROM amendment WHERE number = " N ") <> 'undecided'"
#define REFUSE_DECIDED(N)                                                     \
	"SELECT bl_refuse('decided', number, decision, decided_at, decided_by)" \
	" FROM amendment WHERE number = " N ";"
#define DECIDED_TRIGGER(name, event, table, R)                                \
	{ name, table,                                                        \
	  "CREATE TRIGGER " name " BEFORE " event " ON " table                \
	  " WHEN " DECIDED(R ".amendment") " BEGIN " REFUSE_DECIDED(R ".amendment") " END" }
#define RESPONSE_KEY(N) "printf('response:%d', " N ")"
/* Never the sender: the journal is shown to anyone with the file. */
#define RESPONSE_JSON(R)                                                      \
	"json_object('response', " R ".number, 'org_type', " R ".org_type,"   \
	" 'received', " R ".received, 'consent', " R ".consent,"              \
	" 'position', " R ".position, 'late', " R ".late,"                    \
	" 'commented', " R ".comment IS NOT NULL AND length(trim(" R ".comment)) > 0)"

/* The chosen SDGs (schema 8). */
#define SDG_CHOICE_JSON(R)                                                    \
	"json_object('sdg', " R ".sdg, 'significance', " R ".significance,"   \
	" 'opportunities', " R ".opportunities, 'challenges', " R ".challenges)"

/* Development pools (schema 8).  The journal's key is "pool:KEY" for the
 * pool, its goals, projects and amounts alike, so that `journal` finds a
 * pool's whole history under one key.  Never the applicant. */
#define POOL_KEY(K) "('pool:' || " K ")"
#define POOL_KEY_OF(ID) "(SELECT 'pool:' || key FROM pool WHERE id = " ID ")"
#define PROJECT_POOL_KEY(ID)                                                  \
	"(SELECT 'pool:' || p.key FROM pool_project j JOIN pool p ON p.id = j.pool_id" \
	" WHERE j.id = " ID ")"
#define POOL_JSON(R)                                                          \
	"json_object('pool', " R ".key, 'name', " R ".name, 'purpose', " R ".purpose," \
	" 'line', (SELECT code FROM line WHERE id = " R ".line_id), 'kinds', " R ".kinds," \
	" 'max_per_project', " R ".max_per_project, 'carry_over', " R ".carry_over)"
#define POOL_GOAL_JSON(R)                                                     \
	"json_object('pool', (SELECT key FROM pool WHERE id = " R ".pool_id),"  \
	" 'goal', " R ".goal_id)"
#define PROJECT_JSON(R)                                                       \
	"json_object('pool', (SELECT key FROM pool WHERE id = " R ".pool_id),"  \
	" 'project', " R ".number, 'title', " R ".title, 'kind', " R ".kind,"  \
	" 'description', " R ".description, 'applied', " R ".applied,"        \
	" 'status', " R ".status, 'note', " R ".note, 'social', " R ".social,"  \
	" 'economic', " R ".economic, 'environmental', " R ".environmental,"  \
	" 'justification', " R ".justification)"
#define PROJECT_NUMBER(ID) "(SELECT number FROM pool_project WHERE id = " ID ")"
#define PROJECT_GOAL_JSON(R)                                                  \
	"json_object('project', " PROJECT_NUMBER(R ".project_id") ", 'goal', " R ".goal_id)"
#define POOL_AMOUNT_JSON(R)                                                   \
	"json_object('project', " PROJECT_NUMBER(R ".project_id") ","         \
	" 'year', " R ".year, 'asked', " R ".asked, 'granted', " R ".granted)"
/* Refuse if a pool that COND (SQL on p, the pool) selects does not hold
 * its grants in some year. */
#define POOL_SHORT(COND)                                                      \
	"SELECT bl_refuse('pool_over', p.name, s.year, s.budget, s.granted,"  \
	" s.cum_budget, s.cum_granted, s.carry_over,"                         \
	" (SELECT code FROM line WHERE id = p.line_id), p.key)"               \
	" FROM pool_short s JOIN pool p ON p.id = s.pool_id WHERE " COND      \
	" LIMIT 1;"
/* Refuse if project ID, which has money granted, is not granted, is of
 * a kind its pool does not take, or has more than the pool's maximum. */
#define POOL_PROJECT_RULES(ID)                                                \
	"SELECT bl_refuse('pool_status', p.name, j.number, j.status)"         \
	" FROM pool_project j JOIN pool p ON p.id = j.pool_id"                \
	" WHERE j.id = " ID " AND j.status <> 'granted';"                     \
	"SELECT bl_refuse('pool_kind', p.name, j.number, j.kind, p.kinds)"    \
	" FROM pool_project j JOIN pool p ON p.id = j.pool_id WHERE j.id = " ID \
	" AND instr(',' || p.kinds || ',', ',' || j.kind || ',') = 0;"        \
	"SELECT bl_refuse('pool_max', p.name, j.number,"                      \
	" (SELECT sum(granted) FROM pool_amount WHERE project_id = j.id), p.max_per_project)" \
	" FROM pool_project j JOIN pool p ON p.id = j.pool_id WHERE j.id = " ID \
	" AND p.max_per_project IS NOT NULL"                                  \
	" AND (SELECT sum(granted) FROM pool_amount WHERE project_id = j.id) > p.max_per_project;"

const bl_trigger bl_triggers[] = {
	/* ---- the journal is append-only ---- */
	{ "journal_no_update", "journal",
	  "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
	  " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END" },
	{ "journal_no_delete", "journal",
	  "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
	  " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END" },

	/* ---- the process ---- */
	JOURNAL_TRIGGER("process_journal_insert", "INSERT", "process",
			JOURNAL("process", "NULL", "insert", "NULL", PROCESS_JSON("NEW"))),
	JOURNAL_TRIGGER("process_journal_update", "UPDATE", "process",
			JOURNAL("process", "NULL", "update", PROCESS_JSON("OLD"),
				PROCESS_JSON("NEW"))),
	{ "process_no_delete", "process",
	  "CREATE TRIGGER process_no_delete BEFORE DELETE ON process"
	  " BEGIN SELECT RAISE(ABORT, 'the process cannot be deleted'); END" },

	/* ---- phases ---- */
	{ "phase_state_range", "phase_state",
	  "CREATE TRIGGER phase_state_range BEFORE UPDATE ON phase_state"
	  " WHEN NEW.current >= (SELECT count(*) FROM phase)"
	  " BEGIN SELECT RAISE(ABORT, 'there is no such phase'); END" },
	JOURNAL_TRIGGER("phase_log_journal", "INSERT", "phase_log",
			JOURNAL("phase", "NEW.phase_id", "advance",
				"json_object('phase', (SELECT id FROM phase WHERE ord ="
				" (SELECT ord FROM phase WHERE id = NEW.phase_id) - 1))",
				"json_object('phase', NEW.phase_id,"
				" 'title', (SELECT title FROM phase WHERE id = NEW.phase_id),"
				" 'override_reason', NEW.override_reason,"
				" 'failed_gates', NEW.failed_gates)")),
	{ "checklist_item_range", "checklist",
	  "CREATE TRIGGER checklist_item_range BEFORE INSERT ON checklist"
	  " WHEN NEW.item >= (SELECT n_checklist FROM phase WHERE id = NEW.phase_id)"
	  " BEGIN SELECT bl_refuse('checklist', NEW.phase_id, NEW.item, n_checklist)"
	  " FROM phase WHERE id = NEW.phase_id; END" },
	JOURNAL_TRIGGER("checklist_journal_insert", "INSERT", "checklist",
			JOURNAL("checklist", "NEW.phase_id", "insert", "NULL",
				CHECKLIST_JSON("NEW"))),
	JOURNAL_TRIGGER("checklist_journal_update", "UPDATE", "checklist",
			JOURNAL("checklist", "NEW.phase_id", "update",
				CHECKLIST_JSON("OLD"), CHECKLIST_JSON("NEW"))),
	JOURNAL_TRIGGER("checklist_journal_delete", "DELETE", "checklist",
			JOURNAL("checklist", "OLD.phase_id", "delete",
				CHECKLIST_JSON("OLD"), "NULL")),

	/* ---- areas ---- */
	LOCK_TRIGGER("area_lock_insert", "INSERT", "area", 2, 4),
	LOCK_TRIGGER("area_lock_update", "UPDATE", "area", 2, 4),
	LOCK_TRIGGER("area_lock_delete", "DELETE", "area", 2, 4),
	/* level is stored (the gates ask for areas by level) and must agree
	 * with the parent's. */
	{ "area_level", "area",
	  "CREATE TRIGGER area_level BEFORE INSERT ON area"
	  " WHEN NEW.level IS NOT coalesce((SELECT level + 1 FROM area"
	  "  WHERE id = NEW.parent_id), 1)"
	  " BEGIN SELECT RAISE(ABORT, 'an area''s level must be one below its parent''s');"
	  " END" },
	/* Moving an area would leave its subtree's levels stale. */
	{ "area_no_move", "area",
	  "CREATE TRIGGER area_no_move BEFORE UPDATE OF parent_id, level ON area"
	  " WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.level IS NOT NEW.level"
	  " BEGIN SELECT RAISE(ABORT, 'an area cannot be moved in the hierarchy'); END" },
	JOURNAL_TRIGGER("area_journal_insert", "INSERT", "area",
			JOURNAL("area", "NEW.code", "insert", "NULL", AREA_JSON("NEW"))),
	JOURNAL_TRIGGER("area_journal_update", "UPDATE", "area",
			JOURNAL("area", "NEW.code", "update", AREA_JSON("OLD"),
				AREA_JSON("NEW"))),
	JOURNAL_TRIGGER("area_journal_delete", "DELETE", "area",
			JOURNAL("area", "OLD.code", "delete", AREA_JSON("OLD"), "NULL")),

	/* ---- lines ---- */
	LOCK_TRIGGER("line_lock_insert", "INSERT", "line", 1, 2),
	LOCK_TRIGGER("line_lock_update", "UPDATE", "line", 1, 2),
	LOCK_TRIGGER("line_lock_delete", "DELETE", "line", 1, 2),
	/* Turning an expense into income changes what every amount of the
	 * line means, and the balance by twice its sum: that is an amount
	 * change, refused while amounts are locked. */
	{ "line_lock_direction", "line",
	  "CREATE TRIGGER line_lock_direction BEFORE UPDATE OF direction ON line"
	  " WHEN OLD.direction IS NOT NEW.direction AND " LOCKS " & 1"
	  " BEGIN " REFUSE_LOCK(0) " END" },
	/* Remove the line's amounts and goal links while the line still
	 * exists, so that their own triggers can journal them (with the
	 * line code), check the amounts lock and update the totals.  The
	 * foreign keys' ON DELETE CASCADE runs after the line row is gone,
	 * when those triggers could no longer find it. */
	{ "line_delete_children", "line",
	  "CREATE TRIGGER line_delete_children BEFORE DELETE ON line BEGIN"
	  " DELETE FROM goal_line WHERE line_id = OLD.id;"
	  " DELETE FROM amount WHERE line_id = OLD.id; END" },
	/* A line moved to another area or direction takes its amounts'
	 * contributions with it. */
	{ "line_total_move", "line",
	  "CREATE TRIGGER line_total_move AFTER UPDATE OF area_id, direction ON line"
	  " WHEN OLD.area_id IS NOT NEW.area_id OR OLD.direction IS NOT NEW.direction"
	  " BEGIN "
	  TOTAL_SUB("a.amount", "a.version_id", "a.year", "OLD.area_id",
		    "OLD.direction", "amount a", "a.line_id = OLD.id")
	  TOTAL_ADD("a.amount", "a.version_id", "a.year", "NEW.area_id",
		    "NEW.direction", "amount a", "a.line_id = NEW.id")
	  " END" },
	JOURNAL_TRIGGER("line_journal_insert", "INSERT", "line",
			JOURNAL("line", "NEW.code", "insert", "NULL", LINE_JSON("NEW"))),
	JOURNAL_TRIGGER("line_journal_update", "UPDATE", "line",
			JOURNAL("line", "NEW.code", "update", LINE_JSON("OLD"),
				LINE_JSON("NEW"))),
	JOURNAL_TRIGGER("line_journal_delete", "DELETE", "line",
			JOURNAL("line", "OLD.code", "delete", LINE_JSON("OLD"), "NULL")),

	/* ---- amounts ----
	 * The lock does not hold the store's own derivations (bl_deriving):
	 * freezing the first-reading version on entering a phase that locks
	 * amounts copies amounts the user did not type. */
	{ "amount_lock_insert", "amount", "CREATE TRIGGER amount_lock_insert BEFORE INSERT ON amount WHEN " LOCKS " & 1 AND NOT bl_deriving() BEGIN " REFUSE_LOCK(0) " END" },
	{ "amount_lock_update", "amount", "CREATE TRIGGER amount_lock_update BEFORE UPDATE ON amount WHEN " LOCKS " & 1 AND NOT bl_deriving() BEGIN " REFUSE_LOCK(0) " END" },
	{ "amount_lock_delete", "amount", "CREATE TRIGGER amount_lock_delete BEFORE DELETE ON amount WHEN " LOCKS " & 1 AND NOT bl_deriving() BEGIN " REFUSE_LOCK(0) " END" },
	YEAR_TRIGGER("amount_year_insert", "INSERT", "amount"),
	YEAR_TRIGGER("amount_year_update", "UPDATE OF year", "amount"),
	{ "amount_total_insert", "amount",
	  "CREATE TRIGGER amount_total_insert AFTER INSERT ON amount BEGIN "
	  TOTAL_ADD("NEW.amount", "NEW.version_id", "NEW.year",
		    "l.area_id", "l.direction", "line l", "l.id = NEW.line_id")
	  " END" },
	{ "amount_total_update", "amount",
	  "CREATE TRIGGER amount_total_update AFTER UPDATE ON amount"
	  " WHEN OLD.amount IS NOT NEW.amount OR OLD.line_id IS NOT NEW.line_id"
	  "  OR OLD.version_id IS NOT NEW.version_id OR OLD.year IS NOT NEW.year"
	  " BEGIN "
	  TOTAL_SUB("OLD.amount", "OLD.version_id", "OLD.year",
		    "l.area_id", "l.direction", "line l", "l.id = OLD.line_id")
	  TOTAL_ADD("NEW.amount", "NEW.version_id", "NEW.year",
		    "l.area_id", "l.direction", "line l", "l.id = NEW.line_id")
	  " END" },
	{ "amount_total_delete", "amount",
	  "CREATE TRIGGER amount_total_delete AFTER DELETE ON amount BEGIN "
	  TOTAL_SUB("OLD.amount", "OLD.version_id", "OLD.year",
		    "l.area_id", "l.direction", "line l", "l.id = OLD.line_id")
	  " END" },
	JOURNAL_TRIGGER_WHEN("amount_journal_insert", "INSERT", "amount", "NOT bl_deriving()",
			JOURNAL("amount", LINE_CODE("NEW"), "insert", "NULL",
				AMOUNT_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("amount_journal_update", "UPDATE", "amount", "NOT bl_deriving()",
			JOURNAL("amount", LINE_CODE("NEW"), "update", AMOUNT_JSON("OLD"),
				AMOUNT_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("amount_journal_delete", "DELETE", "amount", "NOT bl_deriving()",
			JOURNAL("amount", LINE_CODE("OLD"), "delete", AMOUNT_JSON("OLD"),
				"NULL")),

	/* ---- goals ---- */
	LOCK_TRIGGER("goal_lock_insert", "INSERT", "goal", 3, 8),
	LOCK_TRIGGER("goal_lock_update", "UPDATE", "goal", 3, 8),
	LOCK_TRIGGER("goal_lock_delete", "DELETE", "goal", 3, 8),
	/* Unlink first, journalled, as for lines. */
	{ "goal_delete_children", "goal",
	  "CREATE TRIGGER goal_delete_children BEFORE DELETE ON goal BEGIN"
	  " DELETE FROM goal_line WHERE goal_id = OLD.id; END" },
	JOURNAL_TRIGGER("goal_journal_insert", "INSERT", "goal",
			JOURNAL("goal", "printf('%d', NEW.id)", "insert", "NULL",
				GOAL_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_journal_update", "UPDATE", "goal",
			JOURNAL("goal", "printf('%d', NEW.id)", "update", GOAL_JSON("OLD"),
				GOAL_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_journal_delete", "DELETE", "goal",
			JOURNAL("goal", "printf('%d', OLD.id)", "delete", GOAL_JSON("OLD"),
				"NULL")),
	LOCK_TRIGGER("goal_line_lock_insert", "INSERT", "goal_line", 3, 8),
	LOCK_TRIGGER("goal_line_lock_update", "UPDATE", "goal_line", 3, 8),
	LOCK_TRIGGER("goal_line_lock_delete", "DELETE", "goal_line", 3, 8),
	JOURNAL_TRIGGER("goal_line_journal_insert", "INSERT", "goal_line",
			JOURNAL("goal_line", "printf('%d', NEW.goal_id)", "insert", "NULL",
				GOAL_LINE_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_line_journal_update", "UPDATE", "goal_line",
			JOURNAL("goal_line", "printf('%d', NEW.goal_id)", "update",
				GOAL_LINE_JSON("OLD"), GOAL_LINE_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_line_journal_delete", "DELETE", "goal_line",
			JOURNAL("goal_line", "printf('%d', OLD.goal_id)", "delete",
				GOAL_LINE_JSON("OLD"), "NULL")),
	/* ---- labs (schema 3) ----
	 * Journal keys are "lab:N", so that `journal --line` never mixes a
	 * lab with a budget line and one lab's history is one key.  The
	 * participant's name is not in its journal entries: it is personal
	 * data, and the journal is shown to everyone who reads the file. */
	JOURNAL_TRIGGER("lab_journal_insert", "INSERT", "lab",
			JOURNAL("lab", LAB_KEY("NEW.id"), "insert", "NULL", LAB_JSON("NEW"))),
	JOURNAL_TRIGGER("lab_journal_update", "UPDATE", "lab",
			JOURNAL("lab", LAB_KEY("NEW.id"), "update", LAB_JSON("OLD"),
				LAB_JSON("NEW"))),
	{ "lab_no_delete", "lab",
	  "CREATE TRIGGER lab_no_delete BEFORE DELETE ON lab"
	  " BEGIN SELECT RAISE(ABORT, 'a lab cannot be deleted; close it instead'); END" },
	JOURNAL_TRIGGER("session_journal_insert", "INSERT", "session",
			JOURNAL("session", LAB_KEY("NEW.lab_id"), "insert", "NULL",
				SESSION_JSON("NEW"))),
	JOURNAL_TRIGGER("session_journal_update", "UPDATE", "session",
			JOURNAL("session", LAB_KEY("NEW.lab_id"), "update",
				SESSION_JSON("OLD"), SESSION_JSON("NEW"))),
	JOURNAL_TRIGGER("session_journal_delete", "DELETE", "session",
			JOURNAL("session", LAB_KEY("OLD.lab_id"), "delete",
				SESSION_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("participant_journal_insert", "INSERT", "participant",
			JOURNAL("participant", LAB_KEY("NEW.lab_id"), "insert", "NULL",
				PARTICIPANT_JSON("NEW"))),
	JOURNAL_TRIGGER("participant_journal_delete", "DELETE", "participant",
			JOURNAL("participant", LAB_KEY("OLD.lab_id"), "delete",
				PARTICIPANT_JSON("OLD"), "NULL")),
	{ "participant_no_update", "participant",
	  "CREATE TRIGGER participant_no_update BEFORE UPDATE OF lab_id, number ON participant"
	  " BEGIN SELECT RAISE(ABORT, 'a participant''s number cannot change'); END" },
	JOURNAL_TRIGGER("participant_category_journal_insert", "INSERT", "participant_category",
			JOURNAL("participant", PARTICIPANT_KEY("NEW"), "update", "NULL",
				PCAT_JSON("NEW"))),
	JOURNAL_TRIGGER("participant_category_journal_update", "UPDATE", "participant_category",
			JOURNAL("participant", PARTICIPANT_KEY("NEW"), "update", PCAT_JSON("OLD"),
				PCAT_JSON("NEW"))),
	JOURNAL_TRIGGER("participant_category_journal_delete", "DELETE", "participant_category",
			JOURNAL("participant", PARTICIPANT_KEY("OLD"), "update", PCAT_JSON("OLD"),
				"NULL")),
	JOURNAL_TRIGGER("idea_journal_insert", "INSERT", "idea",
			JOURNAL("idea", LAB_KEY("NEW.lab_id"), "insert", "NULL", IDEA_JSON("NEW"))),
	JOURNAL_TRIGGER("idea_journal_update", "UPDATE", "idea",
			JOURNAL("idea", LAB_KEY("NEW.lab_id"), "update", IDEA_JSON("OLD"),
				IDEA_JSON("NEW"))),
	JOURNAL_TRIGGER("idea_journal_delete", "DELETE", "idea",
			JOURNAL("idea", LAB_KEY("OLD.lab_id"), "delete", IDEA_JSON("OLD"), "NULL")),
	{ "idea_no_move", "idea",
	  "CREATE TRIGGER idea_no_move BEFORE UPDATE OF lab_id, number ON idea"
	  " BEGIN SELECT RAISE(ABORT, 'an idea''s number cannot change'); END" },
	JOURNAL_TRIGGER("idea_cost_journal_insert", "INSERT", "idea_cost",
			JOURNAL("idea_cost", IDEA_KEY("NEW"), "insert", "NULL", IDEA_COST_JSON("NEW"))),
	JOURNAL_TRIGGER("idea_cost_journal_update", "UPDATE", "idea_cost",
			JOURNAL("idea_cost", IDEA_KEY("NEW"), "update", IDEA_COST_JSON("OLD"),
				IDEA_COST_JSON("NEW"))),
	JOURNAL_TRIGGER("idea_cost_journal_delete", "DELETE", "idea_cost",
			JOURNAL("idea_cost", IDEA_KEY("OLD"), "delete", IDEA_COST_JSON("OLD"),
				"NULL")),
	JOURNAL_TRIGGER("idea_goal_journal_insert", "INSERT", "idea_goal",
			JOURNAL("idea_goal", IDEA_KEY("NEW"), "insert", "NULL", IDEA_GOAL_JSON("NEW"))),
	JOURNAL_TRIGGER("idea_goal_journal_delete", "DELETE", "idea_goal",
			JOURNAL("idea_goal", IDEA_KEY("OLD"), "delete", IDEA_GOAL_JSON("OLD"), "NULL")),
	/* A counted ballot is never changed: its marks never, the ballot only
	 * to void it, once (lab_store.c journals the entry of a ballot itself,
	 * as its marks come after its row). */
	{ "ballot_mark_no_update", "ballot_mark",
	  "CREATE TRIGGER ballot_mark_no_update BEFORE UPDATE ON ballot_mark"
	  " BEGIN SELECT RAISE(ABORT, 'a counted ballot is never changed; void it and enter a correction'); END" },
	{ "ballot_mark_no_delete", "ballot_mark",
	  "CREATE TRIGGER ballot_mark_no_delete BEFORE DELETE ON ballot_mark"
	  " BEGIN SELECT RAISE(ABORT, 'a counted ballot is never changed; void it and enter a correction'); END" },
	{ "ballot_no_delete", "ballot",
	  "CREATE TRIGGER ballot_no_delete BEFORE DELETE ON ballot"
	  " BEGIN SELECT RAISE(ABORT, 'a counted ballot is never deleted; void it instead'); END" },
	{ "ballot_no_update", "ballot",
	  "CREATE TRIGGER ballot_no_update BEFORE UPDATE ON ballot"
	  " WHEN OLD.void_reason IS NOT NULL OR NEW.void_reason IS NULL"
	  "  OR NEW.id IS NOT OLD.id OR NEW.lab_id IS NOT OLD.lab_id"
	  "  OR NEW.session_id IS NOT OLD.session_id OR NEW.participant_id IS NOT OLD.participant_id"
	  "  OR NEW.method IS NOT OLD.method OR NEW.voter IS NOT OLD.voter"
	  "  OR NEW.entered_at IS NOT OLD.entered_at OR NEW.actor IS NOT OLD.actor"
	  "  OR NEW.replaces IS NOT OLD.replaces OR NEW.pb_extra IS NOT OLD.pb_extra"
	  " BEGIN SELECT RAISE(ABORT, 'a counted ballot is never changed; void it and enter a correction'); END" },
	JOURNAL_TRIGGER("ballot_journal_void", "UPDATE OF void_reason", "ballot",
			JOURNAL("ballot", LAB_KEY("NEW.lab_id"), "void",
				"json_object('ballot', NEW.id)",
				"json_object('ballot', NEW.id, 'reason', NEW.void_reason)")),
	/* ---- goals and the SDGs (schema 6): locked with the goals; the
	 * follow-up measurements are not, since they come when goals are
	 * long agreed ---- */
	LOCK_TRIGGER("goal_target_lock_insert", "INSERT", "goal_target", 3, 8),
	LOCK_TRIGGER("goal_target_lock_delete", "DELETE", "goal_target", 3, 8),
	LOCK_TRIGGER("goal_indicator_lock_insert", "INSERT", "goal_indicator", 3, 8),
	LOCK_TRIGGER("goal_indicator_lock_update", "UPDATE", "goal_indicator", 3, 8),
	LOCK_TRIGGER("goal_indicator_lock_delete", "DELETE", "goal_indicator", 3, 8),
	{ "goal_delete_sdg", "goal",
	  "CREATE TRIGGER goal_delete_sdg BEFORE DELETE ON goal BEGIN"
	  " DELETE FROM goal_target WHERE goal_id = OLD.id;"
	  " DELETE FROM goal_measure WHERE goal_id = OLD.id;"
	  " DELETE FROM goal_indicator WHERE goal_id = OLD.id; END" },
	JOURNAL_TRIGGER("goal_target_journal_insert", "INSERT", "goal_target",
			JOURNAL("goal_target", "printf('%d', NEW.goal_id)", "insert", "NULL",
				"json_object('goal', NEW.goal_id, 'target', NEW.target)")),
	JOURNAL_TRIGGER("goal_target_journal_delete", "DELETE", "goal_target",
			JOURNAL("goal_target", "printf('%d', OLD.goal_id)", "delete",
				"json_object('goal', OLD.goal_id, 'target', OLD.target)", "NULL")),
	JOURNAL_TRIGGER("goal_indicator_journal_insert", "INSERT", "goal_indicator",
			JOURNAL("goal_indicator", "printf('%d', NEW.goal_id)", "insert", "NULL",
				INDICATOR_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_indicator_journal_update", "UPDATE", "goal_indicator",
			JOURNAL("goal_indicator", "printf('%d', NEW.goal_id)", "update",
				INDICATOR_JSON("OLD"), INDICATOR_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_indicator_journal_delete", "DELETE", "goal_indicator",
			JOURNAL("goal_indicator", "printf('%d', OLD.goal_id)", "delete",
				INDICATOR_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("goal_measure_journal_insert", "INSERT", "goal_measure",
			JOURNAL("goal_measure", "printf('%d', NEW.goal_id)", "insert", "NULL",
				MEASURE_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_measure_journal_update", "UPDATE", "goal_measure",
			JOURNAL("goal_measure", "printf('%d', NEW.goal_id)", "update",
				MEASURE_JSON("OLD"), MEASURE_JSON("NEW"))),
	JOURNAL_TRIGGER("goal_measure_journal_delete", "DELETE", "goal_measure",
			JOURNAL("goal_measure", "printf('%d', OLD.goal_id)", "delete",
				MEASURE_JSON("OLD"), "NULL")),

	/* ---- the pillars of a line (schema 7); removed with the line,
	 * journalled first ---- */
	{ "line_delete_pillar", "line",
	  "CREATE TRIGGER line_delete_pillar BEFORE DELETE ON line BEGIN"
	  " DELETE FROM line_pillar WHERE line_id = OLD.id; END" },
	JOURNAL_TRIGGER("line_pillar_journal_insert", "INSERT", "line_pillar",
			JOURNAL("line_pillar", LINE_CODE("NEW"), "insert", "NULL",
				PILLAR_JSON("NEW"))),
	JOURNAL_TRIGGER("line_pillar_journal_update", "UPDATE", "line_pillar",
			JOURNAL("line_pillar", LINE_CODE("NEW"), "update", PILLAR_JSON("OLD"),
				PILLAR_JSON("NEW"))),
	JOURNAL_TRIGGER("line_pillar_journal_delete", "DELETE", "line_pillar",
			JOURNAL("line_pillar", LINE_CODE("OLD"), "delete", PILLAR_JSON("OLD"),
				"NULL")),

	/* ---- the chosen SDGs (schema 8): held by the goals lock ---- */
	LOCK_TRIGGER("sdg_choice_lock_insert", "INSERT", "sdg_choice", 3, 8),
	LOCK_TRIGGER("sdg_choice_lock_update", "UPDATE", "sdg_choice", 3, 8),
	LOCK_TRIGGER("sdg_choice_lock_delete", "DELETE", "sdg_choice", 3, 8),
	JOURNAL_TRIGGER("sdg_choice_journal_insert", "INSERT", "sdg_choice",
			JOURNAL("sdg_choice", "printf('sdg:%d', NEW.sdg)", "insert", "NULL",
				SDG_CHOICE_JSON("NEW"))),
	JOURNAL_TRIGGER("sdg_choice_journal_update", "UPDATE", "sdg_choice",
			JOURNAL("sdg_choice", "printf('sdg:%d', NEW.sdg)", "update",
				SDG_CHOICE_JSON("OLD"), SDG_CHOICE_JSON("NEW"))),
	JOURNAL_TRIGGER("sdg_choice_journal_delete", "DELETE", "sdg_choice",
			JOURNAL("sdg_choice", "printf('sdg:%d', OLD.sdg)", "delete",
				SDG_CHOICE_JSON("OLD"), "NULL")),

	/* ---- development pools (schema 8) ---- */
	YEAR_TRIGGER("pool_amount_year_insert", "INSERT", "pool_amount"),
	YEAR_TRIGGER("pool_amount_year_update", "UPDATE OF year", "pool_amount"),
	/* A grant: to a granted project, of a kind the pool takes, within
	 * the maximum per project and what the pool has left. */
	{ "pool_amount_rules_insert", "pool_amount",
	  "CREATE TRIGGER pool_amount_rules_insert AFTER INSERT ON pool_amount"
	  " WHEN NEW.granted > 0 BEGIN " POOL_PROJECT_RULES("NEW.project_id")
	  POOL_SHORT("p.id = (SELECT pool_id FROM pool_project WHERE id = NEW.project_id)")
	  " END" },
	{ "pool_amount_rules_update", "pool_amount",
	  "CREATE TRIGGER pool_amount_rules_update AFTER UPDATE ON pool_amount"
	  " WHEN NEW.granted > 0 BEGIN " POOL_PROJECT_RULES("NEW.project_id")
	  POOL_SHORT("p.id = (SELECT pool_id FROM pool_project WHERE id = NEW.project_id)")
	  " END" },
	{ "pool_project_move", "pool_project",
	  "CREATE TRIGGER pool_project_move BEFORE UPDATE OF pool_id ON pool_project"
	  " WHEN OLD.pool_id IS NOT NEW.pool_id"
	  " AND EXISTS (SELECT 1 FROM pool_amount WHERE project_id = OLD.id)"
	  " BEGIN SELECT bl_refuse('pool_move', p.name, OLD.number) FROM pool p"
	  "  WHERE p.id = OLD.pool_id; END" },
	{ "pool_project_rules", "pool_project",
	  "CREATE TRIGGER pool_project_rules AFTER UPDATE OF kind, status ON pool_project"
	  " WHEN EXISTS (SELECT 1 FROM pool_amount WHERE project_id = NEW.id AND granted > 0)"
	  " BEGIN " POOL_PROJECT_RULES("NEW.id") " END" },
	{ "pool_project_no_delete", "pool_project",
	  "CREATE TRIGGER pool_project_no_delete BEFORE DELETE ON pool_project"
	  " BEGIN SELECT RAISE(ABORT, 'a pool project is never deleted; withdraw it instead');"
	  " END" },
	/* The pool's own rules changed: every granted project must still
	 * keep them, and its line must be an expense line that holds the
	 * grants. */
	{ "pool_line_insert", "pool",
	  "CREATE TRIGGER pool_line_insert AFTER INSERT ON pool BEGIN"
	  " SELECT bl_refuse('pool_line', l.code, NEW.name, 'income') FROM line l"
	  "  WHERE l.id = NEW.line_id AND l.direction <> 'expense'; END" },
	{ "pool_rules_update", "pool",
	  "CREATE TRIGGER pool_rules_update AFTER UPDATE ON pool BEGIN"
	  " SELECT bl_refuse('pool_line', l.code, NEW.name, 'income') FROM line l"
	  "  WHERE l.id = NEW.line_id AND l.direction <> 'expense';"
	  " SELECT bl_refuse('pool_kind', NEW.name, j.number, j.kind, NEW.kinds)"
	  "  FROM pool_project j WHERE j.pool_id = NEW.id"
	  "  AND instr(',' || NEW.kinds || ',', ',' || j.kind || ',') = 0"
	  "  AND EXISTS (SELECT 1 FROM pool_amount g WHERE g.project_id = j.id AND g.granted > 0)"
	  "  LIMIT 1;"
	  " SELECT bl_refuse('pool_max', NEW.name, j.number,"
	  "  (SELECT sum(granted) FROM pool_amount WHERE project_id = j.id), NEW.max_per_project)"
	  "  FROM pool_project j WHERE j.pool_id = NEW.id AND NEW.max_per_project IS NOT NULL"
	  "  AND (SELECT sum(granted) FROM pool_amount WHERE project_id = j.id)"
	  "   > NEW.max_per_project LIMIT 1;"
	  POOL_SHORT("p.id = NEW.id") " END" },
	{ "pool_no_delete", "pool",
	  "CREATE TRIGGER pool_no_delete BEFORE DELETE ON pool"
	  " WHEN EXISTS (SELECT 1 FROM pool_project WHERE pool_id = OLD.id)"
	  " BEGIN SELECT bl_refuse('pool_delete', OLD.name); END" },
	{ "pool_delete_goals", "pool",
	  "CREATE TRIGGER pool_delete_goals BEFORE DELETE ON pool BEGIN"
	  " DELETE FROM pool_goal WHERE pool_id = OLD.id; END" },
	/* The pool's line keeps its money: never below what is granted, in
	 * the working version, by whatever path (the derivation of the
	 * adopted version included), never income, never removed. */
	{ "line_pool_direction", "line",
	  "CREATE TRIGGER line_pool_direction BEFORE UPDATE OF direction ON line"
	  " WHEN NEW.direction <> 'expense' AND EXISTS (SELECT 1 FROM pool WHERE line_id = OLD.id)"
	  " BEGIN SELECT bl_refuse('pool_line', OLD.code, p.name, 'income') FROM pool p"
	  "  WHERE p.line_id = OLD.id; END" },
	{ "line_pool_delete", "line",
	  "CREATE TRIGGER line_pool_delete BEFORE DELETE ON line"
	  " WHEN EXISTS (SELECT 1 FROM pool WHERE line_id = OLD.id)"
	  " BEGIN SELECT bl_refuse('pool_line', OLD.code, p.name, 'delete') FROM pool p"
	  "  WHERE p.line_id = OLD.id; END" },
	{ "amount_pool_insert", "amount",
	  "CREATE TRIGGER amount_pool_insert AFTER INSERT ON amount"
	  " WHEN EXISTS (SELECT 1 FROM pool WHERE line_id = NEW.line_id)"
	  " BEGIN " POOL_SHORT("p.line_id = NEW.line_id") " END" },
	{ "amount_pool_update", "amount",
	  "CREATE TRIGGER amount_pool_update AFTER UPDATE ON amount"
	  " WHEN EXISTS (SELECT 1 FROM pool WHERE line_id IN (OLD.line_id, NEW.line_id))"
	  " BEGIN " POOL_SHORT("p.line_id IN (OLD.line_id, NEW.line_id)") " END" },
	{ "amount_pool_delete", "amount",
	  "CREATE TRIGGER amount_pool_delete AFTER DELETE ON amount"
	  " WHEN EXISTS (SELECT 1 FROM pool WHERE line_id = OLD.line_id)"
	  " BEGIN " POOL_SHORT("p.line_id = OLD.line_id") " END" },
	/* Freezing the first reading makes the adopted version the working
	 * one: its amounts must hold the grants too. */
	{ "version_freeze_pools", "version_freeze",
	  "CREATE TRIGGER version_freeze_pools AFTER INSERT ON version_freeze"
	  " BEGIN " POOL_SHORT("1") " END" },
	JOURNAL_TRIGGER("pool_journal_insert", "INSERT", "pool",
			JOURNAL("pool", POOL_KEY("NEW.key"), "insert", "NULL", POOL_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("pool_journal_update", "UPDATE", "pool",
			     POOL_JSON("OLD") " IS NOT " POOL_JSON("NEW"),
			     JOURNAL("pool", POOL_KEY("NEW.key"), "update", POOL_JSON("OLD"),
				     POOL_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_journal_delete", "DELETE", "pool",
			JOURNAL("pool", POOL_KEY("OLD.key"), "delete", POOL_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("pool_goal_journal_insert", "INSERT", "pool_goal",
			JOURNAL("pool_goal", POOL_KEY_OF("NEW.pool_id"), "insert", "NULL",
				POOL_GOAL_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_goal_journal_delete", "DELETE", "pool_goal",
			JOURNAL("pool_goal", POOL_KEY_OF("OLD.pool_id"), "delete",
				POOL_GOAL_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("pool_project_journal_insert", "INSERT", "pool_project",
			JOURNAL("pool_project", POOL_KEY_OF("NEW.pool_id"), "insert", "NULL",
				PROJECT_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("pool_project_journal_update", "UPDATE", "pool_project",
			     PROJECT_JSON("OLD") " IS NOT " PROJECT_JSON("NEW"),
			     JOURNAL("pool_project", POOL_KEY_OF("NEW.pool_id"), "update",
				     PROJECT_JSON("OLD"), PROJECT_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_project_goal_journal_insert", "INSERT", "pool_project_goal",
			JOURNAL("pool_project_goal", PROJECT_POOL_KEY("NEW.project_id"), "insert",
				"NULL", PROJECT_GOAL_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_project_goal_journal_delete", "DELETE", "pool_project_goal",
			JOURNAL("pool_project_goal", PROJECT_POOL_KEY("OLD.project_id"), "delete",
				PROJECT_GOAL_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("pool_amount_journal_insert", "INSERT", "pool_amount",
			JOURNAL("pool_amount", PROJECT_POOL_KEY("NEW.project_id"), "insert", "NULL",
				POOL_AMOUNT_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_amount_journal_update", "UPDATE", "pool_amount",
			JOURNAL("pool_amount", PROJECT_POOL_KEY("NEW.project_id"), "update",
				POOL_AMOUNT_JSON("OLD"), POOL_AMOUNT_JSON("NEW"))),
	JOURNAL_TRIGGER("pool_amount_journal_delete", "DELETE", "pool_amount",
			JOURNAL("pool_amount", PROJECT_POOL_KEY("OLD.project_id"), "delete",
				POOL_AMOUNT_JSON("OLD"), "NULL")),

	/* ---- versions (schema 4) ---- */
	FROZEN_TRIGGER("amount_frozen_insert", "INSERT", "NEW"),
	FROZEN_TRIGGER("amount_frozen_update_old", "UPDATE", "OLD"),
	FROZEN_TRIGGER("amount_frozen_update_new", "UPDATE", "NEW"),
	FROZEN_TRIGGER("amount_frozen_delete", "DELETE", "OLD"),
	/* Turning an expense into income would change the frozen version's
	 * balance without touching its amounts. */
	{ "line_frozen_direction", "line",
	  "CREATE TRIGGER line_frozen_direction BEFORE UPDATE OF direction ON line"
	  " WHEN OLD.direction IS NOT NEW.direction AND NOT bl_deriving() AND EXISTS"
	  " (SELECT 1 FROM amount a JOIN version_freeze f ON f.version_id = a.version_id"
	  "  WHERE a.line_id = OLD.id)"
	  " BEGIN " REFUSE_FROZEN("(SELECT a.version_id FROM amount a JOIN version_freeze f"
				  " ON f.version_id = a.version_id WHERE a.line_id = OLD.id"
				  " LIMIT 1)") " END" },
	/* Schema 5: nor may its code (amendments and responses name lines by
	 * code), its area (the frozen version's area totals) or its kind
	 * change; its title and description may, to mend a typo. */
	{ "line_frozen_structure", "line",
	  "CREATE TRIGGER line_frozen_structure BEFORE UPDATE OF code, area_id, kind ON line"
	  " WHEN (OLD.code IS NOT NEW.code OR OLD.area_id IS NOT NEW.area_id"
	  "  OR OLD.kind IS NOT NEW.kind) AND NOT bl_deriving() AND EXISTS"
	  " (SELECT 1 FROM amount a JOIN version_freeze f ON f.version_id = a.version_id"
	  "  WHERE a.line_id = OLD.id)"
	  " BEGIN " REFUSE_FROZEN("(SELECT a.version_id FROM amount a JOIN version_freeze f"
				  " ON f.version_id = a.version_id WHERE a.line_id = OLD.id"
				  " LIMIT 1)") " END" },
	{ "version_freeze_no_update", "version_freeze",
	  "CREATE TRIGGER version_freeze_no_update BEFORE UPDATE ON version_freeze"
	  " BEGIN SELECT RAISE(ABORT, 'a frozen version is never unfrozen'); END" },
	{ "version_freeze_no_delete", "version_freeze",
	  "CREATE TRIGGER version_freeze_no_delete BEFORE DELETE ON version_freeze"
	  " BEGIN SELECT RAISE(ABORT, 'a frozen version is never unfrozen'); END" },
	JOURNAL_TRIGGER("version_freeze_journal", "INSERT", "version_freeze",
			JOURNAL("version", "(SELECT key FROM version WHERE id = NEW.version_id)",
				"freeze", "NULL",
				"json_object('version', (SELECT key FROM version WHERE id ="
				" NEW.version_id), 'derived', NEW.derived, 'phase', NEW.phase_id)")),

	/* ---- amendments (schema 4) ---- */
	{ "amendment_no_delete", "amendment",
	  "CREATE TRIGGER amendment_no_delete BEFORE DELETE ON amendment"
	  " BEGIN SELECT RAISE(ABORT, 'an amendment is never deleted; withdraw it instead'); END" },
	{ "amendment_decided_update", "amendment",
	  "CREATE TRIGGER amendment_decided_update BEFORE UPDATE ON amendment"
	  " WHEN OLD.decision <> 'undecided' BEGIN " REFUSE_DECIDED("OLD.number") " END" },
	{ "amendment_number_update", "amendment",
	  "CREATE TRIGGER amendment_number_update BEFORE UPDATE OF number ON amendment"
	  " WHEN OLD.number IS NOT NEW.number"
	  " BEGIN SELECT RAISE(ABORT, 'an amendment keeps its number'); END" },
	JOURNAL_TRIGGER("amendment_journal_insert", "INSERT", "amendment",
			JOURNAL("amendment", AMENDMENT_KEY("NEW.number"), "insert", "NULL",
				AMENDMENT_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("amendment_journal_decide", "UPDATE", "amendment",
			     "OLD.decision = 'undecided' AND NEW.decision <> 'undecided'",
			     JOURNAL("amendment", AMENDMENT_KEY("NEW.number"), "decide",
				     AMENDMENT_JSON("OLD"), AMENDMENT_JSON("NEW"))),
	JOURNAL_TRIGGER_WHEN("amendment_journal_update", "UPDATE", "amendment",
			     "NEW.decision = 'undecided'",
			     JOURNAL("amendment", AMENDMENT_KEY("NEW.number"), "update",
				     AMENDMENT_JSON("OLD"), AMENDMENT_JSON("NEW"))),
	DECIDED_TRIGGER("amendment_change_decided_insert", "INSERT", "amendment_change", "NEW"),
	DECIDED_TRIGGER("amendment_change_decided_update", "UPDATE", "amendment_change", "OLD"),
	DECIDED_TRIGGER("amendment_change_decided_delete", "DELETE", "amendment_change", "OLD"),
	DECIDED_TRIGGER("amendment_amount_decided_insert", "INSERT", "amendment_change_amount", "NEW"),
	DECIDED_TRIGGER("amendment_amount_decided_update", "UPDATE", "amendment_change_amount", "OLD"),
	DECIDED_TRIGGER("amendment_amount_decided_delete", "DELETE", "amendment_change_amount", "OLD"),
	/* A change's amounts go first, journalled, as a line's do. */
	{ "amendment_change_delete_children", "amendment_change",
	  "CREATE TRIGGER amendment_change_delete_children BEFORE DELETE ON amendment_change"
	  " BEGIN DELETE FROM amendment_change_amount WHERE amendment = OLD.amendment"
	  " AND seq = OLD.seq; END" },
	JOURNAL_TRIGGER("amendment_change_journal_insert", "INSERT", "amendment_change",
			JOURNAL("amendment_change", AMENDMENT_KEY("NEW.amendment"), "insert",
				"NULL", CHANGE_JSON("NEW"))),
	JOURNAL_TRIGGER("amendment_change_journal_delete", "DELETE", "amendment_change",
			JOURNAL("amendment_change", AMENDMENT_KEY("OLD.amendment"), "delete",
				CHANGE_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("amendment_amount_journal_insert", "INSERT", "amendment_change_amount",
			JOURNAL("amendment_amount", AMENDMENT_KEY("NEW.amendment"), "insert",
				"NULL", CHANGE_AMOUNT_JSON("NEW"))),
	JOURNAL_TRIGGER("amendment_amount_journal_delete", "DELETE", "amendment_change_amount",
			JOURNAL("amendment_amount", AMENDMENT_KEY("OLD.amendment"), "delete",
				CHANGE_AMOUNT_JSON("OLD"), "NULL")),

	/* ---- hearing responses (schema 4) ---- */
	JOURNAL_TRIGGER("response_journal_insert", "INSERT", "response",
			JOURNAL("response", RESPONSE_KEY("NEW.number"), "insert", "NULL",
				RESPONSE_JSON("NEW"))),
	JOURNAL_TRIGGER("response_journal_update", "UPDATE", "response",
			JOURNAL("response", RESPONSE_KEY("NEW.number"), "update",
				RESPONSE_JSON("OLD"), RESPONSE_JSON("NEW"))),
	{ "response_delete_children", "response",
	  "CREATE TRIGGER response_delete_children BEFORE DELETE ON response BEGIN"
	  " DELETE FROM response_line WHERE response = OLD.number;"
	  " DELETE FROM response_area WHERE response = OLD.number; END" },
	JOURNAL_TRIGGER("response_journal_delete", "DELETE", "response",
			JOURNAL("response", RESPONSE_KEY("OLD.number"), "delete",
				RESPONSE_JSON("OLD"), "NULL")),
	JOURNAL_TRIGGER("response_line_journal_insert", "INSERT", "response_line",
			JOURNAL("response_line", RESPONSE_KEY("NEW.response"), "insert", "NULL",
				"json_object('response', NEW.response, 'line', NEW.code)")),
	JOURNAL_TRIGGER("response_line_journal_delete", "DELETE", "response_line",
			JOURNAL("response_line", RESPONSE_KEY("OLD.response"), "delete",
				"json_object('response', OLD.response, 'line', OLD.code)", "NULL")),
	JOURNAL_TRIGGER("response_area_journal_insert", "INSERT", "response_area",
			JOURNAL("response_area", RESPONSE_KEY("NEW.response"), "insert", "NULL",
				"json_object('response', NEW.response, 'area', NEW.path)")),
	JOURNAL_TRIGGER("response_area_journal_delete", "DELETE", "response_area",
			JOURNAL("response_area", RESPONSE_KEY("OLD.response"), "delete",
				"json_object('response', OLD.response, 'area', OLD.path)", "NULL")),

	/* ---- an accepted deficit (schema 4): a record, never changed ---- */
	{ "deficit_no_update", "deficit_accept",
	  "CREATE TRIGGER deficit_no_update BEFORE UPDATE ON deficit_accept"
	  " BEGIN SELECT RAISE(ABORT, 'an accepted deficit is a record; accept anew instead'); END" },
	{ "deficit_no_delete", "deficit_accept",
	  "CREATE TRIGGER deficit_no_delete BEFORE DELETE ON deficit_accept"
	  " BEGIN SELECT RAISE(ABORT, 'an accepted deficit is a record; accept anew instead'); END" },
	{ "deficit_year_no_update", "deficit_accept_year",
	  "CREATE TRIGGER deficit_year_no_update BEFORE UPDATE ON deficit_accept_year"
	  " BEGIN SELECT RAISE(ABORT, 'an accepted deficit is a record; accept anew instead'); END" },
	{ "deficit_year_no_delete", "deficit_accept_year",
	  "CREATE TRIGGER deficit_year_no_delete BEFORE DELETE ON deficit_accept_year"
	  " BEGIN SELECT RAISE(ABORT, 'an accepted deficit is a record; accept anew instead'); END" },
	JOURNAL_TRIGGER("deficit_journal_insert", "INSERT", "deficit_accept",
			JOURNAL("deficit", "(SELECT key FROM version WHERE id = NEW.version_id)",
				"accept", "NULL",
				"json_object('version', (SELECT key FROM version WHERE id ="
				" NEW.version_id), 'reason', NEW.reason)")),
	JOURNAL_TRIGGER("deficit_year_journal_insert", "INSERT", "deficit_accept_year",
			JOURNAL("deficit", "(SELECT v.key FROM deficit_accept d JOIN version v"
				" ON v.id = d.version_id WHERE d.id = NEW.accept_id)",
				"accept", "NULL",
				"json_object('year', NEW.year, 'deficit', NEW.deficit)")),
};
const size_t bl_n_triggers = sizeof bl_triggers / sizeof bl_triggers[0];

/* Tables whose triggers a bulk load replaces by one journal entry and one
 * rebuild of the totals. */
static bool bulk_table(const char *table)
{
	return strcmp(table, "area") == 0 || strcmp(table, "line") == 0 ||
	       strcmp(table, "amount") == 0;
}

static int create_trigger(bl_store *s, const bl_trigger *t, bl_err *err)
{
	if (bl_exec(s, t->sql, err) != 0)
		return bl_err_prefix(err, _("cannot create trigger %s"), t->name);
	return 0;
}

/* Drop every trigger there is, not just what this build knows: a trigger
 * that an older version had and this one removed must go too.  The names
 * come from the database's own schema and are quoted with %w. */
static int drop_triggers(bl_store *s, bl_err *err)
{
	sqlite3_stmt *st;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT name FROM sqlite_schema WHERE type = 'trigger'",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return bl_store_fail(s, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!bl_grow((void *)&names, &cap, n + 1, sizeof *names))
			break;
		if (!bl_col_dup(st, 0, &names[n]))
			break;
		n++;
	}
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_ROW)
			bl_err_set(err, _("out of memory"));
		else
			bl_store_fail(s, err);
		sqlite3_finalize(st);
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return -1;
	}
	sqlite3_finalize(st);
	int ret = 0;
	for (size_t i = 0; i < n; i++) {
		char *sql = sqlite3_mprintf("DROP TRIGGER \"%w\"", names[i]);
		if (!sql || (ret == 0 && bl_exec(s, sql, err) != 0))
			ret = sql ? -1 : bl_err_set(err, _("out of memory"));
		sqlite3_free(sql);
		free(names[i]);
	}
	free(names);
	return ret;
}

int bl_schema_install_triggers(bl_store *s, bl_err *err)
{
	int ret = drop_triggers(s, err);
	for (size_t i = 0; ret == 0 && i < bl_n_triggers; i++)
		ret = create_trigger(s, &bl_triggers[i], err);
	return ret;
}

int bl_schema_bulk_triggers(bl_store *s, bool create, bl_err *err)
{
	for (size_t i = 0; i < bl_n_triggers; i++) {
		const bl_trigger *t = &bl_triggers[i];
		if (!bulk_table(t->table))
			continue;
		if (create) {
			if (create_trigger(s, t, err) != 0)
				return -1;
		} else {
			char sql[128];
			snprintf(sql, sizeof sql, "DROP TRIGGER %s", t->name);
			if (bl_exec(s, sql, err) != 0)
				return -1;
		}
	}
	return 0;
}

int bl_schema_migrate(bl_store *s, int from, bl_err *err)
{
	/* No trigger while the steps run: a step may rebuild a table (3
	 * rebuilds the journal), and the old triggers refer to the old
	 * tables and would fire on the copy. */
	if (from > 0 && drop_triggers(s, err) != 0)
		return -1;
	for (int v = from; v < BL_SCHEMA_VERSION; v++)
		if (bl_exec(s, bl_migrations[v], err) != 0)
			return bl_err_prefix(err, _("migrating '%s' from schema %d to %d"),
					     s->path, v, v + 1);
	if (bl_schema_install_triggers(s, err) != 0)
		return -1;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", BL_SCHEMA_VERSION);
	return bl_exec(s, sql, err);
}

/* ---- SQL functions ---- */

/* bl_now(): the time of the change, from bl_now_iso so that BUDGETLAB_NOW
 * fixes it in tests.  Not deterministic: SQLite must call it every time. */
static void fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	char buf[21];
	bl_now_iso(buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* bl_deriving(): 1 while the store writes a derived version (the adopted
 * one, amend_store.c), whose amounts the triggers otherwise refuse and
 * would journal one by one; the derivation journals itself once. */
static void fn_deriving(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	bl_store *s = sqlite3_user_data(ctx);
	sqlite3_result_int(ctx, s->deriving ? 1 : 0);
}

/* bl_actor(): who is making the change (bl_store_set_actor). */
static void fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	bl_store *s = sqlite3_user_data(ctx);
	sqlite3_result_text(ctx, s->actor ? s->actor : "unknown", -1,
			    SQLITE_TRANSIENT);
}

static const char *text_arg(sqlite3_value *v)
{
	const unsigned char *t = sqlite3_value_text(v);
	return t ? (const char *)t : "";
}

/* The words for a project kind in a refusal. */
static const char *kind_word(const char *k)
{
	if (strcmp(k, "development") == 0)
		return _("development");
	if (strcmp(k, "capital") == 0)
		return _("capital (construction)");
	if (strcmp(k, "operation") == 0)
		return _("operating");
	return k;
}

static void money_arg(const bl_store *s, sqlite3_value *v, char *buf, size_t n)
{
	if (bl_money_format_whole(sqlite3_value_int64(v), s->info.lang, buf, n) < 0)
		snprintf(buf, n, "?");
}

/* bl_refuse('pool_...', ...): a development pool's rules (schema 8). */
static void pool_refusal(bl_store *s, bl_err *e, const char *kind, int argc,
			 sqlite3_value **argv)
{
	char a[48], b[48];
	if (strcmp(kind, "pool_over") == 0 && argc == 10) {
		if (sqlite3_value_int(argv[7])) {
			money_arg(s, argv[6], a, sizeof a);
			money_arg(s, argv[5], b, sizeof b);
			bl_err_set(e, _("development pool '%s' (line %s) would be overspent in the years"
					" up to %d: %s kr. granted against %s kr. on the line for those"
					" years (unspent money is carried over); `budgetlab pool show DB"
					" %s` shows its grants"),
				   text_arg(argv[1]), text_arg(argv[8]), sqlite3_value_int(argv[2]), a, b,
				   text_arg(argv[9]));
		} else {
			money_arg(s, argv[4], a, sizeof a);
			money_arg(s, argv[3], b, sizeof b);
			bl_err_set(e, _("development pool '%s' (line %s) would be overspent in %d: %s kr."
					" granted against %s kr. on the line; `budgetlab pool show DB %s`"
					" shows its grants"),
				   text_arg(argv[1]), text_arg(argv[8]), sqlite3_value_int(argv[2]), a, b,
				   text_arg(argv[9]));
		}
	} else if (strcmp(kind, "pool_max") == 0 && argc == 5) {
		money_arg(s, argv[3], a, sizeof a);
		money_arg(s, argv[4], b, sizeof b);
		bl_err_set(e, _("project %d would get %s kr. in all from development pool '%s',"
				" above its maximum of %s kr. per project"),
			   sqlite3_value_int(argv[2]), a, text_arg(argv[1]), b);
	} else if (strcmp(kind, "pool_kind") == 0 && argc == 5) {
		const char *kinds = text_arg(argv[4]);
		char list[96] = "";
		static const char *const all[] = { "development", "capital", "operation" };
		for (size_t i = 0; i < 3; i++) {
			if (!strstr(kinds, all[i]))
				continue;
			if (list[0])
				strncat(list, _(" or "), sizeof list - strlen(list) - 1);
			strncat(list, kind_word(all[i]), sizeof list - strlen(list) - 1);
		}
		bl_err_set(e, _("project %d is a%s %s project; development pool '%s' may only"
				" pay for %s projects"),
			   sqlite3_value_int(argv[2]),
			   strcmp(text_arg(argv[3]), "operation") == 0 ? "n" : "",
			   kind_word(text_arg(argv[3])), text_arg(argv[1]), list);
	} else if (strcmp(kind, "pool_status") == 0 && argc == 4) {
		bl_err_set(e, _("project %d of development pool '%s' is %s, not granted; only a"
				" granted project gets money"),
			   sqlite3_value_int(argv[2]), text_arg(argv[1]), text_arg(argv[3]));
	} else if (strcmp(kind, "pool_line") == 0 && argc == 4) {
		if (strcmp(text_arg(argv[3]), "delete") == 0)
			bl_err_set(e, _("line %s carries development pool '%s' and cannot be"
					" removed"), text_arg(argv[1]), text_arg(argv[2]));
		else
			bl_err_set(e, _("line %s carries development pool '%s', whose money must"
					" be an expense; it cannot be income"),
				   text_arg(argv[1]), text_arg(argv[2]));
	} else if (strcmp(kind, "pool_move") == 0 && argc == 3) {
		bl_err_set(e, _("project %d of development pool '%s' has amounts; it cannot move"
				" to another pool"), sqlite3_value_int(argv[2]), text_arg(argv[1]));
	} else if (strcmp(kind, "pool_delete") == 0 && argc == 2) {
		bl_err_set(e, _("development pool '%s' has projects and is never deleted"),
			   text_arg(argv[1]));
	} else {
		bl_err_set(e, _("a change was refused by the database"));
	}
}

/* bl_refuse(kind, ...): ends the statement with a message for the user.
 * RAISE() in SQLite 3.40 only takes a constant string, and these messages
 * name the year, the range, the lock and the phase, and are translated. */
static void fn_refuse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bl_store *s = sqlite3_user_data(ctx);
	bl_err e;
	const char *kind = argc > 0 ? text_arg(argv[0]) : "";
	if (strcmp(kind, "locked") == 0 && argc == 3) {
		bl_lock_refusal(s, &e, (unsigned)sqlite3_value_int(argv[1]),
				text_arg(argv[2]));
	} else if (strcmp(kind, "year") == 0 && argc == 4) {
		bl_err_set(&e, _("the year %d is outside the process's years, %d to %d"),
			   sqlite3_value_int(argv[1]), sqlite3_value_int(argv[2]),
			   sqlite3_value_int(argv[3]));
	} else if (strcmp(kind, "overflow") == 0 && argc == 4) {
		/* A NULL area code is area 0: the whole budget. */
		if (sqlite3_value_type(argv[1]) == SQLITE_NULL)
			bl_err_set(&e, _("the budget's total for %d in the %s version would"
					 " overflow (it must stay within a 64-bit number of øre)"),
				   sqlite3_value_int(argv[2]), text_arg(argv[3]));
		else
			bl_err_set(&e, _("the total of area '%s' for %d in the %s version"
					 " would overflow (it must stay within a 64-bit number of"
					 " øre)"),
				   text_arg(argv[1]), sqlite3_value_int(argv[2]),
				   text_arg(argv[3]));
	} else if (strcmp(kind, "checklist") == 0 && argc == 4) {
		int n = sqlite3_value_int(argv[3]);
		bl_err_set(&e, _("phase '%s' has %d checklist item(s); there is no item %d"),
			   text_arg(argv[1]), n, sqlite3_value_int(argv[2]) + 1);
	} else if (strcmp(kind, "frozen") == 0 && argc == 5) {
		if (sqlite3_value_int(argv[4]))
			bl_err_set(&e, _("the %s version is derived (first reading plus the adopted"
					 " amendments) and never edited; decide an amendment instead"),
				   text_arg(argv[1]));
		else if (sqlite3_value_type(argv[3]) != SQLITE_NULL)
			bl_err_set(&e, _("the %s version was frozen on %.10s when the process entered"
					 " '%s'; change it by tabling an amendment"),
				   text_arg(argv[1]), text_arg(argv[2]), text_arg(argv[3]));
		else
			bl_err_set(&e, _("the %s version was frozen on %.10s; change it by tabling"
					 " an amendment"), text_arg(argv[1]), text_arg(argv[2]));
	} else if (strcmp(kind, "decided") == 0 && argc == 5) {
		bl_err_set(&e, _("amendment %d was already %s on %.10s by %s; a decided amendment"
				 " is never changed"),
			   sqlite3_value_int(argv[1]), text_arg(argv[2]), text_arg(argv[3]),
			   text_arg(argv[4]));
	} else if (strncmp(kind, "pool_", 5) == 0) {
		pool_refusal(s, &e, kind, argc, argv);
	} else {
		bl_err_set(&e, _("a change was refused by the database"));
	}
	snprintf(s->refusal, sizeof s->refusal, "%s", e.msg);
	s->refused = true;
	sqlite3_result_error(ctx, e.msg, -1);
}

/* Lower case in UTF-8, in place, for the Latin-1 letters the screens'
 * users type (see bl_schema_register_fold); the length does not change.
 * Not the full Unicode case folding of ICU, which SQLite does not have
 * built in and budgetlab does not link: the municipalities' texts are
 * Danish, Norwegian and English, whose letters are all in Latin-1, and
 * the rule is simple enough to hold in the head (one byte pair, +0x20). */
static void fold_bytes(char *text, size_t n)
{
	unsigned char *p = (unsigned char *)text;
	for (size_t i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z') {
			p[i] = (unsigned char)(p[i] + ('a' - 'A'));
		} else if (p[i] == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E &&
			   p[i + 1] != 0x97) {
			/* U+00C0-U+00DE but U+00D7 (the multiplication sign):
			 * the second byte of the lower case is 0x20 higher. */
			p[i + 1] = (unsigned char)(p[i + 1] + 0x20);
			i++;
		}
	}
}

/* bl_fold(text): fold_bytes on a copy; NULL stays NULL.  Other values
 * are folded as the text SQLite makes of them. */
static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *t = sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	char *out = t ? sqlite3_malloc(n + 1) : NULL;
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(out, t, (size_t)n + 1);
	fold_bytes(out, (size_t)n);
	sqlite3_result_text(ctx, out, n, sqlite3_free);
}

/* The n bytes at t folded into buf if they fit, else into memory from
 * sqlite3_malloc64 (*heap set, for the caller to free); NULL when out of
 * memory. */
static char *fold_copy(const unsigned char *t, size_t n, char *buf, size_t bufsz, char **heap)
{
	char *out = buf;
	*heap = NULL;
	if (n > bufsz && !(out = *heap = sqlite3_malloc64(n)))
		return NULL;
	if (n)
		memcpy(out, t, n);
	fold_bytes(out, n);
	return out;
}

/* The needle of bl_contains, folded once per statement (auxdata). */
typedef struct needle {
	size_t n;
	char text[];
} needle;

/* Does the n bytes at t, folded, contain nd? */
static bool contains(const unsigned char *t, size_t n, const needle *nd, bool *oom)
{
	size_t m = nd->n;
	if (m == 0)
		return true;
	if (m > n)
		return false;
	char buf[512], *heap;
	char *ft = fold_copy(t, n, buf, sizeof buf, &heap);
	if (!ft) {
		*oom = true;
		return false;
	}
	bool found = false;
	for (const char *p = ft, *end = ft + (n - m); !found && p <= end; p++) {
		p = memchr(p, nd->text[0], (size_t)(end - p) + 1);
		if (!p)
			break;
		found = memcmp(p, nd->text, m) == 0;
	}
	sqlite3_free(heap);
	return found;
}

/* bl_contains(needle, text, ...): 1 if one of the texts contains the
 * needle, both folded by fold_bytes, else 0 (NULL texts contain nothing);
 * NULL for a NULL needle.  The screens' filter runs it on every line's
 * code and title (1,000,000 lines for the counts per area), so it takes
 * both in one call (SQLite's cost per call is most of the time here: on
 * 1,000,000 lines, length(code) < 0 OR length(title) < 0 alone takes
 * 0.29 s), folds the needle once per statement, folds each text into a
 * stack buffer and compares bytes; instr(bl_fold(x), ?) would make a
 * folded copy of every title as an SQL value (1.2 s against 0.3 s for
 * the counts).  Bytes are enough: folding keeps UTF-8 valid, and a valid
 * needle can only match a valid text at a character boundary. */
static void fn_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	needle *nd = sqlite3_get_auxdata(ctx, 0), *made = NULL;
	if (!nd) {
		const unsigned char *t = sqlite3_value_text(argv[0]);
		size_t m = (size_t)sqlite3_value_bytes(argv[0]);
		if (!t || !(made = sqlite3_malloc64(sizeof *made + m + 1))) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		made->n = m;
		memcpy(made->text, t, m + 1);
		fold_bytes(made->text, m);
		nd = made;
	}
	bool oom = false, found = false;
	for (int i = 1; i < argc && !found && !oom; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		const unsigned char *t = sqlite3_value_text(argv[i]);
		if (!t)
			oom = true;
		else
			found = contains(t, (size_t)sqlite3_value_bytes(argv[i]), nd, &oom);
	}
	if (oom)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_int(ctx, found);
	/* Handed over last, as SQLite may free it at once (when the needle
	 * is not a constant of the statement); else it is kept for the next
	 * row. */
	if (made)
		sqlite3_set_auxdata(ctx, 0, made, sqlite3_free);
}

int bl_schema_register_fold(bl_store *s, bl_err *err)
{
	if (s->fold_ready)
		return 0;
	/* Deterministic: the same result for the same arguments, so SQLite
	 * may compute one of a bound value once per statement.  Innocuous:
	 * they only compute, so they are safe wherever SQLite allows
	 * functions. */
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (sqlite3_create_function_v2(s->db, "bl_fold", 1, flags, NULL, fn_fold, NULL, NULL,
				       NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "bl_contains", -1, flags, NULL, fn_contains, NULL,
				       NULL, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	s->fold_ready = true;
	return 0;
}

/* bl_area_path(id): the codes from the top down, "BSU/SKOLE"; NULL for
 * NULL or an unknown id.  For the journal's triggers (SQLite allows no
 * recursive CTE in a trigger).  The hierarchy is at most 64 deep. */
static void fn_area_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT parent_id, code FROM area WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return;
	}
	char *codes[64];
	int n = 0;
	size_t total = 0;
	sqlite3_int64 id = sqlite3_value_int64(argv[0]);
	while (n < 64) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_ROW)
			break;
		const char *code = (const char *)sqlite3_column_text(st, 1);
		codes[n] = sqlite3_mprintf("%s", code ? code : "");
		if (!codes[n])
			break;
		total += strlen(codes[n]) + 1;
		n++;
		bool top = sqlite3_column_type(st, 0) == SQLITE_NULL;
		id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (top)
			break;
	}
	sqlite3_finalize(st);
	if (n == 0) {
		sqlite3_result_null(ctx);
		return;
	}
	char *path = sqlite3_malloc64(total + 1);
	if (path) {
		size_t len = 0;
		for (int i = n - 1; i >= 0; i--) {
			size_t l = strlen(codes[i]);
			memcpy(path + len, codes[i], l);
			len += l;
			if (i)
				path[len++] = '/';
		}
		path[len] = '\0';
		sqlite3_result_text(ctx, path, (int)len, sqlite3_free);
	} else {
		sqlite3_result_error_nomem(ctx);
	}
	for (int i = 0; i < n; i++)
		sqlite3_free(codes[i]);
}

int bl_schema_register_functions(bl_store *s, bl_err *err)
{
	if (sqlite3_create_function_v2(s->db, "bl_now", 0, SQLITE_UTF8, s, fn_now,
				       NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "bl_actor", 0, SQLITE_UTF8, s,
				       fn_actor, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "bl_refuse", -1, SQLITE_UTF8, s,
				       fn_refuse, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "bl_area_path", 1, SQLITE_UTF8, s,
				       fn_area_path, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "bl_deriving", 0, SQLITE_UTF8, s,
				       fn_deriving, NULL, NULL, NULL) != SQLITE_OK)
		return bl_store_fail(s, err);
	return bl_schema_register_fold(s, err);
}
