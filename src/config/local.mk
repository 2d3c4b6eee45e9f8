# config/: YAML loading and validation, paths.
libbudgetlab_a_SOURCES += \
	src/config/process_yaml.c src/config/process_yaml.h \
	src/config/paths.c src/config/paths.h
