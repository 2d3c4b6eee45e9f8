# Scripted screen tests: the real binary, tty-free, keys from a script,
# screens and states compared with tests/ui/expected/.  The tmux test
# drives the real terminal path.
EXTRA_DIST += tests/ui/lib.sh $(UI_TESTS) $(UI_EXPECTED)
UI_TESTS =
UI_EXPECTED =
include $(top_srcdir)/tests/ui/budget.mk
include $(top_srcdir)/tests/ui/process.mk
include $(top_srcdir)/tests/ui/goals.mk
include $(top_srcdir)/tests/ui/present.mk
include $(top_srcdir)/tests/ui/garbage.mk
include $(top_srcdir)/tests/ui/form.mk
include $(top_srcdir)/tests/ui/import.mk
include $(top_srcdir)/tests/ui/labs.mk
include $(top_srcdir)/tests/ui/signin.mk
include $(top_srcdir)/tests/ui/ballots.mk
include $(top_srcdir)/tests/ui/results.mk
include $(top_srcdir)/tests/ui/present_lab.mk
include $(top_srcdir)/tests/ui/amendments.mk
include $(top_srcdir)/tests/ui/hearing.mk
include $(top_srcdir)/tests/ui/versions.mk
include $(top_srcdir)/tests/ui/pools.mk
include $(top_srcdir)/tests/ui/pillars.mk
TESTS += $(UI_TESTS)
$(UI_TESTS:.sh=.log): budgetlab$(EXEEXT)
