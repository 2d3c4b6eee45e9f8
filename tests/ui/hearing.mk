# tests/ui: the hearing screen (H).
UI_TESTS += tests/ui/hearing.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/hearing-160x45.screen \
	tests/ui/expected/hearing-80x24.screen \
	tests/ui/expected/hearing-commented.screen \
	tests/ui/expected/hearing-empty.screen \
	tests/ui/expected/hearing-form-bad.screen
