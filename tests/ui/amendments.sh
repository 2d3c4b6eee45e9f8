# The amendments screen (0): refused before the first reading with what
# to do; an amendment tabled through the form (a line that does not
# exist and a year outside the budget refused first, nothing written);
# a late one, and a conflicting one; the detail pane with the effect per
# year and the conflicts; decided, then refused when decided again or
# edited; the adopted version computed; the amendment on the projector
# (its number, title and effect, no party); 80x24 and 160x45.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-09-06 BUDGETLAB_ACTOR=tester
db="$T/demo.budgetlab"
demo_db "$db"
n_amend() { "$BUDGETLAB" amendments "$1" | grep -cE '^[0-9]+ +(undecided|adopted|rejected|withdrawn)' || true; }

# ---- before the first reading: refused, with what to do ----
ui "$db" --screen amendments <<'EOF'
screen amendments-unfrozen
key a
state unfrozen-a
EOF
is $RC 0 "the amendments screen opens before the first reading"
screen_same amendments-unfrozen
state_is unfrozen-a amendments.frozen no
state_is unfrozen-a modal ""
state_is unfrozen-a message "Refused: the first-reading version is not frozen yet. Advance the process to its first reading (screen 1, A) first."

# To the first reading through the real CLI: that freezes the version.
for i in 1 2 3; do
	"$BUDGETLAB" advance "$db" --override "test setup" >/dev/null
done
export BUDGETLAB_NOW=2027-09-20

# ---- the form: bad input first, nothing written ----
ui "$db" --screen amendments <<'EOF'
key a
state form
type Mere til enkeltydelser
key Tab
type Socialdemokratiet
key Tab Tab Tab
type Behovet er steget i år
key Tab
type NOPE 2028 +5
state noline
key C-u
type 5.57.72.001 2040 +5
state noyear
key C-u
type 5.57.72.001 2028
state noamount
key C-u
type remove
state remove-nocode
key C-u
type new 9.1 BEU sideways 2028=5 Titel
state new-nodir
key C-u
type new 9.1 BEU expense Titel
state new-noyears
key C-u
type new 9.1 BEU expense 2028=5
state new-notitle
key C-u
type 5.57.72.001 20x8 5
state badyear
key C-u
type 5.57.72.001 2028 +1,2,3
state badamount
screen amendments-form-bad
key F2
state badsave
key Esc y
state cancelled
EOF
is $RC 0 "the amendment form with bad input"
state_is form modal form
state_is form form.title "Table an amendment (amounts in kr.)"
state_is form field.Tabled 2027-09-20
state_has form "field.Change 1.warning=One change a row: CODE YEAR AMOUNT"
state_has noline "field.Change 1.error=There is no budget line 'NOPE'"
state_is noyear "field.Change 1.error" "2040 is outside the budget: the years are 2028–2031."
state_is noamount "field.Change 1.error" "The amount for 2028 is missing: an amount (set), +DELTA or -DELTA."
state_is remove-nocode "field.Change 1.error" "Write: remove CODE (one line's code)."
state_is new-nodir "field.Change 1.error" "'sideways' is not a direction: write expense or income after the area."
state_is new-noyears "field.Change 1.error" "A new line needs an amount in at least one year: YEAR=AMOUNT after the direction."
state_is new-notitle "field.Change 1.error" "A new line needs a title, after its amounts."
state_is badyear "field.Change 1.error" "'20x8' is not a year: expected one of 2028–2031."
state_is badamount "field.Change 1.error" '"1,2,3" is not an amount: it has more than one decimal comma (expected e.g. 1.234.567,50)'
state_is badsave form.error "Nothing was saved: correct the fields marked in red."
state_is cancelled amendments.count 0
screen_same amendments-form-bad
is "$(n_amend "$db")" 0 "nothing was tabled"

