# The pools screen (F): the development pools with their money per year
# and their projects; an application registered and granted through the
# forms (bad input refused first); a grant the pool cannot hold refused
# with the store's reason, nothing changed; a project rejected after a
# question (declined first), then reopened; the pool on the projector,
# at 80x24 and 160x45, without any applicant's name; the projector
# refusing a grant, the file unchanged.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-09-06 BUDGETLAB_ACTOR=tester
db="$T/demo.budgetlab"
demo_db "$db"
# A value from a state dump.
sv() { grep -m1 "^$2=" "$T/$1.state" 2>/dev/null | cut -d= -f2-; }
absent() { # absent TEXT NAME FILE...: TEXT in none of the files
	_t=$1 _name=$2
	shift 2
	if grep -qF -- "$_t" "$@" 2>/dev/null; then
		ok 1 "$_name"
		grep -lF -- "$_t" "$@" | sed 's/^/#   in /'
	else ok 0 "$_name"; fi
}

# ---- the database, through the CLI ----
# The demo may ship the pool itself; if not, it is made here.
run pools "$db"
if ! grep -q '^baeredygtighed ' "$OUT"; then
	run pool add "$db" baeredygtighed --name "Udviklingspulje for bæredygtighed" \
		--line 6.52.76.010 --max 1.500.000 --carry-over --kinds development,capital
	is $RC 0 "pool baeredygtighed created"
fi
run project add "$db" baeredygtighed --title "Grønne skolegårde" --applicant "Hanne Østergård" \
	--ask 2028=800.000 --ask 2029=400.000 --social 2
is $RC 0 "a project applies"
N=$(sed -n 's/^Project \([0-9][0-9]*\) registered.*/\1/p' "$OUT")
run grant "$db" baeredygtighed "$N" 2028=800.000 2029=400.000
is $RC 0 "and is granted"
# A small pool without carry-over: 800.000 kr. a year.
run pool add "$db" bevaring --name "Pulje til bevaringsværdige bygninger" --line 3.35.64.001 \
	--kinds development,capital
is $RC 0 "a second pool"
run project add "$db" bevaring --title "Nye vinduer i Præstegården" --applicant "Ole Ærø" \
	--kind capital --ask 2028=1.000.000
is $RC 0 "which a project asks too much of"

# ---- the list and the detail, 80x24 and 160x45 ----
ui "$db" --screen pools <<'EOF'
screen pools-80x24
state list
key Enter G
screen pools-detail-80x24
state detail
resize 160 45
screen pools-160x45
key ?
state help
EOF
is $RC 0 "the pools screen"
screen_same pools-80x24
screen_same pools-detail-80x24
screen_same pools-160x45
state_is list screen pools
state_is list pools.count 2
state_is list pools.selected baeredygtighed
state_is list pools.focus pools
state_has list "pool.bevaring=Pulje til bevaringsværdige bygninger|line=3.35.64.001|kinds=development,capital|max=|no carry-over"
state_is list pool.2028.budget 500000000
state_is detail pools.focus projects
state_is detail projects.selected "$N"
state_is detail "project.$N" "Grønne skolegårde|development|granted|S+2 E . M .|asked=80000000,40000000,0,0|granted=80000000,40000000,0,0"
screen_has pools-detail-80x24 "Hanne Østergård (not projected)" "the facilitator sees the applicant"
state_is help screen help
state_is help help.for pools
g2028=$(sv list pool.2028.granted)
l2028=$(sv list pool.2028.left)
l2031=$(sv list pool.2031.left)

