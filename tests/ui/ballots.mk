# tests/ui: the ballots screen (8).
UI_TESTS += tests/ui/ballots.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/ballots-160x45.screen \
	tests/ui/expected/ballots-corrected.screen \
	tests/ui/expected/ballots-counted-80x24.screen \
	tests/ui/expected/ballots-nolab.screen \
	tests/ui/expected/ballots-pending-80x24.screen \
	tests/ui/expected/ballots-refused-80x24.screen \
	tests/ui/expected/ballots-undone.screen
