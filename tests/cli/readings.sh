# The stretch between the readings on the demo municipality, through the
# command line: the first reading freezes the proposal, ten hearing
# responses (two late, one without consent), five amendments (one
# conflicting, one late, a sub-amendment, a new line, a removed line),
# decisions, the second reading and adoption.  The adopted version is
# checked line by line against amounts computed here from the demo's own
# data, independently of budgetlab; then the diff and the hearing summary.
# Bad input on every path: clear messages, and nothing changed.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"
# at DATE CMD...: run on that day (the process's clock)
at() {
	d=$1
	shift
	BUDGETLAB_NOW="${d}T10:00:00Z" run "$@"
}

run demo "$db"
is $RC 0 "the demo is written"

# ---- before the first reading ----
unchanged "an amendment before the first reading" \
	amendment add "$db" --title "For tidligt" --party A --line 3.22.01.003 --add 2028=+1
has "$ERR" "not frozen yet" "  saying the first-reading version is not frozen yet"
run versions "$db"
has "$OUT" "editable" "versions: the first reading is still editable"

# goals -> labs -> proposal -> first_reading
for p in labs proposal first_reading; do
	at 2027-09-06 advance "$db" --override "test: straight to the first reading"
	has "$OUT" "[$p]" "advance into $p"
done
has "$OUT" "frozen as the first-reading version" "entering the first reading freezes the proposal"
run versions "$db"
has "$OUT" "frozen 2027-09-06 (first_reading)" "versions: first_reading frozen on entry"
has "$OUT" "derived" "versions: adopted is derived"
unchanged "a frozen version's amount" line set "$db" 3.22.01.003 --version first_reading --amount 2028=1
has "$ERR" "was frozen on 2027-09-06" "  saying when it was frozen"
has "$ERR" "tabling an amendment" "  and what to do instead"
unchanged "the derived version's amount" line set "$db" 3.22.01.003 --version adopted --amount 2028=1
has "$ERR" "derived" "  saying it is derived"
unchanged "the proposal, once read" line set "$db" 3.22.01.003 --amount 2028=1
has "$ERR" "the proposal version was frozen" "  saying the proposal is frozen too"
run status "$db"
has "$OUT" "adopted" "status shows the adopted version from the first reading on"

at 2027-09-10 advance "$db" --override "test"
has "$OUT" "[hearing]" "advance into the hearing"

# ---- ten hearing responses ----
resp() { # resp DATE ARGS...
	d=$1
	shift
	at "$d" response add "$db" "$@"
	is $RC 0 "response: $*"
}
resp 2027-09-12 --sender "Skolebestyrelsen, Egekær Skole" --org-type council --received 2027-09-12 \
	--position for --consent --line 3.22.01.003 --text "Vi støtter | flere lærere"
resp 2027-09-13 --sender "Anna Jensen" --org-type citizen --received 2027-09-13 --position against \
	--line 3.35.64.001 --text "Bevar puljen" --consent
resp 2027-09-14 --sender "Bo Hansen" --org-type citizen --received 2027-09-14 --position change \
	--line 3.22.01.003 --line 6.42.43.001 --text "Mit navn må ikke stå nogen steder"
resp 2027-09-15 --sender "Egekær Idrætsforening" --org-type association --received 2027-09-15 \
	--position for --consent --area KFU --text "Flere haller"
resp 2027-09-16 --sender "Handelsstandsforeningen" --org-type business --received 2027-09-16 \
	--position neutral --consent --area BEU
resp 2027-09-17 --sender "Ældrerådet" --org-type council --received 2027-09-17 --position change \
	--consent --area SSU --file "sag 27/4711"
resp 2027-09-18 --sender "Lærerkredsen" --org-type association --received 2027-09-18 \
	--position against --consent --line 3.22.01.003
resp 2027-09-24 --sender "Grøn Egekær" --org-type association --received 2027-09-24 \
	--position change --consent --line 0.52.85.001
resp 2027-09-25 --sender "Karen Nielsen" --org-type citizen --received 2027-09-25 --position for \
	--consent --line 3.35.64.001
