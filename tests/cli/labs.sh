# Citizen labs from the command line: a lab with sessions, participants
# and their representation, ideas, paper ballots (valid, invalid of every
# kind, voided, corrected, undone), the results under two rules, tally,
# .pb export and import round trips, and garbage for every option.
. "$SRCDIR/tests/cli/lib.sh"

DB="$T/d.db"
PB="$SRCDIR/tests/fixtures/pabulib"
SHARED="${BL_PABULIB_DIR:-$SRCDIR/../shared/data/pabulib}"
"$BUDGETLAB" demo "$DB" >/dev/null

# What "nothing changed" means: the journal's size and the lab listing.
state() { "$BUDGETLAB" journal "$DB" --limit 100000 2>&1 | wc -l; "$BUDGETLAB" labs "$DB" 2>&1; }

# ---- a lab ----
run lab add "$DB" --theme "Grønne byrum i midtbyen" --pool 2.000.000 --ballot godkendelse
is $RC 0 "lab add"
has "$OUT" "Added lab 1: Grønne byrum i midtbyen" "lab 1 added"
run lab add "$DB" --theme "Prikker" --pool 50.000 --ballot prikker
is $RC 0 "a second lab with cumulative ballots"
run lab add "$DB" --theme "Rangering" --pool 50.000 --ballot rangering
is $RC 0 "a third with rankings"

before=$(state)
for bad in "--pool abc" "--pool -5" "--pool 99999999999999999999" "--pool 1,234,5" \
	   "--ballot nosuch" "--rule nosuch" "--tie-break nosuch" "--status maybe"; do
	# shellcheck disable=SC2086
	run lab add "$DB" --theme "X" --pool 1 --ballot godkendelse $bad
	ok $([ $RC -ne 0 ] && echo 0 || echo 1) "lab add $bad is refused"
	ok $([ -s "$ERR" ] && echo 0 || echo 1) "lab add $bad: with a message"
done
run lab add "$DB" --theme "X" --pool 1
is $RC 2 "lab add without --ballot is a usage error"
has "$ERR" "--ballot are required" "naming it"
run lab add "$DB" --theme "" --pool 1 --ballot godkendelse
is $RC 2 "an empty theme"
run lab add "$DB" --theme "$(printf 'bad \377 byte')" --pool 1 --ballot godkendelse
is $RC 2 "a theme that is not UTF-8"
has "$ERR" "UTF-8" "says UTF-8"
run lab add "$DB" --theme "X" --pool 1 --ballot nosuch
has "$ERR" "expected one of: godkendelse, prikker, rangering" "an unknown ballot type lists the process's"
run lab add "$DB" --theme "X" --pool 1 --ballot godkendelse --rule nosuch
has "$ERR" "greedy_cost" "an unknown rule lists the rules"
run lab add "$DB" --theme "X" --pool 1 --ballot godkendelse --frobnicate
is $RC 2 "an unknown option"
has "$ERR" "frobnicate" "named"
for lab in 0 abc -1 99999999999 ""; do
	run lab show "$DB" "$lab"
	is $RC 2 "lab show '$lab' is a usage error"
done
run lab show "$DB" 9
is $RC 1 "lab 9 does not exist"
has "$ERR" "no lab 9" "says so"
is "$(state)" "$before" "none of that changed anything"

run lab set "$DB" 1 --status voting --rule mes_cost_add1_greedy
is $RC 0 "lab set"
run lab show "$DB" 1
has "$OUT" "rule:        mes_cost_add1_greedy" "the rule is the lab's"
has "$OUT" "status:      voting" "voting"
run lab set "$DB" 1 --rule greedy_cost --status open
is $RC 0 "back to greedy_cost, open"

