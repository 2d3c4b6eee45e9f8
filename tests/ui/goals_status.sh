# The goals screen for a goals workshop: each goal's status (draft,
# discussed, agreed) and how many committees have an agreed goal; s sets
# the status in a small form, agreeing after a question, journalled, and
# refused under the goals lock; b the bridge from goals to money; S the
# SDG matrix; the projector's goal view with its status and targets.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/demo.budgetlab"
demo_db "$db"
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }

# ---- statuses in the list ----
ui "$db" <<'EOF'
key 3
state list
screen goals-status-list
EOF
is $RC 0 "the goals screen opens"
state_is list goals.statuses "9:discussed,10:draft,4:agreed,5:draft,6:draft,14:discussed,15:draft,7:discussed,8:draft,13:agreed,11:draft,12:draft,1:agreed,3:discussed,2:discussed"
state_is list goals.selected_status discussed
state_is list goals.agreed 3
state_is list goals.discussed 5
state_is list goals.draft 7
state_is list goals.committees 7
state_is list goals.committees_agreed 3
state_is list goals.view list
screen_has goals-status-list "3 of 7 committees have an agreed goal" "the list says how many committees have an agreed goal"
screen_has goals-status-list " Status     Lines" "a status column"
screen_has goals-status-list "BEU Beskæftigelse…  discussed      4" "each goal's status, aligned after an area with æ"
# æ, ø, å take one column each: the status column starts in the same
# column on every goal row.
cols() { grep -E '^ +[0-9]+  [▸▾ ] ' "$1" | while IFS= read -r l; do printf '%s\n' "$l" | sed -E 's/(draft|discussed|agreed) .*//' | tr -d '\n' | wc -m; done | sort -u; }
is "$(cols "$T/goals-status-list.screen")" 63 "the statuses line up"

# ---- set a status: agreeing asks first ----
j0=$(jcount "$db")
ui "$db" <<'EOF'
key 3
key s
state form
screen goals-status-form
key Enter
state question
key x
state stray
screen goals-question-stray
key n
state kept
key s
key Esc
state esc
EOF
is $RC 0 "set a status"
state_is form modal form
state_is form form.title "Status of goal 9 (now discussed)"
state_is form field.Status agreed
screen_same goals-status-form
state_is question modal question
state_has question 'question=Record goal 9 "Flere i job eller uddannelse" as agreed?'
# A stray key while the question is open says so, whole in 80 columns.
state_is stray modal question
state_is stray question.hint "The question is still open: y for yes, n or Esc for no (that key was ignored)."
screen_has goals-question-stray "The question is still open: y for yes, n or Esc for no (that key was ignored)." "the stray-key hint fits 80 columns"
state_is kept message "Nothing changed: goal 9 is still discussed."
state_is kept goals.selected_status discussed
state_is esc message "Cancelled: goal 9 is still discussed."
is "$(jcount "$db")" "$j0" "n and Esc write nothing"
ui "$db" <<'EOF'
key 3
key s
key Enter
key y
state agreed
EOF
state_is agreed message "Goal 9 is now agreed; 4 of 7 committees have an agreed goal."
state_is agreed goals.selected_status agreed
state_is agreed goals.committees_agreed 4
state_is agreed goals.agreed 4
is "$(jcount "$db")" "$((j0 + 1))" "y writes one journal entry"
run journal "$db" --limit 1
has "$OUT" "goal      update  9" "the journal has the change of goal 9"
has "$OUT" 'status "discussed" → "agreed"' "with the status before and after"
run goals "$db"
has "$OUT" "9. Flere i job eller uddannelse  [BEU] (agreed)" "'budgetlab goals' says goal 9 is agreed"

