# Citizen labs in the model (core/lab.c): ballots typed by the facilitator
# and their checks, the representation flags, target shares.
check_PROGRAMS += tests/unit/test_lab
tests_unit_test_lab_SOURCES = tests/unit/test_lab.c tests/unit/tap.h
tests_unit_test_lab_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_lab
