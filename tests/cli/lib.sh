# lib.sh: a small TAP library for CLI tests.  Sourced by tests/cli/*.sh.
#
# run ARGS...        runs $BUDGETLAB ARGS, keeping stdout in $OUT, stderr in
#                    $ERR and the exit status in $RC.
# is RC WANT NAME    checks the exit status.
# has FILE TEXT NAME checks that a file ($OUT or $ERR) contains TEXT.
# same NAME          compares $OUT with tests/cli/expected/NAME.out; with
#                    BL_BLESS=1 it writes the expected file instead.
set -u
: "${BUDGETLAB:?BUDGETLAB must name the binary}"
: "${SRCDIR:?}"
: "${BUILDDIR:?}"
T=$(mktemp -d "${BUILDDIR}/tests/tmp.XXXXXX" 2>/dev/null || { mkdir -p "$BUILDDIR/tests" && mktemp -d "${BUILDDIR}/tests/tmp.XXXXXX"; })
trap 'rm -rf "$T"' EXIT
OUT="$T/stdout"
ERR="$T/stderr"
RC=0
_n=0
_failed=0

ok() { # ok COND NAME
	_n=$((_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

diag() { sed 's/^/# /' "$@"; }

run() {
	RC=0
	"$BUDGETLAB" "$@" >"$OUT" 2>"$ERR" || RC=$?
}

is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		ok 1 "$3"
		echo "#   exit status $1, want $2"
		diag "$ERR" | head -5
	fi
}

has() {
	if grep -qF -- "$2" "$1"; then ok 0 "$3"; else
		ok 1 "$3"
		echo "#   does not contain: $2"
		diag "$1" | head -8
	fi
}

hasnt() {
	if grep -qF -- "$2" "$1"; then
		ok 1 "$3"
		echo "#   contains: $2"
	else ok 0 "$3"; fi
}

# compare WANT GOT LABEL: GOT against the expected file WANT, or with
# BL_BLESS=1 GOT becomes WANT.
compare() {
	if [ "${BL_BLESS:-0}" = 1 ]; then
		cp "$2" "$1"
		ok 0 "$3 (blessed)"
	elif diff -u "$1" "$2" >"$T/diff" 2>&1; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "$T/diff" | head -40
	fi
}

same() {
	# The temporary directory differs from run to run: write it as TMP.
	sed "s|$T|TMP|g" "$OUT" >"$T/same" && mv "$T/same" "$OUT"
	compare "$SRCDIR/tests/cli/expected/$1.out" "$OUT" "output as expected: $1"
}

sum() { cksum <"$1" | cut -d' ' -f1-2; }

done_testing() {
	echo "1..$_n"
	[ "$_failed" = 0 ]
}

# The journal's length of database $db, and a command that must be
# refused (exit 1 or 2) without adding to it: `unchanged NAME CMD...`.
jcount() { "$BUDGETLAB" journal "$db" --limit 100000 | wc -l; }
unchanged() {
	name=$1
	shift
	n0=$(jcount)
	run "$@"
	n1=$(jcount)
	[ "$RC" = 1 ] || [ "$RC" = 2 ]
	ok $? "refused: $name"
	[ "$n0" = "$n1" ]
	ok $? "  and nothing changed: $name"
}
