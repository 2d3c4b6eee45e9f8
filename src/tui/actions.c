/* actions.c: the one table of actions.  It drives the keymap, the status
 * bar, the `?` help screen and the KEYS section of budgetlab(1)
 * (`budgetlab keys --man` prints it; a test keeps the man page equal), so
 * a key cannot exist without being documented, nor be documented wrongly.
 *
 * Order matters twice: a key is looked up first to last among the actions
 * of the current screen, and the status bar shows labels in this order. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/tui.h"

#define F(k) TUI_FKEY(k)
#define P SCR_BIT(SCR_PROCESS)
#define B SCR_BIT(SCR_BUDGET)
#define G SCR_BIT(SCR_GOALS)
#define J SCR_BIT(SCR_JOURNAL)
#define I SCR_BIT(SCR_IMPORT)
#define L SCR_BIT(SCR_LABS)
#define S SCR_BIT(SCR_SIGNIN)
#define BA SCR_BIT(SCR_BALLOTS)
#define R SCR_BIT(SCR_RESULTS)
#define AM SCR_BIT(SCR_AMENDMENTS)
#define HE SCR_BIT(SCR_HEARING)
#define VE SCR_BIT(SCR_VERSIONS)
#define PO SCR_BIT(SCR_POOLS)
#define PI SCR_BIT(SCR_PILLARS)
#define H SCR_BIT(SCR_HELP)
#define V SCR_BIT(SCR_PRESENT)
/* The number keys switch screens everywhere but on the ballots screen,
 * where digits type the ballot. */
#define NUMS (SCR_MAIN & ~BA)

