# The import screen (5): a finance system's CSV export, step by step --
# the file (refusals as bl_csv_open words them), the profile (which fit
# the header), the preview of the first rows (as imported, and the raw
# columns), the mapping editor (a new mapping from the columns, checked as
# typed, saved as a profile of one's own), the check (a dry run) and the
# import (after a question; every screen reads again).  Bad input: a file
# that does not exist, a folder, an empty and a binary file, a Latin-1
# file, rows with a bad amount (rejected, a strict import refused with the
# database unchanged, a lenient one writing the reject file), a phase that
# locks amounts.  Importing twice gives the same totals.  On a process for
# budget year 2013: the synthetic files of tests/fixtures/import always,
# Bergen's real export when ../shared/data/budgets has it.
. "$SRCDIR/tests/ui/lib.sh"
# Profiles are saved under HOME: this test's own.
export HOME="$T/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME
FIX="$SRCDIR/tests/fixtures/import"
# Bergen's export: beside the tree, or the copy the CLI tests ship.
BERGEN="$SRCDIR/../shared/data/budgets/bergen-2013-driftsbudsjett.csv"
[ -f "$BERGEN" ] || BERGEN="$SRCDIR/tests/fixtures/budgets/bergen-2013-driftsbudsjett.csv"
sed 's/^\(  budget_year:\).*/\1 2013/' "$SRCDIR/config/phases/norwegian-municipality.yaml" >"$T/nb2013.yaml"
# Relative paths (the database's, the reject file's) are the screen's.
cd "$T" || exit 1
# Amounts keep their blanks together with no-break spaces on the screen;
# plain NAME writes $T/NAME-plain.screen with ordinary blanks, to grep.
plain() { sed 's/\xc2\xa0/ /g' "$T/$1.screen" >"$T/$1-plain.screen"; }
new_db() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$BUDGETLAB" create "$1" "$T/nb2013.yaml" --municipality "Bergen kommune" >/dev/null
}
status_of() { "$BUDGETLAB" status "$1" | sed 1,3d; }
lines_of() { "$BUDGETLAB" lines "$1" --unit kr; }
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }
db=imp.budgetlab
new_db "$db"

# ---- the first step, and files that cannot be imported ----
mkdir -p "$T/folder"
: >"$T/empty.csv"
printf 'a;b\n1;\0002\n' >"$T/binary.csv"
ui "$db" --screen import <<EOF
state opened
screen import-file-80x24
key Enter
state prompt
type nope.csv
key Enter
state missing
screen import-missing
key Enter C-u
type $T/folder
key Enter
state folder
key Enter C-u
type ~/../empty.csv
key Enter
state empty
key Enter C-u
type binary.csv
key Enter
state binary
key Esc
state back
EOF
is $RC 0 "--screen import opens the import screen"
state_is opened screen import
state_is opened import.step file
screen_has import-file-80x24 "1 File › 2 Profile › 3 Preview › 4 Check › 5 Import" "the steps are named at the top"
screen_has import-file-80x24 "5 Import" "the title bar has the import tab"
# The folder is named (a long one wraps onto the next line).
tr -d '\n' <"$T/import-file-80x24.screen" | tr -s ' ' >"$T/flat"
grep -qF "relative to $T;" "$T/flat"
ok $? "relative paths are the working directory's"
state_is prompt modal prompt
state_is prompt prompt.label "CSV file: "
state_is missing import.error "cannot read 'nope.csv': No such file or directory"
state_is missing import.step file
screen_has import-missing "cannot read 'nope.csv': No such file or directory" "the refusal is on the screen as the core says it"
state_is folder import.error "cannot read '$T/folder': Is a directory"
state_is empty import.error "'$HOME/../empty.csv' is empty; expected a header line and rows"
state_has binary "a NUL byte; expected a text file (CSV)"
state_is binary import.file ""
state_is back screen process