# ---- three amendments: a delta and a new line; a conflicting set; a late one ----
ui "$db" --screen amendments <<'EOF'
key a
type Mere til enkeltydelser
key Tab
type Socialdemokratiet
key Tab Tab Tab
type Behovet er steget i år
key Tab
type 5.57.72.001 2028 +1.500.000
key Tab
type 5.57.72.001 2029 +1.500.000
key Tab
type new 9.99.01.001 BEU.01.01 expense 2028=250.000 Råd og vejledning, æøå
key F2
state first
key a
type Enkeltydelser på samme niveau
key Tab
type Venstre
key F2
state second-blank
key Down Down Down Down
type 5.57.72.001 2028 9.000.000
key F2
state second
key a
type Sen idé
key Tab
type Enhedslisten
key Tab
key C-u
type 2027-10-05
state late-warn
key Tab Tab Tab
type remove 5.57.73.003
key F2
state third
screen amendments-80x24
resize 160 45
screen amendments-160x45
EOF
is $RC 0 "three amendments tabled"
state_is first message "Tabled amendment 1: Mere til enkeltydelser"
state_is first amendment.1 "Mere til enkeltydelser|Socialdemokratiet|2027-09-20|on time|parent=0|undecided|changes=3|balance=-175000000,-150000000,0,0"
state_is second-blank form.error "Nothing was saved."
state_is second-blank "field.Change 1.error" "An amendment needs at least one change."
state_is second amendment.2 "Enkeltydelser på samme niveau|Venstre|2027-09-20|on time|parent=0|undecided|changes=1|balance=10000000,0,0,0"
state_is second amendments.conflicts 1
state_has late-warn "field.Tabled.warning=Late: the deadline was"
state_is third message "Tabled amendment 3: Sen idé (late)"
state_has third "amendment.3=Sen idé|Enhedslisten|2027-10-05|late|"
screen_same amendments-80x24
screen_same amendments-160x45
is "$(n_amend "$db")" 3 "the CLI lists three amendments"

# ---- correct an undecided one; a sub-amendment (a parent that does not exist first) ----
ui "$db" --screen amendments <<'EOF'
key G e
state edit-form
key C-u
type Sen idé, rettet
key F2
state edited
key a
type Lidt mindre
key Tab
type Venstre
key Tab Tab
type 99
state noparent
key C-u
type 1
key Tab Tab
type 5.57.72.001 2028 -500.000
key F2
state sub
EOF
is $RC 0 "corrected, and a sub-amendment"
state_is edit-form form.title "Amendment 3 (amounts in kr.)"
state_is edit-form "field.Change 1" "remove 5.57.73.003"
state_is edit-form field.Tabled 2027-10-05
state_is edited message "Corrected amendment 3: Sen idé, rettet (late)"
state_has edited "amendment.3=Sen idé, rettet|Enhedslisten|2027-10-05|late|parent=0|undecided|changes=1|"
state_is noparent "field.Amends nr.error" "There is no amendment 99."
state_is sub amendment.4 "Lidt mindre|Venstre|2027-09-20|on time|parent=1|undecided|changes=1|balance=50000000,0,0,0"
state_is sub amendments.selected 4

# ---- decide: adopted, then refused again; a decided one is not edited ----
ui "$db" --screen amendments <<'EOF'
key g D F2
state confirm
key n
state declined
key D Space Space F2 Esc
state declined-esc
key D
state decide
key Tab
type 15 for, 12 against
key F2
state asked
key y
state adopted
key D
state again
key e
state edit
key j D Space
key F2 y
state rejected
key k p
state projected
screen amendments-decided
EOF
is $RC 0 "amendments decided"
state_is confirm modal question
state_is confirm question "Record 'adopted' for amendment 1? A decision is final."
state_is declined modal ""
state_is declined message "Nothing was recorded: amendment 1 is still undecided."
state_has declined "amendment.1=Mere til enkeltydelser|Socialdemokratiet|2027-09-20|on time|parent=0|undecided|"
state_is declined-esc message "Nothing was recorded: amendment 1 is still undecided."
state_has declined-esc "amendment.1=Mere til enkeltydelser|Socialdemokratiet|2027-09-20|on time|parent=0|undecided|"
state_is asked question "Record 'adopted' for amendment 1? A decision is final."
state_is decide form.title "Decide amendment 1"
state_is decide field.Decision adopted
state_has adopted "amendment.1=Mere til enkeltydelser|Socialdemokratiet|2027-09-20|on time|parent=0|adopted|"
state_is adopted message "Amendment 1 adopted; the adopted version is computed again (screen V shows the difference)."
state_has again "message=Refused: amendment 1 was already adopted on 2027-09-20 by tester; a decision is final."
state_is again modal ""
state_has edit "message=Refused: amendment 1 is already adopted, and a decided amendment is never changed."
state_has rejected "amendment.2=Enkeltydelser på samme niveau|Venstre|2027-09-20|on time|parent=0|rejected|"
state_is projected amendments.spotlight 1
screen_has amendments-decided "No conflict with the other amendments." \
	"a rejected amendment conflicts with nothing any more"
