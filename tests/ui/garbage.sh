# Garbage on every way into the screens: the options of `budgetlab DB`,
# the script commands, and keys that arrive while the terminal is too
# small.  Each gets a message that names what was wrong; nothing changes.
. "$SRCDIR/tests/ui/lib.sh"
db="$T/demo.budgetlab"
demo_db "$db"
before=$(sum "$db")

bad() { # bad WANT-IN-STDERR NAME ARGS...
	_want=$1 _name=$2
	shift 2
	RC=0
	"$BUDGETLAB" "$@" >"$OUT" 2>"$ERR" </dev/null || RC=$?
	is $RC 2 "$_name: a usage error"
	has "$ERR" "$_want" "$_name: says what was wrong"
}
bad "--size '80': expected COLSxROWS" "--size without x" --script /dev/null --size 80 "$db"
bad "--size '0x24'" "--size of zero" --script /dev/null --size 0x24 "$db"
bad "--size '99999x99999'" "--size too large" --script /dev/null --size 99999x99999 "$db"
bad "--size '80x24x3'" "--size with more" --script /dev/null --size 80x24x3 "$db"
bad "--theme 'pink' is not a theme" "an unknown theme" --theme pink "$db"
bad "--screen 'money' is not a screen" "an unknown screen" --screen money "$db"
bad "--unit 'øre' is not a unit" "an unknown unit" --unit øre "$db"
bad "--show 'final' is not a budget version" "an unknown version" --show final "$db"
bad "option '--theme' needs a value" "a missing value" "$db" --theme
bad "unknown option '--frobnicate'" "an unknown option" --frobnicate "$db"
bad "expected one database file" "two databases" --script /dev/null "$db" "$db"

# Without a terminal the projector says what it needs.
RC=0
"$BUDGETLAB" --present "$db" >"$OUT" 2>"$ERR" </dev/null || RC=$?
is $RC 3 "--present without a terminal fails"
has "$ERR" "the screens need a terminal" "and says why"
# A script that cannot be read.
RC=0
"$BUDGETLAB" --script "$T/none.script" "$db" >"$OUT" 2>"$ERR" || RC=$?
is $RC 2 "a missing script"
has "$ERR" "cannot read the script '$T/none.script'" "is named"

# Script commands: each bad one stops with FILE:LINE and what was wrong.
script_bad() { # script_bad LINE WANT NAME
	printf '%s\n' "$1" >"$T/in"
	ui "$db" <"$T/in"
	is $RC 3 "$3: stops the script"
	has "$ERR" "script:1: $2" "$3: names the line and the fault"
}
script_bad "frobnicate" "unknown script command" "an unknown command"
script_bad "key" "expected key names" "key without a name"
script_bad "action nosuch" "no action is called 'nosuch'" "an unknown action"
script_bad "resize 80" "expected COLS ROWS" "resize without rows"
script_bad "resize 0 24" "expected COLS ROWS" "resize to zero"
script_bad "sleep soon" "expected milliseconds" "sleep without a number"
script_bad "sleep 9999999" "expected milliseconds" "sleep too long"
script_bad "wait-change -1" "expected milliseconds" "a negative wait"
script_bad "screen" "expected a file name" "screen without a file"
script_bad "state /nonexistent/dir/x" "cannot write '/nonexistent/dir/x'" "state to a folder that is not there"
script_bad "exec false" "the command failed" "a failing exec"
printf 'type \377\376\n' >"$T/in"
ui "$db" <"$T/in"
is $RC 3 "type with bytes that are not UTF-8 stops"
has "$ERR" "script:1: not valid UTF-8" "and says so"
is "$(sum "$db")" "$before" "none of it changed the database"

# Keys while the terminal is too small go nowhere: not into a hidden form,
# nor as the answer to a hidden question.
"$BUDGETLAB" advance "$db" --override "test" >/dev/null
ui "$db" --screen budget <<'S'
key :
type 3.22.01.001
key Enter
key d
resize 40 10
key y q
resize 80 24
state asked
key n
key e
key Tab
resize 40 10
type zz
key q q
resize 80 24
state form
key Esc y
S
state_is asked modal question
state_is asked budget.selected "line 3.22.01.001"
state_is form modal form
state_is form field.Title "Egeskolen"
run line show "$db" 3.22.01.001
is $RC 0 "the line is still there"
done_testing
