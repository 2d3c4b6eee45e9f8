# tests/: unit tests (C, TAP) and CLI tests (shell, TAP).
EXTRA_DIST += tests/unit/tap.h
TEST_LDADD = $(BL_LIBS)
include $(top_srcdir)/tests/unit/money.mk
include $(top_srcdir)/tests/unit/config.mk
include $(top_srcdir)/tests/unit/store.mk
include $(top_srcdir)/tests/unit/gates.mk
include $(top_srcdir)/tests/unit/demo.mk
include $(top_srcdir)/tests/unit/bigtext.mk
include $(top_srcdir)/tests/unit/goal_view.mk
include $(top_srcdir)/tests/unit/journal_fmt.mk
include $(top_srcdir)/tests/unit/import.mk
include $(top_srcdir)/tests/unit/pabulib.mk
include $(top_srcdir)/tests/unit/rules.mk
include $(top_srcdir)/tests/unit/lab.mk
include $(top_srcdir)/tests/unit/vdiff.mk
include $(top_srcdir)/tests/unit/amend.mk
include $(top_srcdir)/tests/unit/amend_store.mk
include $(top_srcdir)/tests/unit/readings.mk
include $(top_srcdir)/tests/unit/sdg.mk
include $(top_srcdir)/tests/cli/cli.mk
include $(top_srcdir)/tests/ui/ui.mk
