# The hearing screen (H): the empty register with the hearing's dates; a
# response registered through the form (a date before the hearing opened
# refused, a line that does not exist refused, nothing written), lines
# completed with Tab; a second response that keeps the first's
# organisation type, date, position and consent; a late one; the
# administration's comment; a deletion asked first; 80x24 and 160x45
# with æøå aligned.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-09-15 BUDGETLAB_ACTOR=tester
db="$T/demo.budgetlab"
demo_db "$db"
n_resp() { "$BUDGETLAB" responses "$1" | grep -cE '^ *[0-9]+ +20[0-9][0-9]-' || true; }

# ---- empty ----
ui "$db" --screen hearing <<'EOF'
screen hearing-empty
EOF
is $RC 0 "the hearing screen opens on an empty register"
screen_same hearing-empty
screen_has hearing-empty "The hearing runs from 2027-09-10 to 2027-09-24" "the empty register says when the hearing runs"

# ---- bad input: a date before the hearing, a line that does not exist ----
ui "$db" --screen hearing <<'EOF'
key a
state form
type Anna Ærø
key Tab Space Tab
key C-u
type 2027-09-01
state early
key Tab Tab Tab
type 9.99.99
state noline
screen hearing-form-bad
key F2
state badsave
key Esc y
state cancelled
EOF
is $RC 0 "the response form with bad input"
state_is form form.title "Register a hearing response"
state_is form field.Received 2027-09-15
state_is form "field.Org type" citizen
state_is early field.Received.error "Refused: received 2027-09-01, before the hearing opened on 2027-09-10."
state_is noline field.Lines.error "There is no budget line '9.99.99' (Tab completes a code)."
state_is badsave form.error "Nothing was saved: correct the fields marked in red."
state_is cancelled hearing.count 0
screen_same hearing-form-bad
is "$(n_resp "$db")" 0 "nothing was registered"

# ---- two responses: the second keeps the first's values; Tab completes ----
ui "$db" --screen hearing <<'EOF'
key a
type Anna Ærø
key Tab Space Tab
key C-u
type 2027-09-12
key Tab Space Space Tab Space Tab
type 5.57.72
key Tab
state completed
type 5.57.73.00
key Tab
state candidates
type 1
key Tab Tab
type BEU.01.0
key Tab
state areas
type 1
key Tab Tab
type Vi er imod besparelsen på kontanthjælp
key F2
state first
key a
state second-form
type Bo Østergård
key F2
state second
key a
type Foreningen Åen
key Tab Tab
key C-u
type 2027-09-30
state late-warn
key F2
state third
screen hearing-80x24
resize 160 45
screen hearing-160x45
EOF
is $RC 0 "three responses registered"
state_is completed field.Lines "5.57.72.001 "
state_is candidates form.error "3 start with '5.57.73.00': 5.57.73.001 5.57.73.002 5.57.73.003"
state_is areas form.error "5 start with 'BEU.01.0': BEU.01.01 BEU.01.02 BEU.01.03 BEU.01.04 BEU.01.05"
state_is first response.1 "2027-09-12|on time|association|against|consent=yes|lines=5.57.72.001 5.57.73.001|areas=BEU/BEU.01/BEU.01.01|comment=no"
state_is second-form "field.Org type" association
state_is second-form field.Received 2027-09-12
state_is second-form field.Position against
state_is second-form field.Consent yes
state_is second-form field.Sender ""
state_is second-form field.Lines ""
state_is second response.2 "2027-09-12|on time|association|against|consent=yes|lines=|areas=|comment=no"
state_is late-warn field.Received.warning "Late: the hearing closed on 2027-09-24. It is registered, marked late."
state_is third response.3 "2027-09-30|late|association|against|consent=yes|lines=|areas=|comment=no"
state_is third message "Registered response 3 (late); the next keeps its type, date, position and consent."
screen_same hearing-80x24
screen_same hearing-160x45
is "$(n_resp "$db")" 3 "the CLI lists three responses"

# ---- the comment, and a deletion asked first ----
ui "$db" --screen hearing <<'EOF'
key g j e
state edit-form
key Tab Tab Tab Space
key Tab Tab
type 5.57.73.090
key F2
state edited
key g c
state comment
type Besparelsen er nødvendig; se udvalgets notat.
key Enter
state commented
key G d
state ask
key n
state kept
key d y
state deleted
screen hearing-commented
EOF
is $RC 0 "a comment and a deletion"
state_is edit-form form.title "Response 2"
state_is edit-form field.Sender "Bo Østergård"
state_is edit-form field.Position against
state_is edited response.2 "2027-09-12|on time|association|change|consent=yes|lines=5.57.73.090|areas=|comment=no"
state_is edited message "Saved response 2."
state_is comment modal prompt
state_has commented "response.1=2027-09-12|on time|association|against|consent=yes|lines=5.57.72.001 5.57.73.001|areas=BEU/BEU.01/BEU.01.01|comment=yes"
state_is commented message "Response 1 has the administration's comment."
state_is kept hearing.count 3
state_is kept message "Response 3 was kept."
state_is deleted hearing.count 2
state_is deleted message "Deleted response 3."
screen_same hearing-commented
is "$(n_resp "$db")" 2 "the CLI lists two responses"
done_testing
