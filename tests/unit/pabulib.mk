# Pabulib .pb files (core/pabulib.c): the real instances (the two smallest
# in tests/fixtures/pabulib always; the shared ones when they are there),
# round trips, and malformed files of every kind.
check_PROGRAMS += tests/unit/test_pabulib
tests_unit_test_pabulib_SOURCES = tests/unit/test_pabulib.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_pabulib_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_pabulib
EXTRA_DIST += tests/fixtures/pabulib/README \
	tests/fixtures/pabulib/US_Stanford_Dataset_PB_Chicago_49th_Ward_2015_vote_approvals.pb \
	tests/fixtures/pabulib/Switzerland_Zurich_S5.pb
