#!/bin/sh
# The projector view, budgetlab --present: the screen at projector sizes
# and at the smallest; following another process's commits (amounts, the
# spotlight, the phase) without a key; read-only (no key writes, the file
# is unchanged, a write-protected file works); files it cannot open.
. "$SRCDIR/tests/ui/lib.sh"

DB="$T/demo.budgetlab"
demo_db "$DB"
SQL() { sqlite3 "$1" "$2"; }

# The whole budget's balance per year in øre, from `budgetlab status` (the
# CLI, not the screen's code), e.g. "2028=4130000000 2029=...".
cli_balances() {
	"$BUDGETLAB" status "$1" --unit kr | awk '
		/^Area / { for (i = 2; i <= NF; i++) year[i] = $i }
		/^Balance/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^-?[0-9.]+(,[0-9]+)?$/) v[++n] = $i
			for (i = 1; i <= n; i++) { gsub(/\./, "", v[i]); if (!sub(/,/, "", v[i])) v[i] = v[i] "00"
				printf "%s=%s ", year[i + 1], v[i] } }'
}
state_balances() {
	for y in 2028 2029 2030 2031; do
		printf '%s=%s ' "$y" "$(grep -m1 "^present.balance.$y=" "$T/$1.state" | cut -d= -f2)"
	done
}

# ---- the view at three sizes, and the smallest ----
ui "$DB" --present <<'EOF'
screen present-80x24
state s80
EOF
is "$RC" 0 "the projector view runs at 80x24"
screen_same present-80x24
state_is s80 screen present
state_is s80 readonly yes
state_is s80 theme contrast
state_is s80 unit mio
state_is s80 present.phase goals
state_is s80 present.spotlight none
state_is s80 present.focus "Mål før økonomi"
state_is s80 present.focus.text "Budgetprocessen begynder med målene, ikke med tallene."
state_is s80 present.big "41,3"
state_is s80 present.big.what balance.2028
state_is s80 present.big.scale 3
state_is s80 present.years_shown 4
want=$(cli_balances "$DB")
got=$(state_balances s80)
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok 0 "the balances per year are the CLI's, exactly"; else
	ok 1 "the balances per year are the CLI's, exactly"
	echo "#   cli:    $want"
	echo "#   screen: $got"
fi
screen_has present-80x24 "Egekær Kommune" "the municipality is shown"
screen_has present-80x24 "Phase 1 of 10: Mål før økonomi" "the phase is shown"
screen_has present-80x24 "-38,4" "the deficit year is in the table"
screen_has present-80x24 "█" "the balance is in big digits"

ui "$DB" --present --size 120x35 <<'EOF'
screen present-120x35
state s120
EOF
screen_same present-120x35
state_is s120 present.big.scale 4
ui "$DB" --present --size 160x45 <<'EOF'
screen present-160x45
state s160
EOF
screen_same present-160x45
state_is s160 present.big.scale 6
# The smallest size the program lays out: the digits at scale 1, and the
# header, the focus and the whole table still there.
ui "$DB" --present --size 60x16 <<'EOF'
screen present-60x16
state s60
EOF
screen_same present-60x16
state_is s60 present.big.scale 1
screen_has present-60x16 "Balance" "at 60x16 the balance row is shown"
# Below it: app.c's "too small"; back to the view when it grows.
ui "$DB" --present <<'EOF'
resize 50 12
screen small
state small
resize 80 24
state grown
EOF
state_is small too_small yes
screen_has small "Terminal too small" "below 60x16: too small"
state_is grown too_small no
state_is grown present.big.scale 3
# Kroner instead of millions: a long number falls back to a smaller size.
ui "$DB" --present --unit kr <<'EOF'
state kr
EOF
state_is kr present.big "41.300.000"
state_is kr present.big.scale 1

