# Development pools on the demo: the demo's pool and its projects, a new
# pool, applications, grants, and every way of breaking a pool's rules --
# a grant above what is left (in a year, and over the years with
# carry-over), above the maximum per project, for an operating project;
# lowering the pool's line below what is granted by an edit and by an
# amendment's adoption; turning it into income; removing it -- each
# refused with a clear message and nothing changed.  Left amounts are
# checked against sums made here.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"
# As lib.sh's, and the two pools as they were too.
unchanged() {
	name=$1
	shift
	n0=$(jcount)
	s0=$("$BUDGETLAB" pool show "$db" baeredygtighed 2>&1; "$BUDGETLAB" pool show "$db" lille 2>&1)
	run "$@"
	n1=$(jcount)
	s1=$("$BUDGETLAB" pool show "$db" baeredygtighed 2>&1; "$BUDGETLAB" pool show "$db" lille 2>&1)
	[ "$RC" = 1 ] || [ "$RC" = 2 ]
	ok $? "refused: $name"
	[ "$n0" = "$n1" ] && [ "$s0" = "$s1" ]
	ok $? "  and nothing changed: $name"
}
at() {
	d=$1
	shift
	BUDGETLAB_NOW="${d}T10:00:00Z" run "$@"
}
plain() { sed 's/\.//g' "$OUT"; }

run demo "$db"
is $RC 0 "the demo is written"
run pools "$db"
is $RC 0 "pools lists the demo's pool"
has "$OUT" "baeredygtighed" "  by its key"
has "$OUT" "6.52.76.010" "  with its line"
# The demo's pool line: 5.000.000 a year; granted 800.000+1.000.000 in
# 2028 and 400.000 in 2029 (share/demo/pool_projects.tsv).
budget=$(awk -F'\t' '$1 == "6.52.76.010" { print $6 + $7 + $8 + $9 }' "$SRCDIR/share/demo/lines.tsv")
granted=$(awk -F'\t' 'NR > 1 { for (i = 10; i <= 13; i++) s += $i } END { print s }' "$SRCDIR/share/demo/pool_projects.tsv")
left=$((budget - granted))
plain | grep -qE "^baeredygtighed .* $budget +$granted +$left\$"
ok $? "budget $budget, granted $granted, left $left: as summed here" || cat "$OUT"
run pool show "$db" baeredygtighed
is $RC 0 "pool show"
has "$OUT" "Takes:   development or capital projects" "  the kinds it takes"
has "$OUT" "Maximum: 1.500.000 kr. per project" "  its maximum"
has "$OUT" "Energistyring i" "  its projects"
has "$OUT" "Projects: 4 (1 waiting for a decision, 2 granted)" "  counted"
# 2028: 5.000.000 - 1.800.000 = 3.200.000; carried over: 2029 has 5.000.000
# + 3.200.000 - 400.000 = 7.800.000.
plain | grep -qE "^2028 +5000000 +[0-9]+ +1800000 +3200000\$"
ok $? "2028: 3.200.000 left"
plain | grep -qE "^2029 +5000000 +[0-9]+ +400000 +7800000\$"
ok $? "2029: what 2028 left is carried over"
run projects "$db" baeredygtighed
is $RC 0 "projects"
has "$OUT" "rejected" "  the rejected one"

# ---- a pool of our own, without carry-over, on a line of its own ----
run pool add "$db" lille --name "Lille pulje" --line 6.52.70.002 --max 700.000 --goal 3
is $RC 0 "a pool on another expense line"
has "$OUT" "Development pool lille created on line 6.52.70.002." "  says so"
unchanged "a second pool on the same line" pool add "$db" anden --name X --line 6.52.70.002
has "$ERR" "carries development pool 'lille' already" "  saying which"
unchanged "a key in use" pool add "$db" lille --name X --line 6.52.70.001
unchanged "a bad key" pool add "$db" "Store Pulje" --name X --line 6.52.70.001
has "$ERR" "is not a pool key" "  saying what a key is"
unchanged "an income line" pool add "$db" ind --name X --line 0.25.11.002
has "$ERR" "is income" "  saying so"
unchanged "a line that does not exist" pool add "$db" ny --name X --line 9.99.99
unchanged "an unknown kind" pool add "$db" ny --name X --line 6.52.70.001 --kinds udvikling,leg
has "$ERR" "'leg' is not a kind of project" "  naming it"
unchanged "a maximum that is no amount" pool add "$db" ny --name X --line 6.52.70.001 --max mange
unchanged "a maximum of 0" pool add "$db" ny --name X --line 6.52.70.001 --max 0
unchanged "a goal that does not exist" pool add "$db" ny --name X --line 6.52.70.001 --goal 99
unchanged "no name" pool add "$db" ny --line 6.52.70.001
unchanged "an unknown option" pool add "$db" ny --name X --line 6.52.70.001 --colour red

