# tests/ui: the results screen (9).
UI_TESTS += tests/ui/results.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/results-160x45.screen \
	tests/ui/expected/results-80x24.screen \
	tests/ui/expected/results-shares-80x24.screen
