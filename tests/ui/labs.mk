# tests/ui: labs screen tests.
UI_TESTS += tests/ui/labs.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/labs-160x45.screen \
	tests/ui/expected/labs-80x24.screen \
	tests/ui/expected/labs-added.screen \
	tests/ui/expected/labs-empty.screen \
	tests/ui/expected/labs-form-bad.screen \
	tests/ui/expected/labs-idea-bad.screen \
	tests/ui/expected/labs-session-bad.screen
