# CLI tests: shell scripts that speak TAP and run the real binary.
EXTRA_DIST += tests/cli/lib.sh $(CLI_TESTS) $(CLI_EXPECTED) \
	tests/fixtures/budgets/README.md \
	tests/fixtures/budgets/bergen-2013-driftsbudsjett.csv \
	tests/fixtures/budgets/stavanger-budsjettforslag2016.csv
CLI_TESTS = tests/cli/basics.sh tests/cli/files.sh tests/cli/process.sh tests/cli/demo.sh tests/cli/keys.sh \
	tests/cli/import.sh tests/cli/labs.sh tests/cli/readings.sh tests/cli/sdg.sh tests/cli/goals_sdg.sh tests/cli/pillars.sh tests/cli/pools.sh tests/cli/goals_agreed.sh
TESTS += $(CLI_TESTS)
$(CLI_TESTS:.sh=.log): budgetlab$(EXEEXT)
CLI_EXPECTED = \
	tests/cli/expected/labs-representation.out \
	tests/cli/expected/labs-ideas.out \
	tests/cli/expected/labs-ballots.out \
	tests/cli/expected/labs-results.out \
	tests/cli/expected/labs-demo-results.out \
	tests/cli/expected/demo-status-mio.out \
	tests/cli/expected/demo-status.out \
	tests/cli/expected/export-csv.out \
	tests/cli/expected/line-show.out \
	tests/cli/expected/lines-kr.out \
	tests/cli/expected/lines-nb.out \
	tests/cli/expected/status-nb.out \
	tests/cli/expected/status-setup.out \
	tests/cli/expected/demo-phase.out \
	tests/cli/expected/demo-status-wide.out
