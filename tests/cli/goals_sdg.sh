# Goals and the SDGs from the command line on the demo: SDG targets, an
# indicator with its baseline and target, follow-up measurements, and the
# bridge from goals to money, checked against sums computed here from the
# demo's own files.  Bad input changes nothing.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"
run demo "$db"
is $RC 0 "the demo is written"

run goal sdg "$db" 2 7.3 13.2 13.A
is $RC 0 "goal 2 serves three SDG targets"
has "$OUT" "serves SDG targets: 7.3, 13.2, 13.a" "  says which, in SDG order"
run goal sdg "$db" 2 13.2 7.3 13.a
has "$OUT" "(unchanged)" "the same targets again: unchanged"
run goal sdg "$db" 3 11.7
run goal sdg "$db" 3 11.2
has "$OUT" "11.2 (before: 11.7)" "a new list replaces the old, and says so"
unchanged "a target that does not exist" goal sdg "$db" 2 13.9
has "$ERR" "it has 13.1 to 13.3 and 13.a to 13.b" "  naming those goal 13 has"
unchanged "a target as some plans write it" goal sdg "$db" 2 11.7a
has "$ERR" "did you mean 11.a?" "  asking whether 11.a was meant"
unchanged "a target named twice" goal sdg "$db" 2 7.3 7.3
unchanged "a goal that does not exist" goal sdg "$db" 99 7.3
unchanged "a goal number that is no number" goal sdg "$db" x 7.3

run goals "$db"
has "$OUT" "SDG targets: 7.3, 13.2, 13.a" "goals lists the targets in SDG order"
run goal indicator "$db" 2 --indicator "CO2 fra kommunens bygninger" --unit "ton" \
	--baseline 4210 --baseline-year 2026 --target 2105 --target-year 2030
is $RC 0 "an indicator with its baseline and target"
unchanged "a baseline that is no number" goal indicator "$db" 2 --indicator X --baseline 1.5.2 \
	--baseline-year 2026
has "$ERR" "is not a number" "  saying it is not a number"
unchanged "a year out of range" goal indicator "$db" 2 --indicator X --baseline 1 --baseline-year 1800
unchanged "a target without its year" goal indicator "$db" 2 --indicator X --baseline 1 \
	--baseline-year 2026 --target 2
has "$ERR" "a target value goes with the year" "  saying what goes with it"
unchanged "a target year before the baseline" goal indicator "$db" 2 --indicator X --baseline 1 \
	--baseline-year 2026 --target 2 --target-year 2020
unchanged "a blank indicator" goal indicator "$db" 2 --indicator " " --baseline 1 --baseline-year 2026
unchanged "a measurement of a goal without an indicator" goal measure "$db" 3 2027-06-01 12
has "$ERR" "has no indicator" "  saying why"
run goal measure "$db" 2 2027-06-01 3980 --note "Energiregnskab 1. halvår"
is $RC 0 "a follow-up measurement"
run goal measure "$db" 2 2027-03-01 "4100,5"
is $RC 0 "a measurement with a decimal comma"
has "$OUT" "measured 4100.5 on 2027-03-01" "  kept with a point"
run goal measure "$db" 2 2025-06-01 4300
has "$OUT" "before the baseline year 2026" "a measurement before the baseline is noted"
unchanged "a measurement that is no number" goal measure "$db" 2 2027-07-01 mange
unchanged "a measurement on no date" goal measure "$db" 2 2027-02-30 12
run goal show "$db" 2
is $RC 0 "goal show"
has "$OUT" "13.a   Mobilize climate finance" "  the targets with their titles"
has "$OUT" "baseline 4210 (2026) -> target 2105 (2030) -> latest 3980 (2027-06-01)" \
	"  baseline, target and the latest measurement"
run journal "$db" --limit 40
has "$OUT" "goal 2 serves SDG target 13.a" "the journal says what was linked"
has "$OUT" "goal 2 measured 3980 on 2027-06-01" "  and measured"

# The bridge, per goal, against the demo's own lines and links.
run bridge "$db" --unit kr
is $RC 0 "the bridge"
awk -F'\t' 'FNR == 1 { next }
	FILENAME ~ /\/lines\.tsv$/ { if ($5 == "expense") for (y = 0; y < 4; y++) a[$1, y] = $(6 + y); next }
	{ g = $1; sub(/^G0*/, "", g); g += 0; n[g]++; for (y = 0; y < 4; y++) s[g, y] += a[$2, y] }
	END { for (g = 1; g <= 15; g++) printf "%d %d %.0f %.0f %.0f %.0f\n", g, n[g], s[g, 0], s[g, 1], s[g, 2], s[g, 3] }' \
	"$SRCDIR/share/demo/lines.tsv" "$SRCDIR/share/demo/goal_lines.tsv" >"$T/want"
grep -E '^[0-9]+\. ' "$OUT" | sed 's/\.//g' | awk '{ printf "%d %s %s %s %s %s\n", $1, $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF }' >"$T/got"
compare "$T/want" "$T/got" "money per goal and year, as computed here from the demo's files"
has "$OUT" "7 Bæredygtig energi" "the SDGs named, in the process's language"
has "$OUT" "Lines that serve no goal" "the lines that serve no goal"
run bridge "$db" --version final
is $RC 2 "an unknown version is a usage error"
echo "1..$_n"
[ "$_failed" = 0 ]
