# The versions screen (V): the three versions with their state and
# amount counts; the diff first reading -> adopted per line with the
# amendment that caused each change, per area, and between other
# versions; an amendment tabled and adopted on the amendments screen
# shows up in the diff; 80x24 and 160x45 with æøå aligned.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-09-06 BUDGETLAB_ACTOR=tester
db="$T/demo.budgetlab"
demo_db "$db"

# ---- before the first reading: nothing frozen, no difference ----
ui "$db" --screen versions <<'EOF'
screen versions-unfrozen
state unfrozen
EOF
is $RC 0 "the versions screen opens before the first reading"
screen_same versions-unfrozen
state_is unfrozen version.proposal "editable|1344"
state_is unfrozen version.first_reading "editable|0"
state_is unfrozen diff.old first_reading
state_is unfrozen diff.new adopted
state_is unfrozen diff.rows 0

# To the first reading, and two amendments through the real CLI: one
# adopted, one rejected.
for i in 1 2 3; do
	"$BUDGETLAB" advance "$db" --override "test setup" >/dev/null
done
export BUDGETLAB_NOW=2027-09-20
run amendment add "$db" --title "Mere til enkeltydelser" --party "Socialdemokratiet" \
	--line 5.57.72.001 --add 2028=+1.500.000 --add 2029=+1.500.000 \
	--new-line 9.99.01.001 --area BEU.01.01 --line-title "Råd og vejledning, æøå" --set 2028=250.000
is $RC 0 "amendment 1 tabled"
run amendment add "$db" --title "Luk selvforsørgelse" --party "Venstre" --line 5.57.73.003 --remove
is $RC 0 "amendment 2 tabled"
run decide "$db" 1 adopted --note "15 for, 12 against"
is $RC 0 "amendment 1 adopted"
run decide "$db" 2 rejected
is $RC 0 "amendment 2 rejected"

# ---- the diff, per line and per area, and other versions ----
ui "$db" --screen versions <<'EOF'
state lines
screen versions-80x24
key s
state areas
screen versions-areas
key s o o
state proposal-adopted
key o o
state same
screen versions-same
key o o
resize 160 45
screen versions-160x45
EOF
is $RC 0 "the diff"
state_is lines version.first_reading "frozen|1344"
state_is lines version.adopted "derived|1345"
state_is lines diff.rows 3
state_is lines diff.5.57.72.001.2028 "910000000|1060000000|150000000|amendment 1"
state_is lines diff.5.57.72.001.2029 "910000000|1060000000|150000000|amendment 1"
state_is lines diff.9.99.01.001.2028 "0|25000000|25000000|amendment 1"
state_is areas diff.view areas
state_is proposal-adopted diff.old proposal
state_is proposal-adopted diff.rows 3
state_is same diff.old adopted
state_is same diff.rows 0
screen_same versions-80x24
screen_same versions-areas
screen_same versions-same
screen_same versions-160x45
screen_has versions-80x24 "new: Råd og vejledning" "the new line is marked new"

# ---- an amendment adopted on the amendments screen shows at once ----
ui "$db" --screen amendments <<'EOF'
key a
type Lidt mere
key Tab
type Radikale
key Tab Tab Tab Tab
type 5.57.73.001 2030 -100.000
key F2
key G D F2 y
key V
state after
EOF
is $RC 0 "an amendment adopted on the amendments screen"
state_is after screen versions
state_is after diff.rows 4
state_is after diff.5.57.73.001.2030 "11780000000|11770000000|-10000000|amendment 3"
done_testing
