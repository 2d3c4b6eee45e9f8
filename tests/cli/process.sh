# A process end to end through the command line: create, areas, lines,
# amounts in Danish notation, bad input, locks, gates, override, journal,
# export.  Every change must appear in the journal.
. "$SRCDIR/tests/cli/lib.sh"
DA="$SRCDIR/config/phases/danish-municipality.yaml"
db="$T/p.budgetlab"
jcount() { "$BUDGETLAB" journal "$db" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }
changed() { # changed CMD... : runs a change and checks the journal grew
	n0=$(jcount)
	run "$@"
	n1=$(jcount)
	[ "$RC" = 0 ] && [ "$n1" -gt "$n0" ]
	ok $? "journalled: $*"
}

run create "$db" "$DA" --municipality "Ærøskøbing Kommune"
is $RC 0 "create from the Danish phase file"
has "$OUT" "Ærøskøbing Kommune" "the municipality is replaced"
is "$(stat -c %a "$db")" 600 "the database is created 0600"
before=$(sum "$db")
run create "$db" "$DA"
is $RC 3 "create refuses an existing file"
is "$(sum "$db")" "$before" "and leaves it unchanged"
printf 'budgetlab: 1\nprocess:\n  titel: x\n' >"$T/bad.yaml"
run create "$T/q.budgetlab" "$T/bad.yaml"
is $RC 1 "create from a bad phase file is refused"
has "$ERR" "bad.yaml:3:3:" "the error has file:line:column"
[ ! -e "$T/q.budgetlab" ]; ok $? "and no database is left behind"

run status "$db"
is $RC 0 "status of a new process"
has "$OUT" "Setting up" "a new process is being set up"

changed area add "$db" ØU --name Økonomiudvalget
changed area add "$db" ØU.01 --name Skatter --parent ØU
changed area add "$db" BSU --name "Børne- og Skoleudvalget"
changed area add "$db" BSU.01 --name Folkeskoler --parent BSU
run area add "$db" BSU.01 --name Igen --parent BSU
is $RC 1 "a duplicate area code under the same parent is refused"
run area add "$db" X --name Y --parent NOPE
is $RC 1 "an unknown parent is refused"
has "$ERR" "NOPE" "and named"

changed line add "$db" 7.68.90 --title "Kommunal indkomstskat" --area ØU.01 --income \
	--amount 2028=2.500.000.000 --amount 2029=2.550.000.000 --amount 2030=2.600.000.000 --amount 2031=2.650.000.000
changed line add "$db" 3.22.01 --title "Folkeskoler" --area BSU/BSU.01 --description "Undervisning, 12 skoler" \
	--amount 2028=1.234.567,50 --amount 2029=1.250.000 --amount 2030=1.260.000 --amount 2031=1.270.000
changed line add "$db" 3.22.05 --title "Skolefritidsordninger" --area BSU.01 --kind operation --expense

# Bad input: a message that says what was expected, and nothing written.
n0=$(jcount)
for bad in "2028=12,345" "2028=abc" "2028=1.23.456" "2028=92.233.720.368.547.758,08" "2028=" "2028" "=5" "2027=5" "2032=5" "20x8=5" "2028=1e6"; do
	run line add "$db" 9.99.99 --title Test --area BSU.01 --amount "$bad"
	is $RC 1 "--amount '$bad' is refused"
done
run line add "$db" 9.99.99 --title Test --area BSU.01 --amount 2028=12,345
has "$ERR" "12,345" "the bad amount is quoted"
run line add "$db" 9.99.99 --title "$(printf 'Tr\370ffe')" --area BSU.01
is $RC 2 "a Latin-1 title is refused"
has "$ERR" "not valid UTF-8" "because it is not UTF-8"
run line add "$db" 9.99.99 --title "$(printf 'a\033[2Jb')" --area BSU.01
is $RC 2 "a title with a control character is refused"
run line add "$db" 9.99.99 --title "" --area BSU.01
is $RC 2 "an empty title is refused"
run line add "$db" 9.99.99 --title T --area NOPE
is $RC 1 "an unknown area is refused"
run line add "$db" 9.99.99 --title T
is $RC 2 "a line without an area is refused"
run line add "$db" 3.22.01 --title Igen --area BSU.01
is $RC 1 "a duplicate line code is refused"
has "$ERR" "3.22.01" "and named"
run line add "$db" 9.99.99 --title T --area BSU.01 --kind drift
is $RC 2 "an unknown kind is refused"
run line add "$db" 9.99.99 --title T --area BSU.01 --income --expense
is $RC 2 "income and expense together are refused"
run line show "$db" 9.99.99
is $RC 1 "none of the refused lines exists (each add is all or nothing)"
is "$(jcount)" "$n0" "and the journal did not grow"

