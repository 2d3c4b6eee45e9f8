# The pillars screen (B): how the expenses divide by the lines' scores on
# each pillar of sustainability, per committee, checked against sums made
# here with awk from the demo's lines (share/demo/lines.tsv: whole kroner;
# the store keeps øre); the lines assessed as harmful; a line assessed by
# its code through the form (Tab completing the code) and the selected
# line assessed again; bad input refused at its field with nothing
# changed; a refusal from the store (the line deleted while the form was
# open) shown, nothing changed; 80x24 and 160x45.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-01-12 BUDGETLAB_ACTOR=tester
db="$T/demo.budgetlab"
demo_db "$db"
LINES_TSV="$SRCDIR/share/demo/lines.tsv"
sv() { grep -m1 "^$2=" "$T/$1.state" 2>/dev/null | cut -d= -f2-; }

# The assessments this test makes: code, social, economic, environmental
# ('.': not assessed), justification.
cat >"$T/assess.tsv" <<'EOF'
6.42.43.001	-1	2	.	Valg er dyre, men demokratiet skal have sit
3.22.01.001	2	0	1	Skolerne løfter alle børn
5.57.73.001	1	.	-2	Kørsel med dieselbusser
2.28.14.001	.	1	-1	Vejsalt belaster vandmiljøet
0.25.13.302	0	1	2	Solceller på egne tage
0.25.11.002	-2	.	.	En indtægtslinje tæller ikke med
EOF

# The split the screen must show, from the demo's lines and the file
# above: "pillars.PILLAR.YEAR.SLOT=øre" for every pillar, year and slot
# (-2 .. +2, none), as the state dump writes it.
expected_split() {
	awk -F'\t' -v assess="$T/assess.tsv" '
	BEGIN {
		while ((getline l < assess) > 0) {
			split(l, f, "\t")
			for (k = 1; k <= 3; k++) score[f[1], k] = f[k + 1]
			assessed[f[1]] = 1
		}
		name[1] = "social"; name[2] = "economic"; name[3] = "environmental"
		slot["-2"] = "-2"; slot["-1"] = "-1"; slot["0"] = "0"; slot["1"] = "+1"; slot["2"] = "+2"
	}
	NR == 1 { for (c = 6; c <= 9; c++) year[c] = $c; next }
	$5 == "expense" && ($6 != "" || $7 != "" || $8 != "" || $9 != "") {
		for (k = 1; k <= 3; k++) {
			s = ($1 in assessed) && score[$1, k] != "." ? slot[score[$1, k]] : "none"
			for (c = 6; c <= 9; c++) sum[k, year[c], s] += $c * 100
		}
	}
	END {
		n = split("-2 -1 0 +1 +2 none", slots, " ")
		for (k = 1; k <= 3; k++)
			for (c = 6; c <= 9; c++)
				for (i = 1; i <= n; i++)
					printf "pillars.%s.%s.%s=%.0f\n", name[k], year[c], slots[i], sum[k, year[c], slots[i]]
	}' "$LINES_TSV"
}
# One pillar's slots in one year (or all years: YEAR "all"), comma-separated.
expected_row() { # PILLAR YEAR [TOP-AREA]
	awk -F'\t' -v assess="$T/assess.tsv" -v want="$1" -v wyear="$2" -v top="${3:-}" '
	BEGIN {
		while ((getline l < assess) > 0) {
			split(l, f, "\t")
			for (k = 1; k <= 3; k++) score[f[1], k] = f[k + 1]
			assessed[f[1]] = 1
		}
		k = want == "social" ? 1 : want == "economic" ? 2 : 3
		idx["-2"] = 1; idx["-1"] = 2; idx["0"] = 3; idx["1"] = 4; idx["2"] = 5
	}
	NR == 1 { for (c = 6; c <= 9; c++) year[c] = $c; next }
	$5 == "expense" {
		a = $3; sub(/\..*/, "", a)
		if (top != "" && a != top) next
		i = ($1 in assessed) && score[$1, k] != "." ? idx[score[$1, k]] : 6
		for (c = 6; c <= 9; c++)
			if (wyear == "all" || year[c] == wyear) v[i] += $c * 100
	}
	END { printf "%.0f,%.0f,%.0f,%.0f,%.0f,%.0f\n", v[1], v[2], v[3], v[4], v[5], v[6] }' "$LINES_TSV"
}
# The same from a state dump's pillars.total.* keys.
state_row() {
	printf '%s,%s,%s,%s,%s,%s\n' "$(sv "$1" pillars.total.-2)" "$(sv "$1" pillars.total.-1)" \
		"$(sv "$1" pillars.total.0)" "$(sv "$1" pillars.total.+1)" "$(sv "$1" pillars.total.+2)" \
		"$(sv "$1" pillars.total.none)"
}
row_is() { # STATE PILLAR YEAR NAME
	_want=$(expected_row "$2" "$3")
	_got=$(state_row "$1")
	if [ "$_got" = "$_want" ]; then ok 0 "$4"; else
		ok 1 "$4"
		echo "#   want $_want"
		echo "#   got  $_got"
	fi
}