const tui_action tui_actions[] = {
	/* Keys that matter most come first: they are the status bar's. */
	{ ACT_HELP, "help", { '?', F(KEY_F(1)) }, "?, F1", N_("help"),
	  N_("Show every key of the current screen."), SCR_MAIN | V },
	{ ACT_QUIT, "quit", { 'q' }, "q", N_("back/quit"),
	  N_("Go back: from help to the screen it was opened on, from any other screen to the process screen, and from the process screen out of the program.  Every change is saved when it is made, so nothing is lost."),
	  SCR_ANY },
	{ ACT_BACK, "back", { TUI_ESC }, "Esc", NULL,
	  N_("Clear the filter if one is set (on the import screen: go back a step), else go back like q, but never out of the program."),
	  SCR_LISTS },
	{ ACT_TICK, "tick", { ' ', 'x' }, "Space, x", N_("tick"),
	  N_("Tick the selected checklist item, or untick it."), P },
	{ ACT_ADVANCE, "advance", { 'A' }, "A", N_("advance"),
	  N_("Move the process to its next phase.  The gates are checked first; if one fails you are asked for the reason to override it, which the journal keeps."),
	  P },
	{ ACT_TOGGLE, "toggle", { '\n', '\r', F(KEY_ENTER), ' ' }, "Enter, Space", N_("open"),
	  N_("On an area: fold or unfold it.  On a line: edit it."), B },
	{ ACT_TOGGLE, "open", { '\n', '\r', F(KEY_ENTER) }, "Enter", N_("lines"),
	  N_("Show the lines that serve the selected goal, or hide them."), G },
	{ ACT_GOAL_STATUS, "goal-status", { 's' }, "s", N_("status"),
	  N_("Set the selected goal's status (goals before economy: draft, discussed, agreed) in a small form that offers the next step; 1, 2 or 3 chooses draft, discussed or agreed, Space or Left/Right changes it.  Agreeing a goal, or setting an agreed one back, asks first.  The journal keeps every change; under the goals lock nothing changes."),
	  G },
	{ ACT_FILTER, "filter", { '/' }, "/", N_("filter"),
	  N_("Show only the lines whose code or title contains a text (empty: all lines)."), B },
	{ ACT_FILTER, "filter-line", { '/' }, "/", N_("filter"),
	  N_("Show only the changes to one budget line, by its code (empty: all changes)."), J },
	{ ACT_JUMP, "jump", { ':' }, ":", N_("go to"),
	  N_("Go to a budget line by its code."), B },
	{ ACT_ADD, "add", { 'a', F(KEY_IC) }, "a, Insert", N_("add"),
	  N_("Add a budget line (in the selected area) or a goal."), B | G },
	{ ACT_EDIT, "edit", { 'e' }, "e", N_("edit"),
	  N_("Edit the selected line or goal in a form."), B | G },
	{ ACT_DELETE, "delete", { 'd', F(KEY_DC) }, "d, Delete", N_("delete"),
	  N_("Delete the selected line or goal, after a question."), B | G },
	{ ACT_LINK, "link", { 'L' }, "L", N_("link"),
	  N_("Link a budget line, by its code, to the selected goal: the line serves the goal."), G },
	{ ACT_UNLINK, "unlink", { 'U' }, "U", NULL,
	  N_("Unlink a budget line, by its code, from the selected goal."), G },
	{ ACT_GOAL_BRIDGE, "goal-bridge", { 'b' }, "b", N_("bridge"),
	  N_("The bridge from goals to money, or the list again: per goal the expenses of its lines in each year, per SDG the same, the lines that serve no goal and the goals no line serves."),
	  G },
	{ ACT_GOAL_SDG, "goal-sdg-matrix", { 'S' }, "S", N_("SDGs"),
	  N_("The SDG matrix, or the list again: for each SDG the municipality chose, its name, local significance, the targets its goals name, opportunities, challenges, its goals with their status and the expenses per year."),
	  G },
	{ ACT_IMP_NEXT, "import-next", { '\n', '\r', F(KEY_ENTER) }, "Enter", N_("go on"),
	  N_("Go on to the next step: type the file's path, take the selected profile, check the whole file (a dry run), import it after a question.  In the mapping editor: change the selected role, from a list of the file's columns or as a text such as {avdeling}.{tjomr}."),
	  I },
	{ ACT_IMP_MAP, "import-mapping", { 'm' }, "m", N_("mapping"),
	  N_("Open the mapping editor: which columns are the areas, the line's code and title, the direction, the signs and the amounts.  The preview follows every change."),
	  I },
	{ ACT_IMP_RAW, "import-raw", { 'r' }, "r", N_("raw"),
	  N_("In the preview: show the file's own columns (its header and fields), or the lines as they will be imported, in turn."),
	  I },
	{ ACT_IMP_VERSION, "import-version", { 'v' }, "v", N_("version"),
	  N_("The version the import goes into: the proposal, the first reading, the adopted budget, in turn (the profile says which first)."),
	  I },
	{ ACT_IMP_LENIENT, "import-lenient", { 'l' }, "l", N_("lenient"),
	  N_("Strict (the default: any rejected row stops the import, nothing changes) or lenient (the sound rows are imported and the rejected ones written, unchanged, to a file you name), in turn."),
	  I },
	{ ACT_IMP_MODE, "import-replace-add", { 'A' }, "A", N_("replace/add"),
	  N_("Replace the version (the default: its lines that are not in the file are removed) or add to it (the file's amounts are added to its lines, new ones created, the version's other lines stay as they are: e.g. for a reject file once its rows are fixed), in turn."),
	  I },
	{ ACT_IMP_SAME, "import-sublines", { 's' }, "s", NULL,
	  N_("Rows with the same line code: summed into one line, or each a sub-line of its own (CODE.SUB, from the profile's sub-line column), in turn."),
	  I },
	{ ACT_IMP_SAVE, "import-save", { 'S' }, "S", N_("save"),
	  N_("In the mapping editor: save the mapping as an import profile of your own (~/.config/budgetlab/import/NAME.yaml); an existing one is replaced only after a question."),
	  I },
	{ ACT_IMP_ADD, "import-add", { 'a', '+', F(KEY_IC) }, "a, +, Insert", NULL,
	  N_("In the mapping editor: add an area level, or an amount column."), I },
	{ ACT_IMP_REMOVE, "import-remove", { 'd', '-', F(KEY_DC) }, "d, -, Delete", NULL,
	  N_("In the mapping editor: remove the selected area level or amount column."), I },
	{ ACT_IMP_LEFT, "import-left", { F(KEY_LEFT), '<' }, "Left, <", NULL,
	  N_("In the preview: show the columns further left."), I },
	{ ACT_IMP_RIGHT, "import-right", { F(KEY_RIGHT), '>' }, "Right, >", NULL,
	  N_("In the preview: show the columns further right."), I },
	/* LABS-ROWS: the labs and sign-in screens (screen_labs.c,
	 * screen_signin.c).  Their own rows for a, e, d, p and Enter, so
	 * that help says what the keys do there. */
	{ ACT_ADD, "idea-add", { 'a', F(KEY_IC) }, "a, Insert", N_("idea"),
	  N_("Add an idea to the current lab, in a form: title, description, proposer, area, its cost in each year of the process, a feasibility note and its status.  With no lab yet, add the first lab."),
	  L },
	{ ACT_EDIT, "lab-edit", { 'e' }, "e", N_("edit"),
	  N_("Edit what the cursor is on: a lab (theme, pool, ballot type while it has no ballots, area, status open, voting or closed, winner rule, tie-break) or an idea."),
	  L },
	{ ACT_IDEA_STATUS, "idea-status", { 's' }, "s", N_("status"),
	  N_("Move the selected idea one step on: proposed, costed, feasible, on the ballot, and from there back to proposed.  Taking an idea with votes off the ballot asks first."),
	  L },
	{ ACT_LAB_SESSION, "session-add", { 'S' }, "S", N_("session"),
	  N_("Add a session (a meeting) to the current lab: date, place, facilitator.  It becomes the current session, where participants sign in and ballots are cast."),
	  L },
	{ ACT_LAB_NEW, "lab-add", { 'N' }, "N", N_("new lab"),
	  N_("Add a lab: its theme, the pool it spends (in kr.), its ballot type (one of the process's) and, if it belongs to one, an area."),
	  L },
	{ ACT_IDEA_WITHDRAW, "idea-withdraw", { 'w' }, "w", N_("withdraw"),
	  N_("Withdraw the selected idea (its proposer took it back, or it cannot be done); on a withdrawn idea, take it back as proposed."),
	  L },
	{ ACT_TOGGLE, "lab-open", { '\n', '\r', F(KEY_ENTER) }, "Enter", NULL,
	  N_("In the labs: go to the ideas of the lab under the cursor (moving the cursor over the labs chooses the lab the sign-in, ballots and results screens show).  On an idea: edit it.  Esc, or Up from the first idea, goes back to the labs."),
	  L },
	{ ACT_ADD, "signin", { 'a', '\n', '\r', F(KEY_IC) }, "a, Enter, Insert", N_("sign in"),
	  N_("Sign the next participant in to the current lab, at the current session: one choice per category of the process (\"not stated\" where it is not required) and, if they wish, a name, which only this screen shows."),
	  S },
	{ ACT_DELETE, "signin-remove", { 'd', F(KEY_DC) }, "d, Delete", N_("remove"),
	  N_("Remove the selected participant, signed in by mistake, after a question.  Someone who has cast a ballot stays."),
	  S },
	{ ACT_SPOTLIGHT, "signin-project", { 'p' }, "p", N_("project"),
	  N_("Put the lab's representation on the projector (budgetlab --present): the counts per group against the targets, never a name."),
	  S },
	/* LABS-ROWS end */
	/* VOTE-ROWS: the ballots and results screens (screen_ballots.c,
	 * screen_results.c).  On the ballots screen digits, space, comma and
	 * colon type the ballot, so Tab is how to leave it; its row here puts
	 * that in the status bar. */
	{ ACT_BAL_COUNT, "ballot-count", { '\n', '\r', F(KEY_ENTER) }, "Enter", NULL,
	  N_("Count the ballot typed on the entry line: the idea numbers as the paper ballot marks them (\"3 7 12\"; for points \"3:2 7:5\").  A ballot that breaks the lab's ballot type is refused with the reason, the text stays for fixing, and nothing is stored."),
	  BA },
	{ ACT_NEXT_SCREEN, "ballot-next-screen", { '\t' }, "Tab", N_("screens"),
	  N_("The next screen.  On the ballots screen the digits, Space, comma, colon and Backspace edit the entry line (Esc empties it), so the number keys do not switch screens there."),
	  BA },
	{ ACT_BAL_UNDO, "ballot-undo", { 'u' }, "u", N_("undo"),
	  N_("Undo the last ballot entered here (in the current session, if one is chosen), after a question: it is voided as \"undone\" and the journal keeps it."),
	  BA },
	{ ACT_BAL_CORRECT, "ballot-correct", { 'e' }, "e", N_("correct"),
	  N_("Correct the selected ballot of the list (Up and Down select): type it anew and give the reason; the old ballot is voided and the new one counted in its place."),
	  BA },
	{ ACT_BAL_CAST, "ballot-cast", { 'c' }, "c", N_("cast"),
	  N_("How the ballots entered now were cast: on paper (the default) or on the laptop, in turn."), BA },
	{ ACT_RES_RULE2, "results-rule", { 'r' }, "r", N_("2nd rule"),
	  N_("Show a second winner rule beside the lab's own, the next in the list of rules (after the last: none); the ideas on which they differ are marked."),
	  R },
	{ ACT_RES_RULE2_BACK, "results-rule-back", { 'R' }, "R", NULL,
	  N_("The second rule: the one before in the list."), R },
	{ ACT_RES_SHARES, "results-shares", { 's' }, "s", N_("shares"),
	  N_("Show how Equal Shares shared each winner's cost among its supporters (how many paid, the largest and smallest share, what each voter had), or the votes again."),
	  R },
	{ ACT_RES_PROJECT, "results-project", { 'p' }, "p", N_("project"),
	  N_("Put the results on the projector (budgetlab --present), with the second rule beside them when one is shown."),
	  R },
	/* VOTE-ROWS end */
	/* READINGS-ROWS: the amendments, hearing and versions screens
	 * (screen_amendments.c, screen_hearing.c, screen_versions.c). */
	{ ACT_ADD, "amendment-add", { 'a', F(KEY_IC) }, "a, Insert", N_("table"),
	  N_("Table an amendment against the first-reading version, in a form: title, party, the date it was tabled (late after the deadline), the amendment it amends if it is a sub-amendment, a justification and its changes, one per row (the form shows how to write them).  Refused until the first-reading version is frozen."),
	  AM },
	{ ACT_EDIT, "amendment-edit", { 'e' }, "e", N_("edit"),
	  N_("Correct the selected amendment while it is undecided: the same form, filled in."), AM },
	{ ACT_AMEND_DECIDE, "amendment-decide", { 'D' }, "D", N_("decide"),
	  N_("Decide the selected amendment: adopted, rejected or withdrawn, with an optional note such as the votes.  A decision is final; the adopted version is computed again at once."),
	  AM },
	{ ACT_SPOTLIGHT, "amendment-project", { 'p' }, "p", N_("project"),
	  N_("Put the selected amendment on the projector (budgetlab --present): its number, title and its effect on the balance in each year, never who tabled it."),
	  AM },
	{ ACT_ADD, "response-add", { 'a', F(KEY_IC) }, "a, Insert", N_("register"),
	  N_("Register a hearing response in a form that keeps the organisation type, date, position and consent of the last one, for fast entry.  Lines by code (Tab completes a code), areas by code or path, separated by spaces.  A date before the hearing opened is refused; one after it closed is marked late."),
	  HE },
	{ ACT_EDIT, "response-edit", { 'e' }, "e", N_("edit"),
	  N_("Edit the selected response in the same form."), HE },
	{ ACT_RESP_COMMENT, "response-comment", { 'c' }, "c", N_("comment"),
	  N_("Write or change the administration's comment on the selected response (empty: none)."), HE },
	{ ACT_DELETE, "response-delete", { 'd', F(KEY_DC) }, "d, Delete", N_("delete"),
	  N_("Delete the selected response, registered by mistake, after a question."), HE },
	{ ACT_VDIFF_OLD, "diff-old", { 'o' }, "o", N_("old"),
	  N_("The diff's old version: the proposal, the first reading, the adopted version, in turn."), VE },
	{ ACT_VDIFF_NEW, "diff-new", { 'n' }, "n", N_("new"),
	  N_("The diff's new version: the proposal, the first reading, the adopted version, in turn."), VE },
	{ ACT_VDIFF_VIEW, "diff-view", { 's' }, "s", N_("lines/areas"),
	  N_("Show the diff per line, or per area, in turn."), VE },
	/* READINGS-ROWS end */
	/* POOLS-ROWS: the development pools' screen (screen_pools.c). */
	{ ACT_TOGGLE, "pool-open", { '\n', '\r', F(KEY_ENTER) }, "Enter", N_("projects"),
	  N_("In the pools: go to the projects of the pool under the cursor.  Esc, or Up from the first project, goes back to the pools."),
	  PO },
	{ ACT_ADD, "pool-apply", { 'a', F(KEY_IC) }, "a, Insert", N_("apply"),
	  N_("Register a project's application to the selected pool, in a form: its title, its kind (development, capital or operation), the applicant (personal data: never journalled nor projected) and what it asks for in each year of the process."),
	  PO },
	{ ACT_POOL_GRANT, "pool-grant", { 'A' }, "A", N_("grant"),
	  N_("Grant the selected project its money, in a form with an amount for each year of the process, filled in with what it asked for (or was granted).  A grant the pool cannot hold (more than is left in a year, more than its maximum per project, a kind it does not take) is refused with the reason, and nothing changes."),
	  PO },
	{ ACT_POOL_DECIDE, "pool-decide", { 'D' }, "D", N_("decide"),
	  N_("Reject or withdraw the selected project, or reopen it as applied, with an optional note, after a question.  What it was granted goes back to the pool."),
	  PO },
	{ ACT_SPOTLIGHT, "pool-project", { 'p' }, "p", N_("project"),
	  N_("Put the selected pool on the projector (budgetlab --present): its money per year, granted against the budget, what is left, and how many projects are granted and waiting, never who applied."),
	  PO },
	/* POOLS-ROWS end */
	/* PILLARS-ROWS: the pillars screen (screen_pillars.c). */
	{ ACT_PILLAR_NEXT, "pillar-next", { 's', F(KEY_RIGHT), 'l' }, "s, Right, l", N_("pillar"),
	  N_("The pillar shown: social, economic, environmental, in turn (s as in søjle, søyle)."), PI },
	{ ACT_PILLAR_PREV, "pillar-back", { 'S', F(KEY_LEFT), 'h' }, "S, Left, h", NULL,
	  N_("The pillar shown: the one before."), PI },
	{ ACT_PILLAR_YEAR, "pillar-year", { 'y' }, "y", N_("year"),
	  N_("The year shown: each year of the process in turn, then the whole period (its years summed)."), PI },
	{ ACT_PILLAR_YEAR_BACK, "pillar-year-back", { 'Y' }, "Y", NULL,
	  N_("The year shown: the one before."), PI },
	{ ACT_EDIT, "pillar-assess", { 'e', '\n', '\r', F(KEY_ENTER) }, "e, Enter", N_("assess"),
	  N_("Assess the selected line in a form: a score on each pillar from -2 (clearly harmful) to +2 (clearly good), or empty for not assessed, and a justification.  With every score empty the line's assessment is removed.  Bad input is refused at its field, and nothing changes."),
	  PI },
	{ ACT_ADD, "pillar-assess-code", { 'a', F(KEY_IC) }, "a, Insert", N_("by code"),
	  N_("Assess any budget line by its code (Tab completes a code) in the same form; once the code is whole, the line's present scores fill the form in."),
	  PI },
	/* PILLARS-ROWS end */
	{ ACT_VOTE_LAB, "vote-lab", { 'o' }, "o", N_("lab"),
	  N_("Choose the lab by its number (the labs screen, 6, lists them)."), L | S | BA | R },
	{ ACT_UNIT, "unit", { 'u' }, "u", N_("unit"),
	  N_("Show amounts in kr., 1.000 kr. or mio. kr., in turn."), P | B | G | J | I | AM | VE | PI },
	{ ACT_SORT, "sort", { 's' }, "s", N_("sort"),
	  N_("Sort the lines of each area by code, by title, or by the amount of a year, in turn."), B },
	{ ACT_REVERSE, "reverse", { 'r' }, "r", NULL,
	  N_("Reverse the order of the sort."), B },
	{ ACT_VERSION, "version", { 'v' }, "v", NULL,
	  N_("Show another version of the budget: the proposal, the first reading, the adopted budget."), P | B | PI },
	{ ACT_SPOTLIGHT, "spotlight", { 'p' }, "p", N_("project"),
	  N_("Put the selected line, area or goal on the projector (budgetlab --present)."), B | G },
	/* Not on the import screen, where m is the mapping. */
	{ ACT_MESSAGE, "message", { 'm' }, "m", NULL,
	  N_("Put a short message on the projector, e.g. what the room is deciding now."), SCR_MAIN & ~I },
	{ ACT_SPOT_CLEAR, "spotlight-clear", { 'P' }, "P", NULL,
	  N_("Take what you put on the projector off it."), SCR_MAIN },
	{ ACT_EXPAND, "expand", { 'l', F(KEY_RIGHT) }, "l, Right", NULL,
	  N_("Unfold the selected area."), B },
	{ ACT_COLLAPSE, "collapse", { 'h', F(KEY_LEFT) }, "h, Left", NULL,
	  N_("Fold the selected area; on a line, go to its area."), B },
	{ ACT_EXPAND_ALL, "expand-all", { '+', '*' }, "+, *", NULL,
	  N_("Unfold every area."), B },
	{ ACT_COLLAPSE_ALL, "collapse-all", { '-' }, "-", NULL,
	  N_("Fold every area down to the top level."), B },
	{ ACT_YEARS_EARLIER, "years-earlier", { '[', '<' }, "[, <", NULL,
	  N_("When not every year fits the width: move the year columns one year earlier (the header says which years are shown)."), B },
	{ ACT_YEARS_LATER, "years-later", { ']', '>' }, "], >", NULL,
	  N_("When not every year fits the width: move the year columns one year later, up to the last year."), B },
	{ ACT_SCR_PROCESS, "screen-process", { '1' }, "1", NULL,
	  N_("The process: phases, guidance, checklist and gates."), NUMS | H },
	{ ACT_SCR_BUDGET, "screen-budget", { '2' }, "2", NULL,
	  N_("The budget: areas and lines, per year."), NUMS | H },
	{ ACT_SCR_GOALS, "screen-goals", { '3' }, "3", NULL,
	  N_("The goals and the lines that serve them."), NUMS | H },
	{ ACT_SCR_JOURNAL, "screen-journal", { '4' }, "4", NULL,
	  N_("The journal: every change, newest first."), NUMS | H },
	{ ACT_SCR_IMPORT, "screen-import", { '5' }, "5", NULL,
	  N_("Import a finance system's CSV export: file, profile, preview, check, import."), NUMS | H },
	{ ACT_SCR_LABS, "screen-labs", { '6' }, "6", NULL,
	  N_("The citizen labs: their sessions and ideas."), NUMS | H },
	{ ACT_SCR_SIGNIN, "screen-signin", { '7' }, "7", NULL,
	  N_("Sign participants in to the current lab and see its representation against the targets."),
	  NUMS | H },
	{ ACT_SCR_BALLOTS, "screen-ballots", { '8' }, "8", NULL,
	  N_("Enter the current lab's paper ballots."), NUMS | H },
	{ ACT_SCR_RESULTS, "screen-results", { '9' }, "9", NULL,
	  N_("The current lab's results under its winner rule, and a second rule beside it."),
	  NUMS | H },
	{ ACT_SCR_AMENDMENTS, "screen-amendments", { '0' }, "0", NULL,
	  N_("The amendments between the first and second reading, their effect and conflicts."),
	  NUMS | H },
	{ ACT_SCR_HEARING, "screen-hearing", { 'H' }, "H", NULL,
	  N_("The register of hearing responses."), NUMS | H },
	{ ACT_SCR_VERSIONS, "screen-versions", { 'V' }, "V", NULL,
	  N_("The budget versions and the difference between two of them, with its causes."),
	  NUMS | H },
	{ ACT_SCR_POOLS, "screen-pools", { 'F' }, "F", NULL,
	  N_("The development pools (ring-fenced funds): their money per year and the projects that apply to them."),
	  NUMS | H },
	{ ACT_SCR_PILLARS, "screen-pillars", { 'B' }, "B", NULL,
	  N_("The three pillars of sustainability (bæredygtighed, bærekraft): how the money divides by the lines' scores, and the lines assessed as harmful."),
	  NUMS | H },
	{ ACT_NEXT_SCREEN, "next-screen", { '\t' }, "Tab", NULL,
	  N_("The next screen, in the order above."), SCR_MAIN },
	{ ACT_DOWN, "down", { 'j', F(KEY_DOWN), TUI_CTRL('n') }, "j, Down", NULL,
	  N_("Move the selection down."), SCR_LISTS },
	{ ACT_UP, "up", { 'k', F(KEY_UP), TUI_CTRL('p') }, "k, Up", NULL,
	  N_("Move the selection up."), SCR_LISTS },
	{ ACT_PGDN, "page-down", { F(KEY_NPAGE), TUI_CTRL('f'), TUI_CTRL('d') }, "PgDn, C-f", NULL,
	  N_("Down a page."), SCR_LISTS },
	{ ACT_PGUP, "page-up", { F(KEY_PPAGE), TUI_CTRL('b'), TUI_CTRL('u') }, "PgUp, C-b", NULL,
	  N_("Up a page."), SCR_LISTS },
	{ ACT_HOME, "home", { 'g', F(KEY_HOME) }, "g, Home", NULL,
	  N_("To the first row."), SCR_LISTS },
	{ ACT_END, "end", { 'G', F(KEY_END) }, "G, End", NULL,
	  N_("To the last row."), SCR_LISTS },
	{ ACT_THEME, "theme", { 't' }, "t", NULL,
	  N_("Change the colours: default, high contrast (for projectors), monochrome, in turn."), SCR_ANY },
	{ ACT_REDRAW, "redraw", { TUI_CTRL('l') }, "C-l", NULL,
	  N_("Redraw the screen and read the database again."), SCR_ANY },
};
const size_t tui_n_actions = sizeof tui_actions / sizeof tui_actions[0];

