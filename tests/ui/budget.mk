# tests/ui: the budget screen.
UI_TESTS += tests/ui/budget.sh
UI_EXPECTED += tests/ui/expected/budget-80x24.screen tests/ui/expected/budget-160x45.screen \
	tests/ui/expected/budget-years-80x24.screen
UI_TESTS += tests/ui/tmux.sh