# ---- a whole import of the synthetic file, at 80x24 ----
j0=$(jcount "$db")
ui "$db" <<EOF
key 2
state budget-before
key 5 Enter
type $FIX/small.csv
key Enter
state profile
screen import-profile-80x24
key Enter
state preview
screen import-preview-80x24
key End
state preview-end
key r
state raw
screen import-raw-80x24
key Right Right
state raw-right
screen import-raw-right
key r Home
key Enter
state check
screen import-check-80x24
key Enter
state question
key n
state declined
key Enter y
state done
screen import-done-80x24
key 2
state budget-after
screen import-budget
EOF
is $RC 0 "a whole import on the screen"
state_is budget-before budget.lines 0
state_is profile import.step profile
state_is profile import.profiles "bergen-driftsbudsjett,stavanger-budsjettforslag(misfit)"
state_is profile import.profile_selected bergen-driftsbudsjett
state_is profile import.encoding utf-8
state_is profile import.bom no
state_is profile import.delimiter ";"
state_is profile import.columns 14
screen_same import-profile-80x24
screen_has import-profile-80x24 "bergen-driftsbudsjett      Bergen kommune" "each profile with its title"
screen_has import-profile-80x24 "fits" "and whether it fits the file"
state_is preview import.step preview
state_is preview import.profile bergen-driftsbudsjett
state_is preview import.rows_previewed 8
state_is preview import.lines_previewed 5
state_is preview import.rejected_previewed 0
state_is preview import.selected "line 1.02.24410.Inntekt"
screen_same import-preview-80x24
screen_has import-preview-80x24 "Barneverntjeneste   inc   -1 380   -1 380   -1 380   -1 380" "a line as imported: income, in 1 000 kr."
screen_has import-preview-80x24 "From 2 rows: lines 2, 3" "the selected line says which rows it sums"
plain import-preview-80x24
screen_has import-preview-80x24-plain "2014: -1 379 950" "and its amounts to the krone"
# æ, ø, å take one column each: every line of the preview ends in the
# same column, whatever letters its title has.
widths() { grep -E '^ +[0-9]+ [0-9]' "$1" | while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -u; }
is "$(widths "$T/import-preview-80x24.screen")" 80 "80 columns: the amounts of all preview lines line up"
state_is preview-end import.selected "line 3.31.25310.Inntekt"
state_is raw import.view raw
state_is raw import.selected "row 9"
screen_same import-raw-80x24
screen_has import-raw-80x24 "2  1         Byrådsleders avdeling     Inntekt         02" "the raw view shows the file's own fields"
screen_has import-raw-right "tjenesteomraade-tekst" "Right moves the raw columns sideways"
state_is check import.step check
state_is check import.checked yes
state_is check import.rows 8
state_is check import.lines 5
state_is check import.rejected 0
state_is check import.created 5
state_is check import.areas 5
state_is check import.replaced 0
state_is check import.sum.2013 39927640000
state_is check import.sum.2014 40027640000
state_is check message "Checked: 8 rows, 5 lines, none rejected; nothing was changed."
screen_same import-check-80x24
state_is check import.profile_where shipped
screen_has import-check-80x24 "Profile   bergen-driftsbudsjett (shipped with budgetlab)" "a shipped profile by its name"
plain import-check-80x24
screen_has import-check-80x24-plain "2013: 399 276 400   2014: 400 276 400" "the sums per year, as the file signs them"
state_is question modal question
state_is question question "Import 5 lines, replacing the proposal?"
state_is declined message "Nothing was imported."
state_is declined import.imported no
state_is done import.step done
state_is done import.imported yes
state_is done import.created 5
state_is done message "Imported 5 lines into the proposal; 2 shows the budget."
screen_same import-done-80x24
state_is budget-after budget.lines 5
screen_has import-budget "proposal · 1 000 kr. · by code ↑ · 5 lines" "the budget screen, open before the import, reads it again"
run lines "$db" --unit kr
has "$OUT" "3.31.25300.Utgift" "budgetlab lines has the imported line"
has "$OUT" "412 000 000" "with its amount"
is "$(jcount "$db")" "$((j0 + 1))" "the journal has one entry for the import"
after1=$(status_of "$db")
lines1=$(lines_of "$db")

# ---- again: the same totals ----
ui "$db" <<EOF
key 5 Enter
type $FIX/small.csv
key Enter Enter Enter
state check2
key Enter y
state done2
EOF
state_is check2 import.created 0
state_is check2 import.updated 5
state_is check2 import.replaced 20
state_is done2 import.imported yes
is "$(status_of "$db")" "$after1" "importing twice: budgetlab status is the same"
is "$(lines_of "$db")" "$lines1" "and so is budgetlab lines"