tui_act tui_action_for_key(int screen, int key)
{
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if (!(a->screens & SCR_BIT(screen)))
			continue;
		for (size_t k = 0; k < 4 && a->keys[k]; k++)
			if (a->keys[k] == key)
				return a->act;
	}
	return ACT_NONE;
}

const tui_action *tui_action_by_name(const char *name)
{
	for (size_t i = 0; i < tui_n_actions; i++)
		if (strcmp(tui_actions[i].name, name) == 0)
			return &tui_actions[i];
	return NULL;
}

const tui_action *tui_action_get(tui_act act)
{
	for (size_t i = 0; i < tui_n_actions; i++)
		if (tui_actions[i].act == act)
			return &tui_actions[i];
	return NULL;
}

/* man(7) wants a backslash before a leading '.' or '\'' and every '\\';
 * a '-' is written \- so it is a minus, not a hyphen. */
static void man_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

static void man_entry(FILE *f, const tui_action *a)
{
	fputs(".TP\n.B ", f);
	man_text(f, a->keys_label);
	fputc('\n', f);
	man_text(f, a->help);
	fputc('\n', f);
}

void tui_actions_man(FILE *f)
{
	static const struct {
		unsigned mask;
		const char *title;
	} groups[] = {
		{ SCR_BIT(SCR_PROCESS), "Process screen" },
		{ SCR_BIT(SCR_BUDGET), "Budget screen" },
		{ SCR_BIT(SCR_GOALS), "Goals screen" },
		{ SCR_BIT(SCR_JOURNAL), "Journal screen" },
		{ SCR_BIT(SCR_IMPORT), "Import screen" },
		{ SCR_BIT(SCR_LABS), "Labs screen" },
		{ SCR_BIT(SCR_SIGNIN), "Sign-in screen" },
		{ SCR_BIT(SCR_BALLOTS), "Ballots screen" },
		{ SCR_BIT(SCR_RESULTS), "Results screen" },
		{ SCR_BIT(SCR_AMENDMENTS), "Amendments screen" },
		{ SCR_BIT(SCR_HEARING), "Hearing screen" },
		{ SCR_BIT(SCR_VERSIONS), "Versions screen" },
		{ SCR_BIT(SCR_POOLS), "Pools screen" },
		{ SCR_BIT(SCR_PILLARS), "Pillars screen" },
		{ SCR_BIT(SCR_PRESENT), "Projector view (\\-\\-present)" },
	};
	fputs(".\\\" Generated from src/tui/actions.c by `budgetlab keys --man`;\n"
	      ".\\\" edit the table there, then run `make -C _build update-man`.\n"
	      ".SH KEYS\n"
	      "The same keys work in every terminal; the status bar shows the ones that\n"
	      "matter on the current screen, and\n.B ?\nshows them all.\n"
	      ".SS On every screen\n", f);
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if ((a->screens & SCR_MAIN) == SCR_MAIN)
			man_entry(f, a);
	}
	/* What every screen but the import screen has (m, the projector's
	 * message: m is the mapping there), once rather than four times. */
	const unsigned but_import = SCR_MAIN & ~SCR_BIT(SCR_IMPORT);
	fputs(".SS On every screen but the import screen\n", f);
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if ((a->screens & SCR_MAIN) == but_import)
			man_entry(f, a);
	}
	/* The number keys: every screen but the ballots screen, where the
	 * digits type the ballot. */
	const unsigned but_ballots = SCR_MAIN & ~SCR_BIT(SCR_BALLOTS);
	fputs(".SS On every screen but the ballots screen\n", f);
	for (size_t i = 0; i < tui_n_actions; i++) {
		const tui_action *a = &tui_actions[i];
		if ((a->screens & SCR_MAIN) == but_ballots)
			man_entry(f, a);
	}
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		fprintf(f, ".SS %s\n", groups[g].title);
		for (size_t i = 0; i < tui_n_actions; i++) {
			const tui_action *a = &tui_actions[i];
			unsigned main = a->screens & SCR_MAIN;
			bool everywhere = main == SCR_MAIN || main == but_import || main == but_ballots;
			if (!(a->screens & groups[g].mask))
				continue;
			if (!everywhere || groups[g].mask == SCR_BIT(SCR_PRESENT))
				man_entry(f, a);
		}
	}
}
