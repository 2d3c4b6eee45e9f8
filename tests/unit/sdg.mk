# The SDG data the program ships and its parser (core/sdg.c,
# config/sdg_file.c).
check_PROGRAMS += tests/unit/test_sdg
tests_unit_test_sdg_SOURCES = tests/unit/test_sdg.c tests/unit/tap.h
tests_unit_test_sdg_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_sdg
# Goals and the SDGs in the store (store/goal_store.c).
check_PROGRAMS += tests/unit/test_goal_store
tests_unit_test_goal_store_SOURCES = tests/unit/test_goal_store.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_goal_store_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_goal_store
# Development pools and the rules the database keeps (store/pool_store.c,
# schema 8).
check_PROGRAMS += tests/unit/test_pool_store
tests_unit_test_pool_store_SOURCES = tests/unit/test_pool_store.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_pool_store_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_pool_store
