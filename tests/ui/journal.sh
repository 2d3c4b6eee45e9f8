# The journal screen (4): every change newest first, amounts in words in
# the process language and the chosen unit (not øre), paging, the line
# filter (an unknown line refused, Esc clears it), another terminal's
# entries, a damaged record; and `budgetlab journal` saying the same.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/demo.budgetlab"
demo_db "$db"
bl() { "$BUDGETLAB" "$@" >/dev/null; }
# Amounts are locked in the demo's phase: move on (with a reason) first.
bl advance "$db" --override "Goals agreed at the lab on 18 January"
bl line set "$db" 5.57.73.002 --amount 2029=415.500.000
bl line set "$db" 5.57.73.002 --amount 2029=416.000.000 --actor "Økonomichef"
bl line set "$db" 5.57.73.002 --title "Uddannelseshjælp (unge)"
bl line set "$db" 5.57.73.002 --amount 2030=37.869.000,50
total=$("$BUDGETLAB" journal "$db" | grep -cE '^ *[0-9]+  [0-9]{4}-')

# ---- the list ----
ui "$db" --unit kr <<'EOF'
key 4
screen journal-80x24
state first
EOF
is $RC 0 "the journal screen opens"
screen_same journal-80x24
state_is first screen journal
state_is first journal.total "$total"
state_is first journal.selected 1
state_is first journal.page 14
screen_has journal-80x24 "Every change, newest first · amounts in kr." "the heading names the unit"
screen_has journal-80x24 "2027-01-20 09:00 Økonomic… amount changed 5.57.73.002 amount 2029: 415.500.00…" "a row: when, who, what, key, summary"
screen_has journal-80x24 "amount 2030: 37.869.000 → 37.869.000,50 kr." "the selected entry in full, to the øre"
hasnt "$T/journal-80x24.screen" "3786900050" "no raw øre on the screen"

ui "$db" --unit kr <<'EOF'
key 4 Down Down
state third
screen journal-third
EOF
state_is third journal.summary "amount 2029: 415.500.000 → 416.000.000 kr."
screen_has journal-third "amount 2029: 415.500.000 → 416.000.000 kr." "the example from the brief, in full below the list"
screen_has journal-third "· Økonomichef · amount update · 5.57.73.002" "with who and what"

ui "$db" --unit kr --size 160x45 <<'EOF'
key 4
screen journal-160x45
EOF
screen_same journal-160x45
screen_has journal-160x45 "amount changed  5.57.73.002    amount 2029: 415.500.000 → 416.000.000 kr." "160 columns: the summary whole in its row"
screen_has journal-160x45 'entered "Borgerlabs" (labs) from goals; gates overridden: "Goals agreed at the lab' "an override in words"

# ---- paging ----
ui "$db" <<'EOF'
key 4
key Down Down Down
state down3
key PgDn
state pgdn
key PgUp
state pgup
key End
state end
screen journal-end
key Up
state up
key Home
state home
key k
state still
EOF
state_is down3 journal.selected 4
state_is pgdn journal.selected 17
state_is pgdn journal.top 14
state_is pgup journal.selected 4
state_is end journal.selected "$total"
state_is end journal.top "$((total - 13))"
screen_same journal-end
screen_has journal-end 'process created: Egekær Kommune, "Budget 2028–2031", years 2028–2031' "the oldest entry last, in full below"
state_has end 'journal.summary=process created: Egekær Kommune, "Budget 2028–2031", years 2028–2031'
screen_has journal-end "bulk load      demo/lines… loaded" "the bulk load, its source cut in its column"
state_is up journal.selected "$((total - 1))"
state_is home journal.selected 1
state_is home journal.top 1
state_is still journal.selected 1

