# tests/ui: the amendments screen (0) and the amendment on the projector.
UI_TESTS += tests/ui/amendments.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/amendments-160x45.screen \
	tests/ui/expected/amendments-80x24.screen \
	tests/ui/expected/amendments-decided.screen \
	tests/ui/expected/amendments-form-bad.screen \
	tests/ui/expected/amendments-present.screen \
	tests/ui/expected/amendments-unfrozen.screen
