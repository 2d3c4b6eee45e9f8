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

run demo "$T/demo.budgetlab"
is $RC 0 "the demo is written"
head -c 20000 "$T/demo.budgetlab" >"$T/cut.budgetlab"
before=$(sum "$T/cut.budgetlab")
run status "$T/cut.budgetlab"
is $RC 3 "a truncated database: exit 3"
is "$(sum "$T/cut.budgetlab")" "$before" "the truncated database is unchanged"
done_testing
