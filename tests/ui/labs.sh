# The labs screen (6): the empty state; a lab added through its form
# (bad input in every field first: nothing written); a session (a date
# that does not exist, an empty place); ideas with costs per year (garbage,
# overflow, a sum that does not fit), their status moved on and withdrawn;
# the lab edited; a closed lab keeps its ideas; the lists at 80x24 and
# 160x45 with æøå aligned; another terminal's changes.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-03-01
db="$T/demo.budgetlab"
demo_db "$db"
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }
labs_out() { "$BUDGETLAB" labs "$1"; }

# ---- no labs yet ----
ui "$db" --screen labs <<'EOF'
screen labs-empty
state empty
key e
state empty-e
key S
state empty-S
EOF
is $RC 0 "the labs screen opens on a process without labs"
screen_same labs-empty
state_is empty screen labs
state_is empty labs.count 0
state_is empty labs.lab 0
screen_has labs-empty "No labs yet. Press N (or a) to add the first" "the empty state says what to do"
state_is empty-e message "No labs yet: N adds the first."
state_is empty-S message "No labs yet: N adds the first."

# ---- the lab form: bad input in every field, nothing written ----
before=$(labs_out "$db")
j0=$(jcount "$db")
ui "$db" --screen labs <<'EOF'
key N
state form
key F2
state blank
key Tab
type 12,34,56
state garbage
key C-u
type 99.999.999.999.999.999.999
state overflow
key C-u
type -5
state negative
key C-u
type 1.234.567.50
state english
key Tab Tab
type NOPE
state area
key Up Up Up
key Space Space
state spaces
screen labs-form-bad
key F2
state badsave
key Esc
state ask
key y
state cancelled
EOF
is $RC 0 "the lab form with bad input"
state_is form modal form
state_is form form.title "New lab"
state_is form "field.Ballot type" godkendelse
state_is form "field.Ballot type.warning" "Godkendelse (kryds ved op til 5 idéer inden for puljen)"
state_is blank form.error "Nothing was saved: correct the fields marked in red."
state_is blank field.Theme.error "The theme is required."
state_is blank "field.Pool (kr.).error" "The pool is required: an amount in kroner, such as 1.000.000."
state_has garbage "field.Pool (kr.).error=The pool: \"12,34,56\" is not an amount"
state_has overflow "field.Pool (kr.).error=The pool: "
state_has overflow "too large"
state_is negative "field.Pool (kr.).error" "The pool cannot be negative."
state_has english "field.Pool (kr.).error=The pool: "
state_has area "field.Area.error=no area 'NOPE'"
state_is spaces field.Theme.error "The theme is required."
screen_same labs-form-bad
state_is badsave modal form
state_is ask modal question
state_is cancelled modal ""
state_is cancelled message "Cancelled: no lab was added."
is "$(labs_out "$db")" "$before" "nothing was saved: 'budgetlab labs' is unchanged"
is "$(jcount "$db")" "$j0" "and the journal did not grow"

long=$(printf 'æ%.0s' $(seq 1 101))
ui "$db" --screen labs <<EOF
key N
type $long
key Tab
state toolong
key Esc
key y
EOF
state_is toolong field.Theme.error "The theme is 202 bytes long; at most 200 are allowed."

# ---- the lab form, good input ----
ui "$db" --screen labs <<'EOF'
key N
type Grønne byrum i Ærøskøbing
key Tab
type 1.000.000
key Tab
key Tab
type BSU
key Enter
state added
screen labs-added
EOF
is $RC 0 "add a lab"
state_is added modal ""
state_is added message "Added lab 1: Grønne byrum i Ærøskøbing"
state_is added labs.count 1
state_is added labs.lab 1
state_is added labs.selected "1: Grønne byrum i Ærøskøbing"
state_is added labs.session 0
screen_same labs-added
run lab show "$db" 1
has "$OUT" "Lab 1: Grønne byrum i Ærøskøbing" "'budgetlab lab show' has the new lab"
has "$OUT" "pool:        1.000.000" "with its pool"
has "$OUT" "ballot:      godkendelse (approval)" "its ballot type"
has "$OUT" "area:        BSU" "and its area"
has "$OUT" "status:      open" "open"
run journal "$db" --limit 1
has "$OUT" "lab" "the journal has the new lab"

