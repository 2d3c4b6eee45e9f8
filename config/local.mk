# config/: the phase definitions budgetlab ships, installed where
# bl_path_shipped() looks for them ($(pkgdatadir)/phases/...).
phasesdir = $(pkgdatadir)/phases
dist_phases_DATA = \
	config/phases/danish-municipality.yaml \
	config/phases/norwegian-municipality.yaml
# The import profiles budgetlab ships (budgetlab-import(5)), found by name
# with `budgetlab import --profile NAME` ($(pkgdatadir)/import/...).
importdir = $(pkgdatadir)/import
dist_import_DATA = \
	config/import/bergen-driftsbudsjett.yaml \
	config/import/stavanger-budsjettforslag.yaml
