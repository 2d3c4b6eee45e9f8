# tests/ui: the versions screen (V) and the diff between two versions.
UI_TESTS += tests/ui/versions.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/versions-160x45.screen \
	tests/ui/expected/versions-80x24.screen \
	tests/ui/expected/versions-areas.screen \
	tests/ui/expected/versions-same.screen \
	tests/ui/expected/versions-unfrozen.screen
