#!/bin/sh
# The ballots screen (8): paper ballots typed on the always-active entry
# line; every kind of refusal (twice, too many, over the pool, an unknown
# idea, one not on the ballot, garbage, a huge number, points on an
# approval ballot, too many points) shows the reason, keeps the text and
# stores nothing; undo; a correction; paper or laptop; a cumulative lab;
# a lab without a ballot type; no lab; the screen at 80x24 and 160x45.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/lab.budgetlab"
demo_db "$db"
demo_db "$T/empty.budgetlab"
q() { "$BUDGETLAB" "$@" >/dev/null; }
q lab add "$db" --theme "Grønne byrum" --pool 1.000.000 --ballot godkendelse
for t in "Ny legeplads:400.000" "Træer på Torvet:250.000" "Bænke ved åen:80.000" \
	"Cykelparkering:150.000" "Blomstereng i parken:120.000" "Vandlegeplads:600.000"; do
	q idea add "$db" 1 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot
done
q idea add "$db" 1 --title "Skøjtebane på torvet" --cost 90.000 --status proposed
q session add "$db" 1 --date 2027-03-01 --place "Biblioteket" --facilitator "Anne"
ballots() { "$BUDGETLAB" ballots "$db" 1 --all; }
jcount() { "$BUDGETLAB" journal "$db" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }

# ---- no lab chosen (a process without labs) ----
ui "$T/empty.budgetlab" <<'EOF'
key 8
screen ballots-nolab
state nolab
key 1
state nolab1
EOF
is $RC 0 "the ballots screen opens without a lab"
screen_same ballots-nolab
state_is nolab ballots.lab 0
screen_has ballots-nolab "No lab is chosen yet." "it says that no lab is chosen"
screen_has ballots-nolab "Choose one on the labs screen (6), or press o and type its number." "and where to choose one"
screen_has ballots-nolab "Tab screens" "the status bar says Tab switches screens"
# A digit is typed here, not a screen switch.
state_is nolab1 screen ballots

# ---- a valid ballot, then every kind of refusal ----
ui "$db" <<'EOF'
key 8
key o
key C-u
type 7
key Enter
state nolab7
key C-u
type 1
key Enter
state chosen
type 1 33
key Backspace
state typed
key Enter
state counted
screen ballots-counted-80x24
EOF
is $RC 0 "a valid ballot"
state_is nolab7 prompt.error "there is no lab 7 (\`budgetlab labs DB\` lists them)"
state_is chosen ballots.lab 1
state_is chosen ballots.type godkendelse
state_is chosen message "Lab 1: Grønne byrum"
# The lab's only session is taken for its ballots.
state_is chosen ballots.session 1
state_is typed ballots.entry "1 3"
state_is counted ballots.feedback "✔ Ballot 1 counted: 1 3   (no. 1)"
state_is counted ballots.entry ""
state_is counted ballots.counted 1
state_is counted ballots.last "1 3"
state_is counted ballots.votes "1:1,2:0,3:1,4:0,5:0,6:0,7:0"
screen_same ballots-counted-80x24
screen_has ballots-counted-80x24 "Ballot: _" "the entry line is empty again"
screen_has ballots-counted-80x24 "1 counted · on paper" "the counter counts it, cast on paper"
screen_has ballots-counted-80x24 "session 1 (2027-03-01, Biblioteket)" "the session the ballots go to"
run ballots "$db" 1
has "$OUT" "     1        1            -  paper   1 3" "the CLI lists the ballot, in session 1, on paper"
# æ, ø and å take one column each: the votes column lines up.
widths() { grep -E '^ +[0-9] [A-ZÆØÅ]' "$1" | sed 's/^\(.\{44\}\).*/\1/' | while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -u; }
is "$(widths "$T/ballots-counted-80x24.screen")" 44 "the ideas' votes line up whatever their letters"