# A second lab, with the ballot type chosen by its first letter.
ui "$db" --screen labs <<'EOF'
key N
type Unges fritid
key Tab
type 250.000
key Tab
type p
state ballot
key F2
state second
EOF
state_is ballot "field.Ballot type" prikker
state_is ballot "field.Ballot type.warning" "Prikker (10 point, højst 3 på én idé)"
state_is second labs.lab 2
run lab show "$db" 2
has "$OUT" "ballot:      prikker (cumulative)" "the second lab has cumulative ballots"

# ---- a session ----
ui "$db" --screen labs <<'EOF'
key S
state sform
key C-u
type 2027-02-30
key Tab
state baddate
key Up C-u
type 12-03-2027
key Tab
state baddate2
key Up C-u
type 2027-03-12
key Tab Tab
key F2
state noplace
screen labs-session-bad
type Biblioteket
key Tab
type Mette Ærenlund
key Enter
state session
EOF
is $RC 0 "add a session"
state_is sform form.title "New session of lab 1"
state_is sform field.Date 2027-03-01
state_has baddate "field.Date.error=The date: "
state_has baddate "2027-02-30"
state_has baddate2 "field.Date.error=The date: "
state_is noplace field.Place.error "The place is required."
state_is noplace form.error "Nothing was saved: correct the fields marked in red."
screen_same labs-session-bad
state_is session modal ""
state_is session message "Added session 1 of lab 1: 2027-03-12, Biblioteket; sign-ins and ballots now go to it."
state_is session labs.session 1
state_is session labs.sessions 1
run sessions "$db" 1
has "$OUT" "1. 2027-03-12  Biblioteket  (Mette Ærenlund)" "'budgetlab sessions' has it"
# The next session's facilitator is the last one's, to begin with.
ui "$db" --screen labs <<'EOF'
key S
state sform2
key Esc
EOF
state_is sform2 field.Facilitator "Mette Ærenlund"

# ---- ideas: bad costs, nothing written ----
before=$("$BUDGETLAB" ideas "$db" 1)
j0=$(jcount "$db")
ui "$db" --screen labs <<'EOF'
key a
state iform
type Ny legeplads
key Tab Tab Tab Tab
type mange penge
state garbage
key C-u
type 99.999.999.999.999.999.999
state overflow
key C-u
type 92.233.720.368.547.758
key Tab
type 1
key Tab
state sum
key F2
state badsave
screen labs-idea-bad
key Esc y
state cancelled
EOF
is $RC 0 "the idea form with bad costs"
state_is iform form.title "New idea for lab 1 (costs in kr.)"
state_is iform field.Status proposed
state_has garbage "field.Cost 2028.error=The cost: "
state_has overflow "too large"
state_is sum "field.Cost 2029.error" "The costs of the years add up to more than can be counted."
state_is badsave form.error "Nothing was saved: correct the fields marked in red."
screen_same labs-idea-bad
state_is cancelled message "Cancelled: no idea was added."
is "$("$BUDGETLAB" ideas "$db" 1)" "$before" "no idea was saved"
is "$(jcount "$db")" "$j0" "and nothing journalled"