has "$OUT" "recorded as late" "a response after the hearing closed is flagged late"
resp 2027-09-30 --sender "Egekær Museum" --org-type institution --received 2027-09-30 \
	--position against --consent --area KFU
has "$OUT" "recorded as late" "  the second late response too"

unchanged "a response before the hearing opened" response add "$db" --sender X --org-type citizen \
	--received 2027-09-01 --position for
has "$ERR" "received 2027-09-01, before the hearing opened on 2027-09-10" "  saying so"
unchanged "a line that does not exist" response add "$db" --sender X --org-type citizen \
	--received 2027-09-12 --position for --line 9.99.99
has "$ERR" "9.99.99" "  naming the line"
unchanged "an unknown organisation type" response add "$db" --sender X --org-type politician \
	--received 2027-09-12 --position for
has "$ERR" "expected one of citizen" "  listing the types"
unchanged "an unknown position" response add "$db" --sender X --org-type citizen --position maybe
has "$ERR" "expected for, against, change or neutral" "  listing the positions"
unchanged "a date that is no date" response add "$db" --sender X --org-type citizen \
	--position for --received 2027-02-30
unchanged "a sender in Latin-1" response add "$db" --sender "$(printf 'S\370ren')" \
	--org-type citizen --position for --received 2027-09-12
has "$ERR" "not valid UTF-8" "  saying the encoding is wrong"
unchanged "a comment on a response that does not exist" response comment "$db" 11 "Tak"
unchanged "a response number that is no number" response comment "$db" x "Tak"
at 2027-09-20 response add "$db" --sender "Fejl" --org-type citizen --position for --received 2027-09-20
is $RC 0 "a response registered by mistake"
has "$OUT" "Registered response 11" "  as number 11"
run response delete "$db" 11
is $RC 0 "  deleted"
unchanged "reusing a deleted response's number" response add "$db" --sender X --org-type citizen \
	--position for --received 2027-09-20 --number 11
has "$ERR" "deleted before" "  saying why"

run responses "$db"
has "$OUT" "10 response(s), 2 late, 10 without the administration's comment" "the register counts"
hasnt "$OUT" "Anna Jensen" "  and shows no sender without --names"
run responses "$db" --names
has "$OUT" "Anna Jensen" "  --names shows the senders"
run responses "$db" --late
has "$OUT" "2 shown" "--late lists the two late ones"
for i in 1 2 3 4 5 6 7 8 9 10; do
	run response comment "$db" $i "Administrationen noterer svar $i."
	is $RC 0 "comment on response $i"
done
run responses "$db" --uncommented
has "$OUT" "0 without the administration's comment" "every response has a comment"

at 2027-09-27 advance "$db" --override "test"
has "$OUT" "[amendments]" "advance into the amendments phase"

# ---- five amendments ----
amend() { # amend DATE ARGS...
	d=$1
	shift
	at "$d" amendment add "$db" "$@"
	is $RC 0 "amendment: $*"
}
amend 2027-09-28 --title "Flere lærere og valg" --party "Socialdemokratiet" \
	--justification "Mindre klasser" \
	--line 6.42.43.001 --add 2029=+250.000 --line 3.22.01.003 --set 2028=42.000.000
amend 2027-09-29 --title "Lidt færre lærere" --party "Venstre" --parent 1 \
	--line 3.22.01.003 --set 2028=41.600.000
amend 2027-09-29 --title "Billigere valg" --party "Liberal Alliance" \
	--line 6.42.43.001 --add 2029=-100.000
amend 2027-09-30 --title "Skolehaver" --party "Radikale Venstre" \
	--new-line 3.22.01.099 --area BSU.01.01 --line-title "Skolehaver på alle skoler" \
	--set 2028=750.000 --set 2029=750.000
amend 2027-10-02 --title "Puljen lukkes" --party "Konservative" --line 3.35.64.001 --remove
has "$OUT" "recorded as late" "an amendment after the deadline is recorded as late"

at 2027-09-30 amendment add "$db" --title "Fortegnsfejl" --party "Test" --line 3.22.01.004 \
	--add 2028=-100.000.000
