# tests/ui: the projector view (budgetlab --present).
UI_TESTS += tests/ui/present.sh
# Listed one by one: EXTRA_DIST takes no wildcards (a VPATH distcheck
# would not find them).
UI_EXPECTED += \
	tests/ui/expected/present-120x35.screen \
	tests/ui/expected/present-160x45.screen \
	tests/ui/expected/present-60x16.screen \
	tests/ui/expected/present-80x24.screen \
	tests/ui/expected/present-area-60x16.screen \
	tests/ui/expected/present-area-80x24.screen \
	tests/ui/expected/present-follow-amount.screen \
	tests/ui/expected/present-goal.screen \
	tests/ui/expected/present-goal-80x24.screen \
	tests/ui/expected/present-goal-160x45.screen \
	tests/ui/expected/present-line.screen \
	tests/ui/expected/present-message.screen