# ---- ideas, good input ----
ui "$db" --screen labs <<'EOF'
key a
type Ny legeplads ved Østre Skole
key Tab
type Med gynger og klatrestativ.
key Tab
type Børnehaven Solsikken
key Tab Tab
type 400.000
key Tab Tab Tab Tab
type Kan bygges i 2028.
key Tab
type o
state status
key Tab
type +
key Tab Tab
type -
key Tab
type 1
state pillars
key F2
state idea1
key a
type Bænke ved åen
key Tab Tab
type Søren Ærø
key Tab Tab
type 150.000
key Tab
type 50.000
key F2
state idea2
EOF
is $RC 0 "add two ideas"
state_is status field.Status on_ballot
state_is pillars field.Social +1
state_is pillars field.Environmental -2
state_is pillars field.Goals 1
state_is idea1 message "Added idea 1: Ny legeplads ved Østre Skole (on_ballot)"
state_is idea1 labs.focus ideas
state_is idea1 labs.idea "1: Ny legeplads ved Østre Skole"
state_is idea2 message "Added idea 2: Bænke ved åen (proposed)"
state_is idea2 labs.statuses "1:on_ballot,2:proposed"
run ideas "$db" 1
has "$OUT" "on_ballot  400.000      0  Ny legeplads ved Østre Skole" "'budgetlab ideas' has the first idea"
has "$OUT" "social +1  economic not assessed  environmental -2  goals 1" "assessed on two pillars and linked to goal 1"
has "$OUT" "proposed   200.000      0  Bænke ved åen" "and the second, its costs summed over the years"
run idea add "$db" 1 --title "Grøn gårdhave på Åboulevarden" --status feasible --cost 2030=75.000
run idea add "$db" 1 --title "Æbletræer i Ørstedparken" --status withdrawn

# ---- the status, step by step ----
j0=$(jcount "$db")
ui "$db" --screen labs <<'EOF'
key s
state onlab
key Enter Down
state on2
key s
state s1
key s
state s2
key s
state s3
key w
state w1
key w
state w2
key s s s
state back
EOF
state_is onlab message "Go to an idea first (Enter, or Down past the labs)."
state_is on2 labs.idea "2: Bænke ved åen"
state_is s1 message "Idea 2: proposed → costed"
state_is s2 message "Idea 2: costed → feasible"
state_is s3 message "Idea 2: feasible → on_ballot"
state_is w1 message "Idea 2: on_ballot → withdrawn"
state_is w2 message "Idea 2: withdrawn → proposed"
state_is back labs.statuses "1:on_ballot,2:on_ballot,3:feasible,4:withdrawn"
is "$(jcount "$db")" "$((j0 + 8))" "every step is one journal entry"
run ideas "$db" 1
has "$OUT" "on_ballot  200.000      0  Bænke ved åen" "the CLI sees the new status"

# ---- the lists at 80x24 and 160x45 ----
ui "$db" --screen labs <<'EOF'
key Enter Down
screen labs-80x24
state s80
resize 160 45
screen labs-160x45
state s160
EOF
screen_same labs-80x24
screen_same labs-160x45
screen_has labs-80x24 "─ Ideas of lab 1 " "the ideas are headed with their lab"
screen_has labs-80x24 "on the ballot: 2 · 600.000 of 1.000.000 kr." "and what the ballot costs against the pool"
screen_has labs-80x24 "Proposed by Søren Ærø · area –" "the selected idea's details are shown"
screen_has labs-160x45 "150.000   50.000" "at 160 columns each year's cost has a column"
screen_has labs-160x45 "Søren Ærø" "and the proposer"
# æ, ø, å take one column each: the idea rows end in the same column
# whatever letters their titles have, and so do the lab rows.
rowsw() { grep -E "$2" "$1" | while IFS= read -r l; do printf '%s' "$l" | sed 's/ *$//' | wc -m; done | sort -u | wc -l; }
is "$(grep -cE '^  [1-4]  (on_ballot|feasible|withdrawn)' "$T/labs-80x24.screen")" 4 "80 columns: four idea rows"
cols_of() { grep -E "$2" "$1" | while IFS= read -r l; do printf '%s\n' "$l" | awk -v s="$3" '{ i = index($0, s); print i }'; done | sort -u; }
# The titles start in one column (the costs and votes before them are
# right-aligned to it), whatever the rows hold.
tcol() { grep -E '^ +[0-9]+  (proposed|costed|feasible|on_ballot|withdrawn) ' "$1" | while IFS= read -r l; do
	printf '%s\n' "$l" | sed -E 's/^( +[0-9]+  [a-z_]+ +[0-9.–]+( +[0-9.–]+)* +[0-9]+  ).*/\1/' | wc -m; done | sort -u; }
