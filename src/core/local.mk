# core/: the model.  No ncurses, no SQLite, no YAML here.
libbudgetlab_a_SOURCES += \
	src/core/error.c src/core/error.h src/core/i18n.h \
	src/core/money.c src/core/money.h \
	src/core/date.c src/core/date.h \
	src/core/process.c src/core/process.h \
	src/core/gates.c src/core/gates.h \
	src/core/text.c src/core/text.h \
	src/core/journal_fmt.c src/core/journal_fmt.h
libbudgetlab_a_SOURCES += src/core/csv_read.c src/core/csv_read.h \
	src/core/file.c src/core/file.h \
	src/core/import.c src/core/import.h \
	src/core/import_export.c src/core/import_export.h
libbudgetlab_a_SOURCES += src/core/pabulib.c src/core/pabulib.h src/core/pb.h
libbudgetlab_a_SOURCES += src/core/rules.c src/core/rules.h src/core/rules_internal.h \
	src/core/rules_bigint.c src/core/rules_phragmen.c src/core/rules_mes.c src/core/rules_mes_fast.c
libbudgetlab_a_SOURCES += src/core/lab.c src/core/lab.h
libbudgetlab_a_SOURCES += src/core/vdiff.c src/core/vdiff.h
libbudgetlab_a_SOURCES += src/core/amend.c src/core/amend.h
libbudgetlab_a_SOURCES += src/core/readings.c src/core/readings.h src/core/hearing_note.c
libbudgetlab_a_SOURCES += src/core/sdg.c src/core/sdg.h
