# The projector's big digits.  bigtext.c is compiled into the test rather
# than taken from libbltui.a, which keeps it honest about not needing
# ncurses: the font is plain text.
check_PROGRAMS += tests/unit/test_bigtext
tests_unit_test_bigtext_SOURCES = tests/unit/test_bigtext.c tests/unit/tap.h \
	src/tui/bigtext.c src/tui/bigtext.h
tests_unit_test_bigtext_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_bigtext
