# Versions, amendments, decisions and the hearing register in the store
# (store/amend_store.c, store/hearing_store.c): freezing, the triggers
# that keep frozen versions and decided amendments, the adopted version
# derived after every decision, refusals that change nothing.
check_PROGRAMS += tests/unit/test_amend_store
tests_unit_test_amend_store_SOURCES = tests/unit/test_amend_store.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_amend_store_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_amend_store
