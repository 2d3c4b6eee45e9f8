# The store's tests: test_store (the contract of store.h), test_migrate
# (every frozen schema in tests/fixtures/schema migrates to the current)
# and test_view (the screens' views and the spotlight).
check_PROGRAMS += tests/unit/test_store tests/unit/test_migrate tests/unit/test_view
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_store_LDADD = $(TEST_LDADD)
tests_unit_test_migrate_SOURCES = tests/unit/test_migrate.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_migrate_LDADD = $(TEST_LDADD)
tests_unit_test_view_SOURCES = tests/unit/test_view.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_view_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_store tests/unit/test_migrate tests/unit/test_view
# The bulk loader as the importer uses it: replacing a version, reusing
# lines by code, the lines a replacement removes, the journal's note.
check_PROGRAMS += tests/unit/test_bulk
tests_unit_test_bulk_SOURCES = tests/unit/test_bulk.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_bulk_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_bulk
EXTRA_DIST += tests/fixtures/schema/v1.sql tests/fixtures/schema/v2.sql tests/fixtures/schema/v3.sql \
	tests/fixtures/schema/v4.sql tests/fixtures/schema/v5.sql tests/fixtures/schema/v6.sql \
	tests/fixtures/schema/v7.sql tests/fixtures/schema/v8.sql
# Labs in the store: sessions, participants, ideas, ballots (never changed
# once counted), a lab as an election, a .pb file as a lab and back.
check_PROGRAMS += tests/unit/test_lab_store
tests_unit_test_lab_store_SOURCES = tests/unit/test_lab_store.c tests/unit/tap.h \
	tests/unit/store_util.h
tests_unit_test_lab_store_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_lab_store
