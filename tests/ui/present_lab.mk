# tests/ui: the projector's lab views (results, representation).
UI_TESTS += tests/ui/present_lab.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/present-repr-160x45.screen \
	tests/ui/expected/present-repr-80x24.screen \
	tests/ui/expected/present-results-120x35.screen \
	tests/ui/expected/present-results-160x45.screen \
	tests/ui/expected/present-results-80x24.screen \
	tests/ui/expected/present-results-many.screen \
	tests/ui/expected/present-results-one.screen
