# The real terminal path: budgetlab in tmux, keys by send-keys, the screen
# by capture-pane.  Skipped (with a reason) where tmux is not installed.
. "$SRCDIR/tests/ui/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
db="$T/demo.budgetlab"
demo_db "$db"
sock="$T/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

# Wait (at most 60 s: a sanitizer build on a loaded machine is slow to
# start and to leave, with its leak check; a CI run of this test once
# timed out at 20 s) until the pane shows TEXT.  On a timeout the pane is
# shown, so that the log says what was there instead.
wait_for() {
	for _i in $(seq 600); do
		tm capture-pane -p -t bl >"$T/pane" 2>/dev/null
		grep -qF -- "$1" "$T/pane" && return 0
		sleep 0.1
	done
	echo "# timed out waiting for: $1"
	sed 's/^/# | /' "$T/pane"
	return 1
}

tm -f /dev/null new-session -d -s bl -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=screen-256color HOME='$HOME' '$BUDGETLAB' '$db'; echo EXITED \$?; sleep 30"
wait_for "1 Process"
ok $? "budgetlab opens in a real terminal"
has "$T/pane" "Mål før økonomi" "on the process screen, in the goals phase"
tm send-keys -t bl 2
wait_for "Balance (income − expenses)"
ok $? "2 shows the budget"
has "$T/pane" "Beskæftigel" "with æ in place"
tm send-keys -t bl j j /
wait_for "Filter (code or title contains"
ok $? "/ asks for a filter"
tm send-keys -t bl s k o l e Enter
wait_for "“skole”: 40 lines"
ok $? "the filter applies"
tm resize-window -t bl -x 50 -y 10
wait_for "Terminal too small: 50×10."
ok $? "a resize below the minimum says so" || diag "$T/pane"
tm resize-window -t bl -x 100 -y 30
wait_for "Balance (income − expenses)"
ok $? "and growing back restores the screen"
tm send-keys -t bl '?'
wait_for "Keys of the Budget screen"
ok $? "? shows the help of the screen"
tm send-keys -t bl q q q
wait_for "EXITED 0"
ok $? "q goes back, and quits from the top with status 0"

# Ctrl-C leaves through the loop: the terminal is restored, not left raw.
tm kill-session -t bl
tm -f /dev/null new-session -d -s bl -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=screen-256color HOME='$HOME' '$BUDGETLAB' '$db'; stty -a | tr ' ' '\\n' | grep -x echo; echo EXITED; sleep 30"
wait_for "1 Process"
tm send-keys -t bl C-c
wait_for "EXITED"
ok $? "Ctrl-C leaves the program"
grep -qx "echo" "$T/pane"
ok $? "and the terminal echoes again"
done_testing