has "$OUT" "Note: line 3.22.01.004 becomes" "a change that makes an expense negative is noted"
at 2027-09-30 decide "$db" 6 withdrawn --note "fortegnsfejl"
is $RC 0 "  and that amendment is withdrawn"
unchanged "an amendment against a line that does not exist" amendment add "$db" --title X \
	--party Y --line 9.99.99 --add 2028=+1
has "$ERR" "there is no line '9.99.99'" "  naming the line"
unchanged "a change that would overflow" amendment add "$db" --title X --party Y \
	--line 3.22.01.003 --set 2028=92.233.720.368.000.000
unchanged "a year outside the process" amendment add "$db" --title X --party Y \
	--line 3.22.01.003 --set 2040=1
has "$ERR" "2040" "  naming the year"
unchanged "a change without a line" amendment add "$db" --title X --party Y --set 2028=1
has "$ERR" "needs a --line CODE" "  saying what is missing"
unchanged "an amendment without changes" amendment add "$db" --title X --party Y
has "$ERR" "changes nothing" "  saying so"
unchanged "a sub-amendment of a sub-amendment" amendment add "$db" --title X --party Y \
	--parent 2 --line 3.22.01.003 --add 2028=+1
unchanged "an amount that is no amount" amendment add "$db" --title X --party Y \
	--line 3.22.01.003 --set 2028=mange
has "$ERR" "--set '2028=mange'" "  naming the option as written"
unchanged "two amounts for one line and year" amendment add "$db" --title X --party Y \
	--line 3.22.01.003 --set 2028=1.000 --set 2028=2.000
has "$ERR" "is set by change 1 already" "  saying so"

run amendments "$db"
is $RC 0 "the amendments list"
has "$OUT" "6 amendment(s), 5 undecided; 1 conflict:" "  five undecided, one conflict (the withdrawn one counts in none)"
has "$OUT" "1 and 3 both change line 6.42.43.001 in 2029" "  the conflict between 1 and 3"
run amendment show "$db" 1
has "$OUT" "Effect on the first-reading version:" "amendment show: the effect"
has "$OUT" "with amendment 3: both change line 6.42.43.001 in 2029" "  and the conflict"

at 2027-10-04 advance "$db" --override "test"
has "$OUT" "[second_reading]" "advance into the second reading"
has "$OUT" "all 10 hearing responses have the administration's comment" \
	"  the gate on the hearing's comments passed"
COLUMNS=1000 run phase "$db"
has "$OUT" "5 of 6 amendments are not decided:" "the gate lists the undecided amendments"

# ---- decisions ----
dec() { at 2027-10-06 decide "$db" "$@"; is $RC 0 "decide $*"; }
dec 2 adopted --note "16 for, 11 against"
dec 1 adopted --note "enstemmigt"
dec 3 rejected
dec 4 adopted
dec 5 adopted
unchanged "deciding an amendment twice" decide "$db" 1 rejected
has "$ERR" "amendment 1 was already adopted on 2027-10-06" "  naming the first decision"
unchanged "deciding an amendment that does not exist" decide "$db" 9 adopted
unchanged "a decision that is none" decide "$db" 3 maybe
unchanged "correcting a decided amendment" amendment set "$db" 1 --title "Ny titel"
COLUMNS=1000 run phase "$db"
has "$OUT" "all 6 amendments are decided" "the gate passes when every amendment is decided"

# ---- the adopted version, checked line by line ----
# Expected: the demo's proposal (share/demo/lines.tsv, kroner) with the
# adopted amendments applied here by hand.
awk -F'\t' 'NR > 1 {
	for (y = 0; y < 4; y++) {
		v = $(6 + y)
		if ($1 == "6.42.43.001" && y == 1) v += 250000
		if ($1 == "3.22.01.003" && y == 0) v = 41600000
		if ($1 == "3.35.64.001") continue
		if (v != "") printf "%s,%d,%.0f\n", $1, 2028 + y, v
	}
} END {
	printf "3.22.01.099,2028,750000\n3.22.01.099,2029,750000\n"
}' "$SRCDIR/share/demo/lines.tsv" | sort >"$T/want"
run export "$db" --version adopted
is $RC 0 "export the adopted version"
# The export's columns: area,code,...,2028,2029,2030,2031; a description
# may hold commas (quoted), so the years are counted from the end.
awk -F',' 'NR > 1 { for (y = 0; y < 4; y++) { v = $(NF - 3 + y); sub(/\r$/, "", v)
	if (v != "") { sub(/\.00$/, "", v); printf "%s,%d,%s\n", $2, 2028 + y, v } } }' "$OUT" |
	sort >"$T/got"