# ---- following another process ----
# The demo is in the goals phase, which locks amounts; labs locks nothing.
F="$T/follow.budgetlab"
demo_db "$F"
run advance "$F" --override "test: the projector follows amounts"
is "$RC" 0 "advance to labs (no amount lock)"
ui "$F" --present --size 120x35 <<EOF
state f0
exec "$BUDGETLAB" line set "$F" 5.57.73.001 --amount 2028=200.000.000 >/dev/null
wait-change 3000
screen present-follow-amount
state f1
exec sqlite3 "$F" "UPDATE spotlight SET kind='message', ref=NULL, text='Vi stemmer nu om puljen', at='2027-01-20T09:00:00Z' WHERE id=1"
wait-change 3000
screen present-message
state f2
exec sqlite3 "$F" "UPDATE spotlight SET kind='line', ref='5.57.73.001', text=NULL WHERE id=1"
wait-change 3000
screen present-line
state f3
exec sqlite3 "$F" "UPDATE spotlight SET kind='goal', ref='4', text=NULL WHERE id=1"
wait-change 3000
screen present-goal
state f4
exec sqlite3 "$F" "UPDATE spotlight SET kind='line', ref='9.99.99', text=NULL WHERE id=1"
wait-change 3000
state f5
exec "$BUDGETLAB" advance "$F" --override "test: the projector follows the phase" >/dev/null
wait-change 3000
state f6
EOF
is "$RC" 0 "the follow script ran"
state_is f0 present.phase labs
state_is f0 present.balance.2028 4130000000
# 117,8 mio. -> 200 mio.: expenses up 82,2 mio., the balance 41,3 -> -40,9.
state_is f1 present.expense.2028 494005000000
state_is f1 present.balance.2028 -4090000000
state_is f1 present.balance.2029 870000000
state_is f1 present.big "-40,9"
screen_has present-follow-amount "Balance 2028: a deficit" "a deficit is named"
screen_same present-follow-amount
state_is f2 present.spotlight message
state_is f2 present.message "Vi stemmer nu om puljen"
state_is f2 present.focus "Vi stemmer nu om puljen"
screen_same present-message
state_is f3 present.spotlight line:5.57.73.001
state_is f3 present.spotlight.found yes
state_is f3 present.big.what expense.2028
state_is f3 present.spot.amount.2028 20000000000
state_is f3 present.big "200,0"
screen_same present-line
state_is f4 present.spotlight goal:4
state_is f4 present.focus "Flere børn i trivsel"
state_is f4 present.big.what net.2028
state_is f4 present.big.scale 0
screen_same present-goal
state_is f5 present.spotlight.found no
state_is f5 present.focus "9.99.99"
state_is f5 present.big.what balance.2028
state_is f6 present.phase proposal

# A goal at a goals-before-economy workshop (the demo's first phase): the
# room reads the goal, its title at the top in the big role, its
# description, status and SDG targets under it; the money after it in
# normal-size figures, not big digits.  Nothing about people.
G="$T/goal.budgetlab"
demo_db "$G"
SQL "$G" "UPDATE spotlight SET kind='goal', ref='4', text=NULL WHERE id=1"
for size in 80x24 160x45; do
	ui "$G" --present --size $size <<EOF
screen present-goal-$size
state g$size
EOF
	screen_same present-goal-$size
	state_is g$size present.phase goals
	state_is g$size present.focus "Flere børn i trivsel"
	state_is g$size present.big.scale 0
	# The title is the first text under the header, above the description.
	title_row=$(grep -n "Flere børn i trivsel" "$T/present-goal-$size.screen" | head -1 | cut -d: -f1)
	desc_row=$(grep -n "Social bæredygtighed" "$T/present-goal-$size.screen" | head -1 | cut -d: -f1)
	money_row=$(grep -n "Net cost 2028" "$T/present-goal-$size.screen" | head -1 | cut -d: -f1)
	if [ -n "$title_row" ] && [ -n "$desc_row" ] && [ -n "$money_row" ] && [ "$title_row" -le 3 ] &&
		[ "$desc_row" -gt "$title_row" ] && [ "$money_row" -gt "$desc_row" ]; then
		ok 0 "$size: the goal's title on top, its description, then the money"
	else
		ok 1 "$size: the goal's title on top, its description, then the money"
		echo "#   title $title_row, description $desc_row, money $money_row"
	fi
	screen_has present-goal-$size "agreed · SDG 3.4, 4.1" "$size: the goal's status and SDG targets"
	if grep -q "█" "$T/present-goal-$size.screen"; then
		ok 1 "$size: no big digits over the goal"
	else ok 0 "$size: no big digits over the goal"; fi
done

# An area, at the smallest projector size: the area's rows and the
# whole budget's both fit under the digits.
A="$T/area.budgetlab"
demo_db "$A"
SQL "$A" "UPDATE spotlight SET kind='area', ref='BSU', text=NULL WHERE id=1"
ui "$A" --present <<'EOF'
screen present-area-80x24
state area
EOF
screen_same present-area-80x24
state_is area present.spotlight area:BSU
state_is area present.spot.net.2028 124310000000
state_is area present.big "1.243,1"
# At the smallest size the digits win over the area's income and
# expense rows; its net cost and the whole budget stay.
ui "$A" --present --size 60x16 <<'EOF'
screen present-area-60x16
state area60
EOF
screen_same present-area-60x16
state_is area60 present.big.scale 1
screen_has present-area-60x16 "Net cost" "at 60x16 the area's net cost is in the table"
# A message with control characters (only a hand-edited file has them)
# reaches the screen without them.
SQL "$A" "UPDATE spotlight SET kind='message', ref=NULL, text='Pause' || char(27) || '[2J til kl. 10' WHERE id=1"
ui "$A" --present <<'EOF'
state esc
EOF
state_is esc present.message "Pause [2J til kl. 10"

