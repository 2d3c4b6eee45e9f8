# cli/: the budgetlab program and its headless subcommands.
bin_PROGRAMS += budgetlab
budgetlab_SOURCES = \
	src/cli/main.c src/cli/cli.h
budgetlab_LDADD = $(BL_LIBS)