# A draft goal moves on to discussed without a question; a digit
# chooses (1 draft, 2 discussed, 3 agreed: draft and discussed share a
# first letter, so letters do not choose, and say so); Space changes it;
# the same status again writes nothing; an agreed goal goes back only
# after a question.
ui "$db" <<'EOF'
key 3
key Down
state ten
key s
state tenform
screen goals-status-numbers
key Enter
state discussed
key s
key 1
state digit
key d
state letter
key x
state letter2
key 3
state three
key Space
state space
key 2
key Enter
state same
key Up
key s
key 2
key Enter
state back
key y
state wasback
EOF
state_is ten goals.selected "10: Flygtninge og indvandrere kommer i arbejde"
state_is tenform field.Status discussed
state_is tenform form.hint "1 draft  2 discussed  3 agreed  Space/←→ change  Enter save  Esc cancel"
screen_has goals-status-numbers "1 draft  2 discussed  3 agreed" "the form's hint row names the digits"
state_is discussed modal ""
state_is discussed message "Goal 10 is now discussed; 4 of 7 committees have an agreed goal."
state_is digit field.Status draft
state_is letter field.Status draft
state_is letter form.error "The key d does nothing here: 1–3 choose, Space changes."
state_is letter2 form.error "The key x does nothing here: 1–3 choose, Space changes."
state_is three field.Status agreed
state_is three form.error ""
state_is space field.Status draft
state_is same message "Goal 10 is already discussed; nothing changed."
state_has back 'question=Goal 9 "Flere i job eller uddannelse" is agreed. Set it back to discussed?'
state_is wasback message "Goal 9 is now discussed; 3 of 7 committees have an agreed goal."
state_is wasback goals.committees_agreed 3
run journal "$db" --limit 2
has "$OUT" 'status "agreed" → "discussed"' "setting it back is journalled"
has "$OUT" 'status "draft" → "discussed"' "and so is moving a draft on"

# ---- refused under the goals lock ----
# The Danish cycle locks no goals, so this process does, in its second phase.
cat >"$T/lock.yaml" <<'EOF'
budgetlab: 1
process:
  municipality: Låsby Kommune
  title: Budget 2028–2031
  language: da
  currency: DKK
  budget_year: 2028
phases:
  - id: goals
    title: Mål før økonomi
    locks: [amounts]
  - id: hearing
    title: Høring
    locks: [goals, amounts]
EOF
ldb="$T/lock.budgetlab"
run create "$ldb" "$T/lock.yaml"
run area add "$ldb" BSU --name "Børne- og Skoleudvalget"
run area add "$ldb" SSU --name "Social- og Sundhedsudvalget"
run goal add "$ldb" --title "Flere børn i trivsel" --area BSU
run advance "$ldb"
is $RC 0 "a process in a phase that does not lock goals"
j0=$(jcount "$ldb")
# The lock arrives from another terminal while the form is open: the
# store refuses, the message says so, nothing changes.
ui "$ldb" <<EOF
key 3
state unlocked
key s
exec "$BUDGETLAB" advance "$ldb" --override "Høringen begynder" >/dev/null
key Enter
state refused
key s
state again
EOF
is $RC 0 "the lock"
state_is unlocked goals.committees 2
state_is unlocked goals.committees_agreed 0
state_is unlocked goals.selected_status draft
state_is refused modal ""
state_has refused "message=Nothing changed: "
state_has refused "goals are locked"
state_is refused goals.selected_status draft
state_is again message "Locked: goals may not be added, edited or linked in this phase ('Høring')."
state_is again modal ""
run goals "$ldb"
has "$OUT" "(draft)" "the goal is still a draft"
is "$(jcount "$ldb")" "$((j0 + 1))" "only the advance was journalled"

