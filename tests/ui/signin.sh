# The sign-in screen (7): no lab chosen; participants signed in through
# the form (a pick-list per category, "not stated", an optional name);
# the representation changing with every sign-in, the under-represented
# groups flagged; a required category; a bad name; removing a
# participant (and not one who has voted); the representation on the
# projector; names on this screen only; at 80x24 and 160x45; another
# terminal's sign-ins; a closed lab.
. "$SRCDIR/tests/ui/lib.sh"
export BUDGETLAB_NOW=2027-03-12
db="$T/demo.budgetlab"
demo_db "$db"
jcount() { "$BUDGETLAB" journal "$1" | grep -cE '^ *[0-9]+  [0-9]{4}-' || true; }

# ---- no lab chosen ----
ui "$db" --screen signin <<'EOF'
screen signin-nolab
state nolab
key a
state nolab-a
key p
state nolab-p
EOF
is $RC 0 "the sign-in screen opens without a lab"
screen_same signin-nolab
state_is nolab signin.lab 0
screen_has signin-nolab "No lab is chosen. Choose one on the labs screen (6)" "it points to the labs screen"
state_is nolab-a message "No lab is chosen: choose one on the labs screen (6)."
state_is nolab-p message "No lab is chosen: choose one on the labs screen (6)."

run lab add "$db" --theme "Grønne byrum" --pool 1.000.000 --ballot godkendelse
run session add "$db" 1 --date 2027-03-12 --place Biblioteket --facilitator Mette
run idea add "$db" 1 --title "Ny legeplads" --cost 400.000 --status on_ballot

# ---- the labs screen chooses the lab; the first sign-in ----
j0=$(jcount "$db")
ui "$db" --screen labs <<'EOF'
key 7
state chosen
screen signin-empty
key a
state form
screen signin-form
type 3
key Tab
type K
key Tab
type M
key Tab
type V
key Tab
type D
key Tab
type Åse Ørum
state typed
key Enter
state first
EOF
is $RC 0 "sign in the first participant"
state_is chosen signin.lab 1
state_is chosen signin.session 1
state_is chosen signin.count 0
screen_has signin-empty "yet: a signs in the" "the empty list says what to do"
state_is form modal form
state_is form form.title "Sign in participant 1 · lab 1, session 1 (2027-03-12)"
state_is form field.Alder "not stated"
screen_same signin-form
state_is typed field.Alder "30–49 år"
state_is typed field.Køn Kvinde
state_is typed "field.Bydel / område" Midtbyen
state_is typed "field.Højeste fuldførte uddannelse" "Videregående uddannelse"
state_is typed field.Herkomst "Dansk oprindelse"
state_is typed "field.Name (optional)" "Åse Ørum"
state_is first modal ""
state_is first signin.count 1
state_is first signin.selected 1
state_is first signin.repr.alder "15-29:0:0:1900,30-49:1:10000:3000,50-64:0:0:2500,65plus:0:0:2600"
state_is first signin.repr.koen "kvinde:1:10000:5040,mand:0:0:4960,andet:0:0:-"
state_has first "signin.under_groups=alder:15-29,alder:50-64,alder:65plus,koen:mand,"
state_is first message "Signed in participant 1 (12 groups under-represented now)."
[ "$(jcount "$db")" -gt "$j0" ]; ok $? "the sign-in is journalled"
run participants "$db" 1
has "$OUT" "1  alder=30-49  bydel=midtbyen  herkomst=dansk  koen=kvinde  uddannelse=videregaaende" "the CLI has the participant and their groups"
hasnt "$OUT" "Åse" "but not the name without --names"
run participants "$db" 1 --names
has "$OUT" "Åse Ørum" "the name is kept apart"
run sessions "$db" 1
run representation "$db" 1
has "$OUT" "! Mand" "the CLI flags the same groups"

# ---- the flags change with each sign-in ----
ui "$db" --screen labs <<'EOF'
key 7 a
type 1
key Tab
type M
key F2
state second
key a
type 5
key Tab
type M
key Tab
type N
key F2
state third
key a
key Tab
type A
key F2
state fourth
EOF
is $RC 0 "three more sign-ins"
state_is second signin.count 2
state_is second signin.repr.alder "15-29:1:5000:1900,30-49:1:5000:3000,50-64:0:0:2500,65plus:0:0:2600"
# 15–29 at 50 % against a target of 19 %: no longer flagged; 30–49 at
# 50 % against 30 % neither; Mand at 50 % of 49,6 %: not flagged.
state_has second "signin.under_groups=alder:50-64,alder:65plus,bydel:nord,"
hasnt "$T/second.state" "koen:mand" "a man signing in takes the flag off Mand"
state_is third signin.repr.bydel "midtbyen:1:5000:3400,nord:1:5000:2200,syd:0:0:2600,landdistrikter:0:0:1800"
state_has third "signin.under_groups=alder:65plus,koen:kvinde,bydel:syd,"
state_is fourth signin.repr.koen "kvinde:1:2500:5040,mand:2:5000:4960,andet:1:2500:-"
# Kvinde at 25 % of 50,4 %: below 80 % of the target, flagged again.
state_has fourth "koen:kvinde"
state_is fourth signin.numbers "1,2,3,4"

