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
# Amounts as someone used to another notation, or currency, writes them.
run line add "$db" 9.99.99 --title Test --area BSU.01 --amount "2028=1,234,567.50"
is $RC 1 "an English-style amount is refused"
has "$ERR" "written in another number format (English" "as another number format"
has "$ERR" "this process writes amounts in Danish, e.g. 1.234.567,50" "saying how this process writes it"
hasnt "$ERR" "more than two decimals" "and not as too many decimals"
run line add "$db" 9.99.99 --title Test --area BSU.01 --amount "2028=1.234.567,50 NOK"
is $RC 1 "an amount in NOK in a DKK process is refused"
has "$ERR" "it is in NOK, but this process's amounts are in DKK" "naming both currencies"
run line add "$db" 9.99.99 --title Test --area BSU.01 --amount "2028=99999999999999999999"
has "$ERR" "between -92.233.720.368.547.758,07 and 92.233.720.368.547.758,07 kr." \
	"the range stated is the range accepted"
run line add "$db" 9.99.99 --title Test --area BSU.01 --amount "2028=-92.233.720.368.547.758,08"
is $RC 1 "one øre below that range is refused"
has "$ERR" "--amount for 2028: \"-92.233.720.368.547.758,08\" is not an amount: it is too small" \
	"as too small, with the option it came from"
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
has "$OUT" "FAIL every_area_has_agreed_goal" "the failing gate is shown"
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
has "$OUT" "every_area_has_agreed_goal" "and the gates that failed"
run journal "$db" --line 3.22.01
has "$OUT" '"amount":123456750' "the line's journal has its first amount in øre"
has "$OUT" "Folkeskoler i alt" "and its title change"
hasnt "$OUT" "7.68.90" "and nothing about other lines"
run phase "$db"
is $RC 0 "phase shows the timeline"
has "$OUT" "done  1. Mål før økonomi" "the first phase is done"
has "$OUT" "now   2." "the second is current"
sed -n '/ 1\. Mål før økonomi/,/ 2\. Borgerlabs/p' "$OUT" | sed '$d' | tr '\n' ' ' | tr -s ' ' |
	grep -q "(left with gates overridden: Agreed at the council meeting on 12 January)"
ok $? "the override is shown on the phase whose gates it overrode"
grep " 2\. Borgerlabs" "$OUT" | grep -q overridden
[ $? = 1 ]; ok $? "and not on the phase it led into"
run lines "$db" --area ØU.01
has "$OUT" "1 line" "one line is '1 line'"
hasnt "$OUT" "1 lines" "not '1 lines'"
run export "$db" --output "$T/nonexistent/budget.csv"
is $RC 3 "an export into a missing directory fails"
has "$ERR" "cannot write '$T/nonexistent/budget.csv'" "naming the file given"
hasnt "$ERR" ".tmp" "not the temporary file"

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

# ---- A Norwegian process: totals that must fit, amounts that must not
# run together.  Its first phase locks amounts and lines here, to see two
# locks listed.
NB="$SRCDIR/config/phases/norwegian-municipality.yaml"
nb="$T/nb.budgetlab"
njcount() { "$BUDGETLAB" journal "$nb" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }
sed '0,/locks: \[amounts\]/s//locks: [amounts, lines]/' "$NB" >"$T/nb.yaml"
run create "$nb" "$T/nb.yaml"
is $RC 0 "create a Norwegian process"
run area add "$nb" 17A --name "Område 17A"
run area add "$nb" 18B --name "Område 18B"
run line add "$nb" Z1 --title Skatt --area 17A --income --amount "2028=1 000"
is $RC 0 "an income line"
n0=$(njcount)
run line add "$nb" Z3 --title neg --area 17A --amount "2028=-92 233 720 368 547 758,07"
is $RC 1 "line add: an amount after which the balance would overflow is refused"
has "$ERR" "balance (income - expenses)" "the message says it is the balance"
has "$ERR" "for 2028 in the proposal version" "of which year and version"
has "$ERR" "nothing was changed" "and that nothing was changed"
run line show "$nb" Z3
is $RC 1 "the line was not added either"
is "$(njcount)" "$n0" "nothing was journalled"
run status "$nb"
is $RC 0 "status works after the refusal"
has "$OUT" "Balance (income - expenses)" "and shows the whole table"
run line add "$nb" Z4 --title Utgift --area 17A --amount "2028=5"
run line set "$nb" Z4 --amount "2028=-92 233 720 368 547 758,07"
is $RC 1 "line set: the same amount is refused"
has "$ERR" "--amount 2028=-92 233 720 368 547 758,07: the change would make the balance" \
	"naming the option"
