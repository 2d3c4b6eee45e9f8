# The demo municipality (src/cli/demo.c is part of the program, not of the
# library, so the test compiles it in).
check_PROGRAMS += tests/unit/test_demo
tests_unit_test_demo_SOURCES = tests/unit/test_demo.c tests/unit/tap.h \
	src/cli/demo.c src/cli/demo.h
tests_unit_test_demo_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_demo