y1=$(awk -F'\t' '$1 == "6.52.70.002" { print $6 }' "$SRCDIR/share/demo/lines.tsv")
run project add "$db" lille --title "Lærlinge i grøn omstilling" --ask 2028=600.000 --social 2 \
	--applicant "Mette Jensen" --goal 3
is $RC 0 "an application"
has "$OUT" "Project 1 registered" "  numbered 1"
run project add "$db" lille --title "Kantinedrift" --kind operation --ask 2028=100.000
is $RC 0 "an operating project may apply"
has "$ERR" "does not pay for operation projects" "  with a warning that it can never be granted"
unchanged "a project with no title" project add "$db" lille --kind development
unchanged "a project of an unknown kind" project add "$db" lille --title X --kind leg
unchanged "a negative ask" project add "$db" lille --title X --ask 2028=-5
unchanged "an ask outside the years" project add "$db" lille --title X --ask 2040=5
has "$ERR" "--ask '2040=5': the year must be one of the process's years" "  naming the option"
unchanged "a bad application date" project add "$db" lille --title X --applied 2028-02-30
unchanged "a pillar score of 3" project add "$db" lille --title X --social 3
unchanged "a pool that does not exist" project add "$db" nosuch --title X

run grant "$db" lille 1 2028=600.000
is $RC 0 "a grant within the pool"
plain | grep -qE "^2028 +$y1 +[0-9]+ +600000 +$((y1 - 600000))\$"
ok $? "  leaves $((y1 - 600000)) in 2028"
unchanged "a grant above the maximum per project" grant "$db" lille 1 2028=600.000 2029=200.000
has "$ERR" "above its maximum of 700.000 kr. per project" "  saying the maximum"
unchanged "a grant for an operating project" grant "$db" lille 2 2028=50.000
has "$ERR" "may only pay for development projects" "  saying what the pool pays for"
run project add "$db" lille --title "Stort projekt" --ask 2029=700.000
run pool set "$db" lille --no-max
is $RC 0 "the maximum lifted"
over=$((y1 - 600000 + 1))
unchanged "a grant above what is left in 2028" grant "$db" lille 3 "2028=$over"
has "$ERR" "development pool 'Lille pulje' (line 6.52.70.002) would be overspent in 2028" \
	"  naming the pool, its line and the year"
run grant "$db" lille 3 2029=800.000
is $RC 0 "a grant in another year, above what was asked"
has "$ERR" "2029: granted 800.000 kr., more than the 700.000 kr. asked" "  with a note"
run grant "$db" lille 3 2029=700.000
is $RC 0 "  and corrected"
unchanged "a grant that overflows" grant "$db" lille 3 2029=92.233.720.368.547.758
unchanged "a grant of nothing" grant "$db" lille 3 2029=0
unchanged "a year twice" grant "$db" lille 3 2029=1 2029=2
unchanged "a project that does not exist" grant "$db" lille 9 2029=1
unchanged "a project number that is no number" grant "$db" lille tre 2029=1
unchanged "the pool set to operation only" pool set "$db" lille --kinds operation
has "$ERR" "may only pay for operating projects" "  the granted projects would break it"
unchanged "a maximum below a grant" pool set "$db" lille --max 100.000
unchanged "moving the pool to a line that holds less" pool set "$db" lille --line 6.52.76.020
unchanged "deleting a pool with projects" pool delete "$db" lille
has "$ERR" "has projects and is never deleted" "  saying why"