# ---- another version ----
ui "$db" <<EOF
key 5 Enter
type $FIX/small.csv
key Enter Enter Enter
key v
state version
key Enter y
state version-done
EOF
state_is version import.version first_reading
state_is version import.checked yes
state_is version message "Checked: 8 rows, 5 lines, none rejected; nothing was changed."
state_is version-done message "Imported 5 lines into the first reading; 2 shows the budget, v there the first reading."
run lines "$db" --version first_reading --unit kr
has "$OUT" "412 000 000" "the first reading has the imported amounts"
is "$(status_of "$db")" "$after1" "and the proposal is as it was"

run --screen nosuch "$db"
is $RC 2 "--screen with an unknown name is a usage error"
has "$ERR" "expected process, budget, goals, journal, import, labs, signin, ballots, results, amendments, hearing, versions, pools or pillars" "which names the import screen and the lab screens"

# ---- 160x45, the projector's size ----
ui "$db" --size 160x45 <<EOF
key 5 Enter
type $FIX/small.csv
key Enter
screen import-profile-160x45
key Enter
screen import-preview-160x45
key m
screen import-mapping-160x45
key Esc Enter
screen import-check-160x45
EOF
is $RC 0 "the import screen at 160x45"
screen_same import-profile-160x45
screen_same import-preview-160x45
screen_has import-preview-160x45 "1/02  1.02.24410.Inntekt  Barneverntjeneste" "wide: the area path and the whole code"
screen_same import-mapping-160x45
screen_same import-check-160x45
screen_has import-check-160x45 "  2013  399 276 400" "wide: the sums in a column"

# ---- terminal too small, help, and back ----
ui "$db" <<EOF
key 5 Enter
type $FIX/small.csv
key Enter Enter
resize 50 10
state small
resize 80 24
state grown
key ?
screen import-help
key q
state help-back
key q
state quit-back
key 5
state again
EOF
state_is small too_small yes
state_is grown too_small no
state_is grown import.step preview
screen_has import-help "Keys of the Import screen" "? shows the import screen's keys"
screen_has import-help "Open the mapping editor" "from the action table"
state_is help-back import.step preview
state_is quit-back screen process
state_is again import.step preview
state_is again import.file "$FIX/small.csv"

# ---- a Latin-1 file ----
ui "$db" <<EOF
key 5 Enter
type $FIX/small-latin1.csv
key Enter Enter
state latin1
key r
screen import-latin1-raw
key r Enter
state latin1-check
EOF
state_is latin1 import.encoding windows-1252
state_is latin1 import.lines_previewed 5
screen_has import-latin1-raw "Byrådsleders avdeling" "Latin-1 is read as Windows-1252: å is å"
state_is latin1-check import.sum.2013 39927640000
state_is latin1-check import.rejected 0

# ---- rows with a bad amount: rejected; strict refused; lenient ----
before=$(lines_of "$db")
j1=$(jcount "$db")
ui "$db" <<EOF
key 5 Enter
type $FIX/small-bad.csv
key Enter Enter
state bad-preview
screen import-bad-preview
key Down
state bad-selected
screen import-bad-selected
key Enter
state bad-check
screen import-bad-check
key End
screen import-bad-check-end
key Enter
state strict-enter
screen import-strict-enter
key Enter
state strict-again
key l
state lenient-prompt
key C-u
type $T/folder
key Enter
state lenient-folder
key C-u
type $FIX/small-bad.csv
key Enter
state lenient-input
key Esc
state still-strict
EOF
state_is bad-preview import.rows_previewed 8
state_is bad-preview import.rejected_previewed 2
screen_has import-bad-preview "✗ rejected: column '2014': \"5 642 55O\" is not an amount" "a rejected row is marked with its reason"
state_is bad-selected import.selected "rejected 4: column '2014': \"5 642 55O\" is not an amount: \"O\" is not a digit, sign, separator or unit (kr., kr, DKK, NOK) (expected e.g. 1 234 567,50)"
plain import-bad-selected
screen_has import-bad-selected-plain "It holds: avdeling: 1 · avdeling-tekst: Byrådsleders avdeling" "the selected rejected row in full"
screen_has import-bad-selected-plain " 1 234 567,50)" "its reason wraps with its amounts whole"
# Cut to the rows there are, the ellipsis right after the text that fits.
holds=$(grep "It holds:" "$T/import-bad-selected.screen")
case $holds in *" …" | *"  "*) ok 1 "the detail's ellipsis follows its text" ;; *…) ok 0 "the detail's ellipsis follows its text" ;; *) ok 1 "the detail's ellipsis follows its text" ;; esac
state_is bad-check import.rejected 2
state_is bad-check import.reject.7 "the row has 13 fields; the header has 14 (is a delimiter missing, or the row cut off?)"
screen_same import-bad-check
screen_has import-bad-check "Rejected rows (2)" "the check lists the rejected rows"
screen_has import-bad-check "line 4: column '2014'" "with their line numbers"
# The scroll counter has columns of its own, at the right of the hints:
# the text above keeps its own; no hint is cut.
is "$(sed -n 4p "$T/import-bad-check.screen")" " A dry run of the whole file: nothing has been changed yet." "the scroll counter keeps off the text"
sed -n 22p "$T/import-bad-check.screen" | grep -qE ' Esc: preview +1–18/[0-9]+$'
ok $? "the counter is at the right of the hints, which fit beside it"
# A rejected row wraps at its fields' ends, and never inside an amount:
# no row of the list ends in a digit where the next starts with one.
plain import-bad-check-end
awk '/Rejected rows \(/ { on = 1; next }
	on && prev ~ /[0-9]$/ && $0 ~ /^ *[0-9]/ { bad = 1; print "# " prev; print "# " $0 }
	{ prev = $0 } END { exit bad }' "$T/import-bad-check-end-plain.screen"
