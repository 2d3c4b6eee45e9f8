#!/bin/sh
# The projector's lab views: a lab's results (one rule, and a second
# beside it) at 80x24, 120x35 and 160x45, following new ballots without a
# key; its representation (counts, shares, targets, ▼ under-represented);
# a lab that is not there; and no participant's name on any of them.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/lab.budgetlab"
demo_db "$db"
q() { "$BUDGETLAB" "$@" >/dev/null; }
SQL() { sqlite3 "$db" "$1"; }
q lab add "$db" --theme "Grønne byrum" --pool 1.000.000 --ballot godkendelse
for t in "Ny legeplads:400.000" "Træer på Torvet:250.000" "Bænke ved åen:80.000" \
	"Cykelparkering:150.000" "Blomstereng i parken:120.000" "Vandlegeplads:600.000"; do
	q idea add "$db" 1 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot
done
q session add "$db" 1 --date 2027-03-01 --place "Biblioteket" --facilitator "Anne Facilitatorsen"
for b in "6 1" "6 1" "6 1" "6 1" "6 1" "3 4 5" "3 4 5" "3 4 5" "3 4 5"; do
	q ballot add "$db" 1 "$b"
done
# People signed in with their names: the wall must never show one.
i=0
for p in "15-29 kvinde midtbyen" "30-49 mand nord" "30-49 kvinde syd" "50-64 mand midtbyen" \
	"65plus kvinde landdistrikter" "30-49 andet midtbyen" "15-29 mand nord" "50-64 kvinde midtbyen"; do
	set -- $p
	i=$((i + 1))
	q participant add "$db" 1 --session 1 --name "Søren Østergaard$i" alder=$1 koen=$2 bydel=$3 herkomst=dansk
done
q participant add "$db" 1 --name "Åse Ærbødig" koen=kvinde

# ---- results, the lab's rule and a second beside it ----
SQL "UPDATE spotlight SET kind='results', ref='1:mes_cost_add1_greedy', text=NULL WHERE id=1"
for size in 80x24 120x35 160x45; do
	ui "$db" --present --size $size <<EOF
screen present-results-$size
state res-$size
EOF
	is $RC 0 "the results on the projector at $size"
	screen_same present-results-$size
done
state_is res-80x24 present.spotlight results:1:mes_cost_add1_greedy
state_is res-80x24 present.spotlight.found yes
state_is res-80x24 present.focus "Lab 1: Grønne byrum · results"
state_is res-80x24 present.results.rule.1 greedy_cost
state_is res-80x24 present.results.rule.2 mes_cost_add1_greedy
state_is res-80x24 present.results.selected.1 "$("$BUDGETLAB" tally "$db" 1 --rule greedy_cost | paste -sd, -)"
state_is res-80x24 present.results.selected.2 "$("$BUDGETLAB" tally "$db" 1 --rule mes_cost_add1_greedy | paste -sd, -)"
state_is res-80x24 present.results.spent.1 100000000
state_is res-80x24 present.results.left.1 0
state_is res-80x24 present.lab.shown 6
screen_has present-results-80x24 "Results · 9 ballots · pool 1.000.000 kr." "the ballots and the pool"
screen_has present-results-80x24 "≠   6 Vandlegeplads" "an idea the rules differ on is marked"
screen_has present-results-80x24 "greedy_cost: 2 ideas" "the lab's rule's winners"
screen_has present-results-80x24 "mes_cost_add1_greedy: 5 ideas" "and the second rule's, beside it"
screen_has present-results-160x45 "kr. used · 0 kr. left" "money used and left"
state_is res-160x45 present.results.scale 2
state_is res-80x24 present.results.scale 1

# One rule only: the lab's.
SQL "UPDATE spotlight SET kind='results', ref='1', text=NULL WHERE id=1"
ui "$db" --present <<'EOF'
screen present-results-one
state one
EOF
screen_same present-results-one
state_is one present.results.rule.1 greedy_cost
state_is one present.results.rule.2 ""

# ---- following: a ballot counted in another terminal ----
ui "$db" --present <<EOF
state f0
exec "$BUDGETLAB" ballot add "$db" 1 "2 3" >/dev/null
wait-change 3000
state f1
EOF
is $RC 0 "the follow script ran"
state_is f0 present.results.ballots 9
state_is f1 present.results.ballots 10
state_is f1 present.results.scores "1:5,2:1,3:5,4:4,5:4,6:5"

