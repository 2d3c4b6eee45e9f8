# The budget screen: the tree table, folding, filter, jump, sort, the
# line form with inline validation and locks, delete, resize.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/demo.budgetlab"
demo_db "$db"

# The demo is in "goals before economy": amounts are locked.
ui "$db" --screen budget <<'S'
screen budget-80x24
state open
resize 160 45
screen budget-160x45
resize 40 10
screen budget-tiny
state tiny
resize 80 24
screen budget-back
S
is $RC 0 "the budget screen opens and resizes"
screen_same budget-80x24
screen_same budget-160x45
state_is open screen budget
state_is open budget.selected "area BEU"
state_is open budget.lines 336
screen_has budget-80x24 "Balance (income − expenses)" "the balance is always shown"
screen_has budget-tiny "Terminal too small: 40×10." "a tiny terminal says so"
state_is tiny too_small yes
cmp -s "$T/budget-80x24.screen" "$T/budget-back.screen"
ok $? "after growing back the screen is as before"

# Moving, folding, sorting.
ui "$db" --screen budget <<'S'
key j j j
state down
key h
state to-area
key h
state folded
key l
key s
state by-title
key s
state by-amount
key r
state reversed
key s s s s
state by-code
key -
state all-folded
key +
state all-unfolded
key G
state end
key g
state home
S
state_is down budget.selected "line 5.57.72.001"
state_is to-area budget.selected "area BEU/BEU.01/BEU.01.01"
state_is folded budget.rows 435
state_is by-title budget.sort "title asc"
state_is by-amount budget.sort "amount desc"
state_is by-amount budget.sort_year 2028
state_is reversed budget.sort "amount asc"
state_is by-code budget.sort "code asc"
state_is all-folded budget.rows 7
state_is all-unfolded budget.rows 440
state_is end budget.row 439
state_is home budget.row 0

# Filter and jump.
ui "$db" --screen budget <<'S'
key /
type skole
state prompt
key Enter
state filtered
screen budget-filtered
key Esc
state cleared
key :
type NOPE
key Enter
state bad-code
key Esc
key :
type 3.22.01.001
key Enter
state jumped
S
state_is prompt modal prompt
state_is prompt prompt.text skole
state_is filtered budget.filter skole
screen_has budget-filtered "“skole”: 40 lines" "the filter is shown, with the count"
state_is cleared budget.filter ""
state_is cleared budget.lines 336
state_has bad-code "prompt.error=no budget line with code"
state_is jumped budget.selected "line 3.22.01.001"

# A lock: the form shows the amounts read-only, and says why.
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key e
state locked-form
screen budget-locked-form
key Esc
S
state_is locked-form modal form
state_has locked-form "field.2028.readonly=Locked in 'Mål før økonomi'"
screen_has budget-locked-form "Locked in 'Mål før økonomi'" "the lock is explained at the field"

# Leave the goals phase (amounts unlocked) for the form tests.
"$BUDGETLAB" advance "$db" --override "test of the form" >/dev/null
"$BUDGETLAB" journal "$db" >"$T/journal-before"
"$BUDGETLAB" lines "$db" --unit kr >"$T/lines-before"

# A malformed amount: shown at the field, nothing saved; Esc leaves no trace.
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key e
key Tab Tab Tab Tab Tab Tab
key C-u
type 12,3,4
key Tab
state bad-amount
key F2
state bad-save
screen budget-bad-amount
key Esc
key y
state cancelled
S
state_has bad-amount "field.2028.error="
state_is bad-save modal form
state_is bad-save form.field 2028
state_is bad-save form.error "Nothing was saved: correct the fields marked in red."
state_is cancelled modal ""
state_is cancelled message "Cancelled: nothing was changed."
"$BUDGETLAB" journal "$db" >"$T/journal-after"
cmp -s "$T/journal-before" "$T/journal-after"
ok $? "a refused form and Esc leave the journal as it was"
"$BUDGETLAB" lines "$db" --unit kr >"$T/lines-after"
cmp -s "$T/lines-before" "$T/lines-after"
ok $? "and the budget as it was"

# A good edit: saved, journalled, and shown.
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key e
key Tab Tab Tab Tab Tab Tab Tab
key C-u
type 1.234.567,50
key F2
state saved
S
state_is saved modal ""
state_is saved message "Line 3.22.01.001 saved."
run line show "$db" 3.22.01.001
has "$OUT" "1.234.567,50" "the amount is stored to the øre"
run journal "$db" --line 3.22.01.001 --limit 1
has "$OUT" "tester" "the change is journalled with its actor"

# Add a line in the selected area; a duplicate code is refused at the field.
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key a
type 3.22.01.001
key Tab
state dup
key Up C-u
type 3.22.01.999
key Tab
type Skolernes æblehave
key F2
state added
key d
state ask
key n
state kept
key d
key y
state deleted
S
state_has dup "field.Code.error=There is already a line with the code 3.22.01.001."
state_is added message "Line 3.22.01.999 added."
state_is added budget.selected "line 3.22.01.999"
state_is ask modal question
state_is kept budget.selected "line 3.22.01.999"
state_has deleted "message=Line 3.22.01.999 deleted"
run line show "$db" 3.22.01.999
is $RC 1 "the deleted line is gone"

