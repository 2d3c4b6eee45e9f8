# Opening files that are not budgetlab databases: a clear message, exit 3,
# and the file unchanged.
. "$SRCDIR/tests/cli/lib.sh"

run status "$T/missing.budgetlab"
is $RC 3 "a missing file: exit 3"
has "$ERR" "missing.budgetlab" "the message names the file"
[ ! -e "$T/missing.budgetlab" ]; ok $? "a missing file is not created"

printf 'area;code\n1;2\n' >"$T/text.budgetlab"
before=$(sum "$T/text.budgetlab")
run status "$T/text.budgetlab"
is $RC 3 "a text file: exit 3"
has "$ERR" "not a budgetlab database" "a text file is not a budgetlab database"
is "$(sum "$T/text.budgetlab")" "$before" "the text file is unchanged"

: >"$T/empty.budgetlab"
run status "$T/empty.budgetlab"
is $RC 3 "an empty file: exit 3"
has "$ERR" "empty.budgetlab" "the message names the empty file"
is "$(wc -c <"$T/empty.budgetlab" | tr -d ' ')" 0 "the empty file stays empty"

head -c 4096 /dev/urandom >"$T/noise.budgetlab"
before=$(sum "$T/noise.budgetlab")
run status "$T/noise.budgetlab"
is $RC 3 "random bytes: exit 3"
is "$(sum "$T/noise.budgetlab")" "$before" "the random file is unchanged"

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	before=$(sum "$T/other.db")
	run status "$T/other.db"
	is $RC 3 "another program's SQLite database: exit 3"
	has "$ERR" "not a budgetlab database" "it is not a budgetlab database"
	is "$(sum "$T/other.db")" "$before" "the other database is unchanged"
fi

mkdir "$T/dir.budgetlab"
run status "$T/dir.budgetlab"
is $RC 3 "a directory: exit 3"

printf 'budgetlab: 1\nprocess:\n  municipality: Bl\345b\346rhavn\n' >"$T/latin1.yaml"
run check-config "$T/latin1.yaml"
is $RC 1 "a Latin-1 phase file is refused"
has "$ERR" "latin1.yaml:3:" "with its line"
has "$ERR" "(byte 0xe5)" "naming the byte"
has "$ERR" "where the byte 0xe5 is 'å'" "and the letter it is in Latin-1"

run demo "$T/demo.budgetlab"
is $RC 0 "the demo is written"
head -c 20000 "$T/demo.budgetlab" >"$T/cut.budgetlab"
before=$(sum "$T/cut.budgetlab")
run status "$T/cut.budgetlab"
is $RC 3 "a truncated database: exit 3"
is "$(sum "$T/cut.budgetlab")" "$before" "the truncated database is unchanged"

# Damage in the middle: the file opens, a page of the lines is garbage.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$T/demo.budgetlab" "$T/hole.budgetlab"
	root=$(sqlite3 "$T/hole.budgetlab" "SELECT rootpage FROM sqlite_schema WHERE name = 'line'")
	size=$(sqlite3 "$T/hole.budgetlab" "PRAGMA page_size")
	head -c 512 /dev/zero | tr '\0' '\245' |
		dd of="$T/hole.budgetlab" bs=1 seek=$(((root - 1) * size)) conv=notrunc 2>/dev/null
	code=$("$BUDGETLAB" export "$T/demo.budgetlab" | sed -n '2p' | cut -d, -f2)
	for cmd in "line set" "line show" "line delete" "lines" "export"; do
		case $cmd in
		"line set") run line set "$T/hole.budgetlab" "$code" --title X ;;
		"line show") run line show "$T/hole.budgetlab" "$code" ;;
		"line delete") run line delete "$T/hole.budgetlab" "$code" ;;
		*) run $cmd "$T/hole.budgetlab" ;;
		esac
		is $RC 3 "$cmd on a file damaged in the middle: exit 3"
		has "$ERR" "is damaged" "$cmd says it is damaged"
	done
fi
done_testing
