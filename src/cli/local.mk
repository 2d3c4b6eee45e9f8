# cli/: the budgetlab program and its headless subcommands.
bin_PROGRAMS += budgetlab
budgetlab_SOURCES = \
	src/cli/main.c src/cli/cli.h src/cli/common.c \
	src/cli/cmd_status.c src/cli/cmd_advance.c src/cli/cmd_lines.c \
	src/cli/cmd_goals.c src/cli/cmd_journal.c src/cli/cmd_export.c src/cli/cmd_import.c \
	src/cli/cmd_create.c src/cli/cmd_open.c src/cli/demo.c src/cli/demo.h \
	src/cli/lab_cli.h src/cli/cmd_lab.c src/cli/cmd_idea.c src/cli/cmd_tally.c src/cli/demo_lab.c \
	src/cli/cmd_amend.c src/cli/cmd_hearing.c src/cli/cmd_sdg.c src/cli/cmd_goal_sdg.c src/cli/cmd_pillars.c \
	src/cli/cmd_pools.c src/cli/cmd_projects.c src/cli/pool_cli.h \
	src/cli/cmd_sdg_matrix.c
budgetlab_LDADD = $(TUI_LIBS) $(BL_LIBS) $(NCURSES_LIBS)
