# tests/ui: the development pools' screen (F) and a pool on the projector.
UI_TESTS += tests/ui/pools.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/pools-160x45.screen \
	tests/ui/expected/pools-80x24.screen \
	tests/ui/expected/pools-detail-80x24.screen \
	tests/ui/expected/pools-granted.screen \
	tests/ui/expected/pools-overspent-form.screen \
	tests/ui/expected/pools-overspent.screen \
	tests/ui/expected/pools-present-160x45.screen \
	tests/ui/expected/pools-present-80x24.screen
