# The SDG data the program ships and its parser (core/sdg.c,
# config/sdg_file.c).
check_PROGRAMS += tests/unit/test_sdg
tests_unit_test_sdg_SOURCES = tests/unit/test_sdg.c tests/unit/tap.h
tests_unit_test_sdg_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_sdg
