# tests/ui: goals screen tests.
UI_TESTS += tests/ui/goals.sh tests/ui/goals_status.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/goals-added.screen \
	tests/ui/expected/goals-bridge-160x45.screen \
	tests/ui/expected/goals-bridge-80x24.screen \
	tests/ui/expected/goals-bridge-end.screen \
	tests/ui/expected/goals-empty.screen \
	tests/ui/expected/goals-form-bad-area.screen \
	tests/ui/expected/goals-link-unknown.screen \
	tests/ui/expected/goals-linked.screen \
	tests/ui/expected/goals-list-160x45.screen \
	tests/ui/expected/goals-list-80x24.screen \
	tests/ui/expected/goals-locked.screen \
	tests/ui/expected/goals-open-80x24.screen \
	tests/ui/expected/goals-scrolled-end.screen \
	tests/ui/expected/goals-sdg-160x45.screen \
	tests/ui/expected/goals-sdg-80x24.screen \
	tests/ui/expected/goals-sdg-end.screen \
	tests/ui/expected/goals-status-form.screen