# 2029: 18B's income at the top; 17A's lines -5 and 5 keep the budget in
# range, but not 18B if the -5 moves there.
run line add "$nb" Z5 --title Stor --area 18B --income --amount "2029=92 233 720 368 547 758,07"
run line add "$nb" Z7 --title Pluss --area 17A --amount "2029=5"
run line add "$nb" Z6 --title Minus --area 17A --amount "2029=-5"
is $RC 0 "(2029: the budget's balance at the top of the range)"
n0=$(njcount)
run line set "$nb" Z6 --area 18B
is $RC 1 "a move after which an area's balance would overflow is refused"
has "$ERR" "balance (income - expenses) of area '18B' for 2029" "naming the area"
run line set "$nb" Z7 --income
is $RC 1 "a change of direction that overflows is refused"
has "$ERR" "overflow" "as an overflow"
run line delete "$nb" Z7
is $RC 1 "a delete after which the balance would overflow is refused"
run line show "$nb" Z7
is $RC 0 "and the line is still there"
is "$(njcount)" "$n0" "none of the refused changes was journalled"

# Amount columns: two spaces between amounts written with spaces, and a
# column with øre has them throughout.
run line add "$nb" Z8 --title Skole --area 17A --amount "2030=1 234 567" --amount "2031=414 500 000,75"
run line add "$nb" Z9 --title Barnehage --area 18B --amount "2030=1 234 567,89" --amount "2031=415 500 000"
run lines "$nb" --unit kr
is $RC 0 "lines in kroner (nb)"
same lines-nb
hasnt "$OUT" "1 234 567 1" "amounts never run together"
has "$OUT" "415 500 000,00" "a whole amount has ,00 in a column with øre"
run status "$nb" --unit kr
same status-nb
run line show "$nb" Z8
has "$OUT" "1 234 567  414 500 000,75" "line show: two spaces between amounts"

# A file in which an older budgetlab let a balance overflow: shown, with
# the sum that does not fit as "overflow", never a status that stops.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$nb" "$T/old.budgetlab"
	sqlite3 "$T/old.budgetlab" "UPDATE total SET expense = -9223372036854775807 WHERE year = 2028"
	run status "$T/old.budgetlab" --unit kr
	is $RC 0 "status of a file with a total that does not fit"
	has "$OUT" "overflow" "shows it as overflow"
	has "$OUT" "Expenses" "and the rest of the table"
	grep "^17A" "$OUT" | grep -q overflow
	ok $? "the area's net is the cell that overflows"
	run "$T/old.budgetlab"
	has "$OUT" "overflow" "budgetlab DB shows it too"
fi

run advance "$nb"
has "$OUT" "Mål før økonomi" "into the first phase"
run status "$nb"
has "$OUT" "Locked in this phase: amounts, lines" "two locks are listed with a comma"
# The journal names areas by their path, so a move between two areas with
# the same code (SK under ABC and under ÆØÅ) shows as a change.
mv="$T/move.budgetlab"
run create "$mv" "$DA" --municipality "Flytte Kommune"
run area add "$mv" ABC --name "Abc"
run area add "$mv" SK --name "Skoler" --parent ABC
run area add "$mv" ÆØÅ --name "Æøå"
run area add "$mv" SK --name "Skoler" --parent ÆØÅ
run line add "$mv" X.1 --title "Skole" --area ABC/SK
is $RC 0 "a line in ABC/SK"
run line set "$mv" X.1 --code X.2 --area ÆØÅ/SK
is $RC 0 "moved to ÆØÅ/SK and renamed"
run journal "$mv" --limit 1
has "$OUT" '"area":"ABC/SK"' "the journal has the area it left"
has "$OUT" '"area":"ÆØÅ/SK"' "and the area it went to"
done_testing
