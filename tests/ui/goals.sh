# The goals screen (3): the list at 80x24 and 160x45, a goal's lines,
# the form (bad input, nothing saved; good input, saved and journalled;
# Esc), edit, link and unlink by code, delete with a question, a phase
# that locks goals, the projector, the empty state, scrolling, and
# another terminal's changes.
. "$SRCDIR/tests/ui/lib.sh"
DA="$SRCDIR/config/phases/danish-municipality.yaml"
db="$T/demo.budgetlab"
demo_db "$db"
goals_out() { "$BUDGETLAB" goals "$1"; }
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }

# ---- the list ----
ui "$db" <<'EOF'
key 3
screen goals-list-80x24
state list
EOF
is $RC 0 "the goals screen opens on the demo"
screen_same goals-list-80x24
state_is list screen goals
state_is list goals.count 15
# The municipality's goals first, then each area's in the hierarchy's
# order (BEU, BSU, BSU.03, BSU.03.04, ..., ØU): a committee's goals together.
state_is list goals.order "9,10,4,5,6,14,15,7,8,13,11,12,1,3,2"
state_is list goals.selected "9: Flere i job eller uddannelse"
state_is list goals.open ""
screen_has goals-list-80x24 "BSU.03.04 Unge og…  draft" "a long area is cut with … in its column, the status after it"
screen_has goals-list-80x24 "Økonomisk og social bæredygtighed. Verdensmål 8.5." "the selected goal's description is shown under the list"

ui "$db" --size 160x45 <<'EOF'
key 3
screen goals-list-160x45
state wide
EOF
screen_same goals-list-160x45
screen_has goals-list-160x45 "CO2-udledningen fra kommunens bygninger halveres inden 2030  ØU.04 Ejendomme og beredskab" "at 160 columns titles and areas are whole"
screen_has goals-list-160x45 "Description" "and a description column is shown"
# æ, ø, å take one column each: every goal row ends (with its count)
# in the same column, whatever letters its title and area have.
widths() { grep -E '^ +[0-9]+  [▸▾ ] ' "$1" | while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -u; }
is "$(widths "$T/goals-list-80x24.screen")" 79 "80 columns: the counts of all goal rows line up"

# ---- a goal's lines ----
ui "$db" <<'EOF'
key 3
key Enter
screen goals-open-80x24
state open
key Down Down
state online
key u
screen goals-open-unit
key Enter
state closed
EOF
screen_same goals-open-80x24
state_is open goals.open 9
state_is open goals.open_lines "5.58.81.001,5.58.82.001,5.68.90.010,6.45.53.001"
screen_has goals-open-80x24 "2028 · proposal · 1.000 kr." "the lines' heading names the year, version and unit"
screen_has goals-open-80x24 "5.58.82.001  Løntilskud til personer i fleksjob                  118.300" "a line with its amount in the budget year"
state_is online goals.selected_line 5.58.82.001
state_is online goals.selected "9: Flere i job eller uddannelse"
screen_has goals-open-unit "118,3" "u shows the amounts in millions"
state_is closed goals.open ""
state_is closed goals.selected_line ""
state_is closed goals.selected "9: Flere i job eller uddannelse"

# ---- add: bad input first, nothing saved ----
before=$(goals_out "$db")
j0=$(jcount "$db")
ui "$db" <<'EOF'
key 3
key a
state form
type Grønne skolegårde
key Tab
type NOPE
key Tab
screen goals-form-bad-area
state badarea
key F2
state badsave
key C-u
type BSU/NOPE
key F2
state badpath
key Up C-u
key Space Space
key F2
state blank
key Esc
key y
state cancelled
EOF
is $RC 0 "the form with bad input"
state_is form modal form
state_is form form.title "New goal"
state_is badarea field.Area.error "no area 'NOPE'. Type an area's code (BSU) or path (BSU/BSU.01), or leave it empty for the whole municipality."
screen_same goals-form-bad-area
state_is badsave modal form
state_is badsave form.error "Nothing was saved: correct the fields marked in red."
state_is badsave form.field Area
state_has badpath "field.Area.error=no area 'BSU/NOPE': 'BSU' has no area 'NOPE'"
state_is blank field.Title.error "The title is required."
state_is cancelled modal ""
state_is cancelled message "Cancelled: no goal was added."
is "$(goals_out "$db")" "$before" "nothing was saved: 'budgetlab goals' is unchanged"
is "$(jcount "$db")" "$j0" "and the journal did not grow"

long=$(printf 'x%.0s' $(seq 1 201))
ui "$db" <<EOF
key 3
key a
type $long
key Tab
state toolong
key Esc
key y
EOF
state_is toolong field.Title.error "The title is 201 bytes long; at most 200 are allowed."
is "$(goals_out "$db")" "$before" "a title too long is not saved"

