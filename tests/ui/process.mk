# tests/ui: process screen and journal screen tests.
UI_TESTS += tests/ui/process.sh tests/ui/journal.sh
UI_EXPECTED += tests/ui/expected/process-*.screen tests/ui/expected/journal-*.screen
