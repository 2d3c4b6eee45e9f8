check_PROGRAMS += tests/unit/test_money tests/unit/test_date
tests_unit_test_money_SOURCES = tests/unit/test_money.c tests/unit/tap.h
tests_unit_test_money_LDADD = $(TEST_LDADD)
tests_unit_test_date_SOURCES = tests/unit/test_date.c tests/unit/tap.h
tests_unit_test_date_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_money tests/unit/test_date