# ---- an application through the form, then its grant ----
ui "$db" --screen pools <<'EOF'
key a
state apply-form
type Cykelværksted for unge
key Tab Space
state apply-kind
key Space Space Tab
type Jens Jensen
key Tab Tab
type 3
state apply-badscore
key C-u
type 2
key Tab Tab Tab
type 300.000
key Tab
type 2x0
state apply-badamount
key C-u
type 200.000
key F2
state applied
key A
state grant-form
key C-u
type 250.000
key F2
state granted
screen pools-granted
EOF
is $RC 0 "an application registered and granted"
state_is apply-form modal form
state_is apply-form form.title "Apply to Udviklingspulje for bæredygtighed (kr.)"
state_is apply-form field.Applied 2027-09-06
state_is apply-form field.Kind development
state_is apply-kind field.Kind capital
state_is apply-badscore field.Social.error "A score from -2 (clearly harmful) to +2 (clearly good), or empty: not assessed."
state_has apply-badamount "field.Asks 2029.error="
M=$(sv applied projects.selected)
state_is applied message "Registered project $M: Cykelværksted for unge"
state_is applied "project.$M" "Cykelværksted for unge|development|applied|S+2 E . M .|asked=30000000,20000000,0,0|granted=0,0,0,0"
state_is applied pools.focus projects
state_is grant-form form.title "Grant project $M: Cykelværksted for unge (kr.)"
state_is grant-form "field.Grant 2028" 300.000
state_is grant-form "field.Grant 2029" 200.000
state_is granted modal ""
state_is granted message "Project $M granted 450.000 kr. in all."
state_is granted "project.$M" "Cykelværksted for unge|development|granted|S+2 E . M .|asked=30000000,20000000,0,0|granted=25000000,20000000,0,0"
state_is granted pool.2028.granted $((g2028 + 25000000))
state_is granted pool.2028.left $((l2028 - 25000000))
state_is granted pool.2031.left $((l2031 - 45000000))
screen_same pools-granted
run project show "$db" baeredygtighed "$M"
has "$OUT" "granted" "the CLI shows the grant"

# ---- refused: more than the pool has, more than a project may get ----
ui "$db" --screen pools <<'EOF'
key j Enter A
state over-form
key F2
state over-refused
screen pools-overspent-form
key Esc
state over-cancelled
screen pools-overspent
key Esc k Enter g j j A
key C-u
type 1.600.000
key F2
state max-refused
key Esc
state max-cancelled
EOF
is $RC 0 "grants the pools cannot hold"
state_is over-form form.title "Grant project 1: Nye vinduer i Præstegården (kr.)"
state_is over-refused modal form
state_is over-refused form.error "Nothing was saved."
state_is over-refused form.field "Grant 2028"
state_has over-refused "field.Grant 2028.error=project 1 was not granted: development pool 'Pulje til bevaringsværdige bygninger' (line 3.35.64.001) would be overspent in 2028"
state_is over-cancelled modal ""
state_has over-cancelled "message=project 1 was not granted: development pool 'Pulje til bevaringsværdige bygninger' (line 3.35.64.001) would be overspent in 2028"
state_is over-cancelled pools.selected bevaring
state_is over-cancelled pool.2028.granted 0
state_is over-cancelled pool.2028.left 80000000
state_is over-cancelled project.1 "Nye vinduer i Præstegården|capital|applied|S . E . M .|asked=100000000,0,0,0|granted=0,0,0,0"
screen_has pools-overspent "project 1 was not granted: development pool" "the refusal is on the message line"
screen_same pools-overspent-form
screen_same pools-overspent
run projects "$db" bevaring
has "$OUT" "applied" "the CLI: still applied"
state_has max-refused "field.Grant 2028.error=project 3 was not granted: project 3 would get 1.600.000 kr. in all"
state_is max-cancelled pool.2028.granted $((g2028 + 25000000))

# ---- reject, after a question; then reopen ----
ui "$db" --screen pools <<'EOF'
key Enter G D
state decide-form
key F2
state decide-ask
key n
state decide-no
key D F2 y
state rejected
key D Space
state reopen-form
key F2 y
state reopened
EOF
is $RC 0 "a project rejected and reopened"
state_is decide-form form.title "Decide project $M: Cykelværksted for unge"
state_is decide-form field.Decision rejected
state_is decide-ask modal question
state_is decide-ask question "Reject project $M (Cykelværksted for unge)? What it was granted goes back to the pool."
state_is decide-no modal ""
state_is decide-no message "Nothing was recorded: project $M was not changed."
state_has decide-no "project.$M=Cykelværksted for unge|development|granted|"
state_is rejected message "Project $M rejected."
state_is rejected "project.$M" "Cykelværksted for unge|development|rejected|S+2 E . M .|asked=30000000,20000000,0,0|granted=0,0,0,0"
state_is rejected pool.2028.granted "$g2028"
state_is rejected pool.2028.left "$l2028"
state_is reopen-form field.Decision applied
state_is reopened message "Project $M reopened: it waits for a decision again."
state_has reopened "project.$M=Cykelværksted for unge|development|applied|"

