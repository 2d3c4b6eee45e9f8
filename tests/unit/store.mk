check_PROGRAMS += tests/unit/test_store
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/unit/tap.h
tests_unit_test_store_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_store
