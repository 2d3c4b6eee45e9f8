# The program's surface: help, version, usage errors and exit codes.
. "$SRCDIR/tests/cli/lib.sh"

run --help
is $RC 0 "--help exits 0"
has "$OUT" "Usage: budgetlab COMMAND" "--help shows the usage"
for c in demo create check-config status phase advance tick lines line areas area goals goal journal export; do
	has "$OUT" "  $c " "--help lists '$c'"
	run "$c" --help
	is $RC 0 "$c --help exits 0"
	has "$OUT" "Usage: budgetlab $c" "$c --help shows its usage"
	pat=$(printf '%s' "$c" | sed 's/-/\\\\-/g') # groff writes - as \-
	grep -qE "^\.BI? \"?$pat( |\"|\$)" "$SRCDIR/doc/budgetlab.1"
	ok $? "the manual page documents '$c'"
	run --help
done
run --version
is $RC 0 "--version exits 0"
has "$OUT" "budgetlab 0." "--version names the version"
has "$OUT" "GPLv3+" "--version names the licence"

run
is $RC 2 "no arguments is a usage error"
run frobnicate
is $RC 2 "an unknown command is a usage error"
has "$ERR" "unknown command 'frobnicate'" "and is named"
run --frobnicate
is $RC 2 "an unknown option is a usage error"
run status
is $RC 2 "status without a database is a usage error"
has "$ERR" "Try 'budgetlab status --help'" "and points to help"
run status a b
is $RC 2 "status with two databases is a usage error"
run status --unit furlongs x.db
is $RC 2 "a bad --unit is a usage error"
has "$ERR" "'furlongs' is not a unit" "and names the value"
run status --version draft x.db
is $RC 2 "a bad --version is a usage error"
has "$ERR" "expected proposal, first_reading or adopted" "and lists the versions"
run status --depth 0 x.db
is $RC 2 "--depth 0 is a usage error"
run status --depth 99999999999999999999 x.db
is $RC 2 "an overflowing --depth is a usage error"
run journal --limit -3 x.db
is $RC 2 "a negative --limit is a usage error"
run line frob x.db C
is $RC 2 "an unknown line subcommand is a usage error"
run goal frob x.db
is $RC 2 "an unknown goal subcommand is a usage error"
run tick x.db
is $RC 2 "tick without an item is a usage error"
done_testing
