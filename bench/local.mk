# bench/: benchmarks and their data generators (see bench/README.md).
# Built with the program, run only by `make bench`: speed is measured here,
# never in timed tests.
noinst_PROGRAMS += bench/gen_large bench/bench_load bench/bench_tui
bench_gen_large_SOURCES = bench/gen_large.c
bench_bench_load_SOURCES = bench/bench_load.c
bench_bench_load_LDADD = $(BL_LIBS)
bench_bench_tui_SOURCES = bench/bench_tui.c
EXTRA_DIST += bench/README.md

# The generated data and databases live in the build tree, never in the
# source tree.  `make bench BENCH_LINES=10000` for a quick run.
BENCH_DIR = $(abs_top_builddir)/bench-data
BENCH_LINES = 1000000
bench: bench/gen_large$(EXEEXT) bench/bench_load$(EXEEXT) bench/bench_tui$(EXEEXT) budgetlab$(EXEEXT)
	@$(MKDIR_P) '$(BENCH_DIR)'
	./bench/gen_large$(EXEEXT) --lines $(BENCH_LINES) --dir '$(BENCH_DIR)'
	./bench/bench_load$(EXEEXT) --lines $(BENCH_LINES) --dir '$(BENCH_DIR)'
	./bench/bench_tui$(EXEEXT) --dir '$(BENCH_DIR)' --budgetlab ./budgetlab$(EXEEXT)
.PHONY: bench
CLEANFILES += bench-data/large.tsv bench-data/large-areas.tsv bench-data/bench.sql \
	bench-data/bench.budgetlab bench-data/bench.budgetlab-wal \
	bench-data/bench.budgetlab-shm bench-data/bench-sqlite3.budgetlab \
	bench-data/bench-sqlite3.budgetlab-wal bench-data/bench-sqlite3.budgetlab-shm \
	bench-data/tui-open.script bench-data/tui-pages.script bench-data/tui-timing.txt
