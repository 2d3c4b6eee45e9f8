# The journal's records in words (core/journal_fmt.c), garbage included,
# and the journal pages the journal screen reads (store/journal_view.c).
check_PROGRAMS += tests/unit/test_journal_fmt
tests_unit_test_journal_fmt_SOURCES = tests/unit/test_journal_fmt.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_journal_fmt_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_journal_fmt