ok $? "wrapped rejected rows keep their amounts whole"
screen_has import-bad-check-end-plain "1;Byrådsleders avdeling;Utgift;02;Barnevern;24410;Barneverntjeneste;N00;" "a row wraps at a field's end"
screen_has import-bad-check-end-plain "(expected e.g. 1 234 567,50)" "and the reason keeps its example amount whole"
# A strict import with rejected rows could change nothing: it is not
# offered; Enter says what does, asks nothing, and l (the next key) is
# the lenient choice, not an answer to a question.
state_is bad-check message "Checked: 2 of 8 rows are rejected (listed below); l imports the others."
state_is strict-enter modal ""
state_is strict-enter question ""
state_is strict-enter message "2 rejected rows: l imports the others, these go to a file; or fix the file."
state_is strict-enter import.step check
state_is strict-enter import.imported no
state_is strict-again message "2 rejected rows: l imports the others, these go to a file; or fix the file."
screen_has import-strict-enter "strict, so nothing can be imported (l: import the others)" "the check says the strict import cannot go"
screen_has import-strict-enter "l: import the others" "and the hints offer l, not Enter"
if grep -q "Enter: import" "$T/import-strict-enter.screen"; then ok 1 "no Enter: import while strict with rejected rows"; else ok 0 "no Enter: import while strict with rejected rows"; fi
is "$(lines_of "$db")" "$before" "Enter while strict with rejects changes nothing"
is "$(jcount "$db")" "$j1" "and journals nothing"
state_is lenient-prompt modal prompt
state_is lenient-prompt prompt.text "./small-bad.rejected.csv"
state_is lenient-folder prompt.error "'$T/folder' is a folder; expected a file name, e.g. $T/folder/rejected.csv"
state_is lenient-input prompt.error "That is the file being imported; expected another file."
state_is still-strict import.lenient no
test ! -e "$T/small-bad.rejected.csv"
ok $? "nothing is written while strict"

ui "$db" <<EOF
key 5 Enter
type $FIX/small-bad.csv
key Enter Enter Enter
key l Enter
state lenient
key Enter
state lenient-question
key y
state lenient-done
screen import-lenient-done
EOF
state_is lenient import.lenient yes
state_is lenient import.rejects_file "./small-bad.rejected.csv"
state_is lenient-question question "Replace the proposal with 5 lines, 2 rejected rows to a file?"
state_is lenient-done import.imported yes
state_is lenient-done import.rejects_written "./small-bad.rejected.csv"
screen_has import-lenient-done "Rejects   2 rows written, unchanged, to ./small-bad.rejected.csv" "the summary names the reject file"
screen_has import-lenient-done 'import that file with "add" (A on the check step)' "and says to fix the rows there and import it with add"
{ sed -n 1p "$FIX/small-bad.csv"; sed -n 4p "$FIX/small-bad.csv"; sed -n 7p "$FIX/small-bad.csv"; } >"$T/want-rejects"
if cmp -s "$T/want-rejects" "$T/small-bad.rejected.csv"; then ok 0 "the reject file has the header and the two rows, unchanged"; else
	ok 1 "the reject file has the header and the two rows, unchanged"
	diag "$T/small-bad.rejected.csv" 2>/dev/null