# ---- sessions ----
run session add "$DB" 1 --date 2027-03-12 --place "Biblioteket, Store Sal" --facilitator "Mette Ø."
is $RC 0 "session add"
has "$OUT" "Added session 1 of lab 1" "session 1"
run session add "$DB" 1 --date 2027-02-30 --place P --facilitator F
is $RC 1 "30 February is refused"
has "$ERR" "February 2027 has 28 days" "with the reason"
run session add "$DB" 1 --date 12.03.2027 --place P --facilitator F
is $RC 1 "a date in the Danish way is refused"
run session add "$DB" 1 --date 2027-03-19 --place "" --facilitator F
is $RC 2 "an empty place"
run session add "$DB" 1 --date 2027-03-19 --place P
is $RC 2 "no facilitator"
run session add "$DB" 7 --date 2027-03-19 --place P --facilitator F
is $RC 1 "a session of lab 7, which is not there"
run sessions "$DB" 1
has "$OUT" "2027-03-12  Biblioteket, Store Sal  (Mette Ø.)" "sessions lists it"
run session add "$DB" 1 --date 2027-03-19 --place Skolen --facilitator Jonas
is $RC 0 "a second session"
run session set "$DB" 1 2 --place "Skolen, aulaen"
is $RC 0 "session set corrects a field"
has "$OUT" "2027-03-19, Skolen, aulaen (Jonas)" "keeping the others"
run session set "$DB" 1 2 --date 2027-13-01
is $RC 1 "a bad date"
run session set "$DB" 1 9 --place X
is $RC 1 "session 9 is not the lab's"
run session delete "$DB" 1 2 --place X
is $RC 2 "delete takes no fields"
run session delete "$DB" 1 2
is $RC 0 "a session nobody used is deleted"
run session delete "$DB" 1 2
is $RC 1 "and is gone"

# ---- participants and representation ----
i=0
for p in "alder=15-29 koen=kvinde bydel=nord" "alder=30-49 koen=mand bydel=midtbyen" \
	 "alder=30-49 koen=kvinde bydel=midtbyen" "alder=50-64 koen=mand bydel=syd" \
	 "alder=65plus koen=kvinde bydel=midtbyen uddannelse=videregaaende" \
	 "alder=30-49 koen=mand bydel=midtbyen"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	run participant add "$DB" 1 --session 1 $p
	is $RC 0 "participant $i signed in"
done
run participant add "$DB" 1 --name "Anna Jensen" alder=15-29
is $RC 0 "one with a name"
has "$OUT" "Signed in participant 7" "number 7"
run participant add "$DB" 1 --number 30 Alder=15-29 KOEN=Kvinde
is $RC 0 "categories and values in any case: Kvinde is kvinde"
run participants "$DB" 1
has "$OUT" "  30  alder=15-29  koen=kvinde" "stored by their keys"
run participant delete "$DB" 1 30
run participant add "$DB" 1 alder=100
is $RC 1 "an unknown value"
has "$ERR" "expected one of: 15-29, 30-49, 50-64, 65plus" "lists the values"
run participant add "$DB" 1 indkomst=høj
is $RC 1 "an unknown category"
has "$ERR" "alder, koen, bydel, uddannelse, herkomst" "lists the categories"
run participant add "$DB" 1 alder
is $RC 2 "CATEGORY without =VALUE"
run participant add "$DB" 1 alder=15-29 alder=30-49
is $RC 1 "a category twice"
run participant add "$DB" 1 --number 7
is $RC 1 "number 7 is taken"
run participant add "$DB" 1 --number -3
is $RC 2 "a negative number"
run participant add "$DB" 1 --session 9
is $RC 1 "session 9 is not the lab's"
run participants "$DB" 1
hasnt "$OUT" "Anna" "names are not listed"
has "$OUT" "7 participants" "seven"
run participants "$DB" 1 --names
has "$OUT" "Anna Jensen" "but with --names"
run representation "$DB" 1
is $RC 0 "representation"
same labs-representation
run participant add "$DB" 1 alder=15-29
run participant delete "$DB" 1 8
is $RC 0 "participant 8 removed"

# ---- ideas ----
for t in "Ny legeplads i Byparken:600.000" "Træer langs Storegade:450.000" \
	 "Bænke og borde ved åen:120.000" "Skaterbane:900.000" "Lys på stien:300.000"; do
	run idea add "$DB" 1 --title "${t%%:*}" --cost "${t##*:}" --status on_ballot
	is $RC 0 "idea ${t%%:*}"
done
run idea add "$DB" 1 --title "Udendørs fitness" --cost 2028=200.000 --cost 2029=50.000 \
	--proposer "Foreningen Aktiv" --feasibility "Kræver en aftale med grundejeren."
