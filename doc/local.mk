# doc/: manual pages.
dist_man_MANS += doc/budgetlab-process.5
dist_man_MANS += doc/budgetlab.1