# ---- the screen at 80x24 and 160x45 ----
ui "$db" --screen labs <<'EOF'
key 7
screen signin-80x24
state s80
resize 160 45
screen signin-160x45
state s160
resize 60 16
screen signin-60x16
EOF
screen_same signin-80x24
screen_same signin-160x45
screen_same signin-60x16
screen_has signin-80x24 "Lab 1: Grønne byrum · 4 signed in · session 1, 2027-03-12, Biblioteket" "the heading names the lab, the count, then the session"
screen_has signin-60x16 "Lab 1: Grønne byrum · 4 signed in · session" "at 60 columns the count is not cut off"
# At 60 columns the list is above the representation, each whole width:
# nothing is drawn over the list.
screen_has signin-60x16 "  1  Åse Ørum" "60 columns: the list keeps its rows"
screen_has signin-60x16 "──────────" "60 columns: a line between the list and the table"
is "$(awk 'length > 0' "$T/signin-60x16.screen" | grep -c '│')" 0 "60 columns: no vertical divider cuts into the list"
# 160 columns: the groups' names in the list get the room there is.
screen_has signin-160x45 "Bydel / område" "160 columns: a category's name whole"
screen_has signin-160x45 "Dansk oprinde" "160 columns: more of a group's name"
screen_has signin-80x24 "Åse Ø" "the name is on this screen"
screen_has signin-160x45 "Åse Ørum" "whole at 160 columns"
screen_has signin-160x45 "! 65 år og derover              0      0 %     26 %  under-represented" "an under-represented group is flagged in words when there is room"
screen_has signin-80x24 "! 65 år og dero…     0      0 %     26 %" "and with ! at 80 columns"
# æøå take one column: the representation's rows end in the same column.
rw() { grep -E '│' "$1" | grep -E ' [0-9]+ +[0-9,]+ % +([0-9,]+ %|–)' | while IFS= read -r l; do
	printf '%s' "$l" | sed -E 's/  under-represented$//' | wc -m; done | sort -u; }
is "$(rw "$T/signin-80x24.screen")" 79 "80 columns: every group's row ends in the same column"
is "$(rw "$T/signin-160x45.screen" | wc -l)" 1 "160 columns: the same"

# Names are personal data: the labs screen never shows them.
ui "$db" --screen labs <<'EOF'
screen signin-labs
resize 160 45
screen signin-labs-wide
EOF
hasnt "$T/signin-labs.screen" "Åse" "the labs screen shows no name"
hasnt "$T/signin-labs-wide.screen" "Åse" "not even at 160 columns"

# ---- a bad name, nothing written ----
j0=$(jcount "$db")
long=$(printf 'ø%.0s' $(seq 1 101))
ui "$db" --screen labs <<EOF
key 7 a
key Tab Tab Tab Tab Tab
type $long
key F2
state longname
key Esc
key y
state cancelled
EOF
state_is longname "field.Name (optional).error" "The name is 202 bytes long; at most 200 are allowed."
state_is longname form.error "Nothing was saved: correct the fields marked in red."
state_is cancelled message "Cancelled: no one was signed in."
state_is cancelled signin.count 4
is "$(jcount "$db")" "$j0" "nothing was journalled"

# ---- removing a participant ----
ui "$db" --screen labs <<'EOF'
key 7 End
state last
key d
state ask
key n
state kept
key d
key y
state removed
EOF
state_is last signin.selected 4
state_is ask question "Remove participant 4, signed in by mistake? Their groups leave the representation."
state_is kept message "Participant 4 stays."
state_is kept signin.count 4
state_is removed message "Removed participant 4 from lab 1."
state_is removed signin.numbers "1,2,3"
state_is removed signin.repr.koen "kvinde:1:3333:5040,mand:2:6667:4960,andet:0:0:-"
run participants "$db" 1
hasnt "$OUT" "   4  " "the participant is gone"

# One who has voted stays.
run ballot add "$db" 1 "1" --participant 1
is $RC 0 "participant 1 votes"
ui "$db" --screen labs <<'EOF'
key 7 Home d y
state voted
EOF
state_is voted message "participant 1 has cast a ballot and stays on the list; void the ballot if it was a mistake"
state_is voted signin.numbers "1,2,3"

