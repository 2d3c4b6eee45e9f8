# The demo municipality: what `make demo` opens.
. "$SRCDIR/tests/cli/lib.sh"
db="$T/demo.budgetlab"

run demo "$db"
is $RC 0 "the demo is written"
has "$OUT" "$db" "and its path is named"
is "$(stat -c %a "$db")" 600 "the demo database is 0600"
before=$(sum "$db")
run demo "$db"
is $RC 3 "the demo refuses to overwrite a file"
is "$(sum "$db")" "$before" "and the file is unchanged"

run "$db"
is $RC 0 "budgetlab DB opens the process"
cp "$OUT" "$T/open.out"
run status "$db"
is "$(cat "$OUT")" "$(cat "$T/open.out")" "budgetlab DB shows the status"
same demo-status
has "$OUT" "Egekær Kommune" "the demo municipality"
has "$OUT" "Mål før økonomi" "is in the goals phase"
has "$OUT" "Locked in this phase: amounts" "with amounts locked"
has "$OUT" "FAIL every_area_has_agreed_goal" "and a goal missing"
run status "$db" --unit mio --depth 2
same demo-status-mio
run phase "$db"
is $RC 0 "the demo's phase view"
has "$OUT" "[x] 2." "a checklist item is ticked"
same demo-phase
[ "$(wc -L <"$OUT")" -le 80 ]; ok $? "the phase view fits 80 columns"
grep -A1 '^  \[x\] 2\. ' "$OUT" | tail -1 | grep -q '^         [^ ]'
ok $? "a long checklist item goes on under its text, not under the box"
run lines "$db" --area BSU
is $RC 0 "lines under an area"
has "$OUT" "lines" "with a count"
for u in kr t mio; do
	run lines "$db" --unit $u
	[ "$(wc -L <"$OUT")" -le 80 ]; ok $? "lines --unit $u fits 80 columns ($(wc -L <"$OUT"))"
done
COLUMNS=160; export COLUMNS
run lines "$db" --unit kr
sed -n 2p "$OUT" | grep -q '^  Code  *Title  *Type '
ok $? "at 160 columns, titles beside the amounts"
[ "$(wc -L <"$OUT")" -le 160 ]; ok $? "and within 160 columns"
run status "$db" --depth 2
same demo-status-wide
hasnt "$OUT" "…" "at 160 columns, status cuts no area name"
COLUMNS=80
run tick "$db" 4
is $RC 0 "tick a long item"
[ "$(wc -L <"$OUT")" -le 78 ] && [ "$(wc -l <"$OUT")" -eq 2 ] && sed -n 2p "$OUT" | grep -q '^       [^ ]'
ok $? "its text is wrapped with a hanging indent"
run journal "$db" --limit 3
has "$OUT" "demo" "the demo's journal names its actor"
run export "$db"
is $RC 0 "the demo exports"
lines=$(($(wc -l <"$OUT") - 1))
[ "$lines" -ge 300 ] && [ "$lines" -le 400 ]
ok $? "the demo has a few hundred lines ($lines)"
done_testing