# ---- add, good input ----
ui "$db" <<'EOF'
key 3
key a
type Grønne skolegårde med plads til leg
key Tab
type BSU/BSU.01
key Tab
type Miljømæssig og social bæredygtighed. Verdensmål 11.7.
key Enter
state added
screen goals-added
EOF
is $RC 0 "add a goal"
state_is added modal ""
state_is added message "Added goal 16: Grønne skolegårde med plads til leg"
state_is added goals.count 16
state_is added goals.selected "16: Grønne skolegårde med plads til leg"
state_is added goals.order "9,10,4,16,5,6,14,15,7,8,13,11,12,1,3,2"
screen_same goals-added
run goals "$db"
has "$OUT" "16. Grønne skolegårde med plads til leg  [BSU.01]" "'budgetlab goals' has the new goal in its area"
has "$OUT" "Miljømæssig og social bæredygtighed. Verdensmål 11.7." "with its description"
run journal "$db" --limit 1
has "$OUT" "goal      insert  16" "the journal has the new goal"
has "$OUT" '"area":"BSU/BSU.01"' "with its area path"

# Esc after typing: nothing saved.
before=$(goals_out "$db")
j0=$(jcount "$db")
ui "$db" <<'EOF'
key 3
key a
type Bare en prøve
key Tab
type BSU
key Esc
key y
state esc
EOF
state_is esc message "Cancelled: no goal was added."
is "$(goals_out "$db")" "$before" "Esc in the form saves nothing"
is "$(jcount "$db")" "$j0" "and journals nothing"

# ---- edit ----
ui "$db" <<'EOF'
key 3
key Down Down Down
state sel16
key e
state editform
key C-u
type Grønne skolegårde for alle
key Tab C-u
key F2
state edited
EOF
state_is sel16 goals.selected "16: Grønne skolegårde med plads til leg"
state_is editform form.title "Goal 16"
state_is editform field.Area BSU.01
state_is editform field.Description "Miljømæssig og social bæredygtighed. Verdensmål 11.7."
state_is edited message "Saved goal 16: Grønne skolegårde for alle"
# Now the municipality's: first in the list.
state_is edited goals.order "16,9,10,4,5,6,14,15,7,8,13,11,12,1,3,2"
state_is edited goals.selected "16: Grønne skolegårde for alle"
run goals "$db"
has "$OUT" "16. Grønne skolegårde for alle  [(the whole municipality)]" "the edit is saved: new title, the whole municipality"
run journal "$db" --limit 1
has "$OUT" "goal      update  16" "and journalled"

# ---- link and unlink ----
before=$(goals_out "$db")
ui "$db" <<'EOF'
key 3
key L
key Enter
state emptycode
type 9.99.99
key Enter
state unknown
screen goals-link-unknown
key Esc
state linkesc
key L
type 3.22.01.001
key Enter
state linked
screen goals-linked
key L
type 3.22.01.002
key Enter
key U
type 5.58.81.001
key Enter
state notserving
key Esc
key Down
state online
key U
state unlinkprompt
key Enter
state unlinked
EOF
is $RC 0 "link and unlink"
state_is emptycode prompt.error "Type the code of a budget line (the budget screen, 2, lists them)."
state_is unknown modal prompt
state_is unknown prompt.error "no budget line with code '9.99.99'"
screen_same goals-link-unknown
state_is linkesc message "Cancelled: nothing was linked."
state_is linked message "The line 3.22.01.001 Egeskolen now serves goal 16."
state_is linked goals.open 16
state_is linked goals.open_lines 3.22.01.001
screen_same goals-linked
state_is notserving prompt.error "The line '5.58.81.001' does not serve goal 16."
state_is online goals.selected_line 3.22.01.001
state_is unlinkprompt prompt.text 3.22.01.001
state_is unlinked message "The line 3.22.01.001 Egeskolen no longer serves goal 16."
state_is unlinked goals.open_lines 3.22.01.002
run goals "$db"
has "$OUT" "served by: 3.22.01.002" "the linked line serves the goal"
hasnt "$OUT" "3.22.01.001 Egeskolen" "the unlinked one does not"
run journal "$db" --limit 3
has "$OUT" "goal_line delete  16" "the unlink is journalled"
has "$OUT" "goal_line insert  16" "and the link"

# ---- delete ----
ui "$db" <<'EOF'
key 3
key d
state question
key n
state kept
EOF
state_has question "question=Delete goal 16 \"Grønne skolegårde for alle\"? Its links to 1 lines go with it."
state_is kept message "Goal 16 was kept."
run goals "$db"
has "$OUT" "16. Grønne skolegårde for alle" "n keeps the goal"
ui "$db" <<'EOF'
key 3
key d
key y
state deleted
EOF
state_is deleted message "Deleted goal 16: Grønne skolegårde for alle"
state_is deleted goals.count 15
state_is deleted goals.selected "9: Flere i job eller uddannelse"
run goals "$db"
hasnt "$OUT" "16. Grønne" "y deletes it"
run journal "$db" --limit 2
has "$OUT" "goal      delete  16" "and the delete is journalled"