# ---- the bridge ----
"$BUDGETLAB" goal add "$db" --title "Et mål uden linjer endnu" --area SSU >/dev/null
ui "$db" <<'EOF'
key 3
key b
state bridge
screen goals-bridge-80x24
key End
state bridgeend
screen goals-bridge-end
key s
state bridgekey
screen goals-bridge-key
key b
state back
key b
key Esc
state esc
resize 160 45
key b
screen goals-bridge-160x45
key u
screen goals-bridge-mio
EOF
is $RC 0 "the bridge"
state_is bridge goals.view bridge
state_is bridge goals.bridge.unserved_lines 285
state_is bridge goals.bridge.unserved 374975000000
state_is bridge goals.bridge.all_lines 336
state_is bridge goals.bridge.goals_without_lines 16
state_is bridge goals.bridge.sdgs "3:15,4:11,7:4,8:9,10:6,11:11,13:7,15:3,16:9"
screen_same goals-bridge-80x24
screen_has goals-bridge-80x24 "expenses · proposal · 1.000 kr." "the heading names version and unit"
screen_has goals-bridge-80x24 "  9. Flere i job eller udda…      4    226.800    227.423    227.180    227.469" "a goal's money in every year at 80 columns"
screen_same goals-bridge-end
screen_has goals-bridge-end " Lines that serve no goal       285  3.749.750  3.823.245  3.875.254  3.778.956" "the lines that serve no goal, count and money"
screen_has goals-bridge-end "16. Et mål uden linjer endnu (draft)" "the goals no line serves"
state_is bridgekey message "This is the bridge: b or Esc goes back to the goals list first."
state_is bridgekey modal ""
screen_has goals-bridge-key "This is the bridge: b or Esc goes back to the goals list first." "the list key's message fits 80 columns"
# The status bar shows the bridge's own keys, not the list's.
footer=$(tail -n 1 "$T/goals-bridge-80x24.screen")
is "$footer" "b/Esc back  j/k scroll  PgUp/PgDn page  u unit  S SDGs  ? help" "the bridge's footer: its own keys"
case $footer in *lines*|*status*|*add*) ok 1 "no list keys in the bridge's footer" ;; *) ok 0 "no list keys in the bridge's footer" ;; esac
state_is back goals.view list
state_is esc goals.view list
state_is esc screen goals
screen_same goals-bridge-160x45
screen_has goals-bridge-160x45 "Status     Lines       2028       2029       2030       2031" "at 160 columns the status too"
screen_has goals-bridge-mio " 3. Sundhed og trivsel" "per SDG"
screen_has goals-bridge-mio "485,6" "u shows millions"
run bridge "$db"
has "$OUT" "Lines that serve no goal                     285       3.749.750       3.823.245       3.875.254       3.778.956" "the same money as 'budgetlab bridge'"

# ---- the SDG matrix ----
ui "$db" <<'EOF'
key 3
key S
state sdg
screen goals-sdg-80x24
key a
state sdgkey
screen goals-sdg-key
key PgDn
state pgdn
key End
state sdgend
screen goals-sdg-end
key Home
state home
resize 160 45
screen goals-sdg-160x45
state wide
key S
state back
EOF
is $RC 0 "the SDG matrix"
state_is sdg goals.view sdg
state_is sdg goals.sdg.chosen 4,7,13,16
state_is sdg goals.view_top 0
footer=$(tail -n 1 "$T/goals-sdg-80x24.screen")
is "$footer" "S/Esc back  j/k scroll  PgUp/PgDn page  u unit  b bridge  ? help" "the SDG matrix's footer: its own keys"
state_is sdgkey message "This is the SDG matrix: S or Esc goes back to the goals list first."
state_is sdgkey goals.view sdg
screen_has goals-sdg-key "This is the SDG matrix: S or Esc goes back to the goals list first." "the SDG matrix's message fits 80 columns"
screen_same goals-sdg-80x24
screen_has goals-sdg-80x24 " 4. Kvalitetsuddannelse" "the SDG's name in the process language"
screen_has goals-sdg-80x24 "   Local significance: Skolerne og dagtilbuddene" "its local significance"
screen_has goals-sdg-80x24 "Targets: 4.1 Free primary and secondary education for all" "the targets its goals name"
screen_has goals-sdg-80x24 "     4. Flere børn i trivsel (agreed)" "its goals with their status"
state_is pgdn goals.view_top 18
screen_same goals-sdg-end
screen_has goals-sdg-end "Expenses (9 lines): 2028 33.600 · 2029 27.400 · 2030 20.800 · 2031 20.800" "money per year, a year with its amount"
screen_has goals-sdg-end "Challenges: De samme stemmer bliver hørt" "challenges"
state_is home goals.view_top 0
screen_same goals-sdg-160x45
screen_has goals-sdg-160x45 "   Opportunities: Borgerlabs og borgerråd" "opportunities"
state_is back goals.view list
run sdg matrix "$db"
has "$OUT" "    4. Flere børn i trivsel (agreed)" "as 'budgetlab sdg matrix' says"

# ---- the projector shows the goal's status and targets ----
ui "$db" <<'EOF'
key 3
key p
EOF
ui "$db" --present <<'EOF'
screen goals-status-present
EOF
screen_has goals-status-present "discussed · SDG 8.5 · served by 4" "the projector shows the goal's status and SDG targets"

done_testing
