# tests/ui: editing text in forms and prompts.
UI_TESTS += tests/ui/form.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/form-ask-form.screen \
	tests/ui/expected/form-bad-form.screen \
	tests/ui/expected/form-locked-form.screen \
	tests/ui/expected/form-long-end-form.screen \
	tests/ui/expected/form-long-home-form.screen \
	tests/ui/expected/form-prompt-end-line.screen \
	tests/ui/expected/form-prompt-home-line.screen \
	tests/ui/expected/form-warning-form.screen \
	tests/ui/expected/form-wide-end-form.screen \
	tests/ui/expected/form-wide-home-form.screen
