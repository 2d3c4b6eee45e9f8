# bench/: benchmarks and their data generators (see bench/README.md).
# Built with the program, run only by `make bench`: speed is measured here,
# never in timed tests.
noinst_PROGRAMS += bench/gen_large bench/bench_load bench/bench_tui \
	bench/gen_import bench/bench_import bench/bench_rules bench/bench_amend
# What they share: bench_util.c (the generators' PRNG and files, options,
# the clock, running a program, the table of figures) and, for the two
# load benchmarks, bench_db.c (reading back what was loaded).
BENCH_UTIL = bench/bench_util.c bench/bench_util.h
BENCH_DB = bench/bench_db.c bench/bench_db.h
bench_gen_large_SOURCES = bench/gen_large.c $(BENCH_UTIL)
bench_bench_load_SOURCES = bench/bench_load.c $(BENCH_UTIL) $(BENCH_DB)
bench_bench_load_LDADD = $(BL_LIBS)
bench_bench_tui_SOURCES = bench/bench_tui.c
bench_gen_import_SOURCES = bench/gen_import.c $(BENCH_UTIL)
bench_bench_import_SOURCES = bench/bench_import.c $(BENCH_UTIL) $(BENCH_DB)
bench_bench_import_LDADD = $(BL_LIBS)
bench_bench_rules_SOURCES = bench/bench_rules.c $(BENCH_UTIL)
bench_bench_rules_LDADD = $(BL_LIBS)
bench_bench_amend_SOURCES = bench/bench_amend.c $(BENCH_UTIL)
bench_bench_amend_LDADD = $(BL_LIBS)
EXTRA_DIST += bench/README.md

# The generated data and databases live in the build tree, never in the
# source tree.  `make bench BENCH_LINES=10000 BENCH_ROWS=20000` for a quick
# run; `make bench-import` runs only the import benchmark, `make
# bench-rules` only the winner rules on the shared Pabulib instances
# (BENCH_RULES_ARGS=--all for every instance, not only the largest).
BENCH_DIR = $(abs_top_builddir)/bench-data
BENCH_LINES = 1000000
BENCH_ROWS = 1000000
BENCH_IMPORT_PROFILE = $(abs_top_srcdir)/config/import/bergen-driftsbudsjett.yaml
bench: bench/gen_large$(EXEEXT) bench/bench_load$(EXEEXT) bench/bench_tui$(EXEEXT) \
		bench/gen_import$(EXEEXT) bench/bench_import$(EXEEXT) bench/bench_rules$(EXEEXT) \
		budgetlab$(EXEEXT)
	@$(MKDIR_P) '$(BENCH_DIR)'
	./bench/gen_large$(EXEEXT) --lines $(BENCH_LINES) --dir '$(BENCH_DIR)'
	./bench/bench_load$(EXEEXT) --lines $(BENCH_LINES) --dir '$(BENCH_DIR)'
	./bench/bench_tui$(EXEEXT) --dir '$(BENCH_DIR)' --budgetlab ./budgetlab$(EXEEXT)
	@$(MAKE) $(AM_MAKEFLAGS) bench-import
	@$(MAKE) $(AM_MAKEFLAGS) bench-rules
	@$(MAKE) $(AM_MAKEFLAGS) bench-amend
bench-import: bench/gen_import$(EXEEXT) bench/bench_import$(EXEEXT) budgetlab$(EXEEXT)
	@$(MKDIR_P) '$(BENCH_DIR)'
	./bench/gen_import$(EXEEXT) --rows $(BENCH_ROWS) --dir '$(BENCH_DIR)'
	./bench/bench_import$(EXEEXT) --rows $(BENCH_ROWS) --dir '$(BENCH_DIR)' \
		--profile '$(BENCH_IMPORT_PROFILE)' --budgetlab ./budgetlab$(EXEEXT)
BENCH_RULES_ARGS =
bench-rules: bench/bench_rules$(EXEEXT)
	./bench/bench_rules$(EXEEXT) $(BENCH_RULES_ARGS)
# The readings on a whole budget: freeze, table, decide, diff.
BENCH_AMEND_ARGS =
bench-amend: bench/bench_amend$(EXEEXT)
	@$(MKDIR_P) '$(BENCH_DIR)'
	./bench/bench_amend$(EXEEXT) --dir '$(BENCH_DIR)' $(BENCH_AMEND_ARGS)
.PHONY: bench bench-import bench-rules bench-amend
CLEANFILES += bench-data/amend.budgetlab bench-data/amend.budgetlab-wal \
	bench-data/amend.budgetlab-shm
CLEANFILES += bench-data/large.tsv bench-data/large-areas.tsv bench-data/bench.sql \
	bench-data/bench.budgetlab bench-data/bench.budgetlab-wal \
	bench-data/bench.budgetlab-shm bench-data/bench-sqlite3.budgetlab \
	bench-data/bench-sqlite3.budgetlab-wal bench-data/bench-sqlite3.budgetlab-shm \
	bench-data/tui-open.script bench-data/tui-pages.script bench-data/tui-timing.txt \
	bench-data/import.csv bench-data/import-sums.txt bench-data/import-process.yaml \
	bench-data/import.json bench-data/import.budgetlab bench-data/import.budgetlab-wal \
	bench-data/import.budgetlab-shm bench-data/import-sqlite3.db \
	bench-data/import-sqlite3.db-journal bench-data/import-sqlite3.db-wal
