# tests/ui: process screen and journal screen tests.
UI_TESTS += tests/ui/process.sh tests/ui/journal.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/journal-160x45.screen \
	tests/ui/expected/journal-80x24.screen \
	tests/ui/expected/journal-end.screen \
	tests/ui/expected/journal-filter.screen \
	tests/ui/expected/process-160x45-labs.screen \
	tests/ui/expected/process-160x45.screen \
	tests/ui/expected/process-80x24.screen \
	tests/ui/expected/process-end.screen \
	tests/ui/expected/process-overridden.screen \
	tests/ui/expected/process-override.screen \
	tests/ui/expected/process-setup.screen \
	tests/ui/expected/process-ticked.screen
