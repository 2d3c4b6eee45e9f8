# The diff between two budget versions (core/vdiff.c): lines, areas and
# their ancestors, the totals, overflow, and the CSV and Markdown exports.
check_PROGRAMS += tests/unit/test_vdiff
tests_unit_test_vdiff_SOURCES = tests/unit/test_vdiff.c tests/unit/tap.h
tests_unit_test_vdiff_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_vdiff
