check_PROGRAMS += tests/unit/test_config
tests_unit_test_config_SOURCES = tests/unit/test_config.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_config_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_config