# ---- the pool on the projector: money and counts, never a name ----
ui "$db" --screen pools <<'EOF'
key p
state spot
EOF
state_is spot pools.spotlight baeredygtighed
state_is spot message "On the projector: development pool baeredygtighed, its money per year and what is left."
before=$(sum "$db")
ui "$db" --present <<'EOF'
screen pools-present-80x24
state present-80
resize 160 45
screen pools-present-160x45
state present-160
key A
state present-ro
key a Enter D p
EOF
is $RC 0 "the projector shows the pool"
screen_same pools-present-80x24
screen_same pools-present-160x45
state_is present-80 present.spotlight pool:baeredygtighed
state_is present-80 present.spotlight.found yes
state_is present-80 present.focus "Udviklingspulje for bæredygtighed"
state_is present-80 present.pool.2028.left "$l2028"
state_is present-80 present.pool.2028.granted "$g2028"
state_is present-80 present.pool.bars 4
state_is present-160 present.pool.bars 4
screen_has pools-present-80x24 "Granted of the budget, per year" "the bars' heading"
if [ "$(sv present-160 present.pool.scale)" -ge 1 ]; then ok 0 "big digits at 160x45"; else ok 1 "big digits at 160x45"; fi
# Read-only: the projector refuses a grant, and writes nothing.
state_is present-ro present.notice "The projector view is read-only: change the budget in the facilitator's terminal.  ? keys, q quit"
is "$(sum "$db")" "$before" "the projector changed nothing"
for name in "Hanne Østergård" "Jens Jensen" "Ole Ærø"; do
	absent "$name" "no applicant on the projector: $name" \
		"$T"/pools-present-*.screen "$T"/present-*.state
	absent "$name" "no applicant in the pools screen's state: $name" \
		"$T"/list.state "$T"/detail.state "$T"/granted.state "$T"/rejected.state
done

# A pool that has gone: the projector says so.
run pool add "$db" tom --name "Tom pulje" --line 3.35.64.012
ui "$db" --screen pools <<'EOF'
key G p
EOF
run pool delete "$db" tom
ui "$db" --present <<'EOF'
state gone
EOF
state_is gone present.spotlight.found no
state_is gone present.focus.text "This development pool is not in the process."

# No pool yet: the screen says how to make one, the keys why they do nothing.
E="$T/empty.budgetlab"
run create "$E" "$SRCDIR/config/phases/danish-municipality.yaml"
ui "$E" --screen pools <<'EOF'
screen empty
key A
state empty
EOF
is $RC 0 "the pools screen without a pool"
state_is empty pools.count 0
state_is empty message "There is no development pool yet (\`budgetlab pool add\` creates one)."
screen_has empty "No development pools yet." "the empty screen says so"

# A file that can only be read is not opened for the screens (root may
# write it anyway: then there is nothing to prove).
if [ "$(id -u)" != 0 ]; then
	mkdir "$T/ro"
	cp "$db" "$T/ro/ro.budgetlab"
	chmod 0400 "$T/ro/ro.budgetlab"
	ui "$T/ro/ro.budgetlab" --screen pools <<'EOF'
key Enter A
state ro
EOF
	is "$RC" 3 "a write-protected file is not opened for granting"
	has "$ERR" "can only be read" "and says so"
else
	ok 0 "# SKIP run as root: a 0400 file is writable"
	ok 0 "# SKIP run as root"
fi
done_testing