# ---- the projector ----
ui "$db" <<'EOF'
key 3
key p
state spot
screen goals-spotlight
key Enter Down p
state spotline
EOF
state_is spot message "On the projector: goal 9, Flere i job eller uddannelse."
state_is spot goals.spotlight goal:9
screen_has goals-spotlight "◆ on the projector" "the screen marks what the projector shows"
state_is spotline goals.spotlight line:5.58.81.001
is "$(sqlite3 "$db" "SELECT kind || ' ' || ref FROM spotlight")" "line 5.58.81.001" "the spotlight is in the database"

# ---- a phase that locks goals ----
# No shipped phase file locks goals, so this one does, in its second phase.
cat >"$T/lock.yaml" <<'EOF'
budgetlab: 1
process:
  municipality: Låsby Kommune
  title: Budget 2028–2031
  language: da
  currency: DKK
  budget_year: 2028
phases:
  - id: goals
    title: Mål før økonomi
    locks: [amounts]
  - id: hearing
    title: Høring
    locks: [goals, amounts]
EOF
ldb="$T/lock.budgetlab"
run create "$ldb" "$T/lock.yaml"
run area add "$ldb" BSU --name "Børne- og Skoleudvalget"
run line add "$ldb" 3.22.01 --title Folkeskoler --area BSU --amount 2028=1.234.567
run line add "$ldb" 3.22.02 --title Skolefritidsordninger --area BSU
run goal add "$ldb" --title "Flere børn i trivsel" --area BSU
run goal link "$ldb" 1 3.22.01
run advance "$ldb"
is $RC 0 "a process in a phase that does not lock goals"
before=$(goals_out "$ldb")
j0=$(jcount "$ldb")
# The lock arrives from another terminal between two keys: the screen
# looks again before it opens a form.
ui "$ldb" <<EOF
key 3
state unlocked
exec "$BUDGETLAB" advance "$ldb" --override "Høringen begynder" >/dev/null
key a
state add
screen goals-locked
key e
state edit
key d
state delete
key L
state link
key U
state unlink
key p
state spot
EOF
is $RC 0 "the locked phase"
state_is unlocked locks amounts
lockmsg="Locked: goals may not be added, edited or linked in this phase ('Høring')."
for s in add edit delete link unlink; do
	state_is $s message "$lockmsg"
	state_is $s modal ""
done
state_is add locks amounts,goals
screen_same goals-locked
state_is spot message "On the projector: goal 1, Flere børn i trivsel."
is "$(goals_out "$ldb")" "$before" "nothing changed under the lock"
# The advance is one entry; nothing else was written.
is "$(jcount "$ldb")" "$((j0 + 1))" "and only the advance was journalled"

# ---- empty, and scrolling ----
edb="$T/empty.budgetlab"
run create "$edb" "$DA" --municipality "Ærøskøbing Kommune"
ui "$edb" <<'EOF'
key 3
screen goals-empty
state empty
key Enter
state emptyenter
key e
state emptyedit
EOF
screen_same goals-empty
state_is empty goals.count 0
state_is empty goals.selected ""
screen_has goals-empty "No goals yet. Press a to add the first." "the empty state says what to do"
state_is emptyedit message "There is no goal yet: press a to add the first."

sdb="$T/many.budgetlab"
run create "$sdb" "$DA"
for i in $(seq 1 40); do
	"$BUDGETLAB" goal add "$sdb" --title "Mål nr. $i: Ærø, Østerby og Åbenrå" >/dev/null
done
ui "$sdb" <<'EOF'
key 3
key End
state end
screen goals-scrolled-end
key PgUp
state pgup
key Home
state home
key PgDn
state pgdn
key Up
state up
resize 160 45
state wide
EOF
state_is end goals.selected "40: Mål nr. 40: Ærø, Østerby og Åbenrå"
state_is end goals.cursor 39
state_is end goals.top 25
screen_same goals-scrolled-end
state_is pgup goals.cursor 25
state_is pgup goals.top 25
state_is home goals.cursor 0
state_is home goals.top 0
state_is pgdn goals.cursor 14
state_is pgdn goals.top 0
state_is up goals.cursor 13
state_is wide goals.page 33
state_is wide goals.cursor 13

# ---- another terminal changes the goals ----
ui "$db" <<EOF
key 3
key Down
state two
exec "$BUDGETLAB" goal add "$db" --title "Fra en anden terminal" >/dev/null
wait-change 2000
state other
exec "$BUDGETLAB" goal delete "$db" 10 >/dev/null
wait-change 2000
state gone
EOF
state_is two goals.selected "10: Flygtninge og indvandrere kommer i arbejde"
state_is other goals.count 16
state_is other goals.order "16,9,10,4,5,6,14,15,7,8,13,11,12,1,3,2"
state_is other goals.selected "10: Flygtninge og indvandrere kommer i arbejde"
state_is gone goals.count 15
# The deleted goal's place goes to the goal after it.
state_is gone goals.selected "4: Flere børn i trivsel"

done_testing
