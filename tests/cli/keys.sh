# One action table drives the keymap, the help screen and the man page:
# the KEYS section of budgetlab(1) is what `budgetlab keys --man` prints.
. "$SRCDIR/tests/cli/lib.sh"
run keys --man
is $RC 0 "keys --man"
has "$OUT" ".SH KEYS" "prints a man section"
awk '/^\.\\" KEYS BEGIN/ { on = 1; next } /^\.\\" KEYS END/ { on = 0 } on' \
	"$SRCDIR/doc/budgetlab.1" >"$T/man-keys"
if diff -u "$T/man-keys" "$OUT" >"$T/diff"; then ok 0 "budgetlab(1) lists the keys of the action table"; else
	ok 1 "budgetlab(1) lists the keys of the action table (make -C _build update-man)"
	diag "$T/diff" | head -20
fi
run keys
is $RC 0 "keys lists the actions"
has "$OUT" "advance" "with their names"
run keys --bogus
is $RC 2 "a wrong argument is a usage error"
done_testing