compare "$T/want" "$T/got" "the adopted version, every line and year, as computed here"
[ "$(wc -l <"$T/want")" -gt 1000 ]
ok $? "  (over a thousand amounts compared)"
run export "$db" --version first_reading
has "$OUT" "3.22.01.003" "the first-reading version keeps its lines"
hasnt "$OUT" "3.22.01.099" "  and not the line an amendment added"
run export "$db" --version adopted
hasnt "$OUT" "3.35.64.001" "the adopted version has not the line amendment 5 removed"

# ---- the diff ----
run diff "$db" --csv lines
is $RC 0 "diff first_reading -> adopted as CSV"
has "$OUT" "3.22.01.003" "  the changed school line"
has "$OUT" "amendments 1, 2" "  caused by amendments 1 and 2"
has "$OUT" "6.42.43.001" "  the election line"
has "$OUT" "amendment 5" "  the removed line, by amendment 5"
hasnt "$OUT" "amendment 3" "  the rejected amendment caused nothing"
grep -c . "$OUT" >"$T/n"
run diff "$db" --csv areas
is $RC 0 "diff per area as CSV"
run diff "$db" --markdown -o "$T/diff.md"
is $RC 0 "diff as Markdown to a file"
has "$T/diff.md" "| Line |" "  a Markdown table"
unchanged "diff with a version that does not exist" diff "$db" first_reading final
unchanged "diff with a bad --csv" diff "$db" --csv everything
run diff "$db" --markdown -o "$T/no/such/dir/x.md"
is $RC 3 "diff to a file that cannot be written exits 3"

# ---- the hearing summary ----
run hearing-summary "$db" -o "$T/note.md"
is $RC 0 "the hearing summary"
has "$T/note.md" "Skolebestyrelsen, Egekær Skole" "  quotes a sender who consented"
hasnt "$T/note.md" "Bo Hansen" "  never the sender who did not"
hasnt "$T/note.md" "Mit navn" "  nor that response's text"
has "$T/note.md" "(offentliggøres ikke: intet samtykke)" "  counted, not quoted"
has "$T/note.md" "3.22.01.003" "  per line"
has "$T/note.md" "Administrationens bemærkning: Administrationen noterer svar 1." \
	"  with the administration's comments"
has "$T/note.md" "# Høringsnotat: Egekær Kommune" "  in Danish, the process's language"
has "$T/note.md" 'Vi støtter \| flere lærere' "  '|' escaped"

# ---- adoption ----
COLUMNS=1000 run phase "$db"
if grep -qF "FAIL balances_or_deficit_accepted" "$OUT"; then
	has "$OUT" "2030: expenses exceed income by" "  the deficit year is named"
	unchanged "a deficit accepted without a reason" deficit accept "$db" --reason " "
	at 2027-10-06 deficit accept "$db" --reason "Byrådet accepterer et underskud i overslagsårene"
	is $RC 0 "accept the deficit with a reason"
	run journal "$db" --limit 3
	has "$OUT" "deficit accepted" "  journalled"
	COLUMNS=1000 run phase "$db"
fi
has "$OUT" "pass balances_or_deficit_accepted" "the balance gate passes"
at 2027-10-11 advance "$db" --override "test: the 21 days are not checked here"
has "$OUT" "[adopted]" "the budget is adopted"
unchanged "a decision once amounts are locked" amendment add "$db" --title X --party Y \
	--line 3.22.01.003 --add 2028=+1
run journal "$db" --limit 100000
hasnt "$OUT" "Bo Hansen" "the journal never names a sender"
echo "1..$_n"
[ "$_failed" = 0 ]