# ---- the projector ----
ui "$db" --screen labs <<'EOF'
key 7 p
state spot
screen signin-spot
EOF
state_is spot message "On the projector: the representation of lab 1 (counts only, no names)."
state_is spot signin.spotlight representation
screen_has signin-spot "◆ on the projector" "the screen says the representation is projected"
is "$(sqlite3 "$db" "SELECT kind || ' ' || ref FROM spotlight")" "representation 1" "the spotlight is in the database"

# ---- another terminal signs someone in ----
ui "$db" --screen labs <<EOF
key 7
state before
exec "$BUDGETLAB" participant add "$db" 1 --session 1 alder=65plus koen=kvinde >/dev/null
wait-change 2000
state after
EOF
state_is before signin.count 3
state_is after signin.count 4
state_is after signin.repr.alder "15-29:1:2500:1900,30-49:1:2500:3000,50-64:1:2500:2500,65plus:1:2500:2600"

# ---- a required category ----
cat >"$T/req.yaml" <<'EOF'
budgetlab: 1
process:
  municipality: Årslev Kommune
  title: Budget 2028–2031
  language: da
  currency: DKK
  budget_year: 2028
phases:
  - id: labs
    title: Borgerlab
labs:
  categories:
    - key: bydel
      name: Bydel
      required: true
      values:
        - {key: nord, name: Nord, target: 50%}
        - {key: syd, name: Syd, target: 50%}
  ballots:
    - key: kryds
      name: Kryds
      type: approval
EOF
rdb="$T/req.budgetlab"
run create "$rdb" "$T/req.yaml"
is $RC 0 "a process with a required category"
run lab add "$rdb" --theme "Trafik" --pool 100.000 --ballot kryds
ui "$rdb" --screen labs <<'EOF'
key 7 a
state rform
key F2
state required
key Space
state picked
key F2
state signed
EOF
state_is rform field.Bydel "–"
state_is rform form.title "Sign in participant 1 · lab 1, no session"
state_is required field.Bydel.error "Bydel is required at sign-in: Space picks a group."
state_is picked field.Bydel Nord
state_is signed signin.count 1
state_is signed signin.repr.bydel "nord:1:10000:5000,syd:0:0:5000"
state_is signed signin.under_groups "bydel:syd"
run participants "$rdb" 1
has "$OUT" "1  bydel=nord" "signed in without a session, with the required group"

# ---- a closed lab ----
run lab set "$db" 1 --status closed
ui "$db" --screen labs <<'EOF'
key 7 a
state closed
EOF
state_is closed message "Lab 1 is closed: no one can sign in to it (its status is changed on the labs screen, 6)."
state_is closed modal ""

# ---- the first letter picks a choice, in either case; again, the next ----
ldb="$T/letters.budgetlab"
demo_db "$ldb"
"$BUDGETLAB" lab add "$ldb" --theme "Bogstaver" --pool 100.000 --ballot godkendelse >/dev/null
ui "$ldb" <<'EOF'
key 7
key a
key Tab
type k
state lower
type a
state andet
key Tab Tab
type g
state g1
type G
state g2
type g
state g3
type d
state nomatch
key Esc
key y
EOF
is $RC 0 "first letters in the sign-in form"
state_is lower field.Køn Kvinde
state_is andet field.Køn Andet
state_is g1 "field.Højeste fuldførte uddannelse" Grundskole
state_is g2 "field.Højeste fuldførte uddannelse" "Gymnasial uddannelse"
state_is g3 "field.Højeste fuldførte uddannelse" Grundskole
# No choice starts with d: the field stays as it was.
state_is nomatch "field.Højeste fuldførte uddannelse" Grundskole
# ---- a fresh start chooses the newest lab; o chooses one on 6 and 7 ----
"$BUDGETLAB" lab add "$ldb" --theme "Nummer to" --pool 100.000 --ballot godkendelse >/dev/null
"$BUDGETLAB" session add "$ldb" 2 --date 2027-04-01 --place Rådhuset --facilitator Mette >/dev/null
ui "$ldb" <<'EOF'
key 7
state auto7
key o
key C-u
type 1
key Enter
state o7
key 6
key o
key C-u
type 2
key Enter
state o6
EOF
state_is auto7 signin.lab 2
state_is auto7 signin.session 1
state_is o7 signin.lab 1
state_is o7 message "Lab 1: Bogstaver"
state_is o6 labs.lab 2
ui "$ldb" <<'EOF'
key 8
state auto8
key Tab
state auto9
EOF
state_is auto8 ballots.lab 2
state_is auto8 ballots.session 1
state_is auto9 results.lab 2
done_testing
