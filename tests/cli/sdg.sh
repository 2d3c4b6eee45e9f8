# The SDGs as the program ships them: `sdgs`, a goal's targets, a target,
# and references written wrong.
. "$SRCDIR/tests/cli/lib.sh"
run sdgs
is $RC 0 "sdgs lists the goals"
has "$OUT" "17 goals, 169 targets" "  all 17, with 169 targets"
has "$OUT" "11  Sustainable cities and communities" "  goal 11"
run sdgs --lang da
has "$OUT" "Bæredygtige byer og lokalsamfund" "  in Danish"
run sdgs --lang=nb
has "$OUT" "Stoppe klimaendringene" "  in Norwegian"
run sdgs 11
is $RC 0 "a goal's targets"
has "$OUT" "11.7   Safe and inclusive green and public spaces" "  11.7"
has "$OUT" "11.c " "  to 11.c"
[ "$(grep -c '^  11\.' "$OUT")" = 10 ]
ok $? "  ten of them"
run sdgs 13.A
is $RC 0 "a target, in capitals"
has "$OUT" "13.a  Mobilize climate finance (goal 13: Climate action)" "  shown with its goal"
run sdgs 11.7a
is $RC 1 "11.7a is refused"
has "$ERR" "did you mean 11.a?" "  asking whether 11.a was meant"
run sdgs 11.8
is $RC 1 "a target the goal has not"
has "$ERR" "it has 11.1 to 11.7 and 11.a to 11.c" "  naming those it has"
run sdgs 18
is $RC 1 "no goal 18"
run sdgs --lang fr
is $RC 2 "an unknown language is a usage error"
run sdgs 1 2
is $RC 2 "two references are a usage error"
run sdgs --frob
is $RC 2 "an unknown option is a usage error"
echo "1..$_n"
[ "$_failed" = 0 ]
