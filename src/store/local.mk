# store/: all SQLite access.
libbudgetlab_a_SOURCES += \
	src/store/store.h \
	src/store/store.c src/store/store_internal.h \
	src/store/schema.c \
	src/store/bulk.c \
	src/store/facts.c \
	src/store/view.c src/store/goal_view.c
libbudgetlab_a_SOURCES += src/store/journal_view.c
libbudgetlab_a_SOURCES += src/store/import_store.c src/store/import_store.h
libbudgetlab_a_SOURCES += src/store/lab_store.c src/store/lab_store.h src/store/lab_internal.h \
	src/store/lab_idea.c src/store/lab_ballot.c src/store/lab_pb.c src/store/lab_enter.c
libbudgetlab_a_SOURCES += src/store/amend_store.h src/store/hearing_store.h \
	src/store/amend_store.c src/store/hearing_store.c
libbudgetlab_a_SOURCES += src/store/goal_store.c src/store/goal_store.h
libbudgetlab_a_SOURCES += src/store/pillar_store.c src/store/pillar_store.h
libbudgetlab_a_SOURCES += src/store/pool_store.c src/store/pool_store.h
