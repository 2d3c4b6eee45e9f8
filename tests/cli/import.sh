# Importing finance systems' CSV exports: the two real files with the
# shipped profiles (totals checked against sums taken here with awk),
# import twice, export and import again, and every bad case with its
# message and an unchanged database.
. "$SRCDIR/tests/cli/lib.sh"

DATA="$SRCDIR/tests/fixtures/budgets"
BERGEN="$DATA/bergen-2013-driftsbudsjett.csv"
STAV="$DATA/stavanger-budsjettforslag2016.csv"
NB="$SRCDIR/config/phases/norwegian-municipality.yaml"

# The database as export and journal show it: what "unchanged" means.
state() { "$BUDGETLAB" export "$1" 2>&1; "$BUDGETLAB" journal "$1" --limit 1 2>&1; }
# One JSON member of the --json summary (numbers only).
member() { sed -n "s/.*\"$1\": \\(-\\{0,1\\}[0-9][0-9]*\\).*/\\1/p" "$OUT"; }

# ---- Bergen, 2013-2016, four year columns ----
run create "$T/b.db" "$NB" --budget-year 2013 --municipality "Bergen kommune"
is $RC 0 "create a process for 2013"
has "$OUT" "2013–2016" "the title's years follow --budget-year"

run import "$T/b.db" "$BERGEN" --profile bergen-driftsbudsjett --json
is $RC 0 "Bergen imports with the shipped profile"
is "$(member rows)" 1761 "1,761 rows read"
is "$(member rejected)" 0 "none rejected"
is "$(member lines)" 557 "557 lines (services by department, area and direction)"
# The file's own sums, per year column, in øre: spaces out, a lone '-' is 0.
for col in 11 12 13 14; do
	year=$((2013 + col - 11))
	want=$(awk -F';' -v c=$col 'NR > 1 { v = $c; gsub(/[ \r]/, "", v); if (v != "-") s += v }
		END { printf "%.0f", s * 100 }' "$BERGEN")
	got=$(sed -n "s/.*\"$year\": {\"sum\": \\(-\\{0,1\\}[0-9]*\\)}.*/\\1/p" "$OUT")
	is "$got" "$want" "Bergen $year: the sum equals the file's column to the øre ($want)"
done
run status "$T/b.db"
has "$OUT" "Balance (income - expenses)" "status shows the imported budget"
has "$OUT" "90 Fellesposter - bykassen" "the departments are the top areas"

before=$("$BUDGETLAB" export "$T/b.db" | cksum)
run import "$T/b.db" "$BERGEN" --profile bergen-driftsbudsjett
is $RC 0 "the same file again"
has "$OUT" "Lines:     557 (0 created, 557 already there: 0 changed, 557 unchanged; 0 removed)" "no new lines, and none changed, the second time"
has "$OUT" "Replaced:  2228 amounts of the version before" "the version is replaced"
is "$("$BUDGETLAB" export "$T/b.db" | cksum)" "$before" "importing twice does not double the budget"
run journal "$T/b.db" --limit 1
has "$OUT" "replacing 2228" "the journal says the version was replaced"

# Export in the profile's shape and import that: the same budget.
run export "$T/b.db" --profile bergen-driftsbudsjett --output "$T/b-export.csv"
is $RC 0 "export in the profile's shape"
head -1 "$T/b-export.csv" >"$T/head"
has "$T/head" "avdeling;avdeling-tekst;tjomr;tjenesteomraade-tekst;tjeneste;inntekt-utgift;tjeneste-tekst;2013;2014;2015;2016" "the profile's columns"
"$BUDGETLAB" create "$T/b2.db" "$NB" --budget-year 2013 >/dev/null
run import "$T/b2.db" "$T/b-export.csv" --profile bergen-driftsbudsjett
is $RC 0 "the export imports again"
"$BUDGETLAB" export "$T/b.db" >"$T/e1.csv"
"$BUDGETLAB" export "$T/b2.db" >"$T/e2.csv"
cmp -s "$T/e1.csv" "$T/e2.csv"; ok $? "import -> export -> import is exact"

run export "$T/b.db" --profile bergen-driftsbudsjett --excel-da --output "$T/b-excel.csv"
is $RC 0 "the Danish-Excel variant"
is "$(head -c 3 "$T/b-excel.csv" | od -An -tx1 | tr -d ' ')" efbbbf "it starts with a BOM"
grep -q ';-1379950;' "$T/b-excel.csv"; ok $? "';' between fields, income negative as in the file"
"$BUDGETLAB" create "$T/b3.db" "$NB" --budget-year 2013 >/dev/null
run import "$T/b3.db" "$T/b-excel.csv" --profile bergen-driftsbudsjett
is $RC 0 "the Excel variant imports again"
"$BUDGETLAB" export "$T/b3.db" >"$T/e3.csv"
cmp -s "$T/e1.csv" "$T/e3.csv"; ok $? "and gives the same budget"
run export "$T/b.db" --excel-da
has "$OUT" "1.02.24410.Inntekt;Barneverntjeneste;operation;income;;1379950,00" "plain export in the Excel variant: decimal comma"

# Sub-lines: every change group a line of its own.
"$BUDGETLAB" create "$T/bs.db" "$NB" --budget-year 2013 >/dev/null
run import "$T/bs.db" "$BERGEN" --profile bergen-driftsbudsjett --sublines --json
is $RC 0 "Bergen with --sublines"
is "$(member lines)" 1761 "one line per row"
run lines "$T/bs.db" --unit kr
has "$OUT" "1.02.24410.Inntekt.N01" "a sub-line's code is the line's and the change group's"
has "$OUT" "Barneverntjeneste – Generelt inntektskrav" "its title names both"
run export "$T/bs.db" --profile bergen-driftsbudsjett --sublines --output "$T/bs.csv"
"$BUDGETLAB" create "$T/bs2.db" "$NB" --budget-year 2013 >/dev/null
run import "$T/bs2.db" "$T/bs.csv" --profile bergen-driftsbudsjett --sublines
"$BUDGETLAB" export "$T/bs.db" >"$T/s1.csv"
"$BUDGETLAB" export "$T/bs2.db" >"$T/s2.csv"
cmp -s "$T/s1.csv" "$T/s2.csv"; ok $? "sub-lines survive export and import"

# Windows-1252: the same file in Excel's old encoding gives the same sums.
if tail -c +4 "$BERGEN" | iconv -f UTF-8 -t WINDOWS-1252 >"$T/b1252.csv" 2>/dev/null; then
	"$BUDGETLAB" create "$T/bw.db" "$NB" --budget-year 2013 >/dev/null
	run import "$T/bw.db" "$T/b1252.csv" --profile bergen-driftsbudsjett --json
	is $RC 0 "a Windows-1252 file imports"
	has "$OUT" '"encoding": "windows-1252"' "its encoding is detected"
	"$BUDGETLAB" export "$T/bw.db" >"$T/ew.csv"
	cmp -s "$T/e1.csv" "$T/ew.csv"; ok $? "and gives the same budget, æøå included"
	run import "$T/bw.db" "$T/b1252.csv" --profile bergen-driftsbudsjett --encoding utf-8
	is $RC 1 "read as UTF-8 it is refused"
	has "$ERR" "is not UTF-8; expected UTF-8 text (the file looks like Windows-1252" "the message says what it looks like"
fi

# ---- Stavanger, 2016, one amount column ----
"$BUDGETLAB" create "$T/s.db" "$NB" --budget-year 2016 >/dev/null
run import "$T/s.db" "$STAV" --profile stavanger-budsjettforslag --json
is $RC 0 "Stavanger imports with the shipped profile"
is "$(member rows)" 12911 "12,911 rows read"
is "$(member rejected)" 0 "none rejected"
want=$(awk -F';' 'NR > 1 { s += $6 } END { printf "%.0f", s * 100 }' "$STAV")
got=$(sed -n 's/.*"2016": {"sum": \(-\{0,1\}[0-9]*\)}.*/\1/p' "$OUT")
is "$got" "$want" "Stavanger 2016: the sum equals the file's beloep to the øre"
want=$(awk -F';' 'NR > 1 && $3 == "Inntekt" { s -= $6 } END { printf "%.0f", s }' "$STAV")
run status "$T/s.db" --unit kr
has "$OUT" "Income" "status shows income"
run export "$T/s.db" --profile stavanger-budsjettforslag --output "$T/s-export.csv"
"$BUDGETLAB" create "$T/s2.db" "$NB" --budget-year 2016 >/dev/null
run import "$T/s2.db" "$T/s-export.csv" --profile stavanger-budsjettforslag
"$BUDGETLAB" export "$T/s.db" >"$T/t1.csv"
"$BUDGETLAB" export "$T/s2.db" >"$T/t2.csv"
cmp -s "$T/t1.csv" "$T/t2.csv"; ok $? "Stavanger: import -> export -> import is exact"

# ---- bad rows: refused with line and reason, nothing changed ----
"$BUDGETLAB" create "$T/x.db" "$NB" --budget-year 2013 >/dev/null
"$BUDGETLAB" import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett >/dev/null
clean=$(state "$T/x.db" | cksum)
H=$(head -1 "$BERGEN")
row='1;Byrådsleders avdeling;Utgift;02;Barnevern;24410;Barneverntjeneste;N00;Vedtatt;Tekst; 100 ; 100 ; 100 ; 100 '
bad() { # bad NAME LINE... : a file of the header, a good row and the lines
	f="$T/$1.csv"
	shift
	{ printf '%s\n%s\n' "$H" "$row"; for l in "$@"; do printf '%s\n' "$l"; done; } >"$f"
}
refused() { # refused FILE MESSAGE NAME
	run import "$T/x.db" "$1" --profile bergen-driftsbudsjett
	is $RC 1 "$3: refused"
	has "$ERR" "$2" "$3: the message"
	has "$ERR" "nothing was imported" "$3: says nothing was imported"
	is "$(state "$T/x.db" | cksum)" "$clean" "$3: the database is unchanged"
}
bad fields '1;Byrådsleders avdeling;Utgift;02;Barnevern;24410;Barneverntjeneste;N00;Vedtatt;Tekst; 100 ; 100 ; 100 '
refused "$T/fields.csv" "fields.csv:3: the row has 13 fields; the header has 14" "a row with a field missing"
bad amount '1;Byrådsleders avdeling;Utgift;02;Barnevern;24411;Barn;N00;V;T; 1,2,3 ; 1 ; 1 ; 1 '
refused "$T/amount.csv" "amount.csv:3: column '2013': \"1,2,3\" is not an amount" "an amount that does not parse"
bad direction '1;Byrådsleders avdeling;Utgfit;02;Barnevern;24411;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 '
refused "$T/direction.csv" "the column 'inntekt-utgift' is 'Utgfit'; expected Inntekt (income) or Utgift (expense)" "an unknown direction"
bad code '1;Byrådsleders avdeling;Utgift;02;Barnevern;;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 '
refused "$T/code.csv" "the line code (column 'tjeneste') is empty" "an empty code"
bad quote '1;Byrådsleders "avdeling";Utgift;02;Barnevern;24411;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 '
refused "$T/quote.csv" "quote.csv:3: a quote inside field 2" "a stray quote"
bad overflow '1;A;Utgift;02;B;24411;Barn;N00;V;T; 92 233 720 368 547 758,07 ; 1 ; 1 ; 1 ' \
	'1;A;Utgift;02;B;24411;Barn;N01;V;T; 1 ; 1 ; 1 ; 1 '
refused "$T/overflow.csv" "does not fit in 64 bits" "a line's sum that overflows"
bad big '1;A;Utgift;02;B;24411;Barn;N00;V;T; 99 999 999 999 999 999 999 ; 1 ; 1 ; 1 '
refused "$T/big.csv" "it is too large" "an amount beyond 64 bits"
printf '%s\n%s\n1;A;Utgift;02;B;24411;"Barn' "$H" "$row" >"$T/cut.csv"
refused "$T/cut.csv" "the file ends inside a quoted field" "a file cut inside a quoted field"
printf '%s\n%s\n1;A;Utgift;02;B;24411;Ba' "$H" "$row" >"$T/cut2.csv"
refused "$T/cut2.csv" "cut2.csv:3: the row has 7 fields; the header has 14 (is a delimiter missing, or the row cut off?)" "a file cut in a row"
printf '%s\n%s\n' "$H" '1;A;Utgift;02;B;24411;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 ' >"$T/mixed.csv"
printf '1;\306ndret;Utgift;02;B;24412;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 \n' >>"$T/mixed.csv"
run import "$T/x.db" "$T/mixed.csv" --profile bergen-driftsbudsjett --encoding utf-8
is $RC 1 "invalid UTF-8 read as UTF-8: refused"
has "$ERR" "mixed.csv:3: byte 3 (0xc6) is not UTF-8" "the byte is named with its line"
is "$(state "$T/x.db" | cksum)" "$clean" "invalid UTF-8: the database is unchanged"

# The same code in two areas or directions cannot be one line.
bad twice '1;A;Inntekt;02;B;24410;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 '
sed 's/code: "{avdeling}.{tjomr}.{tjeneste}.{inntekt-utgift}"/code: tjeneste/' \
	"$SRCDIR/config/import/bergen-driftsbudsjett.yaml" >"$T/short.yaml"
run import "$T/x.db" "$T/twice.csv" --profile "$T/short.yaml"
is $RC 1 "one code with two directions: refused"
has "$ERR" "the line code '24410' is already the expense line of line 2 in another area or direction" "the message names the first row"

# Areas that must exist.
sed 's/^new_areas: true/new_areas: false/' "$SRCDIR/config/import/bergen-driftsbudsjett.yaml" >"$T/existing.yaml"
bad newarea '77;Ny avdeling;Utgift;02;B;24411;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 '
run import "$T/x.db" "$T/newarea.csv" --profile "$T/existing.yaml"
is $RC 1 "an area not in the process: refused"
has "$ERR" "newarea.csv:3: the area '77' is not in the process" "the message names the area and the row"
is "$(state "$T/x.db" | cksum)" "$clean" "an unknown area: the database is unchanged"

# Years: a long file with a year column, one year outside the process.
cat >"$T/long.yaml" <<'EOF'
budgetlab: 1
title: Long format
areas:
  - code: area
line:
  code: code
  title: title
direction: sign
amounts:
  - column: amount
    year_column: year
EOF
printf 'area;code;title;year;amount\nA;1;Skole;2013;100\nA;1;Skole;2012;100\nA;1;Skole;2014;1 000,50\n' >"$T/long.csv"
run import "$T/x.db" "$T/long.csv" --profile "$T/long.yaml"
is $RC 1 "a year outside the process: refused"
has "$ERR" "long.csv:3: the year 2012 (column 'year') is outside the process (2013-2016)" "the message names the year and the row"
is "$(state "$T/x.db" | cksum)" "$clean" "a year outside: the database is unchanged"

# A UTF-8 file with one damaged byte is still UTF-8: that row alone is
# reported, the others are not read as Windows-1252.
{ printf '%s\n' "$H"; printf '1;Byr\303\245dsleders avdeling;Utgift;02;B;24411;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 \n'
  printf '1;\306ndret;Utgift;02;B;24412;Barn;N00;V;T; 1 ; 1 ; 1 ; 1 \n'; } >"$T/damaged.csv"
run import "$T/x.db" "$T/damaged.csv" --profile bergen-driftsbudsjett --json
is $RC 1 "a damaged UTF-8 file: refused"
has "$OUT" '"encoding": "utf-8"' "it is read as UTF-8"
has "$ERR" "damaged.csv:3: byte 3 (0xc6) is not UTF-8" "the damaged row is named"
is "$(member rejected)" 1 "only that row is rejected"

# A profile without areas: every line needs one.
grep -v '^areas:\|^  - code:\|^    name:' "$SRCDIR/config/import/bergen-driftsbudsjett.yaml" >"$T/noareas.yaml"
run import "$T/x.db" "$BERGEN" --profile "$T/noareas.yaml"
is $RC 1 "a profile without areas: refused"
has "$ERR" "noareas.yaml: the profile has no 'areas'" "the message names the profile"
is "$(state "$T/x.db" | cksum)" "$clean" "no areas: the database is unchanged"

printf 'area;code;title;year;amount\nA;1;Skole;2013;1234.50\n' >"$T/point.csv"
run import "$T/x.db" "$T/point.csv" --profile "$T/long.yaml"
is $RC 1 "a decimal point where the profile says comma: refused"
has "$ERR" "point.csv:2: column 'amount': \"1234.50\" is written with a decimal point, but the profile says decimal: comma" "the message names the profile's key"

# A file that ends exactly at a page boundary (it is mapped into memory,
# and nothing may be read past its end), on a lone CR.
{ printf 'area;code;title;year;amount\r'; i=0; while [ $i -lt 200 ]; do printf 'A;%d;Skole;2013;100\r' $i; i=$((i + 1)); done; } | head -c 4095 >"$T/page.csv"
printf '\r' >>"$T/page.csv"
is "$(wc -c <"$T/page.csv" | tr -d ' ')" 4096 "a file of 4096 bytes (test data)"
run import "$T/x.db" "$T/page.csv" --profile "$T/long.yaml" --dry-run
ok $([ $RC -le 1 ] && echo 0 || echo 1) "it is read to its end and no further (exit $RC)"

# --lenient: the sound rows in, the others to the reject file, unchanged.
cp "$T/long.csv" "$T/long2.csv"
printf 'A;2;Vei;2013;abc\n' >>"$T/long2.csv"
(cd "$T" && "$BUDGETLAB" import x.db long2.csv --profile long.yaml --lenient --json >"$OUT" 2>"$ERR"); RC=$?
is $RC 0 "--lenient imports the rest"
is "$(member rejected)" 2 "two rows rejected"
is "$(member lines)" 1 "one line imported"
has "$OUT" '"rejects_file": "long2.rejected.csv"' "the reject file is named"
printf 'area;code;title;year;amount\nA;1;Skole;2012;100\nA;2;Vei;2013;abc\n' >"$T/want-rejects.csv"
cmp -s "$T/want-rejects.csv" "$T/long2.rejected.csv"; ok $? "the reject file holds the header and the rejected rows, unchanged"
run lines "$T/x.db" --unit kr
has "$OUT" "1 000,50" "the sound rows are in (nb amounts with a decimal comma)"
run import "$T/x.db" "$T/long2.csv" --profile "$T/long.yaml" --lenient --rejects "$T/none/r.csv"
is $RC 3 "a reject file that cannot be written: exit 3"
has "$ERR" "cannot write the rejected rows to '$T/none/r.csv'" "the message names it"

# The reject file, fixed, goes in with --add: the rest of the budget stays.
"$BUDGETLAB" create "$T/r.db" "$NB" --budget-year 2013 >/dev/null
sed 's/^\(1;Byrådsleders avdeling;Inntekt;02;Barnevern;24410;Barneverntjeneste;N01;[^;]*;[^;]*;\) -17 700 /\1 -17x700 /' \
	"$BERGEN" >"$T/b-bad.csv"
(cd "$T" && "$BUDGETLAB" import r.db b-bad.csv --profile bergen-driftsbudsjett --lenient >"$OUT" 2>"$ERR"); RC=$?
is $RC 0 "a lenient import of Bergen with one bad amount"
has "$OUT" "fix the rows there, then import that file with --add" "the summary says how to bring the rows in"
has "$OUT" "the 1 rejected rows are not in them" "the sums say they leave out the rejected row"
sed 's/-17x700/-17 700/' "$T/b-bad.rejected.csv" >"$T/b-fixed.csv"
run import "$T/r.db" "$T/b-fixed.csv" --profile bergen-driftsbudsjett --add --json
is $RC 0 "the fixed reject file with --add"
is "$(member lines_removed)" 0 "--add removes nothing"
"$BUDGETLAB" export "$T/r.db" >"$T/r1.csv"
cmp -s "$T/e1.csv" "$T/r1.csv"; ok $? "lenient import + fixed rejects with --add = the whole file"
run import "$T/r.db" "$T/b-fixed.csv" --profile bergen-driftsbudsjett
is $RC 0 "the same file without --add replaces the version"
has "$OUT" "556 removed)" "the other lines are removed"
has "$OUT" "the 556 lines removed were in the version but not in the file" "and the summary says so"

# Guards: a reject file must go in with --add, and is never overwritten.
cp "$T/b-fixed.csv" "$T/again.rejected.csv"
run import "$T/r.db" "$T/again.rejected.csv" --profile bergen-driftsbudsjett
is $RC 2 "a reject file without --add: refused"
has "$ERR" "looks like the reject file of a lenient import: import it with --add" "the message says --add"
(cd "$T" && "$BUDGETLAB" import r.db b-bad.csv --profile bergen-driftsbudsjett --lenient >"$OUT" 2>"$ERR"); RC=$?
is $RC 2 "a lenient import whose reject file exists: refused"
has "$ERR" "the reject file 'b-bad.rejected.csv' exists already" "the message names it"
run import "$T/b.db" "$T/b-fixed.csv" --profile bergen-driftsbudsjett --dry-run
has "$OUT" "556 removed)" "a dry run counts the lines a replace would remove"
run import "$T/r.db" "$T/b-bad.csv" --profile bergen-driftsbudsjett --json
has "$OUT" '"rejects": [{"line": 3, "reason": "column' "--json lists every rejected row with its reason"
printf '\320\317\021\340\241\261\032\341xx' >"$T/old.xls"
run import "$T/r.db" "$T/old.xls" --profile bergen-driftsbudsjett
has "$ERR" "is an Excel workbook (.xls), not a CSV file" "an old Excel file is named"

# "{year}" in an amount column: the same profile reads every year's file.
cat >"$T/yearly.yaml" <<'EOF'
budgetlab: 1
title: Yearly
areas:
  - code: Udvalg
line:
  code: Konto
  title: Tekst
direction: sign
amounts:
  - column: "Budget {year}"
    year: budget_year
  - column: "Overslag {year}"
    year: budget_year+1
EOF
printf 'Udvalg;Konto;Tekst;Regnskab 2011;Budget 2013;Overslag 2014\nBSU;1;Skole;5;810 000,00;820 000,00\n' >"$T/y2013.csv"
"$BUDGETLAB" create "$T/y.db" "$NB" --budget-year 2013 >/dev/null
run import "$T/y.db" "$T/y2013.csv" --profile "$T/yearly.yaml" --json
is $RC 0 "columns named by {year}"
has "$OUT" '"2013": {"sum": 81000000}, "2014": {"sum": 82000000}' "each into its year"
"$BUDGETLAB" create "$T/y14.db" "$NB" --budget-year 2014 >/dev/null
run import "$T/y14.db" "$T/y2013.csv" --profile "$T/yearly.yaml"
is $RC 1 "last year's file in next year's process: refused"
has "$ERR" "the amount column 'Budget 2014' is not in the header" "the message names the column it looked for"
sed 's/"Budget {year}"/"Budget 2013"/' "$T/yearly.yaml" >"$T/fixed-col.yaml"
run import "$T/y14.db" "$T/y2013.csv" --profile "$T/fixed-col.yaml"
is $RC 1 "a column whose name says another year: refused"
has "$ERR" "the column 'Budget 2013' is mapped to 2014, but its name says 2013" "the message names both years"
printf 'budgetlab: 1\ntitle: x\nline:\n  code: {Udvalg}.{Konto}\n  title: t\n' >"$T/unquoted.yaml"
run import "$T/y.db" "$T/y2013.csv" --profile "$T/unquoted.yaml"
has "$ERR" "unquoted.yaml:4:17: YAML syntax error" "an unquoted template: the position"
has "$ERR" 'write a template such as "{avdeling}.{tjeneste}"' "and the hint to quote it"
run export "$T/y.db" --excel
has "$OUT" ";810000,00;820000,00" "--excel is --excel-da"
run export "$T/y.db" --profile "$T/yearly.yaml"
has "$OUT" "Udvalg;Konto;Tekst;Budget 2013;Overslag 2014" "export names the {year} columns"

# The file's last row without a line end keeps its line number and its
# bytes in the reject file.
printf 'area;code;title;year;amount\nA;1;Skole;2013;100\nA;2;Vei;2013;abc' >"$T/nonl.csv"
(cd "$T" && "$BUDGETLAB" import x.db nonl.csv --profile long.yaml --lenient --dry-run >"$OUT" 2>"$ERR"); RC=$?
has "$ERR" "nonl.csv:3: column 'amount'" "the last row without a line end: its own line number"
(cd "$T" && "$BUDGETLAB" import x.db nonl.csv --profile long.yaml --lenient >"$OUT" 2>"$ERR"); RC=$?
printf 'area;code;title;year;amount\nA;2;Vei;2013;abc\r\n' >"$T/want-nonl.csv"
cmp -s "$T/want-nonl.csv" "$T/nonl.rejected.csv"; ok $? "and its bytes in the reject file"

# --dry-run changes nothing.
"$BUDGETLAB" create "$T/d.db" "$NB" --budget-year 2013 >/dev/null
dclean=$(state "$T/d.db" | cksum)
run import "$T/d.db" "$BERGEN" --profile bergen-driftsbudsjett --dry-run
is $RC 0 "a dry run"
has "$OUT" "Checked (nothing was changed)" "it says so"
has "$OUT" "Lines:     557 (557 created" "and what would happen"
is "$(state "$T/d.db" | cksum)" "$dclean" "the dry run changed nothing"

# A phase that locks amounts refuses an import.
"$BUDGETLAB" advance "$T/d.db" >/dev/null 2>&1
run import "$T/d.db" "$BERGEN" --profile bergen-driftsbudsjett
is $RC 1 "amounts locked: refused"
has "$ERR" "locked" "the message names the lock"

# ---- files and profiles that cannot be used ----
clean=$(state "$T/x.db" | cksum)
run import "$T/x.db" "$T/missing.csv" --profile bergen-driftsbudsjett
is $RC 3 "a missing file: exit 3"
has "$ERR" "cannot read '$T/missing.csv'" "the message names it"
run import "$T/x.db" "$T" --profile bergen-driftsbudsjett
is $RC 3 "a directory: exit 3"
: >"$T/empty.csv"
run import "$T/x.db" "$T/empty.csv" --profile bergen-driftsbudsjett
is $RC 3 "an empty file: exit 3"
has "$ERR" "is empty; expected a header line and rows" "the message says what was expected"
printf 'PK\003\004junk' >"$T/book.csv"
run import "$T/x.db" "$T/book.csv" --profile bergen-driftsbudsjett
is $RC 3 "a workbook: exit 3"
has "$ERR" "is a spreadsheet workbook (.xlsx or .ods), not a CSV file" "the message says to save it as CSV"
printf '\377\376a\000;\000' >"$T/utf16.csv"
run import "$T/x.db" "$T/utf16.csv" --profile bergen-driftsbudsjett
has "$ERR" "is UTF-16" "UTF-16 is named"
printf 'a;b\n1;2\0\n' >"$T/nul.csv"
run import "$T/x.db" "$T/nul.csv" --profile bergen-driftsbudsjett
has "$ERR" "line 2, byte 4: a NUL byte" "a NUL byte is found"
printf 'no delimiter here\n' >"$T/one.csv"
run import "$T/x.db" "$T/one.csv" --profile bergen-driftsbudsjett
has "$ERR" "the first line has no ';', ',' or tab" "a file without delimiters"
printf 'a;b\n1;2\n' >"$T/other.csv"
run import "$T/x.db" "$T/other.csv" --profile bergen-driftsbudsjett
is $RC 1 "a file of another layout: refused"
has "$ERR" "bergen-driftsbudsjett.yaml:17:11: the area code names the column 'avdeling', which is not in the header of '$T/other.csv'; expected one of: a, b" "the profile's line and column, and the header"
is "$(state "$T/x.db" | cksum)" "$clean" "bad files: the database is unchanged"

run import "$T/x.db" "$BERGEN" --profile nosuch
is $RC 1 "an unknown profile"
has "$ERR" "there is no import profile 'nosuch'; expected a path to a .yaml file or one of: bergen-driftsbudsjett, stavanger-budsjettforslag" "the profiles there are are listed"
printf 'budgetlab: 1\ntitle: x\nline: [a]\ndirection: sing\namounts: header_yeras\nfoo: 1\n' >"$T/bad.yaml"
run import "$T/x.db" "$BERGEN" --profile "$T/bad.yaml"
is $RC 1 "a bad profile"
has "$ERR" "bad.yaml:3:7: 'line' is a list; expected line: a mapping with code and title" "a list where a mapping belongs"
has "$ERR" "bad.yaml:4:12: direction: 'sing' is not known" "an unknown direction kind"
has "$ERR" "bad.yaml:5:10: amounts: 'header_yeras' is not known" "an unknown amounts kind"
has "$ERR" "bad.yaml:6:1: unknown key 'foo' at the top level" "an unknown key"

# Options.
run import "$T/x.db" "$BERGEN"
is $RC 2 "no --profile: usage"
has "$ERR" "--profile is missing" "says what is missing"
run import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett --encoding ebcdic
is $RC 2 "an unknown encoding: usage"
has "$ERR" "--encoding 'ebcdic' is not an encoding budgetlab reads" "names it"
run import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett --delimiter '|'
is $RC 2 "an unknown delimiter: usage"
run import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett --version draft
is $RC 2 "an unknown version: usage"
run import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett --sum --sublines
is $RC 2 "--sum with --sublines: usage"
run import "$T/x.db" "$BERGEN" --profile stavanger-budsjettforslag --sublines
is $RC 2 "--sublines without a subline mapping: usage"
run import "$T/x.db" --profile bergen-driftsbudsjett
is $RC 2 "no file: usage"
run export "$T/x.db" --profile nosuch
is $RC 1 "export with an unknown profile"
run create "$T/bad-year.db" "$NB" --budget-year 20x
is $RC 2 "create --budget-year that is not a year: usage"
has "$ERR" "--budget-year '20x' is not a whole number from 1900 to 2190" "the message gives the range"
run create "$T/bad-year.db" "$NB" --budget-year 1800
is $RC 2 "create --budget-year out of range: usage"
[ ! -e "$T/bad-year.db" ]; ok $? "no database is made"
run export "$T/x.db" --sublines
is $RC 2 "export --sublines without --profile: usage"
has "$ERR" "--sublines goes with --profile" "the message says so"
run export "$T/x.db" --profile stavanger-budsjettforslag --sublines
is $RC 2 "export --sublines with a profile without subline: usage"
run import "$T/x.db" "$BERGEN" --profile bergen-driftsbudsjett --lenient --rejects ''
is $RC 2 "an empty --rejects: usage"
is "$(state "$T/x.db" | cksum)" "$clean" "bad options: the database is unchanged"

done_testing
