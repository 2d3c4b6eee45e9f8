# tests/ui: garbage on the options, the script, and keys while too small.
UI_TESTS += tests/ui/garbage.sh