run lines "$db" --unit kr
is $RC 0 "lines in kroner"
same lines-kr
run line show "$db" 3.22.01
same line-show

changed line set "$db" 3.22.01 --amount 2029=1.300.000 --clear 2031
run status "$db" --unit kr --depth 2
same status-setup

# Into the first phase: goals before economy locks amounts.
changed advance "$db"
has "$OUT" "Mål før økonomi" "the first phase is the goals phase"
lines_before=$("$BUDGETLAB" lines "$db" --unit kr)
run line set "$db" 3.22.01 --amount 2029=1
is $RC 1 "changing an amount in the goals phase is refused"
has "$ERR" "amounts" "the refusal names the lock"
run line add "$db" 9.99.98 --title Ny --area BSU.01 --amount 2028=5
is $RC 1 "adding a line with amounts in the goals phase is refused"
is "$("$BUDGETLAB" lines "$db" --unit kr)" "$lines_before" "and the budget is unchanged"
changed line set "$db" 3.22.01 --title "Folkeskoler i alt"

run advance "$db"
is $RC 1 "advancing with failing gates is refused"
has "$OUT" "FAIL every_area_has_goal" "the failing gate is shown"
has "$ERR" "--override" "and the way past it is explained"
changed goal add "$db" --title "Flere børn i trivsel" --area BSU --description "Målt ved trivselsmålingen"
changed goal link "$db" 1 3.22.01 3.22.05
run goal link "$db" 1 NOPE
is $RC 1 "linking an unknown line is refused"
run goals "$db"
has "$OUT" "served by: 3.22.01 Folkeskoler i alt" "a goal lists the lines that serve it"
changed tick "$db" 1
run tick "$db" 99
is $RC 2 "an item number past the checklist is refused"
run tick "$db" abc
is $RC 2 "an item that is not a number is refused"
run advance "$db" --override "   "
is $RC 2 "an empty override reason is refused"
changed advance "$db" --override "Agreed at the council meeting on 12 January" --actor "Borgmester"
has "$OUT" "gates overridden" "the override is acknowledged"

run journal "$db" --limit 1
has "$OUT" "Agreed at the council meeting on 12 January" "the journal keeps the override reason"
has "$OUT" "Borgmester" "and who gave it"
has "$OUT" "every_area_has_goal" "and the gates that failed"
run journal "$db" --line 3.22.01
has "$OUT" '"amount":123456750' "the line's journal has its first amount in øre"
has "$OUT" "Folkeskoler i alt" "and its title change"
hasnt "$OUT" "7.68.90" "and nothing about other lines"
run phase "$db"
is $RC 0 "phase shows the timeline"
has "$OUT" "done  1. Mål før økonomi" "the first phase is done"
has "$OUT" "now   2." "the second is current"

run export "$db" --output "$T/budget.csv"
is $RC 0 "export to a file"
cp "$T/budget.csv" "$OUT"
same export-csv
changed line delete "$db" 3.22.05
changed goal unlink "$db" 1 3.22.01
changed goal set "$db" 1 --title "Alle børn i trivsel"
changed goal delete "$db" 1
run goals "$db"
has "$OUT" "0 goals" "the goal is gone"
before=$(sum "$db")
run status "$db"
run lines "$db"
run journal "$db"
run export "$db"
is "$(sum "$db")" "$before" "reading commands leave the database file unchanged"
done_testing
