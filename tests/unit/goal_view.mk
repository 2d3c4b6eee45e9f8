# The goals screen's views (src/store/goal_view.c).
check_PROGRAMS += tests/unit/test_goal_view
tests_unit_test_goal_view_SOURCES = tests/unit/test_goal_view.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_goal_view_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_goal_view