fi
run lines "$db" --unit kr
has "$OUT" "1.02.24410.Inntekt" "the sound rows are imported"
# 1.02.24410.Utgift without the rejected row 4: row 5 alone.
grep '^ *1.02.24410.Utgift' "$OUT" >"$T/utgift"
has "$T/utgift" "188 100" "a line has the amounts of its sound rows only"
# A second lenient import asks before replacing the reject file.
ui "$db" <<EOF
key 5 Enter
type $FIX/small-bad.csv
key Enter Enter Enter
key l Enter
state replace-question
key n
state replace-no
EOF
state_is replace-question question "'./small-bad.rejected.csv' exists. Replace it with the rejected rows when importing?"
state_is replace-no import.lenient no

# ---- replace the version, or add to it (A) ----
# A file with some of the lines: added, the version's other lines stay;
# replacing (the default) removes them, and the summary says so loudly.
ra=replace-add.budgetlab
new_db "$ra"
"$BUDGETLAB" import "$ra" "$FIX/small.csv" --profile bergen-driftsbudsjett >/dev/null
sed -n '1p;6,7p' "$FIX/small.csv" >"$T/part.csv"
ui "$ra" <<EOF
key 5 Enter
type part.csv
key Enter Enter Enter
state ra-check
screen import-ra-check
key A
state add-check
screen import-add-check-80x24
key Enter
state add-question
key y
state add-done
screen import-add-done
EOF
is $RC 0 "an import that adds to the version"
state_is ra-check import.mode replace
screen_has import-ra-check "Import    replaces the version: " "replace is the default, and the check says what it does"
screen_has import-ra-check "A: add" "the hints offer A"
state_is add-check import.mode add
state_is add-check import.checked yes
state_is add-check import.replaced 0
state_is add-check message "Add to the proposal: the file's amounts are added, its other lines stay."
screen_same import-add-check-80x24
screen_has import-add-check-80x24 "Import    adds the file's amounts; the version's other lines stay (A: replace)" "A: the check says the version is added to"
state_is add-question question "Add 2 lines' amounts to the proposal? Its other lines stay."
state_is add-done import.imported yes
state_is add-done import.updated 2
state_is add-done import.removed 0
state_is add-done message "Added 2 lines to the proposal; 2 shows the budget."
screen_has import-add-done "Added to the proposal of replace-add.budgetlab" "the summary says it added"
run lines "$ra" --unit kr
has "$OUT" "5 lines" "with add, budgetlab lines still has the version's 5 lines"
has "$OUT" "1.02.24410.Inntekt" "among them those the file does not have"
grep '^ *3.31.25300.Utgift' "$OUT" >"$T/ra-line"
# 413 000 000 (rows 7 and 8 before) and 415 500 000 (row 7 of part.csv).
has "$T/ra-line" "828 500 000" "and the file's lines get its amounts added to theirs"
status_of "$ra" >"$T/ra-status"
has "$T/ra-status" "Income                               39 780" "budgetlab status: the income lines (not in the file) stayed"

ui "$ra" <<EOF
key 5 Enter
type part.csv
key Enter Enter Enter
state rep-check
key Enter
state rep-question
key y
state rep-done
screen import-replaced-80x24
EOF
state_is rep-check import.mode replace
state_is rep-question question "Import 2 lines, replacing the proposal: 3 lines not in the file are removed?"
state_is rep-done import.imported yes
state_is rep-done import.removed 3
state_is rep-done message "Imported 2 lines into the proposal; 3 lines not in the file were removed."
screen_same import-replaced-80x24
screen_has import-replaced-80x24 "3 lines that were in the proposal but not in the file were removed" "the summary says loudly which lines were removed"
screen_has import-replaced-80x24 'it with "add" (A on the check step)' "and that add adds instead"
screen_has import-replaced-80x24 "Import    replaced the version: 3 lines that were not in the file were removed" "the summary's own row says it too"
screen_has import-replaced-80x24 " Imported into replace-add.budgetlab, the proposal (the journal has one entry" "a long first row wraps"
sed -n 4p "$T/import-replaced-80x24.screen" | grep -q '…'
ok $((!$?)) "and is not cut"
run lines "$ra" --unit kr
has "$OUT" "2 lines" "replaced: budgetlab lines has only the file's 2 lines"
hasnt "$OUT" "1.02.24410.Inntekt" "the others were removed"
status_of "$ra" >"$T/ra-status"
has "$T/ra-status" "Income                                    0" "budgetlab status: no income left"

