# The readings in the model (core/readings.c, core/hearing_note.c) and the
# `readings:` section of a phase file (config/readings_yaml.c): defaults,
# the hearing window, positions, the hearing note, and garbage.
check_PROGRAMS += tests/unit/test_readings
tests_unit_test_readings_SOURCES = tests/unit/test_readings.c tests/unit/tap.h \
	tests/unit/test_util.h
tests_unit_test_readings_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_readings