# ---- read-only ----
R="$T/ro.budgetlab"
demo_db "$R"
before=$(sum "$R")
"$BUDGETLAB" journal "$R" >"$T/journal.before"
ui "$R" --present <<'EOF'
key a
screen ro-a
state ro-a
key e
key d
key m
key p
key Enter
key Space
key x
key A
key P
key L
key u
key v
key 2
key 4
key Tab
key /
key Delete
key Insert
action message
type Hej Egekær
key Esc
state ro-after
key ?
state ro-keys
key t
state ro-theme
key C-l
state ro-redraw
EOF
is "$RC" 0 "every key pressed on the projector view"
state_is ro-a present.notice "The projector view is read-only: change the budget in the facilitator's terminal.  ? keys, q quit"
screen_has ro-a "The projector view is read-only" "the read-only notice is on the screen"
state_is ro-after screen present
state_is ro-after present.notice ""
state_is ro-after present.spotlight none
state_has ro-keys "present.notice=Keys:  ?, F1 help  q quit  t theme  C-l redraw"
state_is ro-keys screen present
state_is ro-theme theme mono
state_is ro-theme present.notice "Theme: mono"
state_is ro-redraw present.notice ""
after=$(sum "$R")
if [ "$before" = "$after" ]; then ok 0 "the database file is unchanged"; else ok 1 "the database file is unchanged"; fi
if [ ! -s "$R-wal" ]; then ok 0 "nothing was written to the WAL"; else ok 1 "nothing was written to the WAL"; fi
"$BUDGETLAB" journal "$R" >"$T/journal.after"
if cmp -s "$T/journal.before" "$T/journal.after"; then ok 0 "the journal is unchanged"; else ok 1 "the journal is unchanged"; fi
is "$(SQL "$R" "SELECT kind FROM spotlight")" none "the spotlight is unchanged"

# The notice goes by itself after a few seconds: a commit redraws the
# screen 4.5 s after the key, and the notice is gone.
N="$T/notice.budgetlab"
demo_db "$N"
ui "$N" --present <<EOF
key e
state n0
sleep 4500
exec sqlite3 "$N" "UPDATE spotlight SET kind='message', ref=NULL, text='Pause' WHERE id=1"
wait-change 3000
state n1
EOF
state_has n0 "present.notice=The projector view is read-only"
state_is n1 present.message Pause
state_is n1 present.notice ""

# A write-protected file works (its directory is writable: SQLite puts
# an empty -wal and a -shm beside a WAL file opened read-only).  Run as
# root this proves less, as root may write a 0400 file; the checksums
# above are the proof that nothing is written.
mkdir "$T/wp"
cp "$DB" "$T/wp/wp.budgetlab"
chmod 0400 "$T/wp/wp.budgetlab"
before=$(sum "$T/wp/wp.budgetlab")
ui "$T/wp/wp.budgetlab" --present <<'EOF'
key e
state wp
EOF
is "$RC" 0 "a write-protected database opens on the projector"
state_is wp present.big "41,3"
state_has wp "present.notice=The projector view is read-only"
is "$(sum "$T/wp/wp.budgetlab")" "$before" "and is unchanged"

# ---- files it cannot open: a clear message, exit 3 ----
printf 'Budget 2028, ikke en database\n' >"$T/text.budgetlab"
ui "$T/text.budgetlab" --present <<'EOF'
state x
EOF
is "$RC" 3 "a text file: exit 3"
has "$ERR" "text.budgetlab" "the message names the file"
hasnt "$ERR" "Usage" "and is not the usage"
head -c 3000 "$DB" >"$T/cut.budgetlab"
ui "$T/cut.budgetlab" --present <<'EOF'
state x
EOF
is "$RC" 3 "a database cut short: exit 3"
has "$ERR" "cut.budgetlab" "the message names the file"
ui "$T/missing.budgetlab" --present <<'EOF'
state x
EOF
is "$RC" 3 "a missing file: exit 3"
has "$ERR" "missing.budgetlab" "the message names the file"
if [ ! -e "$T/missing.budgetlab" ]; then ok 0 "and it is not created"; else ok 1 "and it is not created"; fi

done_testing