# ---- the filter ----
ui "$db" --unit mio <<'EOF'
key 4
key /
state prompt
type 5.57.73.002
key Enter
state filtered
screen journal-filter
key Down Down
state third
key Esc
state cleared
key Esc
state back
EOF
state_is prompt modal prompt
state_is prompt prompt.label "Changes to line (code; empty: all changes): "
state_is filtered journal.filter 5.57.73.002
state_is filtered journal.total 4
state_is filtered message "Showing the changes to line 5.57.73.002 (4)."
screen_same journal-filter
screen_has journal-filter "Changes to line 5.57.73.002 (Esc: all changes) · amounts in mio. kr." "the heading names the filter"
state_is third journal.summary "amount 2029: 415,5 → 416,0 mio. kr."
screen_has journal-filter "amount 2030: 37.869.000 → 37.869.000,50 kr." "a change that mio. kr. would hide is shown in kr."
state_is cleared journal.filter ""
state_is cleared journal.total "$total"
state_is cleared screen journal
state_is back screen process

ui "$db" <<'EOF'
key 4 /
type NOPE
key Enter
state nope
key Esc
state esc
key / C-u Enter
state empty
key /
type 0.32.31.002
key Enter
state loaded
screen journal-loaded
EOF
state_is nope prompt.error "There is no budget line 'NOPE', and the journal has nothing about one."
state_is esc modal ""
state_is esc journal.filter ""
state_is empty journal.filter ""
state_is empty journal.total "$total"
state_is loaded journal.filter 0.32.31.002
state_is loaded journal.total 0
screen_has journal-loaded "No changes to line 0.32.31.002 since it was loaded" "a bulk-loaded line: why it has none"

# ---- another terminal's entries ----
ui "$db" <<EOF
key 4 Down Down
state mine
exec "$BUDGETLAB" tick "$db" 1 >/dev/null
wait-change 3000
state theirs
key Home
state top
EOF
id=$(grep '^journal.selected_id=' "$T/mine.state")
state_is theirs journal.total "$((total + 1))"
state_is theirs journal.selected 4
is "$(grep '^journal.selected_id=' "$T/theirs.state")" "$id" "the selection stays on its entry when new ones arrive"
state_is top journal.summary "ticked item 1 of labs"

# ---- without colours ----
NO_COLOR=1 ui "$db" <<'EOF'
key 4 End
state nocolor
EOF
is $RC 0 "the journal screen with NO_COLOR"
state_is nocolor theme mono
ui "$db" --theme mono <<'EOF'
key 4 PgDn
state mono
EOF
is $RC 0 "and with --theme mono"
state_is mono journal.selected 14

# ---- the command line says the same ----
run journal "$db" --line 5.57.73.002 --unit t
is $RC 0 "journal --line"
has "$OUT" "amount 2029: 415.500 → 416.000 (1.000 kr.)" "the summary in 1.000 kr."
has "$OUT" '"amount":41600000000' "and the record as stored"
has "$OUT" 'title "Uddannelseshjælp" → "Uddannelseshjælp (unge)"' "a title change"
run journal "$db" --line NOPE
is $RC 1 "journal --line with an unknown line fails"
has "$ERR" "there is no budget line 'NOPE'" "and says so"
run journal "$db" --line 0.32.31.002
is $RC 0 "a line with no changes is not an error"
has "$OUT" "No changes to line 0.32.31.002 since it was loaded." "and says why there are none"
run journal "$db" --unit furlongs
is $RC 2 "a bad --unit is a usage error"

# ---- a damaged record: shown, never crashed on ----
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "INSERT INTO journal (at, actor, entity, key, action, before, after) VALUES
		('yesterday', 'x' || char(27) || '[2J', 'amount', '5.57.73.002', 'update',
		 '{\"amount\":1.5}', '{\"amount\":\"lots\"}')"
	ui "$db" <<'EOF'
key 4
state damaged
screen journal-damaged
EOF
	is $RC 0 "the journal screen shows a damaged record"
	state_has damaged "journal.summary=the record cannot be read (before: at byte 12: a number that is not whole"
	screen_has journal-damaged "yesterday        x\\x1b[2J" "its time and actor as they are, the escape shown, not sent"
	run journal "$db" --limit 1
	is $RC 0 "budgetlab journal too"
	has "$OUT" "yesterday  x\\x1b[2J" "the escape is shown, not sent"
	has "$OUT" "the record cannot be read (before: at byte 12" "with the same fallback"
else
	for i in 1 2 3 4 5 6; do ok 0 "# SKIP sqlite3 is not installed"; done
fi
done_testing