state_is projected message "On the projector: amendment 1 and its effect on the balance."
screen_same amendments-decided
run versions "$db"
has "$OUT" "adopted" "the CLI lists the versions"
run lines "$db" --version adopted --unit kr
has "$OUT" "9.99.01.001" "the adopted version has the new line"

# ---- the projector: number, title, effect per year; no party ----
ui "$db" --present <<'EOF'
screen amendments-present
state present
EOF
is $RC 0 "the projector shows the amendment"
screen_same amendments-present
state_is present present.spotlight amendment:1
state_is present present.focus "Amendment 1: Mere til enkeltydelser"
state_is present present.big.what effect.2028
state_is present present.spot.effect.balance.2028 -175000000
state_is present present.spot.effect.balance.2029 -150000000
if grep -q "Socialdemokratiet" "$T/amendments-present.screen"; then ok 1 "the projector does not name the party"; else ok 0 "the projector does not name the party"; fi

# ---- the working version: adopted after the first reading, unless chosen ----
ui "$db" --screen budget <<'EOF'
state budget-working
screen budget-working
key v
state budget-chosen
EOF
is $RC 0 "the budget screen after the first reading"
state_is budget-working version adopted
screen_has budget-working "adopted · 1.000 kr." "the budget screen says it shows the adopted version"
state_is budget-chosen version proposal
# Decided and undecided on the projector: "if adopted" only while undecided.
ui "$db" --screen amendments <<'EOF'
key g j p
EOF
ui "$db" --present <<'EOF'
screen present-rejected
EOF
screen_has present-rejected "Amendment 2 (rejected): its effect" "a rejected amendment is not 'if adopted'"
ui "$db" --screen amendments <<'EOF'
key G p
state spot4
EOF
state_is spot4 amendments.spotlight 4
ui "$db" --present <<'EOF'
screen present-undecided
EOF
screen_has present-undecided "If amendment 4 is adopted" "an undecided amendment is 'if adopted'"
ui "$db" --present --show proposal <<'EOF'
screen present-chosen
EOF
screen_has present-chosen "Budget 2028–2031 · proposal " "a chosen version is named on the projector"
# The projector follows the first reading entered in another terminal.
F="$T/follow.budgetlab"
demo_db "$F"
for i in 1 2; do
	"$BUDGETLAB" advance "$F" --override "test setup" >/dev/null
done
ui "$F" --present <<EOF
state w0
exec "$BUDGETLAB" advance "$F" --override "test: the first reading" >/dev/null
wait-change 3000
state w1
screen present-working
EOF
is $RC 0 "the projector follows the phase"
state_is w0 version proposal
state_is w1 version adopted
screen_has present-working "· adopted" "the projector names the adopted version"

# ---- amounts locked (the adopted budget): no form opens, the reason at once ----
L="$T/locked.budgetlab"
demo_db "$L"
for i in 1 2 3 4 5 6 7; do
	"$BUDGETLAB" advance "$L" --override "test setup" >/dev/null
done
ui "$L" --screen amendments <<'EOF'
key a
state locked-a
screen amendments-locked
key D
state locked-d
EOF
is $RC 0 "the amendments screen while amounts are locked"
state_is locked-a modal ""
state_has locked-a "message=Refused: amounts are locked during the phase '"
screen_has amendments-locked "Refused: amounts are locked during the phase" "the reason is the start of the message line"
state_is locked-d modal ""

# Decided in another terminal while the question is open: the store's
# refusal, nothing recorded twice.
ui "$db" --screen amendments <<EOF
key G D F2
exec "$BUDGETLAB" decide "$db" 4 withdrawn >/dev/null
key y
state raced
EOF
is $RC 0 "a decision made elsewhere meanwhile"
state_has raced "message=Nothing was recorded: "
state_has raced "amendment.4=Lidt mindre|Venstre|2027-09-20|on time|parent=1|withdrawn|"
done_testing
