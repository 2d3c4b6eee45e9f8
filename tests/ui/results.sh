#!/bin/sh
# The results screen (9): the lab's rule and a second rule side by side
# at 80x24 and 160x45, the same numbers as `budgetlab results` and
# `budgetlab tally`; the ideas where the rules differ; r/R cycle the
# second rule; s how Equal Shares shared each winner's cost; p the
# projector; a new ballot from another terminal; no lab; a rule that
# refuses the lab's votes.
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
# Five want the water playground and the playground, four the small
# things: greedy spends the pool on the first two, Equal Shares gives the
# four their share.
for b in "6 1" "6 1" "6 1" "6 1" "6 1" "3 4 5" "3 4 5" "3 4 5" "3 4 5"; do
	q ballot add "$db" 1 "$b"
done
tally() { "$BUDGETLAB" tally "$db" 1 --rule "$1" | paste -sd, -; }
cli_money() { # RULE: "USED|LEFT" as `budgetlab results` prints them
	"$BUDGETLAB" results "$db" 1 --compare mes_cost_add1_greedy |
		sed -n "s/^$1: .* selected, \(.*\) used, \(.*\) left\$/\1|\2/p"
}

# ---- no lab (a process without labs; with labs, the newest is chosen) ----
ui "$T/empty.budgetlab" <<'EOF'
key 9
screen results-nolab
state nolab
EOF
is $RC 0 "the results screen opens without a lab"
state_is nolab results.lab 0
screen_has results-nolab "No lab is chosen yet." "it says that no lab is chosen"

# ---- two rules side by side ----
ui "$db" <<'EOF'
key 9
key o
key C-u
type 1
key Enter
state two
screen results-80x24
key Down Down
state sel3
screen results-sel3
EOF
is $RC 0 "the results of lab 1"
screen_same results-80x24
state_is two results.rule.1 greedy_cost
state_is two results.rule.2 mes_cost_add1_greedy
state_is two results.ballots 9
state_is two results.scores "1:5,2:0,3:4,4:4,5:4,6:5"
state_is two results.selected.1 "$(tally greedy_cost)"
state_is two results.selected.2 "$(tally mes_cost_add1_greedy)"
state_is two results.selected.1 "1,6"
state_is two results.selected.2 "1,3,4,5,2"
state_is two results.spent.1 100000000
state_is two results.left.1 0
# Equal Shares, then the greedy completion for the money left (2, which nobody marked).
state_is two results.spent.2 100000000
state_is two results.left.2 0
state_is two results.differ "2,3,4,5,6"
m=$(cli_money greedy_cost)
screen_has results-80x24 "greedy_cost (lab's rule): 2 ideas, ${m%|*} used, ${m#*|} left" "the lab's rule: money used and left as the CLI says"
m=$(cli_money mes_cost_add1_greedy)
screen_has results-80x24 "mes_cost_add1_greedy: 5 ideas, ${m%|*} used, ${m#*|} left" "the second rule: money used and left as the CLI says"
screen_has results-80x24 "≠ The rules differ on 5 ideas." "how many ideas the rules differ on"
screen_has results-80x24 "≠   6 Vandlegeplads" "an idea one rule selects and the other not is marked"
state_is sel3 results.selected 3
screen_has results-sel3 "3 under mes_cost_add1_greedy: 4 supporters paid 20.000 kr. each" "the selected idea's share under Equal Shares"

ui "$db" --size 160x45 <<'EOF'
key 9
key o
key C-u
type 1
key Enter
screen results-160x45
EOF
screen_same results-160x45
screen_has results-160x45 "greedy_cost  mes_cost_add1_greedy" "at 160 columns the rule names are whole"

# ---- the second rule: r and R ----
ui "$db" <<'EOF'
key 9
key o
key C-u
type 1
key Enter
key r
state r1
key r
key r
state r3
key r
state r4
key R
key R
state back
EOF
state_is r1 results.rule.2 mes_card_add1_greedy
state_is r1 message "Beside the lab's rule: mes_card_add1_greedy."
state_is r3 results.rule.2 ""
state_is r3 message "Only the lab's rule is shown (r shows a second one beside it)."
# After none comes the first rule that is not the lab's own.
state_is r4 results.rule.2 greedy_card
state_is back results.rule.2 greedy_cost_noskip

# ---- how Equal Shares shared the costs ----
ui "$db" <<'EOF'
key 9
key o
key C-u
type 1
key Enter
key s
state shares
screen results-shares-80x24
key s
state votes
EOF
state_is shares results.view shares
state_is shares results.voter_budget.2 11111111
state_is shares results.shares.2 "1:mes:5:8000000:8000000,3:mes:4:2000000:2000000,4:mes:4:3750000:3750000,5:mes:4:3000000:3000000,2:greedy:0:0:0"
screen_same results-shares-80x24
run results "$db" 1 --compare mes_cost_add1_greedy
has "$OUT" "each voter had 111.111,11 kr." "the CLI's voter budget"
screen_has results-shares-80x24 "each voter had 111.111,11 kr." "is the screen's"
has "$OUT" "4 Cykelparkering: 4 supporters paid 37.500 kr. each" "the CLI's share"
screen_has results-shares-80x24 "  3.    4 Cykelparkering              150.000        4      37.500      37.500" "is the screen's"
screen_has results-shares-80x24 "greedy_cost does not share costs" "a greedy rule says it shares nothing"
state_is votes results.view votes

# ---- the projector ----
ui "$db" <<'EOF'
key 9
key o
key C-u
type 1
key Enter
key p
state proj
EOF
state_is proj message "On the projector: the results of lab 1, greedy_cost beside mes_cost_add1_greedy."
state_is proj results.spotlight "1:mes_cost_add1_greedy"
is "$(sqlite3 "$db" "SELECT kind || ' ' || ref FROM spotlight")" "results 1:mes_cost_add1_greedy" "the spotlight is in the database"

# ---- another terminal counts a ballot ----
ui "$db" <<EOF
key 9
key o
key C-u
type 1
key Enter
state before
exec "$BUDGETLAB" ballot add "$db" 1 "2" >/dev/null
wait-change 3000
state after
EOF
state_is before results.ballots 9
state_is after results.ballots 10
state_is after results.scores "1:5,2:1,3:4,4:4,5:4,6:5"

# ---- a rule that counts only approval ballots, on points ----
q lab add "$db" --theme "Ældre i bevægelse" --pool 500.000 --ballot prikker --rule mes_cost
for t in "Motionshold:100.000" "Gåture:50.000"; do
	q idea add "$db" 2 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot
done
q ballot add "$db" 2 "1:3 2:2"
ui "$db" <<'EOF'
key 9
key o
key C-u
type 2
key Enter
state cum
screen results-cumulative
EOF
state_is cum results.rule.1 mes_cost
state_is cum results.rule.2 greedy_cost
state_is cum results.selected.2 "1,2"
state_is cum results.scores "1:3,2:2"
state_has cum "results.error.1=mes_cost"
screen_has results-cumulative "points" "the score is named points"

done_testing
