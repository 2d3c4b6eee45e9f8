# tests/ui: sign-in screen tests.
UI_TESTS += tests/ui/signin.sh
# Listed one by one: EXTRA_DIST takes no wildcards.
UI_EXPECTED += \
	tests/ui/expected/signin-160x45.screen \
	tests/ui/expected/signin-60x16.screen \
	tests/ui/expected/signin-80x24.screen \
	tests/ui/expected/signin-form.screen \
	tests/ui/expected/signin-nolab.screen