# ---- a phase that locks amounts ----
lk=locked.budgetlab
new_db "$lk"
"$BUDGETLAB" advance "$lk" >/dev/null
lk0=$(lines_of "$lk")
ui "$lk" <<EOF
key 5 Enter
type $FIX/small.csv
key Enter Enter Enter
state locked
screen import-locked
key Enter
state locked-again
EOF
state_is locked locks amounts
state_is locked import.checked no
state_has locked "import.run_error=amounts are locked during the phase"
screen_has import-locked "amounts are locked during the phase" "the lock is said on the check step"
state_is locked-again import.imported no
is "$(lines_of "$lk")" "$lk0" "and nothing was imported"

# ---- the mapping editor: a new mapping, saved as a profile ----
sp=simple.budgetlab
new_db "$sp"
ui "$sp" <<EOF
key 5 Enter
type $FIX/simple.csv
key Enter
state simple-profiles
key End Enter
state guessed
screen import-mapping-80x24
key Down Down Down Down Down
key Enter
state pick-direction
screen import-pick
key Down Down Down Down Down Enter
state direction
key Up Up
key Enter End Enter
state text-form
key C-u
type {kode}-{nope}
state text-bad
screen import-text-bad
key C-u
type {område}.{kode}
state text-good
screen import-text-good
key Enter
state coded
key S
state save-form
type kommune-x
key Tab
key C-u
type Kommune X, driftsbudsjett
key F2
state saved
EOF
is $RC 0 "the mapping editor"
state_is simple-profiles import.profiles "bergen-driftsbudsjett(misfit),stavanger-budsjettforslag(misfit)"
state_is guessed import.step mapping
state_is guessed import.profile new-mapping
state_is guessed import.profile_edited yes
state_is guessed import.map.level1.code område
state_is guessed import.map.level1.name områdenavn
state_is guessed import.map.code kode
state_is guessed import.map.title navn
state_is guessed import.map.direction sign
state_is guessed import.map.amount1 "beløp=budget_year+0"
state_is guessed import.lines_previewed 5
screen_same import-mapping-80x24
screen_has import-mapping-80x24 "Esc: preview" "the hints fit, none cut"
state_is pick-direction modal pick
state_is pick-direction pick.selected "By sign: a negative amount is income"
screen_same import-pick
state_is direction import.map.direction type
state_is direction import.map.income I
state_is direction import.map.expense U
state_is direction message "Income: I; expenses: U (Enter on the words changes them)."
state_is text-form modal form
state_is text-form field.Text kode
state_is text-bad field.Text.error "The file has no column 'nope'; expected one of: område, områdenavn, kode, navn, type, beløp"
screen_has import-text-bad "The file has no column 'nope'" "a text is checked as it is typed"
state_is text-good field.Text.warning "On the first row: 10.10.201"
screen_has import-text-good "On the first row: 10.10.201" "and shows what it gives"
state_is coded import.map.code "{område}.{kode}"
state_is coded import.selected "line 10.10.201"
state_is save-form form.title "Save the mapping as an import profile"
state_is saved message "Saved as $HOME/.config/budgetlab/import/kommune-x.yaml."
state_is saved import.profile kommune-x
state_is saved import.profile_edited no
saved="$HOME/.config/budgetlab/import/kommune-x.yaml"
test -f "$saved"
ok $? "the profile is in ~/.config/budgetlab/import"
has "$saved" 'code: "{område}.{kode}"' "with the line code as typed"
has "$saved" 'title: "Kommune X, driftsbudsjett"' "and its title"
has "$saved" 'income: ["I"]' "and the direction's words"
run import "$sp" "$FIX/simple.csv" --profile kommune-x --dry-run
is $RC 0 "budgetlab import takes the saved profile"
has "$OUT" "Lines:     5 (5 created" "and it maps the file"

# A mapping saved from a file whose columns are named by their years
# reads next year's file too: the columns become "... {year}".
yp=years.budgetlab
new_db "$yp"
ui "$yp" <<EOF
key 5 Enter
type $FIX/years.csv
key Enter
key End Enter
key S
type aarlig
key F2
state years-saved
EOF
is $RC 0 "a mapping of year-named columns, saved"
ysaved="$HOME/.config/budgetlab/import/aarlig.yaml"
has "$ysaved" 'column: "Budget {year}"' "the budget year's column is saved as Budget {year}"
has "$ysaved" 'column: "Overslag {year}"' "the outline years' too"
has "$ysaved" 'year: budget_year+1' "relative to the budget year"
{ echo 'område;områdenavn;kode;navn;Regnskap 2012;Budget 2014;Overslag 2015;Overslag 2016'
  tail -n +2 "$FIX/years.csv"; } >"$T/years-next.csv"
