# tests/ui: the pillars screen (B): how the money divides by the lines'
# scores on the three pillars, the harmful lines, the assessment form.
UI_TESTS += tests/ui/pillars.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/pillars-160x45.screen \
	tests/ui/expected/pillars-80x24.screen \
	tests/ui/expected/pillars-assessed.screen \
	tests/ui/expected/pillars-form-bad.screen \
	tests/ui/expected/pillars-form.screen
