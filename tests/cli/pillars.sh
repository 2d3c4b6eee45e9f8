# The three pillars for budget lines on the demo: assessing, keeping the
# pillars not given, the money by score checked against sums made here,
# the lines assessed as harmful, and bad scores changing nothing.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"
run demo "$db"
is $RC 0 "the demo is written"
run assess "$db" 6.42.41.001 --social +1 --economic 0 --environmental -1 --why "Flere møder, mere kørsel"
is $RC 0 "assess a line"
has "$OUT" "social +1 economic 0 environmental -1" "  its three scores"
run assess "$db" 6.42.41.001 --social -2
is $RC 0 "a second assessment of one pillar"
has "$OUT" "social -2 economic 0 environmental -1" "  keeps the other two"
run assess "$db" 3.22.01.003 --social 2 --environmental +1
is $RC 0 "another line"
unchanged "a score above +2" assess "$db" 3.22.01.003 --social 3
has "$ERR" "expected a score from -2 (clearly harmful) to +2 (clearly good)" "  saying the scale"
unchanged "a score that is no number" assess "$db" 3.22.01.003 --economic godt
unchanged "a line that does not exist" assess "$db" 9.99 --social 1
unchanged "no score at all" assess "$db" 3.22.01.003
unchanged "--clear with a score" assess "$db" 3.22.01.003 --clear --social 1
run journal "$db" --limit 3
has "$OUT" "line 3.22.01.003 assessed: social +2, environmental +1" "the journal says how"
n0=$(jcount)
run assess "$db" 3.22.01.003 --social 2
[ "$(jcount)" = "$n0" ]
ok $? "the same score again journals nothing"
run journal "$db" --line 3.22.01.003
has "$OUT" "assessed" "journal --line shows the line's assessments"
run assess "$db" 3.22.01.003 --why "Flere lærere"
is $RC 0 "a reason alone, for a line already assessed"
run line show "$db" 3.22.01.003
has "$OUT" "Pillars:     social +2, economic not assessed, environmental +1 (Flere lærere)" \
	"line show shows the assessment"

run assess "$db" 0.25.11.002 --economic +1
is $RC 0 "an income line can be assessed"
has "$ERR" "line 0.25.11.002 is income" "  with a note that the split counts expenses"
run assess "$db" 0.25.11.002 --clear
run pillars "$db" --unit kr
is $RC 0 "the money by pillar score"
a1=$(awk -F'\t' '$1 == "6.42.41.001" { print $6 }' "$SRCDIR/share/demo/lines.tsv")
a2=$(awk -F'\t' '$1 == "3.22.01.003" { print $6 }' "$SRCDIR/share/demo/lines.tsv")
all=$(awk -F'\t' 'NR > 1 && $5 == "expense" { s += $6 } END { printf "%.0f", s }' "$SRCDIR/share/demo/lines.tsv")
rest=$(awk -v a="$all" -v b="$a1" -v c="$a2" 'BEGIN { printf "%.0f", a - b - c }')
sed 's/\.//g' "$OUT" >"$T/plain"
grep -A4 '^social' "$T/plain" >"$T/social"
grep -qE "^  -2 +1 +$a1 " "$T/social"
ok $? "social -2: the one line, $a1 kr. in 2028"
grep -qE "^  \+2 +1 +$a2 " "$T/social"
ok $? "social +2: the other, $a2 kr."
nexp=$(awk -F'\t' 'NR > 1 && $5 == "expense"' "$SRCDIR/share/demo/lines.tsv" | wc -l)
grep -qE "^  not assessed +$((nexp - 2)) +$rest " "$T/social"
ok $? "not assessed: the other $((nexp - 2)) expense lines, $rest kr., as summed here"
has "$OUT" "Lines assessed as harmful on a pillar:" "the harmful ones are listed"
has "$OUT" "social -2  environmental -1  (Flere møder, mere kørsel)" "  with their scores and why"
run pillars "$db" --version adopted
has "$OUT" "has no expense lines with amounts" "a version without amounts says so"
run pillars "$db" --area KFU
has "$OUT" "No line is assessed as harmful on any pillar." "under another area there is none"
run assess "$db" 6.42.41.001 --clear
is $RC 0 "an assessment removed"
run pillars "$db" --area ØU
has "$OUT" "No line is assessed as harmful" "  and it is gone"
echo "1..$_n"
[ "$_failed" = 0 ]