head -1 "$T/years-next.csv" | grep -q "Budget 2014;Overslag 2015;Overslag 2016"
ok $? "next year's file (test data)"
"$BUDGETLAB" create "$T/y14.budgetlab" "$SRCDIR/config/phases/norwegian-municipality.yaml" --budget-year 2014 >/dev/null
run import "$T/y14.budgetlab" "$T/years-next.csv" --profile aarlig --json
is $RC 0 "the saved profile reads next year's file in next year's process"
rm -f "$ysaved" # the listing below is of kommune-x alone

# A reject file opens in "add"; the next file starts in "replace" again.
cp "$FIX/simple.csv" "$T/simple.rejected.csv"
ui "$yp" <<EOF
key 5 Enter
type $T/simple.rejected.csv
key Enter
state rej-opened
key Esc
state rej-back
key Enter
key C-u
type $FIX/simple.csv
key Enter
state next-opened
EOF
state_is rej-opened import.mode add
state_is next-opened import.mode replace
state_is next-opened import.lenient no

# The saved profile is listed as the user's, and a second save asks.
ui "$sp" <<EOF
key 5 Enter
type $FIX/simple.csv
key Enter
state mine
screen import-profile-mine
key m
key S
state save-again
key F2
state replace
key n
state kept
key S F2 y
state replaced
key Esc Enter Enter y
state imported
EOF
state_is mine import.profiles "kommune-x,bergen-driftsbudsjett(misfit),stavanger-budsjettforslag(misfit)"
state_is mine import.profile_selected kommune-x
screen_has import-profile-mine "kommune-x                  Kommune X, driftsbudsjett" "the saved profile is listed first"
screen_has import-profile-mine "yours" "as the user's own"
state_is save-again field.Name kommune-x
state_is replace question "$saved exists. Replace it?"
state_is kept message "Not saved: $saved is as it was."
state_is replaced message "Saved as $saved."
state_is imported import.imported yes
run lines "$sp" --unit kr
has "$OUT" "10.10.202" "the new mapping's line codes"
has "$OUT" "800 000,50" "and amounts to the øre"

# ---- the editor's counts, names and guesses ----
ui "$sp" <<EOF
key 5 Enter
type $FIX/simple.csv
key Enter End Enter
key Down Down Down Down Down Down Down
state one-amount
screen import-one-amount
key S
type ærø opus
state name-blank
key C-u
type ærø/opus
state name-slash
key C-u
type .ærø
state name-dot
key C-u
type ærø-opus.yaml
state name-yaml
key C-u
type ærø-opus
state name-good
key Tab C-u
type Ærø, opus
key F2
state name-saved
EOF
state_is one-amount import.role amounts
screen_has import-one-amount "1 column, one by one" "one amount column is 1 column"
state_is name-blank field.Name.error "The name cannot have a blank: use '-' or '_', e.g. ærø-opus."
state_is name-slash field.Name.error "The name cannot have a '/': it is a file name, not a path."
state_is name-dot field.Name.error "The name cannot start with '.' (the file would be hidden)."
state_is name-yaml field.Name.error "Leave '.yaml' off: the file gets it, and a name that ends in it is read as a path."
state_is name-good field.Name.error ""
state_is name-saved message "Saved as $HOME/.config/budgetlab/import/ærø-opus.yaml."
state_is name-saved import.profile ærø-opus
run import "$sp" "$FIX/simple.csv" --profile ærø-opus --dry-run
is $RC 0 "budgetlab import takes a profile named with letters beyond ASCII"

# The summary names one's own profile by its real path (HOME with a
# detour here), a shipped one by its name.
real_home=$(cd "$HOME" && pwd -P)
HOME="$HOME/../home"
ui "$sp" <<EOF
key 5 Enter
type $FIX/simple.csv
key Enter Enter Enter
state where
screen import-where
EOF
HOME="$T/home"
state_is where import.profile kommune-x
state_is where import.profile_where "$real_home/.config/budgetlab/import/kommune-x.yaml"
hasnt "$T/import-where.screen" "/../" "the summary shows the profile's path without a detour"
screen_has import-where "Profile   kommune-x" "the summary names one's own profile"

