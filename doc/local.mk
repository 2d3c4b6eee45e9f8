# doc/: manual pages.
dist_man_MANS += doc/budgetlab-import.5
dist_man_MANS += doc/budgetlab-process.5
dist_man_MANS += doc/budgetlab.1

# The KEYS section of budgetlab(1) is made from the action table
# (src/tui/actions.c); tests/cli/keys.sh fails when the two disagree.
update-man: budgetlab$(EXEEXT)
	./budgetlab$(EXEEXT) keys --man >doc-keys.tmp
	awk -v keys=doc-keys.tmp '/^\.\\" KEYS BEGIN/ { print; while ((getline l < keys) > 0) print l; skip = 1; next } \
		/^\.\\" KEYS END/ { skip = 0 } !skip' '$(srcdir)/doc/budgetlab.1' >doc-man.tmp
	mv doc-man.tmp '$(srcdir)/doc/budgetlab.1'
	rm -f doc-keys.tmp
.PHONY: update-man