is $RC 0 "an idea over two years"
has "$OUT" "250.000 kr." "costed 250.000 kr. in all"
has "$OUT" "costed" "a cost makes it costed"
run idea add "$DB" 1 --title "Dyr idé" --cost 2040=5
is $RC 1 "a year outside the process"
has "$ERR" "2028 to 2031" "names the years"
run idea add "$DB" 1 --title "Dyr idé" --cost abc
is $RC 1 "a cost that is not an amount"
run idea add "$DB" 1 --title "Dyr idé" --cost 99999999999999999999
is $RC 1 "a cost that overflows"
run idea add "$DB" 1 --title "Dyr idé" --status maybe
is $RC 2 "an unknown status"
run idea add "$DB" 1 --cost 5
is $RC 2 "no title"
run idea set "$DB" 1 77 --title X
is $RC 1 "idea 77 is not there"
run idea set "$DB" 1 6 --status on_ballot
is $RC 0 "idea 6 onto the ballot"
run idea set "$DB" 1 6 --social +2 --economic 0 --environmental -1 --goal 1 --goal 2
is $RC 0 "idea 6 assessed on the three pillars and linked to goals 1 and 2"
for bad in "--social 3" "--economic -3" "--environmental x" "--goal 0" "--goal abc"; do
	# shellcheck disable=SC2086
	run idea set "$DB" 1 6 $bad
	is $RC 2 "idea set $bad is a usage error"
done
run idea set "$DB" 1 6 --goal 999
is $RC 1 "goal 999 does not exist"
has "$ERR" "999" "named"
run ideas "$DB" 1
same labs-ideas

# ---- ballots ----
run ballot add "$DB" 1 "1 3" --session 1 --participant 1
is $RC 0 "a paper ballot"
has "$OUT" "Counted ballot 1" "ballot 1"
run session delete "$DB" 1 1
is $RC 1 "a session with ballots and sign-ins stays"
has "$ERR" "session set" "and says how to correct it"
before=$(state)
for bad in "1 1:twice" "1 2 3 4 5 6:at most 5" "1 2 4 5:the pool is 2.000.000 kr." \
	   "12:does not exist" "abc:expected" "99999999999:too large" ":at least 1" \
	   "1;2:expected"; do
	run ballot add "$DB" 1 "${bad%%:*}"
	is $RC 1 "ballot '${bad%%:*}' is refused"
	has "$ERR" "${bad#*:}" "with the reason (${bad#*:})"
done
run ballot add "$DB" 1 "2" --participant 1
is $RC 1 "participant 1 has voted"
has "$ERR" "already voted" "says so"
run ballot add "$DB" 1 "2" --participant 40
is $RC 1 "participant 40 is not signed in"
run ballot add "$DB" 1 "2" --cast pigeon
is $RC 2 "an unknown way of casting"
run ballot add "$DB" 1 "$(printf '1 \377')"
is $RC 2 "marks that are not UTF-8"
run ballot add "$DB" 9 "1"
is $RC 1 "lab 9"
is "$(state)" "$before" "no invalid ballot was stored"
run ballot add "$DB" 1 "2 5" --session 1 --participant 2
run ballot add "$DB" 1 "2, 3, 5" --session 1 --participant 3 --cast laptop
run ballot add "$DB" 1 "4 3" --session 1
run ballot add "$DB" 1 "1 5 3" --session 1
is $RC 0 "five ballots"
run ballot undo "$DB" 1
is $RC 0 "undo"
has "$OUT" "Undid ballot 5" "the last one"
run ballot void "$DB" 1 4
is $RC 2 "void needs a reason"
run ballot void "$DB" 1 4 --reason "dobbelt talt"
is $RC 0 "ballot 4 voided"
run ballot void "$DB" 1 4 --reason again
is $RC 1 "only once"
run ballot correct "$DB" 1 2 "2 6" --reason "6 læst som 5"
is $RC 0 "ballot 2 corrected"
has "$OUT" "Ballot 6 replaces ballot 2" "by ballot 6"
run ballot correct "$DB" 1 2 "2" --reason again
is $RC 1 "a void ballot cannot be corrected"
run ballot correct "$DB" 1 6 "1 1" --reason x
is $RC 1 "a correction is checked like a ballot"
run ballots "$DB" 1 --all
same labs-ballots
run journal "$DB" --limit 3
has "$OUT" "ballot" "the journal has the ballots"

# Cumulative and ranking ballots in labs 2 and 3.
run idea add "$DB" 2 --title "A" --cost 10.000 --status on_ballot
run idea add "$DB" 2 --title "B" --cost 20.000 --status on_ballot
run ballot add "$DB" 2 "1:3 2:3"
is $RC 0 "dots"
run ballot add "$DB" 2 "1:4"
is $RC 1 "four dots on one idea"
has "$ERR" "at most 3" "at most three"
run ballot add "$DB" 2 "1:3 2:3 1:3"
is $RC 1 "more dots than ten on one idea... or in all"
run ballot add "$DB" 2 "1:x"
is $RC 1 "points that are not a number"
run idea add "$DB" 3 --title "A" --cost 10.000 --status on_ballot
run idea add "$DB" 3 --title "B" --cost 20.000 --status on_ballot
run ballot add "$DB" 3 "2 1"
is $RC 0 "a ranking"
run ballot add "$DB" 3 "2 2"
is $RC 1 "a ranking naming an idea twice"