# Amount columns guessed from headers that have a year of the process in
# them, not only those that are one; a year outside it is no amount.
yr=years.budgetlab
new_db "$yr"
ui "$yr" <<EOF
key 5 Enter
type $FIX/years.csv
key Enter End Enter
state years
EOF
state_is years import.map.amounts columns
state_is years import.map.amount1 "Budget 2013=2013"
state_is years import.map.amount2 "Overslag 2014=2014"
state_is years import.map.amount3 "Overslag 2015=2015"
hasnt "$T/years.state" "Regnskap 2011" "a year outside the process is no amount column"
state_is years import.map.level1.code område
state_is years import.map.code kode
state_is years import.lines_previewed 4
state_is years import.rejected_previewed 0

# The editor on a shipped profile: levels away and back, sub-lines.
ui "$db" <<EOF
key 5 Enter
type $FIX/small.csv
key Enter Enter
key m
state bergen-map
key Down Down
key d
state one-level
key Home d
state no-level
screen import-no-level
key Esc Enter
state no-level-check
key m
key a Enter
key Down Down Enter
state level-back
key Esc
key s
state sublines
key Enter
state sublines-check
EOF
state_is bergen-map import.map.level2.code tjomr
state_is one-level import.map.level2.code ""
state_is one-level import.lines_previewed 5
state_is no-level import.map.level1.code ""
screen_has import-no-level "no area level: the import needs one (a adds it)" "the editor says a level is missing"
state_is no-level-check import.checked no
state_has no-level-check "the profile has no 'areas'"

state_is level-back import.map.level1.code avdeling
state_is level-back import.map.level1.name avdeling-tekst
state_is sublines import.same_line sublines
state_is sublines import.lines_previewed 8
state_is sublines-check import.lines 8

# ---- a file larger than the preview ----
{
	sed -n 1p "$FIX/small.csv"
	i=0
	while [ $i -lt 500 ]; do
		sed -n '2,9p' "$FIX/small.csv" | sed "s/^\([0-9]*\);/\1$i;/"
		i=$((i + 1))
	done
} >"$T/many.csv"
ui "$db" <<EOF
key 5 Enter
type many.csv
key Enter Enter
state many-preview
key Enter
state many-check
EOF
state_is many-preview import.rows_previewed 50
state_is many-check import.rows 4000
state_is many-check import.lines 2500

# ---- Bergen's own export ----
if [ ! -f "$BERGEN" ]; then
	echo "ok $((_n + 1)) # SKIP $BERGEN is not here"
	_n=$((_n + 1))
else
	bg=bergen.budgetlab
	new_db "$bg"
	ui "$bg" <<EOF
key 5 Enter
type $BERGEN
key Enter Enter
state bergen-preview
screen import-bergen-preview-80x24
key Enter
state bergen-check
screen import-bergen-check-80x24
key Enter y
state bergen-done
key 2
state bergen-budget
EOF
	state_is bergen-preview import.bom yes
	state_is bergen-preview import.rows_previewed 50
	state_is bergen-preview import.lines_previewed 15
	screen_same import-bergen-preview-80x24
	state_is bergen-check import.rows 1761
	state_is bergen-check import.lines 557
	state_is bergen-check import.areas 151
	state_is bergen-check import.rejected 0
	state_is bergen-check import.sum.2013 -49000
	state_is bergen-check import.sum.2016 -53900
	screen_same import-bergen-check-80x24
	state_is bergen-done import.imported yes
	state_is bergen-budget budget.lines 557
	b1=$(status_of "$bg")
	has_income() { printf '%s\n' "$b1" | grep -q "^Income *17 897 940 *17 876 701 *18 220 490 *18 523 260"; }
	has_income
	ok $? "budgetlab status: Bergen's income per year"
	ui "$bg" --size 160x45 <<EOF
key 5 Enter
type $BERGEN
key Enter Enter
screen import-bergen-preview-160x45
key Enter Enter y
state bergen-again
EOF
	screen_same import-bergen-preview-160x45
	is "$(widths "$T/import-bergen-preview-160x45.screen" | wc -l | tr -d ' ')" 1 "160 columns: Bergen's lines (æ, ø, å in their titles) line up"
	state_is bergen-again import.updated 557
	is "$(status_of "$bg")" "$b1" "Bergen imported twice: the same totals"
fi
done_testing
