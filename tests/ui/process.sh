# The process screen (1, the start screen): the demo at 80x24 and
# 160x45, ticking the checklist (journalled), advancing past a failing
# gate (Esc changes nothing, a blank reason is refused, a reason is
# journalled with the failed gates), a passing advance after a question,
# the setting-up state, the last phase, scrolling, a resize to a too
# small terminal and back, another terminal's changes, and NO_COLOR and
# --theme mono.
. "$SRCDIR/tests/ui/lib.sh"
DA="$SRCDIR/config/phases/danish-municipality.yaml"
db="$T/demo.budgetlab"
demo_db "$db"
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }

# ---- the demo, as it opens ----
ui "$db" <<'EOF'
screen process-80x24
state start
key q
EOF
is $RC 0 "budgetlab opens on the process screen, and q quits it"
screen_same process-80x24
state_is start screen process
state_is start process.phase goals
state_is start process.next labs
state_is start process.layout strip
state_is start process.items 4
state_is start process.selected 1
state_is start process.ticked 2
state_is start process.gates FAIL,FAIL
screen_has process-80x24 "▶ Phase 1 of 10: Mål før økonomi  2026-11-02 – 2027-02-26, began 2027-01-20" "the current phase with its window and when it began"
screen_has process-80x24 "▶1 ○2 ○3 ○4 ○5 ○6 ○7 ○8 ○9 ○10   gates: 0 of 2 pass" "the phases as a strip, with the gates' count"
screen_has process-80x24 "[x] 2. Målene er koblet til verdensmålene" "the ticked item is marked"
screen_has process-80x24 "✗ FAIL  every_area_has_agreed_goal(level: 1)" "a failing gate is marked"
screen_has process-80x24 "4 of 7 areas at level 1 have no agreed goal: BEU, KFU, PBU, SSU" "with the reason"

ui "$db" --size 160x45 <<'EOF'
screen process-160x45
state wide
EOF
screen_same process-160x45
state_is wide process.layout wide
screen_has process-160x45 "▶  1. Mål før økonomi" "160 columns: the timeline in its own column"
screen_has process-160x45 "○ 10. Opfølgning" "with every phase"
screen_has process-160x45 "• amounts: amounts may not change in this phase" "the lock is explained"
screen_has process-160x45 "Guidance: Mål før økonomi" "and the guidance is there too"

# Everything below the strip scrolls: the end of it is the timeline.
ui "$db" <<'EOF'
key PgDn
state pg1
key End
screen process-end
state end
key Home
state home
EOF
state_is pg1 process.selected 1
state_is end process.selected 4
screen_same process-end
screen_has process-end "○ 10. Opfølgning · 2028-07-03 – 2028-12-31" "at the end: the timeline in full"
state_is home process.top 0

# ---- the checklist ----
n0=$(jcount "$db")
ui "$db" <<'EOF'
key Down Down
state item3
key Space
screen process-ticked
state ticked
key 4
state journal
screen journal-after-tick
key 1 Up
key x
state unticked
key Up x
state again
EOF
state_is item3 process.selected 3
state_is ticked process.ticked 2,3
state_has ticked "message=Ticked (2 of 4 done): 3. Målene er drøftet på tværs af udvalgene"
screen_same process-ticked
screen_has process-ticked "Checklist: 2 of 4 done" "the count follows"
state_is journal screen journal
screen_has journal-after-tick "item ticked    goals       ticked item 3 of goals" "the journal screen shows the tick"
state_is unticked process.ticked 3
state_is unticked process.selected 2
state_is again process.ticked 1,3
is "$(jcount "$db")" "$((n0 + 3))" "each tick and untick is one journal entry"
run journal "$db" --limit 3
has "$OUT" "ticked item 1 of goals" "budgetlab journal shows the tick"
has "$OUT" "unticked item 2 of goals" "and the untick"
# Back to the demo's checklist for what follows.
"$BUDGETLAB" tick "$db" 2 >/dev/null
"$BUDGETLAB" tick "$db" 1 --undo >/dev/null
"$BUDGETLAB" tick "$db" 3 --undo >/dev/null

# ---- advancing past failing gates ----
before=$(sum "$db")
ui "$db" <<'EOF'
key A
state asking
screen process-override
resize 40 10
state asking-small
resize 80 24
screen process-override-resized
key Esc
state esc
EOF
state_is asking modal prompt
state_is asking process.asking yes
state_has asking "prompt.label=2 gates fail; reason to move on anyway: "
screen_same process-override
screen_has process-override "2 of 2 gates fail" "the failing gates are shown over the screen"
screen_has process-override "Esc: stay in Mål før økonomi." "with the way out"
state_is asking-small too_small yes
state_is asking-small modal prompt
cmp -s "$T/process-override.screen" "$T/process-override-resized.screen"
ok $? "a resize while the reason is asked for re-lays it as it was"
state_is esc process.phase goals
state_is esc modal ""
state_is esc message "Nothing changed: the process stays in Mål før økonomi."
is "$(sum "$db")" "$before" "Esc leaves the database as it was"

ui "$db" <<'EOF'
key A
key Enter
state blank
key Space Space Space Enter
state spaces
key Esc
EOF
state_is blank modal prompt
state_is blank prompt.error "Moving past failing gates needs a reason (Esc: stay in this phase)."
state_is spaces prompt.error "Moving past failing gates needs a reason (Esc: stay in this phase)."
state_is spaces phase goals
is "$(sum "$db")" "$before" "a blank reason is refused and changes nothing"

