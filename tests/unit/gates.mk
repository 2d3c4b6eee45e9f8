check_PROGRAMS += tests/unit/test_gates tests/unit/test_text
tests_unit_test_gates_SOURCES = tests/unit/test_gates.c tests/unit/tap.h
tests_unit_test_gates_LDADD = $(TEST_LDADD)
tests_unit_test_text_SOURCES = tests/unit/test_text.c tests/unit/tap.h
tests_unit_test_text_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_gates tests/unit/test_text
