# The importer: reading exports (core/csv_read.c and bl_money_parse_csv),
# applying a profile to their rows (core/import.c), and the profiles
# themselves (config/import_yaml.c).
check_PROGRAMS += tests/unit/test_csv tests/unit/test_import tests/unit/test_import_yaml
tests_unit_test_csv_SOURCES = tests/unit/test_csv.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_csv_LDADD = $(TEST_LDADD)
tests_unit_test_import_SOURCES = tests/unit/test_import.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_import_LDADD = $(TEST_LDADD)
tests_unit_test_import_yaml_SOURCES = tests/unit/test_import_yaml.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_import_yaml_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_csv tests/unit/test_import tests/unit/test_import_yaml