# Taking a grant back returns its money.
run project reject "$db" lille 3 --note "Ikke prioriteret"
is $RC 0 "reject a granted project"
has "$OUT" "What it was granted, 700.000 kr. in all, went back to the pool." "  saying where its money went"
unchanged "rejecting it again" project reject "$db" lille 3
has "$ERR" "is rejected already" "  saying so"
run pool show "$db" lille
plain | grep -qE "^2029 +[0-9]+ +0 +0 +[0-9]+\$"
ok $? "  its 2029 grant went back to the pool (and its ask no longer counts)"
run project show "$db" lille 3
has "$OUT" "Status:    rejected on 2027-01-20" "project show: the decision and its day"
has "$OUT" "Note:      Ikke prioriteret" "  and the note"
run project show "$db" lille 1
has "$OUT" "Applicant: Mette Jensen" "project show shows the applicant to the finance officer"
run journal "$db" --limit 100000
hasnt "$OUT" "Mette Jensen" "the applicant is never journalled"
has "$OUT" "project 1, 2028: asked 600.000, granted 0 → 600.000" "the journal says what was granted"

# ---- the pool's line keeps its money ----
for p in labs proposal; do
	at 2027-06-01 advance "$db" --override "test"
	has "$OUT" "[$p]" "advance into $p"
done
low=$((600000 - 1))
unchanged "lowering the pool line below what is granted" line set "$db" 6.52.70.002 --amount "2028=$low"
has "$ERR" "would be overspent in 2028" "  saying the pool would be overspent"
run line set "$db" 6.52.70.002 --amount 2028=600.000
is $RC 0 "lowering it to exactly what is granted"
unchanged "turning the pool line into income" line set "$db" 6.52.70.002 --income
has "$ERR" "carries development pool 'Lille pulje'" "  naming the pool"
unchanged "removing the pool line" line delete "$db" 6.52.70.002
unchanged "clearing the pool line's year" line set "$db" 6.52.70.002 --clear 2028

# The first reading: the adopted version becomes the pool's budget.
at 2027-09-06 advance "$db" --override "test"
has "$OUT" "[first_reading]" "advance into the first reading"
run pools "$db"
has "$OUT" "budgets from the adopted version" "pools now count the adopted version"
at 2027-09-10 advance "$db" --override "test"
at 2027-09-27 advance "$db" --override "test"
has "$OUT" "[amendments]" "advance into the amendments phase"
at 2027-09-28 amendment add "$db" --title "Pengene til skolerne" --party "Liste X" \
	--line 6.52.70.002 --set 2028=100.000 --line 3.22.01.003 --add 2028=+500.000
is $RC 0 "an amendment that would lower the pool line may be tabled"
at 2027-10-04 advance "$db" --override "test"
has "$OUT" "[second_reading]" "advance into the second reading"
unchanged "adopting an amendment that would overspend the pool" decide "$db" 1 adopted
has "$ERR" "would be overspent in 2028" "  the pool's rule holds in the derived version"
run decide "$db" 1 rejected
is $RC 0 "the amendment can be rejected"

# ---- garbage ----
unchanged "pool with no subcommand" pool
unchanged "pool with an unknown subcommand" pool fjern "$db" lille
unchanged "pool set with nothing to change" pool set "$db" lille
unchanged "pool show of an unknown pool" pool show "$db" nosuch
unchanged "pool set --max with --no-max" pool set "$db" lille --max 1 --no-max
unchanged "project with an unknown subcommand" project godkend "$db" lille 1
unchanged "project show of an unknown project" project show "$db" lille 99
unchanged "projects of an unknown pool" projects "$db" nosuch
unchanged "grant without amounts" grant "$db" lille 1
unchanged "grant with an amount that is no amount" grant "$db" lille 1 2028=mange
unchanged "a grant in millions" grant "$db" lille 1 "2028=1,5 mio"
has "$ERR" "not in millions" "  saying amounts are in kroner"
run pools "$T/nosuch.budgetlab"
is $RC 3 "a database that is not there"
for c in pools pool projects project grant; do
	run "$c" --help
	is $RC 0 "$c --help"
done
done_testing
