# tui/: the ncurses screens.  ncurses is used here and nowhere else.
noinst_LIBRARIES += libbltui.a
libbltui_a_SOURCES = \
	src/tui/tui.h src/tui/app.c src/tui/input.c src/tui/actions.c \
	src/tui/theme.c src/tui/draw.c src/tui/edit.c src/tui/prompt.c src/tui/form.c \
	src/tui/screen_help.c src/tui/screen_process.c \
	src/tui/screen_budget.c src/tui/budget_model.c src/tui/budget_model.h \
	src/tui/budget_form.c \
	src/tui/screen_goals.c src/tui/screen_journal.c \
	src/tui/screen_import.c src/tui/import_screen.h src/tui/import_view.c \
	src/tui/import_run.c src/tui/import_map.c src/tui/import_edit.c src/tui/import_save.c \
	src/tui/screen_present.c src/tui/bigtext.c src/tui/bigtext.h \
	src/tui/screen_labs.c src/tui/screen_signin.c src/tui/lab_screen.h src/tui/lab_common.c \
	src/tui/lab_forms.c \
	src/tui/screen_ballots.c src/tui/screen_results.c \
	src/tui/ballots_common.c src/tui/ballots_common.h src/tui/results_model.c \
	src/tui/present_lab.c src/tui/present_lab.h \
	src/tui/readings_screen.h src/tui/readings_common.c \
	src/tui/screen_amendments.c src/tui/screen_hearing.c src/tui/screen_versions.c \
	src/tui/screen_pools.c src/tui/present_pool.c src/tui/present_pool.h \
	src/tui/screen_pillars.c
TUI_LIBS = libbltui.a