ui "$db" <<'EOF'
key A
type Agreed at the council meeting on 12 January
key Enter
state moved
screen process-overridden
EOF
state_is moved phase labs
state_is moved process.phase labs
state_is moved process.items 5
state_is moved process.selected 1
state_is moved message "Now in 2. Borgerlabs (gates overridden; the reason is journalled)."
screen_same process-overridden
screen_has process-overridden "✓1! ▶2" "the phase left by an override is marked in the strip"
run journal "$db" --limit 1
has "$OUT" "Agreed at the council meeting on 12 January" "budgetlab journal keeps the reason"
has "$OUT" "every_area_has_agreed_goal(level: 1): 4 of 7 areas at level 1 have no" "and the failed gates, as advance writes them"
has "$OUT" "tester" "and who"
run phase "$db"
tr -s ' \n' '  ' <"$OUT" >"$T/flat"
has "$T/flat" "overridden: Agreed at the council meeting on 12 January" "budgetlab phase agrees"

ui "$db" --size 160x45 <<'EOF'
screen process-160x45-labs
EOF
screen_same process-160x45-labs
screen_has process-160x45-labs "! left with gates overridden: “Agreed at" "the override is shown on the phase that was left"

# ---- a passing advance, after a question ----
# The labs phase's gates on the process's own goals: thirty participants
# whose districts are near the population's (each at least 80 % of its
# target share).
"$BUDGETLAB" lab add "$db" --theme "Trafik" --pool 100.000 --ballot godkendelse >/dev/null
for d in midtbyen midtbyen midtbyen midtbyen midtbyen midtbyen midtbyen midtbyen midtbyen midtbyen \
	nord nord nord nord nord nord nord syd syd syd syd syd syd syd syd \
	landdistrikter landdistrikter landdistrikter landdistrikter landdistrikter; do
	"$BUDGETLAB" participant add "$db" 1 "bydel=$d" >/dev/null
done
ui "$db" <<'EOF'
key Space Down Space Down Space Down Space Down Space
state done
key A
state question
key n
state no
key A y
state yes
EOF
state_is done process.ticked 1,2,3,4,5
state_is done process.gates PASS,PASS,PASS
state_is question modal question
state_is question question "Every gate passes. Move on to 3. Administrationens budgetforslag?"
state_is no process.phase labs
state_is no message "Nothing changed: the process stays in Borgerlabs."
state_is yes process.phase proposal
state_is yes message "Now in phase 3 of 10: Administrationens budgetforslag."
run journal "$db" --limit 1
has "$OUT" 'entered "Administrationens budgetforslag" (proposal) from labs' "the advance is journalled"
hasnt "$OUT" "overridden" "without an override"

# ---- resizing ----
ui "$db" <<'EOF'
key PgDn
state before
resize 40 10
screen process-too-small
state small
key Down
resize 80 24
state after
screen process-after-resize
EOF
is $RC 0 "a resize to 40x10 and back"
state_is small too_small yes
screen_has process-too-small "Terminal too small: 40×10." "the too-small screen"
state_is after too_small no
state_is after size 80x24
top_before=$(grep '^process.top=' "$T/before.state")
top_after=$(grep '^process.top=' "$T/after.state")
is "$top_after" "$top_before" "the scroll position survives (keys do nothing while too small)"
ui "$db" <<'EOF'
key PgDn
screen process-pgdn
EOF
cmp -s "$T/process-pgdn.screen" "$T/process-after-resize.screen"
ok $? "back at 80x24 the screen is as before the resize"


# ---- another terminal ----
ui "$db" <<EOF
state mine
exec "$BUDGETLAB" tick "$db" 1 >/dev/null
wait-change 3000
state theirs
EOF
state_is mine process.ticked ""
state_is theirs process.ticked 1

# ---- setting up, and the last phase ----
new="$T/new.budgetlab"
"$BUDGETLAB" create "$new" "$DA" >/dev/null
ui "$new" <<'EOF'
screen process-setup
state setup
key Space
state tick
key A
state question
key y
state started
EOF
screen_same process-setup
state_is setup process.phase setup
state_is setup process.next goals
state_is setup process.gates ""
screen_has process-setup "Setting up: the process has not started; A starts 1. Mål før økonomi" "setting up is said"
state_is tick message "The process has not started, so there is no checklist yet; A starts it."
state_is question question "Start the process with 1. Mål før økonomi?"
state_is started process.phase goals

# The first reading freezes the proposal, which must have amounts: they
# are typed in the proposal phase (goals locks amounts, labs lines).
"$BUDGETLAB" advance "$new" --override "test" >/dev/null 2>&1
"$BUDGETLAB" advance "$new" --override "test" >/dev/null 2>&1
"$BUDGETLAB" area add "$new" BSU --name "Børne- og Skoleudvalget" >/dev/null
"$BUDGETLAB" line add "$new" 3.22.01 --title Folkeskoler --area BSU --amount 2028=1.000 >/dev/null
while "$BUDGETLAB" advance "$new" --override "test" >/dev/null 2>&1; do :; done
ui "$new" <<'EOF'
state last
key A
state nonext
screen process-last
EOF
state_is last process.phase follow_up
state_is last process.next none
state_is nonext message "Opfølgning is the last phase: there is no next phase."
screen_has process-last "This is the last phase: there is no next phase." "the last phase says so"

# ---- without colours ----
NO_COLOR=1 ui "$db" <<'EOF'
state nocolor
screen process-nocolor
EOF
is $RC 0 "NO_COLOR runs"
state_is nocolor theme mono
ui "$db" --theme mono <<'EOF'
state mono
screen process-mono
key A
key Esc
EOF
is $RC 0 "--theme mono runs"
state_is mono theme mono
cmp -s "$T/process-nocolor.screen" "$T/process-mono.screen"
ok $? "the same text with NO_COLOR and --theme mono"
done_testing
