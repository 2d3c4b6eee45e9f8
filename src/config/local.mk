# config/: YAML loading and validation, paths.
libbudgetlab_a_SOURCES += \
	src/config/yaml_doc.c src/config/yaml_doc.h \
	src/config/import_yaml.c src/config/import_yaml.h \
	src/config/process_yaml.c src/config/process_yaml.h \
	src/config/paths.c src/config/paths.h
libbudgetlab_a_SOURCES += src/config/lab_yaml.c src/config/lab_yaml.h
libbudgetlab_a_SOURCES += src/config/readings_yaml.c src/config/readings_yaml.h
libbudgetlab_a_SOURCES += src/config/sdg_file.c src/config/sdg_file.h