# ---- before: the demo assesses no line ----
ui "$db" <<'EOF'
key B
state before
EOF
is $RC 0 "B opens the pillars screen"
state_is before screen pillars
state_is before pillars.pillar social
state_is before pillars.year 2028
state_is before pillars.negative.count 0
n_expense=$(awk -F'\t' 'NR > 1 && $5 == "expense" && ($6 != "" || $7 != "" || $8 != "" || $9 != "")' "$LINES_TSV" | wc -l)
state_is before pillars.lines.none "$n_expense"

# ---- the assessments, through the CLI ----
while IFS="$(printf '\t')" read -r code soc eco env why; do
	set -- assess "$db" "$code" --why "$why"
	[ "$soc" = . ] || set -- "$@" --social "$soc"
	[ "$eco" = . ] || set -- "$@" --economic "$eco"
	[ "$env" = . ] || set -- "$@" --environmental "$env"
	run "$@"
	is $RC 0 "assess $code"
done <"$T/assess.tsv"

# ---- the split, every pillar and year; the keys; both sizes ----
ui "$db" --screen pillars <<'EOF'
state social
screen pillars-80x24
key s
state economic
key s
state environmental
key s
state social-again
key y
state y2029
key y y y
state period
key y
state y2028
key S
state back
key ?
state help
key q
resize 160 45
screen pillars-160x45
state wide
EOF
is $RC 0 "the pillars screen"
expected_split | sort >"$T/want-split"
grep -E '^pillars\.(social|economic|environmental)\.[0-9]{4}\.' "$T/social.state" | sort >"$T/got-split"
if diff -u "$T/want-split" "$T/got-split" >"$T/diff"; then ok 0 "every pillar, year and score as awk sums them"; else
	ok 1 "every pillar, year and score as awk sums them"
	diag "$T/diff" | head -20
fi
state_is social pillars.pillar social
state_is economic pillars.pillar economic
state_is environmental pillars.pillar environmental
state_is social-again pillars.pillar social
row_is social social 2028 "social 2028: the total row"
row_is economic economic 2028 "economic 2028: the total row"
row_is environmental environmental 2028 "environmental 2028: the total row"
state_is y2029 pillars.year 2029
row_is y2029 social 2029 "social 2029: the total row"
state_is period pillars.year 2028-2031
row_is period social all "social, the whole period: the years summed"
state_is y2028 pillars.year 2028
state_is back pillars.pillar environmental
state_is help screen help
state_is help help.for pillars
# Each committee's row (the pillar and year shown).
bad=0
for top in $(awk -F'\t' 'NR > 1 && $2 == "" { print $1 }' "$SRCDIR/share/demo/areas.tsv"); do
	want=$(expected_row social 2028 "$top")
	got=$(sv social "pillars.area.$top")
	if [ "$got" != "$want" ]; then
		bad=1
		echo "#   $top: want $want, got $got"
	fi