# The spotlight: what the projector shows.
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key p
state spot
S
state_has spot "message=On the projector: 3.22.01.001"

# Colours off and themes: the same screen, drawn with attributes only.
NO_COLOR=1 ui "$db" --screen budget <<'S'
state nocolor
key t
state theme
S
state_is nocolor theme mono
is $RC 0 "NO_COLOR runs"
ui "$db" --screen budget --theme contrast <<'S'
state contrast
S
state_is contrast theme contrast

# Not every year fits: at 80x24 Bergen's four years (2013-2016) in
# 1.000 kr. show three.  ] and [ (> and <) move the year columns a year,
# never past either end; the totals and the sort by amount follow the
# years shown; a width or a unit where all fit starts at the first again.
bg="$T/bergen.budgetlab"
"$BUDGETLAB" create "$bg" "$SRCDIR/config/phases/norwegian-municipality.yaml" --budget-year 2013 >/dev/null
HOME="$T/home" "$BUDGETLAB" import "$bg" "$SRCDIR/tests/fixtures/budgets/bergen-2013-driftsbudsjett.csv" \
	--profile bergen-driftsbudsjett >/dev/null
ui "$bg" --screen budget --unit t <<'S'
state years-first
screen years-first
key [
state years-before
key ]
state years-later
screen budget-years-80x24
key ]
state years-past
key <
state years-back
key >
state years-gt
resize 160 45
state years-wide
screen years-wide
resize 80 24
state years-narrow
key ] u
state years-unit
key u u
state years-unit-back
S
is $RC 0 "the year columns scroll"
screen_has years-first "2013–2015 of 2013–2016 ([ ]: years, u: unit)" "the header says which years are shown"
screen_has years-first "2015 →" "an arrow marks the years to the right"
state_is years-first budget.first_year 2013
state_is years-first budget.years_shown "3 of 4"
state_is years-before budget.first_year 2013
state_is years-before message "The first year, 2013, is already shown."
state_is years-later budget.first_year 2014
state_is years-later message ""
screen_same budget-years-80x24
screen_has budget-years-80x24 "2014–2016 of 2013–2016 ([ ]: years, u: unit)" "] shows the last year"
screen_has budget-years-80x24 "← 2014" "an arrow marks the years to the left"
state_is years-past budget.first_year 2014
state_is years-past message "The last year, 2016, is already shown."
state_is years-back budget.first_year 2013
state_is years-gt budget.first_year 2014
state_is years-wide budget.first_year 2013
state_is years-wide budget.years_shown "4 of 4"
if grep -q "of 2013–2016" "$T/years-wide.screen"; then ok 1 "all years fit at 160x45"; else ok 0 "all years fit at 160x45"; fi
state_is years-narrow budget.first_year 2013
state_is years-unit unit mio
state_is years-unit budget.first_year 2013
state_is years-unit budget.years_shown "4 of 4"
state_is years-unit-back unit t
state_is years-unit-back budget.first_year 2013

# ? lists both keys.
ui "$bg" --screen budget --size 80x60 <<'S'
key ?
screen years-help
S
screen_has years-help "[, <           When not every year fits the width: move the year columns" "? lists [ and <"
screen_has years-help "], >           When not every year fits the width: move the year columns" "and ] and >"

# s sorts by the amount of each year shown, in turn; by a year scrolled
# out of sight, s goes on from the first year shown.
ui "$bg" --screen budget --unit t <<'S'
key ]
key s s
state sort-first
key s
state sort-next
key s
state sort-last
key s
state sort-code
key [
key s s
state sort-again
key ]
key s
state sort-out
S
# The balance of 2016 is 1 (1.000 kr.), of 2013 0: the last column
# shows 2015 at first and 2016 after ].
grep '^Balance' "$T/years-first.screen" | grep -q ' 0$'
ok $? "the balance of the last year shown, 2015, at first"
grep '^Balance' "$T/budget-years-80x24.screen" | grep -q ' 1$'
ok $? "the balance of 2016 after ]"
state_is sort-first budget.sort "amount desc"
state_is sort-first budget.sort_year 2014
state_is sort-next budget.sort_year 2015
state_is sort-last budget.sort_year 2016
state_is sort-code budget.sort "code asc"
state_is sort-again budget.sort_year 2013
state_is sort-out budget.sort_year 2014
state_is sort-out budget.first_year 2014

# Garbage in the script is refused with file and line.
ui "$db" <<'S'
key NoSuchKey
S
is $RC 3 "an unknown key name stops the script"
has "$ERR" "script:1: no key is called 'NoSuchKey'" "and names the file and line"
done_testing
