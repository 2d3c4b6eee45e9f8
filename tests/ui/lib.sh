# lib.sh: scripted screen tests (tig's way).  Sourced by tests/ui/*.sh,
# on top of tests/cli/lib.sh (run, is, has, same, done_testing).
#
# ui DB [OPTIONS]      runs budgetlab on DB with the script read from
#                      standard input, tty-free, at --size (default
#                      80x24); the script's `screen NAME` and `state NAME`
#                      write $T/NAME.screen and $T/NAME.state.
# screen_same NAME     compares $T/NAME.screen with
#                      tests/ui/expected/NAME.screen (BL_BLESS=1 writes it).
# state_is NAME KEY VALUE  checks one key=value line of $T/NAME.state.
# demo_db FILE         writes the demo municipality to FILE.
. "$SRCDIR/tests/cli/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color
unset NO_COLOR BUDGETLAB_SCRIPT

ui() {
	_db=$1
	shift
	# `screen a` and `state a` in the script name files in $T.
	sed -e "s|^\([[:space:]]*\)screen \([^/]*\)\$|\1screen $T/\2.screen|" \
		-e "s|^\([[:space:]]*\)state \([^/]*\)\$|\1state $T/\2.state|" >"$T/script"
	RC=0
	"$BUDGETLAB" --script "$T/script" "$@" "$_db" >"$OUT" 2>"$ERR" || RC=$?
	if [ "$RC" != 0 ]; then
		echo "# budgetlab exited $RC"
		diag "$ERR" | head -5
	fi
}

screen_same() {
	if [ ! -f "$T/$1.screen" ]; then
		ok 1 "screen as expected: $1"
		echo "#   no screen was written"
	else
		compare "$SRCDIR/tests/ui/expected/$1.screen" "$T/$1.screen" "screen as expected: $1"
	fi
}

state_is() {
	_got=$(grep -m1 "^$2=" "$T/$1.state" 2>/dev/null | cut -d= -f2-)
	if [ "$_got" = "$3" ]; then ok 0 "$1: $2 is '$3'"; else
		ok 1 "$1: $2 is '$3'"
		echo "#   got '$_got'"
	fi
}

state_has() {
	if grep -qF -- "$2" "$T/$1.state" 2>/dev/null; then ok 0 "$1: state has $2"; else
		ok 1 "$1: state has $2"
		diag "$T/$1.state" 2>/dev/null | head -20
	fi
}

screen_has() {
	if grep -qF -- "$2" "$T/$1.screen" 2>/dev/null; then ok 0 "${3:-$1: screen shows $2}"; else
		ok 1 "${3:-$1: screen shows $2}"
		diag "$T/$1.screen" 2>/dev/null | head -30
	fi
}

demo_db() {
	"$BUDGETLAB" demo "$1" >/dev/null
}