done
ok $bad "social 2028: each committee's row as awk sums it"
state_is social pillars.areas "$(awk -F'\t' 'NR > 1 && $2 == ""' "$SRCDIR/share/demo/areas.tsv" | wc -l)"
# The lines counted (an income line is not: the split weighs expenses).
state_is social pillars.lines.-1 1
state_is social pillars.lines.-2 0
state_is social pillars.lines.0 1
state_is social pillars.lines.none $((n_expense - 4))
# The harmful lines, in the budget's order, with their three scores.
state_is social pillars.negative.count 3
state_is social pillars.negative.5.57.73.001 "+1|.|-2|Kørsel med dieselbusser"
state_is social pillars.negative.2.28.14.001 ".|+1|-1|Vejsalt belaster vandmiljøet"
state_is social pillars.negative.6.42.43.001 "-1|+2|.|Valg er dyre, men demokratiet skal have sit"
state_is social pillars.selected 5.57.73.001
if grep -q '^pillars.negative.0.25.11.002=' "$T/social.state"; then ok 1 "an income line is not in the harmful list"; else
	ok 0 "an income line is not in the harmful list"
fi
screen_same pillars-80x24
screen_same pillars-160x45
screen_has pillars-80x24 "3 lines assessed as harmful on a pillar"
screen_has pillars-160x45 "The whole budget on each pillar"
screen_has pillars-80x24 "Kontanthjælp" "the harmful list names the line"
# An empty cell is "–" everywhere: in the Total, Lines and Share rows as
# in the committees' rows (the social pillar has nothing at -2), never 0.
screen_has pillars-80x24 "Total                    –       350" "the Total row shows – for nothing, as the committees' rows do"
screen_has pillars-80x24 "Lines                    –         1" "the Lines row too"
screen_has pillars-80x24 "Share                    –     0,0 %" "and the Share row"
if grep -E '^(Total|Lines) .* 0( |$)' "$T/pillars-80x24.screen" "$T/pillars-160x45.screen" >/dev/null; then
	ok 1 "no 0 for an empty cell in the Total or Lines rows"
else ok 0 "no 0 for an empty cell in the Total or Lines rows"; fi
# The CLI agrees on the harmful lines.
run pillars "$db"
has "$OUT" "2.28.14.001" "the CLI lists the same harmful line"

# ---- a line assessed by its code: Tab completes the code ----
ui "$db" --screen pillars <<'EOF'
key a
type 2.28.12
key Tab
state code-completed
key Tab
type -2
key Tab Tab
type +1
key Tab
type Lys om natten: strøm og lysforurening
screen pillars-form
key F2
state assessed
screen pillars-assessed
EOF
is $RC 0 "a line assessed by its code"
state_is code-completed field.Line 2.28.12.001
state_is code-completed field.Line.warning "Vejbelysning; not assessed yet."
state_is assessed modal ""
state_is assessed message "Line 2.28.12.001 assessed: social -2, economic not assessed, environmental +1."
state_is assessed pillars.negative.count 4
state_is assessed pillars.negative.2.28.12.001 "-2|.|+1|Lys om natten: strøm og lysforurening"
state_is assessed pillars.selected 2.28.12.001
screen_same pillars-form
screen_same pillars-assessed
run line show "$db" 2.28.12.001
has "$OUT" "social -2, economic not assessed, environmental +1 (Lys om natten: strøm og lysforurening)" \
	"line show: the assessment made in the form"
run journal "$db" --line 2.28.12.001 --limit 1
has "$OUT" "tester" "the assessment is journalled with its actor"
# The split follows: the line's 2028 expense moved from none to -2.
cat >>"$T/assess.tsv" <<'EOF'
2.28.12.001	-2	.	1	Lys om natten: strøm og lysforurening
EOF
row_is assessed social 2028 "social 2028 after the form: the total row"

# A whole code fills the form in with the line's scores; the selected
# line's form is filled in too; a line no longer harmful leaves the list.
ui "$db" --screen pillars <<'EOF'
key a
type 6.42.43.001
state filled
key Esc y
key G e
state selected-form
key C-u
type 1
key F2
state not-harmful
EOF
is $RC 0 "the forms filled in"
state_is filled field.Social -1
state_is filled field.Economic +2
state_is filled field.Environmental ""
state_is filled field.Justification "Valg er dyre, men demokratiet skal have sit"
state_is selected-form form.title "Assess line 6.42.43.001: Valg"
state_is selected-form field.Line.readonly "The selected line; a assesses another line by its code."
state_is selected-form form.field Social
state_is not-harmful message "Line 6.42.43.001 assessed: social +1, economic +2, environmental not assessed."
state_is not-harmful pillars.negative.count 3
run line show "$db" 6.42.43.001
has "$OUT" "social +1, economic +2" "line show: the new social score"