# ---- results and tally ----
run results "$DB" 1 --compare mes_cost_add1_greedy
is $RC 0 "results with a second rule"
same labs-results
run tally "$DB" 1
is $RC 0 "tally on a lab"
cp "$DB" "$T/keep.db"
# Approvals 2: 2, 3: 2, then 1, 5, 6: 1 each (ties by id); 4 does not fit.
is "$(tr '\n' ' ' <"$OUT")" "2 3 1 5 6 " "greedy_cost picks 2 3 1 5 6 (the lab's rule)"
run tally --rule mes_cost "$DB" 1
is $RC 0 "tally with another rule"
run tally --rule mes_cost "$DB" 2
is $RC 1 "MES refuses cumulative ballots"
has "$ERR" "cumulative" "saying why"
run tally --rule greedy_cost "$DB" 2
is $RC 0 "greedy counts points"
run tally --rule nosuch "$DB" 1
is $RC 2 "an unknown rule"
run tally --tie-break nosuch "$DB" 1
is $RC 2 "an unknown tie-break"
run tally "$PB/Switzerland_Zurich_S5.pb"
is $RC 2 "a .pb file needs --rule"
run tally --rule greedy_cost "$T/none.pb"
is $RC 3 "a file that is not there"
head -c 700 "$PB/Switzerland_Zurich_S5.pb" >"$T/cut.pb"
run tally --rule greedy_cost "$T/cut.pb"
is $RC 3 "a truncated file"
has "$ERR" "cut.pb:" "named with its line"

# A file cut in its VOTES (a download that stopped): refused, not read short.
z="$PB/Switzerland_Zurich_S5.pb"
head -c $(($(wc -c <"$z") - 100)) "$z" >"$T/cutvotes.pb"
run tally --rule greedy_cost "$T/cutvotes.pb"
is $RC 3 "a file cut in the middle of its votes is refused"
has "$ERR" "it looks cut off" "as cut off, with its line"

# ---- .pb export and import ----
run lab export "$DB" 1 --output "$T/lab1.pb"
is $RC 0 "lab 1 exported"
run lab import "$DB" "$T/lab1.pb"
is $RC 0 "and imported as a new lab"
has "$OUT" "as lab 4" "lab 4"
"$BUDGETLAB" lab export "$DB" 4 >"$T/lab4.pb"
ok $(cmp -s "$T/lab1.pb" "$T/lab4.pb" && echo 0 || echo 1) "export, import, export: the same file"
run tally "$DB" 4
is "$(tr '\n' ' ' <"$OUT")" "2 3 1 5 6 " "the imported lab has the same outcome"
for f in Switzerland_Zurich_S5 US_Stanford_Dataset_PB_Chicago_49th_Ward_2015_vote_approvals; do
	run lab import "$DB" "$PB/$f.pb"
	is $RC 0 "$f imported"
	n=$(sed -n 's/.*as lab \([0-9]*\).*/\1/p' "$OUT")
	"$BUDGETLAB" lab export "$DB" "$n" >"$T/back.pb"
	"$BUDGETLAB" tally --rule mes_cost_add1_greedy "$PB/$f.pb" >"$T/a"
	"$BUDGETLAB" tally --rule mes_cost_add1_greedy "$T/back.pb" >"$T/b"
	ok $(cmp -s "$T/a" "$T/b" && echo 0 || echo 1) "$f: the exported lab has the file's outcome"
done
before=$(state)
run lab import "$DB" "$T/cut.pb"
is $RC 3 "a truncated .pb imports nothing"
printf 'META\nkey;value\nbudget;abc\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n' >"$T/bad.pb"
run lab import "$DB" "$T/bad.pb"
is $RC 3 "a budget that is not a number"
has "$ERR" "bad.pb:3" "names the line"
is "$(state)" "$before" "and nothing was imported"
run lab import "$DB" "$PB/Switzerland_Zurich_S5.pb" --ballot nosuch
is $RC 1 "an unknown --ballot on import"
is "$(state)" "$before" "nothing imported either"

