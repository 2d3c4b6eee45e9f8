# The winner rules (core/rules.c): hand-made elections and, when the shared
# Pabulib instances and the .pb reader are there, pabutools' outcomes.
check_PROGRAMS += tests/unit/test_rules
tests_unit_test_rules_SOURCES = tests/unit/test_rules.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_rules_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_rules