before=$(ballots)
j0=$(jcount)
ui "$db" <<'EOF'
key 8
key o
key C-u
type 1
key Enter
type 1 1
key Enter
state twice
screen ballots-refused-80x24
key C-u
type 1 2 3 4 5 6
key Enter
state toomany
key C-u
type 1 6 2
key Enter
state budget
key C-u
type 99
key Enter
state unknown
key C-u
type 7
key Enter
state notonballot
key C-u
type 1;2
key Enter
state garbage
key C-u
type 99999999999999999999
key Enter
state huge
key C-u
type 3:2
key Enter
state points
key C-u
type 1,,3 . 2
key Enter
state dots
key Esc
state esc
type ,
key Enter
state blank
key C-u
type 2 4
key Tab
state tab
key 8
state back
screen ballots-pending-80x24
key Esc
state backesc
key ?
screen ballots-help
EOF
is $RC 0 "invalid ballots"
refused() { # NAME ENTRY REASON
	state_is "$1" ballots.entry "$2"
	state_is "$1" ballots.feedback "✘ Not counted: $3"
	state_is "$1" ballots.counted 1
}
refused twice "1 1" "idea 1 is marked twice"
screen_same ballots-refused-80x24
screen_has ballots-refused-80x24 "Ballot: 1 1_" "the refused text stays on the entry line for fixing"
screen_has ballots-refused-80x24 "✘ Not counted: idea 1 is marked twice" "the reason is on the screen"
refused toomany "1 2 3 4 5 6" "6 ideas marked; at most 5 may be"
refused budget "1 6 2" "the marked ideas cost 1.250.000 kr. together; the pool is 1.000.000 kr."
refused unknown "99" "idea 99 does not exist (the ideas are numbered 1–7)"
refused notonballot "7" "idea 7 is not on the ballot"
refused garbage "1;2" "1;2: expected idea numbers separated by spaces or commas, e.g. 3 7 12"
refused huge "99999999999999999999" "99999999999999999999 is too large for an idea number; expected idea numbers separated by spaces or commas, e.g. 3 7 12"
refused points "3:2" "3:2: points are given only on a cumulative ballot, and this is an approval ballot; expected idea numbers separated by spaces or commas, e.g. 3 7 12"
refused dots "1,,3 . 2" ".: expected idea numbers separated by spaces or commas, e.g. 3 7 12"
state_is esc ballots.entry ""
# The approval type needs at least 1 idea: an empty Enter is refused at
# once, without a question whose "yes" would only be refused.
state_is blank question ""
state_is blank ballots.feedback "✘ Not counted: the entry line is empty, and no idea marked; at least 1 must be"
state_is tab screen results
# Back on the screen with text still on the entry line: it is said,
# highlighted, that it is not counted; Esc empties the line.
state_is back screen ballots
state_is back ballots.entry "2 4"
state_is back ballots.feedback "Not counted yet: 2 4 — Enter counts it, Esc empties the line."
screen_same ballots-pending-80x24
state_is backesc ballots.entry ""
state_is backesc ballots.feedback "The entry line is empty: nothing was counted."
# Help on the ballots screen does not list the number keys, which type.
if grep -qE '^ *1 +The process' "$T/ballots-help.screen"; then ok 1 "help on screen 8 lists no number keys"; else ok 0 "help on screen 8 lists no number keys"; fi
screen_has ballots-help "Tab" "help on screen 8 lists Tab"
is "$(ballots)" "$before" "nothing refused was stored: 'budgetlab ballots' is unchanged"
is "$(jcount)" "$j0" "and the journal did not grow"

