# Amendments in the model (core/amend.c): the adopted version as base plus
# adopted amendments, their sources, effects per year and conflicts.
check_PROGRAMS += tests/unit/test_amend
tests_unit_test_amend_SOURCES = tests/unit/test_amend.c tests/unit/tap.h
tests_unit_test_amend_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_amend
