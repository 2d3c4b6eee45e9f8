# tests/ui: goals screen tests.
UI_TESTS += tests/ui/goals.sh
UI_EXPECTED += tests/ui/expected/goals-*.screen