is "$(tcol "$T/labs-80x24.screen" | wc -l)" 1 "80 columns: every idea title starts in the same column"
is "$(tcol "$T/labs-160x45.screen" | wc -l)" 1 "160 columns: every idea title starts in the same column"
lw() { grep -E '^[● ] +[0-9]+  ' "$1" | grep -E ' (open|voting|closed) ' | while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -u; }
is "$(lw "$T/labs-80x24.screen")" 79 "80 columns: the lab rows end in the last column but one"

# ---- edit a lab ----
ui "$db" --screen labs <<'EOF'
key e
state eform
key Tab Tab Tab Tab
type v
key Tab
type m
key Tab
type c
state chosen
key F2
state edited
EOF
state_is eform form.title "Lab 1"
state_is eform field.Theme "Grønne byrum i Ærøskøbing"
state_is eform "field.Pool (kr.)" "1.000.000"
state_is eform field.Area BSU
state_is eform field.Status open
state_is eform "field.Winner rule" default
state_is eform "field.Winner rule.warning" "The process's default: greedy_cost."
state_is chosen field.Status voting
state_is chosen "field.Winner rule" mes_cost
state_is chosen field.Tie-break cheaper
state_is edited message "Saved lab 1: Grønne byrum i Ærøskøbing"
run lab show "$db" 1
has "$OUT" "status:      voting" "the status is saved"
has "$OUT" "rule:        mes_cost" "and the rule"
has "$OUT" "tie-break:   cheaper" "and the tie-break"

# A lab with ballots keeps its ballot type.
run ballot add "$db" 1 "1 2"
is $RC 0 "a ballot for lab 1"
ui "$db" --screen labs <<'EOF'
key e
key Tab Tab
key Space
state ballotlocked
key Esc
EOF
state_has ballotlocked "field.Ballot type.readonly=Lab 1 has ballots: they were cast on this ballot type, which stays."
state_is ballotlocked "field.Ballot type" godkendelse

# Taking an idea with votes off the ballot asks first.
ui "$db" --screen labs <<'EOF'
key Enter
key w
state ask
key n
state kept
EOF
state_has ask "question=Idea 1 \"Ny legeplads ved Østre Skole\" has 1 votes; off the ballot they are not counted. Make it withdrawn?"
state_is kept message "Idea 1 stays on_ballot."
state_is kept labs.statuses "1:on_ballot,2:on_ballot,3:feasible,4:withdrawn"

# ---- a closed lab keeps its ideas ----
run lab set "$db" 1 --status closed
before=$("$BUDGETLAB" ideas "$db" 1)
ui "$db" --screen labs <<'EOF'
key a
state closed-a
key Enter
key s
state closed-s
key e
state closed-e
EOF
closedmsg="Lab 1 is closed: its ideas stay as they were decided (e on the lab reopens it)."
state_is closed-a message "$closedmsg"
state_is closed-s message "$closedmsg"
state_is closed-e message "$closedmsg"
state_is closed-e modal ""
is "$("$BUDGETLAB" ideas "$db" 1)" "$before" "nothing changed in the closed lab"

# ---- choosing a lab ----
ui "$db" --screen labs <<'EOF'
key Down
state lab2
key Up
state lab1
key End
state end
EOF
state_is lab2 labs.lab 2
state_is lab2 labs.session 0
state_is lab2 labs.ideas 0
state_is lab1 labs.lab 1
state_is lab1 labs.session 1
state_is end labs.lab 2

# ---- another terminal ----
ui "$db" --screen labs <<EOF
state before
exec "$BUDGETLAB" lab set "$db" 1 --status open >/dev/null
exec "$BUDGETLAB" idea add "$db" 1 --title "Fra en anden terminal" >/dev/null
wait-change 2000
state after
EOF
state_is before labs.ideas 4
state_is after labs.ideas 5
state_is after labs.statuses "1:on_ballot,2:on_ballot,3:feasible,4:withdrawn,5:proposed"

done_testing