# ---- bad input: refused at its field, nothing changed ----
"$BUDGETLAB" pillars "$db" --unit kr >"$T/pillars-before"
"$BUDGETLAB" journal "$db" >"$T/journal-before"
ui "$db" --screen pillars <<'EOF'
key e
key C-u
type 3
key Tab C-u
type x
key Tab C-u
type −3
key F2
state bad
screen pillars-form-bad
key Esc y
state bad-cancelled
key a
type 9.99.99.999
key Tab
state bad-code
key Esc y
key a
type 2.28.11.001
key Tab Tab Tab Tab
type Kun en begrundelse
key F2
state why-only
key Esc y
EOF
is $RC 0 "bad input in the forms"
state_is bad field.Social.error "'3' is not a score: give -2 to +2, or leave it empty (not assessed)."
state_is bad field.Economic.error "'x' is not a score: give -2 to +2, or leave it empty (not assessed)."
state_is bad field.Environmental.error "'−3' is not a score: give -2 to +2, or leave it empty (not assessed)."
state_is bad form.error "Nothing was saved: correct the fields marked in red."
state_is bad form.field Social
state_is bad-cancelled modal ""
state_is bad-cancelled message "Cancelled: no assessment was changed."
state_is bad-code field.Line.error "There is no budget line '9.99.99.999' (Tab completes a code)."
state_is why-only field.Justification.error \
	"Give a score on at least one pillar; to remove the assessment, empty the justification too."
state_is why-only form.error "Nothing was saved."
screen_same pillars-form-bad
"$BUDGETLAB" pillars "$db" --unit kr >"$T/pillars-after"
"$BUDGETLAB" journal "$db" >"$T/journal-after"
cmp -s "$T/pillars-before" "$T/pillars-after"
ok $? "bad input changed no assessment"
cmp -s "$T/journal-before" "$T/journal-after"
ok $? "and journalled nothing"

# ---- the line gone while the form is open ----
# By its code: the form's own check finds it gone, at the field.
run line add "$db" 2.28.99.001 --title "Midlertidig linje" --area TMU.01.01
is $RC 0 "a line without amounts"
ui "$db" --screen pillars <<EOF
key a
type 2.28.99.001
key Tab
type -1
exec "$BUDGETLAB" line delete "$db" 2.28.99.001 >/dev/null
key F2
state gone
key Esc y
state gone-cancelled
EOF
is $RC 0 "a line gone before the form was saved"
state_is gone modal form
state_is gone field.Line.error "There is no budget line '2.28.99.001' (Tab completes a code)."
state_is gone-cancelled message "Cancelled: no assessment was changed."
# The selected line (its code not in the form to check): the store
# refuses, the form says so and stays; nothing is written.  In a process
# still being set up, where a line with amounts can be deleted.
E="$T/setup.budgetlab"
run create "$E" "$SRCDIR/config/phases/danish-municipality.yaml"
run area add "$E" TMU --name "Teknik- og Miljøudvalget"
run line add "$E" 2.28.99.001 --title "Midlertidig linje" --area TMU --amount 2028=100.000
run assess "$E" 2.28.99.001 --environmental -2 --why "Kun til prøve"
is $RC 0 "a harmful line in a new process"
ui "$E" --screen pillars <<EOF
state setup
key e
key C-u
type 1
exec "$BUDGETLAB" line delete "$E" 2.28.99.001 >/dev/null
key F2
state refused
key Esc y
state refused-cancelled
EOF
is $RC 0 "the store refuses a line that has gone"
state_is setup pillars.negative.count 1
state_is setup pillars.total.none 10000000
state_is refused modal form
state_is refused form.error "Nothing was saved."
state_has refused "field.Line.error="
state_has refused-cancelled "message=Nothing was changed: "
state_is refused-cancelled pillars.negative.count 0
run pillars "$E"
hasnt "$OUT" "2.28.99.001" "nothing was assessed"

# ---- every score emptied: the assessment is removed ----
ui "$db" --screen pillars <<'EOF'
key a
type 0.25.13.302
key Tab C-u Tab C-u Tab C-u Tab C-u
key F2
state removed
EOF
state_is removed message "Line 0.25.13.302 is not assessed now."
run line show "$db" 0.25.13.302
hasnt "$OUT" "Pillars:" "line show: no assessment now"
done_testing
