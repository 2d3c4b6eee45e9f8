# Editing text in forms and prompts (edit.c, form.c, prompt.c): the cursor
# keys, the kill keys, æøå and wide characters, sideways scrolling,
# validation as you type, warnings, Tab wrapping, Esc asking before it
# throws changes away, locked fields saying why, Alt+key ignored.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/demo.budgetlab"
demo_db "$db"

# The form's frame from an 80x24 screen, above the message line and the
# status bar (with "bottom", also those two rows: a question and its keys),
# so that what is compared is the form, not the screen under it.
form_only() {
	{
		head -n 22 "$T/$1.screen" | sed -n '/┌/,/└/p' |
			sed -e 's/^..//' -e 's/^\(.\{76\}\).*/\1/'
		[ "${2:-}" = bottom ] && tail -n 2 "$T/$1.screen"
	} >"$T/$1-form.screen"
	screen_same "$1-form"
}

# ---- the cursor in a form field (the new line form's Title) ----
ui "$db" --screen budget <<'S'
key a
key Tab
type world
key Home
type hello
key Space
state home
key End
state end
key Left Left
state left
key Backspace
state bs
key Delete
state del
key C-w
state cw
key C-k
state ck
key C-a
state ca
key C-d
state cd
key C-e
key C-u
state cu
S
is $RC 0 "editing a form field"
state_is home field.Title "hello world"
state_is home form.cursor 6
state_is end form.cursor 11
state_is left form.cursor 9
state_is bs field.Title "hello wold"
state_is bs form.cursor 8
state_is del field.Title "hello wod"
state_is cw field.Title "hello d"
state_is cw form.cursor 6
state_is ck field.Title "hello "
state_is ca form.cursor 0
state_is cd field.Title "ello "
state_is cu field.Title ""
state_is cu form.cursor 0

# ---- the same in a prompt (the filter) ----
ui "$db" --screen budget <<'S'
key /
type world
key Home
type hello
key Space
state home
key End Left Left
key Backspace
state bs
key Delete
state del
key C-w
state cw
key C-k
state ck
key C-a C-d
state cd
key M-b
state meta
key C-e C-u
state cu
S
is $RC 0 "editing in a prompt"
state_is home prompt.text "hello world"
state_is home prompt.cursor 6
state_is bs prompt.text "hello wold"
state_is bs prompt.cursor 8
state_is del prompt.text "hello wod"
state_is cw prompt.text "hello d"
state_is ck prompt.text "hello "
state_is cd prompt.text "ello "
state_is meta modal prompt
state_is meta prompt.text "ello "
state_is cu prompt.text ""

# ---- æøå and a wide character move as one character each ----
ui "$db" --screen budget <<'S'
key a
key Tab
type æøå
key Left
type x
state ae
key Home Right Delete
state ae2
key End Backspace
state ae3
key C-u
type a漢b
key Left Left
state wide
key Right
state wide2
key Backspace
state wide3
S
state_is ae field.Title "æøxå"
state_is ae form.cursor 3
state_is ae2 field.Title "æxå"
state_is ae2 form.cursor 1
state_is ae3 field.Title "æx"
state_is wide form.cursor 1
state_is wide2 form.cursor 2
state_is wide3 field.Title "ab"
state_is wide3 form.cursor 1

# ---- a long text scrolls sideways, the cursor always in sight ----
ui "$db" --screen budget <<'S'
key a
key Tab
type Skolernes æblehave og køkkenhave ved Egeskolen, med plads til leg og læring
screen form-long-end
key Home
screen form-long-home
key C-e C-u
type 漢字かな交じり文で書いた長いタイトルです、幅が二つの文字ばかり
screen form-wide-end
key Home Right Right
screen form-wide-home
key Esc
key y
key /
type Skolernes æblehave og køkkenhave ved Egeskolen, med plads til leg og læring, og mere
screen form-prompt-end
key Home
screen form-prompt-home
S
is $RC 0 "long texts"
form_only form-long-end
form_only form-long-home
form_only form-wide-end
form_only form-wide-home
tail -n 2 "$T/form-prompt-end.screen" | head -n 1 >"$T/form-prompt-end-line.screen"
screen_same form-prompt-end-line
tail -n 2 "$T/form-prompt-home.screen" | head -n 1 >"$T/form-prompt-home-line.screen"
screen_same form-prompt-home-line