# ---- every shared instance, every rule, as pabutools ----
if [ -x "$SHARED/check.sh" ]; then
	"$SHARED/check.sh" -o "$BUDGETLAB tally --rule {rule} {pb}" >"$T/check" 2>&1
	last=$(tail -1 "$T/check")
	case $last in
	*" 0 failed"*) ok 0 "every shared instance and rule as pabutools: $last" ;;
	*) ok 1 "every shared instance and rule as pabutools: $last"; grep FAIL "$T/check" | head ;;
	esac
else
	ok 0 "# SKIP no shared Pabulib instances at $SHARED"
fi

# ---- the demo's lab ----
run demo "$T/dl.db" --lab
is $RC 0 "demo --lab"
run results "$T/dl.db" 1 --compare mes_cost_add1_greedy
is $RC 0 "the demo lab's results"
same labs-demo-results
has "$OUT" "Where they differ" "greedy and Equal Shares differ on the demo lab"
run journal "$T/dl.db" --limit 3
has "$OUT" "ballot 23 counted: 5 3 (paper, session 1, participant 22)" "the journal says what was counted"
# A tie the tie-break decided is said.
"$BUDGETLAB" lab add "$T/dl.db" --theme "Lige" --pool 50 --ballot godkendelse >/dev/null
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$BUDGETLAB" idea add "$T/dl.db" 2 --title "Idé $i" --cost 50 --status on_ballot >/dev/null
done
"$BUDGETLAB" ballot add "$T/dl.db" 2 "2" >/dev/null
"$BUDGETLAB" ballot add "$T/dl.db" 2 "10" >/dev/null
run results "$T/dl.db" 2
has "$OUT" "greedy_cost: a tie: ideas 2✔ 10 have 1 vote each; the tie-break (id-number)" "a tie is shown, decided by number"
run results "$T/dl.db" 2 --tie-break id
has "$OUT" "ideas 2 10✔ have 1 vote each; the tie-break (id)" "by id as text, 10 before 2"
"$BUDGETLAB" lab set "$T/dl.db" 2 --status closed >/dev/null
run participant add "$T/dl.db" 2
is $RC 1 "a closed lab signs no one in"
has "$ERR" "closed" "says it is closed"
run idea set "$T/dl.db" 2 1 --cost 40
is $RC 1 "a closed lab's ideas do not change"
"$BUDGETLAB" lab set "$T/dl.db" 2 --status voting >/dev/null
run idea set "$T/dl.db" 2 2 --status withdrawn
is $RC 1 "an idea with votes is not withdrawn without --force"
has "$ERR" "--force" "says how"
run idea set "$T/dl.db" 2 2 --status withdrawn --force
is $RC 0 "with --force it is"

# Undoing a correction counts the corrected ballot again, so no paper is lost.
"$BUDGETLAB" lab add "$T/dl.db" --theme "Undo" --pool 100.000 --ballot godkendelse >/dev/null
"$BUDGETLAB" idea add "$T/dl.db" 3 --title A --cost 10.000 --status on_ballot >/dev/null
"$BUDGETLAB" idea add "$T/dl.db" 3 --title B --cost 10.000 --status on_ballot >/dev/null
run ballot add "$T/dl.db" 3 "1"
b=$(sed -n 's/Counted ballot \([0-9]*\).*/\1/p' "$OUT")
run ballot correct "$T/dl.db" 3 "$b" "2" --reason "misread"
run ballot undo "$T/dl.db" 3
is $RC 0 "undo a correction"
has "$OUT" "the ballot it corrected is counted again" "says the corrected ballot counts again"
run ballots "$T/dl.db" 3
has "$OUT" "1 ballot counted" "still one ballot for one paper"
run tally --rule mes_cost "$T/dl.db" 3
is "$(cat "$OUT")" "1" "and it is the paper as first entered (idea 1)"
run demo "$T/dl2.db" --labs
is $RC 2 "demo with an unknown option"
ok $([ ! -e "$T/dl2.db" ] && echo 0 || echo 1) "writes nothing"

# ---- every command explains itself ----
for c in labs lab session sessions participant participants representation idea ideas \
	 ballot ballots tally results; do
	run "$c" --help
	is $RC 0 "$c --help"
	has "$OUT" "Usage:" "$c --help shows its usage"
done

# ---- read-only ----
if [ "$(id -u)" != 0 ]; then
	chmod 0400 "$DB"
	run ballot add "$DB" 1 "1"
	ok $([ $RC -ne 0 ] && echo 0 || echo 1) "a read-only file takes no ballot"
	chmod 0600 "$DB"
fi

done_testing
