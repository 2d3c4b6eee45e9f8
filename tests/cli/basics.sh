# The program's surface: help, version, usage errors and exit codes.
. "$SRCDIR/tests/cli/lib.sh"

run --help
is $RC 0 "--help exits 0"
has "$OUT" "Usage: budgetlab COMMAND" "--help shows the usage"
for c in demo create check-config status phase advance tick lines line areas area goals goal journal export \
	versions amendment amendments decide deficit diff response responses hearing-summary sdgs \
	bridge assess pillars pools pool projects project grant sdg; do
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

# Option errors: one message, ours, naming the option (getopt's own are
# off), with the pointer to help.
one_message() { # one_message NAME: stderr is the message and "Try ..."
	[ "$(wc -l <"$ERR")" -eq 2 ] && grep -q "^Try 'budgetlab" "$ERR"
	ok $? "$1: one message and the pointer to help"
}
for c in status lines advance tick export create; do
	run "$c" --frobnicate x.db
	is $RC 2 "$c --frobnicate is a usage error"
	has "$ERR" "budgetlab $c: unknown option '--frobnicate'" "$c names the unknown option"
	one_message "$c --frobnicate"
	run "$c" -Z x.db
	has "$ERR" "unknown option '-Z'" "$c names an unknown short option"
	one_message "$c -Z"
done
run line add x.db C --title T --frob=1
is $RC 2 "line add with an unknown option is a usage error"
has "$ERR" "unknown option '--frob'" "and names it, without its value"
one_message "line add --frob=1"
run area add x.db C --colour red
has "$ERR" "unknown option '--colour'" "area add names an unknown option"
run goal add x.db --colour red
has "$ERR" "unknown option '--colour'" "goal add names an unknown option"
run status x.db --unit
is $RC 2 "a missing option value is a usage error"
has "$ERR" "option '--unit' needs a value" "and is called that, not unknown"
hasnt "$ERR" "unknown" "(not 'unknown')"
one_message "status --unit"
run line add x.db C --area A --title
has "$ERR" "option '--title' needs a value" "line add: a missing value is named"
run export x.db -o
has "$ERR" "option '-o' needs a value" "a short option's missing value is named as given"
run advance x.db --override
has "$ERR" "option '--override' needs a value" "advance: a missing reason is named"
run status --help=yes x.db
has "$ERR" "option '--help' takes no value" "a value for a flag is named"
run line add x.db C --a X
has "$ERR" "option '--a' is ambiguous; it could be --area, --amount, --actor" "an ambiguous abbreviation says so"
run line add --help
is $RC 0 "'line add --help', as the usage messages suggest, shows the help"
has "$OUT" "Usage: budgetlab line add" "the line help"
has "$OUT" "Changes that the current phase locks are refused" "its last sentence reads right"

# A year given twice says two things about one amount.
run line add x.db C --title T --area A --amount 2028=1 --amount 2028=2
is $RC 2 "the same year twice in --amount is a usage error"
has "$ERR" "--amount 2028=1 and --amount 2028=2 both give 2028" "naming both"
run line set x.db C --amount 2029=1 --clear 2029
is $RC 2 "--amount and --clear of one year is a usage error"
has "$ERR" "both give 2029" "naming the year"

# budgetlab-process(5) lists every phase of each shipped cycle.
for f in danish norwegian; do
	n=$(grep -c '^  - id:' "$SRCDIR/config/phases/$f-municipality.yaml")
	items=$(awk -v f="$f" 'index($0, "phases/" f "\\-municipality.yaml") { on = 1; next } on && /^\./ { exit } on' \
		"$SRCDIR/doc/budgetlab-process.5" | tr -cd ',' | wc -c)
	is "$((items + 1))" "$n" "budgetlab-process(5) lists the $n phases of the $f cycle"
done
done_testing