# ---- laptop, undo, correction ----
ui "$db" <<'EOF'
key 8
key o
key C-u
type 1
key Enter
key c
state laptop
type 2 4
key Enter
type 5
key Enter
state three
key u
state undoq
type 7
state undodigit
key n
state kept
key u
key y
state undone
screen ballots-undone
key Down
state sel
key e
state correctq
key C-u
type 2 2
key Enter
state correctbad
key C-u
type 2 5
key Enter
state reasonq
key Enter
state reasonempty
type Skrevet forkert af
key Enter
state corrected
screen ballots-corrected
key c
state paper
EOF
is $RC 0 "laptop, undo and a correction"
state_is laptop ballots.cast laptop
state_is laptop message "The ballots entered now were cast on the laptop."
state_is three ballots.counted 3
state_is undoq question "Undo ballot 3 (5)? It is voided as \"undone\"."
# A digit answers nothing: the question stays, says so, and the digit
# does not go to the entry line.
state_is undodigit question "Undo ballot 3 (5)? It is voided as \"undone\"."
state_is undodigit question.hint "The question is still open: y for yes, n or Esc for no (that key was ignored)."
state_is kept ballots.entry ""
state_is kept ballots.feedback "Ballot 3 stays counted."
state_is kept ballots.counted 3
state_is undone ballots.feedback "↶ Ballot 3 (5) undone · 2 ballots counted"
state_is undone ballots.counted 2
screen_same ballots-undone
state_is sel ballots.selected "1: 1 3"
state_is correctq prompt.label "Ballot 1 corrected to: "
state_is correctq prompt.text "1 3"
state_is correctbad prompt.error "idea 2 is marked twice"
state_is reasonq prompt.label "Why is ballot 1 corrected? "
state_is reasonempty prompt.error "The reason is required."
state_is corrected ballots.feedback "✔ Ballot 1 corrected: counted as ballot 4 (2 5); 1 is void"
state_is corrected ballots.counted 2
state_is corrected ballots.votes "1:0,2:2,3:0,4:1,5:1,6:0,7:0"
screen_same ballots-corrected
state_is paper ballots.cast paper
run ballots "$db" 1 --all
has "$OUT" "     1        1            -  paper   1 3  VOID: Skrevet forkert af" "the corrected ballot is void, with the reason"
has "$OUT" "     2        1            -  laptop  2 4" "the laptop ballot"
has "$OUT" "     3        1            -  laptop  5  VOID: undone" "the undone ballot is void as undone"
has "$OUT" "     4        1            -  paper   2 5  (replaces 1)" "the correction keeps the old ballot's session and cast"
run journal "$db" --limit 3
has "$OUT" "undone" "the journal keeps the undo"

# ---- at a projector's size ----
ui "$db" --size 160x45 <<'EOF'
key 8
key o
key C-u
type 1
key Enter
type 2 3
screen ballots-160x45
EOF
screen_same ballots-160x45
screen_has ballots-160x45 "Ballot: 2 3_" "the typed text on the entry line"

# ---- a cumulative lab (points), and a lab without a ballot type ----
q lab add "$db" --theme "Ældre i bevægelse" --pool 500.000 --ballot prikker
for t in "Motionshold:100.000" "Gåture:50.000" "Bænke:80.000"; do
	q idea add "$db" 2 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot
done
ui "$db" <<'EOF'
key 8
key o
key C-u
type 2
key Enter
type 1:4
key Enter
state perideatoo
key C-u
type 1:3 2:3 3:3 1
key Enter
state toomanypts
key C-u
type 1:3 2:2 3
key Enter
state pts
key u
key y
state ptsundo
EOF
is $RC 0 "a cumulative lab"
state_is perideatoo ballots.feedback "✘ Not counted: idea 1 has 4 points; at most 3 on one idea"
state_is toomanypts ballots.feedback "✘ Not counted: idea 1 has 4 points; at most 3 on one idea"
state_is pts ballots.feedback "✔ Ballot 1 counted: 1:3 2:2 3:1   (no. 5)"
state_is pts ballots.votes "1:3,2:2,3:1"
state_is ptsundo ballots.counted 0
# A lab read from a Pabulib file has no ballot type: paper ballots are
# refused with the reason, and its ballots are not undone here.
q lab import "$db" "$SRCDIR/tests/fixtures/pabulib/Switzerland_Zurich_S5.pb"
before=$("$BUDGETLAB" ballots "$db" 3)
ui "$db" <<'EOF'
key 8
key o
key C-u
type 3
key Enter
type 1
key Enter
state notype
key u
state notypeundo
EOF
state_has notype "ballots.feedback=✘ Not counted: lab 3 has no ballot type"
state_is notype ballots.entry 1
state_has notypeundo "ballots.feedback=No ballot to undo"
is "$("$BUDGETLAB" ballots "$db" 3)" "$before" "nothing changed in the imported lab"
done_testing
