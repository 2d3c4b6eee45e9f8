# tests/ui: the import screen (5), on tests/fixtures/import and, when it
# is there, Bergen's real export.
UI_TESTS += tests/ui/import.sh
EXTRA_DIST += \
	tests/fixtures/import/small.csv \
	tests/fixtures/import/small-latin1.csv \
	tests/fixtures/import/small-bad.csv \
	tests/fixtures/import/simple.csv \
	tests/fixtures/import/years.csv
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/import-add-check-80x24.screen \
	tests/ui/expected/import-bad-check.screen \
	tests/ui/expected/import-bergen-check-80x24.screen \
	tests/ui/expected/import-bergen-preview-160x45.screen \
	tests/ui/expected/import-bergen-preview-80x24.screen \
	tests/ui/expected/import-check-160x45.screen \
	tests/ui/expected/import-check-80x24.screen \
	tests/ui/expected/import-done-80x24.screen \
	tests/ui/expected/import-mapping-160x45.screen \
	tests/ui/expected/import-mapping-80x24.screen \
	tests/ui/expected/import-pick.screen \
	tests/ui/expected/import-preview-160x45.screen \
	tests/ui/expected/import-preview-80x24.screen \
	tests/ui/expected/import-profile-160x45.screen \
	tests/ui/expected/import-profile-80x24.screen \
	tests/ui/expected/import-raw-80x24.screen \
	tests/ui/expected/import-replaced-80x24.screen