# ---- the maximum length is kept, and said ----
x255=$(printf 'x%.0s' $(seq 1 255))
ui "$db" --screen budget <<S
key a
key Tab
type $x255
type ${x255}x
type y
state full
S
state_is full field.Title.error "That is as long as this field can be."
is "$(grep '^field.Title=' "$T/full.state" | cut -d= -f2- | tr -d '\n' | wc -c)" 511 "the text stays at 511 bytes, the most the field holds"

# ---- Tab on the last field goes to the first, S-Tab on the first to the last ----
ui "$db" --screen budget <<'S'
key a
key S-Tab
state last
key Tab
state first
key Up
state up
S
state_is last form.field 2031
state_is first form.field Code
state_is up form.field Code

# ---- locked fields say why; Alt+key is ignored ----
"$BUDGETLAB" journal "$db" >"$T/journal-0"
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key e
key Tab Tab Tab Tab
key Space
state dir
key Tab Tab
type 5
state amount
screen form-locked
key Backspace
state amount-bs
key Right
state moved
key Up Up Up Up Up Up
type X
key M-b
state meta
key Esc
state after-meta
key n
key Backspace
state back
key Esc
state left
S
state_is dir form.field Direction
state_is dir field.Direction expense
state_has dir "form.error=Locked with the amounts"
state_is amount form.field 2028
state_has amount "form.error=Locked in 'Mål før økonomi'"
state_is amount field.2028 "52.400.000"
form_only form-locked
state_has amount-bs "form.error=Locked in"
state_is moved form.error ""
state_is meta modal form
state_is meta field.Code "3.22.01.001X"
state_is after-meta modal question
state_is back field.Code "3.22.01.001"
state_is back form.changed no
state_is left modal ""
state_is left message "Cancelled: nothing was changed."

# ---- Esc: at once without changes; with changes it asks ----
ui "$db" --screen budget <<'S'
key a
key Esc
state plain
key a
type x
key Backspace
key Esc
state undone
key a
key Tab Tab Tab Space
key Esc
state choice
key y
key a
type 9.99
key Tab
type Prøve
key Esc
state ask
screen form-ask
key n
state kept
key Esc
key Esc
state kept2
key Esc
key y
state gone
S
is $RC 0 "Esc in forms"
state_is plain modal ""
state_is plain message "Cancelled: nothing was changed."
state_is undone modal ""
state_is choice modal question
state_is ask modal question
state_is ask question "Discard your changes? (nothing has been saved)"
form_only form-ask bottom
state_is kept modal form
state_is kept field.Code 9.99
state_is kept field.Title Prøve
state_is kept form.field Title
state_is kept2 modal form
state_is kept2 field.Title Prøve
state_is gone modal ""
state_is gone message "Cancelled: nothing was changed."
"$BUDGETLAB" journal "$db" >"$T/journal-1"
cmp -s "$T/journal-0" "$T/journal-1"
ok $? "neither locked typing nor a discarded form changes the journal"
run line show "$db" 9.99
is $RC 1 "the discarded line was not added"

# ---- as you type: errors come and go, warnings never stop saving ----
"$BUDGETLAB" advance "$db" --override "test of the form" >/dev/null
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key e
key Tab Tab Tab Tab Tab Tab
key C-u
type 12,3
state ok1
type 45
state bad
screen form-bad
key Backspace
state ok2
key C-u
type -5
state neg
key Up Up
key Space
state income
screen form-warning
key Space
state expense
key Space
key F2
state saved
S
is $RC 0 "validation as you type"
state_is ok1 field.2028 "12,3"
grep -q '^field.2028.error=' "$T/ok1.state"
ok $((! $?)) "12,3 is an amount: no error"
state_has bad 'field.2028.error="12,345" is not an amount: it has more than two decimals'
form_only form-bad
grep -q '^field.2028.error=' "$T/ok2.state"
ok $((! $?)) "one Backspace (12,34) and the error is gone"
grep -q '^field.2028.warning=' "$T/neg.state"
ok $((! $?)) "a minus on an expense line: no warning"
state_is income field.Direction income
state_has income "field.2028.warning=A minus on an income line means less income."
form_only form-warning
grep -q '^field.2028.warning=' "$T/expense.state"
ok $((! $?)) "back to expense: the warning goes"
state_is saved modal ""
state_is saved message "Line 3.22.01.001 saved."
run line show "$db" 3.22.01.001
has "$OUT" "income" "the line was saved as income, the warning notwithstanding"
done_testing