# ---- many ideas: the winners stay, the rest is counted ----
q lab import "$db" "$SRCDIR/tests/fixtures/pabulib/Switzerland_Zurich_S5.pb"
SQL "UPDATE spotlight SET kind='results', ref='2:mes_cost_add1_greedy', text=NULL WHERE id=1"
ui "$db" --present <<'EOF'
screen present-results-many
state many
EOF
screen_same present-results-many
state_is many present.lab.shown 14
screen_has present-results-many "… and 10 more ideas, not selected" "the ideas left out are counted"

# ---- a second rule that refuses the lab's votes: "–" and one short line ----
cdb="$T/cumulative.budgetlab"
demo_db "$cdb"
"$BUDGETLAB" lab add "$cdb" --theme "Ældre i bevægelse" --pool 500.000 --ballot prikker >/dev/null
for t in "Motionshold:100.000" "Gåture:50.000" "Bænke:80.000"; do
	"$BUDGETLAB" idea add "$cdb" 1 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot >/dev/null
done
"$BUDGETLAB" ballot add "$cdb" 1 "1:3 2:3 3:3 1:1" >/dev/null 2>&1 || "$BUDGETLAB" ballot add "$cdb" 1 "1:3 2:2 3:3" >/dev/null
sqlite3 "$cdb" "UPDATE spotlight SET kind='results', ref='1:mes_cost_add1_greedy', text=NULL WHERE id=1"
ui "$cdb" --present <<'EOF'
screen present-results-refused
resize 160 45
screen present-results-refused-160
EOF
screen_has present-results-refused "mes_cost_add1_greedy counts" "80 columns: the refusing rule is said, wrapped under its half"
screen_has present-results-refused "approval ballots only" "80 columns: and why"
screen_has present-results-refused-160 "mes_cost_add1_greedy counts approval ballots only" "the refusing rule is said in one short line"
if grep -q '?' "$T/present-results-refused.screen"; then ok 1 "no column of ? for the refusing rule"; else ok 0 "no column of ? for the refusing rule"; fi

# ---- representation ----
SQL "UPDATE spotlight SET kind='representation', ref='1', text=NULL WHERE id=1"
for size in 80x24 160x45; do
	ui "$db" --present --size $size <<EOF
screen present-repr-$size
state repr-$size
EOF
	screen_same present-repr-$size
done
state_is repr-80x24 present.spotlight representation:1
state_is repr-80x24 present.repr.total 9
state_is repr-80x24 present.repr.koen "kvinde:5:5556,mand:3:3333:under,andet:1:1111"
state_is repr-80x24 present.lab.shown 5
run representation "$db" 1
has "$OUT" "! Mand       3   33,33 %  49,6 %  under-represented" "the CLI flags the same group"
screen_has present-repr-80x24 "Mand              3  33,33 %  49,6 % ▼" "the wall flags it with ▼, two blanks between count and share"
# Privacy: a group of 1 or 2 is "1–2" on the wall, without a share, and
# a footnote says why; the facilitator's screen 7 keeps the numbers.
screen_has present-repr-80x24 "Nord            1–2             22 %" "a group of 1 or 2 is shown as 1–2, no share"
screen_has present-repr-80x24 "1–2: a group this small is not shown exactly, so no one can be singled out." "the footnote says why"
if grep -qE ' (1|2) +[0-9,]+ %' "$T/present-repr-80x24.screen"; then ok 1 "no exact count of 1 or 2 on the wall"; else ok 0 "no exact count of 1 or 2 on the wall"; fi
screen_has present-repr-80x24 "Who came: 9 participants · ▼ below 80 % of the target" "the count and what ▼ means"

# ---- a lab that is not there ----
SQL "UPDATE spotlight SET kind='results', ref='9', text=NULL WHERE id=1"
ui "$db" --present <<'EOF'
state gone
EOF
state_is gone present.spotlight.found no
state_is gone present.focus.text "This lab is not in the process."

# ---- no name, ever ----
names=0
for f in "$T"/*.screen "$T"/*.state; do
	if grep -qE 'Søren|Østergaard|Åse|Ærbødig|Facilitatorsen' "$f"; then
		names=$((names + 1))
		echo "# a name in $f"
	fi
done
is "$names" 0 "no participant's (or facilitator's) name in any projector screen or state"

done_testing
