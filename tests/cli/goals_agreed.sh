# Goals before economy on the demo: a goal's status (draft, discussed,
# agreed) and the gate every_area_has_agreed_goal; the process's own goals
# as gates (min_participants, participants_represent) on the demo's lab;
# and the SDG matrix in Asker's form, with its money checked against the
# bridge.  Bad input changes nothing.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"
run demo "$db" --lab
is $RC 0 "the demo, with its lab"

# ---- goals: draft, discussed, agreed ----
run goals "$db"
has "$OUT" "1. Et budget i balance i alle fire år  [ØU] (agreed)" "goals shows each goal's status"
has "$OUT" "(discussed)" "  some discussed"
has "$OUT" "(draft)" "  some drafts"
run status "$db"
has "$OUT" "FAIL every_area_has_agreed_goal(level: 1)" "the goals phase wants an agreed goal in every committee"
has "$OUT" "4 of 7 areas at level 1 have no agreed goal: BEU, KFU, PBU, SSU" "  naming those without"
for g in 7 9 14; do
	run goal status "$db" "$g" agreed
	is $RC 0 "goal $g agreed"
done
run goal show "$db" 7
has "$OUT" "Status: agreed" "goal show shows the status"
run status "$db"
has "$OUT" "1 of 7 areas at level 1 have no agreed goal: PBU" "  only PBU is left, which has no goal"
run goal add "$db" --title "Flere boliger til unge" --area PBU
run goal status "$db" 16 drøftet
is $RC 0 "the Danish word for discussed"
run status "$db"
has "$OUT" "1 of 7 areas at level 1 have no agreed goal: PBU" "  a discussed goal is not agreed"
run goal status "$db" 16 vedtaget
run status "$db"
has "$OUT" "pass every_area_has_agreed_goal(level: 1)" "  an agreed one is: the gate passes"
n0=$(jcount)
run goal status "$db" 16 agreed
[ "$(jcount)" = "$n0" ]
ok $? "the same status again journals nothing"
run journal "$db" --limit 5
has "$OUT" 'status "discussed" → "agreed"' "the journal says how the status changed"
unchanged "an unknown status" goal status "$db" 16 maybe
has "$ERR" "expected draft, discussed or agreed" "  saying what is expected"
unchanged "a goal that does not exist" goal status "$db" 99 agreed
unchanged "a goal that is no number" goal status "$db" en agreed
unchanged "a missing status" goal status "$db" 16

# ---- the process's own goals ----
# The demo lab's participants (from cli/demo_lab.c) against the labs:
# section's targets.
np=$(sqlite3 "$db" "SELECT count(*) FROM participant")
run advance "$db" --override "test"
has "$OUT" "[labs]" "into the labs phase"
run status "$db"
has "$OUT" "FAIL min_participants(count: 30)" "broad involvement is a gate"
has "$OUT" "$np participants have signed in to the labs" "  counting the $np participants"
has "$OUT" "FAIL participants_represent" "representation is a gate"
has "$OUT" "under-represented: Bydel / område Syd" "  naming the group"
# Syd and Landdistrikterne are short (4 and 2 of 24); eleven more from
# Syd, Landdistrikterne and Nord make every district's share at least 80 %
# of its target (9, 6 and 8 of 35; Midtbyen 12).
for d in syd syd syd syd syd landdistrikter landdistrikter landdistrikter landdistrikter nord nord; do
	run participant add "$db" 1 --session 1 "bydel=$d"
done
run status "$db"
np2=$(sqlite3 "$db" "SELECT count(*) FROM participant")
has "$OUT" "pass min_participants(count: 30)" "  $np2 participants: enough"
has "$OUT" "pass participants_represent" "  and no group is under-represented now"

# ---- the SDG matrix ----
run sdg matrix "$db"
is $RC 0 "the SDG matrix"
has "$OUT" "13. Klimaindsats" "  the chosen SDGs, named in Danish"
has "$OUT" "Local significance: Egekær ligger lavt ved fjorden" "  their local significance"
has "$OUT" "13.1 Resilience and adaptation to climate hazards" "  the targets the goals name"
has "$OUT" "12. Ingen boliger oversvømmes ved skybrud" "  the goals serving it"
hasnt "$OUT" "3. Sundhed og trivsel" "an SDG not chosen is not in the matrix"
# The money of SDG 13 as the bridge counts it.
run bridge "$db" --unit t
b13=$(grep -E '^ *13 ' "$OUT" | head -1 | awk '{ print $(NF-3), $(NF-2), $(NF-1), $NF }')
run sdg matrix "$db"
m13=$(awk '/^13\./ { on = 1 } on && /Expenses/ { print $5, $7, $9, $11; exit }' "$OUT")
is "$m13" "$b13" "SDG 13's money per year is the bridge's: $b13"
run sdg choose "$db" 3 --significance "Sundhed i alle aldre"
is $RC 0 "choose another SDG"
run sdg choose "$db" 3 --opportunities "Idrætsforeningerne"
run sdg matrix "$db" --markdown
has "$OUT" "## 3. Sundhed og trivsel" "the matrix as Markdown, with the new one"
has "$OUT" "**Local significance:** Sundhed i alle aldre" "  a second choose keeps what it does not give"
has "$OUT" "**Opportunities:** Idrætsforeningerne" "  and adds what it gives"
has "$OUT" "| Expenses (1.000 kr.) |" "  the money as a table"
run sdg drop "$db" 3
is $RC 0 "drop it again"
unchanged "dropping one not chosen" sdg drop "$db" 3
unchanged "SDG 18" sdg choose "$db" 18
unchanged "SDG 0" sdg choose "$db" 0
unchanged "an SDG that is no number" sdg choose "$db" klima
unchanged "an unknown option" sdg choose "$db" 5 --colour red
unchanged "a text with a control character" sdg choose "$db" 5 --significance "$(printf 'a\033b')"
unchanged "an unknown subcommand" sdg pick "$db" 5
unchanged "a matrix of an unknown version" sdg matrix "$db" --version draft
for c in "sdg" "sdg choose" "sdg drop" "sdg matrix"; do
	# shellcheck disable=SC2086
	run $c --help
	is $RC 0 "$c --help"
done

done_testing
